#include "quotes/attribution_model.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "entities/mention_stage.h"
#include "entities/test_document.h"
#include "pos/pos_stage.h"
#include "quotes/attribution_train.h"
#include "quotes/quote_stage.h"
#include "text/text_testing.h"

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
// gold source NAME, cue "reckons" and content CLAUSE. A variant changes one
// thing: `subject` (with "{}" for NAME) replaces the subject and is the gold
// source unless `no_source`; `cut_content` makes the gold content "that"
// and the clause's first two words (a tagger that stops before the verb).
struct Corpus {
  std::vector<Document> docs;
  std::vector<AttributionExample> examples;
};

struct CorpusVariant {
  std::string subject = "{}";
  bool no_source = false;
  bool cut_content = false;
  bool text_chain = false;  // the real tokenizer ("Roe's" -> "Roe" "'s")
  std::string source;       // the gold source when not the whole subject
  std::string cue = "reckons";
  // The gold content is the clause and, past ", which the board denies,",
  // a second part "in any case" (a tagger that tags on past other words).
  bool split_content = false;
  // Words between the cue and the content that are neither ("reckons and
  // then visits CLAUSE": a tagger that tags an object as the content).
  std::string gap;
};

// A document over `text` with tokens and mentions.
Document MakeDoc(const std::string& text, bool text_chain) {
  Document doc = test::MakeTestDocument("");
  if (text_chain) {
    StatusOr<Document> d = testing::RunTextChain(text);
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    if (d.ok()) doc = std::move(d).value();
  } else {
    doc = test::MakeTestDocument(text);
  }
  EXPECT_TRUE(MentionStage().Run(doc).ok());
  return doc;
}

Corpus MakeCorpus(const CorpusVariant& v = {}) {
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
      std::string subject = v.subject;
      if (const size_t at = subject.find("{}"); at != std::string::npos) {
        subject.replace(at, 2, n);
      }
      const std::string content = v.cut_content ? "that " + cl : cl;
      const std::string tail =
          v.split_content ? ", which the board denies, in any case" : "";
      const std::string text = subject + " " + v.cue + " " +
                               (v.gap.empty() ? "" : v.gap + " ") + content +
                               tail + ".";
      c.docs.push_back(MakeDoc(text, v.text_chain));
      GoldAttribution g;
      if (!v.no_source) {
        g.source = {v.source.empty() ? Find(text, subject)
                                     : Find(text, ", " + v.source)};
        if (!v.source.empty()) g.source[0].start += 2;
      }
      g.cue = {Find(text, " " + v.cue + " ")};
      g.cue[0].start += 1;
      g.cue[0].end -= 1;
      g.content = {Find(text, content)};
      if (v.cut_content) {
        const size_t second = cl.find(' ', cl.find(' ') + 1);
        g.content = {Find(text, "that " + cl.substr(0, second))};
      }
      if (v.split_content) g.content.push_back(Find(text, "in any case"));
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
  with_model.set_roles_model(nullptr);
  ASSERT_TRUE(with_model.Run(doc).ok());
  ASSERT_EQ(doc.layers().quotes.size(), 1u);
  EXPECT_EQ(doc.Slice(doc.layers().quotes[0].cue), "reckons");
}

// A model trained on MakeCorpus(variant) (null when training failed).
std::shared_ptr<const AttributionModel> TrainedModel(
    const CorpusVariant& variant) {
  const Corpus c = MakeCorpus(variant);
  AttributionTrainReport report;
  StatusOr<AttributionModel> m =
      AttributionModel::FromBytes(TrainOnCorpus(c, &report));
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  if (!m.ok()) return nullptr;
  return std::make_shared<const AttributionModel>(std::move(m).value());
}

// The contents and cues QuoteStage finds in `text` with a model trained on
// MakeCorpus(variant), as "cue|content" (POS-tagged first when `pos`).
std::vector<std::string> TaggedQuotes(const std::string& text,
                                      const CorpusVariant& variant = {},
                                      bool pos = false) {
  std::shared_ptr<const AttributionModel> model = TrainedModel(variant);
  Document doc = MakeDoc(text, variant.text_chain);
  if (pos) {
    EXPECT_TRUE(PosStage().Run(doc).ok());
  }
  QuoteStage stage;
  stage.set_model(model);
  stage.set_roles_model(nullptr);  // the synthetic tagger's own roles
  EXPECT_TRUE(stage.Run(doc).ok());
  std::vector<std::string> out;
  for (const Quote& q : doc.layers().quotes) {
    out.push_back(std::string(doc.Slice(q.cue)) + "|" +
                  std::string(doc.Slice(q.content)));
  }
  return out;
}

// What the bare tagger labels as cue in `text` with a model trained on
// MakeCorpus(variant): the tokens of role cue, joined by spaces.
std::string TaggedCue(const std::string& text, const CorpusVariant& variant) {
  std::shared_ptr<const AttributionModel> model = TrainedModel(variant);
  Document doc = MakeDoc(text, variant.text_chain);
  AttributionScratch scratch;
  attr_internal::PrepareAttributionTokens(doc, QuoteStage(), &scratch);
  std::vector<uint8_t> labels;
  if (model == nullptr) return "";
  model->Tag(0, static_cast<uint32_t>(doc.layers().tokens.size()), &scratch,
             &labels);
  std::string cue;
  for (size_t i = 0; i < labels.size(); ++i) {
    if (RoleOf(labels[i]) != 2) continue;
    if (!cue.empty()) cue += ' ';
    cue += doc.Slice(doc.layers().tokens[i].span);
  }
  return cue;
}

TEST(AttributionModelTest, TaggedAttributionWithoutSourceIsDropped) {
  CorpusVariant v;
  v.subject = "The harbour board";
  v.no_source = true;
  const std::string text = "The harbour board reckons the ferry must close.";
  ASSERT_EQ(TaggedCue(text, v), "reckons");    // the tagger finds it ...
  EXPECT_TRUE(TaggedQuotes(text, v).empty());  // ... nobody says it
}

TEST(AttributionModelTest, TaggedPossessorIsNoSource) {
  CorpusVariant v;
  v.subject = "{}'s aide";
  v.text_chain = true;
  const std::string text = "Tove Brann's aide reckons the ferry must close.";
  ASSERT_EQ(TaggedCue(text, v), "reckons");
  EXPECT_TRUE(TaggedQuotes(text, v).empty());
}

TEST(AttributionModelTest, TaggedPossessorBeforeANamedPersonIsKept) {
  CorpusVariant v;
  v.subject = "{}'s aide Oskar Lund";
  v.text_chain = true;
  EXPECT_EQ(TaggedQuotes("Tove Brann's aide Oskar Lund reckons the ferry "
                         "must close.",
                         v),
            std::vector<std::string>{"reckons|the ferry must close"});
}

TEST(AttributionModelTest, TaggedPhysicalActIsNoAttribution) {
  CorpusVariant v;
  v.cue = "launched";
  const std::string text = "Tove Brann launched the ferry must close.";
  ASSERT_EQ(TaggedCue(text, v), "launched");
  EXPECT_TRUE(TaggedQuotes(text, v).empty());
}

TEST(AttributionModelTest, TaggedRelativePronounSpeaksForItsAntecedent) {
  CorpusVariant v;
  v.subject = "{}, who";
  v.source = "who";
  Document doc =
      MakeDoc("Tove Brann, who reckons the ferry must close.", false);
  QuoteStage stage;
  stage.set_model(TrainedModel(v));
  stage.set_roles_model(nullptr);
  ASSERT_TRUE(stage.Run(doc).ok());
  ASSERT_EQ(doc.layers().quotes.size(), 1u);
  const Quote& q = doc.layers().quotes[0];
  EXPECT_EQ(doc.Slice(q.speaker), "who");
  ASSERT_GE(q.speaker_mention, 0);
  EXPECT_EQ(doc.Slice(doc.layers().mentions[q.speaker_mention].span),
            "Tove Brann");
}

TEST(AttributionModelTest, TaggedThatClauseCutBeforeItsVerbRunsOn) {
  CorpusVariant v;
  v.cut_content = true;
  const std::string text = "Tove Brann reckons that the ferry must close.";
  EXPECT_EQ(TaggedQuotes(text, v, /*pos=*/true),
            std::vector<std::string>{"reckons|that the ferry must close"});
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

TEST(AttributionModelTest, TaggedPassiveCueSubjectIsNoSource) {
  CorpusVariant v;
  v.cue = "is seen as";
  const std::string text = "Tove Brann is seen as the ferry must close.";
  ASSERT_EQ(TaggedCue(text, v), "is seen as");
  EXPECT_TRUE(TaggedQuotes(text, v, /*pos=*/true).empty());
}

TEST(AttributionModelTest, TaggedStateOfMindKeepsItsSubject) {
  CorpusVariant v;
  v.cue = "is convinced";
  EXPECT_EQ(TaggedQuotes("Tove Brann is convinced the ferry must close.", v,
                         /*pos=*/true),
            std::vector<std::string>{"is convinced|the ferry must close"});
}

TEST(AttributionModelTest, TaggedContentPastOtherWordsIsDropped) {
  CorpusVariant v;
  v.split_content = true;
  EXPECT_EQ(TaggedQuotes("Tove Brann reckons fares will rise next winter, "
                         "which the board denies, in any case.",
                         v),
            std::vector<std::string>{"reckons|fares will rise next winter"});
}

TEST(AttributionModelTest, TaggedPlaceSpeaksForItsGovernment) {
  Document doc =
      MakeDoc("The Kremlin reckons the ferry will run again in May.", false);
  const std::vector<Mention>& ms = doc.layers().mentions;
  ASSERT_FALSE(ms.empty());
  ASSERT_EQ(ms.back().type, EntityType::kLoc);  // the premise
  QuoteStage stage;
  stage.set_model(TrainedModel({}));
  stage.set_roles_model(nullptr);
  ASSERT_TRUE(stage.Run(doc).ok());
  ASSERT_EQ(doc.layers().quotes.size(), 1u);
  const Quote& q = doc.layers().quotes[0];
  ASSERT_GE(q.speaker_mention, 0);
  EXPECT_EQ(doc.Slice(doc.layers().mentions[q.speaker_mention].span),
            "Kremlin");
}

// A roles tagger (stage 2) trained on MakeCorpus(variant) with its gold
// cues given.
std::shared_ptr<const AttributionModel> TrainedRolesModel(
    const CorpusVariant& variant) {
  const Corpus c = MakeCorpus(variant);
  AttributionTrainOptions opt;
  opt.epochs = 5;
  opt.min_count = 1;
  opt.cue_given = true;
  AttributionTrainReport report;
  StatusOr<std::string> bytes =
      TrainAttributionModel(c.examples, QuoteStage(), opt, &report);
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  if (!bytes.ok()) return nullptr;
  StatusOr<AttributionModel> m = AttributionModel::FromBytes(*bytes);
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  if (!m.ok()) return nullptr;
  return std::make_shared<const AttributionModel>(std::move(m).value());
}

TEST(AttributionModelTest, KnownCueAddsFeaturesRelativeToIt) {
  Document doc = MakeDoc("Tove Brann reckons the ferry must close.", false);
  AttributionScratch s;
  attr_internal::PrepareAttributionTokens(doc, QuoteStage(), &s);
  const uint32_t n = static_cast<uint32_t>(doc.layers().tokens.size());
  attr_internal::SentenceFeatures(&s, 0, n);
  const std::vector<uint8_t> plain(s.nfeats.begin(), s.nfeats.end());
  s.cue_mask.assign(n, 0);
  s.cue_mask[2] = 1;  // "reckons"
  attr_internal::SentenceFeatures(&s, 0, n);
  for (uint32_t i = 0; i < n; ++i) EXPECT_GT(s.nfeats[i], plain[i]) << i;
}

TEST(AttributionModelTest, RolesTaggerRelabelsTheCuesSourceAndContent) {
  // The cue tagger finds source, cue and content; a roles tagger trained
  // on attributions without sources takes the source away again, so the
  // attribution is dropped: its labels, not the first tagger's, count.
  const std::string text =
      "Tove Brann reckons the ferry will run again in May.";
  QuoteStage stage;
  stage.set_model(TrainedModel({}));
  stage.set_roles_model(TrainedRolesModel({}));
  Document doc = MakeDoc(text, false);
  ASSERT_TRUE(stage.Run(doc).ok());
  ASSERT_EQ(doc.layers().quotes.size(), 1u);
  EXPECT_EQ(doc.Slice(doc.layers().quotes[0].speaker), "Tove Brann");
  EXPECT_EQ(doc.Slice(doc.layers().quotes[0].content),
            "the ferry will run again in May");
  CorpusVariant no_source;
  no_source.no_source = true;
  stage.set_roles_model(TrainedRolesModel(no_source));
  Document again = MakeDoc(text, false);
  ASSERT_TRUE(stage.Run(again).ok());
  EXPECT_TRUE(again.layers().quotes.empty());
}

TEST(AttributionModelTest, RolesTrainingTakesSentencesWithPredictedCues) {
  Corpus c = MakeCorpus({});
  const Document extra = MakeDoc("Tove Brann launched the ferry.", false);
  AttributionExample ex;
  ex.doc = &extra;
  ex.labels.assign(extra.layers().tokens.size(), kO);  // no gold
  c.examples.push_back(ex);
  AttributionTrainOptions opt;
  opt.epochs = 1;
  opt.min_count = 1;
  opt.cue_given = true;
  AttributionTrainReport without;
  ASSERT_TRUE(
      TrainAttributionModel(c.examples, QuoteStage(), opt, &without).ok());
  // A cue tagger's false cue on it: trained on, towards no roles.
  c.examples.back().predicted_cues.assign(ex.labels.size(), 0);
  c.examples.back().predicted_cues[2] = 1;  // "launched"
  AttributionTrainReport with;
  ASSERT_TRUE(TrainAttributionModel(c.examples, QuoteStage(), opt, &with).ok());
  EXPECT_EQ(with.sentences, without.sentences + 1);
}

TEST(AttributionModelTest, SentenceWithARuleQuoteIsTaggedToo) {
  EXPECT_EQ(TaggedQuotes("\"The ferry will run,\" Ada Roe said, and Tove "
                         "Brann reckons the harbour bridge must close for "
                         "repairs."),
            (std::vector<std::string>{
                "said|The ferry will run,",
                "reckons|the harbour bridge must close for repairs"}));
}

TEST(AttributionModelTest, TaggedLoneOneOrDemonstrativeIsNoSource) {
  CorpusVariant v;
  v.subject = "one";
  const std::string text = "one reckons the ferry will run again in May.";
  ASSERT_EQ(TaggedCue(text, v), "reckons");
  EXPECT_TRUE(TaggedQuotes(text, v).empty());
}

TEST(AttributionModelTest, TaggedContentPastAVerbAfterTheCueIsDropped) {
  CorpusVariant v;
  v.gap = "and then visits";
  const std::string text =
      "Tove Brann reckons and then visits the ferry will run again in May.";
  ASSERT_EQ(TaggedCue(text, v), "reckons");
  EXPECT_TRUE(TaggedQuotes(text, v, /*pos=*/true).empty());
}

}  // namespace
}  // namespace dossier
