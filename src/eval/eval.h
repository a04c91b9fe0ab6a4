// `dossier eval`: scoring extraction tasks on public data sets.
//
// An EvalTask reads a data set in its public format (CoNLL, brat, TimeML,
// ...), runs the relevant dossier stages on it, and returns an EvalReport: a
// flat list of metrics with dotted keys ("f1", "per_type.PER.f1",
// "source.exact.f1") that prints as a table or as one nested JSON object.
// Tasks are registered in eval.cc; each lives in its own file. Floors
// (eval/floors.json) name minimum figures that CI enforces when the data
// is present. Tasks are immutable; Run is thread-compatible.
#ifndef DOSSIER_EVAL_EVAL_H_
#define DOSSIER_EVAL_EVAL_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace dossier {

struct EvalMetric {
  std::string key;  // dotted path, e.g. "per_type.PER.f1"
  double value = 0;
};

struct EvalReport {
  std::string task;
  std::string data;  // the path scored
  std::vector<EvalMetric> metrics;
  std::vector<std::string> notes;  // human-readable remarks

  void Add(std::string key, double value) {
    metrics.push_back({std::move(key), value});
  }
  // The value of `key`, or nullptr.
  const double* Find(std::string_view key) const;
};

// Precision/recall/F1 from counts.
struct Prf {
  double tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp > 0 ? tp / (tp + fp) : 0; }
  double Recall() const { return tp + fn > 0 ? tp / (tp + fn) : 0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  // Adds "<prefix>precision", "<prefix>recall", "<prefix>f1".
  void AddTo(EvalReport& report, const std::string& prefix) const;
};

struct EvalOptions {
  int threads = 0;
  size_t limit = 0;  // score at most this many items (0: all); for quick runs
};

class EvalTask {
 public:
  virtual ~EvalTask() = default;
  virtual std::string_view name() const = 0;      // "ner"
  virtual std::string_view summary() const = 0;   // one line for --help
  // Where the data lives below ../shared, e.g. "data/conll2003/eng.testa".
  virtual std::string_view default_data() const = 0;
  virtual StatusOr<EvalReport> Run(const std::string& path,
                                   const EvalOptions& opts) const = 0;
};

// All registered tasks, in a stable order.
const std::vector<std::unique_ptr<EvalTask>>& EvalTasks();
const EvalTask* FindEvalTask(std::string_view name);

// A readable table of the report's metrics.
std::string FormatEvalTable(const EvalReport& report);
// One JSON object: the dotted keys nested ({"per_type":{"PER":{"f1":..}}}).
std::string FormatEvalJson(const EvalReport& report);

// One floor: task, the data path below the shared folder, and minimum values.
struct Floor {
  std::string task;
  std::string data;
  std::vector<EvalMetric> minimums;
};
StatusOr<std::vector<Floor>> ParseFloors(std::string_view json);

struct FloorCheck {
  std::string task;
  std::string key;
  double floor = 0;
  double value = 0;
  bool skipped = false;  // data absent
  bool ok() const { return skipped || value + 1e-9 >= floor; }
};
// Runs every floor's task on shared_dir/data and compares.
StatusOr<std::vector<FloorCheck>> CheckFloors(const std::vector<Floor>& floors,
                                              const std::string& shared_dir,
                                              const EvalOptions& opts);

}  // namespace dossier

#endif  // DOSSIER_EVAL_EVAL_H_
