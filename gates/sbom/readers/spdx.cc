// SPDX JSON 2.2 and 2.3 (docs/input-formats.md §15; other spdxVersions are errors): packages[] with
// licenseConcluded / licenseDeclared (NOASSERTION, NONE; an absent
// licenseConcluded means NOASSERTION), externalRefs purls under
// PACKAGE-MANAGER or the 2.2 spelling PACKAGE_MANAGER, supplier, checksums,
// creationInfo, relationships and hasExtractedLicensingInfos.
// Streams the file: each package is materialised on its own.
#include "gates/core/json_stream.h"
#include "gates/core/spec_versions.h"
#include "gates/sbom/readers/reader.h"
#include "gates/sbom/readers/ref_index.h"

namespace secgate::sbom {

using core::Error;
using core::Ok;
using core::Status;
using nlohmann::json;

namespace {

struct State {
  std::string file;
  SbomDocument* doc;
  bool saw_version = false;
  RefIndex refs{"SPDXID"};
};

// The license a package is judged by: the concluded one when someone
// concluded it, else the declared one.
LicenseEntry ChooseLicense(const std::string& concluded, const std::string& declared) {
  auto real = [](const std::string& s) { return !s.empty() && s != "NOASSERTION"; };
  const std::string& pick = real(concluded) ? concluded : declared;
  if (!real(pick)) return {LicenseEntry::Kind::kNoAssertion, "NOASSERTION"};
  if (pick == "NONE") return {LicenseEntry::Kind::kNone, "NONE"};
  return {LicenseEntry::Kind::kExpression, pick};
}

// "Organization: ACME (a@b.c)" -> "ACME (a@b.c)"; NOASSERTION -> "".
std::string SupplierName(const std::string& s) {
  if (s == "NOASSERTION" || s == "NONE") return "";
  for (const char* prefix : {"Organization:", "Person:"}) {
    std::string p = prefix;
    if (s.rfind(p, 0) == 0) {
      size_t start = s.find_first_not_of(' ', p.size());
      return start == std::string::npos ? "" : s.substr(start);
    }
  }
  return s;
}

Status ParseExternalRefs(const json& pkg, const std::string& where, Component* c) {
  SECGATE_ASSIGN_OR_RETURN(const json* refs, core::GetArray(pkg, "externalRefs", where));
  for (size_t i = 0; refs && i < refs->size(); ++i) {
    const json& r = (*refs)[i];
    std::string w = where + "/externalRefs/" + std::to_string(i), category, type, locator;
    SECGATE_RETURN_IF_ERROR(core::ExpectObject(r, w));
    SECGATE_ASSIGN_OR_RETURN(category, core::GetString(r, "referenceCategory", w));
    SECGATE_ASSIGN_OR_RETURN(type, core::GetString(r, "referenceType", w));
    SECGATE_ASSIGN_OR_RETURN(locator, core::GetString(r, "referenceLocator", w));
    if (locator.empty()) continue;
    bool package_manager = category == "PACKAGE-MANAGER" || category == "PACKAGE_MANAGER";
    if (type == "purl" && package_manager && c->purl.empty()) c->purl = locator;
    else if (type == "cpe22Type" || type == "cpe23Type" || type == "swid" || type == "gitoid" ||
             type == "swh")
      c->other_ids.push_back(locator);
  }
  return Ok{};
}

Status ParsePackage(State& st, const std::string& ptr, const json& pkg) {
  const std::string where = st.file + ":" + ptr;
  SECGATE_RETURN_IF_ERROR(core::ExpectObject(pkg, where));
  Component c;
  c.pointer = ptr;
  std::string supplier, concluded, declared;
  SECGATE_ASSIGN_OR_RETURN(c.ref, core::GetString(pkg, "SPDXID", where));
  SECGATE_ASSIGN_OR_RETURN(c.name, core::GetString(pkg, "name", where));
  SECGATE_ASSIGN_OR_RETURN(c.version, core::GetString(pkg, "versionInfo", where));
  SECGATE_ASSIGN_OR_RETURN(supplier, core::GetString(pkg, "supplier", where));
  c.supplier = SupplierName(supplier);
  SECGATE_ASSIGN_OR_RETURN(concluded, core::GetString(pkg, "licenseConcluded", where));
  SECGATE_ASSIGN_OR_RETURN(declared, core::GetString(pkg, "licenseDeclared", where));
  c.licenses.push_back(ChooseLicense(concluded, declared));
  SECGATE_ASSIGN_OR_RETURN(const json* sums, core::GetArray(pkg, "checksums", where));
  for (size_t i = 0; sums && i < sums->size(); ++i) {
    std::string w = where + "/checksums/" + std::to_string(i), value;
    SECGATE_RETURN_IF_ERROR(core::ExpectObject((*sums)[i], w));
    SECGATE_ASSIGN_OR_RETURN(value, core::GetString((*sums)[i], "checksumValue", w));
    c.hashes += !value.empty();
  }
  SECGATE_RETURN_IF_ERROR(ParseExternalRefs(pkg, where, &c));
  return st.refs.Add(std::move(c), st.file, st.doc);
}

Status ParseCreationInfo(const json& v, const std::string& where, SbomDocument* doc) {
  SECGATE_RETURN_IF_ERROR(core::ExpectObject(v, where));
  SECGATE_ASSIGN_OR_RETURN(doc->timestamp, core::GetString(v, "created", where));
  SECGATE_ASSIGN_OR_RETURN(std::vector<std::string> creators,
                           core::GetStringArray(v, "creators", where));
  for (auto& c : creators)
    if (!c.empty()) doc->authors.push_back(std::move(c));
  return Ok{};
}

Status ParseRelationship(const json& v, const std::string& where, SbomDocument* doc) {
  SECGATE_RETURN_IF_ERROR(core::ExpectObject(v, where));
  std::string from, type, to;
  SECGATE_ASSIGN_OR_RETURN(from, core::GetString(v, "spdxElementId", where));
  SECGATE_ASSIGN_OR_RETURN(type, core::GetString(v, "relationshipType", where));
  SECGATE_ASSIGN_OR_RETURN(to, core::GetString(v, "relatedSpdxElement", where));
  if (type == "DEPENDS_ON" || type == "CONTAINS" || type == "DEV_DEPENDENCY_OF" ||
      type == "DEPENDENCY_OF") {
    bool reversed = type == "DEPENDENCY_OF" || type == "DEV_DEPENDENCY_OF";
    doc->dependencies.emplace_back(reversed ? to : from, reversed ? from : to);
  }
  return Ok{};
}

void Register(core::JsonStreamer& s, State& st) {
  s.OnRecord("/spdxVersion", [&st](const std::string& p, json& v) -> Status {
    if (!v.is_string() || !core::IsKnownSpdxVersion(v.get<std::string>()))
      return Error{st.file + ":" + p, core::UnsupportedSpdxVersion(v.dump())};
    st.doc->spec_version = v.get<std::string>();
    st.saw_version = true;
    return Ok{};
  });
  s.OnRecord("/name", [&st](const std::string& p, json& v) -> Status {
    if (!v.is_string()) return Error{st.file + ":" + p, "expected string, got " + core::JsonTypeName(v)};
    st.doc->name = v.get<std::string>();
    return Ok{};
  });
  s.OnRecord("/creationInfo", [&st](const std::string& p, json& v) {
    return ParseCreationInfo(v, st.file + ":" + p, st.doc);
  });
  for (const char* list : {"/packages", "/relationships", "/hasExtractedLicensingInfos"})
    s.Expect(list, {core::JsonType::kArray});
  s.OnRecord("/packages/*", [&st](const std::string& p, json& v) {
    return ParsePackage(st, p, v);
  });
  s.OnRecord("/relationships/*", [&st](const std::string& p, json& v) {
    return ParseRelationship(v, st.file + ":" + p, st.doc);
  });
  s.OnRecord("/hasExtractedLicensingInfos/*", [&st](const std::string& p, json& v) -> Status {
    const std::string where = st.file + ":" + p;
    SECGATE_RETURN_IF_ERROR(core::ExpectObject(v, where));
    std::string id, name;
    SECGATE_ASSIGN_OR_RETURN(id, core::GetString(v, "licenseId", where));
    SECGATE_ASSIGN_OR_RETURN(name, core::GetString(v, "name", where));
    if (!id.empty()) st.doc->extracted_licenses[id] = name;
    return Ok{};
  });
}

Status Finish(const Status& parsed, State& st) {
  if (!parsed) return parsed;
  if (!st.saw_version) return Error{st.file, "not SPDX: no spdxVersion"};
  st.doc->format = "spdx";
  return Ok{};
}

}  // namespace

Status ReadSpdx(core::InputFile& in, SbomDocument* out) {
  State st{in.path(), out};
  core::JsonStreamer s;
  Register(s, st);
  return Finish(s.Parse(in), st);
}

bool LooksLikeSpdx(const core::FormatProbe& p) {
  return p.object() && p.str("/spdxVersion").rfind("SPDX-", 0) == 0;
}

}  // namespace secgate::sbom
