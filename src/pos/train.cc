#include "pos/train.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <string_view>
#include <unordered_map>

#include "pos/model.h"
#include "pos/tags.h"

namespace dossier {
namespace {

using pos_internal::kMaxPosFeatures;
using pos_internal::PosFeatures;
using pos_internal::PreparePosTokens;

struct Sentence {
  std::vector<std::string_view> words;
  std::vector<uint8_t> gold;
};

uint64_t SplitMix(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::vector<Sentence> Sentences(const std::vector<ConllDocument>& docs) {
  std::vector<Sentence> out;
  for (const ConllDocument& d : docs) {
    if (d.pos.size() != d.words.size()) continue;
    uint32_t begin = 0;
    for (uint32_t end : d.sentence_ends) {
      Sentence s;
      for (uint32_t i = begin; i < end; ++i) {
        uint8_t tag = 0;
        if (!ParsePosTag(d.pos[i], &tag)) tag = 0;
        s.words.push_back(d.words[i]);
        s.gold.push_back(tag);
      }
      begin = end;
      if (!s.words.empty()) out.push_back(std::move(s));
    }
  }
  return out;
}

struct Weight {
  uint8_t tag;
  int32_t w;
  int64_t u;  // sum of counter * delta (averaging)
};

class Trainer {
 public:
  void Score(const uint64_t* f, int nf, int64_t* scores) {
    std::fill(scores, scores + kNumPosTags, 0);
    for (int k = 0; k < nf; ++k) {
      auto it = index_.find(f[k]);
      if (it == index_.end()) continue;
      for (const Weight& w : rows_[it->second]) scores[w.tag] += w.w;
    }
  }
  void Update(const uint64_t* f, int nf, uint8_t tag, int delta) {
    for (int k = 0; k < nf; ++k) {
      if (f[k] == 0) continue;
      auto [it, added] =
          index_.try_emplace(f[k], static_cast<uint32_t>(rows_.size()));
      if (added) rows_.emplace_back();
      std::vector<Weight>& row = rows_[it->second];
      auto w = std::find_if(row.begin(), row.end(),
                            [tag](const Weight& x) { return x.tag == tag; });
      if (w == row.end()) {
        row.push_back({tag, 0, 0});
        w = row.end() - 1;
      }
      w->w += delta;
      w->u += static_cast<int64_t>(counter_) * delta;
    }
  }
  void Tick() { ++counter_; }

  PosModelTables Finish(int prune) const {
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
    PosModelTables t;
    for (const auto& [key, idx] : keys) {
      std::vector<Weight> row = rows_[idx];
      std::sort(row.begin(), row.end(),
                [](const Weight& a, const Weight& b) { return a.tag < b.tag; });
      uint8_t count = 0;
      for (const Weight& w : row) {
        const int64_t avg = w.w * c - w.u;
        const __int128 scaled = static_cast<__int128>(avg) * 32767;
        int64_t q = static_cast<int64_t>(
            (scaled + (scaled >= 0 ? max_abs / 2 : -(max_abs / 2))) / max_abs);
        if (std::llabs(q) <= prune) continue;
        t.tags.push_back(w.tag);
        t.weights.push_back(static_cast<int16_t>(q));
        ++count;
      }
      if (count > 0) {
        t.keys.push_back(key);
        t.counts.push_back(count);
      }
    }
    t.info.scale = static_cast<float>(32767.0 / static_cast<double>(max_abs) *
                                      static_cast<double>(c));
    return t;
  }

 private:
  std::unordered_map<uint64_t, uint32_t> index_;
  std::vector<std::vector<Weight>> rows_;
  uint64_t counter_ = 1;
};

}  // namespace

StatusOr<PosAccuracy> EvaluatePos(const std::vector<ConllDocument>& docs,
                                  std::string_view model_bytes) {
  StatusOr<PosModel> model = PosModel::FromBytes(model_bytes);
  if (!model.ok()) return model.status();
  const std::vector<Sentence> sentences = Sentences(docs);
  PosAccuracy acc;
  PosScratch scratch;
  std::vector<uint8_t> tags;
  std::vector<std::vector<uint8_t>> predicted(sentences.size());
  const auto t0 = std::chrono::steady_clock::now();
  for (size_t i = 0; i < sentences.size(); ++i) {
    model->Tag(sentences[i].words, &scratch, &predicted[i]);
  }
  acc.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
          .count();
  for (size_t i = 0; i < sentences.size(); ++i) {
    for (size_t k = 0; k < sentences[i].gold.size(); ++k) {
      if (sentences[i].gold[k] == 0) continue;
      ++acc.tokens;
      if (predicted[i][k] == sentences[i].gold[k]) ++acc.correct;
    }
  }
  return acc;
}

StatusOr<std::string> TrainPosModel(const std::vector<ConllDocument>& docs,
                                    const PosTrainOptions& options,
                                    const std::vector<ConllDocument>* dev,
                                    PosTrainReport* report) {
  const std::vector<Sentence> sentences = Sentences(docs);
  if (sentences.empty()) {
    return Status(ErrorCode::kEvalData, "no sentences with POS tags");
  }
  PosTrainReport local;
  if (report == nullptr) report = &local;
  report->sentences = sentences.size();
  for (const Sentence& s : sentences) report->tokens += s.words.size();
  std::vector<uint32_t> order(sentences.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  uint64_t rng = options.seed;
  Trainer trainer;
  PosScratch scratch;
  uint64_t feats[kMaxPosFeatures];
  int64_t scores[kNumPosTags];
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) {
      std::swap(order[i - 1], order[SplitMix(&rng) % i]);
    }
    for (uint32_t si : order) {
      const Sentence& s = sentences[si];
      const size_t n = s.words.size();
      PreparePosTokens(s.words.data(), n, &scratch);
      uint8_t p1 = 0, p2 = 0;
      for (size_t i = 0; i < n; ++i) {
        const int nf = PosFeatures(scratch, n, i, p1, p2, feats);
        trainer.Score(feats, nf, scores);
        uint8_t best = kPosNN;
        int64_t best_score = INT64_MIN;
        for (uint8_t t = 1; t < kNumPosTags; ++t) {
          if (scores[t] > best_score) {
            best_score = scores[t];
            best = t;
          }
        }
        const uint8_t gold = s.gold[i];
        if (gold != 0 && best != gold) {
          trainer.Update(feats, nf, gold, +1);
          trainer.Update(feats, nf, best, -1);
        }
        trainer.Tick();
        p2 = p1;
        p1 = best;
      }
    }
    if (dev != nullptr) {
      PosModelTables t = trainer.Finish(options.prune);
      t.info.epochs = epoch + 1;
      t.info.seed = options.seed;
      StatusOr<PosAccuracy> acc = EvaluatePos(*dev, EncodePosModel(t));
      if (!acc.ok()) return acc.status();
      report->dev_accuracy.push_back(
          acc->tokens ? static_cast<double>(acc->correct) / acc->tokens : 0);
    }
  }
  PosModelTables t = trainer.Finish(options.prune);
  t.info.epochs = options.epochs;
  t.info.seed = options.seed;
  report->features_written = t.keys.size();
  report->entries_written = t.tags.size();
  std::string bytes = EncodePosModel(t);
  report->model_bytes = bytes.size();
  return bytes;
}

Status TrainPos(const PosTrainOptions& options, PosTrainReport* report) {
  const auto t0 = std::chrono::steady_clock::now();
  StatusOr<std::vector<ConllDocument>> docs = ReadConllFile(options.conll_path);
  if (!docs.ok()) return docs.status();
  std::vector<ConllDocument> dev_docs;
  if (!options.dev_path.empty()) {
    StatusOr<std::vector<ConllDocument>> d = ReadConllFile(options.dev_path);
    if (!d.ok()) return d.status();
    dev_docs = std::move(d).value();
  }
  StatusOr<std::string> bytes = TrainPosModel(
      *docs, options, options.dev_path.empty() ? nullptr : &dev_docs, report);
  if (!bytes.ok()) return bytes.status();
  std::ofstream out(options.out_path, std::ios::binary | std::ios::trunc);
  if (!out) {
    return Status(ErrorCode::kUnreadable, "cannot write " + options.out_path);
  }
  out.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
  out.close();
  if (!out) {
    return Status(ErrorCode::kUnreadable, "cannot write " + options.out_path);
  }
  if (report != nullptr) {
    report->seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
            .count();
  }
  return Status::Ok();
}

}  // namespace dossier
