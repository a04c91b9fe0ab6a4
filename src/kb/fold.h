// FoldKey: the matching key of a name, alias, demonym or office in the
// knowledge base.
//
// Contract: the key is case-insensitive, diacritic-insensitive and
// script-insensitive where ICU can transliterate ("Erdoğan", "ERDOGAN" and
// "erdogan" share the key "erdogan"; "Türkiye" -> "turkiye"; "Зеленський" ->
// a Latin spelling). Steps: non-ASCII text goes through the ICU transform
// "Any-Latin; Latin-ASCII" (ß -> ss, ø -> o, curly quotes -> straight); then
// ASCII letters are lower-cased, '.' is dropped ("U.S." -> "us"), letters,
// digits, '\'' and '&' are kept, every other character (hyphens, commas,
// brackets, whitespace) becomes one space, and leading/trailing spaces are
// removed ("Secretary-General" -> "secretary general").
//
// Thread-safety: all functions are safe to call concurrently. Pure-ASCII
// input never touches ICU and, with FoldKeyTo and a reused buffer, does not
// allocate; non-ASCII input uses one ICU Transliterator per thread
// (thread_local, created on first use).
#ifndef DOSSIER_KB_FOLD_H_
#define DOSSIER_KB_FOLD_H_

#include <string>
#include <string_view>

namespace dossier::kb {

// Returns the key of `text`.
std::string FoldKey(std::string_view text);

// Writes the key of `text` to `*out` (cleared first; its capacity is reused).
void FoldKeyTo(std::string_view text, std::string* out);

}  // namespace dossier::kb

#endif  // DOSSIER_KB_FOLD_H_
