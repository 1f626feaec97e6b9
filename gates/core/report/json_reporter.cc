#include "gates/core/report/json_reporter.h"

namespace secgate::core {

using nlohmann::ordered_json;

namespace {

ordered_json WaiverRef(const Waiver& w) {
  ordered_json j;
  j["id"] = w.id;
  j["owner"] = w.owner;
  j["reason"] = w.reason;
  if (!w.ticket.empty()) j["ticket"] = w.ticket;
  j["expires"] = w.expires ? w.expires->ToString() : "";
  j["line"] = w.line;
  return j;
}

std::string VerdictWord(const Verdict& v) {
  if (v.exit_code == ExitCode::kError) return "error";
  return v.exit_code == ExitCode::kFail ? "fail" : "pass";
}

// nlohmann throws on invalid UTF-8 by default; inputs are validated, but a
// report must never crash: replace bad bytes instead.
std::string Dump(const ordered_json& j, int indent) {
  return j.dump(indent, ' ', false, ordered_json::error_handler_t::replace);
}

// gate code: what the producer said (tool, level, kind, baselineState,
// a suppression) and how the severity was resolved.
ordered_json CodeToJson(const Finding& f) {
  const CodeDetail& d = *f.code;
  ordered_json c;
  c["tool"] = f.sources.empty() ? "" : f.sources.front();
  c["level"] = d.level;
  c["severity_from"] = d.severity_from;
  c["kind"] = d.kind;
  if (!d.baseline_state.empty()) c["baseline_state"] = d.baseline_state;
  if (!d.rule_problem.empty()) c["rule_problem"] = d.rule_problem;
  if (!f.upstream_ignore.empty()) c["suppressed_upstream"] = f.upstream_ignore;
  if (d.rule && !d.rule->name.empty()) c["rule_name"] = d.rule->name;
  if (d.rule && !d.rule->tags.empty()) c["tags"] = d.rule->tags;
  return c;
}

}  // namespace

ordered_json FindingToJson(const Verdict& v, const EvaluatedFinding& e) {
  const Finding& f = e.finding;
  ordered_json j;
  j["id"] = f.id;
  if (!ClassGroups(v).empty()) j["class"] = ClassName(ClassOf(f));
  j["aliases"] = f.aliases;
  if (!f.related.empty()) j["related"] = f.related;
  j["severity"] = SeverityName(f.severity);
  if (e.severity_assumed) j["counted_as"] = SeverityName(e.effective_severity);
  if (e.fail_on) j["fail_on"] = SeverityName(*e.fail_on);
  if (!f.severity_source.empty()) j["severity_source"] = f.severity_source;
  if (f.score > 0) j["score"] = f.score;
  if (!f.package.name.empty() || !f.package.purl.empty()) {
    ordered_json p;
    p["name"] = f.package.name;
    p["version"] = f.package.version;
    p["ecosystem"] = f.package.ecosystem;
    p["purl"] = f.package.purl;
    j["package"] = p;
  }
  j["fixed_versions"] = f.fixed_versions;
  ordered_json loc = ordered_json::object();
  if (!f.location.target.empty()) loc["target"] = f.location.target;
  if (!f.location.path.empty()) loc["path"] = f.location.path;
  if (f.location.line > 0) loc["line"] = f.location.line;
  if (!f.location.commit.empty()) loc["commit"] = f.location.commit;
  if (!f.location.author.empty()) loc["author"] = f.location.author;
  if (!f.location.date.empty()) loc["date"] = f.location.date;
  j["location"] = loc;
  if (!f.title.empty()) j["title"] = f.title;
  if (!f.url.empty()) j["url"] = f.url;
  if (!f.message.empty()) j["message"] = f.message;
  j["disposition"] = DispositionName(e.disposition);
  if (!e.reason.empty()) j["reason"] = e.reason;
  if (e.waiver >= 0) j["waiver"] = WaiverRef(v.waivers[e.waiver].waiver);
  if (e.expired_waiver >= 0) j["expired_waiver"] = WaiverRef(v.waivers[e.expired_waiver].waiver);
  if (f.secret.present()) j["secret"] = {{"prefix", f.secret.prefix}, {"length", f.secret.length}};
  if (f.test_key) j["test_key"] = true;
  if (!f.decoded.empty()) j["decoded"] = f.decoded;
  if (!f.vex_state.empty())
    j["vex"] = {{"state", f.vex_state}, {"justification", f.vex_justification}};
  if (f.dev_only) j["dev_only"] = true;
  if (f.code) j["code"] = CodeToJson(f);
  j["fingerprint"] = f.fingerprint;
  j["sources"] = f.sources;
  if (!f.input.empty()) j["input"] = f.input;
  return j;
}

ordered_json WaiverFieldsJson(const Waiver& w, WaiverStatus status) {
  ordered_json j;
  j["id"] = w.id;
  j["gate"] = GateName(w.gate);
  j["status"] = WaiverStatusName(status);
  j["owner"] = w.owner;
  j["reason"] = w.reason;
  if (!w.ticket.empty()) j["ticket"] = w.ticket;
  if (!w.package.empty()) j["package"] = w.package;
  if (!w.path.empty()) j["path"] = w.path;
  j["created"] = w.created ? w.created->ToString() : "";
  j["expires"] = w.expires ? w.expires->ToString() : "";
  return j;
}

ordered_json WaiverToJson(const WaiverDiagnostic& d) {
  ordered_json j = WaiverFieldsJson(d.waiver, d.status);
  j["days_left"] = d.days_left;
  j["matches"] = d.matches;
  j["line"] = d.waiver.line;
  return j;
}

void JsonReporter::Write(const Verdict& v, std::ostream& out) const {
  ordered_json head;
  head["schema"] = "secgate.verdict/v1";
  head["tool"] = {{"name", v.tool}, {"version", v.version}};
  head["gate"] = GateName(v.gate);
  head["verdict"] = VerdictWord(v);
  head["exit_code"] = ToInt(v.exit_code);
  if (!v.error.empty()) head["error"] = v.error;
  head["today"] = v.today.ToString();
  head["policy"] = {{"source", v.policy_source}, {"sha256", v.policy_sha256},
                    {"fail_on", SeverityName(v.fail_on)}};
  if (!v.policy_bases.empty()) {
    ordered_json bases = ordered_json::array();
    for (const auto& b : v.policy_bases) bases.push_back({{"source", b.source}, {"sha256", b.sha256}});
    head["policy"]["extends"] = std::move(bases);
  }
  head["waiver_file"] = {{"source", v.waivers_source}, {"sha256", v.waivers_sha256}};
  const Summary& s = v.summary;
  ordered_json by = ordered_json::object();
  for (Severity sev : {Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow,
                       Severity::kUnknown}) {
    auto it = s.by_severity.find(sev);
    by[std::string(SeverityName(sev))] = it == s.by_severity.end() ? 0 : it->second;
  }
  head["summary"] = {{"findings", s.findings},
                     {"violations", s.violations},
                     {"waived", s.waived},
                     {"below_threshold", s.below_threshold},
                     {"ignored", s.ignored},
                     {"findings_before_dedup", s.findings_before_dedup},
                     {"by_severity", by}};
  // Only when the verdict mixes classes (a Trivy report's secrets and
  // licenses in secgate-vuln): a single-class verdict is unchanged.
  if (std::vector<FindingClass> groups = ClassGroups(v); !groups.empty()) {
    ordered_json by_class = ordered_json::object();
    for (FindingClass c : groups) by_class[std::string(ClassName(c))] = s.by_class.at(c);
    head["summary"]["by_class"] = by_class;
  }
  ordered_json inputs = ordered_json::array();
  for (const auto& in : v.inputs) {
    ordered_json i = {{"path", in.path}, {"format", in.format}, {"findings", in.findings}};
    if (!in.skipped.empty()) i["skipped"] = in.skipped;
    inputs.push_back(i);
  }
  head["inputs"] = inputs;
  head["notes"] = v.notes;
  ordered_json waivers = ordered_json::array();
  for (const auto& d : v.waivers) waivers.push_back(WaiverToJson(d));
  head["waivers"] = waivers;

  // Write the head without its closing brace, then stream the findings.
  std::string text = Dump(head, 2);
  text.resize(text.size() - 2);  // drop "\n}"
  out << text << ",\n  \"findings\": [";
  for (size_t i = 0; i < v.findings.size(); ++i) {
    out << (i ? ",\n    " : "\n    ") << Dump(FindingToJson(v, v.findings[i]), -1);
  }
  out << (v.findings.empty() ? "]\n}\n" : "\n  ]\n}\n");
}

}  // namespace secgate::core
