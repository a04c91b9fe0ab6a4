// WarcReader: streams WARC/1.0 and WARC/1.1 archives (.warc, or .warc.gz made
// of concatenated per-record gzip members) record by record.
//
// Contract: memory is bounded by the largest record kept (<= max_record_bytes)
// plus a read chunk, never by the archive size. Each record's WARC headers are
// parsed; `response` records of type application/http also get their HTTP
// status line and headers parsed, and `body` is the HTTP payload. A malformed
// record (bad version line, wrong Content-Length, garbage between records)
// yields one error Status from Next() and the reader resyncs to the next
// "WARC/1." line; a truncated or corrupt gzip stream ends the archive.
// ReadWarc() turns the HTML 200 responses of one archive into RawArticles.
// Thread-compatible: one reader per thread; ReadWarc keeps no shared state.
#ifndef DOSSIER_INGEST_WARC_READER_H_
#define DOSSIER_INGEST_WARC_READER_H_

#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "doc/raw_article.h"
#include "ingest/reader.h"

namespace dossier {

struct WarcOptions {
  // Records whose Content-Length exceeds this are skipped with kTooLarge.
  uint64_t max_record_bytes = uint64_t{64} << 20;
  // Return only `response` records (others are skipped silently and counted).
  bool only_responses = true;
  // Bytes read (and inflated) per step; the working buffer stays about this
  // size plus the record being returned.
  size_t chunk_bytes = size_t{64} << 10;
};

struct WarcRecord {
  std::string type;          // WARC-Type, e.g. "response"
  std::string target_uri;    // WARC-Target-URI
  std::string date;          // WARC-Date as given (ISO 8601)
  std::string record_id;     // WARC-Record-ID
  int http_status = 0;       // 0 unless an application/http response
  std::string content_type;  // lowercased media type, no parameters
  std::string charset;       // lowercased charset parameter, if any
  std::string body;          // HTTP payload (or the whole block)
  uint64_t offset = 0;       // of the record in the uncompressed stream
  // Where a reader opened with Open(path, opts, file_offset) finds this
  // record first: its offset in a plain file, or the start of the gzip
  // member it begins; -1 when the record does not begin a member (a whole
  // archive compressed as one stream cannot be entered in the middle).
  int64_t file_offset = -1;
};

class WarcReader {
 public:
  // Opens a file, reading from byte `file_offset` (a record's file_offset,
  // or 0); gzip is detected from its magic bytes, not its name.
  static StatusOr<std::unique_ptr<WarcReader>> Open(const std::string& path,
                                                    const WarcOptions& opts,
                                                    uint64_t file_offset = 0);
  // Reads from `data`, which must outlive the reader (used by the fuzzer).
  static std::unique_ptr<WarcReader> OpenMemory(std::string_view data,
                                                const WarcOptions& opts);
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // Reads the next record into `out`. Returns OK with *done == false for a
  // record, OK with *done == true at the end. A non-OK Status describes one
  // bad record or stream problem; keep calling until *done is true.
  Status Next(WarcRecord* out, bool* done);

  // Records skipped because of only_responses.
  uint64_t skipped_records() const { return skipped_; }
  // Largest working-buffer capacity seen (bytes), to check memory bounds.
  size_t peak_buffer_bytes() const { return peak_buffer_; }

 private:
  WarcReader(std::FILE* file, std::string_view memory, const WarcOptions& o);

  size_t ReadRaw(const char** data);     // next raw chunk; 0 at end
  bool Fill();                           // appends bytes to buf_; false at end
  int ReadLine(std::string_view* line);  // 1 line, 0 end, -1 error
  bool Skip(uint64_t n);
  bool Resync();
  uint64_t Offset() const { return base_ + pos_; }
  Status Fatal(Status s);  // ends the archive; prefers the stream error
  Status Error(uint64_t offset, std::string_view what) const;
  void ParseBlock(std::string_view block, WarcRecord* out) const;

  WarcOptions opts_;
  std::FILE* file_ = nullptr;
  std::string_view memory_;
  size_t memory_pos_ = 0;
  std::string in_buf_;  // raw bytes read from the file
  bool started_ = false, gzip_ = false, in_member_ = false;
  z_stream z_{};
  bool z_ready_ = false;
  std::string buf_;  // uncompressed bytes; buf_[pos_..] not yet consumed
  size_t pos_ = 0;
  uint64_t base_ = 0;  // stream offset of buf_[0]
  bool eof_ = false, finished_ = false;
  Status stream_error_;
  bool stream_error_reported_ = false;
  uint64_t skipped_ = 0;
  size_t peak_buffer_ = 0;
  // Input bytes read so far, and where gzip members began: (offset in the
  // uncompressed stream, offset in the file), the most recent few only.
  uint64_t raw_read_ = 0;
  uint64_t start_offset_ = 0;
  std::vector<std::pair<uint64_t, uint64_t>> members_;
};

struct WarcStats {
  uint64_t records = 0;   // records read (all types)
  uint64_t payload_bytes = 0;  // HTTP payload bytes of the articles
  uint64_t articles = 0;  // RawArticles emitted
  uint64_t skipped_non_response = 0;
  uint64_t skipped_status = 0;    // responses whose HTTP status is not 200
  uint64_t skipped_non_html = 0;  // 200 responses that are not HTML
  uint64_t errors = 0;
};

// Appends one kHtml RawArticle per HTML 200 response of the archive at
// `path` (source "path#record-N", N counting all records from 1; url =
// WARC-Target-URI; charset = the HTTP charset parameter; WARC-Date is the
// fetch date and is not used as the publication date), and one
// InputError (source "path"; the message names the byte offset) per problem.
// When `lazy` and the archive allows it (plain WARC, or gzip with one member
// per record, as crawlers write them), the articles carry no bytes but a
// RawArticle::load that re-reads their record, so memory does not grow with
// the archive.
WarcStats ReadWarc(const std::string& path, const WarcOptions& opts,
                   std::vector<RawArticle>* out,
                   std::vector<InputError>* errors, bool lazy = true);

// Reads the record that begins at `file_offset` (a WarcRecord::file_offset)
// and returns its HTTP payload; kMalformedWarc when no record begins there
// or its target URI is not `target_uri`.
StatusOr<std::string> ReadWarcPayloadAt(const std::string& path,
                                        const WarcOptions& opts,
                                        uint64_t file_offset,
                                        const std::string& target_uri);

}  // namespace dossier

#endif  // DOSSIER_INGEST_WARC_READER_H_
