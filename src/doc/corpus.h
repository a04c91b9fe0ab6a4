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

// One span a timeline item was read from.
struct TimelineSpan {
  uint32_t doc = 0;   // index into Corpus::documents
  Span time;          // the time expression
  Span sentence;      // the sentence it is in
  std::string value;  // the expression's TIMEX3 value
  // A quote of that document in the sentence (index into its
  // Layers::quotes), or -1: the item is then a dated statement.
  int32_t quote = -1;
};

// Something that happened or is planned on a date, as one or more
// documents report it (see time/timeline_stage.h).
struct TimelineItem {
  std::string date;      // TIMEX3 value: "2025-05-15", "2025-W20", "2025-05"
  std::string earliest;  // first and last day the date covers, YYYY-MM-DD
  std::string latest;
  std::vector<int32_t> entities;      // indexes into Corpus::entities
  std::vector<std::string> keywords;  // content words the spans share
  std::vector<TimelineSpan> spans;    // in document, then text order
};

// Documents about the same real-world event or development (see
// stories/StoryStage).
struct Story {
  std::string id;                  // "s1", "s2", ... by first document
  std::vector<uint32_t> documents;  // indices into Corpus::documents, sorted
  std::string label;               // a few main names or keywords
  std::vector<std::string> keywords;  // top content words
  std::vector<int32_t> entities;   // main entities (Corpus::entities)
  std::string first_published;     // YYYY-MM-DD or empty
  std::string last_published;
};

struct Corpus {
  std::vector<Document> documents;
  std::vector<Entity> entities;
  std::vector<Finding> findings;
  std::vector<TimelineItem> timeline;  // in chronological order
  std::vector<Story> stories;
  std::vector<DocError> errors;
  std::vector<StageTiming> timings;
  double wall_seconds = 0;
  size_t duplicates_dropped = 0;  // copies folded into another document
};

}  // namespace dossier

#endif  // DOSSIER_DOC_CORPUS_H_
