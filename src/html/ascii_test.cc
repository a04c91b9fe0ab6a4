#include "html/ascii.h"

#include <gtest/gtest.h>

namespace dossier::ascii {
namespace {

TEST(AsciiTest, HtmlSpacesAreTheFiveHtmlSpaceCharacters) {
  for (char c : {' ', '\t', '\n', '\r', '\f'}) EXPECT_TRUE(IsHtmlSpace(c));
  for (char c : {'\v', 'a', '\0', '\xa0'}) EXPECT_FALSE(IsHtmlSpace(c));
}

TEST(AsciiTest, SameBytesComparesLengthAndBytes) {
  EXPECT_TRUE(SameBytes("div", "div"));
  EXPECT_FALSE(SameBytes("div", "dig"));
  EXPECT_FALSE(SameBytes("div", "divs"));
  EXPECT_TRUE(SameBytes("", ""));
}

TEST(AsciiTest, CaseInsensitiveMatchesFoldAsciiOnly) {
  EXPECT_TRUE(StartsWithCi("<META charset", 1, "meta"));
  EXPECT_FALSE(StartsWithCi("<ME", 1, "meta"));
  EXPECT_FALSE(StartsWithCi("x", 2, "a"));
  EXPECT_TRUE(EqualsCi("ArticleBody", "articlebody"));
  EXPECT_FALSE(EqualsCi("ArticleBodyX", "articlebody"));
  EXPECT_TRUE(ContainsCi("type=\"application/LD+JSON\"", "ld+json"));
  // Non-ASCII bytes compare as they are.
  EXPECT_FALSE(EqualsCi("\xc3\x89T\xc3\x89", "\xc3\xa9t\xc3\xa9"));
}

TEST(AsciiTest, FindCloseCountsNestedElementsOfTheSameName) {
  std::string_view s = "<svg><g><svg></svg></g></SVG> after";
  EXPECT_EQ(FindClose(s, 5, "svg"), s.find("</SVG>"));
  // A longer name that starts with the tag is not the tag.
  EXPECT_EQ(FindClose("<svgx></svgx>", 6, "svg"), std::string_view::npos);
}

}  // namespace
}  // namespace dossier::ascii
