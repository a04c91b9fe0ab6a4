// TimexRecognizer: finds time expressions in one sentence and parses them
// into ParsedTimex records (kind + numeric fields), without resolving them
// against any date. Resolution is time/resolver.h; the stage gluing both is
// time/timex_stage.h.
//
// Contract: Recognize() returns expressions in text order, non-overlapping
// (at each place the longest match wins; on a tie, the earlier table row),
// with spans that cover the expression words only (never a preposition such
// as "on" or "in"). Each record carries the tense read around it
// (TenseAround). The recognizer is table driven: a row is an RE2 pattern, the
// trigger words it needs, and a parse function; a cheap word scan decides
// which rows run on a sentence.
// Immutable after construction; Recognize() is thread-safe.
#ifndef DOSSIER_TIME_RECOGNIZER_H_
#define DOSSIER_TIME_RECOGNIZER_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace dossier {

enum class TimexKind : uint8_t {
  kDate,          // year (0 when absent), month, day: "May 15, 2025", "May 15"
  kMonth,         // year (0 when absent), month: "March 2022", "early May"
  kYear,          // "in 2019"
  kDecade,        // year = first three digits: "the 1990s" -> 199
  kWeekday,       // weekday, shift (-1 last, +1 next), part: "on Thursday"
  kRelativeDay,   // shift in days, part: "yesterday", "tomorrow night"
  kRelativeUnit,  // shift, unit: "last week", "this year", "next month"
  kAgo,           // quantity (-1: unspecified), unit: "three years ago"
  kAnaphoric,     // shift * quantity units from the text's last named day:
                  // "the next day", "two days later"
  kPresentRef,    // "now", "currently"
  kPastRef,       // "recently", "in the past"
  kFutureRef,     // "in the future", "in the coming weeks"
  kDuration,      // quantity (-1: unspecified), unit: "three years", "30-day"
  kClock,         // hour (0..24), minute: "3:30 p.m.", "noon", "midnight"
  kSet,           // quantity, unit or weekday: "every week", "daily"
  kQuarter,       // year (0 when absent), quarter, shift (years from the
                  // reference when no year): "the third quarter",
                  // "third-quarter", "the 2024 second quarter",
                  // "next year's first quarter"
  kPeriodRef,     // a period named earlier in the text, shift in years:
                  // unit kQuarter "the quarter", "the latest quarter",
                  // "the year-ago quarter"; unit kNone "the latest
                  // period", "year-earlier", "the 2023 period" (year)
  kSeason,        // season (1 spring .. 4 winter), year or shift:
                  // "last fall", "this summer", "the winter of 2019"
  kTheYear,       // the year the text is about: "the year", "the fiscal
                  // year", "the current year"
  kTheWeekend,    // "the weekend": the last one (past), the next (future)
};

enum class TimeUnit : uint8_t {
  kNone,
  kSecond,
  kMinute,
  kHour,
  kDay,
  kWeekend,
  kWeek,
  kMonth,
  kYear,
  kDecade,
  kCentury,
  kQuarter,
};

enum class PartOfDay : uint8_t {
  kNone,
  kMorning,
  kAfternoon,
  kEvening,
  kNight
};

// What the words around an expression say about when it happens.
enum class Tense : uint8_t { kUnknown, kPast, kPresent, kFuture };

struct ParsedTimex {
  uint32_t start = 0;  // byte offsets in the sentence given to Recognize()
  uint32_t end = 0;
  TimexKind kind = TimexKind::kDate;
  Tense tense = Tense::kUnknown;
  int year = 0;      // 0: not written
  int month = 0;     // 1..12, 0: not written
  int day = 0;       // 1..31, 0: not written
  int weekday = 0;   // 1 = Monday .. 7 = Sunday, 0: none
  int shift = 0;     // direction or offset, see TimexKind
  int quantity = 1;  // -1: unspecified ("several", "a few")
  TimeUnit unit = TimeUnit::kNone;
  PartOfDay part = PartOfDay::kNone;
  int hour = -1;  // kClock only
  int minute = 0;
  // kAnaphoric: a count was written ("two years later"), so without an
  // anchor the expression still reads as a duration.
  bool counted = false;
  // kDuration: half a unit more ("2 1/2 years", "an hour and a half").
  bool half = false;
  int quarter = 0;  // kQuarter: 1..4
  int half_year = 0;  // kYear: 1 "the first half of 2024", 2 the second
  int season = 0;   // kSeason: 1 spring, 2 summer, 3 fall, 4 winter
  // kPeriodRef: 1 "the latest quarter" (the last one completed before the
  // reference), 2 "this quarter/period" (the text's, else the reference's;
  // the reference's when said of what is ahead), 3 "the current quarter"
  // (the reference's; for a period, as 2), 0 otherwise (the text's, else
  // the last completed).
  // kTheYear: 2 "the current year", "this fiscal year" (the reference's
  // year, not the last one named), 0 otherwise.
  // kWeekday: 1 "the previous/following Friday" (from the last day the
  // text named, else the reference), 0 otherwise.
  int ref_mode = 0;
  // The tense was set by the expression's own words ("last", "next", "as
  // early as"), not read around it.
  bool own_tense = false;
  // kWeekday: written as a possessive ("Friday's vote"), which in news
  // names a day already past unless a verb says otherwise.
  bool possessive = false;
  // kDate: "the week of March 6": the ISO week holding the date.
  bool week_of = false;
};

// The tense of the clause around [start, end) of `sentence`, from the
// nearest tense cue word ("will", "said", "announced", "is", ...); clause
// breaks (";", "that", quote marks, ...) count as distance. kUnknown when
// there is no cue within a dozen words.
Tense TenseAround(std::string_view sentence, uint32_t start, uint32_t end);

// Whether a future cue word stands right by the expression, at most two
// words away without punctuation between: "payable Jan. 2", "effective
// June 1", "ahead of the weekend". Such a word outweighs the clause's verb.
bool FutureCueNextTo(std::string_view sentence, uint32_t start, uint32_t end);

class TimexRecognizer {
 public:
  TimexRecognizer();
  ~TimexRecognizer();
  TimexRecognizer(const TimexRecognizer&) = delete;
  TimexRecognizer& operator=(const TimexRecognizer&) = delete;

  // False if a pattern failed to compile (a programming error).
  bool ok() const;

  // Replaces `out` with the expressions of `sentence`; see the contract.
  void Recognize(std::string_view sentence,
                 std::vector<ParsedTimex>* out) const;

 private:
  struct Table;
  std::unique_ptr<const Table> table_;
};

}  // namespace dossier

#endif  // DOSSIER_TIME_RECOGNIZER_H_
