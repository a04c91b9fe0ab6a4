#include "entities/entity_link_stage.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "entities/lexicon.h"
#include "kb/builtin.h"

namespace dossier {
namespace {

// `text` with whitespace runs collapsed to one space and trimmed.
std::string CollapseSpace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// One document-level referent: the mentions of one document sharing
// Mention::local.
struct Referent {
  uint32_t doc = 0;
  uint32_t first_start = 0;
  EntityType type = EntityType::kMisc;
  std::string full;  // longest name form in the document
  bool one_word_person = false;
  std::vector<uint32_t> mentions;    // indexes into the document's mentions
  std::vector<std::string> forms;    // name text of each name mention
  std::vector<std::string> roles;    // titles and descriptors, as written
  int type_votes[4] = {0, 0, 0, 0};  // mentions per EntityType
};

class LinkAccumulator : public CorpusStage::Accumulator {
 public:
  void Consume(uint32_t index, const Document& doc) override {
    const std::vector<Mention>& ms = doc.layers().mentions;
    std::map<int32_t, size_t> by_local;  // local -> referents_ index
    for (uint32_t i = 0; i < ms.size(); ++i) {
      const Mention& m = ms[i];
      const Span name = m.name.empty() ? m.span : m.name;
      if (name.end > doc.text().size() || name.start > name.end) continue;
      size_t r;
      auto it = m.local >= 0 ? by_local.find(m.local) : by_local.end();
      if (it != by_local.end()) {
        r = it->second;
      } else {
        r = referents_.size();
        referents_.emplace_back();
        referents_[r].doc = index;
        referents_[r].first_start = m.span.start;
        referents_[r].type = m.type;
        if (m.local >= 0) by_local.emplace(m.local, r);
      }
      Referent& ref = referents_[r];
      // The referent's type is its mentions' majority type; on a tie the
      // later mention wins (body text comes after headline and dateline).
      // A title ("President Joe Biden") is strong evidence of a person.
      int& votes = ref.type_votes[static_cast<int>(m.type)];
      votes += m.form == MentionForm::kTitle ? 3 : 1;
      if (votes >= ref.type_votes[static_cast<int>(ref.type)])
        ref.type = m.type;
      ref.mentions.push_back(i);
      // Descriptors and pronouns refer; they are not names. A title or a
      // descriptor is a role the text gives the referent.
      if (m.form == MentionForm::kTitle && m.name.start > m.span.start) {
        ref.roles.push_back(
            CollapseSpace(doc.Slice(Span{m.span.start, m.name.start})));
      } else if (m.form == MentionForm::kDescriptor) {
        ref.roles.push_back(CollapseSpace(doc.Slice(m.span)));
      }
      if (m.form == MentionForm::kDescriptor ||
          m.form == MentionForm::kPronoun) {
        continue;
      }
      ref.forms.push_back(CollapseSpace(doc.Slice(name)));
      const std::string& form = ref.forms.back();
      if (CodePoints(form) > CodePoints(ref.full)) ref.full = form;
    }
  }

  void Merge(Accumulator&& other) override {
    auto& o = static_cast<LinkAccumulator&>(other);
    for (Referent& r : o.referents_) referents_.push_back(std::move(r));
    o.referents_.clear();
  }

  std::vector<Referent>& referents() { return referents_; }

 private:
  std::vector<Referent> referents_;
};

std::string TypedKey(EntityType type, const std::string& key) {
  std::string k(1, static_cast<char>('0' + static_cast<int>(type)));
  k += '|';
  k += key;
  return k;
}

// The letters of an acronym written as one word of 2-6 capital ASCII
// letters, with or without dots ("WSJ", "F.N.A."); empty otherwise.
std::string AcronymLetters(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') {
      out += c;
    } else if (c != '.') {
      return {};
    }
  }
  return out.size() >= 2 && out.size() <= 6 ? out : std::string();
}

// Initials of a name of 2-6 capitalized words ("The Freeland News Agency"
// -> "FNA"); a leading "The" and the joining words of, for, and, the, de,
// & are skipped. Empty when a word is not capitalized or there are fewer
// than two initials.
std::string Initials(std::string_view name) {
  std::string out;
  size_t from = 0;
  bool first = true;
  while (from < name.size()) {
    size_t sp = name.find(' ', from);
    if (sp == std::string_view::npos) sp = name.size();
    const std::string_view w = name.substr(from, sp - from);
    from = sp + 1;
    if (w.empty()) continue;
    const bool joiner = w == "of" || w == "for" || w == "and" || w == "the" ||
                        w == "de" || w == "&" || (first && w == "The");
    first = false;
    if (joiner) continue;
    if (w[0] < 'A' || w[0] > 'Z') return {};
    // A word that is itself an acronym does not abbreviate to one letter.
    if (w.size() > 1 && w[1] >= 'A' && w[1] <= 'Z') return {};
    out += w[0];
  }
  return out.size() >= 2 && out.size() <= 6 ? out : std::string();
}

// Union-find over cluster ids.
int32_t Find(std::vector<int32_t>& parent, int32_t x) {
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

std::string FirstWord(const std::string& key) {
  return key.substr(0, key.find(' '));
}

std::string LastWord(const std::string& key) {
  size_t sp = key.rfind(' ');
  return sp == std::string::npos ? key : key.substr(sp + 1);
}

}  // namespace

std::string SpellingKey(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    const char n = i + 1 < word.size() ? word[i + 1] : '\0';
    if (c == 'k' && n == 's') {  // Aleksandr / Alexander
      c = 'x';
      ++i;
    } else if ((c == 'k' || c == 'p') && n == 'h') {  // Kharkiv, Philip
      c = c == 'k' ? 'h' : 'f';
      ++i;
    } else if (c == 'c' && n == 'k') {
      c = 'k';
      ++i;
    } else if (c == 'y') {  // Zelensky / Zelenskyy / Zelenskiy
      c = 'i';
    } else if (c == 'w') {
      c = 'v';
    }
    if (!out.empty() && out.back() == c) continue;  // doubled letters
    out += c;
  }
  // "-skii" / "-skiy" endings collapse with the doubled-letter rule.
  return out;
}

namespace {

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min(
          {row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

bool SameNameSpelling(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty() || a[0] != b[0]) return false;
  const std::string ka = SpellingKey(a), kb = SpellingKey(b);
  if (ka == kb) return true;
  const size_t shorter = std::min(ka.size(), kb.size());
  const size_t allowed = shorter >= 9 ? 2 : shorter >= 5 ? 1 : 0;
  if (allowed == 0) return false;
  const size_t longer = std::max(ka.size(), kb.size());
  if (longer - shorter > allowed) return false;
  return EditDistance(ka, kb) <= allowed;
}

std::string NameKey(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  s.foldCase();
  icu::UnicodeString decomposed;
  if (U_SUCCESS(status)) {
    decomposed = nfd->normalize(s, status);
  }
  if (U_FAILURE(status)) decomposed = s;
  icu::UnicodeString out;
  bool space = false;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK || c == '.') continue;
    if (u_isUWhiteSpace(c)) {
      space = out.length() > 0;
      continue;
    }
    if (space) out.append(static_cast<UChar32>(' '));
    space = false;
    if (c == 0x2019 || c == 0x2018) c = '\'';
    out.append(c);
  }
  std::string key;
  out.toUTF8String(key);
  return key;
}

EntityLinkStage::EntityLinkStage(EntityLinkOptions opts) {
  if (!opts.use_kb) return;
  if (opts.kb != nullptr) {
    kb_ = std::move(opts.kb);
    return;
  }
  StatusOr<std::shared_ptr<const kb::KnowledgeBase>> b =
      kb::BuiltinKnowledgeBase();
  if (b.ok()) {
    kb_ = std::move(b).value();
  } else {
    kb_status_ = b.status();
  }
}

std::unique_ptr<CorpusStage::Accumulator> EntityLinkStage::NewAccumulator()
    const {
  return std::make_unique<LinkAccumulator>();
}

Status EntityLinkStage::Finalize(Accumulator& merged, Corpus& corpus) const {
  if (!kb_status_.ok()) return kb_status_;
  std::vector<Referent>& refs =
      static_cast<LinkAccumulator&>(merged).referents();
  std::sort(refs.begin(), refs.end(), [](const Referent& a, const Referent& b) {
    return std::tie(a.doc, a.first_start) < std::tie(b.doc, b.first_start);
  });
  for (const Referent& r : refs) {
    if (r.doc >= corpus.documents.size()) {
      return Status(ErrorCode::kInternal, "entity_link: bad document index");
    }
    const size_t n = corpus.documents[r.doc].layers().mentions.size();
    for (uint32_t m : r.mentions) {
      if (m >= n) {
        return Status(ErrorCode::kInternal, "entity_link: bad mention index");
      }
    }
  }
  // Cluster referents: full names by typed key first, then one-word person
  // names by unique surname.
  std::vector<std::string> keys(refs.size());
  std::vector<int32_t> cluster(refs.size(), -1);
  std::unordered_map<std::string, int32_t> by_key;
  // Surname -> person clusters with a multi-word name ending in it.
  std::unordered_map<std::string, std::vector<int32_t>> by_surname;
  int32_t nclusters = 0;
  for (size_t i = 0; i < refs.size(); ++i) {
    keys[i] = NameKey(refs[i].full);
    refs[i].one_word_person = refs[i].type == EntityType::kPerson &&
                              keys[i].find(' ') == std::string::npos;
    if (refs[i].one_word_person) continue;
    auto [it, fresh] =
        by_key.emplace(TypedKey(refs[i].type, keys[i]), nclusters);
    if (fresh) {
      ++nclusters;
      if (refs[i].type == EntityType::kPerson) {
        by_surname[LastWord(keys[i])].push_back(it->second);
      }
    }
    cluster[i] = it->second;
  }
  for (size_t i = 0; i < refs.size(); ++i) {
    if (!refs[i].one_word_person) continue;
    auto s = by_surname.find(keys[i]);
    if (s != by_surname.end() && s->second.size() == 1) {
      cluster[i] = s->second[0];
      continue;
    }
    auto [it, fresh] =
        by_key.emplace(TypedKey(refs[i].type, keys[i]), nclusters);
    if (fresh) ++nclusters;
    cluster[i] = it->second;
  }
  // A MISC referent (often a name used as a modifier: "the Varna council")
  // joins a typed entity with the same key when there is exactly one.
  {
    std::unordered_map<std::string, int32_t> typed;  // key -> cluster, or -2
    for (size_t i = 0; i < refs.size(); ++i) {
      if (refs[i].type == EntityType::kMisc || cluster[i] < 0) continue;
      auto [it, fresh] = typed.emplace(keys[i], cluster[i]);
      if (!fresh && it->second != cluster[i]) it->second = -2;
    }
    for (size_t i = 0; i < refs.size(); ++i) {
      if (refs[i].type != EntityType::kMisc) continue;
      auto it = typed.find(keys[i]);
      if (it != typed.end() && it->second >= 0) cluster[i] = it->second;
    }
  }
  // Spelling variants of one person's name across documents ("Aleksandr
  // Voronin" / "Alexander Voronin", "Zelensky" / "Zelenskyy"): multi-word
  // person clusters merge when their surnames are the same spelling
  // (SameNameSpelling) and so are their first names (or one is the
  // other's initial). A shared first name alone never merges anything.
  std::vector<int32_t> parent(static_cast<size_t>(nclusters));
  for (int32_t c = 0; c < nclusters; ++c) parent[c] = c;
  {
    // One representative key per multi-word person cluster, bucketed by the
    // surname's first letter to keep the comparison near linear.
    std::map<int32_t, std::string> person_key;
    for (size_t i = 0; i < refs.size(); ++i) {
      if (refs[i].type == EntityType::kPerson && !refs[i].one_word_person &&
          cluster[i] >= 0) {
        person_key.emplace(cluster[i], keys[i]);
      }
    }
    std::unordered_map<char, std::vector<int32_t>> buckets;
    for (const auto& [c, key] : person_key) {
      buckets[LastWord(key)[0]].push_back(c);
    }
    for (auto& [letter, members] : buckets) {
      for (size_t x = 0; x < members.size(); ++x) {
        for (size_t y = x + 1; y < members.size(); ++y) {
          const std::string& a = person_key[members[x]];
          const std::string& b = person_key[members[y]];
          if (!SameNameSpelling(LastWord(a), LastWord(b))) continue;
          const std::string fa = FirstWord(a), fb = FirstWord(b);
          const bool initial =
              (fa.size() == 1 || fb.size() == 1) && fa[0] == fb[0];
          if (!initial && !SameNameSpelling(fa, fb)) continue;
          parent[Find(parent, members[y])] = Find(parent, members[x]);
        }
      }
    }
  }
  // A one-word person name joins the person whose surname it spells, when
  // that is one person (after the merges above).
  {
    // Surname -> person roots, bucketed by first letter.
    std::unordered_map<char, std::vector<std::pair<std::string, int32_t>>>
        surnames;
    for (size_t i = 0; i < refs.size(); ++i) {
      if (refs[i].type != EntityType::kPerson || refs[i].one_word_person ||
          cluster[i] < 0) {
        continue;
      }
      const std::string last = LastWord(keys[i]);
      auto& bucket = surnames[last[0]];
      const std::pair<std::string, int32_t> entry{last,
                                                  Find(parent, cluster[i])};
      if (std::find(bucket.begin(), bucket.end(), entry) == bucket.end()) {
        bucket.push_back(entry);
      }
    }
    // The one person root whose surname `word` spells, or -1.
    auto person_for = [&](const std::string& word) -> int32_t {
      auto b = surnames.find(word[0]);
      if (b == surnames.end()) return -1;
      int32_t found = -1;
      for (const auto& [last, root] : b->second) {
        if (!SameNameSpelling(word, last)) continue;
        const int32_t r = Find(parent, root);
        if (found >= 0 && found != r) return -1;  // ambiguous
        found = r;
      }
      return found;
    };
    const Lexicon& lex = Lexicon::Get();
    for (size_t i = 0; i < refs.size(); ++i) {
      if (keys[i].find(' ') != std::string::npos) continue;
      // A lone word typed as a place or organisation that is no known place
      // or organisation but a person's surname is that person, mistyped.
      if (!refs[i].one_word_person &&
          (refs[i].type == EntityType::kPerson ||
           (lex.Flags(keys[i]) & (kLexLoc | kLexKnownOrg)))) {
        continue;
      }
      if (keys[i].empty()) continue;
      const int32_t root = person_for(keys[i]);
      if (root >= 0) parent[Find(parent, cluster[i])] = root;
    }
  }
  // Other names: the same spelling key ("Kyzylsu" / "Kizilsu") and type.
  {
    std::map<std::pair<int, std::string>, int32_t> by_spelling;
    for (size_t i = 0; i < refs.size(); ++i) {
      if (refs[i].type == EntityType::kPerson || keys[i].size() < 5) continue;
      std::string spelled;
      size_t from = 0;
      while (from <= keys[i].size()) {
        size_t sp = keys[i].find(' ', from);
        if (sp == std::string::npos) sp = keys[i].size();
        if (!spelled.empty()) spelled += ' ';
        spelled +=
            SpellingKey(std::string_view(keys[i]).substr(from, sp - from));
        from = sp + 1;
      }
      auto [it, fresh] = by_spelling.emplace(
          std::make_pair(static_cast<int>(refs[i].type), spelled),
          Find(parent, cluster[i]));
      if (!fresh) parent[Find(parent, cluster[i])] = Find(parent, it->second);
    }
  }
  // The same name with different types in different documents (a country
  // that "said" something tagged ORG, a place tagged PERSON once): a
  // cluster with under a third of the name's mentions joins the cluster of
  // that name with the most mentions. Multi-word person names keep their
  // own cluster.
  {
    std::unordered_map<std::string, std::vector<size_t>> refs_by_name;
    for (size_t i = 0; i < refs.size(); ++i) refs_by_name[keys[i]].push_back(i);
    for (auto& [key, members] : refs_by_name) {
      std::map<int32_t, size_t> roots;
      for (size_t i : members) {
        roots[Find(parent, cluster[i])] += refs[i].mentions.size();
      }
      if (roots.size() < 2) continue;
      size_t total = 0;
      int32_t best = -1;
      size_t best_n = 0;
      for (const auto& [root, n] : roots) {
        total += n;
        if (n > best_n) {
          best = root;
          best_n = n;
        }
      }
      for (const auto& [root, n] : roots) {
        if (root == best || n * 3 >= total) continue;
        bool full_person = false;
        for (size_t i : members) {
          full_person = full_person || (Find(parent, cluster[i]) == root &&
                                        refs[i].type == EntityType::kPerson &&
                                        !refs[i].one_word_person);
        }
        if (!full_person) parent[Find(parent, root)] = Find(parent, best);
      }
    }
  }
  // An acronym ("FNA", "F.N.A.") joins the organisation or place whose
  // name it abbreviates ("the Freeland News Agency") when exactly one
  // cluster of the same document has a name with those initials.
  {
    std::map<std::pair<uint32_t, std::string>, int32_t> by_initials;
    for (size_t i = 0; i < refs.size(); ++i) {
      if (refs[i].type == EntityType::kPerson || cluster[i] < 0) continue;
      const std::string initials = Initials(refs[i].full);
      if (initials.size() < 2) continue;
      auto [it, fresh] = by_initials.emplace(
          std::make_pair(refs[i].doc, initials), Find(parent, cluster[i]));
      // -1 (ambiguous) stays so; it is no cluster and must not reach Find.
      if (!fresh && it->second >= 0 &&
          Find(parent, it->second) != Find(parent, cluster[i])) {
        it->second = -1;  // two candidates: ambiguous
      }
    }
    for (size_t i = 0; i < refs.size(); ++i) {
      if (refs[i].type == EntityType::kPerson || cluster[i] < 0) continue;
      const std::string acronym = AcronymLetters(refs[i].full);
      if (acronym.empty()) continue;
      auto it = by_initials.find(std::make_pair(refs[i].doc, acronym));
      if (it == by_initials.end() || it->second < 0) continue;
      parent[Find(parent, cluster[i])] = Find(parent, it->second);
    }
  }
  // The knowledge base: each cluster's names must all point to one record
  // of a compatible type; clusters pointing to the same record merge.
  std::vector<int64_t> kb_of(static_cast<size_t>(nclusters), -1);
  if (kb_ != nullptr) {
    std::vector<int64_t> found(static_cast<size_t>(nclusters),
                               -1);  // -2: conflict
    // Lookups by (person?, name), cached: a large corpus repeats names.
    std::unordered_map<std::string, int64_t> cache;
    for (size_t i = 0; i < refs.size(); ++i) {
      const int32_t root = Find(parent, cluster[i]);
      if (found[root] == -2) continue;
      // A MISC name ("UK" in "UK Prime Minister") links only to a place.
      const bool misc = refs[i].type == EntityType::kMisc;
      std::string cache_key = (refs[i].type == EntityType::kPerson ? "P|"
                               : misc                              ? "M|"
                                                                   : "O|") +
                              refs[i].full;
      auto cached = cache.find(cache_key);
      int64_t pick = -1;
      if (cached != cache.end()) {
        pick = cached->second;
      } else {
        std::span<const kb::EntityIndex> hits = kb_->Lookup(refs[i].full);
        for (kb::EntityIndex h : hits) {
          const kb::EntityType t = kb_->entity(h).type;
          const bool person = refs[i].type == EntityType::kPerson;
          const bool ok =
              person ? t == kb::EntityType::kPerson
              : misc ? t == kb::EntityType::kLoc
                     : (t == kb::EntityType::kLoc || t == kb::EntityType::kOrg);
          if (!ok) continue;
          if (pick >= 0 && pick != static_cast<int64_t>(h)) {
            pick = -2;  // ambiguous
            break;
          }
          pick = h;
        }
        cache.emplace(std::move(cache_key), pick);
      }
      if (pick == -1) continue;
      if (pick == -2 || (found[root] >= 0 && found[root] != pick)) {
        found[root] = -2;
        continue;
      }
      found[root] = pick;
    }
    std::unordered_map<int64_t, int32_t> root_of_kb;
    for (int32_t c = 0; c < nclusters; ++c) {
      if (Find(parent, c) != c || found[c] < 0) continue;
      auto [it, fresh] = root_of_kb.emplace(found[c], c);
      if (!fresh) parent[Find(parent, c)] = Find(parent, it->second);
    }
    for (int32_t c = 0; c < nclusters; ++c) {
      if (found[c] >= 0) kb_of[Find(parent, c)] = found[c];
    }
  }
  for (size_t i = 0; i < refs.size(); ++i) {
    cluster[i] = Find(parent, cluster[i]);
  }

  // Entities in order of first appearance (refs are sorted).
  std::vector<int32_t> entity_of(static_cast<size_t>(nclusters), -1);
  std::vector<Entity>& entities = corpus.entities;
  entities.clear();
  std::vector<std::vector<size_t>> members;
  for (size_t i = 0; i < refs.size(); ++i) {
    int32_t& e = entity_of[cluster[i]];
    if (e < 0) {
      e = static_cast<int32_t>(entities.size());
      entities.emplace_back();
      entities.back().id = "e" + std::to_string(entities.size());
      entities.back().type = refs[i].type;
      members.emplace_back();
    }
    members[e].push_back(i);
  }
  // An entity's type: the majority over its mentions (ties: the type of the
  // earliest referent, then PERSON, ORG, LOC, MISC order).
  for (size_t e = 0; e < entities.size(); ++e) {
    size_t votes[4] = {0, 0, 0, 0};
    for (size_t i : members[e]) {
      for (int t = 0; t < 4; ++t) votes[t] += refs[i].type_votes[t];
    }
    int best = static_cast<int>(refs[members[e][0]].type);
    for (int t = 0; t < 4; ++t) {
      if (votes[t] > votes[best]) best = t;
    }
    entities[e].type = static_cast<EntityType>(best);
    const int64_t k = kb_of[cluster[members[e][0]]];
    if (k >= 0) {
      const kb::Entity& ke = kb_->entity(static_cast<kb::EntityIndex>(k));
      entities[e].kb = ke.id;
      entities[e].kb_name = ke.name;
      entities[e].type = static_cast<EntityType>(static_cast<int>(ke.type));
    }
  }
  for (size_t e = 0; e < entities.size(); ++e) {
    Entity& ent = entities[e];
    for (size_t i : members[e]) {
      const Referent& r = refs[i];
      for (size_t k = 0; k < r.mentions.size(); ++k) {
        ent.mentions.push_back({r.doc, r.mentions[k]});
        corpus.documents[r.doc].layers().mentions[r.mentions[k]].entity =
            static_cast<int32_t>(e);
      }
    }
    std::sort(ent.mentions.begin(), ent.mentions.end(),
              [](const MentionRef& a, const MentionRef& b) {
                return std::tie(a.doc, a.mention) < std::tie(b.doc, b.mention);
              });
    // Form -> (count, first appearance), forms in mention order.
    std::map<std::string, std::pair<size_t, size_t>> counts;
    size_t order = 0;
    for (size_t i : members[e]) {
      const Referent& r = refs[i];
      for (const std::string& form : r.forms) {
        auto [it, fresh] = counts.emplace(form, std::make_pair(0, order++));
        it->second.first++;
      }
    }
    // Longest form, then most frequent, then first seen: deterministic.
    const std::string* best = nullptr;
    size_t best_len = 0, best_count = 0, best_first = 0;
    for (const auto& [form, cf] : counts) {
      const size_t len = CodePoints(form);
      if (best == nullptr || len > best_len ||
          (len == best_len &&
           (cf.first > best_count ||
            (cf.first == best_count && cf.second < best_first)))) {
        best = &form;
        best_len = len;
        best_count = cf.first;
        best_first = cf.second;
      }
    }
    if (best != nullptr) ent.name = *best;
    // Roles as the texts state them, once each (case-insensitive), in
    // order of first appearance.
    std::vector<std::string> seen;
    for (size_t i : members[e]) {
      for (const std::string& role : refs[i].roles) {
        std::string t = role;
        // Honorifics are not roles: "Mr.", "Prime Minister Sir".
        for (bool again = true; again;) {
          again = false;
          while (!t.empty() && (t.back() == ' ' || t.back() == ','))
            t.pop_back();
          for (std::string_view h : {"Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms",
                                     "Sir", "Dame", "Madam"}) {
            if (t.size() >= h.size() &&
                t.compare(t.size() - h.size(), h.size(), h) == 0 &&
                (t.size() == h.size() || t[t.size() - h.size() - 1] == ' ')) {
              t.resize(t.size() - h.size());
              again = true;
              break;
            }
          }
        }
        std::string low = NameKey(t);
        if (t.empty() || low == "the" ||
            std::find(seen.begin(), seen.end(), low) != seen.end()) {
          continue;
        }
        seen.push_back(low);
        ent.roles.push_back(t);
      }
    }
    for (const auto& [form, cf] : counts) {
      if (form != ent.name) ent.aliases.push_back(form);
    }
  }
  return Status::Ok();
}

}  // namespace dossier
