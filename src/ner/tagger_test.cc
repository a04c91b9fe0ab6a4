#include "ner/tagger.h"

#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "ner/test_corpus.h"
#include "ner/train.h"

namespace dossier {
namespace {

const std::string& TinyModelBytes() {
  static const std::string* bytes = [] {
    StatusOr<std::vector<ConllDocument>> docs =
        ParseConll(ner_test::TinyCorpus(), "tiny");
    TrainOptions o;
    o.epochs = 8;
    StatusOr<std::string> b = TrainNerModel(*docs, o, nullptr, nullptr,
                                            nullptr);
    return new std::string(b.ok() ? *b : "");
  }();
  return *bytes;
}

NerModel TinyModel() {
  StatusOr<NerModel> m = NerModel::FromBytes(TinyModelBytes());
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  return std::move(*m);
}

TEST(NerModelTest, EmptyInput) {
  const NerModel m = TinyModel();
  NerScratch scratch;
  std::vector<NerSpan> out = {{0, 1, NerType::kPer}};
  m.Tag({}, &scratch, &out);
  EXPECT_TRUE(out.empty());
  m.TagDocument({}, {}, &scratch, &out);
  EXPECT_TRUE(out.empty());
}

TEST(NerModelTest, TagsKnownNames) {
  const NerModel m = TinyModel();
  NerScratch scratch;
  std::vector<NerSpan> out;
  const std::vector<std::string_view> tokens = {"Tobin", "Asker", "visited",
                                                "Norland", "."};
  m.Tag(tokens, &scratch, &out);
  EXPECT_EQ(out, (std::vector<NerSpan>{{0, 2, NerType::kPer},
                                       {3, 4, NerType::kLoc}}));
}

TEST(NerModelTest, BadSentenceEndsAreClamped) {
  const NerModel m = TinyModel();
  NerScratch scratch;
  std::vector<NerSpan> out;
  const std::vector<std::string_view> tokens = {"Mara", "Velden", "left",
                                                "."};
  const std::vector<uint32_t> ends = {2, 1, 99};
  m.TagDocument(tokens, ends, &scratch, &out);
  for (const NerSpan& s : out) {
    EXPECT_LT(s.begin, s.end);
    EXPECT_LE(s.end, tokens.size());
  }
}

TEST(NerModelTest, ConcurrentTaggingAgrees) {
  const NerModel m = TinyModel();
  const std::vector<std::string_view> tokens = {
      "Vantor", "Group", "hired", "Mara", "Velden", "in", "Port", "Avel",
      "."};
  NerScratch scratch;
  std::vector<NerSpan> expected;
  m.Tag(tokens, &scratch, &expected);
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      NerScratch s;
      std::vector<NerSpan> out;
      bool same = true;
      for (int i = 0; i < 200; ++i) {
        m.Tag(tokens, &s, &out);
        same = same && out == expected;
      }
      ok[t] = same;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok, std::vector<int>(4, 1));
}

TEST(NerModelTest, CorruptModelsFailCleanly) {
  const std::string& good = TinyModelBytes();
  ASSERT_FALSE(good.empty());
  EXPECT_TRUE(NerModel::FromBytes(good).ok());
  EXPECT_FALSE(NerModel::FromBytes("").ok());
  EXPECT_FALSE(NerModel::FromBytes("not a model at all").ok());
  // Every truncation.
  for (size_t len = 0; len < good.size(); len += 1 + len / 16) {
    StatusOr<NerModel> m = NerModel::FromBytes(good.substr(0, len));
    EXPECT_FALSE(m.ok()) << len;
    if (!m.ok()) {
      EXPECT_EQ(m.status().code(), ErrorCode::kInvalidArgument);
    }
  }
  EXPECT_FALSE(NerModel::FromBytes(good + "x").ok());
  // Every single-byte corruption either fails or (header fields that are
  // informational only: scale, epochs, seed) still gives a usable model.
  for (size_t i = 0; i < good.size(); ++i) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x5a);
    StatusOr<NerModel> m = NerModel::FromBytes(bad);
    if (m.ok()) {
      EXPECT_TRUE(i >= 32 && i < 48) << "corruption at byte " << i;
      NerScratch s;
      std::vector<NerSpan> out;
      const std::vector<std::string_view> tokens = {"Mara", "Velden"};
      m->Tag(tokens, &s, &out);
    }
  }
}

TEST(NerModelTest, LoadErrors) {
  EXPECT_EQ(NerModel::Load("/nonexistent/eng.model").status().code(),
            ErrorCode::kUnreadable);
  const std::string path = ::testing::TempDir() + "/ner_truncated.model";
  std::ofstream(path, std::ios::binary)
      << TinyModelBytes().substr(0, TinyModelBytes().size() / 2);
  StatusOr<NerModel> m = NerModel::Load(path);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(m.status().message().find(path), std::string::npos);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace dossier
