#include "claims/cross_source_stage.h"

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
  if (lemma == "skip" || lemma == "miss" || lemma == "boycott") {
    *flips = true;
    return "attend";
  }
  // Opting out is a negated attend whether it is told as done or as a
  // refusal (its modality then makes it negative already).
  if (lemma == "opt out" || lemma == "withdraw" || lemma == "pull out") {
    *flips = !refused;
    return "attend";
  }
  return std::string(lemma);
}

// The head word of a target phrase: its last word, lower-cased, a plural
// -s dropped; meeting nouns are one.
std::string TargetKey(std::string_view phrase) {
  size_t end = phrase.size();
  while (end > 0 && !((phrase[end - 1] >= 'a' && phrase[end - 1] <= 'z') ||
                      (phrase[end - 1] >= 'A' && phrase[end - 1] <= 'Z'))) {
    --end;
  }
  size_t start = end;
  while (start > 0 &&
         ((phrase[start - 1] >= 'a' && phrase[start - 1] <= 'z') ||
          (phrase[start - 1] >= 'A' && phrase[start - 1] <= 'Z'))) {
    --start;
  }
  std::string w = Lower(phrase.substr(start, end - start));
  if (w.size() > 3 && w.back() == 's') w.pop_back();
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
      return e.negated ? "did not " + l : l + " (reported as done)";
    case Modality::kWill:
      return (e.negated ? "will not " : "will ") + l;
    case Modality::kPlanned:
      return (e.negated ? "does not plan to " : "plans to ") + l;
    case Modality::kPossible:
      return (e.negated ? "may not " : "may ") + l;
    case Modality::kConditional:
      return (e.negated ? "will not " : "will ") + l + " on a condition";
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
    bool any_neg = false, any_pos = false;
    for (const Statement& s : one) {
      outlets.insert(s.outlet);
      any_neg |= s.negative;
      any_pos |= !s.negative;
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
    } else if (!(any_neg && any_pos) && outlets.size() >= 2) {
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
  std::stable_sort(
      corpus.findings.begin(), corpus.findings.end(),
      [](const Finding& a, const Finding& b) { return a.score > b.score; });
  return Status::Ok();
}

}  // namespace dossier
