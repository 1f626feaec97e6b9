// The secgate-secrets engine run: build the rule pack from the policy, read
// the chosen source, turn matches into findings, evaluate. No CLI11 and no
// printing here: the CLI builds a SecretsConfig and prints what comes back.
#pragma once

#include <string>
#include <vector>

#include "gates/core/inputs.h"
#include "gates/core/run_context.h"
#include "gates/core/verdict.h"
#include "gates/secrets/sources/sources.h"

namespace secgate::secrets {

enum class Mode { kStaged, kRange, kSince, kHistory, kPaths, kStdin };

struct SecretsConfig {
  Mode mode = Mode::kPaths;
  std::string spec;                ///< --range A..B / --since REF.
  bool all_refs = false;           ///< --history --all.
  std::vector<std::string> paths;  ///< PATH... (kPaths).
  bool no_ignore = false;          ///< Ignore .gitignore (kPaths).
  int jobs = 2;                    ///< Worker threads (history, range, paths).
  std::string repo_dir = ".";      ///< Where git modes look for the repository.
  /// kStdin opens "-" with this (empty: the process's stdin); selftest and
  /// tests serve bytes from memory (core::MemoryOpener).
  core::InputOpener open;
  Shard shard;                     ///< --shard K/N (history, range, since).
};

/// Scans and evaluates. An Error for the first problem (bad rules, an
/// unreadable input, not a git repository, ...): the gate then exits 2.
/// `every_find`, when given, receives every find of the run (masked; in
/// commit modes also the later finds of a secret that the verdict reports
/// once), which is what --baseline-out turns into waivers.
core::Result<core::Verdict> RunSecrets(const SecretsConfig& config, const core::RunContext& ctx,
                                       std::vector<core::Finding>* every_find = nullptr);

}  // namespace secgate::secrets
