#include "text/abbreviations.h"

#include <gtest/gtest.h>

namespace dossier::text_internal {
namespace {

TEST(AbbreviationsTest, TitlesAndMonthsAreWordsThatKeepTheirPeriod) {
  for (std::string_view w : {"Gen", "Sen", "Mme", "Del", "Sept", "Oct"}) {
    EXPECT_TRUE(IsAbbrevWord(w)) << w;
  }
  EXPECT_TRUE(IsTitleAbbrev("Gov"));
  EXPECT_TRUE(IsMonthAbbrev("Sept"));
  EXPECT_FALSE(IsTitleAbbrev("Sept"));
}

TEST(AbbreviationsTest, NameAndCompanySuffixesAreNoTitles) {
  EXPECT_TRUE(IsAbbrevWord("Inc"));
  EXPECT_TRUE(IsAbbrevWord("Jr"));
  EXPECT_FALSE(IsTitleAbbrev("Inc"));
  EXPECT_FALSE(IsAbbrevWord("inc"));  // as written
  EXPECT_FALSE(IsAbbrevWord("The"));
}

}  // namespace
}  // namespace dossier::text_internal
