#include "report/html_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "report/sha256.h"
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
.ev{border-bottom:2px solid var(--muted)}
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

// The analyst's view: overview, table of contents, findings, cards for
// people and organisations, quotes across outlets, outlets compared.
constexpr std::string_view kStyleDossier = R"css(
:root{--stmt:#b3261e;--stmtbg:#fde7e5;--mark:#ffe9a8}
@media (prefers-color-scheme:dark){:root{--stmt:#f28b82;--stmtbg:#5c2320;
--mark:#5a4a10}}
h2{border-bottom:1px solid var(--line);padding-bottom:.2rem;margin-top:2.5rem}
p.overview{font-size:1.05rem;margin:.25rem 0 .75rem}
nav.toc a{margin-right:0}
a.ql{color:inherit;text-decoration-color:var(--accent)}
nav.toc ol{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1.1rem;
padding:0;margin:.5rem 0}
.n{color:var(--muted);font-size:.85rem;font-weight:400}
.kind{display:inline-block;font-size:.72rem;font-weight:600;
text-transform:uppercase;letter-spacing:.03em;border:1px solid var(--stmt);
color:var(--stmt);border-radius:3px;padding:0 .35em;margin-right:.4em}
ol.findings{padding-left:1.5rem}
li.finding{margin:0 0 1.25rem}
p.fsum{margin:.2rem 0}
blockquote.statement{margin:.3rem 0;padding:.2rem .75rem;
border-left:4px solid var(--stmt)}
blockquote.statement footer{color:var(--muted);font-size:.85rem}
a.stmt{font-weight:600}
.stmt-hl{outline:2px solid var(--stmt);outline-offset:1px;
background:var(--stmtbg)}
.stmt-hl:target,.stmt-hl.marked,tr.marked,tr:target,article.card:target,
article.card.marked,article.qgroup.marked,.q.marked,.q:target{
outline:3px solid var(--accent);outline-offset:2px;background:var(--mark)}
article.card{border:1px solid var(--line);border-radius:6px;
padding:.4rem 1rem;margin:.75rem 0}
article.card h3,article.qgroup h3{margin:.3rem 0;font-size:1.1rem}
ul.said{margin:.25rem 0;padding-left:1.25rem}
ul.said li{margin:.2rem 0}
article.qgroup td:nth-child(2){white-space:nowrap}
article.qgroup{border-left:4px solid var(--quote);padding:.1rem .75rem;
margin:1rem 0}
@media print{nav.toc{display:none}}
)css";

// The one script of the page (its SHA-256 is in the Content-Security-Policy,
// so no other script can run): following an in-page link scrolls the target
// into view, focuses it and marks it, also for a link followed twice.
constexpr std::string_view kScript = R"js(
(function(){
"use strict";
var cur=null;
function mark(id){
var el=id?document.getElementById(id):null;
if(!el)return false;
if(cur)cur.classList.remove("marked");
cur=el;el.classList.add("marked");
if(!el.hasAttribute("tabindex"))el.setAttribute("tabindex","-1");
var big=el.getBoundingClientRect().height>window.innerHeight/2;
el.scrollIntoView({block:big?"start":"center"});
el.focus({preventScroll:true});
return true;
}
function fromHash(){
var h=location.hash.slice(1);
try{h=decodeURIComponent(h);}catch(e){}
mark(h);
}
document.addEventListener("click",function(ev){
var a=ev.target.closest?ev.target.closest("a[href^='#']"):null;
if(!a||ev.button!==0||ev.ctrlKey||ev.metaKey||ev.shiftKey||ev.altKey)return;
var id=a.getAttribute("href").slice(1);
if(!mark(id))return;
ev.preventDefault();
if(location.hash!=="#"+id)history.pushState(null,"","#"+id);
});
window.addEventListener("popstate",fromHash);
window.addEventListener("hashchange",fromHash);
if(location.hash)fromHash();
})();
)js";

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
  if (m.published.empty() && m.published_how == PublishedHow::kInferred &&
      !m.published_earliest.empty()) {
    return "between " + m.published_earliest + " and " + m.published_latest +
           " (inferred)";
  }
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
  // A joint speaker: "Ada Roe and Tom Eke".
  if (q.joint_mentions.size() > 1) {
    std::string names;
    const auto& mentions = doc.layers().mentions;
    for (size_t i = 0; i < q.joint_mentions.size(); ++i) {
      const int32_t m = q.joint_mentions[i];
      const Entity* e =
          m >= 0 && static_cast<size_t>(m) < mentions.size()
              ? EntityOf(corpus, mentions[m])
              : nullptr;
      if (e == nullptr) {
        names.clear();
        break;
      }
      if (i > 0) names += i + 1 == q.joint_mentions.size() ? " and " : ", ";
      names += e->name;
    }
    if (!names.empty()) return names;
  }
  if (const Entity* e = SpeakerOf(corpus, doc, q)) return e->name;
  return std::string(SafeSlice(doc.text(), q.speaker));
}

std::string QuoteId(uint64_t n) { return "q" + std::to_string(n); }

// The anchor of a statement's highlighted span in its document's text:
// "d4-s241" (document id, "-s", byte offset where the statement starts).
std::string StatementAnchor(const Document& doc, Span span) {
  return HtmlEscape(doc.meta().id) + "-s" + std::to_string(span.start);
}

std::string FindingId(size_t i) { return "f" + std::to_string(i + 1); }

std::string_view OutletOf(const DocMeta& m) {
  if (m.outlet.has_value() && !m.outlet->empty()) return *m.outlet;
  return "outlet unknown";
}

// The day of `published` ("2025-03-11" of "2025-03-11T09:00:00Z"), or "".
std::string_view PublishedDay(const DocMeta& m) {
  return std::string_view(m.published).substr(0, 10);
}

// The index of `doc` in corpus.documents, or documents.size() when it is
// not one of them.
size_t DocIndex(const Corpus& corpus, const Document& doc) {
  const Document* base = corpus.documents.data();
  if (&doc < base || &doc >= base + corpus.documents.size()) {
    return corpus.documents.size();
  }
  return static_cast<size_t>(&doc - base);
}

std::string_view FindingKindLabel(std::string_view kind) {
  if (kind == "role_conflict") return "role conflict";
  return kind;
}

// The highlighted statements of the findings in document `d`: one span per
// distinct start offset (its anchor), listed before every other layer so
// that it encloses a mention of the same extent.
std::vector<MarkupSpan> StatementSpans(const Corpus& corpus, size_t d) {
  std::vector<MarkupSpan> spans;
  if (d >= corpus.documents.size()) return spans;
  const Document& doc = corpus.documents[d];
  std::set<uint32_t> seen;
  for (size_t i = 0; i < corpus.findings.size(); ++i) {
    const Finding& f = corpus.findings[i];
    // The statements of the finding (the first one is f.doc/f.span for a
    // finding that lists none).
    std::vector<std::pair<uint32_t, Span>> where;
    if (f.statements.empty()) where.emplace_back(f.doc, f.span);
    for (const FindingStatement& st : f.statements) {
      where.emplace_back(st.doc, st.span);
    }
    for (const auto& [sd, span] : where) {
      if (sd != d || span.empty() || !seen.insert(span.start).second) {
        continue;
      }
      std::string title = "Finding " + FindingId(i) + " (" +
                          std::string(FindingKindLabel(f.kind)) + "): " +
                          (f.summary.empty() ? f.fact : f.summary);
      MarkupSpan m;
      m.span = span;
      m.open = "<span class=\"stmt-hl\" id=\"" + StatementAnchor(doc, span) +
               "\" tabindex=\"-1\" data-finding=\"" + FindingId(i) +
               "\" title=\"" + HtmlEscape(title) + "\">";
      m.reopen = "<span class=\"stmt-hl\" title=\"" + HtmlEscape(title) + "\">";
      m.close = "</span>";
      spans.push_back(std::move(m));
    }
  }
  return spans;
}

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
  // Event triggers (those with a PLOVER category, a negation or a
  // modality other than "happened"), titled with their frame.
  for (const EventFrame& e : l.events) {
    if (e.category.empty() && !e.negated && e.modality == Modality::kHappened) {
      continue;
    }
    std::string title = (e.category.empty() ? "event" : e.category) + ": " +
                        e.lemma + ", " + std::string(ModalityName(e.modality)) +
                        (e.negated ? ", negated" : "");
    std::string_view actor = SafeSlice(doc.text(), e.actor);
    if (!actor.empty()) title += ", actor: " + std::string(actor);
    std::string_view target = SafeSlice(doc.text(), e.target);
    if (!target.empty()) title += ", target: " + std::string(target);
    std::string_view cond = SafeSlice(doc.text(), e.condition);
    if (!cond.empty()) title += ", condition: " + std::string(cond);
    MarkupSpan m;
    m.span = e.trigger;
    m.open = "<span class=\"ev\" title=\"" + HtmlEscape(title) + "\">";
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
  std::vector<MarkupSpan> statements =
      StatementSpans(corpus, DocIndex(corpus, doc));
  spans.insert(spans.begin(), std::make_move_iterator(statements.begin()),
               std::make_move_iterator(statements.end()));
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

// ---- Shared pieces of the analyst's sections ----

// At most `max` bytes of `s` (cut at a UTF-8 character boundary), with "…"
// when cut.
std::string Excerpt(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "\u2026";
}

// One quote of the corpus: document index, index in its quotes layer, and
// its corpus-wide number (q1, q2, ...).
struct QuoteRef {
  uint32_t doc = 0;
  uint32_t quote = 0;
  uint64_t number = 0;
};

std::vector<QuoteRef> AllQuotes(const Corpus& corpus) {
  std::vector<QuoteRef> all;
  uint64_t n = 0;
  for (size_t d = 0; d < corpus.documents.size(); ++d) {
    const auto& quotes = corpus.documents[d].layers().quotes;
    for (size_t i = 0; i < quotes.size(); ++i) {
      all.push_back(
          QuoteRef{static_cast<uint32_t>(d), static_cast<uint32_t>(i), ++n});
    }
  }
  return all;
}

// The speaker's index in corpus.entities, or -1.
int64_t SpeakerIndex(const Corpus& corpus, const QuoteRef& r) {
  const Document& doc = corpus.documents[r.doc];
  const Entity* e = SpeakerOf(corpus, doc, doc.layers().quotes[r.quote]);
  if (e == nullptr) return -1;
  return e - corpus.entities.data();
}

// People and organisations that get a card, most mentioned first (ties in
// entity order); at most kMaxCards so that a big corpus stays readable.
constexpr size_t kMaxCards = 200;
std::vector<size_t> CardEntities(const Corpus& corpus) {
  std::vector<size_t> cards;
  for (size_t i = 0; i < corpus.entities.size(); ++i) {
    const Entity& e = corpus.entities[i];
    if ((e.type == EntityType::kPerson || e.type == EntityType::kOrg) &&
        !e.mentions.empty()) {
      cards.push_back(i);
    }
  }
  std::stable_sort(cards.begin(), cards.end(), [&](size_t a, size_t b) {
    return corpus.entities[a].mentions.size() >
           corpus.entities[b].mentions.size();
  });
  if (cards.size() > kMaxCards) cards.resize(kMaxCards);
  return cards;
}

// Groups of the same quote in two or more documents, most outlets first.
struct QuoteGroup {
  int32_t group = -1;
  std::vector<QuoteRef> members;
  size_t documents = 0;
  size_t outlets = 0;
};
constexpr size_t kMaxGroups = 200;
std::vector<QuoteGroup> SharedQuoteGroups(const Corpus& corpus) {
  std::map<int32_t, QuoteGroup> by_id;
  for (const QuoteRef& r : AllQuotes(corpus)) {
    int32_t g = corpus.documents[r.doc].layers().quotes[r.quote].group;
    if (g < 0) continue;
    QuoteGroup& qg = by_id[g];
    qg.group = g;
    qg.members.push_back(r);
  }
  std::vector<QuoteGroup> groups;
  for (auto& [id, qg] : by_id) {
    std::set<uint32_t> docs;
    std::set<std::string_view> outlets;
    for (const QuoteRef& r : qg.members) {
      docs.insert(r.doc);
      outlets.insert(OutletOf(corpus.documents[r.doc].meta()));
    }
    qg.documents = docs.size();
    qg.outlets = outlets.size();
    if (qg.documents >= 2) groups.push_back(std::move(qg));
  }
  std::stable_sort(groups.begin(), groups.end(),
                   [](const QuoteGroup& a, const QuoteGroup& b) {
                     if (a.outlets != b.outlets) return a.outlets > b.outlets;
                     return a.members.size() > b.members.size();
                   });
  if (groups.size() > kMaxGroups) groups.resize(kMaxGroups);
  return groups;
}

std::string GroupId(int32_t group) {
  return "g" + std::to_string(static_cast<int64_t>(group) + 1);
}

// A link to quote `r` in its document's text (or to the document when the
// text is not rendered), showing its words.
void WriteQuoteLink(const Corpus& corpus, const QuoteRef& r,
                    const HtmlOptions& opts, Page& p) {
  const Document& doc = corpus.documents[r.doc];
  const Quote& q = doc.layers().quotes[r.quote];
  Span content = q.content.empty() ? q.span : q.content;
  p.Raw("<a class=\"ql\" href=\"#").Raw(DocAnchor(doc));
  if (opts.include_text) p.Raw("-").Raw(QuoteId(r.number));
  // Reported speech is the writer's words: no quotation marks.
  bool marks = q.kind != QuoteKind::kIndirect;
  p.Raw("\">").Raw(marks ? "\u201c" : "");
  p.Text(Excerpt(SafeSlice(doc.text(), content), 400));
  p.Raw(marks ? "\u201d</a>" : "</a> <span class=\"muted\">(reported)</span>");
}

// "The Caldera Herald · 2025-03-10 · d1" with a link to the document.
void WriteSourceLine(const Document& doc, Page& p) {
  const DocMeta& m = doc.meta();
  p.Text(OutletOf(m)).Raw(" &middot; ");
  if (m.published.empty() && m.published_how == PublishedHow::kInferred &&
      !m.published_earliest.empty()) {
    p.Text(PublishedText(m));  // "between ... and ... (inferred)"
  } else if (m.published.empty()) {
    p.Raw("date unknown");
  } else {
    p.Text(PublishedDay(m));
  }
  p.Raw(" &middot; <a href=\"#").Raw(DocAnchor(doc)).Raw("\">").Text(m.id);
  p.Raw("</a>");
}

// A statement of a finding: the sentence around it with the statement as a
// link to its highlighted span, then outlet, date and document.
void WriteStatement(const Corpus& corpus, uint32_t d, Span span,
                    const HtmlOptions& opts, Page& p) {
  const Document& doc = corpus.documents[d];
  std::string_view text = doc.text();
  Span s = report_internal::ClampSpan(span, text.size());
  Span around = s;
  for (const Sentence& sent : doc.layers().sentences) {
    Span c = report_internal::ClampSpan(sent.span, text.size());
    if (c.start <= s.start && s.end <= c.end) {
      around = c;
      break;
    }
  }
  // Keep at most ~200 bytes of context on each side; "…" marks a cut.
  constexpr uint32_t kContext = 200;
  bool cut_before = false, cut_after = false;
  if (s.start - around.start > kContext) {
    around.start = report_internal::NextCharBoundary(text, s.start - kContext);
    cut_before = true;
  }
  if (around.end - s.end > kContext) {
    around.end = report_internal::NextCharBoundary(text, s.end + kContext);
    cut_after = true;
  }
  p.Raw("<blockquote class=\"statement\"><p>");
  if (cut_before) p.Raw("\u2026");
  p.Text(text.substr(around.start, s.start - around.start));
  if (opts.include_text) {
    p.Raw("<a class=\"stmt\" href=\"#").Raw(StatementAnchor(doc, s));
    p.Raw("\">").Text(SafeSlice(text, s)).Raw("</a>");
  } else {
    p.Raw("<strong>").Text(SafeSlice(text, s)).Raw("</strong>");
  }
  p.Text(text.substr(s.end, around.end - s.end));
  if (cut_after) p.Raw("\u2026");
  p.Raw("</p><footer>");
  WriteSourceLine(doc, p);
  p.Raw("</footer></blockquote>\n");
}

// ---- Sections ----

// Overview: what the corpus is, in one sentence and a row of counts.
void WriteSummary(const Corpus& corpus, uint64_t quotes, uint64_t times,
                  Page& p) {
  std::set<std::string_view> outlets;
  size_t without_outlet = 0;
  std::string_view first_day, last_day;
  for (const Document& doc : corpus.documents) {
    const DocMeta& m = doc.meta();
    if (m.outlet.has_value() && !m.outlet->empty()) {
      outlets.insert(*m.outlet);
    } else {
      ++without_outlet;
    }
    std::string_view day = PublishedDay(m);
    if (day.empty()) continue;
    if (first_day.empty() || day < first_day) first_day = day;
    if (last_day.empty() || day > last_day) last_day = day;
  }
  size_t people = 0, orgs = 0, places = 0;
  for (const Entity& e : corpus.entities) {
    people += e.type == EntityType::kPerson;
    orgs += e.type == EntityType::kOrg;
    places += e.type == EntityType::kLoc;
  }
  p.Raw("<section id=\"summary\" aria-labelledby=\"summary-h\">\n");
  p.Raw("<h2 id=\"summary-h\">Overview</h2>\n<p class=\"overview\">");
  p.Num(corpus.documents.size())
      .Raw(corpus.documents.size() == 1 ? " document" : " documents");
  p.Raw(" from ").Num(outlets.size());
  p.Raw(outlets.size() == 1 ? " outlet" : " outlets");
  if (without_outlet > 0) {
    p.Raw(" (").Num(without_outlet).Raw(" without a known outlet)");
  }
  if (!first_day.empty()) {
    p.Raw(", published ").Text(first_day);
    if (last_day != first_day) p.Raw(" to ").Text(last_day);
  }
  p.Raw(".");
  std::vector<size_t> top = CardEntities(corpus);
  if (top.size() > 3) top.resize(3);
  if (!top.empty()) {
    p.Raw(" Most mentioned: ");
    for (size_t i = 0; i < top.size(); ++i) {
      const Entity& e = corpus.entities[top[i]];
      if (i) p.Raw(", ");
      p.Raw("<a href=\"#ent-").Text(e.id).Raw("\">").Text(e.name);
      p.Raw("</a> (").Num(e.mentions.size()).Raw(")");
    }
    p.Raw(".");
  }
  if (!corpus.findings.empty()) {
    p.Raw(" <a href=\"#findings\">").Num(corpus.findings.size());
    p.Raw(corpus.findings.size() == 1 ? " finding" : " findings");
    p.Raw("</a> to check.");
  }
  p.Raw("</p>\n<dl class=\"counts\">");
  auto count = [&p](std::string_view label, uint64_t n) {
    p.Raw("<div><dt>").Raw(label).Raw("</dt><dd>").Num(n).Raw("</dd></div>");
  };
  auto day = [&p](std::string_view label, std::string_view d) {
    p.Raw("<div><dt>").Raw(label).Raw("</dt><dd>");
    if (d.empty()) {
      p.Raw("&ndash;");
    } else {
      p.Text(d);
    }
    p.Raw("</dd></div>");
  };
  count("documents", corpus.documents.size());
  count("outlets", outlets.size());
  day("first published", first_day);
  day("last published", last_day);
  count("findings", corpus.findings.size());
  count("entities", corpus.entities.size());
  count("people", people);
  count("organisations", orgs);
  count("places", places);
  count("quotes", quotes);
  count("quote groups", SharedQuoteGroups(corpus).size());
  count("dates and times", times);
  count("errors", corpus.errors.size());
  p.Raw("</dl>\n</section>\n");
}

// The table of contents, with the number of items in each section.
void WriteToc(const Corpus& corpus, Page& p) {
  uint64_t quotes = 0;
  for (const Document& doc : corpus.documents) {
    quotes += doc.layers().quotes.size();
  }
  struct Entry {
    std::string_view anchor;
    std::string_view label;
    int64_t count;  // -1: no count
  };
  const Entry entries[] = {
      {"stories", "Stories", static_cast<int64_t>(corpus.stories.size())},
      {"summary", "Overview", -1},
      {"findings", "Findings", static_cast<int64_t>(corpus.findings.size())},
      {"timeline", "Timeline", static_cast<int64_t>(corpus.timeline.size())},
      {"people", "People and organisations",
       static_cast<int64_t>(CardEntities(corpus).size())},
      {"quote-groups", "Quotes across outlets",
       static_cast<int64_t>(SharedQuoteGroups(corpus).size())},
      {"outlets", "Outlets", -1},
      {"documents", "Documents", static_cast<int64_t>(corpus.documents.size())},
      {"entities", "All names", static_cast<int64_t>(corpus.entities.size())},
      {"quotes", "All quotes", static_cast<int64_t>(quotes)},
      {"errors", "Errors", static_cast<int64_t>(corpus.errors.size())},
      {"timings", "Run details", -1},
  };
  p.Raw("<nav class=\"toc\" aria-label=\"Contents\"><ol>");
  for (const Entry& e : entries) {
    p.Raw("<li><a href=\"#").Raw(e.anchor).Raw("\">").Raw(e.label).Raw("</a>");
    if (e.count >= 0) {
      p.Raw(" <span class=\"n\">").Num(static_cast<uint64_t>(e.count));
      p.Raw("</span>");
    }
    p.Raw("</li>");
  }
  p.Raw("</ol></nav>\n");
}

// Findings first in the reader's eye: what conflicts with known facts. Each
// statement links to its highlighted span in the document text.
void WriteFindings(const Corpus& corpus, const HtmlOptions& opts, Page& p) {
  p.Raw("<section id=\"findings\" aria-labelledby=\"findings-h\">\n");
  p.Raw("<h2 id=\"findings-h\">Findings</h2>\n");
  if (corpus.findings.empty()) {
    p.Raw(
        "<p class=\"muted\">No findings: no statement conflicts with the "
        "knowledge base or with another source, and no claim is carried by "
        "two independent outlets.</p>\n</section>\n");
    return;
  }
  p.Raw("<ol class=\"findings\">\n");
  for (size_t i = 0; i < corpus.findings.size(); ++i) {
    const Finding& f = corpus.findings[i];
    if (f.doc >= corpus.documents.size()) continue;
    p.Raw("<li class=\"finding\" id=\"").Raw(FindingId(i)).Raw("\">");
    p.Raw("<p class=\"fsum\"><span class=\"kind\">");
    p.Text(FindingKindLabel(f.kind)).Raw("</span> ");
    if (f.kind != "role_conflict" && !f.statements.empty()) {
      // Cross-source findings: the summary, then each source's statement.
      p.Text(f.summary).Raw("</p>\n");
      for (const FindingStatement& st : f.statements) {
        if (st.doc >= corpus.documents.size()) continue;
        p.Raw("<p class=\"muted\">").Text(st.stance).Raw(":</p>\n");
        WriteStatement(corpus, st.doc, st.span, opts, p);
      }
      p.Raw("</li>\n");
      continue;
    }
    const Entity* e =
        f.entity >= 0 && static_cast<size_t>(f.entity) < corpus.entities.size()
            ? &corpus.entities[f.entity]
            : nullptr;
    if (e != nullptr) {
      p.Raw("<a href=\"#ent-").Text(e->id).Raw("\">").Text(e->name);
      p.Raw("</a>");
    } else {
      p.Raw("A statement");
    }
    if (!f.claim.empty()) {
      p.Raw(" is called \u201c").Text(f.claim).Raw("\u201d");
    }
    p.Raw(". <span class=\"fact\">Known fact: ").Text(f.fact);
    p.Raw("</span></p>\n");
    WriteStatement(corpus, f.doc, f.span, opts, p);
    p.Raw("<p class=\"muted\">Checked against ").Text(f.date);
    if (!f.date_how.empty()) p.Raw(" (").Text(f.date_how).Raw(" date)");
    if (!f.kb.empty()) p.Raw("; record <code>").Text(f.kb).Raw("</code>");
    p.Raw(".</p></li>\n");
  }
  p.Raw("</ol>\n</section>\n");
}

// A card per person and organisation: the roles the texts give them, the
// knowledge-base record, where they are mentioned, findings and quotes.
void WritePeople(const Corpus& corpus, const HtmlOptions& opts, Page& p) {
  constexpr size_t kMaxQuotesPerCard = 12;
  p.Raw("<section id=\"people\" aria-labelledby=\"people-h\">\n");
  p.Raw("<h2 id=\"people-h\">People and organisations</h2>\n");
  std::vector<size_t> cards = CardEntities(corpus);
  if (cards.empty()) {
    p.Raw("<p class=\"muted\">No people or organisations.</p>\n</section>\n");
    return;
  }
  p.Raw(
      "<p class=\"muted\">Most mentioned first. Roles are as the texts "
      "give them.</p>\n");
  std::vector<std::vector<QuoteRef>> said(corpus.entities.size());
  for (const QuoteRef& r : AllQuotes(corpus)) {
    int64_t s = SpeakerIndex(corpus, r);
    if (s >= 0) said[s].push_back(r);
  }
  for (size_t idx : cards) {
    const Entity& e = corpus.entities[idx];
    std::string id = "ent-" + HtmlEscape(e.id);
    std::string_view type = EntityTypeName(e.type);
    p.Raw("<article class=\"card\" id=\"").Raw(id);
    p.Raw("\" aria-labelledby=\"").Raw(id).Raw("-h\">\n<h3 id=\"").Raw(id);
    p.Raw("-h\">").Text(e.name).Raw(" <span class=\"ent ent-").Raw(type);
    p.Raw("\">").Raw(e.type == EntityType::kPerson ? "person" : "organisation");
    p.Raw("</span> <span class=\"n\">").Text(e.id).Raw("</span></h3>\n");
    p.Raw("<dl class=\"meta\">");
    if (!e.roles.empty()) {
      p.Raw("<dt>called</dt><dd>");
      for (size_t i = 0; i < e.roles.size(); ++i) {
        if (i) p.Raw("; ");
        p.Raw("\u201c").Text(e.roles[i]).Raw("\u201d");
      }
      p.Raw("</dd>");
    }
    if (!e.aliases.empty()) {
      p.Raw("<dt>also written</dt><dd>");
      for (size_t i = 0; i < e.aliases.size(); ++i) {
        if (i) p.Raw(", ");
        p.Text(e.aliases[i]);
      }
      p.Raw("</dd>");
    }
    p.Raw("<dt>knowledge base</dt><dd>");
    if (e.kb.empty()) {
      p.Raw("<span class=\"muted\">not linked</span>");
    } else {
      p.Text(e.kb_name.empty() ? e.name : e.kb_name).Raw(" <code>");
      p.Text(e.kb).Raw("</code>");
    }
    p.Raw("</dd>");
    std::set<uint32_t> docs;
    std::set<std::string_view> outlets;
    for (const MentionRef& r : e.mentions) {
      if (r.doc >= corpus.documents.size()) continue;
      docs.insert(r.doc);
      outlets.insert(OutletOf(corpus.documents[r.doc].meta()));
    }
    p.Raw("<dt>mentioned</dt><dd>").Num(e.mentions.size());
    p.Raw(e.mentions.size() == 1 ? " time in " : " times in ");
    p.Num(docs.size()).Raw(docs.size() == 1 ? " document" : " documents");
    p.Raw(" (").Num(outlets.size());
    p.Raw(outlets.size() == 1 ? " outlet): " : " outlets): ");
    bool first = true;
    for (uint32_t d : docs) {
      if (!first) p.Raw(", ");
      first = false;
      const Document& doc = corpus.documents[d];
      p.Raw("<a href=\"#").Raw(DocAnchor(doc)).Raw("\">").Text(doc.meta().id);
      p.Raw("</a>");
    }
    p.Raw("</dd>");
    first = true;
    for (size_t i = 0; i < corpus.findings.size(); ++i) {
      if (corpus.findings[i].entity != static_cast<int64_t>(idx)) continue;
      p.Raw(first ? "<dt>findings</dt><dd>" : ", ");
      first = false;
      p.Raw("<a href=\"#").Raw(FindingId(i)).Raw("\">").Raw(FindingId(i));
      p.Raw("</a> ").Text(FindingKindLabel(corpus.findings[i].kind));
    }
    if (!first) p.Raw("</dd>");
    p.Raw("</dl>\n");
    const std::vector<QuoteRef>& quotes = said[idx];
    if (!quotes.empty()) {
      p.Raw("<h4>Quoted ").Num(quotes.size());
      p.Raw(quotes.size() == 1 ? " time" : " times");
      p.Raw("</h4>\n<ul class=\"said\">\n");
      for (size_t i = 0; i < quotes.size() && i < kMaxQuotesPerCard; ++i) {
        p.Raw("<li>");
        WriteQuoteLink(corpus, quotes[i], opts, p);
        p.Raw(" <span class=\"muted\">");
        WriteSourceLine(corpus.documents[quotes[i].doc], p);
        p.Raw("</span></li>\n");
      }
      p.Raw("</ul>\n");
      if (quotes.size() > kMaxQuotesPerCard) {
        p.Raw("<p class=\"muted\">and ").Num(quotes.size() - kMaxQuotesPerCard);
        p.Raw(" more in <a href=\"#quotes\">all quotes</a>.</p>\n");
      }
    }
    p.Raw("</article>\n");
    p.Flush();
  }
  p.Raw("</section>\n");
}

// The same quote as each outlet printed it (quote groups shared by two or
// more documents).
void WriteQuoteGroups(const Corpus& corpus, const HtmlOptions& opts, Page& p) {
  p.Raw("<section id=\"quote-groups\" aria-labelledby=\"quote-groups-h\">\n");
  p.Raw("<h2 id=\"quote-groups-h\">Quotes across outlets</h2>\n");
  std::vector<QuoteGroup> groups = SharedQuoteGroups(corpus);
  if (groups.empty()) {
    p.Raw(
        "<p class=\"muted\">No quote appears in more than one "
        "document.</p>\n</section>\n");
    return;
  }
  for (const QuoteGroup& g : groups) {
    std::string id = GroupId(g.group);
    // The speakers the documents name, once each, in order.
    std::vector<std::string> speakers;
    for (const QuoteRef& r : g.members) {
      const Document& doc = corpus.documents[r.doc];
      std::string s = SpeakerName(corpus, doc, doc.layers().quotes[r.quote]);
      if (!s.empty() &&
          std::find(speakers.begin(), speakers.end(), s) == speakers.end()) {
        speakers.push_back(std::move(s));
      }
    }
    const QuoteRef& lead = g.members.front();
    const Document& lead_doc = corpus.documents[lead.doc];
    const Quote& lead_q = lead_doc.layers().quotes[lead.quote];
    Span content = lead_q.content.empty() ? lead_q.span : lead_q.content;
    p.Raw("<article class=\"qgroup\" id=\"").Raw(id);
    p.Raw("\" aria-labelledby=\"").Raw(id).Raw("-h\">\n<h3 id=\"").Raw(id);
    p.Raw("-h\">");
    if (speakers.empty()) {
      p.Raw("Unknown speaker");
    } else {
      for (size_t i = 0; i < speakers.size(); ++i) {
        if (i) p.Raw(" / ");
        p.Text(speakers[i]);
      }
    }
    p.Raw(": \u201c").Text(Excerpt(SafeSlice(lead_doc.text(), content), 200));
    p.Raw("\u201d <span class=\"n\">").Raw(id).Raw(" &middot; ");
    p.Num(g.documents).Raw(" documents, ").Num(g.outlets);
    p.Raw(g.outlets == 1 ? " outlet" : " outlets").Raw("</span></h3>\n");
    p.Raw(
        "<table><thead><tr><th scope=\"col\">outlet</th>"
        "<th scope=\"col\">published</th><th scope=\"col\">document</th>"
        "<th scope=\"col\">as printed</th></tr></thead>\n<tbody>\n");
    for (const QuoteRef& r : g.members) {
      const Document& doc = corpus.documents[r.doc];
      const DocMeta& m = doc.meta();
      const Quote& q = doc.layers().quotes[r.quote];
      p.Raw("<tr><td>").Text(OutletOf(m)).Raw("</td><td>");
      p.Text(m.published.empty() ? std::string_view("unknown")
                                 : PublishedDay(m));
      p.Raw("</td><td><a href=\"#").Raw(DocAnchor(doc)).Raw("\">");
      p.Text(m.id).Raw("</a></td><td>");
      WriteQuoteLink(corpus, r, opts, p);
      p.Raw(" <span class=\"muted\">").Raw(QuoteId(r.number)).Raw(", ");
      p.Raw(QuoteKindName(q.kind)).Raw("</span></td></tr>\n");
    }
    p.Raw("</tbody></table>\n</article>\n");
    p.Flush();
  }
  p.Raw("</section>\n");
}

// The outlets side by side: how much each published, when, whom it quoted
// and how many findings its texts hold.
// "12%".
std::string Percent(double share) {
  return std::to_string(static_cast<int>(share * 100 + 0.5)) + "%";
}

// The document's framing in one line (plain text; the caller escapes it).
std::string FramingText(const Document& doc) {
  const Framing& f = doc.layers().framing;
  const double n = f.sentences > 0 ? f.sentences : 1;
  std::string s = "editorial " + Percent(f.editorial.size() / n) + " (" +
                  std::to_string(f.editorial.size()) + " of " +
                  std::to_string(f.sentences) + " sentences), attributed " +
                  Percent(f.attributed / n);
  const HeadlineCheck& h = f.headline;
  if (h.checked) {
    s += h.supported ? "; headline supported by the body"
                     : "; headline not supported by the body";
    s += " (" + Percent(h.coverage) + " of its words in one passage)";
  }
  std::string words;
  size_t shown = 0;
  for (const FramingWord& w : f.words) {
    if (w.kind == FramingWordKind::kHedge) continue;
    if (shown++ == 10) {
      words += ", ...";
      break;
    }
    words += (words.empty() ? "" : ", ") + std::string(doc.Slice(w.span));
  }
  if (!words.empty()) s += "; charged words: " + words;
  return s;
}

void WriteOutlets(const Corpus& corpus, Page& p) {
  struct Outlet {
    std::vector<uint32_t> docs;
    std::string_view first_day, last_day;
    uint64_t quotes = 0;
    std::map<int64_t, uint64_t> speakers;  // entity index -> quotes
    uint64_t findings = 0;
    double editorial = 0, attributed = 0;  // sums of document shares
    uint64_t framed = 0;                   // documents with framing
  };
  std::map<std::string_view, Outlet> by_name;
  Outlet unknown;
  for (size_t d = 0; d < corpus.documents.size(); ++d) {
    const DocMeta& m = corpus.documents[d].meta();
    Outlet& o = m.outlet.has_value() && !m.outlet->empty() ? by_name[*m.outlet]
                                                           : unknown;
    o.docs.push_back(static_cast<uint32_t>(d));
    std::string_view day = PublishedDay(m);
    if (!day.empty()) {
      if (o.first_day.empty() || day < o.first_day) o.first_day = day;
      if (o.last_day.empty() || day > o.last_day) o.last_day = day;
    }
    o.quotes += corpus.documents[d].layers().quotes.size();
    const Framing& fr = corpus.documents[d].layers().framing;
    if (fr.computed && fr.sentences > 0) {
      o.editorial += static_cast<double>(fr.editorial.size()) / fr.sentences;
      o.attributed += static_cast<double>(fr.attributed) / fr.sentences;
      ++o.framed;
    }
  }
  auto outlet_of = [&](uint32_t d) -> Outlet& {
    const DocMeta& m = corpus.documents[d].meta();
    return m.outlet.has_value() && !m.outlet->empty() ? by_name[*m.outlet]
                                                      : unknown;
  };
  for (const QuoteRef& r : AllQuotes(corpus)) {
    int64_t s = SpeakerIndex(corpus, r);
    if (s >= 0) ++outlet_of(r.doc).speakers[s];
  }
  for (const Finding& f : corpus.findings) {
    if (f.doc < corpus.documents.size()) ++outlet_of(f.doc).findings;
  }
  std::vector<std::pair<std::string_view, const Outlet*>> rows;
  for (const auto& [name, o] : by_name) rows.emplace_back(name, &o);
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second->docs.size() > b.second->docs.size();
  });
  if (!unknown.docs.empty()) rows.emplace_back("", &unknown);

  p.Raw("<section id=\"outlets\" aria-labelledby=\"outlets-h\">\n");
  p.Raw("<h2 id=\"outlets-h\">Outlets</h2>\n");
  if (rows.empty()) {
    p.Raw("<p class=\"muted\">No documents.</p>\n</section>\n");
    return;
  }
  p.Raw(
      "<table><thead><tr><th scope=\"col\">outlet</th>"
      "<th scope=\"col\" class=\"num\">documents</th>"
      "<th scope=\"col\">published</th>"
      "<th scope=\"col\" class=\"num\">quotes</th>"
      "<th scope=\"col\">most quoted</th>"
      "<th scope=\"col\" class=\"num\">findings</th>"
      "<th scope=\"col\" class=\"num\" title=\"share of body sentences "
      "asserting evaluations or predictions without attribution\">"
      "editorial</th>"
      "<th scope=\"col\" class=\"num\" title=\"share of body sentences "
      "reporting a source's words\">attributed</th></tr></thead>\n<tbody>\n");
  for (const auto& [name, o] : rows) {
    p.Raw("<tr><th scope=\"row\">");
    if (name.empty()) {
      p.Raw("<span class=\"muted\">outlet unknown</span>");
    } else {
      p.Text(name);
    }
    p.Raw("</th><td class=\"num\">").Num(o->docs.size()).Raw("<br>");
    for (size_t i = 0; i < o->docs.size(); ++i) {
      if (i) p.Raw(", ");
      const Document& doc = corpus.documents[o->docs[i]];
      p.Raw("<a href=\"#").Raw(DocAnchor(doc)).Raw("\">").Text(doc.meta().id);
      p.Raw("</a>");
    }
    p.Raw("</td><td>");
    if (o->first_day.empty()) {
      p.Raw("unknown");
    } else {
      p.Text(o->first_day);
      if (o->last_day != o->first_day) p.Raw(" to ").Text(o->last_day);
    }
    p.Raw("</td><td class=\"num\">").Num(o->quotes).Raw("</td><td>");
    std::vector<std::pair<int64_t, uint64_t>> top(o->speakers.begin(),
                                                  o->speakers.end());
    std::stable_sort(top.begin(), top.end(), [](const auto& a, const auto& b) {
      return a.second > b.second;
    });
    for (size_t i = 0; i < top.size() && i < 3; ++i) {
      const Entity& e = corpus.entities[top[i].first];
      if (i) p.Raw(", ");
      p.Raw("<a href=\"#ent-").Text(e.id).Raw("\">").Text(e.name);
      p.Raw("</a> (").Num(top[i].second).Raw(")");
    }
    p.Raw("</td><td class=\"num\">").Num(o->findings).Raw("</td>");
    for (double sum : {o->editorial, o->attributed}) {
      p.Raw("<td class=\"num\">");
      if (o->framed == 0) {
        p.Raw("&ndash;");
      } else {
        p.Text(Percent(sum / static_cast<double>(o->framed)));
      }
      p.Raw("</td>");
    }
    p.Raw("</tr>\n");
  }
  p.Raw("</tbody></table>\n");
  p.Raw(
      "<p class=\"muted\">editorial: the mean share of an outlet's body "
      "sentences that evaluate, predict or speculate in its own voice "
      "(outside quotes and attributions); attributed: the share that report "
      "a source's words. Word lists, not a model: see each document's "
      "framing row.</p>\n</section>\n");
}

// How long each stage took.
void WriteTimings(const Corpus& corpus, Page& p) {
  p.Raw("<section id=\"timings\" aria-labelledby=\"timings-h\">\n");
  p.Raw("<h2 id=\"timings-h\">Run details</h2>\n");
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

// The "findings" row of a document's metadata: links to its findings.
void WriteDocumentFindings(const Corpus& corpus, const Document& doc, Page& p) {
  size_t d = DocIndex(corpus, doc);
  bool first = true;
  for (size_t i = 0; i < corpus.findings.size(); ++i) {
    if (corpus.findings[i].doc != d) continue;
    p.Raw(first ? "<dt>findings</dt><dd>" : ", ");
    first = false;
    p.Raw("<a href=\"#").Raw(FindingId(i)).Raw("\">").Raw(FindingId(i));
    p.Raw("</a> ").Text(FindingKindLabel(corpus.findings[i].kind));
  }
  if (!first) p.Raw("</dd>");
}

// Why an inferred publication date was inferred (time/pubdate_stage.h).
void WriteDateEvidence(const DocMeta& m, Page& p) {
  if (m.published_how != PublishedHow::kInferred ||
      m.published_earliest.empty() || m.published_evidence.empty()) {
    return;
  }
  p.Raw("<dt>date evidence</dt><dd><ul class=\"evidence\">");
  for (const PublishedEvidence& e : m.published_evidence) {
    p.Raw("<li><a href=\"#doc-").Text(e.doc).Raw("\">").Text(e.doc);
    p.Raw("</a> ").Text(e.why).Raw("</li>");
  }
  p.Raw("</ul></dd>");
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
  WriteDateEvidence(m, p);
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
  WriteDocumentFindings(corpus, doc, p);
  if (l.framing.computed) row("framing", FramingText(doc));
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
  p.Raw("<h2 id=\"entities-h\">All names</h2>\n");
  if (corpus.entities.empty()) {
    p.Raw("<p class=\"muted\">No entities.</p>\n</section>\n");
    return;
  }
  p.Raw(
      "<table><thead><tr><th scope=\"col\">name</th>"
      "<th scope=\"col\">type</th><th scope=\"col\">aliases</th>"
      "<th scope=\"col\" class=\"num\">mentions</th>"
      "<th scope=\"col\">documents</th></tr></thead>\n<tbody>\n");
  // People and organisations with a card (WritePeople) are linked to it;
  // the others are anchored here.
  std::vector<char> has_card(corpus.entities.size(), 0);
  for (size_t i : CardEntities(corpus)) has_card[i] = 1;
  for (const Entity& e : corpus.entities) {
    if (has_card[&e - corpus.entities.data()]) {
      p.Raw("<tr id=\"name-").Text(e.id).Raw("\"><td><a href=\"#ent-");
      p.Text(e.id).Raw("\">").Text(e.name).Raw("</a>");
    } else {
      p.Raw("<tr id=\"ent-").Text(e.id).Raw("\"><td>").Text(e.name);
    }
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

// The timeline (Corpus::timeline): one row per dated item, with the
// sentences that report it.
void WriteTimeline(const Corpus& corpus, Page& p) {
  p.Raw("<section id=\"timeline\" aria-labelledby=\"timeline-h\">\n");
  p.Raw("<h2 id=\"timeline-h\">Timeline</h2>\n");
  if (corpus.timeline.empty()) {
    p.Raw("<p class=\"muted\">No dated items.</p>\n</section>\n");
    return;
  }
  p.Raw(
      "<table class=\"timeline\"><thead><tr><th scope=\"col\">date</th>"
      "<th scope=\"col\">reported</th><th scope=\"col\">who, what</th>"
      "</tr></thead>\n<tbody>\n");
  for (const TimelineItem& item : corpus.timeline) {
    p.Raw("<tr><td>").Text(item.date);
    if (item.earliest != item.latest) {
      p.Raw("<br><span class=\"muted\">").Text(item.earliest);
      p.Raw(" \u2013 ").Text(item.latest).Raw("</span>");
    }
    p.Raw("</td><td><ul>");
    for (const TimelineSpan& s : item.spans) {
      if (s.doc >= corpus.documents.size()) continue;
      const Document& doc = corpus.documents[s.doc];
      p.Raw("<li><a href=\"#").Raw(DocAnchor(doc)).Raw("\">");
      p.Text(doc.meta().id).Raw("</a> ");
      p.Text(SafeSlice(doc.text(), s.sentence)).Raw("</li>");
    }
    p.Raw("</ul></td><td>");
    std::string who;
    for (int32_t e : item.entities) {
      if (e < 0 || static_cast<size_t>(e) >= corpus.entities.size()) continue;
      if (!who.empty()) who += ", ";
      who += corpus.entities[e].name;
    }
    p.Text(who);
    if (!item.keywords.empty()) {
      std::string what;
      for (const std::string& k : item.keywords) {
        if (!what.empty()) what += ", ";
        what += k;
      }
      p.Raw("<br><span class=\"muted\">").Text(what).Raw("</span>");
    }
    p.Raw("</td></tr>\n");
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
      "content=\"default-src 'none'; style-src 'unsafe-inline'; script-src '");
  // The hash of the one script: nothing else can run, not even a script
  // that escaping had missed.
  p.Raw(report_internal::CspHash(kScript));
  p.Raw(
      "'; base-uri 'none'; form-action 'none'\">\n"
      "<meta name=\"referrer\" content=\"no-referrer\">\n<title>");
  p.Text(opts.title).Raw("</title>\n<style>").Raw(kStyle).Raw(kStyleDossier);
  p.Raw(
      "</style>\n</head>\n<body>\n"
      "<a class=\"skip\" href=\"#main\">Skip to content</a>\n<header>\n"
      "<h1>");
  p.Text(opts.title).Raw("</h1>\n");
  WriteToc(corpus, p);
  p.Raw("</header>\n<main id=\"main\" tabindex=\"-1\">\n");
  WriteStories(corpus, p);
  WriteSummary(corpus, quotes, times, p);
  WriteFindings(corpus, opts, p);
  WriteTimeline(corpus, p);
  WritePeople(corpus, opts, p);
  WriteQuoteGroups(corpus, opts, p);
  WriteOutlets(corpus, p);
  p.Raw(
      "<section id=\"documents\" aria-labelledby=\"documents-h\">\n"
      "<h2 id=\"documents-h\">Documents</h2>\n");
  if (opts.include_text) {
    p.Raw(
        "<p class=\"legend\">Highlights: <span class=\"stmt-hl\">statement "
        "of a finding</span> <span class=\"ent ent-PERSON\">"
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
  WriteTimings(corpus, p);
  p.Raw("</main>\n<script>").Raw(kScript).Raw("</script>\n</body>\n</html>\n");
  p.Flush();
  out.flush();
  if (!out) {
    return Status(ErrorCode::kWriteFailed,
                  "writing report.html failed (disk full or stream closed?)");
  }
  return Status::Ok();
}

}  // namespace dossier
