// RoleCheckStage: statements that give a person an office the knowledge
// base says they did not hold on the article's date ("U.S. President Joe
// Biden" in May 2025; a "former president" still in office; an "opposition
// leader" who heads the government).
//
// Contract (corpus stage, after entity linking): reads mentions, tokens,
// times, meta and Corpus::entities (their `kb` ids); writes
// Corpus::findings, kind "role_conflict", one per document, entity and
// claim. For each title or descriptor mention of a person linked to the KB,
// the claim is the title with the words right before it ("former",
// "then", a nationality: "Russian President", "former U.S. President");
// its office and country are read with the KB's office vocabulary and
// demonyms. A conflict is reported only when the KB knows the person held
// (or holds) that office: "former X" while holding X on the date; "X"
// while the KB has their X term ending before, or starting after, the
// date. A person the KB never records in that office yields nothing (the
// KB is not complete). The date is the document's publication date, else
// the latest full date its text mentions, else the median publication date
// of the run ("date_how" says which).
// Thread-safety: immutable; the KB is shared and read-only.
#ifndef DOSSIER_CLAIMS_ROLE_CHECK_STAGE_H_
#define DOSSIER_CLAIMS_ROLE_CHECK_STAGE_H_

#include <memory>
#include <string_view>

#include "kb/kb.h"
#include "pipeline/stage.h"

namespace dossier {

class RoleCheckStage : public CorpusStage {
 public:
  // null: the built-in knowledge base.
  explicit RoleCheckStage(
      std::shared_ptr<const kb::KnowledgeBase> kb = nullptr);
  std::string_view name() const override { return "role_check"; }
  LayerSet reads() const override {
    return Layer::kMentions | Layer::kTokens | Layer::kTimes | Layer::kMeta |
           Layer::kEntities;
  }
  LayerSet writes() const override { return Bit(Layer::kFindings); }
  std::unique_ptr<Accumulator> NewAccumulator() const override;
  Status Finalize(Accumulator& merged, Corpus& corpus) const override;

 private:
  std::shared_ptr<const kb::KnowledgeBase> kb_;
  Status kb_status_;
};

}  // namespace dossier

#endif  // DOSSIER_CLAIMS_ROLE_CHECK_STAGE_H_
