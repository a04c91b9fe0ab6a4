#include "ner/train.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>

#include "ner/decode.h"
#include "ner/evaluate.h"
#include "ner/model_file.h"
#include "ner/tagger.h"

namespace dossier {
namespace {

using ner_internal::kNumTags;
using ner_internal::kTransRows;

uint64_t SplitMix64(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// Perceptron weights with lazy averaging: avg = w - acc / c.
class Weights {
 public:
  static constexpr uint32_t kMissing = ~0u;

  Weights() : slots_(1 << 20, Slot{0, kMissing}) {}

  uint32_t Find(uint64_t key) const {
    size_t i = Mix(key) & (slots_.size() - 1);
    while (true) {
      const Slot& s = slots_[i];
      if (s.index == kMissing) return kMissing;
      if (s.key == key) return s.index;
      i = (i + 1) & (slots_.size() - 1);
    }
  }
  uint32_t FindOrAdd(uint64_t key) {
    uint32_t idx = Find(key);
    if (idx != kMissing) return idx;
    if ((keys_.size() + 1) * 2 > slots_.size()) Grow();
    idx = static_cast<uint32_t>(keys_.size());
    keys_.push_back(key);
    w_.resize(w_.size() + kNumTags, 0);
    acc_.resize(acc_.size() + kNumTags, 0);
    Insert(key, idx);
    return idx;
  }
  size_t size() const { return keys_.size(); }
  const std::vector<uint64_t>& keys() const { return keys_; }
  int32_t* w(uint32_t idx) { return &w_[static_cast<size_t>(idx) * kNumTags]; }
  const int32_t* w(uint32_t idx) const {
    return &w_[static_cast<size_t>(idx) * kNumTags];
  }
  const int64_t* acc(uint32_t idx) const {
    return &acc_[static_cast<size_t>(idx) * kNumTags];
  }
  void Update(uint32_t idx, int tag, int delta, int64_t c) {
    w_[static_cast<size_t>(idx) * kNumTags + tag] += delta;
    acc_[static_cast<size_t>(idx) * kNumTags + tag] += c * delta;
  }

 private:
  struct Slot {
    uint64_t key;
    uint32_t index;
  };
  static uint64_t Mix(uint64_t k) { return k ^ (k >> 29); }
  void Insert(uint64_t key, uint32_t idx) {
    size_t i = Mix(key) & (slots_.size() - 1);
    while (slots_[i].index != kMissing) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = {key, idx};
  }
  void Grow() {
    slots_.assign(slots_.size() * 2, Slot{0, kMissing});
    for (uint32_t i = 0; i < keys_.size(); ++i) Insert(keys_[i], i);
  }
  std::vector<Slot> slots_;
  std::vector<uint64_t> keys_;
  std::vector<int32_t> w_;
  std::vector<int64_t> acc_;
};

void GoldTags(const ConllDocument& d, std::vector<uint8_t>* tags) {
  tags->assign(d.words.size(), 0);
  for (const NerSpan& e : d.entities) {
    const int type = static_cast<int>(e.type);
    if (e.end == e.begin + 1) {
      (*tags)[e.begin] = ner_internal::MakeTag(type, ner_internal::kU);
      continue;
    }
    (*tags)[e.begin] = ner_internal::MakeTag(type, ner_internal::kB);
    for (uint32_t i = e.begin + 1; i + 1 < e.end; ++i) {
      (*tags)[i] = ner_internal::MakeTag(type, ner_internal::kI);
    }
    (*tags)[e.end - 1] = ner_internal::MakeTag(type, ner_internal::kL);
  }
}

// Averaged, quantized model data.
ner_internal::ModelData Snapshot(const Weights& wt,
                                 const std::vector<int32_t>& tw,
                                 const std::vector<int64_t>& tacc, int64_t c,
                                 const TrainOptions& options,
                                 const ner_internal::Gazetteer* gazetteer,
                                 uint64_t* written) {
  const double inv_c = 1.0 / static_cast<double>(c);
  double max_abs = 1e-9;
  const size_t n = wt.size();
  for (uint32_t i = 0; i < n; ++i) {
    const int32_t* w = wt.w(i);
    const int64_t* a = wt.acc(i);
    for (int t = 0; t < kNumTags; ++t) {
      max_abs = std::max(max_abs, std::fabs(w[t] - a[t] * inv_c));
    }
  }
  ner_internal::ModelData m;
  m.feature_set_version = ner_internal::kFeatureSetVersion;
  m.scale = static_cast<float>(32767.0 / max_abs);
  const double scale = m.scale;
  m.epochs = static_cast<uint32_t>(options.epochs);
  m.seed = options.seed;
  m.trans.resize(tw.size());
  for (size_t i = 0; i < tw.size(); ++i) {
    m.trans[i] = static_cast<int32_t>(
        std::lround((tw[i] - tacc[i] * inv_c) * scale));
  }
  std::vector<uint32_t> order(n);
  for (uint32_t i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return wt.keys()[a] < wt.keys()[b];
  });
  int16_t row[kNumTags];
  for (uint32_t i : order) {
    const int32_t* w = wt.w(i);
    const int64_t* a = wt.acc(i);
    int biggest = 0;
    for (int t = 0; t < kNumTags; ++t) {
      long q = std::lround((w[t] - a[t] * inv_c) * scale);
      q = std::clamp(q, -32767L, 32767L);
      row[t] = static_cast<int16_t>(q);
      biggest = std::max(biggest, static_cast<int>(std::labs(q)));
    }
    if (biggest <= options.prune) continue;
    m.keys.push_back(wt.keys()[i]);
    m.weights.insert(m.weights.end(), row, row + kNumTags);
  }
  *written = m.keys.size();
  if (gazetteer != nullptr) {
    m.gazetteer_keys = gazetteer->keys();
    m.gazetteer_masks = gazetteer->masks();
    m.gazetteer_max_tokens = static_cast<uint32_t>(gazetteer->max_tokens());
  }
  return m;
}

}  // namespace

StatusOr<std::string> TrainNerModel(const std::vector<ConllDocument>& docs,
                                    const TrainOptions& options,
                                    const ner_internal::Gazetteer* gazetteer,
                                    const std::vector<ConllDocument>* dev,
                                    TrainReport* report) {
  if (options.epochs < 1 || options.epochs > 1000) {
    return Status(ErrorCode::kInvalidArgument, "epochs must be in 1..1000");
  }
  if (docs.empty()) {
    return Status(ErrorCode::kInvalidArgument, "no training documents");
  }
  TrainReport local;
  TrainReport& r = report ? *report : local;
  r = TrainReport{};
  for (const ConllDocument& d : docs) {
    r.documents++;
    r.sentences += d.sentence_ends.size();
    r.tokens += d.words.size();
    r.entities += d.entities.size();
  }
  Weights wt;
  std::vector<int32_t> tw(kTransRows * kNumTags, 0);
  std::vector<int64_t> tacc(kTransRows * kNumTags, 0);
  int64_t c = 1;
  ner_internal::FeatureScratch fs;
  ner_internal::DecodeScratch ds;
  std::vector<int32_t> emit;
  std::vector<uint8_t> gold, pred(0);
  std::vector<std::string_view> views;
  std::vector<uint32_t> idx;
  std::vector<uint32_t> order(docs.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  uint64_t rng = options.seed;

  auto update_trans = [&](int prev, int cur, int delta) {
    const int row = prev < 0 ? ner_internal::kStartRow : prev;
    tw[row * kNumTags + cur] += delta;
    tacc[row * kNumTags + cur] += c * delta;
  };
  auto update_end = [&](int tag, int delta) {
    tw[ner_internal::kEndRow * kNumTags + tag] += delta;
    tacc[ner_internal::kEndRow * kNumTags + tag] += c * delta;
  };

  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) {
      const size_t j = SplitMix64(&rng) % i;
      std::swap(order[i - 1], order[j]);
    }
    uint64_t errors = 0;
    for (uint32_t di : order) {
      const ConllDocument& d = docs[di];
      const uint32_t n = static_cast<uint32_t>(d.words.size());
      views.assign(d.words.begin(), d.words.end());
      ner_internal::PrepareDocument(views.data(), n, d.sentence_ends.data(),
                                    d.sentence_ends.size(), gazetteer, &fs);
      GoldTags(d, &gold);
      pred.resize(n);
      uint32_t begin = 0;
      for (uint32_t end : d.sentence_ends) {
        const uint32_t len = end - begin;
        ner_internal::ExtractSentenceFeatures(begin, end, &fs);
        const uint32_t total = fs.offsets[len];
        idx.resize(total);
        for (uint32_t k = 0; k < total; ++k) idx[k] = wt.Find(fs.feats[k]);
        emit.assign(static_cast<size_t>(len) * kNumTags, 0);
        for (uint32_t t = 0; t < len; ++t) {
          int32_t* e = &emit[static_cast<size_t>(t) * kNumTags];
          for (uint32_t k = fs.offsets[t]; k < fs.offsets[t + 1]; ++k) {
            if (idx[k] == Weights::kMissing) continue;
            const int32_t* w = wt.w(idx[k]);
            for (int g = 0; g < kNumTags; ++g) e[g] += w[g];
          }
        }
        uint8_t* p = pred.data() + begin;
        const uint8_t* g = gold.data() + begin;
        ner_internal::Viterbi(emit.data(), tw.data(), len, &ds, p);
        bool wrong = false;
        for (uint32_t t = 0; t < len; ++t) {
          if (p[t] != g[t]) {
            wrong = true;
            ++errors;
          }
        }
        if (wrong) {
          for (uint32_t t = 0; t < len; ++t) {
            if (p[t] != g[t]) {
              for (uint32_t k = fs.offsets[t]; k < fs.offsets[t + 1]; ++k) {
                uint32_t f = idx[k];
                if (f == Weights::kMissing) f = wt.FindOrAdd(fs.feats[k]);
                wt.Update(f, g[t], +1, c);
                wt.Update(f, p[t], -1, c);
              }
            }
            const int gp = t == 0 ? -1 : g[t - 1];
            const int pp = t == 0 ? -1 : p[t - 1];
            if (gp != pp || g[t] != p[t]) {
              update_trans(gp, g[t], +1);
              update_trans(pp, p[t], -1);
            }
          }
          if (g[len - 1] != p[len - 1]) {
            update_end(g[len - 1], +1);
            update_end(p[len - 1], -1);
          }
        }
        ner_internal::RecordHistory(begin, end, p, &fs);
        ++c;
        begin = end;
      }
    }
    r.train_token_error.push_back(static_cast<double>(errors) /
                                  static_cast<double>(std::max<uint64_t>(
                                      r.tokens, 1)));
    if (dev != nullptr) {
      uint64_t written = 0;
      StatusOr<NerModel> m = NerModel::FromBytes(ner_internal::EncodeModel(
          Snapshot(wt, tw, tacc, c, options, gazetteer, &written)));
      if (!m.ok()) return m.status();
      r.dev_f1.push_back(EvaluateDocuments(*m, *dev).overall.f1());
    }
  }
  r.features_trained = wt.size();
  uint64_t written = 0;
  std::string bytes = ner_internal::EncodeModel(
      Snapshot(wt, tw, tacc, c, options, gazetteer, &written));
  r.features_written = written;
  r.model_bytes = bytes.size();
  return bytes;
}

Status TrainNer(const TrainOptions& options, TrainReport* report) {
  const auto t0 = std::chrono::steady_clock::now();
  StatusOr<std::vector<ConllDocument>> docs =
      ReadConllFile(options.conll_path);
  if (!docs.ok()) return docs.status();
  std::vector<ConllDocument> dev_docs;
  if (!options.dev_path.empty()) {
    StatusOr<std::vector<ConllDocument>> dev = ReadConllFile(options.dev_path);
    if (!dev.ok()) return dev.status();
    dev_docs = std::move(*dev);
  }
  ner_internal::Gazetteer gazetteer;
  if (!options.gazetteer_path.empty()) {
    StatusOr<ner_internal::Gazetteer> g =
        ner_internal::Gazetteer::LoadFile(options.gazetteer_path);
    if (!g.ok()) return g.status();
    gazetteer = std::move(*g);
  }
  TrainReport local;
  TrainReport* r = report ? report : &local;
  StatusOr<std::string> bytes = TrainNerModel(
      *docs, options, gazetteer.empty() ? nullptr : &gazetteer,
      options.dev_path.empty() ? nullptr : &dev_docs, r);
  if (!bytes.ok()) return bytes.status();
  std::ofstream out(options.out_path, std::ios::binary | std::ios::trunc);
  out.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
  out.close();
  if (!out) {
    return Status(ErrorCode::kWriteFailed, "cannot write " + options.out_path);
  }
  r->seconds = std::chrono::duration<double>(
                   std::chrono::steady_clock::now() - t0)
                   .count();
  return Status::Ok();
}

}  // namespace dossier
