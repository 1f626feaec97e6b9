// Policy: the validated form of secgate.yaml (docs/policy.md).
//
// Pipeline position: loaded once by a gate's CLI, passed to Evaluate() and
// the gate's engine. Validation happens here: an unknown key, a wrong type or
// an unknown severity is an Error naming the file and line, so a typo can
// never silently weaken a gate. Every key is one row of a table in
// policy.cc (its parser, how it merges, how it may be tightened, how it
// prints); key lists, `extends:` merging, `locked:` checks and
// --print-policy all walk that table.
//
//   Result<Policy> p = ParsePolicy(yaml_text, "secgate.yaml", ReadConfigFile);
//   Policy d = DefaultPolicy();   // what a gate uses without a file
//   std::string s = PrintPolicy(*p);  // every key, its value and where it came from
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gates/core/error.h"
#include "gates/core/severity.h"

namespace secgate::core {

struct VulnPolicy {
  /// Findings at or above this severity fail. Default: high.
  Severity fail_on = Severity::kHigh;
  /// How a finding with no usable severity counts. Default: high.
  /// nullopt means "ignore" (the finding is listed as ignored, never silent).
  std::optional<Severity> unknown_as = Severity::kHigh;
  /// Ignore findings with no known fixed version. Default: false.
  bool ignore_unfixed = false;
  /// Ignore npm/yarn/pnpm dev-only dependencies where the input says so.
  bool ignore_dev = false;
  /// "reported" (default), "max", or a source name such as "nvd", "ghsa".
  std::string severity_source = "reported";
  /// Tolerated violation counts per severity (e.g. medium: 20). Default: none.
  std::map<Severity, int> limits;
  /// Fail only on findings not in `baseline` (a waiver file). Default: false.
  bool only_new = false;
  /// Baseline waiver file for only_new, relative to the policy file.
  std::string baseline;
  /// Trust VEX statements (CycloneDX analysis.state) in inputs. Default: true.
  bool trust_vex = true;
  /// upstream_ignores: honour (default) or deny what the scanner itself
  /// ignored (Grype ignoredMatches, npm 6 muted); EvaluateOptions.
  bool honour_upstream_ignores = true;
};

struct SecretsPolicy {
  /// Findings at or above this severity fail. Default: low (every secret).
  Severity fail_on = Severity::kLow;
  /// Extra rule pack files (YAML), relative to the policy file.
  std::vector<std::string> rules;
  /// When true, `rules` replace the built-in pack instead of adding to it.
  bool replace_rules = false;
  /// Rule ids to disable.
  std::vector<std::string> disable;
  /// Path globs never scanned (in addition to the pack's allowlist).
  std::vector<std::string> allow_paths;
  /// Extra stopwords: a candidate containing one is not a secret.
  std::vector<std::string> stopwords;
  /// Files larger than this are scanned in chunks (git modes: whole, not
  /// diffed), or skipped and counted with skip_large_files. Default: 10 MB.
  long long max_file_size = 10LL * 1024 * 1024;
  /// Skip files over max_file_size instead of scanning them. Default: false.
  bool skip_large_files = false;
  /// Providers' documented test/example keys: "report" (default: shown,
  /// below threshold), "fail" (counted like any secret) or "ignore"
  /// (disposition ignored, still listed).
  std::string test_keys = "report";
  /// secrets.allowlist: findings these match are listed with disposition
  /// ignored ("allowlisted by ..."), never dropped.
  /// Commit ids (lower-case hex, 7 to 40 characters: a full id or a prefix).
  std::vector<std::string> allowlist_commits;
  /// RE2 over the matched secret.
  std::vector<std::string> allowlist_secret_regexes;
  /// RE2 over the whole line holding the secret.
  std::vector<std::string> allowlist_line_regexes;
  /// secrets.decode.depth: how many nested decodings (base64, hex, percent,
  /// escapes) are rescanned; 0 disables decoding. Default 2, at most 4.
  int decode_depth = 2;
  /// "file:line" of secrets.allowlist, for messages about it.
  std::string allowlist_where;
};

struct SbomPolicy {
  std::vector<std::string> licenses_allow;  ///< SPDX ids; empty = no allowlist.
  std::vector<std::string> licenses_deny;   ///< SPDX ids.
  /// Missing, NOASSERTION or unparseable licenses: "fail", "warn" (default), "pass".
  std::string licenses_unknown = "warn";
  std::vector<std::string> banned;          ///< purls with optional version ranges.
  std::vector<std::string> require_component;  ///< name, version, purl, supplier, license, hashes
  std::vector<std::string> require_document;   ///< timestamp, author
  /// Findings at or above this severity fail. Default: low (every finding).
  Severity fail_on = Severity::kLow;
};

/// code.tools.<tool>: one producing tool's overrides (the tool named as its
/// SARIF driver name or "trivy", compared case-insensitively).
struct CodeToolPolicy {
  std::optional<Severity> fail_on;  ///< Replaces code.fail_on for this tool's findings.
  bool disable = false;             ///< Its findings are listed as ignored, never gated.
};

/// code.rules.<rule id>: a severity override or an ignore with its reason.
struct CodeRulePolicy {
  std::optional<Severity> severity;  ///< Replaces whatever the producer said.
  bool ignore = false;               ///< Listed as ignored, with `reason`.
  std::string reason;                ///< Required with ignore.
  std::string where;                 ///< "secgate.yaml:12", for messages.
};

struct CodePolicy {
  /// Findings at or above this severity fail. Default: high (SARIF "error").
  Severity fail_on = Severity::kHigh;
  /// How a finding with no usable severity counts. Default: high.
  std::optional<Severity> unknown_as = Severity::kHigh;
  /// code.levels: the severity each SARIF level stands for when the result
  /// has no security-severity; nullopt = not a finding (listed as ignored).
  std::optional<Severity> level_error = Severity::kHigh;
  std::optional<Severity> level_warning = Severity::kMedium;
  std::optional<Severity> level_note = Severity::kLow;
  std::optional<Severity> level_none;
  /// Lower-cased tool name -> overrides.
  std::map<std::string, CodeToolPolicy> tools;
  /// Rule id (exact, as the tool spells it) -> override.
  std::map<std::string, CodeRulePolicy> rules;
  /// code.paths.exclude: path globs whose findings are listed as ignored.
  std::vector<std::string> paths_exclude;
  /// Tolerated violation counts per severity. Default: none.
  std::map<Severity, int> limits;
  /// Fail only on results whose SARIF baselineState is new (or absent). Default: false.
  bool only_new = false;
  /// upstream_ignores: honour (default) or deny the producer's own
  /// suppressions (SARIF suppressions[], Trivy EXCEPTION).
  bool honour_upstream_ignores = true;
};

struct WaiverPolicy {
  /// Longest allowed span from created to expires. Default: 90 days.
  int max_days = 90;
  /// A waiver expiring within this many days warns. Default: 14.
  int expiring_days = 14;
  /// Allow wildcard ids ("*") and scopes that match everything. Default: false.
  bool allow_wildcards = false;
  /// Require a ticket on every waiver. Default: false.
  bool require_ticket = false;
};

/// pr: how `secgate-waivers diff` judges a pull request.
struct PrPolicy {
  /// pr.fail_on: "new" (default: exit 1 on new violations) or "any" (also
  /// on violations still present from the base).
  bool fail_on_any = false;
  /// pr.exemptions: "report" (default: list exemption changes) or
  /// "require_ticket" (an exemption added or changed without a ticket fails).
  bool exemptions_need_ticket = false;
};

/// A policy file an effective policy was built from (`extends:`).
struct PolicyBase {
  std::string source;  ///< Path as resolved, or "preset:NAME".
  std::string sha256;  ///< Hash of its bytes.
};

/// A `locked:` entry: a key (or section) later files may only tighten.
struct PolicyLock {
  std::string key;    ///< "vuln.fail_on" or a section such as "sbom.licenses".
  std::string where;  ///< "base.yaml:9", where it was locked.
};

struct Policy {
  VulnPolicy vuln;
  SecretsPolicy secrets;
  SbomPolicy sbom;
  CodePolicy code;
  WaiverPolicy waivers;
  PrPolicy pr;
  std::string source;  ///< The file it came from, or "built-in defaults".
  std::string sha256;  ///< Hash of the file's bytes; empty for defaults.
  std::string dir;     ///< Directory of the file, for relative paths inside it.
  /// Files it extends, in the order applied (bases of bases first).
  std::vector<PolicyBase> bases;
  /// Key ("vuln.fail_on") -> "file:line" of the file that set it last (for
  /// lists: every file that added entries). Keys not here are defaults.
  std::map<std::string, std::string> origins;
  std::vector<PolicyLock> locks;
};

Policy DefaultPolicy();

/// Reads a file named by `extends:` (a path as written, resolved against the
/// extending file's directory). Without one, only presets can be extended.
using PolicyFileReader = std::function<Result<std::string>(const std::string& path)>;

/// Deepest chain of `extends:` (a file, its base, the base's base, ...).
inline constexpr int kMaxExtendsDepth = 8;

/// Parses and validates policy YAML. `path` is used in error messages and to
/// resolve `extends:` paths, which `read` reads; a shipped preset is named by
/// its bare name (`extends: internal-service`). Merge: a scalar the later
/// file sets wins, lists are unioned, sections merge key by key. A key a
/// base locked may only be tightened; a loosening is an Error naming both
/// files and lines. Cycles and chains deeper than kMaxExtendsDepth are Errors.
Result<Policy> ParsePolicy(std::string_view yaml_text, const std::string& path,
                           const PolicyFileReader& read = nullptr);

/// The shipped presets extends: may name ("default", "internal-service", ...).
std::vector<std::string> PolicyPresetNames();

/// The `locked:` entry covering `key`, or nullptr.
const PolicyLock* FindLock(const Policy& p, std::string_view key);

/// --fail-on: sets every gate's fail_on to `sev` (origin "--fail-on"). A
/// fail_on a base locked may only be lowered: raising it is an Error at
/// "--fail-on" naming the lock (a workflow file is as much the PR's).
Status OverrideFailOn(Policy& p, Severity sev);

/// The effective policy, one key per line with its value and origin
/// ("vuln.fail_on: medium  # org/base.yaml:3"), for --print-policy.
std::string PrintPolicy(const Policy& p);

}  // namespace secgate::core
