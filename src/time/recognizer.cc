#include "time/recognizer.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>
#include <string>
#include <unordered_map>

namespace dossier {
namespace {

// ---------------------------------------------------------------------------
// Small character and word helpers (ASCII; UTF-8 apostrophes and quotes are
// recognized by their bytes).

bool IsAsciiAlpha(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
char Lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Copies `w` lower-cased into `buf` (apostrophes as '\''); returns the view,
// or an empty view when the word does not fit.
template <size_t N>
std::string_view LowerInto(std::string_view w, std::array<char, N>& buf) {
  size_t n = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    if (n == N) return {};
    if (static_cast<unsigned char>(w[i]) == 0xE2 && i + 2 < w.size() &&
        static_cast<unsigned char>(w[i + 1]) == 0x80 &&
        static_cast<unsigned char>(w[i + 2]) == 0x99) {
      buf[n++] = '\'';
      i += 2;
    } else {
      buf[n++] = Lower(w[i]);
    }
  }
  return std::string_view(buf.data(), n);
}

bool EqualsLower(std::string_view w, std::string_view lower) {
  if (w.size() != lower.size()) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    if (Lower(w[i]) != lower[i]) return false;
  }
  return true;
}

// Length of a UTF-8 right single quote (used as apostrophe) at s[i], or 0.
size_t CurlyApostropheAt(std::string_view s, size_t i) {
  return (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
          static_cast<unsigned char>(s[i + 1]) == 0x80 &&
          static_cast<unsigned char>(s[i + 2]) == 0x99)
             ? 3
             : 0;
}

// The word (letters, digits, apostrophes) that starts at or after `pos`,
// skipping spaces only. Returns false at punctuation or the end.
bool WordAfter(std::string_view s, size_t pos, std::string_view* word) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
  size_t j = pos;
  while (j < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[j]);
    if (IsAsciiAlpha(c) || IsDigit(c) || c == '\'') {
      ++j;
    } else if (size_t k = CurlyApostropheAt(s, j); k && j > pos) {
      j += k;
    } else {
      break;
    }
  }
  if (j == pos) return false;
  *word = s.substr(pos, j - pos);
  return true;
}

// ---------------------------------------------------------------------------
// Values of words.

int MonthNumber(std::string_view m) {
  static constexpr std::array<const char*, 12> kNames = {
      "jan", "feb", "mar", "apr", "may", "jun",
      "jul", "aug", "sep", "oct", "nov", "dec"};
  if (m.size() < 3) return 0;
  const char p[3] = {Lower(m[0]), Lower(m[1]), Lower(m[2])};
  for (int i = 0; i < 12; ++i) {
    if (std::string_view(p, 3) == kNames[i]) return i + 1;
  }
  return 0;
}

int WeekdayNumber(std::string_view w) {
  static constexpr std::array<const char*, 7> kNames = {
      "mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  if (w.size() < 3) return 0;
  const char p[3] = {Lower(w[0]), Lower(w[1]), Lower(w[2])};
  for (int i = 0; i < 7; ++i) {
    if (std::string_view(p, 3) == kNames[i]) return i + 1;
  }
  return 0;
}

// "three" -> 3, "1,500" -> 1500, "twenty-four" -> 24, "several" -> -1;
// 0 when not a number.
int NumberValue(std::string_view s) {
  if (s.empty()) return 0;
  if (IsDigit(static_cast<unsigned char>(s[0]))) {
    int v = 0;
    for (char c : s) {
      if (c == ',') continue;
      if (!IsDigit(static_cast<unsigned char>(c))) break;
      if (v > 1000000) return 0;
      v = v * 10 + (c - '0');
    }
    return v;
  }
  static constexpr std::pair<const char*, int> kWords[] = {
      {"a", 1},         {"an", 1},        {"one", 1},        {"two", 2},
      {"three", 3},     {"four", 4},      {"five", 5},       {"six", 6},
      {"seven", 7},     {"eight", 8},     {"nine", 9},       {"ten", 10},
      {"eleven", 11},   {"twelve", 12},   {"thirteen", 13},  {"fourteen", 14},
      {"fifteen", 15},  {"sixteen", 16},  {"seventeen", 17}, {"eighteen", 18},
      {"nineteen", 19}, {"twenty", 20},   {"thirty", 30},    {"forty", 40},
      {"fifty", 50},    {"sixty", 60},    {"seventy", 70},   {"eighty", 80},
      {"ninety", 90},   {"hundred", 100}, {"other", 2},      {"a couple of", 2},
      {"couple of", 2}, {"a few", -1},    {"few", -1},       {"several", -1},
      {"many", -1},
  };
  size_t dash = s.find('-');
  if (dash == std::string_view::npos) dash = s.find(' ');
  if (dash != std::string_view::npos && !EqualsLower(s, "a few") &&
      !EqualsLower(s, "a couple of") &&
      !EqualsLower(s, "couple of")) {  // "twenty-four", "twenty four"
    int tens = NumberValue(s.substr(0, dash));
    int ones = NumberValue(s.substr(dash + 1));
    return tens >= 20 && ones > 0 && ones < 10 ? tens + ones : 0;
  }
  for (const auto& [word, value] : kWords) {
    if (EqualsLower(s, word)) return value;
  }
  return 0;
}

TimeUnit UnitOf(std::string_view u) {
  std::array<char, 12> buf;
  std::string_view l = LowerInto(u, buf);
  if (l.starts_with("second")) return TimeUnit::kSecond;
  if (l.starts_with("minute")) return TimeUnit::kMinute;
  if (l.starts_with("hour")) return TimeUnit::kHour;
  if (l.starts_with("weekend")) return TimeUnit::kWeekend;
  if (l.starts_with("day")) return TimeUnit::kDay;
  if (l.starts_with("week")) return TimeUnit::kWeek;
  if (l.starts_with("month")) return TimeUnit::kMonth;
  if (l.starts_with("year")) return TimeUnit::kYear;
  if (l.starts_with("decade")) return TimeUnit::kDecade;
  if (l.starts_with("centur")) return TimeUnit::kCentury;
  if (l.starts_with("quarter")) return TimeUnit::kQuarter;
  return TimeUnit::kNone;
}

PartOfDay PartOf(std::string_view p) {
  if (p.empty()) return PartOfDay::kNone;
  switch (Lower(p[0])) {
    case 'm':
      return PartOfDay::kMorning;
    case 'a':
      return PartOfDay::kAfternoon;
    case 'e':
      return PartOfDay::kEvening;
    case 'n':
      return PartOfDay::kNight;
  }
  return PartOfDay::kNone;
}

// ---------------------------------------------------------------------------
// Tense cues.

enum class Cue : uint8_t { kNone, kPast, kPresent, kFuture, kBreak };

const std::unordered_map<std::string_view, Cue>& CueWords() {
  static const auto* const kMap = [] {
    auto* m = new std::unordered_map<std::string_view, Cue>();
    for (const char* w :
         {"will",      "would",   "shall",    "won't",     "wouldn't",
          "going",     "plans",   "plan",     "planned",   "planning",
          "expected",  "expects", "expect",   "scheduled", "upcoming",
          "next",      "coming",  "tomorrow", "intends",   "intend",
          "slated",    "poised",  "ahead",    "starting",  "soon",
          "effective", "payable"}) {
      (*m)[w] = Cue::kFuture;
    }
    for (const char* w :
         {"said",   "told",   "was",       "were",      "had",     "did",
          "ago",    "last",   "earlier",   "yesterday", "since",   "met",
          "held",   "began",  "went",      "came",      "took",    "made",
          "saw",    "spoke",  "gave",      "left",      "won",     "lost",
          "fled",   "struck", "fell",      "rose",      "sent",    "wrote",
          "hit",    "shot",   "got",       "found",     "became",  "says",
          "say",    "tells",  "according", "wasn't",    "weren't", "didn't",
          "hadn't", "ran",    "broke",     "drew",      "led",     "paid",
          "put",    "read",   "stood",     "thought",   "brought", "heard",
          "kept",   "knew",   "fought",    "sought",    "taught"}) {
      (*m)[w] = Cue::kPast;
    }
    for (const char* w : {"is", "are", "am", "isn't", "aren't"}) {
      (*m)[w] = Cue::kPresent;
    }
    for (const char* w : {"that", "which", "who", "whom", "but", "while",
                          "because", "although", "though", "whereas", "when"}) {
      (*m)[w] = Cue::kBreak;
    }
    return m;
  }();
  return *kMap;
}

// Words ending in "ed" that are not past-tense verbs.
bool NotAVerbEd(std::string_view lower) {
  static constexpr const char* kWords[] = {
      "hundred",  "united", "armed",    "limited",  "naked",
      "sacred",   "wicked", "kindred",  "alleged",  "related",
      "advanced", "based",  "detailed", "supposed", "so-called",
      "red",      "bed",    "shed",     "wed"};
  if (lower.ends_with("eed")) return true;  // need, proceed, indeed
  for (const char* w : kWords) {
    if (lower == w) return true;
  }
  return false;
}

Cue Classify(std::string_view word) {
  std::array<char, 20> buf;
  std::string_view l = LowerInto(word, buf);
  if (l.empty()) return Cue::kNone;
  const auto& words = CueWords();
  if (auto it = words.find(l); it != words.end()) return it->second;
  if (l.ends_with("'ll") || l.ends_with("'d")) return Cue::kFuture;
  if (l.size() >= 5 && l.ends_with("ed") && !NotAVerbEd(l)) return Cue::kPast;
  return Cue::kNone;
}

// Classify() for the word `w` that starts at s[at], with the word after it
// deciding the cue of a few words: "plans to" and "planned for" are future
// but "vacation plans" is no cue; "next to" is no cue; "set to" is future.
Cue ClassifyAt(std::string_view s, size_t at, std::string_view w) {
  Cue cue = Classify(w);
  std::array<char, 12> buf;
  std::string_view l = LowerInto(w, buf);
  if (l.empty()) return cue;
  const bool plan =
      l == "plan" || l == "plans" || l == "planned" || l == "planning";
  if (!plan && l != "next" && l != "set") return cue;
  std::string_view next;
  if (!WordAfter(s, at + w.size(), &next)) next = {};
  const bool to = EqualsLower(next, "to");
  if (plan) return to || EqualsLower(next, "for") ? Cue::kFuture : Cue::kNone;
  if (l == "next") return to ? Cue::kNone : cue;
  return to ? Cue::kFuture : cue;  // "set to resume"
}

bool IsBe(std::string_view w) {
  return EqualsLower(w, "be") || EqualsLower(w, "been") ||
         EqualsLower(w, "being");
}

constexpr int kMaxCueDistance = 12;

// Extra distance for the punctuation byte(s) at s[i]; sets *len.
int PunctPenalty(std::string_view s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  *len = 1;
  if (c == 0xE2 && i + 2 < s.size() &&
      static_cast<unsigned char>(s[i + 1]) == 0x80) {
    *len = 3;
    unsigned char d = static_cast<unsigned char>(s[i + 2]);
    if (d == 0x9C || d == 0x9D) return 3;  // curly double quotes
    if (d == 0x93 || d == 0x94) return 2;  // en/em dash
    return 0;
  }
  switch (c) {
    case ',':
      return 1;
    case ';':
    case ':':
    case '(':
    case ')':
    case '"':
      return 3;
    default:
      return 0;
  }
}

struct CueHit {
  int distance = kMaxCueDistance + 1;
  Cue cue = Cue::kNone;
};

CueHit ScanRight(std::string_view s, size_t pos) {
  CueHit hit;
  int dist = 0;
  std::string_view prev;
  while (pos < s.size() && dist <= kMaxCueDistance) {
    unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c == ' ') {
      ++pos;
      continue;
    }
    std::string_view w;
    if (IsAsciiAlpha(c) || IsDigit(c) || c == '\'' ||
        CurlyApostropheAt(s, pos)) {
      if (!WordAfter(s, pos, &w)) w = s.substr(pos, 1);
      Cue cue = ClassifyAt(s, pos, w);
      pos += w.size();
      ++dist;
      if (cue == Cue::kBreak) {
        dist += 3;
      } else if (cue == Cue::kPast && IsBe(prev)) {
        // "will be held": a participle after "be" is not past tense.
      } else if (cue != Cue::kNone) {
        // "were planning to", "was due to": a past form of "be" before a
        // future word speaks of the future.
        std::string_view next;
        if (cue == Cue::kPast &&
            (EqualsLower(w, "was") || EqualsLower(w, "were")) &&
            WordAfter(s, pos, &next) &&
            (Classify(next) == Cue::kFuture || EqualsLower(next, "due") ||
             EqualsLower(next, "set"))) {
          cue = Cue::kFuture;
        }
        hit.distance = dist;
        hit.cue = cue;
        return hit;
      }
      prev = w;
    } else {
      size_t len;
      dist += PunctPenalty(s, pos, &len);
      pos += len;
    }
  }
  return hit;
}

CueHit ScanLeft(std::string_view s, size_t pos) {
  CueHit hit;
  int dist = 0;
  while (pos > 0 && dist <= kMaxCueDistance) {
    unsigned char c = static_cast<unsigned char>(s[pos - 1]);
    if (c == ' ') {
      --pos;
      continue;
    }
    // Find the start of the word or punctuation ending at pos.
    size_t start = pos;
    while (start > 0) {
      unsigned char b = static_cast<unsigned char>(s[start - 1]);
      if (IsAsciiAlpha(b) || IsDigit(b) || b == '\'') {
        --start;
      } else if (start >= 3 && CurlyApostropheAt(s, start - 3) &&
                 start - 3 > 0 &&
                 IsAsciiAlpha(static_cast<unsigned char>(s[start - 4]))) {
        start -= 3;
      } else {
        break;
      }
    }
    if (start == pos) {  // punctuation: step back over one UTF-8 char
      size_t p = pos - 1;
      while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
      size_t len;
      dist += PunctPenalty(s, p, &len);
      pos = p;
      continue;
    }
    std::string_view w = s.substr(start, pos - start);
    pos = start;
    ++dist;
    Cue cue = ClassifyAt(s, start, w);
    if (cue == Cue::kBreak) {
      dist += 3;
      continue;
    }
    if (cue == Cue::kNone) continue;
    if (cue == Cue::kPast) {
      std::string_view before;
      size_t q = pos;
      while (q > 0 && s[q - 1] == ' ') --q;
      size_t r = q;
      while (r > 0 && IsAsciiAlpha(static_cast<unsigned char>(s[r - 1]))) --r;
      before = s.substr(r, q - r);
      if (IsBe(before)) continue;
    }
    hit.distance = dist;
    hit.cue = cue;
    return hit;
  }
  return hit;
}

Tense TenseOf(Cue cue) {
  switch (cue) {
    case Cue::kPast:
      return Tense::kPast;
    case Cue::kPresent:
      return Tense::kPresent;
    case Cue::kFuture:
      return Tense::kFuture;
    default:
      return Tense::kUnknown;
  }
}

// ---------------------------------------------------------------------------
// Trigger words: one cheap pass over a sentence sets these bits; a table row
// runs only when the bits it needs are all present.

enum : unsigned {
  kDigitT = 1u << 0,
  kMonthT = 1u << 1,
  kWeekdayT = 1u << 2,
  kRelDayT = 1u << 3,
  kUnitT = 1u << 4,
  kRefT = 1u << 5,
  kClockT = 1u << 6,
  kSetT = 1u << 7,
  kPartT = 1u << 8,
  kModT = 1u << 9,        // last, this, next, coming, past, previous, following
  kAgoT = 1u << 10,       // ago
  kShiftT = 1u << 11,     // later, earlier, afterwards, before, prior
  kQuarterT = 1u << 12,   // quarter(s), period
  kSeasonT = 1u << 13,    // spring, summer, fall, autumn, winter
  kYearWordT = 1u << 14,  // year, years, fiscal
  kYearT = 1u << 15,      // four digits that may be a year (1000-2999)
  kApproxT = 1u << 16,    // nearly, about, more, at least, over, ...
  kRefAdjT = 1u << 17,    // recent, current, future
  kWeekendT = 1u << 18,   // weekend
  kSpelledT = 1u << 19,   // nineteen, eighteen, twenty, thousand
  kHolidayT = 1u << 20,   // christmas, thanksgiving, halloween, ...
  kNumT = 1u << 21,       // a digit or a number word of 3+ letters
};

const std::unordered_map<std::string_view, unsigned>& TriggerWords() {
  static const auto* const kMap = [] {
    auto* m = new std::unordered_map<std::string_view, unsigned>();
    for (const char* w :
         {"january", "february", "march",     "april",   "may",      "june",
          "july",    "august",   "september", "october", "november", "december",
          "jan",     "feb",      "mar",       "apr",     "jun",      "jul",
          "aug",     "sep",      "sept",      "oct",     "nov",      "dec"}) {
      (*m)[w] |= kMonthT;
    }
    for (const char* w : {"monday", "tuesday", "wednesday", "thursday",
                          "friday", "saturday", "sunday", "mondays",
                          "tuesdays", "wednesdays", "thursdays", "fridays",
                          "saturdays", "sundays"}) {
      (*m)[w] |= kWeekdayT;
    }
    for (const char* w : {"yesterday", "today", "tomorrow", "tonight"}) {
      (*m)[w] |= kRelDayT;
    }
    for (const char* w :
         {"second",  "seconds",   "minute",  "minutes", "hour",    "hours",
          "day",     "days",      "week",    "weeks",   "weekend", "weekends",
          "month",   "months",    "year",    "years",   "decade",  "decades",
          "century", "centuries", "quarter", "quarters"}) {
      (*m)[w] |= kUnitT;
    }
    for (const char* w : {"quarter", "quarters", "period"}) {
      (*m)[w] |= kQuarterT;
    }
    for (const char* w : {"spring", "summer", "fall", "autumn", "winter"}) {
      (*m)[w] |= kSeasonT;
    }
    for (const char* w : {"year", "years", "fiscal"}) (*m)[w] |= kYearWordT;
    for (const char* w :
         {"nearly", "almost", "about", "around", "roughly", "approximately",
          "some", "more", "less", "fewer", "least", "most", "over", "within",
          "under", "just", "upwards"}) {
      (*m)[w] |= kApproxT;
    }
    for (const char* w : {"recent", "current", "future"}) (*m)[w] |= kRefAdjT;
    (*m)["weekend"] |= kWeekendT;
    for (const char* w :
         {"one",      "two",      "three",   "four",    "five",      "six",
          "seven",    "eight",    "nine",    "ten",     "eleven",    "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen", "twenty",   "thirty",  "forty",   "fifty",     "sixty",
          "seventy",  "eighty",   "ninety",  "hundred", "few",       "several",
          "many",     "couple"}) {
      (*m)[w] |= kNumT;
    }
    for (const char* w : {"nineteen", "eighteen", "twenty", "thousand",
                          "twenties", "thirties", "forties", "fifties",
                          "sixties", "seventies", "eighties", "nineties"}) {
      (*m)[w] |= kSpelledT;
    }
    for (const char* w : {"christmas", "thanksgiving", "halloween", "election",
                          "independence", "valentine", "year"}) {
      (*m)[w] |= kHolidayT;
    }
    for (const char* w :
         {"now", "currently", "nowadays", "presently", "recently", "lately",
          "past", "future", "recent", "coming", "upcoming", "current", "term"}) {
      (*m)[w] |= kRefT;
    }
    for (const char* w : {"noon", "midday", "midnight"}) (*m)[w] |= kClockT;
    for (const char* w :
         {"daily", "weekly", "monthly", "annually", "yearly", "nightly",
          "hourly", "every", "each", "once", "twice", "thrice", "times"}) {
      (*m)[w] |= kSetT;
    }
    for (const char* w : {"last", "this", "next", "coming", "past", "previous",
                          "following", "first", "early", "final"}) {
      (*m)[w] |= kModT;
    }
    (*m)["ago"] |= kAgoT;
    for (const char* w :
         {"later", "earlier", "afterwards", "before", "after", "prior"}) {
      (*m)[w] |= kShiftT;
    }
    for (const char* w : {"morning", "afternoon", "evening", "night"}) {
      (*m)[w] |= kPartT;
    }
    return m;
  }();
  return *kMap;
}

unsigned Triggers(std::string_view text) {
  const auto& words = TriggerWords();
  unsigned have = 0;
  size_t i = 0;
  std::array<char, 12> buf;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (IsDigit(c)) {
      have |= kDigitT | kNumT;
      size_t j = i;
      while (j < text.size() && IsDigit(static_cast<unsigned char>(text[j]))) {
        ++j;
      }
      if (j - i == 4 && (text[i] == '1' || text[i] == '2')) {
        have |= kYearT;
      }
      i = j;
    } else if (IsAsciiAlpha(c)) {
      size_t j = i;
      while (j < text.size() &&
             IsAsciiAlpha(static_cast<unsigned char>(text[j])))
        ++j;
      std::string_view l = LowerInto(text.substr(i, j - i), buf);
      if (l.size() >= 3) {
        if (auto it = words.find(l); it != words.end()) have |= it->second;
      } else if (l == "up") {  // "up to ten days"
        have |= kApproxT;
      }
      i = j;
    } else {
      ++i;
    }
  }
  return have;
}

// ---------------------------------------------------------------------------
// The table.

constexpr int kMaxGroups = 5;

struct Match {
  std::string_view sentence;
  std::array<std::string_view, kMaxGroups + 1> g;  // g[0]: whole match
  size_t end = 0;  // of the whole match, in the sentence
};

using ParseFn = bool (*)(const Match&, ParsedTimex*);

struct Row {
  const char* name;
  std::string regex;
  unsigned needs;
  int span_group;  // 0: the whole match; n: submatch n is the expression
  ParseFn parse;
};

// The next word after the match, or empty (punctuation or the end).
std::string_view NextWord(const Match& m) {
  if (m.end >= m.sentence.size() || m.sentence[m.end] != ' ') return {};
  std::string_view w;
  return WordAfter(m.sentence, m.end, &w) ? w : std::string_view();
}

bool NextWordIsIn(const Match& m,
                  std::initializer_list<std::string_view> words) {
  std::string_view w = NextWord(m);
  for (std::string_view x : words) {
    if (EqualsLower(w, x)) return true;
  }
  return false;
}

bool ParseMonthDayYear(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kDate;
  p->month = MonthNumber(m.g[1]);
  p->day = NumberValue(m.g[2]);
  p->year = NumberValue(m.g[3]);
  return p->month > 0;
}

bool ParseDayMonthYear(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kDate;
  p->day = NumberValue(m.g[1]);
  p->month = MonthNumber(m.g[2]);
  p->year = NumberValue(m.g[3]);
  return p->month > 0;
}

bool ParseIso(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kDate;
  p->year = NumberValue(m.g[1]);
  p->month = NumberValue(m.g[2]);
  p->day = NumberValue(m.g[3]);
  return true;
}

bool ParseSlashed(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kDate;
  int a = NumberValue(m.g[1]), b = NumberValue(m.g[2]);
  // US order unless the first number cannot be a month.
  p->month = a > 12 ? b : a;
  p->day = a > 12 ? a : b;
  p->year = NumberValue(m.g[3]);
  return true;
}

bool ParseMonthYear(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kMonth;
  p->month = MonthNumber(m.g[1]);
  p->year = NumberValue(m.g[2]);
  return p->month > 0;
}

bool ParseMonthDay(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kDate;
  p->month = MonthNumber(m.g[1]);
  p->day = NumberValue(m.g[2]);
  // "last Oct. 23": the past one; "next March 4": the coming one.
  if (m.g[0].size() > 5) {
    std::array<char, 8> buf;
    std::string_view w = LowerInto(m.g[0].substr(0, 5), buf);
    if (w == "last ") p->tense = Tense::kPast;
    if (w == "next ") p->tense = Tense::kFuture;
  }
  return p->month > 0;
}

// The second day of "April 24 and 25", "May 3 or 4": g1 month, g2 the
// day (the expression). Not a count ("March 3 and 4 percent").
bool ParseSecondDayOfMonth(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kDate;
  p->month = MonthNumber(m.g[1]);
  p->day = NumberValue(m.g[2]);
  if (m.end < m.sentence.size() && m.sentence[m.end] == '%') return false;
  std::string_view next = NextWord(m);
  if (!next.empty() && IsAsciiAlpha(static_cast<unsigned char>(next[0])) &&
      !(next[0] >= 'A' && next[0] <= 'Z') &&
      !NextWordIsIn(m, {"and", "or", "to", "in", "at", "when", "as", "the",
                        "of", "on", "for", "with", "after", "before", "but",
                        "was", "were", "is", "are", "will", "would"})) {
    return false;
  }
  return p->month > 0 && p->day >= 1 && p->day <= 31;
}

// "the week of March 6", "the week of May 4, 2025": g1 month, g2 day,
// g3 year (optional).
bool ParseWeekOfDate(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kDate;
  p->month = MonthNumber(m.g[1]);
  p->day = NumberValue(m.g[2]);
  p->year = m.g[3].empty() ? 0 : NumberValue(m.g[3]);
  p->week_of = true;
  return p->month > 0;
}

bool ParseDayMonth(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kDate;
  p->day = NumberValue(m.g[1]);
  p->month = MonthNumber(m.g[2]);
  return p->month > 0;
}

bool ParseMonthOnly(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kMonth;
  p->month = MonthNumber(m.g[1]);
  return p->month > 0;
}

bool ParseMonthAfterPreposition(const Match& m, ParsedTimex* p) {
  if (!ParseMonthOnly(m, p)) return false;
  // "May" is also a name ("a speech by May"): only when nothing that could
  // be a verb follows.
  if (p->month == 5 && !NextWord(m).empty() &&
      !NextWordIsIn(m, {"and", "or", "to", "this", "last", "next", "when", "as",
                        "the", "of", "in", "on", "at", "that", "for", "with",
                        "after", "before", "because", "but", "from", "until",
                        "while", "amid", "if", "a", "an"})) {
    return false;
  }
  return true;
}

// A month name with no preposition: "the October vote", "figures for
// June". Not "March" as a noun or verb ("the March for Peace", "to march
// on"): capitalised and not followed by a preposition.
bool ParseBareMonth(const Match& m, ParsedTimex* p) {
  if (!ParseMonthOnly(m, p)) return false;
  if (p->month == 3 && NextWordIsIn(m, {"for", "of", "on", "to", "through",
                                        "against", "from", "in"})) {
    return false;
  }
  return true;
}

bool ParseYear(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kYear;
  p->year = NumberValue(m.g[1]);
  if (m.end < m.sentence.size() && m.sentence[m.end] == '%') return false;
  return true;
}

// "the first half of 2024", "the second/last/latter half of 2024": g1
// which half, g2 year.
bool ParseHalfOfYear(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kYear;
  p->year = NumberValue(m.g[2]);
  p->half_year = EqualsLower(m.g[1], "first") ? 1 : 2;
  return true;
}

// "of 2000 people", "by 2000 votes": a count, not a year.
bool ParseYearAfterWeakPreposition(const Match& m, ParsedTimex* p) {
  if (!ParseYear(m, p)) return false;
  std::string_view next = NextWord(m);
  if (next.empty() || !IsAsciiAlpha(static_cast<unsigned char>(next[0])) ||
      (next[0] >= 'A' && next[0] <= 'Z')) {
    return true;
  }
  return NextWordIsIn(
      m, {"and",    "or",  "to",      "until",  "when",    "as",   "the",
          "a",      "in",  "on",      "at",     "for",     "with", "after",
          "before", "but", "onwards", "onward", "through", "was",  "were",
          "is",     "had", "have",    "will"});
}

// A year with no preposition: "the 2019 budget", "2018 and 2019". Not an
// amount ("$2000", "2,019") nor a count ("2019 shells", "1500 people"): a
// lowercase word after it must not be a plural noun.
bool ParseLoneYear(const Match& m, ParsedTimex* p) {
  if (!ParseYear(m, p)) return false;
  const size_t start = static_cast<size_t>(m.g[0].data() - m.sentence.data());
  const std::string_view before = m.sentence.substr(0, start);
  // "the post-1959 politics", "pre-1990 levels".
  const bool prefixed = before.ends_with("post-") || before.ends_with("Post-") ||
                        before.ends_with("pre-") || before.ends_with("Pre-");
  if (prefixed) return true;
  if (start > 0) {
    const char b = m.sentence[start - 1];
    if (b == '$' || b == '#' || b == ',' || b == '.' || b == '-' ||
        b == '/' || b == ':') {
      return false;
    }
  }
  if (m.end < m.sentence.size()) {
    const char a = m.sentence[m.end];
    if (a == ',' || a == '.' || a == '-' || a == '/' || a == ':') {
      // "1,995" and "19.95" are numbers; a comma or full stop followed by
      // a space ends the year.
      if (m.end + 1 >= m.sentence.size() || m.sentence[m.end + 1] != ' ') {
        return false;
      }
    }
  }
  std::string_view next = NextWord(m);
  if (next.empty() || !IsAsciiAlpha(static_cast<unsigned char>(next[0])) ||
      (next[0] >= 'A' && next[0] <= 'Z')) {
    return true;
  }
  if (NextWordIsIn(m, {"and", "or", "to", "is", "was", "were", "will"})) {
    return true;
  }
  if (next.size() > 2 && next.back() == 's' && !next.ends_with("ss")) {
    return false;
  }
  return !NextWordIsIn(m, {"people", "men", "women", "children", "police",
                           "staff", "feet", "head", "cattle", "personnel",
                           "troops", "strong", "million", "billion"});
}

// "the nineties", "the '80s", "the 70s": a decade of the 1900s. g1 the
// spelled decade or g2 its two digits.
bool ParseShortDecade(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kDecade;
  if (!m.g[2].empty()) {
    p->year = 190 + (m.g[2][0] - '0');
    return true;
  }
  std::array<char, 12> buf;
  const std::string_view w = LowerInto(m.g[1], buf);
  static constexpr std::string_view kNames[] = {
      "twenties", "thirties", "forties", "fifties",
      "sixties",  "seventies", "eighties", "nineties"};
  for (int i = 0; i < 8; ++i) {
    if (w == kNames[i]) {
      p->year = 192 + i;
      return true;
    }
  }
  return false;
}

bool ParseDecade(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kDecade;
  p->year = NumberValue(m.g[1]);
  return true;
}

bool ParseWeekday(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kWeekday;
  std::array<char, 12> buf;
  std::string_view mod = LowerInto(m.g[1], buf);
  // "the previous Friday", "the following Monday": from the day the text
  // named last.
  if (mod == "previous" || mod == "following") p->ref_mode = 1;
  p->shift = (mod == "last" || mod == "past" || mod == "previous")     ? -1
             : (mod == "next" || mod == "coming" || mod == "following") ? 1
                                                                       : 0;
  if (mod == "coming") p->tense = Tense::kFuture;  // read by the caller
  p->weekday = WeekdayNumber(m.g[2]);
  p->part = PartOf(m.g[3]);
  {
    const std::string_view rest = m.sentence.substr(m.end);
    p->possessive = rest.starts_with("'s ") || rest.starts_with("\xE2\x80\x99s ");
  }
  // "as early as Tuesday", "as soon as Monday": a deadline ahead.
  const size_t at = static_cast<size_t>(m.g[0].data() - m.sentence.data());
  const std::string_view before = m.sentence.substr(0, at);
  if (before.ends_with("as early as ") || before.ends_with("as soon as ") ||
      before.ends_with("no later than ")) {
    p->tense = Tense::kFuture;
  }
  // Newspaper titles such as "The Sunday Times".
  if (m.g[3].empty() &&
      NextWordIsIn(m, {"times", "telegraph", "mirror", "express", "post",
                       "herald", "mail", "star", "tribune", "observer"})) {
    return false;
  }
  return p->weekday > 0;
}

// -1 for "yesterday", 1 for "tomorrow", 0 for "today"/"tonight" (lowercase).
int DayShift(std::string_view w) {
  return w == "yesterday" ? -1 : w == "tomorrow" ? 1 : 0;
}

bool ParseRelativeDay(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kRelativeDay;
  std::array<char, 12> buf;
  std::string_view w = LowerInto(m.g[1], buf);
  // "today's world", "the youth of today": the present age, not a day.
  if (w == "today" && m.g[2].empty()) {
    const std::string_view rest = m.sentence.substr(m.end);
    for (std::string_view noun :
         {"world", "youth", "society", "generation", "economy", "children",
          "kids", "standards", "dollars", "terms", "culture", "climate"}) {
      for (std::string_view apos : {"'s ", "\xE2\x80\x99s "}) {
        if (rest.size() >= apos.size() + noun.size() &&
            rest.starts_with(apos) &&
            EqualsLower(rest.substr(apos.size(), noun.size()), noun) &&
            (rest.size() == apos.size() + noun.size() ||
             !IsAsciiAlpha(static_cast<unsigned char>(
                 rest[apos.size() + noun.size()])))) {
          return false;
        }
      }
    }
  }
  p->shift = DayShift(w);
  p->part = w == "tonight" ? PartOfDay::kNight : PartOf(m.g[2]);
  return true;
}

// "afternoon yesterday", "mid-morning today": g1 the part, g2 the day.
bool ParsePartThenRelativeDay(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kRelativeDay;
  std::array<char, 12> buf;
  std::string_view w = LowerInto(m.g[2], buf);
  p->shift = DayShift(w);
  p->part = PartOf(m.g[1]);
  return true;
}

// "by mid-afternoon", "in late morning": that part of the reference day.
// g1 the expression, g2 the part.
bool ParseMidPart(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kRelativeDay;
  p->part = PartOf(m.g[2]);
  return true;
}

bool ParseDayBeforeOrAfter(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kRelativeDay;
  p->shift = EqualsLower(m.g[1], "before yesterday") ? -2 : 2;
  return true;
}

bool ParseThisOrLastPart(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kRelativeDay;
  p->shift = EqualsLower(m.g[1], "last") ? -1 : 0;
  p->part = PartOf(m.g[2]);
  return true;
}

bool ParseRelativeUnit(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kRelativeUnit;
  std::array<char, 8> buf;
  std::string_view mod = LowerInto(m.g[1], buf);
  p->shift = mod == "last" ? -1 : mod == "this" ? 0 : 1;
  p->unit = UnitOf(m.g[2]);
  // "this quarter" (no "early", "the end of"): in a report, the quarter
  // reported on, so it follows the text's quarter like "the quarter".
  if (p->unit == TimeUnit::kQuarter && p->shift == 0 &&
      m.g[0].size() == m.g[1].size() + 1 + m.g[2].size()) {
    p->kind = TimexKind::kPeriodRef;
    p->ref_mode = 2;
  }
  return p->unit != TimeUnit::kNone;
}

// "by year-end", "around year end", "since year's end": g1 preposition.
// The end of the reference's year; "since" looks back to the last one.
bool ParseYearEnd(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kRelativeUnit;
  p->unit = TimeUnit::kYear;
  p->shift = EqualsLower(m.g[1], "since") ? -1 : 0;
  // "by year-end" written as one word names the last day (TimeML's
  // reading on TempEval-3 dev); "around year end" stays the year.
  if (m.g[2].find('-') != std::string_view::npos) {
    p->month = 12;
    p->day = 31;
  }
  // "at year-end levels": an adjective.
  std::string_view next = NextWord(m);
  return next.empty() || !IsAsciiAlpha(static_cast<unsigned char>(next[0])) ||
         NextWordIsIn(m, {"and", "or", "but", "to", "from", "as", "when"});
}

// "the day before" / "the day after" end a clause; "the day before the
// vote" is anchored on an event, which this version does not resolve.
bool EndsClause(const Match& m) {
  return NextWord(m).empty() || NextWordIsIn(m, {"and", "but", "when", "as"});
}

bool ParseAnaphoricDay(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kAnaphoric;
  p->unit = TimeUnit::kDay;
  std::string_view w = m.g[1].empty() ? m.g[2] : m.g[1];
  std::array<char, 12> buf;
  std::string_view l = LowerInto(w, buf);
  p->shift = (l == "previous" || l == "before" || l == "earlier") ? -1 : 1;
  if ((l == "before" || l == "after") && !EndsClause(m)) return false;
  return true;
}

// "the following year", "the previous month", "that same day": g1 the
// direction (empty for "that day"), g2 the unit.
bool ParseAnaphoricUnit(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kAnaphoric;
  p->unit = UnitOf(m.g[2].empty() ? m.g[1] : m.g[2]);
  std::array<char, 12> buf;
  std::string_view l =
      m.g[2].empty() ? std::string_view() : LowerInto(m.g[1], buf);
  // ("the next year" is relative to the reference: the_next_unit.)
  p->shift = l.empty() ? 0 : l == "following" ? 1 : -1;
  return p->unit != TimeUnit::kNone;
}

bool ParseAnaphoricShift(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kAnaphoric;
  p->quantity = NumberValue(m.g[1]);
  p->unit = UnitOf(m.g[2]);
  std::array<char, 12> buf;
  std::string_view l = LowerInto(m.g[3], buf);
  p->shift = (l == "earlier" || l == "before" || l == "prior") ? -1 : 1;
  p->counted = true;
  if ((l == "before" || l == "prior") && !EndsClause(m)) return false;
  return p->quantity > 0 && p->unit != TimeUnit::kNone;
}

bool ParseAgo(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kAgo;
  p->quantity = m.g[1].empty() ? -1 : NumberValue(m.g[1]);
  p->unit = UnitOf(m.g[2]);
  return p->quantity != 0 && p->unit != TimeUnit::kNone;
}

bool ParsePastRef(const Match&, ParsedTimex* p) {
  p->kind = TimexKind::kPastRef;
  return true;
}

bool ParseFutureRef(const Match&, ParsedTimex* p) {
  p->kind = TimexKind::kFutureRef;
  return true;
}

bool ParsePastOrFuture(const Match& m, ParsedTimex* p) {
  p->kind =
      EqualsLower(m.g[2], "past") ? TimexKind::kPastRef : TimexKind::kFutureRef;
  return true;
}

bool ParsePresentRef(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kPresentRef;
  // "now-defunct"
  return !(m.end < m.sentence.size() && m.sentence[m.end] == '-');
}

// Whether the word before the match is an amount ("$2 million", "20%",
// "700 seats"), so that "a year" after it is a rate.
// The word right before the match (letters and digits up to a space),
// or empty.
std::string_view PrevWord(const Match& m) {
  size_t at = static_cast<size_t>(m.g[0].data() - m.sentence.data());
  if (at == 0 || m.sentence[at - 1] != ' ') return {};
  --at;
  size_t from = at;
  while (from > 0 && m.sentence[from - 1] != ' ') --from;
  return m.sentence.substr(from, at - from);
}

bool IsRateBefore(const Match& m) {
  size_t at = static_cast<size_t>(m.g[0].data() - m.sentence.data());
  while (at > 0 && m.sentence[at - 1] == ' ') --at;
  size_t from = at;
  while (from > 0 && m.sentence[from - 1] != ' ') --from;
  std::string_view w = m.sentence.substr(from, at - from);
  if (w.empty()) return false;
  if (IsDigit(static_cast<unsigned char>(w.back())) || w.back() == '%') {
    return true;
  }
  std::array<char, 12> buf;
  std::string_view l = LowerInto(w, buf);
  if (l == "million" || l == "billion" || l == "thousand" || l == "percent" ||
      l == "cents" || l == "dollars") {
    return true;
  }
  // A plural count noun ("seats", "flights") after a number.
  if (l.size() > 3 && l.back() == 's' &&
      IsAsciiAlpha(static_cast<unsigned char>(l[0])) && l != "this" &&
      l != "was" && l != "has" && l != "its" && l != "his" && l != "less" &&
      l != "plus" && l != "times" && l != "across" && l != "unless" &&
      l != "always" && l != "perhaps") {
    size_t q = from;
    while (q > 0 && m.sentence[q - 1] == ' ') --q;
    return q > 0 && IsDigit(static_cast<unsigned char>(m.sentence[q - 1]));
  }
  return false;
}

bool ParseDuration(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kDuration;
  p->quantity = NumberValue(m.g[1]);
  p->unit = UnitOf(m.g[2]);
  // "she could one day lead", "he one day follow": some day ahead, after
  // a subject pronoun or a modal.
  if (p->unit == TimeUnit::kDay && EqualsLower(m.g[1], "one") &&
      m.g[2].size() == 3) {
    const std::string_view before = PrevWord(m);
    for (std::string_view w : {"he", "she", "they", "we", "i", "you", "it",
                               "will", "would", "could", "might", "may", "can",
                               "should", "must"}) {
      if (EqualsLower(before, w) && !NextWordIsIn(m, {"of", "after", "before",
                                                      "later", "earlier"})) {
        p->kind = TimexKind::kFutureRef;
        return true;
      }
    }
  }
  // "a second round": the ordinal, not one second.
  if (p->unit == TimeUnit::kSecond &&
      (EqualsLower(m.g[1], "a") || EqualsLower(m.g[1], "an"))) {
    return false;
  }
  // "$2 million a year", "700 seats a week": a rate, not a duration.
  if (EqualsLower(m.g[1], "a") && IsRateBefore(m)) return false;
  // Ages ("a 6-year-old", "six years old") are not time expressions.
  if (m.end < m.sentence.size()) {
    std::string_view rest = m.sentence.substr(m.end);
    if (rest.starts_with("-old") || rest.starts_with(" old") ||
        rest.starts_with("-olds") || rest.starts_with("-earlier") ||
        rest.starts_with("-ago") || rest.starts_with("-long")) {
      return false;
    }
  }
  // "three quarters of the vote": a fraction.
  if (p->unit == TimeUnit::kQuarter && p->quantity > 0 && p->quantity <= 3 &&
      NextWordIsIn(m, {"of"})) {
    return false;
  }
  return p->quantity != 0 && p->unit != TimeUnit::kNone &&
         p->unit != TimeUnit::kWeekend;
}

// "2 1/2 years", "two and a half hours": g1 number, g2 unit.
// "a minute and a half": g1 empty, g2 unit.
bool ParseHalfDuration(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kDuration;
  p->quantity = m.g[1].empty() ? 1 : NumberValue(m.g[1]);
  p->unit = UnitOf(m.g[2]);
  p->half = true;
  if (m.end < m.sentence.size() && m.sentence.substr(m.end).starts_with("-old")) {
    return false;
  }
  return p->quantity > 0 && p->unit != TimeUnit::kNone &&
         p->unit != TimeUnit::kWeekend && p->unit != TimeUnit::kQuarter &&
         p->unit != TimeUnit::kCentury;
}

bool ParseDurationWithModifier(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kDuration;
  p->quantity = m.g[1].empty() ? 1 : NumberValue(m.g[1]);
  p->unit = UnitOf(m.g[2]);
  // "the past year", "the last month" (no count, one unit): the calendar
  // unit before the reference's, as TimeML reads "last year" (TempEval-3
  // dev annotates them so); "the past week", seven days up to the
  // reference, is valued as the reference's week there.
  if (m.g[1].empty() && !m.g[2].empty() && Lower(m.g[2].back()) != 's' &&
      (p->unit == TimeUnit::kYear || p->unit == TimeUnit::kMonth ||
       p->unit == TimeUnit::kWeek) &&
      m.g[0].size() > 9 &&
      (EqualsLower(m.g[0].substr(0, 9), "the past ") ||
       EqualsLower(m.g[0].substr(0, 9), "the last "))) {
    p->kind = TimexKind::kRelativeUnit;
    p->shift = p->unit == TimeUnit::kWeek ? 0 : -1;
    p->own_tense = true;
    return true;
  }
  // "the first hours", "the early years": a plural without a count.
  if (m.g[1].empty() && !m.g[2].empty() && Lower(m.g[2].back()) == 's') {
    p->quantity = -1;
    // "the early hours of Thursday": a part of the day named after it.
    if (p->unit == TimeUnit::kHour && NextWordIsIn(m, {"of"}) &&
        m.g[0].size() > 10 && EqualsLower(m.g[0].substr(4, 6), "early ")) {
      return false;
    }
  }
  return p->quantity != 0 && p->unit != TimeUnit::kNone &&
         p->unit != TimeUnit::kWeekend;
}

bool ParseUnspecifiedDuration(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kDuration;
  p->quantity = -1;
  p->unit = UnitOf(m.g[1]);
  return p->unit != TimeUnit::kNone;
}

// "a day-long meeting", "a decades-long feud": g1 the unit, singular (one
// unit) or plural (an unspecified number of them).
bool ParseLongAdjective(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kDuration;
  p->unit = UnitOf(m.g[1]);
  p->quantity = m.g[1].ends_with("s") ? -1 : 1;
  return p->unit != TimeUnit::kNone && p->unit != TimeUnit::kQuarter;
}

bool ParseClock(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kClock;
  int h = NumberValue(m.g[1]);
  int mi = m.g[2].empty() ? 0 : NumberValue(m.g[2]);
  if (h < 1 || h > 12 || mi > 59) return false;
  const char ap = Lower(m.g[3].empty() ? 'a' : m.g[3][0]);
  if (ap == 'p' && h != 12) h += 12;
  if (ap == 'a' && h == 12) h = 0;
  p->hour = h;
  p->minute = mi;
  return true;
}

// "4 in the morning", "at 9:30 in the evening", "11 at night": g1 hour,
// g2 minutes, g3 the part of the day.
bool ParseClockWithPart(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kClock;
  int h = NumberValue(m.g[1]);
  const int mi = m.g[2].empty() ? 0 : NumberValue(m.g[2]);
  if (h < 1 || h > 12 || mi > 59) return false;
  const PartOfDay part = PartOf(m.g[3]);
  if (part == PartOfDay::kMorning) {
    if (h == 12) h = 0;
  } else if (part == PartOfDay::kNight) {
    if (h >= 6 && h != 12) h += 12;  // "11 at night"; "2 at night" stays
    if (h == 12) h = 0;
  } else if (h != 12) {
    h += 12;  // afternoon, evening
  }
  p->hour = h;
  p->minute = mi;
  return true;
}

bool Parse24hClock(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kClock;
  p->hour = NumberValue(m.g[2]);
  p->minute = NumberValue(m.g[3]);
  return p->hour <= 24 && p->minute <= 59 && !(p->hour == 24 && p->minute > 0);
}

bool ParseNoonMidnight(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kClock;
  // "high noon": a showdown, not a clock time.
  const size_t at = static_cast<size_t>(m.g[0].data() - m.sentence.data());
  const std::string_view before = m.sentence.substr(0, at);
  if (before.ends_with("high ") || before.ends_with("High ")) return false;
  p->hour = EqualsLower(m.g[1], "midnight") ? 24 : 12;
  return true;
}

bool ParseEvery(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kSet;
  p->quantity = m.g[1].empty() ? 1 : NumberValue(m.g[1]);
  p->unit = UnitOf(m.g[2]);
  // "months" starts like "Monday": only a word in -day names a weekday.
  p->weekday = p->unit == TimeUnit::kNone ? WeekdayNumber(m.g[2]) : 0;
  p->month = p->unit == TimeUnit::kNone && p->weekday == 0 &&
                     IsAsciiAlpha(static_cast<unsigned char>(m.g[2][0])) &&
                     m.g[2][0] >= 'A' && m.g[2][0] <= 'Z'
                 ? MonthNumber(m.g[2])
                 : 0;
  p->part = p->month > 0 ? PartOfDay::kNone : PartOf(m.g[2]);
  if (p->weekday == 0 && p->unit == TimeUnit::kNone && p->month == 0) {
    // "every morning": keep the part of day.
    if (p->part == PartOfDay::kNone) return false;
  } else {
    p->part = PartOfDay::kNone;
  }
  return p->quantity > 0;
}

// "on Tuesdays", "Tuesday nights": g1 weekday, g2 part of day (or empty).
bool ParseWeekdaySet(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kSet;
  p->weekday = WeekdayNumber(m.g[1]);
  p->part = PartOf(m.g[2]);
  return p->weekday > 0;
}

bool ParseSetAdverb(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kSet;
  std::array<char, 12> buf;
  std::string_view w = LowerInto(m.g[1], buf);
  p->unit = w == "hourly"                    ? TimeUnit::kHour
            : w == "daily" || w == "nightly" ? TimeUnit::kDay
            : w == "weekly"                  ? TimeUnit::kWeek
            : w == "monthly"                 ? TimeUnit::kMonth
                                             : TimeUnit::kYear;
  return true;
}

bool ParseFrequency(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kSet;
  p->unit = UnitOf(m.g[1]);
  return p->unit != TimeUnit::kNone;
}

int OrdinalValue(std::string_view w) {
  std::array<char, 8> buf;
  std::string_view l = LowerInto(w, buf);
  if (l == "first" || l == "1st") return 1;
  if (l == "second" || l == "2nd") return 2;
  if (l == "third" || l == "3rd") return 3;
  if (l == "fourth" || l == "4th" || l == "final") return 4;
  return 0;
}

// "this year's" -> 0, "last year's" -> -1, "next year's" -> 1.
int YearShift(std::string_view mod) {
  return EqualsLower(mod, "last") ? -1 : EqualsLower(mod, "next") ? 1 : 0;
}

// g1 year, g2 this/last/next (year's), g3 year-ago/earlier, g4 ordinal, g5
// year ("of 2024").
bool ParseQuarter(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kQuarter;
  p->quarter = OrdinalValue(m.g[4]);
  p->year = !m.g[1].empty()   ? NumberValue(m.g[1])
            : !m.g[5].empty() ? NumberValue(m.g[5])
                              : 0;
  p->shift = !m.g[3].empty() ? -1 : YearShift(m.g[2]);
  // "three quarters of the vote" is a fraction; "a quarter" likewise.
  return p->quarter > 0;
}

// g1 modifier (latest, year-ago, ...), g2 year-ago/earlier, g3 quarter or
// period.
bool ParsePeriodRef(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kPeriodRef;
  std::array<char, 16> buf;
  std::string_view mod = LowerInto(m.g[1], buf);
  const bool year_ago =
      mod.starts_with("year") || !m.g[2].empty() || !m.g[4].empty();
  p->shift = year_ago ? -1 : 0;
  if (mod == "latest" || mod == "most recent") p->ref_mode = 1;
  if (EqualsLower(m.g[0].substr(0, 4), "this")) p->ref_mode = 2;
  if (mod == "current") p->ref_mode = 3;
  p->unit =
      EqualsLower(m.g[3], "quarter") ? TimeUnit::kQuarter : TimeUnit::kNone;
  // "the period" alone is too vague; "the latest period" is not.
  if (p->unit == TimeUnit::kNone && mod.empty() && !year_ago) return false;
  // "the quarter-point cut", "the quarter-century".
  if (m.end < m.sentence.size() && m.sentence[m.end] == '-') return false;
  if (NextWordIsIn(m, {"of", "mile", "miles", "point", "points", "century",
                       "inch", "hour"})) {
    return false;
  }
  return true;
}

// "last year's quarter", "last year's period": g1 quarter or period; the
// quarter the text is about, a year back.
bool ParseLastYearsPeriod(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kPeriodRef;
  p->shift = -1;
  p->unit =
      EqualsLower(m.g[1], "quarter") ? TimeUnit::kQuarter : TimeUnit::kNone;
  return !(m.end < m.sentence.size() && m.sentence[m.end] == '-');
}

// "the 2023 period", "the 2023 quarter": g1 year, g2 quarter or period.
bool ParseYearPeriod(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kPeriodRef;
  p->year = NumberValue(m.g[1]);
  p->unit =
      EqualsLower(m.g[2], "quarter") ? TimeUnit::kQuarter : TimeUnit::kNone;
  return true;
}

// "year-ago", "year-earlier" before a noun: the period a year before the
// one the text is about.
bool ParseYearAgoAdjective(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kPeriodRef;
  p->shift = -1;
  return !NextWord(m).empty();
}

int SeasonNumber(std::string_view w) {
  switch (Lower(w.empty() ? ' ' : w[0])) {
    case 's':
      return Lower(w[1]) == 'p' ? 1 : 2;
    case 'f':
    case 'a':
      return 3;
    case 'w':
      return 4;
  }
  return 0;
}

// g1 modifier, g2 "past", g3 season, g4/g5 year.
bool ParseSeason(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kSeason;
  p->season = SeasonNumber(m.g[3]);
  p->year = !m.g[4].empty()   ? NumberValue(m.g[4])
            : !m.g[5].empty() ? NumberValue(m.g[5])
                              : 0;
  std::array<char, 8> buf;
  std::string_view mod = LowerInto(m.g[1], buf);
  if (!m.g[2].empty() || mod == "last" || mod == "past") {
    p->shift = -1;
  } else if (mod == "next" || mod == "coming") {
    p->shift = 1;
  }
  // A season needs a determiner or a year: "prices fall", "spring water".
  if (mod.empty() && m.g[2].empty() && p->year == 0) return false;
  if (p->year == 0 && m.end < m.sentence.size() && m.sentence[m.end] == '-') {
    return false;
  }
  // "the fall of the city", "the spring offensive": only summer and winter
  // are seasons after a bare "the".
  if (p->year == 0 && (mod == "the" || mod == "early" || mod == "late") &&
      (p->season == 1 || p->season == 3 || NextWordIsIn(m, {"of"}))) {
    return false;
  }
  return p->season > 0;
}

bool ParseTheYear(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kTheYear;
  // "the current year", "this fiscal year": the reference's own year, not
  // the last one named.
  std::array<char, 48> buf;
  std::string_view whole = LowerInto(m.g[0], buf);
  // "the end of the year": the year itself, as TimeML values it.
  if (const size_t of = whole.find(" of "); of != std::string_view::npos) {
    whole.remove_prefix(of + 4);
  }
  if (whole.starts_with("this") ||
      whole.find("current") != std::string_view::npos) {
    p->ref_mode = 2;
  }
  // "the year-ago quarter", "the year 2000", "the year before".
  if (m.end < m.sentence.size() && m.sentence[m.end] == '-') return false;
  std::string_view next = NextWord(m);
  if (!next.empty() && IsDigit(static_cast<unsigned char>(next[0]))) {
    return false;
  }
  // "the year two thousand": the spelled year carries it.
  if (NextWordIsIn(m, {"two", "nineteen", "twenty", "eighteen"})) return false;
  if (NextWordIsIn(m, {"ended", "ending", "through", "to"})) {
    // "the year ended June 30": a twelve-month period.
    p->kind = TimexKind::kDuration;
    p->quantity = 1;
    p->unit = TimeUnit::kYear;
    return true;
  }
  return !NextWordIsIn(m, {"before", "after", "earlier", "later", "ago",
                           "since", "when", "in", "of"});
}

// "June last year": g1 month, g2 last/this/next. unit kYear marks the year
// as relative to the reference (shift years).
bool ParseMonthRelativeYear(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kMonth;
  p->month = MonthNumber(m.g[1]);
  p->shift = YearShift(m.g[2]);
  p->unit = TimeUnit::kYear;
  return p->month > 0;
}

// "last October", "this September", "next May": g1 modifier, g2 month.
bool ParseMonthWithModifier(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kMonth;
  p->month = MonthNumber(m.g[2]);
  std::array<char, 8> buf;
  std::string_view mod = LowerInto(m.g[1], buf);
  p->shift = mod == "last" || mod == "past" ? -1 : mod == "next" ? 1 : 0;
  // unit kMonth: the last/next such month; kYear: in the reference year.
  p->unit = p->shift == 0 ? TimeUnit::kYear : TimeUnit::kMonth;
  return p->month > 0;
}

// "nineteen ninety-six", "two thousand": g1 a month, g2 the spelled year.
bool ParseSpelledYear(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kYear;
  if (!m.g[1].empty()) {  // "January nineteen ninety-seven"
    p->kind = TimexKind::kMonth;
    p->month = MonthNumber(m.g[1]);
  }
  std::string_view w = m.g[2];
  // "two thousand years", "twenty twenty-four hours": counts, not years.
  if (UnitOf(NextWord(m)) != TimeUnit::kNone) return false;
  const size_t sp = w.find(' ');
  if (sp == std::string_view::npos) return false;
  std::string_view first = w.substr(0, sp), rest = w.substr(sp + 1);
  if (EqualsLower(first, "two")) {  // "two thousand (and) one"
    p->year = 2000;
    const size_t sp2 = rest.find(' ');
    if (sp2 != std::string_view::npos) {
      std::string_view tail = rest.substr(sp2 + 1);
      if (tail.starts_with("and ")) tail.remove_prefix(4);
      const int n = NumberValue(tail);
      if (n <= 0 || n > 99) return false;
      p->year += n;
    }
    return true;
  }
  const int century = NumberValue(first);
  const int n = NumberValue(rest);
  if (century < 10 || century > 20 || n < 10 || n > 99) return false;
  p->year = century * 100 + n;
  return true;
}

// "the 20th century": g1 the ordinal number.
bool ParseCentury(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kDecade;  // a value of its leading digits
  p->year = NumberValue(m.g[1]) - 1;
  p->unit = TimeUnit::kCentury;
  return p->year >= 0 && p->year <= 30;
}

// Holidays: g1 the name. Fixed dates, or the US rule for Thanksgiving and
// Election Day; resolved like a month and day without a year.
bool ParseHoliday(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kDate;
  std::array<char, 24> buf;
  std::string_view h = LowerInto(m.g[2], buf);
  std::array<char, 8> mbuf;
  std::string_view mod = LowerInto(m.g[1], mbuf);
  if (mod == "last") p->tense = Tense::kPast;
  if (mod == "next") p->tense = Tense::kFuture;
  if (h.starts_with("christmas eve")) {
    p->month = 12, p->day = 24;
  } else if (h.starts_with("christmas")) {
    p->month = 12, p->day = 25;
  } else if (h.starts_with("new year's eve") || h.starts_with("new year\xE2")) {
    p->month = 12, p->day = 31;
  } else if (h.starts_with("new year")) {
    p->month = 1, p->day = 1;
  } else if (h.starts_with("independence")) {
    p->month = 7, p->day = 4;
  } else if (h.starts_with("halloween")) {
    p->month = 10, p->day = 31;
  } else if (h.starts_with("valentine")) {
    p->month = 2, p->day = 14;
  } else if (h.starts_with("thanksgiving")) {
    p->month = 11, p->day = -4;  // the fourth Thursday
  } else if (h.starts_with("election")) {
    p->month = 11, p->day = -2;  // the Tuesday after the first Monday
  } else {
    return false;
  }
  return true;
}

bool ParseTheWeekend(const Match&, ParsedTimex* p) {
  p->kind = TimexKind::kTheWeekend;
  return true;
}

// A bare year after a determiner or possessive: "the 2019 election", "a
// 2021 law", "the party's 2024 manifesto".
bool ParseBareYear(const Match& m, ParsedTimex* p) {
  if (!ParseYear(m, p)) return false;
  if (m.end < m.sentence.size() &&
      (m.sentence[m.end] == '-' || m.sentence[m.end] == ',' ||
       m.sentence[m.end] == '.') &&
      m.end + 1 < m.sentence.size() &&
      IsDigit(static_cast<unsigned char>(m.sentence[m.end + 1]))) {
    return false;
  }
  return !NextWordIsIn(m, {"percent", "per"});
}

bool ParseFiscalYear(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kYear;
  p->year = NumberValue(m.g[1]);
  return true;
}

// "recent", "current", "future" before a noun: PAST_REF, PRESENT_REF,
// FUTURE_REF.
bool ParseRefAdjective(const Match& m, ParsedTimex* p) {
  std::array<char, 16> buf;
  std::string_view w = LowerInto(m.g[1], buf);
  // "the then-current price": current at a time past.
  p->kind = w == "recent" || w.starts_with("then") ? TimexKind::kPastRef
            : w == "current"                       ? TimexKind::kPresentRef
                                                   : TimexKind::kFutureRef;
  std::string_view next = NextWord(m);
  if (next.empty() || !IsAsciiAlpha(static_cast<unsigned char>(next[0])) ||
      (next[0] >= 'A' && next[0] <= 'Z')) {
    return false;
  }
  // "current account", "future contracts": compound nouns that name no time.
  return !NextWordIsIn(m, {"account", "accounts", "contract", "contracts",
                           "tense", "and", "or", "of", "to"});
}

// "nearly two years", "more than three weeks ago": g1 number, g2 unit, g3
// "ago".
bool ParseApproximate(const Match& m, ParsedTimex* p) {
  if (!m.g[3].empty()) {
    p->kind = TimexKind::kAgo;
    p->quantity = NumberValue(m.g[1]);
    p->unit = UnitOf(m.g[2]);
    return p->quantity != 0 && p->unit != TimeUnit::kNone;
  }
  return ParseDuration(m, p);
}

bool ParseRecentUnits(const Match& m, ParsedTimex* p) {
  p->kind = TimexKind::kDuration;
  p->quantity = -1;
  p->unit = UnitOf(m.g[1]);
  return p->unit != TimeUnit::kNone;
}

std::vector<Row> Rows() {
  const std::string mon =
      "((?:January|February|March|April|May|June|July|August|September|"
      "October|November|December)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|"
      "Oct|Nov|Dec)\\.?)";
  // A month at the end of a pattern: a full name or an abbreviation with
  // its dot.
  const std::string mon_end =
      "((?:January|February|March|April|May|June|July|August|September|"
      "October|November|December)\\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|"
      "Sep|Oct|Nov|Dec)\\.)";
  const std::string wd =
      "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
  const std::string wd_prefix =
      "(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? )?";
  const std::string num =
      "(\\d{1,3}(?:,\\d{3})+|\\d+|(?i:a couple of|couple of|a few|several|"
      "many|few|"
      "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|"
      "three|four|five|six|seven|eight|nine)|an?|one|two|three|four|five|six|"
      "seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
      "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
      "eighty|ninety|hundred))";
  const std::string unit =
      "(seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|"
      "decades?|century|centuries)";
  const std::string apos_s = "(?:'|\xE2\x80\x99)s";
  const std::string ord =
      "((?i:first|second|third|fourth|1st|2nd|3rd|4th|final))";
  const std::string year = "((?:1[89]|20)\\d\\d)";
  const std::string part = "(morning|afternoon|evening|night)";
  const unsigned md = kMonthT | kDigitT;
  return {
      // Absolute dates.
      {"month_day_year",
       "\\b" + wd_prefix + mon + " (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b",
       md | kYearT, 0, ParseMonthDayYear},
      {"day_month_year",
       "\\b" + wd_prefix + "(\\d{1,2})(?:st|nd|rd|th)? (?:of )?" + mon +
           ",? (\\d{4})\\b",
       md | kYearT, 0, ParseDayMonthYear},
      {"iso_date", "\\b(\\d{4})-(\\d\\d)-(\\d\\d)\\b", kYearT, 0, ParseIso},
      {"slashed_date", "\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b", kYearT, 0,
       ParseSlashed},
      {"month_year", "\\b(?:(?i:early|mid|late)[- ])?" + mon + " (\\d{4})\\b",
       md | kYearT, 0, ParseMonthYear},
      {"second_day_of_month",
       "\\b" + mon + " \\d{1,2}(?:st|nd|rd|th)? (?:and|or|to) "
       "(\\d{1,2})(?:st|nd|rd|th)?\\b",
       md, 2, ParseSecondDayOfMonth},
      {"week_of_month_day",
       "\\b(?i:the week of) " + mon + " (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b",
       md | kUnitT, 0, ParseWeekOfDate},
      {"month_day",
       "\\b(?:(?i:last|next|this) )?" + wd_prefix + mon +
           " (\\d{1,2})(?:st|nd|rd|th)?\\b",
       md, 0, ParseMonthDay},
      {"day_month",
       "\\b" + wd_prefix + "(\\d{1,2})(?:st|nd|rd|th)? (?:of )?" + mon_end, md,
       0, ParseDayMonth},
      {"part_of_month",
       "\\b(?i:early|mid|late|the end of|the beginning of|the start of|"
       "the middle of)[- ]" +
           mon_end,
       kMonthT, 0, ParseMonthOnly},
      {"month_after_preposition",
       "\\b(?i:in|since|until|till|during|before|after|through|throughout|"
       "from|by) " +
           mon_end,
       kMonthT, 1, ParseMonthAfterPreposition},
      {"bare_month",
       "\\b((?:January|February|March|April|June|July|August|September|"
       "October|November|December)\\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|"
       "Sep|Oct|Nov|Dec)\\.)",
       kMonthT, 0, ParseBareMonth},
      // Years and decades.
      {"part_of_year",
       "\\b(?i:early|mid|late|the end of|the beginning of|the start of|"
       "the middle of)"
       "[- ]" +
           year + "\\b",
       kYearT, 0, ParseYear},
      {"year_end",
       "\\b((?i:by|at|around|since|before|after|until|till|through|toward|"
       "towards|near|from)) ((?i:year(?:-| |" + apos_s + " )end))\\b",
       kYearWordT, 2, ParseYearEnd},
      {"half_of_year",
       "\\b(?i:the (first|second|last|latter) half of) " + year + "\\b",
       kYearT, 0, ParseHalfOfYear},
      {"year_after_preposition",
       "\\b(?i:in|since|until|till|during|before|after|through|throughout|"
       "between|and|both|into|throughout|for) " +
           year + "\\b",
       kYearT, 1, ParseYear},
      {"year_after_weak_preposition",
       "\\b(?i:of|by|from|to|around|circa) " + year + "\\b", kYearT, 1,
       ParseYearAfterWeakPreposition},
      {"lone_year", "\\b((?:19|20)\\d\\d)\\b", kYearT, 0, ParseLoneYear},
      {"decade",
       "\\b(?:(?i:the) )?(?:(?i:early|mid|late)[- ])?((?:1[5-9]|20)\\d)0s\\b",
       kYearT, 0, ParseDecade},
      {"spelled_decade",
       "\\b(?i:the) (?:(?i:early|mid|late)[- ])?((?i:twenties|thirties|"
       "forties|fifties|sixties|seventies|eighties|nineties))\\b()",
       kSpelledT, 0, ParseShortDecade},
      {"short_decade",
       "\\b(?i:the) (?:(?i:early|mid|late)[- ])?()(?:'|\xE2\x80\x99)?([2-9])0s\\b",
       kDigitT, 0, ParseShortDecade},
      // Days relative to the reference.
      {"weekday",
       "\\b(?:(?i:the )?(?i:(last|next|this|coming|past|early|late|previous|"
       "following)) )?" +
           wd +
           "(?: " + part + ")?\\b",
       kWeekdayT, 0, ParseWeekday},
      {"day_before_yesterday",
       "\\b(?i:the day (before yesterday|after tomorrow))\\b", kRelDayT, 0,
       ParseDayBeforeOrAfter},
      {"relative_day",
       "\\b(?:(?i:early|late) )?(?i:(yesterday|today|tomorrow|"
       "tonight))(?: " +
           part + ")?\\b",
       kRelDayT, 0, ParseRelativeDay},
      {"part_then_relative_day",
       "\\b(?:(?i:early|mid|late)[- ]?)?((?i:morning|afternoon|evening|night)) "
       "((?i:yesterday|today|tomorrow))\\b",
       kRelDayT | kPartT, 0, ParsePartThenRelativeDay},
      {"mid_part",
       "\\b(?i:by|in|until|at|around|before|after) ((?i:mid|late|early)[- ]"
       "((?i:morning|afternoon|evening)))\\b",
       kPartT, 1, ParseMidPart},
      {"this_or_last_part", "\\b(?i:(this|last)) " + part + "\\b",
       kPartT | kModT, 0, ParseThisOrLastPart},
      {"relative_unit",
       "\\b(?:(?i:early|late|mid|the end of|"
       "the beginning of|the start of|the middle of|the rest of)[- ])?"
       "(?i:(last|this|next|coming)) (week|weekend|month|quarter|year|"
       "decade)\\b",
       kUnitT | kModT, 0, ParseRelativeUnit},
      {"the_next_unit",
       "\\b(?i:the) (?i:(next|coming)) (week|weekend|month|"
       "year)\\b",
       kUnitT | kModT, 0, ParseRelativeUnit},
      {"anaphoric_day",
       "\\b(?i:the) (?:(?i:(previous|next|following)) day|day (before|after|"
       "earlier|later))\\b",
       kUnitT, 0, ParseAnaphoricDay},
      {"anaphoric_unit",
       "\\b(?i:the) (?i:(following|previous|preceding|prior)) "
       "(?i:(week|month|year))\\b()",
       kUnitT, 0, ParseAnaphoricUnit},
      {"that_day", "\\b(?i:that) (?:(?i:same) )?(?i:(day))\\b()()", kUnitT, 0,
       ParseAnaphoricUnit},
      {"anaphoric_shift",
       "\\b" + num +
           " (days?|weeks?|months?|years?) (?i:(later|earlier|"
           "afterwards|before|prior))\\b",
       kUnitT | kShiftT, 0, ParseAnaphoricShift},
      {"ago", "\\b(?:" + num + " )?" + unit + " (?:(?i:or so) )?(?i:ago)\\b",
       kUnitT | kAgoT, 0, ParseAgo},
      // General references.
      {"recently", "\\b(?i:recently|lately)\\b", kRefT, 0, ParsePastRef},
      {"the_past_or_future", "\\b(?i:in|for) ((?i:the) (past|future))\\b",
       kRefT, 1, ParsePastOrFuture},
      {"the_future",
       "\\b(?i:the) (?:(?i:near|distant|foreseeable|immediate) )?(?i:future|"
       "(?:near|short) term)\\b",
       kRefT, 0, ParseFutureRef},
      {"recent_units", "\\b(?i:recent) (days|weeks|months|quarters|years)\\b",
       kRefT | kUnitT, 0, ParseRecentUnits},
      {"units_ahead",
       "\\b(?i:the) ((?i:days|weeks|months|years)) (?i:ahead)\\b", kUnitT, 0,
       ParseUnspecifiedDuration},
      {"past_units",
       "\\b(?i:in|over|during) ((?i:past|previous|earlier) (?:days|weeks|"
       "months|quarters|years|decades))\\b",
       kUnitT | kModT, 1, ParsePastRef},
      {"a_later_date",
       "\\b(?i:at|on|until|to) ((?i:a) (?i:later) (?i:date|time|stage))\\b",
       kShiftT, 1, ParseFutureRef},
      {"the_coming_units",
       "\\b(?i:the) (?i:coming) (?:days|weeks|months|years)\\b", kRefT | kUnitT,
       0, ParseFutureRef},
      {"coming_units",
       "\\b(?i:in|for|over|during|within) ((?i:coming|upcoming) (?:days|weeks|"
       "months|quarters|years))\\b",
       kRefT | kUnitT, 1, ParseFutureRef},
      {"present",
       "\\b(?:(?i:right) )?(?i:now|currently|nowadays|presently|"
       "these days)\\b",
       kRefT, 0, ParsePresentRef},
      // Durations.
      {"duration_with_modifier",
       "\\b(?i:the) (?i:past|last|next|coming|first|early|final)(?: " + num +
           ")? " + unit + "\\b",
       kUnitT | kModT, 0, ParseDurationWithModifier},
      {"duration",
       "\\b" + num +
           "(?: (?i:more|additional|extra|further|trading|business|working))?"
           "[- ]" +
           unit + "\\b",
       kUnitT, 0, ParseDuration},
      {"long_adjective",
       "\\b(?i:(days?|weeks?|months?|years?|decades?|centuries|century|"
       "hours?))-long\\b",
       kUnitT, 0, ParseLongAdjective},
      {"duration_half",
       "\\b" + num + "(?: and a half| 1/2|-and-a-half)[- ]" + unit + "\\b",
       kUnitT, 0, ParseHalfDuration},
      {"unit_and_a_half",
       "\\b(?i:an?|one) ()(second|minute|hour|day|week|month|year|decade) "
       "(?i:and a half)\\b",
       kUnitT, 0, ParseHalfDuration},
      {"for_units",
       "\\b(?i:for) (years|months|decades|centuries|weeks|days|hours|"
       "minutes)\\b",
       kUnitT, 1, ParseUnspecifiedDuration},
      // Clock times.
      {"clock", "\\b(\\d{1,2})(?:[:.](\\d\\d))? ?([AaPp])\\.?[Mm]\\b\\.?",
       kDigitT, 0, ParseClock},
      {"clock_with_part",
       "\\b(\\d{1,2})(?:[:.](\\d\\d))? (?i:in the|at) "
       "((?i:morning|afternoon|evening|night))\\b",
       kDigitT | kPartT, 0, ParseClockWithPart},
      {"clock_24h",
       "\\b(?i:at|by|until|from|before|after|around) ((\\d{1,2}):(\\d\\d))\\b",
       kDigitT, 1, Parse24hClock},
      {"noon", "\\b(?i:(noon|midday|midnight))\\b", kClockT, 0,
       ParseNoonMidnight},
      // Sets.
      {"every",
       "\\b(?i:every|each) (?:(other|\\d+|two|three|four|five|six|seven|"
       "eight|nine|ten|twelve) )?(seconds?|minutes?|hours?|days?|weeks?|"
       "months?|quarters?|years?|decades?|Monday|Tuesday|Wednesday|Thursday|"
       "Friday|Saturday|Sunday|morning|afternoon|evening|night|January|"
       "February|March|April|May|June|July|August|September|October|"
       "November|December)\\b",
       kSetT, 0, ParseEvery},
      {"weekday_set", "\\b" + wd + "(?:s|(?: " + part + ")s)\\b", kWeekdayT,
       0, ParseWeekdaySet},
      {"set_adverb",
       "\\b(?i:(daily|weekly|monthly|annually|yearly|nightly|hourly))\\b",
       kSetT, 0, ParseSetAdverb},
      {"frequency",
       "\\b(?i:once|twice|thrice|(?:\\d+|two|three|four|five|six|seven|eight|"
       "nine|ten) times) (?i:a|an|per|each|every) (second|minute|hour|day|"
       "week|month|year|decade)\\b",
       kSetT | kUnitT, 0, ParseFrequency},
      // Quarters and periods (business reporting).
      {"quarter",
       "\\b(?:(?i:the) )?(?:(?:" + year + "(?:" + apos_s +
           ")?|(?i:(this|last|next)) (?i:year)" + apos_s +
           "|((?i:year-ago|year-earlier))) )?(?:(?i:fiscal|calendar) )?" + ord +
           " (?:(?i:fiscal) )?(?i:quarter)\\b(?: (?i:of) (?:(?i:fiscal) )?" +
           year + "\\b)?",
       kQuarterT, 0, ParseQuarter},
      {"quarter_adjective",
       "\\b(?:(?:" + year + "|(?i:(this|last|next)) (?i:year)" + apos_s +
           "|((?i:year-ago|year-earlier))) )?(?:(?i:fiscal) )?" + ord +
           "-(?i:quarter)\\b()",
       kQuarterT, 0, ParseQuarter},
      {"period_ref",
       "\\b(?i:the|this|that) (?:(?i:(latest|current|same|comparable|"
       "corresponding|most recent|recent|previous|prior|preceding|year-ago|"
       "year-earlier|year earlier)) )?(?:(?i:(year-ago|year-earlier)) )?(?i:(quarter|"
       "period))\\b(?: ((?i:a year (?:ago|earlier)|last year)))?\\b",
       kQuarterT, 0, ParsePeriodRef},
      {"last_years_period",
       "\\b(?i:last year)" + apos_s + " (?i:(quarter|period))\\b",
       kQuarterT, 0, ParseLastYearsPeriod},
      {"year_period", "\\b(?i:the) " + year + " (?i:(quarter|period))\\b",
       kQuarterT | kYearT, 0, ParseYearPeriod},
      {"year_ago_adjective", "\\b(?i:year-(?:ago|earlier))\\b", kYearWordT, 0,
       ParseYearAgoAdjective},
      // Seasons.
      {"season",
       "\\b(?:(?i:(last|this|next|coming|past|the|early|late)) "
       ")?(?:(?i:(past)) "
       ")?((?i:spring|summer|fall|autumn|winter))(?: (?i:of) " +
           year + "|,? " + year + ")?\\b",
       kSeasonT, 0, ParseSeason},
      // The year the text is about.
      {"the_year",
       "\\b(?:(?i:the end|the beginning|the start|the middle) (?i:of) )?"
       "(?i:the|this|that) (?:(?i:current|latest|same|full|entire|whole) "
       ")?(?:(?i:fiscal|calendar) )?(?i:year)\\b",
       kYearWordT, 0, ParseTheYear},
      {"fiscal_year", "\\b(?i:fiscal) " + year + "\\b", kYearWordT | kYearT, 0,
       ParseFiscalYear},
      {"month_with_modifier", "\\b(?i:(last|this|next|past)) " + mon_end,
       kMonthT | kModT, 0, ParseMonthWithModifier},
      {"spelled_year",
       "\\b(?:" + mon +
           " )?((?i:nineteen|eighteen|twenty) (?i:(?:twenty|thirty|forty|fifty|"
           "sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|"
           "seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|"
           "sixteen|seventeen|eighteen|nineteen)|(?i:two thousand(?: (?:and "
           ")?(?:"
           "one|two|three|four|five|six|seven|eight|nine|ten))?))\\b",
       kSpelledT, 0, ParseSpelledYear},
      {"century",
       "\\b(?:(?i:the) )?(\\d{1,2})(?:st|nd|rd|th)[- ](?i:century)\\b",
       kUnitT | kDigitT, 0, ParseCentury},
      {"holiday",
       "\\b(?:(?i:(last|this|next)) )?((?:Christmas|New "
       "Year(?:'|\\xE2\\x80\\x99)s|"
       "Thanksgiving)(?: (?:Day|Eve))?|(?:Independence|Election|"
       "Valentine(?:'|\\xE2\\x80\\x99)s) Day|Halloween)\\b",
       kHolidayT, 0, ParseHoliday},
      {"month_relative_year",
       "\\b" + mon_end + " (?i:(last|this|next)) (?i:year)\\b", kMonthT | kModT,
       0, ParseMonthRelativeYear},
      {"the_weekend", "\\b(?i:the) (?i:weekend)\\b", kWeekendT, 0,
       ParseTheWeekend},
      // Bare years after a determiner or a possessive.
      {"year_after_determiner",
       "\\b(?i:the|a|an|its|their|his|her|our|this|that|whose) " + year + "\\b",
       kYearT, 1, ParseBareYear},
      {"year_after_possessive", apos_s + " " + year + "\\b", kYearT, 1,
       ParseBareYear},
      {"ref_adjective", "\\b((?i:(?:then[- ])?current))\\b", kRefAdjT, 0,
       ParseRefAdjective},
      // Approximate durations and the article of a duration.
      {"approximate",
       "\\b(?i:nearly|almost|about|around|roughly|approximately|some|"
       "more than|less than|fewer than|at least|at most|up to|no more than|"
       "over|under|just over|just under|upwards of) " +
           num + " " + unit + "\\b(?: ((?i:ago))\\b)?",
       kApproxT | kUnitT, 0, ParseApproximate},
      {"the_duration",
       "\\b(?i:the) (?:(?i:first|latest|final|initial|entire|full|whole|same|"
       "year-earlier|year-ago|last|past|next|coming|previous|following) )?" +
           num + " " + unit + "\\b",
       kUnitT | kNumT, 0, ParseDuration},
  };
}

struct Candidate {
  ParsedTimex parsed;
  uint32_t row = 0;
};

// Where the word right before `start` (one space between) begins, if it is
// one of `words` (lower case); otherwise nullopt.
std::optional<uint32_t> WordBefore(std::string_view text, uint32_t start,
                                   std::initializer_list<std::string_view> words) {
  if (start < 2 || text[start - 1] != ' ') return std::nullopt;
  uint32_t b = start - 1;
  while (b > 0 && IsAsciiAlpha(static_cast<unsigned char>(text[b - 1]))) --b;
  if (b > 0 && (IsDigit(static_cast<unsigned char>(text[b - 1])) ||
                text[b - 1] == '-')) {
    return std::nullopt;
  }
  const std::string_view w = text.substr(b, start - 1 - b);
  for (std::string_view c : words) {
    if (EqualsLower(w, c)) return b;
  }
  return std::nullopt;
}

// The modifier words TimeML counts as part of an expression, where the
// table's patterns leave them out: "earlier"/"later" before a part of the
// present or of an anaphoric period ("earlier this month", "later that
// year", "earlier yesterday"), and an approximation before a point in time
// ("around Nov. 1", "around 7:15 p.m."). Weeks and weekdays stay without
// "earlier" ("earlier this week", "earlier Friday"), as annotated.
uint32_t ModifiedStart(std::string_view text, const ParsedTimex& p) {
  const std::string_view expr = text.substr(p.start, p.end - p.start);
  auto starts = [&](std::string_view w) {
    return expr.size() >= w.size() && EqualsLower(expr.substr(0, w.size()), w);
  };
  const bool this_or_that = (starts("this ") || starts("that ")) &&
                            !starts("this week") && !starts("that week");
  if (this_or_that || p.kind == TimexKind::kRelativeDay) {
    if (auto b = WordBefore(text, p.start, {"earlier", "later"})) return *b;
  }
  const bool point =
      p.kind == TimexKind::kDate || p.kind == TimexKind::kClock ||
      (p.kind == TimexKind::kRelativeUnit && p.unit == TimeUnit::kYear &&
       p.shift == 0 && !this_or_that && expr.ends_with("end"));
  if (point) {
    if (auto b = WordBefore(text, p.start, {"around"})) return *b;
  }
  // "the year 2000", "the year two thousand".
  if (p.kind == TimexKind::kYear && p.start >= 9 &&
      EqualsLower(text.substr(p.start - 9, 9), "the year ") &&
      (p.start == 9 || text[p.start - 10] == ' ')) {
    return p.start - 9;
  }
  return p.start;
}

// Where an expression ends with "or so" ("the next year or so").
uint32_t ModifiedEnd(std::string_view text, const ParsedTimex& p) {
  if (p.kind != TimexKind::kDuration && p.kind != TimexKind::kRelativeUnit) {
    return p.end;
  }
  const std::string_view rest = text.substr(p.end);
  if (rest.size() >= 6 && EqualsLower(rest.substr(0, 6), " or so") &&
      (rest.size() == 6 || !IsAsciiAlpha(static_cast<unsigned char>(rest[6])))) {
    return p.end + 6;
  }
  return p.end;
}

}  // namespace

Tense TenseAround(std::string_view sentence, uint32_t start, uint32_t end) {
  start = std::min<uint32_t>(start, sentence.size());
  end = std::min<uint32_t>(std::max(start, end), sentence.size());
  CueHit left = ScanLeft(sentence, start);
  CueHit right = ScanRight(sentence, end);
  if (left.cue == Cue::kNone && right.cue == Cue::kNone) {
    return Tense::kUnknown;
  }
  return TenseOf(left.distance <= right.distance ? left.cue : right.cue);
}

bool FutureCueNextTo(std::string_view sentence, uint32_t start, uint32_t end) {
  start = std::min<uint32_t>(start, sentence.size());
  end = std::min<uint32_t>(std::max(start, end), sentence.size());
  const CueHit left = ScanLeft(sentence, start);
  const CueHit right = ScanRight(sentence, end);
  return (left.cue == Cue::kFuture && left.distance <= 2) ||
         (right.cue == Cue::kFuture && right.distance <= 1);
}

struct TimexRecognizer::Table {
  struct Compiled {
    std::unique_ptr<RE2> re;
    unsigned needs;
    int span_group;
    int ngroups;
    ParseFn parse;
  };
  std::vector<Compiled> rows;
  bool ok = true;
};

TimexRecognizer::TimexRecognizer() {
  auto t = std::make_unique<Table>();
  RE2::Options opts;
  opts.set_log_errors(false);
  for (Row& r : Rows()) {
    auto re = std::make_unique<RE2>(r.regex, opts);
    const int ngroups = re->ok() ? re->NumberOfCapturingGroups() : 0;
    if (!re->ok() || ngroups > kMaxGroups || r.span_group > ngroups) {
      t->ok = false;
    }
    t->rows.push_back({std::move(re), r.needs, r.span_group,
                       std::min(ngroups, kMaxGroups), r.parse});
  }
  // Build the lazily created word tables now, before any concurrent use.
  CueWords();
  TriggerWords();
  table_ = std::move(t);
}

TimexRecognizer::~TimexRecognizer() = default;

bool TimexRecognizer::ok() const { return table_->ok; }

void TimexRecognizer::Recognize(std::string_view text,
                                std::vector<ParsedTimex>* out) const {
  out->clear();
  if (!table_->ok) return;
  const unsigned have = Triggers(text);
  if (have == 0) return;
  // Candidates live on the stack for ordinary sentences; only a sentence
  // with very many matches spills onto the heap.
  std::array<Candidate, 48> local;
  size_t n = 0;
  std::vector<Candidate> spill;
  auto add = [&](const Candidate& c) {
    if (n < local.size()) {
      local[n++] = c;
    } else {
      spill.push_back(c);
    }
  };
  for (uint32_t r = 0; r < table_->rows.size(); ++r) {
    const auto& row = table_->rows[r];
    if ((have & row.needs) != row.needs) continue;
    std::array<re2::StringPiece, kMaxGroups + 1> sub;
    size_t pos = 0;
    while (pos <= text.size() &&
           row.re->Match(text, pos, text.size(), RE2::UNANCHORED, sub.data(),
                         row.ngroups + 1)) {
      const size_t mstart = static_cast<size_t>(sub[0].data() - text.data());
      const size_t mend = mstart + sub[0].size();
      pos = mend > mstart ? mend : mstart + 1;
      Match m;
      m.sentence = text;
      m.end = mend;
      for (int g = 0; g <= row.ngroups; ++g) {
        m.g[g] = sub[g].data() == nullptr
                     ? std::string_view()
                     : std::string_view(sub[g].data(), sub[g].size());
      }
      std::string_view span = m.g[row.span_group];
      if (span.data() == nullptr) span = m.g[0];
      const size_t s = static_cast<size_t>(span.data() - text.data());
      // "1.5 hours", "2,500 days", "3-4 days": part of a larger number.
      if (s > 0 && IsDigit(static_cast<unsigned char>(text[s]))) {
        const char before = text[s - 1];
        if (IsDigit(static_cast<unsigned char>(before)) || before == '.' ||
            before == ',' || before == '/' ||
            (before == '-' && s > 1 &&
             IsDigit(static_cast<unsigned char>(text[s - 2])))) {
          continue;
        }
      }
      Candidate c;
      c.row = r;
      c.parsed.start = static_cast<uint32_t>(s);
      c.parsed.end = static_cast<uint32_t>(s + span.size());
      if (!row.parse(m, &c.parsed)) continue;
      add(c);
    }
  }
  auto less = [](const Candidate& a, const Candidate& b) {
    if (a.parsed.start != b.parsed.start)
      return a.parsed.start < b.parsed.start;
    if (a.parsed.end != b.parsed.end) return a.parsed.end > b.parsed.end;
    return a.row < b.row;
  };
  auto keep = [&](Candidate* first, Candidate* last) {
    std::sort(first, last, less);
    uint32_t covered = 0;
    for (Candidate* c = first; c != last; ++c) {
      if (c->parsed.start < covered) continue;
      covered = c->parsed.end;
      ParsedTimex p = c->parsed;
      const Tense own = p.tense;
      p.tense = TenseAround(text, p.start, p.end);
      if (own != Tense::kUnknown) {
        p.tense = own;
        p.own_tense = true;
      }
      const uint32_t from = ModifiedStart(text, p);
      const uint32_t before = out->empty() ? 0 : out->back().end;
      if (from >= before) p.start = from;
      p.end = ModifiedEnd(text, p);
      covered = std::max(covered, p.end);
      out->push_back(p);
    }
  };
  if (spill.empty()) {
    keep(local.data(), local.data() + n);
  } else {
    spill.insert(spill.end(), local.begin(), local.begin() + n);
    keep(spill.data(), spill.data() + spill.size());
  }
  // "Monday and Tuesday nights": a weekday joined to a plural one is a set
  // too, with its part of day.
  for (size_t i = out->size(); i-- > 1;) {
    ParsedTimex& a = (*out)[i - 1];
    const ParsedTimex& b = (*out)[i];
    if (b.kind != TimexKind::kSet || b.weekday == 0 ||
        a.kind != TimexKind::kWeekday || a.shift != 0 ||
        a.part != PartOfDay::kNone) {
      continue;
    }
    const std::string_view gap = text.substr(a.end, b.start - a.end);
    if (gap == " and " || gap == " or " || gap == ", " || gap == " to ") {
      a.kind = TimexKind::kSet;
      a.part = b.part;
    }
  }
}

}  // namespace dossier
