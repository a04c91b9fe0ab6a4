// A readable plain-text summary of a Corpus: one section per document with
// its metadata, headings, removed text, mentions, quotes and times, then
// the corpus entities and errors.
//
// Used by the golden tests under testdata/analyze/ (a diff of two summaries
// reads like a review) and by `dossier analyze --summary`. Deterministic for
// a given corpus. Pure function; thread-safe.
#ifndef DOSSIER_ANALYZE_SUMMARY_H_
#define DOSSIER_ANALYZE_SUMMARY_H_

#include <string>

#include "doc/corpus.h"

namespace dossier {

struct SummaryOptions {
  bool mentions = true;  // list every mention (long)
  // Replace this prefix of document sources with "" (for stable goldens).
  std::string strip_source_prefix;
};

std::string SummarizeCorpus(const Corpus& corpus, const SummaryOptions& opts);

}  // namespace dossier

#endif  // DOSSIER_ANALYZE_SUMMARY_H_
