#include "time/reresolve_stage.h"

#include <gtest/gtest.h>

#include "time/testing_corpus.h"

namespace dossier {
namespace {

using testing_time::AddArticle;
using testing_time::ValueOf;

constexpr char kText[] =
    "Council Week\n"
    "On Monday the council met. The vote is on Thursday. On Wednesday the "
    "mayor resigned.";

void SetInferred(Document& doc, std::string first, std::string last) {
  DocMeta& m = doc.meta();
  m.published_how = PublishedHow::kInferred;
  m.published_earliest = first;
  m.published_latest = last;
  if (first == last) m.published = first;
}

TEST(ReresolveStageTest, OneInferredDayResolvesEverything) {
  Corpus corpus;
  AddArticle(corpus, kText);
  SetInferred(corpus.documents[0], "2031-03-12", "2031-03-12");
  ASSERT_TRUE(ReresolveStage().Run(corpus.documents[0]).ok());
  EXPECT_EQ(ValueOf(corpus, 0, "Monday"), "2031-03-10");
  EXPECT_EQ(ValueOf(corpus, 0, "Thursday"), "2031-03-13");
  EXPECT_EQ(ValueOf(corpus, 0, "Wednesday"), "2031-03-12");
}

TEST(ReresolveStageTest, RangeKeepsOnlyValuesAllDaysAgreeOn) {
  Corpus corpus;
  AddArticle(corpus, kText);
  SetInferred(corpus.documents[0], "2031-03-11", "2031-03-13");
  ASSERT_TRUE(ReresolveStage().Run(corpus.documents[0]).ok());
  EXPECT_EQ(ValueOf(corpus, 0, "Monday"), "2031-03-10");
  EXPECT_EQ(ValueOf(corpus, 0, "Thursday"), "2031-03-13");
  // 2031-03-05 if written on Tuesday the 11th, 2031-03-12 after.
  EXPECT_EQ(ValueOf(corpus, 0, "Wednesday"), "XXXX-WXX-3");
}

TEST(ReresolveStageTest, AnchoredExpressionTakesTheOtherDocumentsDay) {
  Corpus corpus;
  AddArticle(corpus, kText);
  Document& doc = corpus.documents[0];
  SetInferred(doc, "2031-03-11", "2031-03-13");
  const Timex* wed = nullptr;
  for (const Timex& t : doc.layers().times) {
    if (doc.Slice(t.span) == "Wednesday") wed = &t;
  }
  ASSERT_NE(wed, nullptr);
  doc.meta().published_evidence.push_back(
      {doc.meta().id, wed->span, "Wednesday", "test", "2031-03-12"});
  ASSERT_TRUE(ReresolveStage().Run(doc).ok());
  EXPECT_EQ(ValueOf(corpus, 0, "Wednesday"), "2031-03-12");
}

TEST(ReresolveStageTest, DocumentsNotInferredAreLeftAlone) {
  Corpus corpus;
  AddArticle(corpus, kText);
  ASSERT_TRUE(ReresolveStage().Run(corpus.documents[0]).ok());
  EXPECT_EQ(ValueOf(corpus, 0, "Thursday"), "XXXX-WXX-4");
}

}  // namespace
}  // namespace dossier
