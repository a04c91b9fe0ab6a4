// CorefStage: descriptor and pronoun mentions of the people a document
// names ("the Russian president", "the Kremlin leader", "he").
//
// Contract: reads text, sentences, tokens and mentions (MentionStage's
// names, with `local` ids); adds Mention entries of form kDescriptor and
// kPronoun that share the `local` of the person they refer to, and keeps the
// layer in text order. A mention is added only when its referent is found;
// nothing is guessed for an unresolvable descriptor.
//
// Descriptors: "the" / a country's possessive ("Russia's") + up to three
// qualifiers (demonyms, country names, "former", "Kremlin") + a role head
// ("president", "prime minister", "foreign minister", "leader",
// "spokesman", ...). The referent is a person of the document whose title
// ("Russian President Vladimir Putin") has the same role (a "leader" is a
// president, prime minister, chancellor or leader) and, when the descriptor
// names a nationality or country, the same one; the nearest such person
// before the descriptor, else the only one in the document.
// Pronouns: he/him/his/himself and she/her/hers/herself (any case) refer to
// a person named outside quotation marks in the same or the two previous
// sentences (wholly quoted sentences not counted) whose gender is not
// known to differ (a person's gender is learnt from Mr./Mrs./Ms. titles
// and from the first pronoun resolved to them): for he/she the first such
// person of the nearest sentence naming one (its subject, most often), for
// the other forms the most recent one. A person named inside a quotation
// is never an antecedent. Pronouns inside quotation marks are left alone
// (a speaker's "he" is seldom the article's last-named person).
// Thread-safety: immutable; Run() may be called concurrently.
#ifndef DOSSIER_ENTITIES_COREF_STAGE_H_
#define DOSSIER_ENTITIES_COREF_STAGE_H_

#include <string_view>

#include "entities/lexicon.h"
#include "pipeline/stage.h"

namespace dossier {

class CorefStage : public DocumentStage {
 public:
  CorefStage();
  std::string_view name() const override { return "coref"; }
  LayerSet reads() const override {
    return Layer::kText | Layer::kSentences | Layer::kTokens | Layer::kMentions;
  }
  LayerSet writes() const override { return Bit(Layer::kMentions); }
  Status Run(Document& doc) const override;

 private:
  const Lexicon& lex_;
};

}  // namespace dossier

#endif  // DOSSIER_ENTITIES_COREF_STAGE_H_
