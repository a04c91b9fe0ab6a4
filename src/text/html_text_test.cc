#include "text/html_text.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

std::string Text(std::string_view html) {
  StatusOr<std::string> t = HtmlToText(html);
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  return t.ok() ? *t : std::string();
}

TEST(HtmlToTextTest, BlocksAreSeparatedByBlankLines) {
  EXPECT_EQ(Text("<h2>Vote Delayed</h2><p>One.</p><div>Two.</div>"
                 "<ul><li>Three</li><li>Four</li></ul>"),
            "Vote Delayed\n\nOne.\n\nTwo.\n\nThree\n\nFour");
}

TEST(HtmlToTextTest, CollapsesWhitespaceInsideBlocks) {
  EXPECT_EQ(Text("<p>  The   port\n  of\tCaldera  </p>"),
            "The port of Caldera");
}

TEST(HtmlToTextTest, InlineElementsDoNotBreak) {
  EXPECT_EQ(Text("<p>Mara <em>Velden</em>, <a href='x'>minister</a>.</p>"),
            "Mara Velden, minister.");
}

TEST(HtmlToTextTest, BrSeparatesParagraphs) {
  EXPECT_EQ(Text("<p>First part<br>Second part</p>"),
            "First part\n\nSecond part");
}

TEST(HtmlToTextTest, DropsScriptStyleNavFooterAsideAndTitle) {
  EXPECT_EQ(Text("<html><head><title>T</title></head><body>"
                 "<script>a()</script><style>.x{}</style><noscript>n</noscript>"
                 "<nav>menu</nav><aside>ad</aside><p>Body.</p>"
                 "<footer>foot</footer></body></html>"),
            "Body.");
}

TEST(HtmlToTextTest, DecodesEntities) {
  EXPECT_EQ(Text("<p>Smith &amp; Sons &mdash; &#8220;fine&#8221; &eacute;</p>"),
            "Smith & Sons \xE2\x80\x94 \xE2\x80\x9C"
            "fine\xE2\x80\x9D \xC3\xA9");
}

TEST(HtmlToTextTest, RecoversFromBrokenMarkup) {
  EXPECT_EQ(Text("<p>Unclosed <b>bold<p>Next"), "Unclosed bold\n\nNext");
}

TEST(HtmlToTextTest, TableCellsAreSpaced) {
  EXPECT_EQ(Text("<table><tr><td>A</td><td>B</td></tr><tr><td>C</td></tr>"
                 "</table>"),
            "A B\n\nC");
}

TEST(HtmlToTextTest, PreKeepsLineBreaks) {
  EXPECT_EQ(Text("<pre>line one\nline two</pre>"), "line one\nline two");
}

TEST(HtmlToTextTest, EmptyPageGivesEmptyText) {
  EXPECT_EQ(Text(""), "");
  EXPECT_EQ(Text("<html><body></body></html>"), "");
}

TEST(HtmlToTextTest, NestedBlocksKeepTheirText) {
  std::string html;
  for (int i = 0; i < 200; ++i) html += "<div>";
  html += "deep";
  EXPECT_EQ(Text(html), "deep");
}

TEST(HtmlToTextTest, ExcessiveNestingDoesNotCrash) {
  // libxml2 stops parsing past its depth limit (256); what it read is kept.
  std::string html = "<p>top</p>";
  for (int i = 0; i < 20000; ++i) html += "<div>";
  html += "deep";
  EXPECT_TRUE(HtmlToText(html).ok());
}

}  // namespace
}  // namespace dossier
