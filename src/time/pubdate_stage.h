// PubDateStage: infers when an undated article was written from the dated
// articles of the same corpus that report the same events.
//
// An anchor is a relative time expression of the undated document
// (a weekday, "this week") whose context (time/time_context.h: entities
// and content words around it, counted only when they go with that time
// of the corpus) shares at least two keys (a week: three) with a day named
// in a dated document, of the same weekday for a weekday
// ("the Istanbul talks on Thursday" / "Thursday's talks in Istanbul",
// 2025-05-15). Each anchor allows the publication dates d for which
// Resolve() of the expression against d gives that day (the tense decides
// before or after: "will attend ... Thursday" needs d <= Thursday). The
// dates most anchors allow are kept; then dates written in the text narrow
// them by tense ("was signed on May 11" needs d >= May 11), and among what
// is left the dates where the article's own days lie closest together are
// kept (articles report the days around their writing). The result is one
// day (DocMeta::published, published_how kInferred) or a range of at most
// kMaxRangeDays days (published empty, published_earliest/latest), with the
// evidence (the spans of both documents). Documents dated this way anchor
// others in the next round (up to four rounds). Without an anchor the
// document stays undated.
//
// Reads text, sentences, tokens, mentions, entities, times, meta; writes
// meta (published, published_how, published_earliest/latest/evidence).
// Immutable; thread-safe.
#ifndef DOSSIER_TIME_PUBDATE_STAGE_H_
#define DOSSIER_TIME_PUBDATE_STAGE_H_

#include <memory>
#include <string_view>

#include "pipeline/stage.h"

namespace dossier {

class TimexRecognizer;

class PubDateStage : public CorpusStage {
 public:
  // The widest inferred range that is still reported.
  static constexpr int kMaxRangeDays = 14;

  PubDateStage();
  ~PubDateStage() override;

  std::string_view name() const override { return "pubdate"; }
  LayerSet reads() const override {
    return Layer::kText | Layer::kSentences | Layer::kTokens |
           Layer::kMentions | Layer::kEntities | Layer::kTimes |
           Bit(Layer::kMeta);
  }
  LayerSet writes() const override { return Bit(Layer::kMeta); }
  std::unique_ptr<Accumulator> NewAccumulator() const override;
  Status Finalize(Accumulator& merged, Corpus& corpus) const override;

 private:
  std::unique_ptr<const TimexRecognizer> recognizer_;
};

}  // namespace dossier

#endif  // DOSSIER_TIME_PUBDATE_STAGE_H_
