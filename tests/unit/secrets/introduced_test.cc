// One finding per secret at its earliest commit, split by waiver judgement
// (gates/secrets/introduced.cc).
#include <gtest/gtest.h>

#include "gates/secrets/introduced.h"

namespace secgate::secrets {
namespace {

core::Finding At(const std::string& fp, const std::string& path, const std::string& commit) {
  core::Finding f;
  f.gate = core::Gate::kSecrets;
  f.id = "test-token";
  f.fingerprint = fp;
  f.location.path = path;
  f.location.commit = commit;
  f.location.line = 1;
  return f;
}

core::WaiverFile PathWaiver(const std::string& fp, const std::string& glob) {
  core::Waiver w;
  w.id = fp;
  w.gate = core::Gate::kSecrets;
  w.path = glob;
  core::WaiverFile file;
  file.waivers.push_back(w);
  return file;
}

TEST(IntroducedTest, KeepsTheEarliestFindOfEachSecret) {
  // Walk order: 0 is the newest commit; 7 was walked last, the oldest.
  std::vector<core::Finding> f = {At("secret:a:1", "b.txt", "new"), At("secret:a:1", "a.txt", "old"),
                                  At("secret:b:2", "c.txt", "mid"), At("secret:a:1", "a.txt", "mid")};
  long repeats = 0;
  auto kept = KeepIntroductions(f, {0, 7, 3, 3}, core::WaiverFile{}, &repeats);
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0].fingerprint, "secret:b:2");  // newest first in the output
  EXPECT_EQ(kept[1].location.commit, "old");
  EXPECT_EQ(repeats, 2);
}

TEST(IntroducedTest, AMoveOutOfAWaivedPathIsKeptAtTheNewPath) {
  std::vector<core::Finding> f = {At("secret:a:1", "test/fx.py", "old"),
                                  At("secret:a:1", "app/fx.py", "new"),
                                  At("secret:a:1", "test/other.py", "newer")};
  long repeats = 0;
  auto kept = KeepIntroductions(f, {5, 2, 1}, PathWaiver("secret:a:1", "test/**"), &repeats);
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0].location.path, "app/fx.py");
  EXPECT_EQ(kept[1].location.path, "test/fx.py");
  EXPECT_EQ(repeats, 1);  // test/other.py: same secret, same waiver
}

TEST(IntroducedTest, TiesInOneCommitAreDecidedByPathNotByArrival) {
  std::vector<core::Finding> f = {At("secret:a:1", "z.txt", "c"), At("secret:a:1", "a.txt", "c")};
  long repeats = 0;
  auto kept = KeepIntroductions(f, {4, 4}, core::WaiverFile{}, &repeats);
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].location.path, "a.txt");
  std::vector<core::Finding> swapped = {f[1], f[0]};
  auto again = KeepIntroductions(swapped, {4, 4}, core::WaiverFile{}, &repeats);
  EXPECT_EQ(again[0].location.path, "a.txt");
}

}  // namespace
}  // namespace secgate::secrets
