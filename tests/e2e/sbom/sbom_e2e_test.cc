// secgate-sbom end to end on real SBOMs (tests/fixtures/sbom, see ORIGIN.md)
// with policies written here. Expected failures were worked out with jq over
// the fixtures (component names, versions, license fields), not by running
// secgate.
#include <gtest/gtest.h>

#include "tests/e2e/sbom/sbom_e2e_util.h"

namespace secgate::sbom_e2e {
namespace {

using testing::Fixture;
using testing::TempDir;
using Names = std::vector<std::string>;

// A proprietary product: allow list, unknown licenses fail.
// dd-jake2.json: 67 components; jq '[.components[].licenses[]?.expression]'.
TEST(SbomE2eTest, Jake2AllowListUnknownFails) {
  TempDir dir;
  GateRun g = RunGate(dir,
                      "sbom:\n  licenses:\n    allow: [MIT, Apache-2.0, BSD-3-Clause, "
                      "BSD-2-Clause, ISC]\n    unknown: fail\n",
                      {Fixture("sbom/cyclonedx/dd-jake2.json")});
  ASSERT_EQ(g.code, 1) << g.err;
  EXPECT_EQ(g.report["summary"]["violations"], 32);
  Names licenses;
  int unknown = 0;
  for (const auto& v : WithDisposition(g.report, "violation")) {
    if (v.rfind("unknown-license ", 0) == 0) ++unknown;
    else licenses.push_back(v);
  }
  // "BSD" is no SPDX id (not allowed), MPL-2.0 and Unlicense are not on the list.
  EXPECT_EQ(licenses, (Names{"BSD Django", "BSD colorama", "BSD pycparser", "BSD webencodings",
                             "MPL-2.0 certifi", "Unlicense filelock"}));
  // 8 without licenses + 18 free-text "expressions" ("Apache 2.0", "MIT License", ...).
  EXPECT_EQ(unknown, 26);
  EXPECT_EQ(FindingFor(g.report, "MPL-2.0", "certifi")["message"],
            "MPL-2.0 not in the allow list in `MPL-2.0`");
  EXPECT_EQ(FindingFor(g.report, "MPL-2.0", "certifi")["severity"], "high");
  EXPECT_EQ(FindingFor(g.report, "unknown-license", "requests")["message"],
            "license of requests@2.27.1 is unknown: unparseable license expression `Apache 2.0` "
            "(expected an operator after 'Apache', got '2.0' at column 8)");
  EXPECT_EQ(FindingFor(g.report, "unknown-license", "setuptools")["message"],
            "license of setuptools@58.1.0 is unknown: no license information");
  // "BSD-2-Clause or Apache-2.0": either choice is allowed.
  EXPECT_TRUE(FindingFor(g.report, "BSD-2-Clause", "packaging").is_null());
  EXPECT_TRUE(FindingFor(g.report, "unknown-license", "packaging").is_null());
  EXPECT_EQ(FindingFor(g.report, "BSD", "Django")["location"]["path"],
            Fixture("sbom/cyclonedx/dd-jake2.json"));
  EXPECT_EQ(FindingFor(g.report, "BSD", "Django")["location"]["target"],
            Fixture("sbom/cyclonedx/dd-jake2.json") + "#6290db55-8336-4d2b-9cec-2efdda9f1b28");
  EXPECT_EQ(g.report["inputs"][0]["skipped"]["vulnerabilities"], 7);
}

// An internal service: deny strong copyleft only, unknown licenses warn.
TEST(SbomE2eTest, Jake2DenyListUnknownWarns) {
  TempDir dir;
  GateRun g = RunGate(dir, "sbom:\n  licenses:\n    deny: [AGPL-3.0-or-later, SSPL-1.0]\n",
                      {Fixture("sbom/cyclonedx/dd-jake2.json")});
  ASSERT_EQ(g.code, 0) << g.out << g.err;
  EXPECT_EQ(g.report["summary"]["violations"], 0);
  // 26 as above plus the 4 "BSD" (unrecognised when there is no allow list).
  EXPECT_EQ(g.report["summary"]["below_threshold"], 30);
  auto django = FindingFor(g.report, "unknown-license", "Django");
  EXPECT_EQ(django["reason"], "warning only (sbom.licenses.unknown: warn)");
  EXPECT_EQ(django["severity"], "low");
  EXPECT_EQ(django["message"],
            "license of Django@2.0 is unknown: unrecognised license id BSD in `BSD`");
}

// trivy-npm-cyclonedx.json (1.7): 13 components; bans with ranges, one waived.
TEST(SbomE2eTest, TrivyNpmBansAndWaiver) {
  TempDir dir;
  const std::string policy =
      "sbom:\n  licenses:\n    unknown: pass\n  banned:\n"
      "    - pkg:npm/react@vers:npm/>=16.0.0|<17.0.0\n"
      "    - pkg:npm/jquery@<3.4.0\n    - pkg:npm/redux@4.0.2\n"
      "  require:\n    component: [purl]\n    document: [timestamp, author]\n";
  const std::string waivers =
      "version: 1\nwaivers:\n  - id: banned-component\n    gate: sbom\n"
      "    package: pkg:npm/jquery@3.3.9\n    reason: Replaced in the next release\n"
      "    owner: jane.doe@example.com\n    created: 2026-10-20\n    expires: 2026-12-31\n";
  GateRun g = RunGate(dir, policy, {Fixture("sbom/cyclonedx/trivy-npm-cyclonedx.json")}, waivers);
  ASSERT_EQ(g.code, 1) << g.err;
  EXPECT_EQ(WithDisposition(g.report, "violation"),
            (Names{"banned-component react", "missing-field package-lock.json"}));
  EXPECT_EQ(WithDisposition(g.report, "waived"), (Names{"banned-component jquery"}));
  auto react = FindingFor(g.report, "banned-component", "react");
  EXPECT_EQ(react["severity"], "critical");
  EXPECT_EQ(react["message"], "react@16.8.6 is banned by sbom.banned entry "
                              "'pkg:npm/react@vers:npm/>=16.0.0|<17.0.0'");
  EXPECT_EQ(FindingFor(g.report, "missing-field", "package-lock.json")["message"],
            "component package-lock.json (3ff14136-e09f-4df9-80ea-000000000002) has no purl or "
            "other unique id (cpe, swid)");
  EXPECT_EQ(g.report["inputs"][0]["format"], "cyclonedx 1.7");
}

// SPDX 2.2 example: an OR of LGPL and a LicenseRef, NOASSERTION packages.
TEST(SbomE2eTest, ToolsJavaSpdxLicenseRefAndWaiver) {
  TempDir dir;
  const std::string policy = "sbom:\n  licenses:\n    deny: [LGPL-2.0-only, LicenseRef-3]\n";
  const std::string spdx = Fixture("sbom/spdx/toolsjava-SPDXJSONExample-v2.2.spdx.json");
  GateRun g = RunGate(dir, policy, {spdx});
  ASSERT_EQ(g.code, 1) << g.err;
  EXPECT_EQ(WithDisposition(g.report, "violation"), (Names{"LGPL-2.0-only glibc"}));
  auto glibc = FindingFor(g.report, "LGPL-2.0-only", "glibc");
  EXPECT_EQ(glibc["aliases"], nlohmann::json::array({"LicenseRef-3"}));
  EXPECT_EQ(glibc["message"],
            "no allowed choice in `LGPL-2.0-only OR LicenseRef-3`: LGPL-2.0-only denied, "
            "LicenseRef-3 denied; LicenseRef-3 is \"CyberNeko License\"");
  EXPECT_EQ(WithDisposition(g.report, "below_threshold"),
            (Names{"unknown-license Apache Commons Lang", "unknown-license Jena"}));
  // Waiving either choice of the OR clears it: the user picks that license.
  const std::string waivers =
      "version: 1\nwaivers:\n  - id: LicenseRef-3\n    gate: sbom\n    package: glibc\n"
      "    reason: Legal approved the CyberNeko license\n    owner: legal@example.com\n"
      "    created: 2026-10-01\n    expires: 2026-12-01\n";
  GateRun w = RunGate(dir, policy, {spdx}, waivers);
  EXPECT_EQ(w.code, 0) << w.out << w.err;
  EXPECT_EQ(WithDisposition(w.report, "waived"), (Names{"LGPL-2.0-only glibc"}));
}

// Trivy's SPDX 2.2: six packages without license fields, four NONE.
TEST(SbomE2eTest, TrivySpdxNoneAndBanWithoutVersionRange) {
  TempDir dir;
  GateRun g = RunGate(dir,
                      "sbom:\n  licenses:\n    unknown: fail\n  banned:\n"
                      "    - pkg:golang/github.com/package-url/packageurl-go\n",
                      {Fixture("sbom/spdx/trivy-sbom-happy-bom.spdx.json")});
  ASSERT_EQ(g.code, 1) << g.err;
  EXPECT_EQ(WithDisposition(g.report, "violation"),
            (Names{"banned-component github.com/package-url/packageurl-go", "unknown-license alpine",
                   "unknown-license composer", "unknown-license github.com/package-url/packageurl-go",
                   "unknown-license gobinary", "unknown-license jar",
                   "unknown-license meven-test-project", "unknown-license node-pkg",
                   "unknown-license org.codehaus.mojo:child-project", "unknown-license pear/log",
                   "unknown-license pear/pear_exception"}));
  EXPECT_EQ(FindingFor(g.report, "unknown-license", "pear/log")["message"],
            "license of pear/log@1.13.1 is unknown: license is NONE");
  EXPECT_EQ(FindingFor(g.report, "unknown-license", "jar")["message"],
            "license of jar is unknown: license is NOASSERTION");
}

// Syft's SPDX 2.3: licenseConcluded NOASSERTION, so licenseDeclared counts.
TEST(SbomE2eTest, SpdxDeclaredLicenseWhenNothingConcluded) {
  TempDir dir;
  GateRun g = RunGate(dir, "sbom:\n  licenses:\n    deny: [GPL-2.0-only]\n",
                      {Fixture("sbom/spdx/dd-spdx_no_vuln.json")});
  ASSERT_EQ(g.code, 1) << g.err;
  EXPECT_EQ(WithDisposition(g.report, "violation"),
            (Names{"GPL-2.0-only alpine-baselayout", "GPL-2.0-only apk-tools"}));
  EXPECT_EQ(FindingFor(g.report, "GPL-2.0-only", "apk-tools")["message"],
            "GPL-2.0-only denied in `GPL-2.0-only`");
  EXPECT_EQ(FindingFor(g.report, "GPL-2.0-only", "apk-tools")["package"]["purl"],
            "pkg:apk/alpine/apk-tools@2.10.6-r0?arch=x86_64&distro=alpine-3.10.9");
}

// CycloneDX 1.2 (laravel): 57 MIT, 4 BSD-3-Clause, 1 Apache-2.0; no timestamp.
TEST(SbomE2eTest, Laravel12AllowListAndDocumentFields) {
  TempDir dir;
  GateRun g = RunGate(dir,
                      "sbom:\n  licenses:\n    allow: [MIT, Apache-2.0]\n"
                      "  require:\n    document: [timestamp, author]\n",
                      {Fixture("sbom/cyclonedx/bomex-laravel-7.12.0-bom.1.2.json")});
  ASSERT_EQ(g.code, 1) << g.err;
  EXPECT_EQ(WithDisposition(g.report, "violation"),
            (Names{"BSD-3-Clause league/commonmark", "BSD-3-Clause nikic/php-parser",
                   "BSD-3-Clause tijsverkoyen/css-to-inline-styles",
                   "BSD-3-Clause vlucas/phpdotenv", "missing-field cyclonedx-php-composer-demo"}));
  auto doc = FindingFor(g.report, "missing-field", "cyclonedx-php-composer-demo");
  EXPECT_EQ(doc["message"], "document has no timestamp (metadata.timestamp)");
  EXPECT_EQ(doc["severity"], "low");
}

// Grype's 1.7 output (tools object); package-1 has no license.
TEST(SbomE2eTest, GrypeDefaultsWarnOnlyAndFailOnOverride) {
  TempDir dir;
  const std::string bom = Fixture("sbom/cyclonedx/grype-TestCycloneDxPresenterImage.json");
  GateRun g = RunGate(dir, "", {bom});
  EXPECT_EQ(g.code, 0) << g.out << g.err;
  EXPECT_EQ(WithDisposition(g.report, "below_threshold"), (Names{"unknown-license package-1"}));
  GateRun f = RunGate(dir, "sbom:\n  licenses:\n    unknown: fail\n"
                           "  require:\n    document: [timestamp, author]\n", {bom});
  EXPECT_EQ(f.code, 1);
  EXPECT_EQ(WithDisposition(f.report, "violation"), (Names{"unknown-license package-1"}));
}

TEST(SbomE2eTest, SeveralInputsAtOnce) {
  TempDir dir;
  GateRun g = RunGate(dir, "sbom:\n  licenses:\n    deny: [GPL-2.0-only]\n    unknown: pass\n",
                      {Fixture("sbom/spdx/dd-spdx_no_vuln.json"),
                       Fixture("sbom/cyclonedx/trivy-npm-cyclonedx.json")});
  ASSERT_EQ(g.code, 1) << g.err;
  EXPECT_EQ(g.report["inputs"].size(), 2u);
  EXPECT_EQ(g.report["summary"]["violations"], 2);
}

TEST(SbomE2eTest, Help) {
  auto r = testing::RunProcess({testing::GateBinary("secgate-sbom"), "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("CycloneDX (1.2-1.7) and SPDX (2.2/2.3)"), std::string::npos);
}

}  // namespace
}  // namespace secgate::sbom_e2e
