// The real pipeline's dossier.json on the example corpus validates against
// the published schema (docs/schema/dossier.schema.json), and its offsets
// slice the text they claim to.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <fstream>
#include <sstream>

#include "analyze/analyze.h"
#include "report/json_writer.h"

namespace dossier {
namespace {

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class ExampleCorpusJsonTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    StatusOr<Corpus> c = AnalyzeInputs(
        {std::string(DOSSIER_SOURCE_DIR) + "/examples/corpus"}, {}, nullptr);
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    std::ostringstream out;
    JsonOptions opts;
    opts.generated = "2025-01-01T00:00:00Z";
    ASSERT_TRUE(WriteDossierJson(*c, opts, out).ok());
    json_ = new std::string(out.str());
  }
  static void TearDownTestSuite() { delete json_; }
  static std::string* json_;
};
std::string* ExampleCorpusJsonTest::json_ = nullptr;

TEST_F(ExampleCorpusJsonTest, ValidatesAgainstPublishedSchema) {
  rapidjson::Document schema_doc;
  std::string schema_text =
      ReadText(std::string(DOSSIER_SOURCE_DIR) + "/docs/schema/dossier.schema.json");
  ASSERT_FALSE(schema_doc.Parse(schema_text.c_str()).HasParseError());
  rapidjson::SchemaDocument schema(schema_doc);
  rapidjson::Document d;
  ASSERT_FALSE(d.Parse(json_->c_str()).HasParseError());
  rapidjson::SchemaValidator validator(schema);
  if (!d.Accept(validator)) {
    rapidjson::StringBuffer sb;
    validator.GetInvalidDocumentPointer().StringifyUriFragment(sb);
    FAIL() << "invalid at " << sb.GetString() << " (keyword "
           << validator.GetInvalidSchemaKeyword() << ")";
  }
}

TEST_F(ExampleCorpusJsonTest, QuoteAndTimeOffsetsSliceTheirDocumentText) {
  rapidjson::Document d;
  d.Parse(json_->c_str());
  std::map<std::string, std::string> texts;
  for (const auto& doc : d["documents"].GetArray()) {
    texts[doc["id"].GetString()] = doc["text"].GetString();
  }
  ASSERT_FALSE(texts.empty());
  size_t checked = 0;
  for (const char* layer : {"times", "quotes"}) {
    for (const auto& item : d[layer].GetArray()) {
      const std::string& text = texts[item["doc"].GetString()];
      uint32_t s = item["start"].GetUint(), e = item["end"].GetUint();
      ASSERT_LE(s, e);
      ASSERT_LE(e, text.size());
      std::string slice = text.substr(s, e - s);
      std::string claimed = item["text"].GetString();
      EXPECT_NE(slice.find(claimed), std::string::npos)
          << layer << " text '" << claimed << "' not in its span '" << slice
          << "'";
      ++checked;
    }
  }
  EXPECT_GT(checked, 0u);
}

}  // namespace
}  // namespace dossier
