// The built-in inputs of `secgate-code selftest` (gates/cli/selftest.h): a
// SARIF log with one error-level result (high under the default
// code.levels), and a SARIF log without results.
#include <string>
#include <vector>

#include "gates/code/cli.h"

namespace secgate::code {

namespace {

std::string Sarif(const std::string& results) {
  return R"({"version": "2.1.0",
  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
  "runs": [{"tool": {"driver": {"name": "secgate-selftest", "rules": [
      {"id": "selftest/sql-injection", "shortDescription": {"text": "synthetic SQL injection"}}]}},
    "results": [)" +
         results + "]}]}\n";
}

std::string Result(const std::string& level) {
  return R"({"ruleId": "selftest/sql-injection", "level": ")" + level +
         R"(", "message": {"text": "secgate selftest: synthetic )" + level +
         R"( result"},
      "locations": [{"physicalLocation": {"artifactLocation": {"uri": "app/db.py"},
                                          "region": {"startLine": 3}}}]})";
}

}  // namespace

std::vector<cli::SelftestCase> SelftestCases(const core::Policy&) {
  return {
      {"SARIF result at level error (selftest/sql-injection)", Sarif(Result("error")), true},
      {"SARIF log without results", Sarif(""), false},
  };
}

}  // namespace secgate::code
