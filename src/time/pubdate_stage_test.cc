#include "time/pubdate_stage.h"

#include <gtest/gtest.h>

#include "time/reresolve_stage.h"
#include "time/testing_corpus.h"

namespace dossier {
namespace {

using testing_time::AddArticle;
using testing_time::RunCorpusStage;
using testing_time::ValueOf;

// 2031-03-13 is a Thursday.
constexpr char kDated[] =
    "Leaders Gather in Varna\n"
    "Leaders from six coastal states opened Thursday's summit in Varna with "
    "a call for calm. On Monday, the Ostravian envoy proposed new fishing "
    "talks.";

void Infer(Corpus& corpus) {
  ASSERT_TRUE(RunCorpusStage(PubDateStage(), corpus).ok());
  ReresolveStage reresolve;
  for (Document& d : corpus.documents) ASSERT_TRUE(reresolve.Run(d).ok());
}

TEST(PubDateStageTest, FutureWeekdayGivesTheWeekBefore) {
  Corpus corpus;
  AddArticle(corpus, kDated, "2031-03-13");
  AddArticle(corpus,
             "Velden to Travel\n"
             "Mara Velden will attend the summit in Varna on Thursday, her "
             "office said.");
  Infer(corpus);
  const DocMeta& m = corpus.documents[1].meta();
  EXPECT_EQ(m.published_how, PublishedHow::kInferred);
  EXPECT_EQ(m.published, "");
  EXPECT_EQ(m.published_earliest, "2031-03-07");
  EXPECT_EQ(m.published_latest, "2031-03-13");
  EXPECT_EQ(ValueOf(corpus, 1, "Thursday"), "2031-03-13");
}

TEST(PubDateStageTest, EvidenceNamesBothDocuments) {
  Corpus corpus;
  AddArticle(corpus, kDated, "2031-03-13");
  AddArticle(corpus,
             "Velden to Travel\n"
             "Mara Velden will attend the summit in Varna on Thursday.");
  Infer(corpus);
  const auto& ev = corpus.documents[1].meta().published_evidence;
  ASSERT_GE(ev.size(), 2u);
  EXPECT_EQ(ev[0].doc, "d2");
  EXPECT_EQ(ev[0].text, "Thursday");
  EXPECT_EQ(ev[0].value, "2031-03-13");
  EXPECT_NE(ev[0].why.find("summit"), std::string::npos) << ev[0].why;
  EXPECT_EQ(ev[1].doc, "d1");
  EXPECT_EQ(ev[1].text, "Thursday");
}

TEST(PubDateStageTest, PastWeekdayAndCompactReading) {
  Corpus corpus;
  AddArticle(corpus, kDated, "2031-03-13");
  AddArticle(corpus,
             "Varna Summit Ends\n"
             "The summit in Varna ended on Thursday without a deal. On "
             "Wednesday, delegates argued over the fishing quota.");
  Infer(corpus);
  const DocMeta& m = corpus.documents[1].meta();
  EXPECT_EQ(m.published_earliest, "2031-03-13");
  // Written on 2031-03-19 the Wednesday would be that same day, six days
  // after the summit: the closer reading wins.
  EXPECT_EQ(m.published_latest, "2031-03-18");
  EXPECT_EQ(ValueOf(corpus, 1, "Thursday"), "2031-03-13");
  EXPECT_EQ(ValueOf(corpus, 1, "Wednesday"), "2031-03-12");
}

TEST(PubDateStageTest, WeakEvidenceLeavesTheDateUnknown) {
  Corpus corpus;
  AddArticle(corpus, kDated, "2031-03-13");
  AddArticle(corpus,
             "Ferry Notice\n"
             "The night ferry to Lornet leaves on Thursday, the harbour "
             "master said.");
  Infer(corpus);
  const DocMeta& m = corpus.documents[1].meta();
  EXPECT_EQ(m.published_how, PublishedHow::kNone);
  EXPECT_TRUE(m.published_evidence.empty());
  EXPECT_EQ(ValueOf(corpus, 1, "Thursday"), "XXXX-WXX-4");
}

TEST(PubDateStageTest, TwoEquallyGoodDaysGiveNoDate) {
  Corpus corpus;
  AddArticle(corpus, kDated, "2031-03-13");
  AddArticle(corpus,
             "Leaders Gather in Varna Again\n"
             "Leaders from six coastal states opened Thursday's summit in "
             "Varna with a call for calm.",
             "2031-03-20");
  AddArticle(corpus,
             "Velden to Travel\n"
             "Mara Velden will attend the summit in Varna on Thursday.");
  Infer(corpus);
  EXPECT_EQ(corpus.documents[2].meta().published_how, PublishedHow::kNone);
}

TEST(PubDateStageTest, WrittenDateBoundsTheRangeByTense) {
  Corpus corpus;
  AddArticle(corpus, kDated, "2031-03-13");
  AddArticle(corpus,
             "Velden to Travel\n"
             "Mara Velden will attend the summit in Varna on Thursday. The "
             "fishing pact was signed on March 12.");
  Infer(corpus);
  const DocMeta& m = corpus.documents[1].meta();
  EXPECT_EQ(m.published_earliest, "2031-03-12");
  EXPECT_EQ(m.published_latest, "2031-03-13");
}

TEST(PubDateStageTest, InferredDocumentsAnchorOthers) {
  Corpus corpus;
  AddArticle(corpus, kDated, "2031-03-13");
  AddArticle(corpus,
             "Velden to Travel\n"
             "Mara Velden will attend the summit in Varna on Thursday. On "
             "Tuesday, Velden met the fishing council in Lornet.");
  AddArticle(corpus,
             "Council Meeting\n"
             "The meeting of the fishing council in Lornet on Tuesday was "
             "short.");
  Infer(corpus);
  const DocMeta& m = corpus.documents[2].meta();
  EXPECT_EQ(m.published_how, PublishedHow::kInferred);
  EXPECT_EQ(m.published_earliest, "2031-03-11");
  ASSERT_FALSE(m.published_evidence.empty());
  EXPECT_EQ(m.published_evidence[1].doc, "d2");
  EXPECT_EQ(ValueOf(corpus, 2, "Tuesday"), "2031-03-11");
}

TEST(PubDateStageTest, WithoutDatedDocumentsNothingChanges) {
  Corpus corpus;
  AddArticle(corpus,
             "Velden to Travel\n"
             "Mara Velden will attend the summit in Varna on Thursday.");
  AddArticle(corpus,
             "Varna Summit Ends\n"
             "The summit in Varna ended on Thursday without a deal.");
  Infer(corpus);
  EXPECT_EQ(corpus.documents[0].meta().published_how, PublishedHow::kNone);
  EXPECT_EQ(corpus.documents[1].meta().published_how, PublishedHow::kNone);
}

TEST(PubDateStageTest, DatedDocumentsKeepTheirDate) {
  Corpus corpus;
  AddArticle(corpus, kDated, "2031-03-13");
  AddArticle(corpus,
             "Velden to Travel\n"
             "Mara Velden will attend the summit in Varna on Thursday.");
  Infer(corpus);
  const DocMeta& m = corpus.documents[0].meta();
  EXPECT_EQ(m.published, "2031-03-13");
  EXPECT_EQ(m.published_how, PublishedHow::kMetadata);
  EXPECT_EQ(ValueOf(corpus, 0, "Monday"), "2031-03-10");
}

TEST(PubDateStageTest, YesterdayAloneDoesNotAnchor) {
  Corpus corpus;
  AddArticle(corpus, kDated, "2031-03-13");
  AddArticle(corpus,
             "Summit Opens\n"
             "Leaders from six coastal states opened the summit in Varna "
             "yesterday with a call for calm.");
  Infer(corpus);
  EXPECT_EQ(corpus.documents[1].meta().published_how, PublishedHow::kNone);
}

TEST(PubDateStageTest, OtherMentionsOfTheWeekdayNameTheSameDay) {
  Corpus corpus;
  AddArticle(corpus, kDated, "2031-03-13");
  AddArticle(corpus,
             "Velden to Travel\n"
             "Mara Velden will attend the summit in Varna on Thursday. Her "
             "aides said the ferry was booked for Thursday morning.");
  Infer(corpus);
  EXPECT_EQ(ValueOf(corpus, 1, "Thursday morning"), "2031-03-13TMO");
}

TEST(PubDateStageTest, WordsFoundAroundManyDatesDoNotCount) {
  Corpus corpus;
  // "summit" and "Varna" go with days months apart: they do not say which
  // Thursday is meant.
  AddArticle(corpus, kDated, "2031-03-13");
  AddArticle(corpus,
             "Autumn Summit\nThe autumn summit in Varna ended on Monday.",
             "2031-10-07");
  AddArticle(corpus,
             "Winter Summit\nThe winter summit in Varna opened on Friday.",
             "2031-12-12");
  AddArticle(corpus,
             "Velden to Travel\n"
             "Mara Velden will attend the summit in Varna on Thursday.");
  Infer(corpus);
  EXPECT_EQ(corpus.documents[3].meta().published_how, PublishedHow::kNone);
}

}  // namespace
}  // namespace dossier
