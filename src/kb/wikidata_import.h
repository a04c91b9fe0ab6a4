// Wikidata importer: turns a Wikidata JSON entity dump (latest-all.json[.gz]
// or any extract in the same format) into knowledge-base records
// (kb/README.md), for `dossier kb import-wikidata DUMP --out FILE`.
//
// Contract:
// - Input format: one entity JSON object per line inside a top-level array
//   ("[" first line, "]" last line, entity lines ending with ","). Gzip is
//   detected and decompressed by zlib; "-" reads stdin.
// - Fields used (README "Wikidata import" has the full table): id, English
//   label (labels.<language>), English aliases, P31 instance of (type:
//   human Q5 -> PERSON; country Q6256 / sovereign state Q3624078 -> LOC;
//   organisation classes -> ORG), P27 country of citizenship, P297 ISO
//   3166-1 alpha-2 code, P39 position held with qualifiers P580 start time,
//   P582 end time, P642 "of"; for positions: label and P1001 applies to
//   jurisdiction. Deprecated statements are ignored.
// - Written: people (with at least one P39 unless people_need_position is
//   false), countries and organisations, ids "wd:<QID>", with `wikidata`
//   set. A role's `of` is the P642 qualifier, else the position's P1001;
//   it is written when that item is written too or is in `known` (then the
//   known id is used). The office is the position's label without its
//   jurisdiction ("President of Ukraine" -> "president").
// - One pass; memory holds the kept items and the labels of positions.
// - Errors: input.unreadable (cannot open/read, truncated gzip),
//   input.malformed_json (a line that is not JSON, with its line number),
//   output.write_failed.
// Thread-safety: no shared state; concurrent imports are independent.
#ifndef DOSSIER_KB_WIKIDATA_IMPORT_H_
#define DOSSIER_KB_WIKIDATA_IMPORT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "kb/kb.h"

namespace dossier::kb {

struct WikidataImportOptions {
  // Label/alias language.
  std::string language = "en";
  // An existing knowledge base: items whose QID it has are not written
  // again (when skip_known), and roles refer to its ids.
  const KnowledgeBase* known = nullptr;
  bool skip_known = true;
  // Write only people who held at least one position (P39).
  bool people_need_position = true;
  // Extra P31 classes typed ORG / LOC, besides the built-in ones.
  std::vector<std::string> org_classes;
  std::vector<std::string> loc_classes;
};

struct WikidataImportStats {
  size_t lines = 0;       // entity lines read
  size_t people = 0;      // records written, by type
  size_t organisations = 0;
  size_t places = 0;
  size_t roles = 0;
  size_t skipped_known = 0;
};

// Reads the dump text `dump` (already decompressed) and writes KB records to
// `*out`. `name` is used in error messages.
StatusOr<WikidataImportStats> ImportWikidata(
    std::string_view name, std::string_view dump, std::string* out,
    const WikidataImportOptions& options = {});

// Reads the dump file `dump_path` (".gz" or plain; "-" = stdin) and writes
// the records to `out_path`.
StatusOr<WikidataImportStats> ImportWikidataFile(
    const std::string& dump_path, const std::string& out_path,
    const WikidataImportOptions& options = {});

}  // namespace dossier::kb

#endif  // DOSSIER_KB_WIKIDATA_IMPORT_H_
