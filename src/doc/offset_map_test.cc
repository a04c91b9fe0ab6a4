#include "doc/offset_map.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

TEST(OffsetMapTest, IdentityMapsEachOffsetToItself) {
  OffsetMap m = OffsetMap::Identity(10);
  for (uint32_t i = 0; i <= 10; ++i) EXPECT_EQ(m.ToRaw(i), i);
}

TEST(OffsetMapTest, DeletionShiftsLaterOffsets) {
  // raw "ab\r\ncd" -> clean "ab\ncd": the \r at raw 2 is dropped.
  OffsetMap m;
  m.Add(0, 0);
  m.Add(2, 3);  // clean "\ncd" starts at raw "\ncd"
  m.Finish(5, 6);
  EXPECT_EQ(m.ToRaw(1), 1u);
  EXPECT_EQ(m.ToRaw(2), 3u);
  EXPECT_EQ(m.ToRaw(4), 5u);
  EXPECT_EQ(m.ToRaw(5), 6u);
}

TEST(OffsetMapTest, RawEndDoesNotRunOverDroppedBytes) {
  // raw "ab  \ncd" -> clean "ab\ncd": trailing spaces dropped.
  OffsetMap m;
  m.Add(0, 0);
  m.Add(2, 4);
  m.Finish(5, 7);
  EXPECT_EQ(m.ToRaw(2), 4u);     // where "\n" came from
  EXPECT_EQ(m.ToRawEnd(2), 2u);  // "ab" ends at raw 2
  EXPECT_EQ(m.ToRawEnd(5), 7u);
}

TEST(OffsetMapTest, ComposeFollowsBothMaps) {
  // inner: clean1 "xyz" from raw "__xyz" (2 bytes dropped at the start).
  OffsetMap inner;
  inner.Add(0, 2);
  inner.Finish(3, 5);
  // outer: clean2 "yz" from clean1 "xyz" (first byte dropped).
  OffsetMap outer;
  outer.Add(0, 1);
  outer.Finish(2, 3);
  OffsetMap both = OffsetMap::Compose(outer, inner);
  EXPECT_EQ(both.ToRaw(0), 3u);
  EXPECT_EQ(both.ToRaw(1), 4u);
  EXPECT_EQ(both.ToRaw(2), 5u);
}

TEST(OffsetMapTest, ComposeKeepsInnerDiscontinuities) {
  // inner: "abcd" from raw "ab--cd".
  OffsetMap inner;
  inner.Add(0, 0);
  inner.Add(2, 4);
  inner.Finish(4, 6);
  OffsetMap outer = OffsetMap::Identity(4);
  OffsetMap both = OffsetMap::Compose(outer, inner);
  EXPECT_EQ(both.ToRaw(1), 1u);
  EXPECT_EQ(both.ToRaw(3), 5u);
}

}  // namespace
}  // namespace dossier
