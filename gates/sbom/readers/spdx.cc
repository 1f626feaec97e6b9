// SPDX JSON 2.2 and 2.3 (docs/input-formats.md §15; other spdxVersions are errors): packages[] with
// licenseConcluded / licenseDeclared (NOASSERTION, NONE; an absent
// licenseConcluded means NOASSERTION), externalRefs purls under
// PACKAGE-MANAGER or the 2.2 spelling PACKAGE_MANAGER, supplier, checksums,
// creationInfo, relationships and hasExtractedLicensingInfos.
// Streams the file: each package is materialised on its own.
#include "gates/core/spec_versions.h"
#include "gates/sbom/readers/json_fields.h"
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
  auto refs = GetArray(pkg, "externalRefs", where);
  if (!refs) return refs.error();
  for (size_t i = 0; *refs && i < (*refs)->size(); ++i) {
    const json& r = (**refs)[i];
    std::string w = where + "/externalRefs/" + std::to_string(i), category, type, locator;
    SBOM_TRY(core::ExpectObject(r, w));
    SBOM_STR(category, r, "referenceCategory", w);
    SBOM_STR(type, r, "referenceType", w);
    SBOM_STR(locator, r, "referenceLocator", w);
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
  SBOM_TRY(core::ExpectObject(pkg, where));
  Component c;
  c.pointer = ptr;
  std::string supplier, concluded, declared;
  SBOM_STR(c.ref, pkg, "SPDXID", where);
  SBOM_STR(c.name, pkg, "name", where);
  SBOM_STR(c.version, pkg, "versionInfo", where);
  SBOM_STR(supplier, pkg, "supplier", where);
  c.supplier = SupplierName(supplier);
  SBOM_STR(concluded, pkg, "licenseConcluded", where);
  SBOM_STR(declared, pkg, "licenseDeclared", where);
  c.licenses.push_back(ChooseLicense(concluded, declared));
  auto sums = GetArray(pkg, "checksums", where);
  if (!sums) return sums.error();
  for (size_t i = 0; *sums && i < (*sums)->size(); ++i) {
    std::string w = where + "/checksums/" + std::to_string(i), value;
    SBOM_TRY(core::ExpectObject((**sums)[i], w));
    SBOM_STR(value, (**sums)[i], "checksumValue", w);
    c.hashes += !value.empty();
  }
  SBOM_TRY(ParseExternalRefs(pkg, where, &c));
  return st.refs.Add(std::move(c), st.file, st.doc);
}

Status ParseCreationInfo(const json& v, const std::string& where, SbomDocument* doc) {
  SBOM_TRY(core::ExpectObject(v, where));
  SBOM_STR(doc->timestamp, v, "created", where);
  auto creators = core::GetStringArray(v, "creators", where);
  if (!creators) return creators.error();
  for (auto& c : *creators)
    if (!c.empty()) doc->authors.push_back(std::move(c));
  return Ok{};
}

Status ParseRelationship(const json& v, const std::string& where, SbomDocument* doc) {
  SBOM_TRY(core::ExpectObject(v, where));
  std::string from, type, to;
  SBOM_STR(from, v, "spdxElementId", where);
  SBOM_STR(type, v, "relationshipType", where);
  SBOM_STR(to, v, "relatedSpdxElement", where);
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
    SBOM_TRY(core::ExpectObject(v, where));
    std::string id, name;
    SBOM_STR(id, v, "licenseId", where);
    SBOM_STR(name, v, "name", where);
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

Status ReadSpdxString(std::string_view text, const std::string& name, SbomDocument* out) {
  State st{name, out};
  core::JsonStreamer s;
  Register(s, st);
  return Finish(s.ParseString(text, name), st);
}

bool LooksLikeSpdx(const core::FormatProbe& p) {
  return p.object() && p.str("/spdxVersion").rfind("SPDX-", 0) == 0;
}

}  // namespace secgate::sbom
