// Policy checks over an SbomDocument. See checks.h for the finding kinds.
#include "gates/sbom/checks.h"

#include <unordered_map>

#include "gates/core/fingerprint.h"
#include "gates/core/purl.h"
#include "gates/sbom/license_expr.h"

namespace secgate::sbom {

using core::Finding;
using core::Severity;

namespace {

std::string Label(const Component& c) {
  std::string name = c.DisplayName().empty() ? "(unnamed)" : c.DisplayName();
  return c.version.empty() ? name : name + "@" + c.version;
}

Finding ComponentFinding(const Component& c, const std::string& file, const std::string& format) {
  Finding f;
  f.gate = core::Gate::kSbom;
  f.package.name = c.DisplayName();
  f.package.version = c.version;
  f.package.purl = c.purl;
  if (auto p = core::ParsePurl(c.purl)) {
    f.package.ecosystem = p->type;
    if (f.package.version.empty()) f.package.version = p->version;
  }
  // The file is the path (annotations, SARIF and waiver path globs point at
  // it); the target adds the component's place in it.
  f.location.path = file;
  f.location.target = file + "#" + (c.ref.empty() ? c.pointer : c.ref);
  f.input = file;
  f.sources = {format};
  return f;
}

// Appends "; LicenseRef-x is \"Name\"" for SPDX extracted licenses named in `text`.
std::string WithRefNames(std::string text, const SbomDocument& doc) {
  for (const auto& [id, name] : doc.extracted_licenses)
    if (!name.empty() && text.find(id) != std::string::npos)
      text += "; " + id + " is \"" + name + "\"";
  return text;
}

// Judges one license entry: problems go to `fails`, unknown reasons to `unknown`.
void JudgeEntry(const LicenseEntry& entry, const LicensePolicy& policy,
                std::vector<LicenseProblem>* fails, std::vector<std::string>* unknown) {
  using Kind = LicenseEntry::Kind;
  if (entry.kind == Kind::kNoAssertion) return unknown->push_back("license is NOASSERTION");
  if (entry.kind == Kind::kNone) return unknown->push_back("license is NONE");
  JudgeLicenseText(entry.text, entry.kind == Kind::kName, policy, fails, unknown);
}

// Judgements by license entry: an SBOM repeats a handful of license texts
// over thousands of components, so each is parsed and judged once.
struct Judged {
  std::vector<LicenseProblem> fails;
  std::vector<std::string> unknown;
};
using JudgeCache = std::unordered_map<std::string, Judged>;

const Judged& JudgeCached(const LicenseEntry& entry, const LicensePolicy& policy,
                          JudgeCache* cache) {
  std::string key = std::to_string(static_cast<int>(entry.kind)) + entry.text;
  auto it = cache->find(key);
  if (it != cache->end()) return it->second;
  Judged j;
  JudgeEntry(entry, policy, &j.fails, &j.unknown);
  return cache->emplace(std::move(key), std::move(j)).first->second;
}

void CheckLicenses(const Component& c, const SbomDocument& doc, const std::string& file,
                   const SbomRules& rules, JudgeCache* cache, std::vector<Finding>* out) {
  std::vector<LicenseProblem> fails;
  std::vector<std::string> unknown;
  if (c.licenses.empty()) unknown.push_back("no license information");
  for (const auto& entry : c.licenses) {
    const Judged& j = JudgeCached(entry, rules.licenses, cache);
    fails.insert(fails.end(), j.fails.begin(), j.fails.end());
    unknown.insert(unknown.end(), j.unknown.begin(), j.unknown.end());
  }
  for (auto& p : fails) {
    Finding f = ComponentFinding(c, file, doc.format);
    f.id = p.ids[0];
    f.aliases.assign(p.ids.begin() + 1, p.ids.end());
    f.severity = Severity::kHigh;
    f.title = "License not allowed";
    f.message = WithRefNames(p.explanation, doc);
    f.fingerprint = core::SbomFingerprint(f);
    out->push_back(std::move(f));
  }
  if (unknown.empty() || rules.unknown == "pass") return;
  Finding f = ComponentFinding(c, file, doc.format);
  f.id = kUnknownLicenseId;
  f.severity = rules.unknown == "fail" ? Severity::kHigh : Severity::kLow;
  // warn: shown, never failing; Evaluate decides (core::Finding::warn_only).
  if (rules.unknown == "warn") f.warn_only = "warning only (sbom.licenses.unknown: warn)";
  f.title = "Unknown license";
  std::string reasons;
  for (const auto& u : unknown) reasons += (reasons.empty() ? "" : "; ") + u;
  f.message = "license of " + Label(c) + " is unknown: " + WithRefNames(reasons, doc);
  f.fingerprint = core::SbomFingerprint(f);
  out->push_back(std::move(f));
}

void CheckBanned(const Component& c, const SbomDocument& doc, const std::string& file,
                 const SbomRules& rules, std::vector<Finding>* out) {
  if (rules.banned.empty()) return;
  auto purl = core::ParsePurl(c.purl);
  if (!purl) return;
  for (const auto& b : rules.banned) {
    if (!BannedMatches(b, *purl, c.version)) continue;
    Finding f = ComponentFinding(c, file, doc.format);
    f.id = kBannedId;
    f.severity = Severity::kCritical;
    f.title = "Banned component";
    bool unknown_version = purl->version.empty() && c.version.empty();
    f.message = Label(c) + " is banned by sbom.banned entry '" + b.text + "'" +
                (unknown_version && !b.range.all ? " (its version is unknown)" : "");
    f.fingerprint = core::SbomFingerprint(f);
    out->push_back(std::move(f));
    return;  // one ban is enough to name it
  }
}

bool HasField(const Component& c, const std::string& field) {
  if (field == "name") return !c.name.empty();
  if (field == "version") return !c.version.empty();
  if (field == "purl") return !c.purl.empty() || !c.other_ids.empty();
  if (field == "supplier") return !c.supplier.empty();
  if (field == "hashes") return c.hashes > 0;
  if (field == "license") {
    for (const auto& l : c.licenses)
      if (l.kind != LicenseEntry::Kind::kNoAssertion) return true;
    return false;
  }
  return true;
}

std::string FieldWords(const std::string& field) {
  if (field == "purl") return "purl or other unique id (cpe, swid)";
  if (field == "hashes") return "hashes";
  return field;
}

void CheckRequired(const Component& c, const SbomDocument& doc, const std::string& file,
                   const SbomRules& rules, std::vector<Finding>* out) {
  for (const auto& field : rules.require_component) {
    if (HasField(c, field)) continue;
    Finding f = ComponentFinding(c, file, doc.format);
    f.id = kMissingFieldId;
    f.aliases = {"missing-" + field};
    f.severity = Severity::kMedium;
    f.title = "Missing required field";
    f.message = "component " + Label(c) + " (" + (c.ref.empty() ? c.pointer : c.ref) +
                ") has no " + FieldWords(field);
    Finding key = f;
    key.id += ":" + field;  // one fingerprint per missing field
    f.fingerprint = core::SbomFingerprint(key);
    out->push_back(std::move(f));
  }
}

void CheckDocumentFields(const SbomDocument& doc, const std::string& file,
                         const SbomRules& rules, std::vector<Finding>* out) {
  bool cdx = doc.format == "cyclonedx";
  for (const auto& field : rules.require_document) {
    bool present = field == "timestamp" ? !doc.timestamp.empty() : !doc.authors.empty();
    if (present) continue;
    Finding f;
    f.gate = core::Gate::kSbom;
    f.id = kMissingFieldId;
    f.aliases = {"missing-" + field};
    f.severity = Severity::kLow;
    f.package.name = doc.name;
    f.location.target = file;
    f.location.path = file;
    f.input = file;
    f.sources = {doc.format};
    f.title = "Missing required document field";
    std::string where = field == "timestamp"
                            ? (cdx ? "metadata.timestamp" : "creationInfo.created")
                            : (cdx ? "metadata.authors or metadata.tools" : "creationInfo.creators");
    f.message = "document has no " + field + " (" + where + ")";
    Finding key = f;
    key.id += ":document:" + field;
    f.fingerprint = core::SbomFingerprint(key);
    out->push_back(std::move(f));
  }
}

}  // namespace

core::Result<SbomRules> CompileRules(const core::SbomPolicy& p) {
  SbomRules r;
  auto lic = CompileLicensePolicy(p.licenses_allow, p.licenses_deny);
  if (!lic) return lic.error();
  r.licenses = std::move(*lic);
  r.unknown = p.licenses_unknown;
  for (const auto& b : p.banned) {
    auto spec = ParseBannedPurl(b);
    if (!spec) return spec.error();
    r.banned.push_back(std::move(*spec));
  }
  r.require_component = p.require_component;
  r.require_document = p.require_document;
  return r;
}

std::vector<Finding> CheckDocument(const SbomDocument& doc, const std::string& file,
                                   const SbomRules& rules) {
  std::vector<Finding> out;
  CheckDocumentFields(doc, file, rules, &out);
  JudgeCache cache;
  for (const auto& c : doc.components) {
    CheckBanned(c, doc, file, rules, &out);
    CheckLicenses(c, doc, file, rules, &cache, &out);
    CheckRequired(c, doc, file, rules, &out);
  }
  return out;
}

}  // namespace secgate::sbom
