#include "text/html_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <climits>
#include <cstring>
#include <mutex>
#include <string_view>
#include <vector>

namespace dossier {
namespace {

// Elements whose whole subtree is dropped.
bool IsSkipped(std::string_view name) {
  static constexpr std::string_view kSkipped[] = {
      "script", "style",  "noscript", "nav",      "footer",
      "aside",  "title",  "head",     "template", "svg",
      "iframe", "object", "select",   "button",   "form"};
  for (std::string_view s : kSkipped) {
    if (name == s) return true;
  }
  return false;
}

// Elements that start and end a paragraph of their own.
bool IsBlock(std::string_view name) {
  static constexpr std::string_view kBlocks[] = {
      "p",     "h1",         "h2",     "h3",         "h4", "h5",      "h6",
      "li",    "blockquote", "div",    "br",         "tr", "section", "article",
      "main",  "header",     "ul",     "ol",         "dl", "dt",      "dd",
      "table", "pre",        "figure", "figcaption", "hr", "address", "body"};
  for (std::string_view s : kBlocks) {
    if (name == s) return true;
  }
  return false;
}

bool IsHtmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Accumulates text with paragraph breaks and collapsed whitespace.
class TextSink {
 public:
  void Break() { pending_break_ = true; }

  void Append(std::string_view s, bool preformatted) {
    for (char c : s) {
      if (!preformatted && IsHtmlSpace(c)) {
        pending_space_ = true;
        continue;
      }
      if (preformatted && (c == '\r' || c == '\f')) c = '\n';
      Flush();
      out_.push_back(c);
    }
  }

  std::string Take() { return std::move(out_); }

 private:
  void Flush() {
    if (pending_break_) {
      while (!out_.empty() && IsHtmlSpace(out_.back())) out_.pop_back();
      if (!out_.empty()) out_ += "\n\n";
      pending_break_ = false;
      pending_space_ = false;
      return;
    }
    if (pending_space_) {
      if (!out_.empty() && !IsHtmlSpace(out_.back())) out_.push_back(' ');
      pending_space_ = false;
    }
  }

  std::string out_;
  bool pending_break_ = false;
  bool pending_space_ = false;
};

std::string_view NodeName(const xmlNode* n) {
  return n->name ? std::string_view(reinterpret_cast<const char*>(n->name))
                 : std::string_view();
}

}  // namespace

StatusOr<std::string> HtmlToText(std::string_view html) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  if (html.size() > static_cast<size_t>(INT_MAX)) {
    return Status(ErrorCode::kTooLarge, "HTML page is too large to parse");
  }
  if (html.empty()) return std::string();
  htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()),
                                  nullptr, "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                      HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  if (doc == nullptr) {
    return Status(ErrorCode::kTextEncoding, "HTML could not be parsed");
  }
  TextSink sink;
  // Iterative walk (pages can nest deeply): each entry is a node whose
  // children are still to visit; `pre` counts open <pre> elements.
  struct Frame {
    xmlNode* node;
    bool block;
    bool pre;
  };
  std::vector<Frame> stack;
  xmlNode* node = xmlDocGetRootElement(doc);
  int pre_depth = 0;
  while (node != nullptr || !stack.empty()) {
    if (node == nullptr) {
      Frame f = stack.back();
      stack.pop_back();
      if (f.block) sink.Break();
      if (f.pre) --pre_depth;
      node = f.node->next;
      continue;
    }
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content != nullptr) {
        sink.Append(reinterpret_cast<const char*>(node->content),
                    pre_depth > 0);
      }
      node = node->next;
      continue;
    }
    if (node->type != XML_ELEMENT_NODE) {
      node = node->next;
      continue;
    }
    std::string_view name = NodeName(node);
    if (IsSkipped(name)) {
      node = node->next;
      continue;
    }
    bool block = IsBlock(name);
    bool pre = name == "pre";
    if (block) sink.Break();
    if (name == "td" || name == "th") sink.Append(" ", false);
    if (pre) ++pre_depth;
    stack.push_back({node, block, pre});
    node = node->children;
  }
  xmlFreeDoc(doc);
  return sink.Take();
}

}  // namespace dossier
