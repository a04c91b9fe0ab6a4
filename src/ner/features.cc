#include "ner/features.h"

#include <algorithm>
#include <cstring>
#include <fstream>

#include "ner/conll.h"

namespace dossier {
namespace ner_internal {
namespace {

inline uint64_t Fmix(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  k ^= k >> 33;
  return k;
}

constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;

inline uint64_t Feature(uint32_t tid, uint64_t a) {
  return Fmix(a ^ (static_cast<uint64_t>(tid) * 0x9E3779B97F4A7C15ULL));
}
inline uint64_t Feature(uint32_t tid, uint64_t a, uint64_t b) {
  return Fmix(Feature(tid, a) ^ (b * 0xC2B2AE3D27D4EB4FULL));
}
inline uint64_t Feature(uint32_t tid, uint64_t a, uint64_t b, uint64_t c) {
  return Fmix(Feature(tid, a, b) ^ (c * 0x165667B19E3779F9ULL));
}

// Token flags.
enum : uint32_t {
  kFlagHasDigit = 1u << 0,
  kFlagAllDigits = 1u << 1,
  kFlagHyphen = 1u << 2,
  kFlagPeriod = 1u << 3,
  kFlagApostrophe = 1u << 4,
  kFlagNonAscii = 1u << 5,
  kFlagSentStart = 1u << 6,
  kFlagHeadline = 1u << 7,
  kFlagSingleChar = 1u << 8,
  kFlagCaps1 = 1u << 9,  // a single upper-case letter, maybe with a '.'
};

// Document facts.
enum : uint8_t {
  kDocTitleMid = 1,   // capitalized inside a non-headline sentence
  kDocLower = 2,      // all lower case somewhere
  kDocCapsBody = 4,   // all capitals in a non-headline sentence
  kDocTitleStart = 8, // capitalized at a sentence start (non-headline)
};

// Templates. Values are part of the feature set: never renumber.
enum Template : uint32_t {
  kTBias = 1, kTWord, kTLower, kTShape, kTShortShape, kTPrefix, kTSuffix,
  kTLowerM1, kTLowerP1, kTLowerM2, kTLowerP2,
  kTShapeM1, kTShapeP1, kTShapeM2, kTShapeP2,
  kTBigramM1, kTBigramP1, kTShape3, kTShapeBiM1, kTShapeBiP1,
  kTFlags, kTStartShape, kTHeadShape, kTDoc, kTHistMajor, kTHistSeen,
  kTGazetteer, kTWordM1Shape, kTShapeWordP1, kTCaseDoc,
};

// Sentinels for positions outside the sentence.
constexpr uint64_t kBos = 0x6a09e667f3bcc908ULL;
constexpr uint64_t kEos = 0xbb67ae8584caa73bULL;

inline char ShapeChar(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return 'u';
  return static_cast<char>(c);
}

void ComputeToken(std::string_view w, TokenInfo* t) {
  uint64_t hw = kFnvOffset, hl = kFnvOffset, hs = kFnvOffset,
           hss = kFnvOffset;
  int upper = 0, lower = 0, digit = 0, other = 0, letters_after_first_upper = 0;
  uint32_t flags = 0;
  char last_shape = 0;
  int shape_len = 0;
  const size_t n = w.size();
  for (int k = 0; k < 4; ++k) t->prefix[k] = t->suffix[k] = 0;
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(w[i]);
    hw = (hw ^ c) * kFnvPrime;
    unsigned char l = c;
    if (c >= 'A' && c <= 'Z') {
      l = c + 32;
      ++upper;
      if (i > 0) ++letters_after_first_upper;
    } else if (c >= 'a' && c <= 'z') {
      ++lower;
    } else if (c >= '0' && c <= '9') {
      l = '0';
      ++digit;
    } else if (c >= 0x80) {
      flags |= kFlagNonAscii;
      ++lower;  // treat as a lower-case letter for case classes
    } else {
      ++other;
      if (c == '-') flags |= kFlagHyphen;
      if (c == '.') flags |= kFlagPeriod;
      if (c == '\'') flags |= kFlagApostrophe;
    }
    hl = (hl ^ l) * kFnvPrime;
    if (i < 4) t->prefix[i] = hl;
    const char sc = ShapeChar(c);
    if (shape_len < 12) {
      hs = (hs ^ static_cast<unsigned char>(sc)) * kFnvPrime;
      ++shape_len;
    }
    if (sc != last_shape) {
      hss = (hss ^ static_cast<unsigned char>(sc)) * kFnvPrime;
      last_shape = sc;
    }
  }
  for (size_t k = 1; k <= 4 && k <= n; ++k) {
    uint64_t h = kFnvOffset;
    for (size_t i = n - k; i < n; ++i) {
      unsigned char c = static_cast<unsigned char>(w[i]);
      if (c >= 'A' && c <= 'Z') c += 32;
      if (c >= '0' && c <= '9') c = '0';
      h = (h ^ c) * kFnvPrime;
    }
    t->suffix[k - 1] = Fmix(h);
  }
  for (int k = 0; k < 4; ++k) {
    if (t->prefix[k] != 0) t->prefix[k] = Fmix(t->prefix[k]);
  }
  t->word = Fmix(hw) | 1;
  t->lower = Fmix(hl) | 1;
  t->shape = Fmix(hs);
  t->short_shape = Fmix(hss);
  if (digit > 0) flags |= kFlagHasDigit;
  if (digit > 0 && digit == static_cast<int>(n)) flags |= kFlagAllDigits;
  if (n == 1) flags |= kFlagSingleChar;
  if (upper == 1 && lower == 0 && digit == 0 &&
      (n == 1 || (n == 2 && w[1] == '.'))) {
    flags |= kFlagCaps1;
  }
  t->flags = flags;
  const bool first_upper = n > 0 && w[0] >= 'A' && w[0] <= 'Z';
  if (upper + lower == 0) {
    t->case_class = kNoLetters;
  } else if (upper == 0) {
    t->case_class = kLowerCase;
  } else if (lower == 0) {
    t->case_class = upper >= 2 || n == 1 ? kAllCaps : kTitleCase;
  } else if (first_upper && letters_after_first_upper == 0) {
    t->case_class = kTitleCase;
  } else {
    t->case_class = kMixedCase;
  }
  t->gazetteer = 0;
}

DocEntry* FindOrInsert(std::vector<DocEntry>& table, uint64_t key,
                       uint32_t* slot) {
  const size_t mask = table.size() - 1;
  size_t i = Fmix(key) & mask;
  while (table[i].key != 0 && table[i].key != key) i = (i + 1) & mask;
  if (table[i].key == 0) {
    table[i].key = key;
  }
  *slot = static_cast<uint32_t>(i);
  return &table[i];
}

}  // namespace

uint64_t HashBytes(std::string_view s) {
  uint64_t h = kFnvOffset;
  for (unsigned char c : s) h = (h ^ c) * kFnvPrime;
  return Fmix(h);
}

uint64_t Gazetteer::Extend(uint64_t phrase_hash, uint64_t token_lower_hash) {
  return Fmix(phrase_hash * 0x9E3779B97F4A7C15ULL ^ token_lower_hash);
}

StatusOr<Gazetteer> Gazetteer::LoadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kUnreadable, "cannot open " + path);
  std::vector<std::pair<uint64_t, uint8_t>> entries;
  int max_tokens = 0;
  std::string line;
  size_t line_no = 0;
  TokenInfo info;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    NerType type;
    if (tab == std::string::npos ||
        !ParseNerType(std::string_view(line).substr(0, tab), &type)) {
      return Status(ErrorCode::kInvalidArgument,
                    path + ":" + std::to_string(line_no) +
                        ": expected TYPE<TAB>phrase");
    }
    uint64_t h = kEmptyPhrase;
    int count = 0;
    std::string_view rest = std::string_view(line).substr(tab + 1);
    size_t i = 0;
    while (i < rest.size()) {
      while (i < rest.size() && rest[i] == ' ') ++i;
      if (i == rest.size()) break;
      size_t j = i;
      while (j < rest.size() && rest[j] != ' ') ++j;
      ComputeToken(rest.substr(i, j - i), &info);
      h = Extend(h, info.lower);
      ++count;
      i = j;
    }
    if (count == 0 || count > kMaxPhraseTokens) continue;
    max_tokens = std::max(max_tokens, count);
    entries.push_back({h, static_cast<uint8_t>(1u << static_cast<int>(type))});
  }
  std::sort(entries.begin(), entries.end());
  std::vector<uint64_t> keys;
  std::vector<uint8_t> masks;
  for (const auto& [k, m] : entries) {
    if (!keys.empty() && keys.back() == k) {
      masks.back() |= m;
    } else {
      keys.push_back(k);
      masks.push_back(m);
    }
  }
  return FromTables(std::move(keys), std::move(masks), max_tokens);
}

Gazetteer Gazetteer::FromTables(std::vector<uint64_t> keys,
                                std::vector<uint8_t> masks, int max_tokens) {
  Gazetteer g;
  g.keys_ = std::move(keys);
  g.masks_ = std::move(masks);
  g.max_tokens_ = g.keys_.empty() ? 0 : max_tokens;
  return g;
}

uint8_t Gazetteer::Find(uint64_t phrase_hash) const {
  auto it = std::lower_bound(keys_.begin(), keys_.end(), phrase_hash);
  if (it == keys_.end() || *it != phrase_hash) return 0;
  return masks_[it - keys_.begin()];
}

void PrepareDocument(const std::string_view* tokens, size_t n,
                     const uint32_t* sentence_ends, size_t num_sentences,
                     const Gazetteer* gazetteer, FeatureScratch* s) {
  s->info.resize(n);
  s->sentence_of.resize(n);
  s->headline.assign(num_sentences, 0);
  s->doc_slot.resize(n);
  size_t cap = 64;
  while (cap < 2 * n) cap <<= 1;
  s->doc.resize(cap);
  std::memset(static_cast<void*>(s->doc.data()), 0,
              cap * sizeof(DocEntry));
  for (size_t i = 0; i < n; ++i) ComputeToken(tokens[i], &s->info[i]);
  uint32_t begin = 0;
  for (size_t si = 0; si < num_sentences; ++si) {
    const uint32_t end = sentence_ends[si];
    int letter_tokens = 0, caps_tokens = 0;
    for (uint32_t i = begin; i < end; ++i) {
      s->sentence_of[i] = static_cast<uint32_t>(si);
      const uint8_t cc = s->info[i].case_class;
      if (cc != kNoLetters) ++letter_tokens;
      if (cc == kAllCaps) ++caps_tokens;
    }
    const bool headline = caps_tokens >= 2 && 2 * caps_tokens > letter_tokens;
    s->headline[si] = headline;
    if (begin < end) s->info[begin].flags |= kFlagSentStart;
    for (uint32_t i = begin; i < end; ++i) {
      TokenInfo& t = s->info[i];
      if (headline) t.flags |= kFlagHeadline;
      DocEntry* e = FindOrInsert(s->doc, t.lower, &s->doc_slot[i]);
      if (t.case_class == kLowerCase) e->facts |= kDocLower;
      if (!headline) {
        if (t.case_class == kTitleCase || t.case_class == kMixedCase) {
          e->facts |= i == begin ? kDocTitleStart : kDocTitleMid;
        } else if (t.case_class == kAllCaps && i != begin) {
          e->facts |= kDocCapsBody;
        }
      }
    }
    if (gazetteer != nullptr && !gazetteer->empty()) {
      const int max_len = gazetteer->max_tokens();
      for (uint32_t i = begin; i < end; ++i) {
        uint64_t h = Gazetteer::kEmptyPhrase;
        for (uint32_t j = i; j < end && static_cast<int>(j - i) < max_len;
             ++j) {
          h = Gazetteer::Extend(h, s->info[j].lower);
          const uint8_t mask = gazetteer->Find(h);
          if (mask == 0) continue;
          for (int type = 0; type < 4; ++type) {
            if (!(mask & (1u << type))) continue;
            if (j == i) {
              s->info[i].gazetteer |= 1u << (4 * type + kU);
            } else {
              s->info[i].gazetteer |= 1u << (4 * type + kB);
              for (uint32_t k = i + 1; k < j; ++k) {
                s->info[k].gazetteer |= 1u << (4 * type + kI);
              }
              s->info[j].gazetteer |= 1u << (4 * type + kL);
            }
          }
        }
      }
    }
    begin = end;
  }
}

void ExtractSentenceFeatures(uint32_t begin, uint32_t end, FeatureScratch* s) {
  const uint32_t n = end - begin;
  s->offsets.resize(n + 1);
  // At most ~40 features per token; grow once.
  const size_t need = static_cast<size_t>(n) * 64;
  if (s->feats.size() < need) s->feats.resize(need);
  uint64_t* f = s->feats.data();
  size_t k = 0;
  const TokenInfo* info = s->info.data();
  auto lower_at = [&](int64_t i) -> uint64_t {
    if (i < begin) return kBos;
    if (i >= end) return kEos;
    return info[i].lower;
  };
  auto shape_at = [&](int64_t i) -> uint64_t {
    if (i < begin) return kBos;
    if (i >= end) return kEos;
    return info[i].short_shape;
  };
  for (uint32_t i = begin; i < end; ++i) {
    s->offsets[i - begin] = static_cast<uint32_t>(k);
    const TokenInfo& t = info[i];
    const int64_t ii = i;
    const uint64_t lm1 = lower_at(ii - 1), lp1 = lower_at(ii + 1);
    const uint64_t sm1 = shape_at(ii - 1), sp1 = shape_at(ii + 1);
    f[k++] = Feature(kTBias, 0);
    f[k++] = Feature(kTWord, t.word);
    f[k++] = Feature(kTLower, t.lower);
    f[k++] = Feature(kTShape, t.shape);
    f[k++] = Feature(kTShortShape, t.short_shape);
    for (int j = 0; j < 4; ++j) {
      if (t.prefix[j] != 0) f[k++] = Feature(kTPrefix, t.prefix[j], j);
      if (t.suffix[j] != 0) f[k++] = Feature(kTSuffix, t.suffix[j], j);
    }
    f[k++] = Feature(kTLowerM1, lm1);
    f[k++] = Feature(kTLowerP1, lp1);
    f[k++] = Feature(kTLowerM2, lower_at(ii - 2));
    f[k++] = Feature(kTLowerP2, lower_at(ii + 2));
    f[k++] = Feature(kTShapeM1, sm1);
    f[k++] = Feature(kTShapeP1, sp1);
    f[k++] = Feature(kTShapeM2, shape_at(ii - 2));
    f[k++] = Feature(kTShapeP2, shape_at(ii + 2));
    f[k++] = Feature(kTBigramM1, lm1, t.lower);
    f[k++] = Feature(kTBigramP1, t.lower, lp1);
    f[k++] = Feature(kTShape3, sm1, t.short_shape, sp1);
    f[k++] = Feature(kTShapeBiM1, sm1, t.short_shape);
    f[k++] = Feature(kTShapeBiP1, t.short_shape, sp1);
    f[k++] = Feature(kTWordM1Shape, lm1, t.short_shape);
    f[k++] = Feature(kTShapeWordP1, t.short_shape, lp1);
    const uint32_t pos_flags = t.flags & (kFlagSentStart | kFlagHeadline);
    f[k++] = Feature(kTFlags, t.flags, t.case_class);
    f[k++] = Feature(kTStartShape, pos_flags, t.short_shape);
    const DocEntry& e = s->doc[s->doc_slot[i]];
    f[k++] = Feature(kTDoc, e.facts, t.case_class, pos_flags);
    if (t.case_class != kLowerCase && t.case_class != kNoLetters) {
      f[k++] = Feature(kTCaseDoc, e.facts, t.lower);
      int total = 0, best = -1, best_count = 0;
      for (int c = 0; c < 5; ++c) {
        total += e.history[c];
        if (e.history[c] > best_count) {
          best = c;
          best_count = e.history[c];
        }
        if (c < 4 && e.history[c] > 0) f[k++] = Feature(kTHistSeen, c);
      }
      if (total > 0) f[k++] = Feature(kTHistMajor, best, t.case_class);
    }
    if (t.gazetteer != 0) {
      for (int b = 0; b < 16; ++b) {
        if (t.gazetteer & (1u << b)) f[k++] = Feature(kTGazetteer, b);
      }
    }
  }
  s->offsets[n] = static_cast<uint32_t>(k);
}

void RecordHistory(uint32_t begin, uint32_t end, const uint8_t* tags,
                   FeatureScratch* s) {
  for (uint32_t i = begin; i < end; ++i) {
    const TokenInfo& t = s->info[i];
    if (t.case_class == kLowerCase || t.case_class == kNoLetters) continue;
    DocEntry& e = s->doc[s->doc_slot[i]];
    const int tag = tags[i - begin];
    const int c = tag == 0 ? 4 : TagType(tag);
    if (e.history[c] < 0xffff) ++e.history[c];
  }
}

}  // namespace ner_internal
}  // namespace dossier
