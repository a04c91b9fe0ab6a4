// `dossier eval quotes DIR`: attribution (quote, cue, speaker) extraction
// scored on PolNeAR (political news attribution relations, brat standoff).
//
// Data. DIR holds text/<article>.txt and attributions/<article>_<annotator>
// .ann. When an article has several annotators' files, the first in sorted
// order is used (metadata.tsv lists the annotators in that order). In the
// .ann files, `T<n>\t<Label> start end[;start end...]\ttext` lines give
// spans in Unicode code points of the text file (converted here to UTF-8
// byte offsets); `E<n>\t<Trigger>:T<a> Role:T<b> ...` lines tie one
// attribution together, where Trigger is Attribution or
// Attribution-no-source and the roles are Source, Cue and Content (Content2
// etc. add segments to the same role). E lines with the same trigger are
// merged. Discuss and Discard spans and attributions without a Content are
// not scored. A gold role may be discontinuous (several segments).
//
// Prediction. Each article becomes a RawArticle (text format) and runs
// through PerDocumentPipeline(), so QuoteStage sees what `dossier analyze`
// gives it (first line as the title, boilerplate removed, Compact). Every
// Quote is one predicted attribution: source = Quote::speaker, cue =
// Quote::cue, content = Quote::content, each mapped back to the input's
// bytes with Document::offsets() (ToRaw for starts, ToRawEnd for ends).
// Empty spans are "no span". Exception: a continuation quote (empty cue and
// the same speaker span as the quote before it, QuoteStage's rule for
// `"...," he said. "..."`) adds its content as another segment to the
// previous predicted attribution, since PolNeAR annotates a split
// quotation as one attribution with a discontinuous content.
//
// Spans are compared after trimming: each segment loses whitespace and
// punctuation at both edges (ASCII .,;:!?"'()[]- and space, U+00A0, « »,
// U+2010..U+2027 dashes, quotes, ellipsis, U+2039/U+203A); empty segments
// are dropped and segments separated only by such characters are joined.
//
// Matching. Within an article, every (gold, predicted) pair whose trimmed
// contents share at least one byte is a candidate; candidates are taken
// greedily by shared bytes (larger first; ties: earlier gold, then earlier
// prediction), each gold and each prediction used at most once.
//
// Counting, for each role R in {source, cue, content} and each mode:
//   exact   = the trimmed segment lists are identical;
//   overlap = the trimmed spans share at least one byte.
// For a matched pair: both spans present and agreeing -> TP; both present
// but disagreeing -> FP + FN; only gold present -> FN; only predicted -> FP.
// An unmatched gold attribution gives an FN per present role, an unmatched
// prediction an FP per present role. (So a gold Attribution-no-source has
// no source to find; a predicted speaker for it is an FP.) P/R/F1 are
// micro-averaged over all articles.
//
// Direct quotes ("direct.*"): the same scoring (own matching) restricted to
// the attributions, gold and predicted alike, whose content is a direct
// quotation: every content segment is enclosed by one pair of double
// quotation marks. Precisely, for a segment [s, e): an opening mark (“ „ «
// or ") is either the first character at or after s (skipping whitespace)
// or the last character before s (skipping whitespace); a closing mark (”
// » or ") is either the last character before e (skipping whitespace) or
// the first character at or after e once whitespace and at most 3 of
// , . ; : ! ? … are skipped; and no double quotation mark lies strictly
// between those two marks. The rule reads the text, not Quote::kind, so
// gold and predictions are classed the same way; but a direct prediction
// that the overall matching paired with a non-direct gold attribution (a
// quoted phrase inside indirect or mixed speech) is left out of direct.*
// (it is scored in the overall figures only). direct.gold, .predicted and
// .matched count this subset.
//
// Counts: gold (attributions scored), predicted (predicted attributions,
// after joining continuations), matched (pairs), predicted_kind.<kind>
// (Quotes by Quote::kind), documents.
//
// Speed: quotes_per_second = Quotes found / seconds spent in QuoteStage
// (summed over worker threads); documents_per_second = articles / wall
// time of the whole per-document pipeline.
//
// Error listing (for development): when the environment variable
// DOSSIER_QUOTES_ERRORS names a file, every gold or predicted attribution
// whose source, cue or content is not exact is written there, one tab-
// separated line each: article, status (match / miss / extra), direct flag
// (D both, g gold only, p prediction only, - neither), which roles differ,
// gold and predicted source, cue and content, then the paragraph around
// it (up to 200 bytes either side).
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "analyze/analyze.h"
#include "eval/eval.h"
#include "eval/eval_run.h"
#include "eval/quotes_train.h"
#include "quotes/attribution_features.h"
#include "quotes/attribution_model.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

struct Seg {
  uint32_t start = 0, end = 0;
  friend bool operator==(const Seg&, const Seg&) = default;
};
using Segs = std::vector<Seg>;

struct Attr {
  Segs source, cue, content;  // trimmed, sorted, joined
  bool direct = false;
};

struct Article {
  std::string name;
  std::string path;  // of the text file
  std::string text;  // its bytes
  std::vector<Attr> gold;
};

// --- UTF-8 helpers -----------------------------------------------------

// The code point starting at byte i (i < s.size()), and its length.
char32_t DecodeAt(std::string_view s, size_t i, int* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (i + n > s.size()) n = 1;
  char32_t cp = n == 1   ? c
                : n == 2 ? (c & 0x1F)
                : n == 3 ? (c & 0x0F)
                         : (c & 0x07);
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
  *len = n;
  return cp;
}

// The start of the code point that ends at byte i (i > 0).
size_t PrevStart(std::string_view s, size_t i) {
  size_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  return j;
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v' || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) ||
         c == 0x202F || c == 0x3000 || c == 0xFEFF;
}

// Whitespace or punctuation that is trimmed at span edges.
bool IsTrim(char32_t c) {
  if (IsSpace(c)) return true;
  switch (c) {
    case '.':
    case ',':
    case ';':
    case ':':
    case '!':
    case '?':
    case '"':
    case '\'':
    case '(':
    case ')':
    case '[':
    case ']':
    case '-':
    case 0xAB:
    case 0xBB:
    case 0x2039:
    case 0x203A:
      return true;
    default:
      return c >= 0x2010 && c <= 0x2027;
  }
}

bool IsOpenMark(char32_t c) {
  return c == 0x201C || c == 0x201E || c == 0xAB || c == '"';
}
bool IsCloseMark(char32_t c) { return c == 0x201D || c == 0xBB || c == '"'; }
bool IsDoubleMark(char32_t c) {
  return c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F ||
         c == 0xAB || c == 0xBB || c == '"';
}

// Trims every segment, drops empty ones, sorts, and joins segments whose
// gap holds only trimmable characters.
Segs Normalize(std::string_view text, Segs segs) {
  Segs out;
  for (Seg g : segs) {
    g.end = std::min<uint32_t>(g.end, static_cast<uint32_t>(text.size()));
    int len;
    while (g.start < g.end && IsTrim(DecodeAt(text, g.start, &len)))
      g.start += len;
    while (g.end > g.start) {
      size_t p = PrevStart(text, g.end);
      if (!IsTrim(DecodeAt(text, p, &len))) break;
      g.end = static_cast<uint32_t>(p);
    }
    if (g.start < g.end) out.push_back(g);
  }
  std::sort(out.begin(), out.end(), [](const Seg& a, const Seg& b) {
    return std::tie(a.start, a.end) < std::tie(b.start, b.end);
  });
  Segs joined;
  for (const Seg& g : out) {
    if (!joined.empty()) {
      Seg& last = joined.back();
      bool gap_trim = true;
      for (size_t i = last.end; i < g.start && gap_trim;) {
        int len;
        gap_trim = IsTrim(DecodeAt(text, i, &len));
        i += len;
      }
      if (gap_trim) {
        last.end = std::max(last.end, g.end);
        continue;
      }
    }
    joined.push_back(g);
  }
  return joined;
}

uint32_t SharedBytes(const Segs& a, const Segs& b) {
  uint32_t n = 0;
  for (const Seg& x : a) {
    for (const Seg& y : b) {
      uint32_t lo = std::max(x.start, y.start), hi = std::min(x.end, y.end);
      if (hi > lo) n += hi - lo;
    }
  }
  return n;
}

// The direct-quotation rule of the header comment, on one raw segment.
bool SegmentIsQuoted(std::string_view t, Seg g) {
  int len;
  size_t open_end = std::string::npos;  // just after the opening mark
  size_t i = g.start;
  while (i < g.end && IsSpace(DecodeAt(t, i, &len))) i += len;
  if (i < t.size() && IsOpenMark(DecodeAt(t, i, &len))) {
    open_end = i + len;
  } else {
    size_t j = g.start;
    while (j > 0) {
      size_t p = PrevStart(t, j);
      char32_t c = DecodeAt(t, p, &len);
      if (IsSpace(c)) {
        j = p;
        continue;
      }
      if (IsOpenMark(c)) open_end = j;
      break;
    }
  }
  if (open_end == std::string::npos) return false;
  size_t close_start = std::string::npos;  // at the closing mark
  size_t j = g.end;
  while (j > open_end) {
    size_t p = PrevStart(t, j);
    char32_t c = DecodeAt(t, p, &len);
    if (IsSpace(c)) {
      j = p;
      continue;
    }
    if (IsCloseMark(c)) close_start = p;
    break;
  }
  if (close_start == std::string::npos) {
    size_t k = g.end;
    int punct = 0;
    while (k < t.size()) {
      char32_t c = DecodeAt(t, k, &len);
      if (IsSpace(c)) {
        k += len;
        continue;
      }
      if (punct < 3 && (c == ',' || c == '.' || c == ';' || c == ':' ||
                        c == '!' || c == '?' || c == 0x2026)) {
        ++punct;
        k += len;
        continue;
      }
      if (IsCloseMark(c)) close_start = k;
      break;
    }
  }
  if (close_start == std::string::npos || close_start < open_end) return false;
  for (size_t k = open_end; k < close_start; k += len) {
    if (IsDoubleMark(DecodeAt(t, k, &len))) return false;
  }
  return true;
}

bool IsDirect(std::string_view text, const Segs& raw_content) {
  if (raw_content.empty()) return false;
  for (const Seg& g : raw_content) {
    if (!SegmentIsQuoted(text, g)) return false;
  }
  return true;
}

// --- reading PolNeAR -----------------------------------------------------

StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kEvalData, "cannot open " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct ReadCounts {
  size_t span_text_mismatches = 0;
  size_t without_content = 0;
  size_t missing_texts = 0;
};

// Parses one .ann file against its text; appends the gold attributions.
Status ParseAnn(const std::string& ann_path, const std::string& ann, Article& a,
                ReadCounts& counts) {
  // Byte offset of every code point (and of the end).
  std::vector<uint32_t> cp_byte;
  cp_byte.reserve(a.text.size() + 1);
  for (size_t i = 0; i < a.text.size();) {
    cp_byte.push_back(static_cast<uint32_t>(i));
    int len;
    DecodeAt(a.text, i, &len);
    i += len;
  }
  cp_byte.push_back(static_cast<uint32_t>(a.text.size()));

  std::map<std::string, Segs> spans;  // T id -> raw byte segments
  struct Rel {
    Segs source, cue, content;
  };
  std::map<std::string, Rel> rels;  // trigger T id -> roles
  std::vector<std::string> order;   // triggers in file order
  std::vector<std::pair<size_t, std::string>> e_lines;  // line no, args
  std::istringstream in(ann);
  std::string line;
  size_t line_no = 0;
  auto bad = [&](const std::string& why) {
    return Status(ErrorCode::kEvalData,
                  ann_path + ":" + std::to_string(line_no) + ": " + why);
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    size_t tab = line.find('\t');
    // A span text holding a line break continues on the next line (seen
    // in PolNeAR's training split); such lines carry no annotation.
    if (tab == std::string::npos) continue;
    std::string id = line.substr(0, tab);
    if (id[0] == 'T') {
      size_t tab2 = line.find('\t', tab + 1);
      std::string mid =
          line.substr(tab + 1, tab2 == std::string::npos ? std::string::npos
                                                         : tab2 - tab - 1);
      std::string shown =
          tab2 == std::string::npos ? "" : line.substr(tab2 + 1);
      size_t sp = mid.find(' ');
      if (sp == std::string::npos) return bad("span without offsets");
      Segs segs;
      std::string joined;
      std::istringstream parts(mid.substr(sp + 1));
      std::string part;
      while (std::getline(parts, part, ';')) {
        std::istringstream nums(part);
        long long s = -1, e = -1;
        nums >> s >> e;
        if (s < 0 || e < s || static_cast<size_t>(e) >= cp_byte.size()) {
          return bad("bad offsets");
        }
        Seg g{cp_byte[s], cp_byte[e]};
        if (!joined.empty()) joined += ' ';
        joined += a.text.substr(g.start, g.end - g.start);
        segs.push_back(g);
      }
      if (joined != shown) ++counts.span_text_mismatches;
      spans[id] = std::move(segs);
    } else if (id[0] == 'E') {
      e_lines.push_back({line_no, line.substr(tab + 1)});
    }
  }
  // E lines may name T lines that come after them.
  for (const auto& [e_line_no, e_args] : e_lines) {
    line_no = e_line_no;
    std::istringstream args(e_args);
    std::string arg, trigger;
    while (args >> arg) {
      size_t colon = arg.find(':');
      if (colon == std::string::npos) return bad("argument without ':'");
      std::string role = arg.substr(0, colon), ref = arg.substr(colon + 1);
      while (!role.empty() &&
             std::isdigit(static_cast<unsigned char>(role.back()))) {
        role.pop_back();
      }
      if (trigger.empty()) {
        trigger = ref;
        if (!rels.count(trigger)) order.push_back(trigger);
        rels[trigger];
        continue;
      }
      auto it = spans.find(ref);
      if (it == spans.end()) return bad("unknown span " + ref);
      Rel& r = rels[trigger];
      Segs* to = role == "Source"    ? &r.source
                 : role == "Cue"     ? &r.cue
                 : role == "Content" ? &r.content
                                     : nullptr;
      if (to) to->insert(to->end(), it->second.begin(), it->second.end());
    }
  }
  for (const std::string& t : order) {
    Rel& r = rels[t];
    // The same span can be referenced twice when E lines are merged.
    for (Segs* s : {&r.source, &r.cue, &r.content}) {
      std::sort(s->begin(), s->end(), [](const Seg& x, const Seg& y) {
        return std::tie(x.start, x.end) < std::tie(y.start, y.end);
      });
      s->erase(std::unique(s->begin(), s->end()), s->end());
    }
    if (r.content.empty()) {
      ++counts.without_content;
      continue;
    }
    Attr at;
    at.direct = IsDirect(a.text, r.content);
    at.source = Normalize(a.text, r.source);
    at.cue = Normalize(a.text, r.cue);
    at.content = Normalize(a.text, r.content);
    if (at.content.empty()) {
      ++counts.without_content;
      continue;
    }
    a.gold.push_back(std::move(at));
  }
  return Status();
}

StatusOr<std::vector<Article>> ReadPolnear(const std::string& dir, size_t limit,
                                           ReadCounts& counts) {
  std::error_code ec;
  fs::path attr_dir = fs::path(dir) / "attributions";
  if (!fs::is_directory(attr_dir, ec)) {
    return Status(ErrorCode::kEvalData, "no attributions/ folder in " + dir);
  }
  std::map<std::string, std::string> first_ann;  // article -> .ann path
  for (const auto& entry : fs::directory_iterator(attr_dir, ec)) {
    std::string file = entry.path().filename().string();
    if (file.size() < 5 || file.substr(file.size() - 4) != ".ann") continue;
    std::string stem = file.substr(0, file.size() - 4);
    size_t us = stem.rfind('_');
    if (us == std::string::npos) continue;
    std::string article = stem.substr(0, us);
    std::string path = entry.path().string();
    auto it = first_ann.find(article);
    if (it == first_ann.end() || path < it->second) first_ann[article] = path;
  }
  if (ec)
    return Status(ErrorCode::kEvalData, "cannot list " + attr_dir.string());
  std::vector<Article> articles;
  for (const auto& [name, ann_path] : first_ann) {
    if (limit > 0 && articles.size() >= limit) break;
    Article a;
    a.name = name;
    a.path = (fs::path(dir) / "text" / (name + ".txt")).string();
    StatusOr<std::string> text = ReadFile(a.path);
    if (!text.ok()) {
      ++counts.missing_texts;
      continue;
    }
    a.text = std::move(text).value();
    StatusOr<std::string> ann = ReadFile(ann_path);
    if (!ann.ok()) return ann.status();
    DOSSIER_RETURN_IF_ERROR(ParseAnn(ann_path, *ann, a, counts));
    articles.push_back(std::move(a));
  }
  if (articles.empty()) {
    return Status(ErrorCode::kEvalData, "no PolNeAR article found in " + dir);
  }
  return articles;
}

// --- predictions -------------------------------------------------------

Segs ToRawSegs(const Document& doc, Span s) {
  if (s.empty()) return {};
  return {{doc.offsets().ToRaw(s.start), doc.offsets().ToRawEnd(s.end)}};
}

// One predicted attribution per Quote, except that a continuation quote
// (no cue, and the very speaker span of the quote before it: QuoteStage's
// rule for `"...," he said. "..."`) adds its content to the previous
// attribution, as PolNeAR annotates such a split quotation as one
// attribution with a discontinuous content.
std::vector<Attr> Predictions(const Document& doc, std::string_view raw,
                              bool merge_continuations) {
  std::vector<Attr> out;
  std::vector<Segs> raw_content;  // untrimmed, for the direct rule
  const Quote* prev = nullptr;
  for (const Quote& q : doc.layers().quotes) {
    Segs content = ToRawSegs(doc, q.content);
    bool continues = merge_continuations && prev != nullptr && !out.empty() &&
                     q.cue.empty() && !q.speaker.empty() &&
                     q.speaker == prev->speaker;
    if (continues) {
      prev = &q;
      Attr& a = out.back();
      Segs& rc = raw_content.back();
      rc.insert(rc.end(), content.begin(), content.end());
      Segs all = a.content;
      all.insert(all.end(), content.begin(), content.end());
      a.content = Normalize(raw, std::move(all));
      a.direct = IsDirect(raw, rc);
      continue;
    }
    Attr a;
    a.direct = IsDirect(raw, content);
    a.content = Normalize(raw, content);
    if (a.content.empty()) continue;
    a.source = Normalize(raw, ToRawSegs(doc, q.speaker));
    a.cue = Normalize(raw, ToRawSegs(doc, q.cue));
    out.push_back(std::move(a));
    raw_content.push_back(std::move(content));
    prev = &q;
  }
  return out;
}

// --- scoring -----------------------------------------------------------

struct RoleScore {
  Prf exact, overlap;
  void Pair(const Segs& gold, const Segs& pred) {
    if (gold.empty() && pred.empty()) return;
    if (gold.empty()) {
      exact.fp++;
      overlap.fp++;
      return;
    }
    if (pred.empty()) {
      exact.fn++;
      overlap.fn++;
      return;
    }
    auto count = [](Prf& p, bool ok) {
      if (ok) {
        p.tp++;
      } else {
        p.fp++;
        p.fn++;
      }
    };
    count(exact, gold == pred);
    count(overlap, SharedBytes(gold, pred) > 0);
  }
  void AddTo(EvalReport& r, const std::string& prefix) const {
    exact.AddTo(r, prefix + "exact.");
    overlap.AddTo(r, prefix + "overlap.");
  }
};

struct Scores {
  RoleScore source, cue, content;
  size_t gold = 0, predicted = 0, matched = 0;

  // Scores one article; returns, for each prediction, the index of the gold
  // attribution it was matched with, or -1.
  std::vector<int> AddArticle(const std::vector<Attr>& gold_attrs,
                              const std::vector<Attr>& pred_attrs) {
    gold += gold_attrs.size();
    predicted += pred_attrs.size();
    struct Cand {
      uint32_t shared;
      size_t g, p;
    };
    std::vector<Cand> cands;
    for (size_t g = 0; g < gold_attrs.size(); ++g) {
      for (size_t p = 0; p < pred_attrs.size(); ++p) {
        uint32_t s = SharedBytes(gold_attrs[g].content, pred_attrs[p].content);
        if (s > 0) cands.push_back({s, g, p});
      }
    }
    std::sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) {
      if (a.shared != b.shared) return a.shared > b.shared;
      return std::tie(a.g, a.p) < std::tie(b.g, b.p);
    });
    std::vector<bool> g_used(gold_attrs.size()), p_used(pred_attrs.size());
    std::vector<int> pred_to_gold(pred_attrs.size(), -1);
    static const Segs kNone;
    for (const Cand& c : cands) {
      if (g_used[c.g] || p_used[c.p]) continue;
      g_used[c.g] = p_used[c.p] = true;
      pred_to_gold[c.p] = static_cast<int>(c.g);
      ++matched;
      const Attr& g = gold_attrs[c.g];
      const Attr& p = pred_attrs[c.p];
      source.Pair(g.source, p.source);
      cue.Pair(g.cue, p.cue);
      content.Pair(g.content, p.content);
    }
    for (size_t g = 0; g < gold_attrs.size(); ++g) {
      if (g_used[g]) continue;
      source.Pair(gold_attrs[g].source, kNone);
      cue.Pair(gold_attrs[g].cue, kNone);
      content.Pair(gold_attrs[g].content, kNone);
    }
    for (size_t p = 0; p < pred_attrs.size(); ++p) {
      if (p_used[p]) continue;
      source.Pair(kNone, pred_attrs[p].source);
      cue.Pair(kNone, pred_attrs[p].cue);
      content.Pair(kNone, pred_attrs[p].content);
    }
    return pred_to_gold;
  }

  void AddTo(EvalReport& r, const std::string& prefix) const {
    source.AddTo(r, prefix + "source.");
    cue.AddTo(r, prefix + "cue.");
    content.AddTo(r, prefix + "content.");
    r.Add(prefix + "gold", static_cast<double>(gold));
    r.Add(prefix + "predicted", static_cast<double>(predicted));
    r.Add(prefix + "matched", static_cast<double>(matched));
  }
};

std::vector<Attr> DirectGold(const std::vector<Attr>& gold) {
  std::vector<Attr> out;
  for (const Attr& a : gold) {
    if (a.direct) out.push_back(a);
  }
  return out;
}

// Direct predictions, less those that the overall matching paired with a
// gold attribution that is not direct (a quoted phrase inside indirect or
// mixed speech is scored only in the overall figures).
std::vector<Attr> DirectPredictions(const std::vector<Attr>& gold,
                                    const std::vector<Attr>& pred,
                                    const std::vector<int>& pred_to_gold) {
  std::vector<Attr> out;
  for (size_t p = 0; p < pred.size(); ++p) {
    if (!pred[p].direct) continue;
    if (pred_to_gold[p] >= 0 && !gold[pred_to_gold[p]].direct) continue;
    out.push_back(pred[p]);
  }
  return out;
}

// One line of the development error listing (see the header comment).
std::string SegsText(std::string_view text, const Segs& segs) {
  std::string out;
  for (const Seg& g : segs) {
    if (!out.empty()) out += " | ";
    for (char c : text.substr(g.start, g.end - g.start)) {
      out += (c == '\n' || c == '\t') ? ' ' : c;
    }
  }
  return out.empty() ? "-" : out;
}

// The text around an attribution (its paragraph, cut to 400 bytes), one
// line, for reading the error listing.
std::string Context(std::string_view text, const Attr& g, const Attr& p) {
  const Segs& segs = !g.content.empty()   ? g.content
                     : !p.content.empty() ? p.content
                     : !g.source.empty()  ? g.source
                                          : p.source;
  if (segs.empty()) return "-";
  size_t a = segs.front().start, b = segs.back().end;
  while (a > 0 && text[a - 1] != '\n' && segs.front().start - a < 200) --a;
  while (b < text.size() && text[b] != '\n' && b - segs.back().end < 200) ++b;
  // Whole UTF-8 characters only.
  while (a < segs.front().start && (text[a] & 0xC0) == 0x80) ++a;
  while (b > segs.back().end && b < text.size() && (text[b] & 0xC0) == 0x80)
    --b;
  return SegsText(
      text, Segs{Seg{static_cast<uint32_t>(a), static_cast<uint32_t>(b)}});
}

void WriteErrors(std::ostream& os, const Article& a,
                 const std::vector<Attr>& pred,
                 const std::vector<int>& pred_to_gold) {
  std::vector<int> gold_to_pred(a.gold.size(), -1);
  for (size_t p = 0; p < pred.size(); ++p) {
    if (pred_to_gold[p] >= 0)
      gold_to_pred[pred_to_gold[p]] = static_cast<int>(p);
  }
  static const Attr kEmpty;
  auto line = [&](const char* status, const Attr& g, const Attr& p) {
    std::string diff;
    if (g.source != p.source) diff += "S";
    if (g.cue != p.cue) diff += "C";
    if (g.content != p.content) diff += "T";
    if (diff.empty()) return;
    os << a.name << '\t' << status << '\t'
       << (g.direct && p.direct ? "D"
           : g.direct           ? "g"
           : p.direct           ? "p"
                                : "-")
       << '\t' << diff << '\t' << SegsText(a.text, g.source) << '\t'
       << SegsText(a.text, p.source) << '\t' << SegsText(a.text, g.cue) << '\t'
       << SegsText(a.text, p.cue) << '\t' << SegsText(a.text, g.content) << '\t'
       << SegsText(a.text, p.content) << '\t' << Context(a.text, g, p) << '\n';
  };
  for (size_t g = 0; g < a.gold.size(); ++g) {
    if (gold_to_pred[g] >= 0) {
      line("match", a.gold[g], pred[gold_to_pred[g]]);
    } else {
      line("miss", a.gold[g], kEmpty);
    }
  }
  for (size_t p = 0; p < pred.size(); ++p) {
    if (pred_to_gold[p] < 0) line("extra", kEmpty, pred[p]);
  }
}

class QuotesEvalTask : public EvalTask {
 public:
  std::string_view name() const override { return "quotes"; }
  std::string_view summary() const override {
    return "attributions, PolNeAR brat: source/cue/content exact and overlap "
           "P/R/F1, direct quotes alone";
  }
  std::string_view default_data() const override { return "data/polnear/dev"; }

  StatusOr<EvalReport> Run(const std::string& path,
                           const EvalOptions& opts) const override {
    ReadCounts counts;
    StatusOr<std::vector<Article>> read = ReadPolnear(path, opts.limit, counts);
    if (!read.ok()) return read.status();
    const std::vector<Article>& articles = *read;

    std::vector<RawArticle> raws;
    raws.reserve(articles.size());
    for (const Article& a : articles) {
      RawArticle raw;
      raw.source = a.path;
      raw.bytes = a.text;
      raw.format = RawArticle::Format::kText;
      raws.push_back(std::move(raw));
    }
    double wall = 0;
    StatusOr<Corpus> corpus =
        RunPerDocumentPipeline(std::move(raws), opts.threads, &wall);
    if (!corpus.ok()) return corpus.status();
    const std::map<std::string, const Document*> by_source =
        DocumentsBySource(*corpus);

    Scores all, direct;
    size_t failed = 0;
    std::ofstream errors;
    if (const char* e = std::getenv("DOSSIER_QUOTES_ERRORS"); e && *e) {
      errors.open(e, std::ios::binary);
    }
    std::map<QuoteKind, size_t> kinds;
    for (const Article& a : articles) {
      auto it = by_source.find(a.path);
      std::vector<Attr> pred;
      if (it == by_source.end()) {
        ++failed;
      } else {
        pred = Predictions(*it->second, a.text, /*merge_continuations=*/true);
        for (const Quote& q : it->second->layers().quotes) ++kinds[q.kind];
      }
      std::vector<int> pred_to_gold = all.AddArticle(a.gold, pred);
      if (errors.is_open()) WriteErrors(errors, a, pred, pred_to_gold);
      direct.AddArticle(DirectGold(a.gold),
                        DirectPredictions(a.gold, pred, pred_to_gold));
    }
    const double quote_seconds = StageSeconds(*corpus, "quotes");

    EvalReport r;
    r.task = "quotes";
    r.data = path;
    all.AddTo(r, "");
    direct.AddTo(r, "direct.");
    for (QuoteKind k :
         {QuoteKind::kDirect, QuoteKind::kPartial, QuoteKind::kIndirect}) {
      r.Add("predicted_kind." + std::string(QuoteKindName(k)),
            static_cast<double>(kinds[k]));
    }
    r.Add("documents", static_cast<double>(articles.size()));
    size_t quotes = 0;
    for (const auto& [kind, n] : kinds) quotes += n;
    r.Add("quotes_per_second", quote_seconds > 0 ? quotes / quote_seconds : 0);
    r.Add("documents_per_second", wall > 0 ? articles.size() / wall : 0);
    r.notes.push_back(
        "a prediction matches the gold attribution whose content it overlaps "
        "most (greedy, one-to-one); exact = same span after trimming "
        "whitespace/punctuation at the edges, overlap = a shared byte");
    r.notes.push_back(
        "a continuation quote (no cue, the previous quote's speaker span) "
        "joins the previous predicted attribution, as PolNeAR annotates a "
        "split quotation as one attribution");
    r.notes.push_back(
        "direct.*: attributions whose content lies within one pair of double "
        "quotation marks (gold and predicted alike; predictions paired "
        "overall with a non-direct gold attribution left out)");
    r.notes.push_back(
        "quotes_per_second: predicted quotes per second of QuoteStage time "
        "(summed over threads); documents_per_second: whole per-document "
        "pipeline, wall time");
    if (failed > 0) {
      r.notes.push_back(std::to_string(failed) +
                        " article(s) failed in the pipeline (gold counted as "
                        "missed)");
    }
    if (counts.missing_texts > 0) {
      r.notes.push_back(std::to_string(counts.missing_texts) +
                        " article(s) without a text file skipped");
    }
    if (counts.without_content > 0) {
      r.notes.push_back(std::to_string(counts.without_content) +
                        " gold attribution(s) without content skipped");
    }
    if (counts.span_text_mismatches > 0) {
      r.notes.push_back(std::to_string(counts.span_text_mismatches) +
                        " gold span(s) whose text differs from the file at "
                        "their offsets");
    }
    return r;
  }
};

}  // namespace

std::unique_ptr<EvalTask> MakeQuotesEvalTask() {
  return std::make_unique<QuotesEvalTask>();
}

// --- training (`dossier train quotes`) -------------------------------------

namespace {

// The gold segments of `segs` (raw offsets) as document spans: from the
// first to the last token whose raw bytes they overlap, per segment.
std::vector<Span> ToDocSpans(
    const Document& doc,
    const std::vector<std::pair<uint32_t, uint32_t>>& raw_toks,
    const Segs& segs) {
  std::vector<Span> out;
  const std::vector<Token>& toks = doc.layers().tokens;
  for (const Seg& g : segs) {
    auto it = std::lower_bound(raw_toks.begin(), raw_toks.end(), g.start,
                               [](const std::pair<uint32_t, uint32_t>& t,
                                  uint32_t v) { return t.second <= v; });
    uint32_t first = UINT32_MAX, last = 0;
    for (; it != raw_toks.end() && it->first < g.end; ++it) {
      const uint32_t k = static_cast<uint32_t>(it - raw_toks.begin());
      if (first == UINT32_MAX) first = k;
      last = k;
    }
    if (first != UINT32_MAX) {
      out.push_back(Span{toks[first].span.start, toks[last].span.end});
    }
  }
  return out;
}

}  // namespace

Status TrainQuotesModel(const QuotesTrainOptions& options,
                        QuotesTrainResult* result) {
  const auto t0 = std::chrono::steady_clock::now();
  QuotesTrainResult local;
  if (result == nullptr) result = &local;
  ReadCounts counts;
  StatusOr<std::vector<Article>> read =
      ReadPolnear(options.data_dir, 0, counts);
  if (!read.ok()) return read.status();
  const std::vector<Article>& articles = *read;
  std::vector<RawArticle> raws;
  for (const Article& a : articles) {
    RawArticle raw;
    raw.source = a.path;
    raw.bytes = a.text;
    raw.format = RawArticle::Format::kText;
    raws.push_back(std::move(raw));
  }
  double wall = 0;
  StatusOr<Corpus> corpus = RunPerDocumentPipeline(std::move(raws), 1, &wall);
  if (!corpus.ok()) return corpus.status();
  const std::map<std::string, const Document*> by_source =
      DocumentsBySource(*corpus);
  std::vector<AttributionExample> examples;
  for (const Article& a : articles) {
    auto it = by_source.find(a.path);
    if (it == by_source.end()) continue;
    const Document& doc = *it->second;
    std::vector<std::pair<uint32_t, uint32_t>> raw_toks;
    for (const Token& t : doc.layers().tokens) {
      raw_toks.push_back({doc.offsets().ToRaw(t.span.start),
                          doc.offsets().ToRawEnd(t.span.end)});
    }
    std::vector<GoldAttribution> gold;
    for (const Attr& g : a.gold) {
      GoldAttribution ga;
      ga.source = ToDocSpans(doc, raw_toks, g.source);
      ga.cue = ToDocSpans(doc, raw_toks, g.cue);
      ga.content = ToDocSpans(doc, raw_toks, g.content);
      if (ga.content.empty()) continue;
      gold.push_back(std::move(ga));
    }
    result->attributions += gold.size();
    AttributionExample ex;
    ex.doc = &doc;
    ex.labels = LabelAttributions(doc, gold);
    examples.push_back(std::move(ex));
  }
  QuoteStage stage;
  if (options.train.cue_given && options.jackknife > 1) {
    // The cue tagger of the other folds tags each fold's cues.
    const size_t k = static_cast<size_t>(options.jackknife);
    AttributionTrainOptions cue_options = options.train;
    cue_options.cue_given = false;
    AttributionScratch scratch;
    std::vector<uint8_t> labels;
    for (size_t fold = 0; fold < k; ++fold) {
      std::vector<AttributionExample> rest;
      for (size_t i = 0; i < examples.size(); ++i) {
        if (i % k == fold) continue;
        rest.push_back({examples[i].doc, examples[i].labels, {}});
      }
      StatusOr<std::string> cue_bytes =
          TrainAttributionModel(rest, stage, cue_options, nullptr);
      if (!cue_bytes.ok()) return cue_bytes.status();
      StatusOr<AttributionModel> cue_model =
          AttributionModel::FromBytes(*cue_bytes);
      if (!cue_model.ok()) return cue_model.status();
      for (size_t i = fold; i < examples.size(); i += k) {
        const Document& doc = *examples[i].doc;
        attr_internal::PrepareAttributionTokens(doc, stage, &scratch);
        scratch.cue_mask.clear();
        std::vector<uint8_t>& pc = examples[i].predicted_cues;
        pc.assign(doc.layers().tokens.size(), 0);
        for (const Sentence& sent : doc.layers().sentences) {
          if (sent.end_token <= sent.first_token) continue;
          cue_model->Tag(sent.first_token, sent.end_token, &scratch, &labels);
          for (size_t t = 0; t < labels.size(); ++t) {
            pc[sent.first_token + t] = attr_internal::RoleOf(labels[t]) == 2;
          }
        }
      }
    }
  }
  StatusOr<std::string> bytes =
      TrainAttributionModel(examples, stage, options.train, &result->report);
  if (!bytes.ok()) return bytes.status();
  std::ofstream out(options.out_path, std::ios::binary | std::ios::trunc);
  if (!out) {
    return Status(ErrorCode::kUnreadable, "cannot write " + options.out_path);
  }
  out.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
  out.close();
  if (!out) {
    return Status(ErrorCode::kUnreadable, "cannot write " + options.out_path);
  }
  result->seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
          .count();
  return Status::Ok();
}

}  // namespace dossier
