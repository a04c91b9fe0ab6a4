// DedupStage: finds exact and near-duplicate documents across the input and
// keeps one document per group.
//
// Every document's clean body (after boilerplate removal, so wire copies with
// different footers compare equal) is reduced to lower-cased word shingles.
// Exact copies share a hash of the normalized words; near copies are found
// with MinHash signatures and locality-sensitive hashing (bands of rows),
// then confirmed by the signatures' estimated Jaccard similarity against
// `threshold`, or by the estimated share of the shorter text's shingles
// inside the longer one against `containment` (a trimmed wire copy). In each
// group the longest document (then the first in input order) is kept and lists
// the others in DocMeta::duplicates; the others are marked
// DocMeta::is_duplicate and the driver drops them, so later stages count the
// group once. Corpus stage (reads text, meta; writes meta). Immutable;
// deterministic for any number of worker threads.
#ifndef DOSSIER_DEDUP_DEDUP_STAGE_H_
#define DOSSIER_DEDUP_DEDUP_STAGE_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string_view>

#include "pipeline/stage.h"

namespace dossier {

struct DedupOptions {
  double threshold = 0.7;  // estimated Jaccard similarity for near copies
  // A shorter text whose shingles lie (estimated) this much inside a longer
  // one is a trimmed copy of it, whatever the Jaccard similarity.
  double containment = 0.9;
  int shingle_words = 3;
};

class DedupStage : public CorpusStage {
 public:
  static constexpr int kHashes = 64;  // MinHash signature length
  static constexpr int kBands = 32;   // LSH bands of kHashes / kBands rows
  using Signature = std::array<uint64_t, kHashes>;

  explicit DedupStage(DedupOptions opts = {});

  std::string_view name() const override { return "dedup"; }
  LayerSet reads() const override { return Layer::kText | Layer::kMeta; }
  LayerSet writes() const override { return Bit(Layer::kMeta); }
  std::unique_ptr<Accumulator> NewAccumulator() const override;
  Status Finalize(Accumulator& merged, Corpus& corpus) const override;

  // The MinHash signature of `text`'s word shingles, its exact-text hash
  // and its number of words. Exposed for tests.
  void Sign(std::string_view text, Signature* sig, uint64_t* exact,
            uint32_t* words) const;
  // Estimated Jaccard similarity of two signatures.
  static double Similarity(const Signature& a, const Signature& b);
  // Estimated share of the smaller set inside the larger, from the Jaccard
  // estimate `jaccard` and the two sets' sizes.
  static double Containment(double jaccard, uint32_t size_a, uint32_t size_b);

 private:
  DedupOptions opts_;
  std::array<uint64_t, kHashes> mul_;
  std::array<uint64_t, kHashes> add_;
};

}  // namespace dossier

#endif  // DOSSIER_DEDUP_DEDUP_STAGE_H_
