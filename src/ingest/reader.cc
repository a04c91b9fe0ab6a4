#include "ingest/reader.h"
#include "ingest/warc_reader.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace dossier {
namespace {

namespace fs = std::filesystem;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

enum class FileKind { kText, kHtml, kJsonl, kWarc, kOther };

FileKind KindOf(const std::string& path) {
  std::string name = Lower(fs::path(path).filename().string());
  auto ends_with = [&](std::string_view suffix) {
    return name.size() >= suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends_with(".warc") || ends_with(".warc.gz")) return FileKind::kWarc;
  std::string ext = Lower(fs::path(path).extension().string());
  if (ext == ".txt" || ext == ".text" || ext == ".md") return FileKind::kText;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return FileKind::kHtml;
  if (ext == ".jsonl" || ext == ".ndjson") return FileKind::kJsonl;
  return FileKind::kOther;
}

std::string MiB(size_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
  return buf;
}

Status TooLarge(size_t size, size_t limit, const char* option) {
  return Status(ErrorCode::kTooLarge,
                "input is " + MiB(size) + ", over the limit of " + MiB(limit) +
                    " (raise it with " + option + ")");
}

Status ErrnoStatus(const std::string& what) {
  return Status(ErrorCode::kUnreadable, what + ": " + std::strerror(errno));
}

// Reads a whole stream of at most `limit` bytes.
StatusOr<std::string> ReadAll(std::FILE* f, size_t limit) {
  std::string data;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    if (data.size() + n > limit) {
      size_t total = data.size() + n;
      while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) total += n;
      return TooLarge(total, limit, "--max-doc-bytes");
    }
    data.append(buf, n);
  }
  if (std::ferror(f)) return ErrnoStatus("read failed");
  return data;
}

StatusOr<std::string> ReadFile(const std::string& path, size_t limit) {
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec) {
    return Status(ErrorCode::kUnreadable, ec.message());
  }
  if (fs::is_directory(st)) {
    return Status(ErrorCode::kUnreadable, "is a directory");
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return ErrnoStatus("cannot open");
  struct stat sb;
  if (fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) &&
      static_cast<size_t>(sb.st_size) > limit) {
    std::fclose(f);
    return TooLarge(static_cast<size_t>(sb.st_size), limit, "--max-doc-bytes");
  }
  StatusOr<std::string> data = ReadAll(f, limit);
  std::fclose(f);
  return data;
}

// Splits a stream into lines without ever holding more than `limit` bytes
// of one line; calls fn(line_number, line, too_long_size).
template <typename Fn>
Status ForEachLine(std::FILE* f, size_t limit, Fn fn) {
  std::string line;
  size_t line_no = 1;
  size_t overflow = 0;  // bytes of the current line beyond what we keep
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    const char* p = buf;
    const char* end = buf + n;
    while (p < end) {
      const char* nl = static_cast<const char*>(std::memchr(p, '\n', end - p));
      const char* stop = nl ? nl : end;
      size_t len = static_cast<size_t>(stop - p);
      if (overflow > 0 || line.size() + len > limit) {
        overflow += len + line.size();
        line.clear();
      } else {
        line.append(p, len);
      }
      if (nl == nullptr) break;
      fn(line_no, std::string_view(line), overflow);
      line.clear();
      overflow = 0;
      ++line_no;
      p = nl + 1;
    }
  }
  if (std::ferror(f)) return ErrnoStatus("read failed");
  if (!line.empty() || overflow > 0) fn(line_no, std::string_view(line), overflow);
  return Status::Ok();
}

bool StringField(const rapidjson::Value& obj, const char* name,
                 std::string* out, Status* error) {
  auto it = obj.FindMember(name);
  if (it == obj.MemberEnd() || it->value.IsNull()) return false;
  if (!it->value.IsString()) {
    *error = Status(ErrorCode::kMalformedJson,
                    std::string("field '") + name + "' is not a string");
    return false;
  }
  out->assign(it->value.GetString(), it->value.GetStringLength());
  return true;
}

void ReadOne(const std::string& path, FileKind kind, const IngestOptions& opts,
             IngestResult& out) {
  if (kind == FileKind::kWarc) {
    WarcOptions wopts;
    wopts.max_record_bytes = opts.max_doc_bytes;
    WarcStats st = ReadWarc(path, wopts, &out.articles, &out.errors);
    out.warc.records += st.records;
    out.warc.articles += st.articles;
    out.warc.skipped_non_response += st.skipped_non_response;
    out.warc.skipped_status += st.skipped_status;
    out.warc.skipped_non_html += st.skipped_non_html;
    out.warc.errors += st.errors;
    out.warc.payload_bytes += st.payload_bytes;
    ++out.warc.archives;
    return;
  }
  if (kind == FileKind::kJsonl) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
      out.errors.push_back({path, ErrnoStatus("cannot open")});
      return;
    }
    ReadJsonl(f, path, opts, out);
    std::fclose(f);
    return;
  }
  StatusOr<std::string> data = ReadFile(path, opts.max_doc_bytes);
  if (!data.ok()) {
    out.errors.push_back({path, data.status()});
    return;
  }
  RawArticle a;
  a.source = path;
  a.bytes = std::move(data).value();
  a.format = kind == FileKind::kHtml ? RawArticle::Format::kHtml
                                     : RawArticle::Format::kText;
  out.articles.push_back(std::move(a));
}

}  // namespace

StatusOr<RawArticle> ParseJsonlLine(std::string_view line,
                                    const std::string& source,
                                    const IngestOptions& opts) {
  rapidjson::Document d;
  d.Parse<rapidjson::kParseStopWhenDoneFlag>(line.data(), line.size());
  if (d.HasParseError()) {
    return Status(ErrorCode::kMalformedJson,
                  std::string("invalid JSON at column ") +
                      std::to_string(d.GetErrorOffset() + 1) + ": " +
                      rapidjson::GetParseError_En(d.GetParseError()));
  }
  if (!d.IsObject()) {
    return Status(ErrorCode::kMalformedJson, "line is not a JSON object");
  }
  RawArticle a;
  a.source = source;
  Status err;
  std::string body;
  if (StringField(d, "text", &body, &err) && !body.empty()) {
    a.format = RawArticle::Format::kText;
  } else if (err.ok() && StringField(d, "html", &body, &err) && !body.empty()) {
    a.format = RawArticle::Format::kHtml;
  }
  if (!err.ok()) return err;
  if (body.empty()) {
    return Status(ErrorCode::kMissingField,
                  "object has no non-empty 'text' or 'html' field");
  }
  if (body.size() > opts.max_doc_bytes) {
    return TooLarge(body.size(), opts.max_doc_bytes, "--max-doc-bytes");
  }
  a.bytes = std::move(body);
  StringField(d, "title", &a.title, &err);
  StringField(d, "url", &a.url, &err);
  StringField(d, "outlet", &a.outlet, &err);
  StringField(d, "published", &a.published, &err);
  if (!err.ok()) return err;
  return a;
}

void ReadJsonl(std::FILE* stream, const std::string& name,
               const IngestOptions& opts, IngestResult& out) {
  Status st = ForEachLine(
      stream, opts.max_line_bytes,
      [&](size_t line_no, std::string_view line, size_t overflow) {
        std::string source = name + ":" + std::to_string(line_no);
        if (overflow > 0) {
          out.errors.push_back(
              {source, Status(ErrorCode::kLineTooLong,
                              "line is " + MiB(overflow) + ", over the limit of " +
                                  MiB(opts.max_line_bytes) +
                                  " (raise it with --max-line-bytes)")});
          return;
        }
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) return;
        StatusOr<RawArticle> a = ParseJsonlLine(line, source, opts);
        if (!a.ok()) {
          out.errors.push_back({source, a.status()});
        } else {
          out.articles.push_back(std::move(a).value());
        }
      });
  if (!st.ok()) out.errors.push_back({name, st});
}

std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs,
                                      const IngestOptions& opts,
                                      size_t* skipped) {
  std::vector<std::string> files;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (in != "-" && fs::is_directory(in, ec)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(
          in, fs::directory_options::skip_permission_denied, ec);
      for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::path& p = it->path();
        std::string leaf = p.filename().string();
        if (!leaf.empty() && leaf[0] == '.') {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (!it->is_regular_file(ec)) continue;
        if (opts.folder_known_extensions_only &&
            KindOf(p.string()) == FileKind::kOther) {
          if (skipped) ++*skipped;
          continue;
        }
        found.push_back(p.string());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(in);
    }
  }
  return files;
}

IngestResult ReadInputs(const std::vector<std::string>& inputs,
                        const IngestOptions& opts) {
  IngestResult out;
  for (const std::string& path : ExpandInputs(inputs, opts, &out.skipped_files)) {
    if (path == "-") {
      // Peek at the first non-blank byte to choose the format.
      StatusOr<std::string> data = ReadAll(stdin, opts.max_doc_bytes);
      if (!data.ok()) {
        out.errors.push_back({"-", data.status()});
        continue;
      }
      size_t first = data->find_first_not_of(" \t\r\n");
      if (first != std::string::npos && (*data)[first] == '{') {
        std::FILE* mem = fmemopen(data->data(), data->size(), "rb");
        if (mem != nullptr) {
          ReadJsonl(mem, "-", opts, out);
          std::fclose(mem);
          continue;
        }
      }
      RawArticle a;
      a.source = "-";
      a.bytes = std::move(data).value();
      out.articles.push_back(std::move(a));
      continue;
    }
    FileKind kind = KindOf(path);
    ReadOne(path, kind == FileKind::kOther ? FileKind::kText : kind, opts, out);
  }
  return out;
}

}  // namespace dossier
