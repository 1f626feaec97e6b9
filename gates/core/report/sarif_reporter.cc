#include "gates/core/report/sarif_reporter.h"

#include <map>
#include <nlohmann/json.hpp>

#include "gates/core/purl.h"
#include "gates/core/fingerprint.h"
#include "gates/core/report/describe.h"
#include "gates/core/report/escape.h"

#ifndef SECGATE_HOMEPAGE
#define SECGATE_HOMEPAGE "https://github.com/secgate/secgate"
#endif

namespace secgate::core {

using nlohmann::ordered_json;

namespace {

constexpr size_t kMaxDescription = 1024;  // GitHub: short/full description.

std::string Dump(const ordered_json& j, int indent) {
  return j.dump(indent, ' ', false, ordered_json::error_handler_t::replace);
}

// `j` pretty-printed as Dump(j, 2) prints it `depth` levels down: every line
// after the first is indented by two spaces per level. Serialized JSON has
// line breaks only between tokens (a string's are escaped as \n), so this
// never alters a value.
std::string DumpAt(const ordered_json& j, int depth) {
  const std::string text = Dump(j, 2), pad(2 * depth, ' ');
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    out += c;
    if (c == '\n') out += pad;
  }
  return out;
}

// One member of an object whose members sit `depth` levels down.
void WriteMember(std::ostream& out, const std::string& key, const ordered_json& value, int depth,
                 bool first) {
  out << (first ? "\n" : ",\n") << std::string(2 * depth, ' ') << Dump(ordered_json(key), -1)
      << ": " << DumpAt(value, depth);
}

std::string Text(const std::string& s) { return ValidUtf8(s); }

std::string Short(const std::string& s) { return TruncateUtf8(ValidUtf8(s), kMaxDescription); }

std::string ResultLevel(const EvaluatedFinding& e) {
  if (e.disposition == Disposition::kBelowThreshold || e.disposition == Disposition::kIgnored)
    return "note";
  return SarifLevel(e.effective_severity);
}

std::string ProblemSeverity(Severity s) {
  std::string level = SarifLevel(s);
  return level == "note" ? "recommendation" : level;
}

std::string Uri(const Verdict& v, const Finding& f) {
  std::string uri = PathToUri(FindingPlace(f));
  return uri.empty() ? PathToUri(v.tool.empty() ? "secgate" : v.tool) : uri;
}

// GitHub keys alerts on primaryLocationLineHash. For dependencies it leaves
// the version out (docs/input-formats.md §16), so an alert survives a version
// bump that does not fix it; other gates use the finding's fingerprint,
// which never depends on line numbers.
std::string LocationHash(const Finding& f, const std::string& uri) {
  std::string key;
  if (f.gate == Gate::kVuln) {
    auto purl = ParsePurl(f.package.purl);
    std::string pkg = purl ? purl->Base() : f.package.ecosystem + "/" + f.package.name;
    key = "vuln|" + f.id + "|" + pkg + "|" + uri;
  } else {
    key = std::string(GateName(f.gate)) + "|" + f.fingerprint + "|" + uri;
  }
  return Sha256HexPrefix(key, 16) + ":1";
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

struct RuleText {
  std::string short_text, full_text, help_text, help_markdown;
  std::vector<std::string> tags;
};

RuleText VulnRule(const Finding& f) {
  RuleText r;
  r.short_text = f.title.empty() ? f.id + " in " + f.package.name : f.id + ": " + f.title;
  r.full_text = f.title.empty() ? r.short_text : f.title;
  if (!f.aliases.empty()) r.full_text += " (also known as " + Join(f.aliases) + ")";
  if (f.fixed_versions.empty()) {
    r.help_text = "No fixed version of " + f.package.name +
                  " is known. Replace the package, or waive " + f.id +
                  " with a reason, an owner and an expiry.";
    r.help_markdown = "No fixed version of **" + MarkdownEscape(f.package.name) +
                      "** is known. Replace the package, or waive " + MarkdownCodeSpan(f.id) +
                      " with a reason, an owner and an expiry.";
  } else {
    r.help_text = "Upgrade " + f.package.name + " to " + Join(f.fixed_versions) + " or later.";
    std::string fixed;
    for (const auto& v : f.fixed_versions) fixed += (fixed.empty() ? "" : ", ") + MarkdownCodeSpan(v);
    r.help_markdown = "Upgrade **" + MarkdownEscape(f.package.name) + "** to " + fixed + " or later.";
  }
  if (!f.url.empty()) {
    r.help_text += " Details: " + f.url;
    if (IsPlainHttpUrl(f.url)) r.help_markdown += " [Advisory](" + f.url + ")";
  }
  r.tags = {"security", "vulnerability"};
  if (!f.package.ecosystem.empty()) r.tags.push_back(f.package.ecosystem);
  return r;
}

RuleText SecretRule(const Finding& f) {
  RuleText r;
  r.short_text = "Secret: " + (f.title.empty() ? f.id : f.title);
  r.full_text = "A credential matching secret rule " + f.id + " was found." +
                (f.message.empty() ? "" : " " + f.message);
  r.help_text =
      "Revoke and rotate the credential, remove it from the code (and from history when it was "
      "committed), and load it from a secret store. To accept a false positive, waive its "
      "fingerprint (never the value) in secgate-waivers.yaml.";
  r.help_markdown =
      "**Revoke and rotate** the credential, remove it from the code (and from history when it "
      "was committed), and load it from a secret store. To accept a false positive, waive its "
      "*fingerprint* (never the value) in `secgate-waivers.yaml`.";
  r.tags = {"security", "secret"};
  return r;
}

RuleText SbomRule(const Finding& f) {
  RuleText r;
  r.short_text = f.title.empty() ? "SBOM policy: " + f.id : f.title;
  r.full_text = f.message.empty() ? r.short_text : f.message;
  r.help_text = "Replace or remove the component, or change the SBOM policy (sbom.licenses, "
                "sbom.banned, sbom.require) in secgate.yaml, or waive " + f.id +
                " with a reason, an owner and an expiry.";
  r.help_markdown = "Replace or remove the component, or change the SBOM policy (`sbom.licenses`, "
                    "`sbom.banned`, `sbom.require`) in `secgate.yaml`, or waive " +
                    MarkdownCodeSpan(f.id) + " with a reason, an owner and an expiry.";
  r.tags = {"security", "sbom", "license"};
  return r;
}

// A code finding's rule as its producer described it (help URI, tags), so
// code scanning shows the producer's rule.
RuleText CodeRuleText(const Finding& f) {
  RuleText r;
  const CodeRule* rule = f.code ? f.code->rule.get() : nullptr;
  r.short_text = rule && !rule->description.empty() ? rule->description
                 : !f.title.empty()                 ? f.title
                                                    : f.id;
  r.full_text = rule && !rule->name.empty() ? rule->name + ": " + r.short_text : r.short_text;
  r.help_text = "Fix the code, or waive rule " + f.id +
                " (gate code; by fingerprint or with a path scope) with a reason, an owner and "
                "an expiry.";
  r.help_markdown = "Fix the code, or waive rule " + MarkdownCodeSpan(f.id) +
                    " (`gate: code`; by fingerprint or with a `path` scope) with a reason, an "
                    "owner and an expiry.";
  r.tags = rule && !rule->tags.empty() ? rule->tags : std::vector<std::string>{"code"};
  return r;
}

ordered_json Rule(const EvaluatedFinding& first, double max_score) {
  const Finding& f = first.finding;
  RuleText t = f.gate == Gate::kSecrets ? SecretRule(f)
               : f.gate == Gate::kSbom  ? SbomRule(f)
               : f.gate == Gate::kCode  ? CodeRuleText(f)
                                        : VulnRule(f);
  Severity sev = first.effective_severity;
  ordered_json r;
  r["id"] = Text(f.id);
  if (f.code && f.code->rule && !f.code->rule->name.empty()) r["name"] = Text(f.code->rule->name);
  r["shortDescription"] = {{"text", Short(t.short_text)}};
  r["fullDescription"] = {{"text", Short(t.full_text)}};
  if (IsPlainHttpUrl(f.url)) r["helpUri"] = f.url;
  r["help"] = {{"text", Text(t.help_text)}, {"markdown", Text(t.help_markdown)}};
  r["defaultConfiguration"] = {{"level", SarifLevel(sev)}};
  r["properties"] = {{"tags", t.tags},
                     {"precision", "high"},
                     {"security-severity", FormatScore(max_score)},
                     {"problem.severity", ProblemSeverity(sev)}};
  return r;
}

ordered_json Suppression(const Waiver& w) {
  ordered_json s;
  s["kind"] = "external";
  s["status"] = "accepted";
  s["justification"] = Text(w.reason);
  ordered_json p = {{"waiver", Text(w.id)}, {"owner", Text(w.owner)}};
  if (!w.ticket.empty()) p["ticket"] = Text(w.ticket);
  p["expires"] = w.expires ? w.expires->ToString() : "";
  s["properties"] = p;
  return s;
}

ordered_json ResultJson(const Verdict& v, const EvaluatedFinding& e, int rule_index) {
  const Finding& f = e.finding;
  std::string uri = Uri(v, f);
  ordered_json r;
  r["ruleId"] = Text(f.id);
  r["ruleIndex"] = rule_index;
  r["level"] = ResultLevel(e);
  r["message"] = {{"text", Text(DescribeFinding(v, e))}};
  ordered_json phys = {{"artifactLocation", {{"uri", uri}}},
                       {"region", {{"startLine", f.location.line > 0 ? f.location.line : 1}}}};
  r["locations"] = ordered_json::array({{{"physicalLocation", phys}}});
  r["partialFingerprints"] = {{"primaryLocationLineHash", LocationHash(f, uri)},
                              {"secgate/v1", Text(f.fingerprint)}};
  if (e.disposition == Disposition::kWaived && e.waiver >= 0 &&
      e.waiver < static_cast<int>(v.waivers.size()))
    r["suppressions"] = ordered_json::array({Suppression(v.waivers[e.waiver].waiver)});
  ordered_json p;
  if (!ClassGroups(v).empty()) p["class"] = ClassName(ClassOf(f));
  p["disposition"] = DispositionName(e.disposition);
  p["severity"] = SeverityName(f.severity);
  if (e.severity_assumed) p["countedAs"] = SeverityName(e.effective_severity);
  if (!f.package.purl.empty()) p["purl"] = Text(f.package.purl);
  if (!f.fixed_versions.empty()) p["fixedVersions"] = f.fixed_versions;
  if (!f.location.target.empty()) p["target"] = Text(f.location.target);
  if (!f.location.commit.empty()) p["commit"] = Text(f.location.commit);
  if (f.secret.present())
    p["secret"] = {{"prefix", Text(f.secret.prefix)}, {"length", f.secret.length}};
  if (f.test_key) p["test_key"] = true;
  if (!f.decoded.empty()) p["decoded"] = f.decoded;
  if (f.code) {
    p["level"] = f.code->level;
    if (!f.code->baseline_state.empty()) p["baselineState"] = f.code->baseline_state;
    if (!f.code->rule_problem.empty()) p["ruleProblem"] = Text(f.code->rule_problem);
    if (!f.upstream_ignore.empty()) p["upstreamSuppression"] = Text(f.upstream_ignore);
  }
  if (!e.reason.empty()) p["reason"] = Text(e.reason);
  r["properties"] = p;
  return r;
}

// One rule per id, in order of first appearance among the run's results,
// scored by the worst of them; `index` maps the id to its rule.
ordered_json Rules(const Verdict& v, const std::vector<size_t>& indices,
                   std::map<std::string, int>* index) {
  std::vector<const EvaluatedFinding*> rule_first;
  std::vector<double> rule_score;
  for (size_t i : indices) {
    const EvaluatedFinding& e = v.findings[i];
    auto [it, added] = index->emplace(e.finding.id, static_cast<int>(rule_first.size()));
    if (added) {
      rule_first.push_back(&e);
      rule_score.push_back(0);
    }
    rule_score[it->second] = std::max(rule_score[it->second], SecurityScore(e));
  }
  ordered_json rules = ordered_json::array();
  for (size_t r = 0; r < rule_first.size(); ++r) rules.push_back(Rule(*rule_first[r], rule_score[r]));
  return rules;
}

// One run of the log: the gate's own, or (secgate-code) one producing
// tool's results under that tool's name, version and rules.
struct RunPart {
  std::string name, version, uri;
  std::string automation;       ///< automationDetails.id.
  std::vector<size_t> indices;  ///< Into Verdict::findings, in report order.
};

std::vector<RunPart> RunParts(const Verdict& v, const ReportSelection& sel) {
  const std::string tool = v.tool.empty() ? "secgate" : v.tool;
  RunPart own{tool, v.version, SECGATE_HOMEPAGE, tool + "/", {}};
  if (v.gate != Gate::kCode || sel.indices.empty()) {
    own.indices = sel.indices;
    return {own};
  }
  std::vector<RunPart> parts;
  std::map<std::string, size_t> by_tool;
  for (size_t i : sel.indices) {
    const Finding& f = v.findings[i].finding;
    const std::string producer = f.sources.empty() ? tool : f.sources.front();
    auto [it, added] = by_tool.emplace(producer, parts.size());
    if (added) {
      const CodeRule* rule = f.code ? f.code->rule.get() : nullptr;
      parts.push_back({producer, rule ? rule->tool_version : "", rule ? rule->tool_uri : "",
                       tool + "/" + producer + "/", {}});
    }
    parts[it->second].indices.push_back(i);
  }
  return parts;
}

// The run's members before its results: tool, automationDetails, invocations.
ordered_json RunHead(const Verdict& v, const RunPart& part, ordered_json rules) {
  const bool error = v.exit_code == ExitCode::kError;
  ordered_json driver = {{"name", part.name},
                         {"version", part.version},
                         {"semanticVersion", part.version},
                         {"informationUri", part.uri},
                         {"rules", std::move(rules)}};
  if (part.version.empty()) {
    driver.erase("version");
    driver.erase("semanticVersion");
  }
  if (!IsPlainHttpUrl(part.uri)) driver.erase("informationUri");
  ordered_json invocation = {{"executionSuccessful", !error}};
  ordered_json notifications = ordered_json::array();
  if (error) notifications.push_back({{"level", "error"}, {"message", {{"text", Text(v.error)}}}});
  // Classes another gate gates (Trivy misconfigurations): never silent.
  for (const auto& n : v.not_gated)
    notifications.push_back({{"level", "warning"}, {"message", {{"text", Text(n)}}}});
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = notifications;
  ordered_json head;
  head["tool"] = {{"driver", driver}};
  head["automationDetails"] = {{"id", part.automation}};
  head["invocations"] = ordered_json::array({invocation});
  return head;
}

ordered_json RunProperties(const Verdict& v, const ReportSelection& sel, size_t max_results) {
  ordered_json p = {{"secgate",
           {{"verdict", VerdictName(v)},
            {"exitCode", ToInt(v.exit_code)},
            {"gate", GateName(v.gate)},
            {"failOn", SeverityName(v.fail_on)},
            {"findings", v.summary.findings},
            {"violations", v.summary.violations},
            {"waived", v.summary.waived},
            {"resultLimit", max_results},
            {"resultsWritten", sel.indices.size()},
            {"resultsOmitted", sel.omitted}}}};
  // Only when the verdict mixes classes; results then carry properties.class.
  if (std::vector<FindingClass> groups = ClassGroups(v); !groups.empty()) {
    ordered_json by_class = ordered_json::object();
    for (FindingClass c : groups) by_class[std::string(ClassName(c))] = v.summary.by_class.at(c);
    p["secgate"]["byClass"] = by_class;
  }
  return p;
}

}  // namespace

// Written member by member, laid out as Dump(document, 2) would, with the
// results streamed one at a time between the run's invocations and its
// properties (memory stays one result). Nothing searches serialized text.
void SarifReporter::Write(const Verdict& v, std::ostream& out) const {
  ReportSelection sel = SelectWorst(v.findings, v.exit_code == ExitCode::kError ? 0 : max_results_);
  out << "{";
  WriteMember(out, "$schema", "https://json.schemastore.org/sarif-2.1.0.json", 1, true);
  WriteMember(out, "version", "2.1.0", 1, false);
  out << ",\n  \"runs\": [";
  const std::vector<RunPart> parts = RunParts(v, sel);
  for (size_t p = 0; p < parts.size(); ++p) {
    std::map<std::string, int> rule_index;
    const ordered_json head = RunHead(v, parts[p], Rules(v, parts[p].indices, &rule_index));
    out << (p ? ",\n    {" : "\n    {");
    for (auto it = head.begin(); it != head.end(); ++it)
      WriteMember(out, it.key(), it.value(), 3, it == head.begin());
    out << ",\n      \"results\": [";
    for (size_t k = 0; k < parts[p].indices.size(); ++k) {
      const EvaluatedFinding& e = v.findings[parts[p].indices[k]];
      out << (k ? ",\n        " : "\n        ")
          << Dump(ResultJson(v, e, rule_index.at(e.finding.id)), -1);
    }
    out << (parts[p].indices.empty() ? "]" : "\n      ]");
    WriteMember(out, "properties", RunProperties(v, sel, max_results_), 3, false);
    out << "\n    }";
  }
  out << "\n  ]\n}\n";
}

}  // namespace secgate::core
