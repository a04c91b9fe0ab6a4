// Small helpers shared by the report writers: spans clamped to a text, so
// that a stage bug (an offset past the end) never makes a writer throw.
// Header-only, pure functions: thread-safe.
#ifndef DOSSIER_REPORT_TEXT_UTIL_H_
#define DOSSIER_REPORT_TEXT_UTIL_H_

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "doc/layers.h"

namespace dossier::report_internal {

// `span` limited to [0, size] with start <= end.
inline Span ClampSpan(Span span, size_t size) {
  uint32_t n = static_cast<uint32_t>(size);
  Span s;
  s.end = std::min(span.end, n);
  s.start = std::min(span.start, s.end);
  return s;
}

// text[span] after clamping; never throws.
inline std::string_view SafeSlice(std::string_view text, Span span) {
  Span s = ClampSpan(span, text.size());
  return text.substr(s.start, s.size());
}

// The first UTF-8 character boundary at or after `pos` (pos <= size).
inline uint32_t NextCharBoundary(std::string_view text, uint32_t pos) {
  while (pos < text.size() &&
         (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) {
    ++pos;
  }
  return pos;
}

}  // namespace dossier::report_internal

#endif  // DOSSIER_REPORT_TEXT_UTIL_H_
