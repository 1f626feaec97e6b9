// End-to-end: bad SARIF input. Each is exit 2 with one stderr line naming
// the file (and the JSON pointer where there is one), never "no findings";
// the two that are not errors (a ruleIndex out of range, a huge message)
// are kept as findings and gated.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/e2e/code/code_e2e.h"

namespace secgate::code_e2e {
namespace {

// The shape every bad-input case shares: a run of tool "t" with rule "r".
// (Appended, not `literal + string`: GCC 12 warns falsely on that.)
std::string Log21(const std::string& results) {
  std::string log = R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t", "rules": [{"id": "r"}]}},
  "results": )";
  return log.append(results).append("}]}");
}

// A result of rule r with `members` added ("\"level\": \"error\"").
std::string OneResult(const std::string& members) {
  std::string result = R"([{"ruleId": "r", "message": {"text": "m"}, )";
  return Log21(result.append(members).append("}]"));
}

struct BadCase {
  const char* name;
  std::string content;
  std::string error;  ///< After "secgate-code: error: bad.sarif".
};

std::vector<BadCase> BadCases() {
  // The lexer names the offending byte, counting from 1 (the end of the
  // input for a truncated one).
  const std::string bad_utf8 = OneResult("\"level\": \"err\xff\"");
  const std::string truncated = Log21(R"([{"ruleId": "r", "mess)");
  const std::string at_ff = std::string(":").append(std::to_string(bad_utf8.find('\xff') + 1));
  const std::string at_end = std::string(":").append(std::to_string(truncated.size() + 1));
  return {
      {"SARIF 1.0.0", R"({"version": "1.0.0", "runs": []})",
       ": SARIF 1.0.0 is not supported (secgate-code reads SARIF 2.1.0; convert older logs "
       "with the SARIF SDK's multitool)"},
      {"no version, no $schema", R"({"runs": [{"tool": {"driver": {"name": "t"}}, "results": []}]})",
       ": not a SARIF 2.1.0 log or Trivy report (a JSON object with keys: runs); supported: "
       "sarif, trivy (or name one with --input-format)"},
      {"run without tool", R"({"version": "2.1.0", "runs": [{"results": [{"ruleId": "x",
         "message": {"text": "m"}}]}]})",
       ":/runs/0: run without \"tool\" (SARIF requires tool.driver; results cannot be "
       "attributed to a producer)"},
      {"results not an array", Log21("{}"), ":/runs/0/results: expected array, got object"},
      {"unknown level", OneResult(R"("level": "fatal")"),
       ":/runs/0/results/0/level: unknown level 'fatal'"},
      {"unknown kind", OneResult(R"("kind": "bug")"),
       ":/runs/0/results/0/kind: unknown kind 'bug'"},
      {"security-severity banana", OneResult(R"("properties": {"security-severity": "banana"})"),
       ":/runs/0/results/0/properties/security-severity: 'banana' is not a score 0-10 or a "
       "severity word"},
      {"security-severity 11.0", OneResult(R"("properties": {"security-severity": 11.0})"),
       ":/runs/0/results/0/properties/security-severity: score outside 0-10"},
      {"security-severity \"11.0\"", OneResult(R"("properties": {"security-severity": "11.0"})"),
       ":/runs/0/results/0/properties/security-severity: score outside 0-10"},
      {"duplicate key", OneResult(R"("ruleId": "q")"),
       ":/runs/0/results/0: duplicate key \"ruleId\" (ambiguous: JSON readers disagree on which "
       "copy wins)"},
      {"invalid UTF-8", bad_utf8, at_ff + ": invalid JSON: ill-formed UTF-8 byte in string"},
      {"truncated", truncated, at_end + ": invalid JSON: unexpected end of input in string"},
      {"binary", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", 20) +
                     std::string(2000, ' '),
       ": not a SARIF log or Trivy report: binary data"},
      {"empty", "", ": file is empty"},
  };
}

TEST(CodeBadInput, EachExits2WithOneLineNamingTheFile) {
  Workspace ws;
  for (const BadCase& c : BadCases()) {
    SCOPED_TRACE(c.name);
    ws.Write("bad.sarif", c.content);
    CodeRun r = ws.Gate({"bad.sarif"});
    EXPECT_EQ(r.p.exit_code, 2);
    EXPECT_EQ(r.p.err, ErrorLine("bad.sarif" + c.error));
    if (r.verdict.is_object()) {
      EXPECT_EQ(r.verdict["verdict"], "error");
    }
  }
}

// With the format forced, a log with neither version nor a 2.1.0 $schema is
// refused by the reader itself (not only by detection).
TEST(CodeBadInput, ForcedSarifWithoutVersionOrSchemaExits2) {
  Workspace ws;
  ws.Write("bad.sarif", R"({"runs": [{"tool": {"driver": {"name": "t"}}, "results": []}]})");
  CodeRun r = ws.Gate({"--input-format", "sarif", "bad.sarif"});
  EXPECT_EQ(r.p.exit_code, 2);
  EXPECT_EQ(r.p.err,
            ErrorLine("bad.sarif: not a SARIF 2.1.0 log: no \"version\" and no 2.1.0 $schema"));
}

TEST(CodeBadInput, PropertiesNested300DeepHitTheNestingLimit) {
  std::string nested;
  for (int i = 0; i < 300; ++i) nested += "{\"a\": ";
  nested.append("1").append(300, '}');
  Workspace ws;
  ws.Write("bad.sarif", OneResult("\"properties\": " + nested));
  CodeRun r = ws.Gate({"bad.sarif"});
  EXPECT_EQ(r.p.exit_code, 2);
  const std::string head = "secgate-code: error: bad.sarif:/runs/0/results/0/properties/a/a/";
  const std::string tail = ": nesting deeper than 256 levels\n";
  EXPECT_EQ(r.p.err.rfind(head, 0), 0u) << r.p.err;
  EXPECT_TRUE(r.p.err.ends_with(tail)) << r.p.err;
  EXPECT_EQ(std::count(r.p.err.begin(), r.p.err.end(), '\n'), 1);
}

// Not an error: the result is kept with the problem said, and gated at its
// own level (a broken reference must not make a result disappear).
TEST(CodeBadInput, RuleIndexOutOfRangeIsAFindingWithARuleProblem) {
  Workspace ws;
  ws.Write("in.sarif", Log21(R"([{"ruleIndex": 5, "level": "error", "message": {"text": "m"}}])"));
  CodeRun r = ws.Gate({"in.sarif"});
  EXPECT_EQ(r.p.exit_code, 1) << r.p.err;
  ASSERT_EQ(r.verdict["findings"].size(), 1u);
  const json& f = r.verdict["findings"][0];
  EXPECT_EQ(f["disposition"], "violation");
  EXPECT_EQ(f["code"]["rule_problem"], "ruleIndex 5 is out of range (1 rules)");
  EXPECT_EQ(f["id"], "rule-index-5");
}

TEST(CodeBadInput, FiveMegabyteMessageIsKeptAndCutTo4096Bytes) {
  // Multi-byte characters, so that the cut must land on a UTF-8 boundary.
  std::string text;
  while (text.size() < 5u << 20) text += "injection \xc3\xa9\xe2\x82\xac ";
  Workspace ws;
  ws.Write("in.sarif", Log21(R"([{"ruleId": "r", "level": "error", "message": {"text": ")" +
                             text + "\"}}]"));
  CodeRun r = ws.Gate({"in.sarif"});
  EXPECT_EQ(r.p.exit_code, 1) << r.p.err;
  ASSERT_EQ(r.verdict["findings"].size(), 1u);
  const std::string message = r.verdict["findings"][0]["message"];
  EXPECT_LE(message.size(), 4096u);
  EXPECT_GT(message.size(), 4090u);
  // What is kept is the text's start, at a character boundary (the verdict
  // parsed, so it is valid UTF-8), and the cut is marked.
  const std::string ellipsis = "\xe2\x80\xa6";
  ASSERT_TRUE(message.ends_with(ellipsis)) << message.substr(message.size() - 16);
  EXPECT_EQ(text.rfind(message.substr(0, message.size() - ellipsis.size()), 0), 0u)
      << "not a prefix of the original text";
  EXPECT_LT(r.p.peak_rss_kb, 256 * 1024);
}

}  // namespace
}  // namespace secgate::code_e2e
