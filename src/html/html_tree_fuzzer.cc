// libFuzzer target for ParseHtml (html/tree.h): any bytes give a tree whose
// links agree with its pre-order layout, with views inside the input or
// the tree's own storage. Built only with clang and -DDOSSIER_BUILD_FUZZERS=ON:
//   html_tree_fuzzer -max_total_time=300 -max_len=100000 CORPUS_DIR
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "html/tree.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  dossier::HtmlTree t = dossier::ParseHtml(in);
  const int n = static_cast<int>(t.size());
  if (n > 0 && (t.root() != 0 || t.node(0).parent != -1 ||
                t.node(0).end != n - 1 || !t.node(0).is_element()))
    __builtin_trap();
  for (int i = 0; i < n; ++i) {
    const dossier::HtmlNode& node = t.node(i);
    if (i > 0 && (node.parent < 0 || node.parent >= i)) __builtin_trap();
    if (node.end < i || node.end >= n) __builtin_trap();
    if (i > 0 && node.end > t.node(node.parent).end) __builtin_trap();
    if (!node.is_element() && node.first_child >= 0) __builtin_trap();
    int prev = -1, depth = 0;
    for (int c = node.first_child; c >= 0; c = t.node(c).next) {
      if (t.node(c).parent != i || t.node(c).prev != prev) __builtin_trap();
      if (prev >= 0 && c != t.node(prev).end + 1) __builtin_trap();
      prev = c;
    }
    if (prev != node.last_child) __builtin_trap();
    for (int p = node.parent; p >= 0; p = t.node(p).parent) ++depth;
    if (depth > dossier::HtmlTree::kMaxDepth) __builtin_trap();
    for (uint32_t a = node.attr_begin; a < node.attr_end; ++a) {
      if (a >= t.attrs().size()) __builtin_trap();
    }
    // Touch every byte of the views (ASan checks they are live).
    volatile char sink = 0;
    for (char ch : node.text) sink = sink ^ ch;
    for (char ch : node.name) sink = sink ^ ch;
  }
  return 0;
}
