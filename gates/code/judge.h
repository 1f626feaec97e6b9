// secgate-code's policy step before Evaluate: what the `code:` section says
// about each finding that the generic evaluation cannot know — the severity
// a SARIF level stands for (code.levels), per-rule overrides and ignores
// (code.rules), disabled tools (code.tools), excluded paths
// (code.paths.exclude) and baselineState (absent results and code.only_new).
// Ignored findings keep their place in the verdict with the reason; nothing
// is dropped.
//
//   JudgeCode(ctx.policy.code, &findings);
//   Verdict v = Evaluate(std::move(findings), EvaluateOptions::ForCode(policy), …);
#pragma once

#include <vector>

#include "gates/core/finding.h"
#include "gates/core/policy.h"

namespace secgate::code {

/// Sets severity (from the level, or a rule override) and ignore_reason.
void JudgeCode(const core::CodePolicy& policy, std::vector<core::Finding>* findings);

}  // namespace secgate::code
