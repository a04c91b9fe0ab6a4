#include "clean/boilerplate_stage.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "doc/testing_doc.h"

namespace dossier {
namespace {

using testing_doc::MakeDoc;

// An invented article body: eight plain paragraphs.
constexpr std::string_view kBody =
    "President Mara Velden of Norland opened the new harbour bridge on "
    "Monday.\n"
    "The bridge links the two halves of the old port town of Keldby.\n"
    "Engineers from the Caldera works spent four winters on the project.\n"
    "Local traders said the crossing would cut their delivery times.\n"
    "Some residents complained about the noise during construction.\n"
    "The council expects ten thousand crossings a day by next summer.\n"
    "Velden thanked the workers and the families of the town.\n"
    "A second bridge further north is planned for later this decade.\n";

Document Clean(std::string text) {
  Document doc = MakeDoc(std::move(text));
  BoilerplateStage stage;
  Status st = stage.Run(doc);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return doc;
}

// The reason given to the block whose text is `line` ("" when kept).
std::string WhyOf(const Document& doc, std::string_view line) {
  for (const Block& b : doc.layers().blocks) {
    if (doc.Slice(b.span) == line) return b.removed_why;
  }
  ADD_FAILURE() << "no block " << line;
  return "?";
}

int RemovedCount(const Document& doc) {
  int n = 0;
  for (const Block& b : doc.layers().blocks) n += !b.removed_why.empty();
  return n;
}

TEST(BoilerplateStageTest, PlainArticleKeepsEveryBlock) {
  Document doc = Clean("Bridge opens in Keldby\n" + std::string(kBody));
  EXPECT_EQ(RemovedCount(doc), 0);
}

TEST(BoilerplateStageTest, SubscriptionFooterAtTheEnd) {
  Document doc = Clean(
      "Bridge opens in Keldby\n" + std::string(kBody) +
      "Subscribe to The Caldera Herald\n"
      "Don’t miss out on the latest stories. Sign up now to get access to "
      "members-only reporting.\n"
      "reader@example.org\n"
      "Subscribe\n");
  EXPECT_EQ(WhyOf(doc, "Subscribe to The Caldera Herald"),
            "subscription_footer");
  EXPECT_EQ(WhyOf(doc,
                  "Don’t miss out on the latest stories. Sign up now to get "
                  "access to members-only reporting."),
            "subscription_footer");
  EXPECT_EQ(WhyOf(doc, "reader@example.org"), "email");
  EXPECT_EQ(WhyOf(doc, "Subscribe"), "subscription_footer");
  EXPECT_EQ(RemovedCount(doc), 4);
}

TEST(BoilerplateStageTest, CopyrightLinesAreRemoved) {
  Document doc = Clean("Bridge opens in Keldby\n" + std::string(kBody) +
                       "(c) 2025 Nordpress. All rights reserved.\n"
                       "\xC2\xA9 Caldera Herald 2024\n");
  EXPECT_EQ(WhyOf(doc, "(c) 2025 Nordpress. All rights reserved."),
            "copyright");
  EXPECT_EQ(WhyOf(doc, "\xC2\xA9 Caldera Herald 2024"), "copyright");
}

TEST(BoilerplateStageTest, ProseAboutCopyrightIsKept) {
  Document doc = Clean("Bridge opens in Keldby\n" + std::string(kBody) +
                       "The court said the copyright claim had no merit.\n");
  EXPECT_EQ(WhyOf(doc, "The court said the copyright claim had no merit."), "");
}

TEST(BoilerplateStageTest, SupportOurJournalismLine) {
  Document doc = Clean("Bridge opens in Keldby\n" + std::string(kBody) +
                       "Support our journalism with a monthly gift.\n");
  EXPECT_EQ(WhyOf(doc, "Support our journalism with a monthly gift."),
            "subscription_footer");
}

TEST(BoilerplateStageTest, ShortSignUpLineRemovedEvenMidArticle) {
  Document doc = Clean(
      "Bridge opens in Keldby\n"
      "President Mara Velden of Norland opened the bridge on Monday.\n"
      "Sign up for our morning briefing\n" +
      std::string(kBody));
  EXPECT_EQ(WhyOf(doc, "Sign up for our morning briefing"),
            "subscription_footer");
}

TEST(BoilerplateStageTest, PromoPhraseOutsideTheTailIsKept) {
  std::string text = "Bridge opens in Keldby\n";
  text +=
      "The club said its newsletter, long a members-only affair, would now "
      "be open to every resident of the town who wanted a copy.\n";
  for (int i = 0; i < 3; ++i) text += kBody;
  Document doc = Clean(text);
  EXPECT_EQ(RemovedCount(doc), 0);
}

TEST(BoilerplateStageTest, BodyProseMentioningSubscribingOrReadingStays) {
  Document doc = Clean(
      "Senate debates harbour fund\n" + std::string(kBody) +
      "Read more about the harbour fund in the council report published on "
      "Friday.\n"
      "Senator Ilse Brandt said she would subscribe to the plan if the costs "
      "were shared.\n"
      "Few readers of the Caldera Herald had heard of the fund before.\n");
  EXPECT_EQ(RemovedCount(doc), 0);
}

TEST(BoilerplateStageTest, EmailOnlyBlock) {
  Document doc = Clean("Bridge opens\n" + std::string(kBody) +
                       "name.surname+news@caldera-herald.example\n");
  EXPECT_EQ(WhyOf(doc, "name.surname+news@caldera-herald.example"), "email");
}

TEST(BoilerplateStageTest, SentenceWithEmailAddressStays) {
  Document doc =
      Clean("Bridge opens\n" + std::string(kBody) +
            "Tips can be sent to desk@caldera.example at any time.\n");
  EXPECT_EQ(RemovedCount(doc), 0);
}

TEST(BoilerplateStageTest, RelatedLinkLines) {
  Document doc = Clean(
      "Bridge opens\n"
      "Read more: Keldby votes on a second crossing\n"
      "READ MORE: Velden names new harbour chief\n"
      "Related: The long history of the Keldby ferry\n"
      "See also: Norland budget in charts\n"
      "Also read: Ten years of bridge plans\n"
      "Recommended: The best walks around Keldby\n"
      "More from The Caldera Herald\n"
      "Also on Nordpress:\n" +
      std::string(kBody));
  for (std::string_view line :
       {"Read more: Keldby votes on a second crossing",
        "READ MORE: Velden names new harbour chief",
        "Related: The long history of the Keldby ferry",
        "See also: Norland budget in charts",
        "Also read: Ten years of bridge plans",
        "Recommended: The best walks around Keldby",
        "More from The Caldera Herald", "Also on Nordpress:"}) {
    EXPECT_EQ(WhyOf(doc, line), "related_link") << line;
  }
}

TEST(BoilerplateStageTest, ImagePlaceholders) {
  Document doc = Clean(
      "Bridge opens\nImage\nPostImage\n[image]\nPhoto\n"
      "Illustration\nIMG_1234.jpg\n" +
      std::string(kBody));
  for (std::string_view line : {"Image", "PostImage", "[image]", "Photo",
                                "Illustration", "IMG_1234.jpg"}) {
    EXPECT_EQ(WhyOf(doc, line), "image_placeholder") << line;
  }
}

TEST(BoilerplateStageTest, PhotoCaptionsWithCredits) {
  Document doc = Clean(
      "Bridge opens\n"
      "Mara Velden cuts the ribbon in Keldby. (Photo by A. Holm/Nordpress)\n"
      "Photo: Nordpress\n"
      "The new bridge at dusk. Getty Images\n"
      "File photo of the old ferry terminal.\n"
      "A. Holm/Nordpress.\n" +
      std::string(kBody));
  for (std::string_view line :
       {"Mara Velden cuts the ribbon in Keldby. (Photo by A. Holm/Nordpress)",
        "Photo: Nordpress", "The new bridge at dusk. Getty Images",
        "File photo of the old ferry terminal.", "A. Holm/Nordpress."}) {
    EXPECT_EQ(WhyOf(doc, line), "caption") << line;
  }
}

TEST(BoilerplateStageTest, ProseMentioningPhotosStays) {
  Document doc = Clean(
      "Bridge opens\n" + std::string(kBody) +
      "Photographers from Getty Images and Nordpress lined the bank as the "
      "first cars crossed.\n"
      "She studied bridge design in Keldby and later in Oslo/Bergen.\n");
  EXPECT_EQ(RemovedCount(doc), 0);
}

TEST(BoilerplateStageTest, RepeatedTitle) {
  Document doc = Clean(
      "Bridge Opens in Keldby\n"
      "Bridge opens in Keldby\n" +
      std::string(kBody) + "BRIDGE OPENS IN KELDBY!\n");
  const auto& blocks = doc.layers().blocks;
  EXPECT_EQ(blocks[0].removed_why, "");  // the title itself
  EXPECT_EQ(blocks[1].removed_why, "repeated_title");
  EXPECT_EQ(blocks.back().removed_why, "repeated_title");
}

TEST(BoilerplateStageTest, TruncatedLeadBeforeFullParagraph) {
  Document doc = Clean(
      "Bridge opens\n"
      "President Mara Velden of Norland opened the new harbour bridge in\n"
      "Image\n"
      "President Mara Velden of Norland opened the new harbour bridge in "
      "Keldby on Monday, ending years of delay.\n" +
      std::string(kBody));
  EXPECT_EQ(WhyOf(doc,
                  "President Mara Velden of Norland opened the new "
                  "harbour bridge in"),
            "duplicate_teaser");
  EXPECT_EQ(WhyOf(doc,
                  "President Mara Velden of Norland opened the new "
                  "harbour bridge in Keldby on Monday, ending years of "
                  "delay."),
            "");
}

TEST(BoilerplateStageTest, ShortRepeatedPhraseIsNotATeaser) {
  Document doc = Clean(
      "Bridge opens\n"
      "Velden spoke first.\n"
      "Velden spoke first, then the mayor of Keldby took the stage.\n");
  EXPECT_EQ(RemovedCount(doc), 0);
}

TEST(BoilerplateStageTest, SocialLines) {
  Document doc = Clean("Bridge opens\n" + std::string(kBody) +
                       "Share this article\n"
                       "Follow us on Bluesky and Mastodon\n"
                       "Click here to get breaking news alerts\n");
  EXPECT_EQ(WhyOf(doc, "Share this article"), "social");
  EXPECT_EQ(WhyOf(doc, "Follow us on Bluesky and Mastodon"), "social");
  EXPECT_EQ(WhyOf(doc, "Click here to get breaking news alerts"), "social");
}

TEST(BoilerplateStageTest, ProseStartingWithShareStays) {
  Document doc =
      Clean("Bridge opens\n" + std::string(kBody) +
            "Share prices of Caldera Works rose after the opening.\n");
  EXPECT_EQ(RemovedCount(doc), 0);
}

TEST(BoilerplateStageTest, DatelineBlockIsNeverRemoved) {
  Document doc =
      MakeDoc("Bridge opens\nPhoto: Nordpress\n" + std::string(kBody));
  doc.layers().blocks[1].kind = BlockKind::kDateline;
  BoilerplateStage stage;
  ASSERT_TRUE(stage.Run(doc).ok());
  EXPECT_EQ(doc.layers().blocks[1].removed_why, "");
}

TEST(BoilerplateStageTest, ExistingReasonIsKept) {
  Document doc = MakeDoc("Bridge opens\nSubscribe\n" + std::string(kBody));
  doc.layers().blocks[1].removed_why = "other_reason";
  BoilerplateStage stage;
  ASSERT_TRUE(stage.Run(doc).ok());
  EXPECT_EQ(doc.layers().blocks[1].removed_why, "other_reason");
}

TEST(BoilerplateStageTest, NeverDeletesBlocks) {
  Document doc =
      MakeDoc("Bridge opens\nImage\n" + std::string(kBody) + "Subscribe\n");
  size_t before = doc.layers().blocks.size();
  BoilerplateStage stage;
  ASSERT_TRUE(stage.Run(doc).ok());
  EXPECT_EQ(doc.layers().blocks.size(), before);
}

TEST(BoilerplateStageTest, CompactedTextHoldsOnlyTheArticle) {
  Document doc = Clean("Bridge opens\nImage\n" + std::string(kBody) +
                       "Share this article\nSubscribe\n");
  StatusOr<Document> c = std::move(doc).Compact();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->text().find("Subscribe"), std::string_view::npos);
  EXPECT_EQ(c->text().find("Image"), std::string_view::npos);
  EXPECT_EQ(c->layers().removed.size(), 3u);
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

TEST(BoilerplateBylineTest, BylineNearTheTopIsRemovedAndNamesTheAuthors) {
  Document doc = Clean(
      "Bridge Opens in Keldby\nBy Hanna Lindqvist and Piet Oduya\n" +
      std::string(kBody));
  EXPECT_EQ(WhyOf(doc, "By Hanna Lindqvist and Piet Oduya"), "byline");
  EXPECT_EQ(doc.meta().authors,
            (std::vector<std::string>{"Hanna Lindqvist", "Piet Oduya"}));
}

TEST(BoilerplateBylineTest, BylineWithRoleAndThreeNames) {
  Document doc = Clean(
      "Bridge Opens in Keldby\nBy Ana Ruiz, Tomas Berg and Li Wen, Staff "
      "Writers\n" +
      std::string(kBody));
  EXPECT_EQ(WhyOf(doc, "By Ana Ruiz, Tomas Berg and Li Wen, Staff Writers"),
            "byline");
  EXPECT_EQ(doc.meta().authors,
            (std::vector<std::string>{"Ana Ruiz", "Tomas Berg", "Li Wen"}));
}

TEST(BoilerplateBylineTest, SentenceStartingWithByIsKept) {
  Document doc = Clean(
      "Bridge Opens in Keldby\nBy Wednesday the council must decide.\n" +
      std::string(kBody));
  EXPECT_EQ(WhyOf(doc, "By Wednesday the council must decide."), "");
  EXPECT_TRUE(doc.meta().authors.empty());
}

TEST(BoilerplateBylineTest, TrailingPhotoCreditMarksACaption) {
  Document doc = Clean(std::string(kBody) +
                       "Workers on the new quay. Photo: Keldby Post staff\n" +
                       std::string(kBody));
  EXPECT_EQ(WhyOf(doc, "Workers on the new quay. Photo: Keldby Post staff"),
            "caption");
}

}  // namespace
}  // namespace dossier
