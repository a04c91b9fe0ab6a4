#include "text/token_stage.h"

#include <unicode/uchar.h>

#include "text/abbreviations.h"
#include "text/char_util.h"

namespace dossier {
namespace {

using text_internal::DecodeAt;
using text_internal::DecodeBefore;
using text_internal::IsAbbrevWord;
using text_internal::IsQuoteMark;
using text_internal::IsSpace;

inline bool IsAsciiAlpha(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlnum(char32_t c) {
  return IsAsciiAlpha(c) || IsAsciiDigit(c);
}
inline bool IsLetter(char32_t c) {
  return c < 0x80 ? IsAsciiAlpha(c) : u_isalpha(static_cast<UChar32>(c));
}
inline bool IsMark(char32_t c) {
  if (c < 0x300) return false;
  int8_t t = u_charType(static_cast<UChar32>(c));
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK ||
         t == U_ENCLOSING_MARK;
}
inline bool IsWordChar(char32_t c) {
  if (c < 0x80) return IsAsciiAlnum(c);
  return u_isalnum(static_cast<UChar32>(c)) || IsMark(c);
}
inline bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
inline bool IsHyphen(char32_t c) {
  return c == '-' || c == 0x2010 || c == 0x2011;
}
inline bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  UChar32 u = static_cast<UChar32>(c);
  return u_isupper(u) || u_istitle(u);
}
inline char Lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

class Tokenizer {
 public:
  Tokenizer(std::string_view text, Span span, std::vector<Token>& out)
      : t_(text), begin_(span.start), end_(span.end), out_(out) {}

  void Run() {
    size_t i = begin_;
    while (i < end_) {
      size_t len;
      char32_t c = DecodeAt(t_, i, &len);
      if (IsSpace(c)) {
        i += len;
        continue;
      }
      i = Next(i, c, len);
    }
  }

 private:
  // The code point at i, or 0 (with *len 0) at the end.
  char32_t At(size_t i, size_t* len) const {
    if (i >= end_) {
      *len = 0;
      return 0;
    }
    return DecodeAt(t_, i, len);
  }
  bool WordCharBefore(size_t i) const {
    if (i <= begin_) return false;
    size_t len;
    return IsWordChar(DecodeBefore(t_, i, &len));
  }

  void Push(size_t start, size_t end, uint16_t flags) {
    out_.push_back(
        {{static_cast<uint32_t>(start), static_cast<uint32_t>(end)}, flags});
  }
  void Push(size_t start, size_t end) {
    Push(start, end, TokenFlagsOf(t_.substr(start, end - start)));
  }

  // Length of a clitic ('s 're 've 'll 'd 'm) at the apostrophe at `a`, or 0.
  size_t CliticLen(size_t a) const {
    size_t al;
    char32_t c = At(a, &al);
    if (!IsApostrophe(c)) return 0;
    size_t k = a + al;
    char buf[3];
    size_t n = 0;
    while (k < end_ && IsAsciiAlpha(static_cast<unsigned char>(t_[k]))) {
      if (n == 3) return 0;
      buf[n++] = Lower(t_[k]);
      ++k;
    }
    size_t nl;
    if (IsWordChar(At(k, &nl))) return 0;
    std::string_view w(buf, n);
    if (w == "s" || w == "re" || w == "ve" || w == "ll" || w == "d" ||
        w == "m") {
      return k - a;
    }
    return 0;
  }
  // Length of "n't" (or "n’t") starting at `n`, or 0.
  size_t NtLen(size_t n) const {
    if (n >= end_ || (t_[n] != 'n' && t_[n] != 'N')) return 0;
    size_t al;
    char32_t c = At(n + 1, &al);
    if (!IsApostrophe(c)) return 0;
    size_t k = n + 1 + al;
    if (k >= end_ || (t_[k] != 't' && t_[k] != 'T')) return 0;
    size_t nl;
    if (IsWordChar(At(k + 1, &nl))) return 0;
    return k + 1 - n;
  }

  // End of the word starting at i: letters, digits and marks, joined by
  // hyphens, inner number punctuation and inner apostrophes (O'Brien).
  size_t ScanWord(size_t i) const {
    size_t j = i, len;
    for (;;) {
      while (j < end_) {
        char32_t c = DecodeAt(t_, j, &len);
        if (!IsWordChar(c)) break;
        if ((c == 'n' || c == 'N') && j > i && NtLen(j) > 0) return j;
        j += len;
      }
      if (j >= end_) break;
      char32_t c = DecodeAt(t_, j, &len);
      size_t nl;
      char32_t nc = At(j + len, &nl);
      if (IsHyphen(c) && IsWordChar(nc)) {
        j += len;
        continue;
      }
      if ((c == ',' || c == '.' || c == ':' || c == '/') &&
          IsAsciiDigit(static_cast<unsigned char>(t_[j - 1])) &&
          IsAsciiDigit(nc)) {
        j += len;
        continue;
      }
      if (IsApostrophe(c) && IsLetter(nc) && CliticLen(j) == 0) {
        j += len;
        continue;
      }
      break;
    }
    return j;
  }

  // End of a URL or e-mail address starting at i, or 0.
  size_t UrlOrEmailEnd(size_t i) const {
    auto starts = [&](std::string_view p) {
      if (end_ - i < p.size()) return false;
      for (size_t k = 0; k < p.size(); ++k) {
        if (Lower(t_[i + k]) != p[k]) return false;
      }
      return true;
    };
    size_t e = 0;
    if (starts("http://") || starts("https://") || starts("www.")) {
      e = i;
      size_t len;
      while (e < end_) {
        char32_t c = DecodeAt(t_, e, &len);
        if (IsSpace(c) || c == '<' || c == '>' || c == '"' || c == 0x201C ||
            c == 0x201D) {
          break;
        }
        e += len;
      }
    } else {
      // local@domain.tld
      size_t k = i;
      while (k < end_ &&
             (IsAsciiAlnum(static_cast<unsigned char>(t_[k])) || t_[k] == '.' ||
              t_[k] == '_' || t_[k] == '%' || t_[k] == '+' || t_[k] == '-')) {
        ++k;
      }
      if (k >= end_ || t_[k] != '@' || k == i) return 0;
      size_t d = k + 1;
      bool dot = false;
      while (d < end_ && (IsAsciiAlnum(static_cast<unsigned char>(t_[d])) ||
                          t_[d] == '.' || t_[d] == '-')) {
        if (t_[d] == '.' && d + 1 < end_ &&
            IsAsciiAlpha(static_cast<unsigned char>(t_[d + 1]))) {
          dot = true;
        }
        ++d;
      }
      if (!dot) return 0;
      e = d;
    }
    // Trailing sentence punctuation is not part of the address.
    bool paren = false;
    for (size_t k = i; k < e; ++k) paren |= t_[k] == '(';
    while (e > i) {
      size_t len;
      char32_t c = DecodeBefore(t_, e, &len);
      if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' ||
          c == '?' || c == '\'' || c == 0x2019 || c == ']' || c == '-' ||
          (c == ')' && !paren)) {
        e -= len;
        continue;
      }
      break;
    }
    return e > i ? e : 0;
  }

  // Emits the token at i (not white space); returns its end.
  size_t Next(size_t i, char32_t c, size_t len) {
    if (IsWordChar(c) && !IsMark(c)) {
      if (c < 0x80) {
        size_t u = UrlOrEmailEnd(i);
        if (u > 0) {
          Push(i, u);
          return u;
        }
      }
      if ((c == 'n' || c == 'N') && WordCharBefore(i)) {
        size_t nt = NtLen(i);
        if (nt > 0) {
          Push(i, i + nt);
          return i + nt;
        }
      }
      return Word(i, c, len);
    }
    if (c == '.' || c == '-') {
      size_t k = i;
      while (k < end_ && t_[k] == static_cast<char>(c)) ++k;
      Push(i, k, kTokenPunct);
      return k;
    }
    if (IsApostrophe(c)) return Apostrophe(i, c, len);
    if (c == 0x2018 || c == 0x201B) single_open_ = true;
    // Any other mark or symbol: one code point, with the marks, variation
    // selectors and joined characters that belong to it.
    size_t k = i + len;
    while (k < end_) {
      size_t l;
      char32_t d = DecodeAt(t_, k, &l);
      if (IsMark(d) || (d >= 0xFE00 && d <= 0xFE0F) ||
          (d >= 0x1F3FB && d <= 0x1F3FF)) {
        k += l;
      } else if (d == 0x200D && k + l < end_) {
        k += l;
        DecodeAt(t_, k, &l);
        k += l;
      } else {
        break;
      }
    }
    Push(i, k);
    return k;
  }

  size_t Word(size_t i, char32_t c, size_t len) {
    size_t j = ScanWord(i);
    uint16_t abbrev = 0;
    if (j < end_ && t_[j] == '.') {
      std::string_view w = t_.substr(i, j - i);
      if (len == w.size() && IsLetter(c)) {
        // "U.S.", "a.m.", or an initial "J."
        size_t k = j + 1;
        int pairs = 1;
        while (k < end_) {
          size_t l;
          char32_t d = DecodeAt(t_, k, &l);
          if (!IsLetter(d) || k + l >= end_ || t_[k + l] != '.') break;
          k += l + 1;
          ++pairs;
        }
        if (pairs >= 2 || IsUpper(c)) {
          j = k;
          abbrev = kTokenAbbrev;
        }
      } else if (IsAbbrevWord(w) ||
                 ((w == "No" || w == "Nos") && NextNonSpaceIsDigit(j + 1))) {
        j = j + 1;
        abbrev = kTokenAbbrev;
      }
      // "U.S.-led"
      size_t l, nl;
      if (abbrev && IsHyphen(At(j, &l)) && IsWordChar(At(j + l, &nl))) {
        j = ScanWord(j + l);
        abbrev = 0;
      }
    }
    uint16_t flags = TokenFlagsOf(t_.substr(i, j - i));
    if (!abbrev) flags &= static_cast<uint16_t>(~kTokenAbbrev);
    Push(i, j, flags);
    return j;
  }

  bool NextNonSpaceIsDigit(size_t k) const {
    size_t l;
    while (k < end_ && IsSpace(DecodeAt(t_, k, &l))) k += l;
    return k < end_ && IsAsciiDigit(static_cast<unsigned char>(t_[k]));
  }

  size_t Apostrophe(size_t i, char32_t c, size_t len) {
    const bool prev_word = WordCharBefore(i);
    if (prev_word) {
      size_t cl = CliticLen(i);
      if (cl > 0) {
        Push(i, i + cl);
        return i + cl;
      }
    }
    size_t nl;
    const bool next_word = IsWordChar(At(i + len, &nl));
    if (prev_word && !next_word && !single_open_) {
      char p = t_[i - 1];
      if (p == 's' || p == 'S') {  // plural possessive: "the players' union"
        Push(i, i + len, kTokenPunct);
        return i + len;
      }
    }
    if (!prev_word && next_word) {
      single_open_ = true;
    } else if (prev_word) {
      single_open_ = false;
    }
    Push(i, i + len, kTokenPunct | kTokenQuoteMark);
    return i + len;
  }

  std::string_view t_;
  size_t begin_;
  size_t end_;
  std::vector<Token>& out_;
  bool single_open_ = false;
};

}  // namespace

uint16_t TokenFlagsOf(std::string_view token) {
  if (token.empty()) return 0;
  uint16_t flags = 0;
  int letters = 0, upper = 0;
  bool alnum = false, first_letter_seen = false;
  size_t i = 0, len;
  size_t first_len;
  char32_t first = DecodeAt(token, 0, &first_len);
  while (i < token.size()) {
    char32_t c = DecodeAt(token, i, &len);
    i += len;
    bool letter, up;
    if (c < 0x80) {
      letter = IsAsciiAlpha(c);
      up = c >= 'A' && c <= 'Z';
      alnum |= letter || IsAsciiDigit(c);
    } else {
      UChar32 u = static_cast<UChar32>(c);
      letter = u_isalpha(u);
      up = letter && (u_isupper(u) || u_istitle(u));
      alnum |= letter || u_isdigit(u);
    }
    if (letter) {
      ++letters;
      upper += up;
      if (!first_letter_seen && up) flags |= kTokenUpperInitial;
      first_letter_seen = true;
    }
  }
  if (IsLetter(first)) flags |= kTokenAlpha;
  if (first < 0x80 ? IsAsciiDigit(first)
                   : u_isdigit(static_cast<UChar32>(first))) {
    flags |= kTokenDigit;
  }
  if (letters >= 2 && upper == letters) flags |= kTokenAllUpper;
  if (!alnum) flags |= kTokenPunct;
  if (first_len == token.size() && (IsQuoteMark(first) || first == '\'')) {
    flags |= kTokenQuoteMark;
  }
  if (token.size() > 1 && token.back() == '.' && letters > 0) {
    flags |= kTokenAbbrev;
  }
  return flags;
}

void TokenizeSpan(std::string_view text, Span span, std::vector<Token>& out) {
  if (span.end > text.size() || span.start >= span.end) return;
  Tokenizer(text, span, out).Run();
}

Status TokenStage::Run(Document& doc) const {
  const std::string_view text = doc.text();
  Layers& layers = doc.layers();
  std::vector<Token>& tokens = layers.tokens;
  tokens.clear();
  tokens.reserve(text.size() / 5 + 16);
  uint32_t last_end = 0;
  for (const Block& block : layers.blocks) {
    if (!block.removed_why.empty()) continue;
    if (block.span.end > text.size() || block.span.start < last_end) {
      return Status(ErrorCode::kInternal,
                    "blocks overlap or lie outside the text");
    }
    TokenizeSpan(text, block.span, tokens);
    last_end = block.span.end;
  }
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  uint32_t ti = 0;
  for (Sentence& s : layers.sentences) {
    while (ti < n && tokens[ti].span.start < s.span.start) ++ti;
    uint32_t e = ti;
    while (e < n && tokens[e].span.start < s.span.end) ++e;
    s.first_token = ti;
    s.end_token = e;
    if (e > ti) tokens[ti].flags |= kTokenSentenceStart;
    ti = e;
  }
  return Status::Ok();
}

}  // namespace dossier
