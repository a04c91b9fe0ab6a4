// PosModel: a trained Penn Treebank part-of-speech tagger for English.
//
// A greedy left-to-right averaged perceptron: every token's hashed features
// (pos/features.h, including the two tags predicted before it) score the 46
// tags and the best one is taken. The model keeps, per feature, only the
// tags with a non-zero (int16-quantized) weight. Trained by TrainPos
// (pos/train.h) on CoNLL-2003's POS column.
//
// A model is immutable once loaded; Tag() is const and thread-safe (threads
// may share one model), each thread using its own PosScratch. With a warm
// scratch tagging allocates nothing.
//
// Model file (little-endian): magic "DSPOSMDL", format version, feature-set
// version, tags, N keys, E entries, scale (float32), epochs, seed, payload
// sizes and CRC-32, then a zlib payload: N keys (uint64, sorted,
// delta-coded as 8 byte planes), N entry counts (uint8), E tags (uint8), E
// weights (int16 as 2 byte planes). The loader checks all of it; a corrupt
// file gives kInvalidArgument ("pos model: ..."), never a crash.
#ifndef DOSSIER_POS_MODEL_H_
#define DOSSIER_POS_MODEL_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/model_bytes.h"
#include "base/status.h"
#include "pos/features.h"

namespace dossier {

using PosScratch = pos_internal::PosScratch;

struct PosModelInfo {
  uint32_t features = 0;  // keys
  uint32_t entries = 0;   // (feature, tag) weights
  uint32_t epochs = 0;
  uint64_t seed = 0;
  float scale = 0;
};

// The contents of a model file, as training produces it.
struct PosModelTables {
  std::vector<uint64_t> keys;    // sorted, unique
  std::vector<uint8_t> counts;   // entries per key (>= 1)
  std::vector<uint8_t> tags;     // per entry
  std::vector<int16_t> weights;  // per entry
  PosModelInfo info;
};
std::string EncodePosModel(const PosModelTables& tables);

class PosModel {
 public:
  static StatusOr<PosModel> Load(const std::string& path);
  static StatusOr<PosModel> FromBytes(std::string_view bytes);

  // Tags one sentence; `tags` gets one PosTag per token.
  void Tag(std::span<const std::string_view> tokens, PosScratch* scratch,
           std::vector<uint8_t>* tags) const;

  const PosModelInfo& info() const { return info_; }

 private:
  model_bytes::SparseIndex index_;  // offsets into tags_/weights_
  std::vector<uint8_t> tags_;
  std::vector<int16_t> weights_;
  PosModelInfo info_;
};

}  // namespace dossier

#endif  // DOSSIER_POS_MODEL_H_
