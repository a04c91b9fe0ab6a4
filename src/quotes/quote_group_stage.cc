#include "quotes/quote_group_stage.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <functional>
#include <numeric>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace dossier {
namespace {

struct QuoteInfo {
  uint32_t doc = 0;
  uint32_t quote = 0;
  int32_t speaker = -1;  // entity index, or -1
  std::string norm;      // NormalizeQuoteText(content)
  int words = 0;
};

class GroupAccumulator : public CorpusStage::Accumulator {
 public:
  void Consume(uint32_t index, const Document& doc) override {
    const Layers& l = doc.layers();
    for (uint32_t i = 0; i < l.quotes.size(); ++i) {
      const Quote& q = l.quotes[i];
      if (q.content.end > doc.text().size()) continue;
      QuoteInfo info;
      info.doc = index;
      info.quote = i;
      if (q.speaker_mention >= 0 &&
          static_cast<size_t>(q.speaker_mention) < l.mentions.size()) {
        info.speaker = l.mentions[q.speaker_mention].entity;
      }
      info.norm = NormalizeQuoteText(doc.Slice(q.content));
      if (info.norm.empty()) continue;
      info.words = 1 + static_cast<int>(
                           std::count(info.norm.begin(), info.norm.end(), ' '));
      quotes_.push_back(std::move(info));
    }
  }

  void Merge(Accumulator&& other) override {
    auto& o = static_cast<GroupAccumulator&>(other);
    for (QuoteInfo& q : o.quotes_) quotes_.push_back(std::move(q));
    o.quotes_.clear();
  }

  std::vector<QuoteInfo>& quotes() { return quotes_; }

 private:
  std::vector<QuoteInfo> quotes_;
};

// Start offsets of the words of `norm` (single-space separated).
std::vector<uint32_t> WordStarts(const std::string& norm) {
  std::vector<uint32_t> starts;
  if (!norm.empty()) starts.push_back(0);
  for (uint32_t i = 0; i < norm.size(); ++i) {
    if (norm[i] == ' ') starts.push_back(i + 1);
  }
  return starts;
}

// True if `small` occurs in `big` on word boundaries.
bool ContainsWords(const std::string& big, const std::string& small) {
  size_t pos = big.find(small);
  while (pos != std::string::npos) {
    const bool left = pos == 0 || big[pos - 1] == ' ';
    const size_t end = pos + small.size();
    const bool right = end == big.size() || big[end] == ' ';
    if (left && right) return true;
    pos = big.find(small, pos + 1);
  }
  return false;
}

}  // namespace

std::string NormalizeQuoteText(std::string_view content) {
  std::string out;
  out.reserve(content.size());
  bool space = false;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(content.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(content.data(), i, n, c);
    if (c < 0) continue;  // invalid byte: skip
    const int8_t type = u_charType(c);
    if (u_isUWhiteSpace(c) || type == U_DASH_PUNCTUATION) {
      space = !out.empty();
      continue;
    }
    if (u_ispunct(c) || type == U_MATH_SYMBOL || type == U_OTHER_SYMBOL ||
        type == U_MODIFIER_SYMBOL || type == U_CURRENCY_SYMBOL ||
        type == U_FORMAT_CHAR || type == U_CONTROL_CHAR) {
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
    char buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, c);
    out.append(buf, static_cast<size_t>(len));
  }
  return out;
}

std::unique_ptr<CorpusStage::Accumulator> QuoteGroupStage::NewAccumulator()
    const {
  return std::make_unique<GroupAccumulator>();
}

Status QuoteGroupStage::Finalize(Accumulator& merged, Corpus& corpus) const {
  std::vector<QuoteInfo>& qs = static_cast<GroupAccumulator&>(merged).quotes();
  std::sort(qs.begin(), qs.end(), [](const QuoteInfo& a, const QuoteInfo& b) {
    return std::tie(a.doc, a.quote) < std::tie(b.doc, b.quote);
  });
  for (const QuoteInfo& q : qs) {
    if (q.doc >= corpus.documents.size() ||
        q.quote >= corpus.documents[q.doc].layers().quotes.size()) {
      return Status(ErrorCode::kInternal, "quote_groups: bad quote index");
    }
  }
  for (const QuoteInfo& q : qs) {
    corpus.documents[q.doc].layers().quotes[q.quote].group = -1;
  }
  const size_t n = qs.size();
  // Union-find whose roots carry the group's speaker entity (-1: none).
  std::vector<size_t> parent(n);
  std::iota(parent.begin(), parent.end(), size_t{0});
  std::vector<int32_t> speaker(n);
  for (size_t i = 0; i < n; ++i) speaker[i] = qs[i].speaker;
  std::function<size_t(size_t)> find = [&parent](size_t x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  auto unite = [&](size_t a, size_t b) {
    if (qs[a].doc == qs[b].doc) return;
    size_t ra = find(a), rb = find(b);
    if (ra == rb) return;
    if (speaker[ra] >= 0 && speaker[rb] >= 0 && speaker[ra] != speaker[rb]) {
      return;  // never one group for two different speakers
    }
    if (rb < ra) std::swap(ra, rb);
    parent[rb] = ra;
    if (speaker[ra] < 0) speaker[ra] = speaker[rb];
  };
  // Identical texts first: each joins its bucket's first quote (or, when
  // the speakers differ, the previous one), linear in the bucket size.
  const int k = kMinContainedWords;
  std::unordered_map<std::string_view, std::vector<size_t>> exact;
  for (size_t i = 0; i < n; ++i) exact[qs[i].norm].push_back(i);
  std::vector<size_t> reps;  // one quote per distinct text
  reps.reserve(exact.size());
  for (size_t i = 0; i < n; ++i) {
    const std::vector<size_t>& bucket = exact[qs[i].norm];
    if (bucket[0] == i) {
      reps.push_back(i);
      continue;
    }
    unite(bucket[0], i);
    if (find(i) != find(bucket[0])) {
      auto it = std::lower_bound(bucket.begin(), bucket.end(), i);
      unite(*(it - 1), i);
    }
  }
  // Containment between distinct texts: index every word 6-gram of each
  // distinct text; a shorter text's first 6-gram finds its candidates.
  std::unordered_map<std::string_view, std::vector<size_t>> grams;
  std::vector<std::vector<uint32_t>> starts(n);
  for (size_t i : reps) {
    starts[i] = WordStarts(qs[i].norm);
    const auto& st = starts[i];
    for (size_t w = 0; w + k <= st.size(); ++w) {
      const size_t end = w + k < st.size() ? st[w + k] - 1 : qs[i].norm.size();
      grams[std::string_view(qs[i].norm).substr(st[w], end - st[w])].push_back(
          i);
    }
  }
  for (size_t i : reps) {
    const auto& st = starts[i];
    if (static_cast<int>(st.size()) < k) continue;
    const size_t end =
        static_cast<size_t>(k) < st.size() ? st[k] - 1 : qs[i].norm.size();
    auto it = grams.find(std::string_view(qs[i].norm).substr(0, end));
    if (it == grams.end()) continue;
    std::vector<size_t> cands = it->second;
    std::sort(cands.begin(), cands.end());
    cands.erase(std::unique(cands.begin(), cands.end()), cands.end());
    for (size_t j : cands) {
      if (j == i || qs[j].words <= qs[i].words) continue;
      if (ContainsWords(qs[j].norm, qs[i].norm)) unite(i, j);
    }
  }
  // Number groups of two or more in order of first appearance.
  std::vector<size_t> size(n, 0);
  for (size_t i = 0; i < n; ++i) size[find(i)]++;
  std::vector<int32_t> group_of(n, -1);
  int32_t next = 0;
  for (size_t i = 0; i < n; ++i) {
    const size_t r = find(i);
    if (size[r] < 2) continue;
    if (group_of[r] < 0) group_of[r] = next++;
    corpus.documents[qs[i].doc].layers().quotes[qs[i].quote].group =
        group_of[r];
  }
  return Status::Ok();
}

}  // namespace dossier
