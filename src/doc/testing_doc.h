// Test-only helper: builds a Document from a string without the text/
// folder. Each non-blank line becomes one block; the first is the title
// (kTitle, copied into meta.title) unless `first_is_title` is false; the
// others are paragraphs. The offset map is the identity.
#ifndef DOSSIER_DOC_TESTING_DOC_H_
#define DOSSIER_DOC_TESTING_DOC_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "doc/document.h"

namespace dossier::testing_doc {

inline Document MakeDoc(std::string text, DocMeta meta = {},
                        bool first_is_title = true) {
  std::vector<Block> blocks;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    size_t b = pos, e = nl;
    while (b < e && (text[b] == ' ' || text[b] == '\t')) ++b;
    while (e > b &&
           (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r')) {
      --e;
    }
    if (e > b) {
      Block block;
      block.span = {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
      block.kind = blocks.empty() && first_is_title ? BlockKind::kTitle
                                                    : BlockKind::kParagraph;
      if (block.kind == BlockKind::kTitle && meta.title.empty()) {
        meta.title = text.substr(b, e - b);
      }
      blocks.push_back(std::move(block));
    }
    pos = nl + 1;
  }
  uint32_t n = static_cast<uint32_t>(text.size());
  Document doc(std::move(meta), std::move(text), OffsetMap::Identity(n));
  doc.layers().blocks = std::move(blocks);
  return doc;
}

}  // namespace dossier::testing_doc

#endif  // DOSSIER_DOC_TESTING_DOC_H_
