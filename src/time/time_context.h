// Time context: what a time expression is attached to, as a small set of
// keys that can be compared across documents (the entities and content
// words of the words around it). Used by PubDateStage to find the same
// event in two articles ("Thursday's talks in Istanbul" / "the Istanbul
// talks on Thursday") and by TimelineStage to merge what several articles
// report for one date.
//
// Keys: "#N" for a mention linked to Corpus::entities[N] (pronouns
// excluded), "@text" for an unlinked name mention (folded to lower case),
// and the lower-cased, crudely stemmed content words ("talks" -> "talk",
// "meeting" -> "meet"); stop words, reporting verbs, titles and time words
// are left out. Sorted, unique.
// Pure functions; thread-safe.
#ifndef DOSSIER_TIME_TIME_CONTEXT_H_
#define DOSSIER_TIME_TIME_CONTEXT_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "doc/document.h"

namespace dossier {

// Keys of the tokens of `sentence` within `window` tokens of `expr` (which
// should lie inside the sentence). Tokens inside any time expression of the
// document are skipped.
std::vector<std::string> TimeContextKeys(const Document& doc, Span sentence,
                                         Span expr, size_t window = 15);

// The key of one word as TimeContextKeys makes it ("Talks" -> "talk"),
// or "" for a stop word.
std::string ContextWord(std::string_view word);

// A word of `within` whose key is `key`, lower-cased ("talk" -> "talks"),
// for showing keys to people; `key` itself when there is none. Entity keys
// lose their mark ("@kyiv" -> "kyiv").
std::string KeySurface(const Document& doc, Span within, std::string_view key);

// True for entity keys ("#N" or "@name").
inline bool IsEntityKey(std::string_view key) {
  return !key.empty() && (key[0] == '#' || key[0] == '@');
}

// Keys present in both sorted lists.
std::vector<std::string> SharedKeys(const std::vector<std::string>& a,
                                    const std::vector<std::string>& b);

// The day a TIMEX3 value names ("2025-05-15", "2025-05-14TNI") as days
// since 1970-01-01, if it names one.
std::optional<int64_t> DayOfValue(std::string_view value);
// "2025-W20..." -> (2025, 20).
std::optional<std::pair<int, int>> WeekOfValue(std::string_view value);
// The first and last day a DATE value covers: a day, an ISO week
// ("2025-W20", "2025-W20-WE" -> the whole week), a month or a year;
// nullopt for anything else (PRESENT_REF, XXXX-WXX-4, durations).
std::optional<std::pair<int64_t, int64_t>> ValueBounds(std::string_view value);

// Index of the sentence of `doc` that contains offset `at`, or -1.
int SentenceAt(const Document& doc, uint32_t at);

}  // namespace dossier

#endif  // DOSSIER_TIME_TIME_CONTEXT_H_
