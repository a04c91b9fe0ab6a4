#include "claims/cross_source_stage.h"

#include <gtest/gtest.h>

#include "analyze/analyze.h"

#include <array>
#include <string>
#include <vector>

namespace dossier {
namespace {

// A corpus of one-sentence documents, each with one "attend" event by
// entity 0 (mention 0), with the given modality/negation, outlet and date.
struct Spec {
  std::string text;
  Modality modality;
  bool negated;
  std::string outlet;  // empty: unknown
  std::string day;     // empty: undated
};

Corpus MakeCorpus(const std::vector<Spec>& specs) {
  Corpus c;
  Entity e;
  e.id = "e1";
  e.name = "Mara Velden";
  e.type = EntityType::kPerson;
  c.entities.push_back(e);
  for (size_t i = 0; i < specs.size(); ++i) {
    const Spec& s = specs[i];
    DocMeta m;
    m.id = "d" + std::to_string(i + 1);
    if (!s.outlet.empty()) m.outlet = s.outlet;
    m.published = s.day;
    const uint32_t n = static_cast<uint32_t>(s.text.size());
    Document doc(m, s.text, OffsetMap::Identity(n));
    Mention mn;
    mn.span = Span{0, 6};  // "Velden"
    mn.name = mn.span;
    mn.type = EntityType::kPerson;
    mn.entity = 0;
    doc.layers().mentions.push_back(mn);
    EventFrame ev;
    ev.span = Span{0, n};
    ev.lemma = "attend";
    ev.actor = Span{0, 6};
    ev.actor_mention = 0;
    ev.target = Span{n - 10, n - 1};  // "the talks"
    ev.modality = s.modality;
    ev.negated = s.negated;
    doc.layers().events.push_back(ev);
    c.documents.push_back(std::move(doc));
  }
  return c;
}

std::vector<Finding> RunStage(Corpus& c) {
  CrossSourceStage stage;
  auto acc = stage.NewAccumulator();
  EXPECT_TRUE(stage.Finalize(*acc, c).ok());
  return c.findings;
}

TEST(CrossSourceStageTest, TwoOutletsSayingTheSameAgree) {
  Corpus c = MakeCorpus({{"Velden will not attend the talks.", Modality::kWill,
                          true, "Caldera Wire", "2025-03-12"},
                         {"Velden won't attend the talks.", Modality::kWill,
                          true, "Harbour Post", "2025-03-12"}});
  std::vector<Finding> f = RunStage(c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, "agreement");
  EXPECT_EQ(f[0].statements.size(), 2u);
  EXPECT_NE(f[0].summary.find("2 independent sources"), std::string::npos)
      << f[0].summary;
  EXPECT_NE(f[0].summary.find("will not attend"), std::string::npos);
}

TEST(CrossSourceStageTest, OneOutletTwiceIsNoAgreement) {
  Corpus c = MakeCorpus({{"Velden will not attend the talks.", Modality::kWill,
                          true, "Caldera Wire", "2025-03-12"},
                         {"Velden won't attend the talks.", Modality::kWill,
                          true, "Caldera Wire", "2025-03-13"}});
  EXPECT_TRUE(RunStage(c).empty());
}

TEST(CrossSourceStageTest, LaterReportChangingAPlanIsAnUpdate) {
  Corpus c = MakeCorpus({{"Velden will not attend the talks.", Modality::kWill,
                          true, "Harbour Post", "2025-03-14"},
                         {"Velden may attend the talks.", Modality::kPossible,
                          false, "Caldera Wire", "2025-03-11"}});
  std::vector<Finding> f = RunStage(c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, "update");
  ASSERT_EQ(f[0].statements.size(), 2u);
  // In publication order: the earlier possibility first.
  EXPECT_EQ(f[0].statements[0].doc, 1u);
  EXPECT_EQ(f[0].statements[0].stance, "may attend the talks");
  EXPECT_EQ(f[0].statements[1].stance, "will not attend the talks");
}

TEST(CrossSourceStageTest, FirmOppositeStatementsOnOneDayContradict) {
  Corpus c = MakeCorpus({{"Velden will attend the talks.", Modality::kWill,
                          false, "Caldera Wire", "2025-03-12"},
                         {"Velden will not attend the talks.", Modality::kWill,
                          true, "Harbour Post", "2025-03-12"}});
  std::vector<Finding> f = RunStage(c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, "contradiction");
}

TEST(CrossSourceStageTest, FindingsAreRankedByScore) {
  Corpus c = MakeCorpus({{"Velden will attend the talks.", Modality::kWill,
                          false, "Caldera Wire", "2025-03-12"},
                         {"Velden will not attend the talks.", Modality::kWill,
                          true, "Harbour Post", "2025-03-12"}});
  Finding low;
  low.kind = "role_conflict";
  low.score = 2.0;
  c.findings.push_back(low);
  std::vector<Finding> f = RunStage(c);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].kind, "contradiction");
  EXPECT_EQ(f[1].kind, "role_conflict");
}

TEST(CrossSourceStageTest, AnotherSpeakersDirectQuoteIsNoStatement) {
  Corpus c = MakeCorpus({{"Velden will attend the talks.", Modality::kWill,
                          false, "Caldera Wire", "2025-03-12"},
                         {"Velden won't attend the talks.", Modality::kWill,
                          true, "Harbour Post", "2025-03-12"}});
  // The second document's statement sits in a direct quote by someone
  // else (no speaker entity): it is dropped, so nothing is left to compare.
  Quote q;
  q.kind = QuoteKind::kDirect;
  q.span = c.documents[1].layers().events[0].span;
  q.content = q.span;
  c.documents[1].layers().quotes.push_back(q);
  c.documents[1].layers().events[0].quote = 0;
  EXPECT_TRUE(RunStage(c).empty());
}

// The whole pipeline over invented articles (outlet, date, body).
std::vector<Finding> AnalyzeAll(
    const std::vector<std::array<std::string, 3>>& docs) {
  std::vector<RawArticle> articles;
  for (size_t i = 0; i < docs.size(); ++i) {
    RawArticle raw;
    raw.source = "a" + std::to_string(i) + ".txt";
    raw.bytes = "Talks in Varnhold\n\n" + docs[i][2] + "\n";
    raw.outlet = docs[i][0];
    raw.published = docs[i][1];
    articles.push_back(std::move(raw));
  }
  StatusOr<Corpus> c =
      AnalyzeArticles(StandardPipeline(), std::move(articles), {});
  EXPECT_TRUE(c.ok());
  return c.ok() ? c->findings : std::vector<Finding>{};
}

const Finding* FindSummary(const std::vector<Finding>& f,
                           std::string_view part) {
  for (const Finding& x : f) {
    if (x.summary.find(part) != std::string::npos) return &x;
  }
  return nullptr;
}

TEST(CrossSourceStageTest, RejectingAndNotAgreeingToATruceAgree) {
  std::vector<Finding> f = AnalyzeAll(
      {{"Caldera Wire", "2031-04-02",
        "President Ada Roe floated new talks after rejecting a 30-day truce "
        "demand from Norland."},
       {"Harbour Post", "2031-04-03",
        "On Friday, President Ada Roe stopped short of agreeing to the 30-day "
        "truce proposed by Norland."}});
  const Finding* a = FindSummary(f, "2 independent sources: Ada Roe");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->kind, "agreement");
  EXPECT_NE(a->summary.find("rejected"), std::string::npos) << a->summary;
}

TEST(CrossSourceStageTest, ADemandedActIsNoAgreement) {
  std::vector<Finding> f = AnalyzeAll(
      {{"Caldera Wire", "2031-04-02",
        "Mara Velden issued a demand on Monday that Norland initiate a "
        "truce."},
       {"Harbour Post", "2031-04-03",
        "Mara Velden was ready to meet Roe, conditional on Norland initiating "
        "a truce."}});
  EXPECT_EQ(FindSummary(f, "initiate"), nullptr);
}

TEST(CrossSourceStageTest, OutletsDatingTheSameTalksAgree) {
  std::vector<Finding> f = AnalyzeAll(
      {{"Caldera Wire", "2031-04-02",
        "The last direct talks between Norland and Estovia were held in "
        "Varnhold in March 2019."},
       {"Harbour Post", "2031-04-03",
        "It is the first serious attempt since negotiations collapsed in "
        "March 2019."},
       {"Tessby Times", "2031-04-03",
        "The process had broken down in 2019, after negotiations stalled."}});
  const Finding* a = FindSummary(f, "date the");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->kind, "agreement");
  EXPECT_NE(a->summary.find("March 2019"), std::string::npos) << a->summary;
  EXPECT_GE(a->statements.size(), 2u);
}

TEST(CrossSourceStageTest, RanksOutletsByEditorializing) {
  std::vector<Finding> f = AnalyzeAll(
      {{"Caldera Wire", "2031-04-02",
        "Ada Roe met Mara Velden in Varnhold on Monday. The two leaders "
        "spoke for an hour."},
       {"Harbour Post", "2031-04-02",
        "The reckless meeting was a disastrous failure. It will surely "
        "collapse. Ada Roe met Mara Velden in Varnhold."}});
  const Finding* a = FindSummary(f, "Editorializing");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->kind, "framing");
  EXPECT_LT(a->summary.find("Harbour Post"), a->summary.find("Caldera Wire"))
      << a->summary;
}

}  // namespace
}  // namespace dossier
