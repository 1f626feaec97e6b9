// Tests for gates/waivers_tool/import*.cc: each ignore-file format, format
// detection, and that imported files parse but lint invalid until the TODO
// placeholders are filled in.
#include "gates/waivers_tool/import.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <set>

#include "gates/core/waiver.h"

namespace secgate::waivers {
namespace {

// The registered source with this --format name (the test fails if none).
const ImportSource& Src(std::string_view name) {
  const ImportSource* s = ImportSourceByName(name);
  if (s == nullptr) {
    ADD_FAILURE() << "no import source " << name;
    return *ImportSources().front();
  }
  return *s;
}

std::vector<core::DraftWaiver> Import(const ImportSource& source, const std::string& text,
                                const std::string& path = "in") {
  auto r = ImportText(source, text, {path, "2026-04-01"});
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().ToString());
  return r.ok() ? *r : std::vector<core::DraftWaiver>{};
}

TEST(ImportTrivyIgnore, CommentsBecomeReasonsAndExpiryIsKept) {
  auto d = Import(Src("trivyignore"),
                  "# Accept the risk\n# until the base image moves\nCVE-2018-14618 exp:2026-06-01\n\n"
                  "CVE-2019-1\naws-access-key-id\n");
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].id, "CVE-2018-14618");
  EXPECT_EQ(d[0].gate, "vuln");
  EXPECT_EQ(d[0].reason, "Accept the risk until the base image moves");
  EXPECT_EQ(d[0].expires, "2026-06-01");
  EXPECT_EQ(d[0].owner, "TODO: owner");
  EXPECT_EQ(d[0].created, "2026-04-01");
  EXPECT_EQ(d[0].comments[0], "imported from in:3 (trivy)");
  EXPECT_EQ(d[1].reason, "TODO: reason (the source gave none)");
  EXPECT_EQ(d[1].expires, "TODO: expiry");
  EXPECT_EQ(d[2].gate, "secrets");
  EXPECT_EQ(d[2].id, "TODO: fingerprint of the aws-access-key-id secret (from secgate-secrets output)");
}

TEST(ImportTrivyIgnore, BadExpiryIsATodoWithTheRawText) {
  auto d = Import(Src("trivyignore"), "CVE-2019-1 exp:2026-02-30\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].expires, "TODO: expiry");
  EXPECT_EQ(d[0].comments.back(), "expiry '2026-02-30' is not a YYYY-MM-DD date");
}

TEST(ImportTrivyYaml, PathsAndPurlsMultiply) {
  auto d = Import(Src("trivyignore-yaml"), R"(vulnerabilities:
  - id: CVE-2022-40897
    paths: [a/METADATA, b/METADATA]
    statement: Accept the risk
  - id: CVE-2023-27487
    purls: ["pkg:golang/github.com/envoyproxy/envoy@v1.26.0"]
    expired_at: 2026-09-01
secrets:
  - id: aws-secret-access-key
    paths: [foo/aws.secret]
licenses:
  - id: GPL-3.0
)");
  ASSERT_EQ(d.size(), 5u);
  EXPECT_EQ(d[0].path, "a/METADATA");
  EXPECT_EQ(d[1].path, "b/METADATA");
  EXPECT_EQ(d[1].reason, "Accept the risk");
  EXPECT_EQ(d[2].package, "pkg:golang/github.com/envoyproxy/envoy@v1.26.0");
  EXPECT_EQ(d[2].expires, "2026-09-01");
  EXPECT_EQ(d[3].gate, "secrets");
  EXPECT_EQ(d[3].path, "foo/aws.secret");
  EXPECT_EQ(d[4].gate, "sbom");
  EXPECT_EQ(d[4].id, "GPL-3.0");
}

TEST(ImportTrivyYaml, UnknownKeyIsAnError) {
  auto r = ImportText(Src("trivyignore-yaml"), "vulns:\n  - id: x\n", {"t.yaml", "2026-04-01"});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().ToString().find("t.yaml:1: unknown key 'vulns'"), std::string::npos)
      << r.error().ToString();
}

TEST(ImportGrype, RulesKeepPackageLocationAndReason) {
  auto d = Import(Src("grype"), R"(output: table
ignore:
  - vulnerability: CVE-2008-4318
    fix-state: unknown
    reason: not exploitable here
    package:
      name: libcurl
      version: 1.5.1
      type: npm
      location: "/usr/local/lib/node_modules/**"
  - package:
      name: spring-core
)");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].id, "CVE-2008-4318");
  EXPECT_EQ(d[0].package, "libcurl@1.5.1");
  EXPECT_EQ(d[0].path, "/usr/local/lib/node_modules/**");
  EXPECT_EQ(d[0].reason, "not exploitable here");
  EXPECT_EQ(d[0].comments[1], "grype fix-state: unknown (not expressible in secgate; review)");
  EXPECT_EQ(d[1].id, "*");
  EXPECT_EQ(d[1].package, "spring-core");
}

TEST(ImportOsv, IgnoredVulnsAndPackageOverrides) {
  auto d = Import(Src("osv-scanner"), R"([[IgnoredVulns]]
id = "GO-2022-0968"
# ignoreUntil = 2022-11-09
reason = "No ssh servers are connected to or hosted in Go lang"

[[IgnoredVulns]]
id = "GO-2022-1059"
ignoreUntil = 2026-11-09T00:00:00Z
reason = "golang.org/x/text is not used"

[[PackageOverrides]]
name = "lib"
ecosystem = "Go"
ignore = true
reason = "internal"
)");
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].id, "GO-2022-0968");
  EXPECT_EQ(d[0].expires, "TODO: expiry");
  EXPECT_EQ(d[0].reason, "No ssh servers are connected to or hosted in Go lang");
  EXPECT_EQ(d[0].comments[0], "imported from in:1 (osv-scanner)");
  EXPECT_EQ(d[1].expires, "2026-11-09");
  EXPECT_EQ(d[2].id, "*");
  EXPECT_EQ(d[2].package, "lib");
}

// osv-scanner.toml is read by toml++: every TOML syntax osv-scanner accepts
// (dotted keys, [table.sub] headers, literal strings, dates), and errors that
// name the line instead of yielding an empty value.
TEST(ImportOsv, FullTomlSyntax) {
  auto d = Import(Src("osv-scanner"), R"(title = 'x'
[[PackageOverrides]]
name = 'lib'
version = "1.2.3"
vulnerability.ignore = true
effectiveUntil = 2027-01-31

[[IgnoredVulns]]
id = 'GHSA-aaaa-bbbb-cccc'
reason = """multi
line"""

[[PackageOverrides]]
name = "kept"
ignore = false
)");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].id, "*");
  EXPECT_EQ(d[0].package, "lib@1.2.3");
  EXPECT_EQ(d[0].expires, "2027-01-31");
  EXPECT_EQ(d[0].comments[0], "imported from in:2 (osv-scanner)");
  EXPECT_EQ(d[1].id, "GHSA-aaaa-bbbb-cccc");
  EXPECT_EQ(d[1].reason, "multi\nline");
  EXPECT_EQ(d[1].comments[0], "imported from in:8 (osv-scanner)");
}

TEST(ImportOsv, ErrorsNameTheLine) {
  struct Case {
    const char* text;
    const char* want;
  } cases[] = {
      {"[[IgnoredVulns]]\nid = 3\n", "in:2: [[IgnoredVulns]] id must be a string"},
      {"[[IgnoredVulns]]\nreason = 'r'\n", "in:1: [[IgnoredVulns]] without an id"},
      {"[[IgnoredVulns]]\nid = 'a'\nignoreUntil = true\n",
       "in:3: [[IgnoredVulns]] ignoreUntil must be a date"},
      {"[[PackageOverrides]]\nignore = 'yes'\n",
       "in:2: [[PackageOverrides]] ignore must be true or false"},
      {"IgnoredVulns = 'x'\n", "in:1: IgnoredVulns must be an array of tables ([[IgnoredVulns]])"},
  };
  for (const auto& c : cases) {
    auto r = ImportText(Src("osv-scanner"), c.text, {"in", "2026-01-01"});
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.error().ToString(), c.want) << c.text;
  }
}

TEST(ImportOsv, MalformedTomlIsAnError) {
  // Duplicate keys, an unclosed string, a broken header, deep nesting and
  // binary: each an error with the line, never zero waivers.
  const char* bad[] = {"[[IgnoredVulns]]\nid = 'a'\nid = 'b'\n", "a = \"open\n", "[x\n",
                       "a 1\n"};
  for (const char* text : bad) {
    auto r = ImportText(Src("osv-scanner"), text, {"in", "2026-01-01"});
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error().where.rfind("in:", 0), 0u) << r.error().ToString();
  }
  std::string deep = "a = " + std::string(100000, '[');
  EXPECT_FALSE(ImportText(Src("osv-scanner"), deep, {"in", "2026-01-01"}).ok());
  EXPECT_FALSE(ImportText(Src("osv-scanner"), std::string("a = '\xff\xfe'\n"),
                          {"in", "2026-01-01"}).ok());
}

TEST(ImportAuditCi, StringsPathsModulesAndRecords) {
  auto d = Import(Src("audit-ci"), R"({
  // audit-ci.jsonc allows comments
  "low": true,
  "allowlist": [
    "GHSA-aaaa-bbbb-cccc",
    "GHSA-dddd-eeee-ffff|axios>follow-redirects",
    "lodash",
    {"GHSA-gggg-hhhh-iiii": {"active": true, "notes": "dev only", "expiry": "2026-05-01"}},
    {"GHSA-jjjj-kkkk-llll": {"active": false}},
    {"GHSA-mmmm-nnnn-oooo": {"active": true, "expiry": 1780272000000}}
  ]
})");
  ASSERT_EQ(d.size(), 5u);
  EXPECT_EQ(d[0].id, "GHSA-aaaa-bbbb-cccc");
  EXPECT_EQ(d[1].id, "GHSA-dddd-eeee-ffff");
  EXPECT_EQ(d[1].package, "follow-redirects");
  EXPECT_EQ(d[2].id, "*");
  EXPECT_EQ(d[2].package, "lodash");
  EXPECT_EQ(d[3].reason, "dev only");
  EXPECT_EQ(d[3].expires, "2026-05-01");
  EXPECT_EQ(d[4].expires, "2026-06-01");  // 1780272000000 ms
}

TEST(ImportNsprc, RecordsAndInactive) {
  auto d = Import(Src("nsprc"), R"({
  "1337": {"active": true, "notes": "Ignored since we don't use xxx method", "expiry": "2026-05-01"},
  "4501": {"active": false, "notes": "no longer needed"},
  "GHSA-pppp-qqqq-rrrr": {"notes": "x"}
})");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].id, "1337");
  EXPECT_EQ(d[0].reason, "Ignored since we don't use xxx method");
  EXPECT_EQ(d[0].expires, "2026-05-01");
  EXPECT_EQ(d[1].id, "GHSA-pppp-qqqq-rrrr");
  EXPECT_EQ(d[1].expires, "TODO: expiry");
}

// npm allowlists go through core::ParseJsonStrict: an advisory listed twice
// in one object (with different active/expiry) is ambiguous and refused,
// comments (audit-ci .jsonc) still allowed.
TEST(ImportStrictJson, DuplicateAdvisoryInNsprcIsRefused) {
  // Before: nlohmann kept the last copy, so the inactive entry won silently.
  auto r = ImportText(*ImportSourceByName("nsprc"),
                      R"({"1096": {"active": true, "notes": "a"}, "1096": {"active": false}})",
                      {".nsprc", "2026-04-01"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().ToString(),
            ".nsprc:/: duplicate key \"1096\" (ambiguous: JSON readers disagree on which copy wins)");
}

TEST(ImportStrictJson, DuplicateInAuditCiJsoncIsRefusedWithPointer) {
  auto r = ImportText(*ImportSourceByName("audit-ci"),
                      "{\n  // reviewed\n  \"allowlist\": [{\"GHSA-aaaa-bbbb-cccc\": "
                      "{\"active\": true, \"expiry\": \"2026-01-01\", \"expiry\": \"2099-01-01\"}}]\n}",
                      {"audit-ci.jsonc", "2026-04-01"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().ToString(),
            "audit-ci.jsonc:/allowlist/0/GHSA-aaaa-bbbb-cccc: duplicate key \"expiry\" (ambiguous: "
            "JSON readers disagree on which copy wins)");
  auto ok = ImportText(*ImportSourceByName("audit-ci"),
                       "{\n  // reviewed\n  \"allowlist\": [\"GHSA-aaaa-bbbb-cccc\"]\n}",
                       {"audit-ci.jsonc", "2026-04-01"});
  EXPECT_TRUE(ok.ok()) << ok.error().ToString();
}

TEST(ImportGitleaks, BothFingerprintForms) {
  auto d = Import(Src("gitleaksignore"),
                  "# ignored\ncd5226711335c68be1e720b318b7bc3135a30eb2:cmd/a:b.go:sidekiq-secret:23\n"
                  "config/dev.env:generic-api-key:4\n");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].gate, "secrets");
  EXPECT_EQ(d[0].path, "cmd/a:b.go");
  EXPECT_EQ(d[0].id, "TODO: fingerprint of the sidekiq-secret secret (run secgate-secrets on cmd/a:b.go)");
  EXPECT_EQ(d[0].comments.back(), "found in commit cd5226711335c68be1e720b318b7bc3135a30eb2");
  EXPECT_EQ(d[1].path, "config/dev.env");
  auto bad = ImportText(Src("gitleaksignore"), "just words\n", {"g", "2026-04-01"});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().ToString(),
            "g:1: expected a gitleaks fingerprint [commit:]file:rule:line, got 'just words'");
}

TEST(DetectImportSource, ByNameThenContent) {
  EXPECT_EQ((*DetectImportSource("x/.trivyignore", ""))->name, "trivyignore");
  EXPECT_EQ((*DetectImportSource(".trivyignore.yaml", ""))->name, "trivyignore-yaml");
  EXPECT_EQ((*DetectImportSource(".grype.yaml", ""))->name, "grype");
  EXPECT_EQ((*DetectImportSource("osv-scanner.toml", ""))->name, "osv-scanner");
  EXPECT_EQ((*DetectImportSource("audit-ci.jsonc", ""))->name, "audit-ci");
  EXPECT_EQ((*DetectImportSource(".nsprc", ""))->name, "nsprc");
  EXPECT_EQ((*DetectImportSource(".gitleaksignore", ""))->name, "gitleaksignore");
  EXPECT_EQ((*DetectImportSource("a", "{\"allowlist\": []}"))->name, "audit-ci");
  EXPECT_EQ((*DetectImportSource("a", "{\"1\": {}}"))->name, "nsprc");
  EXPECT_EQ((*DetectImportSource("a", "[[IgnoredVulns]]\nid='x'\n"))->name, "osv-scanner");
  EXPECT_EQ((*DetectImportSource("a", "ignore:\n  - vulnerability: x\n"))->name, "grype");
  EXPECT_EQ((*DetectImportSource("a", "secrets:\n  - id: x\n"))->name, "trivyignore-yaml");
  EXPECT_EQ((*DetectImportSource("a", "f.env:rule:3\n"))->name, "gitleaksignore");
  EXPECT_EQ((*DetectImportSource("a", "# c\nCVE-2024-1\n"))->name, "trivyignore");
  auto unknown = DetectImportSource("notes.txt", "hello world\n");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().ToString(),
            "notes.txt: unknown ignore-file format (expected one of: trivyignore, "
            "trivyignore-yaml, grype, osv-scanner, audit-ci, nsprc, gitleaksignore; name it "
            "with --format)");
}

TEST(Import, OutputParsesButIsInvalidUntilFilledIn) {
  auto d = Import(Src("trivyignore"), "# r\nCVE-2019-1 exp:2026-05-01\n");
  std::string yaml = core::WaiverFileYaml(d);
  auto parsed = core::ParseWaiverFile(yaml, "w.yaml", {}, core::Date{2099, 12, 31});
  ASSERT_TRUE(parsed.ok()) << parsed.error().ToString();
  ASSERT_EQ(parsed->problems.size(), 1u);
  EXPECT_EQ(parsed->problems[0].message, "waiver CVE-2019-1: missing owner (placeholder 'TODO: owner')");
  d[0].owner = "lead@example.com";
  auto fixed = core::ParseWaiverFile(core::WaiverFileYaml(d), "w.yaml", {}, core::Date{2099, 12, 31});
  ASSERT_TRUE(fixed.ok());
  EXPECT_TRUE(fixed->problems.empty());
}

TEST(Import, InvalidUtf8IsAnError) {
  auto r = ImportText(Src("trivyignore"), "CVE-1 \xff\n", {"t", "2026-04-01"});
  EXPECT_FALSE(r.ok());
}

}  // namespace
}  // namespace secgate::waivers

namespace secgate::waivers {
namespace {

// Found by waiver_import_fuzz in the CI smoke run: a number too large for a
// double made nlohmann throw out_of_range (not parse_error), which escaped
// and terminated secgate-waivers. It must be an ordinary "invalid JSON" error.
TEST(ImportFuzzRegression, NumberOverflowIsAnErrorNotATermination) {
  for (const char* f : {"nsprc", "audit-ci"}) {
    auto r = ImportText(Src(f), "544E7555", {".nsprc", "2026-04-01"});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message.rfind("invalid JSON: ", 0), 0u) << r.error().ToString();
  }
  auto nested = ImportText(Src("nsprc"), R"({"1": {"notes": 1e99999}})", {"x", "2026-04-01"});
  EXPECT_FALSE(nested.ok());
}

// Found while auditing the readers after the session-2 campaign: an .nsprc
// expiry of 1e300 (milliseconds) was converted to long long, which is
// undefined behaviour (UBSan: "outside the range of representable values").
// A number that is no date in 1970-9999 now leaves the draft's expiry TODO.
TEST(ImportFuzzRegression, ExpiryNumberOutOfRangeIsTodoNotUndefinedBehaviour) {
  for (const char* expiry : {"1e300", "-5", "9223372036854775807", "253402300800000"}) {
    auto r = ImportText(Src("nsprc"),
                        std::string(R"({"1": {"notes": "n", "expiry": )") + expiry + "}}",
                        {".nsprc", "2026-04-01"});
    ASSERT_TRUE(r.ok()) << r.error().ToString();
    ASSERT_EQ(r->size(), 1u);
    EXPECT_EQ((*r)[0].expires, "TODO: expiry") << expiry;
  }
  auto ok = ImportText(Src("nsprc"), R"({"1": {"notes": "n", "expiry": 1777593600000}})",
                       {".nsprc", "2026-04-01"});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ((*ok)[0].expires, "2026-05-01");
}

// The registry is the one list of import sources: every row has a unique
// name that round-trips, every file name it claims detects to it, help
// lists it, and docs/waivers.md documents each of its file names.
TEST(ImportSources, EveryRowIsReachableAndDocumented) {
  std::ifstream doc(std::string(SECGATE_SOURCE_DIR) + "/docs/waivers.md");
  std::string docs((std::istreambuf_iterator<char>(doc)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(docs.empty());
  std::set<std::string_view> names;
  for (const ImportSource* s : ImportSources()) {
    EXPECT_TRUE(names.insert(s->name).second) << s->name;
    EXPECT_EQ(ImportSourceByName(s->name), s);
    EXPECT_NE(ImportSourceNames().find(s->name), std::string::npos);
    EXPECT_NE(docs.find("`" + std::string(s->name) + "`"), std::string::npos) << s->name;
    ASSERT_FALSE(s->file_names.empty()) << s->name;
    ASSERT_NE(s->read, nullptr);
    for (std::string_view file : s->file_names) {
      EXPECT_EQ(*DetectImportSource("dir/" + std::string(file), ""), s) << file;
      EXPECT_NE(docs.find("`" + std::string(file) + "`"), std::string::npos) << file;
    }
  }
}

}  // namespace
}  // namespace secgate::waivers
