// AttributionModel: a trained tagger of attribution roles (source, cue,
// content) over the tokens of one sentence, as PolNeAR annotates them.
//
// A first-order structured averaged perceptron (Collins 2002) with Viterbi
// decoding over seven BIO labels: O, B/I-Source, B/I-Cue, B/I-Content.
// Token features (quotes/attribution_features.h) are hashed into 64-bit
// keys; the model keeps per key only the labels with a non-zero int16
// weight (the layout of src/pos's model), plus a 7x7 transition table.
// Trained by TrainAttributionModel (quotes/attribution_train.h) on
// PolNeAR's training split; QuoteStage uses it for sentences the rules
// give no attribution.
//
// A model is immutable once loaded; Tag() is const and thread-safe, each
// thread using its own AttributionScratch. With a warm scratch tagging
// allocates nothing.
//
// Model file (little-endian): magic "DSQATMDL", format version, feature-set
// version, labels, N keys, E entries, epochs, seed, payload sizes and
// CRC-32, then a zlib payload: 49 transition weights (int16), N keys
// (uint64, sorted, delta-coded as 8 byte planes), N entry counts (uint8), E
// labels (uint8), E weights (int16 as 2 byte planes). The loader checks all
// of it; a corrupt file gives kInvalidArgument ("quotes model: ..."), never
// a crash.
#ifndef DOSSIER_QUOTES_ATTRIBUTION_MODEL_H_
#define DOSSIER_QUOTES_ATTRIBUTION_MODEL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/model_bytes.h"
#include "base/status.h"
#include "quotes/attribution_features.h"

namespace dossier {

struct AttributionModelInfo {
  uint32_t features = 0;  // keys
  uint32_t entries = 0;   // (feature, label) weights
  uint32_t epochs = 0;
  uint64_t seed = 0;
};

// The contents of a model file, as training produces it.
struct AttributionModelTables {
  int16_t transitions[attr_internal::kNumLabels][attr_internal::kNumLabels] =
      {};                        // [previous][current]
  std::vector<uint64_t> keys;    // sorted, unique
  std::vector<uint8_t> counts;   // entries per key (>= 1)
  std::vector<uint8_t> labels;   // per entry
  std::vector<int16_t> weights;  // per entry
  AttributionModelInfo info;
};
std::string EncodeAttributionModel(const AttributionModelTables& tables);

class AttributionModel {
 public:
  static StatusOr<AttributionModel> Load(const std::string& path);
  static StatusOr<AttributionModel> FromBytes(std::string_view bytes);

  // Labels the sentence [first, end) of a document whose tokens `s` holds
  // (attr_internal::PrepareAttributionTokens); `labels` gets end - first
  // labels (attr_internal::Label). An I- label only follows its B- or I-.
  void Tag(uint32_t first, uint32_t end, AttributionScratch* s,
           std::vector<uint8_t>* labels) const;

  // The emission scores (kNumLabels per token) of the sentence whose
  // features s->feats holds; used by Tag() and by training's checks.
  void Emissions(uint32_t n, AttributionScratch* s) const;

  const AttributionModelInfo& info() const { return info_; }

 private:
  int16_t trans_[attr_internal::kNumLabels][attr_internal::kNumLabels] = {};
  model_bytes::SparseIndex index_;  // offsets into labels_/weights_
  std::vector<uint8_t> labels_;
  std::vector<int16_t> weights_;
  AttributionModelInfo info_;
};

// The model compiled into the binary (models/quotes/eng.model); null when
// that file is empty (or does not load). QuoteStage::set_model() replaces
// it (a model loaded with AttributionModel::Load, or null for rules only).
std::shared_ptr<const AttributionModel> DefaultAttributionModel();
std::string_view DefaultAttributionModelBytes();
// The roles tagger compiled into the binary (models/quotes/eng-roles.model,
// `dossier train quotes --roles`): features relative to known cues
// (AttributionScratch::cue_mask); null when that file is empty.
std::shared_ptr<const AttributionModel> DefaultRolesModel();
std::string_view DefaultRolesModelBytes();

}  // namespace dossier

#endif  // DOSSIER_QUOTES_ATTRIBUTION_MODEL_H_
