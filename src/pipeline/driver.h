// Pipeline: the thin driver that owns stage order, timing, parallelism and
// the error policy.
//
// A pipeline is a list of steps: document stages, corpus stages and one
// optional Compact barrier (see Document::Compact). Run() makes the
// documents with a factory, runs consecutive document stages document by
// document on all cores, runs corpus stages in between, and records
// per-stage time. A document whose factory or stage fails is dropped with a
// DocError in Corpus::errors; the others go on. A document that a corpus
// stage marks DocMeta::is_duplicate leaves the run after that stage. Validate() checks that every
// stage reads only layers that an earlier step wrote.
// Immutable once built: Run() may be called concurrently on different
// corpora.
#ifndef DOSSIER_PIPELINE_DRIVER_H_
#define DOSSIER_PIPELINE_DRIVER_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "base/status.h"
#include "doc/corpus.h"
#include "pipeline/stage.h"

namespace dossier {

struct RunOptions {
  int threads = 0;  // 0: one per hardware thread
  // Called as documents finish the first document-stage segment; from
  // worker threads, so it must be thread-safe. May be empty.
  std::function<void(size_t done, size_t total)> progress;
};

// Makes document `i` (0 <= i < count), e.g. by reading and normalizing it.
using DocumentFactory = std::function<StatusOr<Document>(size_t i)>;

class Pipeline {
 public:
  // The layers a factory-made document has.
  static constexpr LayerSet kFactoryLayers = Bit(Layer::kText) |
                                             Bit(Layer::kMeta);

  // Declares layers that the factory fills besides text and meta (e.g. an
  // eval task that builds tokens from gold data).
  Pipeline& Assume(LayerSet layers);
  Pipeline& Add(std::unique_ptr<DocumentStage> stage);
  Pipeline& Add(std::unique_ptr<CorpusStage> stage);
  Pipeline& Compact();

  Status Validate() const;

  // Makes `count` documents with `factory` (named by `sources[i]` in errors)
  // and runs every step. Fills `corpus` (documents in input order).
  Status Run(size_t count, const DocumentFactory& factory,
             const std::vector<std::string>& sources, const RunOptions& opts,
             Corpus& corpus) const;

  // Stage names in order, for --help and docs.
  std::vector<std::string> StageNames() const;

 private:
  struct CompactStep {};
  using Step = std::variant<std::unique_ptr<DocumentStage>,
                            std::unique_ptr<CorpusStage>, CompactStep>;
  std::vector<Step> steps_;
  LayerSet assumed_ = kFactoryLayers;
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_DRIVER_H_
