#include "entities/mention_stage.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "ner/default_model.h"

namespace dossier {
namespace {

constexpr uint32_t kNone = UINT32_MAX;

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' ||
         c == '\v';
}

// The word without a possessive ending ("Velden's" -> "Velden",
// "Reuters'" -> "Reuters").
std::string_view StripPossessive(std::string_view w) {
  if (w.size() > 2 && (w.ends_with("'s") || w.ends_with("'S"))) {
    return w.substr(0, w.size() - 2);
  }
  if (w.size() > 4 && w.ends_with("\xE2\x80\x99s")) {
    return w.substr(0, w.size() - 4);
  }
  if (w.size() > 2 && w.ends_with("s'")) return w.substr(0, w.size() - 1);
  if (w.size() > 4 && w.ends_with("s\xE2\x80\x99")) {
    return w.substr(0, w.size() - 3);
  }
  return w;
}

// "I'm", "We’ll", "Don't": a contraction, not a name ("O'Neill" is).
bool IsContraction(std::string_view w) {
  size_t a = w.find('\'');
  size_t alen = 1;
  if (a == std::string_view::npos) {
    a = w.find("\xE2\x80\x99");
    alen = 3;
  }
  if (a == std::string_view::npos) return false;
  std::string_view tail = w.substr(a + alen);
  return tail == "m" || tail == "re" || tail == "ve" || tail == "ll" ||
         tail == "d" || tail == "t" ||
         (tail == "s" && a == 2 &&
          (w.starts_with("It") || w.starts_with("He")));
}

// True if `w` is an acronym: 2-6 ASCII capitals, dots allowed ("NATO",
// "U.N.").
bool IsAcronymText(std::string_view w) {
  size_t letters = 0;
  for (char c : w) {
    if (c == '.') continue;
    if (c < 'A' || c > 'Z') return false;
    ++letters;
  }
  return letters >= 2 && letters <= 6;
}

// `text` with ASCII letters lower-cased and whitespace runs collapsed.
std::string MakeKey(std::string_view text) {
  std::string key;
  key.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (IsAsciiSpace(c)) {
      space = !key.empty();
      continue;
    }
    if (space) key.push_back(' ');
    space = false;
    key.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a')
                                         : c);
  }
  return key;
}

struct Candidate {
  uint32_t title_first = kNone;  // first title token, kNone when no title
  uint32_t first = 0;            // first name token
  uint32_t end = 0;              // one past the last name token
  Span span;                     // title + name
  Span name;                     // name proper (possessive excluded)
  std::string key;               // MakeKey(name text)
  bool initial = false;          // starts at a sentence-initial position
  bool headline = false;         // found in a title-case sentence
  bool keep = true;
  bool typed = false;
  EntityType type = EntityType::kMisc;
  MentionForm form = MentionForm::kName;
  int32_t local = -1;
};

// Finds the mentions of one document. Lives for one Run() call.
class Recognizer {
 public:
  Recognizer(const Lexicon& lex, Document& doc, const NerModel* model)
      : lex_(lex), doc_(doc), toks_(doc.layers().tokens), model_(model) {}

  Status Run();

 private:
  struct Range {
    uint32_t first;
    uint32_t end;
  };
  struct TitleMatch {
    uint32_t title_end = kNone;  // kNone: no title here
    uint32_t name_end = 0;
  };

  std::string_view Text(uint32_t i) const { return doc_.Slice(toks_[i].span); }
  std::string_view NameText(uint32_t i) const {
    return StripPossessive(Text(i));
  }
  bool Possessive(uint32_t i) const {
    return NameText(i).size() != Text(i).size();
  }
  uint32_t Flags(uint32_t i) const { return lex_.Flags(NameText(i)); }
  bool IsNameTok(uint32_t i) const {
    const uint16_t f = toks_[i].flags;
    return (f & kTokenAlpha) && (f & (kTokenUpperInitial | kTokenAllUpper));
  }
  bool IsLower(uint32_t i) const {
    const uint16_t f = toks_[i].flags;
    return (f & kTokenAlpha) && !(f & (kTokenUpperInitial | kTokenAllUpper));
  }
  bool Adjacent(uint32_t a, uint32_t b) const {
    return toks_[a].span.end == toks_[b].span.start;
  }
  // A name token that may start or continue a name.
  bool IsNameWord(uint32_t i) const {
    return IsNameTok(i) && !(Flags(i) & (kLexStop | kLexTime)) &&
           !IsContraction(Text(i));
  }
  bool IsInitial(uint32_t i, uint32_t sent_first) const;
  bool IsHeadline(Range s) const;
  bool MostlyUpper(Range s) const;
  int LowerWords(Range s) const;
  bool InTitleOrHeading(Range s) const;
  TitleMatch MatchTitle(uint32_t i, uint32_t send) const;
  uint32_t ExtendName(uint32_t j, uint32_t send) const;
  uint32_t BuildRun(uint32_t i, uint32_t send) const;
  bool SpeechVerbAfter(uint32_t end, uint32_t send) const;
  bool SpeechVerbBefore(uint32_t first, uint32_t sfirst) const;
  void AddCandidate(uint32_t title_first, uint32_t first, uint32_t end,
                    bool initial, bool headline);
  void Collect(Range s);
  // The tagger's spans of sentence `s` (titles by rule first). `spans` are
  // in token order; *next is the first one not yet used.
  void CollectTagged(Range s, const std::vector<NerSpan>& spans, size_t* next);
  // Whether the tagger's span [i, end) of sentence `s` is not a name.
  bool Rejected(uint32_t i, uint32_t end, Range s) const;
  void FixInitials();
  void TypeRuns();
  void MatchHeadline(Range s);
  void AssignLocals();
  // A lone word that is the surname of a person named in full in the same
  // document is that person, whatever type the tagger gave it (a majority
  // vote over all names was tried and lost 0.002 F1 on eng.testa: sports
  // pages use a country's name as a place and as a team).
  void HarmonizeTypes();

  const Lexicon& lex_;
  Document& doc_;
  const std::vector<Token>& toks_;
  const NerModel* model_;  // null: rules
  std::vector<Candidate> cands_;
  std::vector<Range> headlines_;
  std::vector<std::string_view> lower_words_;  // sorted
  // Name words seen at non-initial positions (sorted, for binary search).
  std::vector<std::string_view> mid_caps_;
  std::vector<Range> sentences_;
  // Sentence range of each candidate.
  std::vector<Range> cand_sent_;
};

bool Recognizer::IsInitial(uint32_t i, uint32_t sent_first) const {
  if (i == sent_first || (toks_[i].flags & kTokenSentenceStart)) return true;
  const uint32_t p = i - 1;
  if (toks_[p].flags & kTokenQuoteMark) return true;
  std::string_view t = Text(p);
  return t == ":" || t == "(" || t == "[" || t == "\xE2\x80\x94" ||
         t == "\xE2\x80\x93" || t == "-" || t == "\xE2\x80\xA6" || t == ";";
}

// A title-case or all-caps sentence (a headline): only known names count.
// Title case: >= 3 capitalized words and every lower-case word a short
// function word ("Velden Offers to Join Talks in Caldera").
bool Recognizer::InTitleOrHeading(Range s) const {
  if (s.first >= s.end) return false;
  const uint32_t at = toks_[s.first].span.start;
  for (const Block& b : doc_.layers().blocks) {
    if (b.span.start <= at && at < b.span.end) {
      return b.kind == BlockKind::kTitle || b.kind == BlockKind::kHeading;
    }
  }
  return false;
}

int Recognizer::LowerWords(Range s) const {
  int n = 0;
  for (uint32_t i = s.first; i < s.end; ++i) n += IsLower(i);
  return n;
}

bool Recognizer::MostlyUpper(Range s) const {
  int upper = 0, alpha = 0;
  for (uint32_t i = s.first; i < s.end; ++i) {
    const uint16_t f = toks_[i].flags;
    if (!(f & kTokenAlpha)) continue;
    ++alpha;
    if (f & kTokenAllUpper) ++upper;
  }
  return upper >= 3 && upper * 10 >= alpha * 6;
}

bool Recognizer::IsHeadline(Range s) const {
  int caps = 0, upper = 0, alpha = 0;
  bool only_function_words = true;
  for (uint32_t i = s.first; i < s.end; ++i) {
    const uint16_t f = toks_[i].flags;
    if (!(f & kTokenAlpha)) continue;
    ++alpha;
    if (f & kTokenAllUpper) ++upper;
    if (f & (kTokenUpperInitial | kTokenAllUpper)) {
      ++caps;
    } else if (only_function_words) {
      std::string_view w = Text(i);
      only_function_words =
          w == "a" || w == "an" || w == "the" || w == "of" || w == "to" ||
          w == "in" || w == "on" || w == "at" || w == "for" || w == "by" ||
          w == "and" || w == "or" || w == "but" || w == "as" || w == "vs" ||
          w == "with" || w == "from" || w == "nor" || w == "per" ||
          w == "via" || w == "into" || w == "over" || w == "amid" ||
          w == "is" || w == "are" || w == "be" || w == "more";
    }
  }
  if (upper >= 3 && upper * 10 >= alpha * 6) return true;
  return caps >= 3 && only_function_words;
}

// Title words (capitalized or not) ending in a title head, then a name.
Recognizer::TitleMatch Recognizer::MatchTitle(uint32_t i, uint32_t send) const {
  TitleMatch m;
  uint32_t j = i, head_end = i;
  while (j < send) {
    const uint16_t tf = toks_[j].flags;
    if (!(tf & kTokenAlpha)) break;
    const uint32_t f = Flags(j);
    const bool head = f & kLexTitleHead;
    const bool mod = f & kLexTitleMod;
    if (!head && !mod) {
      std::string_view w = Text(j);
      if (head_end == j && j > i && (w == "of" || w == "for")) {
        uint32_t k = j + 1;
        if (k < send && Text(k) == "the") ++k;
        uint32_t d = k;
        while (d < send && IsNameTok(d) && (Flags(d) & kLexTitleDomain)) ++d;
        if (d > k) {
          j = head_end = d;
          continue;
        }
      }
      break;
    }
    if (Possessive(j)) break;
    ++j;
    // "Mr" "." written as two tokens.
    if (j < send && Text(j) == "." && Adjacent(j - 1, j)) ++j;
    if (head) head_end = j;
  }
  if (head_end == i || head_end >= send || !IsNameWord(head_end)) return m;
  if (Flags(head_end) & (kLexTitleHead | kLexTitleMod)) return m;
  const uint32_t name_end = ExtendName(head_end, send);
  // "General Motors", "President Hotel": an organisation, not a person.
  const uint32_t last = name_end - 1;
  if (Flags(last) & (kLexOrgCue | kLexKnownOrg)) return m;
  if (name_end - head_end == 1 && (Flags(head_end) & (kLexLoc | kLexDemonym))) {
    return m;
  }
  m.title_end = head_end;
  m.name_end = name_end;
  return m;
}

// Person-name tokens from `j`: name words, particles ("von der"), hyphen
// joins; stops after a possessive.
uint32_t Recognizer::ExtendName(uint32_t j, uint32_t send) const {
  if (Possessive(j)) return j + 1;
  uint32_t e = j + 1;
  while (e < send) {
    if (IsNameWord(e) && !(Flags(e) & kLexTitleHead)) {
      ++e;
      if (Possessive(e - 1)) break;
      continue;
    }
    if (Text(e) == "-" && Adjacent(e - 1, e) && e + 1 < send &&
        Adjacent(e, e + 1) && IsNameWord(e + 1)) {
      e += 2;
      if (Possessive(e - 1)) break;
      continue;
    }
    if (IsLower(e) && (Flags(e) & kLexParticle)) {
      uint32_t k = e;
      while (k < send && IsLower(k) && (Flags(k) & kLexParticle)) ++k;
      if (k < send && IsNameWord(k)) {
        e = k;
        continue;
      }
    }
    break;
  }
  return e;
}

// A capitalized run from `i`: name words, hyphen joins, name particles, and
// connectors ("of", "for", "the") once an organisation cue was seen.
uint32_t Recognizer::BuildRun(uint32_t i, uint32_t send) const {
  if (Possessive(i)) return i + 1;
  bool cue = Flags(i) & kLexOrgCue;
  bool had_of = false;
  uint32_t e = i + 1;
  while (e < send) {
    if (IsNameWord(e)) {
      if ((Flags(e) & (kLexTitleHead | kLexTitleMod)) &&
          MatchTitle(e, send).title_end != kNone) {
        break;
      }
      cue = cue || (Flags(e) & kLexOrgCue);
      ++e;
      if (Possessive(e - 1)) break;
      continue;
    }
    if (Text(e) == "-" && Adjacent(e - 1, e) && e + 1 < send &&
        Adjacent(e, e + 1) && IsNameWord(e + 1)) {
      e += 2;
      if (Possessive(e - 1)) break;
      continue;
    }
    if (IsLower(e) && (Flags(e) & kLexParticle)) {
      uint32_t k = e;
      while (k < send && IsLower(k) && (Flags(k) & kLexParticle)) ++k;
      if (k < send && IsNameWord(k)) {
        e = k;
        continue;
      }
    }
    if (cue && IsLower(e) && (Flags(e) & kLexConnector)) {
      std::string_view w = Text(e);
      uint32_t k = e;
      while (k < send && IsLower(k) && (Flags(k) & kLexConnector)) ++k;
      // "and" only in "Ministry of Trade and Industry": after "of"/"for",
      // before one plain capitalized word.
      const bool and_ok =
          w != "and" ||
          (had_of && k < send && !(toks_[k].flags & kTokenAllUpper) &&
           !(Flags(k) & (kLexLoc | kLexKnownOrg | kLexDemonym)) &&
           (k + 1 >= send || !IsNameTok(k + 1)));
      if (k < send && IsNameWord(k) && and_ok) {
        had_of = had_of || w == "of" || w == "for";
        e = k;
        continue;
      }
    }
    break;
  }
  return e;
}

bool Recognizer::SpeechVerbAfter(uint32_t end, uint32_t send) const {
  uint32_t j = end;
  if (j < send && IsLower(j) &&
      (Text(j) == "also" || Text(j) == "then" || Text(j) == "later" ||
       Text(j) == "again" || Text(j) == "has" || Text(j) == "had")) {
    ++j;
  }
  return j < send && IsLower(j) && (Flags(j) & kLexSpeechVerb);
}

bool Recognizer::SpeechVerbBefore(uint32_t first, uint32_t sfirst) const {
  return first > sfirst && IsLower(first - 1) &&
         (Flags(first - 1) & kLexSpeechVerb);
}

void Recognizer::AddCandidate(uint32_t title_first, uint32_t first,
                              uint32_t end, bool initial, bool headline) {
  Candidate c;
  c.title_first = title_first;
  c.first = first;
  c.end = end;
  const uint32_t name_end = toks_[end - 1].span.start +
                            static_cast<uint32_t>(NameText(end - 1).size());
  c.name = Span{toks_[first].span.start, name_end};
  c.span = Span{toks_[title_first == kNone ? first : title_first].span.start,
                name_end};
  c.key = MakeKey(doc_.Slice(c.name));
  c.initial = initial;
  c.headline = headline;
  if (title_first != kNone) {
    c.type = EntityType::kPerson;
    c.form = MentionForm::kTitle;
    c.typed = true;
  }
  cands_.push_back(std::move(c));
  cand_sent_.push_back(sentences_.back());
}

// Candidates of one ordinary (non-headline) sentence.
EntityType TypeOf(NerType t) {
  switch (t) {
    case NerType::kPer:
      return EntityType::kPerson;
    case NerType::kOrg:
      return EntityType::kOrg;
    case NerType::kLoc:
      return EntityType::kLoc;
    default:
      return EntityType::kMisc;
  }
}

// Words that open a sentence or a quotation as interjections or discourse
// markers, never as names.
bool IsDiscourseWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "Again",  "Anyway",        "Clearly", "Frankly",   "Hello",    "Honestly",
      "Indeed", "Listen",        "Look",    "Meanwhile", "Nobody",   "Now",
      "Oh",     "Okay",          "Please",  "Sadly",     "Somebody", "Sure",
      "Thanks", "Unfortunately", "Well",    "Yes",
  };
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

bool Recognizer::Rejected(uint32_t i, uint32_t end, Range s) const {
  if (IsContraction(Text(i))) return true;
  if (end != i + 1) return false;
  const std::string_view w = NameText(i);
  // A long word in capitals inside ordinary prose is emphasis
  // ("IMMEDIATELY"), not a name, unless it is a known acronym. (Not at a
  // sentence start: datelines put places in capitals.)
  if (i > s.first && (toks_[i].flags & kTokenAllUpper) && w.size() > 6 &&
      !(Flags(i) & kLexKnownOrg) && LowerWords(s) >= 3) {
    return true;
  }
  // An interjection or discourse word opening a sentence or a quotation
  // ("Look, ...", "Well, ...") is not a name.
  if (IsInitial(i, s.first) && IsDiscourseWord(w)) return true;
  // A word the document also writes in lower case ("talks"), capitalized
  // alone at a sentence start, is not a name.
  if (IsInitial(i, s.first) && (toks_[i].flags & kTokenUpperInitial) &&
      !(Flags(i) & (kLexLoc | kLexKnownOrg)) && w.size() < 64 && !w.empty()) {
    char buf[64];
    for (size_t k = 0; k < w.size(); ++k) buf[k] = w[k];
    if (buf[0] >= 'A' && buf[0] <= 'Z')
      buf[0] = static_cast<char>(buf[0] - 'A' + 'a');
    return std::binary_search(lower_words_.begin(), lower_words_.end(),
                              std::string_view(buf, w.size()));
  }
  return false;
}

void Recognizer::CollectTagged(Range s, const std::vector<NerSpan>& spans,
                               size_t* next) {
  uint32_t i = s.first;
  while (i < s.end) {
    while (*next < spans.size() && spans[*next].begin < i) ++*next;
    const uint32_t f = toks_[i].flags & kTokenAlpha ? Flags(i) : 0;
    if (f & (kLexTitleHead | kLexTitleMod)) {
      TitleMatch t = MatchTitle(i, s.end);
      if (t.title_end != kNone) {
        AddCandidate(i, t.title_end, t.name_end, false, false);
        i = t.name_end;
        continue;
      }
    }
    if (*next < spans.size() && spans[*next].begin == i) {
      const NerSpan& sp = spans[*next];
      uint32_t end = std::min<uint32_t>(sp.end, s.end);
      // Quote marks at the edges are not part of the name.
      uint32_t first = i;
      while (first < end && (toks_[first].flags & kTokenQuoteMark)) ++first;
      while (end > first && (toks_[end - 1].flags & kTokenQuoteMark)) --end;
      if (first < end && !Rejected(first, end, s)) {
        AddCandidate(kNone, first, end, IsInitial(first, s.first), false);
        cands_.back().type = TypeOf(sp.type);
        cands_.back().typed = true;
      }
      i = std::max<uint32_t>(std::min<uint32_t>(sp.end, s.end), i + 1);
      continue;
    }
    // A place or organisation the gazetteer knows that the tagger missed
    // (it has not seen every country's name).
    if (IsNameWord(i)) {
      uint32_t e = BuildRun(i, s.end);
      if (*next < spans.size()) e = std::min<uint32_t>(e, spans[*next].begin);
      uint32_t known = 0;
      while (e > i) {
        std::string_view name =
            doc_.Slice(Span{toks_[i].span.start,
                            toks_[e - 1].span.start +
                                static_cast<uint32_t>(NameText(e - 1).size())});
        known = lex_.Flags(MakeKey(name)) & (kLexLoc | kLexKnownOrg);
        if (known) break;
        --e;
      }
      if (known) {
        AddCandidate(kNone, i, e, IsInitial(i, s.first), false);
        cands_.back().type =
            (known & kLexKnownOrg) ? EntityType::kOrg : EntityType::kLoc;
        cands_.back().typed = true;
        i = e;
        continue;
      }
    }
    ++i;
  }
}

void Recognizer::Collect(Range s) {
  uint32_t i = s.first;
  while (i < s.end) {
    const uint32_t f = toks_[i].flags & kTokenAlpha ? Flags(i) : 0;
    if (f & (kLexTitleHead | kLexTitleMod)) {
      TitleMatch t = MatchTitle(i, s.end);
      if (t.title_end != kNone) {
        AddCandidate(i, t.title_end, t.name_end, false, false);
        i = t.name_end;
        continue;
      }
    }
    if (!IsNameWord(i)) {
      ++i;
      continue;
    }
    const uint32_t e = BuildRun(i, s.end);
    const bool initial = IsInitial(i, s.first);
    // Runs made only of title words ("the Prime Minister") name nobody.
    bool all_title = true;
    for (uint32_t k = i; k < e && all_title; ++k) {
      all_title = IsNameTok(k) && (Flags(k) & (kLexTitleHead | kLexTitleMod));
    }
    if (!all_title) AddCandidate(kNone, i, e, initial, false);
    for (uint32_t k = i; k < e; ++k) {
      if (IsNameTok(k) && (k != i || !initial)) {
        mid_caps_.push_back(NameText(k));
      }
    }
    i = e;
  }
}

// Sentence-initial capitalized words that are ordinary words elsewhere in
// the document ("Several", "Asked") are not names.
void Recognizer::FixInitials() {
  std::sort(mid_caps_.begin(), mid_caps_.end());
  std::vector<std::string> probe;  // lower-cased first words to look for
  std::vector<uint32_t> which;
  for (uint32_t c = 0; c < cands_.size(); ++c) {
    Candidate& cand = cands_[c];
    if (!cand.initial || cand.title_first != kNone) continue;
    std::string_view w = NameText(cand.first);
    // Indefinite pronouns are never names ("Nobody knows ...").
    if (cand.end - cand.first == 1) {
      const std::string k = MakeKey(w);
      static constexpr std::string_view kIndefinite[] = {
          "nobody",   "somebody",   "someone",   "anyone",  "anybody",
          "everyone", "everybody",  "nothing",   "something", "everything",
          "anything", "none",       "neither",   "either",  "each"};
      bool indefinite = false;
      for (std::string_view x : kIndefinite) indefinite |= k == x;
      if (indefinite) {
        cand.keep = false;
        continue;
      }
    }
    if (Flags(cand.first) != 0) continue;
    if (std::binary_search(mid_caps_.begin(), mid_caps_.end(), w)) continue;
    probe.push_back(MakeKey(w));
    which.push_back(c);
  }
  if (probe.empty()) return;
  std::vector<std::string_view> sorted(probe.begin(), probe.end());
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::string_view> seen;
  for (uint32_t i = 0; i < toks_.size(); ++i) {
    if (!IsLower(i)) continue;
    std::string_view w = Text(i);
    if (std::binary_search(sorted.begin(), sorted.end(), w)) seen.push_back(w);
  }
  std::sort(seen.begin(), seen.end());
  for (size_t p = 0; p < probe.size(); ++p) {
    Candidate& cand = cands_[which[p]];
    if (!std::binary_search(seen.begin(), seen.end(),
                            std::string_view(probe[p]))) {
      continue;
    }
    // An ordinary word: drop it from the candidate.
    if (cand.end - cand.first == 1) {
      cand.keep = false;
      continue;
    }
    uint32_t nf = cand.first + 1;
    while (nf < cand.end && !IsNameWord(nf)) ++nf;
    if (nf >= cand.end) {
      cand.keep = false;
      continue;
    }
    cand.first = nf;
    cand.name.start = cand.span.start = toks_[nf].span.start;
    cand.key = MakeKey(doc_.Slice(cand.name));
    cand.initial = false;
  }
}

void Recognizer::TypeRuns() {
  // Names that a title preceded somewhere in the document.
  std::unordered_map<std::string, bool> titled;
  for (const Candidate& c : cands_) {
    if (c.keep && c.title_first != kNone) titled.emplace(c.key, true);
  }
  // Pass 1: multi-token runs.
  for (size_t ci = 0; ci < cands_.size(); ++ci) {
    Candidate& c = cands_[ci];
    if (!c.keep || c.typed) continue;
    const uint32_t n = c.end - c.first;
    if (n < 2) continue;
    const uint32_t whole = lex_.Flags(c.key);
    const uint32_t last = Flags(c.end - 1);
    const Range s = cand_sent_[ci];
    // "Bank of Norland": a cue word before a connector.
    bool cue_connector = false;
    for (uint32_t k = c.first; k + 1 < c.end && !cue_connector; ++k) {
      cue_connector = IsNameTok(k) && (Flags(k) & kLexOrgCue) &&
                      IsLower(k + 1) && (Flags(k + 1) & kLexConnector);
    }
    c.typed = true;
    if (whole & kLexKnownOrg) {
      c.type = EntityType::kOrg;
    } else if ((last & kLexOrgCue) || cue_connector) {
      c.type = EntityType::kOrg;
    } else if (whole & kLexLoc) {
      c.type = EntityType::kLoc;
    } else if (whole & kLexDemonym) {
      c.type = EntityType::kMisc;
    } else if ((last & kLexMiscCue) ||
               (n >= 3 && (Flags(c.end - 2) & kLexMiscCue) &&
                (Flags(c.end - 1) & kLexNotAcronym))) {  // "World War II"
      c.type = EntityType::kMisc;
    } else if (SpeechVerbAfter(c.end, s.end) ||
               SpeechVerbBefore(c.first, s.first) || titled.count(c.key)) {
      c.type = EntityType::kPerson;
    } else {
      bool org_inside = false, acronym = false, alpha = true;
      for (uint32_t k = c.first; k < c.end; ++k) {
        if (!IsNameTok(k)) continue;
        org_inside = org_inside || (Flags(k) & kLexOrgCue);
        acronym = acronym || ((toks_[k].flags & kTokenAllUpper) &&
                              !(Flags(k) & kLexNotAcronym));
        alpha = alpha && (toks_[k].flags & kTokenAlpha);
      }
      if (org_inside) {
        c.type = EntityType::kOrg;
      } else if (n <= 3 && !acronym && alpha) {
        c.type = EntityType::kPerson;
      } else if (acronym) {
        c.type = EntityType::kOrg;
      } else {
        c.type = EntityType::kMisc;
      }
    }
  }
  // Surnames of multi-token person names, and one-token titled names.
  std::unordered_map<std::string, bool> surnames;
  std::unordered_map<std::string, bool> first_names;
  for (const Candidate& c : cands_) {
    if (!c.keep || c.type != EntityType::kPerson || !c.typed) continue;
    surnames.emplace(MakeKey(NameText(c.end - 1)), true);
    if (c.end - c.first >= 2) {
      first_names.emplace(MakeKey(NameText(c.first)), true);
    }
  }
  // Pass 2: single tokens.
  for (size_t ci = 0; ci < cands_.size(); ++ci) {
    Candidate& c = cands_[ci];
    if (!c.keep || c.typed) continue;
    const uint32_t f = Flags(c.first);
    const Range s = cand_sent_[ci];
    const uint16_t tf = toks_[c.first].flags;
    const std::string_view w = NameText(c.first);
    const bool acronym = IsAcronymText(w) && !(f & kLexNotAcronym);
    // A long all-caps word with no other signal is emphasis ("NEVER").
    const bool shouted = (tf & kTokenAllUpper) && !acronym && w.size() > 6;
    c.typed = true;
    if (f & kLexKnownOrg) {
      c.type = EntityType::kOrg;
    } else if (f & kLexLoc) {
      c.type = EntityType::kLoc;
    } else if (acronym) {
      c.type = EntityType::kOrg;
    } else if (f & kLexDemonym) {
      c.type = EntityType::kMisc;
    } else if (surnames.count(c.key) || titled.count(c.key) ||
               first_names.count(c.key)) {
      c.type = EntityType::kPerson;  // first names get their own local
    } else if (shouted) {
      c.keep = false;
    } else if (c.initial &&
               !std::binary_search(mid_caps_.begin(), mid_caps_.end(), w)) {
      c.keep = false;  // a capitalized sentence opener, not a name
    } else if (c.first > s.first && IsLower(c.first - 1) &&
               (Flags(c.first - 1) & kLexLocPrep)) {
      c.type = EntityType::kLoc;
    } else if (c.first >= s.first + 2 && Text(c.first - 1) == "of" &&
               IsNameTok(c.first - 2)) {
      c.type = EntityType::kLoc;  // "President Mara Velden of Norland"
    } else if (f & (kLexTitleHead | kLexTitleMod | kLexOrgCue | kLexMiscCue)) {
      c.keep = false;  // "President", "Ministry" alone
    } else {
      c.type = EntityType::kMisc;
    }
  }
}

// Title-case sentences: only names known from the body, the lexicon or a
// title, longest first.
void Recognizer::MatchHeadline(Range s) {
  std::unordered_map<std::string, size_t> known;
  for (size_t ci = 0; ci < cands_.size(); ++ci) {
    const Candidate& c = cands_[ci];
    if (!c.keep || c.headline) continue;
    known.emplace(c.key, ci);
    if (c.type == EntityType::kPerson && c.end - c.first >= 2) {
      known.emplace(MakeKey(NameText(c.end - 1)), ci);
    }
  }
  uint32_t i = s.first;
  while (i < s.end) {
    uint32_t title_first = kNone;
    uint32_t j = i;
    if ((toks_[i].flags & kTokenAlpha) &&
        (Flags(i) & (kLexTitleHead | kLexTitleMod))) {
      TitleMatch t = MatchTitle(i, s.end);
      if (t.title_end != kNone) {
        title_first = i;
        j = t.title_end;
      }
    }
    if (!IsNameTok(j) || (Flags(j) & kLexStop)) {
      i = j + 1;
      continue;
    }
    uint32_t best_end = 0;
    for (uint32_t len = std::min<uint32_t>(5, s.end - j); len >= 1; --len) {
      const uint32_t e = j + len;
      bool ok = true;
      for (uint32_t k = j; k < e && ok; ++k) {
        ok = (IsNameTok(k) || (k > j && k + 1 < e && IsLower(k) &&
                               (Flags(k) & (kLexConnector | kLexParticle)))) &&
             (k + 1 == e || !Possessive(k));
      }
      if (!ok) continue;
      Span name{toks_[j].span.start,
                toks_[e - 1].span.start +
                    static_cast<uint32_t>(NameText(e - 1).size())};
      std::string key = MakeKey(doc_.Slice(name));
      auto it = known.find(key);
      const uint32_t f = lex_.Flags(key);
      EntityType type = EntityType::kMisc;
      if (it != known.end()) {
        type = cands_[it->second].type;
      } else if (f & kLexKnownOrg) {
        type = EntityType::kOrg;
      } else if (f & kLexLoc) {
        type = EntityType::kLoc;
      } else if (f & kLexDemonym) {
        type = EntityType::kMisc;
      } else {
        continue;
      }
      if (title_first != kNone && type != EntityType::kPerson) {
        title_first = kNone;  // "President Norland": not a person
      }
      AddCandidate(title_first, j, e, false, true);
      Candidate& c = cands_.back();
      c.type = type;
      c.typed = true;
      if (title_first == kNone) c.form = MentionForm::kName;
      best_end = e;
      break;
    }
    i = best_end ? best_end : j + 1;
  }
}

// One `local` per document-level referent: persons by full name, lone
// surnames joined to the nearest full name that ends with them; other
// types by type and name.
void Recognizer::HarmonizeTypes() {
  std::unordered_map<std::string, int> surnames;
  for (const Candidate& c : cands_) {
    if (c.keep && c.type == EntityType::kPerson && c.end - c.first >= 2) {
      ++surnames[MakeKey(NameText(c.end - 1))];
    }
  }
  for (Candidate& c : cands_) {
    if (!c.keep || c.title_first != kNone) continue;
    if (c.end - c.first == 1 && c.type != EntityType::kPerson &&
        surnames.count(c.key) &&
        !(lex_.Flags(c.key) & (kLexLoc | kLexKnownOrg))) {
      c.type = EntityType::kPerson;
      continue;
    }
  }
}

void Recognizer::AssignLocals() {
  std::vector<size_t> order;
  for (size_t ci = 0; ci < cands_.size(); ++ci) {
    if (cands_[ci].keep) order.push_back(ci);
  }
  std::sort(order.begin(), order.end(), [this](size_t a, size_t b) {
    return cands_[a].span.start < cands_[b].span.start;
  });
  int32_t next = 0;
  std::unordered_map<std::string, int32_t> by_key;  // "T|key" -> local
  // Person full names in text order: (surname key, local, start).
  struct Full {
    std::string surname;
    int32_t local;
    uint32_t start;
    std::string first_name;
  };
  std::vector<Full> fulls;
  auto key_of = [](const Candidate& c) {
    std::string k(1, static_cast<char>('0' + static_cast<int>(c.type)));
    k += '|';
    k += c.key;
    return k;
  };
  for (size_t ci : order) {
    Candidate& c = cands_[ci];
    if (c.type != EntityType::kPerson || c.end - c.first < 2) continue;
    auto [it, fresh] = by_key.emplace(key_of(c), next);
    if (fresh) ++next;
    c.local = it->second;
    fulls.push_back({MakeKey(NameText(c.end - 1)), c.local, c.span.start,
                     MakeKey(NameText(c.first))});
  }
  for (size_t ci : order) {
    Candidate& c = cands_[ci];
    if (c.local >= 0) continue;
    if (c.type == EntityType::kPerson) {
      // Nearest preceding full name with this surname, else the first
      // following one.
      const Full* before = nullptr;
      const Full* after = nullptr;
      for (const Full& f : fulls) {
        if (f.surname != c.key) continue;
        if (f.start <= c.span.start) {
          before = &f;
        } else if (after == nullptr) {
          after = &f;
        }
      }
      const Full* best = before != nullptr ? before : after;
      if (best != nullptr) {
        c.local = best->local;
        if (c.form == MentionForm::kName) c.form = MentionForm::kSurname;
        continue;
      }
      // A first name alone ("Marco is going") is the one person of the
      // document with that first name, if there is exactly one.
      if (c.end - c.first == 1) {
        int32_t only = -1;
        bool ambiguous = false;
        for (const Full& f : fulls) {
          if (f.first_name != c.key) continue;
          if (only >= 0 && only != f.local) ambiguous = true;
          only = f.local;
        }
        if (only >= 0 && !ambiguous) {
          c.local = only;
          continue;
        }
      }
    }
    auto [it, fresh] = by_key.emplace(key_of(c), next);
    if (fresh) ++next;
    c.local = it->second;
  }
  // Renumber locals in order of first appearance.
  std::vector<int32_t> renum(static_cast<size_t>(next), -1);
  int32_t n = 0;
  for (size_t ci : order) {
    Candidate& c = cands_[ci];
    if (renum[c.local] < 0) renum[c.local] = n++;
    c.local = renum[c.local];
  }
}

Status Recognizer::Run() {
  Layers& l = doc_.layers();
  const uint32_t ntok = static_cast<uint32_t>(toks_.size());
  const uint32_t text_size = static_cast<uint32_t>(doc_.text().size());
  for (const Token& t : toks_) {
    if (t.span.end > text_size || t.span.start > t.span.end) {
      return Status(ErrorCode::kStageFailed,
                    "mentions: a token lies outside the text");
    }
  }
  std::vector<Range> sents;
  for (const Sentence& s : l.sentences) {
    if (s.first_token > s.end_token || s.end_token > ntok) {
      return Status(ErrorCode::kStageFailed,
                    "mentions: a sentence's tokens are out of range");
    }
    // A line break ends a sentence too (headings, bylines).
    uint32_t from = s.first_token;
    for (uint32_t t = s.first_token; t + 1 < s.end_token; ++t) {
      std::string_view gap = doc_.text().substr(
          toks_[t].span.end, toks_[t + 1].span.start - toks_[t].span.end);
      if (gap.find('\n') != std::string_view::npos) {
        sents.push_back({from, t + 1});
        from = t + 1;
      }
    }
    if (from < s.end_token) sents.push_back({from, s.end_token});
  }
  if (l.sentences.empty() && ntok > 0) sents.push_back({0, ntok});
  cands_.reserve(ntok / 4 + 4);
  if (model_ != nullptr) {
    // One tagging pass over the whole document (the tagger uses what it
    // saw earlier in the document), then titles and spans per sentence.
    thread_local NerScratch scratch;
    thread_local std::vector<std::string_view> words;
    thread_local std::vector<uint32_t> ends;
    thread_local std::vector<NerSpan> spans;
    words.clear();
    ends.clear();
    for (uint32_t i = 0; i < ntok; ++i) words.push_back(NameText(i));
    for (const Range& s : sents) {
      if (ends.empty() || s.end > ends.back()) ends.push_back(s.end);
    }
    if (!ends.empty() && ends.back() != ntok) ends.push_back(ntok);
    model_->TagDocument(words, ends, &scratch, &spans);
    // Words the document also writes in lower case ("talks"): capitalized
    // alone at a sentence start, they are not names.
    lower_words_.clear();
    for (uint32_t i = 0; i < ntok; ++i) {
      if (IsLower(i)) lower_words_.push_back(Text(i));
    }
    std::sort(lower_words_.begin(), lower_words_.end());
    size_t next = 0;
    for (const Range& s : sents) {
      sentences_.push_back(s);
      // The tagger learned from news text whose headlines are in capitals;
      // in a title-case headline every word looks like a name, so only
      // names found in the body are looked for there (as the rules do).
      if (InTitleOrHeading(s) && IsHeadline(s) && !MostlyUpper(s)) {
        headlines_.push_back(s);
        continue;
      }
      CollectTagged(s, spans, &next);
    }
    TypeRuns();  // types nothing the tagger typed; records surnames
    HarmonizeTypes();
    for (const Range& s : headlines_) {
      sentences_.push_back(s);
      MatchHeadline(s);
    }
  } else {
    for (const Range& s : sents) {
      sentences_.push_back(s);
      if (IsHeadline(s)) {
        headlines_.push_back(s);
        continue;
      }
      Collect(s);
    }
    FixInitials();
    TypeRuns();
    for (const Range& s : headlines_) {
      sentences_.push_back(s);
      MatchHeadline(s);
    }
  }
  AssignLocals();

  std::vector<Mention>& out = l.mentions;
  out.clear();
  for (const Candidate& c : cands_) {
    if (!c.keep || c.name.empty()) continue;
    Mention m;
    m.span = c.span;
    m.name = c.name;
    m.type = c.type;
    m.form = c.form;
    m.local = c.local;
    out.push_back(m);
  }
  // Inside a dateline ("SARVIK, March 13 (Nordpress) -") the dateline
  // stage already knows which name is the place and which the agency.
  if (l.dateline && !l.dateline->span.empty()) {
    auto same = [](std::string_view a, std::string_view b) {
      if (a.size() != b.size() || a.empty()) return false;
      for (size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i]))) {
          return false;
        }
      }
      return true;
    };
    for (Mention& m : out) {
      if (!l.dateline->span.Contains(m.span)) continue;
      std::string_view text = doc_.Slice(m.name);
      if (same(text, l.dateline->place)) m.type = EntityType::kLoc;
      if (same(text, l.dateline->agency)) m.type = EntityType::kOrg;
    }
  }
  std::sort(out.begin(), out.end(), [](const Mention& a, const Mention& b) {
    if (a.span.start != b.span.start) return a.span.start < b.span.start;
    return a.span.end > b.span.end;
  });
  return Status::Ok();
}

}  // namespace

MentionStage::MentionStage(MentionOptions opts) : lex_(Lexicon::Get()) {
  if (!opts.use_model) return;
  if (opts.model != nullptr) {
    model_ = std::move(opts.model);
    return;
  }
  StatusOr<std::shared_ptr<const NerModel>> m = DefaultNerModel();
  if (m.ok()) {
    model_ = std::move(m).value();
  } else {
    model_status_ = m.status();
  }
}

Status MentionStage::Run(Document& doc) const {
  if (!model_status_.ok()) return model_status_;
  Recognizer r(lex_, doc, model_.get());
  return r.Run();
}

}  // namespace dossier
