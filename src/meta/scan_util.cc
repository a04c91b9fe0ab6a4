#include "meta/scan_util.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace dossier::meta_internal {

int32_t DecodeAt(std::string_view s, size_t i, size_t* next) {
  const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t len = static_cast<int32_t>(s.size());
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(p, pos, len, c);
  if (c < 0) c = 0xFFFD;
  *next = static_cast<size_t>(pos);
  return c;
}

size_t SpaceLen(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  unsigned char b = static_cast<unsigned char>(s[i]);
  if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' ||
      b == '\v') {
    return 1;
  }
  if (b < 0x80) return 0;
  size_t next;
  int32_t c = DecodeAt(s, i, &next);
  if (c == 0xA0 || c == 0x202F || c == 0x3000 || (c >= 0x2000 && c <= 0x200B)) {
    return next - i;
  }
  return 0;
}

size_t SkipSpaces(std::string_view s, size_t i) {
  while (i < s.size()) {
    size_t n = SpaceLen(s, i);
    if (n == 0) break;
    i += n;
  }
  return i;
}

std::string_view TrimSpaces(std::string_view s) {
  size_t b = SkipSpaces(s, 0);
  size_t e = s.size();
  while (e > b) {
    // Step back over one code point and test it.
    size_t k = e - 1;
    while (k > b && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
    if (SpaceLen(s, k) != e - k) break;
    e = k;
  }
  return s.substr(b, e - b);
}

size_t DashLen(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == '-') return 1;
  if (static_cast<unsigned char>(s[i]) < 0x80) return 0;
  size_t next;
  int32_t c = DecodeAt(s, i, &next);
  if ((c >= 0x2012 && c <= 0x2015) || c == 0x2212) return next - i;
  return 0;
}

bool ScanWord(std::string_view s, size_t i, WordShape* w) {
  *w = WordShape{};
  w->start = i;
  bool any_lower = false;
  size_t pos = i;
  while (pos < s.size()) {
    size_t next;
    int32_t c = DecodeAt(s, pos, &next);
    if (u_isalpha(c)) {
      if (w->letters == 0) w->capitalized = u_isupper(c) || u_istitle(c);
      if (u_islower(c)) any_lower = true;
      ++w->letters;
      pos = next;
      continue;
    }
    if (w->letters == 0) break;
    if (c == '.') {
      pos = next;  // abbreviation dot ("St.", "D.C.") stays with the word
      size_t after;
      if (next < s.size() && u_isalpha(DecodeAt(s, next, &after))) continue;
      break;
    }
    if (c == '\'' || c == 0x2019 || c == '-') {
      size_t after;
      if (next < s.size() && u_isalpha(DecodeAt(s, next, &after))) {
        pos = next;
        continue;
      }
    }
    break;
  }
  if (w->letters == 0) return false;
  w->end = pos;
  w->all_caps = !any_lower;
  return true;
}

int CountWords(std::string_view s) {
  int n = 0;
  size_t i = 0;
  while (i < s.size()) {
    i = SkipSpaces(s, i);
    if (i >= s.size()) break;
    ++n;
    while (i < s.size() && SpaceLen(s, i) == 0) ++i;
  }
  return n;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    unsigned char x = static_cast<unsigned char>(a[i]);
    unsigned char y = static_cast<unsigned char>(b[i]);
    if (x >= 'A' && x <= 'Z') x = x - 'A' + 'a';
    if (y >= 'A' && y <= 'Z') y = y - 'A' + 'a';
    if (x != y) return false;
  }
  return true;
}

namespace {

bool IsLowerConnector(std::string_view w) {
  static constexpr std::string_view kConnectors[] = {
      "de", "da",   "do", "dos", "das", "del", "della", "di", "la", "le", "of",
      "on", "upon", "am", "an",  "der", "sur", "en",    "al", "el", "y"};
  for (std::string_view c : kConnectors) {
    if (EqualsIgnoreCase(w, c)) return true;
  }
  return false;
}

void AppendCodePoint(std::string& out, int32_t c) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, error);
  if (!error) out.append(buf, static_cast<size_t>(len));
}

}  // namespace

std::string TitleCaseIfAllCaps(std::string_view s) {
  bool has_lower = false;
  int upper = 0;
  for (size_t i = 0; i < s.size();) {
    size_t next;
    int32_t c = DecodeAt(s, i, &next);
    if (u_islower(c)) has_lower = true;
    if (u_isupper(c)) ++upper;
    i = next;
  }
  if (has_lower || upper < 2) return std::string(s);
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  bool first_word = true;
  while (i < s.size()) {
    // One space-separated word at a time.
    size_t e = i;
    while (e < s.size() && SpaceLen(s, e) == 0) ++e;
    std::string_view word = s.substr(i, e - i);
    bool has_inner_dot = word.find('.') != std::string_view::npos &&
                         word.find('.') + 1 < word.size();
    if (has_inner_dot) {
      out.append(word);
    } else if (!first_word && IsLowerConnector(word)) {
      for (char ch : word) {
        out.push_back(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
      }
    } else {
      bool start = true;  // start of a word part (after space, "-", "'")
      for (size_t k = 0; k < word.size();) {
        size_t next;
        int32_t c = DecodeAt(word, k, &next);
        if (u_isalpha(c)) {
          AppendCodePoint(out, start ? c : u_tolower(c));
          start = false;
        } else {
          out.append(word.substr(k, next - k));
          start = (c == '-');
        }
        k = next;
      }
    }
    first_word = false;
    size_t after = SkipSpaces(s, e);
    out.append(s.substr(e, after - e));
    i = after;
  }
  return out;
}

}  // namespace dossier::meta_internal
