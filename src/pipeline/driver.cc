#include "pipeline/driver.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <optional>
#include <thread>
#include <utility>

namespace dossier {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

int ThreadCount(const RunOptions& opts, size_t work) {
  int n = opts.threads > 0 ? opts.threads
                           : static_cast<int>(std::thread::hardware_concurrency());
  if (n < 1) n = 1;
  if (work < static_cast<size_t>(n)) n = static_cast<int>(std::max<size_t>(1, work));
  return n;
}

// Runs body(thread_index) on `n` threads and waits for all.
template <typename Fn>
void Parallel(int n, Fn body) {
  if (n == 1) {
    body(0);
    return;
  }
  std::vector<std::thread> threads;
  threads.reserve(n);
  for (int t = 0; t < n; ++t) threads.emplace_back(body, t);
  for (std::thread& th : threads) th.join();
}

}  // namespace

Pipeline& Pipeline::Assume(LayerSet layers) {
  assumed_ |= layers;
  return *this;
}

Pipeline& Pipeline::Add(std::unique_ptr<DocumentStage> stage) {
  steps_.emplace_back(std::move(stage));
  return *this;
}

Pipeline& Pipeline::Add(std::unique_ptr<CorpusStage> stage) {
  steps_.emplace_back(std::move(stage));
  return *this;
}

Pipeline& Pipeline::Compact() {
  steps_.emplace_back(CompactStep{});
  return *this;
}

std::vector<std::string> Pipeline::StageNames() const {
  std::vector<std::string> names;
  for (const Step& s : steps_) {
    if (auto* d = std::get_if<std::unique_ptr<DocumentStage>>(&s)) {
      names.emplace_back((*d)->name());
    } else if (auto* c = std::get_if<std::unique_ptr<CorpusStage>>(&s)) {
      names.emplace_back((*c)->name());
    } else {
      names.emplace_back("compact");
    }
  }
  return names;
}

Status Pipeline::Validate() const {
  LayerSet have = assumed_;
  for (const Step& s : steps_) {
    std::string_view name;
    LayerSet reads = 0;
    LayerSet writes = 0;
    if (auto* d = std::get_if<std::unique_ptr<DocumentStage>>(&s)) {
      name = (*d)->name();
      reads = (*d)->reads();
      writes = (*d)->writes();
    } else if (auto* c = std::get_if<std::unique_ptr<CorpusStage>>(&s)) {
      name = (*c)->name();
      reads = (*c)->reads();
      writes = (*c)->writes();
    } else {
      have |= Bit(Layer::kRemoved);
      continue;
    }
    LayerSet missing = reads & ~have;
    if (missing != 0) {
      return Status(ErrorCode::kPipelineInvalid,
                    "stage '" + std::string(name) + "' reads " +
                        LayerSetToString(missing) +
                        " but no earlier stage writes it");
    }
    have |= writes;
  }
  return Status::Ok();
}

Status Pipeline::Run(size_t count, const DocumentFactory& factory,
                     const std::vector<std::string>& sources,
                     const RunOptions& opts, Corpus& corpus) const {
  DOSSIER_RETURN_IF_ERROR(Validate());
  const auto run_start = Clock::now();
  std::vector<std::optional<Document>> docs(count);
  std::vector<std::optional<Status>> failures(count);

  // timings[0] is the factory; timings[k + 1] is steps_[k].
  std::vector<StageTiming> timings(steps_.size() + 1);
  timings[0].name = "read";
  {
    std::vector<std::string> names = StageNames();
    for (size_t k = 0; k < names.size(); ++k) timings[k + 1].name = names[k];
  }

  const int threads = ThreadCount(opts, count);
  size_t step = 0;
  bool first_segment = true;
  while (step < steps_.size() || first_segment) {
    // A segment: the steps up to the next corpus stage.
    size_t seg_end = step;
    while (seg_end < steps_.size() &&
           !std::holds_alternative<std::unique_ptr<CorpusStage>>(
               steps_[seg_end])) {
      ++seg_end;
    }
    if (seg_end > step || first_segment) {
      std::atomic<size_t> next{0};
      std::atomic<size_t> done{0};
      std::vector<std::vector<double>> local(
          threads, std::vector<double>(steps_.size() + 1, 0.0));
      Parallel(threads, [&](int t) {
        std::vector<double>& mine = local[t];
        for (size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1)) {
          if (first_segment) {
            auto t0 = Clock::now();
            StatusOr<Document> made = factory(i);
            mine[0] += SecondsSince(t0);
            if (!made.ok()) {
              failures[i] = made.status();
            } else {
              docs[i].emplace(std::move(made).value());
            }
          }
          for (size_t k = step; k < seg_end && docs[i]; ++k) {
            auto t0 = Clock::now();
            Status st;
            if (auto* d = std::get_if<std::unique_ptr<DocumentStage>>(
                    &steps_[k])) {
              st = (*d)->Run(*docs[i]);
            } else {
              StatusOr<Document> c = std::move(*docs[i]).Compact();
              if (c.ok()) {
                docs[i].emplace(std::move(c).value());
              } else {
                st = c.status();
              }
            }
            mine[k + 1] += SecondsSince(t0);
            if (!st.ok()) {
              failures[i] = Status(st.code(), "stage '" +
                                                  timings[k + 1].name +
                                                  "': " + st.message());
              docs[i].reset();
            }
          }
          size_t d = done.fetch_add(1) + 1;
          if (first_segment && opts.progress) opts.progress(d, count);
        }
      });
      for (const auto& mine : local) {
        for (size_t k = 0; k < mine.size(); ++k) timings[k].seconds += mine[k];
      }
      for (size_t i = 0; i < count; ++i) {
        if (!docs[i]) continue;
        if (first_segment) ++timings[0].documents;
        for (size_t k = step; k < seg_end; ++k) ++timings[k + 1].documents;
      }
      first_segment = false;
      step = seg_end;
    }
    if (step >= steps_.size()) break;

    // A corpus stage: the surviving documents move into the corpus so that
    // Finalize sees them; they come back out for later document stages.
    const CorpusStage& stage =
        *std::get<std::unique_ptr<CorpusStage>>(steps_[step]);
    auto t0 = Clock::now();
    std::vector<size_t> alive;
    corpus.documents.clear();
    for (size_t i = 0; i < count; ++i) {
      if (docs[i]) {
        alive.push_back(i);
        corpus.documents.push_back(std::move(*docs[i]));
        docs[i].reset();
      }
    }
    const size_t n = corpus.documents.size();
    const int ct = ThreadCount(opts, n);
    std::vector<std::unique_ptr<CorpusStage::Accumulator>> accs(ct);
    Parallel(ct, [&](int t) {
      accs[t] = stage.NewAccumulator();
      size_t lo = n * t / ct;
      size_t hi = n * (t + 1) / ct;
      for (size_t i = lo; i < hi; ++i) {
        accs[t]->Consume(static_cast<uint32_t>(i), corpus.documents[i]);
      }
    });
    for (int t = 1; t < ct; ++t) accs[0]->Merge(std::move(*accs[t]));
    Status st = stage.Finalize(*accs[0], corpus);
    timings[step + 1].seconds += SecondsSince(t0);
    timings[step + 1].documents += n;
    if (!st.ok()) {
      return Status(st.code(), "stage '" + std::string(stage.name()) +
                                   "': " + st.message());
    }
    for (size_t j = 0; j < alive.size(); ++j) {
      if (corpus.documents[j].meta().is_duplicate) {
        ++corpus.duplicates_dropped;  // folded into its representative
        continue;
      }
      docs[alive[j]].emplace(std::move(corpus.documents[j]));
    }
    corpus.documents.clear();
    ++step;
  }

  corpus.documents.clear();
  for (size_t i = 0; i < count; ++i) {
    if (docs[i]) {
      corpus.documents.push_back(std::move(*docs[i]));
    } else if (failures[i]) {
      corpus.errors.push_back(
          {i < sources.size() ? sources[i] : std::to_string(i),
           *failures[i]});
    }
  }
  corpus.timings = std::move(timings);
  corpus.wall_seconds = SecondsSince(run_start);
  return Status::Ok();
}

}  // namespace dossier
