#include "gates/vuln/readers/common.h"

#include <map>

#include "gates/core/strings.h"

namespace secgate::vuln {

using core::Error;
using core::Finding;
using core::Result;
using core::Status;
using nlohmann::json;

Result<core::Severity> SeverityFromWord(const std::string& word, const std::string& where) {
  auto s = core::ParseSeverityWord(word);
  if (!s) return Error{where, "unknown severity '" + word + "'"};
  return *s;
}

std::string GhsaFromUrl(const std::string& url) {
  static const std::string kPrefix = "https://github.com/advisories/";
  if (url.rfind(kPrefix, 0) != 0) return "";
  std::string id = url.substr(kPrefix.size());
  return id.size() == 19 && id.rfind("GHSA-", 0) == 0 ? id : "";
}

void AddUnique(std::vector<std::string>* v, const std::string& s) {
  if (s.empty()) return;
  for (const auto& e : *v)
    if (core::EqualsIgnoreCase(e, s)) return;
  v->push_back(s);
}

bool ReadLine(core::InputFile& in, std::string* line) {
  line->clear();
  int c = in.Next();
  if (c < 0) return false;
  for (; c >= 0 && c != '\n'; c = in.Next()) line->push_back(static_cast<char>(c));
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return true;
}

bool IsBlank(const std::string& s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  return true;
}

namespace {

std::string NumericId(const json& adv, const std::string& where, Status* st) {
  auto it = adv.find("id");
  if (it == adv.end() || it->is_null()) return "";
  if (it->is_number_unsigned() || it->is_number_integer())
    return std::to_string(it->get<long long>());
  if (it->is_string()) return it->get<std::string>();
  *st = Error{where + "/id", "expected number, got " + core::JsonTypeName(*it)};
  return "";
}

struct VersionInfo {
  std::vector<std::string> paths;
  bool all_dev = true;
};

Status ReadFindings(const json& adv, const std::string& where, bool strip_root,
                    std::map<std::string, VersionInfo>* versions,
                    std::vector<std::string>* order) {
  SECGATE_ASSIGN_OR_RETURN(const json* arr, core::GetArray(adv, "findings", where));
  if (!arr) return core::Ok{};
  for (size_t i = 0; i < arr->size(); ++i) {
    const json& f = (*arr)[i];
    std::string w = where + "/findings/" + std::to_string(i);
    SECGATE_RETURN_IF_ERROR(core::ExpectObject(f, w));
    std::string version;
    std::vector<std::string> paths;
    SECGATE_ASSIGN_OR_RETURN(version, core::GetString(f, "version", w));
    SECGATE_ASSIGN_OR_RETURN(paths, core::GetStringArray(f, "paths", w));
    auto dev = f.find("dev");
    if (dev != f.end() && !dev->is_null() && !dev->is_boolean())
      return Error{w + "/dev", "expected boolean, got " + core::JsonTypeName(*dev)};
    bool is_dev = dev != f.end() && dev->is_boolean() && dev->get<bool>();
    if (!versions->count(version)) order->push_back(version);
    VersionInfo& vi = (*versions)[version];
    vi.all_dev = vi.all_dev && is_dev;
    for (auto& p : paths) {
      if (strip_root && p.rfind(".>", 0) == 0) p.erase(0, 2);
      AddUnique(&vi.paths, p);
    }
  }
  return core::Ok{};
}

}  // namespace

Status ParseNpmAdvisory(const json& adv, const std::string& where, const NpmAdvisoryOptions& opt,
                        std::vector<Finding>* out) {
  SECGATE_RETURN_IF_ERROR(core::ExpectObject(adv, where));
  Status st = core::Ok{};
  std::string numeric = NumericId(adv, where, &st);
  if (!st) return st;
  std::string name, word, ghsa, url, title, patched;
  std::vector<std::string> cves;
  SECGATE_ASSIGN_OR_RETURN(name, core::RequireString(adv, "module_name", where));
  SECGATE_ASSIGN_OR_RETURN(word, core::RequireString(adv, "severity", where));
  SECGATE_ASSIGN_OR_RETURN(ghsa, core::GetString(adv, "github_advisory_id", where));
  SECGATE_ASSIGN_OR_RETURN(url, core::GetString(adv, "url", where));
  SECGATE_ASSIGN_OR_RETURN(title, core::GetString(adv, "title", where));
  SECGATE_ASSIGN_OR_RETURN(patched, core::GetString(adv, "patched_versions", where));
  SECGATE_ASSIGN_OR_RETURN(cves, core::GetStringArray(adv, "cves", where));
  SECGATE_ASSIGN_OR_RETURN(core::Severity sev, SeverityFromWord(word, where + "/severity"));
  double score = 0;
  SECGATE_ASSIGN_OR_RETURN(const json* cvss, core::GetObject(adv, "cvss", where));
  if (cvss) {
    SECGATE_ASSIGN_OR_RETURN(std::optional<double> n,
                             core::GetCvssScore(*cvss, "score", where + "/cvss"));
    if (n) score = *n;
  }
  if (ghsa.empty()) ghsa = GhsaFromUrl(url);
  std::vector<std::string> ids;
  AddUnique(&ids, ghsa);
  for (const auto& c : cves) AddUnique(&ids, c);
  if (!numeric.empty()) AddUnique(&ids, "NPM-" + numeric);
  if (ids.empty()) return Error{where, "missing id (no github_advisory_id, cves or id)"};

  std::map<std::string, VersionInfo> versions;
  std::vector<std::string> order;
  SECGATE_RETURN_IF_ERROR(ReadFindings(adv, where, opt.strip_pnpm_root, &versions, &order));
  if (order.empty()) {
    order.push_back("");
    versions[""].all_dev = false;
  }
  for (const auto& version : order) {
    const VersionInfo& vi = versions[version];
    Finding f;
    f.id = ids.front();
    f.aliases.assign(ids.begin() + 1, ids.end());
    f.severity = sev;
    f.severity_source = ghsa.empty() ? "npm" : "ghsa";
    f.score = score;
    f.ratings.push_back({f.severity_source, sev, score});
    f.package = {name, version, "npm", ""};
    if (patched.empty() == false && patched != "<0.0.0") f.fixed_versions.push_back(patched);
    f.location.path = vi.paths.empty() ? "" : vi.paths.front();
    f.title = title;
    f.url = url;
    f.sources = {opt.source};
    f.dev_only = vi.all_dev;
    out->push_back(std::move(f));
  }
  return core::Ok{};
}

Error NpmErrorMember(const json& e, const std::string& where) {
  if (e.is_string()) return Error{where, "the audit failed: " + e.get<std::string>()};
  std::string msg;
  if (e.is_object()) {
    for (const char* key : {"code", "summary", "detail", "message"}) {
      auto it = e.find(key);
      if (it == e.end() || !it->is_string() || it->get<std::string>().empty()) continue;
      std::string part = it->get<std::string>();
      for (char& c : part)
        if (c == '\n' || c == '\r') c = ' ';
      msg += (msg.empty() ? "" : ": ") + part;
    }
  }
  if (msg.empty()) msg = e.dump();
  return Error{where, "the audit failed: " + msg};
}

}  // namespace secgate::vuln
