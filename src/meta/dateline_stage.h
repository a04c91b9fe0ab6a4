// DatelineStage: finds the dateline near the top of an article ("OSLO,
// March 3, 2024 – Nordpress", "OSLO (Nordpress) — The ...") and reads it as
// place, ISO date and agency.
//
// Contract: reads text, blocks and meta; writes Layers::dateline (at most
// one), turns a block that is nothing but a dateline into BlockKind::
// kDateline, and fills meta.published (published_how = kDateline) when it
// was empty and the dateline has a full date. Never removes text. See
// README.md for the accepted shapes and what is refused.
// Thread-safety: immutable after construction; Run() and Parse() may be
// called concurrently.
#ifndef DOSSIER_META_DATELINE_STAGE_H_
#define DOSSIER_META_DATELINE_STAGE_H_

#include <optional>
#include <string_view>

#include "doc/layers.h"
#include "pipeline/stage.h"

namespace dossier {

struct DatelineOptions {
  // How many leading non-title blocks are examined. Very short blocks (image
  // markers, a repeated headline) are examined but not counted.
  int max_blocks = 6;
  // Most words a place may have ("NEW YORK", "Rio de Janeiro").
  int max_place_words = 4;
};

// A dateline read from the start of one block.
struct DatelineParse {
  Dateline dateline;        // span relative to the parsed text
  bool standalone = false;  // the dateline is the whole block
  bool full_date = false;   // the date had day, month and year
};

class DatelineStage : public DocumentStage {
 public:
  explicit DatelineStage(DatelineOptions opts = {});

  std::string_view name() const override { return "dateline"; }
  LayerSet reads() const override {
    return Layer::kText | Layer::kBlocks | Layer::kMeta;
  }
  LayerSet writes() const override {
    return Layer::kDateline | Layer::kBlocks | Layer::kMeta;
  }
  Status Run(Document& doc) const override;

  // Reads a dateline at the start of `block` (one block's text). `year_hint`
  // ("2024" or empty) completes a date written without a year. Returns
  // nullopt when the block does not start with a dateline.
  std::optional<DatelineParse> Parse(std::string_view block,
                                     std::string_view year_hint) const;

 private:
  DatelineOptions opts_;
};

}  // namespace dossier

#endif  // DOSSIER_META_DATELINE_STAGE_H_
