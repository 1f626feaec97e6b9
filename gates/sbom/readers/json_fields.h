// Small typed-field helpers shared by the SBOM readers, on top of
// core/json_stream.h: each returns an Error naming the JSON pointer when a
// field has the wrong type; absent or null fields give the default.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "gates/core/error.h"
#include "gates/core/json_stream.h"

namespace secgate::sbom {

/// Assigns a string field or returns its error from the enclosing function.
#define SBOM_STR(dst, obj, key, where)                  \
  do {                                                  \
    auto sbom_r = core::GetString((obj), (key), (where)); \
    if (!sbom_r) return sbom_r.error();                 \
    (dst) = std::move(*sbom_r);                         \
  } while (0)

/// Returns the error of a Status expression from the enclosing function.
#define SBOM_TRY(expr)                   \
  do {                                   \
    auto sbom_s = (expr);                \
    if (!sbom_s) return sbom_s.error();  \
  } while (0)

/// The array at obj[key] (nullptr when absent or null); Error when it is
/// present with another type.
core::Result<const nlohmann::json*> GetArray(const nlohmann::json& obj, const char* key,
                                             const std::string& where);
/// Same for an object.
core::Result<const nlohmann::json*> GetObject(const nlohmann::json& obj, const char* key,
                                              const std::string& where);

}  // namespace secgate::sbom
