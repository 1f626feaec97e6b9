// Helpers for the hostile-input tests: run a gate with bounded time, build
// Trivy reports around hostile values, and stream huge inputs without
// holding them in memory.
//
//   ProcessResult r = RunGate("secgate-vuln", dir, {"-"}, {.stdin_generator = HugeTrivyReport(1 << 30)});
//   EXPECT_LT(r.peak_rss_kb, kBoundedRssKb);
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "tests/testing/run_process.h"

namespace secgate::hostile {

/// Peak resident memory a gate may use on any input in these tests: 100 MB,
/// in the units of ProcessResult::peak_rss_kb. Under AddressSanitizer
/// (shadow memory, quarantine) the bound is 300 MB. ru_maxrss also counts
/// the forked copy of this test process before exec, so tests keep their own
/// memory small while a gate runs.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr long kBoundedRssKb = 300 * 1024;
#else
inline constexpr long kBoundedRssKb = 100 * 1024;
#endif

/// Runs a built gate with `args` in `dir` ("--color never" and a pinned
/// --today are added for secgate-vuln/sbom). Defaults to a 120 s timeout.
testing::ProcessResult RunGate(const std::string& gate, const testing::TempDir& dir,
                               std::vector<std::string> args, testing::ProcessOptions o = {});

/// JSON string literal for `s` (quotes included; control bytes as \u00XX).
std::string JsonString(const std::string& s);

/// A one-vulnerability Trivy report (schema 2) with the given fields; the
/// vulnerability is CRITICAL so the default policy fails on it (exit 1).
struct TrivyVuln {
  std::string id = "CVE-2024-0001";
  std::string pkg = "openssl";
  std::string version = "1.0.0";
  std::string title = "A critical bug";
  std::string target = "alpine:3.19 (alpine 3.19.0)";
  std::string pkg_path;  ///< Optional PkgPath (a lockfile path).
  std::string severity = "CRITICAL";
};
std::string TrivyReport(const std::vector<TrivyVuln>& vulns);

/// A generator for ProcessOptions::stdin_generator: a valid Trivy report of
/// about `bytes` bytes, almost all of it a Packages list the gate does not
/// gate on, followed by one CRITICAL vulnerability (so reading it to the end
/// is observable: exit 1).
std::function<std::string()> HugeTrivyReport(size_t bytes);

/// A generator that yields `prefix`, then `filler` repeated until `bytes`
/// bytes in total, then `suffix`.
std::function<std::string()> Streamed(std::string prefix, std::string filler, size_t bytes,
                                      std::string suffix);

/// Nesting `depth` levels deep: open * depth + middle + close * depth.
std::string Nested(const std::string& open, const std::string& middle, const std::string& close,
                   size_t depth);

/// Absolute path of `name` found on $PATH; "" when it is not there.
std::string FindProgram(const std::string& name);

/// Files directly or indirectly under `dir`, relative to it, sorted.
std::vector<std::string> ListFiles(const std::string& dir);

}  // namespace secgate::hostile
