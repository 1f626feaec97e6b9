// secgate-code readers: SARIF 2.1.0 from any producer, and the
// misconfigurations of a Trivy JSON report. A reader turns one input into
// code findings (gate code) and knows nothing of policy: severities it
// cannot know without the policy (a SARIF level) stay kUnknown with the
// level in Finding::code, for the engine's policy step (judge.h). Unknown or
// malformed input is an Error, never "zero findings".
//
//   CodeReaderOutput out;
//   Status s = ReadSarif(*input_file, &out);
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "gates/core/error.h"
#include "gates/core/finding.h"
#include "gates/core/format_probe.h"
#include "gates/core/io.h"

namespace secgate::code {

struct CodeReaderOutput {
  std::vector<core::Finding> findings;
  /// Read but not findings: "passed": 12 (SARIF kind pass/notApplicable,
  /// Trivy PASS), "runs": 2 …
  std::map<std::string, int> skipped;
  std::vector<std::string> notes;
  /// Classes another gate gates ("r.json: 3 vulnerabilities not gated here:
  /// run secgate-vuln"): every report shows them.
  std::vector<std::string> not_gated;
};

using CodeReadFn = core::Status (*)(core::InputFile& in, CodeReaderOutput* out);

/// One row of the format table (detect_format.cc), in detection order.
/// Adding a producer format is its reader file (Read… and LooksLike…), one
/// row in CodeFormats() and one line in gates/code/CMakeLists.txt.
struct CodeFormat {
  std::string_view name;  ///< --input-format: "sarif", "trivy".
  CodeReadFn read;
  core::SniffFn sniff;
};

/// Every format, in detection order.
const std::vector<CodeFormat>& CodeFormats();
/// The format named `name`, or nullptr.
const CodeFormat* FindCodeFormat(std::string_view name);
/// Detects the format from the first MiB. SARIF 1.x and other versions are
/// refused by name; anything else is "not a SARIF 2.1.0 log or Trivy report".
core::Result<const CodeFormat*> DetectCodeFormat(core::InputFile& in);

/// A top-level object with "runs" and a SARIF "version" or "$schema".
bool LooksLikeSarif(const core::FormatProbe& p);
/// SARIF 2.1.0 (sarif.cc).
core::Status ReadSarif(core::InputFile& in, CodeReaderOutput* out);
/// Trivy JSON: Results[].Misconfigurations[] (trivy_misconf.cc).
core::Status ReadTrivyMisconfigurations(core::InputFile& in, CodeReaderOutput* out);
/// A Trivy report (the vuln gate's sniff).
bool LooksLikeTrivyReport(const core::FormatProbe& p);

}  // namespace secgate::code
