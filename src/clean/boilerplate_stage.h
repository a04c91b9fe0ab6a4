// BoilerplateStage: marks the blocks of one article that are not article
// text (subscription footers, sign-up form fields, "Read more:" links, image
// markers and photo captions, share buttons, a repeated headline, a
// truncated lead repeated before the full paragraph).
//
// Contract: reads text, blocks and meta; writes only Block::removed_why (a
// reason from README.md), never deletes or reorders blocks, never touches
// the title block, a dateline block or a block already marked. Compaction
// (Document::Compact) drops the marked blocks later.
// Thread-safety: immutable after construction (compiled RE2 patterns); Run()
// may be called concurrently on different documents.
#ifndef DOSSIER_CLEAN_BOILERPLATE_STAGE_H_
#define DOSSIER_CLEAN_BOILERPLATE_STAGE_H_

#include <memory>
#include <string_view>

#include "pipeline/stage.h"

namespace re2 {
class RE2;
}

namespace dossier {

struct BoilerplateOptions {
  // The "last part" of a document, where promotional sign-up text is
  // removed: the last `tail_blocks` blocks or the last third, whichever is
  // more.
  int tail_blocks = 8;
  // Sign-up lines this short are removed anywhere in the document.
  int short_promo_words = 15;
  // Longer blocks are never promotional footers, captions or links.
  int max_promo_words = 60;
  int max_caption_words = 40;
  int max_link_words = 30;
  int max_social_words = 20;
  // A teaser has at least this many words...
  int min_teaser_words = 8;
  // ...and its full paragraph comes within this many blocks after it.
  int teaser_window = 30;
};

class BoilerplateStage : public DocumentStage {
 public:
  explicit BoilerplateStage(BoilerplateOptions opts = {});
  ~BoilerplateStage() override;

  std::string_view name() const override { return "boilerplate"; }
  LayerSet reads() const override {
    return Layer::kText | Layer::kBlocks | Layer::kMeta;
  }
  LayerSet writes() const override { return Bit(Layer::kBlocks); }
  Status Run(Document& doc) const override;

  // The reason one block would be removed for on its own (every rule but
  // repeated_title and duplicate_teaser, which need the whole document), or
  // "" to keep it. `in_tail` says whether the block is in the last part.
  std::string_view Classify(std::string_view block, bool in_tail) const;

 private:
  struct Patterns;
  BoilerplateOptions opts_;
  std::unique_ptr<Patterns> re_;
};

}  // namespace dossier

#endif  // DOSSIER_CLEAN_BOILERPLATE_STAGE_H_
