// Streaming JSON: walk a document with our strict lexer (json_lexer.h) and
// materialise only the small subtrees a reader asks for ("records"), so
// memory stays flat however large the report is, and nesting depth is
// bounded. Values at paths no route can reach are validated and skipped
// without being decoded; a record can be projected to the fields a reader
// reads.
//
// Paths are JSON-pointer-like patterns where "*" matches any array index or
// object key: "/Results/*/Vulnerabilities/*" delivers each vulnerability as
// its own nlohmann::json, with its concrete pointer ("/Results/3/Vulnerabilities/0").
//
//   JsonStreamer s;
//   s.OnRecord("/Results/*/Vulnerabilities/*", [&](const std::string& ptr, nlohmann::json& v) {
//     ...; return Status(Ok{});   // an Error stops the parse
//   });
//   Status st = s.Parse(input_file);
//
// Routes are compiled into a trie; each open container keeps the set of trie
// nodes its children can match, so matching costs a few lookups per value.
//
// A duplicate key in any object, walked, captured or skipped, is an error
// naming the object's pointer and the key: readers disagree on which copy
// wins (nlohmann and Go keep the last, others the first), so such a report
// is ambiguous. ParseJsonStrict applies the same rule to whole documents.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "gates/core/error.h"
#include "gates/core/io.h"

namespace secgate::core {

class JsonLexer;

/// The type of a JSON value, as JsonStreamer::Expect takes it and as
/// errors name it (JsonTypeName: "object", "array", "string", "number",
/// "boolean", "null").
enum class JsonType : uint8_t { kObject, kArray, kString, kNumber, kBool, kNull };

/// What the top-level value of the last parse was. Strings, numbers, true,
/// false and null are all kScalar; kNone when no value was read.
enum class JsonTopLevel : uint8_t { kNone, kObject, kArray, kScalar };

/// What a record callback receives: its concrete pointer and its value.
using RecordCallback = std::function<Status(const std::string& pointer, nlohmann::json& value)>;

class JsonStreamer {
 public:
  /// Deepest nesting accepted before the parse fails. Default 256.
  void set_max_depth(int d) { max_depth_ = d; }
  /// Registers a callback for every value whose pointer matches `pattern`.
  /// A matched value's subtree is materialised; patterns are not nested.
  /// When `fields` is not empty and the record is an object, only those keys
  /// are materialised; the other members are validated and skipped. A list
  /// naming no real member ({"-"}) suits records that are only counted.
  void OnRecord(std::string pattern, RecordCallback cb, std::vector<std::string> fields = {});
  /// Requires every value at `pattern` to be one of `types`
  /// ({JsonType::kArray}); null is always allowed (tools write null for
  /// empty), so listing kNull adds nothing. Otherwise the parse fails with
  /// "<file>:<pointer>: expected array, got string" ("expected array or
  /// object, got string" for two types). Nothing is materialised.
  void Expect(std::string pattern, std::vector<JsonType> types);
  /// Objects at `pattern` ("" = the top-level value) may not have a key that
  /// equals one of `keys` only up to case (see CaseVariantOf): a reader that
  /// matches keys case-insensitively (Go's encoding/json) would read it as
  /// that key, we would not. Error "<file>:<pointer>: key \"results\" differs
  /// from \"Results\" only in case". Objects inside a record are not checked
  /// here (check the materialised record with RefuseCaseVariants).
  void KnownKeys(std::string pattern, std::vector<std::string> keys);
  /// True when the last parse failed on a duplicate or case-variant key
  /// (the document is ambiguous, whatever format it is).
  bool ambiguous() const { return ambiguous_; }
  /// Type of the top-level value seen (kNone before any).
  JsonTopLevel top_level_type() const { return top_type_; }
  /// Keys of the top-level object, in order (at most the first 1,000).
  const std::vector<std::string>& top_level_keys() const { return top_keys_; }
  /// Number of elements of the top-level array.
  long top_level_size() const { return top_size_; }
  /// True when the top-level object has `key`.
  bool HasTopLevelKey(std::string_view key) const;

  /// Parses the whole input. Errors name the file and the position of the
  /// offending byte (counting from 1; end of input = size + 1) or the pointer:
  /// "report.json:1234: invalid JSON: expected ',' or ']'",
  /// "report.json:/a/0: nesting deeper than 256 levels".
  Status Parse(InputFile& in);
  /// Same over an in-memory buffer (tests, small files).
  Status ParseString(std::string_view text, const std::string& name);

 private:
  friend class StreamParser;
  struct Route {
    RecordCallback cb;   ///< Empty for Expect-only routes.
    std::vector<JsonType> expect;  ///< Allowed types; empty = any.
    std::vector<std::string> fields;  ///< Projection; empty = everything.
    std::vector<std::string> known;   ///< KnownKeys: keys refused in another case.
  };
  /// Trie of route patterns: node 0 is the top-level value.
  struct Node {
    std::vector<std::pair<std::string, int>> keys;  ///< Literal part -> child.
    std::vector<std::pair<long, int>> indices;      ///< Numeric literal -> child.
    int wild = -1;                                  ///< "*" child.
    std::vector<int> routes;                        ///< Routes ending here.
    bool HasChildren() const { return wild >= 0 || !keys.empty(); }
  };
  int AddRoute(std::string_view pattern);
  Status Run(JsonLexer& lx, const std::string& name);
  std::vector<Route> routes_;
  std::vector<Node> nodes_ = std::vector<Node>(1);
  int max_depth_ = 256;
  JsonTopLevel top_type_ = JsonTopLevel::kNone;
  bool ambiguous_ = false;
  std::vector<std::string> top_known_;  ///< KnownKeys("") of the top-level object.
  std::vector<std::string> top_keys_;
  long top_size_ = 0;
};

/// Parses a whole (small) document into nlohmann::json, refusing duplicate
/// keys like JsonStreamer: "<name>:<pointer>: duplicate key \"k\" (…)".
/// Invalid JSON is "<name>:<byte>: invalid JSON: <nlohmann's message>".
/// `allow_comments` accepts // and /* */ comments (JSONC).
Result<nlohmann::json> ParseJsonStrict(std::string_view text, const std::string& name,
                                       bool allow_comments = false);

/// The entry of `known` that `key` equals under Go's encoding/json key
/// matching (ASCII case folded; U+212A KELVIN SIGN matches k and U+017F LONG
/// S matches s) without being equal to it; nullptr when `key` is one of
/// `known` exactly or matches none.
const std::string* CaseVariantOf(std::string_view key, const std::vector<std::string>& known);
/// key "x" differs from "X" only in case (a case-insensitive reader takes it
/// for "X"): the message for a CaseVariantOf hit.
std::string CaseVariantMessage(std::string_view key, const std::string& known);
/// Error "<where>: key \"x\" differs from \"X\" only in case (…)" for the
/// first member of the object `obj` that is a case variant of `known`.
Status RefuseCaseVariants(const nlohmann::json& obj, const std::vector<std::string>& known,
                          const std::string& where);

/// "string", "number", "object", ... for error messages.
std::string JsonTypeName(const nlohmann::json& v);
/// The same word for a type: "object", "array", "string", "number",
/// "boolean", "null".
const char* JsonTypeName(JsonType t);

/// Typed field access for readers, the one set every reader uses (with
/// SECGATE_ASSIGN_OR_RETURN). Each returns an Error naming `where` + "/" +
/// key when the field exists with the wrong type ("report.json:/Results/0/
/// Target: expected string, got number"); absent or null fields give the
/// default (empty, nullopt, nullptr).
///
///   SECGATE_ASSIGN_OR_RETURN(f.id, core::RequireString(v, "id", where));
///   SECGATE_ASSIGN_OR_RETURN(const json* fix, core::GetObject(v, "fix", where));
///   if (fix) ...
Result<std::string> GetString(const nlohmann::json& obj, const char* key, const std::string& where);
/// Like GetString, but absent, null or "" is the Error "<where>: missing <key>".
Result<std::string> RequireString(const nlohmann::json& obj, const char* key,
                                  const std::string& where);
/// An array of strings; an element of another type is an Error naming its
/// index ("<where>/<key>/2: expected string, got number").
Result<std::vector<std::string>> GetStringArray(const nlohmann::json& obj, const char* key,
                                                const std::string& where);
/// The array at obj[key], or nullptr when absent or null; Error
/// "<where>/<key>: expected array, got <type>" otherwise. The pointer is
/// into `obj`.
Result<const nlohmann::json*> GetArray(const nlohmann::json& obj, const char* key,
                                       const std::string& where);
/// The same for an object ("expected object, got <type>").
Result<const nlohmann::json*> GetObject(const nlohmann::json& obj, const char* key,
                                        const std::string& where);
/// Number (integer or float) field; nullopt when absent or null.
Result<std::optional<double>> GetNumber(const nlohmann::json& obj, const char* key,
                                        const std::string& where);
/// A CVSS-style score field: like GetNumber, and an Error
/// "<where>/<key>: CVSS score 25.3 is outside 0-10" for any other value.
Result<std::optional<double>> GetCvssScore(const nlohmann::json& obj, const char* key,
                                           const std::string& where);
/// Requires `v` to be an object; Error "<where>: expected object, got <type>".
Status ExpectObject(const nlohmann::json& v, const std::string& where);

}  // namespace secgate::core
