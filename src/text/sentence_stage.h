// SentenceStage: sentence boundaries inside title and paragraph blocks.
//
// Reads: text, blocks. Writes: sentences (first_token/end_token stay 0; the
// TokenStage fills them). Headings and datelines hold no sentences; blocks
// marked removed are skipped. Sentence spans lie inside their block, are
// trimmed of white space, in text order and non-overlapping.
// Uses ICU's sentence BreakIterator for locale en@ss=standard (with ICU's
// abbreviation suppressions) over the UTF-8 text, newlines inside a block
// read as spaces; then joins pieces split after common abbreviations (Mr.,
// Gen., U.S. before a non-starter word, Jan. before a number, No. 5, ...)
// and single-letter initials, and splits after a closing quote that ends a
// sentence when ICU did not.
// Immutable after construction; Run clones the prototype iterator, so it is
// safe to call concurrently on different documents.
#ifndef DOSSIER_TEXT_SENTENCE_STAGE_H_
#define DOSSIER_TEXT_SENTENCE_STAGE_H_

#include <unicode/brkiter.h>

#include <memory>
#include <mutex>
#include <string_view>

#include "pipeline/stage.h"

namespace dossier {

class SentenceStage : public DocumentStage {
 public:
  SentenceStage();
  ~SentenceStage() override;

  std::string_view name() const override { return "sentences"; }
  LayerSet reads() const override { return Layer::kText | Layer::kBlocks; }
  LayerSet writes() const override { return Bit(Layer::kSentences); }
  Status Run(Document& doc) const override;

 private:
  std::unique_ptr<icu::BreakIterator> prototype_;
  Status init_;
  mutable std::mutex clone_mu_;  // guards cloning the prototype
};

}  // namespace dossier

#endif  // DOSSIER_TEXT_SENTENCE_STAGE_H_
