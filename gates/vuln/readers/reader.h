// Vulnerability readers: one per scanner format. A reader turns one input
// into findings and knows nothing of policy or output. Unknown or malformed
// input is an Error, never "zero findings".
//
//   ReaderOutput out;
//   Status s = ReadTrivy(*input_file, &out);
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "gates/core/error.h"
#include "gates/core/finding.h"
#include "gates/core/io.h"

namespace secgate::vuln {

struct ReaderOutput {
  std::vector<core::Finding> findings;
  /// Things read but not gated here: "misconfigurations": 3, "secrets": 1 ...
  std::map<std::string, int> skipped;
  std::vector<std::string> notes;  ///< "pip-audit skipped 2 packages: …"
};

using ReadFn = core::Status (*)(core::InputFile& in, ReaderOutput* out);

struct FormatInfo {
  std::string_view name;  ///< Value of --input-format ("trivy", "grype", …).
  ReadFn read;
  /// True when a clean run of the tool writes nothing at all (yarn 4), so an
  /// empty input is a pass when the format is named explicitly.
  bool empty_is_clean = false;
};

/// Every supported format, in detection order.
const std::vector<FormatInfo>& Formats();
/// The format named `name`, or nullptr.
const FormatInfo* FindFormat(std::string_view name);

/// Detects the format from the first bytes of the input (it reads ahead
/// without consuming). Error "<file>: not a recognised scanner report (…)"
/// when nothing matches, "<file>: file is empty" for an empty input.
core::Result<const FormatInfo*> DetectFormat(core::InputFile& in);

// One function per format (one file each).
core::Status ReadTrivy(core::InputFile& in, ReaderOutput* out);

}  // namespace secgate::vuln
