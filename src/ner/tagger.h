// NerModel: a trained named-entity tagger for English news text with the
// CoNLL-2003 types (PER, ORG, LOC, MISC).
//
// The model is an averaged structured perceptron over BILOU tags: each
// token's hashed features (ner/features.h) score the 17 tags, a first-order
// Viterbi search with hard BILOU constraints picks the best well-formed tag
// sequence per sentence, and the tags become entity spans. Sentences of a
// document are tagged in order, and each sentence sees what was predicted
// for the same words earlier in the document (plus document-wide
// capitalisation facts), so tag a whole document with TagDocument() when you
// have one.
//
// A model is immutable once loaded; Tag/TagDocument are const and
// thread-safe (any number of threads may share one model), each thread using
// its own NerScratch. With a warm scratch, tagging allocates nothing.
// Tokens are UTF-8 strings as produced by a tokenizer (punctuation split
// off, as in CoNLL); case and ASCII letters matter, other bytes are opaque.
#ifndef DOSSIER_NER_TAGGER_H_
#define DOSSIER_NER_TAGGER_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "ner/conll.h"
#include "ner/decode.h"
#include "ner/features.h"

namespace dossier {

// Caller-owned buffers for tagging; reuse one per thread. Not thread-safe.
struct NerScratch {
  ner_internal::FeatureScratch features;
  ner_internal::DecodeScratch decode;
  std::vector<int32_t> emit;
  std::vector<uint8_t> tags;
  std::vector<uint32_t> sentence_ends;
};

// What a model file says about itself.
struct NerModelInfo {
  uint32_t features = 0;       // feature rows
  uint32_t gazetteer_entries = 0;
  uint32_t epochs = 0;
  uint64_t seed = 0;
  float scale = 0;
};

class NerModel {
 public:
  // Reads a model file (kUnreadable when it cannot be read,
  // kInvalidArgument when it is not a valid model of this version).
  static StatusOr<NerModel> Load(const std::string& path);
  // Parses model bytes (as written by TrainNer).
  static StatusOr<NerModel> FromBytes(std::string_view bytes);

  // Tags one document: `tokens` in order, `sentence_ends` the exclusive end
  // index of each sentence (increasing, last == tokens.size(); empty when
  // tokens is empty). Replaces `out` with the entities, in order, as token
  // indexes into `tokens`. Invalid sentence ends (not increasing, beyond
  // the tokens) are clamped; the tokens after the last end form a sentence.
  void TagDocument(std::span<const std::string_view> tokens,
                   std::span<const uint32_t> sentence_ends,
                   NerScratch* scratch, std::vector<NerSpan>* out) const;

  // Tags a single sentence (a one-sentence document).
  void Tag(std::span<const std::string_view> tokens, NerScratch* scratch,
           std::vector<NerSpan>* out) const;

  // Like TagDocument, but writes the BILOU tag of every token to `tags`
  // (0 = O; see ner/features.h). For tests and diagnostics.
  void TagDocumentTags(std::span<const std::string_view> tokens,
                       std::span<const uint32_t> sentence_ends,
                       NerScratch* scratch, std::vector<uint8_t>* tags) const;

  const NerModelInfo& info() const { return info_; }

 private:
  // One open-addressing slot: key = high 32 bits of the feature hash | 1
  // (0 = empty), home slot = low bits; 17 tag weights inline.
  struct Entry {
    uint32_t key;
    int16_t w[ner_internal::kNumTags];
    uint16_t pad;
  };
  static_assert(sizeof(Entry) == 40);

  void Emissions(uint32_t n, NerScratch* s) const;
  void Run(std::span<const std::string_view> tokens,
           std::span<const uint32_t> sentence_ends, NerScratch* s) const;

  std::vector<Entry> table_;
  uint64_t mask_ = 0;
  std::vector<int32_t> trans_;
  ner_internal::Gazetteer gazetteer_;
  NerModelInfo info_;
};

}  // namespace dossier

#endif  // DOSSIER_NER_TAGGER_H_
