#include "entities/coref_stage.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "entities/mention_stage.h"
#include "entities/test_document.h"

namespace dossier {
namespace {

struct Found {
  std::string text;
  MentionForm form;
  std::string refers_to;  // text of the first mention with the same local
};

std::vector<Found> Resolve(const std::string& text) {
  Document doc = test::MakeTestDocument(text);
  EXPECT_TRUE(MentionStage().Run(doc).ok());
  EXPECT_TRUE(CorefStage().Run(doc).ok());
  std::vector<Found> out;
  const auto& ms = doc.layers().mentions;
  for (const Mention& m : ms) {
    if (m.form != MentionForm::kDescriptor && m.form != MentionForm::kPronoun) {
      continue;
    }
    std::string ref;
    for (const Mention& o : ms) {
      if (o.local == m.local && o.form != MentionForm::kDescriptor &&
          o.form != MentionForm::kPronoun) {
        ref = std::string(doc.Slice(o.name));
        break;
      }
    }
    out.push_back({std::string(doc.Slice(m.span)), m.form, ref});
  }
  for (size_t i = 1; i < ms.size(); ++i) {
    EXPECT_LE(ms[i - 1].span.start, ms[i].span.start);
  }
  return out;
}

const Found* Find(const std::vector<Found>& v, const std::string& text) {
  for (const Found& f : v) {
    if (f.text == text) return &f;
  }
  return nullptr;
}

TEST(CorefStageTest, NationalityDescriptorFindsTheTitledPerson) {
  auto v = Resolve(
      "Norlandic President Mara Velden invited Ostravian President Aleksandr "
      "Voronin to Sarvik. The Ostravian leader has not answered.");
  const Found* d = Find(v, "The Ostravian leader");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->form, MentionForm::kDescriptor);
  EXPECT_EQ(d->refers_to, "Aleksandr Voronin");
}

TEST(CorefStageTest, LeaderOfSomethingElseIsNotADescriptor) {
  auto v = Resolve(
      "President Mara Velden met President Aleksandr Voronin in Sarvik. "
      "Later the leader of the opposition spoke.");
  EXPECT_EQ(Find(v, "the leader"), nullptr);
}

TEST(CorefStageTest, PronounRefersToTheLastNamedPerson) {
  auto v = Resolve(
      "Foreign Minister Tomas Eberle arrived in Sarvik on Monday. He met the "
      "delegation at noon.");
  const Found* p = Find(v, "He");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->form, MentionForm::kPronoun);
  EXPECT_EQ(p->refers_to, "Tomas Eberle");
}

TEST(CorefStageTest, PronounGenderFromHonorific) {
  auto v = Resolve(
      "Mrs. Ilse Marovic greeted Mr. Jonas Brandt. She thanked the crews.");
  const Found* p = Find(v, "She");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->refers_to, "Ilse Marovic");
}

TEST(CorefStageTest, PronounsInsideQuotesAreLeftAlone) {
  auto v = Resolve(
      "Tomas Eberle spoke first. \xE2\x80\x9CHe will come,\xE2\x80\x9D said "
      "Mara Velden.");
  EXPECT_EQ(Find(v, "He"), nullptr);
}

TEST(CorefStageTest, PersonNamedInsideAQuoteIsNoAntecedent) {
  auto v = Resolve(
      "Mara Velden spoke in Tessby.\n\n\xE2\x80\x9CIf Ivo Marr stays away, "
      "he loses.\xE2\x80\x9D\n\nHe also stressed the value of talks.");
  const Found* p = Find(v, "He");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->refers_to, "Mara Velden");
}

TEST(CorefStageTest, SubjectPronounPrefersTheSubjectOfTheLastSentence) {
  auto v = Resolve(
      "Mara Velden met Ilse Marovic in Tessby. She said the talks went well.");
  const Found* p = Find(v, "She");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->refers_to, "Mara Velden");
}

TEST(CorefStageTest, NoPersonNoMentions) {
  auto v = Resolve("He said the ferry to Sarvik would run on time.");
  EXPECT_TRUE(v.empty());
}

}  // namespace
}  // namespace dossier
