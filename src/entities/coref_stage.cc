#include "entities/coref_stage.h"

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <vector>

namespace dossier {
namespace {

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view StripPossessive(std::string_view w) {
  if (w.size() > 2 && (w.ends_with("'s"))) return w.substr(0, w.size() - 2);
  if (w.size() > 4 && w.ends_with("\xE2\x80\x99s")) {
    return w.substr(0, w.size() - 4);
  }
  return w;
}

bool IsPossessive(std::string_view w) {
  return StripPossessive(w).size() != w.size();
}

// Role heads, longest first (token sequences, lower case).
struct Head {
  std::array<std::string_view, 3> words;
  int n;
};
constexpr Head kHeads[] = {
    {{"secretary", "of", "state"}, 3},
    {{"prime", "minister", ""}, 2},
    {{"foreign", "minister", ""}, 2},
    {{"defence", "minister", ""}, 2},
    {{"defense", "minister", ""}, 2},
    {{"finance", "minister", ""}, 2},
    {{"interior", "minister", ""}, 2},
    {{"vice", "president", ""}, 2},
    {{"president", "", ""}, 1},
    {{"chancellor", "", ""}, 1},
    {{"premier", "", ""}, 1},
    {{"leader", "", ""}, 1},
    {{"spokesman", "", ""}, 1},
    {{"spokeswoman", "", ""}, 1},
    {{"spokesperson", "", ""}, 1},
    {{"envoy", "", ""}, 1},
    {{"negotiator", "", ""}, 1},
    {{"ambassador", "", ""}, 1},
    {{"king", "", ""}, 1},
    {{"queen", "", ""}, 1},
    {{"pope", "", ""}, 1},
    {{"mayor", "", ""}, 1},
    {{"governor", "", ""}, 1},
};

// Qualifier words that do not name a country.
bool PlainQualifier(std::string_view w) {
  return w == "former" || w == "then" || w == "acting" || w == "new" ||
         w == "current" || w == "top" || w == "chief" || w == "deputy" ||
         w == "kremlin" || w == "outgoing" || w == "incoming";
}

// Does a person's title (lower case) carry the role `head`?
bool TitleHasRole(const std::string& title, const std::string& head) {
  if (head == "leader") {
    for (std::string_view h : {"president", "prime minister", "chancellor",
                               "premier", "leader", "king", "queen"}) {
      if (title.find(h) != std::string::npos &&
          title.find("vice president") == std::string::npos) {
        return true;
      }
    }
    return false;
  }
  if (head == "president" &&
      title.find("vice president") != std::string::npos) {
    return false;
  }
  if (head == "spokesman" || head == "spokeswoman" || head == "spokesperson") {
    return title.find("spokes") != std::string::npos;
  }
  return title.find(head) != std::string::npos;
}

// Does a title name the country of a qualifier ("russia", "russian")?
bool TitleHasCountry(const std::string& title, const std::string& q) {
  const std::string stem = q.substr(0, std::min<size_t>(q.size(), 5));
  return title.find(stem) != std::string::npos;
}

struct Person {
  std::vector<std::string> titles;  // lower case
  char gender = 0;                  // 'm', 'f' or unknown
};

}  // namespace

CorefStage::CorefStage() : lex_(Lexicon::Get()) {}

Status CorefStage::Run(Document& doc) const {
  Layers& l = doc.layers();
  const std::vector<Token>& toks = l.tokens;
  const std::string_view text = doc.text();
  for (const Token& t : toks) {
    if (t.span.end > text.size() || t.span.start > t.span.end) {
      return Status(ErrorCode::kStageFailed,
                    "coref: a token lies outside the text");
    }
  }
  const size_t ntok = toks.size();
  auto word = [&](size_t i) {
    return text.substr(toks[i].span.start, toks[i].span.size());
  };

  // Where MISC / LOC mentions end (a nationality before a title).
  std::vector<uint32_t> place_ends;
  for (const Mention& m : l.mentions) {
    if (m.type == EntityType::kMisc || m.type == EntityType::kLoc) {
      place_ends.push_back(m.span.end);
    }
  }
  std::sort(place_ends.begin(), place_ends.end());
  // The people of the document: their titles and gender cues.
  std::map<int32_t, Person> people;
  for (const Mention& m : l.mentions) {
    if (m.type != EntityType::kPerson || m.local < 0) continue;
    Person& p = people[m.local];
    if (m.form == MentionForm::kTitle && m.name.start > m.span.start &&
        m.name.start <= text.size()) {
      std::string title =
          LowerAscii(text.substr(m.span.start, m.name.start - m.span.start));
      while (!title.empty() && title.back() == ' ') title.pop_back();
      // The nationality right before the title belongs to it for our
      // purpose: "Russian President Vladimir Putin", "Russia's President".
      auto before = std::lower_bound(
          toks.begin(), toks.end(), m.span.start,
          [](const Token& t, uint32_t v) { return t.span.start < v; });
      if (before != toks.begin()) {
        const Token& prev = *(before - 1);
        const std::string_view w =
            text.substr(prev.span.start, prev.span.size());
        if (prev.span.end <= m.span.start &&
            ((lex_.Flags(StripPossessive(w)) & (kLexDemonym | kLexLoc)) ||
             std::binary_search(place_ends.begin(), place_ends.end(),
                                prev.span.end))) {
          title = LowerAscii(StripPossessive(w)) + " " + title;
        }
      }
      if (title == "mr" || title == "mr." || title == "sir") p.gender = 'm';
      if (title == "mrs" || title == "mrs." || title == "ms" ||
          title == "ms." || title == "madam") {
        p.gender = 'f';
      }
      if (std::find(p.titles.begin(), p.titles.end(), title) ==
          p.titles.end()) {
        p.titles.push_back(std::move(title));
      }
    }
  }
  if (people.empty()) return Status::Ok();

  // Token -> sentence index; quote regions.
  std::vector<uint32_t> sent_of(ntok, 0);
  for (uint32_t s = 0; s < l.sentences.size(); ++s) {
    const Sentence& sen = l.sentences[s];
    for (uint32_t t = sen.first_token; t < sen.end_token && t < ntok; ++t)
      sent_of[t] = s;
  }
  std::vector<bool> in_quote(ntok, false);
  {
    bool open = false;
    for (size_t i = 0; i < ntok; ++i) {
      // A line break closes an unclosed quote (a quote running on into the
      // next paragraph reopens with a mark there).
      if (i > 0 && text.substr(toks[i - 1].span.end,
                               toks[i].span.start - toks[i - 1].span.end)
                           .find('\n') != std::string_view::npos) {
        open = false;
      }
      if (toks[i].flags & kTokenQuoteMark) {
        const std::string_view w = word(i);
        if (w == "\xE2\x80\x9C" || w == "\xC2\xAB" || w == "\xE2\x80\x9E") {
          open = true;
        } else if (w == "\xE2\x80\x9D" || w == "\xC2\xBB") {
          open = false;
        } else if (w == "\"") {
          open = !open;
        }
        continue;
      }
      in_quote[i] = open;
    }
  }

  // open_before[s]: sentences before s that are not wholly quoted (the
  // pronoun window counts only those).
  std::vector<uint32_t> open_before(l.sentences.size() + 1, 0);
  for (uint32_t s = 0; s < l.sentences.size(); ++s) {
    const Sentence& sen = l.sentences[s];
    bool quoted = true;
    for (uint32_t t = sen.first_token; t < sen.end_token && t < ntok; ++t) {
      if ((toks[t].flags & kTokenAlpha) && !in_quote[t]) {
        quoted = false;
        break;
      }
    }
    open_before[s + 1] = open_before[s] + (quoted ? 0 : 1);
  }

  std::vector<Mention> added;
  // Person mentions by position, for antecedent search (grows as we add).
  std::vector<Mention> persons;
  for (const Mention& m : l.mentions) {
    if (m.type == EntityType::kPerson && m.local >= 0) persons.push_back(m);
  }
  auto by_start = [](const Mention& a, const Mention& b) {
    return a.span.start < b.span.start;
  };
  std::sort(persons.begin(), persons.end(), by_start);
  // Token positions already covered by a mention, and whether that
  // mention is a nationality or place (MISC / LOC: "Ostravian").
  std::vector<bool> covered(ntok, false);
  std::vector<bool> place_like(ntok, false);
  {
    size_t t = 0;
    std::vector<Mention> sorted = l.mentions;
    std::sort(sorted.begin(), sorted.end(), by_start);
    for (const Mention& m : sorted) {
      while (t < ntok && toks[t].span.start < m.span.start) ++t;
      for (size_t k = t; k < ntok && toks[k].span.start < m.span.end; ++k) {
        covered[k] = true;
        place_like[k] =
            m.type == EntityType::kMisc || m.type == EntityType::kLoc;
      }
    }
  }

  for (size_t i = 0; i < ntok; ++i) {
    if (covered[i]) continue;
    const std::string lw = LowerAscii(word(i));
    // --- descriptors ---
    size_t j = 0;
    std::string qualifier;
    bool descriptor_start = false;
    if (lw == "the" && i + 1 < ntok) {
      j = i + 1;
      descriptor_start = true;
    } else if (IsPossessive(word(i)) &&
               (lex_.Flags(StripPossessive(word(i))) & kLexLoc)) {
      qualifier = LowerAscii(StripPossessive(word(i)));
      j = i + 1;
      descriptor_start = true;
    }
    if (descriptor_start) {
      // (A qualifier may itself be a mention: "Russian" is MISC.)
      for (int q = 0; q < 3 && j < ntok; ++q, ++j) {
        const std::string_view w = word(j);
        const std::string lwj = LowerAscii(w);
        const uint32_t f = lex_.Flags(w);
        if (covered[j] && !place_like[j] && !(f & (kLexDemonym | kLexLoc)))
          break;
        if ((f & (kLexDemonym | kLexLoc)) || place_like[j]) {
          qualifier = LowerAscii(StripPossessive(w));
        } else if (!PlainQualifier(lwj) && lwj != "u.s." && lwj != "us") {
          break;
        } else if (lwj == "u.s." || lwj == "us") {
          qualifier = "u.s";
        }
      }
      int head_len = 0;
      std::string head;
      for (const Head& h : kHeads) {
        if (j + h.n > ntok) continue;
        bool ok = true;
        for (int k = 0; k < h.n && ok; ++k)
          ok = LowerAscii(word(j + k)) == h.words[k];
        if (ok) {
          head_len = h.n;
          for (int k = 0; k < h.n; ++k) {
            if (k) head += ' ';
            head += h.words[k];
          }
          break;
        }
      }
      // "the president of Norland" is a descriptor too, but then the name
      // of the country follows; "the president's" is fine.
      // "the leader of the opposition" names someone else.
      if (head_len > 0 && j + head_len < ntok &&
          LowerAscii(word(j + head_len)) == "of") {
        head_len = 0;
      }
      if (head_len > 0) {
        const size_t end_tok = j + head_len;
        const uint32_t start = toks[i].span.start;
        int32_t best = -1;
        uint32_t best_pos = 0;
        int candidates = 0;
        int32_t only = -1;
        for (const auto& [local, p] : people) {
          bool match = false;
          for (const std::string& t : p.titles) {
            if (TitleHasRole(t, head) &&
                (qualifier.empty() || TitleHasCountry(t, qualifier))) {
              match = true;
            }
          }
          if (!match) continue;
          ++candidates;
          only = local;
          for (const Mention& m : persons) {
            if (m.local == local && m.span.end <= start &&
                m.span.start >= best_pos) {
              best = local;
              best_pos = m.span.start;
            }
          }
        }
        if (best < 0 && candidates == 1) best = only;
        if (best >= 0) {
          Mention m;
          m.span = Span{start, toks[end_tok - 1].span.end};
          m.name = m.span;
          m.type = EntityType::kPerson;
          m.form = MentionForm::kDescriptor;
          m.local = best;
          added.push_back(m);
          persons.insert(
              std::upper_bound(persons.begin(), persons.end(), m, by_start), m);
          for (size_t k = i; k < end_tok; ++k) covered[k] = true;
          i = end_tok - 1;
          continue;
        }
      }
    }
    // --- pronouns ---
    char g = 0;
    if (lw == "he" || lw == "him" || lw == "his" || lw == "himself") g = 'm';
    if (lw == "she" || lw == "her" || lw == "hers" || lw == "herself") g = 'f';
    if (g == 0 || in_quote[i]) continue;
    const uint32_t start = toks[i].span.start;
    const uint32_t sent = sent_of[i];
    // A subject pronoun ("he said") prefers the first compatible person of
    // the nearest sentence naming one (its subject, most often: "Roe met
    // Eke. He said ..." -> Roe); an object or possessive the nearest.
    const bool subject = lw == "he" || lw == "she";
    int32_t found = -1;
    uint32_t found_sent = UINT32_MAX;
    for (auto it = std::upper_bound(persons.begin(), persons.end(),
                                    Mention{Span{start, start}}, by_start);
         it != persons.begin();) {
      --it;
      if (it->span.end > start) continue;
      // Its sentence: the token at its start.
      auto tok = std::lower_bound(
          toks.begin(), toks.end(), it->span.start,
          [](const Token& t, uint32_t v) { return t.span.start < v; });
      const size_t ti = tok == toks.end() ? i : tok - toks.begin();
      const uint32_t s = tok == toks.end() ? sent : sent_of[ti];
      // A person named inside a quotation is the speaker's topic, not the
      // article's: "“If Putin comes ...” He also said" is not Putin. Such
      // sentences do not count towards the window either.
      if (in_quote[ti]) continue;
      if (found >= 0 && s != found_sent) break;
      if (open_before[sent] - open_before[s] > 2) break;
      const char known = people[it->local].gender;
      if (known != 0 && known != g) continue;
      found = it->local;
      found_sent = s;
      if (!subject) break;
    }
    if (found < 0) continue;
    if (people[found].gender == 0) people[found].gender = g;
    Mention m;
    m.span = toks[i].span;
    m.name = m.span;
    m.type = EntityType::kPerson;
    m.form = MentionForm::kPronoun;
    m.local = found;
    added.push_back(m);
  }
  if (added.empty()) return Status::Ok();
  std::vector<Mention>& out = l.mentions;
  out.insert(out.end(), added.begin(), added.end());
  std::stable_sort(out.begin(), out.end(), by_start);
  return Status::Ok();
}

}  // namespace dossier
