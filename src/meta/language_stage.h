// LanguageStage: the language of each article, detected from its text.
//
// Uses CLD2 (Compact Language Detector 2, Debian's libcld2): a naive Bayes
// classifier over character 4-grams trained on web text, for 80+
// languages, fast enough to run on every document. Contract: reads text
// and meta; writes meta.language as a BCP 47 code ("en", "de", "uk",
// "zh-Hant"). When CLD2 is not confident (short or mixed text), a language
// given by the input's metadata (an HTML page's `lang`) is kept; without
// one the language is "und" (undetermined).
// Thread-safety: stateless; CLD2's tables are immutable.
#ifndef DOSSIER_META_LANGUAGE_STAGE_H_
#define DOSSIER_META_LANGUAGE_STAGE_H_

#include <string>
#include <string_view>

#include "pipeline/stage.h"

namespace dossier {

// The detected language of `text` (valid UTF-8), or "" when CLD2 is not
// confident. Sets *reliable when given.
std::string DetectLanguage(std::string_view text);

class LanguageStage : public DocumentStage {
 public:
  std::string_view name() const override { return "language"; }
  LayerSet reads() const override { return Layer::kText | Layer::kMeta; }
  LayerSet writes() const override { return Bit(Layer::kMeta); }
  Status Run(Document& doc) const override;
};

}  // namespace dossier

#endif  // DOSSIER_META_LANGUAGE_STAGE_H_
