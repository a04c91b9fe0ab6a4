#include "ner/decode.h"

#include <array>
#include <limits>

namespace dossier {
namespace ner_internal {
namespace {

bool OpenTag(int tag) {  // B-x or I-x: the entity continues
  return tag > 0 && (TagPart(tag) == kB || TagPart(tag) == kI);
}

struct Predecessors {
  // For each tag, the allowed previous tags, ascending.
  std::array<std::array<uint8_t, kNumTags>, kNumTags> list;
  std::array<int, kNumTags> count;
  Predecessors() {
    for (int c = 0; c < kNumTags; ++c) {
      count[c] = 0;
      for (int p = 0; p < kNumTags; ++p) {
        if (AllowedTransition(p, c)) list[c][count[c]++] = p;
      }
    }
  }
};

const Predecessors& Preds() {
  static const Predecessors p;
  return p;
}

}  // namespace

bool AllowedTransition(int prev, int cur) {
  const bool prev_open = prev >= 0 && OpenTag(prev);
  const bool cur_continues =
      cur > 0 && (TagPart(cur) == kI || TagPart(cur) == kL);
  if (prev_open) return cur_continues && TagType(cur) == TagType(prev);
  return !cur_continues;
}

bool AllowedEnd(int tag) { return !OpenTag(tag); }

void Viterbi(const int32_t* emit, const int32_t* trans, uint32_t n,
             DecodeScratch* s, uint8_t* tags) {
  if (n == 0) return;
  constexpr int64_t kNeg = std::numeric_limits<int64_t>::min() / 4;
  const Predecessors& preds = Preds();
  s->score.resize(2 * kNumTags);
  if (s->back.size() < static_cast<size_t>(n) * kNumTags) {
    s->back.resize(static_cast<size_t>(n) * kNumTags);
  }
  int64_t* prev = s->score.data();
  int64_t* cur = prev + kNumTags;
  const int32_t* start = trans + kStartRow * kNumTags;
  for (int c = 0; c < kNumTags; ++c) {
    prev[c] = AllowedTransition(-1, c) ? int64_t{start[c]} + emit[c] : kNeg;
  }
  for (uint32_t i = 1; i < n; ++i) {
    const int32_t* e = emit + static_cast<size_t>(i) * kNumTags;
    uint8_t* b = s->back.data() + static_cast<size_t>(i) * kNumTags;
    for (int c = 0; c < kNumTags; ++c) {
      int64_t best = kNeg;
      int arg = 0;
      const int cnt = preds.count[c];
      for (int k = 0; k < cnt; ++k) {
        const int p = preds.list[c][k];
        const int64_t v = prev[p] + trans[p * kNumTags + c];
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      cur[c] = best + e[c];
      b[c] = static_cast<uint8_t>(arg);
    }
    std::swap(prev, cur);
  }
  const int32_t* end = trans + kEndRow * kNumTags;
  int64_t best = kNeg;
  int arg = 0;
  for (int c = 0; c < kNumTags; ++c) {
    if (!AllowedEnd(c)) continue;
    const int64_t v = prev[c] + end[c];
    if (v > best) {
      best = v;
      arg = c;
    }
  }
  tags[n - 1] = static_cast<uint8_t>(arg);
  for (uint32_t i = n - 1; i > 0; --i) {
    arg = s->back[static_cast<size_t>(i) * kNumTags + arg];
    tags[i - 1] = static_cast<uint8_t>(arg);
  }
}

}  // namespace ner_internal
}  // namespace dossier
