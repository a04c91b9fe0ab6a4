// MentionStage: finds PERSON / ORG / LOC / MISC name mentions.
//
// Names are found by the trained tagger (ner/tagger.h; the built-in English
// model unless MentionOptions says otherwise), run over the whole document
// so that it sees each word's other uses; titles before a person's name
// ("Foreign Minister Tomas Eberle") are recognised by rules and take
// precedence. With `use_model = false` the first, rule-based recognizer
// runs instead (README.md describes its rules); it is kept as a baseline.
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

#include <memory>
#include <string_view>

#include "base/status.h"
#include "doc/document.h"
#include "doc/layers.h"
#include "entities/lexicon.h"
#include "ner/tagger.h"
#include "pipeline/stage.h"

namespace dossier {

struct MentionOptions {
  bool use_model = true;
  // The tagger; null means the built-in model (ner/default_model.h).
  std::shared_ptr<const NerModel> model;
};

class MentionStage : public DocumentStage {
 public:
  explicit MentionStage(MentionOptions opts = {});

  std::string_view name() const override { return "mentions"; }
  LayerSet reads() const override {
    return Layer::kText | Layer::kBlocks | Layer::kSentences | Layer::kTokens |
           Layer::kMeta | Layer::kDateline;
  }
  LayerSet writes() const override { return Bit(Layer::kMentions); }
  Status Run(Document& doc) const override;

 private:
  const Lexicon& lex_;
  std::shared_ptr<const NerModel> model_;  // null: rules only
  Status model_status_;  // why the requested model could not be loaded
};

}  // namespace dossier

#endif  // DOSSIER_ENTITIES_MENTION_STAGE_H_
