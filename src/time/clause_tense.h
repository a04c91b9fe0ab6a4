// ClauseTense: the tense of the clause that holds a time expression, read
// from that clause's finite verb (part-of-speech tags, pos/tags.h) instead
// of the nearest tense word.
//
// Contract: `tokens` are one sentence's tokens (spans into `text`, tagged
// by PosStage); `expr` is the expression's span. The clause is the stretch
// between strong breaks (quote marks other than scare quotes around one to
// three words, ; : ( ) dashes, "that", "which", "because", ...); within
// it, the comma-separated part holding the expression is tried first, then
// the parts to its right, then to its left, so that "On Friday, the
// council met" reads "met" and "the talks resume this summer, an aide
// said" reads "resume", not "said". The nearest finite verb (MD, VBD, VBZ,
// VBP) of that part decides: modals of the future ("will", "would", "may",
// ...), "is expected/scheduled/due/set/going to", "was to" are kFuture,
// other past forms kPast, present forms kPresent ("says"/"say"/"tells" of
// a report read as kPast). A past verb before a looking-ahead infinitive
// ("agreed to sell ... in March"), a verb of planning with its object
// ("planned a rally on Saturday") and the end of a delay ("postponed the
// hearing until Tuesday") give kFuture. kUnknown when the tokens carry no
// tags or the clause has no finite verb.
// Pure functions; thread-safe.
#ifndef DOSSIER_TIME_CLAUSE_TENSE_H_
#define DOSSIER_TIME_CLAUSE_TENSE_H_

#include <span>
#include <string_view>
#include <vector>

#include "doc/layers.h"
#include "time/recognizer.h"

namespace dossier {

// `perfect_is_past`: whether a present perfect ("has signed") reads as
// kPast; false for weekdays, which English does not join to a present
// perfect ("has invited him to talks this Thursday": the Thursday is the
// talks'), so the clause gives kUnknown there.
Tense ClauseTense(std::string_view text, std::span<const Token> tokens,
                  Span expr, bool perfect_is_past = true);

// The tokens of `span` out of a document's tokens (in text order).
std::span<const Token> TokensIn(const std::vector<Token>& tokens, Span span);

// For each expression of `parsed` (offsets relative to `sentence`, as
// TimexRecognizer::Recognize gives them): a past or future ClauseTense
// replaces the tense read from cue words, unless the expression carries
// its own (ParsedTimex::own_tense) or a future cue word stands right by it
// (FutureCueNextTo). `tokens` are the sentence's tokens.
void RefineTenses(std::string_view text, std::span<const Token> tokens,
                  Span sentence, std::vector<ParsedTimex>* parsed);

}  // namespace dossier

#endif  // DOSSIER_TIME_CLAUSE_TENSE_H_
