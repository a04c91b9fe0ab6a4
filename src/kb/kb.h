// KnowledgeBase: an immutable, indexed set of known entities (people,
// countries, organisations) with aliases, demonyms and dated roles, loaded
// from the JSON Lines files described in kb/README.md (data/kb/*.jsonl and
// the user's own `--kb FILE`).
//
// Contract:
// - Load() reads the files in order. Every error names the file and line
//   ("people.jsonl:12: ..."): malformed JSON (input.malformed_json), a
//   missing required field (input.missing_field), an unknown field, type or
//   invalid date (usage.invalid_argument), a role whose `of` names no entity
//   (usage.not_found), an unreadable file (input.unreadable). A record whose
//   id repeats one from an EARLIER file replaces it (so a user file can
//   correct a built-in record); a repeat within one file is an error.
// - Names, aliases, demonyms and offices are matched by FoldKey (kb/fold.h):
//   case-, diacritic- and script-insensitive. Keys are computed once at load.
// - A role is held on date d when from <= d < to. `to` is the day the term
//   ended (normally the successor's first day), so on a handover day the
//   successor holds the office. A role with no `from` is treated as held on
//   any date before `to`; one with no `to` as still held (as of the data).
// - Results are deterministic: entities keep file order, holders are sorted
//   by start date.
// Thread-safety: a KnowledgeBase is immutable after Load(); all const
// methods may be called concurrently. Copies share the same data (cheap).
// Lookup/LookupKey/FindById/CountryOfDemonym do not allocate for ASCII
// input (a per-thread key buffer is reused).
#ifndef DOSSIER_KB_KB_H_
#define DOSSIER_KB_KB_H_

#include <compare>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace dossier::kb {

enum class EntityType : uint8_t { kPerson, kOrg, kLoc, kMisc };

// "PERSON", "ORG", "LOC", "MISC".
std::string_view EntityTypeName(EntityType type);
std::optional<EntityType> ParseEntityType(std::string_view name);

// A calendar date (proleptic Gregorian). Ordered; {0,0,0} sorts first.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  // "2025-05-15". Also accepts "2025-05" and "2025" (first day; the
  // precision is returned through `precision` when given).
  static std::optional<Date> Parse(std::string_view iso,
                                   std::string_view* precision = nullptr);
  std::string ToString() const;  // "2025-05-15"
  friend auto operator<=>(const Date&, const Date&) = default;
};

// How exact a role date is.
enum class Precision : uint8_t { kDay, kMonth, kYear };
std::string_view PrecisionName(Precision p);  // "day", "month", "year"

using EntityIndex = uint32_t;
inline constexpr EntityIndex kNoEntity = UINT32_MAX;

struct Role {
  EntityIndex holder = kNoEntity;
  std::string office;        // as written ("foreign minister")
  std::string office_key;    // folded canonical office ("foreign minister")
  std::string title;         // local title, optional ("Secretary of State")
  EntityIndex of = kNoEntity;  // the country/organisation, if any
  std::optional<Date> from;
  std::optional<Date> to;    // exclusive; empty = still held
  Precision from_precision = Precision::kDay;
  Precision to_precision = Precision::kDay;
  std::string note;

  bool HeldOn(const Date& d) const {
    return (!from || *from <= d) && (!to || d < *to);
  }
};

struct Entity {
  std::string id;        // "person:vladimir-putin", "country:ua", "org:nato"
  std::string wikidata;  // "Q7747" or empty
  std::string name;      // canonical name
  EntityType type = EntityType::kMisc;
  std::string kind;      // free text: "country", "political party", ...
  std::vector<std::string> aliases;
  std::string country;   // ISO 3166-1 alpha-2 of the person/org/place
  std::string iso3166;   // for a country: its own alpha-2 code
  std::vector<std::string> demonyms;  // "Ukrainian"
  std::string leader;    // office meant by "X leader/chief/head"
  std::string note;
  std::vector<uint32_t> roles;  // indices into KnowledgeBase::roles()
  std::string source;    // "people.jsonl:12"
};

// A descriptor such as "the Ukrainian president" resolved on a date.
struct DescriptorMatch {
  std::string office;        // folded canonical office ("president")
  EntityIndex of = kNoEntity;  // the country/organisation ("country:ua")
  std::vector<const Role*> holders;  // holders on the date (usually one)
};

class KnowledgeBase {
 public:
  // An empty knowledge base.
  KnowledgeBase();

  // Loads the JSON Lines files `paths`, in order.
  static StatusOr<KnowledgeBase> Load(const std::vector<std::string>& paths);

  // Loads in-memory sources: pairs of (name used in errors, text).
  struct Source {
    std::string name;
    std::string text;
  };
  static StatusOr<KnowledgeBase> LoadSources(const std::vector<Source>& sources);

  // The data's "as of" date from a meta record (latest of all files), if any.
  std::optional<Date> as_of() const;

  size_t size() const;
  const Entity& entity(EntityIndex i) const;
  std::span<const Entity> entities() const;
  std::span<const Role> roles() const;

  // By id ("country:ua"); nullopt when unknown.
  std::optional<EntityIndex> FindById(std::string_view id) const;
  // By Wikidata QID ("Q212"); nullopt when unknown.
  std::optional<EntityIndex> FindByWikidata(std::string_view qid) const;
  // The country entity with ISO alpha-2 `code` ("UA", case-insensitive).
  std::optional<EntityIndex> FindCountry(std::string_view code) const;

  // Entities whose name or an alias folds like `name` ("Erdogan",
  // "ZELENSKY"), in file order. Empty when none; several when ambiguous.
  std::span<const EntityIndex> Lookup(std::string_view name) const;
  // The same for an already folded key (FoldKey).
  std::span<const EntityIndex> LookupKey(std::string_view key) const;

  // The country (or other entity) whose demonym folds like `demonym`
  // ("Ukrainian" -> country:ua).
  std::optional<EntityIndex> CountryOfDemonym(std::string_view demonym) const;

  // The roles `entity` held on `date`, by start date.
  std::vector<const Role*> RolesAt(EntityIndex entity, const Date& date) const;

  // The holders of `office` (any phrasing: "Defense Secretary") of
  // `of_entity` on `date`, by start date. Usually one; empty when unknown.
  std::vector<const Role*> HoldersOf(std::string_view office,
                                     EntityIndex of_entity,
                                     const Date& date) const;
  // Every role ever recorded for `office` of `of_entity`, by start date.
  std::vector<const Role*> History(std::string_view office,
                                   EntityIndex of_entity) const;

  // Resolves a descriptor naming an office and a country or organisation:
  // "the Ukrainian president", "Russian Foreign Minister", "Russia's defence
  // minister", "US Secretary of State", "President of France", "NATO
  // chief", "the Kremlin spokesman". Modifiers "acting", "interim",
  // "current", "incumbent", "new", "outgoing" are ignored. Errors:
  // usage.not_found when the text names no known office or no known country
  // or organisation; usage.unsupported for "former"/"ex-"/"late"
  // (which name no single holder). A resolved descriptor with nobody known
  // on `date` is returned with empty `holders`.
  StatusOr<DescriptorMatch> ResolveDescriptor(std::string_view descriptor,
                                              const Date& date) const;

  struct Data;  // implementation detail (kb.cc)

 private:
  explicit KnowledgeBase(std::shared_ptr<const Data> data);
  const std::vector<uint32_t>* OfficeRoles(EntityIndex of,
                                           std::string_view office_key) const;

  std::shared_ptr<const Data> data_;
};

}  // namespace dossier::kb

#endif  // DOSSIER_KB_KB_H_
