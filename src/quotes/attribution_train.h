// Training of the attribution tagger (AttributionModel) from documents
// whose tokens carry gold role labels (attr_internal::Label).
//
// Structured averaged perceptron (Collins 2002; averaging as in Daume
// 2006): sentences are visited in an order shuffled per epoch with a fixed
// seed (splitmix64); each is decoded with Viterbi under the current
// weights, and where the predicted labels differ from the gold ones the
// gold label's emission weights of the token's features get +1 and the
// predicted label's -1 (transitions likewise). Averaged weights are
// quantized to int16 with one scale; weights with |q| <= prune are dropped.
// Before training, a first pass counts each feature's occurrences over all
// training tokens; only features seen >= min_count times get weights (the
// others are never looked up at tagging time either, as they are absent
// from the model), which bounds the model's size.
// With AttributionTrainOptions::cue_given it trains the roles tagger
// (stage 2): only sentences with a cue, each seeing its cue tokens
// (AttributionExample::predicted_cues where given, else the gold ones).
// Integer arithmetic only: the same inputs and options give byte-identical
// model files. LabelAttributions() turns gold spans into token labels.
// Thread-compatible; one thread.
#ifndef DOSSIER_QUOTES_ATTRIBUTION_TRAIN_H_
#define DOSSIER_QUOTES_ATTRIBUTION_TRAIN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "doc/document.h"
#include "quotes/quote_stage.h"

namespace dossier {

// One gold attribution, in the document's (clean) byte offsets; each role
// may have several segments.
struct GoldAttribution {
  std::vector<Span> source, cue, content;
};

struct AttributionExample {
  const Document* doc = nullptr;
  std::vector<uint8_t> labels;  // per token of doc
  // Stage 2 only: per token of doc, 1 where the cue tagger (trained
  // without this document) tagged a cue; empty: the gold cues. A sentence
  // with such cues trains the roles tagger on them, gold sources and
  // contents kept and the gold cues it missed unlabelled; with none, on
  // its gold cues.
  std::vector<uint8_t> predicted_cues;
};

// Per-token labels for `gold`: a token is in a role when its span overlaps
// one of the role's segments. Attributions are taken largest first (by
// extent); one whose cue tokens are already labelled (an attribution
// nested in another's content) is left out, and tokens keep the first
// label they get. Every sentence's first labelled token of a run is B-.
std::vector<uint8_t> LabelAttributions(
    const Document& doc, const std::vector<GoldAttribution>& gold);

struct AttributionTrainOptions {
  int epochs = 10;
  uint64_t seed = 2017;
  int prune = 1;
  int min_count = 10;  // keep features seen >= this many times (1: all)
  // Stage 2, the roles tagger: trained on sentences with a gold cue only,
  // each seeing its gold cue tokens (AttributionScratch::cue_mask).
  bool cue_given = false;
};

struct AttributionTrainReport {
  uint64_t documents = 0, sentences = 0, tokens = 0;
  uint64_t features_seen = 0, features_kept = 0;  // before training
  uint64_t features_written = 0, entries_written = 0, model_bytes = 0;
  std::vector<double> train_accuracy;  // token accuracy per epoch (online)
};

// Returns the model file's bytes.
StatusOr<std::string> TrainAttributionModel(
    const std::vector<AttributionExample>& examples, const QuoteStage& stage,
    const AttributionTrainOptions& options, AttributionTrainReport* report);

}  // namespace dossier

#endif  // DOSSIER_QUOTES_ATTRIBUTION_TRAIN_H_
