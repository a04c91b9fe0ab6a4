#include "pos/model.h"

#include <cstring>
#include <string_view>
#include <utility>

#include "base/model_bytes.h"
#include "pos/tags.h"

namespace dossier {
namespace {

constexpr char kMagic[8] = {'D', 'S', 'P', 'O', 'S', 'M', 'D', 'L'};
constexpr uint32_t kFormatVersion = 1;
constexpr size_t kHeader = 64;

using model_bytes::Get32;
using model_bytes::Get64;
using model_bytes::Put32;
using model_bytes::Put64;

Status Bad(const std::string& what) {
  return Status(ErrorCode::kInvalidArgument, "pos model: " + what);
}

}  // namespace

std::string EncodePosModel(const PosModelTables& t) {
  const size_t n = t.keys.size(), e = t.tags.size();
  std::string payload;
  model_bytes::AppendSparseTable(t.keys, t.counts, t.tags, t.weights,
                                 &payload);
  const std::string z = model_bytes::Compress(payload);
  std::string out(kMagic, 8);
  Put32(&out, kFormatVersion);
  Put32(&out, pos_internal::kPosFeatureSetVersion);
  Put32(&out, kNumPosTags);
  Put32(&out, static_cast<uint32_t>(n));
  Put32(&out, static_cast<uint32_t>(e));
  uint32_t scale_bits;
  std::memcpy(&scale_bits, &t.info.scale, 4);
  Put32(&out, scale_bits);
  Put32(&out, t.info.epochs);
  Put64(&out, t.info.seed);
  Put32(&out, static_cast<uint32_t>(payload.size()));
  Put32(&out, static_cast<uint32_t>(z.size()));
  Put32(&out, model_bytes::Crc32(z));
  while (out.size() < kHeader) out.push_back('\0');
  out += z;
  return out;
}

StatusOr<PosModel> PosModel::Load(const std::string& path) {
  StatusOr<std::string> bytes = model_bytes::ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  return FromBytes(*bytes);
}

StatusOr<PosModel> PosModel::FromBytes(std::string_view bytes) {
  if (bytes.size() < kHeader) return Bad("file too short");
  const auto* h = reinterpret_cast<const unsigned char*>(bytes.data());
  if (std::memcmp(h, kMagic, 8) != 0) return Bad("not a model file");
  if (Get32(h + 8) != kFormatVersion) return Bad("unsupported format version");
  if (Get32(h + 12) != pos_internal::kPosFeatureSetVersion) {
    return Bad("trained with another feature set; retrain it");
  }
  if (Get32(h + 16) != kNumPosTags) return Bad("wrong number of tags");
  const uint32_t n = Get32(h + 20), e = Get32(h + 24);
  PosModel m;
  const uint32_t scale_bits = Get32(h + 28);
  std::memcpy(&m.info_.scale, &scale_bits, 4);
  m.info_.epochs = Get32(h + 32);
  m.info_.seed = Get64(h + 36);
  const uint32_t raw = Get32(h + 44), zsize = Get32(h + 48),
                 crc = Get32(h + 52);
  if (zsize != bytes.size() - kHeader) return Bad("truncated or padded file");
  const auto* z = h + kHeader;
  if (e < n ||
      raw != static_cast<uint64_t>(n) * 9 + static_cast<uint64_t>(e) * 3) {
    return Bad("inconsistent sizes");
  }
  StatusOr<std::string> inflated = model_bytes::Decompress(
      std::string_view(reinterpret_cast<const char*>(z), zsize), crc, raw,
      "pos model");
  if (!inflated.ok()) return inflated.status();
  const std::string payload = std::move(inflated).value();
  const auto* p = reinterpret_cast<const unsigned char*>(payload.data());
  model_bytes::SparseTable table;
  Status st = model_bytes::DecodeSparseTable(p, n, e, 1, kNumPosTags,
                                             "pos model", "tag", &table);
  if (!st.ok()) return st;
  m.index_.Build(table.keys, table.counts);
  m.tags_ = std::move(table.labels);
  m.weights_ = std::move(table.weights);
  m.info_.features = n;
  m.info_.entries = e;
  return m;
}

void PosModel::Tag(std::span<const std::string_view> tokens, PosScratch* s,
                   std::vector<uint8_t>* tags) const {
  const size_t n = tokens.size();
  tags->assign(n, kPosNone);
  if (n == 0) return;
  pos_internal::PreparePosTokens(tokens.data(), n, s);
  s->feats.resize(pos_internal::kMaxPosFeatures);
  s->scores.resize(kNumPosTags);
  uint8_t p1 = 0, p2 = 0;
  for (size_t i = 0; i < n; ++i) {
    const int nf = pos_internal::PosFeatures(*s, n, i, p1, p2, s->feats.data());
    std::fill(s->scores.begin(), s->scores.end(), 0);
    // Issue all table loads first, then all row loads, so that their cache
    // misses overlap.
    for (int f = 0; f < nf; ++f) {
      index_.Prefetch(s->feats[f]);
    }
    const model_bytes::SparseIndex::Slot* found[pos_internal::kMaxPosFeatures];
    int nfound = 0;
    for (int f = 0; f < nf; ++f) {
      const model_bytes::SparseIndex::Slot* slot = index_.Find(s->feats[f]);
      if (slot == nullptr) continue;
      __builtin_prefetch(weights_.data() + slot->offset);
      __builtin_prefetch(tags_.data() + slot->offset);
      found[nfound++] = slot;
    }
    int32_t* scores = s->scores.data();
    const uint8_t* tag_data = tags_.data();
    const int16_t* weight_data = weights_.data();
    for (int f = 0; f < nfound; ++f) {
      const uint32_t offset = found[f]->offset;
      const uint32_t count = found[f]->count;
      for (uint32_t k = 0; k < count; ++k) {
        scores[tag_data[offset + k]] += weight_data[offset + k];
      }
    }
    uint8_t best = kPosNN;
    int32_t best_score = INT32_MIN;
    for (uint8_t t = 1; t < kNumPosTags; ++t) {
      if (s->scores[t] > best_score) {
        best_score = s->scores[t];
        best = t;
      }
    }
    (*tags)[i] = best;
    p2 = p1;
    p1 = best;
  }
}

}  // namespace dossier
