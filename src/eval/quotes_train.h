// `dossier train quotes`: trains the attribution tagger
// (quotes/attribution_model.h) on a PolNeAR split.
//
// Reads DIR/text and DIR/attributions as `dossier eval quotes` does (first
// annotator per article, articles in sorted order), runs the per-document
// pipeline (what `dossier analyze` gives QuoteStage) on one thread, maps
// each gold role segment to the tokens it overlaps (document offsets) and
// trains TrainAttributionModel with the options given. Deterministic: the
// same data and options write byte-identical files. Thread-compatible.
#ifndef DOSSIER_EVAL_QUOTES_TRAIN_H_
#define DOSSIER_EVAL_QUOTES_TRAIN_H_

#include <string>

#include "base/status.h"
#include "quotes/attribution_train.h"

namespace dossier {

struct QuotesTrainOptions {
  std::string data_dir;  // PolNeAR split: text/, attributions/
  std::string out_path;  // model file to write
  AttributionTrainOptions train;
  // With train.cue_given (the roles tagger): when > 1, the cues it is
  // trained with are those a cue tagger trained on the other folds tagged
  // (articles in `jackknife` folds by index), so that it also learns that
  // a false cue has no source or content; 0 or 1: the gold cues.
  int jackknife = 0;
};

struct QuotesTrainResult {
  AttributionTrainReport report;
  uint64_t attributions = 0;
  double seconds = 0;
};

Status TrainQuotesModel(const QuotesTrainOptions& options,
                        QuotesTrainResult* result);

}  // namespace dossier

#endif  // DOSSIER_EVAL_QUOTES_TRAIN_H_
