#include "gates/waivers_tool/results.h"

#include <algorithm>
#include <iterator>
#include <optional>

#include <nlohmann/json.hpp>

#include "gates/core/io.h"
#include "gates/core/json_stream.h"
#include "gates/core/verdict.h"

namespace secgate::waivers {

using core::Error;
using nlohmann::json;

namespace {

// Reads an optional string member; a present non-string is an error
// ("<file>:<pointer>/<key>: expected string, got number").
bool Str(const json& obj, const char* key, std::string* out, const std::string& path,
         const std::string& ptr, Error* err) {
  auto v = core::GetString(obj, key, path + ":" + ptr);
  if (!v) *err = v.error();
  else *out = std::move(*v);
  return v.ok();
}

bool StrList(const json& obj, const char* key, std::vector<std::string>* out,
             const std::string& path, const std::string& ptr, Error* err) {
  auto v = core::GetStringArray(obj, key, path + ":" + ptr);
  if (!v) *err = v.error();
  else *out = std::move(*v);
  return v.ok();
}

bool ReadWaiverRef(const json& j, const char* key, WaiverRef* out, const std::string& path,
                   const std::string& ptr, Error* err) {
  auto w = j.find(key);
  if (w == j.end() || w->is_null()) return true;
  std::string wp = ptr + "/" + key;
  if (!w->is_object()) {
    *err = Error{path + ":" + wp, "expected object, got " + core::JsonTypeName(*w)};
    return false;
  }
  return Str(*w, "id", &out->id, path, wp, err) && Str(*w, "owner", &out->owner, path, wp, err) &&
         Str(*w, "ticket", &out->ticket, path, wp, err) &&
         Str(*w, "expires", &out->expires, path, wp, err);
}

// Reads one finding; its gate is set by the caller once the head is known.
bool ReadFinding(const json& j, const std::string& path, const std::string& ptr,
                 ResultFinding* out, Error* err) {
  if (!j.is_object()) {
    *err = Error{path + ":" + ptr, "expected object, got " + core::JsonTypeName(j)};
    return false;
  }
  core::Finding& f = out->finding;
  f.input = path;
  if (!Str(j, "id", &f.id, path, ptr, err)) return false;
  if (f.id.empty()) {
    *err = Error{path + ":" + ptr + "/id", "missing finding id"};
    return false;
  }
  if (!StrList(j, "aliases", &f.aliases, path, ptr, err) ||
      !StrList(j, "related", &f.related, path, ptr, err) ||
      !StrList(j, "sources", &f.sources, path, ptr, err) ||
      !Str(j, "fingerprint", &f.fingerprint, path, ptr, err) ||
      !Str(j, "title", &f.title, path, ptr, err) ||
      !Str(j, "disposition", &out->disposition, path, ptr, err))
    return false;
  const std::string& d = out->disposition;
  const core::Disposition kinds[] = {core::Disposition::kViolation, core::Disposition::kWaived,
                                     core::Disposition::kBelowThreshold, core::Disposition::kIgnored};
  bool known = std::any_of(std::begin(kinds), std::end(kinds),
                           [&d](core::Disposition k) { return core::DispositionName(k) == d; });
  if (!d.empty() && !known) {
    *err = Error{path + ":" + ptr + "/disposition",
                 "unknown disposition '" + d + "' (expected violation, waived, below_threshold or ignored)"};
    return false;
  }
  if (!ReadWaiverRef(j, "waiver", &out->waiver, path, ptr, err) ||
      !ReadWaiverRef(j, "expired_waiver", &out->expired_waiver, path, ptr, err))
    return false;
  std::string severity, counted_as;
  if (!Str(j, "severity", &severity, path, ptr, err)) return false;
  if (!Str(j, "counted_as", &counted_as, path, ptr, err)) return false;
  if (!severity.empty()) {
    if (auto s = core::ParseSeverityWord(severity)) f.severity = *s;
  }
  out->effective_severity = counted_as.empty() ? severity : counted_as;
  if (auto p = j.find("package"); p != j.end() && !p->is_null()) {
    if (!p->is_object()) {
      *err = Error{path + ":" + ptr + "/package", "expected object, got " + core::JsonTypeName(*p)};
      return false;
    }
    std::string pp = ptr + "/package";
    if (!Str(*p, "name", &f.package.name, path, pp, err) ||
        !Str(*p, "version", &f.package.version, path, pp, err) ||
        !Str(*p, "ecosystem", &f.package.ecosystem, path, pp, err) ||
        !Str(*p, "purl", &f.package.purl, path, pp, err))
      return false;
  }
  if (auto l = j.find("location"); l != j.end() && !l->is_null()) {
    if (!l->is_object()) {
      *err = Error{path + ":" + ptr + "/location", "expected object, got " + core::JsonTypeName(*l)};
      return false;
    }
    std::string lp = ptr + "/location";
    if (!Str(*l, "target", &f.location.target, path, lp, err) ||
        !Str(*l, "path", &f.location.path, path, lp, err) ||
        !Str(*l, "commit", &f.location.commit, path, lp, err))
      return false;
    if (auto line = l->find("line"); line != l->end() && line->is_number_integer())
      f.location.line = line->get<int>();
  }
  return true;
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
    ResultFinding rf;
    Error err;
    if (!ReadFinding(v, path, ptr, &rf, &err)) finding_error = err;
    else out.findings.push_back(std::move(rf));
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
    return Error{path + ":/gate", "unknown gate '" + gate + "' (expected vuln, secrets or sbom)"};
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
