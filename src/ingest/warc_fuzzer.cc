// libFuzzer target for the WARC reader (untrusted archives, plain or gzip).
// Build: CXX=clang++ cmake -DDOSSIER_BUILD_FUZZERS=ON ...; see scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/warc_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dossier::WarcOptions opts;
  opts.max_record_bytes = 1 << 20;
  opts.only_responses = (size & 1) == 0;
  opts.chunk_bytes = 64 + size % 512;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto reader = dossier::WarcReader::OpenMemory(bytes, opts);
  dossier::WarcRecord rec;
  bool done = false;
  // Every call consumes at least one byte of the uncompressed stream (at most
  // ~1032x the input for deflate) or ends, so a loop past this bound is a bug.
  const size_t max_calls = (size + 16) * 2048;
  for (size_t calls = 0; !done; ++calls) {
    if (calls > max_calls) __builtin_trap();
    (void)reader->Next(&rec, &done);
    if (!done && rec.body.size() > opts.max_record_bytes) __builtin_trap();
  }
  return 0;
}
