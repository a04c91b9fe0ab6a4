// A small rule-based English lemmatizer for verbs and nouns.
//
// Lemmatize(word, tag) lower-cases the word and, for verbs (VB*, and MD is
// left alone), looks it up in a table of irregular forms ("went" -> "go",
// "said" -> "say", "held" -> "hold", contracted "'ll" -> "will", "n't" ->
// "not") and otherwise strips -s/-es/-ies, -ed/-ied and -ing with the usual
// spelling rules (doubled consonant: "planned" -> "plan"; silent e: "hoped"
// -> "hope", "making" -> "make"); for plural nouns (NNS, NNPS) an irregular
// table ("children", "men", "crises") and -s/-es/-ies. Other tags give the
// lower-cased word. ASCII letters only are changed; other bytes are kept.
// Pure function; thread-safe.
#ifndef DOSSIER_POS_LEMMATIZER_H_
#define DOSSIER_POS_LEMMATIZER_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace dossier {

std::string Lemmatize(std::string_view word, uint8_t pos_tag);

}  // namespace dossier

#endif  // DOSSIER_POS_LEMMATIZER_H_
