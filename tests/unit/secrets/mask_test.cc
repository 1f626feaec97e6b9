// Log masking (gates/secrets/mask.cc): replacement text, counts, and
// latency: a line is written before the next one is read; ValueMasker.
#include <gtest/gtest.h>

#include <poll.h>
#include <unistd.h>

#include <cctype>
#include <thread>

#include "gates/core/fingerprint.h"
#include "gates/secrets/mask.h"
#include "tests/unit/secrets/test_pack.h"

namespace secgate::secrets {
namespace {

std::string Hex(const std::string& rule, const std::string& secret) {
  std::string fp = core::SecretFingerprint(rule, secret);
  return fp.substr(fp.rfind(':') + 1);
}

/// Reads from `fd` until `want` bytes arrived or `ms` passed.
std::string ReadFor(int fd, size_t want, int ms) {
  std::string out;
  char buf[4096];
  while (out.size() < want) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, ms) <= 0) break;
    ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

TEST(MaskTest, ReplacesSecretsAndKeepsEverythingElse) {
  auto e = TestEngine();
  int in[2], out[2];
  ASSERT_EQ(pipe(in), 0);
  ASSERT_EQ(pipe(out), 0);
  std::string log = std::string("step 1\nexport T=") + kToken + " K=" + kKeyId +
                    "\nallowed " + kKeyId + " # secgate:allow\nno newline at end";
  ASSERT_EQ(write(in[1], log.data(), log.size()), static_cast<ssize_t>(log.size()));
  close(in[1]);
  auto n = MaskStream(*e, in[0], out[1]);
  close(out[1]);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 2);
  std::string got = ReadFor(out[0], 1 << 20, 1000);
  EXPECT_EQ(got, "step 1\nexport T=[secgate:test-token:" + Hex("test-token", kToken) +
                     "] K=[secgate:test-key-id:" + Hex("test-key-id", kKeyId) + "]\nallowed " +
                     kKeyId + " # secgate:allow\nno newline at end");
  close(in[0]);
  close(out[0]);
}

TEST(MaskTest, EachLineIsWrittenBeforeTheNextIsRead) {
  auto e = TestEngine();
  int in[2], out[2];
  ASSERT_EQ(pipe(in), 0);
  ASSERT_EQ(pipe(out), 0);
  long masked = -1;
  std::thread t([&] {
    auto n = MaskStream(*e, in[0], out[1]);
    masked = n.ok() ? *n : -2;
    close(out[1]);
  });
  const std::string line1 = std::string("token ") + kToken + "\n";
  ASSERT_EQ(write(in[1], line1.data(), line1.size()), static_cast<ssize_t>(line1.size()));
  // The writer keeps stdin open: the masked line must still come out.
  const std::string want1 = "token [secgate:test-token:" + Hex("test-token", kToken) + "]\n";
  EXPECT_EQ(ReadFor(out[0], want1.size(), 5000), want1);
  const std::string line2 = "plain line\n";
  ASSERT_EQ(write(in[1], line2.data(), line2.size()), static_cast<ssize_t>(line2.size()));
  EXPECT_EQ(ReadFor(out[0], line2.size(), 5000), line2);
  close(in[1]);
  t.join();
  EXPECT_EQ(masked, 1);
  close(in[0]);
  close(out[0]);
}

// ValueMasker (tests/e2e/secrets/holes_content_test.cc).
TEST(ContentHolesTest, ValueMaskerReplacesEveryOccurrenceAndOverlaps) {
  const std::string a = "tstk_AAAAbbbbCCCCddddEEEEffffGGGGhhhh";
  const std::string b = "GGGGhhhhIIIIjjjj";  // overlaps the end of a
  ValueMasker m({{"test-token", a}, {"other", b}, {"test-token", a}});
  const std::string ta = MaskToken("test-token", a), tb = MaskToken("other", b);
  EXPECT_EQ(m.Apply("deploy-" + a + ".env"), "deploy-" + ta + ".env");
  EXPECT_EQ(m.Apply(a.substr(0, 30) + "IIIIjjjj!"), a.substr(0, 30) + "IIIIjjjj!");
  EXPECT_EQ(m.Apply(a + "IIIIjjjj!"), ta + tb + "!");  // one span, nothing of either left
  EXPECT_EQ(m.Apply("no secret"), "no secret");
  std::string upper = a;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(m.Apply(upper), upper);  // another value: left alone
  core::Finding f;
  f.location.path = "x/" + a;
  f.location.target = a;
  f.aliases = {b};
  m.Apply(&f);
  EXPECT_EQ(f.location.path, "x/" + ta);
  EXPECT_EQ(f.location.target, ta);
  EXPECT_EQ(f.aliases[0], tb);
  core::Verdict v;
  v.notes = {"skipped " + a};
  v.inputs.push_back({a, "files", 0, {}});
  m.Apply(&v);
  EXPECT_EQ(v.notes[0], "skipped " + ta);
  EXPECT_EQ(v.inputs[0].path, ta);
  ValueMasker none({});
  EXPECT_EQ(none.Apply(a), a);
}

}  // namespace
}  // namespace secgate::secrets
