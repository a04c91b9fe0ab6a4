#include "quotes/quote_group_stage.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <numeric>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace dossier {
namespace {

// One word of a quote's wording for variant comparison: its matching form,
// or a marker for an elision ("...", "…") or an editorial insertion
// ("[the plan]").
struct Word {
  std::string w;
  bool cap = false;  // capitalised inside the quote (a name)
  bool num = false;  // a number
  bool gap = false;  // elision marker
  bool ins = false;  // bracketed insertion marker
};

std::vector<Word> Wording(std::string_view content) {
  std::vector<Word> out;
  size_t i = 0;
  bool first = true;
  while (i < content.size()) {
    const char c = content[i];
    if (c == '[') {
      const size_t e = content.find(']', i);
      if (e != std::string_view::npos) {
        Word m;
        m.ins = true;
        out.push_back(m);
        i = e + 1;
        continue;
      }
    }
    if (content.compare(i, 3, "...") == 0 ||
        content.compare(i, 3, "\xE2\x80\xA6") == 0) {
      Word m;
      m.gap = true;
      if (out.empty() || !out.back().gap) out.push_back(m);
      i += 3;
      while (i < content.size() && content[i] == '.') ++i;
      continue;
    }
    if (c == ' ' || c == '\n' || c == '\t') {
      ++i;
      continue;
    }
    size_t e = i;
    while (e < content.size() && content[e] != ' ' && content[e] != '\n' &&
           content[e] != '\t' && content[e] != '[' &&
           content.compare(e, 3, "...") != 0 &&
           content.compare(e, 3, "\xE2\x80\xA6") != 0) {
      ++e;
    }
    const std::string_view chunk = content.substr(i, e - i);
    const std::string norm = NormalizeQuoteText(chunk);
    size_t a = 0;
    while (a < norm.size()) {
      size_t b = norm.find(' ', a);
      if (b == std::string::npos) b = norm.size();
      Word w;
      w.w = norm.substr(a, b - a);
      w.num = std::any_of(w.w.begin(), w.w.end(),
                          [](char ch) { return ch >= '0' && ch <= '9'; }) ||
              w.w == "one" || w.w == "two" || w.w == "three" || w.w == "four" ||
              w.w == "five" || w.w == "six" || w.w == "seven" ||
              w.w == "eight" || w.w == "nine" || w.w == "ten" ||
              w.w == "hundred" || w.w == "thousand" || w.w == "million" ||
              w.w == "billion" || w.w == "dozen";
      size_t k = 0;
      while (k < chunk.size() &&
             !std::isalnum(static_cast<unsigned char>(chunk[k])) &&
             static_cast<unsigned char>(chunk[k]) < 0x80) {
        ++k;
      }
      w.cap = !first && k < chunk.size() && chunk[k] >= 'A' && chunk[k] <= 'Z';
      out.push_back(std::move(w));
      a = b + 1;
    }
    if (!norm.empty()) first = false;
    i = e;
  }
  return out;
}

bool IsNegation(const std::string& w) {
  static const char* const kNeg[] = {
      "not",    "never",  "no",       "nor",     "dont",    "doesnt",
      "didnt",  "wont",   "cant",     "cannot",  "isnt",    "arent",
      "wasnt",  "werent", "shouldnt", "wouldnt", "couldnt", "hasnt",
      "havent", "hadnt",  "nothing",  "none",    "nobody",  "neither"};
  for (const char* n : kNeg) {
    if (w == n) return true;
  }
  return false;
}

int RealWords(const std::vector<Word>& ws) {
  int n = 0;
  for (const Word& w : ws) n += (w.gap || w.ins) ? 0 : 1;
  return n;
}

// LCS alignment of two wordings: pairs (i, j) of matched words in order.
std::vector<std::pair<int, int>> Align(const std::vector<Word>& a,
                                       const std::vector<Word>& b) {
  const size_t n = std::min<size_t>(a.size(), 400);
  const size_t m = std::min<size_t>(b.size(), 400);
  std::vector<std::vector<uint16_t>> dp(n + 1, std::vector<uint16_t>(m + 1));
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      const bool eq =
          !a[i].gap && !a[i].ins && !b[j].gap && !b[j].ins && a[i].w == b[j].w;
      dp[i][j] =
          eq ? dp[i + 1][j + 1] + 1 : std::max(dp[i + 1][j], dp[i][j + 1]);
    }
  }
  std::vector<std::pair<int, int>> out;
  size_t i = 0, j = 0;
  while (i < n && j < m) {
    const bool eq =
        !a[i].gap && !a[i].ins && !b[j].gap && !b[j].ins && a[i].w == b[j].w;
    if (eq && dp[i][j] == dp[i + 1][j + 1] + 1) {
      out.push_back({static_cast<int>(i), static_cast<int>(j)});
      ++i;
      ++j;
    } else if (dp[i + 1][j] >= dp[i][j + 1]) {
      ++i;
    } else {
      ++j;
    }
  }
  return out;
}

std::string JoinWords(const std::vector<Word>& ws, int a, int b) {
  std::string out;
  for (int k = a; k < b; ++k) {
    if (ws[k].gap || ws[k].ins) continue;
    if (!out.empty()) out += ' ';
    out += ws[k].w;
  }
  return out;
}

}  // namespace

// How `other` changes the meaning of `main` (both wordings of one
// statement), or "" when it does not: words dropped or added at either end
// (a trimmed or longer quote), elisions (...) and bracketed insertions are
// fine, and so is a hunk of more than four words (another part of the
// statement merged in or left out); within a few words, a dropped or added
// negation, a changed number or name, and words added inside the quote
// are not.
std::string MisquoteDifference(std::string_view main, std::string_view other) {
  const std::vector<Word> a = Wording(main), b = Wording(other);
  const auto al = Align(a, b);
  if (al.empty()) return "";
  std::string out;
  auto add = [&out](const std::string& s) {
    if (!out.empty()) out += "; ";
    out += s;
  };
  for (size_t k = 0; k + 1 < al.size(); ++k) {
    const int a0 = al[k].first + 1, a1 = al[k + 1].first;
    const int b0 = al[k].second + 1, b1 = al[k + 1].second;
    if (a0 == a1 && b0 == b1) continue;
    bool marker = false;
    for (int x = a0; x < a1; ++x) marker = marker || a[x].gap || a[x].ins;
    for (int x = b0; x < b1; ++x) marker = marker || b[x].gap || b[x].ins;
    const std::string da = JoinWords(a, a0, a1), db = JoinWords(b, b0, b1);
    // More than a few words: another part of the statement joined to this
    // one or left out (a merge or an unmarked cut), not a changed meaning.
    if (a1 - a0 > 4 || b1 - b0 > 4) continue;
    bool neg_a = false, neg_b = false, num = false, cap = false;
    for (int x = a0; x < a1; ++x) {
      neg_a = neg_a || IsNegation(a[x].w);
      num = num || a[x].num;
      cap = cap || a[x].cap;
    }
    for (int x = b0; x < b1; ++x) {
      neg_b = neg_b || IsNegation(b[x].w);
      num = num || b[x].num;
      cap = cap || b[x].cap;
    }
    if (neg_a && !neg_b) {
      add("dropped \"" + da + "\"" + (db.empty() ? "" : " for \"" + db + "\""));
    } else if (neg_b && !neg_a) {
      add("added \"" + db + "\"" + (da.empty() ? "" : " for \"" + da + "\""));
    } else if (marker) {
      continue;  // an elision or an editor's [insertion]
    } else if (!da.empty() && !db.empty() && num) {
      add("changed number \"" + da + "\" to \"" + db + "\"");
    } else if (!da.empty() && !db.empty() && cap) {
      add("changed name \"" + da + "\" to \"" + db + "\"");
    } else if (da.empty() && !db.empty()) {
      add("added \"" + db + "\" inside the quotation");
    }
  }
  return out;
}

namespace {

struct QuoteInfo {
  uint32_t doc = 0;
  uint32_t quote = 0;
  int32_t speaker = -1;  // entity index, or -1
  std::string norm;      // NormalizeQuoteText(content)
  int words = 0;
  std::string content;  // the quoted words as written
  bool marked = false;  // direct or partial: the words are the speaker's
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
      info.content = std::string(doc.Slice(q.content));
      info.marked = q.kind != QuoteKind::kIndirect;
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
  // Near matches: the same statement with light edits or a changed word
  // ("we will not sign" / "we will sign"): distinct texts sharing a word
  // 4-gram whose aligned words cover most of the shorter one.
  {
    constexpr int kg = 4;
    std::unordered_map<std::string_view, std::vector<size_t>> g4;
    for (size_t i : reps) {
      const auto& st = starts[i];
      for (size_t w = 0; w + kg <= st.size(); ++w) {
        const size_t end =
            w + kg < st.size() ? st[w + kg] - 1 : qs[i].norm.size();
        auto& v = g4[std::string_view(qs[i].norm).substr(st[w], end - st[w])];
        if (v.empty() || v.back() != i) v.push_back(i);
      }
    }
    std::vector<std::vector<Word>> wording(n);
    std::vector<bool> have(n, false);
    auto words_of = [&](size_t i) -> const std::vector<Word>& {
      if (!have[i]) {
        wording[i] = Wording(qs[i].content);
        have[i] = true;
      }
      return wording[i];
    };
    for (size_t i : reps) {
      std::vector<size_t> cands;
      const auto& st = starts[i];
      for (size_t w = 0; w + kg <= st.size(); ++w) {
        const size_t end =
            w + kg < st.size() ? st[w + kg] - 1 : qs[i].norm.size();
        auto it =
            g4.find(std::string_view(qs[i].norm).substr(st[w], end - st[w]));
        if (it == g4.end() || it->second.size() > 64) continue;
        for (size_t j : it->second) {
          if (j > i) cands.push_back(j);
        }
      }
      std::sort(cands.begin(), cands.end());
      cands.erase(std::unique(cands.begin(), cands.end()), cands.end());
      for (size_t j : cands) {
        if (qs[i].doc == qs[j].doc || find(i) == find(j)) continue;
        // Reported speech is the reporter's wording: exact matches only.
        if (!qs[i].marked || !qs[j].marked) continue;
        const auto& a = words_of(i);
        const auto& b = words_of(j);
        const int shorter = std::min(RealWords(a), RealWords(b));
        const int lcs = static_cast<int>(Align(a, b).size());
        if (shorter >= k && lcs * 10 >= shorter * 7) unite(i, j);
      }
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
  // Wordings (variants) of each group: the one most quotes carry first;
  // the others are compared with it and flagged when they change its
  // meaning.
  std::vector<std::vector<size_t>> members(static_cast<size_t>(next));
  for (size_t i = 0; i < n; ++i) {
    const size_t r = find(i);
    if (group_of[r] >= 0) members[group_of[r]].push_back(i);
  }
  for (const std::vector<size_t>& mem : members) {
    std::vector<std::string_view> texts;  // distinct, first appearance
    std::vector<int> count;
    std::vector<size_t> first;
    std::vector<int> var_of(mem.size());
    for (size_t k = 0; k < mem.size(); ++k) {
      const std::string_view t = qs[mem[k]].norm;
      auto it = std::find(texts.begin(), texts.end(), t);
      if (it == texts.end()) {
        texts.push_back(t);
        count.push_back(0);
        first.push_back(mem[k]);
        it = texts.end() - 1;
      }
      const int v = static_cast<int>(it - texts.begin());
      ++count[v];
      var_of[k] = v;
    }
    int main = 0;
    for (int v = 1; v < static_cast<int>(texts.size()); ++v) {
      if (count[v] > count[main]) main = v;
    }
    std::vector<int> number(texts.size());
    number[main] = 0;
    for (int v = 0, next_no = 1; v < static_cast<int>(texts.size()); ++v) {
      if (v != main) number[v] = next_no++;
    }
    std::vector<std::string> diff(texts.size());
    for (int v = 0; v < static_cast<int>(texts.size()); ++v) {
      if (v != main && qs[first[main]].marked && qs[first[v]].marked) {
        diff[v] =
            MisquoteDifference(qs[first[main]].content, qs[first[v]].content);
      }
    }
    for (size_t k = 0; k < mem.size(); ++k) {
      const QuoteInfo& qi = qs[mem[k]];
      Quote& q = corpus.documents[qi.doc].layers().quotes[qi.quote];
      q.variant = number[var_of[k]];
      q.misquote = diff[var_of[k]];
      if (q.misquote.empty()) continue;
      Finding f;
      f.kind = "misquote";
      f.doc = qi.doc;
      f.span = q.span;
      f.entity = qi.speaker >= 0 ? qi.speaker : speaker[find(mem[k])];
      f.claim = qi.content;
      const QuoteInfo& m = qs[first[main]];
      const auto& md = corpus.documents[m.doc].meta();
      f.fact = "other documents quote: \"" + m.content + "\" (" +
               (md.outlet ? *md.outlet : md.id) + "); " + q.misquote;
      f.date_how = "none";
      f.summary = "Possible misquote: " + q.misquote;
      f.statements.push_back({qi.doc, q.span, "this wording"});
      f.statements.push_back(
          {m.doc, corpus.documents[m.doc].layers().quotes[m.quote].span,
           "the wording most documents carry"});
      f.score = 2.2;  // a changed meaning inside quotation marks
      corpus.findings.push_back(std::move(f));
    }
  }
  return Status::Ok();
}

}  // namespace dossier
