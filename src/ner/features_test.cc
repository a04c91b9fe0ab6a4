#include "ner/features.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace dossier {
namespace ner_internal {
namespace {

std::vector<std::vector<uint64_t>> Extract(
    const std::vector<std::string_view>& tokens,
    const std::vector<uint32_t>& ends, FeatureScratch* s) {
  PrepareDocument(tokens.data(), tokens.size(), ends.data(), ends.size(),
                  nullptr, s);
  std::vector<std::vector<uint64_t>> out;
  uint32_t begin = 0;
  for (uint32_t end : ends) {
    ExtractSentenceFeatures(begin, end, s);
    for (uint32_t i = 0; i < end - begin; ++i) {
      out.emplace_back(s->feats.begin() + s->offsets[i],
                       s->feats.begin() + s->offsets[i + 1]);
    }
    begin = end;
  }
  return out;
}

TEST(FeaturesTest, DeterministicAndScratchIndependent) {
  const std::vector<std::string_view> tokens = {
      "Ilse", "Moran", "left", "Tarsk", "in", "1994", ".",
      "MORAN", "SAYS", "NO", "."};
  const std::vector<uint32_t> ends = {7, 11};
  FeatureScratch a, b;
  auto fa = Extract(tokens, ends, &a);
  // A used scratch (bigger document first) must give the same features.
  const std::vector<std::string_view> other(300, "word");
  Extract(other, {300}, &b);
  auto fb = Extract(tokens, ends, &b);
  EXPECT_EQ(fa, fb);
  ASSERT_EQ(fa.size(), tokens.size());
  for (const auto& f : fa) {
    EXPECT_GE(f.size(), 20u);
    EXPECT_LE(f.size(), 64u);
  }
}

TEST(FeaturesTest, CaseAndContextMatter) {
  FeatureScratch s;
  auto f1 = Extract({"the", "Tarsk", "river"}, {3}, &s);
  auto f2 = Extract({"the", "tarsk", "river"}, {3}, &s);
  auto f3 = Extract({"a", "Tarsk", "river"}, {3}, &s);
  EXPECT_NE(f1[1], f2[1]);
  EXPECT_NE(f1[1], f3[1]);
  // The word feature itself (index 1: bias, then word) is shared.
  EXPECT_EQ(f1[1][1], f3[1][1]);
}

TEST(FeaturesTest, HistoryFeaturesAppearAfterRecording) {
  FeatureScratch s;
  const std::vector<std::string_view> tokens = {"Tarsk", "won", ".",
                                                "Tarsk", "lost", "."};
  const std::vector<uint32_t> ends = {3, 6};
  PrepareDocument(tokens.data(), tokens.size(), ends.data(), ends.size(),
                  nullptr, &s);
  ExtractSentenceFeatures(3, 6, &s);
  const uint32_t before = s.offsets[1] - s.offsets[0];
  const uint8_t tags[3] = {static_cast<uint8_t>(MakeTag(2, kU)), 0, 0};
  RecordHistory(0, 3, tags, &s);
  ExtractSentenceFeatures(3, 6, &s);
  EXPECT_EQ(s.offsets[1] - s.offsets[0], before + 2);  // seen + majority
}

TEST(FeaturesTest, EmptyDocument) {
  FeatureScratch s;
  PrepareDocument(nullptr, 0, nullptr, 0, nullptr, &s);
  ExtractSentenceFeatures(0, 0, &s);
  ASSERT_EQ(s.offsets.size(), 1u);
  EXPECT_EQ(s.offsets[0], 0u);
}

TEST(FeaturesTest, HashIsStable) {
  // Pinned: models depend on these values never changing.
  EXPECT_EQ(HashBytes(""), HashBytes(""));
  EXPECT_NE(HashBytes("a"), HashBytes("b"));
  EXPECT_EQ(HashBytes("dossier"), 0x5243bdd8f7fad1e0ULL)
      << std::hex << HashBytes("dossier");
}

}  // namespace
}  // namespace ner_internal
}  // namespace dossier
