#include "time/timeline_stage.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "time/calendar.h"
#include "time/time_context.h"

namespace dossier {
namespace {

// Reports sharing this many context keys are about the same thing.
constexpr size_t kMinShared = 2;
constexpr size_t kMaxKeywords = 8;
constexpr size_t kIndexed = 8;
constexpr size_t kMaxPostings = 256;

struct Report {
  TimelineSpan span;
  std::string date;  // the value, a day without its time of day
  int64_t first = 0, last = 0;
  std::vector<std::string> keys;
};

class Acc : public CorpusStage::Accumulator {
 public:
  void Consume(uint32_t index, const Document& doc) override {
    const Layers& l = doc.layers();
    for (const Timex& t : l.times) {
      if (t.type != TimexType::kDate && t.type != TimexType::kTime) continue;
      if (l.dateline && l.dateline->span.Contains(t.span)) continue;
      std::string date = t.value;
      if (DayOfValue(date)) date.resize(10);
      std::optional<std::pair<int64_t, int64_t>> b = ValueBounds(date);
      if (!b) continue;
      const int si = SentenceAt(doc, t.span.start);
      if (si < 0) continue;
      Report r;
      r.span.doc = index;
      r.span.time = t.span;
      r.span.sentence = l.sentences[si].span;
      r.span.value = t.value;
      for (uint32_t q = 0; q < l.quotes.size(); ++q) {
        const Span qs = l.quotes[q].span;
        if (qs.start < r.span.sentence.end && qs.end > r.span.sentence.start) {
          r.span.quote = static_cast<int32_t>(q);
          break;
        }
      }
      r.date = std::move(date);
      r.first = b->first;
      r.last = b->second;
      r.keys = TimeContextKeys(doc, r.span.sentence, t.span);
      reports_.push_back(std::move(r));
    }
  }
  void Merge(Accumulator&& other) override {
    auto& o = static_cast<Acc&>(other);
    for (Report& r : o.reports_) reports_.push_back(std::move(r));
    o.reports_.clear();
  }
  std::vector<Report>& reports() { return reports_; }

 private:
  std::vector<Report> reports_;
};

size_t Find(std::vector<size_t>& parent, size_t x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

}  // namespace

std::unique_ptr<CorpusStage::Accumulator> TimelineStage::NewAccumulator()
    const {
  return std::make_unique<Acc>();
}

Status TimelineStage::Finalize(Accumulator& merged, Corpus& corpus) const {
  std::vector<Report>& reports = static_cast<Acc&>(merged).reports();
  corpus.timeline.clear();
  // Document, then text order (accumulators see documents in any order).
  std::sort(reports.begin(), reports.end(),
            [](const Report& a, const Report& b) {
              return std::tie(a.span.doc, a.span.time.start) <
                     std::tie(b.span.doc, b.span.time.start);
            });
  std::map<std::string, std::vector<size_t>> by_date;
  for (size_t i = 0; i < reports.size(); ++i) {
    by_date[reports[i].date].push_back(i);
  }
  // Reports of one date are grouped in text order: a report joins the
  // groups it shares at least kMinShared keys with (or its sentence), found
  // through an index from keys to groups; groups it links are merged. A
  // group is indexed by the keys of its first kIndexed reports only, and
  // keys naming more than kMaxPostings groups are passed over, so the cost
  // stays near linear on large corpora.
  std::vector<size_t> parent(reports.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (const auto& [date, ids] : by_date) {
    std::unordered_map<std::string_view, std::vector<size_t>> key_groups;
    std::map<std::pair<uint32_t, uint32_t>, size_t> sentence_group;
    std::unordered_map<size_t, size_t> indexed;  // root -> reports indexed
    for (size_t id : ids) {
      const Report& r = reports[id];
      std::unordered_map<size_t, size_t> shared;
      for (const std::string& k : r.keys) {
        auto it = key_groups.find(k);
        if (it == key_groups.end() || it->second.size() > kMaxPostings) {
          continue;
        }
        std::vector<size_t> roots;
        for (size_t g : it->second) roots.push_back(Find(parent, g));
        std::sort(roots.begin(), roots.end());
        roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
        for (size_t g : roots) ++shared[g];
      }
      std::vector<size_t> join;
      for (const auto& [g, n] : shared) {
        if (n >= kMinShared) join.push_back(g);
      }
      const std::pair<uint32_t, uint32_t> sk{r.span.doc, r.span.sentence.start};
      if (auto it = sentence_group.find(sk); it != sentence_group.end()) {
        join.push_back(Find(parent, it->second));
      }
      size_t root = id;
      for (size_t g : join) {
        const size_t a = Find(parent, g), b = Find(parent, root);
        if (a != b) parent[std::max(a, b)] = std::min(a, b);
      }
      root = Find(parent, id);
      sentence_group.emplace(sk, root);
      if (indexed[root]++ < kIndexed) {
        for (const std::string& k : r.keys) key_groups[k].push_back(root);
      }
    }
  }
  std::map<size_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < reports.size(); ++i) {
    groups[Find(parent, i)].push_back(i);
  }
  for (const auto& [root, members] : groups) {
    const Report& head = reports[members.front()];
    TimelineItem item;
    item.date = head.date;
    item.earliest = FormatDate(CivilFromDays(head.first));
    item.latest = FormatDate(CivilFromDays(head.last));
    // Keys most of its reports share (all of a single report's).
    std::map<std::string, size_t> count;
    for (size_t m : members) {
      for (const std::string& k : reports[m].keys) ++count[k];
    }
    const size_t need = members.size() == 1 ? 1 : 2;
    std::vector<std::pair<size_t, std::string>> words;
    for (const auto& [k, n] : count) {
      if (n < need) continue;
      if (k[0] == '#') {
        item.entities.push_back(std::stoi(k.substr(1)));
      } else if (k[0] != '@') {
        words.push_back({n, k});
      }
    }
    std::stable_sort(
        words.begin(), words.end(),
        [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t i = 0; i < words.size() && i < kMaxKeywords; ++i) {
      const TimelineSpan& s = head.span;
      item.keywords.push_back(
          s.doc < corpus.documents.size()
              ? KeySurface(corpus.documents[s.doc], s.sentence, words[i].second)
              : words[i].second);
    }
    for (size_t m : members) item.spans.push_back(reports[m].span);
    corpus.timeline.push_back(std::move(item));
  }
  std::stable_sort(corpus.timeline.begin(), corpus.timeline.end(),
                   [](const TimelineItem& a, const TimelineItem& b) {
                     return std::tie(a.earliest, a.latest, a.spans[0].doc,
                                     a.spans[0].time.start) <
                            std::tie(b.earliest, b.latest, b.spans[0].doc,
                                     b.spans[0].time.start);
                   });
  return Status::Ok();
}

}  // namespace dossier
