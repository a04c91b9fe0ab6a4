// The English NER model that ships with dossier (models/ner/eng.model),
// compiled into the binary so that users need neither the training data nor
// the model file at run time.
//
// DefaultNerModel() parses the embedded bytes once (thread-safe, on first
// use) and returns the shared immutable model; it fails only if the embedded
// file is not a valid model of this version (a build error, reported as
// kInternal). LoadNerModel(path) reads another model file ("" means the
// default).
#ifndef DOSSIER_NER_DEFAULT_MODEL_H_
#define DOSSIER_NER_DEFAULT_MODEL_H_

#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "ner/tagger.h"

namespace dossier {

StatusOr<std::shared_ptr<const NerModel>> DefaultNerModel();

StatusOr<std::shared_ptr<const NerModel>> LoadNerModel(const std::string& path);

// The embedded model file's bytes.
std::string_view DefaultNerModelBytes();

}  // namespace dossier

#endif  // DOSSIER_NER_DEFAULT_MODEL_H_
