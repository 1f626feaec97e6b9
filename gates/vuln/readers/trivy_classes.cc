#include "gates/vuln/readers/trivy_classes.h"

#include "gates/core/fingerprint.h"
#include "gates/core/json_stream.h"

namespace secgate::vuln {

using core::Error;
using core::Finding;
using core::Result;
using core::Status;
using nlohmann::json;

namespace {

// The record's Severity (TrivySeverity), from source "trivy".
Status ReadSeverity(const json& v, const std::string& where, Finding* f) {
  SECGATE_ASSIGN_OR_RETURN(std::string word, core::GetString(v, "Severity", where));
  SECGATE_ASSIGN_OR_RETURN(f->severity, TrivySeverity(word, where));
  f->severity_source = "trivy";
  return core::Ok{};
}

// Optional non-negative integer (a line number); 0 when absent.
Result<int> OptLine(const json& v, const char* key, const std::string& where) {
  auto it = v.find(key);
  if (it == v.end() || it->is_null()) return 0;
  if (!it->is_number_integer() && !it->is_number_unsigned())
    return Error{where + "/" + key, "expected integer, got " + core::JsonTypeName(*it)};
  long long n = it->get<long long>();
  if (n < 0 || n > (1LL << 31) - 1)
    return Error{where + "/" + key, "line " + std::to_string(n) + " is out of range"};
  return static_cast<int>(n);
}

}  // namespace

Result<core::Severity> TrivySeverity(const std::string& word, const std::string& where) {
  if (word.empty()) return Error{where, "missing Severity (Trivy always writes one)"};
  auto sev = core::ParseSeverityWord(word);
  if (!sev) return Error{where + "/Severity", "unknown severity '" + word + "'"};
  return *sev;
}

const std::vector<std::string>& TrivySecretFields() {
  static const std::vector<std::string> k = {"RuleID", "Category",  "Severity", "Title",
                                             "StartLine", "EndLine", "Match"};
  return k;
}

const std::vector<std::string>& TrivyLicenseFields() {
  static const std::vector<std::string> k = {"Severity", "Category", "PkgName", "FilePath",
                                             "Name",     "Confidence", "Link"};
  return k;
}

Result<Finding> ParseTrivySecret(const json& v, const std::string& where,
                                 std::string* redacted_match) {
  SECGATE_RETURN_IF_ERROR(core::ExpectObject(v, where));
  Finding f;
  f.gate = core::Gate::kSecrets;
  f.cls = core::FindingClass::kSecret;
  f.sources = {"trivy"};
  SECGATE_ASSIGN_OR_RETURN(std::string rule, core::GetString(v, "RuleID", where));
  if (rule.empty()) return Error{where, "missing RuleID (Trivy always writes one)"};
  f.id = rule;
  SECGATE_RETURN_IF_ERROR(ReadSeverity(v, where, &f));
  SECGATE_ASSIGN_OR_RETURN(std::string title, core::GetString(v, "Title", where));
  f.title = title;
  SECGATE_ASSIGN_OR_RETURN(std::string category, core::GetString(v, "Category", where));
  if (!category.empty()) f.message = "category " + category;
  SECGATE_ASSIGN_OR_RETURN(int start, OptLine(v, "StartLine", where));
  SECGATE_ASSIGN_OR_RETURN(int end, OptLine(v, "EndLine", where));
  if (end != 0 && end < start)
    return Error{where + "/EndLine", "EndLine " + std::to_string(end) + " is before StartLine " +
                                         std::to_string(start)};
  f.location.line = start;
  SECGATE_ASSIGN_OR_RETURN(std::string match, core::GetString(v, "Match", where));
  *redacted_match = std::move(match);
  return f;
}

void FinishTrivySecret(Finding* f, const std::string& redacted_match) {
  f->fingerprint = core::SecretFingerprint(
      f->id, f->location.target + "\n" + f->location.path + "\n" + redacted_match);
}

const std::vector<std::string>& TrivyMisconfigurationFields() {
  static const std::vector<std::string> k = {"Type",    "ID",         "AVDID",  "Title",
                                             "Description", "Message", "Severity", "PrimaryURL",
                                             "Status",  "CauseMetadata"};
  return k;
}

namespace {

Status ReadCause(const json& v, const std::string& where, Finding* f, std::string* resource) {
  auto cause = v.find("CauseMetadata");
  if (cause == v.end() || cause->is_null()) return core::Ok{};
  if (Status s = core::ExpectObject(*cause, where + "/CauseMetadata"); !s) return s;
  auto res = core::GetString(*cause, "Resource", where + "/CauseMetadata");
  if (!res) return res.error();
  *resource = *res;
  auto start = OptLine(*cause, "StartLine", where + "/CauseMetadata");
  if (!start) return start.error();
  f->location.line = *start;
  return core::Ok{};
}

}  // namespace

Result<std::optional<Finding>> ParseTrivyMisconfiguration(const json& v, const std::string& where) {
  if (Status s = core::ExpectObject(v, where); !s) return s.error();
  auto status = core::GetString(v, "Status", where);
  if (!status) return status.error();
  if (*status == "PASS") return std::optional<Finding>{};
  if (*status != "FAIL" && *status != "EXCEPTION")
    return Error{where + "/Status", "unknown Status '" + *status + "' (expected FAIL, PASS or EXCEPTION)"};
  Finding f;
  f.gate = core::Gate::kCode;
  f.sources = {"trivy"};
  auto rule = std::make_shared<core::CodeRule>();
  rule->tool = "Trivy";
  std::string type, avd, description;
  for (auto [key, dst] : {std::pair{"ID", &rule->id}, std::pair{"AVDID", &avd},
                          std::pair{"Title", &rule->name}, std::pair{"Type", &type},
                          std::pair{"Description", &description},
                          std::pair{"Message", &f.message},
                          std::pair{"PrimaryURL", &rule->help_uri}}) {
    auto r = core::GetString(v, key, where);
    if (!r) return r.error();
    *dst = std::move(*r);
  }
  if (rule->id.empty()) return Error{where, "missing ID (Trivy always writes one)"};
  if (Status s = ReadSeverity(v, where, &f); !s) return s.error();
  f.id = rule->id;
  if (!avd.empty() && avd != rule->id) f.aliases.push_back(avd);
  rule->description = description.substr(0, 1024);
  if (!type.empty()) rule->tags.push_back(type);
  f.title = rule->name;
  f.url = rule->help_uri;
  if (*status == "EXCEPTION") f.upstream_ignore = "trivy: EXCEPTION (an exception in the scanned policy)";
  std::string resource;
  if (Status s = ReadCause(v, where, &f, &resource); !s) return s.error();
  auto detail = std::make_shared<core::CodeDetail>();
  detail->rule = rule;
  detail->level = core::SarifLevel(f.severity);  // as Trivy's own SARIF writes it
  detail->severity_from = "trivy";
  f.code = std::move(detail);
  f.location.target = resource;  // until FinishTrivyMisconfiguration
  return std::optional<Finding>{std::move(f)};
}

void FinishTrivyMisconfiguration(Finding* f, const std::string& target,
                                 const std::string& artifact) {
  const std::string resource = f->location.target;
  f->location.path = target;
  f->location.target = artifact;
  f->fingerprint = core::CodeFingerprint("trivy", f->id, target + "\n" + resource + "\n" + f->message);
}

Result<Finding> ParseTrivyLicense(const json& v, const std::string& where) {
  SECGATE_RETURN_IF_ERROR(core::ExpectObject(v, where));
  Finding f;
  f.gate = core::Gate::kSbom;
  f.cls = core::FindingClass::kLicense;
  f.sources = {"trivy"};
  SECGATE_ASSIGN_OR_RETURN(std::string name, core::GetString(v, "Name", where));
  if (name.empty()) return Error{where, "missing Name (the license)"};
  f.id = name;
  SECGATE_RETURN_IF_ERROR(ReadSeverity(v, where, &f));
  for (const char* key : {"Category", "PkgName", "FilePath", "Link"}) {
    SECGATE_ASSIGN_OR_RETURN(std::string r, core::GetString(v, key, where));
    std::string k = key;
    if (k == "Category" && !r.empty()) f.message = "Trivy category " + r;
    if (k == "PkgName") f.package.name = r;
    if (k == "FilePath") f.location.path = r;
    if (k == "Link") f.url = r;
  }
  SECGATE_ASSIGN_OR_RETURN(std::optional<double> confidence,
                           core::GetNumber(v, "Confidence", where));
  if (confidence && (*confidence < 0 || *confidence > 1))
    return Error{where + "/Confidence", "confidence outside 0-1"};
  f.title = "License " + f.id;
  return f;
}

void FinishTrivyLicense(Finding* f) {
  // Two loose files under one license are two findings: the key names the
  // place as well as the license and the package.
  Finding key = *f;
  key.id += "|" + f->location.target + "|" + f->location.path;
  f->fingerprint = core::SbomFingerprint(key);
}

}  // namespace secgate::vuln
