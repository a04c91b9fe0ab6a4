#include "analyze/analyze.h"

#include <memory>
#include <utility>

#include "claims/cross_source_stage.h"
#include "claims/role_check_stage.h"
#include "clean/boilerplate_stage.h"
#include "clean/repeated_block_stage.h"
#include "dedup/dedup_stage.h"
#include "entities/coref_stage.h"
#include "entities/entity_link_stage.h"
#include "entities/mention_stage.h"
#include "framing/framing_stage.h"
#include "events/event_stage.h"
#include "meta/dateline_stage.h"
#include "meta/language_stage.h"
#include "meta/outlet_stage.h"
#include "pos/pos_stage.h"
#include "quotes/quote_group_stage.h"
#include "quotes/quote_stage.h"
#include "stories/story_stage.h"
#include "text/layout_stage.h"
#include "text/sentence_stage.h"
#include "text/token_stage.h"
#include "time/pubdate_stage.h"
#include "time/reresolve_stage.h"
#include "time/timeline_stage.h"
#include "time/timex_stage.h"

namespace dossier {
namespace {

void AddCleaning(Pipeline& p) {
  p.Add(std::make_unique<LayoutStage>());
  p.Add(std::make_unique<DatelineStage>());
  p.Add(std::make_unique<OutletStage>());
  p.Add(std::make_unique<BoilerplateStage>());
}

void AddAnalysis(Pipeline& p, const PipelineOptions& opts) {
  p.Add(std::make_unique<LanguageStage>());
  p.Add(std::make_unique<SentenceStage>());
  p.Add(std::make_unique<TokenStage>());
  MentionOptions mentions;
  mentions.model = opts.ner_model;
  p.Add(std::make_unique<MentionStage>(mentions));
  p.Add(std::make_unique<CorefStage>());
  // Before QuoteStage (its tagger's features, trained on tagged text) and
  // TimexStage (clause tense).
  p.Add(std::make_unique<PosStage>());
  p.Add(std::make_unique<QuoteStage>());
  p.Add(std::make_unique<TimexStage>());
  p.Add(std::make_unique<FramingStage>());
  p.Add(std::make_unique<EventStage>());
}

}  // namespace

Pipeline StandardPipeline(const PipelineOptions& opts) {
  Pipeline p;
  AddCleaning(p);
  p.Add(std::make_unique<RepeatedBlockStage>());
  p.Compact();
  if (opts.dedup) {
    DedupOptions d;
    d.threshold = opts.dedup_threshold;
    p.Add(std::make_unique<DedupStage>(d));
  }
  AddAnalysis(p, opts);
  EntityLinkOptions link;
  link.kb = opts.kb;
  p.Add(std::make_unique<EntityLinkStage>(link));
  p.Add(std::make_unique<PubDateStage>());
  p.Add(std::make_unique<ReresolveStage>());
  p.Add(std::make_unique<RoleCheckStage>(opts.kb));
  p.Add(std::make_unique<QuoteGroupStage>());
  p.Add(std::make_unique<TimelineStage>());
  p.Add(std::make_unique<StoryStage>());
  p.Add(std::make_unique<CrossSourceStage>());
  return p;
}

Pipeline PerDocumentPipeline(const PipelineOptions& opts) {
  Pipeline p;
  AddCleaning(p);
  p.Compact();
  AddAnalysis(p, opts);
  return p;
}

StatusOr<Corpus> AnalyzeArticles(const Pipeline& pipeline,
                                 std::vector<RawArticle> articles,
                                 const AnalyzeOptions& opts) {
  std::vector<std::string> sources;
  sources.reserve(articles.size());
  for (const RawArticle& a : articles) sources.push_back(a.source);
  const NormalizeOptions normalize = opts.normalize;
  DocumentFactory factory = [&articles, &normalize](size_t i)
      -> StatusOr<Document> {
    RawArticle& raw = articles[i];
    if (raw.load) {
      StatusOr<std::string> bytes = raw.load();
      raw.load = nullptr;
      if (!bytes.ok()) return bytes.status();
      raw.bytes = std::move(bytes).value();
    }
    StatusOr<Document> doc = NormalizeArticle(std::move(raw), normalize);
    if (doc.ok()) doc->meta().id = "d" + std::to_string(i + 1);
    return doc;
  };
  Corpus corpus;
  DOSSIER_RETURN_IF_ERROR(
      pipeline.Run(articles.size(), factory, sources, opts.run, corpus));
  return corpus;
}

StatusOr<Corpus> AnalyzeInputs(const std::vector<std::string>& inputs,
                               const AnalyzeOptions& opts,
                               AnalyzeStats* stats) {
  IngestResult read = ReadInputs(inputs, opts.ingest);
  if (stats != nullptr) {
    stats->inputs_read = read.articles.size();
    stats->skipped_files = read.skipped_files;
    stats->warc = read.warc;
    stats->input_bytes = 0;
    for (const RawArticle& a : read.articles) stats->input_bytes += a.bytes.size();
    stats->input_bytes += read.warc.payload_bytes;
  }
  const Pipeline pipeline = StandardPipeline(opts.pipeline);
  StatusOr<Corpus> corpus =
      AnalyzeArticles(pipeline, std::move(read.articles), opts);
  if (!corpus.ok()) return corpus;
  std::vector<DocError> errors;
  errors.reserve(read.errors.size() + corpus->errors.size());
  for (InputError& e : read.errors) {
    errors.push_back({std::move(e.source), std::move(e.status)});
  }
  for (DocError& e : corpus->errors) errors.push_back(std::move(e));
  corpus->errors = std::move(errors);
  return corpus;
}

}  // namespace dossier
