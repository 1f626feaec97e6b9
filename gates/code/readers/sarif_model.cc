#include "gates/code/readers/sarif_model.h"

#include <algorithm>
#include <cstdlib>

#include "gates/core/json_stream.h"
#include "gates/core/report/escape.h"

namespace secgate::code {

using core::Error;
using core::Result;
using core::Status;
using nlohmann::json;

namespace {

constexpr const char* kLevels[] = {"none", "note", "warning", "error"};
constexpr const char* kKinds[] = {"pass", "open", "informational", "notApplicable", "review",
                                  "fail"};
constexpr const char* kBaselineStates[] = {"new", "unchanged", "updated", "absent"};

template <size_t N>
bool OneOf(const std::string& word, const char* const (&words)[N]) {
  return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

// A word from `words` at obj[key]; "" when absent.
Result<std::string> Word(const json& obj, const char* key, const std::string& where,
                         const char* what, bool (*known)(const std::string&)) {
  auto w = core::GetString(obj, key, where);
  if (!w) return w.error();
  if (!w->empty() && !known(*w))
    return Error{where + "/" + key, "unknown " + std::string(what) + " '" + *w + "'"};
  return w;
}

bool IsLevel(const std::string& w) { return OneOf(w, kLevels); }
bool IsKind(const std::string& w) { return OneOf(w, kKinds); }
bool IsBaselineState(const std::string& w) { return OneOf(w, kBaselineStates); }

// multiformatMessageString.text at obj[key]; "" when absent.
Result<std::string> MessageText(const json& obj, const char* key, const std::string& where) {
  auto m = core::GetObject(obj, key, where);
  if (!m) return m.error();
  if (!*m) return std::string();
  return core::GetString(**m, "text", where + "/" + key);
}

Status ReadRuleProperties(const json& rule, const std::string& where, SarifRule* r) {
  auto props = core::GetObject(rule, "properties", where);
  if (!props) return props.error();
  if (!*props) return core::Ok{};
  auto tags = core::GetStringArray(**props, "tags", where + "/properties");
  if (!tags) return tags.error();
  r->meta->tags = std::move(*tags);
  if (auto it = (*props)->find("security-severity"); it != (*props)->end() && !it->is_null()) {
    auto sev = ParseSecuritySeverity(*it, where + "/properties/security-severity");
    if (!sev) return sev.error();
    r->security = *sev;
  }
  return core::Ok{};
}

Status ReadRuleMessages(const json& rule, const std::string& where, SarifRule* r) {
  auto strings = core::GetObject(rule, "messageStrings", where);
  if (!strings) return strings.error();
  if (!*strings) return core::Ok{};
  for (const auto& [id, m] : (*strings)->items()) {
    if (Status s = core::ExpectObject(m, where + "/messageStrings/" + id); !s) return s;
    auto text = core::GetString(m, "text", where + "/messageStrings/" + id);
    if (!text) return text.error();
    r->messages[id] = *text;
  }
  return core::Ok{};
}

Result<SarifRule> ReadRule(const json& rule, const std::string& where, const SarifRun& run) {
  if (Status s = core::ExpectObject(rule, where); !s) return s.error();
  SarifRule r;
  r.meta = std::make_shared<core::CodeRule>();
  core::CodeRule& m = *r.meta;
  m.tool = run.tool_name;
  m.tool_version = run.tool_version;
  m.tool_uri = run.tool_uri;
  auto id = core::GetString(rule, "id", where);
  if (!id) return id.error();
  if (id->empty()) return Error{where, "missing id (every SARIF rule has one)"};
  m.id = *id;
  for (auto [key, dst] : {std::pair{"name", &m.name}, std::pair{"helpUri", &m.help_uri}}) {
    auto v = core::GetString(rule, key, where);
    if (!v) return v.error();
    *dst = *v;
  }
  for (const char* key : {"shortDescription", "fullDescription"}) {
    auto text = MessageText(rule, key, where);
    if (!text) return text.error();
    if (m.description.empty()) m.description = core::TruncateUtf8(*text, kMaxMessageBytes);
  }
  auto config = core::GetObject(rule, "defaultConfiguration", where);
  if (!config) return config.error();
  if (*config) {
    auto level = Word(**config, "level", where + "/defaultConfiguration", "level", IsLevel);
    if (!level) return level.error();
    r.default_level = *level;
  }
  if (Status s = ReadRuleProperties(rule, where, &r); !s) return s.error();
  if (Status s = ReadRuleMessages(rule, where, &r); !s) return s.error();
  return r;
}

Result<SarifComponent> ReadComponent(const json& c, const std::string& where,
                                     const SarifRun& run) {
  if (Status s = core::ExpectObject(c, where); !s) return s.error();
  SarifComponent out;
  auto name = core::GetString(c, "name", where);
  if (!name) return name.error();
  out.name = *name;
  auto rules = core::GetArray(c, "rules", where);
  if (!rules) return rules.error();
  if (!*rules) return out;
  for (size_t i = 0; i < (*rules)->size(); ++i) {
    auto r = ReadRule((**rules)[i], where + "/rules/" + std::to_string(i), run);
    if (!r) return r.error();
    out.by_id.emplace(r->meta->id, out.rules.size());
    out.rules.push_back(std::move(*r));
  }
  return out;
}

// Version of a tool component: semanticVersion, else version.
Result<std::string> ToolVersion(const json& driver, const std::string& where) {
  auto semantic = core::GetString(driver, "semanticVersion", where);
  if (!semantic) return semantic.error();
  if (!semantic->empty()) return semantic;
  return core::GetString(driver, "version", where);
}

// --- results ---------------------------------------------------------------

// Optional integer >= -1 (SARIF's "absent" index) at obj[key].
Result<long> Index(const json& obj, const char* key, const std::string& where) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return -1L;
  if (!it->is_number_integer())
    return Error{where + "/" + key, "expected integer, got " + core::JsonTypeName(*it)};
  long long n = it->get<long long>();
  if (n < -1 || n > (1LL << 31))
    return Error{where + "/" + key, "index " + std::to_string(n) + " is out of range"};
  return static_cast<long>(n);
}

Status ReadRuleReference(const json& v, const std::string& where, PendingResult* r) {
  auto rule_id = core::GetString(v, "ruleId", where);
  if (!rule_id) return rule_id.error();
  r->rule_id = *rule_id;
  auto index = Index(v, "ruleIndex", where);
  if (!index) return index.error();
  r->rule_index = *index;
  auto ref = core::GetObject(v, "rule", where);
  if (!ref) return ref.error();
  if (!*ref) return core::Ok{};
  const std::string at = where + "/rule";
  auto id = core::GetString(**ref, "id", at);
  if (!id) return id.error();
  if (!id->empty()) r->rule_id = *id;
  auto idx = Index(**ref, "index", at);
  if (!idx) return idx.error();
  if (*idx >= 0) r->rule_index = *idx;
  auto comp = core::GetObject(**ref, "toolComponent", at);
  if (!comp) return comp.error();
  if (!*comp) return core::Ok{};
  auto cidx = Index(**comp, "index", at + "/toolComponent");
  if (!cidx) return cidx.error();
  r->component_index = *cidx;
  auto cname = core::GetString(**comp, "name", at + "/toolComponent");
  if (!cname) return cname.error();
  r->component_name = *cname;
  return core::Ok{};
}

Status ReadMessage(const json& v, const std::string& where, PendingResult* r) {
  auto m = core::GetObject(v, "message", where);
  if (!m) return m.error();
  if (!*m) return core::Ok{};
  const std::string at = where + "/message";
  auto text = core::GetString(**m, "text", at);
  if (!text) return text.error();
  r->message = core::TruncateUtf8(*text, kMaxMessageBytes);
  auto id = core::GetString(**m, "id", at);
  if (!id) return id.error();
  r->message_id = *id;
  auto args = core::GetStringArray(**m, "arguments", at);
  if (!args) return args.error();
  r->message_args = std::move(*args);
  return core::Ok{};
}

Status ReadPhysicalLocation(const json& loc, const std::string& where, PendingResult* r) {
  auto phys = core::GetObject(loc, "physicalLocation", where);
  if (!phys) return phys.error();
  if (!*phys) return core::Ok{};
  const std::string at = where + "/physicalLocation";
  auto art = core::GetObject(**phys, "artifactLocation", at);
  if (!art) return art.error();
  if (*art) {
    if (Status s = ReadArtifactLocation(**art, at + "/artifactLocation", &r->location); !s)
      return s;
    auto idx = Index(**art, "index", at + "/artifactLocation");
    if (!idx) return idx.error();
    r->artifact_index = *idx;
    r->has_location = !r->location.uri.empty() || r->artifact_index >= 0;
  }
  auto region = core::GetObject(**phys, "region", at);
  if (!region) return region.error();
  if (!*region) return core::Ok{};
  auto line = core::GetNumber(**region, "startLine", at + "/region");
  if (!line) return line.error();
  if (*line) {
    if (**line < 1 || **line > (1 << 30) || **line != static_cast<long>(**line))
      return Error{at + "/region/startLine", "not a line number"};
    r->line = static_cast<int>(**line);
  }
  auto snippet = MessageText(**region, "snippet", at + "/region");
  if (!snippet) return snippet.error();
  r->snippet = core::TruncateUtf8(*snippet, kMaxMessageBytes);
  return core::Ok{};
}

Status ReadLocations(const json& v, const std::string& where, PendingResult* r) {
  auto locs = core::GetArray(v, "locations", where);
  if (!locs) return locs.error();
  if (!*locs || (*locs)->empty()) return core::Ok{};
  const json& first = (**locs)[0];
  if (Status s = core::ExpectObject(first, where + "/locations/0"); !s) return s;
  return ReadPhysicalLocation(first, where + "/locations/0", r);
}

// "k=v\n" lines of fingerprints and partialFingerprints, sorted by key.
Status ReadFingerprints(const json& v, const std::string& where, PendingResult* r) {
  std::map<std::string, std::string> all;
  for (const char* key : {"partialFingerprints", "fingerprints"}) {
    auto m = core::GetObject(v, key, where);
    if (!m) return m.error();
    if (!*m) continue;
    // Values are strings in SARIF; a producer that nests objects (Black Duck)
    // still gives a stable identity through their serialisation.
    for (const auto& [k, val] : (*m)->items())
      all[std::string(key[0] == 'p' ? "p:" : "f:") + k] =
          val.is_string() ? val.get<std::string>() : val.dump();
  }
  for (const auto& [k, val] : all) r->fingerprint_basis += k + "=" + val + "\n";
  return core::Ok{};
}

// Accepted (or under review, or without a status) suppressions suppress;
// rejected ones do not.
Status ReadSuppressions(const json& v, const std::string& where, PendingResult* r) {
  auto list = core::GetArray(v, "suppressions", where);
  if (!list) return list.error();
  if (!*list) return core::Ok{};
  for (size_t i = 0; i < (*list)->size(); ++i) {
    const json& s = (**list)[i];
    const std::string at = where + "/suppressions/" + std::to_string(i);
    if (Status st = core::ExpectObject(s, at); !st) return st;
    std::string kind, status, justification;
    for (auto [key, dst] : {std::pair{"kind", &kind}, std::pair{"status", &status},
                            std::pair{"justification", &justification}}) {
      auto w = core::GetString(s, key, at);
      if (!w) return w.error();
      *dst = *w;
    }
    if (kind != "inSource" && kind != "external")
      return Error{at + "/kind", "unknown suppression kind '" + kind + "'"};
    if (!status.empty() && status != "accepted" && status != "underReview" && status != "rejected")
      return Error{at + "/status", "unknown suppression status '" + status + "'"};
    if (status == "rejected" || r->suppressed) continue;
    r->suppressed = true;
    r->suppression = (kind == "inSource" ? "suppressed in source" : "suppressed externally") +
                     std::string(status == "underReview" ? " (under review)" : "") +
                     (justification.empty() ? "" : ": " + core::TruncateUtf8(justification, 512));
  }
  return core::Ok{};
}

Status ReadResultProperties(const json& v, const std::string& where, PendingResult* r) {
  auto props = core::GetObject(v, "properties", where);
  if (!props) return props.error();
  if (!*props) return core::Ok{};
  auto it = (*props)->find("security-severity");
  if (it == (*props)->end() || it->is_null()) return core::Ok{};
  auto sev = ParseSecuritySeverity(*it, where + "/properties/security-severity");
  if (!sev) return sev.error();
  r->security = *sev;
  return core::Ok{};
}

}  // namespace

Result<core::Severity> ParseSecuritySeverity(const json& v, const std::string& where) {
  double score = -1;
  if (v.is_number()) {
    score = v.get<double>();
  } else if (v.is_string()) {
    const std::string s = v.get<std::string>();
    char* end = nullptr;
    double d = std::strtod(s.c_str(), &end);
    if (!s.empty() && end && *end == '\0') {
      score = d;
    } else if (auto word = core::ParseSeverityWord(s); word && *word != core::Severity::kUnknown) {
      return *word;
    } else {
      return Error{where, "'" + core::TruncateUtf8(s, 64) +
                              "' is not a score 0-10 or a severity word"};
    }
  } else {
    return Error{where, "expected number or string, got " + core::JsonTypeName(v)};
  }
  if (!(score >= 0 && score <= 10)) return Error{where, "score outside 0-10"};
  return score == 0 ? core::Severity::kLow : core::SeverityFromCvss(score, 3);
}

Status ReadTool(const json& tool, const std::string& where, SarifRun* run) {
  if (Status s = core::ExpectObject(tool, where); !s) return s;
  auto driver = core::GetObject(tool, "driver", where);
  if (!driver) return driver.error();
  if (!*driver) return Error{where, "missing driver (SARIF requires tool.driver)"};
  const std::string at = where + "/driver";
  auto name = core::GetString(**driver, "name", at);
  if (!name) return name.error();
  if (name->empty()) return Error{at, "missing name (the producing tool)"};
  run->tool_name = *name;
  auto version = ToolVersion(**driver, at);
  if (!version) return version.error();
  run->tool_version = *version;
  auto uri = core::GetString(**driver, "informationUri", at);
  if (!uri) return uri.error();
  run->tool_uri = *uri;
  auto comp = ReadComponent(**driver, at, *run);
  if (!comp) return comp.error();
  run->driver = std::move(*comp);
  auto ext = core::GetArray(tool, "extensions", where);
  if (!ext) return ext.error();
  for (size_t i = 0; *ext && i < (*ext)->size(); ++i) {
    auto c = ReadComponent((**ext)[i], where + "/extensions/" + std::to_string(i), *run);
    if (!c) return c.error();
    run->extensions.push_back(std::move(*c));
  }
  run->has_tool = true;
  return core::Ok{};
}

Status ReadUriBases(const json& v, const std::string& where, SarifRun* run) {
  if (Status s = core::ExpectObject(v, where); !s) return s;
  for (const auto& [id, loc] : v.items()) {
    if (Status s = core::ExpectObject(loc, where + "/" + id); !s) return s;
    if (Status s = ReadArtifactLocation(loc, where + "/" + id, &run->bases[id]); !s) return s;
  }
  run->bases_seen = true;
  return core::Ok{};
}

Status ReadArtifactLocation(const json& v, const std::string& where, ArtifactUri* out) {
  if (Status s = core::ExpectObject(v, where); !s) return s;
  auto uri = core::GetString(v, "uri", where);
  if (!uri) return uri.error();
  auto base = core::GetString(v, "uriBaseId", where);
  if (!base) return base.error();
  out->uri = *uri;
  out->base = *base;
  return core::Ok{};
}

Status ReadNotification(const json& v, const std::string& where, SarifRun* run) {
  if (Status s = core::ExpectObject(v, where); !s) return s;
  auto level = Word(v, "level", where, "level", IsLevel);
  if (!level) return level.error();
  if (*level != "error") return core::Ok{};
  auto text = MessageText(v, "message", where);
  if (!text) return text.error();
  if (run->tool_errors++ == 0) run->first_tool_error = "'" + core::TruncateUtf8(*text, 200) + "'";
  return core::Ok{};
}

Result<PendingResult> ReadResult(const json& v, const std::string& where, int run) {
  PendingResult r;
  r.run = run;
  r.where = where;
  if (Status s = ReadRuleReference(v, where, &r); !s) return s.error();
  auto kind = Word(v, "kind", where, "kind", IsKind);
  if (!kind) return kind.error();
  r.kind = kind->empty() ? "fail" : *kind;
  auto level = Word(v, "level", where, "level", IsLevel);
  if (!level) return level.error();
  r.level = *level;
  auto state = Word(v, "baselineState", where, "baselineState", IsBaselineState);
  if (!state) return state.error();
  r.baseline_state = *state;
  for (auto read : {ReadMessage, ReadLocations, ReadFingerprints, ReadSuppressions,
                    ReadResultProperties})
    if (Status s = read(v, where, &r); !s) return s.error();
  return r;
}

}  // namespace secgate::code
