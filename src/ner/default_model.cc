#include "ner/default_model.h"

#include <mutex>

// The model file is included byte for byte by the assembler (no generated
// source, no tool beyond the compiler). DOSSIER_NER_MODEL_PATH is set by
// src/ner/CMakeLists.txt.
__asm__(
    ".section .rodata\n"
    ".balign 64\n"
    ".global dossier_ner_model_begin\n"
    "dossier_ner_model_begin:\n"
    ".incbin \"" DOSSIER_NER_MODEL_PATH
    "\"\n"
    ".global dossier_ner_model_end\n"
    "dossier_ner_model_end:\n"
    ".previous\n");

extern "C" const char dossier_ner_model_begin[];
extern "C" const char dossier_ner_model_end[];

namespace dossier {

std::string_view DefaultNerModelBytes() {
  return std::string_view(
      dossier_ner_model_begin,
      static_cast<size_t>(dossier_ner_model_end - dossier_ner_model_begin));
}

StatusOr<std::shared_ptr<const NerModel>> DefaultNerModel() {
  static std::once_flag once;
  static std::shared_ptr<const NerModel> model;
  static Status error;
  std::call_once(once, [] {
    StatusOr<NerModel> m = NerModel::FromBytes(DefaultNerModelBytes());
    if (m.ok()) {
      model = std::make_shared<const NerModel>(std::move(m).value());
    } else {
      error =
          Status(ErrorCode::kInternal,
                 "the built-in NER model is invalid: " + m.status().ToString());
    }
  });
  if (model == nullptr) return error;
  return model;
}

StatusOr<std::shared_ptr<const NerModel>> LoadNerModel(
    const std::string& path) {
  if (path.empty()) return DefaultNerModel();
  StatusOr<NerModel> m = NerModel::Load(path);
  if (!m.ok()) return m.status();
  return std::shared_ptr<const NerModel>(
      std::make_shared<const NerModel>(std::move(m).value()));
}

}  // namespace dossier
