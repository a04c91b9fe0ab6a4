// QuoteGroupStage: finds the same quotation reported by several documents
// and gives those quotes one Quote::group.
//
// Contract: reads quotes, mentions and entities (Mention::entity); writes
// Quote::group. Two quotes in different documents match when their
// normalized contents (case-folded, punctuation and quote marks removed,
// dashes as spaces, whitespace collapsed) are equal, or one contains the
// other on word boundaries and the shorter has >= 6 words, and their
// speakers are the same entity or at least one has no speaker entity. A
// group never joins two different speaker entities. Groups are numbered 0,
// 1, 2, ... in order of first appearance (document, then quote order);
// quotes with no match keep group -1. Near matches (a shared word 4-gram
// and aligned words covering >= 70% of the shorter wording, itself of >= 6
// words) join too, so a
// quote with a changed word is grouped with the original. Within a group,
// Quote::variant numbers the distinct wordings (0 = the one most quotes
// carry) and Quote::misquote says how a wording changes the main one's
// meaning; each such quote is also a Corpus::findings entry of kind
// "misquote". Deterministic for any thread count.
// Thread-safety: immutable; Finalize may run concurrently on different
// corpora.
#ifndef DOSSIER_QUOTES_QUOTE_GROUP_STAGE_H_
#define DOSSIER_QUOTES_QUOTE_GROUP_STAGE_H_

#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "doc/corpus.h"
#include "doc/layers.h"
#include "pipeline/stage.h"

namespace dossier {

// The matching form of a quote's content: lower-case (ICU case folding),
// punctuation, symbols and quote marks removed, dashes and whitespace as
// single spaces, trimmed.
std::string NormalizeQuoteText(std::string_view content);

// How wording `other` of a statement changes the meaning of wording `main`
// ("dropped \"not\"", "changed number \"3\" to \"5\"", "changed name ...",
// "added \"...\" inside the quotation"; several joined by "; "), or ""
// when it does not: trimming at either end, case, punctuation, elisions
// (... or …) and bracketed [insertions] are not changes of meaning.
std::string MisquoteDifference(std::string_view main, std::string_view other);

class QuoteGroupStage : public CorpusStage {
 public:
  // Minimum words of the shorter quote for a containment match.
  static constexpr int kMinContainedWords = 6;

  QuoteGroupStage() = default;

  std::string_view name() const override { return "quote_groups"; }
  LayerSet reads() const override {
    return Layer::kQuotes | Layer::kMentions | Bit(Layer::kEntities);
  }
  LayerSet writes() const override { return Bit(Layer::kQuoteGroups); }
  std::unique_ptr<Accumulator> NewAccumulator() const override;
  Status Finalize(Accumulator& merged, Corpus& corpus) const override;
};

}  // namespace dossier

#endif  // DOSSIER_QUOTES_QUOTE_GROUP_STAGE_H_
