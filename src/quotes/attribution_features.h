// Feature extraction for the attribution tagger (internal to src/quotes;
// shared by training and tagging so that both see the same features).
//
// PrepareAttributionTokens() makes one pass over a document: per token the
// hashes of its lower-cased form (digits as '0'), 3-byte suffix and
// compressed shape, its POS tag (Token::pos), the entity type of the
// mention holding it, and bits: a reporting verb of QuoteStage's lists,
// inside a quotation (marks paired per paragraph, straight marks toggle), a
// quotation mark. AttributionFeatures() then writes the features of token i
// of a sentence [first, end): the token, its neighbours (+-2), POS n-grams,
// its distances to the nearest reporting verb and quotation mark on either
// side, and the words of the nearest verb (by POS) and reporting verb on
// either side and of the sentence's first verb (feature set 2). Hashes are FNV-1a plus a murmur finalizer, mixed with a
// template id; deterministic everywhere. Reentrant; a scratch is used by
// one thread at a time and, once grown, allocates nothing.
#ifndef DOSSIER_QUOTES_ATTRIBUTION_FEATURES_H_
#define DOSSIER_QUOTES_ATTRIBUTION_FEATURES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "doc/document.h"

namespace dossier {

class QuoteStage;

namespace attr_internal {

// Bumped whenever the features computed for an input change.
inline constexpr uint32_t kAttrFeatureSetVersion = 2;
inline constexpr int kMaxAttrFeatures = 56;

// BIO labels over the three roles.
inline constexpr int kNumLabels = 7;
enum Label : uint8_t {
  kO = 0,
  kBSource = 1,
  kISource = 2,
  kBCue = 3,
  kICue = 4,
  kBContent = 5,
  kIContent = 6,
};
// 0 = none, 1 = source, 2 = cue, 3 = content.
inline constexpr int RoleOf(uint8_t label) { return (label + 1) / 2; }
inline constexpr bool IsBegin(uint8_t label) { return label % 2 == 1; }

enum TokenBit : uint8_t {
  kCueVerb = 1,    // in QuoteStage's reporting-verb lists
  kInQuote = 2,    // between paired quotation marks
  kQuoteMark = 4,  // a double quotation mark
  kComma = 8,      // "," ";" ":"
  kPronoun = 16,   // he/she/they/it/we/I
};

struct AttrTokenInfo {
  uint64_t lower, suffix3, shape;
  uint8_t pos, bits, entity;  // entity: 0 none, 1 + EntityType, +8 at start
};

uint64_t HashString(std::string_view s);

// Makes labels[0, n) a valid BIO sequence after roles were replaced: an
// I- label whose previous label has another role becomes B-.
void RepairBegins(uint8_t* labels, size_t n);

}  // namespace attr_internal

struct AttributionScratch {
  std::vector<attr_internal::AttrTokenInfo> info;  // per document token
  std::vector<uint16_t> cue_left, cue_right;       // per sentence token
  std::vector<uint16_t> mark_left, mark_right;
  std::vector<uint32_t> verb_left, verb_right;  // UINT32_MAX: none
  std::vector<uint32_t> cue_left_at, cue_right_at;
  // Per sentence token, 1 where a cue is known (the roles tagger, stage
  // 2: features relative to it); empty for none. Set by the caller.
  std::vector<uint8_t> cue_mask;
  std::vector<uint32_t> known_left, known_right;  // nearest masked token
  std::vector<uint64_t> feats;  // kMaxAttrFeatures per sentence token
  std::vector<uint8_t> nfeats;
  std::vector<int32_t> emit;   // kNumLabels per sentence token
  std::vector<int32_t> score;  // Viterbi
  std::vector<uint8_t> back;
};

namespace attr_internal {

// Hashes every token of `doc` into s->info.
void PrepareAttributionTokens(const Document& doc, const QuoteStage& stage,
                              AttributionScratch* s);

// Writes the features of every token of the sentence [first, end) into
// s->feats (kMaxAttrFeatures per token) and s->nfeats.
void SentenceFeatures(AttributionScratch* s, uint32_t first, uint32_t end);
// The same over the prepared tokens `info` of a document (s->info unused),
// so that training need not copy each document's tokens into the scratch.
void SentenceFeatures(const AttrTokenInfo* doc_info, AttributionScratch* s,
                      uint32_t first, uint32_t end);

}  // namespace attr_internal
}  // namespace dossier

#endif  // DOSSIER_QUOTES_ATTRIBUTION_FEATURES_H_
