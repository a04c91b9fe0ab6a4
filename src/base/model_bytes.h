// Byte-level helpers shared by the trained model files (pos/, quotes/):
// little-endian integers, the zlib-compressed payload with its CRC-32, and
// reading a whole file. Each model keeps its own header layout and payload;
// only these mechanics are common.
// Pure functions; thread-safe.
#ifndef DOSSIER_BASE_MODEL_BYTES_H_
#define DOSSIER_BASE_MODEL_BYTES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

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

}  // namespace model_bytes
}  // namespace dossier

#endif  // DOSSIER_BASE_MODEL_BYTES_H_
