#include "claims/role_check_stage.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "entities/coref_stage.h"
#include "entities/entity_link_stage.h"
#include "entities/mention_stage.h"
#include "entities/test_document.h"

namespace dossier {
namespace {

// An invented country and its presidents.
std::shared_ptr<const kb::KnowledgeBase> TestKb() {
  static const auto* kb = [] {
    StatusOr<kb::KnowledgeBase> k = kb::KnowledgeBase::LoadSources(
        {{"test.jsonl",
          "{\"id\": \"country:nl-test\", \"name\": \"Norland\", \"type\": "
          "\"LOC\", \"demonyms\": [\"Norlandic\"]}\n"
          "{\"id\": \"person:mara-velden\", \"name\": \"Mara Velden\", "
          "\"type\": \"PERSON\", \"roles\": [{\"office\": \"president\", "
          "\"of\": \"country:nl-test\", \"from\": \"2024-03-01\"}]}\n"
          "{\"id\": \"person:otto-brask\", \"name\": \"Otto Brask\", \"type\": "
          "\"PERSON\", \"roles\": [{\"office\": \"president\", \"of\": "
          "\"country:nl-test\", \"from\": \"2016-03-01\", \"to\": "
          "\"2024-03-01\"}]}\n"}});
    EXPECT_TRUE(k.ok()) << k.status().ToString();
    return new std::shared_ptr<const kb::KnowledgeBase>(
        std::make_shared<const kb::KnowledgeBase>(std::move(k).value()));
  }();
  return *kb;
}

Corpus Check(const std::string& text, const std::string& published) {
  Corpus corpus;
  Document doc = test::MakeTestDocument(text);
  doc.meta().published = published;
  EXPECT_TRUE(MentionStage().Run(doc).ok());
  EXPECT_TRUE(CorefStage().Run(doc).ok());
  corpus.documents.push_back(std::move(doc));
  auto run = [&](const CorpusStage& stage) {
    auto acc = stage.NewAccumulator();
    acc->Consume(0, corpus.documents[0]);
    Status st = stage.Finalize(*acc, corpus);
    EXPECT_TRUE(st.ok()) << st.ToString();
  };
  EntityLinkOptions lo;
  lo.kb = TestKb();
  run(EntityLinkStage(lo));
  run(RoleCheckStage(TestKb()));
  return corpus;
}

TEST(RoleCheckStageTest, PresidentWhoseTermEndedIsReported) {
  Corpus c =
      Check("Norlandic President Otto Brask opened the bridge.", "2025-05-15");
  ASSERT_EQ(c.findings.size(), 1u);
  const Finding& f = c.findings[0];
  EXPECT_EQ(f.kind, "role_conflict");
  EXPECT_EQ(f.claim, "Norlandic President");
  EXPECT_NE(f.fact.find("term ended on 2024-03-01"), std::string::npos)
      << f.fact;
  EXPECT_NE(f.fact.find("Mara Velden"), std::string::npos) << f.fact;
  EXPECT_EQ(f.date_how, "published");
}

TEST(RoleCheckStageTest, FormerPresidentStillInOfficeIsReported) {
  Corpus c =
      Check("Former Norlandic President Mara Velden spoke.", "2025-05-15");
  ASSERT_EQ(c.findings.size(), 1u);
  EXPECT_NE(c.findings[0].fact.find("not a former holder"), std::string::npos);
}

TEST(RoleCheckStageTest, CorrectTitlesGiveNothing) {
  Corpus c =
      Check("Norlandic President Mara Velden met former President Otto Brask.",
            "2025-05-15");
  EXPECT_TRUE(c.findings.empty());
}

TEST(RoleCheckStageTest, TheSameTitleOnAnOlderDateIsFine) {
  Corpus c =
      Check("Norlandic President Otto Brask opened the bridge.", "2020-06-01");
  EXPECT_TRUE(c.findings.empty());
}

TEST(RoleCheckStageTest, UndatedDocumentIsNotChecked) {
  Corpus c = Check("Norlandic President Otto Brask opened the bridge.", "");
  EXPECT_TRUE(c.findings.empty());
}

}  // namespace
}  // namespace dossier
