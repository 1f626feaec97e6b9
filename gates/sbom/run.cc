#include "gates/sbom/run.h"

#include <algorithm>

namespace secgate::sbom {

using core::Error;
using core::Result;

namespace {

Result<core::InputSummary> ReadOne(const std::string& path, const SbomConfig& config,
                                   const SbomRules& rules, std::vector<core::Finding>* findings,
                                   std::vector<std::string>* notes) {
  auto in = core::InputFile::Open(path);
  if (!in) return in.error();
  core::InputFile& file = **in;
  file.set_max_bytes(config.max_input_size);
  const SbomFormat* format = config.forced;
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

Result<core::Verdict> RunSbom(const SbomConfig& config, const core::RunContext& ctx) {
  if (config.inputs.empty()) return Error{"", "no SBOM given (see --help)"};
  int stdin_count = 0;
  for (const auto& p : config.inputs) stdin_count += p == "-";
  if (stdin_count > 1) return Error{"-", "stdin can be read only once"};
  auto rules = CompileRules(ctx.policy.sbom);
  if (!rules) return Error{ctx.policy.source + ": " + rules.error().where, rules.error().message};

  std::vector<core::Finding> findings;
  std::vector<core::InputSummary> inputs;
  std::vector<std::string> notes;
  for (const auto& path : config.inputs) {
    auto summary = ReadOne(path, config, *rules, &findings, &notes);
    if (!summary) return summary.error();
    inputs.push_back(std::move(*summary));
  }
  core::Verdict v = core::Evaluate(std::move(findings), core::EvaluateOptions::ForSbom(ctx.policy),
                                   ctx.waivers, ctx.today);
  v.inputs = std::move(inputs);
  for (auto& n : notes) v.notes.push_back(std::move(n));
  return v;
}

}  // namespace secgate::sbom
