// Framing lexicon: English words that mark an author's evaluation,
// prediction, emphasis or charged wording, written by the dossier authors.
//
// Contract: LookupFramingWord() takes one word as it appears in the text
// (any case; ASCII letters folded, other bytes compared as they are) and
// returns its class, or kNone. The table is sorted once, on first use;
// lookups do not allocate and are safe from any thread.
#ifndef DOSSIER_FRAMING_FRAMING_LEXICON_H_
#define DOSSIER_FRAMING_FRAMING_LEXICON_H_

#include <string_view>

#include "doc/layers.h"

namespace dossier {

FramingWordKind LookupFramingWord(std::string_view word);

// Charged words are the evaluative, intensifying and loaded-verb classes:
// the ones a reader notices as the outlet's own colouring.
inline bool IsChargedWord(FramingWordKind k) {
  return k == FramingWordKind::kPositive || k == FramingWordKind::kNegative ||
         k == FramingWordKind::kIntensifier ||
         k == FramingWordKind::kLoadedVerb;
}

}  // namespace dossier

#endif  // DOSSIER_FRAMING_FRAMING_LEXICON_H_
