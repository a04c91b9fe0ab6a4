// Text normalization used to compare blocks: case-folded letters and digits
// with every run of other characters turned into one space, so that
// "Talks End — in Oslo!" and "talks end in oslo" compare equal.
//
// Pure functions; thread-safe.
#ifndef DOSSIER_CLEAN_NORMALIZE_H_
#define DOSSIER_CLEAN_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace dossier::clean_internal {

// Lower-cased letters and digits of `s`, words separated by single spaces,
// no leading or trailing space. Malformed UTF-8 bytes count as separators.
std::string NormalizeForCompare(std::string_view s);

// Words in a NormalizeForCompare() result.
int CountNormalizedWords(std::string_view normalized);

// True when `needle` occurs in `haystack` (both normalized) on word
// boundaries.
bool ContainsWords(std::string_view haystack, std::string_view needle);

// FNV-1a, 64 bits: stable across runs and platforms.
uint64_t Fnv1a64(std::string_view s);

}  // namespace dossier::clean_internal

#endif  // DOSSIER_CLEAN_NORMALIZE_H_
