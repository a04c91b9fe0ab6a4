#include "clean/normalize.h"

#include <gtest/gtest.h>

namespace dossier::clean_internal {
namespace {

TEST(NormalizeTest, FoldsCaseAndPunctuation) {
  EXPECT_EQ(NormalizeForCompare("  Talks End — in OSLO!  "),
            "talks end in oslo");
}

TEST(NormalizeTest, TypedAndTypesetApostrophesAgree) {
  EXPECT_EQ(NormalizeForCompare("Don't miss out"),
            NormalizeForCompare("Don’t miss out"));
}

TEST(NormalizeTest, FoldsNonAsciiLetters) {
  EXPECT_EQ(NormalizeForCompare("ZÜRICH Café"), "zürich café");
}

TEST(NormalizeTest, ContainsWordsRespectsWordBoundaries) {
  EXPECT_TRUE(ContainsWords("the vote in oslo ended", "vote in oslo"));
  EXPECT_FALSE(ContainsWords("the vote in osloville ended", "vote in oslo"));
  EXPECT_FALSE(ContainsWords("devote in oslo", "vote in oslo"));
}

TEST(NormalizeTest, HashIsStable) {
  EXPECT_EQ(Fnv1a64(""), 14695981039346656037ull);
  EXPECT_EQ(Fnv1a64("a"), Fnv1a64("a"));
  EXPECT_NE(Fnv1a64("a"), Fnv1a64("b"));
}

}  // namespace
}  // namespace dossier::clean_internal
