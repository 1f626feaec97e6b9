// Finding: one normalised record of something a gate found (a vulnerability
// in a package, a secret in a file, a license or component problem in an
// SBOM). Readers produce findings; merge, policy and reporters consume them.
//
// Pipeline: readers -> [Finding] -> MergeFindings -> Evaluate -> Verdict.
//
// A secret's value is never stored here: secret findings carry a
// RedactedSecret (first characters, length and hash) built by the secrets
// engine, so no reporter can print the value even by mistake.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gates/core/severity.h"

namespace secgate::core {

enum class Gate { kVuln, kSecrets, kSbom, kCode };
/// Every gate, in the order lists show them.
inline constexpr Gate kAllGates[] = {Gate::kVuln, Gate::kSecrets, Gate::kSbom, Gate::kCode};

/// What kind of problem a finding is. Reports group findings by class when a
/// verdict holds a class other than its gate's own (a Trivy report read by
/// secgate-vuln yields vulnerabilities, secrets and licenses).
enum class FindingClass { kVulnerability, kSecret, kLicense, kSbom, kCode };

/// "vuln", "secrets", "sbom", "code".
std::string_view GateName(Gate g);
/// "vuln, secrets, sbom or code": every gate's name, for "expected …" errors.
std::string GateNames();
/// Inverse of GateName; false for any other word.
bool ParseGate(std::string_view word, Gate* out);

struct Package {
  std::string name;       ///< As the ecosystem spells it ("@scope/pkg", "openssl").
  std::string version;    ///< Installed version; empty when the input has none.
  std::string ecosystem;  ///< "npm", "pypi", "alpine", ...; lower-case; may be empty.
  std::string purl;       ///< Full purl when known (may include qualifiers).
};

struct Location {
  std::string target;  ///< Scan target: image name, lockfile, SBOM, "staged".
  std::string path;    ///< File path (repo-relative when known) or dependency path.
  int line = 0;        ///< 1-based; 0 when unknown.
  std::string commit;  ///< Git commit id (secrets in git modes).
  std::string author;  ///< Commit author (secrets in git modes).
  std::string date;    ///< Commit date, ISO 8601 (secrets in git modes).
};

/// What a reporter may show of a secret: never the value itself.
struct RedactedSecret {
  std::string prefix;  ///< At most the first 4 characters of the secret.
  size_t length = 0;   ///< Length of the secret in bytes.
  bool present() const { return length > 0; }
};

/// A severity as one source rated it (Trivy VendorSeverity, Grype
/// relatedVulnerabilities, CycloneDX ratings[]).
struct SeverityRating {
  std::string source;  ///< "nvd", "ghsa", "debian", ... lower-case.
  Severity severity = Severity::kUnknown;
  double score = 0;    ///< CVSS base score; 0 when unknown.
};

/// A code scanner's rule as its producer described it (a SARIF
/// reportingDescriptor, a Trivy check): shared by every finding of the rule
/// and kept so reports can carry the producer's metadata (SARIF output keeps
/// help URI and tags, so code scanning shows the same rule).
struct CodeRule {
  std::string tool;          ///< The producing tool (SARIF driver name: "CodeQL").
  std::string tool_version;  ///< driver.semanticVersion or .version.
  std::string tool_uri;      ///< driver.informationUri.
  std::string id;            ///< The rule id as the tool spells it.
  std::string name;          ///< reportingDescriptor.name.
  std::string description;   ///< shortDescription.text (else fullDescription).
  std::string help_uri;
  std::vector<std::string> tags;  ///< properties.tags ("security", "CWE-79").
};

/// What a code finding (secgate-code) knows besides the common fields.
struct CodeDetail {
  /// The rule the result names; null when the reference resolves to nothing
  /// (then `rule_problem` says why and the finding keeps UNKNOWN fields).
  std::shared_ptr<const CodeRule> rule;
  std::string rule_problem;    ///< "ruleIndex 7 is out of range (3 rules)".
  std::string level;           ///< error, warning, note, none: as resolved.
  /// Where the severity came from: "security-severity", "level",
  /// "rule level" (defaultConfiguration), "SARIF default", "trivy".
  std::string severity_from;
  std::string kind = "fail";   ///< SARIF result.kind.
  std::string baseline_state;  ///< new, unchanged, updated, absent; "" when not given.
};

struct Finding {
  Gate gate = Gate::kVuln;
  std::string id;                    ///< CVE/GHSA/rule id/license id.
  std::vector<std::string> aliases;  ///< Other ids for the same issue (merged on).
  /// Vendor advisories that cover this issue among others (RHSA, DSA, USN):
  /// waivers may name them, but merge never treats them as aliases.
  std::vector<std::string> related;
  Severity severity = Severity::kUnknown;  ///< As reported (before policy).
  std::string severity_source;       ///< Where `severity` came from ("nvd", "trivy").
  double score = 0;                  ///< CVSS base score when known, else 0.
  std::vector<SeverityRating> ratings;  ///< Every source's rating, when several.
  Package package;
  std::vector<std::string> fixed_versions;
  Location location;
  std::string title;
  std::string url;
  std::string message;               ///< Gate-specific detail (license explanation).
  std::vector<std::string> sources;  ///< Tools that reported it ("trivy", "grype").
  std::string fingerprint;           ///< Stable id: see fingerprint.h.
  RedactedSecret secret;             ///< Secrets gate only.
  /// Secrets: a provider's documented test/example key (rule test_keys);
  /// how it counts is the policy's secrets.test_keys.
  bool test_key = false;
  /// Secrets: the policy allowlist entry that matched
  /// ("secrets.allowlist.commits[0]"); the finding is then ignored, listed.
  std::string allowlisted;
  /// Secrets: the decodings the value was found under, outermost first
  /// ("base64", "base64>percent"); empty when found as written. The
  /// location is the encoded text's line.
  std::string decoded;
  bool dev_only = false;             ///< Only reachable through dev dependencies.
  std::string vex_state;             ///< CycloneDX analysis.state, if any.
  std::string vex_justification;     ///< CycloneDX analysis.justification.
  std::string input;                 ///< The input file it was read from.
  /// The scanner itself suppressed it (Grype ignoredMatches, npm 6 `muted`):
  /// "grype: <its ignore rule>". The policy decides what that means
  /// (EvaluateOptions::honour_upstream_ignores); readers never drop it.
  std::string upstream_ignore;
  /// Shown but never failing, with this reason ("warning only (…)"): a
  /// policy said `warn` for the check that made it (sbom.licenses.unknown).
  std::string warn_only;
  /// Set by a reader when its class is not the gate's own (see ClassOf).
  std::optional<FindingClass> cls;
  /// Set by an engine's policy step before Evaluate: the finding is ignored
  /// by policy with this reason ("allowed by sbom.licenses"), never dropped.
  std::string ignore_reason;
  /// Code findings only (gate code); null for every other gate.
  std::shared_ptr<const CodeDetail> code;
};

/// The finding's class: `cls` when set, else its gate's own class
/// (vuln: vulnerability, secrets: secret, sbom: sbom).
FindingClass ClassOf(const Finding& f);
/// The class a gate's own findings have.
FindingClass NativeClass(Gate g);
/// "vulnerability", "secret", "license", "sbom", "code".
std::string_view ClassName(FindingClass c);

/// Appends `more` to `*all` (an engine gathering its readers' findings),
/// handing the vector over when `*all` is empty: a Finding is about 1 KB, and
/// a second vector grown next to a reader's doubles the peak on big inputs.
void AppendFindings(std::vector<Finding>&& more, std::vector<Finding>* all);

}  // namespace secgate::core
