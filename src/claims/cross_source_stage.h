// CrossSourceStage: what the sources agree on, contradict, and update.
//
// Contract (corpus stage, after entity linking and the quote and role
// stages): reads events, mentions, quotes, meta and Corpus::entities;
// appends to Corpus::findings and then ranks all findings by score.
//
// A statement is an event frame (events/) whose actor is a linked entity
// (not a verb of saying, and not inside another speaker's direct quote).
// Statements about the same thing share a key (within one story, when
// stories/ has grouped the documents): the actor's entity, the
// action (its lemma, with attendance verbs - attend, join, participate,
// come, go, travel, skip - as one action, "skip" counting as a negated
// attend), and the target (its entity, else the head word of its phrase,
// with talks/negotiations/meeting/summit/round as one "meeting"). Each
// statement has a polarity (negated, refused or denied: negative) and a
// certainty (happened, will, planned: firm; possible, conditional:
// tentative), and its document's outlet and publication date.
// Per key, with statements from two or more documents:
//  - update: the polarity or the certainty changes between documents
//    published on different days (ordered by date): "may attend" (May 12)
//    then "will not attend" (May 15) is an update, not a contradiction;
//  - contradiction: firm statements of opposite polarity from documents of
//    the same day (or of unknown dates);
//  - agreement: all statements of one polarity, from two or more
//    independent outlets (documents without an outlet count one each; the
//    copies folded by dedup/ are not documents any more).
// Values (README.md has the rules): counts that differ between documents
// ("killed 12" / "killed 20", as intervals: "at least 12" fits 15), and the
// dates and places of plans ("will meet Velden on 4 April" / "on 6 April";
// "in Varnhold" / "in Caldmoor"), and group sizes ("a nine-member
// delegation" / "a delegation of 12") give a contradiction when written on
// one day, an update when ordered by date. The day of a recent event told
// by two or more outlets is held against a minority giving a nearby day. An agreement whose statements give
// incompatible counts is not reported.
// Score: contradiction 3, update 2.5, role conflict 2, agreement 1, each
// plus 0.25 per further outlet; ties keep the order of appearance.
// Thread-safety: immutable; Finalize only touches its corpus.
#ifndef DOSSIER_CLAIMS_CROSS_SOURCE_STAGE_H_
#define DOSSIER_CLAIMS_CROSS_SOURCE_STAGE_H_

#include <memory>
#include <string>
#include <string_view>

#include "pipeline/stage.h"

namespace dossier {

// "will not attend", "may attend", "refused to attend" for an event frame's
// lemma, modality and polarity.
std::string StanceText(const EventFrame& e);

class CrossSourceStage : public CorpusStage {
 public:
  std::string_view name() const override { return "cross_source"; }
  LayerSet reads() const override {
    return Layer::kEvents | Layer::kMentions | Layer::kMeta | Layer::kEntities |
           Layer::kFindings;
  }
  LayerSet writes() const override { return Bit(Layer::kFindings); }
  std::unique_ptr<Accumulator> NewAccumulator() const override;
  Status Finalize(Accumulator& merged, Corpus& corpus) const override;
};

}  // namespace dossier

#endif  // DOSSIER_CLAIMS_CROSS_SOURCE_STAGE_H_
