// libFuzzer target: the whole secgate-vuln pipeline on one input, in memory
// through the engine's injected opener (the path the CLI takes with a file):
// RunVuln (detect → read → merge → evaluate; default policy, no waivers) →
// every reporter. Checks what reporters promise about hostile data from a report
// (package names, titles and messages are chosen by dependency authors):
// text output carries no terminal control bytes, every line of GitHub output
// is one workflow command of the kinds secgate writes, the JSON report parses.
#include <sstream>

#include <nlohmann/json.hpp>

#include "gates/core/inputs.h"
#include "gates/core/policy.h"
#include "gates/core/report/reporter.h"
#include "gates/core/verdict.h"
#include "gates/core/waiver.h"
#include "gates/vuln/run.h"
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
  core::InputSet set;
  set.paths = {"fuzz.json"};
  set.open = core::MemoryOpener({{"fuzz.json", std::string(fuzz::AsText(data, size))}});
  core::RunContext ctx;
  ctx.policy = core::DefaultPolicy();
  ctx.waivers.source = "none";
  ctx.today = core::Date{2026, 11, 21};
  auto verdict = vuln::RunVuln(set, ctx);
  if (!verdict) return 0;
  core::Verdict v = std::move(*verdict);
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
