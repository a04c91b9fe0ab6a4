#include "meta/dateline_stage.h"

#include <gtest/gtest.h>

#include "doc/testing_doc.h"

namespace dossier {
namespace {

using testing_doc::MakeDoc;

const Dateline& RunAndGet(Document& doc) {
  DatelineStage stage;
  Status st = stage.Run(doc);
  EXPECT_TRUE(st.ok()) << st.ToString();
  static const Dateline kNone;
  if (!doc.layers().dateline) {
    ADD_FAILURE() << "no dateline found";
    return kNone;
  }
  return *doc.layers().dateline;
}

TEST(DatelineStageTest, StandaloneLineWithDateAndAgencyAfterEnDash) {
  Document doc = MakeDoc(
      "Norland council votes on harbour plan\n"
      "OSLO, March 3, 2024 – Nordpress\n"
      "The city council of Oslo voted on Monday to expand the harbour.");
  const Dateline& dl = RunAndGet(doc);
  EXPECT_EQ(dl.place, "Oslo");
  EXPECT_EQ(dl.date, "2024-03-03");
  EXPECT_EQ(dl.agency, "Nordpress");
  EXPECT_EQ(doc.Slice(dl.span), "OSLO, March 3, 2024 – Nordpress");
  EXPECT_EQ(doc.layers().blocks[1].kind, BlockKind::kDateline);
}

TEST(DatelineStageTest, StandaloneLineWithEmDashAndHyphen) {
  for (std::string_view dash : {"—", "-", "--"}) {
    Document doc =
        MakeDoc("Headline here\nBERGEN, May 9, 2023 " + std::string(dash) +
                " AFP\nThe ferry left the port late.");
    const Dateline& dl = RunAndGet(doc);
    EXPECT_EQ(dl.place, "Bergen") << dash;
    EXPECT_EQ(dl.date, "2023-05-09") << dash;
    EXPECT_EQ(dl.agency, "AFP") << dash;
  }
}

TEST(DatelineStageTest, ParagraphStartWithParenAgencyAndNoYear) {
  Document doc = MakeDoc(
      "Harbour strike ends\n"
      "OSLO, March 3 (Nordpress) - The dock workers of Oslo ended their "
      "strike on Sunday after a new offer.");
  const Dateline& dl = RunAndGet(doc);
  EXPECT_EQ(dl.place, "Oslo");
  EXPECT_EQ(dl.date, "");  // no year and no published date to borrow from
  EXPECT_EQ(dl.agency, "Nordpress");
  EXPECT_EQ(doc.Slice(dl.span), "OSLO, March 3 (Nordpress) -");
  EXPECT_EQ(doc.layers().blocks[1].kind, BlockKind::kParagraph);
}

TEST(DatelineStageTest, MissingYearTakesPublishedYear) {
  DocMeta meta;
  meta.published = "2022-03-04";
  meta.published_how = PublishedHow::kMetadata;
  Document doc = MakeDoc(
      "Harbour strike ends\n"
      "OSLO, March 3 (Nordpress) - The strike ended on Sunday.",
      meta);
  const Dateline& dl = RunAndGet(doc);
  EXPECT_EQ(dl.date, "2022-03-03");
  EXPECT_EQ(doc.meta().published, "2022-03-04");  // metadata kept
  EXPECT_EQ(doc.meta().published_how, PublishedHow::kMetadata);
}

TEST(DatelineStageTest, PlaceAndParenAgencyWithoutDate) {
  Document doc = MakeDoc(
      "Quiet vote\nOSLO (Nordpress) — The Norland parliament approved the "
      "budget late on Friday.");
  const Dateline& dl = RunAndGet(doc);
  EXPECT_EQ(dl.place, "Oslo");
  EXPECT_EQ(dl.date, "");
  EXPECT_EQ(dl.agency, "Nordpress");
  EXPECT_EQ(doc.Slice(dl.span), "OSLO (Nordpress) —");
}

TEST(DatelineStageTest, CityRegionAndDayFirstDate) {
  Document doc = MakeDoc(
      "Flood warning\nOslo, Norland, 3 March 2024 -\nRivers rose across "
      "the north of the country.");
  const Dateline& dl = RunAndGet(doc);
  EXPECT_EQ(dl.place, "Oslo");
  EXPECT_EQ(dl.date, "2024-03-03");
  EXPECT_EQ(dl.agency, "");
  EXPECT_EQ(doc.layers().blocks[1].kind, BlockKind::kDateline);
}

TEST(DatelineStageTest, AllCapsPlaceAndDashOnly) {
  Document doc = MakeDoc(
      "Talks stall\nOSLO — The talks between the two ministers stalled "
      "again on Tuesday.");
  const Dateline& dl = RunAndGet(doc);
  EXPECT_EQ(dl.place, "Oslo");
  EXPECT_EQ(dl.date, "");
  EXPECT_EQ(dl.agency, "");
  EXPECT_EQ(doc.Slice(dl.span), "OSLO —");
}

TEST(DatelineStageTest, MultiWordAllCapsPlaceBecomesTitleCase) {
  Document doc = MakeDoc(
      "Markets open\nNEW YORK, June 2, 2021 (Nordpress) - Stocks rose.");
  EXPECT_EQ(RunAndGet(doc).place, "New York");
}

TEST(DatelineStageTest, NonAsciiAllCapsPlaceBecomesTitleCase) {
  Document doc = MakeDoc("Lake rally\nZÜRICH — Crowds gathered by the lake.");
  EXPECT_EQ(RunAndGet(doc).place, "Zürich");
}

TEST(DatelineStageTest, MixedCasePlaceKeptAsWritten) {
  Document doc =
      MakeDoc("Talks end\nIstanbul, May 15, 2025 – Nordpress\nDelegates left.");
  const Dateline& dl = RunAndGet(doc);
  EXPECT_EQ(dl.place, "Istanbul");
  EXPECT_EQ(dl.agency, "Nordpress");
}

TEST(DatelineStageTest, NumericDateWithPipe) {
  Document doc = MakeDoc("Fair opens\nOslo, 3/4/2024 | The book fair opened.");
  const Dateline& dl = RunAndGet(doc);
  EXPECT_EQ(dl.place, "Oslo");
  EXPECT_EQ(dl.date, "2024-03-04");  // month first when ambiguous
}

TEST(DatelineStageTest, IsoAndDayFirstDottedDates) {
  DatelineStage stage;
  std::optional<DatelineParse> iso =
      stage.Parse("Oslo, 2024-03-04 - Text.", "");
  ASSERT_TRUE(iso.has_value());
  EXPECT_EQ(iso->dateline.date, "2024-03-04");
  std::optional<DatelineParse> dotted = stage.Parse("Oslo, 3.4.2024 -", "");
  ASSERT_TRUE(dotted.has_value());
  EXPECT_EQ(dotted->dateline.date, "2024-04-03");
}

TEST(DatelineStageTest, PressReleaseSlashAgency) {
  Document doc = MakeDoc(
      "Caldera Labs raises funds\n"
      "BRUSSELS, March 3, 2024 /PRNewswire/ -- Caldera Labs said today it "
      "raised new funding.");
  const Dateline& dl = RunAndGet(doc);
  EXPECT_EQ(dl.place, "Brussels");
  EXPECT_EQ(dl.date, "2024-03-03");
  EXPECT_EQ(dl.agency, "PRNewswire");
  EXPECT_EQ(doc.Slice(dl.span), "BRUSSELS, March 3, 2024 /PRNewswire/ --");
}

TEST(DatelineStageTest, AgencyBetweenTwoDashes) {
  Document doc = MakeDoc(
      "Port reopens\nOSLO, March 3, 2024 – Nordpress – The port reopened "
      "on Sunday.");
  const Dateline& dl = RunAndGet(doc);
  EXPECT_EQ(dl.agency, "Nordpress");
  EXPECT_EQ(doc.Slice(dl.span), "OSLO, March 3, 2024 – Nordpress –");
}

TEST(DatelineStageTest, WeekdayBeforeDateIsSkipped) {
  Document doc = MakeDoc(
      "Vote today\nOSLO, Tuesday, March 5, 2024 (AP) — Voters queued early.");
  const Dateline& dl = RunAndGet(doc);
  EXPECT_EQ(dl.date, "2024-03-05");
  EXPECT_EQ(dl.agency, "AP");
}

TEST(DatelineStageTest, FullDateFillsEmptyPublished) {
  Document doc = MakeDoc(
      "Harbour plan\nOSLO, March 3, 2024 – Nordpress\nThe council voted.");
  DatelineStage stage;
  ASSERT_TRUE(stage.Run(doc).ok());
  EXPECT_EQ(doc.meta().published, "2024-03-03");
  EXPECT_EQ(doc.meta().published_how, PublishedHow::kDateline);
}

TEST(DatelineStageTest, DatelineAfterFillerBlocksIsFound) {
  Document doc = MakeDoc(
      "Ministers meet in Oslo\n"
      "President Mara Velden of Norland said she would attend the talks in\n"
      "Image\n"
      "Ministers meet in Oslo\n"
      "Ministers meet in Oslo\n"
      "Oslo, May 15, 2025 – Nordpress\n"
      "President Mara Velden of Norland said she would attend the talks.");
  const Dateline& dl = RunAndGet(doc);
  EXPECT_EQ(dl.place, "Oslo");
  EXPECT_EQ(dl.agency, "Nordpress");
}

TEST(DatelineStageTest, IgnoresTitleBlock) {
  Document doc = MakeDoc("OSLO — Talks stall\nNothing else here today.");
  DatelineStage stage;
  ASSERT_TRUE(stage.Run(doc).ok());
  EXPECT_FALSE(doc.layers().dateline.has_value());
}

TEST(DatelineStageTest, DoesNotFireOnSentenceOpeners) {
  DatelineStage stage;
  for (std::string_view text :
       {"However, the minister said the plan would go ahead.",
        "Meanwhile, Smith said the vote was close.",
        "In Oslo, on Monday, crowds gathered outside parliament.",
        "Mara Velden, 54, said she would run again.",
        "Velden, Norland's president, said talks would resume.",
        "Mara Velden — the president — said little.",
        "On March 3, 2024 the council met again.",
        "Velden said on March 3, 2024 that talks were over.",
        "The Caldera Herald (a weekly) reported the story."}) {
    EXPECT_FALSE(stage.Parse(text, "").has_value()) << text;
  }
}

TEST(DatelineStageTest, OrdinarySentencesLeaveNoDateline) {
  Document doc = MakeDoc(
      "Council news\n"
      "However, the council said the plan would go ahead.\n"
      "Meanwhile, Smith said the vote was close.\n"
      "In Oslo, on Monday, crowds gathered.");
  DatelineStage stage;
  ASSERT_TRUE(stage.Run(doc).ok());
  EXPECT_FALSE(doc.layers().dateline.has_value());
  EXPECT_TRUE(doc.meta().published.empty());
}

TEST(DatelineStageTest, OnlyLooksAtTheFirstBlocks) {
  std::string text = "Long story\n";
  for (int i = 0; i < 10; ++i) {
    text += "This is body paragraph number " + std::to_string(i) +
            " of the story.\n";
  }
  text += "OSLO, March 3, 2024 – Nordpress\n";
  Document doc = MakeDoc(text);
  DatelineStage stage;
  ASSERT_TRUE(stage.Run(doc).ok());
  EXPECT_FALSE(doc.layers().dateline.has_value());
}

TEST(DatelineStageTest, InvalidCalendarDateIsNotADate) {
  DatelineStage stage;
  EXPECT_FALSE(stage.Parse("Velden, February 30, 2024", "").has_value());
  EXPECT_TRUE(stage.Parse("Velden, February 29, 2024", "").has_value());
  EXPECT_FALSE(stage.Parse("Velden, February 29, 2023", "").has_value());
}

}  // namespace
}  // namespace dossier
