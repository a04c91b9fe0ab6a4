#include "html/extractor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace dossier {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

ExtractedPage Extract(const std::string& html) {
  StatusOr<ExtractedPage> p = ExtractMainText(html);
  EXPECT_TRUE(p.ok()) << p.status().message();
  return p.ok() ? *p : ExtractedPage{};
}

const char kArticlePage[] = R"(<!doctype html><html lang="en"><head>
<title>Harbour vote | The Caldera Herald</title></head><body>
<header><a href="/">Home</a> <a href="/world">World</a></header>
<nav><ul><li><a href="/a">Politics</a></li><li><a href="/b">Sport</a></li></ul></nav>
<div class="page"><article><h1>Norland votes on the new harbour</h1>
<p>President Mara Velden of Norland said on Tuesday that the harbour plan, long delayed, would go to a vote next month.</p>
<p>The plan, which covers three piers, a ferry terminal and a rail link, has divided the coastal towns for years.</p>
<ul><li>Pier one opens in spring.</li><li>The terminal follows, with a new road.</li></ul>
<p>Opposition leader Tomas Reyk called the timetable, as drafted, unrealistic and costly.</p>
</article>
<div class="related-stories"><h3>Related</h3><p>Another story about ferries, bridges, tunnels and harbours in the region.</p></div>
<div id="comments"><p>Reader comment: this is great news, really, for the whole coast of Norland.</p></div>
</div>
<footer><p>Copyright the Caldera Herald, all rights reserved, since forever.</p></footer>
</body></html>)";

TEST(ExtractMainTextTest, KeepsArticleBody) {
  ExtractedPage p = Extract(kArticlePage);
  EXPECT_THAT(p.text, HasSubstr("President Mara Velden of Norland"));
  EXPECT_THAT(p.text, HasSubstr("Opposition leader Tomas Reyk"));
}

TEST(ExtractMainTextTest, DropsNavFooterRelatedAndComments) {
  ExtractedPage p = Extract(kArticlePage);
  EXPECT_THAT(p.text, Not(HasSubstr("Politics")));
  EXPECT_THAT(p.text, Not(HasSubstr("Copyright")));
  EXPECT_THAT(p.text, Not(HasSubstr("Another story")));
  EXPECT_THAT(p.text, Not(HasSubstr("Reader comment")));
}

TEST(ExtractMainTextTest, HeadingsAndListItemsAreParagraphs) {
  ExtractedPage p = Extract(kArticlePage);
  EXPECT_THAT(p.text, HasSubstr("Norland votes on the new harbour\n\n"));
  EXPECT_THAT(p.text,
              HasSubstr("Pier one opens in spring.\n\nThe terminal follows"));
}

TEST(ExtractMainTextTest, ReadsTitleTagAndLanguage) {
  ExtractedPage p = Extract(kArticlePage);
  EXPECT_EQ(p.title, "Harbour vote | The Caldera Herald");
  EXPECT_EQ(p.language, "en");
}

TEST(ExtractMainTextTest, ReadsOpenGraphAndMetaTags) {
  ExtractedPage p = Extract(R"(<html><head>
<meta property="og:title" content="Velden wins harbour vote">
<meta property="og:description" content="A narrow result in Norland.">
<meta property="og:site_name" content="Caldera Herald">
<meta name="author" content="Ines Portal">
<meta property="article:published_time" content="2031-04-05T09:30:00Z">
<meta property="article:modified_time" content="2031-04-06T10:00:00Z">
<link rel="canonical" href="https://herald.example/harbour">
</head><body><p>Short.</p></body></html>)");
  EXPECT_EQ(p.title, "Velden wins harbour vote");
  EXPECT_EQ(p.description, "A narrow result in Norland.");
  EXPECT_EQ(p.site_name, "Caldera Herald");
  EXPECT_EQ(p.author, "Ines Portal");
  EXPECT_EQ(p.published, "2031-04-05");
  EXPECT_EQ(p.modified, "2031-04-06");
  EXPECT_EQ(p.canonical_url, "https://herald.example/harbour");
}

TEST(ExtractMainTextTest, ReadsJsonLdArticle) {
  ExtractedPage p = Extract(R"(<html><head>
<script type="application/ld+json">{"@context":"https://schema.org",
"@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle",
"headline":"Ferry strike ends","datePublished":"2030-11-02T08:00:00+01:00",
"dateModified":"2030-11-03","author":[{"@type":"Person","name":"Lio Brand"}],
"publisher":{"@type":"Organization","name":"Norland Post"}}]}</script>
</head><body><p>Body.</p></body></html>)");
  EXPECT_EQ(p.title, "Ferry strike ends");
  EXPECT_EQ(p.published, "2030-11-02");
  EXPECT_EQ(p.modified, "2030-11-03");
  EXPECT_EQ(p.author, "Lio Brand");
  EXPECT_EQ(p.site_name, "Norland Post");
}

TEST(ExtractMainTextTest, ReadsTimeDatetime) {
  ExtractedPage p = Extract(
      R"(<html><body><time datetime="2029-01-31">Jan 31</time></body></html>)");
  EXPECT_EQ(p.published, "2029-01-31");
}

TEST(ExtractMainTextTest, DecodesEntities) {
  ExtractedPage p = Extract(
      "<html><body><p>Fish &amp; chips &eacute;t&eacute; &#8212; "
      "&lt;ok&gt;&nbsp;now</p></body></html>");
  EXPECT_EQ(p.text, "Fish & chips \xC3\xA9t\xC3\xA9 \xE2\x80\x94 <ok> now");
}

TEST(ExtractMainTextTest, SurvivesBrokenMarkup) {
  ExtractedPage p = Extract(
      "<html><body><div><p>First <b>bold <i>both</b> para<p>Second para"
      "</div></span></table><li>dangling");
  EXPECT_THAT(p.text, HasSubstr("First bold both para"));
  EXPECT_THAT(p.text, HasSubstr("Second para"));
}

TEST(ExtractMainTextTest, DeepNestingDoesNotCrash) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "<p>Deep inside, the archive of Norland kept its ledgers.</p>";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  html += "</body></html>";
  StatusOr<ExtractedPage> p = ExtractMainText(html);
  EXPECT_TRUE(p.ok());
}

TEST(ExtractMainTextTest, ConvertsLatin1ToUtf8) {
  std::string html =
      "<html><head><meta charset=\"iso-8859-1\"></head><body>"
      "<p>Caf\xE9 Velden</p></body></html>";
  ExtractedPage p = Extract(html);
  EXPECT_EQ(p.text, "Caf\xC3\xA9 Velden");
}

TEST(ExtractMainTextTest, ConvertsHttpEquivCharset) {
  std::string html =
      "<html><head><meta http-equiv=\"Content-Type\" "
      "content=\"text/html; charset=ISO-8859-1\"></head><body>"
      "<p>R\xE9sum\xE9</p></body></html>";
  EXPECT_EQ(Extract(html).text, "R\xC3\xA9sum\xC3\xA9");
}

TEST(ExtractMainTextTest, EmptyInputFails) {
  EXPECT_EQ(ExtractMainText("").status().code(), ErrorCode::kEmptyInput);
  EXPECT_EQ(ExtractMainText("  \n ").status().code(), ErrorCode::kEmptyInput);
}

TEST(ExtractMainTextTest, FallsBackToAllParagraphsWithoutContainer) {
  ExtractedPage p =
      Extract("<html><body><h2>Notes</h2><p>One.</p><p>Two.</p></body></html>");
  EXPECT_EQ(p.text, "Notes\n\nOne.\n\nTwo.");
}

}  // namespace
}  // namespace dossier
