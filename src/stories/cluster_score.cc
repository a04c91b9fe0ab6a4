#include "stories/cluster_score.h"

#include <map>
#include <utility>

namespace dossier {
namespace {

double Pairs(double n) { return n * (n - 1) / 2; }

}  // namespace

ClusterScore ScoreClustering(const std::vector<std::string>& predicted,
                             const std::vector<std::string>& gold) {
  ClusterScore s;
  const size_t n = predicted.size();
  if (n == 0 || gold.size() != n) return s;
  std::map<std::string, double> pred_size, gold_size;
  std::map<std::pair<std::string, std::string>, double> both;
  for (size_t i = 0; i < n; ++i) {
    ++pred_size[predicted[i]];
    ++gold_size[gold[i]];
    ++both[{predicted[i], gold[i]}];
  }
  // B-cubed: item i contributes |P(i) & G(i)| / |P(i)| to precision; the
  // items of one cell (p, g) all contribute the same, so sum per cell.
  double p = 0, r = 0;
  for (const auto& [cell, count] : both) {
    p += count * count / pred_size[cell.first];
    r += count * count / gold_size[cell.second];
  }
  s.b3_precision = p / static_cast<double>(n);
  s.b3_recall = r / static_cast<double>(n);
  const double pr = s.b3_precision + s.b3_recall;
  s.b3_f1 = pr > 0 ? 2 * s.b3_precision * s.b3_recall / pr : 0;
  // Adjusted Rand index.
  double index = 0, a = 0, b = 0;
  for (const auto& [cell, count] : both) index += Pairs(count);
  for (const auto& [label, count] : pred_size) a += Pairs(count);
  for (const auto& [label, count] : gold_size) b += Pairs(count);
  const double total = Pairs(static_cast<double>(n));
  const double expected = total > 0 ? a * b / total : 0;
  const double max = (a + b) / 2;
  if (max - expected == 0) {
    s.ari = (index == a && index == b) ? 1.0 : 0.0;
  } else {
    s.ari = (index - expected) / (max - expected);
  }
  return s;
}

}  // namespace dossier
