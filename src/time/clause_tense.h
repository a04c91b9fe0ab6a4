// ClauseTense: the tense of the clause that holds a time expression, read
// from that clause's finite verb (part-of-speech tags, pos/tags.h) instead
// of the nearest tense word.
//
// Contract: `tokens` are one sentence's tokens (spans into `text`, tagged
// by PosStage); `expr` is the expression's span. The clause is the stretch
// between strong breaks (quote marks, ; : ( ) dashes, "that", "which",
// "because", ...); within it, the comma-separated part holding the
// expression is tried first, then the parts to its right, then to its
// left, so that "On Friday, the council met" reads "met" and "the talks
// resume this summer, an aide said" reads "resume", not "said". The
// nearest finite verb (MD, VBD, VBZ, VBP) of that part decides: modals of
// the future ("will", "would", "may", ...) and "is expected/scheduled/due/
// set/going to" are kFuture, other past forms kPast, present forms
// kPresent ("says"/"say"/"tells" of a report read as kPast). kUnknown when
// the tokens carry no tags or the clause has no finite verb.
// Pure function; thread-safe.
#ifndef DOSSIER_TIME_CLAUSE_TENSE_H_
#define DOSSIER_TIME_CLAUSE_TENSE_H_

#include <span>
#include <string_view>

#include "doc/layers.h"
#include "time/recognizer.h"

namespace dossier {

Tense ClauseTense(std::string_view text, std::span<const Token> tokens,
                  Span expr);

}  // namespace dossier

#endif  // DOSSIER_TIME_CLAUSE_TENSE_H_
