// RawArticle: one input article as read, before any processing.
//
// Produced by ingest/ (files, folders, JSONL, stdin) and turned into a
// Document by text/normalizer.h. `bytes` are untrusted: not yet validated as
// UTF-8. Plain value type.
#ifndef DOSSIER_DOC_RAW_ARTICLE_H_
#define DOSSIER_DOC_RAW_ARTICLE_H_

#include <string>

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
};

}  // namespace dossier

#endif  // DOSSIER_DOC_RAW_ARTICLE_H_
