#include "html/tree.h"

#include <gtest/gtest.h>

#include <string>

namespace dossier {
namespace {

std::string Tree(std::string_view html) { return ParseHtml(html).DebugString(); }

TEST(HtmlTreeTest, ImpliesHtmlHeadAndBody) {
  EXPECT_EQ(Tree("<title>Harbour news</title><p>Boats"),
            "<html>\n  <head>\n    <title>\n      \"Harbour news\"\n"
            "  <body>\n    <p>\n      \"Boats\"\n");
}

TEST(HtmlTreeTest, BodyStartTagClosesHead) {
  EXPECT_EQ(Tree("<html><head><title>t<body>x"),
            "<html>\n  <head>\n    <title>\n      \"t\"\n  <body>\n"
            "    \"x\"\n");
}

TEST(HtmlTreeTest, ParagraphClosesParagraph) {
  EXPECT_EQ(Tree("<body><p>one<p>two"),
            "<html>\n  <body>\n    <p>\n      \"one\"\n    <p>\n"
            "      \"two\"\n");
}

TEST(HtmlTreeTest, ListItemClosesListItemButNestedListsNest) {
  EXPECT_EQ(Tree("<body><ul><li>a<ul><li>b</ul>c"),
            "<html>\n  <body>\n    <ul>\n      <li>\n        \"a\"\n"
            "        <ul>\n          <li>\n            \"b\"\n"
            "        \"c\"\n");
}

TEST(HtmlTreeTest, CellStartClosesOpenSpan) {
  EXPECT_EQ(Tree("<body><table><tr><td><span>a<td>b"),
            "<html>\n  <body>\n    <table>\n      <tr>\n        <td>\n"
            "          <span>\n            \"a\"\n        <td>\n"
            "          \"b\"\n");
}

TEST(HtmlTreeTest, DivEndTagDoesNotCloseAnOpenCell) {
  EXPECT_EQ(Tree("<body><div><table><tr><td>a</div>b"),
            "<html>\n  <body>\n    <div>\n      <table>\n        <tr>\n"
            "          <td>\n            \"ab\"\n");
}

TEST(HtmlTreeTest, UnmatchedEndTagIsIgnored) {
  EXPECT_EQ(Tree("<body><p>a</span>b"),
            "<html>\n  <body>\n    <p>\n      \"ab\"\n");
}

TEST(HtmlTreeTest, VoidAndSelfClosingElementsHaveNoChildren) {
  EXPECT_EQ(Tree("<body><br>a<img/>b<div/>c"),
            "<html>\n  <body>\n    <br>\n    \"a\"\n    <img>\n"
            "    \"b\"\n    <div>\n    \"c\"\n");
}

TEST(HtmlTreeTest, TextAfterBodyEndStaysInBody) {
  EXPECT_EQ(Tree("<body><p>a</p></body></html>tail"),
            "<html>\n  <body>\n    <p>\n      \"a\"\n    \"tail\"\n");
}

TEST(HtmlTreeTest, TextInHeadOpensParagraphInBody) {
  EXPECT_EQ(Tree("<head>stray<meta>"),
            "<html>\n  <head>\n  <body>\n    <p>\n      \"stray\"\n      <meta>\n");
}

TEST(HtmlTreeTest, NamedEntitiesNeedTheSemicolon) {
  EXPECT_EQ(Tree("<p>&amp;&lt;&eacute;&nbsp;|&amp x&bogus;"),
            "<html>\n  <body>\n    <p>\n      \"&<\xC3\xA9\xC2\xA0|&amp "
            "x&bogus;\"\n");
}

TEST(HtmlTreeTest, NumericReferencesDecodeAndInvalidOnesVanish) {
  EXPECT_EQ(Tree("<p>&#65;&#x42;&#0;&#67x"),
            "<html>\n  <body>\n    <p>\n      \"ABCx\"\n");
}

TEST(HtmlTreeTest, AttributeValuesAreDecodedAndNamesLowercased) {
  EXPECT_EQ(Tree("<DIV Class='a&amp;b' ID=main hidden>x"),
            "<html>\n  <body>\n    <div class=\"a&b\" id=\"main\" "
            "hidden=\"\">\n      \"x\"\n");
}

TEST(HtmlTreeTest, QuotedAttributeMayHoldAngleBracket) {
  EXPECT_EQ(Tree("<p title=\"a>b\">x"),
            "<html>\n  <body>\n    <p title=\"a>b\">\n      \"x\"\n");
}

TEST(HtmlTreeTest, AttributeFilterDropsOthers) {
  HtmlParseOptions opts;
  opts.keep_attribute = [](std::string_view, std::string_view a) {
    return a == "class";
  };
  EXPECT_EQ(ParseHtml("<p class=c href=h>x", opts).DebugString(),
            "<html>\n  <body>\n    <p class=\"c\">\n      \"x\"\n");
}

TEST(HtmlTreeTest, ScriptAndStyleContentIsSkipped) {
  EXPECT_EQ(Tree("<body><script>var a = '<p>';</script><style>p{}</style>x"),
            "<html>\n  <body>\n    <script>\n    <style>\n    \"x\"\n");
}

TEST(HtmlTreeTest, JsonLdScriptKeepsItsTextRaw) {
  EXPECT_EQ(Tree("<script type=\"application/ld+json\">{\"a\":\"&amp;\"}"
                 "</script>"),
            "<html>\n  <head>\n    <script type=\"application/ld+json\">\n"
            "      \"{\"a\":\"&amp;\"}\"\n");
}

TEST(HtmlTreeTest, SvgContentIsSkipped) {
  EXPECT_EQ(Tree("<body><svg><svg><text>no</text></svg></svg>yes"),
            "<html>\n  <body>\n    <svg>\n    \"yes\"\n");
}

TEST(HtmlTreeTest, CommentsAndDoctypeAreSkippedAndTextAroundThemJoins) {
  EXPECT_EQ(Tree("<!DOCTYPE html><?xml x?><body>a<!-- <p>b --> c"),
            "<html>\n  <body>\n    \"a c\"\n");
}

TEST(HtmlTreeTest, UnclosedCommentSwallowsTheRest) {
  EXPECT_EQ(Tree("<body>a<!-- b"), "<html>\n  <body>\n    \"a\"\n");
}

TEST(HtmlTreeTest, LoneAngleBracketIsText) {
  EXPECT_EQ(Tree("<body>1 < 2 <3"), "<html>\n  <body>\n    \"1 < 2 <3\"\n");
}

TEST(HtmlTreeTest, NodesAreInPreOrderWithSubtreeEnds) {
  HtmlTree t = ParseHtml("<body><div><p>a</p><p>b</p></div><p>c");
  ASSERT_GT(t.size(), 0u);
  for (int i = 0; i < static_cast<int>(t.size()); ++i) {
    const HtmlNode& n = t.node(i);
    if (n.parent >= 0) {
      EXPECT_LT(n.parent, i);
      EXPECT_LE(i, t.node(n.parent).end);
    }
    if (n.last_child >= 0) EXPECT_EQ(n.end, t.node(n.last_child).end);
  }
  EXPECT_EQ(t.node(t.root()).end, static_cast<int>(t.size()) - 1);
}

TEST(HtmlTreeTest, DeepNestingIsCappedNotLost) {
  std::string html = "<body>";
  for (int i = 0; i < 5000; ++i) html += "<span>";
  html += "deep";
  HtmlTree t = ParseHtml(html);
  int depth = 0, text = -1;
  for (int i = 0; i < static_cast<int>(t.size()); ++i) {
    if (!t.node(i).is_element()) text = i;
  }
  ASSERT_GE(text, 0);
  EXPECT_EQ(t.node(text).text, "deep");
  for (int p = t.node(text).parent; p >= 0; p = t.node(p).parent) ++depth;
  EXPECT_EQ(depth, HtmlTree::kMaxDepth);
}

TEST(HtmlTreeTest, TextAroundManyCommentsIsOneNode) {
  std::string html = "<body>";
  for (int i = 0; i < 200000; ++i) html += "a<!---->";
  HtmlTree t = ParseHtml(html);
  int texts = 0;
  for (int i = 0; i < static_cast<int>(t.size()); ++i) {
    if (!t.node(i).is_element()) {
      ++texts;
      EXPECT_EQ(t.node(i).text.size(), 200000u);
    }
  }
  EXPECT_EQ(texts, 1);
}

TEST(HtmlTreeTest, StrayEndTagsUnderDeepNestingChangeNothing) {
  std::string html = "<body>";
  for (int i = 0; i < 600; ++i) html += "<div>";
  for (int i = 0; i < 100000; ++i) html += "</zz></p>";
  html += "x";
  HtmlTree t = ParseHtml(html);
  const int last = static_cast<int>(t.size()) - 1;
  ASSERT_GE(last, 0);
  EXPECT_EQ(t.node(last).text, "x");
  int depth = 0;
  for (int p = t.node(last).parent; p >= 0; p = t.node(p).parent) ++depth;
  EXPECT_EQ(depth, HtmlTree::kMaxDepth);
}

TEST(HtmlTreeTest, TagOpenAtTheEndIsDropped) {
  EXPECT_EQ(Tree("<body>a<div class=\"x"), "<html>\n  <body>\n    \"a\"\n");
}

TEST(HtmlTreeTest, EmptyInputGivesEmptyTree) {
  EXPECT_EQ(ParseHtml("").size(), 0u);
  EXPECT_EQ(ParseHtml("<!-- only -->").size(), 0u);
}

TEST(HtmlTreeTest, AttrReadsFirstValue) {
  HtmlTree t = ParseHtml("<p id=a id=b>x");
  int p = -1;
  for (int i = 0; i < static_cast<int>(t.size()); ++i) {
    if (t.node(i).name == "p") p = i;
  }
  ASSERT_GE(p, 0);
  EXPECT_EQ(t.Attr(p, "id"), "a");
  EXPECT_TRUE(t.HasAttr(p, "id"));
  EXPECT_FALSE(t.HasAttr(p, "class"));
  EXPECT_EQ(t.Attr(p, "class"), "");
}

}  // namespace
}  // namespace dossier
