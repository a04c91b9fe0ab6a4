// Feature extraction for the named-entity tagger (internal to src/ner, used
// by both training and tagging so that they see identical features).
//
// A document is given as tokens plus sentence ends. PrepareDocument() makes
// one pass over the document: per-token hashes (word, lower case with digits
// mapped to '0', shape, compressed shape, prefixes and suffixes of 1-4
// bytes), case flags, headline (all-caps sentence) marks, gazetteer matches
// and document-level facts about each lower-cased word (seen capitalized
// inside a sentence, seen in lower case, seen in capitals). Then, sentence by
// sentence, ExtractSentenceFeatures() writes each token's feature hashes
// (64-bit; template id mixed in) and RecordHistory() adds the tags that were
// predicted for the sentence to the document's prediction history, which the
// following sentences see as features ("this word was tagged ORG earlier in
// the document").
//
// Everything is deterministic (FNV-1a and fixed mixing; no seeds, no
// pointers). The scratch holds all buffers; it grows to the largest document
// seen and is reused, so steady-state extraction allocates nothing. A
// scratch is used by one thread at a time; the functions are reentrant.
#ifndef DOSSIER_NER_FEATURES_H_
#define DOSSIER_NER_FEATURES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace dossier {
namespace ner_internal {

// Bumped whenever the features computed for a given input change; a model
// records the version it was trained with and is rejected by other code.
inline constexpr uint32_t kFeatureSetVersion = 1;

// BILOU tags: 0 = O; 1 + 4 * type + {0: B, 1: I, 2: L, 3: U}.
inline constexpr int kNumTags = 17;
inline constexpr int TagType(int tag) { return (tag - 1) >> 2; }
inline constexpr int TagPart(int tag) { return (tag - 1) & 3; }
enum TagPartId { kB = 0, kI = 1, kL = 2, kU = 3 };
inline constexpr int MakeTag(int type, int part) { return 1 + 4 * type + part; }

// 64-bit FNV-1a, then a murmur3 finalizer.
uint64_t HashBytes(std::string_view s);

// A phrase list: lower-cased token sequences, each with a set of types.
// File format: UTF-8 text, one entry a line "TYPE<TAB>phrase" (TYPE is
// PER/ORG/LOC/MISC; phrase tokens separated by spaces), '#' comments.
// Immutable after construction; thread-safe for lookups.
class Gazetteer {
 public:
  static constexpr int kMaxPhraseTokens = 8;

  static StatusOr<Gazetteer> LoadFile(const std::string& path);
  // Builds from sorted-unique `keys` (phrase hashes) and their type masks;
  // used when loading a model.
  static Gazetteer FromTables(std::vector<uint64_t> keys,
                              std::vector<uint8_t> masks, int max_tokens);

  bool empty() const { return keys_.empty(); }
  int max_tokens() const { return max_tokens_; }
  const std::vector<uint64_t>& keys() const { return keys_; }
  const std::vector<uint8_t>& masks() const { return masks_; }
  // Type mask (bit t = NerType t) of the phrase with this hash, 0 if none.
  uint8_t Find(uint64_t phrase_hash) const;
  // Hash of a phrase continued by one more token's lower-case hash.
  static uint64_t Extend(uint64_t phrase_hash, uint64_t token_lower_hash);
  static constexpr uint64_t kEmptyPhrase = 0x51ed27069d1a0f3bULL;

 private:
  std::vector<uint64_t> keys_;
  std::vector<uint8_t> masks_;
  int max_tokens_ = 0;
};

struct TokenInfo {
  uint64_t word, lower, shape, short_shape;
  uint64_t prefix[4], suffix[4];  // 0 where the word is shorter
  uint32_t flags;
  uint16_t gazetteer;  // bit 4 * type + part (BILU) of matching phrases
  uint8_t case_class;  // CaseClass
};

enum CaseClass : uint8_t { kLowerCase, kTitleCase, kAllCaps, kMixedCase,
                           kNoLetters };

// Per-document facts for one lower-cased word.
struct DocEntry {
  uint64_t key;  // 0 = empty slot
  uint8_t facts;
  uint16_t history[5];  // PER ORG LOC MISC O
};

struct FeatureScratch {
  std::vector<TokenInfo> info;
  std::vector<uint8_t> headline;  // per sentence
  std::vector<uint32_t> sentence_of;
  std::vector<DocEntry> doc;      // open addressing, power-of-two size
  std::vector<uint32_t> doc_slot;  // per token: index into `doc`
  std::vector<uint64_t> feats;     // features of the current sentence
  std::vector<uint32_t> offsets;   // token i: feats[offsets[i], offsets[i+1])
};

// Computes per-token and document-level information. `sentence_ends` as in
// ConllDocument (increasing, last == n); `gazetteer` may be null.
void PrepareDocument(const std::string_view* tokens, size_t n,
                     const uint32_t* sentence_ends, size_t num_sentences,
                     const Gazetteer* gazetteer, FeatureScratch* s);

// Writes the features of tokens [begin, end) (one sentence) to s->feats and
// s->offsets (end - begin + 1 entries, starting at 0).
void ExtractSentenceFeatures(uint32_t begin, uint32_t end, FeatureScratch* s);

// Adds predicted tags (one per token of [begin, end)) to the history.
void RecordHistory(uint32_t begin, uint32_t end, const uint8_t* tags,
                   FeatureScratch* s);

}  // namespace ner_internal
}  // namespace dossier

#endif  // DOSSIER_NER_FEATURES_H_
