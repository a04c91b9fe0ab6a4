// The standard dossier pipeline: from input paths or raw articles to a
// finished Corpus.
//
// This is the one place that knows the order of the stages; the CLI, the
// benchmarks and the eval tasks all build their pipelines here. Documents
// get ids "d1", "d2", ... in input order (an input that fails keeps its
// number, so ids do not depend on which other inputs failed).
// Functions are thread-compatible; the pipelines they return are immutable.
#ifndef DOSSIER_ANALYZE_ANALYZE_H_
#define DOSSIER_ANALYZE_ANALYZE_H_

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "doc/corpus.h"
#include "doc/raw_article.h"
#include "ingest/reader.h"
#include "kb/kb.h"
#include "ner/tagger.h"
#include "pipeline/driver.h"
#include "text/normalizer.h"

namespace dossier {

struct PipelineOptions {
  bool dedup = true;             // fold exact and near-duplicate documents
  double dedup_threshold = 0.7;  // estimated Jaccard similarity
  // The entity tagger; null means the built-in model.
  std::shared_ptr<const NerModel> ner_model;
  // The knowledge base; null means the built-in one (kb/builtin.h).
  std::shared_ptr<const kb::KnowledgeBase> kb;
};

struct AnalyzeOptions {
  IngestOptions ingest;
  NormalizeOptions normalize;
  RunOptions run;
  PipelineOptions pipeline;
};

// Every stage: cleaning, compaction, duplicate detection, analysis and the
// corpus stages.
Pipeline StandardPipeline(const PipelineOptions& opts = {});

// Only the per-document stages (no corpus-level steps): what `dossier bench`
// measures, since its replicated corpus would make corpus stages meaningless.
Pipeline PerDocumentPipeline(const PipelineOptions& opts = {});

// Runs `pipeline` over `articles` (consumed). Failed documents go to
// Corpus::errors.
StatusOr<Corpus> AnalyzeArticles(const Pipeline& pipeline,
                                 std::vector<RawArticle> articles,
                                 const AnalyzeOptions& opts);

struct AnalyzeStats {
  size_t inputs_read = 0;    // articles read
  size_t skipped_files = 0;  // files in folders with unknown extensions
  size_t input_bytes = 0;
  WarcTotals warc;           // what WARC inputs held
};

// Reads `inputs` (files, folders, JSONL, "-") and runs the standard
// pipeline. Read errors and processing errors are both in Corpus::errors,
// read errors first.
StatusOr<Corpus> AnalyzeInputs(const std::vector<std::string>& inputs,
                               const AnalyzeOptions& opts,
                               AnalyzeStats* stats);

}  // namespace dossier

#endif  // DOSSIER_ANALYZE_ANALYZE_H_
