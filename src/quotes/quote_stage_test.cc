#include "quotes/quote_stage.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "entities/mention_stage.h"
#include "entities/test_document.h"
#include "pos/pos_stage.h"
#include "text/text_testing.h"

namespace dossier {
namespace {

// These tests pin down the rules: the shipped tagger (models/quotes) is
// switched off (attribution_model_test.cc tests the tagger).
QuoteStage RulesOnly() {
  QuoteStage stage;
  stage.set_model(nullptr);
  return stage;
}

struct Found {
  std::string span, content, cue, speaker, speaker_mention, relay;
  std::vector<std::string> joint;  // names of joint_mentions
  QuoteKind kind;
  int32_t anonymous = -1;
};

std::vector<Found> QuotesOf(Document& doc) {
  EXPECT_TRUE(MentionStage().Run(doc).ok());
  Status st = RulesOnly().Run(doc);
  EXPECT_TRUE(st.ok()) << st.ToString();
  std::vector<Found> out;
  for (const Quote& q : doc.layers().quotes) {
    Found f;
    f.span = std::string(doc.Slice(q.span));
    f.content = std::string(doc.Slice(q.content));
    f.cue = std::string(doc.Slice(q.cue));
    f.speaker = std::string(doc.Slice(q.speaker));
    if (q.speaker_mention >= 0) {
      f.speaker_mention =
          std::string(doc.Slice(doc.layers().mentions[q.speaker_mention].name));
    }
    for (int32_t m : q.joint_mentions) {
      f.joint.push_back(
          std::string(doc.Slice(doc.layers().mentions[m].name)));
    }
    f.kind = q.kind;
    f.relay = std::string(doc.Slice(q.relay));
    f.anonymous = q.anonymous;
    out.push_back(f);
  }
  return out;
}

std::vector<Found> Quotes(const std::string& text) {
  Document doc = test::MakeTestDocument(text);
  return QuotesOf(doc);
}

// With the real text chain (its tokenizer splits "Roe's" into "Roe" "'s";
// the test tokenizer does not).
std::vector<Found> ArticleQuotes(const std::string& text) {
  StatusOr<Document> doc = testing::RunTextChain(text);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  if (!doc.ok()) return {};
  return QuotesOf(*doc);
}

// With the real text chain and POS tags (rules that look at verb tags).
std::vector<Found> TaggedArticleQuotes(const std::string& text) {
  StatusOr<Document> doc = testing::RunTextChain(text);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  if (!doc.ok()) return {};
  EXPECT_TRUE(PosStage().Run(*doc).ok());
  return QuotesOf(*doc);
}

TEST(QuoteStageTest, NewSentenceCueSpeaksForTheNextQuotation) {
  auto qs = ArticleQuotes(
      "Ada Roe asked: \"Will the ferry run in May?\" To which Tom Eke "
      "said, \"Only if the council pays for the repairs.\"");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].speaker, "Ada Roe");
  EXPECT_EQ(qs[1].content, "Only if the council pays for the repairs.");
  EXPECT_EQ(qs[1].speaker, "Tom Eke");
  EXPECT_EQ(qs[1].cue, "said");
}

TEST(QuoteStageTest, SubjectBeforeAParticipleSpeaksNotItsObject) {
  auto qs = TaggedArticleQuotes(
      "Protesters marching through the streets of Dunmore chanted, \"No "
      "more fare rises!\"");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Protesters");
  EXPECT_EQ(qs[0].cue, "chanted");
}

TEST(QuoteStageTest, FewQuotedWordsAfterACommaStayInTheReportedClause) {
  auto qs = ArticleQuotes(
      "Ada Roe warned that if Norland obstructs the talks, \"secondary "
      "sanctions\" could be imposed.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].kind, QuoteKind::kIndirect);
  EXPECT_EQ(qs[0].content,
            "that if Norland obstructs the talks, \"secondary sanctions\" "
            "could be imposed");
}

TEST(QuoteStageTest, ParticipleAfterBeforeOrWhileIntroducesAQuotation) {
  auto qs = TaggedArticleQuotes(
      "\"Promise you will come back,\" Ada Roe sings to the crowd before "
      "asking them, \"Where do we go from here?\"");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[1].content, "Where do we go from here?");
  EXPECT_EQ(qs[1].speaker, "Ada Roe");
  EXPECT_EQ(qs[1].cue, "asking");
}

TEST(QuoteStageTest, ProgressiveOfSayingReportsLikeTheVerb) {
  auto qs = TaggedArticleQuotes(
      "The harbour board is warning that fares will rise in May.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "The harbour board");
  EXPECT_EQ(qs[0].cue, "is warning");
  EXPECT_EQ(qs[0].content, "that fares will rise in May");
}

TEST(QuoteStageTest, ConjunctionBeforeTheSpeakerIsLeftOut) {
  auto qs = TaggedArticleQuotes(
      "As Ada Roe put it in a statement, the council is \"providing a "
      "service you will not get from the mainland.\"");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Ada Roe");
}

TEST(QuoteStageTest, ParticipleCitingTakesTheClauseSubject) {
  auto qs = TaggedArticleQuotes(
      "On Monday, however, harbour officials raised fares, citing higher "
      "fuel costs.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].kind, QuoteKind::kIndirect);
  EXPECT_EQ(qs[0].speaker, "harbour officials");
  EXPECT_EQ(qs[0].cue, "citing");
  EXPECT_EQ(qs[0].content, "higher fuel costs");
}

TEST(QuoteStageTest, ParticiplePromisingAfterANamedSubject) {
  auto qs = ArticleQuotes(
      "Tomas Eberle spoke to dock workers, promising to restore the night "
      "ferries.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Tomas Eberle");
  EXPECT_EQ(qs[0].cue, "promising");
  EXPECT_EQ(qs[0].content, "to restore the night ferries");
}

TEST(QuoteStageTest, FirstPersonDescriptorAfterTheQuoteKeepsItsAdverbOut) {
  auto qs =
      ArticleQuotes("\"We live on borrowed time,\" my grandfather often said.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "my grandfather");
  EXPECT_EQ(qs[0].cue, "often said");
}

TEST(QuoteStageTest, ClauseBeforeAVerbThatIntroducesAQuoteIsNoStatement) {
  auto qs = ArticleQuotes(
      "When asked about the drivers, the ferry chief replied, \"The plan is "
      "meant for everyone.\"");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].kind, QuoteKind::kDirect);
  EXPECT_EQ(qs[0].speaker, "the ferry chief");
  EXPECT_EQ(qs[0].cue, "replied");
}

TEST(QuoteStageTest, DescriptorWithAnAgeAndACount) {
  auto qs = ArticleQuotes(
      "Pressed on the plan, the 40-year-old mother of two replied, \"It is "
      "meant for everyone.\"");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "the 40-year-old mother of two");
  EXPECT_EQ(qs[0].cue, "replied");
}

TEST(QuoteStageTest, ParticipleRightAfterANamedPersonBeforeAQuote) {
  auto qs = ArticleQuotes(
      "The advert ends with footage of Tomas Eberle saying during the debate, "
      "\"That makes me clever.\"");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Tomas Eberle");
  EXPECT_EQ(qs[0].cue, "saying");
}

TEST(QuoteStageTest, TranscriptLabelNamesTheSpeaker) {
  auto qs = Quotes(
      "The harbour debate, as broadcast.\n\nMORVEN: Let us start with the "
      "ferry strike tonight.\n\nMR. EKE: The crews will be back at work on "
      "Monday morning.");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].speaker, "MORVEN");
  EXPECT_EQ(qs[0].content, "Let us start with the ferry strike tonight");
  EXPECT_EQ(qs[0].cue, "");
  EXPECT_EQ(qs[0].kind, QuoteKind::kDirect);
  EXPECT_EQ(qs[1].speaker, "MR. EKE");
  EXPECT_EQ(qs[1].content, "The crews will be back at work on Monday morning");
}

TEST(QuoteStageTest, QuotedTranscriptParagraphTakesItsLabel) {
  auto qs = Quotes(
      "The harbour debate, as broadcast.\n\n\"RAVN: We have no plans to "
      "close the ferry line this year.\"");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "RAVN");
  EXPECT_EQ(qs[0].content,
            "We have no plans to close the ferry line this year.");
}

TEST(QuoteStageTest, HeadlineLabelNamesTheSpeaker) {
  auto qs = Quotes(
      "Velden: Harbour plan will go to a vote next month\n\nThe president "
      "spoke in Caldera on Tuesday.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Velden");
  EXPECT_EQ(qs[0].content, "Harbour plan will go to a vote next month");
  EXPECT_EQ(qs[0].kind, QuoteKind::kIndirect);
}

TEST(QuoteStageTest, SectionLabelsAreNoSpeakers) {
  auto qs = Quotes(
      "Analysis: The harbour vote will divide the coast\n\nUPDATE: The vote "
      "was moved to Friday by the council of Holt.");
  EXPECT_TRUE(qs.empty());
}

TEST(QuoteStageTest, CapitalizedHeadlineClauseIsNoLabel) {
  auto qs = Quotes(
      "Ferries Beat Trains: A New Survey of the Coast\n\nThe survey was "
      "published on Tuesday.");
  EXPECT_TRUE(qs.empty());
}

TEST(QuoteStageTest, AdjunctAfterTheAppositionIsNotTheSpeaker) {
  auto qs = Quotes(
      "\"We will keep the ferry running all winter,\" said Ada Roe, the "
      "council's leader, in a statement.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Ada Roe, the council's leader");
}

TEST(QuoteStageTest, NameWithoutEntityKeepsItsApposition) {
  auto qs = Quotes(
      "\"The city will never go back to how it was,\" said the Rev. Olav "
      "Brekke, of Tessby Harbour Church.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "the Rev. Olav Brekke, of Tessby Harbour Church");
}

TEST(QuoteStageTest, InvertedSaidOpeningTheSentenceNamesTheSpeaker) {
  auto qs = Quotes(
      "The council met on Monday. Said Ada Roe: \"We will keep the ferry "
      "running all winter.\"");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Ada Roe");
  EXPECT_EQ(qs[0].cue, "Said");
}

TEST(QuoteStageTest, WholeSubjectPhraseAfterTheQuoteIsTheSpeaker) {
  auto qs = Quotes(
      "\xE2\x80\x9CIt was the least bad outcome,\xE2\x80\x9D Mr. Tom Eke of "
      "the Ferry Union said.\n\n\xE2\x80\x9CWe are pleased with the "
      "ruling,\xE2\x80\x9D harbour lawyer Ada Roe said on Monday.");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].speaker, "Mr. Tom Eke of the Ferry Union");
  EXPECT_EQ(qs[0].speaker_mention, "Tom Eke");
  EXPECT_EQ(qs[0].cue, "said");
  EXPECT_EQ(qs[1].speaker, "harbour lawyer Ada Roe");
  EXPECT_EQ(qs[1].speaker_mention, "Ada Roe");
}

TEST(QuoteStageTest, DashAndNameAfterAQuoteNameItsSpeaker) {
  auto qs = Quotes(
      "\xE2\x80\x9CThe ferry must run every day, not only on market "
      "days.\xE2\x80\x9D \xE2\x80\x95 Carla Venn\n\n\xE2\x80\x9CThe "
      "harbour should never have closed for a month.\xE2\x80\x9D "
      "\xE2\x80\x95 Tomas Rill.");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].speaker, "Carla Venn");
  EXPECT_EQ(qs[0].cue, "");
  EXPECT_EQ(qs[1].speaker, "Tomas Rill");
}

TEST(QuoteStageTest, QuoteAfterReportedSpeechContinuesItsSpeaker) {
  auto qs = Quotes(
      "The levy may be dropped before the vote, Ada Roe said. \xE2\x80\x9CThe "
      "council has no other choice this year.\xE2\x80\x9D");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].kind, QuoteKind::kIndirect);
  EXPECT_EQ(qs[1].kind, QuoteKind::kDirect);
  EXPECT_EQ(qs[1].speaker, "Ada Roe");
  EXPECT_EQ(qs[1].cue, "");
}

TEST(QuoteStageTest, QuoteFromAnotherReportKeepsSpeakerAndRelay) {
  auto qs = Quotes(
      "\xE2\x80\x9CWe have a full week, but I would go,\xE2\x80\x9D Ada "
      "Roe said, according to a Tessby Post pool report.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].kind, QuoteKind::kDirect);
  EXPECT_EQ(qs[0].speaker, "Ada Roe");
  EXPECT_EQ(qs[0].relay, "a Tessby Post pool report");
  auto nested = Quotes(
      "The harbour master said that the pier would close in May, the "
      "Caldera Herald reported.");
  ASSERT_EQ(nested.size(), 1u);
  EXPECT_EQ(nested[0].speaker, "The harbour master");
  EXPECT_EQ(nested[0].relay, "the Caldera Herald");
}

TEST(QuoteStageTest, AnonymousSourceIsLinkedToItsLaterReference) {
  auto qs = Quotes(
      "\xE2\x80\x9CThe chair is empty,\xE2\x80\x9D said a Norland diplomat "
      "speaking on condition of anonymity.\n\nThe official continued: "
      "\xE2\x80\x9CNobody here takes the offer seriously.\xE2\x80\x9D");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].speaker,
            "a Norland diplomat speaking on condition of anonymity");
  EXPECT_EQ(qs[0].speaker_mention, "");
  EXPECT_EQ(qs[0].anonymous, 0);
  EXPECT_EQ(qs[1].speaker, "The official");
  EXPECT_EQ(qs[1].anonymous, 0);
}

TEST(QuoteStageTest, UnnamedReportsAreAnAnonymousSource) {
  auto qs = Quotes(
      "According to reports, Ada Roe first floated the idea of talks after "
      "the vote.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "reports");
  EXPECT_EQ(qs[0].speaker_mention, "");
  EXPECT_EQ(qs[0].anonymous, 0);
}

TEST(QuoteStageTest, AddingAThingToAnotherIsNoSpeech) {
  auto qs = Quotes(
      "Mara Velden said the delegation will be named on Friday, adding "
      "uncertainty to whether the talks will start.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].cue, "said");
}

TEST(QuoteStageTest, DiscourseAdverbIsNotPartOfTheSpeaker) {
  auto qs = Quotes(
      "Mayor Ada Roe, meanwhile, warned that the levy could be doubled next "
      "year.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Mayor Ada Roe");
}

TEST(QuoteStageTest, PhrasalReportingVerbIsOneCue) {
  auto qs = Quotes("Ada Roe called for a new vote on the harbour levy.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].cue, "called for");
  EXPECT_EQ(qs[0].speaker, "Ada Roe");
  EXPECT_EQ(qs[0].content, "a new vote on the harbour levy");
}

TEST(QuoteStageTest, PairsCurlyMarksWithSpeakerAfter) {
  auto qs = Quotes(
      "\xE2\x80\x9CWe will not sign this agreement,\xE2\x80\x9D Mara Velden "
      "said on Monday.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].content, "We will not sign this agreement,");
  EXPECT_EQ(qs[0].span.substr(0, 3), "\xE2\x80\x9C");
  EXPECT_EQ(qs[0].kind, QuoteKind::kDirect);
  EXPECT_EQ(qs[0].cue, "said");
  EXPECT_EQ(qs[0].speaker, "Mara Velden");
  EXPECT_EQ(qs[0].speaker_mention, "Mara Velden");
}

TEST(QuoteStageTest, LowerCaseModifiersBeforeTitledSpeakerAfterQuote) {
  auto qs = Quotes(
      "\"The ferries will sail in June,\" harbour board chair Lena Kovac "
      "said after the meeting.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].cue, "said");
  EXPECT_EQ(qs[0].speaker_mention, "Lena Kovac");
}

TEST(QuoteStageTest, ColonParagraphWithoutReportingVerbNamesItsSubject) {
  auto qs = Quotes(
      "Mara Velden set out her terms in parliament on Tuesday:\n\n"
      "\"We want the prisoners home before winter.\"");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker_mention, "Mara Velden");
  EXPECT_EQ(qs[0].cue, "");
}

TEST(QuoteStageTest, PronounSpeakerPrefersTheSubjectOfTheLastSentence) {
  auto qs = Quotes(
      "Mara Velden told reporters that she had hoped to meet Ivo Marr.\n\n"
      "\"I came here to talk,\" she said.");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].kind, QuoteKind::kIndirect);  // told reporters that ...
  EXPECT_EQ(qs[1].speaker, "she");
  EXPECT_EQ(qs[1].speaker_mention, "Mara Velden");
}

TEST(QuoteStageTest, PairsStraightMarksWithInvertedSpeaker) {
  auto qs = Quotes(
      "\"The border stays open for now,\" said Foreign Minister Tomas "
      "Eberle.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].content, "The border stays open for now,");
  EXPECT_EQ(qs[0].speaker, "Foreign Minister Tomas Eberle");
  EXPECT_EQ(qs[0].speaker_mention, "Tomas Eberle");
}

TEST(QuoteStageTest, StraightMarksToggleWithinAParagraph) {
  auto qs = Quotes(
      "\"First we talk,\" Mara Velden said. \"Then we decide together.\"");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].content, "First we talk,");
  EXPECT_EQ(qs[1].content, "Then we decide together.");
}

TEST(QuoteStageTest, SplitQuoteSharesTheSpeaker) {
  auto qs = Quotes(
      "Mara Velden arrived late. \xE2\x80\x9CThe talks are over,\xE2\x80\x9D "
      "she said. \xE2\x80\x9CNobody in Caldera wanted them to "
      "fail.\xE2\x80\x9D");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].speaker, "she");
  EXPECT_EQ(qs[0].speaker_mention, "Mara Velden");
  EXPECT_EQ(qs[1].speaker, "she");
  EXPECT_EQ(qs[1].speaker_mention, "Mara Velden");
}

TEST(QuoteStageTest, PronounSkipsNamesInsideQuotes) {
  auto qs = Quotes(
      "Tomas Eberle was calm. \xE2\x80\x9CI spoke with Mara Velden "
      "yesterday,\xE2\x80\x9D he added.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].cue, "added");
  EXPECT_EQ(qs[0].speaker, "he");
  EXPECT_EQ(qs[0].speaker_mention, "Tomas Eberle");
}

TEST(QuoteStageTest, SpeakerBeforeWithColonOrComma) {
  auto colon = Quotes(
      "Mara Velden told reporters: \xE2\x80\x9CWe are ready to "
      "talk.\xE2\x80\x9D");
  ASSERT_EQ(colon.size(), 1u);
  EXPECT_EQ(colon[0].cue, "told");  // PolNeAR: the verb, not its object
  EXPECT_EQ(colon[0].speaker, "Mara Velden");
  auto comma = Quotes(
      "Tomas Eberle said, \xE2\x80\x9CThere is no deal yet.\xE2\x80\x9D");
  ASSERT_EQ(comma.size(), 1u);
  EXPECT_EQ(comma[0].cue, "said");
  EXPECT_EQ(comma[0].speaker, "Tomas Eberle");
}

TEST(QuoteStageTest, AccordingToNamesTheSpeaker) {
  auto qs = Quotes(
      "The ceasefire \xE2\x80\x9Cwill hold through the winter,\xE2\x80\x9D "
      "according to the Caldera Herald.");
  // The quoted words are part of a reported clause: one indirect quote.
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].kind, QuoteKind::kIndirect);
  EXPECT_EQ(qs[0].cue, "according to");
  EXPECT_EQ(qs[0].speaker, "the Caldera Herald");
  EXPECT_EQ(qs[0].speaker_mention, "Caldera Herald");
}

TEST(QuoteStageTest, DescriptorSpeakerHasNoMention) {
  auto qs = Quotes(
      "\xE2\x80\x9COur doors remain open,\xE2\x80\x9D the Norland leader "
      "said.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "the Norland leader");
  EXPECT_EQ(qs[0].speaker_mention, "");
}

TEST(QuoteStageTest, ColonParagraphIntroducesQuoteParagraph) {
  auto qs = Quotes(
      "Speaking to foreign media, Mara Velden warned that time was short:"
      "\n\n\xE2\x80\x9CIf nobody comes to the table, the war goes on for "
      "years.\xE2\x80\x9D");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].kind, QuoteKind::kIndirect);  // warned that time was short
  EXPECT_EQ(qs[0].content, "that time was short");
  EXPECT_EQ(qs[1].kind, QuoteKind::kDirect);
  EXPECT_EQ(qs[1].cue, "warned");
  EXPECT_EQ(qs[1].speaker, "Mara Velden");
}

TEST(QuoteStageTest, QuoteParagraphAfterAttributedQuoteContinues) {
  auto qs = Quotes(
      "\xE2\x80\x9CWe came in good faith,\xE2\x80\x9D Tomas Eberle said."
      "\n\n\xE2\x80\x9CNow the other side must show the same "
      "courage.\xE2\x80\x9D");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[1].cue, "");
  EXPECT_EQ(qs[1].speaker, "Tomas Eberle");
  EXPECT_EQ(qs[1].speaker_mention, "Tomas Eberle");
}

TEST(QuoteStageTest, UnclosedQuoteRunsOnIntoNextQuoteParagraph) {
  auto qs = Quotes(
      "Mara Velden said: \xE2\x80\x9CWe waited for a year.\n\n"
      "\xE2\x80\x9CWe will not wait another one.\xE2\x80\x9D");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].content.substr(0, 21), "We waited for a year.");
  EXPECT_EQ(qs[0].content.substr(qs[0].content.size() - 12), "another one.");
  EXPECT_EQ(qs[0].speaker, "Mara Velden");
}

TEST(QuoteStageTest, UnclosedQuoteWithoutNextMarkIsDropped) {
  auto qs = Quotes(
      "Mara Velden said: \xE2\x80\x9CWe waited for a year.\n\n"
      "The meeting ended.");
  EXPECT_TRUE(qs.empty());
}

TEST(QuoteStageTest, FewReportedWordsArePartial) {
  auto qs = Quotes(
      "Mara Velden called for \xE2\x80\x9C"
      "firm guarantees\xE2\x80\x9D "
      "from Caldera.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].kind, QuoteKind::kPartial);
  EXPECT_EQ(qs[0].content, "firm guarantees");
  EXPECT_EQ(qs[0].speaker, "Mara Velden");
}

TEST(QuoteStageTest, ScareQuotesAndTitlesAreSkipped) {
  auto qs = Quotes(
      "She read the novel \xE2\x80\x9CSilent Harbor\xE2\x80\x9D on the "
      "train to Caldera.");
  EXPECT_TRUE(qs.empty());
}

TEST(QuoteStageTest, SingleQuotesAreNestedNotQuotes) {
  auto qs = Quotes(
      "\xE2\x80\x9CThey told us \xE2\x80\x98wait\xE2\x80\x99 again and "
      "again,\xE2\x80\x9D Mara Velden said.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Mara Velden");
  auto single = Quotes(
      "The plan, dubbed \xE2\x80\x98Northern "
      "Light\xE2\x80\x99, failed.");
  EXPECT_TRUE(single.empty());
}

TEST(QuoteStageTest, QuotesAreInTextOrderWithValidSpans) {
  Document doc = test::MakeTestDocument(
      "\xE2\x80\x9COne,\xE2\x80\x9D Mara Velden said. \"Two more words "
      "here,\" she added.");
  ASSERT_TRUE(MentionStage().Run(doc).ok());
  ASSERT_TRUE(RulesOnly().Run(doc).ok());
  const auto& qs = doc.layers().quotes;
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_LT(qs[0].span.start, qs[1].span.start);
  for (const Quote& q : qs) {
    EXPECT_TRUE(q.span.Contains(q.content));
    EXPECT_EQ(q.group, -1);
  }
}

// --- Indirect speech ---------------------------------------------------

TEST(QuoteStageTest, IndirectSpeakerSaidThat) {
  auto qs = Quotes(
      "Mara Velden said that the ferry to Tessby would run again in June.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].kind, QuoteKind::kIndirect);
  EXPECT_EQ(qs[0].content, "that the ferry to Tessby would run again in June");
  EXPECT_EQ(qs[0].cue, "said");
  EXPECT_EQ(qs[0].speaker, "Mara Velden");
  EXPECT_EQ(qs[0].speaker_mention, "Mara Velden");
}

TEST(QuoteStageTest, IndirectWithoutThatAndWithAdverbInCue) {
  auto qs = Quotes("Tomas Eberle also said the harbour would stay closed.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].kind, QuoteKind::kIndirect);
  EXPECT_EQ(qs[0].content, "the harbour would stay closed");
  EXPECT_EQ(qs[0].cue, "also said");
  EXPECT_EQ(qs[0].speaker_mention, "Tomas Eberle");
}

TEST(QuoteStageTest, IndirectToldAddresseeIsNotContent) {
  auto qs =
      Quotes("Mara Velden told reporters on Monday that the talks had failed.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].cue, "told");
  EXPECT_EQ(qs[0].content, "that the talks had failed");
  EXPECT_EQ(qs[0].speaker, "Mara Velden");
}

TEST(QuoteStageTest, IndirectToldQuotedProgrammeIsNotAPartialQuote) {
  auto qs = Quotes(
      "Ada Roe told the \xE2\x80\x9CMorning Tide\xE2\x80\x9D show that the "
      "ferry would run.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].kind, QuoteKind::kIndirect);
  EXPECT_EQ(qs[0].cue, "told");
  EXPECT_EQ(qs[0].content, "that the ferry would run");
  EXPECT_EQ(qs[0].speaker, "Ada Roe");
}

TEST(QuoteStageTest, IndirectToldAddresseeBeforeAQuestionWord) {
  auto qs = Quotes(
      "Mara Velden told host Tomas Eberle on Monday how tired the crews "
      "were.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].cue, "told");
  EXPECT_EQ(qs[0].content, "how tired the crews were");
  EXPECT_EQ(qs[0].speaker, "Mara Velden");
}

TEST(QuoteStageTest, IndirectClauseFirst) {
  auto qs = Quotes(
      "The council will vote on the new budget next week, Tomas Eberle "
      "said.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].kind, QuoteKind::kIndirect);
  EXPECT_EQ(qs[0].content, "The council will vote on the new budget next week");
  EXPECT_EQ(qs[0].cue, "said");
  EXPECT_EQ(qs[0].speaker_mention, "Tomas Eberle");
}

TEST(QuoteStageTest, IndirectClauseFirstInvertedWithApposition) {
  auto qs = Quotes(
      "The ferries will sail again in June, said Lena Kovac, the chair of "
      "the harbour board.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].content, "The ferries will sail again in June");
  EXPECT_EQ(qs[0].speaker, "Lena Kovac, the chair of the harbour board");
  EXPECT_EQ(qs[0].speaker_mention, "Lena Kovac");
}

TEST(QuoteStageTest, IndirectParentheticalSplitsTheContent) {
  auto qs = Quotes(
      "The first vote went smoothly, she said, but the second one will be "
      "much harder.");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].content, "The first vote went smoothly");
  EXPECT_EQ(qs[0].cue, "said");
  EXPECT_EQ(qs[1].content, "but the second one will be much harder");
  EXPECT_EQ(qs[1].cue, "");  // a continuation of the first
  EXPECT_EQ(qs[1].speaker, qs[0].speaker);
}

TEST(QuoteStageTest, IndirectAccordingTo) {
  auto first = Quotes(
      "According to the Caldera Herald, the minister will resign on "
      "Friday.");
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].kind, QuoteKind::kIndirect);
  EXPECT_EQ(first[0].cue, "According to");
  EXPECT_EQ(first[0].speaker, "the Caldera Herald");
  EXPECT_EQ(first[0].content, "the minister will resign on Friday");
  auto last = Quotes(
      "The minister will resign on Friday, according to the Caldera "
      "Herald.");
  ASSERT_EQ(last.size(), 1u);
  EXPECT_EQ(last[0].content, "The minister will resign on Friday");
  EXPECT_EQ(last[0].cue, "according to");
}

TEST(QuoteStageTest, IndirectSubjectWithAppositionOrParenthesis) {
  auto appos = Quotes(
      "Tomas Eberle, a ferry captain from Tessby, said the harbour was too "
      "shallow.");
  ASSERT_EQ(appos.size(), 1u);
  EXPECT_EQ(appos[0].speaker, "Tomas Eberle, a ferry captain from Tessby");
  EXPECT_EQ(appos[0].speaker_mention, "Tomas Eberle");
  EXPECT_EQ(appos[0].content, "the harbour was too shallow");
  auto rel = Quotes(
      "Tomas Eberle, who sailed the route for years, said the harbour was "
      "too shallow.");
  ASSERT_EQ(rel.size(), 1u);
  // PolNeAR marks the relative clause as part of the source.
  EXPECT_EQ(rel[0].speaker, "Tomas Eberle, who sailed the route for years");
  EXPECT_EQ(rel[0].speaker_mention, "Tomas Eberle");
  auto paren = Quotes(
      "Sen. Mara Velden (Greens) said the bill would not pass this year.");
  ASSERT_EQ(paren.size(), 1u);
  EXPECT_EQ(paren[0].speaker.substr(paren[0].speaker.size() - 8), "(Greens)");
  EXPECT_EQ(paren[0].speaker_mention, "Mara Velden");
}

TEST(QuoteStageTest, IndirectSubjectKeepsItsPrepositionalPhrase) {
  auto qs = Quotes(
      "A spokeswoman for the Ferry Union said the strike would end soon. "
      "Mayor Ilse Marovic of Tessby said the harbour would reopen in May.");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].speaker, "A spokeswoman for the Ferry Union");
  EXPECT_EQ(qs[1].speaker, "Mayor Ilse Marovic of Tessby");
  EXPECT_EQ(qs[1].speaker_mention, "Ilse Marovic");
}

TEST(QuoteStageTest, ReportingParticipleTakesTheClauseSubject) {
  auto qs = Quotes(
      "Ada Roe visited the harbour on Monday, saying the council had broken "
      "its promise to the ferry crews.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Ada Roe");
  EXPECT_EQ(qs[0].cue, "saying");
  EXPECT_EQ(qs[0].content,
            "the council had broken its promise to the ferry crews");
}

TEST(QuoteStageTest, AdjunctBeforeSpeakerIsNotReportedSpeech) {
  auto qs = Quotes(
      "In her weekly radio address, Ada Roe said, \xE2\x80\x9CThe ferries "
      "will run again in May.\xE2\x80\x9D");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].kind, QuoteKind::kDirect);
  EXPECT_EQ(qs[0].speaker, "Ada Roe");
}

TEST(QuoteStageTest, IndirectPluralDescriptorSpeaker) {
  auto qs = Quotes("Harbour experts say the new pier will need dredging.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Harbour experts");
  EXPECT_EQ(qs[0].speaker_mention, "");
  EXPECT_EQ(qs[0].cue, "say");
}

TEST(QuoteStageTest, QuotedPhraseInsideReportedSpeechIsOneIndirectQuote) {
  auto qs = Quotes(
      "Mara Velden said the plan \xE2\x80\x9Cwill fail\xE2\x80\x9D within a "
      "year.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].kind, QuoteKind::kIndirect);
  EXPECT_EQ(qs[0].content,
            "the plan \xE2\x80\x9Cwill fail\xE2\x80\x9D within a year");
  EXPECT_EQ(qs[0].speaker_mention, "Mara Velden");
}

TEST(QuoteStageTest, DirectQuotesAreNotDuplicatedAsIndirect) {
  auto before = Quotes(
      "Mara Velden said: \xE2\x80\x9CWe are ready to talk about the "
      "ferries.\xE2\x80\x9D");
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before[0].kind, QuoteKind::kDirect);
  auto after = Quotes(
      "\xE2\x80\x9CWe are ready to talk,\xE2\x80\x9D Mara Velden said at "
      "the harbour on Monday.");
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].kind, QuoteKind::kDirect);
  auto of = Quotes(
      "Mara Velden said of the ferries, \xE2\x80\x9CThey will sail in "
      "June.\xE2\x80\x9D");
  ASSERT_EQ(of.size(), 1u);
  EXPECT_EQ(of[0].kind, QuoteKind::kDirect);
}

TEST(QuoteStageTest, NegatedOrAdjectivalVerbsReportNothing) {
  EXPECT_TRUE(Quotes("Mara Velden did not say whether the talks would resume.")
                  .empty());
  EXPECT_TRUE(
      Quotes("Mara Velden cancelled her announced plans for the summer.")
          .empty());
}

TEST(QuoteStageTest, DirectSpeakerKeepsItsApposition) {
  auto qs = Quotes(
      "\xE2\x80\x9CThe pier is too short,\xE2\x80\x9D said Tomas Eberle, a "
      "ferry captain from Tessby.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Tomas Eberle, a ferry captain from Tessby");
  EXPECT_EQ(qs[0].speaker_mention, "Tomas Eberle");
  auto mid = Quotes(
      "\xE2\x80\x9CThe pier is too short,\xE2\x80\x9D Tomas Eberle, a ferry "
      "captain, said.");
  ASSERT_EQ(mid.size(), 1u);
  EXPECT_EQ(mid[0].speaker, "Tomas Eberle, a ferry captain");
}

TEST(QuoteStageTest, TwinApostrophesAreDoubleMarks) {
  auto qs = Quotes("''We will not sign this treaty,'' Mara Velden said.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].kind, QuoteKind::kDirect);
  EXPECT_EQ(qs[0].content, "We will not sign this treaty,");
  EXPECT_EQ(qs[0].speaker, "Mara Velden");
}

TEST(QuoteStageTest, SpeakerAfterSaidKeepsItsOfPhraseAndTitle) {
  auto qs = Quotes(
      "\xE2\x80\x9CThe ferry must run every day of the year,\xE2\x80\x9D "
      "said Councillor Ada Roe of Tessby.\n\n\xE2\x80\x9CThe bridge is "
      "not safe for lorries,\xE2\x80\x9D said Norland Broadcasting "
      "Corporation host Tom "
      "Eke.");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].speaker, "Councillor Ada Roe of Tessby");
  EXPECT_EQ(qs[1].speaker, "Norland Broadcasting Corporation host Tom Eke");
  EXPECT_EQ(qs[1].speaker_mention, "Tom Eke");
}

TEST(QuoteStageTest, LongAppositionWithRelativeClauseIsPartOfTheSpeaker) {
  auto qs = Quotes(
      "\xE2\x80\x9CThe port deal was a gift to the owners,\xE2\x80\x9D "
      "said Tom Eke, a lawyer at Hald & Venn who represents the harbour "
      "pilots in the case.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker,
            "Tom Eke, a lawyer at Hald & Venn who represents the harbour "
            "pilots in the case");
}

TEST(QuoteStageTest, AdjunctAfterTheSpeakerIsNoApposition) {
  auto qs = Quotes(
      "\xE2\x80\x9CThe ferry will run again in May,\xE2\x80\x9D said "
      "Ada Roe, at a later briefing in Tessby.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Ada Roe");
}

TEST(QuoteStageTest, TheyAfterAnUnnamedGroupTakesThatGroup) {
  auto qs = Quotes(
      "The ministers jointly proposed a ten-day truce on the river. They "
      "also warned that a breach would close the port.");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].speaker, "The ministers");
  EXPECT_EQ(qs[1].speaker, "The ministers");
  EXPECT_EQ(qs[1].cue, "also warned");
}

TEST(QuoteStageTest, AccordingToKeepsTheSourcesApposition) {
  auto qs = Quotes(
      "According to Harbourwatch, an independent shipping monitor, the "
      "ferry ran late on most days in May.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Harbourwatch, an independent shipping monitor");
  EXPECT_EQ(qs[0].content, "the ferry ran late on most days in May");
}

TEST(QuoteStageTest, PluralAfterANationalityAdjectiveIsNoReportingVerb) {
  auto qs = Quotes(
      "The mayor brushed aside Norlandic calls for a new bridge over the "
      "river.");
  for (const auto& q : qs) EXPECT_NE(q.cue, "calls for") << q.speaker;
}

TEST(QuoteStageTest, RelativePronounBeforeAReportingVerbIsTheSource) {
  auto qs = Quotes(
      "Most ferries stopped at the Tessby Port Authority, which said the quay "
      "would reopen in June.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "which");
  EXPECT_EQ(qs[0].cue, "said");
  EXPECT_EQ(qs[0].content, "the quay would reopen in June");
}

TEST(QuoteStageTest, ParticipleAfterTheSpeakerIsNoApposition) {
  auto qs = Quotes(
      "\xE2\x80\x9CThe ferry will run again in May,\xE2\x80\x9D said "
      "Ada Roe, speaking of the new timetable.\n\n\xE2\x80\x9CThe quay "
      "needs repairs before the winter,\xE2\x80\x9D said the ruling.");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].speaker, "Ada Roe");
  EXPECT_EQ(qs[1].speaker, "the ruling");
}

TEST(QuoteStageTest, CoordinatedModifiersBeforeAPluralSpeaker) {
  auto qs = Quotes("Federal and state officials said the ferry plan failed.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Federal and state officials");
  EXPECT_EQ(qs[0].content, "the ferry plan failed");
}

TEST(QuoteStageTest, APlaceAfterAPrepositionIsNotTheSpeaker) {
  auto qs = Quotes("Experts on Norland said the test could change that.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Experts on Norland");
  EXPECT_EQ(qs[0].speaker_mention, "");
}

TEST(QuoteStageTest, TheNameInAnAppositionIsTheSpeakersEntity) {
  auto qs = Quotes(
      "The state party chairman, Ivo Marren, said he had not seen the "
      "letter.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "The state party chairman, Ivo Marren");
  EXPECT_EQ(qs[0].speaker_mention, "Ivo Marren");
}

TEST(QuoteStageTest, PluralSpeakersAfterADeterminerOrAConjunction) {
  auto qs = Quotes(
      "Many lawmakers say the ferry plan is late. His aides say it is too "
      "early. But critics say the money could be better spent.");
  ASSERT_EQ(qs.size(), 3u);
  EXPECT_EQ(qs[0].speaker, "Many lawmakers");
  EXPECT_EQ(qs[1].speaker, "His aides");
  EXPECT_EQ(qs[2].speaker, "critics");
}

TEST(QuoteStageTest, APluralAfterAndIsNoSpeaker) {
  auto qs = Quotes(
      "Ada Roe said the spate of shootings and protests demands that all "
      "residents listen more.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Ada Roe");
}

TEST(QuoteStageTest, TitleCaseHeadlineAttributions) {
  Document doc = test::MakeTestDocument(
      "Ferry Plan Could Fail, Mayor Ada Roe Says\n\nThe council met.", "d1",
      /*first_is_title=*/true);
  EXPECT_TRUE(MentionStage().Run(doc).ok());
  ASSERT_TRUE(RulesOnly().Run(doc).ok());
  ASSERT_FALSE(doc.layers().quotes.empty());
  const Quote& q = doc.layers().quotes[0];
  EXPECT_EQ(doc.Slice(q.speaker), "Mayor Ada Roe");
  EXPECT_EQ(doc.Slice(q.cue), "Says");
  EXPECT_EQ(doc.Slice(q.content), "Ferry Plan Could Fail");
}

TEST(QuoteStageTest, TitleCaseSpeakerBeforeSays) {
  Document doc = test::MakeTestDocument(
      "Roe Says Ferry Plan Will Fail\n\nThe council met.", "d1",
      /*first_is_title=*/true);
  EXPECT_TRUE(MentionStage().Run(doc).ok());
  ASSERT_TRUE(RulesOnly().Run(doc).ok());
  ASSERT_FALSE(doc.layers().quotes.empty());
  const Quote& q = doc.layers().quotes[0];
  EXPECT_EQ(doc.Slice(q.speaker), "Roe");
  EXPECT_EQ(doc.Slice(q.content), "Ferry Plan Will Fail");
}

TEST(QuoteStageTest, CapitalizedSaysInTheBodyIsNoCue) {
  auto qs = Quotes("The Says Ferry runs twice a day to Tessby.");
  EXPECT_TRUE(qs.empty());
}

TEST(QuoteStageTest, RoleNounAfterADeterminerIsASpeaker) {
  auto qs = Quotes("His lawyer has said he will refuse to answer.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "His lawyer");
  EXPECT_EQ(qs[0].content, "he will refuse to answer");
}

TEST(QuoteStageTest, PluralWithAPrepositionalPhraseIsASpeaker) {
  auto qs =
      Quotes("Elected officials from both parties say he is a hard worker.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Elected officials from both parties");
}

TEST(QuoteStageTest, APartialQuoteOpeningAReportedClauseKeepsTheClause) {
  auto qs = Quotes(
      "Ada Roe said that \xE2\x80\x9C" "exactly who did it\xE2\x80\x9D "
      "remains under investigation by the harbour police.");
  bool clause = false;
  for (const auto& q : qs) {
    clause |=
        q.kind == QuoteKind::kIndirect && q.speaker == "Ada Roe" &&
        q.content.find("remains under investigation") != std::string::npos;
  }
  EXPECT_TRUE(clause);
}

TEST(QuoteStageTest, QuoteSplitByItsAttributionContinuesWithoutCue) {
  auto qs = Quotes(
      "\xE2\x80\x9CMy hope,\xE2\x80\x9D Ada Roe said, \xE2\x80\x9Cis that "
      "the ferry runs again by spring.\xE2\x80\x9D");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].cue, "said");
  EXPECT_EQ(qs[1].cue, "");  // a continuation of the first part
  EXPECT_EQ(qs[1].speaker, "Ada Roe");
}

TEST(QuoteStageTest, DescriptorWithPossessorBeforeAnApposedName) {
  auto qs = Quotes(
      "The union's campaign chairman, Ivo Marr, said he had not seen the "
      "letter.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "The union's campaign chairman, Ivo Marr");
  EXPECT_EQ(qs[0].speaker_mention, "Ivo Marr");
}

TEST(QuoteStageTest, UnattributedCapitalizedTitleIsNoQuote) {
  auto qs = Quotes(
      "On the program \xE2\x80\x9CMorning Harbour Talk,\xE2\x80\x9D the "
      "ferries were discussed at length.");
  EXPECT_TRUE(qs.empty());
}

TEST(QuoteStageTest, VerbFormAfterAnArticleIsANoun) {
  auto qs = Quotes(
      "\xE2\x80\x9CIt is an overreach,\xE2\x80\x9D Ada Roe, the governor "
      "of one of the states suing the agency, said.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].cue, "said");
}

TEST(QuoteStageTest, ReportingParticipleEndsTheReportedClause) {
  auto qs = Quotes(
      "Sen. Ada Roe (R-Tessby) said the levy did not hurt the party, arguing "
      "that the split in its ranks was the bigger problem.");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].content, "the levy did not hurt the party");
  EXPECT_EQ(qs[1].cue, "arguing");
  EXPECT_EQ(qs[1].speaker, "Sen. Ada Roe (R-Tessby)");
}

TEST(QuoteStageTest, CoordinatedReportingVerbEndsTheFirstClause) {
  auto qs = Quotes(
      "The harbour police announced on Friday the arrest of a man and said a "
      "curfew would stay in force through the weekend.");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].cue, "announced");
  EXPECT_EQ(qs[0].content.find("curfew"), std::string::npos);
  EXPECT_EQ(qs[1].cue, "said");
  EXPECT_EQ(qs[1].content, "a curfew would stay in force through the weekend");
}

TEST(QuoteStageTest, QuotationInsideAnotherSentenceContinuesNothing) {
  auto qs = Quotes(
      "Ada Roe said the ferry fund was safe. A later audit could not rule "
      "out money from \xE2\x80\x9Cthe sale of stolen boats, fuel or "
      "nets.\xE2\x80\x9D");
  bool found = false;
  for (const auto& q : qs) {
    if (q.content.find("stolen boats") != std::string::npos) {
      found = true;
      EXPECT_EQ(q.speaker, "");
    }
  }
  EXPECT_TRUE(found);
}

TEST(QuoteStageTest, ParentheticalAttributionAfterTheSubjectAlone) {
  auto qs = Quotes(
      "The museum, Ada Roe said, would make visitors face hard truths about "
      "the harbour.");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].content, "The museum");
  EXPECT_EQ(qs[0].speaker, "Ada Roe");
  EXPECT_EQ(qs[1].cue, "");  // the rest of the statement
  EXPECT_EQ(qs[1].speaker, "Ada Roe");
}

TEST(QuoteStageTest, ClauseAfterACommaIsNoApposition) {
  auto qs = Quotes(
      "The refusal did not go over well with the board, and the meeting "
      "went downhill from there, said one source in the room.");
  for (const auto& q : qs) {
    EXPECT_EQ(q.speaker.find("meeting"), std::string::npos) << q.speaker;
  }
}

TEST(QuoteStageTest, PossessorBeforeANameAfterTheVerb) {
  auto qs = Quotes(
      "Debates alone are not likely to change the race, noted Harbour "
      "Radio's Ivo Marr.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Harbour Radio's Ivo Marr");
}

TEST(QuoteStageTest, APercentageIsASpeaker) {
  auto qs = Quotes(
      "In the poll, 73 percent said the ferry should run. Another 19 "
      "percent said they did not know.");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].speaker, "73 percent");
  EXPECT_EQ(qs[1].speaker, "Another 19 percent");
}

TEST(QuoteStageTest, ParticipleClauseAfterTheSubjectIsNoApposition) {
  auto qs = Quotes(
      "Ada Roe, speaking to a ferry crew in Tessby, said the harbour would "
      "stay open all winter.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Ada Roe");
}

TEST(QuoteStageTest, PossessorBeforeModifiersOfANamedSubject) {
  auto qs = Quotes(
      "Ada Roe's campaign manager Tom Eke said the ferry vote would be "
      "close.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Ada Roe's campaign manager Tom Eke");
}

TEST(QuoteStageTest, CoordinatedVerbBeforeAQuoteTakesTheSubject) {
  auto qs = Quotes(
      "Ada Roe shrugged and said, \"The ferry will run all winter.\"");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Ada Roe");
  EXPECT_EQ(qs[0].cue, "said");
  EXPECT_EQ(qs[0].kind, QuoteKind::kDirect);
}

TEST(QuoteStageTest, MannerParticipleBeforeAQuoteIsTheCue) {
  auto qs = Quotes(
      "Tom Eke waved at the crowd, tweeting, \"The crossing is safe again "
      "tonight.\"");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Tom Eke");
  EXPECT_EQ(qs[0].cue, "tweeting");
}

TEST(QuoteStageTest, ClauseSubjectOfAParticipleKeepsItsApposition) {
  auto qs = Quotes(
      "Ada Roe, a harbour pilot, praised the crews, saying the ferry would "
      "run all winter.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Ada Roe, a harbour pilot");
  EXPECT_EQ(qs[0].cue, "saying");
}

TEST(QuoteStageTest, ClauseAboutTheOrganisationInAnAppositionIsCut) {
  auto qs = Quotes(
      "Ada Roe, head of the Ferry Union, which runs the night crossings, "
      "said the strike would end on Friday.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Ada Roe, head of the Ferry Union");
  EXPECT_EQ(qs[0].speaker_mention, "Ada Roe");
}

TEST(QuoteStageTest, TimeBetweenSubjectAndVerbIsNoPartOfEither) {
  auto qs = Quotes(
      "The Ferry Union this week announced that the night crossings would "
      "reopen.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "The Ferry Union");
  EXPECT_EQ(qs[0].cue, "announced");
}

TEST(QuoteStageTest, FocusAdverbIsNoPartOfTheSubject) {
  auto qs = Quotes(
      "Even Ada Roe said the night ferry would have to stop running.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Ada Roe");
}

TEST(QuoteStageTest, RelativeClauseHoldingAClauseIsNoPartOfTheSpeaker) {
  auto qs = Quotes(
      "Ada Roe, who knew that the vote would be close, told the crews the "
      "ferry would keep running.");
  ASSERT_FALSE(qs.empty());
  EXPECT_EQ(qs.back().speaker, "Ada Roe");
  EXPECT_EQ(qs.back().cue, "told");
}

TEST(QuoteStageTest, ReportingRelativeClauseAfterAnInvertedSpeakerIsCut) {
  auto qs = Quotes(
      "\"The night crossing is safe again,\" said Ada Roe, who stressed "
      "that the crews had been trained.");
  ASSERT_FALSE(qs.empty());
  EXPECT_EQ(qs[0].speaker, "Ada Roe");
  EXPECT_EQ(qs[0].cue, "said");
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

TEST(QuoteStageTest, PossessiveStatementNounNamesItsPossessor) {
  auto qs = ArticleQuotes("Critics mocked Ada Roe's claim that the ferry was never "
                   "late.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Ada Roe's");
  EXPECT_EQ(qs[0].speaker_mention, "Ada Roe");
  EXPECT_EQ(qs[0].cue, "claim");
  EXPECT_EQ(qs[0].content, "that the ferry was never late");
  EXPECT_EQ(qs[0].kind, QuoteKind::kIndirect);
}

TEST(QuoteStageTest, PossessiveStatementNounKeepsItsModifierInTheCue) {
  auto qs = ArticleQuotes("Few believed Tom Eke's earlier warning that the port "
                   "would close.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Tom Eke's");
  EXPECT_EQ(qs[0].cue, "earlier warning");
  EXPECT_EQ(qs[0].content, "that the port would close");
}

TEST(QuoteStageTest, CallAfterAPossessiveIsANoun) {
  EXPECT_TRUE(ArticleQuotes("Ada Roe's latest call for talks was ignored by the "
                     "council.")
                  .empty());
  EXPECT_TRUE(ArticleQuotes("Tom Eke's call for calm came too late.").empty());
}

TEST(QuoteStageTest, InfinitiveAfterTheVerbIsTheStatement) {
  auto qs = Quotes("Despite the breakdown, Ada Roe agreed to send a "
                   "delegation to Tessby.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Ada Roe");
  EXPECT_EQ(qs[0].cue, "agreed");
  EXPECT_EQ(qs[0].content, "to send a delegation to Tessby");
}

TEST(QuoteStageTest, PassiveBeforeAnInfinitiveIsNoStatement) {
  EXPECT_TRUE(
      Quotes("The ferry accord is expected to be signed next month.").empty());
}

TEST(QuoteStageTest, InfinitiveInsideAnAccordingToClauseStaysItsPart) {
  auto qs = Quotes("According to harbour officials, the two crews agreed to "
                   "swap their boats within a week.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "harbour officials");
  EXPECT_EQ(qs[0].cue, "According to");
  EXPECT_EQ(qs[0].relay, "");
}

TEST(QuoteStageTest, CoordinatedNamesAreAJointSpeaker) {
  auto qs = Quotes("Mayor Ada Roe and Tom Eke said the ferry would run "
                   "again in May.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].speaker, "Mayor Ada Roe and Tom Eke");
  EXPECT_EQ(qs[0].joint, (std::vector<std::string>{"Ada Roe", "Tom Eke"}));
  EXPECT_EQ(qs[0].speaker_mention, "Ada Roe");
}

TEST(QuoteStageTest, OneNamedSpeakerIsNoJointSpeaker) {
  auto qs = Quotes("Tom Eke said the ferry would run again in May.");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_TRUE(qs[0].joint.empty());
}

}  // namespace
}  // namespace dossier
