// StoryStage over small invented documents (tokens only, no mentions).
#include "stories/story_stage.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "entities/test_document.h"

namespace dossier {
namespace {

Corpus MakeCorpus(const std::vector<std::string>& texts,
                  const std::vector<std::string>& dates) {
  Corpus corpus;
  for (size_t i = 0; i < texts.size(); ++i) {
    Document d = test::MakeTestDocument(texts[i], "d" + std::to_string(i + 1));
    if (i < dates.size()) d.meta().published = dates[i];
    corpus.documents.push_back(std::move(d));
  }
  return corpus;
}

Status RunStage(const StoryStage& stage, Corpus& corpus) {
  // Two workers, documents dealt alternately, as the driver may do.
  auto a = stage.NewAccumulator();
  auto b = stage.NewAccumulator();
  for (uint32_t i = 0; i < corpus.documents.size(); ++i) {
    (i % 2 == 0 ? a : b)->Consume(i, corpus.documents[i]);
  }
  b->Merge(std::move(*a));
  return stage.Finalize(*b, corpus);
}

const std::vector<std::string> kTexts = {
    "Lava from the Telvin volcano reached the coast of Karsa island on "
    "Tuesday and 1200 villagers were evacuated.",
    "The Dremont Rovers won the cup final 3-1 after a late penalty by "
    "striker Quillan.",
    "Villagers on Karsa island were evacuated as the Telvin volcano sent lava "
    "and ash toward the coast.",
    "Quillan scored the penalty that won the cup final for the Dremont "
    "Rovers in front of their fans.",
};

TEST(StoryStageTest, GroupsDocumentsByEvent) {
  Corpus corpus =
      MakeCorpus(kTexts, {"2031-04-03", "2031-06-19", "2031-04-02", ""});
  StoryStage stage;
  ASSERT_TRUE(RunStage(stage, corpus).ok());
  ASSERT_EQ(corpus.stories.size(), 2u);
  const Story& volcano = corpus.stories[0];
  EXPECT_EQ(volcano.id, "s1");
  EXPECT_EQ(volcano.documents, (std::vector<uint32_t>{0, 2}));
  EXPECT_EQ(volcano.first_published, "2031-04-02");
  EXPECT_EQ(volcano.last_published, "2031-04-03");
  EXPECT_FALSE(volcano.label.empty());  // no entities: top keywords
  EXPECT_EQ(corpus.stories[1].documents, (std::vector<uint32_t>{1, 3}));
  EXPECT_EQ(corpus.documents[0].meta().story, "s1");
  EXPECT_EQ(corpus.documents[3].meta().story, "s2");
}

TEST(StoryStageTest, FeaturesHoldWordsNamesAndNumbers) {
  Document d = test::MakeTestDocument(kTexts[0]);
  d.layers().times.push_back({Span{0, 0}, TimexType::kDate, "2031-04-01"});
  StoryFeatures f = StoryFeaturesOf(d);
  auto has = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  EXPECT_TRUE(has(f.words, "volcano"));
  EXPECT_FALSE(has(f.words, "the"));    // stopword
  EXPECT_TRUE(has(f.names, "telvin"));  // capitalized inside a sentence
  EXPECT_FALSE(has(f.names, "lava"));   // sentence-initial capital only
  EXPECT_TRUE(has(f.markers, "1200"));
  EXPECT_TRUE(has(f.markers, "t:2031-04-01"));
  EXPECT_TRUE(has(f.markers, "y:2031"));
}

TEST(StoryStageTest, EmptyCorpusHasNoStories) {
  Corpus corpus;
  StoryStage stage;
  ASSERT_TRUE(RunStage(stage, corpus).ok());
  EXPECT_TRUE(corpus.stories.empty());
}

}  // namespace
}  // namespace dossier
