#include "report/span_renderer.h"

#include <algorithm>
#include <cstdint>

#include "report/text_util.h"

namespace dossier {
namespace {

using report_internal::NextCharBoundary;

struct Event {
  uint32_t pos;
  bool open;     // false: close
  uint32_t len;  // span length, for ordering opens
  uint32_t idx;  // index into the clipped spans
};

void AppendText(std::string_view text, uint32_t from, uint32_t to,
                const RenderOptions& opts, std::string& out) {
  if (from >= to) return;
  std::string_view piece = text.substr(from, to - from);
  if (!opts.newline_to_br) {
    AppendHtmlEscaped(piece, out);
    return;
  }
  size_t start = 0;
  while (start <= piece.size()) {
    size_t nl = piece.find('\n', start);
    if (nl == std::string_view::npos) {
      AppendHtmlEscaped(piece.substr(start), out);
      break;
    }
    AppendHtmlEscaped(piece.substr(start, nl - start), out);
    out += "<br>\n";
    start = nl + 1;
  }
}

}  // namespace

void AppendHtmlEscaped(std::string_view s, std::string& out) {
  size_t run = 0;  // start of the pending run of plain bytes
  for (size_t i = 0; i < s.size(); ++i) {
    const char* rep;
    switch (s[i]) {
      case '&':
        rep = "&amp;";
        break;
      case '<':
        rep = "&lt;";
        break;
      case '>':
        rep = "&gt;";
        break;
      case '"':
        rep = "&quot;";
        break;
      case '\'':
        rep = "&#39;";
        break;
      default:
        continue;
    }
    out.append(s.data() + run, i - run);
    out += rep;
    run = i + 1;
  }
  out.append(s.data() + run, s.size() - run);
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  AppendHtmlEscaped(s, out);
  return out;
}

void RenderSpans(std::string_view text, Span range,
                 const std::vector<MarkupSpan>& spans,
                 const RenderOptions& opts, std::string& out,
                 std::vector<char>* started) {
  if (started != nullptr && started->size() < spans.size()) {
    started->resize(spans.size(), 0);
  }
  // Clip the range to the text and to character boundaries.
  uint32_t size = static_cast<uint32_t>(text.size());
  uint32_t r_end = NextCharBoundary(text, std::min(range.end, size));
  uint32_t r_start = NextCharBoundary(text, std::min(range.start, r_end));

  // Clipped extents of the spans that overlap the range.
  std::vector<Span> clipped;
  std::vector<uint32_t> source;  // clipped[i] is spans[source[i]]
  for (uint32_t i = 0; i < spans.size(); ++i) {
    Span s = spans[i].span;
    uint32_t a =
        NextCharBoundary(text, std::max(std::min(s.start, size), r_start));
    uint32_t b = NextCharBoundary(text, std::min(std::min(s.end, size), r_end));
    if (a >= b) continue;
    clipped.push_back(Span{a, b});
    source.push_back(i);
  }

  std::vector<Event> events;
  events.reserve(clipped.size() * 2);
  for (uint32_t i = 0; i < clipped.size(); ++i) {
    uint32_t len = clipped[i].size();
    events.push_back(Event{clipped[i].start, true, len, i});
    events.push_back(Event{clipped[i].end, false, len, i});
  }
  // By offset; closes before opens; longer opens first; then input order.
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    if (a.pos != b.pos) return a.pos < b.pos;
    if (a.open != b.open) return !a.open;
    if (a.len != b.len) return a.len > b.len;
    return a.idx < b.idx;
  });

  std::vector<uint32_t> stack;  // open spans, outermost first
  std::vector<char> opened(clipped.size(), 0);
  if (started != nullptr) {
    for (uint32_t i = 0; i < clipped.size(); ++i) {
      opened[i] = (*started)[source[i]];
    }
  }
  std::vector<char> closing(clipped.size(), 0);
  std::vector<uint32_t> to_open;
  uint32_t cursor = r_start;
  size_t e = 0;
  while (e < events.size()) {
    uint32_t pos = events[e].pos;
    AppendText(text, cursor, pos, opts, out);
    cursor = pos;

    // All closes at `pos`: unwind the stack down to the outermost closing
    // span; spans above it that stay open are split (reopened below).
    to_open.clear();
    size_t lowest = stack.size();
    for (; e < events.size() && events[e].pos == pos && !events[e].open; ++e) {
      closing[events[e].idx] = 1;
      for (size_t k = 0; k < lowest; ++k) {
        if (stack[k] == events[e].idx) {
          lowest = k;
          break;
        }
      }
    }
    while (stack.size() > lowest) {
      uint32_t top = stack.back();
      stack.pop_back();
      out += spans[source[top]].close;
      if (!closing[top]) to_open.push_back(top);
    }

    // Opens at `pos`, together with the split spans: longer (outer) first.
    for (; e < events.size() && events[e].pos == pos; ++e) {
      to_open.push_back(events[e].idx);
    }
    std::stable_sort(to_open.begin(), to_open.end(),
                     [&clipped](uint32_t a, uint32_t b) {
                       if (clipped[a].end != clipped[b].end) {
                         return clipped[a].end > clipped[b].end;
                       }
                       if (clipped[a].start != clipped[b].start) {
                         return clipped[a].start < clipped[b].start;
                       }
                       return a < b;
                     });
    for (uint32_t i : to_open) {
      const MarkupSpan& m = spans[source[i]];
      out += (opened[i] && !m.reopen.empty()) ? m.reopen : m.open;
      opened[i] = 1;
      if (started != nullptr) (*started)[source[i]] = 1;
      stack.push_back(i);
    }
  }
  AppendText(text, cursor, r_end, opts, out);
}

}  // namespace dossier
