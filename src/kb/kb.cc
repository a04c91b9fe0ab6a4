#include "kb/kb.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <tuple>
#include <utility>

#include "kb/fold.h"
#include "kb/offices.h"

namespace dossier::kb {

// ---------------------------------------------------------------------------
// Small types.

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "PERSON";
    case EntityType::kOrg:
      return "ORG";
    case EntityType::kLoc:
      return "LOC";
    case EntityType::kMisc:
      return "MISC";
  }
  return "MISC";
}

std::optional<EntityType> ParseEntityType(std::string_view name) {
  if (name == "PERSON") return EntityType::kPerson;
  if (name == "ORG") return EntityType::kOrg;
  if (name == "LOC") return EntityType::kLoc;
  if (name == "MISC") return EntityType::kMisc;
  return std::nullopt;
}

std::string_view PrecisionName(Precision p) {
  switch (p) {
    case Precision::kDay:
      return "day";
    case Precision::kMonth:
      return "month";
    case Precision::kYear:
      return "year";
  }
  return "day";
}

namespace {

bool ParseDigits(std::string_view s, int* out) {
  if (s.empty()) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

}  // namespace

std::optional<Date> Date::Parse(std::string_view iso,
                                std::string_view* precision) {
  Date d;
  std::string_view prec = "day";
  if (iso.size() == 10 && iso[4] == '-' && iso[7] == '-') {
    if (!ParseDigits(iso.substr(0, 4), &d.year) ||
        !ParseDigits(iso.substr(5, 2), &d.month) ||
        !ParseDigits(iso.substr(8, 2), &d.day)) {
      return std::nullopt;
    }
  } else if (iso.size() == 7 && iso[4] == '-') {
    if (!ParseDigits(iso.substr(0, 4), &d.year) ||
        !ParseDigits(iso.substr(5, 2), &d.month)) {
      return std::nullopt;
    }
    d.day = 1;
    prec = "month";
  } else if (iso.size() == 4) {
    if (!ParseDigits(iso, &d.year)) return std::nullopt;
    d.month = 1;
    d.day = 1;
    prec = "year";
  } else {
    return std::nullopt;
  }
  if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1 ||
      d.day > DaysInMonth(d.year, d.month)) {
    return std::nullopt;
  }
  if (precision != nullptr) *precision = prec;
  return d;
}

std::string Date::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year % 10000, month % 100,
                day % 100);
  return buf;
}

// ---------------------------------------------------------------------------
// Indexed data.

namespace {

// Sorted keys, each with a run of entity indices in `flat`.
struct KeyIndex {
  std::vector<std::string> keys;
  std::vector<uint32_t> begin;  // keys.size() + 1 offsets into flat
  std::vector<EntityIndex> flat;

  static KeyIndex Build(std::vector<std::pair<std::string, EntityIndex>> v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    KeyIndex idx;
    for (size_t i = 0; i < v.size(); ++i) {
      if (i == 0 || v[i].first != v[i - 1].first) {
        idx.keys.push_back(v[i].first);
        idx.begin.push_back(static_cast<uint32_t>(idx.flat.size()));
      }
      idx.flat.push_back(v[i].second);
    }
    idx.begin.push_back(static_cast<uint32_t>(idx.flat.size()));
    return idx;
  }

  std::span<const EntityIndex> Find(std::string_view key) const {
    auto it = std::lower_bound(keys.begin(), keys.end(), key,
                               [](const std::string& a, std::string_view b) {
                                 return std::string_view(a) < b;
                               });
    if (it == keys.end() || *it != key) return {};
    size_t k = static_cast<size_t>(it - keys.begin());
    return std::span<const EntityIndex>(flat.data() + begin[k],
                                        begin[k + 1] - begin[k]);
  }
};

// Sorted (string -> one entity) map.
struct UniqueIndex {
  std::vector<std::pair<std::string, EntityIndex>> items;

  void Sort() { std::sort(items.begin(), items.end()); }
  std::optional<EntityIndex> Find(std::string_view key) const {
    auto it = std::lower_bound(
        items.begin(), items.end(), key,
        [](const std::pair<std::string, EntityIndex>& a, std::string_view b) {
          return std::string_view(a.first) < b;
        });
    if (it == items.end() || it->first != key) return std::nullopt;
    return it->second;
  }
};

struct OfficeEntry {
  EntityIndex of;
  std::string office_key;
  std::vector<uint32_t> roles;  // by start date
};

bool OfficeLess(const OfficeEntry& e, std::pair<EntityIndex, std::string_view> k) {
  if (e.of != k.first) return e.of < k.first;
  return std::string_view(e.office_key) < k.second;
}

}  // namespace

struct KnowledgeBase::Data {
  std::vector<Entity> entities;
  std::vector<Role> roles;
  KeyIndex names;
  KeyIndex demonyms;
  UniqueIndex ids;
  UniqueIndex wikidata;
  UniqueIndex countries;
  std::vector<OfficeEntry> offices;  // sorted by (of, office_key)
  std::optional<Date> as_of;
};

// ---------------------------------------------------------------------------
// Parsing.

namespace {

using rapidjson::Value;

struct RawRole {
  Role role;
  std::string of_id;
};

struct RawRecord {
  Entity entity;
  std::vector<RawRole> roles;
  size_t file = 0;  // index of the source
};

Status LineError(ErrorCode code, const std::string& where,
                 const std::string& msg) {
  return Status(code, where + ": " + msg);
}

// Reads optional string member `name`; error when present but not a string.
Status GetString(const Value& obj, const char* name, const std::string& where,
                 std::string* out, bool required = false) {
  auto it = obj.FindMember(name);
  if (it == obj.MemberEnd() || it->value.IsNull()) {
    if (required) {
      return LineError(ErrorCode::kMissingField, where,
                       std::string("missing required field \"") + name + "\"");
    }
    return Status::Ok();
  }
  if (!it->value.IsString()) {
    return LineError(ErrorCode::kInvalidArgument, where,
                     std::string("field \"") + name + "\" must be a string");
  }
  out->assign(it->value.GetString(), it->value.GetStringLength());
  if (required && out->empty()) {
    return LineError(ErrorCode::kMissingField, where,
                     std::string("field \"") + name + "\" is empty");
  }
  return Status::Ok();
}

Status GetStringArray(const Value& obj, const char* name,
                      const std::string& where, std::vector<std::string>* out) {
  auto it = obj.FindMember(name);
  if (it == obj.MemberEnd() || it->value.IsNull()) return Status::Ok();
  if (!it->value.IsArray()) {
    return LineError(ErrorCode::kInvalidArgument, where,
                     std::string("field \"") + name +
                         "\" must be an array of strings");
  }
  for (const Value& v : it->value.GetArray()) {
    if (!v.IsString()) {
      return LineError(ErrorCode::kInvalidArgument, where,
                       std::string("field \"") + name +
                           "\" must be an array of strings");
    }
    out->emplace_back(v.GetString(), v.GetStringLength());
  }
  return Status::Ok();
}

Status CheckFields(const Value& obj, std::initializer_list<std::string_view> ok,
                   const std::string& where, std::string_view what) {
  for (auto m = obj.MemberBegin(); m != obj.MemberEnd(); ++m) {
    std::string_view key(m->name.GetString(), m->name.GetStringLength());
    if (std::find(ok.begin(), ok.end(), key) == ok.end()) {
      std::string list;
      for (std::string_view f : ok) {
        if (!list.empty()) list += ", ";
        list += f;
      }
      return LineError(ErrorCode::kInvalidArgument, where,
                       "unknown field \"" + std::string(key) + "\" in " +
                           std::string(what) + " (known: " + list + ")");
    }
  }
  return Status::Ok();
}

bool IsCountryCode(std::string_view s) {
  return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' &&
         s[1] <= 'Z';
}

bool IsQid(std::string_view s) {
  if (s.size() < 2 || s[0] != 'Q') return false;
  for (size_t i = 1; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

std::optional<Precision> ParsePrecision(std::string_view s) {
  if (s == "day") return Precision::kDay;
  if (s == "month") return Precision::kMonth;
  if (s == "year") return Precision::kYear;
  return std::nullopt;
}

Status ParseRoleDate(const Value& obj, const char* name,
                     const std::string& where, std::optional<Date>* out,
                     Precision* precision) {
  std::string s;
  DOSSIER_RETURN_IF_ERROR(GetString(obj, name, where, &s));
  if (s.empty()) return Status::Ok();
  std::string_view prec;
  std::optional<Date> d = Date::Parse(s, &prec);
  if (!d) {
    return LineError(ErrorCode::kInvalidArgument, where,
                     std::string("role field \"") + name + "\": \"" + s +
                         "\" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
  }
  *out = d;
  *precision = *ParsePrecision(prec);
  return Status::Ok();
}

Status ParseRole(const Value& v, const std::string& where, size_t n,
                 RawRole* out) {
  std::string rw = where + ": role " + std::to_string(n + 1);
  if (!v.IsObject()) {
    return LineError(ErrorCode::kInvalidArgument, rw, "must be an object");
  }
  DOSSIER_RETURN_IF_ERROR(CheckFields(
      v, {"office", "of", "title", "from", "to", "precision", "note"}, rw,
      "role"));
  Role& r = out->role;
  DOSSIER_RETURN_IF_ERROR(GetString(v, "office", rw, &r.office, true));
  DOSSIER_RETURN_IF_ERROR(GetString(v, "of", rw, &out->of_id));
  DOSSIER_RETURN_IF_ERROR(GetString(v, "title", rw, &r.title));
  DOSSIER_RETURN_IF_ERROR(GetString(v, "note", rw, &r.note));
  DOSSIER_RETURN_IF_ERROR(
      ParseRoleDate(v, "from", rw, &r.from, &r.from_precision));
  DOSSIER_RETURN_IF_ERROR(ParseRoleDate(v, "to", rw, &r.to, &r.to_precision));
  std::string prec;
  DOSSIER_RETURN_IF_ERROR(GetString(v, "precision", rw, &prec));
  if (!prec.empty()) {
    std::optional<Precision> p = ParsePrecision(prec);
    if (!p) {
      return LineError(ErrorCode::kInvalidArgument, rw,
                       "\"precision\" must be \"day\", \"month\" or \"year\"");
    }
    r.from_precision = std::max(r.from_precision, *p);
    r.to_precision = std::max(r.to_precision, *p);
  }
  if (r.from && r.to && *r.to < *r.from) {
    return LineError(ErrorCode::kInvalidArgument, rw,
                     "\"to\" (" + r.to->ToString() + ") is before \"from\" (" +
                         r.from->ToString() + ")");
  }
  std::string folded = FoldKey(r.office);
  if (folded.empty()) {
    return LineError(ErrorCode::kInvalidArgument, rw, "\"office\" is empty");
  }
  std::string_view canonical = CanonicalOffice(folded);
  r.office_key = canonical == kLeaderOffice ? folded : std::string(canonical);
  return Status::Ok();
}

Status ParseEntity(const Value& obj, const std::string& where, RawRecord* out) {
  DOSSIER_RETURN_IF_ERROR(CheckFields(
      obj,
      {"id", "wikidata", "name", "type", "kind", "aliases", "country",
       "iso3166", "demonyms", "leader", "note", "roles"},
      where, "record"));
  Entity& e = out->entity;
  DOSSIER_RETURN_IF_ERROR(GetString(obj, "id", where, &e.id, true));
  DOSSIER_RETURN_IF_ERROR(GetString(obj, "name", where, &e.name, true));
  std::string type;
  DOSSIER_RETURN_IF_ERROR(GetString(obj, "type", where, &type, true));
  std::optional<EntityType> t = ParseEntityType(type);
  if (!t) {
    return LineError(ErrorCode::kInvalidArgument, where,
                     "\"type\" must be PERSON, ORG, LOC or MISC, not \"" +
                         type + "\"");
  }
  e.type = *t;
  DOSSIER_RETURN_IF_ERROR(GetString(obj, "wikidata", where, &e.wikidata));
  if (!e.wikidata.empty() && !IsQid(e.wikidata)) {
    return LineError(ErrorCode::kInvalidArgument, where,
                     "\"wikidata\" must be a QID like \"Q212\", not \"" +
                         e.wikidata + "\"");
  }
  DOSSIER_RETURN_IF_ERROR(GetString(obj, "kind", where, &e.kind));
  DOSSIER_RETURN_IF_ERROR(GetStringArray(obj, "aliases", where, &e.aliases));
  DOSSIER_RETURN_IF_ERROR(GetString(obj, "country", where, &e.country));
  DOSSIER_RETURN_IF_ERROR(GetString(obj, "iso3166", where, &e.iso3166));
  for (const std::string* code : {&e.country, &e.iso3166}) {
    if (!code->empty() && !IsCountryCode(*code)) {
      return LineError(ErrorCode::kInvalidArgument, where,
                       "\"" + *code +
                           "\" is not an ISO 3166-1 alpha-2 code (two "
                           "capital letters)");
    }
  }
  DOSSIER_RETURN_IF_ERROR(
      GetStringArray(obj, "demonyms", where, &e.demonyms));
  DOSSIER_RETURN_IF_ERROR(GetString(obj, "leader", where, &e.leader));
  DOSSIER_RETURN_IF_ERROR(GetString(obj, "note", where, &e.note));
  auto roles = obj.FindMember("roles");
  if (roles != obj.MemberEnd() && !roles->value.IsNull()) {
    if (!roles->value.IsArray()) {
      return LineError(ErrorCode::kInvalidArgument, where,
                       "\"roles\" must be an array of objects");
    }
    for (const Value& v : roles->value.GetArray()) {
      RawRole r;
      DOSSIER_RETURN_IF_ERROR(ParseRole(v, where, out->roles.size(), &r));
      out->roles.push_back(std::move(r));
    }
  }
  e.source = where;
  return Status::Ok();
}

class Loader {
 public:
  Status AddSource(const std::string& name, std::string_view text) {
    size_t file = file_count_++;
    size_t line_no = 0;
    size_t pos = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;  // BOM
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(pos, end - pos);
      pos = end + 1;
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      size_t first = line.find_first_not_of(" \t");
      if (first == std::string_view::npos) continue;
      if (line[first] == '#' || line.substr(first, 2) == "//") continue;
      std::string where = name + ":" + std::to_string(line_no);
      DOSSIER_RETURN_IF_ERROR(AddLine(line, where, file));
    }
    return Status::Ok();
  }

  StatusOr<KnowledgeBase::Data> Finish() {
    KnowledgeBase::Data data;
    data.as_of = as_of_;
    data.entities.reserve(records_.size());
    for (RawRecord& r : records_) data.entities.push_back(std::move(r.entity));
    for (size_t i = 0; i < data.entities.size(); ++i) {
      data.ids.items.emplace_back(data.entities[i].id,
                                  static_cast<EntityIndex>(i));
    }
    data.ids.Sort();
    // Roles: resolve `of`, link to holders.
    for (size_t i = 0; i < records_.size(); ++i) {
      Entity& e = data.entities[i];
      for (RawRole& rr : records_[i].roles) {
        Role role = std::move(rr.role);
        role.holder = static_cast<EntityIndex>(i);
        if (!rr.of_id.empty()) {
          std::optional<EntityIndex> of = data.ids.Find(rr.of_id);
          if (!of) {
            return Status(ErrorCode::kNotFound,
                          e.source + ": role \"" + role.office + "\" of \"" +
                              rr.of_id + "\": no entity has this id");
          }
          role.of = *of;
        }
        e.roles.push_back(static_cast<uint32_t>(data.roles.size()));
        data.roles.push_back(std::move(role));
      }
    }
    // Name, demonym, QID and country indexes.
    std::vector<std::pair<std::string, EntityIndex>> names, demonyms;
    for (size_t i = 0; i < data.entities.size(); ++i) {
      const Entity& e = data.entities[i];
      EntityIndex idx = static_cast<EntityIndex>(i);
      auto add = [&](std::vector<std::pair<std::string, EntityIndex>>& v,
                     const std::string& s) {
        std::string key = FoldKey(s);
        if (!key.empty()) v.emplace_back(std::move(key), idx);
      };
      add(names, e.name);
      for (const std::string& a : e.aliases) add(names, a);
      for (const std::string& d : e.demonyms) add(demonyms, d);
      if (!e.wikidata.empty()) data.wikidata.items.emplace_back(e.wikidata, idx);
      if (!e.iso3166.empty()) data.countries.items.emplace_back(e.iso3166, idx);
    }
    // Keep file order within a key: sort pairs by (key, index).
    data.names = KeyIndex::Build(std::move(names));
    data.demonyms = KeyIndex::Build(std::move(demonyms));
    data.wikidata.Sort();
    data.countries.Sort();
    // Office index.
    std::map<std::pair<EntityIndex, std::string>, std::vector<uint32_t>> by;
    for (size_t r = 0; r < data.roles.size(); ++r) {
      const Role& role = data.roles[r];
      if (role.of == kNoEntity) continue;
      by[{role.of, role.office_key}].push_back(static_cast<uint32_t>(r));
    }
    for (auto& [key, list] : by) {
      std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
        return data.roles[a].from.value_or(Date{}) <
               data.roles[b].from.value_or(Date{});
      });
      data.offices.push_back(OfficeEntry{key.first, key.second, list});
    }
    return data;
  }

 private:
  Status AddLine(std::string_view line, const std::string& where,
                 size_t file) {
    rapidjson::Document doc;
    doc.Parse(line.data(), line.size());
    if (doc.HasParseError()) {
      return LineError(
          ErrorCode::kMalformedJson, where,
          std::string("column ") + std::to_string(doc.GetErrorOffset() + 1) +
              ": " + rapidjson::GetParseError_En(doc.GetParseError()));
    }
    if (!doc.IsObject()) {
      return LineError(ErrorCode::kMalformedJson, where,
                       "a record must be a JSON object");
    }
    auto meta = doc.FindMember("meta");
    if (meta != doc.MemberEnd()) {
      if (doc.MemberCount() != 1 || !meta->value.IsObject()) {
        return LineError(ErrorCode::kInvalidArgument, where,
                         "a meta record is {\"meta\": {...}} alone");
      }
      DOSSIER_RETURN_IF_ERROR(CheckFields(
          meta->value, {"as_of", "description", "license", "note"}, where,
          "meta"));
      std::string as_of;
      DOSSIER_RETURN_IF_ERROR(GetString(meta->value, "as_of", where, &as_of));
      if (!as_of.empty()) {
        std::optional<Date> d = Date::Parse(as_of);
        if (!d) {
          return LineError(ErrorCode::kInvalidArgument, where,
                           "\"as_of\" is not a date: \"" + as_of + "\"");
        }
        if (!as_of_ || *as_of_ < *d) as_of_ = d;
      }
      return Status::Ok();
    }
    RawRecord rec;
    rec.file = file;
    DOSSIER_RETURN_IF_ERROR(ParseEntity(doc, where, &rec));
    auto [it, fresh] = by_id_.emplace(rec.entity.id, records_.size());
    if (fresh) {
      records_.push_back(std::move(rec));
      return Status::Ok();
    }
    RawRecord& old = records_[it->second];
    if (old.file == file) {
      return LineError(ErrorCode::kInvalidArgument, where,
                       "duplicate id \"" + rec.entity.id + "\" (first at " +
                           old.entity.source + ")");
    }
    old = std::move(rec);  // a later file replaces the record in place
    return Status::Ok();
  }

  size_t file_count_ = 0;
  std::vector<RawRecord> records_;
  std::map<std::string, size_t, std::less<>> by_id_;
  std::optional<Date> as_of_;
};

StatusOr<std::string> ReadFile(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    return Status(ErrorCode::kUnreadable,
                  path + ": cannot open: " + std::strerror(errno));
  }
  std::string data;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) {
    return Status(ErrorCode::kUnreadable, path + ": read error");
  }
  return data;
}

}  // namespace

// ---------------------------------------------------------------------------
// KnowledgeBase.

KnowledgeBase::KnowledgeBase() : data_(std::make_shared<const Data>()) {}

KnowledgeBase::KnowledgeBase(std::shared_ptr<const Data> data)
    : data_(std::move(data)) {}

StatusOr<KnowledgeBase> KnowledgeBase::Load(
    const std::vector<std::string>& paths) {
  Loader loader;
  for (const std::string& path : paths) {
    StatusOr<std::string> text = ReadFile(path);
    if (!text.ok()) return text.status();
    DOSSIER_RETURN_IF_ERROR(loader.AddSource(path, *text));
  }
  StatusOr<Data> data = loader.Finish();
  if (!data.ok()) return data.status();
  return KnowledgeBase(std::make_shared<const Data>(std::move(data).value()));
}

StatusOr<KnowledgeBase> KnowledgeBase::LoadSources(
    const std::vector<Source>& sources) {
  Loader loader;
  for (const Source& s : sources) {
    DOSSIER_RETURN_IF_ERROR(loader.AddSource(s.name, s.text));
  }
  StatusOr<Data> data = loader.Finish();
  if (!data.ok()) return data.status();
  return KnowledgeBase(std::make_shared<const Data>(std::move(data).value()));
}

std::optional<Date> KnowledgeBase::as_of() const { return data_->as_of; }
size_t KnowledgeBase::size() const { return data_->entities.size(); }
const Entity& KnowledgeBase::entity(EntityIndex i) const {
  return data_->entities[i];
}
std::span<const Entity> KnowledgeBase::entities() const {
  return data_->entities;
}
std::span<const Role> KnowledgeBase::roles() const { return data_->roles; }

std::optional<EntityIndex> KnowledgeBase::FindById(std::string_view id) const {
  return data_->ids.Find(id);
}

std::optional<EntityIndex> KnowledgeBase::FindByWikidata(
    std::string_view qid) const {
  return data_->wikidata.Find(qid);
}

std::optional<EntityIndex> KnowledgeBase::FindCountry(
    std::string_view code) const {
  if (code.size() != 2) return std::nullopt;
  char up[2];
  for (int i = 0; i < 2; ++i) {
    char c = code[i];
    up[i] = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return data_->countries.Find(std::string_view(up, 2));
}

std::span<const EntityIndex> KnowledgeBase::LookupKey(
    std::string_view key) const {
  return data_->names.Find(key);
}

std::span<const EntityIndex> KnowledgeBase::Lookup(
    std::string_view name) const {
  thread_local std::string key;
  FoldKeyTo(name, &key);
  return data_->names.Find(key);
}

std::optional<EntityIndex> KnowledgeBase::CountryOfDemonym(
    std::string_view demonym) const {
  thread_local std::string key;
  FoldKeyTo(demonym, &key);
  std::span<const EntityIndex> hits = data_->demonyms.Find(key);
  if (hits.empty()) return std::nullopt;
  return hits.front();
}

std::vector<const Role*> KnowledgeBase::RolesAt(EntityIndex entity,
                                                const Date& date) const {
  std::vector<const Role*> out;
  if (entity >= data_->entities.size()) return out;
  for (uint32_t r : data_->entities[entity].roles) {
    const Role& role = data_->roles[r];
    if (role.HeldOn(date)) out.push_back(&role);
  }
  std::stable_sort(out.begin(), out.end(), [](const Role* a, const Role* b) {
    return a->from.value_or(Date{}) < b->from.value_or(Date{});
  });
  return out;
}

const std::vector<uint32_t>* KnowledgeBase::OfficeRoles(
    EntityIndex of, std::string_view office_key) const {
  const std::vector<OfficeEntry>& v = data_->offices;
  auto key = std::make_pair(of, office_key);
  auto it = std::lower_bound(v.begin(), v.end(), key, OfficeLess);
  if (it == v.end() || it->of != of || it->office_key != office_key) {
    return nullptr;
  }
  return &it->roles;
}

std::vector<const Role*> KnowledgeBase::History(std::string_view office,
                                                EntityIndex of_entity) const {
  std::vector<const Role*> out;
  std::string key = FoldKey(office);
  const std::vector<uint32_t>* list =
      OfficeRoles(of_entity, CanonicalOffice(key));
  if (list == nullptr) return out;
  for (uint32_t r : *list) out.push_back(&data_->roles[r]);
  return out;
}

std::vector<const Role*> KnowledgeBase::HoldersOf(std::string_view office,
                                                  EntityIndex of_entity,
                                                  const Date& date) const {
  std::vector<const Role*> out;
  thread_local std::string key;
  FoldKeyTo(office, &key);
  const std::vector<uint32_t>* list =
      OfficeRoles(of_entity, CanonicalOffice(key));
  if (list == nullptr) return out;
  for (uint32_t r : *list) {
    if (data_->roles[r].HeldOn(date)) out.push_back(&data_->roles[r]);
  }
  return out;
}

namespace {

bool IsAnyOf(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

std::string_view StripPossessive(std::string_view q) {
  if (q.size() > 2 && q.substr(q.size() - 2) == "'s") {
    q.remove_suffix(2);
  } else if (q.size() > 1 && q.back() == '\'') {
    q.remove_suffix(1);
  }
  if (q.substr(0, 4) == "the ") q.remove_prefix(4);
  return q;
}

}  // namespace

StatusOr<DescriptorMatch> KnowledgeBase::ResolveDescriptor(
    std::string_view descriptor, const Date& date) const {
  std::string folded = FoldKey(descriptor);
  // Words, less articles and time modifiers.
  std::string s;
  size_t pos = 0;
  bool first = true;
  while (pos < folded.size()) {
    size_t end = folded.find(' ', pos);
    if (end == std::string::npos) end = folded.size();
    std::string_view w(folded.data() + pos, end - pos);
    pos = end + 1;
    if (IsAnyOf(w, {"former", "ex", "late"})) {
      return Status(ErrorCode::kUnsupported,
                    "\"" + std::string(descriptor) +
                        "\" names a former holder, not one on a date");
    }
    if (first && (w == "the" || w == "a")) continue;
    first = false;
    if (IsAnyOf(w, {"acting", "interim", "current", "incumbent", "new",
                    "outgoing", "then", "sitting"})) {
      continue;
    }
    if (!s.empty()) s.push_back(' ');
    s.append(w);
  }
  bool office_seen = false;
  for (const OfficePhrase& p : OfficePhrases()) {
    std::string_view sv = s;
    std::string_view qualifiers[2];
    if (sv.size() > p.phrase.size() + 1 &&
        sv.substr(sv.size() - p.phrase.size()) == p.phrase &&
        sv[sv.size() - p.phrase.size() - 1] == ' ') {
      qualifiers[0] = sv.substr(0, sv.size() - p.phrase.size() - 1);
    }
    if (sv.size() > p.phrase.size() + 4 &&
        sv.substr(0, p.phrase.size()) == p.phrase &&
        sv.substr(p.phrase.size(), 4) == " of ") {
      qualifiers[1] = sv.substr(p.phrase.size() + 4);
    }
    if (sv == p.phrase) office_seen = true;
    for (std::string_view q : qualifiers) {
      if (q.empty()) continue;
      office_seen = true;
      q = StripPossessive(q);
      // Candidate entities: by demonym, then by name (not people).
      std::vector<EntityIndex> cands;
      for (EntityIndex e : data_->demonyms.Find(q)) cands.push_back(e);
      for (EntityIndex e : data_->names.Find(q)) {
        if (data_->entities[e].type != EntityType::kPerson &&
            std::find(cands.begin(), cands.end(), e) == cands.end()) {
          cands.push_back(e);
        }
      }
      if (cands.empty()) continue;
      // The office for each candidate; prefer one with recorded holders.
      std::optional<DescriptorMatch> fallback;
      for (EntityIndex e : cands) {
        std::vector<std::string> offices;
        if (p.canonical == kLeaderOffice) {
          if (!data_->entities[e].leader.empty()) {
            std::string folded_leader = FoldKey(data_->entities[e].leader);
            std::string_view c = CanonicalOffice(folded_leader);
            offices.push_back(c == kLeaderOffice ? folded_leader
                                                 : std::string(c));
          } else {
            offices = {"president", "prime minister", "chancellor",
                       "secretary general"};
          }
        } else {
          offices.push_back(std::string(p.canonical));
        }
        for (const std::string& office : offices) {
          const std::vector<uint32_t>* list = OfficeRoles(e, office);
          if (list == nullptr) {
            if (!fallback) fallback = DescriptorMatch{office, e, {}};
            continue;
          }
          DescriptorMatch m{office, e, {}};
          for (uint32_t r : *list) {
            if (data_->roles[r].HeldOn(date)) {
              m.holders.push_back(&data_->roles[r]);
            }
          }
          return m;
        }
      }
      return *fallback;
    }
  }
  if (office_seen) {
    return Status(ErrorCode::kNotFound,
                  "\"" + std::string(descriptor) +
                      "\": no known country or organisation in it");
  }
  return Status(ErrorCode::kNotFound, "\"" + std::string(descriptor) +
                                          "\": no known office in it");
}

}  // namespace dossier::kb
