// Reading inputs: files, folders, JSONL files and stdin -> RawArticle.
//
// ReadInputs() expands each input path (folders recursively, in byte-wise
// sorted order so runs are reproducible), reads plain-text and HTML files
// as one article each and JSONL files as one article per line (fields:
// `text` or `html`, optional `title`, `url`, `outlet`, `published`), and
// WARC archives (.warc, .warc.gz) as one HTML article per HTML 200 response
// (ingest/warc_reader.h), streamed record by record. "-"
// reads stdin (JSONL when its first non-blank byte is '{', else one text
// article). Every input that cannot be read becomes an InputError naming the
// source ("path", "path:LINE") with a stable error code; the rest goes on.
// Sizes are capped by IngestOptions so that a huge file or line is refused
// without being loaded. Thread-compatible: no shared state.
#ifndef DOSSIER_INGEST_READER_H_
#define DOSSIER_INGEST_READER_H_

#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

#include "base/status.h"
#include "doc/raw_article.h"

namespace dossier {

struct IngestOptions {
  // Largest single article (a text/HTML file, a JSONL line's text, stdin).
  size_t max_doc_bytes = size_t{64} << 20;
  // Longest JSONL line.
  size_t max_line_bytes = size_t{64} << 20;
  // Skip files in folders whose extension is not a known article format
  // (.txt .text .md .html .htm .xhtml .jsonl .ndjson .warc .warc.gz);
  // explicitly named files
  // are always read.
  bool folder_known_extensions_only = true;
};

struct InputError {
  std::string source;
  Status status;
};

// What the WARC archives among the inputs held.
struct WarcTotals {
  uint64_t archives = 0;
  uint64_t records = 0;   // records read (all types)
  uint64_t articles = 0;  // HTML 200 responses kept
  uint64_t skipped_non_response = 0;  // request, metadata, warcinfo, ...
  uint64_t skipped_status = 0;        // responses other than 200
  uint64_t skipped_non_html = 0;      // 200 responses that are not HTML
  uint64_t errors = 0;
  uint64_t payload_bytes = 0;  // HTML bytes of the pages kept
};

struct IngestResult {
  std::vector<RawArticle> articles;
  std::vector<InputError> errors;
  size_t skipped_files = 0;  // folder entries with other extensions
  WarcTotals warc;
};

// Reads every input. Never fails as a whole: problems are per input.
IngestResult ReadInputs(const std::vector<std::string>& inputs,
                        const IngestOptions& opts);

// Reads JSONL from `stream` (named `name` in sources), appending to `out`.
void ReadJsonl(std::FILE* stream, const std::string& name,
               const IngestOptions& opts, IngestResult& out);

// Parses one JSONL line into an article. `source` is "path:LINE".
StatusOr<RawArticle> ParseJsonlLine(std::string_view line,
                                    const std::string& source,
                                    const IngestOptions& opts);

// Lists the files under `inputs` in processing order (folders expanded).
// Paths that do not exist are returned as they are (reading reports them).
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs,
                                      const IngestOptions& opts,
                                      size_t* skipped);

}  // namespace dossier

#endif  // DOSSIER_INGEST_READER_H_
