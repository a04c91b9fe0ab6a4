#include "time/timex_stage.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "pos/tags.h"

namespace dossier {
namespace {

struct Found {
  std::string text;
  TimexType type;
  std::string value;
};

// Test-only document builder: one sentence per line, `published` is the
// reference date ("" for none). Independent of the text/ stages.
Document MakeDocument(const std::string& text, const std::string& published) {
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
  return doc;
}

std::vector<Found> Times(const std::string& text,
                         const std::string& published) {
  Document doc = MakeDocument(text, published);
  Status st = TimexStage().Run(doc);
  EXPECT_TRUE(st.ok()) << st.ToString();
  std::vector<Found> out;
  for (const Timex& t : doc.layers().times) {
    out.push_back({std::string(doc.Slice(t.span)), t.type, t.value});
  }
  return out;
}

// The single expression of `text`; fails the test unless there is one.
Found One(const std::string& text, const std::string& published) {
  std::vector<Found> t = Times(text, published);
  EXPECT_EQ(t.size(), 1u) << text;
  return t.empty() ? Found{"", TimexType::kDate, "<none>"} : t[0];
}

// Tuesday 11 March 2025.
const char kTue[] = "2025-03-11";
// Tuesday 4 November 2025, in the year's last quarter (past quarters
// named without a year are this year's).
const char kNovTue[] = "2025-11-04";

TEST(TimexStageTest, DeclaresItsLayers) {
  TimexStage stage;
  EXPECT_EQ(stage.name(), "times");
  EXPECT_EQ(stage.writes(), Bit(Layer::kTimes));
  EXPECT_TRUE(stage.reads() & Bit(Layer::kSentences));
  EXPECT_TRUE(stage.reads() & Bit(Layer::kMeta));
}

TEST(TimexStageTest, AbsoluteDatesInSeveralForms) {
  auto t = Times(
      "Talks began on May 15, 2025 and resumed on 16 May 2025.\n"
      "The file is dated 2025-05-17.\n"
      "The form was stamped 5/18/2025.\n"
      "A copy was stamped 25/5/2025.",
      "");
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[0].text, "May 15, 2025");
  EXPECT_EQ(t[0].value, "2025-05-15");
  EXPECT_EQ(t[1].text, "16 May 2025");
  EXPECT_EQ(t[1].value, "2025-05-16");
  EXPECT_EQ(t[2].value, "2025-05-17");
  EXPECT_EQ(t[3].value, "2025-05-18");
  EXPECT_EQ(t[4].value, "2025-05-25");
}

TEST(TimexStageTest, AbbreviatedMonthAndOrdinalDay) {
  EXPECT_EQ(One("The ruling came on Sept. 3, 2024.", "").value, "2024-09-03");
  EXPECT_EQ(One("The ruling came on the 3rd of September 2024.", "").value,
            "2024-09-03");
}

TEST(TimexStageTest, ImpossibleDateIsDropped) {
  EXPECT_TRUE(Times("The memo is dated February 30, 2025.", "").empty());
}

TEST(TimexStageTest, MonthAndYear) {
  Found f = One("The last talks were held in March 2022.", "");
  EXPECT_EQ(f.text, "March 2022");
  EXPECT_EQ(f.value, "2022-03");
}

TEST(TimexStageTest, YearAfterPreposition) {
  auto t = Times(
      "A truce followed in 2019.\nThe port has been shut since 2022.\n"
      "Fighting lasted from 2014 to 2016.",
      "");
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].text, "2019");
  EXPECT_EQ(t[0].value, "2019");
  EXPECT_EQ(t[1].value, "2022");
  EXPECT_EQ(t[2].value, "2014");
  EXPECT_EQ(t[3].value, "2016");
}

TEST(TimexStageTest, YearWithoutPreposition) {
  auto t = Times("Floods struck the valley in 2016, 2018 and 2021.\n"
                 "Officials expect 2026 revenue to fall.",
                 kTue);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[1].text, "2018");
  EXPECT_EQ(t[1].value, "2018");
  EXPECT_EQ(t[3].text, "2026");
  EXPECT_EQ(t[3].value, "2026");
}

TEST(TimexStageTest, YearAfterPostOrPreIsAYear) {
  Found f = One("The post-2008 rules tightened lending.", kTue);
  EXPECT_EQ(f.text, "2008");
  EXPECT_EQ(f.value, "2008");
}

TEST(TimexStageTest, CountOrAmountWithoutPrepositionIsNotAYear) {
  EXPECT_TRUE(Times("Rebels fired 1999 rockets and seized $2000.\n"
                    "Nearly 1950 troops crossed the river.",
                    kTue)
                  .empty());
}

TEST(TimexStageTest, FutureYearIsNotTheNextSentencesYear) {
  auto t = Times("The mill aims to double output by 2030 as planned.\n"
                 "Profit for the year rose 4%.",
                 kTue);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].text, "the year");
  EXPECT_EQ(t[1].value, "2025");
}

TEST(TimexStageTest, CountsAreNotTimes) {
  EXPECT_TRUE(Times("The army launched 145 drones and 2,000 shells.\n"
                    "A crowd of 2000 people gathered.",
                    kTue)
                  .empty());
}

TEST(TimexStageTest, MonthDayTakesTheReferenceYear) {
  EXPECT_EQ(One("The next round is expected on March 20.", "2025-01-02").value,
            "2025-03-20");
  EXPECT_EQ(One("The next round is expected on 20 March.", "2025-01-02").value,
            "2025-03-20");
}

TEST(TimexStageTest, PastMonthDayAcrossNewYearIsLastYear) {
  Found f = One("The deal was signed on December 30.", "2025-01-02");
  EXPECT_EQ(f.text, "December 30");
  EXPECT_EQ(f.value, "2024-12-30");
}

TEST(TimexStageTest, FutureMonthDayAcrossNewYearIsNextYear) {
  EXPECT_EQ(One("The court will rule on January 5.", "2025-12-20").value,
            "2026-01-05");
}

TEST(TimexStageTest, SecondDayAfterAMonthDayTakesItsMonth) {
  auto t = Times("The summit meets on April 24 and 25 in Tallinn.", kTue);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].text, "April 24");
  EXPECT_EQ(t[1].text, "25");
  EXPECT_EQ(t[1].value, "2025-04-25");
  EXPECT_EQ(Times("Rates rose on March 3 and 4 banks failed.", kTue).size(),
            1u);
}

TEST(TimexStageTest, WeekOfADateIsThatWeek) {
  Found f = One("Hearings resume the week of April 14.", kTue);
  EXPECT_EQ(f.text, "the week of April 14");
  EXPECT_EQ(f.value, "2025-W16");
}

TEST(TimexStageTest, PreviousWeekdayIsBeforeTheDayNamedLast) {
  auto t = Times("The index closed at 410 on March 21.\n"
                 "It was down 2% from the previous Friday.",
                 kTue);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].text, "the previous Friday");
  EXPECT_EQ(t[1].value, "2025-03-14");  // March 21, 2025 is a Friday
}

TEST(TimexStageTest, PreviousWeekdayCountsFromADayNamedSentencesBefore) {
  auto t = Times("The index closed at 410 on March 21.\n"
                 "Dealers in Brask were cautious.\n"
                 "It was down 2% from the previous Friday.",
                 kTue);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].value, "2025-03-14");
}

TEST(TimexStageTest, PreviousWeekdayWithoutANamedDayIsBeforeTheReference) {
  EXPECT_EQ(One("Shares fell from the previous Friday.", kTue).value,
            "2025-03-07");
}

TEST(TimexStageTest, LastMonthDayIsThePastOne) {
  // Published Tuesday 11 March 2025: last Nov. 20 was in 2024.
  Found f = One("The bridge has been shut since it flooded last Nov. 20.", kTue);
  EXPECT_EQ(f.text, "last Nov. 20");
  EXPECT_EQ(f.value, "2024-11-20");
}

TEST(TimexStageTest, FollowingMonthIsAfterTheMonthNamedBefore) {
  auto t = Times("In January, the co-operative bought a second mill.\n"
                 "Its workers were glad.\n"
                 "The following month, the mill burned down.",
                 kTue);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].text, "The following month");
  EXPECT_EQ(t[1].value, "2025-02");
}

TEST(TimexStageTest, MonthDayWithoutReferenceIsUnderspecified) {
  EXPECT_EQ(One("The deal was signed on December 30.", "").value, "XXXX-12-30");
}

TEST(TimexStageTest, PartOfMonthAndBareMonth) {
  EXPECT_EQ(One("Elections are planned for early May.", kTue).value, "2025-05");
  Found f = One("Prices have risen since January.", kTue);
  EXPECT_EQ(f.text, "January");
  EXPECT_EQ(f.value, "2025-01");
}

TEST(TimexStageTest, MonthWithoutPrepositionIsADate) {
  Found f = One("The January figures surprised the traders of Velmor.", kTue);
  EXPECT_EQ(f.text, "January");
  EXPECT_EQ(f.value, "2025-01");
  EXPECT_EQ(One("Analysts revised the estimate for February.", kTue).value,
            "2025-02");
}

TEST(TimexStageTest, MarchAsANounIsNotAMonth) {
  EXPECT_TRUE(Times("Thousands joined the March for Clean Rivers.", kTue)
                  .empty());
}

TEST(TimexStageTest, PastWeekdayIsTheLastSuchDay) {
  Found f = One("The minister said on Sunday that the border was calm.", kTue);
  EXPECT_EQ(f.text, "Sunday");
  EXPECT_EQ(f.type, TimexType::kDate);
  EXPECT_EQ(f.value, "2025-03-09");
}

TEST(TimexStageTest, WeekdayBeforePastVerbIsPast) {
  EXPECT_EQ(One("On Sunday the council proposed a new budget.", kTue).value,
            "2025-03-09");
}

TEST(TimexStageTest, FutureWeekdayIsTheNextSuchDay) {
  EXPECT_EQ(One("She will travel to Sarvik on Thursday.", kTue).value,
            "2025-03-13");
  EXPECT_EQ(One("Talks are scheduled for Friday.", kTue).value, "2025-03-14");
}

TEST(TimexStageTest, TenseIsReadNearTheExpression) {
  auto t = Times(
      "Velden announced on Sunday that she would travel on Thursday.", kTue);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].value, "2025-03-09");
  EXPECT_EQ(t[1].value, "2025-03-13");
}

TEST(TimexStageTest, WeekdayOfTheReferenceDayIsThatDay) {
  EXPECT_EQ(One("Delegates will meet in Sarvik on Tuesday.", kTue).value, kTue);
  EXPECT_EQ(One("Delegates met in Sarvik on Tuesday.", kTue).value, kTue);
}

TEST(TimexStageTest, ThisWeekdayFollowsTheVerb) {
  Found f = One("The envoy will arrive this Thursday.", kTue);
  EXPECT_EQ(f.text, "this Thursday");
  EXPECT_EQ(f.value, "2025-03-13");
}

TEST(TimexStageTest, LastAndNextWeekday) {
  EXPECT_EQ(One("They met last Tuesday.", kTue).value, "2025-03-04");
  EXPECT_EQ(One("They meet next Tuesday.", kTue).value, "2025-03-18");
}

TEST(TimexStageTest, WeekdayWithPartOfDayIsADateWithThePart) {
  Found f = One("The office spoke on Wednesday night.", "2025-03-13");
  EXPECT_EQ(f.text, "Wednesday night");
  EXPECT_EQ(f.type, TimexType::kDate);
  EXPECT_EQ(f.value, "2025-03-12TNI");
  EXPECT_EQ(One("The envoy will land Thursday morning.", kTue).value,
            "2025-03-13TMO");
}

TEST(TimexStageTest, WeekdayWithoutReferenceIsUnderspecified) {
  EXPECT_EQ(One("The office spoke on Wednesday.", "").value, "XXXX-WXX-3");
}

TEST(TimexStageTest, RelativeDays) {
  auto t = Times(
      "He spoke yesterday.\nShe speaks today.\n"
      "They land tomorrow.\nHe speaks tonight.",
      kTue);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].value, "2025-03-10");
  EXPECT_EQ(t[1].value, "2025-03-11");
  EXPECT_EQ(t[2].value, "2025-03-12");
  EXPECT_EQ(t[3].type, TimexType::kTime);
  EXPECT_EQ(t[3].value, "2025-03-11TNI");
}

TEST(TimexStageTest, RelativeDaysWithoutReferenceAreUnderspecified) {
  EXPECT_EQ(One("He spoke yesterday.", "").value, "XXXX-XX-XX");
}

TEST(TimexStageTest, RelativeWeeksMonthsYears) {
  auto t = Times(
      "They meet again next week.\nPrices rose last month.\n"
      "The plan ends this year.\nTrade fell last year.",
      "2025-05-15");
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].text, "next week");
  EXPECT_EQ(t[0].value, "2025-W21");
  EXPECT_EQ(t[1].value, "2025-04");
  EXPECT_EQ(t[2].value, "2025");
  EXPECT_EQ(t[3].value, "2024");
}

TEST(TimexStageTest, NextWeekAcrossTheYearEnd) {
  EXPECT_EQ(One("They meet again next week.", "2024-12-23").value, "2025-W01");
}

TEST(TimexStageTest, AgoIsADateAtTheUnitsGranularity) {
  Found f = One("The war began three years ago.", kTue);
  EXPECT_EQ(f.text, "three years ago");
  EXPECT_EQ(f.type, TimexType::kDate);
  EXPECT_EQ(f.value, "2022");
}

TEST(TimexStageTest, AnaphoricDayNeedsANamedDay) {
  auto t = Times(
      "The ministers met on March 3, 2025.\n"
      "The next day, talks collapsed.",
      kTue);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].text, "The next day");
  EXPECT_EQ(t[1].value, "2025-03-04");
  EXPECT_TRUE(Times("The next day, talks collapsed.", kTue).empty());
}

TEST(TimexStageTest, CountedShiftUsesTheLastNamedYear) {
  auto t = Times(
      "The council first met in 2021.\n"
      "Two years later, the bridge opened.",
      kTue);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].text, "Two years later");
  EXPECT_EQ(t[1].value, "2023");
}

TEST(TimexStageTest, CountedShiftWithoutAnchorIsADuration) {
  Found f = One("Two years later, the bridge opened.", kTue);
  EXPECT_EQ(f.type, TimexType::kDuration);
  EXPECT_EQ(f.value, "P2Y");
}

TEST(TimexStageTest, OrdinalSecondIsNotADuration) {
  EXPECT_TRUE(Times("The city will fund a second ferry line.", kTue).empty());
}

TEST(TimexStageTest, PresentReference) {
  Found f = One("The port is currently closed.", kTue);
  EXPECT_EQ(f.text, "currently");
  EXPECT_EQ(f.value, "PRESENT_REF");
}

TEST(TimexStageTest, Decades) {
  Found f = One("The dispute dates to the 1990s.", "");
  EXPECT_EQ(f.text, "the 1990s");
  EXPECT_EQ(f.value, "199");
}

TEST(TimexStageTest, SpelledAndShortDecades) {
  Found f = One("Shipyards boomed through the sixties.", kTue);
  EXPECT_EQ(f.text, "the sixties");
  EXPECT_EQ(f.value, "196");
  EXPECT_EQ(One("The band toured in the '70s.", kTue).value, "197");
  EXPECT_EQ(One("Prices fell in the 80s.", kTue).value, "198");
}

TEST(TimexStageTest, Durations) {
  auto t = Times(
      "Both sides backed a 30-day truce.\nThe siege lasted three years.\n"
      "The strike lasted 24 hours.\nThe vote was delayed by two weeks.\n"
      "Peace held for a decade.",
      "");
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[0].text, "30-day");
  EXPECT_EQ(t[0].type, TimexType::kDuration);
  EXPECT_EQ(t[0].value, "P30D");
  EXPECT_EQ(t[1].value, "P3Y");
  EXPECT_EQ(t[2].value, "PT24H");
  EXPECT_EQ(t[3].value, "P2W");
  EXPECT_EQ(t[4].value, "P10Y");
}

TEST(TimexStageTest, LongAdjectivesAreDurations) {
  EXPECT_EQ(One("The talks ended a day-long standoff in Rask.", kTue).value,
            "P1D");
  EXPECT_EQ(One("It was the end of a decades-long feud.", kTue).value, "PXDE");
}

TEST(TimexStageTest, DurationWithModifierIncludesTheArticle) {
  Found f = One("Prices doubled over the past three years.", kTue);
  EXPECT_EQ(f.text, "the past three years");
  EXPECT_EQ(f.type, TimexType::kDuration);
  EXPECT_EQ(f.value, "P3Y");
}

TEST(TimexStageTest, ClockTimesUseTheReferenceDay) {
  Found f = One("The session opens at 3:30 p.m. sharp.", kTue);
  EXPECT_EQ(f.text, "3:30 p.m.");
  EXPECT_EQ(f.type, TimexType::kTime);
  EXPECT_EQ(f.value, "2025-03-11T15:30");
}

TEST(TimexStageTest, PartOfDayBeforeRelativeDay) {
  Found f = One("Trading halted in mid-afternoon yesterday.", kTue);
  EXPECT_EQ(f.text, "mid-afternoon yesterday");
  EXPECT_EQ(f.type, TimexType::kTime);
  EXPECT_EQ(f.value, "2025-03-10TAF");
}

TEST(TimexStageTest, ModifiedPartOfDayAfterPrepositionIsTheReferenceDay) {
  Found f = One("The roads were clear by late morning.", kTue);
  EXPECT_EQ(f.text, "late morning");
  EXPECT_EQ(f.value, "2025-03-11TMO");
}

TEST(TimexStageTest, TodaysWorldIsNotADay) {
  EXPECT_TRUE(Times("Skills matter in today's economy.", kTue).empty());
  EXPECT_EQ(One("Today's vote was delayed.", kTue).value, "2025-03-11");
}

TEST(TimexStageTest, EarlyHoursOfADayAreNotADuration) {
  Found f = One("Police raided the farm in the early hours of Sunday.", kTue);
  EXPECT_EQ(f.text, "Sunday");
}

TEST(TimexStageTest, HighNoonIsNotAClockTime) {
  EXPECT_TRUE(Times("For the reformers it was high noon.", kTue).empty());
}

TEST(TimexStageTest, ClockHourWithPartOfDay) {
  Found f = One("The convoy left at 5 in the morning.", kTue);
  EXPECT_EQ(f.text, "5 in the morning");
  EXPECT_EQ(f.type, TimexType::kTime);
  EXPECT_EQ(f.value, "2025-03-11T05:00");
  EXPECT_EQ(One("The market closed at 7:30 in the evening.", kTue).value,
            "2025-03-11T19:30");
  EXPECT_EQ(One("Sirens sounded at 11 at night.", kTue).value,
            "2025-03-11T23:00");
}

TEST(TimexStageTest, ClockTimesUseADayNamedInTheSentence) {
  auto t = Times("The envoy will land at 10 a.m. on Thursday.", kTue);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].value, "2025-03-13T10:00");
  EXPECT_EQ(t[1].value, "2025-03-13");
}

TEST(TimexStageTest, NoonAndMidnight) {
  auto t =
      Times("The truce starts at midnight and talks resume at noon.", kTue);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].value, "2025-03-11T24:00");
  EXPECT_EQ(t[1].value, "2025-03-11T12:00");
}

TEST(TimexStageTest, Sets) {
  auto t = Times(
      "Inspectors visit every week.\nPatrols run daily.\n"
      "The fair is held each year.\nThe board meets twice a month.",
      "");
  ASSERT_EQ(t.size(), 4u);
  for (const Found& f : t) EXPECT_EQ(f.type, TimexType::kSet) << f.text;
  EXPECT_EQ(t[0].value, "P1W");
  EXPECT_EQ(t[1].value, "P1D");
  EXPECT_EQ(t[2].value, "P1Y");
  EXPECT_EQ(t[3].value, "P1M");
}

TEST(TimexStageTest, PluralWeekdaysAreSets) {
  Found f = One("The market in Keld opens on Saturdays.", kTue);
  EXPECT_EQ(f.text, "Saturdays");
  EXPECT_EQ(f.type, TimexType::kSet);
  EXPECT_EQ(f.value, "XXXX-WXX-6");
  f = One("The band plays Friday nights at the harbour.", kTue);
  EXPECT_EQ(f.text, "Friday nights");
  EXPECT_EQ(f.type, TimexType::kSet);
  EXPECT_EQ(f.value, "XXXX-WXX-5TNI");
}

TEST(TimexStageTest, WeekdayJoinedToAPluralWeekdayIsASet) {
  auto t = Times("The ferry sails Monday and Thursday mornings.", kTue);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].text, "Monday");
  EXPECT_EQ(t[0].type, TimexType::kSet);
  EXPECT_EQ(t[0].value, "XXXX-WXX-1TMO");
  EXPECT_EQ(t[1].value, "XXXX-WXX-4TMO");
}

TEST(TimexStageTest, MoreRelativeForms) {
  auto t = Times(
      "They met the day before yesterday.\nShe spoke this morning.\n"
      "Shelling resumed last night.\nHe left yesterday evening.\n"
      "The fair opens next weekend.\nPrices fell in recent weeks.\n"
      "Talks resume in the coming weeks.",
      kTue);
  ASSERT_EQ(t.size(), 7u);
  EXPECT_EQ(t[0].text, "the day before yesterday");
  EXPECT_EQ(t[0].value, "2025-03-09");
  EXPECT_EQ(t[1].value, "2025-03-11TMO");
  EXPECT_EQ(t[2].value, "2025-03-10TNI");
  EXPECT_EQ(t[3].value, "2025-03-10TEV");
  EXPECT_EQ(t[4].value, "2025-W12-WE");
  // TimeML reads "recent weeks" as an unspecified number of weeks.
  EXPECT_EQ(t[5].type, TimexType::kDuration);
  EXPECT_EQ(t[5].value, "PXW");
  EXPECT_EQ(t[6].text, "the coming weeks");
  EXPECT_EQ(t[6].value, "FUTURE_REF");
}

TEST(TimexStageTest, MoreDurationAndSetForms) {
  auto t = Times(
      "The march lasted twenty-four hours.\nIt took several days.\n"
      "They argued for years.\nBuses run every other week.\n"
      "The market opens every Monday.\nThe ferry leaves at 14:30.\n"
      "The bank opens at 9am.",
      kTue);
  ASSERT_EQ(t.size(), 7u);
  EXPECT_EQ(t[0].value, "PT24H");
  EXPECT_EQ(t[1].value, "PXD");
  EXPECT_EQ(t[2].text, "years");
  EXPECT_EQ(t[2].value, "PXY");
  EXPECT_EQ(t[3].value, "P2W");
  EXPECT_EQ(t[4].value, "XXXX-WXX-1");
  EXPECT_EQ(t[5].text, "14:30");
  EXPECT_EQ(t[5].value, "2025-03-11T14:30");
  EXPECT_EQ(t[6].value, "2025-03-11T09:00");
}

TEST(TimexStageTest, OffsetsAreDocumentOffsets) {
  Document doc = MakeDocument("Nothing here.\nHe left on Friday.", kTue);
  ASSERT_TRUE(TimexStage().Run(doc).ok());
  ASSERT_EQ(doc.layers().times.size(), 1u);
  EXPECT_EQ(doc.Slice(doc.layers().times[0].span), "Friday");
}

TEST(TimexStageTest, RerunReplacesTheLayer) {
  Document doc = MakeDocument("He left on Friday.", kTue);
  TimexStage stage;
  ASSERT_TRUE(stage.Run(doc).ok());
  ASSERT_TRUE(stage.Run(doc).ok());
  EXPECT_EQ(doc.layers().times.size(), 1u);
}

TEST(TimexStageTest, ManyExpressionsInOneSentenceStayOrdered) {
  std::string text = "Meetings were held";
  for (int i = 0; i < 70; ++i) text += " on Monday and in 2019,";
  text += " and then nothing.";
  auto t = Times(text, kTue);
  ASSERT_EQ(t.size(), 140u);
  EXPECT_EQ(t[0].text, "Monday");
  EXPECT_EQ(t[1].text, "2019");
  EXPECT_EQ(t[139].text, "2019");
}

TEST(TimexStageTest, OddBytesDoNotBreakTheScan) {
  const std::string text =
      "\xE2\x80\x9CWe\xE2\x80\x99ll go on Friday,\xE2\x80\x9D she "
      "said \xFF\xFE.\n\xE2\x80\x99\n\xE2";
  auto t = Times(text, kTue);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].value, "2025-03-14");
}

TEST(TimexStageTest, MalformedReferenceIsIgnored) {
  EXPECT_EQ(One("The office spoke on Wednesday.", "2025-13-45").value,
            "XXXX-WXX-3");
}

// The text of each expression found, in order.
std::vector<std::string> Texts(const std::vector<Found>& found) {
  std::vector<std::string> out;
  for (const Found& f : found) out.push_back(f.text);
  return out;
}

TEST(TimexStageTest, NamedQuarters) {
  auto t = Times(
      "Orvik Foods posted a third-quarter loss.\n"
      "Net income fell in the fourth quarter of 2024.\n"
      "The 2023 second quarter was weak.\n"
      "Sales should recover in next year's first quarter.",
      kNovTue);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].text, "third-quarter");
  EXPECT_EQ(t[0].value, "2025-Q3");
  EXPECT_EQ(t[1].text, "the fourth quarter of 2024");
  EXPECT_EQ(t[1].value, "2024-Q4");
  EXPECT_EQ(t[2].text, "The 2023 second quarter");
  EXPECT_EQ(t[2].value, "2023-Q2");
  EXPECT_EQ(t[3].text, "next year's first quarter");
  EXPECT_EQ(t[3].value, "2026-Q1");
}

TEST(TimexStageTest, QuarterReferencesFollowTheNamedQuarter) {
  auto t = Times(
      "Lanmark Tools reported a loss for the second quarter.\n"
      "Sales in the quarter fell, and costs rose from the year-ago quarter.\n"
      "Profit was $3 million, against $5 million a year earlier.",
      kNovTue);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[1].text, "the quarter");
  EXPECT_EQ(t[1].value, "2025-Q2");
  EXPECT_EQ(t[2].text, "the year-ago quarter");
  EXPECT_EQ(t[2].value, "2024-Q2");
  EXPECT_EQ(t[3].text, "a year earlier");
  EXPECT_EQ(t[3].value, "2024-Q2");
}

TEST(TimexStageTest, LatestQuarterWithoutAnchorIsTheLastCompleted) {
  EXPECT_EQ(One("Revenue in the latest quarter rose 4%.", kTue).value,
            "2024-Q4");
  EXPECT_EQ(One("Revenue in the latest quarter rose 4%.", "").value, "XXXX-QX");
  EXPECT_EQ(One("Prices dropped last quarter.", kTue).value, "2024-Q4");
}

TEST(TimexStageTest, QuarterEndedOnADateIsTheQuarterOfThoseMonths) {
  auto t = Times("Brenwick Mills earned $2 million in the quarter ended July 31.",
                 kTue);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].text, "the quarter");
  EXPECT_EQ(t[0].value, "2024-Q2");
}

TEST(TimexStageTest, QuarterEndedAfterANamedQuarterKeepsTheName) {
  auto t = Times(
      "Brenwick Mills had a strong fiscal first quarter.\n"
      "Sales in the quarter ended Sept. 30 rose 5%.",
      kTue);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[1].text, "the quarter");
  EXPECT_EQ(t[1].value, "2025-Q1");
}

TEST(TimexStageTest, ThisQuarterInAReportIsTheQuarterReported) {
  auto t = Times(
      "Orvik Press posted a loss for the third quarter ended Sept. 30.\n"
      "This quarter's loss includes a charge for its Tallin unit.",
      "1989-11-01");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[2].text, "This quarter");
  EXPECT_EQ(t[2].value, "1989-Q3");
}

TEST(TimexStageTest, ThisQuarterAheadIsTheReferencesQuarter) {
  auto t = Times(
      "Orvik Press posted a loss for the third quarter ended Sept. 30.\n"
      "It will return to profit this quarter, the company said.",
      "1989-11-01");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[2].value, "1989-Q4");
}

TEST(TimexStageTest, CurrentQuarterIsTheReferencesQuarter) {
  auto t = Times(
      "Orvik Press posted a loss for the third quarter ended Sept. 30.\n"
      "Sales in the current quarter have begun well.",
      "1989-11-01");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[2].text, "the current quarter");
  EXPECT_EQ(t[2].value, "1989-Q4");
}

TEST(TimexStageTest, FractionsAreNotQuarters) {
  EXPECT_TRUE(Times("Three quarters of the voters stayed home.", kTue).empty());
}

TEST(TimexStageTest, Seasons) {
  auto t = Times(
      "The bridge closed last fall.\nThe museum will reopen this summer.\n"
      "Floods hit the valley in the winter of 2019.\n"
      "Prices fall when the spring harvest arrives.",
      kTue);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].text, "last fall");
  EXPECT_EQ(t[0].value, "2024-FA");
  EXPECT_EQ(t[1].value, "2025-SU");
  EXPECT_EQ(t[2].text, "the winter of 2019");
  EXPECT_EQ(t[2].value, "2019-WI");
}

TEST(TimexStageTest, TheYearAndFiscalYears) {
  Found f = One("For the year, revenue at Norvale Mills rose 8%.", kTue);
  EXPECT_EQ(f.text, "the year");
  EXPECT_EQ(f.value, "2025");
  auto t = Times("It earned $4 million in the year ended June 30.", kTue);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].type, TimexType::kDuration);
  EXPECT_EQ(t[0].value, "P1Y");
  f = One("The plant opens in fiscal 2026.", kTue);
  EXPECT_EQ(f.text, "fiscal 2026");
  EXPECT_EQ(f.value, "2026");
}

TEST(TimexStageTest, TheWeekendFollowsTheTense) {
  EXPECT_EQ(One("Talks stalled over the weekend.", kTue).value, "2025-W10-WE");
  EXPECT_EQ(One("The ferry will sail at the weekend.", kTue).value,
            "2025-W11-WE");
}

TEST(TimexStageTest, BareYearsAfterDeterminersAndPossessives) {
  auto t = Times(
      "Observers praised the 2019 election.\n"
      "The council's 2021 budget was cut.\n"
      "For 2020, the firm earned $2 million.",
      kTue);
  EXPECT_EQ(Texts(t), (std::vector<std::string>{"2019", "2021", "2020"}));
  EXPECT_TRUE(Times("The unit fired the 2019 percent rise.", kTue).size() <= 1);
}

TEST(TimexStageTest, AgesAreNotDurations) {
  EXPECT_TRUE(Times("A 44-year-old farmer from Velm was hurt.", kTue).empty());
  EXPECT_TRUE(Times("The six-year-old boy is safe.", kTue).empty());
  EXPECT_TRUE(Times("She is nine years old.", kTue).empty());
}

TEST(TimexStageTest, ApproximateDurationsIncludeTheModifier) {
  auto t = Times(
      "The siege lasted nearly two years.\n"
      "He left more than three weeks ago.\n"
      "Profit rose in the first nine months.",
      kTue);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].text, "nearly two years");
  EXPECT_EQ(t[0].value, "P2Y");
  EXPECT_EQ(t[1].text, "more than three weeks ago");
  EXPECT_EQ(t[2].text, "the first nine months");
  EXPECT_EQ(t[2].value, "P9M");
}

TEST(TimexStageTest, PartsOfRelativeUnitsAndDays) {
  auto t = Times(
      "Rain fell earlier this year.\nThe vote comes early next week.\n"
      "The mayor resigned late yesterday.\nRents rose in June last year.",
      kTue);
  ASSERT_EQ(t.size(), 4u);
  // TimeBank keeps "early"/"late" in the expression, and "earlier" before
  // "this year" (not before "this week" or a weekday).
  EXPECT_EQ(t[0].text, "earlier this year");
  EXPECT_EQ(t[0].value, "2025");
  EXPECT_EQ(t[1].text, "early next week");
  EXPECT_EQ(t[1].value, "2025-W12");
  EXPECT_EQ(t[2].text, "late yesterday");  // "late" is kept
  EXPECT_EQ(t[2].value, "2025-03-10");
  EXPECT_EQ(t[3].text, "June last year");
  EXPECT_EQ(t[3].value, "2024-06");
}

TEST(TimexStageTest, ThenCurrentIsThePast) {
  Found f = One("Holders paid the then-current price for the bonds.", kTue);
  EXPECT_EQ(f.text, "then-current");
  EXPECT_EQ(f.value, "PAST_REF");
}

TEST(TimexStageTest, CurrentBeforeANounIsThePresent) {
  Found f = One("The current crisis will shape the budget.", kTue);
  EXPECT_EQ(f.text, "current");
  EXPECT_EQ(f.value, "PRESENT_REF");
  EXPECT_TRUE(Times("The current account deficit widened.", kTue).empty());
  // TimeBank marks "recent" and "future" before a noun too rarely to follow.
  EXPECT_TRUE(Times("A recent survey studied future budgets.", kTue).empty());
}

TEST(TimexStageTest, AYearEarlierWithoutAnchorUsesTheReference) {
  Found f = One("Exports rose 5% from a year earlier.", kTue);
  EXPECT_EQ(f.type, TimexType::kDate);
  EXPECT_EQ(f.value, "2024");
}

TEST(TimexStageTest, DatelineLineIsRead) {
  const std::string text = "VELM, March 9 (Nordpress) --\nThe port reopened.";
  Document doc = MakeDocument(text, kTue);
  doc.layers().blocks.push_back({{0, 28}, BlockKind::kDateline, ""});
  doc.layers().sentences.erase(doc.layers().sentences.begin());
  ASSERT_TRUE(TimexStage().Run(doc).ok());
  ASSERT_EQ(doc.layers().times.size(), 1u);
  EXPECT_EQ(doc.Slice(doc.layers().times[0].span), "March 9");
  EXPECT_EQ(doc.layers().times[0].value, "2025-03-09");
}

TEST(TimexStageTest, TenseCuesFromTheWordsAround) {
  // Reported speech is past, a plan or a deadline ahead is future.
  EXPECT_EQ(One("The minister said Sunday that talks had failed.", kTue).value,
            "2025-03-09");
  EXPECT_EQ(One("The envoys will meet Thursday in Sarvik.", kTue).value,
            "2025-03-13");
  EXPECT_EQ(One("Unions plan to strike on Thursday.", kTue).value,
            "2025-03-13");
  EXPECT_EQ(
      One("Talks between the unions are set to resume Monday.", kTue).value,
      "2025-03-17");
  EXPECT_EQ(One("The crew could leave as early as Friday.", kTue).value,
            "2025-03-14");
  // A weekday named by its event follows the verb.
  EXPECT_EQ(One("The envoy will attend Thursday's talks.", kTue).value,
            "2025-03-13");
  // "next to" and "vacation plans" say nothing about time.
  EXPECT_EQ(One("Crowds gather next to the hall on Friday.", kTue).value,
            "2025-03-07");
}

TEST(TimexStageTest, RelativeToTheReferenceAndUnknownAnchors) {
  auto t = Times(
      "Prices rose this week.\nThe plant opens next month.\n"
      "The mine closed three years ago.\nThe strike ends tomorrow.",
      kTue);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].value, "2025-W11");
  EXPECT_EQ(t[1].value, "2025-04");
  EXPECT_EQ(t[2].value, "2022");
  EXPECT_EQ(t[3].value, "2025-03-12");
  // Without a named day, "the day before" is not guessed.
  EXPECT_TRUE(Times("Crowds had gathered the day before.", kTue).empty());
  EXPECT_EQ(One("The mine closed three years ago.", "").value, "XXXX");
}

TEST(TimexStageTest, ClockTimeJoinedToItsDay) {
  Found f = One("The deadline passed at noon Thursday.", kTue);
  EXPECT_EQ(f.text, "noon Thursday");
  EXPECT_EQ(f.type, TimexType::kTime);
  EXPECT_EQ(f.value, "2025-03-06T12:00");
  f = One("Polls close at 9 p.m. EST March 12.", kTue);
  EXPECT_EQ(f.text, "9 p.m. EST March 12");
  EXPECT_EQ(f.value, "2025-03-12T21:00");
  // With a preposition between them they stay two expressions.
  EXPECT_EQ(Times("They meet at 10 a.m. on Thursday.", kTue).size(), 2u);
}

TEST(TimexStageTest, MoreDurationShapes) {
  auto t = Times(
      "The ferry stays for two more weeks.\n"
      "Shares fell for eight trading days.\n"
      "It lost money for several quarters of the decade.\n"
      "Most were caught in the first hours of the raid.\n"
      "The valley was ruled from Velm for centuries.\n"
      "Prices may double over the next couple of years.",
      kTue);
  ASSERT_EQ(t.size(), 6u);
  EXPECT_EQ(t[0].text, "two more weeks");
  EXPECT_EQ(t[0].value, "P2W");
  EXPECT_EQ(t[1].text, "eight trading days");
  EXPECT_EQ(t[1].value, "P8D");
  EXPECT_EQ(t[2].text, "several quarters");
  EXPECT_EQ(t[2].value, "PXQ");
  EXPECT_EQ(t[3].text, "the first hours");
  EXPECT_EQ(t[3].value, "PTXH");
  EXPECT_EQ(t[4].text, "centuries");
  EXPECT_EQ(t[5].text, "the next couple of years");
  EXPECT_EQ(t[5].value, "P2Y");
}

TEST(TimexStageTest, FollowingYearAndThatDayNeedAnAnchor) {
  auto t = Times(
      "The mill opened in 2019, and the following year it closed.\n"
      "Floods struck on March 3.\nThat same day the bridge fell.",
      kTue);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[1].text, "the following year");
  EXPECT_EQ(t[1].value, "2020");
  EXPECT_EQ(t[3].text, "That same day");
  EXPECT_EQ(t[3].value, "2025-03-03");
  // Without a named time they are not guessed.
  EXPECT_TRUE(Times("The following month, prices rose.", kTue).empty());
  EXPECT_TRUE(Times("That day the bridge fell.", kTue).empty());
}

TEST(TimexStageTest, RatesAreNotDurations) {
  EXPECT_TRUE(Times("The plan saves $2 million a year.", kTue).empty());
  EXPECT_TRUE(Times("The airline adds 700 seats a week.", kTue).empty());
  EXPECT_EQ(One("The strike lasted a week.", kTue).value, "P1W");
}

TEST(TimexStageTest, MonthsWithModifiers) {
  auto t = Times(
      "The dam failed last October.\nThe fair returns next March.\n"
      "Elections are due this September.\nThe mill closed last March.",
      kTue);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].text, "last October");
  EXPECT_EQ(t[0].value, "2024-10");
  EXPECT_EQ(t[1].value, "2026-03");
  EXPECT_EQ(t[2].value, "2025-09");
  EXPECT_EQ(t[3].value, "2024-03");  // the reference's own month is "this"
}

TEST(TimexStageTest, SpelledYears) {
  auto t = Times(
      "In nineteen ninety-six the port reopened.\n"
      "The mill closed in January nineteen eighty-four.\n"
      "The treaty dates from two thousand and one.",
      kTue);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].text, "nineteen ninety-six");
  EXPECT_EQ(t[0].value, "1996");
  EXPECT_EQ(t[1].text, "January nineteen eighty-four");
  EXPECT_EQ(t[1].value, "1984-01");
  EXPECT_EQ(t[2].value, "2001");
  EXPECT_TRUE(Times("The craft is two thousand years old.", kTue).empty() ||
              Times("The craft is two thousand years old.", kTue)[0].type !=
                  TimexType::kDate);
}

TEST(TimexStageTest, Centuries) {
  auto t = Times("The 11th century chapel survived the 20th century.", kTue);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].text, "The 11th century");
  EXPECT_EQ(t[0].value, "10");
  EXPECT_EQ(t[1].text, "the 20th century");
  EXPECT_EQ(t[1].value, "19");
}

TEST(TimexStageTest, Holidays) {
  // Thanksgiving 2024 was on 28 November (the fourth Thursday).
  Found f = One("The boat was found last Thanksgiving.", kTue);
  EXPECT_EQ(f.text, "last Thanksgiving");
  EXPECT_EQ(f.value, "2024-11-28");
  EXPECT_EQ(One("The market opens on Christmas Eve.", kTue).value,
            "2024-12-24");
  EXPECT_EQ(One("Voters will go to the polls on Election Day.", kTue).value,
            "2025-11-04");
  EXPECT_TRUE(Times("The Election commission met.", kTue).empty());
}

TEST(TimexStageTest, UnitsAheadAreAnUnspecifiedDuration) {
  Found f = One("Growers face hard choices in the months ahead.", kTue);
  EXPECT_EQ(f.text, "the months ahead");
  EXPECT_EQ(f.type, TimexType::kDuration);
  EXPECT_EQ(f.value, "PXM");
}

TEST(TimexStageTest, PastUnitsAfterPrepositionAreThePast) {
  Found f = One("Floods were rarer in past decades.", kTue);
  EXPECT_EQ(f.text, "past decades");
  EXPECT_EQ(f.value, "PAST_REF");
}

TEST(TimexStageTest, ALaterDateIsTheFuture) {
  Found f = One("The hearing was moved to a later date.", kTue);
  EXPECT_EQ(f.text, "a later date");
  EXPECT_EQ(f.value, "FUTURE_REF");
}

TEST(TimexStageTest, ComingUnitsWithoutArticleAreTheFuture) {
  Found f = One("Ferry fares may rise in coming months.", kTue);
  EXPECT_EQ(f.text, "coming months");
  EXPECT_EQ(f.value, "FUTURE_REF");
  EXPECT_EQ(One("Lenders expect losses over upcoming quarters.", kTue).text,
            "upcoming quarters");
}

TEST(TimexStageTest, TheFutureAndMonthSets) {
  EXPECT_EQ(One("Nobody can see into the future.", kTue).value, "FUTURE_REF");
  EXPECT_EQ(One("Risks remain in the near term.", kTue).value, "FUTURE_REF");
  Found f = One("The guild marches each July.", kTue);
  EXPECT_EQ(f.type, TimexType::kSet);
  EXPECT_EQ(f.value, "XXXX-07");
  EXPECT_EQ(One("The board meets every month.", kTue).value, "P1M");
  EXPECT_EQ(One("Dividends are paid every quarter.", kTue).value, "P1Q");
}

// The tags the tests use (pos/tags.h), by name.
uint8_t TagNamed(const std::string& name) {
  static const std::pair<const char*, uint8_t> kTags[] = {
      {"CC", kPosCC},   {"CD", kPosCD},   {"DT", kPosDT},   {"IN", kPosIN},
      {"JJ", kPosJJ},   {"MD", kPosMD},   {"NN", kPosNN},   {"NNS", kPosNNS},
      {"NNP", kPosNNP}, {"PRP", kPosPRP}, {"RB", kPosRB},   {"TO", kPosTO},
      {"VB", kPosVB},   {"VBD", kPosVBD}, {"VBG", kPosVBG}, {"VBN", kPosVBN},
      {"VBP", kPosVBP}, {"VBZ", kPosVBZ}, {",", kPosComma}};
  for (const auto& [n, t] : kTags) {
    if (name == n) return t;
  }
  ADD_FAILURE() << "unknown tag " << name;
  return kPosNone;
}

// One tagged sentence, "word/TAG ...", as a document with tokens and
// part-of-speech tags (what PosStage writes).
std::vector<Found> TaggedTimes(const std::string& spec,
                               const std::string& published) {
  std::string text;
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < spec.size()) {
    const size_t end = std::min(spec.find(' ', i), spec.size());
    const std::string item = spec.substr(i, end - i);
    i = end + 1;
    const size_t slash = item.rfind('/');
    const std::string word = item.substr(0, slash);
    Token t;
    t.pos = TagNamed(item.substr(slash + 1));
    if (!text.empty()) text += ' ';
    t.span = {static_cast<uint32_t>(text.size()),
              static_cast<uint32_t>(text.size() + word.size())};
    if (word == ",") t.flags |= kTokenPunct;
    text += word;
    tokens.push_back(t);
  }
  Document doc = MakeDocument(text, published);
  doc.layers().tokens = tokens;
  Status st = TimexStage().Run(doc);
  EXPECT_TRUE(st.ok()) << st.ToString();
  std::vector<Found> out;
  for (const Timex& t : doc.layers().times) {
    out.push_back({std::string(doc.Slice(t.span)), t.type, t.value});
  }
  return out;
}

TEST(TimexStageTest, ClauseVerbDecidesTheTenseWhereTagged) {
  // The nearest tense word is "said" (past: March 2025); the clause's verb
  // "agreed to sell" looks ahead, so the coming March.
  auto t = TaggedTimes(
      "The/DT firm/NN agreed/VBD to/TO sell/VB the/DT mill/NN in/IN "
      "March/NNP ,/, she/PRP said/VBD",
      "2025-06-20");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].text, "March");
  EXPECT_EQ(t[0].value, "2026-03");
}

TEST(TimexStageTest, PossessiveWeekdayInThePresentIsPast) {
  // Published Tuesday 11 March 2025: "Friday's" event is the 7th.
  auto t = TaggedTimes(
      "The/DT price/NN before/IN Friday's/NNP sale/NN is/VBZ low/JJ", kTue);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].text, "Friday");
  EXPECT_EQ(t[0].value, "2025-03-07");
}

TEST(TimexStageTest, PossessiveWeekdayKeepsAFutureVerb) {
  auto t = TaggedTimes(
      "Friday's/NNP sale/NN will/MD draw/VB buyers/NNS", kTue);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].value, "2025-03-14");
}

TEST(TimexStageTest, FutureWordNextToTheExpressionOutweighsTheVerb) {
  // "payable" stands right before the date: the verb "declared" does not
  // move it back.
  auto t = TaggedTimes(
      "The/DT board/NN declared/VBD a/DT dividend/NN payable/JJ "
      "Jan./NNP 2/CD",
      "2025-11-02");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].value, "2026-01-02");
}

TEST(TimexStageTest, ClockTimeJoinsItsDayAcrossASentenceSplitAfterPm) {
  // The splitter may end a sentence after "p.m."; the next one starts with
  // the zone and the day.
  const std::string text =
      "The bid was extended until 5 p.m. EST Nov. 9. Shares rose.";
  DocMeta meta;
  meta.published = "1989-11-02";
  Document doc(meta, text,
               OffsetMap::Identity(static_cast<uint32_t>(text.size())));
  const uint32_t split = static_cast<uint32_t>(text.find(" EST"));
  const uint32_t second = static_cast<uint32_t>(text.find(" Shares"));
  doc.layers().sentences.push_back({{0, split}, 0, 0});
  doc.layers().sentences.push_back({{split + 1, second}, 0, 0});
  doc.layers().sentences.push_back(
      {{second + 1, static_cast<uint32_t>(text.size())}, 0, 0});
  ASSERT_TRUE(TimexStage().Run(doc).ok());
  ASSERT_EQ(doc.layers().times.size(), 1u);
  const Timex& t = doc.layers().times[0];
  EXPECT_EQ(doc.Slice(t.span), "5 p.m. EST Nov. 9");
  EXPECT_EQ(t.type, TimexType::kTime);
  EXPECT_EQ(t.value, "1989-11-09T17:00");
}

TEST(TimexStageTest, YearAgoSentencesAfterAQuarterIsThatQuarterAYearBack) {
  auto t = Times(
      "Brindle Mills earned $4 million in the third quarter.\n"
      "Its sales of yarn were flat.\n"
      "A year ago, it lost $2 million.",
      "2025-11-05");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].text, "A year ago");
  EXPECT_EQ(t[1].value, "2024-Q3");
}

TEST(TimexStageTest, YearNamedAfterTheQuarterEndsItsReach) {
  auto t = Times(
      "Brindle Mills earned $4 million in the third quarter.\n"
      "Its mill opened in 2019.\n"
      "A year ago, it lost $2 million.",
      "2025-11-05");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[2].value, "2024");
}

TEST(TimexStageTest, ForecastQuarterIsNotTheQuarterReportedOn) {
  auto t = Times(
      "Velmar Steel reported a loss for the fourth quarter of 2024.\n"
      "Losses will continue through the third quarter of 2026.\n"
      "In the year-ago period, Velmar earned $4 million.",
      kTue);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[2].text, "the year-ago period");
  EXPECT_EQ(t[2].value, "2023-Q4");
}

TEST(TimexStageTest, PastQuarterAheadOfTheCalendarIsLastYears) {
  // A fourth quarter reported in March: past tense, so it is last year's,
  // and "the latest period" is the quarter the text reports on.
  auto t = Times(
      "Velmar Steel reported a decline in fourth-quarter earnings.\n"
      "Sales in the latest period rose 5%.",
      kTue);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].text, "the latest period");
  EXPECT_EQ(t[1].value, "2024-Q4");
}

TEST(TimexStageTest, CurrentYearIsTheReferenceYearNotTheLastNamed) {
  auto t = Times(
      "Orvik Foods sold $3 million of soup in 2023.\n"
      "It expects higher sales in the current year.",
      kTue);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].text, "the current year");
  EXPECT_EQ(t[1].value, "2025");
}

TEST(TimexStageTest, ClockSplitBeforeParenthesizedZoneJoinsItsDay) {
  // The sentence splitter ends a sentence after "a.m."; the clock in
  // another zone stands between the time and its weekday.
  auto t = Times(
      "The dam broke at about 10:35 a.m.\n"
      "(0735 GMT) Friday, flooding the valley.",
      kTue);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].text, "10:35 a.m.");
  EXPECT_EQ(t[0].value, "2025-03-07T10:35");
  EXPECT_EQ(t[1].value, "2025-03-07");
}

TEST(TimexStageTest, HalfUnitsAddTheHalfInTheNextSmallerUnit) {
  auto t = Times(
      "The refugees stayed in the camps for 2 1/2 years.\n"
      "The crossing took two and a half hours.\n"
      "The anthem lasts a minute and a half.",
      kTue);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].text, "2 1/2 years");
  EXPECT_EQ(t[0].value, "P2Y6M");
  EXPECT_EQ(t[1].text, "two and a half hours");
  EXPECT_EQ(t[1].value, "PT2H30M");
  EXPECT_EQ(t[2].text, "a minute and a half");
  EXPECT_EQ(t[2].value, "PT1M30S");
}

TEST(TimexStageTest, HalfOfAYearIsH1OrH2) {
  auto t = Times(
      "Orvik Foods expects lower earnings for the last half of 2025.\n"
      "Sales rose in the first half of 2024.",
      kTue);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].text, "the last half of 2025");
  EXPECT_EQ(t[0].value, "2025-H2");
  EXPECT_EQ(t[1].text, "the first half of 2024");
  EXPECT_EQ(t[1].value, "2024-H1");
}

TEST(TimexStageTest, YearEndAfterAPrepositionIsItsLastDayOrTheYear) {
  auto t = Times(
      "Orvik Foods expects to close the sale by year-end.\n"
      "Its shares have fallen 8% since year end.\n"
      "Orvik paid year-end bonuses.",
      kTue);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].text, "year-end");
  EXPECT_EQ(t[0].value, "2025-12-31");
  EXPECT_EQ(t[1].text, "year end");
  EXPECT_EQ(t[1].value, "2024");
}

TEST(TimexStageTest, SamePeriodLastYearIsTheQuarterAYearBack) {
  auto t = Times(
      "Velmar Steel lost $8 million in the fourth quarter of 2024.\n"
      "It earned $2 million in the corresponding period last year.\n"
      "Exports for last year's quarter were $1 million.",
      kTue);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[1].text, "the corresponding period last year");
  EXPECT_EQ(t[1].value, "2023-Q4");
  EXPECT_EQ(t[2].text, "last year's quarter");
  EXPECT_EQ(t[2].value, "2023-Q4");
}

// A document of one sentence per line with one quotation: `quoted` (its
// content) and `cue` are the first occurrences of those words; the
// speaker's mention has coreference chain `speaker`.
struct QuoteSpec {
  std::string quoted;
  std::string cue;
  int32_t speaker = -1;
  QuoteKind kind = QuoteKind::kDirect;
};

std::vector<Found> QuotedTimes(const std::string& text,
                               const std::string& published,
                               const std::vector<QuoteSpec>& quotes) {
  Document doc = MakeDocument(text, published);
  for (const QuoteSpec& qs : quotes) {
    auto span_of = [&](const std::string& w) {
      const size_t at = text.find(w);
      EXPECT_NE(at, std::string::npos) << w;
      return Span{static_cast<uint32_t>(at),
                  static_cast<uint32_t>(at + w.size())};
    };
    Quote q;
    q.kind = qs.kind;
    q.content = span_of(qs.quoted);
    q.span = {q.content.start - 1, q.content.end + 1};
    q.cue = span_of(qs.cue);
    if (qs.speaker >= 0) {
      Mention m;
      m.span = {q.cue.start, q.cue.start};
      m.local = qs.speaker;
      q.speaker_mention = static_cast<int32_t>(doc.layers().mentions.size());
      doc.layers().mentions.push_back(m);
    }
    doc.layers().quotes.push_back(q);
  }
  Status st = TimexStage().Run(doc);
  EXPECT_TRUE(st.ok()) << st.ToString();
  std::vector<Found> out;
  for (const Timex& t : doc.layers().times) {
    out.push_back({std::string(doc.Slice(t.span)), t.type, t.value});
  }
  return out;
}

TEST(TimexStageTest, TomorrowInAQuoteCountsFromTheDayItWasSaid) {
  // Published Saturday 2025-03-15; said on Thursday 2025-03-13.
  auto t = QuotedTimes(
      "\"The ferry sails tomorrow,\" the harbour master said Thursday.",
      "2025-03-15", {{"The ferry sails tomorrow,", "said", 1}});
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].text, "tomorrow");
  EXPECT_EQ(t[0].value, "2025-03-14");
  EXPECT_EQ(t[1].value, "2025-03-13");
}

TEST(TimexStageTest, QuoteWithoutDayTakesTheSpeakersEarlierDay) {
  auto t = QuotedTimes(
      "\"We are ready,\" Halvorsen said on Monday.\n"
      "\"The pumps start again today,\" she added.",
      "2025-03-15",
      {{"We are ready,", "said", 4},
       {"The pumps start again today,", "added", 4}});
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].text, "today");
  EXPECT_EQ(t[1].value, "2025-03-10");
}

TEST(TimexStageTest, QuoteOfAnotherSpeakerDoesNotLendItsDay) {
  auto t = QuotedTimes(
      "\"We are ready,\" Halvorsen said on Monday.\n"
      "\"The pumps start again today,\" Brask added.",
      "2025-03-15",
      {{"We are ready,", "said", 4},
       {"The pumps start again today,", "added", 5}});
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].value, "2025-03-15");
}

TEST(TimexStageTest, IndirectSpeechKeepsTheArticleDay) {
  auto t = QuotedTimes(
      "Halvorsen said on Monday that the pumps start tomorrow.", "2025-03-15",
      {{"the pumps start tomorrow", "said", 4, QuoteKind::kIndirect}});
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].text, "tomorrow");
  EXPECT_EQ(t[1].value, "2025-03-16");
}

TEST(TimexStageTest, ThePastYearIsLastYear) {
  Found f = One("Membership fell over the past year in Dunmore.", kTue);
  EXPECT_EQ(f.type, TimexType::kDate);
  EXPECT_EQ(f.value, "2024");
  EXPECT_EQ(One("She has lived in Sarvik for the last week.", kTue).value,
            "2025-W11");
}

TEST(TimexStageTest, HyphenatedYearEndIsTheLastDay) {
  EXPECT_EQ(One("The sale should close by year-end.", kTue).value,
            "2025-12-31");
  EXPECT_EQ(One("The sale should close around year end.", kTue).value,
            "2025");
}

TEST(TimexStageTest, AQuarterAheadToldInThePastIsLastYears) {
  EXPECT_EQ(One("Tallow Mills reported a loss for the fourth quarter.",
                "2025-01-20")
                .value,
            "2024-Q4");
  EXPECT_EQ(One("Tallow Mills expects a loss in the fourth quarter.",
                "2025-01-20")
                .value,
            "2025-Q4");
}

TEST(TimexStageTest, OneDayAfterASubjectIsSomeDayAhead) {
  Found f = One("She hopes she could one day lead the council.", kTue);
  EXPECT_EQ(f.value, "FUTURE_REF");
  EXPECT_EQ(One("The strike lasted one day in Dunmore.", kTue).value, "P1D");
}

}  // namespace
}  // namespace dossier
