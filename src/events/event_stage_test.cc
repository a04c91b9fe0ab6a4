#include "events/event_stage.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/analyze.h"

namespace dossier {
namespace {

// Runs the per-document pipeline (which ends with the event stage) on an
// invented article: a headline line, then the body.
Corpus Analyze(const std::string& body) {
  RawArticle raw;
  raw.source = "test.txt";
  raw.bytes = "Invented headline\n\n" + body + "\n";
  raw.published = "2031-03-10";
  std::vector<RawArticle> articles;
  articles.push_back(std::move(raw));
  StatusOr<Corpus> corpus =
      AnalyzeArticles(PerDocumentPipeline(), std::move(articles), {});
  EXPECT_TRUE(corpus.ok()) << corpus.status().ToString();
  EXPECT_EQ(corpus->documents.size(), 1u);
  return std::move(corpus).value();
}

// The event whose action lemma is `lemma`, or null.
const EventFrame* Find(const Corpus& c, std::string_view lemma) {
  for (const EventFrame& e : c.documents[0].layers().events) {
    if (e.lemma == lemma) return &e;
  }
  return nullptr;
}

std::string Text(const Corpus& c, Span s) {
  return std::string(c.documents[0].Slice(s));
}

TEST(EventStage, NegatedFutureWithActorTargetPlace) {
  Corpus c = Analyze("Mara Velden will not attend the talks in Port Avel.");
  const EventFrame* e = Find(c, "attend");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(c, e->actor), "Mara Velden");
  EXPECT_GE(e->actor_mention, 0);
  EXPECT_EQ(Text(c, e->target), "the talks");
  EXPECT_EQ(Text(c, e->place), "Port Avel");
  EXPECT_TRUE(e->negated);
  EXPECT_EQ(e->modality, Modality::kWill);
  EXPECT_EQ(e->category, "CONSULT");
  EXPECT_EQ(Text(c, e->span),
            "Mara Velden will not attend the talks in Port Avel");
}

TEST(EventStage, MayIsPossible) {
  Corpus c = Analyze("Mara Velden may personally attend the summit.");
  const EventFrame* e = Find(c, "attend");
  ASSERT_NE(e, nullptr);
  EXPECT_FALSE(e->negated);
  EXPECT_EQ(e->modality, Modality::kPossible);
}

TEST(EventStage, DeclinedToAttendIsRefused) {
  Corpus c = Analyze("Mara Velden declined to attend the summit.");
  const EventFrame* e = Find(c, "attend");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->modality, Modality::kRefused);
  EXPECT_EQ(Text(c, e->actor), "Mara Velden");
  EXPECT_EQ(Find(c, "decline"), nullptr);  // folded into the attend event
}

TEST(EventStage, PlansAndExpectations) {
  Corpus c = Analyze(
      "The minister plans to visit the border. Officials are expected to "
      "sign the accord.");
  const EventFrame* visit = Find(c, "visit");
  ASSERT_NE(visit, nullptr);
  EXPECT_EQ(visit->modality, Modality::kPlanned);
  const EventFrame* sign = Find(c, "sign");
  ASSERT_NE(sign, nullptr);
  EXPECT_EQ(sign->modality, Modality::kWill);
  EXPECT_EQ(Text(c, sign->actor), "Officials");
}

TEST(EventStage, ConditionIsKept) {
  Corpus c = Analyze(
      "Mara Velden warned she would not participate if Oskar Brandt was "
      "absent.");
  const EventFrame* e = Find(c, "participate");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->negated);
  EXPECT_EQ(e->modality, Modality::kConditional);
  EXPECT_EQ(Text(c, e->condition), "if Oskar Brandt was absent");
}

TEST(EventStage, InitialConditionAppliesToTheMainClause) {
  Corpus c = Analyze("If the talks fail, Norland will impose new sanctions.");
  const EventFrame* e = Find(c, "impose");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->modality, Modality::kConditional);
  EXPECT_EQ(Text(c, e->condition), "If the talks fail");
}

TEST(EventStage, WhetherClauseIsPossible) {
  Corpus c =
      Analyze("The office has not said whether Oskar Brandt will attend.");
  const EventFrame* e = Find(c, "attend");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->modality, Modality::kPossible);
  const EventFrame* say = Find(c, "say");
  ASSERT_NE(say, nullptr);
  EXPECT_TRUE(say->negated);
}

TEST(EventStage, DeniedNominalEvent) {
  Corpus c = Analyze("Norland denied the attack on the harbour.");
  const EventFrame* e = Find(c, "attack");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->modality, Modality::kDenied);
  EXPECT_EQ(e->category, "ASSAULT");
  const EventFrame* deny = Find(c, "deny");
  ASSERT_NE(deny, nullptr);
  EXPECT_EQ(deny->category, "REJECT");
  EXPECT_EQ(deny->modality, Modality::kDenied);
}

TEST(EventStage, ScheduledTalksArePlannedWithTime) {
  Corpus c = Analyze("Peace talks are scheduled for Thursday in Port Avel.");
  const EventFrame* e = Find(c, "talks");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->modality, Modality::kPlanned);
  EXPECT_GE(e->time, 0);
  EXPECT_EQ(Text(c, e->place), "Port Avel");
}

TEST(EventStage, PassiveActorFromByPhrase) {
  Corpus c = Analyze("The village was shelled by Norland on Monday.");
  const EventFrame* e = Find(c, "shell");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(c, e->actor), "Norland");
  EXPECT_EQ(Text(c, e->target), "The village");
  EXPECT_EQ(e->category, "ASSAULT");
  EXPECT_GE(e->time, 0);
}

TEST(EventStage, ReducedRelativeIsPassive) {
  Corpus c = Analyze("Farmers described the raid carried out by Karsk units.");
  const EventFrame* e = Find(c, "carry out");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(c, e->actor), "Karsk units");
  EXPECT_EQ(Text(c, e->target), "the raid");
}

TEST(EventStage, CoordinatedVerbInheritsSubject) {
  Corpus c = Analyze(
      "Oskar Brandt declined to attend and instead sent a junior envoy.");
  const EventFrame* e = Find(c, "send");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(c, e->actor), "Oskar Brandt");
  EXPECT_EQ(Text(c, e->target), "a junior envoy");
}

TEST(EventStage, ImplicitMeetingIsInferred) {
  Corpus c = Analyze(
      "The summit opens in Port Avel on Monday. Oskar Brandt will not "
      "attend.");
  const EventFrame* e = Find(c, "attend");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->target_inferred);
  EXPECT_EQ(Text(c, e->target), "The summit");
  EXPECT_TRUE(e->negated);
}

TEST(EventStage, QuoteSpeakerIsTheSource) {
  Corpus c = Analyze(
      "\"We will sign the accord,\" Mara Velden said. Norland criticized "
      "the plan.");
  const EventFrame* sign = Find(c, "sign");
  ASSERT_NE(sign, nullptr);
  ASSERT_GE(sign->quote, 0);
  EXPECT_EQ(Text(c, c.documents[0].layers().quotes[sign->quote].speaker),
            "Mara Velden");
  const EventFrame* crit = Find(c, "criticize");
  ASSERT_NE(crit, nullptr);
  EXPECT_EQ(crit->quote, -1);
  EXPECT_EQ(crit->category, "ACCUSE");
}

TEST(EventStage, ObjectControlGivesTheActor) {
  Corpus c = Analyze("Mara Velden urged Oskar Brandt to join the talks.");
  const EventFrame* join = Find(c, "join");
  ASSERT_NE(join, nullptr);
  EXPECT_EQ(Text(c, join->actor), "Oskar Brandt");
  EXPECT_EQ(join->modality, Modality::kPossible);
  const EventFrame* urge = Find(c, "urge");
  ASSERT_NE(urge, nullptr);
  EXPECT_EQ(urge->category, "REQUEST");
}

TEST(EventStage, CommitToIsAgree) {
  Corpus c = Analyze("Oskar Brandt never committed to a meeting.");
  const EventFrame* e = Find(c, "commit to");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->category, "AGREE");
  EXPECT_TRUE(e->negated);
}

TEST(EventStage, NeverNegates) {
  Corpus c = Analyze("Oskar Brandt never met the envoy.");
  const EventFrame* e = Find(c, "meet");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->negated);
  EXPECT_EQ(e->modality, Modality::kHappened);
}

TEST(EventStage, GerundAfterPrepositionTakesTheClauseSubject) {
  Corpus c = Analyze(
      "Ada Roe floated the idea of new talks after rejecting the offer.");
  const EventFrame* e = Find(c, "reject");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(c, e->actor), "Ada Roe");
  EXPECT_EQ(Text(c, e->target), "the offer");
}

TEST(EventStage, StoppedShortOfIsARefusal) {
  Corpus c = Analyze("Ada Roe stopped short of agreeing to the truce.");
  const EventFrame* e = Find(c, "agree");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->modality, Modality::kRefused);
  EXPECT_EQ(Text(c, e->actor), "Ada Roe");
  EXPECT_EQ(Find(c, "stop"), nullptr);
}

TEST(EventStage, HyphenatedDurationIsPartOfTheNounPhrase) {
  Corpus c = Analyze("Ada Roe rejected a 30-day truce on Monday.");
  const EventFrame* e = Find(c, "reject");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(c, e->target), "a 30-day truce");
  ASSERT_GE(e->time, 0);
  EXPECT_EQ(Text(c, c.documents[0].layers().times[e->time].span), "Monday");
}

TEST(EventStage, BrushAsideIsOneRejectingVerbWithItsObject) {
  Corpus c = Analyze("Ada Roe brushed aside calls for a truce.");
  const EventFrame* e = Find(c, "brush aside");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->category, "REJECT");
  EXPECT_EQ(Text(c, e->target), "calls for a truce");
}

TEST(EventStage, DemandedSubjunctiveIsOnlyPossible) {
  Corpus c = Analyze(
      "Mara Velden issued a demand on Monday that Norland initiate a truce.");
  const EventFrame* e = Find(c, "initiate");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->modality, Modality::kPossible);
}

TEST(EventStage, ConditionalOnGerundIsACondition) {
  Corpus c = Analyze(
      "Mara Velden was ready to meet Roe, conditional on Norland initiating "
      "a truce.");
  const EventFrame* e = Find(c, "initiate");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->modality, Modality::kConditional);
}

TEST(EventStage, PassiveSubjectKeepsItsBetweenPhrase) {
  Corpus c = Analyze(
      "The last talks between Norland and Estovia were held in March 2019.");
  const EventFrame* e = Find(c, "hold");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(c, e->target), "The last talks between Norland and Estovia");
}

}  // namespace
}  // namespace dossier
