// `dossier eval pos FILE.conll`: part-of-speech token accuracy on CoNLL data
// (CoNLL-2003: `word POS chunk NER`; the POS column is the gold tag).
//
// Rules: each CoNLL sentence is tagged on its own by the built-in PosModel
// (pos/default_model.h), with the file's tokens (so tokenization does not
// affect the score); `accuracy` = tokens whose predicted tag equals the gold
// tag / tokens whose gold tag is a Penn Treebank tag (CoNLL's "NN|SYM" reads
// as NN; -DOCSTART- lines are not tokens). `tokens_per_second` is tagging
// time on one thread (features and greedy decoding, not file reading).
// Also per_tag.<TAG>.{gold,recall} for the frequent verb and noun tags.
#include <map>

#include "eval/eval.h"
#include "ner/conll.h"
#include "pos/default_model.h"
#include "pos/model.h"
#include "pos/tags.h"
#include "pos/train.h"

namespace dossier {
namespace {

class PosEvalTask : public EvalTask {
 public:
  std::string_view name() const override { return "pos"; }
  std::string_view summary() const override {
    return "part-of-speech tags, CoNLL-2003 POS column: token accuracy";
  }
  std::string_view default_data() const override {
    return "data/conll2003/eng.testa";
  }

  StatusOr<EvalReport> Run(const std::string& path,
                           const EvalOptions& opts) const override {
    StatusOr<std::vector<ConllDocument>> docs = ReadConllFile(path);
    if (!docs.ok()) return docs.status();
    if (opts.limit > 0 && docs->size() > opts.limit) docs->resize(opts.limit);
    StatusOr<PosAccuracy> acc = EvaluatePos(*docs, DefaultPosModelBytes());
    if (!acc.ok()) return acc.status();
    // Per-tag recall for the tags the event stage relies on.
    StatusOr<std::shared_ptr<const PosModel>> model = DefaultPosModel();
    if (!model.ok()) return model.status();
    std::map<std::string, std::pair<double, double>> per_tag;  // gold, hit
    PosScratch scratch;
    std::vector<std::string_view> words;
    std::vector<uint8_t> tags;
    for (const ConllDocument& d : *docs) {
      if (d.pos.size() != d.words.size()) continue;
      uint32_t begin = 0;
      for (uint32_t end : d.sentence_ends) {
        words.assign(d.words.begin() + begin, d.words.begin() + end);
        (*model)->Tag(words, &scratch, &tags);
        for (uint32_t i = begin; i < end; ++i) {
          uint8_t gold;
          if (!ParsePosTag(d.pos[i], &gold)) continue;
          if (!IsVerbTag(gold) && !IsNounTag(gold) && gold != kPosMD) continue;
          auto& [g, hit] = per_tag[std::string(PosTagName(gold))];
          g += 1;
          hit += tags[i - begin] == gold;
        }
        begin = end;
      }
    }
    EvalReport report;
    report.task = "pos";
    report.data = path;
    report.Add("accuracy", acc->tokens
                               ? static_cast<double>(acc->correct) / acc->tokens
                               : 0);
    report.Add("tokens", static_cast<double>(acc->tokens));
    report.Add("tokens_per_second",
               acc->seconds > 0 ? acc->tokens / acc->seconds : 0);
    for (const auto& [tag, gh] : per_tag) {
      report.Add("per_tag." + tag + ".gold", gh.first);
      report.Add("per_tag." + tag + ".recall",
                 gh.first > 0 ? gh.second / gh.first : 0);
    }
    report.notes.push_back("tokens_per_second: tagging only, one thread");
    return report;
  }
};

}  // namespace

std::unique_ptr<EvalTask> MakePosEvalTask() {
  return std::make_unique<PosEvalTask>();
}

}  // namespace dossier
