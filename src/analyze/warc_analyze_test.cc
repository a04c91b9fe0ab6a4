// `dossier analyze crawl.warc.gz` end to end: a small archive built here from
// the project's own test pages (testdata/analyze/html_pages) plus records that
// must be skipped, and a damaged tail that must be reported, not fatal.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "analyze/analyze.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Gzip(const std::string& data) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY),
            Z_OK);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string Response(const std::string& uri, int status,
                     const std::string& ctype, const std::string& body) {
  std::string block = "HTTP/1.1 " + std::to_string(status) +
                      " X\r\nContent-Type: " + ctype + "\r\n\r\n" + body;
  return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2026-01-01T00:00:00Z\r\nContent-Type: "
         "application/http; msgtype=response\r\nContent-Length: " +
         std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

class WarcAnalyzeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dossier_warc_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    const fs::path pages =
        fs::path(DOSSIER_TESTDATA_DIR) / "analyze/html_pages/input";
    courier_ = ReadAll(pages / "01_lakeside_courier.html");
    northshore_ = ReadAll(pages / "02_northshore_times.html");
    ASSERT_FALSE(courier_.empty());
    ASSERT_FALSE(northshore_.empty());
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return (dir_ / name).string();
  }
  std::string Archive() {
    return Gzip(Response("https://courier.example/news/orsa", 200,
                         "text/html; charset=utf-8", courier_)) +
           Gzip(Response("https://courier.example/missing", 404, "text/html",
                         "<p>Not found</p>")) +
           Gzip(Response("https://courier.example/logo.png", 200, "image/png",
                         std::string("\x89PNG\r\n\x1a\n\0\0", 10))) +
           Gzip(Response("https://northshore.example/orsa-ramp", 200,
                         "text/html", northshore_));
  }
  fs::path dir_;
  std::string courier_, northshore_;
};

TEST_F(WarcAnalyzeTest, HtmlPagesOfAnArchiveBecomeDocuments) {
  const std::string path = Write("crawl.warc.gz", Archive());
  AnalyzeStats stats;
  StatusOr<Corpus> c = AnalyzeInputs({path}, AnalyzeOptions{}, &stats);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ(c->documents.size(), 2u);
  EXPECT_TRUE(c->errors.empty());
  const DocMeta& first = c->documents[0].meta();
  EXPECT_EQ(first.source, path + "#record-1");
  EXPECT_EQ(first.title, "Ferry link to Orsa island restored after storm");
  EXPECT_EQ(first.outlet.value_or(""), "The Lakeside Courier");
  EXPECT_EQ(first.published, "2025-02-06");
  EXPECT_EQ(first.url, "https://courier.example/news/orsa");
  EXPECT_EQ(c->documents[1].meta().source, path + "#record-4");
  EXPECT_EQ(stats.warc.records, 4u);
  EXPECT_EQ(stats.warc.articles, 2u);
  EXPECT_EQ(stats.warc.skipped_status, 1u);
  EXPECT_EQ(stats.warc.skipped_non_html, 1u);
}

TEST_F(WarcAnalyzeTest, QuoteOffsetsPointIntoTheRecordPayload) {
  const std::string path = Write("crawl.warc.gz", Archive());
  StatusOr<Corpus> c = AnalyzeInputs({path}, AnalyzeOptions{}, nullptr);
  ASSERT_TRUE(c.ok());
  const Document& d = c->documents[0];
  ASSERT_FALSE(d.layers().quotes.empty());
  const Quote& q = d.layers().quotes[0];
  uint32_t start = d.offsets().ToRaw(q.content.start);
  uint32_t end = d.offsets().ToRawEnd(q.content.end);
  ASSERT_LE(end, courier_.size());
  EXPECT_EQ(courier_.substr(start, end - start),
            std::string(d.Slice(q.content)));
}

TEST_F(WarcAnalyzeTest, DamagedTailIsReportedAndEarlierPagesKept) {
  std::string archive = Archive();
  std::string tail = Gzip(
      Response("https://courier.example/late", 200, "text/html", courier_));
  const std::string path =
      Write("damaged.warc.gz", archive + tail.substr(0, tail.size() / 2));
  const std::string text = Write("note.txt",
                                 "Ferry Note\n\nThe Brennvik "
                                 "ferry ran on time all week.\n");
  StatusOr<Corpus> c = AnalyzeInputs({path, text}, AnalyzeOptions{}, nullptr);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->documents.size(), 3u);
  ASSERT_EQ(c->errors.size(), 1u);
  EXPECT_EQ(c->errors[0].source, path);
  EXPECT_EQ(c->errors[0].status.code(), ErrorCode::kMalformedWarc);
  EXPECT_NE(c->errors[0].status.message().find("gzip"), std::string::npos);
}

}  // namespace
}  // namespace dossier
