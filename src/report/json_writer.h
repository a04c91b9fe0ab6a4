// dossier.json writer: streams a finished Corpus as JSON that follows the
// published schema (docs/schema/dossier.schema.json, schema version 1).
//
// Contract: the output is the stable, machine-readable result of a run. All
// offsets are UTF-8 byte offsets into each document's `text` (the clean
// body). Writing is SAX-style (RapidJSON Writer over the std::ostream), so
// memory use does not grow with the corpus. Article strings are assumed to be
// valid UTF-8 and are escaped as JSON requires. Out-of-range spans (a bug in a
// stage) are clamped to the text rather than crashing.
// Thread-safety: WriteDossierJson only reads the corpus; concurrent calls on
// the same corpus with different streams are safe.
#ifndef DOSSIER_REPORT_JSON_WRITER_H_
#define DOSSIER_REPORT_JSON_WRITER_H_

#include <ctime>
#include <ostream>
#include <string>

#include "base/status.h"
#include "doc/corpus.h"

namespace dossier {

// The schema version this writer produces ("version" in dossier.json).
inline constexpr int kDossierSchemaVersion = 1;

struct JsonOptions {
  // ISO 8601 UTC timestamp for "generated"; empty -> now (UTC).
  std::string generated;
  bool pretty = true;  // indented output; false -> one line
  std::string tool_version = "0.1.0";
};

// Writes `corpus` as dossier.json to `out`. Returns kWriteFailed when the
// stream fails (the stream may then hold a partial document).
Status WriteDossierJson(const Corpus& corpus, const JsonOptions& opts,
                        std::ostream& out);

// Writes one document object (the schema's `documents[]` item) to `out`,
// pretty-printed; what `dossier extract --json` prints.
Status WriteDocumentJson(const Document& doc, std::ostream& out);

// "2025-05-15T09:30:00Z" for `t` (seconds since the epoch, UTC).
std::string FormatIsoUtc(std::time_t t);

}  // namespace dossier

#endif  // DOSSIER_REPORT_JSON_WRITER_H_
