#include "stories/story_stage.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <tuple>
#include <unordered_set>
#include <utility>
#include <vector>

namespace dossier {
namespace {

// Case-folded copy of `s` (ICU default folding, per code point).
std::string Fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) continue;
    c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
    char buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, c);
    out.append(buf, static_cast<size_t>(len));
  }
  return out;
}

// Function words and reporting verbs that say nothing about a story.
const std::unordered_set<std::string_view>& Stopwords() {
  static const auto* const kWords = new std::unordered_set<std::string_view>{
      "the",       "and",      "for",      "are",        "was",
      "were",      "been",     "being",    "with",       "from",
      "that",      "this",     "these",    "those",      "its",
      "his",       "her",      "hers",     "their",      "theirs",
      "they",      "them",     "she",      "you",        "your",
      "our",       "ours",     "not",      "has",        "have",
      "had",       "having",   "will",     "would",      "can",
      "could",     "should",   "may",      "might",      "must",
      "shall",     "said",     "says",     "say",        "saying",
      "told",      "also",     "after",    "before",     "over",
      "into",      "about",    "than",     "then",       "there",
      "here",      "which",    "who",      "whom",       "whose",
      "what",      "when",     "where",    "while",      "why",
      "how",       "more",     "most",     "one",        "two",
      "new",       "but",      "all",      "any",        "some",
      "such",      "other",    "only",     "just",       "very",
      "out",       "off",      "own",      "same",       "both",
      "each",      "few",      "many",     "much",       "nor",
      "too",       "yet",      "again",    "once",       "did",
      "does",      "doing",    "done",     "had",        "him",
      "himself",   "herself",  "itself",   "themselves", "because",
      "until",     "against",  "between",  "through",    "during",
      "above",     "below",    "under",    "since",      "upon",
      "onto",      "via",      "per",      "according",  "mr",
      "mrs",       "ms",       "dr",       "like",       "get",
      "got",       "make",     "made",     "year",       "years",
      "time",      "first",    "last",     "now",        "even",
      "still",     "well",     "back",     "way",        "around",
      "already",   "another",  "among",    "within",     "without",
      "whether",   "though",   "although", "however",    "including",
      "according", "people",   "day",      "days",       "week",
      "weeks",     "month",    "months",   "today",      "yesterday",
      "tomorrow",  "monday",   "tuesday",  "wednesday",  "thursday",
      "friday",    "saturday", "sunday",   "news",       "reported",
      "report",    "reports",  "told",     "asked",      "added",
      "later",     "earlier",  "ago",      "next",       "three",
      "four",      "five",     "six",      "seven",      "eight",
      "nine",      "ten",      "don",      "didn",       "doesn",
      "isn",       "wasn",     "won",      "can't",      "it's",
      "he's",      "she's",    "that's"};
  return *kWords;
}

bool IsNameForm(MentionForm f) {
  return f == MentionForm::kName || f == MentionForm::kSurname ||
         f == MentionForm::kTitle;
}

// True for a DATE value with a four-digit year: "2025-05-15", "2025-W20".
bool DatedValue(std::string_view v) {
  if (v.size() < 4) return false;
  for (int i = 0; i < 4; ++i) {
    if (v[i] < '0' || v[i] > '9') return false;
  }
  return true;
}

struct DocInfo {
  uint32_t index = 0;
  std::string published;
  StoryFeatures features;
};

class StoryAccumulator : public CorpusStage::Accumulator {
 public:
  void Consume(uint32_t index, const Document& doc) override {
    docs_.push_back({index, doc.meta().published, StoryFeaturesOf(doc)});
  }
  void Merge(Accumulator&& other) override {
    auto& o = static_cast<StoryAccumulator&>(other);
    for (DocInfo& d : o.docs_) docs_.push_back(std::move(d));
    o.docs_.clear();
  }
  std::vector<DocInfo>& docs() { return docs_; }

 private:
  std::vector<DocInfo> docs_;
};

}  // namespace

StoryFeatures StoryFeaturesOf(const Document& doc) {
  StoryFeatures f;
  const Layers& l = doc.layers();
  const std::string_view text = doc.text();
  const auto& stop = Stopwords();
  // Token starts inside a name mention: capitalized there even when they
  // start a sentence.
  std::vector<Span> name_spans;
  for (const Mention& m : l.mentions) {
    if (!IsNameForm(m.form) || m.name.empty() || m.name.end > text.size()) {
      continue;
    }
    name_spans.push_back(m.name);
    std::string name = Fold(doc.Slice(m.name));
    if (m.entity >= 0) {
      f.names.push_back("e#" + std::to_string(m.entity));
    } else {
      f.names.push_back("n:" + name);
    }
  }
  std::sort(name_spans.begin(), name_spans.end(),
            [](const Span& a, const Span& b) { return a.start < b.start; });
  size_t ni = 0;
  for (const Token& t : l.tokens) {
    if (t.span.end > text.size() || t.span.empty()) continue;
    std::string_view w = doc.Slice(t.span);
    while (ni < name_spans.size() && name_spans[ni].end <= t.span.start) ++ni;
    bool in_name = false;
    for (size_t j = ni;
         j < name_spans.size() && name_spans[j].start <= t.span.start; ++j) {
      if (name_spans[j].Contains(t.span)) in_name = true;
    }
    if (t.flags & kTokenDigit) {
      if (w != "1" && w != "0") f.markers.emplace_back(w);
      continue;
    }
    if (!(t.flags & kTokenAlpha) || w.size() < 2) continue;
    std::string lower = Fold(w);
    const bool is_stop = stop.count(lower) > 0;
    if ((t.flags & kTokenUpperInitial) &&
        (in_name || !(t.flags & kTokenSentenceStart)) && !is_stop) {
      f.names.push_back(lower);
    }
    if (w.size() >= 3 && !is_stop) f.words.push_back(std::move(lower));
  }
  for (const Timex& t : l.times) {
    if (t.type != TimexType::kDate || !DatedValue(t.value)) continue;
    f.markers.push_back("t:" + t.value);
    f.markers.push_back("y:" + t.value.substr(0, 4));
  }
  return f;
}

std::unique_ptr<CorpusStage::Accumulator> StoryStage::NewAccumulator() const {
  return std::make_unique<StoryAccumulator>();
}

Status StoryStage::Finalize(Accumulator& merged, Corpus& corpus) const {
  std::vector<DocInfo>& docs = static_cast<StoryAccumulator&>(merged).docs();
  for (const DocInfo& d : docs) {
    if (d.index >= corpus.documents.size()) {
      return Status(ErrorCode::kInternal, "stories: bad document index");
    }
  }
  // Stable order: publication date (undated first), then corpus order.
  std::sort(docs.begin(), docs.end(), [](const DocInfo& a, const DocInfo& b) {
    return std::tie(a.published, a.index) < std::tie(b.published, b.index);
  });
  StoryClusterer clusterer(opts_);
  for (const DocInfo& d : docs) clusterer.Observe(d.features);
  for (const DocInfo& d : docs) clusterer.Add(d.features, /*observed=*/true);
  clusterer.Refine();

  // Stories in corpus order of their first document.
  std::vector<std::vector<uint32_t>> groups;
  std::vector<std::vector<uint32_t>> added;  // clusterer indices
  for (const std::vector<uint32_t>& members : clusterer.Stories()) {
    std::vector<uint32_t> g;
    for (uint32_t m : members) g.push_back(docs[m].index);
    std::sort(g.begin(), g.end());
    groups.push_back(std::move(g));
    added.push_back(members);
  }
  std::vector<size_t> order(groups.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&groups](size_t a, size_t b) {
    return groups[a].front() < groups[b].front();
  });

  corpus.stories.clear();
  for (Document& d : corpus.documents) d.meta().story.clear();
  for (size_t rank = 0; rank < order.size(); ++rank) {
    const std::vector<uint32_t>& g = groups[order[rank]];
    Story s;
    s.id = "s" + std::to_string(rank + 1);
    s.documents = g;
    s.keywords = clusterer.TopTerms(added[order[rank]], 0, 5);
    // Main entities: named (not only by pronoun or descriptor) in most of
    // the story's documents; ties: more mentions, then the earlier entity.
    std::map<int32_t, std::pair<int, int>> counts;  // docs, mentions
    for (uint32_t di : g) {
      Document& doc = corpus.documents[di];
      doc.meta().story = s.id;
      std::unordered_set<int32_t> seen;
      for (const Mention& m : doc.layers().mentions) {
        if (m.entity < 0 ||
            static_cast<size_t>(m.entity) >= corpus.entities.size() ||
            !IsNameForm(m.form)) {
          continue;
        }
        auto& c = counts[m.entity];
        ++c.second;
        if (seen.insert(m.entity).second) ++c.first;
      }
      const std::string& p = doc.meta().published;
      if (!p.empty()) {
        if (s.first_published.empty() || p < s.first_published) {
          s.first_published = p;
        }
        if (p > s.last_published) s.last_published = p;
      }
    }
    std::vector<std::tuple<int, int, int32_t>> ranked;
    for (const auto& [e, c] : counts)
      ranked.push_back({-c.first, -c.second, e});
    std::sort(ranked.begin(), ranked.end());
    for (size_t i = 0; i < ranked.size() && i < 5; ++i) {
      s.entities.push_back(std::get<2>(ranked[i]));
    }
    std::vector<std::string_view> names;  // distinct, up to three
    for (int32_t e : s.entities) {
      std::string_view name = corpus.entities[e].name;
      if (names.size() >= 3 ||
          std::find(names.begin(), names.end(), name) != names.end()) {
        continue;
      }
      names.push_back(name);
      if (!s.label.empty()) s.label += ", ";
      s.label += name;
    }
    if (s.label.empty()) {
      for (size_t i = 0; i < s.keywords.size() && i < 3; ++i) {
        if (!s.label.empty()) s.label += ", ";
        s.label += s.keywords[i];
      }
    }
    corpus.stories.push_back(std::move(s));
  }
  return Status::Ok();
}

}  // namespace dossier
