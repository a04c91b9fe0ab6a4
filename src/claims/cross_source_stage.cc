#include "claims/cross_source_stage.h"

#include "events/lexicon.h"
#include "pos/lemmatizer.h"
#include "pos/tags.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

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
  static constexpr std::string_view kAccept[] = {"accept", "agree",
                                                 "agree to", "embrace"};
  for (std::string_view a : kAccept) {
    if (lemma == a) return "accept";
  }
  static constexpr std::string_view kReject[] = {
      "reject",    "dismiss",  "brush aside", "turn down", "rebuff",
      "spurn",     "wave off", "wave away",   "veto"};
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
        "demand", "call", "proposal", "offer", "plan", "idea", "push",
        "appeal", "request", "bid"};
    bool wrapper = false;
    for (std::string_view x : kWrappers) wrapper |= w == x;
    // Only a noun-noun compound ("truce demand"): a determiner before the
    // wrapper means there is nothing to unwrap.
    if (!wrapper || start < 2 || !letter(phrase[start - 2])) break;
    std::string before;
    size_t b = start - 1;
    while (b > 0 && letter(phrase[b - 1])) before.insert(before.begin(), phrase[--b]);
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

std::string Trunc(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "...";
}

// The past tense of a verb lemma's first word ("brush aside" -> "brushed
// aside"): common irregular verbs, then the regular spelling rules.
std::string Past(std::string_view lemma) {
  const size_t sp = lemma.find(' ');
  const std::string_view v = lemma.substr(0, sp);
  const std::string_view rest =
      sp == std::string_view::npos ? std::string_view() : lemma.substr(sp);
  static constexpr std::string_view kIrregular[][2] = {
      {"go", "went"},      {"come", "came"},     {"meet", "met"},
      {"hold", "held"},    {"take", "took"},     {"make", "made"},
      {"send", "sent"},    {"leave", "left"},    {"give", "gave"},
      {"begin", "began"},  {"break", "broke"},   {"see", "saw"},
      {"fly", "flew"},     {"lead", "led"},      {"win", "won"},
      {"speak", "spoke"},  {"run", "ran"},       {"bring", "brought"},
      {"seek", "sought"},  {"fight", "fought"},  {"think", "thought"},
      {"stand", "stood"},  {"put", "put"},       {"set", "set"},
      {"let", "let"},      {"cut", "cut"},       {"hit", "hit"},
      {"spend", "spent"},  {"build", "built"},   {"keep", "kept"},
      {"get", "got"},      {"know", "knew"},     {"find", "found"},
      {"stop", "stopped"}, {"plan", "planned"},  {"ban", "banned"},
      {"drop", "dropped"}, {"commit", "committed"}, {"admit", "admitted"},
      {"veto", "vetoed"},  {"wave", "waved"},    {"fall", "fell"}};
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
  std::string out = std::string(kMonths[m - 1]) + " " + std::string(v.substr(0, 4));
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
      while (b > sent->first_token &&
             (IsNounTag(l.tokens[b - 1].pos) ||
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
    const std::string name =
        m.outlet.has_value() && !m.outlet->empty() ? *m.outlet
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
  f.summary = "Editorializing (the outlet's own evaluations and predictions, "
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
    f.statements.push_back(
        {static_cast<uint32_t>(o.lead), fr.editorial.front(),
         n + ": " + std::to_string(o.editorial) + " of " +
             std::to_string(o.sentences) + " sentences editorial (" +
             percent(share(n)) + ")"});
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
  using Key = std::tuple<std::string, int32_t, std::string, std::string>;
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
      const DocMeta& m = doc.meta();
      Statement st{
          d,
          i,
          Negative(e, flips),
          Firm(e),
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
      it->second.push_back(std::move(st));
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
      any_conditional |= corpus.documents[s.doc].layers().events[s.event]
                             .modality == Modality::kConditional;
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
               !any_conditional) {
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
      if (!e.target.empty()) stance += " " + Trunc(doc.Slice(e.target), 60);
      if (e.modality == Modality::kConditional) stance += " (on a condition)";
      f.statements.push_back({s.doc, e.span, stance});
      if (f.kind != "agreement") {
        if (!stances.empty()) stances += f.kind == "update" ? " -> " : " vs ";
        stances += stance + " (" +
                   (s.outlet[0] == '#' ? doc.meta().id : s.outlet) + ", " +
                   When(s) + ")";
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
  DatedFactAgreements(corpus);
  EditorialFinding(corpus);
  std::stable_sort(
      corpus.findings.begin(), corpus.findings.end(),
      [](const Finding& a, const Finding& b) { return a.score > b.score; });
  return Status::Ok();
}

}  // namespace dossier
