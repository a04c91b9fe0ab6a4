// TimelineStage: the corpus's dated items in chronological order
// (Corpus::timeline): what happened or is planned on a date, as the
// articles report it, merged across articles.
//
// Every DATE or TIME expression whose value is a calendar day, ISO week,
// month or year (after ReresolveStage, so undated articles count too) is
// one report: the expression and its sentence. Reports of the same date
// are merged when their contexts (time/time_context.h) share at least two
// keys (entities or content words), transitively; each merged group is one
// item with the documents, entities and keywords it has in common.
// Left out: PRESENT_REF/PAST_REF/FUTURE_REF, underspecified values
// ("XXXX-WXX-4"), durations, sets, decades, and the dateline's own date.
// Order: first day covered, then last day (so a month precedes its days
// only when it starts earlier), then the first report's position.
// A report whose sentence holds a quote names it (a dated statement).
// Reads text, sentences, tokens, mentions, entities, quotes, times, dateline;
// writes Corpus::timeline. Immutable; thread-safe.
#ifndef DOSSIER_TIME_TIMELINE_STAGE_H_
#define DOSSIER_TIME_TIMELINE_STAGE_H_

#include <memory>
#include <string_view>

#include "pipeline/stage.h"

namespace dossier {

class TimelineStage : public CorpusStage {
 public:
  std::string_view name() const override { return "timeline"; }
  LayerSet reads() const override {
    return Layer::kText | Layer::kSentences | Layer::kTokens |
           Layer::kMentions | Layer::kEntities | Layer::kQuotes |
           Layer::kTimes | Bit(Layer::kDateline);
  }
  LayerSet writes() const override { return Bit(Layer::kTimeline); }
  std::unique_ptr<Accumulator> NewAccumulator() const override;
  Status Finalize(Accumulator& merged, Corpus& corpus) const override;
};

}  // namespace dossier

#endif  // DOSSIER_TIME_TIMELINE_STAGE_H_
