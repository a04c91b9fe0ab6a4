// The `stories` eval task on a tiny invented ECB+-style data set (CAT XML).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "eval/eval.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

// A CAT XML file whose sentences are `sentences`, split on spaces into
// tokens.
std::string CatXml(const std::string& name,
                   const std::vector<std::string>& sentences) {
  std::string out = "<Document doc_name=\"" + name + "\" doc_id=\"X\">\n";
  int id = 1;
  for (size_t s = 0; s < sentences.size(); ++s) {
    std::istringstream words(sentences[s]);
    std::string w;
    int number = 0;
    while (words >> w) {
      out += "<token t_id=\"" + std::to_string(id++) + "\" sentence=\"" +
             std::to_string(s) + "\" number=\"" + std::to_string(number++) +
             "\">" + w + "</token>\n";
    }
  }
  out += "<Markables>\n</Markables>\n<Relations>\n</Relations>\n</Document>\n";
  return out;
}

class StoriesEvalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("stories_eval_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "1");
    fs::create_directories(dir_ / "2");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const std::string& topic, const std::string& name,
             const std::vector<std::string>& sentences) {
    std::ofstream(dir_ / topic / (name + ".xml")) << CatXml(name, sentences);
  }

  fs::path dir_;
};

TEST_F(StoriesEvalTest, ScoresTopicsAndSubtopics) {
  // Topic 1: two volcano eruptions; topic 2: two football matches.
  Write("1", "1_1ecb",
        {"Telvin volcano erupts on Karsa island",
         "Lava from the Telvin volcano reached the coast of Karsa island and "
         "1200 villagers were evacuated , officials said .",
         "Ash from Telvin covered the Karsa harbour ."});
  Write("1", "1_2ecb",
        {"Karsa villagers flee Telvin eruption",
         "About 1200 villagers on Karsa island fled as the Telvin volcano "
         "sent lava and ash toward the coast .",
         "The Karsa harbour closed under Telvin ash ."});
  Write("1", "1_1ecbplus",
        {"http : / / www . example . org / oren - eruption",
         "Mount Oren erupts in northern Vastland",
         "Mount Oren in northern Vastland erupted on Sunday , forcing 340 "
         "herders from the Pellam valley .",
         "Vastland closed the Pellam airport as Oren smoked ."});
  Write("1", "1_2ecbplus",
        {"Oren eruption empties Pellam valley",
         "The eruption of Mount Oren drove 340 herders out of the Pellam "
         "valley in Vastland .",
         "Flights from Pellam were halted while Oren erupted ."});
  Write("2", "2_1ecb",
        {"Dremont Rovers win cup final",
         "The Dremont Rovers won the cup final 3 - 1 after a late penalty by "
         "striker Quillan .",
         "Quillan lifted the cup before the Dremont fans ."});
  Write("2", "2_2ecb",
        {"Quillan penalty wins cup for Dremont",
         "Quillan scored the penalty that won the cup final for the Dremont "
         "Rovers , 3 - 1 .",
         "Dremont fans cheered Quillan and the Rovers ."});
  Write("2", "2_1ecbplus",
        {"Halvik United beat Sorne City in league match",
         "Halvik United beat Sorne City 2 - 0 with two headers by defender "
         "Marrow in the league match .",
         "Marrow and Halvik moved top of the league ."});
  Write("2", "2_2ecbplus",
        {"Marrow headers sink Sorne City",
         "Defender Marrow headed twice as Halvik United beat Sorne City 2 - 0 "
         "in the league .",
         "Sorne City fell behind Halvik and Marrow ."});
  std::ofstream(dir_ / "1" / "notes.xml") << "<notes/>";  // not a document

  const EvalTask* task = FindEvalTask("stories");
  ASSERT_NE(task, nullptr);
  StatusOr<EvalReport> r = task->Run(dir_.string(), {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto get = [&r](const std::string& key) {
    const double* v = r->Find(key);
    EXPECT_NE(v, nullptr) << key;
    return v ? *v : -1;
  };
  EXPECT_EQ(get("documents"), 8);
  EXPECT_EQ(get("topics"), 2);
  EXPECT_EQ(get("subtopics"), 4);
  // The four events share no names, numbers or places: one story each.
  EXPECT_DOUBLE_EQ(get("subtopic.b3_f1"), 1.0);
  EXPECT_DOUBLE_EQ(get("subtopic.ari"), 1.0);
  EXPECT_DOUBLE_EQ(get("topic.b3_precision"), 1.0);
  EXPECT_LT(get("topic.b3_recall"), 1.0);
  EXPECT_GT(get("documents_per_second"), 0);
}

TEST_F(StoriesEvalTest, MissingFolderIsAnError) {
  const EvalTask* task = FindEvalTask("stories");
  ASSERT_NE(task, nullptr);
  EXPECT_FALSE(task->Run((dir_ / "absent").string(), {}).ok());
  EXPECT_FALSE(task->Run(dir_.string(), {}).ok());  // no CAT files
}

}  // namespace
}  // namespace dossier
