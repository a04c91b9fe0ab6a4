// `dossier eval extract DIR`: main-text extraction scored as trafilatura's
// upstream benchmark does. DIR holds evaldata.json (URL -> {file, with[],
// without[]}) and html/<file>.gz. For each page, each `with` segment found
// in the extracted text is a true positive (else a false negative), each
// `without` segment found is a false positive (else a true negative).
// Reports precision, recall, accuracy, f1, pages and pages_per_second
// (extraction time only), and the same figures for the minimal
// text/HtmlToText under "baseline.". pages_per_cpu_second counts the
// thread's CPU time only (the figure to compare on a shared machine).
// Error analysis: with DOSSIER_EXTRACT_ERRORS=FILE set, one JSON line per
// page is written there: file, missed `with` segments, found `without`
// segments and the extracted text.
#include <rapidjson/document.h>
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <memory>
#include <sstream>

#include "eval/eval.h"
#include "html/extractor.h"
#include "html/source_align.h"
#include "text/html_text.h"
#include "text/normalizer.h"

namespace dossier {
namespace {

struct Page {
  std::string file;
  std::vector<std::string> with, without;
};

double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

void JsonString(std::string_view s, std::string& out) {
  out.push_back('"');
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c < 0x20) {
      char buf[8];
      snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  out.push_back('"');
}

struct Counts {
  double tp = 0, fn = 0, fp = 0, tn = 0;
  void Score(const std::string& text, const Page& p) {
    for (const std::string& s : p.with)
      (text.find(s) != std::string::npos ? tp : fn) += 1;
    for (const std::string& s : p.without)
      (text.find(s) != std::string::npos ? fp : tn) += 1;
  }
  void AddTo(EvalReport& r, const std::string& prefix) const {
    Prf prf{tp, fp, fn};
    prf.AddTo(r, prefix);
    double all = tp + fn + fp + tn;
    r.Add(prefix + "accuracy", all > 0 ? (tp + tn) / all : 0);
  }
};

StatusOr<std::string> ReadGzip(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return Status(ErrorCode::kUnreadable, "cannot open " + path);
  std::string out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, n);
  bool bad = n < 0;
  gzclose(f);
  if (bad) return Status(ErrorCode::kUnreadable, "cannot inflate " + path);
  return out;
}

StatusOr<std::vector<Page>> ReadEvalData(const std::string& dir) {
  std::ifstream in(dir + "/evaldata.json", std::ios::binary);
  if (!in) {
    return Status(ErrorCode::kEvalData, "no evaldata.json in " + dir);
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::string json = ss.str();
  rapidjson::Document d;
  d.Parse(json.c_str(), json.size());
  if (d.HasParseError() || !d.IsObject()) {
    return Status(ErrorCode::kEvalData, "evaldata.json is not a JSON object");
  }
  std::vector<Page> pages;
  for (const auto& m : d.GetObject()) {
    const rapidjson::Value& v = m.value;
    if (!v.IsObject() || !v.HasMember("file") || !v["file"].IsString()) {
      return Status(ErrorCode::kEvalData, "entry without a file field");
    }
    Page p;
    p.file = v["file"].GetString();
    auto list = [&](const char* key, std::vector<std::string>& out) {
      auto it = v.FindMember(key);
      if (it == v.MemberEnd() || !it->value.IsArray()) return;
      for (const auto& s : it->value.GetArray()) {
        if (s.IsString()) out.push_back(s.GetString());
      }
    };
    list("with", p.with);
    list("without", p.without);
    pages.push_back(std::move(p));
  }
  return pages;
}

// One JSON line for DOSSIER_EXTRACT_ERRORS.
std::string ErrorLine(const std::string& text, const Page& p) {
  std::string out = "{\"file\":";
  JsonString(p.file, out);
  auto list = [&](const char* key, const std::vector<std::string>& segs,
                  bool want_found) {
    out += ",\"";
    out += key;
    out += "\":[";
    bool first = true;
    for (const std::string& s : segs) {
      if ((text.find(s) != std::string::npos) != want_found) continue;
      if (!first) out.push_back(',');
      first = false;
      JsonString(s, out);
    }
    out.push_back(']');
  };
  list("missed", p.with, false);
  list("found_without", p.without, true);
  out += ",\"text\":";
  JsonString(text, out);
  out += "}\n";
  return out;
}

class ExtractEvalTask : public EvalTask {
 public:
  std::string_view name() const override { return "extract"; }
  std::string_view summary() const override {
    return "HTML main-text extraction, trafilatura's benchmark: P/R/acc/F1";
  }
  std::string_view default_data() const override { return "data/extraction"; }

  StatusOr<EvalReport> Run(const std::string& path,
                           const EvalOptions& opts) const override {
    StatusOr<std::vector<Page>> read = ReadEvalData(path);
    if (!read.ok()) return read.status();
    std::vector<Page>& pages = *read;
    if (opts.limit > 0 && pages.size() > opts.limit) pages.resize(opts.limit);

    Counts main, base;
    double seconds = 0, cpu_seconds = 0;
    std::unique_ptr<FILE, int (*)(FILE*)> errors(nullptr, fclose);
    if (const char* e = std::getenv("DOSSIER_EXTRACT_ERRORS"))
      errors.reset(fopen(e, "wb"));
    // Developer switches: DOSSIER_HTML_PARSER=libxml2 extracts with
    // libxml2's parser (to compare), DOSSIER_EXTRACT_DUMP=DIR writes each
    // page's text to DIR/<file>.txt.
    ExtractOptions xopts;
    if (const char* e = std::getenv("DOSSIER_HTML_PARSER");
        e && std::string_view(e) == "libxml2")
      xopts.parser = ExtractOptions::Parser::kLibxml2;
    const char* dump_dir = std::getenv("DOSSIER_EXTRACT_DUMP");
    size_t missing = 0, failed = 0;
    double align_seconds = 0;
    AlignStats align_total;
    size_t aligned_pages = 0;
    for (const Page& p : pages) {
      StatusOr<std::string> html = ReadGzip(path + "/html/" + p.file + ".gz");
      if (!html.ok()) {
        ++missing;
        continue;
      }
      auto t0 = std::chrono::steady_clock::now();
      double c0 = ThreadCpuSeconds();
      StatusOr<ExtractedPage> got = ExtractMainText(*html, xopts);
      cpu_seconds += ThreadCpuSeconds() - c0;
      if (dump_dir) {
        std::unique_ptr<FILE, int (*)(FILE*)> f(
            fopen((std::string(dump_dir) + "/" + p.file + ".txt").c_str(), "wb"),
            fclose);
        if (f && got.ok()) fwrite(got->text.data(), 1, got->text.size(), f.get());
      }
      seconds +=
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
              .count();
      if (!got.ok()) ++failed;
      // Tracing the text back to the page's bytes (UTF-8 pages only here).
      if (got.ok() && ValidateUtf8(*html).ok()) {
        auto a0 = std::chrono::steady_clock::now();
        AlignStats st;
        AlignToSource(got->text, *html, &st);
        align_seconds +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - a0)
                .count();
        ++aligned_pages;
        align_total.paragraphs += st.paragraphs;
        align_total.exact += st.exact;
        align_total.chars += st.chars;
        align_total.placed_chars += st.placed_chars;
      }
      main.Score(got.ok() ? got->text : std::string(), p);
      if (errors) {
        std::string line = ErrorLine(got.ok() ? got->text : std::string(), p);
        fwrite(line.data(), 1, line.size(), errors.get());
      }
      StatusOr<std::string> plain = HtmlToText(*html);
      base.Score(plain.ok() ? *plain : std::string(), p);
    }
    if (missing == pages.size()) {
      return Status(ErrorCode::kEvalData, "no page could be read in " + path);
    }
    EvalReport r;
    r.task = "extract";
    r.data = path;
    main.AddTo(r, "");
    size_t scored = pages.size() - missing;
    r.Add("pages", static_cast<double>(scored));
    r.Add("pages_per_second", seconds > 0 ? scored / seconds : 0);
    r.Add("pages_per_cpu_second", cpu_seconds > 0 ? scored / cpu_seconds : 0);
    base.AddTo(r, "baseline.");
    if (aligned_pages > 0) {
      r.Add("align.pages", static_cast<double>(aligned_pages));
      r.Add("align.paragraphs_exact",
            align_total.paragraphs ? static_cast<double>(align_total.exact) /
                                         align_total.paragraphs
                                   : 0);
      r.Add("align.chars_traced",
            align_total.chars ? static_cast<double>(align_total.placed_chars) /
                                    align_total.chars
                              : 0);
      r.Add("align.pages_per_second",
            align_seconds > 0 ? aligned_pages / align_seconds : 0);
    }
    if (missing > 0) {
      r.notes.push_back(std::to_string(missing) + " page(s) missing");
    }
    if (failed > 0) {
      r.notes.push_back(std::to_string(failed) + " page(s) not extracted");
    }
    r.notes.push_back(
        "trafilatura scores f1 0.924 on this set, readability 0.826");
    return r;
  }
};

}  // namespace

std::unique_ptr<EvalTask> MakeExtractEvalTask() {
  return std::make_unique<ExtractEvalTask>();
}

}  // namespace dossier
