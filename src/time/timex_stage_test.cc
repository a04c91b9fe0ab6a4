#include "time/timex_stage.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "time/calendar.h"

namespace dossier {
namespace {

struct Found {
  std::string text;
  TimexType type;
  std::string value;
};

// One sentence per line; `published` is the reference date ("" for none).
std::vector<Found> Times(const std::string& text,
                         const std::string& published) {
  DocMeta meta;
  meta.published = published;
  Document doc(meta, text,
               OffsetMap::Identity(static_cast<uint32_t>(text.size())));
  uint32_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      if (i > start) {
        doc.layers().sentences.push_back(
            {{start, static_cast<uint32_t>(i)}, 0, 0});
      }
      start = static_cast<uint32_t>(i + 1);
    }
  }
  Status st = TimexStage().Run(doc);
  EXPECT_TRUE(st.ok()) << st.ToString();
  std::vector<Found> out;
  for (const Timex& t : doc.layers().times) {
    out.push_back({std::string(doc.Slice(t.span)), t.type, t.value});
  }
  return out;
}

TEST(CalendarTest, IsoWeekAcrossYearEnd) {
  int y, w;
  IsoWeek({2024, 12, 30}, &y, &w);  // a Monday in week 1 of 2025
  EXPECT_EQ(y, 2025);
  EXPECT_EQ(w, 1);
  IsoWeek({2021, 1, 3}, &y, &w);  // a Sunday in week 53 of 2020
  EXPECT_EQ(y, 2020);
  EXPECT_EQ(w, 53);
  IsoWeek({2025, 5, 15}, &y, &w);
  EXPECT_EQ(w, 20);
}

TEST(CalendarTest, WeekdayAndDayNumbersRoundTrip) {
  EXPECT_EQ(IsoWeekday({2025, 5, 15}), 4);  // Thursday
  CivilDate d{2024, 2, 29};
  EXPECT_EQ(CivilFromDays(DaysFromCivil(d)), d);
  EXPECT_FALSE(ParseIsoDate("2025-02-30").has_value());
}

TEST(TimexStageTest, AbsoluteDatesInSeveralForms) {
  auto t = Times(
      "Talks began on March 3, 2024 and resumed on 5 April 2024.\n"
      "The file is dated 2024-04-06.",
      "");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].text, "March 3, 2024");
  EXPECT_EQ(t[0].value, "2024-03-03");
  EXPECT_EQ(t[1].value, "2024-04-05");
  EXPECT_EQ(t[2].value, "2024-04-06");
}

TEST(TimexStageTest, MonthAndYearAndBareYear) {
  auto t = Times(
      "The last talks were held in March 2022, and a truce "
      "followed in 2019.",
      "");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].value, "2022-03");
  EXPECT_EQ(t[1].text, "2019");
  EXPECT_EQ(t[1].value, "2019");
}

TEST(TimexStageTest, NumbersThatAreNotYearsAreSkipped) {
  auto t =
      Times("The army fired 2019 shells and 1,500 drones at the port.", "");
  EXPECT_TRUE(t.empty());
}

TEST(TimexStageTest, PastWeekdayIsTheLastSuchDay) {
  // 2025-03-11 is a Tuesday; "said on Sunday" is 2025-03-09.
  auto t = Times("The minister said on Sunday that the border was calm.",
                 "2025-03-11");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].text, "Sunday");
  EXPECT_EQ(t[0].value, "2025-03-09");
}

TEST(TimexStageTest, FutureWeekdayIsTheNextSuchDay) {
  auto t = Times("She will travel to Sarvik on Thursday.", "2025-03-11");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].value, "2025-03-13");
}

TEST(TimexStageTest, TenseIsReadNearTheExpression) {
  // Sunday is when she spoke; Thursday is when she will travel.
  auto t = Times("Velden announced on Sunday that she would travel on "
                 "Thursday.",
                 "2025-03-11");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].value, "2025-03-09");
  EXPECT_EQ(t[1].value, "2025-03-13");
}

TEST(TimexStageTest, WeekdayOfTheReferenceDayIsThatDay) {
  auto t = Times("Delegates met in Sarvik on Thursday.", "2025-03-13");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].value, "2025-03-13");
}

TEST(TimexStageTest, WeekdayWithPartOfDayIsATime) {
  auto t = Times("The office spoke on Wednesday night.", "2025-03-13");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].text, "Wednesday night");
  EXPECT_EQ(t[0].type, TimexType::kTime);
  EXPECT_EQ(t[0].value, "2025-03-12TNI");
}

TEST(TimexStageTest, WeekdayWithoutReferenceIsUnderspecified) {
  auto t = Times("The office spoke on Wednesday.", "");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].value, "XXXX-WXX-3");
}

TEST(TimexStageTest, RelativeDaysWeeksAndYears) {
  auto t = Times(
      "He spoke yesterday.\nThey meet again next week.\n"
      "The war began three years ago.",
      "2025-03-14");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].value, "2025-03-13");
  EXPECT_EQ(t[1].text, "next week");
  EXPECT_EQ(t[1].value, "2025-W12");
  EXPECT_EQ(t[2].text, "three years ago");
  EXPECT_EQ(t[2].value, "2022");
}

TEST(TimexStageTest, MonthDayTakesTheReferenceYear) {
  auto t = Times(
      "The next round is expected on March 20.\n"
      "The deal was signed on December 30.",
      "2025-01-02");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].value, "2025-03-20");
  EXPECT_EQ(t[1].value, "2024-12-30");  // past context, far ahead: last year
}

TEST(TimexStageTest, DurationsAndSets) {
  auto t = Times(
      "Both sides backed a 30-day truce for two weeks.\n"
      "Patrols run daily.",
      "");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].text, "30-day");
  EXPECT_EQ(t[0].type, TimexType::kDuration);
  EXPECT_EQ(t[0].value, "P30D");
  EXPECT_EQ(t[1].value, "P2W");
  EXPECT_EQ(t[2].type, TimexType::kSet);
  EXPECT_EQ(t[2].value, "P1D");
}

TEST(TimexStageTest, ClockTimesUseTheReferenceDay) {
  auto t = Times("The session opens at 10 a.m. sharp.", "2025-03-13");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].type, TimexType::kTime);
  EXPECT_EQ(t[0].value, "2025-03-13T10:00");
}

TEST(TimexStageTest, SpansDoNotOverlap) {
  auto t =
      Times("It ended on Sunday, May 4, 2025, three days ago.", "2025-05-07");
  for (size_t i = 1; i < t.size(); ++i) {
    EXPECT_NE(t[i - 1].text, t[i].text);
  }
  ASSERT_GE(t.size(), 2u);
  EXPECT_EQ(t[1].value, "2025-05-04");
}

}  // namespace
}  // namespace dossier
