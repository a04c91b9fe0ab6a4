#include "html/source_align.h"

#include <unicode/utf8.h>
#include <libxml/HTMLparser.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace dossier {
namespace {

// Paragraphs at least this long (non-space bytes) are placed first.
constexpr size_t kLongParagraph = 40;

bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// Length of the no-break space (U+00A0, also counted as whitespace) at p.
size_t NbspAt(std::string_view s, size_t i) {
  return (i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC2 &&
          static_cast<unsigned char>(s[i + 1]) == 0xA0)
             ? 2
             : 0;
}

bool StartsWithIgnoreCase(std::string_view s, size_t i, std::string_view w) {
  if (i + w.size() > s.size()) return false;
  for (size_t k = 0; k < w.size(); ++k) {
    char c = s[i + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != w[k]) return false;
  }
  return true;
}

void AppendUtf8(uint32_t cp, std::string& out) {
  // ICU's encoder; what is not a Unicode scalar value becomes U+FFFD.
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(cp));
  out.append(buf, static_cast<size_t>(n));
}

// The visible, non-space characters of a page with their byte offsets.
struct Visible {
  std::string chars;
  std::vector<uint32_t> raw;  // raw[k]: page offset of chars[k]
  void Push(char c, uint32_t at) {
    chars += c;
    raw.push_back(at);
  }
};

// Decodes a character reference at page[i] == '&'. Returns its length in
// the page and sets *cp, or 0 when it is not one.
size_t DecodeReference(std::string_view page, size_t i, uint32_t* cp) {
  size_t j = i + 1;
  if (j < page.size() && page[j] == '#') {
    ++j;
    bool hex = j < page.size() && (page[j] == 'x' || page[j] == 'X');
    if (hex) ++j;
    uint32_t v = 0;
    size_t digits = 0;
    for (; j < page.size() && digits < 8; ++j, ++digits) {
      char c = page[j];
      int d = (c >= '0' && c <= '9')   ? c - '0'
              : !hex                   ? -1
              : (c >= 'a' && c <= 'f') ? c - 'a' + 10
              : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                       : -1;
      if (d < 0) break;
      v = v * (hex ? 16 : 10) + static_cast<uint32_t>(d);
    }
    if (digits == 0) return 0;
    if (j < page.size() && page[j] == ';') ++j;
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) v = 0xFFFD;
    *cp = v;
    return j - i;
  }
  char name[33];
  size_t len = 0;
  while (j < page.size() && len < 32 &&
         ((page[j] >= 'a' && page[j] <= 'z') ||
          (page[j] >= 'A' && page[j] <= 'Z') ||
          (page[j] >= '0' && page[j] <= '9'))) {
    name[len++] = page[j++];
  }
  if (len == 0) return 0;
  name[len] = '\0';
  const htmlEntityDesc* e =
      htmlEntityLookup(reinterpret_cast<const xmlChar*>(name));
  if (e == nullptr) return 0;
  if (j < page.size() && page[j] == ';') ++j;
  *cp = e->value;
  return j - i;
}

// Index just past the end of the tag starting at page[i] == '<' (quoted
// attribute values may hold '>').
size_t SkipTag(std::string_view page, size_t i) {
  char quote = 0;
  for (size_t j = i + 1; j < page.size(); ++j) {
    char c = page[j];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      // Only a quote right after '=' (possibly spaced) opens a value.
      size_t k = j;
      while (k > i && IsSpace(static_cast<unsigned char>(page[k - 1]))) --k;
      if (k > i && page[k - 1] == '=') quote = c;
    } else if (c == '>') {
      return j + 1;
    }
  }
  return page.size();
}

Visible ScanPage(std::string_view page) {
  Visible v;
  v.chars.reserve(page.size() / 2);
  v.raw.reserve(page.size() / 2);
  const size_t n = page.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(page[i]);
    if (c == '<' && i + 1 < n) {
      if (page.compare(i, 4, "<!--") == 0) {
        size_t end = page.find("-->", i + 4);
        i = end == std::string_view::npos ? n : end + 3;
        continue;
      }
      const char d = page[i + 1];
      const bool letter = (d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z');
      if (letter || d == '/' || d == '!' || d == '?') {
        size_t end = SkipTag(page, i);
        // Ruby annotations (<rt>, <rp>), which the extractor drops: their
        // text runs to the next tag.
        if (letter &&
            (StartsWithIgnoreCase(page, i + 1, "rt") ||
             StartsWithIgnoreCase(page, i + 1, "rp")) &&
            i + 3 < n &&
            (page[i + 3] == '>' ||
             IsSpace(static_cast<unsigned char>(page[i + 3])))) {
          size_t k = page.find('<', end);
          i = k == std::string_view::npos ? n : k;
          continue;
        }
        // Raw-text elements (and the title): their content is never body
        // text.
        for (std::string_view raw_text : {"script", "style", "title"}) {
          if (letter && StartsWithIgnoreCase(page, i + 1, raw_text)) {
            std::string close = "</" + std::string(raw_text);
            size_t k = end;
            while (k < n && !StartsWithIgnoreCase(page, k, close)) {
              k = page.find('<', k + 1);
              if (k == std::string_view::npos) k = n;
            }
            end = k < n ? SkipTag(page, k) : n;
            break;
          }
        }
        i = end;
        continue;
      }
    }
    if (c == '&') {
      uint32_t cp = 0;
      size_t len = DecodeReference(page, i, &cp);
      if (len > 0) {
        if (cp != 0xA0 &&
            !(cp < 0x80 && IsSpace(static_cast<unsigned char>(cp)))) {
          std::string utf8;
          AppendUtf8(cp, utf8);
          // Spread the bytes over the reference so that the last one maps
          // to its ';' (a span ending with it then ends after the
          // reference); a one-byte character can only map to the '&'.
          const size_t n_bytes = utf8.size();
          for (size_t j = 0; j < n_bytes; ++j) {
            size_t at = (j + 1 == n_bytes && n_bytes > 1)
                            ? len - 1
                            : std::min(j, len - 1);
            v.Push(utf8[j], static_cast<uint32_t>(i + at));
          }
        }
        i += len;
        continue;
      }
    }
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    if (size_t nb = NbspAt(page, i)) {
      i += nb;
      continue;
    }
    v.Push(static_cast<char>(c), static_cast<uint32_t>(i));
    ++i;
  }
  return v;
}

// One paragraph of the extracted text, reduced to its non-space bytes.
struct Paragraph {
  std::string key;           // non-space bytes
  std::vector<uint32_t> at;  // text offset of each key byte
  // Visible-stream index of each key byte once placed, else kNone.
  std::vector<uint32_t> placed;
  size_t first = SIZE_MAX, last = 0;  // placed range in the stream
  bool done = false;
};

constexpr uint32_t kNone = UINT32_MAX;

std::vector<Paragraph> SplitParagraphs(std::string_view text) {
  std::vector<Paragraph> out;
  Paragraph cur;
  auto flush = [&]() {
    if (!cur.key.empty()) {
      cur.placed.assign(cur.key.size(), kNone);
      out.push_back(std::move(cur));
    }
    cur = Paragraph();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      flush();
      continue;
    }
    if (IsSpace(c)) continue;
    if (size_t nb = NbspAt(text, i)) {
      i += nb - 1;
      continue;
    }
    cur.key += static_cast<char>(c);
    cur.at.push_back(static_cast<uint32_t>(i));
  }
  flush();
  return out;
}

void PlaceWhole(Paragraph& p, size_t pos) {
  for (size_t k = 0; k < p.key.size(); ++k) {
    p.placed[k] = static_cast<uint32_t>(pos + k);
  }
  p.first = pos;
  p.last = pos + p.key.size();
  p.done = true;
}

// Searches `key` in chars[lo, hi).
size_t FindIn(const std::string& chars, std::string_view key, size_t lo,
              size_t hi) {
  if (lo >= hi || key.size() > hi - lo) return std::string::npos;
  size_t pos = std::string_view(chars).substr(0, hi).find(key, lo);
  return pos;
}

// Searches the last occurrence of `key` in chars[lo, hi).
size_t RFindIn(const std::string& chars, std::string_view key, size_t lo,
               size_t hi) {
  if (lo >= hi || key.size() > hi - lo) return std::string::npos;
  size_t pos = std::string_view(chars).substr(0, hi).rfind(key);
  return pos != std::string::npos && pos >= lo ? pos : std::string::npos;
}

// Aligns a paragraph word by word inside chars[lo, hi). Words are the text's
// whitespace-separated runs, recovered from gaps in `at`.
bool PlaceWords(Paragraph& p, const std::string& chars, size_t lo, size_t hi) {
  bool any = false;
  size_t cursor = lo;
  size_t k = 0;
  while (k < p.key.size()) {
    size_t e = k + 1;
    while (e < p.key.size() && p.at[e] == p.at[e - 1] + 1) ++e;
    std::string_view word(p.key.data() + k, e - k);
    size_t pos = FindIn(chars, word, cursor, hi);
    if (pos != std::string::npos) {
      for (size_t m = k; m < e; ++m) {
        p.placed[m] = static_cast<uint32_t>(pos + (m - k));
      }
      if (!any) p.first = pos;
      p.last = pos + word.size();
      cursor = p.last;
      any = true;
    }
    k = e;
  }
  return any;
}

}  // namespace

OffsetMap AlignToSource(std::string_view text, std::string_view page,
                        AlignStats* stats) {
  const Visible v = ScanPage(page);
  std::vector<Paragraph> paras = SplitParagraphs(text);
  AlignStats local;
  local.paragraphs = paras.size();

  // Pass 1: long paragraphs, in order, with a forward-only cursor.
  size_t cursor = 0;
  for (Paragraph& p : paras) {
    if (p.key.size() < kLongParagraph) continue;
    size_t pos = FindIn(v.chars, p.key, cursor, v.chars.size());
    if (pos == std::string::npos) continue;
    PlaceWhole(p, pos);
    cursor = p.last;
    ++local.exact;
  }
  // Pass 2: the rest, each inside the gap between its placed neighbours.
  // Before the first placed paragraph the page holds menus and headers, and
  // what the text has there (headline, standfirst) sits right before the
  // body: those are searched backwards from it.
  size_t first_placed = paras.size();
  for (size_t i = 0; i < paras.size(); ++i) {
    if (paras[i].done) {
      first_placed = i;
      break;
    }
  }
  auto place = [&](Paragraph& p, size_t lo, size_t hi, bool backwards) {
    size_t pos = backwards ? RFindIn(v.chars, p.key, lo, hi)
                           : FindIn(v.chars, p.key, lo, hi);
    if (pos != std::string::npos) {
      PlaceWhole(p, pos);
      ++local.exact;
    } else if (PlaceWords(p, v.chars, lo, hi)) {
      p.done = true;
      ++local.by_words;
    } else {
      ++local.unplaced;
    }
  };
  if (first_placed < paras.size()) {
    size_t hi = paras[first_placed].first;
    for (size_t i = first_placed; i-- > 0;) {
      place(paras[i], 0, hi, /*backwards=*/true);
      if (paras[i].done) hi = paras[i].first;
    }
  }
  size_t lo = 0;
  for (size_t i = first_placed < paras.size() ? first_placed : 0;
       i < paras.size(); ++i) {
    Paragraph& p = paras[i];
    if (p.done) {
      lo = p.last;
      continue;
    }
    size_t hi = v.chars.size();
    for (size_t j = i + 1; j < paras.size(); ++j) {
      if (paras[j].done) {
        hi = paras[j].first;
        break;
      }
    }
    // Of several occurrences in the gap, take the one nearest to a placed
    // neighbour in the text.
    const bool after_placed = i > 0 && paras[i - 1].done;
    const bool before_placed = i + 1 < paras.size() && paras[i + 1].done;
    place(p, lo, hi, !after_placed && before_placed);
    if (p.done) lo = p.last;
  }

  // Every byte of the text gets its raw offset: a placed one its own, any
  // other (whitespace, unplaced words) where the last placed one ended, so
  // the map never runs backwards.
  std::vector<uint32_t> raw_of(text.size(), kNone);
  for (const Paragraph& p : paras) {
    for (size_t k = 0; k < p.key.size(); ++k) {
      ++local.chars;
      if (p.placed[k] == kNone) continue;
      ++local.placed_chars;
      raw_of[p.at[k]] = v.raw[p.placed[k]];
    }
  }
  OffsetMap map;
  uint32_t raw_end = 0;
  for (size_t c = 0; c < text.size(); ++c) {
    if (raw_of[c] != kNone) {
      map.Add(static_cast<uint32_t>(c), raw_of[c]);
      raw_end = raw_of[c] + 1;
    } else {
      map.Add(static_cast<uint32_t>(c), raw_end);
    }
  }
  map.Finish(static_cast<uint32_t>(text.size()),
             static_cast<uint32_t>(page.size()));
  if (stats) *stats = local;
  return map;
}

}  // namespace dossier
