// AlignToSource: an offset map from text extracted from an HTML page back to
// the bytes of the page, so that every quote or name found in the extracted
// text can be traced to the markup it came from.
//
// The extractor works on a parsed tree, which keeps no byte positions, so the
// map is rebuilt afterwards by alignment: the page is scanned once into its
// visible characters (tags, comments and script/style contents skipped,
// character references decoded with libxml2's entity table, whitespace
// ignored), each with its byte offset; then each paragraph of the extracted
// text is searched for, in order, in that stream. Long paragraphs are placed
// first (a monotonic cursor), short ones (headings, list items) only in the
// gap between their placed neighbours, so a heading that also appears in a
// menu is not matched in the menu. A paragraph that cannot be found whole is
// aligned word by word inside its gap; what still cannot be placed maps to
// the start of the gap (a zero-width anchor), never to a wrong later place.
// Whitespace in the extracted text maps to where the previous character
// ended.
//
// Contract: `page` is the UTF-8 page as given to the extractor; the result
// maps [0, text.size()] into [0, page.size()] with non-decreasing raw offsets.
// Pure function; thread-safe. Linear in the page size plus, per paragraph, a
// substring search over its gap.
#ifndef DOSSIER_HTML_SOURCE_ALIGN_H_
#define DOSSIER_HTML_SOURCE_ALIGN_H_

#include <cstddef>
#include <string_view>

#include "doc/offset_map.h"

namespace dossier {

struct AlignStats {
  size_t paragraphs = 0;
  size_t exact = 0;       // found whole
  size_t by_words = 0;    // aligned word by word (at least one word placed)
  size_t unplaced = 0;    // mapped to a zero-width anchor
  size_t chars = 0;         // non-space bytes of the text
  size_t placed_chars = 0;  // of which found in the page
};

OffsetMap AlignToSource(std::string_view text, std::string_view page,
                        AlignStats* stats = nullptr);

}  // namespace dossier

#endif  // DOSSIER_HTML_SOURCE_ALIGN_H_
