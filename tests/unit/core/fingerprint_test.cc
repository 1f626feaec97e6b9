#include "gates/core/fingerprint.h"

#include <gtest/gtest.h>

namespace secgate::core {
namespace {

TEST(FingerprintTest, SecretFingerprintShape) {
  std::string fp = SecretFingerprint("github-pat", "abc");
  EXPECT_EQ(fp, "secret:github-pat:ba7816bf8f01cfea");
}

TEST(FingerprintTest, VulnFingerprintIgnoresQualifiersAndLocation) {
  Finding a;
  a.id = "CVE-2024-1";
  a.package = {"openssl", "3.0.1", "apk", "pkg:apk/alpine/openssl@3.0.1?arch=x86_64"};
  a.location.target = "img:1";
  a.location.line = 3;
  Finding b = a;
  b.package.purl = "pkg:apk/alpine/openssl@3.0.1?arch=aarch64&distro=alpine-3.19";
  b.location.target = "img:2";
  b.location.line = 99;
  EXPECT_EQ(VulnFingerprint(a), VulnFingerprint(b));
  Finding c = a;
  c.package.purl = "pkg:apk/alpine/openssl@3.0.2";
  EXPECT_NE(VulnFingerprint(a), VulnFingerprint(c));
  Finding d = a;
  d.id = "CVE-2024-2";
  EXPECT_NE(VulnFingerprint(a), VulnFingerprint(d));
  EXPECT_EQ(VulnFingerprint(a).rfind("vuln:", 0), 0u);
  EXPECT_EQ(VulnFingerprint(a).size(), 21u);
}

}  // namespace
}  // namespace secgate::core
