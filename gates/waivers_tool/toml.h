// A small TOML subset parser, enough for osv-scanner.toml: comments, [table]
// and [[array-of-tables]] headers, `key = value` with bare, dotted or quoted
// keys, and values that are basic/literal strings (single- and multi-line),
// integers, floats, booleans, dates and date-times (kept as their text), and
// one-line arrays of those. Inline tables and anything else are an Error
// naming the line. Iterative: no recursion, so hostile input cannot exhaust
// the stack.
//
//   auto doc = ParseToml(text, "osv-scanner.toml");
//   for (const TomlTable& t : doc->tables) if (t.name == "IgnoredVulns") ...
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "gates/core/error.h"

namespace secgate::waivers {

struct TomlValue {
  enum class Kind { kString, kInteger, kFloat, kBool, kDate, kArray } kind = Kind::kString;
  std::string text;              ///< Decoded string, or the literal's text.
  std::vector<TomlValue> items;  ///< kArray only (scalars).
  int line = 0;
};

struct TomlTable {
  std::string name;     ///< "" for the root table; "IgnoredVulns".
  bool array = false;   ///< Declared with [[name]].
  int line = 0;         ///< Line of the header (0 for the root).
  std::map<std::string, TomlValue> values;  ///< Dotted keys joined with '.'.
};

struct TomlDocument {
  std::vector<TomlTable> tables;  ///< tables[0] is the root, then in file order.
};

core::Result<TomlDocument> ParseToml(std::string_view text, const std::string& path);

}  // namespace secgate::waivers
