#include "eval/eval_run.h"

#include <chrono>
#include <utility>

#include "analyze/analyze.h"

namespace dossier {

StatusOr<Corpus> RunPerDocumentPipeline(std::vector<RawArticle> raws,
                                        int threads, double* wall_seconds) {
  AnalyzeOptions analyze;
  analyze.run.threads = threads;
  const Pipeline pipeline = PerDocumentPipeline();
  const auto t0 = std::chrono::steady_clock::now();
  StatusOr<Corpus> corpus = AnalyzeArticles(pipeline, std::move(raws), analyze);
  *wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
          .count();
  return corpus;
}

std::map<std::string, const Document*> DocumentsBySource(const Corpus& corpus) {
  std::map<std::string, const Document*> by_source;
  for (const Document& d : corpus.documents) by_source[d.meta().source] = &d;
  return by_source;
}

double StageSeconds(const Corpus& corpus, std::string_view stage) {
  double seconds = 0;
  for (const StageTiming& t : corpus.timings) {
    if (t.name == stage) seconds += t.seconds;
  }
  return seconds;
}

}  // namespace dossier
