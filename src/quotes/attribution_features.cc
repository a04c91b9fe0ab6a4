#include "quotes/attribution_features.h"

#include <algorithm>

#include "pos/tags.h"
#include "quotes/quote_stage.h"

namespace dossier {
namespace attr_internal {
namespace {

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
inline uint64_t F(uint64_t tmpl, uint64_t a, uint64_t b, uint64_t c) {
  return Mix(Mix(Mix(tmpl * 0x100 + 3, a), b), c);
}

// 0, 1, 2, 3, 4-6, 7-12, 13+ tokens away; 7 = none.
inline uint16_t Bucket(uint32_t d) {
  if (d <= 3) return static_cast<uint16_t>(d);
  if (d <= 6) return 4;
  if (d <= 12) return 5;
  return 6;
}
constexpr uint16_t kFar = 7;

enum class Mark : uint8_t { kNotDouble, kOpen, kClose, kToggle };
Mark MarkOf(std::string_view t) {
  if (t == "\"") return Mark::kToggle;
  if (t == "\xE2\x80\x9C" || t == "\xC2\xAB" || t == "\xE2\x80\x9E") {
    return Mark::kOpen;
  }
  if (t == "\xE2\x80\x9D" || t == "\xC2\xBB") return Mark::kClose;
  return Mark::kNotDouble;
}

bool IsPronounWord(std::string_view w) {
  return w == "he" || w == "she" || w == "they" || w == "it" || w == "we" ||
         w == "i" || w == "you";
}

}  // namespace

void RepairBegins(uint8_t* labels, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    const uint8_t l = labels[i];
    if (l == kO || IsBegin(l)) continue;
    if (i == 0 || RoleOf(labels[i - 1]) != RoleOf(l)) {
      labels[i] = static_cast<uint8_t>(l - 1);
    }
  }
}

uint64_t HashString(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

void PrepareAttributionTokens(const Document& doc, const QuoteStage& stage,
                              AttributionScratch* s) {
  const Layers& l = doc.layers();
  const std::vector<Token>& toks = l.tokens;
  const size_t n = toks.size();
  s->info.resize(n);
  char lower[64], shape[64];
  size_t m = 0;  // next mention
  const std::vector<Mention>& mentions = l.mentions;
  size_t block = 0;
  bool in_quote = false;
  for (size_t i = 0; i < n; ++i) {
    const std::string_view w = doc.Slice(toks[i].span);
    AttrTokenInfo& info = s->info[i];
    size_t len = 0, slen = 0;
    for (size_t k = 0; k < w.size() && len < sizeof(lower); ++k) {
      unsigned char c = static_cast<unsigned char>(w[k]);
      char sh;
      if (c >= 'A' && c <= 'Z') {
        lower[len++] = static_cast<char>(c - 'A' + 'a');
        sh = 'X';
      } else if (c >= 'a' && c <= 'z') {
        lower[len++] = static_cast<char>(c);
        sh = 'x';
      } else if (c >= '0' && c <= '9') {
        lower[len++] = '0';
        sh = 'd';
      } else {
        lower[len++] = static_cast<char>(c);
        sh = c >= 0x80 ? 'u' : static_cast<char>(c);
      }
      if (slen < sizeof(shape) && (slen == 0 || shape[slen - 1] != sh)) {
        shape[slen++] = sh;
      }
    }
    const std::string_view lw(lower, len);
    info.lower = HashString(lw);
    info.suffix3 = len > 3 ? HashString(lw.substr(len - 3)) : info.lower;
    info.shape = HashString(std::string_view(shape, slen));
    info.pos = toks[i].pos;
    uint8_t bits = 0;
    if ((toks[i].flags & kTokenAlpha) &&
        (stage.IsIndirectVerb(w) || stage.IsCueVerb(lw))) {
      bits |= kCueVerb;
    }
    if (lw == "," || lw == ";" || lw == ":") bits |= kComma;
    if (IsPronounWord(lw)) bits |= kPronoun;
    // Quotation state, per paragraph.
    while (block < l.blocks.size() &&
           l.blocks[block].span.end <= toks[i].span.start) {
      ++block;
      in_quote = false;
    }
    if (toks[i].flags & kTokenQuoteMark) {
      const Mark mk = MarkOf(w);
      if (mk != Mark::kNotDouble) {
        bits |= kQuoteMark;
        if (mk == Mark::kOpen) in_quote = true;
        if (mk == Mark::kClose) in_quote = false;
        if (mk == Mark::kToggle) in_quote = !in_quote;
      }
    } else if (in_quote) {
      bits |= kInQuote;
    }
    info.bits = bits;
    while (m < mentions.size() && mentions[m].span.end <= toks[i].span.start) {
      ++m;
    }
    info.entity = 0;
    for (size_t k = m; k < mentions.size() && k < m + 3; ++k) {
      const Mention& mm = mentions[k];
      if (mm.span.start <= toks[i].span.start &&
          toks[i].span.start < mm.span.end) {
        info.entity =
            static_cast<uint8_t>(1 + static_cast<int>(mm.type) +
                                 (mm.span.start == toks[i].span.start ? 8 : 0) +
                                 (mm.form == MentionForm::kPronoun ? 16 : 0));
        break;
      }
    }
  }
}

void SentenceFeatures(AttributionScratch* s, uint32_t first, uint32_t end) {
  SentenceFeatures(s->info.data(), s, first, end);
}

void SentenceFeatures(const AttrTokenInfo* doc_info, AttributionScratch* s,
                      uint32_t first, uint32_t end) {
  const uint32_t n = end - first;
  s->feats.resize(static_cast<size_t>(n) * kMaxAttrFeatures);
  s->nfeats.resize(n);
  s->cue_left.resize(n);
  s->cue_right.resize(n);
  s->mark_left.resize(n);
  s->mark_right.resize(n);
  const AttrTokenInfo* info = doc_info + first;
  s->cue_left_at.resize(n);
  s->cue_right_at.resize(n);
  uint32_t last_cue = UINT32_MAX, last_mark = UINT32_MAX;
  for (uint32_t i = 0; i < n; ++i) {
    s->cue_left_at[i] = last_cue;
    s->cue_left[i] = last_cue == UINT32_MAX ? kFar : Bucket(i - last_cue);
    s->mark_left[i] = last_mark == UINT32_MAX ? kFar : Bucket(i - last_mark);
    if (info[i].bits & kCueVerb) last_cue = i;
    if (info[i].bits & kQuoteMark) last_mark = i;
  }
  last_cue = last_mark = UINT32_MAX;
  for (uint32_t i = n; i-- > 0;) {
    s->cue_right_at[i] = last_cue;
    s->cue_right[i] = last_cue == UINT32_MAX ? kFar : Bucket(last_cue - i);
    s->mark_right[i] = last_mark == UINT32_MAX ? kFar : Bucket(last_mark - i);
    if (info[i].bits & kCueVerb) last_cue = i;
    if (info[i].bits & kQuoteMark) last_mark = i;
  }
  static constexpr uint64_t kStart = 0x5354415254ULL, kEnd = 0x454e44ULL;
  auto lower_at = [&](int64_t j) -> uint64_t {
    if (j < 0) return kStart - static_cast<uint64_t>(j);
    if (j >= static_cast<int64_t>(n))
      return kEnd + static_cast<uint64_t>(j - n);
    return info[j].lower;
  };
  auto pos_at = [&](int64_t j) -> uint64_t {
    if (j < 0) return 200;
    if (j >= static_cast<int64_t>(n)) return 201;
    return info[j].pos;
  };
  auto bits_at = [&](int64_t j) -> uint64_t {
    if (j < 0 || j >= static_cast<int64_t>(n)) return 0x80;
    return info[j].bits;
  };
  auto ent_at = [&](int64_t j) -> uint64_t {
    if (j < 0 || j >= static_cast<int64_t>(n)) return 0x80;
    return info[j].entity;
  };
  // The nearest verb (by POS) on either side, and the sentence's first
  // verb: which verb a token stands before or after ("the senator
  // attacked", "critics support").
  s->verb_left.resize(n);
  s->verb_right.resize(n);
  uint32_t last_verb = UINT32_MAX, first_verb = UINT32_MAX;
  for (uint32_t i = 0; i < n; ++i) {
    s->verb_left[i] = last_verb;
    if (IsVerbTag(info[i].pos)) {
      last_verb = i;
      if (first_verb == UINT32_MAX) first_verb = i;
    }
  }
  last_verb = UINT32_MAX;
  for (uint32_t i = n; i-- > 0;) {
    s->verb_right[i] = last_verb;
    if (IsVerbTag(info[i].pos)) last_verb = i;
  }
  auto verb_word = [&](uint32_t v) -> uint64_t {
    return v == UINT32_MAX ? 0x4e4f5645ULL : info[v].lower;
  };
  const bool cued = s->cue_mask.size() == n;
  if (cued) {
    s->known_left.resize(n);
    s->known_right.resize(n);
    uint32_t last = UINT32_MAX;
    for (uint32_t i = 0; i < n; ++i) {
      if (s->cue_mask[i]) last = i;
      s->known_left[i] = last;
    }
    last = UINT32_MAX;
    for (uint32_t i = n; i-- > 0;) {
      if (s->cue_mask[i]) last = i;
      s->known_right[i] = last;
    }
  }
  const uint64_t len_bucket = Bucket(n / 3);
  for (uint32_t i = 0; i < n; ++i) {
    uint64_t* out = s->feats.data() + static_cast<size_t>(i) * kMaxAttrFeatures;
    const AttrTokenInfo& w = info[i];
    const int64_t j = i;
    const uint64_t cl = s->cue_left[i], cr = s->cue_right[i];
    const uint64_t ml = s->mark_left[i], mr = s->mark_right[i];
    const uint64_t quote = w.bits & (kInQuote | kQuoteMark);
    const uint64_t from_start = Bucket(i), to_end = Bucket(n - 1 - i);
    int c = 0;
    out[c++] = F(1, 0);
    out[c++] = F(2, w.lower);
    out[c++] = F(3, w.suffix3);
    out[c++] = F(4, w.shape);
    out[c++] = F(5, w.pos);
    out[c++] = F(6, pos_at(j - 1), w.pos);
    out[c++] = F(7, w.pos, pos_at(j + 1));
    out[c++] = F(8, lower_at(j - 1));
    out[c++] = F(9, lower_at(j + 1));
    out[c++] = F(10, lower_at(j - 2));
    out[c++] = F(11, lower_at(j + 2));
    out[c++] = F(12, lower_at(j - 1), w.lower);
    out[c++] = F(13, w.lower, lower_at(j + 1));
    out[c++] = F(14, pos_at(j - 2), pos_at(j - 1), w.pos);
    out[c++] = F(15, w.bits);
    out[c++] = F(16, w.entity);
    out[c++] = F(17, ent_at(j - 1), w.entity);
    out[c++] = F(18, from_start, to_end);
    out[c++] = F(19, cl, cr);
    out[c++] = F(20, cl, w.pos);
    out[c++] = F(21, cr, w.pos);
    out[c++] = F(22, quote, w.pos);
    out[c++] = F(23, ml, mr);
    out[c++] = F(24, ml, mr, quote);
    out[c++] = F(25, w.lower, bits_at(j + 1));
    out[c++] = F(26, lower_at(j - 1), w.pos);
    out[c++] = F(27, w.lower, pos_at(j + 1));
    out[c++] = F(28, bits_at(j - 1), w.bits, bits_at(j + 1));
    out[c++] = F(29, cl, cr, quote);
    out[c++] = F(30, w.entity, cr);
    out[c++] = F(31, w.entity, cl);
    out[c++] = F(32, w.pos, pos_at(j + 1), pos_at(j + 2));
    out[c++] = F(33, len_bucket, from_start);
    out[c++] = F(34, lower_at(j - 1), cl);
    out[c++] = F(35, w.lower, cl, cr);
    out[c++] = F(36, pos_at(j - 1), cl);
    out[c++] = F(37, w.suffix3, w.pos);
    out[c++] = F(38, lower_at(j + 1), lower_at(j + 2));
    out[c++] = F(39, lower_at(j - 2), lower_at(j - 1));
    {
      const uint32_t vl = s->verb_left[i], vr = s->verb_right[i];
      out[c++] = F(40, verb_word(vl), vl == UINT32_MAX ? kFar : Bucket(i - vl));
      out[c++] = F(41, verb_word(vr), vr == UINT32_MAX ? kFar : Bucket(vr - i));
      const uint64_t side = first_verb == UINT32_MAX ? 3
                            : i < first_verb         ? 0
                            : i == first_verb        ? 1
                                                     : 2;
      out[c++] = F(42, verb_word(first_verb), side);
      out[c++] = F(43, verb_word(first_verb), side, w.pos);
      // The nearest reporting verb itself, not only how far it is.
      const uint32_t ql = s->cue_left_at[i], qr = s->cue_right_at[i];
      out[c++] = F(44, verb_word(ql), cl);
      out[c++] = F(45, verb_word(qr), cr);
      out[c++] = F(46, w.lower, quote);
    }
    if (cued) {
      // Relative to the nearest known cue token: the side, the distance,
      // the cue's word, whether a comma or a verb lies between.
      const uint32_t l = s->known_left[i], r = s->known_right[i];
      uint64_t side, dist, cw, between = 0;
      if (s->cue_mask[i]) {
        side = 2;
        dist = 0;
        cw = w.lower;
      } else {
        const bool left =
            l != UINT32_MAX && (r == UINT32_MAX || i - l <= r - i);
        const uint32_t k = left ? l : r;
        if (k == UINT32_MAX) {
          side = 3;
          dist = kFar;
          cw = 0;
        } else {
          side = left ? 1 : 0;  // 1: the cue is to the left
          dist = Bucket(left ? i - k : k - i);
          cw = info[k].lower;
          const uint32_t lo = std::min(i, k) + 1, hi = std::max(i, k);
          for (uint32_t t = lo; t < hi; ++t) {
            if (info[t].bits & kComma) between |= 1;
            if (info[t].pos == kPosVBD || info[t].pos == kPosVBZ ||
                info[t].pos == kPosVBP || info[t].pos == kPosMD) {
              between |= 2;
            }
            if (info[t].bits & kQuoteMark) between |= 4;
          }
        }
      }
      out[c++] = F(60, side, dist);
      out[c++] = F(61, side, dist, w.pos);
      out[c++] = F(62, side, cw);
      out[c++] = F(63, side, cw, w.pos);
      out[c++] = F(64, side, w.lower);
      out[c++] = F(65, side, between, dist);
      out[c++] = F(66, side, dist, quote);
      out[c++] = F(67, side, between, w.pos);
    }
    s->nfeats[i] = static_cast<uint8_t>(c);
  }
}

}  // namespace attr_internal
}  // namespace dossier
