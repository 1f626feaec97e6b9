// pip-audit `-f json` (docs/input-formats.md §11): {dependencies[], fixes[]}, or
// the older bare array of dependencies. pip-audit reports no severity, so
// findings are UNKNOWN (policy vuln.unknown_as decides). Dependencies with a
// skip_reason were not audited: they become notes and a skipped count, never
// silence; a report in which every dependency was skipped audited nothing
// and is an error.
#include "gates/core/json_stream.h"
#include "gates/core/purl.h"
#include "gates/core/strings.h"
#include "gates/vuln/readers/common.h"
#include "gates/vuln/readers/reader.h"

namespace secgate::vuln {

using core::Error;
using core::Finding;
using core::Status;
using nlohmann::json;

namespace {

Status ParseDependency(const json& d, const std::string& where, const std::string& file,
                       ReaderOutput* out) {
  SECGATE_RETURN_IF_ERROR(core::ExpectObject(d, where));
  std::string name, version, skip;
  SECGATE_ASSIGN_OR_RETURN(name, core::RequireString(d, "name", where));
  SECGATE_ASSIGN_OR_RETURN(version, core::GetString(d, "version", where));
  SECGATE_ASSIGN_OR_RETURN(skip, core::GetString(d, "skip_reason", where));
  SECGATE_ASSIGN_OR_RETURN(const json* vulns, core::GetArray(d, "vulns", where));
  if (!skip.empty()) {
    out->skipped["not audited"]++;
    out->notes.push_back(file + ": pip-audit did not audit " + name + ": " + skip);
  } else if (!vulns) {
    return Error{where, "missing vulns (or skip_reason)"};
  }
  for (size_t i = 0; vulns && i < vulns->size(); ++i) {
    const json& v = (*vulns)[i];
    std::string w = where + "/vulns/" + std::to_string(i);
    SECGATE_RETURN_IF_ERROR(core::ExpectObject(v, w));
    Finding f;
    SECGATE_ASSIGN_OR_RETURN(f.id, core::RequireString(v, "id", w));
    SECGATE_ASSIGN_OR_RETURN(f.fixed_versions, core::GetStringArray(v, "fix_versions", w));
    std::vector<std::string> aliases;
    SECGATE_ASSIGN_OR_RETURN(aliases, core::GetStringArray(v, "aliases", w));
    std::string description;
    SECGATE_ASSIGN_OR_RETURN(description, core::GetString(v, "description", w));
    for (const auto& a : aliases)
      if (!core::EqualsIgnoreCase(a, f.id)) AddUnique(&f.aliases, a);
    f.title = description.substr(0, description.find('\n'));
    if (f.title.size() > 200) f.title = f.title.substr(0, 197) + "...";
    f.severity = core::Severity::kUnknown;
    f.severity_source = "pip-audit";
    std::string norm = core::NormalizePythonName(name);
    f.package = {name, version, "pypi",
                 "pkg:pypi/" + norm + (version.empty() ? "" : "@" + version)};
    f.sources = {"pip-audit"};
    f.input = file;
    out->findings.push_back(std::move(f));
  }
  return core::Ok{};
}

// The first non-blank byte of the input, without consuming it.
char FirstByte(core::InputFile& in) {
  std::string_view head = in.Head(1 << 16);
  size_t i = head.find_first_not_of(" \t\r\n");
  return i == std::string_view::npos ? 0 : head[i];
}

}  // namespace

Status ReadPipAudit(core::InputFile& in, ReaderOutput* out) {
  core::JsonStreamer s;
  const std::string name = in.path();
  const bool legacy = FirstByte(in) == '[';
  s.Expect("/dependencies", {core::JsonType::kArray});
  s.Expect("/fixes", {core::JsonType::kArray});
  int dependencies = 0;
  s.OnRecord(legacy ? "/*" : "/dependencies/*", [&](const std::string& p, json& v) -> Status {
    ++dependencies;
    return ParseDependency(v, name + ":" + p, name, out);
  });
  SECGATE_RETURN_IF_ERROR(s.Parse(in));
  if (legacy ? s.top_level_type() != core::JsonTopLevel::kArray
             : !s.HasTopLevelKey("dependencies"))
    return Error{name, "not a pip-audit report: expected dependencies"};
  const int skipped = out->skipped.count("not audited") ? out->skipped["not audited"] : 0;
  if (dependencies > 0 && skipped == dependencies)
    return Error{name, "pip-audit audited none of the " + std::to_string(dependencies) +
                           " dependencies (every one has a skip_reason)"};
  return core::Ok{};
}

// The legacy array of dependencies, or the object with "dependencies".
bool LooksLikePipAudit(const FormatProbe& p) {
  if (p.array()) return p.seen("/0/name") && (p.seen("/0/vulns") || p.seen("/0/skip_reason"));
  return p.object() && p.has("dependencies") &&
         ((p.seen("/dependencies/0/name") &&
           (p.seen("/dependencies/0/vulns") || p.seen("/dependencies/0/skip_reason"))) ||
          p.empty_array("dependencies"));
}

}  // namespace secgate::vuln
