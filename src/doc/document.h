// Document: one article's immutable text, its offset map back to the raw
// input, its metadata and its annotation layers.
//
// The text never changes once a Document exists; stages add layers (byte
// offsets, see doc/layers.h) and fill metadata. Cleaning happens in two
// steps: cleaning stages mark blocks as boilerplate (Block::removed_why), then
// Compact() builds a new Document whose text holds only the kept blocks,
// with the offset map composed so offsets still lead to the raw bytes and
// the dropped text listed in Layers::removed.
// A Document is movable, not copyable. One thread at a time may write it;
// many may read it once no stage writes.
#ifndef DOSSIER_DOC_DOCUMENT_H_
#define DOSSIER_DOC_DOCUMENT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "doc/layers.h"
#include "doc/offset_map.h"

namespace dossier {

// How the publication date was found.
enum class PublishedHow : uint8_t {
  kNone, kMetadata, kDateline, kText, kInferred
};
std::string_view PublishedHowName(PublishedHow how);  // "metadata", ...

// Another input that was found to be a copy of this document (an exact or
// near duplicate, e.g. a wire story republished with other boilerplate).
struct DuplicateRef {
  std::string id;
  std::string source;
  std::optional<std::string> outlet;
  double similarity = 1.0;  // estimated Jaccard similarity of word shingles
};

// One piece of evidence for an inferred publication date: a span of this
// or another document and what it says (see time/pubdate_stage.h).
struct PublishedEvidence {
  std::string doc;  // DocMeta::id of the document the span is in
  Span span;        // byte offsets into that document's text
  std::string text;  // the span's text
  std::string why;   // in words, e.g. "dated 2025-05-15 (dateline)"
  // For a time expression of the inferred document tied to another
  // document's day: that day (YYYY-MM-DD), which it then takes; else "".
  std::string value;
};

struct DocMeta {
  std::string id;      // stable within a run: "d1", "d2", ... in input order
  std::string source;  // input path, "path:line" for JSONL, or URL
  std::string title;   // from input metadata or the title block
  std::optional<std::string> outlet;
  std::string outlet_how;  // "metadata", "dateline", "footer" or empty
  std::string published;   // ISO 8601 date (YYYY-MM-DD) or empty
  PublishedHow published_how = PublishedHow::kNone;
  std::string url;
  std::string language = "und";  // BCP 47; set by meta/LanguageStage
  // True when `language` came from the input's metadata (HTML `lang`).
  bool language_from_metadata = false;
  // Authors named by the page's metadata (HTML input), in page order.
  std::vector<std::string> authors;
  // True when `title` came from input metadata (so the text has no title
  // line of its own).
  bool title_from_metadata = false;
  // With published_how kInferred: the earliest and latest possible
  // publication dates (YYYY-MM-DD; equal to `published` when one day was
  // inferred, `published` empty when it is a range), and the evidence.
  std::string published_earliest;
  std::string published_latest;
  std::vector<PublishedEvidence> published_evidence;
  // Copies of this document that were folded into it (see dedup/).
  std::vector<DuplicateRef> duplicates;
  // Set by duplicate detection on a copy: the driver then drops this
  // document from the run (its representative lists it in `duplicates`).
  bool is_duplicate = false;
  // The id of the story it belongs to (Corpus::stories), set by
  // stories/StoryStage; empty before.
  std::string story;
};

class Document {
 public:
  Document(DocMeta meta, std::string text, OffsetMap offsets);

  Document(Document&&) = default;
  Document& operator=(Document&&) = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  std::string_view text() const { return text_; }
  std::string_view Slice(Span span) const {
    return std::string_view(text_).substr(span.start, span.size());
  }
  const OffsetMap& offsets() const { return offsets_; }

  DocMeta& meta() { return meta_; }
  const DocMeta& meta() const { return meta_; }
  Layers& layers() { return layers_; }
  const Layers& layers() const { return layers_; }

  // Returns the document with every block marked removed taken out of the
  // text. Kept blocks are joined by "\n\n"; blocks and the dateline are
  // remapped, Layers::removed lists what was dropped. Fails with kInternal
  // if layers that cannot be remapped (sentences and later) already exist.
  StatusOr<Document> Compact() &&;

 private:
  DocMeta meta_;
  std::string text_;
  OffsetMap offsets_;
  Layers layers_;
};

}  // namespace dossier

#endif  // DOSSIER_DOC_DOCUMENT_H_
