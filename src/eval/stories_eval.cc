// `dossier eval stories PATH`: story clustering scored on ECB+ (Cybulska
// & Vossen 2014), whose 43 topics each hold documents about two different
// real-world events of a similar kind (the ECB half and the ECB+ half,
// e.g. two different earthquakes).
//
// Data. PATH is a folder searched recursively for CAT XML files named
// <topic>_<n>ecb.xml or <topic>_<n>ecbplus.xml (sorted by path); other
// files are ignored. Gold: topic = the <topic> prefix of the file name,
// sub-topic = topic + half ("ecb" or "ecbplus"). The ECB+ annotation
// (markables, coreference) is not used.
//
// Text. A document's text is rebuilt from its <token> elements (XML
// entities decoded), one sentence (the `sentence` attribute) per line,
// tokens joined by spaces except before closing punctuation (, . ; : ! ?
// ) ] } % and clitics such as 's, n't) and after opening brackets; `` and
// '' become ". A first sentence (sentence 0) that is a web address (it
// starts with "http" or "www" once its spaces are removed; the ECB+ half
// keeps the page's URL there) is not text: it becomes the article's `url`.
// The next line is then the headline (the first line of a text article).
//
// Prediction. All documents of all topics are clustered together; the
// system is not told the topics. The articles are given to the pipeline in
// the order of a hash (FNV-1a) of their file names, so that neither the
// folder order nor the file numbering hints at the topics. They run
// through StandardPipeline() with duplicate folding off (every document
// must be scored), i.e. everything `dossier analyze` does, the story stage
// included; each document's story (DocMeta::story) is its predicted
// cluster. A document the pipeline drops is its own singleton cluster.
//
// Scoring (stories/cluster_score.h), once against topics and once against
// sub-topics: B-cubed precision, recall and F1 (per document, averaged
// over documents) and the adjusted Rand index. Also: documents, topics,
// subtopics and stories counts; documents_per_second (the whole pipeline,
// wall time) and stories_seconds (time in the story stage).
#include <unicode/utf8.h>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "analyze/analyze.h"
#include "eval/eval.h"
#include "eval/eval_run.h"
#include "stories/cluster_score.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

struct EcbDoc {
  std::string path;
  std::string name;  // file name without .xml
  std::string topic, subtopic;
  std::string text, url;
};

void AppendCodePoint(uint32_t cp, std::string& out) {
  // ICU's encoder; what is not a Unicode scalar value becomes U+FFFD.
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(cp));
  out.append(buf, static_cast<size_t>(n));
}

std::string DecodeXml(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      out += s[i++];
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out += s[i++];
      continue;
    }
    std::string_view e = s.substr(i + 1, semi - i - 1);
    if (e == "amp") {
      out += '&';
    } else if (e == "lt") {
      out += '<';
    } else if (e == "gt") {
      out += '>';
    } else if (e == "quot") {
      out += '"';
    } else if (e == "apos") {
      out += '\'';
    } else if (e.size() >= 2 && e[0] == '#') {
      bool hex = e[1] == 'x' || e[1] == 'X';
      uint32_t cp = 0;
      bool ok = e.size() > (hex ? 2u : 1u);
      for (char c : e.substr(hex ? 2 : 1)) {
        int d = c >= '0' && c <= '9'          ? c - '0'
                : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                              : -1;
        if (d < 0 || cp > 0x10FFFF) {
          ok = false;
          break;
        }
        cp = cp * (hex ? 16 : 10) + d;
      }
      if (!ok || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        out += s[i++];
        continue;
      }
      AppendCodePoint(cp, out);
    } else {
      out += s[i++];
      continue;
    }
    i = semi + 1;
  }
  return out;
}

// The value of attribute `name` in the tag text `tag`, or "".
std::string AttrOf(std::string_view tag, std::string_view name) {
  std::string key = " " + std::string(name) + "=\"";
  size_t p = tag.find(key);
  if (p == std::string_view::npos) return "";
  p += key.size();
  size_t q = tag.find('"', p);
  if (q == std::string_view::npos) return "";
  return std::string(tag.substr(p, q - p));
}

bool NoSpaceBefore(std::string_view w) {
  static const char* const kClose[] = {
      ",",  ".",  ";",  ":",   "!",   "?",   ")",   "]",  "}",  "%",
      "''", "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m", "\xE2\x80\x99s",
      "..."};
  for (const char* c : kClose) {
    if (w == c) return true;
  }
  return false;
}

bool NoSpaceAfter(std::string_view w) {
  return w == "(" || w == "[" || w == "{" || w == "$" || w == "``";
}

// Joins the tokens of one sentence.
std::string Detokenize(const std::vector<std::string>& tokens) {
  std::string out;
  bool glue = true;  // no space before the next token
  for (const std::string& t : tokens) {
    if (t.empty()) continue;
    if (!glue && !NoSpaceBefore(t)) out += ' ';
    out += (t == "``" || t == "''") ? std::string("\"") : t;
    glue = NoSpaceAfter(t);
  }
  return out;
}

bool IsWebAddress(const std::vector<std::string>& tokens) {
  std::string joined;
  for (const std::string& t : tokens) joined += t;
  return joined.rfind("http", 0) == 0 || joined.rfind("www", 0) == 0;
}

// Reads one CAT XML file's tokens into text and url.
void ParseCat(std::string_view s, EcbDoc& doc) {
  std::map<int, std::vector<std::string>> sentences;
  for (size_t i = s.find("<token"); i != std::string_view::npos;
       i = s.find("<token", i + 1)) {
    size_t close = s.find('>', i);
    if (close == std::string_view::npos) break;
    std::string_view tag = s.substr(i, close - i);
    if (tag.size() > 6 && tag[6] != ' ') continue;  // <tokens ...>
    size_t end = s.find("</token>", close);
    if (end == std::string_view::npos) break;
    std::string word = DecodeXml(s.substr(close + 1, end - close - 1));
    std::string sent = AttrOf(tag, "sentence");
    int number = 0;
    for (char c : sent) {
      if (c < '0' || c > '9') break;
      number = number * 10 + (c - '0');
    }
    sentences[number].push_back(std::move(word));
    i = end;
  }
  bool first = true;
  for (const auto& [number, tokens] : sentences) {
    if (first && number == 0 && IsWebAddress(tokens)) {
      for (const std::string& t : tokens) doc.url += t;
      first = false;
      continue;
    }
    first = false;
    std::string line = Detokenize(tokens);
    if (line.empty()) continue;
    doc.text += line;
    doc.text += '\n';
  }
}

// "12_3ecbplus" -> topic "12", half "ecbplus"; false for other names.
bool SplitName(const std::string& name, std::string& topic, std::string& half) {
  size_t us = name.find('_');
  if (us == std::string::npos || us == 0) return false;
  for (size_t i = 0; i < us; ++i) {
    if (name[i] < '0' || name[i] > '9') return false;
  }
  std::string rest = name.substr(us + 1);
  size_t d = 0;
  while (d < rest.size() && rest[d] >= '0' && rest[d] <= '9') ++d;
  if (d == 0) return false;
  std::string suffix = rest.substr(d);
  if (suffix != "ecb" && suffix != "ecbplus") return false;
  topic = name.substr(0, us);
  half = suffix;
  return true;
}

StatusOr<std::vector<EcbDoc>> ReadEcbPlus(const std::string& path,
                                          size_t limit) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    return Status(ErrorCode::kEvalData, "no such folder: " + path);
  }
  std::vector<std::string> files;
  for (auto it = fs::recursive_directory_iterator(path, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".xml") {
      files.push_back(it->path().string());
    }
  }
  if (ec) return Status(ErrorCode::kEvalData, "cannot list " + path);
  std::sort(files.begin(), files.end());
  std::vector<EcbDoc> docs;
  for (const std::string& f : files) {
    if (limit > 0 && docs.size() >= limit) break;
    EcbDoc d;
    d.path = f;
    d.name = fs::path(f).stem().string();
    std::string half;
    if (!SplitName(d.name, d.topic, half)) continue;
    d.subtopic = d.topic + "/" + half;
    std::ifstream in(f, std::ios::binary);
    if (!in) return Status(ErrorCode::kEvalData, "cannot open " + f);
    std::stringstream ss;
    ss << in.rdbuf();
    ParseCat(ss.str(), d);
    docs.push_back(std::move(d));
  }
  if (docs.empty()) {
    return Status(ErrorCode::kEvalData,
                  "no <topic>_<n>ecb.xml / ecbplus.xml file in " + path);
  }
  return docs;
}

uint64_t Fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

void AddScore(EvalReport& r, const std::string& prefix, const ClusterScore& s) {
  r.Add(prefix + "b3_precision", s.b3_precision);
  r.Add(prefix + "b3_recall", s.b3_recall);
  r.Add(prefix + "b3_f1", s.b3_f1);
  r.Add(prefix + "ari", s.ari);
}

class StoriesEvalTask : public EvalTask {
 public:
  std::string_view name() const override { return "stories"; }
  std::string_view summary() const override {
    return "story clustering, ECB+ (CAT XML): B-cubed P/R/F1 and ARI "
           "against topics and sub-topics (the two events of a topic)";
  }
  std::string_view default_data() const override { return "data/ecbplus"; }

  StatusOr<EvalReport> Run(const std::string& path,
                           const EvalOptions& opts) const override {
    StatusOr<std::vector<EcbDoc>> read = ReadEcbPlus(path, opts.limit);
    if (!read.ok()) return read.status();
    std::vector<EcbDoc>& docs = *read;
    std::stable_sort(docs.begin(), docs.end(),
                     [](const EcbDoc& a, const EcbDoc& b) {
                       return Fnv1a(a.name) < Fnv1a(b.name);
                     });
    std::vector<RawArticle> raws;
    raws.reserve(docs.size());
    for (const EcbDoc& d : docs) {
      RawArticle raw;
      raw.source = d.path;
      raw.bytes = d.text;
      raw.format = RawArticle::Format::kText;
      raw.url = d.url;
      raws.push_back(std::move(raw));
    }
    AnalyzeOptions analyze;
    analyze.run.threads = opts.threads;
    analyze.pipeline.dedup = false;
    const Pipeline pipeline = StandardPipeline(analyze.pipeline);
    auto t0 = std::chrono::steady_clock::now();
    StatusOr<Corpus> corpus =
        AnalyzeArticles(pipeline, std::move(raws), analyze);
    double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
            .count();
    if (!corpus.ok()) return corpus.status();

    std::map<std::string, std::string> story_of;
    for (const Document& d : corpus->documents) {
      story_of[d.meta().source] = d.meta().story;
    }
    std::vector<std::string> predicted, topics, subtopics;
    size_t failed = 0;
    for (const EcbDoc& d : docs) {
      auto it = story_of.find(d.path);
      if (it == story_of.end() || it->second.empty()) {
        ++failed;
        predicted.push_back("missing:" + d.path);
      } else {
        predicted.push_back(it->second);
      }
      topics.push_back(d.topic);
      subtopics.push_back(d.subtopic);
    }
    const double story_seconds = StageSeconds(*corpus, "stories");
    EvalReport r;
    r.task = "stories";
    r.data = path;
    AddScore(r, "topic.", ScoreClustering(predicted, topics));
    AddScore(r, "subtopic.", ScoreClustering(predicted, subtopics));
    r.Add("documents", static_cast<double>(docs.size()));
    r.Add("topics",
          static_cast<double>(
              std::set<std::string>(topics.begin(), topics.end()).size()));
    r.Add(
        "subtopics",
        static_cast<double>(
            std::set<std::string>(subtopics.begin(), subtopics.end()).size()));
    r.Add(
        "stories",
        static_cast<double>(
            std::set<std::string>(predicted.begin(), predicted.end()).size()));
    r.Add("documents_per_second", wall > 0 ? docs.size() / wall : 0);
    r.Add("stories_seconds", story_seconds);
    r.notes.push_back(
        "all documents of all topics are clustered together (the system is "
        "not told the topics); B-cubed P/R/F1 averaged over documents; ARI = "
        "adjusted Rand index");
    r.notes.push_back(
        "documents_per_second: the whole standard pipeline (duplicate "
        "folding off), wall time; stories_seconds: the story stage");
    if (failed > 0) {
      r.notes.push_back(std::to_string(failed) +
                        " document(s) failed in the pipeline (scored as "
                        "singletons)");
    }
    return r;
  }
};

}  // namespace

std::unique_ptr<EvalTask> MakeStoriesEvalTask() {
  return std::make_unique<StoriesEvalTask>();
}

}  // namespace dossier
