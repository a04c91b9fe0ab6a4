#include "bench/bench.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include "analyze/analyze.h"
#include "ingest/reader.h"

namespace dossier {
namespace {

double PeakRssMb() {
  struct rusage ru;
  if (getrusage(RUSAGE_SELF, &ru) != 0) return 0;
  return static_cast<double>(ru.ru_maxrss) / 1024.0;  // KiB on Linux
}

// The corpus replicated to at least `target_bytes`. Each copy gets its
// number in the title line so copies are not byte-identical.
StatusOr<std::vector<RawArticle>> Replicate(const std::string& dir,
                                            size_t target_bytes) {
  IngestResult read = ReadInputs({dir}, IngestOptions{});
  if (read.articles.empty()) {
    return Status(ErrorCode::kNotFound,
                  "no articles found in '" + dir +
                      "' (set the corpus with --corpus DIR)");
  }
  std::vector<RawArticle> out;
  size_t bytes = 0;
  for (size_t copy = 1; bytes < target_bytes; ++copy) {
    for (const RawArticle& a : read.articles) {
      RawArticle b = a;
      b.source = a.source + "#" + std::to_string(copy);
      if (b.format == RawArticle::Format::kText) {
        size_t nl = b.bytes.find('\n');
        b.bytes.insert(nl == std::string::npos ? b.bytes.size() : nl,
                       " (" + std::to_string(copy) + ")");
      }
      bytes += b.bytes.size();
      out.push_back(std::move(b));
    }
  }
  return out;
}

size_t CountWords(const Corpus& corpus) {
  size_t words = 0;
  for (const Document& d : corpus.documents) {
    for (const Token& t : d.layers().tokens) {
      if (t.flags & (kTokenAlpha | kTokenDigit)) ++words;
    }
  }
  return words;
}

}  // namespace

const std::vector<BenchWorkload>& BenchWorkloads() {
  static const std::vector<BenchWorkload> kWorkloads = {
      {"pipeline",
       "per-document pipeline (normalize, layout, dateline, outlet, "
       "boilerplate, compact, sentences, tokens, mentions, quotes, times) "
       "over the example corpus replicated to --mb MB"},
      {"analyze",
       "the full standard pipeline including corpus stages (entity linking, "
       "repeated blocks, quote groups; not dedup, which would fold the "
       "copies) over the example corpus replicated to --mb MB"},
  };
  return kWorkloads;
}

StatusOr<BenchResult> RunBench(std::string_view workload,
                               const BenchOptions& opts) {
  bool per_doc = workload == "pipeline";
  if (!per_doc && workload != "analyze") {
    return Status(ErrorCode::kNotFound,
                  "unknown workload '" + std::string(workload) + "'");
  }
  StatusOr<std::vector<RawArticle>> articles = Replicate(
      opts.corpus_dir, static_cast<size_t>(opts.target_mb * 1024 * 1024));
  if (!articles.ok()) return articles.status();
  BenchResult r;
  r.workload = std::string(workload);
  for (const RawArticle& a : *articles) r.bytes += a.bytes.size();
  r.documents = articles->size();

  AnalyzeOptions aopts;
  aopts.run.threads = opts.threads;
  r.threads = opts.threads > 0
                  ? opts.threads
                  : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  // Without dedup: the replicated copies would all fold into eight.
  PipelineOptions popts;
  popts.dedup = false;
  Pipeline pipeline = per_doc ? PerDocumentPipeline() : StandardPipeline(popts);
  auto t0 = std::chrono::steady_clock::now();
  StatusOr<Corpus> corpus =
      AnalyzeArticles(pipeline, std::move(articles).value(), aopts);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
                  .count();
  if (!corpus.ok()) return corpus.status();
  r.errors = corpus->errors.size();
  for (const StageTiming& t : corpus->timings) {
    r.stage_seconds.emplace_back(t.name, t.seconds);
  }
  r.words = CountWords(*corpus);
  if (r.seconds > 0) {
    r.mb_per_second = r.bytes / (1024.0 * 1024.0) / r.seconds;
    r.documents_per_second = r.documents / r.seconds;
    r.words_per_second_per_core = r.words / r.seconds / r.threads;
  }
  r.peak_rss_mb = PeakRssMb();
  return r;
}

std::string FormatBenchTable(const std::vector<BenchResult>& results) {
  std::string out;
  char line[512];
  std::snprintf(line, sizeof line, "%-10s %8s %9s %8s %10s %10s %14s %10s\n",
                "workload", "docs", "MB", "threads", "seconds", "MB/s",
                "words/s/core", "peak MB");
  out += line;
  for (const BenchResult& r : results) {
    std::snprintf(line, sizeof line,
                  "%-10s %8zu %9.1f %8d %10.2f %10.2f %14.0f %10.1f\n",
                  r.workload.c_str(), r.documents, r.bytes / 1048576.0,
                  r.threads, r.seconds, r.mb_per_second,
                  r.words_per_second_per_core, r.peak_rss_mb);
    out += line;
  }
  return out;
}

std::string FormatBenchJson(const std::vector<BenchResult>& results) {
  rapidjson::StringBuffer sb;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(sb);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("workloads");
  w.StartArray();
  for (const BenchResult& r : results) {
    w.StartObject();
    w.Key("name");
    w.String(r.workload.c_str());
    w.Key("documents");
    w.Uint64(r.documents);
    w.Key("bytes");
    w.Uint64(r.bytes);
    w.Key("words");
    w.Uint64(r.words);
    w.Key("errors");
    w.Uint64(r.errors);
    w.Key("threads");
    w.Int(r.threads);
    w.Key("seconds");
    w.Double(r.seconds);
    w.Key("mb_per_second");
    w.Double(r.mb_per_second);
    w.Key("documents_per_second");
    w.Double(r.documents_per_second);
    w.Key("words_per_second_per_core");
    w.Double(r.words_per_second_per_core);
    w.Key("peak_rss_mb");
    w.Double(r.peak_rss_mb);
    w.Key("stage_seconds");
    w.StartObject();
    for (const auto& [name, seconds] : r.stage_seconds) {
      w.Key(name.c_str());
      w.Double(seconds);
    }
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(sb.GetString(), sb.GetSize()) + "\n";
}

}  // namespace dossier
