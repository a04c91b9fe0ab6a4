#include "base/status.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

TEST(StatusTest, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "ok");
}

TEST(StatusTest, ToStringNamesStableId) {
  Status s(ErrorCode::kInvalidUtf8, "bad byte at 3");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.ToString(), "input.invalid_utf8: bad byte at 3");
  EXPECT_EQ(ErrorCodeNumber(s.code()), 203);
}

TEST(StatusTest, WithContextPrefixesMessage) {
  Status s = Status(ErrorCode::kUnreadable, "permission denied")
                 .WithContext("a/b.txt");
  EXPECT_EQ(s.message(), "a/b.txt: permission denied");
  EXPECT_EQ(s.code(), ErrorCode::kUnreadable);
}

TEST(StatusOrTest, HoldsValueOrError) {
  StatusOr<int> good(7);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 7);
  StatusOr<int> bad(Status(ErrorCode::kNotFound, "x"));
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kNotFound);
}

TEST(ErrorCodesTest, IdsAreUniqueAndDescribed) {
  const ErrorCode all[] = {
#define DOSSIER_LIST(name, number, id, text) ErrorCode::name,
      DOSSIER_ERROR_CODES(DOSSIER_LIST)
#undef DOSSIER_LIST
  };
  for (ErrorCode a : all) {
    EXPECT_FALSE(ErrorCodeDescription(a).empty());
    for (ErrorCode b : all) {
      if (a != b) {
        EXPECT_NE(ErrorCodeId(a), ErrorCodeId(b));
      }
    }
  }
}

}  // namespace
}  // namespace dossier
