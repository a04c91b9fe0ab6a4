// `dossier eval events [DIR]`: event-trigger detection on ECB+ (the CAT XML
// files of ECB+ 1.0, `ECB+/<topic>/<n>ecb.xml` and `<n>ecbplus.xml`).
//
// Rules:
// - Text and tokens. Each file's `<token t_id sentence number>` elements
//   (XML entities decoded) become one Document: tokens joined by spaces, one
//   block and one sentence per `sentence` value, the file's tokens as the
//   token layer (so tokenization does not affect the score). Mentions,
//   coreference, quotes, times, POS tags and events then run on it as in
//   `dossier analyze` (MentionStage .. EventStage).
// - Gold. Every markable whose element name starts with `ACTION_` or
//   `NEG_ACTION_` and that has token anchors is a gold event mention (its
//   token set); its class is the element name. Instance descriptors (no
//   anchors) are skipped.
// - Scored sentences. ECB+ annotated a selection of sentences per document
//   (the list, ECBplus_coreference_sentences.csv, is not in this copy), so
//   only sentences holding at least one gold event mention are scored;
//   predictions in other sentences are ignored (reported as
//   `predicted_unscored`).
// - Prediction. Each EventFrame's trigger token (the token holding the
//   trigger's first byte). `exact`: the gold mention is exactly that one
//   token; `overlap`: the token is one of the gold mention's tokens. Pairs
//   are taken one-to-one in text order (a prediction matches at most one
//   gold mention and vice versa); P = matched / predicted, R = matched /
//   gold. `per_class.<CLASS>.recall` is overlap recall per gold class.
// - Speed: `events_per_second` = predicted events (all sentences) per
//   second of event-stage time summed over threads; `documents_per_second`
//   the whole run (all stages listed above).
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "entities/coref_stage.h"
#include "entities/mention_stage.h"
#include "eval/eval.h"
#include "eval/eval_run.h"
#include "events/event_stage.h"
#include "pipeline/driver.h"
#include "pos/pos_stage.h"
#include "quotes/quote_stage.h"
#include "text/token_stage.h"
#include "time/timex_stage.h"

namespace dossier {
namespace {

struct GoldMention {
  std::vector<uint32_t> tokens;  // document token indexes, sorted
  std::string cls;
};

struct EcbDoc {
  std::string name;
  std::string text;
  std::vector<Span> tokens;
  std::vector<uint32_t> sentence_of;                     // per token
  std::vector<std::pair<uint32_t, uint32_t>> sentences;  // token ranges
  std::vector<GoldMention> gold;
};

std::string DecodeEntities(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    const size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 8) {
      out += s[i];
      continue;
    }
    const std::string_view e = s.substr(i + 1, semi - i - 1);
    if (e == "amp")
      out += '&';
    else if (e == "lt")
      out += '<';
    else if (e == "gt")
      out += '>';
    else if (e == "quot")
      out += '"';
    else if (e == "apos")
      out += '\'';
    else {
      out += s.substr(i, semi - i + 1);
    }
    i = semi;
  }
  return out;
}

// The value of attribute `name` in the tag text `tag`, or "".
std::string_view Attr(std::string_view tag, std::string_view name) {
  const std::string key = " " + std::string(name) + "=\"";
  const size_t at = tag.find(key);
  if (at == std::string_view::npos) return {};
  const size_t b = at + key.size();
  const size_t e = tag.find('"', b);
  if (e == std::string_view::npos) return {};
  return tag.substr(b, e - b);
}

StatusOr<EcbDoc> ParseEcb(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kEvalData, "cannot open " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  const std::string xml = buf.str();
  EcbDoc d;
  d.name = std::filesystem::path(path).filename().string();
  std::map<std::string, uint32_t> tid;  // t_id -> token index
  int last_sentence = -1;
  size_t pos = 0;
  while ((pos = xml.find("<token ", pos)) != std::string::npos) {
    const size_t gt = xml.find('>', pos);
    const size_t close = xml.find("</token>", gt);
    if (gt == std::string::npos || close == std::string::npos) break;
    const std::string_view tag(xml.data() + pos, gt - pos);
    const std::string word =
        DecodeEntities(std::string_view(xml).substr(gt + 1, close - gt - 1));
    pos = close;
    if (word.empty() || word.find_first_of(" \t\n") != std::string::npos) {
      continue;
    }
    const int sentence = std::atoi(std::string(Attr(tag, "sentence")).c_str());
    if (sentence != last_sentence) {
      if (!d.text.empty()) d.text += "\n\n";
      d.sentences.push_back({static_cast<uint32_t>(d.tokens.size()),
                             static_cast<uint32_t>(d.tokens.size())});
      last_sentence = sentence;
    } else {
      d.text += ' ';
    }
    const uint32_t s = static_cast<uint32_t>(d.text.size());
    d.text += word;
    tid[std::string(Attr(tag, "t_id"))] =
        static_cast<uint32_t>(d.tokens.size());
    d.tokens.push_back({s, static_cast<uint32_t>(d.text.size())});
    d.sentence_of.push_back(static_cast<uint32_t>(d.sentences.size() - 1));
    d.sentences.back().second = static_cast<uint32_t>(d.tokens.size());
  }
  const size_t mk = xml.find("<Markables>");
  const size_t mk_end = xml.find("</Markables>");
  if (mk != std::string::npos && mk_end != std::string::npos) {
    size_t p = mk + 11;
    while ((p = xml.find('<', p)) != std::string::npos && p < mk_end) {
      const size_t gt = xml.find('>', p);
      if (gt == std::string::npos) break;
      std::string_view tag(xml.data() + p, gt - p + 1);
      const size_t name_end = tag.find_first_of(" />");
      const std::string name(tag.substr(1, name_end - 1));
      p = gt + 1;
      if (tag.size() >= 2 && tag[tag.size() - 2] == '/') continue;
      const bool action =
          name.rfind("ACTION_", 0) == 0 || name.rfind("NEG_ACTION_", 0) == 0;
      const size_t end = xml.find("</" + name + ">", p);
      if (end == std::string::npos) break;
      if (action) {
        GoldMention g;
        g.cls = name;
        size_t a = p;
        while ((a = xml.find("<token_anchor", a)) != std::string::npos &&
               a < end) {
          const size_t agt = xml.find('>', a);
          auto it = tid.find(std::string(
              Attr(std::string_view(xml.data() + a, agt - a), "t_id")));
          if (it != tid.end()) g.tokens.push_back(it->second);
          a = agt;
        }
        std::sort(g.tokens.begin(), g.tokens.end());
        if (!g.tokens.empty()) d.gold.push_back(std::move(g));
      }
      p = end + name.size() + 3;
    }
  }
  std::sort(d.gold.begin(), d.gold.end(),
            [](const GoldMention& a, const GoldMention& b) {
              return a.tokens < b.tokens;
            });
  return d;
}

class EventsEvalTask : public EvalTask {
 public:
  std::string_view name() const override { return "events"; }
  std::string_view summary() const override {
    return "event triggers, ECB+ action mentions: exact/overlap P/R/F1";
  }
  std::string_view default_data() const override { return "data/ecbplus"; }

  StatusOr<EvalReport> Run(const std::string& path,
                           const EvalOptions& opts) const override {
    std::vector<std::string> files;
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) {
      files.push_back(path);
    } else {
      for (auto it = std::filesystem::recursive_directory_iterator(path, ec);
           !ec && it != std::filesystem::recursive_directory_iterator();
           it.increment(ec)) {
        if (it->is_regular_file() && it->path().extension() == ".xml") {
          files.push_back(it->path().string());
        }
      }
    }
    if (files.empty()) {
      return Status(ErrorCode::kEvalData, "no ECB+ .xml files under " + path);
    }
    std::sort(files.begin(), files.end());
    if (opts.limit > 0 && files.size() > opts.limit) files.resize(opts.limit);
    std::vector<EcbDoc> docs;
    for (const std::string& f : files) {
      StatusOr<EcbDoc> d = ParseEcb(f);
      if (!d.ok()) return d.status();
      if (!d->tokens.empty()) docs.push_back(std::move(d).value());
    }

    Pipeline p;
    p.Assume(Layer::kBlocks | Layer::kSentences | Layer::kTokens |
             Layer::kDateline);
    p.Add(std::make_unique<MentionStage>());
    p.Add(std::make_unique<CorefStage>());
    p.Add(std::make_unique<PosStage>());  // as in analyze/analyze.cc
    p.Add(std::make_unique<QuoteStage>());
    p.Add(std::make_unique<TimexStage>());
    p.Add(std::make_unique<EventStage>());
    DocumentFactory factory = [&docs](size_t i) -> StatusOr<Document> {
      const EcbDoc& c = docs[i];
      DocMeta meta;
      meta.id = "d" + std::to_string(i + 1);
      meta.title_from_metadata = true;
      Document d(meta, c.text,
                 OffsetMap::Identity(static_cast<uint32_t>(c.text.size())));
      Layers& l = d.layers();
      for (const auto& [first, end] : c.sentences) {
        Span span{c.tokens[first].start, c.tokens[end - 1].end};
        l.blocks.push_back({span, BlockKind::kParagraph, ""});
        l.sentences.push_back({span, first, end});
      }
      for (const Span& s : c.tokens) {
        l.tokens.push_back({s, TokenFlagsOf(d.Slice(s))});
      }
      for (const auto& [first, end] : c.sentences) {
        l.tokens[first].flags |= kTokenSentenceStart;
      }
      return d;
    };
    Corpus corpus;
    RunOptions run;
    run.threads = opts.threads;
    const auto t0 = std::chrono::steady_clock::now();
    DOSSIER_RETURN_IF_ERROR(p.Run(docs.size(), factory, {}, run, corpus));
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
            .count();
    if (corpus.documents.size() != docs.size()) {
      return Status(ErrorCode::kInternal, "documents were lost in the run");
    }

    Prf exact, overlap;
    std::map<std::string, std::pair<double, double>> per_class;  // gold, hit
    std::map<std::string, double> modality;
    double predicted_all = 0, unscored = 0, gold_total = 0;
    for (size_t i = 0; i < docs.size(); ++i) {
      const EcbDoc& c = docs[i];
      std::vector<bool> scored(c.sentences.size(), false);
      for (const GoldMention& g : c.gold)
        scored[c.sentence_of[g.tokens[0]]] = true;
      std::vector<uint32_t> pred;
      for (const EventFrame& e : corpus.documents[i].layers().events) {
        ++predicted_all;
        auto it = std::lower_bound(
            c.tokens.begin(), c.tokens.end(), e.trigger.start,
            [](const Span& t, uint32_t v) { return t.end <= v; });
        if (it == c.tokens.end()) continue;
        const uint32_t tok = static_cast<uint32_t>(it - c.tokens.begin());
        if (!scored[c.sentence_of[tok]]) {
          ++unscored;
          continue;
        }
        pred.push_back(tok);
        modality[std::string(ModalityName(e.modality))] += 1;
      }
      std::sort(pred.begin(), pred.end());
      pred.erase(std::unique(pred.begin(), pred.end()), pred.end());
      gold_total += c.gold.size();
      // One-to-one matching in text order: each prediction takes the first
      // unmatched gold mention holding its token (exact ones first).
      for (int mode = 0; mode < 2; ++mode) {
        std::vector<bool> used(c.gold.size(), false);
        double tp = 0;
        for (uint32_t tok : pred) {
          int best = -1;
          for (size_t g = 0; g < c.gold.size(); ++g) {
            if (used[g]) continue;
            const auto& toks = c.gold[g].tokens;
            const bool exact_hit = toks.size() == 1 && toks[0] == tok;
            const bool overlap_hit =
                std::binary_search(toks.begin(), toks.end(), tok);
            if (mode == 0 ? exact_hit : overlap_hit) {
              if (best < 0 || exact_hit) best = static_cast<int>(g);
              if (exact_hit) break;
            }
          }
          if (best >= 0) {
            used[best] = true;
            ++tp;
          }
        }
        Prf& prf = mode == 0 ? exact : overlap;
        prf.tp += tp;
        prf.fp += pred.size() - tp;
        prf.fn += c.gold.size() - tp;
        if (mode == 1) {
          for (size_t g = 0; g < c.gold.size(); ++g) {
            auto& [gold, hit] = per_class[c.gold[g].cls];
            gold += 1;
            hit += used[g] ? 1 : 0;
          }
        }
      }
    }
    const double stage_seconds = StageSeconds(corpus, "events");
    EvalReport report;
    report.task = "events";
    report.data = path;
    exact.AddTo(report, "exact.");
    overlap.AddTo(report, "overlap.");
    for (const auto& [cls, gh] : per_class) {
      report.Add("per_class." + cls + ".gold", gh.first);
      report.Add("per_class." + cls + ".recall",
                 gh.first > 0 ? gh.second / gh.first : 0);
    }
    for (const auto& [m, count] : modality) {
      report.Add("predicted_modality." + m, count);
    }
    report.Add("documents", static_cast<double>(docs.size()));
    report.Add("gold", gold_total);
    report.Add("predicted", predicted_all - unscored);
    report.Add("predicted_unscored", unscored);
    report.Add("events_per_second",
               stage_seconds > 0 ? predicted_all / stage_seconds : 0);
    report.Add("documents_per_second", seconds > 0 ? docs.size() / seconds : 0);
    report.notes.push_back(
        "only sentences with a gold event mention are scored (ECB+ annotated "
        "a selection of sentences)");
    return report;
  }
};

}  // namespace

std::unique_ptr<EvalTask> MakeEventsEvalTask() {
  return std::make_unique<EventsEvalTask>();
}

}  // namespace dossier
