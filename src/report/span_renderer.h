// HTML escaping and the span renderer behind report.html.
//
// HtmlEscape is the one function every piece of article-derived text goes
// through before it reaches the page: it replaces & < > " ' with entities,
// so the result is safe both as element content and inside a quoted
// attribute value.
//
// RenderSpans writes a range of text with possibly overlapping, nested or
// crossing markup spans as always well-formed HTML: spans become open/close
// events sorted by offset (closes before opens, longer spans opened first);
// when a span must close while spans opened after it are still open, those
// are closed and reopened after it (the span is split), so tags always nest.
// Pure functions, no shared state: thread-safe.
#ifndef DOSSIER_REPORT_SPAN_RENDERER_H_
#define DOSSIER_REPORT_SPAN_RENDERER_H_

#include <string>
#include <string_view>
#include <vector>

#include "doc/layers.h"

namespace dossier {

// Appends `s` to `out` with & < > " ' replaced by entities.
void AppendHtmlEscaped(std::string_view s, std::string& out);
// `s` with & < > " ' replaced by entities.
std::string HtmlEscape(std::string_view s);

// One piece of inline markup over [span.start, span.end) of a text. The tags
// are trusted markup that the caller built (escaping any text in attributes
// with HtmlEscape).
struct MarkupSpan {
  Span span;
  std::string open;    // e.g. "<span class=\"q\" id=\"q1\">"
  std::string reopen;  // open tag for the continuation after a split (no
                       // id); empty: same as `open`
  std::string close;   // e.g. "</span>"
};

struct RenderOptions {
  bool newline_to_br = true;  // "\n" in the text becomes "<br>\n"
};

// Appends text[range] to `out`, escaped, with `spans` applied. Spans are
// clipped to `range` (and to the text), moved to UTF-8 character boundaries,
// and empty ones are dropped. At equal extent, a span listed earlier in
// `spans` encloses one listed later. `started`, when not null, remembers
// across calls which spans already had their first piece written (for spans
// that cross the ranges of several calls, e.g. a quote over two paragraphs);
// it is resized to spans.size() as needed.
void RenderSpans(std::string_view text, Span range,
                 const std::vector<MarkupSpan>& spans,
                 const RenderOptions& opts, std::string& out,
                 std::vector<char>* started = nullptr);

}  // namespace dossier

#endif  // DOSSIER_REPORT_SPAN_RENDERER_H_
