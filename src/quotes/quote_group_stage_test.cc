#include "quotes/quote_group_stage.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "entities/entity_link_stage.h"
#include "entities/mention_stage.h"
#include "entities/test_document.h"
#include "quotes/quote_stage.h"

namespace dossier {
namespace {

void RunCorpusStage(const CorpusStage& stage, Corpus& corpus, bool reverse) {
  std::vector<std::unique_ptr<CorpusStage::Accumulator>> accs;
  for (size_t i = 0; i < corpus.documents.size(); ++i) {
    accs.push_back(stage.NewAccumulator());
    accs.back()->Consume(static_cast<uint32_t>(i), corpus.documents[i]);
  }
  auto merged = stage.NewAccumulator();
  for (size_t i = 0; i < accs.size(); ++i) {
    merged->Merge(std::move(*accs[reverse ? accs.size() - 1 - i : i]));
  }
  Status st = stage.Finalize(*merged, corpus);
  ASSERT_TRUE(st.ok()) << st.ToString();
}

Corpus Analyze(const std::vector<std::string>& texts, bool reverse = false) {
  Corpus corpus;
  for (size_t i = 0; i < texts.size(); ++i) {
    Document doc =
        test::MakeTestDocument(texts[i], "d" + std::to_string(i + 1));
    EXPECT_TRUE(MentionStage().Run(doc).ok());
    EXPECT_TRUE(QuoteStage().Run(doc).ok());
    corpus.documents.push_back(std::move(doc));
  }
  RunCorpusStage(EntityLinkStage(), corpus, reverse);
  RunCorpusStage(QuoteGroupStage(), corpus, reverse);
  return corpus;
}

const Quote& Q(const Corpus& c, size_t doc, size_t q) {
  return c.documents[doc].layers().quotes[q];
}

TEST(NormalizeQuoteTextTest, FoldsCaseDropsPunctuationAndMarks) {
  EXPECT_EQ(NormalizeQuoteText("We\xE2\x80\x99re  READY, now\xE2\x80\x94"
                               "really!"),
            "were ready now really");
}

TEST(QuoteGroupStageTest, SameQuoteInTwoDocumentsIsOneGroup) {
  Corpus c = Analyze(
      {"\xE2\x80\x9CWe will not sign this agreement,\xE2\x80\x9D Mara Velden "
       "said.",
       "\"We will NOT sign this agreement!\" said Mara Velden on Monday."});
  ASSERT_EQ(c.documents[0].layers().quotes.size(), 1u);
  ASSERT_EQ(c.documents[1].layers().quotes.size(), 1u);
  EXPECT_EQ(Q(c, 0, 0).group, 0);
  EXPECT_EQ(Q(c, 1, 0).group, 0);
}

TEST(QuoteGroupStageTest, ContainedQuoteOfSixWordsJoins) {
  Corpus c = Analyze(
      {"\xE2\x80\x9CThe border stays open for every family,\xE2\x80\x9D "
       "Tomas Eberle said.",
       "\xE2\x80\x9CThe border stays open for every family, and it will "
       "stay open all winter,\xE2\x80\x9D Tomas Eberle said."});
  EXPECT_EQ(Q(c, 0, 0).group, 0);
  EXPECT_EQ(Q(c, 1, 0).group, 0);
}

TEST(QuoteGroupStageTest, ShortContainedQuoteDoesNotJoin) {
  Corpus c = Analyze(
      {"\xE2\x80\x9CThe border stays open,\xE2\x80\x9D Tomas Eberle said.",
       "\xE2\x80\x9CThe border stays open for every family,\xE2\x80\x9D "
       "Tomas Eberle said."});
  EXPECT_EQ(Q(c, 0, 0).group, -1);
  EXPECT_EQ(Q(c, 1, 0).group, -1);
}

TEST(QuoteGroupStageTest, DifferentSpeakersDoNotJoin) {
  Corpus c = Analyze(
      {"\xE2\x80\x9CWe are ready to talk today,\xE2\x80\x9D Mara Velden "
       "said.",
       "\xE2\x80\x9CWe are ready to talk today,\xE2\x80\x9D Tomas Eberle "
       "said."});
  EXPECT_EQ(Q(c, 0, 0).group, -1);
  EXPECT_EQ(Q(c, 1, 0).group, -1);
}

TEST(QuoteGroupStageTest, QuoteWithoutSpeakerJoinsButNeverBridgesSpeakers) {
  Corpus c = Analyze(
      {"\xE2\x80\x9CWe are ready to talk today,\xE2\x80\x9D Mara Velden "
       "said.",
       "Nobody knew who wrote \xE2\x80\x9CWe are ready to talk "
       "today.\xE2\x80\x9D",
       "\xE2\x80\x9CWe are ready to talk today,\xE2\x80\x9D Tomas Eberle "
       "said."});
  EXPECT_EQ(Q(c, 0, 0).group, 0);
  EXPECT_EQ(Q(c, 1, 0).group, 0);
  EXPECT_EQ(Q(c, 2, 0).group, -1);
}

TEST(QuoteGroupStageTest, GroupNumbersFollowFirstAppearanceInAnyMergeOrder) {
  const std::vector<std::string> texts = {
      "\xE2\x80\x9CThe harbor reopens next week,\xE2\x80\x9D Ivo Marr said. "
      "\xE2\x80\x9CWe are ready to talk today,\xE2\x80\x9D Mara Velden "
      "said.",
      "\xE2\x80\x9CWe are ready to talk today,\xE2\x80\x9D Mara Velden said. "
      "\xE2\x80\x9CThe harbor reopens next week,\xE2\x80\x9D Ivo Marr "
      "said."};
  for (bool reverse : {false, true}) {
    Corpus c = Analyze(texts, reverse);
    EXPECT_EQ(Q(c, 0, 0).group, 0);
    EXPECT_EQ(Q(c, 0, 1).group, 1);
    EXPECT_EQ(Q(c, 1, 0).group, 1);
    EXPECT_EQ(Q(c, 1, 1).group, 0);
  }
}

TEST(MisquoteDifferenceTest, TrimmingElisionsAndInsertionsAreNotMisquotes) {
  EXPECT_EQ(MisquoteDifference("We will not sign the levy this year.",
                               "we will not sign the levy"),
            "");
  EXPECT_EQ(MisquoteDifference(
                "We will not sign the levy this year, and the ferries run.",
                "We will not sign the levy ... the ferries run."),
            "");
  EXPECT_EQ(MisquoteDifference("We will not sign it this year.",
                               "We will not sign [the levy] this year."),
            "");
}

TEST(MisquoteDifferenceTest, MergedPartsAreNotMisquotes) {
  EXPECT_EQ(MisquoteDifference(
                "We will talk, and if it is not possible we will leave the "
                "port at once. Come now.",
                "We will talk. Come now."),
            "");
}

TEST(MisquoteDifferenceTest, DroppedNegationChangedNumberOrNameAreShown) {
  EXPECT_EQ(MisquoteDifference("We will not sign the levy this year.",
                               "We will sign the levy this year."),
            "dropped \"not\"");
  EXPECT_EQ(MisquoteDifference("The ferries run three times a day.",
                               "The ferries run five times a day."),
            "changed number \"three\" to \"five\"");
  EXPECT_EQ(MisquoteDifference("We trust Ada Roe to lead the talks.",
                               "We trust Tom Eke to lead the talks."),
            "changed name \"ada roe\" to \"tom eke\"");
  EXPECT_EQ(MisquoteDifference("We will sign the levy this year.",
                               "We will sign the harbour levy this year."),
            "added \"harbour\" inside the quotation");
}

}  // namespace
}  // namespace dossier
