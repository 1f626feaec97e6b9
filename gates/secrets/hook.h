// `secgate-secrets install-hook`: a plain git pre-commit hook that runs
// `secgate-secrets --staged`. An existing hook that secgate did not write
// is kept unless --force; secgate's own hook is recognised and updated.
#pragma once

#include <string>

#include "gates/core/error.h"

namespace secgate::secrets {

/// First line after the shebang of every hook secgate writes.
inline constexpr const char* kHookMarker = "# Installed by secgate-secrets install-hook.";

/// The hook script running `exe`.
std::string HookScript(const std::string& exe);

/// Writes <git dir>/hooks/pre-commit for the repository around `dir`.
/// Returns the hook's path.
core::Result<std::string> InstallHook(const std::string& dir, const std::string& exe, bool force);

}  // namespace secgate::secrets
