// What format detection learns from the first bytes of an input (up to
// 1 MiB, docs/input-formats.md §1): the top-level shape and keys, which of
// a gate's telling JSON pointers occur, and their scalar values. Every gate
// that reads several formats detects the same way: each reader exports a
// sniff over a probe (`LooksLikeTrivy`, `LooksLikeSpdx` …), the gate's
// format table lists {name, read, sniff} rows, and detection walks it in
// order; the first sniff that says yes picks the reader. The reader then
// parses the whole input and fails if the shape was misjudged, so a sniff
// may be quick without failing open.
//
//   FormatProbe p = ProbeJson(head, whole, "report.json", kPointers);
//   if (p.ambiguous) return *p.ambiguous;         // duplicate keys: refused
//   if (LooksLikeTrivy(p)) ...
#pragma once

#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "gates/core/error.h"

namespace secgate::core {

struct FormatProbe {
  enum class Top { kNotJson, kObject, kArray, kScalar };
  Top top = Top::kNotJson;
  std::set<std::string> keys;            ///< Top-level keys (objects).
  std::vector<std::string> key_order;    ///< The same, in document order.
  std::set<std::string> present;         ///< Probe pointers seen (any type).
  nlohmann::json values = nlohmann::json::object();  ///< Their scalar values.
  bool complete = false;                 ///< The whole input parsed within the probe.
  std::optional<core::Error> ambiguous;  ///< A duplicate key: refused whatever the format.
  nlohmann::json doc;                    ///< The whole document when complete and small.

  bool object() const { return top == Top::kObject; }
  bool array() const { return top == Top::kArray; }
  /// A top-level key of an object.
  bool has(const char* key) const { return keys.count(key) > 0; }
  /// One of the probed pointers occurs, with any type.
  bool seen(const char* pointer) const { return present.count(pointer) > 0; }
  /// The string at a probe pointer, or "" when absent or not a string.
  std::string str(const char* pointer) const {
    auto it = values.find(pointer);
    return it != values.end() && it->is_string() ? it->get<std::string>() : "";
  }
  /// The whole (small) document has `key` as an empty array.
  bool empty_array(const char* key) const {
    return doc.is_object() && doc.contains(key) && doc[key].is_array() && doc[key].empty();
  }
};

using SniffFn = bool (*)(const FormatProbe& p);

/// Probes `head` (the input's first bytes; `whole` when that is all of it)
/// for `pointers`. A top-level object that does not parse to its end is
/// either cut by the probe or NDJSON; when the next line starts another
/// object, the probe describes the first line (NDJSON), not complete.
/// `name` is used in the ambiguity error.
FormatProbe ProbeJson(std::string_view head, bool whole, const std::string& name,
                      std::span<const char* const> pointers);

/// "not JSON", "a JSON array", "a JSON object with keys: a, b, …" (at most
/// six keys, in document order), for "not a recognised …" errors.
std::string DescribeShape(const FormatProbe& p);

}  // namespace secgate::core
