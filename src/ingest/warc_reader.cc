#include "ingest/warc_reader.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace dossier {
namespace {

constexpr size_t kMaxHeaderLine = size_t{64} << 10;

bool IStartsWith(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char a = s[i], b = prefix[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
    if (a != b) return false;
  }
  return true;
}

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && IStartsWith(a, b);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return r;
}

bool ParseU64(std::string_view s, uint64_t* v) {
  s = Trim(s);
  if (s.empty() || s.size() > 19) return false;
  uint64_t r = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    r = r * 10 + static_cast<uint64_t>(c - '0');
  }
  *v = r;
  return true;
}

// Splits "text/html; charset=UTF-8" into media type and charset.
void ParseContentType(std::string_view v, std::string* type,
                      std::string* charset) {
  size_t semi = v.find(';');
  *type = Lower(Trim(v.substr(0, semi)));
  while (semi != std::string_view::npos) {
    v.remove_prefix(semi + 1);
    semi = v.find(';');
    std::string_view param = Trim(v.substr(0, semi));
    if (IStartsWith(param, "charset=")) {
      std::string_view cs = Trim(param.substr(8));
      if (cs.size() >= 2 && cs.front() == '"' && cs.back() == '"')
        cs = cs.substr(1, cs.size() - 2);
      *charset = Lower(cs);
    }
  }
}

// Takes the next line (without CRLF/LF) off `s`; false if `s` has no '\n'.
bool TakeLine(std::string_view* s, std::string_view* line) {
  size_t nl = s->find('\n');
  if (nl == std::string_view::npos) return false;
  *line = s->substr(0, nl);
  if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
  s->remove_prefix(nl + 1);
  return true;
}

// Decodes an HTTP chunked body; returns what decodes (tolerates truncation).
std::string Dechunk(std::string_view s) {
  std::string out;
  std::string_view line;
  while (TakeLine(&s, &line)) {
    line = Trim(line.substr(0, line.find(';')));
    uint64_t n = 0;
    if (line.empty() || line.size() > 15) break;
    for (char c : line) {
      int d = (c >= '0' && c <= '9')   ? c - '0'
              : (c >= 'a' && c <= 'f') ? c - 'a' + 10
              : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                       : -1;
      if (d < 0) return out;
      n = n * 16 + static_cast<uint64_t>(d);
    }
    if (n == 0) break;
    size_t take = static_cast<size_t>(std::min<uint64_t>(n, s.size()));
    out.append(s.substr(0, take));
    s.remove_prefix(take);
    if (!TakeLine(&s, &line)) break;  // the CRLF after the chunk
  }
  return out;
}

}  // namespace

WarcReader::WarcReader(std::FILE* file, std::string_view memory,
                       const WarcOptions& o)
    : opts_(o), file_(file), memory_(memory) {
  if (opts_.chunk_bytes < 64) opts_.chunk_bytes = 64;
}

WarcReader::~WarcReader() {
  if (z_ready_) inflateEnd(&z_);
  if (file_ != nullptr) std::fclose(file_);
}

StatusOr<std::unique_ptr<WarcReader>> WarcReader::Open(
    const std::string& path, const WarcOptions& opts, uint64_t file_offset) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr)
    return Status(ErrorCode::kUnreadable,
                  path + ": cannot open: " + std::strerror(errno));
  if (file_offset > 0 &&
      fseeko(f, static_cast<off_t>(file_offset), SEEK_SET) != 0) {
    std::fclose(f);
    return Status(ErrorCode::kUnreadable,
                  path + ": cannot seek to byte " + std::to_string(file_offset));
  }
  std::unique_ptr<WarcReader> r(new WarcReader(f, {}, opts));
  r->start_offset_ = file_offset;
  r->raw_read_ = file_offset;
  return r;
}

std::unique_ptr<WarcReader> WarcReader::OpenMemory(std::string_view data,
                                                   const WarcOptions& opts) {
  return std::unique_ptr<WarcReader>(new WarcReader(nullptr, data, opts));
}

Status WarcReader::Fatal(Status s) {
  finished_ = true;
  if (stream_error_.ok()) return s;
  stream_error_reported_ = true;
  return stream_error_;
}

Status WarcReader::Error(uint64_t offset, std::string_view what) const {
  return Status(ErrorCode::kMalformedWarc, "WARC record at byte " +
                                            std::to_string(offset) + ": " +
                                            std::string(what));
}

size_t WarcReader::ReadRaw(const char** data) {
  if (file_ == nullptr) {
    size_t n = std::min(opts_.chunk_bytes, memory_.size() - memory_pos_);
    *data = memory_.data() + memory_pos_;
    memory_pos_ += n;
    raw_read_ += n;
    return n;
  }
  in_buf_.resize(opts_.chunk_bytes);
  size_t n = std::fread(in_buf_.data(), 1, in_buf_.size(), file_);
  raw_read_ += n;
  if (n == 0 && std::ferror(file_) && stream_error_.ok())
    stream_error_ = Error(Offset(), "read error");
  *data = in_buf_.data();
  return n;
}

bool WarcReader::Fill() {
  if (eof_) return false;
  if (pos_ > 1) {  // keep one byte of look-behind for Resync
    buf_.erase(0, pos_ - 1);
    base_ += pos_ - 1;
    pos_ = 1;
  }
  for (;;) {
    if (!started_ || (z_.avail_in == 0 && gzip_) || !gzip_) {
      const char* data = nullptr;
      size_t n = ReadRaw(&data);
      if (!started_) {
        started_ = true;
        gzip_ = n >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
                static_cast<unsigned char>(data[1]) == 0x8b;
        if (gzip_) {
          members_.push_back({0, start_offset_});
          if (inflateInit2(&z_, 15 + 32) != Z_OK) {
            stream_error_ = Error(0, "cannot initialise zlib");
            eof_ = true;
            return false;
          }
          z_ready_ = true;
        }
      }
      if (n == 0) {
        if (gzip_ && in_member_ && stream_error_.ok())
          stream_error_ = Error(Offset(), "truncated gzip stream");
        eof_ = true;
        return false;
      }
      if (!gzip_) {
        buf_.append(data, n);
        peak_buffer_ = std::max(peak_buffer_, buf_.capacity());
        return true;
      }
      z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data));
      z_.avail_in = static_cast<uInt>(n);
    }
    size_t old = buf_.size();
    buf_.resize(old + opts_.chunk_bytes);
    z_.next_out = reinterpret_cast<Bytef*>(buf_.data() + old);
    z_.avail_out = static_cast<uInt>(opts_.chunk_bytes);
    in_member_ = true;
    int rc = inflate(&z_, Z_NO_FLUSH);
    size_t got = opts_.chunk_bytes - z_.avail_out;
    buf_.resize(old + got);
    peak_buffer_ = std::max(peak_buffer_, buf_.capacity());
    if (rc == Z_STREAM_END) {
      in_member_ = false;
      inflateReset(&z_);
      // The next member starts here, in both streams.
      if (members_.size() >= 8) members_.erase(members_.begin());
      members_.push_back({base_ + buf_.size(), raw_read_ - z_.avail_in});
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      stream_error_ = Error(Offset() + got, "corrupt gzip data");
      eof_ = true;
      return got > 0;
    }
    if (got > 0) return true;
  }
}

int WarcReader::ReadLine(std::string_view* line) {
  size_t from = pos_;
  for (;;) {
    size_t nl = buf_.find('\n', from);
    if (nl != std::string::npos) {
      *line = std::string_view(buf_).substr(pos_, nl - pos_);
      if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
      pos_ = nl + 1;
      return 1;
    }
    if (buf_.size() - pos_ > kMaxHeaderLine) return -1;
    from = buf_.size();
    size_t keep = pos_ > 1 ? pos_ - 1 : 0;  // what Fill() erases
    if (!Fill()) {
      if (pos_ < buf_.size()) {  // last line without '\n'
        *line = std::string_view(buf_).substr(pos_);
        pos_ = buf_.size();
        return 1;
      }
      return 0;
    }
    from -= keep;
  }
}

bool WarcReader::Skip(uint64_t n) {
  while (n > 0) {
    if (pos_ == buf_.size() && !Fill()) return false;
    size_t take =
        static_cast<size_t>(std::min<uint64_t>(n, buf_.size() - pos_));
    pos_ += take;
    n -= take;
  }
  return true;
}

bool WarcReader::Resync() {
  size_t from = pos_ > 0 ? pos_ - 1 : 0;
  for (;;) {
    size_t p = buf_.find("\nWARC/1.", from);
    if (p != std::string::npos) {
      pos_ = p + 1;
      return true;
    }
    if (buf_.size() - pos_ > 8) pos_ = buf_.size() - 8;
    if (!Fill()) return false;
    from = pos_ > 0 ? pos_ - 1 : 0;
  }
}

void WarcReader::ParseBlock(std::string_view block, WarcRecord* out) const {
  if (out->type != "response" || out->content_type != "application/http") {
    out->body.assign(block);
    return;
  }
  std::string_view s = block, line;
  out->content_type.clear();
  if (!TakeLine(&s, &line) || !IStartsWith(line, "HTTP/")) {
    out->body.assign(block);
    return;
  }
  size_t sp = line.find(' ');
  uint64_t code = 0;
  if (sp != std::string_view::npos && ParseU64(line.substr(sp + 1, 3), &code) &&
      code < 1000)
    out->http_status = static_cast<int>(code);
  bool chunked = false;
  while (TakeLine(&s, &line) && !line.empty()) {
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view name = Trim(line.substr(0, colon));
    std::string_view value = Trim(line.substr(colon + 1));
    if (IEquals(name, "Content-Type")) {
      ParseContentType(value, &out->content_type, &out->charset);
    } else if (IEquals(name, "Transfer-Encoding")) {
      chunked = Lower(value).find("chunked") != std::string::npos;
    }
  }
  out->body = chunked ? Dechunk(s) : std::string(s);
}

Status WarcReader::Next(WarcRecord* out, bool* done) {
  *done = false;
  for (;;) {
    if (finished_) {
      *done = true;
      if (!stream_error_.ok() && !stream_error_reported_) {
        stream_error_reported_ = true;
        return stream_error_;
      }
      return Status::Ok();
    }
    std::string_view line;
    uint64_t record_offset = 0;
    int r;
    do {  // blank lines between records
      record_offset = Offset();
      r = ReadLine(&line);
    } while (r == 1 && line.empty());
    if (r == 0) {
      finished_ = true;
      continue;
    }
    if (r < 0) {
      return Fatal(Error(record_offset, "header line too long"));
    }
    if (!IStartsWith(line, "WARC/1.")) {
      Status s = Error(record_offset, "expected a WARC/1.x version line");
      return Resync() ? s : Fatal(s);
    }
    *out = WarcRecord();
    out->offset = record_offset;
    if (!gzip_) {
      out->file_offset = static_cast<int64_t>(start_offset_ + record_offset);
    } else {
      for (const auto& m : members_) {
        if (m.first == record_offset) {
          out->file_offset = static_cast<int64_t>(m.second);
        }
      }
    }
    uint64_t length = 0;
    bool has_length = false;
    for (;;) {
      r = ReadLine(&line);
      if (r <= 0) {
        return Fatal(Error(record_offset, "truncated WARC headers"));
      }
      if (line.empty()) break;
      size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      std::string_view name = Trim(line.substr(0, colon));
      std::string_view value = Trim(line.substr(colon + 1));
      if (IEquals(name, "WARC-Type")) {
        out->type = Lower(value);
      } else if (IEquals(name, "WARC-Target-URI")) {
        if (value.size() >= 2 && value.front() == '<' && value.back() == '>')
          value = value.substr(1, value.size() - 2);  // WARC/1.0 style
        out->target_uri.assign(value);
      } else if (IEquals(name, "WARC-Date")) {
        out->date.assign(value);
      } else if (IEquals(name, "WARC-Record-ID")) {
        out->record_id.assign(value);
      } else if (IEquals(name, "Content-Length")) {
        has_length = ParseU64(value, &length);
      } else if (IEquals(name, "Content-Type")) {
        ParseContentType(value, &out->content_type, &out->charset);
      }
    }
    if (!has_length) {
      Status s = Error(record_offset, "missing or invalid Content-Length");
      return Resync() ? s : Fatal(s);
    }
    if (opts_.only_responses && out->type != "response") {
      ++skipped_;
      if (!Skip(length)) {
        return Fatal(Error(record_offset, "truncated record block"));
      }
      continue;
    }
    if (length > opts_.max_record_bytes) {
      Status s(ErrorCode::kTooLarge,
               "WARC record at byte " + std::to_string(record_offset) +
                   " is larger than " + std::to_string(opts_.max_record_bytes) +
                   " bytes");
      return Skip(length) ? s : Fatal(s);
    }
    // Buffer the block plus its CRLFCRLF trailer.
    while (buf_.size() - pos_ < length + 4 && Fill()) {
    }
    size_t avail = buf_.size() - pos_;
    if (avail < length) {
      if (stream_error_.ok() && Resync())
        return Error(record_offset, "Content-Length runs past the next record");
      return Fatal(Error(record_offset, "truncated record block"));
    }
    std::string_view rest = std::string_view(buf_).substr(
        pos_ + length, std::min<size_t>(4, avail - length));
    bool trailer_ok =
        rest == "\r\n\r\n" || rest.substr(0, 2) == "\n\n" ||
        (eof_ && rest.find_first_not_of("\r\n") == std::string_view::npos);
    if (!trailer_ok) {
      Status s = Error(record_offset,
                       "wrong Content-Length (no CRLFCRLF after the block)");
      return Resync() ? s : Fatal(s);
    }
    ParseBlock(std::string_view(buf_).substr(pos_, length), out);
    pos_ += length;  // the trailer is skipped as blank lines
    return Status::Ok();
  }
}

StatusOr<std::string> ReadWarcPayloadAt(const std::string& path,
                                        const WarcOptions& opts,
                                        uint64_t file_offset,
                                        const std::string& target_uri) {
  WarcOptions one = opts;
  one.only_responses = false;
  StatusOr<std::unique_ptr<WarcReader>> reader =
      WarcReader::Open(path, one, file_offset);
  if (!reader.ok()) return reader.status();
  WarcRecord rec;
  bool done = false;
  Status s = (*reader)->Next(&rec, &done);
  if (!s.ok()) return s;
  if (done || rec.offset != 0 || rec.target_uri != target_uri) {
    return Status(ErrorCode::kMalformedWarc,
                  "no record for " + target_uri + " at byte " +
                      std::to_string(file_offset) +
                      " (was the archive changed during the run?)");
  }
  return std::move(rec.body);
}

WarcStats ReadWarc(const std::string& path, const WarcOptions& opts,
                   std::vector<RawArticle>* out,
                   std::vector<InputError>* errors, bool lazy) {
  WarcStats stats;
  StatusOr<std::unique_ptr<WarcReader>> reader = WarcReader::Open(path, opts);
  if (!reader.ok()) {
    errors->push_back({path, reader.status()});
    ++stats.errors;
    return stats;
  }
  WarcRecord rec;
  for (;;) {
    bool done = false;
    Status s = (*reader)->Next(&rec, &done);
    if (!s.ok()) {
      errors->push_back({path, s});
      ++stats.errors;
    } else if (!done) {
      ++stats.records;
      if (rec.type != "response") {
        ++stats.skipped_non_response;
      } else if (rec.http_status != 200) {
        ++stats.skipped_status;
      } else if (rec.content_type != "text/html" &&
                 rec.content_type != "application/xhtml+xml") {
        ++stats.skipped_non_html;
      } else {
        RawArticle a;
        a.source = path + "#record-" +
                   std::to_string(stats.records + (*reader)->skipped_records());
        stats.payload_bytes += rec.body.size();
        if (lazy && rec.file_offset >= 0) {
          a.load = [path, opts, at = static_cast<uint64_t>(rec.file_offset),
                    uri = rec.target_uri]() {
            return ReadWarcPayloadAt(path, opts, at, uri);
          };
        } else {
          a.bytes = std::move(rec.body);
        }
        a.format = RawArticle::Format::kHtml;
        a.url = rec.target_uri;
        a.charset = rec.charset;
        // WARC-Date is when the page was fetched, not published: it is not
        // used as the publication date.
        out->push_back(std::move(a));
        ++stats.articles;
      }
    }
    if (done) break;
  }
  stats.skipped_non_response += (*reader)->skipped_records();
  stats.records += (*reader)->skipped_records();
  return stats;
}

}  // namespace dossier
