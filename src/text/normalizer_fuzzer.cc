// libFuzzer target for the normalizer (untrusted bytes -> Document), and
// the layout, sentence and token stages on whatever it accepts. Checks the
// stand-off contract: every span lies inside the text, in order, and the
// offset map stays inside the raw input.
#include <cstddef>
#include <cstdint>
#include <string>

#include "text/layout_stage.h"
#include "text/normalizer.h"
#include "text/sentence_stage.h"
#include "text/token_stage.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const dossier::LayoutStage* layout = new dossier::LayoutStage();
  static const dossier::SentenceStage* sentences = new dossier::SentenceStage();
  static const dossier::TokenStage* tokens = new dossier::TokenStage();
  dossier::RawArticle raw;
  raw.source = "fuzz";
  raw.bytes.assign(reinterpret_cast<const char*>(data), size);
  raw.format = size > 0 && data[0] == '<' ? dossier::RawArticle::Format::kHtml
                                          : dossier::RawArticle::Format::kText;
  dossier::StatusOr<dossier::Document> doc =
      dossier::NormalizeArticle(std::move(raw), {});
  if (!doc.ok()) return 0;
  const uint32_t n = static_cast<uint32_t>(doc->text().size());
  for (uint32_t i = 0; i <= n; i += 1 + n / 64) {
    if (doc->offsets().ToRaw(i) > doc->offsets().raw_length()) __builtin_trap();
  }
  if (!layout->Run(*doc).ok()) return 0;
  auto compacted = std::move(*doc).Compact();
  if (!compacted.ok()) __builtin_trap();
  if (!sentences->Run(*compacted).ok()) return 0;
  if (!tokens->Run(*compacted).ok()) return 0;
  const uint32_t m = static_cast<uint32_t>(compacted->text().size());
  uint32_t last = 0;
  for (const dossier::Token& t : compacted->layers().tokens) {
    if (t.span.start < last || t.span.end > m || t.span.start > t.span.end) {
      __builtin_trap();
    }
    last = t.span.end;
  }
  return 0;
}
