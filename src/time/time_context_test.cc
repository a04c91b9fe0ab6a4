#include "time/time_context.h"

#include <gtest/gtest.h>

#include "time/calendar.h"

namespace dossier {
namespace {

TEST(TimeContextTest, ContextWordStemsAndDropsStopWords) {
  EXPECT_EQ(ContextWord("Talks"), "talk");
  EXPECT_EQ(ContextWord("meeting"), "meet");
  EXPECT_EQ(ContextWord("said"), "");
  EXPECT_EQ(ContextWord("Thursday"), "");
}

TEST(TimeContextTest, ValueBoundsCoverDaysWeeksMonthsYears) {
  auto day = [](int y, int m, int d) { return DaysFromCivil({y, m, d}); };
  EXPECT_EQ(ValueBounds("2031-03-13TMO"),
            std::make_pair(day(2031, 3, 13), day(2031, 3, 13)));
  EXPECT_EQ(ValueBounds("2031-W11"),
            std::make_pair(day(2031, 3, 10), day(2031, 3, 16)));
  EXPECT_EQ(ValueBounds("2031-02"),
            std::make_pair(day(2031, 2, 1), day(2031, 2, 28)));
  EXPECT_EQ(ValueBounds("2031"),
            std::make_pair(day(2031, 1, 1), day(2031, 12, 31)));
  EXPECT_FALSE(ValueBounds("XXXX-WXX-4").has_value());
  EXPECT_FALSE(ValueBounds("PRESENT_REF").has_value());
  EXPECT_FALSE(ValueBounds("P3D").has_value());
}

}  // namespace
}  // namespace dossier
