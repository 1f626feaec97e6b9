// Version orderings per ecosystem and banned-purl ranges. Orders come from
// each ecosystem's published rules (semver.org §11 example list, PEP 440
// examples, Maven ComparableVersion docs, Debian policy §5.6.12).
#include "gates/sbom/version_range.h"

#include <gtest/gtest.h>

namespace secgate::sbom {
namespace {

// Each list is strictly increasing.
void ExpectIncreasing(VersionScheme s, const std::vector<std::string>& list) {
  for (size_t i = 0; i + 1 < list.size(); ++i) {
    SCOPED_TRACE(list[i] + " < " + list[i + 1]);
    EXPECT_LT(CompareVersions(s, list[i], list[i + 1]), 0);
    EXPECT_GT(CompareVersions(s, list[i + 1], list[i]), 0);
  }
}

void ExpectEqual(VersionScheme s, const std::string& a, const std::string& b) {
  SCOPED_TRACE(a + " == " + b);
  EXPECT_EQ(CompareVersions(s, a, b), 0);
}

TEST(VersionCompareTest, Semver) {
  ExpectIncreasing(VersionScheme::kSemver,
                   {"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                    "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.9.0", "1.10.0",
                    "2.0.0"});
  ExpectEqual(VersionScheme::kSemver, "1.2.3", "v1.2.3");
  ExpectEqual(VersionScheme::kSemver, "1.0.0+build.5", "1.0.0");
  ExpectEqual(VersionScheme::kSemver, "1.0", "1.0.0");
}

TEST(VersionCompareTest, Pep440) {
  ExpectIncreasing(VersionScheme::kPypi,
                   {"1.0.dev0", "1.0a1.dev1", "1.0a1", "1.0a2", "1.0b1", "1.0rc1", "1.0",
                    "1.0+local.1", "1.0.post1.dev1", "1.0.post1", "1.1.dev1", "1.1", "2.0",
                    "1!0.1"});
  ExpectEqual(VersionScheme::kPypi, "1.0", "1.0.0");
  ExpectEqual(VersionScheme::kPypi, "1.0-1", "1.0.post1");
  ExpectEqual(VersionScheme::kPypi, "1.0alpha1", "1.0a1");
  ExpectEqual(VersionScheme::kPypi, "1.0c1", "1.0rc1");
  ExpectEqual(VersionScheme::kPypi, "1.0-RC-1", "1.0rc1");
}

TEST(VersionCompareTest, Maven) {
  ExpectIncreasing(VersionScheme::kMaven,
                   {"1.0-alpha-1", "1.0-beta", "1.0-milestone-1", "1.0-rc1", "1.0-SNAPSHOT",
                    "1.0", "1.0-sp1", "1.0.1", "1.9", "1.10"});
  ExpectEqual(VersionScheme::kMaven, "1.0", "1");
  ExpectEqual(VersionScheme::kMaven, "1.0", "1.0.0");
  ExpectEqual(VersionScheme::kMaven, "1.0", "1.0-ga");
  ExpectEqual(VersionScheme::kMaven, "1.0", "1.0.final");
  ExpectEqual(VersionScheme::kMaven, "1.0-cr1", "1.0-rc1");
  ExpectEqual(VersionScheme::kMaven, "1.0-a1", "1.0-alpha-1");
}

TEST(VersionCompareTest, Debian) {
  ExpectIncreasing(VersionScheme::kDebian,
                   {"1.0~~", "1.0~", "1.0~rc1", "1.0", "1.0-1", "1.0-2", "1.0a", "1.0+dfsg-1",
                    "1.1", "2.0", "1:0.9"});
  ExpectIncreasing(VersionScheme::kDebian, {"2.30-1ubuntu1", "2.30-1ubuntu2"});
  ExpectIncreasing(VersionScheme::kDebian, {"1.2.3-1", "1.2.10-1"});
  ExpectEqual(VersionScheme::kDebian, "0:1.0-1", "1.0-1");
}

TEST(VersionCompareTest, Generic) {
  ExpectIncreasing(VersionScheme::kGeneric, {"1.0rc1", "1.0", "1.2.3", "1.2.10", "2.1-r0",
                                             "2.1-r1"});
  ExpectEqual(VersionScheme::kGeneric, "1.0", "1.0.0");
  EXPECT_LT(CompareVersions(VersionScheme::kGeneric, "1", "1.0.1"), 0);
}

bool Banned(const std::string& spec, const std::string& purl, const std::string& version = "") {
  auto b = ParseBannedPurl(spec);
  EXPECT_TRUE(b.ok()) << spec << ": " << (b.ok() ? "" : b.error().message);
  auto p = core::ParsePurl(purl);
  EXPECT_TRUE(p.has_value()) << purl;
  return b.ok() && p && BannedMatches(*b, *p, version);
}

TEST(BannedPurlTest, ExactVersion) {
  EXPECT_TRUE(Banned("pkg:npm/event-stream@3.3.6", "pkg:npm/event-stream@3.3.6"));
  EXPECT_FALSE(Banned("pkg:npm/event-stream@3.3.6", "pkg:npm/event-stream@3.3.5"));
  EXPECT_FALSE(Banned("pkg:npm/event-stream@3.3.6", "pkg:npm/event-stream@3.3.7"));
  EXPECT_FALSE(Banned("pkg:npm/event-stream@3.3.6", "pkg:npm/other@3.3.6"));
  EXPECT_FALSE(Banned("pkg:npm/event-stream@3.3.6", "pkg:pypi/event-stream@3.3.6"));
}

TEST(BannedPurlTest, NpmRangeWithPrereleases) {
  const std::string spec = "pkg:npm/colors@>=1.4.1";
  EXPECT_TRUE(Banned(spec, "pkg:npm/colors@1.4.1"));
  EXPECT_TRUE(Banned(spec, "pkg:npm/colors@1.4.44-liberty-2"));
  EXPECT_FALSE(Banned(spec, "pkg:npm/colors@1.4.0"));
  EXPECT_FALSE(Banned(spec, "pkg:npm/colors@1.4.1-rc.1"));
  EXPECT_TRUE(Banned(spec, "pkg:npm/colors", "1.4.2"));  // version from the component
  EXPECT_TRUE(Banned(spec, "pkg:npm/colors"));           // unknown version: not assumed safe
}

TEST(BannedPurlTest, VersInterval) {
  const std::string spec = "pkg:npm/foo@vers:npm/>=1.0.0|<2.0.0";
  EXPECT_TRUE(Banned(spec, "pkg:npm/foo@1.5.0"));
  EXPECT_TRUE(Banned(spec, "pkg:npm/foo@2.0.0-beta.1"));
  EXPECT_FALSE(Banned(spec, "pkg:npm/foo@2.0.0"));
  EXPECT_FALSE(Banned(spec, "pkg:npm/foo@0.9.9"));
  const std::string two = "pkg:npm/foo@vers:npm/<1.0.0|>=2.0.0|<3.0.0";
  EXPECT_TRUE(Banned(two, "pkg:npm/foo@0.5.0"));
  EXPECT_FALSE(Banned(two, "pkg:npm/foo@1.5.0"));
  EXPECT_TRUE(Banned(two, "pkg:npm/foo@2.5.0"));
  EXPECT_FALSE(Banned(two, "pkg:npm/foo@3.0.0"));
}

TEST(BannedPurlTest, EqualityAndExclusion) {
  EXPECT_TRUE(Banned("pkg:npm/a@vers:npm/1.0.0|1.0.1", "pkg:npm/a@1.0.1"));
  EXPECT_FALSE(Banned("pkg:npm/a@vers:npm/1.0.0|1.0.1", "pkg:npm/a@1.0.2"));
  EXPECT_TRUE(Banned("pkg:npm/a@vers:npm/!=1.0.0", "pkg:npm/a@2.0.0"));
  EXPECT_FALSE(Banned("pkg:npm/a@vers:npm/!=1.0.0", "pkg:npm/a@1.0.0"));
  EXPECT_TRUE(Banned("pkg:npm/a@*", "pkg:npm/a@9.9.9"));
  EXPECT_TRUE(Banned("pkg:npm/a", "pkg:npm/a@9.9.9"));
}

TEST(BannedPurlTest, PypiMavenDebian) {
  EXPECT_TRUE(Banned("pkg:pypi/Django@vers:pypi/>=4.0|<4.0.5", "pkg:pypi/django@4.0.3"));
  EXPECT_FALSE(Banned("pkg:pypi/Django@vers:pypi/>=4.0|<4.0.5", "pkg:pypi/django@4.0.5"));
  EXPECT_TRUE(Banned("pkg:pypi/x@vers:pypi/>=1.0a1|<1.0", "pkg:pypi/x@1.0rc1"));
  EXPECT_FALSE(Banned("pkg:pypi/x@vers:pypi/>=1.0a1|<1.0", "pkg:pypi/x@1.0.dev0"));
  const std::string log4j =
      "pkg:maven/org.apache.logging.log4j/log4j-core@vers:maven/>=2.0-beta9|<2.15.0";
  EXPECT_TRUE(Banned(log4j, "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"));
  EXPECT_TRUE(Banned(log4j, "pkg:maven/org.apache.logging.log4j/log4j-core@2.0-beta9"));
  EXPECT_TRUE(Banned(log4j, "pkg:maven/org.apache.logging.log4j/log4j-core@2.0"));
  EXPECT_FALSE(Banned(log4j, "pkg:maven/org.apache.logging.log4j/log4j-core@2.0-alpha1"));
  EXPECT_FALSE(Banned(log4j, "pkg:maven/org.apache.logging.log4j/log4j-core@2.15.0"));
  const std::string ssl = "pkg:deb/debian/openssl@<1.1.1n-0+deb11u1";
  EXPECT_TRUE(Banned(ssl, "pkg:deb/debian/openssl@1.1.1k-1?arch=amd64"));
  EXPECT_FALSE(Banned(ssl, "pkg:deb/debian/openssl@1.1.1n-0+deb11u2"));
  EXPECT_FALSE(Banned(ssl, "pkg:deb/debian/openssl@1:1.0"));
}

TEST(BannedPurlTest, Errors) {
  auto e1 = ParseBannedPurl("pkg:npm/x@>=");
  ASSERT_FALSE(e1.ok());
  EXPECT_EQ(e1.error().where, "sbom.banned");
  EXPECT_EQ(e1.error().message, "'pkg:npm/x@>=': '>=' needs a version");
  auto e2 = ParseBannedPurl("npm/x");
  ASSERT_FALSE(e2.ok());
  EXPECT_EQ(e2.error().message, "'npm/x': expected a purl (pkg:type/name[@range])");
  auto e3 = ParseBannedPurl("pkg:npm/x@vers:pypi/>=1");
  ASSERT_FALSE(e3.ok());
  EXPECT_EQ(e3.error().message,
            "'pkg:npm/x@vers:pypi/>=1': vers scheme 'pypi' does not match purl type 'npm'");
  auto e4 = ParseBannedPurl("pkg:npm/x@");
  ASSERT_FALSE(e4.ok());
  EXPECT_EQ(e4.error().message, "'pkg:npm/x@': empty version after '@'");
}

}  // namespace
}  // namespace secgate::sbom
