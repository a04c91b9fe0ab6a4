// PosStage: Penn Treebank part-of-speech tags for every token (Token::pos).
//
// Reads: text, sentences, tokens. Writes: pos (Token::pos). Each sentence's
// tokens are tagged by the built-in PosModel (pos/default_model.h) or the
// one given; tokens outside sentences (titles, headings) are tagged as one
// sequence per block of consecutive untagged tokens. Immutable; Run is safe
// to call concurrently on different documents (one scratch per thread).
#ifndef DOSSIER_POS_POS_STAGE_H_
#define DOSSIER_POS_POS_STAGE_H_

#include <memory>

#include "pipeline/stage.h"
#include "pos/model.h"

namespace dossier {

class PosStage : public DocumentStage {
 public:
  // `model` null: the built-in model.
  explicit PosStage(std::shared_ptr<const PosModel> model = nullptr);

  std::string_view name() const override { return "pos"; }
  LayerSet reads() const override {
    return Layer::kText | Layer::kSentences | Layer::kTokens;
  }
  LayerSet writes() const override { return Bit(Layer::kPos); }
  Status Run(Document& doc) const override;

 private:
  std::shared_ptr<const PosModel> model_;
  Status error_;
};

}  // namespace dossier

#endif  // DOSSIER_POS_POS_STAGE_H_
