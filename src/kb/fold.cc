#include "kb/fold.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <memory>

namespace dossier::kb {
namespace {

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// The ASCII folding step; appends to `*out`, which may hold a previous
// space-separated part.
void FoldAscii(std::string_view s, std::string* out) {
  bool space = false;
  for (char raw : s) {
    unsigned char c = static_cast<unsigned char>(raw);
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    if (c == '.') continue;
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '\'' || c == '&' || c >= 0x80;
    if (!keep) {
      space = !out->empty();
      continue;
    }
    if (space) out->push_back(' ');
    space = false;
    out->push_back(static_cast<char>(c));
  }
}

// One transliterator per thread: ICU transliterators are not thread-safe.
icu::Transliterator* ThreadTransliterator() {
  thread_local std::unique_ptr<icu::Transliterator> translit;
  thread_local bool tried = false;
  if (!tried) {
    tried = true;
    UErrorCode status = U_ZERO_ERROR;
    translit.reset(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) translit.reset();
  }
  return translit.get();
}

}  // namespace

void FoldKeyTo(std::string_view text, std::string* out) {
  out->clear();
  if (IsAscii(text)) {
    FoldAscii(text, out);
    return;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (icu::Transliterator* t = ThreadTransliterator()) t->transliterate(u);
  // Whatever Latin-ASCII could not map (rare symbols) is lower-cased and kept.
  u.toLower();
  std::string utf8;
  u.toUTF8String(utf8);
  FoldAscii(utf8, out);
}

std::string FoldKey(std::string_view text) {
  std::string out;
  FoldKeyTo(text, &out);
  return out;
}

}  // namespace dossier::kb
