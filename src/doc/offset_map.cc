#include "doc/offset_map.h"

#include <algorithm>

namespace dossier {

OffsetMap OffsetMap::Identity(uint32_t length) {
  OffsetMap map;
  map.Add(0, 0);
  map.Finish(length, length);
  return map;
}

void OffsetMap::Add(uint32_t clean, uint32_t raw) {
  if (!anchors_.empty() && anchors_.back().clean == clean) {
    anchors_.back().raw = raw;
    return;
  }
  // Skip anchors that the previous one already implies.
  if (!anchors_.empty()) {
    const Anchor& last = anchors_.back();
    if (raw >= last.raw && clean - last.clean == raw - last.raw) return;
  }
  anchors_.push_back({clean, raw});
}

void OffsetMap::Finish(uint32_t clean_length, uint32_t raw_length) {
  clean_length_ = clean_length;
  raw_length_ = raw_length;
  if (anchors_.empty()) anchors_.push_back({0, 0});
}

uint32_t OffsetMap::ToRaw(uint32_t clean) const {
  if (clean >= clean_length_) return raw_length_;
  auto it = std::upper_bound(
      anchors_.begin(), anchors_.end(), clean,
      [](uint32_t value, const Anchor& a) { return value < a.clean; });
  if (it == anchors_.begin()) return 0;
  const Anchor& a = *(it - 1);
  uint32_t raw = a.raw + (clean - a.clean);
  uint32_t limit = (it == anchors_.end()) ? raw_length_ : it->raw;
  // Inside a rewritten region the copy assumption breaks: clamp.
  if (raw > limit) raw = a.raw;
  return raw;
}

uint32_t OffsetMap::ToRawEnd(uint32_t clean_end) const {
  if (clean_end == 0) return ToRaw(0);
  const uint32_t last = ToRaw(clean_end - 1);
  const uint32_t next = ToRaw(clean_end);
  // A copied last byte ends one raw byte later; inside a rewritten region
  // the next clean byte's raw start is the tighter bound.
  return std::min(next, last + 1);
}

OffsetMap OffsetMap::Compose(const OffsetMap& outer, const OffsetMap& inner) {
  OffsetMap out;
  // Every anchor of either map can start a new linear run.
  std::vector<uint32_t> points;
  points.reserve(outer.anchors_.size() + inner.anchors_.size());
  for (const Anchor& a : outer.anchors_) points.push_back(a.clean);
  // Inner anchors are in outer's raw space; find the clean offsets that map
  // to them within each outer run.
  for (size_t i = 0; i < outer.anchors_.size(); ++i) {
    const Anchor& a = outer.anchors_[i];
    uint32_t clean_end = i + 1 < outer.anchors_.size()
                             ? outer.anchors_[i + 1].clean
                             : outer.clean_length_;
    uint32_t raw_end = a.raw + (clean_end - a.clean);
    auto lo = std::lower_bound(
        inner.anchors_.begin(), inner.anchors_.end(), a.raw,
        [](const Anchor& x, uint32_t v) { return x.clean < v; });
    for (auto it = lo; it != inner.anchors_.end() && it->clean < raw_end;
         ++it) {
      points.push_back(a.clean + (it->clean - a.raw));
    }
  }
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());
  for (uint32_t p : points) {
    if (p > outer.clean_length_) continue;
    out.Add(p, inner.ToRaw(outer.ToRaw(p)));
  }
  out.Finish(outer.clean_length_, inner.raw_length_);
  return out;
}

}  // namespace dossier
