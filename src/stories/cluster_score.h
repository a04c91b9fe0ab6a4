// Scores of a clustering against a gold partition: B-cubed precision,
// recall and F1 (Bagga & Baldwin 1998: per item, the share of its predicted
// cluster that is in its gold cluster, and vice versa, averaged over items)
// and the adjusted Rand index (Hubert & Arabie 1985).
//
// Items are positions; `predicted[i]` and `gold[i]` are item i's cluster
// labels (any strings). Both vectors must have the same size; an empty
// input scores 0. ARI is 1 for identical partitions, about 0 for random
// ones; when both partitions are all-singletons or all-one-cluster (its
// formula is 0/0) it is 1 if they are identical and 0 otherwise.
// Pure functions; thread-safe.
#ifndef DOSSIER_STORIES_CLUSTER_SCORE_H_
#define DOSSIER_STORIES_CLUSTER_SCORE_H_

#include <string>
#include <vector>

namespace dossier {

struct ClusterScore {
  double b3_precision = 0;
  double b3_recall = 0;
  double b3_f1 = 0;
  double ari = 0;
};

ClusterScore ScoreClustering(const std::vector<std::string>& predicted,
                             const std::vector<std::string>& gold);

}  // namespace dossier

#endif  // DOSSIER_STORIES_CLUSTER_SCORE_H_
