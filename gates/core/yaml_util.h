// Safe YAML loading for policy, waiver and rule files: size and nesting
// guards before yaml-cpp (whose parser recurses), exceptions turned into
// Errors with line numbers, and helpers that reject unknown keys.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "gates/core/error.h"

namespace secgate::core {

/// Largest YAML config file accepted (bytes).
inline constexpr size_t kMaxYamlBytes = 4 * 1024 * 1024;
/// Deepest nesting accepted in a YAML config file.
inline constexpr int kMaxYamlDepth = 64;

/// Parses YAML text that must hold exactly one document. Errors:
/// "<path>:<line>: <yaml-cpp message>", nesting or size over the limits,
/// invalid UTF-8, a second document or content after `...`, and a key
/// repeated in one mapping ("<path>:<line>: duplicate key 'k' (first on
/// line N; ...)").
Result<YAML::Node> LoadYaml(std::string_view text, const std::string& path);

/// 1-based line of a node, for messages.
inline int LineOf(const YAML::Node& n) { return n.Mark().line >= 0 ? n.Mark().line + 1 : 0; }

/// "<path>:<line>" for a node.
std::string Where(const std::string& path, const YAML::Node& n);

/// Error unless `map` is a map whose keys are all in `allowed`:
/// "<path>:<line>: unknown key 'vuln.fail_onn' (expected one of: ...)".
Status CheckKeys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                 const std::string& path, const std::string& section);
Status CheckKeys(const YAML::Node& map, const std::vector<std::string>& allowed,
                 const std::string& path, const std::string& section);

/// Scalar readers that fail with a message naming the key and line.
Result<std::string> ScalarString(const YAML::Node& n, const std::string& path,
                                 const std::string& key);
Result<bool> ScalarBool(const YAML::Node& n, const std::string& path, const std::string& key);
Result<long long> ScalarInt(const YAML::Node& n, const std::string& path, const std::string& key);
Result<std::vector<std::string>> StringList(const YAML::Node& n, const std::string& path,
                                            const std::string& key);

}  // namespace secgate::core
