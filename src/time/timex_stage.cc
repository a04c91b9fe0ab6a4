#include "time/timex_stage.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "time/calendar.h"

namespace dossier {
namespace {

constexpr char kMonth[] =
    "(January|February|March|April|May|June|July|August|September|October|"
    "November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|"
    "Sept\\.|Sep\\.|Oct\\.|Nov\\.|Dec\\.)";
constexpr char kWeekday[] =
    "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
constexpr char kNum[] =
    "(\\d+|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    "twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    "twenty|thirty|forty|fifty|sixty|hundred))";

enum class Kind {
  kMonthDayYear,
  kDayMonthYear,
  kIso,
  kUsNumeric,
  kMonthYear,
  kMonthDay,
  kDayMonth,
  kPartOfMonth,
  kYear,
  kWeekday,
  kRelativeDay,
  kRelativeUnit,
  kAgo,
  kDuration,
  kClock,
  kNoonMidnight,
  kSetEvery,
  kSetAdverb,
  kPresent,
  kDecade,
};

struct PatternSpec {
  Kind kind;
  std::string regex;
  int span_group;  // 0: whole match; n: only submatch n is the expression
};

std::vector<PatternSpec> Specs() {
  const std::string m = kMonth, w = kWeekday, n = kNum;
  return {
      {Kind::kMonthDayYear,
       "\\b" + m + " (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b", 0},
      {Kind::kDayMonthYear, "\\b(\\d{1,2}) " + m + ",? (\\d{4})\\b", 0},
      {Kind::kIso, "\\b(\\d{4})-(\\d{2})-(\\d{2})\\b", 0},
      {Kind::kUsNumeric, "\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b", 0},
      {Kind::kMonthYear, "\\b" + m + ",? (\\d{4})\\b", 0},
      {Kind::kMonthDay, "\\b" + m + " (\\d{1,2})(?:st|nd|rd|th)?\\b", 0},
      {Kind::kDayMonth, "\\b(\\d{1,2}) " + m, 0},
      {Kind::kPartOfMonth, "\\b(?:[Ee]arly|[Mm]id|[Ll]ate)[- ]" + m, 0},
      {Kind::kYear,
       "\\b(?i:in|since|until|by|from|of|during|before|after|early|late) "
       "((?:1[89]|20)\\d\\d)\\b",
       1},
      {Kind::kWeekday,
       "\\b" + w +
           "(?:(?:'s|\xE2\x80\x99s)?( morning| afternoon| evening| "
           "night))?\\b",
       0},
      {Kind::kRelativeDay, "\\b(?i:(yesterday|today|tomorrow|tonight))\\b", 0},
      {Kind::kRelativeUnit,
       "\\b(?i:(last|this|next|past|coming)) (week|month|year)\\b", 0},
      {Kind::kAgo, "\\b" + n + " (days?|weeks?|months?|years?|decades?) ago\\b",
       0},
      {Kind::kDuration,
       "\\b" + n +
           "[- ](days?|weeks?|months?|years?|hours?|minutes?|decades?)\\b",
       0},
      {Kind::kClock, "\\b(\\d{1,2})(?::(\\d\\d))? ?([ap])\\.?m\\b\\.?", 0},
      {Kind::kNoonMidnight, "\\b(noon|midnight)\\b", 0},
      {Kind::kSetEvery, "\\b(?i:every|each) (day|week|month|year)\\b", 0},
      {Kind::kSetAdverb, "\\b(daily|weekly|monthly|annually|yearly)\\b", 0},
      {Kind::kPresent, "\\b(now|currently|nowadays)\\b", 0},
      {Kind::kDecade, "\\bthe ((?:1[89]|20)\\d)0s\\b", 0},
  };
}

int MonthNumber(std::string_view m) {
  static constexpr std::array<const char*, 12> kNames = {
      "jan", "feb", "mar", "apr", "may", "jun",
      "jul", "aug", "sep", "oct", "nov", "dec"};
  if (m.size() < 3) return 0;
  char p[3] = {static_cast<char>(std::tolower(m[0])),
               static_cast<char>(std::tolower(m[1])),
               static_cast<char>(std::tolower(m[2]))};
  for (int i = 0; i < 12; ++i) {
    if (std::string_view(p, 3) == kNames[i]) return i + 1;
  }
  return 0;
}

int WeekdayNumber(std::string_view w) {
  static constexpr std::array<const char*, 7> kNames = {
      "Monday", "Tuesday",  "Wednesday", "Thursday",
      "Friday", "Saturday", "Sunday"};
  for (int i = 0; i < 7; ++i) {
    if (w == kNames[i]) return i + 1;
  }
  return 0;
}

int NumberValue(std::string_view s) {
  if (!s.empty() && std::isdigit(static_cast<unsigned char>(s[0]))) {
    int v = 0;
    for (char c : s) {
      if (!std::isdigit(static_cast<unsigned char>(c)) || v > 100000) break;
      v = v * 10 + (c - '0');
    }
    return v;
  }
  std::string l;
  for (char c : s)
    l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::pair<const char*, int> kWords[] = {
      {"a", 1},         {"an", 1},       {"one", 1},        {"two", 2},
      {"three", 3},     {"four", 4},     {"five", 5},       {"six", 6},
      {"seven", 7},     {"eight", 8},    {"nine", 9},       {"ten", 10},
      {"eleven", 11},   {"twelve", 12},  {"thirteen", 13},  {"fourteen", 14},
      {"fifteen", 15},  {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},
      {"nineteen", 19}, {"twenty", 20},  {"thirty", 30},    {"forty", 40},
      {"fifty", 50},    {"sixty", 60},   {"hundred", 100}};
  for (const auto& [word, value] : kWords) {
    if (l == word) return value;
  }
  return 0;
}

// 'D', 'W', 'M', 'Y', 'H' (hours), 'N' (minutes), 'E' (decades).
char UnitOf(std::string_view unit) {
  if (unit.starts_with("day")) return 'D';
  if (unit.starts_with("week")) return 'W';
  if (unit.starts_with("month")) return 'M';
  if (unit.starts_with("year")) return 'Y';
  if (unit.starts_with("hour")) return 'H';
  if (unit.starts_with("minute")) return 'N';
  if (unit.starts_with("decade")) return 'E';
  return 0;
}

// Whether the sentence talks about the future (for weekday resolution).
bool FutureContext(std::string_view sentence) {
  static const char* const kCues[] = {
      " will ",     " will,",    "'ll ",       "\xE2\x80\x99ll ",
      " would ",    " shall ",   " going to ", " plans to ",
      " plan to ",  " planned ", " expect", " scheduled ",
      " set to ",   " is to ",   " are to ",   " due to ",
      " upcoming ", " next ",    " coming ",   " ready to "};
  std::string padded = " " + std::string(sentence) + " ";
  for (char& c : padded)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* cue : kCues) {
    if (padded.find(cue) != std::string::npos) return true;
  }
  return false;
}

// Trigger bits: what kinds of words a sentence has.
enum : unsigned {
  kHasDigit = 1,
  kHasMonth = 2,
  kHasWeekday = 4,
  kHasRelDay = 8,
  kHasUnit = 16,
  kHasPresent = 32,
  kHasNoon = 64,
  kHasSetAdverb = 128,
};

unsigned WordTrigger(std::string_view w) {
  static const std::pair<const char*, unsigned> kWords[] = {
      {"January", kHasMonth},   {"February", kHasMonth}, {"March", kHasMonth},
      {"April", kHasMonth},     {"May", kHasMonth},      {"June", kHasMonth},
      {"July", kHasMonth},      {"August", kHasMonth},   {"September", kHasMonth},
      {"October", kHasMonth},   {"November", kHasMonth}, {"December", kHasMonth},
      {"Jan", kHasMonth},       {"Feb", kHasMonth},      {"Mar", kHasMonth},
      {"Apr", kHasMonth},       {"Jun", kHasMonth},      {"Jul", kHasMonth},
      {"Aug", kHasMonth},       {"Sep", kHasMonth},      {"Sept", kHasMonth},
      {"Oct", kHasMonth},       {"Nov", kHasMonth},      {"Dec", kHasMonth},
      {"Monday", kHasWeekday},  {"Tuesday", kHasWeekday},
      {"Wednesday", kHasWeekday}, {"Thursday", kHasWeekday},
      {"Friday", kHasWeekday},  {"Saturday", kHasWeekday},
      {"Sunday", kHasWeekday},  {"yesterday", kHasRelDay},
      {"Yesterday", kHasRelDay}, {"today", kHasRelDay}, {"Today", kHasRelDay},
      {"tomorrow", kHasRelDay}, {"Tomorrow", kHasRelDay},
      {"tonight", kHasRelDay},  {"Tonight", kHasRelDay},
      {"day", kHasUnit},        {"days", kHasUnit},      {"week", kHasUnit},
      {"weeks", kHasUnit},      {"month", kHasUnit},     {"months", kHasUnit},
      {"year", kHasUnit},       {"years", kHasUnit},     {"decade", kHasUnit},
      {"decades", kHasUnit},    {"hour", kHasUnit},      {"hours", kHasUnit},
      {"minute", kHasUnit},     {"minutes", kHasUnit},   {"now", kHasPresent},
      {"currently", kHasPresent}, {"nowadays", kHasPresent},
      {"noon", kHasNoon},       {"midnight", kHasNoon},  {"daily", kHasSetAdverb},
      {"weekly", kHasSetAdverb}, {"monthly", kHasSetAdverb},
      {"annually", kHasSetAdverb}, {"yearly", kHasSetAdverb},
  };
  if (w.size() < 3 || w.size() > 9) return 0;
  for (const auto& [word, bit] : kWords) {
    if (w == word) return bit;
  }
  return 0;
}

unsigned Triggers(std::string_view text) {
  unsigned have = 0;
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= '0' && c <= '9') {
      have |= kHasDigit;
      ++i;
    } else if (std::isalpha(c)) {
      size_t j = i;
      while (j < text.size() &&
             std::isalpha(static_cast<unsigned char>(text[j]))) {
        ++j;
      }
      have |= WordTrigger(text.substr(i, j - i));
      i = j;
    } else {
      ++i;
    }
  }
  return have;
}

unsigned Needs(Kind kind) {
  switch (kind) {
    case Kind::kMonthDayYear:
    case Kind::kDayMonthYear:
    case Kind::kMonthYear:
    case Kind::kMonthDay:
    case Kind::kDayMonth:
      return kHasMonth | kHasDigit;
    case Kind::kPartOfMonth:
      return kHasMonth;
    case Kind::kIso:
    case Kind::kUsNumeric:
    case Kind::kYear:
    case Kind::kClock:
    case Kind::kDecade:
      return kHasDigit;
    case Kind::kWeekday:
      return kHasWeekday;
    case Kind::kRelativeDay:
      return kHasRelDay;
    case Kind::kRelativeUnit:
    case Kind::kAgo:
    case Kind::kDuration:
    case Kind::kSetEvery:
      return kHasUnit;
    case Kind::kNoonMidnight:
      return kHasNoon;
    case Kind::kSetAdverb:
      return kHasSetAdverb;
    case Kind::kPresent:
      return kHasPresent;
  }
  return 0;
}

struct Candidate {
  uint32_t start, end;  // in the sentence
  Kind kind;
  std::array<std::string_view, 4> groups;
};

std::string DayValue(const std::optional<CivilDate>& ref, int64_t delta) {
  if (!ref) return "XXXX-XX-XX";
  return FormatDate(CivilFromDays(DaysFromCivil(*ref) + delta));
}

}  // namespace

struct TimexStage::Patterns {
  struct Compiled {
    Kind kind;
    std::unique_ptr<RE2> re;
    int span_group;
  };
  std::vector<Compiled> all;
};

TimexStage::TimexStage() {
  auto p = std::make_unique<Patterns>();
  RE2::Options opts;
  opts.set_log_errors(false);
  for (const PatternSpec& s : Specs()) {
    p->all.push_back(
        {s.kind, std::make_unique<RE2>(s.regex, opts), s.span_group});
  }
  patterns_ = std::move(p);
}

TimexStage::~TimexStage() = default;

Status TimexStage::Run(Document& doc) const {
  for (const auto& c : patterns_->all) {
    if (!c.re->ok()) {
      return Status(ErrorCode::kInternal, "bad time pattern: " + c.re->error());
    }
  }
  std::optional<CivilDate> ref = ParseIsoDate(doc.meta().published);
  std::vector<Timex>& out = doc.layers().times;
  out.clear();
  std::vector<Candidate> found;
  for (const Sentence& sent : doc.layers().sentences) {
    const std::string_view text = doc.Slice(sent.span);
    found.clear();
    // One cheap pass finds which kinds of trigger words the sentence has;
    // a pattern runs only when its triggers are present.
    const unsigned have = Triggers(text);
    if (have == 0) continue;
    for (const auto& c : patterns_->all) {
      const unsigned need = Needs(c.kind);
      if ((have & need) != need) continue;
      const int ngroups = std::min(c.re->NumberOfCapturingGroups(), 3);
      std::array<re2::StringPiece, 4> m;
      size_t pos = 0;
      while (pos <= text.size() &&
             c.re->Match(text, pos, text.size(), RE2::UNANCHORED, m.data(),
                         ngroups + 1)) {
        Candidate cand;
        re2::StringPiece span = m[c.span_group];
        if (span.data() == nullptr) span = m[0];
        cand.start = static_cast<uint32_t>(span.data() - text.data());
        cand.end = cand.start + static_cast<uint32_t>(span.size());
        cand.kind = c.kind;
        for (int g = 0; g <= ngroups; ++g) {
          cand.groups[g] = m[g].data() == nullptr
                               ? std::string_view()
                               : std::string_view(m[g].data(), m[g].size());
        }
        found.push_back(cand);
        size_t next = static_cast<size_t>(m[0].data() - text.data()) +
                      std::max<size_t>(1, m[0].size());
        pos = next;
      }
    }
    // Longest first at each start; drop overlaps.
    std::sort(found.begin(), found.end(),
              [](const Candidate& a, const Candidate& b) {
                if (a.start != b.start) return a.start < b.start;
                return a.end > b.end;
              });
    uint32_t covered = 0;
    // Tense is read near the expression: "announced on Sunday that she
    // would travel" is past for Sunday, future for the travel.
    auto future_near = [&text](const Candidate& c) {
      const uint32_t lo = c.start > 60 ? c.start - 60 : 0;
      std::string_view before = text.substr(lo, c.start - lo);
      // Only the clause the expression is in: cut at the last , ; :
      size_t cut = before.find_last_of(",;:");
      if (cut != std::string_view::npos) before.remove_prefix(cut + 1);
      std::string window(before);
      window += ' ';
      window += text.substr(c.end, 8);  // "Thursday will ..."
      return FutureContext(window);
    };
    for (const Candidate& c : found) {
      if (c.start < covered) continue;
      Timex t;
      t.span = {sent.span.start + c.start, sent.span.start + c.end};
      t.type = TimexType::kDate;
      const auto& g = c.groups;
      switch (c.kind) {
        case Kind::kMonthDayYear:
        case Kind::kDayMonthYear: {
          bool mdy = c.kind == Kind::kMonthDayYear;
          CivilDate d{NumberValue(g[3]), MonthNumber(mdy ? g[1] : g[2]),
                      NumberValue(mdy ? g[2] : g[1])};
          if (!IsValidDate(d)) continue;
          t.value = FormatDate(d);
          break;
        }
        case Kind::kIso:
        case Kind::kUsNumeric: {
          bool iso = c.kind == Kind::kIso;
          CivilDate d{NumberValue(iso ? g[1] : g[3]),
                      NumberValue(iso ? g[2] : g[1]),
                      NumberValue(iso ? g[3] : g[2])};
          if (!IsValidDate(d)) continue;
          t.value = FormatDate(d);
          break;
        }
        case Kind::kMonthYear:
          t.value = FormatMonth(NumberValue(g[2]), MonthNumber(g[1]));
          break;
        case Kind::kMonthDay:
        case Kind::kDayMonth: {
          bool md = c.kind == Kind::kMonthDay;
          int month = MonthNumber(md ? g[1] : g[2]);
          int day = NumberValue(md ? g[2] : g[1]);
          if (day < 1 || day > 31) continue;
          if (!ref) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", month, day);
            t.value = buf;
            break;
          }
          CivilDate d{ref->year, month, day};
          if (!IsValidDate(d)) continue;
          // A date far after the reference in a past context is last year's.
          if (!future_near(c) &&
              DaysFromCivil(d) - DaysFromCivil(*ref) > 183) {
            --d.year;
          }
          t.value = FormatDate(d);
          break;
        }
        case Kind::kPartOfMonth:
          t.value = ref ? FormatMonth(ref->year, MonthNumber(g[1]))
                        : "XXXX-" + FormatMonth(0, MonthNumber(g[1])).substr(5);
          break;
        case Kind::kYear:
          t.value = std::string(g[1]);
          break;
        case Kind::kWeekday: {
          int target = WeekdayNumber(g[1]);
          std::string part;
          if (!g[2].empty()) {
            std::string_view p = g[2].substr(1);
            part = p == "morning"     ? "MO"
                   : p == "afternoon" ? "AF"
                   : p == "evening"   ? "EV"
                                      : "NI";
            t.type = TimexType::kTime;
          }
          if (!ref) {
            t.value = "XXXX-WXX-" + std::to_string(target);
            if (!part.empty()) t.value += "T" + part;
            break;
          }
          int r = IsoWeekday(*ref);
          int64_t delta =
              future_near(c) ? (target - r + 7) % 7 : -((r - target + 7) % 7);
          t.value = DayValue(ref, delta);
          if (!part.empty()) t.value += "T" + part;
          break;
        }
        case Kind::kRelativeDay: {
          std::string w(g[1]);
          for (char& ch : w)
            ch =
                static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
          if (w == "yesterday") t.value = DayValue(ref, -1);
          if (w == "today") t.value = ref ? DayValue(ref, 0) : "PRESENT_REF";
          if (w == "tomorrow") t.value = DayValue(ref, 1);
          if (w == "tonight") {
            t.type = TimexType::kTime;
            t.value = DayValue(ref, 0) + "TNI";
          }
          break;
        }
        case Kind::kRelativeUnit: {
          std::string rel(g[1]);
          for (char& ch : rel)
            ch =
                static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
          int dir = rel == "last" || rel == "past"     ? -1
                    : rel == "next" || rel == "coming" ? 1
                                                       : 0;
          char unit = UnitOf(g[2]);
          if (!ref) {
            t.value = unit == 'W'   ? "XXXX-WXX"
                      : unit == 'M' ? "XXXX-XX"
                                    : "XXXX";
            break;
          }
          if (unit == 'W') {
            int y, wk;
            IsoWeek(CivilFromDays(DaysFromCivil(*ref) + 7 * dir), &y, &wk);
            t.value = FormatWeek(y, wk);
          } else if (unit == 'M') {
            CivilDate d = AddMonths(*ref, dir);
            t.value = FormatMonth(d.year, d.month);
          } else {
            t.value = FormatYear(ref->year + dir);
          }
          break;
        }
        case Kind::kAgo: {
          int n = NumberValue(g[1]);
          char unit = UnitOf(g[2]);
          if (!ref) {
            t.value = "XXXX";
            break;
          }
          if (unit == 'Y' || unit == 'E') {
            t.value = FormatYear(ref->year - n * (unit == 'E' ? 10 : 1));
          } else if (unit == 'M') {
            CivilDate d = AddMonths(*ref, -n);
            t.value = FormatMonth(d.year, d.month);
          } else if (unit == 'W') {
            int y, wk;
            IsoWeek(CivilFromDays(DaysFromCivil(*ref) - 7 * n), &y, &wk);
            t.value = FormatWeek(y, wk);
          } else {
            t.value = DayValue(ref, -n);
          }
          break;
        }
        case Kind::kDuration: {
          int n = NumberValue(g[1]);
          char unit = UnitOf(g[2]);
          if (n <= 0 || unit == 0) continue;
          t.type = TimexType::kDuration;
          if (unit == 'H' || unit == 'N') {
            t.value = "PT" + std::to_string(n) + (unit == 'H' ? "H" : "M");
          } else if (unit == 'E') {
            t.value = "P" + std::to_string(n * 10) + "Y";
          } else {
            t.value = "P" + std::to_string(n) + unit;
          }
          break;
        }
        case Kind::kClock: {
          int h = NumberValue(g[1]);
          int mi = g[2].empty() ? 0 : NumberValue(g[2]);
          if (h < 1 || h > 12 || mi > 59) continue;
          if (g[3] == "p" && h != 12) h += 12;
          if (g[3] == "a" && h == 12) h = 0;
          char buf[16];
          std::snprintf(buf, sizeof buf, "T%02d:%02d", h, mi);
          t.type = TimexType::kTime;
          t.value = DayValue(ref, 0) + buf;
          break;
        }
        case Kind::kNoonMidnight:
          t.type = TimexType::kTime;
          t.value = DayValue(ref, 0) + (g[1] == "noon" ? "T12:00" : "T24:00");
          break;
        case Kind::kSetEvery:
        case Kind::kSetAdverb: {
          std::string_view u = g[1];
          char unit = c.kind == Kind::kSetEvery ? UnitOf(u)
                      : u == "daily"            ? 'D'
                      : u == "weekly"           ? 'W'
                      : u == "monthly"          ? 'M'
                                                : 'Y';
          t.type = TimexType::kSet;
          t.value = std::string("P1") + unit;
          break;
        }
        case Kind::kPresent:
          t.value = "PRESENT_REF";
          break;
        case Kind::kDecade:
          t.value = std::string(g[1]);
          break;
      }
      if (t.value.empty()) continue;
      covered = c.end;
      out.push_back(std::move(t));
    }
  }
  return Status::Ok();
}

}  // namespace dossier
