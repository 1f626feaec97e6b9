// Builders for the reporter tests: findings, waivers and verdicts made by
// the real core::Evaluate, so reporters are tested on verdicts shaped like
// the ones gates produce.
//
//   Verdict v = MakeVerdict({VulnFinding("CVE-1", "lodash", "4.17.4", Severity::kHigh)});
#pragma once

#include <string>
#include <vector>

#include "gates/core/fingerprint.h"
#include "gates/core/verdict.h"

namespace secgate::core::testing {

inline Date Day(const char* text) { return *ParseDate(text); }

inline Finding VulnFinding(const std::string& id, const std::string& pkg,
                           const std::string& version, Severity s, double score = 0) {
  Finding f;
  f.gate = Gate::kVuln;
  f.id = id;
  f.severity = s;
  f.score = score;
  f.package = {pkg, version, "npm", "pkg:npm/" + pkg + "@" + version};
  f.fixed_versions = {"9.9.9"};
  f.location.target = "package-lock.json";
  f.location.path = "web/package-lock.json";
  f.title = "Problem in " + pkg;
  f.url = "https://example.com/advisories/" + id;
  f.sources = {"trivy"};
  f.input = "trivy.json";
  f.fingerprint = VulnFingerprint(f);
  return f;
}

/// A secret finding as the secrets gate builds it: only the redacted form.
inline Finding SecretFinding(const std::string& rule, const std::string& path, int line) {
  Finding f;
  f.gate = Gate::kSecrets;
  f.id = rule;
  f.severity = Severity::kHigh;
  f.location.path = path;
  f.location.line = line;
  f.secret.prefix = "ghp_";
  f.secret.length = 40;
  f.fingerprint = "secret:" + rule + ":0123456789abcdef";
  f.input = "staged";
  return f;
}

inline Waiver MakeWaiver(const std::string& id, const std::string& reason, const char* expires,
                         Gate gate = Gate::kVuln) {
  Waiver w;
  w.id = id;
  w.gate = gate;
  w.reason = reason;
  w.owner = "jane@example.com";
  w.ticket = "SEC-1";
  w.created = Day("2026-01-01");
  w.expires = Day(expires);
  w.line = 3;
  return w;
}

inline Verdict MakeVerdict(std::vector<Finding> findings, std::vector<Waiver> waivers = {},
                           Gate gate = Gate::kVuln, Severity fail_on = Severity::kHigh) {
  EvaluateOptions o;
  o.gate = gate;
  o.fail_on = fail_on;
  WaiverFile file;
  file.waivers = std::move(waivers);
  file.source = "secgate-waivers.yaml";
  Verdict v = Evaluate(std::move(findings), o, file, Day("2026-01-10"));
  v.tool = gate == Gate::kSecrets ? "secgate-secrets" : "secgate-vuln";
  v.version = "0.1.0";
  return v;
}

}  // namespace secgate::core::testing
