#include "gates/sbom/run.h"

#include <algorithm>

namespace secgate::sbom {

using core::Error;
using core::Result;

namespace {

Result<core::InputSummary> ReadOne(core::InputFile& file, const SbomFormat* format,
                                   const SbomRules& rules, std::vector<core::Finding>* findings,
                                   std::vector<std::string>* notes) {
  if (!format) {
    auto detected = DetectSbomFormat(file);
    if (!detected) return detected.error();
    format = *detected;
  }
  SbomDocument doc;
  if (core::Status s = format->read(file, &doc); !s) return s.error();
  std::vector<core::Finding> found = CheckDocument(doc, file.path(), rules);
  std::string version = doc.spec_version;  // "SPDX-2.3" -> "2.3"
  if (version.rfind("SPDX-", 0) == 0) version.erase(0, 5);
  core::InputSummary summary{file.path(), doc.format + " " + version,
                             static_cast<int>(found.size()), {}};
  if (doc.vulnerabilities > 0) {
    summary.skipped["vulnerabilities"] = doc.vulnerabilities;
    notes->push_back(file.path() + ": " + std::to_string(doc.vulnerabilities) +
                     " vulnerabilities not gated here; pass the file to secgate-vuln");
  }
  if (doc.duplicate_refs > 0) summary.skipped["duplicate bom-refs"] = doc.duplicate_refs;
  notes->push_back(file.path() + ": " + std::to_string(doc.components.size()) + " components");
  for (auto& f : found) findings->push_back(std::move(f));
  return summary;
}

}  // namespace

Result<core::Verdict> RunSbom(const core::InputSet& set, const core::RunContext& ctx) {
  const SbomFormat* forced = nullptr;
  if (!set.format.empty() && !(forced = FindSbomFormat(set.format)))
    return core::UnknownFormat(set.format, core::RowNames(SbomFormats()));
  auto rules = CompileRules(ctx.policy.sbom);
  if (!rules) return Error{ctx.policy.source + ": " + rules.error().where, rules.error().message};

  std::vector<core::Finding> findings;
  std::vector<std::string> notes;
  auto inputs = core::ReadEach(set, "SBOM", [&](core::InputFile& in) {
    return ReadOne(in, forced, *rules, &findings, &notes);
  });
  if (!inputs) return inputs.error();
  core::Verdict v = core::Evaluate(std::move(findings), core::EvaluateOptions::ForSbom(ctx.policy),
                                   ctx.waivers, ctx.today);
  v.inputs = std::move(*inputs);
  for (auto& n : notes) v.notes.push_back(std::move(n));
  return v;
}

}  // namespace secgate::sbom
