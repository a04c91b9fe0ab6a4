// `dossier eval time PATH`: time expressions (TIMEX3) scored as TempEval-3
// Task A (extraction and normalization), on TimeML files such as
// TempEval-3's TBAQ-cleaned training data (TimeBank + AQUAINT).
//
// Data. PATH is a .tml file or a folder searched recursively for .tml
// files (sorted by path). In each file:
// - the document creation time (DCT) is the TIMEX3 with
//   functionInDocument="CREATION_TIME" (usually inside <DCT>); its value's
//   date part (YYYY-MM-DD) is the article's publication date. That TIMEX3
//   is metadata and is never scored, even where it lies inside <TEXT>.
// - the text is the content of the <TEXT> element with every tag removed
//   and the entities &amp; &lt; &gt; &quot; &apos; &#N; &#xH; decoded;
//   comments are dropped, CDATA is kept. Every other TIMEX3 with a
//   non-empty extent inside <TEXT> is a gold expression: its span is its
//   byte range in that text (nested TIMEX3 elements are each scored;
//   self-closing ones, which have no extent, are not).
//
// Prediction. Each file becomes a text RawArticle whose bytes are exactly
// that text, with the DCT date as `published` and the file name (without
// .tml) as metadata `title`, so that the first line of the text is body,
// not a title. It runs through PerDocumentPipeline(), i.e. what `dossier
// analyze` does per document (boilerplate removal and compaction
// included). Every Timex of Layers::times is a predicted expression, its
// span mapped back to the input's bytes with Document::offsets() (ToRaw
// for the start, ToRawEnd for the end).
//
// Spans, gold and predicted, lose ASCII whitespace at both edges; nothing
// else is trimmed.
//
// Scoring, as the TempEval-3 entity scorer (UzZaman et al. 2013), micro-
// averaged over all files:
// - strict: a gold expression is found when a prediction has exactly its
//   span, a prediction is correct when a gold expression has exactly its
//   span; recall = found gold / gold, precision = correct predictions /
//   predictions.
// - relaxed: the same with "shares at least one byte" instead of "has
//   exactly its span" (so one long prediction covering two gold
//   expressions counts once for precision and twice for recall).
// - attributes: every gold expression found in relaxed mode is compared
//   with the overlapping prediction that shares most bytes with it (ties:
//   the earlier one). type.accuracy and value.accuracy = gold expressions
//   whose TIMEX3 type / value string equals the prediction's (exact string
//   comparison) / gold expressions found in relaxed mode. As in the
//   official scorer, value.f1 = value.accuracy x relaxed.f1 (likewise
//   value.precision and value.recall = accuracy x relaxed precision and
//   recall; type.* the same). This is TempEval-3's "value F1", the figure
//   its Task A ranking used.
//
// Also: per_type.<gold type>.{gold,recall,value_accuracy} (relaxed
// recall; accuracy over that type's relaxed matches), counts (documents,
// gold, predicted), gold_in_removed_text (gold expressions that no
// prediction overlaps and that lie, at least in part, in text the pipeline
// removed as boilerplate), per_second (predicted expressions per second of
// TimexStage time, summed over worker threads) and documents_per_second
// (the whole per-document pipeline, wall time).
//
// Error analysis: with the environment variable DOSSIER_TIME_ERRORS=FILE,
// every miss (MISS), false positive (FP), span mismatch (SPAN), type error
// (TYPE) and value error (VALUE) is written to FILE with its context, one
// tab-separated line each (see ErrorLog). Scoring does not change.
#include <unicode/utf8.h>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "analyze/analyze.h"
#include "eval/eval.h"
#include "eval/eval_run.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

struct TimeSpan {
  uint32_t start = 0, end = 0;
  friend bool operator==(const TimeSpan&, const TimeSpan&) = default;
};

struct GoldTimex {
  TimeSpan span;
  std::string tid, type, value;
};

struct TmlDoc {
  std::string name;  // file name without .tml
  std::string path;
  std::string dct;   // YYYY-MM-DD or empty
  std::string text;  // plain text of <TEXT>
  std::vector<GoldTimex> gold;
};

// --- TimeML ------------------------------------------------------------

void AppendUtf8(char32_t cp, std::string& out) {
  // ICU's encoder; what is not a Unicode scalar value becomes U+FFFD.
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(cp));
  out.append(buf, static_cast<size_t>(n));
}

// Decodes the entity at s[i] == '&' into `out`; returns the bytes read
// (an unknown or malformed entity is kept as a literal '&').
size_t DecodeEntity(std::string_view s, size_t i, std::string& out) {
  size_t semi = s.find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > 12) {
    out += '&';
    return 1;
  }
  std::string_view name = s.substr(i + 1, semi - i - 1);
  static const std::pair<std::string_view, char> kNamed[] = {
      {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
  for (const auto& [n, c] : kNamed) {
    if (name == n) {
      out += c;
      return semi - i + 1;
    }
  }
  if (name.size() >= 2 && name[0] == '#') {
    bool hex = name[1] == 'x' || name[1] == 'X';
    std::string_view digits = name.substr(hex ? 2 : 1);
    char32_t cp = 0;
    bool ok = !digits.empty();
    for (char c : digits) {
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
    if (ok && cp > 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)) {
      AppendUtf8(cp, out);
      return semi - i + 1;
    }
  }
  out += '&';
  return 1;
}

std::string DecodeEntities(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '&') {
      i += DecodeEntity(s, i, out);
    } else {
      out += s[i++];
    }
  }
  return out;
}

// One tag, s[i] == '<'. `end` is just after its '>' (quoted attribute
// values may hold '>').
struct Tag {
  std::string name;  // without '/'
  bool closing = false, self_closing = false;
  std::string_view attrs;
  size_t end = 0;
};

bool ReadTag(std::string_view s, size_t i, Tag& tag) {
  size_t j = i + 1;
  if (j < s.size() && s[j] == '/') {
    tag.closing = true;
    ++j;
  }
  size_t name_start = j;
  while (j < s.size() && s[j] != '>' && s[j] != '/' && s[j] != ' ' &&
         s[j] != '\t' && s[j] != '\n' && s[j] != '\r') {
    ++j;
  }
  tag.name = std::string(s.substr(name_start, j - name_start));
  size_t attrs_start = j;
  char quote = 0;
  for (; j < s.size(); ++j) {
    char c = s[j];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      break;
    }
  }
  if (j >= s.size()) return false;
  tag.self_closing = j > attrs_start && s[j - 1] == '/';
  tag.attrs =
      s.substr(attrs_start, j - attrs_start - (tag.self_closing ? 1 : 0));
  tag.end = j + 1;
  return !tag.name.empty();
}

// The value of attribute `name` in a tag's attribute text, decoded.
std::string Attr(std::string_view attrs, std::string_view name) {
  size_t i = 0;
  while (i < attrs.size()) {
    while (i < attrs.size() && (attrs[i] == ' ' || attrs[i] == '\t' ||
                                attrs[i] == '\n' || attrs[i] == '\r')) {
      ++i;
    }
    size_t eq = attrs.find('=', i);
    if (eq == std::string_view::npos) break;
    std::string_view key = attrs.substr(i, eq - i);
    while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) {
      key.remove_suffix(1);
    }
    size_t v = eq + 1;
    while (v < attrs.size() && (attrs[v] == ' ' || attrs[v] == '\t')) ++v;
    if (v >= attrs.size()) break;
    std::string_view value;
    if (attrs[v] == '"' || attrs[v] == '\'') {
      size_t close = attrs.find(attrs[v], v + 1);
      if (close == std::string_view::npos) break;
      value = attrs.substr(v + 1, close - v - 1);
      i = close + 1;
    } else {
      size_t sp = attrs.find_first_of(" \t\n\r", v);
      value = attrs.substr(
          v, sp == std::string_view::npos ? attrs.size() - v : sp - v);
      i = sp == std::string_view::npos ? attrs.size() : sp;
    }
    if (key == name) return DecodeEntities(value);
  }
  return "";
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

TimeSpan Trim(std::string_view text, TimeSpan s) {
  s.end = std::min<uint32_t>(s.end, static_cast<uint32_t>(text.size()));
  while (s.start < s.end && IsAsciiSpace(text[s.start])) ++s.start;
  while (s.end > s.start && IsAsciiSpace(text[s.end - 1])) --s.end;
  return s;
}

// "1998-01-08", "1998-11-20T19:30" -> "1998-01-08"; else "".
std::string DatePart(std::string_view v) {
  if (v.size() < 10) return "";
  for (size_t i = 0; i < 10; ++i) {
    bool digit = v[i] >= '0' && v[i] <= '9';
    if ((i == 4 || i == 7) ? v[i] != '-' : !digit) return "";
  }
  if (v.size() > 10 && v[10] != 'T') return "";
  return std::string(v.substr(0, 10));
}

bool IsCreationTime(std::string_view attrs) {
  return Attr(attrs, "functionInDocument") == "CREATION_TIME";
}

struct ReadCounts {
  size_t without_text = 0;  // files without a <TEXT> element
  size_t without_dct = 0;   // files without a usable DCT date
  size_t empty_gold = 0;    // TIMEX3 elements without extent
  size_t unclosed = 0;      // TIMEX3 never closed
};

// Parses one TimeML file. Returns false when it has no <TEXT> element.
bool ParseTml(std::string_view s, TmlDoc& doc, ReadCounts& counts) {
  // The DCT, anywhere in the file.
  for (size_t i = s.find("<TIMEX3"); i != std::string_view::npos;
       i = s.find("<TIMEX3", i + 1)) {
    Tag tag;
    if (!ReadTag(s, i, tag) || tag.name != "TIMEX3") continue;
    if (IsCreationTime(tag.attrs)) {
      doc.dct = DatePart(Attr(tag.attrs, "value"));
      break;
    }
  }
  if (doc.dct.empty()) ++counts.without_dct;

  // The <TEXT> element.
  size_t open = std::string_view::npos, body = 0;
  for (size_t i = s.find("<TEXT"); i != std::string_view::npos;
       i = s.find("<TEXT", i + 1)) {
    Tag tag;
    if (ReadTag(s, i, tag) && tag.name == "TEXT" && !tag.self_closing) {
      open = i;
      body = tag.end;
      break;
    }
  }
  if (open == std::string_view::npos) return false;
  size_t close = s.find("</TEXT>", body);
  if (close == std::string_view::npos) close = s.size();
  std::string_view in = s.substr(body, close - body);

  struct Open {
    uint32_t start;
    std::string tid, type, value;
    bool dct;
  };
  std::vector<Open> stack;
  std::string& out = doc.text;
  for (size_t i = 0; i < in.size();) {
    char c = in[i];
    if (c == '&') {
      i += DecodeEntity(in, i, out);
      continue;
    }
    if (c != '<') {
      out += c;
      ++i;
      continue;
    }
    if (in.substr(i, 4) == "<!--") {
      size_t e = in.find("-->", i + 4);
      i = e == std::string_view::npos ? in.size() : e + 3;
      continue;
    }
    if (in.substr(i, 9) == "<![CDATA[") {
      size_t e = in.find("]]>", i + 9);
      size_t stop = e == std::string_view::npos ? in.size() : e;
      out.append(in.substr(i + 9, stop - i - 9));
      i = e == std::string_view::npos ? in.size() : e + 3;
      continue;
    }
    Tag tag;
    if (!ReadTag(in, i, tag)) {  // a stray '<': text
      out += c;
      ++i;
      continue;
    }
    i = tag.end;
    if (tag.name != "TIMEX3") continue;
    if (tag.closing) {
      if (stack.empty()) continue;
      Open o = std::move(stack.back());
      stack.pop_back();
      if (o.dct) continue;
      TimeSpan span = Trim(out, {o.start, static_cast<uint32_t>(out.size())});
      if (span.start >= span.end) {
        ++counts.empty_gold;
        continue;
      }
      doc.gold.push_back(
          {span, std::move(o.tid), std::move(o.type), std::move(o.value)});
    } else if (tag.self_closing) {
      if (!IsCreationTime(tag.attrs)) ++counts.empty_gold;
    } else {
      stack.push_back({static_cast<uint32_t>(out.size()),
                       Attr(tag.attrs, "tid"), Attr(tag.attrs, "type"),
                       Attr(tag.attrs, "value"), IsCreationTime(tag.attrs)});
    }
  }
  counts.unclosed += stack.size();
  std::sort(doc.gold.begin(), doc.gold.end(),
            [](const GoldTimex& a, const GoldTimex& b) {
              return std::tie(a.span.start, a.span.end) <
                     std::tie(b.span.start, b.span.end);
            });
  return true;
}

StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kEvalData, "cannot open " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool IsTml(const fs::path& p) { return p.extension() == ".tml"; }

StatusOr<std::vector<TmlDoc>> ReadTimeMl(const std::string& path, size_t limit,
                                         ReadCounts& counts) {
  std::error_code ec;
  std::vector<std::string> files;
  if (fs::is_regular_file(path, ec)) {
    files.push_back(path);
  } else if (fs::is_directory(path, ec)) {
    for (auto it = fs::recursive_directory_iterator(path, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && IsTml(it->path())) {
        files.push_back(it->path().string());
      }
    }
    if (ec) return Status(ErrorCode::kEvalData, "cannot list " + path);
    std::sort(files.begin(), files.end());
  } else {
    return Status(ErrorCode::kEvalData, "no such file or folder: " + path);
  }
  std::vector<TmlDoc> docs;
  for (const std::string& f : files) {
    if (limit > 0 && docs.size() >= limit) break;
    StatusOr<std::string> bytes = ReadFile(f);
    if (!bytes.ok()) return bytes.status();
    TmlDoc d;
    d.path = f;
    d.name = fs::path(f).stem().string();
    if (!ParseTml(*bytes, d, counts)) {
      ++counts.without_text;
      continue;
    }
    docs.push_back(std::move(d));
  }
  if (docs.empty()) {
    return Status(ErrorCode::kEvalData,
                  "no TimeML file with <TEXT> in " + path);
  }
  return docs;
}

// --- scoring -----------------------------------------------------------

struct PredTimex {
  TimeSpan span;
  std::string type, value;
};

uint32_t Shared(TimeSpan a, TimeSpan b) {
  uint32_t lo = std::max(a.start, b.start), hi = std::min(a.end, b.end);
  return hi > lo ? hi - lo : 0;
}

std::vector<PredTimex> Predictions(const Document& doc, std::string_view raw) {
  std::vector<PredTimex> out;
  for (const Timex& t : doc.layers().times) {
    if (t.span.empty()) continue;
    TimeSpan s = Trim(raw, {doc.offsets().ToRaw(t.span.start),
                            doc.offsets().ToRawEnd(t.span.end)});
    if (s.start >= s.end) continue;
    out.push_back({s, std::string(TimexTypeName(t.type)), t.value});
  }
  return out;
}

// Error analysis: with DOSSIER_TIME_ERRORS=FILE set, every miss, false
// positive, span mismatch, type and value error is written to FILE, and every
// exact match with the right value as "OK", one tab-separated line each: kind, document, gold text|type|value, predicted
// text|type|value, context (the sentence-sized text around it).
class ErrorLog {
 public:
  explicit ErrorLog(const char* path) {
    if (path != nullptr && *path != '\0') out_.open(path, std::ios::binary);
  }
  bool on() const { return out_.is_open(); }
  void Write(std::string_view kind, const std::string& doc,
             std::string_view text, const GoldTimex* g, const PredTimex* p) {
    if (!on()) return;
    TimeSpan around = g ? g->span : p->span;
    if (g && p) {
      around.start = std::min(g->span.start, p->span.start);
      around.end = std::max(g->span.end, p->span.end);
    }
    out_ << kind << '\t' << doc << '\t';
    if (g) {
      out_ << Flat(text.substr(g->span.start, g->span.end - g->span.start))
           << '|' << g->type << '|' << g->value;
    }
    out_ << '\t';
    if (p) {
      out_ << Flat(text.substr(p->span.start, p->span.end - p->span.start))
           << '|' << p->type << '|' << p->value;
    }
    const uint32_t from = around.start > 80 ? around.start - 80 : 0;
    const uint32_t to =
        std::min<uint32_t>(static_cast<uint32_t>(text.size()), around.end + 80);
    out_ << '\t' << Flat(text.substr(from, around.start - from)) << "[["
         << Flat(text.substr(around.start, around.end - around.start)) << "]]"
         << Flat(text.substr(around.end, to - around.end)) << '\n';
  }

 private:
  static std::string Flat(std::string_view s) {
    std::string o(s);
    for (char& c : o) {
      if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    }
    return o;
  }
  std::ofstream out_;
};

struct TypeCounts {
  size_t gold = 0, found = 0, value_ok = 0;
};

struct Scores {
  size_t gold = 0, predicted = 0;
  size_t strict_gold = 0, strict_pred = 0;  // found gold / correct preds
  size_t relaxed_gold = 0, relaxed_pred = 0;
  size_t type_ok = 0, value_ok = 0;
  size_t in_removed = 0;
  std::map<std::string, TypeCounts> per_type;

  ErrorLog* log = nullptr;
  const TmlDoc* doc = nullptr;

  void AddDocument(const std::vector<GoldTimex>& golds,
                   const std::vector<PredTimex>& preds,
                   const std::vector<Removed>& removed) {
    auto note = [&](std::string_view kind, const GoldTimex* g,
                    const PredTimex* p) {
      if (log && doc) log->Write(kind, doc->name, doc->text, g, p);
    };
    gold += golds.size();
    predicted += preds.size();
    for (const GoldTimex& g : golds) {
      TypeCounts& tc = per_type[g.type.empty() ? "none" : g.type];
      ++tc.gold;
      bool exact = false;
      const PredTimex* best = nullptr;
      uint32_t best_shared = 0;
      for (const PredTimex& p : preds) {
        if (p.span == g.span) exact = true;
        uint32_t n = Shared(g.span, p.span);
        if (n > best_shared) {
          best_shared = n;
          best = &p;
        }
      }
      if (exact) ++strict_gold;
      if (best == nullptr) note("MISS", &g, nullptr);
      if (best != nullptr && !exact) note("SPAN", &g, best);
      if (best == nullptr) {
        for (const Removed& r : removed) {
          if (Shared(g.span, {r.raw_start, r.raw_end}) > 0) {
            ++in_removed;
            break;
          }
        }
        continue;
      }
      ++relaxed_gold;
      ++tc.found;
      if (best->type == g.type) ++type_ok;
      if (best->type != g.type) note("TYPE", &g, best);
      if (best->value == g.value) {
        ++value_ok;
        ++tc.value_ok;
        if (exact) note("OK", &g, best);
      } else {
        note("VALUE", &g, best);
      }
    }
    for (const PredTimex& p : preds) {
      bool exact = false, overlap = false;
      for (const GoldTimex& g : golds) {
        if (p.span == g.span) exact = true;
        if (Shared(g.span, p.span) > 0) overlap = true;
      }
      if (exact) ++strict_pred;
      if (overlap) ++relaxed_pred;
      if (!overlap) note("FP", nullptr, &p);
    }
  }
};

double Ratio(double a, double b) { return b > 0 ? a / b : 0; }
double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

void AddPrf(EvalReport& r, const std::string& prefix, double p, double rec) {
  r.Add(prefix + "precision", p);
  r.Add(prefix + "recall", rec);
  r.Add(prefix + "f1", F1(p, rec));
}

class TimeEvalTask : public EvalTask {
 public:
  std::string_view name() const override { return "time"; }
  std::string_view summary() const override {
    return "time expressions, TimeML (TempEval-3 Task A): strict and relaxed "
           "span P/R/F1, type and value accuracy, value F1";
  }
  std::string_view default_data() const override { return "data/tempeval3"; }

  StatusOr<EvalReport> Run(const std::string& path,
                           const EvalOptions& opts) const override {
    ReadCounts counts;
    StatusOr<std::vector<TmlDoc>> read = ReadTimeMl(path, opts.limit, counts);
    if (!read.ok()) return read.status();
    const std::vector<TmlDoc>& docs = *read;

    std::vector<RawArticle> raws;
    raws.reserve(docs.size());
    size_t empty_texts = 0;
    for (const TmlDoc& d : docs) {
      bool blank = std::all_of(d.text.begin(), d.text.end(), IsAsciiSpace);
      if (blank) ++empty_texts;
      RawArticle raw;
      raw.source = d.path;
      raw.bytes = d.text;
      raw.format = RawArticle::Format::kText;
      raw.title = d.name;
      raw.published = d.dct;
      raws.push_back(std::move(raw));
    }
    double wall = 0;
    StatusOr<Corpus> corpus =
        RunPerDocumentPipeline(std::move(raws), opts.threads, &wall);
    if (!corpus.ok()) return corpus.status();
    const std::map<std::string, const Document*> by_source =
        DocumentsBySource(*corpus);

    Scores s;
    ErrorLog log(std::getenv("DOSSIER_TIME_ERRORS"));
    if (log.on()) s.log = &log;
    size_t failed = 0;
    static const std::vector<Removed> kNoRemoved;
    for (const TmlDoc& d : docs) {
      s.doc = &d;
      auto it = by_source.find(d.path);
      if (it == by_source.end()) {
        ++failed;
        s.AddDocument(d.gold, {}, kNoRemoved);
        continue;
      }
      s.AddDocument(d.gold, Predictions(*it->second, d.text),
                    it->second->layers().removed);
    }
    const double time_seconds = StageSeconds(*corpus, "times");

    EvalReport r;
    r.task = "time";
    r.data = path;
    double sp = Ratio(s.strict_pred, s.predicted);
    double sr = Ratio(s.strict_gold, s.gold);
    double rp = Ratio(s.relaxed_pred, s.predicted);
    double rr = Ratio(s.relaxed_gold, s.gold);
    double rf = F1(rp, rr);
    AddPrf(r, "strict.", sp, sr);
    AddPrf(r, "relaxed.", rp, rr);
    double type_acc = Ratio(s.type_ok, s.relaxed_gold);
    double value_acc = Ratio(s.value_ok, s.relaxed_gold);
    r.Add("type.accuracy", type_acc);
    r.Add("type.f1", type_acc * rf);
    r.Add("value.accuracy", value_acc);
    r.Add("value.precision", value_acc * rp);
    r.Add("value.recall", value_acc * rr);
    r.Add("value.f1", value_acc * rf);
    for (const auto& [type, tc] : s.per_type) {
      std::string prefix = "per_type." + type + ".";
      r.Add(prefix + "gold", static_cast<double>(tc.gold));
      r.Add(prefix + "recall", Ratio(tc.found, tc.gold));
      r.Add(prefix + "value_accuracy", Ratio(tc.value_ok, tc.found));
    }
    r.Add("documents", static_cast<double>(docs.size()));
    r.Add("gold", static_cast<double>(s.gold));
    r.Add("predicted", static_cast<double>(s.predicted));
    r.Add("gold_in_removed_text", static_cast<double>(s.in_removed));
    r.Add("per_second", time_seconds > 0 ? s.predicted / time_seconds : 0);
    r.Add("documents_per_second", wall > 0 ? docs.size() / wall : 0);
    r.notes.push_back(
        "TempEval-3 Task A: strict = same span, relaxed = a shared byte "
        "(precision over predictions, recall over gold); type/value "
        "accuracy over gold expressions found in relaxed mode, each compared "
        "with the prediction overlapping it most; value.f1 = value.accuracy "
        "x relaxed.f1 (the official value F1)");
    r.notes.push_back(
        "the DCT TIMEX3 (functionInDocument=CREATION_TIME) is the "
        "publication date and is not scored");
    r.notes.push_back(
        "per_second: predicted expressions per second of TimexStage time "
        "(summed over threads); documents_per_second: whole per-document "
        "pipeline, wall time");
    if (failed > 0) {
      r.notes.push_back(std::to_string(failed) +
                        " document(s) failed in the pipeline (gold counted as "
                        "missed)" +
                        (empty_texts > 0 ? ", " + std::to_string(empty_texts) +
                                               " of them with an empty <TEXT>"
                                         : std::string()));
    }
    if (counts.without_text > 0) {
      r.notes.push_back(std::to_string(counts.without_text) +
                        " file(s) without a <TEXT> element skipped");
    }
    if (counts.without_dct > 0) {
      r.notes.push_back(std::to_string(counts.without_dct) +
                        " file(s) without a YYYY-MM-DD creation time (run "
                        "without a publication date)");
    }
    if (counts.empty_gold > 0) {
      r.notes.push_back(std::to_string(counts.empty_gold) +
                        " TIMEX3 element(s) without text not scored");
    }
    if (counts.unclosed > 0) {
      r.notes.push_back(std::to_string(counts.unclosed) +
                        " TIMEX3 element(s) never closed, not scored");
    }
    return r;
  }
};

}  // namespace

std::unique_ptr<EvalTask> MakeTimeEvalTask() {
  return std::make_unique<TimeEvalTask>();
}

}  // namespace dossier
