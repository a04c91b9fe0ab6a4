// Calendar arithmetic for time normalization: civil dates <-> day numbers,
// weekdays, ISO weeks, and TIMEX3 value formatting. Pure functions;
// thread-safe.
#ifndef DOSSIER_TIME_CALENDAR_H_
#define DOSSIER_TIME_CALENDAR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dossier {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

// Days since 1970-01-01 (negative before).
int64_t DaysFromCivil(CivilDate d);
CivilDate CivilFromDays(int64_t days);
// 1 = Monday ... 7 = Sunday (ISO).
int IsoWeekday(CivilDate d);
// ISO 8601 week-numbering year and week of `d`.
void IsoWeek(CivilDate d, int* iso_year, int* week);
int DaysInMonth(int year, int month);
bool IsValidDate(CivilDate d);

// "YYYY-MM-DD" -> date; nullopt when not a valid date.
std::optional<CivilDate> ParseIsoDate(std::string_view s);

std::string FormatDate(CivilDate d);             // 2025-05-15
std::string FormatMonth(int year, int month);    // 2025-05
std::string FormatWeek(int iso_year, int week);  // 2025-W20
std::string FormatYear(int year);                // 2025

// Adds months, clamping the day to the month's length.
CivilDate AddMonths(CivilDate d, int months);

}  // namespace dossier

#endif  // DOSSIER_TIME_CALENDAR_H_
