// Verdict: the pure decision a gate makes from findings, policy, waivers and
// today's date. Reporters render it; they decide nothing.
//
//   Verdict v = Evaluate(findings, options, waivers, today);
//   return v.exit_code;   // kPass or kFail
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "gates/core/date.h"
#include "gates/core/exit_code.h"
#include "gates/core/finding.h"
#include "gates/core/policy.h"
#include "gates/core/waiver.h"

namespace secgate::core {

enum class Disposition { kViolation, kWaived, kBelowThreshold, kIgnored };
/// "violation", "waived", "below_threshold", "ignored".
std::string_view DispositionName(Disposition d);

struct EvaluatedFinding {
  Finding finding;
  Disposition disposition = Disposition::kViolation;
  /// Severity the policy used (unknown mapped through unknown_as).
  Severity effective_severity = Severity::kUnknown;
  bool severity_assumed = false;  ///< Unknown severity counted as unknown_as.
  int waiver = -1;                ///< Index into Verdict::waivers when waived.
  int expired_waiver = -1;        ///< A matching waiver that has expired.
  std::string reason;             ///< Why ignored/below threshold, when not obvious.
  /// The threshold this finding was judged by when its class has its own
  /// (EvaluateOptions::class_fail_on); else Verdict::fail_on applies.
  std::optional<Severity> fail_on;
};

enum class WaiverStatus { kActive, kExpiringSoon, kExpired, kUnused, kInvalid };
/// "active", "expiring", "expired", "unused", "invalid".
std::string_view WaiverStatusName(WaiverStatus s);

struct WaiverDiagnostic {
  Waiver waiver;
  WaiverStatus status = WaiverStatus::kActive;
  long days_left = 0;  ///< expires - today; negative once expired.
  int matches = 0;     ///< Findings it waived (or would have, if expired).
};

/// One input file and what was read from it.
struct InputSummary {
  std::string path;
  std::string format;       ///< "trivy", "grype", ...
  int findings = 0;         ///< Findings read (before dedup).
  std::map<std::string, int> skipped;  ///< "misconfigurations": 3, "binary files": 2 ...
};

struct Summary {
  int findings = 0;  ///< After dedup.
  int violations = 0, waived = 0, below_threshold = 0, ignored = 0;
  int findings_before_dedup = 0;
  std::map<Severity, int> by_severity;  ///< Every finding, whatever its disposition.
  std::map<FindingClass, int> by_class;  ///< Every finding, by ClassOf.
};

struct Verdict {
  std::string tool;      ///< "secgate-vuln".
  std::string version;   ///< "0.1.0".
  Gate gate = Gate::kVuln;
  Date today;
  Severity fail_on = Severity::kHigh;
  std::vector<EvaluatedFinding> findings;  ///< Worst first.
  std::vector<WaiverDiagnostic> waivers;   ///< This gate's waivers.
  std::vector<InputSummary> inputs;
  std::vector<std::string> notes;          ///< "no policy file: built-in defaults".
  /// Classes an input held that another gate gates, one sentence each; also
  /// in `notes`. SARIF and JUnit, which print no notes, show these.
  std::vector<std::string> not_gated;
  std::string policy_source, policy_sha256, waivers_source, waivers_sha256;
  std::vector<PolicyBase> policy_bases;  ///< What the policy extends (JSON policy.extends).
  Summary summary;
  ExitCode exit_code = ExitCode::kPass;
  std::string error;  ///< Set (and exit_code kError) when the run failed.
};

/// What Evaluate needs from the policy, independent of the gate.
struct EvaluateOptions {
  Gate gate = Gate::kVuln;
  Severity fail_on = Severity::kHigh;
  std::optional<Severity> unknown_as = Severity::kHigh;
  bool ignore_unfixed = false;
  bool ignore_dev = false;
  bool trust_vex = true;
  std::map<Severity, int> limits;
  std::string severity_source = "reported";
  /// secrets.test_keys: how a Finding::test_key counts ("report", "fail", "ignore").
  std::string test_keys = "report";
  int expiring_days = 14;
  /// vuln.only_new: entries of the baseline file. A finding one of them
  /// matches (by id/alias and scopes; dates ignored) and that no active
  /// waiver covers is pre-existing: disposition ignored, reason "in
  /// baseline". Empty = no baseline. Not filled by ForVuln (the gate loads
  /// the file).
  std::vector<Waiver> baseline;
  /// <gate>.upstream_ignores: honour (true, the default) makes a finding the
  /// scanner suppressed (Finding::upstream_ignore) ignored, with the
  /// scanner's reason; deny (false) gates it like any other finding, so only
  /// secgate waivers, which have owners and expiries, exempt anything.
  bool honour_upstream_ignores = true;
  /// Thresholds for classes that do not follow `fail_on` (secgate-vuln:
  /// a Trivy report's secrets follow secrets.fail_on). Absent = fail_on.
  std::map<FindingClass, Severity> class_fail_on;
  /// Gates other than `gate` whose waivers also apply here, to findings of
  /// that gate (secgate-vuln: a Trivy report's secrets are waived by
  /// `gate: secrets` waivers). Such a waiver is listed in the verdict only
  /// when it matches a finding of this run: elsewhere it is not "unused".
  std::vector<Gate> other_waiver_gates;
  /// secgate-code: code.tools.<tool>.fail_on, by lower-cased tool name
  /// (CodeRule::tool); replaces fail_on for that tool's findings.
  std::map<std::string, Severity> tool_fail_on;

  static EvaluateOptions ForVuln(const Policy& p);
  static EvaluateOptions ForSecrets(const Policy& p);
  static EvaluateOptions ForSbom(const Policy& p);
  static EvaluateOptions ForCode(const Policy& p);
};

/// Gives each finding a disposition, diagnoses this gate's waivers, counts,
/// sorts worst first and sets exit_code. Pure: no clock, no I/O.
Verdict Evaluate(std::vector<Finding> findings, const EvaluateOptions& options,
                 const WaiverFile& waivers, const Date& today);

/// The classes reports group findings by, in report order (vulnerability,
/// secret, license, sbom), when the verdict holds a class other than its
/// gate's own; empty otherwise (a single-class verdict is not grouped).
std::vector<FindingClass> ClassGroups(const Verdict& v);

/// True when `a` sorts before `b` in "worst first" order.
bool WorseFirst(const EvaluatedFinding& a, const EvaluatedFinding& b);

}  // namespace secgate::core
