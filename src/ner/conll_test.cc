#include "ner/conll.h"

#include <gtest/gtest.h>

#include "ner/test_corpus.h"

namespace dossier {
namespace {

std::vector<NerSpan> Spans(const std::vector<std::string_view>& tags) {
  std::vector<NerSpan> out;
  Status s = TagsToSpans(tags, 0, &out);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out;
}

TEST(TagsToSpansTest, Iob1) {
  // IOB1: I- everywhere, B- only between two adjacent entities of a type.
  EXPECT_EQ(Spans({"I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"}),
            (std::vector<NerSpan>{{0, 2, NerType::kPer},
                                  {3, 4, NerType::kLoc},
                                  {4, 5, NerType::kLoc},
                                  {5, 6, NerType::kOrg}}));
}

TEST(TagsToSpansTest, Iob2) {
  EXPECT_EQ(Spans({"B-PER", "I-PER", "B-PER", "O", "B-MISC"}),
            (std::vector<NerSpan>{{0, 2, NerType::kPer},
                                  {2, 3, NerType::kPer},
                                  {4, 5, NerType::kMisc}}));
}

TEST(TagsToSpansTest, Bilou) {
  EXPECT_EQ(Spans({"B-ORG", "L-ORG", "U-ORG", "S-LOC", "B-PER", "E-PER"}),
            (std::vector<NerSpan>{{0, 2, NerType::kOrg},
                                  {2, 3, NerType::kOrg},
                                  {3, 4, NerType::kLoc},
                                  {4, 6, NerType::kPer}}));
}

TEST(TagsToSpansTest, TypeChangeStartsEntity) {
  EXPECT_EQ(Spans({"I-PER", "I-ORG"}),
            (std::vector<NerSpan>{{0, 1, NerType::kPer},
                                  {1, 2, NerType::kOrg}}));
}

TEST(TagsToSpansTest, BadTag) {
  std::vector<NerSpan> out;
  EXPECT_FALSE(TagsToSpans({"I-FOO"}, 0, &out).ok());
  EXPECT_FALSE(TagsToSpans({"X"}, 0, &out).ok());
}

TEST(ParseConllTest, DocumentsAndSentences) {
  StatusOr<std::vector<ConllDocument>> docs =
      ParseConll(ner_test::TinyCorpus(), "tiny");
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 2u);
  const ConllDocument& d = (*docs)[0];
  EXPECT_EQ(d.sentence_ends, (std::vector<uint32_t>{7, 14, 21}));
  EXPECT_EQ(d.words[0], "Mara");
  ASSERT_EQ(d.entities.size(), 6u);
  EXPECT_EQ(d.entities[0], (NerSpan{0, 2, NerType::kPer}));
  EXPECT_EQ(d.entities[5], (NerSpan{18, 20, NerType::kLoc}));
}

TEST(ParseConllTest, FourColumnsIob1CrLf) {
  const std::string text =
      "-DOCSTART- -X- O O\r\n\r\n"
      "Ilse NNP I-NP I-PER\r\n"
      "Moran NNP I-NP I-PER\r\n"
      "left VBD I-VP O\r\n"
      "Tarsk NNP I-NP I-LOC\r\n"
      "Ovo NNP I-NP B-LOC\r\n"
      ". . O O\r\n";
  StatusOr<std::vector<ConllDocument>> docs = ParseConll(text, "t");
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ((*docs)[0].entities,
            (std::vector<NerSpan>{{0, 2, NerType::kPer},
                                  {3, 4, NerType::kLoc},
                                  {4, 5, NerType::kLoc}}));
}

TEST(ParseConllTest, Errors) {
  EXPECT_FALSE(ParseConll("", "empty").ok());
  EXPECT_FALSE(ParseConll("-DOCSTART- O\n\n", "docstart only").ok());
  EXPECT_FALSE(ParseConll("lonely\n", "one column").ok());
  StatusOr<std::vector<ConllDocument>> bad = ParseConll("a B-NOPE\n", "x");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("x:1"), std::string::npos);
  EXPECT_EQ(ReadConllFile("/nonexistent/file.conll").status().code(),
            ErrorCode::kUnreadable);
}

}  // namespace
}  // namespace dossier
