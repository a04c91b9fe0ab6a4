#include "stories/story_clusterer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace dossier {

StoryClusterer::StoryClusterer(StoryOptions opts) : opts_(opts) {
  if (opts_.link_k < 1) opts_.link_k = 1;
}

void StoryClusterer::Observe(const StoryFeatures& f) {
  const std::vector<std::string>* bags[3] = {&f.words, &f.names, &f.markers};
  for (int k = 0; k < 3; ++k) {
    Kind& kind = kinds_[k];
    std::vector<uint32_t> seen;
    seen.reserve(bags[k]->size());
    for (const std::string& t : *bags[k]) {
      auto [it, added] =
          kind.ids.try_emplace(t, static_cast<uint32_t>(kind.terms.size()));
      if (added) {
        kind.terms.push_back(t);
        kind.df.push_back(0);
        kind.postings.emplace_back();
      }
      seen.push_back(it->second);
    }
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    for (uint32_t id : seen) ++kind.df[id];
  }
  ++observed_;
}

StoryClusterer::Vec StoryClusterer::MakeVector(
    int k, const std::vector<std::string>& terms) {
  const Kind& kind = kinds_[k];
  std::map<uint32_t, int> tf;
  for (const std::string& t : terms) {
    auto it = kind.ids.find(t);
    if (it != kind.ids.end()) ++tf[it->second];
  }
  Vec v;
  v.reserve(tf.size());
  double norm = 0;
  double n = std::max<double>(observed_, opts_.min_documents);
  n = std::max(n, 1.0);
  for (const auto& [id, count] : tf) {
    const double df = std::max<uint32_t>(kind.df[id], 1);
    const double w = (1.0 + std::log(count)) * std::log((n + 1) / df);
    if (w <= 0) continue;
    v.push_back({id, static_cast<float>(w)});
    norm += w * w;
  }
  if (norm > 0) {
    const float inv = static_cast<float>(1.0 / std::sqrt(norm));
    for (auto& [id, w] : v) w *= inv;
  }
  return v;
}

uint32_t StoryClusterer::Find(uint32_t story) const {
  while (redirect_[story] != story) story = redirect_[story];
  return story;
}

uint32_t StoryClusterer::StoryOf(uint32_t doc) const {
  return Find(doc_story_[doc]);
}

double StoryClusterer::Similarity(uint32_t a, uint32_t b) const {
  const double weights[3] = {opts_.word_weight, opts_.name_weight,
                             opts_.marker_weight};
  double sim = 0;
  for (int k = 0; k < 3; ++k) {
    const Vec& x = docs_[k][a];
    const Vec& y = docs_[k][b];
    double dot = 0;
    size_t i = 0, j = 0;
    while (i < x.size() && j < y.size()) {
      if (x[i].first < y[j].first) {
        ++i;
      } else if (y[j].first < x[i].first) {
        ++j;
      } else {
        dot += static_cast<double>(x[i++].second) * y[j++].second;
      }
    }
    sim += weights[k] * dot;
  }
  return sim;
}

double StoryClusterer::Cohesion(uint32_t story) const {
  const Story& s = stories_[story];
  const double n = static_cast<double>(s.members.size());
  return n < 2 ? -1.0 : s.internal / (n * (n - 1) / 2);
}

void StoryClusterer::Merge(uint32_t into, uint32_t from) {
  Story& a = stories_[into];
  Story& b = stories_[from];
  auto cross = a.pair_sums.find(from);
  a.internal += b.internal + (cross == a.pair_sums.end() ? 0 : cross->second);
  for (uint32_t d : b.members) a.members.push_back(d);
  std::sort(a.members.begin(), a.members.end());
  for (const auto& [other, sum] : b.pair_sums) {
    if (other == into) continue;
    a.pair_sums[other] += sum;
    Story& o = stories_[other];
    o.pair_sums.erase(from);
    o.pair_sums[into] += sum;
  }
  a.pair_sums.erase(from);
  b.members.clear();
  b.pair_sums.clear();
  b.live = false;
  redirect_[from] = into;
}

uint32_t StoryClusterer::Add(const StoryFeatures& f, bool observed) {
  if (!observed) Observe(f);
  const uint32_t doc = static_cast<uint32_t>(docs_[0].size());
  const std::vector<std::string>* bags[3] = {&f.words, &f.names, &f.markers};
  const double weights[3] = {opts_.word_weight, opts_.name_weight,
                             opts_.marker_weight};
  acc_.assign(doc, 0.0f);
  std::vector<uint32_t> touched;
  for (int k = 0; k < 3; ++k) {
    docs_[k].push_back(MakeVector(k, *bags[k]));
    const Vec& v = docs_[k].back();
    for (const auto& [id, w] : v) {
      auto& post = kinds_[k].postings[id];
      for (const auto& [other, ow] : post) {
        if (acc_[other] == 0.0f) touched.push_back(other);
        acc_[other] += static_cast<float>(weights[k] * w * ow);
      }
      post.push_back({doc, w});
    }
  }
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
  std::vector<std::pair<uint32_t, float>> near;
  for (uint32_t o : touched) {
    if (acc_[o] >= opts_.min_similarity) near.push_back({o, acc_[o]});
  }

  // 1. Join: top-k link per story.
  std::map<uint32_t, std::vector<float>> per_story;
  for (const auto& [o, s] : near) per_story[StoryOf(o)].push_back(s);
  int64_t best = -1;
  double best_score = 0;
  for (auto& [story, sims] : per_story) {
    const size_t k =
        std::min<size_t>(opts_.link_k, stories_[story].members.size());
    std::partial_sort(sims.begin(), sims.begin() + std::min(k, sims.size()),
                      sims.end(), std::greater<float>());
    double sum = 0;
    for (size_t i = 0; i < k && i < sims.size(); ++i) sum += sims[i];
    const double score = sum / static_cast<double>(k);
    if (score > best_score) {  // ties: the older story (map order)
      best_score = score;
      best = story;
    }
  }
  uint32_t story;
  if (best >= 0 && best_score >= opts_.join) {
    story = static_cast<uint32_t>(best);
  } else {
    story = static_cast<uint32_t>(stories_.size());
    stories_.emplace_back();
    redirect_.push_back(story);
  }
  stories_[story].members.push_back(doc);
  doc_story_.push_back(story);
  for (const auto& [o, s] : near) {
    const uint32_t t = StoryOf(o);
    if (t == story) {
      stories_[story].internal += s;
      continue;
    }
    stories_[story].pair_sums[t] += s;
    stories_[t].pair_sums[story] += s;
  }
  neighbours_.push_back(std::move(near));

  // 2. Merge while some story is close enough on average.
  while (true) {
    const Story& s = stories_[story];
    int64_t target = -1;
    double target_score = 0;
    const double own = Cohesion(story);
    for (const auto& [other, sum] : s.pair_sums) {
      const double avg =
          sum / (static_cast<double>(s.members.size()) *
                 static_cast<double>(stories_[other].members.size()));
      if (avg < opts_.merge) continue;
      const double theirs = Cohesion(other);
      if (avg < opts_.relative * own || avg < opts_.relative * theirs) continue;
      if (avg > target_score ||
          (avg == target_score && target >= 0 && other < target)) {
        target_score = avg;
        target = other;
      }
    }
    if (target < 0 || target_score < opts_.merge) break;
    uint32_t into = std::min<uint32_t>(story, static_cast<uint32_t>(target));
    uint32_t from = std::max<uint32_t>(story, static_cast<uint32_t>(target));
    Merge(into, from);
    story = into;
  }
  return story;
}

void StoryClusterer::Rebuild(const std::vector<uint32_t>& assign) {
  const uint32_t n = static_cast<uint32_t>(doc_story_.size());
  for (uint32_t t = 0; t < stories_.size(); ++t) {
    stories_[t] = Story();
    redirect_[t] = t;
  }
  for (uint32_t d = 0; d < n; ++d) {
    doc_story_[d] = assign[d];
    stories_[assign[d]].members.push_back(d);
  }
  for (uint32_t d = 0; d < n; ++d) {
    for (const auto& [o, sim] : neighbours_[d]) {
      const uint32_t a = assign[d], b = assign[o];
      if (a == b) {
        stories_[a].internal += sim;
      } else {
        stories_[a].pair_sums[b] += sim;
        stories_[b].pair_sums[a] += sim;
      }
    }
  }
  for (uint32_t t = 0; t < stories_.size(); ++t) {
    if (stories_[t].members.empty()) stories_[t].live = false;
  }
}

void StoryClusterer::Refine(int rounds) {
  const uint32_t n = static_cast<uint32_t>(doc_story_.size());
  if (n == 0) return;
  // Similarities in both directions.
  std::vector<std::vector<std::pair<uint32_t, float>>> adj(n);
  for (uint32_t d = 0; d < n; ++d) {
    for (const auto& [o, sim] : neighbours_[d]) {
      adj[d].push_back({o, sim});
      adj[o].push_back({d, sim});
    }
  }
  std::vector<uint32_t> assign(n);
  std::vector<uint32_t> size(stories_.size(), 0);
  for (uint32_t d = 0; d < n; ++d) {
    assign[d] = StoryOf(d);
    ++size[assign[d]];
  }
  // Top-k link of document d to story t (d itself not counted).
  std::map<uint32_t, std::vector<float>> per_story;
  for (int round = 0; round < rounds; ++round) {
    bool changed = false;
    for (uint32_t d = 0; d < n; ++d) {
      per_story.clear();
      for (const auto& [o, sim] : adj[d]) per_story[assign[o]].push_back(sim);
      const uint32_t cur = assign[d];
      double cur_score = 0, best_score = 0;
      int64_t best = -1;
      for (auto& [t, sims] : per_story) {
        const size_t members = size[t] - (t == cur ? 1 : 0);
        const size_t k = std::min<size_t>(opts_.link_k, members);
        if (k == 0) continue;
        const size_t m = std::min(k, sims.size());
        std::partial_sort(sims.begin(), sims.begin() + m, sims.end(),
                          std::greater<float>());
        double sum = 0;
        for (size_t i = 0; i < m; ++i) sum += sims[i];
        const double score = sum / static_cast<double>(k);
        if (t == cur) cur_score = score;
        if (score > best_score) {
          best_score = score;
          best = t;
        }
      }
      if (best >= 0 && static_cast<uint32_t>(best) != cur &&
          best_score > cur_score && best_score >= opts_.join) {
        --size[cur];
        ++size[best];
        assign[d] = static_cast<uint32_t>(best);
        changed = true;
      }
    }
    if (!changed) break;
  }
  Rebuild(assign);
  // Merge the closest pair while one is close enough.
  while (true) {
    double best = 0;
    uint32_t ba = 0, bb = 0;
    for (uint32_t a = 0; a < stories_.size(); ++a) {
      const Story& s = stories_[a];
      if (!s.live) continue;
      for (const auto& [b, sum] : s.pair_sums) {
        if (b <= a) continue;
        const double avg =
            sum / (static_cast<double>(s.members.size()) *
                   static_cast<double>(stories_[b].members.size()));
        if (avg > best ||
            (avg == best && best > 0 && std::tie(a, b) < std::tie(ba, bb))) {
          best = avg;
          ba = a;
          bb = b;
        }
      }
    }
    if (best < opts_.merge || best <= 0) break;
    Merge(ba, bb);
  }
  Split();
}

std::vector<std::vector<uint32_t>> StoryClusterer::Stories() const {
  std::vector<std::vector<uint32_t>> out;
  std::vector<int64_t> slot(stories_.size(), -1);
  for (uint32_t d = 0; d < doc_story_.size(); ++d) {
    const uint32_t s = StoryOf(d);
    if (slot[s] < 0) {
      slot[s] = static_cast<int64_t>(out.size());
      out.emplace_back();
    }
    out[slot[s]].push_back(d);
  }
  return out;
}

std::vector<std::string> StoryClusterer::TopTerms(
    const std::vector<uint32_t>& docs, int kind, size_t n) const {
  std::vector<std::string> out;
  if (kind < 0 || kind > 2) return out;
  std::map<uint32_t, double> sums;
  for (uint32_t d : docs) {
    if (d >= docs_[kind].size()) continue;
    for (const auto& [id, w] : docs_[kind][d]) sums[id] += w;
  }
  std::vector<std::pair<double, uint32_t>> ranked;
  ranked.reserve(sums.size());
  for (const auto& [id, s] : sums) ranked.push_back({s, id});
  const auto& terms = kinds_[kind].terms;
  std::sort(ranked.begin(), ranked.end(),
            [&terms](const auto& a, const auto& b) {
              if (a.first != b.first) return a.first > b.first;
              return terms[a.second] < terms[b.second];
            });
  for (size_t i = 0; i < ranked.size() && i < n; ++i) {
    out.push_back(terms[ranked[i].second]);
  }
  return out;
}

// Each document of a large story links to its `split_k` most similar
// members; the connected parts of that graph with `split_part`+ members
// become stories of their own (the first keeps the id), and smaller parts
// go to the large part they are most similar to on average.
void StoryClusterer::Split() {
  if (opts_.split_k <= 0) return;
  const uint32_t n = static_cast<uint32_t>(doc_story_.size());
  std::vector<uint32_t> assign(n);
  for (uint32_t d = 0; d < n; ++d) assign[d] = StoryOf(d);
  bool any = false;
  const size_t stories = stories_.size();
  for (uint32_t t = 0; t < stories; ++t) {
    if (!stories_[t].live || stories_[t].members.size() < opts_.split_min)
      continue;
    const std::vector<uint32_t> m = stories_[t].members;
    const size_t size = m.size();
    std::vector<double> sim(size * size, 0);
    for (size_t i = 0; i < size; ++i)
      for (size_t j = i + 1; j < size; ++j)
        sim[i * size + j] = sim[j * size + i] = Similarity(m[i], m[j]);
    std::vector<size_t> comp(size);
    for (size_t i = 0; i < size; ++i) comp[i] = i;
    auto find = [&](size_t x) {
      while (comp[x] != x) x = comp[x] = comp[comp[x]];
      return x;
    };
    std::vector<size_t> order(size);
    for (size_t i = 0; i < size; ++i) {
      for (size_t j = 0; j < size; ++j) order[j] = j;
      std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return sim[i * size + a] > sim[i * size + b] ||
               (sim[i * size + a] == sim[i * size + b] && a < b);
      });
      int taken = 0;
      for (size_t j : order) {
        if (j == i) continue;
        if (taken++ >= opts_.split_k) break;
        comp[find(i)] = find(j);
      }
    }
    std::map<size_t, std::vector<size_t>> groups;
    for (size_t i = 0; i < size; ++i) groups[find(i)].push_back(i);
    std::vector<std::vector<size_t>> parts;
    for (auto& [r, g] : groups) parts.push_back(g);
    std::sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) {
      return a.size() > b.size() || (a.size() == b.size() && a[0] < b[0]);
    });
    if (parts.size() < 2 || parts[1].size() < opts_.split_part) continue;
    size_t big = 0;
    while (big < parts.size() && parts[big].size() >= opts_.split_part) ++big;
    std::vector<uint32_t> ids(big, t);
    for (size_t p = 1; p < big; ++p) {
      ids[p] = static_cast<uint32_t>(stories_.size());
      stories_.emplace_back();
      redirect_.push_back(ids[p]);
    }
    for (size_t p = 0; p < parts.size(); ++p) {
      size_t to = p;
      if (p >= big) {
        double best = -1;
        for (size_t q = 0; q < big; ++q) {
          double sum = 0;
          for (size_t i : parts[p])
            for (size_t j : parts[q]) sum += sim[i * size + j];
          sum /= static_cast<double>(parts[q].size());
          if (sum > best) {
            best = sum;
            to = q;
          }
        }
      }
      for (size_t i : parts[p]) assign[m[i]] = ids[to];
    }
    any = true;
  }
  if (any) Rebuild(assign);
}

}  // namespace dossier
