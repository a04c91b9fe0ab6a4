#include "html/extractor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

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

TEST(ExtractMainTextTest, OwnParserAndLibxml2GiveTheSamePage) {
  ExtractOptions own, lx;
  lx.parser = ExtractOptions::Parser::kLibxml2;
  StatusOr<ExtractedPage> a = ExtractMainText(kArticlePage, own);
  StatusOr<ExtractedPage> b = ExtractMainText(kArticlePage, lx);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->text, b->text);
  EXPECT_EQ(a->title, b->title);
  EXPECT_EQ(a->language, b->language);
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
  ASSERT_TRUE(p.ok());
  // libxml2 caps the depth (256 by default): the text may be cut, but the
  // call returns.
}

TEST(ExtractMainTextTest, DeepNestingOfInlineAndTables) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i)
    html += (i % 3 == 0 ? "<table><tr><td>" : i % 3 == 1 ? "<span>" : "<li>");
  html += "deep";
  StatusOr<ExtractedPage> p = ExtractMainText(html);
  EXPECT_TRUE(p.ok() || p.status().code() == ErrorCode::kEmptyInput);
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

TEST(ExtractMainTextTest, DeclaredCharsetOption) {
  ExtractOptions opts;
  opts.declared_charset = "text/html; charset=windows-1251";
  StatusOr<ExtractedPage> p = ExtractMainText(
      "<html><body><p>\xCF\xF0\xE8\xE2\xE5\xF2</p></body></html>", opts);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->text, "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
  EXPECT_EQ(p->charset, "windows-1251");
}

TEST(ExtractMainTextTest, MetaCharsetOverValidUtf8IsIgnored) {
  // A page re-encoded to UTF-8 whose <meta> still names Latin-1.
  ExtractedPage p = Extract(
      "<html><head><meta charset=\"iso-8859-1\"></head><body>"
      "<p>Caf\xC3\xA9 Velden</p></body></html>");
  EXPECT_EQ(p.text, "Caf\xC3\xA9 Velden");
  EXPECT_EQ(p.charset, "UTF-8");
}

TEST(ExtractMainTextTest, NulBytesDoNotTruncate) {
  std::string html(
      "<html><body><p>Before\0after the nul byte.</p></body>"
      "</html>",
      59);
  ExtractedPage p = Extract(html);
  EXPECT_EQ(p.text, "Before after the nul byte.");
}

TEST(ExtractMainTextTest, FiftyMegabytePageCompletes) {
  std::string para =
      "<p>The harbour board of Norland met again on Friday, and again, "
      "after hours of debate, it adjourned without a vote on the piers.</p>";
  std::string html = "<html><body><article>";
  while (html.size() < (50u << 20)) html += para;
  html += "</article></body></html>";
  StatusOr<ExtractedPage> p = ExtractMainText(html);
  ASSERT_TRUE(p.ok());
  EXPECT_GT(p->text.size(), 40u << 20);
}

TEST(ExtractMainTextTest, BinaryGarbageDoesNotCrash) {
  for (uint32_t seed : {1u, 7u, 99u, 12345u}) {
    std::string raw;
    uint32_t x = seed;
    for (int i = 0; i < 200000; ++i) {
      x = x * 1103515245 + 12345;
      raw.push_back(static_cast<char>(x >> 16));
    }
    StatusOr<ExtractedPage> p = ExtractMainText(raw);
    if (p.ok()) {
      EXPECT_LT(p->text.size(), raw.size() * 3);
    }
  }
  std::string zeros(100000, '\0');
  StatusOr<ExtractedPage> z = ExtractMainText(zeros);
  if (z.ok()) {
    EXPECT_EQ(z->text, "");
  }
}

TEST(ExtractMainTextTest, KeepsArticleSplitOverSiblingModules) {
  ExtractedPage p = Extract(R"(<html><body><nav><a href="/">Home</a></nav>
<article class="post"><div class="entry-content">
<div class="module"><div class="inner"><p>The ferry company of Norland, which runs six boats, said on Monday that its crews would strike.</p></div></div>
<div class="module"><div class="inner"><p>Talks with the union, held in the port office, broke down late on Sunday, both sides said.</p>
<p>Passengers, including many commuters, were told to use the rail link, which runs every hour.</p></div></div>
<div class="module"><div class="inner"><p>A short note.</p></div></div>
</div></article></body></html>)");
  EXPECT_THAT(p.text, HasSubstr("its crews would strike"));
  EXPECT_THAT(p.text, HasSubstr("broke down late on Sunday"));
  EXPECT_THAT(p.text, HasSubstr("A short note."));
}

TEST(ExtractMainTextTest, DropsHeadingOfSkippedLinkList) {
  ExtractedPage p = Extract(R"(<html><body><article>
<p>The council of Velden, after a long session, approved the budget for the coming year on Thursday.</p>
<p>Spending on schools, roads and the harbour rises, while the tax rate, as promised, stays the same.</p>
<h3>More on this topic</h3>
<ul><li><a href="/a">Budget row in the council</a></li><li><a href="/b">Harbour costs rise again</a></li></ul>
</article></body></html>)");
  EXPECT_THAT(p.text, HasSubstr("stays the same."));
  EXPECT_THAT(p.text, Not(HasSubstr("More on this topic")));
}

TEST(ExtractMainTextTest, DropsFiguresAndKeepsArticleHeader) {
  ExtractedPage p = Extract(R"(<html><body><header><a href="/">Site</a></header>
<article><header><h1>Rail link opens</h1><div class="lead">Trains now run from the harbour to the capital, every hour.</div></header>
<figure><img src="x.jpg"><figcaption>Photo: the new station at dawn</figcaption></figure>
<p>The first train, packed with officials, left the harbour station at six in the morning.</p>
<p>Tickets, which cost less than the ferry, sold out within an hour of the opening.</p>
</article></body></html>)");
  EXPECT_THAT(p.text, HasSubstr("Rail link opens"));
  EXPECT_THAT(p.text, HasSubstr("Trains now run from the harbour"));
  EXPECT_THAT(p.text, Not(HasSubstr("Photo:")));
}

TEST(ExtractMainTextTest, ScriptsAreCutButJsonLdIsRead) {
  ExtractedPage p = Extract(R"(<html><head>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Kept"}</script>
<script type="text/javascript"/>var x = "<p>not text</p>";</script>
<style>p { color: red }</style></head><body>
<!-- <p>a comment, not text</p> -->
<p>The archive of Norland, long closed to readers, opens its doors again in May.</p>
</body></html>)");
  EXPECT_EQ(p.title, "Kept");
  EXPECT_EQ(p.text,
            "The archive of Norland, long closed to readers, opens its doors "
            "again in May.");
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

TEST(ExtractMainTextTest, KeepsPageBuiltInsideNoscript) {
  // An unclosed <div> in a <noscript> pulls the whole page into it.
  ExtractedPage p =
      Extract(R"(<html><body><noscript><div class="nojs"></noscript>
<div id="main"><h1>Bears of the valley</h1>
<p>The park counted more young bears this year than in any year since the survey, which began long ago, started.</p>
<p>Rangers, working with volunteers, followed the mothers and cubs across the high meadows all summer.</p>
</div></body></html>)");
  EXPECT_THAT(p.text, HasSubstr("more young bears"));
  EXPECT_THAT(p.text, HasSubstr("high meadows"));
}

TEST(ExtractMainTextTest, KeepsNoscriptArticleDropsNoscriptExtras) {
  ExtractedPage p = Extract(R"(<html><body>
<div class="post-body" itemprop="articleBody"><script>render()</script><noscript>
<p>The old lighthouse of Velden, closed since the storm, will reopen to visitors in June, the town said.</p>
<p>Repairs to the lamp, the stairs and the keeper's house took two years and cost more than planned.</p>
</noscript></div>
<div class="side"><p>Opening hours, prices and the way to the harbour are listed on the town's own pages.</p>
<noscript><p>Please turn on scripts to see the map of the harbour and the bus stops near it.</p></noscript></div>
</body></html>)");
  EXPECT_THAT(p.text, HasSubstr("old lighthouse of Velden"));
  EXPECT_THAT(p.text, HasSubstr("took two years"));
  EXPECT_THAT(p.text, Not(HasSubstr("turn on scripts")));
}

TEST(ExtractMainTextTest, ClimbsToArticleSplitOverSections) {
  ExtractedPage p = Extract(R"(<html><body>
<div class="sidebar-box"><a href="/1">Home</a> <a href="/2">Archive</a></div>
<div class="wrap">
<section class="part"><h2>1) The data</h2><div class="body">
<p>Data are gathered in many places, by many actors and for many purposes, most of them unknown to users.</p>
<p>The traces, once stored, can be combined, sold and read again, long after they were left.</p></div></section>
<section class="part"><h2>2) The risks</h2><div class="body">
<p>Profiles built from such traces, whether right or wrong, shape the offers and prices people see.</p>
<p>Few users, asked in surveys, knew which firms held their data or for how long it was kept.</p></div></section>
<section class="part"><h2>3) What schools can do</h2><div class="body">
<p>Teachers, given time and material, can show pupils how the traces arise and how to limit them.</p></div></section>
</div></body></html>)");
  EXPECT_THAT(p.text, HasSubstr("gathered in many places"));
  EXPECT_THAT(p.text, HasSubstr("Profiles built from such traces"));
  EXPECT_THAT(p.text, HasSubstr("Teachers, given time"));
  EXPECT_THAT(p.text, Not(HasSubstr("Archive")));
}

TEST(ExtractMainTextTest, StrongBoilerplateWordBeatsContentWord) {
  ExtractedPage p = Extract(R"(<html><body><article class="post">
<div class="entry-content">
<p>The choir of Norland, after two quiet years, sang again in the old harbour church on Sunday evening.</p>
<p>Tickets, sold at the door, ran out before the first song, and many listened from the square outside.</p>
<div class="entry-meta">Posted in Music, Harbour by the editors</div>
</div>
<section class="main-box author-box"><p>Our writer, born on the coast, has covered music and culture in the region for twenty years.</p></section>
</article></body></html>)");
  EXPECT_THAT(p.text, HasSubstr("The choir of Norland"));
  EXPECT_THAT(p.text, Not(HasSubstr("Posted in")));
  EXPECT_THAT(p.text, Not(HasSubstr("Our writer")));
}

TEST(ExtractMainTextTest, CommentaryIsNotACommentThread) {
  ExtractedPage p = Extract(R"(<html><body><div class="commentary-text">
<p>The harbour plan, for all its faults, is the best the towns have been offered in a generation, and they should take it.</p>
<p>Its critics, who have had years to draft something better, have so far offered nothing but delay.</p>
</div></body></html>)");
  EXPECT_THAT(p.text, HasSubstr("best the towns have been offered"));
}

TEST(ExtractMainTextTest, DropsLinkHeavyParagraph) {
  ExtractedPage p = Extract(R"(<html><body><article>
<p>The bridge over the river, closed for repairs since March, opens again to cars and bicycles on Friday.</p>
<p>Read also: <a href="/x">Why the old bridge over the river had to close for so many months this year</a></p>
<p>Buses, which took a long detour, return to their usual route on the same day, the city said.</p>
</article></body></html>)");
  EXPECT_THAT(p.text, HasSubstr("Buses, which took a long detour"));
  EXPECT_THAT(p.text, Not(HasSubstr("Read also")));
}

TEST(ExtractMainTextTest, DropsShortLinesThatIntroduceSkippedBlocks) {
  ExtractedPage p = Extract(R"(<html><body><article>
<p>The market in the old square, held every Saturday, now has stalls for farmers from the whole valley.</p>
<ul><li>Eggs</li><li>Cheese</li></ul>
<p>Stall fees, which the council cut in spring, stay low for the rest of the year, it said on Monday.</p>
<p>Farmers, who had asked for the cut for years, said the fees had kept many of them away from the town.</p>
<p>More on this:</p>
<div class="related"><p>Council cuts stall fees at the market, farmers from the valley welcome the news.</p></div>
<p>Share this story</p>
</article></body></html>)");
  EXPECT_THAT(p.text, HasSubstr("Eggs\n\nCheese"));
  EXPECT_THAT(p.text, HasSubstr("stay low for the rest of the year"));
  EXPECT_THAT(p.text, Not(HasSubstr("More on this")));
  EXPECT_THAT(p.text, Not(HasSubstr("Share this story")));
}

TEST(ExtractMainTextTest, KeepsLeadInPageHeaderBeforeBody) {
  ExtractedPage p = Extract(R"(<html><body><main>
<header class="entry-header"><h1>Ferry line to Osterby reopens</h1>
<div class="lead"><p>After two years of repairs, the ferry between Lumen and Osterby runs again from Monday, the operator said.</p></div>
</header>
<div class="entry-content">
<p>The operator, Nordwave, said the first boat would leave Lumen at six in the morning, with four crossings a day.</p>
<p>Tickets, which cost a little more than before, can be bought on board or at the harbour office, it said.</p>
<p>Residents of Osterby, who had relied on a bus detour, welcomed the news, the mayor said on Friday.</p>
</div></main></body></html>)");
  EXPECT_THAT(p.text, HasSubstr("After two years of repairs"));
  EXPECT_THAT(p.text, HasSubstr("four crossings a day"));
  EXPECT_LT(p.text.find("After two years"), p.text.find("The operator"));
}

TEST(ExtractMainTextTest, KeepsParagraphOfHeaderHoldingTheTitle) {
  ExtractedPage p = Extract(R"(<html><body>
<header><h1>Snow closes the pass road</h1>
<p>Heavy snow closed the road over the Brenn pass on Sunday, and the police expect it to stay shut until Wednesday.</p></header>
<div class="content">
<p>Drivers, who were stuck for hours near the summit, were taken to the village school, the police said.</p>
<p>The road service said its ploughs, four of them, could not keep up with the snow, which fell all night.</p>
<p>Trains through the tunnel, which the snow does not affect, will run more often, the railway said.</p>
</div></body></html>)");
  EXPECT_THAT(p.text, HasSubstr("Heavy snow closed the road"));
  EXPECT_THAT(p.text, HasSubstr("taken to the village school"));
}

TEST(ExtractMainTextTest, DoesNotTakeTeaserListsAsLead) {
  ExtractedPage p = Extract(R"(<html><body><div class="wrap">
<ul class="teasers"><li><p class="teaser">Another story: the bakery on Mill Street wins a prize for its rye bread, again.</p></li></ul>
<div class="entry-content">
<p>The council of Lumen voted on Tuesday to build a new library, which will open, it said, in two years.</p>
<p>The library, with room for a hundred thousand books, will replace the old one on the market square.</p>
<p>Critics, among them two councillors, said the cost, about four million, was too high for the town.</p>
</div></div></body></html>)");
  EXPECT_THAT(p.text, HasSubstr("build a new library"));
  EXPECT_THAT(p.text, Not(HasSubstr("bakery on Mill Street")));
}

TEST(ExtractMainTextTest, DropsRubyAnnotations) {
  ExtractedPage p = Extract(R"(<html><body><article>
<p>The word <ruby>kanji<rp>(</rp><rt>reading</rt><rp>)</rp></ruby> has a reading above it, which the text does not repeat, as here.</p>
<p>Ruby text is a small annotation, and it is written over or beside the base text, in many books.</p>
</article></body></html>)");
  EXPECT_THAT(p.text, HasSubstr("The word kanji has a reading"));
  EXPECT_THAT(p.text, Not(HasSubstr("reading)")));
}

TEST(ExtractMainTextTest, DropsImageCaptionsNamedByClass) {
  ExtractedPage p = Extract(R"(<html><body><article>
<p>The old mill by the river, built in the last century, will become a museum, the town council of Lumen said.</p>
<div class="img_description"><p>The old mill seen from the bridge, in a photo taken last spring by a reader.</p></div>
<p>The museum, which will show how flour was made, opens next year, with a cafe on the ground floor.</p>
</article></body></html>)");
  EXPECT_THAT(p.text, HasSubstr("opens next year"));
  EXPECT_THAT(p.text, Not(HasSubstr("seen from the bridge")));
}

// The parse tree lives in a per-thread arena: threads extracting at once
// must each get the single-threaded result.
TEST(ExtractMainTextTest, ConcurrentExtractionsAgree) {
  const std::string want = Extract(kArticlePage).text;
  ASSERT_FALSE(want.empty());
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&got, t] {
      for (int k = 0; k < 50; ++k) {
        StatusOr<ExtractedPage> p = ExtractMainText(kArticlePage);
        if (p.ok()) got[t] = p->text;
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (const std::string& g : got) EXPECT_EQ(g, want);
}

TEST(ExtractMainTextTest, KeepsTeaserTextLeadAtTopOfBody) {
  ExtractedPage p =
      Extract(R"(<html><body><div class="news-single"><div class="article">
<div class="teaser-text"><p>The swimming club of Lumen won four medals at the regional games, its best result in ten years.</p></div>
<p>The club, founded by dock workers, trains in the old harbour bath, which the town restored last year, the coach said.</p>
<p>Two of the medals went to Ilse Marten, who is fifteen, in the relay and in the long race, the club said.</p>
<p>The next games, which the club hopes to host, are in the spring, and the bath will need a new roof first.</p>
</div></div></body></html>)");
  EXPECT_THAT(p.text, HasSubstr("won four medals"));
  EXPECT_THAT(p.text, HasSubstr("founded by dock workers"));
}

TEST(ExtractMainTextTest, EndsBeforeRelatedArticlesHeading) {
  ExtractedPage p = Extract(R"(<html><body><div class="entry-content">
<p>The bridge over the Lumen river, closed since the flood, opens again on Monday, the road office said on Friday.</p>
<p>Repairs to the two piers, which the water had undermined, took eight months and cost more than planned.</p>
<h3>Mehr zum Thema</h3>
<p>Flood damage in the valley is higher than first thought, the insurers of the region said in a report.</p>
</div></body></html>)");
  EXPECT_THAT(p.text, HasSubstr("took eight months"));
  EXPECT_THAT(p.text, Not(HasSubstr("Mehr zum Thema")));
  EXPECT_THAT(p.text, Not(HasSubstr("insurers of the region")));
}

TEST(ExtractMainTextTest, DropsCreditLines) {
  ExtractedPage p = Extract(R"(<html><body><article>
<p>The new tram line to the university of Lumen, planned for a decade, opens in March, the city said on Tuesday.</p>
<p>Quelle: Stadtwerke Lumen</p>
<p>The line, which has eleven stops, will run every seven minutes on weekdays, and every ten at weekends.</p>
</article></body></html>)");
  EXPECT_THAT(p.text, HasSubstr("eleven stops"));
  EXPECT_THAT(p.text, Not(HasSubstr("Quelle:")));
}

TEST(ExtractMainTextTest, DropsShortLinesThatEndTheText) {
  ExtractedPage p = Extract(R"(<html><body><article>
<p>The choir of Osterby, which has sung at the harbour festival for fifty years, will tour the coast this summer.</p>
<p>Its conductor, Petra Lind, said the tour would take the singers to eight towns in three weeks, by ferry.</p>
<p>Tickets for the first concert, in the church of Lumen, sold out within a day, the organisers said.</p>
<p>Petra Lind, Osterby</p>
<p>Tags: music, coast</p>
</article></body></html>)");
  EXPECT_THAT(p.text, HasSubstr("sold out within a day"));
  EXPECT_THAT(p.text, Not(HasSubstr("Tags: music")));
  EXPECT_THAT(p.text, Not(HasSubstr("Petra Lind, Osterby")));
}

TEST(ExtractMainTextTest, DropsCallsToActionThatEndTheText) {
  ExtractedPage p = Extract(R"(<html><body><article>
<p>The ferry between Lumen and Osterby, stopped for a month by storms, sails again from Monday, the shipping line said.</p>
<p>Repairs to the landing stage, which the waves had torn loose, cost the town more than it had planned for.</p>
<p>The mayor of Osterby, Ilse Brantvik, said the town would ask the region to share the cost of the work.</p>
<p>Follow the Lumen Courier on Twitter and Instagram for the latest news from the coast.</p>
<p>Um einen Kommentar zu hinterlassen, loggen Sie sich bitte ein.</p>
</article></body></html>)");
  EXPECT_THAT(p.text, HasSubstr("share the cost of the work"));
  EXPECT_THAT(p.text, Not(HasSubstr("Follow the Lumen Courier")));
  EXPECT_THAT(p.text, Not(HasSubstr("Kommentar")));
}

TEST(ExtractMainTextTest, KeepsMentionsOfSocialNetworksInTheText) {
  ExtractedPage p = Extract(R"(<html><body><article>
<p>The ferry between Lumen and Osterby, stopped for a month by storms, sails again from Monday, the shipping line said.</p>
<p>Repairs to the landing stage, which the waves had torn loose, cost the town more than it had planned for.</p>
<p>The mayor of Osterby, Ilse Brantvik, said the town would ask the region to share the cost of the work.</p>
<p>She announced the decision on Twitter late on Sunday, after a meeting of the council.</p>
</article></body></html>)");
  EXPECT_THAT(p.text, HasSubstr("announced the decision on Twitter"));
}

TEST(ExtractMainTextTest, DropsDisclosureThatOpensTheText) {
  ExtractedPage p = Extract(R"(<html><body><article>
<p>This post contains affiliate links: we may earn a commission.</p>
<p>The new hiking boots from Fjellgard, tested on the coast path of Lumen for a month, kept our feet dry in every storm.</p>
<p>Their soles, made of recycled rubber, wore down less than those of the three other pairs we tried on the same path.</p>
<p>At the price, the boots are the best buy of the season, our testers in Osterby said after the last walk.</p>
</article></body></html>)");
  EXPECT_THAT(p.text, HasSubstr("kept our feet dry"));
  EXPECT_THAT(p.text, Not(HasSubstr("affiliate links")));
}

TEST(ExtractMainTextTest, DropsNoticesInsideTheText) {
  ExtractedPage p = Extract(R"(<html><body><article>
<p>The ferry between Lumen and Osterby, stopped for a month by storms, sails again from Monday, the shipping line said.</p>
<p>Never miss a story from the coast: sign up for our free newsletter today!</p>
<p>Repairs to the landing stage, which the waves had torn loose, cost the town more than it had planned for.</p>
<p>The mayor of Osterby, Ilse Brantvik, said the town would ask the region to share the cost of the work.</p>
<p>Your email address will not be published. Required fields are marked *</p>
<p>The region's council meets on Thursday to discuss the request, a spokeswoman for the council said.</p>
</article></body></html>)");
  EXPECT_THAT(p.text, HasSubstr("landing stage"));
  EXPECT_THAT(p.text, HasSubstr("meets on Thursday"));
  EXPECT_THAT(p.text, Not(HasSubstr("newsletter")));
  EXPECT_THAT(p.text, Not(HasSubstr("will not be published")));
}

TEST(ExtractMainTextTest, KeepsNewsAboutSubscriptions) {
  ExtractedPage p = Extract(R"(<html><body><article>
<p>The streaming service Fjordflix, based in Lumen, lost a tenth of its customers in the last quarter, it said on Monday.</p>
<p>It raised the price of its monthly subscription by two crowns in March.</p>
<p>Analysts at the Osterby bank said the rise had driven families to cheaper services from abroad.</p>
<p>The company plans to offer a cheaper plan with advertising from the autumn, its chief executive said.</p>
</article></body></html>)");
  EXPECT_THAT(p.text, HasSubstr("price of its monthly subscription"));
}

// Class tokens are scored once per page and reused: every repeat of a
// boilerplate class (in any case) is removed, every content paragraph kept.
TEST(ExtractMainTextTest, RepeatedClassTokensScoreAlike) {
  std::string html = "<html><body><div class=\"entry-content\">";
  for (int i = 0; i < 40; ++i) {
    html += "<p class=\"text\">Paragraph " + std::to_string(i) +
            " of the report on the Lumen harbour, its piers, ferries and "
            "the road to Osterby.</p>";
    html += std::string("<div class=\"") + (i % 2 ? "Share-Box" : "share-box") +
            "\">Share item " + std::to_string(i) + " now</div>";
  }
  html += "</div></body></html>";
  std::string text = Extract(html).text;
  EXPECT_THAT(text, HasSubstr("Paragraph 0 of the report"));
  EXPECT_THAT(text, HasSubstr("Paragraph 39 of the report"));
  EXPECT_THAT(text, Not(HasSubstr("Share item")));
}

// The pre-pass keeps a style only when it may hide: "DISPLAY : None"
// still hides, a style naming neither word changes nothing.
TEST(ExtractMainTextTest, StyleHidesOnlyWithDisplayNone) {
  // Long enough (over 1000 bytes) that the chrome-keeping second pass,
  // which does not read styles, is not taken.
  std::string filler;
  for (int i = 0; i < 8; ++i)
    filler +=
        "<p>The harbour office of Lumen, which runs the ferries and the "
        "piers, will publish the timetable for the works in May.</p>";
  ExtractedPage p = Extract(R"(<html><body><article>
<p style="color: red; font-weight: bold">The council of Lumen approved the budget for the new harbour on Tuesday, after a long debate.</p>
<p style="DISPLAY : None">Hidden promotional note that nobody should ever read on the page.</p>
<p style="margin: 0">Work on the first pier begins in spring, the council's spokeswoman in Osterby said on Wednesday.</p>)" +
                            filler + "</article></body></html>");
  EXPECT_THAT(p.text, HasSubstr("approved the budget"));
  EXPECT_THAT(p.text, HasSubstr("first pier begins"));
  EXPECT_THAT(p.text, Not(HasSubstr("Hidden promotional note")));
}

// The pre-pass cuts unread attributes and <svg> contents: a quoted '>' in
// a cut attribute, and a drawing's <text> change nothing.
TEST(ExtractMainTextTest, PrePassKeepsTextAndClasses) {
  std::string body =
      "<p>Mayor Ilse Brantvik of Oskerholm opened the new ferry pier on "
      "Tuesday, after three years of delays, storms and lawsuits.</p>";
  std::string html =
      "<html><body><div class=\"comments\" data-x=\"a > b\" "
      "onclick='go(\"<p>\")'><p>Reader note: nobody asked about this at "
      "all, truly, not once.</p></div><article><svg viewBox=\"0 0 9 9\">"
      "<svg><text>nested</text></svg><text>Logo text</text></svg>" +
      body + body + "</article></body></html>";
  std::string text = Extract(html).text;
  EXPECT_THAT(text, testing::HasSubstr("Mayor Ilse Brantvik"));
  EXPECT_THAT(text, testing::Not(testing::HasSubstr("Reader note")));
  EXPECT_THAT(text, testing::Not(testing::HasSubstr("Logo text")));
  EXPECT_THAT(text, testing::Not(testing::HasSubstr("nested")));
}

}  // namespace
}  // namespace dossier
