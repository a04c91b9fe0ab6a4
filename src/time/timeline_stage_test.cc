#include "time/timeline_stage.h"

#include <gtest/gtest.h>

#include "time/testing_corpus.h"

namespace dossier {
namespace {

using testing_time::AddArticle;
using testing_time::RunCorpusStage;

TEST(TimelineStageTest, MergesReportsOfTheSameThingAcrossDocuments) {
  Corpus corpus;
  AddArticle(corpus, "Summit Opens\nLeaders opened Thursday's summit in Varna.",
             "2031-03-13");
  AddArticle(corpus,
             "Summit Notes\nThe summit in Varna on Thursday drew crowds.",
             "2031-03-14");
  ASSERT_TRUE(RunCorpusStage(TimelineStage(), corpus).ok());
  ASSERT_EQ(corpus.timeline.size(), 1u);
  const TimelineItem& item = corpus.timeline[0];
  EXPECT_EQ(item.date, "2031-03-13");
  ASSERT_EQ(item.spans.size(), 2u);
  EXPECT_EQ(item.spans[0].doc, 0u);
  EXPECT_EQ(item.spans[1].doc, 1u);
  EXPECT_NE(std::find(item.keywords.begin(), item.keywords.end(), "summit"),
            item.keywords.end());
}

TEST(TimelineStageTest, KeepsDifferentThingsOfOneDateApart) {
  Corpus corpus;
  AddArticle(corpus, "Summit Opens\nLeaders opened Thursday's summit in Varna.",
             "2031-03-13");
  AddArticle(corpus,
             "Harbour\nThe ferry to Lornet sank on Thursday near the cape.",
             "2031-03-14");
  ASSERT_TRUE(RunCorpusStage(TimelineStage(), corpus).ok());
  EXPECT_EQ(corpus.timeline.size(), 2u);
}

TEST(TimelineStageTest, ChronologicalWithoutNoise) {
  Corpus corpus;
  AddArticle(corpus,
             "Summit Opens\n"
             "The summit opened on Thursday. The talks now last three days "
             "every year. The first summit was held in 2029.",
             "2031-03-13");
  ASSERT_TRUE(RunCorpusStage(TimelineStage(), corpus).ok());
  ASSERT_EQ(corpus.timeline.size(), 2u);
  EXPECT_EQ(corpus.timeline[0].date, "2029");
  EXPECT_EQ(corpus.timeline[0].earliest, "2029-01-01");
  EXPECT_EQ(corpus.timeline[0].latest, "2029-12-31");
  EXPECT_EQ(corpus.timeline[1].date, "2031-03-13");
}

TEST(TimelineStageTest, UnderspecifiedValuesAreLeftOut) {
  Corpus corpus;
  AddArticle(corpus, "Undated\nThe summit opened on Thursday.");
  ASSERT_TRUE(RunCorpusStage(TimelineStage(), corpus).ok());
  EXPECT_TRUE(corpus.timeline.empty());
}

}  // namespace
}  // namespace dossier
