#include "gates/vuln/run.h"

#include "gates/core/merge.h"
#include "gates/vuln/baseline.h"
#include "gates/vuln/licenses.h"

namespace secgate::vuln {

using core::Error;
using core::Result;

namespace {

// A clean yarn 4 run writes nothing: named explicitly, an empty input is
// that run; anything else is read with its row.
Result<core::InputSummary> ReadOne(core::InputFile& file, const FormatInfo* format,
                                   core::Gathered* all) {
  if (format && format->empty_is_clean && file.Head(1).empty() && !file.read_error()) {
    all->notes.push_back(file.path() + ": empty input read as a clean " +
                         std::string(format->name) + " run (--input-format)");
    return core::InputSummary{file.path(), std::string(format->name), 0, {}};
  }
  return core::ReadWithRow<ReaderOutput>(file, format, DetectFormat, all);
}

}  // namespace

Result<core::Verdict> RunVuln(const core::InputSet& set, const core::RunContext& ctx) {
  const FormatInfo* forced = nullptr;
  if (!set.format.empty() && !(forced = FindFormat(set.format)))
    return core::UnknownFormat(set.format, core::RowNames(Formats()));
  core::Gathered all;
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
  all.MoveNotesTo(&v);
  return v;
}

}  // namespace secgate::vuln
