// `dossier eval ner FILE.conll`: entity-level scoring in the CoNLL-2003
// format (4 columns `word POS chunk NER`, IOB1 or IOB2 tags, -DOCSTART-
// between documents), with conlleval's rules: a predicted entity counts only
// when its token span and its type both match a gold entity.
//
// Each CoNLL document becomes one Document whose text is its tokens joined
// by spaces, one block and one sentence per CoNLL sentence, tokens taken
// from the file (so tokenization does not affect the score); the entity
// recognizer (entities/MentionStage) then runs on it as it does in
// `dossier analyze`.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "entities/mention_stage.h"
#include "eval/eval.h"
#include "pipeline/driver.h"
#include "text/token_stage.h"

namespace dossier {
namespace {

struct GoldEntity {
  uint32_t first, end;  // token indexes in the document, [first, end)
  std::string type;     // PER, ORG, LOC, MISC
  bool operator<(const GoldEntity& o) const {
    return std::tie(first, end, type) < std::tie(o.first, o.end, o.type);
  }
};

struct ConllDoc {
  std::string text;
  std::vector<Span> tokens;
  std::vector<std::pair<uint32_t, uint32_t>> sentences;  // token ranges
  std::vector<GoldEntity> gold;
};

// Turns a column of IOB tags into entities, as conlleval does.
void ChunkTags(const std::vector<std::string>& tags, uint32_t offset,
               std::vector<GoldEntity>& out) {
  std::string open_type;
  uint32_t open_start = 0;
  auto close = [&](uint32_t end) {
    if (!open_type.empty()) out.push_back({open_start, end, open_type});
    open_type.clear();
  };
  for (uint32_t i = 0; i < tags.size(); ++i) {
    const std::string& t = tags[i];
    if (t == "O" || t.size() < 3) {
      close(offset + i);
      continue;
    }
    std::string type = t.substr(2);
    bool begin = t[0] == 'B' || type != open_type;
    if (begin) {
      close(offset + i);
      open_type = type;
      open_start = offset + i;
    }
  }
  close(offset + static_cast<uint32_t>(tags.size()));
}

StatusOr<std::vector<ConllDoc>> ReadConll(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status(ErrorCode::kEvalData, "cannot open " + path);
  std::vector<ConllDoc> docs(1);
  std::vector<std::string> words, tags;
  size_t line_no = 0;
  auto flush_sentence = [&]() {
    if (words.empty()) return;
    ConllDoc& d = docs.back();
    uint32_t first = static_cast<uint32_t>(d.tokens.size());
    if (!d.text.empty()) d.text += "\n\n";
    for (size_t i = 0; i < words.size(); ++i) {
      if (i > 0) d.text += ' ';
      uint32_t s = static_cast<uint32_t>(d.text.size());
      d.text += words[i];
      d.tokens.push_back({s, static_cast<uint32_t>(d.text.size())});
    }
    d.sentences.push_back({first, static_cast<uint32_t>(d.tokens.size())});
    ChunkTags(tags, first, d.gold);
    words.clear();
    tags.clear();
  };
  std::string line;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush_sentence();
      continue;
    }
    std::istringstream cols(line);
    std::string word, pos, chunk, ner;
    cols >> word >> pos >> chunk >> ner;
    if (word == "-DOCSTART-") {
      flush_sentence();
      if (!docs.back().tokens.empty()) docs.emplace_back();
      continue;
    }
    if (ner.empty()) {
      return Status(ErrorCode::kEvalData, path + ":" + std::to_string(line_no) +
                                              ": expected 4 columns");
    }
    words.push_back(word);
    tags.push_back(ner);
  }
  flush_sentence();
  if (docs.back().tokens.empty()) docs.pop_back();
  if (docs.empty()) return Status(ErrorCode::kEvalData, path + " has no sentences");
  return docs;
}

std::string ConllType(EntityType t) {
  switch (t) {
    case EntityType::kPerson: return "PER";
    case EntityType::kOrg: return "ORG";
    case EntityType::kLoc: return "LOC";
    case EntityType::kMisc: return "MISC";
  }
  return "MISC";
}

class NerEvalTask : public EvalTask {
 public:
  std::string_view name() const override { return "ner"; }
  std::string_view summary() const override {
    return "named entities, CoNLL-2003 format: entity-level P/R/F1 per type";
  }
  std::string_view default_data() const override {
    return "data/conll2003/eng.testa";
  }

  StatusOr<EvalReport> Run(const std::string& path,
                           const EvalOptions& opts) const override {
    StatusOr<std::vector<ConllDoc>> read = ReadConll(path);
    if (!read.ok()) return read.status();
    std::vector<ConllDoc>& docs = *read;
    if (opts.limit > 0 && docs.size() > opts.limit) docs.resize(opts.limit);

    Pipeline p;
    p.Assume(Layer::kBlocks | Layer::kSentences | Layer::kTokens |
             Layer::kDateline);
    p.Add(std::make_unique<MentionStage>());
    DocumentFactory factory = [&docs](size_t i) -> StatusOr<Document> {
      const ConllDoc& c = docs[i];
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
      l.tokens.reserve(c.tokens.size());
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
    auto t0 = std::chrono::steady_clock::now();
    DOSSIER_RETURN_IF_ERROR(p.Run(docs.size(), factory, {}, run, corpus));
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
            .count();
    if (corpus.documents.size() != docs.size()) {
      return Status(ErrorCode::kInternal, "documents were lost in the run");
    }

    std::map<std::string, Prf> per_type;
    Prf all;
    size_t tokens = 0;
    for (size_t i = 0; i < docs.size(); ++i) {
      const ConllDoc& c = docs[i];
      tokens += c.tokens.size();
      std::vector<GoldEntity> pred;
      for (const Mention& m : corpus.documents[i].layers().mentions) {
        // Map the name part of the mention to CoNLL token indexes.
        const Span name = m.name.empty() ? m.span : m.name;
        auto lo = std::lower_bound(
            c.tokens.begin(), c.tokens.end(), name.start,
            [](const Span& t, uint32_t v) { return t.end <= v; });
        auto hi = std::lower_bound(
            c.tokens.begin(), c.tokens.end(), name.end,
            [](const Span& t, uint32_t v) { return t.end < v; });
        if (lo == c.tokens.end() || hi == c.tokens.end()) continue;
        pred.push_back({static_cast<uint32_t>(lo - c.tokens.begin()),
                        static_cast<uint32_t>(hi - c.tokens.begin()) + 1,
                        ConllType(m.type)});
      }
      std::sort(pred.begin(), pred.end());
      pred.erase(std::unique(pred.begin(), pred.end(),
                             [](const GoldEntity& a, const GoldEntity& b) {
                               return !(a < b) && !(b < a);
                             }),
                 pred.end());
      std::vector<GoldEntity> gold = c.gold;
      std::sort(gold.begin(), gold.end());
      size_t g = 0, p2 = 0;
      while (g < gold.size() || p2 < pred.size()) {
        if (p2 == pred.size() || (g < gold.size() && gold[g] < pred[p2])) {
          per_type[gold[g].type].fn++;
          all.fn++;
          ++g;
        } else if (g == gold.size() || pred[p2] < gold[g]) {
          per_type[pred[p2].type].fp++;
          all.fp++;
          ++p2;
        } else {
          per_type[gold[g].type].tp++;
          all.tp++;
          ++g;
          ++p2;
        }
      }
    }
    EvalReport report;
    report.task = "ner";
    report.data = path;
    all.AddTo(report, "");
    for (const auto& [type, prf] : per_type) {
      prf.AddTo(report, "per_type." + type + ".");
      report.Add("per_type." + type + ".gold", prf.tp + prf.fn);
    }
    report.Add("documents", static_cast<double>(docs.size()));
    report.Add("tokens", static_cast<double>(tokens));
    report.Add("tokens_per_second", seconds > 0 ? tokens / seconds : 0);
    report.notes.push_back(
        "tokens_per_second is the recognizer over all worker threads; "
        "use --threads 1 for a per-core figure");
    return report;
  }
};

}  // namespace

std::unique_ptr<EvalTask> MakeNerEvalTask() {
  return std::make_unique<NerEvalTask>();
}

}  // namespace dossier
