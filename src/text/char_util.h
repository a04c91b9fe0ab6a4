// Small UTF-8 helpers shared by the text stages (internal to text/).
//
// The text of a Document is valid UTF-8 (the normalizer checks it), so the
// decoders here only guard against running off the end. Header-only,
// stateless, thread-safe.
#ifndef DOSSIER_TEXT_CHAR_UTIL_H_
#define DOSSIER_TEXT_CHAR_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "doc/layers.h"

namespace dossier::text_internal {

// Decodes the code point starting at s[i]; *len gets its byte length (>= 1).
inline char32_t DecodeAt(std::string_view s, size_t i, size_t* len) {
  const uint8_t c = static_cast<uint8_t>(s[i]);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (i + n > s.size()) n = 1;
  *len = n;
  if (n == 1) return 0xFFFD;
  char32_t cp = c & (0xFF >> (n + 1));
  for (size_t k = 1; k < n; ++k) {
    cp = (cp << 6) | (static_cast<uint8_t>(s[i + k]) & 0x3F);
  }
  return cp;
}

// Decodes the code point that ends just before s[i]; *len gets its length.
inline char32_t DecodeBefore(std::string_view s, size_t i, size_t* len) {
  size_t start = i - 1;
  while (start > 0 && i - start < 4 &&
         (static_cast<uint8_t>(s[start]) & 0xC0) == 0x80) {
    --start;
  }
  size_t n;
  char32_t cp = DecodeAt(s, start, &n);
  if (start + n != i) {  // not a clean sequence: step one byte
    *len = 1;
    return 0xFFFD;
  }
  *len = n;
  return cp;
}

// White space, including the Unicode spaces that the normalizer keeps
// (no-break space, the U+2000 block, narrow and ideographic spaces).
inline bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v' || c == 0xA0 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

// [start, end) without white space at either end (may become empty).
inline Span Trim(std::string_view s, uint32_t start, uint32_t end) {
  size_t len;
  while (start < end) {
    char32_t c = DecodeAt(s, start, &len);
    if (!IsSpace(c)) break;
    start += static_cast<uint32_t>(len);
  }
  while (end > start) {
    char32_t c = DecodeBefore(s, end, &len);
    if (!IsSpace(c)) break;
    end -= static_cast<uint32_t>(len);
  }
  return {start, end};
}

// Quotation marks: straight and curly, guillemets, low-9 quotes.
inline bool IsQuoteMark(char32_t c) {
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 ||
         c == 0xAB || c == 0xBB || c == 0x201E || c == 0x201A || c == 0x2039 ||
         c == 0x203A || c == 0x201F || c == 0x201B;
}

// Characters that may follow a sentence's final punctuation: closing quotes
// and brackets.
inline bool IsCloser(char32_t c) {
  return c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == 0xBB ||
         c == 0x203A || c == ')' || c == ']' || c == '}';
}

}  // namespace dossier::text_internal

#endif  // DOSSIER_TEXT_CHAR_UTIL_H_
