#include "gates/sbom/readers/json_fields.h"

namespace secgate::sbom {

namespace {

core::Result<const nlohmann::json*> GetTyped(const nlohmann::json& obj, const char* key,
                                             const std::string& where, bool array) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return static_cast<const nlohmann::json*>(nullptr);
  if (array ? !it->is_array() : !it->is_object())
    return core::Error{where + "/" + key, std::string("expected ") +
                                              (array ? "array" : "object") + ", got " +
                                              core::JsonTypeName(*it)};
  return &*it;
}

}  // namespace

core::Result<const nlohmann::json*> GetArray(const nlohmann::json& obj, const char* key,
                                             const std::string& where) {
  return GetTyped(obj, key, where, true);
}

core::Result<const nlohmann::json*> GetObject(const nlohmann::json& obj, const char* key,
                                              const std::string& where) {
  return GetTyped(obj, key, where, false);
}

}  // namespace secgate::sbom
