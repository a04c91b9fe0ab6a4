#include "time/clause_tense.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "pos/tags.h"

namespace dossier {
namespace {

// A tagged sentence written as "word/TAG word/TAG ...": the words joined by
// single spaces, one token per word.
struct Tagged {
  std::string text;
  std::vector<Token> tokens;
};

// The tags the tests use (pos/tags.h), by name.
uint8_t TagNamed(const std::string& name) {
  static const std::pair<const char*, uint8_t> kTags[] = {
      {"CC", kPosCC},   {"CD", kPosCD},        {"DT", kPosDT},
      {"IN", kPosIN},   {"JJ", kPosJJ},        {"MD", kPosMD},
      {"NN", kPosNN},   {"NNS", kPosNNS},      {"NNP", kPosNNP},
      {"PRP", kPosPRP}, {"RB", kPosRB},        {"TO", kPosTO},
      {"VB", kPosVB},   {"VBD", kPosVBD},      {"VBG", kPosVBG},
      {"VBN", kPosVBN}, {"VBP", kPosVBP},      {"VBZ", kPosVBZ},
      {",", kPosComma}, {"``", kPosOpenQuote}, {"''", kPosCloseQuote}};
  for (const auto& [n, t] : kTags) {
    if (name == n) return t;
  }
  ADD_FAILURE() << "unknown tag " << name;
  return kPosNone;
}

Tagged Tag(const std::string& spec) {
  Tagged out;
  std::istringstream in(spec);
  std::string item;
  while (in >> item) {
    const size_t slash = item.rfind('/');
    const std::string word = item.substr(0, slash);
    const uint8_t tag = TagNamed(item.substr(slash + 1));
    if (!out.text.empty()) out.text += ' ';
    Token t;
    t.span = {static_cast<uint32_t>(out.text.size()),
              static_cast<uint32_t>(out.text.size() + word.size())};
    if (word == "," || word == ";" || word == ":" || word == "--") {
      t.flags |= kTokenPunct;
    }
    if (word == "\"") t.flags |= kTokenPunct | kTokenQuoteMark;
    t.pos = tag;
    out.text += word;
    out.tokens.push_back(t);
  }
  return out;
}

// The clause tense of the first occurrence of `expr` in the sentence.
Tense TenseOf(const std::string& spec, const std::string& expr) {
  const Tagged s = Tag(spec);
  const size_t at = s.text.find(expr);
  EXPECT_NE(at, std::string::npos) << expr;
  return ClauseTense(
      s.text, s.tokens,
      {static_cast<uint32_t>(at), static_cast<uint32_t>(at + expr.size())});
}

TEST(ClauseTenseTest, UntaggedTokensGiveUnknown) {
  Tagged s = Tag("The/DT board/NN met/VBD on/IN Friday/NNP");
  for (Token& t : s.tokens) t.pos = kPosNone;
  EXPECT_EQ(ClauseTense(s.text, s.tokens, {22, 28}), Tense::kUnknown);
}

TEST(ClauseTenseTest, FrontedExpressionReadsTheVerbAfterTheComma) {
  EXPECT_EQ(TenseOf("On/IN Friday/NNP ,/, the/DT council/NN met/VBD", "Friday"),
            Tense::kPast);
}

TEST(ClauseTenseTest, OwnPartBeatsTrailingAttribution) {
  EXPECT_EQ(TenseOf("The/DT ferries/NNS will/MD sail/VB again/RB on/IN "
                    "Monday/NNP ,/, an/DT aide/NN said/VBD",
                    "Monday"),
            Tense::kFuture);
}

TEST(ClauseTenseTest, ThatClauseKeepsItsOwnVerb) {
  const std::string s =
      "Orsolya/NNP announced/VBD on/IN Sunday/NNP that/IN she/PRP "
      "would/MD travel/VB on/IN Thursday/NNP";
  EXPECT_EQ(TenseOf(s, "Sunday"), Tense::kPast);
  EXPECT_EQ(TenseOf(s, "Thursday"), Tense::kFuture);
}

TEST(ClauseTenseTest, ExpectedToIsFuture) {
  EXPECT_EQ(TenseOf("The/DT panel/NN is/VBZ expected/VBN to/TO rule/VB "
                    "on/IN Tuesday/NNP",
                    "Tuesday"),
            Tense::kFuture);
}

TEST(ClauseTenseTest, ModalPerfectIsPast) {
  EXPECT_EQ(TenseOf("The/DT storm/NN may/MD have/VB delayed/VBN the/DT "
                    "ferry/NN on/IN Sunday/NNP",
                    "Sunday"),
            Tense::kPast);
}

TEST(ClauseTenseTest, PresentPerfectIsPast) {
  EXPECT_EQ(TenseOf("The/DT mayor/NN has/VBZ signed/VBN the/DT order/NN "
                    "on/IN Monday/NNP",
                    "Monday"),
            Tense::kPast);
}

TEST(ClauseTenseTest, HasScheduledLooksAhead) {
  EXPECT_EQ(TenseOf("The/DT league/NN has/VBZ scheduled/VBN a/DT hearing/NN "
                    "Thursday/NNP",
                    "Thursday"),
            Tense::kFuture);
}

TEST(ClauseTenseTest, ProspectiveInfinitiveLooksAhead) {
  EXPECT_EQ(TenseOf("The/DT firm/NN agreed/VBD to/TO sell/VB the/DT "
                    "mill/NN in/IN March/NNP",
                    "March"),
            Tense::kFuture);
}

TEST(ClauseTenseTest, ObjectOfAVerbOfPlanningLiesAhead) {
  EXPECT_EQ(TenseOf("Farmers/NNS planned/VBD a/DT march/NN on/IN "
                    "Saturday/NNP",
                    "Saturday"),
            Tense::kFuture);
  EXPECT_EQ(TenseOf("Farmers/NNS marched/VBD on/IN Saturday/NNP", "Saturday"),
            Tense::kPast);
}

TEST(ClauseTenseTest, UntilAfterAnExtensionLiesAhead) {
  EXPECT_EQ(TenseOf("The/DT court/NN postponed/VBD the/DT hearing/NN "
                    "until/IN Tuesday/NNP",
                    "Tuesday"),
            Tense::kFuture);
  EXPECT_EQ(TenseOf("The/DT shop/NN stayed/VBD open/JJ until/IN Tuesday/NNP",
                    "Tuesday"),
            Tense::kPast);
}

TEST(ClauseTenseTest, UntilAClockBeforeTheDayAfterAnExtensionLiesAhead) {
  EXPECT_EQ(TenseOf("The/DT board/NN extended/VBD the/DT offer/NN until/IN "
                    "5/CD p.m./NN Friday/NNP",
                    "Friday"),
            Tense::kFuture);
}

// A weekday after a present perfect ("has given") gets no tense from the
// verb, but the end of the delay still lies ahead.
Tense WeekdayTenseOf(const std::string& spec, const std::string& expr) {
  const Tagged s = Tag(spec);
  const size_t at = s.text.find(expr);
  EXPECT_NE(at, std::string::npos) << expr;
  return ClauseTense(
      s.text, s.tokens,
      {static_cast<uint32_t>(at), static_cast<uint32_t>(at + expr.size())},
      /*perfect_is_past=*/false);
}

TEST(ClauseTenseTest, UntilAfterAPresentPerfectExtensionLiesAhead) {
  EXPECT_EQ(WeekdayTenseOf("The/DT board/NN has/VBZ given/VBN the/DT "
                           "tenants/NNS until/IN Friday/NNP",
                           "Friday"),
            Tense::kFuture);
}

TEST(ClauseTenseTest, ExtensionBeforeAMistaggedNounStillCounts) {
  // "tenants" tagged as a verb stands nearer the day than "has".
  EXPECT_EQ(WeekdayTenseOf("The/DT board/NN has/VBZ given/VBN the/DT "
                           "tenants/VBZ until/IN Friday/NNP",
                           "Friday"),
            Tense::kFuture);
}

TEST(ClauseTenseTest, PresentPerfectIsNoWeekdaysTense) {
  const std::string s =
      "The/DT mayor/NN has/VBZ invited/VBN her/PRP to/TO talks/NNS "
      "on/IN Thursday/NNP";
  const Tagged t = Tag(s);
  const Span thursday{static_cast<uint32_t>(t.text.find("Thursday")),
                      static_cast<uint32_t>(t.text.size())};
  EXPECT_EQ(ClauseTense(t.text, t.tokens, thursday, true), Tense::kPast);
  EXPECT_EQ(ClauseTense(t.text, t.tokens, thursday, false), Tense::kUnknown);
}

TEST(ClauseTenseTest, ScareQuotesDoNotEndTheClause) {
  EXPECT_EQ(TenseOf("She/PRP said/VBD that/IN she/PRP would/MD meet/VB "
                    "him/PRP \"/`` personally/RB \"/'' on/IN Thursday/NNP "
                    ",/, the/DT paper/NN added/VBD",
                    "Thursday"),
            Tense::kFuture);
}

TEST(ClauseTenseTest, BeToIsFutureOnlyRightAfterTheVerb) {
  EXPECT_EQ(TenseOf("The/DT envoy/NN was/VBD to/TO land/VB on/IN Friday/NNP",
                    "Friday"),
            Tense::kFuture);
  EXPECT_EQ(TenseOf("The/DT visit/NN on/IN Friday/NNP was/VBD too/RB "
                    "short/RB to/TO matter/VB",
                    "Friday"),
            Tense::kPast);
}

TEST(ClauseTenseTest, PresentReportReadsAsPast) {
  EXPECT_EQ(TenseOf("The/DT mill/NN closed/VBN on/IN Friday/NNP ,/, "
                    "the/DT union/NN says/VBZ",
                    "Friday"),
            Tense::kPast);
}

TEST(ClauseTenseTest, ClauseWithoutFiniteVerbIsUnknown) {
  EXPECT_EQ(TenseOf("Rain/NN on/IN Friday/NNP", "Friday"), Tense::kUnknown);
}

}  // namespace
}  // namespace dossier
