#include "entities/mention_stage.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "entities/test_document.h"

namespace dossier {
namespace {

struct Found {
  std::string text;
  std::string name;
  EntityType type;
  MentionForm form;
  int32_t local;
};

std::vector<Found> RunStage(Document& doc) {
  MentionStage stage;
  Status st = stage.Run(doc);
  EXPECT_TRUE(st.ok()) << st.ToString();
  std::vector<Found> out;
  for (const Mention& m : doc.layers().mentions) {
    out.push_back({std::string(doc.Slice(m.span)),
                   std::string(doc.Slice(m.name)), m.type, m.form, m.local});
  }
  return out;
}

std::vector<Found> Mentions(const std::string& text,
                            bool first_is_title = false) {
  Document doc = test::MakeTestDocument(text, "d1", first_is_title);
  return RunStage(doc);
}

// The mention whose span text is `t`, or nullptr.
const Found* Find(const std::vector<Found>& ms, const std::string& t) {
  for (const Found& f : ms) {
    if (f.text == t) return &f;
  }
  return nullptr;
}

TEST(MentionStageTest, DatelinePlaceAndAgencyAreTyped) {
  Document doc = test::MakeTestDocument(
      "KELDBY, March 3 (Nordpress) - The ferry board met on Monday.", "d1",
      false);
  Dateline d;
  d.span = {0, 28};
  d.place = "Keldby";
  d.agency = "Nordpress";
  doc.layers().dateline = d;
  bool place = false;
  for (const Found& f : RunStage(doc)) {
    if (f.name == "KELDBY") place = f.type == EntityType::kLoc;
    if (f.name == "Nordpress") {
      EXPECT_EQ(f.type, EntityType::kOrg);
    }
  }
  EXPECT_TRUE(place);
}

TEST(MentionStageTest, TitleMakesPersonAndSpanCoversTitle) {
  auto ms = Mentions("On Monday President Mara Velden opened the session.");
  const Found* m = Find(ms, "President Mara Velden");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->name, "Mara Velden");
  EXPECT_EQ(m->type, EntityType::kPerson);
  EXPECT_EQ(m->form, MentionForm::kTitle);
}

TEST(MentionStageTest, MultiWordAndLowerCaseTitles) {
  auto ms = Mentions(
      "Foreign Minister Tomas Eberle met Secretary of State Lina Okafor and "
      "the government spokesman Ivo Marr.");
  ASSERT_NE(Find(ms, "Foreign Minister Tomas Eberle"), nullptr);
  ASSERT_NE(Find(ms, "Secretary of State Lina Okafor"), nullptr);
  const Found* s = Find(ms, "spokesman Ivo Marr");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->name, "Ivo Marr");
  EXPECT_EQ(s->type, EntityType::kPerson);
}

TEST(MentionStageTest, TitleWordsAloneAreNotEntities) {
  auto ms = Mentions(
      "The President said the Prime Minister would travel with the "
      "Foreign Minister.");
  EXPECT_TRUE(ms.empty()) << ms[0].text;
}

TEST(MentionStageTest, InterjectionOpeningAQuoteIsNotAName) {
  auto ms = Mentions(
      "\"Look, nothing will change until the vote,\" Mara Velden told "
      "reporters in Caldera.");
  EXPECT_EQ(Find(ms, "Look"), nullptr);
  EXPECT_NE(Find(ms, "Mara Velden"), nullptr);
}

TEST(MentionStageTest, OrganisationCuesConnectorsAndAcronyms) {
  auto ms = Mentions(
      "Officials at the Bank of Norland told the Caldera Herald that NATO "
      "and the Ministry of Trade and Industry had agreed.");
  for (const char* t : {"Bank of Norland", "Caldera Herald", "NATO",
                        "Ministry of Trade and Industry"}) {
    const Found* m = Find(ms, t);
    ASSERT_NE(m, nullptr) << t;
    EXPECT_EQ(m->type, EntityType::kOrg) << t;
  }
}

TEST(MentionStageTest, PersonOfPlaceIsSplitAtOf) {
  auto ms = Mentions("A letter from Mara Velden of Norland arrived.");
  ASSERT_NE(Find(ms, "Mara Velden"), nullptr);
  const Found* loc = Find(ms, "Norland");
  ASSERT_NE(loc, nullptr);
  EXPECT_EQ(loc->type, EntityType::kLoc);
}

TEST(MentionStageTest, GazetteerPlacesWithDiacriticVariants) {
  auto ms = Mentions(
      "Delegates flew from Türkiye and Turkey's neighbours to Kyiv, "
      "then on to the United Arab Emirates.");
  for (const char* t : {"Türkiye", "Turkey", "Kyiv", "United Arab Emirates"}) {
    const Found* m = Find(ms, t);
    ASSERT_NE(m, nullptr) << t;
    EXPECT_EQ(m->type, EntityType::kLoc) << t;
  }
}

TEST(MentionStageTest, DemonymsAreMisc) {
  auto ms = Mentions("The talks included Russian and Ukrainian negotiators.");
  ASSERT_NE(Find(ms, "Russian"), nullptr);
  EXPECT_EQ(Find(ms, "Russian")->type, EntityType::kMisc);
  EXPECT_EQ(Find(ms, "Ukrainian")->type, EntityType::kMisc);
}

TEST(MentionStageTest, SingleUnknownWordAfterPrepositionIsPlace) {
  auto ms = Mentions("The convoy moved slowly toward Ostrel overnight.");
  const Found* m = Find(ms, "Ostrel");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->type, EntityType::kLoc);
}

TEST(MentionStageTest, TwoWordNameBeforeSpeechVerbIsPerson) {
  auto ms = Mentions("Analysts were divided, and Ilse Marran said so.");
  const Found* m = Find(ms, "Ilse Marran");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->type, EntityType::kPerson);
}

TEST(MentionStageTest, SurnameLaterSharesLocalWithFullName) {
  auto ms = Mentions(
      "Mara Velden arrived in the capital. Hours later, Velden spoke to "
      "the press, and President Velden left.");
  const Found* full = Find(ms, "Mara Velden");
  const Found* sur = Find(ms, "Velden");
  const Found* titled = Find(ms, "President Velden");
  ASSERT_NE(full, nullptr);
  ASSERT_NE(sur, nullptr);
  ASSERT_NE(titled, nullptr);
  EXPECT_EQ(sur->type, EntityType::kPerson);
  EXPECT_EQ(sur->form, MentionForm::kSurname);
  EXPECT_EQ(sur->local, full->local);
  EXPECT_EQ(titled->local, full->local);
}

TEST(MentionStageTest, SharedFirstNameNeverSharesLocal) {
  auto ms = Mentions(
      "Mara Velden spoke first. Mara Okonjo answered her. Then Okonjo "
      "left.");
  const Found* a = Find(ms, "Mara Velden");
  const Found* b = Find(ms, "Mara Okonjo");
  const Found* c = Find(ms, "Okonjo");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  ASSERT_NE(c, nullptr);
  EXPECT_NE(a->local, b->local);
  EXPECT_EQ(c->local, b->local);
}

TEST(MentionStageTest, SentenceInitialFunctionWordsAreSplitOff) {
  auto ms = Mentions(
      "However, the vote passed. In Caldera, crowds gathered. The Caldera "
      "Herald said so. But Mara Velden disagreed.");
  EXPECT_EQ(Find(ms, "However"), nullptr);
  EXPECT_NE(Find(ms, "Caldera"), nullptr);
  EXPECT_NE(Find(ms, "Caldera Herald"), nullptr);
  EXPECT_NE(Find(ms, "Mara Velden"), nullptr);
  for (const Found& f : ms) {
    EXPECT_NE(f.text.rfind("In ", 0), 0u) << f.text;
    EXPECT_NE(f.text.rfind("The ", 0), 0u) << f.text;
    EXPECT_NE(f.text.rfind("But ", 0), 0u) << f.text;
  }
}

TEST(MentionStageTest, MonthsAndWeekdaysAreNotEntities) {
  auto ms = Mentions(
      "On Monday the panel met again. Officials expect a "
      "decision in October.");
  EXPECT_TRUE(ms.empty()) << ms[0].text;
}

TEST(MentionStageTest, OrdinarySentenceOpenerIsNotAName) {
  auto ms = Mentions(
      "Several ministers resigned. Protesters said several "
      "roads were closed.");
  EXPECT_EQ(Find(ms, "Several"), nullptr);
  EXPECT_EQ(Find(ms, "Protesters"), nullptr);
}

TEST(MentionStageTest, IndefinitePronounIsNotAName) {
  auto ms = Mentions("Nobody expected the vote. Everyone left early.");
  EXPECT_EQ(Find(ms, "Nobody"), nullptr);
  EXPECT_EQ(Find(ms, "Everyone"), nullptr);
}

TEST(MentionStageTest, PossessiveIsOutsideTheSpan) {
  auto ms = Mentions(
      "Mara Velden's plan worried the Caldera Herald's "
      "editors.");
  const Found* p = Find(ms, "Mara Velden");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->type, EntityType::kPerson);
  const Found* o = Find(ms, "Caldera Herald");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->type, EntityType::kOrg);
}

TEST(MentionStageTest, HyphenatedAndApostropheNames) {
  auto ms = Mentions("Critics quoted Anna-Lena O'Rourke at length.");
  const Found* m = Find(ms, "Anna-Lena O'Rourke");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->type, EntityType::kPerson);
}

TEST(MentionStageTest, PlaceBeforeTitleIsSeparate) {
  auto ms = Mentions("Yesterday Norland President Mara Velden flew home.");
  EXPECT_NE(Find(ms, "President Mara Velden"), nullptr);
  EXPECT_NE(Find(ms, "Norland"), nullptr);
}

TEST(MentionStageTest, TitleElsewhereMakesBareNamePerson) {
  auto ms = Mentions(
      "Dr. Hal Brenner testified. Reporters later found Hal Brenner "
      "outside the Caldera Institute.");
  const Found* titled = Find(ms, "Dr. Hal Brenner");
  const Found* bare = Find(ms, "Hal Brenner");
  ASSERT_NE(titled, nullptr);
  ASSERT_NE(bare, nullptr);
  EXPECT_EQ(bare->type, EntityType::kPerson);
  EXPECT_EQ(bare->local, titled->local);
}

TEST(MentionStageTest, HeadlineKeepsOnlyKnownNames) {
  auto ms = Mentions(
      "Velden Offers to Join Peace Effort in Istanbul\n\n"
      "Mara Velden of Norland said she would travel to Istanbul.",
      /*first_is_title=*/true);
  const Found* head = nullptr;
  for (const Found& f : ms) {
    if (f.text == "Velden") head = &f;
    EXPECT_NE(f.text, "Offers");
    EXPECT_NE(f.text, "Peace Effort");
  }
  ASSERT_NE(head, nullptr);
  const Found* full = Find(ms, "Mara Velden");
  ASSERT_NE(full, nullptr);
  EXPECT_EQ(head->type, EntityType::kPerson);
  EXPECT_EQ(head->local, full->local);
}

TEST(MentionStageTest, MentionsAreInTextOrder) {
  Document doc = test::MakeTestDocument(
      "Velden Visits Caldera\n\nMara Velden reached Caldera by train.", "d1",
      true);
  RunStage(doc);
  const auto& ms = doc.layers().mentions;
  ASSERT_GE(ms.size(), 2u);
  for (size_t i = 1; i < ms.size(); ++i) {
    EXPECT_LE(ms[i - 1].span.start, ms[i].span.start);
  }
}

TEST(MentionStageTest, ContractionsAndShoutedWordsAreNotNames) {
  auto ms = Mentions(
      "Mara Velden wrote that I\xE2\x80\x99m sure the deal must happen "
      "IMMEDIATELY, and NATO agreed.");
  EXPECT_EQ(Find(ms, "I\xE2\x80\x99m"), nullptr);
  EXPECT_EQ(Find(ms, "IMMEDIATELY"), nullptr);
  ASSERT_NE(Find(ms, "NATO"), nullptr);
  EXPECT_EQ(Find(ms, "NATO")->type, EntityType::kOrg);
}

TEST(MentionStageTest, NamesNeverCrossLineBreaks) {
  auto ms = Mentions("Talks With Mara Velden\nCaldera Officials Wait");
  for (const Found& f : ms) {
    EXPECT_EQ(f.text.find('\n'), std::string::npos) << f.text;
  }
}

TEST(MentionStageTest, BadTokenOffsetsFailCleanly) {
  Document doc = test::MakeTestDocument("Mara Velden spoke.");
  doc.layers().tokens.push_back({Span{5, 500}, kTokenAlpha});
  MentionStage stage;
  Status st = stage.Run(doc);
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.code(), ErrorCode::kStageFailed);
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

TEST(MentionStageModelTest, RuleBaselineStillRuns) {
  Document doc = test::MakeTestDocument(
      "Foreign Minister Tomas Eberle met Mara Velden in Caldera.");
  MentionOptions opts;
  opts.use_model = false;
  ASSERT_TRUE(MentionStage(opts).Run(doc).ok());
  ASSERT_FALSE(doc.layers().mentions.empty());
  EXPECT_EQ(doc.layers().mentions[0].form, MentionForm::kTitle);
}

TEST(MentionStageModelTest, TitleBeforeATaggedNameMakesATitleMention) {
  Document doc = test::MakeTestDocument(
      "Defence Minister Jonas Brandt said the exercise would go ahead.");
  ASSERT_TRUE(MentionStage().Run(doc).ok());
  ASSERT_FALSE(doc.layers().mentions.empty());
  const Mention& m = doc.layers().mentions[0];
  EXPECT_EQ(doc.Slice(m.span), "Defence Minister Jonas Brandt");
  EXPECT_EQ(doc.Slice(m.name), "Jonas Brandt");
  EXPECT_EQ(m.type, EntityType::kPerson);
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

TEST(MentionStageModelTest, FirstNameAloneJoinsTheOnlyPersonWithIt) {
  Document doc = test::MakeTestDocument(
      "Secretary of State Mara Velden will attend. Reporters asked whether "
      "Mara would stay for the second round.");
  ASSERT_TRUE(MentionStage().Run(doc).ok());
  int32_t full = -2, first = -3;
  for (const Mention& m : doc.layers().mentions) {
    if (doc.Slice(m.name) == "Mara Velden") full = m.local;
    if (doc.Slice(m.span) == "Mara") first = m.local;
  }
  EXPECT_EQ(full, first);
}

TEST(MentionStageModelTest, SharedFirstNameStaysApart) {
  Document doc = test::MakeTestDocument(
      "Mara Velden met Mara Okonjo in Sarvik. Reporters asked whether Mara "
      "would stay.");
  ASSERT_TRUE(MentionStage().Run(doc).ok());
  std::set<int32_t> full_locals;
  int32_t first = -1;
  for (const Mention& m : doc.layers().mentions) {
    if (doc.Slice(m.name) == "Mara Velden" ||
        doc.Slice(m.name) == "Mara Okonjo") {
      full_locals.insert(m.local);
    }
    if (doc.Slice(m.span) == "Mara") first = m.local;
  }
  EXPECT_EQ(full_locals.count(first), 0u);
}

}  // namespace
}  // namespace dossier
