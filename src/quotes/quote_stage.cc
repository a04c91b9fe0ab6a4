#include "quotes/quote_stage.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <utility>

#include "pos/tags.h"

namespace dossier {
namespace {

constexpr uint32_t kNone = UINT32_MAX;
constexpr bool kDropRelayQuotes = true;

enum class Mark : uint8_t { kNotDouble, kOpen, kClose, kToggle };

Mark MarkOf(std::string_view t) {
  if (t == "\"") return Mark::kToggle;
  if (t == "\xE2\x80\x9C" || t == "\xC2\xAB" || t == "\xE2\x80\x9E") {
    return Mark::kOpen;  // “ « „
  }
  if (t == "\xE2\x80\x9D" || t == "\xC2\xBB") return Mark::kClose;  // ” »
  return Mark::kNotDouble;
}

bool IsDeterminer(std::string_view w) {
  return w == "the" || w == "a" || w == "an" || w == "his" || w == "her" ||
         w == "their" || w == "its" || w == "one" || w == "another" ||
         w == "The" || w == "A" || w == "An" || w == "His" || w == "Her" ||
         w == "Their" || w == "Its" || w == "One" || w == "Another";
}

// A determiner that can open a speaker phrase: also "my"/"our" ("“...,”
// my grandfather often said").
bool IsSpeakerDeterminer(std::string_view w) {
  return IsDeterminer(w) || w == "my" || w == "My" || w == "our" || w == "Our";
}

// An adjective that puts a noun in time ("latest call", "new demands").
bool IsTimeAdjective(std::string_view w) {
  return w == "latest" || w == "new" || w == "recent" || w == "renewed" ||
         w == "repeated" || w == "first" || w == "last" || w == "earlier" ||
         w == "previous" || w == "initial" || w == "final" || w == "urgent";
}

// A finite auxiliary or copula: a clause starting with one has no subject.
bool IsFiniteAux(std::string_view w) {
  return w == "is" || w == "are" || w == "was" || w == "were" || w == "has" ||
         w == "have" || w == "had" || w == "will" || w == "would" ||
         w == "could" || w == "can" || w == "appears" || w == "appear" ||
         w == "seems" || w == "seem" || w == "remains" || w == "remain";
}

// A word that opens a clause and says nothing alone ("Whether", "that").
bool IsClauseWord(std::string_view w) {
  for (std::string_view c : {"whether", "that", "if", "how", "why", "what",
                             "who", "when", "where", "which"}) {
    if (w.size() == c.size() &&
        std::equal(w.begin(), w.end(), c.begin(), [](char x, char y) {
          return (x | 0x20) == y;
        })) {
      return true;
    }
  }
  return false;
}

bool IsQuantifier(std::string_view w) {
  return w == "many" || w == "Many" || w == "some" || w == "Some" ||
         w == "several" || w == "Several" || w == "most" || w == "Most" ||
         w == "all" || w == "All" || w == "both" || w == "Both" ||
         w == "other" || w == "Other" || w == "few" || w == "Few" ||
         w == "those" || w == "Those" || w == "these" || w == "These" ||
         w == "Two" || w == "two" || w == "three" || w == "Three";
}

bool IsAdverb(std::string_view w) {
  return w == "also" || w == "then" || w == "later" || w == "again" ||
         w == "further" || w == "previously" || w == "once" || w == "has" ||
         w == "had" || w == "have" || w == "recently" || w == "earlier" ||
         w == "simply" || w == "reportedly" || w == "repeatedly" ||
         w == "often" || w == "frequently" || w == "usually" || w == "always";
}

// Pronoun kind: 1 = he/she (person), 2 = they/it/we (group or person).
int PronounKind(std::string_view w) {
  if (w == "he" || w == "she" || w == "He" || w == "She") return 1;
  if (w == "they" || w == "it" || w == "They" || w == "It" || w == "we" ||
      w == "We") {
    return 2;
  }
  return 0;
}

bool IsFunctionWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "a",     "about", "after",   "against", "also",     "an",     "and",
      "as",    "at",    "before",  "but",     "by",       "during", "for",
      "from",  "had",   "has",     "have",    "he",       "her",    "him",
      "his",   "i",     "if",      "in",      "into",     "is",     "it",
      "its",   "not",   "of",      "on",      "or",       "over",   "she",
      "since", "so",    "than",    "that",    "the",      "their",  "them",
      "then",  "there", "these",   "they",    "this",     "those",  "to",
      "under", "was",   "we",      "were",    "what",     "when",   "where",
      "which", "while", "who",     "whom",    "whose",    "will",   "with",
      "would", "you",   "because", "though",  "although",
  };
  for (std::string_view k : kWords) {
    if (w.size() == k.size()) {
      bool eq = true;
      for (size_t i = 0; i < w.size() && eq; ++i) {
        char c = w[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        eq = c == k[i];
      }
      if (eq) return true;
    }
  }
  return false;
}

bool IsPreposition(std::string_view w) {
  return w == "on" || w == "in" || w == "at" || w == "during" || w == "after" ||
         w == "before" || w == "to" || w == "via" || w == "through" ||
         w == "from" || w == "with" || w == "for" || w == "by" || w == "over" ||
         w == "late" || w == "early" || w == "last" || w == "this" ||
         w == "earlier" || w == "later" || w == "of" || w == "about";
}

bool IsTimeWord(std::string_view w) {
  return w == "Monday" || w == "Tuesday" || w == "Wednesday" ||
         w == "Thursday" || w == "Friday" || w == "Saturday" || w == "Sunday" ||
         w == "yesterday" || w == "today" || w == "tonight" ||
         w == "Yesterday" || w == "Today";
}

// Words between a subject and its reporting verb that PolNeAR puts in the
// cue: "also said", "has said", "later told".
bool IsAux(std::string_view w) {
  return w == "also" || w == "has" || w == "have" || w == "had" ||
         w == "later" || w == "then" || w == "previously" || w == "again" ||
         w == "repeatedly" || w == "recently" || w == "once" ||
         w == "publicly" || w == "privately" || w == "reportedly" ||
         w == "now" || w == "still" || w == "further" || w == "earlier" ||
         w == "often" || w == "frequently" || w == "would" || w == "will" ||
         w == "similarly" || w == "separately" ||
         (w.size() > 4 && w.ends_with("ly") && w[0] >= 'a' && w[0] <= 'z' &&
          w != "only" && w != "early" && w != "family" && w != "ally");
}

// Objects of "told": "told reporters that ...".
bool IsAddressee(std::string_view w) {
  return w == "me" || w == "him" || w == "her" || w == "us" || w == "them" ||
         w == "reporters" || w == "journalists" || w == "lawmakers" ||
         w == "supporters" || w == "voters" || w == "viewers" ||
         w == "listeners" || w == "senators" || w == "investigators" ||
         w == "police" || w == "members" || w == "students" ||
         w == "delegates" || w == "donors" || w == "attendees" ||
         w == "guests" || w == "officials";
}

struct Pair {
  uint32_t open;   // token index of the opening mark
  uint32_t close;  // token index of the closing mark
};

struct Speaker {
  Span span;
  int32_t mention = -1;
  bool found = false;
};

class QuoteFinder {
 public:
  QuoteFinder(const QuoteStage& stage, Document& doc)
      : stage_(stage),
        doc_(doc),
        toks_(doc.layers().tokens),
        mentions_(doc.layers().mentions) {}

  Status Run();

 private:
  std::string_view Text(uint32_t i) const { return doc_.Slice(toks_[i].span); }
  // Token i is the possessive 's (straight or curly apostrophe).
  bool IsPossessive(uint32_t i) const {
    const std::string_view w = Text(i);
    return w == "'s" || w == "\xE2\x80\x99s";
  }
  // Tokens [a, b) hold a passive: a form of "be" then (adverbs skipped) a
  // past participle ("is seen as", "have often been criticized").
  bool PassiveCue(uint32_t a, uint32_t b) const {
    for (uint32_t t = a; t + 1 < b; ++t) {
      const std::string_view w = Text(t);
      if (w != "is" && w != "are" && w != "was" && w != "were" && w != "be" &&
          w != "been" && w != "being" && w != "Is" && w != "Was") {
        continue;
      }
      uint32_t u = t + 1;
      while (u + 1 < b && toks_[u].pos == kPosRB) ++u;
      if (toks_[u].pos != kPosVBN) continue;
      // A state of mind is the subject's own ("were incensed", "is
      // convinced").
      static constexpr std::string_view kStates[] = {
          "incensed",   "outraged",     "concerned", "worried",   "alarmed",
          "pleased",    "disappointed", "convinced", "surprised", "frustrated",
          "angered",    "angry",        "upset",     "delighted", "troubled",
          "determined", "committed",    "opposed",   "inclined",  "prepared"};
      if (std::find(std::begin(kStates), std::end(kStates), Text(u)) ==
          std::end(kStates)) {
        return true;
      }
    }
    return false;
  }
  // Token i follows an article ("the states", "a report"): a noun, not a
  // reporting verb.
  bool AfterArticle(uint32_t i) const {
    if (i == 0) return false;
    std::string_view w = Text(i - 1);
    return w == "the" || w == "a" || w == "an" || w == "The" || w == "A" ||
           w == "An";
  }
  bool IsCue(uint32_t i) const {
    return (toks_[i].flags & kTokenAlpha) && !AfterArticle(i) &&
           (stage_.IsCueVerb(Text(i)) ||
            (title_ && stage_.IsCueVerb(TitleWord(i))) ||
            // An inverted attribution opening its sentence: "Said Roe: ...".
            ((toks_[i].flags & kTokenSentenceStart) &&
             (Text(i) == "Said" || Text(i) == "Says" || Text(i) == "Added" ||
              Text(i) == "Wrote")));
  }
  // In a title-case headline ("Roe Says Plan Will Fail") a word in lower
  // case, to look it up in the verb lists; else empty.
  std::string TitleWord(uint32_t i) const {
    std::string w(Text(i));
    if (w.empty() || w[0] < 'A' || w[0] > 'Z') return {};
    w[0] = static_cast<char>(w[0] - 'A' + 'a');
    return w;
  }
  bool IsWord(uint32_t i) const {
    return toks_[i].flags & (kTokenAlpha | kTokenDigit);
  }
  bool IsSentenceEnd(uint32_t i) const {
    std::string_view t = Text(i);
    return t == "." || t == "!" || t == "?";
  }
  uint32_t BlockOf(uint32_t tok) const { return tok_block_[tok]; }
  // Tokens i and i + 1 (< end) are two touching apostrophes: ''.
  bool IsTwinApostrophe(uint32_t i, uint32_t end) const {
    return i + 1 < end && Text(i) == "'" && Text(i + 1) == "'" &&
           toks_[i].span.end == toks_[i + 1].span.start;
  }
  uint32_t SentenceOf(uint32_t tok) const;
  // Index of the mention whose span holds token `i`, or -1.
  int32_t MentionAt(uint32_t i) const;
  bool InsideQuote(Span s) const;
  // A quotation opening at token `open` may continue the statement ending
  // at token `prev`: it is in the same sentence or opens its own ("A report
  // found the money came from “the drug trade”" continues nothing).
  bool MayContinue(uint32_t open, uint32_t prev) const;
  int32_t ResolvePronoun(uint32_t i, int kind) const;
  Speaker SpeakerEndingAt(uint32_t j, uint32_t lo) const;
  Speaker SpeakerStartingAt(uint32_t j, uint32_t hi) const;
  Speaker PhraseSpeaker(uint32_t a, uint32_t b) const;
  bool IsParticiple(uint32_t i) const;
  bool IsReportingParticiple(std::string_view w) const;
  bool IsPhrasal(uint32_t i) const;
  bool ClauseEdge(uint32_t t, uint32_t lo) const;
  Speaker MainSubject(uint32_t lo, uint32_t v) const;
  Span CueSpan(uint32_t v, uint32_t hi) const;
  bool Attribute(const Pair& p, Quote& q, bool statement) const;

  // Indirect speech (after the direct quotes are in `out`).
  struct Subject {
    Speaker s;
    uint32_t first = kNone;  // first token of the speaker span
    uint32_t cue = kNone;    // first token of the cue (adverbs included)
  };
  uint32_t TokenAt(uint32_t byte) const;  // first token starting >= byte
  bool IsIndirectVerb(uint32_t i) const {
    return (toks_[i].flags & kTokenAlpha) && !AfterArticle(i) &&
           (stage_.IsIndirectVerb(Text(i)) ||
            (title_ && stage_.IsIndirectVerb(TitleWord(i))));
  }
  Subject SubjectBefore(uint32_t v, uint32_t lo) const;
  Speaker ExtendRight(Speaker s, uint32_t first, uint32_t hi,
                      bool appositions = true) const;
  uint32_t ContentStart(uint32_t v, uint32_t hi) const;
  int Words(uint32_t a, uint32_t b) const;
  bool IsDirectSpan(uint32_t a, uint32_t b) const;
  // Adds reported speech [a, b) (at least `min_words` words).
  void FindPossessiveClaims(uint32_t f, uint32_t ce);
  void FindJointSpeakers(std::vector<Quote>& out) const;
  // Token c (< ce) is "to" before a verb: "agreed to send", not "said to
  // reporters".
  bool IsInfinitive(uint32_t c, uint32_t ce) const;
  // Token v (> f) is a participle after a copula: "is expected to".
  bool AfterCopula(uint32_t v, uint32_t f) const {
    uint32_t k = v;
    while (k > f && IsAdverb(Text(k - 1))) --k;
    if (k == f) return false;
    const std::string_view w = Text(k - 1);
    return w == "is" || w == "are" || w == "was" || w == "were" ||
           w == "be" || w == "been" || w == "being" || w == "'s" ||
           w == "\xE2\x80\x99s";
  }
  bool AddIndirect(uint32_t a, uint32_t b, Span cue, const Speaker& s,
                   bool continuation, int min_words = 3);
  void FindIndirect(uint32_t f, uint32_t e);
  void FindIndirect(std::vector<Quote>& out);
  void FindRelays(std::vector<Quote>& out) const;
  // Set while the sentence being read is the headline.
  bool title_ = false;
  void FindAnonymous(std::vector<Quote>& out) const;
  void FindGroupAntecedents(std::vector<Quote>& out) const;
  // Tokens [a, hi) say the speaker is unnamed ("speaking on condition of
  // anonymity", "who asked not to be named").
  bool UnnamedClause(uint32_t a, uint32_t hi) const {
    for (uint32_t c = a; c < hi && c - a <= 12; ++c) {
      const std::string_view w = Text(c);
      if (w == "anonymity" || w == "named" || w == "identified") return true;
    }
    return false;
  }
  // Token v is a plural after a one-word nationality or party adjective
  // ("Western calls", "Republican claims"): a noun, not a reporting verb.
  bool AdjectiveBefore(uint32_t v) const {
    if (v == 0 || !Text(v).ends_with("s")) return false;
    const int32_t m = MentionAt(v - 1);
    return m >= 0 && mentions_[m].type == EntityType::kMisc &&
           mentions_[m].span.start == toks_[v - 1].span.start &&
           mentions_[m].span.end == toks_[v - 1].span.end;
  }
  void FindModel(std::vector<Quote>& out) const;
  void FindLabeled(std::vector<Quote>& out) const;
  bool SpeakerLabel(uint32_t a, uint32_t end, bool title, uint32_t* colon) const;
  Speaker ModelSpeaker(uint32_t a, uint32_t b) const;
  // Narrows a source's tokens [*a, *b) to the name: a conjunction before
  // it, a parenthesis left open, and with `times` a time after it.
  void TrimSpeakerEdges(uint32_t* a, uint32_t* b, bool times) const;
  // TrimSpeakerEdges() on every quote's speaker span.
  void TrimSpeakers(std::vector<Quote>& out) const;

  const QuoteStage& stage_;
  Document& doc_;
  const std::vector<Token>& toks_;
  const std::vector<Mention>& mentions_;
  std::vector<uint32_t> tok_block_;  // block index per token
  std::vector<std::pair<uint32_t, uint32_t>> block_toks_;  // [first, end)
  std::vector<Pair> pairs_;
  std::vector<Span> contents_;
  std::vector<int32_t> pair_at_;  // per token: index into pairs_, or -1
  std::vector<Quote> indirect_;   // found by FindIndirect
};

uint32_t QuoteFinder::SentenceOf(uint32_t tok) const {
  const auto& ss = doc_.layers().sentences;
  auto it = std::upper_bound(
      ss.begin(), ss.end(), tok,
      [](uint32_t t, const Sentence& s) { return t < s.first_token; });
  if (it == ss.begin()) return kNone;
  --it;
  if (tok >= it->end_token) return kNone;
  return static_cast<uint32_t>(it - ss.begin());
}

int32_t QuoteFinder::MentionAt(uint32_t i) const {
  const Span t = toks_[i].span;
  auto it = std::upper_bound(
      mentions_.begin(), mentions_.end(), t.start,
      [](uint32_t v, const Mention& m) { return v < m.span.start; });
  // Mentions do not overlap much; look back a few.
  for (int k = 0; k < 4 && it != mentions_.begin(); ++k) {
    --it;
    if (it->span.start <= t.start && t.start < it->span.end) {
      return static_cast<int32_t>(it - mentions_.begin());
    }
  }
  return -1;
}

bool QuoteFinder::MayContinue(uint32_t open, uint32_t prev) const {
  const uint32_t si = SentenceOf(open);
  if (si == kNone || si == SentenceOf(prev)) return true;
  for (uint32_t t = doc_.layers().sentences[si].first_token; t < open; ++t) {
    if (IsWord(t)) return false;
  }
  return true;
}

bool QuoteFinder::InsideQuote(Span s) const {
  for (const Span& c : contents_) {
    if (c.Contains(s)) return true;
  }
  return false;
}

// The nearest mention before token `i`, outside quotes: a person for
// he/she, a person or organisation for they/it/we.
int32_t QuoteFinder::ResolvePronoun(uint32_t i, int kind) const {
  const uint32_t at = toks_[i].span.start;
  const uint32_t here = SentenceOf(i);
  for (size_t k = mentions_.size(); k-- > 0;) {
    const Mention& m = mentions_[k];
    if (m.span.end > at) continue;
    if (InsideQuote(m.span)) continue;
    // "they"/"it"/"we" look back two sentences at most (an organisation
    // named paragraphs earlier is seldom the one meant).
    if (kind == 2 && here != kNone) {
      const uint32_t there = SentenceOf(TokenAt(m.span.start));
      if (there != kNone && there + 2 < here) return -1;
    }
    // "he"/"she" name a person; "they"/"it"/"we" an organisation (a group
    // of people is not one person entity).
    if ((kind == 1 && m.type == EntityType::kPerson) ||
        (kind == 2 && m.type == EntityType::kOrg)) {
      // Prefer the first such mention of that sentence (its subject, most
      // often) over the nearest: "Velden said she hoped to meet Voronin.
      // 'I came,' she said."
      const auto& sents = doc_.layers().sentences;
      auto it = std::upper_bound(
          sents.begin(), sents.end(), m.span.start,
          [](uint32_t v, const Sentence& st) { return v < st.span.start; });
      if (it == sents.begin()) return static_cast<int32_t>(k);
      const uint32_t sent_start = (it - 1)->span.start;
      int32_t best = static_cast<int32_t>(k);
      for (size_t j = k; j-- > 0;) {
        const Mention& o = mentions_[j];
        if (o.span.start < sent_start) break;
        if (InsideQuote(o.span)) continue;
        if (o.type == m.type) best = static_cast<int32_t>(j);
      }
      return best;
    }
  }
  return -1;
}

// A speaker whose last token is `j` (not before token `lo`): a mention, a
// pronoun, or a descriptor opened by a determiner ("the Norland leader").
Speaker QuoteFinder::SpeakerEndingAt(uint32_t j, uint32_t lo) const {
  Speaker s;
  if (j < lo || j == kNone) return s;
  const int32_t m = MentionAt(j);
  if (m >= 0 && mentions_[m].span.end >= toks_[j].span.end) {
    // A mention ending here (not "Velden's spokesman").
    s.span = mentions_[m].span;
    s.mention = m;
    s.found = true;
    return s;
  }
  if (int kind = PronounKind(Text(j)); kind != 0) {
    s.span = toks_[j].span;
    s.mention = ResolvePronoun(j, kind);
    s.found = true;
    return s;
  }
  // "the 34-year-old mother of three": a count after "of" closes the
  // descriptor.
  if (j >= lo + 2 && Text(j - 1) == "of") {
    static constexpr std::string_view kCounts[] = {
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
    const std::string_view w = Text(j);
    if (std::find(std::begin(kCounts), std::end(kCounts), w) !=
        std::end(kCounts)) {
      Speaker h = SpeakerEndingAt(j - 2, lo);
      if (h.found && h.mention < 0) {
        h.span.end = toks_[j].span.end;
        return h;
      }
    }
  }
  if (!(toks_[j].flags & kTokenAlpha) || IsCue(j)) return s;
  for (uint32_t k = j, n = 0; k >= lo && n < 6; --k, ++n) {
    if (k < j && k > lo && IsPossessive(k)) {
      // A possessor: "Clinton's campaign chairman", "the state's chairman".
      const int32_t pm = MentionAt(k - 1);
      if (pm >= 0 && mentions_[pm].span.end == toks_[k - 1].span.end) {
        uint32_t f = TokenAt(mentions_[pm].span.start);
        if (f > lo && IsDeterminer(Text(f - 1))) --f;
        s.span = Span{toks_[f].span.start, toks_[j].span.end};
        s.found = true;
        return s;
      }
      continue;
    }
    const std::string_view w = Text(k);
    // "the 34-year-old mother": an age is a modifier.
    const bool age = k != j && w.ends_with("-old");
    if ((!(toks_[k].flags & kTokenAlpha) && !age) || (k != j && IsCue(k))) {
      break;
    }
    if (w == "and" || w == "or" || w == "but" || w == "that" || w == "which" ||
        w == "who" || w == "as") {
      break;
    }
    if (IsDeterminer(Text(k)) && k < j) {
      s.span = Span{toks_[k].span.start, toks_[j].span.end};
      s.found = true;
      return s;
    }
    if (k == 0) break;
  }
  return s;
}

// A speaker whose first token is `j` (before token `hi`).
Speaker QuoteFinder::SpeakerStartingAt(uint32_t j, uint32_t hi) const {
  Speaker s;
  if (j >= hi) return s;
  const int32_t m = MentionAt(j);
  if (m >= 0 && mentions_[m].span.start == toks_[j].span.start) {
    s.span = mentions_[m].span;
    s.mention = m;
    s.found = true;
    // "said NBC's Ivo Marr": the possessor and the person it qualifies.
    uint32_t after = j;
    while (after < hi && toks_[after].span.start < mentions_[m].span.end) {
      ++after;
    }
    if (after + 1 < hi && IsPossessive(after)) {
      const int32_t m2 = MentionAt(after + 1);
      if (m2 >= 0 && mentions_[m2].type == EntityType::kPerson &&
          mentions_[m2].span.start == toks_[after + 1].span.start) {
        s.span.end = mentions_[m2].span.end;
        s.mention = m2;
      }
    }
    return s;
  }
  if (int kind = PronounKind(Text(j)); kind != 0) {
    s.span = toks_[j].span;
    s.mention = ResolvePronoun(j, kind);
    s.found = true;
    return s;
  }
  if (IsSpeakerDeterminer(Text(j))) {
    // "the Caldera Herald" is the mention; "the Norland leader" is a
    // descriptor.
    const int32_t m2 = j + 1 < hi ? MentionAt(j + 1) : -1;
    if (m2 >= 0 && mentions_[m2].span.start == toks_[j + 1].span.start) {
      uint32_t after = j + 1;
      while (after < hi && toks_[after].span.start < mentions_[m2].span.end) {
        ++after;
      }
      if (after >= hi || !(toks_[after].flags & kTokenAlpha) || IsCue(after)) {
        s.span = mentions_[m2].span;
        s.span.start = toks_[j].span.start;  // "the Herald", as PolNeAR
        s.mention = m2;
        s.found = true;
        return s;
      }
    }
    uint32_t e = j + 1;
    while (e < hi && e - j <= 5 && (toks_[e].flags & kTokenAlpha) &&
           !IsCue(e) && Text(e) != "who" && Text(e) != "that" &&
           Text(e) != "and" &&
           // "her grandfather often said": the adverb is the cue's.
           !(e > j + 1 && IsAux(Text(e)) && e + 1 < hi &&
             (IsCue(e + 1) || IsAux(Text(e + 1)))) &&
           // "the ruling." ends the phrase; "the man saying" does not.
           (!Text(e).ends_with("ing") ||
            (e + 1 < hi && !(toks_[e + 1].flags & kTokenAlpha)))) {
      ++e;
    }
    if (e > j + 1) {
      s.span = Span{toks_[j].span.start, toks_[e - 1].span.end};
      s.found = true;
    }
  }
  return s;
}

// The whole noun phrase of tokens [a, b) as a speaker, as PolNeAR marks a
// source ("Trump lawyer Tom Eke", "Mr. Eke of the Ferry Union", "Sen. Ada
// Roe, R-Ore.,"): it opens with a mention, a pronoun, a determiner, a
// capitalised word or a number; `mention` is its head, the last mention
// before the first comma, parenthesis, preposition or relative pronoun.
Speaker QuoteFinder::PhraseSpeaker(uint32_t a, uint32_t b) const {
  Speaker s;
  while (b > a && (Text(b - 1) == "," || Text(b - 1) == "\xE2\x80\x94")) --b;
  if (b <= a || b - a > 30) return s;
  const std::string_view w0 = Text(a);
  if (w0 == "and" || w0 == "but" || w0 == "or" || w0 == "as" || w0 == "while" ||
      w0 == "when" || w0 == "if" || w0 == "because" || w0 == "then" ||
      w0 == "so" || w0 == "that" || w0 == "which") {
    return s;
  }
  if (IsPreposition(w0)) return s;
  for (uint32_t t = a; t < b; ++t) {
    const std::string_view w = Text(t);
    if ((toks_[t].flags & kTokenQuoteMark) || IsIndirectVerb(t) ||
        w == "while" || w == "when" || w == "because" || w == "but" ||
        w == "although" || w == "whereas") {
      return s;
    }
  }
  if (b == a + 1) {
    Speaker one = SpeakerStartingAt(a, b);
    if (one.found) return one;
  }
  const uint16_t f0 = toks_[a].flags;
  const bool opens = MentionAt(a) >= 0 || PronounKind(w0) != 0 ||
                     IsSpeakerDeterminer(w0) || (f0 & kTokenUpperInitial) ||
                     (f0 & kTokenDigit);
  int32_t head = -1;
  bool stop = false;
  for (uint32_t t = a; t < b && !stop; ++t) {
    const std::string_view w = Text(t);
    if (t > a &&
        (w == "," || w == "(" || w == "of" || w == "at" || w == "for" ||
         w == "from" || w == "who" || w == "in" || w == "with" || w == "on")) {
      if (head >= 0) stop = true;
      continue;
    }
    const int32_t m = MentionAt(t);
    if (m >= 0 && (mentions_[m].type == EntityType::kPerson ||
                   mentions_[m].type == EntityType::kOrg ||
                   mentions_[m].type == EntityType::kMisc)) {
      head = m;
    }
  }
  if (!opens && head < 0) return s;
  if (head < 0 && !(f0 & (kTokenUpperInitial | kTokenDigit)) &&
      !IsDeterminer(w0)) {
    // A lower-case phrase names a source only with a mention ("council
    // chair Ilse Marovic") or as a bare plural ("experts").
    const std::string_view last = Text(b - 1);
    if (!(last.ends_with("s") || last == "police")) return s;
  }
  s.span = Span{toks_[a].span.start, toks_[b - 1].span.end};
  s.mention = head;
  s.found = true;
  return s;
}

// A reporting verb with its particle: "called for", "pointed to", "spoke
// of", "talked about", "warned against".
bool QuoteFinder::IsPhrasal(uint32_t i) const {
  if (i + 2 >= toks_.size()) return false;
  const std::string_view w = Text(i), p = Text(i + 1);
  if (w == "called" || w == "calls" || w == "call") {
    return p == "for" || p == "on";
  }
  if (w == "pointed" || w == "points") return p == "to" || p == "out";
  if (w == "spoke" || w == "talked") return p == "of" || p == "about";
  if (w == "warned" || w == "warns") {
    return p == "of" || p == "against" || p == "about";
  }
  if (w == "complained") return p == "about" || p == "of";
  if (w == "argued" || w == "argues") return p == "for" || p == "against";
  if (w == "pushed" || w == "pressed" || w == "asked") return p == "for";
  if (w == "railed") return p == "against";
  return false;
}

// A reporting participle after a comma: "X did Y, saying (that) S".
bool QuoteFinder::IsParticiple(uint32_t i) const {
  if (i == 0 || Text(i - 1) != ",") return false;
  const std::string_view w = Text(i);
  // "..., adding uncertainty to whether ...", "adding weight to the plan":
  // adding a thing to another is no speech.
  if (w == "adding" && i + 2 < toks_.size()) {
    const std::string_view w1 = Text(i + 1);
    const bool lower_word = !w1.empty() && w1[0] >= 'a' && w1[0] <= 'z';
    const bool function = w1 == "that" || w1 == "he" || w1 == "she" ||
                          w1 == "they" || w1 == "it" || w1 == "we" ||
                          w1 == "the" || w1 == "a" || w1 == "an";
    if (lower_word && !function &&
        (Text(i + 2) == "to" ||
         (i + 3 < toks_.size() && Text(i + 3) == "to"))) {
      return false;
    }
  }
  return IsReportingParticiple(w);
}

// A participle of saying: "saying", "insisting", "demanding", ...
bool QuoteFinder::IsReportingParticiple(std::string_view w) const {
  return w == "saying" || w == "adding" || w == "noting" || w == "arguing" ||
         w == "suggesting" || w == "warning" || w == "insisting" ||
         w == "claiming" || w == "explaining" || w == "writing" ||
         w == "stressing" || w == "asserting" || w == "acknowledging" ||
         w == "declaring" || w == "stating" || w == "telling" ||
         w == "predicting" || w == "recalling" || w == "emphasizing" ||
         w == "charging" || w == "complaining" || w == "citing" ||
         w == "promising" || w == "accusing" || w == "describing" ||
         w == "announcing" || w == "denouncing" || w == "urging" ||
         w == "vowing" || w == "pledging" || w == "conceding" ||
         w == "admitting" || w == "boasting" || w == "lamenting";
}

// The subject of the clause of tokens [lo, v): after an opening adverbial
// ("On Monday, "), a pronoun or the phrase up to the first person or
// organisation ("Ukrainian President Ada Roe").
Speaker QuoteFinder::MainSubject(uint32_t lo, uint32_t v) const {
  Speaker s;
  uint32_t t = lo;
  // “...,” Ada Roe said, adding ...: the subject follows the quotation.
  if (t < v && pair_at_[t] >= 0) {
    t = pairs_[pair_at_[t]].close + 1;
    while (t < v && Text(t) == ",") ++t;
  }
  while (t < v && !(toks_[t].flags & kTokenAlpha)) ++t;
  if (t < v && (IsPreposition(Text(t)) || Text(t) == "In" || Text(t) == "On" ||
                Text(t) == "At" || Text(t) == "After" || Text(t) == "During" ||
                Text(t) == "Meanwhile")) {
    uint32_t c = t;
    while (c < v && c - t < 10 && Text(c) != ",") ++c;
    if (c < v && Text(c) == ",") t = c + 1;
  }
  if (t < v && (Text(t) == "But" || Text(t) == "And" || Text(t) == "Yet")) ++t;
  if (t >= v) return s;
  if (PronounKind(Text(t)) != 0) return SpeakerStartingAt(t, v);
  for (uint32_t k = t; k < v && k - t < 7; ++k) {
    if (!(toks_[k].flags & kTokenAlpha) && Text(k) != "." && Text(k) != "'s" &&
        Text(k) != "\xE2\x80\x99s") {
      break;
    }
    if (IsIndirectVerb(k) || IsCue(k)) break;
    const int32_t m = MentionAt(k);
    if (m >= 0 && (mentions_[m].type == EntityType::kPerson ||
                   mentions_[m].type == EntityType::kOrg)) {
      uint32_t e = k;
      while (e < v && toks_[e].span.start < mentions_[m].span.end) ++e;
      if (e < v && IsPossessive(e)) break;
      s.span = Span{toks_[t].span.start, mentions_[m].span.end};
      // "Tom Eke, a ferry captain, did Y, saying": an apposition opened by
      // a determiner, with no verb in it.
      if (e + 2 < v && Text(e) == "," && IsDeterminer(Text(e + 1))) {
        for (uint32_t c = e + 2; c < v && c - e <= 20; ++c) {
          if (IsIndirectVerb(c) || IsCue(c) || IsSentenceEnd(c) ||
              (toks_[c].flags & kTokenQuoteMark) || Text(c) == "who" ||
              Text(c) == "which") {
            break;
          }
          if (Text(c) == ",") {
            s.span.end = toks_[c - 1].span.end;
            break;
          }
        }
      }
      // "Sen. Ada Roe (R-Ore.) said ..., arguing": the parenthesis too.
      if (e < v && Text(e) == "(") {
        for (uint32_t c = e + 1; c < v && c - e <= 8; ++c) {
          if (Text(c) == ")") {
            s.span.end = toks_[c].span.end;
            break;
          }
        }
      }
      s.mention = m;
      s.found = true;
      return s;
    }
    if (k > t && !(toks_[k].flags & kTokenUpperInitial) &&
        !IsDeterminer(Text(t))) {
      break;
    }
  }
  return s;
}

// The cue phrase at verb `v`: "said", "told reporters", "according to".
Span QuoteFinder::CueSpan(uint32_t v, uint32_t hi) const {
  Span s = toks_[v].span;
  std::string_view w = Text(v);
  if (v + 1 < hi) {
    std::string_view n = Text(v + 1);
    if (w == "according" && n == "to") s.end = toks_[v + 1].span.end;
  }
  // Adverbs and auxiliaries before the verb belong to the cue, as in
  // PolNeAR: "also said", "has said"; the addressee does not ("told").
  uint32_t k = v;
  while (k > 0 && BlockOf(k - 1) == BlockOf(v) && IsAux(Text(k - 1))) --k;
  s.start = toks_[k].span.start;
  return s;
}

// Fills cue and speaker of the quote `p`; false when no attribution was
// found.
bool QuoteFinder::Attribute(const Pair& p, Quote& q, bool statement) const {
  const uint32_t block = BlockOf(p.open);
  const uint32_t bfirst = block_toks_[block].first;
  const uint32_t bend = block_toks_[BlockOf(p.close)].second;
  auto set = [&q, this](uint32_t verb, uint32_t hi, const Speaker& s) {
    q.cue = CueSpan(verb, hi);
    q.speaker = s.span;
    q.speaker_mention = s.mention;
    return true;
  };

  // 1. After the quote: “...,” NAME said / “...,” said NAME / he added.
  {
    uint32_t j = p.close + 1;
    while (j < bend && Text(j) == ",") ++j;
    if (j < bend && IsCue(j)) {
      Speaker s = SpeakerStartingAt(j + 1, bend);
      if (s.found && s.mention >= 0 &&
          mentions_[s.mention].type != EntityType::kPerson) {
        // “...,” said Norland Radio host Ada Roe: the person heads it.
        uint32_t a = j + 1;
        while (a < bend && toks_[a].span.start < s.span.end) ++a;
        if (a < bend && (toks_[a].flags & kTokenAlpha)) s.found = false;
      }
      if (!s.found) {
        // “...,” said 9/11 widow Ada Roe.
        const uint32_t si = SentenceOf(j);
        uint32_t hi =
            si == kNone ? bend
                        : std::min(bend, doc_.layers().sentences[si].end_token);
        while (hi > j + 1 && IsSentenceEnd(hi - 1)) --hi;
        uint32_t e = j + 1;
        while (e < hi && Text(e) != ",") ++e;
        if (e - j <= 8) {
          Speaker ph = PhraseSpeaker(j + 1, e);
          if (ph.found && ph.mention >= 0) s = ph;
          // "Norland Radio host Tom Eke": the person is the head.
          for (uint32_t k = j + 1; s.found && k < e; ++k) {
            const int32_t m = MentionAt(k);
            if (m >= 0 && mentions_[m].type == EntityType::kPerson &&
                mentions_[m].span.start == toks_[k].span.start) {
              s.mention = m;
              break;
            }
          }
        }
      }
      if (s.found) {
        // “...,” said Tom Eke, a ferry captain from Tessby.
        {
          const uint32_t si = SentenceOf(j);
          uint32_t hi =
              si == kNone
                  ? bend
                  : std::min(bend, doc_.layers().sentences[si].end_token);
          while (hi > j + 1 && IsSentenceEnd(hi - 1)) --hi;
          // A name the entity layer missed ("said Carmel Vane, executive
          // director of ...") still takes its apposition: two or more
          // capitalized words.
          int caps = 0;
          bool name = true;
          for (uint32_t k = j + 1; k < hi && toks_[k].span.start < s.span.end;
               ++k) {
            if (toks_[k].flags & kTokenUpperInitial) {
              ++caps;
            } else if (toks_[k].flags & kTokenAlpha) {
              name = name && (Text(k) == "the" || Text(k) == "de" ||
                              Text(k) == "van" || Text(k) == "von");
            }
          }
          s = ExtendRight(s, j + 1, hi,
                          s.mention >= 0 ||
                              s.span.start != toks_[j + 1].span.start ||
                              (name && caps >= 2));
        }
        return set(j, bend, s);
      }
    } else if (j < bend) {
      Speaker s = SpeakerStartingAt(j, bend);
      if (!s.found) {
        // Lower-case modifiers before a titled name: “...,” council chair
        // Ilse Marovic said.
        for (uint32_t k = j; k < bend && k - j < 3; ++k) {
          const uint16_t f = toks_[k].flags;
          if (!(f & kTokenAlpha) || (f & kTokenUpperInitial) || IsCue(k)) break;
          Speaker named = SpeakerStartingAt(k + 1, bend);
          if (named.found && named.mention >= 0) {
            named.span.start = toks_[j].span.start;
            s = named;
            break;
          }
        }
      }
      if (s.found) {
        uint32_t v = j;
        while (v < bend && toks_[v].span.start < s.span.end) ++v;
        if (v < bend && Text(v) == "," && s.mention >= 0) {
          // An apposition: NAME, the foreign minister, said.
          uint32_t c = v + 1;
          while (c < bend && c - v <= 8 && Text(c) != "," &&
                 !IsSentenceEnd(c) && !(toks_[c].flags & kTokenQuoteMark)) {
            ++c;
          }
          if (c < bend && Text(c) == ",") {
            const std::string_view nw = Text(v + 1);
            (void)nw;  // a relative clause too, as PolNeAR marks it
            s.span.end = toks_[c - 1].span.end;  // the apposition too
            v = c + 1;
          }
        }
        while (v < bend && IsAdverb(Text(v))) ++v;
        if (v < bend && IsCue(v)) return set(v, bend, s);
      }
    }
  }
  // 1b. After the quote, any subject phrase before a reporting verb:
  // “...,” Trump lawyer Tom Eke said. / “...,” Mr. Eke of the Ferry Union
  // said. / “...” ― Ada Roe (a dash and a name closing the paragraph).
  {
    uint32_t j = p.close + 1;
    while (j < bend && Text(j) == ",") ++j;
    const std::string_view lastc = Text(p.close - 1);
    const bool clause = p.close > p.open + 1 &&
                        (lastc == "," || lastc == "." || lastc == "?" ||
                         lastc == "!" || lastc == "\xE2\x80\xA6" ||
                         (p.close + 1 < bend && Text(p.close + 1) == ","));
    if (clause && j < bend && !IsCue(j)) {
      const std::string_view d = Text(j);
      if (d == "\xE2\x80\x95" || d == "\xE2\x80\x94" || d == "\xE2\x80\x93" ||
          d == "-" || d == "--") {
        // “...” ― Ada Roe
        uint32_t e = j + 1;
        while (e < bend && !(toks_[e].flags & kTokenQuoteMark) && e - j <= 8) {
          ++e;
        }
        const bool closes =
            e == bend || (e < bend && (toks_[e].flags & kTokenQuoteMark));
        while (e > j + 1 && IsSentenceEnd(e - 1)) --e;
        bool name = e > j + 1 && e - j <= 6;
        for (uint32_t t = j + 1; t < e && name; ++t) {
          name = (toks_[t].flags & kTokenUpperInitial) || Text(t) == "." ||
                 Text(t) == "," || Text(t) == "-";
        }
        if (closes && name) {
          const int32_t m = MentionAt(j + 1);
          {
            q.speaker = Span{toks_[j + 1].span.start, toks_[e - 1].span.end};
            q.speaker_mention = m;
            return true;
          }
        }
      }
      const bool ends_sentence =
          p.close > p.open + 1 && Text(p.close - 1) == ".";
      const uint32_t lim = std::min(bend, j + 32);
      uint32_t v = j;
      for (; v < lim; ++v) {
        if (toks_[v].flags & kTokenQuoteMark) break;
        if (IsSentenceEnd(v) &&
            !(v + 1 < bend && (Text(v + 1) == "," || Text(v + 1) == ")"))) {
          break;
        }
        if (IsCue(v) && v > j) break;
      }
      if (v < lim && IsCue(v) && !(toks_[v].flags & kTokenSentenceStart) &&
          !AdjectiveBefore(v)) {
        uint32_t k = v;
        while (k > j && IsAux(Text(k - 1))) --k;
        // “We will win.” Ada Roe said the plan ...: a new statement.
        bool own_clause = ends_sentence && v + 1 < bend &&
                          (toks_[v + 1].flags & kTokenAlpha) &&
                          !IsPreposition(Text(v + 1)) &&
                          !IsTimeWord(Text(v + 1));
        // “... kidding.” To which she said, “...”: a new sentence whose
        // cue opens the next quotation speaks for that one.
        const std::string_view last = Text(p.close - 1);
        if ((last == "." || last == "?" || last == "!") &&
            (toks_[j].flags & kTokenSentenceStart)) {
          uint32_t n = v + 1;
          if (n < bend && (Text(n) == "," || Text(n) == ":")) ++n;
          if (n < bend && (toks_[n].flags & kTokenQuoteMark) &&
              pair_at_[n] >= 0 && pairs_[pair_at_[n]].open == n) {
            own_clause = true;
          }
        }
        Speaker s = k > j && !own_clause ? PhraseSpeaker(j, k) : Speaker();
        if (s.found) return set(v, bend, s);
      }
    }
  }
  // 2. Before the quote: NAME said: “...” / NAME told reporters “...”.
  if (p.open > bfirst) {
    uint32_t j = p.open - 1;
    std::string_view t = Text(j);
    if ((t == ":" || t == "," || t == "\xE2\x80\x94") && j > bfirst) --j;
    for (uint32_t v = j, n = 0; v >= bfirst && n < 10; --v, ++n) {
      if (IsSentenceEnd(v) || (toks_[v].flags & kTokenQuoteMark)) break;
      // Before a quotation, also the manner of saying it: "X poked at Y,
      // tweeting, “...”", "X, asking, “...”".
      // ("..., singing" or "... while chanting," / "before asking her,":
      // a conjunction of time before the participle.)
      const bool manner = v > bfirst &&
                          (Text(v - 1) == "," || Text(v - 1) == "while" ||
                           Text(v - 1) == "before" || Text(v - 1) == "after") &&
                          (Text(v) == "tweeting" || Text(v) == "asking" ||
                           Text(v) == "chanting" || Text(v) == "singing" ||
                           Text(v) == "shouting" || Text(v) == "joking" ||
                           Text(v) == "quipping" || Text(v) == "yelling" ||
                           Text(v) == "posting" || Text(v) == "replying");
      // "footage of Ada Roe saying during the debate, “...”": a participle
      // right after a named person.
      if (v > bfirst && (Text(v) == "saying" || Text(v) == "asking" ||
                         Text(v) == "telling" || Text(v) == "declaring" ||
                         Text(v) == "insisting" || Text(v) == "shouting")) {
        const int32_t m = MentionAt(v - 1);
        if (m >= 0 && mentions_[m].type == EntityType::kPerson &&
            mentions_[m].span.end == toks_[v - 1].span.end &&
            pair_at_[v - 1] < 0) {
          q.cue = toks_[v].span;
          q.speaker = mentions_[m].span;
          q.speaker_mention = m;
          return true;
        }
      }
      if (IsParticiple(v) || manner) {
        // X challenged Y, saying, “...”
        const uint32_t si = SentenceOf(v);
        const uint32_t lo =
            si == kNone
                ? bfirst
                : std::max(bfirst, doc_.layers().sentences[si].first_token);
        Speaker s = MainSubject(lo, v - 1);
        if (s.found) {
          q.cue = toks_[v].span;
          q.speaker = s.span;
          q.speaker_mention = s.mention;
          return true;
        }
        break;
      }
      if (IsCue(v)) {
        const uint32_t si = SentenceOf(v);
        const uint32_t lo =
            si == kNone
                ? bfirst
                : std::max(bfirst, doc_.layers().sentences[si].first_token);
        Speaker s = SubjectBefore(v, lo).s;
        if (!s.found) {
          // "Ada Roe laughed and said, “...”": the clause's subject.
          uint32_t k = v;
          while (k > lo && IsAux(Text(k - 1))) --k;
          if (k > lo + 2 && Text(k - 1) == "and") {
            s = MainSubject(lo, k - 1);
            if (s.found && pair_at_[TokenAt(s.span.start)] >= 0) {
              s = Speaker();
            }
          }
        }
        if (!s.found) s = SpeakerStartingAt(v + 1, p.open);  // said NAME:
        if (!s.found) {
          // "Said Ellis: “...”": capitalized words up to the colon, also
          // when the entity layer missed the name.
          uint32_t e = v + 1;
          while (e < p.open && e - v <= 4 &&
                 (toks_[e].flags & kTokenUpperInitial)) {
            ++e;
          }
          if (e > v + 1 && e < p.open && Text(e) == ":") {
            s.span = Span{toks_[v + 1].span.start, toks_[e - 1].span.end};
            s.mention = MentionAt(v + 1);
            s.found = true;
          }
        }
        if (s.found) return set(v, p.open, s);
        break;
      }
      if (v == 0) break;
    }
  }
  // 3. "according to NAME" in the sentences holding the quote.
  {
    uint32_t s0 = SentenceOf(p.open), s1 = SentenceOf(p.close);
    const auto& ss = doc_.layers().sentences;
    uint32_t lo = s0 == kNone ? bfirst : ss[s0].first_token;
    uint32_t hi = s1 == kNone ? bend : ss[s1].end_token;
    if (p.close + 1 < bend && s1 != kNone && hi == p.close + 1) {
      // The quote ends its sentence: look at the next one too.
      if (s1 + 1 < ss.size() && ss[s1 + 1].first_token < bend) {
        hi = ss[s1 + 1].end_token;
      }
    }
    lo = std::max(lo, bfirst);
    hi = std::min(hi, bend);
    for (uint32_t k = lo; k + 1 < hi; ++k) {
      if (k >= p.open && k <= p.close) continue;
      if ((Text(k) == "according" || Text(k) == "According") &&
          Text(k + 1) == "to") {
        Speaker s = SpeakerStartingAt(k + 2, hi);
        if (s.found) {
          q.cue = Span{toks_[k].span.start, toks_[k + 1].span.end};
          q.speaker = s.span;
          q.speaker_mention = s.mention;
          return true;
        }
      }
    }
  }
  // 4. A paragraph ending in ':' introduces a quote paragraph.
  if (p.open == bfirst && block > 0) {
    const auto [pf, pe] = block_toks_[block - 1];
    if (pe > pf && Text(pe - 1) == ":") {
      const uint32_t sidx = SentenceOf(pe - 1);
      const uint32_t lo =
          sidx == kNone
              ? pf
              : std::max(pf, doc_.layers().sentences[sidx].first_token);
      for (uint32_t v = lo; v < pe; ++v) {
        if (!IsCue(v)) continue;
        uint32_t k = v;
        while (k > lo && IsAdverb(Text(k - 1))) --k;
        Speaker s = k > lo ? SpeakerEndingAt(k - 1, lo) : Speaker();
        if (!s.found) s = SpeakerStartingAt(v + 1, pe);
        if (s.found) return set(v, pe, s);
      }
      // No reporting verb ("X set out her terms:"): the sentence's first
      // person or organisation, or its opening pronoun, introduces it.
      for (uint32_t v = lo; v < pe; ++v) {
        if (toks_[v].flags & kTokenQuoteMark) break;
        Speaker s = SpeakerStartingAt(v, pe);
        if (s.found && (s.mention < 0 ||
                        mentions_[s.mention].type == EntityType::kPerson ||
                        mentions_[s.mention].type == EntityType::kOrg)) {
          if (s.mention < 0 && v != lo) continue;  // descriptors only first
          q.speaker = s.span;
          q.speaker_mention = s.mention;
          return true;
        }
      }
    }
  }
  // 5. A reporting verb earlier in the quote's sentence: NAME called for
  // “firm guarantees”.
  {
    const uint32_t sidx = SentenceOf(p.open);
    const uint32_t lo =
        sidx == kNone
            ? bfirst
            : std::max(bfirst, doc_.layers().sentences[sidx].first_token);
    for (uint32_t v = p.open; v-- > lo;) {
      if (toks_[v].flags & kTokenQuoteMark) break;
      if (!IsCue(v)) continue;
      if (AdjectiveBefore(v)) break;  // "Western claims" is a noun phrase
      uint32_t k = v;
      while (k > lo && IsAdverb(Text(k - 1))) --k;
      Speaker s = k > lo ? SpeakerEndingAt(k - 1, lo) : Speaker();
      if (s.found) return set(v, p.open, s);
      break;
    }
    // 6. A quoted statement inside a sentence ("Ada Roe vowed to punish
    // “those who broke the rules”"): the sentence's subject, its verb the
    // cue. Not for a few words (scare quotes, titles).
    bool verb_before = false;
    for (uint32_t v = lo; v < p.open; ++v) {
      verb_before = verb_before || IsCue(v) || IsIndirectVerb(v);
    }
    if (statement && !verb_before && p.open > lo + 1 && pair_at_[lo] < 0) {
      Speaker s = MainSubject(lo, p.open);
      // Only a plain name or pronoun ("Ada Roe", "Mayor Ada Roe", "she").
      if (s.found) {
        const uint32_t a = TokenAt(s.span.start);
        const uint32_t m =
            s.mention >= 0 ? TokenAt(mentions_[s.mention].span.start) : a;
        for (uint32_t t = a; t < m && s.found; ++t) {
          if ((toks_[t].flags & kTokenAlpha) &&
              !(toks_[t].flags & kTokenUpperInitial) &&
              !IsDeterminer(Text(t))) {
            s.found = false;
          }
        }
      }
      if (s.found) {
        uint32_t v = TokenAt(s.span.end);
        if (v < p.open && (toks_[v].flags & kTokenAlpha) &&
            !(toks_[v].flags & kTokenUpperInitial) &&
            !IsFunctionWord(Text(v))) {
          q.cue = CueSpan(v, p.open);
          q.speaker = s.span;
          q.speaker_mention = s.mention;
          return true;
        }
      }
    }
  }
  return false;
}

// --- Indirect speech ------------------------------------------------------

uint32_t QuoteFinder::TokenAt(uint32_t byte) const {
  auto it = std::lower_bound(
      toks_.begin(), toks_.end(), byte,
      [](const Token& t, uint32_t v) { return t.span.start < v; });
  return static_cast<uint32_t>(it - toks_.begin());
}

int QuoteFinder::Words(uint32_t a, uint32_t b) const {
  int n = 0;
  for (uint32_t t = a; t < b; ++t) n += IsWord(t) ? 1 : 0;
  return n;
}

// True when tokens [a, b) are (almost) all inside quotation marks: the
// direct quote found there already stands for the statement.
bool QuoteFinder::IsDirectSpan(uint32_t a, uint32_t b) const {
  int outside = 0;
  for (uint32_t t = a; t < b; ++t) {
    if (pair_at_[t] < 0 && IsWord(t)) ++outside;
  }
  return outside < 2;
}

// The subject of reporting verb `v` (not before token `lo`): a speaker
// ending just before the verb and its adverbs ("Ada Roe also said"), with
// an apposition ("Ada Roe, a ferry captain, said"), a parenthesis ("Sen.
// Ada Roe (D-Ore.) said") or lower-case modifiers from the clause start
// ("harbour pilot Tom Eke said"); a relative clause is left out ("Ada Roe,
// who ..., said" -> "Ada Roe").
QuoteFinder::Subject QuoteFinder::SubjectBefore(uint32_t v, uint32_t lo) const {
  Subject r;
  uint32_t k = v;
  while (k > lo && IsAux(Text(k - 1))) --k;
  r.cue = k;
  // "X on Monday said", "X this month rejected": a time between the
  // subject and its verb is neither.
  if (k > lo + 1 && IsTimeWord(Text(k - 1))) {
    --k;
    if (k > lo + 1 && Text(k - 1) == "on") --k;
  } else if (k > lo + 2 &&
             (Text(k - 2) == "this" || Text(k - 2) == "last") &&
             (Text(k - 1) == "week" || Text(k - 1) == "month" ||
              Text(k - 1) == "year" || Text(k - 1) == "weekend")) {
    k -= 2;
  }
  // (Not after a participle: "a report released last year found".)
  if (k != r.cue && Text(k - 1).ends_with("ed") && Text(k - 1)[0] >= 'a' &&
      Text(k - 1)[0] <= 'z') {
    k = r.cue;
  }
  if (k == lo) return r;
  const uint32_t j = k - 1;
  if (toks_[j].flags & kTokenQuoteMark) return r;
  // A head ending at token `he` (a parenthesis after it included).
  auto head_at = [&](uint32_t he) {
    Speaker h;
    if (Text(he) == ")") {
      for (uint32_t t = he; t-- > lo && he - t <= 8;) {
        if (Text(t) == "(") {
          if (t > lo) h = SpeakerEndingAt(t - 1, lo);
          if (h.found) h.span.end = toks_[he].span.end;
          return h;
        }
      }
      return h;
    }
    h = SpeakerEndingAt(he, lo);
    if (h.found) return h;
    // A headline's title-case speaker from its start ("Roe Says ...",
    // "Former Mayor Ada Roe Says ..."): up to five capitalized words.
    // Or after a comma: "Plan Could Fail, Mayor Ada Roe Says".
    if (title_) {
      auto capital = [&](uint32_t t) {
        return (toks_[t].flags & kTokenAlpha) && Text(t)[0] >= 'A' &&
               Text(t)[0] <= 'Z';
      };
      uint32_t t = he + 1;
      while (t > lo && he + 1 - t < 5 && capital(t - 1)) --t;
      if (t <= he && (t == lo || Text(t - 1) == "," || Text(t - 1) == ":")) {
        h.span = Span{toks_[t].span.start, toks_[he].span.end};
        h.mention = MentionAt(he);
        h.found = true;
        return h;
      }
    }
    // A bare plural: "experts say", "Civil rights activists say"; a
    // collective noun: "Clinton's team says".
    std::string_view w = Text(he);
    const bool collective =
        w == "team" || w == "campaign" || w == "government" ||
        w == "administration" || w == "committee" || w == "panel" ||
        w == "office" || w == "ministry" || w == "department" ||
        w == "agency" || w == "council" || w == "commission" ||
        w == "embassy" || w == "military" || w == "army" || w == "union" ||
        w == "party" || w == "spokesperson" || w == "lawyer" ||
        w == "attorney" || w == "aide" || w == "adviser" || w == "advisor" ||
        w == "spokesman" || w == "spokeswoman" || w == "official" ||
        w == "doctor" || w == "physician" || w == "envoy" ||
        w == "representative" || w == "family";
    // "73 percent said", "Another 19 percent said".
    if ((w == "percent" || w == "%") && he > lo &&
        (toks_[he - 1].flags & kTokenDigit)) {
      uint32_t t = he - 1;
      if (t > lo) {
        const std::string_view q = Text(t - 1);
        if (q == "Another" || q == "another" || q == "Only" || q == "only" ||
            q == "About" || q == "about" || q == "Nearly" || q == "nearly" ||
            q == "Some" || q == "some" || q == "Just" || q == "just") {
          --t;
        }
      }
      const std::string_view pw0 = t > lo ? Text(t - 1) : "";
      if (t == lo || pw0 == "," || pw0 == ":" ||
          (pw0 != "and" && pw0 != "of" && ClauseEdge(t, lo))) {
        h.span = Span{toks_[t].span.start, toks_[he].span.end};
        h.found = true;
      }
      return h;
    }
    if (!(toks_[he].flags & kTokenAlpha) || IsFunctionWord(w) ||
        !(w.ends_with("s") || w == "police" || w == "Police" || w == "staff" ||
          w == "Staff" || collective)) {
      return h;
    }
    uint32_t t = he;
    while (t > lo && he - t < 3 && (toks_[t - 1].flags & kTokenAlpha) &&
           !IsFunctionWord(Text(t - 1)) && !IsCue(t - 1)) {
      --t;
    }
    // "Federal and state officials say": coordinated modifiers.
    if (t > lo + 1 && t < he && (Text(t - 1) == "and" || Text(t - 1) == "or") &&
        (toks_[t - 2].flags & kTokenAlpha) && !IsFunctionWord(Text(t - 2)) &&
        !IsCue(t - 2) &&
        (t - 2 == lo || Text(t - 3) == "," || Text(t - 3) == ":")) {
      t -= 2;
    }
    // A determiner, possessive or quantifier opens the phrase ("His aides",
    // "Many lawmakers", "Clinton's team"), then a clause edge ("But critics
    // say", "where experts say").
    uint32_t open = t;
    if (open > lo &&
        (IsDeterminer(Text(open - 1)) || IsQuantifier(Text(open - 1)) ||
         Text(open - 1) == "our" || Text(open - 1) == "Our")) {
      --open;
    } else if (open > lo + 1 && IsPossessive(open - 1) &&
               MentionAt(open - 2) >= 0) {
      open = TokenAt(mentions_[MentionAt(open - 2)].span.start);
    }
    // A plural with a prepositional phrase before it: "Elected officials
    // from both parties say", "Residents of the island say".
    if (open > lo + 2 && !collective) {
      const std::string_view prep = Text(open - 1);
      const uint32_t ph = open - 2;
      const std::string_view pw2 = Text(ph);
      if ((prep == "from" || prep == "of" || prep == "in" || prep == "at" ||
           prep == "across") &&
          (toks_[ph].flags & kTokenAlpha) && !IsFunctionWord(pw2) &&
          ((pw2.ends_with("s") && !pw2.ends_with("ss")) ||
           (pw2 == "percent" && ph > lo &&
            (toks_[ph - 1].flags & kTokenDigit))) &&
          !IsCue(ph) && MentionAt(ph) < 0) {
        uint32_t u = ph;
        if (pw2 == "percent") --u;  // "52 percent of voters"
        while (u > lo && ph - u < 2 && (toks_[u - 1].flags & kTokenAlpha) &&
               !IsFunctionWord(Text(u - 1)) && !IsCue(u - 1)) {
          --u;
        }
        if (u > lo &&
            (IsDeterminer(Text(u - 1)) || IsQuantifier(Text(u - 1)))) {
          --u;
        }
        const std::string_view uw = u > lo ? Text(u - 1) : "";
        if (u == lo || uw == "," || uw == ":") open = u;
      }
    }
    // (Not after "and": "shootings and protests demands" is one phrase.)
    const std::string_view pw = open > lo ? Text(open - 1) : "";
    const bool edge = open == lo || pw == "," || pw == ":" ||
                      ((open != t || !collective) && pw != "and" &&
                       pw != "And" && pw != "that" && ClauseEdge(open, lo));
    if (edge && (!collective || open != t)) {
      h.span = Span{toks_[open].span.start, toks_[he].span.end};
      h.found = true;
    }
    return h;
  };
  Speaker head;
  uint32_t c0 = kNone;  // the comma opening an apposition before the verb
  if (Text(j) == ",") {
    bool verb = false;
    bool that = false;
    for (uint32_t t = j; t-- > lo && j - t <= 45;) {
      if (Text(t) == ",") {
        c0 = t;
        break;
      }
      if (IsSentenceEnd(t) || (toks_[t].flags & kTokenQuoteMark)) break;
      verb = verb || IsIndirectVerb(t);
      that = that || Text(t) == "that";
    }
    if (c0 == kNone || c0 == lo || c0 + 1 >= j) return r;
    // Only a relative clause runs long: "Dr. Ada Roe, who as a young
    // pilot ... and later ..., said".
    const bool long_clause = j - c0 > 26;
    if (long_clause && Text(c0 + 1) != "who") return r;
    // ", and the meeting went on from there, said X": a clause, not an
    // apposition.
    if (const std::string_view cw = Text(c0 + 1);
        cw == "and" || cw == "but" || cw == "or") {
      return r;
    }
    {
      // A verb in the commas is a relative clause ("Ada Roe, who asked not
      // to be named, said") or not a subject at all.
      const std::string_view rw = Text(c0 + 1);
      if (verb && rw != "who" && rw != "which" && rw != "whose" &&
          rw != "whom") {
        return r;
      }
    }
    head = head_at(c0 - 1);
    if (!head.found || PronounKind(Text(c0 - 1)) != 0) return r;
    const std::string_view nw = Text(c0 + 1);
    const bool relative =
        nw == "who" || nw == "which" || nw == "whose" || nw == "whom";
    // "Ada Roe, meanwhile, said": a discourse adverb is no apposition.
    const bool discourse =
        j - c0 <= 5 &&
        (nw == "meanwhile" || nw == "however" || nw == "too" ||
         nw == "though" || nw == "instead" || nw == "in" || nw == "for" ||
         nw == "by" || nw == "on" || nw == "likewise" || nw == "separately" ||
         nw == "again" || nw == "then" || nw == "now" || nw == "also" ||
         nw == "moreover" || nw == "meanwhile" || nw == "though" ||
         nw == "therefore" || nw == "yet" || nw == "speaking" ||
         nw == "asked" || nw == "when");
    // "Ada Roe, at a later press briefing, said": an adjunct.
    const bool adjunct = j - c0 <= 9 && IsPreposition(nw) && nw != "of";
    // "Ada Roe, speaking to a ferry crew in Tessby, said": a participle
    // clause is no apposition (unless it says the speaker is unnamed).
    const bool participle = nw.size() > 4 && nw.ends_with("ing") &&
                            nw != "including" && nw[0] >= 'a' &&
                            nw[0] <= 'z' && !UnnamedClause(c0 + 1, j);
    // A relative clause that reports or holds a clause of its own ("Ada
    // Roe, who stressed that ..., said") or runs long is no part of the
    // speaker (unless it says the speaker is unnamed).
    const bool clausal = relative && !UnnamedClause(c0 + 1, j) &&
                         (verb || that || long_clause);
    if (!discourse && !adjunct && !participle && !clausal) {
      head.span.end = toks_[j - 1].span.end;
    }
  } else {
    head = head_at(j);
  }
  if (!head.found) return r;
  // Modifiers before a named head, from the clause start: "Republican
  // nominee Ada Roe", "Trump lawyer Tom Eke".
  uint32_t hf = TokenAt(head.span.start);
  if (head.mention >= 0 && PronounKind(Text(hf)) == 0) {
    uint32_t t = hf;
    while (t > lo && hf - t < 5) {
      const uint32_t q = t - 1;
      if (!(toks_[q].flags & kTokenAlpha) || IsFunctionWord(Text(q)) ||
          IsCue(q) || IsIndirectVerb(q) || IsTimeWord(Text(q)) ||
          // "Even Ada Roe said": a focus adverb, no modifier.
          Text(q) == "Even" || Text(q) == "even") {
        break;
      }
      t = q;
    }
    // "Ada Roe's campaign manager Tom Eke said": the possessor too.
    if (t < hf && t > lo + 1 && IsPossessive(t - 1)) {
      const int32_t pm = MentionAt(t - 2);
      if (pm >= 0 && mentions_[pm].span.end == toks_[t - 2].span.end &&
          (mentions_[pm].type == EntityType::kPerson ||
           mentions_[pm].type == EntityType::kOrg)) {
        const uint32_t pf = TokenAt(mentions_[pm].span.start);
        if (pf >= lo) t = pf;
      }
    }
    // "Ada Roe and Tom Eke said".
    if (t == hf && t >= lo + 2 && Text(t - 1) == "and") {
      const int32_t m = MentionAt(t - 2);
      if (m >= 0 && mentions_[m].span.end == toks_[t - 2].span.end &&
          mentions_[m].type == mentions_[head.mention].type) {
        t = TokenAt(mentions_[m].span.start);
      }
    }
    if (t > lo) {
      const std::string_view d = Text(t - 1);
      if (d == "the" || d == "The" || d == "many" || d == "Many" ||
          d == "some" || d == "Some" || d == "several" || d == "Several" ||
          d == "other" || d == "Other" || d == "most" || d == "Most") {
        --t;
      }
    }
    if (t < hf && ClauseEdge(t, lo)) {
      head.span.start = toks_[t].span.start;
      hf = t;
    }
  }
  // The head's noun phrase reaches further left over prepositions and
  // coordination, as far as the clause start: "A spokeswoman for Ada
  // Roe", "Officials at the Ferry Union", "Developers and supporters in
  // Congress", "The head of the board and its chair".
  if (PronounKind(Text(hf)) == 0) {
    uint32_t start = hf;
    if (start > lo + 1 &&
        (IsDeterminer(Text(start - 1)) || Text(start - 1) == "the" ||
         Text(start - 1) == "The")) {
      --start;  // "for the Ferry Union": tentative until the clause start
    }
    for (int step = 0; step < 5 && start > lo + 1; ++step) {
      const uint32_t c = start - 1;
      const std::string_view cw = Text(c);
      const bool and_ = cw == "and";
      if (!(cw == "of" || cw == "at" || cw == "for" || cw == "from" ||
            cw == "in" || cw == "on" || cw == "by" || cw == "to" ||
            cw == "with" || cw == "close" || and_ ||
            // (Not "The museum, Ada Roe said, honours ...": a comma after
            // the verb makes the attribution parenthetical.)
            (cw == "," && step == 0 && head.mention >= 0 &&
             !(v + 1 < toks_.size() && Text(v + 1) == ",") &&
             mentions_[head.mention].type == EntityType::kPerson &&
             TokenAt(mentions_[head.mention].span.start) <= hf + 1))) {
        break;
      }
      const uint32_t e = c - 1;
      if (pair_at_[e] >= 0 || IsCue(e) || IsIndirectVerb(e)) break;
      const std::string_view ew = Text(e);
      const bool poss = ew == "'s" || ew == "\xE2\x80\x99s" || ew == "'";
      if (!(toks_[e].flags & (kTokenAlpha | kTokenDigit)) && !poss) break;
      if (!poss && IsFunctionWord(ew) && ew != "him" && ew != "them") break;
      if (and_) {
        // Only nouns coordinate with a speaker: names, plurals.
        const int32_t m = MentionAt(e);
        if (m < 0 && !(ew.ends_with("s") && !ew.ends_with("ss"))) break;
      }
      uint32_t k = e;
      bool det = false;
      while (k > lo && e - k < 8) {
        const uint32_t q = k - 1;
        const std::string_view w = Text(q);
        if (pair_at_[q] >= 0 || IsCue(q) || IsIndirectVerb(q)) break;
        if (IsQuantifier(w) || IsDeterminer(w) || w == "the" || w == "The") {
          k = q;
          det = true;
          if (q > lo && IsQuantifier(Text(q - 1))) k = q - 1;
          break;
        }
        const bool qp = w == "'s" || w == "\xE2\x80\x99s" || w == "'" ||
                        w == "." || w == "-";
        if (!qp && (!(toks_[q].flags & (kTokenAlpha | kTokenDigit)) ||
                    IsFunctionWord(w) || IsTimeWord(w))) {
          break;
        }
        k = q;
      }
      start = k;
      // An apposition before the name ("A lawyer for the outlets, Tom
      // Eke") opens the clause and starts with a determiner.
      if (cw == "," &&
          (!det || IsQuantifier(Text(start)) ||
           !(start == lo || !(toks_[start - 1].flags & kTokenAlpha)))) {
        break;
      }
      if (ClauseEdge(start, lo)) {
        // The head is the first person or organisation of the phrase
        // ("Mayor Ilse Marovic of Tessby" -> Ilse Marovic).
        bool named = false;
        for (uint32_t t = start; t < hf; ++t) {
          const int32_t m = MentionAt(t);
          if (m >= 0 && (mentions_[m].type == EntityType::kPerson ||
                         mentions_[m].type == EntityType::kOrg)) {
            head.mention = m;
            named = true;
            break;
          }
        }
        // "Experts on Norland", "Officials in Tessby": a place after a
        // preposition only says where the unnamed speakers are from.
        if (!named && !and_ && cw != "," && head.mention >= 0 &&
            (mentions_[head.mention].type == EntityType::kLoc ||
             mentions_[head.mention].type == EntityType::kMisc)) {
          head.mention = -1;
        }
        hf = start;
        head.span.start = toks_[start].span.start;
      }
    }
  } else if (hf > lo && IsQuantifier(Text(hf - 1)) && ClauseEdge(hf - 1, lo)) {
    --hf;
    head.span.start = toks_[hf].span.start;
  }
  // "Protesters marching through the streets of Dunmore chanted": the
  // phrase found is the object of a participle after the subject; the
  // subject is the noun before the participle.
  for (uint32_t t = hf; t-- > lo + 1 && hf - t <= 10;) {
    const uint8_t pos = toks_[t].pos;
    if (Text(t) == "," || (toks_[t].flags & kTokenQuoteMark) || IsCue(t) ||
        pos == kPosVBD || pos == kPosVBZ || pos == kPosVBP || pos == kPosMD) {
      break;
    }
    if (pos != kPosVBG || !IsPreposition(Text(t + 1)) ||
        !(toks_[t - 1].flags & kTokenAlpha) || IsFunctionWord(Text(t - 1))) {
      continue;
    }
    const Subject inner = SubjectBefore(t, lo);
    if (inner.s.found && ClauseEdge(TokenAt(inner.s.span.start), lo)) {
      head = inner.s;
      hf = TokenAt(head.span.start);
    }
    break;
  }
  // "many Democrats", "Most of his supporters".
  if (hf > lo && PronounKind(Text(hf)) == 0) {
    uint32_t t = hf;
    if (t > lo + 1 && Text(t - 1) == "of" && IsQuantifier(Text(t - 2))) {
      t -= 2;
    } else if (IsQuantifier(Text(t - 1))) {
      t -= 1;
    }
    if (t < hf && ClauseEdge(t, lo)) {
      hf = t;
      head.span.start = toks_[t].span.start;
    }
  }
  // "The party chairman, Ivo Marren, said": the name in the apposition
  // is the speaker's entity when the phrase has none.
  if (head.mention < 0 && Text(j) == ",") {
    const int32_t m = MentionAt(j - 1);
    if (m >= 0 && mentions_[m].type == EntityType::kPerson &&
        mentions_[m].span.end == toks_[j - 1].span.end &&
        head.span.Contains(mentions_[m].span)) {
      head.mention = m;
    }
  }
  // "Ada Roe, head of the Ferry Union, which runs the port, said": the
  // second apposition or relative clause qualifies the organisation, the
  // speaker is the person and her first apposition.
  if (c0 != kNone && hf > lo + 1 && Text(hf - 1) == "," &&
      (head.mention < 0 ||
       mentions_[head.mention].type != EntityType::kPerson) &&
      Text(c0 + 1) != "who" && Text(c0 + 1) != "whose") {
    const int32_t pm = MentionAt(hf - 2);
    if (pm >= 0 && mentions_[pm].type == EntityType::kPerson &&
        mentions_[pm].span.end == toks_[hf - 2].span.end) {
      const uint32_t pf = TokenAt(mentions_[pm].span.start);
      if (pf >= lo && ClauseEdge(pf, lo)) {
        head.span = Span{toks_[pf].span.start, toks_[c0 - 1].span.end};
        head.mention = pm;
        hf = pf;
      }
    }
  }
  r.s = head;
  r.first = hf;
  return r;
}

// Token t opens a clause: the range start, after punctuation or a
// conjunction.
bool QuoteFinder::ClauseEdge(uint32_t t, uint32_t lo) const {
  if (t <= lo) return true;
  const std::string_view w = Text(t - 1);
  if (!(toks_[t - 1].flags & (kTokenAlpha | kTokenDigit))) return true;
  return w == "and" || w == "but" || w == "that" || w == "while" ||
         w == "because" || w == "as" || w == "when" || w == "if" || w == "so" ||
         w == "though" || w == "although" || w == "whereas" || w == "But" ||
         w == "And" || w == "Yet" || w == "So" || w == "yet" || w == "since" ||
         w == "after" || w == "before" || w == "where" || w == "Still" ||
         w == "Now" || w == "now" || w == "Meanwhile";
}

// A speaker after its verb, with what follows it up to `hi` when that is an
// apposition: "said Tom Eke, a ferry captain from Tessby".
Speaker QuoteFinder::ExtendRight(Speaker s, uint32_t first, uint32_t hi,
                                 bool appositions) const {
  uint32_t t = first;
  while (t < hi && toks_[t].span.start < s.span.end) ++t;
  // "said Rep. Ada Roe of Tessby": an "of" phrase of capitalised words.
  if (appositions && s.mention >= 0 && t + 1 < hi && Text(t) == "of") {
    uint32_t c = t + 1;
    if (c < hi && (Text(c) == "the" || Text(c) == "The")) ++c;
    const uint32_t c0 = c;
    while (c < hi && c - t <= 6 && (toks_[c].flags & kTokenUpperInitial)) ++c;
    if (c > c0) {
      s.span.end = toks_[c - 1].span.end;
      t = c;
    }
  }
  if (appositions && t < hi && Text(t) == "(") {
    uint32_t c = t;
    while (c < hi && c - t <= 8 && Text(c) != ")") ++c;
    if (c < hi && Text(c) == ")") {
      s.span.end = toks_[c].span.end;
      t = c + 1;
    }
  }
  // ", at a press conference", ", speaking of ...": an adjunct, no
  // apposition.
  const bool adjunct =
      t + 1 < hi && Text(t) == "," &&
      ((IsPreposition(Text(t + 1)) && Text(t + 1) != "of") ||
       (Text(t + 1).ends_with("ing") && !UnnamedClause(t + 1, hi)));
  if (appositions && !adjunct && t < hi && Text(t) == "," && hi - t <= 40) {
    // A reporting verb ends the apposition ("said Eke, adding ...") unless
    // a relative clause holds it ("said Eke, a lawyer who represents ...").
    bool relative = false;
    for (uint32_t c = t + 1; c < hi; ++c) {
      const std::string_view w = Text(c);
      if (w == "who" || w == "whose" || w == "whom" || w == "which") {
        relative = true;
      }
      if (toks_[c].flags & kTokenQuoteMark) return s;
      if (IsIndirectVerb(c) && (!relative || c == t + 1)) return s;
      // "said Ada Roe, who stressed that ...": a relative clause right
      // after the name that reports or holds a clause of its own.
      if (c > t + 1 && Text(t + 1) == "who" &&
          (IsIndirectVerb(c) || Text(c) == "that") &&
          !UnnamedClause(t + 1, hi)) {
        return s;
      }
    }
    if (t + 1 < hi) {
      uint32_t end = hi;
      // "said Ada Roe, the council's leader, in a statement": a short
      // adjunct after the apposition is no part of it.
      for (uint32_t c = hi - 1; c > t + 1 && hi - c <= 7; --c) {
        if (Text(c) == "," && c + 1 < hi && IsPreposition(Text(c + 1)) &&
            Text(c + 1) != "of") {
          end = c;
          break;
        }
      }
      s.span.end = toks_[end - 1].span.end;
    }
  }
  // "a diplomat speaking on condition of anonymity", "an aide who asked
  // not to be named".
  if (t + 2 < hi && hi - t <= 12 &&
      (Text(t) == "speaking" || Text(t) == "who" || Text(t) == "familiar" ||
       Text(t) == "granted")) {
    for (uint32_t c = t; c < hi; ++c) {
      if (Text(c) == "anonymity" || Text(c) == "named" ||
          Text(c) == "identified" || Text(c) == "matter") {
        s.span.end = toks_[hi - 1].span.end;
        break;
      }
    }
  }
  return s;
}

// The first token of what verb `v` reports (before `hi`): after the
// addressee of "told" and a time or place ("said on Monday that").
uint32_t QuoteFinder::ContentStart(uint32_t v, uint32_t hi) const {
  uint32_t c = v + 1;
  const std::string_view w = Text(v);
  // "that" close after the verb, with no comma before it.
  auto that_within = [&](uint32_t from, uint32_t n) {
    for (uint32_t t = from; t < hi && t - from <= n; ++t) {
      const std::string_view x = Text(t);
      if (x == "that") return t;
      // A quoted title in the addressee: told MSNBC's “Morning Joe” that.
      if ((toks_[t].flags & kTokenQuoteMark) && pair_at_[t] >= 0 &&
          pairs_[pair_at_[t]].open == t && pairs_[pair_at_[t]].close != kNone &&
          pairs_[pair_at_[t]].close - t <= 5) {
        t = pairs_[pair_at_[t]].close;
        continue;
      }
      if (x == "," || IsSentenceEnd(t) || (toks_[t].flags & kTokenQuoteMark) ||
          IsIndirectVerb(t)) {
        break;
      }
    }
    return kNone;
  };
  if (w == "told" || w == "tells" || w == "tell") {
    if (uint32_t t = that_within(c, 10); t != kNone) return t;
    // "told host Ada Roe on Thursday how S": a question word opens it.
    for (uint32_t t = c + 1; t < hi && t - c <= 8; ++t) {
      const std::string_view x = Text(t);
      if (x == "how" || x == "why" || x == "what" || x == "whether" ||
          x == "when" || x == "where") {
        return t;
      }
      if (x == "," || IsSentenceEnd(t) || (toks_[t].flags & kTokenQuoteMark) ||
          IsIndirectVerb(t) || x == "to" || x == "about") {
        break;
      }
    }
    if (c < hi && IsAddressee(Text(c))) {
      ++c;
    } else {
      if (c < hi && IsDeterminer(Text(c))) ++c;
      const int32_t m = c < hi ? MentionAt(c) : -1;
      if (m >= 0) {
        while (c < hi && toks_[c].span.start < mentions_[m].span.end) ++c;
      }
      for (int n = 0; c < hi && n < 5; ++n) {
        const std::string_view x = Text(c);
        if (x == "'s" || x == "\xE2\x80\x99s" ||
            (toks_[c].flags & kTokenUpperInitial)) {
          ++c;
        } else {
          break;
        }
      }
    }
  }
  if (c < hi && IsTimeWord(Text(c))) {
    ++c;
    if (c < hi && (Text(c) == "night" || Text(c) == "morning" ||
                   Text(c) == "afternoon" || Text(c) == "evening")) {
      ++c;
    }
  }
  if (c + 1 < hi && (Text(c) == "this" || Text(c) == "last") &&
      (Text(c + 1) == "week" || Text(c + 1) == "weekend" ||
       Text(c + 1) == "month" || Text(c + 1) == "year" ||
       Text(c + 1) == "morning" || Text(c + 1) == "night")) {
    c += 2;
  }
  if (c + 1 < hi && Text(c) == "on" && IsTimeWord(Text(c + 1))) c += 2;
  if (c < hi && IsPreposition(Text(c))) {
    if (uint32_t t = that_within(c, 10); t != kNone) return t;
  }
  return c;
}

bool QuoteFinder::AddIndirect(uint32_t a, uint32_t b, Span cue,
                              const Speaker& s, bool continuation,
                              int min_words) {
  if (b <= a || Words(a, b) < min_words || IsDirectSpan(a, b)) return false;
  // A clause that starts or ends inside a quotation is part of that
  // direct quote ("“We are full. Now, that does not mean ...,” he said,
  // according to a pool report"), not reported speech of its own.
  if ((pair_at_[a] >= 0 && pairs_[pair_at_[a]].open != a) ||
      (pair_at_[b - 1] >= 0 && pairs_[pair_at_[b - 1]].close != b - 1)) {
    return false;
  }
  // "In his nightly address, X said": an adjunct, not what was said.
  if (!continuation && cue.start > toks_[b - 1].span.end && Words(a, b) <= 7) {
    const std::string_view w = Text(a);
    if (IsPreposition(w) || w == "In" || w == "On" || w == "At" ||
        w == "During" || w == "After" || w == "Before" || w == "From" ||
        w == "With" || w == "Asked" || w == "Despite" || w == "Amid" ||
        w == "Following" || w == "Under" || w == "Without" ||
        (w.ends_with("ing") && (toks_[a].flags & kTokenUpperInitial))) {
      return false;
    }
  }
  // A quotation opening a clause inside it ("said of Clinton, “If ...”"):
  // direct speech, already found.
  for (uint32_t t = a; t < b; ++t) {
    if (pair_at_[t] < 0 || pairs_[pair_at_[t]].open != t) continue;
    // (A quotation that opens the clause but ends well before it, "said
    // “exactly who did it” remains unknown", is a partial quote inside
    // reported speech: the clause is the statement.)
    // The clause must go on with its verb right after the mark ("”
    // remains"), not with an attribution (", she said") or a phrase of
    // the verb before it ("called for “X” from Y": a partial quote).
    if (t == a) {
      const uint32_t close = pairs_[pair_at_[t]].close;
      if (close == kNone || close + 1 >= b || Words(close + 1, b) < 2) {
        return false;
      }
      const std::string_view nx = Text(close + 1);
      if (!(toks_[close + 1].flags & kTokenAlpha) || nx[0] < 'a' ||
          nx[0] > 'z' || IsPreposition(nx) || IsFunctionWord(nx) ||
          nx == "and" || nx == "or" || nx == "but") {
        return false;
      }
      continue;
    }
    const std::string_view pw = Text(t - 1);
    if (pw == "," || pw == ":" || IsSentenceEnd(t - 1)) {
      // (Not a few quoted words the clause goes on from: "warned that if
      // X obstructs the talks, “secondary sanctions” could be imposed".)
      const uint32_t close = pairs_[pair_at_[t]].close;
      const bool partial =
          pw == "," && close != kNone && close + 1 < b &&
          Words(t + 1, close) <= 4 && (toks_[close + 1].flags & kTokenAlpha) &&
          Text(close + 1)[0] >= 'a' && Text(close + 1)[0] <= 'z' &&
          !IsCue(close + 1) && Text(close + 1) != "and" &&
          Text(close + 1) != "or" && Text(close + 1) != "but" &&
          PronounKind(Text(close + 1)) == 0;
      if (!partial) return false;
    }
  }
  Quote q;
  q.kind = QuoteKind::kIndirect;
  q.content = Span{toks_[a].span.start, toks_[b - 1].span.end};
  q.span = q.content;
  if (!continuation) q.cue = cue;
  q.speaker = s.span;
  q.speaker_mention = s.mention;
  for (const Quote& o : indirect_) {
    if (o.content == q.content) return false;
  }
  indirect_.push_back(q);
  return true;
}

// Reported speech in the sentence of tokens [f, e).
void QuoteFinder::FindIndirect(uint32_t f, uint32_t e) {
  uint32_t ce = e;
  while (ce > f && (IsSentenceEnd(ce - 1) || Text(ce - 1) == ":" ||
                    Text(ce - 1) == ";")) {
    --ce;
  }
  if (ce <= f + 2) return;
  // "according to NAME, S" / "S, according to NAME(, S)".
  for (uint32_t k = f; k + 2 < ce; ++k) {
    if (pair_at_[k] >= 0) continue;
    if ((Text(k) != "according" && Text(k) != "According") ||
        Text(k + 1) != "to") {
      continue;
    }
    const uint32_t sp = k + 2;
    uint32_t se = sp;
    while (se < ce && se - sp < 14 && Text(se) != "," &&
           !(toks_[se].flags & kTokenQuoteMark)) {
      ++se;
    }
    if (se == sp || (se < ce && Text(se) != ",")) continue;
    if (se + 2 < ce && (Text(se + 1) == "a" || Text(se + 1) == "an")) {
      // "According to DeepState, an independent monitoring group, S": the
      // apposition is part of the source.
      uint32_t c = se + 1;
      bool clause = false;
      while (c < ce && c - se <= 12 && Text(c) != "," &&
             !(toks_[c].flags & kTokenQuoteMark)) {
        const std::string_view w = Text(c);
        clause = clause || IsCue(c) || IsIndirectVerb(c) || w == "is" ||
                 w == "was" || w == "are" || w == "were" || w == "will" ||
                 w == "would" || w == "has" || w == "have" || w == "had" ||
                 w == "can" || w == "could";
        ++c;
      }
      if (!clause && c + 1 < ce && Text(c) == ",") se = c;
    }
    Speaker s;
    s.found = true;
    s.span = Span{toks_[sp].span.start, toks_[se - 1].span.end};
    if (const int32_t m = MentionAt(sp);
        m >= 0 && s.span.Contains(mentions_[m].span)) {
      s.mention = m;
    } else if (int kind = PronounKind(Text(sp)); kind != 0) {
      s.mention = ResolvePronoun(sp, kind);
    } else {
      for (uint32_t t = sp; t < se; ++t) {
        const int32_t m2 = MentionAt(t);
        if (m2 >= 0 && s.span.Contains(mentions_[m2].span)) {
          s.mention = m2;
          break;
        }
      }
    }
    const Span cue{toks_[k].span.start, toks_[k + 1].span.end};
    const bool opens = k == f ||
                       (k == f + 1 && !(toks_[f].flags & kTokenAlpha)) ||
                       (k == f + 1 && (Text(f) == "But" || Text(f) == "And" ||
                                       Text(f) == "Yet" || Text(f) == "So"));
    if (opens) {
      if (se < ce) AddIndirect(se + 1, ce, cue, s, false);
    } else if (Text(k - 1) == ",") {
      if (AddIndirect(f, k - 1, cue, s, false) && se < ce) {
        AddIndirect(se + 1, ce, cue, s, true);
      }
    } else if (se == ce) {
      AddIndirect(f, k, cue, s, false);
    }
  }
  for (uint32_t v = f + 2; v + 1 < ce; ++v) {
    if (pair_at_[v] >= 0 || !IsParticiple(v)) continue;
    Speaker sp = MainSubject(f, v - 1);
    if (!sp.found) {
      // "Foreign policy analysts said ..., citing S", "On Thursday,
      // however, the board raised fares, citing S": the subject of the
      // clause's first finite verb (POS-tagged text only).
      for (uint32_t k = f + 1; k + 1 < v; ++k) {
        const uint8_t tag = toks_[k].pos;
        if (pair_at_[k] >= 0) continue;
        if (tag == kPosVBD || tag == kPosVBZ || tag == kPosVBP) {
          if (const Subject sb = SubjectBefore(k, f); sb.s.found) sp = sb.s;
          break;
        }
      }
      if (!sp.found) continue;
    }
    uint32_t c = v + 1;
    if (c < ce && Text(c) == ",") continue;  // "saying, “...”": direct
    uint32_t end = ce;
    for (uint32_t t = c; t + 1 < ce; ++t) {
      if (Text(t) == ";" || (IsSentenceEnd(t) && pair_at_[t] < 0)) {
        end = t;
        break;
      }
    }
    AddIndirect(c, end, toks_[v].span, sp, false);
  }
  FindPossessiveClaims(f, ce);
  for (uint32_t v = f; v < ce; ++v) {
    // "The city of Tessby is demanding that ...": a progressive of saying
    // reports like the verb.
    const bool progressive = v > f && IsReportingParticiple(Text(v)) &&
                             (Text(v - 1) == "is" || Text(v - 1) == "are" ||
                              Text(v - 1) == "was" || Text(v - 1) == "were");
    if (pair_at_[v] >= 0 ||
        !(IsIndirectVerb(v) || IsPhrasal(v) || progressive)) {
      continue;
    }
    const bool phrasal = IsPhrasal(v);
    if (v > f) {
      const std::string_view pw = Text(v - 1);
      if (pw == "to" || pw == "not" || pw == "n't" || pw == "never" ||
          pw == "\xE2\x80\x99t" || IsDeterminer(pw) || pw == "the" ||
          pw == "The") {
        continue;
      }
    }
    // "Voronin's call for", "his latest call for", "the new demands": a
    // noun after a possessive, or after one and an adjective of time.
    if (v > f && (IsPossessive(v - 1) ||
                  (v > f + 1 &&
                   (IsPossessive(v - 2) || IsDeterminer(Text(v - 2))) &&
                   IsTimeAdjective(Text(v - 1))))) {
      continue;
    }
    // Plural nouns that look like verbs ("taking calls", "in battleground
    // states"): not after an -ing word, a preposition or "in X".
    {
      const std::string_view w = Text(v);
      const bool ambiguous =
          w == "calls" || w == "states" || w == "reports" || w == "notes" ||
          w == "demands" || w == "promises" || w == "shows" || w == "finds" ||
          w == "worries" || w == "fears" || w == "hopes" || w == "claims" ||
          w == "estimates" || w == "vows" || w == "pledges" || w == "cites";
      if (ambiguous && v > f) {
        const std::string_view pw = Text(v - 1);
        // "Western calls for", "Russian claims": a nationality adjective.
        if (AdjectiveBefore(v)) continue;
        if (pw.ends_with("ing") || IsPreposition(pw) ||
            (v > f + 1 && IsPreposition(Text(v - 2)) &&
             !(toks_[v - 1].flags & kTokenUpperInitial))) {
          continue;
        }
      }
    }
    // "shows up", "called off": a phrasal verb, not a report.
    if (!phrasal && v + 1 < ce &&
        (Text(v + 1) == "up" || Text(v + 1) == "off" || Text(v + 1) == "down" ||
         Text(v + 1) == "out")) {
      continue;
    }
    const Span verb = phrasal ? Span{toks_[v].span.start, toks_[v + 1].span.end}
                              : toks_[v].span;
    Subject sb = SubjectBefore(progressive ? v - 1 : v, f);
    if (!sb.s.found) {
      // "Ada Roe backed the plan and said S": the clause's subject.
      uint32_t k = v;
      while (k > f && IsAux(Text(k - 1))) --k;
      if (k > f + 2 && Text(k - 1) == "and") {
        Speaker ms = MainSubject(f, k - 1);
        if (!ms.found && !indirect_.empty()) {
          // "Harbour police announced X and said S": the speaker of the
          // statement before it in this sentence.
          const Quote& pq = indirect_.back();
          if (!pq.cue.empty() && pq.cue.start >= toks_[f].span.start &&
              pq.cue.end <= toks_[k - 1].span.start && !pq.speaker.empty()) {
            ms.span = pq.speaker;
            ms.mention = pq.speaker_mention;
            ms.found = true;
          }
        }
        if (ms.found && pair_at_[TokenAt(ms.span.start)] < 0) {
          sb.s = ms;
          sb.cue = k;
          sb.first = TokenAt(ms.span.start);
        }
      }
    }
    if (!sb.s.found) {
      // "... the port authority, which reported S" / "listeners who said
      // S": the relative pronoun is the source (PolNeAR), its antecedent
      // the entity.
      uint32_t k = v;
      while (k > f && (IsAux(Text(k - 1)) || IsAdverb(Text(k - 1)))) --k;
      bool relative =
          k > f + 1 && (Text(k - 1) == "who" || Text(k - 1) == "which");
      if (relative) {
        // After a comma, a name or a plural noun ("see who wants" is a
        // question), and not inside a subject ("X, who asked not to be
        // named, said S").
        const uint32_t b = k - 2;
        const int32_t bm = MentionAt(b);
        const std::string_view bw = Text(b);
        relative = bw == "," ||
                   (bm >= 0 && mentions_[bm].span.end == toks_[b].span.end) ||
                   (bw.size() > 3 && bw.ends_with("s") && !IsCue(b) &&
                    !IsIndirectVerb(b) && (toks_[b].flags & kTokenAlpha));
        if (v + 1 < ce && (Text(v + 1) == "not" || Text(v + 1) == "to")) {
          relative = false;
        }
        // A clause set off by commas ("X, which accused Y, rose to ...")
        // may sit inside the subject of the sentence: only when it runs to
        // the sentence end.
        for (uint32_t t = v + 1; relative && t + 1 < ce; ++t) {
          if (Text(t) == "," &&
              (bw == "," || IsIndirectVerb(t + 1) || IsCue(t + 1))) {
            relative = false;
          }
        }
      }
      if (relative) {
        sb.s.found = true;
        sb.s.span = toks_[k - 1].span;
        uint32_t a = k - 2;
        if (Text(a) == "," && a > f) --a;
        const int32_t m = MentionAt(a);
        if (m >= 0 && mentions_[m].span.end == toks_[a].span.end) {
          sb.s.mention = m;
        }
        sb.cue = k;
        sb.first = k - 1;
      }
    }
    const uint32_t c = phrasal ? v + 2 : ContentStart(v, ce);
    // What follows the verb: the end, a comma, or a short adjunct.
    bool tail_short = c >= ce || Text(c) == ",";
    if (!tail_short && IsPreposition(Text(c)) &&
        !(IsInfinitive(c, ce) && !AfterCopula(v, f))) {
      // "S, his office said late on Monday(, ending ...)."
      uint32_t t = c;
      while (t < ce && Text(t) != "," && Text(t) != "that" &&
             !IsIndirectVerb(t) && pair_at_[t] < 0) {
        ++t;
      }
      tail_short = t - c <= 6 && (t == ce || Text(t) == ",");
    }
    // Inverted, clause first: "S, said Tom Eke, a ferry captain."
    if (v > f + 1 && Text(v - 1) == "," && v + 1 < ce &&
        (!sb.s.found || tail_short)) {
      Speaker sp = SpeakerStartingAt(v + 1, ce);
      if (sp.found) {
        sp = ExtendRight(sp, v + 1, ce);
        uint32_t t = v + 1;
        while (t < ce && toks_[t].span.start < sp.span.end) ++t;
        if (t == ce || (ce - t <= 6 && IsPreposition(Text(t)))) {
          AddIndirect(f, v - 1, verb, sp, false);
          continue;
        }
      }
    }
    if (!sb.s.found) continue;
    const Span cue{toks_[sb.cue].span.start, verb.end};
    // Clause first: "S, Tom Eke said (on Monday)." / "S1, he said, S2."
    const bool after_comma = sb.first > f + 1 && Text(sb.first - 1) == ",";
    // "When asked why, the mother replied, “...”": the verb reports the
    // quotation after it, not the clause before.
    {
      uint32_t nq = v + 1;
      if (nq < ce && Text(nq) == ",") ++nq;
      if (after_comma && nq < ce && (toks_[nq].flags & kTokenQuoteMark) &&
          pair_at_[nq] >= 0 && pairs_[pair_at_[nq]].open == nq) {
        continue;
      }
    }
    if (after_comma && tail_short) {
      // "S1, he said, S2"; S1 may be the subject alone when S2 goes on
      // ("The museum, Ada Roe said, honours the ferrymen").
      const bool split = c + 1 < ce && Text(c) == "," && Words(c + 1, ce) >= 3;
      if (AddIndirect(f, sb.first - 1, cue, sb.s, false, split ? 1 : 3) &&
          split) {
        AddIndirect(c + 1, ce, cue, sb.s, true);
      }
      continue;
    }
    // “...,” Tom Eke said at the meeting: the verb reports the quote.
    if (sb.first > f) {
      uint32_t pq = sb.first - 1;
      if (Text(pq) == "," && pq > f) --pq;
      if (toks_[pq].flags & kTokenQuoteMark) continue;
    }
    // "A truce agreed in 2022 has held": a participle, not speech ("X
    // agreed to send S" is).
    if (c < ce && IsPreposition(Text(c)) &&
        !(IsInfinitive(c, ce) && !AfterCopula(v, f))) {
      const std::string_view vw = Text(v);
      if (vw != "said" && vw != "says" && vw != "say" && vw != "told" &&
          vw != "tells" && vw != "added" && vw != "adds") {
        continue;
      }
    }
    if (c >= ce || Text(c) == "," || Text(c) == ":" ||
        (toks_[c].flags & kTokenPunct && !(toks_[c].flags & kTokenQuoteMark))) {
      continue;
    }
    uint32_t end = ce;
    for (uint32_t t = c; t + 1 < ce; ++t) {
      if (IsSentenceEnd(t) && pair_at_[t] < 0) {
        end = t;
        break;
      }
      if (Text(t) == ";") {
        end = t;
        break;
      }
      // "S1 and Democrats accused S2", "S1 — and he noted S2": a second
      // statement with its own speaker ends the first.
      // "X announced an arrest and said S2": the second verb is a statement
      // of its own (same subject), found by the rule for it.
      if (Text(t) == "and" && t > c + 2 && t + 2 < ce &&
          (IsIndirectVerb(t + 1) ||
           (IsAux(Text(t + 1)) && IsIndirectVerb(t + 2)))) {
        end = t;
        break;
      }
      if ((Text(t) == "and" || Text(t) == "but") && t > c + 2) {
        bool next = false;
        for (uint32_t v2 = t + 2; v2 < ce && v2 <= t + 7 && !next; ++v2) {
          if (pair_at_[v2] >= 0) break;
          if (!IsIndirectVerb(v2)) continue;
          const Subject s2 = SubjectBefore(v2, t + 1);
          next = s2.s.found && s2.first == t + 1;
          if (!next) break;
        }
        if (next) {
          end = t;
          while (end > c &&
                 (Text(end - 1) == "," || Text(end - 1) == "\xE2\x80\x94" ||
                  Text(end - 1) == "--")) {
            --end;
          }
          break;
        }
      }
      if (Text(t) != ",") continue;
      const std::string_view n = Text(t + 1);
      if (n == "according" || n == "citing" || IsParticiple(t + 1) ||
          n == "which" || n == "though" || n == "although" || n == "but" ||
          n == "while" || n == "whereas") {
        end = t;
        break;
      }
      // (The comma cases above; "and"/"but" with a new subject and
      // reporting verb are handled before the comma test.)
      // "X said that S, the Daily Courier reported.": the closing
      // attribution belongs to an outer statement.
      if (ce - t <= 8 && IsIndirectVerb(ce - 1) && ce - 1 > t + 1) {
        end = t;
        break;
      }
    }
    AddIndirect(c, end, cue, sb.s, false);
  }
}

bool QuoteFinder::IsInfinitive(uint32_t c, uint32_t ce) const {
  if (c + 1 >= ce || Text(c) != "to") return false;
  const std::string_view w = Text(c + 1);
  if (!(toks_[c + 1].flags & kTokenAlpha) || w[0] < 'a' || w[0] > 'z') {
    return false;
  }
  return !IsDeterminer(w) && !IsFunctionWord(w) && !IsQuantifier(w) &&
         !w.ends_with("s") && w != "them" && w != "me" && w != "us" &&
         w != "reporters" && w != "this" && w != "that" && w != "those" &&
         w != "these" && w != "our" && w != "your" && w != "my";
}

// Joint speakers: a speaker phrase that coordinates names with "and" (and
// commas), each part ending in a person or organisation mention ("U.S.
// President Ada Roe and Norland's Tom Eke", "Roe, Eke and Venn"), names
// all of them; "Ada Roe's campaign and allies" does not (a part ends in no
// name).
void QuoteFinder::FindJointSpeakers(std::vector<Quote>& out) const {
  for (Quote& q : out) {
    q.joint_mentions.clear();
    if (q.speaker.empty()) continue;
    const uint32_t a = TokenAt(q.speaker.start);
    uint32_t b = a;
    while (b < toks_.size() && toks_[b].span.start < q.speaker.end) ++b;
    bool has_and = false;
    for (uint32_t t = a; t < b; ++t) {
      const std::string_view w = Text(t);
      if (w == "and" || w == "&") has_and = true;
      if (w == "(" || pair_at_[t] >= 0) {
        has_and = false;  // "Roe (R-Ore.) and ...", quoted names: leave
        break;
      }
    }
    if (!has_and) continue;
    std::vector<int32_t> parts;
    uint32_t start = a;
    bool ok = true;
    for (uint32_t t = a; t <= b && ok; ++t) {
      const bool sep = t == b || Text(t) == "and" || Text(t) == "&" ||
                       Text(t) == ",";
      if (!sep) continue;
      if (t == start) {  // ", and"
        start = t + 1;
        continue;
      }
      const int32_t m = MentionAt(t - 1);
      ok = m >= 0 && mentions_[m].span.end == toks_[t - 1].span.end &&
           TokenAt(mentions_[m].span.start) >= start &&
           (mentions_[m].type == EntityType::kPerson ||
            mentions_[m].type == EntityType::kOrg);
      if (ok) parts.push_back(m);
      start = t + 1;
    }
    if (!ok || parts.size() < 2) continue;
    q.joint_mentions = std::move(parts);
    q.speaker_mention = q.joint_mentions.front();
  }
}

// "Ada Roe's claim that S", "the ministry's earlier warning that S": a
// statement noun after a named possessor, followed by "that". PolNeAR
// marks the possessor (with its 's) as the source, the noun (with an
// adjective before it) as the cue.
void QuoteFinder::FindPossessiveClaims(uint32_t f, uint32_t ce) {
  static constexpr std::string_view kNouns[] = {
      "claim",      "claims",     "assertion", "statement", "conclusion",
      "argument",   "suggestion", "insistence", "warning",  "admission",
      "promise",    "pledge",     "vow",        "emphasis", "contention",
      "belief",     "allegation", "accusation", "prediction", "announcement",
      "assurance",  "assessment", "complaint",  "charge",   "denial",
      "missive",    "view",       "position",   "estimate"};
  for (uint32_t v = f + 2; v + 2 < ce; ++v) {
    if (pair_at_[v] >= 0 || Text(v + 1) != "that") continue;
    const std::string_view w = Text(v);
    bool noun = false;
    for (std::string_view n : kNouns) noun = noun || w == n;
    if (!noun) continue;
    uint32_t poss = v - 1;  // the 's
    if (!IsPossessive(poss)) {
      // One lower-case modifier between: "Roe's earlier claim".
      if (!(toks_[v - 1].flags & kTokenAlpha) || Text(v - 1)[0] < 'a' ||
          Text(v - 1)[0] > 'z' || IsFunctionWord(Text(v - 1)) ||
          !IsPossessive(v - 2) || v < f + 3) {
        continue;
      }
      poss = v - 2;
    }
    const int32_t m = MentionAt(poss - 1);
    if (m < 0 || (mentions_[m].type != EntityType::kPerson &&
                  mentions_[m].type != EntityType::kOrg)) {
      continue;
    }
    const uint32_t ms = TokenAt(mentions_[m].span.start);
    if (ms < f || pair_at_[ms] >= 0) continue;
    Speaker sp;
    sp.span = Span{mentions_[m].span.start, toks_[poss].span.end};
    sp.mention = m;
    sp.found = true;
    uint32_t end = ce;
    for (uint32_t t = v + 2; t < ce; ++t) {
      if ((IsSentenceEnd(t) && pair_at_[t] < 0) || Text(t) == ";") {
        end = t;
        break;
      }
      if (Text(t) == "," && t + 1 < ce) {
        const std::string_view n = Text(t + 1);
        if (n == "according" || n == "which" || n == "but" || n == "while" ||
            IsParticiple(t + 1)) {
          end = t;
          break;
        }
      }
    }
    const Span cue{toks_[poss + 1].span.start, toks_[v].span.end};
    AddIndirect(v + 1, end, cue, sp, false);
  }
}

// Finds reported speech in every sentence and merges it into `out`; a
// direct or partial quote inside a reported clause is replaced by that
// clause ("X said the plan 'will fail' soon": PolNeAR's one attribution).
void QuoteFinder::FindIndirect(std::vector<Quote>& out) {
  const std::vector<Block>& blocks = doc_.layers().blocks;
  for (const Sentence& s : doc_.layers().sentences) {
    if (s.first_token >= toks_.size()) continue;
    const uint32_t b = BlockOf(s.first_token);
    title_ = b < blocks.size() && blocks[b].kind == BlockKind::kTitle;
    FindIndirect(s.first_token, s.end_token);
  }
  title_ = false;
  if (indirect_.empty()) return;
  std::vector<Quote> merged;
  merged.reserve(out.size() + indirect_.size());
  for (const Quote& q : out) {
    bool inside = false;
    for (size_t i = 0; i < indirect_.size() && !inside; ++i) {
      const Quote& r = indirect_[i];
      inside = r.content.Contains(q.span) ||
               // A quoted title in the addressee: told “Morning Joe” that.
               (q.kind == QuoteKind::kPartial && !r.cue.empty() &&
                q.span.start >= r.cue.end && q.span.end <= r.content.start);
    }
    if (!inside) merged.push_back(q);
  }
  merged.insert(merged.end(), indirect_.begin(), indirect_.end());
  std::stable_sort(merged.begin(), merged.end(),
                   [](const Quote& a, const Quote& b) {
                     if (a.span.start != b.span.start) {
                       return a.span.start < b.span.start;
                     }
                     return a.span.end > b.span.end;
                   });
  out = std::move(merged);
}

// Relays: the report a quote is taken from. A direct quote whose
// attribution is followed by ", according to R" or ", R reported"; a
// statement reported inside another one's clause ("X said that S, the
// Daily Courier reported") keeps its speaker and gets the outer speaker as
// relay.
void QuoteFinder::FindRelays(std::vector<Quote>& out) const {
  const uint32_t n = static_cast<uint32_t>(toks_.size());
  for (Quote& q : out) {
    if (q.kind == QuoteKind::kIndirect || q.cue.empty() || q.speaker.empty()) {
      continue;
    }
    uint32_t t = TokenAt(std::max(q.cue.end, q.speaker.end));
    if (t >= n || toks_[t].span.start < q.span.end) continue;
    const uint32_t si = SentenceOf(t);
    if (si == kNone) continue;
    uint32_t e = doc_.layers().sentences[si].end_token;
    while (e > t && IsSentenceEnd(e - 1)) --e;
    // Skip a short adjunct ("on Monday") up to the comma.
    uint32_t c = t;
    while (c < e && c - t < 6 && Text(c) != ",") ++c;
    if (c >= e || Text(c) != ",") continue;
    ++c;
    if (c + 2 < e + 1 && (Text(c) == "according") && c + 1 < e &&
        Text(c + 1) == "to" && c + 2 < e) {
      q.relay = Span{toks_[c + 2].span.start, toks_[e - 1].span.end};
      for (uint32_t k = c + 2; k < e; ++k) {
        const int32_t m = MentionAt(k);
        if (m >= 0 && mentions_[m].type == EntityType::kOrg) {
          q.relay_mention = m;
          break;
        }
      }
      continue;
    }
    if (e > c + 1) {
      const std::string_view v = Text(e - 1);
      if (v == "reported" || v == "reports" || v == "wrote" || v == "writes" ||
          v == "said") {
        Speaker r = PhraseSpeaker(c, e - 1);
        if (r.found && (r.mention < 0 ||
                        mentions_[r.mention].type != EntityType::kPerson)) {
          q.relay = r.span;
          q.relay_mention = r.mention;
        }
      }
    }
  }
  // Nested reported speech: the inner statement ends where the outer one
  // ends and its speaker is inside the outer clause. The outer statement
  // is then the relay, not a quote of its own.
  std::vector<bool> relayed(out.size(), false), dropped(out.size(), false);
  for (size_t i = 0; i < out.size(); ++i) {
    const Quote& o = out[i];
    if (o.kind != QuoteKind::kIndirect || o.speaker.empty()) continue;
    for (size_t j = 0; j < out.size(); ++j) {
      Quote& in = out[j];
      if (j == i || in.speaker.empty() || !in.relay.empty()) continue;
      if (!o.content.Contains(in.speaker) || !o.content.Contains(in.content)) {
        continue;
      }
      if (o.content.end > in.content.end + 12) continue;
      // The outer clause is the inner statement itself ("Ada Roe said S,
      // the Courier reported"), not a clause coordinated with it.
      if (TokenAt(in.speaker.start) > TokenAt(o.content.start) + 1) continue;
      const uint32_t st = TokenAt(in.speaker.start);
      if (in.kind == QuoteKind::kIndirect && st < toks_.size() &&
          toks_[st].span.end == in.speaker.end && PronounKind(Text(st)) != 0) {
        // "Ada Roe said she wants S": her own thought, part of what she
        // said, not a statement of its own.
        dropped[j] = true;
        continue;
      }
      if (in.kind == QuoteKind::kIndirect &&
          Text(TokenAt(in.content.start)) == "to") {
        // "According to R, the sides agreed to S": an act R reports, part
        // of R's statement.
        dropped[j] = true;
        continue;
      }
      if (o.speaker_mention >= 0 &&
          mentions_[o.speaker_mention].type == EntityType::kPerson) {
        continue;  // a person quoting a person: nested speech, not a relay
      }
      in.relay = o.speaker;
      in.relay_mention = o.speaker_mention;
      relayed[i] = true;
    }
  }
  size_t w = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    if (dropped[i] || (kDropRelayQuotes && relayed[i])) continue;
    out[w++] = std::move(out[i]);
  }
  out.resize(w);
}

namespace {
bool IsAnonymousHead(std::string_view w) {
  return w == "official" || w == "officials" || w == "diplomat" ||
         w == "diplomats" || w == "source" || w == "sources" || w == "aide" ||
         w == "aides" || w == "adviser" || w == "advisers" || w == "advisor" ||
         w == "advisors" || w == "person" || w == "people" || w == "insider" ||
         w == "insiders" || w == "officer" || w == "officers" ||
         w == "spokesman" || w == "spokeswoman" || w == "spokesperson" ||
         w == "lawmaker" || w == "negotiator" || w == "envoy" ||
         w == "staffer" ||
         // "according to reports", "media reports said": unnamed too.
         w == "report" || w == "reports";
}
}  // namespace

// Unnamed sources: a speaker without a mention that is indefinite ("a
// senior diplomat", "two officials") or says it is unnamed ("speaking on
// condition of anonymity") gets a new number; a later definite reference
// ("the official", "the diplomat") the most recent one's.
void QuoteFinder::FindAnonymous(std::vector<Quote>& out) const {
  int32_t next = 0, last = -1;
  const Quote* prev = nullptr;
  for (Quote& q : out) {
    if (q.speaker.empty() || q.speaker_mention >= 0) {
      prev = &q;
      continue;
    }
    if (prev != nullptr && prev->speaker == q.speaker && prev->anonymous >= 0) {
      q.anonymous = prev->anonymous;  // a continuation
      prev = &q;
      continue;
    }
    const uint32_t a = TokenAt(q.speaker.start);
    uint32_t b = a;
    while (b < toks_.size() && toks_[b].span.start < q.speaker.end) ++b;
    bool head = false, unnamed = false;
    for (uint32_t t = a; t < b; ++t) {
      const std::string_view w = Text(t);
      head = head || IsAnonymousHead(w);
      unnamed = unnamed || w == "anonymity" || w == "named" ||
                w == "identified" || w == "authorized" || w == "authorised";
    }
    const std::string_view w0 = Text(a);
    const bool indefinite =
        w0 == "a" || w0 == "A" || w0 == "an" || w0 == "An" || w0 == "one" ||
        w0 == "One" || w0 == "another" || w0 == "Another" || IsQuantifier(w0) ||
        (head && !(toks_[a].flags & kTokenUpperInitial) && !IsDeterminer(w0));
    const bool definite = (w0 == "the" || w0 == "The") && b - a <= 4;
    if (head && (indefinite || unnamed)) {
      q.anonymous = next++;
      last = q.anonymous;
    } else if (head && definite && last >= 0) {
      q.anonymous = last;
    }
    prev = &q;
  }
}

// "The leaders proposed a truce. They also warned that ...": a they/we
// speaker that resolved to no mention takes the speaker of the statement
// just before it (the same or the previous sentence) when that is an
// unnamed plural group ("The leaders", "Officials"), so the statement is
// not left without a source.
void QuoteFinder::FindGroupAntecedents(std::vector<Quote>& out) const {
  for (size_t i = 1; i < out.size(); ++i) {
    Quote& q = out[i];
    if (q.speaker_mention >= 0 || q.speaker.empty()) continue;
    const uint32_t a = TokenAt(q.speaker.start);
    if (a >= toks_.size() || toks_[a].span.end != q.speaker.end) continue;
    const std::string_view w = Text(a);
    if (!(w == "They" || w == "they" || w == "We" || w == "we")) continue;
    const Quote& p = out[i - 1];
    if (p.speaker.empty() || p.speaker_mention >= 0 ||
        p.speaker.end > q.speaker.start) {
      continue;
    }
    const uint32_t pe = TokenAt(p.speaker.end) - 1;  // its last token
    if (pe >= toks_.size() || PronounKind(Text(pe)) != 0) continue;
    const std::string_view head = Text(pe);
    if (head.size() < 3 || !head.ends_with("s") || head.ends_with("ss")) {
      continue;
    }
    const uint32_t sq = SentenceOf(a), sp = SentenceOf(pe);
    if (sq == kNone || sp == kNone || sq > sp + 1) continue;
    q.speaker = p.speaker;
    q.anonymous = p.anonymous;
  }
}

Status QuoteFinder::Run() {
  const Layers& l = doc_.layers();
  const uint32_t n = static_cast<uint32_t>(toks_.size());
  const uint32_t size = static_cast<uint32_t>(doc_.text().size());
  for (const Token& t : toks_) {
    if (t.span.end > size || t.span.start > t.span.end) {
      return Status(ErrorCode::kStageFailed,
                    "quotes: a token lies outside the text");
    }
  }
  for (const Sentence& s : l.sentences) {
    if (s.first_token > s.end_token || s.end_token > n) {
      return Status(ErrorCode::kStageFailed,
                    "quotes: a sentence's tokens are out of range");
    }
  }
  for (const Mention& m : mentions_) {
    if (m.span.end > size) {
      return Status(ErrorCode::kStageFailed,
                    "quotes: a mention lies outside the text");
    }
  }
  // Token ranges of blocks (tokens outside every block get their own).
  tok_block_.assign(n, 0);
  {
    uint32_t t = 0;
    for (const Block& b : l.blocks) {
      const uint32_t first = t;
      while (t < n && toks_[t].span.start < b.span.end) {
        tok_block_[t] = static_cast<uint32_t>(block_toks_.size());
        ++t;
      }
      block_toks_.push_back({first, t});
    }
    if (t < n) {
      const uint32_t first = t;
      for (; t < n; ++t) {
        tok_block_[t] = static_cast<uint32_t>(block_toks_.size());
      }
      block_toks_.push_back({first, n});
    }
  }
  // Pair the marks.
  uint32_t open = kNone;
  for (size_t b = 0; b < block_toks_.size(); ++b) {
    const auto [first, end] = block_toks_[b];
    uint32_t t = first;
    if (open != kNone) {
      // Run-on: the quote continues if this paragraph opens with a mark.
      const bool reopens =
          t < end && (toks_[t].flags & kTokenQuoteMark) &&
          (MarkOf(Text(t)) == Mark::kOpen || MarkOf(Text(t)) == Mark::kToggle);
      if (reopens) {
        ++t;
      } else {
        open = kNone;
      }
    }
    for (; t < end; ++t) {
      if (!(toks_[t].flags & kTokenQuoteMark)) continue;
      Mark m = MarkOf(Text(t));
      // Two apostrophes written as a double mark ('' in some archives)
      // toggle like a straight double mark.
      const bool twin = m == Mark::kNotDouble && IsTwinApostrophe(t, end);
      if (twin) m = Mark::kToggle;
      if (m == Mark::kNotDouble) continue;
      if (open == kNone) {
        if (m != Mark::kClose) open = t;
        if (twin) ++t;
        continue;
      }
      if (m == Mark::kOpen) {
        if (BlockOf(open) == b) open = t;  // an unclosed mark: start again
        continue;
      }
      pairs_.push_back({open, twin ? t + 1 : t});
      if (twin) ++t;
      open = kNone;
    }
  }
  pair_at_.assign(n, -1);
  for (size_t i = 0; i < pairs_.size(); ++i) {
    for (uint32_t t = pairs_[i].open; t <= pairs_[i].close; ++t) {
      pair_at_[t] = static_cast<int32_t>(i);
    }
  }
  // Contents first (pronoun resolution skips mentions inside quotes).
  for (const Pair& p : pairs_) {
    const bool twin_open = Text(p.open) == "'";
    const bool twin_close = Text(p.close) == "'";
    contents_.push_back(
        Span{toks_[twin_open ? p.open + 1 : p.open].span.end,
             toks_[twin_close ? p.close - 1 : p.close].span.start});
  }
  std::vector<Quote>& out = doc_.layers().quotes;
  out.clear();
  int32_t prev = -1;  // last emitted quote
  uint32_t prev_close = kNone;
  for (size_t i = 0; i < pairs_.size(); ++i) {
    const Pair& p = pairs_[i];
    Quote q;
    q.span = Span{toks_[p.open].span.start, toks_[p.close].span.end};
    q.content = contents_[i];
    while (q.content.start < q.content.end &&
           (doc_.text()[q.content.start] == ' ' ||
            doc_.text()[q.content.start] == '\n')) {
      ++q.content.start;
    }
    while (q.content.end > q.content.start &&
           (doc_.text()[q.content.end - 1] == ' ' ||
            doc_.text()[q.content.end - 1] == '\n')) {
      --q.content.end;
    }
    if (q.content.empty()) continue;
    int words = 0, caps = 0;
    uint32_t last = kNone;
    for (uint32_t t = p.open + 1; t < p.close; ++t) {
      if (toks_[t].flags & kTokenQuoteMark) continue;
      last = t;
      if (!IsWord(t)) continue;
      ++words;
      if (toks_[t].flags & (kTokenUpperInitial | kTokenAllUpper)) ++caps;
    }
    std::string_view lt = last == kNone ? std::string_view() : Text(last);
    const bool final_punct = lt == "." || lt == "," || lt == "!" || lt == "?" ||
                             lt == ";" || lt == "\xE2\x80\xA6";  // …
    const bool attributed = Attribute(p, q, words >= 4 || final_punct);
    if (!attributed && words < 4 && caps == words && lt != "." && lt != "!" &&
        lt != "?") {
      continue;  // a title in capitals: on “Fox Morning Talk,” she ...
    }
    if (words >= 4 || final_punct) {
      q.kind = QuoteKind::kDirect;
    } else {
      // A few words: partial quote if a reporting verb is around, else a
      // scare quote or a title.
      if (!attributed) continue;
      q.kind = QuoteKind::kPartial;
    }
    if (attributed && prev >= 0 && !q.cue.empty() &&
        q.cue.start == out[prev].cue.start && q.cue.end == out[prev].cue.end) {
      // A split quotation, `“...,” he said, “...”`: both parts took the
      // attribution between them, so the second part continues the first
      // (a continuation: no cue of its own, the same speaker).
      q.cue = Span{};
      q.speaker = out[prev].speaker;
      q.speaker_mention = out[prev].speaker_mention;
    } else if (!attributed && prev >= 0 && !out[prev].speaker.empty()) {
      // Continuation: the next quote of the same paragraph, or a quote
      // paragraph right after the one holding the previous quote.
      const uint32_t b = BlockOf(p.open);
      const uint32_t pb = BlockOf(prev_close);
      if (MayContinue(p.open, prev_close) &&
          (b == pb || (b == pb + 1 && p.open == block_toks_[b].first))) {
        q.speaker = out[prev].speaker;
        q.speaker_mention = out[prev].speaker_mention;
      }
    }
    out.push_back(q);
    prev = static_cast<int32_t>(out.size()) - 1;
    prev_close = p.close;
  }
  FindIndirect(out);
  // Continuation after reported speech: "S, Ada Roe said. “...”" — an
  // unattributed direct quote keeps the speaker of the quote before it in
  // the same paragraph, or in the previous one when it opens its own.
  for (size_t i = 1; i < out.size(); ++i) {
    Quote& q = out[i];
    if (q.kind == QuoteKind::kIndirect || !q.speaker.empty() ||
        !q.cue.empty()) {
      continue;
    }
    const Quote& pq = out[i - 1];
    if (pq.speaker.empty() || pq.span.end > q.span.start) continue;
    const uint32_t qo = TokenAt(q.span.start);
    const uint32_t po = TokenAt(pq.span.end > 0 ? pq.span.end - 1 : 0);
    if (qo >= n || po >= n) continue;
    const uint32_t b = BlockOf(qo), pb = BlockOf(po);
    if (MayContinue(qo, po) &&
        (b == pb || (b == pb + 1 && qo == block_toks_[b].first))) {
      q.speaker = pq.speaker;
      q.speaker_mention = pq.speaker_mention;
    }
  }
  FindLabeled(out);
  FindModel(out);
  FindRelays(out);
  FindAnonymous(out);
  FindGroupAntecedents(out);
  FindJointSpeakers(out);
  TrimSpeakers(out);
  return Status::Ok();
}

}  // namespace

// A source's edges: a conjunction before the name ("As Ms. Roe put it",
// "Though she"), a time after it ("Wells Fargo just this month", "the
// council in 2015"), a parenthesis left open ("(D-N.J").
void QuoteFinder::TrimSpeakerEdges(uint32_t* pa, uint32_t* pb,
                                   bool times) const {
  uint32_t a = *pa, b = *pb;
  if (b <= a) return;
  static constexpr std::string_view kLead[] = {
      "As",    "Though", "Although", "While", "When", "If",     "Because",
      "But",   "And",    "So",       "Yet",   "as",   "though", "although",
      "while", "when",   "but",      "and",   "so",   "yet"};
  while (b > a + 1 && std::find(std::begin(kLead), std::end(kLead), Text(a)) !=
                          std::end(kLead)) {
    ++a;
  }
  // "To which she said": the relative phrase is no part of the source.
  if (b > a + 2 && (Text(a) == "To" || Text(a) == "to") &&
      (Text(a + 1) == "which" || Text(a + 1) == "whom")) {
    a += 2;
  }
  auto is_year = [&](uint32_t t) {
    const std::string_view w = Text(t);
    return w.size() == 4 && (w[0] == '1' || w[0] == '2') &&
           std::all_of(w.begin(), w.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
  };
  if (times && b > a + 2 && is_year(b - 1) && Text(b - 2) == "in") b -= 2;
  if (times && b > a + 2 &&
      (Text(b - 1) == "week" || Text(b - 1) == "month" ||
       Text(b - 1) == "year") &&
      (Text(b - 2) == "this" || Text(b - 2) == "last" ||
       Text(b - 2) == "next")) {
    b -= 2;
    if (b > a + 1 && (Text(b - 1) == "just" || Text(b - 1) == "earlier" ||
                      Text(b - 1) == "only")) {
      --b;
    }
  }
  {
    int open = 0;
    for (uint32_t t = a; t < b; ++t) {
      if (Text(t) == "(") ++open;
      if (Text(t) == ")") --open;
    }
    for (uint32_t t = b; open > 0 && t < b + 3 && t < toks_.size(); ++t) {
      if (Text(t) == ")") {
        b = t + 1;
        break;
      }
    }
  }
  *pa = a;
  *pb = b;
}

void QuoteFinder::TrimSpeakers(std::vector<Quote>& out) const {
  for (Quote& q : out) {
    if (q.speaker.empty()) continue;
    auto lo = std::lower_bound(
        toks_.begin(), toks_.end(), q.speaker.start,
        [](const Token& t, uint32_t at) { return t.span.end <= at; });
    auto hi = lo;
    while (hi != toks_.end() && hi->span.start < q.speaker.end) ++hi;
    if (hi == lo) continue;
    uint32_t a = static_cast<uint32_t>(lo - toks_.begin());
    uint32_t b = static_cast<uint32_t>(hi - toks_.begin());
    TrimSpeakerEdges(&a, &b, /*times=*/false);
    q.speaker = Span{toks_[a].span.start, toks_[b - 1].span.end};
  }
}

// The speaker of tokens [a, b) found by the model: its first person or
// organisation mention (a pronoun: its antecedent).
Speaker QuoteFinder::ModelSpeaker(uint32_t a, uint32_t b) const {
  TrimSpeakerEdges(&a, &b, /*times=*/true);
  Speaker s;
  s.span = Span{toks_[a].span.start, toks_[b - 1].span.end};
  s.found = true;
  if (b == a + 1) {
    if (int kind = PronounKind(Text(a)); kind != 0) {
      s.mention = ResolvePronoun(a, kind);
      return s;
    }
    // "Ada Roe, who had insisted on ...": the relative pronoun's
    // antecedent is the speaker (the span stays "who", as PolNeAR marks it).
    if ((Text(a) == "who" || Text(a) == "which") && a >= 2 &&
        Text(a - 1) == ",") {
      const int32_t m = MentionAt(a - 2);
      if (m >= 0 && (mentions_[m].type == EntityType::kPerson ||
                     mentions_[m].type == EntityType::kOrg)) {
        s.mention = m;
      }
      return s;
    }
  }
  for (uint32_t t = a; t < b; ++t) {
    const int32_t m = MentionAt(t);
    if (m < 0) continue;
    const EntityType type = mentions_[m].type;
    if (type == EntityType::kPerson || type == EntityType::kOrg) {
      s.mention = m;
      return s;
    }
  }
  // "the Kremlin clarified", "Norland said": a place heading the source
  // speaks for its government.
  // ("Some commentators in Lindholm" are not the place.)
  const uint32_t f =
      b > a + 1 && (Text(a) == "the" || Text(a) == "The") ? a + 1 : a;
  if (const int32_t m = MentionAt(f);
      m >= 0 && mentions_[m].type == EntityType::kLoc &&
      mentions_[m].span.start == toks_[f].span.start &&
      mentions_[m].span.end == toks_[b - 1].span.end) {
    s.mention = m;
  }
  return s;
}

// A speaker label from token `a`, ending with a colon at *colon: in a
// transcript paragraph one to three words in capitals ("WALLACE:", "MR.
// EKE:", "SEN. ADA ROE:"); in a headline one capitalized word or a name
// or organisation of up to four ("Poll:", "Sanders:", "Ada Roe:").
// Section labels ("UPDATE:", "Analysis:", "Watch:") are no speakers.
bool QuoteFinder::SpeakerLabel(uint32_t a, uint32_t end, bool title,
                               uint32_t* colon) const {
  static constexpr std::string_view kLabels[] = {
      "update",     "updated",  "clarification", "analysis", "opinion",   "editorial",
      "commentary", "live",     "breaking", "exclusive", "watch",
      "video",      "photos",   "photo",    "review",    "interview",
      "explainer",  "factbox",  "timeline", "correction", "podcast",
      "note",       "related",  "read",     "source",    "warning",
      "advertisement", "editor's", "editor’s", "transcript", "q", "a",
      "listen",     "quiz",     "letters",  "obituary",  "recap",
      "graphic",    "chart",    "map",      "more",      "also",
      "see",        "click",    "sponsored", "in",       "on",
      "by",         "from",     "the",      "and",       "why",
      "how",        "what",     "who",      "when",      "where"};
  auto is_label = [&](std::string_view w) {
    std::string lower(w);
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    for (std::string_view l : kLabels) {
      if (lower == l) return true;
    }
    return false;
  };
  uint32_t k = a;
  int words = 0;
  const int max_words = title ? 4 : 3;
  while (k < end && words <= max_words) {
    const std::string_view w = Text(k);
    if (w == ":") break;
    if (w == "." && k > a && !title) {  // "MR." "SEN."
      ++k;
      continue;
    }
    if (!(toks_[k].flags & kTokenAlpha) || is_label(w)) return false;
    if (title ? !(toks_[k].flags & (kTokenUpperInitial | kTokenAllUpper))
              : !(toks_[k].flags & kTokenAllUpper) || w.size() < 2) {
      return false;
    }
    ++words;
    ++k;
  }
  if (k >= end || Text(k) != ":" || words == 0 || words > max_words) {
    return false;
  }
  if (title && words > 1) {
    // Several capitalized words may be a clause ("Clinton Leads Trump:"):
    // only a known person or organisation.
    const int32_t m = MentionAt(a);
    if (m < 0 || (mentions_[m].type != EntityType::kPerson &&
                  mentions_[m].type != EntityType::kOrg) ||
        mentions_[m].span.end != toks_[k - 1].span.end) {
      return false;
    }
  }
  *colon = k;
  return true;
}

// Speaker labels: a transcript paragraph ("WALLACE: Let's start ...") or
// a headline ("Sanders: Clinton needs to ...") is the labelled speaker's
// statement, with no cue. A quote with no speaker that the paragraph's
// quotation marks made of it gives way, so do quotes inside a headline's
// statement; attributions nested inside a transcript stay.
void QuoteFinder::FindLabeled(std::vector<Quote>& out) const {
  const std::vector<Block>& blocks = doc_.layers().blocks;
  std::vector<Quote> found;
  std::vector<Span> replaced;
  for (uint32_t b = 0; b < block_toks_.size() && b < blocks.size(); ++b) {
    auto [first, end] = block_toks_[b];
    if (end <= first) continue;
    // (The first block of an article is its headline when no title was
    // marked: plain-text input.)
    const bool title = blocks[b].kind == BlockKind::kTitle || b == 0;
    uint32_t a = first;
    if (toks_[a].flags & kTokenQuoteMark) ++a;
    uint32_t colon;
    if (!SpeakerLabel(a, end, title, &colon)) continue;
    uint32_t ca = colon + 1, cb = end;
    while (cb > ca && (toks_[cb - 1].flags & (kTokenPunct | kTokenQuoteMark)))
      --cb;
    if (ca < cb && (toks_[ca].flags & kTokenQuoteMark) && pair_at_[ca] >= 0 &&
        pairs_[pair_at_[ca]].close >= cb) {
      ++ca;  // "Roe: ‘We Will Win.’": the marks go with the punctuation
    }
    if (cb <= ca || Words(ca, cb) < 3) continue;
    Quote q;
    q.content = Span{toks_[ca].span.start, toks_[cb - 1].span.end};
    q.span = Span{toks_[a].span.start, toks_[end - 1].span.end};
    // A transcript is the speaker's own words; a headline paraphrases
    // unless it is all one quotation.
    q.kind = !title || first != a || ca > colon + 1 ? QuoteKind::kDirect
                                                    : QuoteKind::kIndirect;
    q.speaker = Span{toks_[a].span.start, toks_[colon - 1].span.end};
    const int32_t m = MentionAt(a);
    if (m >= 0 && (mentions_[m].type == EntityType::kPerson ||
                   mentions_[m].type == EntityType::kOrg)) {
      q.speaker_mention = m;
    }
    // A quoted transcript paragraph is a quote already, perhaps running
    // on over the next paragraphs: it gets the label's speaker.
    bool merged = false;
    for (Quote& o : out) {
      if (o.span.start > q.span.start) break;
      if (o.span.start != toks_[first].span.start || !o.speaker.empty() ||
          o.content.end <= q.content.start) {
        continue;
      }
      o.speaker = q.speaker;
      o.speaker_mention = q.speaker_mention;
      o.content.start = q.content.start;
      o.kind = QuoteKind::kDirect;
      merged = true;
      break;
    }
    if (merged) continue;
    found.push_back(q);
    replaced.push_back(Span{toks_[first].span.start, toks_[end - 1].span.end});
  }
  if (found.empty()) return;
  std::vector<Quote> kept;
  kept.reserve(out.size() + found.size());
  for (const Quote& o : out) {
    bool drop = false;
    for (size_t i = 0; i < replaced.size() && !drop; ++i) {
      if (!replaced[i].Contains(o.span)) continue;
      drop = o.speaker.empty() ||
             (found[i].kind == QuoteKind::kIndirect && o.kind != QuoteKind::kIndirect);
    }
    if (!drop) kept.push_back(o);
  }
  kept.insert(kept.end(), found.begin(), found.end());
  std::stable_sort(kept.begin(), kept.end(), [](const Quote& x, const Quote& y) {
    if (x.span.start != y.span.start) return x.span.start < y.span.start;
    return x.span.end > y.span.end;
  });
  out.swap(kept);
}

// Sentences with no quote from the rules: the model's attributions.
void QuoteFinder::FindModel(std::vector<Quote>& out) const {
  const AttributionModel* model = stage_.model();
  if (model == nullptr || toks_.empty()) return;
  thread_local AttributionScratch scratch;
  thread_local std::vector<uint8_t> labels;
  bool prepared = false;
  std::vector<Quote> found;
  size_t next = 0;  // first quote of `out` that may overlap the sentence
  struct Seg {
    uint32_t a, b;
    int role;
  };
  Seg segs[64];
  for (const Sentence& sent : doc_.layers().sentences) {
    if (sent.end_token <= sent.first_token) continue;
    while (next < out.size() && out[next].span.end <= sent.span.start) ++next;
    bool covered = false;
    for (size_t k = next; k < out.size() && !covered; ++k) {
      if (out[k].span.start >= sent.span.end) break;
      covered = out[k].span.end > sent.span.start;
    }
    // Quotes are sorted by start, not end: a long one may start earlier.
    for (size_t k = next; k-- > 0 && !covered && k + 8 > next;) {
      covered = out[k].span.end > sent.span.start &&
                out[k].span.start < sent.span.end;
    }
    if (covered) {
      // A sentence with rule attributions is tagged too (they leave room
      // for others: "human rights groups warned that ..." beside a quote),
      // unless their quotes, cues and speakers leave fewer than six words:
      // tagging is the stage's main cost.
      uint32_t free_words = 0;
      for (uint32_t t = sent.first_token; t < sent.end_token; ++t) {
        if (!(toks_[t].flags & kTokenAlpha)) continue;
        bool used = false;
        for (size_t k = next >= 8 ? next - 8 : 0;
             k < out.size() && !used && out[k].span.start < sent.span.end;
             ++k) {
          const Span sp = toks_[t].span;
          for (const Span& x : {out[k].span, out[k].cue, out[k].speaker}) {
            used = used || (!x.empty() && x.start < sp.end && sp.start < x.end);
          }
        }
        free_words += !used;
      }
      // (Dev, source exact F1 / quotes per second: every covered sentence
      // 0.6947 / ~9,100; >= 6 free words 0.6946 / ~15,000; >= 10 0.6930;
      // none 0.6887 / ~21,000.)
      if (free_words < 6) continue;
    }
    if (!prepared) {
      attr_internal::PrepareAttributionTokens(doc_, stage_, &scratch);
      prepared = true;
    }
    scratch.cue_mask.clear();
    model->Tag(sent.first_token, sent.end_token, &scratch, &labels);
    // Stage 2: the roles tagger labels sources and contents again, given
    // the cues found (cue tokens keep their labels; roles it gives as cue
    // elsewhere become O; an I- label left without its B- starts one).
    if (const AttributionModel* roles_model = stage_.roles_model();
        roles_model != nullptr) {
      bool any = false, src = false;
      for (uint8_t l : labels) {
        scratch.cue_mask.push_back(attr_internal::RoleOf(l) == 2 ? 1 : 0);
        any = any || attr_internal::RoleOf(l) == 2;
        src = src || attr_internal::RoleOf(l) == 1;
      }
      // Only where the first tagger names a source: the roles tagger
      // finds one for nearly every cue, also for the cue-like verbs of
      // sentences that report nothing ("the two leaders have shared a
      // room since ..."), which the first tagger leaves sourceless (dev:
      // same source F1, precision 0.768 -> 0.782).
      if (!src) any = false;
      if (any) {
        thread_local std::vector<uint8_t> roles;
        roles_model->Tag(sent.first_token, sent.end_token, &scratch, &roles);
        for (size_t i = 0; i < labels.size(); ++i) {
          if (scratch.cue_mask[i]) continue;
          labels[i] = attr_internal::RoleOf(roles[i]) == 2
                          ? static_cast<uint8_t>(attr_internal::kO)
                          : roles[i];
        }
        attr_internal::RepairBegins(labels.data(), labels.size());
      }
      scratch.cue_mask.clear();
    }
    int nseg = 0;
    for (uint32_t i = 0; i < labels.size() && nseg < 64; ++i) {
      const uint8_t l = labels[i];
      if (l == attr_internal::kO) continue;
      const int role = attr_internal::RoleOf(l);
      const uint32_t t = sent.first_token + i;
      if (!attr_internal::IsBegin(l) && nseg > 0 &&
          segs[nseg - 1].role == role && segs[nseg - 1].b == t) {
        segs[nseg - 1].b = t + 1;
      } else {
        segs[nseg++] = Seg{t, t + 1, role};
      }
    }
    // Each content and source goes to its nearest cue.
    auto dist = [](const Seg& x, const Seg& y) {
      return x.b <= y.a ? y.a - x.b : y.b <= x.a ? x.a - y.b : 0u;
    };
    int cue_of[64];
    for (int k = 0; k < nseg; ++k) {
      cue_of[k] = -1;
      if (segs[k].role == 2) continue;
      uint32_t best = UINT32_MAX;
      for (int c = 0; c < nseg; ++c) {
        if (segs[c].role != 2) continue;
        const uint32_t d = dist(segs[k], segs[c]);
        if (d < best) {
          best = d;
          cue_of[k] = c;
        }
      }
    }
    for (int c = 0; c < nseg; ++c) {
      if (segs[c].role != 2) continue;
      // "Russia launched a drone barrage", "militants bombed the base": a
      // physical act is no attribution, whoever did it.
      {
        static constexpr std::string_view kActs[] = {
            "launched", "bombed",   "fired",   "killed",    "shot",
            "planted",  "wounded",  "seized",  "invaded",   "struck",
            "shelled",  "arrested", "stormed", "destroyed", "built"};
        const std::string_view head = Text(segs[c].b - 1);
        if (std::find(std::begin(kActs), std::end(kActs), head) !=
            std::end(kActs)) {
          continue;
        }
      }
      // "Whether Putin shows up", "called off": a phrasal verb, no cue;
      // nor is "reports from" (the reports are the source).
      if (const uint32_t e = segs[c].b;
          (e < sent.end_token &&
           (Text(e) == "up" || Text(e) == "off" || Text(e) == "down")) ||
          Text(e - 1) == "from") {
        continue;
      }
      int source = -1;
      uint32_t best = UINT32_MAX;
      for (int k = 0; k < nseg; ++k) {
        if (cue_of[k] != c || segs[k].role != 1) continue;
        const uint32_t d = dist(segs[k], segs[c]);
        if (d < best) {
          best = d;
          source = k;
        }
      }
      Speaker sp;
      if (source >= 0) {
        // A possessor is no speaker: in "Putin's latest call for talks
        // appears ..." or "Trump's decision not to ..." the cue is a noun,
        // the attribution is about the call or the decision. ("Ada Roe's
        // campaign manager Tom Eke" names a person after it.)
        bool possessor = false;
        for (uint32_t t = segs[source].a; t < segs[source].b; ++t) {
          if (!IsPossessive(t)) continue;
          possessor = true;
          for (uint32_t u = t + 1; u < segs[source].b && possessor; ++u) {
            const int32_t m = MentionAt(u);
            possessor = m < 0 || mentions_[m].type != EntityType::kPerson;
          }
        }
        if (possessor) continue;
        // "Putin is seen as ...", "he has been criticized for ...": a
        // passive cue's subject is who is seen or criticized, not who
        // sees or criticizes (PolNeAR leaves such sources out).
        if (segs[source].b <= segs[c].a && PassiveCue(segs[c].a, segs[c].b)) {
          continue;
        }
        sp = ModelSpeaker(segs[source].a, segs[source].b);
        // "a shift in his strategy, one that puts ...": a lone "one" or
        // demonstrative names nobody.
        if (segs[source].b == segs[source].a + 1 && sp.mention < 0) {
          const std::string_view w = Text(segs[source].a);
          if (w == "one" || w == "One" || w == "that" || w == "this" ||
              w == "This" || w == "these" || w == "those") {
            continue;
          }
        }
      }
      // The end of the clause from token `from` on: before ";" or the
      // sentence end, punctuation trimmed (never before `from`).
      auto clause_end = [&](uint32_t from) {
        uint32_t e = from;
        while (e < sent.end_token && Text(e) != ";" && !IsSentenceEnd(e)) ++e;
        while (e > from && (toks_[e - 1].flags & kTokenPunct)) --e;
        return e;
      };
      bool first = true;
      int prev_content = -1;
      for (int k = 0; k < nseg; ++k) {
        if (cue_of[k] != c || segs[k].role != 3) continue;
        // A further content goes on from the one before across the cue or
        // the source, with punctuation only besides ("X, she said, Y");
        // one past other words ("replied to the invitation, which goes
        // beyond the earlier offer") is the tagger running into another
        // clause, and two with only a comma between ("is serious about
        // peace, he should ...") are no statement split by its attribution.
        if (prev_content >= 0) {
          bool joined = true, across = false;
          for (uint32_t t = segs[prev_content].b; t < segs[k].a && joined;
               ++t) {
            const bool role =
                (t >= segs[c].a && t < segs[c].b) ||
                (source >= 0 && t >= segs[source].a && t < segs[source].b);
            across = across || role;
            joined = role || (toks_[t].flags & kTokenPunct);
          }
          if (!joined || !across) continue;
        }
        // A content after its cue with a verb between ("declined to
        // attend and instead dispatched | a lower-level team") is the
        // object of that verb, not what the cue reports.
        if (segs[k].a >= segs[c].b) {
          bool verb = false;
          for (uint32_t t = segs[c].b; t < segs[k].a && !verb; ++t) {
            verb = IsVerbTag(toks_[t].pos) &&
                   !(source >= 0 && t >= segs[source].a && t < segs[source].b);
          }
          if (verb) continue;
        }
        prev_content = k;
        uint32_t a = segs[k].a, b = segs[k].b;
        while (a < b && (toks_[a].flags & kTokenPunct) &&
               !(toks_[a].flags & kTokenQuoteMark)) {
          ++a;
        }
        while (b > a && (toks_[b - 1].flags & kTokenPunct) &&
               !(toks_[b - 1].flags & kTokenQuoteMark)) {
          --b;
        }
        if (b <= a) continue;
        // "have briefed that the president | may come", "complained that
        // the ramp | , built in 1987, was overdue", "made it clear he |
        // would": a clause cut before its verb runs on to the clause end.
        if (toks_[a].pos != kPosNone &&
            (Text(a) == "that" || Text(a) == "whether" ||
             (b == a + 1 && PronounKind(Text(a)) != 0))) {
          bool verb = false;
          for (uint32_t t = a + 1; t < b && !verb; ++t) {
            verb = IsVerbTag(toks_[t].pos) || toks_[t].pos == kPosMD;
          }
          if (!verb) b = clause_end(b);
        }
        // "the Kremlin's demands were framed as ...": a clause with no
        // subject; the "cue" was the subject's noun.
        if (a > segs[c].a && IsFiniteAux(Text(a))) continue;
        if (b == a + 1 && IsClauseWord(Text(a))) {
          // A clause word alone before the cue says nothing ("Whether"
          // before "shows up or not"); after it, the clause it opens runs
          // on ("joked that, among ..., S").
          if (a < segs[c].a) continue;
          b = clause_end(a + 1);
        }
        Quote q;
        q.kind = QuoteKind::kIndirect;
        q.content = Span{toks_[a].span.start, toks_[b - 1].span.end};
        q.span = q.content;
        if (pair_at_[a] >= 0 && pair_at_[a] == pair_at_[b - 1]) {
          const Pair& p = pairs_[pair_at_[a]];
          if (p.open == a || p.close == b - 1 || p.open + 1 == a) {
            q.kind =
                Words(a, b) >= 4 ? QuoteKind::kDirect : QuoteKind::kPartial;
            q.span = Span{toks_[p.open].span.start, toks_[p.close].span.end};
            q.content = contents_[pair_at_[a]];
          }
        }
        if (first)
          q.cue =
              Span{toks_[segs[c].a].span.start, toks_[segs[c].b - 1].span.end};
        q.speaker = sp.span;
        q.speaker_mention = sp.mention;
        // No source, no statement an analyst can use ("the council voted
        // against the plan" has a cue-like verb and an object, nobody
        // speaking).
        if (q.speaker.empty()) continue;
        if (covered) {
          // In a sentence with rule attributions, only tagged ones that
          // touch none of them (their quote, cue or speaker), each with
          // its cue (a cueless further part would read as a rule quote's
          // continuation).
          if (q.cue.empty()) continue;
          bool clash = false;
          for (size_t k = next >= 8 ? next - 8 : 0; k < out.size(); ++k) {
            const Quote& o = out[k];
            if (o.span.start >= sent.span.end + 2000) break;
            const Span parts[] = {o.span, o.cue, o.speaker};
            for (const Span& x : parts) {
              if (x.empty()) continue;
              if (x.start < q.content.end && q.content.start < x.end)
                clash = true;
              if (!q.cue.empty() && x.start < q.cue.end && q.cue.start < x.end)
                clash = true;
            }
          }
          if (clash) continue;
        }
        // A content that ran on to the clause end holds the next one.
        if (!found.empty() && found.back().content.Contains(q.content)) {
          continue;
        }
        first = false;  // the cue goes to the first content kept
        found.push_back(q);
      }
    }
  }
  if (found.empty()) return;
  out.insert(out.end(), found.begin(), found.end());
  std::stable_sort(out.begin(), out.end(), [](const Quote& a, const Quote& b) {
    if (a.span.start != b.span.start) return a.span.start < b.span.start;
    return a.span.end > b.span.end;
  });
}

QuoteStage::QuoteStage() {
  model_ = DefaultAttributionModel();
  roles_model_ = DefaultRolesModel();
  cue_verbs_ = {
      "said",       "says",       "say",          "told",       "tells",
      "added",      "adds",       "stated",       "states",     "declared",
      "declares",   "warned",     "warns",        "wrote",      "writes",
      "insisted",   "insists",    "noted",        "notes",      "asked",
      "asks",       "urged",      "urges",        "posted",     "posts",
      "explained",  "explains",   "continued",    "argued",     "argues",
      "claimed",    "claims",     "stressed",     "stresses",   "emphasized",
      "emphasised", "recalled",   "replied",      "responded",  "answered",
      "announced",  "tweeted",    "acknowledged", "admitted",   "conceded",
      "suggested",  "observed",   "remarked",     "commented",  "concluded",
      "vowed",      "promised",   "pledged",      "predicted",  "cautioned",
      "complained", "lamented",   "joked",        "quipped",    "shouted",
      "repeated",   "reiterated", "confirmed",    "denied",     "called",
      "calls",      "described",  "describes",    "demanded",   "demands",
      "accused",    "dismissed",  "countered",    "maintained", "according",
      "boasted",    "agreed",     "wondered",     "predicts",   "pleaded",
      "yelled",     "yells",      "shouts",       "chanted",    "scolded",
      "sang",       "sings",      "replies",      "responds",   "reads",
  };
  std::sort(cue_verbs_.begin(), cue_verbs_.end());
  indirect_verbs_ = {
      "said",
      "says",
      "say",
      "told",
      "tells",
      "added",
      "adds",
      "noted",
      "notes",
      "wrote",
      "writes",
      "reported",
      "reports",
      "announced",
      "announces",
      "suggested",
      "suggests",
      "acknowledged",
      "acknowledges",
      "warned",
      "warns",
      "claimed",
      "claims",
      "claim",
      "argued",
      "argues",
      "argue",
      "insisted",
      "insists",
      "declared",
      "declares",
      "emphasized",
      "emphasizes",
      "emphasised",
      "stressed",
      "stresses",
      "explained",
      "explains",
      "stated",
      "tweeted",
      "predicted",
      "predicts",
      "conceded",
      "admitted",
      "admits",
      "confirmed",
      "confirms",
      "denied",
      "denies",
      "maintained",
      "maintains",
      "estimated",
      "estimates",
      "asserted",
      "contended",
      "contends",
      "alleged",
      "alleges",
      "testified",
      "recalled",
      "indicated",
      "revealed",
      "disclosed",
      "complained",
      "countered",
      "agreed",
      "believes",
      "believe",
      // Beliefs, findings and other attributions PolNeAR counts (the most
      // frequent cue words of its training split).
      "think",
      "thinks",
      "thought",
      "know",
      "knows",
      "feel",
      "feels",
      "hope",
      "hopes",
      "fear",
      "fears",
      "expects",
      "expect",
      "asked",
      "urged",
      "urges",
      "called",
      "calls",
      "cited",
      "cites",
      "found",
      "finds",
      "shows",
      "showed",
      "wants",
      "accused",
      "accuses",
      "described",
      "describes",
      "proposed",
      "proposes",
      "promised",
      "promises",
      "vowed",
      "vows",
      "pledged",
      "pledges",
      "praised",
      "criticized",
      "criticised",
      "defended",
      "responded",
      "replied",
      "concluded",
      "questioned",
      "denounced",
      "dismissed",
      "endorsed",
      "worried",
      "worries",
      "mentioned",
      "believed",
      "reiterated",
      "repeated",
      "observed",
      "remarked",
      "signaled",
      "signalled",
      "hinted",
      "assured",
      "posted",
      "explain",
      "suggest",
      "warn",
      "insist",
      "deny",
      "admit",
      "agree",
      "note",
      "predict",
      "acknowledge",
      "knew",
      "felt",
      "feared",
      "hoped",
      "expected",
      "urge",
      "accuse",
      "demanded",
      "demands",
      "blamed",
      "blames",
      "rejected",
      "rejects",
      "announce",
      "reveals",
      "concedes",
      "recalls",
      "complains",
  };
  std::sort(indirect_verbs_.begin(), indirect_verbs_.end());
  indirect_verbs_.erase(
      std::unique(indirect_verbs_.begin(), indirect_verbs_.end()),
      indirect_verbs_.end());
}

bool QuoteStage::IsIndirectVerb(std::string_view word) const {
  return std::binary_search(indirect_verbs_.begin(), indirect_verbs_.end(),
                            word);
}

bool QuoteStage::IsCueVerb(std::string_view word) const {
  return std::binary_search(cue_verbs_.begin(), cue_verbs_.end(), word);
}

Status QuoteStage::Run(Document& doc) const {
  QuoteFinder f(*this, doc);
  return f.Run();
}

}  // namespace dossier
