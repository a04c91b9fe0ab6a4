#include "cli/cli.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>

#include "analyze/analyze.h"
#include "analyze/summary.h"
#include "bench/bench.h"
#include "kb/builtin.h"
#include "kb/wikidata_import.h"
#include "ner/default_model.h"
#include "ner/train.h"
#include "pos/train.h"
#include "eval/quotes_train.h"
#include "eval/eval.h"
#include "report/html_report.h"
#include "report/json_writer.h"

#ifndef DOSSIER_VERSION
#define DOSSIER_VERSION "0.1.0"
#endif

namespace dossier {
namespace {

namespace fs = std::filesystem;

constexpr int kExitOk = 0;
constexpr int kExitSomeFailed = 1;
constexpr int kExitUsage = 2;
constexpr int kExitFatal = 3;

constexpr const char* kMainHelp = R"(dossier turns news articles into a checked, source-attributed dossier:
clean text, datelines and outlets, people/organisations/places, quotes with
their speakers, and dates, each with the exact source span.

Examples:
  dossier analyze articles/ --out out/      # a folder of .txt/.html/.jsonl
  dossier analyze crawl.warc.gz --out out/  # a web crawl (WARC)
  dossier extract page.html                 # main text of a web page
  dossier analyze feed.jsonl a.txt --out out/
  cat article.txt | dossier analyze - --out out/
  dossier eval ner ../shared/data/conll2003/eng.testa
  dossier bench --json

Run `dossier COMMAND --help` for a command's options.)";

constexpr const char* kAnalyzeHelp = R"(Analyze articles and write DIR/dossier.json and DIR/report.html.

INPUT is a file, a folder (read recursively, in sorted order; files ending in
.txt .text .md .html .htm .xhtml .jsonl .ndjson .warc .warc.gz), a JSONL
file (one article per line: "text" or "html", optional "title", "url",
"outlet", "published"), a WARC archive (.warc or .warc.gz: every HTML page
fetched with status 200 is an article; other records are counted and
skipped), or - for stdin (JSONL if it starts with '{', else one text
article).

A plain-text article's first line is its title. For a web page, the main
text is extracted (menus, ads, comments, footers dropped) and title, outlet,
publication date, authors, URL and language come from the page's metadata;
offsets map back to the page's bytes. Inputs that cannot be read
or processed (binary, invalid UTF-8, empty, too large, broken JSONL lines)
are reported with the file name and a stable error code; the rest of the run
goes on and the exit code is 1.

Examples:
  dossier analyze examples/corpus --out out
  dossier analyze feed.jsonl --out out --threads 4
  SOURCE_DATE_EPOCH=0 dossier analyze a.txt --out out   # reproducible output)";

std::string IsoUtc(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Writes `path` through a temporary file so a failed run never leaves a
// half-written output behind.
template <typename WriteFn>
Status WriteAtomically(const fs::path& path, WriteFn write) {
  fs::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      return Status(ErrorCode::kWriteFailed,
                    "cannot write " + tmp.string() + ": " + std::strerror(errno));
    }
    DOSSIER_RETURN_IF_ERROR(write(out));
    out.flush();
    if (!out) {
      return Status(ErrorCode::kWriteFailed, "cannot write " + tmp.string());
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    return Status(ErrorCode::kWriteFailed,
                  "cannot rename " + tmp.string() + ": " + ec.message());
  }
  return Status::Ok();
}

// Progress on stderr, at most ten times a second, only on a terminal.
class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled) {}
  void Update(size_t done, size_t total) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    std::lock_guard<std::mutex> lock(mu_);
    if (done != total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    std::fprintf(stderr, "\r\033[Kdossier: %zu/%zu documents (%zu%%)", done,
                 total, total ? done * 100 / total : 100);
    std::fflush(stderr);
    shown_ = true;
  }
  void Clear() {
    if (shown_) std::fprintf(stderr, "\r\033[K");
  }

 private:
  bool enabled_;
  bool shown_ = false;
  std::mutex mu_;
  std::chrono::steady_clock::time_point last_{};
};

struct AnalyzeArgs {
  std::vector<std::string> inputs;
  std::string out = "dossier-out";
  int threads = 0;
  size_t max_doc_bytes = size_t{64} << 20;
  size_t max_line_bytes = size_t{64} << 20;
  std::string progress = "auto";
  std::string generated;
  bool compact_json = false;
  bool quiet = false;
  bool summary = false;
  bool no_dedup = false;
  double dedup_threshold = 0.7;
  std::string ner_model;
  std::vector<std::string> kb_files;
};

int RunAnalyze(const AnalyzeArgs& args) {
  AnalyzeOptions opts;
  opts.ingest.max_doc_bytes = args.max_doc_bytes;
  opts.ingest.max_line_bytes = args.max_line_bytes;
  opts.normalize.max_bytes = args.max_doc_bytes;
  opts.run.threads = args.threads;
  opts.pipeline.dedup = !args.no_dedup;
  opts.pipeline.dedup_threshold = args.dedup_threshold;
  if (!args.ner_model.empty()) {
    StatusOr<std::shared_ptr<const NerModel>> model = LoadNerModel(args.ner_model);
    if (!model.ok()) {
      std::cerr << "dossier: error: --ner-model " << args.ner_model << ": "
                << model.status().ToString() << "\n";
      return kExitUsage;
    }
    opts.pipeline.ner_model = std::move(model).value();
  }
  if (!args.kb_files.empty()) {
    StatusOr<std::shared_ptr<const kb::KnowledgeBase>> kb =
        kb::LoadKnowledgeBase(args.kb_files);
    if (!kb.ok()) {
      std::cerr << "dossier: error: --kb: " << kb.status().ToString() << "\n";
      return kExitUsage;
    }
    opts.pipeline.kb = std::move(kb).value();
  }
  bool show = args.progress == "always" ||
              (args.progress == "auto" && isatty(STDERR_FILENO) && !args.quiet);
  Progress progress(show);
  opts.run.progress = [&progress](size_t done, size_t total) {
    progress.Update(done, total);
  };

  std::error_code ec;
  fs::create_directories(args.out, ec);
  if (ec) {
    std::cerr << "dossier: error: cannot create output folder " << args.out
              << ": " << ec.message() << "\n";
    return kExitFatal;
  }

  auto t0 = std::chrono::steady_clock::now();
  AnalyzeStats stats;
  StatusOr<Corpus> corpus = AnalyzeInputs(args.inputs, opts, &stats);
  progress.Clear();
  if (!corpus.ok()) {
    std::cerr << "dossier: error: " << corpus.status().ToString() << "\n";
    return kExitFatal;
  }

  JsonOptions jopts;
  jopts.pretty = !args.compact_json;
  jopts.tool_version = DOSSIER_VERSION;
  if (!args.generated.empty()) {
    jopts.generated = args.generated;
  } else if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    jopts.generated = IsoUtc(static_cast<std::time_t>(std::atoll(epoch)));
  } else {
    jopts.generated = IsoUtc(std::time(nullptr));
  }
  fs::path json_path = fs::path(args.out) / "dossier.json";
  fs::path html_path = fs::path(args.out) / "report.html";
  Status st = WriteAtomically(json_path, [&](std::ostream& out) {
    return WriteDossierJson(*corpus, jopts, out);
  });
  if (st.ok()) {
    HtmlOptions hopts;
    st = WriteAtomically(html_path, [&](std::ostream& out) {
      return WriteHtmlReport(*corpus, hopts, out);
    });
  }
  if (!st.ok()) {
    std::cerr << "dossier: error: " << st.ToString() << "\n";
    return kExitFatal;
  }

  if (args.summary) {
    SummaryOptions sopts;
    std::cout << SummarizeCorpus(*corpus, sopts);
  }

  const size_t kMaxShown = 20;
  for (size_t i = 0; i < corpus->errors.size() && i < kMaxShown; ++i) {
    const DocError& e = corpus->errors[i];
    std::cerr << "dossier: " << e.source << ": " << e.status.ToString() << "\n";
  }
  if (corpus->errors.size() > kMaxShown) {
    std::cerr << "dossier: ... and " << corpus->errors.size() - kMaxShown
              << " more errors (all are listed in dossier.json)\n";
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
          .count();
  if (!args.quiet) {
    char line[512];
    std::snprintf(line, sizeof line,
                  "dossier: %zu documents, %zu errors, %.2f s (%.1f MB) -> "
                  "%s, %s\n",
                  corpus->documents.size(), corpus->errors.size(), seconds,
                  stats.input_bytes / 1048576.0, json_path.c_str(),
                  html_path.c_str());
    std::cerr << line;
    if (corpus->duplicates_dropped > 0) {
      std::cerr << "dossier: folded " << corpus->duplicates_dropped
                << " duplicate documents into their copies (see "
                   "documents[].duplicates; --no-dedup keeps them)\n";
    }
    if (stats.skipped_files > 0) {
      std::cerr << "dossier: skipped " << stats.skipped_files
                << " files in folders with other extensions\n";
    }
    if (stats.warc.archives > 0) {
      const WarcTotals& w = stats.warc;
      std::cerr << "dossier: WARC: " << w.archives << " archive(s), "
                << w.records << " records, " << w.articles
                << " HTML pages read; skipped " << w.skipped_non_response
                << " non-response, " << w.skipped_status << " non-200, "
                << w.skipped_non_html << " non-HTML records\n";
    }
  }
  return corpus->errors.empty() ? kExitOk : kExitSomeFailed;
}

constexpr const char* kExtractHelp = R"(Print the main text of a web page: the article body without menus, ads,
share bars, comments, captions, bylines and footers, one paragraph per
block, headings kept. PAGE is read as HTML whatever its name; its charset
comes from --charset, a BOM, <meta charset>, else detection. A WARC archive
gives every HTML page it holds, each after a "==> source <==" line.

With --json, prints the document object of dossier.json (docs/schema):
metadata (title, outlet, published, authors, url, language), the text, the
removed blocks with their reasons, and the layers.

Examples:
  dossier extract page.html
  dossier extract page.html --json | jq '.title, .published, .authors'
  curl -s https://example.org/story | dossier extract - --charset utf-8)";

struct ExtractArgs {
  std::vector<std::string> inputs;
  bool json = false;
  std::string charset;
  size_t max_doc_bytes = size_t{64} << 20;
};

// The body as `dossier extract` prints it: the kept blocks, one paragraph
// each, blank lines between.
std::string BodyText(const Document& doc) {
  std::string out;
  for (const Block& b : doc.layers().blocks) {
    if (!b.removed_why.empty() || b.kind == BlockKind::kTitle) continue;
    if (!out.empty()) out += "\n\n";
    out += doc.Slice(b.span);
  }
  return out;
}

int RunExtract(const ExtractArgs& args) {
  AnalyzeOptions opts;
  opts.ingest.max_doc_bytes = args.max_doc_bytes;
  opts.normalize.max_bytes = args.max_doc_bytes;
  IngestResult read = ReadInputs(args.inputs, opts.ingest);
  for (RawArticle& a : read.articles) {
    // A named file or stdin is a page whatever its extension; files found
    // in folders and JSONL lines keep the format they were read with.
    if (std::find(args.inputs.begin(), args.inputs.end(), a.source) !=
        args.inputs.end()) {
      a.format = RawArticle::Format::kHtml;
    }
    if (!args.charset.empty()) a.charset = args.charset;
  }
  StatusOr<Corpus> corpus =
      AnalyzeArticles(PerDocumentPipeline(), std::move(read.articles), opts);
  if (!corpus.ok()) {
    std::cerr << "dossier: error: " << corpus.status().ToString() << "\n";
    return kExitFatal;
  }
  int rc = kExitOk;
  for (const InputError& e : read.errors) {
    std::cerr << "dossier: " << e.source << ": " << e.status.ToString() << "\n";
    rc = kExitSomeFailed;
  }
  for (const DocError& e : corpus->errors) {
    std::cerr << "dossier: " << e.source << ": " << e.status.ToString() << "\n";
    rc = kExitSomeFailed;
  }
  const auto& docs = corpus->documents;
  if (args.json) {
    if (docs.size() != 1) std::cout << "[\n";
    for (size_t i = 0; i < docs.size(); ++i) {
      if (i > 0) std::cout << ",\n";
      Status st = WriteDocumentJson(docs[i], std::cout);
      if (!st.ok()) {
        std::cerr << "dossier: error: " << st.ToString() << "\n";
        return kExitFatal;
      }
    }
    if (docs.size() != 1) std::cout << "]\n";
  } else {
    for (const Document& d : docs) {
      if (docs.size() > 1) std::cout << "==> " << d.meta().source << " <==\n";
      if (!d.meta().title.empty()) std::cout << d.meta().title << "\n\n";
      std::cout << BodyText(d) << "\n";
      if (docs.size() > 1) std::cout << "\n";
    }
  }
  std::cout.flush();
  return rc;
}

struct TrainArgs {
  std::string conll;
  std::string out = "models/ner/eng.model";
  std::string dev;
  std::string gazetteer;
  int epochs = 20;
  uint64_t seed = 2003;
};

int RunTrainNer(const TrainArgs& args) {
  TrainOptions opts;
  opts.conll_path = args.conll;
  opts.out_path = args.out;
  opts.dev_path = args.dev;
  opts.gazetteer_path = args.gazetteer;
  opts.epochs = args.epochs;
  opts.seed = args.seed;
  TrainReport report;
  Status st = TrainNer(opts, &report);
  if (!st.ok()) {
    std::cerr << "dossier: error: " << st.ToString() << "\n";
    return st.code() == ErrorCode::kInvalidArgument ? kExitUsage : kExitFatal;
  }
  std::printf(
      "trained on %llu documents, %llu sentences, %llu tokens, %llu "
      "entities in %.1f s\n",
      static_cast<unsigned long long>(report.documents),
      static_cast<unsigned long long>(report.sentences),
      static_cast<unsigned long long>(report.tokens),
      static_cast<unsigned long long>(report.entities), report.seconds);
  for (size_t e = 0; e < report.dev_f1.size(); ++e) {
    std::printf("epoch %zu: dev F1 %.4f\n", e + 1, report.dev_f1[e]);
  }
  std::printf("wrote %s: %llu feature rows, %llu bytes\n", args.out.c_str(),
              static_cast<unsigned long long>(report.features_written),
              static_cast<unsigned long long>(report.model_bytes));
  return kExitOk;
}

struct TrainPosArgs {
  std::string conll;
  std::string out = "models/pos/eng.model";
  std::string dev;
  int epochs = 8;
  uint64_t seed = 2003;
  int prune = 1;
};

int RunTrainPos(const TrainPosArgs& args) {
  PosTrainOptions opts;
  opts.conll_path = args.conll;
  opts.out_path = args.out;
  opts.dev_path = args.dev;
  opts.epochs = args.epochs;
  opts.seed = args.seed;
  opts.prune = args.prune;
  PosTrainReport report;
  Status st = TrainPos(opts, &report);
  if (!st.ok()) {
    std::cerr << "dossier: error: " << st.ToString() << "\n";
    return st.code() == ErrorCode::kInvalidArgument ? kExitUsage : kExitFatal;
  }
  std::printf("trained on %llu sentences, %llu tokens in %.1f s\n",
              static_cast<unsigned long long>(report.sentences),
              static_cast<unsigned long long>(report.tokens), report.seconds);
  for (size_t e = 0; e < report.dev_accuracy.size(); ++e) {
    std::printf("epoch %zu: dev accuracy %.4f\n", e + 1,
                report.dev_accuracy[e]);
  }
  std::printf("wrote %s: %llu features, %llu weights, %llu bytes\n",
              args.out.c_str(),
              static_cast<unsigned long long>(report.features_written),
              static_cast<unsigned long long>(report.entries_written),
              static_cast<unsigned long long>(report.model_bytes));
  return kExitOk;
}

struct TrainQuotesArgs {
  std::string data;
  std::string out = "models/quotes/eng.model";
  int epochs = 10;
  uint64_t seed = 2017;
  int prune = 1;
  int min_count = 10;
  bool roles = false;
  int jackknife = 0;
};

int RunTrainQuotes(const TrainQuotesArgs& args) {
  QuotesTrainOptions opts;
  opts.data_dir = args.data;
  opts.out_path = args.out;
  opts.train.epochs = args.epochs;
  opts.train.seed = args.seed;
  opts.train.prune = args.prune;
  opts.train.min_count = args.min_count;
  opts.train.cue_given = args.roles;
  opts.jackknife = args.jackknife;
  QuotesTrainResult result;
  Status st = TrainQuotesModel(opts, &result);
  if (!st.ok()) {
    std::cerr << "dossier: error: " << st.ToString() << "\n";
    return st.code() == ErrorCode::kInvalidArgument ? kExitUsage : kExitFatal;
  }
  const AttributionTrainReport& r = result.report;
  std::printf(
      "trained on %llu documents, %llu sentences, %llu tokens, %llu "
      "attributions in %.1f s\n",
      static_cast<unsigned long long>(r.documents),
      static_cast<unsigned long long>(r.sentences),
      static_cast<unsigned long long>(r.tokens),
      static_cast<unsigned long long>(result.attributions), result.seconds);
  if (r.features_seen > 0) {
    std::printf("features seen %llu, kept (>= %d occurrences) %llu\n",
                static_cast<unsigned long long>(r.features_seen),
                args.min_count,
                static_cast<unsigned long long>(r.features_kept));
  }
  for (size_t e = 0; e < r.train_accuracy.size(); ++e) {
    std::printf("epoch %zu: training token accuracy %.4f\n", e + 1,
                r.train_accuracy[e]);
  }
  std::printf("wrote %s: %llu features, %llu weights, %llu bytes\n",
              args.out.c_str(),
              static_cast<unsigned long long>(r.features_written),
              static_cast<unsigned long long>(r.entries_written),
              static_cast<unsigned long long>(r.model_bytes));
  return kExitOk;
}

struct KbImportArgs {
  std::string dump;
  std::string out = "wikidata.jsonl";
  std::string language = "en";
  bool all_people = false;
};

int RunKbImport(const KbImportArgs& args) {
  kb::WikidataImportOptions opts;
  opts.language = args.language;
  opts.people_need_position = !args.all_people;
  StatusOr<std::shared_ptr<const kb::KnowledgeBase>> builtin =
      kb::BuiltinKnowledgeBase();
  if (builtin.ok()) opts.known = builtin->get();
  StatusOr<kb::WikidataImportStats> st =
      kb::ImportWikidataFile(args.dump, args.out, opts);
  if (!st.ok()) {
    std::cerr << "dossier: error: " << st.status().ToString() << "\n";
    return kExitFatal;
  }
  std::printf(
      "read %zu entities; wrote %zu people, %zu organisations, %zu places, "
      "%zu roles to %s (%zu already in the built-in knowledge base)\n",
      st->lines, st->people, st->organisations, st->places, st->roles,
      args.out.c_str(), st->skipped_known);
  std::printf("use it with: dossier analyze ... --kb %s\n", args.out.c_str());
  return kExitOk;
}

struct EvalArgs {
  std::string task;
  std::string path;
  bool json = false;
  bool list = false;
  std::string floors;
  std::string shared = "../shared";
  int threads = 0;
  size_t limit = 0;
};

int RunEval(const EvalArgs& args) {
  EvalOptions opts;
  opts.threads = args.threads;
  opts.limit = args.limit;
  if (args.list || (args.task.empty() && args.floors.empty())) {
    std::cout << "eval tasks (dossier eval TASK PATH):\n";
    for (const auto& t : EvalTasks()) {
      std::cout << "  " << t->name() << "  " << t->summary()
                << "\n      data: ../shared/" << t->default_data() << "\n";
    }
    return args.list ? kExitOk : kExitUsage;
  }
  if (!args.floors.empty()) {
    std::ifstream in(args.floors);
    if (!in) {
      std::cerr << "dossier: error: cannot read " << args.floors << "\n";
      return kExitUsage;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    StatusOr<std::vector<Floor>> floors = ParseFloors(ss.str());
    if (!floors.ok()) {
      std::cerr << "dossier: error: " << args.floors << ": "
                << floors.status().ToString() << "\n";
      return kExitUsage;
    }
    StatusOr<std::vector<FloorCheck>> checks =
        CheckFloors(*floors, args.shared, opts);
    if (!checks.ok()) {
      std::cerr << "dossier: error: " << checks.status().ToString() << "\n";
      return kExitFatal;
    }
    size_t failed = 0, passed = 0, skipped = 0;
    for (const FloorCheck& c : *checks) {
      char line[256];
      if (c.skipped) {
        ++skipped;
        std::snprintf(line, sizeof line, "SKIP  %-8s %-28s (data not found)\n",
                      c.task.c_str(), c.key.c_str());
      } else {
        c.ok() ? ++passed : ++failed;
        std::snprintf(line, sizeof line, "%s  %-8s %-28s %.4f (floor %.4f)\n",
                      c.ok() ? "ok  " : "FAIL", c.task.c_str(), c.key.c_str(),
                      c.value, c.floor);
      }
      std::cout << line;
    }
    std::cout << "floors: " << passed << " passed, " << failed << " failed, "
              << skipped << " skipped\n";
    return failed == 0 ? kExitOk : kExitSomeFailed;
  }
  const EvalTask* task = FindEvalTask(args.task);
  if (task == nullptr) {
    std::cerr << "dossier: error: unknown eval task '" << args.task
              << "' (see `dossier eval --list`)\n";
    return kExitUsage;
  }
  std::string path =
      args.path.empty() ? args.shared + "/" + std::string(task->default_data())
                        : args.path;
  StatusOr<EvalReport> report = task->Run(path, opts);
  if (!report.ok()) {
    std::cerr << "dossier: error: " << report.status().ToString() << "\n";
    return kExitFatal;
  }
  std::cout << (args.json ? FormatEvalJson(*report) : FormatEvalTable(*report));
  return kExitOk;
}

struct BenchArgs {
  std::vector<std::string> workloads;
  std::string corpus;
  double mb = 50;
  int threads = 0;
  bool json = false;
  bool list = false;
};

std::string DefaultCorpusDir() {
  if (fs::is_directory("examples/corpus")) return "examples/corpus";
#ifdef DOSSIER_SOURCE_DIR
  return std::string(DOSSIER_SOURCE_DIR) + "/examples/corpus";
#else
  return "examples/corpus";
#endif
}

int RunBenchCommand(const BenchArgs& args) {
  if (args.list) {
    for (const BenchWorkload& w : BenchWorkloads()) {
      std::cout << w.name << "  " << w.summary << "\n";
    }
    return kExitOk;
  }
  BenchOptions opts;
  opts.corpus_dir = args.corpus.empty() ? DefaultCorpusDir() : args.corpus;
  opts.target_mb = args.mb;
  opts.threads = args.threads;
  std::vector<std::string> names = args.workloads;
  if (names.empty()) names.push_back("pipeline");
  std::vector<BenchResult> results;
  for (const std::string& name : names) {
    if (!args.json) std::cerr << "dossier: running workload " << name << " ...\n";
    StatusOr<BenchResult> r = RunBench(name, opts);
    if (!r.ok()) {
      std::cerr << "dossier: error: " << r.status().ToString() << "\n";
      return r.status().code() == ErrorCode::kNotFound ? kExitUsage : kExitFatal;
    }
    results.push_back(*r);
  }
  std::cout << (args.json ? FormatBenchJson(results) : FormatBenchTable(results));
  return kExitOk;
}

}  // namespace

int Main(int argc, char** argv) {
  CLI::App app(kMainHelp, "dossier");
  app.require_subcommand(1);
  app.set_version_flag("--version", DOSSIER_VERSION);
  app.get_formatter()->column_width(34);

  AnalyzeArgs a;
  CLI::App* analyze = app.add_subcommand(
      "analyze", "Analyze articles; write dossier.json and report.html");
  analyze->footer(kAnalyzeHelp);
  analyze->add_option("INPUT", a.inputs, "files, folders, JSONL files, or -")
      ->required();
  analyze->add_option("-o,--out", a.out, "output folder")
      ->capture_default_str();
  analyze->add_option("-j,--threads", a.threads,
                      "worker threads (0: one per core)")
      ->capture_default_str();
  analyze->add_option("--max-doc-bytes", a.max_doc_bytes,
                      "largest article accepted, in bytes")
      ->capture_default_str();
  analyze->add_option("--max-line-bytes", a.max_line_bytes,
                      "longest JSONL line accepted, in bytes")
      ->capture_default_str();
  analyze->add_option("--progress", a.progress,
                      "progress on stderr: auto (when a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  analyze->add_option("--generated", a.generated,
                      "timestamp written as `generated` (default: now, or "
                      "SOURCE_DATE_EPOCH)");
  analyze->add_flag("--compact-json", a.compact_json,
                    "write dossier.json without indentation");
  analyze->add_flag("-q,--quiet", a.quiet, "print only errors");
  analyze->add_flag("--no-dedup", a.no_dedup,
                    "keep exact and near-duplicate documents separate "
                    "(default: fold each group into its longest copy)");
  analyze->add_option("--dedup-threshold", a.dedup_threshold,
                      "similarity (0..1, estimated Jaccard of word "
                      "3-shingles) above which two documents are copies")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  analyze->add_option("--ner-model", a.ner_model,
                      "entity tagger model file (default: the built-in one; "
                      "see `dossier train ner`)");
  analyze->add_option("--kb", a.kb_files,
                      "extra knowledge-base file (JSON Lines, src/kb/README.md); "
                      "repeatable; its records add to or replace the built-in ones");
  analyze->add_flag("--summary", a.summary,
                    "also print a readable per-document summary to stdout");

  ExtractArgs x;
  CLI::App* extract = app.add_subcommand(
      "extract", "Print the main text (or JSON document) of a web page");
  extract->footer(kExtractHelp);
  extract->add_option("PAGE", x.inputs, "HTML files, a WARC archive, or -")
      ->required();
  extract->add_flag("--json", x.json,
                    "print the document object with metadata and layers");
  extract->add_option("--charset", x.charset,
                      "the page's charset when known (e.g. from HTTP headers)");
  extract->add_option("--max-doc-bytes", x.max_doc_bytes,
                      "largest page accepted, in bytes")
      ->capture_default_str();

  TrainArgs t;
  CLI::App* train = app.add_subcommand("train", "Train a model from data");
  train->require_subcommand(1);
  CLI::App* train_ner = train->add_subcommand(
      "ner", "Train the named-entity tagger on CoNLL-2003 data");
  train_ner->footer(
      "Deterministic: the same data and options give the same model bytes.\n"
      "The shipped model (models/ner/eng.model, compiled into dossier) was\n"
      "made with the first example; models/ner/README.md has its figures.\n\n"
      "Examples:\n"
      "  dossier train ner --conll ../shared/data/conll2003/eng.train \\\n"
      "      --out models/ner/eng.model --epochs 20\n"
      "  dossier train ner --conll eng.train --dev eng.testa --out /tmp/m.model\n"
      "  dossier analyze articles/ --ner-model /tmp/m.model --out out/");
  train_ner->add_option("--conll", t.conll, "training data (CoNLL-2003 format)")
      ->required();
  train_ner->add_option("--out", t.out, "model file to write")
      ->capture_default_str();
  train_ner->add_option("--dev", t.dev,
                        "development data: F1 after every epoch (not trained on)");
  train_ner->add_option("--gazetteer", t.gazetteer,
                        "phrase list, TYPE<TAB>phrase per line, stored in the model");
  train_ner->add_option("--epochs", t.epochs, "passes over the data")
      ->capture_default_str();
  train_ner->add_option("--seed", t.seed, "shuffling seed")->capture_default_str();

  TrainPosArgs tp;
  CLI::App* train_pos = train->add_subcommand(
      "pos", "Train the part-of-speech tagger on CoNLL data's POS column");
  train_pos->footer(
      "Deterministic: the same data and options give the same model bytes.\n"
      "The shipped model (models/pos/eng.model, compiled into dossier) was\n"
      "made with the first example; models/pos/README.md has its figures.\n\n"
      "Examples:\n"
      "  dossier train pos --conll ../shared/data/conll2003/eng.train \\\n"
      "      --out models/pos/eng.model\n"
      "  dossier train pos --conll eng.train --dev eng.testa --out /tmp/p.model");
  train_pos->add_option("--conll", tp.conll,
                        "training data (CoNLL: word POS ...)")
      ->required();
  train_pos->add_option("--out", tp.out, "model file to write")
      ->capture_default_str();
  train_pos->add_option("--dev", tp.dev,
                        "development data: accuracy after every epoch");
  train_pos->add_option("--epochs", tp.epochs, "passes over the data")
      ->capture_default_str();
  train_pos->add_option("--seed", tp.seed, "shuffling seed")
      ->capture_default_str();
  train_pos->add_option("--prune", tp.prune,
                        "drop quantized weights with |w| <= this")
      ->capture_default_str();

  TrainQuotesArgs tq;
  CLI::App* train_quotes = train->add_subcommand(
      "quotes", "Train the attribution tagger (source/cue/content) on PolNeAR");
  train_quotes->footer(
      "Deterministic: the same data and options give the same model bytes.\n"
      "The shipped models (models/quotes/eng.model and eng-roles.model,\n"
      "compiled into dossier) were made with the examples;\n"
      "models/quotes/README.md has their figures.\n\n"
      "Examples:\n"
      "  dossier train quotes --data ../shared/data/polnear/train \\\n"
      "      --out models/quotes/eng.model\n"
      "  dossier train quotes --data ../shared/data/polnear/train --roles \\\n"
      "      --jackknife 5 --min-count 20 --out models/quotes/eng-roles.model");
  train_quotes->add_option("--data", tq.data,
                           "PolNeAR split (text/, attributions/)")
      ->required();
  train_quotes->add_option("--out", tq.out, "model file to write")
      ->capture_default_str();
  train_quotes->add_option("--epochs", tq.epochs, "passes over the data")
      ->capture_default_str();
  train_quotes->add_option("--seed", tq.seed, "shuffling seed")
      ->capture_default_str();
  train_quotes->add_option("--prune", tq.prune,
                           "drop quantized weights with |w| <= this")
      ->capture_default_str();
  train_quotes->add_option("--min-count", tq.min_count,
                           "keep only features seen >= this many times in "
                           "the training data")
      ->capture_default_str();
  train_quotes->add_flag("--roles", tq.roles,
                         "train the roles tagger (stage 2: source and "
                         "content given the cue) instead of the cue tagger");
  train_quotes
      ->add_option("--jackknife", tq.jackknife,
                   "with --roles: train on the cues a cue tagger "
                   "trained on the other of this many folds finds "
                   "(0: the gold cues)")
      ->capture_default_str();

  KbImportArgs ki;
  CLI::App* kbcmd = app.add_subcommand("kb", "Knowledge-base tools");
  kbcmd->require_subcommand(1);
  CLI::App* kb_import = kbcmd->add_subcommand(
      "import-wikidata", "Convert (part of) a Wikidata JSON dump to KB records");
  kb_import->footer(
      "Reads the Wikidata JSON entity dump format (one entity per line inside\n"
      "a JSON array; .gz or plain; - for stdin) and writes JSON Lines records\n"
      "(src/kb/README.md): people who held a position (P39, with P580/P582\n"
      "dates), organisations and places, with English labels and aliases.\n"
      "Items already in the built-in knowledge base are skipped.\n\n"
      "Examples:\n"
      "  dossier kb import-wikidata extract.json.gz --out data/my-kb.jsonl\n"
      "  dossier analyze articles/ --kb data/my-kb.jsonl --out out/");
  kb_import->add_option("DUMP", ki.dump, "dump file (.json, .json.gz) or -")
      ->required();
  kb_import->add_option("--out", ki.out, "records to write (.jsonl)")
      ->capture_default_str();
  kb_import->add_option("--language", ki.language, "label language")
      ->capture_default_str();
  kb_import->add_flag("--all-people", ki.all_people,
                      "also people who held no recorded position");

  EvalArgs e;
  CLI::App* eval = app.add_subcommand(
      "eval", "Score an extraction task on a public data set");
  eval->footer(
      "Examples:\n"
      "  dossier eval --list\n"
      "  dossier eval ner ../shared/data/conll2003/eng.testa\n"
      "  dossier eval ner --json          # data from --shared\n"
      "  dossier eval --floors src/eval/floors.json --shared ../shared");
  eval->add_option("TASK", e.task, "task name (see --list)");
  eval->add_option("PATH", e.path, "data set (default: its place in --shared)");
  eval->add_flag("--json", e.json, "print one JSON object");
  eval->add_flag("--list", e.list, "list the tasks");
  eval->add_option("--floors", e.floors,
                   "check every floor in this file; exit 1 if one is missed");
  eval->add_option("--shared", e.shared, "the shared data folder")
      ->capture_default_str();
  eval->add_option("-j,--threads", e.threads, "worker threads (0: all cores)");
  eval->add_option("--limit", e.limit, "score only the first N documents");

  BenchArgs b;
  CLI::App* bench = app.add_subcommand("bench",
                                       "Run named throughput workloads");
  bench->footer(
      "Examples:\n"
      "  dossier bench                    # the 'pipeline' workload, 50 MB\n"
      "  dossier bench pipeline analyze --mb 20 --json");
  bench->add_option("WORKLOAD", b.workloads, "workloads (see --list)");
  bench->add_option("--corpus", b.corpus,
                    "articles to replicate (default: examples/corpus)");
  bench->add_option("--mb", b.mb, "input size to replicate to, in MB")
      ->capture_default_str();
  bench->add_option("-j,--threads", b.threads, "worker threads (0: all cores)");
  bench->add_flag("--json", b.json, "print one JSON object");
  bench->add_flag("--list", b.list, "list the workloads");

  app.add_subcommand("version", "Print the version");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& err) {
    int code = app.exit(err);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (analyze->parsed()) return RunAnalyze(a);
  if (extract->parsed()) return RunExtract(x);
  if (train_ner->parsed()) return RunTrainNer(t);
  if (train_pos->parsed()) return RunTrainPos(tp);
  if (train_quotes->parsed()) return RunTrainQuotes(tq);
  if (kb_import->parsed()) return RunKbImport(ki);
  if (eval->parsed()) return RunEval(e);
  if (bench->parsed()) return RunBenchCommand(b);
  std::cout << "dossier " << DOSSIER_VERSION << "\n";
  return kExitOk;
}

}  // namespace dossier
