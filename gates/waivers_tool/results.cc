#include "gates/waivers_tool/results.h"

#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "gates/core/io.h"
#include "gates/core/json_stream.h"
#include "gates/core/verdict.h"

namespace secgate::waivers {

using core::Error;
using core::Result;
using core::Status;
using nlohmann::json;

namespace {

using Members = std::initializer_list<std::pair<const char*, std::string*>>;

// The object at j[key] (nullptr when absent or null), its string members
// read in order into their places.
Result<const json*> ReadObject(const json& j, const char* key, const std::string& where,
                               Members members) {
  SECGATE_ASSIGN_OR_RETURN(const json* obj, core::GetObject(j, key, where));
  for (const auto& [member, out] : members) {
    if (!obj) break;
    SECGATE_ASSIGN_OR_RETURN(*out, core::GetString(*obj, member, where + "/" + key));
  }
  return obj;
}

// A waiver a finding names (waiver, expired_waiver); absent or null leaves
// `out` empty.
Status ReadWaiverRef(const json& j, const char* key, const std::string& where, WaiverRef* out) {
  SECGATE_RETURN_IF_ERROR(ReadObject(j, key, where, {{"id", &out->id}, {"owner", &out->owner},
                                                     {"ticket", &out->ticket},
                                                     {"expires", &out->expires}}));
  return core::Ok{};
}

// A disposition the verdict may write ("" when it omits it).
Status CheckDisposition(const std::string& d, const std::string& where) {
  const core::Disposition kinds[] = {core::Disposition::kViolation, core::Disposition::kWaived,
                                     core::Disposition::kBelowThreshold, core::Disposition::kIgnored};
  bool known = std::any_of(std::begin(kinds), std::end(kinds),
                           [&d](core::Disposition k) { return core::DispositionName(k) == d; });
  if (!d.empty() && !known)
    return Error{where + "/disposition",
                 "unknown disposition '" + d + "' (expected violation, waived, below_threshold or ignored)"};
  return core::Ok{};
}

// The id (required), the other ids, the texts and the disposition.
Status ReadIdentity(const json& j, const std::string& where, ResultFinding* out) {
  core::Finding& f = out->finding;
  SECGATE_ASSIGN_OR_RETURN(f.id, core::GetString(j, "id", where));
  if (f.id.empty()) return Error{where + "/id", "missing finding id"};
  SECGATE_ASSIGN_OR_RETURN(f.aliases, core::GetStringArray(j, "aliases", where));
  SECGATE_ASSIGN_OR_RETURN(f.related, core::GetStringArray(j, "related", where));
  SECGATE_ASSIGN_OR_RETURN(f.sources, core::GetStringArray(j, "sources", where));
  SECGATE_ASSIGN_OR_RETURN(f.fingerprint, core::GetString(j, "fingerprint", where));
  SECGATE_ASSIGN_OR_RETURN(f.title, core::GetString(j, "title", where));
  SECGATE_ASSIGN_OR_RETURN(out->disposition, core::GetString(j, "disposition", where));
  return CheckDisposition(out->disposition, where);
}

// The severity as reported, and as counted (counted_as, when the gate's
// policy mapped it); a word the scale does not know leaves the default.
Status ReadSeverity(const json& j, const std::string& where, ResultFinding* out) {
  SECGATE_ASSIGN_OR_RETURN(std::string severity, core::GetString(j, "severity", where));
  SECGATE_ASSIGN_OR_RETURN(std::string counted_as, core::GetString(j, "counted_as", where));
  if (!severity.empty()) {
    if (auto s = core::ParseSeverityWord(severity)) out->finding.severity = *s;
  }
  out->effective_severity = counted_as.empty() ? severity : counted_as;
  return core::Ok{};
}

Status ReadPackage(const json& j, const std::string& where, core::Package* p) {
  SECGATE_RETURN_IF_ERROR(ReadObject(j, "package", where, {{"name", &p->name},
                                                           {"version", &p->version},
                                                           {"ecosystem", &p->ecosystem},
                                                           {"purl", &p->purl}}));
  return core::Ok{};
}

// target, path and commit; a line that is not an integer is left out.
Status ReadLocation(const json& j, const std::string& where, core::Location* l) {
  SECGATE_ASSIGN_OR_RETURN(const json* obj,
                           ReadObject(j, "location", where, {{"target", &l->target},
                                                             {"path", &l->path},
                                                             {"commit", &l->commit}}));
  if (!obj) return core::Ok{};
  if (auto line = obj->find("line"); line != obj->end() && line->is_number_integer())
    l->line = line->get<int>();
  return core::Ok{};
}

// Reads the finding at `where` ("<file>:<pointer>") of the results file
// `path`; its gate is set by the caller once the head is known.
Result<ResultFinding> ReadFinding(const json& j, const std::string& where,
                                  const std::string& path) {
  SECGATE_RETURN_IF_ERROR(core::ExpectObject(j, where));
  ResultFinding out;
  out.finding.input = path;
  SECGATE_RETURN_IF_ERROR(ReadIdentity(j, where, &out));
  SECGATE_RETURN_IF_ERROR(ReadWaiverRef(j, "waiver", where, &out.waiver));
  SECGATE_RETURN_IF_ERROR(ReadWaiverRef(j, "expired_waiver", where, &out.expired_waiver));
  SECGATE_RETURN_IF_ERROR(ReadSeverity(j, where, &out));
  SECGATE_RETURN_IF_ERROR(ReadPackage(j, where, &out.finding.package));
  SECGATE_RETURN_IF_ERROR(ReadLocation(j, where, &out.finding.location));
  return out;
}

}  // namespace

core::Result<ResultFile> ReadResultFile(const std::string& path) {
  auto in = core::InputFile::Open(path);
  if (!in) return in.error();
  (*in)->set_max_bytes(kMaxResultsBytes);
  return ReadResultFile(**in);
}

core::Result<ResultFile> ReadResultFile(core::InputFile& input) {
  // Streamed: the head fields and one finding at a time are materialised, so
  // memory follows the number of findings, not the size of the file.
  const std::string& path = input.path();
  ResultFile out;
  out.path = path;
  json head = json::object();  // schema, tool, gate, verdict, error
  std::optional<Error> finding_error;  // reported after the head's checks
  core::JsonStreamer s;
  for (const char* key : {"schema", "tool", "gate", "verdict", "error"}) {
    s.OnRecord(std::string("/") + key, [&head, key](const std::string&, json& v) {
      head[key] = std::move(v);
      return core::Status(core::Ok{});
    });
  }
  s.Expect("/findings", {core::JsonType::kArray});
  s.OnRecord("/findings/*", [&](const std::string& ptr, json& v) {
    if (finding_error) return core::Status(core::Ok{});
    auto rf = ReadFinding(v, path + ":" + ptr, path);
    if (!rf) finding_error = rf.error();
    else out.findings.push_back(std::move(*rf));
    return core::Status(core::Ok{});
  });
  core::Status st = s.Parse(input);
  if (input.over_limit())
    return Error{path, "file is larger than " + std::to_string(kMaxResultsBytes) + " bytes"};
  if (!st) return st.error();
  if (s.top_level_type() != core::JsonTopLevel::kObject)
    return Error{path, "expected a secgate.verdict/v1 JSON object"};
  auto schema = head.find("schema");
  if (schema == head.end() || !schema->is_string() || *schema != "secgate.verdict/v1")
    return Error{path + ":/schema",
                 "expected \"secgate.verdict/v1\", got " +
                     (schema == head.end() ? std::string("nothing") : schema->dump())};
  if (auto t = head.find("tool"); t != head.end() && t->is_object() && t->contains("name") &&
                                  (*t)["name"].is_string())
    out.tool = (*t)["name"].get<std::string>();
  if (auto v = head.find("verdict"); v != head.end() && v->is_string() && *v == "error") {
    std::string why = head.contains("error") && head["error"].is_string()
                          ? head["error"].get<std::string>()
                          : "no detail";
    return Error{path + ":/verdict", "is the verdict of a failed run (" + why + ")"};
  }
  std::string gate;
  if (auto g = head.find("gate"); g != head.end() && g->is_string()) gate = *g;
  else if (out.tool.rfind("secgate-", 0) == 0) gate = out.tool.substr(8);
  if (!core::ParseGate(gate, &out.gate))
    return Error{path + ":/gate", "unknown gate '" + gate + "' (expected " + core::GateNames() + ")"};
  if (!s.HasTopLevelKey("findings"))
    return Error{path + ":/findings", "expected an array of findings"};
  if (finding_error) return *finding_error;
  for (ResultFinding& rf : out.findings) rf.finding.gate = out.gate;
  return out;
}

core::Result<std::vector<ResultFile>> ReadResultFiles(const std::vector<std::string>& paths) {
  std::vector<ResultFile> out;
  for (const auto& p : paths) {
    auto r = ReadResultFile(p);
    if (!r) return r.error();
    out.push_back(std::move(*r));
  }
  return out;
}

}  // namespace secgate::waivers
