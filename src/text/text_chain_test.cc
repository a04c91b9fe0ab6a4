// Invariants of the whole text chain (normalize, layout, sentences, tokens)
// on tricky and pseudo-random input.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "text/text_testing.h"

namespace dossier {
namespace {

using testing::IsBoundary;

// Checks every layer's offsets: inside the text, on code point boundaries,
// in order, nested as the contracts say; and that the offset map is
// monotonic and lands on code point boundaries of the raw input.
void CheckInvariants(const Document& doc, std::string_view raw) {
  std::string_view text = doc.text();
  const Layers& l = doc.layers();
  ASSERT_TRUE(ValidateUtf8(text).ok());
  auto check_span = [&](Span s) {
    ASSERT_LE(s.start, s.end);
    ASSERT_LE(s.end, text.size());
    EXPECT_TRUE(IsBoundary(text, s.start)) << s.start;
    EXPECT_TRUE(IsBoundary(text, s.end)) << s.end;
  };
  uint32_t prev = 0;
  for (const Block& b : l.blocks) {
    check_span(b.span);
    EXPECT_FALSE(b.span.empty());
    EXPECT_GE(b.span.start, prev);
    prev = b.span.end;
  }
  prev = 0;
  for (const Sentence& s : l.sentences) {
    check_span(s.span);
    EXPECT_GE(s.span.start, prev);
    prev = s.span.end;
    EXPECT_LE(s.first_token, s.end_token);
    EXPECT_LE(s.end_token, l.tokens.size());
  }
  prev = 0;
  for (const Token& t : l.tokens) {
    check_span(t.span);
    EXPECT_FALSE(t.span.empty());
    EXPECT_GE(t.span.start, prev);
    prev = t.span.end;
    bool in_block = false;
    for (const Block& b : l.blocks) in_block |= b.span.Contains(t.span);
    EXPECT_TRUE(in_block);
  }
  const OffsetMap& m = doc.offsets();
  uint32_t last_raw = 0;
  for (uint32_t i = 0; i <= text.size(); ++i) {
    uint32_t r = m.ToRaw(i);
    ASSERT_LE(r, raw.size());
    if (!IsBoundary(text, i)) continue;  // offsets never point there
    EXPECT_GE(r, last_raw) << i;
    last_raw = r;
    EXPECT_TRUE(IsBoundary(raw, r)) << i;
  }
}

TEST(TextChainTest, TokensMapBackToIdenticalRawBytesWithoutRewrites) {
  std::string raw =
      "Harbor Talks Resume\n\nMinister Ilse Brandt of Norland met Gen. Sava "
      "Ostrova on Jan. 5. \xE2\x80\x9CWe\xE2\x80\x99re close,\xE2\x80\x9D she "
      "said.\n";
  StatusOr<Document> doc = testing::RunTextChain(raw);
  ASSERT_TRUE(doc.ok());
  CheckInvariants(*doc, raw);
  for (const Token& t : doc->layers().tokens) {
    uint32_t rs = doc->offsets().ToRaw(t.span.start);
    uint32_t re = doc->offsets().ToRaw(t.span.end);
    EXPECT_EQ(raw.substr(rs, re - rs), doc->Slice(t.span));
  }
}

TEST(TextChainTest, TokensMapBackThroughCrLfAndBom) {
  std::string raw =
      "\xEF\xBB\xBFPort Vote\r\n\r\nThe council of Estvale voted.\r\nMayor "
      "Ruiz agreed.\r\n";
  StatusOr<Document> doc = testing::RunTextChain(raw);
  ASSERT_TRUE(doc.ok());
  CheckInvariants(*doc, raw);
  for (const Token& t : doc->layers().tokens) {
    uint32_t rs = doc->offsets().ToRaw(t.span.start);
    uint32_t re = doc->offsets().ToRaw(t.span.end - 1) + 1;
    EXPECT_EQ(raw.substr(rs, re - rs), doc->Slice(t.span));
  }
}

TEST(TextChainTest, NfdNameTokenPointsAtDecomposedRawBytes) {
  std::string raw =
      "Title Here\n\nRene\xCC\x81"
      "e Dubois arrived.";
  StatusOr<Document> doc = testing::RunTextChain(raw);
  ASSERT_TRUE(doc.ok());
  CheckInvariants(*doc, raw);
  const Token& t = doc->layers().tokens[2];
  EXPECT_EQ(doc->Slice(t.span),
            "Ren\xC3\xA9"
            "e");
  uint32_t rs = doc->offsets().ToRaw(t.span.start);
  uint32_t re = doc->offsets().ToRaw(t.span.end);
  EXPECT_EQ(raw.substr(rs, re - rs),
            "Rene\xCC\x81"
            "e");
}

TEST(TextChainTest, PseudoRandomInputKeepsInvariants) {
  const std::vector<std::string> pieces = {"Velden",
                                           " ",
                                           "  ",
                                           "\n",
                                           "\n\n",
                                           "\r\n",
                                           "\r",
                                           "\t",
                                           ".",
                                           ",",
                                           "?",
                                           "U.S.",
                                           "Mr.",
                                           "J.",
                                           "'s",
                                           "n't",
                                           "\xE2\x80\x9C",
                                           "\xE2\x80\x9D",
                                           "\xE2\x80\x99",
                                           "'",
                                           "\"",
                                           "-",
                                           "\xE2\x80\x94",
                                           "e\xCC\x81",
                                           "\xC3\xA9",
                                           "\xEF\xBB\xBF",
                                           "\xE2\x80\x8B",
                                           "\xC2\xA0",
                                           "\x01",
                                           "1,000",
                                           "2025-05-15",
                                           "www.example.org",
                                           "a@b.example",
                                           "\xF0\x9F\x98\x80",
                                           "\xE2\x80\xA8",
                                           "Caldera Herald",
                                           "the",
                                           "Talks Resume Today",
                                           "...",
                                           "\xCC\x81",
                                           "\xE3\x80\x80",
                                           "(",
                                           ")",
                                           "No. 5",
                                           "\xE2\x80\xA6"};
  std::mt19937 rng(12345);
  for (int round = 0; round < 300; ++round) {
    std::string raw;
    int n = 1 + static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) raw += pieces[rng() % pieces.size()];
    StatusOr<Document> doc = testing::RunTextChain(raw);
    if (!doc.ok()) {
      // Only whitespace, or mostly control bytes.
      EXPECT_TRUE(doc.status().code() == ErrorCode::kEmptyInput ||
                  doc.status().code() == ErrorCode::kBinaryInput)
          << doc.status().ToString();
      continue;
    }
    SCOPED_TRACE(raw);
    CheckInvariants(*doc, raw);
    if (::testing::Test::HasFailure()) break;
  }
}

}  // namespace
}  // namespace dossier
