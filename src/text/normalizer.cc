#include "text/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <algorithm>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include "doc/offset_map.h"
#include "html/charset.h"
#include "html/extractor.h"
#include "html/source_align.h"

namespace dossier {
namespace {

constexpr size_t kSniffBytes = 8 << 10;

std::string Hex(uint8_t b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02x", b);
  return buf;
}

// 1-based line number of byte `offset`.
size_t LineOf(std::string_view s, size_t offset) {
  size_t line = 1;
  for (size_t i = 0; i < offset && i < s.size(); ++i) line += s[i] == '\n';
  return line;
}

Status BadUtf8(std::string_view s, size_t offset, std::string_view why) {
  std::string msg = "not valid UTF-8: " + std::string(why) + " " +
                    Hex(static_cast<uint8_t>(s[offset])) + " at byte offset " +
                    std::to_string(offset) + " (line " +
                    std::to_string(LineOf(s, offset)) +
                    "); the file may be in another encoding such as Latin-1 "
                    "or Windows-1252: convert it to UTF-8 (e.g. with iconv)";
  return Status(ErrorCode::kInvalidUtf8, std::move(msg));
}

// Accumulates offset-map anchors (like OffsetMap::Add) and can drop anchors
// past a point when trailing output is taken back.
class MapBuilder {
 public:
  void Add(uint32_t clean, uint32_t raw) {
    if (!anchors_.empty()) {
      OffsetMap::Anchor& last = anchors_.back();
      if (last.clean == clean) {
        last.raw = raw;
        return;
      }
      if (raw >= last.raw && clean - last.clean == raw - last.raw) return;
    }
    anchors_.push_back({clean, raw});
  }
  void Truncate(uint32_t clean_size) {
    while (!anchors_.empty() && anchors_.back().clean > clean_size) {
      anchors_.pop_back();
    }
  }
  OffsetMap Build(uint32_t clean_length, uint32_t raw_length) const {
    OffsetMap map;
    for (const OffsetMap::Anchor& a : anchors_) map.Add(a.clean, a.raw);
    map.Finish(clean_length, raw_length);
    return map;
  }

 private:
  std::vector<OffsetMap::Anchor> anchors_;
};

// Bytes that may need rewriting: C0 controls (LF included, for trimming),
// DEL, and lead bytes of the junk characters handled below.
constexpr std::array<bool, 256> MakeSpecial() {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = c != '\t';
  t[0x7F] = true;
  t[0xC2] = true;  // C1 controls, U+00AD
  t[0xE2] = true;  // U+200B, U+2028, U+2029, U+2060
  t[0xEF] = true;  // U+FEFF
  return t;
}
constexpr std::array<bool, 256> kSpecial = MakeSpecial();

// What to do with the (valid) UTF-8 sequence starting at s[i].
enum class Junk { kKeep, kDrop, kNewline, kBlankLine };

Junk Classify(const uint8_t* p, size_t i, size_t n, size_t* len) {
  uint8_t c = p[i];
  *len = 1;
  if (c < 0x20 || c == 0x7F) {
    if (c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      return Junk::kNewline;
    }
    return c == '\t' ? Junk::kKeep : Junk::kDrop;
  }
  if (c == 0xC2 && i + 1 < n) {
    *len = 2;
    uint8_t d = p[i + 1];
    return (d <= 0x9F || d == 0xAD) ? Junk::kDrop : Junk::kKeep;
  }
  if ((c == 0xE2 || c == 0xEF) && i + 2 < n) {
    *len = 3;
    uint8_t d = p[i + 1], e = p[i + 2];
    if (c == 0xEF) return (d == 0xBB && e == 0xBF) ? Junk::kDrop : Junk::kKeep;
    if (d == 0x80 && e == 0x8B) return Junk::kDrop;       // U+200B
    if (d == 0x81 && e == 0xA0) return Junk::kDrop;       // U+2060
    if (d == 0x80 && e == 0xA8) return Junk::kNewline;    // U+2028
    if (d == 0x80 && e == 0xA9) return Junk::kBlankLine;  // U+2029
    return Junk::kKeep;
  }
  if (c >= 0xC0) *len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  return Junk::kKeep;
}

// True when CleanUp would change `s` (the common case for clean input is a
// single table-driven scan without copying).
bool NeedsCleanUp(std::string_view s) {
  const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  for (size_t i = 0; i < n; ++i) {
    if (!kSpecial[p[i]]) continue;
    if (p[i] == '\n') {
      if (i > 0 && (p[i - 1] == ' ' || p[i - 1] == '\t')) return true;
      continue;
    }
    size_t len;
    if (Classify(p, i, n, &len) != Junk::kKeep) return true;
    i += len - 1;
  }
  return n > 0 && (s.back() == ' ' || s.back() == '\t');
}

// Rewrites `s` (valid UTF-8) as described in the header; `map` gets the
// anchors from the result back to `s`.
std::string CleanUp(std::string_view s, MapBuilder& map) {
  const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  std::string out;
  out.reserve(n);
  auto trim = [&]() {
    size_t size = out.size();
    while (size > 0 && (out[size - 1] == ' ' || out[size - 1] == '\t')) {
      --size;
    }
    if (size != out.size()) {
      out.resize(size);
      map.Truncate(static_cast<uint32_t>(size));
    }
  };
  auto emit = [&](std::string_view bytes, size_t raw) {
    map.Add(static_cast<uint32_t>(out.size()), static_cast<uint32_t>(raw));
    out.append(bytes);
  };
  size_t i = 0;
  if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) i = 3;
  while (i < n) {
    size_t j = i;
    while (j < n && !kSpecial[p[j]]) ++j;
    if (j > i) emit(s.substr(i, j - i), i);
    if (j >= n) break;
    size_t len;
    switch (Classify(p, j, n, &len)) {
      case Junk::kKeep:
        emit(s.substr(j, len), j);
        break;
      case Junk::kDrop:
        break;
      case Junk::kNewline:
        trim();
        emit("\n", j);
        if (p[j] == '\r' && j + 1 < n && p[j + 1] == '\n') len = 2;
        break;
      case Junk::kBlankLine:
        trim();
        emit("\n", j);
        emit("\n", j);  // both newlines map to the separator's first byte
        break;
    }
    i = j + len;
  }
  trim();
  return out;
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

bool AllWhitespace(std::string_view s) {
  for (char c : s) {
    if (!IsAsciiSpace(c)) return false;
  }
  return true;
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<uint8_t>(c) >= 0x80) return false;
  }
  return true;
}

// Puts `text` in NFC; `map` becomes the map from the result to `text`.
// Leaves both untouched when `text` is already NFC.
Status ToNfc(std::string& text, OffsetMap* map, bool* changed) {
  *changed = false;
  if (IsAscii(text)) return Status::Ok();
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
  if (U_FAILURE(ec) || nfc == nullptr) {
    return Status(ErrorCode::kTextEncoding,
                  std::string("ICU NFC data unavailable: ") + u_errorName(ec));
  }
  icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (nfc->isNormalizedUTF8(piece, ec) && U_SUCCESS(ec)) return Status::Ok();
  ec = U_ZERO_ERROR;
  std::string out;
  out.reserve(text.size());
  icu::StringByteSink<std::string> sink(&out);
  icu::Edits edits;
  nfc->normalizeUTF8(0, piece, sink, &edits, ec);
  if (U_FAILURE(ec)) {
    return Status(ErrorCode::kTextEncoding,
                  std::string("NFC normalization failed: ") + u_errorName(ec));
  }
  OffsetMap m;
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(ec)) {
    const uint32_t dest = static_cast<uint32_t>(it.destinationIndex());
    const uint32_t src = static_cast<uint32_t>(it.sourceIndex());
    m.Add(dest, src);
    if (!it.hasChange()) continue;
    // Pin every character of a rewritten segment to the segment's start,
    // so no offset lands inside a raw multi-byte sequence.
    const uint32_t dest_end = dest + static_cast<uint32_t>(it.newLength());
    for (uint32_t d = dest + 1; d < dest_end; ++d) {
      if ((static_cast<uint8_t>(out[d]) & 0xC0) != 0x80) m.Add(d, src);
    }
  }
  m.Finish(static_cast<uint32_t>(out.size()),
           static_cast<uint32_t>(text.size()));
  text = std::move(out);
  *map = std::move(m);
  *changed = true;
  return Status::Ok();
}

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (IsAsciiSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

bool Digits(std::string_view s, size_t pos, size_t count, int* value) {
  if (pos + count > s.size()) return false;
  int v = 0;
  for (size_t k = pos; k < pos + count; ++k) {
    if (s[k] < '0' || s[k] > '9') return false;
    v = v * 10 + (s[k] - '0');
  }
  *value = v;
  return true;
}

// "+HH:MM", "+HHMM", "+HH", "Z" or nothing, ending `s` at `pos`.
bool ValidZone(std::string_view s, size_t pos) {
  if (pos == s.size()) return true;
  if ((s[pos] == 'Z' || s[pos] == 'z') && pos + 1 == s.size()) return true;
  if (s[pos] != '+' && s[pos] != '-') return false;
  int h, m;
  if (!Digits(s, pos + 1, 2, &h) || h > 23) return false;
  size_t k = pos + 3;
  if (k == s.size()) return true;
  if (s[k] == ':') ++k;
  return Digits(s, k, 2, &m) && m <= 59 && k + 2 == s.size();
}

}  // namespace

Status ValidateUtf8(std::string_view s) {
  const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if ((w & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    uint8_t c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return BadUtf8(s, i,
                     c >= 0x80 && c <= 0xBF ? "unexpected continuation byte"
                                            : "invalid byte");
    }
    if (i + len > n) return BadUtf8(s, i, "truncated sequence starting with");
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) {
        return BadUtf8(s, i, "incomplete sequence starting with");
      }
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
      return BadUtf8(s, i, "overlong, surrogate or out-of-range sequence at");
    }
    i += len;
  }
  return Status::Ok();
}

Status CheckNotBinary(std::string_view s) {
  std::string_view head = s.substr(0, kSniffBytes);
  if (head.size() >= 2 && ((head[0] == '\xFF' && head[1] == '\xFE') ||
                           (head[0] == '\xFE' && head[1] == '\xFF'))) {
    return Status(ErrorCode::kBinaryInput,
                  "input looks like UTF-16 (it starts with a UTF-16 byte "
                  "order mark); convert it to UTF-8");
  }
  size_t nul = head.find('\0');
  if (nul != std::string_view::npos) {
    return Status(ErrorCode::kBinaryInput,
                  "input looks like binary data, not text: NUL byte at "
                  "offset " +
                      std::to_string(nul) +
                      " (UTF-16 text must be converted to UTF-8)");
  }
  size_t control = 0;
  for (char ch : head) {
    uint8_t c = static_cast<uint8_t>(ch);
    if ((c < 0x20 && !IsAsciiSpace(ch)) || c == 0x7F) ++control;
  }
  if (!head.empty() && control * 10 > head.size() * 3) {
    return Status(
        ErrorCode::kBinaryInput,
        "input looks like binary data, not text: " + std::to_string(control) +
            " of the first " + std::to_string(head.size()) +
            " bytes are control characters");
  }
  return Status::Ok();
}

std::string IsoDatePart(std::string_view v) {
  while (!v.empty() && IsAsciiSpace(v.front())) v.remove_prefix(1);
  while (!v.empty() && IsAsciiSpace(v.back())) v.remove_suffix(1);
  int year, month, day;
  if (v.size() < 10 || !Digits(v, 0, 4, &year) || v[4] != '-' ||
      !Digits(v, 5, 2, &month) || v[7] != '-' || !Digits(v, 8, 2, &day)) {
    return "";
  }
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  if (year < 1 || month < 1 || month > 12 || day < 1 ||
      day > kDays[month - 1]) {
    return "";
  }
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && day == 29 && !leap) return "";
  if (v.size() > 10) {
    // A time must follow: [T ]HH:MM[:SS[.fff]][zone].
    if (v[10] != 'T' && v[10] != 't' && v[10] != ' ') return "";
    int hh, mm, ss;
    if (!Digits(v, 11, 2, &hh) || hh > 24 || v.size() < 16 || v[13] != ':' ||
        !Digits(v, 14, 2, &mm) || mm > 59) {
      return "";
    }
    size_t k = 16;
    if (k < v.size() && v[k] == ':') {
      if (!Digits(v, k + 1, 2, &ss) || ss > 60) return "";
      k += 3;
      if (k < v.size() && (v[k] == '.' || v[k] == ',')) {
        size_t f = k + 1;
        while (f < v.size() && v[f] >= '0' && v[f] <= '9') ++f;
        if (f == k + 1) return "";
        k = f;
      }
    }
    if (!ValidZone(v, k)) return "";
  }
  return std::string(v.substr(0, 10));
}

namespace {

bool HasUtf16Bom(std::string_view s) {
  return s.size() >= 2 &&
         ((static_cast<unsigned char>(s[0]) == 0xFF &&
           static_cast<unsigned char>(s[1]) == 0xFE) ||
          (static_cast<unsigned char>(s[0]) == 0xFE &&
           static_cast<unsigned char>(s[1]) == 0xFF));
}

// The map from a decoded page (`utf8_size` bytes of UTF-8) back to its raw
// bytes.
OffsetMap DecodeMap(const Utf8Html& page, size_t utf8_size,
                    size_t raw_size) {
  OffsetMap map;
  if (!page.transcoded) {
    map.Add(0, page.raw_start);
  } else {
    for (size_t i = 0; i < utf8_size; ++i) {
      map.Add(static_cast<uint32_t>(i), page.raw_offset[i]);
    }
  }
  map.Finish(static_cast<uint32_t>(utf8_size),
             static_cast<uint32_t>(raw_size));
  return map;
}

// Fills what the input did not give from an HTML page's own metadata.
// A page title often carries the site's name: "Headline | Site" or
// "Site - Headline". When one side equals the body's first line (its h1),
// returns the other side as the site name and trims `title` to the headline.
std::string SplitSiteFromTitle(std::string& title, std::string_view first) {
  for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                               " :: ", " \xC2\xBB "}) {
    size_t at = title.find(sep);
    if (at == std::string::npos || title.find(sep, at + 1) != std::string::npos) {
      continue;
    }
    std::string left = title.substr(0, at);
    std::string right = title.substr(at + sep.size());
    if (left == first) {
      title = left;
      return right;
    }
    if (right == first) {
      title = right;
      return left;
    }
  }
  return "";
}

void AddPageMetadata(const ExtractedPage& page, DocMeta& meta,
                     std::string_view first_line) {
  std::string site_from_title;
  if (meta.title.empty() && ValidateUtf8(page.title).ok()) {
    meta.title = CollapseWhitespace(page.title);
    meta.title_from_metadata = !meta.title.empty();
    site_from_title = SplitSiteFromTitle(meta.title, first_line);
  }
  if (meta.url.empty() && ValidateUtf8(page.canonical_url).ok()) {
    meta.url = CollapseWhitespace(page.canonical_url);
  }
  if (!meta.outlet.has_value() && ValidateUtf8(page.site_name).ok()) {
    std::string outlet = CollapseWhitespace(page.site_name);
    if (!outlet.empty()) {
      meta.outlet = std::move(outlet);
      meta.outlet_how = "metadata";
    }
  }
  if (!meta.outlet.has_value() && !site_from_title.empty()) {
    meta.outlet = std::move(site_from_title);
    meta.outlet_how = "metadata";
  }
  if (meta.published.empty()) {
    meta.published = IsoDatePart(page.published);
    if (!meta.published.empty()) meta.published_how = PublishedHow::kMetadata;
  }
  if (!page.author.empty() && ValidateUtf8(page.author).ok()) {
    // The extractor joins several authors with ", ".
    std::string_view rest = page.author;
    while (!rest.empty()) {
      size_t comma = rest.find(", ");
      std::string one = CollapseWhitespace(rest.substr(0, comma));
      if (!one.empty()) meta.authors.push_back(std::move(one));
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 2);
    }
  }
  // "en-GB" -> "en"; only a plausible primary subtag is taken.
  std::string_view lang = page.language;
  lang = lang.substr(0, lang.find_first_of("-_"));
  if (lang.size() >= 2 && lang.size() <= 3 &&
      std::all_of(lang.begin(), lang.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      })) {
    std::string lower;
    for (char c : lang) lower += static_cast<char>(c | 0x20);
    meta.language = std::move(lower);
    meta.language_from_metadata = true;
  }
}

}  // namespace

StatusOr<Document> NormalizeArticle(RawArticle raw,
                                    const NormalizeOptions& opts) {
  const size_t size = raw.bytes.size();
  const size_t limit =
      std::min<size_t>(opts.max_bytes, std::numeric_limits<uint32_t>::max());
  if (size > limit) {
    return Status(ErrorCode::kTooLarge,
                  "input is " + std::to_string(size) +
                      " bytes, over the limit of " + std::to_string(limit) +
                      " bytes (raise it with --max-doc-bytes)");
  }
  if (size == 0) {
    return Status(ErrorCode::kEmptyInput, "input is empty");
  }
  const bool html = raw.format == RawArticle::Format::kHtml;
  // A web page may be in any charset (UTF-16 has NUL bytes): it is decoded
  // below instead of checked.
  if (!html || !HasUtf16Bom(raw.bytes)) {
    DOSSIER_RETURN_IF_ERROR(CheckNotBinary(raw.bytes));
  }
  if (!html) DOSSIER_RETURN_IF_ERROR(ValidateUtf8(raw.bytes));

  // `source` is the text cleaned below; `html_map` (HTML input only) maps
  // it back to the page's bytes.
  std::string source = std::move(raw.bytes);
  std::optional<OffsetMap> html_map;
  ExtractedPage page;
  if (html) {
    // A UTF-8 page is read in place (keep_raw: `utf8` views `source`).
    StatusOr<Utf8Html> decoded =
        DecodeHtml(source, raw.charset, /*keep_raw=*/true);
    if (!decoded.ok()) return decoded.status();
    const std::string_view utf8 = decoded->View(source);
    ExtractOptions xopts;
    xopts.declared_charset = "utf-8";  // already decoded
    StatusOr<ExtractedPage> got = ExtractMainText(utf8, xopts);
    if (!got.ok()) return got.status();
    page = std::move(got).value();
    if (!ValidateUtf8(page.text).ok()) {
      return Status(ErrorCode::kTextEncoding,
                    "text extracted from the HTML is not valid UTF-8");
    }
    if (AllWhitespace(page.text)) {
      return Status(ErrorCode::kEmptyInput,
                    "the HTML page holds no article text");
    }
    // text -> UTF-8 page -> raw bytes.
    html_map = OffsetMap::Compose(
        AlignToSource(page.text, utf8),
        DecodeMap(*decoded, utf8.size(), source.size()));
    source = std::move(page.text);
  }

  const uint32_t source_len = static_cast<uint32_t>(source.size());
  std::string text;
  OffsetMap map;
  if (NeedsCleanUp(source)) {
    MapBuilder builder;
    text = CleanUp(source, builder);
    map = builder.Build(static_cast<uint32_t>(text.size()), source_len);
  } else {
    text = std::move(source);
    map = OffsetMap::Identity(source_len);
  }
  if (AllWhitespace(text)) {
    return Status(ErrorCode::kEmptyInput,
                  "input holds no text (only whitespace or invisible "
                  "characters)");
  }
  OffsetMap nfc_map;
  bool changed = false;
  DOSSIER_RETURN_IF_ERROR(ToNfc(text, &nfc_map, &changed));
  if (changed) map = OffsetMap::Compose(nfc_map, map);
  if (html_map.has_value()) map = OffsetMap::Compose(map, *html_map);

  DocMeta meta;
  meta.source = std::move(raw.source);
  if (ValidateUtf8(raw.title).ok()) meta.title = CollapseWhitespace(raw.title);
  meta.title_from_metadata = !meta.title.empty();
  if (ValidateUtf8(raw.url).ok()) meta.url = CollapseWhitespace(raw.url);
  std::string outlet;
  if (ValidateUtf8(raw.outlet).ok()) outlet = CollapseWhitespace(raw.outlet);
  if (!outlet.empty()) {
    meta.outlet = std::move(outlet);
    meta.outlet_how = "metadata";
  }
  meta.published = IsoDatePart(raw.published);
  if (!meta.published.empty()) meta.published_how = PublishedHow::kMetadata;
  if (html_map.has_value()) {
    std::string_view body = text;
    AddPageMetadata(page, meta, body.substr(0, body.find('\n')));
  }
  return Document(std::move(meta), std::move(text), std::move(map));
}

}  // namespace dossier
