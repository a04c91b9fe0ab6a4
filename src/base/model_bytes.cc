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

}  // namespace model_bytes
}  // namespace dossier
