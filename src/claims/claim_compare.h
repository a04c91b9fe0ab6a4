// CompareClaims: do two statements from different sources agree, contradict
// each other, or concern different things?
//
// A first, lexical comparator: statements are related when they share
// enough content words (light stemming) or names; related statements
// contradict when one negates or rejects what the other asserts (negation,
// rejection verbs, "no evidence"), when they pair opposite words
// (increase/decrease, accepted/rejected, will/won't), or when they give
// different numbers in otherwise matching wording; otherwise they agree.
// Used by the claims evaluation (ClaimDiff) and, later, by the corpus
// stage that aligns statements within a story. English word lists.
// Thread-safety: pure functions over their arguments; tables are constant.
#ifndef DOSSIER_CLAIMS_CLAIM_COMPARE_H_
#define DOSSIER_CLAIMS_CLAIM_COMPARE_H_

#include <string>
#include <string_view>

namespace dossier {

enum class ClaimRelation { kNone, kAgreement, kContradiction };

// "none", "agreement", "contradiction".
std::string_view ClaimRelationName(ClaimRelation r);

struct ClaimComparison {
  ClaimRelation relation = ClaimRelation::kNone;
  double overlap = 0;    // shared content stems / the shorter's stems
  int shared_names = 0;  // capitalized words both use
  std::string why;       // what decided it, in a few words
};

struct ClaimCompareOptions {
  double related_overlap = 0.1;  // overlap that makes statements related
  double name_overlap = 0.05;    // ... when they share a name
};

ClaimComparison CompareClaims(std::string_view a, std::string_view b,
                              const ClaimCompareOptions& opts = {});

}  // namespace dossier

#endif  // DOSSIER_CLAIMS_CLAIM_COMPARE_H_
