// B-cubed and ARI on small partitions computed by hand.
#include "stories/cluster_score.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

TEST(ClusterScoreTest, IdenticalPartitionsScoreOne) {
  ClusterScore s = ScoreClustering({"x", "x", "y"}, {"a", "a", "b"});
  EXPECT_DOUBLE_EQ(s.b3_precision, 1.0);
  EXPECT_DOUBLE_EQ(s.b3_recall, 1.0);
  EXPECT_DOUBLE_EQ(s.b3_f1, 1.0);
  EXPECT_DOUBLE_EQ(s.ari, 1.0);
}

TEST(ClusterScoreTest, HandComputedMixedCase) {
  // Gold {1,2,3} {4,5}; predicted {1,2} {3,4,5}.
  // B3 precision: (1 + 1 + 1/3 + 2/3 + 2/3) / 5 = 11/15; recall: (2/3 + 2/3
  // + 1/3 + 1 + 1) / 5 = 11/15. ARI: index 2, predicted pairs 4, gold
  // pairs 4, all pairs 10, expected 1.6, max 4: 0.4 / 2.4 = 1/6.
  ClusterScore s =
      ScoreClustering({"x", "x", "y", "y", "y"}, {"a", "a", "a", "b", "b"});
  EXPECT_NEAR(s.b3_precision, 11.0 / 15, 1e-12);
  EXPECT_NEAR(s.b3_recall, 11.0 / 15, 1e-12);
  EXPECT_NEAR(s.b3_f1, 11.0 / 15, 1e-12);
  EXPECT_NEAR(s.ari, 1.0 / 6, 1e-12);
}

TEST(ClusterScoreTest, OneClusterAgainstSingletons) {
  // Everything in one predicted cluster, gold all singletons: precision
  // 1/4 per item, recall 1; ARI 0 (no pair agrees beyond chance).
  ClusterScore s = ScoreClustering({"x", "x", "x", "x"}, {"a", "b", "c", "d"});
  EXPECT_DOUBLE_EQ(s.b3_precision, 0.25);
  EXPECT_DOUBLE_EQ(s.b3_recall, 1.0);
  EXPECT_DOUBLE_EQ(s.b3_f1, 0.4);
  EXPECT_DOUBLE_EQ(s.ari, 0.0);
}

TEST(ClusterScoreTest, EmptyOrMismatchedInputScoresZero) {
  EXPECT_DOUBLE_EQ(ScoreClustering({}, {}).b3_f1, 0.0);
  EXPECT_DOUBLE_EQ(ScoreClustering({"x"}, {"a", "b"}).b3_f1, 0.0);
}

}  // namespace
}  // namespace dossier
