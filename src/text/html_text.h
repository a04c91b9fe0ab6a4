// HtmlToText: plain text from an HTML page, for articles given as HTML.
//
// Parses with libxml2's forgiving HTML parser (no network, no error output)
// and keeps the text of the page: each block element (p, h1-h6, li,
// blockquote, div, tr, br, ...) becomes its own paragraph, paragraphs are
// separated by blank lines, runs of HTML whitespace collapse to one space
// (except inside <pre>), entities are decoded. <title>, <head>, script,
// style, noscript, nav, footer, aside and similar chrome are dropped.
// This is a stop-gap: offsets of the resulting Document refer to this
// extracted text, not to the HTML bytes.
// Thread-safe (libxml2 is initialised once).
#ifndef DOSSIER_TEXT_HTML_TEXT_H_
#define DOSSIER_TEXT_HTML_TEXT_H_

#include <string>
#include <string_view>

#include "base/status.h"

namespace dossier {

// Returns the text of `html` (UTF-8 in, UTF-8 out); an empty string when the
// page holds no text. Fails with kTextEncoding when libxml2 cannot build a
// tree at all.
StatusOr<std::string> HtmlToText(std::string_view html);

}  // namespace dossier

#endif  // DOSSIER_TEXT_HTML_TEXT_H_
