// CycloneDX JSON 1.2-1.7 (docs/input-formats.md §14; any other specVersion is an
// error): components nested at any depth (walked with an explicit stack,
// never recursion; a bom-ref repeated with other content is an error,
// ref_index.h), licenses in every
// licenseChoice shape (license.id, license.name, expression; 1.7 mixes them),
// purl/cpe/swid, supplier/manufacturer/publisher, hashes, dependencies,
// metadata.timestamp/authors/tools (array before 1.5, object from 1.5).
// Streams the file: each top-level component is materialised on its own.
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
  bool saw_format = false;
  RefIndex refs{"bom-ref"};
};

Status ParseLicenses(const json& list, const std::string& where, Component* c) {
  for (size_t i = 0; i < list.size(); ++i) {
    const json& item = list[i];
    const std::string w = where + "/" + std::to_string(i);
    SBOM_TRY(core::ExpectObject(item, w));
    std::string expression;
    SBOM_STR(expression, item, "expression", w);
    auto lic = GetObject(item, "license", w);
    if (!lic) return lic.error();
    // The schema makes license and expression (and license.id and
    // license.name) exclusive: reading one would leave the other unjudged.
    if (!expression.empty() && *lic) return Error{w, "expected license or expression, not both"};
    if (!expression.empty()) {
      c->licenses.push_back({LicenseEntry::Kind::kExpression, expression});
    } else if (*lic) {
      std::string id, name;
      SBOM_STR(id, **lic, "id", w + "/license");
      SBOM_STR(name, **lic, "name", w + "/license");
      if (!id.empty() && !name.empty()) return Error{w + "/license", "expected id or name, not both"};
      if (!id.empty()) c->licenses.push_back({LicenseEntry::Kind::kId, id});
      else if (!name.empty()) c->licenses.push_back({LicenseEntry::Kind::kName, name});
      else return Error{w + "/license", "expected id or name"};
    } else {
      return Error{w, "expected license or expression"};
    }
  }
  return Ok{};
}

// The name of an organizational entity (supplier, manufacturer).
Status EntityName(const json& v, const char* key, const std::string& where, std::string* out) {
  auto obj = GetObject(v, key, where);
  if (!obj) return obj.error();
  if (!*obj || !out->empty()) return Ok{};
  SBOM_STR(*out, **obj, "name", where + "/" + key);
  if (out->empty()) {
    auto urls = core::GetStringArray(**obj, "url", where + "/" + key);
    if (!urls) return urls.error();
    if (!urls->empty()) *out = urls->front();
  }
  return Ok{};
}

Status ParseComponent(const json& v, const std::string& where, Component* c) {
  SBOM_TRY(core::ExpectObject(v, where));
  SBOM_STR(c->ref, v, "bom-ref", where);
  SBOM_STR(c->name, v, "name", where);
  SBOM_STR(c->group, v, "group", where);
  SBOM_STR(c->version, v, "version", where);
  SBOM_STR(c->purl, v, "purl", where);
  std::string cpe, publisher;
  SBOM_STR(cpe, v, "cpe", where);
  if (!cpe.empty()) c->other_ids.push_back(cpe);
  auto swid = GetObject(v, "swid", where);
  if (!swid) return swid.error();
  if (*swid) {
    std::string tag;
    SBOM_STR(tag, **swid, "tagId", where + "/swid");
    if (!tag.empty()) c->other_ids.push_back("swid:" + tag);
  }
  SBOM_TRY(EntityName(v, "supplier", where, &c->supplier));
  SBOM_TRY(EntityName(v, "manufacturer", where, &c->supplier));
  SBOM_STR(publisher, v, "publisher", where);
  if (c->supplier.empty()) c->supplier = publisher;
  auto hashes = GetArray(v, "hashes", where);
  if (!hashes) return hashes.error();
  for (size_t i = 0; *hashes && i < (*hashes)->size(); ++i) {
    const json& h = (**hashes)[i];
    std::string w = where + "/hashes/" + std::to_string(i), content;
    SBOM_TRY(core::ExpectObject(h, w));
    SBOM_STR(content, h, "content", w);
    c->hashes += !content.empty();
  }
  auto licenses = GetArray(v, "licenses", where);
  if (!licenses) return licenses.error();
  if (*licenses) SBOM_TRY(ParseLicenses(**licenses, where + "/licenses", c));
  return Ok{};
}

// One top-level component and everything nested in it, depth first, in
// document order. The JSON is a tree, so the walk ends; a bom-ref seen
// before is counted when the repeat is identical, else an error (RefIndex).
Status WalkComponents(State& st, const std::string& pointer, const json& top) {
  std::vector<std::pair<const json*, std::string>> stack{{&top, pointer}};
  while (!stack.empty()) {
    auto [node, ptr] = std::move(stack.back());
    stack.pop_back();
    const std::string where = st.file + ":" + ptr;
    Component c;
    c.pointer = ptr;
    SBOM_TRY(ParseComponent(*node, where, &c));
    auto children = GetArray(*node, "components", where);
    if (!children) return children.error();
    for (size_t i = *children ? (*children)->size() : 0; i-- > 0;)
      stack.push_back({&(**children)[i], ptr + "/components/" + std::to_string(i)});
    SBOM_TRY(st.refs.Add(std::move(c), st.file, st.doc));
  }
  return Ok{};
}

Status ParseTools(const json& meta, const std::string& where, SbomDocument* doc) {
  auto it = meta.find("tools");
  if (it == meta.end() || it->is_null()) return Ok{};
  std::vector<const json*> tools;
  if (it->is_array()) {  // 1.2-1.4, deprecated later
    for (const auto& t : *it) tools.push_back(&t);
  } else if (it->is_object()) {  // 1.5+: {components: [], services: []}
    for (const char* key : {"components", "services"}) {
      auto list = GetArray(*it, key, where + "/tools");
      if (!list) return list.error();
      for (size_t i = 0; *list && i < (*list)->size(); ++i) tools.push_back(&(**list)[i]);
    }
  } else {
    return Error{where + "/tools", "expected array or object, got " + core::JsonTypeName(*it)};
  }
  for (const json* t : tools) {
    SBOM_TRY(core::ExpectObject(*t, where + "/tools"));
    std::string name;
    SBOM_STR(name, *t, "name", where + "/tools");
    if (!name.empty()) doc->authors.push_back("Tool: " + name);
  }
  return Ok{};
}

Status ParseMetadata(const json& meta, const std::string& where, SbomDocument* doc) {
  SBOM_TRY(core::ExpectObject(meta, where));
  SBOM_STR(doc->timestamp, meta, "timestamp", where);
  auto authors = GetArray(meta, "authors", where);
  if (!authors) return authors.error();
  for (size_t i = 0; *authors && i < (*authors)->size(); ++i) {
    std::string w = where + "/authors/" + std::to_string(i), name, email;
    SBOM_TRY(core::ExpectObject((**authors)[i], w));
    SBOM_STR(name, (**authors)[i], "name", w);
    SBOM_STR(email, (**authors)[i], "email", w);
    if (!name.empty() || !email.empty()) doc->authors.push_back(name.empty() ? email : name);
  }
  SBOM_TRY(ParseTools(meta, where, doc));
  auto subject = GetObject(meta, "component", where);
  if (!subject) return subject.error();
  if (*subject) SBOM_STR(doc->name, **subject, "name", where + "/component");
  return Ok{};
}

Status ParseDependency(const json& d, const std::string& where, SbomDocument* doc) {
  SBOM_TRY(core::ExpectObject(d, where));
  std::string ref;
  SBOM_STR(ref, d, "ref", where);
  auto on = core::GetStringArray(d, "dependsOn", where);
  if (!on) return on.error();
  for (auto& to : *on) doc->dependencies.emplace_back(ref, std::move(to));
  return Ok{};
}

void Register(core::JsonStreamer& s, State& st) {
  s.OnRecord("/bomFormat", [&st](const std::string& p, json& v) -> Status {
    if (!v.is_string() || v.get<std::string>() != "CycloneDX")
      return Error{st.file + ":" + p, "expected \"CycloneDX\", got " + v.dump()};
    st.saw_format = true;
    return Ok{};
  });
  s.OnRecord("/specVersion", [&st](const std::string& p, json& v) -> Status {
    if (!v.is_string() || !core::IsKnownCycloneDxVersion(v.get<std::string>()))
      return Error{st.file + ":" + p, core::UnsupportedCycloneDxVersion(v.dump())};
    st.doc->spec_version = v.get<std::string>();
    return Ok{};
  });
  s.OnRecord("/metadata", [&st](const std::string& p, json& v) {
    return ParseMetadata(v, st.file + ":" + p, st.doc);
  });
  for (const char* list : {"/components", "/dependencies", "/vulnerabilities"})
    s.Expect(list, {core::JsonType::kArray});
  s.OnRecord("/components/*", [&st](const std::string& p, json& v) {
    return WalkComponents(st, p, v);
  });
  s.OnRecord("/dependencies/*", [&st](const std::string& p, json& v) {
    return ParseDependency(v, st.file + ":" + p, st.doc);
  });
  s.OnRecord("/vulnerabilities/*", [&st](const std::string&, json&) -> Status {
    st.doc->vulnerabilities++;
    return Ok{};
  });
}

Status Finish(const Status& parsed, State& st) {
  if (!parsed) return parsed;
  if (!st.saw_format) return Error{st.file, "not CycloneDX: no bomFormat"};
  if (st.doc->spec_version.empty()) return Error{st.file, "not CycloneDX: no specVersion"};
  st.doc->format = "cyclonedx";
  return Ok{};
}

}  // namespace

Status ReadCycloneDx(core::InputFile& in, SbomDocument* out) {
  State st{in.path(), out};
  core::JsonStreamer s;
  Register(s, st);
  return Finish(s.Parse(in), st);
}

Status ReadCycloneDxString(std::string_view text, const std::string& name, SbomDocument* out) {
  State st{name, out};
  core::JsonStreamer s;
  Register(s, st);
  return Finish(s.ParseString(text, name), st);
}

bool LooksLikeCycloneDx(const core::FormatProbe& p) {
  return p.object() && p.str("/bomFormat") == "CycloneDX";
}

}  // namespace secgate::sbom
