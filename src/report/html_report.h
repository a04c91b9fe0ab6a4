// report.html writer: one self-contained page for people to read a Corpus,
// the analyst's dossier.
//
// Contract: a single HTML5 file with inline CSS, one small inline script
// (allowed by its SHA-256 in the Content-Security-Policy, which forbids
// every other script, event handler and any loading), no external assets
// and no network access. Sections, in order: overview (counts, outlets,
// date range, most mentioned), findings (each statement links to its
// highlighted span in the text, anchor "<doc id>-s<start offset>"), cards
// for people and organisations (roles as the texts give them, knowledge-
// base record, findings, quotes), quotes across outlets (groups), outlets
// compared, the documents with their layers highlighted (statements,
// headings, title, entity mentions by type, quotes with their speaker,
// time expressions, removed boilerplate struck out where it stood), then
// tables of all names and all quotes, errors and stage timings. Every
// article-derived string goes through HtmlEscape (report/span_renderer.h);
// overlapping spans are split so the markup is always well formed. The
// output is a function of the corpus (deterministic). The page is for
// reading; dossier.json is the stable contract for programs.
// Thread-safety: only reads the corpus; concurrent calls are safe.
#ifndef DOSSIER_REPORT_HTML_REPORT_H_
#define DOSSIER_REPORT_HTML_REPORT_H_

#include <ostream>
#include <string>

#include "base/status.h"
#include "doc/corpus.h"

namespace dossier {

struct HtmlOptions {
  // The page's <title> and main heading.
  std::string title = "dossier report";
  // Render each document's annotated text; false keeps only metadata and
  // the tables (a much smaller page for big corpora).
  bool include_text = true;
};

// Writes the report for `corpus` to `out`. Returns kWriteFailed when the
// stream fails.
Status WriteHtmlReport(const Corpus& corpus, const HtmlOptions& opts,
                       std::ostream& out);

}  // namespace dossier

#endif  // DOSSIER_REPORT_HTML_REPORT_H_
