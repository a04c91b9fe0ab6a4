#include "clean/repeated_block_stage.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "doc/testing_doc.h"

namespace dossier {
namespace {

using testing_doc::MakeDoc;

// A short invented article: title, `n` body paragraphs unique to `tag`, and
// optional extra lines before and after the body.
std::string Article(const std::string& tag, int n, const std::string& top,
                    const std::string& bottom) {
  std::string text = "Harbour news from " + tag + "\n" + top;
  for (int i = 0; i < n; ++i) {
    text += "In " + tag + " paragraph " + std::to_string(i) +
            " the council of Keldby discussed the harbour bridge again.\n";
  }
  return text + bottom;
}

Document Doc(const std::string& text, std::optional<std::string> outlet) {
  DocMeta meta;
  meta.outlet = std::move(outlet);
  return MakeDoc(text, std::move(meta));
}

// Runs the stage the way the driver does, with `workers` accumulators that
// take documents round-robin in the given order.
void RunStage(Corpus& corpus, int workers = 1,
              std::vector<uint32_t> order = {}) {
  RepeatedBlockStage stage;
  if (order.empty()) {
    for (uint32_t i = 0; i < corpus.documents.size(); ++i) order.push_back(i);
  }
  std::vector<std::unique_ptr<CorpusStage::Accumulator>> accs;
  for (int w = 0; w < workers; ++w) accs.push_back(stage.NewAccumulator());
  for (size_t k = 0; k < order.size(); ++k) {
    accs[k % workers]->Consume(order[k], corpus.documents[order[k]]);
  }
  for (int w = 1; w < workers; ++w) accs[0]->Merge(std::move(*accs[w]));
  Status st = stage.Finalize(*accs[0], corpus);
  ASSERT_TRUE(st.ok()) << st.ToString();
}

std::string WhyOf(const Document& doc, std::string_view line) {
  for (const Block& b : doc.layers().blocks) {
    if (doc.Slice(b.span) == line) return b.removed_why;
  }
  ADD_FAILURE() << "no block " << line;
  return "?";
}

constexpr char kFooter[] = "Tips for the newsroom: call 555 0100";

TEST(RepeatedBlockStageTest, FooterInTwoDocsOfOneOutletIsMarked) {
  Corpus corpus;
  corpus.documents.push_back(
      Doc(Article("Alby", 10, "", std::string(kFooter) + "\n"),
          "The Caldera Herald"));
  corpus.documents.push_back(
      Doc(Article("Brekke", 10, "", std::string(kFooter) + "\n"),
          "Caldera Herald"));
  RunStage(corpus);
  EXPECT_EQ(WhyOf(corpus.documents[0], kFooter), "repeated_block");
  EXPECT_EQ(WhyOf(corpus.documents[1], kFooter), "repeated_block");
}

TEST(RepeatedBlockStageTest, CopiesOfOneStoryByOneOutletKeepTheirText) {
  // A wire story and its republished copy share their sentences: content.
  const std::string body =
      "Talks between the two harbour towns opened in Keldby on Monday.\n"
      "The mayor of Alby said the ferry dispute could be settled this year.\n"
      "Officials from Brekke said they would answer within two weeks.\n";
  Corpus corpus;
  corpus.documents.push_back(
      Doc("Harbour talks open\n" + body, "Nordpress"));
  corpus.documents.push_back(
      Doc("Harbour towns open talks\n" + body + kFooter + "\n", "Nordpress"));
  RunStage(corpus);
  EXPECT_EQ(WhyOf(corpus.documents[0],
                  "The mayor of Alby said the ferry dispute could be settled "
                  "this year."),
            "");
  EXPECT_EQ(WhyOf(corpus.documents[1],
                  "Talks between the two harbour towns opened in Keldby on "
                  "Monday."),
            "");
}

TEST(RepeatedBlockStageTest, TwoDocsOfDifferentOutletsAreNotEnough) {
  Corpus corpus;
  corpus.documents.push_back(
      Doc(Article("Alby", 10, "", std::string(kFooter) + "\n"), "Herald"));
  corpus.documents.push_back(
      Doc(Article("Brekke", 10, "", std::string(kFooter) + "\n"), "Courier"));
  RunStage(corpus);
  EXPECT_EQ(WhyOf(corpus.documents[0], kFooter), "");
}

TEST(RepeatedBlockStageTest, UnknownOutletsDoNotCountAsOneOutlet) {
  Corpus corpus;
  corpus.documents.push_back(
      Doc(Article("Alby", 10, "", std::string(kFooter) + "\n"), std::nullopt));
  corpus.documents.push_back(Doc(
      Article("Brekke", 10, "", std::string(kFooter) + "\n"), std::nullopt));
  RunStage(corpus);
  EXPECT_EQ(WhyOf(corpus.documents[0], kFooter), "");
}

TEST(RepeatedBlockStageTest, ThreeDocsOverallAreEnough) {
  Corpus corpus;
  const char* outlets[] = {"Herald", "Courier", "Gazette"};
  const char* towns[] = {"Alby", "Brekke", "Dalen"};
  for (int i = 0; i < 3; ++i) {
    corpus.documents.push_back(
        Doc(Article(towns[i], 10, "Reporting by Ansel Dahl in Keldby\n", ""),
            outlets[i]));
  }
  RunStage(corpus);
  for (const Document& d : corpus.documents) {
    EXPECT_EQ(WhyOf(d, "Reporting by Ansel Dahl in Keldby"), "repeated_block");
  }
}

TEST(RepeatedBlockStageTest, MatchIgnoresCaseAndPunctuation) {
  Corpus corpus;
  corpus.documents.push_back(Doc(
      Article("Alby", 10, "", "Tips for the newsroom: call 555 0100\n"), "H"));
  corpus.documents.push_back(
      Doc(Article("Brekke", 10, "", "TIPS FOR THE NEWSROOM — CALL 555-0100\n"),
          "H"));
  RunStage(corpus);
  EXPECT_EQ(WhyOf(corpus.documents[1], "TIPS FOR THE NEWSROOM — CALL 555-0100"),
            "repeated_block");
}

TEST(RepeatedBlockStageTest, BlockInTheMiddleOfOneDocumentStays) {
  Corpus corpus;
  corpus.documents.push_back(
      Doc(Article("Alby", 10, "", std::string(kFooter) + "\n"), "H"));
  // Here the same line sits in the middle: 5 paragraphs, line, 12 more.
  std::string text = Article("Brekke", 5, "", "");
  text += std::string(kFooter) + "\n";
  for (int i = 0; i < 12; ++i) {
    text += "Later paragraph " + std::to_string(i) + " about the bridge.\n";
  }
  corpus.documents.push_back(Doc(text, "H"));
  RunStage(corpus);
  EXPECT_EQ(WhyOf(corpus.documents[0], kFooter), "");
  EXPECT_EQ(WhyOf(corpus.documents[1], kFooter), "");
}

TEST(RepeatedBlockStageTest, SharedWireParagraphsAreContent) {
  // Three outlets run the same wire story: its paragraphs are shared.
  const std::string wire =
      "President Mara Velden of Norland opened the harbour bridge in Keldby "
      "on Monday, ending years of delay and cost overruns.\n"
      "The bridge links the two halves of the old port town and will carry "
      "ten thousand cars a day, officials said.\n";
  Corpus corpus;
  for (const char* outlet : {"Herald", "Courier", "Gazette"}) {
    corpus.documents.push_back(Doc("Bridge opens\n" + wire, outlet));
  }
  RunStage(corpus);
  for (const Document& d : corpus.documents) {
    for (const Block& b : d.layers().blocks) {
      EXPECT_EQ(b.removed_why, "") << d.Slice(b.span);
    }
  }
}

TEST(RepeatedBlockStageTest, TitleBlocksAreNeverMarked) {
  Corpus corpus;
  for (int i = 0; i < 3; ++i) {
    corpus.documents.push_back(
        Doc("Bridge opens\nParagraph " + std::to_string(i) + " here.\n", "H"));
  }
  RunStage(corpus);
  for (const Document& d : corpus.documents) {
    EXPECT_EQ(d.layers().blocks[0].removed_why, "");
  }
}

TEST(RepeatedBlockStageTest, LongBlocksAreNeverMarked) {
  std::string long_block;
  for (int i = 0; i < 70; ++i) long_block += "word" + std::to_string(i) + " ";
  long_block.pop_back();
  Corpus corpus;
  for (const char* town : {"Alby", "Brekke"}) {
    corpus.documents.push_back(
        Doc(Article(town, 3, "", long_block + "\n"), "H"));
  }
  RunStage(corpus);
  EXPECT_EQ(WhyOf(corpus.documents[0], long_block), "");
}

TEST(RepeatedBlockStageTest, AlreadyRemovedBlocksDoNotCount) {
  Corpus corpus;
  for (const char* town : {"Alby", "Brekke"}) {
    corpus.documents.push_back(
        Doc(Article(town, 10, "", std::string(kFooter) + "\n"), "H"));
  }
  corpus.documents[0].layers().blocks.back().removed_why = "email";
  RunStage(corpus);
  EXPECT_EQ(WhyOf(corpus.documents[0], kFooter), "email");
  EXPECT_EQ(WhyOf(corpus.documents[1], kFooter), "");
}

TEST(RepeatedBlockStageTest, ResultDoesNotDependOnWorkersOrOrder) {
  auto build = [] {
    Corpus corpus;
    const char* towns[] = {"Alby", "Brekke", "Dalen", "Eik", "Fosse"};
    for (int i = 0; i < 5; ++i) {
      corpus.documents.push_back(
          Doc(Article(towns[i], 9 + i, i % 2 ? "Listen to this story\n" : "",
                      std::string(kFooter) + "\nShare\n"),
              i < 2 ? "Herald" : "Courier"));
    }
    return corpus;
  };
  auto reasons = [](const Corpus& c) {
    std::vector<std::string> out;
    for (const Document& d : c.documents) {
      for (const Block& b : d.layers().blocks) out.push_back(b.removed_why);
    }
    return out;
  };
  Corpus a = build();
  RunStage(a, 1);
  Corpus b = build();
  RunStage(b, 3, {4, 2, 0, 3, 1});
  EXPECT_EQ(reasons(a), reasons(b));
  EXPECT_EQ(WhyOf(a.documents[0], kFooter), "repeated_block");
}

}  // namespace
}  // namespace dossier
