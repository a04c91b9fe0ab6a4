#include "ner/default_model.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace dossier {
namespace {

TEST(DefaultNerModelTest, EmbeddedModelLoadsOnce) {
  StatusOr<std::shared_ptr<const NerModel>> a = DefaultNerModel();
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  StatusOr<std::shared_ptr<const NerModel>> b = DefaultNerModel();
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a->get(), b->get());
  EXPECT_GT((*a)->info().features, 1000u);
}

TEST(DefaultNerModelTest, TagsAPersonAndAPlace) {
  std::shared_ptr<const NerModel> model = DefaultNerModel().value();
  std::vector<std::string_view> tokens = {"Finance", "Minister", "Jonas",
                                          "Ekdahl", "arrived", "in",
                                          "Stockholm", "on", "Monday", "."};
  NerScratch scratch;
  std::vector<NerSpan> spans;
  model->Tag(tokens, &scratch, &spans);
  bool person = false, place = false;
  for (const NerSpan& s : spans) {
    person |= s.type == NerType::kPer && tokens[s.begin] == "Jonas";
    place |= s.type == NerType::kLoc && tokens[s.begin] == "Stockholm";
  }
  EXPECT_TRUE(person);
  EXPECT_TRUE(place);
}

TEST(DefaultNerModelTest, MissingFileIsAnError) {
  EXPECT_FALSE(LoadNerModel("/nonexistent/model.bin").ok());
}

}  // namespace
}  // namespace dossier
