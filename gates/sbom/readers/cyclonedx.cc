// CycloneDX JSON 1.2-1.7 (docs/input-formats.md §14; any other specVersion is an
// error): components nested at any depth (walked with an explicit stack,
// never recursion; a bom-ref repeated with other content is an error,
// ref_index.h), licenses in every
// licenseChoice shape (license.id, license.name, expression; 1.7 mixes them),
// purl/cpe/swid, supplier/manufacturer/publisher, hashes, dependencies,
// metadata.timestamp/authors/tools (array before 1.5, object from 1.5).
// Streams the file: each top-level component is materialised on its own.
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
  bool saw_format = false;
  RefIndex refs{"bom-ref"};
};

Status ParseLicenses(const json& list, const std::string& where, Component* c) {
  for (size_t i = 0; i < list.size(); ++i) {
    const json& item = list[i];
    const std::string w = where + "/" + std::to_string(i);
    SECGATE_RETURN_IF_ERROR(core::ExpectObject(item, w));
    std::string expression;
    SECGATE_ASSIGN_OR_RETURN(expression, core::GetString(item, "expression", w));
    SECGATE_ASSIGN_OR_RETURN(const json* lic, core::GetObject(item, "license", w));
    // The schema makes license and expression (and license.id and
    // license.name) exclusive: reading one would leave the other unjudged.
    if (!expression.empty() && lic) return Error{w, "expected license or expression, not both"};
    if (!expression.empty()) {
      c->licenses.push_back({LicenseEntry::Kind::kExpression, expression});
    } else if (lic) {
      std::string id, name;
      SECGATE_ASSIGN_OR_RETURN(id, core::GetString(*lic, "id", w + "/license"));
      SECGATE_ASSIGN_OR_RETURN(name, core::GetString(*lic, "name", w + "/license"));
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
  SECGATE_ASSIGN_OR_RETURN(const json* obj, core::GetObject(v, key, where));
  if (!obj || !out->empty()) return Ok{};
  SECGATE_ASSIGN_OR_RETURN(*out, core::GetString(*obj, "name", where + "/" + key));
  if (out->empty()) {
    SECGATE_ASSIGN_OR_RETURN(std::vector<std::string> urls,
                             core::GetStringArray(*obj, "url", where + "/" + key));
    if (!urls.empty()) *out = urls.front();
  }
  return Ok{};
}

Status ParseComponent(const json& v, const std::string& where, Component* c) {
  SECGATE_RETURN_IF_ERROR(core::ExpectObject(v, where));
  SECGATE_ASSIGN_OR_RETURN(c->ref, core::GetString(v, "bom-ref", where));
  SECGATE_ASSIGN_OR_RETURN(c->name, core::GetString(v, "name", where));
  SECGATE_ASSIGN_OR_RETURN(c->group, core::GetString(v, "group", where));
  SECGATE_ASSIGN_OR_RETURN(c->version, core::GetString(v, "version", where));
  SECGATE_ASSIGN_OR_RETURN(c->purl, core::GetString(v, "purl", where));
  std::string cpe, publisher;
  SECGATE_ASSIGN_OR_RETURN(cpe, core::GetString(v, "cpe", where));
  if (!cpe.empty()) c->other_ids.push_back(cpe);
  SECGATE_ASSIGN_OR_RETURN(const json* swid, core::GetObject(v, "swid", where));
  if (swid) {
    std::string tag;
    SECGATE_ASSIGN_OR_RETURN(tag, core::GetString(*swid, "tagId", where + "/swid"));
    if (!tag.empty()) c->other_ids.push_back("swid:" + tag);
  }
  SECGATE_RETURN_IF_ERROR(EntityName(v, "supplier", where, &c->supplier));
  SECGATE_RETURN_IF_ERROR(EntityName(v, "manufacturer", where, &c->supplier));
  SECGATE_ASSIGN_OR_RETURN(publisher, core::GetString(v, "publisher", where));
  if (c->supplier.empty()) c->supplier = publisher;
  SECGATE_ASSIGN_OR_RETURN(const json* hashes, core::GetArray(v, "hashes", where));
  for (size_t i = 0; hashes && i < hashes->size(); ++i) {
    const json& h = (*hashes)[i];
    std::string w = where + "/hashes/" + std::to_string(i), content;
    SECGATE_RETURN_IF_ERROR(core::ExpectObject(h, w));
    SECGATE_ASSIGN_OR_RETURN(content, core::GetString(h, "content", w));
    c->hashes += !content.empty();
  }
  SECGATE_ASSIGN_OR_RETURN(const json* licenses, core::GetArray(v, "licenses", where));
  if (licenses) SECGATE_RETURN_IF_ERROR(ParseLicenses(*licenses, where + "/licenses", c));
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
    SECGATE_RETURN_IF_ERROR(ParseComponent(*node, where, &c));
    SECGATE_ASSIGN_OR_RETURN(const json* children, core::GetArray(*node, "components", where));
    for (size_t i = children ? children->size() : 0; i-- > 0;)
      stack.push_back({&(*children)[i], ptr + "/components/" + std::to_string(i)});
    SECGATE_RETURN_IF_ERROR(st.refs.Add(std::move(c), st.file, st.doc));
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
      SECGATE_ASSIGN_OR_RETURN(const json* list, core::GetArray(*it, key, where + "/tools"));
      for (size_t i = 0; list && i < list->size(); ++i) tools.push_back(&(*list)[i]);
    }
  } else {
    return Error{where + "/tools", "expected array or object, got " + core::JsonTypeName(*it)};
  }
  for (const json* t : tools) {
    SECGATE_RETURN_IF_ERROR(core::ExpectObject(*t, where + "/tools"));
    std::string name;
    SECGATE_ASSIGN_OR_RETURN(name, core::GetString(*t, "name", where + "/tools"));
    if (!name.empty()) doc->authors.push_back("Tool: " + name);
  }
  return Ok{};
}

Status ParseMetadata(const json& meta, const std::string& where, SbomDocument* doc) {
  SECGATE_RETURN_IF_ERROR(core::ExpectObject(meta, where));
  SECGATE_ASSIGN_OR_RETURN(doc->timestamp, core::GetString(meta, "timestamp", where));
  SECGATE_ASSIGN_OR_RETURN(const json* authors, core::GetArray(meta, "authors", where));
  for (size_t i = 0; authors && i < authors->size(); ++i) {
    std::string w = where + "/authors/" + std::to_string(i), name, email;
    SECGATE_RETURN_IF_ERROR(core::ExpectObject((*authors)[i], w));
    SECGATE_ASSIGN_OR_RETURN(name, core::GetString((*authors)[i], "name", w));
    SECGATE_ASSIGN_OR_RETURN(email, core::GetString((*authors)[i], "email", w));
    if (!name.empty() || !email.empty()) doc->authors.push_back(name.empty() ? email : name);
  }
  SECGATE_RETURN_IF_ERROR(ParseTools(meta, where, doc));
  SECGATE_ASSIGN_OR_RETURN(const json* subject, core::GetObject(meta, "component", where));
  if (subject) {
    SECGATE_ASSIGN_OR_RETURN(doc->name, core::GetString(*subject, "name", where + "/component"));
  }
  return Ok{};
}

Status ParseDependency(const json& d, const std::string& where, SbomDocument* doc) {
  SECGATE_RETURN_IF_ERROR(core::ExpectObject(d, where));
  std::string ref;
  SECGATE_ASSIGN_OR_RETURN(ref, core::GetString(d, "ref", where));
  SECGATE_ASSIGN_OR_RETURN(std::vector<std::string> on,
                           core::GetStringArray(d, "dependsOn", where));
  for (auto& to : on) doc->dependencies.emplace_back(ref, std::move(to));
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

bool LooksLikeCycloneDx(const core::FormatProbe& p) {
  return p.object() && p.str("/bomFormat") == "CycloneDX";
}

}  // namespace secgate::sbom
