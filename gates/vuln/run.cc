#include "gates/vuln/run.h"

#include "gates/core/merge.h"
#include "gates/vuln/baseline.h"
#include "gates/vuln/licenses.h"

namespace secgate::vuln {

using core::Error;
using core::Result;

namespace {

Result<core::InputSummary> ReadOne(const std::string& path, const VulnConfig& config,
                                   std::vector<core::Finding>* findings,
                                   std::vector<std::string>* notes,
                                   std::vector<std::string>* not_gated) {
  auto in = core::InputFile::Open(path);
  if (!in) return in.error();
  core::InputFile& file = **in;
  file.set_max_bytes(config.max_input_size);
  const FormatInfo* format = config.forced;
  if (format && format->empty_is_clean && file.Head(1).empty() && !file.read_error()) {
    notes->push_back(file.path() + ": empty input read as a clean " + std::string(format->name) +
                     " run (--input-format)");
    return core::InputSummary{file.path(), std::string(format->name), 0, {}};
  }
  if (!format) {
    auto detected = DetectFormat(file);
    if (!detected) return detected.error();
    format = *detected;
  }
  ReaderOutput out;
  if (core::Status s = format->read(file, &out); !s) return s.error();
  core::InputSummary summary{file.path(), std::string(format->name),
                             static_cast<int>(out.findings.size()), out.skipped};
  for (auto& f : out.findings)
    if (f.input.empty()) f.input = file.path();
  // Findings are ~800 bytes each and stay until merge: hand the vector over
  // instead of growing a second one next to it (peak RSS on big reports).
  if (findings->empty()) {
    *findings = std::move(out.findings);
  } else {
    findings->reserve(findings->size() + out.findings.size());
    for (auto& f : out.findings) findings->push_back(std::move(f));
  }
  for (auto& n : out.notes) notes->push_back(std::move(n));
  for (auto& n : out.not_gated) not_gated->push_back(std::move(n));
  return summary;
}

}  // namespace

Result<core::Verdict> RunVuln(const VulnConfig& config, const core::RunContext& ctx) {
  if (config.inputs.empty()) return Error{"", "no report given (see --help)"};
  int stdin_count = 0;
  for (const auto& p : config.inputs) stdin_count += p == "-";
  if (stdin_count > 1) return Error{"-", "stdin can be read only once"};

  std::vector<core::Finding> findings;
  std::vector<core::InputSummary> inputs;
  std::vector<std::string> notes, not_gated;
  for (const auto& path : config.inputs) {
    auto summary = ReadOne(path, config, &findings, &notes, &not_gated);
    if (!summary) return summary.error();
    inputs.push_back(std::move(*summary));
  }
  if (core::Status s = JudgeLicenses(ctx.policy, &findings); !s) return s.error();
  core::EvaluateOptions options = core::EvaluateOptions::ForVuln(ctx.policy);
  auto baseline = LoadBaseline(ctx.policy, ctx.today);
  if (!baseline) return baseline.error();
  options.baseline = std::move(*baseline);
  if (ctx.policy.vuln.only_new)
    notes.push_back("vuln.only_new: " + std::to_string(options.baseline.size()) +
                    " baseline entries from " + ctx.policy.vuln.baseline);
  const int before = static_cast<int>(findings.size());
  std::vector<core::Finding> merged = core::MergeFindings(std::move(findings));
  core::Verdict v = core::Evaluate(std::move(merged), options, ctx.waivers, ctx.today);
  v.summary.findings_before_dedup = before;
  v.inputs = std::move(inputs);
  for (auto& n : notes) v.notes.push_back(std::move(n));
  for (const auto& n : not_gated) v.notes.push_back(n);
  v.not_gated = std::move(not_gated);
  return v;
}

}  // namespace secgate::vuln
