// TimexStage: finds time expressions in sentences and normalizes them to
// TIMEX3 types and values, resolving relative ones ("Sunday", "yesterday",
// "next week", "three years ago") against the document's publication date.
//
// First version: table-driven RE2 patterns over each sentence, then a
// resolver (time/calendar.h) that turns a parsed expression plus the
// reference date and the sentence's tense into a value. Without a reference
// date, relative expressions stay underspecified ("XXXX-WXX-4").
// Reads text, sentences, meta; writes times. Immutable; Run() is thread-safe.
#ifndef DOSSIER_TIME_TIMEX_STAGE_H_
#define DOSSIER_TIME_TIMEX_STAGE_H_

#include <memory>
#include <string_view>

#include "pipeline/stage.h"

namespace dossier {

class TimexStage : public DocumentStage {
 public:
  TimexStage();
  ~TimexStage() override;

  std::string_view name() const override { return "times"; }
  LayerSet reads() const override {
    return Layer::kText | Layer::kSentences | Bit(Layer::kMeta);
  }
  LayerSet writes() const override { return Bit(Layer::kTimes); }
  Status Run(Document& doc) const override;

 private:
  struct Patterns;
  std::unique_ptr<const Patterns> patterns_;
};

}  // namespace dossier

#endif  // DOSSIER_TIME_TIMEX_STAGE_H_
