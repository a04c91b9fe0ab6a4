// Test-only helper: a small corpus of invented articles, each run through
// sentences, tokens and TimexStage (no entity stages: names count as
// content words), and a way to run one corpus stage over it.
#ifndef DOSSIER_TIME_TESTING_CORPUS_H_
#define DOSSIER_TIME_TESTING_CORPUS_H_

#include <string>
#include <utility>

#include "doc/corpus.h"
#include "doc/testing_doc.h"
#include "pipeline/stage.h"
#include "text/sentence_stage.h"
#include "text/token_stage.h"
#include "time/timex_stage.h"

namespace dossier::testing_time {

// Adds an article (first line: the title) published on `published`
// (YYYY-MM-DD, or "" for an undated one).
inline void AddArticle(Corpus& corpus, std::string text,
                       std::string published = "") {
  DocMeta meta;
  meta.id = "d" + std::to_string(corpus.documents.size() + 1);
  meta.source = meta.id + ".txt";
  meta.published = std::move(published);
  if (!meta.published.empty()) meta.published_how = PublishedHow::kMetadata;
  Document doc = testing_doc::MakeDoc(std::move(text), std::move(meta));
  (void)SentenceStage().Run(doc);
  (void)TokenStage().Run(doc);
  (void)TimexStage().Run(doc);
  corpus.documents.push_back(std::move(doc));
}

inline Status RunCorpusStage(const CorpusStage& stage, Corpus& corpus) {
  std::unique_ptr<CorpusStage::Accumulator> acc = stage.NewAccumulator();
  for (uint32_t i = 0; i < corpus.documents.size(); ++i) {
    acc->Consume(i, corpus.documents[i]);
  }
  return stage.Finalize(*acc, corpus);
}

// The value of the first time expression of document `doc` written as
// `text`, or "" when there is none.
inline std::string ValueOf(const Corpus& corpus, size_t doc,
                           std::string_view text, int nth = 0) {
  const Document& d = corpus.documents[doc];
  for (const Timex& t : d.layers().times) {
    if (d.Slice(t.span) == text && nth-- == 0) return t.value;
  }
  return "";
}

}  // namespace dossier::testing_time

#endif  // DOSSIER_TIME_TESTING_CORPUS_H_
