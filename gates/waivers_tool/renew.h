// `secgate-waivers renew ID --until DATE --reason TEXT [--by OWNER]`: extends
// one waiver in place. The new expiry must lie after the current one, not in
// the past, and within waivers.max_days of the renewal date (today). The
// entry gains a `renewed:` item {date, from, until, reason[, by]}; the rest
// of the file — comments, order, other entries — is left byte for byte.
// Any refusal is exit 2 with the reason; the file is then untouched.
#pragma once

#include <iosfwd>
#include <string>

#include "gates/core/date.h"
#include "gates/core/error.h"
#include "gates/core/exit_code.h"
#include "gates/core/policy.h"

namespace secgate::waivers {

struct RenewConfig {
  std::string waivers = "secgate-waivers.yaml";  ///< --waivers: edited in place.
  std::string id;                                ///< Waiver id (case-insensitive).
  std::string gate;                              ///< --gate: disambiguates; "" = any.
  int line = 0;                                  ///< --line: disambiguates; 0 = any.
  std::string until;                             ///< --until YYYY-MM-DD (required).
  std::string reason;                            ///< --reason (required).
  std::string by;                                ///< --by; "" = not recorded.
  core::Policy policy;
  core::Date today;
};

/// The file's new text. Errors say why the renewal is refused.
core::Result<std::string> RenewText(const std::string& text, const RenewConfig& config);

/// Renews and rewrites the file; prints what changed to `err`.
core::ExitCode RunRenew(const RenewConfig& config, std::ostream& err);

}  // namespace secgate::waivers
