// libFuzzer target for DecodeHtml and ExtractMainText. The input's first
// line (up to 64 bytes, without its '\n') is a declared charset as an HTTP
// header would give it; the rest is the page. Inputs without a newline in
// the first 65 bytes are a page with no declared charset.
// Built only with clang and -DDOSSIER_BUILD_FUZZERS=ON:
//   html_fuzzer -max_total_time=300 -max_len=200000 CORPUS_DIR
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "html/charset.h"
#include "html/extractor.h"
#include "html/source_align.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string_view declared;
  size_t nl = in.substr(0, 65).find('\n');
  if (nl != std::string_view::npos) {
    declared = in.substr(0, nl);
    in.remove_prefix(nl + 1);
  }
  dossier::StatusOr<dossier::Utf8Html> h = dossier::DecodeHtml(in, declared);
  if (h.ok()) {
    const dossier::Utf8Html& u = *h;
    if (u.transcoded) {
      // The offset map's contract.
      if (u.raw_offset.size() != u.text.size() + 1) __builtin_trap();
      if (u.raw_offset.back() != in.size()) __builtin_trap();
      for (size_t i = 1; i < u.raw_offset.size(); ++i) {
        if (u.raw_offset[i] < u.raw_offset[i - 1]) __builtin_trap();
      }
    } else if (u.text.size() + u.raw_start != in.size() ||
               memcmp(u.text.data(), in.data() + u.raw_start,
                      u.text.size()) != 0) {
      __builtin_trap();
    }
  }
  dossier::ExtractOptions opts;
  opts.declared_charset = std::string(declared);
  dossier::StatusOr<dossier::ExtractedPage> page =
      dossier::ExtractMainText(in, opts);
  // Aligning the text with the page: the map must stay inside the page and
  // never run backwards.
  if (page.ok() && h.ok()) {
    dossier::OffsetMap map = dossier::AlignToSource(page->text, h->text);
    uint32_t prev = 0;
    for (uint32_t i = 0; i <= page->text.size(); ++i) {
      uint32_t raw = map.ToRaw(i);
      if (raw > h->text.size() || raw < prev) __builtin_trap();
      prev = raw;
    }
  }
  return 0;
}
