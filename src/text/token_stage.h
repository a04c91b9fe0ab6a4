// TokenStage: splits every kept block into tokens and links sentences to
// their tokens.
//
// Reads: text, blocks, sentences. Writes: tokens, sentences (first_token,
// end_token). Tokens cover all kept blocks (title, heading, paragraph,
// dateline) in text order; they never cross a block edge, never hold white
// space and never overlap. Each token has its TokenFlag bits (doc/layers.h);
// the first token of every sentence has kTokenSentenceStart.
// Rules (PTB-like, see README.md): words of Unicode letters; numbers with
// inner , . : / (1,000.5, 10:30); hyphenated words and dates stay whole
// (Russia-Ukraine, 30-day, 2025-05-15); abbreviations keep their periods
// (U.S., Gen., J.) and get kTokenAbbrev; clitics split ('s, n't, 're, 'll,
// 've, 'd, 'm, with ' or ’); every quotation mark, dash and other
// punctuation mark is its own token; URLs and e-mail addresses stay whole.
// Immutable; Run is safe to call concurrently on different documents and
// allocates nothing per token beyond the vector.
#ifndef DOSSIER_TEXT_TOKEN_STAGE_H_
#define DOSSIER_TEXT_TOKEN_STAGE_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "pipeline/stage.h"

namespace dossier {

class TokenStage : public DocumentStage {
 public:
  TokenStage() = default;

  std::string_view name() const override { return "tokens"; }
  LayerSet reads() const override {
    return Layer::kText | Layer::kBlocks | Layer::kSentences;
  }
  LayerSet writes() const override {
    return Layer::kTokens | Layer::kSentences;
  }
  Status Run(Document& doc) const override;
};

// Appends the tokens of text[span] to `out` (offsets into `text`).
void TokenizeSpan(std::string_view text, Span span, std::vector<Token>& out);

// The TokenFlag bits that describe `token` on its own (every bit but
// kTokenSentenceStart). A lone ' counts as a quotation mark here.
uint16_t TokenFlagsOf(std::string_view token);

}  // namespace dossier

#endif  // DOSSIER_TEXT_TOKEN_STAGE_H_
