#include "kb/wikidata_import.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace dossier::kb {
namespace {

// An invented dump in the Wikidata JSON format: Q900001 a country, Q900002
// an organisation, Q900003 the office "President of Norland" (P1001
// Q900001), Q900004 a human holding it (P39 with P580/P582), Q900005 a human
// without positions, Q900006 a human whose position has a P642 "of"
// qualifier, P31 a property (skipped), Q900007 a deprecated P39.
std::string Snak(const std::string& p, const std::string& value_json,
                 const std::string& type) {
  return "{\"snaktype\":\"value\",\"property\":\"" + p +
         "\",\"datavalue\":{\"value\":" + value_json + ",\"type\":\"" + type +
         "\"}}";
}
std::string Item(const std::string& q) {
  return "{\"entity-type\":\"item\",\"numeric-id\":" + q.substr(1) +
         ",\"id\":\"" + q + "\"}";
}
std::string Time(const std::string& t, int precision) {
  return "{\"time\":\"" + t + "\",\"timezone\":0,\"before\":0,\"after\":0,"
         "\"precision\":" + std::to_string(precision) +
         ",\"calendarmodel\":\"http://www.wikidata.org/entity/Q1985727\"}";
}
std::string Claim(const std::string& p, const std::string& mainsnak,
                  const std::string& qualifiers = "",
                  const std::string& rank = "normal") {
  std::string c = "{\"mainsnak\":" + mainsnak +
                  ",\"type\":\"statement\",\"rank\":\"" + rank + "\"";
  if (!qualifiers.empty()) c += ",\"qualifiers\":{" + qualifiers + "}";
  return c + "}";
}
std::string Entity(const std::string& q, const std::string& label,
                   const std::string& aliases, const std::string& claims) {
  std::string e = "{\"type\":\"item\",\"id\":\"" + q +
                  "\",\"labels\":{\"en\":{\"language\":\"en\",\"value\":\"" +
                  label + "\"},\"de\":{\"language\":\"de\",\"value\":\"X\"}}";
  if (!aliases.empty()) e += ",\"aliases\":{\"en\":[" + aliases + "]}";
  return e + ",\"claims\":{" + claims + "}}";
}
std::string Alias(const std::string& a) {
  return "{\"language\":\"en\",\"value\":\"" + a + "\"}";
}

std::string TestDump() {
  std::vector<std::string> lines = {
      Entity("Q900001", "Norland", Alias("Republic of Norland"),
             "\"P31\":[" + Claim("P31", Snak("P31", Item("Q3624078"),
                                             "wikibase-entityid")) +
                 "],\"P297\":[" +
                 Claim("P297", Snak("P297", "\"NR\"", "string")) + "]"),
      Entity("Q900002", "Northern Pact", Alias("NPO"),
             "\"P31\":[" + Claim("P31", Snak("P31", Item("Q484652"),
                                             "wikibase-entityid")) +
                 "]"),
      Entity("Q900003", "President of Norland", "",
             "\"P31\":[" +
                 Claim("P31",
                       Snak("P31", Item("Q4164871"), "wikibase-entityid")) +
                 "],\"P1001\":[" +
                 Claim("P1001",
                       Snak("P1001", Item("Q900001"), "wikibase-entityid")) +
                 "]"),
      Entity(
          "Q900004", "Mara Velden", Alias("Velden") + "," + Alias("M. Velden"),
          "\"P31\":[" +
              Claim("P31", Snak("P31", Item("Q5"), "wikibase-entityid")) +
              "],\"P27\":[" +
              Claim("P27", Snak("P27", Item("Q900001"), "wikibase-entityid")) +
              "],\"P39\":[" +
              Claim("P39", Snak("P39", Item("Q900003"), "wikibase-entityid"),
                    "\"P580\":[" +
                        Snak("P580", Time("+2019-05-20T00:00:00Z", 11),
                             "time") +
                        "],\"P582\":[" +
                        Snak("P582", Time("+2024-00-00T00:00:00Z", 9),
                             "time") +
                        "]") +
              "]"),
      Entity("Q900005", "Nobody Special", "",
             "\"P31\":[" +
                 Claim("P31", Snak("P31", Item("Q5"), "wikibase-entityid")) +
                 "]"),
      Entity("Q900008", "Secretary General", "",
             "\"P31\":[" +
                 Claim("P31",
                       Snak("P31", Item("Q4164871"), "wikibase-entityid")) +
                 "]"),
      Entity(
          "Q900006", "Tom Berg", "",
          "\"P31\":[" +
              Claim("P31", Snak("P31", Item("Q5"), "wikibase-entityid")) +
              "],\"P39\":[" +
              Claim("P39", Snak("P39", Item("Q900008"), "wikibase-entityid"),
                    "\"P642\":[" +
                        Snak("P642", Item("Q900002"), "wikibase-entityid") +
                        "],\"P580\":[" +
                        Snak("P580", Time("+2024-10-00T00:00:00Z", 10),
                             "time") +
                        "]") +
              "]"),
      Entity(
          "Q900007", "Ivo Kask", "",
          "\"P31\":[" +
              Claim("P31", Snak("P31", Item("Q5"), "wikibase-entityid")) +
              "],\"P39\":[" +
              Claim("P39", Snak("P39", Item("Q900003"), "wikibase-entityid"),
                    "", "deprecated") +
              "]"),
      "{\"type\":\"property\",\"id\":\"P31\",\"labels\":{}}",
  };
  std::string dump = "[\n";
  for (size_t i = 0; i < lines.size(); ++i) {
    dump += lines[i] + (i + 1 < lines.size() ? ",\n" : "\n");
  }
  return dump + "]\n";
}

TEST(WikidataImportTest, WritesLoadableRecords) {
  std::string out;
  StatusOr<WikidataImportStats> stats =
      ImportWikidata("dump.json", TestDump(), &out);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->lines, 9u);
  EXPECT_EQ(stats->people, 2u);  // Velden, Berg (Nobody, Kask: no position)
  EXPECT_EQ(stats->organisations, 1u);
  EXPECT_EQ(stats->places, 1u);
  EXPECT_EQ(stats->roles, 2u);

  StatusOr<KnowledgeBase> kb = KnowledgeBase::LoadSources({{"out", out}});
  ASSERT_TRUE(kb.ok()) << kb.status().ToString() << "\n" << out;
  EXPECT_EQ(kb->size(), 4u);
  auto norland = kb->FindById("wd:Q900001");
  ASSERT_TRUE(norland);
  EXPECT_EQ(kb->entity(*norland).type, EntityType::kLoc);
  EXPECT_EQ(kb->entity(*norland).iso3166, "NR");
  EXPECT_EQ(kb->FindByWikidata("Q900001"), norland);
  EXPECT_EQ(kb->Lookup("Republic of Norland").size(), 1u);
  EXPECT_EQ(kb->entity(*kb->FindById("wd:Q900002")).type, EntityType::kOrg);

  auto velden = kb->FindById("wd:Q900004");
  ASSERT_TRUE(velden);
  const kb::Entity& v = kb->entity(*velden);
  EXPECT_EQ(v.type, EntityType::kPerson);
  EXPECT_EQ(v.country, "NR");
  EXPECT_EQ(v.aliases, (std::vector<std::string>{"Velden", "M. Velden"}));
  ASSERT_EQ(v.roles.size(), 1u);
  const Role& r = kb->roles()[v.roles[0]];
  EXPECT_EQ(r.office, "president");
  EXPECT_EQ(r.title, "President of Norland");
  EXPECT_EQ(r.of, *norland);
  EXPECT_EQ(r.from->ToString(), "2019-05-20");
  EXPECT_EQ(r.to->ToString(), "2024-01-01");
  EXPECT_EQ(r.to_precision, Precision::kYear);
  auto h = kb->HoldersOf("president", *norland, *Date::Parse("2020-01-01"));
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0]->holder, *velden);

  // P642 "of" qualifier.
  auto pact = kb->FindById("wd:Q900002");
  auto h2 = kb->HoldersOf("Secretary-General", *pact,
                          *Date::Parse("2025-01-01"));
  ASSERT_EQ(h2.size(), 1u);
  EXPECT_EQ(kb->entity(h2[0]->holder).name, "Tom Berg");
  EXPECT_EQ(h2[0]->from_precision, Precision::kMonth);
  EXPECT_FALSE(kb->FindById("wd:Q900005"));
  EXPECT_FALSE(kb->FindById("wd:Q900007"));
}

TEST(WikidataImportTest, UsesKnownKnowledgeBase) {
  StatusOr<KnowledgeBase> known = KnowledgeBase::LoadSources(
      {{"known",
        "{\"id\": \"country:nr\", \"wikidata\": \"Q900001\", \"name\": "
        "\"Norland\", \"type\": \"LOC\", \"iso3166\": \"NR\"}\n"}});
  ASSERT_TRUE(known.ok());
  WikidataImportOptions opt;
  opt.known = &*known;
  std::string out;
  StatusOr<WikidataImportStats> stats =
      ImportWikidata("dump.json", TestDump(), &out, opt);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->skipped_known, 1u);
  EXPECT_EQ(out.find("\"wd:Q900001\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"of\":\"country:nr\""), std::string::npos) << out;
  StatusOr<KnowledgeBase> kb = KnowledgeBase::LoadSources(
      {{"known",
        "{\"id\": \"country:nr\", \"wikidata\": \"Q900001\", \"name\": "
        "\"Norland\", \"type\": \"LOC\", \"iso3166\": \"NR\", \"demonyms\": "
        "[\"Norlandic\"]}\n"},
       {"out", out}});
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  StatusOr<DescriptorMatch> m = kb->ResolveDescriptor(
      "the Norlandic president", *Date::Parse("2021-03-01"));
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(m->holders.size(), 1u);
  EXPECT_EQ(kb->entity(m->holders[0]->holder).name, "Mara Velden");
}

TEST(WikidataImportTest, MalformedLineNamesLine) {
  std::string dump = TestDump();
  dump.insert(dump.find('\n') + 1, "{\"id\": \"Q1\",\n");
  std::string out;
  StatusOr<WikidataImportStats> stats = ImportWikidata("d.json", dump, &out);
  ASSERT_FALSE(stats.ok());
  EXPECT_EQ(stats.status().code(), ErrorCode::kMalformedJson);
  EXPECT_NE(stats.status().message().find("d.json:2:"), std::string::npos)
      << stats.status().message();
}

TEST(WikidataImportTest, ReadsGzipFile) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "kb_wikidata_test";
  fs::create_directories(dir);
  std::string gz = (dir / "dump.json.gz").string();
  std::string dump = TestDump();
  gzFile f = gzopen(gz.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  gzwrite(f, dump.data(), static_cast<unsigned>(dump.size()));
  gzclose(f);
  std::string out_path = (dir / "out.jsonl").string();
  StatusOr<WikidataImportStats> stats = ImportWikidataFile(gz, out_path);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->people, 2u);
  StatusOr<KnowledgeBase> kb = KnowledgeBase::Load({out_path});
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  EXPECT_EQ(kb->size(), 4u);
  // Plain (not gzipped) input works too.
  std::string plain = (dir / "dump.json").string();
  std::ofstream(plain) << dump;
  EXPECT_TRUE(ImportWikidataFile(plain, out_path).ok());
  EXPECT_EQ(ImportWikidataFile((dir / "none.json").string(), out_path)
                .status()
                .code(),
            ErrorCode::kUnreadable);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dossier::kb
