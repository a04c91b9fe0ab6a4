#include "kb/offices.h"

#include <algorithm>
#include <array>
#include <vector>

namespace dossier::kb {
namespace {

// phrase -> canonical office. Both folded (lower case, hyphens as spaces).
constexpr OfficePhrase kTable[] = {
    // Heads of state and government.
    {"president", "president"},
    {"head of state", "president"},
    {"vice president", "vice president"},
    {"vice presidential", "vice president"},
    {"prime minister", "prime minister"},
    {"premier", "prime minister"},
    {"pm", "prime minister"},
    {"head of government", "prime minister"},
    {"deputy prime minister", "deputy prime minister"},
    {"first deputy prime minister", "first deputy prime minister"},
    {"chancellor", "chancellor"},
    {"federal chancellor", "chancellor"},
    {"vice chancellor", "vice chancellor"},
    {"king", "monarch"},
    {"queen", "monarch"},
    {"monarch", "monarch"},
    {"emperor", "monarch"},
    {"crown prince", "crown prince"},
    {"supreme leader", "supreme leader"},
    // Foreign affairs.
    {"foreign minister", "foreign minister"},
    {"foreign affairs minister", "foreign minister"},
    {"minister of foreign affairs", "foreign minister"},
    {"minister for foreign affairs", "foreign minister"},
    {"minister of external affairs", "foreign minister"},
    {"external affairs minister", "foreign minister"},
    {"foreign secretary", "foreign minister"},
    {"secretary of state", "foreign minister"},
    {"secretary of state for foreign affairs", "foreign minister"},
    {"top diplomat", "foreign minister"},
    {"chief diplomat", "foreign minister"},
    {"foreign policy chief", "high representative"},
    {"high representative", "high representative"},
    // Defence.
    {"defence minister", "defence minister"},
    {"defense minister", "defence minister"},
    {"minister of defence", "defence minister"},
    {"minister of defense", "defence minister"},
    {"minister for defence", "defence minister"},
    {"minister of national defense", "defence minister"},
    {"minister of national defence", "defence minister"},
    {"defence secretary", "defence minister"},
    {"defense secretary", "defence minister"},
    {"secretary of defense", "defence minister"},
    {"secretary of defence", "defence minister"},
    {"secretary of state for defence", "defence minister"},
    {"secretary of war", "defence minister"},
    {"war secretary", "defence minister"},
    {"defence chief", "defence minister"},
    {"defense chief", "defence minister"},
    // Organisations.
    {"secretary general", "secretary general"},
    {"sec gen", "secretary general"},
    {"director general", "director general"},
    {"managing director", "managing director"},
    {"chair", "chair"},
    {"chairman", "chair"},
    {"chairwoman", "chair"},
    {"chairperson", "chair"},
    {"chief prosecutor", "prosecutor"},
    {"prosecutor", "prosecutor"},
    // Staff and spokespeople.
    {"spokesperson", "spokesperson"},
    {"spokesman", "spokesperson"},
    {"spokeswoman", "spokesperson"},
    {"press secretary", "spokesperson"},
    {"chief of staff", "chief of staff"},
    {"head of the presidential office", "chief of staff"},
    {"head of the presidential administration", "chief of staff"},
    {"national security adviser", "national security adviser"},
    {"national security advisor", "national security adviser"},
    {"aide", "aide"},
    {"presidential aide", "aide"},
    {"adviser", "adviser"},
    {"advisor", "adviser"},
    {"envoy", "envoy"},
    {"special envoy", "envoy"},
    {"negotiator", "negotiator"},
    {"chief negotiator", "negotiator"},
    {"top negotiator", "negotiator"},
    {"secretary of the security council", "security council secretary"},
    {"security council secretary", "security council secretary"},
    {"speaker", "speaker"},
    {"party leader", "party leader"},
    {"opposition leader", "opposition leader"},
    // "X leader", "X chief", "X head": the entity's `leader` office.
    {"leader", kLeaderOffice},
    {"chief", kLeaderOffice},
    {"head", kLeaderOffice},
};

std::vector<OfficePhrase> SortedPhrases() {
  std::vector<OfficePhrase> v(std::begin(kTable), std::end(kTable));
  std::stable_sort(v.begin(), v.end(),
                   [](const OfficePhrase& a, const OfficePhrase& b) {
                     return a.phrase.size() > b.phrase.size();
                   });
  return v;
}

}  // namespace

std::span<const OfficePhrase> OfficePhrases() {
  static const std::vector<OfficePhrase>* const phrases =
      new std::vector<OfficePhrase>(SortedPhrases());
  return *phrases;
}

std::string_view CanonicalOffice(std::string_view folded) {
  for (const OfficePhrase& p : kTable) {
    if (p.phrase == folded) return p.canonical;
  }
  return folded;
}

}  // namespace dossier::kb
