#include "quotes/attribution_model.h"

#include <cstring>
#include <string_view>
#include <utility>

#include "base/model_bytes.h"

namespace dossier {
namespace {

using attr_internal::kMaxAttrFeatures;
using attr_internal::kNumLabels;

constexpr char kMagic[8] = {'D', 'S', 'Q', 'A', 'T', 'M', 'D', 'L'};
constexpr uint32_t kFormatVersion = 1;
constexpr size_t kHeader = 64;
constexpr size_t kTransBytes = kNumLabels * kNumLabels * 2;

using model_bytes::Get32;
using model_bytes::Get64;
using model_bytes::Put32;
using model_bytes::Put64;

Status Bad(const std::string& what) {
  return Status(ErrorCode::kInvalidArgument, "quotes model: " + what);
}

// I-X only after B-X or I-X; never at the sentence start.
inline bool Allowed(int prev, int cur) {
  if (cur == 0 || attr_internal::IsBegin(static_cast<uint8_t>(cur))) {
    return true;
  }
  return prev >= 0 && prev != 0 &&
         attr_internal::RoleOf(static_cast<uint8_t>(prev)) ==
             attr_internal::RoleOf(static_cast<uint8_t>(cur));
}

}  // namespace

std::string EncodeAttributionModel(const AttributionModelTables& t) {
  const size_t n = t.keys.size(), e = t.labels.size();
  std::string payload;
  payload.reserve(kTransBytes + n * 9 + e * 3);
  for (int a = 0; a < kNumLabels; ++a) {
    for (int b = 0; b < kNumLabels; ++b) {
      const uint16_t v = static_cast<uint16_t>(t.transitions[a][b]);
      payload.push_back(static_cast<char>(v & 0xFF));
      payload.push_back(static_cast<char>(v >> 8));
    }
  }
  model_bytes::AppendSparseTable(t.keys, t.counts, t.labels, t.weights,
                                 &payload);
  const std::string z = model_bytes::Compress(payload);
  std::string out(kMagic, 8);
  Put32(&out, kFormatVersion);
  Put32(&out, attr_internal::kAttrFeatureSetVersion);
  Put32(&out, kNumLabels);
  Put32(&out, static_cast<uint32_t>(n));
  Put32(&out, static_cast<uint32_t>(e));
  Put32(&out, t.info.epochs);
  Put64(&out, t.info.seed);
  Put32(&out, static_cast<uint32_t>(payload.size()));
  Put32(&out, static_cast<uint32_t>(z.size()));
  Put32(&out, model_bytes::Crc32(z));
  while (out.size() < kHeader) out.push_back('\0');
  out += z;
  return out;
}

StatusOr<AttributionModel> AttributionModel::Load(const std::string& path) {
  StatusOr<std::string> bytes = model_bytes::ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  return FromBytes(*bytes);
}

StatusOr<AttributionModel> AttributionModel::FromBytes(std::string_view bytes) {
  if (bytes.size() < kHeader) return Bad("file too short");
  const auto* h = reinterpret_cast<const unsigned char*>(bytes.data());
  if (std::memcmp(h, kMagic, 8) != 0) return Bad("not a model file");
  if (Get32(h + 8) != kFormatVersion) return Bad("unsupported format version");
  if (Get32(h + 12) != attr_internal::kAttrFeatureSetVersion) {
    return Bad("trained with another feature set; retrain it");
  }
  if (Get32(h + 16) != kNumLabels) return Bad("wrong number of labels");
  const uint32_t n = Get32(h + 20), e = Get32(h + 24);
  AttributionModel m;
  m.info_.epochs = Get32(h + 28);
  m.info_.seed = Get64(h + 32);
  const uint32_t raw = Get32(h + 40), zsize = Get32(h + 44),
                 crc = Get32(h + 48);
  if (zsize != bytes.size() - kHeader) return Bad("truncated or padded file");
  const auto* z = h + kHeader;
  if (e < n || raw != kTransBytes + static_cast<uint64_t>(n) * 9 +
                          static_cast<uint64_t>(e) * 3) {
    return Bad("inconsistent sizes");
  }
  StatusOr<std::string> inflated = model_bytes::Decompress(
      std::string_view(reinterpret_cast<const char*>(z), zsize), crc, raw,
      "quotes model");
  if (!inflated.ok()) return inflated.status();
  const std::string payload = std::move(inflated).value();
  const auto* p = reinterpret_cast<const unsigned char*>(payload.data());
  for (int a = 0; a < kNumLabels; ++a) {
    for (int b = 0; b < kNumLabels; ++b) {
      const unsigned char* q = p + 2 * (a * kNumLabels + b);
      m.trans_[a][b] = static_cast<int16_t>(q[0] | (q[1] << 8));
    }
  }
  p += kTransBytes;
  model_bytes::SparseTable table;
  Status st = model_bytes::DecodeSparseTable(p, n, e, 0, kNumLabels,
                                             "quotes model", "label", &table);
  if (!st.ok()) return st;
  m.index_.Build(table.keys, table.counts);
  m.labels_ = std::move(table.labels);
  m.weights_ = std::move(table.weights);
  m.info_.features = n;
  m.info_.entries = e;
  return m;
}

void AttributionModel::Emissions(uint32_t n, AttributionScratch* s) const {
  s->emit.assign(static_cast<size_t>(n) * kNumLabels, 0);
  for (uint32_t i = 0; i < n; ++i) {
    const uint64_t* f =
        s->feats.data() + static_cast<size_t>(i) * kMaxAttrFeatures;
    const int nf = s->nfeats[i];
    // All table loads first, then all row loads, so that their cache
    // misses overlap.
    for (int k = 0; k < nf; ++k) index_.Prefetch(f[k]);
    const model_bytes::SparseIndex::Slot* found[kMaxAttrFeatures];
    int nfound = 0;
    for (int k = 0; k < nf; ++k) {
      const model_bytes::SparseIndex::Slot* slot = index_.Find(f[k]);
      if (slot == nullptr) continue;
      __builtin_prefetch(weights_.data() + slot->offset);
      __builtin_prefetch(labels_.data() + slot->offset);
      found[nfound++] = slot;
    }
    int32_t* e = s->emit.data() + static_cast<size_t>(i) * kNumLabels;
    for (int k = 0; k < nfound; ++k) {
      const uint32_t offset = found[k]->offset, count = found[k]->count;
      for (uint32_t x = 0; x < count; ++x) {
        e[labels_[offset + x]] += weights_[offset + x];
      }
    }
  }
}

void AttributionModel::Tag(uint32_t first, uint32_t end, AttributionScratch* s,
                           std::vector<uint8_t>* labels) const {
  labels->assign(end > first ? end - first : 0, attr_internal::kO);
  if (end <= first) return;
  const uint32_t n = end - first;
  attr_internal::SentenceFeatures(s, first, end);
  Emissions(n, s);
  s->score.assign(static_cast<size_t>(n) * kNumLabels, 0);
  s->back.assign(static_cast<size_t>(n) * kNumLabels, 0);
  constexpr int32_t kMin = INT32_MIN / 4;
  for (int c = 0; c < kNumLabels; ++c) {
    s->score[c] = Allowed(-1, c) ? s->emit[c] : kMin;
  }
  for (uint32_t i = 1; i < n; ++i) {
    const int32_t* prev =
        s->score.data() + static_cast<size_t>(i - 1) * kNumLabels;
    int32_t* cur = s->score.data() + static_cast<size_t>(i) * kNumLabels;
    uint8_t* bp = s->back.data() + static_cast<size_t>(i) * kNumLabels;
    const int32_t* e = s->emit.data() + static_cast<size_t>(i) * kNumLabels;
    for (int c = 0; c < kNumLabels; ++c) {
      int32_t best = kMin;
      uint8_t arg = 0;
      for (int p = 0; p < kNumLabels; ++p) {
        if (!Allowed(p, c) || prev[p] <= kMin) continue;
        const int32_t v = prev[p] + trans_[p][c];
        if (v > best) {
          best = v;
          arg = static_cast<uint8_t>(p);
        }
      }
      cur[c] = best <= kMin ? kMin : best + e[c];
      bp[c] = arg;
    }
  }
  const int32_t* last =
      s->score.data() + static_cast<size_t>(n - 1) * kNumLabels;
  int best = 0;
  for (int c = 1; c < kNumLabels; ++c) {
    if (last[c] > last[best]) best = c;
  }
  for (uint32_t i = n; i-- > 0;) {
    (*labels)[i] = static_cast<uint8_t>(best);
    best = s->back[static_cast<size_t>(i) * kNumLabels + best];
  }
}

// --- the built-in model ----------------------------------------------------

// The model file is included byte for byte by the assembler, as in
// pos/default_model.cc. DOSSIER_QUOTES_MODEL_PATH is set by
// src/quotes/CMakeLists.txt.
__asm__(
    ".section .rodata\n"
    ".balign 64\n"
    ".global dossier_quotes_model_begin\n"
    "dossier_quotes_model_begin:\n"
    ".incbin \"" DOSSIER_QUOTES_MODEL_PATH
    "\"\n"
    ".global dossier_quotes_model_end\n"
    "dossier_quotes_model_end:\n"
    ".balign 64\n"
    ".global dossier_quotes_roles_begin\n"
    "dossier_quotes_roles_begin:\n"
    ".incbin \"" DOSSIER_QUOTES_ROLES_MODEL_PATH
    "\"\n"
    ".global dossier_quotes_roles_end\n"
    "dossier_quotes_roles_end:\n"
    ".previous\n");

extern "C" const char dossier_quotes_model_begin[];
extern "C" const char dossier_quotes_model_end[];
extern "C" const char dossier_quotes_roles_begin[];
extern "C" const char dossier_quotes_roles_end[];

std::string_view DefaultAttributionModelBytes() {
  return std::string_view(dossier_quotes_model_begin,
                          static_cast<size_t>(dossier_quotes_model_end -
                                              dossier_quotes_model_begin));
}

namespace {

// A model from embedded bytes; null when they are empty or do not load.
std::shared_ptr<const AttributionModel> EmbeddedModel(std::string_view bytes) {
  if (bytes.empty()) return nullptr;
  StatusOr<AttributionModel> m = AttributionModel::FromBytes(bytes);
  if (!m.ok()) return nullptr;
  return std::make_shared<const AttributionModel>(std::move(m).value());
}

}  // namespace

std::shared_ptr<const AttributionModel> DefaultAttributionModel() {
  static const std::shared_ptr<const AttributionModel> model =
      EmbeddedModel(DefaultAttributionModelBytes());
  return model;
}

std::string_view DefaultRolesModelBytes() {
  return std::string_view(dossier_quotes_roles_begin,
                          static_cast<size_t>(dossier_quotes_roles_end -
                                              dossier_quotes_roles_begin));
}

std::shared_ptr<const AttributionModel> DefaultRolesModel() {
  static const std::shared_ptr<const AttributionModel> model =
      EmbeddedModel(DefaultRolesModelBytes());
  return model;
}

}  // namespace dossier
