// yarn classic (v1) `yarn audit --json` (docs/input-formats.md §8): NDJSON, one
// {type, data} object per line. auditAdvisory lines carry an npm 6 advisory
// and repeat it once per dependency path, so findings are deduplicated
// inside the input by (advisory id, package, version). An "error" line is an
// input error; "No lockfile found." is kept as a note. The auditSummary
// line's vulnerabilities are npm 6 metadata (dependency paths by severity)
// and must match the advisories read (totals.h).
#include <map>
#include <set>
#include <tuple>

#include "gates/core/json_stream.h"
#include "gates/core/strings.h"
#include "gates/vuln/readers/common.h"
#include "gates/vuln/readers/reader.h"
#include "gates/vuln/readers/totals.h"

namespace secgate::vuln {

using core::Error;
using core::Status;
using nlohmann::json;

namespace {

struct Line {
  std::string type;
  json advisory, resolution, data;
};

struct YarnState {
  std::string name;  // file
  std::map<std::tuple<std::string, std::string, std::string>, size_t> index;
  std::set<std::pair<std::string, std::string>> advisories;  // (id, package) counted in `read`
  Tally read;                                                // paths by severity
  json stated;            // auditSummary data.vulnerabilities
  std::string summary_at;  // where the auditSummary line is
};

Status ReadSummary(const json& data, const std::string& where, YarnState* st) {
  if (!st->summary_at.empty())
    return Error{where, "second auditSummary line (the first is " + st->summary_at + ")"};
  st->summary_at = where;
  if (data.is_object() && data.contains("vulnerabilities")) st->stated = data["vulnerabilities"];
  return core::Ok{};
}

Status ReadAdvisoryLine(const json& data, const std::string& where, const NpmAdvisoryOptions& opt,
                        YarnState* st, ReaderOutput* out) {
  if (!data.is_object() || !data.contains("advisory"))
    return Error{where + ":/data", "missing advisory"};
  bool dev = false;
  if (auto r = data.find("resolution"); r != data.end() && r->is_object()) {
    auto d = r->find("dev");
    if (d != r->end() && !d->is_null() && !d->is_boolean())
      return Error{where + ":/data/resolution/dev",
                   "expected boolean, got " + core::JsonTypeName(*d)};
    dev = d != r->end() && d->is_boolean() && d->get<bool>();
  }
  const json& adv = data["advisory"];
  std::vector<core::Finding> found;
  SECGATE_RETURN_IF_ERROR(ParseNpmAdvisory(adv, where + ":/data/advisory", opt, &found));
  if (st->advisories.insert({found.front().id, found.front().package.name}).second)
    st->read[core::AsciiLower(adv["severity"].get<std::string>())] += NpmAdvisoryPaths(adv);
  for (auto& f : found) {
    auto key = std::make_tuple(f.id, f.package.name, f.package.version);
    if (auto it = st->index.find(key); it != st->index.end()) {
      out->findings[it->second].dev_only = out->findings[it->second].dev_only && dev;
      continue;
    }
    f.dev_only = dev;
    f.input = st->name;
    st->index[key] = out->findings.size();
    out->findings.push_back(std::move(f));
  }
  return core::Ok{};
}

Status CheckSummary(const YarnState& st) {
  if (st.stated.is_null()) return core::Ok{};
  SECGATE_ASSIGN_OR_RETURN(Tally stated,
                           ReadTally(st.stated, st.summary_at + ":/data/vulnerabilities"));
  return CompareTally(st.name, "auditSummary", stated, st.read,
                      "dependency paths of the advisories, by severity");
}

}  // namespace

Status ReadYarnClassic(core::InputFile& in, ReaderOutput* out) {
  const std::string name = in.path();
  NpmAdvisoryOptions opt;
  opt.source = "yarn";
  YarnState state;
  state.name = name;
  Line cur;
  core::JsonStreamer s;
  s.Expect("/type", {core::JsonType::kString});
  s.Expect("/data/advisory", {core::JsonType::kObject});
  s.Expect("/data/resolution", {core::JsonType::kObject});
  s.OnRecord("/type", [&](const std::string&, json& v) -> Status {
    cur.type = v.is_string() ? v.get<std::string>() : "";
    return core::Ok{};
  });
  s.OnRecord("/data", [&](const std::string&, json& v) -> Status {
    cur.data = std::move(v);
    return core::Ok{};
  });
  std::string text;
  long lineno = 0, records = 0;
  while (ReadLine(in, &text)) {
    ++lineno;
    if (IsBlank(text)) continue;
    const std::string where = name + ":" + std::to_string(lineno);
    cur = Line{};
    SECGATE_RETURN_IF_ERROR(s.ParseString(text, where));
    if (s.top_level_type() != core::JsonTopLevel::kObject || cur.type.empty())
      return Error{where, "not a yarn audit line: expected an object with a type"};
    ++records;
    if (cur.type == "error") return NpmErrorMember(cur.data, where + ":/data");
    if (cur.type == "info" && cur.data.is_string() &&
        cur.data.get<std::string>().find("No lockfile") != std::string::npos)
      out->notes.push_back(name + ": yarn: " + cur.data.get<std::string>());
    if (cur.type == "auditSummary") {
      SECGATE_RETURN_IF_ERROR(ReadSummary(cur.data, where, &state));
    } else if (cur.type == "auditAdvisory") {
      SECGATE_RETURN_IF_ERROR(ReadAdvisoryLine(cur.data, where, opt, &state, out));
    }
  }
  if (in.over_limit()) return Error{name, "input is larger than the size limit (--max-input-size)"};
  if (in.read_error()) return Error{name, "read error"};
  if (records == 0) return Error{name, "file is empty"};
  return CheckSummary(state);
}

// NDJSON: the first line's {"type": …, "data": …}.
bool LooksLikeYarnClassic(const FormatProbe& p) {
  return p.object() && p.seen("/type") && p.seen("/data") && p.values.contains("/type");
}

}  // namespace secgate::vuln
