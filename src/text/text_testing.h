// Test-only helpers for text/ tests: run the text chain (normalize, layout,
// sentences, tokens) on a string and read layers back as strings.
// Not part of the library (header-only, included by *_test.cc only).
#ifndef DOSSIER_TEXT_TEXT_TESTING_H_
#define DOSSIER_TEXT_TEXT_TESTING_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "doc/document.h"
#include "doc/raw_article.h"
#include "text/layout_stage.h"
#include "text/normalizer.h"
#include "text/sentence_stage.h"
#include "text/token_stage.h"

namespace dossier::testing {

inline RawArticle Raw(std::string bytes, std::string title = "") {
  RawArticle raw;
  raw.source = "test.txt";
  raw.bytes = std::move(bytes);
  raw.title = std::move(title);
  return raw;
}

// Normalize + layout + sentences + tokens. Fails the way the first failing
// step does.
inline StatusOr<Document> RunTextChain(RawArticle raw) {
  StatusOr<Document> doc = NormalizeArticle(std::move(raw), NormalizeOptions());
  if (!doc.ok()) return doc;
  static const LayoutStage* const layout = new LayoutStage();
  static const SentenceStage* const sentences = new SentenceStage();
  static const TokenStage* const tokens = new TokenStage();
  for (const DocumentStage* stage :
       {static_cast<const DocumentStage*>(layout),
        static_cast<const DocumentStage*>(sentences),
        static_cast<const DocumentStage*>(tokens)}) {
    Status s = stage->Run(*doc);
    if (!s.ok()) return s;
  }
  return doc;
}

inline StatusOr<Document> RunTextChain(std::string text,
                                       std::string title = "") {
  return RunTextChain(Raw(std::move(text), std::move(title)));
}

inline std::vector<std::string> BlockTexts(const Document& doc) {
  std::vector<std::string> out;
  for (const Block& b : doc.layers().blocks) {
    out.emplace_back(doc.Slice(b.span));
  }
  return out;
}

inline std::vector<BlockKind> BlockKinds(const Document& doc) {
  std::vector<BlockKind> out;
  for (const Block& b : doc.layers().blocks) out.push_back(b.kind);
  return out;
}

inline std::vector<std::string> SentenceTexts(const Document& doc) {
  std::vector<std::string> out;
  for (const Sentence& s : doc.layers().sentences) {
    out.emplace_back(doc.Slice(s.span));
  }
  return out;
}

inline std::vector<std::string> TokenTexts(const Document& doc) {
  std::vector<std::string> out;
  for (const Token& t : doc.layers().tokens)
    out.emplace_back(doc.Slice(t.span));
  return out;
}

// Tokens of `text` as one paragraph block.
inline std::vector<std::string> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  TokenizeSpan(text, Span{0, static_cast<uint32_t>(text.size())}, tokens);
  std::vector<std::string> out;
  for (const Token& t : tokens) {
    out.emplace_back(text.substr(t.span.start, t.span.size()));
  }
  return out;
}

// Whether `offset` is a code point boundary of `text`.
inline bool IsBoundary(std::string_view text, uint32_t offset) {
  if (offset == 0 || offset == text.size()) return true;
  if (offset > text.size()) return false;
  return (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

}  // namespace dossier::testing

#endif  // DOSSIER_TEXT_TEXT_TESTING_H_
