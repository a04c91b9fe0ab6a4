#include "quotes/quote_stage.h"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace dossier {
namespace {

constexpr uint32_t kNone = UINT32_MAX;

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

bool IsAdverb(std::string_view w) {
  return w == "also" || w == "then" || w == "later" || w == "again" ||
         w == "further" || w == "previously" || w == "once" || w == "has" ||
         w == "had" || w == "have" || w == "recently" || w == "earlier" ||
         w == "simply" || w == "reportedly" || w == "repeatedly";
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
  bool IsCue(uint32_t i) const {
    return (toks_[i].flags & kTokenAlpha) && stage_.IsCueVerb(Text(i));
  }
  bool IsWord(uint32_t i) const {
    return toks_[i].flags & (kTokenAlpha | kTokenDigit);
  }
  bool IsSentenceEnd(uint32_t i) const {
    std::string_view t = Text(i);
    return t == "." || t == "!" || t == "?";
  }
  uint32_t BlockOf(uint32_t tok) const { return tok_block_[tok]; }
  uint32_t SentenceOf(uint32_t tok) const;
  // Index of the mention whose span holds token `i`, or -1.
  int32_t MentionAt(uint32_t i) const;
  bool InsideQuote(Span s) const;
  int32_t ResolvePronoun(uint32_t i, int kind) const;
  Speaker SpeakerEndingAt(uint32_t j, uint32_t lo) const;
  Speaker SpeakerStartingAt(uint32_t j, uint32_t hi) const;
  Span CueSpan(uint32_t v, uint32_t hi) const;
  bool Attribute(const Pair& p, Quote& q) const;

  const QuoteStage& stage_;
  Document& doc_;
  const std::vector<Token>& toks_;
  const std::vector<Mention>& mentions_;
  std::vector<uint32_t> tok_block_;  // block index per token
  std::vector<std::pair<uint32_t, uint32_t>> block_toks_;  // [first, end)
  std::vector<Pair> pairs_;
  std::vector<Span> contents_;
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
  for (size_t k = mentions_.size(); k-- > 0;) {
    const Mention& m = mentions_[k];
    if (m.span.end > at) continue;
    if (InsideQuote(m.span)) continue;
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
  if (!(toks_[j].flags & kTokenAlpha) || IsCue(j)) return s;
  for (uint32_t k = j, n = 0; k >= lo && n < 6; --k, ++n) {
    if (!(toks_[k].flags & kTokenAlpha) || (k != j && IsCue(k))) break;
    const std::string_view w = Text(k);
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
    return s;
  }
  if (int kind = PronounKind(Text(j)); kind != 0) {
    s.span = toks_[j].span;
    s.mention = ResolvePronoun(j, kind);
    s.found = true;
    return s;
  }
  if (IsDeterminer(Text(j))) {
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
        s.mention = m2;
        s.found = true;
        return s;
      }
    }
    uint32_t e = j + 1;
    while (e < hi && e - j <= 5 && (toks_[e].flags & kTokenAlpha) &&
           !IsCue(e) && Text(e) != "who" && Text(e) != "that" &&
           Text(e) != "and" && !Text(e).ends_with("ing")) {
      ++e;
    }
    if (e > j + 1) {
      s.span = Span{toks_[j].span.start, toks_[e - 1].span.end};
      s.found = true;
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
    if (((w == "told" || w == "tells") &&
         (n == "reporters" || n == "journalists")) ||
        (w == "according" && n == "to")) {
      s.end = toks_[v + 1].span.end;
    }
  }
  return s;
}

// Fills cue and speaker of the quote `p`; false when no attribution was
// found.
bool QuoteFinder::Attribute(const Pair& p, Quote& q) const {
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
      if (s.found) return set(j, bend, s);
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
          if (c < bend && Text(c) == ",") v = c + 1;
        }
        while (v < bend && IsAdverb(Text(v))) ++v;
        if (v < bend && IsCue(v)) return set(v, bend, s);
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
      if (IsCue(v)) {
        uint32_t k = v;
        while (k > bfirst && IsAdverb(Text(k - 1))) --k;
        Speaker s = k > bfirst ? SpeakerEndingAt(k - 1, bfirst) : Speaker();
        if (!s.found) s = SpeakerStartingAt(v + 1, p.open);  // said NAME:
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
      uint32_t k = v;
      while (k > lo && IsAdverb(Text(k - 1))) --k;
      Speaker s = k > lo ? SpeakerEndingAt(k - 1, lo) : Speaker();
      if (s.found) return set(v, p.open, s);
      break;
    }
  }
  return false;
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
      const Mark m = MarkOf(Text(t));
      if (m == Mark::kNotDouble) continue;
      if (open == kNone) {
        if (m != Mark::kClose) open = t;
        continue;
      }
      if (m == Mark::kOpen) {
        if (BlockOf(open) == b) open = t;  // an unclosed mark: start again
        continue;
      }
      pairs_.push_back({open, t});
      open = kNone;
    }
  }
  // Contents first (pronoun resolution skips mentions inside quotes).
  for (const Pair& p : pairs_) {
    contents_.push_back(
        Span{toks_[p.open].span.end, toks_[p.close].span.start});
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
    const bool attributed = Attribute(p, q);
    if (words >= 4 || final_punct) {
      q.kind = QuoteKind::kDirect;
    } else {
      // A few words: partial quote if a reporting verb is around, else a
      // scare quote or a title.
      if (!attributed) continue;
      q.kind = QuoteKind::kPartial;
      (void)caps;
    }
    if (!attributed && prev >= 0 && !out[prev].speaker.empty()) {
      // Continuation: the next quote of the same paragraph, or a quote
      // paragraph right after the one holding the previous quote.
      const uint32_t b = BlockOf(p.open);
      const uint32_t pb = BlockOf(prev_close);
      if (b == pb || (b == pb + 1 && p.open == block_toks_[b].first)) {
        q.speaker = out[prev].speaker;
        q.speaker_mention = out[prev].speaker_mention;
      }
    }
    out.push_back(q);
    prev = static_cast<int32_t>(out.size()) - 1;
    prev_close = p.close;
  }
  return Status::Ok();
}

}  // namespace

QuoteStage::QuoteStage() {
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
  };
  std::sort(cue_verbs_.begin(), cue_verbs_.end());
}

bool QuoteStage::IsCueVerb(std::string_view word) const {
  return std::binary_search(cue_verbs_.begin(), cue_verbs_.end(), word);
}

Status QuoteStage::Run(Document& doc) const {
  QuoteFinder f(*this, doc);
  return f.Run();
}

}  // namespace dossier
