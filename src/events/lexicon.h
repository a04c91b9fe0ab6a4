// Word tables of the event stage: PLOVER categories of predicate lemmas and
// event nouns, modality-bearing control words, and prepositions that take
// an event's target.
//
// The PLOVER categories (AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID,
// RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE,
// COERCE, ASSAULT) follow the definitions of the PLOVER manual (draft 0.8,
// 2021) and its CAMEO2PLOVER table; the word lists are ours (written from
// those definitions), lemma -> category. Lookups take lower-case lemmas.
// Static tables; thread-safe.
#ifndef DOSSIER_EVENTS_LEXICON_H_
#define DOSSIER_EVENTS_LEXICON_H_

#include <string_view>

#include "doc/layers.h"

namespace dossier {
namespace events {

// PLOVER category of a verb lemma ("meet" -> "CONSULT"), or "".
std::string_view VerbCategory(std::string_view lemma);
// PLOVER category of an event noun ("talks" -> "CONSULT", "ceasefire" ->
// "CONCEDE"), or "" when the noun is not an event noun. Also true events
// without a category ("election", "trip") return "-" (an event noun whose
// category is none).
std::string_view NounCategory(std::string_view lemma);

// A verb (or adjective) that takes a "to VB" complement and gives it a
// modality: "declined to attend" -> the attend event is refused.
struct Control {
  Modality modality = Modality::kHappened;
  bool negates = false;         // "failed to", "unable to", "unlikely to"
  bool object_control = false;  // "urged him to": the object is the actor
  bool emits_self = false;      // the control verb is an event of its own too
};
// Looks up a verb lemma or an adjective; false when it is no control word.
bool FindControl(std::string_view lemma, Control* out);

// Modality of a modal verb lemma (will, would, may, ...); false otherwise.
bool ModalModality(std::string_view lemma, Modality* out);

// Verbs whose noun object is itself an event ("denied the attack",
// "planned talks"): the modality the noun event gets; false otherwise.
bool NounGovernor(std::string_view lemma, Modality* modality, bool* negates);

// Verbs that take a meeting as their object and may leave it implicit
// ("will not attend"): the target is then taken from the text before.
bool TakesImplicitMeeting(std::string_view lemma);

// Lemmas that never make an event on their own (be, have, do, get as
// auxiliaries or copulas, "seem").
bool IsLightVerb(std::string_view lemma);

}  // namespace events
}  // namespace dossier

#endif  // DOSSIER_EVENTS_LEXICON_H_
