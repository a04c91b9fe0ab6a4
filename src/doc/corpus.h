// Corpus: every document of one run plus the corpus-level results that
// combine them (entities across documents, errors, stage timings).
//
// Built and owned by the driver (pipeline/driver.h); corpus stages fill the
// corpus-level parts in their Finalize step. Not synchronized.
#ifndef DOSSIER_DOC_CORPUS_H_
#define DOSSIER_DOC_CORPUS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "doc/document.h"

namespace dossier {

struct MentionRef {
  uint32_t doc = 0;      // index into Corpus::documents
  uint32_t mention = 0;  // index into that document's Layers::mentions
};

// One real-world referent, across documents.
struct Entity {
  std::string id;    // "e1", "e2", ... stable for identical input
  std::string name;  // canonical (longest full) name
  EntityType type = EntityType::kMisc;
  std::vector<std::string> aliases;  // other surface forms, sorted
  // Titles and descriptors the texts give it ("Russian President", "the
  // Kremlin leader"), as written, once each, in order of appearance.
  std::vector<std::string> roles;
  // The knowledge-base record it is ("person:vladimir-putin") and that
  // record's canonical name; empty when not linked.
  std::string kb;
  std::string kb_name;
  std::vector<MentionRef> mentions;  // in document, then text order
};

// An input that could not be processed, and why.
struct DocError {
  std::string source;  // file path, "path:line", or "-"
  Status status;
};

// Time spent in one stage over the whole run.
struct StageTiming {
  std::string name;
  double seconds = 0;  // summed over worker threads (CPU-like time)
  uint64_t documents = 0;
};

// One source's statement in a finding.
struct FindingStatement {
  uint32_t doc = 0;    // index into Corpus::documents
  Span span;           // the statement in that document's text
  std::string stance;  // what it asserts: "will not attend the talks"
};

// A statement that conflicts with a known fact or with another source, or
// a claim that several sources carry.
struct Finding {
  std::string kind;  // role_conflict, agreement, contradiction, update, ...
  uint32_t doc = 0;         // index into Corpus::documents
  Span span;                // the statement (the title or descriptor + name)
  int32_t entity = -1;      // index into Corpus::entities, or -1
  std::string claim;        // what the text says ("U.S. President")
  std::string fact;         // what the knowledge base says, in words
  std::string kb;           // the record the fact comes from
  std::string date;         // the date the statement was checked against
  std::string date_how;     // "published", "text" or "corpus"
  // For every kind: one line an analyst reads first, the statements it
  // rests on (in publication order), and an importance score (higher is
  // more important; findings are ranked by it).
  std::string summary;
  std::vector<FindingStatement> statements;
  double score = 0;
};

struct Corpus {
  std::vector<Document> documents;
  std::vector<Entity> entities;
  std::vector<Finding> findings;
  std::vector<DocError> errors;
  std::vector<StageTiming> timings;
  double wall_seconds = 0;
  size_t duplicates_dropped = 0;  // copies folded into another document
};

}  // namespace dossier

#endif  // DOSSIER_DOC_CORPUS_H_
