#include "time/recognizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dossier {
namespace {

std::vector<std::string> Spans(std::string_view sentence) {
  static const TimexRecognizer* const kRecognizer = new TimexRecognizer();
  std::vector<ParsedTimex> parsed;
  kRecognizer->Recognize(sentence, &parsed);
  std::vector<std::string> out;
  for (const ParsedTimex& p : parsed) {
    out.emplace_back(sentence.substr(p.start, p.end - p.start));
  }
  return out;
}

Tense TenseOf(std::string_view sentence, std::string_view expression) {
  const size_t at = sentence.find(expression);
  EXPECT_NE(at, std::string_view::npos);
  return TenseAround(sentence, static_cast<uint32_t>(at),
                     static_cast<uint32_t>(at + expression.size()));
}

TEST(RecognizerTest, PatternsCompile) { EXPECT_TRUE(TimexRecognizer().ok()); }

TEST(RecognizerTest, SpansExcludePrepositions) {
  EXPECT_EQ(Spans("The mayor spoke on Thursday in Sarvik."),
            std::vector<std::string>{"Thursday"});
  EXPECT_EQ(Spans("The port has been closed since 2022."),
            std::vector<std::string>{"2022"});
}

TEST(RecognizerTest, LongestMatchWinsAndSpansDoNotOverlap) {
  EXPECT_EQ(
      Spans("It ended on Sunday, May 4, 2025, three days ago."),
      (std::vector<std::string>{"Sunday, May 4, 2025", "three days ago"}));
}

TEST(RecognizerTest, EarlierOrLaterBeforeThisOrThatIsPartOfTheSpan) {
  EXPECT_EQ(Spans("Earlier this month the ferry to Tallow Bay stopped."),
            std::vector<std::string>{"Earlier this month"});
  EXPECT_EQ(Spans("The council met again later that year."),
            std::vector<std::string>{"later that year"});
  EXPECT_EQ(Spans("Earlier yesterday the pier was closed."),
            std::vector<std::string>{"Earlier yesterday"});
}

TEST(RecognizerTest, EarlierBeforeAWeekOrWeekdayIsLeftOut) {
  EXPECT_EQ(Spans("The strike began earlier this week in Dunmore."),
            std::vector<std::string>{"this week"});
  EXPECT_EQ(Spans("Earlier Friday the mayor resigned."),
            std::vector<std::string>{"Friday"});
}

TEST(RecognizerTest, AroundBeforeAPointInTimeIsPartOfTheSpan) {
  EXPECT_EQ(Spans("The polls close around 8:30 p.m. in Harlow."),
            std::vector<std::string>{"around 8:30 p.m."});
  EXPECT_EQ(Spans("The new line should open around June 3."),
            std::vector<std::string>{"around June 3"});
}

TEST(RecognizerTest, MayBeforeAConjunctionIsTheMonth) {
  EXPECT_EQ(Spans("The firm disclosed in May that it had a buyer."),
            std::vector<std::string>{"May"});
}

TEST(RecognizerTest, EndOfTheYearIsOneExpression) {
  EXPECT_EQ(Spans("The plant in Ostby will close by the end of the year."),
            std::vector<std::string>{"the end of the year"});
}

TEST(RecognizerTest, TheYearBeforeAYearIsPartOfTheSpan) {
  EXPECT_EQ(Spans("The tunnel should open by the year 2030, they said."),
            std::vector<std::string>{"the year 2030"});
  EXPECT_EQ(Spans("The tunnel should open by the year two thousand."),
            std::vector<std::string>{"the year two thousand"});
}

TEST(RecognizerTest, OrSoIsPartOfTheSpan) {
  EXPECT_EQ(Spans("The mill in Varde will close over the next year or so."),
            std::vector<std::string>{"the next year or so"});
  EXPECT_EQ(Spans("The pier reopened a week or so ago."),
            std::vector<std::string>{"a week or so ago"});
}

TEST(RecognizerTest, CountsAreNotYearsOrDurations) {
  EXPECT_TRUE(Spans("The army launched 145 drones at the port.").empty());
  EXPECT_TRUE(Spans("About 2,000 people marched to the square.").empty());
  EXPECT_TRUE(Spans("The army fired 2019 shells overnight.").empty());
  EXPECT_TRUE(Spans("A crowd of 2000 people gathered.").empty());
  EXPECT_TRUE(Spans("The motion passed by 1999 votes.").empty());
}

TEST(RecognizerTest, NumberPartsAreNotDurations) {
  // Only the whole number counts: never "500 hours" out of "1,500 hours".
  EXPECT_EQ(Spans("Crews logged 1,500 hours of flight."),
            std::vector<std::string>{"1,500 hours"});
  EXPECT_TRUE(Spans("The average stay was 2.5 days.").empty());
}

TEST(RecognizerTest, HyphenatedDurationIsADuration) {
  EXPECT_EQ(Spans("Both sides agreed to a 30-day truce."),
            std::vector<std::string>{"30-day"});
  // A decision: the modifier "24-hour" is a duration (TimeML does the same).
  EXPECT_EQ(Spans("It dominated the 24-hour news cycle."),
            std::vector<std::string>{"24-hour"});
}

TEST(RecognizerTest, MayTheNameIsNotAMonth) {
  EXPECT_TRUE(Spans("The letter was signed by May herself.").empty());
  EXPECT_TRUE(Spans("Officials may meet again.").empty());
  EXPECT_EQ(Spans("The vote was moved to early May."),
            std::vector<std::string>{"early May"});
}

TEST(RecognizerTest, NewspaperTitleIsNotAWeekday) {
  EXPECT_TRUE(Spans("She wrote for the Sunday Times.").empty());
}

TEST(RecognizerTest, DayBeforeAnEventIsNotRecognized) {
  EXPECT_TRUE(Spans("Protests began the day before the vote.").empty());
  EXPECT_EQ(Spans("Protests began the day before."),
            std::vector<std::string>{"the day before"});
}

TEST(TenseTest, ReportingVerbBeforeTheWeekdayIsPast) {
  EXPECT_EQ(TenseOf("The minister said on Sunday that the border was calm.",
                    "Sunday"),
            Tense::kPast);
  EXPECT_EQ(TenseOf("The council proposed on Monday a new budget.", "Monday"),
            Tense::kPast);
}

TEST(TenseTest, ModalBeforeOrAfterIsFuture) {
  EXPECT_EQ(TenseOf("She will travel to Sarvik on Thursday.", "Thursday"),
            Tense::kFuture);
  EXPECT_EQ(TenseOf("On Thursday, the council will vote.", "Thursday"),
            Tense::kFuture);
  EXPECT_EQ(TenseOf("Velden said she'll fly out on Friday.", "Friday"),
            Tense::kFuture);
}

TEST(TenseTest, NearestCueWinsAcrossClauses) {
  const std::string s =
      "Velden announced on Sunday that she would travel on Thursday.";
  EXPECT_EQ(TenseOf(s, "Sunday"), Tense::kPast);
  EXPECT_EQ(TenseOf(s, "Thursday"), Tense::kFuture);
}

TEST(TenseTest, PassiveAfterModalIsFuture) {
  EXPECT_EQ(TenseOf("The talks will be held on Friday.", "Friday"),
            Tense::kFuture);
}

TEST(TenseTest, NoCueIsUnknown) {
  EXPECT_EQ(TenseOf("Thursday.", "Thursday"), Tense::kUnknown);
}

}  // namespace
}  // namespace dossier
