// The NER model file: encoding and validated decoding (internal to
// src/ner). The layout is documented in src/ner/README.md ("Model file").
//
// Little-endian. A 64-byte header (magic "DSNERMDL", format version,
// feature-set version, tag count, feature count, gazetteer size, quantizer
// scale, training epochs and seed, payload sizes and CRC-32) followed by a
// zlib-compressed payload: transition scores (int32), feature keys (sorted
// uint64, delta-coded, byte planes), weights (int16, tag-major, byte planes)
// and the gazetteer (uint64 phrase keys, delta-coded, and uint8 type masks).
// DecodeModel checks every size, the CRC and the key order, so a truncated
// or corrupt file yields an error Status, never a crash.
// Pure functions; thread-safe.
#ifndef DOSSIER_NER_MODEL_FILE_H_
#define DOSSIER_NER_MODEL_FILE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace dossier {
namespace ner_internal {

inline constexpr uint32_t kModelFormatVersion = 1;
inline constexpr size_t kModelHeaderSize = 64;

struct ModelData {
  uint32_t feature_set_version = 0;
  float scale = 1.0f;     // quantized = round(weight * scale)
  uint32_t epochs = 0;    // informational
  uint64_t seed = 0;      // informational
  std::vector<int32_t> trans;  // kTransRows * kNumTags
  std::vector<uint64_t> keys;  // sorted, unique
  std::vector<int16_t> weights;  // keys.size() * kNumTags, feature-major
  std::vector<uint64_t> gazetteer_keys;  // sorted, unique
  std::vector<uint8_t> gazetteer_masks;
  uint32_t gazetteer_max_tokens = 0;
};

// Serializes `m` (keys must be sorted and unique). Deterministic.
std::string EncodeModel(const ModelData& m);
// Parses and validates a model file's bytes (kInvalidArgument on any
// defect: "ner model: ...").
StatusOr<ModelData> DecodeModel(std::string_view bytes);

}  // namespace ner_internal
}  // namespace dossier

#endif  // DOSSIER_NER_MODEL_FILE_H_
