// Viterbi decoding over BILOU tags with hard constraints (internal to
// src/ner; shared by training and tagging).
//
// Scores: `emit` holds n * kNumTags int32 emission scores (token-major);
// `trans` holds (kNumTags + 2) * kNumTags int32 values: rows 0..16 are
// transition scores prev -> cur, row 17 the start scores, row 18 the end
// scores. Only well-formed BILOU sequences are considered (B-t and I-t are
// followed by I-t or L-t; everything else by O, B-x or U-x; a sentence
// starts with O/B/U and ends with O/L/U). Ties are broken towards the lower
// tag number, so decoding is deterministic. Reentrant; buffers come from
// the caller's DecodeScratch.
#ifndef DOSSIER_NER_DECODE_H_
#define DOSSIER_NER_DECODE_H_

#include <cstdint>
#include <vector>

#include "ner/features.h"

namespace dossier {
namespace ner_internal {

inline constexpr int kTransRows = kNumTags + 2;
inline constexpr int kStartRow = kNumTags;
inline constexpr int kEndRow = kNumTags + 1;

// True if tag `cur` may follow tag `prev` (prev == -1: sentence start).
bool AllowedTransition(int prev, int cur);
// True if a sentence may end with `tag`.
bool AllowedEnd(int tag);

struct DecodeScratch {
  std::vector<int64_t> score;  // 2 * kNumTags
  std::vector<uint8_t> back;   // n * kNumTags
};

// Writes the best tag of each of the n tokens to tags[0..n).
void Viterbi(const int32_t* emit, const int32_t* trans, uint32_t n,
             DecodeScratch* s, uint8_t* tags);

}  // namespace ner_internal
}  // namespace dossier

#endif  // DOSSIER_NER_DECODE_H_
