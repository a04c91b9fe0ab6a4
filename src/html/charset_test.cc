#include "html/charset.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace dossier {
namespace {

Utf8Html Decode(const std::string& raw, const std::string& declared = "") {
  StatusOr<Utf8Html> h = DecodeHtml(raw, declared);
  EXPECT_TRUE(h.ok()) << h.status().message();
  return h.ok() ? *h : Utf8Html{};
}

// Checks the raw_offset contract for a transcoded result.
void ExpectOffsetsWellFormed(const Utf8Html& h, size_t raw_size) {
  ASSERT_TRUE(h.transcoded);
  ASSERT_EQ(h.raw_offset.size(), h.text.size() + 1);
  EXPECT_EQ(h.raw_offset.back(), raw_size);
  for (size_t i = 1; i < h.raw_offset.size(); ++i) {
    EXPECT_LE(h.raw_offset[i - 1], h.raw_offset[i]) << "at " << i;
  }
}

TEST(DecodeHtmlTest, ValidUtf8IsNotTranscoded) {
  std::string raw = "<p>Caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80</p>";
  Utf8Html h = Decode(raw);
  EXPECT_EQ(h.text, raw);
  EXPECT_EQ(h.charset, "UTF-8");
  EXPECT_FALSE(h.transcoded);
  EXPECT_TRUE(h.raw_offset.empty());
  EXPECT_EQ(h.raw_start, 0u);
  EXPECT_EQ(h.RawOffset(4), 4u);
}

TEST(DecodeHtmlTest, KeepRawLeavesValidUtf8InPlace) {
  std::string raw = "<p>Caf\xC3\xA9</p>";
  StatusOr<Utf8Html> h = DecodeHtml(raw, "", /*keep_raw=*/true);
  ASSERT_TRUE(h.ok());
  EXPECT_TRUE(h->is_raw);
  EXPECT_TRUE(h->text.empty());
  EXPECT_EQ(h->View(raw), raw);
  EXPECT_EQ(h->View(raw).data(), raw.data());
  EXPECT_EQ(h->RawOffset(3), 3u);
}

TEST(DecodeHtmlTest, KeepRawViewSkipsAUtf8Bom) {
  std::string raw = "\xEF\xBB\xBF<p>x</p>";
  StatusOr<Utf8Html> h = DecodeHtml(raw, "", /*keep_raw=*/true);
  ASSERT_TRUE(h.ok());
  EXPECT_TRUE(h->is_raw);
  EXPECT_EQ(h->View(raw), "<p>x</p>");
}

TEST(DecodeHtmlTest, KeepRawStillTranscodesLegacyBytes) {
  std::string raw = "<meta charset=\"iso-8859-1\"><p>Caf\xE9</p>";
  StatusOr<Utf8Html> h = DecodeHtml(raw, "", /*keep_raw=*/true);
  ASSERT_TRUE(h.ok());
  EXPECT_FALSE(h->is_raw);
  EXPECT_TRUE(h->transcoded);
  EXPECT_EQ(h->View(raw), h->text);
  EXPECT_NE(h->text.find("Caf\xC3\xA9"), std::string::npos);
}

TEST(DecodeHtmlTest, AsciiInALegacyCharsetIsNotTranscoded) {
  std::string raw = "<meta charset=windows-1252><p>Plain &eacute; text</p>";
  Utf8Html h = Decode(raw);
  EXPECT_EQ(h.text, raw);
  EXPECT_EQ(h.charset, "windows-1252");
  EXPECT_FALSE(h.transcoded);
  EXPECT_TRUE(h.raw_offset.empty());
}

TEST(DecodeHtmlTest, AsciiInAStatefulCharsetIsStillTranscoded) {
  // "~{" switches HZ to GB2312: the bytes are not ASCII text there.
  Utf8Html h = Decode("<p>~{<:Ky~}</p>", "HZ-GB-2312");
  EXPECT_NE(h.text, "<p>~{<:Ky~}</p>");
}

TEST(DecodeHtmlTest, Utf8BomIsStripped) {
  Utf8Html h = Decode("\xEF\xBB\xBF<p>Hej</p>");
  EXPECT_EQ(h.text, "<p>Hej</p>");
  EXPECT_FALSE(h.transcoded);
  EXPECT_EQ(h.raw_start, 3u);
  EXPECT_EQ(h.RawOffset(0), 3u);
}

TEST(DecodeHtmlTest, Utf16LeBom) {
  std::string raw("\xFF\xFE<\0p\0>\0\xE9\0", 10);
  Utf8Html h = Decode(raw);
  EXPECT_EQ(h.text, "<p>\xC3\xA9");
  ExpectOffsetsWellFormed(h, raw.size());
  EXPECT_EQ(h.raw_offset[0], 2u);
  EXPECT_EQ(h.raw_offset[3], 8u);  // both bytes of U+00E9 map to raw 8
  EXPECT_EQ(h.raw_offset[4], 8u);
}

TEST(DecodeHtmlTest, BomBeatsDeclaredCharset) {
  Utf8Html h = Decode("\xEF\xBB\xBFZ\xC3\xBCrich", "iso-8859-1");
  EXPECT_EQ(h.text, "Z\xC3\xBCrich");
}

TEST(DecodeHtmlTest, DeclaredCharsetFromHeader) {
  std::string raw = "<p>\xCF\xF0\xE8\xE2\xE5\xF2</p>";  // "Привет" in cp1251
  Utf8Html h = Decode(raw, "text/html; charset=windows-1251");
  EXPECT_EQ(h.text,
            "<p>\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82</p>");
  EXPECT_EQ(h.charset, "windows-1251");
  ExpectOffsetsWellFormed(h, raw.size());
  EXPECT_EQ(h.raw_offset[3], 3u);  // first byte of U+041F
  EXPECT_EQ(h.raw_offset[4], 3u);
  EXPECT_EQ(h.raw_offset[5], 4u);
  EXPECT_EQ(h.raw_offset[h.text.size() - 4], raw.size() - 4);  // "</p>"
}

TEST(DecodeHtmlTest, DeclaredBeatsMeta) {
  std::string raw =
      "<meta charset=\"iso-8859-2\"><p>\xCF\xF0\xE8\xE2\xE5\xF2</p>";
  EXPECT_EQ(Decode(raw, "windows-1251").charset, "windows-1251");
  EXPECT_EQ(Decode(raw, "").charset, "ISO-8859-2");
}

TEST(DecodeHtmlTest, MetaCharsetAndHttpEquiv) {
  Utf8Html a = Decode("<html><head><meta charset='Windows-1252'></head>"
                      "<p>na\xEFve \x93quoted\x94</p>");
  EXPECT_EQ(a.text,
            "<html><head><meta charset='Windows-1252'></head>"
            "<p>na\xC3\xAFve \xE2\x80\x9Cquoted\xE2\x80\x9D</p>");
  EXPECT_EQ(a.charset, "windows-1252");
  Utf8Html b = Decode(
      "<meta http-equiv=\"Content-Type\" content=\"text/html; "
      "charset=koi8-r\"><p>\xF0\xD2\xC9\xD7\xC5\xD4</p>");
  EXPECT_THAT(b.text,
              ::testing::HasSubstr(
                  "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"));
}

TEST(DecodeHtmlTest, Latin1IsReadAsWindows1252) {
  // 0x80 is the euro sign in windows-1252, a C1 control in ISO-8859-1.
  Utf8Html h = Decode("<meta charset=iso-8859-1><p>5 \x80 caf\xE9</p>");
  EXPECT_THAT(h.text, ::testing::HasSubstr("5 \xE2\x82\xAC caf\xC3\xA9"));
}

TEST(DecodeHtmlTest, MetaInsideCommentIsIgnored) {
  Utf8Html h = Decode(
      "<!-- <meta charset=koi8-r> --><meta charset=windows-1252><p>\xE9</p>");
  EXPECT_EQ(h.charset, "windows-1252");
}

TEST(DecodeHtmlTest, XmlDeclaration) {
  Utf8Html h = Decode(
      "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><html><p>\xA4</p>");
  EXPECT_THAT(h.text, ::testing::HasSubstr("<p>\xE2\x82\xAC</p>"));
}

TEST(DecodeHtmlTest, FalseUtf8ClaimFallsBackToDetection) {
  // Says UTF-8, is windows-1252 German: must not turn into U+FFFD soup.
  std::string raw =
      "<html><head><meta charset=\"utf-8\"></head><body><p>Die "
      "Stra\xDF"
      "e f\xFChrt \xFC"
      "ber die Br\xFC"
      "cke. Gr\xFC\xDF"
      "e aus M\xFCnchen, sch\xF6ne Gr\xFC\xDF"
      "e an alle B\xE4"
      "cker und K\xF6"
      "che.</p></body></html>";
  Utf8Html h = Decode(raw, "utf-8");
  EXPECT_THAT(h.text, ::testing::HasSubstr("Stra\xC3\x9F"
                                           "e f\xC3\xBChrt"));
  EXPECT_THAT(h.text, ::testing::Not(::testing::HasSubstr("\xEF\xBF\xBD")));
  ExpectOffsetsWellFormed(h, raw.size());
}

TEST(DecodeHtmlTest, StrayInvalidBytesInUtf8BecomeReplacement) {
  std::string raw =
      "<meta charset=utf-8><p>Z\xC3\xBCrich, M\xC3\xBCnchen, K\xC3\xB6ln, "
      "Gen\xC3\xA8ve \xFF end</p>";
  Utf8Html h = Decode(raw);
  EXPECT_EQ(h.charset, "UTF-8");
  EXPECT_THAT(h.text, ::testing::HasSubstr("Gen\xC3\xA8ve \xEF\xBF\xBD end"));
  ExpectOffsetsWellFormed(h, raw.size());
  size_t pos = h.text.find("\xEF\xBF\xBD");
  EXPECT_EQ(h.raw_offset[pos], raw.find('\xFF'));
}

TEST(DecodeHtmlTest, LegacyClaimOverValidUtf8IsUtf8) {
  // Re-encoded by a crawler, the <meta> still says windows-1252.
  std::string raw = "<meta charset=windows-1252><p>Caf\xC3\xA9 cr\xC3\xA8me</p>";
  Utf8Html h = Decode(raw);
  EXPECT_EQ(h.text, raw);
  EXPECT_FALSE(h.transcoded);
}

TEST(DecodeHtmlTest, AsciiUnderLegacyClaimIsIdentity) {
  std::string raw = "<meta charset=windows-1252><p>plain</p>";
  Utf8Html h = Decode(raw);
  EXPECT_EQ(h.text, raw);
  EXPECT_FALSE(h.transcoded);
  EXPECT_EQ(h.charset, "windows-1252");
}

TEST(DecodeHtmlTest, UnknownCharsetIsIgnored) {
  Utf8Html h = Decode("<p>Caf\xC3\xA9</p>", "x-no-such-charset");
  EXPECT_EQ(h.text, "<p>Caf\xC3\xA9</p>");
}

TEST(DecodeHtmlTest, MetaUtf16MeansUtf8) {
  std::string raw = "<meta charset=utf-16><p>Caf\xC3\xA9</p>";
  EXPECT_EQ(Decode(raw).text, raw);
}

TEST(DecodeHtmlTest, DetectsUndeclaredLegacyText) {
  std::string raw =
      "<html><body><p>Le gar\xE7on a mang\xE9 une cr\xEApe \xE0 la "
      "cr\xE8me, pr\xE8s de l'\xE9glise, o\xF9 l'on f\xEAte No\xEBl en "
      "d\xE9"
      "cembre avec des g\xE2teaux et du th\xE9 tr\xE8s chaud.</p></body>"
      "</html>";
  Utf8Html h = Decode(raw);
  EXPECT_TRUE(h.transcoded);
  EXPECT_THAT(h.text, ::testing::HasSubstr("gar\xC3\xA7on a mang\xC3\xA9"));
  ExpectOffsetsWellFormed(h, raw.size());
}

TEST(DecodeHtmlTest, ShiftJisDeclared) {
  // "日本" in Shift_JIS is 93 FA 96 7B.
  std::string raw = "<p>\x93\xFA\x96\x7B</p>";
  Utf8Html h = Decode(raw, "Shift_JIS");
  EXPECT_EQ(h.text, "<p>\xE6\x97\xA5\xE6\x9C\xAC</p>");
  ExpectOffsetsWellFormed(h, raw.size());
  EXPECT_EQ(h.raw_offset[6], 5u);  // first byte of 本
}

TEST(DecodeHtmlTest, BinaryGarbageDecodes) {
  std::string raw;
  uint32_t x = 12345;
  for (int i = 0; i < 5000; ++i) {
    x = x * 1103515245 + 12345;
    raw.push_back(static_cast<char>(x >> 16));
  }
  StatusOr<Utf8Html> h = DecodeHtml(raw, "");
  ASSERT_TRUE(h.ok());
  if (h->transcoded) ExpectOffsetsWellFormed(*h, raw.size());
}

TEST(DecodeHtmlTest, EmptyInput) {
  Utf8Html h = Decode("");
  EXPECT_EQ(h.text, "");
  EXPECT_FALSE(h.transcoded);
}

TEST(SniffMetaCharsetTest, Forms) {
  EXPECT_EQ(SniffMetaCharset("<META CHARSET=\"UTF-8\">"), "utf-8");
  EXPECT_EQ(SniffMetaCharset("<meta content='text/html; charset=EUC-JP' "
                             "http-equiv=content-type>"),
            "euc-jp");
  EXPECT_EQ(SniffMetaCharset("<p>charset=koi8-r</p>"), "");
  EXPECT_EQ(SniffMetaCharset(std::string(5000, ' ') + "<meta charset=x>"), "");
}

}  // namespace
}  // namespace dossier
