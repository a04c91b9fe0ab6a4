#include "time/resolver.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

constexpr CivilDate kTuesday{2025, 3, 11};  // Tuesday 11 March 2025

ParsedTimex Weekday(int weekday, Tense tense, int shift = 0) {
  ParsedTimex p;
  p.kind = TimexKind::kWeekday;
  p.weekday = weekday;
  p.tense = tense;
  p.shift = shift;
  return p;
}

std::string ValueOf(const ParsedTimex& p, std::optional<CivilDate> ref) {
  ResolveContext ctx;
  ctx.reference = ref;
  std::optional<ResolvedTimex> r = Resolve(p, ctx);
  return r ? r->value : "<none>";
}

TEST(ResolverTest, PastWeekdayIsTheMostRecentOnOrBefore) {
  EXPECT_EQ(ValueOf(Weekday(7, Tense::kPast), kTuesday), "2025-03-09");
  EXPECT_EQ(ValueOf(Weekday(3, Tense::kPast), kTuesday), "2025-03-05");
  EXPECT_EQ(ValueOf(Weekday(2, Tense::kPast), kTuesday), "2025-03-11");
}

TEST(ResolverTest, UnknownTenseResolvesLikePast) {
  EXPECT_EQ(ValueOf(Weekday(7, Tense::kUnknown), kTuesday), "2025-03-09");
}

TEST(ResolverTest, FutureWeekdayIsTheNextOnOrAfter) {
  EXPECT_EQ(ValueOf(Weekday(4, Tense::kFuture), kTuesday), "2025-03-13");
  EXPECT_EQ(ValueOf(Weekday(1, Tense::kFuture), kTuesday), "2025-03-17");
}

TEST(ResolverTest, SameWeekdayInPresentOrFutureIsTheReferenceDay) {
  EXPECT_EQ(ValueOf(Weekday(2, Tense::kFuture), kTuesday), "2025-03-11");
  EXPECT_EQ(ValueOf(Weekday(2, Tense::kPresent), kTuesday), "2025-03-11");
}

TEST(ResolverTest, LastAndNextWeekdayAreStrict) {
  EXPECT_EQ(ValueOf(Weekday(2, Tense::kFuture, -1), kTuesday), "2025-03-04");
  EXPECT_EQ(ValueOf(Weekday(2, Tense::kPast, +1), kTuesday), "2025-03-18");
}

TEST(ResolverTest, WeekdayCrossesYearBoundary) {
  // Thursday 2 January 2025; "on Monday" in the past is 30 December 2024.
  EXPECT_EQ(ValueOf(Weekday(1, Tense::kPast), CivilDate{2025, 1, 2}),
            "2024-12-30");
}

TEST(ResolverTest, WeekdayPartOfDayIsADateWithThePart) {
  ParsedTimex p = Weekday(3, Tense::kPast);
  p.part = PartOfDay::kNight;
  ResolveContext ctx;
  ctx.reference = kTuesday;
  auto r = Resolve(p, ctx);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->type, TimexType::kDate);  // as TimeBank types it
  EXPECT_EQ(r->value, "2025-03-05TNI");
}

TEST(ResolverTest, WeekdayWithoutReferenceIsUnderspecified) {
  EXPECT_EQ(ValueOf(Weekday(4, Tense::kFuture), std::nullopt), "XXXX-WXX-4");
}

ParsedTimex MonthDay(int month, int day, Tense tense) {
  ParsedTimex p;
  p.kind = TimexKind::kDate;
  p.month = month;
  p.day = day;
  p.tense = tense;
  return p;
}

TEST(ResolverTest, MonthDayTakesTheReferenceYear) {
  EXPECT_EQ(ValueOf(MonthDay(3, 20, Tense::kFuture), CivilDate{2025, 1, 2}),
            "2025-03-20");
  EXPECT_EQ(ValueOf(MonthDay(1, 20, Tense::kPast), CivilDate{2025, 1, 2}),
            "2025-01-20");
  EXPECT_EQ(ValueOf(MonthDay(3, 20, Tense::kUnknown), CivilDate{2025, 1, 2}),
            "2025-03-20");
}

TEST(ResolverTest, PastMonthDayWellAfterTheReferenceIsLastYear) {
  // More than two months after the reference in past tense: the year
  // before. In future tense, more than two months before: the year after.
  EXPECT_EQ(ValueOf(MonthDay(3, 20, Tense::kPast), CivilDate{2025, 1, 2}),
            "2024-03-20");
  EXPECT_EQ(ValueOf(MonthDay(9, 1, Tense::kFuture), CivilDate{2025, 12, 2}),
            "2026-09-01");
  // Unknown tense: the nearer one.
  EXPECT_EQ(ValueOf(MonthDay(1, 15, Tense::kUnknown), CivilDate{2025, 11, 20}),
            "2026-01-15");
}

TEST(ResolverTest, FarFutureMonthDayInPastContextIsLastYear) {
  EXPECT_EQ(ValueOf(MonthDay(12, 30, Tense::kPast), CivilDate{2025, 1, 2}),
            "2024-12-30");
}

TEST(ResolverTest, FarPastMonthDayInFutureContextIsNextYear) {
  EXPECT_EQ(ValueOf(MonthDay(1, 5, Tense::kFuture), CivilDate{2025, 12, 20}),
            "2026-01-05");
}

TEST(ResolverTest, PresentTenseMonthDayIsTheNearerOne) {
  // "prices on October 3 are half what they are now", said in January.
  EXPECT_EQ(ValueOf(MonthDay(10, 3, Tense::kPresent), CivilDate{2025, 1, 8}),
            "2024-10-03");
  EXPECT_EQ(ValueOf(MonthDay(2, 3, Tense::kPresent), CivilDate{2025, 1, 8}),
            "2025-02-03");
}

TEST(ResolverTest, PresentTenseMonthIsTheNearerOne) {
  ParsedTimex p;
  p.kind = TimexKind::kMonth;
  p.month = 10;
  p.tense = Tense::kPresent;
  EXPECT_EQ(ValueOf(p, CivilDate{2025, 1, 8}), "2024-10");
  p.month = 3;
  EXPECT_EQ(ValueOf(p, CivilDate{2025, 1, 8}), "2025-03");
}

TEST(ResolverTest, InvalidDatesAreDropped) {
  ParsedTimex p = MonthDay(2, 30, Tense::kPast);
  p.year = 2025;
  EXPECT_EQ(ValueOf(p, std::nullopt), "<none>");
  EXPECT_EQ(ValueOf(MonthDay(2, 29, Tense::kPast), CivilDate{2025, 3, 1}),
            "<none>");
}

ParsedTimex Relative(TimexKind kind, int shift, TimeUnit unit,
                     int quantity = 1) {
  ParsedTimex p;
  p.kind = kind;
  p.shift = shift;
  p.unit = unit;
  p.quantity = quantity;
  return p;
}

TEST(ResolverTest, RelativeWeeksUseIsoWeeksAcrossYearEnds) {
  // Monday 23 December 2024: next week is week 1 of 2025.
  EXPECT_EQ(ValueOf(Relative(TimexKind::kRelativeUnit, 1, TimeUnit::kWeek),
                    CivilDate{2024, 12, 23}),
            "2025-W01");
  // Monday 4 January 2021: last week is week 53 of 2020.
  EXPECT_EQ(ValueOf(Relative(TimexKind::kRelativeUnit, -1, TimeUnit::kWeek),
                    CivilDate{2021, 1, 4}),
            "2020-W53");
  EXPECT_EQ(ValueOf(Relative(TimexKind::kRelativeUnit, 0, TimeUnit::kWeek),
                    CivilDate{2025, 5, 15}),
            "2025-W20");
}

TEST(ResolverTest, RelativeMonthsAndYears) {
  EXPECT_EQ(ValueOf(Relative(TimexKind::kRelativeUnit, -1, TimeUnit::kMonth),
                    CivilDate{2025, 1, 31}),
            "2024-12");
  EXPECT_EQ(
      ValueOf(Relative(TimexKind::kRelativeUnit, 0, TimeUnit::kYear), kTuesday),
      "2025");
  EXPECT_EQ(ValueOf(Relative(TimexKind::kRelativeUnit, -1, TimeUnit::kWeekend),
                    kTuesday),
            "2025-W10-WE");
}

TEST(ResolverTest, AgoKeepsTheGranularityOfItsUnit) {
  EXPECT_EQ(ValueOf(Relative(TimexKind::kAgo, 0, TimeUnit::kYear, 3), kTuesday),
            "2022");
  EXPECT_EQ(ValueOf(Relative(TimexKind::kAgo, 0, TimeUnit::kDay, 2), kTuesday),
            "2025-03-09");
  EXPECT_EQ(
      ValueOf(Relative(TimexKind::kAgo, 0, TimeUnit::kMonth, 3), kTuesday),
      "2024-12");
  EXPECT_EQ(
      ValueOf(Relative(TimexKind::kAgo, 0, TimeUnit::kYear, -1), kTuesday),
      "PAST_REF");
}

TEST(ResolverTest, AnaphoricDayNeedsAnAnchor) {
  ParsedTimex p = Relative(TimexKind::kAnaphoric, -1, TimeUnit::kDay);
  ResolveContext ctx;
  ctx.reference = kTuesday;
  EXPECT_FALSE(Resolve(p, ctx).has_value());
  ctx.anchor = CivilDate{2025, 3, 1};
  auto r = Resolve(p, ctx);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->value, "2025-02-28");
}

TEST(ResolverTest, AnaphoricMonthFollowsTheAnchorMonth) {
  ParsedTimex p = Relative(TimexKind::kAnaphoric, 1, TimeUnit::kMonth);
  ResolveContext ctx;
  ctx.reference = kTuesday;
  ctx.anchor_month = 2024 * 12 + 11;  // December 2024
  auto r = Resolve(p, ctx);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->value, "2025-01");
  EXPECT_EQ(r->month, 2025 * 12);
}

TEST(ResolverTest, DurationsValues) {
  auto duration = [](int q, TimeUnit u) {
    return ValueOf(Relative(TimexKind::kDuration, 0, u, q), std::nullopt);
  };
  EXPECT_EQ(duration(3, TimeUnit::kYear), "P3Y");
  EXPECT_EQ(duration(24, TimeUnit::kHour), "PT24H");
  EXPECT_EQ(duration(30, TimeUnit::kMinute), "PT30M");
  EXPECT_EQ(duration(2, TimeUnit::kWeek), "P2W");
  EXPECT_EQ(duration(1, TimeUnit::kDecade), "P10Y");
  EXPECT_EQ(duration(-1, TimeUnit::kDay), "PXD");
  EXPECT_EQ(duration(-1, TimeUnit::kDecade), "PXDE");
}

TEST(ResolverTest, ClockFallsOnTheSentenceDayElseTheReference) {
  ParsedTimex p;
  p.kind = TimexKind::kClock;
  p.hour = 15;
  p.minute = 30;
  ResolveContext ctx;
  EXPECT_EQ(Resolve(p, ctx)->value, "XXXX-XX-XXT15:30");
  ctx.reference = kTuesday;
  EXPECT_EQ(Resolve(p, ctx)->value, "2025-03-11T15:30");
  ctx.sentence_day = CivilDate{2025, 3, 13};
  EXPECT_EQ(Resolve(p, ctx)->value, "2025-03-13T15:30");
}

}  // namespace
}  // namespace dossier
