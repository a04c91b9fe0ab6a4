#include "html/source_align.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace dossier {
namespace {

// The page bytes a span of the text maps to.
std::string_view RawOf(const OffsetMap& map, std::string_view page,
                       std::string_view text, std::string_view needle) {
  size_t start = text.find(needle);
  EXPECT_NE(start, std::string_view::npos) << needle;
  uint32_t raw_start = map.ToRaw(static_cast<uint32_t>(start));
  uint32_t raw_end =
      map.ToRawEnd(static_cast<uint32_t>(start + needle.size()));
  return page.substr(raw_start, raw_end - raw_start);
}

TEST(AlignToSourceTest, PlainParagraphMapsToItsBytes) {
  std::string page =
      "<html><body><p>The mayor of Ternby said the bridge will reopen in "
      "spring.</p></body></html>";
  std::string text =
      "The mayor of Ternby said the bridge will reopen in spring.";
  OffsetMap map = AlignToSource(text, page);
  EXPECT_EQ(RawOf(map, page, text, "the bridge will reopen"),
            "the bridge will reopen");
}

TEST(AlignToSourceTest, InlineTagsAreSpannedNotCopied) {
  std::string page =
      "<p>The council <b>voted</b> to close the old harbour office this "
      "week.</p>";
  std::string text = "The council voted to close the old harbour office "
                     "this week.";
  OffsetMap map = AlignToSource(text, page);
  EXPECT_EQ(RawOf(map, page, text, "council voted to"),
            "council <b>voted</b> to");
}

TEST(AlignToSourceTest, CharacterReferencesMapToTheReference) {
  std::string page =
      "<p>Smith &amp; Daughters said the caf&eacute; would stay open all "
      "winter long.</p>";
  std::string text =
      "Smith & Daughters said the caf\xC3\xA9 would stay open all winter "
      "long.";
  OffsetMap map = AlignToSource(text, page);
  EXPECT_EQ(RawOf(map, page, text, "Daughters said"), "Daughters said");
  std::string_view amp = RawOf(map, page, text, "&");
  EXPECT_EQ(amp.substr(0, 1), "&");
  EXPECT_EQ(RawOf(map, page, text, "would stay"), "would stay");
  EXPECT_EQ(RawOf(map, page, text, "caf\xC3\xA9"), "caf&eacute;");
}

TEST(AlignToSourceTest, QuoteInCurlyReferencesMapsToBothMarks) {
  std::string page =
      "<p>&ldquo;We will rebuild the pier before summer,&rdquo; said the "
      "harbour master on Monday.</p>";
  std::string text =
      "\xE2\x80\x9CWe will rebuild the pier before summer,\xE2\x80\x9D "
      "said the harbour master on Monday.";
  OffsetMap map = AlignToSource(text, page);
  EXPECT_EQ(RawOf(map, page, text,
                  "\xE2\x80\x9CWe will rebuild the pier before "
                  "summer,\xE2\x80\x9D"),
            "&ldquo;We will rebuild the pier before summer,&rdquo;");
}

TEST(AlignToSourceTest, HeadingRepeatedInMenuMapsToTheArticle) {
  std::string page =
      "<nav><a>Harbour</a></nav><article><h2>Harbour</h2>"
      "<p>Fishing crews in Ternby have waited two years for new moorings "
      "at the north quay.</p></article>";
  std::string text =
      "Harbour\n\nFishing crews in Ternby have waited two years for new "
      "moorings at the north quay.";
  OffsetMap map = AlignToSource(text, page);
  uint32_t raw = map.ToRaw(0);
  EXPECT_EQ(page.substr(raw, 7), "Harbour");
  EXPECT_GT(raw, page.find("<article>"));
}

TEST(AlignToSourceTest, ScriptAndCommentTextIsNotMatched) {
  std::string page =
      "<script>var s = 'Ferry service resumes on Monday across the "
      "fjord';</script><!-- Ferry service resumes on Monday across the "
      "fjord --><p>Ferry service resumes on Monday across the fjord.</p>";
  std::string text = "Ferry service resumes on Monday across the fjord.";
  OffsetMap map = AlignToSource(text, page);
  EXPECT_EQ(map.ToRaw(0), page.find("<p>") + 3);
}

TEST(AlignToSourceTest, ReorderedWordsAreAlignedOneByOne) {
  std::string page =
      "<p>Ilse Marovic chaired the meeting.</p><p>Nobody else spoke.</p>";
  // Text that is not a contiguous run of the page: words still map.
  std::string text = "Ilse Marovic chaired the long meeting.";
  AlignStats stats;
  OffsetMap map = AlignToSource(text, page, &stats);
  EXPECT_EQ(stats.by_words, 1u);
  EXPECT_EQ(RawOf(map, page, text, "chaired"), "chaired");
}

TEST(AlignToSourceTest, UnplaceableTextMapsInsideThePage) {
  std::string page = "<p>Short page.</p>";
  std::string text = "Entirely different words";
  AlignStats stats;
  OffsetMap map = AlignToSource(text, page, &stats);
  EXPECT_EQ(stats.unplaced, 1u);
  for (uint32_t i = 0; i <= text.size(); ++i) {
    EXPECT_LE(map.ToRaw(i), page.size());
  }
}

TEST(AlignToSourceTest, RawOffsetsNeverDecrease) {
  std::string page =
      "<div><p>One two three four five six seven eight nine ten eleven "
      "twelve.</p><ul><li>alpha</li><li>beta</li></ul><p>Thirteen fourteen "
      "fifteen sixteen seventeen eighteen nineteen.</p></div>";
  std::string text =
      "One two three four five six seven eight nine ten eleven twelve.\n\n"
      "alpha\n\nbeta\n\nThirteen fourteen fifteen sixteen seventeen eighteen "
      "nineteen.";
  OffsetMap map = AlignToSource(text, page);
  uint32_t prev = 0;
  for (uint32_t i = 0; i <= text.size(); ++i) {
    uint32_t raw = map.ToRaw(i);
    EXPECT_GE(raw, prev) << "at " << i;
    prev = raw;
  }
  EXPECT_EQ(RawOf(map, page, text, "beta"), "beta");
}

TEST(AlignToSourceTest, UnterminatedMarkupDoesNotCrash) {
  std::string page = "<p>Open <b class=\"x>never closed & &#xZZ; &#99999999";
  std::string text = "Open";
  OffsetMap map = AlignToSource(text, page);
  EXPECT_EQ(RawOf(map, page, text, "Open"), "Open");
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

TEST(AlignToSourceTest, HeadlineMapsToTheBodyNotTheTitleOrMenu) {
  std::string page =
      "<head><title>Quay Repairs Begin | Ternby Post</title></head><body>"
      "<div><a>Quay Repairs Begin</a></div><h1>Quay Repairs Begin</h1>"
      "<p>5 May</p><p>Work on the north quay in Ternby started on Monday and "
      "will last until the autumn.</p></body>";
  std::string text =
      "Quay Repairs Begin\n\n5 May\n\nWork on the north quay in Ternby "
      "started on Monday and will last until the autumn.";
  OffsetMap map = AlignToSource(text, page);
  EXPECT_EQ(map.ToRaw(0), page.find("<h1>") + 4);
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

TEST(AlignToSourceTest, TextAfterAnUnplacedTailStaysMonotonic) {
  // libxml2 turns a broken end tag into text that the page scan skips.
  std::string page =
      "<p>Fishing crews in Ternby waited two years for new moorings at "
      "the quay.</p></\xC5\xA1tml>";
  std::string text =
      "Fishing crews in Ternby waited two years for new moorings at the "
      "quay.\n\n\xC5\xA1tml>";
  OffsetMap map = AlignToSource(text, page);
  uint32_t prev = 0;
  for (uint32_t i = 0; i <= text.size(); ++i) {
    EXPECT_GE(map.ToRaw(i), prev) << "at " << i;
    prev = map.ToRaw(i);
  }
}

}  // namespace
}  // namespace dossier
