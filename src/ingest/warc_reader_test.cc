#include "ingest/warc_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace dossier {
namespace {

std::string HttpBlock(int status, const std::string& ctype,
                      const std::string& body) {
  return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: " + ctype +
         "\r\nServer: test\r\n\r\n" + body;
}

std::string Record(
    const std::string& type, const std::string& uri, const std::string& block,
    const std::string& ctype = "application/http; msgtype=response",
    long length = -1) {
  if (length < 0) length = static_cast<long>(block.size());
  return "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2024-03-05T10:20:30Z\r\nWARC-Record-ID: "
         "<urn:uuid:0000>\r\nContent-Type: " +
         ctype + "\r\nContent-Length: " + std::to_string(length) + "\r\n\r\n" +
         block + "\r\n\r\n";
}

std::string Page(const std::string& title) {
  return "<html><head><title>" + title +
         "</title></head><body><p>President Mara Velden of Norland spoke to "
         "the Caldera Herald.</p></body></html>";
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

std::string WriteFile(const std::string& name, const std::string& bytes) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("warc_test_" + std::to_string(::getpid()) + "_" + name))
                         .string();
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::vector<std::string> MixedRecords() {
  return {
      Record("warcinfo", "", "software: test\r\n", "application/warc-fields"),
      Record("request", "https://caldera.example/a",
             "GET /a HTTP/1.1\r\nHost: caldera.example\r\n\r\n",
             "application/http; msgtype=request"),
      Record("response", "https://caldera.example/a",
             HttpBlock(200, "text/html; charset=UTF-8", Page("Velden"))),
      Record("response", "https://caldera.example/missing",
             HttpBlock(404, "text/html", Page("Not found"))),
      Record("response", "https://caldera.example/logo.png",
             HttpBlock(200, "image/png", "\x89PNG....")),
  };
}

std::string Join(const std::vector<std::string>& v, bool gzip) {
  std::string out;
  for (const std::string& r : v) out += gzip ? Gzip(r) : r;
  return out;
}

TEST(WarcReaderTest, ParsesResponseRecordFields) {
  std::string data = Join(MixedRecords(), false);
  auto reader = WarcReader::OpenMemory(data, WarcOptions());
  WarcRecord rec;
  bool done = false;
  ASSERT_TRUE(reader->Next(&rec, &done).ok());
  ASSERT_FALSE(done);
  EXPECT_EQ(rec.type, "response");
  EXPECT_EQ(rec.target_uri, "https://caldera.example/a");
  EXPECT_EQ(rec.date, "2024-03-05T10:20:30Z");
  EXPECT_EQ(rec.record_id, "<urn:uuid:0000>");
  EXPECT_EQ(rec.http_status, 200);
  EXPECT_EQ(rec.content_type, "text/html");
  EXPECT_EQ(rec.charset, "utf-8");
  EXPECT_EQ(rec.body, Page("Velden"));
  EXPECT_EQ(rec.offset, MixedRecords()[0].size() + MixedRecords()[1].size());
  EXPECT_EQ(reader->skipped_records(), 2u);
}

TEST(WarcReaderTest, AllRecordsReturnedWhenNotOnlyResponses) {
  std::string data = Join(MixedRecords(), false);
  WarcOptions opts;
  opts.only_responses = false;
  auto reader = WarcReader::OpenMemory(data, opts);
  std::vector<std::string> types;
  WarcRecord rec;
  bool done = false;
  while (true) {
    ASSERT_TRUE(reader->Next(&rec, &done).ok());
    if (done) break;
    types.push_back(rec.type);
  }
  EXPECT_EQ(types, (std::vector<std::string>{"warcinfo", "request", "response",
                                             "response", "response"}));
}

TEST(WarcReaderTest, ReadWarcEmitsOnlyHtml200Responses) {
  std::string path = WriteFile("mixed.warc", Join(MixedRecords(), false));
  std::vector<RawArticle> out;
  std::vector<InputError> errors;
  WarcStats st = ReadWarc(path, WarcOptions(), &out, &errors,
                          /*lazy=*/false);
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].format, RawArticle::Format::kHtml);
  EXPECT_EQ(out[0].source, path + "#record-3");
  EXPECT_EQ(out[0].url, "https://caldera.example/a");
  EXPECT_TRUE(out[0].published.empty());  // fetch date is not publication
  EXPECT_EQ(out[0].bytes, Page("Velden"));
  EXPECT_EQ(st.records, 5u);
  EXPECT_EQ(st.articles, 1u);
  EXPECT_EQ(st.skipped_non_response, 2u);
  EXPECT_EQ(st.skipped_status, 1u);
  EXPECT_EQ(st.skipped_non_html, 1u);
  std::remove(path.c_str());
}

TEST(WarcReaderTest, GzipMembersReadLikePlainWarc) {
  std::string path = WriteFile("mixed.warc.gz", Join(MixedRecords(), true));
  std::vector<RawArticle> out;
  std::vector<InputError> errors;
  WarcOptions opts;
  opts.chunk_bytes = 100;  // members straddle many reads
  WarcStats st = ReadWarc(path, opts, &out, &errors, /*lazy=*/false);
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].bytes, Page("Velden"));
  EXPECT_EQ(st.records, 5u);
  std::remove(path.c_str());
}

TEST(WarcReaderTest, TruncatedGzipGivesUnreadableAfterGoodRecords) {
  std::string good = Gzip(Record("response", "https://a.example/1",
                                 HttpBlock(200, "text/html", Page("A"))));
  std::string last = Gzip(Record("response", "https://a.example/2",
                                 HttpBlock(200, "text/html", Page("B"))));
  std::string path =
      WriteFile("trunc.warc.gz", good + last.substr(0, last.size() / 2));
  std::vector<RawArticle> out;
  std::vector<InputError> errors;
  ReadWarc(path, WarcOptions(), &out, &errors);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].url, "https://a.example/1");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].status.code(), ErrorCode::kMalformedWarc);
  std::remove(path.c_str());
}

TEST(WarcReaderTest, TooShortContentLengthGivesErrorThenResyncs) {
  std::string block = HttpBlock(200, "text/html", Page("Short"));
  std::string data = Record("response", "https://b.example/1", block,
                            "application/http; msgtype=response",
                            static_cast<long>(block.size()) - 10) +
                     Record("response", "https://b.example/2",
                            HttpBlock(200, "text/html", Page("Next")));
  std::vector<RawArticle> out;
  std::vector<InputError> errors;
  std::string path = WriteFile("short.warc", data);
  ReadWarc(path, WarcOptions(), &out, &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].status.code(), ErrorCode::kMalformedWarc);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].url, "https://b.example/2");
  std::remove(path.c_str());
}

TEST(WarcReaderTest, TooLongContentLengthGivesErrorThenResyncs) {
  std::string block = HttpBlock(200, "text/html", Page("Long"));
  std::string data = Record("response", "https://b.example/1", block,
                            "application/http; msgtype=response",
                            static_cast<long>(block.size()) + 40) +
                     Record("response", "https://b.example/2",
                            HttpBlock(200, "text/html", Page("Next")));
  auto reader = WarcReader::OpenMemory(data, WarcOptions());
  WarcRecord rec;
  bool done = false;
  EXPECT_FALSE(reader->Next(&rec, &done).ok());
  ASSERT_FALSE(done);
  ASSERT_TRUE(reader->Next(&rec, &done).ok());
  ASSERT_FALSE(done);
  EXPECT_EQ(rec.target_uri, "https://b.example/2");
  EXPECT_TRUE(reader->Next(&rec, &done).ok());
  EXPECT_TRUE(done);
}

TEST(WarcReaderTest, GarbageBetweenRecordsIsReportedAndSkipped) {
  std::string data = Record("response", "https://c.example/1",
                            HttpBlock(200, "text/html", Page("One"))) +
                     "this is not a record\r\nnor is this\r\n" +
                     Record("response", "https://c.example/2",
                            HttpBlock(200, "text/html", Page("Two")));
  auto reader = WarcReader::OpenMemory(data, WarcOptions());
  WarcRecord rec;
  bool done = false;
  std::vector<std::string> uris;
  int errors = 0;
  while (!done) {
    Status s = reader->Next(&rec, &done);
    if (!s.ok())
      ++errors;
    else if (!done)
      uris.push_back(rec.target_uri);
  }
  EXPECT_EQ(errors, 1);
  EXPECT_EQ(uris, (std::vector<std::string>{"https://c.example/1",
                                            "https://c.example/2"}));
}

TEST(WarcReaderTest, EmptyFileHasNoRecordsAndNoErrors) {
  std::string path = WriteFile("empty.warc", "");
  std::vector<RawArticle> out;
  std::vector<InputError> errors;
  WarcStats st = ReadWarc(path, WarcOptions(), &out, &errors);
  EXPECT_TRUE(out.empty());
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(st.records, 0u);
  std::remove(path.c_str());
}

TEST(WarcReaderTest, MissingFileIsUnreadable) {
  std::vector<RawArticle> out;
  std::vector<InputError> errors;
  ReadWarc("/nonexistent/dir/x.warc", WarcOptions(), &out, &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].status.code(), ErrorCode::kUnreadable);
}

TEST(WarcReaderTest, BufferDoesNotGrowWithArchiveSize) {
  std::vector<std::string> records;
  for (int i = 0; i < 200; ++i)
    records.push_back(
        Record("response", "https://d.example/" + std::to_string(i),
               HttpBlock(200, "text/html", Page("Page " + std::to_string(i)))));
  for (bool gzip : {false, true}) {
    std::string data = Join(records, gzip);
    WarcOptions opts;
    opts.chunk_bytes = 1024;
    auto reader = WarcReader::OpenMemory(data, opts);
    WarcRecord rec;
    bool done = false;
    int n = 0;
    while (true) {
      ASSERT_TRUE(reader->Next(&rec, &done).ok());
      if (done) break;
      ++n;
    }
    EXPECT_EQ(n, 200);
    EXPECT_GT(data.size(), 30000u);
    EXPECT_LT(reader->peak_buffer_bytes(), 8192u) << "gzip=" << gzip;
  }
}

TEST(WarcReaderTest, RecordOverLimitIsSkippedWithTooLarge) {
  std::string data =
      Record("response", "https://e.example/big",
             HttpBlock(200, "text/html", Page(std::string(5000, 'x')))) +
      Record("response", "https://e.example/small",
             HttpBlock(200, "text/html", Page("Small")));
  WarcOptions opts;
  opts.max_record_bytes = 1000;
  auto reader = WarcReader::OpenMemory(data, opts);
  WarcRecord rec;
  bool done = false;
  Status s = reader->Next(&rec, &done);
  EXPECT_EQ(s.code(), ErrorCode::kTooLarge);
  ASSERT_TRUE(reader->Next(&rec, &done).ok());
  ASSERT_FALSE(done);
  EXPECT_EQ(rec.target_uri, "https://e.example/small");
}

TEST(WarcReaderTest, ChunkedHttpBodyIsDecoded) {
  std::string block =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: "
      "chunked\r\n\r\n5\r\n<p>ab\r\n6\r\ncd</p>\r\n0\r\n\r\n";
  std::string data = Record("response", "https://f.example/", block);
  auto reader = WarcReader::OpenMemory(data, WarcOptions());
  WarcRecord rec;
  bool done = false;
  ASSERT_TRUE(reader->Next(&rec, &done).ok());
  EXPECT_EQ(rec.body, "<p>abcd</p>");
}

TEST(WarcReaderTest, Warc10AngleBracketUriIsUnwrapped) {
  std::string data =
      "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: "
      "<https://g.example/x>\r\nContent-Type: application/http\r\n"
      "Content-Length: 2\r\n\r\nab\r\n\r\n";
  auto reader = WarcReader::OpenMemory(data, WarcOptions());
  WarcRecord rec;
  bool done = false;
  ASSERT_TRUE(reader->Next(&rec, &done).ok());
  EXPECT_EQ(rec.target_uri, "https://g.example/x");
  EXPECT_EQ(rec.http_status, 0);  // "ab" is no HTTP message
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

TEST(WarcLazyTest, PerRecordGzipArticlesLoadTheirPageLater) {
  std::string path = WriteFile("lazy.warc.gz", Join(MixedRecords(), true));
  std::vector<RawArticle> out;
  std::vector<InputError> errors;
  WarcStats st = ReadWarc(path, WarcOptions(), &out, &errors);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(out[0].bytes.empty());
  ASSERT_TRUE(out[0].load);
  StatusOr<std::string> page = out[0].load();
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(*page, Page("Velden"));
  EXPECT_EQ(st.payload_bytes, Page("Velden").size());
}

TEST(WarcLazyTest, PlainArchiveArticlesLoadTheirPageLater) {
  std::string path = WriteFile("lazy.warc", Join(MixedRecords(), false));
  std::vector<RawArticle> out;
  std::vector<InputError> errors;
  ReadWarc(path, WarcOptions(), &out, &errors);
  ASSERT_EQ(out.size(), 1u);
  ASSERT_TRUE(out[0].load);
  StatusOr<std::string> page = out[0].load();
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(*page, Page("Velden"));
}

TEST(WarcLazyTest, SingleGzipStreamKeepsBytesInMemory) {
  std::string all;
  for (const std::string& r : MixedRecords()) all += r;
  std::string path = WriteFile("onestream.warc.gz", Gzip(all));
  std::vector<RawArticle> out;
  std::vector<InputError> errors;
  ReadWarc(path, WarcOptions(), &out, &errors);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_FALSE(out[0].load);
  EXPECT_EQ(out[0].bytes, Page("Velden"));
}

TEST(WarcLazyTest, ChangedArchiveGivesAnErrorNotAWrongPage) {
  std::string path = WriteFile("changed.warc", Join(MixedRecords(), false));
  std::vector<RawArticle> out;
  std::vector<InputError> errors;
  ReadWarc(path, WarcOptions(), &out, &errors);
  ASSERT_EQ(out.size(), 1u);
  WriteFile("changed.warc", "WARC/1.1\r\nContent-Length: 0\r\n\r\n\r\n\r\n");
  StatusOr<std::string> page = out[0].load();
  EXPECT_FALSE(page.ok());
}

}  // namespace
}  // namespace dossier
