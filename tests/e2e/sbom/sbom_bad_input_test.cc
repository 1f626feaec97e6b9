// secgate-sbom on bad and hostile input: every error exits 2 with one exact
// line on stderr; cycles, repeated refs and very large or deep documents
// never loop or crash. Inputs are generated here.
#include <gtest/gtest.h>

#include "tests/e2e/sbom/sbom_e2e_util.h"

namespace secgate::sbom_e2e {
namespace {

using testing::TempDir;

const char kHead[] = R"({"bomFormat": "CycloneDX", "specVersion": "1.6", )";

GateRun RunOn(const TempDir& dir, const std::string& name, const std::string& content,
              const std::string& policy = "") {
  return RunGate(dir, policy, {dir.Write(name, content)});
}

TEST(SbomBadInputTest, NeitherFormat) {
  TempDir dir;
  GateRun g = RunOn(dir, "x.json", R"({"foo": 1, "bar": []})");
  EXPECT_EQ(g.code, 2);
  EXPECT_EQ(g.err, ErrorLine(dir, "x.json",
                             ": not a CycloneDX or SPDX JSON document (a JSON object with keys: "
                             "foo, bar)"));
  EXPECT_EQ(g.report["verdict"], "error");
}

TEST(SbomBadInputTest, EmptyBinaryAndNotJson) {
  TempDir dir;
  EXPECT_EQ(RunOn(dir, "e.json", "").err, ErrorLine(dir, "e.json", ": file is empty"));
  GateRun b = RunOn(dir, "b.bin", std::string("\x7f" "ELF\x02\x01\x00\x00", 8));
  EXPECT_EQ(b.code, 2);
  EXPECT_EQ(b.err, ErrorLine(dir, "b.bin", ": not an SBOM: binary data"));
  GateRun t = RunOn(dir, "t.txt", "hello world\n");
  EXPECT_EQ(t.code, 2);
  EXPECT_EQ(t.err, ErrorLine(dir, "t.txt", ": not a CycloneDX or SPDX JSON document (not JSON)"));
  GateRun tv = RunOn(dir, "tv.spdx", "SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\n");
  EXPECT_EQ(tv.err, ErrorLine(dir, "tv.spdx",
                              ": SPDX tag-value documents are not supported (use SPDX JSON)"));
  GateRun arr = RunOn(dir, "a.json", std::string(100000, '[') + std::string(100000, ']'));
  EXPECT_EQ(arr.code, 2);
  EXPECT_EQ(arr.err, ErrorLine(dir, "a.json",
                               ": not a CycloneDX or SPDX JSON document (a JSON array)"));
}

TEST(SbomBadInputTest, Truncated) {
  TempDir dir;
  const std::string text = std::string(kHead) + R"("components": [{"type": "library", "name": "a")";
  GateRun g = RunOn(dir, "t.json", text);
  EXPECT_EQ(g.code, 2);
  // The parser reports the position after the end of input (it counts the
  // end-of-input it read as a character): length + 1.
  const std::string prefix = "secgate-sbom: error: " + dir.path() + "/t.json:" +
                             std::to_string(text.size() + 1) + ": invalid JSON: ";
  EXPECT_EQ(g.err.substr(0, prefix.size()), prefix) << g.err;
  EXPECT_NE(g.err.find("unexpected end of input"), std::string::npos) << g.err;
}

TEST(SbomBadInputTest, WrongTypes) {
  TempDir dir;
  GateRun g = RunOn(dir, "w.json", std::string(kHead) + R"("components": {"a": 1}})");
  EXPECT_EQ(g.code, 2);
  EXPECT_EQ(g.err, ErrorLine(dir, "w.json", ":/components: expected array, got object"));
  GateRun h = RunOn(dir, "h.json", std::string(kHead) +
                                       R"("components": [{"name": "a", "hashes": [1]}]})");
  EXPECT_EQ(h.err, ErrorLine(dir, "h.json", ":/components/0/hashes/0: expected object, got number"));
  GateRun s = RunOn(dir, "s.json", R"({"spdxVersion": "SPDX-2.3", "packages": [{"name": true}]})");
  EXPECT_EQ(s.err, ErrorLine(dir, "s.json", ":/packages/0/name: expected string, got boolean"));
}

TEST(SbomBadInputTest, InvalidUtf8) {
  TempDir dir;
  const std::string text = std::string(kHead) + "\"components\": [{\"name\": \"a\xff\"}]}";
  GateRun g = RunOn(dir, "u.json", text);
  EXPECT_EQ(g.code, 2);
  const std::string prefix = "secgate-sbom: error: " + dir.path() + "/u.json:";
  EXPECT_EQ(g.err.substr(0, prefix.size()), prefix) << g.err;
  EXPECT_NE(g.err.find(": invalid JSON: "), std::string::npos) << g.err;
  EXPECT_NE(g.err.find("ill-formed UTF-8 byte"), std::string::npos) << g.err;
}

TEST(SbomBadInputTest, DeepNestingStopsAt256Levels) {
  TempDir dir;
  std::string text = kHead;
  text += "\"components\": [";
  for (int i = 0; i < 100000; ++i) text += R"({"type": "library", "name": "x", "components": [)";
  for (int i = 0; i < 100000; ++i) text += "]}";
  text += "]}";
  GateRun g = RunOn(dir, "deep.json", text);
  EXPECT_EQ(g.code, 2);
  std::string pointer;
  for (int i = 0; i < 128; ++i) pointer += "/components/0";
  EXPECT_EQ(g.err, ErrorLine(dir, "deep.json", ":" + pointer + ": nesting deeper than 256 levels"));
}

TEST(SbomBadInputTest, CyclesAndRepeatedRefsAreReadOnce) {
  TempDir dir;
  // b nests an identical repeat of a (same bom-ref, same content: read once;
  // a repeat with other content is an error, sbom_refs_test.cc); dependencies
  // form a -> b -> a.
  const std::string text = std::string(kHead) + R"(
    "components": [
      {"type": "library", "bom-ref": "a", "name": "a", "version": "1",
       "licenses": [{"license": {"id": "GPL-3.0-only"}}],
       "components": [{"type": "library", "bom-ref": "b", "name": "b", "version": "1",
                       "licenses": [{"license": {"id": "MIT"}}],
                       "components": [{"type": "library", "bom-ref": "a", "name": "a",
                                       "version": "1",
                                       "licenses": [{"license": {"id": "GPL-3.0-only"}}]}]}]}],
    "dependencies": [{"ref": "a", "dependsOn": ["b"]}, {"ref": "b", "dependsOn": ["a"]},
                     {"ref": "a", "dependsOn": ["a"]}]})";
  GateRun g = RunOn(dir, "cycle.json", text, "sbom:\n  licenses:\n    deny: [GPL-3.0-only]\n");
  EXPECT_EQ(g.code, 1) << g.err;
  EXPECT_EQ(WithDisposition(g.report, "violation"), std::vector<std::string>{"GPL-3.0-only a"});
  EXPECT_EQ(g.report["inputs"][0]["skipped"]["duplicate bom-refs"], 1);
}

TEST(SbomBadInputTest, HundredThousandComponents) {
  TempDir dir;
  std::string text = std::string(kHead) + "\"components\": [";
  for (int i = 0; i < 100000; ++i) {
    if (i) text += ",";
    const char* license = i % 1000 == 0 ? "GPL-3.0-only" : "MIT";
    text += R"({"type": "library", "bom-ref": "c)" + std::to_string(i) + R"(", "name": "c)" +
            std::to_string(i) + R"(", "version": "1.0.0", "purl": "pkg:npm/c)" +
            std::to_string(i) + R"(@1.0.0", "licenses": [{"license": {"id": ")" + license +
            "\"}}]}";
  }
  text += "]}";
  GateRun g = RunOn(dir, "big.json", text, "sbom:\n  licenses:\n    deny: [GPL-3.0-only]\n");
  EXPECT_EQ(g.code, 1) << g.err;
  EXPECT_EQ(g.report["summary"]["violations"], 100);
  EXPECT_EQ(g.report["summary"]["findings"], 100);
}

TEST(SbomBadInputTest, MalformedExpressionsAreUnknownNotPasses) {
  TempDir dir;
  const std::string text = std::string(kHead) + R"("components": [
    {"type": "library", "name": "a", "version": "1", "licenses": [{"expression": "MIT AND"}]},
    {"type": "library", "name": "b", "version": "2", "licenses": [{"expression": "(MIT"}]},
    {"type": "library", "name": "c", "version": "3", "licenses": [{"expression": "MIT OR OR BSD"}]}]})";
  GateRun g = RunOn(dir, "m.json", text, "sbom:\n  licenses:\n    allow: [MIT]\n    unknown: fail\n");
  EXPECT_EQ(g.code, 1) << g.err;
  EXPECT_EQ(FindingFor(g.report, "unknown-license", "a")["message"],
            "license of a@1 is unknown: unparseable license expression `MIT AND` (expected a "
            "license id after 'AND', got end of expression)");
  EXPECT_EQ(FindingFor(g.report, "unknown-license", "b")["message"],
            "license of b@2 is unknown: unparseable license expression `(MIT` (missing ')' for "
            "'(' at column 1)");
  EXPECT_EQ(FindingFor(g.report, "unknown-license", "c")["message"],
            "license of c@3 is unknown: unparseable license expression `MIT OR OR BSD` (expected "
            "a license id after 'OR', got 'OR' at column 8)");
  EXPECT_EQ(g.report["summary"]["violations"], 3);
}

TEST(SbomBadInputTest, InvalidPolicyEntries) {
  TempDir dir;
  const std::string bom = dir.Write("ok.json", std::string(kHead) + R"("components": []})");
  GateRun d = RunGate(dir, "sbom:\n  licenses:\n    deny: [MIT AND]\n", {bom});
  EXPECT_EQ(d.code, 2);
  EXPECT_EQ(d.err, "secgate-sbom: error: " + dir.path() +
                       "/secgate.yaml: sbom.licenses.deny: 'MIT AND' is not a license id: "
                       "expected a license id after 'AND', got end of expression\n");
  GateRun b = RunGate(dir, "sbom:\n  banned: [npm/left-pad]\n", {bom});
  EXPECT_EQ(b.code, 2);
  EXPECT_EQ(b.err, "secgate-sbom: error: " + dir.path() +
                       "/secgate.yaml: sbom.banned: 'npm/left-pad': expected a purl "
                       "(pkg:type/name[@range])\n");
}

TEST(SbomBadInputTest, ForcedFormatMismatchAndUsage) {
  TempDir dir;
  const std::string bom = dir.Write("c.json", std::string(kHead) + R"("components": []})");
  GateRun g = RunGate(dir, "", {"--input-format", "spdx", bom});
  EXPECT_EQ(g.code, 2);
  EXPECT_EQ(g.err, "secgate-sbom: error: " + bom + ": not SPDX: no spdxVersion\n");
  GateRun u = RunGate(dir, "", {"--input-format", "xml", bom});
  EXPECT_EQ(u.code, 2);
  EXPECT_EQ(u.err, "secgate-sbom: error: --input-format: unknown format 'xml' (expected one of: "
                   "cyclonedx, spdx)\n");
  GateRun m = RunGate(dir, "", {dir.path() + "/missing.json"});
  EXPECT_EQ(m.code, 2);
  EXPECT_EQ(RunGate(dir, "", {}).code, 2);
}

}  // namespace
}  // namespace secgate::sbom_e2e
