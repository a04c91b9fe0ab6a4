#include "base/error_codes.h"

namespace dossier {

std::string_view ErrorCodeId(ErrorCode code) {
  switch (code) {
#define DOSSIER_ID_CASE(name, number, id, text) \
  case ErrorCode::name:                         \
    return id;
    DOSSIER_ERROR_CODES(DOSSIER_ID_CASE)
#undef DOSSIER_ID_CASE
  }
  return "unknown";
}

std::string_view ErrorCodeDescription(ErrorCode code) {
  switch (code) {
#define DOSSIER_TEXT_CASE(name, number, id, text) \
  case ErrorCode::name:                           \
    return text;
    DOSSIER_ERROR_CODES(DOSSIER_TEXT_CASE)
#undef DOSSIER_TEXT_CASE
  }
  return "unknown error";
}

}  // namespace dossier
