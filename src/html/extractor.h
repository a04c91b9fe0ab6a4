// ExtractMainText: the main text and metadata of a web page.
//
// Parses HTML with libxml2's forgiving parser and keeps the article body in
// the spirit of readability/trafilatura: chrome (script, nav, footer, aside,
// forms, ...) and elements whose class/id look like boilerplate are dropped,
// containers are scored by their paragraphs' text, commas and link density,
// and the best container (plus strong siblings) is serialized, one paragraph
// per block (p, h1-h6, li, blockquote, td, pre, ...). Metadata comes from
// <title>, <meta> (OpenGraph, article:*, author, description), JSON-LD
// (NewsArticle/Article), <time datetime>, <link rel=canonical>, <html lang>.
// Never recurses on the tree, so hostile nesting cannot exhaust the stack.
// Thread-safe: no shared mutable state (libxml2 is initialised once).
#ifndef DOSSIER_HTML_EXTRACTOR_H_
#define DOSSIER_HTML_EXTRACTOR_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "base/status.h"

namespace dossier {

struct ExtractOptions {
  // A paragraph shorter than this (bytes) does not score its container.
  size_t min_paragraph_chars = 25;
  // When the best container's text is shorter than this, every paragraph,
  // heading and list item of the page is kept instead.
  size_t min_main_chars = 200;
  // Keep link-heavy blocks (menus, tag lists) inside the main container.
  bool keep_link_lists = false;
};

struct ExtractedPage {
  // Paragraphs separated by "\n\n"; headings and list items are paragraphs
  // of their own. Whitespace collapsed, entities decoded, UTF-8.
  std::string text;
  std::string title, description, site_name, author;
  std::string published;  // YYYY-MM-DD or ""
  std::string modified;   // YYYY-MM-DD or ""
  std::string canonical_url, language;
};

// Fails with kEmptyInput when `html` is empty or holds no parsable document.
// A page with a tree but no text returns an ExtractedPage with empty text.
StatusOr<ExtractedPage> ExtractMainText(std::string_view html,
                                        const ExtractOptions& opts = {});

}  // namespace dossier

#endif  // DOSSIER_HTML_EXTRACTOR_H_
