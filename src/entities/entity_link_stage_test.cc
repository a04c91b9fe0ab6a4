#include "entities/entity_link_stage.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "entities/mention_stage.h"
#include "entities/test_document.h"

namespace dossier {
namespace {

// A corpus of documents over `texts`, with mentions.
Corpus MakeCorpus(const std::vector<std::string>& texts) {
  Corpus corpus;
  MentionStage mentions;
  for (size_t i = 0; i < texts.size(); ++i) {
    Document doc =
        test::MakeTestDocument(texts[i], "d" + std::to_string(i + 1));
    EXPECT_TRUE(mentions.Run(doc).ok());
    corpus.documents.push_back(std::move(doc));
  }
  return corpus;
}

// Links with one accumulator per document, merged in `order`.
void Link(Corpus& corpus, const std::vector<size_t>& order = {}) {
  EntityLinkStage stage;
  std::vector<std::unique_ptr<CorpusStage::Accumulator>> accs;
  for (size_t i = 0; i < corpus.documents.size(); ++i) {
    accs.push_back(stage.NewAccumulator());
    accs.back()->Consume(static_cast<uint32_t>(i), corpus.documents[i]);
  }
  std::vector<size_t> o = order;
  if (o.empty()) {
    for (size_t i = 0; i < accs.size(); ++i) o.push_back(i);
  }
  auto merged = stage.NewAccumulator();
  for (size_t i : o) merged->Merge(std::move(*accs[i]));
  Status st = stage.Finalize(*merged, corpus);
  ASSERT_TRUE(st.ok()) << st.ToString();
}

const Entity* ByName(const Corpus& c, const std::string& name) {
  for (const Entity& e : c.entities) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

TEST(NameKeyTest, FoldsCaseAndRemovesDiacritics) {
  EXPECT_EQ(NameKey("Tomás  EBERLE"), "tomas eberle");
  EXPECT_EQ(NameKey("Türkiye"), "turkiye");
  EXPECT_EQ(NameKey("U.S."), "us");
}

TEST(EntityLinkStageTest, SameNameInTwoDocumentsIsOneEntity) {
  Corpus c = MakeCorpus({"Foreign Minister Tomás Eberle spoke in Caldera.",
                         "Reporters waited for Tomas Eberle outside."});
  Link(c);
  const Entity* e = ByName(c, "Tomás Eberle");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, EntityType::kPerson);
  ASSERT_EQ(e->mentions.size(), 2u);
  EXPECT_EQ(e->mentions[0].doc, 0u);
  EXPECT_EQ(e->mentions[1].doc, 1u);
  EXPECT_EQ(e->aliases, std::vector<std::string>{"Tomas Eberle"});
}

TEST(EntityLinkStageTest, SharedFirstNameNeverMerges) {
  Corpus c = MakeCorpus({"President Mara Velden arrived in Caldera.",
                         "The envoy Mara Okonjo left for Caldera."});
  Link(c);
  const Entity* a = ByName(c, "Mara Velden");
  const Entity* b = ByName(c, "Mara Okonjo");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_NE(a->id, b->id);
}

TEST(EntityLinkStageTest, SurnameJoinsTheOnlyFullNameEndingWithIt) {
  Corpus c = MakeCorpus({"President Mara Velden arrived in Caldera.",
                         "Crowds cheered when President Velden spoke."});
  Link(c);
  const Entity* e = ByName(c, "Mara Velden");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->mentions.size(), 2u);
  EXPECT_EQ(e->aliases, std::vector<std::string>{"Velden"});
}

TEST(EntityLinkStageTest, AmbiguousSurnameStaysApart) {
  Corpus c = MakeCorpus({"President Mara Velden arrived in Caldera.",
                         "Her brother, Dr. Jon Velden, stayed home.",
                         "Crowds cheered when President Velden spoke."});
  Link(c);
  const Entity* mara = ByName(c, "Mara Velden");
  const Entity* jon = ByName(c, "Jon Velden");
  const Entity* lone = ByName(c, "Velden");
  ASSERT_NE(mara, nullptr);
  ASSERT_NE(jon, nullptr);
  ASSERT_NE(lone, nullptr);
  EXPECT_EQ(mara->mentions.size(), 1u);
  EXPECT_EQ(jon->mentions.size(), 1u);
}

TEST(EntityLinkStageTest, DifferentTypesDoNotMerge) {
  Corpus c = MakeCorpus({"Ships sailed to Caldera at dawn.",
                         "The Caldera Herald printed the story."});
  Link(c);
  ASSERT_NE(ByName(c, "Caldera"), nullptr);
  ASSERT_NE(ByName(c, "Caldera Herald"), nullptr);
  EXPECT_EQ(ByName(c, "Caldera")->type, EntityType::kLoc);
}

TEST(EntityLinkStageTest, MiscUseOfAPlaceNameJoinsThePlace) {
  // "Varna" as a modifier is MISC; as a place after "in" it is LOC.
  Corpus c = MakeCorpus({"The Varna council met on Monday.",
                         "Delegates arrived in Varna on Monday."});
  Link(c);
  int varna = 0;
  for (const Entity& e : c.entities) {
    if (e.name == "Varna") {
      ++varna;
      EXPECT_EQ(e.type, EntityType::kLoc);
      EXPECT_EQ(e.mentions.size(), 2u);
    }
  }
  EXPECT_EQ(varna, 1);
}

TEST(EntityLinkStageTest, EveryMentionGetsItsEntity) {
  Corpus c = MakeCorpus({"Mara Velden met NATO envoys in Kyiv. Velden left.",
                         "In Kyiv, Mara Velden said nothing."});
  Link(c);
  for (size_t d = 0; d < c.documents.size(); ++d) {
    const auto& ms = c.documents[d].layers().mentions;
    for (size_t m = 0; m < ms.size(); ++m) {
      ASSERT_GE(ms[m].entity, 0);
      ASSERT_LT(static_cast<size_t>(ms[m].entity), c.entities.size());
      const Entity& e = c.entities[ms[m].entity];
      bool listed = false;
      for (const MentionRef& r : e.mentions) {
        listed = listed || (r.doc == d && r.mention == m);
      }
      EXPECT_TRUE(listed);
    }
  }
}

TEST(EntityLinkStageTest, IdsFollowFirstAppearanceWhateverTheMergeOrder) {
  const std::vector<std::string> texts = {
      "Mara Velden met NATO envoys in Kyiv.",
      "Tomas Eberle flew to Kyiv with Mara Velden.",
      "The Caldera Herald interviewed Tomas Eberle."};
  Corpus a = MakeCorpus(texts);
  Corpus b = MakeCorpus(texts);
  Link(a, {0, 1, 2});
  Link(b, {2, 0, 1});
  ASSERT_EQ(a.entities.size(), b.entities.size());
  for (size_t i = 0; i < a.entities.size(); ++i) {
    EXPECT_EQ(a.entities[i].id, "e" + std::to_string(i + 1));
    EXPECT_EQ(a.entities[i].id, b.entities[i].id);
    EXPECT_EQ(a.entities[i].name, b.entities[i].name);
  }
  EXPECT_EQ(a.entities[0].name, "Mara Velden");
  EXPECT_EQ(a.entities[1].name, "NATO");
  EXPECT_EQ(a.entities[2].name, "Kyiv");
  EXPECT_EQ(a.entities[3].name, "Tomas Eberle");
}

TEST(EntityLinkStageTest, NameIsTheMostFrequentLongestForm) {
  Corpus c = MakeCorpus({"Envoy Tomás Eberle spoke. Tomas Eberle smiled.",
                         "Reporters asked Tomas Eberle about Caldera."});
  Link(c);
  const Entity* e = ByName(c, "Tomas Eberle");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->aliases, std::vector<std::string>{"Tomás Eberle"});
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

TEST(SpellingTest, TransliterationVariantsAreOneSpelling) {
  EXPECT_TRUE(SameNameSpelling("zelensky", "zelenskyy"));
  EXPECT_TRUE(SameNameSpelling("zelenskiy", "zelensky"));
  EXPECT_TRUE(SameNameSpelling("umerov", "umierov"));
  EXPECT_TRUE(SameNameSpelling("medinsky", "medinski"));
  EXPECT_TRUE(SameNameSpelling("aleksandr", "alexander"));
}

TEST(SpellingTest, DifferentNamesAreNot) {
  EXPECT_FALSE(SameNameSpelling("tusk", "trump"));
  EXPECT_FALSE(SameNameSpelling("niger", "nigeria"));
  EXPECT_FALSE(SameNameSpelling("putin", "medinsky"));
  EXPECT_FALSE(SameNameSpelling("lavrov", "navrov"));  // first letter differs
}

TEST(EntityLinkSpellingTest, TransliteratedPersonIsOneEntity) {
  Corpus c = MakeCorpus(
      {"President Aleksandr Voronin of Ostravia spoke on Monday.",
       "Alexander Voronin did not travel, his aide Ilya Sorokin said.",
       "On Tuesday, Voronin stayed at home in Tesvar."});
  Link(c);
  const Entity* e = ByName(c, "Aleksandr Voronin");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, EntityType::kPerson);
  EXPECT_EQ(e->mentions.size(), 3u);
  EXPECT_EQ(ByName(c, "Alexander Voronin"), nullptr);
}

TEST(EntityLinkSpellingTest, SharedFirstNameNeverMerges) {
  Corpus c =
      MakeCorpus({"Donald Trump met Donald Tusk in Warsaw.",
                  "Vladimir Putin sent Vladimir Medinsky to the talks."});
  Link(c);
  for (const char* name :
       {"Donald Trump", "Donald Tusk", "Vladimir Putin", "Vladimir Medinsky"}) {
    const Entity* e = ByName(c, name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->mentions.size(), 1u) << name;
  }
}

TEST(EntityLinkSpellingTest, SurnameSpelledDifferentlyJoinsThePerson) {
  Corpus c =
      MakeCorpus({"Rustem Umerov led the delegation to the talks.",
                  "Reporters said Umierov looked tired after the talks."});
  Link(c);
  const Entity* e = ByName(c, "Rustem Umerov");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->mentions.size(), 2u);
}

TEST(EntityLinkStageTest, AcronymJoinsTheNameItAbbreviates) {
  Corpus c = MakeCorpus(
      {"The Freeland News Agency reported the vote on Monday. Editors at "
       "FNA said the count was slow."});
  Link(c);
  const Entity* e = ByName(c, "Freeland News Agency");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(ByName(c, "FNA"), nullptr);
}

TEST(EntityLinkStageTest, AcronymStaysApartWhenTwoNamesFit) {
  Corpus c = MakeCorpus(
      {"The Freeland News Agency and the Free National Army met in Caldera. "
       "FNA said nothing."});
  Link(c);
  EXPECT_NE(ByName(c, "FNA"), nullptr);
}

TEST(EntityLinkStageTest, AcronymDoesNotJoinAcrossDocuments) {
  Corpus c = MakeCorpus({"The Freeland News Agency reported the vote.",
                         "Editors at FNA said the count was slow."});
  Link(c);
  EXPECT_NE(ByName(c, "FNA"), nullptr);
}

// Three names with the same initials: the third meets an ambiguous entry
// (no cluster), which must stay ambiguous (this once indexed the cluster
// array at -1 and corrupted the heap).
TEST(EntityLinkStageTest, AcronymStaysApartWhenThreeNamesFit) {
  Corpus c = MakeCorpus(
      {"The Freeland News Agency, the Free National Army and the Fenwick "
       "Naval Academy met in Caldera. FNA said nothing."});
  Link(c);
  EXPECT_NE(ByName(c, "FNA"), nullptr);
  EXPECT_NE(ByName(c, "Freeland News Agency"), nullptr);
  EXPECT_NE(ByName(c, "Fenwick Naval Academy"), nullptr);
}

}  // namespace
}  // namespace dossier
