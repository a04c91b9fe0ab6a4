#include "text/normalizer.h"

#include <gtest/gtest.h>

#include <string>

#include "text/text_testing.h"

namespace dossier {
namespace {

using testing::Raw;

Document Normalize(std::string bytes) {
  StatusOr<Document> doc = NormalizeArticle(Raw(std::move(bytes)), {});
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return std::move(doc).value();
}

Status NormalizeError(RawArticle raw, NormalizeOptions opts = {}) {
  StatusOr<Document> doc = NormalizeArticle(std::move(raw), opts);
  EXPECT_FALSE(doc.ok());
  return doc.status();
}

// The raw bytes that clean span [start, end) comes from. The end maps to
// where the next kept character came from, so dropped bytes right after the
// span belong to it.
std::string RawSlice(const Document& doc, std::string_view raw, uint32_t start,
                     uint32_t end) {
  uint32_t rs = doc.offsets().ToRaw(start);
  uint32_t re = doc.offsets().ToRaw(end);
  return std::string(raw.substr(rs, re - rs));
}

// Like RawSlice for a span that ends in an ASCII character: the end is
// taken just after that character's raw byte.
std::string RawSliceTight(const Document& doc, std::string_view raw,
                          uint32_t start, uint32_t end) {
  uint32_t rs = doc.offsets().ToRaw(start);
  uint32_t re = doc.offsets().ToRaw(end - 1) + 1;
  return std::string(raw.substr(rs, re - rs));
}

TEST(NormalizerTest, CleanAsciiTextIsKeptAsIs) {
  std::string in = "Harbor Vote Delayed\n\nThe council of Norland met today.\n";
  Document doc = Normalize(in);
  EXPECT_EQ(doc.text(), in);
  EXPECT_EQ(doc.offsets().ToRaw(10), 10u);
  EXPECT_EQ(doc.offsets().ToRaw(static_cast<uint32_t>(in.size())), in.size());
}

TEST(NormalizerTest, StripsBomAndMapsOffsetsPastIt) {
  std::string in = "\xEF\xBB\xBFMara Velden spoke.";
  Document doc = Normalize(in);
  EXPECT_EQ(doc.text(), "Mara Velden spoke.");
  EXPECT_EQ(doc.offsets().ToRaw(0), 3u);
  EXPECT_EQ(RawSlice(doc, in, 5, 11), "Velden");
}

TEST(NormalizerTest, CrLfAndLoneCrBecomeLf) {
  std::string in = "Line one\r\nLine two\rLine three";
  Document doc = Normalize(in);
  EXPECT_EQ(doc.text(), "Line one\nLine two\nLine three");
  // "Line three" starts at clean 18 and raw 19.
  EXPECT_EQ(doc.offsets().ToRaw(18), 19u);
  EXPECT_EQ(RawSlice(doc, in, 18, 28), "Line three");
  EXPECT_EQ(RawSlice(doc, in, 9, 17), "Line two");
}

TEST(NormalizerTest, DropsControlCharactersButKeepsTabsAndNewlines) {
  std::string in = "Port\x07 of\tCaldera\x1b\nreopened";
  Document doc = Normalize(in);
  EXPECT_EQ(doc.text(), "Port of\tCaldera\nreopened");
  EXPECT_EQ(RawSlice(doc, in, 16, 24), "reopened");
}

TEST(NormalizerTest, DropsZeroWidthSpaceSoftHyphenAndInnerBom) {
  std::string in =
      "Nor\xE2\x80\x8Bland and Cal\xC2\xAD"
      "dera\xEF\xBB\xBF!";
  Document doc = Normalize(in);
  EXPECT_EQ(doc.text(), "Norland and Caldera!");
  EXPECT_EQ(RawSliceTight(doc, in, 12, 19),
            "Cal\xC2\xAD"
            "dera");
  EXPECT_EQ(RawSlice(doc, in, 12, 19),
            "Cal\xC2\xAD"
            "dera\xEF\xBB\xBF");
}

TEST(NormalizerTest, TrimsTrailingSpacesOnEveryLine) {
  std::string in = "First line   \nSecond line\t \n\nThird  ";
  Document doc = Normalize(in);
  EXPECT_EQ(doc.text(), "First line\nSecond line\n\nThird");
  EXPECT_EQ(RawSliceTight(doc, in, 11, 22), "Second line");
  EXPECT_EQ(RawSliceTight(doc, in, 24, 29), "Third");
  EXPECT_EQ(doc.offsets().ToRaw(10), 13u);  // the newline after "First line"
}

TEST(NormalizerTest, KeepsInnerAndLeadingSpaces) {
  Document doc = Normalize("  Indented  words here");
  EXPECT_EQ(doc.text(), "  Indented  words here");
}

TEST(NormalizerTest, LineAndParagraphSeparatorsBecomeNewlines) {
  Document doc = Normalize("One\xE2\x80\xA8Two\xE2\x80\xA9Three");
  EXPECT_EQ(doc.text(), "One\nTwo\n\nThree");
}

TEST(NormalizerTest, NfdInputBecomesNfcWithRawOffsets) {
  // "Cafe\u0301 Velden": the e + combining acute composes to U+00E9.
  std::string in = "Cafe\xCC\x81 Velden met Ren\x65\xCC\x81";
  Document doc = Normalize(in);
  EXPECT_EQ(doc.text(), "Caf\xC3\xA9 Velden met Ren\xC3\xA9");
  // "Velden" is 6..12 in the clean text, 7..13 in the raw bytes.
  EXPECT_EQ(doc.offsets().ToRaw(6), 7u);
  EXPECT_EQ(RawSlice(doc, in, 6, 12), "Velden");
  // The composed character maps to the whole decomposed sequence.
  EXPECT_EQ(RawSlice(doc, in, 3, 5), "e\xCC\x81");
  EXPECT_EQ(doc.offsets().ToRaw(static_cast<uint32_t>(doc.text().size())),
            in.size());
}

TEST(NormalizerTest, NfcAndCleanUpMapsCompose) {
  std::string in = "\xEF\xBB\xBFOne\r\nCafe\xCC\x81 owner Ilse";
  Document doc = Normalize(in);
  EXPECT_EQ(doc.text(), "One\nCaf\xC3\xA9 owner Ilse");
  size_t pos = doc.text().find("owner");
  EXPECT_EQ(RawSlice(doc, in, static_cast<uint32_t>(pos),
                     static_cast<uint32_t>(pos + 5)),
            "owner");
  EXPECT_EQ(RawSlice(doc, in, 0, 3), "One");
}

TEST(NormalizerTest, AlreadyNfcNonAsciiTextIsUnchanged) {
  std::string in =
      "Z\xC3\xBCrich and S\xC3\xA3o Tom\xC3\xA9 \xE2\x80\x94 fine.";
  Document doc = Normalize(in);
  EXPECT_EQ(doc.text(), in);
}

TEST(NormalizerTest, TooLargeNamesSizeLimitAndOption) {
  NormalizeOptions opts;
  opts.max_bytes = 10;
  Status s = NormalizeError(Raw("twelve bytes"), opts);
  EXPECT_EQ(s.code(), ErrorCode::kTooLarge);
  EXPECT_NE(s.message().find("12"), std::string::npos);
  EXPECT_NE(s.message().find("10"), std::string::npos);
  EXPECT_NE(s.message().find("--max-doc-bytes"), std::string::npos);
}

TEST(NormalizerTest, NulByteIsBinary) {
  Status s = NormalizeError(Raw(std::string("abc\0def", 7)));
  EXPECT_EQ(s.code(), ErrorCode::kBinaryInput);
}

TEST(NormalizerTest, MostlyControlBytesIsBinary) {
  std::string in;
  for (int i = 0; i < 200; ++i) in += (i % 2) ? '\x01' : 'a';
  EXPECT_EQ(NormalizeError(Raw(in)).code(), ErrorCode::kBinaryInput);
}

TEST(NormalizerTest, Utf16IsBinaryWithHint) {
  Status s = NormalizeError(Raw(std::string("\xFF\xFEH\0i\0", 6)));
  EXPECT_EQ(s.code(), ErrorCode::kBinaryInput);
  EXPECT_NE(s.message().find("UTF-16"), std::string::npos);
}

TEST(NormalizerTest, InvalidUtf8NamesOffsetAndLine) {
  Status s = NormalizeError(Raw("first line\nna\xEFve\n"));
  EXPECT_EQ(s.code(), ErrorCode::kInvalidUtf8);
  EXPECT_NE(s.message().find("offset 13"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("line 2"), std::string::npos) << s.message();
}

TEST(NormalizerTest, RejectsOverlongAndSurrogateSequences) {
  EXPECT_EQ(ValidateUtf8("\xC0\xAF").code(), ErrorCode::kInvalidUtf8);
  EXPECT_EQ(ValidateUtf8("\xE0\x80\xAF").code(), ErrorCode::kInvalidUtf8);
  EXPECT_EQ(ValidateUtf8("\xED\xA0\x80").code(), ErrorCode::kInvalidUtf8);
  EXPECT_EQ(ValidateUtf8("\xF4\x90\x80\x80").code(), ErrorCode::kInvalidUtf8);
  EXPECT_EQ(ValidateUtf8("ok \xE2\x82").code(), ErrorCode::kInvalidUtf8);
  EXPECT_TRUE(ValidateUtf8("\xF0\x9F\x98\x80 \xE2\x82\xAC \xC3\xA9").ok());
}

TEST(NormalizerTest, EmptyInputIsAnError) {
  EXPECT_EQ(NormalizeError(Raw("")).code(), ErrorCode::kEmptyInput);
}

TEST(NormalizerTest, WhitespaceOnlyInputIsAnError) {
  EXPECT_EQ(NormalizeError(Raw(" \r\n\t\n  ")).code(), ErrorCode::kEmptyInput);
  EXPECT_EQ(NormalizeError(Raw("\xE2\x80\x8B\n\xEF\xBB\xBF")).code(),
            ErrorCode::kEmptyInput);
}

TEST(NormalizerTest, CopiesMetadata) {
  RawArticle raw = Raw("Body text here.", "  Port  Deal   Signed ");
  raw.source = "in/a.txt";
  raw.url = "https://example.org/a";
  raw.outlet = "Caldera Herald";
  raw.published = "2025-05-15";
  StatusOr<Document> doc = NormalizeArticle(std::move(raw), {});
  ASSERT_TRUE(doc.ok());
  const DocMeta& m = doc->meta();
  EXPECT_EQ(m.source, "in/a.txt");
  EXPECT_EQ(m.title, "Port Deal Signed");
  EXPECT_TRUE(m.title_from_metadata);
  EXPECT_EQ(m.url, "https://example.org/a");
  ASSERT_TRUE(m.outlet.has_value());
  EXPECT_EQ(*m.outlet, "Caldera Herald");
  EXPECT_EQ(m.outlet_how, "metadata");
  EXPECT_EQ(m.published, "2025-05-15");
  EXPECT_EQ(m.published_how, PublishedHow::kMetadata);
  EXPECT_EQ(m.language, "und");  // decided later by meta/LanguageStage
}

TEST(NormalizerTest, NoMetadataTitleLeavesTitleToLayout) {
  Document doc = Normalize("Body.");
  EXPECT_FALSE(doc.meta().title_from_metadata);
  EXPECT_FALSE(doc.meta().outlet.has_value());
  EXPECT_EQ(doc.meta().published_how, PublishedHow::kNone);
}

TEST(NormalizerTest, PublishedTimestampKeepsDatePart) {
  RawArticle raw = Raw("Body.");
  raw.published = "2025-05-15T09:30:00+02:00";
  StatusOr<Document> doc = NormalizeArticle(std::move(raw), {});
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->meta().published, "2025-05-15");
}

TEST(NormalizerTest, UnparseablePublishedIsIgnored) {
  RawArticle raw = Raw("Body.");
  raw.published = "May 15, 2025";
  StatusOr<Document> doc = NormalizeArticle(std::move(raw), {});
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->meta().published, "");
  EXPECT_EQ(doc->meta().published_how, PublishedHow::kNone);
}

TEST(IsoDatePartTest, AcceptsDatesAndTimestamps) {
  EXPECT_EQ(IsoDatePart("2024-02-29"), "2024-02-29");
  EXPECT_EQ(IsoDatePart("2025-05-15T09:30Z"), "2025-05-15");
  EXPECT_EQ(IsoDatePart("2025-05-15T09:30:12.250Z"), "2025-05-15");
  EXPECT_EQ(IsoDatePart("2025-05-15 09:30:12-0500"), "2025-05-15");
  EXPECT_EQ(IsoDatePart(" 2025-05-15 "), "2025-05-15");
}

TEST(IsoDatePartTest, RejectsOtherForms) {
  EXPECT_EQ(IsoDatePart("2025-02-29"), "");  // not a leap year
  EXPECT_EQ(IsoDatePart("2025-13-01"), "");
  EXPECT_EQ(IsoDatePart("2025-5-15"), "");
  EXPECT_EQ(IsoDatePart("15/05/2025"), "");
  EXPECT_EQ(IsoDatePart("2025-05-15junk"), "");
  EXPECT_EQ(IsoDatePart("2025-05-15T25:00"), "");
  EXPECT_EQ(IsoDatePart(""), "");
}

TEST(NormalizerTest, HtmlInputBecomesText) {
  RawArticle raw = Raw(
      "<html><head><title>Ignored</title><style>p{}</style></head><body>"
      "<nav>Home | World</nav><h1>Harbor Deal</h1>"
      "<p>Minister Ilse Brandt &amp; aides <b>signed</b> it.</p>"
      "<script>var x = 1;</script><footer>Copyright</footer></body></html>");
  raw.format = RawArticle::Format::kHtml;
  StatusOr<Document> doc = NormalizeArticle(std::move(raw), {});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->text(),
            "Harbor Deal\n\nMinister Ilse Brandt & aides signed it.");
}

TEST(NormalizerTest, HtmlWithoutTextIsEmpty) {
  RawArticle raw = Raw("<html><body><script>x()</script></body></html>");
  raw.format = RawArticle::Format::kHtml;
  EXPECT_EQ(NormalizeError(std::move(raw)).code(), ErrorCode::kEmptyInput);
}


// The raw bytes a span of the document's text comes from.
std::string RawSpan(const Document& doc, const std::string& raw,
                    std::string_view needle) {
  size_t at = doc.text().find(needle);
  EXPECT_NE(at, std::string_view::npos) << needle;
  uint32_t b = doc.offsets().ToRaw(static_cast<uint32_t>(at));
  uint32_t e = doc.offsets().ToRawEnd(static_cast<uint32_t>(at + needle.size()));
  return raw.substr(b, e - b);
}

TEST(NormalizerTest, HtmlOffsetsLeadToThePageBytes) {
  const std::string page =
      "<html><body><nav>Home</nav><article><h1>Quay Repairs</h1><p>The "
      "<i>harbour</i> master said &ldquo;work starts in May&rdquo; at the "
      "north quay of Ternby.</p></article></body></html>";
  RawArticle raw = Raw(page);
  raw.format = RawArticle::Format::kHtml;
  StatusOr<Document> doc = NormalizeArticle(std::move(raw), {});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(RawSpan(*doc, page, "harbour master"), "harbour</i> master");
  EXPECT_EQ(RawSpan(*doc, page, "\xE2\x80\x9Cwork starts in May\xE2\x80\x9D"),
            "&ldquo;work starts in May&rdquo;");
}

TEST(NormalizerTest, LegacyCharsetPageIsDecodedAndMapped) {
  // windows-1252 bytes under a <meta> that wrongly claims UTF-8.
  const std::string page =
      "<html><head><meta charset=\"utf-8\"></head><body><p>The caf\xE9 "
      "owners of S\xF8rby said the \x93new rules\x94 would ruin the summer "
      "season for the whole town.</p></body></html>";
  RawArticle raw = Raw(page);
  raw.format = RawArticle::Format::kHtml;
  StatusOr<Document> doc = NormalizeArticle(std::move(raw), {});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_NE(doc->text().find("caf\xC3\xA9 owners of S\xC3\xB8rby"),
            std::string_view::npos);
  EXPECT_EQ(RawSpan(*doc, page, "S\xC3\xB8rby said"), "S\xF8rby said");
}

TEST(NormalizerTest, DeclaredCharsetFromTransportIsUsed) {
  // KOI8-R bytes of a Cyrillic word, no <meta>: the HTTP header names it.
  const std::string page =
      "<html><body><p>\xED\xCF\xD3\xCB\xD7\xC1 is the name the article gives "
      "the city, written in Cyrillic letters.</p></body></html>";
  RawArticle raw = Raw(page);
  raw.format = RawArticle::Format::kHtml;
  raw.charset = "koi8-r";
  StatusOr<Document> doc = NormalizeArticle(std::move(raw), {});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->text().substr(0, 12),
            "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");  // Москва
}

}  // namespace
}  // namespace dossier
