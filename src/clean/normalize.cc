#include "clean/normalize.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace dossier::clean_internal {

std::string NormalizeForCompare(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t len = static_cast<int32_t>(s.size());
  int32_t i = 0;
  bool pending_space = false;
  while (i < len) {
    uint8_t b = p[i];
    if (b < 0x80) {  // ASCII fast path
      ++i;
      if (b == '\'') continue;  // "don't" -> "dont", as for "don’t"
      if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')) {
      } else if (b >= 'A' && b <= 'Z') {
        b = static_cast<uint8_t>(b - 'A' + 'a');
      } else {
        pending_space = !out.empty();
        continue;
      }
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.push_back(static_cast<char>(b));
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, len, c);
    // Apostrophes inside words ("don’t") are dropped, not split on.
    if (c == 0x2019) continue;
    if (c < 0 || !(u_isalpha(c) || u_isdigit(c))) {
      pending_space = !out.empty();
      continue;
    }
    c = u_tolower(c);
    if (pending_space) out.push_back(' ');
    pending_space = false;
    char buf[4];
    int32_t n = 0;
    UBool err = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, err);
    if (!err) out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

int CountNormalizedWords(std::string_view normalized) {
  if (normalized.empty()) return 0;
  int n = 1;
  for (char c : normalized) n += (c == ' ');
  return n;
}

bool ContainsWords(std::string_view haystack, std::string_view needle) {
  if (needle.empty() || needle.size() > haystack.size()) return false;
  size_t pos = 0;
  while ((pos = haystack.find(needle, pos)) != std::string_view::npos) {
    bool left = pos == 0 || haystack[pos - 1] == ' ';
    size_t end = pos + needle.size();
    bool right = end == haystack.size() || haystack[end] == ' ';
    if (left && right) return true;
    ++pos;
  }
  return false;
}

uint64_t Fnv1a64(std::string_view s) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace dossier::clean_internal
