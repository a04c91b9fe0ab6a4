#include "events/event_stage.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "events/lexicon.h"
#include "pos/lemmatizer.h"
#include "pos/tags.h"

namespace dossier {
namespace {

using events::Control;

std::string Lower(std::string_view w) {
  std::string s(w);
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  for (size_t p; (p = s.find("\xE2\x80\x99")) != std::string::npos;) {
    s.replace(p, 3, "'");
  }
  return s;
}

// One token of the sentence being read (quote marks left out).
struct Tok {
  uint32_t index;  // into Layers::tokens
  Span span;
  uint8_t pos;
  std::string lower;
  int32_t mention;  // covering mention or -1
  int32_t timex;    // covering time expression or -1
};

struct Np {
  int begin = -1, end = -1, head = -1;  // local indexes, [begin, end)
  bool ok() const { return begin >= 0; }
};

// A verb group: adverbs, modals, auxiliaries and the head verb.
struct Group {
  int begin = 0, end = 0, head = -1;
  std::string lemma;
  bool negated = false;
  bool passive = false;
  bool has_modal = false;
  Modality modality = Modality::kHappened;
  int particle_end = 0;  // end of the head plus a joined particle
  Np subject, object;
  bool subject_inherited = false;
  bool emit = true;
  bool controlled = false;  // modality came from a control word
  int control_of = -1;      // group index of the infinitive it governs
};

class SentenceReader {
 public:
  SentenceReader(const Document& doc, std::vector<Tok> toks,
                 std::vector<EventFrame>* out)
      : doc_(doc), t_(std::move(toks)), out_(out) {
    FixTags();
  }

  void Read();

 private:
  int n() const { return static_cast<int>(t_.size()); }
  uint8_t pos(int i) const { return i >= 0 && i < n() ? t_[i].pos : 0; }
  const std::string& low(int i) const {
    static const std::string kEmpty;
    return i >= 0 && i < n() ? t_[i].lower : kEmpty;
  }
  bool Is(int i, std::string_view w) const { return low(i) == w; }
  std::string LemmaAt(int i) const {
    return Lemmatize(doc_.Slice(t_[i].span), t_[i].pos);
  }
  bool IsNegation(int i) const {
    return Is(i, "not") || Is(i, "n't") || Is(i, "never");
  }
  bool IsBoundary(int i) const;
  bool IsNpToken(int i) const;
  bool IsNpEnd(int i) const;
  Np NpRight(int i) const;
  Np NpLeft(int j) const;
  Span NpSpan(const Np& np) const {
    return {t_[np.begin].span.start, t_[np.end - 1].span.end};
  }
  int32_t NpMention(const Np& np) const;
  bool IsLocNp(const Np& np) const;

  void FixTags();
  void FindGroups();
  void GerundAdjuncts();
  void Irrealis();
  void FindSubject(Group& g, int gi);
  void FindObject(Group& g);
  void LinkControl();
  void Emit();
  void AddNominal(int noun, const Group& gov, Modality m, bool negated,
                  int after);
  void FillArgs(EventFrame& e, int trigger, int after) const;
  int ClauseStart(int i) const;
  int ClauseEnd(int i) const;
  void ApplyConditions(size_t first_event);

  const Document& doc_;
  std::vector<Tok> t_;
  std::vector<EventFrame>* out_;
  std::vector<Group> groups_;
  std::vector<int> event_trigger_;  // local trigger index of each new event
};

bool SentenceReader::IsBoundary(int i) const {
  const std::string& w = low(i);
  if (w == ";" || w == ":" || w == "--" || w == "\xE2\x80\x94" ||
      w == "\xE2\x80\x93" || w == "(" || w == ")") {
    return true;
  }
  if (w == "whether" || w == "if" || w == "unless" || w == "because" ||
      w == "although" || w == "though" || w == "while" || w == "but" ||
      w == "after" || w == "before" || w == "since" || w == "when") {
    return pos(i) == kPosIN || pos(i) == kPosCC || pos(i) == kPosWRB;
  }
  if (w == "that" && pos(i) != kPosDT) return true;
  return false;
}

bool SentenceReader::IsNpToken(int i) const {
  if (i < 0 || i >= n()) return false;
  if (t_[i].mention >= 0) return true;
  const uint8_t p = pos(i);
  if (IsNounTag(p) || IsAdjectiveTag(p) || p == kPosDT || p == kPosPDT ||
      p == kPosPRPS || p == kPosCD || p == kPosPOS) {
    return true;
  }
  // "potentially historic talks", "escalating tensions".
  if ((p == kPosRB && IsAdjectiveTag(pos(i + 1))) ||
      ((p == kPosVBG || p == kPosVBN) && IsNounTag(pos(i + 1)) &&
       (i == 0 || (!IsVerbTag(pos(i - 1)) && !IsNounTag(pos(i - 1)) &&
                   pos(i - 1) != kPosIN)))) {
    return true;
  }
  return false;
}

bool SentenceReader::IsNpEnd(int i) const {
  if (i < 0 || i >= n()) return false;
  const uint8_t p = pos(i);
  return t_[i].mention >= 0 || IsNounTag(p) || p == kPosPRP || p == kPosCD;
}

Np SentenceReader::NpRight(int i) const {
  Np np;
  if (i < 0 || i >= n()) return np;
  if (pos(i) == kPosPRP) {
    const std::string& w0 = low(i);
    // A nominative pronoun starts the next clause ("warned he would").
    if (w0 == "he" || w0 == "she" || w0 == "they" || w0 == "we" || w0 == "i") {
      return np;
    }
  }
  if (pos(i) == kPosPRP && t_[i].mention < 0) {
    const std::string& w = low(i);
    if (w == "him" || w == "her" || w == "them" || w == "us" || w == "me" ||
        w == "it" || w == "you" || w == "himself" || w == "herself" ||
        w == "themselves") {
      return {i, i + 1, i};
    }
    return np;
  }
  if (!IsNpToken(i) && !(pos(i) == kPosPRP && t_[i].mention >= 0)) return np;
  int j = i;
  int head = -1;
  while (j < n()) {
    if (j > i && t_[j].timex >= 0 && t_[j].timex != t_[i].timex) break;
    if (IsNpToken(j) || (pos(j) == kPosPRP && t_[j].mention >= 0 && j == i)) {
      if (IsNpEnd(j)) head = j;
      ++j;
      continue;
    }
    // Coordination of names: "Russia and Ukraine".
    if ((Is(j, "and") || Is(j, "&")) && head == j - 1 &&
        t_[j - 1].mention >= 0 && j + 1 < n() && t_[j + 1].mention >= 0) {
      ++j;
      continue;
    }
    break;
  }
  if (head < 0) return np;
  np = {i, head + 1, head};
  // "the release of prisoners": one "of" phrase joins the noun phrase, and
  // so does the "for" phrase of a demand ("calls for a ceasefire").
  static constexpr std::string_view kForNouns[] = {
      "call",  "calls",    "demand",  "demands", "proposal", "proposals",
      "offer", "offers",   "plan",    "plans",   "push",     "bid",
      "appeal", "appeals", "request", "requests"};
  bool for_noun = false;
  for (std::string_view w : kForNouns) for_noun |= low(head) == w;
  if (Is(np.end, "of") || (for_noun && Is(np.end, "for"))) {
    Np tail = NpRight(np.end + 1);
    if (tail.ok() && pos(tail.begin) != kPosPRP) np.end = tail.end;
  }
  return np;
}

Np SentenceReader::NpLeft(int j) const {
  Np np;
  if (!IsNpEnd(j)) return np;
  int i = j;
  if (pos(j) != kPosPRP) {  // a pronoun is a noun phrase on its own
    while (i - 1 >= 0) {
      if (t_[i - 1].timex >= 0 && t_[i - 1].timex != t_[j].timex) break;
      if (IsNpToken(i - 1) ||
          (t_[i - 1].mention >= 0 && t_[i - 1].mention == t_[j].mention)) {
        --i;
        continue;
      }
      // "Medinsky and Fomin", "military and intelligence officials".
      if (Is(i - 1, "and") && i - 2 >= 0 && IsNpToken(i - 2) &&
          (IsNounTag(pos(i - 2)) || IsAdjectiveTag(pos(i - 2)) ||
           t_[i - 2].mention >= 0)) {
        i -= 2;
        continue;
      }
      break;
    }
  }
  np = {i, j + 1, j};
  // "the absence of both presidents": the head is the noun before "of";
  // "the talks between Norland and Estovia": before "between".
  if ((Is(np.begin - 1, "of") || Is(np.begin - 1, "between")) &&
      IsNpEnd(np.begin - 2)) {
    Np outer = NpLeft(np.begin - 2);
    if (outer.ok()) np = {outer.begin, np.end, outer.head};
  }
  return np;
}

int32_t SentenceReader::NpMention(const Np& np) const {
  if (!np.ok()) return -1;
  if (t_[np.head].mention >= 0) return t_[np.head].mention;
  return -1;
}

bool SentenceReader::IsLocNp(const Np& np) const {
  const int32_t m = NpMention(np);
  return m >= 0 && doc_.layers().mentions[m].type == EntityType::kLoc;
}

// Corrects two tagging slips that break verb phrases: "aside"/"away" after a
// verb is a particle ("brushed aside"), and a plural tagged as a verb right
// after such a particle is a noun ("brushed aside calls for").
void SentenceReader::FixTags() {
  for (int i = 1; i < n(); ++i) {
    if ((Is(i, "aside") || Is(i, "away")) && IsVerbTag(pos(i - 1))) {
      t_[i].pos = kPosRP;
      if (pos(i + 1) == kPosVBZ) t_[i + 1].pos = kPosNNS;
    }
  }
}

void SentenceReader::FindGroups() {
  int i = 0;
  while (i < n()) {
    const uint8_t p = pos(i);
    if (!(IsVerbTag(p) || p == kPosMD)) {
      ++i;
      continue;
    }
    Group g;
    g.begin = i;
    // Adverbs right before the group ("never explicitly committed").
    while (g.begin > 0 && pos(g.begin - 1) == kPosRB &&
           !IsBoundary(g.begin - 1)) {
      --g.begin;
    }
    int j = i;
    while (j < n()) {
      const uint8_t q = pos(j);
      if (IsVerbTag(q) || q == kPosMD) {
        g.head = IsVerbTag(q) ? j : g.head;
        ++j;
        continue;
      }
      if (q == kPosRB) {
        int k = j;
        while (k < n() && pos(k) == kPosRB) ++k;
        if (IsVerbTag(pos(k)) || pos(k) == kPosMD) {
          j = k;
          continue;
        }
        // Negation right after the head ("has not", "did not") stays.
      }
      break;
    }
    g.end = j;
    for (int k = g.begin; k < g.end; ++k) {
      if (IsNegation(k)) g.negated = true;
      if (pos(k) == kPosMD && !g.has_modal) {
        g.has_modal = true;
        events::ModalModality(Lemmatize(doc_.Slice(t_[k].span), kPosMD),
                              &g.modality);
      }
    }
    // A trailing "not" ("did not" is inside; "is not" after a copula head).
    if (g.head >= 0 && IsNegation(g.end)) {
      g.negated = true;
      ++g.end;
    }
    if (g.head < 0) {
      i = g.end;
      continue;
    }
    // A verb group that is an auxiliary of a later verb after an adverb
    // run was merged above; an adjectival participle is no event.
    g.lemma = LemmaAt(g.head);
    for (int k = g.begin; k < g.head; ++k) {
      if (IsVerbTag(pos(k))) {
        const std::string aux = LemmaAt(k);
        if ((aux == "be" || aux == "get") && pos(g.head) == kPosVBN) {
          g.passive = true;
        }
      }
    }
    // A reduced relative: "the massacre committed by X", "forces backed
    // by Y" (a lone participle after a noun) reads as a passive.
    if (!g.passive && g.head == g.begin && IsNpEnd(g.head - 1) &&
        pos(g.head - 1) != kPosPRP &&
        (pos(g.head) == kPosVBN ||
         (pos(g.head) == kPosVBD &&
          (Is(g.head + 1, "by") ||
           (pos(g.head + 1) == kPosRP && Is(g.head + 2, "by")))))) {
      g.passive = true;
    }
    g.particle_end = g.head + 1;
    if (g.lemma == "take" &&
        (Is(g.head + 1, "place") || Is(g.head + 1, "part"))) {
      g.lemma += " " + low(g.head + 1);
      g.particle_end = g.head + 2;
    } else if (pos(g.head + 1) == kPosRP ||
               ((Is(g.head + 1, "out") || Is(g.head + 1, "off")) &&
                pos(g.head + 1) != kPosNN)) {
      g.lemma += " " + low(g.head + 1);
      g.particle_end = g.head + 2;
    } else if (pos(g.head + 1) == kPosIN ||
               (pos(g.head + 1) == kPosTO && !IsVerbTag(pos(g.head + 2)) &&
                pos(g.head + 2) != kPosRB)) {
      const std::string joined = g.lemma + " " + low(g.head + 1);
      Control c;
      Modality m;
      bool neg;
      if (!events::VerbCategory(joined).empty() ||
          events::FindControl(joined, &c) ||
          events::NounGovernor(joined, &m, &neg)) {
        g.lemma = joined;
        g.particle_end = g.head + 2;
      }
    }
    if (g.particle_end > g.end) g.end = g.particle_end;
    groups_.push_back(std::move(g));
    i = groups_.back().end;
  }
}

void SentenceReader::FindSubject(Group& g, int gi) {
  int k = g.begin - 1;
  auto skippable = [&](int x) {
    if (pos(x) == kPosRB) return true;
    const std::string& w = low(x);
    return w == "himself" || w == "herself" || w == "themselves" ||
           w == "itself" || w == "personally";
  };
  while (k >= 0 && skippable(k)) --k;
  if (k >= 0 && (pos(k) == kPosWDT || pos(k) == kPosWP ||
                 (Is(k, "that") && pos(k) != kPosDT))) {
    // Relative clause: "the official who attended".
    if (pos(k) == kPosWDT || pos(k) == kPosWP) {
      int r = k - 1;
      if (Is(r, ",")) --r;
      Np np = NpLeft(r);
      if (np.ok()) {
        g.subject = np;
        return;
      }
    }
    return;
  }
  if (k >= 0 && IsNpEnd(k)) {
    g.subject = NpLeft(k);
    return;
  }
  // "Trump, currently on a tour in the region, will not attend": an
  // apposition or aside between commas (no verb in it) is skipped.
  if (k >= 1 && Is(k, ",")) {
    int c = k - 1;
    bool verb = false;
    while (c >= 0 && !Is(c, ",") && !IsBoundary(c)) {
      verb |= IsVerbTag(pos(c)) && pos(c) != kPosVBG && pos(c) != kPosVBN;
      --c;
    }
    if (c >= 1 && Is(c, ",") && !verb && IsNpEnd(c - 1) && c + 1 < k) {
      g.subject = NpLeft(c - 1);
      return;
    }
  }
  // "X declined to attend and instead dispatched ...": the subject of the
  // verb before.
  if (k >= 0 && (pos(k) == kPosCC || Is(k, ",")) && gi > 0) {
    for (int p = gi - 1; p >= 0; --p) {
      const Group& prev = groups_[p];
      const uint8_t first_verb =
          pos(prev.head >= 0 && prev.begin <= prev.head
                  ? (pos(prev.begin) == kPosRB ? prev.head : prev.begin)
                  : prev.head);
      // Participles ("following", "led by") are not the verb coordinated.
      if ((first_verb == kPosVBG || first_verb == kPosVBN) &&
          prev.head == prev.begin) {
        continue;
      }
      if (prev.subject.ok() && prev.end <= k + 1) {
        g.subject = prev.subject;
        g.subject_inherited = true;
        return;
      }
    }
  }
  // "..., said Peskov": a reporting verb with its subject after it.
  if (k >= 0 && Is(k, ",") &&
      (g.lemma == "say" || g.lemma == "add" || g.lemma == "tell" ||
       g.lemma == "write")) {
    Np np = NpRight(g.end);
    if (np.ok() && NpMention(np) >= 0) g.subject = np;
  }
}

void SentenceReader::FindObject(Group& g) {
  int k = g.particle_end;
  while (k < n() && pos(k) == kPosRB && !IsNegation(k)) ++k;
  if (k >= n() || pos(k) == kPosTO) return;
  if (g.passive) return;
  Np np = NpRight(k);
  if (np.ok() && t_[np.head].timex < 0) g.object = np;
}

void SentenceReader::LinkControl() {
  for (size_t gi = 0; gi + 1 < groups_.size(); ++gi) {
    Group& g = groups_[gi];
    // The infinitive: "to" right after the group, after its object
    // ("urged him to"), or after a control adjective ("is likely to").
    int k = g.end;
    while (k < n() && pos(k) == kPosRB) ++k;
    Control c;
    bool found = false;
    bool via_adjective = false;
    if (IsAdjectiveTag(pos(k)) && events::FindControl(low(k), &c)) {
      found = true;
      via_adjective = true;
      ++k;
    } else if (events::FindControl(g.lemma, &c)) {
      found = true;
      if (c.object_control && g.object.ok()) k = g.object.end;
    }
    if (!found || pos(k) != kPosTO) continue;
    Group& inf = groups_[gi + 1];
    if (inf.begin != k + 1 && !(inf.begin > k && pos(inf.begin) == kPosRB)) {
      continue;
    }
    inf.controlled = true;
    inf.modality = c.modality;
    if (c.modality == Modality::kHappened && g.has_modal) {
      inf.modality = g.modality;
    }
    inf.negated = inf.negated != (c.negates != g.negated);
    if (c.object_control && g.object.ok()) {
      inf.subject = g.object;
    } else if (!inf.subject.ok() || inf.subject.begin >= g.begin) {
      inf.subject = g.subject;
      inf.subject_inherited = true;
    }
    g.control_of = static_cast<int>(gi + 1);
    if (!c.emits_self && !via_adjective) g.emit = false;
    if (c.object_control) g.emit = true;
  }
  // Adjective control without a verb group: "Zelensky, unwilling to
  // participate, ...".
  for (Group& g : groups_) {
    if (g.controlled || g.begin < 2) continue;
    int k = g.begin - 1;
    if (pos(k) != kPosTO || !IsAdjectiveTag(pos(k - 1))) continue;
    Control c;
    if (!events::FindControl(low(k - 1), &c)) continue;
    g.controlled = true;
    g.modality = c.modality;
    if (c.negates) g.negated = !g.negated;
    int s = k - 2;
    while (s >= 0 && (pos(s) == kPosRB || Is(s, ","))) --s;
    if (IsNpEnd(s)) g.subject = NpLeft(s);
  }
}

// A gerund after a preposition ("after rejecting the offer", "by signing")
// has the subject of the clause it modifies: the nearest finite verb group
// before it, else (sentence-initially) the first one after it. "stopped
// short of", "fell short of", "refrained from", "balked at", "shied away
// from" + gerund: a refusal of the gerund's act by the governing subject;
// the governing verb is no event of its own.
void SentenceReader::GerundAdjuncts() {
  for (size_t gi = 0; gi < groups_.size(); ++gi) {
    Group& g = groups_[gi];
    if (g.head != g.begin || pos(g.head) != kPosVBG || g.controlled) continue;
    const int p = g.begin - 1;
    if (p < 1 || pos(p) != kPosIN || Is(p, "that")) continue;
    // The governing verb: "stopped short of", "refrained from".
    int gov = -1;
    for (int q = static_cast<int>(gi) - 1; q >= 0; --q) {
      const Group& h = groups_[q];
      if (h.end == p || (h.end == p - 1 && (Is(p - 1, "short")))) {
        gov = q;
      }
      break;
    }
    bool refusal = false;
    if (gov >= 0) {
      const Group& h = groups_[gov];
      const bool short_of = Is(p, "of") && Is(p - 1, "short") &&
                            (h.lemma == "stop" || h.lemma == "fall");
      const bool from = Is(p, "from") &&
                        (h.lemma == "refrain" || h.lemma == "shy away" ||
                         h.lemma == "back away");
      const bool at = Is(p, "at") && h.lemma == "balk";
      refusal = short_of || from || at;
    }
    if (refusal) {
      Group& h = groups_[gov];
      g.controlled = true;
      g.modality = Modality::kRefused;
      g.negated = h.negated;  // "did not stop short of": not a refusal
      if (h.negated) g.modality = Modality::kHappened;
      g.subject = h.subject;
      g.subject_inherited = true;
      h.emit = false;
      continue;
    }
    if (g.subject.ok()) continue;
    static constexpr std::string_view kPreps[] = {
        "after", "before", "by", "while", "without", "upon", "on",
        "since", "despite", "instead"};
    bool adjunct = false;
    for (std::string_view w : kPreps) adjunct |= Is(p, w);
    if (!adjunct) continue;
    const Group* main = nullptr;
    for (int q = static_cast<int>(gi) - 1; q >= 0 && main == nullptr; --q) {
      const Group& h = groups_[q];
      if (h.subject.ok() && !(pos(h.head) == kPosVBG && h.head == h.begin)) {
        main = &h;
      }
    }
    if (main == nullptr && p == 0) {
      for (size_t q = gi + 1; q < groups_.size() && main == nullptr; ++q) {
        if (groups_[q].subject.ok()) main = &groups_[q];
      }
    }
    if (main != nullptr) {
      g.subject = main->subject;
      g.subject_inherited = true;
    }
  }
}

// Acts that are asked for or set as a condition, not reported: a bare verb
// after "that" with a third-person subject and no auxiliary is a mandative
// subjunctive ("a demand that Norland initiate a truce": possible); a gerund
// with its own subject after "conditional/contingent on" is a condition
// ("conditional on Norland initiating a truce"), after "insisted on" or
// "called for" a demand (possible).
void SentenceReader::Irrealis() {
  for (Group& g : groups_) {
    if (g.controlled || g.has_modal || g.head != g.begin || !g.subject.ok()) {
      continue;
    }
    const int before = g.subject.begin - 1;
    const std::string& subj = low(g.subject.head);
    const bool third = pos(g.subject.head) == kPosNNP ||
                       pos(g.subject.head) == kPosNN || subj == "he" ||
                       subj == "she" || subj == "it";
    if (pos(g.head) == kPosVB && third && Is(before, "that")) {
      g.modality = Modality::kPossible;
      continue;
    }
    if (pos(g.head) != kPosVBG || before < 1 || pos(before) != kPosIN) {
      continue;
    }
    const std::string& gov = low(before - 1);
    if ((Is(before, "on") || Is(before, "upon")) &&
        (gov == "conditional" || gov == "contingent" || gov == "dependent" ||
         gov == "conditioned")) {
      g.modality = Modality::kConditional;
    } else if (((Is(before, "on") || Is(before, "upon")) &&
                (gov == "insist" || gov == "insisted" || gov == "insists" ||
                 gov == "insisting")) ||
               (Is(before, "for") &&
                (gov == "call" || gov == "called" || gov == "calls" ||
                 gov == "calling" || gov == "push" || gov == "pushed" ||
                 gov == "pushing"))) {
      g.modality = Modality::kPossible;
    }
  }
}

int SentenceReader::ClauseStart(int i) const {
  int k = i;
  while (k > 0 && !IsBoundary(k - 1)) --k;
  return k;
}

int SentenceReader::ClauseEnd(int i) const {
  int k = i;
  while (k < n() && !IsBoundary(k)) ++k;
  return k;
}

void SentenceReader::FillArgs(EventFrame& e, int trigger, int after) const {
  // Place and target from the prepositional phrases after the predicate (up
  // to the clause end); time from the clause.
  const int end = ClauseEnd(after);
  for (int k = after; k < end; ++k) {
    if (IsVerbTag(pos(k)) || pos(k) == kPosMD) break;  // the next predicate
    if (pos(k) != kPosIN && pos(k) != kPosTO) continue;
    const std::string& prep = low(k);
    Np np = NpRight(k + 1);
    if (!np.ok()) continue;
    if (t_[np.head].timex >= 0) continue;
    if ((prep == "in" || prep == "at" || prep == "near") && IsLocNp(np)) {
      if (e.place.empty()) {
        const Mention& m = doc_.layers().mentions[NpMention(np)];
        e.place = m.name.empty() ? m.span : m.name;
        e.place_mention = NpMention(np);
      }
      continue;
    }
    if (e.target.empty() && k == after &&
        (prep == "in" || prep == "with" || prep == "against" || prep == "for" ||
         prep == "on" || prep == "of" || prep == "to" || prep == "between" ||
         prep == "from" || prep == "into")) {
      e.target = NpSpan(np);
      e.target_mention = NpMention(np);
    }
    k = np.end - 1;
  }
  // Time: the time expression nearest to the trigger in its clause (a
  // sentence-initial "On Monday," belongs to the main clause).
  int cs = ClauseStart(trigger);
  int ce = ClauseEnd(trigger);
  int best = -1, best_dist = 1 << 30;
  for (int k = 0; k < n(); ++k) {
    if (t_[k].timex < 0) continue;
    const bool in_clause = k >= cs && k < ce;
    bool initial = false;
    if (!in_clause && k < cs) {
      // "On Wednesday, the Kremlin said": no verb before the comma.
      initial = true;
      for (int q = 0; q < cs; ++q) {
        if (IsVerbTag(pos(q)) || IsBoundary(q)) initial = false;
      }
    }
    if (!in_clause && !initial) continue;
    const int d = std::abs(k - trigger) + (in_clause ? 0 : 100);
    if (d < best_dist) {
      best_dist = d;
      best = k;
    }
  }
  if (best >= 0) e.time = t_[best].timex;
}

void SentenceReader::AddNominal(int noun, const Group& gov, Modality m,
                                bool negated, int after) {
  EventFrame e;
  e.trigger = t_[noun].span;
  e.lemma = Lemmatize(doc_.Slice(t_[noun].span), kPosNNS);
  std::string_view cat = events::NounCategory(low(noun));
  if (cat.empty()) cat = events::NounCategory(e.lemma);
  if (cat != "-") e.category = std::string(cat);
  e.modality = m;
  e.negated = negated;
  if (gov.subject.ok() && !gov.passive) {
    e.actor = NpSpan(gov.subject);
    e.actor_mention = NpMention(gov.subject);
  }
  FillArgs(e, noun, after);
  out_->push_back(std::move(e));
  event_trigger_.push_back(noun);
}

void SentenceReader::Emit() {
  static const std::string_view kNounSubjectVerbs[] = {
      "schedule", "plan",  "expect",     "set",      "take place",
      "begin",    "start", "resume",     "open",     "end",
      "collapse", "stall", "continue",   "fail",     "postpone",
      "cancel",   "delay", "break down", "conclude", "go ahead"};
  for (size_t gi = 0; gi < groups_.size(); ++gi) {
    Group& g = groups_[gi];
    const bool light = events::IsLightVerb(g.lemma);
    // Event nouns governed by this verb.
    Modality nm;
    bool nneg = false;
    if (g.object.ok() && events::NounGovernor(g.lemma, &nm, &nneg) &&
        !events::NounCategory(low(g.object.head)).empty() &&
        IsNounTag(pos(g.object.head))) {
      AddNominal(g.object.head, g, nm, nneg != g.negated, g.object.head + 1);
    }
    if (g.subject.ok() && !g.subject_inherited &&
        IsNounTag(pos(g.subject.head)) && t_[g.subject.head].mention < 0 &&
        !events::NounCategory(low(g.subject.head)).empty()) {
      bool governs = false;
      for (std::string_view v : kNounSubjectVerbs) governs |= v == g.lemma;
      if (governs) {
        Modality m = g.has_modal ? g.modality : Modality::kHappened;
        bool neg = g.negated;
        if (g.lemma == "schedule" || g.lemma == "plan" || g.lemma == "set") {
          m = Modality::kPlanned;
        } else if (g.lemma == "expect") {
          m = Modality::kWill;
        } else if (g.lemma == "postpone" || g.lemma == "cancel" ||
                   g.lemma == "delay") {
          m = Modality::kPlanned;
          neg = !neg;
        }
        Group none;
        AddNominal(g.subject.head, none, m, neg, g.end);
        if (g.lemma == "schedule" || g.lemma == "plan" || g.lemma == "set" ||
            g.lemma == "expect") {
          g.emit = false;
        }
      }
    }
    if (!g.emit || light) continue;
    EventFrame e;
    e.trigger = t_[g.head].span;
    e.lemma = g.lemma;
    e.category = std::string(events::VerbCategory(g.lemma));
    if (e.category.empty()) {
      const size_t sp = g.lemma.find(' ');
      if (sp != std::string::npos) {
        e.category = std::string(events::VerbCategory(g.lemma.substr(0, sp)));
      }
    }
    e.negated = g.negated;
    e.modality = g.modality;
    if (!g.controlled && !g.has_modal) {
      if (g.lemma == "decline" || g.lemma == "refuse" || g.lemma == "boycott" ||
          g.lemma == "snub" || g.lemma == "skip" || g.lemma == "opt out" ||
          g.lemma == "rule out" || g.lemma == "turn down") {
        e.modality = Modality::kRefused;
      } else if (g.lemma == "deny") {
        e.modality = Modality::kDenied;
      }
    }
    // "is going to attend": handled by control; "possibly", "perhaps".
    for (int k = g.begin; k < g.end; ++k) {
      if ((Is(k, "possibly") || Is(k, "perhaps") || Is(k, "maybe")) &&
          e.modality == Modality::kHappened) {
        e.modality = Modality::kPossible;
      }
    }
    if (g.passive) {
      // "was attacked by X": X is the actor, the subject the target.
      if (g.subject.ok()) {
        e.target = NpSpan(g.subject);
        e.target_mention = NpMention(g.subject);
      }
      int k = g.end;
      while (k < n() && pos(k) == kPosRB) ++k;
      for (int q = k; q < ClauseEnd(k) && q < k + 4; ++q) {
        if (Is(q, "by")) {
          Np by = NpRight(q + 1);
          if (by.ok()) {
            e.actor = NpSpan(by);
            e.actor_mention = NpMention(by);
          }
          break;
        }
      }
    } else {
      if (g.subject.ok()) {
        e.actor = NpSpan(g.subject);
        e.actor_mention = NpMention(g.subject);
      }
      if (g.object.ok()) {
        e.target = NpSpan(g.object);
        e.target_mention = NpMention(g.object);
      }
    }
    int after = g.object.ok() ? g.object.end : g.particle_end;
    while (after < n() && pos(after) == kPosRB) ++after;
    FillArgs(e, g.head, after);
    out_->push_back(std::move(e));
    event_trigger_.push_back(g.head);
  }
}

void SentenceReader::ApplyConditions(size_t first_event) {
  auto whether_like = [&](int k) {
    if (Is(k, "whether")) return true;
    if (!Is(k, "if")) return false;
    int p = k - 1;
    while (p >= 0 && pos(p) == kPosRB) --p;
    if (p < 0) return false;
    const std::string lemma = IsVerbTag(pos(p)) || IsAdjectiveTag(pos(p))
                                  ? LemmaAt(p)
                                  : std::string();
    static const std::string_view kAsk[] = {
        "know",     "ask",    "confirm",   "say",     "see",
        "decide",   "wonder", "clear",     "unclear", "tell",
        "announce", "check",  "determine", "sure",    "certain",
        "question", "doubt",  "indicate",  "reveal",  "disclose"};
    for (std::string_view v : kAsk) {
      if (lemma == v) return true;
    }
    return false;
  };
  const size_t count = out_->size();
  for (int k = 0; k < n(); ++k) {
    const bool cond = (Is(k, "if") || Is(k, "unless")) && !whether_like(k);
    const bool whether = whether_like(k);
    if (!cond && !whether) continue;
    // The clause: to the next comma, semicolon or sentence end.
    int end = k + 1;
    while (end < n() && !Is(end, ",") && !Is(end, ";") && !IsBoundary(end)) {
      ++end;
    }
    for (size_t e = first_event; e < count; ++e) {
      const int tr = event_trigger_[e - first_event];
      if (tr > k && tr < end) {
        (*out_)[e].modality = Modality::kPossible;
      }
    }
    if (!cond) continue;
    int last = end - 1;
    while (last > k && (pos(last) == kPosPeriod || pos(last) == kPosComma ||
                        pos(last) == kPosColon)) {
      --last;
    }
    const Span span{t_[k].span.start, t_[last].span.end};
    int clause_start = k;
    while (clause_start > 0 &&
           (pos(clause_start - 1) == kPosCC ||
            pos(clause_start - 1) == kPosRB || Is(clause_start - 1, "even"))) {
      --clause_start;
    }
    int main = -1;
    if (clause_start == 0) {
      // "If X, Y will ...": the first event after the condition.
      for (size_t e = first_event; e < count; ++e) {
        if (event_trigger_[e - first_event] >= end) {
          main = static_cast<int>(e);
          break;
        }
      }
    } else {
      // "Y will ... if X": the nearest event before it.
      for (size_t e = first_event; e < count; ++e) {
        if (event_trigger_[e - first_event] < k) main = static_cast<int>(e);
      }
    }
    if (main >= 0) {
      (*out_)[main].modality = Modality::kConditional;
      (*out_)[main].condition = span;
    }
  }
}

void SentenceReader::Read() {
  if (t_.empty()) return;
  FindGroups();
  for (size_t gi = 0; gi < groups_.size(); ++gi) {
    FindSubject(groups_[gi], static_cast<int>(gi));
    FindObject(groups_[gi]);
  }
  LinkControl();
  GerundAdjuncts();
  Irrealis();
  const size_t first = out_->size();
  Emit();
  ApplyConditions(first);
}

// The noun phrase naming the meeting mentioned last before `before` (a text
// offset): "the talks", "Thursday's meeting".
Span LastMeeting(const Document& doc, uint32_t before) {
  const std::vector<Token>& tokens = doc.layers().tokens;
  auto it = std::lower_bound(
      tokens.begin(), tokens.end(), before,
      [](const Token& t, uint32_t v) { return t.span.start < v; });
  for (ptrdiff_t i = (it - tokens.begin()) - 1; i >= 0; --i) {
    const Token& t = tokens[i];
    if (!IsNounTag(t.pos)) continue;
    const std::string w = Lower(doc.Slice(t.span));
    if (events::NounCategory(w) != "CONSULT" || w == "call" || w == "round" ||
        w == "session") {
      continue;
    }
    ptrdiff_t b = i;
    while (b > 0 && !(tokens[b].flags & kTokenSentenceStart)) {
      const uint8_t p = tokens[b - 1].pos;
      if (IsNounTag(p) || IsAdjectiveTag(p) || p == kPosDT || p == kPosPOS ||
          p == kPosPRPS || p == kPosCD) {
        --b;
      } else {
        break;
      }
    }
    return {tokens[b].span.start, t.span.end};
  }
  return {};
}

}  // namespace

Status EventStage::Run(Document& doc) const {
  Layers& layers = doc.layers();
  layers.events.clear();
  const std::vector<Token>& tokens = layers.tokens;
  // Token -> covering mention / time expression.
  std::vector<int32_t> tok_mention(tokens.size(), -1),
      tok_timex(tokens.size(), -1);
  auto mark = [&](Span span, int32_t id, std::vector<int32_t>& out) {
    auto it = std::lower_bound(
        tokens.begin(), tokens.end(), span.start,
        [](const Token& t, uint32_t v) { return t.span.end <= v; });
    for (; it != tokens.end() && it->span.start < span.end; ++it) {
      int32_t& slot = out[it - tokens.begin()];
      if (slot < 0) slot = id;
    }
  };
  for (size_t m = 0; m < layers.mentions.size(); ++m) {
    mark(layers.mentions[m].span, static_cast<int32_t>(m), tok_mention);
  }
  for (size_t t = 0; t < layers.times.size(); ++t) {
    // "a 30-day ceasefire": a hyphenated duration modifies a noun; it is
    // neither an event's time nor a break in the noun phrase.
    const Timex& tx = layers.times[t];
    const std::string_view tt = doc.Slice(tx.span);
    if (tx.type == TimexType::kDuration &&
        tt.find('-') != std::string_view::npos &&
        tt.find(' ') == std::string_view::npos) {
      continue;
    }
    mark(tx.span, static_cast<int32_t>(t), tok_timex);
  }
  std::vector<EventFrame> out;
  for (const Sentence& s : layers.sentences) {
    std::vector<Tok> toks;
    for (uint32_t i = s.first_token; i < s.end_token && i < tokens.size();
         ++i) {
      const Token& t = tokens[i];
      if (t.flags & kTokenQuoteMark) continue;
      toks.push_back({i, t.span, t.pos, Lower(doc.Slice(t.span)),
                      tok_mention[i], tok_timex[i]});
    }
    SentenceReader reader(doc, std::move(toks), &out);
    reader.Read();
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const EventFrame& a, const EventFrame& b) {
                     return a.trigger.start < b.trigger.start;
                   });
  for (EventFrame& e : out) {
    if (e.target.empty() && events::TakesImplicitMeeting(e.lemma)) {
      e.target = LastMeeting(doc, e.trigger.start);
      e.target_inferred = !e.target.empty();
    }
    // Source: the innermost quote whose content holds the trigger.
    uint32_t best = UINT32_MAX;
    for (size_t q = 0; q < layers.quotes.size(); ++q) {
      const Span c = layers.quotes[q].content;
      if (c.Contains(e.trigger) && c.size() < best) {
        best = c.size();
        e.quote = static_cast<int32_t>(q);
      }
    }
    // The span: the actor (when in the same sentence) to the last argument.
    uint32_t start = e.trigger.start, end = e.trigger.end;
    auto within = [&](Span x) {
      for (const Sentence& s : layers.sentences) {
        if (s.span.Contains(e.trigger)) return s.span.Contains(x);
      }
      return false;
    };
    // (An inferred target lies elsewhere and does not stretch the span.)
    const Span args[] = {e.actor, e.target_inferred ? Span{} : e.target,
                         e.place};
    for (Span x : args) {
      if (x.empty() || !within(x)) continue;
      start = std::min(start, x.start);
      end = std::max(end, x.end);
    }
    e.span = {start, end};
  }
  layers.events = std::move(out);
  return Status::Ok();
}

}  // namespace dossier
