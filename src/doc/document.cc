#include "doc/document.h"

#include <utility>

namespace dossier {

std::string_view PublishedHowName(PublishedHow how) {
  switch (how) {
    case PublishedHow::kNone: return "";
    case PublishedHow::kMetadata: return "metadata";
    case PublishedHow::kDateline: return "dateline";
    case PublishedHow::kText: return "text";
    case PublishedHow::kInferred: return "inferred";
  }
  return "";
}

Document::Document(DocMeta meta, std::string text, OffsetMap offsets)
    : meta_(std::move(meta)),
      text_(std::move(text)),
      offsets_(std::move(offsets)) {}

StatusOr<Document> Document::Compact() && {
  const Layers& in = layers_;
  if (!in.sentences.empty() || !in.tokens.empty() || !in.mentions.empty() ||
      !in.quotes.empty() || !in.times.empty()) {
    return Status(ErrorCode::kInternal,
                  "Compact() called after analysis layers were added");
  }
  std::string text;
  text.reserve(text_.size());
  OffsetMap local;  // new text -> old text
  Layers out;
  out.removed = std::move(layers_.removed);
  for (const Block& b : in.blocks) {
    if (b.span.end > text_.size() || b.span.start > b.span.end) {
      return Status(ErrorCode::kInternal, "block outside the text");
    }
    if (!b.removed_why.empty()) {
      Removed r;
      r.text.assign(Slice(b.span));
      r.why = b.removed_why;
      r.at = static_cast<uint32_t>(text.size());
      r.raw_start = offsets_.ToRaw(b.span.start);
      r.raw_end = offsets_.ToRawEnd(b.span.end);
      out.removed.push_back(std::move(r));
      continue;
    }
    if (!text.empty()) {
      local.Add(static_cast<uint32_t>(text.size()), b.span.start);
      text += "\n\n";
    }
    const uint32_t start = static_cast<uint32_t>(text.size());
    local.Add(start, b.span.start);
    text.append(Slice(b.span));
    Block kept = b;
    kept.span = {start, static_cast<uint32_t>(text.size())};
    if (in.dateline && b.span.Contains(in.dateline->span)) {
      Dateline d = *in.dateline;
      d.span.start = start + (in.dateline->span.start - b.span.start);
      d.span.end = start + (in.dateline->span.end - b.span.start);
      out.dateline = std::move(d);
    }
    out.blocks.push_back(std::move(kept));
  }
  if (in.dateline && !out.dateline) {
    // The dateline's block was removed: keep what it said, without a span.
    Dateline d = *in.dateline;
    d.span = {0, 0};
    out.dateline = std::move(d);
  }
  local.Finish(static_cast<uint32_t>(text.size()),
               static_cast<uint32_t>(text_.size()));
  OffsetMap composed = OffsetMap::Compose(local, offsets_);
  Document doc(std::move(meta_), std::move(text), std::move(composed));
  doc.layers_ = std::move(out);
  return doc;
}

}  // namespace dossier
