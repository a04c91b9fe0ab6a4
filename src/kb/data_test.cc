// Checks the curated knowledge base in data/kb/: it loads, and a sample of
// facts, aliases and descriptors resolve as expected.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "kb/kb.h"

namespace dossier::kb {
namespace {

std::vector<std::string> DataFiles() {
  std::vector<std::string> paths;
  for (const auto& e : std::filesystem::directory_iterator(
           std::string(DOSSIER_SOURCE_DIR) + "/data/kb")) {
    if (e.path().extension() == ".jsonl") paths.push_back(e.path().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

const KnowledgeBase& Kb() {
  static const KnowledgeBase* kb = [] {
    StatusOr<KnowledgeBase> loaded = KnowledgeBase::Load(DataFiles());
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return new KnowledgeBase(loaded.ok() ? *loaded : KnowledgeBase());
  }();
  return *kb;
}

Date D(const char* s) { return *Date::Parse(s); }

std::string Holder(const char* descriptor, const char* date) {
  StatusOr<DescriptorMatch> m = Kb().ResolveDescriptor(descriptor, D(date));
  if (!m.ok()) return m.status().ToString();
  if (m->holders.size() != 1) {
    return std::to_string(m->holders.size()) + " holders";
  }
  return Kb().entity(m->holders[0]->holder).name;
}

TEST(KbDataTest, LoadsWithCoverage) {
  const KnowledgeBase& kb = Kb();
  size_t people = 0, orgs = 0, countries = 0;
  for (const Entity& e : kb.entities()) {
    if (e.type == EntityType::kPerson) ++people;
    if (e.type == EntityType::kOrg) ++orgs;
    if (e.kind == "country") ++countries;
  }
  EXPECT_GE(countries, 195u);
  EXPECT_GE(orgs, 50u);
  EXPECT_GE(people, 400u);
  EXPECT_GE(kb.roles().size(), 500u);
  ASSERT_TRUE(kb.as_of());
}

TEST(KbDataTest, EveryPersonHasACountryAndRolesHaveStarts) {
  for (const Entity& e : Kb().entities()) {
    if (e.type != EntityType::kPerson) continue;
    EXPECT_FALSE(e.country.empty()) << e.id;
    EXPECT_FALSE(e.roles.empty()) << e.id;
    for (uint32_t r : e.roles) {
      const Role& role = Kb().roles()[r];
      EXPECT_TRUE(role.from || role.to) << e.id << " " << role.office;
    }
  }
}

TEST(KbDataTest, NoOverlappingTermsForSingleHolderOffices) {
  // Offices held by one person at a time must not overlap (catches typos in
  // dates). Roles with notes may describe special cases and are skipped.
  const std::set<std::string> single = {"president", "prime minister",
                                        "chancellor", "foreign minister",
                                        "defence minister", "secretary general"};
  const KnowledgeBase& kb = Kb();
  for (size_t of = 0; of < kb.size(); ++of) {
    for (const std::string& office : single) {
      std::vector<const Role*> h =
          kb.History(office, static_cast<EntityIndex>(of));
      for (size_t i = 1; i < h.size(); ++i) {
        const Role* a = h[i - 1];
        const Role* b = h[i];
        if (!a->to || !b->from) continue;
        EXPECT_LE(*a->to, *b->from)
            << office << " of " << kb.entity(of).id << ": "
            << kb.entity(a->holder).id << " until " << a->to->ToString()
            << ", " << kb.entity(b->holder).id << " from "
            << b->from->ToString();
      }
    }
  }
}

TEST(KbDataTest, AliasesFold) {
  const KnowledgeBase& kb = Kb();
  auto erdogan = kb.FindById("person:recep-tayyip-erdogan");
  ASSERT_TRUE(erdogan);
  for (const char* n : {"Erdoğan", "Erdogan", "ERDOGAN", "Recep Tayyip Erdogan"}) {
    auto hits = kb.Lookup(n);
    ASSERT_EQ(hits.size(), 1u) << n;
    EXPECT_EQ(hits[0], *erdogan) << n;
  }
  auto zel = kb.FindById("person:volodymyr-zelenskyy");
  ASSERT_TRUE(zel);
  for (const char* n : {"Zelenskyy", "Zelensky", "Zelenskiy", "Volodymyr Zelensky"}) {
    auto hits = kb.Lookup(n);
    ASSERT_EQ(hits.size(), 1u) << n;
    EXPECT_EQ(hits[0], *zel) << n;
  }
  EXPECT_EQ(kb.Lookup("Türkiye").size(), 1u);
  EXPECT_EQ(kb.Lookup("Turkey")[0], *kb.FindCountry("TR"));
  EXPECT_EQ(kb.Lookup("U.S.")[0], *kb.FindCountry("US"));
  EXPECT_EQ(kb.Lookup("Britain")[0], *kb.FindCountry("GB"));
  EXPECT_EQ(kb.CountryOfDemonym("Ukrainian"), kb.FindCountry("UA"));
  EXPECT_EQ(kb.CountryOfDemonym("Russian"), kb.FindCountry("RU"));
  EXPECT_EQ(kb.CountryOfDemonym("British"), kb.FindCountry("GB"));
  EXPECT_EQ(kb.Lookup("NATO")[0], *kb.FindById("org:nato"));
}

TEST(KbDataTest, KnownHolders) {
  EXPECT_EQ(Holder("the Ukrainian president", "2025-05-15"),
            "Volodymyr Zelenskyy");
  EXPECT_EQ(Holder("the Ukrainian president", "2019-05-19"), "Petro Poroshenko");
  EXPECT_EQ(Holder("Russian Foreign Minister", "2025-05-15"), "Sergey Lavrov");
  EXPECT_EQ(Holder("Russia's defence minister", "2023-01-01"), "Sergei Shoigu");
  EXPECT_EQ(Holder("Russia's defence minister", "2025-01-01"),
            "Andrei Belousov");
  EXPECT_EQ(Holder("US Secretary of State", "2025-03-01"), "Marco Rubio");
  EXPECT_EQ(Holder("the American president", "2022-06-01"), "Joe Biden");
  EXPECT_EQ(Holder("German Chancellor", "2025-05-06"), "Friedrich Merz");
  EXPECT_EQ(Holder("German Chancellor", "2025-05-05"), "Olaf Scholz");
  EXPECT_EQ(Holder("British Prime Minister", "2022-10-01"), "Liz Truss");
  EXPECT_EQ(Holder("NATO Secretary-General", "2024-09-30"), "Jens Stoltenberg");
  EXPECT_EQ(Holder("NATO chief", "2025-01-01"), "Mark Rutte");
  EXPECT_EQ(Holder("UN Secretary-General", "2020-01-01"), "António Guterres");
  EXPECT_EQ(Holder("the Kremlin spokesman", "2025-05-15"), "Dmitry Peskov");
  EXPECT_EQ(Holder("EU foreign policy chief", "2025-02-01"), "Kaja Kallas");
  EXPECT_EQ(Holder("European Commission President", "2020-01-01"),
            "Ursula von der Leyen");
  EXPECT_EQ(Holder("Turkish President", "2025-05-15"),
            "Recep Tayyip Erdoğan");
  EXPECT_EQ(Holder("the Russian leader", "2025-05-15"), "Vladimir Putin");
  EXPECT_EQ(Holder("French Foreign Minister", "2025-01-01"), "Jean-Noël Barrot");
  EXPECT_EQ(Holder("Ukrainian Defence Minister", "2025-05-16"),
            "Rustem Umerov");
  EXPECT_EQ(Holder("White House press secretary", "2025-03-01"),
            "Karoline Leavitt");
}

}  // namespace
}  // namespace dossier::kb
