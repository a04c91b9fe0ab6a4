// ReresolveStage: resolves a document's time expressions again once its
// publication date was inferred from the corpus (time/pubdate_stage.h),
// so that "Thursday" in an undated article becomes the day the other
// articles name.
//
// Runs only on documents with published_how kInferred. With one inferred
// day it finds the expressions again against it (FindTimes, the same code
// as TimexStage). With a range [published_earliest, published_latest] it
// resolves against every day of the range and keeps a value only where all
// of them agree ("Thursday" is the same day for any writing date between
// Monday and Thursday); the others keep their underspecified value
// ("XXXX-WXX-1").
// Reads text, sentences, meta, times; writes times.
// Immutable; Run() is thread-safe.
#ifndef DOSSIER_TIME_RERESOLVE_STAGE_H_
#define DOSSIER_TIME_RERESOLVE_STAGE_H_

#include <memory>
#include <string_view>

#include "pipeline/stage.h"

namespace dossier {

class TimexRecognizer;

class ReresolveStage : public DocumentStage {
 public:
  ReresolveStage();
  ~ReresolveStage() override;

  std::string_view name() const override { return "times_reresolved"; }
  LayerSet reads() const override {
    return Layer::kText | Layer::kSentences | Layer::kTokens | Layer::kPos |
           Layer::kMentions | Layer::kQuotes | Layer::kMeta |
           Bit(Layer::kTimes);
  }
  LayerSet writes() const override { return Bit(Layer::kTimes); }
  Status Run(Document& doc) const override;

 private:
  std::unique_ptr<const TimexRecognizer> recognizer_;
};

}  // namespace dossier

#endif  // DOSSIER_TIME_RERESOLVE_STAGE_H_
