#include "pos/features.h"

#include <string>

#include "ner/features.h"

namespace dossier {
namespace pos_internal {
namespace {

using ner_internal::HashBytes;

enum Flag : uint32_t {
  kUpperInitial = 1,
  kAllUpper = 2,
  kHasDigit = 4,
  kHasHyphen = 8,
  kHasPeriod = 16,
  kAllDigit = 32,
  kNonAscii = 64,
  kFirstToken = 128,
};

inline uint64_t Mix(uint64_t a, uint64_t b) {
  uint64_t h = a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2));
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

inline uint64_t F(uint64_t tmpl, uint64_t a) {
  return Mix(tmpl * 0x100 + 1, a);
}
inline uint64_t F(uint64_t tmpl, uint64_t a, uint64_t b) {
  return Mix(Mix(tmpl * 0x100 + 2, a), b);
}

// Reads the token with typographic marks replaced by Treebank ASCII forms.
void Normalize(std::string_view t, std::string* out) {
  out->clear();
  for (size_t i = 0; i < t.size();) {
    const unsigned char c = static_cast<unsigned char>(t[i]);
    if (c == 0xE2 && i + 2 < t.size() &&
        static_cast<unsigned char>(t[i + 1]) == 0x80) {
      const unsigned char d = static_cast<unsigned char>(t[i + 2]);
      if (d == 0x9C || d == 0x9D || d == 0x9E || d == 0x9F) {  // “ ” „ ‟
        *out += '"';
        i += 3;
        continue;
      }
      if (d == 0x98 || d == 0x99 || d == 0x9A || d == 0x9B) {  // ‘ ’ ‚ ‛
        *out += '\'';
        i += 3;
        continue;
      }
      if (d >= 0x90 && d <= 0x95) {  // hyphens and dashes
        *out += '-';
        i += 3;
        continue;
      }
    }
    if (c == 0xC2 && i + 1 < t.size() &&
        (static_cast<unsigned char>(t[i + 1]) == 0xAB ||
         static_cast<unsigned char>(t[i + 1]) == 0xBB)) {  // « »
      *out += '"';
      i += 2;
      continue;
    }
    *out += static_cast<char>(c);
    ++i;
  }
  if (*out == "``" || *out == "''") *out = "\"";
}

}  // namespace

void PreparePosTokens(const std::string_view* tokens, size_t n, PosScratch* s) {
  s->info.resize(n);
  std::string word, lower, shape;
  for (size_t i = 0; i < n; ++i) {
    Normalize(tokens[i], &word);
    PosTokenInfo& info = s->info[i];
    lower.clear();
    shape.clear();
    uint32_t flags = i == 0 ? kFirstToken : 0;
    bool all_upper = true, all_digit = true, any_letter = false;
    for (size_t k = 0; k < word.size(); ++k) {
      const unsigned char c = static_cast<unsigned char>(word[k]);
      char sh;
      if (c >= 'A' && c <= 'Z') {
        lower += static_cast<char>(c - 'A' + 'a');
        sh = 'X';
        any_letter = true;
        all_digit = false;
        if (k == 0) flags |= kUpperInitial;
      } else if (c >= 'a' && c <= 'z') {
        lower += static_cast<char>(c);
        sh = 'x';
        any_letter = true;
        all_upper = false;
        all_digit = false;
      } else if (c >= '0' && c <= '9') {
        lower += '0';
        sh = 'd';
        flags |= kHasDigit;
      } else {
        lower += static_cast<char>(c);
        sh = c >= 0x80 ? 'u' : static_cast<char>(c);
        all_digit = false;
        if (c >= 0x80) flags |= kNonAscii;
        if (c == '-') flags |= kHasHyphen;
        if (c == '.') flags |= kHasPeriod;
      }
      if (shape.empty() || shape.back() != sh) shape += sh;
    }
    if (any_letter && all_upper) flags |= kAllUpper;
    if (all_digit && !word.empty()) flags |= kAllDigit;
    info.word = HashBytes(word);
    info.lower = HashBytes(lower);
    info.shape = HashBytes(shape);
    info.prefix1 = HashBytes(std::string_view(lower).substr(0, 1));
    for (size_t k = 0; k < 4; ++k) {
      info.suffix[k] =
          lower.size() > k + 1
              ? HashBytes(std::string_view(lower).substr(lower.size() - k - 1))
              : 0;
    }
    info.flags = flags;
  }
}

int PosFeatures(const PosScratch& s, size_t n, size_t i, uint8_t prev1,
                uint8_t prev2, uint64_t* out) {
  static constexpr uint64_t kStart = 0x5354415254ULL, kEnd = 0x454e44ULL;
  const PosTokenInfo& w = s.info[i];
  auto lower_at = [&](ptrdiff_t k) -> uint64_t {
    const ptrdiff_t j = static_cast<ptrdiff_t>(i) + k;
    if (j < 0) return kStart + static_cast<uint64_t>(-j);
    if (j >= static_cast<ptrdiff_t>(n)) return kEnd + static_cast<uint64_t>(j);
    return s.info[j].lower;
  };
  auto suffix3_at = [&](ptrdiff_t k) -> uint64_t {
    const ptrdiff_t j = static_cast<ptrdiff_t>(i) + k;
    if (j < 0 || j >= static_cast<ptrdiff_t>(n)) return kEnd;
    return s.info[j].suffix[2] ? s.info[j].suffix[2] : s.info[j].lower;
  };
  auto shape_at = [&](ptrdiff_t k) -> uint64_t {
    const ptrdiff_t j = static_cast<ptrdiff_t>(i) + k;
    if (j < 0 || j >= static_cast<ptrdiff_t>(n)) return kEnd;
    return s.info[j].shape;
  };
  int c = 0;
  out[c++] = F(1, 0);  // bias
  out[c++] = F(2, w.word);
  out[c++] = F(3, w.lower);
  for (int k = 0; k < 4; ++k) {
    if (w.suffix[k]) out[c++] = F(4 + k, w.suffix[k]);
  }
  out[c++] = F(8, w.prefix1);
  out[c++] = F(9, w.shape);
  out[c++] = F(10, w.flags);
  out[c++] = F(11, prev1);
  out[c++] = F(12, prev1, prev2);
  out[c++] = F(13, prev1, w.lower);
  out[c++] = F(14, lower_at(-1));
  out[c++] = F(15, suffix3_at(-1));
  out[c++] = F(16, lower_at(-2));
  out[c++] = F(17, lower_at(1));
  out[c++] = F(18, suffix3_at(1));
  out[c++] = F(19, lower_at(2));
  out[c++] = F(20, lower_at(-1), w.lower);
  out[c++] = F(21, w.lower, lower_at(1));
  out[c++] = F(22, shape_at(-1), w.shape);
  out[c++] = F(23, w.shape, shape_at(1));
  out[c++] = F(24, prev1, lower_at(1));
  out[c++] = F(25, w.flags & 3, prev1);
  return c;
}

}  // namespace pos_internal
}  // namespace dossier
