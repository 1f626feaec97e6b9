#include "gates/code/run.h"

#include "gates/code/judge.h"
#include "gates/code/readers/reader.h"

namespace secgate::code {

using core::Result;

Result<core::Verdict> RunCode(const core::InputSet& set, const core::RunContext& ctx) {
  const CodeFormat* forced = nullptr;
  if (!set.format.empty() && !(forced = FindCodeFormat(set.format)))
    return core::UnknownFormat(set.format, core::RowNames(CodeFormats()));
  core::Gathered all;
  auto inputs = core::ReadEach(set, "SARIF log or report", [&](core::InputFile& in) {
    return core::ReadWithRow<CodeReaderOutput>(in, forced, DetectCodeFormat, &all);
  });
  if (!inputs) return inputs.error();
  JudgeCode(ctx.policy.code, &all.findings);
  core::Verdict v = core::Evaluate(std::move(all.findings),
                                   core::EvaluateOptions::ForCode(ctx.policy), ctx.waivers,
                                   ctx.today);
  v.inputs = std::move(*inputs);
  all.MoveNotesTo(&v);
  return v;
}

}  // namespace secgate::code
