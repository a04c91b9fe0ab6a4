// Status and StatusOr<T>: how every dossier function reports failure.
//
// A Status is either OK or carries an ErrorCode from base/error_codes.h and a
// message written for a person ("file is not valid UTF-8 at byte 1043").
// The library never throws across a stage boundary, never prints and never
// aborts; it returns a Status and lets the caller (CLI, server) decide.
// Status and StatusOr are values: copy them freely; not synchronized.
#ifndef DOSSIER_BASE_STATUS_H_
#define DOSSIER_BASE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "base/error_codes.h"

namespace dossier {

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(ErrorCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "input.invalid_utf8: invalid byte 0xff at offset 12"
  std::string ToString() const;

  // Returns a copy whose message is "`context`: message".
  Status WithContext(std::string_view context) const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

// Holds either a value or a non-OK Status.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "StatusOr built from an OK Status");
    if (status_.ok()) status_ = Status(ErrorCode::kInternal, "OK w/o value");
  }
  StatusOr(T value) : value_(std::move(value)) {}  // NOLINT

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace dossier

// Returns from the enclosing function if `expr` is a non-OK Status.
#define DOSSIER_RETURN_IF_ERROR(expr)          \
  do {                                         \
    ::dossier::Status dossier_status_ = (expr); \
    if (!dossier_status_.ok()) return dossier_status_; \
  } while (0)

#endif  // DOSSIER_BASE_STATUS_H_
