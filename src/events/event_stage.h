// EventStage: event frames from every sentence (and every quote's content):
// who (actor) does what (predicate lemma + PLOVER category) to whom (target),
// where (place), when (time), whether it is negated, what modality the text
// gives it (happened | will | planned | possible | conditional | refused |
// denied, with the if/unless clause kept), and who says so (the quote's
// speaker when the predicate lies in a quote's content, else the outlet).
//
// A shallow, rule-based reading over part-of-speech tags (pos/), entity
// mentions (entities/), quotes and time expressions: verb groups (modals,
// auxiliaries, adverbs, negation), control verbs that pass a modality to
// their infinitive ("declined to attend" -> attend, refused), subjects to the
// left (relative pronouns and coordinated verbs inherit theirs), passives
// ("was attacked by X"), objects and prepositional targets, "in PLACE",
// conditions, whether-clauses, and event nouns ("talks", "ceasefire") where
// they are what is planned, denied or scheduled. Rules: src/events/README.md.
//
// Reads: text, meta, sentences, tokens, pos, mentions, quotes, times.
// Writes: events (Layers::events, in trigger order). Immutable; Run is safe
// to call concurrently on different documents.
#ifndef DOSSIER_EVENTS_EVENT_STAGE_H_
#define DOSSIER_EVENTS_EVENT_STAGE_H_

#include "pipeline/stage.h"

namespace dossier {

class EventStage : public DocumentStage {
 public:
  EventStage() = default;

  std::string_view name() const override { return "events"; }
  LayerSet reads() const override {
    return Layer::kText | Layer::kMeta | Layer::kSentences | Layer::kTokens |
           Layer::kPos | Layer::kMentions | Layer::kQuotes | Layer::kTimes;
  }
  LayerSet writes() const override { return Bit(Layer::kEvents); }
  Status Run(Document& doc) const override;
};

}  // namespace dossier

#endif  // DOSSIER_EVENTS_EVENT_STAGE_H_
