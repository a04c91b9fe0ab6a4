#include "text/token_stage.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/text_testing.h"

namespace dossier {
namespace {

using ::testing::ElementsAre;
using testing::Tokenize;

// UTF-8 spellings used below.
#define LQ "\xE2\x80\x9C"   // “
#define RQ "\xE2\x80\x9D"   // ”
#define RSQ "\xE2\x80\x99"  // ’
#define LSQ "\xE2\x80\x98"  // ‘
#define EMDASH "\xE2\x80\x94"
#define ENDASH "\xE2\x80\x93"

uint16_t FlagsOfOnly(std::string_view text) {
  std::vector<Token> tokens;
  TokenizeSpan(text, {0, static_cast<uint32_t>(text.size())}, tokens);
  EXPECT_EQ(tokens.size(), 1u) << text;
  return tokens.empty() ? 0 : tokens[0].flags;
}

TEST(TokenizeTest, WordsAndFinalPunctuation) {
  EXPECT_THAT(Tokenize("The port of Caldera reopened."),
              ElementsAre("The", "port", "of", "Caldera", "reopened", "."));
}

TEST(TokenizeTest, NonAsciiLettersAreWords) {
  EXPECT_THAT(Tokenize("Z\xC3\xBCrich and K\xC3\xB8"
                       "benhavn"),
              ElementsAre("Z\xC3\xBCrich", "and",
                          "K\xC3\xB8"
                          "benhavn"));
}

TEST(TokenizeTest, NumbersKeepInnerPunctuation) {
  EXPECT_THAT(Tokenize("It cost 1,000.5 euros at 10:30, on 2025-05-15."),
              ElementsAre("It", "cost", "1,000.5", "euros", "at", "10:30", ",",
                          "on", "2025-05-15", "."));
}

TEST(TokenizeTest, NumbersWithSymbols) {
  EXPECT_THAT(
      Tokenize("($4.5 million, up 12%)"),
      ElementsAre("(", "$", "4.5", "million", ",", "up", "12", "%", ")"));
}

TEST(TokenizeTest, HyphenatedWordsStayWhole) {
  EXPECT_THAT(Tokenize("a Norland-Caldera truce, a 30-day pause, well-known"),
              ElementsAre("a", "Norland-Caldera", "truce", ",", "a", "30-day",
                          "pause", ",", "well-known"));
}

TEST(TokenizeTest, AbbreviationsKeepTheirPeriods) {
  EXPECT_THAT(Tokenize("U.S. Gen. Ostrova met J. Smith of Halvar Inc. on "
                       "Sept. 3 at 9 a.m. today"),
              ElementsAre("U.S.", "Gen.", "Ostrova", "met", "J.", "Smith", "of",
                          "Halvar", "Inc.", "on", "Sept.", "3", "at", "9",
                          "a.m.", "today"));
}

TEST(TokenizeTest, AbbreviationFlag) {
  EXPECT_TRUE(FlagsOfOnly("U.S.") & kTokenAbbrev);
  EXPECT_TRUE(FlagsOfOnly("Gen.") & kTokenAbbrev);
  EXPECT_TRUE(FlagsOfOnly("J.") & kTokenAbbrev);
  std::vector<Token> tokens;
  std::string_view text = "It ended.";
  TokenizeSpan(text, {0, 9}, tokens);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_FALSE(tokens[1].flags & kTokenAbbrev);
}

TEST(TokenizeTest, SentenceFinalWordIsNotAbbreviation) {
  EXPECT_THAT(Tokenize("She left the city."),
              ElementsAre("She", "left", "the", "city", "."));
}

TEST(TokenizeTest, NoIsAbbreviationOnlyBeforeNumber) {
  EXPECT_THAT(Tokenize("No. 5 said No. Then"),
              ElementsAre("No.", "5", "said", "No", ".", "Then"));
}

TEST(TokenizeTest, AbbreviationBeforeHyphenJoinsWord) {
  EXPECT_THAT(Tokenize("a U.S.-led push"),
              ElementsAre("a", "U.S.-led", "push"));
}

TEST(TokenizeTest, ClitcsSplitPtbStyle) {
  EXPECT_THAT(Tokenize("Velden's plan isn't done; they're sure we'll see"),
              ElementsAre("Velden", "'s", "plan", "is", "n't", "done", ";",
                          "they", "'re", "sure", "we", "'ll", "see"));
}

TEST(TokenizeTest, CurlyApostropheClitics) {
  EXPECT_THAT(Tokenize("Caldera" RSQ "s mayor can" RSQ "t and I" RSQ "m"),
              ElementsAre("Caldera", RSQ "s", "mayor", "ca", "n" RSQ "t", "and",
                          "I", RSQ "m"));
}

TEST(TokenizeTest, InnerApostropheInNamesStays) {
  EXPECT_THAT(Tokenize("Aoife O'Brien and D" RSQ "Arcy"),
              ElementsAre("Aoife", "O'Brien", "and", "D" RSQ "Arcy"));
}

TEST(TokenizeTest, PluralPossessiveApostropheIsNotQuote) {
  std::string_view text = "the workers' union";
  std::vector<Token> tokens;
  TokenizeSpan(text, {0, static_cast<uint32_t>(text.size())}, tokens);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(text.substr(tokens[2].span.start, tokens[2].span.size()), "'");
  EXPECT_TRUE(tokens[2].flags & kTokenPunct);
  EXPECT_FALSE(tokens[2].flags & kTokenQuoteMark);
}

TEST(TokenizeTest, QuotationMarksAreOwnTokens) {
  EXPECT_THAT(Tokenize(LQ "We will win," RQ " she said. \"Yes.\""),
              ElementsAre(LQ, "We", "will", "win", ",", RQ, "she", "said", ".",
                          "\"", "Yes", ".", "\""));
  EXPECT_TRUE(FlagsOfOnly(LQ) & kTokenQuoteMark);
  EXPECT_TRUE(FlagsOfOnly("\"") & kTokenQuoteMark);
  EXPECT_TRUE(FlagsOfOnly("\xC2\xAB") & kTokenQuoteMark);
}

TEST(TokenizeTest, SingleQuotesAsQuoteMarks) {
  std::string_view text = "He said 'no deal' and " LSQ "never" RSQ ".";
  std::vector<Token> tokens;
  TokenizeSpan(text, {0, static_cast<uint32_t>(text.size())}, tokens);
  std::vector<std::string> words;
  std::vector<bool> quote;
  for (const Token& t : tokens) {
    words.emplace_back(text.substr(t.span.start, t.span.size()));
    quote.push_back(t.flags & kTokenQuoteMark);
  }
  EXPECT_THAT(words, ElementsAre("He", "said", "'", "no", "deal", "'", "and",
                                 LSQ, "never", RSQ, "."));
  EXPECT_THAT(quote, ElementsAre(false, false, true, false, false, true, false,
                                 true, false, true, false));
}

TEST(TokenizeTest, DashesAreOwnTokens) {
  EXPECT_THAT(Tokenize("talks" EMDASH "if held" ENDASH "may fail - or not -- "
                       "later"),
              ElementsAre("talks", EMDASH, "if", "held", ENDASH, "may", "fail",
                          "-", "or", "not", "--", "later"));
}

TEST(TokenizeTest, UrlsAndEmailsStayWhole) {
  EXPECT_THAT(
      Tokenize("See https://example.org/a?b=1, www.example.com. Write to "
               "desk.editor@caldera-herald.example."),
      ElementsAre("See", "https://example.org/a?b=1", ",", "www.example.com",
                  ".", "Write", "to", "desk.editor@caldera-herald.example",
                  "."));
}

TEST(TokenizeTest, EllipsisIsOneToken) {
  EXPECT_THAT(Tokenize("Wait... then \xE2\x80\xA6 go"),
              ElementsAre("Wait", "...", "then", "\xE2\x80\xA6", "go"));
}

TEST(TokenizeTest, Flags) {
  uint16_t f = FlagsOfOnly("Caldera");
  EXPECT_TRUE(f & kTokenAlpha);
  EXPECT_TRUE(f & kTokenUpperInitial);
  EXPECT_FALSE(f & kTokenAllUpper);
  EXPECT_TRUE(FlagsOfOnly("NATO") & kTokenAllUpper);
  EXPECT_FALSE(FlagsOfOnly("A") & kTokenAllUpper);
  EXPECT_TRUE(FlagsOfOnly("2025") & kTokenDigit);
  EXPECT_FALSE(FlagsOfOnly("2025") & kTokenAlpha);
  EXPECT_TRUE(FlagsOfOnly(",") & kTokenPunct);
  EXPECT_FALSE(FlagsOfOnly("word") & kTokenPunct);
  EXPECT_FALSE(FlagsOfOnly("word") & kTokenUpperInitial);
  EXPECT_TRUE(FlagsOfOnly("\xC3\x89mile") & kTokenUpperInitial);
}

TEST(TokenizeTest, TokenFlagsOfMatchesStandalone) {
  EXPECT_EQ(TokenFlagsOf("Gen."),
            kTokenAlpha | kTokenUpperInitial | kTokenAbbrev);
  EXPECT_EQ(TokenFlagsOf("'"), kTokenPunct | kTokenQuoteMark);
  EXPECT_EQ(TokenFlagsOf("EU"),
            kTokenAlpha | kTokenUpperInitial | kTokenAllUpper);
  EXPECT_EQ(TokenFlagsOf(""), 0);
}

TEST(TokenizeTest, EmojiWithModifiersIsOneToken) {
  EXPECT_THAT(Tokenize("ok \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD yes"),
              ElementsAre("ok", "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", "yes"));
}

TEST(TokenizeTest, NoBreakSpaceSeparatesTokens) {
  EXPECT_THAT(Tokenize("Mr.\xC2\xA0Velden"), ElementsAre("Mr.", "Velden"));
}

TEST(TokenStageTest, TokenizesAllBlocksAndLinksSentences) {
  StatusOr<Document> doc = testing::RunTextChain(
      "Velden Wins Vote\n\nThe vote ended. Velden won.\n\nWhat Comes "
      "Next for Norland\n\nTalks start soon.\n");
  ASSERT_TRUE(doc.ok());
  const Layers& l = doc->layers();
  EXPECT_THAT(testing::TokenTexts(*doc),
              ElementsAre("Velden", "Wins", "Vote", "The", "vote", "ended", ".",
                          "Velden", "won", ".", "What", "Comes", "Next", "for",
                          "Norland", "Talks", "start", "soon", "."));
  ASSERT_EQ(l.sentences.size(), 4u);
  EXPECT_EQ(l.sentences[0].first_token, 0u);
  EXPECT_EQ(l.sentences[0].end_token, 3u);
  EXPECT_EQ(l.sentences[1].first_token, 3u);
  EXPECT_EQ(l.sentences[1].end_token, 7u);
  EXPECT_EQ(l.sentences[2].first_token, 7u);
  EXPECT_EQ(l.sentences[3].first_token, 15u);
  EXPECT_EQ(l.sentences[3].end_token, 19u);
  std::vector<uint32_t> starts;
  for (uint32_t i = 0; i < l.tokens.size(); ++i) {
    if (l.tokens[i].flags & kTokenSentenceStart) starts.push_back(i);
  }
  EXPECT_THAT(starts, ElementsAre(0u, 3u, 7u, 15u));
}

TEST(TokenStageTest, SkipsRemovedBlocks) {
  StatusOr<Document> doc =
      NormalizeArticle(testing::Raw("Kept words.\n\nDropped words.", "T"), {});
  ASSERT_TRUE(doc.ok());
  ASSERT_TRUE(LayoutStage().Run(*doc).ok());
  doc->layers().blocks[1].removed_why = "footer";
  ASSERT_TRUE(TokenStage().Run(*doc).ok());
  EXPECT_THAT(testing::TokenTexts(*doc), ElementsAre("Kept", "words", "."));
}

}  // namespace
}  // namespace dossier
