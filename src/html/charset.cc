#include "html/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cstring>
#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "html/ascii.h"

namespace dossier {
namespace {

using ascii::StartsWithCi;
using std::string_view;
constexpr auto IsSpace = ascii::IsHtmlSpace;

char LowerAscii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Reads a charset name after "charset" / "encoding" at `pos`: optional
// spaces, '=', spaces, quotes, then the name. "" when there is no '='.
std::string ReadNameAfterKey(string_view s, size_t pos) {
  while (pos < s.size() && IsSpace(s[pos])) ++pos;
  if (pos >= s.size() || s[pos] != '=') return {};
  ++pos;
  while (pos < s.size() &&
         (IsSpace(s[pos]) || s[pos] == '"' || s[pos] == '\''))
    ++pos;
  std::string out;
  while (pos < s.size() && out.size() < 64) {
    char c = s[pos++];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' ||
              c == '.' || c == '(' || c == ')' || c == '+';
    if (!ok) break;
    out.push_back(LowerAscii(c));
  }
  return out;
}

// Looks for `key` (lowercase) in s[begin, end) and reads the name after it.
std::string FindKeyedName(string_view s, size_t begin, size_t end,
                          string_view key) {
  for (size_t i = begin; i + key.size() <= end; ++i) {
    if (StartsWithCi(s, i, key)) {
      std::string name = ReadNameAfterKey(s.substr(0, end), i + key.size());
      if (!name.empty()) return name;
    }
  }
  return {};
}

// "text/html; charset=EUC-JP" or " 'utf-8' " -> "euc-jp" / "utf-8".
std::string NormalizeDeclared(string_view d) {
  std::string lower;
  lower.reserve(d.size());
  for (char c : d) lower.push_back(LowerAscii(c));
  size_t pos = lower.find("charset");
  if (pos != std::string::npos) {
    std::string name = ReadNameAfterKey(lower, pos + 7);
    if (!name.empty()) return name;
  }
  string_view v = lower;
  while (!v.empty() && (IsSpace(v.front()) || v.front() == '"' ||
                        v.front() == '\''))
    v.remove_prefix(1);
  while (!v.empty() &&
         (IsSpace(v.back()) || v.back() == '"' || v.back() == '\'' ||
          v.back() == ';'))
    v.remove_suffix(1);
  if (v.find_first_of(" ;=/") != string_view::npos) return {};
  return std::string(v.substr(0, 64));
}

// Browser (WHATWG) readings of legacy labels, where they differ from
// ICU's. The result is an ICU converter name.
std::string IcuNameFor(const std::string& label) {
  static const struct {
    const char* label;
    const char* icu;
  } kMap[] = {
      {"iso-8859-1", "windows-1252"},  {"iso8859-1", "windows-1252"},
      {"iso_8859-1", "windows-1252"},  {"latin1", "windows-1252"},
      {"l1", "windows-1252"},          {"us-ascii", "windows-1252"},
      {"ascii", "windows-1252"},       {"cp819", "windows-1252"},
      {"ibm819", "windows-1252"},      {"iso-ir-100", "windows-1252"},
      {"csisolatin1", "windows-1252"}, {"ansi_x3.4-1968", "windows-1252"},
      {"iso-8859-9", "windows-1254"},  {"iso8859-9", "windows-1254"},
      {"latin5", "windows-1254"},      {"l5", "windows-1254"},
      {"tis-620", "windows-874"},      {"iso-8859-11", "windows-874"},
      {"gb2312", "GB18030"},           {"gbk", "GB18030"},
      {"x-gbk", "GB18030"},            {"gb_2312-80", "GB18030"},
      {"csgb2312", "GB18030"},         {"chinese", "GB18030"},
      {"euc-kr", "windows-949"},       {"ks_c_5601-1987", "windows-949"},
      {"korean", "windows-949"},       {"cseuckr", "windows-949"},
      {"utf8", "UTF-8"},               {"unicode-1-1-utf-8", "UTF-8"},
  };
  for (const auto& m : kMap) {
    if (label == m.label) return m.icu;
  }
  return label;
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter Open(const std::string& icu_name) {
  if (icu_name.empty()) return nullptr;
  UErrorCode ec = U_ZERO_ERROR;
  UConverter* c = ucnv_open(icu_name.c_str(), &ec);
  if (U_FAILURE(ec)) return nullptr;
  return Converter(c);
}

// The name reported in Utf8Html::charset: MIME or IANA where ICU has one.
std::string PublicName(UConverter* c) {
  UErrorCode ec = U_ZERO_ERROR;
  const char* internal = ucnv_getName(c, &ec);
  if (U_FAILURE(ec) || !internal) return "unknown";
  for (const char* standard : {"MIME", "IANA"}) {
    UErrorCode e2 = U_ZERO_ERROR;
    const char* n = ucnv_getStandardName(internal, standard, &e2);
    if (U_SUCCESS(e2) && n) return n;
  }
  return internal;
}

enum class Family { kUtf8, kUtf16or32, kOther };

Family FamilyOf(UConverter* c) {
  UErrorCode ec = U_ZERO_ERROR;
  const char* internal = ucnv_getName(c, &ec);
  if (U_FAILURE(ec) || !internal) return Family::kOther;
  string_view n = internal;
  if (n == "UTF-8") return Family::kUtf8;
  if (n.substr(0, 6) == "UTF-16" || n.substr(0, 6) == "UTF-32" ||
      n == "UTF16_PlatformEndian" || n == "UTF16_OppositeEndian")
    return Family::kUtf16or32;
  return Family::kOther;
}

struct Utf8Stats {
  size_t multibyte = 0;  // valid sequences of 2-4 bytes
  size_t invalid = 0;    // maximal invalid subparts
  bool valid() const { return invalid == 0; }
};

// Validates UTF-8 (no overlongs, surrogates or code points > U+10FFFF).
Utf8Stats ScanUtf8(string_view s) {
  Utf8Stats st;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    // Fast path over ASCII, 64 (SSE2) or 32 and then 8 bytes at a time.
#if defined(__SSE2__)
    while (i + 64 <= n) {
      const auto* v = reinterpret_cast<const __m128i*>(p + i);
      __m128i any = _mm_or_si128(
          _mm_or_si128(_mm_loadu_si128(v), _mm_loadu_si128(v + 1)),
          _mm_or_si128(_mm_loadu_si128(v + 2), _mm_loadu_si128(v + 3)));
      if (_mm_movemask_epi8(any) != 0) break;
      i += 64;
    }
#endif
    while (i + 32 <= n) {
      uint64_t w[4];
      memcpy(w, p + i, 32);
      if ((w[0] | w[1] | w[2] | w[3]) & 0x8080808080808080ULL) break;
      i += 32;
    }
    while (i + 8 <= n) {
      uint64_t w;
      memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    }
    if (len == 0) {
      ++st.invalid;
      ++i;
      continue;
    }
    size_t k = 1;
    for (; k < len && i + k < n; ++k) {
      unsigned char b = p[i + k];
      unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
      if (b < l || b > h) break;
    }
    if (k == len) {
      ++st.multibyte;
      i += len;
    } else {
      ++st.invalid;
      i += k;
    }
  }
  return st;
}

// A real UTF-8 page with a few broken bytes, not a legacy page.
bool MostlyUtf8(const Utf8Stats& st) {
  return st.multibyte > 0 && st.invalid * 2 <= st.multibyte;
}

struct ErrorCount {
  size_t errors = 0;
};

// Counts conversion errors, then substitutes U+FFFD as ICU's default does.
void CountingToUCallback(const void* context, UConverterToUnicodeArgs* args,
                         const char* code_units, int32_t length,
                         UConverterCallbackReason reason, UErrorCode* err) {
  if (reason == UCNV_UNASSIGNED || reason == UCNV_ILLEGAL ||
      reason == UCNV_IRREGULAR) {
    ++static_cast<ErrorCount*>(const_cast<void*>(context))->errors;
  }
  UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, code_units, length, reason,
                                err);
}

struct TranscodeResult {
  size_t errors = 0;    // bytes sequences that did not convert
  size_t non_ascii = 0;  // code points >= U+0080 produced
};

// Converts raw[start..] with `conv` into out->text/raw_offset.
Status Transcode(string_view raw, size_t start, UConverter* conv,
                 Utf8Html* out, TranscodeResult* result) {
  ErrorCount count;
  UErrorCode ec = U_ZERO_ERROR;
  ucnv_setToUCallBack(conv, CountingToUCallback, &count, nullptr, nullptr,
                      &ec);
  if (U_FAILURE(ec)) {
    return Status(ErrorCode::kTextEncoding, "cannot set ICU callback");
  }
  std::string& text = out->text;
  std::vector<uint32_t>& offs = out->raw_offset;
  text.clear();
  offs.clear();
  size_t expect = raw.size() - start;
  text.reserve(expect + expect / 4 + 16);
  offs.reserve(expect + expect / 4 + 16);

  auto emit = [&](UChar32 cp, uint32_t off) {
    if (cp < 0x80) {  // most characters of most pages
      text.push_back(static_cast<char>(cp));
      offs.push_back(off);
      return;
    }
    char buf[4];
    int n;
    if (cp < 0x80) {
      buf[0] = static_cast<char>(cp);
      n = 1;
    } else if (cp < 0x800) {
      buf[0] = static_cast<char>(0xC0 | (cp >> 6));
      buf[1] = static_cast<char>(0x80 | (cp & 0x3F));
      n = 2;
    } else if (cp < 0x10000) {
      buf[0] = static_cast<char>(0xE0 | (cp >> 12));
      buf[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      buf[2] = static_cast<char>(0x80 | (cp & 0x3F));
      n = 3;
    } else {
      buf[0] = static_cast<char>(0xF0 | (cp >> 18));
      buf[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      buf[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      buf[3] = static_cast<char>(0x80 | (cp & 0x3F));
      n = 4;
    }
    ++result->non_ascii;
    text.append(buf, n);
    for (int k = 0; k < n; ++k) offs.push_back(off);
  };

  constexpr int kChunk = 1 << 14;
  std::unique_ptr<UChar[]> units(new UChar[kChunk]);
  std::unique_ptr<int32_t[]> unit_offs(new int32_t[kChunk]);
  const char* src = raw.data() + start;
  const char* const limit = raw.data() + raw.size();
  uint32_t last = static_cast<uint32_t>(start);
  UChar lead = 0;
  uint32_t lead_off = 0;
  for (;;) {
    UChar* target = units.get();
    const char* call_src = src;
    ec = U_ZERO_ERROR;
    ucnv_toUnicode(conv, &target, units.get() + kChunk, &src, limit,
                   unit_offs.get(), /*flush=*/true, &ec);
    size_t n = static_cast<size_t>(target - units.get());
    uint32_t base = static_cast<uint32_t>(call_src - raw.data());
    for (size_t i = 0; i < n; ++i) {
      uint32_t off = unit_offs[i] >= 0
                         ? base + static_cast<uint32_t>(unit_offs[i])
                         : last;
      if (off < last) off = last;
      last = off;
      UChar u = units[i];
      if (lead) {
        if (U16_IS_TRAIL(u)) {
          emit(U16_GET_SUPPLEMENTARY(lead, u), lead_off);
          lead = 0;
          continue;
        }
        emit(0xFFFD, lead_off);
        lead = 0;
      }
      if (U16_IS_LEAD(u)) {
        lead = u;
        lead_off = off;
      } else if (U16_IS_TRAIL(u)) {
        emit(0xFFFD, off);
      } else {
        emit(u, off);
      }
    }
    if (ec == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(ec)) {
      return Status(ErrorCode::kTextEncoding,
                    std::string("ICU conversion failed: ") + u_errorName(ec));
    }
    break;
  }
  if (lead) emit(0xFFFD, lead_off);
  offs.push_back(static_cast<uint32_t>(raw.size()));
  out->transcoded = true;
  out->raw_start = 0;
  out->charset = PublicName(conv);
  result->errors = count.errors;
  return Status::Ok();
}

Status TranscodeAs(string_view raw, size_t start, const std::string& icu_name,
                   Utf8Html* out, TranscodeResult* result) {
  Converter c = Open(icu_name);
  if (!c) {
    return Status(ErrorCode::kTextEncoding,
                  "ICU has no converter for " + icu_name);
  }
  return Transcode(raw, start, c.get(), out, result);
}

// The page's own bytes: valid UTF-8 after `start` (a BOM's length).
// `keep_raw`: the text is not copied (DecodeHtml's keep_raw).
Utf8Html Identity(string_view raw, size_t start, bool keep_raw) {
  Utf8Html h;
  if (keep_raw) {
    h.is_raw = true;
  } else {
    h.text.assign(raw.substr(start));
  }
  h.charset = "UTF-8";
  h.transcoded = false;
  h.raw_start = static_cast<uint32_t>(start);
  return h;
}

// ICU's guess, or windows-1252.
std::string Detect(string_view raw, const Utf8Stats& st) {
  if (MostlyUtf8(st)) return "UTF-8";
  UErrorCode ec = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&ec);
  if (U_FAILURE(ec)) return "windows-1252";
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> guard(
      det, ucsdet_close);
  ucsdet_enableInputFilter(det, true);
  // The detector is slow on long inputs; 256 KiB is plenty of evidence.
  int32_t len = static_cast<int32_t>(std::min<size_t>(raw.size(), 256 << 10));
  ucsdet_setText(det, raw.data(), len, &ec);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det, &found, &ec);
  if (U_FAILURE(ec) || !matches) return "windows-1252";
  for (int32_t i = 0; i < found; ++i) {
    UErrorCode e2 = U_ZERO_ERROR;
    int32_t confidence = ucsdet_getConfidence(matches[i], &e2);
    const char* name = ucsdet_getName(matches[i], &e2);
    if (U_FAILURE(e2) || !name || confidence < 10) continue;
    std::string lower;
    for (const char* p = name; *p; ++p) lower.push_back(LowerAscii(*p));
    std::string icu = IcuNameFor(lower);
    if (Open(icu)) return icu;
  }
  return "windows-1252";
}

// Tries a declared or meta charset. Returns true with *out filled when it
// is believed.
// True when `raw` (all ASCII: no multibyte UTF-8) reads the same in the
// charset of `c` as in ASCII, so it needs no transcoding: no ESC byte (the
// ISO-2022 family switches with it) and the charset maps a probe of every
// printable ASCII byte, HZ's "~{" and UTF-7's "+...-" to themselves.
bool AsciiIsIdentity(UConverter* c, string_view raw) {
  if (std::memchr(raw.data(), 0x1B, raw.size()) != nullptr) return false;
  static constexpr char kProbe[] =
      "\t\n\r !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ"
      "[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~ ~{ab~} +AGE- \x0c";
  constexpr int32_t kLen = sizeof kProbe - 1;
  UChar buf[2 * kLen];
  UErrorCode ec = U_ZERO_ERROR;
  ucnv_reset(c);
  int32_t n = ucnv_toUChars(c, buf, 2 * kLen, kProbe, kLen, &ec);
  ucnv_reset(c);
  if (U_FAILURE(ec) || n != kLen) return false;
  for (int32_t i = 0; i < kLen; ++i) {
    if (buf[i] != static_cast<unsigned char>(kProbe[i])) return false;
  }
  return true;
}

bool TryClaim(string_view raw, const std::string& label, bool from_meta,
              const Utf8Stats& st, bool keep_raw, Utf8Html* out) {
  Converter c = Open(IcuNameFor(label));
  if (!c) return false;
  Family fam = FamilyOf(c.get());
  if (fam == Family::kUtf16or32) {
    if (from_meta) {
      c = Open("UTF-8");
      if (!c) return false;
      fam = Family::kUtf8;
    } else if (memchr(raw.data(), 0, std::min<size_t>(raw.size(), 1024)) ==
               nullptr) {
      return false;  // ASCII-based bytes: not UTF-16/32 whatever HTTP says
    }
  }
  if (fam == Family::kUtf8) {
    if (st.valid()) {
      *out = Identity(raw, 0, keep_raw);
      return true;
    }
    if (!MostlyUtf8(st)) return false;
    TranscodeResult r;
    return Transcode(raw, 0, c.get(), out, &r).ok();
  }
  if (st.valid() && st.multibyte > 0) {
    *out = Identity(raw, 0, keep_raw);
    return true;
  }
  if (st.valid() && AsciiIsIdentity(c.get(), raw)) {
    *out = Identity(raw, 0, keep_raw);
    out->charset = PublicName(c.get());
    return true;
  }
  TranscodeResult r;
  if (!Transcode(raw, 0, c.get(), out, &r).ok()) return false;
  return r.errors * 100 <= r.non_ascii;
}

// A transcoded result that reproduced the raw bytes is an identity.
void SimplifyIdentity(string_view raw, Utf8Html* h) {
  if (h->transcoded && h->text.size() == raw.size() &&
      memcmp(h->text.data(), raw.data(), raw.size()) == 0) {
    h->transcoded = false;
    h->raw_start = 0;
    std::vector<uint32_t>().swap(h->raw_offset);
  }
}

}  // namespace

std::string SniffMetaCharset(string_view html) {
  size_t n = std::min<size_t>(html.size(), 4096);
  string_view s = html.substr(0, n);
  size_t i = 0;
  while (i < n) {
    size_t lt = s.find('<', i);
    if (lt == string_view::npos) break;
    i = lt;
    if (s.compare(i, 4, "<!--") == 0) {
      size_t end = s.find("-->", i + 4);
      if (end == string_view::npos) break;
      i = end + 3;
      continue;
    }
    if (StartsWithCi(s, i, "<meta") && i + 5 < n &&
        (IsSpace(s[i + 5]) || s[i + 5] == '/')) {
      size_t end = s.find('>', i);
      if (end == string_view::npos) end = n;
      std::string name = FindKeyedName(s, i + 5, end, "charset");
      if (!name.empty()) return name;
      i = end;
      continue;
    }
    if (StartsWithCi(s, i, "<?xml")) {
      size_t end = s.find("?>", i);
      if (end == string_view::npos) end = n;
      std::string name = FindKeyedName(s, i + 5, end, "encoding");
      if (!name.empty()) return name;
      i = end;
      continue;
    }
    ++i;
  }
  return {};
}

StatusOr<Utf8Html> DecodeHtml(string_view raw, string_view declared_charset,
                              bool keep_raw) {
  if (raw.size() >= UINT32_MAX) {
    return Status(ErrorCode::kTooLarge, "HTML of 4 GiB or more");
  }
  Utf8Html out;
  TranscodeResult r;
  // 1. Byte order marks.
  const auto* u = reinterpret_cast<const unsigned char*>(raw.data());
  if (raw.size() >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
    if (ScanUtf8(raw.substr(3)).valid()) return Identity(raw, 3, keep_raw);
    DOSSIER_RETURN_IF_ERROR(TranscodeAs(raw, 3, "UTF-8", &out, &r));
    return out;
  }
  if (raw.size() >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
                          (u[0] == 0xFE && u[1] == 0xFF))) {
    DOSSIER_RETURN_IF_ERROR(TranscodeAs(
        raw, 2, u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", &out, &r));
    return out;
  }
  Utf8Stats st = ScanUtf8(raw);
  // 2./3. What the server and the page say, when believable.
  std::string declared = NormalizeDeclared(declared_charset);
  if (!declared.empty() && TryClaim(raw, declared, false, st, keep_raw, &out)) {
    SimplifyIdentity(raw, &out);
    return out;
  }
  std::string meta = SniffMetaCharset(raw);
  if (!meta.empty() && meta != declared &&
      TryClaim(raw, meta, true, st, keep_raw, &out)) {
    SimplifyIdentity(raw, &out);
    return out;
  }
  // 4. UTF-8 as it is.
  if (st.valid()) return Identity(raw, 0, keep_raw);
  // 5. Detection.
  std::string guess = Detect(raw, st);
  Status s = TranscodeAs(raw, 0, guess, &out, &r);
  if (!s.ok()) DOSSIER_RETURN_IF_ERROR(TranscodeAs(raw, 0, "windows-1252",
                                                   &out, &r));
  SimplifyIdentity(raw, &out);
  return out;
}

}  // namespace dossier
