#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ner/conll.h"
#include "pos/default_model.h"
#include "pos/lemmatizer.h"
#include "pos/model.h"
#include "pos/tags.h"
#include "pos/train.h"

namespace dossier {
namespace {

std::vector<uint8_t> TagWords(const std::vector<std::string_view>& words) {
  StatusOr<std::shared_ptr<const PosModel>> model = DefaultPosModel();
  EXPECT_TRUE(model.ok()) << model.status().ToString();
  PosScratch scratch;
  std::vector<uint8_t> tags;
  (*model)->Tag(words, &scratch, &tags);
  return tags;
}

TEST(PosTags, NamesRoundTrip) {
  for (uint8_t t = 1; t < kNumPosTags; ++t) {
    uint8_t back = 0;
    ASSERT_TRUE(ParsePosTag(PosTagName(t), &back)) << int(t);
    EXPECT_EQ(back, t);
  }
  uint8_t t = 0;
  EXPECT_TRUE(ParsePosTag("NN|SYM", &t));
  EXPECT_EQ(t, kPosNN);
  EXPECT_FALSE(ParsePosTag("-X-", &t));
}

TEST(PosModel, TagsAnInventedSentence) {
  const std::vector<uint8_t> tags =
      TagWords({"Mara", "Velden", "will", "not", "attend", "the", "talks", "in",
                "Port", "Avel", "."});
  ASSERT_EQ(tags.size(), 11u);
  EXPECT_EQ(tags[0], kPosNNP);
  EXPECT_EQ(tags[2], kPosMD);
  EXPECT_EQ(tags[3], kPosRB);
  EXPECT_EQ(tags[4], kPosVB);
  EXPECT_EQ(tags[5], kPosDT);
  EXPECT_EQ(tags[6], kPosNNS);
  EXPECT_EQ(tags[7], kPosIN);
  EXPECT_EQ(tags[10], kPosPeriod);
}

TEST(PosModel, ReadsTypographicQuotesLikeAscii) {
  const std::vector<uint8_t> a = TagWords({"\"", "We", "agreed", ",", "\""});
  const std::vector<uint8_t> b =
      TagWords({"\xE2\x80\x9C", "We", "agreed", ",", "\xE2\x80\x9D"});
  EXPECT_EQ(a, b);
}

TEST(PosModel, RejectsCorruptBytes) {
  std::string bytes(DefaultPosModelBytes());
  EXPECT_FALSE(PosModel::FromBytes(bytes.substr(0, 40)).ok());
  EXPECT_FALSE(PosModel::FromBytes(bytes.substr(0, bytes.size() - 1)).ok());
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x55;
  EXPECT_FALSE(PosModel::FromBytes(flipped).ok());
  flipped = bytes;
  flipped[0] = 'X';
  EXPECT_FALSE(PosModel::FromBytes(flipped).ok());
}

constexpr char kTiny[] =
    "-DOCSTART- -X- -X- O\n\n"
    "Mara NNP B-NP B-PER\nVelden NNP I-NP I-PER\nvisited VBD B-VP O\n"
    "Norland NNP B-NP B-LOC\n. . O O\n\n"
    "The DT B-NP O\nbank NN I-NP O\nsaid VBD B-VP O\nit PRP B-NP O\n"
    "agreed VBD B-VP O\n. . O O\n\n"
    "Farmers NNS B-NP O\nwill MD B-VP O\nmeet VB I-VP O\non IN B-PP O\n"
    "Monday NNP B-NP O\n. . O O\n";

TEST(PosTrain, DeterministicAndLearnsTheData) {
  StatusOr<std::vector<ConllDocument>> docs = ParseConll(kTiny, "tiny");
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ((*docs)[0].pos.size(), (*docs)[0].words.size());
  PosTrainOptions opts;
  opts.epochs = 5;
  opts.prune = 0;
  StatusOr<std::string> a = TrainPosModel(*docs, opts, nullptr, nullptr);
  StatusOr<std::string> b = TrainPosModel(*docs, opts, nullptr, nullptr);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
  StatusOr<PosAccuracy> acc = EvaluatePos(*docs, *a);
  ASSERT_TRUE(acc.ok());
  EXPECT_EQ(acc->correct, acc->tokens);
}

TEST(Lemmatizer, IrregularVerbs) {
  EXPECT_EQ(Lemmatize("went", kPosVBD), "go");
  EXPECT_EQ(Lemmatize("said", kPosVBD), "say");
  EXPECT_EQ(Lemmatize("Held", kPosVBN), "hold");
  EXPECT_EQ(Lemmatize("is", kPosVBZ), "be");
  EXPECT_EQ(Lemmatize("'ll", kPosMD), "will");
  EXPECT_EQ(Lemmatize("wo", kPosMD), "will");
  EXPECT_EQ(Lemmatize("n't", kPosRB), "not");
}

TEST(Lemmatizer, RegularVerbs) {
  EXPECT_EQ(Lemmatize("attended", kPosVBD), "attend");
  EXPECT_EQ(Lemmatize("planned", kPosVBN), "plan");
  EXPECT_EQ(Lemmatize("declined", kPosVBD), "decline");
  EXPECT_EQ(Lemmatize("negotiated", kPosVBD), "negotiate");
  EXPECT_EQ(Lemmatize("announced", kPosVBD), "announce");
  EXPECT_EQ(Lemmatize("agreed", kPosVBD), "agree");
  EXPECT_EQ(Lemmatize("denied", kPosVBD), "deny");
  EXPECT_EQ(Lemmatize("refused", kPosVBD), "refuse");
  EXPECT_EQ(Lemmatize("visited", kPosVBD), "visit");
  EXPECT_EQ(Lemmatize("threatens", kPosVBZ), "threaten");
  EXPECT_EQ(Lemmatize("criticizes", kPosVBZ), "criticize");
  EXPECT_EQ(Lemmatize("making", kPosVBG), "make");
  EXPECT_EQ(Lemmatize("meeting", kPosVBG), "meet");
  EXPECT_EQ(Lemmatize("stopping", kPosVBG), "stop");
  EXPECT_EQ(Lemmatize("saying", kPosVBG), "say");
  EXPECT_EQ(Lemmatize("bring", kPosVBG), "bring");  // mis-tagged base form
  EXPECT_EQ(Lemmatize("received", kPosVBD), "receive");
  EXPECT_EQ(Lemmatize("released", kPosVBD), "release");
  EXPECT_EQ(Lemmatize("played", kPosVBD), "play");
  EXPECT_EQ(Lemmatize("scheduled", kPosVBN), "schedule");
  EXPECT_EQ(Lemmatize("agreed", kPosVBD), "agree");
}

TEST(Lemmatizer, ShortIedAndEedVerbs) {
  EXPECT_EQ(Lemmatize("died", kPosVBD), "die");
  EXPECT_EQ(Lemmatize("tied", kPosVBN), "tie");
  EXPECT_EQ(Lemmatize("dies", kPosVBZ), "die");
  EXPECT_EQ(Lemmatize("tried", kPosVBD), "try");
  EXPECT_EQ(Lemmatize("freed", kPosVBN), "free");
}

TEST(Lemmatizer, Nouns) {
  EXPECT_EQ(Lemmatize("talks", kPosNNS), "talks");
  EXPECT_EQ(Lemmatize("ceasefires", kPosNNS), "ceasefire");
  EXPECT_EQ(Lemmatize("Negotiations", kPosNNS), "negotiation");
  EXPECT_EQ(Lemmatize("countries", kPosNNS), "country");
  EXPECT_EQ(Lemmatize("children", kPosNNS), "child");
  EXPECT_EQ(Lemmatize("crises", kPosNNS), "crisis");
  EXPECT_EQ(Lemmatize("Talks", kPosNN), "talks");
}

}  // namespace
}  // namespace dossier
