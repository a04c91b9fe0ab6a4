#include "dedup/dedup_stage.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dossier {
namespace {

const char kStory[] =
    "Delegations from Norland and Ostravia sat down in Sarvik on Thursday "
    "for their first direct talks in three years, with the Norlandic "
    "president at the table and the Ostravian president absent. Ostravia "
    "was represented by its deputy foreign minister, who led a delegation of "
    "twelve. The session lasted about three hours and both sides said they "
    "would meet again next week in the old customs house on the harbour.";

const char kOtherStory[] =
    "The Keldby harbour board approved a second ferry line on Monday after a "
    "two year dispute over the cost of the new pier, which engineers said "
    "would need stronger foundations than the old one. Ferries are expected "
    "to start running in June, the board chair told reporters after a vote "
    "that passed by seven votes to two in the town hall.";

Corpus MakeCorpus(const std::vector<std::string>& texts) {
  Corpus c;
  for (size_t i = 0; i < texts.size(); ++i) {
    DocMeta m;
    m.id = "d" + std::to_string(i + 1);
    m.source = "s" + std::to_string(i + 1);
    c.documents.emplace_back(
        m, texts[i],
        OffsetMap::Identity(static_cast<uint32_t>(texts[i].size())));
  }
  return c;
}

void RunDedup(Corpus& c, std::vector<uint32_t> order = {},
              DedupOptions o = {}) {
  DedupStage stage(o);
  if (order.empty()) {
    for (uint32_t i = 0; i < c.documents.size(); ++i) order.push_back(i);
  }
  auto acc = stage.NewAccumulator();
  for (uint32_t i : order) {
    auto one = stage.NewAccumulator();
    one->Consume(i, c.documents[i]);
    acc->Merge(std::move(*one));
  }
  ASSERT_TRUE(stage.Finalize(*acc, c).ok());
}

TEST(DedupStageTest, ExactCopyIgnoringCaseAndPunctuationIsFolded) {
  std::string shouty = kStory;
  for (char& ch : shouty) ch = static_cast<char>(std::toupper(ch));
  Corpus c = MakeCorpus({kStory, shouty + "!!"});
  RunDedup(c);
  const int dups =
      c.documents[0].meta().is_duplicate + c.documents[1].meta().is_duplicate;
  EXPECT_EQ(dups, 1);
}

TEST(DedupStageTest, WireCopyWithSmallEditsIsANearDuplicate) {
  std::string copy = std::string(kStory) + " Reporting by a staff writer.";
  Corpus c = MakeCorpus({kStory, copy, kOtherStory});
  RunDedup(c);
  // The longer copy is kept and lists the other.
  EXPECT_TRUE(c.documents[0].meta().is_duplicate);
  EXPECT_FALSE(c.documents[1].meta().is_duplicate);
  ASSERT_EQ(c.documents[1].meta().duplicates.size(), 1u);
  EXPECT_EQ(c.documents[1].meta().duplicates[0].id, "d1");
  EXPECT_GE(c.documents[1].meta().duplicates[0].similarity, 0.7);
  EXPECT_FALSE(c.documents[2].meta().is_duplicate);
  EXPECT_TRUE(c.documents[2].meta().duplicates.empty());
}

TEST(DedupStageTest, TrimmedCopyIsFoldedIntoTheFullStory) {
  // The first two sentences of a story republished alone.
  const std::string story = std::string(kStory) + " " + kOtherStory;
  const std::string trimmed = std::string(kStory);
  Corpus c = MakeCorpus({trimmed, story});
  RunDedup(c);
  EXPECT_TRUE(c.documents[0].meta().is_duplicate);
  ASSERT_EQ(c.documents[1].meta().duplicates.size(), 1u);
  EXPECT_GE(c.documents[1].meta().duplicates[0].similarity, 0.9);
}

TEST(DedupStageTest, KeptDocumentInheritsACopysPublicationDate) {
  Corpus c = MakeCorpus({kStory, std::string(kStory) + " More follows."});
  c.documents[0].meta().published = "2025-03-13";
  c.documents[0].meta().published_how = PublishedHow::kMetadata;
  RunDedup(c);
  ASSERT_TRUE(c.documents[0].meta().is_duplicate);
  EXPECT_EQ(c.documents[1].meta().published, "2025-03-13");
  EXPECT_EQ(c.documents[1].meta().published_how, PublishedHow::kInferred);
}

TEST(DedupStageTest, DifferentStoriesAreKept) {
  Corpus c = MakeCorpus({kStory, kOtherStory});
  RunDedup(c);
  EXPECT_FALSE(c.documents[0].meta().is_duplicate);
  EXPECT_FALSE(c.documents[1].meta().is_duplicate);
}

TEST(DedupStageTest, ThresholdIsTunable) {
  // About three quarters of the shingles are shared.
  const std::string longer =
      std::string(kStory) +
      " Officials from the host country said the prisoner lists would be "
      "exchanged within a week through the regional security organisation.";
  DedupOptions strict;
  strict.threshold = 0.95;
  strict.containment = 2;  // off: this test is about the Jaccard threshold
  Corpus a = MakeCorpus({kStory, longer});
  RunDedup(a, {}, strict);
  EXPECT_FALSE(a.documents[0].meta().is_duplicate);
  DedupOptions loose;
  loose.threshold = 0.5;
  loose.containment = 2;
  Corpus b = MakeCorpus({kStory, longer});
  RunDedup(b, {}, loose);
  EXPECT_TRUE(b.documents[0].meta().is_duplicate);
}

TEST(DedupStageTest, ResultDoesNotDependOnMergeOrder) {
  std::string copy = std::string(kStory) + " More follows.";
  Corpus a = MakeCorpus({kStory, kOtherStory, copy});
  Corpus b = MakeCorpus({kStory, kOtherStory, copy});
  RunDedup(a, {0, 1, 2});
  RunDedup(b, {2, 0, 1});
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(a.documents[i].meta().is_duplicate,
              b.documents[i].meta().is_duplicate);
    EXPECT_EQ(a.documents[i].meta().duplicates.size(),
              b.documents[i].meta().duplicates.size());
  }
}

TEST(DedupStageTest, SimilarityOfIdenticalSignaturesIsOne) {
  DedupStage stage;
  DedupStage::Signature s1, s2;
  uint64_t e1, e2;
  uint32_t w1, w2;
  stage.Sign(kStory, &s1, &e1, &w1);
  stage.Sign(kStory, &s2, &e2, &w2);
  EXPECT_EQ(DedupStage::Similarity(s1, s2), 1.0);
  EXPECT_EQ(e1, e2);
  EXPECT_GT(w1, 50u);
}

}  // namespace
}  // namespace dossier
