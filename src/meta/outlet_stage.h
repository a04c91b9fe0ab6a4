// OutletStage: decides which outlet published the article, from what the
// article itself says.
//
// Contract: reads text, blocks, dateline and meta; writes meta.outlet and
// meta.outlet_how. Priority: an outlet given as input metadata is kept
// ("metadata"); else a signed footer in the last blocks ("© 2024 Caldera
// Herald", "Subscribe to The Caldera Herald", "This article originally
// appeared on ...") gives it ("footer"); else the dateline's agency
// ("dateline"). A signed footer beats the dateline because it names the
// publisher, while a dateline agency names the wire. A medium merely cited in
// the body ("according to Reuters") is never taken. Otherwise the outlet
// stays nullopt.
// Thread-safety: immutable after construction (compiled RE2 patterns); Run()
// may be called concurrently on different documents.
#ifndef DOSSIER_META_OUTLET_STAGE_H_
#define DOSSIER_META_OUTLET_STAGE_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/stage.h"

namespace re2 {
class RE2;
}

namespace dossier {

struct OutletOptions {
  int footer_blocks = 8;      // how many trailing blocks may hold a footer
  int max_footer_words = 30;  // longer blocks are prose, not footers
};

class OutletStage : public DocumentStage {
 public:
  explicit OutletStage(OutletOptions opts = {});
  ~OutletStage() override;

  std::string_view name() const override { return "outlet"; }
  LayerSet reads() const override {
    return Layer::kText | Layer::kBlocks | Layer::kDateline | Layer::kMeta;
  }
  LayerSet writes() const override { return Bit(Layer::kMeta); }
  Status Run(Document& doc) const override;

  // The outlet that a footer line names ("Caldera Herald" for "© 2024
  // Caldera Herald. All rights reserved."), or nullopt.
  std::optional<std::string> FooterOutlet(std::string_view block) const;

 private:
  struct Pattern;
  // The name from the strongest pattern ranked below `below_rank` that
  // matches `block`; sets `*rank` to its rank.
  std::optional<std::string> Match(std::string_view block, int below_rank,
                                   int* rank) const;

  OutletOptions opts_;
  std::vector<Pattern> patterns_;  // in priority order
};

}  // namespace dossier

#endif  // DOSSIER_META_OUTLET_STAGE_H_
