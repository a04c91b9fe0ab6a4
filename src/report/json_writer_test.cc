#include "report/json_writer.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <fstream>
#include <sstream>
#include <streambuf>
#include <string>

#include "report/test_corpus.h"

namespace dossier {
namespace {

using testing_corpus::MakeCorpus;
using testing_corpus::MakeDoc;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string ToJson(const Corpus& c, bool pretty = true) {
  JsonOptions opts;
  opts.generated = "2025-05-20T08:00:00Z";
  opts.pretty = pretty;
  std::ostringstream out;
  Status st = WriteDossierJson(c, opts, out);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return out.str();
}

rapidjson::Document Parse(const std::string& json) {
  rapidjson::Document d;
  d.Parse(json.c_str(), json.size());
  EXPECT_FALSE(d.HasParseError()) << "offset " << d.GetErrorOffset();
  return d;
}

// Validates `json` against docs/schema/dossier.schema.json; "" when valid,
// else where and why it is not.
std::string SchemaProblem(const std::string& json) {
  std::string schema_text = ReadFile(std::string(DOSSIER_SOURCE_DIR) +
                                     "/docs/schema/dossier.schema.json");
  rapidjson::Document schema_doc;
  schema_doc.Parse(schema_text.c_str());
  if (schema_doc.HasParseError()) return "schema does not parse";
  rapidjson::SchemaDocument schema(schema_doc);
  rapidjson::Document d = Parse(json);
  rapidjson::SchemaValidator validator(schema);
  if (d.Accept(validator)) return "";
  rapidjson::StringBuffer doc_ptr, schema_ptr;
  validator.GetInvalidDocumentPointer().StringifyUriFragment(doc_ptr);
  validator.GetInvalidSchemaPointer().StringifyUriFragment(schema_ptr);
  return std::string("invalid at ") + doc_ptr.GetString() + " (schema " +
         schema_ptr.GetString() + ", keyword " +
         validator.GetInvalidSchemaKeyword() + ")";
}

const rapidjson::Value& DocById(const rapidjson::Document& d,
                                const std::string& id) {
  for (const auto& doc : d["documents"].GetArray()) {
    if (id == doc["id"].GetString()) return doc;
  }
  ADD_FAILURE() << "no document " << id;
  return d["documents"][0];
}

std::string SliceOf(const rapidjson::Value& doc, const rapidjson::Value& item,
                    const char* start = "start", const char* end = "end") {
  std::string text = doc["text"].GetString();
  uint32_t s = item[start].GetUint(), e = item[end].GetUint();
  EXPECT_LE(s, e);
  EXPECT_LE(e, text.size());
  return text.substr(s, e - s);
}

TEST(JsonWriterTest, PrettyOutputValidatesAgainstPublishedSchema) {
  EXPECT_EQ(SchemaProblem(ToJson(MakeCorpus(), true)), "");
}

TEST(JsonWriterTest, CompactOutputValidatesAndIsOneLine) {
  std::string json = ToJson(MakeCorpus(), false);
  EXPECT_EQ(SchemaProblem(json), "");
  EXPECT_EQ(json.find('\n'), json.size() - 1);
}

TEST(JsonWriterTest, EmptyCorpusValidates) {
  Corpus empty;
  std::string json = ToJson(empty);
  EXPECT_EQ(SchemaProblem(json), "");
  rapidjson::Document d = Parse(json);
  EXPECT_TRUE(d["documents"].GetArray().Empty());
  EXPECT_TRUE(d["events"].GetArray().Empty());
  EXPECT_TRUE(d["findings"].GetArray().Empty());
}

TEST(JsonWriterTest, SchemaRejectsAMissingRequiredField) {
  // Guards the validation tests above: the schema really checks something.
  rapidjson::Document d = Parse(ToJson(MakeCorpus()));
  d["documents"][0].RemoveMember("text");
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  d.Accept(w);
  EXPECT_NE(SchemaProblem(sb.GetString()), "");
}

TEST(JsonWriterTest, HeaderHoldsSchemaVersionToolAndTimestamp) {
  rapidjson::Document d = Parse(ToJson(MakeCorpus()));
  EXPECT_STREQ(d["schema"].GetString(), "dossier");
  EXPECT_EQ(d["version"].GetInt(), 1);
  EXPECT_STREQ(d["generated"].GetString(), "2025-05-20T08:00:00Z");
  EXPECT_STREQ(d["tool"]["name"].GetString(), "dossier");
  EXPECT_STREQ(d["tool"]["version"].GetString(), "0.1.0");
}

TEST(JsonWriterTest, EmptyGeneratedMeansNowAndStillValidates) {
  Corpus c;
  JsonOptions opts;  // generated empty
  std::ostringstream out;
  ASSERT_TRUE(WriteDossierJson(c, opts, out).ok());
  EXPECT_EQ(SchemaProblem(out.str()), "");
  rapidjson::Document d = Parse(out.str());
  std::string generated = d["generated"].GetString();
  EXPECT_EQ(generated.size(), 20u);
  EXPECT_GE(generated, std::string("2025-"));
}

TEST(JsonWriterTest, TimingsAreWritten) {
  rapidjson::Document d = Parse(ToJson(MakeCorpus()));
  const auto& stages = d["timings"]["stages"];
  ASSERT_EQ(stages.Size(), 2u);
  EXPECT_STREQ(stages[0]["name"].GetString(), "layout");
  EXPECT_DOUBLE_EQ(stages[1]["seconds"].GetDouble(), 0.5);
  EXPECT_EQ(stages[1]["documents"].GetUint(), 2u);
  EXPECT_DOUBLE_EQ(d["timings"]["wall_seconds"].GetDouble(), 0.75);
}

TEST(JsonWriterTest, MissingMetadataIsNull) {
  rapidjson::Document d = Parse(ToJson(MakeCorpus()));
  const auto& doc = DocById(d, "d2");
  for (const char* field : {"outlet", "outlet_how", "published",
                            "published_how", "dateline", "url"}) {
    EXPECT_TRUE(doc[field].IsNull()) << field;
  }
}

TEST(JsonWriterTest, KnownMetadataIsWritten) {
  rapidjson::Document d = Parse(ToJson(MakeCorpus()));
  const auto& doc = DocById(d, "d1");
  EXPECT_STREQ(doc["outlet"].GetString(), "Caldera Wire");
  EXPECT_STREQ(doc["published"].GetString(), "2025-05-14");
  EXPECT_STREQ(doc["published_how"].GetString(), "dateline");
  EXPECT_STREQ(doc["dateline"]["place"].GetString(), "PORT ALDER");
  EXPECT_STREQ(doc["dateline"]["agency"].GetString(), "Caldera Wire");
  EXPECT_EQ(doc["sentences"].GetUint(), 4u);
  EXPECT_TRUE(doc["framing"].IsObject());
}

TEST(JsonWriterTest, QuoteWithoutSpeakerHasNullSpeakerCueAndGroup) {
  rapidjson::Document d = Parse(ToJson(MakeCorpus()));
  const auto& q = d["quotes"][2];
  EXPECT_STREQ(q["doc"].GetString(), "d2");
  EXPECT_TRUE(q["speaker"].IsNull());
  EXPECT_TRUE(q["speaker_text"].IsNull());
  EXPECT_TRUE(q["cue"].IsNull());
  EXPECT_TRUE(q["group"].IsNull());
}

TEST(JsonWriterTest, QuoteSpeakerIsTheEntityIdOfItsMention) {
  rapidjson::Document d = Parse(ToJson(MakeCorpus()));
  const auto& quotes = d["quotes"];
  ASSERT_EQ(quotes.Size(), 3u);
  EXPECT_STREQ(quotes[0]["id"].GetString(), "q1");
  EXPECT_STREQ(quotes[0]["speaker"].GetString(), "e1");
  EXPECT_STREQ(quotes[0]["speaker_text"].GetString(), "President Mara Velden");
  EXPECT_STREQ(quotes[0]["cue"].GetString(), "said");
  EXPECT_STREQ(quotes[0]["group"].GetString(), "g1");
  EXPECT_STREQ(quotes[1]["speaker"].GetString(), "e1");
  EXPECT_STREQ(quotes[2]["id"].GetString(), "q3");
}

TEST(JsonWriterTest, QuoteOffsetsSliceMarksAndContent) {
  rapidjson::Document d = Parse(ToJson(MakeCorpus()));
  for (const auto& q : d["quotes"].GetArray()) {
    const auto& doc = DocById(d, q["doc"].GetString());
    std::string whole = SliceOf(doc, q);
    std::string content = SliceOf(doc, q, "content_start", "content_end");
    EXPECT_EQ(content, q["text"].GetString());
    EXPECT_EQ(whole, "\"" + content + "\"");
  }
}

TEST(JsonWriterTest, MentionAndTimeOffsetsSliceTheirText) {
  rapidjson::Document d = Parse(ToJson(MakeCorpus()));
  size_t checked = 0;
  for (const auto& e : d["entities"].GetArray()) {
    for (const auto& m : e["mentions"].GetArray()) {
      EXPECT_EQ(SliceOf(DocById(d, m["doc"].GetString()), m),
                m["text"].GetString());
      ++checked;
    }
  }
  for (const auto& t : d["times"].GetArray()) {
    EXPECT_EQ(SliceOf(DocById(d, t["doc"].GetString()), t),
              t["text"].GetString());
    ++checked;
  }
  EXPECT_EQ(checked, 4u + 3u);
  EXPECT_STREQ(d["times"][2]["text"].GetString(), "three weeks");
  EXPECT_STREQ(d["times"][2]["value"].GetString(), "P3W");
}

TEST(JsonWriterTest, BlockHeadingAndDatelineOffsetsSliceTheirText) {
  rapidjson::Document d = Parse(ToJson(MakeCorpus()));
  const auto& doc = DocById(d, "d1");
  EXPECT_EQ(SliceOf(doc, doc["blocks"][0]), "Velden Pledges Harbour Fund");
  EXPECT_STREQ(doc["blocks"][0]["kind"].GetString(), "title");
  ASSERT_EQ(doc["headings"].Size(), 1u);
  EXPECT_EQ(SliceOf(doc, doc["headings"][0]), "Funding");
  EXPECT_EQ(SliceOf(doc, doc["dateline"]),
            "PORT ALDER, May 14, 2025 - Caldera Wire");
}

TEST(JsonWriterTest, RemovedTextKeepsReasonAndPosition) {
  rapidjson::Document d = Parse(ToJson(MakeCorpus()));
  const auto& doc = DocById(d, "d1");
  ASSERT_EQ(doc["removed"].Size(), 1u);
  const auto& r = doc["removed"][0];
  EXPECT_STREQ(r["why"].GetString(), "subscription_footer");
  EXPECT_EQ(r["at"].GetUint(), doc["text"].GetStringLength());
}

TEST(JsonWriterTest, UntrustedTextRoundTripsExactly) {
  Corpus c;
  DocMeta m;
  m.id = "d1";
  m.title = "Tab\there, \"quoted\" \\ back";
  std::string text =
      "Line one\nA <tag> & \"quote\" \\ slash\x01 ctrl, caf\xC3\xA9, "
      "\xE2\x80\xA8 separator, \xF0\x9F\x93\xB0 paper.";
  c.documents.push_back(MakeDoc(m, text));
  rapidjson::Document d = Parse(ToJson(c));
  EXPECT_EQ(std::string(d["documents"][0]["text"].GetString(),
                        d["documents"][0]["text"].GetStringLength()),
            text);
  EXPECT_STREQ(d["documents"][0]["title"].GetString(), m.title.c_str());
}

TEST(JsonWriterTest, EntitiesListAliasesAndMentionDocuments) {
  rapidjson::Document d = Parse(ToJson(MakeCorpus()));
  const auto& e = d["entities"][0];
  EXPECT_STREQ(e["id"].GetString(), "e1");
  EXPECT_STREQ(e["type"].GetString(), "PERSON");
  ASSERT_EQ(e["aliases"].Size(), 2u);
  ASSERT_EQ(e["mentions"].Size(), 3u);
  EXPECT_STREQ(e["mentions"][0]["form"].GetString(), "title");
  EXPECT_STREQ(e["mentions"][2]["doc"].GetString(), "d2");
}

TEST(JsonWriterTest, ErrorIsListedWithItsStableCode) {
  rapidjson::Document d = Parse(ToJson(MakeCorpus()));
  ASSERT_EQ(d["errors"].Size(), 1u);
  const auto& e = d["errors"][0];
  EXPECT_STREQ(e["source"].GetString(), "in/broken.txt");
  EXPECT_STREQ(e["code"].GetString(), "input.invalid_utf8");
  EXPECT_EQ(e["number"].GetInt(), 203);
  EXPECT_STREQ(e["message"].GetString(), "invalid byte 0xff at offset 12");
}

TEST(JsonWriterTest, OutOfRangeSpansAreClampedNotFatal) {
  Corpus c;
  DocMeta m;
  m.id = "d1";
  Document doc = MakeDoc(m, "short text");
  Timex t{Span{6, 400}, TimexType::kDate, "XXXX"};
  doc.layers().times.push_back(t);
  c.documents.push_back(std::move(doc));
  rapidjson::Document d = Parse(ToJson(c));
  EXPECT_EQ(d["times"][0]["end"].GetUint(), 10u);
  EXPECT_STREQ(d["times"][0]["text"].GetString(), "text");
}

// A stream buffer that accepts `budget` bytes, then fails.
class FailingBuf : public std::streambuf {
 public:
  explicit FailingBuf(size_t budget) : budget_(budget) {}

 protected:
  int_type overflow(int_type ch) override {
    if (budget_ == 0) return traits_type::eof();
    --budget_;
    return traits_type::not_eof(ch);
  }

 private:
  size_t budget_;
};

TEST(JsonWriterTest, FailingStreamReportsWriteFailed) {
  FailingBuf buf(100);
  std::ostream out(&buf);
  Status st = WriteDossierJson(MakeCorpus(), JsonOptions{}, out);
  EXPECT_EQ(st.code(), ErrorCode::kWriteFailed);
}

TEST(JsonWriterTest, BadStreamReportsWriteFailed) {
  std::ostream out(nullptr);
  EXPECT_EQ(WriteDossierJson(MakeCorpus(), JsonOptions{}, out).code(),
            ErrorCode::kWriteFailed);
}

TEST(FormatIsoUtcTest, FormatsEpochSeconds) {
  EXPECT_EQ(FormatIsoUtc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatIsoUtc(1747296000), "2025-05-15T08:00:00Z");
}

TEST(JsonWriterTest, StoriesValidateAndDocumentsNameTheirStory) {
  Corpus c = MakeCorpus();
  Story s;
  s.id = "s1";
  s.label = "Mara Velden";
  s.documents = {0};
  s.keywords = {"talks"};
  s.first_published = "2025-05-15";
  s.last_published = "2025-05-15";
  c.documents[0].meta().story = "s1";
  c.stories.push_back(s);
  std::string json = ToJson(c);
  EXPECT_EQ(SchemaProblem(json), "");
  rapidjson::Document d = Parse(json);
  ASSERT_EQ(d["stories"].GetArray().Size(), 1u);
  const auto& story = d["stories"][0];
  EXPECT_STREQ(story["id"].GetString(), "s1");
  EXPECT_STREQ(story["documents"][0].GetString(), "d1");
  EXPECT_STREQ(DocById(d, "d1")["story"].GetString(), "s1");
  if (c.documents.size() > 1) {
    EXPECT_TRUE(DocById(d, c.documents[1].meta().id)["story"].IsNull());
  }
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

TEST(JsonWriterTest, SingleSpeakerIsTheOnlySpeakers) {
  rapidjson::Document d = Parse(ToJson(MakeCorpus()));
  const auto& q = d["quotes"][0];
  ASSERT_TRUE(q["speakers"].IsArray());
  ASSERT_EQ(q["speakers"].Size(), 1u);
  EXPECT_STREQ(q["speakers"][0].GetString(), "e1");
  EXPECT_EQ(d["quotes"][2]["speakers"].Size(), 0u);
}

TEST(JsonWriterTest, JointSpeakerListsEveryEntity) {
  Corpus c = MakeCorpus();
  // Document 0's mentions 0 (Velden, e1) and 1 (Norland, e2).
  c.documents[0].layers().quotes[0].joint_mentions = {0, 1};
  rapidjson::Document d = Parse(ToJson(c));
  const auto& q = d["quotes"][0];
  ASSERT_EQ(q["speakers"].Size(), 2u);
  EXPECT_STREQ(q["speakers"][0].GetString(), "e1");
  EXPECT_STREQ(q["speakers"][1].GetString(), "e2");
  EXPECT_STREQ(q["speaker"].GetString(), "e1");
}

}  // namespace
}  // namespace dossier
