#include "gates/vuln/run.h"

#include "gates/core/merge.h"
#include "gates/vuln/baseline.h"
#include "gates/vuln/licenses.h"

namespace secgate::vuln {

using core::Error;
using core::Result;

namespace {

// What the reports held besides findings, gathered over all inputs.
struct Gathered {
  std::vector<core::Finding> findings;
  std::vector<std::string> notes, not_gated;
};

Result<core::InputSummary> ReadOne(core::InputFile& file, const FormatInfo* format,
                                   Gathered* all) {
  if (format && format->empty_is_clean && file.Head(1).empty() && !file.read_error()) {
    all->notes.push_back(file.path() + ": empty input read as a clean " +
                         std::string(format->name) + " run (--input-format)");
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
  core::AppendFindings(std::move(out.findings), &all->findings);
  for (auto& n : out.notes) all->notes.push_back(std::move(n));
  for (auto& n : out.not_gated) all->not_gated.push_back(std::move(n));
  return summary;
}

}  // namespace

Result<core::Verdict> RunVuln(const core::InputSet& set, const core::RunContext& ctx) {
  const FormatInfo* forced = nullptr;
  if (!set.format.empty() && !(forced = FindFormat(set.format)))
    return core::UnknownFormat(set.format, core::RowNames(Formats()));
  Gathered all;
  auto inputs = core::ReadEach(set, "report", [&](core::InputFile& in) {
    return ReadOne(in, forced, &all);
  });
  if (!inputs) return inputs.error();
  std::vector<core::Finding>& findings = all.findings;
  std::vector<std::string>& notes = all.notes;
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
  v.inputs = std::move(*inputs);
  for (auto& n : notes) v.notes.push_back(std::move(n));
  for (const auto& n : all.not_gated) v.notes.push_back(n);
  v.not_gated = std::move(all.not_gated);
  return v;
}

}  // namespace secgate::vuln
