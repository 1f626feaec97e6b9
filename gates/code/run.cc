#include "gates/code/run.h"

#include "gates/code/judge.h"
#include "gates/code/readers/reader.h"

namespace secgate::code {

using core::Result;

namespace {

struct Gathered {
  std::vector<core::Finding> findings;
  std::vector<std::string> notes, not_gated;
};

Result<core::InputSummary> ReadOne(core::InputFile& file, const CodeFormat* format,
                                   Gathered* all) {
  if (!format) {
    auto detected = DetectCodeFormat(file);
    if (!detected) return detected.error();
    format = *detected;
  }
  CodeReaderOutput out;
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

Result<core::Verdict> RunCode(const core::InputSet& set, const core::RunContext& ctx) {
  const CodeFormat* forced = nullptr;
  if (!set.format.empty() && !(forced = FindCodeFormat(set.format)))
    return core::UnknownFormat(set.format, core::RowNames(CodeFormats()));
  Gathered all;
  auto inputs = core::ReadEach(set, "SARIF log or report", [&](core::InputFile& in) {
    return ReadOne(in, forced, &all);
  });
  if (!inputs) return inputs.error();
  JudgeCode(ctx.policy.code, &all.findings);
  core::Verdict v = core::Evaluate(std::move(all.findings),
                                   core::EvaluateOptions::ForCode(ctx.policy), ctx.waivers,
                                   ctx.today);
  v.inputs = std::move(*inputs);
  for (auto& n : all.notes) v.notes.push_back(std::move(n));
  for (const auto& n : all.not_gated) v.notes.push_back(n);
  v.not_gated = std::move(all.not_gated);
  return v;
}

}  // namespace secgate::code
