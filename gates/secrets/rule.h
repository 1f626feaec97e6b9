// Secret rules and the rule pack: the validated form of the YAML files in
// policies/secrets/ (format: policies/secrets/README.md) plus a policy's
// extra packs, disabled ids and allowlist additions.
//
// Pipeline position: loaded once before scanning; the Matcher (matcher.h)
// compiles it. Validation happens here: an unknown key, a pattern RE2
// rejects, a rule without examples or a duplicate id is an Error naming the
// file and rule, never a silently weaker pack. Errors never quote example
// values (they may look like real secrets): they name the rule and index.
//
//   Result<std::vector<Rule>> r = ParseRuleFile(yaml, "extra.yaml");
//   Result<RulePack> pack = BuildRulePack(policy.secrets, policy.dir);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gates/core/error.h"
#include "gates/core/policy.h"
#include "gates/core/severity.h"

namespace secgate::secrets {

/// Most lines a rule's keywords (and composite parts) may be from the
/// secret's own line (Rule::window).
inline constexpr int kMaxWindow = 10;
/// Most parts a composite rule may require besides its secret.
inline constexpr size_t kMaxParts = 2;

/// A composite rule's other part (an id, a host, a user name): it must
/// match within Rule::window lines of the secret. Never part of the
/// fingerprint, never printed; the finding names it and its line.
struct RulePart {
  std::string name;   ///< "access key id".
  std::string regex;  ///< RE2 over one line.
};

/// Which rule wins when two find the same span on a line: a lower value
/// beats a higher one (Rule::precedence).
enum class Precedence {
  kProvider = 0,  ///< A provider's own token shape (the default).
  kContext = 1,   ///< A shape known only by a provider's name nearby (`window`).
  kGeneric = 2,   ///< Any secret-looking assignment.
};

/// One provider token shape.
struct Rule {
  std::string id;           ///< kebab-case, unique in the pack.
  std::string description;  ///< Shown as the finding's title.
  std::string provider;     ///< "GitHub".
  core::Severity severity = core::Severity::kHigh;
  std::vector<std::string> keywords;  ///< Literals, matched case-insensitively.
  std::string regex;                  ///< RE2 syntax.
  int secret_group = 1;               ///< Capture group of the secret; 0 = whole match.
  double entropy = 0;                 ///< Minimum Shannon entropy; 0 = no check.
  std::vector<std::string> allow;     ///< RE2 patterns over the secret.
  std::vector<std::string> paths;     ///< Globs; empty = every file.
  /// Context window: a keyword up to this many lines above or below the
  /// secret's line makes the rule run there (0: on the line itself). For
  /// prefix-less tokens known only by a provider's name nearby.
  int window = 0;
  /// Composite rule: each part must also match within `window` lines (on
  /// another span than the secret); without all of them, no finding.
  std::vector<RulePart> requires_parts;
  /// `precedence: provider|context|generic`; default provider, or context
  /// for a rule with a window.
  Precedence precedence = Precedence::kProvider;
  /// RE2 patterns over the secret: the provider's documented test/example
  /// keys. A match is a test key (Finding::test_key), checked after
  /// `allow` and before the stopwords and placeholders: never dropped.
  std::vector<std::string> test_keys;
  std::vector<std::string> examples_match;     ///< Each must produce this rule.
  std::vector<std::string> examples_no_match;  ///< None may produce this rule.
  std::vector<std::string> examples_test_key;  ///< Each must produce it as a test key.
  std::string source;                 ///< "file.yaml:12", for messages.
};

/// The global allowlist (policies/secrets/_allowlist.yaml + policy).
struct Allowlist {
  std::vector<std::string> paths;         ///< Globs never scanned.
  std::vector<std::string> stopwords;     ///< Lower-case; a secret containing one is ignored.
  std::vector<std::string> placeholders;  ///< RE2 over the whole secret.
  /// The policy's secrets.allowlist regexes (RE2). Unlike the entries above,
  /// a finding they match is kept and listed as allowlisted (SecretMatch::
  /// allowlisted), never dropped.
  std::vector<std::string> secret_regexes;  ///< Over the matched secret.
  std::vector<std::string> line_regexes;    ///< Over the whole line holding it.
};

struct RulePack {
  std::vector<Rule> rules;
  Allowlist allowlist;
  /// secrets.decode.depth: nested decodings rescanned (decode.h); 0 = none.
  int decode_depth = 2;
};

/// Parses and validates one rule file ({version: 1, rules: [...]}).
core::Result<std::vector<Rule>> ParseRuleFile(std::string_view yaml_text, const std::string& path);

/// Parses and validates an allowlist file ({version: 1, allowlist: {...}}).
core::Result<Allowlist> ParseAllowlistFile(std::string_view yaml_text, const std::string& path);

/// Error{where, "<what>: invalid RE2 pattern: <why>"} unless RE2 compiles
/// `pattern`; sets *groups to its capture group count when given.
core::Status CheckRegex(const std::string& pattern, const std::string& where,
                        const std::string& what, int* groups = nullptr);

/// Error when two rules share an id ("<source>: duplicate rule id 'x' (first at <source>)").
core::Status CheckUniqueIds(const std::vector<Rule>& rules);

/// The pack compiled into the binary (policies/secrets/*.yaml at build time).
const RulePack& BuiltinPack();

/// Built-in pack (unless replace_rules) + `policy.rules` files (relative to
/// `policy_dir`), minus `policy.disable`, with the policy's allow_paths and
/// stopwords added to the allowlist. An unknown disabled id is an Error.
core::Result<RulePack> BuildRulePack(const core::SecretsPolicy& policy,
                                     const std::string& policy_dir);
/// Same, over an explicit base pack (tests).
core::Result<RulePack> BuildRulePack(const core::SecretsPolicy& policy,
                                     const std::string& policy_dir, const RulePack& base);

/// Compact encoding of a pack, used to embed the built-in pack (no YAML
/// parsing at start-up). Decode(Encode(p)) == p.
std::string EncodePack(const RulePack& pack);
core::Result<RulePack> DecodePack(std::string_view data);

}  // namespace secgate::secrets
