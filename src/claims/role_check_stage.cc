#include "claims/role_check_stage.h"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "kb/builtin.h"
#include "kb/fold.h"
#include "kb/offices.h"

namespace dossier {
namespace {

// The stage needs whole documents at Finalize; accumulators only count.
class NoAccumulator : public CorpusStage::Accumulator {
 public:
  void Consume(uint32_t, const Document&) override {}
  void Merge(Accumulator&&) override {}
};

std::vector<std::string> Words(const std::string& folded) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < folded.size()) {
    size_t end = folded.find(' ', pos);
    if (end == std::string::npos) end = folded.size();
    if (end > pos) out.push_back(folded.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

bool ValidIsoDate(const std::string& v) {
  return v.size() == 10 && v[4] == '-' && v[7] == '-' &&
         kb::Date::Parse(v).has_value();
}

// What a claim says: "former U.S. President" -> former, "president", US.
struct Claim {
  bool former = false;
  std::string office;  // canonical, folded
  kb::EntityIndex of = kb::kNoEntity;
};

Claim ParseClaim(const kb::KnowledgeBase& kb, const std::string& text) {
  Claim c;
  const std::string folded = kb::FoldKey(text);
  std::vector<std::string> words = Words(folded);
  std::string rest;
  for (const std::string& w : words) {
    if (w == "former" || w == "ex") {
      c.former = true;
      continue;
    }
    if (!rest.empty()) rest += ' ';
    rest += w;
  }
  // The longest office phrase inside the claim.
  size_t office_at = std::string::npos, office_len = 0;
  for (const kb::OfficePhrase& p : kb::OfficePhrases()) {
    size_t at = rest.find(p.phrase);
    while (at != std::string::npos) {
      const bool starts = at == 0 || rest[at - 1] == ' ';
      const size_t end = at + p.phrase.size();
      const bool ends = end == rest.size() || rest[end] == ' ';
      if (starts && ends) break;
      at = rest.find(p.phrase, at + 1);
    }
    if (at != std::string::npos && p.phrase.size() > office_len) {
      office_at = at;
      office_len = p.phrase.size();
      c.office = std::string(p.canonical);
    }
  }
  if (c.office.empty() || c.office == kb::kLeaderOffice) {
    c.office.clear();
    return c;
  }
  // A country or organisation among the other words.
  std::string before = rest.substr(0, office_at);
  for (const std::string& w : Words(before)) {
    if (std::optional<kb::EntityIndex> k = kb.CountryOfDemonym(w)) {
      c.of = *k;
      continue;
    }
    for (kb::EntityIndex h : kb.Lookup(w)) {
      const kb::EntityType t = kb.entity(h).type;
      if (t == kb::EntityType::kLoc || t == kb::EntityType::kOrg) {
        c.of = h;
        break;
      }
    }
  }
  return c;
}

std::string HolderNames(const kb::KnowledgeBase& kb,
                        const std::vector<const kb::Role*>& roles) {
  std::string out;
  for (const kb::Role* r : roles) {
    if (!out.empty()) out += ", ";
    out += kb.entity(r->holder).name;
  }
  return out;
}

}  // namespace

RoleCheckStage::RoleCheckStage(std::shared_ptr<const kb::KnowledgeBase> kb) {
  if (kb != nullptr) {
    kb_ = std::move(kb);
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

std::unique_ptr<CorpusStage::Accumulator> RoleCheckStage::NewAccumulator()
    const {
  return std::make_unique<NoAccumulator>();
}

Status RoleCheckStage::Finalize(Accumulator&, Corpus& corpus) const {
  if (!kb_status_.ok()) return kb_status_;
  const kb::KnowledgeBase& kb = *kb_;
  corpus.findings.clear();

  // The run's median publication date, for undated documents.
  std::vector<std::string> dates;
  for (const Document& d : corpus.documents) {
    if (ValidIsoDate(d.meta().published)) dates.push_back(d.meta().published);
  }
  std::sort(dates.begin(), dates.end());
  const std::string corpus_date =
      dates.empty() ? "" : dates[(dates.size() - 1) / 2];

  for (uint32_t di = 0; di < corpus.documents.size(); ++di) {
    const Document& doc = corpus.documents[di];
    const Layers& l = doc.layers();
    const std::string_view text = doc.text();
    std::string date = doc.meta().published, date_how = "published";
    if (!ValidIsoDate(date)) {
      date.clear();
      for (const Timex& t : l.times) {
        if (ValidIsoDate(t.value) && t.value > date) date = t.value;
      }
      date_how = "text";
      if (date.empty()) {
        date = corpus_date;
        date_how = "corpus";
      }
    }
    if (date.empty()) continue;
    const kb::Date on = *kb::Date::Parse(date);
    std::set<std::tuple<int32_t, std::string>> seen;

    for (const Mention& m : l.mentions) {
      if (m.entity < 0 ||
          static_cast<size_t>(m.entity) >= corpus.entities.size()) {
        continue;
      }
      if (m.form != MentionForm::kTitle && m.form != MentionForm::kDescriptor)
        continue;
      const Entity& ent = corpus.entities[m.entity];
      if (ent.kb.rfind("person:", 0) != 0 && ent.kb.rfind("wd:", 0) != 0)
        continue;
      std::optional<kb::EntityIndex> person = kb.FindById(ent.kb);
      if (!person || kb.entity(*person).type != kb::EntityType::kPerson)
        continue;
      if (m.span.end > text.size() || m.name.start > text.size()) continue;

      // The claim: the title (or descriptor) and, for a title, the words
      // right before it that qualify it ("former", a nationality).
      uint32_t start = m.span.start;
      const uint32_t claim_end =
          m.form == MentionForm::kTitle ? m.name.start : m.span.end;
      auto tok = std::lower_bound(
          l.tokens.begin(), l.tokens.end(), start,
          [](const Token& t, uint32_t v) { return t.span.start < v; });
      for (int k = 0; k < 3 && tok != l.tokens.begin(); ++k) {
        const Token& prev = *(tok - 1);
        const std::string w =
            kb::FoldKey(text.substr(prev.span.start, prev.span.size()));
        bool place = false;
        for (kb::EntityIndex h : kb.Lookup(w)) {
          place |= kb.entity(h).type == kb::EntityType::kLoc;
        }
        const bool qualifier = w == "former" || w == "ex" || w == "then" ||
                               kb.CountryOfDemonym(w).has_value() || place;
        if (!qualifier || prev.span.end > start) break;
        start = prev.span.start;
        --tok;
      }
      if (claim_end <= start) continue;
      std::string claim_text(text.substr(start, claim_end - start));
      while (!claim_text.empty() && claim_text.back() == ' ')
        claim_text.pop_back();
      Claim claim = ParseClaim(kb, claim_text);
      if (claim.office.empty()) continue;
      if (!seen.insert({m.entity, kb::FoldKey(claim_text)}).second) continue;

      // The person's recorded terms in that office (of that country).
      std::vector<const kb::Role*> terms;
      for (uint32_t ri : kb.entity(*person).roles) {
        const kb::Role& r = kb.roles()[ri];
        if (r.office_key != claim.office) continue;
        if (claim.of != kb::kNoEntity && r.of != claim.of) continue;
        terms.push_back(&r);
      }
      if (terms.empty()) continue;
      const kb::Role* current = nullptr;
      for (const kb::Role* r : terms) {
        if (r->HeldOn(on)) current = r;
      }
      const kb::Entity& pe = kb.entity(*person);
      auto office_of = [&](const kb::Role& r) {
        std::string s = r.office;
        if (r.of != kb::kNoEntity) s += " of " + kb.entity(r.of).name;
        return s;
      };
      std::string fact;
      if (claim.former && current != nullptr) {
        fact = pe.name + " held the office of " + office_of(*current) + " on " +
               date + " (since " +
               (current->from ? current->from->ToString() : std::string("?")) +
               "): not a former holder";
      } else if (!claim.former && current == nullptr) {
        const kb::Role* last_before = nullptr;
        const kb::Role* first_after = nullptr;
        for (const kb::Role* r : terms) {
          if (r->to && *r->to <= on) last_before = r;
          if (r->from && on < *r->from && first_after == nullptr)
            first_after = r;
        }
        const kb::Role& ref = last_before   ? *last_before
                              : first_after ? *first_after
                                            : *terms.front();
        std::string when;
        if (last_before != nullptr) {
          when = "term ended on " + last_before->to->ToString();
        } else if (first_after != nullptr) {
          when = "took office only on " + first_after->from->ToString();
        } else {
          continue;  // no dated term to compare with
        }
        fact = pe.name + " was not " + office_of(ref) + " on " + date + ": " +
               when;
        if (ref.of != kb::kNoEntity) {
          std::vector<const kb::Role*> holders =
              kb.HoldersOf(ref.office_key, ref.of, on);
          if (!holders.empty())
            fact += "; the office was held by " + HolderNames(kb, holders);
        }
      } else {
        continue;
      }
      Finding f;
      f.kind = "role_conflict";
      f.doc = di;
      f.span = Span{start, m.span.end};
      f.entity = m.entity;
      f.claim = claim_text;
      f.fact = std::move(fact);
      f.kb = pe.id;
      f.date = date;
      f.date_how = date_how;
      const std::string statement(doc.Slice(f.span));
      f.summary = "\"" + statement + "\": " + f.fact;
      f.statements.push_back({di, f.span, claim_text});
      f.score = 2.0;  // a checkable error of fact
      corpus.findings.push_back(std::move(f));
    }
  }
  return Status::Ok();
}

}  // namespace dossier
