// Small UTF-8 scanning helpers shared by the meta stages: code point
// decoding, spaces and dashes as written in news text, word shape, and
// turning ALL-CAPS names into Title Case.
//
// All functions are pure and allocation-free except TitleCaseIfAllCaps.
// Thread-safe.
#ifndef DOSSIER_META_SCAN_UTIL_H_
#define DOSSIER_META_SCAN_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dossier::meta_internal {

// The code point at byte `i` of `s`; sets `*next` to the byte after it.
// Malformed bytes decode as U+FFFD and advance by one byte.
int32_t DecodeAt(std::string_view s, size_t i, size_t* next);

// Byte length of the space at `i` (ASCII blank, tab, NBSP, thin or other
// Unicode space), or 0 when there is none.
size_t SpaceLen(std::string_view s, size_t i);
// The first byte at or after `i` that is not a space.
size_t SkipSpaces(std::string_view s, size_t i);
// `s` without leading and trailing spaces (and line breaks).
std::string_view TrimSpaces(std::string_view s);

// Byte length of the dash at `i` ("-", "–", "—", "―", "‒", "−"), or 0.
size_t DashLen(std::string_view s, size_t i);

// The shape of one word (letters with inner ".", "'", "’" or "-").
struct WordShape {
  size_t start = 0;
  size_t end = 0;  // one past the word (a trailing "." included)
  int letters = 0;
  bool capitalized = false;  // first letter upper or title case
  bool all_caps = false;     // has letters, none lower case
};

// Scans the word that starts at byte `i`. Returns false (and leaves `*w`
// unspecified) when no letter starts there.
bool ScanWord(std::string_view s, size_t i, WordShape* w);

// Number of whitespace-separated words in `s`.
int CountWords(std::string_view s);

// ASCII case-insensitive equality.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// "NEW YORK" -> "New York", "WINSTON-SALEM" -> "Winston-Salem", "RIO DE
// JANEIRO" -> "Rio de Janeiro"; text with a lower-case letter is returned
// as written. Words with an inner "." ("D.C.") are kept.
std::string TitleCaseIfAllCaps(std::string_view s);

}  // namespace dossier::meta_internal

#endif  // DOSSIER_META_SCAN_UTIL_H_
