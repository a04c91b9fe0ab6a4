// TimexStage: finds time expressions in sentences and normalizes them to
// TIMEX3 types and values (DATE, TIME, DURATION, SET), resolving relative
// ones ("Sunday", "yesterday", "next week", "three years ago") against the
// document's publication date (meta.published, YYYY-MM-DD).
//
// Three parts: time/recognizer.h (table-driven patterns -> ParsedTimex with
// the tense around it), time/resolver.h (ParsedTimex + reference -> value)
// and this stage, which runs both per sentence (and on dateline blocks,
// which have no sentences), carries the day, year and quarter last named in
// the text for "the next day", "that year", "the quarter", "a year
// earlier", and joins a clock time to the day right after it ("noon
// Thursday"). Without a reference date, relative expressions stay
// underspecified ("XXXX-WXX-4"); anaphoric ones without an anchor are
// dropped, never guessed. Where the tokens carry part-of-speech tags
// (PosStage runs before), the tense of the clause's finite verb
// (time/clause_tense.h) replaces the nearest tense word, unless the
// expression carries its own ("last", "next") or a future word stands right
// by it ("payable Jan. 2"); untagged tokens keep the tense-word reading.
// Output: Layers::times in text order, non-overlapping, spans without
// prepositions. Reads text, sentences, blocks, tokens, pos, meta; writes
// times.
// Immutable; Run() is thread-safe.
#ifndef DOSSIER_TIME_TIMEX_STAGE_H_
#define DOSSIER_TIME_TIMEX_STAGE_H_

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "pipeline/stage.h"
#include "time/calendar.h"

namespace dossier {

class TimexRecognizer;

class TimexStage : public DocumentStage {
 public:
  TimexStage();
  ~TimexStage() override;

  std::string_view name() const override { return "times"; }
  LayerSet reads() const override {
    return Layer::kText | Layer::kSentences | Layer::kBlocks | Layer::kTokens |
           Layer::kPos | Layer::kMentions | Layer::kQuotes | Bit(Layer::kMeta);
  }
  LayerSet writes() const override { return Bit(Layer::kTimes); }
  Status Run(Document& doc) const override;

 private:
  std::unique_ptr<const TimexRecognizer> recognizer_;
};

// What TimexStage::Run does, against any reference date (nullopt: none):
// replaces `found` with the time expressions of `doc`'s sentences. Used
// again by ReresolveStage when a publication date was inferred later.
// Thread-safe.
Status FindTimes(const TimexRecognizer& recognizer, const Document& doc,
                 std::optional<CivilDate> reference, std::vector<Timex>* found);

}  // namespace dossier

#endif  // DOSSIER_TIME_TIMEX_STAGE_H_
