#include "pos/lemmatizer.h"

#include <algorithm>
#include <unordered_map>

#include "pos/tags.h"

namespace dossier {
namespace {

// Irregular verb forms (past, participle, third person) -> lemma.
const std::unordered_map<std::string_view, std::string_view>& IrregularVerbs() {
  static const auto* const kTable = [] {
    auto* m = new std::unordered_map<std::string_view, std::string_view>();
    // lemma followed by its irregular forms.
    static constexpr std::string_view kRows[] = {
        "be|is|are|was|were|been|being|am|'s|'re|'m",
        "have|has|had|having|'ve|'d",
        "do|does|did|done|doing",
        "go|goes|went|gone",
        "free|freed",
        "say|says|said",
        "make|made",
        "take|took|taken",
        "come|came",
        "see|saw|seen",
        "know|knew|known",
        "get|got|gotten",
        "give|gave|given",
        "find|found",
        "think|thought",
        "tell|told",
        "become|became",
        "leave|left",
        "feel|felt",
        "bring|brought",
        "begin|began|begun",
        "keep|kept",
        "hold|held",
        "write|wrote|written",
        "stand|stood",
        "hear|heard",
        "mean|meant",
        "meet|met",
        "run|ran",
        "pay|paid",
        "sit|sat",
        "speak|spoke|spoken",
        "lead|led",
        "grow|grew|grown",
        "lose|lost",
        "fall|fell|fallen",
        "send|sent",
        "build|built",
        "understand|understood",
        "draw|drew|drawn",
        "break|broke|broken",
        "spend|spent",
        "rise|rose|risen",
        "drive|drove|driven",
        "buy|bought",
        "wear|wore|worn",
        "choose|chose|chosen",
        "seek|sought",
        "throw|threw|thrown",
        "catch|caught",
        "deal|dealt",
        "win|won",
        "fight|fought",
        "teach|taught",
        "sell|sold",
        "fly|flew|flown",
        "forget|forgot|forgotten",
        "shake|shook|shaken",
        "strike|struck|stricken",
        "swear|swore|sworn",
        "flee|fled",
        "shoot|shot",
        "hide|hid|hidden",
        "bite|bit|bitten",
        "freeze|froze|frozen",
        "steal|stole|stolen",
        "undertake|undertook|undertaken",
        "withdraw|withdrew|withdrawn",
        "overtake|overtook|overtaken",
        "forbid|forbade|forbidden",
        "foresee|foresaw|foreseen",
        "arise|arose|arisen",
        "awake|awoke|awoken",
        "bear|bore|borne",
        "bind|bound",
        "bleed|bled",
        "blow|blew|blown",
        "breed|bred",
        "dig|dug",
        "dive|dove",
        "eat|ate|eaten",
        "feed|fed",
        "forgive|forgave|forgiven",
        "hang|hung",
        "lay|laid",
        "lend|lent",
        "lie|lay|lain",
        "light|lit",
        "ride|rode|ridden",
        "ring|rang|rung",
        "sing|sang|sung",
        "sink|sank|sunk",
        "slay|slew|slain",
        "sleep|slept",
        "slide|slid",
        "spin|spun",
        "spring|sprang|sprung",
        "sting|stung",
        "stick|stuck",
        "swim|swam|swum",
        "swing|swung",
        "tear|tore|torn",
        "wake|woke|woken",
        "weep|wept",
        "wind|wound",
        "overcome|overcame",
        "mislead|misled",
        "uphold|upheld",
        "withhold|withheld",
        "oversee|oversaw|overseen",
        "rebuild|rebuilt",
        "will|'ll|wo",
        "shall|sha",
        "not|n't",
    };
    for (std::string_view row : kRows) {
      size_t bar = row.find('|');
      const std::string_view lemma = row.substr(0, bar);
      while (bar != std::string_view::npos) {
        const size_t next = row.find('|', bar + 1);
        m->emplace(row.substr(bar + 1, next == std::string_view::npos
                                           ? std::string_view::npos
                                           : next - bar - 1),
                   lemma);
        bar = next;
      }
    }
    return m;
  }();
  return *kTable;
}

const std::unordered_map<std::string_view, std::string_view>& IrregularNouns() {
  static const auto* const kTable =
      new std::unordered_map<std::string_view, std::string_view>{
          {"men", "man"},
          {"women", "woman"},
          {"children", "child"},
          {"people", "people"},
          {"feet", "foot"},
          {"teeth", "tooth"},
          {"mice", "mouse"},
          {"crises", "crisis"},
          {"analyses", "analysis"},
          {"theses", "thesis"},
          {"bases", "basis"},
          {"criteria", "criterion"},
          {"phenomena", "phenomenon"},
          {"data", "data"},
          {"media", "media"},
          {"news", "news"},
          {"talks", "talks"},
          {"series", "series"},
          {"species", "species"},
          {"lives", "life"},
          {"wives", "wife"},
          {"knives", "knife"},
          {"leaves", "leaf"},
          {"thieves", "thief"},
          {"halves", "half"},
          {"selves", "self"},
          {"arms", "arms"},
          {"forces", "force"},
          {"sanctions", "sanction"},
          {"elections", "election"},
      };
  return *kTable;
}

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}
bool IsConsonant(char c) { return c >= 'a' && c <= 'z' && !IsVowel(c); }

// Restores the stem after stripping -ed or -ing: the doubled consonant of
// "planned" -> "plan" and the silent e of "hoped" -> "hope",
// "negotiated" -> "negotiate", "announced" -> "announce".
std::string FixStem(std::string stem) {
  const size_t n = stem.size();
  if (n < 2) return stem;
  const char b = stem[n - 1], a = stem[n - 2];
  const char c = n >= 3 ? stem[n - 3] : ' ';
  auto ends = [&](std::string_view s) {
    return n >= s.size() && stem.compare(n - s.size(), s.size(), s) == 0;
  };
  if (n >= 4 && a == b && IsConsonant(b) && b != 's' && b != 'z' && b != 'f' &&
      (b != 'l' || (n >= 7 && c == 'e'))) {
    stem.pop_back();  // planned, stopped, committed, cancelled
    return stem;
  }
  if (b == 'v' || (b == 'z' && a != 'z') || b == 'u' ||
      (b == 's' && IsVowel(a) && IsVowel(c))) {
    stem += 'e';  // moved, received, seized, argued, released, caused
    return stem;
  }
  if (b == 't' && a == 'a' && c == 'i') {
    stem += 'e';  // negotiated, mediated, initiated
    return stem;
  }
  if (IsVowel(a) && IsVowel(c)) return stem;  // joined, treated, looked
  bool add_e = false;
  if (b == 'c' && a != 'i') {
    add_e = true;  // announced, forced, produced
  } else if (b == 'c' && a == 'i') {
    add_e = true;  // noticed, sacrificed
  } else if (b == 'g' && (a == 'r' || a == 'd' || a == 'l')) {
    add_e = true;  // charged, pledged, indulged
  } else if (b == 'g' && a == 'n' && (c == 'a' || c == 'e')) {
    add_e = true;  // changed, arranged, challenged
  } else if (b == 's' && (a == 'r' || a == 'n' || a == 'p' || a == 'l')) {
    add_e = true;  // reversed, sensed, collapsed, pulsed
  } else if (b == 's' && a == 'u') {
    add_e = !ends("ocus") && !ends("bus");  // caused, refused (not focused)
  } else if (b == 's' && (a == 'o' || a == 'y')) {
    add_e = true;  // opposed, analysed
  } else if (b == 's' && a == 'i') {
    add_e = !ends("omis");  // advised, revised (not promised)
  } else if (b == 't' && a == 'a') {
    add_e = true;  // created, negotiated, stated
  } else if (b == 't' && (a == 'u' || a == 'o')) {
    add_e = true;  // executed, voted, promoted
  } else if ((b == 'r' && (a == 'a' || a == 'i' || a == 'u')) ||
             (b == 'r' && a == 'o' && n <= 6 && !ends("onor"))) {
    add_e = true;  // declared, required, secured, ignored
  } else if (b == 'd' && (a == 'i' || a == 'u' || a == 'o' || a == 'a')) {
    add_e = true;  // decided, concluded, exploded, invaded
  } else if (b == 'b' && (a == 'i' || a == 'o' || a == 'u')) {
    add_e = true;  // described, probed
  } else if (b == 'k' && a != 'c' && IsVowel(a)) {
    add_e = true;  // invoked, liked, baked
  } else if (b == 'm' && (a == 'a' || a == 'u' || a == 'o' || a == 'i')) {
    add_e = true;  // blamed, assumed, welcomed, timed
  } else if (b == 'l' && a == 'u') {
    add_e = true;  // scheduled, ruled
  } else if (b == 'n' && a == 'i') {
    add_e = true;  // declined, combined, determined
  } else if (IsConsonant(c) && IsVowel(a) && IsConsonant(b) && b != 'w' &&
             b != 'x' && b != 'y') {
    int vowels = 0;
    for (size_t i = 0; i + 2 < n; ++i) vowels += IsVowel(stem[i]);
    add_e = vowels == 0;  // hoped, closed, named (one syllable)
  }
  if (add_e) stem += 'e';
  return stem;
}

std::string VerbLemma(const std::string& w, uint8_t tag) {
  const auto& irregular = IrregularVerbs();
  if (auto it = irregular.find(w); it != irregular.end()) {
    return std::string(it->second);
  }
  const size_t n = w.size();
  auto ends = [&](std::string_view s) {
    return n > s.size() && w.compare(n - s.size(), s.size(), s) == 0;
  };
  if (tag == kPosVBZ) {
    if (ends("ies") && n > 4) return w.substr(0, n - 3) + "y";
    if (ends("sses") || ends("shes") || ends("ches") || ends("xes") ||
        ends("zzes") || ends("oes")) {
      return w.substr(0, n - 2);
    }
    if (ends("s") && !ends("ss")) return w.substr(0, n - 1);
    return w;
  }
  if (tag == kPosVBD || tag == kPosVBN) {
    if (ends("ied") && n > 4) return w.substr(0, n - 3) + "y";
    if (ends("ied")) return w.substr(0, n - 1);  // died, lied, tied
    if (ends("eed") && n <= 5) return w;         // need, heed
    if (ends("eed")) return w.substr(0, n - 1);  // agreed, freed
    if (ends("ed")) {
      std::string stem = w.substr(0, n - 2);
      if (!stem.empty() && stem.back() == 'e') return stem;  // agreed
      if (stem.size() >= 2 && stem.back() == 'y' &&
          IsVowel(stem[stem.size() - 2])) {
        return stem;  // played, stayed
      }
      return FixStem(stem);
    }
    return w;
  }
  if (tag == kPosVBG) {
    if (ends("ying") && n == 5) return w.substr(0, 1) + "ie";  // dying
    if (ends("ying")) return w.substr(0, n - 4) + "y";  // saying, denying
    if (ends("eeing")) return w.substr(0, n - 3);
    if (ends("ing") && n > 4) {
      const std::string stem = w.substr(0, n - 3);
      // "bring", "sing": no vowel left, so the word is no -ing form.
      if (stem.find_first_of("aeiouy") == std::string::npos) return w;
      return FixStem(stem);
    }
    return w;
  }
  return w;
}

std::string NounLemma(const std::string& w) {
  if (auto it = IrregularNouns().find(w); it != IrregularNouns().end()) {
    return std::string(it->second);
  }
  const size_t n = w.size();
  auto ends = [&](std::string_view s) {
    return n > s.size() && w.compare(n - s.size(), s.size(), s) == 0;
  };
  if (ends("ies") && n > 4) return w.substr(0, n - 3) + "y";
  if (ends("sses") || ends("shes") || ends("ches") || ends("xes")) {
    return w.substr(0, n - 2);
  }
  if (ends("s") && !ends("ss") && !ends("us") && !ends("is")) {
    return w.substr(0, n - 1);
  }
  return w;
}

}  // namespace

std::string Lemmatize(std::string_view word, uint8_t tag) {
  std::string w(word);
  for (char& c : w) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  // Typographic apostrophe -> ASCII, for clitics ("’ll", "n’t").
  for (size_t p; (p = w.find("\xE2\x80\x99")) != std::string::npos;) {
    w.replace(p, 3, "'");
  }
  if (IsVerbTag(tag) || tag == kPosMD || tag == kPosRB) {
    if (tag == kPosRB) {
      if (w == "n't") return "not";
      return w;
    }
    if (tag == kPosMD) {
      if (w == "'ll" || w == "wo") return "will";
      if (w == "'d") return "would";
      if (w == "ca") return "can";
      return w;
    }
    return VerbLemma(w, tag);
  }
  if (tag == kPosNNS || tag == kPosNNPS) return NounLemma(w);
  return w;
}

}  // namespace dossier
