// What the eval tasks share to run dossier over a data set: the
// per-document pipeline over text articles, documents by source, and a
// stage's time. Plain functions; thread-compatible.
#ifndef DOSSIER_EVAL_EVAL_RUN_H_
#define DOSSIER_EVAL_EVAL_RUN_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "doc/corpus.h"
#include "doc/raw_article.h"

namespace dossier {

// Runs PerDocumentPipeline() (what `dossier analyze` does per document)
// over `raws` on `threads` workers (0: all cores); *wall_seconds gets the
// run's wall-clock time.
StatusOr<Corpus> RunPerDocumentPipeline(std::vector<RawArticle> raws,
                                        int threads, double* wall_seconds);

// The corpus's documents by DocMeta::source (pointers into `corpus`).
std::map<std::string, const Document*> DocumentsBySource(const Corpus& corpus);

// Seconds spent in the stage named `stage`, summed over worker threads.
double StageSeconds(const Corpus& corpus, std::string_view stage);

}  // namespace dossier

#endif  // DOSSIER_EVAL_EVAL_RUN_H_
