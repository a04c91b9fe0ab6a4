// The office vocabulary of the knowledge base: canonical office names and
// the English phrasings that news text uses for them.
//
// Contract: CanonicalOffice maps a folded phrase (kb/fold.h) such as
// "defense secretary", "minister of foreign affairs" or "top diplomat" to the
// folded canonical office ("defence minister", "foreign minister"); a phrase
// that is not in the table is its own canonical office, so data may use
// offices the table does not know ("governor"). The phrases "leader",
// "chief" and "head" map to kLeaderOffice: the office is then the
// `leader` field of the country or organisation named with it.
// OfficePhrases lists every phrase, longest first, for descriptor parsing.
// Thread-safety: constant data only.
#ifndef DOSSIER_KB_OFFICES_H_
#define DOSSIER_KB_OFFICES_H_

#include <span>
#include <string_view>

namespace dossier::kb {

// The pseudo-office for "leader", "chief", "head".
inline constexpr std::string_view kLeaderOffice = "@leader";

struct OfficePhrase {
  std::string_view phrase;     // folded, e.g. "secretary of state"
  std::string_view canonical;  // folded, e.g. "foreign minister"
};

// All phrases, longest first (ties in table order).
std::span<const OfficePhrase> OfficePhrases();

// The canonical office of a folded phrase; `folded` itself when unknown.
std::string_view CanonicalOffice(std::string_view folded);

}  // namespace dossier::kb

#endif  // DOSSIER_KB_OFFICES_H_
