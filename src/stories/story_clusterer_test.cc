// StoryClusterer on invented bags of terms.
#include "stories/story_clusterer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dossier {
namespace {

StoryFeatures Volcano(const std::string& extra) {
  StoryFeatures f;
  f.words = {"volcano",   "eruption",  "lava", "island",
             "villagers", "evacuated", "ash",  extra};
  f.names = {"e#1", "karsa", "mount", "telvin"};
  f.markers = {"t:2031-04-02", "y:2031", "1200"};
  return f;
}

StoryFeatures Football(const std::string& extra) {
  StoryFeatures f;
  f.words = {"final",   "goal",    "cup",  "striker",
             "penalty", "stadium", "fans", extra};
  f.names = {"e#2", "dremont", "rovers", "quillan"};
  f.markers = {"t:2031-06-19", "y:2031", "3-1"};
  return f;
}

TEST(StoryClustererTest, SeparatesTwoEvents) {
  StoryClusterer c;
  uint32_t a1 = c.Add(Volcano("crater"));
  uint32_t b1 = c.Add(Football("trophy"));
  uint32_t a2 = c.Add(Volcano("smoke"));
  uint32_t b2 = c.Add(Football("coach"));
  uint32_t a3 = c.Add(Volcano("rescue"));
  EXPECT_NE(a1, b1);
  EXPECT_EQ(c.StoryOf(0), c.StoryOf(2));
  EXPECT_EQ(c.StoryOf(0), c.StoryOf(4));
  EXPECT_EQ(c.StoryOf(1), c.StoryOf(3));
  EXPECT_NE(c.StoryOf(0), c.StoryOf(1));
  EXPECT_EQ(a2, a3);
  EXPECT_EQ(b1, b2);
  auto stories = c.Stories();
  ASSERT_EQ(stories.size(), 2u);
  EXPECT_EQ(stories[0], (std::vector<uint32_t>{0, 2, 4}));
  EXPECT_EQ(stories[1], (std::vector<uint32_t>{1, 3}));
}

TEST(StoryClustererTest, DocumentWithoutTermsOpensItsOwnStory) {
  StoryClusterer c;
  c.Add(Volcano("crater"));
  c.Add(StoryFeatures{});
  c.Add(Volcano("smoke"));
  EXPECT_NE(c.StoryOf(1), c.StoryOf(0));
  EXPECT_EQ(c.StoryOf(0), c.StoryOf(2));
  EXPECT_EQ(c.Stories().size(), 2u);
}

TEST(StoryClustererTest, SameOrderGivesSameResult) {
  std::vector<StoryFeatures> docs = {Volcano("a1"), Football("b1"),
                                     Volcano("a2"), Football("b2")};
  StoryClusterer x, y;
  for (const auto& d : docs) x.Add(d);
  for (const auto& d : docs) y.Add(d);
  EXPECT_EQ(x.Stories(), y.Stories());
}

TEST(StoryClustererTest, ObservedFrequenciesAreNotCountedTwice) {
  std::vector<StoryFeatures> docs = {Volcano("a1"), Football("b1"),
                                     Volcano("a2")};
  StoryClusterer batch;
  for (const auto& d : docs) batch.Observe(d);
  for (const auto& d : docs) batch.Add(d, /*observed=*/true);
  EXPECT_EQ(batch.documents(), 3u);
  // Counted twice, "volcano" (in 2 of 3 documents) would look as common as
  // a word in every document; counted once it keeps a positive weight.
  // A stream (frequencies as they arrive) groups these the same way.
  StoryClusterer stream;
  for (const auto& d : docs) stream.Add(d);
  EXPECT_NEAR(batch.Similarity(0, 2), batch.Similarity(2, 0), 1e-12);
  EXPECT_GT(batch.Similarity(0, 2), batch.Similarity(0, 1));
  EXPECT_EQ(batch.Stories(), stream.Stories());
  EXPECT_EQ(batch.StoryOf(0), batch.StoryOf(2));
}

TEST(StoryClustererTest, TopTermsRankByWeight) {
  StoryClusterer c;
  c.Add(Volcano("crater"));
  c.Add(Football("trophy"));
  c.Add(Volcano("crater"));
  // "ash" and "crater" are in both volcano documents and tie: by term.
  std::vector<std::string> top = c.TopTerms({0, 2}, 0, 2);
  EXPECT_EQ(top, (std::vector<std::string>{"ash", "crater"}));
  EXPECT_TRUE(c.TopTerms({0}, 7, 3).empty());
}

TEST(StoryClustererTest, MergesFragmentsThatMeetOnAverage) {
  // Two documents that share little open two stories; a third that shares
  // much with both joins one, and the two are then close enough to merge.
  StoryOptions o;
  o.word_weight = 1;
  o.name_weight = 0;
  o.marker_weight = 0;
  o.join = 0.3;
  o.merge = 0.25;
  o.min_documents = 0;  // plain IDF over these four documents
  StoryClusterer c(o);
  StoryFeatures a, b, bridge, other;
  a.words = {"harbour", "strike", "dockers", "wages", "port"};
  b.words = {"harbour", "strike", "cranes", "ships", "idle"};
  bridge.words = {"harbour", "strike", "dockers", "wages", "cranes", "ships"};
  other.words = {"orchestra", "concert", "violin"};
  c.Add(other);
  c.Add(a);
  c.Add(b);
  EXPECT_NE(c.StoryOf(1), c.StoryOf(2));
  c.Add(bridge);
  EXPECT_EQ(c.StoryOf(1), c.StoryOf(2));
  EXPECT_EQ(c.StoryOf(1), c.StoryOf(3));
  EXPECT_NE(c.StoryOf(0), c.StoryOf(1));
}

TEST(StoryClustererTest, RefineMovesAnEarlyDocumentToItsEvent) {
  // The first football document arrives when only volcano documents exist
  // and shares a few words with them; once its own event has members,
  // Refine puts it there.
  StoryOptions o;
  o.word_weight = 1;
  o.name_weight = 0;
  o.marker_weight = 0;
  o.join = 0.2;
  o.merge = 0.9;
  o.min_documents = 0;
  StoryClusterer c(o);
  StoryFeatures v1, v2, f1, f2, f3;
  v1.words = {"volcano", "lava", "island", "evacuated", "coast"};
  v2.words = {"volcano", "lava", "island", "evacuated", "ash"};
  f1.words = {"volcano", "lava", "island", "evacuated", "final", "cup"};
  f2.words = {"final", "cup", "penalty", "striker", "fans"};
  f3.words = {"final", "cup", "penalty", "striker", "trophy"};
  c.Add(v1);
  c.Add(v2);
  c.Add(f1);
  c.Add(f2);
  c.Add(f3);
  ASSERT_EQ(c.StoryOf(2), c.StoryOf(0));  // joined the volcano story first
  c.Refine();
  EXPECT_EQ(c.StoryOf(0), c.StoryOf(1));
  EXPECT_EQ(c.StoryOf(3), c.StoryOf(4));
  EXPECT_EQ(c.StoryOf(2), c.StoryOf(3));
  EXPECT_NE(c.StoryOf(0), c.StoryOf(3));
  EXPECT_EQ(c.Stories().size(), 2u);
}

TEST(StoryClustererTest, RefineOnEmptyClustererDoesNothing) {
  StoryClusterer c;
  c.Refine();
  EXPECT_TRUE(c.Stories().empty());
}

// Two trials: the same vocabulary, different people and years.
StoryFeatures Trial(int which, int i) {
  StoryFeatures f;
  f.words = {"trial", "court",      "jury",      "verdict",
             "judge", "prosecutor", "testimony", "x" + std::to_string(i)};
  f.names = which == 0 ? std::vector<std::string>{"e#1", "harlow", "brisk"}
                       : std::vector<std::string>{"e#2", "mertz", "oldwick"};
  f.markers = {which == 0 ? "y:2031" : "y:2029"};
  return f;
}

TEST(StoryClustererTest, RefineSplitsAStoryOfTwoEventsOfOneKind) {
  for (int split_k : {0, 3}) {
    StoryOptions o;
    o.split_k = split_k;
    StoryClusterer c(o);
    for (int i = 0; i < 10; ++i) c.Add(Trial(i % 2, i));
    c.Refine();
    if (split_k == 0) {
      // The shared vocabulary alone holds them in one story.
      EXPECT_EQ(c.Stories().size(), 1u);
      continue;
    }
    auto stories = c.Stories();
    ASSERT_EQ(stories.size(), 2u);
    EXPECT_EQ(stories[0], (std::vector<uint32_t>{0, 2, 4, 6, 8}));
    EXPECT_EQ(stories[1], (std::vector<uint32_t>{1, 3, 5, 7, 9}));
  }
}

TEST(StoryClustererTest, RefineKeepsAOneEventStoryWhole) {
  StoryClusterer c;
  for (int i = 0; i < 10; ++i) c.Add(Trial(0, i));
  c.Refine();
  EXPECT_EQ(c.Stories().size(), 1u);
}

}  // namespace
}  // namespace dossier
