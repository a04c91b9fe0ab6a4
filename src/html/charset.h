// DecodeHtml: the bytes of a fetched web page as UTF-8, with a map back to
// the raw bytes.
//
// The charset is chosen in this order:
//   1. a byte order mark (UTF-8, UTF-16LE/BE);
//   2. `declared_charset` (from an HTTP Content-Type header; may be "");
//   3. `<meta charset>` / `<meta http-equiv=Content-Type content=...>` or an
//      `<?xml encoding=...?>` declaration in the first 4 KiB;
//   4. UTF-8 when the bytes are valid UTF-8;
//   5. ICU detection (ucsdet), falling back to windows-1252.
// A declared (2) or meta (3) charset is not believed blindly:
//   - one that ICU does not know is ignored;
//   - a claim of UTF-8 over bytes that are not UTF-8 (more invalid
//     sequences than half the valid multi-byte ones) goes to detection;
//     a few stray invalid bytes in a real UTF-8 page become U+FFFD;
//   - a legacy charset (windows-1252, Shift_JIS, ...) loses to UTF-8 when
//     the bytes are entirely valid UTF-8 and hold multi-byte sequences
//     (pages re-encoded by a crawler keep their old <meta>), and loses to
//     detection when more than 1% of its characters fail to convert;
//   - UTF-16/32 named by a <meta> means UTF-8 (as in the WHATWG encoding
//     standard: a document that can be read to its <meta> is ASCII-based).
// As browsers do, ISO-8859-1 and US-ASCII are read as windows-1252,
// ISO-8859-9 as windows-1254, TIS-620 as windows-874, GB2312 as GBK and
// EUC-KR as windows-949.
//
// Thread-safe: no shared mutable state (each call opens its own ICU
// converter and detector).
#ifndef DOSSIER_HTML_CHARSET_H_
#define DOSSIER_HTML_CHARSET_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace dossier {

struct Utf8Html {
  // The page as UTF-8. Invalid or unmappable input becomes U+FFFD; NUL
  // bytes are kept as they are.
  std::string text;
  // The charset the bytes were read as, as ICU names it ("UTF-8",
  // "windows-1252", "Shift_JIS", "GB18030", ...).
  std::string charset;
  // False when `text` is the raw bytes themselves, less a UTF-8 BOM (the
  // raw bytes were valid UTF-8).
  bool transcoded = false;
  // When `transcoded`: raw_offset[i] is the offset in the raw bytes of the
  // character that produced byte i of `text` (every byte of a multi-byte
  // character maps to that character's first raw byte, or to the nearest
  // earlier one where ICU cannot tell); raw_offset.size() == text.size() + 1
  // and raw_offset.back() == raw.size(). Offsets never decrease.
  // When not `transcoded`: empty, and byte i of `text` is raw byte
  // raw_start + i.
  std::vector<uint32_t> raw_offset;
  // Bytes skipped at the start of the raw input (3 for a UTF-8 BOM that
  // was stripped, else 0). Only meaningful when not `transcoded`.
  uint32_t raw_start = 0;
  // Set only when DecodeHtml was called with keep_raw and the raw bytes
  // needed no change: `text` is then left empty and the page is the raw
  // bytes from raw_start on (see View).
  bool is_raw = false;

  // The page as UTF-8: `text`, or the raw bytes when is_raw.
  std::string_view View(std::string_view raw) const {
    return is_raw ? raw.substr(raw_start) : std::string_view(text);
  }

  // The raw byte offset of byte `i` of `text` (0 <= i <= text.size()).
  uint32_t RawOffset(size_t i) const {
    return transcoded ? raw_offset[i] : raw_start + static_cast<uint32_t>(i);
  }
};

// Decodes `raw` (any size up to 4 GiB - 1; larger fails with kTooLarge).
// `declared_charset` is the charset parameter of an HTTP Content-Type, or
// the whole header value ("text/html; charset=EUC-JP"), or "". Never fails
// on content: bytes that fit no charset still decode (as windows-1252 or
// with U+FFFD). Fails with kTextEncoding only if ICU cannot open any
// converter (a broken ICU installation).
// `keep_raw`: when the raw bytes are the UTF-8 text already, they are not
// copied into `text` (is_raw is set; read the page through View(raw),
// which lives as long as `raw`).
StatusOr<Utf8Html> DecodeHtml(std::string_view raw,
                              std::string_view declared_charset,
                              bool keep_raw = false);

// The charset named in the first 4 KiB of `html` by a <meta> or an XML
// declaration, lowercased ("" when none). Exposed for tests.
std::string SniffMetaCharset(std::string_view html);

}  // namespace dossier

#endif  // DOSSIER_HTML_CHARSET_H_
