// Lexicon: the compact built-in word lists that the rule-based mention
// recognizer (MentionStage) uses: countries, regions and big cities (LOC),
// demonyms (MISC), organisation and event cue words, person titles,
// sentence-initial function words, months/weekdays and speech verbs.
//
// Lookups are ASCII-case-insensitive (non-ASCII bytes must match exactly,
// so "Türkiye" and "TÜRKIYE" differ) and allocation-free: keys are stored
// lower-cased and queries are lower-cased into a stack buffer. Multi-word
// entries ("United States", "Middle East") use single spaces.
// Immutable after construction; Get() returns a process-wide instance that
// is safe to use from many threads.
#ifndef DOSSIER_ENTITIES_LEXICON_H_
#define DOSSIER_ENTITIES_LEXICON_H_

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dossier {

// Bits describing a word or phrase; one key may have several.
enum LexFlag : uint32_t {
  kLexLoc = 1u << 0,          // country, region or city
  kLexDemonym = 1u << 1,      // "Russian", "Ukrainians"
  kLexOrgCue = 1u << 2,       // "Ministry", "Bank", "Herald"
  kLexMiscCue = 1u << 3,      // "Summit", "Treaty", "Olympics"
  kLexTitleHead = 1u << 4,    // "President", "Minister", "Gen.", "spokesman"
  kLexTitleMod = 1u << 5,     // "Prime", "Foreign", "Deputy", "Vice"
  kLexTitleDomain = 1u << 6,  // "State" in "Secretary of State"
  kLexStop = 1u << 7,         // sentence-initial function word: "The", "But"
  kLexTime = 1u << 8,         // month or weekday
  kLexKnownOrg = 1u << 9,     // a few well-known one-word organisations
  kLexConnector = 1u << 10,   // "of", "for", "the", "and" inside org names
  kLexParticle = 1u << 11,    // "de", "van", "von", "al" inside person names
  kLexNotAcronym = 1u << 12,  // all-caps words that are not organisations
  kLexSpeechVerb = 1u << 13,  // "said", "told", "added"
  kLexLocPrep = 1u << 14,     // "in", "to", "from", "near" before a place
  kLexPersonOnly = 1u << 15,  // title heads that imply a person ("Mr.")
};

class Lexicon {
 public:
  // The shared instance (built on first use, thread-safe).
  static const Lexicon& Get();

  Lexicon();
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  // Flags of `word_or_phrase` (case-insensitive as above); 0 if unknown.
  uint32_t Flags(std::string_view word_or_phrase) const;
  bool Has(std::string_view word_or_phrase, uint32_t flag) const {
    return (Flags(word_or_phrase) & flag) != 0;
  }

 private:
  void AddAll(const std::vector<std::string_view>& words, uint32_t flag);

  std::deque<std::string> storage_;  // lower-cased keys, stable addresses
  std::unordered_map<std::string_view, uint32_t> flags_;
};

}  // namespace dossier

#endif  // DOSSIER_ENTITIES_LEXICON_H_
