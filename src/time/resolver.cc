#include "time/resolver.h"

#include <climits>
#include <cstdio>
#include <string>

namespace dossier {
namespace {

constexpr int kHalfYearDays = 183;
// A date without a year in past (future) tense may lie this far after
// (before) the reference before it moves to the year before (after): the
// tense read from nearby words is sometimes that of another clause.
constexpr int kMonthsSlackDays = 60;

CivilDate AddDays(CivilDate d, int64_t n) {
  return CivilFromDays(DaysFromCivil(d) + n);
}

std::string WeekOf(CivilDate d) {
  int y, w;
  IsoWeek(d, &y, &w);
  return FormatWeek(y, w);
}

const char* PartCode(PartOfDay part) {
  switch (part) {
    case PartOfDay::kMorning:
      return "MO";
    case PartOfDay::kAfternoon:
      return "AF";
    case PartOfDay::kEvening:
      return "EV";
    case PartOfDay::kNight:
      return "NI";
    case PartOfDay::kNone:
      break;
  }
  return "";
}

bool Forward(Tense t) { return t == Tense::kFuture || t == Tense::kPresent; }

// A day value, turned into a TIME when a part of the day is given.
ResolvedTimex DayResult(CivilDate d, PartOfDay part) {
  ResolvedTimex r;
  r.value = FormatDate(d);
  r.day = d;
  if (part != PartOfDay::kNone) {
    r.type = TimexType::kTime;
    r.value += 'T';
    r.value += PartCode(part);
  }
  return r;
}

ResolvedTimex Underspecified(TimexType type, std::string value) {
  ResolvedTimex r;
  r.type = type;
  r.value = std::move(value);
  return r;
}

// "P3Y", "PT24H", "PXD"; decades and centuries count in years when the
// quantity is known.
std::string DurationValue(int quantity, TimeUnit unit) {
  const bool time = unit == TimeUnit::kHour || unit == TimeUnit::kMinute ||
                    unit == TimeUnit::kSecond;
  std::string v = time ? "PT" : "P";
  const char* letter = "";
  int q = quantity;
  switch (unit) {
    case TimeUnit::kSecond:
      letter = "S";
      break;
    case TimeUnit::kMinute:
      letter = "M";
      break;
    case TimeUnit::kHour:
      letter = "H";
      break;
    case TimeUnit::kDay:
      letter = "D";
      break;
    case TimeUnit::kWeekend:
    case TimeUnit::kWeek:
      letter = "W";
      break;
    case TimeUnit::kMonth:
      letter = "M";
      break;
    case TimeUnit::kYear:
      letter = "Y";
      break;
    case TimeUnit::kDecade:
      letter = q < 0 ? "DE" : "Y";
      if (q > 0) q *= 10;
      break;
    case TimeUnit::kCentury:
      letter = q < 0 ? "CE" : "Y";
      if (q > 0) q *= 100;
      break;
    case TimeUnit::kQuarter:
      letter = "Q";
      break;
    case TimeUnit::kNone:
      break;
  }
  v += q < 0 ? "X" : std::to_string(q);
  v += letter;
  return v;
}

// A duration of quantity and a half units: the half in the next smaller
// unit ("2 1/2 years" P2Y6M, "an hour and a half" PT1H30M, "1 1/2 weeks"
// P10DT12H, "two and a half decades" P25Y).
std::string HalfDurationValue(int quantity, TimeUnit unit) {
  const std::string q = std::to_string(quantity);
  switch (unit) {
    case TimeUnit::kSecond:
      return DurationValue(quantity, unit);
    case TimeUnit::kMinute:
      return "PT" + q + "M30S";
    case TimeUnit::kHour:
      return "PT" + q + "H30M";
    case TimeUnit::kDay:
      return "P" + q + "DT12H";
    case TimeUnit::kWeek:
      return "P" + std::to_string(quantity * 7 + 3) + "DT12H";
    case TimeUnit::kMonth:
      return "P" + q + "M15D";
    case TimeUnit::kYear:
      return "P" + q + "Y6M";
    case TimeUnit::kDecade:
      return "P" + std::to_string(quantity * 10 + 5) + "Y";
    default:
      return DurationValue(quantity, unit);
  }
}

// Quarters are counted as year * 4 + (quarter - 1).
int QuarterIndex(CivilDate d) { return d.year * 4 + (d.month - 1) / 3; }

ResolvedTimex QuarterResult(int index) {
  ResolvedTimex r;
  const int year = index >= 0 ? index / 4 : (index - 3) / 4;
  r.value = FormatYear(year) + "-Q" + std::to_string(index - year * 4 + 1);
  r.quarter = index;
  return r;
}

// The reference (or anchor) moved by n units, at that unit's granularity.
std::optional<ResolvedTimex> Shifted(CivilDate from, int n, TimeUnit unit) {
  ResolvedTimex r;
  switch (unit) {
    case TimeUnit::kQuarter:
      return QuarterResult(QuarterIndex(from) + n);
    case TimeUnit::kDay:
      return DayResult(AddDays(from, n), PartOfDay::kNone);
    case TimeUnit::kWeek:
      r.value = WeekOf(AddDays(from, 7 * n));
      return r;
    case TimeUnit::kWeekend:
      r.value = WeekOf(AddDays(from, 7 * n)) + "-WE";
      return r;
    case TimeUnit::kMonth: {
      CivilDate d = AddMonths(from, n);
      r.value = FormatMonth(d.year, d.month);
      return r;
    }
    case TimeUnit::kYear:
      r.value = FormatYear(from.year + n);
      return r;
    case TimeUnit::kDecade:
      r.value = std::to_string(from.year / 10 + n);
      return r;
    case TimeUnit::kCentury:
      r.value = std::to_string(from.year / 100 + n);
      return r;
    default:
      return std::nullopt;
  }
}

// A day of the month; negative codes name US holidays by rule: -4 the
// fourth Thursday (Thanksgiving), -2 the Tuesday after the first Monday
// (Election Day).
int DayOf(int year, int month, int day) {
  if (day > 0) return day;
  const int first = IsoWeekday(CivilDate{year, month, 1});  // 1 = Monday
  if (day == -4) return 1 + (4 - first + 7) % 7 + 21;
  if (day == -2) return 1 + (1 - first + 7) % 7 + 1;
  return 0;
}

std::optional<ResolvedTimex> ResolveDate(const ParsedTimex& p0,
                                         const ResolveContext& ctx) {
  ParsedTimex p = p0;
  if (p.day < 0) {
    if (!ctx.reference) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "XXXX-%02d-XX", p.month);
      return Underspecified(TimexType::kDate, buf);
    }
    p.day = DayOf(p.year > 0 ? p.year : ctx.reference->year, p.month, p0.day);
  }
  if (p.year > 0) {
    CivilDate d{p.year, p.month, p.day};
    if (!IsValidDate(d)) return std::nullopt;
    return DayResult(d, PartOfDay::kNone);
  }
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.day > 31) {
    return std::nullopt;
  }
  if (!ctx.reference) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", p.month, p.day);
    return Underspecified(TimexType::kDate, buf);
  }
  const CivilDate& ref = *ctx.reference;
  CivilDate d{ref.year, p.month, p.day};
  if (!IsValidDate(d)) {  // February 29 outside a leap year
    return std::nullopt;
  }
  const int64_t ahead = DaysFromCivil(d) - DaysFromCivil(ref);
  // Past: the last such day before the reference (give or take two
  // months); future: the next after it; otherwise the nearer one.
  // The present tense says nothing of the side ("prices in October are
  // half what they were"): the nearer one, as without a tense.
  const int64_t back = p.tense == Tense::kPast     ? kMonthsSlackDays
                       : p.tense == Tense::kFuture ? INT32_MAX
                                                   : kHalfYearDays;
  const int64_t forth = p.tense == Tense::kFuture  ? kMonthsSlackDays
                        : p.tense == Tense::kPast ? INT32_MAX
                                                  : kHalfYearDays;
  if (ahead > back) {
    --d.year;
  } else if (ahead < -forth) {
    ++d.year;
  }
  if (p0.day < 0) d.day = DayOf(d.year, d.month, p0.day);
  if (!IsValidDate(d)) return std::nullopt;
  return DayResult(d, PartOfDay::kNone);
}

std::optional<ResolvedTimex> ResolveMonth(const ParsedTimex& p,
                                          const ResolveContext& ctx) {
  if (p.month < 1 || p.month > 12) return std::nullopt;
  ResolvedTimex r;
  if (p.year > 0) {
    r.value = FormatMonth(p.year, p.month);
    return r;
  }
  if (!ctx.reference) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "XXXX-%02d", p.month);
    r.value = buf;
    return r;
  }
  if (p.unit == TimeUnit::kYear) {  // "June last year", "this September"
    r.value = FormatMonth(ctx.reference->year + p.shift, p.month);
    return r;
  }
  if (p.unit == TimeUnit::kMonth) {  // "last October", "next May"
    int y = ctx.reference->year;
    if (p.shift < 0 && p.month >= ctx.reference->month) --y;
    if (p.shift > 0 && p.month <= ctx.reference->month) ++y;
    r.value = FormatMonth(y, p.month);
    return r;
  }
  int year = ctx.reference->year;
  const int ahead = p.month - ctx.reference->month;
  const int back = p.tense == Tense::kPast     ? 2
                   : p.tense == Tense::kFuture ? 12
                                               : 6;
  const int forth = p.tense == Tense::kFuture  ? 2
                    : p.tense == Tense::kPast ? 12
                                              : 6;
  if (ahead > back) --year;
  if (ahead < -forth) ++year;
  r.value = FormatMonth(year, p.month);
  return r;
}

std::optional<ResolvedTimex> ResolveWeekday(const ParsedTimex& p,
                                            const ResolveContext& ctx) {
  if (p.weekday < 1 || p.weekday > 7) return std::nullopt;
  if (!ctx.reference) {
    std::string v = "XXXX-WXX-" + std::to_string(p.weekday);
    if (p.part != PartOfDay::kNone) {
      v += 'T';
      v += PartCode(p.part);
    }
    return Underspecified(
        p.part == PartOfDay::kNone ? TimexType::kDate : TimexType::kTime, v);
  }
  const CivilDate base =
      p.ref_mode == 1 && ctx.anchor ? *ctx.anchor : *ctx.reference;
  const int r = IsoWeekday(base);
  const int forward = (p.weekday - r + 7) % 7;   // days to the next one
  const int backward = (r - p.weekday + 7) % 7;  // days since the last one
  int64_t delta;
  if (p.shift < 0) {
    delta = -(backward == 0 ? 7 : backward);
  } else if (p.shift > 0) {
    delta = forward == 0 ? 7 : forward;
  } else {
    delta = Forward(p.tense) ? forward : -backward;
  }
  ResolvedTimex day = DayResult(AddDays(base, delta), p.part);
  // "Friday night", "Tuesday morning": TimeBank types a weekday with a
  // part of the day as a DATE (19 of 26 on TempEval-3 dev), the value
  // keeping the part ("2025-03-14TNI").
  day.type = TimexType::kDate;
  return day;
}

std::optional<ResolvedTimex> ResolveClock(const ParsedTimex& p,
                                          const ResolveContext& ctx) {
  if (p.hour < 0 || p.hour > 24) return std::nullopt;
  const std::optional<CivilDate>& day =
      ctx.sentence_day ? ctx.sentence_day : ctx.reference;
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d", p.hour, p.minute);
  ResolvedTimex r;
  r.type = TimexType::kTime;
  r.value = (day ? FormatDate(*day) : std::string("XXXX-XX-XX")) + buf;
  return r;
}

std::optional<ResolvedTimex> ResolveSet(const ParsedTimex& p) {
  ResolvedTimex r;
  r.type = TimexType::kSet;
  if (p.month > 0) {  // "each July"
    char buf[16];
    std::snprintf(buf, sizeof buf, "XXXX-%02d", p.month);
    r.value = buf;
  } else if (p.weekday > 0) {
    r.value = "XXXX-WXX-" + std::to_string(p.weekday);
    if (p.part != PartOfDay::kNone) r.value += std::string("T") + PartCode(p.part);
  } else if (p.unit == TimeUnit::kNone) {
    if (p.part == PartOfDay::kNone) return std::nullopt;
    r.value = std::string("T") + PartCode(p.part);
  } else {
    r.value = DurationValue(p.quantity < 0 ? 1 : p.quantity, p.unit);
  }
  return r;
}

std::optional<ResolvedTimex> ResolveQuarter(const ParsedTimex& p,
                                            const ResolveContext& ctx) {
  if (p.quarter < 1 || p.quarter > 4) return std::nullopt;
  int year = p.year;
  if (year == 0) {
    if (!ctx.reference) {
      return Underspecified(TimexType::kDate,
                            "XXXX-Q" + std::to_string(p.quarter));
    }
    year = ctx.reference->year + p.shift;
    // "reported a loss for the fourth quarter" in January: a quarter
    // still ahead in the reference's year, told in the past, is last
    // year's.
    const int current = (ctx.reference->month + 2) / 3;
    if (p.shift == 0 && p.tense == Tense::kPast && p.quarter > current) {
      --year;
    }
  }
  return QuarterResult(year * 4 + p.quarter - 1);
}

// "the quarter", "the year-ago quarter", "the latest period",
// "year-earlier": the quarter (or year) the text last named, moved back
// `shift` years. Without a named quarter, a quarter means the last one
// completed before the reference.
std::optional<ResolvedTimex> ResolvePeriodRef(const ParsedTimex& p,
                                              const ResolveContext& ctx) {
  if (p.year > 0) {
    if (p.unit == TimeUnit::kQuarter && ctx.anchor_quarter) {
      return QuarterResult(p.year * 4 + *ctx.anchor_quarter % 4);
    }
    return Underspecified(TimexType::kDate, FormatYear(p.year));
  }
  if (p.ref_mode == 1 && p.unit == TimeUnit::kQuarter && ctx.reference) {
    return QuarterResult(QuarterIndex(*ctx.reference) - 1 + 4 * p.shift);
  }
  // "the current quarter"; "this quarter" said of what is ahead.
  if ((p.ref_mode == 3 || (p.ref_mode == 2 && p.tense == Tense::kFuture)) &&
      p.unit == TimeUnit::kQuarter && ctx.reference) {
    return QuarterResult(QuarterIndex(*ctx.reference) + 4 * p.shift);
  }
  if (ctx.anchor_quarter) {
    return QuarterResult(*ctx.anchor_quarter + 4 * p.shift);
  }
  if (p.unit == TimeUnit::kQuarter) {
    if (!ctx.reference) return Underspecified(TimexType::kDate, "XXXX-QX");
    return QuarterResult(QuarterIndex(*ctx.reference) +
                         (p.ref_mode >= 2 ? 0 : -1) + 4 * p.shift);
  }
  if (ctx.anchor_year) {
    return Underspecified(TimexType::kDate,
                          FormatYear(*ctx.anchor_year + p.shift));
  }
  if (!ctx.reference) return Underspecified(TimexType::kDate, "XXXX");
  return Underspecified(TimexType::kDate,
                        FormatYear(ctx.reference->year + p.shift));
}

// Seasons: 1 spring (Mar-May), 2 summer, 3 fall, 4 winter (December;
// January and February count as the winter that began the year before).
std::optional<ResolvedTimex> ResolveSeason(const ParsedTimex& p,
                                           const ResolveContext& ctx) {
  static constexpr const char* kCodes[] = {"", "SP", "SU", "FA", "WI"};
  if (p.season < 1 || p.season > 4) return std::nullopt;
  const std::string code = std::string("-") + kCodes[p.season];
  if (p.year > 0)
    return Underspecified(TimexType::kDate, FormatYear(p.year) + code);
  if (!ctx.reference) return Underspecified(TimexType::kDate, "XXXX" + code);
  const int m = ctx.reference->month;
  int year = ctx.reference->year;
  int now = m >= 3 && m <= 5    ? 1
            : m >= 6 && m <= 8  ? 2
            : m >= 9 && m <= 11 ? 3
                                : 4;
  if (m <= 2) --year;  // January: still the winter of the year before
  const int here = year * 4 + now - 1;
  // Candidates: this season in the reference's season-year, and the
  // instances a year before and after.
  int target = year * 4 + p.season - 1;
  if (p.shift < 0 ||
      (p.shift == 0 && !Forward(p.tense) && p.tense != Tense::kUnknown)) {
    // The most recent one (strictly before the current season for "last").
    const int limit = p.shift < 0 ? here - 1 : here;
    while (target > limit) target -= 4;
  } else if (p.shift > 0 || p.tense == Tense::kFuture) {
    const int limit = p.shift > 0 ? here + 1 : here;
    while (target < limit) target += 4;
  }
  const int y = target >= 0 ? target / 4 : (target - 3) / 4;
  return Underspecified(TimexType::kDate, FormatYear(y) + code);
}

std::optional<ResolvedTimex> ResolveTheWeekend(const ParsedTimex& p,
                                               const ResolveContext& ctx) {
  if (!ctx.reference) return Underspecified(TimexType::kDate, "XXXX-WXX-WE");
  const int wd = IsoWeekday(*ctx.reference);
  int64_t delta = 0;  // days to a day in the weekend's ISO week
  if (p.tense == Tense::kFuture) {
    delta = wd == 7 ? 6 : 6 - wd;  // the next Saturday (this one on Saturday)
  } else if (wd < 6) {
    delta = -wd;  // the Sunday before
  }
  ResolvedTimex r;
  r.value = WeekOf(AddDays(*ctx.reference, delta)) + "-WE";
  return r;
}

std::optional<ResolvedTimex> ResolveValue(const ParsedTimex& p,
                                          const ResolveContext& ctx) {
  const std::optional<CivilDate>& ref = ctx.reference;
  switch (p.kind) {
    case TimexKind::kDate:
      return ResolveDate(p, ctx);
    case TimexKind::kMonth:
      return ResolveMonth(p, ctx);
    case TimexKind::kYear:
      if (p.year < 1000 || p.year > 2999) return std::nullopt;
      if (p.half_year == 1 || p.half_year == 2) {  // "the first half of 2024"
        return Underspecified(TimexType::kDate,
                              FormatYear(p.year) + "-H" +
                                  std::to_string(p.half_year));
      }
      return Underspecified(TimexType::kDate, FormatYear(p.year));
    case TimexKind::kDecade:
      if (p.unit == TimeUnit::kCentury && p.year < 10) {  // "the 5th century"
        return Underspecified(TimexType::kDate, "0" + std::to_string(p.year));
      }
      return Underspecified(TimexType::kDate, std::to_string(p.year));
    case TimexKind::kWeekday:
      return ResolveWeekday(p, ctx);
    case TimexKind::kRelativeDay:
      if (!ref) {
        if (p.shift == 0 && p.part == PartOfDay::kNone) {
          return Underspecified(TimexType::kDate, "PRESENT_REF");
        }
        std::string v = "XXXX-XX-XX";
        if (p.part != PartOfDay::kNone) {
          v += 'T';
          v += PartCode(p.part);
        }
        return Underspecified(
            p.part == PartOfDay::kNone ? TimexType::kDate : TimexType::kTime,
            v);
      }
      return DayResult(AddDays(*ref, p.shift), p.part);
    case TimexKind::kRelativeUnit:
      if (!ref) {
        switch (p.unit) {
          case TimeUnit::kWeek:
            return Underspecified(TimexType::kDate, "XXXX-WXX");
          case TimeUnit::kWeekend:
            return Underspecified(TimexType::kDate, "XXXX-WXX-WE");
          case TimeUnit::kMonth:
            return Underspecified(TimexType::kDate, "XXXX-XX");
          case TimeUnit::kDecade:
            return Underspecified(TimexType::kDate, "XXX");
          default:
            return Underspecified(TimexType::kDate, "XXXX");
        }
      }
      if (p.unit == TimeUnit::kYear && p.month == 12 && p.day == 31) {
        return DayResult(CivilDate{ref->year + p.shift, 12, 31},
                         PartOfDay::kNone);  // "by year-end"
      }
      return Shifted(*ref, p.shift, p.unit);
    case TimexKind::kAgo:
      if (p.quantity < 0 || p.unit == TimeUnit::kHour ||
          p.unit == TimeUnit::kMinute || p.unit == TimeUnit::kSecond) {
        return Underspecified(TimexType::kDate, "PAST_REF");
      }
      if (ctx.anchor_quarter && p.unit == TimeUnit::kYear) {
        return QuarterResult(*ctx.anchor_quarter - 4 * p.quantity);
      }
      if (!ref) {
        return Underspecified(TimexType::kDate,
                              p.unit == TimeUnit::kDay     ? "XXXX-XX-XX"
                              : p.unit == TimeUnit::kWeek  ? "XXXX-WXX"
                              : p.unit == TimeUnit::kMonth ? "XXXX-XX"
                                                           : "XXXX");
      }
      return Shifted(*ref, -p.quantity, p.unit);
    case TimexKind::kAnaphoric:
      if (p.quantity < 1) return std::nullopt;
      if (ctx.anchor_quarter && p.unit == TimeUnit::kYear && p.counted) {
        return QuarterResult(*ctx.anchor_quarter + 4 * p.shift * p.quantity);
      }
      if (ctx.anchor) return Shifted(*ctx.anchor, p.shift * p.quantity, p.unit);
      if (ctx.anchor_month && p.unit == TimeUnit::kMonth) {
        const int m = *ctx.anchor_month + p.shift * p.quantity;
        return Shifted(CivilDate{m / 12, m % 12 + 1, 1}, 0, TimeUnit::kMonth);
      }
      if (ctx.anchor_year && p.unit == TimeUnit::kYear) {
        return Underspecified(
            TimexType::kDate,
            FormatYear(*ctx.anchor_year + p.shift * p.quantity));
      }
      // "a year earlier", "two months earlier" without a named time: the
      // reference is the implicit anchor (news compares with its own date).
      if (p.shift < 0 && ref && p.unit != TimeUnit::kDay) {
        return Shifted(*ref, p.shift * p.quantity, p.unit);
      }
      if (p.counted) {
        return Underspecified(TimexType::kDuration,
                              DurationValue(p.quantity, p.unit));
      }
      return std::nullopt;
    case TimexKind::kPresentRef:
      return Underspecified(TimexType::kDate, "PRESENT_REF");
    case TimexKind::kPastRef:
      return Underspecified(TimexType::kDate, "PAST_REF");
    case TimexKind::kFutureRef:
      return Underspecified(TimexType::kDate, "FUTURE_REF");
    case TimexKind::kDuration:
      if (p.quantity == 0 || p.unit == TimeUnit::kNone) return std::nullopt;
      return Underspecified(TimexType::kDuration,
                            p.half && p.quantity > 0
                                ? HalfDurationValue(p.quantity, p.unit)
                                : DurationValue(p.quantity, p.unit));
    case TimexKind::kClock:
      return ResolveClock(p, ctx);
    case TimexKind::kSet:
      return ResolveSet(p);
    case TimexKind::kQuarter:
      return ResolveQuarter(p, ctx);
    case TimexKind::kPeriodRef:
      return ResolvePeriodRef(p, ctx);
    case TimexKind::kSeason:
      return ResolveSeason(p, ctx);
    case TimexKind::kTheYear:
      if (p.ref_mode == 2 && ref) {
        return Underspecified(TimexType::kDate, FormatYear(ref->year));
      }
      if (ctx.anchor_year) {
        return Underspecified(TimexType::kDate, FormatYear(*ctx.anchor_year));
      }
      if (!ref) return Underspecified(TimexType::kDate, "XXXX");
      return Underspecified(TimexType::kDate, FormatYear(ref->year));
    case TimexKind::kTheWeekend:
      return ResolveTheWeekend(p, ctx);
  }
  return std::nullopt;
}

}  // namespace

std::optional<ResolvedTimex> Resolve(const ParsedTimex& p,
                                     const ResolveContext& ctx) {
  std::optional<ResolvedTimex> r = ResolveValue(p, ctx);
  if (r && p.week_of && r->day) {
    r->value = WeekOf(*r->day);
    r->day.reset();
  }
  // A DATE or TIME whose value starts with a concrete year ("2025",
  // "2025-05", "2025-W20", "2025-05-15T10:00") lies within that year.
  if (r && (r->type == TimexType::kDate || r->type == TimexType::kTime) &&
      r->value.size() >= 4 && (r->value.size() == 4 || r->value[4] == '-')) {
    int y = 0;
    bool digits = true;
    for (int i = 0; i < 4; ++i) {
      const char c = r->value[i];
      digits = digits && c >= '0' && c <= '9';
      y = y * 10 + (c - '0');
    }
    if (digits) r->year = y;
    if (digits && r->value.size() == 7 && r->type == TimexType::kDate &&
        r->value[5] >= '0' && r->value[5] <= '1' && r->value[6] >= '0' &&
        r->value[6] <= '9') {
      const int m = (r->value[5] - '0') * 10 + (r->value[6] - '0');
      if (m >= 1 && m <= 12) r->month = y * 12 + m - 1;
    }
  }
  return r;
}

}  // namespace dossier
