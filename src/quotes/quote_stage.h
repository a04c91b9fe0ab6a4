// QuoteStage: finds direct and partial quotations, their reporting cue and
// their speaker (rule-based first version).
//
// Contract: reads text, blocks, sentences, tokens (kTokenQuoteMark marks
// quote tokens), mentions and POS tags (the tagger's features); writes
// Layers::quotes in text order. Quotes are matched pairs of curly (“ ”), angle
// (« ») or straight (") double marks within a paragraph; an unclosed quote runs
// on into the next paragraph when that one opens with a quote mark. Single
// marks (‘ ’) are nested quotes, never quotes of their own. span includes the
// marks, content excludes them. kind is kDirect for a clause (>= 4 words or
// final punctuation), kPartial for a few words in a sentence with a reporting
// verb; short quotes with no reporting verb around (scare quotes, titles)
// are skipped. cue is the reporting verb or phrase; speaker the mention,
// pronoun or descriptor naming the source (speaker_mention: the mention,
// the antecedent of a pronoun, or -1 for a descriptor). Reported speech
// ("X said (that) S", "S, X said", "according to X, S") becomes kIndirect
// quotes whose span and content are the reported clause (no marks); a
// quotation inside such a clause is replaced by it, a direct quote is never
// repeated as indirect speech. Quote::relay is the report a quote is taken
// from ("..., according to a pool report"; "X said S, the Courier
// reported" gives one quote with speaker X and relay the Courier);
// Quote::anonymous numbers unnamed sources ("a diplomat speaking on
// condition of anonymity", later "the official"). Quote::group, variant
// and misquote are left to a later stage. Sentences where the rules find
// no attribution are labelled by the trained AttributionModel
// (quotes/attribution_model.h); each cue it finds with a content becomes a
// quote (the nearest source and content spans of the sentence).
// Thread-safety: immutable after construction; Run() may be called
// concurrently on different documents.
#ifndef DOSSIER_QUOTES_QUOTE_STAGE_H_
#define DOSSIER_QUOTES_QUOTE_STAGE_H_

#include <memory>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "doc/document.h"
#include "doc/layers.h"
#include "pipeline/stage.h"
#include "quotes/attribution_model.h"

namespace dossier {

class QuoteStage : public DocumentStage {
 public:
  QuoteStage();

  std::string_view name() const override { return "quotes"; }
  LayerSet reads() const override {
    return Layer::kText | Layer::kBlocks | Layer::kSentences | Layer::kTokens |
           Layer::kMentions | Layer::kPos;
  }
  LayerSet writes() const override { return Bit(Layer::kQuotes); }
  Status Run(Document& doc) const override;

  // True if `word` (lower case, as written) is a reporting verb.
  bool IsCueVerb(std::string_view word) const;
  // True if `word` (as written) is a verb that reports speech in a clause
  // ("said that ...", "S, he added").
  bool IsIndirectVerb(std::string_view word) const;

  // The attribution tagger used for sentences the rules give no
  // attribution (the built-in model by default; null: rules only).
  const AttributionModel* model() const { return model_.get(); }
  void set_model(std::shared_ptr<const AttributionModel> model) {
    model_ = std::move(model);
  }
  // The roles tagger (stage 2): given the cues the attribution tagger
  // found in a sentence, it labels their sources and contents again with
  // features relative to the cue (the built-in one by default; null: the
  // attribution tagger's own roles).
  const AttributionModel* roles_model() const { return roles_model_.get(); }
  void set_roles_model(std::shared_ptr<const AttributionModel> model) {
    roles_model_ = std::move(model);
  }

 private:
  std::shared_ptr<const AttributionModel> model_;
  std::shared_ptr<const AttributionModel> roles_model_;
  std::vector<std::string_view> cue_verbs_;       // sorted
  std::vector<std::string_view> indirect_verbs_;  // sorted
};

}  // namespace dossier

#endif  // DOSSIER_QUOTES_QUOTE_STAGE_H_
