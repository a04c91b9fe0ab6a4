#include "quotes/attribution_train.h"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "quotes/attribution_model.h"

namespace dossier {
namespace {

using attr_internal::kMaxAttrFeatures;
using attr_internal::kNumLabels;

uint64_t SplitMix(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

struct Weight {
  uint8_t label;
  int32_t w;
  int64_t u;  // sum of counter * delta (averaging)
};

class Trainer {
 public:
  // The emission scores of n tokens' features into s->emit.
  void Emissions(uint32_t n, AttributionScratch* s) const {
    s->emit.assign(static_cast<size_t>(n) * kNumLabels, 0);
    for (uint32_t i = 0; i < n; ++i) {
      const uint64_t* f =
          s->feats.data() + static_cast<size_t>(i) * kMaxAttrFeatures;
      int32_t* e = s->emit.data() + static_cast<size_t>(i) * kNumLabels;
      for (int k = 0; k < s->nfeats[i]; ++k) {
        auto it = index_.find(f[k]);
        if (it == index_.end()) continue;
        for (const Weight& w : rows_[it->second]) e[w.label] += w.w;
      }
    }
  }
  // Restricts updates to `keys` (sorted, unique); otherwise every feature
  // gets a row when first updated.
  void Restrict(const std::vector<uint64_t>& keys) {
    restricted_ = true;
    index_.reserve(keys.size());
    rows_.resize(keys.size());
    for (size_t i = 0; i < keys.size(); ++i) {
      index_.emplace(keys[i], static_cast<uint32_t>(i));
    }
  }
  void Update(const uint64_t* f, int nf, uint8_t label, int delta) {
    for (int k = 0; k < nf; ++k) {
      if (f[k] == 0) continue;
      uint32_t idx;
      if (restricted_) {
        auto it = index_.find(f[k]);
        if (it == index_.end()) continue;
        idx = it->second;
      } else {
        auto [it, added] =
            index_.try_emplace(f[k], static_cast<uint32_t>(rows_.size()));
        if (added) rows_.emplace_back();
        idx = it->second;
      }
      std::vector<Weight>& row = rows_[idx];
      auto w = std::find_if(row.begin(), row.end(), [label](const Weight& x) {
        return x.label == label;
      });
      if (w == row.end()) {
        row.push_back({label, 0, 0});
        w = row.end() - 1;
      }
      w->w += delta;
      w->u += static_cast<int64_t>(counter_) * delta;
    }
  }
  void UpdateTransition(int a, int b, int delta) {
    trans_[a][b] += delta;
    trans_u_[a][b] += static_cast<int64_t>(counter_) * delta;
  }
  int32_t Transition(int a, int b) const { return trans_[a][b]; }
  void Tick() { ++counter_; }

  AttributionModelTables Finish(int prune) const {
    std::vector<std::pair<uint64_t, uint32_t>> keys(index_.begin(),
                                                    index_.end());
    std::sort(keys.begin(), keys.end());
    const int64_t c = static_cast<int64_t>(counter_);
    int64_t max_abs = 1;
    for (const auto& row : rows_) {
      for (const Weight& w : row) {
        max_abs = std::max<int64_t>(max_abs, std::llabs(w.w * c - w.u));
      }
    }
    for (int a = 0; a < kNumLabels; ++a) {
      for (int b = 0; b < kNumLabels; ++b) {
        max_abs = std::max<int64_t>(
            max_abs, std::llabs(trans_[a][b] * c - trans_u_[a][b]));
      }
    }
    auto quantize = [&](int64_t avg) {
      const __int128 scaled = static_cast<__int128>(avg) * 32767;
      return static_cast<int64_t>(
          (scaled + (scaled >= 0 ? max_abs / 2 : -(max_abs / 2))) / max_abs);
    };
    AttributionModelTables t;
    for (int a = 0; a < kNumLabels; ++a) {
      for (int b = 0; b < kNumLabels; ++b) {
        t.transitions[a][b] =
            static_cast<int16_t>(quantize(trans_[a][b] * c - trans_u_[a][b]));
      }
    }
    for (const auto& [key, idx] : keys) {
      std::vector<Weight> row = rows_[idx];
      std::sort(row.begin(), row.end(), [](const Weight& a, const Weight& b) {
        return a.label < b.label;
      });
      uint8_t count = 0;
      for (const Weight& w : row) {
        const int64_t q = quantize(w.w * c - w.u);
        if (std::llabs(q) <= prune) continue;
        t.labels.push_back(w.label);
        t.weights.push_back(static_cast<int16_t>(q));
        ++count;
      }
      if (count > 0) {
        t.keys.push_back(key);
        t.counts.push_back(count);
      }
    }
    return t;
  }

 private:
  std::unordered_map<uint64_t, uint32_t> index_;
  std::vector<std::vector<Weight>> rows_;
  int32_t trans_[kNumLabels][kNumLabels] = {};
  int64_t trans_u_[kNumLabels][kNumLabels] = {};
  uint64_t counter_ = 1;
  bool restricted_ = false;
};

inline bool Allowed(int prev, int cur) {
  if (cur == 0 || attr_internal::IsBegin(static_cast<uint8_t>(cur))) {
    return true;
  }
  return prev > 0 && attr_internal::RoleOf(static_cast<uint8_t>(prev)) ==
                         attr_internal::RoleOf(static_cast<uint8_t>(cur));
}

void Viterbi(const Trainer& tr, uint32_t n, AttributionScratch* s,
             std::vector<uint8_t>* out) {
  constexpr int64_t kMin = INT64_MIN / 4;
  std::vector<int64_t> score(static_cast<size_t>(n) * kNumLabels, kMin);
  s->back.assign(static_cast<size_t>(n) * kNumLabels, 0);
  for (int c = 0; c < kNumLabels; ++c) {
    if (Allowed(-1, c)) score[c] = s->emit[c];
  }
  for (uint32_t i = 1; i < n; ++i) {
    for (int c = 0; c < kNumLabels; ++c) {
      int64_t best = kMin;
      uint8_t arg = 0;
      for (int p = 0; p < kNumLabels; ++p) {
        const int64_t pv = score[(i - 1) * kNumLabels + p];
        if (!Allowed(p, c) || pv <= kMin) continue;
        const int64_t v = pv + tr.Transition(p, c);
        if (v > best) {
          best = v;
          arg = static_cast<uint8_t>(p);
        }
      }
      score[i * kNumLabels + c] =
          best <= kMin ? kMin : best + s->emit[i * kNumLabels + c];
      s->back[i * kNumLabels + c] = arg;
    }
  }
  out->assign(n, 0);
  int best = 0;
  for (int c = 1; c < kNumLabels; ++c) {
    if (score[(n - 1) * kNumLabels + c] > score[(n - 1) * kNumLabels + best]) {
      best = c;
    }
  }
  for (uint32_t i = n; i-- > 0;) {
    (*out)[i] = static_cast<uint8_t>(best);
    best = s->back[i * kNumLabels + best];
  }
}

}  // namespace

std::vector<uint8_t> LabelAttributions(
    const Document& doc, const std::vector<GoldAttribution>& gold) {
  const std::vector<Token>& toks = doc.layers().tokens;
  std::vector<uint8_t> role(toks.size(), 0);  // 0 none, 1 src, 2 cue, 3 con
  std::vector<int32_t> owner(toks.size(), -1);
  auto extent = [](const GoldAttribution& g) {
    uint32_t lo = UINT32_MAX, hi = 0;
    for (const auto* v : {&g.source, &g.cue, &g.content}) {
      for (const Span& s : *v) {
        lo = std::min(lo, s.start);
        hi = std::max(hi, s.end);
      }
    }
    return hi > lo ? hi - lo : 0;
  };
  std::vector<size_t> order(gold.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return extent(gold[a]) > extent(gold[b]);
  });
  // Tokens overlapping any segment of `segs`.
  auto tokens_of = [&](const std::vector<Span>& segs,
                       std::vector<uint32_t>* out) {
    out->clear();
    for (const Span& g : segs) {
      auto it = std::lower_bound(
          toks.begin(), toks.end(), g.start,
          [](const Token& t, uint32_t v) { return t.span.end <= v; });
      for (; it != toks.end() && it->span.start < g.end; ++it) {
        out->push_back(static_cast<uint32_t>(it - toks.begin()));
      }
    }
  };
  std::vector<uint32_t> ts;
  for (size_t gi : order) {
    const GoldAttribution& g = gold[gi];
    tokens_of(g.cue, &ts);
    bool taken = false;
    for (uint32_t t : ts) taken = taken || role[t] != 0;
    if (taken) continue;
    const int32_t id = static_cast<int32_t>(gi);
    for (uint32_t t : ts) {
      role[t] = 2;
      owner[t] = id;
    }
    tokens_of(g.source, &ts);
    for (uint32_t t : ts) {
      if (role[t] == 0) {
        role[t] = 1;
        owner[t] = id;
      }
    }
    tokens_of(g.content, &ts);
    for (uint32_t t : ts) {
      if (role[t] == 0) {
        role[t] = 3;
        owner[t] = id;
      }
    }
  }
  std::vector<uint8_t> labels(toks.size(), 0);
  for (const Sentence& s : doc.layers().sentences) {
    for (uint32_t t = s.first_token; t < s.end_token && t < toks.size(); ++t) {
      if (role[t] == 0) continue;
      const bool cont = t > s.first_token && role[t - 1] == role[t] &&
                        owner[t - 1] == owner[t];
      labels[t] = static_cast<uint8_t>(2 * role[t] - (cont ? 0 : 1));
    }
  }
  return labels;
}

StatusOr<std::string> TrainAttributionModel(
    const std::vector<AttributionExample>& examples, const QuoteStage& stage,
    const AttributionTrainOptions& options, AttributionTrainReport* report) {
  AttributionTrainReport local;
  if (report == nullptr) report = &local;
  struct Ref {
    uint32_t example, first, end;
  };
  std::vector<Ref> sentences;
  for (size_t x = 0; x < examples.size(); ++x) {
    const Document* d = examples[x].doc;
    if (d == nullptr ||
        examples[x].labels.size() != d->layers().tokens.size()) {
      return Status(ErrorCode::kInvalidArgument,
                    "quotes training: labels do not match the tokens");
    }
    ++report->documents;
    for (const Sentence& s : d->layers().sentences) {
      if (s.end_token <= s.first_token) continue;
      if (options.cue_given) {
        bool cue = false;
        const std::vector<uint8_t>& pc = examples[x].predicted_cues;
        for (uint32_t t = s.first_token; t < s.end_token && !cue; ++t) {
          cue = attr_internal::RoleOf(examples[x].labels[t]) == 2 ||
                (t < pc.size() && pc[t]);
        }
        if (!cue) continue;
      }
      sentences.push_back(
          {static_cast<uint32_t>(x), s.first_token, s.end_token});
      report->tokens += s.end_token - s.first_token;
    }
  }
  report->sentences = sentences.size();
  if (sentences.empty()) {
    return Status(ErrorCode::kEvalData, "quotes training: no sentences");
  }
  // Prepared tokens per document, computed once.
  std::vector<std::vector<attr_internal::AttrTokenInfo>> prepared(
      examples.size());
  AttributionScratch s;
  for (size_t x = 0; x < examples.size(); ++x) {
    attr_internal::PrepareAttributionTokens(*examples[x].doc, stage, &s);
    prepared[x] = s.info;
  }
  // Stage 2: the cue tokens a sentence is trained with (predicted where
  // the cue tagger found some, else gold) and its target labels (gold
  // sources and contents; cue labels where the mask is, none elsewhere).
  std::vector<uint8_t> target;
  auto set_mask = [&](const Ref& r) {
    s.cue_mask.clear();
    if (!options.cue_given) return;
    const uint8_t* gold = examples[r.example].labels.data() + r.first;
    const std::vector<uint8_t>& pc = examples[r.example].predicted_cues;
    bool predicted = false;
    for (uint32_t t = r.first; t < r.end && !predicted; ++t) {
      predicted = t < pc.size() && pc[t];
    }
    for (uint32_t i = 0; i < r.end - r.first; ++i) {
      const bool cue = predicted ? pc[r.first + i] != 0
                                 : attr_internal::RoleOf(gold[i]) == 2;
      s.cue_mask.push_back(cue ? 1 : 0);
    }
  };
  // The labels sentence `r` is trained towards.
  auto gold_of = [&](const Ref& r) -> const uint8_t* {
    const uint8_t* gold = examples[r.example].labels.data() + r.first;
    if (!options.cue_given || examples[r.example].predicted_cues.empty()) {
      return gold;
    }
    const uint32_t n = r.end - r.first;
    target.assign(gold, gold + n);
    for (uint32_t i = 0; i < n; ++i) {
      const bool was_cue = attr_internal::RoleOf(target[i]) == 2;
      if (s.cue_mask[i]) {
        const bool cont = i > 0 && s.cue_mask[i - 1];
        target[i] = cont ? attr_internal::kICue : attr_internal::kBCue;
      } else if (was_cue) {
        target[i] = attr_internal::kO;
      }
    }
    attr_internal::RepairBegins(target.data(), n);
    return target.data();
  };
  Trainer trainer;
  if (options.min_count > 1) {
    // Count pass: every feature occurrence of every training token, sorted
    // (deterministic), then the features seen often enough.
    std::vector<uint64_t> all;
    all.reserve(report->tokens * 40);
    for (const Ref& r : sentences) {
      set_mask(r);
      attr_internal::SentenceFeatures(prepared[r.example].data(), &s, r.first,
                                      r.end);
      for (uint32_t i = 0; i < r.end - r.first; ++i) {
        const uint64_t* f =
            s.feats.data() + static_cast<size_t>(i) * kMaxAttrFeatures;
        for (int k = 0; k < s.nfeats[i]; ++k) {
          if (f[k] != 0) all.push_back(f[k]);
        }
      }
    }
    std::sort(all.begin(), all.end());
    std::vector<uint64_t> kept;
    for (size_t i = 0; i < all.size();) {
      size_t j = i;
      while (j < all.size() && all[j] == all[i]) ++j;
      ++report->features_seen;
      if (j - i >= static_cast<size_t>(options.min_count)) {
        kept.push_back(all[i]);
      }
      i = j;
    }
    std::vector<uint64_t>().swap(all);
    report->features_kept = kept.size();
    trainer.Restrict(kept);
  }
  std::vector<uint32_t> order(sentences.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  uint64_t rng = options.seed;
  std::vector<uint8_t> pred;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) {
      std::swap(order[i - 1], order[SplitMix(&rng) % i]);
    }
    uint64_t correct = 0, total = 0;
    for (uint32_t si : order) {
      const Ref& r = sentences[si];
      const uint32_t n = r.end - r.first;
      set_mask(r);
      attr_internal::SentenceFeatures(prepared[r.example].data(), &s, r.first,
                                      r.end);
      trainer.Emissions(n, &s);
      Viterbi(trainer, n, &s, &pred);
      const uint8_t* gold = gold_of(r);
      bool same = true;
      for (uint32_t i = 0; i < n; ++i) {
        same = same && pred[i] == gold[i];
        correct += pred[i] == gold[i];
      }
      total += n;
      if (!same) {
        for (uint32_t i = 0; i < n; ++i) {
          const uint64_t* f =
              s.feats.data() + static_cast<size_t>(i) * kMaxAttrFeatures;
          if (pred[i] != gold[i]) {
            trainer.Update(f, s.nfeats[i], gold[i], +1);
            trainer.Update(f, s.nfeats[i], pred[i], -1);
          }
          if (i > 0 && (pred[i] != gold[i] || pred[i - 1] != gold[i - 1])) {
            trainer.UpdateTransition(gold[i - 1], gold[i], +1);
            trainer.UpdateTransition(pred[i - 1], pred[i], -1);
          }
        }
      }
      trainer.Tick();
    }
    report->train_accuracy.push_back(
        total ? static_cast<double>(correct) / total : 0);
  }
  AttributionModelTables t = trainer.Finish(options.prune);
  t.info.epochs = static_cast<uint32_t>(options.epochs);
  t.info.seed = options.seed;
  report->features_written = t.keys.size();
  report->entries_written = t.labels.size();
  std::string bytes = EncodeAttributionModel(t);
  report->model_bytes = bytes.size();
  return bytes;
}

}  // namespace dossier
