#include "claims/claim_compare.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

TEST(CompareClaimsTest, SameFactInOtherWordsAgrees) {
  ClaimComparison c = CompareClaims(
      "Mayor Tomas Eberle will travel to Caldera on Thursday for the talks.",
      "Eberle is expected to travel to Caldera for Thursday's talks.");
  EXPECT_EQ(c.relation, ClaimRelation::kAgreement) << c.why;
  EXPECT_GT(c.overlap, 0.5);
}

TEST(CompareClaimsTest, NegatedCounterpartContradicts) {
  ClaimComparison c =
      CompareClaims("Mayor Tomas Eberle will attend the Caldera talks.",
                    "Mayor Tomas Eberle will not attend the Caldera talks.");
  EXPECT_EQ(c.relation, ClaimRelation::kContradiction) << c.why;
}

TEST(CompareClaimsTest, RejectionContradictsAcceptance) {
  ClaimComparison c =
      CompareClaims("The Varna council accepted the ferry contract on Monday.",
                    "The Varna council rejected the ferry contract on Monday.");
  EXPECT_EQ(c.relation, ClaimRelation::kContradiction) << c.why;
}

TEST(CompareClaimsTest, DifferentNumbersContradict) {
  ClaimComparison c = CompareClaims(
      "The storm destroyed 40 houses in Tessby, officials said.",
      "The storm destroyed 400 houses in Tessby, officials said.");
  EXPECT_EQ(c.relation, ClaimRelation::kContradiction) << c.why;
}

TEST(CompareClaimsTest, UnrelatedStatementsAreNone) {
  ClaimComparison c =
      CompareClaims("The Varna council accepted the ferry contract on Monday.",
                    "Farmers in the north expect a late harvest this year.");
  EXPECT_EQ(c.relation, ClaimRelation::kNone) << c.why;
}

}  // namespace
}  // namespace dossier
