#include "quotes/attribution_model.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "entities/mention_stage.h"
#include "entities/test_document.h"
#include "quotes/attribution_train.h"
#include "quotes/quote_stage.h"

namespace dossier {
namespace {

using attr_internal::kBContent;
using attr_internal::kBCue;
using attr_internal::kBSource;
using attr_internal::kIContent;
using attr_internal::kICue;
using attr_internal::kISource;
using attr_internal::kO;
using attr_internal::RoleOf;

// The byte span of the first occurrence of `part` in `text`.
Span Find(const std::string& text, const std::string& part) {
  const size_t at = text.find(part);
  EXPECT_NE(at, std::string::npos) << part;
  return Span{static_cast<uint32_t>(at),
              static_cast<uint32_t>(at + part.size())};
}

// An invented corpus of one-sentence articles "NAME reckons CLAUSE." with
// gold source NAME, cue "reckons" and content CLAUSE.
struct Corpus {
  std::vector<Document> docs;
  std::vector<AttributionExample> examples;
};

Corpus MakeCorpus() {
  const std::vector<std::string> names = {
      "Ada Roe",      "Tom Eke",    "Carla Venn",  "Ilse Marovic", "Piet Hald",
      "Nora Stenvik", "Oskar Lund", "Mira Tessel", "Ben Caldor",   "Lina Faro"};
  const std::vector<std::string> clauses = {
      "the ferry will run again in May",
      "the harbour bridge must close for repairs",
      "the council has no money left for the port",
      "fares will rise next winter"};
  Corpus c;
  c.docs.reserve(names.size() * clauses.size());
  for (const std::string& n : names) {
    for (const std::string& cl : clauses) {
      const std::string text = n + " reckons " + cl + ".";
      Document doc = test::MakeTestDocument(text);
      EXPECT_TRUE(MentionStage().Run(doc).ok());
      c.docs.push_back(std::move(doc));
      GoldAttribution g;
      g.source = {Find(text, n)};
      g.cue = {Find(text, "reckons")};
      g.content = {Find(text, cl)};
      AttributionExample ex;
      ex.doc = &c.docs.back();
      ex.labels = LabelAttributions(c.docs.back(), {g});
      c.examples.push_back(std::move(ex));
    }
  }
  return c;
}

std::string TrainOnCorpus(const Corpus& c, AttributionTrainReport* report,
                          int min_count = 1) {
  AttributionTrainOptions opt;
  opt.epochs = 5;
  opt.min_count = min_count;
  StatusOr<std::string> bytes =
      TrainAttributionModel(c.examples, QuoteStage(), opt, report);
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  return bytes.ok() ? std::move(bytes).value() : std::string();
}

TEST(AttributionModelTest, LabelAttributionsMarksRolesWithBeginAndInside) {
  const std::string text = "Ada Roe reckons the ferry will run.";
  Document doc = test::MakeTestDocument(text);
  GoldAttribution g;
  g.source = {Find(text, "Ada Roe")};
  g.cue = {Find(text, "reckons")};
  g.content = {Find(text, "the ferry will run")};
  const std::vector<uint8_t> labels = LabelAttributions(doc, {g});
  // Ada Roe reckons the ferry will run .
  const std::vector<uint8_t> want = {kBSource,  kISource,  kBCue,     kBContent,
                                     kIContent, kIContent, kIContent, kO};
  EXPECT_EQ(labels, want);
}

TEST(AttributionModelTest, EncodedTablesLoadBack) {
  AttributionModelTables t;
  t.transitions[kBCue][kICue] = 5;
  t.keys = {3, 17, 99};
  t.counts = {1, 2, 1};
  t.labels = {kBSource, kBCue, kICue, kBContent};
  t.weights = {7, -3, 12, 1};
  t.info.epochs = 4;
  t.info.seed = 11;
  StatusOr<AttributionModel> m =
      AttributionModel::FromBytes(EncodeAttributionModel(t));
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m.value().info().features, 3u);
  EXPECT_EQ(m.value().info().entries, 4u);
  EXPECT_EQ(m.value().info().epochs, 4u);
  EXPECT_EQ(m.value().info().seed, 11u);
}

TEST(AttributionModelTest, CorruptFilesAreRejected) {
  AttributionModelTables t;
  t.keys = {5};
  t.counts = {1};
  t.labels = {kBCue};
  t.weights = {9};
  const std::string good = EncodeAttributionModel(t);
  EXPECT_FALSE(AttributionModel::FromBytes("").ok());
  EXPECT_FALSE(AttributionModel::FromBytes("not a model at all").ok());
  EXPECT_FALSE(
      AttributionModel::FromBytes(good.substr(0, good.size() - 1)).ok());
  std::string flipped = good;
  flipped.back() = static_cast<char>(flipped.back() ^ 0x40);
  EXPECT_FALSE(AttributionModel::FromBytes(flipped).ok());
}

TEST(AttributionModelTest, MissingFileIsAnError) {
  EXPECT_FALSE(AttributionModel::Load("/nonexistent/dir/quotes.model").ok());
}

TEST(AttributionModelTest, EmptyShippedModelMeansRulesOnly) {
  if (DefaultAttributionModelBytes().empty()) {
    EXPECT_EQ(DefaultAttributionModel(), nullptr);
  } else {
    EXPECT_NE(DefaultAttributionModel(), nullptr);
  }
}

TEST(AttributionModelTest, TrainingIsDeterministic) {
  const Corpus c = MakeCorpus();
  AttributionTrainReport r1, r2;
  const std::string a = TrainOnCorpus(c, &r1);
  const std::string b = TrainOnCorpus(c, &r2);
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(a, b);
  EXPECT_EQ(r1.documents, c.docs.size());
  EXPECT_EQ(r1.model_bytes, a.size());
}

TEST(AttributionModelTest, MinCountKeepsOnlyFrequentFeatures) {
  const Corpus c = MakeCorpus();
  AttributionTrainReport all, frequent, again;
  TrainOnCorpus(c, &all);
  const std::string a = TrainOnCorpus(c, &frequent, 5);
  const std::string b = TrainOnCorpus(c, &again, 5);
  EXPECT_EQ(a, b);  // deterministic with a cutoff too
  EXPECT_GT(frequent.features_seen, frequent.features_kept);
  EXPECT_GT(frequent.features_kept, 0u);
  EXPECT_LE(frequent.features_written, frequent.features_kept);
  EXPECT_LT(frequent.features_written, all.features_written);
  EXPECT_TRUE(AttributionModel::FromBytes(a).ok());
}

TEST(AttributionModelTest, TrainedModelTagsAnUnseenSentence) {
  const Corpus c = MakeCorpus();
  AttributionTrainReport report;
  StatusOr<AttributionModel> m =
      AttributionModel::FromBytes(TrainOnCorpus(c, &report));
  ASSERT_TRUE(m.ok()) << m.status().ToString();

  // A name and clause not in the training corpus.
  Document doc = test::MakeTestDocument(
      "Tove Brann reckons the ferry must close for repairs.");
  ASSERT_TRUE(MentionStage().Run(doc).ok());
  AttributionScratch scratch;
  attr_internal::PrepareAttributionTokens(doc, QuoteStage(), &scratch);
  std::vector<uint8_t> labels;
  m.value().Tag(0, static_cast<uint32_t>(doc.layers().tokens.size()), &scratch,
                &labels);
  ASSERT_EQ(labels.size(), doc.layers().tokens.size());
  EXPECT_EQ(RoleOf(labels[2]), 2) << "cue: reckons";
  EXPECT_EQ(RoleOf(labels[4]), 3) << "content: ferry";
  EXPECT_EQ(RoleOf(labels[0]), 1) << "source: Tove";
}

TEST(AttributionModelTest, QuoteStageUsesASetModelForRulelessSentences) {
  const Corpus c = MakeCorpus();
  AttributionTrainReport report;
  StatusOr<AttributionModel> m =
      AttributionModel::FromBytes(TrainOnCorpus(c, &report));
  ASSERT_TRUE(m.ok()) << m.status().ToString();

  const std::string text = "Tove Brann reckons the ferry must close.";
  Document doc = test::MakeTestDocument(text);
  ASSERT_TRUE(MentionStage().Run(doc).ok());
  QuoteStage rules_only;
  rules_only.set_model(nullptr);
  Document copy = test::MakeTestDocument(text);
  ASSERT_TRUE(MentionStage().Run(copy).ok());
  ASSERT_TRUE(rules_only.Run(copy).ok());
  EXPECT_TRUE(copy.layers().quotes.empty()) << "'reckons' is no rule cue";

  QuoteStage with_model;
  with_model.set_model(
      std::make_shared<const AttributionModel>(std::move(m).value()));
  ASSERT_TRUE(with_model.Run(doc).ok());
  ASSERT_EQ(doc.layers().quotes.size(), 1u);
  EXPECT_EQ(doc.Slice(doc.layers().quotes[0].cue), "reckons");
}

// The contents and cues QuoteStage finds in `text` with a model trained on
// MakeCorpus(), as "cue|content".
std::vector<std::string> TaggedQuotes(const std::string& text) {
  const Corpus c = MakeCorpus();
  AttributionTrainReport report;
  StatusOr<AttributionModel> m =
      AttributionModel::FromBytes(TrainOnCorpus(c, &report));
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  Document doc = test::MakeTestDocument(text);
  EXPECT_TRUE(MentionStage().Run(doc).ok());
  QuoteStage stage;
  stage.set_model(
      std::make_shared<const AttributionModel>(std::move(m).value()));
  EXPECT_TRUE(stage.Run(doc).ok());
  std::vector<std::string> out;
  for (const Quote& q : doc.layers().quotes) {
    out.push_back(std::string(doc.Slice(q.cue)) + "|" +
                  std::string(doc.Slice(q.content)));
  }
  return out;
}

TEST(AttributionModelTest, TaggedPhrasalVerbIsNoCue) {
  EXPECT_TRUE(TaggedQuotes("Tove Brann reckons up the ferry fares.").empty());
}

TEST(AttributionModelTest, TaggedClauseWithoutSubjectIsNoStatement) {
  for (const std::string& q :
       TaggedQuotes("Tove Brann reckons were wrong about the ferry.")) {
    EXPECT_EQ(q.find("|were"), std::string::npos) << q;
  }
}

}  // namespace
}  // namespace dossier
