#include "kb/kb.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "kb/fold.h"

namespace dossier::kb {
namespace {

// Invented countries, organisations and people (not real facts).
constexpr char kTestKb[] = R"(# A test knowledge base.
{"meta": {"as_of": "2025-06-30", "description": "invented test data"}}
{"id": "country:nl-test", "name": "Norland", "type": "LOC", "kind": "country", "iso3166": "NR", "aliases": ["Republic of Norland", "NRL"], "demonyms": ["Norlandic", "Norlander"], "leader": "president"}
{"id": "country:vs", "name": "Vestria", "type": "LOC", "kind": "country", "iso3166": "VS", "aliases": ["Vestrian Federation"], "demonyms": ["Vestrian"], "leader": "prime minister"}
{"id": "org:pact", "name": "Northern Pact", "type": "ORG", "aliases": ["NPO"], "leader": "secretary-general"}
{"id": "org:vs-office", "name": "Vestrian Palace", "type": "ORG", "aliases": ["the Palace"], "country": "VS"}

// People.
{"id": "person:mara-velden", "name": "Mara Velden", "type": "PERSON", "country": "NR", "aliases": ["Velden"], "roles": [{"office": "president", "of": "country:nl-test", "from": "2019-05-20"}, {"office": "foreign minister", "of": "country:nl-test", "from": "2015-01-10", "to": "2019-05-20"}]}
{"id": "person:ivo-kask", "name": "Ivo Kask", "type": "PERSON", "country": "NR", "roles": [{"office": "president", "of": "country:nl-test", "from": "2014-06-07", "to": "2019-05-20"}]}
{"id": "person:recep-ozdemir", "name": "Recep Özdemir", "type": "PERSON", "country": "VS", "aliases": ["Özdemir", "Ozdemir"], "roles": [{"office": "prime minister", "of": "country:vs", "from": "2016-03"}, {"office": "defence minister", "of": "country:vs", "from": "2010", "to": "2016-03", "note": "start year only"}]}
{"id": "person:ana-zelenska", "name": "Ana Zelenskyy", "type": "PERSON", "aliases": ["Zelenskyy", "Zelensky", "Zelenskiy", "Ana Zelensky"], "roles": [{"office": "Secretary-General", "of": "org:pact", "from": "2020-10-01", "to": "2024-10-01"}]}
{"id": "person:tom-berg", "name": "Tom Berg", "type": "PERSON", "roles": [{"office": "secretary general", "of": "org:pact", "from": "2024-10-01"}]}
{"id": "person:lena-dorn", "name": "Lena Dorn", "type": "PERSON", "roles": [{"office": "defense secretary", "title": "Secretary of Defense", "of": "country:vs", "from": "2016-03-02"}, {"office": "spokesperson", "of": "org:vs-office", "from": "2012-01-01", "to": "2016-03-02"}]}
)";

KnowledgeBase LoadTest() {
  StatusOr<KnowledgeBase> kb =
      KnowledgeBase::LoadSources({{"test.jsonl", kTestKb}});
  EXPECT_TRUE(kb.ok()) << kb.status().ToString();
  return kb.ok() ? *kb : KnowledgeBase();
}

Date D(const char* s) { return *Date::Parse(s); }

std::string IdOf(const KnowledgeBase& kb, const Role* r) {
  return r == nullptr ? "" : kb.entity(r->holder).id;
}

TEST(DateTest, ParsesFullAndPartialDates) {
  std::string_view prec;
  ASSERT_TRUE(Date::Parse("2024-02-29", &prec));
  EXPECT_EQ(prec, "day");
  EXPECT_FALSE(Date::Parse("2023-02-29"));
  EXPECT_FALSE(Date::Parse("2023-13-01"));
  EXPECT_FALSE(Date::Parse("2023-1-01"));
  EXPECT_EQ(Date::Parse("2019-05", &prec)->ToString(), "2019-05-01");
  EXPECT_EQ(prec, "month");
  EXPECT_EQ(Date::Parse("2019", &prec)->ToString(), "2019-01-01");
  EXPECT_EQ(prec, "year");
  EXPECT_LT(D("2019-05-19"), D("2019-05-20"));
}

TEST(KnowledgeBaseTest, LoadsRecords) {
  KnowledgeBase kb = LoadTest();
  EXPECT_EQ(kb.size(), 10u);
  EXPECT_EQ(kb.roles().size(), 9u);
  ASSERT_TRUE(kb.as_of());
  EXPECT_EQ(kb.as_of()->ToString(), "2025-06-30");
  auto velden = kb.FindById("person:mara-velden");
  ASSERT_TRUE(velden);
  const Entity& e = kb.entity(*velden);
  EXPECT_EQ(e.name, "Mara Velden");
  EXPECT_EQ(e.type, EntityType::kPerson);
  EXPECT_EQ(e.country, "NR");
  EXPECT_EQ(e.source, "test.jsonl:9");
  EXPECT_EQ(e.roles.size(), 2u);
  EXPECT_FALSE(kb.FindById("person:nobody"));
  EXPECT_EQ(kb.FindCountry("vs"), kb.FindById("country:vs"));
}

TEST(KnowledgeBaseTest, PartialDatesKeepPrecision) {
  KnowledgeBase kb = LoadTest();
  const Entity& e = kb.entity(*kb.FindById("person:recep-ozdemir"));
  const Role& pm = kb.roles()[e.roles[0]];
  EXPECT_EQ(pm.from->ToString(), "2016-03-01");
  EXPECT_EQ(pm.from_precision, Precision::kMonth);
  const Role& dm = kb.roles()[e.roles[1]];
  EXPECT_EQ(dm.from_precision, Precision::kYear);
  EXPECT_EQ(dm.to_precision, Precision::kMonth);
  EXPECT_EQ(dm.note, "start year only");
}

TEST(KnowledgeBaseTest, AliasFoldingIgnoresCaseAndDiacritics) {
  KnowledgeBase kb = LoadTest();
  auto ozdemir = kb.FindById("person:recep-ozdemir");
  for (const char* name : {"Recep Özdemir", "recep ozdemir", "RECEP OZDEMIR",
                           "Özdemir", "ozdemir", "Ozdemir"}) {
    auto hits = kb.Lookup(name);
    ASSERT_EQ(hits.size(), 1u) << name;
    EXPECT_EQ(hits[0], *ozdemir) << name;
  }
  auto zel = kb.FindById("person:ana-zelenska");
  for (const char* name : {"Zelenskyy", "Zelensky", "ZELENSKIY", "ana zelensky",
                           "Ana Zelenskyy"}) {
    auto hits = kb.Lookup(name);
    ASSERT_EQ(hits.size(), 1u) << name;
    EXPECT_EQ(hits[0], *zel) << name;
  }
  EXPECT_TRUE(kb.Lookup("Zelenska").empty());
  EXPECT_EQ(kb.LookupKey("norland").size(), 1u);
  EXPECT_EQ(kb.Lookup("N.R.L.").size(), 1u);
}

TEST(KnowledgeBaseTest, DemonymToCountry) {
  KnowledgeBase kb = LoadTest();
  EXPECT_EQ(kb.CountryOfDemonym("Vestrian"), kb.FindById("country:vs"));
  EXPECT_EQ(kb.CountryOfDemonym("norlander"), kb.FindById("country:nl-test"));
  EXPECT_FALSE(kb.CountryOfDemonym("Martian"));
}

TEST(KnowledgeBaseTest, RolesAtAcrossTermBoundary) {
  KnowledgeBase kb = LoadTest();
  EntityIndex velden = *kb.FindById("person:mara-velden");
  std::vector<const Role*> before = kb.RolesAt(velden, D("2019-05-19"));
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before[0]->office, "foreign minister");
  // `to` is exclusive: on the handover day the new role is held.
  std::vector<const Role*> on = kb.RolesAt(velden, D("2019-05-20"));
  ASSERT_EQ(on.size(), 1u);
  EXPECT_EQ(on[0]->office, "president");
  EXPECT_TRUE(kb.RolesAt(velden, D("2014-12-31")).empty());
  EXPECT_TRUE(kb.RolesAt(kNoEntity, D("2020-01-01")).empty());
}

TEST(KnowledgeBaseTest, HoldersOf) {
  KnowledgeBase kb = LoadTest();
  EntityIndex nr = *kb.FindById("country:nl-test");
  EntityIndex vs = *kb.FindById("country:vs");
  EntityIndex pact = *kb.FindById("org:pact");
  auto h = kb.HoldersOf("president", nr, D("2019-05-19"));
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(IdOf(kb, h[0]), "person:ivo-kask");
  h = kb.HoldersOf("President", nr, D("2025-05-15"));
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(IdOf(kb, h[0]), "person:mara-velden");
  EXPECT_TRUE(kb.HoldersOf("president", nr, D("2010-01-01")).empty());
  // Office phrasings are canonicalized on both sides.
  h = kb.HoldersOf("Secretary of Defense", vs, D("2020-01-01"));
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(IdOf(kb, h[0]), "person:lena-dorn");
  EXPECT_EQ(h[0]->title, "Secretary of Defense");
  h = kb.HoldersOf("defence minister", vs, D("2012-01-01"));
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(IdOf(kb, h[0]), "person:recep-ozdemir");
  h = kb.HoldersOf("secretary-general", pact, D("2024-09-30"));
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(IdOf(kb, h[0]), "person:ana-zelenska");
  EXPECT_EQ(kb.History("Secretary General", pact).size(), 2u);
}

TEST(KnowledgeBaseTest, ResolvesDescriptors) {
  KnowledgeBase kb = LoadTest();
  struct Case {
    const char* descriptor;
    const char* date;
    const char* holder;
  };
  const Case cases[] = {
      {"the Norlandic president", "2025-05-15", "person:mara-velden"},
      {"Norlandic President", "2018-01-01", "person:ivo-kask"},
      {"Norland's foreign minister", "2016-01-01", "person:mara-velden"},
      {"the President of Norland", "2025-05-15", "person:mara-velden"},
      {"President of the Republic of Norland", "2025-05-15",
       "person:mara-velden"},
      {"Vestrian Defense Secretary", "2020-01-01", "person:lena-dorn"},
      {"the Vestrian defence minister", "2011-01-01", "person:recep-ozdemir"},
      {"the Vestrian leader", "2020-01-01", "person:recep-ozdemir"},
      {"Vestrian Prime Minister", "2020-01-01", "person:recep-ozdemir"},
      {"Vestrian PM", "2020-01-01", "person:recep-ozdemir"},
      {"Northern Pact chief", "2021-01-01", "person:ana-zelenska"},
      {"NPO Secretary-General", "2025-01-01", "person:tom-berg"},
      {"the Secretary General of the Northern Pact", "2025-01-01",
       "person:tom-berg"},
      {"Vestrian Palace spokesman", "2013-01-01", "person:lena-dorn"},
      {"the acting Norlandic president", "2025-05-15", "person:mara-velden"},
  };
  for (const Case& c : cases) {
    StatusOr<DescriptorMatch> m = kb.ResolveDescriptor(c.descriptor, D(c.date));
    ASSERT_TRUE(m.ok()) << c.descriptor << ": " << m.status().ToString();
    ASSERT_EQ(m->holders.size(), 1u) << c.descriptor;
    EXPECT_EQ(IdOf(kb, m->holders[0]), c.holder) << c.descriptor;
  }
  // Known office and country, nobody on that date.
  StatusOr<DescriptorMatch> m =
      kb.ResolveDescriptor("Norlandic president", D("2000-01-01"));
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->office, "president");
  EXPECT_EQ(m->of, *kb.FindById("country:nl-test"));
  EXPECT_TRUE(m->holders.empty());

  EXPECT_EQ(kb.ResolveDescriptor("the president", D("2020-01-01"))
                .status()
                .code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(kb.ResolveDescriptor("Martian president", D("2020-01-01"))
                .status()
                .code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(kb.ResolveDescriptor("Norlandic baker", D("2020-01-01"))
                .status()
                .code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(kb.ResolveDescriptor("the former Norlandic president",
                                 D("2020-01-01"))
                .status()
                .code(),
            ErrorCode::kUnsupported);
}

// Errors name the file and the line.
struct BadCase {
  const char* text;
  ErrorCode code;
  const char* where;  // substring expected in the message
};

TEST(KnowledgeBaseTest, ErrorsNameFileAndLine) {
  const BadCase cases[] = {
      {"{\"id\": \"a\", \"name\": \"A\", \"type\": \"PERSON\"}\n"
       "{\"id\": \"b\", \"name\": \"B\", \"type\": \"PERSON\"\n",
       ErrorCode::kMalformedJson, "bad.jsonl:2: column"},
      {"\n\n[1, 2]\n", ErrorCode::kMalformedJson, "bad.jsonl:3:"},
      {"{\"id\": \"a\", \"type\": \"PERSON\"}\n", ErrorCode::kMissingField,
       "bad.jsonl:1: missing required field \"name\""},
      {"{\"id\": \"a\", \"name\": \"A\", \"type\": \"PER\"}\n",
       ErrorCode::kInvalidArgument, "bad.jsonl:1: \"type\""},
      {"{\"id\": \"a\", \"name\": \"A\", \"type\": \"ORG\", \"alias\": []}\n",
       ErrorCode::kInvalidArgument, "bad.jsonl:1: unknown field \"alias\""},
      {"# c\n{\"id\": \"a\", \"name\": \"A\", \"type\": \"ORG\"}\n"
       "{\"id\": \"a\", \"name\": \"A2\", \"type\": \"ORG\"}\n",
       ErrorCode::kInvalidArgument, "bad.jsonl:3: duplicate id \"a\" (first at "
                                    "bad.jsonl:2)"},
      {"{\"id\": \"a\", \"name\": \"A\", \"type\": \"PERSON\", \"roles\": "
       "[{\"office\": \"president\", \"from\": \"2019-02-30\"}]}\n",
       ErrorCode::kInvalidArgument, "bad.jsonl:1: role 1: role field \"from\""},
      {"{\"id\": \"a\", \"name\": \"A\", \"type\": \"PERSON\", \"roles\": "
       "[{\"office\": \"president\", \"from\": \"2019\", \"to\": \"2018\"}]}\n",
       ErrorCode::kInvalidArgument, "bad.jsonl:1: role 1: \"to\""},
      {"{\"id\": \"a\", \"name\": \"A\", \"type\": \"PERSON\", \"roles\": "
       "[{\"office\": \"president\", \"of\": \"country:xx\"}]}\n",
       ErrorCode::kNotFound, "bad.jsonl:1: role \"president\" of \"country:xx\""},
      {"{\"id\": \"a\", \"name\": \"A\", \"type\": \"LOC\", \"iso3166\": "
       "\"ukr\"}\n",
       ErrorCode::kInvalidArgument, "bad.jsonl:1: \"ukr\""},
      {"{\"id\": \"a\", \"name\": \"A\", \"type\": \"LOC\", \"wikidata\": "
       "\"212\"}\n",
       ErrorCode::kInvalidArgument, "bad.jsonl:1: \"wikidata\""},
      {"{\"id\": \"a\", \"name\": \"A\", \"type\": \"PERSON\", \"roles\": "
       "[{\"of\": \"a\"}]}\n",
       ErrorCode::kMissingField, "bad.jsonl:1: role 1: missing required field "
                                 "\"office\""},
  };
  for (const BadCase& c : cases) {
    StatusOr<KnowledgeBase> kb =
        KnowledgeBase::LoadSources({{"bad.jsonl", c.text}});
    ASSERT_FALSE(kb.ok()) << c.text;
    EXPECT_EQ(kb.status().code(), c.code) << kb.status().ToString();
    EXPECT_NE(kb.status().message().find(c.where), std::string::npos)
        << kb.status().message() << "\n  expected: " << c.where;
  }
}

TEST(KnowledgeBaseTest, LaterFileReplacesRecordAndResolvesAcrossFiles) {
  StatusOr<KnowledgeBase> kb = KnowledgeBase::LoadSources(
      {{"base.jsonl", kTestKb},
       {"user.jsonl",
        "{\"id\": \"person:tom-berg\", \"name\": \"Thomas Berg\", \"type\": "
        "\"PERSON\", \"aliases\": [\"Tom Berg\"], \"roles\": [{\"office\": "
        "\"secretary-general\", \"of\": \"org:pact\", \"from\": "
        "\"2024-10-01\", \"to\": \"2025-01-01\"}]}\n"
        "{\"id\": \"person:new\", \"name\": \"Nia Sol\", \"type\": \"PERSON\", "
        "\"roles\": [{\"office\": \"chief\", \"of\": \"org:pact\", \"from\": "
        "\"2025-01-01\"}]}\n"}});
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  EXPECT_EQ(kb->size(), 11u);
  EntityIndex berg = *kb->FindById("person:tom-berg");
  EXPECT_EQ(kb->entity(berg).name, "Thomas Berg");
  EXPECT_EQ(kb->entity(berg).source, "user.jsonl:1");
  EXPECT_EQ(kb->Lookup("thomas berg").size(), 1u);
}

TEST(KnowledgeBaseTest, LoadsFilesAndReportsUnreadable) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "kb_test_files";
  fs::create_directories(dir);
  std::string good = (dir / "good.jsonl").string();
  std::string bad = (dir / "bad.jsonl").string();
  std::ofstream(good) << kTestKb;
  std::ofstream(bad) << "{\"id\": \"x\", \"name\": \"X\", \"type\": \"ORG\"}\r\n"
                        "not json\r\n";
  StatusOr<KnowledgeBase> kb = KnowledgeBase::Load({good});
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  EXPECT_EQ(kb->size(), 10u);
  StatusOr<KnowledgeBase> kb2 = KnowledgeBase::Load({good, bad});
  ASSERT_FALSE(kb2.ok());
  EXPECT_EQ(kb2.status().code(), ErrorCode::kMalformedJson);
  EXPECT_NE(kb2.status().message().find(bad + ":2:"), std::string::npos)
      << kb2.status().message();
  StatusOr<KnowledgeBase> kb3 =
      KnowledgeBase::Load({(dir / "missing.jsonl").string()});
  EXPECT_EQ(kb3.status().code(), ErrorCode::kUnreadable);
  EXPECT_NE(kb3.status().message().find("missing.jsonl"), std::string::npos);
  fs::remove_all(dir);
}

TEST(FoldKeyTest, FoldsCaseDiacriticsAndPunctuation) {
  EXPECT_EQ(FoldKey("Erdoğan"), "erdogan");
  EXPECT_EQ(FoldKey("Recep Tayyip Erdoğan"), "recep tayyip erdogan");
  EXPECT_EQ(FoldKey("Türkiye"), "turkiye");
  EXPECT_EQ(FoldKey("  U.S.  "), "us");
  EXPECT_EQ(FoldKey("Secretary-General"), "secretary general");
  EXPECT_EQ(FoldKey("Côte d’Ivoire"), "cote d'ivoire");
  EXPECT_EQ(FoldKey("Straße"), "strasse");
  EXPECT_EQ(FoldKey("Łukasz Sørensen"), "lukasz sorensen");
  EXPECT_EQ(FoldKey("São Tomé and Príncipe"), "sao tome and principe");
  EXPECT_EQ(FoldKey("İstanbul"), "istanbul");
  EXPECT_EQ(FoldKey("Путин"), "putin");
  EXPECT_EQ(FoldKey(""), "");
  std::string buf;
  FoldKeyTo("ZELENSKYY", &buf);
  EXPECT_EQ(buf, "zelenskyy");
}

}  // namespace
}  // namespace dossier::kb
