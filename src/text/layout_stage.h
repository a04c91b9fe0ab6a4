// LayoutStage: splits a document's text into blocks (title, inline section
// headings, paragraphs) and sets meta.title from the title block.
//
// Reads: text, meta. Writes: blocks, meta (title).
// Contract: blocks are in text order, non-overlapping, never empty, and each
// span excludes the white space around it. Paragraphs are separated by blank
// lines; single newlines are read per document either as paragraph breaks
// (one paragraph per line, the usual form of scraped news) or as hard wraps
// (lines of similar width that fill up to a common width), see README.md.
// When the title did not come from metadata the first line is the kTitle
// block. Short title-case lines between paragraphs become kHeading.
// Immutable; Run is safe to call concurrently on different documents.
#ifndef DOSSIER_TEXT_LAYOUT_STAGE_H_
#define DOSSIER_TEXT_LAYOUT_STAGE_H_

#include <string_view>

#include "pipeline/stage.h"

namespace dossier {

class LayoutStage : public DocumentStage {
 public:
  LayoutStage() = default;

  std::string_view name() const override { return "layout"; }
  LayerSet reads() const override { return Layer::kText | Layer::kMeta; }
  LayerSet writes() const override { return Layer::kBlocks | Layer::kMeta; }
  Status Run(Document& doc) const override;
};

// True when `line` (one line, no newline) reads as an inline section
// heading: 2-12 words, at most 100 bytes, title case, no final sentence
// punctuation, not quoted, not all capitals, not a dateline. Exposed for
// tests; the stage also requires that a block follows.
bool LooksLikeHeading(std::string_view line);

}  // namespace dossier

#endif  // DOSSIER_TEXT_LAYOUT_STAGE_H_
