#include "ner/evaluate.h"

#include <algorithm>
#include <chrono>
#include <tuple>

namespace dossier {

namespace {
bool SpanLess(const NerSpan& a, const NerSpan& b) {
  return std::tie(a.begin, a.end, a.type) < std::tie(b.begin, b.end, b.type);
}
}  // namespace

void ScoreSpans(const std::vector<NerSpan>& gold,
                const std::vector<NerSpan>& predicted, NerEvalResult* r) {
  size_t g = 0, p = 0;
  while (g < gold.size() || p < predicted.size()) {
    if (p == predicted.size() ||
        (g < gold.size() && SpanLess(gold[g], predicted[p]))) {
      r->per_type[static_cast<int>(gold[g].type)].fn++;
      r->overall.fn++;
      ++g;
    } else if (g == gold.size() || SpanLess(predicted[p], gold[g])) {
      r->per_type[static_cast<int>(predicted[p].type)].fp++;
      r->overall.fp++;
      ++p;
    } else {
      r->per_type[static_cast<int>(gold[g].type)].tp++;
      r->overall.tp++;
      ++g;
      ++p;
    }
  }
}

NerEvalResult EvaluateDocuments(const NerModel& model,
                                const std::vector<ConllDocument>& docs) {
  NerEvalResult r;
  NerScratch scratch;
  std::vector<std::string_view> views;
  std::vector<NerSpan> predicted, gold;
  std::chrono::steady_clock::duration tagging{};
  for (const ConllDocument& d : docs) {
    views.assign(d.words.begin(), d.words.end());
    const auto t0 = std::chrono::steady_clock::now();
    model.TagDocument(views, d.sentence_ends, &scratch, &predicted);
    tagging += std::chrono::steady_clock::now() - t0;
    gold = d.entities;
    std::sort(gold.begin(), gold.end(), SpanLess);
    std::sort(predicted.begin(), predicted.end(), SpanLess);
    ScoreSpans(gold, predicted, &r);
    r.documents++;
    r.sentences += d.sentence_ends.size();
    r.tokens += d.words.size();
  }
  r.seconds = std::chrono::duration<double>(tagging).count();
  r.tokens_per_second = r.seconds > 0 ? r.tokens / r.seconds : 0;
  return r;
}

StatusOr<NerEvalResult> EvaluateConll(const NerModel& model,
                                      const std::string& path) {
  StatusOr<std::vector<ConllDocument>> docs = ReadConllFile(path);
  if (!docs.ok()) return docs.status();
  return EvaluateDocuments(model, *docs);
}

}  // namespace dossier
