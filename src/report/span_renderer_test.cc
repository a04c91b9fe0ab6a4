#include "report/span_renderer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dossier {
namespace {

MarkupSpan Tag(uint32_t start, uint32_t end, const std::string& name) {
  MarkupSpan m;
  m.span = Span{start, end};
  m.open = "<" + name + ">";
  m.close = "</" + name + ">";
  return m;
}

std::string Render(std::string_view text, std::vector<MarkupSpan> spans,
                   Span range = Span{0, 1u << 30}) {
  std::string out;
  RenderSpans(text, range, spans, RenderOptions{}, out);
  return out;
}

TEST(HtmlEscapeTest, EscapesAllFiveSpecialCharacters) {
  EXPECT_EQ(HtmlEscape("a&b<c>d\"e'f"), "a&amp;b&lt;c&gt;d&quot;e&#39;f");
}

TEST(HtmlEscapeTest, LeavesOtherTextAndUtf8Alone) {
  EXPECT_EQ(HtmlEscape("Caf\xC3\xA9 in Norland"), "Caf\xC3\xA9 in Norland");
  EXPECT_EQ(HtmlEscape(""), "");
}

TEST(RenderSpansTest, PlainTextIsEscaped) {
  EXPECT_EQ(Render("1 < 2 & 3", {}), "1 &lt; 2 &amp; 3");
}

TEST(RenderSpansTest, NestedSpansNestInOrder) {
  // "Mara Velden" inside a quote.
  EXPECT_EQ(Render("say Mara Velden now", {Tag(0, 19, "q"), Tag(4, 15, "e")}),
            "<q>say <e>Mara Velden</e> now</q>");
}

TEST(RenderSpansTest, CrossingSpansAreSplitAndStayBalanced) {
  // a: [0,6) "abcdef", b: [3,9) "defghi" cross at 3..6.
  EXPECT_EQ(Render("abcdefghi", {Tag(0, 6, "a"), Tag(3, 9, "b")}),
            "<a>abc<b>def</b></a><b>ghi</b>");
}

TEST(RenderSpansTest, LongerSpanEnclosesShorterAtSameStart) {
  EXPECT_EQ(Render("abcdef", {Tag(0, 3, "s"), Tag(0, 6, "l")}),
            "<l><s>abc</s>def</l>");
}

TEST(RenderSpansTest, EarlierListedSpanEnclosesAtEqualExtent) {
  EXPECT_EQ(Render("abc", {Tag(0, 3, "q"), Tag(0, 3, "e")}),
            "<q><e>abc</e></q>");
}

TEST(RenderSpansTest, AdjacentSpansDoNotNest) {
  EXPECT_EQ(Render("abcd", {Tag(0, 2, "x"), Tag(2, 4, "y")}),
            "<x>ab</x><y>cd</y>");
}

TEST(RenderSpansTest, ReopenedPieceUsesTheReopenTag) {
  MarkupSpan q = Tag(0, 6, "q");
  q.open = "<q id=\"q1\">";
  q.reopen = "<q>";
  EXPECT_EQ(Render("abcdefgh", {Tag(2, 4, "x"), q}),
            "<q id=\"q1\">ab<x>cd</x>ef</q>gh");
  // Crossing from the other side: the quote is split, only its first piece
  // carries the id.
  EXPECT_EQ(Render("abcdefgh", {Tag(0, 3, "x"), Tag(0, 8, "w"), q}),
            "<w><q id=\"q1\"><x>abc</x>def</q>gh</w>");
  MarkupSpan q2 = q;
  q2.span = Span{2, 6};
  EXPECT_EQ(Render("abcdefgh", {Tag(0, 4, "x"), q2}),
            "<x>ab<q id=\"q1\">cd</q></x><q>ef</q>gh");
}

TEST(RenderSpansTest, SpansAreClippedToTheRange) {
  EXPECT_EQ(Render("one two three", {Tag(0, 7, "a")}, Span{4, 13}),
            "<a>two</a> three");
}

TEST(RenderSpansTest, OutOfRangeAndEmptySpansAreDropped) {
  EXPECT_EQ(Render("abc", {Tag(2, 99, "a"), Tag(50, 60, "b"), Tag(1, 1, "c")}),
            "ab<a>c</a>");
}

TEST(RenderSpansTest, OffsetsInsideACharacterMoveToItsEnd) {
  // "é" is two bytes; a span starting at its second byte must not split it.
  std::string out = Render("x\xC3\xA9y", {Tag(2, 4, "a")});
  EXPECT_EQ(out, "x\xC3\xA9<a>y</a>");
}

TEST(RenderSpansTest, NewlinesBecomeLineBreaks) {
  EXPECT_EQ(Render("a\nb", {}), "a<br>\nb");
}

TEST(RenderSpansTest, StartedStateCarriesAcrossCalls) {
  MarkupSpan q = Tag(0, 7, "q");
  q.open = "<q id=\"q1\">";
  q.reopen = "<q>";
  std::vector<MarkupSpan> spans = {q};
  std::vector<char> started;
  std::string first, second;
  RenderSpans("abc\n\ndef", Span{0, 3}, spans, RenderOptions{}, first,
              &started);
  RenderSpans("abc\n\ndef", Span{5, 8}, spans, RenderOptions{}, second,
              &started);
  EXPECT_EQ(first, "<q id=\"q1\">abc</q>");
  EXPECT_EQ(second, "<q>de</q>f");
}

TEST(RenderSpansTest, ManyCrossingSpansAlwaysBalance) {
  std::string text(60, 'x');
  std::vector<MarkupSpan> spans;
  for (uint32_t i = 0; i < 20; ++i) {
    spans.push_back(Tag(i * 2, i * 2 + 7 + (i % 5) * 3, "span"));
  }
  std::string out = Render(text, spans);
  int depth = 0;
  for (size_t at = out.find('<'); at != std::string::npos;
       at = out.find('<', at + 1)) {
    depth += out.compare(at, 2, "</") == 0 ? -1 : 1;
    ASSERT_GE(depth, 0) << out;
  }
  EXPECT_EQ(depth, 0);
  // The text itself survives intact.
  std::string plain;
  bool in_tag = false;
  for (char c : out) {
    if (c == '<') in_tag = true;
    if (!in_tag) plain += c;
    if (c == '>') in_tag = false;
  }
  EXPECT_EQ(plain, text);
}

}  // namespace
}  // namespace dossier
