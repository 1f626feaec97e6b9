// `secgate-waivers diff`: what a pull request changes. From the JSON
// verdicts of its base and its head (any gates, several files each) every
// finding is new, fixed, still present, or changed disposition (a waiver
// expired, a finding newly waived); from git (`--git BASE..HEAD`) the
// waivers and ignores it adds or loosens. Rendered as text, JSON, or one
// Markdown pull-request comment within GitHub's 65,536-character limit.
//
//   auto d = CompareVerdicts(base_files, head_files);   // Error on mismatched gates
//   std::string md = RenderDiffMarkdown(report, {.summary_url = url});
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "gates/core/error.h"
#include "gates/core/exit_code.h"
#include "gates/core/policy.h"
#include "gates/waivers_tool/exemption_changes.h"
#include "gates/waivers_tool/results.h"

namespace secgate::waivers {

/// One finding, by gate and fingerprint, on either side.
struct DiffEntry {
  std::optional<ResultFinding> base, head;
  const ResultFinding& any() const { return head ? *head : *base; }
};

struct VerdictDiff {
  std::vector<DiffEntry> new_violations;  ///< Violating in head, absent from base.
  std::vector<DiffEntry> new_other;       ///< New in head but not violating (waived, below, ignored).
  std::vector<DiffEntry> fixed;           ///< In base, gone from head.
  std::vector<DiffEntry> changed;         ///< In both, another disposition.
  std::vector<DiffEntry> still_present;   ///< In both, same disposition.
  int head_violations = 0;                ///< Every violation in head, new or not.
};

/// Pairs findings by (gate, fingerprint). A gate with verdicts on one side
/// only is an Error (every finding would look new or fixed).
core::Result<VerdictDiff> CompareVerdicts(const std::vector<ResultFile>& base,
                                          const std::vector<ResultFile>& head);

/// What diff reports: either part may be absent.
struct DiffReport {
  std::optional<VerdictDiff> verdicts;
  std::optional<std::vector<ExemptionChange>> exemptions;
  std::string range;  ///< The --git range, when given.
  core::PrPolicy policy;
  int failing_exemptions() const;
  /// kFail on new violations (pr.fail_on: any: on any head violation) or on
  /// exemptions without a ticket under pr.exemptions: require_ticket.
  core::ExitCode exit_code() const;
};

/// The hidden marker the action finds its own comment by.
inline constexpr char kCommentMarker[] = "<!-- secgate-pr-comment -->";
/// GitHub's limit on a comment body, and the budget kept below it.
inline constexpr size_t kCommentLimit = 65536;
inline constexpr size_t kCommentBudget = 60000;

struct MarkdownOptions {
  std::string summary_url;  ///< Where the full report is (the run's step summary).
  size_t budget = kCommentBudget;
};

/// `title` opens the first line ("secgate-waivers diff: ❌ 2 new violations ...").
std::string RenderDiffText(const DiffReport& r, const std::string& title = "secgate-waivers diff");
std::string RenderDiffJson(const DiffReport& r);
std::string RenderDiffMarkdown(const DiffReport& r, const MarkdownOptions& o);

/// The diff subcommand's options.
struct DiffConfig {
  std::vector<std::string> base, head;  ///< --base / --head JSON verdicts.
  std::string git;                      ///< --git BASE..HEAD.
  std::string waivers;                  ///< --waivers: the waiver file in the repository.
  std::string format = "text";          ///< text, markdown, json.
  std::string output = "-";
  core::Policy policy;
  core::Date today;
};

core::ExitCode RunDiff(const DiffConfig& c, std::ostream& err);

}  // namespace secgate::waivers
