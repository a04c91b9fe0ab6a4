#include "time/timeline_stage.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "time/calendar.h"
#include "time/time_context.h"

namespace dossier {
namespace {

// Reports sharing this many context keys are about the same thing.
constexpr size_t kMinShared = 2;
constexpr size_t kMaxKeywords = 8;

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
  std::vector<size_t> parent(reports.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (const auto& [date, ids] : by_date) {
    for (size_t x = 0; x < ids.size(); ++x) {
      for (size_t y = x + 1; y < ids.size(); ++y) {
        const Report& a = reports[ids[x]];
        const Report& b = reports[ids[y]];
        const bool same_sentence =
            a.span.doc == b.span.doc && a.span.sentence == b.span.sentence;
        if (same_sentence || SharedKeys(a.keys, b.keys).size() >= kMinShared) {
          parent[Find(parent, ids[x])] = Find(parent, ids[y]);
        }
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
