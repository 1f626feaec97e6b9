// The finding classes of a Trivy report besides vulnerabilities
// (docs/vuln.md, "Trivy reports: every class"):
//
//   Results[].Secrets[]   -> gate secrets, class secret (severity from Trivy)
//   Results[].Licenses[]  -> gate sbom, class license (severity from Trivy;
//                            secgate-vuln's license step may judge it by
//                            sbom.licenses: gates/vuln/licenses.h)
//
//   Results[].Misconfigurations[] -> gate code (secgate-code gates them;
//                            secgate-vuln says they are not gated there)
//
// A secret record's Match and Code are never read: Trivy redacts the cause
// line but prints its neighbours verbatim, so Code can hold other secrets.
// Only the redacted Match feeds the fingerprint, and nothing of it is kept.
//
//   auto f = ParseTrivySecret(record, "report.json:/Results/0/Secrets/1");
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "gates/core/error.h"
#include "gates/core/finding.h"

namespace secgate::vuln {

/// A record's Severity word on the scale. Trivy always writes one
/// ("UNKNOWN" when it has none, which the policy's unknown_as then
/// counts), so "" is the Error "<where>: missing Severity (Trivy always
/// writes one)" and a word the scale does not know "<where>/Severity:
/// unknown severity 'x'": an error, never a guess.
core::Result<core::Severity> TrivySeverity(const std::string& word, const std::string& where);

/// Members of a secret record that are materialised (Code is not).
const std::vector<std::string>& TrivySecretFields();
/// Members of a license record that are materialised.
const std::vector<std::string>& TrivyLicenseFields();

/// A secret finding without its location (trivy.cc fills target and path,
/// then calls FinishTrivySecret). `redacted_match` receives Trivy's Match.
core::Result<core::Finding> ParseTrivySecret(const nlohmann::json& v, const std::string& where,
                                             std::string* redacted_match);
/// Sets the fingerprint once the location is known: "secret:<rule>:" + 16
/// hex of SHA-256(target, path, Trivy's redacted match).
void FinishTrivySecret(core::Finding* f, const std::string& redacted_match);

/// Members of a misconfiguration record that are materialised.
const std::vector<std::string>& TrivyMisconfigurationFields();

/// A misconfiguration (gate code) without its location; nullopt for a
/// check that passed (Status PASS). EXCEPTION is kept, flagged as ignored
/// upstream (the policy's code.upstream_ignores decides).
core::Result<std::optional<core::Finding>> ParseTrivyMisconfiguration(const nlohmann::json& v,
                                                                      const std::string& where);
/// Sets path, target and fingerprint once the result's Target is known.
void FinishTrivyMisconfiguration(core::Finding* f, const std::string& target,
                                 const std::string& artifact);

/// A license finding (id = Trivy's license Name) without its target.
core::Result<core::Finding> ParseTrivyLicense(const nlohmann::json& v, const std::string& where);
/// Sets the fingerprint once the target is known.
void FinishTrivyLicense(core::Finding* f);

}  // namespace secgate::vuln
