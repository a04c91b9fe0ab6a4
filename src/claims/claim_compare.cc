#include "claims/claim_compare.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace dossier {
namespace {

struct Word {
  std::string low;   // lower-cased (ASCII)
  std::string stem;  // see Stem()
  bool capital = false;
  bool number = false;
};

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '\'' || c == '-' || c >= 0x80;
}

std::string Stem(std::string s) {
  for (std::string_view poss : {"'s", "\xE2\x80\x99s"}) {
    if (s.size() > poss.size() + 1 && s.ends_with(poss)) {
      s.resize(s.size() - poss.size());
    }
  }
  for (std::string_view suf : {"ing", "ies", "ed", "es", "s"}) {
    if (s.size() >= suf.size() + 3 && s.ends_with(suf)) {
      s.resize(s.size() - suf.size());
      break;
    }
  }
  if (s.size() > 6) s.resize(6);
  return s;
}

std::vector<Word> Split(std::string_view text) {
  std::vector<Word> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsWordByte(static_cast<unsigned char>(text[i])))
      ++i;
    size_t j = i;
    while (j < text.size() && IsWordByte(static_cast<unsigned char>(text[j])))
      ++j;
    if (j > i) {
      std::string_view w = text.substr(i, j - i);
      while (!w.empty() && (w.front() == '\'' || w.front() == '-')) {
        w.remove_prefix(1);
      }
      while (!w.empty() && (w.back() == '\'' || w.back() == '-')) {
        w.remove_suffix(1);
      }
      if (!w.empty()) {
        Word word;
        word.capital = w[0] >= 'A' && w[0] <= 'Z';
        word.number = w[0] >= '0' && w[0] <= '9';
        for (char c : w) {
          word.low +=
              (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
        word.stem = Stem(word.low);
        out.push_back(std::move(word));
      }
    }
    i = j;
  }
  return out;
}

bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

bool IsStopword(std::string_view w) {
  return In(
      w,
      {"a",    "an",    "the",   "and",   "or",    "but",   "of",     "to",
       "in",   "on",    "at",    "for",   "with",  "by",    "from",   "as",
       "is",   "are",   "was",   "were",  "be",    "been",  "being",  "it",
       "its",  "this",  "that",  "these", "those", "he",    "she",    "they",
       "we",   "i",     "you",   "his",   "her",   "their", "our",    "my",
       "your", "him",   "them",  "us",    "me",    "who",   "which",  "what",
       "when", "where", "how",   "why",   "there", "here",  "than",   "then",
       "so",   "if",    "also",  "has",   "have",  "had",   "do",     "does",
       "did",  "said",  "says",  "say",   "would", "will",  "can",    "could",
       "may",  "might", "about", "into",  "over",  "after", "before", "more",
       "most", "some",  "any",   "all",   "one",   "other", "just",   "only",
       "very", "mr",    "ms",    "mrs",   "while", "such",  "because"});
}

// Words that negate or reject what their clause asserts.
bool IsNegation(const Word& w) {
  if (w.low.ends_with("n't") || w.low.ends_with("n\xE2\x80\x99t")) return true;
  return In(w.low, {"not",      "no",        "never",     "none",     "nobody",
                    "nothing",  "neither",   "nor",       "without",  "cannot",
                    "deny",     "denied",    "denies",    "denying",  "reject",
                    "rejected", "rejects",   "rejecting", "refuse",   "refused",
                    "refuses",  "dismissed", "disputed",  "disputes", "false",
                    "falsely",  "baseless",  "unfounded", "contrary", "lack",
                    "lacked",   "lacks"});
}

// Opposite pairs, by stem.
constexpr std::pair<std::string_view, std::string_view> kOpposites[] = {
    {"increa", "decrea"}, {"rise", "fall"},     {"rose", "fell"},
    {"raise", "lower"},   {"higher", "lower"},  {"more", "less"},
    {"win", "lose"},      {"won", "lost"},      {"accept", "reject"},
    {"suppor", "oppose"}, {"approv", "reject"}, {"confir", "deny"},
    {"confir", "denied"}, {"allow", "ban"},     {"allow", "banned"},
    {"legal", "illega"},  {"guilty", "innoce"}, {"succes", "failur"},
    {"true", "false"},    {"agree", "disagr"},  {"attend", "skip"},
    {"open", "closed"},   {"strong", "weak"},   {"safe", "danger"},
};

}  // namespace

std::string_view ClaimRelationName(ClaimRelation r) {
  switch (r) {
    case ClaimRelation::kAgreement:
      return "agreement";
    case ClaimRelation::kContradiction:
      return "contradiction";
    case ClaimRelation::kNone:
      break;
  }
  return "none";
}

ClaimComparison CompareClaims(std::string_view a, std::string_view b,
                              const ClaimCompareOptions& opts) {
  const std::vector<Word> wa = Split(a), wb = Split(b);
  auto content = [](const std::vector<Word>& ws) {
    std::vector<std::string> s;
    for (const Word& w : ws) {
      if (!IsStopword(w.low) && !IsNegation(w) && w.low.size() > 1) {
        s.push_back(w.stem);
      }
    }
    std::sort(s.begin(), s.end());
    s.erase(std::unique(s.begin(), s.end()), s.end());
    return s;
  };
  auto names = [](const std::vector<Word>& ws) {
    std::vector<std::string> s;
    for (size_t i = 1; i < ws.size(); ++i) {  // not the sentence's first word
      if (ws[i].capital && !IsStopword(ws[i].low)) s.push_back(ws[i].stem);
    }
    std::sort(s.begin(), s.end());
    s.erase(std::unique(s.begin(), s.end()), s.end());
    return s;
  };
  auto numbers = [](const std::vector<Word>& ws) {
    std::vector<std::string> s;
    for (const Word& w : ws) {
      if (w.number) s.push_back(w.low);
    }
    std::sort(s.begin(), s.end());
    return s;
  };
  auto shared = [](const std::vector<std::string>& x,
                   const std::vector<std::string>& y) {
    std::vector<std::string> r;
    std::set_intersection(x.begin(), x.end(), y.begin(), y.end(),
                          std::back_inserter(r));
    return r;
  };
  const std::vector<std::string> ca = content(wa), cb = content(wb);
  ClaimComparison out;
  const size_t shorter = std::min(ca.size(), cb.size());
  const std::vector<std::string> common = shared(ca, cb);
  out.overlap = shorter > 0 ? static_cast<double>(common.size()) / shorter : 0;
  out.shared_names = static_cast<int>(shared(names(wa), names(wb)).size());
  const bool related =
      out.overlap >= opts.related_overlap ||
      (out.shared_names > 0 && out.overlap >= opts.name_overlap);
  if (!related) {
    out.why = "few shared words";
    return out;
  }
  int neg_a = 0, neg_b = 0;
  for (const Word& w : wa) neg_a += IsNegation(w);
  for (const Word& w : wb) neg_b += IsNegation(w);
  if ((neg_a > 0) != (neg_b > 0)) {
    out.relation = ClaimRelation::kContradiction;
    out.why = "one statement negates or rejects";
    return out;
  }
  auto has = [](const std::vector<std::string>& s, std::string_view stem) {
    return std::binary_search(s.begin(), s.end(), std::string(stem));
  };
  for (const auto& [x, y] : kOpposites) {
    if ((has(ca, x) && has(cb, y) && !has(ca, y) && !has(cb, x)) ||
        (has(ca, y) && has(cb, x) && !has(ca, x) && !has(cb, y))) {
      out.relation = ClaimRelation::kContradiction;
      out.why = "opposite words: " + std::string(x) + "/" + std::string(y);
      return out;
    }
  }
  const std::vector<std::string> na = numbers(wa), nb = numbers(wb);
  if (!na.empty() && !nb.empty() && out.overlap >= 0.4 &&
      shared(na, nb).empty()) {
    out.relation = ClaimRelation::kContradiction;
    out.why = "different numbers";
    return out;
  }
  out.relation = ClaimRelation::kAgreement;
  out.why = "shared words, same polarity";
  return out;
}

}  // namespace dossier
