#include "claims/cross_source_stage.h"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "events/lexicon.h"
#include "pos/lemmatizer.h"
#include "pos/tags.h"

namespace dossier {
namespace {

class NoopAccumulator : public CorpusStage::Accumulator {
 public:
  void Consume(uint32_t, const Document&) override {}
  void Merge(Accumulator&&) override {}
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Attendance verbs are one action; "skip" is a negated "attend".
std::string ActionKey(std::string_view lemma, bool refused, bool* flips) {
  *flips = false;
  static constexpr std::string_view kAttend[] = {
      "attend", "join", "participate", "come", "go", "travel"};
  for (std::string_view a : kAttend) {
    if (lemma == a) return "attend";
  }
  if (lemma == "skip" || lemma == "miss" || lemma == "boycott" ||
      lemma == "stay away") {
    *flips = true;
    return "attend";
  }
  // Opting out is a negated attend whether it is told as done or as a
  // refusal (its modality then makes it negative already).
  if (lemma == "opt out" || lemma == "withdraw" || lemma == "pull out") {
    *flips = !refused;
    return "attend";
  }
  // Accepting a proposal: "rejected the truce" is "did not accept it", as
  // is "stopped short of agreeing to it" (refused) or "brushed aside".
  static constexpr std::string_view kAccept[] = {"accept", "agree", "agree to",
                                                 "embrace"};
  for (std::string_view a : kAccept) {
    if (lemma == a) return "accept";
  }
  static constexpr std::string_view kReject[] = {
      "reject", "dismiss",  "brush aside", "turn down", "rebuff",
      "spurn",  "wave off", "wave away",   "veto"};
  for (std::string_view r : kReject) {
    if (lemma == r) {
      *flips = !refused;
      return "accept";
    }
  }
  return std::string(lemma);
}

// The head word of a target phrase: its last word (hyphens dropped:
// "cease-fire"), lower-cased, a plural -s dropped; meeting nouns are one, and
// so are "truce" and "ceasefire". A demand or proposal stands for what it
// asks for ("a truce demand", "calls for a ceasefire" -> ceasefire).
std::string TargetKey(std::string_view phrase) {
  auto letter = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  std::string w;
  size_t end = phrase.size();
  // "a delegation of 12": the size is no head.
  {
    size_t e = end;
    while (e > 0 && phrase[e - 1] == ' ') --e;
    size_t b = e;
    while (b > 0 && ((phrase[b - 1] >= '0' && phrase[b - 1] <= '9') ||
                     phrase[b - 1] == ',')) {
      --b;
    }
    if (b < e && b >= 4 && phrase.substr(b - 4, 4) == " of ") end = b - 4;
  }
  for (int tries = 0; tries < 2; ++tries) {
    while (end > 0 && !letter(phrase[end - 1])) --end;
    size_t start = end;
    while (start > 0 && (letter(phrase[start - 1]) ||
                         (phrase[start - 1] == '-' && start >= 2 &&
                          letter(phrase[start - 2])))) {
      --start;
    }
    w.clear();
    for (char c : phrase.substr(start, end - start)) {
      if (c != '-') w += c;
    }
    w = Lower(w);
    if (w.size() > 3 && w.back() == 's') w.pop_back();
    static constexpr std::string_view kWrappers[] = {
        "demand", "call", "proposal", "offer",   "plan",
        "idea",   "push", "appeal",   "request", "bid"};
    bool wrapper = false;
    for (std::string_view x : kWrappers) wrapper |= w == x;
    // Only a noun-noun compound ("truce demand"): a determiner before the
    // wrapper means there is nothing to unwrap.
    if (!wrapper || start < 2 || !letter(phrase[start - 2])) break;
    std::string before;
    size_t b = start - 1;
    while (b > 0 && letter(phrase[b - 1]))
      before.insert(before.begin(), phrase[--b]);
    before = Lower(before);
    if (before == "the" || before == "a" || before == "an" || before == "his" ||
        before == "her" || before == "their" || before == "its") {
      break;
    }
    end = start - 1;
  }
  if (w == "truce") w = "ceasefire";
  static constexpr std::string_view kMeeting[] = {
      "talk",  "negotiation", "meeting",  "summit",
      "round", "session",     "gathering"};
  for (std::string_view m : kMeeting) {
    if (w == m) return "meeting";
  }
  return w;
}

// Verbs of saying: their content is a quote, compared by quotes/.
bool IsReportingVerb(std::string_view lemma) {
  static constexpr std::string_view kVerbs[] = {
      "say",     "tell",    "state",   "add",       "write",     "note",
      "speak",   "report",  "stress",  "emphasize", "emphasise", "explain",
      "reply",   "respond", "comment", "describe",  "ask",       "quote",
      "declare", "insist",  "argue",   "claim",     "suggest",   "indicate",
      "warn",    "urge",    "confirm", "announce",  "deny",      "acknowledge"};
  for (std::string_view v : kVerbs) {
    if (lemma == v) return true;
  }
  return false;
}

bool Negative(const EventFrame& e, bool flips) {
  const bool refused =
      e.modality == Modality::kRefused || e.modality == Modality::kDenied;
  return (e.negated != refused) != flips;
}

bool Firm(const EventFrame& e) {
  return e.modality == Modality::kHappened || e.modality == Modality::kWill ||
         e.modality == Modality::kPlanned || e.modality == Modality::kRefused ||
         e.modality == Modality::kDenied;
}

struct Statement {
  uint32_t doc;
  uint32_t event;
  bool negative;
  bool firm;
  std::string day;     // publication date or empty
  std::string outlet;  // outlet name, or "#<doc id>" when unknown
  // The days the document may have been written: its date, or the range
  // inferred by time/PubDateStage; empty when unknown.
  std::string lo, hi;
};

// a was written strictly before b (by dates or inferred ranges).
bool Before(const Statement& a, const Statement& b) {
  return !a.hi.empty() && !b.lo.empty() && a.hi < b.lo;
}

// "2025-05-15", "2025-05-11..2025-05-12", or "undated".
std::string When(const Statement& s) {
  if (s.lo.empty()) return "undated";
  if (s.lo == s.hi) return s.lo;
  return s.lo + ".." + s.hi;
}

// The statement of event `i` of document `d`: its outlet ("#<doc id>" when
// unknown) and the days the document may have been written.
Statement MakeStatement(const Corpus& corpus, uint32_t d, uint32_t i,
                        bool negative, bool firm) {
  const DocMeta& m = corpus.documents[d].meta();
  Statement st{
      d,
      i,
      negative,
      firm,
      m.published,
      m.outlet.has_value() && !m.outlet->empty() ? *m.outlet : "#" + m.id,
      "",
      ""};
  if (m.published.size() >= 10) {
    st.lo = st.hi = m.published.substr(0, 10);
  } else if (!m.published_earliest.empty() && !m.published_latest.empty()) {
    st.lo = m.published_earliest;
    st.hi = m.published_latest;
  }
  return st;
}

// The outlet as shown: its name, or the document id when unknown.
std::string OutletName(const Corpus& corpus, const Statement& s) {
  return s.outlet[0] == '#' ? corpus.documents[s.doc].meta().id : s.outlet;
}

std::string Trunc(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "...";
}

// The target phrase as the stance shows it, with the preposition that
// introduced it ("travel to Türkiye", "meet with Roe").
std::string TargetText(const Document& doc, const EventFrame& e) {
  std::string text = Trunc(doc.Slice(e.target), 60);
  if (e.target.start <= e.trigger.end) return text;
  std::string_view gap = doc.Slice(Span{e.trigger.end, e.target.start});
  while (!gap.empty() && gap.front() == ' ') gap.remove_prefix(1);
  while (!gap.empty() && gap.back() == ' ') gap.remove_suffix(1);
  static constexpr std::string_view kPreps[] = {
      "to",      "with", "in",   "for",     "on",
      "against", "into", "from", "between", "of"};
  for (std::string_view p : kPreps) {
    if (gap == p) return std::string(p) + " " + text;
  }
  return text;
}

// The past tense of a verb lemma's first word ("brush aside" -> "brushed
// aside"): common irregular verbs, then the regular spelling rules.
std::string Past(std::string_view lemma) {
  const size_t sp = lemma.find(' ');
  const std::string_view v = lemma.substr(0, sp);
  const std::string_view rest =
      sp == std::string_view::npos ? std::string_view() : lemma.substr(sp);
  static constexpr std::string_view kIrregular[][2] = {
      {"go", "went"},           {"come", "came"},
      {"meet", "met"},          {"hold", "held"},
      {"take", "took"},         {"make", "made"},
      {"send", "sent"},         {"leave", "left"},
      {"give", "gave"},         {"begin", "began"},
      {"break", "broke"},       {"see", "saw"},
      {"fly", "flew"},          {"lead", "led"},
      {"win", "won"},           {"speak", "spoke"},
      {"run", "ran"},           {"bring", "brought"},
      {"seek", "sought"},       {"fight", "fought"},
      {"think", "thought"},     {"stand", "stood"},
      {"put", "put"},           {"set", "set"},
      {"let", "let"},           {"cut", "cut"},
      {"hit", "hit"},           {"spend", "spent"},
      {"build", "built"},       {"keep", "kept"},
      {"get", "got"},           {"know", "knew"},
      {"find", "found"},        {"stop", "stopped"},
      {"plan", "planned"},      {"ban", "banned"},
      {"drop", "dropped"},      {"commit", "committed"},
      {"admit", "admitted"},    {"veto", "vetoed"},
      {"wave", "waved"},        {"fall", "fell"},
      {"catch", "caught"},      {"buy", "bought"},
      {"sell", "sold"},         {"tell", "told"},
      {"say", "said"},          {"pay", "paid"},
      {"lose", "lost"},         {"shoot", "shot"},
      {"strike", "struck"},     {"seize", "seized"},
      {"free", "freed"},        {"flee", "fled"},
      {"hide", "hid"},          {"ride", "rode"},
      {"rise", "rose"},         {"write", "wrote"},
      {"drive", "drove"},       {"steal", "stole"},
      {"sit", "sat"},           {"feel", "felt"},
      {"hear", "heard"},        {"teach", "taught"},
      {"throw", "threw"},       {"draw", "drew"},
      {"grow", "grew"},         {"wear", "wore"},
      {"swear", "swore"},       {"choose", "chose"},
      {"forget", "forgot"},     {"freeze", "froze"},
      {"beat", "beat"},         {"bite", "bit"},
      {"blow", "blew"},         {"dig", "dug"},
      {"feed", "fed"},          {"hang", "hung"},
      {"shake", "shook"},       {"shut", "shut"},
      {"sing", "sang"},         {"sink", "sank"},
      {"spread", "spread"},     {"stick", "stuck"},
      {"swim", "swam"},         {"tear", "tore"},
      {"wake", "woke"},         {"withdraw", "withdrew"},
      {"undergo", "underwent"}, {"overcome", "overcame"},
      {"read", "read"},         {"slide", "slid"},
      {"split", "split"},       {"arise", "arose"},
      {"become", "became"},     {"bend", "bent"},
      {"bet", "bet"},           {"bind", "bound"},
      {"burst", "burst"},       {"cast", "cast"},
      {"deal", "dealt"},        {"forbid", "forbade"},
      {"forgive", "forgave"},   {"lay", "laid"},
      {"lend", "lent"},         {"light", "lit"},
      {"mean", "meant"},        {"sleep", "slept"},
      {"sweep", "swept"},       {"understand", "understood"},
      {"upset", "upset"},       {"quit", "quit"},
      {"shrink", "shrank"},     {"spin", "spun"},
      {"forecast", "forecast"}, {"foresee", "foresaw"},
      {"oversee", "oversaw"},   {"withstand", "withstood"},
      {"uphold", "upheld"}};
  for (const auto& iv : kIrregular) {
    if (v == iv[0]) return std::string(iv[1]) + std::string(rest);
  }
  std::string out(v);
  auto vowel = [](char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  };
  if (!out.empty() && out.back() == 'e') {
    out += 'd';
  } else if (out.size() >= 2 && out.back() == 'y' &&
             !vowel(out[out.size() - 2])) {
    out.back() = 'i';
    out += "ed";
  } else if (out.size() >= 3 && out.size() <= 4 && !vowel(out.back()) &&
             out.back() != 'w' && out.back() != 'x' && out.back() != 'y' &&
             vowel(out[out.size() - 2]) && !vowel(out[out.size() - 3])) {
    out += out.back();  // grab -> grabbed, ship -> shipped (one syllable)
    out += "ed";
  } else {
    out += "ed";
  }
  return out + std::string(rest);
}

// "2022-03" -> "March 2022", "2022-03-29" -> "29 March 2022", "2022".
std::string DateWords(std::string_view v) {
  static constexpr std::string_view kMonths[] = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  if (v.size() < 7) return std::string(v);
  const int m = (v[5] - '0') * 10 + (v[6] - '0');
  if (m < 1 || m > 12) return std::string(v);
  std::string out =
      std::string(kMonths[m - 1]) + " " + std::string(v.substr(0, 4));
  if (v.size() >= 10) {
    std::string day(v.substr(8, 2));
    if (day[0] == '0') day.erase(0, 1);
    out = day + " " + out;
  }
  return out;
}

// A background fact: an event noun ("talks", "summit", "invasion") dated by
// an explicit calendar expression in its sentence ("in March 2022").
struct DatedFact {
  uint32_t doc;
  std::string cls;    // the noun's PLOVER category, or its lemma
  std::string noun;   // the event noun as written, lower-cased
  std::string value;  // "2022", "2022-03" or "2022-03-29"
  int32_t place;      // entity of a place named in the phrase, or -1
  Span sentence, phrase;
  std::string outlet;
};

bool IsCalendarValue(std::string_view v) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i) {
      if (i >= v.size() || v[i] < '0' || v[i] > '9') return false;
    }
    return true;
  };
  if (v.size() == 4) return digits(0, 4);
  if (v.size() == 7) return digits(0, 4) && v[4] == '-' && digits(5, 2);
  if (v.size() == 10) {
    return digits(0, 4) && v[4] == '-' && digits(5, 2) && v[7] == '-' &&
           digits(8, 2);
  }
  return false;
}

std::vector<DatedFact> FindDatedFacts(const Corpus& corpus) {
  std::vector<DatedFact> out;
  for (uint32_t d = 0; d < corpus.documents.size(); ++d) {
    const Document& doc = corpus.documents[d];
    const Layers& l = doc.layers();
    const DocMeta& m = doc.meta();
    std::string lo = m.published.size() >= 10 ? m.published.substr(0, 10)
                                              : m.published_earliest;
    const std::string outlet =
        m.outlet.has_value() && !m.outlet->empty() ? *m.outlet : "#" + m.id;
    for (const Timex& t : l.times) {
      if (t.type != TimexType::kDate || !IsCalendarValue(t.value)) continue;
      // Only dates written out with their year ("in March 2022"), and only
      // those before the article was written: what it tells as background.
      const std::string_view text = doc.Slice(t.span);
      bool year = false;
      for (size_t i = 0; i + 4 <= text.size(); ++i) {
        if (text.substr(i, 4) == t.value.substr(0, 4)) year = true;
      }
      if (!year) continue;
      if (!lo.empty() && !(t.value < lo.substr(0, t.value.size()))) continue;
      const Sentence* sent = nullptr;
      for (const Sentence& s : l.sentences) {
        if (s.span.Contains(t.span)) {
          sent = &s;
          break;
        }
      }
      if (sent == nullptr) continue;
      // The event noun nearest to the date in its sentence (10 tokens).
      int32_t tx = -1;
      for (uint32_t i = sent->first_token; i < sent->end_token; ++i) {
        if (l.tokens[i].span.start >= t.span.start) {
          tx = static_cast<int32_t>(i);
          break;
        }
      }
      if (tx < 0) continue;
      int32_t best = -1, best_dist = 11;
      std::string cls, noun;
      for (uint32_t i = sent->first_token; i < sent->end_token; ++i) {
        const Token& k = l.tokens[i];
        if (!IsNounTag(k.pos) || t.span.Contains(k.span)) continue;
        const int32_t dist = std::abs(static_cast<int32_t>(i) - tx);
        if (dist >= best_dist) continue;
        // Not across a comma or a clause break ("in March 2022, shortly
        // after the invasion").
        bool broken = false;
        for (uint32_t q = std::min<uint32_t>(i, tx) + 1;
             q < std::max<uint32_t>(i, tx); ++q) {
          const std::string_view w = doc.Slice(l.tokens[q].span);
          broken |= w == "," || w == ";" || w == ":" || w == "\xE2\x80\x94";
        }
        if (broken) continue;
        const std::string lemma = Lemmatize(doc.Slice(k.span), k.pos);
        std::string low = Lower(lemma);
        std::string_view cat = events::NounCategory(low);
        if (cat.empty()) continue;
        best = static_cast<int32_t>(i);
        best_dist = dist;
        cls = cat == "-" ? low : std::string(cat);
        noun = Lower(doc.Slice(k.span));
      }
      if (best < 0) continue;
      // The phrase: the noun with its modifiers to the date (or back).
      uint32_t b = static_cast<uint32_t>(best);
      while (b > sent->first_token && (IsNounTag(l.tokens[b - 1].pos) ||
                                       IsAdjectiveTag(l.tokens[b - 1].pos) ||
                                       l.tokens[b - 1].pos == kPosVBN)) {
        --b;
      }
      Span phrase = l.tokens[b].span.start < t.span.start
                        ? Span{l.tokens[b].span.start, t.span.end}
                        : Span{t.span.start, l.tokens[best].span.end};
      int32_t place = -1;
      for (const Mention& mn : l.mentions) {
        if (mn.type == EntityType::kLoc && mn.entity >= 0 &&
            phrase.Contains(mn.span)) {
          place = mn.entity;
          break;
        }
      }
      out.push_back({d, cls, noun, t.value, place, sent->span, phrase, outlet});
    }
  }
  return out;
}

// Agreements on dated background facts: event nouns of one category dated
// to the same month (a year-only date joins the month when its year has one)
// in two or more independent outlets of a story.
void DatedFactAgreements(Corpus& corpus) {
  std::vector<DatedFact> facts = FindDatedFacts(corpus);
  // story, category -> month ("2022-03") -> facts (one per document).
  std::map<std::pair<std::string, std::string>,
           std::map<std::string, std::vector<const DatedFact*>>>
      groups;
  for (const DatedFact& f : facts) {
    if (f.value.size() < 7) continue;
    auto& month = groups[{corpus.documents[f.doc].meta().story, f.cls}]
                        [f.value.substr(0, 7)];
    bool seen = false;
    for (const DatedFact* g : month) seen |= g->doc == f.doc;
    if (!seen) month.push_back(&f);
  }
  for (const DatedFact& f : facts) {
    if (f.value.size() != 4) continue;
    auto it = groups.find({corpus.documents[f.doc].meta().story, f.cls});
    if (it == groups.end()) continue;
    std::vector<const DatedFact*>* only = nullptr;
    int months = 0;
    for (auto& [month, list] : it->second) {
      if (month.compare(0, 4, f.value) == 0) {
        ++months;
        only = &list;
      }
    }
    if (months != 1) continue;
    bool seen = false;
    for (const DatedFact* g : *only) seen |= g->doc == f.doc;
    if (!seen) only->push_back(&f);
  }
  for (auto& [key, months] : groups) {
    for (auto& [month, list] : months) {
      std::set<std::string> outlets;
      for (const DatedFact* f : list) outlets.insert(f->outlet);
      if (outlets.size() < 2) continue;
      // The most specific statement leads; then document order.
      std::stable_sort(list.begin(), list.end(),
                       [](const DatedFact* a, const DatedFact* b) {
                         if (a->value.size() != b->value.size()) {
                           return a->value.size() > b->value.size();
                         }
                         return a->doc < b->doc;
                       });
      Finding f;
      f.kind = "agreement";
      f.score = 1.0 + 0.25 * static_cast<double>(outlets.size() - 1);
      const DatedFact& lead = *list.front();
      f.doc = lead.doc;
      f.span = lead.phrase;
      int32_t place = -1;
      for (const DatedFact* x : list) {
        if (place < 0) place = x->place;
      }
      f.entity = place;
      // The commonest noun of the statements names the thing (the lead's
      // on a tie).
      std::map<std::string, int> count;
      for (const DatedFact* x : list) ++count[x->noun];
      std::string what = lead.noun;
      for (const auto& [noun, c] : count) {
        if (c > count[what]) what = noun;
      }
      f.summary = std::to_string(outlets.size()) +
                  " independent sources date the " + what + " to " +
                  DateWords(lead.value);
      if (place >= 0) f.summary += " (" + corpus.entities[place].name + ")";
      for (const DatedFact* x : list) {
        const Document& doc = corpus.documents[x->doc];
        f.statements.push_back(
            {x->doc, x->phrase,
             DateWords(x->value) + ": " + Trunc(doc.Slice(x->phrase), 120)});
      }
      f.claim = f.statements.front().stance;
      corpus.findings.push_back(std::move(f));
    }
  }
}

// A count or amount as a statement gives it: "at least 12" is [12, inf),
// "about 45" [40.5, 49.5], "nearly 30" [25.5, 30], "12" [12, 12].
struct Amount {
  double lo = 0, hi = 0;
  bool ok = false;
};

bool Overlap(const Amount& a, const Amount& b) {
  return a.lo <= b.hi && b.lo <= a.hi;
}

// The first count in a noun phrase ("at least 12 people", "$5 million",
// "about 1,200 islanders", "twelve villagers"); !ok when there is none, or
// when the number is part of a compound ("30-day") or looks like a year.
Amount ParseAmount(std::string_view phrase) {
  std::vector<std::string> w;
  {
    std::string cur;
    for (char c : phrase) {
      if (c == ' ' || c == '\n' || c == '\t') {
        if (!cur.empty()) w.push_back(Lower(cur));
        cur.clear();
      } else {
        cur += c;
      }
    }
    if (!cur.empty()) w.push_back(Lower(cur));
  }
  static const std::map<std::string, double> kWords = {
      {"two", 2},       {"three", 3},     {"four", 4},     {"five", 5},
      {"six", 6},       {"seven", 7},     {"eight", 8},    {"nine", 9},
      {"ten", 10},      {"eleven", 11},   {"twelve", 12},  {"dozen", 12},
      {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15}, {"twenty", 20},
      {"thirty", 30},   {"forty", 40},    {"fifty", 50},   {"hundred", 100}};
  Amount a;
  for (size_t k = 0; k < w.size(); ++k) {
    std::string t = w[k];
    while (!t.empty() && (t.back() == ',' || t.back() == '.')) t.pop_back();
    if (!t.empty() && t[0] == '$') t.erase(0, 1);
    // A size: "nine-member", "12-member", "200-strong", "five-person".
    for (std::string_view suffix :
         {"-member", "-strong", "-person", "-man", "-woman", "-seat"}) {
      if (t.size() > suffix.size() && t.ends_with(suffix)) {
        const std::string n = t.substr(0, t.size() - suffix.size());
        auto it = kWords.find(n);
        const bool numeric = !n.empty() && n.find_first_not_of("0123456789") ==
                                               std::string::npos;
        if (it != kWords.end() || numeric) {
          a.ok = true;
          a.lo = a.hi = numeric ? std::atof(n.c_str()) : it->second;
          return a;
        }
      }
    }
    double v = -1;
    bool digits = false;
    if (!t.empty() && t[0] >= '0' && t[0] <= '9') {
      std::string num;
      for (char c : t) {
        if (c >= '0' && c <= '9') {
          num += c;
        } else if (c == '.') {
          num += c;
        } else if (c == ',') {
          continue;
        } else {
          return a;  // "30-day", "3rd", "12km": not a plain count
        }
      }
      v = std::atof(num.c_str());
      digits = true;
      if (t.size() == 4 && t.find_first_of(",.") == std::string::npos &&
          v >= 1800 && v <= 2100) {
        return a;  // a year
      }
    } else if (auto it = kWords.find(t); it != kWords.end()) {
      v = it->second;
    }
    if (v < 0) continue;
    if (k + 1 < w.size()) {
      const std::string& m = w[k + 1];
      if (m == "million") v *= 1e6;
      if (m == "billion") v *= 1e9;
      if (m == "thousand") v *= 1e3;
      if (m == "hundred" && digits) v *= 1e2;
    }
    const std::string p1 = k >= 1 ? w[k - 1] : "";
    const std::string p2 = k >= 2 ? w[k - 2] + " " + p1 : "";
    a.ok = true;
    a.lo = a.hi = v;
    if (p2 == "at least" || p2 == "more than" || p1 == "over") {
      a.hi = 1e300;
    } else if (p2 == "at most" || p2 == "up to" || p2 == "fewer than" ||
               p2 == "less than" || p1 == "under") {
      a.lo = 0;
    } else if (p1 == "nearly" || p1 == "almost") {
      a.lo = 0.85 * v;
    } else if (p1 == "about" || p1 == "around" || p1 == "roughly" ||
               p1 == "approximately" || p1 == "some" || p1 == "estimated") {
      a.lo = 0.9 * v;
      a.hi = 1.1 * v;
    }
    return a;
  }
  return a;
}

// The size of a group a noun phrase names: "a nine-member delegation", "a
// 200-strong force", "a delegation of 12". Other numbers ("scored 23
// points", "29 of 34 passes") are no size.
Amount ParseSize(std::string_view phrase) {
  Amount a;
  const std::string low = Lower(phrase);
  for (std::string_view suffix :
       {"-member", "-strong", "-person", "-man ", "-woman", "-seat"}) {
    if (low.find(suffix) != std::string::npos) return ParseAmount(phrase);
  }
  // "<noun> of <number>" at the end.
  size_t e = low.size();
  while (e > 0 && low[e - 1] == ' ') --e;
  size_t b = e;
  while (b > 0 &&
         ((low[b - 1] >= '0' && low[b - 1] <= '9') || low[b - 1] == ',')) {
    --b;
  }
  if (b < e && b >= 4 && low.substr(b - 4, 4) == " of " &&
      low.find(" of ") == b - 4) {
    return ParseAmount(phrase.substr(b));
  }
  return a;
}

// Whether the counts the statements' targets give (if any) are compatible:
// "pledged $5 million" and "pledged $8 million" are no agreement.
bool SameAmounts(const Corpus& corpus, const std::vector<Statement>& st) {
  std::vector<Amount> a;
  for (const Statement& s : st) {
    const Document& doc = corpus.documents[s.doc];
    const EventFrame& e = doc.layers().events[s.event];
    if (e.target.empty()) continue;
    Amount x = ParseAmount(doc.Slice(e.target));
    if (x.ok) a.push_back(x);
  }
  for (size_t i = 0; i < a.size(); ++i) {
    for (size_t j = i + 1; j < a.size(); ++j) {
      if (!Overlap(a[i], a[j])) return false;
    }
  }
  return true;
}

// Counting verbs that report one figure of an event (the dead, the
// injured, the arrested, the destroyed), as one key; "" for any other verb:
// "scored 23 points", "spent four seasons", "completed 17 passes" count
// other things, often one part of a whole.
std::string CountAction(const std::string& lemma) {
  if (lemma == "kill" || lemma == "die") return "kill";
  if (lemma == "injure" || lemma == "wound" || lemma == "hurt") {
    return "injure";
  }
  if (lemma == "arrest" || lemma == "detain") return "arrest";
  if (lemma == "kidnap" || lemma == "abduct" || lemma == "seize") {
    return "kidnap";
  }
  if (lemma == "evacuate" || lemma == "displace" || lemma == "rescue" ||
      lemma == "destroy" || lemma == "damage" || lemma == "missing" ||
      lemma == "pledge" || lemma == "release" || lemma == "free") {
    return lemma == "free" ? "release" : lemma;
  }
  return "";
}

// Whether the sentence around a span counts over a period or in total
// ("since the war began", "so far this year", "in all"): such a figure
// is no rival of one event's count.
bool Cumulative(const Document& doc, Span span) {
  for (const Sentence& s : doc.layers().sentences) {
    if (!s.span.Contains(span)) continue;
    const std::string text = " " + Lower(doc.Slice(s.span)) + " ";
    static constexpr std::string_view kMarkers[] = {
        " since ",  " so far ",  " in total",  " in all ",    " overall ",
        " total ",  " to date",  " this year", " altogether", " cumulative",
        " a year ", " a month ", " per ",      " a day ",     " each "};
    for (std::string_view m : kMarkers) {
      if (text.find(m) != std::string::npos) return true;
    }
    return false;
  }
  return false;
}

// Builds a contradiction or update finding from statements (one per
// document: its words as `stance`, its value in short as `value`; `about`
// names what the values are of), when some pair of values is
// incompatible (`differ`). Contradiction when such a pair was written on the
// same day or undated; update when every such pair is ordered by date.
void ValueFinding(Corpus& corpus, std::vector<Statement> one,
                  const std::vector<std::string>& value,
                  const std::function<bool(size_t, size_t)>& differ,
                  int32_t entity, const std::string& what,
                  const std::string& about) {
  std::vector<size_t> idx(one.size());
  for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    if (one[a].lo.empty() != one[b].lo.empty()) return !one[a].lo.empty();
    if (Before(one[a], one[b])) return true;
    if (Before(one[b], one[a])) return false;
    return one[a].lo < one[b].lo;
  });
  bool any = false, unordered = false;
  for (size_t x = 0; x < idx.size(); ++x) {
    for (size_t y = x + 1; y < idx.size(); ++y) {
      if (!differ(idx[x], idx[y])) continue;
      any = true;
      unordered |= !Before(one[idx[x]], one[idx[y]]) &&
                   !Before(one[idx[y]], one[idx[x]]);
    }
  }
  if (!any) return;
  Finding f;
  f.kind = unordered ? "contradiction" : "update";
  f.score = unordered ? 3.0 : 2.5;
  f.entity = entity;
  std::set<std::string> outlets;
  std::string list;
  for (size_t i : idx) {
    const Statement& s = one[i];
    outlets.insert(s.outlet);
    const EventFrame& e = corpus.documents[s.doc].layers().events[s.event];
    f.statements.push_back({s.doc, e.span, value[i]});
    if (!list.empty()) list += unordered ? " vs " : " -> ";
    list += value[i] + " (" + OutletName(corpus, s) + ", " + When(s) + ")";
  }
  f.score += 0.25 * static_cast<double>(outlets.size() - 1);
  f.doc = f.statements.front().doc;
  f.span = f.statements.front().span;
  f.claim = f.statements.front().stance;
  // "Sources give different numbers (killed): 12 civilians (Caldera Wire,
  // 2031-04-02) vs 20 civilians (...)"; the statements keep the sources'
  // own words.
  f.summary = (unordered ? "Sources give different " + what
                         : "The " + what + " changed over time") +
              " (" + about + "): " + list;
  corpus.findings.push_back(std::move(f));
}

// Counts that differ between documents of a story: the same counting
// action (kill/die, injure, arrest/detain, ...) of the same unit ("people",
// "protesters", "million"), by the same actor or none, from firm positive
// statements. A document giving two incompatible counts for one key
// (partial counts, several places) is left out of it.
void CountFindings(Corpus& corpus) {
  using CountKey = std::tuple<std::string, int32_t, std::string, std::string>;
  std::map<CountKey,
           std::map<uint32_t, std::vector<std::pair<uint32_t, Amount>>>>
      counts;
  std::vector<CountKey> order;
  for (uint32_t d = 0; d < corpus.documents.size(); ++d) {
    const Document& doc = corpus.documents[d];
    const Layers& l = doc.layers();
    for (uint32_t i = 0; i < l.events.size(); ++i) {
      const EventFrame& e = l.events[i];
      if (e.lemma.empty() || IsReportingVerb(e.lemma) || e.negated ||
          e.modality != Modality::kHappened) {
        continue;
      }
      std::string action = CountAction(e.lemma);
      std::string unit;
      Amount a;
      // "The death toll rose to 15".
      const std::string actor_head =
          e.actor.empty() ? "" : TargetKey(doc.Slice(e.actor));
      if (actor_head == "toll" &&
          (e.lemma == "rise" || e.lemma == "climb" || e.lemma == "reach" ||
           e.lemma == "stand" || e.lemma == "increase" || e.lemma == "hit" ||
           e.lemma == "jump")) {
        action = "kill";
        unit = "people";
        if (!e.target.empty()) a = ParseAmount(doc.Slice(e.target));
      } else if (!e.target.empty() && !action.empty()) {
        a = ParseAmount(doc.Slice(e.target));
        unit = TargetKey(doc.Slice(e.target));
        if (unit == "person") unit = "people";
      }
      // (Checked last: it reads the whole sentence.)
      if (!a.ok || unit.empty() || Cumulative(doc, e.span)) continue;
      int32_t actor = -1;
      if (actor_head != "toll" && e.actor_mention >= 0 &&
          static_cast<size_t>(e.actor_mention) < l.mentions.size()) {
        actor = l.mentions[e.actor_mention].entity;
      }
      CountKey key{doc.meta().story, actor, action, unit};
      auto [it, fresh] = counts.try_emplace(key);
      if (fresh) order.push_back(key);
      it->second[d].push_back({i, a});
    }
  }
  for (const CountKey& key : order) {
    const auto& per_doc = counts[key];
    if (per_doc.size() < 2) continue;
    std::vector<Statement> one;
    std::vector<std::string> stance;
    std::vector<Amount> values;
    for (const auto& [d, list] : per_doc) {
      bool consistent = true;
      for (const auto& [i, a] : list) {
        consistent = consistent && Overlap(a, list.front().second);
      }
      if (!consistent) continue;
      const uint32_t i = list.front().first;
      const Document& doc = corpus.documents[d];
      const EventFrame& e = doc.layers().events[i];
      one.push_back(MakeStatement(corpus, d, i, false, true));
      stance.push_back(Trunc(doc.Slice(e.span), 80));  // the source's words
      values.push_back(list.front().second);
    }
    if (one.size() < 2) continue;
    // Counts at two known places, or on two known days, are of two events.
    std::vector<int32_t> place;
    std::vector<std::string> day;
    for (const Statement& st : one) {
      const Layers& l = corpus.documents[st.doc].layers();
      const EventFrame& e = l.events[st.event];
      place.push_back(e.place_mention >= 0 &&
                              static_cast<size_t>(e.place_mention) <
                                  l.mentions.size()
                          ? l.mentions[e.place_mention].entity
                          : -1);
      day.push_back(e.time >= 0 && static_cast<size_t>(e.time) < l.times.size()
                        ? l.times[e.time].value
                        : "");
    }
    // In short: the count phrase ("at least 12 people"); about: the actor
    // (when an entity) and the act ("Ada Roe pledged", "killed").
    std::vector<std::string> value_text;
    for (const Statement& st : one) {
      const Document& doc = corpus.documents[st.doc];
      const EventFrame& e = doc.layers().events[st.event];
      value_text.push_back(e.target.empty() ? Trunc(doc.Slice(e.span), 60)
                                            : Trunc(doc.Slice(e.target), 60));
    }
    const EventFrame& first =
        corpus.documents[one.front().doc].layers().events[one.front().event];
    std::string about = Past(first.lemma == "die" ? "kill" : first.lemma);
    if (std::get<1>(key) >= 0) {
      about = corpus.entities[std::get<1>(key)].name + " " + about;
    }
    if (std::get<2>(key) == "kill" && std::get<3>(key) == "people") {
      about = "killed";
    }
    ValueFinding(
        corpus, one, value_text,
        [&](size_t x, size_t y) {
          if (place[x] >= 0 && place[y] >= 0 && place[x] != place[y]) {
            return false;
          }
          if (IsCalendarValue(day[x]) && IsCalendarValue(day[y]) &&
              day[x] != day[y]) {
            return false;
          }
          return !Overlap(values[x], values[y]);
        },
        std::get<1>(key), "numbers", about);
  }
}

// Story, actor entity, action, target: what stance statements are keyed by.
using StanceKey = std::tuple<std::string, int32_t, std::string, std::string>;

// Whether an entity is a country of the knowledge base ("country:xx").
bool IsCountry(const Corpus& corpus, int32_t entity) {
  return entity >= 0 && static_cast<size_t>(entity) < corpus.entities.size() &&
         corpus.entities[entity].kb.rfind("country:", 0) == 0;
}

// Whether a time expression after a trigger is the trigger's own: no
// comma, verb or modal between them ("will meet Velden in Varnhold on
// Thursday", not "meet Roe, provided Norland starts a truce on Monday").
bool TimeOfTrigger(const Document& doc, Span trigger, Span time) {
  if (time.start < trigger.end) return false;
  const std::vector<Token>& tokens = doc.layers().tokens;
  auto it = std::lower_bound(
      tokens.begin(), tokens.end(), trigger.end,
      [](const Token& t, uint32_t at) { return t.span.start < at; });
  for (; it != tokens.end(); ++it) {
    const Token& t = *it;
    if (t.span.start >= time.start) break;
    if (IsVerbTag(t.pos) || t.pos == kPosMD || doc.Slice(t.span) == ",") {
      return false;
    }
  }
  return true;
}

// What a plan is, in words: "Ada Roe will meet Mara Velden".
std::string PlanAbout(const Corpus& corpus, const Statement& s) {
  const Document& doc = corpus.documents[s.doc];
  const EventFrame& e = doc.layers().events[s.event];
  const Layers& l = doc.layers();
  std::string who;
  if (e.actor_mention >= 0 &&
      static_cast<size_t>(e.actor_mention) < l.mentions.size() &&
      l.mentions[e.actor_mention].entity >= 0) {
    who = corpus.entities[l.mentions[e.actor_mention].entity].name + " ";
  }
  std::string text = who + StanceText(e);
  if (!e.target.empty()) text += " " + TargetText(doc, e);
  return text;
}

// Plans that differ in date or place between documents: firm, positive
// statements of what an actor will do (will, planned) about one target
// ("Roe will meet Velden on Thursday" / "... on Friday"; "in Varnhold" /
// "in Caldmoor"). A date counts when it is a calendar day after the
// trigger; a place when it is a linked place, and a country differs only
// from another country (a city may lie in it). Keys are compared without
// their named place ("talks@e3"), so a plan moved to another city is found.
void PlanFindings(Corpus& corpus,
                  const std::map<StanceKey, std::vector<Statement>>& groups,
                  const std::vector<StanceKey>& order) {
  std::map<StanceKey, std::vector<Statement>> base;
  std::vector<StanceKey> base_order;
  for (const StanceKey& k : order) {
    auto g = groups.find(k);
    if (g == groups.end()) continue;
    std::string t = std::get<3>(k);
    t = t.substr(0, t.find('@'));
    StanceKey b{std::get<0>(k), std::get<1>(k), std::get<2>(k), t};
    auto [it, fresh] = base.try_emplace(b);
    if (fresh) base_order.push_back(b);
    it->second.insert(it->second.end(), g->second.begin(), g->second.end());
  }
  for (const StanceKey& k : base_order) {
    std::map<uint32_t, std::pair<const Statement*, std::string>> date_of;
    std::map<uint32_t, std::pair<const Statement*, int32_t>> place_of;
    std::map<uint32_t, std::pair<const Statement*, Amount>> size_of;
    for (const Statement& s : base[k]) {
      const Layers& l = corpus.documents[s.doc].layers();
      const EventFrame& e = l.events[s.event];
      // A size or amount in the target of any firm statement ("will lead a
      // delegation of 12" / "a nine-member delegation"); counting actions
      // are compared by CountFindings.
      if (!s.negative && s.firm && !e.target.empty() &&
          CountAction(e.lemma).empty()) {
        const Amount a = ParseSize(corpus.documents[s.doc].Slice(e.target));
        if (a.ok) size_of.try_emplace(s.doc, &s, a);
      }
      if (s.negative || !s.firm ||
          (e.modality != Modality::kWill && e.modality != Modality::kPlanned)) {
        continue;
      }
      if (e.time >= 0 && static_cast<size_t>(e.time) < l.times.size()) {
        const Timex& t = l.times[e.time];
        if (t.type == TimexType::kDate && t.value.size() == 10 &&
            IsCalendarValue(t.value) &&
            TimeOfTrigger(corpus.documents[s.doc], e.trigger, t.span)) {
          date_of.try_emplace(s.doc, &s, t.value);
        }
      }
      if (e.place_mention >= 0 &&
          static_cast<size_t>(e.place_mention) < l.mentions.size() &&
          l.mentions[e.place_mention].entity >= 0) {
        place_of.try_emplace(s.doc, &s, l.mentions[e.place_mention].entity);
      }
    }
    const int32_t actor = std::get<1>(k);
    if (size_of.size() >= 2) {
      std::vector<Statement> one;
      std::vector<std::string> stance, value_text;
      std::vector<Amount> amount;
      for (const auto& [d, sa] : size_of) {
        one.push_back(*sa.first);
        const Document& doc = corpus.documents[d];
        const EventFrame& e = doc.layers().events[sa.first->event];
        stance.push_back(Trunc(doc.Slice(e.span), 100));
        value_text.push_back(Trunc(doc.Slice(e.target), 60));
        amount.push_back(sa.second);
      }
      const Statement& s0 = one.front();
      const EventFrame& e0 = corpus.documents[s0.doc].layers().events[s0.event];
      std::string about =
          (actor >= 0 ? corpus.entities[actor].name + " " : std::string()) +
          Past(e0.lemma) + " ... " + std::get<3>(k);
      ValueFinding(
          corpus, one, value_text,
          [&](size_t x, size_t y) { return !Overlap(amount[x], amount[y]); },
          actor, "numbers", about);
    }
    if (date_of.size() >= 2) {
      std::vector<Statement> one;
      std::vector<std::string> stance, value, value_text;
      for (const auto& [d, sv] : date_of) {
        one.push_back(*sv.first);
        const Document& doc = corpus.documents[d];
        const EventFrame& e = doc.layers().events[sv.first->event];
        value_text.push_back(
            std::string(doc.Slice(doc.layers().times[e.time].span)) + " = " +
            sv.second);
        stance.push_back(
            Trunc(
                doc.Slice(Span{
                    e.span.start,
                    std::max(e.span.end, doc.layers().times[e.time].span.end)}),
                100) +
            " [" + sv.second + "]");
        value.push_back(sv.second);
      }
      ValueFinding(
          corpus, one, value_text,
          [&](size_t x, size_t y) { return value[x] != value[y]; }, actor,
          "dates", PlanAbout(corpus, one.front()));
    }
    if (place_of.size() >= 2) {
      std::vector<Statement> one;
      std::vector<std::string> stance, value_text;
      std::vector<int32_t> place;
      for (const auto& [d, sp] : place_of) {
        one.push_back(*sp.first);
        const Document& doc = corpus.documents[d];
        const EventFrame& e = doc.layers().events[sp.first->event];
        value_text.push_back(std::string(doc.Slice(e.place)));
        stance.push_back(Trunc(doc.Slice(e.span), 100));
        place.push_back(sp.second);
      }
      ValueFinding(
          corpus, one, value_text,
          [&](size_t x, size_t y) {
            return place[x] != place[y] &&
                   IsCountry(corpus, place[x]) == IsCountry(corpus, place[y]);
          },
          actor, "places", PlanAbout(corpus, one.front()));
    }
  }
}

// Days since 1970-01-01 of "YYYY-MM-DD" (the civil calendar), or a very
// small number when `v` is no calendar day.
int64_t DayNumber(std::string_view v) {
  if (v.size() < 10 || !IsCalendarValue(v.substr(0, 10))) return INT64_MIN / 2;
  int64_t y = std::atoi(std::string(v.substr(0, 4)).c_str());
  const int64_t m = std::atoi(std::string(v.substr(5, 2)).c_str());
  const int64_t d = std::atoi(std::string(v.substr(8, 2)).c_str());
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// The day a story's recent event took place, when the sources differ: event
// nouns of one kind (the meeting nouns talks/session/meeting/round as one)
// told as done, dated to a calendar day in the week before their document
// was written. When two or more independent outlets give one day and another
// outlet gives a different day within three days of it (and not that day
// too), the minority is reported against the majority: "the talks: 13 March
// in 3 sources vs 12 March (Meridian Review)".
void EventDayFindings(Corpus& corpus) {
  using DayKey = std::pair<std::string, std::string>;  // story, event kind
  std::map<DayKey, std::map<std::string, std::vector<Statement>>> days;
  std::vector<DayKey> order;
  for (uint32_t d = 0; d < corpus.documents.size(); ++d) {
    const Document& doc = corpus.documents[d];
    const Layers& l = doc.layers();
    Statement probe = MakeStatement(corpus, d, 0, false, true);
    if (probe.hi.empty()) continue;
    const int64_t written = DayNumber(probe.hi);
    for (uint32_t i = 0; i < l.events.size(); ++i) {
      const EventFrame& e = l.events[i];
      if (e.negated || e.modality != Modality::kHappened || e.time < 0 ||
          static_cast<size_t>(e.time) >= l.times.size() ||
          events::NounCategory(e.lemma).empty() || !e.actor.empty()) {
        continue;
      }
      const Timex& t = l.times[e.time];
      if (t.type != TimexType::kDate && t.type != TimexType::kTime) continue;
      const int64_t day = DayNumber(t.value);
      if (day > written || day < written - 7) continue;
      std::string kind = TargetKey(e.lemma);
      DayKey key{doc.meta().story, kind};
      auto [it, fresh] = days.try_emplace(key);
      if (fresh) order.push_back(key);
      std::vector<Statement>& list = it->second[t.value.substr(0, 10)];
      bool seen = false;
      for (const Statement& s : list) seen |= s.doc == d;
      if (!seen) list.push_back(MakeStatement(corpus, d, i, false, true));
    }
  }
  for (const DayKey& key : order) {
    const auto& by_day = days[key];
    if (by_day.size() < 2) continue;
    auto outlets_of = [](const std::vector<Statement>& st) {
      std::set<std::string> o;
      for (const Statement& s : st) o.insert(s.outlet);
      return o;
    };
    std::string top;
    size_t top_n = 0;
    for (const auto& [day, st] : by_day) {
      const size_t n = outlets_of(st).size();
      if (n > top_n) {
        top = day;
        top_n = n;
      }
    }
    if (top_n < 2) continue;
    std::set<uint32_t> top_docs;
    for (const Statement& s : by_day.at(top)) top_docs.insert(s.doc);
    std::vector<const Statement*> minority;
    std::vector<std::string> minority_day;
    for (const auto& [day, st] : by_day) {
      if (day == top || std::llabs(DayNumber(day) - DayNumber(top)) > 3) {
        continue;
      }
      for (const Statement& s : st) {
        if (top_docs.count(s.doc)) continue;
        minority.push_back(&s);
        minority_day.push_back(day);
      }
    }
    if (minority.empty()) continue;
    Finding f;
    f.kind = "contradiction";
    f.score = 3.0 + 0.25 * static_cast<double>(top_n);
    const std::string what =
        key.second == "meeting" ? "the talks" : "the " + key.second;
    std::string majority;
    for (const Statement& s : by_day.at(top)) {
      const Document& doc = corpus.documents[s.doc];
      const EventFrame& e = doc.layers().events[s.event];
      const Timex& t = doc.layers().times[e.time];
      f.statements.push_back({s.doc,
                              Span{std::min(e.span.start, t.span.start),
                                   std::max(e.span.end, t.span.end)},
                              what + " on " + top});
      if (!majority.empty()) majority += ", ";
      majority += OutletName(corpus, s);
    }
    std::string rest;
    for (size_t m = 0; m < minority.size(); ++m) {
      const Statement& s = *minority[m];
      const Document& doc = corpus.documents[s.doc];
      const EventFrame& e = doc.layers().events[s.event];
      const Timex& t = doc.layers().times[e.time];
      f.statements.push_back({s.doc,
                              Span{std::min(e.span.start, t.span.start),
                                   std::max(e.span.end, t.span.end)},
                              what + " on " + minority_day[m]});
      rest += " vs " + DateWords(minority_day[m]) + " (" +
              OutletName(corpus, s) + ")";
    }
    f.doc = f.statements.front().doc;
    f.span = f.statements.front().span;
    f.claim = f.statements.front().stance;
    f.summary = "Sources give different dates (" + what +
                "): " + DateWords(top) + " in " + std::to_string(top_n) +
                " sources (" + majority + ")" + rest;
    corpus.findings.push_back(std::move(f));
  }
}

// Which outlets editorialize most: the share of each outlet's body
// sentences that evaluate or predict in the outlet's own voice
// (framing/FramingStage), pooled over its articles, when two or more outlets
// differ by 5 points or more. One statement per outlet: the first editorial
// sentence of its most editorial article.
void EditorialFinding(Corpus& corpus) {
  struct Outlet {
    uint32_t sentences = 0, editorial = 0, articles = 0;
    int32_t lead = -1;  // its most editorial article
    double lead_share = -1;
  };
  std::map<std::string, Outlet> outlets;
  std::vector<std::string> order;
  for (uint32_t d = 0; d < corpus.documents.size(); ++d) {
    const Document& doc = corpus.documents[d];
    const Framing& fr = doc.layers().framing;
    if (!fr.computed || fr.sentences == 0) continue;
    const DocMeta& m = doc.meta();
    const std::string name = m.outlet.has_value() && !m.outlet->empty()
                                 ? *m.outlet
                                 : m.id + " (outlet unknown)";
    auto [it, fresh] = outlets.try_emplace(name);
    if (fresh) order.push_back(name);
    Outlet& o = it->second;
    o.sentences += fr.sentences;
    o.editorial += static_cast<uint32_t>(fr.editorial.size());
    ++o.articles;
    const double share =
        static_cast<double>(fr.editorial.size()) / fr.sentences;
    if (share > o.lead_share && !fr.editorial.empty()) {
      o.lead_share = share;
      o.lead = static_cast<int32_t>(d);
    }
  }
  if (outlets.size() < 2) return;
  auto share = [&](const std::string& n) {
    const Outlet& o = outlets[n];
    return static_cast<double>(o.editorial) / o.sentences;
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](const std::string& a, const std::string& b) {
                     return share(a) > share(b);
                   });
  if (share(order.front()) - share(order.back()) < 0.05) return;
  auto percent = [](double x) {
    return std::to_string(static_cast<int>(x * 100 + 0.5)) + "%";
  };
  Finding f;
  f.kind = "framing";
  f.score = 0.9;
  f.summary =
      "Editorializing (the outlet's own evaluations and predictions, "
      "share of sentences), most to least: ";
  bool first = true;
  for (const std::string& n : order) {
    const Outlet& o = outlets[n];
    if (!first) f.summary += ", ";
    first = false;
    f.summary += n + " " + percent(share(n));
    if (o.articles > 1) {
      f.summary += " (" + std::to_string(o.articles) + " articles)";
    }
    if (o.lead < 0) continue;
    const Document& doc = corpus.documents[o.lead];
    const Framing& fr = doc.layers().framing;
    f.statements.push_back({static_cast<uint32_t>(o.lead), fr.editorial.front(),
                            n + ": " + std::to_string(o.editorial) + " of " +
                                std::to_string(o.sentences) +
                                " sentences editorial (" + percent(share(n)) +
                                ")"});
  }
  if (f.statements.empty()) return;
  f.doc = f.statements.front().doc;
  f.span = f.statements.front().span;
  f.claim = f.statements.front().stance;
  corpus.findings.push_back(std::move(f));
}

}  // namespace

std::string StanceText(const EventFrame& e) {
  const std::string& l = e.lemma;
  if (e.modality == Modality::kRefused && !e.negated) {
    if (l == "opt out") return "opted out of";
    if (l == "withdraw") return "withdrew from";
    if (l == "pull out") return "pulled out of";
  }
  switch (e.modality) {
    case Modality::kHappened:
      return e.negated ? "did not " + l : Past(l);
    case Modality::kWill:
      return (e.negated ? "will not " : "will ") + l;
    case Modality::kPlanned:
      return (e.negated ? "does not plan to " : "plans to ") + l;
    case Modality::kPossible:
      return (e.negated ? "may not " : "may ") + l;
    case Modality::kConditional:
      return (e.negated ? "will not " : "will ") + l;
    case Modality::kRefused:
      return (e.negated ? "did not refuse to " : "refused to ") + l;
    case Modality::kDenied:
      return (e.negated ? "did not deny: " : "denied: ") + l;
  }
  return l;
}

std::unique_ptr<CorpusStage::Accumulator> CrossSourceStage::NewAccumulator()
    const {
  return std::make_unique<NoopAccumulator>();
}

Status CrossSourceStage::Finalize(Accumulator&, Corpus& corpus) const {
  // Story, actor, action, target: statements are compared within a story.
  using Key = StanceKey;
  std::map<Key, std::vector<Statement>> groups;
  std::vector<Key> order;  // keys in order of first appearance
  for (uint32_t d = 0; d < corpus.documents.size(); ++d) {
    const Document& doc = corpus.documents[d];
    const Layers& l = doc.layers();
    for (uint32_t i = 0; i < l.events.size(); ++i) {
      const EventFrame& e = l.events[i];
      if (e.actor_mention < 0 ||
          static_cast<size_t>(e.actor_mention) >= l.mentions.size()) {
        continue;
      }
      const int32_t actor = l.mentions[e.actor_mention].entity;
      if (actor < 0 || e.lemma.empty() || IsReportingVerb(e.lemma)) continue;
      // Someone else's quoted words about the actor ("Ukraine should agree
      // to this," the president said) are a demand or a guess, not a
      // report of what the actor does or plans.
      if (e.quote >= 0 && static_cast<size_t>(e.quote) < l.quotes.size()) {
        const Quote& q = l.quotes[e.quote];
        const int32_t sm = q.speaker_mention;
        const int32_t speaker =
            sm >= 0 && static_cast<size_t>(sm) < l.mentions.size()
                ? l.mentions[sm].entity
                : -1;
        if (q.kind != QuoteKind::kIndirect && speaker != actor) continue;
      }
      bool flips = false;
      std::string action = ActionKey(
          e.lemma,
          e.modality == Modality::kRefused || e.modality == Modality::kDenied,
          &flips);
      std::string target;
      if (e.target_mention >= 0 &&
          static_cast<size_t>(e.target_mention) < l.mentions.size() &&
          l.mentions[e.target_mention].entity >= 0) {
        target = "e" + std::to_string(l.mentions[e.target_mention].entity);
      } else if (!e.target.empty()) {
        target = TargetKey(doc.Slice(e.target));
        // A named meeting: the first linked name inside the target phrase
        // ("the Istanbul talks"), else the event's place.
        int32_t named = -1;
        for (const Mention& mn : l.mentions) {
          if (mn.entity >= 0 && e.target.Contains(mn.span)) {
            named = mn.entity;
            break;
          }
        }
        if (named < 0 && e.place_mention >= 0 &&
            static_cast<size_t>(e.place_mention) < l.mentions.size()) {
          named = l.mentions[e.place_mention].entity;
        }
        if (named >= 0) target += "@e" + std::to_string(named);
      }
      Key key{doc.meta().story, actor, std::move(action), std::move(target)};
      auto [it, fresh] = groups.try_emplace(key);
      if (fresh) order.push_back(key);
      it->second.push_back(
          MakeStatement(corpus, d, i, Negative(e, flips), Firm(e)));
    }
  }

  // A target without a name ("the negotiations") joins the one named target
  // of the same head that the story has for this actor and action ("the
  // Istanbul talks"), when there is exactly one.
  {
    std::map<Key, std::vector<Key>> named;  // unnamed key -> named keys
    for (const Key& k : order) {
      const std::string& t = std::get<3>(k);
      const size_t at = t.find('@');
      if (at == std::string::npos) continue;
      Key base{std::get<0>(k), std::get<1>(k), std::get<2>(k), t.substr(0, at)};
      if (groups.count(base)) named[base].push_back(k);
    }
    for (auto& [base, keys] : named) {
      if (keys.size() != 1) continue;
      std::vector<Statement>& from = groups[base];
      std::vector<Statement>& to = groups[keys[0]];
      to.insert(to.end(), from.begin(), from.end());
      from.clear();
    }
  }
  for (const Key& key : order) {
    std::vector<Statement>& st = groups[key];
    std::set<uint32_t> docs;
    for (const Statement& s : st) docs.insert(s.doc);
    if (docs.size() < 2) continue;
    // One statement per document: the firm one if any, else the first.
    std::vector<Statement> one;
    for (uint32_t d : docs) {
      const Statement* pick = nullptr;
      for (const Statement& s : st) {
        if (s.doc != d) continue;
        if (pick == nullptr || (!pick->firm && s.firm)) pick = &s;
      }
      one.push_back(*pick);
    }
    // In writing order where dates tell it; expectations (tentative)
    // before outcomes (firm) where they overlap; undated last.
    std::stable_sort(one.begin(), one.end(),
                     [](const Statement& a, const Statement& b) {
                       if (a.lo.empty() != b.lo.empty()) return !a.lo.empty();
                       if (Before(a, b)) return true;
                       if (Before(b, a)) return false;
                       if (a.firm != b.firm) return !a.firm;
                       return a.lo < b.lo;
                     });
    std::set<std::string> outlets;
    bool any_neg = false, any_pos = false, any_conditional = false;
    std::set<std::string> firm_outlets;
    for (const Statement& s : one) {
      outlets.insert(s.outlet);
      any_neg |= s.negative;
      any_pos |= !s.negative;
      if (s.firm) firm_outlets.insert(s.outlet);
      any_conditional |=
          corpus.documents[s.doc].layers().events[s.event].modality ==
          Modality::kConditional;
    }
    // The stance moves along that order (and no later statement was
    // written strictly before an earlier one it differs from).
    bool dated_change = false;
    for (size_t i = 0; i < one.size(); ++i) {
      for (size_t j = i + 1; j < one.size(); ++j) {
        if (one[i].lo.empty() || one[j].lo.empty()) continue;
        if ((one[i].negative != one[j].negative ||
             one[i].firm != one[j].firm) &&
            !Before(one[j], one[i]) &&
            (Before(one[i], one[j]) || (!one[i].firm && one[j].firm))) {
          dated_change = true;
        }
      }
    }
    bool firm_conflict = false;
    for (size_t i = 0; i < one.size(); ++i) {
      for (size_t j = i + 1; j < one.size(); ++j) {
        if (one[i].firm && one[j].firm && one[i].negative != one[j].negative &&
            !Before(one[i], one[j]) && !Before(one[j], one[i])) {
          firm_conflict = true;
        }
      }
    }
    Finding f;
    if (firm_conflict) {
      f.kind = "contradiction";
      f.score = 3.0;
    } else if (dated_change) {
      f.kind = "update";
      f.score = 2.5;
    } else if (!(any_neg && any_pos) && firm_outlets.size() >= 2 &&
               !any_conditional && SameAmounts(corpus, one)) {
      // What sources only guess at or set as a condition is no claim they
      // agree on: the agreement rests on the firm statements.
      one.erase(std::remove_if(one.begin(), one.end(),
                               [](const Statement& s) { return !s.firm; }),
                one.end());
      outlets = firm_outlets;
      f.kind = "agreement";
      f.score = 1.0;
    } else {
      continue;  // mixed stances that dates cannot order: not reported
    }
    f.score += 0.25 * static_cast<double>(outlets.size() - 1);
    const int32_t actor = std::get<1>(key);
    f.entity = actor;
    const Statement& first = one.front();
    f.doc = first.doc;
    const EventFrame& fe =
        corpus.documents[first.doc].layers().events[first.event];
    f.span = fe.span;
    const std::string& who = corpus.entities[actor].name;
    std::string stances;
    for (const Statement& s : one) {
      const Document& doc = corpus.documents[s.doc];
      const EventFrame& e = doc.layers().events[s.event];
      std::string stance = StanceText(e);
      if (!e.target.empty()) stance += " " + TargetText(doc, e);
      if (e.modality == Modality::kConditional) stance += " (on a condition)";
      f.statements.push_back({s.doc, e.span, stance});
      if (f.kind != "agreement") {
        if (!stances.empty()) stances += f.kind == "update" ? " -> " : " vs ";
        stances += stance + " (" + OutletName(corpus, s) + ", " + When(s) + ")";
      }
    }
    if (f.kind == "agreement") {
      size_t lead = 0;
      for (size_t k = 0; k < one.size(); ++k) {
        if (one[k].firm) {
          lead = k;
          break;
        }
      }
      f.summary = std::to_string(outlets.size()) +
                  " independent sources: " + who + " " +
                  f.statements[lead].stance;
    } else if (f.kind == "update") {
      f.summary = who + ", over time: " + stances;
    } else {
      f.summary = "Sources disagree on " + who + ": " + stances;
    }
    f.claim = f.statements.front().stance;
    corpus.findings.push_back(std::move(f));
  }
  PlanFindings(corpus, groups, order);
  EventDayFindings(corpus);
  DatedFactAgreements(corpus);
  CountFindings(corpus);
  EditorialFinding(corpus);
  std::stable_sort(
      corpus.findings.begin(), corpus.findings.end(),
      [](const Finding& a, const Finding& b) { return a.score > b.score; });
  return Status::Ok();
}

}  // namespace dossier
