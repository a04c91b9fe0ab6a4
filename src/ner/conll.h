// CoNLL-2003 reading and entity span types for the named-entity tagger.
//
// A CoNLL file holds lines "word POS chunk NER" (only the first and last
// columns are read for NER, so 2-column files work too; the second column,
// the POS tag, is kept in ConllDocument::pos when there are 3 or more), blank lines between
// sentences and "-DOCSTART-" lines between documents. NER tags may use IOB1
// (the original CoNLL-2003 files: "I-" everywhere, "B-" only between two
// adjacent entities of one type), IOB2 ("B-" starts every entity) or
// BIOES/BILOU ("S-"/"U-", "E-"/"L-"); spans are decoded with conlleval's
// rule: an entity starts at "B-"/"S-"/"U-" or where the type changes, and
// continues over following "I-"/"E-"/"L-" tags of the same type.
//
// Pure functions and plain values; thread-compatible.
#ifndef DOSSIER_NER_CONLL_H_
#define DOSSIER_NER_CONLL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace dossier {

// The CoNLL-2003 entity types.
enum class NerType : uint8_t { kPer = 0, kOrg = 1, kLoc = 2, kMisc = 3 };
inline constexpr int kNumNerTypes = 4;

// "PER", "ORG", "LOC", "MISC".
std::string_view NerTypeName(NerType type);
// Parses "PER"/"ORG"/"LOC"/"MISC" (also "PERSON", "ORGANIZATION",
// "LOCATION", case-sensitive); false for anything else.
bool ParseNerType(std::string_view name, NerType* type);

// An entity: tokens [begin, end) of a sentence or document, and its type.
struct NerSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  NerType type = NerType::kMisc;
  bool operator==(const NerSpan&) const = default;
};

// One document: all tokens in order, the end index (exclusive) of each
// sentence, and the gold entities (document token indexes, sorted, no
// overlaps). `sentence_ends` is increasing and its last value is
// words.size(); entities never cross a sentence boundary.
struct ConllDocument {
  std::vector<std::string> words;
  std::vector<uint32_t> sentence_ends;
  std::vector<NerSpan> entities;
  // The second column (Penn Treebank POS tag in CoNLL-2003) of every token
  // when every line has at least 3 columns; empty otherwise.
  std::vector<std::string> pos;
};

// Decodes a column of tags (IOB1, IOB2 or BIOES/BILOU) into entities, with
// token indexes offset by `offset`, appended to `out`. A tag that is not "O"
// and not "X-TYPE" with a known type is an error (kEvalData).
Status TagsToSpans(const std::vector<std::string_view>& tags, uint32_t offset,
                   std::vector<NerSpan>* out);

// Parses CoNLL text (see above). `source` names the input in messages.
// An input without any token is an error (kEvalData).
StatusOr<std::vector<ConllDocument>> ParseConll(std::string_view text,
                                                std::string_view source);
// Reads and parses a CoNLL file (kUnreadable if it cannot be read).
StatusOr<std::vector<ConllDocument>> ReadConllFile(const std::string& path);

}  // namespace dossier

#endif  // DOSSIER_NER_CONLL_H_
