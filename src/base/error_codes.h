// The error catalogue: every error dossier reports has one stable code here.
//
// Codes are part of the public contract (they appear in dossier.json, in CLI
// messages and in scripts that users write), so a code is never renumbered or
// renamed; retired codes keep their number. Add new codes at the end of their
// group. Thread-safe: constant data only.
#ifndef DOSSIER_BASE_ERROR_CODES_H_
#define DOSSIER_BASE_ERROR_CODES_H_

#include <cstdint>
#include <string_view>

namespace dossier {

// X(Name, number, "stable.id", "one-line description")
#define DOSSIER_ERROR_CODES(X)                                                \
  X(kOk, 0, "ok", "no error")                                                 \
  /* 1xx: usage and configuration */                                          \
  X(kInvalidArgument, 100, "usage.invalid_argument",                          \
    "an argument or option is not valid")                                     \
  X(kNotFound, 101, "usage.not_found", "a named thing does not exist")        \
  X(kUnsupported, 102, "usage.unsupported",                                   \
    "the request is valid but not supported")                                 \
  /* 2xx: reading input */                                                    \
  X(kUnreadable, 200, "input.unreadable",                                     \
    "the file or stream cannot be opened or read")                            \
  X(kEmptyInput, 201, "input.empty", "the input holds no text")               \
  X(kBinaryInput, 202, "input.binary",                                        \
    "the input looks like binary data, not text")                             \
  X(kInvalidUtf8, 203, "input.invalid_utf8",                                  \
    "the input is not valid UTF-8")                                           \
  X(kTooLarge, 204, "input.too_large",                                        \
    "the input is larger than the configured limit")                          \
  X(kLineTooLong, 205, "input.line_too_long",                                 \
    "a JSONL line is longer than the configured limit")                       \
  X(kMalformedJson, 206, "input.malformed_json",                              \
    "a JSONL line is not a valid JSON object")                                \
  X(kMissingField, 207, "input.missing_field",                                \
    "a JSONL object lacks a required field")                                  \
  X(kMalformedWarc, 208, "input.malformed_warc",                              \
    "a WARC record is malformed (bad header, wrong length, corrupt gzip)")    \
  /* 3xx: processing */                                                       \
  X(kStageFailed, 300, "pipeline.stage_failed",                               \
    "a pipeline stage could not process a document")                          \
  X(kPipelineInvalid, 301, "pipeline.invalid",                                \
    "stages are ordered so that one reads a layer nobody wrote")             \
  X(kTextEncoding, 302, "text.encoding", "text normalization failed")        \
  /* 4xx: writing output */                                                   \
  X(kWriteFailed, 400, "output.write_failed",                                 \
    "an output file cannot be written")                                       \
  /* 5xx: evaluation data */                                                  \
  X(kEvalData, 500, "eval.bad_data",                                          \
    "an evaluation data set is missing or malformed")                         \
  /* 9xx: bugs */                                                             \
  X(kInternal, 900, "internal", "an internal invariant was broken (a bug)")

enum class ErrorCode : uint16_t {
#define DOSSIER_ENUM_ENTRY(name, number, id, text) name = number,
  DOSSIER_ERROR_CODES(DOSSIER_ENUM_ENTRY)
#undef DOSSIER_ENUM_ENTRY
};

// The stable id of `code`, e.g. "input.invalid_utf8".
std::string_view ErrorCodeId(ErrorCode code);
// A one-line description of what `code` means.
std::string_view ErrorCodeDescription(ErrorCode code);
// The code's number, e.g. 203.
inline int ErrorCodeNumber(ErrorCode code) { return static_cast<int>(code); }

}  // namespace dossier

#endif  // DOSSIER_BASE_ERROR_CODES_H_
