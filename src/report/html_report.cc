#include "report/html_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <string_view>
#include <vector>

#include "report/span_renderer.h"
#include "report/text_util.h"

namespace dossier {
namespace {

using report_internal::SafeSlice;

constexpr std::string_view kStyle = R"css(
:root{--fg:#1b1b1b;--bg:#fff;--muted:#666;--line:#ddd;--accent:#0b57d0;
--per:#fde2c4;--org:#d6e6fb;--loc:#d5f0d5;--misc:#ece0f7;--quote:#fff5b3;
--rm:#999}
@media (prefers-color-scheme:dark){:root{--fg:#e6e6e6;--bg:#161616;
--muted:#a0a0a0;--line:#3a3a3a;--accent:#8ab4f8;--per:#5a3b1a;--org:#1d3a5c;
--loc:#1e4a24;--misc:#45305a;--quote:#4d4513;--rm:#888}}
*{box-sizing:border-box}
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;
color:var(--fg);background:var(--bg);margin:0 auto;max-width:60rem;
padding:0 1rem 4rem}
a{color:var(--accent)}
a:focus,[tabindex]:focus{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0}
.skip:focus{left:1rem;background:var(--bg);padding:.5rem;z-index:9}
header nav a{margin-right:1rem}
h1{margin:1rem 0 .25rem}
.muted,.legend{color:var(--muted);font-size:.9rem}
dl.counts{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:0}
dl.counts div{display:flex;flex-direction:column}
dl.counts dt{color:var(--muted);font-size:.85rem}
dl.counts dd{margin:0;font-size:1.4rem;font-weight:600}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;
margin:.5rem 0}
dl.meta dt{color:var(--muted)}
dl.meta dd{margin:0;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;
text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
article.doc{border-top:2px solid var(--line);margin-top:2rem}
.text p{margin:.6rem 0}
.text .title{font-weight:700;font-size:1.2rem}
.text .heading{font-weight:700}
.text .dateline{font-variant:small-caps}
.ent{border-radius:3px;padding:0 .1em}
.ent-PERSON{background:var(--per)}
.ent-ORG{background:var(--org)}
.ent-LOC{background:var(--loc)}
.ent-MISC{background:var(--misc)}
.q{background:var(--quote)}
.qs::before{content:attr(data-speaker);font-size:.7rem;font-weight:600;
color:var(--muted);margin-right:.25em;vertical-align:super}
.tx{text-decoration:underline dotted 2px}
.dl{font-style:italic}
.removed{color:var(--rm);font-size:.85rem}
.removed del{text-decoration:line-through}
.why{font-style:italic}
code{font-size:.9em}
@media print{.skip,header nav{display:none}body{max-width:none;font-size:11pt}
a{color:inherit;text-decoration:none}article.doc{break-before:page}
.ent,.q{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.qs::before{content:none}}
)css";

// Output buffer flushed to the stream section by section.
class Page {
 public:
  explicit Page(std::ostream& out) : out_(out) {}
  std::string& buf() { return buf_; }
  Page& Raw(std::string_view s) {
    buf_ += s;
    return *this;
  }
  Page& Text(std::string_view s) {
    AppendHtmlEscaped(s, buf_);
    return *this;
  }
  Page& Num(uint64_t n) {
    buf_ += std::to_string(n);
    return *this;
  }
  Page& Seconds(double s) {
    char b[32];
    std::snprintf(b, sizeof(b), "%.3f", std::isfinite(s) ? s : 0.0);
    buf_ += b;
    return *this;
  }
  void Flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

 private:
  std::ostream& out_;
  std::string buf_;
};

std::string DocAnchor(const Document& doc) {
  return "doc-" + HtmlEscape(doc.meta().id);
}

std::string_view DocTitle(const Document& doc) {
  if (!doc.meta().title.empty()) return doc.meta().title;
  return doc.meta().source;
}

// "Port Alder, 2025-05-15 — Caldera Wire" or "".
std::string DatelineText(const Dateline& d) {
  std::string s = d.place;
  if (!d.date.empty()) s += (s.empty() ? "" : ", ") + d.date;
  if (!d.agency.empty()) s += (s.empty() ? "" : " \u2014 ") + d.agency;
  return s;
}

// "2025-05-15 (dateline)" or "unknown".
std::string PublishedText(const DocMeta& m) {
  if (m.published.empty()) return "unknown";
  std::string s = m.published;
  std::string_view how = PublishedHowName(m.published_how);
  if (!how.empty()) s += " (" + std::string(how) + ")";
  return s;
}

const Entity* EntityOf(const Corpus& corpus, const Mention& m) {
  if (m.entity < 0 || static_cast<size_t>(m.entity) >= corpus.entities.size()) {
    return nullptr;
  }
  return &corpus.entities[m.entity];
}

const Entity* SpeakerOf(const Corpus& corpus, const Document& doc,
                        const Quote& q) {
  const auto& mentions = doc.layers().mentions;
  if (q.speaker_mention < 0 ||
      static_cast<size_t>(q.speaker_mention) >= mentions.size()) {
    return nullptr;
  }
  return EntityOf(corpus, mentions[q.speaker_mention]);
}

// Who said it, for labels: entity name, else the speaker span, else "".
std::string SpeakerName(const Corpus& corpus, const Document& doc,
                        const Quote& q) {
  if (const Entity* e = SpeakerOf(corpus, doc, q)) return e->name;
  return std::string(SafeSlice(doc.text(), q.speaker));
}

std::string QuoteId(uint64_t n) { return "q" + std::to_string(n); }

// The inline markup of one document: quotes (outermost), dateline, mentions,
// times. `first_quote` is the corpus-wide number of its first quote.
std::vector<MarkupSpan> DocumentSpans(const Corpus& corpus, const Document& doc,
                                      uint64_t first_quote) {
  const Layers& l = doc.layers();
  std::vector<MarkupSpan> spans;
  spans.reserve(l.quotes.size() + l.mentions.size() + l.times.size() + 1);
  uint64_t n = first_quote;
  for (const Quote& q : l.quotes) {
    std::string id = QuoteId(n++);
    std::string speaker = SpeakerName(corpus, doc, q);
    std::string title =
        "Quote " + id + " (" + std::string(QuoteKindName(q.kind)) + ")";
    if (!speaker.empty()) title += ", speaker: " + speaker;
    std::string_view cue = SafeSlice(doc.text(), q.cue);
    if (!cue.empty()) title += ", cue: " + std::string(cue);
    std::string kind_class = "q q-" + std::string(QuoteKindName(q.kind));
    std::string title_attr = " title=\"" + HtmlEscape(title) + "\"";
    MarkupSpan m;
    m.span = q.span;
    // The first piece has the anchor and, when known, a visible speaker
    // label (CSS ::before on .qs); continuation pieces have neither.
    m.open = "<span id=\"" + DocAnchor(doc) + "-" + id + "\" class=\"" +
             kind_class + (speaker.empty() ? "" : " qs") + "\"" + title_attr;
    if (!speaker.empty()) {
      m.open += " data-speaker=\"" + HtmlEscape(speaker) + "\"";
    }
    m.open += ">";
    m.reopen = "<span class=\"" + kind_class + "\"" + title_attr + ">";
    m.close = "</span>";
    spans.push_back(std::move(m));
  }
  if (l.dateline.has_value()) {
    MarkupSpan m;
    m.span = l.dateline->span;
    m.open = "<span class=\"dl\" title=\"dateline: " +
             HtmlEscape(DatelineText(*l.dateline)) + "\">";
    m.close = "</span>";
    spans.push_back(std::move(m));
  }
  for (const Mention& mention : l.mentions) {
    std::string type(EntityTypeName(mention.type));
    std::string title = type;
    if (const Entity* e = EntityOf(corpus, mention)) {
      title += " " + e->id + " " + e->name;
    } else {
      title += " (not linked)";
    }
    MarkupSpan m;
    m.span = mention.span;
    m.open = "<span class=\"ent ent-" + type + "\" title=\"" +
             HtmlEscape(title) + "\">";
    m.close = "</span>";
    spans.push_back(std::move(m));
  }
  for (const Timex& t : l.times) {
    MarkupSpan m;
    m.span = t.span;
    m.open = "<span class=\"tx\" title=\"" +
             HtmlEscape(std::string(TimexTypeName(t.type)) + " " + t.value) +
             "\">";
    m.close = "</span>";
    spans.push_back(std::move(m));
  }
  return spans;
}

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// One unit of the rendered body: a layout block, or a paragraph found in
// text that no block covers.
struct Piece {
  Span span;
  BlockKind kind = BlockKind::kParagraph;
};

// Splits text[range] at blank lines into non-blank paragraphs.
void AddParagraphs(std::string_view text, Span range, std::vector<Piece>& out) {
  uint32_t start = range.start;
  while (start < range.end) {
    size_t br = text.substr(0, range.end).find("\n\n", start);
    uint32_t end =
        br == std::string_view::npos ? range.end : static_cast<uint32_t>(br);
    if (!IsBlank(text.substr(start, end - start))) {
      out.push_back(Piece{Span{start, end}, BlockKind::kParagraph});
    }
    start = end + 2;
  }
}

std::vector<Piece> BodyPieces(const Document& doc) {
  std::string_view text = doc.text();
  std::vector<Block> blocks = doc.layers().blocks;
  std::stable_sort(blocks.begin(), blocks.end(),
                   [](const Block& a, const Block& b) {
                     return a.span.start < b.span.start;
                   });
  std::vector<Piece> pieces;
  uint32_t cursor = 0;
  for (const Block& b : blocks) {
    Span s = report_internal::ClampSpan(b.span, text.size());
    if (s.start < cursor) s.start = std::min(cursor, s.end);  // overlap
    if (s.empty()) continue;
    if (s.start > cursor) AddParagraphs(text, Span{cursor, s.start}, pieces);
    pieces.push_back(Piece{s, b.kind});
    cursor = s.end;
  }
  if (cursor < text.size()) {
    AddParagraphs(text, Span{cursor, static_cast<uint32_t>(text.size())},
                  pieces);
  }
  return pieces;
}

void WriteRemoved(const Removed& r, Page& p) {
  p.Raw("<p class=\"removed\"><del>").Text(r.text);
  p.Raw("</del> <span class=\"why\">[removed: ").Text(r.why);
  p.Raw("]</span></p>\n");
}

void WriteBody(const Corpus& corpus, const Document& doc, uint64_t first_quote,
               Page& p) {
  std::vector<MarkupSpan> spans = DocumentSpans(corpus, doc, first_quote);
  std::vector<Piece> pieces = BodyPieces(doc);
  std::vector<const Removed*> removed;
  for (const Removed& r : doc.layers().removed) removed.push_back(&r);
  std::stable_sort(
      removed.begin(), removed.end(),
      [](const Removed* a, const Removed* b) { return a->at < b->at; });
  size_t next_removed = 0;
  RenderOptions ropts;
  std::vector<char> started(spans.size(), 0);
  p.Raw("<div class=\"text\">\n");
  for (const Piece& piece : pieces) {
    while (next_removed < removed.size() &&
           removed[next_removed]->at <= piece.span.start) {
      WriteRemoved(*removed[next_removed++], p);
    }
    switch (piece.kind) {
      case BlockKind::kTitle:
        p.Raw("<p class=\"title\">");
        break;
      case BlockKind::kHeading:
        p.Raw("<p class=\"heading\" role=\"heading\" aria-level=\"4\">");
        break;
      case BlockKind::kDateline:
        p.Raw("<p class=\"dateline\">");
        break;
      case BlockKind::kParagraph:
        p.Raw("<p>");
        break;
    }
    RenderSpans(doc.text(), piece.span, spans, ropts, p.buf(), &started);
    p.Raw("</p>\n");
  }
  while (next_removed < removed.size()) {
    WriteRemoved(*removed[next_removed++], p);
  }
  p.Raw("</div>\n");
}

void WriteSummary(const Corpus& corpus, uint64_t quotes, uint64_t times,
                  Page& p) {
  p.Raw("<section id=\"summary\" aria-labelledby=\"summary-h\">\n");
  p.Raw("<h2 id=\"summary-h\">Summary</h2>\n<dl class=\"counts\">");
  auto count = [&p](std::string_view label, uint64_t n) {
    p.Raw("<div><dt>").Raw(label).Raw("</dt><dd>").Num(n).Raw("</dd></div>");
  };
  count("documents", corpus.documents.size());
  count("entities", corpus.entities.size());
  count("quotes", quotes);
  count("dates and times", times);
  count("errors", corpus.errors.size());
  p.Raw("</dl>\n");
  p.Raw("<table><caption class=\"muted\">Stage timings (wall ")
      .Seconds(corpus.wall_seconds)
      .Raw(
          " s)</caption>\n<thead><tr><th scope=\"col\">stage</th>"
          "<th scope=\"col\" class=\"num\">seconds</th>"
          "<th scope=\"col\" class=\"num\">documents</th></tr></thead>\n"
          "<tbody>\n");
  for (const StageTiming& t : corpus.timings) {
    p.Raw("<tr><td>").Text(t.name).Raw("</td><td class=\"num\">");
    p.Seconds(t.seconds).Raw("</td><td class=\"num\">").Num(t.documents);
    p.Raw("</td></tr>\n");
  }
  p.Raw("</tbody></table>\n</section>\n");
}

void WriteIndex(const Corpus& corpus, Page& p) {
  p.Raw("<ol class=\"index\">\n");
  for (const Document& doc : corpus.documents) {
    const DocMeta& m = doc.meta();
    p.Raw("<li><a href=\"#").Raw(DocAnchor(doc)).Raw("\">");
    p.Text(DocTitle(doc)).Raw("</a> <span class=\"muted\">");
    p.Text(m.outlet.value_or("outlet unknown")).Raw(" &middot; ");
    p.Text(PublishedText(m));
    if (doc.layers().dateline.has_value()) {
      p.Raw(" &middot; ").Text(DatelineText(*doc.layers().dateline));
    }
    p.Raw("</span></li>\n");
  }
  p.Raw("</ol>\n");
}

void WriteDocument(const Corpus& corpus, const Document& doc,
                   uint64_t first_quote, const HtmlOptions& opts, Page& p) {
  const DocMeta& m = doc.meta();
  const Layers& l = doc.layers();
  std::string anchor = DocAnchor(doc);
  p.Raw("<article class=\"doc\" id=\"").Raw(anchor);
  p.Raw("\" aria-labelledby=\"").Raw(anchor).Raw("-h\">\n");
  p.Raw("<h3 id=\"").Raw(anchor).Raw("-h\">").Text(DocTitle(doc));
  p.Raw(" <span class=\"muted\">").Text(m.id).Raw("</span></h3>\n");
  p.Raw("<dl class=\"meta\">");
  auto row = [&p](std::string_view k, std::string_view v) {
    p.Raw("<dt>").Raw(k).Raw("</dt><dd>").Text(v).Raw("</dd>");
  };
  row("source", m.source);
  std::string outlet = m.outlet.value_or("unknown");
  if (m.outlet.has_value() && !m.outlet_how.empty()) {
    outlet += " (" + m.outlet_how + ")";
  }
  row("outlet", outlet);
  row("published", PublishedText(m));
  if (l.dateline.has_value()) row("dateline", DatelineText(*l.dateline));
  if (!m.url.empty()) {
    std::string_view url = m.url;
    p.Raw("<dt>url</dt><dd>");
    // Only http(s) links become links; anything else stays text.
    if (url.starts_with("https://") || url.starts_with("http://")) {
      p.Raw("<a rel=\"noopener noreferrer nofollow\" href=\"").Text(url);
      p.Raw("\">").Text(url).Raw("</a>");
    } else {
      p.Text(url);
    }
    p.Raw("</dd>");
  }
  if (!m.duplicates.empty()) {
    std::string copies;
    for (const DuplicateRef& d : m.duplicates) {
      if (!copies.empty()) copies += "; ";
      char sim[16];
      std::snprintf(sim, sizeof sim, "%.2f", d.similarity);
      copies += d.source + " (" + d.outlet.value_or("outlet unknown") +
                ", similarity " + sim + ")";
    }
    row("also published as", copies);
  }
  row("language", m.language);
  row("layers", std::to_string(l.sentences.size()) + " sentences, " +
                    std::to_string(l.mentions.size()) + " mentions, " +
                    std::to_string(l.quotes.size()) + " quotes, " +
                    std::to_string(l.times.size()) + " time expressions, " +
                    std::to_string(l.removed.size()) + " removed blocks");
  p.Raw("</dl>\n");
  if (opts.include_text) WriteBody(corpus, doc, first_quote, p);
  p.Raw("<p><a href=\"#documents\">Back to the index</a></p>\n");
  p.Raw("</article>\n");
}

void WriteEntities(const Corpus& corpus, Page& p) {
  p.Raw("<section id=\"entities\" aria-labelledby=\"entities-h\">\n");
  p.Raw("<h2 id=\"entities-h\">Entities</h2>\n");
  if (corpus.entities.empty()) {
    p.Raw("<p class=\"muted\">No entities.</p>\n</section>\n");
    return;
  }
  p.Raw(
      "<table><thead><tr><th scope=\"col\">name</th>"
      "<th scope=\"col\">type</th><th scope=\"col\">aliases</th>"
      "<th scope=\"col\" class=\"num\">mentions</th>"
      "<th scope=\"col\">documents</th></tr></thead>\n<tbody>\n");
  for (const Entity& e : corpus.entities) {
    p.Raw("<tr id=\"ent-").Text(e.id).Raw("\"><td>").Text(e.name);
    p.Raw(" <span class=\"muted\">").Text(e.id).Raw("</span></td>");
    p.Raw("<td><span class=\"ent ent-").Raw(EntityTypeName(e.type));
    p.Raw("\">").Raw(EntityTypeName(e.type)).Raw("</span></td><td>");
    for (size_t i = 0; i < e.aliases.size(); ++i) {
      if (i) p.Raw(", ");
      p.Text(e.aliases[i]);
    }
    p.Raw("</td><td class=\"num\">").Num(e.mentions.size()).Raw("</td><td>");
    std::set<uint32_t> docs;
    for (const MentionRef& r : e.mentions) {
      if (r.doc < corpus.documents.size()) docs.insert(r.doc);
    }
    bool first = true;
    for (uint32_t d : docs) {
      if (!first) p.Raw(", ");
      first = false;
      const Document& doc = corpus.documents[d];
      p.Raw("<a href=\"#").Raw(DocAnchor(doc)).Raw("\">").Text(doc.meta().id);
      p.Raw("</a>");
    }
    p.Raw("</td></tr>\n");
  }
  p.Raw("</tbody></table>\n</section>\n");
}

void WriteQuotes(const Corpus& corpus, const HtmlOptions& opts, Page& p) {
  p.Raw("<section id=\"quotes\" aria-labelledby=\"quotes-h\">\n");
  p.Raw("<h2 id=\"quotes-h\">Quotes</h2>\n");
  p.Raw(
      "<table><thead><tr><th scope=\"col\">speaker</th>"
      "<th scope=\"col\">quote</th><th scope=\"col\">document</th>"
      "<th scope=\"col\">group</th></tr></thead>\n<tbody>\n");
  uint64_t n = 0;
  for (const Document& doc : corpus.documents) {
    std::string anchor = DocAnchor(doc);
    for (const Quote& q : doc.layers().quotes) {
      std::string id = QuoteId(++n);
      p.Raw("<tr><td>");
      if (const Entity* e = SpeakerOf(corpus, doc, q)) {
        p.Raw("<a href=\"#ent-").Text(e->id).Raw("\">").Text(e->name);
        p.Raw("</a>");
      } else {
        std::string_view s = SafeSlice(doc.text(), q.speaker);
        if (s.empty()) {
          p.Raw("<span class=\"muted\">unknown</span>");
        } else {
          p.Text(s);
        }
      }
      p.Raw("</td><td>");
      Span content = q.content.empty() ? q.span : q.content;
      if (opts.include_text) {
        p.Raw("<a href=\"#").Raw(anchor).Raw("-").Raw(id).Raw("\">");
        p.Text(SafeSlice(doc.text(), content)).Raw("</a>");
      } else {
        p.Text(SafeSlice(doc.text(), content));
      }
      p.Raw(" <span class=\"muted\">").Raw(id).Raw(", ");
      p.Raw(QuoteKindName(q.kind)).Raw("</span></td><td><a href=\"#");
      p.Raw(anchor).Raw("\">").Text(doc.meta().id).Raw("</a></td><td>");
      if (q.group >= 0) p.Raw("g").Num(static_cast<uint64_t>(q.group) + 1);
      p.Raw("</td></tr>\n");
    }
    p.Flush();
  }
  p.Raw("</tbody></table>\n</section>\n");
}

// Findings first in the reader's eye: what conflicts with known facts.
void WriteFindings(const Corpus& corpus, Page& p) {
  p.Raw("<section id=\"findings\" aria-labelledby=\"findings-h\">\n");
  p.Raw("<h2 id=\"findings-h\">Findings</h2>\n");
  if (corpus.findings.empty()) {
    p.Raw("<p class=\"muted\">No statement conflicts with the knowledge "
          "base.</p>\n</section>\n");
    return;
  }
  p.Raw(
      "<table><thead><tr><th scope=\"col\">kind</th>"
      "<th scope=\"col\">document</th><th scope=\"col\">statement</th>"
      "<th scope=\"col\">known fact</th><th scope=\"col\">checked on</th>"
      "</tr></thead>\n<tbody>\n");
  for (const Finding& f : corpus.findings) {
    if (f.doc >= corpus.documents.size()) continue;
    const Document& doc = corpus.documents[f.doc];
    p.Raw("<tr><td>").Text(f.kind).Raw("</td><td><a href=\"#");
    p.Raw(DocAnchor(doc)).Raw("\">").Text(doc.meta().id).Raw("</a></td><td>");
    p.Text(SafeSlice(doc.text(), f.span)).Raw("</td><td>").Text(f.fact);
    p.Raw("</td><td>").Text(f.date).Raw(" <span class=\"muted\">(");
    p.Text(f.date_how).Raw(")</span></td></tr>\n");
  }
  p.Raw("</tbody></table>\n</section>\n");
}

// The stories first: what the documents are about, each with its
// documents linked.
void WriteStories(const Corpus& corpus, Page& p) {
  p.Raw("<section id=\"stories\" aria-labelledby=\"stories-h\">\n");
  p.Raw("<h2 id=\"stories-h\">Stories</h2>\n");
  if (corpus.stories.empty()) {
    p.Raw("<p class=\"muted\">No stories.</p>\n</section>\n");
    return;
  }
  p.Raw("<ol class=\"stories\">\n");
  for (const Story& s : corpus.stories) {
    p.Raw("<li><strong>").Text(s.label).Raw("</strong> <span class=\"muted\">");
    p.Num(s.documents.size()).Raw(s.documents.size() == 1 ? " document" : " documents");
    if (!s.first_published.empty()) {
      p.Raw(", ").Text(s.first_published);
      if (s.last_published != s.first_published) {
        p.Raw(" to ").Text(s.last_published);
      }
    }
    p.Raw("</span>:");
    for (uint32_t d : s.documents) {
      if (d >= corpus.documents.size()) continue;
      const Document& doc = corpus.documents[d];
      p.Raw(" <a href=\"#").Raw(DocAnchor(doc)).Raw("\" title=\"");
      p.Text(DocTitle(doc)).Raw("\">").Text(doc.meta().id).Raw("</a>");
    }
    p.Raw("</li>\n");
  }
  p.Raw("</ol>\n</section>\n");
}

void WriteErrors(const Corpus& corpus, Page& p) {
  p.Raw("<section id=\"errors\" aria-labelledby=\"errors-h\">\n");
  p.Raw("<h2 id=\"errors-h\">Errors</h2>\n");
  if (corpus.errors.empty()) {
    p.Raw("<p class=\"muted\">No errors.</p>\n</section>\n");
    return;
  }
  p.Raw("<ul class=\"errors\">\n");
  for (const DocError& e : corpus.errors) {
    p.Raw("<li><code>").Raw(ErrorCodeId(e.status.code())).Raw("</code> (");
    p.Num(static_cast<uint64_t>(ErrorCodeNumber(e.status.code())));
    p.Raw(") <strong>").Text(e.source).Raw("</strong>: ");
    p.Text(e.status.message()).Raw("</li>\n");
  }
  p.Raw("</ul>\n</section>\n");
}

}  // namespace

Status WriteHtmlReport(const Corpus& corpus, const HtmlOptions& opts,
                       std::ostream& out) {
  if (!out) return Status(ErrorCode::kWriteFailed, "output stream not good");
  uint64_t quotes = 0, times = 0;
  for (const Document& doc : corpus.documents) {
    quotes += doc.layers().quotes.size();
    times += doc.layers().times.size();
  }
  Page p(out);
  p.Raw(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"
      "\n<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" "
      "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
      "<meta name=\"referrer\" content=\"no-referrer\">\n<title>");
  p.Text(opts.title).Raw("</title>\n<style>").Raw(kStyle);
  p.Raw(
      "</style>\n</head>\n<body>\n"
      "<a class=\"skip\" href=\"#main\">Skip to content</a>\n<header>\n"
      "<h1>");
  p.Text(opts.title)
      .Raw(
          "</h1>\n<nav aria-label=\"Sections\">"
          "<a href=\"#stories\">Stories</a>"
          "<a href=\"#summary\">Summary</a>"
          "<a href=\"#findings\">Findings</a>"
          "<a href=\"#documents\">Documents</a>"
          "<a href=\"#entities\">Entities</a>"
          "<a href=\"#quotes\">Quotes</a>"
          "<a href=\"#errors\">Errors</a></nav>\n</header>\n"
          "<main id=\"main\" tabindex=\"-1\">\n");
  WriteStories(corpus, p);
  WriteSummary(corpus, quotes, times, p);
  WriteFindings(corpus, p);
  p.Raw(
      "<section id=\"documents\" aria-labelledby=\"documents-h\">\n"
      "<h2 id=\"documents-h\">Documents</h2>\n");
  if (opts.include_text) {
    p.Raw(
        "<p class=\"legend\">Highlights: <span class=\"ent ent-PERSON\">"
        "person</span> <span class=\"ent ent-ORG\">organisation</span> "
        "<span class=\"ent ent-LOC\">place</span> <span class=\"ent "
        "ent-MISC\">other name</span> <span class=\"q\">quote</span> "
        "<span class=\"tx\">date or time</span> <span class=\"removed\">"
        "<del>removed boilerplate</del></span>. Hover for details.</p>\n");
  }
  WriteIndex(corpus, p);
  p.Flush();
  uint64_t first_quote = 1;
  for (const Document& doc : corpus.documents) {
    WriteDocument(corpus, doc, first_quote, opts, p);
    first_quote += doc.layers().quotes.size();
    p.Flush();
  }
  p.Raw("</section>\n");
  WriteEntities(corpus, p);
  WriteQuotes(corpus, opts, p);
  WriteErrors(corpus, p);
  p.Raw("</main>\n</body>\n</html>\n");
  p.Flush();
  out.flush();
  if (!out) {
    return Status(ErrorCode::kWriteFailed,
                  "writing report.html failed (disk full or stream closed?)");
  }
  return Status::Ok();
}

}  // namespace dossier
