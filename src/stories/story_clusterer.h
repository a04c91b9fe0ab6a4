// StoryClusterer: groups a stream of documents into stories (the same
// real-world event or development), one document at a time.
//
// Each document is three bags of terms (StoryFeatures): content words,
// names (entities and capitalized words) and markers (numbers, normalized
// dates, years). Each bag becomes a TF-IDF vector ((1 + ln tf) x
// ln((max(N, min_documents) + 1) / df), L2-normalized) with the document
// frequencies known when the document is added; the similarity of two documents
// is the weighted sum of the three cosines. Add() compares the new document
// with every earlier one (an inverted index, so only documents sharing a term
// are touched) and
//   1. joins the story whose `link_k` most similar members are, on
//      average, most similar to it (members beyond its best `link_k` do not
//      count; a story smaller than `link_k` averages over its size), when
//      that average reaches `join`; otherwise it opens a new story;
//   2. then merges that story with any other whose average-link similarity
//      (mean over all pairs of members) reaches `merge`, best first, until
//      none does. A merged story keeps the older (lower) id.
// Results depend only on the order of Add() calls (deterministic).
// Observe() counts a document's terms into the frequencies without adding
// it: a batch caller can observe the whole corpus first so that early
// documents get corpus-wide weights (Add(f, /*observed=*/true) then does
// not count it again). Cost: each Add is linear in the postings of its
// terms plus the stories it touches. Not thread-safe (one writer).
#ifndef DOSSIER_STORIES_STORY_CLUSTERER_H_
#define DOSSIER_STORIES_STORY_CLUSTERER_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace dossier {

// The terms of one document; a term repeated n times has frequency n.
struct StoryFeatures {
  std::vector<std::string> words;    // content words, lower case
  std::vector<std::string> names;    // names and name words, lower case
  std::vector<std::string> markers;  // numbers, dates ("t:2025-05-15"), ...
};

struct StoryOptions {
  // Defaults tuned on ECB+ topics 1-35 (docs/evaluation.md, `stories`).
  double word_weight = 0.35;
  double name_weight = 0.35;
  double marker_weight = 0.3;
  int link_k = 3;       // members that decide a join
  double join = 0.20;   // minimum top-k link similarity to join a story
  double merge = 0.20;  // minimum average-link similarity to merge stories
  // A merge also needs the average-link similarity of the two stories to
  // reach this share of the cohesion (mean similarity of member pairs) of
  // each story with 2+ members: two tight stories about different events
  // of one kind stay apart even when their vocabulary is close.
  double relative = 0.0;
  double min_similarity = 0.01;  // pair similarities below are taken as 0
  // IDF counts at least this many documents (ln((max(N, this) + 1) / df)):
  // in a small corpus every term is in a large share of the documents, so
  // plain IDF would weigh the vocabulary of the story itself as noise.
  double min_documents = 50;
  // Refine's last step splits a story of `split_min`+ documents when the
  // graph linking each member to its `split_k` most similar members falls
  // into parts with `split_part`+ documents each: two events of one kind
  // (two trials, two storms) whose average link joined them, though each
  // document's nearest neighbours lie in its own event. 0 turns it off.
  int split_k = 3;
  size_t split_min = 8;
  size_t split_part = 3;
};

class StoryClusterer {
 public:
  explicit StoryClusterer(StoryOptions opts = {});

  // Counts the document's terms into the document frequencies.
  void Observe(const StoryFeatures& f);
  // Adds the next document (index = number of earlier Add calls); returns
  // the id of its story now. Counts its terms unless `observed`.
  uint32_t Add(const StoryFeatures& f, bool observed = false);

  // Batch clean-up of what the stream built, for a caller that has all
  // documents (the corpus stage) or wants to tidy a stream now and then:
  // up to `rounds` passes move each document (in Add order) to the story
  // whose top-k link to it is highest, when that beats its own story's
  // (without itself) and reaches `join`; then stories merge, the closest
  // pair by average link first, while a pair reaches `merge`; then a large
  // story whose nearest-neighbour graph falls apart splits (`split_k`). Makes
  // the result depend less on the order of Add calls. Story ids are kept (a
  // merged story keeps the lower id; a story emptied by moves disappears).
  void Refine(int rounds = 3);

  size_t documents() const { return docs_[0].size(); }
  // The current story of document `doc` (ids of merged stories redirect).
  uint32_t StoryOf(uint32_t doc) const;
  // The live stories in order of their first document; each lists its
  // documents in Add order.
  std::vector<std::vector<uint32_t>> Stories() const;
  // The `n` terms of `kind` (0 words, 1 names, 2 markers) with the largest
  // summed weight over the documents of `docs`, best first (ties: term).
  std::vector<std::string> TopTerms(const std::vector<uint32_t>& docs, int kind,
                                    size_t n) const;
  // The similarity of two added documents (for tests and diagnostics).
  double Similarity(uint32_t a, uint32_t b) const;

 private:
  using Vec = std::vector<std::pair<uint32_t, float>>;  // sorted by term
  struct Kind {
    std::unordered_map<std::string, uint32_t> ids;
    std::vector<std::string> terms;
    std::vector<uint32_t> df;
    std::vector<std::vector<std::pair<uint32_t, float>>> postings;  // doc, w
  };
  struct Story {
    std::vector<uint32_t> members;
    std::unordered_map<uint32_t, double> pair_sums;  // other story -> sum
    double internal = 0;  // sum of similarities of member pairs
    bool live = true;
  };

  Vec MakeVector(int kind, const std::vector<std::string>& terms);
  uint32_t Find(uint32_t story) const;
  // Mean similarity of member pairs; -1 for a story of one document.
  double Cohesion(uint32_t story) const;
  void Merge(uint32_t into, uint32_t from);
  void Rebuild(const std::vector<uint32_t>& assign);
  void Split();

  StoryOptions opts_;
  Kind kinds_[3];
  uint32_t observed_ = 0;
  std::vector<Vec> docs_[3];         // per kind, per document
  std::vector<uint32_t> doc_story_;  // story at the time of joining
  std::vector<std::vector<std::pair<uint32_t, float>>> neighbours_;
  std::vector<Story> stories_;
  std::vector<uint32_t> redirect_;  // merged story -> story it went into
  std::vector<float> acc_;          // scratch, one per document
};

}  // namespace dossier

#endif  // DOSSIER_STORIES_STORY_CLUSTERER_H_
