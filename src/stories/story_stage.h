// StoryStage: groups the documents of a run into stories (the same
// real-world event or development) with StoryClusterer.
//
// Contract: reads tokens, mentions, times, metadata and entities
// (Mention::entity); writes Corpus::stories and DocMeta::story. Features
// per document (StoryFeaturesOf): content words (alphabetic tokens of 3+
// bytes, case-folded, stopwords out); names (each name mention's linked
// entity, "e#<index>", or its case-folded name when unlinked, plus every
// word of it, and capitalized words that do not start a sentence);
// markers (digit tokens other than "1", and for each DATE time expression
// its full value and year). The clusterer observes every document first
// (corpus-wide weights), then adds them ordered by publication date
// (undated ones first) and then corpus order, so the result does not
// depend on the thread count, and finally refines the result
// (StoryClusterer::Refine: documents move to a better story, close
// stories merge). Stories are numbered s1, s2, ... by their
// first document in corpus order; each gets a label (its main entities'
// distinct names, or its top words), top keywords, main entities (named in most
// of its documents) and the first and last publication dates. Thread-safety:
// immutable; Finalize may run concurrently on different corpora.
#ifndef DOSSIER_STORIES_STORY_STAGE_H_
#define DOSSIER_STORIES_STORY_STAGE_H_

#include <memory>
#include <string_view>

#include "base/status.h"
#include "doc/corpus.h"
#include "doc/document.h"
#include "pipeline/stage.h"
#include "stories/story_clusterer.h"

namespace dossier {

// The clustering features of one analyzed document.
StoryFeatures StoryFeaturesOf(const Document& doc);

class StoryStage : public CorpusStage {
 public:
  explicit StoryStage(StoryOptions opts = {}) : opts_(opts) {}

  std::string_view name() const override { return "stories"; }
  LayerSet reads() const override {
    return Layer::kTokens | Layer::kMentions | Layer::kTimes | Layer::kMeta |
           Layer::kEntities;
  }
  LayerSet writes() const override { return Bit(Layer::kStories); }
  std::unique_ptr<Accumulator> NewAccumulator() const override;
  Status Finalize(Accumulator& merged, Corpus& corpus) const override;

 private:
  StoryOptions opts_;
};

}  // namespace dossier

#endif  // DOSSIER_STORIES_STORY_STAGE_H_
