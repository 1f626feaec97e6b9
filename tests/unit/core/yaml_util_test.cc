#include "gates/core/yaml_util.h"

#include <gtest/gtest.h>

#include "gates/core/policy.h"

namespace secgate::core {
namespace {

TEST(YamlUtilTest, DeepFlowNestingIsRefusedBeforeYamlCpp) {
  std::string deep = "a: " + std::string(1000000, '[') + std::string(1000000, ']') + "\n";
  auto r = LoadYaml(deep, "p.yaml");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().ToString(), "p.yaml:1: nesting deeper than 64 levels");
}

TEST(YamlUtilTest, DeepBlockSequenceIsRefused) {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "- ";
  deep += "x\n";
  auto r = LoadYaml(deep, "p.yaml");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "nesting deeper than 64 levels");
}

TEST(YamlUtilTest, OrdinaryFilesPass) {
  auto r = LoadYaml("a:\n  b:\n    - c: [1, {d: e}]\n", "p.yaml");
  ASSERT_TRUE(r) << r.error().ToString();
  EXPECT_EQ((*r)["a"]["b"][0]["c"][1]["d"].Scalar(), "e");
}

// Alias expansion ("billion laughs") cannot blow up: the policy reader only
// walks known keys, and a list where strings are expected is an error.
TEST(YamlUtilTest, AliasBombInPolicyIsAnErrorNotAnExplosion) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  std::string prev = "a";
  for (int i = 0; i < 9; ++i) {
    std::string name = "l" + std::to_string(i);
    bomb += name + ": &" + name + " [";
    for (int k = 0; k < 10; ++k) bomb += (k ? ", *" : "*") + prev;
    bomb += "]\n";
    prev = name;
  }
  auto bad = ParsePolicy(bomb, "p.yaml");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message.substr(0, 17), "unknown key 'a' (");
  auto nested = ParsePolicy("secrets:\n  allow_paths: &a [[x, x], [x, x]]\n  stopwords: *a\n", "p.yaml");
  ASSERT_FALSE(nested);
  EXPECT_EQ(nested.error().message, "secrets.allow_paths: expected a list of strings");
}

TEST(YamlUtilTest, SizeLimit) {
  std::string big(kMaxYamlBytes + 1, '#');
  EXPECT_EQ(LoadYaml(big, "p.yaml").error().message,
            "file is larger than " + std::to_string(kMaxYamlBytes) + " bytes");
}

// Strict YAML in LoadYaml (security review items 9, 10).
TEST(StrictYaml, DuplicateKeysAnywhere) {
  auto nested = LoadYaml("a:\n  - b: 1\n    c: 2\n    b: 3\n", "p.yaml");
  ASSERT_FALSE(nested);
  EXPECT_EQ(nested.error().ToString(),
            "p.yaml:4: duplicate key 'b' (first on line 2; YAML forbids repeated keys)");
  auto quoted = LoadYaml("{\"k\": 1, k: 2}\n", "p.yaml");
  ASSERT_FALSE(quoted);
  EXPECT_EQ(quoted.error().message, "duplicate key 'k' (first on line 1; YAML forbids repeated keys)");
  EXPECT_TRUE(LoadYaml("a: {b: 1}\nc: {b: 2}\n", "p.yaml"));  // same key, different maps
}

TEST(StrictYaml, AliasesAreWalkedOnce) {
  std::string bomb = "a: &a {x: 1, y: 2}\n";
  std::string prev = "a";
  for (int i = 0; i < 30; ++i) {
    std::string name = "l" + std::to_string(i);
    bomb += name + ": &" + name + " [*" + prev + ", *" + prev + "]\n";
    prev = name;
  }
  EXPECT_TRUE(LoadYaml(bomb, "p.yaml"));  // 2^30 paths, linear walk
}

TEST(StrictYaml, ExactlyOneDocument) {
  EXPECT_TRUE(LoadYaml("", "p.yaml"));
  EXPECT_TRUE(LoadYaml("---\na: 1\n...\n# a comment after the end is fine\n", "p.yaml"));
  for (const char* text : {"a: 1\n...\nb: 2\n", "a: 1\n---\nb: 2\n", "a: 1\n---\n",
                           "a: 1\n...\n---\n"}) {
    auto r = LoadYaml(text, "p.yaml");
    ASSERT_FALSE(r) << text;
    EXPECT_EQ(r.error().message,
              "more than one YAML document (content after '...' or a second '---'); expected "
              "exactly one");
  }
}

}  // namespace
}  // namespace secgate::core
