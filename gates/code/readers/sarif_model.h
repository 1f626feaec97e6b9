// The parts of a SARIF 2.1.0 run secgate-code resolves results against
// (sarif.cc streams them in): the producer's rules, the URI base ids and
// artifacts, and each result read into a compact form. ResolveResult turns
// one result into a finding, in the order docs/code.md gives:
//
//   rule      rule.index (in rule.toolComponent or the driver), else
//             ruleIndex, else rule.id / ruleId looked up in the driver and
//             every extension (a hierarchical id "a/b" falls back to "a")
//   severity  security-severity (result, else rule) by CVSS bands, else
//             result.level, else none when kind is not fail (SARIF
//             3.27.10), else the rule's defaultConfiguration.level, else
//             warning; a level becomes a severity in the engine (code.levels)
//   identity  tool, rule, path relative to the repository (uriBaseId
//             resolved through originalUriBaseIds), line, message;
//             fingerprint from partialFingerprints/fingerprints, else from
//             tool + rule + path + the normalised snippet (or message)
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "gates/code/readers/reader.h"
#include "gates/core/error.h"
#include "gates/core/finding.h"

namespace secgate::code {

/// A rule as the run describes it, with what resolution needs.
struct SarifRule {
  std::shared_ptr<core::CodeRule> meta;
  std::string default_level;                 ///< defaultConfiguration.level; "" = absent.
  std::optional<core::Severity> security;    ///< properties.security-severity.
  std::map<std::string, std::string> messages;  ///< messageStrings id -> text.
};

/// A tool component (the driver or one extension): its rules in order.
struct SarifComponent {
  std::string name;
  std::vector<SarifRule> rules;
  std::unordered_map<std::string, size_t> by_id;  ///< Rule id -> index (the first of a repeated id).
};

struct ArtifactUri {
  std::string uri;
  std::string base;  ///< uriBaseId.
};

struct SarifRun {
  int index = 0;
  bool has_tool = false;
  std::string tool_name, tool_version, tool_uri;
  SarifComponent driver;
  std::vector<SarifComponent> extensions;
  std::map<std::string, ArtifactUri> bases;  ///< originalUriBaseIds.
  bool bases_seen = false;                   ///< originalUriBaseIds has been read.
  std::vector<ArtifactUri> artifacts;        ///< artifacts[].location, by index.
  int results_seen = 0;
  int failed_invocations = 0;
  int tool_errors = 0;             ///< toolExecutionNotifications at level error.
  std::string first_tool_error;    ///< The first one's message.
};

/// A result as read, before its run's rules are known.
struct PendingResult {
  int run = 0;
  std::string where;  ///< "<file>:/runs/0/results/7", for errors.
  std::string rule_id;          ///< rule.id, else ruleId.
  long rule_index = -1;         ///< rule.index, else ruleIndex.
  long component_index = -1;    ///< rule.toolComponent.index; -1 = the driver.
  std::string component_name;   ///< rule.toolComponent.name.
  std::string level, kind;
  std::optional<core::Severity> security;  ///< properties.security-severity.
  std::string message, message_id;
  std::vector<std::string> message_args;
  ArtifactUri location;
  long artifact_index = -1;
  int line = 0;
  bool has_location = false;
  std::string snippet;
  std::string fingerprint_basis;  ///< "k=v\n…" of (partial)fingerprints, sorted.
  std::string suppression;        ///< Justification of an accepted suppression.
  bool suppressed = false;
  std::string baseline_state;
};

/// tool: driver name, version and rules; extensions and theirs. Error for
/// a tool without a driver name.
core::Status ReadTool(const nlohmann::json& tool, const std::string& where, SarifRun* run);
/// originalUriBaseIds: id -> {uri, uriBaseId}.
core::Status ReadUriBases(const nlohmann::json& v, const std::string& where, SarifRun* run);
/// One artifacts[].location.
core::Status ReadArtifactLocation(const nlohmann::json& v, const std::string& where,
                                  ArtifactUri* out);
/// One invocations[].toolExecutionNotifications[] entry: errors are counted.
core::Status ReadNotification(const nlohmann::json& v, const std::string& where, SarifRun* run);
/// One result, checked (level, kind, baselineState, security-severity) and
/// reduced to what resolution needs.
core::Result<PendingResult> ReadResult(const nlohmann::json& v, const std::string& where,
                                       int run);
/// Whether `r`'s path can be resolved from what has been read of its run:
/// false while the artifact it points at, or the originalUriBaseIds its base
/// id or file: URI needs, may still follow in the document (JSON member order
/// is free: Trivy writes originalUriBaseIds after its results).
bool LocationResolvable(const PendingResult& r, const SarifRun& run);
/// Resolves `r` against its run and appends the finding to `out` (or counts
/// it as passed: kind pass / notApplicable).
core::Status ResolveResult(const PendingResult& r, const SarifRun& run, CodeReaderOutput* out);

/// A security-severity value: a number or numeric string 0-10 (CVSS bands;
/// 0 counts as low), or a severity word. Error for anything else.
core::Result<core::Severity> ParseSecuritySeverity(const nlohmann::json& v,
                                                   const std::string& where);

/// Longest message kept (bytes; longer texts are cut at a UTF-8 boundary).
inline constexpr size_t kMaxMessageBytes = 4096;

}  // namespace secgate::code
