// English abbreviations that keep their period, shared by the tokenizer
// (token_stage.cc: the period stays on the word) and the sentence splitter
// (sentence_stage.cc: the period ends no sentence before a name or number).
// One list so the two stages cannot disagree. Internal to text/; header-only,
// stateless, thread-safe. Words are compared as written, without the period.
#ifndef DOSSIER_TEXT_ABBREVIATIONS_H_
#define DOSSIER_TEXT_ABBREVIATIONS_H_

#include <initializer_list>
#include <string_view>

namespace dossier::text_internal {

inline bool InList(std::string_view w,
                   std::initializer_list<std::string_view> list) {
  for (std::string_view s : list) {
    if (w == s) return true;
  }
  return false;
}

// Titles and ranks that stand before a name ("Gen.", "Sen.", "Mme.").
inline bool IsTitleAbbrev(std::string_view w) {
  return InList(w, {"Mr",   "Mrs",  "Ms",  "Dr",     "Gen",  "Lt",   "Col",
                    "Sgt",  "Capt", "Gov", "Sen",    "Rep",  "Rev",  "Prof",
                    "St",   "Mt",   "Maj", "Adm",    "Cmdr", "Brig", "Pres",
                    "Supt", "Hon",  "Fr",  "Sec",    "Atty", "Cpl",  "Pvt",
                    "Insp", "Det",  "Amb", "Messrs", "Mme",  "Ft",   "Del"});
}

// Month abbreviations ("Sept.", "Oct.").
inline bool IsMonthAbbrev(std::string_view w) {
  return InList(w, {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
                    "Sept", "Oct", "Nov", "Dec"});
}

// Every word that keeps its period: titles, months, suffixes of names and
// companies, addresses and a few Latin ones ("Jr.", "Inc.", "Ave.", "etc.").
inline bool IsAbbrevWord(std::string_view w) {
  return IsTitleAbbrev(w) || IsMonthAbbrev(w) ||
         InList(w, {"Jr",  "Sr",   "Inc",  "Corp", "Co",     "Ltd",
                    "Bros", "Dept", "Univ", "Ave",  "Blvd",   "vs",
                    "etc", "approx", "Gens", "Reps", "Sens"});
}

}  // namespace dossier::text_internal

#endif  // DOSSIER_TEXT_ABBREVIATIONS_H_
