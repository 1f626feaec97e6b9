#include "gates/core/purl.h"

#include <gtest/gtest.h>

namespace secgate::core {
namespace {

TEST(PurlTest, ParsesComponents) {
  auto p = ParsePurl("pkg:npm/%40angular/core@16.2.0?foo=bar#sub/path");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->type, "npm");
  EXPECT_EQ(p->namespace_, "@angular");
  EXPECT_EQ(p->name, "core");
  EXPECT_EQ(p->version, "16.2.0");
  EXPECT_EQ(p->qualifiers, "foo=bar");
  EXPECT_EQ(p->Base(), "pkg:npm/%40angular/core");
  EXPECT_EQ(p->BaseWithVersion(), "pkg:npm/%40angular/core@16.2.0");
}

TEST(PurlTest, NormalFormsCompareEqual) {
  EXPECT_EQ(ParsePurl("pkg:NPM/@Angular/Core@1")->Base(), ParsePurl("pkg:npm/%40angular/core")->Base());
  EXPECT_EQ(ParsePurl("pkg:pypi/Django_REST.framework@3")->name, "django-rest-framework");
  EXPECT_EQ(ParsePurl("pkg:golang/github.com/docker/distribution@v2.7.1%2Bincompatible")->version,
            "v2.7.1+incompatible");
  EXPECT_EQ(ParsePurl("pkg:golang/github.com/docker/distribution@v2")->namespace_,
            "github.com/docker");
}

TEST(PurlTest, MavenKeepsCase) {
  auto p = ParsePurl("pkg:maven/org.Apache.logging/Log4j-Core@2.14.1");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->namespace_, "org.Apache.logging");
  EXPECT_EQ(p->name, "Log4j-Core");
}

TEST(PurlTest, RejectsNonPurls) {
  EXPECT_FALSE(ParsePurl("lodash@4.17.15"));
  EXPECT_FALSE(ParsePurl("pkg:"));
  EXPECT_FALSE(ParsePurl("pkg:npm"));
  EXPECT_FALSE(ParsePurl("pkg:npm/"));
  EXPECT_FALSE(ParsePurl("pkg:n p m/x"));
  EXPECT_FALSE(ParsePurl(""));
}

TEST(PurlTest, PythonNameNormalisation) {
  EXPECT_EQ(NormalizePythonName("Foo__Bar..baz"), "foo-bar-baz");
  EXPECT_EQ(NormalizePythonName("requests"), "requests");
}

}  // namespace
}  // namespace secgate::core
