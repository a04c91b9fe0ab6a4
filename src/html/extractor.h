// ExtractMainText: the main text and metadata of a web page.
//
// Decodes the raw bytes to UTF-8 (DecodeHtml, html/charset.h), parses them
// into a flat tree (ParseHtml, html/tree.h: libxml2's forgiving tree rules,
// our own tokenizer) and keeps the article body in the spirit
// of readability/trafilatura: chrome (script, nav, footer, aside, forms,
// figures, ...) and elements whose class/id look like boilerplate are
// dropped, containers are scored by their paragraphs' text, commas and link
// density, the best container is widened to its enclosing article box
// (<article>, articleBody, "entry-content") or to the ancestor holding an
// article spread over sections, and serialized with strong
// siblings, one paragraph per block (p, h1-h6, li, blockquote, td, pre, ...);
// a lead outside that container (lead/intro/teaser box, the <h1>'s
// <header>) goes first, and the text ends before a related-articles
// heading, without credit lines or short trailing chrome lines, calls to
// action at its end (subscribe, follow us, log in to comment), disclosures
// at its start or page notices (newsletter offers, comment-form notes).
// See src/html/README.md for the rules. Metadata comes from
// <title>, <meta> (OpenGraph, article:*, author, description), JSON-LD
// (NewsArticle/Article), <time datetime>, <link rel=canonical>, <html lang>.
// Never recurses on the tree, so hostile nesting cannot exhaust the stack.
// Thread-safe: no shared mutable state (a per-thread cache of class-name
// signals; with Parser::kLibxml2, libxml2 is initialised once and its
// allocation hooks send each thread's parse tree to an arena of that
// thread, freed when the call returns).
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
  // The charset of an HTTP Content-Type header ("windows-1251", or the
  // whole header value), or "": see DecodeHtml in html/charset.h.
  std::string declared_charset;
  // The HTML parser: our own (html/tree.h, libxml2's tree rules, several
  // times faster) or libxml2's htmlReadMemory itself (for comparison).
  enum class Parser { kOwn, kLibxml2 };
  Parser parser = Parser::kOwn;
};

struct ExtractedPage {
  // Paragraphs separated by "\n\n"; headings and list items are paragraphs
  // of their own. Whitespace collapsed, entities decoded, UTF-8.
  std::string text;
  std::string title, description, site_name, author;
  std::string published;  // YYYY-MM-DD or ""
  std::string modified;   // YYYY-MM-DD or ""
  std::string canonical_url, language;
  // The charset the page was read as ("UTF-8", "windows-1252", ...).
  std::string charset;
};

// `html` is the page's raw bytes in any charset: DecodeHtml (charset.h)
// turns them into UTF-8 first, using opts.declared_charset.
// Fails with kEmptyInput when `html` is empty or holds no parsable document,
// with kTooLarge above 2 GiB.
// A page with a tree but no text returns an ExtractedPage with empty text.
StatusOr<ExtractedPage> ExtractMainText(std::string_view html,
                                        const ExtractOptions& opts = {});

}  // namespace dossier

#endif  // DOSSIER_HTML_EXTRACTOR_H_
