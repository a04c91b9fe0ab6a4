// Test-only helper: builds a Document with blocks, sentences and tokens
// from plain text, so that the tests of entities/ and quotes/ do not depend
// on the text/ stages.
//
// Blocks: one kParagraph per "\n\n"-separated paragraph (the first one is
// kTitle when `first_is_title`). Tokens: words (letters/digits with inner
// apostrophes, hyphens and dots: "Velden's", "Jean-Luc", "U.S."), a word
// followed by "." that is a known abbreviation or a single capital letter
// ("Gen.", "F.") with kTokenAbbrev, quote marks as their own tokens with
// kTokenQuoteMark, any other symbol as a one-character token. Sentences
// end after ".", "!" or "?" (plus closing quote marks) and at block ends.
// Header-only; not part of any library. Not thread-safe (plain functions
// over their arguments are fine to call concurrently).
#ifndef DOSSIER_ENTITIES_TEST_DOCUMENT_H_
#define DOSSIER_ENTITIES_TEST_DOCUMENT_H_

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "doc/document.h"
#include "doc/layers.h"
#include "doc/offset_map.h"

namespace dossier {
namespace test {

inline UChar32 DecodeAt(std::string_view s, uint32_t i, uint32_t* next) {
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(s.data(), pos, static_cast<int32_t>(s.size()), c);
  *next = static_cast<uint32_t>(pos);
  return c;
}

inline bool IsQuoteMarkCp(UChar32 c) {
  return c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x2018 ||
         c == 0x2019 || c == 0x00AB || c == 0x00BB || c == 0x201E;
}

inline uint16_t FlagsOf(std::string_view w, bool abbrev) {
  uint16_t f = 0;
  uint32_t i = 0, next = 0;
  UChar32 first = DecodeAt(w, 0, &next);
  if (u_isalpha(first)) f |= kTokenAlpha;
  if (u_isdigit(first)) f |= kTokenDigit;
  if (u_isupper(first)) f |= kTokenUpperInitial;
  int letters = 0;
  bool all_upper = true, any_alnum = false;
  while (i < w.size()) {
    UChar32 c = DecodeAt(w, i, &next);
    if (u_isalpha(c)) {
      ++letters;
      if (!u_isupper(c)) all_upper = false;
    }
    if (u_isalnum(c)) any_alnum = true;
    i = next;
  }
  if (letters >= 2 && all_upper) f |= kTokenAllUpper;
  if (!any_alnum) f |= kTokenPunct;
  if (!any_alnum && w.size() <= 3 && IsQuoteMarkCp(first)) {
    f |= kTokenQuoteMark;
  }
  if (abbrev) f |= kTokenAbbrev;
  return f;
}

inline bool IsTestAbbrev(std::string_view w) {
  static const char* const kAbbrev[] = {
      "Mr",   "Mrs", "Ms",   "Dr",  "Gen",  "Sen", "Rep", "Gov",  "Lt", "Col", "Rev",
      "Capt", "St",  "Jr",   "Sr",  "Prof", "Inc", "Ltd", "Corp", "Co", "Jan",
      "Feb",  "Aug", "Sept", "Oct", "Nov",  "Dec", "vs",  "etc"};
  for (const char* a : kAbbrev) {
    if (w == a) return true;
  }
  if (w.find('.') != std::string_view::npos) return true;  // "U.S" + "."
  return w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z';
}

// Tokens and sentences of the block [bs, be) of `text`.
inline void TokenizeBlock(std::string_view text, uint32_t bs, uint32_t be,
                          Layers& l) {
  const size_t first_tok = l.tokens.size();
  uint32_t i = bs;
  while (i < be) {
    uint32_t next = 0;
    UChar32 c = DecodeAt(text, i, &next);
    if (u_isspace(c)) {
      i = next;
      continue;
    }
    uint32_t start = i, end = next;
    bool abbrev = false;
    if (u_isalnum(c)) {
      while (end < be) {
        uint32_t n2 = 0;
        UChar32 d = DecodeAt(text, end, &n2);
        if (u_isalnum(d) || d == 0x00AD) {
          end = n2;
          continue;
        }
        if ((d == '\'' || d == 0x2019 || d == '-' || d == '.') && n2 < be) {
          uint32_t n3 = 0;
          UChar32 e = DecodeAt(text, n2, &n3);
          if (u_isalnum(e)) {
            end = n3;
            continue;
          }
        }
        break;
      }
      if (end < be && text[end] == '.' &&
          IsTestAbbrev(text.substr(start, end - start))) {
        ++end;
        abbrev = true;
      }
    }
    std::string_view w = text.substr(start, end - start);
    l.tokens.push_back({Span{start, end}, FlagsOf(w, abbrev)});
    i = end;
  }
  // Sentences.
  size_t s = first_tok;
  bool straight_open = false;
  for (size_t t = first_tok; t < l.tokens.size(); ++t) {
    std::string_view w =
        text.substr(l.tokens[t].span.start, l.tokens[t].span.size());
    if (w == "\"") straight_open = !straight_open;
    bool end = (w == "." || w == "!" || w == "?");
    if (!end && t + 1 < l.tokens.size()) continue;
    size_t last = t;
    while (last + 1 < l.tokens.size()) {
      std::string_view n = text.substr(l.tokens[last + 1].span.start,
                                       l.tokens[last + 1].span.size());
      if (n == "\xE2\x80\x9D" || n == "\xE2\x80\x99" || n == ")" ||
          (n == "\"" && straight_open)) {
        if (n == "\"") straight_open = false;
        ++last;
        continue;
      }
      break;
    }
    Sentence sent;
    sent.first_token = static_cast<uint32_t>(s);
    sent.end_token = static_cast<uint32_t>(last + 1);
    sent.span = Span{l.tokens[s].span.start, l.tokens[last].span.end};
    l.tokens[s].flags |= kTokenSentenceStart;
    l.sentences.push_back(sent);
    s = last + 1;
    t = last;
  }
}

// A document over `text` with blocks, sentences and tokens filled in.
inline Document MakeTestDocument(std::string text, std::string id = "d1",
                                 bool first_is_title = false) {
  DocMeta meta;
  meta.id = std::move(id);
  const uint32_t n = static_cast<uint32_t>(text.size());
  Document doc(meta, std::move(text), OffsetMap::Identity(n));
  std::string_view t = doc.text();
  Layers& l = doc.layers();
  uint32_t pos = 0;
  while (pos < n) {
    while (pos < n && (t[pos] == '\n' || t[pos] == ' ')) ++pos;
    if (pos >= n) break;
    size_t brk = t.find("\n\n", pos);
    uint32_t end =
        brk == std::string_view::npos ? n : static_cast<uint32_t>(brk);
    uint32_t e = end;
    while (e > pos && (t[e - 1] == ' ' || t[e - 1] == '\n')) --e;
    Block b;
    b.span = Span{pos, e};
    b.kind = (first_is_title && l.blocks.empty()) ? BlockKind::kTitle
                                                  : BlockKind::kParagraph;
    l.blocks.push_back(b);
    TokenizeBlock(t, pos, e, l);
    pos = end;
  }
  return doc;
}

}  // namespace test
}  // namespace dossier

#endif  // DOSSIER_ENTITIES_TEST_DOCUMENT_H_
