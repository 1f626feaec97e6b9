// libFuzzer target: the whole secgate-vuln pipeline on one input, in memory:
// detect → read → merge → evaluate (default policy, no waivers) → every
// reporter. Checks what reporters promise about hostile data from a report
// (package names, titles and messages are chosen by dependency authors):
// text output carries no terminal control bytes, every line of GitHub output
// is one workflow command of the kinds secgate writes, the JSON report parses.
#include <sstream>

#include <nlohmann/json.hpp>

#include "gates/core/merge.h"
#include "gates/core/policy.h"
#include "gates/core/report/reporter.h"
#include "gates/core/verdict.h"
#include "gates/core/waiver.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

void CheckText(const std::string& out) {
  for (unsigned char c : out)
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
      secgate::fuzz::Fail("control byte " + std::to_string(c) + " in text output");
}

void CheckGithub(const std::string& out) {
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    if (line.find('\r') != std::string::npos) secgate::fuzz::Fail("CR in GitHub output");
    bool command = line.rfind("::error", 0) == 0 || line.rfind("::warning", 0) == 0 ||
                   line.rfind("::notice", 0) == 0;
    if (!command) secgate::fuzz::Fail("GitHub output line is not a secgate command: " + line);
    // Data after the second "::" is escaped; the properties never hold "::".
    size_t end = line.find("::", 2);
    if (end == std::string::npos) secgate::fuzz::Fail("unterminated workflow command");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace secgate;
  auto in = core::InputFile::FromMemory(fuzz::AsText(data, size), "fuzz.json");
  auto format = vuln::DetectFormat(*in);
  if (!format) return 0;
  vuln::ReaderOutput out;
  if (!(*format)->read(*in, &out)) return 0;
  core::Policy policy = core::DefaultPolicy();
  core::WaiverFile waivers;
  waivers.source = "none";
  core::Verdict v = core::Evaluate(core::MergeFindings(std::move(out.findings)),
                                   core::EvaluateOptions::ForVuln(policy), waivers,
                                   core::Date{2026, 11, 21});
  v.tool = "secgate-vuln";
  for (const std::string& name : core::ReportFormats()) {
    auto reporter = core::MakeReporter(name, core::ReportOptions{});
    if (!reporter) fuzz::Fail("listed report format has no reporter: " + name);
    std::ostringstream os;
    (*reporter)->Write(v, os);
    const std::string text = os.str();
    if (name == "text") CheckText(text);
    if (name == "github") CheckGithub(text);
    if (name == "json" && !nlohmann::json::accept(text)) fuzz::Fail("JSON report does not parse");
    if (name == "sarif" && !nlohmann::json::accept(text)) fuzz::Fail("SARIF report does not parse");
  }
  return 0;
}
