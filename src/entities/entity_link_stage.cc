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
  std::vector<uint32_t> mentions;  // indexes into the document's mentions
  std::vector<std::string> forms;  // name text of each mention
  int type_votes[4] = {0, 0, 0, 0};   // mentions per EntityType
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
      int& votes = ref.type_votes[static_cast<int>(m.type)];
      ++votes;
      if (votes >= ref.type_votes[static_cast<int>(ref.type)]) ref.type = m.type;
      ref.mentions.push_back(i);
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

std::string LastWord(const std::string& key) {
  size_t sp = key.rfind(' ');
  return sp == std::string::npos ? key : key.substr(sp + 1);
}

}  // namespace

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

std::unique_ptr<CorpusStage::Accumulator> EntityLinkStage::NewAccumulator()
    const {
  return std::make_unique<LinkAccumulator>();
}

Status EntityLinkStage::Finalize(Accumulator& merged, Corpus& corpus) const {
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
    if (entities[e].type == EntityType::kMisc) entities[e].type = refs[i].type;
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
    for (const auto& [form, cf] : counts) {
      if (form != ent.name) ent.aliases.push_back(form);
    }
  }
  return Status::Ok();
}

}  // namespace dossier
