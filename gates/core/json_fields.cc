// Typed field access on materialised records (declared in json_stream.h):
// every reader's "expected string, got number" errors come from here.
#include "gates/core/json_stream.h"

#include <cstdio>

namespace secgate::core {

using nlohmann::json;

std::string JsonTypeName(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "object";
    case json::value_t::array: return "array";
    case json::value_t::string: return "string";
    case json::value_t::boolean: return "boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "number";
    default: return "binary";
  }
}

Result<std::string> GetString(const json& obj, const char* key, const std::string& where) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::string();
  if (!it->is_string())
    return Error{where + "/" + key, "expected string, got " + JsonTypeName(*it)};
  return it->get<std::string>();
}

Result<std::vector<std::string>> GetStringArray(const json& obj, const char* key,
                                                const std::string& where) {
  std::vector<std::string> out;
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return out;
  if (!it->is_array())
    return Error{where + "/" + key, "expected array, got " + JsonTypeName(*it)};
  for (size_t i = 0; i < it->size(); ++i) {
    const json& e = (*it)[i];
    if (!e.is_string())
      return Error{where + "/" + key + "/" + std::to_string(i),
                   "expected string, got " + JsonTypeName(e)};
    out.push_back(e.get<std::string>());
  }
  return out;
}

Result<std::optional<double>> GetNumber(const json& obj, const char* key, const std::string& where) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::optional<double>();
  if (!it->is_number())
    return Error{where + "/" + key, "expected number, got " + JsonTypeName(*it)};
  return std::optional<double>(it->get<double>());
}

Status ExpectObject(const json& v, const std::string& where) {
  if (!v.is_object()) return Error{where, "expected object, got " + JsonTypeName(v)};
  return Ok{};
}

Result<std::optional<double>> GetCvssScore(const json& obj, const char* key,
                                           const std::string& where) {
  auto n = GetNumber(obj, key, where);
  if (!n || !*n) return n;
  if (**n < 0 || **n > 10) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", **n);
    return Error{where + "/" + key, std::string("CVSS score ") + text + " is outside 0-10"};
  }
  return n;
}

}  // namespace secgate::core
