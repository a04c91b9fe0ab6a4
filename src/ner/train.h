// Training of the named-entity tagger (NerModel) from CoNLL-2003 data.
//
// An averaged structured perceptron over BILOU tags (ner/tagger.h): the
// documents are visited in an order shuffled per epoch with a fixed seed
// (own splitmix64 generator, so every platform agrees); each sentence is
// decoded with the current weights (Viterbi, hard BILOU constraints) and,
// where it differs from the gold tags, the gold features/transitions get +1
// and the predicted ones -1. Document-history features see the model's own
// predictions, as at tagging time. The averaged weights are quantized to
// int16 with one scale, all-zero rows are dropped, and the model file is
// written (ner/model_file.h). Integer arithmetic throughout: the same data
// and options give the same model bytes.
//
// Thread-compatible; uses one thread.
#ifndef DOSSIER_NER_TRAIN_H_
#define DOSSIER_NER_TRAIN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "ner/conll.h"
#include "ner/features.h"

namespace dossier {

struct TrainOptions {
  std::string conll_path;  // training data (CoNLL, IOB1 or IOB2)
  std::string out_path;    // model file to write
  int epochs = 20;
  uint64_t seed = 2003;
  // Optional phrase list "TYPE<TAB>phrase" per line; stored in the model.
  std::string gazetteer_path;
  // Optional development data: scored after every epoch (reported only;
  // never trained on).
  std::string dev_path;
  // Weight rows whose largest |quantized weight| is <= this are dropped.
  int prune = 0;
};

struct TrainReport {
  uint64_t documents = 0, sentences = 0, tokens = 0, entities = 0;
  uint64_t features_trained = 0;  // features that received an update
  uint64_t features_written = 0;  // rows kept in the model file
  uint64_t model_bytes = 0;
  double seconds = 0;             // training and writing
  std::vector<double> train_token_error;  // per epoch, online
  std::vector<double> dev_f1;             // per epoch, if dev_path
};

// Reads options.conll_path, trains, writes options.out_path.
Status TrainNer(const TrainOptions& options, TrainReport* report);

// Trains on documents in memory and returns the model file's bytes;
// `gazetteer` may be null. If `dev` is non-null, fills report->dev_f1.
StatusOr<std::string> TrainNerModel(const std::vector<ConllDocument>& docs,
                                    const TrainOptions& options,
                                    const ner_internal::Gazetteer* gazetteer,
                                    const std::vector<ConllDocument>* dev,
                                    TrainReport* report);

}  // namespace dossier

#endif  // DOSSIER_NER_TRAIN_H_
