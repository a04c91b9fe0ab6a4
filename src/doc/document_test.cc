#include "doc/document.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

Document MakeDoc(std::string text) {
  uint32_t n = static_cast<uint32_t>(text.size());
  return Document(DocMeta{}, std::move(text), OffsetMap::Identity(n));
}

TEST(DocumentTest, SliceReturnsSpanText) {
  Document d = MakeDoc("Hello world");
  EXPECT_EQ(d.Slice({6, 11}), "world");
}

TEST(DocumentTest, CompactDropsRemovedBlocksAndListsThem) {
  Document d = MakeDoc("Title\n\nBody one.\n\nSubscribe now\n\nBody two.");
  d.layers().blocks = {
      {{0, 5}, BlockKind::kTitle, ""},
      {{7, 16}, BlockKind::kParagraph, ""},
      {{18, 31}, BlockKind::kParagraph, "subscription_footer"},
      {{33, 42}, BlockKind::kParagraph, ""},
  };
  StatusOr<Document> c = std::move(d).Compact();
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->text(), "Title\n\nBody one.\n\nBody two.");
  ASSERT_EQ(c->layers().blocks.size(), 3u);
  EXPECT_EQ(c->Slice(c->layers().blocks[2].span), "Body two.");
  ASSERT_EQ(c->layers().removed.size(), 1u);
  EXPECT_EQ(c->layers().removed[0].text, "Subscribe now");
  EXPECT_EQ(c->layers().removed[0].why, "subscription_footer");
  EXPECT_EQ(c->layers().removed[0].at, 16u);  // right after "Body one."
  // Offsets still lead to the raw bytes.
  EXPECT_EQ(c->offsets().ToRaw(c->layers().blocks[2].span.start), 33u);
  EXPECT_EQ(c->offsets().ToRaw(8), 8u);
}

TEST(DocumentTest, CompactRemapsDateline) {
  Document d = MakeDoc("junk\n\nOSLO, May 1 - Agency\n\nText.");
  d.layers().blocks = {{{0, 4}, BlockKind::kParagraph, "image_placeholder"},
                       {{6, 26}, BlockKind::kDateline, ""},
                       {{28, 33}, BlockKind::kParagraph, ""}};
  Dateline dl;
  dl.span = {6, 10};
  dl.place = "Oslo";
  d.layers().dateline = dl;
  StatusOr<Document> c = std::move(d).Compact();
  ASSERT_TRUE(c.ok());
  ASSERT_TRUE(c->layers().dateline.has_value());
  EXPECT_EQ(c->Slice(c->layers().dateline->span), "OSLO");
}

TEST(DocumentTest, CompactRefusesAfterAnalysis) {
  Document d = MakeDoc("a");
  d.layers().sentences.push_back({});
  EXPECT_FALSE(std::move(d).Compact().ok());
}

}  // namespace
}  // namespace dossier
