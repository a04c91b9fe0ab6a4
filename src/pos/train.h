// Training of the part-of-speech tagger (PosModel) from CoNLL data's POS
// column (CoNLL-2003: word POS chunk NER).
//
// Greedy averaged perceptron (Collins 2002; the averaging trick of Daume
// 2006): sentences are visited in an order shuffled per epoch with a fixed
// seed (splitmix64); each token is tagged with the current weights and the
// tags predicted before it; on an error the gold tag's weights of the
// token's features get +1 and the predicted tag's -1. The averaged weights
// are quantized to int16 with one scale; zeros (and, with `prune`, small
// weights) are dropped. Integer arithmetic only: the same data and options
// give byte-identical model files. Thread-compatible; one thread.
#ifndef DOSSIER_POS_TRAIN_H_
#define DOSSIER_POS_TRAIN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "ner/conll.h"

namespace dossier {

struct PosTrainOptions {
  std::string conll_path;  // training data (CoNLL with a POS column)
  std::string out_path;    // model file to write
  std::string dev_path;    // optional: accuracy after every epoch
  int epochs = 8;
  uint64_t seed = 2003;
  int prune = 1;  // drop quantized weights with |w| <= prune
};

struct PosTrainReport {
  uint64_t sentences = 0, tokens = 0;
  uint64_t features_written = 0, entries_written = 0, model_bytes = 0;
  double seconds = 0;
  std::vector<double> dev_accuracy;  // per epoch, when dev_path is set
};

Status TrainPos(const PosTrainOptions& options, PosTrainReport* report);

// In memory: returns the model file's bytes.
StatusOr<std::string> TrainPosModel(const std::vector<ConllDocument>& docs,
                                    const PosTrainOptions& options,
                                    const std::vector<ConllDocument>* dev,
                                    PosTrainReport* report);

// Token accuracy of `model_bytes` on documents with gold POS tags (tokens
// whose gold tag is not a Penn Treebank tag are skipped).
struct PosAccuracy {
  uint64_t tokens = 0, correct = 0;
  double seconds = 0;  // tagging time
};
StatusOr<PosAccuracy> EvaluatePos(const std::vector<ConllDocument>& docs,
                                  std::string_view model_bytes);

}  // namespace dossier

#endif  // DOSSIER_POS_TRAIN_H_
