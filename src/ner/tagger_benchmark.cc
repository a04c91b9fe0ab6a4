// Tagging throughput of NerModel (single thread). Uses the committed model
// models/ner/eng.model on an invented news-like text (no data set needed).
#include <benchmark/benchmark.h>

#include <string>
#include <string_view>
#include <vector>

#include "ner/tagger.h"

#ifndef DOSSIER_SOURCE_DIR
#define DOSSIER_SOURCE_DIR "."
#endif

namespace dossier {
namespace {

const NerModel* Model() {
  static const NerModel* model = [] {
    StatusOr<NerModel> m =
        NerModel::Load(std::string(DOSSIER_SOURCE_DIR) + "/models/ner/eng.model");
    return m.ok() ? new NerModel(std::move(*m)) : nullptr;
  }();
  return model;
}

// An invented document: 40 sentences of ~20 tokens.
void MakeDocument(std::vector<std::string_view>* tokens,
                  std::vector<uint32_t>* ends) {
  static const char* kSentences[] = {
      "Mara Velden , the chief executive of Kestrel Bank , said on Tuesday "
      "that profits in Norland rose 12 percent .",
      "NORLAND SHARES CLOSE HIGHER AFTER KESTREL RESULTS",
      "Tobin Asker told reporters in Port Avel that the Quell Cup final "
      "would go ahead as planned .",
      "Vantor Group shares rose 3.5 percent to 41.20 crowns in early trade "
      "on the Avel stock exchange .",
      "The Norlandic football federation fined Asker 5,000 crowns for "
      "comments made after the match .",
  };
  tokens->clear();
  ends->clear();
  for (int i = 0; i < 40; ++i) {
    std::string_view s = kSentences[i % 5];
    size_t pos = 0;
    while (pos < s.size()) {
      size_t sp = s.find(' ', pos);
      if (sp == std::string_view::npos) sp = s.size();
      tokens->push_back(s.substr(pos, sp - pos));
      pos = sp + 1;
    }
    ends->push_back(static_cast<uint32_t>(tokens->size()));
  }
}

void BM_TagDocument(benchmark::State& state) {
  const NerModel* m = Model();
  if (m == nullptr) {
    state.SkipWithError("models/ner/eng.model not found or invalid");
    return;
  }
  std::vector<std::string_view> tokens;
  std::vector<uint32_t> ends;
  MakeDocument(&tokens, &ends);
  NerScratch scratch;
  std::vector<NerSpan> out;
  for (auto _ : state) {
    m->TagDocument(tokens, ends, &scratch, &out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * tokens.size());
  state.SetLabel("items = tokens");
}
BENCHMARK(BM_TagDocument);

void BM_Load(benchmark::State& state) {
  for (auto _ : state) {
    StatusOr<NerModel> m = NerModel::Load(
        std::string(DOSSIER_SOURCE_DIR) + "/models/ner/eng.model");
    benchmark::DoNotOptimize(m.ok());
  }
}
BENCHMARK(BM_Load)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dossier
