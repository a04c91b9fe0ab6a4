// Byte-level helpers shared by the trained model files (pos/, quotes/):
// little-endian integers, the zlib-compressed payload with its CRC-32, and
// reading a whole file, and the sparse feature table both models store (its
// byte layout and an open-addressing index over its keys). Each model keeps
// its own header layout; only these mechanics are common.
// Pure functions; thread-safe. A built SparseIndex is immutable; Find() is
// const and thread-safe.
#ifndef DOSSIER_BASE_MODEL_BYTES_H_
#define DOSSIER_BASE_MODEL_BYTES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace dossier {
namespace model_bytes {

inline void Put32(std::string* s, uint32_t v) {
  for (int i = 0; i < 4; ++i) s->push_back(static_cast<char>(v >> (8 * i)));
}
inline void Put64(std::string* s, uint64_t v) {
  for (int i = 0; i < 8; ++i) s->push_back(static_cast<char>(v >> (8 * i)));
}
inline uint32_t Get32(const unsigned char* p) {
  return p[0] | (p[1] << 8) | (p[2] << 16) |
         (static_cast<uint32_t>(p[3]) << 24);
}
inline uint64_t Get64(const unsigned char* p) {
  return Get32(p) | (static_cast<uint64_t>(Get32(p + 4)) << 32);
}

// `payload` compressed with zlib at level 9.
std::string Compress(std::string_view payload);
// The CRC-32 of `bytes` (zlib's polynomial).
uint32_t Crc32(std::string_view bytes);
// Checks `crc` over the compressed bytes, then inflates them into exactly
// `raw_size` bytes. Errors are kInvalidArgument "<who>: bad CRC" or
// "<who>: payload does not decompress".
StatusOr<std::string> Decompress(std::string_view compressed, uint32_t crc,
                                 size_t raw_size, std::string_view who);
// The whole file at `path` (kUnreadable when it cannot be opened or read).
StatusOr<std::string> ReadFile(const std::string& path);

// A sparse weight table: N sorted, unique, non-zero 64-bit feature keys;
// per key the number (1..255) of its entries; per entry a label and an
// int16 weight.
struct SparseTable {
  std::vector<uint64_t> keys;
  std::vector<uint8_t> counts;   // per key
  std::vector<uint8_t> labels;   // per entry
  std::vector<int16_t> weights;  // per entry
};

// Bytes of an encoded table of n keys and e entries: 9 n + 3 e.
inline uint64_t SparseTableBytes(uint64_t n, uint64_t e) {
  return 9 * n + 3 * e;
}
// Appends the table: keys delta-coded as 8 byte planes (least significant
// first), the counts, the labels, the weights as 2 byte planes.
void AppendSparseTable(const std::vector<uint64_t>& keys,
                       const std::vector<uint8_t>& counts,
                       const std::vector<uint8_t>& labels,
                       const std::vector<int16_t>& weights,
                       std::string* payload);
// Decodes a table of n keys and e entries from `p` (SparseTableBytes(n, e)
// bytes). Every label must lie in [label_min, label_end). Errors are
// kInvalidArgument "<who>: keys not increasing", "zero key", "empty
// feature", "entry counts do not add up", "<label_word> out of range".
Status DecodeSparseTable(const unsigned char* p, uint32_t n, uint32_t e,
                         uint8_t label_min, uint8_t label_end,
                         std::string_view who, std::string_view label_word,
                         SparseTable* out);

// Open addressing (linear probing, at most half full) from a key to its
// entries' offset and count.
class SparseIndex {
 public:
  struct Slot {
    uint64_t key;     // 0 = empty
    uint32_t offset;  // of the key's first entry
    uint32_t count;
  };
  void Build(const std::vector<uint64_t>& keys,
             const std::vector<uint8_t>& counts);
  const Slot* Find(uint64_t key) const {
    if (key == 0 || table_.empty()) return nullptr;
    uint64_t at = Hash(key) & mask_;
    while (table_[at].key != 0) {
      if (table_[at].key == key) return &table_[at];
      at = (at + 1) & mask_;
    }
    return nullptr;
  }
  void Prefetch(uint64_t key) const {
    if (!table_.empty()) __builtin_prefetch(&table_[Hash(key) & mask_]);
  }

 private:
  static uint64_t Hash(uint64_t k) {
    k ^= k >> 31;
    k *= 0x7fb5d329728ea185ULL;
    k ^= k >> 27;
    return k;
  }
  std::vector<Slot> table_;
  uint64_t mask_ = 0;
};

}  // namespace model_bytes
}  // namespace dossier

#endif  // DOSSIER_BASE_MODEL_BYTES_H_
