// Stage interfaces: the units the driver (pipeline/driver.h) runs.
//
// A DocumentStage looks at one document at a time: it reads some layers and
// writes others, declared by reads()/writes() so the driver can check the
// order. A CorpusStage needs many documents: the driver gives each worker
// thread its own Accumulator, feeds it documents (Consume), merges the
// accumulators (Merge), then calls Finalize once, which may update documents
// and the corpus-level results.
//
// Stages are immutable after construction (compiled patterns, tables), hold
// no per-run state, never call each other and never print: Run and Finalize
// must be safe to call from many threads at once on different documents.
#ifndef DOSSIER_PIPELINE_STAGE_H_
#define DOSSIER_PIPELINE_STAGE_H_

#include <cstdint>
#include <memory>
#include <string_view>

#include "base/status.h"
#include "doc/corpus.h"
#include "doc/document.h"
#include "doc/layers.h"

namespace dossier {

class DocumentStage {
 public:
  virtual ~DocumentStage() = default;
  // Short stable name, e.g. "sentences"; used in timings and messages.
  virtual std::string_view name() const = 0;
  virtual LayerSet reads() const = 0;
  virtual LayerSet writes() const = 0;
  // Adds this stage's layers to `doc`. A non-OK status drops the document
  // from the run (the driver records the error and goes on with the rest).
  virtual Status Run(Document& doc) const = 0;
};

class CorpusStage {
 public:
  // Per-worker state that sees a share of the documents.
  class Accumulator {
   public:
    virtual ~Accumulator() = default;
    // `index` is the document's index in Corpus::documents.
    virtual void Consume(uint32_t index, const Document& doc) = 0;
    // Folds `other` (made by the same stage) into this one.
    virtual void Merge(Accumulator&& other) = 0;
  };

  virtual ~CorpusStage() = default;
  virtual std::string_view name() const = 0;
  virtual LayerSet reads() const = 0;
  virtual LayerSet writes() const = 0;
  virtual std::unique_ptr<Accumulator> NewAccumulator() const = 0;
  // Called once with all documents consumed and merged.
  virtual Status Finalize(Accumulator& merged, Corpus& corpus) const = 0;
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_STAGE_H_
