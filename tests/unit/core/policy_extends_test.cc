// `extends:` and `locked:` (docs/policy.md "Shared policies"): one test per
// merge rule, per lock direction, and per way a chain of files can go wrong.
// Base files come from an in-memory reader, the same seam a gate's
// LoadPolicyOrDefault fills with ReadConfigFile.
#include <gtest/gtest.h>

#include <map>

#include "gates/core/policy.h"

namespace secgate::core {
namespace {

struct Files {
  std::map<std::string, std::string> files;
  std::vector<std::string> reads;
  PolicyFileReader Reader() {
    return [this](const std::string& path) -> Result<std::string> {
      reads.push_back(path);
      auto it = files.find(path);
      if (it == files.end()) return Error{path, "cannot open: No such file or directory"};
      return it->second;
    };
  }
};

Result<Policy> Parse(Files& fs, const std::string& path) {
  return ParsePolicy(fs.files.at(path), path, fs.Reader());
}

std::string ErrorOf(Files& fs, const std::string& path) {
  auto p = Parse(fs, path);
  return p ? "" : p.error().ToString();
}

TEST(PolicyExtendsTest, ScalarsFromTheExtendingFileWin) {
  Files fs;
  fs.files["org/base.yaml"] = "vuln:\n  fail_on: medium\n  ignore_unfixed: true\n";
  fs.files["secgate.yaml"] = "extends: org/base.yaml\nvuln:\n  fail_on: critical\n";
  auto p = Parse(fs, "secgate.yaml");
  ASSERT_TRUE(p) << p.error().ToString();
  EXPECT_EQ(p->vuln.fail_on, Severity::kCritical);
  EXPECT_TRUE(p->vuln.ignore_unfixed);  // Not set here: the base's value stays.
  EXPECT_EQ(p->origins.at("vuln.fail_on"), "secgate.yaml:3");
  EXPECT_EQ(p->origins.at("vuln.ignore_unfixed"), "org/base.yaml:3");
  ASSERT_EQ(p->bases.size(), 1u);
  EXPECT_EQ(p->bases[0].source, "org/base.yaml");
  EXPECT_EQ(p->bases[0].sha256.size(), 64u);
  EXPECT_EQ(p->source, "secgate.yaml");
}

TEST(PolicyExtendsTest, ListsAreUnioned) {
  Files fs;
  fs.files["base.yaml"] = "sbom:\n  licenses:\n    deny: [AGPL-3.0-only, SSPL-1.0]\n";
  fs.files["secgate.yaml"] =
      "extends: [base.yaml]\nsbom:\n  licenses:\n    deny: [SSPL-1.0, BUSL-1.1]\n";
  auto p = Parse(fs, "secgate.yaml");
  ASSERT_TRUE(p) << p.error().ToString();
  EXPECT_EQ(p->sbom.licenses_deny,
            (std::vector<std::string>{"AGPL-3.0-only", "SSPL-1.0", "BUSL-1.1"}));
  EXPECT_EQ(p->origins.at("sbom.licenses.deny"), "base.yaml:3, secgate.yaml:4");
}

TEST(PolicyExtendsTest, SectionsMergeKeyByKey) {
  Files fs;
  fs.files["base.yaml"] = "vuln:\n  limits:\n    medium: 5\n    low: 50\nwaivers:\n  max_days: 30\n";
  fs.files["secgate.yaml"] = "extends: base.yaml\nvuln:\n  limits:\n    low: 10\n";
  auto p = Parse(fs, "secgate.yaml");
  ASSERT_TRUE(p) << p.error().ToString();
  EXPECT_EQ(p->vuln.limits.at(Severity::kMedium), 5);
  EXPECT_EQ(p->vuln.limits.at(Severity::kLow), 10);
  EXPECT_EQ(p->waivers.max_days, 30);
}

TEST(PolicyExtendsTest, LaterBasesOverrideEarlierOnesAndBasesOfBasesComeFirst) {
  Files fs;
  fs.files["a.yaml"] = "extends: c.yaml\nvuln:\n  fail_on: medium\n";
  fs.files["b.yaml"] = "vuln:\n  fail_on: low\n";
  fs.files["c.yaml"] = "vuln:\n  fail_on: critical\n  ignore_dev: true\n";
  fs.files["secgate.yaml"] = "extends: [a.yaml, b.yaml]\n";
  auto p = Parse(fs, "secgate.yaml");
  ASSERT_TRUE(p) << p.error().ToString();
  EXPECT_EQ(p->vuln.fail_on, Severity::kLow);
  EXPECT_TRUE(p->vuln.ignore_dev);
  ASSERT_EQ(p->bases.size(), 3u);
  EXPECT_EQ(p->bases[0].source, "c.yaml");
  EXPECT_EQ(p->bases[1].source, "a.yaml");
  EXPECT_EQ(p->bases[2].source, "b.yaml");
}

TEST(PolicyExtendsTest, PresetsAreNamedBare) {
  Files fs;
  fs.files["secgate.yaml"] = "extends: internal-service\nvuln:\n  fail_on: medium\n";
  auto p = Parse(fs, "secgate.yaml");
  ASSERT_TRUE(p) << p.error().ToString();
  EXPECT_TRUE(fs.reads.empty());  // Embedded: nothing read from disk.
  ASSERT_EQ(p->bases.size(), 1u);
  EXPECT_EQ(p->bases[0].source, "preset:internal-service");
  EXPECT_FALSE(p->sbom.licenses_deny.empty());
  EXPECT_EQ(p->vuln.fail_on, Severity::kMedium);
  fs.files["x.yaml"] = "extends: internal\n";
  EXPECT_EQ(ErrorOf(fs, "x.yaml"),
            "x.yaml:1: extends: unknown preset 'internal' (expected one of: default, "
            "internal-service, proprietary, or a path ending in .yaml)");
}

TEST(PolicyExtendsTest, PathsInABaseAreRelativeToTheBase) {
  Files fs;
  fs.files["org/policy/base.yaml"] = "secrets:\n  rules: [rules/extra.yaml]\n";
  fs.files["app/secgate.yaml"] = "extends: ../org/policy/base.yaml\n";
  auto p = Parse(fs, "app/secgate.yaml");
  ASSERT_TRUE(p) << p.error().ToString();
  EXPECT_EQ(fs.reads, (std::vector<std::string>{"org/policy/base.yaml"}));
  // Resolved later against the top file's directory (app/).
  EXPECT_EQ(p->secrets.rules, (std::vector<std::string>{"../org/policy/rules/extra.yaml"}));
  EXPECT_EQ(p->dir, "app");
}

TEST(PolicyExtendsTest, CyclesAndDeepChainsAreErrors) {
  Files fs;
  fs.files["a.yaml"] = "extends: b.yaml\n";
  fs.files["b.yaml"] = "extends: a.yaml\n";
  EXPECT_EQ(ErrorOf(fs, "a.yaml"), "b.yaml:1: extends: cycle: a.yaml -> b.yaml -> a.yaml");
  fs.files["self.yaml"] = "extends: ./self.yaml\n";
  EXPECT_EQ(ErrorOf(fs, "self.yaml"), "self.yaml:1: extends: cycle: self.yaml -> self.yaml");
  for (int i = 0; i < 12; ++i)
    fs.files["d" + std::to_string(i) + ".yaml"] = "extends: d" + std::to_string(i + 1) + ".yaml\n";
  fs.files["d12.yaml"] = "vuln:\n  fail_on: low\n";
  EXPECT_EQ(ErrorOf(fs, "d0.yaml"),
            "d8.yaml:1: extends: deeper than 8 files (a chain of bases that long is a mistake)");
}

TEST(PolicyExtendsTest, BadBasesAreErrorsNamingTheExtendingFile) {
  Files fs;
  fs.files["secgate.yaml"] = "version: 1\nextends: missing.yaml\n";
  EXPECT_EQ(ErrorOf(fs, "secgate.yaml"),
            "secgate.yaml:2: extends: missing.yaml: cannot open: No such file or directory");
  fs.files["bad.yaml"] = "vuln:\n  fail_onn: low\n";
  fs.files["top.yaml"] = "extends: bad.yaml\n";
  EXPECT_EQ(ErrorOf(fs, "top.yaml").substr(0, 42), "bad.yaml:2: unknown key 'vuln.fail_onn' (e");
  fs.files["num.yaml"] = "extends: {a: 1}\n";
  EXPECT_EQ(ErrorOf(fs, "num.yaml"),
            "num.yaml:1: extends: expected a file, a preset or a list of them");
  // Without a reader (fuzzers, ParsePolicy on a string) only presets work.
  EXPECT_EQ(ParsePolicy("extends: base.yaml\n", "p.yaml").error().ToString(),
            "p.yaml:1: extends: 'base.yaml': base files are not readable here");
}

TEST(PolicyLockedTest, TighteningALockedKeyIsAllowed) {
  Files fs;
  fs.files["base.yaml"] =
      "vuln:\n  fail_on: high\nsbom:\n  licenses:\n    deny: [SSPL-1.0]\n"
      "waivers:\n  max_days: 60\nlocked: [vuln.fail_on, sbom.licenses, waivers]\n";
  fs.files["secgate.yaml"] =
      "extends: base.yaml\nvuln:\n  fail_on: medium\nsbom:\n  licenses:\n    deny: [BUSL-1.1]\n"
      "waivers:\n  max_days: 30\n  require_ticket: true\n";
  auto p = Parse(fs, "secgate.yaml");
  ASSERT_TRUE(p) << p.error().ToString();
  EXPECT_EQ(p->vuln.fail_on, Severity::kMedium);
  EXPECT_EQ(p->waivers.max_days, 30);
  ASSERT_NE(FindLock(*p, "waivers.max_days"), nullptr);
  EXPECT_EQ(FindLock(*p, "waivers.max_days")->where, "base.yaml:8");
  EXPECT_EQ(FindLock(*p, "secrets.fail_on"), nullptr);
}

TEST(PolicyLockedTest, LooseningNamesBothFilesAndLines) {
  Files fs;
  fs.files["base.yaml"] = "vuln:\n  fail_on: medium\nlocked: [vuln.fail_on]\n";
  fs.files["secgate.yaml"] = "extends: base.yaml\nvuln:\n  fail_on: critical\n";
  EXPECT_EQ(ErrorOf(fs, "secgate.yaml"),
            "secgate.yaml:3: vuln.fail_on: 'critical' loosens 'medium' (set at base.yaml:2), "
            "which base.yaml:3 locks (a file that extends it may only tighten it)");
}

TEST(PolicyLockedTest, EveryKindOfLooseningIsRefused) {
  struct Case { const char* base; const char* top; const char* key; };
  const Case cases[] = {
      {"waivers:\n  max_days: 30\n", "waivers:\n  max_days: 90\n", "waivers.max_days"},
      {"", "waivers:\n  allow_wildcards: true\n", "waivers.allow_wildcards"},
      {"waivers:\n  require_ticket: true\n", "waivers:\n  require_ticket: false\n",
       "waivers.require_ticket"},
      {"sbom:\n  licenses:\n    allow: [MIT]\n", "sbom:\n  licenses:\n    allow: [GPL-3.0-only]\n",
       "sbom.licenses.allow"},
      {"", "sbom:\n  licenses:\n    unknown: pass\n", "sbom.licenses.unknown"},
      {"", "vuln:\n  ignore_unfixed: true\n", "vuln.ignore_unfixed"},
      {"", "vuln:\n  unknown_as: ignore\n", "vuln.unknown_as"},
      {"", "vuln:\n  limits:\n    high: 3\n", "vuln.limits.high"},
      {"vuln:\n  upstream_ignores: deny\n", "vuln:\n  upstream_ignores: honour\n",
       "vuln.upstream_ignores"},
      {"", "secrets:\n  allow_paths: ['**/*.env']\n", "secrets.allow_paths"},
      {"", "secrets:\n  disable: [aws-access-key]\n", "secrets.disable"},
      {"", "secrets:\n  test_keys: ignore\n", "secrets.test_keys"},
      {"", "secrets:\n  decode:\n    depth: 0\n", "secrets.decode.depth"},
      {"", "secrets:\n  max_file_size: 1000\n", "secrets.max_file_size"},
      {"pr:\n  fail_on: any\n", "pr:\n  fail_on: new\n", "pr.fail_on"},
  };
  for (const Case& c : cases) {
    Files fs;
    std::string section = std::string(c.key).substr(0, std::string(c.key).find('.'));
    fs.files["base.yaml"] = std::string(c.base) + "locked: [" + section + "]\n";
    fs.files["secgate.yaml"] = std::string("extends: base.yaml\n") + c.top;
    std::string e = ErrorOf(fs, "secgate.yaml");
    EXPECT_NE(e.find(std::string(c.key) + ": "), std::string::npos) << c.key << ": " << e;
    EXPECT_NE(e.find("which base.yaml:"), std::string::npos) << c.key << ": " << e;
    // The same change with no lock is fine.
    fs.files["base.yaml"] = c.base;
    EXPECT_EQ(ErrorOf(fs, "secgate.yaml"), "") << c.key;
  }
}

TEST(PolicyLockedTest, LocksHoldForEveryFileAppliedLater) {
  Files fs;
  fs.files["org.yaml"] = "vuln:\n  fail_on: high\nlocked: [vuln]\n";
  fs.files["team.yaml"] = "extends: org.yaml\nvuln:\n  fail_on: medium\n";
  fs.files["loose.yaml"] = "vuln:\n  fail_on: critical\n";
  // team tightens; a sibling base then loosening what org locked is refused.
  fs.files["secgate.yaml"] = "extends: [team.yaml, loose.yaml]\n";
  EXPECT_EQ(ErrorOf(fs, "secgate.yaml").substr(0, 64),
            "loose.yaml:2: vuln.fail_on: 'critical' loosens 'medium' (set at ");
  // Back to high is a loosening of team's medium, too.
  fs.files["secgate.yaml"] = "extends: team.yaml\nvuln:\n  fail_on: high\n";
  EXPECT_NE(ErrorOf(fs, "secgate.yaml").find("which org.yaml:3 locks"), std::string::npos);
}

TEST(PolicyLockedTest, UnknownLockedKeysAreErrors) {
  Files fs;
  fs.files["secgate.yaml"] = "locked: [vuln.fail_onn]\n";
  EXPECT_EQ(ErrorOf(fs, "secgate.yaml").substr(0, 51),
            "secgate.yaml:1: locked: unknown key 'vuln.fail_onn'");
  fs.files["secgate.yaml"] = "locked: vuln\n";
  EXPECT_EQ(ErrorOf(fs, "secgate.yaml"), "secgate.yaml:1: locked: expected a list of strings");
}

// --fail-on is every gate's threshold, secgate-code's included, and a
// locked code.fail_on may not be raised by it.
TEST(PolicyLockedTest, FailOnFlagSetsEveryGateAndHonoursTheCodeLock) {
  Files fs;
  fs.files["secgate.yaml"] = "code:\n  fail_on: medium\n";
  auto p = Parse(fs, "secgate.yaml");
  ASSERT_TRUE(p) << p.error().ToString();
  ASSERT_TRUE(OverrideFailOn(*p, Severity::kLow));
  for (Severity s : {p->vuln.fail_on, p->secrets.fail_on, p->sbom.fail_on, p->code.fail_on})
    EXPECT_EQ(s, Severity::kLow);
  EXPECT_EQ(p->origins.at("code.fail_on"), "--fail-on");
  fs.files["locked.yaml"] = "code:\n  fail_on: medium\nlocked: [code.fail_on]\n";
  auto locked = Parse(fs, "locked.yaml");
  ASSERT_TRUE(locked) << locked.error().ToString();
  Status s = OverrideFailOn(*locked, Severity::kCritical);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().ToString(),
            "--fail-on: 'critical' loosens code.fail_on 'medium', which locked.yaml:3 locks");
  EXPECT_EQ(locked->code.fail_on, Severity::kMedium);
}

TEST(PolicyPrintTest, EveryKeyWithItsOrigin) {
  Files fs;
  fs.files["base.yaml"] = "vuln:\n  fail_on: medium\nlocked: [vuln.fail_on]\n";
  fs.files["secgate.yaml"] = "extends: base.yaml\nwaivers:\n  max_days: 30\n";
  auto p = Parse(fs, "secgate.yaml");
  ASSERT_TRUE(p) << p.error().ToString();
  std::string out = PrintPolicy(*p);
  EXPECT_NE(out.find("# effective policy: secgate.yaml (sha256 "), std::string::npos) << out;
  EXPECT_NE(out.find("# extends: base.yaml (sha256 "), std::string::npos) << out;
  EXPECT_NE(out.find("\nvuln.fail_on: medium  # base.yaml:2; locked by base.yaml:3\n"),
            std::string::npos) << out;
  EXPECT_NE(out.find("\nwaivers.max_days: 30  # secgate.yaml:3\n"), std::string::npos) << out;
  EXPECT_NE(out.find("\nvuln.unknown_as: high  # default\n"), std::string::npos) << out;
  EXPECT_NE(out.find("\nvuln.upstream_ignores: honour  # default\n"), std::string::npos) << out;
  EXPECT_NE(out.find("\npr.exemptions: report  # default\n"), std::string::npos) << out;
  // One line per key: every section's keys appear.
  for (const char* key : {"vuln.limits.critical", "secrets.allowlist.commits",
                          "secrets.decode.depth", "sbom.require.document", "pr.fail_on"})
    EXPECT_NE(out.find(std::string("\n") + key + ": "), std::string::npos) << key;
}

}  // namespace
}  // namespace secgate::core
