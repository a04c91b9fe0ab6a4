#include "dedup/dedup_stage.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>
#include <utility>
#include <vector>

namespace dossier {
namespace {

constexpr uint64_t kFnvOffset = 1469598103934665603ULL;
constexpr uint64_t kFnvPrime = 1099511628211ULL;

uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z') || c >= 0x80;
}

struct DocSig {
  uint32_t index = 0;
  uint32_t words = 0;
  uint32_t length = 0;
  uint64_t exact = 0;
  DedupStage::Signature sig{};
};

class DedupAccumulator : public CorpusStage::Accumulator {
 public:
  explicit DedupAccumulator(const DedupStage& stage) : stage_(stage) {}
  void Consume(uint32_t index, const Document& doc) override {
    DocSig d;
    d.index = index;
    d.length = static_cast<uint32_t>(doc.text().size());
    stage_.Sign(doc.text(), &d.sig, &d.exact, &d.words);
    sigs_.push_back(d);
  }
  void Merge(Accumulator&& other) override {
    auto& o = static_cast<DedupAccumulator&>(other);
    sigs_.insert(sigs_.end(), o.sigs_.begin(), o.sigs_.end());
  }
  std::vector<DocSig>& sigs() { return sigs_; }

 private:
  const DedupStage& stage_;
  std::vector<DocSig> sigs_;
};

}  // namespace

DedupStage::DedupStage(DedupOptions opts) : opts_(opts) {
  uint64_t state = 0x5EEDD05511E5ULL;  // fixed: signatures are reproducible
  for (int i = 0; i < kHashes; ++i) {
    mul_[i] = SplitMix64(state) | 1;
    add_[i] = SplitMix64(state);
  }
}

void DedupStage::Sign(std::string_view text, Signature* sig, uint64_t* exact,
                      uint32_t* words) const {
  sig->fill(~uint64_t{0});
  const int k = std::max(1, opts_.shingle_words);
  // Hashes of the last k words, in a ring.
  std::vector<uint64_t> ring(static_cast<size_t>(k), 0);
  uint64_t all = kFnvOffset;
  uint32_t n = 0;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() &&
           !IsWordByte(static_cast<unsigned char>(text[i]))) {
      ++i;
    }
    if (i >= text.size()) break;
    uint64_t h = kFnvOffset;
    while (i < text.size() && IsWordByte(static_cast<unsigned char>(text[i]))) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
      h = (h ^ c) * kFnvPrime;
      all = (all ^ c) * kFnvPrime;
      ++i;
    }
    all = (all ^ ' ') * kFnvPrime;
    ring[n % k] = h;
    ++n;
    if (n < static_cast<uint32_t>(k)) continue;
    uint64_t shingle = kFnvOffset;
    for (int j = 0; j < k; ++j) {
      shingle = (shingle ^ ring[(n - k + j) % k]) * kFnvPrime;
    }
    for (int j = 0; j < kHashes; ++j) {
      const uint64_t v = shingle * mul_[j] + add_[j];
      if (v < (*sig)[j]) (*sig)[j] = v;
    }
  }
  *exact = all;
  *words = n;
}

double DedupStage::Similarity(const Signature& a, const Signature& b) {
  int same = 0;
  for (int i = 0; i < kHashes; ++i) same += a[i] == b[i];
  return static_cast<double>(same) / kHashes;
}

double DedupStage::Containment(double jaccard, uint32_t size_a,
                               uint32_t size_b) {
  // |A & B| = J (|A| + |B|) / (1 + J); divided by the smaller set.
  const double small = std::min(size_a, size_b);
  if (small <= 0) return 0;
  const double shared = jaccard * (size_a + size_b) / (1.0 + jaccard);
  return std::min(1.0, shared / small);
}

std::unique_ptr<CorpusStage::Accumulator> DedupStage::NewAccumulator() const {
  return std::make_unique<DedupAccumulator>(*this);
}

Status DedupStage::Finalize(Accumulator& merged, Corpus& corpus) const {
  std::vector<DocSig>& sigs = static_cast<DedupAccumulator&>(merged).sigs();
  std::sort(sigs.begin(), sigs.end(),
            [](const DocSig& a, const DocSig& b) { return a.index < b.index; });
  const size_t n = sigs.size();
  for (const DocSig& d : sigs) {
    if (d.index >= corpus.documents.size()) {
      return Status(ErrorCode::kInternal, "dedup: bad document index");
    }
  }
  std::vector<size_t> parent(n);
  std::iota(parent.begin(), parent.end(), size_t{0});
  auto find = [&parent](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  auto unite = [&](size_t a, size_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  };
  const uint32_t min_words = static_cast<uint32_t>(2 * opts_.shingle_words);
  const uint32_t k = static_cast<uint32_t>(std::max(1, opts_.shingle_words));
  auto shingles = [k](const DocSig& d) {
    return d.words >= k ? d.words - k + 1 : 0;
  };
  // Similarity as reported: Jaccard, or containment when that is higher.
  auto similarity = [&](const DocSig& a, const DocSig& b) {
    const double j = Similarity(a.sig, b.sig);
    return std::max(j, Containment(j, shingles(a), shingles(b)));
  };
  auto Similar = [&](const DocSig& a, const DocSig& b) {
    const double j = Similarity(a.sig, b.sig);
    return j >= opts_.threshold ||
           Containment(j, shingles(a), shingles(b)) >= opts_.containment;
  };
  std::unordered_map<uint64_t, size_t> exact;
  constexpr int kRows = kHashes / kBands;
  std::vector<std::unordered_map<uint64_t, std::vector<size_t>>> bands(kBands);
  for (size_t i = 0; i < n; ++i) {
    const DocSig& d = sigs[i];
    if (d.words == 0) continue;
    auto [it, fresh] = exact.emplace(d.exact, i);
    if (!fresh) {
      unite(it->second, i);
      continue;
    }
    if (d.words < min_words) continue;  // too short to compare by shingles
    for (int b = 0; b < kBands; ++b) {
      uint64_t key = kFnvOffset;
      for (int r = 0; r < kRows; ++r) {
        key = (key ^ d.sig[b * kRows + r]) * kFnvPrime;
      }
      std::vector<size_t>& bucket = bands[b][key];
      for (size_t j : bucket) {
        if (find(j) != find(i) && Similar(sigs[j], d)) unite(j, i);
      }
      if (bucket.size() < 64) bucket.push_back(i);  // cap pathological buckets
    }
  }
  // Groups: keep the longest document (then the first), fold the others.
  std::unordered_map<size_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < n; ++i) groups[find(i)].push_back(i);
  std::vector<size_t> roots;
  for (const auto& [root, members] : groups) {
    if (members.size() > 1) roots.push_back(root);
  }
  std::sort(roots.begin(), roots.end());
  for (size_t root : roots) {
    const std::vector<size_t>& members = groups[root];
    size_t keep = members[0];
    for (size_t m : members) {
      if (sigs[m].length > sigs[keep].length) keep = m;
    }
    Document& kept = corpus.documents[sigs[keep].index];
    for (size_t m : members) {
      if (m == keep) continue;
      Document& copy = corpus.documents[sigs[m].index];
      copy.meta().is_duplicate = true;
      DuplicateRef ref;
      ref.id = copy.meta().id;
      ref.source = copy.meta().source;
      ref.outlet = copy.meta().outlet;
      ref.similarity = sigs[m].exact == sigs[keep].exact
                           ? 1.0
                           : similarity(sigs[m], sigs[keep]);
      // A copy's publication date stands in for a missing one (the same
      // story was out by then); marked inferred.
      if (kept.meta().published.empty() && !copy.meta().published.empty()) {
        kept.meta().published = copy.meta().published;
        kept.meta().published_how = PublishedHow::kInferred;
      }
      kept.meta().duplicates.push_back(std::move(ref));
    }
  }
  return Status::Ok();
}

}  // namespace dossier
