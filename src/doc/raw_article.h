// RawArticle: one input article as read, before any processing.
//
// Produced by ingest/ (files, folders, JSONL, stdin) and turned into a
// Document by text/normalizer.h. `bytes` are untrusted: not yet validated as
// UTF-8. Value type (copyable; `load` shares its state).
#ifndef DOSSIER_DOC_RAW_ARTICLE_H_
#define DOSSIER_DOC_RAW_ARTICLE_H_

#include <functional>
#include <string>

#include "base/status.h"

namespace dossier {

struct RawArticle {
  enum class Format { kText, kHtml };

  std::string source;  // "path", "path:LINE" for JSONL, "-" for stdin
  std::string bytes;   // the article text (or HTML) exactly as given
  Format format = Format::kText;
  // Metadata given with the input (JSONL fields); empty when absent.
  std::string title;
  std::string url;
  std::string outlet;
  std::string published;  // as given; the normalizer checks it is ISO 8601
  // Character set declared by the transport (an HTTP Content-Type header in
  // a WARC record); empty when none. Only used for HTML.
  std::string charset;
  // When set, `bytes` is empty and this returns them: a large source (a
  // WARC archive) is then re-read one article at a time by the worker that
  // processes it instead of being held in memory. Called at most once,
  // from any thread; must be thread-safe.
  std::function<StatusOr<std::string>()> load;
};

}  // namespace dossier

#endif  // DOSSIER_DOC_RAW_ARTICLE_H_
