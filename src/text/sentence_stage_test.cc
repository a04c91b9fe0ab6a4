#include "text/sentence_stage.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "text/text_testing.h"

namespace dossier {
namespace {

using ::testing::ElementsAre;
using testing::SentenceTexts;

// Sentences of `body`, given a metadata title so the body has no title
// block.
std::vector<std::string> Sentences(std::string body) {
  StatusOr<Document> doc = testing::RunTextChain(std::move(body), "Title");
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? SentenceTexts(*doc) : std::vector<std::string>{};
}

TEST(SentenceStageTest, SplitsPlainSentences) {
  EXPECT_THAT(Sentences("The port reopened. Ferries sailed again! Was it "
                        "safe? Officials said yes."),
              ElementsAre("The port reopened.", "Ferries sailed again!",
                          "Was it safe?", "Officials said yes."));
}

TEST(SentenceStageTest, DoesNotSplitAfterTitles) {
  EXPECT_THAT(
      Sentences("Mr. Velden met Dr. Brandt and Gen. Ostrova in Estvale. "
                "Sen. Halvorsen and Gov. Ruiz did not attend."),
      ElementsAre("Mr. Velden met Dr. Brandt and Gen. Ostrova in Estvale.",
                  "Sen. Halvorsen and Gov. Ruiz did not attend."));
}

TEST(SentenceStageTest, DoesNotSplitAfterDelegateTitle) {
  EXPECT_THAT(Sentences("The vote was a waste of time, said Del. Ada Roe of "
                        "Tessby. She left early."),
              ElementsAre("The vote was a waste of time, said Del. Ada Roe of "
                          "Tessby.",
                          "She left early."));
}

TEST(SentenceStageTest, DoesNotSplitAfterCountryAbbreviations) {
  EXPECT_THAT(Sentences("The U.S. delegation met U.N. officials and U.K. "
                        "envoys. E.U. Ambassador Ilse Brandt spoke later."),
              ElementsAre("The U.S. delegation met U.N. officials and U.K. "
                          "envoys.",
                          "E.U. Ambassador Ilse Brandt spoke later."));
}

TEST(SentenceStageTest, ClockTimeGoesOnWithItsZoneAndDay) {
  EXPECT_THAT(Sentences("The vote closes at 5 p.m. EST Nov. 9 in Caldera. "
                        "Results follow."),
              ElementsAre("The vote closes at 5 p.m. EST Nov. 9 in Caldera.",
                          "Results follow."));
  EXPECT_THAT(Sentences("They met at 10 a.m. The talks lasted an hour."),
              ElementsAre("They met at 10 a.m.", "The talks lasted an hour."));
}

TEST(SentenceStageTest, SplitsAfterAbbreviationWhenSentenceStarts) {
  EXPECT_THAT(
      Sentences("The envoy flew to the U.S. The talks begin today."),
      ElementsAre("The envoy flew to the U.S.", "The talks begin today."));
}

TEST(SentenceStageTest, DoesNotSplitAfterMonthBeforeNumber) {
  EXPECT_THAT(Sentences("The vote was held on Jan. 5 and again on Sept. 12, "
                        "2024. It failed twice."),
              ElementsAre("The vote was held on Jan. 5 and again on Sept. 12, "
                          "2024.",
                          "It failed twice."));
}

TEST(SentenceStageTest, DoesNotSplitAfterNoBeforeNumber) {
  EXPECT_THAT(Sentences("She ranked No. 3 in the poll. He was last."),
              ElementsAre("She ranked No. 3 in the poll.", "He was last."));
}

TEST(SentenceStageTest, DoesNotSplitAfterCompanyBeforeLowerCase) {
  EXPECT_THAT(Sentences("Halvar Shipping Inc. said profits rose. Caldera "
                        "Ports Co. and its partners agreed."),
              ElementsAre("Halvar Shipping Inc. said profits rose.",
                          "Caldera Ports Co. and its partners agreed."));
}

TEST(SentenceStageTest, DoesNotSplitAfterInitials) {
  EXPECT_THAT(
      Sentences("The novel by J. R. R. Tolkien was read aloud. Donald J. "
                "Smith of Estvale listened."),
      ElementsAre("The novel by J. R. R. Tolkien was read aloud.",
                  "Donald J. Smith of Estvale listened."));
}

TEST(SentenceStageTest, DoesNotSplitAfterVs) {
  EXPECT_THAT(
      Sentences("The case Norland vs. Caldera was heard. It ended."),
      ElementsAre("The case Norland vs. Caldera was heard.", "It ended."));
}

TEST(SentenceStageTest, SplitsAfterClosingQuote) {
  EXPECT_THAT(
      Sentences("Velden said, \xE2\x80\x9CWe will rebuild.\xE2\x80\x9D The "
                "crowd cheered. \xE2\x80\x9CThank you!\xE2\x80\x9D she added."),
      ElementsAre("Velden said, \xE2\x80\x9CWe will rebuild.\xE2\x80\x9D",
                  "The crowd cheered.",
                  "\xE2\x80\x9CThank you!\xE2\x80\x9D she added."));
}

TEST(SentenceStageTest, QuestionInQuoteFollowedByLowerCaseStaysOne) {
  EXPECT_THAT(Sentences("\"Why now?\" she asked. Nobody answered."),
              ElementsAre("\"Why now?\" she asked.", "Nobody answered."));
}

TEST(SentenceStageTest, HardWrappedLinesDoNotBreakSentences) {
  StatusOr<Document> doc = testing::RunTextChain(
      "Storm Closes Ports\n\n"
      "A winter storm closed every port on the Norland coast on Sunday,\n"
      "and officials said ferries would stay in harbor until the winds\n"
      "drop. The coast guard asked fishing crews to remain ashore, and\n"
      "schools in three towns will be shut on Monday as a precaution.\n");
  ASSERT_TRUE(doc.ok());
  std::vector<std::string> s = SentenceTexts(*doc);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], "Storm Closes Ports");
  EXPECT_THAT(s[1], ::testing::EndsWith("winds\ndrop."));
  EXPECT_THAT(s[2], ::testing::StartsWith("The coast guard"));
}

TEST(SentenceStageTest, HeadingsHaveNoSentences) {
  StatusOr<Document> doc = testing::RunTextChain(
      "Norland Votes\n\nVoters chose a parliament.\n\nVelden Calls for "
      "Unity\n\nShe spoke in Estvale.\n");
  ASSERT_TRUE(doc.ok());
  EXPECT_THAT(SentenceTexts(*doc),
              ElementsAre("Norland Votes", "Voters chose a parliament.",
                          "She spoke in Estvale."));
}

TEST(SentenceStageTest, RemovedBlocksHaveNoSentences) {
  StatusOr<Document> doc = NormalizeArticle(
      testing::Raw("Body one here.\n\nSubscribe now. It is free.", "T"), {});
  ASSERT_TRUE(doc.ok());
  ASSERT_TRUE(LayoutStage().Run(*doc).ok());
  doc->layers().blocks[1].removed_why = "subscription_footer";
  ASSERT_TRUE(SentenceStage().Run(*doc).ok());
  EXPECT_THAT(SentenceTexts(*doc), ElementsAre("Body one here."));
}

TEST(SentenceStageTest, SentencesAreTrimmedOrderedAndInsideBlocks) {
  StatusOr<Document> doc = testing::RunTextChain(
      "A Title Here\n\n  First one.   Second one.  \n\n\"Third.\"  Fourth "
      "\xE2\x80\x94 with a dash. Fifth\n");
  ASSERT_TRUE(doc.ok());
  const Layers& l = doc->layers();
  uint32_t prev_end = 0;
  for (const Sentence& s : l.sentences) {
    std::string_view t = doc->Slice(s.span);
    ASSERT_FALSE(t.empty());
    EXPECT_NE(t.front(), ' ');
    EXPECT_NE(t.back(), ' ');
    EXPECT_GE(s.span.start, prev_end);
    prev_end = s.span.end;
    bool inside = false;
    for (const Block& b : l.blocks) inside |= b.span.Contains(s.span);
    EXPECT_TRUE(inside);
  }
  EXPECT_EQ(l.sentences.size(), 6u);
}

TEST(SentenceStageTest, RunsConcurrently) {
  SentenceStage stage;
  std::vector<std::thread> threads;
  std::vector<int> counts(8, 0);
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&stage, &counts, i] {
      for (int k = 0; k < 20; ++k) {
        StatusOr<Document> doc = NormalizeArticle(
            testing::Raw("One here. Two there. Mr. Velden left.", "T"), {});
        LayoutStage().Run(*doc).ok();
        if (stage.Run(*doc).ok()) {
          counts[i] = static_cast<int>(doc->layers().sentences.size());
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int c : counts) EXPECT_EQ(c, 3);
}

}  // namespace
}  // namespace dossier
