#include "gates/vuln/licenses.h"

#include <unordered_map>

#include "gates/core/strings.h"
#include "gates/sbom/license_policy.h"

namespace secgate::vuln {

using core::Finding;
using core::Severity;

namespace {

struct Judged {
  std::vector<sbom::LicenseProblem> fails;
  std::vector<std::string> unknown;
};

std::string Joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

void ApplyJudgement(const Judged& j, const std::string& unknown_rule, Finding* f) {
  if (!j.fails.empty()) {
    const std::string trivy_name = f->id;
    std::vector<std::string> why;
    f->aliases.clear();
    for (const auto& p : j.fails) {
      why.push_back(p.explanation);
      for (const auto& id : p.ids)
        if (id != j.fails[0].ids[0]) f->aliases.push_back(id);
    }
    f->id = j.fails[0].ids[0];
    if (!core::EqualsIgnoreCase(trivy_name, f->id)) f->aliases.push_back(trivy_name);
    f->severity = Severity::kHigh;
    f->severity_source = "sbom.licenses";
    f->title = "License not allowed";
    f->message = Joined(why);
  } else if (!j.unknown.empty()) {
    f->message = "license unknown to sbom.licenses: " + Joined(j.unknown);
    if (unknown_rule == "fail") {
      f->severity = Severity::kHigh;
      f->severity_source = "sbom.licenses";
    } else if (unknown_rule == "pass") {
      f->ignore_reason = "unknown license (sbom.licenses.unknown: pass)";
    }  // warn: Trivy's own severity, under vuln.fail_on
  } else {
    f->ignore_reason = "allowed by sbom.licenses";
  }
}

}  // namespace

core::Status JudgeLicenses(const core::Policy& policy, std::vector<Finding>* findings) {
  const core::SbomPolicy& p = policy.sbom;
  if (p.licenses_allow.empty() && p.licenses_deny.empty()) return core::Ok{};
  auto compiled = sbom::CompileLicensePolicy(p.licenses_allow, p.licenses_deny);
  if (!compiled)
    return core::Error{policy.source + ": " + compiled.error().where, compiled.error().message};
  // An image repeats a handful of license names over many packages: judge
  // each name once.
  std::unordered_map<std::string, Judged> cache;
  for (Finding& f : *findings) {
    if (core::ClassOf(f) != core::FindingClass::kLicense) continue;
    auto it = cache.find(f.id);
    if (it == cache.end()) {
      Judged j;
      sbom::JudgeLicenseText(f.id, false, *compiled, &j.fails, &j.unknown);
      it = cache.emplace(f.id, std::move(j)).first;
    }
    ApplyJudgement(it->second, p.licenses_unknown, &f);
  }
  return core::Ok{};
}

}  // namespace secgate::vuln
