// Shared wording for the reporters: how a finding is named, where it is,
// and the one-line sentence that SARIF messages, JUnit failures and GitHub
// annotations all show, so every format says the same thing. Plain text:
// the caller escapes for its format (escape.h).
//
// A secret is shown only as its redacted form (prefix, length and
// fingerprint); Finding never holds the value.
//
//   std::string m = DescribeFinding(v, e);
//   // "musl 1.1.20-r4 is vulnerable to CVE-2019-14697 (critical, CVSS 9.8); fixed in 1.1.20-r5"
#pragma once

#include <string>

#include "gates/core/verdict.h"

namespace secgate::core {

/// The file or target a finding is attached to, for SARIF locations,
/// annotations and tables: secrets use the file path; vulnerabilities the
/// manifest/lockfile path, else the scan target, else the input report;
/// SBOM findings the SBOM (input) path, else path, else target. "" if none.
std::string FindingPlace(const Finding& f);

/// "ghp_… (40 chars, fingerprint secret:github-pat:0123456789abcdef)", or ""
/// when the finding carries no secret.
std::string SecretLabel(const Finding& f);

/// A short title: "CVE-2019-14697 (critical) in musl@1.1.20-r4",
/// "Secret github-pat (high)", "GPL-3.0-only (high) in left-pad@1.0.0".
std::string FindingTitle(const EvaluatedFinding& e);

/// One sentence describing the finding and, when waived or below the
/// threshold, why it does not fail the run.
std::string DescribeFinding(const Verdict& v, const EvaluatedFinding& e);

/// "waived by jane@example.com until 2027-01-31 (SEC-1): reason".
std::string WaiverSentence(const Waiver& w);

/// The score SARIF security-severity uses: the CVSS score when known, else
/// RepresentativeScore of the reported severity (of the severity the policy
/// counted it as, when unknown), and never below 0.1 (GitHub's range).
double SecurityScore(const EvaluatedFinding& e);

/// "9.8" (one decimal, as SARIF security-severity and messages show it).
std::string FormatScore(double score);

/// "Vulnerabilities", "Secrets", "Licenses", "SBOM findings": section titles
/// of reports that group findings by class (ClassGroups).
std::string ClassTitle(FindingClass c);

/// ClassTitle in lower case, for running text ("secrets", "sbom findings").
std::string ClassWord(FindingClass c);

/// The threshold `e` was judged by: its class's own, else the verdict's.
Severity ThresholdOf(const Verdict& v, const EvaluatedFinding& e);

/// " (secrets: low)" when findings of a class were judged by a threshold
/// other than the verdict's (ThresholdOf), else "": appended to the
/// "at or above <fail_on>" headlines.
std::string OtherThresholds(const Verdict& v);

/// "pass", "fail" or "error".
std::string VerdictName(const Verdict& v);

}  // namespace secgate::core
