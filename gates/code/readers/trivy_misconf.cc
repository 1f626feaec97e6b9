// Trivy JSON for secgate-code: the report is read by the one Trivy reader
// (gates/vuln/readers/trivy.cc), which turns Results[].Misconfigurations[]
// into code findings (FAIL gated, EXCEPTION flagged as ignored upstream,
// PASS counted). The report's other classes are gated by secgate-vuln: they
// are counted here and named in the verdict, never silently dropped.
#include "gates/code/readers/reader.h"
#include "gates/vuln/readers/reader.h"

namespace secgate::code {

namespace {

// "3 vulnerabilities, 1 secret": the classes secgate-vuln gates.
std::string OtherClasses(const vuln::ReaderOutput& v) {
  int vulns = 0, secrets = 0, licenses = 0;
  for (const auto& f : v.findings) {
    switch (core::ClassOf(f)) {
      case core::FindingClass::kSecret: ++secrets; break;
      case core::FindingClass::kLicense: ++licenses; break;
      default: ++vulns;
    }
  }
  std::string out;
  auto add = [&out](int n, const char* one, const char* many) {
    if (n == 0) return;
    out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + (n == 1 ? one : many);
  };
  add(vulns, "vulnerability", "vulnerabilities");
  add(secrets, "secret", "secrets");
  add(licenses, "license", "licenses");
  return out;
}

}  // namespace

bool LooksLikeTrivyReport(const core::FormatProbe& p) { return vuln::LooksLikeTrivy(p); }

core::Status ReadTrivyMisconfigurations(core::InputFile& in, CodeReaderOutput* out) {
  vuln::ReaderOutput v;
  if (core::Status s = vuln::ReadTrivy(in, &v); !s) return s;
  const int listed = static_cast<int>(v.code_findings.size());
  for (auto& f : v.code_findings) out->findings.push_back(std::move(f));
  if (v.passed_misconfigurations > 0) out->skipped["passed"] += v.passed_misconfigurations;
  if (v.unlisted_misconfigurations > 0)
    out->notes.push_back(in.path() + ": MisconfSummary counts " +
                         std::to_string(v.unlisted_misconfigurations) +
                         " more failures than the report lists; the " + std::to_string(listed) +
                         " listed are gated (Trivy writes such summaries for `trivy k8s`)");
  if (std::string other = OtherClasses(v); !other.empty())
    out->not_gated.push_back(in.path() + ": " + other + " not gated here: run secgate-vuln");
  return core::Ok{};
}

}  // namespace secgate::code
