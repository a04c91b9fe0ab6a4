#include "time/calendar.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

TEST(CalendarTest, DayNumbersRoundTrip) {
  for (CivilDate d : {CivilDate{2024, 2, 29}, CivilDate{1999, 12, 31},
                      CivilDate{1969, 7, 20}, CivilDate{2100, 3, 1}}) {
    EXPECT_EQ(CivilFromDays(DaysFromCivil(d)), d);
  }
  EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
}

TEST(CalendarTest, IsoWeekdayMondayIsOne) {
  EXPECT_EQ(IsoWeekday({2025, 5, 12}), 1);  // a Monday
  EXPECT_EQ(IsoWeekday({2025, 5, 15}), 4);  // a Thursday
  EXPECT_EQ(IsoWeekday({2025, 5, 18}), 7);  // a Sunday
}

TEST(CalendarTest, IsoWeekBelongsToTheYearOfItsThursday) {
  int y, w;
  IsoWeek({2024, 12, 30}, &y, &w);  // Monday of week 1 of 2025
  EXPECT_EQ(y, 2025);
  EXPECT_EQ(w, 1);
  IsoWeek({2021, 1, 3}, &y, &w);  // Sunday of week 53 of 2020
  EXPECT_EQ(y, 2020);
  EXPECT_EQ(w, 53);
  IsoWeek({2027, 1, 1}, &y, &w);  // Friday of week 53 of 2026
  EXPECT_EQ(y, 2026);
  EXPECT_EQ(w, 53);
  IsoWeek({2025, 5, 15}, &y, &w);
  EXPECT_EQ(y, 2025);
  EXPECT_EQ(w, 20);
}

TEST(CalendarTest, ParseIsoDateRejectsImpossibleDays) {
  EXPECT_EQ(ParseIsoDate("2024-02-29"), (CivilDate{2024, 2, 29}));
  EXPECT_FALSE(ParseIsoDate("2025-02-29").has_value());
  EXPECT_FALSE(ParseIsoDate("2025-13-01").has_value());
  EXPECT_FALSE(ParseIsoDate("").has_value());
  EXPECT_FALSE(ParseIsoDate("May 2025").has_value());
}

TEST(CalendarTest, AddMonthsClampsTheDay) {
  EXPECT_EQ(AddMonths({2025, 3, 31}, -1), (CivilDate{2025, 2, 28}));
  EXPECT_EQ(AddMonths({2025, 1, 15}, -1), (CivilDate{2024, 12, 15}));
  EXPECT_EQ(AddMonths({2025, 12, 1}, 1), (CivilDate{2026, 1, 1}));
}

TEST(CalendarTest, FormatsPadWithZeros) {
  EXPECT_EQ(FormatDate({2025, 5, 3}), "2025-05-03");
  EXPECT_EQ(FormatMonth(2025, 5), "2025-05");
  EXPECT_EQ(FormatWeek(2025, 1), "2025-W01");
  EXPECT_EQ(FormatYear(987), "0987");
}

}  // namespace
}  // namespace dossier
