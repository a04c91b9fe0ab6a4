// Resolve: turns one parsed time expression (time/recognizer.h) into a
// TIMEX3 type and value, given the reference date (the document's
// publication date) and what the surrounding text already named.
//
// Rules (see README.md): weekdays go to the most recent such day on or
// before the reference in past or unknown tense, to the next on or after it
// in present or future tense ("last"/"next" force strictly before/after);
// a month and day without a year take the reference year, moved a year back
// (past) or forward (future) when that would put it more than six months
// away on the wrong side; "the next day" needs an anchor day from the text
// ("two years later" an anchor year, else it is read as a duration).
// Quarters without a year take the reference's; "the quarter" and "a
// year ago" said of a quarter use ctx.anchor_quarter; seasons and
// "last October" follow the reference (README.md has all rules).
// Without a reference, relative expressions are underspecified
// ("XXXX-WXX-4") and absolute ones still resolve.
// Pure function; thread-safe.
#ifndef DOSSIER_TIME_RESOLVER_H_
#define DOSSIER_TIME_RESOLVER_H_

#include <optional>
#include <string>

#include "doc/layers.h"
#include "time/calendar.h"
#include "time/recognizer.h"

namespace dossier {

struct ResolveContext {
  // The document's creation time (meta.published); nullopt when unknown.
  std::optional<CivilDate> reference;
  // A day named elsewhere in the same sentence ("at 10 a.m. on Thursday"):
  // clock times fall on it instead of the reference.
  std::optional<CivilDate> sentence_day;
  // The last day named in the text just before the expression (this or
  // the previous sentence), for "the next day", "two days later". Without
  // one those expressions are dropped.
  std::optional<CivilDate> anchor;
  // The year of the last date, month or year named there ("in 2023 ...
  // two years later"); used by anaphoric years when there is no anchor day.
  std::optional<int> anchor_year;
  // The last month named there without a day, as year * 12 + (month - 1):
  // "in March ... the following month".
  std::optional<int> anchor_month;
  // The last quarter named in the text before the expression, as
  // year * 4 + (quarter - 1): "the quarter", "the year-ago quarter", and
  // "a year ago" said of a quarter refer to it.
  std::optional<int> anchor_quarter;
};

struct ResolvedTimex {
  TimexType type = TimexType::kDate;
  std::string value;
  // Set when the value names one calendar day (a possible anchor).
  std::optional<CivilDate> day;
  // Set when the value lies within one known year (a date, month, week or
  // year).
  std::optional<int> year;
  // Set when the value is one quarter (year * 4 + quarter - 1).
  std::optional<int> quarter;
  // Set when the value is one month ("2025-05"): year * 12 + month - 1.
  std::optional<int> month;
};

// nullopt when the expression should not be emitted (an invalid date such
// as "February 30", an anaphoric day without an anchor).
std::optional<ResolvedTimex> Resolve(const ParsedTimex& p,
                                     const ResolveContext& ctx);

}  // namespace dossier

#endif  // DOSSIER_TIME_RESOLVER_H_
