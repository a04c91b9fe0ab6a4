// RepeatedBlockStage: marks short blocks that repeat across the documents of
// a run at the top or bottom of each article (a site's footer, a "Reporting
// by" line, a standard promo), which per-document rules cannot recognise.
//
// Contract: reads blocks and meta; writes only Block::removed_why =
// "repeated_block". A block qualifies when its normalized text (same hash)
// sits within the first `head_blocks` or last `tail_blocks` kept blocks of
// EVERY document it appears in, has at most `max_words` words, and appears in
// >= `min_same_outlet` documents of one outlet (meta.outlet) or >=
// `min_documents` documents overall. Title and dateline blocks and longer
// paragraphs are never marked; for the outlet-blind count, prose paragraphs
// (>= `prose_words` words ending a sentence) are content shared by wire
// copies and stay too. The result does not depend on thread count or on the
// order documents are consumed.
// Thread-safety: the stage is immutable; each Accumulator is used by one
// thread at a time (pipeline/stage.h).
#ifndef DOSSIER_CLEAN_REPEATED_BLOCK_STAGE_H_
#define DOSSIER_CLEAN_REPEATED_BLOCK_STAGE_H_

#include <memory>
#include <string_view>

#include "pipeline/stage.h"

namespace dossier {

struct RepeatedBlockOptions {
  int head_blocks = 3;
  int tail_blocks = 8;
  int max_words = 60;
  int min_same_outlet = 2;
  int min_documents = 3;
  int prose_words = 20;
};

class RepeatedBlockStage : public CorpusStage {
 public:
  explicit RepeatedBlockStage(RepeatedBlockOptions opts = {});

  std::string_view name() const override { return "repeated_blocks"; }
  LayerSet reads() const override { return Layer::kBlocks | Layer::kMeta; }
  LayerSet writes() const override { return Bit(Layer::kBlocks); }
  std::unique_ptr<Accumulator> NewAccumulator() const override;
  Status Finalize(Accumulator& merged, Corpus& corpus) const override;

 private:
  RepeatedBlockOptions opts_;
};

}  // namespace dossier

#endif  // DOSSIER_CLEAN_REPEATED_BLOCK_STAGE_H_
