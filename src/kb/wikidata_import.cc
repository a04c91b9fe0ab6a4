#include "kb/wikidata_import.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "kb/fold.h"

namespace dossier::kb {
namespace {

using rapidjson::Value;

// P31 classes. Direct instance-of only (no subclass reasoning).
constexpr std::string_view kHuman = "Q5";
constexpr std::string_view kLocClasses[] = {
    "Q6256",     // country
    "Q3624078",  // sovereign state
};
constexpr std::string_view kOrgClasses[] = {
    "Q43229",   // organization
    "Q484652",  // international organization
    "Q245065",  // intergovernmental organization
    "Q7278",    // political party
    "Q327333",  // government agency
    "Q1127126",  // military alliance
    "Q4830453",  // business
    "Q783794",  // company
};
// Items typed as positions; their labels are kept even without P1001.
constexpr std::string_view kPositionClasses[] = {
    "Q4164871",  // position
    "Q294414",   // public office
};

struct Position {
  std::string position;  // QID of the office
  std::string of;        // P642 qualifier QID
  std::string from, to;  // ISO (partial) dates
};

struct Item {
  std::string qid;
  std::string label;
  std::vector<std::string> aliases;
  EntityType type = EntityType::kMisc;
  std::string iso;                       // P297
  std::vector<std::string> citizenship;  // P27 QIDs
  std::vector<Position> positions;       // P39
};

struct PositionInfo {
  std::string label;
  std::string jurisdiction;  // P1001 QID
};

template <size_t N>
bool In(std::string_view q, const std::string_view (&set)[N]) {
  return std::find(std::begin(set), std::end(set), q) != std::end(set);
}

std::string_view Str(const Value& v) {
  return v.IsString() ? std::string_view(v.GetString(), v.GetStringLength())
                      : std::string_view();
}

// The claims of property `p` that are not deprecated.
std::vector<const Value*> Claims(const Value& entity, const char* p) {
  std::vector<const Value*> out;
  auto claims = entity.FindMember("claims");
  if (claims == entity.MemberEnd() || !claims->value.IsObject()) return out;
  auto list = claims->value.FindMember(p);
  if (list == claims->value.MemberEnd() || !list->value.IsArray()) return out;
  for (const Value& c : list->value.GetArray()) {
    if (!c.IsObject()) continue;
    auto rank = c.FindMember("rank");
    if (rank != c.MemberEnd() && Str(rank->value) == "deprecated") continue;
    out.push_back(&c);
  }
  return out;
}

// The datavalue.value of a snak, or null.
const Value* SnakValue(const Value& snak) {
  if (!snak.IsObject()) return nullptr;
  auto dv = snak.FindMember("datavalue");
  if (dv == snak.MemberEnd() || !dv->value.IsObject()) return nullptr;
  auto v = dv->value.FindMember("value");
  if (v == dv->value.MemberEnd()) return nullptr;
  return &v->value;
}

const Value* MainValue(const Value& claim) {
  auto m = claim.FindMember("mainsnak");
  return m == claim.MemberEnd() ? nullptr : SnakValue(m->value);
}

std::string EntityIdOf(const Value* v) {
  if (v == nullptr || !v->IsObject()) return "";
  auto id = v->FindMember("id");
  if (id != v->MemberEnd() && id->value.IsString()) {
    return std::string(Str(id->value));
  }
  auto num = v->FindMember("numeric-id");
  if (num != v->MemberEnd() && num->value.IsUint64()) {
    return "Q" + std::to_string(num->value.GetUint64());
  }
  return "";
}

// "+2019-05-20T00:00:00Z" with precision 11/10/9 -> "2019-05-20", "2019-05",
// "2019"; "" when BCE, coarser or malformed.
std::string TimeOf(const Value* v) {
  if (v == nullptr || !v->IsObject()) return "";
  auto t = v->FindMember("time");
  auto p = v->FindMember("precision");
  if (t == v->MemberEnd() || !t->value.IsString()) return "";
  int precision = 11;
  if (p != v->MemberEnd() && p->value.IsInt()) precision = p->value.GetInt();
  std::string_view s = Str(t->value);
  if (s.empty() || s[0] != '+') return "";
  s.remove_prefix(1);
  size_t dash = s.find('-');
  if (dash == std::string_view::npos || dash > 4 || s.size() < dash + 6) {
    return "";
  }
  std::string year(dash < 4 ? 4 - dash : 0, '0');
  year.append(s.substr(0, dash));
  std::string out;
  if (precision >= 11) {
    out = year + "-" + std::string(s.substr(dash + 1, 5));
  } else if (precision == 10) {
    out = year + "-" + std::string(s.substr(dash + 1, 2));
  } else if (precision == 9) {
    out = year;
  } else {
    return "";
  }
  return Date::Parse(out) ? out : "";
}

const Value* FirstQualifier(const Value& claim, const char* p) {
  auto q = claim.FindMember("qualifiers");
  if (q == claim.MemberEnd() || !q->value.IsObject()) return nullptr;
  auto list = q->value.FindMember(p);
  if (list == q->value.MemberEnd() || !list->value.IsArray()) return nullptr;
  for (const Value& snak : list->value.GetArray()) {
    if (const Value* v = SnakValue(snak)) return v;
  }
  return nullptr;
}

std::string LangString(const Value& entity, const char* field,
                       const std::string& lang) {
  auto f = entity.FindMember(field);
  if (f == entity.MemberEnd() || !f->value.IsObject()) return "";
  auto l = f->value.FindMember(lang.c_str());
  if (l == f->value.MemberEnd() || !l->value.IsObject()) return "";
  auto v = l->value.FindMember("value");
  return v == l->value.MemberEnd() ? "" : std::string(Str(v->value));
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// "President of Ukraine" minus the jurisdiction's names -> "president".
std::string OfficeFromLabel(const std::string& label,
                            const std::vector<std::string>& names) {
  std::string l = Lower(label);
  for (const std::string& raw : names) {
    std::string n = Lower(raw);
    if (n.empty()) continue;
    for (const std::string& suffix : {" of the " + n, " of " + n}) {
      if (l.size() > suffix.size() &&
          l.compare(l.size() - suffix.size(), suffix.size(), suffix) == 0) {
        return l.substr(0, l.size() - suffix.size());
      }
    }
    for (const std::string& prefix : {n + "'s ", n + " "}) {
      if (l.size() > prefix.size() && l.compare(0, prefix.size(), prefix) == 0) {
        return l.substr(prefix.size());
      }
    }
  }
  return l;
}

class Importer {
 public:
  explicit Importer(const WikidataImportOptions& options) : opt_(options) {
    for (const std::string& c : opt_.org_classes) extra_org_.insert(c);
    for (const std::string& c : opt_.loc_classes) extra_loc_.insert(c);
  }

  Status AddLine(std::string_view line, const std::string& where) {
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r' ||
                             line.back() == ' ' || line.back() == ',')) {
      line.remove_suffix(1);
    }
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos) return Status::Ok();
    line.remove_prefix(first);
    if (line == "[" || line == "]") return Status::Ok();
    rapidjson::Document doc;
    doc.Parse(line.data(), line.size());
    if (doc.HasParseError() || !doc.IsObject()) {
      std::string why = doc.HasParseError()
                            ? rapidjson::GetParseError_En(doc.GetParseError())
                            : "not a JSON object";
      return Status(ErrorCode::kMalformedJson, where + ": " + why);
    }
    ++stats_.lines;
    auto id = doc.FindMember("id");
    if (id == doc.MemberEnd() || !id->value.IsString()) return Status::Ok();
    std::string qid(Str(id->value));
    if (qid.empty() || qid[0] != 'Q') return Status::Ok();  // properties
    Read(doc, qid);
    return Status::Ok();
  }

  Status Write(std::string* out) {
    rapidjson::StringBuffer buf;
    {
      rapidjson::Writer<rapidjson::StringBuffer> w(buf);
      w.StartObject();
      w.Key("meta");
      w.StartObject();
      w.Key("description");
      w.String("imported from a Wikidata JSON dump by dossier kb "
               "import-wikidata");
      w.Key("license");
      w.String("CC0 (Wikidata)");
      w.EndObject();
      w.EndObject();
    }
    out->append(buf.GetString(), buf.GetSize());
    out->push_back('\n');
    for (const Item& item : items_) {
      buf.Clear();
      rapidjson::Writer<rapidjson::StringBuffer> w(buf);
      WriteItem(item, w);
      out->append(buf.GetString(), buf.GetSize());
      out->push_back('\n');
    }
    return Status::Ok();
  }

  const WikidataImportStats& stats() const { return stats_; }

 private:
  void Read(const Value& doc, const std::string& qid) {
    std::vector<std::string> classes;
    for (const Value* c : Claims(doc, "P31")) {
      std::string cls = EntityIdOf(MainValue(*c));
      if (!cls.empty()) classes.push_back(cls);
    }
    std::optional<EntityType> type;
    bool position = false;
    for (const std::string& c : classes) {
      if (c == kHuman) type = EntityType::kPerson;
      if (!type && (In(c, kLocClasses) || extra_loc_.count(c))) {
        type = EntityType::kLoc;
      }
      if (!type && (In(c, kOrgClasses) || extra_org_.count(c))) {
        type = EntityType::kOrg;
      }
      if (In(c, kPositionClasses)) position = true;
    }
    std::string label = LangString(doc, "labels", opt_.language);
    // Positions: keep the label and jurisdiction for office names.
    std::vector<const Value*> p1001 = Claims(doc, "P1001");
    if (position || !p1001.empty()) {
      PositionInfo info;
      info.label = label;
      if (!p1001.empty()) info.jurisdiction = EntityIdOf(MainValue(*p1001[0]));
      positions_[qid] = std::move(info);
    }
    if (!type) return;
    if (label.empty()) return;  // no name in this language
    Item item;
    item.qid = qid;
    item.label = label;
    item.type = *type;
    auto aliases = doc.FindMember("aliases");
    if (aliases != doc.MemberEnd() && aliases->value.IsObject()) {
      auto l = aliases->value.FindMember(opt_.language.c_str());
      if (l != aliases->value.MemberEnd() && l->value.IsArray()) {
        for (const Value& a : l->value.GetArray()) {
          if (!a.IsObject()) continue;
          auto v = a.FindMember("value");
          if (v != a.MemberEnd() && v->value.IsString()) {
            item.aliases.emplace_back(Str(v->value));
          }
        }
      }
    }
    for (const Value* c : Claims(doc, "P297")) {
      const Value* v = MainValue(*c);
      if (v != nullptr && v->IsString() && v->GetStringLength() == 2) {
        item.iso = std::string(Str(*v));
        break;
      }
    }
    for (const Value* c : Claims(doc, "P27")) {
      std::string q = EntityIdOf(MainValue(*c));
      if (!q.empty()) item.citizenship.push_back(q);
    }
    for (const Value* c : Claims(doc, "P39")) {
      Position p;
      p.position = EntityIdOf(MainValue(*c));
      if (p.position.empty()) continue;
      p.of = EntityIdOf(FirstQualifier(*c, "P642"));
      p.from = TimeOf(FirstQualifier(*c, "P580"));
      p.to = TimeOf(FirstQualifier(*c, "P582"));
      item.positions.push_back(std::move(p));
    }
    if (item.type == EntityType::kPerson && opt_.people_need_position &&
        item.positions.empty()) {
      return;
    }
    if (opt_.known != nullptr && opt_.skip_known &&
        opt_.known->FindByWikidata(qid)) {
      ++stats_.skipped_known;
      return;
    }
    written_[qid] = items_.size();
    items_.push_back(std::move(item));
  }

  // The KB id for a referenced QID, or "" when it will not resolve.
  std::string RefId(const std::string& qid) const {
    if (qid.empty()) return "";
    if (written_.count(qid)) return "wd:" + qid;
    if (opt_.known != nullptr) {
      if (auto e = opt_.known->FindByWikidata(qid)) {
        return opt_.known->entity(*e).id;
      }
    }
    return "";
  }

  // Names of the jurisdiction QID, for stripping from office labels.
  std::vector<std::string> NamesOf(const std::string& qid) const {
    std::vector<std::string> names;
    auto w = written_.find(qid);
    if (w != written_.end()) {
      names.push_back(items_[w->second].label);
      for (const std::string& a : items_[w->second].aliases) names.push_back(a);
    }
    if (opt_.known != nullptr) {
      if (auto e = opt_.known->FindByWikidata(qid)) {
        const Entity& ent = opt_.known->entity(*e);
        names.push_back(ent.name);
        for (const std::string& a : ent.aliases) names.push_back(a);
        for (const std::string& d : ent.demonyms) names.push_back(d);
      }
    }
    auto p = positions_.find(qid);
    if (p != positions_.end() && !p->second.label.empty()) {
      names.push_back(p->second.label);
    }
    // Longest first, so "the United States" wins over "US".
    std::sort(names.begin(), names.end(),
              [](const std::string& a, const std::string& b) {
                return a.size() > b.size();
              });
    return names;
  }

  std::string CountryCode(const std::string& qid) const {
    auto w = written_.find(qid);
    if (w != written_.end() && !items_[w->second].iso.empty()) {
      return items_[w->second].iso;
    }
    if (opt_.known != nullptr) {
      if (auto e = opt_.known->FindByWikidata(qid)) {
        return opt_.known->entity(*e).iso3166;
      }
    }
    return "";
  }

  void WriteItem(const Item& item,
                 rapidjson::Writer<rapidjson::StringBuffer>& w) {
    w.StartObject();
    w.Key("id");
    w.String(("wd:" + item.qid).c_str());
    w.Key("wikidata");
    w.String(item.qid.c_str());
    w.Key("name");
    w.String(item.label.c_str());
    w.Key("type");
    std::string_view type = EntityTypeName(item.type);
    w.String(type.data(), static_cast<rapidjson::SizeType>(type.size()));
    if (!item.aliases.empty()) {
      w.Key("aliases");
      w.StartArray();
      for (const std::string& a : item.aliases) w.String(a.c_str());
      w.EndArray();
    }
    if (item.type == EntityType::kLoc && !item.iso.empty()) {
      w.Key("iso3166");
      w.String(item.iso.c_str());
      w.Key("country");
      w.String(item.iso.c_str());
    }
    if (item.type == EntityType::kPerson) {
      for (const std::string& c : item.citizenship) {
        std::string code = CountryCode(c);
        if (!code.empty()) {
          w.Key("country");
          w.String(code.c_str());
          break;
        }
      }
    }
    switch (item.type) {
      case EntityType::kPerson:
        ++stats_.people;
        break;
      case EntityType::kOrg:
        ++stats_.organisations;
        break;
      default:
        ++stats_.places;
        break;
    }
    if (!item.positions.empty()) {
      w.Key("roles");
      w.StartArray();
      for (const Position& p : item.positions) {
        auto info = positions_.find(p.position);
        std::string label =
            info != positions_.end() ? info->second.label : std::string();
        std::string of_qid = p.of;
        if (of_qid.empty() && info != positions_.end()) {
          of_qid = info->second.jurisdiction;
        }
        std::string of = RefId(of_qid);
        std::string office =
            label.empty() ? p.position
                          : (of.empty() ? Lower(label)
                                        : OfficeFromLabel(label, NamesOf(of_qid)));
        w.StartObject();
        w.Key("office");
        w.String(office.c_str());
        if (!of.empty()) {
          w.Key("of");
          w.String(of.c_str());
        }
        if (!label.empty()) {
          w.Key("title");
          w.String(label.c_str());
        }
        if (!p.from.empty()) {
          w.Key("from");
          w.String(p.from.c_str());
        }
        if (!p.to.empty() && (p.from.empty() || p.from <= p.to)) {
          w.Key("to");
          w.String(p.to.c_str());
        }
        w.Key("note");
        w.String(("wikidata position " + p.position).c_str());
        w.EndObject();
        ++stats_.roles;
      }
      w.EndArray();
    }
    w.EndObject();
  }

  const WikidataImportOptions& opt_;
  std::unordered_set<std::string> extra_org_, extra_loc_;
  std::vector<Item> items_;
  std::unordered_map<std::string, size_t> written_;
  std::unordered_map<std::string, PositionInfo> positions_;
  WikidataImportStats stats_;
};

}  // namespace

StatusOr<WikidataImportStats> ImportWikidata(
    std::string_view name, std::string_view dump, std::string* out,
    const WikidataImportOptions& options) {
  Importer imp(options);
  size_t pos = 0, line_no = 0;
  while (pos < dump.size()) {
    size_t end = dump.find('\n', pos);
    if (end == std::string_view::npos) end = dump.size();
    ++line_no;
    DOSSIER_RETURN_IF_ERROR(imp.AddLine(
        dump.substr(pos, end - pos),
        std::string(name) + ":" + std::to_string(line_no)));
    pos = end + 1;
  }
  out->clear();
  DOSSIER_RETURN_IF_ERROR(imp.Write(out));
  return imp.stats();
}

StatusOr<WikidataImportStats> ImportWikidataFile(
    const std::string& dump_path, const std::string& out_path,
    const WikidataImportOptions& options) {
  gzFile in = dump_path == "-" ? gzdopen(0, "rb")
                               : gzopen(dump_path.c_str(), "rb");
  if (in == nullptr) {
    return Status(ErrorCode::kUnreadable,
                  dump_path + ": cannot open: " + std::strerror(errno));
  }
  gzbuffer(in, 1 << 20);
  Importer imp(options);
  std::string line;
  std::vector<char> buf(1 << 16);
  size_t line_no = 0;
  Status status;
  while (true) {
    char* got = gzgets(in, buf.data(), static_cast<int>(buf.size()));
    if (got == nullptr) {
      int err = 0;
      const char* msg = gzerror(in, &err);
      if (err != Z_OK && err != Z_STREAM_END) {
        status = Status(ErrorCode::kUnreadable,
                        dump_path + ": read error: " + msg);
      }
      break;
    }
    size_t n = std::strlen(got);
    line.append(got, n);
    if (n == 0 || got[n - 1] != '\n') {
      if (!gzeof(in)) continue;  // a long line: read on
    }
    ++line_no;
    status = imp.AddLine(line, dump_path + ":" + std::to_string(line_no));
    line.clear();
    if (!status.ok()) break;
  }
  if (status.ok() && !line.empty()) {
    status = imp.AddLine(line, dump_path + ":" + std::to_string(++line_no));
  }
  gzclose(in);
  if (!status.ok()) return status;
  std::string out;
  DOSSIER_RETURN_IF_ERROR(imp.Write(&out));
  std::FILE* f = std::fopen(out_path.c_str(), "wb");
  if (f == nullptr) {
    return Status(ErrorCode::kWriteFailed,
                  out_path + ": cannot create: " + std::strerror(errno));
  }
  bool ok = std::fwrite(out.data(), 1, out.size(), f) == out.size();
  ok = (std::fclose(f) == 0) && ok;
  if (!ok) return Status(ErrorCode::kWriteFailed, out_path + ": write failed");
  return imp.stats();
}

}  // namespace dossier::kb
