#include "time/clause_tense.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <initializer_list>

#include "pos/tags.h"

namespace dossier {
namespace {

// Lower-cases `w` into `buf` (ASCII only); empty when it does not fit.
std::string_view Lower(std::string_view w, std::array<char, 16>& buf) {
  if (w.size() > buf.size()) return {};
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return std::string_view(buf.data(), w.size());
}

bool OneOf(std::string_view w, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set) {
    if (w == s) return true;
  }
  return false;
}

// Words that end a clause whatever their tag.
bool IsClauseWord(std::string_view l) {
  return OneOf(l,
               {"that", "which", "who", "whom", "whose", "because", "although",
                "though", "whereas", "while", "when", "unless", "if", "where"});
}

bool IsFiniteTag(uint8_t t) {
  return t == kPosMD || t == kPosVBD || t == kPosVBZ || t == kPosVBP;
}

enum class Break : uint8_t { kNone, kComma, kStrong };

Break BreakAt(std::string_view text, const Token& t) {
  if (t.flags & kTokenQuoteMark) return Break::kStrong;
  if (t.span.end > text.size() || t.span.empty()) return Break::kNone;
  const std::string_view w = text.substr(t.span.start, t.span.size());
  if (t.flags & kTokenPunct) {
    if (w == ",") return Break::kComma;
    if (w == ";" || w == ":" || w == "--" || w == "-" || w == "\xE2\x80\x94" ||
        w == "\xE2\x80\x93" || w == "_" || w == "\"" || w == "``" ||
        w == "''") {
      return Break::kStrong;
    }
    return Break::kNone;
  }
  std::array<char, 16> buf;
  const std::string_view l = Lower(w, buf);
  // "since", "after", "until" are left out: mostly prepositions here
  // ("since 2019", "until Tuesday"). "as" starts a clause before a
  // pronoun or determiner ("as he was", "as the court ruled"), not in
  // "as early as".
  if (l == "as" || l == "and") return Break::kNone;  // see BreakAtIn
  return IsClauseWord(l) ? Break::kStrong : Break::kNone;
}

// Whether tokens[i], a quote mark, pairs with another within three words
// on either side: scare quotes around a word or two ("personally"), which
// do not end the clause.
bool ShortQuoteMark(std::span<const Token> tokens, size_t i) {
  for (size_t d = 2; d <= 4; ++d) {
    if (i >= d && (tokens[i - d].flags & kTokenQuoteMark)) return true;
    if (i + d < tokens.size() && (tokens[i + d].flags & kTokenQuoteMark)) {
      return true;
    }
  }
  return false;
}

// BreakAt() with the word after: "as" before a pronoun or determiner.
Break BreakAtIn(std::string_view text, std::span<const Token> tokens,
                size_t i) {
  if ((tokens[i].flags & kTokenQuoteMark) && ShortQuoteMark(tokens, i)) {
    return Break::kNone;
  }
  const Break b = BreakAt(text, tokens[i]);
  if (b != Break::kNone || i + 1 >= tokens.size()) return b;
  const Token& t = tokens[i];
  std::array<char, 16> buf;
  const std::string_view l =
      Lower(text.substr(t.span.start, t.span.size()), buf);
  const uint8_t next = tokens[i + 1].pos;
  if (l == "as") {
    return next == kPosPRP || next == kPosDT || next == kPosPRPS
               ? Break::kStrong
               : Break::kNone;
  }
  // "... since March and was scheduled to return": a second verb phrase.
  if (l == "and") {
    size_t j = i + 1;
    while (j < tokens.size() && tokens[j].pos == kPosRB) ++j;
    return j < tokens.size() && IsFiniteTag(tokens[j].pos) ? Break::kStrong
                                                           : Break::kNone;
  }
  return Break::kNone;
}

// The tense of the verb group whose finite verb is tokens[v].
Tense VerbGroupTense(std::string_view text, std::span<const Token> tokens,
                     size_t v, bool perfect_is_past) {
  std::array<char, 16> buf;
  const Token& t = tokens[v];
  const std::string_view l =
      Lower(text.substr(t.span.start, t.span.size()), buf);
  if (t.pos == kPosMD) {
    // "may have been", "would have signed": a modal perfect looks back.
    size_t h = v + 1;
    while (h < tokens.size() && tokens[h].pos == kPosRB) ++h;
    if (h + 1 < tokens.size()) {
      std::array<char, 16> hbuf;
      const Token& ht = tokens[h];
      if (Lower(text.substr(ht.span.start, ht.span.size()), hbuf) == "have" &&
          tokens[h + 1].pos == kPosVBN) {
        return Tense::kPast;
      }
    }
    if (OneOf(l, {"could", "can", "ca"})) return Tense::kUnknown;
    return Tense::kFuture;  // will, would, 'll, shall, may, might, should
  }
  // The two words after the verb, skipping adverbs ("is not expected to").
  std::array<std::array<char, 16>, 2> abuf;
  std::array<std::string_view, 2> after{};
  std::array<uint8_t, 2> after_tag{};
  size_t n = 0;
  for (size_t i = v + 1; i < tokens.size() && n < after.size(); ++i) {
    const Token& a = tokens[i];
    if (a.pos == kPosRB) continue;
    after[n] = Lower(text.substr(a.span.start, a.span.size()), abuf[n]);
    after_tag[n] = a.pos;
    ++n;
  }
  auto after_is = [&](size_t k, std::initializer_list<std::string_view> set) {
    return k < n && OneOf(after[k], set);
  };
  const bool be = OneOf(l, {"is", "are", "am", "was", "were", "'s", "'re"});
  if (be &&
      (after_is(0, {"expected", "scheduled", "due", "set", "slated", "poised",
                    "going", "planning", "supposed", "likely", "ready"}))) {
    return Tense::kFuture;
  }
  // "was to meet", "is not to sign": "to" right after the verb (or "not");
  // "was too short to hear" (a mis-tagged adjective skipped) is not.
  if (be && v + 1 < tokens.size()) {
    std::array<char, 16> nbuf;
    size_t k = v + 1;
    const Token& n1 = tokens[k];
    std::string_view w =
        Lower(text.substr(n1.span.start, n1.span.size()), nbuf);
    if ((w == "not" || w == "n't") && k + 1 < tokens.size()) {
      const Token& n2 = tokens[++k];
      w = Lower(text.substr(n2.span.start, n2.span.size()), nbuf);
    }
    if (w == "to") return Tense::kFuture;
  }
  if (OneOf(l, {"set", "scheduled", "due", "slated", "poised", "expected"}) &&
      after_is(0, {"to"})) {
    return Tense::kFuture;  // "set to resume"
  }
  if (OneOf(l, {"plans", "plan", "expects", "expect", "intends", "intend",
                "hopes", "hope", "aims", "aim", "wants", "want"}) &&
      after_is(0, {"to"})) {
    return Tense::kFuture;
  }
  if (OneOf(l, {"has", "have", "'ve"}) &&
      after_is(0, {"scheduled", "set", "planned", "called", "slated"})) {
    return Tense::kFuture;  // "has scheduled a news conference Thursday"
  }
  if (OneOf(l, {"has", "have", "'ve"}) && n > 0 &&
      (after_tag[0] == kPosVBN || after_is(0, {"been"}))) {
    return perfect_is_past ? Tense::kPast : Tense::kUnknown;  // "has signed"
  }
  if (t.pos == kPosVBD) return Tense::kPast;
  // Reports in the present ("the minister says") tell of the past.
  if (OneOf(l, {"says", "say", "tells", "tell"})) return Tense::kPast;
  return Tense::kPresent;
}

// "set to", "scheduled to", "due to" after a noun ("the talks, set to
// resume Monday"): a verb group of the future without a finite verb.
bool ScheduledTo(std::string_view text, std::span<const Token> tokens,
                 size_t i) {
  if (i + 1 >= tokens.size()) return false;
  std::array<char, 16> buf, nbuf;
  const Token& t = tokens[i];
  const Token& n = tokens[i + 1];
  // After a verb ("had been due to"), the finite verb decides.
  if (i > 0 && (IsVerbTag(tokens[i - 1].pos) || tokens[i - 1].pos == kPosMD)) {
    return false;
  }
  return OneOf(Lower(text.substr(t.span.start, t.span.size()), buf),
               {"set", "scheduled", "due", "slated", "poised", "expected"}) &&
         Lower(text.substr(n.span.start, n.span.size()), nbuf) == "to";
}

// Words whose infinitive looks ahead: "agreed to buy", "plans to sell",
// "an agreement to acquire".
bool IsProspective(std::string_view text, const Token& t) {
  std::array<char, 16> buf;
  return OneOf(Lower(text.substr(t.span.start, t.span.size()), buf),
               {"agreed",   "agree",    "agrees",   "agreement",  "plan",
                "plans",    "planned",  "planning", "promised",   "pledged",
                "vowed",    "offered",  "offer",    "threatened", "intended",
                "intends",  "expected", "expects",  "scheduled",  "hoped",
                "hopes",    "wanted",   "wants",    "aimed",      "aims",
                "proposed", "proposal", "prepared", "preparing",  "decided",
                "deal",     "bid",      "moved",    "sought",     "seeks"});
}

// "extended the offer until 5 p.m. Friday", "postponed the hearing until
// Tuesday", "gave them until Monday": the end of a delay lies ahead of the
// verb. The expression follows "until"/"till"/"through" (with "at" or
// "noon" between), and the verb, or a word between it and the
// expression, is one of extending or delaying.
bool UntilAfterExtension(std::string_view text, std::span<const Token> tokens,
                         size_t v, size_t first) {
  std::array<char, 16> buf;
  auto word = [&](size_t i) {
    return Lower(text.substr(tokens[i].span.start, tokens[i].span.size()), buf);
  };
  size_t k = first;
  // "until 9 a.m. EST Tuesday": the clock before the day is skipped too.
  while (k > v + 1 &&
         (tokens[k - 1].pos == kPosCD ||
          OneOf(word(k - 1), {"at", "about", "around", "noon", "midnight",
                              "a.m.", "p.m.", "a.m", "p.m", "am", "pm", "est",
                              "edt", "gmt", "utc", "pst", "pdt", "cst", "cdt",
                              "et"}))) {
    --k;
  }
  if (k <= v + 1 || !OneOf(word(k - 1), {"until", "till", "through"})) {
    return false;
  }
  for (size_t i = v; i + 1 < k; ++i) {
    if (OneOf(word(i), {"extended", "extends", "extend", "postponed", "delayed",
                        "adjourned", "deferred", "suspended", "given", "gave",
                        "granted"})) {
      return true;
    }
  }
  return false;
}

// The nearest finite verb in tokens[lo, hi) to the expression tokens
// [first, last]; on a tie the left one. -1 when none.
long NearestFinite(std::string_view text, std::span<const Token> tokens,
                   size_t lo, size_t hi, size_t first, size_t last) {
  long best = -1;
  size_t best_dist = 0;
  for (size_t i = lo; i < hi; ++i) {
    if (i >= first && i <= last) continue;
    if (!IsFiniteTag(tokens[i].pos) && !ScheduledTo(text, tokens, i)) continue;
    size_t d = i < first ? first - i : i - last;
    if (best < 0 || d < best_dist) {
      best = static_cast<long>(i);
      best_dist = d;
    }
  }
  return best;
}

}  // namespace

Tense ClauseTense(std::string_view text, std::span<const Token> tokens,
                  Span expr, bool perfect_is_past) {
  // The expression's tokens.
  size_t first = tokens.size();
  size_t last = 0;
  bool tagged = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].pos != kPosNone) tagged = true;
    if (tokens[i].span.end <= expr.start || tokens[i].span.start >= expr.end) {
      continue;
    }
    if (first == tokens.size()) first = i;
    last = i;
  }
  if (!tagged || first == tokens.size()) return Tense::kUnknown;
  // The clause: between strong breaks; its comma parts.
  size_t lo = first;
  while (lo > 0 && BreakAtIn(text, tokens, lo - 1) != Break::kStrong) --lo;
  size_t hi = last + 1;
  while (hi < tokens.size() && BreakAtIn(text, tokens, hi) != Break::kStrong) {
    ++hi;
  }
  // The comma part holding the expression.
  size_t plo = first;
  while (plo > lo && BreakAtIn(text, tokens, plo - 1) != Break::kComma) --plo;
  size_t phi = last + 1;
  while (phi < hi && BreakAtIn(text, tokens, phi) != Break::kComma) ++phi;
  long v = NearestFinite(text, tokens, plo, phi, first, last);
  // Then the parts to its right ("On Friday, the council met"), then to
  // its left.
  size_t r = phi;
  while (v < 0 && r < hi) {
    size_t e = r + 1;
    while (e < hi && BreakAtIn(text, tokens, e) != Break::kComma) ++e;
    v = NearestFinite(text, tokens, r + 1, e, first, last);
    r = e;
  }
  size_t l = plo;
  while (v < 0 && l > lo) {
    size_t s = l - 1;
    while (s > lo && BreakAtIn(text, tokens, s - 1) != Break::kComma) --s;
    v = NearestFinite(text, tokens, s, l - 1, first, last);
    l = s;
  }
  if (v < 0) return Tense::kUnknown;
  const Tense tense =
      VerbGroupTense(text, tokens, static_cast<size_t>(v), perfect_is_past);
  // "agreed to buy the unit in February", "did not plan to remove him on
  // Thursday": an infinitive between the verb and the expression looks
  // ahead from the verb's time.
  // The end of a delay lies ahead whatever the verb's tense: "has given
  // them until Tuesday" (a present perfect, which gives a weekday no
  // tense of its own).
  // The verb of extending may stand before the finite verb found (a
  // tagger error on "relatives" in "has given the relatives until
  // Tuesday"): the clause's last few words before the expression count.
  const size_t scan_from =
      std::min(static_cast<size_t>(v), std::max(plo, first > 8 ? first - 8 : 0));
  if (tense != Tense::kFuture && scan_from < first &&
      UntilAfterExtension(text, tokens, scan_from, first)) {
    return Tense::kFuture;
  }
  if (tense == Tense::kPast && static_cast<size_t>(v) < first) {
    // "planned a rally on Saturday", "scheduled a vote for Monday": the
    // object of a verb of planning lies ahead.
    const Token& vt = tokens[static_cast<size_t>(v)];
    std::array<char, 16> vbuf;
    if (OneOf(Lower(text.substr(vt.span.start, vt.span.size()), vbuf),
              {"planned", "scheduled", "slated"}) &&
        static_cast<size_t>(v) + 1 < first &&
        (tokens[v + 1].pos == kPosDT || tokens[v + 1].pos == kPosPRPS ||
         tokens[v + 1].pos == kPosJJ || tokens[v + 1].pos == kPosCD)) {
      return Tense::kFuture;
    }
    for (size_t i = static_cast<size_t>(v) + 1; i + 1 < first; ++i) {
      if (tokens[i].pos == kPosTO && tokens[i + 1].pos == kPosVB &&
          IsProspective(text, tokens[i - 1])) {
        return Tense::kFuture;
      }
    }
  }
  return tense;
}

std::span<const Token> TokensIn(const std::vector<Token>& tokens, Span span) {
  auto lo = std::lower_bound(
      tokens.begin(), tokens.end(), span.start,
      [](const Token& t, uint32_t at) { return t.span.start < at; });
  auto hi = lo;
  while (hi != tokens.end() && hi->span.start < span.end) ++hi;
  return std::span<const Token>(lo, hi);
}

void RefineTenses(std::string_view text, std::span<const Token> tokens,
                  Span sentence, std::vector<ParsedTimex>* parsed) {
  if (tokens.empty() || sentence.end > text.size()) return;
  const std::string_view sentence_text =
      text.substr(sentence.start, sentence.size());
  for (ParsedTimex& p : *parsed) {
    if (p.own_tense || FutureCueNextTo(sentence_text, p.start, p.end)) {
      continue;
    }
    const Tense t = ClauseTense(
        text, tokens, {sentence.start + p.start, sentence.start + p.end},
        p.kind != TimexKind::kWeekday);
    // A present-tense verb is weak evidence (tagger errors on plural
    // nouns, reports in the present): it is not used (measured: using it
    // lowered value accuracy).
    if (t == Tense::kPast || t == Tense::kFuture) {
      p.tense = t;
    } else if (p.possessive && p.shift == 0) {
      p.tense = Tense::kPast;  // "before Friday's purchases is ..."
    }
  }
}

}  // namespace dossier
