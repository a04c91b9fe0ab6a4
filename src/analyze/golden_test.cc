// Golden tests: whole-pipeline behaviour on small corpora, as readable
// summaries (analyze/summary.h) under testdata/analyze/<case>/.
//
// A case has either an `input/` folder or an `inputs` file listing paths
// relative to the source root, and `expected.summary`. To regenerate after
// an intended change: DOSSIER_UPDATE_GOLDEN=1 ./analyze_test, then review
// the diff of testdata/ like any other change.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "analyze/analyze.h"
#include "kb/builtin.h"
#include "analyze/summary.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

std::string ReadText(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<fs::path> Cases() {
  std::vector<fs::path> cases;
  fs::path root = fs::path(DOSSIER_TESTDATA_DIR) / "analyze";
  if (!fs::exists(root)) return cases;
  for (const auto& e : fs::directory_iterator(root)) {
    if (e.is_directory()) cases.push_back(e.path());
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

class GoldenTest : public ::testing::TestWithParam<fs::path> {};

TEST_P(GoldenTest, SummaryMatchesExpected) {
  const fs::path dir = GetParam();
  const std::string source_root = std::string(DOSSIER_SOURCE_DIR) + "/";
  std::vector<std::string> inputs;
  if (fs::exists(dir / "input")) {
    inputs.push_back((dir / "input").string());
  } else {
    std::istringstream list(ReadText(dir / "inputs"));
    std::string line;
    while (std::getline(list, line)) {
      if (!line.empty() && line[0] != '#') inputs.push_back(source_root + line);
    }
  }
  ASSERT_FALSE(inputs.empty()) << dir;
  AnalyzeOptions opts;
  opts.run.threads = 2;
  // `kb` lists extra knowledge-base files (paths from the source root).
  if (fs::exists(dir / "kb")) {
    std::vector<std::string> kb_files;
    std::istringstream list(ReadText(dir / "kb"));
    std::string line;
    while (std::getline(list, line)) {
      if (!line.empty() && line[0] != '#') kb_files.push_back(source_root + line);
    }
    StatusOr<std::shared_ptr<const kb::KnowledgeBase>> kb =
        kb::LoadKnowledgeBase(kb_files);
    ASSERT_TRUE(kb.ok()) << kb.status().ToString();
    opts.pipeline.kb = std::move(kb).value();
  }
  StatusOr<Corpus> corpus = AnalyzeInputs(inputs, opts, nullptr);
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  SummaryOptions sopts;
  sopts.strip_source_prefix = source_root;
  std::string actual = SummarizeCorpus(*corpus, sopts);
  const fs::path expected_path = dir / "expected.summary";
  if (std::getenv("DOSSIER_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(expected_path, std::ios::binary) << actual;
    GTEST_SKIP() << "updated " << expected_path;
  }
  ASSERT_TRUE(fs::exists(expected_path))
      << "no " << expected_path
      << "; create it with DOSSIER_UPDATE_GOLDEN=1 and review it";
  EXPECT_EQ(ReadText(expected_path), actual)
      << "golden mismatch for " << dir.filename()
      << "; if intended, regenerate with DOSSIER_UPDATE_GOLDEN=1";
}

TEST_P(GoldenTest, SameResultWithOneThread) {
  const fs::path dir = GetParam();
  if (!fs::exists(dir / "input")) GTEST_SKIP() << "listed inputs";
  AnalyzeOptions one, many;
  one.run.threads = 1;
  many.run.threads = 4;
  StatusOr<Corpus> a = AnalyzeInputs({(dir / "input").string()}, one, nullptr);
  StatusOr<Corpus> b = AnalyzeInputs({(dir / "input").string()}, many, nullptr);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(SummarizeCorpus(*a, {}), SummarizeCorpus(*b, {}));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, GoldenTest, ::testing::ValuesIn(Cases()),
    [](const ::testing::TestParamInfo<fs::path>& info) {
      std::string name = info.param.filename().string();
      for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      }
      return name;
    });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoldenTest);

}  // namespace
}  // namespace dossier
