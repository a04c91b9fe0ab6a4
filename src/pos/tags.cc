#include "pos/tags.h"

namespace dossier {
namespace {

constexpr std::string_view kNames[kNumPosTags] = {
    "",    "CC",  "CD",  "DT",  "EX",  "FW",   "IN",  "JJ",  "JJR", "JJS",
    "LS",  "MD",  "NN",  "NNS", "NNP", "NNPS", "PDT", "POS", "PRP", "PRP$",
    "RB",  "RBR", "RBS", "RP",  "SYM", "TO",   "UH",  "VB",  "VBD", "VBG",
    "VBN", "VBP", "VBZ", "WDT", "WP",  "WP$",  "WRB", "$",   "\"",  "''",
    "(",   ")",   ",",   ".",   ":",   "#",    "``"};

}  // namespace

std::string_view PosTagName(uint8_t tag) {
  return tag < kNumPosTags ? kNames[tag] : std::string_view();
}

bool ParsePosTag(std::string_view name, uint8_t* tag) {
  const size_t bar = name.find('|');
  if (bar != std::string_view::npos) name = name.substr(0, bar);
  if (name.empty()) return false;
  for (uint8_t t = 1; t < kNumPosTags; ++t) {
    if (kNames[t] == name) {
      *tag = t;
      return true;
    }
  }
  return false;
}

}  // namespace dossier
