// `dossier bench`: named throughput workloads.
//
// A workload builds its input (e.g. the shipped example corpus replicated to
// 50 MB, with every copy's text slightly varied), runs a pipeline on all
// cores and reports MB/s, documents/s, words/s per core and peak memory.
// Speed is judged here, never in unit tests. Thread-compatible.
#ifndef DOSSIER_BENCH_BENCH_H_
#define DOSSIER_BENCH_BENCH_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace dossier {

struct BenchOptions {
  std::string corpus_dir;  // the articles to replicate
  double target_mb = 50;   // replicate until the input is at least this big
  int threads = 0;         // 0: all cores
};

struct BenchResult {
  std::string workload;
  size_t documents = 0;
  size_t bytes = 0;
  size_t words = 0;
  size_t errors = 0;
  int threads = 1;
  double seconds = 0;
  double mb_per_second = 0;
  double documents_per_second = 0;
  double words_per_second_per_core = 0;
  double peak_rss_mb = 0;
  std::vector<std::pair<std::string, double>> stage_seconds;  // summed
};

struct BenchWorkload {
  std::string_view name;
  std::string_view summary;
};

// The named workloads, in a stable order.
const std::vector<BenchWorkload>& BenchWorkloads();

StatusOr<BenchResult> RunBench(std::string_view workload,
                               const BenchOptions& opts);

std::string FormatBenchTable(const std::vector<BenchResult>& results);
std::string FormatBenchJson(const std::vector<BenchResult>& results);

}  // namespace dossier

#endif  // DOSSIER_BENCH_BENCH_H_
