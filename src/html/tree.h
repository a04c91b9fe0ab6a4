// HtmlTree: an HTML page parsed into one flat array of nodes.
//
// ParseHtml tokenizes UTF-8 HTML in one pass and builds the tree by
// libxml2 2.9's HTML rules (the parser dossier used first; its trees are
// what the extractor was tuned on): implied html/head/body, the start tags
// that close an open element (`<p>` closes `<p>`, `<li>` closes `<li>`,
// `<td>` closes `<span>`, ...), end tags that skip elements of higher
// priority (`</div>` does not close an open `<td>`), void elements, `<x/>`
// closing at once, named entities from libxml2's HTML 4 table. It differs
// where libxml2 loses text: `</body>` and `</html>` close nothing (text after
// them stays in the body), nesting deeper than kMaxDepth adds to the
// deepest element instead of stopping the parse, whitespace-only text is
// kept inside the body, HTML5's void elements (source, track, wbr, embed)
// are void. What the extractor never reads is skipped while tokenizing:
// comments, doctype and processing instructions, the contents of
// <script> (except JSON-LD, kept raw) and <style> and <svg>, and
// attributes the caller's filter rejects.
//
// Nodes come in document order, which is pre-order: a node's descendants
// are the nodes right after it, up to its `end`. Text and names are views
// into the input (which must outlive the tree) or into the tree's own
// buffer (decoded entities, lowercased names).
// Never recurses. Thread-safe: a tree is immutable once built; ParseHtml
// keeps no state between calls (the entity table is built once).
#ifndef DOSSIER_HTML_TREE_H_
#define DOSSIER_HTML_TREE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

struct HtmlNode {
  enum class Kind : uint8_t { kElement, kText };
  Kind kind = Kind::kElement;
  // Element: the tag name, lowercase. Text: the decoded text.
  std::string_view name, text;
  int32_t parent = -1, first_child = -1, last_child = -1, next = -1,
          prev = -1;
  int32_t end = 0;  // the last node of the subtree (itself when a leaf)
  uint32_t attr_begin = 0, attr_end = 0;  // elements: HtmlTree::attrs()
  bool is_element() const { return kind == Kind::kElement; }
};

struct HtmlAttr {
  std::string_view name;   // lowercase
  std::string_view value;  // entities decoded; "" when it has none
};

class HtmlTree {
 public:
  static constexpr int kMaxDepth = 512;

  HtmlTree() = default;
  HtmlTree(HtmlTree&&) = default;
  HtmlTree& operator=(HtmlTree&&) = default;

  size_t size() const { return nodes_.size(); }
  const HtmlNode& node(int i) const { return nodes_[i]; }
  // The root element (<html>), or -1 for an empty tree.
  int root() const { return nodes_.empty() ? -1 : 0; }
  // The value of attribute `lower_name` of element `i`; "" when absent.
  std::string_view Attr(int i, std::string_view lower_name) const;
  bool HasAttr(int i, std::string_view lower_name) const;
  const std::vector<HtmlAttr>& attrs() const { return attrs_; }

  // For builders (ParseHtml and the libxml2 bridge): appends a node as the
  // last child of `parent` (-1: the root) and returns its index.
  int Append(HtmlNode n, int parent);
  void AddAttr(HtmlAttr a) { attrs_.push_back(a); }
  void Reserve(size_t nodes);
  // Sets `end` of every node; call once when the tree is complete.
  void Finish();
  // Storage for decoded strings that must live as long as the tree: the
  // returned pointer stays valid (blocks are never moved).
  char* Store(size_t n);

  // The tree as text, one node per line, indented by depth (for tests and
  // for comparing parsers): `<p class="x">` / `"text"`.
  std::string DebugString() const;

 private:
  std::vector<HtmlNode> nodes_;
  std::vector<HtmlAttr> attrs_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t block_left_ = 0;
  char* block_cur_ = nullptr;
};

struct HtmlParseOptions {
  // Which attributes to keep (tag and attribute names are lowercase);
  // nullptr keeps all.
  bool (*keep_attribute)(std::string_view tag, std::string_view attr) =
      nullptr;
};

// Parses `utf8` (the caller has decoded it; invalid bytes pass through as
// text). Never fails: any input gives a tree, perhaps empty.
HtmlTree ParseHtml(std::string_view utf8, const HtmlParseOptions& opts = {});

}  // namespace dossier

#endif  // DOSSIER_HTML_TREE_H_
