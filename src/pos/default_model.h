// The English part-of-speech model that ships with dossier
// (models/pos/eng.model), compiled into the binary.
//
// DefaultPosModel() parses the embedded bytes once (thread-safe) and returns
// the shared immutable model; it fails only if the embedded file is not a
// valid model of this version (a build error, kInternal).
#ifndef DOSSIER_POS_DEFAULT_MODEL_H_
#define DOSSIER_POS_DEFAULT_MODEL_H_

#include <memory>
#include <string_view>

#include "base/status.h"
#include "pos/model.h"

namespace dossier {

StatusOr<std::shared_ptr<const PosModel>> DefaultPosModel();

// The embedded model file's bytes.
std::string_view DefaultPosModelBytes();

}  // namespace dossier

#endif  // DOSSIER_POS_DEFAULT_MODEL_H_
