// Helpers for the secgate-waivers end-to-end tests: run the binary, run git
// with a chosen author and date, find programs on PATH, and write small
// secgate.verdict/v1 results files.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "tests/testing/run_process.h"

namespace secgate::testing {

/// Two GitHub-token-shaped synthetic values, assembled so that no source
/// file holds a literal token.
inline const std::string kTokenA = std::string("gh") + "p_" + "Q7vR2mX9kL4pW8nT3jH6sD1fG5bY0cZeA2uN";
inline const std::string kTokenB = std::string("gh") + "p_" + "M4tK8wP2xV6rB9nJ3hL7qS1dF5gC0yZaE8iU";

/// The date every test pins with --today.
inline constexpr const char* kToday = "2026-04-01";

/// Absolute path of `name` found on PATH; "" when absent.
std::string Which(const std::string& name);

/// Runs secgate-waivers with `args` in `cwd`.
ProcessResult Waivers(const std::vector<std::string>& args, const std::string& cwd = "");

/// Runs git in `dir` with a fixed author/committer and date; fails the test
/// on a non-zero exit.
void Git(const std::string& dir, const std::vector<std::string>& args,
         const std::string& name = "Test", const std::string& email = "test@example.com",
         const std::string& date = "2026-01-01T12:00:00+00:00");

/// One finding of a results file.
struct TestFinding {
  std::string id;
  std::string purl;       ///< "" = no package.
  std::string path;       ///< "" = no location path.
  std::string fingerprint;
};

/// A secgate.verdict/v1 JSON document for `gate` with these findings.
std::string VerdictJson(const std::string& gate, const std::vector<TestFinding>& findings);

/// One block-style waiver entry.
std::string Entry(const std::string& id, const std::string& owner, const std::string& created,
                  const std::string& expires, const std::string& reason = "reviewed",
                  const std::string& extra = "");

/// The real alpine 3.9 Trivy report (`before`) and the same report after an
/// upgrade of musl (`after`: the musl and musl-utils findings gone).
struct ImagePair {
  std::string before, after;
};
ImagePair AlpineMuslUpgrade();

/// Counts non-overlapping occurrences of `needle`.
int Count(const std::string& haystack, const std::string& needle);

}  // namespace secgate::testing
