// MentionStage: a rule-based recognizer of PERSON / ORG / LOC / MISC name
// mentions (first version; a trained tagger will replace the recognizer
// behind the same class and layer).
//
// Contract: reads text, blocks, sentences, tokens (with TokenFlag bits) and
// meta; writes Layers::mentions in text order. Each mention has a type, a
// form (kName, kSurname or kTitle; the span of a kTitle mention covers the
// title and `name` the name proper), and `local`, one id per document-level
// referent (a full name and its later surname and title mentions share it).
// A possessive "'s" is never part of a span. No pronoun or descriptor
// mentions yet. See README.md for the rules.
// Thread-safety: immutable after construction; Run() may be called
// concurrently on different documents.
#ifndef DOSSIER_ENTITIES_MENTION_STAGE_H_
#define DOSSIER_ENTITIES_MENTION_STAGE_H_

#include <string_view>

#include "base/status.h"
#include "doc/document.h"
#include "doc/layers.h"
#include "entities/lexicon.h"
#include "pipeline/stage.h"

namespace dossier {

class MentionStage : public DocumentStage {
 public:
  MentionStage();

  std::string_view name() const override { return "mentions"; }
  LayerSet reads() const override {
    return Layer::kText | Layer::kBlocks | Layer::kSentences | Layer::kTokens |
           Layer::kMeta | Layer::kDateline;
  }
  LayerSet writes() const override { return Bit(Layer::kMentions); }
  Status Run(Document& doc) const override;

 private:
  const Lexicon& lex_;
};

}  // namespace dossier

#endif  // DOSSIER_ENTITIES_MENTION_STAGE_H_
