// EntityLinkStage: merges the document-level referents of MentionStage
// (mentions sharing Mention::local) into corpus-wide entities.
//
// Contract: reads mentions and meta; writes Corpus::entities and sets
// Mention::entity on every mention. Two referents merge when they have the
// same type and the same canonical key (the referent's longest name,
// case-folded, diacritics removed with ICU: "Erdoğan" == "Erdogan"). A
// person referent known only by a one-word name joins the person entity
// whose full name ends with that word if exactly one such entity exists;
// referents never merge on a shared first name. Entity ids "e1", "e2", ...
// follow first appearance (document index, then offset), so the output does
// not depend on the thread count. Entity::name is the most frequent of the
// longest surface forms; aliases are the other forms, sorted and unique.
// With a knowledge base (the built-in one unless EntityLinkOptions says
// otherwise), an entity whose names all point to one KB record of a
// compatible type (people to people; places and organisations to places
// and organisations) gets that record's id in Entity::kb, its canonical
// name and type, and entities linked to the same record merge ("Turkey" /
// "Türkiye", "U.S." / "United States"). Ambiguous names (two KB people
// called "Johnson") link to nothing.
// Thread-safety: immutable; Finalize may run concurrently on different
// corpora (ICU normalizers are shared, read-only singletons).
#ifndef DOSSIER_ENTITIES_ENTITY_LINK_STAGE_H_
#define DOSSIER_ENTITIES_ENTITY_LINK_STAGE_H_

#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "doc/corpus.h"
#include "doc/layers.h"
#include "kb/kb.h"
#include "pipeline/stage.h"

namespace dossier {

// Canonical form of a name for matching: case-folded, NFD with non-spacing
// marks removed, dots dropped, curly apostrophes made straight, whitespace
// collapsed ("Türkiye" -> "turkiye", "U.S." -> "us").
std::string NameKey(std::string_view name);

// A word's spelling key for transliteration variants: "ks" -> "x", "kh" ->
// "h", "ph" -> "f", "ck" -> "k", "y" -> "i", "w" -> "v", doubled letters
// once ("zelenskyy" and "zelensky" -> "zelenski"). Input: a NameKey word.
std::string SpellingKey(std::string_view word);

// True when two NameKey words are spellings of one name: same first letter
// and spelling keys equal or within 1 edit (2 for words of 9+ letters; none
// under 5 letters). "umerov"/"umierov", "aleksandr"/"alexander" yes;
// "tusk"/"trump", "niger"/"nigeria" no.
bool SameNameSpelling(std::string_view a, std::string_view b);

struct EntityLinkOptions {
  bool use_kb = true;
  // null: the built-in knowledge base (kb/builtin.h).
  std::shared_ptr<const kb::KnowledgeBase> kb;
};

class EntityLinkStage : public CorpusStage {
 public:
  explicit EntityLinkStage(EntityLinkOptions opts = {});

  std::string_view name() const override { return "entity_link"; }
  LayerSet reads() const override { return Layer::kMentions | Layer::kMeta; }
  LayerSet writes() const override { return Bit(Layer::kEntities); }
  std::unique_ptr<Accumulator> NewAccumulator() const override;
  Status Finalize(Accumulator& merged, Corpus& corpus) const override;

 private:
  std::shared_ptr<const kb::KnowledgeBase> kb_;  // null: no KB
  Status kb_status_;
};

}  // namespace dossier

#endif  // DOSSIER_ENTITIES_ENTITY_LINK_STAGE_H_
