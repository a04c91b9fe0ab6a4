// Penn Treebank part-of-speech tags as small integers (Token::pos).
//
// The 46 tags of the Penn Treebank as used in CoNLL-2003's POS column, with
// 0 meaning "not tagged". PosTagName() gives the tag's string, ParsePosTag()
// reads one (CoNLL's ambiguous "NN|SYM" reads as its first tag; an unknown
// tag such as "-X-" is false). Pure functions; thread-safe.
#ifndef DOSSIER_POS_TAGS_H_
#define DOSSIER_POS_TAGS_H_

#include <cstdint>
#include <string_view>

namespace dossier {

enum PosTag : uint8_t {
  kPosNone = 0,
  kPosCC,
  kPosCD,
  kPosDT,
  kPosEX,
  kPosFW,
  kPosIN,
  kPosJJ,
  kPosJJR,
  kPosJJS,
  kPosLS,
  kPosMD,
  kPosNN,
  kPosNNS,
  kPosNNP,
  kPosNNPS,
  kPosPDT,
  kPosPOS,
  kPosPRP,
  kPosPRPS,
  kPosRB,
  kPosRBR,
  kPosRBS,
  kPosRP,
  kPosSYM,
  kPosTO,
  kPosUH,
  kPosVB,
  kPosVBD,
  kPosVBG,
  kPosVBN,
  kPosVBP,
  kPosVBZ,
  kPosWDT,
  kPosWP,
  kPosWPS,
  kPosWRB,
  kPosDollar,
  kPosQuote,
  kPosCloseQuote,
  kPosLeftParen,
  kPosRightParen,
  kPosComma,
  kPosPeriod,
  kPosColon,
  kPosHash,
  kPosOpenQuote,
  kNumPosTags  // 47
};

// "NN", "VBD", ... ("" for kPosNone or an out-of-range value).
std::string_view PosTagName(uint8_t tag);
// Reads a tag name; false when it is not a Penn Treebank tag.
bool ParsePosTag(std::string_view name, uint8_t* tag);

inline bool IsVerbTag(uint8_t t) { return t >= kPosVB && t <= kPosVBZ; }
inline bool IsNounTag(uint8_t t) { return t >= kPosNN && t <= kPosNNPS; }
inline bool IsProperNounTag(uint8_t t) { return t == kPosNNP || t == kPosNNPS; }
inline bool IsAdjectiveTag(uint8_t t) { return t >= kPosJJ && t <= kPosJJS; }
inline bool IsAdverbTag(uint8_t t) { return t >= kPosRB && t <= kPosRBS; }

}  // namespace dossier

#endif  // DOSSIER_POS_TAGS_H_
