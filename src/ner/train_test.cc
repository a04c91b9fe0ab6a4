#include "ner/train.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "ner/evaluate.h"
#include "ner/tagger.h"
#include "ner/test_corpus.h"

namespace dossier {
namespace {

std::vector<ConllDocument> Tiny() {
  StatusOr<std::vector<ConllDocument>> docs =
      ParseConll(ner_test::TinyCorpus(), "tiny");
  EXPECT_TRUE(docs.ok());
  return *docs;
}

TEST(TrainTest, LearnsTinyCorpus) {
  const std::vector<ConllDocument> docs = Tiny();
  TrainOptions o;
  o.epochs = 10;
  TrainReport r;
  StatusOr<std::string> bytes = TrainNerModel(docs, o, nullptr, nullptr, &r);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  EXPECT_EQ(r.documents, 2u);
  EXPECT_EQ(r.sentences, 6u);
  EXPECT_EQ(r.entities, 13u);
  EXPECT_GT(r.features_written, 0u);
  ASSERT_EQ(r.train_token_error.size(), 10u);
  EXPECT_EQ(r.train_token_error.back(), 0.0);
  StatusOr<NerModel> m = NerModel::FromBytes(*bytes);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  NerEvalResult e = EvaluateDocuments(*m, docs);
  EXPECT_EQ(e.overall.tp, 13u);
  EXPECT_EQ(e.overall.fp, 0u);
  EXPECT_EQ(e.overall.fn, 0u);
}

TEST(TrainTest, SameDataSameBytes) {
  const std::vector<ConllDocument> docs = Tiny();
  TrainOptions o;
  o.epochs = 3;
  StatusOr<std::string> a = TrainNerModel(docs, o, nullptr, nullptr, nullptr);
  StatusOr<std::string> b = TrainNerModel(docs, o, nullptr, nullptr, nullptr);
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(*a, *b);
}

TEST(TrainTest, RejectsBadOptions) {
  TrainOptions o;
  o.epochs = 0;
  EXPECT_FALSE(TrainNerModel(Tiny(), o, nullptr, nullptr, nullptr).ok());
  o.epochs = 1;
  EXPECT_FALSE(TrainNerModel({}, o, nullptr, nullptr, nullptr).ok());
  o.conll_path = "/nonexistent/train.conll";
  o.out_path = "/tmp/never_written.model";
  EXPECT_EQ(TrainNer(o, nullptr).code(), ErrorCode::kUnreadable);
}

TEST(TrainTest, FilesAndGazetteer) {
  const std::string dir = ::testing::TempDir();
  const std::string conll = dir + "/ner_tiny.conll";
  const std::string gaz = dir + "/ner_tiny.gaz";
  const std::string model = dir + "/ner_tiny.model";
  std::ofstream(conll) << ner_test::TinyCorpus();
  std::ofstream(gaz) << "# invented\nLOC\tport avel\nORG\tkestrel bank\n"
                        "PER\tTobin Asker\n";
  TrainOptions o;
  o.conll_path = conll;
  o.gazetteer_path = gaz;
  o.out_path = model;
  o.epochs = 5;
  TrainReport r;
  Status s = TrainNer(o, &r);
  ASSERT_TRUE(s.ok()) << s.ToString();
  StatusOr<NerModel> m = NerModel::Load(model);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->info().gazetteer_entries, 3u);
  EXPECT_EQ(m->info().epochs, 5u);
  StatusOr<NerEvalResult> e = EvaluateConll(*m, conll);
  ASSERT_TRUE(e.ok());
  EXPECT_GT(e->overall.f1(), 0.9);
  std::remove(conll.c_str());
  std::remove(gaz.c_str());
  std::remove(model.c_str());
}

}  // namespace
}  // namespace dossier
