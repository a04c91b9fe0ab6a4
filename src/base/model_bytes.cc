#include "base/model_bytes.h"

#include <zlib.h>

#include <fstream>
#include <sstream>

namespace dossier {
namespace model_bytes {

std::string Compress(std::string_view payload) {
  uLongf bound = compressBound(payload.size());
  std::string z(bound, '\0');
  compress2(reinterpret_cast<Bytef*>(z.data()), &bound,
            reinterpret_cast<const Bytef*>(payload.data()), payload.size(), 9);
  z.resize(bound);
  return z;
}

uint32_t Crc32(std::string_view bytes) {
  return static_cast<uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(bytes.data()), bytes.size()));
}

StatusOr<std::string> Decompress(std::string_view compressed, uint32_t crc,
                                 size_t raw_size, std::string_view who) {
  if (Crc32(compressed) != crc) {
    return Status(ErrorCode::kInvalidArgument, std::string(who) + ": bad CRC");
  }
  std::string payload(raw_size, '\0');
  uLongf out_len = raw_size;
  if (uncompress(reinterpret_cast<Bytef*>(payload.data()), &out_len,
                 reinterpret_cast<const Bytef*>(compressed.data()),
                 compressed.size()) != Z_OK ||
      out_len != raw_size) {
    return Status(ErrorCode::kInvalidArgument,
                  std::string(who) + ": payload does not decompress");
  }
  return payload;
}

StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kUnreadable, "cannot open " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status(ErrorCode::kUnreadable, "cannot read " + path);
  return buf.str();
}

void AppendSparseTable(const std::vector<uint64_t>& keys,
                       const std::vector<uint8_t>& counts,
                       const std::vector<uint8_t>& labels,
                       const std::vector<int16_t>& weights,
                       std::string* payload) {
  const size_t n = keys.size(), e = labels.size();
  payload->reserve(payload->size() + SparseTableBytes(n, e));
  for (int plane = 0; plane < 8; ++plane) {
    uint64_t prev = 0;
    for (size_t i = 0; i < n; ++i) {
      payload->push_back(static_cast<char>((keys[i] - prev) >> (8 * plane)));
      prev = keys[i];
    }
  }
  payload->append(reinterpret_cast<const char*>(counts.data()), n);
  payload->append(reinterpret_cast<const char*>(labels.data()), e);
  for (int plane = 0; plane < 2; ++plane) {
    for (size_t i = 0; i < e; ++i) {
      payload->push_back(
          static_cast<char>(static_cast<uint16_t>(weights[i]) >> (8 * plane)));
    }
  }
}

Status DecodeSparseTable(const unsigned char* p, uint32_t n, uint32_t e,
                         uint8_t label_min, uint8_t label_end,
                         std::string_view who, std::string_view label_word,
                         SparseTable* out) {
  auto bad = [&](std::string_view what) {
    return Status(ErrorCode::kInvalidArgument,
                  std::string(who) + ": " + std::string(what));
  };
  std::vector<uint64_t>& keys = out->keys;
  keys.assign(n, 0);
  for (int plane = 0; plane < 8; ++plane) {
    for (uint32_t i = 0; i < n; ++i) {
      keys[i] |= static_cast<uint64_t>(p[static_cast<size_t>(plane) * n + i])
                 << (8 * plane);
    }
  }
  uint64_t prev = 0;
  for (uint32_t i = 0; i < n; ++i) {
    if (i > 0 && keys[i] == 0) return bad("keys not increasing");
    keys[i] += prev;
    if (keys[i] == 0) return bad("zero key");
    prev = keys[i];
  }
  const unsigned char* counts = p + 8ull * n;
  const unsigned char* labels = counts + n;
  const unsigned char* w = labels + e;
  uint64_t total = 0;
  for (uint32_t i = 0; i < n; ++i) {
    if (counts[i] == 0) return bad("empty feature");
    total += counts[i];
  }
  if (total != e) return bad("entry counts do not add up");
  out->counts.assign(counts, counts + n);
  out->labels.assign(labels, labels + e);
  for (uint8_t t : out->labels) {
    if (t < label_min || t >= label_end) {
      return bad(std::string(label_word) + " out of range");
    }
  }
  out->weights.resize(e);
  for (uint32_t i = 0; i < e; ++i) {
    out->weights[i] = static_cast<int16_t>(w[i] | (w[e + i] << 8));
  }
  return Status();
}

void SparseIndex::Build(const std::vector<uint64_t>& keys,
                        const std::vector<uint8_t>& counts) {
  const size_t n = keys.size();
  size_t size = 16;
  while (size < 2ull * n) size <<= 1;
  table_.assign(size, Slot{0, 0, 0});
  mask_ = size - 1;
  uint32_t offset = 0;
  for (size_t i = 0; i < n; ++i) {
    uint64_t at = Hash(keys[i]) & mask_;
    while (table_[at].key != 0) at = (at + 1) & mask_;
    table_[at] = Slot{keys[i], offset, counts[i]};
    offset += counts[i];
  }
}

}  // namespace model_bytes
}  // namespace dossier
