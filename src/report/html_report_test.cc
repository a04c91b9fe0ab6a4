#include "report/html_report.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "report/sha256.h"
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
      if (name == "style" || name == "script") {  // skip CSS and script
        at = html.find("</" + name + ">", at);
        if (at == std::string::npos) return "unclosed " + name;
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

TEST(HtmlReportTest, PageHasOnlyItsOwnScriptAndNoExternalAssets) {
  HtmlOptions opts;
  opts.title = "Report <script>x</script>";
  std::string html = ToHtml(MakeCorpus(), opts);
  EXPECT_EQ(Count(html, "<script"), 1u);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
}

TEST(HtmlReportTest, ContentSecurityPolicyAllowsExactlyThePagesScript) {
  std::string html = ToHtml(MakeCorpus());
  size_t open = html.find("<script>");
  ASSERT_NE(open, std::string::npos);
  open += 8;
  std::string script = html.substr(open, html.find("</script>") - open);
  std::string csp = html.substr(0, html.find("<title>"));
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos);
  EXPECT_NE(csp.find("script-src '" + report_internal::CspHash(script) + "'"),
            std::string::npos);
  EXPECT_EQ(csp.find("unsafe-inline'; script"), csp.find("unsafe-inline'"));
  EXPECT_EQ(Count(csp, "unsafe-inline"), 1u);  // styles only
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
  size_t row = html.find("<tr id=\"name-e1\">");
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
  EXPECT_NE(html.find("<article class=\"card\" id=\"ent-e1\""),
            std::string::npos);
  EXPECT_NE(html.find("<tr id=\"ent-e2\">"), std::string::npos);
  EXPECT_EQ(TagProblem(html), "");
}

TEST(HtmlReportTest, BadStreamReportsWriteFailed) {
  std::ostream out(nullptr);
  EXPECT_EQ(WriteHtmlReport(MakeCorpus(), HtmlOptions{}, out).code(),
            ErrorCode::kWriteFailed);
}

// ---- The analyst's sections ----

// MakeCorpus() plus a role conflict on "President Mara Velden" in d1 and the
// partial quote of d2 in the same group as d1's first quote.
Corpus CorpusWithFinding() {
  Corpus c = MakeCorpus();
  Finding f;
  f.kind = "role_conflict";
  f.doc = 0;
  f.span = Find(c.documents[0].text(), "President Mara Velden");
  f.entity = 0;
  f.claim = "President";
  f.fact = "Mara Velden was <b>not</b> president on 2025-05-14";
  f.kb = "person:x-mara-velden";
  f.date = "2025-05-14";
  f.date_how = "published";
  c.findings.push_back(f);
  c.documents[0].layers().sentences[3].span =
      Find(c.documents[0].text(), "President Mara Velden of Norland said");
  c.documents[0].layers().sentences[3].span.end =
      Find(c.documents[0].text(), "weeks\".").end + 1;
  c.documents[1].meta().outlet = "Harbour <Post>";
  c.documents[1].meta().published = "2025-05-16T08:00:00Z";
  c.documents[1].layers().quotes[0].group = 0;
  c.entities[0].roles = {"President", "the <harbour> president"};
  c.entities[0].kb = "person:x-mara-velden";
  c.entities[0].kb_name = "Mara Velden";
  return c;
}

// The text between `start` and the next `end` after it, or "".
std::string Between(const std::string& html, const std::string& start,
                    const std::string& end) {
  size_t a = html.find(start);
  if (a == std::string::npos) return "";
  size_t b = html.find(end, a + start.size());
  return html.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

TEST(HtmlReportTest, FindingStatementLinksToItsHighlightedSpan) {
  Corpus c = CorpusWithFinding();
  std::string html = ToHtml(c);
  std::string anchor = "d1-s" + std::to_string(c.findings[0].span.start);
  std::string findings =
      Between(html, "<section id=\"findings\"", "</section>");
  EXPECT_NE(findings.find("<a class=\"stmt\" href=\"#" + anchor +
                          "\">President Mara Velden</a>"),
            std::string::npos);
  // The span in the text: once, focusable, enclosing the mention.
  EXPECT_EQ(Count(html, "id=\"" + anchor + "\""), 1u);
  size_t hl = html.find("<span class=\"stmt-hl\" id=\"" + anchor +
                        "\" tabindex=\"-1\"");
  ASSERT_NE(hl, std::string::npos);
  EXPECT_GT(hl, html.find("<article class=\"doc\" id=\"doc-d1\""));
  size_t ent = html.find("<span class=\"ent ent-PERSON\"", hl);
  EXPECT_EQ(html.find("</span>", hl), html.find("</span>", ent));
  EXPECT_LT(ent, html.find("</span>", hl));
  EXPECT_EQ(TagProblem(html), "");
}

TEST(HtmlReportTest, FindingNamesKindEntityFactSourceAndDate) {
  std::string html = ToHtml(CorpusWithFinding());
  std::string f = Between(html, "<li class=\"finding\" id=\"f1\">", "</li>");
  ASSERT_FALSE(f.empty());
  EXPECT_NE(f.find("<span class=\"kind\">role conflict</span>"),
            std::string::npos);
  EXPECT_NE(f.find("<a href=\"#ent-e1\">Mara Velden</a> is called "
                   "\u201cPresident\u201d"),
            std::string::npos);
  EXPECT_NE(f.find("was &lt;b&gt;not&lt;/b&gt; president"), std::string::npos);
  EXPECT_NE(f.find("Caldera Wire &middot; 2025-05-14 &middot; "
                   "<a href=\"#doc-d1\">d1</a>"),
            std::string::npos);
  // The sentence around the statement gives its context.
  EXPECT_NE(f.find("</a> of Norland said on Tuesday"), std::string::npos);
  EXPECT_NE(f.find("<code>person:x-mara-velden</code>"), std::string::npos);
}

TEST(HtmlReportTest, TwoFindingsOnOneStatementShareOneAnchor) {
  Corpus c = CorpusWithFinding();
  c.findings.push_back(c.findings[0]);
  std::string html = ToHtml(c);
  std::string id = "id=\"d1-s" + std::to_string(c.findings[0].span.start);
  EXPECT_EQ(Count(html, id + "\""), 1u);
  EXPECT_EQ(Count(html, "class=\"stmt\" href=\"#d1-s"), 2u);
}

TEST(HtmlReportTest, WithoutTextTheStatementIsShownButNotLinked) {
  HtmlOptions opts;
  opts.include_text = false;
  std::string html = ToHtml(CorpusWithFinding(), opts);
  EXPECT_EQ(html.find("class=\"stmt\""), std::string::npos);
  EXPECT_NE(html.find("<strong>President Mara Velden</strong>"),
            std::string::npos);
}

// Every in-page link has a target, and no id is used twice.
TEST(HtmlReportTest, EveryAnchorIsUniqueAndEveryLinkHasATarget) {
  for (bool text : {true, false}) {
    HtmlOptions opts;
    opts.include_text = text;
    std::string html = ToHtml(CorpusWithFinding(), opts);
    std::map<std::string, int> ids;
    for (size_t at = html.find(" id=\""); at != std::string::npos;
         at = html.find(" id=\"", at + 1)) {
      size_t start = at + 5;
      ++ids[html.substr(start, html.find('"', start) - start)];
    }
    for (const auto& [id, n] : ids) EXPECT_EQ(n, 1) << id;
    for (size_t at = html.find("href=\"#"); at != std::string::npos;
         at = html.find("href=\"#", at + 1)) {
      size_t start = at + 7;
      std::string target = html.substr(start, html.find('"', start) - start);
      EXPECT_EQ(ids.count(target), 1u) << "#" << target << " text=" << text;
    }
  }
}

TEST(HtmlReportTest, TableOfContentsLinksEverySection) {
  std::string html = ToHtml(CorpusWithFinding());
  std::string toc = Between(html, "<nav class=\"toc\"", "</nav>");
  for (const char* s :
       {"summary", "findings", "people", "quote-groups", "outlets", "documents",
        "entities", "quotes", "errors", "timings"}) {
    EXPECT_NE(toc.find(std::string("href=\"#") + s + "\""), std::string::npos)
        << s;
    EXPECT_NE(html.find(std::string("<section id=\"") + s + "\""),
              std::string::npos)
        << s;
  }
  EXPECT_NE(toc.find("Findings</a> <span class=\"n\">1</span>"),
            std::string::npos);
  // Findings come right after the overview.
  EXPECT_LT(html.find("<section id=\"summary\""),
            html.find("<section id=\"findings\""));
  EXPECT_LT(html.find("<section id=\"findings\""),
            html.find("<section id=\"people\""));
  EXPECT_LT(html.find("<section id=\"people\""),
            html.find("<section id=\"documents\""));
}

TEST(HtmlReportTest, OverviewGivesOutletsDateRangeAndMostMentioned) {
  std::string html = ToHtml(CorpusWithFinding());
  std::string o = Between(html, "<p class=\"overview\">", "</p>");
  EXPECT_NE(o.find("2 documents from 2 outlets, published 2025-05-14 to "
                   "2025-05-16."),
            std::string::npos)
      << o;
  EXPECT_NE(o.find("<a href=\"#ent-e1\">Mara Velden</a> (3)"),
            std::string::npos);
  EXPECT_NE(html.find("<dt>quote groups</dt><dd>1</dd>"), std::string::npos);
  EXPECT_NE(html.find("<dt>findings</dt><dd>1</dd>"), std::string::npos);
}

TEST(HtmlReportTest, PersonCardHasRolesKnowledgeBaseFindingsAndQuotes) {
  std::string html = ToHtml(CorpusWithFinding());
  std::string card =
      Between(html, "<article class=\"card\" id=\"ent-e1\"", "</article>");
  ASSERT_FALSE(card.empty());
  EXPECT_NE(card.find("\u201cPresident\u201d; \u201cthe &lt;harbour&gt; "
                      "president\u201d"),
            std::string::npos);
  EXPECT_NE(card.find("Mara Velden <code>person:x-mara-velden</code>"),
            std::string::npos);
  EXPECT_NE(card.find("3 times in 2 documents (2 outlets)"), std::string::npos);
  EXPECT_NE(card.find("<a href=\"#f1\">f1</a> role conflict"),
            std::string::npos);
  EXPECT_NE(card.find("<h4>Quoted 2 times</h4>"), std::string::npos);
  EXPECT_NE(card.find("<a class=\"ql\" href=\"#doc-d1-q2\">\u201cWe will "
                      "rebuild the harbour,\u201d</a>"),
            std::string::npos);
  // Places get no card.
  EXPECT_EQ(html.find("<article class=\"card\" id=\"ent-e2\""),
            std::string::npos);
}

TEST(HtmlReportTest, QuoteGroupListsEachOutletsVersion) {
  std::string html = ToHtml(CorpusWithFinding());
  std::string g =
      Between(html, "<article class=\"qgroup\" id=\"g1\"", "</article>");
  ASSERT_FALSE(g.empty());
  EXPECT_NE(g.find("Mara Velden: \u201cwithin three weeks\u201d"),
            std::string::npos);
  EXPECT_NE(g.find("2 documents, 2 outlets"), std::string::npos);
  EXPECT_NE(g.find("<td>Caldera Wire</td><td>2025-05-14</td>"),
            std::string::npos);
  EXPECT_NE(g.find("<td>Harbour &lt;Post&gt;</td><td>2025-05-16</td>"),
            std::string::npos);
  EXPECT_NE(g.find("href=\"#doc-d2-q3\">\u201cquotes\u201d</a>"),
            std::string::npos);
}

TEST(HtmlReportTest, QuoteInOneDocumentOnlyIsNoGroup) {
  std::string html = ToHtml(MakeCorpus());
  EXPECT_EQ(html.find("class=\"qgroup\""), std::string::npos);
  EXPECT_NE(html.find("No quote appears in more than one document."),
            std::string::npos);
}

TEST(HtmlReportTest, OutletsTableComparesDocumentsQuotesAndFindings) {
  std::string html = ToHtml(CorpusWithFinding());
  std::string t = Between(html, "<section id=\"outlets\"", "</section>");
  std::string wire = Between(t, "<tr><th scope=\"row\">Caldera Wire", "</tr>");
  EXPECT_NE(wire.find("<td class=\"num\">1<br><a href=\"#doc-d1\">d1</a>"),
            std::string::npos)
      << wire;
  EXPECT_NE(wire.find("<td>2025-05-14</td><td class=\"num\">2</td>"),
            std::string::npos);
  EXPECT_NE(wire.find("<a href=\"#ent-e1\">Mara Velden</a> (2)"),
            std::string::npos);
  // findings, then editorial and attributed (no framing in this corpus).
  EXPECT_TRUE(wire.ends_with("<td class=\"num\">1</td><td class=\"num\">"
                             "&ndash;</td><td class=\"num\">&ndash;</td>"))
      << wire;
  EXPECT_NE(t.find("<th scope=\"row\">Harbour &lt;Post&gt;</th>"),
            std::string::npos);
}

TEST(HtmlReportTest, UnknownOutletIsTheLastRow) {
  std::string html = ToHtml(MakeCorpus());
  std::string t = Between(html, "<section id=\"outlets\"", "</section>");
  EXPECT_LT(t.find("Caldera Wire"), t.find("outlet unknown"));
}

TEST(HtmlReportTest, ReportIsDeterministic) {
  EXPECT_EQ(ToHtml(CorpusWithFinding()), ToHtml(CorpusWithFinding()));
}

TEST(HtmlReportTest, HostileFindingAndEntityTextIsEscaped) {
  Corpus c = CorpusWithFinding();
  c.findings[0].claim = "\"><img src=x onerror=alert(1)>";
  c.findings[0].kind = "<script>k</script>";
  c.entities[0].name = "Mara <svg onload=alert(2)>";
  c.entities[0].kb = "person:<i>";
  std::string html = ToHtml(c);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<svg"), std::string::npos);
  EXPECT_EQ(html.find("<script>k"), std::string::npos);
  EXPECT_EQ(html.find("<i>"), std::string::npos);
  EXPECT_NE(html.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
            std::string::npos);
  EXPECT_EQ(TagProblem(html), "");
}

TEST(HtmlReportTest, OutletsTableShowsEditorialShare) {
  Corpus c = CorpusWithFinding();
  Framing& f = c.documents[0].layers().framing;
  f.computed = true;
  f.sentences = 4;
  f.attributed = 2;
  f.editorial.push_back(Span{0, 1});
  std::string html = ToHtml(c);
  std::string t = Between(html, "<section id=\"outlets\"", "</section>");
  std::string wire = Between(t, "<tr><th scope=\"row\">Caldera Wire", "</tr>");
  EXPECT_TRUE(wire.ends_with("<td class=\"num\">25%</td>"
                             "<td class=\"num\">50%</td>"))
      << wire;
  EXPECT_NE(html.find("<dt>framing</dt><dd>editorial 25% (1 of 4 sentences), "
                      "attributed 50%"),
            std::string::npos);
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

TEST(HtmlReportTest, TimelineListsItemsWithEscapedSentences) {
  Corpus c = testing_corpus::MakeCorpus();
  uint32_t di = 0;
  while (di < c.documents.size() &&
         c.documents[di].text().find("<script>") == std::string_view::npos) {
    ++di;
  }
  ASSERT_LT(di, c.documents.size());
  const Document& doc = c.documents[di];
  const Span script = testing_corpus::Find(doc.text(), "<script>alert(1)");
  TimelineItem item;
  item.date = "2031-W11";
  item.earliest = "2031-03-10";
  item.latest = "2031-03-16";
  item.keywords = {"caption<b>"};
  TimelineSpan s;
  s.doc = di;
  s.sentence = {script.start, script.end};
  s.time = {script.start, script.start + 1};
  s.value = "2031-W11";
  item.spans.push_back(s);
  c.timeline.push_back(item);
  const std::string html = ToHtml(c);
  EXPECT_NE(html.find("id=\"timeline\""), std::string::npos);
  EXPECT_NE(html.find("2031-03-10 \xE2\x80\x93 2031-03-16"), std::string::npos);
  EXPECT_NE(html.find("caption&lt;b&gt;"), std::string::npos);
  const size_t section = html.find("id=\"timeline\"");
  EXPECT_NE(html.find("&lt;script&gt;alert(1)", section), std::string::npos);
  EXPECT_EQ(html.find("caption<b>"), std::string::npos);
  EXPECT_EQ(TagProblem(html), "");
}

TEST(HtmlReportTest, InferredDateShowsRangeAndEvidence) {
  Corpus c = testing_corpus::MakeCorpus();
  DocMeta& m = c.documents[0].meta();
  m.published.clear();
  m.published_how = PublishedHow::kInferred;
  m.published_earliest = "2031-03-07";
  m.published_latest = "2031-03-13";
  m.published_evidence.push_back(
      {m.id, {0, 4}, "Thur", "\"Thursday\" <names> the day", "2031-03-13"});
  const std::string html = ToHtml(c);
  EXPECT_NE(html.find("between 2031-03-07 and 2031-03-13 (inferred)"),
            std::string::npos);
  EXPECT_NE(html.find("&lt;names&gt; the day"), std::string::npos);
  EXPECT_EQ(TagProblem(html), "");
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

TEST(HtmlReportTest, FindingStatementShowsAnInferredDateRange) {
  Corpus c = CorpusWithFinding();
  DocMeta& m = c.documents[0].meta();
  m.published.clear();
  m.published_how = PublishedHow::kInferred;
  m.published_earliest = "2025-05-11";
  m.published_latest = "2025-05-12";
  std::string html = ToHtml(c);
  std::string findings = Between(html, "<section id=\"findings\"", "</section>");
  EXPECT_NE(findings.find("between 2025-05-11 and 2025-05-12 (inferred)"),
            std::string::npos);
  EXPECT_EQ(findings.find("date unknown"), std::string::npos);
}

TEST(HtmlReportTest, JointSpeakerLabelNamesEveryEntity) {
  Corpus c = MakeCorpus();
  // Document 0's mentions 0 (Mara Velden) and 1 (Norland).
  c.documents[0].layers().quotes[0].joint_mentions = {0, 1};
  std::string html = ToHtml(c);
  EXPECT_NE(html.find("data-speaker=\"Mara Velden and Norland\""),
            std::string::npos);
}

}  // namespace
}  // namespace dossier
