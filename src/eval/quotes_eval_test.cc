// The `quotes` eval task on a tiny invented PolNeAR-style data set.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "eval/eval.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

// Code-point offset of byte offset `byte` in UTF-8 `s`.
size_t CodePoints(const std::string& s, size_t byte) {
  size_t n = 0;
  for (size_t i = 0; i < byte; ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

// "T<id>\t<label> start end\t<text>" for the first `part` after `from`.
std::string TLine(const std::string& text, int id, const std::string& label,
                  const std::string& part, size_t from = 0) {
  size_t b = text.find(part, from);
  EXPECT_NE(b, std::string::npos) << part;
  std::string line = "T";
  line += std::to_string(id);
  line += "\t" + label + " ";
  line += std::to_string(CodePoints(text, b));
  line += " ";
  line += std::to_string(CodePoints(text, b + part.size()));
  line += "\t" + part + "\n";
  return line;
}

class QuotesEvalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // One folder per test and process: ctest may run tests in parallel.
    dir_ = fs::temp_directory_path() /
           ("quotes_eval_test_" +
            std::string(::testing::UnitTest::GetInstance()
                            ->current_test_info()
                            ->name()) +
            "_" + std::to_string(::getpid()));
    fs::create_directories(dir_ / "text");
    fs::create_directories(dir_ / "attributions");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const fs::path& p, const std::string& s) {
    std::ofstream(p, std::ios::binary) << s;
  }

  fs::path dir_;
};

TEST_F(QuotesEvalTest, ScoresInventedArticle) {
  // Curly marks are 3 bytes each, so byte and code-point offsets differ.
  const std::string text =
      "Harbour plan draws fire in Tessby\n\n"
      "“We will not sell the harbour,” Mayor Ilse Varn said on Monday. "
      "“It belongs to the town.”\n\n"
      "Critics said that the plan would raise rents for fishing families.\n\n"
      "The council called the vote “a mistake” on Tuesday.\n";
  Write(dir_ / "text" / "tessby_harbour.txt", text);
  size_t first = text.find("“We");
  size_t second = text.find("It belongs");
  std::string ann;
  ann += TLine(text, 1, "Source", "Mayor Ilse Varn");
  ann += TLine(text, 2, "Cue", "said", first);
  // A discontinuous content: both halves of the split quotation.
  {
    size_t a = text.find("We will"), a_end = text.find(",”");
    size_t b = second, b_end = text.find(".”") + 1;
    ann += "T3\tContent " + std::to_string(CodePoints(text, a)) + " " +
           std::to_string(CodePoints(text, a_end)) + ";" +
           std::to_string(CodePoints(text, b)) + " " +
           std::to_string(CodePoints(text, b_end)) + "\t" +
           text.substr(a, a_end - a) + " " + text.substr(b, b_end - b) + "\n";
  }
  ann += TLine(text, 4, "Attribution", "said", first);
  ann += "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n";
  // E lines may come before the T lines they name.
  ann += "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7\n";
  ann += TLine(text, 5, "Source", "Critics");
  ann += TLine(text, 6, "Cue", "said", text.find("Critics"));
  ann += TLine(text, 7, "Content",
               "that the plan would raise rents for fishing families");
  ann += TLine(text, 8, "Attribution", "said", text.find("Critics"));
  // A mixed quotation: not direct.
  ann += TLine(text, 9, "Source", "The council");
  ann += TLine(text, 10, "Cue", "called");
  ann += TLine(text, 11, "Content", "the vote “a mistake”");
  ann += TLine(text, 12, "Attribution", "called");
  ann += "E3\tAttribution:T12 Source:T9 Cue:T10 Content:T11\n";
  ann += "T13\tDiscard 0 7\tHarbour\n";
  Write(dir_ / "attributions" / "tessby_harbour_a1.ann", ann);
  // A later annotator's file is ignored.
  Write(dir_ / "attributions" / "tessby_harbour_b2.ann",
        TLine(text, 1, "Content", "Harbour plan") +
            TLine(text, 2, "Attribution", "plan") +
            "E1\tAttribution:T2 Content:T1\n");

  const EvalTask* task = FindEvalTask("quotes");
  ASSERT_NE(task, nullptr);
  EXPECT_EQ(task->default_data(), "data/polnear/dev");
  StatusOr<EvalReport> r = task->Run(dir_.string(), {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto get = [&](const std::string& key) {
    const double* v = r->Find(key);
    EXPECT_NE(v, nullptr) << key;
    return v ? *v : -1.0;
  };
  EXPECT_EQ(get("documents"), 1);
  EXPECT_EQ(get("gold"), 3);
  EXPECT_EQ(get("direct.gold"), 1);
  // The split quotation is one direct attribution, found whole.
  EXPECT_EQ(get("direct.content.overlap.recall"), 1);
  EXPECT_EQ(get("direct.content.exact.recall"), 1);
  EXPECT_EQ(get("direct.predicted"), 1);
  EXPECT_GE(get("matched"), 1);
  for (const char* role : {"source", "cue", "content"}) {
    for (const char* mode : {"exact", "overlap"}) {
      for (const char* m : {"precision", "recall", "f1"}) {
        double v = get(std::string(role) + "." + mode + "." + m);
        EXPECT_GE(v, 0);
        EXPECT_LE(v, 1);
      }
    }
  }
  EXPECT_GE(get("quotes_per_second"), 0);
  // Offsets were read as code points: every span text matched the file.
  for (const std::string& n : r->notes) {
    EXPECT_EQ(n.find("differs"), std::string::npos) << n;
  }
  std::string json = FormatEvalJson(*r);
  EXPECT_NE(json.find("\"source\": {"), std::string::npos);
  EXPECT_NE(json.find("\"exact\": {"), std::string::npos);
}

TEST_F(QuotesEvalTest, FailsWithoutData) {
  const EvalTask* task = FindEvalTask("quotes");
  ASSERT_NE(task, nullptr);
  EXPECT_FALSE(task->Run((dir_ / "missing").string(), {}).ok());
  EXPECT_FALSE(task->Run(dir_.string(), {}).ok());  // no .ann files
}

}  // namespace
}  // namespace dossier
