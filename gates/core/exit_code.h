// Exit codes shared by every gate (docs/exit-codes.md). The only place
// that defines them: gates return these from main and nothing else.
#pragma once

namespace secgate::core {

enum class ExitCode : int {
  kPass = 0,   ///< Nothing unwaived at or above the threshold.
  kFail = 1,   ///< At least one violation.
  kError = 2,  ///< Bad usage or input. Fail closed: an error is never a pass.
};

/// Combines two outcomes: any error wins, then any failure.
constexpr ExitCode Worst(ExitCode a, ExitCode b) {
  return static_cast<int>(a) > static_cast<int>(b) ? a : b;
}

constexpr int ToInt(ExitCode c) { return static_cast<int>(c); }

}  // namespace secgate::core
