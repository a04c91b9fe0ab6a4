#include "base/status.h"

namespace dossier {

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string out(ErrorCodeId(code_));
  if (!message_.empty()) {
    out += ": ";
    out += message_;
  }
  return out;
}

Status Status::WithContext(std::string_view context) const {
  if (ok()) return *this;
  std::string message(context);
  message += ": ";
  message += message_;
  return Status(code_, std::move(message));
}

}  // namespace dossier
