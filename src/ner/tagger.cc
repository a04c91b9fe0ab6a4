#include "ner/tagger.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "ner/model_file.h"

namespace dossier {

using ner_internal::kNumTags;

StatusOr<NerModel> NerModel::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kUnreadable, "cannot open " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status(ErrorCode::kUnreadable, "cannot read " + path);
  StatusOr<NerModel> m = FromBytes(buf.str());
  if (!m.ok()) return m.status().WithContext(path);
  return m;
}

StatusOr<NerModel> NerModel::FromBytes(std::string_view bytes) {
  StatusOr<ner_internal::ModelData> data = ner_internal::DecodeModel(bytes);
  if (!data.ok()) return data.status();
  ner_internal::ModelData& d = *data;
  if (d.feature_set_version != ner_internal::kFeatureSetVersion) {
    return Status(ErrorCode::kInvalidArgument,
                  "ner model: trained with feature set " +
                      std::to_string(d.feature_set_version) +
                      ", this build computes feature set " +
                      std::to_string(ner_internal::kFeatureSetVersion));
  }
  NerModel m;
  const size_t n = d.keys.size();
  size_t cap = 1024;
  while (cap < n + n / 2 + 1) cap <<= 1;  // load factor <= 2/3
  m.table_.assign(cap, Entry{});
  m.mask_ = cap - 1;
  for (size_t i = 0; i < n; ++i) {
    const uint64_t h = d.keys[i];
    const uint32_t key = static_cast<uint32_t>(h >> 32) | 1u;
    size_t slot = h & m.mask_;
    while (m.table_[slot].key != 0 && m.table_[slot].key != key) {
      slot = (slot + 1) & m.mask_;
    }
    Entry& e = m.table_[slot];
    if (e.key == 0) {
      e.key = key;
      for (int t = 0; t < kNumTags; ++t) e.w[t] = d.weights[i * kNumTags + t];
    } else {
      // Two features share 32 key bits and a probe chain: keep the sum
      // (saturated), as a hashed model would.
      for (int t = 0; t < kNumTags; ++t) {
        const int v = e.w[t] + d.weights[i * kNumTags + t];
        e.w[t] = static_cast<int16_t>(std::clamp(v, -32768, 32767));
      }
    }
  }
  m.trans_ = std::move(d.trans);
  m.gazetteer_ = ner_internal::Gazetteer::FromTables(
      std::move(d.gazetteer_keys), std::move(d.gazetteer_masks),
      static_cast<int>(d.gazetteer_max_tokens));
  m.info_.features = static_cast<uint32_t>(n);
  m.info_.gazetteer_entries =
      static_cast<uint32_t>(m.gazetteer_.keys().size());
  m.info_.epochs = d.epochs;
  m.info_.seed = d.seed;
  m.info_.scale = d.scale;
  return m;
}

void NerModel::Emissions(uint32_t n, NerScratch* s) const {
  const size_t need = static_cast<size_t>(n) * kNumTags;
  if (s->emit.size() < need) s->emit.resize(need);
  const uint64_t* feats = s->features.feats.data();
  const uint32_t* off = s->features.offsets.data();
  const uint32_t total = off[n];
  const Entry* table = table_.data();
  constexpr uint32_t kAhead = 8;
  for (uint32_t k = 0; k < total && k < kAhead; ++k) {
    __builtin_prefetch(&table[feats[k] & mask_]);
  }
  uint32_t k = 0;
  for (uint32_t i = 0; i < n; ++i) {
    int32_t acc[kNumTags] = {};
    for (; k < off[i + 1]; ++k) {
      if (k + kAhead < total) {
        __builtin_prefetch(&table[feats[k + kAhead] & mask_]);
      }
      const uint64_t h = feats[k];
      const uint32_t key = static_cast<uint32_t>(h >> 32) | 1u;
      size_t slot = h & mask_;
      while (true) {
        const Entry& e = table[slot];
        if (e.key == key) {
          for (int t = 0; t < kNumTags; ++t) acc[t] += e.w[t];
          break;
        }
        if (e.key == 0) break;
        slot = (slot + 1) & mask_;
      }
    }
    std::copy(acc, acc + kNumTags, s->emit.data() + i * kNumTags);
  }
}

void NerModel::Run(std::span<const std::string_view> tokens,
                   std::span<const uint32_t> sentence_ends,
                   NerScratch* s) const {
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  s->tags.resize(n);
  if (n == 0) return;
  // Sanitize the sentence ends.
  std::vector<uint32_t>& ends = s->sentence_ends;
  ends.clear();
  uint32_t last = 0;
  for (uint32_t e : sentence_ends) {
    if (e <= last) continue;
    if (e > n) e = n;
    ends.push_back(e);
    last = e;
    if (e == n) break;
  }
  if (last < n) ends.push_back(n);
  ner_internal::PrepareDocument(tokens.data(), n, ends.data(), ends.size(),
                                &gazetteer_, &s->features);
  uint32_t begin = 0;
  const size_t num_sentences = ends.size();
  for (size_t si = 0; si < num_sentences; ++si) {
    const uint32_t end = ends[si];
    ner_internal::ExtractSentenceFeatures(begin, end, &s->features);
    Emissions(end - begin, s);
    ner_internal::Viterbi(s->emit.data(), trans_.data(), end - begin,
                          &s->decode, s->tags.data() + begin);
    ner_internal::RecordHistory(begin, end, s->tags.data() + begin,
                                &s->features);
    begin = end;
  }
}

void NerModel::TagDocumentTags(std::span<const std::string_view> tokens,
                               std::span<const uint32_t> sentence_ends,
                               NerScratch* scratch,
                               std::vector<uint8_t>* tags) const {
  Run(tokens, sentence_ends, scratch);
  tags->assign(scratch->tags.begin(), scratch->tags.end());
}

void NerModel::TagDocument(std::span<const std::string_view> tokens,
                           std::span<const uint32_t> sentence_ends,
                           NerScratch* scratch,
                           std::vector<NerSpan>* out) const {
  out->clear();
  Run(tokens, sentence_ends, scratch);
  const uint8_t* tags = scratch->tags.data();
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  for (uint32_t i = 0; i < n; ++i) {
    const int t = tags[i];
    if (t == 0) continue;
    const int part = ner_internal::TagPart(t);
    if (part == ner_internal::kU) {
      out->push_back({i, i + 1, static_cast<NerType>(ner_internal::TagType(t))});
    } else if (part == ner_internal::kB) {
      uint32_t j = i + 1;
      while (j < n && ner_internal::TagPart(tags[j]) == ner_internal::kI) ++j;
      // Viterbi guarantees B I* L; be defensive all the same.
      const uint32_t end = j < n ? j + 1 : n;
      out->push_back(
          {i, end, static_cast<NerType>(ner_internal::TagType(t))});
      i = end - 1;
    }
  }
}

void NerModel::Tag(std::span<const std::string_view> tokens,
                   NerScratch* scratch, std::vector<NerSpan>* out) const {
  const uint32_t end = static_cast<uint32_t>(tokens.size());
  TagDocument(tokens, std::span<const uint32_t>(&end, tokens.empty() ? 0 : 1),
              scratch, out);
}

}  // namespace dossier
