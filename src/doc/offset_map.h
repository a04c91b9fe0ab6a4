// OffsetMap: maps byte offsets in a document's clean text back to byte
// offsets in the raw input it was made from (sentencepiece-style).
//
// The map is a sorted list of anchors (clean, raw). Between two anchors the
// text was copied byte for byte, so raw = anchor.raw + (clean - anchor.clean)
// as long as that stays below the next anchor's raw offset; a position inside
// a replaced region maps to the start of that region. Maps compose, so a text
// that went through several rewrites still points at the original bytes.
// Immutable once built; safe to read from many threads.
#ifndef DOSSIER_DOC_OFFSET_MAP_H_
#define DOSSIER_DOC_OFFSET_MAP_H_

#include <cstdint>
#include <vector>

namespace dossier {

class OffsetMap {
 public:
  struct Anchor {
    uint32_t clean;
    uint32_t raw;
  };

  // The identity map over `length` bytes.
  static OffsetMap Identity(uint32_t length);

  // Builder use: records that clean offset `clean` comes from raw offset
  // `raw`. Calls must have non-decreasing `clean`; a call with the same
  // `clean` as the last replaces it.
  void Add(uint32_t clean, uint32_t raw);
  // Sets the total lengths (clean and raw) so the end offset maps too.
  void Finish(uint32_t clean_length, uint32_t raw_length);

  // Raw offset for clean offset `clean` (0 <= clean <= clean_length).
  uint32_t ToRaw(uint32_t clean) const;

  // Raw end offset for a span ending at clean offset `clean_end`: where the
  // raw bytes of the last clean byte before it end. Unlike ToRaw(), it does
  // not run on over raw bytes that were dropped after the span (trailing
  // spaces, invisible characters).
  uint32_t ToRawEnd(uint32_t clean_end) const;

  // The map clean(outer) -> raw(inner): `outer` maps a newer text to the
  // text that `inner` maps to raw input.
  static OffsetMap Compose(const OffsetMap& outer, const OffsetMap& inner);

  uint32_t clean_length() const { return clean_length_; }
  uint32_t raw_length() const { return raw_length_; }
  const std::vector<Anchor>& anchors() const { return anchors_; }

 private:
  std::vector<Anchor> anchors_;
  uint32_t clean_length_ = 0;
  uint32_t raw_length_ = 0;
};

}  // namespace dossier

#endif  // DOSSIER_DOC_OFFSET_MAP_H_
