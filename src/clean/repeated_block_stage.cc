#include "clean/repeated_block_stage.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "clean/normalize.h"

namespace dossier {
namespace {

using clean_internal::CountNormalizedWords;
using clean_internal::Fnv1a64;
using clean_internal::NormalizeForCompare;

struct Occurrence {
  uint32_t doc = 0;
  uint32_t block = 0;
  std::string outlet;  // normalized outlet, "" when unknown
  bool at_edge = false;
  bool prose = false;
  bool sentence = false;  // >= 8 words ending like a sentence
};

// Ends like a sentence: ".", "!", "?" possibly followed by closing quotes.
bool EndsSentence(std::string_view s) {
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\n' || s.back() == '"' ||
          s.back() == '\'' || s.back() == ')')) {
    s.remove_suffix(1);
  }
  // Curly closing quotes (” ’) are three bytes ending in 0x9D / 0x99.
  while (s.size() >= 3 && s[s.size() - 3] == '\xE2' &&
         s[s.size() - 2] == '\x80' &&
         (s.back() == '\x9D' || s.back() == '\x99')) {
    s.remove_suffix(3);
  }
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?');
}

// "The Caldera Herald" and "Caldera Herald" are one outlet.
std::string OutletKey(const std::optional<std::string>& outlet) {
  if (!outlet) return "";
  std::string key = NormalizeForCompare(*outlet);
  if (key.rfind("the ", 0) == 0) key.erase(0, 4);
  return key;
}

class RepeatedAccumulator : public CorpusStage::Accumulator {
 public:
  explicit RepeatedAccumulator(const RepeatedBlockOptions& opts)
      : opts_(opts) {}

  void Consume(uint32_t index, const Document& doc) override {
    const std::vector<Block>& blocks = doc.layers().blocks;
    std::vector<uint32_t> kept;
    kept.reserve(blocks.size());
    for (uint32_t i = 0; i < blocks.size(); ++i) {
      const Block& b = blocks[i];
      if (!b.removed_why.empty()) continue;
      if (b.span.end > doc.text().size() || b.span.start > b.span.end) {
        continue;  // Finalize never marks what it cannot read
      }
      kept.push_back(i);
    }
    const std::string outlet = OutletKey(doc.meta().outlet);
    const size_t k_count = kept.size();
    for (size_t k = 0; k < k_count; ++k) {
      const Block& b = blocks[kept[k]];
      if (b.kind == BlockKind::kTitle || b.kind == BlockKind::kDateline) {
        continue;
      }
      std::string_view text = doc.Slice(b.span);
      std::string norm = NormalizeForCompare(text);
      if (norm.empty()) continue;
      int words = CountNormalizedWords(norm);
      if (words > opts_.max_words) continue;
      Occurrence occ;
      occ.doc = index;
      occ.block = kept[k];
      occ.outlet = outlet;
      occ.at_edge = k < static_cast<size_t>(opts_.head_blocks) ||
                    k + static_cast<size_t>(opts_.tail_blocks) >= k_count;
      occ.prose = words >= opts_.prose_words && EndsSentence(text);
      occ.sentence = words >= 8 && EndsSentence(text);
      by_hash_[Fnv1a64(norm)].push_back(std::move(occ));
    }
  }

  void Merge(Accumulator&& other) override {
    auto& o = static_cast<RepeatedAccumulator&>(other);
    for (auto& [hash, list] : o.by_hash_) {
      std::vector<Occurrence>& mine = by_hash_[hash];
      mine.insert(mine.end(), std::make_move_iterator(list.begin()),
                  std::make_move_iterator(list.end()));
    }
    o.by_hash_.clear();
  }

  std::unordered_map<uint64_t, std::vector<Occurrence>>& by_hash() {
    return by_hash_;
  }

 private:
  const RepeatedBlockOptions opts_;
  std::unordered_map<uint64_t, std::vector<Occurrence>> by_hash_;
};

// Number of distinct documents in `occs` (sorted by doc).
size_t DistinctDocs(const std::vector<const Occurrence*>& occs) {
  size_t n = 0;
  for (size_t i = 0; i < occs.size(); ++i) {
    if (i == 0 || occs[i]->doc != occs[i - 1]->doc) ++n;
  }
  return n;
}

}  // namespace

RepeatedBlockStage::RepeatedBlockStage(RepeatedBlockOptions opts)
    : opts_(opts) {}

std::unique_ptr<CorpusStage::Accumulator> RepeatedBlockStage::NewAccumulator()
    const {
  return std::make_unique<RepeatedAccumulator>(opts_);
}

Status RepeatedBlockStage::Finalize(Accumulator& merged, Corpus& corpus) const {
  auto* acc = dynamic_cast<RepeatedAccumulator*>(&merged);
  if (acc == nullptr) {
    return Status(ErrorCode::kInternal,
                  "repeated_blocks: accumulator of another stage");
  }
  // Documents that share two or more sentence-like blocks with others are
  // copies of one story (wire copies, republished articles): what they share
  // is content, not boilerplate. Duplicate detection handles them.
  std::unordered_map<uint32_t, int> shared_sentences;
  for (const auto& [hash, list] : acc->by_hash()) {
    if (list.size() < 2) continue;
    bool many_docs = false;
    for (const Occurrence& o : list) many_docs |= o.doc != list[0].doc;
    if (!many_docs) continue;
    for (const Occurrence& o : list) {
      if (o.sentence) ++shared_sentences[o.doc];
    }
  }
  for (auto& [hash, list] : acc->by_hash()) {
    if (list.size() < 2) continue;
    bool in_copy = std::any_of(list.begin(), list.end(), [&](const Occurrence& o) {
      auto it = shared_sentences.find(o.doc);
      return it != shared_sentences.end() && it->second >= 2;
    });
    if (in_copy) continue;
    bool all_at_edge =
        std::all_of(list.begin(), list.end(),
                    [](const Occurrence& o) { return o.at_edge; });
    if (!all_at_edge) continue;
    std::sort(list.begin(), list.end(),
              [](const Occurrence& a, const Occurrence& b) {
                if (a.outlet != b.outlet) return a.outlet < b.outlet;
                if (a.doc != b.doc) return a.doc < b.doc;
                return a.block < b.block;
              });
    // Same outlet: documents per outlet.
    bool same_outlet = false;
    for (size_t i = 0; i < list.size() && !same_outlet;) {
      size_t j = i;
      std::vector<const Occurrence*> group;
      while (j < list.size() && list[j].outlet == list[i].outlet) {
        group.push_back(&list[j]);
        ++j;
      }
      if (!list[i].outlet.empty() &&
          DistinctDocs(group) >= static_cast<size_t>(opts_.min_same_outlet)) {
        same_outlet = true;
      }
      i = j;
    }
    bool overall = false;
    if (!same_outlet) {
      bool prose = std::any_of(list.begin(), list.end(),
                               [](const Occurrence& o) { return o.prose; });
      if (!prose) {
        std::vector<const Occurrence*> all;
        all.reserve(list.size());
        for (const Occurrence& o : list) all.push_back(&o);
        std::sort(all.begin(), all.end(),
                  [](const Occurrence* a, const Occurrence* b) {
                    return a->doc < b->doc;
                  });
        overall = DistinctDocs(all) >= static_cast<size_t>(opts_.min_documents);
      }
    }
    if (!same_outlet && !overall) continue;
    for (const Occurrence& o : list) {
      if (o.doc >= corpus.documents.size()) {
        return Status(ErrorCode::kInternal,
                      "repeated_blocks: document index out of range");
      }
      std::vector<Block>& blocks = corpus.documents[o.doc].layers().blocks;
      if (o.block >= blocks.size()) {
        return Status(ErrorCode::kInternal,
                      "repeated_blocks: block index out of range");
      }
      if (blocks[o.block].removed_why.empty()) {
        blocks[o.block].removed_why = "repeated_block";
      }
    }
  }
  return Status::Ok();
}

}  // namespace dossier
