#include "report/html_report.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "report/test_corpus.h"

namespace dossier {
namespace {

using testing_corpus::Find;
using testing_corpus::MakeCorpus;
using testing_corpus::MakeDoc;
using testing_corpus::MakeMention;

std::string ToHtml(const Corpus& c, const HtmlOptions& opts = HtmlOptions{}) {
  std::ostringstream out;
  Status st = WriteHtmlReport(c, opts, out);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return out.str();
}

size_t Count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos;
       at = hay.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

// Checks that every element (other than void ones) closes in the order it
// opened; returns "" or a description of the first problem.
std::string TagProblem(const std::string& html) {
  static const std::vector<std::string> kVoid = {"meta", "br", "link",
                                                 "img",  "hr", "input"};
  std::vector<std::string> stack;
  size_t at = 0;
  while ((at = html.find('<', at)) != std::string::npos) {
    size_t end = html.find('>', at);
    if (end == std::string::npos) return "unterminated tag";
    std::string tag = html.substr(at + 1, end - at - 1);
    at = end + 1;
    if (tag.empty() || tag[0] == '!') continue;
    bool closing = tag[0] == '/';
    std::string name = tag.substr(closing ? 1 : 0);
    name = name.substr(0, name.find_first_of(" \t\n"));
    if (std::find(kVoid.begin(), kVoid.end(), name) != kVoid.end()) continue;
    if (!closing) {
      stack.push_back(name);
      if (name == "style") {  // skip the CSS
        at = html.find("</style>", at);
        if (at == std::string::npos) return "unclosed style";
      }
      continue;
    }
    if (stack.empty()) return "stray </" + name + ">";
    if (stack.back() != name) {
      return "</" + name + "> closes <" + stack.back() + "> at byte " +
             std::to_string(at);
    }
    stack.pop_back();
  }
  return stack.empty() ? "" : "unclosed <" + stack.back() + ">";
}

TEST(HtmlReportTest, PageIsWellFormed) {
  std::string html = ToHtml(MakeCorpus());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(TagProblem(html), "");
}

TEST(HtmlReportTest, ScriptInArticleTextIsEscaped) {
  std::string html = ToHtml(MakeCorpus());
  EXPECT_EQ(html.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"),
            std::string::npos);
}

TEST(HtmlReportTest, QuotesAndAmpersandsInTextAreEscaped) {
  std::string html = ToHtml(MakeCorpus());
  // The highlighted quote span includes its marks.
  EXPECT_NE(html.find("&quot;quotes&quot;</span> &amp; ampersands"),
            std::string::npos);
  EXPECT_EQ(html.find("\"quotes\" & ampersands"), std::string::npos);
}

TEST(HtmlReportTest, MarkupInTitleIsEscapedEverywhere) {
  std::string html = ToHtml(MakeCorpus());
  EXPECT_EQ(html.find("<b>In</b>"), std::string::npos);
  EXPECT_GE(Count(html, "Markup &lt;b&gt;In&lt;/b&gt; The Caption"), 2u);
}

TEST(HtmlReportTest, PageHasNoScriptsOrExternalAssets) {
  HtmlOptions opts;
  opts.title = "Report <script>x</script>";
  std::string html = ToHtml(MakeCorpus(), opts);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
}

TEST(HtmlReportTest, CrossingSpansProduceBalancedSpanTags) {
  // A quote that ends inside a mention, and a time expression crossing both.
  Corpus c;
  DocMeta m;
  m.id = "d1";
  Document d = MakeDoc(m, "He said \"ask Mara\" Velden on Friday night.");
  std::string_view t = d.text();
  Quote q;
  q.span = Find(t, "\"ask Mara\"");
  q.content = Find(t, "ask Mara");
  d.layers().quotes.push_back(q);
  d.layers().mentions.push_back(MakeMention(
      Find(t, "Mara\" Velden"), EntityType::kPerson, MentionForm::kName, -1));
  d.layers().times.push_back(
      Timex{Find(t, "Velden on Friday"), TimexType::kDate, "XXXX-WXX-5"});
  d.layers().times.push_back(
      Timex{Find(t, "Friday night."), TimexType::kTime, "XXXX-WXX-5TNI"});
  c.documents.push_back(std::move(d));
  std::string html = ToHtml(c);
  EXPECT_EQ(Count(html, "<span"), Count(html, "</span>"));
  EXPECT_EQ(TagProblem(html), "");
  // The text is still all there, in order, once tags are stripped.
  std::string plain;
  size_t body = html.find("<div class=\"text\">");
  bool in_tag = false;
  for (size_t i = body; i < html.find("</div>", body); ++i) {
    if (html[i] == '<') in_tag = true;
    if (!in_tag) plain += html[i];
    if (html[i] == '>') in_tag = false;
  }
  EXPECT_NE(plain.find("He said &quot;ask Mara&quot; Velden on Friday night."),
            std::string::npos)
      << plain;
}

TEST(HtmlReportTest, MentionTooltipNamesTypeEntityIdAndName) {
  std::string html = ToHtml(MakeCorpus());
  EXPECT_NE(html.find("title=\"PERSON e1 Mara Velden\">President Mara Velden"),
            std::string::npos);
  EXPECT_NE(html.find("class=\"ent ent-LOC\" title=\"LOC e2 Norland\""),
            std::string::npos);
  EXPECT_NE(html.find("title=\"ORG (not linked)\">Caldera Herald"),
            std::string::npos);
}

TEST(HtmlReportTest, QuoteIsHighlightedWithItsSpeaker) {
  std::string html = ToHtml(MakeCorpus());
  EXPECT_NE(html.find("id=\"doc-d1-q2\""), std::string::npos);
  EXPECT_NE(html.find("data-speaker=\"Mara Velden\""), std::string::npos);
  EXPECT_NE(html.find("speaker: Mara Velden, cue: told reporters"),
            std::string::npos);
}

TEST(HtmlReportTest, TimeExpressionTooltipHoldsItsValue) {
  std::string html = ToHtml(MakeCorpus());
  EXPECT_NE(html.find("title=\"DURATION P3W\">three weeks</span>"),
            std::string::npos);
}

TEST(HtmlReportTest, HeadingsAndTitleAreMarkedBlocks) {
  std::string html = ToHtml(MakeCorpus());
  EXPECT_NE(html.find("<p class=\"heading\" role=\"heading\" "
                      "aria-level=\"4\">Funding</p>"),
            std::string::npos);
  EXPECT_NE(html.find("<p class=\"title\">Velden Pledges Harbour Fund</p>"),
            std::string::npos);
}

TEST(HtmlReportTest, RemovedBoilerplateIsStruckOutWhereItStood) {
  std::string html = ToHtml(MakeCorpus());
  size_t removed =
      html.find("<del>Subscribe to the Caldera Wire for more.</del>");
  ASSERT_NE(removed, std::string::npos);
  EXPECT_NE(html.find("[removed: subscription_footer]", removed),
            std::string::npos);
  // After the last paragraph of its document, before the next document.
  EXPECT_GT(removed, html.find("told reporters."));
  EXPECT_LT(removed, html.find("id=\"doc-d2\""));
}

TEST(HtmlReportTest, IndexListsDocumentsWithMetadata) {
  std::string html = ToHtml(MakeCorpus());
  EXPECT_NE(html.find("<a href=\"#doc-d1\">Velden Pledges Harbour Fund</a>"),
            std::string::npos);
  EXPECT_NE(html.find("Caldera Wire &middot; 2025-05-14 (dateline) &middot; "
                      "PORT ALDER, 2025-05-14"),
            std::string::npos);
  EXPECT_NE(html.find("outlet unknown &middot; unknown"), std::string::npos);
}

TEST(HtmlReportTest, SummaryCountsEverything) {
  std::string html = ToHtml(MakeCorpus());
  for (const char* count :
       {"<dt>documents</dt><dd>2</dd>", "<dt>entities</dt><dd>2</dd>",
        "<dt>quotes</dt><dd>3</dd>", "<dt>dates and times</dt><dd>3</dd>",
        "<dt>errors</dt><dd>1</dd>"}) {
    EXPECT_NE(html.find(count), std::string::npos) << count;
  }
  EXPECT_NE(html.find("<td>quotes</td><td class=\"num\">0.500</td>"),
            std::string::npos);
}

TEST(HtmlReportTest, EntitiesTableListsMentionsAndDocuments) {
  std::string html = ToHtml(MakeCorpus());
  size_t row = html.find("<tr id=\"ent-e1\">");
  ASSERT_NE(row, std::string::npos);
  std::string tr = html.substr(row, html.find("</tr>", row) - row);
  EXPECT_NE(tr.find("President Mara Velden, Velden"), std::string::npos);
  EXPECT_NE(tr.find("<td class=\"num\">3</td>"), std::string::npos);
  EXPECT_NE(tr.find("<a href=\"#doc-d1\">d1</a>, <a href=\"#doc-d2\">d2</a>"),
            std::string::npos);
}

TEST(HtmlReportTest, QuotesTableNamesSpeakerDocumentAndGroup) {
  std::string html = ToHtml(MakeCorpus());
  size_t table = html.find("<h2 id=\"quotes-h\">");
  ASSERT_NE(table, std::string::npos);
  std::string rest = html.substr(table);
  EXPECT_NE(rest.find("<a href=\"#ent-e1\">Mara Velden</a></td><td>"
                      "<a href=\"#doc-d1-q1\">within three weeks</a>"),
            std::string::npos);
  EXPECT_NE(rest.find("<td>g1</td>"), std::string::npos);
  EXPECT_NE(rest.find("<span class=\"muted\">unknown</span>"),
            std::string::npos);
}

TEST(HtmlReportTest, ErrorIsListedWithItsStableCode) {
  std::string html = ToHtml(MakeCorpus());
  EXPECT_NE(html.find("<code>input.invalid_utf8</code> (203) "
                      "<strong>in/broken.txt</strong>: invalid byte 0xff at "
                      "offset 12"),
            std::string::npos);
}

TEST(HtmlReportTest, KeyboardUsersGetASkipLinkAndAnchors) {
  std::string html = ToHtml(MakeCorpus());
  EXPECT_NE(html.find("<a class=\"skip\" href=\"#main\">"), std::string::npos);
  EXPECT_NE(html.find("<main id=\"main\""), std::string::npos);
  EXPECT_NE(html.find("<article class=\"doc\" id=\"doc-d2\""),
            std::string::npos);
}

TEST(HtmlReportTest, NonHttpUrlIsNotALink) {
  Corpus c = MakeCorpus();
  c.documents[1].meta().url = "javascript:alert(1)";
  std::string html = ToHtml(c);
  EXPECT_EQ(html.find("href=\"javascript:"), std::string::npos);
  EXPECT_NE(html.find("href=\"https://caldera.example/velden\""),
            std::string::npos);
}

TEST(HtmlReportTest, DocumentWithoutBlocksIsSplitIntoParagraphs) {
  Corpus c;
  DocMeta m;
  m.id = "d1";
  c.documents.push_back(MakeDoc(m, "First part.\n\nSecond part."));
  std::string html = ToHtml(c);
  EXPECT_NE(html.find("<p>First part.</p>\n<p>Second part.</p>"),
            std::string::npos);
}

TEST(HtmlReportTest, WithoutTextOnlyMetadataAndTablesAreWritten) {
  HtmlOptions opts;
  opts.include_text = false;
  std::string html = ToHtml(MakeCorpus(), opts);
  EXPECT_EQ(html.find("<div class=\"text\">"), std::string::npos);
  EXPECT_NE(html.find("<tr id=\"ent-e1\">"), std::string::npos);
  EXPECT_EQ(TagProblem(html), "");
}

TEST(HtmlReportTest, BadStreamReportsWriteFailed) {
  std::ostream out(nullptr);
  EXPECT_EQ(WriteHtmlReport(MakeCorpus(), HtmlOptions{}, out).code(),
            ErrorCode::kWriteFailed);
}

// Appends one story over every document, labelled with markup.
Corpus WithStory() {
  Corpus c = MakeCorpus();
  Story s;
  s.id = "s1";
  s.label = "Velden <i>talks</i> & more";
  for (uint32_t i = 0; i < c.documents.size(); ++i) {
    s.documents.push_back(i);
    c.documents[i].meta().story = "s1";
  }
  s.first_published = "2025-05-14";
  s.last_published = "2025-05-15";
  c.stories.push_back(s);
  return c;
}

TEST(HtmlReportTest, StoryListComesFirstAndIsEscaped) {
  std::string html = ToHtml(WithStory());
  EXPECT_EQ(TagProblem(html), "");
  size_t stories = html.find("<section id=\"stories\"");
  ASSERT_NE(stories, std::string::npos);
  EXPECT_LT(stories, html.find("<section id=\"summary\""));
  EXPECT_NE(html.find("Velden &lt;i&gt;talks&lt;/i&gt; &amp; more"),
            std::string::npos);
  EXPECT_EQ(html.find("<i>talks</i>"), std::string::npos);
  EXPECT_NE(html.find("2025-05-14 to 2025-05-15"), std::string::npos);
  EXPECT_NE(html.find("href=\"#doc-d1\""), std::string::npos);
}

}  // namespace
}  // namespace dossier
