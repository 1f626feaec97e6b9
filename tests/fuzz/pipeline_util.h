// Shared by the pipeline fuzz targets (vuln_pipeline_fuzz, code_sarif_fuzz):
// the fuzzer's bytes as the one input of an engine (through the injected
// in-memory opener, as the CLI's files are), the default policy without
// waivers, and every listed reporter on the verdict, checking what reporters
// promise about hostile data from a report (package names, titles, rule
// messages and paths are chosen by whoever wrote the scanned code or the
// report): text output carries no terminal control bytes, every line of
// GitHub output is one workflow command of the kinds secgate writes, the
// JSON and SARIF reports parse.
//
//   auto verdict = code::RunCode(fuzz::OneInput("fuzz.sarif", data, size), fuzz::DefaultRun());
//   if (verdict) secgate::fuzz::CheckEveryReporter(*verdict);
#pragma once

#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "gates/core/inputs.h"
#include "gates/core/policy.h"
#include "gates/core/report/reporter.h"
#include "gates/core/run_context.h"
#include "gates/core/verdict.h"
#include "gates/core/waiver.h"
#include "tests/fuzz/fuzz_util.h"

namespace secgate::fuzz {

/// The bytes as the only input, `name`, served from memory.
inline core::InputSet OneInput(const std::string& name, const uint8_t* data, size_t size) {
  core::InputSet set;
  set.paths = {name};
  set.open = core::MemoryOpener({{name, std::string(AsText(data, size))}});
  return set;
}

/// The default policy, no waivers, a fixed today.
inline core::RunContext DefaultRun() {
  core::RunContext ctx;
  ctx.policy = core::DefaultPolicy();
  ctx.waivers.source = "none";
  ctx.today = core::Date{2026, 11, 21};
  return ctx;
}

inline void CheckText(const std::string& out) {
  for (unsigned char c : out)
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
      Fail("control byte " + std::to_string(c) + " in text output");
}

inline void CheckGithub(const std::string& out) {
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    if (line.find('\r') != std::string::npos) Fail("CR in GitHub output");
    bool command = line.rfind("::error", 0) == 0 || line.rfind("::warning", 0) == 0 ||
                   line.rfind("::notice", 0) == 0;
    if (!command) Fail("GitHub output line is not a secgate command: " + line);
    // Data after the second "::" is escaped; the properties never hold "::".
    size_t end = line.find("::", 2);
    if (end == std::string::npos) Fail("unterminated workflow command");
  }
}

/// Writes `v` with every format core::ReportFormats() lists and checks each.
inline void CheckEveryReporter(const core::Verdict& v) {
  for (const std::string& name : core::ReportFormats()) {
    auto reporter = core::MakeReporter(name, core::ReportOptions{});
    if (!reporter) Fail("listed report format has no reporter: " + name);
    std::ostringstream os;
    (*reporter)->Write(v, os);
    const std::string text = os.str();
    if (name == "text") CheckText(text);
    if (name == "github") CheckGithub(text);
    if (name == "json" && !nlohmann::json::accept(text)) Fail("JSON report does not parse");
    if (name == "sarif" && !nlohmann::json::accept(text)) Fail("SARIF report does not parse");
  }
}

}  // namespace secgate::fuzz
