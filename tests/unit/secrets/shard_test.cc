// --shard K/N parsing and the path split (gates/secrets/sources/shard.cc).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "gates/secrets/sources/sources.h"

namespace secgate::secrets {
namespace {

TEST(ShardTest, ParsesKOfN) {
  auto s = ParseShard("2/3");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->index, 2);
  EXPECT_EQ(s->count, 3);
  auto one = ParseShard("1/1");
  ASSERT_TRUE(one);
  EXPECT_TRUE(one->Owns("any/path"));
  ASSERT_TRUE(ParseShard("4096/4096"));
}

TEST(ShardTest, RefusesEverythingElseWithOneLine) {
  for (const std::string& bad : std::vector<std::string>{"", "/", "1", "1/", "/2", "0/2", "3/2", "-1/2", "+1/2", "1/-2", "01/2",
                          "1/02", " 1/2", "1/2 ", "1/2/3", "1//2", "a/b", "1.0/2", "4097/4097",
                          "1/99999999999999999999", std::string("1/2\0", 4), "1/2\n",
                          "\xff/\xfe"}) {
    auto s = ParseShard(bad);
    ASSERT_FALSE(s) << "accepted '" << bad << "'";
    EXPECT_EQ(s.error().where, "--shard");
    EXPECT_NE(s.error().message.find("expected K/N with 1 <= K <= N <= 4096"), std::string::npos);
  }
  auto huge = ParseShard(std::string(100000, '9') + "/1");
  ASSERT_FALSE(huge);
  EXPECT_LT(huge.error().message.size(), 120u);  // the spec is cut in the message
}

TEST(ShardTest, EveryKeyBelongsToExactlyOneShardAndTheSplitIsFair) {
  const int n = 4;
  int per[n] = {0, 0, 0, 0};
  for (int i = 0; i < 4000; ++i) {
    const std::string path = "src/dir" + std::to_string(i % 37) + "/file" + std::to_string(i) + ".c";
    int owners = 0;
    for (int k = 1; k <= n; ++k) {
      if (!Shard{k, n}.Owns(path)) continue;
      ++owners;
      ++per[k - 1];
    }
    ASSERT_EQ(owners, 1) << path;
  }
  for (int k = 0; k < n; ++k) EXPECT_GT(per[k], 800) << "shard " << k + 1;
  // Fixed, not per process: FNV-1a of "" is its offset basis.
  EXPECT_TRUE((Shard{static_cast<int>(14695981039346656037ull % 7) + 1, 7}.Owns("")));
}

}  // namespace
}  // namespace secgate::secrets
