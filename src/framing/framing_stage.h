// FramingStage: how an article's own voice colours its story.
//
// For each document, over the body sentences (paragraph blocks; the
// headline, headings and dateline are not body):
//  - attributed: sentences that report a source's words (they overlap a
//    quote, its speaker or its cue, direct or indirect);
//  - editorial: sentences that assert an evaluation ("a devastating
//    war"), a prediction or speculation ("may finally have a chance") or
//    what ought to be ("must act"), by the lexicon in framing_lexicon.h,
//    with that word outside every attributed part (quote, speaker, cue);
//    editorial share = editorial / sentences;
//  - words: the charged and hedging words outside quotation content, with
//    spans (a source's quoted words are the source's, not the outlet's);
//  - tone: per referent (Mention::local) mentioned in unattributed
//    sentences, the approving and disapproving words of those sentences;
//  - headline: whether the body backs the headline: the share of its
//    content words (light stemming) found in the best one- or
//    two-sentence passage, and whether every name in it appears in the body.
// Contract: reads blocks, sentences, tokens, mentions, quotes; writes
// Layers::framing. English word lists; other languages get counts without
// evaluative words. Thread-safety: immutable, Run is const and reentrant.
#ifndef DOSSIER_FRAMING_FRAMING_STAGE_H_
#define DOSSIER_FRAMING_FRAMING_STAGE_H_

#include <string_view>

#include "pipeline/stage.h"

namespace dossier {

class FramingStage : public DocumentStage {
 public:
  std::string_view name() const override { return "framing"; }
  LayerSet reads() const override {
    return Layer::kBlocks | Layer::kSentences | Layer::kTokens |
           Layer::kMentions | Layer::kQuotes;
  }
  LayerSet writes() const override { return Bit(Layer::kFraming); }
  Status Run(Document& doc) const override;
};

}  // namespace dossier

#endif  // DOSSIER_FRAMING_FRAMING_STAGE_H_
