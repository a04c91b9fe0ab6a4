#include "framing/framing_stage.h"

#include <gtest/gtest.h>

#include <string>

#include "entities/mention_stage.h"
#include "entities/test_document.h"
#include "framing/framing_lexicon.h"
#include "quotes/quote_stage.h"

namespace dossier {
namespace {

// Runs mentions, quotes and framing on `text` (first paragraph: headline).
Document Analyze(const std::string& text) {
  Document doc = test::MakeTestDocument(text, "d1", /*first_is_title=*/true);
  EXPECT_TRUE(MentionStage().Run(doc).ok());
  EXPECT_TRUE(QuoteStage().Run(doc).ok());
  EXPECT_TRUE(FramingStage().Run(doc).ok());
  return doc;
}

TEST(FramingLexiconTest, FoldsCase) {
  EXPECT_EQ(LookupFramingWord("Reckless"), FramingWordKind::kNegative);
  EXPECT_EQ(LookupFramingWord("may"), FramingWordKind::kHedge);
  EXPECT_EQ(LookupFramingWord("ferry"), FramingWordKind::kNone);
}

TEST(FramingStageTest, UnattributedEvaluationIsEditorial) {
  Document doc = Analyze(
      "Ferry Plan Approved\n\n"
      "The council approved the ferry plan on Monday. The reckless plan will "
      "drain the harbour fund.");
  const Framing& f = doc.layers().framing;
  EXPECT_TRUE(f.computed);
  EXPECT_EQ(f.sentences, 2u);
  ASSERT_EQ(f.editorial.size(), 1u);
  EXPECT_EQ(doc.Slice(f.editorial[0]),
            "The reckless plan will drain the harbour fund.");
}

TEST(FramingStageTest, QuotedEvaluationIsTheSpeakersNotTheOutlets) {
  Document doc = Analyze(
      "Ferry Plan Approved\n\n"
      "\"This is a reckless plan,\" Mara Velden said on Monday.");
  const Framing& f = doc.layers().framing;
  EXPECT_EQ(f.attributed, 1u);
  EXPECT_TRUE(f.editorial.empty());
  EXPECT_TRUE(f.words.empty());
}

TEST(FramingStageTest, SpeculationBesideAnAttributionIsEditorial) {
  Document doc = Analyze(
      "Ferry Plan Approved\n\n"
      "In what may be a turning point, Mara Velden said the council would "
      "vote again.");
  const Framing& f = doc.layers().framing;
  EXPECT_EQ(f.attributed, 1u);
  EXPECT_EQ(f.editorial.size(), 1u);
}

TEST(FramingStageTest, PartialQuoteInReportedSpeechIsAllTheSpeakers) {
  Document doc = Analyze(
      "Ferry Plan Approved\n\n"
      "Mara Velden warned that if the council delays, \"heavy fines\" could "
      "follow.");
  const Framing& f = doc.layers().framing;
  EXPECT_EQ(f.attributed, 1u);
  EXPECT_TRUE(f.editorial.empty());
}

TEST(FramingStageTest, ToneCountsEvaluationsNearAReferent) {
  Document doc = Analyze(
      "Ferry Plan Approved\n\n"
      "Mayor Tomas Eberle pushed a reckless and flawed plan. Tomas Eberle "
      "left for Caldera on Monday.");
  const Framing& f = doc.layers().framing;
  ASSERT_FALSE(f.tone.empty());
  const EntityTone& t = f.tone[0];
  EXPECT_EQ(doc.Slice(doc.layers().mentions[t.mention].name), "Tomas Eberle");
  EXPECT_EQ(t.sentences, 2u);
  EXPECT_EQ(t.negative, 2u);
  EXPECT_EQ(t.positive, 0u);
}

TEST(FramingStageTest, HeadlineBackedByTheBodyIsSupported) {
  Document doc = Analyze(
      "Caldera Council Approves Second Ferry Line\n\n"
      "The Caldera council approved a second ferry line on Monday. Work "
      "starts in June.");
  const HeadlineCheck& h = doc.layers().framing.headline;
  EXPECT_TRUE(h.checked);
  EXPECT_TRUE(h.supported);
  EXPECT_GE(h.coverage, 0.8f);
  EXPECT_EQ(doc.Slice(h.evidence).substr(0, 12), "The Caldera ");
}

TEST(FramingStageTest, HeadlineNameMissingFromTheBodyIsNotSupported) {
  Document doc = Analyze(
      "Mayor Velden approves a second ferry line\n\n"
      "The council approved a second ferry line on Monday.");
  const HeadlineCheck& h = doc.layers().framing.headline;
  EXPECT_TRUE(h.checked);
  EXPECT_FALSE(h.supported);
  bool velden = false;
  for (const Span& m : h.missing) velden |= doc.Slice(m) == "Velden";
  EXPECT_TRUE(velden);
}

}  // namespace
}  // namespace dossier
