// Entity-level evaluation of a NerModel on CoNLL data, with conlleval's
// rule: a predicted entity counts as correct only when its token span and
// its type both equal a gold entity's. Also measures tagging throughput
// (single thread, tagging only: reading and scoring are not timed).
// Pure functions; thread-safe given a shared immutable model.
#ifndef DOSSIER_NER_EVALUATE_H_
#define DOSSIER_NER_EVALUATE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "ner/conll.h"
#include "ner/tagger.h"

namespace dossier {

struct NerScores {
  uint64_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? double(tp) / (tp + fp) : 0; }
  double recall() const { return tp + fn ? double(tp) / (tp + fn) : 0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct NerEvalResult {
  NerScores overall;
  NerScores per_type[kNumNerTypes];  // indexed by NerType
  uint64_t documents = 0, sentences = 0, tokens = 0;
  double seconds = 0;  // time spent in NerModel::TagDocument
  double tokens_per_second = 0;
};

// Adds the comparison of sorted `gold` and `predicted` spans to `r`.
void ScoreSpans(const std::vector<NerSpan>& gold,
                const std::vector<NerSpan>& predicted, NerEvalResult* r);

// Tags every document with `model` and scores it against its entities.
NerEvalResult EvaluateDocuments(const NerModel& model,
                                const std::vector<ConllDocument>& docs);

// Reads a CoNLL file and evaluates `model` on it.
StatusOr<NerEvalResult> EvaluateConll(const NerModel& model,
                                      const std::string& path);

}  // namespace dossier

#endif  // DOSSIER_NER_EVALUATE_H_
