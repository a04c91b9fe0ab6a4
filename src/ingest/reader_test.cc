#include "ingest/reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace dossier {
namespace {

namespace fs = std::filesystem;

class ReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dossier_reader_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& data) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << data;
    return p.string();
  }

  fs::path dir_;
};

TEST_F(ReaderTest, FolderIsReadRecursivelyInSortedOrder) {
  Write("b.txt", "Bravo");
  Write("a/z.txt", "Zulu");
  Write("a/c.html", "<p>Charlie</p>");
  IngestResult r = ReadInputs({dir_.string()}, {});
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(fs::path(r.articles[0].source).filename(), "c.html");
  EXPECT_EQ(r.articles[0].format, RawArticle::Format::kHtml);
  EXPECT_EQ(fs::path(r.articles[1].source).filename(), "z.txt");
  EXPECT_EQ(r.articles[2].bytes, "Bravo");
}

TEST_F(ReaderTest, FolderSkipsHiddenAndUnknownExtensions) {
  Write("keep.txt", "x");
  Write(".hidden.txt", "x");
  Write(".git/objects.txt", "x");
  Write("photo.jpg", "\xff\xd8");
  IngestResult r = ReadInputs({dir_.string()}, {});
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.skipped_files, 1u);
  EXPECT_TRUE(r.errors.empty());
}

TEST_F(ReaderTest, MissingPathIsAnErrorNamingIt) {
  std::string missing = (dir_ / "nope.txt").string();
  IngestResult r = ReadInputs({missing, Write("ok.txt", "fine")}, {});
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].source, missing);
  EXPECT_EQ(r.errors[0].status.code(), ErrorCode::kUnreadable);
  EXPECT_EQ(r.articles.size(), 1u);
}

TEST_F(ReaderTest, OversizedFileIsRefusedWithTheLimitNamed) {
  IngestOptions opts;
  opts.max_doc_bytes = 10;
  IngestResult r = ReadInputs({Write("big.txt", std::string(100, 'a'))}, opts);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].status.code(), ErrorCode::kTooLarge);
  EXPECT_NE(r.errors[0].status.message().find("--max-doc-bytes"),
            std::string::npos);
}

TEST_F(ReaderTest, JsonlLinesBecomeArticlesWithMetadata) {
  std::string path = Write(
      "feed.jsonl",
      "{\"text\":\"Body one\",\"title\":\"T1\",\"outlet\":\"Caldera Herald\","
      "\"published\":\"2025-03-10\",\"url\":\"https://example.org/1\"}\n"
      "\n"
      "{\"html\":\"<p>Body two</p>\"}\n");
  IngestResult r = ReadInputs({path}, {});
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].source, path + ":1");
  EXPECT_EQ(r.articles[0].title, "T1");
  EXPECT_EQ(r.articles[0].outlet, "Caldera Herald");
  EXPECT_EQ(r.articles[0].published, "2025-03-10");
  EXPECT_EQ(r.articles[1].source, path + ":3");
  EXPECT_EQ(r.articles[1].format, RawArticle::Format::kHtml);
}

TEST_F(ReaderTest, BrokenJsonlLineIsReportedAndOthersKept) {
  std::string path = Write("feed.jsonl",
                           "{\"text\":\"good\"}\n"
                           "{\"text\": broken\n"
                           "[1,2]\n"
                           "{\"title\":\"no body\"}\n"
                           "{\"text\":7}\n"
                           "{\"text\":\"also good\"}");
  IngestResult r = ReadInputs({path}, {});
  ASSERT_EQ(r.articles.size(), 2u);
  ASSERT_EQ(r.errors.size(), 4u);
  EXPECT_EQ(r.errors[0].source, path + ":2");
  EXPECT_EQ(r.errors[0].status.code(), ErrorCode::kMalformedJson);
  EXPECT_EQ(r.errors[1].status.code(), ErrorCode::kMalformedJson);
  EXPECT_EQ(r.errors[2].status.code(), ErrorCode::kMissingField);
  EXPECT_EQ(r.errors[3].status.code(), ErrorCode::kMalformedJson);
}

TEST_F(ReaderTest, OverlongJsonlLineIsSkippedWithoutLoadingIt) {
  IngestOptions opts;
  opts.max_line_bytes = 64;
  std::string path = Write("feed.jsonl", "{\"text\":\"" +
                                             std::string(300000, 'x') +
                                             "\"}\n{\"text\":\"short\"}\n");
  IngestResult r = ReadInputs({path}, opts);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].source, path + ":1");
  EXPECT_EQ(r.errors[0].status.code(), ErrorCode::kLineTooLong);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].bytes, "short");
}

TEST_F(ReaderTest, ExplicitFileWithUnknownExtensionIsReadAsText) {
  IngestResult r = ReadInputs({Write("article.data", "Some text")}, {});
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].format, RawArticle::Format::kText);
}

}  // namespace
}  // namespace dossier
