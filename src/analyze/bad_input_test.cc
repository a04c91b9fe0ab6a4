// The error policy end to end: each kind of bad input becomes one error
// naming its source with a stable code, and every good input is still
// analyzed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "analyze/analyze.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

class BadInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dossier_bad_input_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& data) {
    std::ofstream(dir_ / name, std::ios::binary) << data;
    return (dir_ / name).string();
  }
  const DocError* ErrorFor(const Corpus& c, const std::string& source) {
    for (const DocError& e : c.errors) {
      if (e.source == source) return &e;
    }
    return nullptr;
  }
  fs::path dir_;
};

TEST_F(BadInputTest, EachBadInputIsReportedAndGoodOnesSurvive) {
  const std::string good = Write(
      "good.txt",
      "Harbour Talks Resume\n\nDelegates from Norland met in Varna on "
      "Monday, officials said.\n");
  const std::string binary =
      Write("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  const std::string bad_utf8 = Write("latin1.txt", "Caf\xe9 society\n");
  const std::string empty = Write("empty.txt", "");
  const std::string blank = Write("blank.txt", " \n\n\t\n");
  const std::string jsonl = Write(
      "feed.jsonl",
      "{\"text\":\"Second good article about the Varna talks.\","
      "\"title\":\"Talks\"}\n{not json\n");
  const std::string missing = (dir_ / "missing.txt").string();

  AnalyzeOptions opts;
  StatusOr<Corpus> c = AnalyzeInputs(
      {good, binary, bad_utf8, empty, blank, jsonl, missing}, opts, nullptr);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->documents.size(), 2u);

  struct Want {
    std::string source;
    ErrorCode code;
  } wants[] = {
      {binary, ErrorCode::kBinaryInput},
      {bad_utf8, ErrorCode::kInvalidUtf8},
      {empty, ErrorCode::kEmptyInput},
      {blank, ErrorCode::kEmptyInput},
      {jsonl + ":2", ErrorCode::kMalformedJson},
      {missing, ErrorCode::kUnreadable},
  };
  for (const Want& w : wants) {
    const DocError* e = ErrorFor(*c, w.source);
    ASSERT_NE(e, nullptr) << "no error for " << w.source;
    EXPECT_EQ(e->status.code(), w.code)
        << w.source << ": " << e->status.ToString();
  }
  EXPECT_EQ(c->errors.size(), 6u);
}

TEST_F(BadInputTest, HugeSingleLineFileIsRefusedBySize) {
  // 200 MB in one line, over the 64 MiB default: refused from its size.
  const std::string huge = (dir_ / "huge.txt").string();
  {
    std::ofstream out(huge, std::ios::binary);
    std::string chunk(1 << 20, 'a');
    for (int i = 0; i < 200; ++i) out << chunk;
  }
  const std::string good = Write("good.txt", "Title\n\nA short body.\n");
  StatusOr<Corpus> c = AnalyzeInputs({huge, good}, AnalyzeOptions{}, nullptr);
  ASSERT_TRUE(c.ok());
  ASSERT_EQ(c->errors.size(), 1u);
  EXPECT_EQ(c->errors[0].source, huge);
  EXPECT_EQ(c->errors[0].status.code(), ErrorCode::kTooLarge);
  EXPECT_EQ(c->documents.size(), 1u);
}

TEST_F(BadInputTest, InvalidUtf8MessageNamesTheOffset) {
  const std::string bad = Write("bad.txt", "Fine start\nthen \xff here\n");
  StatusOr<Corpus> c = AnalyzeInputs({bad}, AnalyzeOptions{}, nullptr);
  ASSERT_TRUE(c.ok());
  ASSERT_EQ(c->errors.size(), 1u);
  EXPECT_NE(c->errors[0].status.message().find("16"), std::string::npos)
      << c->errors[0].status.message();
}

}  // namespace
}  // namespace dossier
