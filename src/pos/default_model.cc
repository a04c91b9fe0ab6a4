#include "pos/default_model.h"

#include <mutex>

// The model file is included byte for byte by the assembler, as in
// ner/default_model.cc. DOSSIER_POS_MODEL_PATH is set by
// src/pos/CMakeLists.txt.
__asm__(
    ".section .rodata\n"
    ".balign 64\n"
    ".global dossier_pos_model_begin\n"
    "dossier_pos_model_begin:\n"
    ".incbin \"" DOSSIER_POS_MODEL_PATH
    "\"\n"
    ".global dossier_pos_model_end\n"
    "dossier_pos_model_end:\n"
    ".previous\n");

extern "C" const char dossier_pos_model_begin[];
extern "C" const char dossier_pos_model_end[];

namespace dossier {

std::string_view DefaultPosModelBytes() {
  return std::string_view(
      dossier_pos_model_begin,
      static_cast<size_t>(dossier_pos_model_end - dossier_pos_model_begin));
}

StatusOr<std::shared_ptr<const PosModel>> DefaultPosModel() {
  static std::once_flag once;
  static std::shared_ptr<const PosModel> model;
  static Status error;
  std::call_once(once, [] {
    StatusOr<PosModel> m = PosModel::FromBytes(DefaultPosModelBytes());
    if (m.ok()) {
      model = std::make_shared<const PosModel>(std::move(m).value());
    } else {
      error =
          Status(ErrorCode::kInternal,
                 "the built-in POS model is invalid: " + m.status().ToString());
    }
  });
  if (model == nullptr) return error;
  return model;
}

}  // namespace dossier
