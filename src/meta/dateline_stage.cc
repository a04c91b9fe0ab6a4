#include "meta/dateline_stage.h"

#include <cstdio>
#include <string>

#include "meta/scan_util.h"

namespace dossier {
namespace {

using meta_internal::CountWords;
using meta_internal::DashLen;
using meta_internal::EqualsIgnoreCase;
using meta_internal::ScanWord;
using meta_internal::SkipSpaces;
using meta_internal::SpaceLen;
using meta_internal::TitleCaseIfAllCaps;
using meta_internal::TrimSpaces;
using meta_internal::WordShape;

// Capitalized words that open ordinary sentences; a "place" that starts with
// one of them is not a place ("However, ...", "In Oslo, on Monday, ...").
constexpr std::string_view kSentenceOpeners[] = {
    "a",          "about",       "according", "after",        "again",
    "also",       "although",    "an",        "and",          "as",
    "asked",      "at",          "because",   "before",       "besides",
    "but",        "by",          "despite",   "during",       "earlier",
    "even",       "finally",     "first",     "for",          "from",
    "further",    "furthermore", "he",        "her",          "here",
    "his",        "however",     "i",         "if",           "in",
    "indeed",     "instead",     "it",        "its",          "last",
    "later",      "like",        "meanwhile", "moreover",     "mr",
    "mr.",        "mrs",         "mrs.",      "ms",           "ms.",
    "dr",         "dr.",         "my",        "nevertheless", "next",
    "no",         "nonetheless", "not",       "now",          "of",
    "on",         "once",        "or",        "our",          "over",
    "overall",    "photo",       "read",      "second",       "separately",
    "she",        "similarly",   "since",     "so",           "speaking",
    "still",      "that",        "the",       "their",        "then",
    "there",      "therefore",   "these",     "they",         "third",
    "this",       "those",       "thus",      "to",           "today",
    "tomorrow",   "under",       "unlike",    "until",        "we",
    "what",       "when",        "where",     "whether",      "which",
    "while",      "who",         "with",      "yes",          "yesterday",
    "yet",        "you",         "your",      "updated",      "published",
    "posted",     "image",       "video",     "subscribe",    "breaking",
    "update",     "exclusive",   "opinion",   "analysis",     "editorial",
    "commentary", "correction",  "editor",    "note",         "watch",
    "live",       "listen",      "photos",    "copyright",    "follow"};

bool IsSentenceOpener(std::string_view w) {
  for (std::string_view o : kSentenceOpeners) {
    if (EqualsIgnoreCase(w, o)) return true;
  }
  return false;
}

bool IsPlaceConnector(std::string_view w) {
  static constexpr std::string_view kConnectors[] = {
      "de", "da",   "do", "dos", "das", "del", "di", "la", "le",
      "of", "upon", "am", "an",  "der", "sur", "en", "al", "el"};
  for (std::string_view c : kConnectors) {
    if (w == c) return true;  // lower case only
  }
  return false;
}

bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

size_t AlphaEnd(std::string_view s, size_t i) {
  while (i < s.size() && IsAsciiAlpha(s[i])) ++i;
  return i;
}
size_t DigitEnd(std::string_view s, size_t i) {
  while (i < s.size() && IsDigit(s[i])) ++i;
  return i;
}
int ToInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

// 1..12 for a month name or abbreviation ("March", "MAR", "Sept"), else 0.
int MonthNumber(std::string_view w) {
  struct Entry {
    std::string_view name;
    int month;
  };
  static constexpr Entry kMonths[] = {
      {"january", 1},   {"jan", 1},    {"february", 2},  {"feb", 2},
      {"march", 3},     {"mar", 3},    {"april", 4},     {"apr", 4},
      {"may", 5},       {"june", 6},   {"jun", 6},       {"july", 7},
      {"jul", 7},       {"august", 8}, {"aug", 8},       {"september", 9},
      {"sept", 9},      {"sep", 9},    {"october", 10},  {"oct", 10},
      {"november", 11}, {"nov", 11},   {"december", 12}, {"dec", 12}};
  for (const Entry& e : kMonths) {
    if (EqualsIgnoreCase(w, e.name)) return e.month;
  }
  return 0;
}

bool IsWeekday(std::string_view w) {
  static constexpr std::string_view kDays[] = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "mon",     "tue",       "tues",     "wed",    "thu",
      "thur",   "thurs",   "fri",       "sat",      "sun"};
  for (std::string_view d : kDays) {
    if (EqualsIgnoreCase(w, d)) return true;
  }
  return false;
}

struct DateParse {
  size_t end = 0;
  int year = 0;  // 0 when not written
  int month = 0;
  int day = 0;  // 0 for "March 2024"
  bool weekday_only = false;
};

bool ValidDay(int year, int month, int day) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  if (day > kDays[month - 1]) return false;
  if (month == 2 && day == 29 && year != 0) {
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (!leap) return false;
  }
  return true;
}

bool ValidYear(int y) { return y >= 1900 && y <= 2100; }

// Reads ", 2024" or " 2024" after a day; returns the end or `i`.
size_t ReadYearAfter(std::string_view s, size_t i, int* year) {
  size_t p = i;
  if (p < s.size() && s[p] == ',') ++p;
  p = SkipSpaces(s, p);
  size_t e = DigitEnd(s, p);
  if (e - p == 4 && ValidYear(ToInt(s.substr(p, 4)))) {
    *year = ToInt(s.substr(p, 4));
    return e;
  }
  return i;
}

// Skips "st", "nd", "rd", "th" right after a day number.
size_t SkipOrdinal(std::string_view s, size_t i) {
  size_t e = AlphaEnd(s, i);
  std::string_view suf = s.substr(i, e - i);
  if (EqualsIgnoreCase(suf, "st") || EqualsIgnoreCase(suf, "nd") ||
      EqualsIgnoreCase(suf, "rd") || EqualsIgnoreCase(suf, "th")) {
    return e;
  }
  return i;
}

// Reads a date at `i`: "March 3, 2024", "Mar. 3", "3 March 2024",
// "March 2024", "2024-03-03", "3/3/2024", "3.3.2024", optionally after a
// weekday ("Tuesday, March 3"). A weekday alone is reported as such.
bool ParseDate(std::string_view s, size_t i, DateParse* out) {
  *out = DateParse{};
  size_t p = i;
  size_t e = AlphaEnd(s, p);
  if (e > p && IsWeekday(s.substr(p, e - p))) {
    size_t after_day = e;
    if (after_day < s.size() && s[after_day] == '.') ++after_day;
    size_t q = after_day;
    if (q < s.size() && s[q] == ',') ++q;
    q = SkipSpaces(s, q);
    if (!ParseDate(s, q, out) || out->weekday_only) {
      *out = DateParse{};
      out->end = after_day;
      out->weekday_only = true;
    }
    return true;
  }
  if (e > p) {  // month first
    int month = MonthNumber(s.substr(p, e - p));
    if (month == 0) return false;
    if (e < s.size() && IsAsciiAlpha(s[e])) return false;
    size_t q = e;
    if (q < s.size() && s[q] == '.') ++q;
    q = SkipSpaces(s, q);
    size_t d_end = DigitEnd(s, q);
    if (d_end - q == 4) {  // "March 2024"
      int y = ToInt(s.substr(q, 4));
      if (!ValidYear(y)) return false;
      out->year = y;
      out->month = month;
      out->end = d_end;
      return true;
    }
    if (d_end == q || d_end - q > 2) return false;
    int day = ToInt(s.substr(q, d_end - q));
    size_t after = SkipOrdinal(s, d_end);
    if (after < s.size() && (IsAsciiAlpha(s[after]) || IsDigit(s[after]))) {
      return false;
    }
    out->month = month;
    out->day = day;
    out->end = ReadYearAfter(s, after, &out->year);
    return ValidDay(out->year, month, day);
  }
  size_t d_end = DigitEnd(s, p);
  if (d_end == p) return false;
  if (d_end - p == 4 && d_end < s.size() && s[d_end] == '-') {
    // 2024-03-03
    std::string_view iso = s.substr(p, 10);
    if (iso.size() == 10 && iso[7] == '-' && IsDigit(iso[5]) &&
        IsDigit(iso[6]) && IsDigit(iso[8]) && IsDigit(iso[9]) &&
        (p + 10 == s.size() || !IsDigit(s[p + 10]))) {
      out->year = ToInt(iso.substr(0, 4));
      out->month = ToInt(iso.substr(5, 2));
      out->day = ToInt(iso.substr(8, 2));
      out->end = p + 10;
      return ValidYear(out->year) && ValidDay(out->year, out->month, out->day);
    }
    return false;
  }
  if (d_end - p > 2) return false;
  int first = ToInt(s.substr(p, d_end - p));
  if (d_end < s.size() && (s[d_end] == '/' || s[d_end] == '.')) {
    // 3/3/2024 (month first unless the first number cannot be a month) or
    // 3.3.2024 (day first).
    char sep = s[d_end];
    size_t q = d_end + 1;
    size_t q_end = DigitEnd(s, q);
    if (q_end == q || q_end - q > 2 || q_end >= s.size() || s[q_end] != sep) {
      return false;
    }
    int second = ToInt(s.substr(q, q_end - q));
    size_t y = q_end + 1;
    size_t y_end = DigitEnd(s, y);
    if (y_end - y != 4) return false;
    out->year = ToInt(s.substr(y, 4));
    if (!ValidYear(out->year)) return false;
    bool day_first = sep == '.' || first > 12;
    out->day = day_first ? first : second;
    out->month = day_first ? second : first;
    out->end = y_end;
    return ValidDay(out->year, out->month, out->day);
  }
  // 3 March 2024
  size_t after = SkipOrdinal(s, d_end);
  size_t q = SkipSpaces(s, after);
  if (q == after && after == d_end) return false;
  size_t m_end = AlphaEnd(s, q);
  int month = MonthNumber(s.substr(q, m_end - q));
  if (month == 0) return false;
  if (m_end < s.size() && s[m_end] == '.') ++m_end;
  out->day = first;
  out->month = month;
  out->end = ReadYearAfter(s, m_end, &out->year);
  return ValidDay(out->year, month, first);
}

// "(Nordpress)", "(AP)": a short capitalized name in parentheses.
bool ParseParenAgency(std::string_view s, size_t i, size_t* end,
                      std::string* agency) {
  if (i >= s.size() || s[i] != '(') return false;
  size_t close = s.find(')', i + 1);
  if (close == std::string_view::npos || close - i > 48) return false;
  std::string_view inner = TrimSpaces(s.substr(i + 1, close - i - 1));
  WordShape w;
  if (inner.empty() || !ScanWord(inner, 0, &w) || !w.capitalized) {
    return false;
  }
  if (CountWords(inner) > 4) return false;
  *agency = std::string(inner);
  *end = close + 1;
  return true;
}

// "/PRNewswire/": a wire service between slashes.
bool ParseSlashAgency(std::string_view s, size_t i, size_t* end,
                      std::string* agency) {
  if (i >= s.size() || s[i] != '/') return false;
  size_t close = s.find('/', i + 1);
  if (close == std::string_view::npos || close - i > 48 || close == i + 1) {
    return false;
  }
  std::string_view inner = s.substr(i + 1, close - i - 1);
  if (!(inner[0] >= 'A' && inner[0] <= 'Z')) return false;
  for (char c : inner) {
    if (!(IsAsciiAlpha(c) || IsDigit(c) || c == ' ' || c == '-' || c == '.' ||
          c == '&')) {
      return false;
    }
  }
  *agency = std::string(TrimSpaces(inner));
  *end = close + 1;
  return true;
}

// Reads capitalized words (with lower-case place connectors between them)
// separated by single spaces. Returns the number of words (0 when none) and
// sets `*end` after the last capitalized word.
int ReadCapitalizedRun(std::string_view s, size_t i, int max_words, size_t* end,
                       bool* all_caps) {
  int words = 0;
  size_t pos = i;
  *all_caps = true;
  while (true) {
    WordShape w;
    if (!ScanWord(s, pos, &w)) break;
    std::string_view text = s.substr(w.start, w.end - w.start);
    if (!w.capitalized) {
      // A connector counts only when a capitalized word follows.
      if (words == 0 || !IsPlaceConnector(text)) break;
      size_t sp = SpaceLen(s, w.end);
      WordShape next;
      if (sp == 0 || !ScanWord(s, w.end + sp, &next) || !next.capitalized) {
        break;
      }
      pos = w.end + sp;
      continue;
    }
    ++words;
    if (words > max_words) return 0;
    *all_caps = *all_caps && w.all_caps;
    *end = w.end;
    size_t sp = SpaceLen(s, w.end);
    if (sp == 0) break;
    pos = w.end + sp;
  }
  if (words == 0) *all_caps = false;
  return words;
}

// True when `rest` reads as an agency name on its own ("Reuters",
// "Nordpress Staff"): a few capitalized words, no sentence punctuation.
bool LooksLikeAgency(std::string_view rest) {
  rest = TrimSpaces(rest);
  if (rest.empty() || CountWords(rest) > 5) return false;
  size_t end;
  bool caps;
  int words = ReadCapitalizedRun(rest, 0, 5, &end, &caps);
  if (words == 0) return false;
  std::string_view tail = TrimSpaces(rest.substr(end));
  return tail.empty();
}

std::string FormatDate(int y, int m, int d) {
  char buf[16];
  if (d == 0) {
    std::snprintf(buf, sizeof(buf), "%04d-%02d", y, m);
  } else {
    std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
  }
  return buf;
}

}  // namespace

DatelineStage::DatelineStage(DatelineOptions opts) : opts_(opts) {}

std::optional<DatelineParse> DatelineStage::Parse(
    std::string_view block, std::string_view year_hint) const {
  std::string_view trimmed = TrimSpaces(block);
  const size_t lead = static_cast<size_t>(trimmed.data() - block.data());
  const std::string_view s = trimmed;
  const size_t n = s.size();
  if (n == 0) return std::nullopt;

  // 1. The place: capitalized words, not an ordinary sentence opener.
  WordShape first;
  if (!ScanWord(s, 0, &first) || !first.capitalized ||
      IsSentenceOpener(s.substr(0, first.end))) {
    return std::nullopt;
  }
  size_t place_end = 0;
  bool caps_place = false;
  if (ReadCapitalizedRun(s, 0, opts_.max_place_words, &place_end,
                         &caps_place) == 0) {
    return std::nullopt;
  }
  if (caps_place && first.letters < 2 && place_end == first.end) {
    caps_place = false;  // a lone capital letter is no city
  }
  size_t pos = place_end;

  // 2. ", Region", ", Weekday", ", Date" after commas.
  DateParse date;
  bool has_date = false;
  int regions = 0;
  while (pos < n && s[pos] == ',') {
    size_t p = SkipSpaces(s, pos + 1);
    DateParse d;
    if (!has_date && ParseDate(s, p, &d)) {
      pos = d.end;
      if (!d.weekday_only) {
        date = d;
        has_date = true;
        break;
      }
      continue;
    }
    size_t r_end = 0;
    bool r_caps;
    if (regions < 2 && ReadCapitalizedRun(s, p, 3, &r_end, &r_caps) > 0 &&
        !IsSentenceOpener(s.substr(p, r_end - p))) {
      size_t q = SkipSpaces(s, r_end);
      if (q >= n || s[q] == ',' || s[q] == '(' || DashLen(s, q) > 0) {
        ++regions;
        pos = r_end;
        continue;
      }
    }
    return std::nullopt;
  }

  // 3. "(Agency)" and "/Wire/".
  std::string agency;
  size_t p = SkipSpaces(s, pos);
  if (p < n && s[p] == '(') {
    if (!ParseParenAgency(s, p, &pos, &agency)) return std::nullopt;
    p = SkipSpaces(s, pos);
  }
  if (p < n && s[p] == '/' && agency.empty()) {
    if (!ParseSlashAgency(s, p, &pos, &agency)) return std::nullopt;
    p = SkipSpaces(s, pos);
  }

  // 4. The separator: dashes ("-", "--", "–", "—") or "|".
  bool has_sep = false;
  size_t dl_end = pos;
  if (DashLen(s, p) > 0) {
    while (size_t k = DashLen(s, p)) p += k;
    dl_end = p;
    has_sep = true;
  } else if (p < n && s[p] == '|') {
    dl_end = p + 1;
    has_sep = true;
  }
  size_t q = SkipSpaces(s, dl_end);
  bool at_end = q >= n;

  bool fires = (has_date && (has_sep || at_end || !agency.empty())) ||
               (!agency.empty() && (has_sep || at_end)) ||
               (caps_place && has_sep);
  if (!fires) return std::nullopt;

  bool standalone = at_end;
  if (!at_end && has_sep && agency.empty()) {
    std::string_view rest = s.substr(q);
    if (LooksLikeAgency(rest)) {
      // "OSLO, March 3, 2024 – Nordpress" on a line of its own.
      agency = std::string(TrimSpaces(rest));
      standalone = true;
    } else {
      // "OSLO, March 3, 2024 – Nordpress – The council ..."
      size_t a_end;
      bool a_caps;
      int words = ReadCapitalizedRun(s, q, 3, &a_end, &a_caps);
      if (words > 0 && SpaceLen(s, a_end) > 0) {
        size_t d = SkipSpaces(s, a_end);
        if (DashLen(s, d) > 0) {
          agency = std::string(s.substr(q, a_end - q));
          while (size_t k = DashLen(s, d)) d += k;
          dl_end = d;
        }
      }
    }
  }

  DatelineParse out;
  out.standalone = standalone;
  Dateline& dl = out.dateline;
  size_t span_end = standalone ? n : dl_end;
  dl.span = {static_cast<uint32_t>(lead),
             static_cast<uint32_t>(lead + span_end)};
  dl.place = TitleCaseIfAllCaps(s.substr(0, place_end));
  dl.agency = std::move(agency);
  if (has_date) {
    int year = date.year;
    if (year == 0 && year_hint.size() == 4) {
      year = ToInt(year_hint);
    }
    if (year != 0) dl.date = FormatDate(year, date.month, date.day);
    out.full_date = date.year != 0 && date.day != 0;
  }
  return out;
}

Status DatelineStage::Run(Document& doc) const {
  Layers& layers = doc.layers();
  if (layers.dateline.has_value()) return Status::Ok();
  DocMeta& meta = doc.meta();
  std::string_view year_hint;
  if (meta.published.size() >= 4 && IsDigit(meta.published[0]) &&
      IsDigit(meta.published[1]) && IsDigit(meta.published[2]) &&
      IsDigit(meta.published[3])) {
    year_hint = std::string_view(meta.published).substr(0, 4);
  }
  std::string_view title = TrimSpaces(meta.title);
  int counted = 0;
  for (Block& b : layers.blocks) {
    if (b.kind == BlockKind::kTitle || !b.removed_why.empty()) continue;
    if (b.span.end > doc.text().size() || b.span.start > b.span.end) {
      return Status(ErrorCode::kInternal, "dateline: block outside the text");
    }
    std::string_view text = doc.Slice(b.span);
    std::optional<DatelineParse> parse = Parse(text, year_hint);
    if (parse) {
      Dateline dl = std::move(parse->dateline);
      dl.span.start += b.span.start;
      dl.span.end += b.span.start;
      if (parse->standalone &&
          (b.kind == BlockKind::kParagraph || b.kind == BlockKind::kHeading)) {
        b.kind = BlockKind::kDateline;
      }
      if (meta.published.empty() && parse->full_date) {
        meta.published = dl.date;
        meta.published_how = PublishedHow::kDateline;
      }
      layers.dateline = std::move(dl);
      return Status::Ok();
    }
    std::string_view trimmed = TrimSpaces(text);
    bool filler = CountWords(trimmed) < 3 ||
                  (!title.empty() && EqualsIgnoreCase(trimmed, title));
    if (!filler && ++counted >= opts_.max_blocks) break;
  }
  return Status::Ok();
}

}  // namespace dossier
