// SARIF 2.1.0 (docs/code.md "How a SARIF result becomes a finding"), from any
// producer: every run of every log, streamed. A run's rules
// (tool.driver.rules, tool.extensions[].rules), artifacts and
// originalUriBaseIds may come after its results (several producers sort
// keys), so a result read before what it needs is kept in a compact form and
// resolved when the parse ends.
//
// Resolution is fail-closed: a result whose rule reference resolves to
// nothing, whose ruleIndex is out of range, or that has no location is kept
// as a finding with what is missing left UNKNOWN, never dropped. Levels,
// kinds and security-severity values outside the specification are errors.
#include <algorithm>
#include <memory>

#include "gates/code/readers/reader.h"
#include "gates/code/readers/sarif_model.h"
#include "gates/core/json_stream.h"

namespace secgate::code {

using core::Error;
using core::Result;
using core::Status;
using nlohmann::json;

namespace {

const std::vector<std::string> kTopKeys = {"version", "$schema", "runs",
                                           "inlineExternalProperties", "properties"};
const std::vector<std::string> kRunKeys = {
    "tool", "results", "invocations", "originalUriBaseIds", "artifacts", "conversion",
    "language", "versionControlProvenance", "automationDetails", "runAggregates",
    "baselineGuid", "redactionTokens", "defaultEncoding", "defaultSourceLanguage",
    "newlineSequences", "columnKind", "externalPropertyFileReferences", "threadFlowLocations",
    "taxonomies", "addresses", "translations", "policies", "webRequests", "webResponses",
    "specialLocations", "properties", "logicalLocations", "graphs"};
const std::vector<std::string> kResultKeys = {
    "ruleId", "ruleIndex", "rule", "kind", "level", "message", "locations", "analysisTarget",
    "webRequest", "webResponse", "fingerprints", "partialFingerprints", "codeFlows", "graphs",
    "graphTraversals", "stacks", "relatedLocations", "suppressions", "baselineState", "rank",
    "attachments", "hostedViewerUri", "workItemUris", "provenance", "fixes", "taxa",
    "occurrenceCount", "guid", "correlationGuid", "properties"};
// What a result record keeps (the rest is validated and skipped).
const std::vector<std::string> kResultFields = {
    "ruleId",   "ruleIndex", "rule",         "kind",        "level",
    "message",  "locations", "fingerprints", "partialFingerprints", "suppressions",
    "baselineState", "properties"};

struct Streamed {
  std::string name;             ///< The input's name, for errors.
  std::string version, schema;  ///< Top-level "version" and "$schema".
  std::vector<SarifRun> runs;   ///< By run index (grown as runs are seen).
  /// Results read before their run's tool or the location data they need.
  std::vector<PendingResult> pending;
  CodeReaderOutput* out = nullptr;

  SarifRun& Run(const std::string& pointer) {
    // "/runs/3/…" -> 3
    size_t start = 6, end = pointer.find('/', start);
    long idx = std::stol(pointer.substr(start, end - start));
    if (static_cast<size_t>(idx) >= runs.size()) runs.resize(idx + 1);
    runs[idx].index = static_cast<int>(idx);
    return runs[idx];
  }
};

void RegisterRunRecords(core::JsonStreamer& s, Streamed& st) {
  s.OnRecord("/runs/*/tool", [&](const std::string& p, json& v) -> Status {
    SarifRun& run = st.Run(p);
    return ReadTool(v, st.name + ":" + p, &run);
  });
  s.OnRecord("/runs/*/originalUriBaseIds", [&](const std::string& p, json& v) -> Status {
    return ReadUriBases(v, st.name + ":" + p, &st.Run(p));
  });
  s.OnRecord("/runs/*/artifacts/*/location", [&](const std::string& p, json& v) -> Status {
    SarifRun& run = st.Run(p);
    // "/runs/0/artifacts/12/location" -> artifact 12
    size_t end = p.rfind('/'), start = p.rfind('/', end - 1) + 1;
    size_t idx = std::stoul(p.substr(start, end - start));
    if (idx >= run.artifacts.size()) run.artifacts.resize(idx + 1);
    return ReadArtifactLocation(v, st.name + ":" + p, &run.artifacts[idx]);
  });
  s.OnRecord("/runs/*/invocations/*/executionSuccessful", [&](const std::string& p,
                                                              json& v) -> Status {
    if (!v.is_boolean())
      return Error{st.name + ":" + p, "expected boolean, got " + core::JsonTypeName(v)};
    if (!v.get<bool>()) st.Run(p).failed_invocations++;
    return core::Ok{};
  });
  s.OnRecord("/runs/*/invocations/*/toolExecutionNotifications/*",
             [&](const std::string& p, json& v) -> Status {
               return ReadNotification(v, st.name + ":" + p, &st.Run(p));
             }, {"level", "message"});
  s.OnRecord("/runs/*/results/*", [&](const std::string& p, json& v) -> Status {
    SarifRun& run = st.Run(p);
    run.results_seen++;
    auto pending = ReadResult(v, st.name + ":" + p, run.index);
    if (!pending) return pending.error();
    if (run.has_tool && LocationResolvable(*pending, run))
      return ResolveResult(*pending, run, st.out);
    st.pending.push_back(std::move(*pending));
    return core::Ok{};
  }, kResultFields);
}

void RegisterShape(core::JsonStreamer& s, Streamed& st) {
  s.KnownKeys("", kTopKeys);
  s.KnownKeys("/runs/*", kRunKeys);
  s.KnownKeys("/runs/*/results/*", kResultKeys);
  s.Expect("/runs", {core::JsonType::kArray});
  s.Expect("/runs/*", {core::JsonType::kObject});
  s.Expect("/runs/*/results", {core::JsonType::kArray});
  s.Expect("/runs/*/results/*", {core::JsonType::kObject});
  s.Expect("/runs/*/artifacts", {core::JsonType::kArray});
  s.Expect("/runs/*/invocations", {core::JsonType::kArray});
  s.Expect("/version", {core::JsonType::kString});
  s.Expect("/$schema", {core::JsonType::kString});
  s.OnRecord("/version", [&](const std::string&, json& v) -> Status {
    if (v.is_string()) st.version = v.get<std::string>();
    return core::Ok{};
  });
  s.OnRecord("/$schema", [&](const std::string&, json& v) -> Status {
    if (v.is_string()) st.schema = v.get<std::string>();
    return core::Ok{};
  });
}

// "version" must be 2.1.0; a log without one is read as 2.1.0 only when its
// $schema names the 2.1.0 schema (and the note says so).
Status CheckVersion(const Streamed& st) {
  if (!st.version.empty()) {
    if (st.version == "2.1.0") return core::Ok{};
    return Error{st.name + ":/version", "SARIF " + st.version +
                                            " is not supported (secgate-code reads SARIF 2.1.0)"};
  }
  if (st.schema.find("2.1.0") != std::string::npos) {
    st.out->notes.push_back(st.name + ": no \"version\"; read as SARIF 2.1.0 (its $schema)");
    return core::Ok{};
  }
  return Error{st.name, "not a SARIF 2.1.0 log: no \"version\" and no 2.1.0 $schema"};
}

Status Finish(Streamed& st) {
  if (Status s = CheckVersion(st); !s) return s;
  for (const SarifRun& run : st.runs) {
    const std::string where = st.name + ":/runs/" + std::to_string(run.index);
    if (!run.has_tool && run.results_seen > 0)
      return Error{where, "run without \"tool\" (SARIF requires tool.driver; results cannot be "
                          "attributed to a producer)"};
    if (run.tool_errors > 0)
      st.out->notes.push_back(where + ": " + run.tool_name + " reported " +
                              std::to_string(run.tool_errors) + " error" +
                              (run.tool_errors == 1 ? "" : "s") + " during its run (first: " +
                              run.first_tool_error + "); its findings may be incomplete");
    if (run.failed_invocations > 0)
      st.out->notes.push_back(where + ": " + run.tool_name +
                              " reports that its run did not complete "
                              "(invocations[].executionSuccessful: false); its findings may "
                              "be incomplete");
  }
  for (const PendingResult& r : st.pending)
    if (Status s = ResolveResult(r, st.runs[r.run], st.out); !s) return s;
  return core::Ok{};
}

}  // namespace

bool LooksLikeSarif(const core::FormatProbe& p) {
  if (!p.object() || !p.has("runs")) return false;
  return p.has("version") || p.str("/$schema").find("sarif") != std::string::npos;
}

Status ReadSarif(core::InputFile& in, CodeReaderOutput* out) {
  core::JsonStreamer s;
  Streamed st;
  st.name = in.path();
  st.out = out;
  RegisterShape(s, st);
  RegisterRunRecords(s, st);
  if (Status status = s.Parse(in); !status) return status;
  if (s.top_level_type() != core::JsonTopLevel::kObject || !s.HasTopLevelKey("runs"))
    return Error{st.name, "not a SARIF log: expected an object with \"runs\""};
  return Finish(st);
}

}  // namespace secgate::code
