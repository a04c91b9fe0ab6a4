#include "html/tree.h"

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <cstring>
#include <mutex>
#include <unordered_map>
#include <utility>

#include "html/ascii.h"

namespace dossier {
namespace {

using ascii::ContainsCi;
using ascii::FindClose;
using ascii::IsAlpha;
using ascii::StartsWithCi;
using ascii::ToLower;
using std::string_view;
constexpr auto IsSpace = ascii::IsHtmlSpace;

// ---- Tag names the tree rules name -------------------------------------

// Known tags get a small id; every other name is 0 (unknown: closes
// nothing, is closed by nothing, default end priority).
constexpr string_view kKnownTags[] = {
    "",        "a",        "abbr",     "acronym",  "address",  "applet",
    "area",    "b",        "base",     "basefont", "bdo",      "big",
    "blockquote", "body",  "br",       "button",   "caption",  "center",
    "cite",    "code",     "col",      "colgroup", "dd",       "del",
    "dfn",     "dir",      "div",      "dl",       "dt",       "em",
    "embed",   "fieldset", "font",     "form",     "frame",    "frameset",
    "h1",      "h2",       "h3",       "h4",       "h5",       "h6",
    "head",    "hr",       "html",     "i",        "iframe",   "img",
    "input",   "ins",      "isindex",  "kbd",      "label",    "legend",
    "li",      "link",     "map",      "menu",     "meta",     "noframes",
    "noscript", "object",  "ol",       "optgroup", "option",   "p",
    "param",   "pre",      "q",        "s",        "samp",     "script",
    "select",  "small",    "span",     "strike",   "strong",   "style",
    "sub",     "sup",      "table",    "tbody",    "td",       "textarea",
    "tfoot",   "th",       "thead",    "title",    "tr",       "tt",
    "u",       "ul",       "var",      "xmp",      "listing",  "source",
    "track",   "wbr",      "svg",
    // HTML5 names libxml2 does not know: no rules, only counted as open.
    "article", "section",  "nav",      "header",   "footer",   "aside",
    "main",    "figure",   "figcaption", "time",   "picture",  "template",
    "video",   "audio",    "mark",     "summary",  "details",  "dialog",
    "canvas",  "noindex",  "nobr",
};
constexpr size_t kTagCount = sizeof kKnownTags / sizeof kKnownTags[0];
using TagSet = std::bitset<kTagCount>;

constexpr uint8_t IdOf(string_view name) {
  for (size_t i = 1; i < kTagCount; ++i) {
    if (kKnownTags[i] == name) return static_cast<uint8_t>(i);
  }
  return 0;
}

constexpr uint8_t kHtml = IdOf("html"), kHead = IdOf("head"),
                  kBody = IdOf("body"), kP = IdOf("p"),
                  kScript = IdOf("script"), kStyle = IdOf("style"),
                  kSvg = IdOf("svg");

// Which open elements a start tag closes (libxml2 2.9.14's htmlStartClose,
// read off the installed library: for each open tag, the start tags that
// close it when it is the current element; <body> closes <head> and
// <title>).
constexpr std::pair<string_view, string_view> kClosedBy[] = {
    {"a", "a fieldset table td th"},
    {"address", "dd dl dt form li ul"},
    {"b", "center p td th"},
    {"big", "p"},
    {"caption", "col colgroup tbody tfoot thead tr"},
    {"colgroup", "colgroup tbody tfoot thead tr"},
    {"dd", "dt"},
    {"dir", "dd dl dt form ul"},
    {"dl", "form li"},
    {"dt", "dd dl"},
    {"font", "center td th"},
    {"form", "form"},
    {"h1", "fieldset form li p table"},
    {"h2", "fieldset form li p table"},
    {"h3", "fieldset form li p table"},
    {"h4", "fieldset form li p table"},
    {"h5", "fieldset form li p table"},
    {"h6", "fieldset form li p table"},
    {"head",
     "a abbr acronym address b bdo big blockquote br center cite code dd dfn "
     "dir div dl dt em fieldset font form frameset h1 h2 h3 h4 h5 h6 hr i "
     "iframe img kbd li map menu ol p pre q s samp small span strike strong "
     "sub sup table tt u ul var xmp listing body"},
    {"i", "center p td th"},
    {"legend", "fieldset"},
    {"li", "li"},
    {"menu", "dd dl dt form ul"},
    {"ol", "form ul"},
    {"option", "optgroup option"},
    {"p",
     "address blockquote caption center col colgroup dd dir div dl dt "
     "fieldset form frameset h1 h2 h3 h4 h5 h6 hr li menu ol p pre table "
     "tbody td tfoot th title tr ul xmp listing"},
    {"pre", "dd dl dt fieldset form li table ul"},
    {"s", "p"},
    {"small", "p"},
    {"span", "td th"},
    {"strike", "p"},
    {"tbody", "tbody tfoot"},
    {"td", "tbody td tfoot th tr"},
    {"tfoot", "tbody"},
    {"th", "tbody td tfoot th tr"},
    {"thead", "tbody tfoot"},
    {"title", "frameset body"},
    {"tr", "tbody tfoot tr"},
    {"tt", "p"},
    {"u", "p td th"},
    {"ul", "address form menu ol pre"},
    {"xmp", "dd dl dt fieldset form li table ul"},
    {"listing", "dd dl dt fieldset form li table ul"},
};

struct Rules {
  TagSet closed_by[kTagCount];
  TagSet is_void;
  int priority[kTagCount];
  // HTML 4 named entities (libxml2's table), sorted by name.
  std::vector<std::pair<string_view, uint32_t>> entities;
  // Tag lookup: open addressing over the known names.
  static constexpr size_t kSlots = 256;
  uint8_t slot[kSlots] = {};
};

// The longest known name ("blockquote", "figcaption").
constexpr size_t kLongestTag = 10;

// Cheap and good enough for ~130 names in 256 slots: length, first and
// last bytes.
size_t HashName(string_view s) {
  return s.size() * 37 + static_cast<unsigned char>(s[0]) * 7 +
         static_cast<unsigned char>(s.back());
}

const Rules& GetRules() {
  static Rules* rules = [] {
    auto* r = new Rules;
    for (auto [old_tag, news] : kClosedBy) {
      uint8_t o = IdOf(old_tag);
      size_t i = 0;
      while (i < news.size()) {
        size_t j = news.find(' ', i);
        if (j == string_view::npos) j = news.size();
        r->closed_by[o].set(IdOf(news.substr(i, j - i)));
        i = j + 1;
      }
    }
    for (string_view v :
         {"area", "base", "basefont", "br", "col", "frame", "hr", "img",
          "input", "isindex", "link", "meta", "param", "embed", "source",
          "track", "wbr"})
      r->is_void.set(IdOf(v));
    for (int& p : r->priority) p = 100;
    r->priority[IdOf("div")] = 150;
    r->priority[IdOf("td")] = r->priority[IdOf("th")] = 160;
    r->priority[IdOf("tr")] = 170;
    r->priority[IdOf("thead")] = r->priority[IdOf("tbody")] =
        r->priority[IdOf("tfoot")] = 180;
    r->priority[IdOf("table")] = 190;
    r->priority[kHead] = r->priority[kBody] = 200;
    r->priority[kHtml] = 220;
    // libxml2 has one entity per code point; its names are static strings.
    // HTML 4's entities all lie below U+2700 (the last is U+2666, &diams;).
    for (unsigned v = 1; v < 0x2700; ++v) {
      const htmlEntityDesc* e = htmlEntityValueLookup(v);
      if (e != nullptr && e->value == v)
        r->entities.emplace_back(reinterpret_cast<const char*>(e->name), v);
    }
    std::sort(r->entities.begin(), r->entities.end());
    for (uint8_t id = 1; id < kTagCount; ++id) {
      size_t h = HashName(kKnownTags[id]);
      while (r->slot[h & (Rules::kSlots - 1)] != 0) ++h;
      r->slot[h & (Rules::kSlots - 1)] = id;
    }
    return r;
  }();
  return *rules;
}

uint8_t TagId(const Rules& r, string_view name) {
  if (name.empty() || name.size() > kLongestTag) return 0;
  size_t h = HashName(name);
  for (size_t probe = 0; probe < Rules::kSlots; ++probe, ++h) {
    uint8_t id = r.slot[h & (Rules::kSlots - 1)];
    if (id == 0) return 0;
    if (ascii::SameBytes(kKnownTags[id], name)) return id;
  }
  return 0;
}

// Byte classes for the tokenizer's inner loops (one load per byte).
enum : uint8_t {
  kNameChar = 1,  // libxml2's HTML names: letters, digits, :-_.
  kAttrStop = 2,  // ends an attribute name: HTML space, '/', '>', '='
};
constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    char ch = static_cast<char>(c);
    if (IsAlpha(ch) || (c >= '0' && c <= '9') || c == ':' || c == '-' ||
        c == '_' || c == '.')
      t[c] |= kNameChar;
    if (ascii::IsHtmlSpace(ch) || c == '/' || c == '>' || c == '=')
      t[c] |= kAttrStop;
  }
  return t;
}();
bool Is(char c, uint8_t cls) {
  return kByteClass[static_cast<unsigned char>(c)] & cls;
}
bool IsNameChar(char c) { return Is(c, kNameChar); }
bool IsEntityNameChar(char c) {
  return IsNameChar(c) || static_cast<unsigned char>(c) >= 0x80;
}

// XML's Char production: what a character reference may name.
bool IsXmlChar(uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

char* PutUtf8(uint32_t c, char* out) {
  if (c < 0x80) {
    *out++ = static_cast<char>(c);
  } else if (c < 0x800) {
    *out++ = static_cast<char>(0xC0 | (c >> 6));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (c >> 12));
    *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (c >> 18));
    *out++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

// Decodes character and entity references as libxml2 does: `&#N;`,
// `&#xH;` (the ';' optional, invalid code points dropped), `&name;` for
// the HTML 4 names only and only with the ';' (else the text stays).
// The output is never longer than the input.
size_t DecodeRefs(const Rules& r, string_view s, char* out) {
  char* o = out;
  size_t i = 0, n = s.size();
  while (i < n) {
    const void* amp = std::memchr(s.data() + i, '&', n - i);
    size_t a = amp ? static_cast<const char*>(amp) - s.data() : n;
    std::memcpy(o, s.data() + i, a - i);
    o += a - i;
    i = a;
    if (i >= n) break;
    if (i + 1 < n && s[i + 1] == '#') {
      size_t k = i + 2;
      bool hex = k < n && (s[k] == 'x' || s[k] == 'X');
      if (hex) ++k;
      uint32_t v = 0;
      while (k < n && s[k] != ';') {
        char c = s[k];
        int d = c >= '0' && c <= '9'                ? c - '0'
                : hex && c >= 'a' && c <= 'f'       ? c - 'a' + 10
                : hex && c >= 'A' && c <= 'F'       ? c - 'A' + 10
                                                    : -1;
        if (d < 0) break;
        if (v < 0x110000) v = v * (hex ? 16 : 10) + static_cast<uint32_t>(d);
        ++k;
      }
      if (k < n && s[k] == ';') ++k;
      if (IsXmlChar(v)) o = PutUtf8(v, o);
      i = k;
      continue;
    }
    size_t k = i + 1;
    if (k < n && (IsAlpha(s[k]) || s[k] == '_' || s[k] == ':' ||
                  static_cast<unsigned char>(s[k]) >= 0x80)) {
      while (k < n && IsEntityNameChar(s[k])) ++k;
    }
    string_view name = s.substr(i + 1, k - i - 1);
    if (!name.empty() && k < n && s[k] == ';') {
      auto it = std::lower_bound(
          r.entities.begin(), r.entities.end(), name,
          [](const auto& e, string_view key) { return e.first < key; });
      if (it != r.entities.end() && it->first == name) {
        o = PutUtf8(it->second, o);
        i = k + 1;
        continue;
      }
    }
    *o++ = '&';
    std::memcpy(o, name.data(), name.size());
    o += name.size();
    i = k;
  }
  return static_cast<size_t>(o - out);
}

class Builder {
 public:
  Builder(string_view s, const HtmlParseOptions& opts, HtmlTree& tree)
      : s_(s), opts_(opts), r_(GetRules()), t_(tree) {
    stack_.reserve(64);
  }

  void Run() {
    size_t i = 0, n = s_.size();
    while (i < n) {
      const void* lt = std::memchr(s_.data() + i, '<', n - i);
      size_t e = lt ? static_cast<const char*>(lt) - s_.data() : n;
      if (e > i) Text(s_.substr(i, e - i), /*raw=*/false);
      i = e;
      if (i >= n) break;
      char c = i + 1 < n ? s_[i + 1] : 0;
      if (c == '!') {
        if (s_.compare(i, 4, "<!--") == 0) {
          size_t end = s_.find("-->", i + 4);
          i = end == string_view::npos ? n : end + 3;
        } else {
          size_t gt = s_.find('>', i);
          i = gt == string_view::npos ? n : gt + 1;
        }
      } else if (c == '?') {
        size_t gt = s_.find('>', i);
        i = gt == string_view::npos ? n : gt + 1;
      } else if (c == '/' && i + 2 < n && IsAlpha(s_[i + 2])) {
        i = EndTag(i + 2);
      } else if (IsAlpha(c)) {
        i = StartTag(i + 1);
      } else {
        Text(s_.substr(i, 1), /*raw=*/true);
        ++i;
      }
    }
    Flush();
    t_.Finish();
  }

 private:
  struct Open {
    int node;
    uint8_t tag;
    string_view name;
  };

  // The lowercase name starting at `at` (libxml2's name characters).
  string_view ReadName(size_t at, size_t* end) {
    size_t j = at;
    bool upper = false;
    while (j < s_.size() && IsNameChar(s_[j])) {
      upper |= s_[j] >= 'A' && s_[j] <= 'Z';
      ++j;
    }
    *end = j;
    return Lowered(s_.substr(at, j - at), upper);
  }
  string_view Lowered(string_view s, bool upper) {
    if (!upper) return s;
    char* p = t_.Store(s.size());
    for (size_t k = 0; k < s.size(); ++k) p[k] = ToLower(s[k]);
    return string_view(p, s.size());
  }

  size_t EndTag(size_t at) {
    size_t j;
    string_view name = ReadName(at, &j);
    size_t gt = s_.find('>', j);
    size_t next = gt == string_view::npos ? s_.size() : gt + 1;
    uint8_t tag = TagId(r_, name);
    if (discarded_ > 0 && (tag == kHtml || tag == kBody || tag == kHead)) {
      --discarded_;
      return next;
    }
    if (tag == kHtml || tag == kBody) return next;  // text after stays in
    if (OpenCount(tag, name) == 0) return next;  // no scan: stray end tags
    int i = static_cast<int>(stack_.size()) - 1;
    int priority = r_.priority[tag];
    for (; i >= 0; --i) {
      if (stack_[i].name == name) break;
      // An end tag does not close elements of higher priority.
      if (r_.priority[stack_[i].tag] > priority) return next;
    }
    if (i < 0) return next;
    PopTo(static_cast<size_t>(i));
    return next;
  }

  size_t StartTag(size_t at) {
    size_t n = s_.size(), j;
    string_view name = ReadName(at, &j);
    // The rest of a name libxml2 would not read ("<div\"x\">") is skipped
    // like a bogus attribute.
    while (j < n && !IsSpace(s_[j]) && s_[j] != '/' && s_[j] != '>') ++j;
    attrs_.clear();
    bool self_closing = false, closed = false;
    while (j < n) {
      char c = s_[j];
      if (c == '>') {
        closed = true;
        ++j;
        break;
      }
      if (IsSpace(c) || c == '/') {
        self_closing = c == '/';
        ++j;
        continue;
      }
      self_closing = false;
      size_t a = j;
      ++j;  // a name may start with '='
      bool upper = c >= 'A' && c <= 'Z';
      while (j < n && !Is(s_[j], kAttrStop)) {
        upper |= s_[j] >= 'A' && s_[j] <= 'Z';
        ++j;
      }
      string_view attr = s_.substr(a, j - a);
      string_view value;
      size_t k = j;
      while (k < n && IsSpace(s_[k])) ++k;
      if (k < n && s_[k] == '=') {
        ++k;
        while (k < n && IsSpace(s_[k])) ++k;
        if (k < n && (s_[k] == '"' || s_[k] == '\'')) {
          size_t q = s_.find(s_[k], k + 1);
          size_t vend = q == string_view::npos ? n : q;
          value = s_.substr(k + 1, vend - k - 1);
          k = q == string_view::npos ? n : q + 1;
        } else {
          size_t v = k;
          while (k < n && !IsSpace(s_[k]) && s_[k] != '>') ++k;
          value = s_.substr(v, k - v);
        }
        j = k;
      }
      string_view lower = Lowered(attr, upper);
      if (opts_.keep_attribute && !opts_.keep_attribute(name, lower)) continue;
      attrs_.push_back({lower, Decoded(value)});
    }
    if (!closed) return n;  // a tag open at the end of the page
    uint8_t tag = TagId(r_, name);
    int node = OpenElement(name, tag);
    if (node >= 0 && (r_.is_void[tag] || self_closing)) {
      if (tag != kScript && tag != kStyle) PopTo(stack_.size() - 1);
    }
    if (tag == kScript || tag == kStyle) {
      string_view close = tag == kScript ? "</script" : "</style";
      size_t end = j;
      while (true) {
        end = s_.find("</", end);
        if (end == string_view::npos) {
          end = n;
          break;
        }
        if (StartsWithCi(s_, end, close)) break;
        end += 2;
      }
      bool json_ld = false;
      for (const HtmlAttr& a : attrs_) json_ld |= ContainsCi(a.value, "ld+json");
      if (json_ld && end > j && node >= 0) Text(s_.substr(j, end - j), true);
      return end;
    }
    if (tag == kSvg && !self_closing) {
      size_t end = FindClose(s_, j, "svg");
      if (end != string_view::npos) return end;
    }
    return j;
  }

  string_view Decoded(string_view v) {
    if (v.find('&') == string_view::npos) return v;
    char* p = t_.Store(v.size());
    return string_view(p, DecodeRefs(r_, v, p));
  }

  // Opens an element by libxml2's rules; -1 when the tag is dropped
  // (a second <html> or <body>, a <head> not right under <html>).
  int OpenElement(string_view name, uint8_t tag) {
    AutoClose(tag);
    Imply(tag);
    if ((tag == kHtml && !stack_.empty()) ||
        (tag == kHead && stack_.size() != 1) ||
        (tag == kBody && InStack(kBody))) {
      ++discarded_;
      return -1;
    }
    return Push(name, tag, true);
  }

  int Push(string_view name, uint8_t tag, bool with_attrs) {
    if (tag == kHead) html_state_ = std::max(html_state_, 3);
    if (tag == kBody) html_state_ = std::max(html_state_, 10);
    Flush();
    if (stack_.size() >= HtmlTree::kMaxDepth) return -1;
    HtmlNode e;
    e.name = name;
    if (with_attrs) {
      e.attr_begin = static_cast<uint32_t>(t_.attrs().size());
      for (const HtmlAttr& a : attrs_) t_.AddAttr(a);
      e.attr_end = static_cast<uint32_t>(t_.attrs().size());
    } else {
      e.attr_begin = e.attr_end = static_cast<uint32_t>(t_.attrs().size());
    }
    int parent = stack_.empty() ? -1 : stack_.back().node;
    if (parent < 0 && t_.size() > 0) parent = 0;  // one root
    int id = t_.Append(e, parent);
    stack_.push_back({id, tag, name});
    ++OpenCount(tag, name);
    return id;
  }

  bool InStack(uint8_t tag) const {
    for (const Open& o : stack_) {
      if (o.tag == tag) return true;
    }
    return false;
  }

  // Closes the current element while the new tag closes it.
  void AutoClose(uint8_t tag) {
    while (!stack_.empty() && tag != 0 && r_.closed_by[stack_.back().tag][tag])
      PopTo(stack_.size() - 1);
  }

  // The html, head and body a tag implies (libxml2's htmlCheckImplied).
  void Imply(uint8_t tag) {
    if (tag == kHtml) return;
    if (stack_.empty()) Push("html", kHtml, false);
    if (tag == kBody || tag == kHead) return;
    string_view name = kKnownTags[tag];
    if (stack_.size() <= 1 &&
        (tag == kScript || tag == kStyle || name == "meta" || name == "link" ||
         name == "title" || name == "base")) {
      if (html_state_ >= 3) return;
      Push("head", kHead, false);
    } else if (name != "noframes" && name != "frame" && name != "frameset") {
      if (html_state_ >= 10) return;
      for (const Open& o : stack_) {
        if (o.tag == kBody || o.tag == kHead) return;
      }
      Push("body", kBody, false);
    }
  }

  // Text: blank text outside the body's elements is dropped; other text
  // directly in <html> or <head> opens a paragraph, as libxml2 does.
  void Text(string_view raw, bool verbatim) {
    bool outside = stack_.empty() || stack_.back().tag == kHtml ||
                   stack_.back().tag == kHead;
    if (outside) {
      bool blank = true;
      for (char c : raw) {
        if (!IsSpace(c)) {
          blank = false;
          break;
        }
      }
      if (blank) return;
      AutoClose(kP);
      Imply(kP);
      Push("p", kP, false);
    }
    string_view text = verbatim ? raw : Decoded(raw);
    if (text.empty() || stack_.empty()) return;
    // Text up to the next change of the open elements is one node (around
    // comments, stray end tags, literal '<'): the pieces are joined once.
    const int parent = stack_.back().node;
    if (parent != pending_parent_) Flush();
    pending_parent_ = parent;
    pending_.push_back(text);
  }

  void Flush() {
    if (pending_.empty()) return;
    string_view text = pending_[0];
    if (pending_.size() > 1) {
      size_t n = 0;
      for (string_view p : pending_) n += p.size();
      char* buf = t_.Store(n);
      size_t at = 0;
      for (string_view p : pending_) {
        std::memcpy(buf + at, p.data(), p.size());
        at += p.size();
      }
      text = string_view(buf, n);
    }
    HtmlNode t;
    t.kind = HtmlNode::Kind::kText;
    t.text = text;
    t_.Append(t, pending_parent_);
    pending_.clear();
    pending_parent_ = -1;
  }

  void PopTo(size_t n) {
    Flush();
    while (stack_.size() > n) {
      --OpenCount(stack_.back().tag, stack_.back().name);
      stack_.pop_back();
    }
  }

  // How many elements of this name are open (known names by id).
  int& OpenCount(uint8_t tag, string_view name) {
    if (tag != 0) return open_known_[tag];
    return open_unknown_[name];
  }

  string_view s_;
  const HtmlParseOptions& opts_;
  const Rules& r_;
  HtmlTree& t_;
  std::vector<Open> stack_;
  std::vector<HtmlAttr> attrs_;
  int html_state_ = 0;  // 3: a head was opened, 10: a body
  int discarded_ = 0;   // dropped html/head/body start tags
  int pending_parent_ = -1;
  std::vector<string_view> pending_;  // text pieces not yet a node
  int open_known_[kTagCount] = {};
  std::unordered_map<string_view, int> open_unknown_;
};

}  // namespace

string_view HtmlTree::Attr(int i, string_view lower_name) const {
  const HtmlNode& n = nodes_[i];
  for (uint32_t a = n.attr_begin; a < n.attr_end; ++a) {
    if (attrs_[a].name == lower_name) return attrs_[a].value;
  }
  return {};
}

bool HtmlTree::HasAttr(int i, string_view lower_name) const {
  const HtmlNode& n = nodes_[i];
  for (uint32_t a = n.attr_begin; a < n.attr_end; ++a) {
    if (attrs_[a].name == lower_name) return true;
  }
  return false;
}

void HtmlTree::Reserve(size_t nodes) {
  nodes_.reserve(nodes);
  attrs_.reserve(nodes / 2);
}

int HtmlTree::Append(HtmlNode n, int parent) {
  int id = static_cast<int>(nodes_.size());
  n.parent = parent;
  n.end = id;
  if (parent >= 0) {
    HtmlNode& p = nodes_[parent];
    n.prev = p.last_child;
    if (p.last_child >= 0) nodes_[p.last_child].next = id;
    if (p.first_child < 0) p.first_child = id;
    p.last_child = id;
  }
  nodes_.push_back(n);
  return id;
}

void HtmlTree::Finish() {
  for (size_t i = nodes_.size(); i-- > 0;) {
    HtmlNode& n = nodes_[i];
    n.end = n.last_child < 0 ? static_cast<int32_t>(i)
                             : nodes_[n.last_child].end;
  }
}

char* HtmlTree::Store(size_t n) {
  if (n > block_left_) {
    size_t size = std::max<size_t>(n, 64 << 10);
    blocks_.push_back(std::unique_ptr<char[]>(new char[size]));  // not zeroed
    block_cur_ = blocks_.back().get();
    block_left_ = size;
  }
  char* p = block_cur_;
  block_cur_ += n;
  block_left_ -= n;
  return p;
}

std::string HtmlTree::DebugString() const {
  std::string out;
  std::vector<int> depth(nodes_.size(), 0);
  for (size_t i = 0; i < nodes_.size(); ++i) {
    const HtmlNode& n = nodes_[i];
    if (n.parent >= 0) depth[i] = depth[n.parent] + 1;
    out.append(2 * depth[i], ' ');
    if (n.is_element()) {
      out += '<';
      out += n.name;
      for (uint32_t a = n.attr_begin; a < n.attr_end; ++a) {
        out += ' ';
        out += attrs_[a].name;
        out += "=\"";
        out += attrs_[a].value;
        out += '"';
      }
      out += ">\n";
    } else {
      out += '"';
      out += n.text;
      out += "\"\n";
    }
  }
  return out;
}

HtmlTree ParseHtml(string_view utf8, const HtmlParseOptions& opts) {
  HtmlTree tree;
  tree.Reserve(utf8.size() / 32 + 16);
  Builder(utf8, opts, tree).Run();
  return tree;
}

}  // namespace dossier
