#include "text/layout_stage.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "text/text_testing.h"

namespace dossier {
namespace {

using testing::BlockKinds;
using testing::BlockTexts;
using ::testing::ElementsAre;
using ::testing::EndsWith;
using ::testing::StartsWith;

Document Layout(std::string text, std::string title = "") {
  StatusOr<Document> doc =
      NormalizeArticle(testing::Raw(std::move(text), std::move(title)), {});
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  Document d = std::move(doc).value();
  EXPECT_TRUE(LayoutStage().Run(d).ok());
  return d;
}

constexpr BlockKind kT = BlockKind::kTitle;
constexpr BlockKind kH = BlockKind::kHeading;
constexpr BlockKind kP = BlockKind::kParagraph;

TEST(LayoutStageTest, BlankLinesSeparateParagraphs) {
  Document doc = Layout(
      "Harbor Deal Signed in Caldera\n\n"
      "Minister Ilse Brandt signed the harbor agreement on Monday.\n\n"
      "The deal covers three ports.\n");
  EXPECT_THAT(BlockTexts(doc),
              ElementsAre("Harbor Deal Signed in Caldera",
                          "Minister Ilse Brandt signed the harbor agreement "
                          "on Monday.",
                          "The deal covers three ports."));
  EXPECT_THAT(BlockKinds(doc), ElementsAre(kT, kP, kP));
  EXPECT_EQ(doc.meta().title, "Harbor Deal Signed in Caldera");
}

TEST(LayoutStageTest, SingleNewlinesSeparateLongParagraphs) {
  Document doc = Layout(
      "Norland Opens Talks With Caldera\n"
      "President Mara Velden of Norland said on Tuesday that her government "
      "would open talks with Caldera next week, after months of tension over "
      "fishing rights in the northern strait.\n"
      "Officials in Caldera did not respond to a request for comment, but a "
      "spokesman for the foreign ministry said earlier that any talks would "
      "need a clear agenda.\n"
      "The two countries last met in 2019.\n");
  EXPECT_EQ(doc.layers().blocks.size(), 4u);
  EXPECT_THAT(BlockKinds(doc), ElementsAre(kT, kP, kP, kP));
  EXPECT_EQ(BlockTexts(doc)[3], "The two countries last met in 2019.");
}

TEST(LayoutStageTest, LowerCaseContinuationJoinsInParagraphMode) {
  Document doc = Layout(
      "Title Line Here\n"
      "The mayor of Estvale said the new bridge would open in the spring "
      "and that the city had set aside money for the\n"
      "repairs that engineers had asked for last year.\n"
      "A second paragraph follows here with a full stop.\n");
  EXPECT_THAT(BlockKinds(doc), ElementsAre(kT, kP, kP));
  EXPECT_EQ(BlockTexts(doc)[1],
            "The mayor of Estvale said the new bridge would open in the "
            "spring and that the city had set aside money for the\n"
            "repairs that engineers had asked for last year.");
}

TEST(LayoutStageTest, HardWrappedParagraphsAreJoined) {
  Document doc = Layout(
      "Storm Closes Ports\n"
      "\n"
      "A winter storm closed every port on the Norland coast on Sunday,\n"
      "and officials said ferries would stay in harbor until the winds\n"
      "drop. The coast guard asked fishing crews to remain ashore, and\n"
      "schools in three towns will be shut on Monday as a precaution.\n"
      "\n"
      "Forecasters at the national weather office expect the storm to\n"
      "move east by Tuesday. Power was cut to about 4,000 homes in the\n"
      "valley, according to the grid operator.\n");
  EXPECT_THAT(BlockKinds(doc), ElementsAre(kT, kP, kP));
  std::vector<std::string> texts = BlockTexts(doc);
  EXPECT_THAT(texts[1], StartsWith("A winter storm"));
  EXPECT_THAT(texts[1], EndsWith("as a precaution."));
  EXPECT_THAT(texts[2], EndsWith("to the grid operator."));
}

TEST(LayoutStageTest, HardWrapWithSingleNewlineParagraphBreak) {
  Document doc = Layout(
      "Storm Closes Ports\n"
      "A winter storm closed every port on the Norland coast on Sunday,\n"
      "and officials said ferries would stay in harbor until the winds\n"
      "drop.\n"
      "Forecasters at the national weather office expect the storm to\n"
      "move east by Tuesday, and power was cut to about 4,000 homes in\n"
      "the valley.\n");
  EXPECT_THAT(BlockKinds(doc), ElementsAre(kT, kP, kP));
  EXPECT_THAT(BlockTexts(doc)[2], StartsWith("Forecasters"));
}

TEST(LayoutStageTest, SpansExcludeSurroundingWhitespace) {
  Document doc =
      Layout("\n\n   Title Words Here  \n\n\t Body text sits here.  \n\n");
  ASSERT_EQ(doc.layers().blocks.size(), 2u);
  EXPECT_THAT(BlockTexts(doc),
              ElementsAre("Title Words Here", "Body text sits here."));
}

TEST(LayoutStageTest, BlocksAreOrderedAndDisjoint) {
  Document doc = Layout(
      "A Title\nOne paragraph.\n\nTwo paragraph.\nThree paragraph here.\n");
  const auto& blocks = doc.layers().blocks;
  for (size_t i = 0; i < blocks.size(); ++i) {
    EXPECT_LT(blocks[i].span.start, blocks[i].span.end);
    if (i > 0) {
      EXPECT_LE(blocks[i - 1].span.end, blocks[i].span.start);
    }
  }
}

TEST(LayoutStageTest, MetadataTitleMeansNoTitleBlock) {
  Document doc =
      Layout("Minister Ilse Brandt signed the deal.\n\nIt covers three ports.",
             "Harbor Deal Signed");
  EXPECT_THAT(BlockKinds(doc), ElementsAre(kP, kP));
  EXPECT_EQ(doc.meta().title, "Harbor Deal Signed");
}

TEST(LayoutStageTest, TitleIsTheFirstLineOnly) {
  Document doc = Layout(
      "Ports Reopen After Storm\nFerries resumed on Monday. Crews cleared "
      "debris.\n");
  EXPECT_THAT(BlockKinds(doc), ElementsAre(kT, kP));
  EXPECT_EQ(doc.meta().title, "Ports Reopen After Storm");
}

TEST(LayoutStageTest, TitleCaseLineBetweenParagraphsIsHeading) {
  Document doc = Layout(
      "Norland Election Results\n\n"
      "Voters in Norland chose a new parliament on Sunday.\n\n"
      "What the Coalition Means for Trade\n\n"
      "Analysts at the Caldera Herald expect lower tariffs.\n");
  EXPECT_THAT(BlockKinds(doc), ElementsAre(kT, kP, kH, kP));
}

TEST(LayoutStageTest, HeadingInSingleNewlineDocument) {
  Document doc = Layout(
      "Norland Election Results\n"
      "Voters in Norland chose a new parliament on Sunday, giving the "
      "center-left alliance a narrow lead over its rivals.\n"
      "Velden Calls for Unity\n"
      "Mara Velden told supporters in Estvale that the result was a mandate "
      "for reform.\n");
  EXPECT_THAT(BlockKinds(doc), ElementsAre(kT, kP, kH, kP));
}

TEST(LayoutStageTest, LastBlockIsNeverHeading) {
  Document doc =
      Layout("Title\n\nBody sentence here.\n\nFurther Reading on Norland\n");
  EXPECT_THAT(BlockKinds(doc), ElementsAre(kT, kP, kP));
}

TEST(LayoutStageTest, QuotedTitleCaseLineIsNotHeading) {
  Document doc = Layout(
      "Title\n\n"
      "Velden said:\n\n"
      "\xE2\x80\x9CWe Will Rebuild Every Harbor\xE2\x80\x9D\n\n"
      "The crowd cheered.\n");
  EXPECT_THAT(BlockKinds(doc), ElementsAre(kT, kP, kP, kP));
}

TEST(LayoutStageTest, LineInsideMultiParagraphQuoteIsNotHeading) {
  Document doc = Layout(
      "Title\n\n"
      "\xE2\x80\x9CWe will rebuild, and we will do it together.\n\n"
      "Every Harbor and Every Town\n\n"
      "\xE2\x80\x9CThat is our promise,\xE2\x80\x9D she said.\n");
  EXPECT_THAT(BlockKinds(doc), ElementsAre(kT, kP, kP, kP));
}

TEST(LooksLikeHeadingTest, AcceptsTitleCaseLines) {
  EXPECT_TRUE(LooksLikeHeading("Velden Calls for Unity"));
  EXPECT_TRUE(
      LooksLikeHeading("Caldera\xE2\x80\x99s Response and the Ceasefire"));
  EXPECT_TRUE(LooksLikeHeading("Round 2 of the Talks"));
  EXPECT_TRUE(LooksLikeHeading("What Happens Next in Estvale"));
}

TEST(LooksLikeHeadingTest, RejectsTitleCaseSentenceWithPeriod) {
  EXPECT_FALSE(LooksLikeHeading("Velden Calls For Unity In The North."));
  EXPECT_FALSE(LooksLikeHeading("Will Velden Resign?"));
  EXPECT_FALSE(LooksLikeHeading("Officials Said This:"));
}

TEST(LooksLikeHeadingTest, RejectsSingleWord) {
  EXPECT_FALSE(LooksLikeHeading("Advertisement"));
  EXPECT_FALSE(LooksLikeHeading("Norland"));
}

TEST(LooksLikeHeadingTest, RejectsAllCapitals) {
  EXPECT_FALSE(LooksLikeHeading("BREAKING NEWS FROM CALDERA"));
}

TEST(LooksLikeHeadingTest, RejectsSentenceCaseProse) {
  EXPECT_FALSE(LooksLikeHeading("The talks will resume in the spring"));
  EXPECT_FALSE(LooksLikeHeading("Velden said she would travel to Estvale"));
  EXPECT_FALSE(LooksLikeHeading("More to come"));
}

TEST(LooksLikeHeadingTest, RejectsLongLines) {
  EXPECT_FALSE(LooksLikeHeading(
      "Velden And Brandt Meet In Estvale To Discuss The Harbor Dispute "
      "Ahead Of The Summit In Caldera"));
}

TEST(LooksLikeHeadingTest, RejectsQuotedAndDatelineLines) {
  EXPECT_FALSE(LooksLikeHeading("\"Save the Harbor\""));
  EXPECT_FALSE(LooksLikeHeading("Estvale, May 15, 2025 \xE2\x80\x93 Agency"));
  EXPECT_FALSE(LooksLikeHeading("Caldera Herald, Page 4,"));
}

TEST(LooksLikeHeadingTest, RejectsLowerCaseStart) {
  EXPECT_FALSE(LooksLikeHeading("and Then the Council Voted"));
}

}  // namespace
}  // namespace dossier
