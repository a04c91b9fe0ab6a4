// `dossier eval pubdate [PATH]`: how well undated articles are dated from
// the other articles of the corpus (time/pubdate_stage.h).
//
// Data: TimeML files (`.tml`, a folder searched recursively), by default
// TempEval-3 TBAQ-cleaned. Each file gives its text (inside <TEXT>, tags
// removed) and its creation time (the <DCT> TIMEX3 value). In file-name
// order, every second document has its creation time hidden; the others
// keep it as `published`. The whole standard pipeline runs on all of them,
// and for each hidden document:
//   covered  - a date or range was inferred (published_how "inferred");
//   correct  - the inferred range holds the true creation date;
//   exact    - one day was inferred and it is the true date.
// Metrics: hidden (count), coverage = covered / hidden, accuracy = correct
// / covered, recovered = correct / hidden, exact = exact / hidden,
// width = mean days in the inferred ranges. TBAQ's articles are mostly
// about different events (a 1989-2000 mix), so coverage is expected to be
// low; accuracy is the headline figure.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "analyze/analyze.h"
#include "eval/eval.h"
#include "eval/eval_run.h"
#include "time/calendar.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

struct TmlText {
  std::string path;
  std::string text;
  std::string dct;  // YYYY-MM-DD
};

std::string Decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  static const std::pair<std::string_view, char> kNamed[] = {{"&amp;", '&'},
                                                             {"&lt;", '<'},
                                                             {"&gt;", '>'},
                                                             {"&quot;", '"'},
                                                             {"&apos;", '\''}};
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '<') {
      const size_t e = s.find('>', i);
      if (e == std::string_view::npos) break;
      i = e + 1;
      continue;
    }
    bool named = false;
    if (s[i] == '&') {
      for (const auto& [n, c] : kNamed) {
        if (s.substr(i, n.size()) == n) {
          out += c;
          i += n.size();
          named = true;
          break;
        }
      }
    }
    if (!named) out += s[i++];
  }
  return out;
}

bool ReadTml(const std::string& path, TmlText* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string s = ss.str();
  const size_t dct = s.find("<DCT>");
  const size_t text = s.find("<TEXT>");
  const size_t text_end = s.find("</TEXT>");
  if (dct == std::string::npos || text == std::string::npos ||
      text_end == std::string::npos || text_end < text) {
    return false;
  }
  const size_t v = s.find("value=\"", dct);
  if (v == std::string::npos || v > text) return false;
  out->dct = s.substr(v + 7, 10);
  if (!ParseIsoDate(out->dct)) return false;
  out->path = path;
  out->text = Decode(std::string_view(s).substr(text + 6, text_end - text - 6));
  return true;
}

class PubDateEvalTask : public EvalTask {
 public:
  std::string_view name() const override { return "pubdate"; }
  std::string_view summary() const override {
    return "inferred publication dates (TimeML with every second creation "
           "time hidden)";
  }
  std::string_view default_data() const override { return "data/tempeval3"; }

  StatusOr<EvalReport> Run(const std::string& path,
                           const EvalOptions& opts) const override {
    std::vector<std::string> files;
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) {
      files.push_back(path);
    } else if (fs::is_directory(path, ec)) {
      for (const auto& e : fs::recursive_directory_iterator(path, ec)) {
        if (e.is_regular_file() && e.path().extension() == ".tml") {
          files.push_back(e.path().string());
        }
      }
    }
    std::sort(files.begin(), files.end());
    std::vector<TmlText> docs;
    for (const std::string& f : files) {
      TmlText t;
      if (ReadTml(f, &t)) docs.push_back(std::move(t));
      if (opts.limit > 0 && docs.size() >= opts.limit) break;
    }
    if (docs.empty()) {
      return Status(ErrorCode::kNotFound, "no TimeML documents in " + path);
    }
    std::vector<RawArticle> raws;
    for (size_t i = 0; i < docs.size(); ++i) {
      RawArticle raw;
      raw.source = docs[i].path;
      raw.bytes = docs[i].text;
      raw.format = RawArticle::Format::kText;
      raw.title = fs::path(docs[i].path).stem().string();
      if (i % 2 == 0) raw.published = docs[i].dct;
      raws.push_back(std::move(raw));
    }
    AnalyzeOptions analyze;
    analyze.run.threads = opts.threads;
    PipelineOptions popts;
    popts.dedup = false;
    const Pipeline pipeline = StandardPipeline(popts);
    StatusOr<Corpus> corpus =
        AnalyzeArticles(pipeline, std::move(raws), analyze);
    if (!corpus.ok()) return corpus.status();
    const std::map<std::string, const Document*> by_source =
        DocumentsBySource(*corpus);

    double hidden = 0, covered = 0, correct = 0, exact = 0, width = 0;
    for (size_t i = 1; i < docs.size(); i += 2) {
      ++hidden;
      auto it = by_source.find(docs[i].path);
      if (it == by_source.end()) continue;
      const DocMeta& m = it->second->meta();
      if (m.published_how != PublishedHow::kInferred ||
          m.published_earliest.empty()) {
        continue;
      }
      ++covered;
      const auto lo = ParseIsoDate(m.published_earliest);
      const auto hi = ParseIsoDate(m.published_latest);
      if (!lo || !hi) continue;
      width += static_cast<double>(DaysFromCivil(*hi) - DaysFromCivil(*lo) + 1);
      if (m.published_earliest <= docs[i].dct &&
          docs[i].dct <= m.published_latest) {
        ++correct;
        if (m.published == docs[i].dct) ++exact;
      }
    }
    EvalReport r;
    r.task = "pubdate";
    r.data = path;
    r.Add("documents", static_cast<double>(docs.size()));
    r.Add("hidden", hidden);
    r.Add("coverage", hidden > 0 ? covered / hidden : 0);
    r.Add("accuracy", covered > 0 ? correct / covered : 0);
    r.Add("recovered", hidden > 0 ? correct / hidden : 0);
    r.Add("exact", hidden > 0 ? exact / hidden : 0);
    r.Add("width", covered > 0 ? width / covered : 0);
    r.notes.push_back(
        "every second document (file-name order) has its creation time "
        "hidden; accuracy: inferred range holds the true date");
    return r;
  }
};

}  // namespace

std::unique_ptr<EvalTask> MakePubDateEvalTask() {
  return std::make_unique<PubDateEvalTask>();
}

}  // namespace dossier
