// Tests for gates/code/readers/sarif*.cc through ReadSarif over in-memory
// inputs (core::InputFile::FromMemory, the path fuzzers take): what a
// finding carries, fingerprints, message strings, artifact locations, the
// run's own notes, errors at their JSON pointer, and a real fixture read
// from memory and from the file alike.
#include <gtest/gtest.h>

#include "gates/code/readers/reader.h"
#include "tests/testing/run_process.h"

namespace secgate::code {
namespace {

struct Read {
  core::Status status = core::Ok{};
  CodeReaderOutput out;
  std::string error;  ///< ToString() of the error, "" when ok.
};

Read ReadText(const std::string& text, const std::string& name = "in.sarif") {
  Read r;
  auto in = core::InputFile::FromMemory(text, name);
  r.status = ReadSarif(*in, &r.out);
  if (!r.status) r.error = r.status.error().ToString();
  return r;
}

// A log of one run of tool "scan" with `rules` and `results` (JSON text).
std::string Log(const std::string& rules, const std::string& results,
                const std::string& run_extra = "") {
  return R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "scan",
    "semanticVersion": "1.2.3", "rules": [)" +
         rules + "]}}, \"results\": [" + results + "]" + run_extra + "}]}";
}

const char kRule[] = R"({"id": "sql", "name": "SqlInjection", "helpUri": "https://x.test/sql",
  "shortDescription": {"text": "SQL built from input"}, "properties": {"tags": ["security"]},
  "messageStrings": {"default": {"text": "{0} reaches {1}"}}})";

std::string At(const std::string& uri, int line, const std::string& extra = "") {
  return R"({"ruleId": "sql", "level": "error", "message": {"text": "m"}, "locations": [
    {"physicalLocation": {"artifactLocation": {"uri": ")" +
         uri + R"("}, "region": {"startLine": )" + std::to_string(line) +
         R"(, "snippet": {"text": "  q =  run(x)\n"}}}}])" + extra + "}";
}

TEST(ReadSarif, AFindingCarriesTheRuleTheToolAndTheLocation) {
  Read r = ReadText(Log(kRule, At("src/db.py", 12)));
  ASSERT_TRUE(r.status.ok()) << r.error;
  ASSERT_EQ(r.out.findings.size(), 1u);
  const core::Finding& f = r.out.findings[0];
  EXPECT_EQ(f.gate, core::Gate::kCode);
  EXPECT_EQ(f.id, "sql");
  EXPECT_EQ(f.sources, std::vector<std::string>{"scan"});
  EXPECT_EQ(f.location.path, "src/db.py");
  EXPECT_EQ(f.location.line, 12);
  EXPECT_EQ(f.title, "SQL built from input");
  EXPECT_EQ(f.url, "https://x.test/sql");
  EXPECT_EQ(f.message, "m");
  EXPECT_EQ(f.severity, core::Severity::kUnknown);  // a level is rated by the policy step
  ASSERT_TRUE(f.code);
  EXPECT_EQ(f.code->level, "error");
  EXPECT_EQ(f.code->severity_from, "level");
  EXPECT_EQ(f.code->kind, "fail");
  ASSERT_TRUE(f.code->rule);
  EXPECT_EQ(f.code->rule->name, "SqlInjection");
  EXPECT_EQ(f.code->rule->tool_version, "1.2.3");
  EXPECT_EQ(f.code->rule->tags, std::vector<std::string>{"security"});
  EXPECT_EQ(f.fingerprint.rfind("code:", 0), 0u);
}

TEST(ReadSarif, FingerprintsIgnoreLinesAndWhiteSpaceButNotPaths) {
  Read r = ReadText(Log(kRule, At("a.py", 1) + "," + At("a.py", 90) + "," + At("b.py", 1)));
  ASSERT_TRUE(r.status.ok()) << r.error;
  ASSERT_EQ(r.out.findings.size(), 3u);
  EXPECT_EQ(r.out.findings[0].fingerprint, r.out.findings[1].fingerprint);
  EXPECT_NE(r.out.findings[0].fingerprint, r.out.findings[2].fingerprint);
  // The producer's partialFingerprints, when given, are the identity.
  const std::string fp = R"(, "partialFingerprints": {"primaryLocationLineHash": "abc:1"})";
  r = ReadText(Log(kRule, At("a.py", 1, fp) + "," + At("moved.py", 7, fp)));
  ASSERT_TRUE(r.status.ok()) << r.error;
  EXPECT_EQ(r.out.findings[0].fingerprint, r.out.findings[1].fingerprint);
}

TEST(ReadSarif, MessageStringsTakeTheirArguments) {
  Read r = ReadText(Log(kRule, R"({"ruleId": "sql", "message": {"id": "default",
    "arguments": ["request.args", "cursor.execute"]}})"));
  ASSERT_TRUE(r.status.ok()) << r.error;
  ASSERT_EQ(r.out.findings.size(), 1u);
  EXPECT_EQ(r.out.findings[0].message, "request.args reaches cursor.execute");
}

// The artifacts follow the results (and the tool precedes them).
TEST(ReadSarif, ArtifactIndexGivesThePathFromArtifactsReadLater) {
  Read r = ReadText(Log(kRule, R"({"ruleId": "sql", "message": {"text": "m"}, "locations": [
    {"physicalLocation": {"artifactLocation": {"index": 1}}}]})",
                        R"(, "artifacts": [{"location": {"uri": "x.py"}},
    {"location": {"uri": "lib/y.py"}}])"));
  ASSERT_TRUE(r.status.ok()) << r.error;
  ASSERT_EQ(r.out.findings.size(), 1u);
  EXPECT_EQ(r.out.findings[0].location.path, "lib/y.py");
}

TEST(ReadSarif, ToolErrorsAndFailedRunsAreNoted) {
  Read r = ReadText(Log(kRule, "", R"(, "invocations": [{"executionSuccessful": false,
    "toolExecutionNotifications": [{"level": "error", "message": {"text": "parse failed"}},
                                   {"level": "warning", "message": {"text": "slow"}}]}])"));
  ASSERT_TRUE(r.status.ok()) << r.error;
  ASSERT_EQ(r.out.notes.size(), 2u);
  EXPECT_EQ(r.out.notes[0], "in.sarif:/runs/0: scan reported 1 error during its run (first: "
                            "'parse failed'); its findings may be incomplete");
  EXPECT_EQ(r.out.notes[1].rfind("in.sarif:/runs/0: scan reports that its run did not "
                                 "complete", 0),
            0u);
}

TEST(ReadSarif, NoVersionButA210SchemaIsReadWithANote) {
  Read r = ReadText(R"({"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
    "runs": [{"tool": {"driver": {"name": "t"}}, "results": [{"message": {"text": "m"}}]}]})");
  ASSERT_TRUE(r.status.ok()) << r.error;
  EXPECT_EQ(r.out.findings.size(), 1u);
  ASSERT_EQ(r.out.notes.size(), 1u);
  EXPECT_EQ(r.out.notes[0], "in.sarif: no \"version\"; read as SARIF 2.1.0 (its $schema)");
}

TEST(ReadSarif, ErrorsNameTheirPointer) {
  const std::pair<std::string, std::string> cases[] = {
      {Log(R"({"name": "no id"})", ""),
       "in.sarif:/runs/0/tool/driver/rules/0: missing id (every SARIF rule has one)"},
      {R"({"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": []}]})",
       "in.sarif:/runs/0/tool/driver: missing name (the producing tool)"},
      {Log(kRule, At("a.py", 0)),
       "in.sarif:/runs/0/results/0/locations/0/physicalLocation/region/startLine: not a line "
       "number"},
      {Log(kRule, R"({"ruleId": "sql", "message": {"text": "m"},
         "suppressions": [{"kind": "inline"}]})"),
       "in.sarif:/runs/0/results/0/suppressions/0/kind: unknown suppression kind 'inline'"},
      {Log(kRule, R"({"ruleId": "sql", "baselineState": "gone", "message": {"text": "m"}})"),
       "in.sarif:/runs/0/results/0/baselineState: unknown baselineState 'gone'"},
      {Log(kRule, R"({"ruleIndex": "0", "message": {"text": "m"}})"),
       "in.sarif:/runs/0/results/0/ruleIndex: expected integer, got string"},
      {R"({"version": "2.1.0", "runs": {}})", "in.sarif:/runs: expected array, got object"},
  };
  for (const auto& [text, error] : cases) {
    Read r = ReadText(text);
    EXPECT_FALSE(r.status.ok()) << text;
    EXPECT_EQ(r.error, error) << text;
    EXPECT_TRUE(r.out.findings.empty() || !r.status.ok());
  }
}

// Streamed from the file and served from memory: the same findings.
TEST(ReadSarif, FileAndMemoryAgreeOnARealFixture) {
  const std::string path =
      secgate::testing::Fixture("code/sarif/dd-codeQL-output.sarif");
  auto file = core::InputFile::Open(path);
  ASSERT_TRUE(file);
  CodeReaderOutput from_file;
  ASSERT_TRUE(ReadSarif(**file, &from_file).ok());
  Read from_memory = ReadText(secgate::testing::ReadFile(path), path);
  ASSERT_TRUE(from_memory.status.ok()) << from_memory.error;
  ASSERT_EQ(from_file.findings.size(), from_memory.out.findings.size());
  ASSERT_GT(from_file.findings.size(), 50u);
  for (size_t i = 0; i < from_file.findings.size(); ++i) {
    EXPECT_EQ(from_file.findings[i].id, from_memory.out.findings[i].id);
    EXPECT_EQ(from_file.findings[i].fingerprint, from_memory.out.findings[i].fingerprint);
    EXPECT_EQ(from_file.findings[i].location.path, from_memory.out.findings[i].location.path);
    EXPECT_EQ(from_file.findings[i].code->level, from_memory.out.findings[i].code->level);
  }
}

}  // namespace
}  // namespace secgate::code
