#include "ner/model_file.h"

#include <zlib.h>

#include <cmath>
#include <cstring>

#include "ner/decode.h"
#include "ner/features.h"

namespace dossier {
namespace ner_internal {
namespace {

constexpr char kMagic[8] = {'D', 'S', 'N', 'E', 'R', 'M', 'D', 'L'};
constexpr uint32_t kMaxFeatures = 1u << 26;
constexpr uint32_t kMaxGazetteer = 1u << 26;

void Put32(std::string* s, uint32_t v) {
  for (int i = 0; i < 4; ++i) s->push_back(static_cast<char>(v >> (8 * i)));
}
void Put64(std::string* s, uint64_t v) {
  for (int i = 0; i < 8; ++i) s->push_back(static_cast<char>(v >> (8 * i)));
}
uint32_t Get32(const unsigned char* p) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(p[i]) << (8 * i);
  return v;
}
uint64_t Get64(const unsigned char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(p[i]) << (8 * i);
  return v;
}

// Appends `n` values of `width` bytes as byte planes (all lowest bytes,
// then all next bytes, ...): similar bytes end up together and compress.
void PutPlanes(std::string* s, const uint64_t* v, size_t n, int width) {
  for (int b = 0; b < width; ++b) {
    for (size_t i = 0; i < n; ++i) {
      s->push_back(static_cast<char>(v[i] >> (8 * b)));
    }
  }
}
void GetPlanes(const unsigned char* p, size_t n, int width, uint64_t* v) {
  for (size_t i = 0; i < n; ++i) v[i] = 0;
  for (int b = 0; b < width; ++b) {
    for (size_t i = 0; i < n; ++i) {
      v[i] |= static_cast<uint64_t>(p[b * n + i]) << (8 * b);
    }
  }
}

size_t PayloadSize(size_t features, size_t gazetteer) {
  return kTransRows * kNumTags * 4 + features * 8 +
         features * kNumTags * 2 + gazetteer * 9;
}

Status Bad(const std::string& what) {
  return Status(ErrorCode::kInvalidArgument, "ner model: " + what);
}

}  // namespace

std::string EncodeModel(const ModelData& m) {
  const size_t n = m.keys.size();
  const size_t g = m.gazetteer_keys.size();
  std::string payload;
  payload.reserve(PayloadSize(n, g));
  for (int32_t t : m.trans) Put32(&payload, static_cast<uint32_t>(t));
  std::vector<uint64_t> tmp(n);
  for (size_t i = 0; i < n; ++i) tmp[i] = m.keys[i] - (i ? m.keys[i - 1] : 0);
  PutPlanes(&payload, tmp.data(), n, 8);
  tmp.resize(n);
  for (int t = 0; t < kNumTags; ++t) {
    for (size_t i = 0; i < n; ++i) {
      tmp[i] = static_cast<uint16_t>(m.weights[i * kNumTags + t]);
    }
    PutPlanes(&payload, tmp.data(), n, 2);
  }
  tmp.resize(g);
  for (size_t i = 0; i < g; ++i) {
    tmp[i] = m.gazetteer_keys[i] - (i ? m.gazetteer_keys[i - 1] : 0);
  }
  PutPlanes(&payload, tmp.data(), g, 8);
  for (uint8_t mask : m.gazetteer_masks) payload.push_back(static_cast<char>(mask));

  uLongf zsize = compressBound(payload.size());
  std::string z(zsize, '\0');
  compress2(reinterpret_cast<Bytef*>(z.data()), &zsize,
            reinterpret_cast<const Bytef*>(payload.data()), payload.size(), 9);
  z.resize(zsize);
  const uint32_t crc = static_cast<uint32_t>(
      crc32(0L, reinterpret_cast<const Bytef*>(z.data()), z.size()));

  std::string out(kMagic, 8);
  Put32(&out, kModelFormatVersion);
  Put32(&out, m.feature_set_version);
  Put32(&out, kNumTags);
  Put32(&out, static_cast<uint32_t>(n));
  Put32(&out, static_cast<uint32_t>(g));
  Put32(&out, m.gazetteer_max_tokens);
  uint32_t scale_bits;
  std::memcpy(&scale_bits, &m.scale, 4);
  Put32(&out, scale_bits);
  Put32(&out, m.epochs);
  Put64(&out, m.seed);
  Put32(&out, static_cast<uint32_t>(payload.size()));
  Put32(&out, static_cast<uint32_t>(z.size()));
  Put32(&out, crc);
  Put32(&out, 0);
  out += z;
  return out;
}

StatusOr<ModelData> DecodeModel(std::string_view bytes) {
  if (bytes.size() < kModelHeaderSize) return Bad("file too short");
  const auto* h = reinterpret_cast<const unsigned char*>(bytes.data());
  if (std::memcmp(h, kMagic, 8) != 0) return Bad("bad magic");
  if (Get32(h + 8) != kModelFormatVersion) {
    return Bad("unsupported format version " + std::to_string(Get32(h + 8)));
  }
  ModelData m;
  m.feature_set_version = Get32(h + 12);
  if (Get32(h + 16) != kNumTags) return Bad("unexpected tag count");
  const uint32_t n = Get32(h + 20);
  const uint32_t g = Get32(h + 24);
  m.gazetteer_max_tokens = Get32(h + 28);
  const uint32_t scale_bits = Get32(h + 32);
  std::memcpy(&m.scale, &scale_bits, 4);
  m.epochs = Get32(h + 36);
  m.seed = Get64(h + 40);
  const uint32_t raw_size = Get32(h + 48);
  const uint32_t z_size = Get32(h + 52);
  const uint32_t crc = Get32(h + 56);
  if (Get32(h + 60) != 0) return Bad("reserved header field is not zero");
  if (n > kMaxFeatures || g > kMaxGazetteer) return Bad("implausible sizes");
  if (m.gazetteer_max_tokens > Gazetteer::kMaxPhraseTokens) {
    return Bad("bad gazetteer phrase length");
  }
  if (!(m.scale > 0.0f) || !std::isfinite(m.scale)) return Bad("bad scale");
  if (raw_size != PayloadSize(n, g)) return Bad("payload size mismatch");
  if (z_size != bytes.size() - kModelHeaderSize) {
    return Bad("file is truncated or has trailing bytes");
  }
  const auto* z = h + kModelHeaderSize;
  if (static_cast<uint32_t>(crc32(0L, z, z_size)) != crc) {
    return Bad("checksum mismatch");
  }
  std::string payload(raw_size, '\0');
  uLongf out_size = raw_size;
  if (uncompress(reinterpret_cast<Bytef*>(payload.data()), &out_size, z,
                 z_size) != Z_OK ||
      out_size != raw_size) {
    return Bad("corrupt payload");
  }
  const auto* p = reinterpret_cast<const unsigned char*>(payload.data());
  m.trans.resize(kTransRows * kNumTags);
  for (auto& t : m.trans) {
    t = static_cast<int32_t>(Get32(p));
    p += 4;
  }
  m.keys.resize(n);
  GetPlanes(p, n, 8, m.keys.data());
  p += 8 * static_cast<size_t>(n);
  for (size_t i = 1; i < n; ++i) {
    m.keys[i] += m.keys[i - 1];
    if (m.keys[i] <= m.keys[i - 1]) return Bad("feature keys out of order");
  }
  m.weights.resize(static_cast<size_t>(n) * kNumTags);
  std::vector<uint64_t> tmp(n);
  for (int t = 0; t < kNumTags; ++t) {
    GetPlanes(p, n, 2, tmp.data());
    p += 2 * static_cast<size_t>(n);
    for (size_t i = 0; i < n; ++i) {
      m.weights[i * kNumTags + t] =
          static_cast<int16_t>(static_cast<uint16_t>(tmp[i]));
    }
  }
  m.gazetteer_keys.resize(g);
  GetPlanes(p, g, 8, m.gazetteer_keys.data());
  p += 8 * static_cast<size_t>(g);
  for (size_t i = 1; i < g; ++i) {
    m.gazetteer_keys[i] += m.gazetteer_keys[i - 1];
    if (m.gazetteer_keys[i] <= m.gazetteer_keys[i - 1]) {
      return Bad("gazetteer keys out of order");
    }
  }
  m.gazetteer_masks.assign(p, p + g);
  for (uint8_t mask : m.gazetteer_masks) {
    if (mask == 0 || mask > 15) return Bad("bad gazetteer type mask");
  }
  return m;
}

}  // namespace ner_internal
}  // namespace dossier
