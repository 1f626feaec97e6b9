// secgate-waivers import, end to end: every supported ignore-file format
// through the real binary; the output lints invalid until the TODO
// placeholders are filled in, and clean afterwards.
#include <gtest/gtest.h>

#include "tests/e2e/waivers/e2e_util.h"

namespace secgate::testing {
namespace {

struct FormatCase {
  const char* file;
  const char* content;
  const char* format;
  std::vector<std::string> ids;
};

std::vector<FormatCase> Cases() {
  return {
      {".trivyignore", "# Accept the risk\nCVE-2018-14618 exp:2026-05-01\nCVE-2019-1549\n",
       "trivyignore", {"CVE-2018-14618", "CVE-2019-1549"}},
      {".trivyignore.yaml",
       "vulnerabilities:\n  - id: CVE-2022-40897\n    paths: [app/METADATA]\n    statement: Accept\n"
       "    expired_at: 2026-05-01\n",
       "trivyignore-yaml", {"CVE-2022-40897"}},
      {".grype.yaml",
       "ignore:\n  - vulnerability: CVE-2008-4318\n    reason: vendor says no\n    package:\n"
       "      name: libcurl\n      version: 1.5.1\n",
       "grype", {"CVE-2008-4318"}},
      {"osv-scanner.toml",
       "[[IgnoredVulns]]\nid = \"GO-2022-1059\"\nignoreUntil = 2026-05-01T00:00:00Z\n"
       "reason = \"text is not used\"\n",
       "osv-scanner", {"GO-2022-1059"}},
      {"audit-ci.jsonc",
       "{\n  // allow\n  \"allowlist\": [\"GHSA-aaaa-bbbb-cccc\", {\"GHSA-dddd-eeee-ffff\": "
       "{\"active\": true, \"notes\": \"dev only\", \"expiry\": \"2026-05-01\"}}]\n}\n",
       "audit-ci", {"GHSA-aaaa-bbbb-cccc", "GHSA-dddd-eeee-ffff"}},
      {".nsprc", "{\"GHSA-gggg-hhhh-iiii\": {\"active\": true, \"notes\": \"n\", \"expiry\": \"2026-05-01\"}}",
       "nsprc", {"GHSA-gggg-hhhh-iiii"}},
      {".gitleaksignore", "config/dev.env:generic-api-key:4\n", "gitleaksignore",
       {"\"TODO: fingerprint of the generic-api-key secret (run secgate-secrets on config/dev.env)\""}},
  };
}

TEST(ImportE2e, EveryFormatLintsInvalidUntilFilledIn) {
  for (const auto& c : Cases()) {
    SCOPED_TRACE(c.file);
    TempDir dir;
    dir.Write(c.file, c.content);
    ProcessResult r = Waivers({"import", c.file, "--today", kToday, "--output", "w.yaml"}, dir.path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find(std::string(c.file) + " (" + c.format + ")"), std::string::npos) << r.err;
    std::string yaml = ReadFile(dir.path() + "/w.yaml");
    for (const auto& id : c.ids) EXPECT_NE(yaml.find("  - id: " + id + "\n"), std::string::npos) << yaml;
    EXPECT_NE(yaml.find("# imported from " + std::string(c.file)), std::string::npos) << yaml;
    ProcessResult lint = Waivers({"lint", "w.yaml", "--today", kToday}, dir.path());
    EXPECT_EQ(lint.exit_code, 1) << yaml;
    EXPECT_NE(lint.out.find("missing owner (placeholder 'TODO: owner')"), std::string::npos) << lint.out;
  }
}

TEST(ImportE2e, KeptReasonAndExpiryLintCleanOnceOwned) {
  TempDir dir;
  dir.Write("osv-scanner.toml",
            "[[IgnoredVulns]]\nid = \"GO-2022-1059\"\nignoreUntil = 2026-05-01\n"
            "reason = \"golang.org/x/text is not used\"\n");
  ProcessResult r = Waivers({"import", "osv-scanner.toml", "--today", kToday}, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "# secgate waiver file imported by secgate-waivers import.\n"
            "# Replace every TODO (owner, reason, expiry) and run: secgate-waivers lint\n"
            "version: 1\nwaivers:\n"
            "  # imported from osv-scanner.toml:1 (osv-scanner)\n"
            "  - id: GO-2022-1059\n    gate: vuln\n    reason: \"golang.org/x/text is not used\"\n"
            "    owner: \"TODO: owner\"\n    created: 2026-04-01\n    expires: 2026-05-01\n");
  std::string filled = r.out;
  filled.replace(filled.find("\"TODO: owner\""), 13, "go-team@example.com");
  dir.Write("secgate-waivers.yaml", filled);
  ProcessResult lint = Waivers({"lint", "--today", kToday}, dir.path());
  EXPECT_EQ(lint.exit_code, 0) << lint.out;
}

TEST(ImportE2e, SeveralFilesMergeWithoutDuplicates) {
  TempDir dir;
  dir.Write(".trivyignore", "CVE-2019-1549\n");
  dir.Write("other/.trivyignore", "cve-2019-1549\nCVE-2020-1\n");
  ProcessResult r = Waivers({"import", ".trivyignore", "other/.trivyignore", "--today", kToday}, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Count(r.out, "  - id: "), 2);
  EXPECT_NE(r.err.find("1 duplicate entries dropped"), std::string::npos);
}

TEST(ImportE2e, UnknownOrBrokenInputIsExit2) {
  TempDir dir;
  dir.Write("notes.txt", "hello world\n");
  ProcessResult unknown = Waivers({"import", "notes.txt"}, dir.path());
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.err,
            "secgate-waivers: error: notes.txt: unknown ignore-file format (expected one of: "
            "trivyignore, trivyignore-yaml, grype, osv-scanner, audit-ci, nsprc, gitleaksignore; "
            "name it with --format)\n");
  EXPECT_EQ(unknown.out, "");
  dir.Write("osv-scanner.toml", "[[IgnoredVulns]]\nid = {bad = 1}\n");
  ProcessResult toml = Waivers({"import", "osv-scanner.toml"}, dir.path());
  EXPECT_EQ(toml.exit_code, 2);
  EXPECT_EQ(toml.err, "secgate-waivers: error: osv-scanner.toml:2: [[IgnoredVulns]] id must be a string\n");
  ProcessResult forced = Waivers({"import", "notes.txt", "--format", "gitleaksignore"}, dir.path());
  EXPECT_EQ(forced.exit_code, 2);
  EXPECT_EQ(forced.err,
            "secgate-waivers: error: notes.txt:1: expected a gitleaks fingerprint "
            "[commit:]file:rule:line, got 'hello world'\n");
  ProcessResult bad_format = Waivers({"import", "notes.txt", "--format", "snyk"}, dir.path());
  EXPECT_EQ(bad_format.exit_code, 2);
  ProcessResult missing = Waivers({"import", "missing.trivyignore"}, dir.path());
  EXPECT_EQ(missing.exit_code, 2);
}

}  // namespace
}  // namespace secgate::testing
