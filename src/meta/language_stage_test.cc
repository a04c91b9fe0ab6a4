#include "meta/language_stage.h"

#include <gtest/gtest.h>

#include "doc/testing_doc.h"

namespace dossier {
namespace {

using testing_doc::MakeDoc;

TEST(LanguageStageTest, EnglishArticle) {
  Document doc = MakeDoc(
      "The harbour council of Keldby voted on Tuesday to rebuild the north "
      "quay before the summer season, after two winters of storm damage "
      "left the fishing fleet without a safe mooring.\n");
  ASSERT_TRUE(LanguageStage().Run(doc).ok());
  EXPECT_EQ(doc.meta().language, "en");
}

TEST(LanguageStageTest, GermanArticle) {
  Document doc = MakeDoc(
      "Der Gemeinderat von Keldby hat am Dienstag beschlossen, den "
      "n\xC3\xB6rdlichen Kai vor der Sommersaison neu zu bauen, nachdem "
      "zwei Winter mit Sturmsch\xC3\xA4" "den die Fischereiflotte ohne "
      "sicheren Liegeplatz gelassen hatten.\n");
  ASSERT_TRUE(LanguageStage().Run(doc).ok());
  EXPECT_EQ(doc.meta().language, "de");
}

TEST(LanguageStageTest, TooShortToTellIsUndetermined) {
  Document doc = MakeDoc("OK.\n");
  ASSERT_TRUE(LanguageStage().Run(doc).ok());
  EXPECT_EQ(doc.meta().language, "und");
}

TEST(LanguageStageTest, MetadataKeptWhenDetectionIsUnsure) {
  Document doc = MakeDoc("OK.\n");
  doc.meta().language = "fr";
  doc.meta().language_from_metadata = true;
  ASSERT_TRUE(LanguageStage().Run(doc).ok());
  EXPECT_EQ(doc.meta().language, "fr");
}

}  // namespace
}  // namespace dossier
