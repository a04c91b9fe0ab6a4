#include "kb/builtin.h"

#include <gtest/gtest.h>

namespace dossier::kb {
namespace {

TEST(BuiltinKbTest, EmbeddedFilesLoad) {
  StatusOr<std::shared_ptr<const KnowledgeBase>> kb = BuiltinKnowledgeBase();
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  EXPECT_GT((*kb)->size(), 500u);
  EXPECT_FALSE(BuiltinSources().empty());
}

TEST(BuiltinKbTest, FindsPeopleByAnySpelling) {
  std::shared_ptr<const KnowledgeBase> kb = BuiltinKnowledgeBase().value();
  auto a = kb->Lookup("Zelensky");
  auto b = kb->Lookup("Zelenskyy");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(a[0], b[0]);
  EXPECT_EQ(kb->Lookup("Erdogan").size(), 1u);
}

TEST(BuiltinKbTest, UserFileIsAddedAfterTheBuiltIns) {
  const std::string path = ::testing::TempDir() + "/user_kb.jsonl";
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("{\"id\": \"person:ilse-marovic\", \"name\": \"Ilse Marovic\", "
               "\"type\": \"PERSON\", \"aliases\": [\"Marovic\"]}\n",
               f);
    std::fclose(f);
  }
  StatusOr<std::shared_ptr<const KnowledgeBase>> kb = LoadKnowledgeBase({path});
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  EXPECT_EQ((*kb)->Lookup("Ilse Marovic").size(), 1u);
  EXPECT_EQ((*kb)->Lookup("Zelensky").size(), 1u);
}

TEST(BuiltinKbTest, MissingUserFileIsAnError) {
  EXPECT_FALSE(LoadKnowledgeBase({"/nonexistent/kb.jsonl"}).ok());
}

}  // namespace
}  // namespace dossier::kb
