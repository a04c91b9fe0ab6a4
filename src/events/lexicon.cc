#include "events/lexicon.h"

#include <unordered_map>
#include <unordered_set>

namespace dossier {
namespace events {
namespace {

using Map = std::unordered_map<std::string_view, std::string_view>;

// "CATEGORY|lemma|lemma|..." rows.
Map BuildMap(std::initializer_list<std::string_view> rows) {
  Map m;
  for (std::string_view row : rows) {
    size_t bar = row.find('|');
    const std::string_view category = row.substr(0, bar);
    while (bar != std::string_view::npos) {
      const size_t next = row.find('|', bar + 1);
      m.emplace(row.substr(bar + 1, next == std::string_view::npos
                                        ? std::string_view::npos
                                        : next - bar - 1),
                category);
      bar = next;
    }
  }
  return m;
}

const Map& Verbs() {
  static const Map* const kMap = new Map(BuildMap({
      // Agree to, offer, promise, or indicate willingness to cooperate.
      "AGREE|agree|promise|pledge|offer|commit to|vow|accept|consent|invite|"
      "propose|settle|reconcile",
      // Consultations and meetings, visits, hosting, phone calls.
      "CONSULT|meet|talk|negotiate|discuss|visit|host|consult|attend|confer|"
      "telephone|phone|mediate|participate|take part|travel|receive|brief|"
      "join|gather",
      // Diplomatic, non-material cooperation; praise, endorse, sign, ratify.
      "SUPPORT|praise|endorse|support|back|defend|commend|welcome|sign|"
      "ratify|recognize|recognise|apologize|apologise|forgive|approve|thank|"
      "congratulate|hail|applaud|laud",
      // Verbal concessions: easing, suspending, declaring ceasefires.
      "CONCEDE|concede|ease|lift|yield|compromise|relent|soften|pause|"
      "halt|suspend",
      // Mutual material cooperation or exchange.
      "COOPERATE|cooperate|collaborate|coordinate|extradite|exchange|share|"
      "trade|partner",
      // Material aid whose benefit goes to the recipient.
      "AID|aid|help|assist|donate|fund|finance|supply|provide|rescue|"
      "shelter|deliver|grant|lend|arm|evacuate",
      // Material concessions: withdraw, release, resign, disarm.
      "RETREAT|withdraw|retreat|release|free|resign|disarm|surrender|"
      "demobilize|pull out|step down|quit|cede|repatriate",
      // Requests, demands and orders.
      "REQUEST|ask|request|demand|urge|call for|call on|appeal|order|plead|"
      "press|challenge|seek|implore|beg|summon|insist",
      // Disapproval, accusation, lawsuits, investigations.
      "ACCUSE|accuse|criticize|criticise|condemn|blame|denounce|allege|"
      "charge|sue|investigate|complain|object|decry|slam|fault|probe|indict|"
      "rebuke|deplore|lambast|berate|castigate|censure|prosecute|convict",
      // Rejections and refusals.
      "REJECT|reject|refuse|decline|deny|dismiss|veto|oppose|boycott|"
      "rebuff|snub|rule out|spurn|opt out|turn down|resist|defy|skip|"
      "brush aside|wave off|wave away|push back",
      // Threats and coercive warnings.
      "THREATEN|threaten|warn|menace|vow revenge",
      // Collective civilian protests.
      "PROTEST|protest|demonstrate|rally|march|riot|picket",
      // Reductions in existing relations.
      "SANCTION|sanction|expel|sever|embargo|ban|recall|downgrade|"
      "cut off|blacklist|penalize|penalise",
      // Military or police moves short of force.
      "MOBILIZE|mobilize|mobilise|deploy|amass|mass|patrol|reinforce|"
      "station|fortify|muster",
      // Repression, restrictions on rights, force short of violence.
      "COERCE|arrest|detain|deport|imprison|jail|seize|censor|confiscate|"
      "coerce|raid|crack down|round up|blockade|intimidate|restrict",
      // Uses of force.
      "ASSAULT|attack|strike|shell|bomb|kill|shoot|invade|assault|bombard|"
      "wound|injure|massacre|kidnap|abduct|assassinate|murder|torture|"
      "destroy|fire|storm|ambush|stab|behead|execute|slaughter|hit|"
      "occupy|capture|annex|beat|rape",
  }));
  return *kMap;
}

const Map& Nouns() {
  static const Map* const kMap = new Map(BuildMap({
      "AGREE|agreement|deal|accord|pact|promise|pledge|offer|proposal|"
      "invitation|commitment",
      "CONSULT|talks|meeting|summit|negotiation|negotiations|visit|"
      "discussion|discussions|consultation|consultations|conference|"
      "dialogue|dialog|mediation|call|session|round",
      "SUPPORT|endorsement|recognition|apology|ratification|signing",
      "CONCEDE|ceasefire|cease-fire|truce|armistice|concession|moratorium",
      "COOPERATE|cooperation|exchange|collaboration|extradition",
      "AID|aid|assistance|donation|rescue|evacuation|relief",
      "RETREAT|withdrawal|retreat|release|resignation|surrender|"
      "disarmament|pullout",
      "REQUEST|request|demand|appeal|ultimatum",
      "ACCUSE|accusation|allegation|criticism|condemnation|lawsuit|"
      "investigation|probe|indictment|charges|complaint|trial",
      "REJECT|rejection|refusal|denial|veto|boycott",
      "THREATEN|threat|warning",
      "PROTEST|protest|protests|demonstration|rally|march|riot|strike",
      "SANCTION|sanctions|sanction|embargo|ban|expulsion",
      "MOBILIZE|mobilization|mobilisation|deployment|buildup|build-up|"
      "exercise|exercises|drills|maneuvers|manoeuvres",
      "COERCE|arrest|arrests|detention|crackdown|raid|deportation|curfew|"
      "blockade|seizure",
      "ASSAULT|attack|attacks|airstrike|airstrikes|strike|bombing|shelling|"
      "invasion|assault|offensive|shooting|killing|massacre|bombardment|"
      "ambush|assassination|murder|war|fighting|clashes|clash|explosion|"
      "blast|incursion",
      "-|election|elections|vote|referendum|trip|tour|ceremony|"
      "inauguration|earthquake|storm|fire|crash|accident|death|funeral|"
      "launch|trial|hearing|announcement|speech|interview|visit",
  }));
  return *kMap;
}

}  // namespace

std::string_view VerbCategory(std::string_view lemma) {
  auto it = Verbs().find(lemma);
  return it == Verbs().end() ? std::string_view() : it->second;
}

std::string_view NounCategory(std::string_view lemma) {
  auto it = Nouns().find(lemma);
  return it == Nouns().end() ? std::string_view() : it->second;
}

bool FindControl(std::string_view lemma, Control* out) {
  struct Row {
    std::string_view word;
    Control c;
  };
  using M = Modality;
  static constexpr Row kRows[] = {
      {"decline", {M::kRefused, false, false, false}},
      {"refuse", {M::kRefused, false, false, false}},
      {"unwilling", {M::kRefused, false, false, false}},
      {"reluctant", {M::kRefused, false, false, false}},
      {"deny", {M::kDenied, false, false, false}},
      {"plan", {M::kPlanned, false, false, false}},
      {"intend", {M::kPlanned, false, false, false}},
      {"schedule", {M::kPlanned, false, false, false}},
      {"aim", {M::kPlanned, false, false, false}},
      {"set", {M::kPlanned, false, false, false}},
      {"due", {M::kPlanned, false, false, false}},
      {"prepare", {M::kPlanned, false, false, false}},
      {"want", {M::kPlanned, false, false, false}},
      {"seek", {M::kPlanned, false, false, true}},
      {"hope", {M::kPlanned, false, false, false}},
      {"wish", {M::kPlanned, false, false, false}},
      {"willing", {M::kPlanned, false, false, false}},
      {"ready", {M::kPlanned, false, false, false}},
      {"eager", {M::kPlanned, false, false, false}},
      {"decide", {M::kPlanned, false, false, false}},
      {"expect", {M::kWill, false, false, false}},
      {"go", {M::kWill, false, false, false}},
      {"about", {M::kWill, false, false, false}},
      {"promise", {M::kWill, false, false, true}},
      {"pledge", {M::kWill, false, false, true}},
      {"vow", {M::kWill, false, false, true}},
      {"agree", {M::kWill, false, false, true}},
      {"threaten", {M::kPossible, false, false, true}},
      {"likely", {M::kPossible, false, false, false}},
      {"unlikely", {M::kPossible, true, false, false}},
      {"able", {M::kPossible, false, false, false}},
      {"unable", {M::kHappened, true, false, false}},
      {"fail", {M::kHappened, true, false, false}},
      {"try", {M::kPossible, false, false, false}},
      {"attempt", {M::kPossible, false, false, false}},
      {"consider", {M::kPossible, false, false, false}},
      {"offer", {M::kPossible, false, false, true}},
      {"urge", {M::kPossible, false, true, true}},
      {"ask", {M::kPossible, false, true, true}},
      {"invite", {M::kPossible, false, true, true}},
      {"challenge", {M::kPossible, false, true, true}},
      {"call on", {M::kPossible, false, true, true}},
      {"press", {M::kPossible, false, true, true}},
      {"order", {M::kPossible, false, true, true}},
      {"tell", {M::kPossible, false, true, true}},
      {"encourage", {M::kPossible, false, true, true}},
      {"persuade", {M::kPossible, false, true, true}},
      {"allow", {M::kPossible, false, true, true}},
      {"force", {M::kPossible, false, true, true}},
      {"need", {M::kPossible, false, false, false}},
      {"have", {M::kPossible, false, false, false}},
  };
  for (const Row& r : kRows) {
    if (r.word == lemma) {
      *out = r.c;
      return true;
    }
  }
  return false;
}

bool ModalModality(std::string_view lemma, Modality* out) {
  if (lemma == "will" || lemma == "would" || lemma == "shall") {
    *out = Modality::kWill;
    return true;
  }
  if (lemma == "may" || lemma == "might" || lemma == "could" ||
      lemma == "can" || lemma == "should" || lemma == "must" ||
      lemma == "ought") {
    *out = Modality::kPossible;
    return true;
  }
  return false;
}

bool NounGovernor(std::string_view lemma, Modality* modality, bool* negates) {
  static const std::unordered_map<std::string_view, std::pair<Modality, bool>>
      kTable = {
          {"deny", {Modality::kDenied, false}},
          {"reject", {Modality::kRefused, false}},
          {"refuse", {Modality::kRefused, false}},
          {"decline", {Modality::kRefused, false}},
          {"rule out", {Modality::kRefused, false}},
          {"boycott", {Modality::kRefused, false}},
          {"snub", {Modality::kRefused, false}},
          {"skip", {Modality::kRefused, false}},
          {"opt out", {Modality::kRefused, false}},
          {"plan", {Modality::kPlanned, false}},
          {"schedule", {Modality::kPlanned, false}},
          {"propose", {Modality::kPlanned, false}},
          {"announce", {Modality::kPlanned, false}},
          {"offer", {Modality::kPlanned, false}},
          {"seek", {Modality::kPlanned, false}},
          {"want", {Modality::kPlanned, false}},
          {"suggest", {Modality::kPlanned, false}},
          {"prepare", {Modality::kPlanned, false}},
          {"call for", {Modality::kPlanned, false}},
          {"demand", {Modality::kPlanned, false}},
          {"request", {Modality::kPlanned, false}},
          {"urge", {Modality::kPlanned, false}},
          {"threaten", {Modality::kPossible, false}},
          {"postpone", {Modality::kPlanned, true}},
          {"cancel", {Modality::kPlanned, true}},
          {"call off", {Modality::kPlanned, true}},
      };
  auto it = kTable.find(lemma);
  if (it == kTable.end()) return false;
  *modality = it->second.first;
  *negates = it->second.second;
  return true;
}

bool TakesImplicitMeeting(std::string_view lemma) {
  return lemma == "attend" || lemma == "join" || lemma == "participate" ||
         lemma == "boycott" || lemma == "skip" || lemma == "host" ||
         lemma == "chair" || lemma == "take part";
}

bool IsLightVerb(std::string_view lemma) {
  static const std::unordered_set<std::string_view> kLight = {
      "be", "have", "do", "get", "seem", "appear", "become", "remain",
      "'s", "'re",  "'m", "'ve", "'d",   "let",    "stay"};
  return kLight.count(lemma) > 0;
}

}  // namespace events
}  // namespace dossier
