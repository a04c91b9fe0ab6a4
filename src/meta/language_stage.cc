#include "meta/language_stage.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <algorithm>
#include <climits>

namespace dossier {

std::string DetectLanguage(std::string_view text) {
  // A long article is decided by its first part; CLD2 reads at most 2^31.
  const size_t kMaxBytes = size_t{64} << 10;
  size_t n = std::min(text.size(), kMaxBytes);
  // Do not cut a UTF-8 character in two.
  while (n > 0 && n < text.size() &&
         (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) {
    --n;
  }
  bool reliable = false;
  int valid_prefix = 0;
  CLD2::Language lang = CLD2::DetectLanguageCheckUTF8(
      text.data(), static_cast<int>(n), /*is_plain_text=*/true, &reliable,
      &valid_prefix);
  if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE ||
      lang == CLD2::TG_UNKNOWN_LANGUAGE) {
    return "";
  }
  return CLD2::LanguageCode(lang);
}

Status LanguageStage::Run(Document& doc) const {
  std::string detected = DetectLanguage(doc.text());
  DocMeta& meta = doc.meta();
  if (!detected.empty()) {
    meta.language = std::move(detected);
  } else if (!meta.language_from_metadata) {
    meta.language = "und";
  }
  return Status::Ok();
}

}  // namespace dossier
