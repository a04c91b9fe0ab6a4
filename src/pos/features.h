// Feature extraction for the part-of-speech tagger (internal to src/pos;
// used by training and tagging alike so that both see the same features).
//
// PreparePosTokens() hashes each token once (word, lower case with digits
// as '0', suffixes of 1-4 bytes, first byte, compressed shape, flags); curly
// quotes, guillemets and dashes are read as their ASCII forms so that text
// from the tokenizer looks like the Treebank's. PosFeatures() then writes
// the features of token i given the two tags predicted before it (greedy
// left-to-right decoding). Hashes are ner's FNV-1a + murmur finalizer
// (ner/features.h), mixed with a template id; deterministic everywhere.
// Reentrant; a scratch is used by one thread at a time.
#ifndef DOSSIER_POS_FEATURES_H_
#define DOSSIER_POS_FEATURES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace dossier {
namespace pos_internal {

// Bumped whenever the features computed for an input change.
inline constexpr uint32_t kPosFeatureSetVersion = 1;
inline constexpr int kMaxPosFeatures = 32;

struct PosTokenInfo {
  uint64_t word, lower, shape, prefix1;
  uint64_t suffix[4];  // 1..4 bytes of the lower-case form (0 if shorter)
  uint32_t flags;
};

struct PosScratch {
  std::vector<PosTokenInfo> info;
  std::vector<uint64_t> feats;
  std::vector<int32_t> scores;
};

// Hashes tokens [0, n) of one sentence into s->info.
void PreparePosTokens(const std::string_view* tokens, size_t n, PosScratch* s);

// Writes the features of token i (of the n prepared ones), given the tags of
// tokens i-1 and i-2 (0 at the sentence start), to `out` (at most
// kMaxPosFeatures); returns how many.
int PosFeatures(const PosScratch& s, size_t n, size_t i, uint8_t prev1,
                uint8_t prev2, uint64_t* out);

}  // namespace pos_internal
}  // namespace dossier

#endif  // DOSSIER_POS_FEATURES_H_
