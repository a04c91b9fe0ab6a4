#include "html/extractor.h"

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "html/ascii.h"
#include "html/charset.h"
#include "html/tree.h"

namespace dossier {
namespace {

using ascii::ContainsCi;
using ascii::EqualsCi;
using ascii::FindClose;
using ascii::IsHtmlSpace;
using ascii::StartsWithCi;
using std::string_view;
constexpr auto IsAsciiAlpha = ascii::IsAlpha;

std::string Attr(const HtmlTree& t, int n, string_view lower_name) {
  return std::string(t.Attr(n, lower_name));
}

std::string Lower(string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// `s` lowercased (ASCII) into `buf`, which holds at least s.size() bytes.
string_view LowerInto(string_view s, char* buf) {
  for (size_t k = 0; k < s.size(); ++k) {
    char c = s[k];
    buf[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return string_view(buf, s.size());
}

bool OneOf(string_view s, std::initializer_list<string_view> list) {
  for (string_view x : list) {
    if (ascii::SameBytes(s, x)) return true;
  }
  return false;
}

bool IsDropped(string_view n) {
  return OneOf(
      n, {"script",     "style",   "nav",   "header", "footer",   "aside",
          "form",       "iframe",  "svg",   "button", "template", "select",
          "object",     "head",    "title", "input",  "textarea", "menu",
          "dialog",     "canvas",  "video", "audio",  "map",      "figure",
          "figcaption", "picture", "rt",    "rp"});
}

bool IsBlock(string_view n) {
  return OneOf(
      n, {"p",       "h1",         "h2",         "h3",      "h4",    "h5",
          "h6",      "li",         "blockquote", "div",     "br",    "tr",
          "td",      "th",         "section",    "article", "main",  "ul",
          "ol",      "dl",         "dt",         "dd",      "table", "pre",
          "figure",  "figcaption", "hr",         "address", "body",  "center",
          "caption", "summary",    "details"});
}

bool IsHeading(string_view n) {
  return n.size() == 2 && n[0] == 'h' && n[1] >= '1' && n[1] <= '6';
}

// Elements that never hold readable text.
bool IsCode(string_view n) {
  return OneOf(n, {"script", "style", "template", "svg", "head", "title",
                   "select", "object", "textarea", "iframe", "rt", "rp"});
}

// Elements whose own text scores their ancestors.
bool IsParagraph(string_view n) {
  return OneOf(n, {"p", "pre", "td", "blockquote", "dd"});
}

// Tag kinds, computed once per distinct tag name of a page (Tag()).
enum TagFlag : uint32_t {
  kTagDropped = 1u << 0,     // IsDropped
  kTagBlock = 1u << 1,       // IsBlock
  kTagCode = 1u << 2,        // IsCode
  kTagParagraph = 1u << 3,   // IsParagraph
  kTagHeading = 1u << 4,     // IsHeading
  kTagNoClass = 1u << 5,     // html, body, article, main, p, h1-h6
  kTagOwnTextBox = 1u << 6,  // div, section, ... scored by own text
  kTagLinkBlock = 1u << 7,   // ul, ol, li, div, p, table, section, dl
  kTagFallback = 1u << 8,    // p, h1-h6, li, blockquote, pre, td
};

uint32_t TagFlags(string_view n) {
  uint32_t f = 0;
  if (IsDropped(n)) f |= kTagDropped;
  if (IsBlock(n)) f |= kTagBlock;
  if (IsCode(n)) f |= kTagCode;
  if (IsParagraph(n)) f |= kTagParagraph;
  if (IsHeading(n)) f |= kTagHeading | kTagNoClass | kTagFallback;
  if (OneOf(n, {"html", "body", "article", "main", "p"})) f |= kTagNoClass;
  if (OneOf(n, {"div", "section", "article", "main", "span", "font", "center"}))
    f |= kTagOwnTextBox;
  if (OneOf(n, {"ul", "ol", "li", "div", "p", "table", "section", "dl"}))
    f |= kTagLinkBlock;
  if (OneOf(n, {"p", "li", "blockquote", "pre", "td"})) f |= kTagFallback;
  return f;
}

constexpr int kLeadDepth = 7;

// s starts with p (p not empty); the first byte is tested first, as most
// words fail there.
inline bool HasPrefix(string_view s, string_view p) {
  return s.size() >= p.size() && ascii::SameBytes(s.substr(0, p.size()), p);
}
constexpr string_view kBoilerplate[] = {
    "nav",        "menu",       "footer",     "header",     "sidebar",
    "comment",    "share",      "social",     "related",    "cookie",
    "banner",     "advert",     "promo",      "newsletter", "subscribe",
    "breadcrumb", "pagination", "widget",     "popup",      "modal",
    "skip",       "sponsor",    "masthead",   "recommend",  "signup",
    "login",      "toolbar",    "disqus",     "outbrain",   "taboola",
    "sharing",    "tags",       "breadcr",    "author",     "byline",
    "meta",       "date",       "timestamp",  "posted",     "caption",
    "credit",     "copyright",  "disclaimer", "rating",     "readtime",
    "reading",    "print",      "follow",     "donat",      "teaser",
    "legend",     "affiliate",  "notice"};
constexpr string_view kPositive[] = {"article", "body",  "content",
                                     "main",    "story", "entry",
                                     "post",    "text",  "blog"};

// Page builders (Elementor, WPBakery, Divi, Gutenberg) name every layout
// box "widget", "module", ...: their class names say nothing.
bool IsBuilderToken(string_view t) {
  static constexpr string_view kBuilders[] = {"elementor", "vc_", "et_pb",
                                              "wp-block", "fl-"};
  for (string_view p : kBuilders) {
    if (HasPrefix(t, p)) return true;
  }
  return false;
}

// Calls f on each part of a token split at '-' and '_'.
template <typename F>
bool AnyPart(string_view t, F f) {
  size_t i = 0;
  while (i <= t.size()) {
    size_t j = i;
    while (j < t.size() && t[j] != '-' && t[j] != '_') ++j;
    if (j > i && f(t.substr(i, j - i))) return true;
    i = j + 1;
  }
  return false;
}

// A word list indexed by first byte, for testing a token part against
// dozens of words (each class token of a page is tested once).
class WordIndex {
 public:
  template <size_t N>
  explicit WordIndex(const string_view (&words)[N]) {
    for (string_view w : words) by_first_[Byte(w)].push_back(w);
  }
  bool AnyIsPrefixOf(string_view part) const {
    if (part.empty()) return false;
    for (string_view w : by_first_[Byte(part)]) {
      if (HasPrefix(part, w)) return true;
    }
    return false;
  }
  bool Contains(string_view part) const {
    if (part.empty()) return false;
    for (string_view w : by_first_[Byte(part)]) {
      if (ascii::SameBytes(w, part)) return true;
    }
    return false;
  }

 private:
  static unsigned char Byte(string_view s) {
    return static_cast<unsigned char>(s[0]);
  }
  std::vector<string_view> by_first_[256];
};

constexpr string_view kStrongBoilerplate[] = {
    "meta",      "author", "byline",    "rating",  "share",
    "sharing",   "social", "related",   "comment", "newsletter",
    "subscribe", "tags",   "date",      "posted",  "footer",
    "follow",    "print",  "donat",     "promo",   "advert",
    "recommend", "signup", "timestamp", "breadcr", "pagination"};

const WordIndex& BoilerplateIndex() {
  static const WordIndex* index = new WordIndex(kBoilerplate);
  return *index;
}
const WordIndex& StrongBoilerplateIndex() {
  static const WordIndex* index = new WordIndex(kStrongBoilerplate);
  return *index;
}
const WordIndex& PositiveIndex() {
  static const WordIndex* index = new WordIndex(kPositive);
  return *index;
}

// True when a token names an image's caption or credit: it holds an
// image word and a caption word, in one part or two ("imagedescription",
// "img_description", "head__image-source", "bilduntertitel").
bool TokenIsImageCaption(string_view t) {
  bool image = false;
  // One pass over the token for the image words.
  for (size_t i = 0; i + 3 <= t.size() && !image; ++i) {
    string_view r = t.substr(i);
    switch (r[0]) {
      case 'i':
        image = HasPrefix(r, "img") || HasPrefix(r, "image");
        break;
      case 'p':
        image = HasPrefix(r, "photo") || HasPrefix(r, "picture");
        break;
      case 'f':
        image = HasPrefix(r, "foto");
        break;
      case 'b':
        image = HasPrefix(r, "bild");
        break;
      default:
        break;
    }
  }
  if (!image) return false;
  bool caption = false;
  for (string_view w : {"desc", "caption", "legend", "credit", "source",
                        "quelle", "copyright", "unterschrift", "untertitel"})
    if (t.find(w) != string_view::npos) caption = true;
  return caption;
}

// True when a class/id token names boilerplate: one of its parts starts
// with a boilerplate word ("site-navbar", "commentlist", "ad-slot").
bool TokenIsBoilerplate(string_view t) {
  if (IsBuilderToken(t)) return false;
  if (TokenIsImageCaption(t)) return true;
  return AnyPart(t, [](string_view part) {
    if (part == "ad" || part == "ads") return true;
    // "commentary" is an opinion piece, not a comment thread.
    if (HasPrefix(part, "commentary")) return false;
    return BoilerplateIndex().AnyIsPrefixOf(part);
  });
}
// Boilerplate words that win over a content word in the same token:
// "entry-meta", "post-ratings", "article-related", "comment-content".
bool TokenIsStrongBoilerplate(string_view t) {
  if (IsBuilderToken(t)) return false;
  return AnyPart(t, [](string_view part) {
    if (HasPrefix(part, "commentary")) return false;
    return StrongBoilerplateIndex().AnyIsPrefixOf(part);
  });
}
bool TokenIsPositive(string_view t) {
  if (IsBuilderToken(t)) return false;
  return AnyPart(
      t, [](string_view part) { return PositiveIndex().Contains(part); });
}

// True when a class/id token names an article's body: a part naming the
// article (article, post, entry, story, blog) and a part naming its body
// (content, body, text): "entry-content", "article__body", "post_text".
bool TokenIsContentBox(string_view t) {
  if (OneOf(t, {"articlebody", "storybody", "postcontent", "entrycontent",
                "articletext", "articlecontent", "postbody", "storycontent",
                "post-entry", "blog-post"}))
    return true;
  bool what = false, body = false;
  AnyPart(t, [&](string_view part) {
    if (OneOf(part, {"article", "post", "entry", "story", "blog", "news",
                     "single", "main"}))
      what = true;
    if (OneOf(part, {"content", "body", "text", "inner"})) body = true;
    return false;
  });
  return what && body;
}

// What one class/id token says (lowercased; longer tokens are cut to 64
// bytes: their start is what matters).
enum TokenBit : uint8_t {
  kTokBoiler = 1,
  kTokPositive = 2,  // positive and not strong boilerplate
  kTokStrong = 4,
  kTokBox = 8,
  kTokKnown = 128,  // cache entry filled
};

uint8_t TokenBits(string_view s) {
  char buf[64];
  const string_view t = LowerInto(s.substr(0, sizeof buf), buf);
  uint8_t bits = kTokKnown;
  // Builder tokens are neither boilerplate nor positive.
  if (IsBuilderToken(t)) return TokenIsContentBox(t) ? bits | kTokBox : bits;
  bool b = TokenIsBoilerplate(t), pos = TokenIsPositive(t);
  if (b) bits |= kTokBoiler;
  bool strong_b = b && TokenIsStrongBoilerplate(t);
  if (strong_b) bits |= kTokStrong;
  // "entry-meta": the boilerplate word says what the block is.
  if (pos && !strong_b) bits |= kTokPositive;
  if (TokenIsContentBox(t)) bits |= kTokBox;
  return bits;
}

// A per-thread cache of TokenBits by the token's bytes, kept across pages
// (TokenBits depends on the bytes alone): tokens repeat on a page (the
// same class names on every teaser, paragraph and list item) and across
// pages (layout frameworks' "container", "row", "col-md-8").
class TokenCache {
 public:
  uint8_t Get(string_view tok) {
    if (tok.size() > kMaxKey) return TokenBits(tok);
    uint64_t h = 1469598103934665603ull;
    for (char c : tok)
      h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    h ^= h >> 29;
    Slot* first = nullptr;
    for (size_t probe = 0; probe < 4; ++probe) {
      Slot& sl = slots_[(h + probe) & (kSize - 1)];
      if (!first) first = &sl;
      if (sl.bits == 0) {
        first = &sl;
        break;
      }
      if (sl.len == tok.size() && std::memcmp(sl.key, tok.data(), sl.len) == 0)
        return sl.bits;
    }
    // A free slot, or the first of a full run (replaced).
    first->len = static_cast<uint8_t>(tok.size());
    std::memcpy(first->key, tok.data(), tok.size());
    first->bits = TokenBits(tok);
    return first->bits;
  }

 private:
  static constexpr size_t kSize = 4096;
  static constexpr size_t kMaxKey = 46;
  struct Slot {
    uint8_t len = 0;
    uint8_t bits = 0;  // 0: empty (filled entries carry kTokKnown)
    char key[kMaxKey];
  };
  Slot slots_[kSize];
};

TokenCache& ThreadTokenCache() {
  thread_local std::unique_ptr<TokenCache> cache =
      std::make_unique<TokenCache>();
  return *cache;
}

// Splits class and id values into tokens and reports boilerplate/positive.
void ClassSignals(string_view cls, string_view id, TokenCache* cache,
                  bool* boiler, bool* positive, bool* content_box,
                  bool* strong) {
  uint8_t all = 0;
  for (string_view s : {cls, id}) {
    size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && IsHtmlSpace(s[i])) ++i;
      size_t j = i;
      while (j < s.size() && !IsHtmlSpace(s[j])) ++j;
      if (j > i) {
        string_view tok = s.substr(i, j - i);
        all |= cache ? cache->Get(tok) : TokenBits(tok);
      }
      i = j;
    }
  }
  *boiler = all & kTokBoiler;
  *positive = all & kTokPositive;
  *strong = all & kTokStrong;
  *content_box = all & kTokBox;
}

void ClassSignals(const HtmlTree& t, int n, bool* boiler, bool* positive,
                  bool* content_box, bool* strong) {
  ClassSignals(t.Attr(n, "class"), t.Attr(n, "id"), nullptr, boiler, positive,
               content_box, strong);
}

bool StyleHides(string_view style_attr) {
  if (style_attr.empty()) return false;
  // Cheap test first: most styles say neither.
  if (!ContainsCi(style_attr, "none") && !ContainsCi(style_attr, "hidden"))
    return false;
  std::string style = Lower(style_attr);
  style.erase(std::remove_if(style.begin(), style.end(), IsHtmlSpace),
              style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

// The attributes Index reads, in one walk over the attribute list
// (attribute names are lowercase in the tree).
struct NodeAttrs {
  string_view cls, id, itemprop;
  bool hidden = false;
};

NodeAttrs ReadAttrs(const HtmlTree& t, int n) {
  NodeAttrs out;
  string_view aria, style_attr;
  const HtmlNode& node = t.node(n);
  for (uint32_t i = node.attr_begin; i < node.attr_end; ++i) {
    string_view name = t.attrs()[i].name;
    string_view value = t.attrs()[i].value;
    switch (name.size()) {
      case 2:
        if (out.id.empty() && EqualsCi(name, "id")) out.id = value;
        break;
      case 5:
        if (out.cls.empty() && EqualsCi(name, "class")) out.cls = value;
        if (style_attr.empty() && EqualsCi(name, "style")) style_attr = value;
        break;
      case 6:
        if (EqualsCi(name, "hidden")) out.hidden = true;
        break;
      case 8:
        if (out.itemprop.empty() && EqualsCi(name, "itemprop"))
          out.itemprop = value;
        break;
      case 11:
        if (aria.empty() && EqualsCi(name, "aria-hidden")) aria = value;
        break;
      default:
        break;
    }
  }
  if (EqualsCi(aria, "true") || StyleHides(style_attr)) out.hidden = true;
  return out;
}

bool IsHidden(const HtmlTree& t, int n) { return ReadAttrs(t, n).hidden; }

struct Info {
  int node = -1;     // in the HtmlTree
  string_view name;  // the tag, lowercase
  uint32_t tag = 0;  // TagFlag bits of name
  int parent = -1;
  bool removed = false;
  double text_len = 0;  // non-space bytes of the subtree's text
  double link_len = 0;  // of which inside <a>
  double commas = 0;
  double own_len = 0;  // text of the element's own text children
  double score = 0;
  bool candidate = false;
  bool boiler = false;        // class/id names boilerplate, not content
  bool content_box = false;   // <article>, articleBody, "entry-content"...
  bool noscript = false;      // <noscript>: dropped unless it holds the page
  bool in_para = false;       // inside a scoring paragraph
  double para_len = 0;        // text of scoring paragraphs in the subtree
  int end = 0;                // index of the last element of the subtree
  double all_len = 0;         // text_len counting removed elements too
  double all_link = 0;        // link_len counting removed elements too
  double before = 0;          // kept own text of the elements before this one
  bool article_body = false;  // itemprop=articleBody
  bool article_scope = false;  // it or an ancestor is an <article>
};

// Counts the non-space bytes (IsHtmlSpace) and commas of `s`: 16 bytes at
// a time with SSE2, then eight at a time where a word holds no byte below
// 0x20.
void CountText(string_view s, size_t* non_space, size_t* commas) {
  constexpr uint64_t k7f = 0x7F7F7F7F7F7F7F7Full, k80 = 0x8080808080808080ull;
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  // The number of high bits set (no popcnt instruction assumed).
  auto count = [](uint64_t high_bits) {
    return static_cast<size_t>(((high_bits >> 7) * kOnes) >> 56);
  };
  size_t len = 0, comma = 0, i = 0, n = s.size();
#if defined(__SSE2__)
  // 16 bytes at a time: a mask of the HTML spaces and one of the commas.
  {
    auto popcount16 = [](unsigned x) {
      x = x - ((x >> 1) & 0x5555u);
      x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
      x = (x + (x >> 4)) & 0x0F0Fu;
      return static_cast<size_t>((x + (x >> 8)) & 0x1Fu);
    };
    const __m128i sp = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t'),
                  nl = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'),
                  ff = _mm_set1_epi8('\f'), cm = _mm_set1_epi8(',');
    for (; i + 16 <= n; i += 16) {
      __m128i x =
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
      __m128i space = _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(x, sp), _mm_cmpeq_epi8(x, tab)),
          _mm_or_si128(
              _mm_or_si128(_mm_cmpeq_epi8(x, nl), _mm_cmpeq_epi8(x, cr)),
              _mm_cmpeq_epi8(x, ff)));
      len += 16 - popcount16(static_cast<unsigned>(_mm_movemask_epi8(space)));
      comma += popcount16(
          static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, cm))));
    }
  }
#endif
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    // High bit of each byte: the byte is >= 0x20 / > 0x20 / == ','.
    uint64_t ge20 = (((x & k7f) + (0x80 - 0x20) * kOnes) | x) & k80;
    uint64_t gt20 = (((x & k7f) + (0x80 - 0x21) * kOnes) | x) & k80;
    uint64_t y = x ^ (',' * kOnes);
    uint64_t is_comma = ~(((y & k7f) + k7f) | y) & k80;
    comma += count(is_comma);
    if (ge20 == k80) {  // no control bytes: only ' ' is a space
      len += count(gt20);
    } else {
      for (size_t k = i; k < i + 8; ++k) len += !IsHtmlSpace(s[k]);
    }
  }
  for (; i < n; ++i) {
    len += !IsHtmlSpace(s[i]);
    comma += s[i] == ',';
  }
  *non_space = len;
  *commas = comma;
}

// Appends whitespace-collapsed text with paragraph breaks.
class Sink {
 public:
  void Break() { pending_break_ = true; }
  size_t size() const { return out_.size(); }
  // The next paragraph is a heading (h1-h6).
  void MarkHeading() { heading_pending_ = true; }
  // The next paragraph is a list item (kept even when short).
  void MarkItem() { item_pending_ = true; }
  // Drops the last paragraph when it introduced a block now skipped
  // ("Related articles" over a dropped link list), or ends the text.
  void DropTrailingHeading(bool at_end = false) {
    size_t len = out_.size() - para_start_;
    char last = out_.empty() ? 0 : out_.back();
    bool sentence = last == '.' || last == '!' || last == '?';
    // A heading, or a short line ("More on this:", "Contact") that is
    // not a list item, introduces the block that follows: it goes with
    // that block when the block is skipped, or when nothing follows.
    bool drop = (para_heading_ && len <= 120) ||
                (len <= 60 && para_start_ > 0 && !para_item_ && !dropped_ &&
                 !(sentence && at_end));
    if (!drop) return;
    dropped_ = true;
    para_item_ = false;
    out_.resize(para_start_);
    while (!out_.empty() && (out_.back() == '\n' || out_.back() == ' '))
      out_.pop_back();
    para_heading_ = false;
    para_start_ = out_.size();
    pending_break_ = true;
    pending_space_ = false;
  }
  void Append(string_view s, bool pre) {
    const size_t n = s.size();
    size_t i = 0;
    while (i < n) {
      char c = s[i];
      // U+00A0 counts as a space.
      if (!pre && static_cast<unsigned char>(c) == 0xC2 && i + 1 < n &&
          static_cast<unsigned char>(s[i + 1]) == 0xA0) {
        pending_space_ = true;
        i += 2;
        continue;
      }
      if (!pre && IsHtmlSpace(c)) {
        pending_space_ = true;
        ++i;
        continue;
      }
      if (pre && (c == '\r' || c == '\f')) {
        Separate();
        out_.push_back('\n');
        ++i;
        continue;
      }
      // A run of bytes copied as they are: after its first byte no
      // separator is pending.
      size_t j = i + 1;
      if (pre) {
        while (j < n && s[j] != '\r' && s[j] != '\f') ++j;
      } else {
        while (j < n && !IsHtmlSpace(s[j]) &&
               static_cast<unsigned char>(s[j]) != 0xC2)
          ++j;
      }
      Separate();
      out_.append(s.data() + i, j - i);
      i = j;
    }
  }
  // `trim_tail`: drop a heading or short line that ends the text.
  std::string Take(bool trim_tail = true) {
    if (trim_tail) DropTrailingHeading(true);
    while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\n'))
      out_.pop_back();
    return std::move(out_);
  }

 private:
  // What goes before the next byte of text: a paragraph break or a space
  // when one is pending.
  void Separate() {
    if (!out_.empty()) {
      if (pending_break_) {
        while (!out_.empty() && out_.back() == ' ') out_.pop_back();
        out_ += "\n\n";
        para_start_ = out_.size();
        para_heading_ = heading_pending_;
        para_item_ = item_pending_;
      } else if (pending_space_ && out_.back() != '\n') {
        out_.push_back(' ');
      }
    } else {
      para_start_ = 0;
      para_heading_ = heading_pending_;
      para_item_ = item_pending_;
    }
    if (pending_break_ || out_.empty())
      heading_pending_ = item_pending_ = false;
    pending_break_ = pending_space_ = false;
    dropped_ = false;
  }

  std::string out_;
  bool pending_break_ = false, pending_space_ = false;
  size_t para_start_ = 0;         // where the last paragraph begins in out_
  bool para_heading_ = false;     // the last paragraph is a heading
  bool dropped_ = false;          // a paragraph was dropped since the last text
  bool heading_pending_ = false;  // the next paragraph is a heading
  bool para_item_ = false, item_pending_ = false;  // the same for <li>
};

std::string Collapse(string_view s) {
  Sink k;
  k.Append(s, false);
  return k.Take(false);
}

// "2024-03-05T10:00" -> "2024-03-05"; "" when not an ISO date.
std::string IsoDate(string_view s) {
  while (!s.empty() && IsHtmlSpace(s.front())) s.remove_prefix(1);
  if (s.size() < 10) return {};
  for (int i = 0; i < 10; ++i) {
    char c = s[i];
    bool dash = i == 4 || i == 7;
    if (dash ? c != '-' : (c < '0' || c > '9')) return {};
  }
  return std::string(s.substr(0, 10));
}

void SetIfEmpty(std::string& dst, string_view v) {
  if (dst.empty() && !v.empty()) dst = Collapse(v);
}

std::string JsonName(const rapidjson::Value& v) {
  if (v.IsString()) return v.GetString();
  if (v.IsArray()) {
    std::string out;
    for (const auto& e : v.GetArray()) {
      std::string n = JsonName(e);
      if (n.empty()) continue;
      if (!out.empty()) out += ", ";
      out += n;
    }
    return out;
  }
  if (v.IsObject()) {
    auto it = v.FindMember("name");
    if (it != v.MemberEnd() && it->value.IsString())
      return it->value.GetString();
  }
  return {};
}

bool IsArticleType(const rapidjson::Value& t) {
  if (t.IsArray()) {
    for (const auto& e : t.GetArray()) {
      if (IsArticleType(e)) return true;
    }
    return false;
  }
  if (!t.IsString()) return false;
  string_view s = t.GetString();
  return s.find("Article") != string_view::npos || s == "BlogPosting" ||
         s == "Report" || s == "WebPage";
}

struct JsonLdMeta {
  std::string headline, published, modified, author, publisher;
};

void ReadJsonLd(const rapidjson::Value& v, JsonLdMeta& m, int depth) {
  if (depth > 8) return;
  if (v.IsArray()) {
    for (const auto& e : v.GetArray()) ReadJsonLd(e, m, depth + 1);
    return;
  }
  if (!v.IsObject()) return;
  auto graph = v.FindMember("@graph");
  if (graph != v.MemberEnd()) ReadJsonLd(graph->value, m, depth + 1);
  auto type = v.FindMember("@type");
  if (type == v.MemberEnd() || !IsArticleType(type->value)) return;
  bool page = type->value.IsString() &&
              string_view(type->value.GetString()) == "WebPage";
  auto get = [&](const char* key) -> std::string {
    auto it = v.FindMember(key);
    if (it == v.MemberEnd()) return {};
    if (it->value.IsString()) return it->value.GetString();
    return JsonName(it->value);
  };
  if (!page) SetIfEmpty(m.headline, get("headline"));
  SetIfEmpty(m.published, IsoDate(get("datePublished")));
  SetIfEmpty(m.modified, IsoDate(get("dateModified")));
  if (!page) SetIfEmpty(m.author, get("author"));
  SetIfEmpty(m.publisher, get("publisher"));
}

// Attributes the extractor reads (ClassSignals, IsHidden, Metadata); all
// others (href, src, srcset, data-*, on*, title, alt, ...: two thirds of a
// page's tag bytes) are cut before parsing.
bool KeepAttribute(string_view tag, string_view attr) {
  for (string_view a :
       {"class", "id", "style", "hidden", "aria-hidden", "itemprop"}) {
    if (EqualsCi(attr, a)) return true;
  }
  if (EqualsCi(tag, "meta"))
    return EqualsCi(attr, "property") || EqualsCi(attr, "name") ||
           EqualsCi(attr, "content") || EqualsCi(attr, "http-equiv");
  if (EqualsCi(tag, "link"))
    return EqualsCi(attr, "rel") || EqualsCi(attr, "href");
  if (EqualsCi(tag, "html")) return EqualsCi(attr, "lang");
  if (EqualsCi(tag, "time")) return EqualsCi(attr, "datetime");
  if (EqualsCi(tag, "script")) return EqualsCi(attr, "type");
  return false;
}

// KeepAttribute for the tree's lowercase names, without case folding
// (called for every attribute of the page).
bool KeepLowerAttribute(string_view tag, string_view a) {
  constexpr auto Is = ascii::SameBytes;
  switch (a.size()) {
    case 2:
      return Is(a, "id");
    case 3:
      return Is(a, "rel") && Is(tag, "link");
    case 4:
      if (Is(a, "name")) return Is(tag, "meta");
      if (Is(a, "href")) return Is(tag, "link");
      if (Is(a, "lang")) return Is(tag, "html");
      if (Is(a, "type")) return Is(tag, "script");
      return false;
    case 5:
      return Is(a, "class") || Is(a, "style");
    case 6:
      return Is(a, "hidden");
    case 7:
      return Is(a, "content") && Is(tag, "meta");
    case 8:
      if (Is(a, "itemprop")) return true;
      if (Is(a, "property")) return Is(tag, "meta");
      if (Is(a, "datetime")) return Is(tag, "time");
      return false;
    case 10:
      return Is(a, "http-equiv") && Is(tag, "meta");
    case 11:
      return Is(a, "aria-hidden");
    default:
      return false;
  }
}

// Tags whose whitespace is text (not collapsed by the pre-pass).
bool KeepsWhitespace(string_view tag) {
  return EqualsCi(tag, "pre") || EqualsCi(tag, "textarea") ||
         EqualsCi(tag, "listing") || EqualsCi(tag, "xmp");
}

// Appends text, a run of ASCII whitespace as one byte unless `keep_ws`
// (the extractor collapses whitespace itself; libxml2 reads each byte).
void AppendText(string_view t, bool keep_ws, std::string& out) {
  if (keep_ws) {
    out.append(t);
    return;
  }
  size_t i = 0, n = t.size();
  while (i < n) {
    size_t j = i;
    while (j < n && !IsHtmlSpace(t[j])) ++j;
    out.append(t.data() + i, j - i);
    if (j == n) break;
    size_t k = j;
    bool newline = false;
    while (k < n && IsHtmlSpace(t[k])) newline |= t[k++] == '\n';
    out.push_back(newline ? '\n' : ' ');
    i = k;
  }
}

// What libxml2 is given: the page less what the extractor never reads.
// Comments, the contents of <script> (except JSON-LD), <style> and <svg>,
// and every attribute the extractor does not read are cut (tags kept),
// runs of whitespace outside <pre>/<textarea> become one byte, NUL bytes,
// which stop libxml2, become spaces. This leaves about a third of a
// typical page, and libxml2's time goes with its input's size. Start tags
// are read as the HTML tokenizer does (quoted values may hold '>').
std::string StripForParse(string_view s, size_t* start_tags) {
  *start_tags = 0;
  std::string out;
  out.reserve(s.size() / 2);
  size_t i = 0, n = s.size();
  int keep_ws = 0;  // open <pre>/<textarea>
  while (i < n) {
    size_t lt = s.find('<', i);
    if (lt == string_view::npos) lt = n;
    AppendText(s.substr(i, lt - i), keep_ws > 0, out);
    i = lt;
    if (i >= n) break;
    if (s.compare(i, 4, "<!--") == 0) {
      size_t end = s.find("-->", i + 4);
      i = end == string_view::npos ? n : end + 3;
      continue;
    }
    bool end_tag = i + 1 < n && s[i + 1] == '/';
    size_t name_at = i + (end_tag ? 2 : 1);
    if (name_at >= n || !IsAsciiAlpha(s[name_at])) {
      out.push_back('<');
      ++i;
      continue;
    }
    size_t j = name_at;
    while (j < n && !IsHtmlSpace(s[j]) && s[j] != '/' && s[j] != '>') ++j;
    string_view name = s.substr(name_at, j - name_at);
    if (end_tag) {
      size_t gt = s.find('>', j);
      if (gt == string_view::npos) gt = n - 1;
      out.append(s.data() + i, gt + 1 - i);
      if (KeepsWhitespace(name) && keep_ws > 0) --keep_ws;
      i = gt + 1;
      continue;
    }
    // The start tag's attributes, as the HTML tokenizer splits them.
    ++*start_tags;
    size_t open_at = out.size();
    out.push_back('<');
    out.append(name);
    bool self_closing = false, closed = false;
    while (j < n) {
      char c = s[j];
      if (c == '>') {
        closed = true;
        ++j;
        break;
      }
      if (IsHtmlSpace(c) || c == '/') {
        self_closing = c == '/';
        ++j;
        continue;
      }
      self_closing = false;
      size_t a = j;
      ++j;  // a name may start with '='
      while (j < n && !IsHtmlSpace(s[j]) && s[j] != '/' && s[j] != '>' &&
             s[j] != '=')
        ++j;
      string_view attr = s.substr(a, j - a);
      size_t k = j;
      while (k < n && IsHtmlSpace(s[k])) ++k;
      if (k < n && s[k] == '=') {
        ++k;
        while (k < n && IsHtmlSpace(s[k])) ++k;
        if (k < n && (s[k] == '"' || s[k] == '\'')) {
          size_t q = s.find(s[k], k + 1);
          k = q == string_view::npos ? n : q + 1;
        } else {
          while (k < n && !IsHtmlSpace(s[k]) && s[k] != '>') ++k;
        }
        j = k;
      }
      string_view whole = s.substr(a, std::min(j, n) - a);
      // A style is read only for display:none / visibility:hidden.
      if (KeepAttribute(name, attr) &&
          (!EqualsCi(attr, "style") || ContainsCi(whole, "none") ||
           ContainsCi(whole, "hidden"))) {
        out.push_back(' ');
        out.append(whole);
      }
    }
    if (!closed) {  // a tag open at the end of the page: left as it was
      out.resize(open_at);
      out.append(s.data() + i, n - i);
      break;
    }
    bool script = EqualsCi(name, "script"), style = EqualsCi(name, "style");
    // "<script .../>" still runs to "</script>" in HTML; libxml2 would
    // close it at once and choke on the stray end tag.
    if (self_closing && !script && !style) out.push_back('/');
    out.push_back('>');
    i = j;
    if (script || style) {
      string_view close = script ? "</script" : "</style";
      size_t body = i, end = body;
      while (true) {
        end = s.find("</", end);
        if (end == string_view::npos) {
          end = n;
          break;
        }
        if (StartsWithCi(s, end, close)) break;
        end += 2;
      }
      bool json_ld = false;
      string_view tag_text(out.data() + open_at, out.size() - open_at);
      for (size_t k = 0; k + 7 <= tag_text.size(); ++k) {
        if (StartsWithCi(tag_text, k, "ld+json")) {
          json_ld = true;
          break;
        }
      }
      if (json_ld && end > body) out.append(s.data() + body, end - body);
      i = end;
    } else if (EqualsCi(name, "svg") && !self_closing) {
      // Vector drawings: paths and coordinates, never the page's text.
      size_t end = FindClose(s, i, "svg");
      if (end != string_view::npos) i = end;
    } else if (KeepsWhitespace(name) && !self_closing) {
      ++keep_ws;
    }
  }
  if (memchr(out.data(), 0, out.size()) != nullptr)
    std::replace(out.begin(), out.end(), '\0', ' ');
  return out;
}

// A bump arena for libxml2's allocations while one page is parsed and
// read: the tree is a few hundred thousand small blocks, and malloc/free
// of them took a quarter of the time. libxml2's memory hooks (xmlMemSetup)
// go to the arena of the calling thread while one is active, else to
// malloc; freeing inside the arena is a no-op and the whole arena goes at
// once. A pointer that is not the arena's is always passed to free().
class Arena {
 public:
  explicit Arena(size_t first_block) : next_size_(first_block) {}
  ~Arena() {
    for (char* b : blocks_) std::free(b);
  }
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  void* Alloc(size_t n) {
    n = (n + kAlign - 1) & ~(kAlign - 1);
    if (static_cast<size_t>(end_ - cur_) < n + kAlign) {
      if (!Grow(n + kAlign)) return nullptr;
    }
    char* p = cur_ + kAlign;
    std::memcpy(cur_, &n, sizeof n);  // the size, for Realloc
    cur_ += n + kAlign;
    last_ = p;
    return p;
  }
  void* Realloc(void* old, size_t n) {
    char* p = static_cast<char*>(old);
    size_t had;
    std::memcpy(&had, p - kAlign, sizeof had);
    size_t want = (n + kAlign - 1) & ~(kAlign - 1);
    if (p == last_ && p + want <= end_) {  // the last block grows in place
      std::memcpy(p - kAlign, &want, sizeof want);
      cur_ = p + want;
      return p;
    }
    if (want <= had) return p;
    void* q = Alloc(n);
    if (q) std::memcpy(q, p, had);
    return q;
  }
  bool Owns(const void* p) const {
    const char* c = static_cast<const char*>(p);
    for (size_t i = 0; i < blocks_.size(); ++i) {
      if (c >= blocks_[i] && c < blocks_[i] + sizes_[i]) return true;
    }
    return false;
  }

 private:
  static constexpr size_t kAlign = 16;
  bool Grow(size_t n) {
    size_t size = std::max(next_size_, n);
    char* b = static_cast<char*>(std::malloc(size));
    if (!b) return false;
    blocks_.push_back(b);
    sizes_.push_back(size);
    cur_ = b;
    end_ = b + size;
    last_ = nullptr;
    next_size_ = std::min<size_t>(size * 2, size_t{256} << 20);
    return true;
  }
  std::vector<char*> blocks_;
  std::vector<size_t> sizes_;
  char* cur_ = nullptr;
  char* end_ = nullptr;
  char* last_ = nullptr;
  size_t next_size_;
};

thread_local Arena* t_arena = nullptr;

void* XmlMalloc(size_t n) {
  return t_arena ? t_arena->Alloc(n) : std::malloc(n);
}
void XmlFree(void* p) {
  if (p == nullptr) return;
  if (t_arena && t_arena->Owns(p)) return;
  std::free(p);
}
void* XmlRealloc(void* p, size_t n) {
  if (t_arena) {
    if (p == nullptr) return t_arena->Alloc(n);
    if (t_arena->Owns(p)) return t_arena->Realloc(p, n);
  }
  return std::realloc(p, n);
}
char* XmlStrdup(const char* s) {
  size_t n = std::strlen(s) + 1;
  char* p = static_cast<char*>(XmlMalloc(n));
  if (p) std::memcpy(p, s, n);
  return p;
}

// Makes the calling thread's libxml2 allocations go to `arena` for its
// lifetime. libxml2's per-thread error record, which would keep arena
// strings past it, is cleared before the arena is left.
class ArenaScope {
 public:
  explicit ArenaScope(Arena* arena) {
    xmlResetLastError();
    t_arena = arena;
  }
  ~ArenaScope() {
    xmlResetLastError();
    t_arena = nullptr;
  }
  ArenaScope(const ArenaScope&) = delete;
  ArenaScope& operator=(const ArenaScope&) = delete;
};

void InitOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlMemSetup(XmlFree, XmlMalloc, XmlRealloc, XmlStrdup);
    xmlInitParser();
  });
}

// The arena frees the tree: nothing to do.
struct ArenaDoc {
  void operator()(xmlDoc*) const {}
};

// True when `para` starts with `phrase` (lowercase), ASCII letters
// compared without case.
bool StartsWithPhrase(string_view para, string_view phrase) {
  return StartsWithCi(para, 0, phrase);
}

// Headings that open a block of links to other articles, in the languages
// of the evaluation set and beyond: the article ends before them.
constexpr string_view kRelatedHeadings[] = {
    "related", "you may also like", "you might also like", "more from",
    "recommended",
    // German
    "ähnliche", "Ähnliche", "mehr zum thema", "mehr aus", "das könnte sie auch",
    "das könnte dich auch", "weitere artikel", "weitere beiträge",
    "lesen sie auch", "auch interessant", "meistgelesen", "schon gelesen",
    "empfehlungen", "entdecke weitere",
    // French
    "lire aussi", "à lire aussi", "À lire aussi", "sur le même sujet",
    // Spanish
    "notas relacionadas", "noticias relacionadas", "te puede interesar",
    "más noticias",
    // Polish
    "czytaj także", "czytaj też", "czytaj również", "zobacz też",
    "zobacz także", "przeczytaj też", "przeczytaj także", "przeczytaj również",
    "polecane"};

// Cuts `text` before its first short paragraph (under 60 bytes, not the
// first) that is such a heading ("Related posts", "Mehr zum Thema",
// "Czytaj także").
void CutAtRelatedHeading(std::string& text) {
  size_t start = text.find("\n\n");
  while (start != std::string::npos) {
    size_t para = start + 2;
    size_t end = text.find("\n\n", para);
    size_t len = (end == std::string::npos ? text.size() : end) - para;
    if (len < 60) {
      string_view p(text.data() + para, len);
      for (string_view h : kRelatedHeadings) {
        if (StartsWithPhrase(p, h)) {
          text.resize(start);
          return;
        }
      }
    }
    start = end;
  }
}

// True for a short credit or copyright line: "Quelle: ...", "Foto: ...",
// "Źródło: ...", "© 2024 ...", "Copyright ..." (under 100 bytes).
bool IsCreditLine(string_view p) {
  if (p.size() >= 100) return false;
  if (StartsWithPhrase(p, "\xc2\xa9") || StartsWithPhrase(p, "(c)") ||
      StartsWithPhrase(p, "copyright"))
    return true;
  static constexpr string_view kCredits[] = {"quelle",
                                             "quellen",
                                             "source",
                                             "sources",
                                             "foto",
                                             "fotos",
                                             "photo",
                                             "photos",
                                             "bild",
                                             "bilder",
                                             "image",
                                             "credit",
                                             "cr\xc3\xa9"
                                             "dit",
                                             "\xc5\xb9r\xc3\xb3"
                                             "d\xc5\x82o",
                                             "\xc5\xbar\xc3\xb3"
                                             "d\xc5\x82o",
                                             "fot.",
                                             "zdj\xc4\x99"
                                             "cie",
                                             "fuente",
                                             "titelbild",
                                             "beitragsbild",
                                             "bildnachweis",
                                             "bildquelle"};
  for (string_view w : kCredits) {
    if (!StartsWithPhrase(p, w)) continue;
    size_t i = w.size();
    while (i < p.size() && p[i] == ' ') ++i;
    if (i < p.size() && (p[i] == ':' || p[i] == '/')) return true;
  }
  return false;
}

// True when `p` ends like a sentence: . ! ? " ) or a closing quote.
bool EndsSentence(string_view p) {
  while (!p.empty() && IsHtmlSpace(p.back())) p.remove_suffix(1);
  if (p.empty()) return false;
  char c = p.back();
  if (c == '.' || c == '!' || c == '?' || c == '"' || c == ')') return true;
  for (string_view q : {"\xe2\x80\x9c", "\xe2\x80\x9d", "\xc2\xbb"}) {
    if (p.size() >= q.size() && p.substr(p.size() - q.size()) == q) return true;
  }
  return false;
}

// A text of four or more paragraphs loses up to two short ones (under
// 100 bytes) that end it without ending a sentence: the chrome after an
// article (author lines, dates, tags, "Share", "Print").
void DropTrailingShortLines(std::string& text) {
  size_t paras = 1;
  for (size_t i = text.find("\n\n"); i != std::string::npos;
       i = text.find("\n\n", i + 2))
    ++paras;
  if (paras < 4) return;
  for (int k = 0; k < 2; ++k) {
    size_t at = text.rfind("\n\n");
    if (at == std::string::npos) return;
    string_view last(text.data() + at + 2, text.size() - at - 2);
    if (last.size() >= 100 || EndsSentence(last)) return;
    text.resize(at);
  }
}

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

// Where `cue` occurs in `s` (both lowercase) at or after `from`, starting a
// word when `word_start` and ending one when `word_end`; npos if nowhere.
size_t FindCue(string_view s, string_view cue, size_t from = 0,
               bool word_start = true, bool word_end = false) {
  for (size_t i = s.find(cue, from); i != string_view::npos;
       i = s.find(cue, i + 1)) {
    if (word_start && i > 0 && IsWordByte(s[i - 1])) continue;
    size_t e = i + cue.size();
    if (word_end && e < s.size() && IsWordByte(s[e])) continue;
    return i;
  }
  return string_view::npos;
}

// True when one of `firsts` is followed within `window` bytes by one of
// `seconds` (whole words): "follow us on Twitter", "download our app".
bool CuePair(string_view s, std::initializer_list<string_view> firsts,
             std::initializer_list<string_view> seconds, size_t window) {
  for (string_view a : firsts) {
    for (size_t i = FindCue(s, a); i != string_view::npos;
         i = FindCue(s, a, i + 1)) {
      string_view rest = s.substr(i + a.size(), window);
      for (string_view b : seconds) {
        if (FindCue(rest, b, 0, true, true) != string_view::npos) return true;
      }
    }
  }
  return false;
}

// Phrases found at the start of a word, indexed by first byte: one pass
// over a paragraph tests them all (FindCue for each would scan it once per
// phrase).
class CueSet {
 public:
  struct Cue {
    string_view text;
    bool word_end;  // must end a word too
  };
  explicit CueSet(std::initializer_list<Cue> cues) {
    for (const Cue& c : cues)
      by_first_[static_cast<unsigned char>(c.text[0])].push_back(c);
  }
  // True when one of the phrases occurs in `s` (lowercase) at a word start.
  bool AnyIn(string_view s) const {
    for (size_t i = 0; i < s.size(); ++i) {
      if (i > 0 && IsWordByte(s[i - 1])) continue;
      for (const Cue& c : by_first_[static_cast<unsigned char>(s[i])]) {
        if (s.size() - i < c.text.size() ||
            s.compare(i, c.text.size(), c.text) != 0)
          continue;
        size_t e = i + c.text.size();
        if (c.word_end && e < s.size() && IsWordByte(s[e])) continue;
        return true;
      }
    }
    return false;
  }

 private:
  std::vector<Cue> by_first_[256];
};

// True for a call to the reader that closes an article page: subscribe,
// newsletters, log in to comment, follow us on a social network, get our
// app, rights notices ("All rights reserved"), comment-thread headers
// ("3 Kommentare", "Leave a reply"). `p` is lowercase.
bool IsCallToAction(string_view p) {
  static const CueSet* cues = new CueSet({
      {"subscrib", false},
      {"subscription", false},
      {"abonnier", false},
      {"suscr\xc3\xad"
       "be",
       false},
      {"suscribe", false},
      {"subskrypcj", false},
      {"newsletter", false},
      {"eingeloggt", false},
      {"einloggen", false},
      {"loggen sie sich", false},
      {"logged in", false},
      {"sign up", false},
      {"signup", false},
      {"sign in", false},
      {"registriert", false},
      {"all rights reserved", false},
      {"alle rechte vorbehalten", false},
      {"prawa zastrze\xc5\xbc"
       "one",
       false},
      {"prawem autorskim", false},
      {"derechos reservados", false},
      {"tous droits r\xc3\xa9serv\xc3\xa9s", false},
      {"copyrighted", false},
      {"kommentar schreiben", false},
      {"kommentare schreiben", false},
      {"kommentar zu schreiben", false},
      {"kommentare zu schreiben", false},
      {"kommentar hinterlassen", false},
      {"kommentar zu hinterlassen", false},
      {"kommentare hinterlassen", false},
      {"keine kommentare", false},
      {"comment below", false},
      {"comments below", false},
      {"leave a comment", false},
      {"leave a reply", false},
      {"diskutieren sie mit", false},
      {"letter to the editor", false},
      {"leserbrief", false},
      {"creative commons-lizenz", false},
      {"creative-commons-lizenz", false},
      {"creative commons license", false},
      {"creative commons licence", false},
      {"under a creative commons", false},
      {"unter einer creative commons", false},
      {"cc-by", false},
      {"cc by-", false},
      {"suggested citation", false},
      {"cite this article", false},
      {"zitiervorschlag", false},
      {"supporting our work", false},
      {"support our work", false},
      {"support our journalism", false},
      {"unterst\xc3\xbctzen sie unsere", false},
      {"cancel anytime", false},
      {"cancel at any time", false},
      {"jederzeit k\xc3\xbcndbar", false},
      {"cancela cuando quieras", false},
      {"paywall", false},
      {"bezahlschranke", false},
      {"abgelegt unter", false},
      {"this entry was posted in", false},
      {"log in", true},
      {"login", true},
  });
  if (cues->AnyIn(p)) return true;
  // "12 Kommentare"
  for (size_t i = FindCue(p, "kommentare", 0, false, true);
       i != string_view::npos;
       i = FindCue(p, "kommentare", i + 1, false, true)) {
    if (i >= 2 && p[i - 1] == ' ' && p[i - 2] >= '0' && p[i - 2] <= '9')
      return true;
  }
  if (CuePair(p,
              {"follow", "folg", "s\xc3\xadguenos", "siguenos", "obserwuj",
               "join", "\xc3\xbanete"},
              {"twitter", "facebook", "instagram", "telegram", "whatsapp",
               "youtube", "linkedin"},
              60))
    return true;
  return CuePair(p, {"download", "herunterladen", "descarga"}, {"app", "apps"},
                 40) ||
         CuePair(p, {"app", "apps"}, {"download", "herunterladen"}, 40);
}

// True for a disclosure before an article: advertising or affiliate
// notes ("This post contains affiliate links", "*Werbung"), browser
// warnings. `p` is lowercase.
bool IsDisclosure(string_view p) {
  for (string_view c :
       {"affiliate link", "affiliate-link", "contains references to products",
        "enth\xc3\xa4lt werbung", "browser version with limited support"}) {
    if (FindCue(p, c) != string_view::npos) return true;
  }
  if (StartsWithPhrase(p, "werbung") || StartsWithPhrase(p, "*werbung"))
    return true;
  return CuePair(p, {"advertiser", "advertisers"},
                 {"influence", "compensate", "compensates", "compensation"},
                 40);
}


// True for a notice that is never article text wherever it stands:
// newsletter offers and calls to subscribe, comment-form notes ("Your email
// address will not be published"), opinion disclaimers. `p` is lowercase.
bool IsPageNotice(string_view p) {
  static const CueSet* cues = new CueSet({
      // The verbs, not the nouns: "a subscription service" is news.
      {"subscribe", true},
      {"abonnieren", true},
      {"abonniere", true},
      {"suscr\xc3\xad"
       "bete",
       true},
      {"suscribete", true},
      {"newsletter", false},
      {"subskrypcj", false},
      {"e-mail-adresse wird nicht ver\xc3\xb6"
       "ffentlicht",
       false},
      {"email address will not be published", false},
      {"required fields are marked", false},
      {"erforderliche felder", false},
      {"hinterlasse einen kommentar", false},
      {"hinterlasse jetzt einen kommentar", false},
      {"leave a comment", false},
      {"leave a reply", false},
      {"kommentar schreiben", false},
      {"kommentar hinterlassen", false},
      {"n'engagent que leurs auteurs", false},
      {"meinung des autors wieder", false},
      {"do not necessarily reflect", false},
      {"nicht notwendigerweise", false},
  });
  return cues->AnyIn(p);
}

// A text of four or more paragraphs loses up to three paragraphs under
// 400 bytes that end it as calls to action (IsCallToAction), up to
// two that open it as disclosures (IsDisclosure), and then the notices
// under 200 bytes after its first paragraph (IsPageNotice); three
// paragraphs are always left.
void DropPageNotes(std::string& text) {
  std::vector<string_view> paras;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    paras.emplace_back(text.data() + start, end - start);
    start = end + 2;
  }
  if (paras.size() < 4) return;
  size_t first = 0, last = paras.size();
  for (int k = 0; k < 3 && last - first > 3; ++k) {
    string_view p = paras[last - 1];
    if (p.size() >= 400 || !IsCallToAction(Lower(p))) break;
    --last;
  }
  for (int k = 0; k < 2 && last - first > 3; ++k) {
    string_view p = paras[first];
    if (p.size() >= 400 || !IsDisclosure(Lower(p))) break;
    ++first;
  }
  // Notices inside (under 200 bytes, not the first paragraph).
  std::vector<bool> drop(paras.size(), false);
  size_t dropped = 0;
  char buf[200];
  for (size_t i = first + 1; i < last; ++i) {
    if (paras[i].size() < 200 && IsPageNotice(LowerInto(paras[i], buf))) {
      drop[i] = true;
      ++dropped;
    }
  }
  if (last - first - dropped < 3) {
    drop.assign(paras.size(), false);
    dropped = 0;
  }
  if (first == 0 && last == paras.size() && dropped == 0) return;
  std::string out;
  for (size_t i = first; i < last; ++i) {
    if (drop[i]) continue;
    if (!out.empty()) out += "\n\n";
    out.append(paras[i]);
  }
  text.swap(out);
}

// Drops credit lines (IsCreditLine) other than the first paragraph.
void DropCreditLines(std::string& text) {
  std::string out;
  size_t start = 0;
  bool first = true;
  while (start <= text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    string_view p(text.data() + start, end - start);
    if (first || !IsCreditLine(p)) {
      if (!out.empty()) out += "\n\n";
      out.append(p);
    }
    first = false;
    start = end + 2;
  }
  text.swap(out);
}

class Extractor {
 public:
  Extractor(const HtmlTree& tree, const ExtractOptions& opts, bool relaxed)
      : tree_(tree), opts_(opts), relaxed_(relaxed) {}

  ExtractedPage Run() {
    Index();
    Lengths();
    PruneBoilerplate();
    Lengths();
    Score();
    ExtractedPage page;
    Metadata(page);
    page.text = MainText();
    return page;
  }

 private:
  // Pre-order list of element nodes, with removal marks (the tree's nodes
  // are in pre-order already).
  void Index() {
    info_of_.assign(tree_.size(), -1);
    info_.reserve(tree_.size() / 2 + 8);
    class_weight_.reserve(tree_.size() / 2 + 8);
    for (int n = 0; n < static_cast<int>(tree_.size()); ++n) {
      const HtmlNode& node = tree_.node(n);
      if (!node.is_element()) continue;
      int parent = node.parent >= 0 ? info_of_[node.parent] : -1;
      bool in_article = parent >= 0 && info_[parent].article_scope;
      int id = static_cast<int>(info_.size());
      Info in;
      in.node = n;
      in.parent = parent;
      string_view name = node.name;
      in.name = name;
      in.tag = Tag(name);
      bool parent_removed = parent >= 0 && info_[parent].removed;
      in.removed = parent_removed;
      double weight = 0;
      bool article = name == "article";
      if (!in.removed) {
        NodeAttrs attrs = ReadAttrs(tree_, n);
        // An <article>'s own <header> holds its title and lead.
        bool article_header = in_article && name == "header";
        if (relaxed_
                ? (in.tag & kTagCode)
                : ((in.tag & kTagDropped) && !article_header) || attrs.hidden) {
          in.removed = true;
        } else {
          if (!(in.tag & kTagNoClass) &&
              (!attrs.cls.empty() || !attrs.id.empty())) {
            bool boiler, positive, box, strong;
            ClassSignals(attrs.cls, attrs.id, &tokens_, &boiler, &positive,
                         &box, &strong);
            // A content word elsewhere ("main-box author-box") does not
            // save a block that a strong boilerplate word names.
            in.boiler = boiler && (!positive || strong) && !relaxed_;
            in.content_box = box;
            weight = (positive ? 25 : 0) - (boiler ? 25 : 0);
          }
          if (EqualsCi(attrs.itemprop, "articlebody")) {
            in.content_box = true;
            in.article_body = true;
          }
        }
      }
      if (name == "noscript") in.noscript = true;
      if (article) in.content_box = true;
      in.article_scope = in_article || article;
      info_.push_back(in);
      class_weight_.push_back(weight);
      info_of_[n] = id;
    }
  }

  // Text lengths bottom-up (reverse pre-order visits children first).
  // The first call also counts each element's own text once (kept for the
  // second call) and the lengths that ignore removal (all_len, all_link).
  void Lengths() {
    bool first = own_raw_.empty();
    if (first) {
      own_raw_.assign(info_.size(), 0);
      own_commas_.assign(info_.size(), 0);
      // Each text node's bytes count for its parent element (one linear
      // pass over the tree; code elements' text is not counted).
      for (int n = 0; n < static_cast<int>(tree_.size()); ++n) {
        const HtmlNode& k = tree_.node(n);
        if (k.is_element() || k.parent < 0) continue;
        int e = info_of_[k.parent];
        if (e < 0 || (info_[e].tag & kTagCode)) continue;
        size_t len = 0, commas = 0;
        CountText(k.text, &len, &commas);
        own_raw_[e] += static_cast<double>(len);
        own_commas_[e] += static_cast<double>(commas);
      }
    }
    for (size_t i = 0; i < info_.size(); ++i) {
      Info& in = info_[i];
      in.text_len = in.link_len = in.commas = 0;
      if (first) in.all_len = own_raw_[i];
      if (first) in.end = static_cast<int>(i);
      if (in.removed) continue;
      in.text_len = own_raw_[i];
      in.commas = own_commas_[i];
      in.own_len = in.text_len;
    }
    if (first) {
      for (size_t i = info_.size(); i-- > 0;) {
        Info& in = info_[i];
        if (in.name == "a") in.all_link = in.all_len;
        if (in.parent < 0) continue;
        Info& p = info_[in.parent];
        p.all_len += in.all_len;
        p.all_link += in.all_link;
        p.end = std::max(p.end, in.end);
      }
    }
    for (size_t i = info_.size(); i-- > 0;) {
      Info& in = info_[i];
      if (in.removed) continue;
      if (in.name == "a") in.link_len = in.text_len;
      if (in.parent >= 0) {
        Info& p = info_[in.parent];
        p.text_len += in.text_len;
        p.link_len += in.link_len;
        p.commas += in.commas;
      }
    }
  }

  // Removes elements whose class/id names boilerplate, unless they hold
  // most of the page's text (a wrapper such as "page has-sidebar").
  void PruneBoilerplate() {
    if (info_.empty()) return;
    double total = info_[0].text_len;
    for (Info& in : info_) {
      if (in.parent >= 0 && info_[in.parent].removed) in.removed = true;
      if (!in.removed && in.boiler && in.text_len < 0.5 * total)
        in.removed = true;
      // <noscript> repeats what scripts show, except where the page (or
      // its article box: blog engines) is built inside it.
      if (!in.removed && in.noscript && in.text_len < 0.5 * total &&
          !(in.text_len >= 200 &&
            info_[in.parent].text_len < in.text_len + 100))
        in.removed = true;
    }
  }

  void Score() {
    // Paragraph scores flow to ancestors, as in readability.
    for (size_t i = 0; i < info_.size(); ++i) {
      Info& in = info_[i];
      if (in.removed) continue;
      if (in.parent >= 0 && info_[in.parent].in_para) in.in_para = true;
      // A container with running text of its own (text split by <br>)
      // counts as a paragraph, as readability turns such divs into <p>.
      if (!(in.tag & kTagParagraph) &&
          !(in.own_len >= opts_.min_paragraph_chars &&
            (in.tag & kTagOwnTextBox)))
        continue;
      if (in.text_len < opts_.min_paragraph_chars) continue;
      if (!in.in_para && LinkDensity(in) < 0.5) in.para_len = in.text_len;
      in.in_para = true;
      double s = 1 + in.commas + std::min(in.text_len / 100.0, 3.0);
      int a = in.parent;
      for (int level = 0; a >= 0 && level < 3; ++level, a = info_[a].parent) {
        Info& anc = info_[a];
        if (!anc.candidate) {
          anc.candidate = true;
          anc.score += BaseScore(a);
        }
        anc.score += s / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
      }
    }
    for (size_t i = info_.size(); i-- > 1;) {
      const Info& in = info_[i];
      if (!in.removed && in.parent >= 0)
        info_[in.parent].para_len += in.para_len;
    }
  }

  double BaseScore(int id) const {
    string_view name = info_[id].name;
    double s = class_weight_[id];
    if (name == "div") s += 5;
    if (name == "article") s += 10;
    if (name == "main") s += 5;
    if (OneOf(name, {"pre", "td", "blockquote"})) s += 3;
    if (OneOf(name, {"ol", "ul", "dl", "dd", "dt", "li", "form"})) s -= 3;
    if (OneOf(name, {"h1", "h2", "h3", "h4", "h5", "h6", "th"})) s -= 5;
    if (info_[id].article_body) s += 40;
    return s;
  }

  double LinkDensity(const Info& in) const {
    return in.text_len > 0 ? in.link_len / in.text_len : 0;
  }

  void Metadata(ExtractedPage& page) {
    std::string og_title, title_tag, meta_desc, og_desc, og_site, meta_author,
        art_author, pub, mod, time_dt, meta_date;
    JsonLdMeta ld;
    for (const Info& in : info_) {
      const int n = in.node;
      string_view name = in.name;
      if (name == "html") {
        SetIfEmpty(page.language, Attr(tree_, n, "lang"));
      } else if (name == "title") {
        if (title_tag.empty()) title_tag = NodeText(n);
      } else if (name == "meta") {
        std::string key = Lower(Attr(tree_, n, "property"));
        if (key.empty()) key = Lower(Attr(tree_, n, "name"));
        if (key.empty()) key = Lower(Attr(tree_, n, "itemprop"));
        std::string content = Attr(tree_, n, "content");
        if (key == "og:title")
          SetIfEmpty(og_title, content);
        else if (key == "og:description")
          SetIfEmpty(og_desc, content);
        else if (key == "description")
          SetIfEmpty(meta_desc, content);
        else if (key == "og:site_name")
          SetIfEmpty(og_site, content);
        else if (key == "author")
          SetIfEmpty(meta_author, content);
        else if (key == "article:author")
          SetIfEmpty(art_author, content);
        else if (key == "article:published_time" || key == "datepublished")
          SetIfEmpty(pub, IsoDate(content));
        else if (key == "article:modified_time" || key == "datemodified" ||
                 key == "og:updated_time")
          SetIfEmpty(mod, IsoDate(content));
        else if (key == "date" || key == "pubdate" || key == "dc.date" ||
                 key == "dc.date.issued" || key == "publish-date")
          SetIfEmpty(meta_date, IsoDate(content));
        else if (Lower(Attr(tree_, n, "http-equiv")) == "content-language")
          SetIfEmpty(page.language, content);
      } else if (name == "link") {
        if (Lower(Attr(tree_, n, "rel")) == "canonical")
          SetIfEmpty(page.canonical_url, Attr(tree_, n, "href"));
      } else if (name == "time") {
        if (time_dt.empty()) time_dt = IsoDate(Attr(tree_, n, "datetime"));
      } else if (name == "script") {
        if (Lower(Attr(tree_, n, "type")) != "application/ld+json") continue;
        std::string json = NodeText(n, /*raw=*/true);
        rapidjson::Document d;
        d.Parse(json.c_str());
        if (!d.HasParseError()) ReadJsonLd(d, ld, 0);
      }
    }
    SetIfEmpty(page.title, og_title);
    SetIfEmpty(page.title, ld.headline);
    SetIfEmpty(page.title, title_tag);
    SetIfEmpty(page.description, og_desc);
    SetIfEmpty(page.description, meta_desc);
    SetIfEmpty(page.site_name, og_site);
    SetIfEmpty(page.site_name, ld.publisher);
    SetIfEmpty(page.author, meta_author);
    SetIfEmpty(page.author, ld.author);
    if (art_author.rfind("http", 0) != 0) SetIfEmpty(page.author, art_author);
    SetIfEmpty(page.published, pub);
    SetIfEmpty(page.published, ld.published);
    SetIfEmpty(page.published, meta_date);
    SetIfEmpty(page.published, time_dt);
    SetIfEmpty(page.modified, mod);
    SetIfEmpty(page.modified, ld.modified);
  }

  // Concatenated text of a subtree (iterative); `raw` keeps whitespace.
  // (The subtree's nodes follow it, in document order.)
  std::string NodeText(int n, bool raw = false) const {
    std::string out;
    for (int c = n + 1; c <= tree_.node(n).end; ++c) {
      const HtmlNode& k = tree_.node(c);
      if (!k.is_element()) out += k.text;
    }
    return raw ? out : Collapse(out);
  }

  // Serializes the subtree of `id`, skipping removed and link-heavy blocks.
  // `force`: also inside removed elements (a lead in a dropped <header>),
  // skipping only chrome tags and hidden elements.
  void Serialize(int id, Sink& sink, bool force = false) const {
    struct Frame {
      int node;
      bool exit;
    };
    std::vector<Frame> stack{{info_[id].node, false}};
    int pre = 0;
    while (!stack.empty()) {
      Frame f = stack.back();
      stack.pop_back();
      const int n = f.node;
      const HtmlNode& node = tree_.node(n);
      if (!node.is_element()) {
        sink.Append(node.text, pre > 0);
        continue;
      }
      const Info& in = info_[IndexOf(n)];
      string_view name = in.name;
      if (f.exit) {
        if (name == "pre") --pre;
        if (in.tag & kTagBlock) sink.Break();
        continue;
      }
      if (force && in.removed) {
        if (((in.tag & kTagDropped) && name != "header") || IsHidden(tree_, n))
          continue;
      } else if (in.removed) {
        // A lead box at the top of the body ("teaser-text") is no teaser.
        if (!force && in.boiler && sink.size() < 400 && in.all_len >= 40 &&
            in.all_link < 0.3 * in.all_len && LeadOnlyBoiler(IndexOf(n)) &&
            !IsHidden(tree_, n)) {
          sink.Break();
          Serialize(IndexOf(n), sink, /*force=*/true);
          sink.Break();
          continue;
        }
        if (in.boiler) sink.DropTrailingHeading();
        continue;
      }
      if (!opts_.keep_link_lists && IsLinkBlock(in)) {
        sink.DropTrailingHeading();
        continue;
      }
      if (in.tag & kTagBlock) sink.Break();
      if (in.tag & kTagHeading) sink.MarkHeading();
      if (name == "li" || name == "td" || name == "dd") sink.MarkItem();
      if (name == "pre") ++pre;
      stack.push_back({n, true});
      for (int c = node.last_child; c >= 0; c = tree_.node(c).prev) {
        stack.push_back({c, false});
      }
    }
  }

  bool IsLinkBlock(const Info& in) const {
    string_view name = in.name;
    if (!(in.tag & kTagLinkBlock)) return false;
    if (in.text_len == 0) return false;
    double ld = LinkDensity(in);
    if (name == "p") return ld > 0.4 && in.text_len < 300;
    return ld > 0.5;
  }

  std::string MainText() {
    int best = -1;
    for (size_t i = 0; i < info_.size(); ++i) {
      Info& in = info_[i];
      if (!in.candidate || in.removed) continue;
      in.score *= 1 - LinkDensity(in);
      if (best < 0 || in.score > info_[best].score) best = static_cast<int>(i);
    }
    Sink sink;
    if (best >= 0 && info_[best].text_len >= opts_.min_main_chars) {
      double top = info_[best].score;
      best = ExpandToContentBox(best);
      best = ClimbToSpreadText(best);
      // A parent holding several strong candidates is the real container.
      int parent = info_[best].parent;
      const string_view best_class = tree_.Attr(info_[best].node, "class");
      double threshold = std::max(10.0, top * 0.1);
      std::vector<int> kept;
      if (parent < 0) {
        Serialize(best, sink);
        kept.push_back(best);
      } else {
        for (int c = tree_.node(info_[parent].node).first_child; c >= 0;
             c = tree_.node(c).next) {
          if (!tree_.node(c).is_element()) continue;
          int id = IndexOf(c);
          const Info& sib = info_[id];
          if (sib.removed) continue;
          bool keep = id == best || (sib.candidate && sib.score >= threshold);
          // A run of article blocks split by ads shares the class name.
          if (!keep && !best_class.empty() && sib.text_len > 0 &&
              LinkDensity(sib) < 0.3 && sib.name == info_[best].name &&
              tree_.Attr(c, "class") == best_class)
            keep = true;
          if (!keep && OneOf(sib.name, {"p", "div", "section"}) &&
              sib.text_len > 80 && LinkDensity(sib) < 0.25)
            keep = true;
          if (!keep &&
              OneOf(sib.name, {"h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                              "ul", "ol", "figure"}) &&
              sib.text_len > 0 && LinkDensity(sib) < 0.5 &&
              IsNear(c, info_[best].node))
            keep = true;
          if (keep) {
            Serialize(id, sink);
            sink.Break();
            kept.push_back(id);
          }
        }
      }
      std::string text = sink.Take();
      std::string leads = Leads(kept);
      if (!leads.empty() && !text.empty()) text = leads + "\n\n" + text;
      if (!text.empty()) return text;
    }
    // Fallback: every paragraph-like block of the page.
    Sink all;
    for (size_t i = 0; i < info_.size(); ++i) {
      const Info& in = info_[i];
      if (in.removed) continue;
      if (!(in.tag & kTagFallback)) continue;
      if (HasBlockAncestorKept(static_cast<int>(i))) continue;
      Serialize(static_cast<int>(i), all);
      all.Break();
    }
    return all.Take(false);
  }

  // A lead ("standfirst") sits right before the body, in the page's own
  // <header> (next to the <h1>) or in a box named lead/intro/teaser/
  // abstract/excerpt/subtitle..., outside the container chosen for the
  // body: such boxes before the first kept block, under a common ancestor
  // at most 4 levels up, with at most 400 bytes of kept text between them
  // and the body, are put first. Lists, menus, forms and asides are not
  // searched.
  std::string Leads(const std::vector<int>& kept) const {
    if (kept.empty()) return {};
    int first = kept.front();
    int top = first;
    for (int depth = 0; depth < kLeadDepth; ++depth) {
      int p = info_[top].parent;
      if (p < 0 || info_[p].name == "html") break;
      top = p;
    }
    if (top == first) return {};
    // Kept own text before each element (pre-order prefix sums) on
    // [top, first].
    std::vector<double> before(first - top + 2, 0);
    for (int i = top; i <= first; ++i) {
      const Info& in = info_[i];
      before[i - top + 1] = before[i - top] + (in.removed ? 0 : in.own_len);
    }
    Sink sink;
    int found = 0;
    for (int l = top + 1; l < first && found < 3;) {
      const Info& in = info_[l];
      if (in.end >= first) {  // an ancestor of the body
        ++l;
        continue;
      }
      string_view name = in.name;
      if (OneOf(name, {"li", "ul", "ol", "nav", "aside", "footer", "form",
                       "figure", "figcaption", "menu", "table", "button",
                       "select", "script", "style", "noscript"}) ||
          IsHidden(tree_, in.node) || (in.boiler && !LeadOnlyBoiler(l))) {
        l = std::max(l + 1, in.end + 1);
        continue;
      }
      double between = before[first - top] - before[in.end + 1 - top];
      if (between <= 400 && in.all_len >= 40 &&
          in.all_link < 0.3 * in.all_len && IsLead(l)) {
        Serialize(l, sink, /*force=*/true);
        sink.Break();
        ++found;
        l = std::max(l + 1, in.end + 1);
        continue;
      }
      ++l;
    }
    return sink.Take(false);
  }

  // A boilerplate mark that does not stop the search for a lead: a
  // <header>, or a class that names a teaser/lead only.
  bool LeadOnlyBoiler(int id) const {
    const Info& in = info_[id];
    if (in.name == "header") return true;
    bool boiler, positive, box, strong;
    ClassSignals(tree_, in.node, &boiler, &positive, &box, &strong);
    return !strong && HasLeadClass(in.node);
  }

  static bool IsLeadPart(string_view part) {
    if (part.substr(0, 4) == "lead")
      return part.substr(0, 7) != "leading" && part.substr(0, 6) != "leader";
    if (part.substr(0, 5) == "intro") return true;
    return OneOf(
        part, {"lede",     "teaser",     "teasertext",  "abstract", "excerpt",
               "summary",  "standfirst", "subheadline", "subhead",  "subtitle",
               "subline",  "dek",        "deck",        "bajada",   "chapo",
               "chapeau",  "sapo",       "entradilla",  "perex",    "zajawka",
               "vorspann", "einleitung"});
  }

  bool HasLeadClass(int n) const {
    char buf[64];
    for (const char* attr : {"class", "id"}) {
      string_view s = tree_.Attr(n, attr);
      size_t i = 0;
      while (i < s.size()) {
        while (i < s.size() && IsHtmlSpace(s[i])) ++i;
        size_t j = i;
        while (j < s.size() && !IsHtmlSpace(s[j])) ++j;
        if (j > i) {
          size_t len = std::min(j - i, sizeof buf);
          for (size_t k = 0; k < len; ++k) {
            char c = s[i + k];
            buf[k] =
                c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
          }
          if (AnyPart(string_view(buf, len), IsLeadPart)) return true;
        }
        i = j;
      }
    }
    return false;
  }

  // A lead box: a lead class, or a paragraph of a <header> holding the
  // page's <h1>.
  bool IsLead(int id) const {
    const Info& in = info_[id];
    if (HasLeadClass(in.node)) return true;
    if (in.name != "p" || in.all_len < 60) return false;
    int a = in.parent;
    for (int depth = 0; a >= 0 && depth < 4; ++depth, a = info_[a].parent) {
      if (info_[a].name != "header") continue;
      for (int k = a + 1; k <= info_[a].end; ++k) {
        if (info_[k].name == "h1") return true;
      }
      return false;
    }
    return false;
  }

  // The best paragraph container is often one block of an article split
  // over siblings (page builders, "text" modules): the nearest enclosing
  // article-like box (<article>, itemprop=articleBody, "entry-content")
  // holds all of them.
  int ExpandToContentBox(int best) const {
    int depth = 0, found = best;
    for (int a = best; a >= 0 && depth < 12; a = info_[a].parent, ++depth) {
      const Info& in = info_[a];
      if (in.removed) break;
      string_view name = in.name;
      if (name == "body" || name == "html") break;
      if (in.content_box && LinkDensity(in) < 0.35 &&
          (found == best || in.text_len <= 2 * info_[found].text_len))
        found = a;
    }
    return found;
  }

  // An article split over sections of its own (one block per heading,
  // "subtitle-text" boxes) puts its paragraphs in cousins, not siblings:
  // climb to an ancestor with much more paragraph text while that
  // ancestor is mostly paragraphs and few links.
  int ClimbToSpreadText(int best) const {
    int found = best, depth = 0;
    for (int a = info_[best].parent; a >= 0 && depth < 6;
         a = info_[a].parent, ++depth) {
      const Info& in = info_[a];
      if (in.removed || in.name == "body" || in.name == "html") break;
      if (LinkDensity(in) > 0.25) break;
      if (in.para_len >= 1.5 * info_[found].para_len &&
          in.para_len >= 0.7 * in.text_len)
        found = a;
    }
    return found;
  }

  // Headings and lists right next to the chosen container belong to it.
  bool IsNear(int a, int b) const {
    int steps = 0;
    for (int x = a; x >= 0 && steps < 3; x = tree_.node(x).next) {
      if (x == b) return true;
      if (tree_.node(x).is_element()) ++steps;
    }
    return false;
  }

  // True when an ancestor is itself a fallback block (printed already).
  bool HasBlockAncestorKept(int id) const {
    int depth = 0;
    for (int a = info_[id].parent; a >= 0 && depth < 64;
         a = info_[a].parent, ++depth) {
      if (info_[a].tag & kTagFallback) return true;
    }
    return false;
  }

  // TagFlags by the tag name (a page has a few dozen distinct names; the
  // tree holds its own copy of each element's name).
  uint32_t Tag(string_view name) {
    uint32_t h = 2166136261u;
    for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    for (size_t probe = 0; probe < 8; ++probe) {
      TagSlot& sl = tag_slots_[(h + probe) & (kTagSlots - 1)];
      if (!sl.used) {
        sl.used = true;
        sl.name = name;
        sl.flags = TagFlags(name);
        return sl.flags;
      }
      if (sl.name == name) return sl.flags;
    }
    return TagFlags(name);
  }
  static constexpr size_t kTagSlots = 256;
  struct TagSlot {
    string_view name;
    uint32_t flags = 0;
    bool used = false;
  };
  std::vector<TagSlot> tag_slots_ = std::vector<TagSlot>(kTagSlots);
  TokenCache& tokens_ = ThreadTokenCache();

  int IndexOf(int node) const { return info_of_[node]; }

  const HtmlTree& tree_;
  const ExtractOptions& opts_;
  const bool relaxed_;  // keep page chrome: for pages built inside <nav>
  std::vector<int> info_of_;  // tree node -> index in info_ (-1: text)
  std::vector<Info> info_;
  std::vector<double> class_weight_;
  std::vector<double> own_raw_, own_commas_;  // see Lengths()
};

// libxml2's tree as an HtmlTree (views into libxml2's memory, which must
// outlive it), in pre-order.
HtmlTree FromLibxml2(const xmlNode* root) {
  HtmlTree tree;
  std::vector<std::pair<const xmlNode*, int>> stack;
  if (root) stack.push_back({root, -1});
  while (!stack.empty()) {
    auto [n, parent] = stack.back();
    stack.pop_back();
    HtmlNode node;
    if (n->type == XML_ELEMENT_NODE) {
      node.name = reinterpret_cast<const char*>(n->name);
      node.attr_begin = static_cast<uint32_t>(tree.attrs().size());
      for (const xmlAttr* a = n->properties; a; a = a->next) {
        if (!a->name) continue;
        HtmlAttr attr;
        attr.name = reinterpret_cast<const char*>(a->name);
        if (a->children && a->children->content)
          attr.value = reinterpret_cast<const char*>(a->children->content);
        tree.AddAttr(attr);
      }
      node.attr_end = static_cast<uint32_t>(tree.attrs().size());
    } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      node.kind = HtmlNode::Kind::kText;
      if (n->content) node.text = reinterpret_cast<const char*>(n->content);
    } else {
      continue;
    }
    int id = tree.Append(node, parent);
    if (n->type != XML_ELEMENT_NODE) continue;
    for (const xmlNode* c = n->last; c; c = c->prev) stack.push_back({c, id});
  }
  tree.Finish();
  return tree;
}

// Extraction proper, on a parsed page.
ExtractedPage ExtractFromTree(const HtmlTree& tree,
                              const ExtractOptions& opts) {
  ExtractedPage page = Extractor(tree, opts, false).Run();
  if (page.text.size() < 5 * opts.min_main_chars) {
    // Chrome removal can swallow a whole page (everything inside a <form>
    // or a wrapper named "...nav"): try again keeping chrome. Past the
    // minimum, the loose text must be much longer to win.
    ExtractedPage loose = Extractor(tree, opts, true).Run();
    bool short_page = page.text.size() < opts.min_main_chars;
    if (loose.text.size() > (short_page ? 1 : 3) * page.text.size())
      page.text = std::move(loose.text);
  }
  return page;
}

}  // namespace

StatusOr<ExtractedPage> ExtractMainText(string_view html,
                                        const ExtractOptions& opts) {
  size_t i = 0;
  while (i < html.size() && IsHtmlSpace(html[i])) ++i;
  if (i == html.size()) return Status(ErrorCode::kEmptyInput, "empty HTML");
  if (html.size() > static_cast<size_t>(INT32_MAX))
    return Status(ErrorCode::kTooLarge, "HTML larger than 2 GiB");
  StatusOr<Utf8Html> decoded =
      DecodeHtml(html, opts.declared_charset, /*keep_raw=*/true);
  if (!decoded.ok()) return decoded.status();
  std::string& text = decoded->text;
  // NUL bytes are spaces (the tree's text is a view of the page), which
  // needs a copy of raw bytes kept as they are.
  if (decoded->is_raw && std::memchr(html.data(), 0, html.size()) != nullptr) {
    text.assign(decoded->View(html));
    decoded->is_raw = false;
  }
  string_view page_text = decoded->View(html);
  if (page_text.size() > static_cast<size_t>(INT32_MAX))
    return Status(ErrorCode::kTooLarge, "HTML larger than 2 GiB as UTF-8");
  const Status no_tree(ErrorCode::kEmptyInput,
                       "no HTML document could be parsed");
  ExtractedPage page;
  if (opts.parser == ExtractOptions::Parser::kLibxml2) {
    size_t start_tags = 0;
    std::string lean = StripForParse(page_text, &start_tags);
    std::string().swap(text);
    InitOnce();
    // The tree lives in the arena and goes with it (no xmlFreeDoc).
    Arena arena(std::max<size_t>(size_t{64} << 10, 3 * lean.size()));
    ArenaScope scope(&arena);
    std::unique_ptr<xmlDoc, ArenaDoc> doc(htmlReadMemory(
        lean.data(), static_cast<int>(lean.size()), nullptr, "UTF-8",
        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
            HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | HTML_PARSE_IGNORE_ENC |
            HTML_PARSE_COMPACT | HTML_PARSE_NODEFDTD));
    if (!doc || !xmlDocGetRootElement(doc.get())) return no_tree;
    HtmlTree tree = FromLibxml2(xmlDocGetRootElement(doc.get()));
    page = ExtractFromTree(tree, opts);
  } else {
    if (!decoded->is_raw && std::memchr(text.data(), 0, text.size()) != nullptr)
      std::replace(text.begin(), text.end(), '\0', ' ');
    HtmlParseOptions parse;
    parse.keep_attribute = KeepLowerAttribute;
    HtmlTree tree = ParseHtml(decoded->View(html), parse);
    if (tree.size() == 0) return no_tree;
    page = ExtractFromTree(tree, opts);
  }
  page.charset = decoded->charset;
  CutAtRelatedHeading(page.text);
  DropCreditLines(page.text);
  DropTrailingShortLines(page.text);
  DropPageNotes(page.text);
  return page;
}

}  // namespace dossier
