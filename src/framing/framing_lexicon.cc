#include "framing/framing_lexicon.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace dossier {
namespace {

using Kind = FramingWordKind;

// Written by the dossier authors. Words are lower case; a word belongs to
// one class. Kept to words whose evaluative sense is by far the usual one
// in news prose (so "sound", "fair" or "deadly", which are mostly factual
// or neutral there, are left out).
constexpr std::pair<std::string_view, Kind> kWords[] = {
    // Approving evaluations.
    {"accomplished", Kind::kPositive},
    {"admirable", Kind::kPositive},
    {"astute", Kind::kPositive},
    {"bold", Kind::kPositive},
    {"boldly", Kind::kPositive},
    {"brave", Kind::kPositive},
    {"breakthrough", Kind::kPositive},
    {"brilliant", Kind::kPositive},
    {"commendable", Kind::kPositive},
    {"courageous", Kind::kPositive},
    {"decisive", Kind::kPositive},
    {"effective", Kind::kPositive},
    {"excellent", Kind::kPositive},
    {"exceptional", Kind::kPositive},
    {"glimmer", Kind::kPositive},
    {"heroic", Kind::kPositive},
    {"historic", Kind::kPositive},
    {"impressive", Kind::kPositive},
    {"inspiring", Kind::kPositive},
    {"landmark", Kind::kPositive},
    {"masterful", Kind::kPositive},
    {"meaningful", Kind::kPositive},
    {"outstanding", Kind::kPositive},
    {"peacemaker", Kind::kPositive},
    {"principled", Kind::kPositive},
    {"productive", Kind::kPositive},
    {"promising", Kind::kPositive},
    {"remarkable", Kind::kPositive},
    {"resilient", Kind::kPositive},
    {"savvy", Kind::kPositive},
    {"skilful", Kind::kPositive},
    {"skillful", Kind::kPositive},
    {"stellar", Kind::kPositive},
    {"strong", Kind::kPositive},
    {"successful", Kind::kPositive},
    {"tireless", Kind::kPositive},
    {"triumph", Kind::kPositive},
    {"unique", Kind::kPositive},
    {"visionary", Kind::kPositive},
    {"wise", Kind::kPositive},
    // Disapproving evaluations.
    {"absurd", Kind::kNegative},
    {"appalling", Kind::kNegative},
    {"arrogant", Kind::kNegative},
    {"atrocious", Kind::kNegative},
    {"awful", Kind::kNegative},
    {"baseless", Kind::kNegative},
    {"bizarre", Kind::kNegative},
    {"botched", Kind::kNegative},
    {"brutal", Kind::kNegative},
    {"callous", Kind::kNegative},
    {"catastrophic", Kind::kNegative},
    {"chaos", Kind::kNegative},
    {"chaotic", Kind::kNegative},
    {"corrupt", Kind::kNegative},
    {"cowardly", Kind::kNegative},
    {"cruel", Kind::kNegative},
    {"debacle", Kind::kNegative},
    {"deceitful", Kind::kNegative},
    {"desperate", Kind::kNegative},
    {"devastating", Kind::kNegative},
    {"disastrous", Kind::kNegative},
    {"disgraceful", Kind::kNegative},
    {"dishonest", Kind::kNegative},
    {"disingenuous", Kind::kNegative},
    {"embarrassing", Kind::kNegative},
    {"euphemism", Kind::kNegative},
    {"excuses", Kind::kNegative},
    {"failed", Kind::kNegative},
    {"farce", Kind::kNegative},
    {"feckless", Kind::kNegative},
    {"fiasco", Kind::kNegative},
    {"flawed", Kind::kNegative},
    {"foolish", Kind::kNegative},
    {"hapless", Kind::kNegative},
    {"hardened", Kind::kNegative},
    {"horrific", Kind::kNegative},
    {"humiliating", Kind::kNegative},
    {"hypocritical", Kind::kNegative},
    {"incompetent", Kind::kNegative},
    {"inept", Kind::kNegative},
    {"intransigence", Kind::kNegative},
    {"intransigent", Kind::kNegative},
    {"irresponsible", Kind::kNegative},
    {"laughable", Kind::kNegative},
    {"meaningless", Kind::kNegative},
    {"misguided", Kind::kNegative},
    {"naive", Kind::kNegative},
    {"outrageous", Kind::kNegative},
    {"pathetic", Kind::kNegative},
    {"ploy", Kind::kNegative},
    {"pointless", Kind::kNegative},
    {"propaganda", Kind::kNegative},
    {"reckless", Kind::kNegative},
    {"ridiculous", Kind::kNegative},
    {"ruthless", Kind::kNegative},
    {"shameful", Kind::kNegative},
    {"shocking", Kind::kNegative},
    {"sidelined", Kind::kNegative},
    {"sinister", Kind::kNegative},
    {"stubborn", Kind::kNegative},
    {"stunt", Kind::kNegative},
    {"terrible", Kind::kNegative},
    {"thuggish", Kind::kNegative},
    {"toxic", Kind::kNegative},
    {"tragic", Kind::kNegative},
    {"unhinged", Kind::kNegative},
    {"weak", Kind::kNegative},
    {"woeful", Kind::kNegative},
    {"worst", Kind::kNegative},
    // Emphasis.
    {"absolutely", Kind::kIntensifier},
    {"completely", Kind::kIntensifier},
    {"deeply", Kind::kIntensifier},
    {"dramatically", Kind::kIntensifier},
    {"enormous", Kind::kIntensifier},
    {"enormously", Kind::kIntensifier},
    {"entirely", Kind::kIntensifier},
    {"extraordinarily", Kind::kIntensifier},
    {"extraordinary", Kind::kIntensifier},
    {"extremely", Kind::kIntensifier},
    {"fiercely", Kind::kIntensifier},
    {"forceful", Kind::kIntensifier},
    {"forcefully", Kind::kIntensifier},
    {"high-stakes", Kind::kIntensifier},
    {"highly", Kind::kIntensifier},
    {"hugely", Kind::kIntensifier},
    {"immense", Kind::kIntensifier},
    {"incredibly", Kind::kIntensifier},
    {"massive", Kind::kIntensifier},
    {"massively", Kind::kIntensifier},
    {"profoundly", Kind::kIntensifier},
    {"remarkably", Kind::kIntensifier},
    {"staggering", Kind::kIntensifier},
    {"strikingly", Kind::kIntensifier},
    {"totally", Kind::kIntensifier},
    {"tremendous", Kind::kIntensifier},
    {"tremendously", Kind::kIntensifier},
    {"truly", Kind::kIntensifier},
    {"utterly", Kind::kIntensifier},
    {"vastly", Kind::kIntensifier},
    {"very", Kind::kIntensifier},
    {"wildly", Kind::kIntensifier},
    // Predictions and speculation.
    // Epistemic stance: the author vouching for a claim.
    {"certainly", Kind::kHedge},
    {"clear", Kind::kHedge},
    {"clearly", Kind::kHedge},
    {"finally", Kind::kHedge},
    {"obviously", Kind::kHedge},
    {"surely", Kind::kHedge},
    {"undeniably", Kind::kHedge},
    {"undoubtedly", Kind::kHedge},
    {"apparently", Kind::kHedge},
    {"appear", Kind::kHedge},
    {"appears", Kind::kHedge},
    {"arguably", Kind::kHedge},
    {"could", Kind::kHedge},
    {"likely", Kind::kHedge},
    {"may", Kind::kHedge},
    {"maybe", Kind::kHedge},
    {"might", Kind::kHedge},
    {"perhaps", Kind::kHedge},
    {"poised", Kind::kHedge},
    {"possibly", Kind::kHedge},
    {"potential", Kind::kHedge},
    {"potentially", Kind::kHedge},
    {"presumably", Kind::kHedge},
    {"probably", Kind::kHedge},
    {"seem", Kind::kHedge},
    {"seems", Kind::kHedge},
    {"signaling", Kind::kHedge},
    {"signalling", Kind::kHedge},
    {"signals", Kind::kHedge},
    {"unlikely", Kind::kHedge},
    // What ought to be.
    {"must", Kind::kNormative},
    {"ought", Kind::kNormative},
    {"should", Kind::kNormative},
    // Charged verbs.
    {"bashed", Kind::kLoadedVerb},
    {"blasted", Kind::kLoadedVerb},
    {"blasts", Kind::kLoadedVerb},
    {"boasted", Kind::kLoadedVerb},
    {"boasts", Kind::kLoadedVerb},
    {"bragged", Kind::kLoadedVerb},
    {"brushed", Kind::kLoadedVerb},
    {"caved", Kind::kLoadedVerb},
    {"dodged", Kind::kLoadedVerb},
    {"ducked", Kind::kLoadedVerb},
    {"fumed", Kind::kLoadedVerb},
    {"hammered", Kind::kLoadedVerb},
    {"lashed", Kind::kLoadedVerb},
    {"mocked", Kind::kLoadedVerb},
    {"peddled", Kind::kLoadedVerb},
    {"railed", Kind::kLoadedVerb},
    {"ranted", Kind::kLoadedVerb},
    {"rebuked", Kind::kLoadedVerb},
    {"ripped", Kind::kLoadedVerb},
    {"scolded", Kind::kLoadedVerb},
    {"scrambled", Kind::kLoadedVerb},
    {"scrambling", Kind::kLoadedVerb},
    {"slammed", Kind::kLoadedVerb},
    {"slams", Kind::kLoadedVerb},
    {"smeared", Kind::kLoadedVerb},
    {"snubbed", Kind::kLoadedVerb},
    {"spewed", Kind::kLoadedVerb},
    {"torched", Kind::kLoadedVerb},
    {"touted", Kind::kLoadedVerb},
    {"trashed", Kind::kLoadedVerb},
    {"whined", Kind::kLoadedVerb},
};

const std::vector<std::pair<std::string_view, Kind>>& Table() {
  static const auto* const kTable = [] {
    auto* t = new std::vector<std::pair<std::string_view, Kind>>(
        std::begin(kWords), std::end(kWords));
    std::sort(t->begin(), t->end());
    return t;
  }();
  return *kTable;
}

}  // namespace

FramingWordKind LookupFramingWord(std::string_view word) {
  char buf[24];
  if (word.size() < 2 || word.size() > sizeof(buf)) return Kind::kNone;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    buf[i] = c;
  }
  const std::string_view key(buf, word.size());
  const auto& t = Table();
  auto it = std::lower_bound(t.begin(), t.end(), key,
                             [](const std::pair<std::string_view, Kind>& e,
                                std::string_view k) { return e.first < k; });
  return it != t.end() && it->first == key ? it->second : Kind::kNone;
}

}  // namespace dossier
