// libFuzzer target for the JSONL line parser (untrusted input).
// Build: CXX=clang++ cmake -DDOSSIER_BUILD_FUZZERS=ON ...; see scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dossier::IngestOptions opts;
  opts.max_doc_bytes = 1 << 20;
  std::string_view line(reinterpret_cast<const char*>(data), size);
  dossier::StatusOr<dossier::RawArticle> a =
      dossier::ParseJsonlLine(line, "fuzz:1", opts);
  if (a.ok() && a->bytes.empty()) __builtin_trap();  // contract: non-empty
  return 0;
}
