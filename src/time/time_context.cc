#include "time/time_context.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "time/calendar.h"

namespace dossier {
namespace {

// Words that say nothing about which event is meant: function words,
// reporting verbs, titles, generic nouns and time words.
const std::unordered_set<std::string_view>& StopWords() {
  static const auto* words = new std::unordered_set<std::string_view>{
      // function words
      "the",
      "and",
      "for",
      "but",
      "not",
      "nor",
      "yet",
      "with",
      "from",
      "into",
      "onto",
      "upon",
      "about",
      "above",
      "after",
      "again",
      "against",
      "all",
      "also",
      "any",
      "are",
      "because",
      "been",
      "before",
      "being",
      "below",
      "between",
      "both",
      "can",
      "could",
      "did",
      "does",
      "doing",
      "down",
      "during",
      "each",
      "few",
      "further",
      "had",
      "has",
      "have",
      "having",
      "her",
      "here",
      "hers",
      "herself",
      "him",
      "himself",
      "his",
      "how",
      "its",
      "itself",
      "just",
      "more",
      "most",
      "much",
      "must",
      "off",
      "once",
      "only",
      "other",
      "our",
      "ours",
      "out",
      "over",
      "own",
      "same",
      "she",
      "should",
      "some",
      "such",
      "than",
      "that",
      "their",
      "theirs",
      "them",
      "then",
      "there",
      "these",
      "they",
      "this",
      "those",
      "through",
      "too",
      "under",
      "until",
      "very",
      "was",
      "were",
      "what",
      "when",
      "where",
      "which",
      "while",
      "who",
      "whom",
      "why",
      "will",
      "would",
      "you",
      "your",
      "may",
      "might",
      "shall",
      "whether",
      "either",
      "neither",
      "one",
      "two",
      "three",
      "first",
      "second",
      "last",
      "next",
      "new",
      "even",
      "still",
      "now",
      "instead",
      "already",
      "though",
      "although",
      "however",
      "since",
      "per",
      "via",
      "within",
      "without",
      "among",
      "across",
      "around",
      "like",
      "well",
      "many",
      "several",
      "every",
      "another",
      "according",
      "way",
      "part",
      "who's",
      "it's",
      "don't",
      "won't",
      "can't",
      "isn't",
      "wasn't",
      "aren't",
      // reporting verbs
      "said",
      "say",
      "says",
      "saying",
      "told",
      "tell",
      "tells",
      "added",
      "add",
      "adds",
      "stated",
      "state",
      "states",
      "noted",
      "wrote",
      "asked",
      "reported",
      "report",
      "reports",
      "announced",
      "announce",
      "declared",
      "confirmed",
      "claimed",
      "explained",
      "insisted",
      "stressed",
      "emphasized",
      "warned",
      "indicated",
      "suggested",
      "remarks",
      "statement",
      "statements",
      "comments",
      "reporters",
      // titles and generic people
      "president",
      "presidents",
      "minister",
      "ministers",
      "prime",
      "deputy",
      "secretary",
      "chief",
      "head",
      "leader",
      "leaders",
      "official",
      "officials",
      "spokesman",
      "spokeswoman",
      "spokesperson",
      "mr",
      "mrs",
      "ms",
      "dr",
      "sir",
      "gen",
      "former",
      "senior",
      "people",
      "government",
      // time words
      "today",
      "tonight",
      "yesterday",
      "tomorrow",
      "day",
      "days",
      "week",
      "weeks",
      "weekend",
      "month",
      "months",
      "year",
      "years",
      "morning",
      "afternoon",
      "evening",
      "night",
      "time",
      "times",
      "early",
      "late",
      "later",
      "earlier",
      "monday",
      "tuesday",
      "wednesday",
      "thursday",
      "friday",
      "saturday",
      "sunday",
      "january",
      "february",
      "march",
      "april",
      "june",
      "july",
      "august",
      "september",
      "october",
      "november",
      "december",
      "ago",
      "recently",
      "currently",
  };
  return *words;
}

// Lower-cases ASCII letters; keeps other bytes.
std::string Fold(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// A crude English stem, enough to match "talks"/"talk",
// "meeting"/"meet", "proposed"/"propose".
std::string Stem(std::string w) {
  auto ends = [&w](std::string_view suf) {
    return w.size() > suf.size() &&
           std::string_view(w).substr(w.size() - suf.size()) == suf;
  };
  // Possessives: "talks'", "Putin's" (tokens may keep the mark).
  for (std::string_view suf : {"\xE2\x80\x99s", "'s", "\xE2\x80\x99", "'"}) {
    if (ends(suf)) {
      w.resize(w.size() - suf.size());
      break;
    }
  }
  if (w.size() > 5 && ends("ing")) {
    w.resize(w.size() - 3);
  } else if (w.size() > 5 && ends("ied")) {
    w.resize(w.size() - 3);
    w += 'y';
  } else if (w.size() > 4 && ends("ed")) {
    w.resize(w.size() - 2);
  } else if (w.size() > 4 && ends("ies")) {
    w.resize(w.size() - 3);
    w += 'y';
  } else if (w.size() > 3 && ends("s") && !ends("ss") && !ends("us")) {
    w.resize(w.size() - 1);
  }
  return w;
}

}  // namespace

// The day a TIMEX3 value names ("2025-05-15", "2025-05-14TNI"), if any.
std::optional<int64_t> DayOfValue(std::string_view v) {
  if (v.size() < 10) return std::nullopt;
  std::optional<CivilDate> d = ParseIsoDate(v.substr(0, 10));
  if (!d) return std::nullopt;
  return DaysFromCivil(*d);
}

// "2025-W20..." -> (2025, 20).
std::optional<std::pair<int, int>> WeekOfValue(std::string_view v) {
  if (v.size() < 8 || v[4] != '-' || v[5] != 'W') return std::nullopt;
  int y = 0, w = 0;
  for (int i = 0; i < 4; ++i) {
    if (v[i] < '0' || v[i] > '9') return std::nullopt;
    y = y * 10 + (v[i] - '0');
  }
  for (int i = 6; i < 8; ++i) {
    if (v[i] < '0' || v[i] > '9') return std::nullopt;
    w = w * 10 + (v[i] - '0');
  }
  return std::make_pair(y, w);
}

// The first and last day a resolved DATE value covers (day, ISO week,
// month, year), if it is one of those.
std::optional<std::pair<int64_t, int64_t>> ValueBounds(std::string_view v) {
  if (std::optional<int64_t> d = DayOfValue(v)) return std::make_pair(*d, *d);
  if (auto w = WeekOfValue(v)) {
    // The Monday of ISO week 1 is the Monday of the week holding Jan 4.
    const int64_t jan4 = DaysFromCivil({w->first, 1, 4});
    const int64_t monday =
        jan4 - (IsoWeekday({w->first, 1, 4}) - 1) + 7 * (w->second - 1);
    return std::make_pair(monday, monday + 6);
  }
  auto digits = [&v](size_t from, size_t n, int* out) {
    int x = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (i >= v.size() || v[i] < '0' || v[i] > '9') return false;
      x = x * 10 + (v[i] - '0');
    }
    *out = x;
    return true;
  };
  int y = 0, m = 0;
  if (v.size() == 7 && v[4] == '-' && digits(0, 4, &y) && digits(5, 2, &m) &&
      m >= 1 && m <= 12) {
    return std::make_pair(DaysFromCivil({y, m, 1}),
                          DaysFromCivil({y, m, DaysInMonth(y, m)}));
  }
  if (v.size() == 4 && digits(0, 4, &y)) {
    return std::make_pair(DaysFromCivil({y, 1, 1}), DaysFromCivil({y, 12, 31}));
  }
  return std::nullopt;
}

std::string ContextWord(std::string_view word) {
  const auto& stop = StopWords();
  std::string w = Fold(word);
  if (w.size() < 3 || stop.count(w) != 0) return "";
  std::string s = Stem(std::move(w));
  if (s.size() < 3 || stop.count(s) != 0) return "";
  return s;
}

int SentenceAt(const Document& doc, uint32_t at) {
  const auto& sents = doc.layers().sentences;
  auto it = std::upper_bound(
      sents.begin(), sents.end(), at,
      [](uint32_t v, const Sentence& s) { return v < s.span.start; });
  if (it == sents.begin()) return -1;
  --it;
  if (at >= it->span.end) return -1;
  return static_cast<int>(it - sents.begin());
}

std::vector<std::string> TimeContextKeys(const Document& doc, Span sentence,
                                         Span expr, size_t window) {
  const Layers& l = doc.layers();
  std::vector<std::string> keys;
  // Tokens of the sentence, and the first/last token of the expression.
  auto first = std::lower_bound(
      l.tokens.begin(), l.tokens.end(), sentence.start,
      [](const Token& t, uint32_t v) { return t.span.start < v; });
  auto last = std::lower_bound(
      first, l.tokens.end(), sentence.end,
      [](const Token& t, uint32_t v) { return t.span.start < v; });
  if (first == last) return keys;
  auto at = std::lower_bound(
      first, last, expr.start,
      [](const Token& t, uint32_t v) { return t.span.end <= v; });
  const size_t expr_tok = static_cast<size_t>(at - first);
  size_t expr_end_tok = expr_tok;
  while (first + expr_end_tok < last &&
         (first + expr_end_tok)->span.start < expr.end) {
    ++expr_end_tok;
  }
  const size_t lo = expr_tok > window ? expr_tok - window : 0;
  const size_t hi = std::min<size_t>(static_cast<size_t>(last - first),
                                     expr_end_tok + window);
  const uint32_t win_start = (first + lo)->span.start;
  const uint32_t win_end =
      hi > lo ? (first + (hi - 1))->span.end : (first + lo)->span.end;

  // Entities named in the window.
  auto in_window = [&](Span s) {
    return s.start < win_end && s.end > win_start;
  };
  for (const Mention& m : l.mentions) {
    if (m.span.start >= win_end) break;
    if (!in_window(m.span) || m.form == MentionForm::kPronoun) continue;
    if (m.entity >= 0) {
      keys.push_back("#" + std::to_string(m.entity));
    } else if (m.name.end <= doc.text().size() && !m.name.empty()) {
      keys.push_back("@" + Fold(doc.Slice(m.name)));
    }
  }
  // Content words outside names and time expressions.
  auto covered = [&](Span s) {
    for (const Mention& m : l.mentions) {
      if (m.span.start >= s.end) break;
      if (m.span.start <= s.start && s.end <= m.span.end) return true;
    }
    for (const Timex& t : l.times) {
      if (t.span.start >= s.end) break;
      if (t.span.start <= s.start && s.end <= t.span.end) return true;
    }
    return false;
  };
  for (size_t k = lo; k < hi; ++k) {
    const Token& t = *(first + k);
    if (!(t.flags & kTokenAlpha) || t.span.size() < 3) continue;
    if (t.span.end > doc.text().size()) continue;
    std::string s = ContextWord(doc.Slice(t.span));
    if (s.empty() || covered(t.span)) continue;
    keys.push_back(std::move(s));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

std::string KeySurface(const Document& doc, Span within, std::string_view key) {
  if (IsEntityKey(key)) return std::string(key.substr(1));
  const auto& tokens = doc.layers().tokens;
  auto it = std::lower_bound(
      tokens.begin(), tokens.end(), within.start,
      [](const Token& t, uint32_t v) { return t.span.start < v; });
  for (; it != tokens.end() && it->span.end <= within.end; ++it) {
    if (!(it->flags & kTokenAlpha) || it->span.end > doc.text().size()) {
      continue;
    }
    const std::string_view w = doc.Slice(it->span);
    if (ContextWord(w) == key) return Fold(w);
  }
  return std::string(key);
}

std::vector<std::string> SharedKeys(const std::vector<std::string>& a,
                                    const std::vector<std::string>& b) {
  std::vector<std::string> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(),
                        std::back_inserter(out));
  return out;
}

}  // namespace dossier
