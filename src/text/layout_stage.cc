#include "text/layout_stage.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string>
#include <vector>

#include "text/char_util.h"

namespace dossier {
namespace {

using text_internal::DecodeAt;
using text_internal::DecodeBefore;
using text_internal::IsQuoteMark;
using text_internal::IsSpace;
using text_internal::Trim;

// Hard-wrapped text is wrapped at most this wide (in code points).
constexpr uint32_t kMaxWrapWidth = 120;

struct Line {
  uint32_t start = 0;  // trimmed
  uint32_t end = 0;
  uint32_t chars = 0;       // code points in [start, end)
  uint32_t first_word = 0;  // code points in the first word
  bool after_blank = true;  // a blank line (or the text start) precedes
  bool indented = false;    // the line began with white space
};

uint32_t CountChars(std::string_view s) {
  uint32_t n = 0;
  for (char c : s) n += (static_cast<uint8_t>(c) & 0xC0) != 0x80;
  return n;
}

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  bool after_blank = true;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    Span t = Trim(text, static_cast<uint32_t>(pos), static_cast<uint32_t>(nl));
    if (t.empty()) {
      after_blank = true;
    } else {
      Line line;
      line.start = t.start;
      line.end = t.end;
      std::string_view s = text.substr(t.start, t.size());
      line.chars = CountChars(s);
      size_t sp = 0;
      while (sp < s.size() && s[sp] != ' ' && s[sp] != '\t') ++sp;
      line.first_word = CountChars(s.substr(0, sp));
      line.after_blank = after_blank;
      line.indented = t.start > pos;
      lines.push_back(line);
      after_blank = false;
    }
    pos = nl + 1;
  }
  return lines;
}

bool StartsLower(std::string_view s) {
  if (s.empty()) return false;
  size_t len;
  return u_islower(static_cast<UChar32>(DecodeAt(s, 0, &len)));
}

// Ends with sentence-final (or clause-final) punctuation, possibly followed
// by closing quotes or brackets.
bool EndsTerminal(std::string_view s) {
  size_t end = s.size();
  while (end > 0) {
    size_t len;
    char32_t c = DecodeBefore(s, end, &len);
    if (text_internal::IsCloser(c)) {
      end -= len;
      continue;
    }
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' ||
           c == 0x2026;
  }
  return false;
}

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  size_t i = 0;
  while (i < s.size()) {
    size_t len;
    char32_t c = DecodeAt(s, i, &len);
    if (IsSpace(c)) {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

// Whether a block leaves a quotation open (multi-paragraph quotes reopen
// with a mark on the next paragraph and close only at the last one).
bool LeavesQuoteOpen(std::string_view s) {
  int curly = 0, straight = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t len;
    char32_t c = DecodeAt(s, i, &len);
    if (c == 0x201C) ++curly;
    if (c == 0x201D && curly > 0) --curly;
    if (c == '"') ++straight;
    i += len;
  }
  return curly > 0 || straight % 2 == 1;
}

bool IsSmallWord(std::string_view w) {
  static constexpr std::string_view kSmall[] = {
      "a",    "an",   "the", "and",  "or",   "of",    "in",  "on",
      "at",   "to",   "for", "with", "by",   "from",  "as",  "vs",
      "but",  "nor",  "is",  "are",  "was",  "were",  "be",  "into",
      "onto", "over", "per", "via",  "up",   "so",    "yet", "than",
      "amid", "v",    "off", "out",  "upon", "after", "its", "s",
      "de",   "la",   "van", "von",  "der",  "da",    "du",  "le"};
  for (std::string_view s : kSmall) {
    if (w == s) return true;
  }
  return false;
}

}  // namespace

bool LooksLikeHeading(std::string_view line) {
  if (line.empty() || line.size() > 100) return false;
  if (line.find('\n') != std::string_view::npos) return false;
  size_t len;
  char32_t first = DecodeAt(line, 0, &len);
  char32_t last = DecodeBefore(line, line.size(), &len);
  if (IsQuoteMark(first) || IsQuoteMark(last) || last == '\'') return false;
  if (last == '.' || last == '!' || last == '?' || last == ':' || last == ';' ||
      last == ',' || last == 0x2026 || last == '-' || last == 0x2014 ||
      last == 0x2013) {
    return false;
  }
  bool has_digit = false, has_comma = false;
  for (char c : line) {
    has_digit |= c >= '0' && c <= '9';
    has_comma |= c == ',';
  }
  if (has_digit && has_comma) return false;  // dateline-like

  int words = 0, cap = 0, low = 0, numbers = 0, letters = 0, upper = 0;
  bool first_ok = false;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size()) break;
    size_t end = i;
    while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
    std::string_view word = line.substr(i, end - i);
    ++words;
    // The word's first letter or digit decides its case.
    char32_t lead = 0;
    std::string ascii_lower;
    for (size_t k = 0; k < word.size(); k += len) {
      char32_t c = DecodeAt(word, k, &len);
      UChar32 u = static_cast<UChar32>(c);
      if (u_isalpha(u)) {
        ++letters;
        if (u_isupper(u) || u_istitle(u)) ++upper;
      }
      if (lead == 0 && (u_isalpha(u) || u_isdigit(u))) lead = c;
      if (lead != 0 && c < 0x80 && c != '.' && c != '\'') {
        if (!u_isalnum(u)) continue;
        ascii_lower.push_back(static_cast<char>(u_tolower(u)));
      }
    }
    bool is_first = words == 1;
    if (lead != 0) {
      UChar32 u = static_cast<UChar32>(lead);
      if (u_isdigit(u)) {
        ++numbers;
        if (is_first) first_ok = true;
      } else if (u_isupper(u) || u_istitle(u)) {
        ++cap;
        if (is_first) first_ok = true;
      } else if (!IsSmallWord(ascii_lower) || is_first) {
        ++low;
      }
    }
    i = end;
  }
  if (words < 2 || words > 12 || !first_ok) return false;
  if (letters >= 2 && upper == letters) return false;  // all capitals
  if (cap < 2 && !(cap >= 1 && numbers >= 1)) return false;
  return low == 0 || (cap >= 5 && low <= 1);
}

Status LayoutStage::Run(Document& doc) const {
  std::string_view text = doc.text();
  std::vector<Line> lines = SplitLines(text);
  DocMeta& meta = doc.meta();
  const bool detect_title = !meta.title_from_metadata;

  // Decide whether single newlines are hard wraps: the lines share a
  // common width and a line break mostly comes where the next word would
  // not have fitted.
  bool hard_wrap = false;
  {
    uint32_t breaks = 0, full = 0;
    std::vector<uint32_t> widths;
    widths.reserve(lines.size());
    for (const Line& l : lines) widths.push_back(l.chars);
    uint32_t width = 0;
    if (!widths.empty()) {
      size_t k = widths.size() * 9 / 10;
      if (k >= widths.size()) k = widths.size() - 1;
      std::nth_element(widths.begin(), widths.begin() + k, widths.end());
      width = widths[k];
    }
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
      if (lines[i + 1].after_blank) continue;
      ++breaks;
      if (lines[i].chars + 1 + lines[i + 1].first_word > width - width / 10) {
        ++full;
      }
    }
    hard_wrap =
        breaks >= 2 && width <= kMaxWrapWidth && full * 10 >= breaks * 6;
    if (hard_wrap) {
      for (size_t i = 0; i + 1 < lines.size(); ++i) {
        // Reuse `after_blank` as "starts a new block".
        if (lines[i + 1].after_blank) continue;
        const Line& a = lines[i];
        const Line& b = lines[i + 1];
        bool is_full = a.chars + 1 + b.first_word > width - width / 10;
        bool lower = StartsLower(text.substr(b.start, b.end - b.start));
        bool join = (is_full || lower) && !(b.indented && !a.indented);
        if (i == 0 && detect_title) join = lower;
        if (!join) lines[i + 1].after_blank = true;
      }
    }
  }
  if (!hard_wrap) {
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
      if (lines[i + 1].after_blank) continue;
      const Line& a = lines[i];
      const Line& b = lines[i + 1];
      bool lower = StartsLower(text.substr(b.start, b.end - b.start));
      bool join = lower && !EndsTerminal(text.substr(a.start, a.end - a.start));
      if (!join) lines[i + 1].after_blank = true;
    }
  }

  std::vector<Block> blocks;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].after_blank || blocks.empty()) {
      Block b;
      b.span = {lines[i].start, lines[i].end};
      b.kind = BlockKind::kParagraph;
      blocks.push_back(std::move(b));
    } else {
      blocks.back().span.end = lines[i].end;
    }
  }

  if (detect_title && !blocks.empty()) {
    blocks[0].kind = BlockKind::kTitle;
    meta.title = CollapseWhitespace(doc.Slice(blocks[0].span));
  }
  bool quote_open = false;
  for (size_t k = 0; k < blocks.size(); ++k) {
    std::string_view s = doc.Slice(blocks[k].span);
    if (k > 0 && k + 1 < blocks.size() && !quote_open && LooksLikeHeading(s)) {
      blocks[k].kind = BlockKind::kHeading;
    }
    quote_open = LeavesQuoteOpen(s);
  }
  doc.layers().blocks = std::move(blocks);
  return Status::Ok();
}

}  // namespace dossier
