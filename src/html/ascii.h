// ASCII helpers shared by the HTML parser, the charset sniffer and the
// extractor: HTML whitespace, case-insensitive matching against lowercase
// literals, and short exact comparisons that compile inline.
//
// All functions are pure and thread-safe. Case folding is ASCII only: bytes
// of multi-byte UTF-8 characters compare as they are.
#ifndef DOSSIER_HTML_ASCII_H_
#define DOSSIER_HTML_ASCII_H_

#include <cstddef>
#include <string_view>

namespace dossier::ascii {

// The HTML space characters (space, tab, LF, CR, FF).
constexpr bool IsHtmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

constexpr bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

constexpr char ToLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Byte-wise equality written as a loop: with a literal on one side the
// compiler unrolls it, where operator== calls memcmp (hot in the parser's
// tag and attribute lookups, where most names are a few bytes).
inline bool SameBytes(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

// Does `s` start with the lowercase `lower` at `pos`, case aside?
inline bool StartsWithCi(std::string_view s, size_t pos,
                         std::string_view lower) {
  if (pos > s.size() || s.size() - pos < lower.size()) return false;
  for (size_t i = 0; i < lower.size(); ++i) {
    if (ToLower(s[pos + i]) != lower[i]) return false;
  }
  return true;
}

// Is `s` the lowercase `lower`, case aside?
inline bool EqualsCi(std::string_view s, std::string_view lower) {
  return s.size() == lower.size() && StartsWithCi(s, 0, lower);
}

// Does `s` hold the lowercase `lower`, case aside?
inline bool ContainsCi(std::string_view s, std::string_view lower) {
  for (size_t i = 0; i + lower.size() <= s.size(); ++i) {
    if (StartsWithCi(s, i, lower)) return true;
  }
  return false;
}

// Where the element opened by a tag ending before `from` ends: the
// "</tag" that closes it (`tag` lowercase), counting nested "<tag"; npos
// when it is never closed.
inline size_t FindClose(std::string_view s, size_t from, std::string_view tag) {
  int depth = 1;
  for (size_t i = s.find('<', from); i != std::string_view::npos;
       i = s.find('<', i + 1)) {
    bool close = i + 1 < s.size() && s[i + 1] == '/';
    size_t at = i + (close ? 2 : 1);
    if (!StartsWithCi(s, at, tag)) continue;
    size_t after = at + tag.size();
    if (after < s.size() && !IsHtmlSpace(s[after]) && s[after] != '>' &&
        s[after] != '/')
      continue;
    if (!close) {
      ++depth;
    } else if (--depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

}  // namespace dossier::ascii

#endif  // DOSSIER_HTML_ASCII_H_
