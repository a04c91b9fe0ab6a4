// NormalizeArticle: turns one RawArticle into a Document with clean,
// validated UTF-8 text, its offset map back to the raw bytes and metadata.
//
// Checks, in order: size (kTooLarge), binary data in the first 8 KiB
// (kBinaryInput), UTF-8 validity (kInvalidUtf8, with byte offset and line),
// then HTML extraction for RawArticle::Format::kHtml (text/html_text.h),
// clean-up and NFC, and finally emptiness (kEmptyInput). Messages do not
// name the input; the caller adds the source.
// Clean-up: a leading BOM is stripped; CRLF and lone CR become LF (so do
// U+2028, and form feed / vertical tab); U+2029 becomes a blank line; other
// C0 and C1 controls except tab and LF, U+200B, U+2060, U+00AD and U+FEFF are
// dropped; spaces and tabs at line ends are trimmed; the result is put in
// NFC. Document::offsets() maps every clean offset to the raw byte it came
// from (for HTML input: to the extracted text).
// Pure function; thread-safe.
#ifndef DOSSIER_TEXT_NORMALIZER_H_
#define DOSSIER_TEXT_NORMALIZER_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "base/status.h"
#include "doc/document.h"
#include "doc/raw_article.h"

namespace dossier {

struct NormalizeOptions {
  // Largest input accepted, in bytes (the CLI's --max-doc-bytes).
  size_t max_bytes = 64u << 20;
};

StatusOr<Document> NormalizeArticle(RawArticle raw,
                                    const NormalizeOptions& opts);

// Building blocks, exposed for tests and for other inputs.

// OK when `bytes` is valid UTF-8 (no overlong forms, surrogates or code
// points above U+10FFFF); otherwise kInvalidUtf8 naming the first bad
// byte's offset and line.
Status ValidateUtf8(std::string_view bytes);

// kBinaryInput when the first 8 KiB hold a NUL byte or mostly control
// bytes; OK otherwise.
Status CheckNotBinary(std::string_view bytes);

// The date part of an ISO 8601 date ("2025-05-15") or timestamp
// ("2025-05-15T09:30:00Z", "2025-05-15 09:30+02:00"), or "" when `value`
// is neither (or names an impossible date).
std::string IsoDatePart(std::string_view value);

}  // namespace dossier

#endif  // DOSSIER_TEXT_NORMALIZER_H_
