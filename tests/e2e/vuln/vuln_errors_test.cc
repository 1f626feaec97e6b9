// End-to-end error paths: for every format, bad input exits 2 with exactly
// one line "secgate-vuln: error: <file>:<where>: <message>" (fail closed:
// never a pass). Inputs are written to a temp dir and named relatively.
#include <gtest/gtest.h>

#include "tests/testing/run_process.h"

namespace secgate::testing {
namespace {

struct Bad {
  const char* format;   // --input-format, or "" to detect
  std::string content;
  std::string message;  // expected stderr after "secgate-vuln: error: "
};

ProcessResult RunGate(const std::string& format, const std::string& content, TempDir& dir) {
  dir.Write("in.json", content);
  std::vector<std::string> argv = {GateBinary("secgate-vuln"), "--quiet"};
  if (!format.empty()) argv.insert(argv.end(), {"--input-format", format});
  argv.push_back("in.json");
  ProcessOptions o;
  o.cwd = dir.path();
  return RunProcess(argv, o);
}

const char* const kFormats[] = {"trivy", "grype", "npm-audit-v2", "npm-audit-v1",
                                "yarn-classic", "yarn4", "pip-audit", "cargo-audit",
                                "osv-scanner", "cyclonedx"};

bool IsNdjson(const std::string& f) { return f == "yarn-classic" || f == "yarn4"; }

TEST(VulnErrors, WrongTypeMissingFieldUnknownSeverity) {
  const Bad cases[] = {
      {"", R"({"matches":[{"vulnerability":{"id":"CVE-1","severity":5},"artifact":{"name":"a"}}],"descriptor":{"name":"grype"}})",
       "in.json:/matches/0/vulnerability/severity: expected string, got number"},
      {"", R"({"matches":[{"vulnerability":{"id":"CVE-1","severity":"High"}}],"descriptor":{"name":"grype"}})",
       "in.json:/matches/0: missing artifact"},
      {"", R"({"matches":[{"vulnerability":{"id":"CVE-1","severity":"Severe"},"artifact":{"name":"a"}}],"descriptor":{"name":"grype"}})",
       "in.json:/matches/0/vulnerability/severity: unknown severity 'Severe'"},
      {"", R"({"auditReportVersion":2,"vulnerabilities":{"qs":{"name":"qs","severity":"high","via":"qs"}}})",
       "in.json:/vulnerabilities/qs/via: expected array, got string"},
      {"", R"({"auditReportVersion":2,"vulnerabilities":{"qs":{"name":"qs","severity":"high","via":[{"source":1,"name":"qs"}]}}})",
       "in.json:/vulnerabilities/qs/via/0: missing severity"},
      {"", R"({"auditReportVersion":2,"vulnerabilities":{"qs":{"name":"qs","severity":"serious","via":[]}}})",
       "in.json:/vulnerabilities/qs/severity: unknown severity 'serious'"},
      {"", R"({"error":{"code":"ENOLOCK","summary":"This command requires an existing lockfile."}})",
       "in.json:/error: the audit failed: ENOLOCK: This command requires an existing lockfile."},
      {"", R"({"advisories":{"1":{"id":1,"module_name":"qs","severity":"high","findings":{}}},"metadata":{}})",
       "in.json:/advisories/1/findings: expected array, got object"},
      {"", R"({"advisories":{"1":{"id":1,"severity":"high"}},"metadata":{}})",
       "in.json:/advisories/1: missing module_name"},
      {"", R"({"advisories":{"1":{"id":1,"module_name":"qs","severity":"severe"}},"metadata":{}})",
       "in.json:/advisories/1/severity: unknown severity 'severe'"},
      {"", "{\"type\":\"auditAdvisory\",\"data\":{\"advisory\":[]}}\n{\"type\":\"auditSummary\",\"data\":{}}\n",
       "in.json:1:/data/advisory: expected object, got array"},
      {"", "{\"type\":\"auditAdvisory\",\"data\":{\"advisory\":{\"id\":1,\"severity\":\"low\"}}}\n",
       "in.json:1:/data/advisory: missing module_name"},
      {"", "{\"type\":\"auditSummary\",\"data\":{}}\n{\"type\":\"auditAdvisory\",\"data\":{\"advisory\":{\"id\":1,\"module_name\":\"qs\",\"severity\":\"bad\"}}}\n",
       "in.json:2:/data/advisory/severity: unknown severity 'bad'"},
      {"", R"({"value":"qs","children":{"URL":"https://github.com/advisories/GHSA-hrpp-h998-j3pp","Severity":"high","Tree Versions":"1"}})",
       "in.json:1:/children/Tree Versions: expected array, got string"},
      {"", R"({"value":"qs","children":{"URL":"https://github.com/advisories/GHSA-hrpp-h998-j3pp"}})",
       "in.json:1:/children: missing Severity"},
      {"", R"({"value":"qs","children":{"URL":"https://github.com/advisories/GHSA-hrpp-h998-j3pp","Severity":"urgent"}})",
       "in.json:1:/children/Severity: unknown severity 'urgent'"},
      {"", R"({"dependencies":[{"name":"j","version":"1","vulns":[{"id":"PYSEC-1","fix_versions":"2"}]}]})",
       "in.json:/dependencies/0/vulns/0/fix_versions: expected array, got string"},
      {"", R"({"dependencies":[{"name":"j","version":"1","vulns":[{"fix_versions":[]}]}]})",
       "in.json:/dependencies/0/vulns/0: missing id"},
      {"", R"({"database":{},"vulnerabilities":{"list":[{"advisory":{"id":"R-1","cvss":7},"package":{"name":"x"}}]}})",
       "in.json:/vulnerabilities/list/0/advisory/cvss: expected string, got number"},
      {"", R"({"database":{},"vulnerabilities":{"list":[{"advisory":{"id":"R-1"}}]}})",
       "in.json:/vulnerabilities/list/0: missing package"},
      {"", R"({"database":{},"vulnerabilities":{"list":[{"advisory":{"id":"R-1","cvss":"CVSS:3.1/AV:Q"},"package":{"name":"x"}}]}})",
       "in.json:/vulnerabilities/list/0/advisory/cvss: invalid CVSS v3 vector 'CVSS:3.1/AV:Q'"},
      {"", R"({"results":[{"source":{"path":"p"},"packages":[{"package":{"name":"a"},"groups":[{"ids":["X-1"],"max_severity":7.5}]}]}]})",
       "in.json:/results/0/packages/0/groups/0/max_severity: expected string, got number"},
      {"", R"({"results":[{"source":{"path":"p"},"packages":[{"package":{"version":"1"}}]}]})",
       "in.json:/results/0/packages/0/package: missing name"},
      {"", R"({"results":[{"source":{"path":"p"},"packages":[{"package":{"name":"a"},"vulnerabilities":[{"id":"X-1","database_specific":{"severity":"SEVERE"}}],"groups":[{"ids":["X-1"]}]}]}]})",
       "in.json:/results/0/packages/0/vulnerabilities/0/database_specific/severity: unknown severity 'SEVERE'"},
      {"", R"({"bomFormat":"CycloneDX","specVersion":"1.6","vulnerabilities":[{"id":"CVE-1","ratings":{}}]})",
       "in.json:/vulnerabilities/0/ratings: expected array, got object"},
      {"", R"({"bomFormat":"CycloneDX","specVersion":"1.6","vulnerabilities":[{"ratings":[]}]})",
       "in.json:/vulnerabilities/0: missing id"},
      {"", R"({"bomFormat":"CycloneDX","specVersion":"1.6","vulnerabilities":[{"id":"CVE-1","ratings":[{"severity":"severe"}]}]})",
       "in.json:/vulnerabilities/0/ratings/0/severity: unknown severity 'severe'"},
      {"", R"({"SchemaVersion":2,"Results":[{"Target":"t","Vulnerabilities":[{"VulnerabilityID":"CVE-1","PkgName":"p","Severity":1}]}]})",
       "in.json:/Results/0/Vulnerabilities/0/Severity: expected string, got number"},
      {"", R"({"SchemaVersion":2,"Results":[{"Target":"t","Vulnerabilities":[{"VulnerabilityID":"CVE-1","Severity":"LOW"}]}]})",
       "in.json:/Results/0/Vulnerabilities/0: missing PkgName"},
      {"", R"({"SchemaVersion":2,"Results":[{"Target":"t","Vulnerabilities":[{"VulnerabilityID":"CVE-1","PkgName":"p","Severity":"SEVERE"}]}]})",
       "in.json:/Results/0/Vulnerabilities/0/Severity: unknown severity 'SEVERE'"},
  };
  for (const Bad& b : cases) {
    SCOPED_TRACE(b.content);
    TempDir dir;
    ProcessResult r = RunGate(b.format, b.content, dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "secgate-vuln: error: " + b.message + "\n");
    EXPECT_EQ(r.out, "");
  }
}

TEST(VulnErrors, EmptyFileExits2ExceptForcedYarn4) {
  for (const char* f : kFormats) {
    TempDir dir;
    ProcessResult r = RunGate(f, "", dir);
    if (std::string(f) == "yarn4") {
      EXPECT_EQ(r.exit_code, 0) << r.err;
      continue;
    }
    EXPECT_EQ(r.exit_code, 2) << f;
    EXPECT_EQ(r.err, "secgate-vuln: error: in.json: file is empty\n") << f;
  }
  TempDir dir;
  ProcessResult r = RunGate("", "", dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "secgate-vuln: error: in.json: file is empty\n");
  // stdin, detected
  ProcessOptions o;
  o.cwd = dir.path();
  r = RunProcess({GateBinary("secgate-vuln"), "--quiet", "-"}, o);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "secgate-vuln: error: <stdin>: file is empty\n");
}

TEST(VulnErrors, DeepNestingIsAnErrorNotACrash) {
  const std::string deep(100000, '[');
  std::string pointer;
  for (int i = 0; i < 256; ++i) pointer += "/0";
  for (const char* f : kFormats) {
    TempDir dir;
    ProcessResult r = RunGate(f, deep, dir);
    EXPECT_EQ(r.exit_code, 2) << f;
    std::string where = IsNdjson(f) ? "in.json:1:" : "in.json:";
    EXPECT_EQ(r.err, "secgate-vuln: error: " + where + pointer + ": nesting deeper than 256 levels\n")
        << f;
  }
  TempDir dir;
  ProcessResult r = RunGate("", deep, dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("secgate-vuln: error: in.json: not a recognised scanner report (a JSON array)", 0), 0u)
      << r.err;
}

// Truncated, invalid UTF-8 and binary inputs: the fixed part, the lexer's
// wording (core/json_lexer.cc) and that the message is one line.
void ExpectInvalidJson(const ProcessResult& r, const std::string& where, const std::string& what) {
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("secgate-vuln: error: " + where, 0), 0u) << r.err;
  EXPECT_NE(r.err.find(": invalid JSON: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(what), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
}

TEST(VulnErrors, TruncatedInvalidUtf8Binary) {
  for (const char* f : kFormats) {
    SCOPED_TRACE(f);
    std::string where = IsNdjson(f) ? "in.json:1:" : "in.json:";
    TempDir d1, d2, d3;
    ExpectInvalidJson(RunGate(f, R"({"matches":[{"vulnerability":{"id":"CVE-1")", d1), where,
                      "unexpected end of input; expected ',' or '}'\n");
    ExpectInvalidJson(RunGate(f, "{\"name\":\"caf\xff\"}", d2), where,
                      "invalid JSON: ill-formed UTF-8 byte in string\n");
    ExpectInvalidJson(RunGate(f, std::string("\x7f" "ELF\x02\x01\x01\x00\x00", 9), d3), where,
                      "invalid JSON: unexpected byte 0x7f; expected a value\n");
  }
  TempDir dir;
  ProcessResult r = RunGate("", std::string("\x7f" "ELF\x02\x01\x01\x00\x00", 9), dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "secgate-vuln: error: in.json: not a scanner report: binary data\n");
}

TEST(VulnErrors, UnknownFormatAndUnknownFormatName) {
  TempDir dir;
  ProcessResult r = RunGate("", R"({"hello":"world"})", dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("secgate-vuln: error: in.json: not a recognised scanner report (a JSON "
                        "object with keys: hello); supported: cyclonedx, trivy, grype,", 0), 0u) << r.err;
  TempDir d2;
  r = RunGate("nessus", "{}", d2);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("secgate-vuln: error: --input-format: unknown format 'nessus'", 0), 0u) << r.err;
}

}  // namespace
}  // namespace secgate::testing
