// Typed field access on materialised records (declared in json_stream.h):
// every reader's "expected string, got number" errors come from here; and
// the whole-document parse (ParseJsonStrict) and case-variant key checks.
#include "gates/core/json_stream.h"

#include <cstdio>

#include "gates/core/json_lexer.h"
#include "gates/core/strings.h"

namespace secgate::core {

using nlohmann::json;

const char* JsonTypeName(JsonType t) {
  switch (t) {
    case JsonType::kObject: return "object";
    case JsonType::kArray: return "array";
    case JsonType::kString: return "string";
    case JsonType::kNumber: return "number";
    case JsonType::kBool: return "boolean";
    case JsonType::kNull: return "null";
  }
  return "null";
}

std::string JsonTypeName(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return JsonTypeName(JsonType::kNull);
    case json::value_t::object: return JsonTypeName(JsonType::kObject);
    case json::value_t::array: return JsonTypeName(JsonType::kArray);
    case json::value_t::string: return JsonTypeName(JsonType::kString);
    case json::value_t::boolean: return JsonTypeName(JsonType::kBool);
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return JsonTypeName(JsonType::kNumber);
    default: return "binary";
  }
}

namespace {

bool HasType(const json& v, JsonType type) {
  switch (type) {
    case JsonType::kObject: return v.is_object();
    case JsonType::kArray: return v.is_array();
    case JsonType::kString: return v.is_string();
    case JsonType::kNumber: return v.is_number();
    case JsonType::kBool: return v.is_boolean();
    case JsonType::kNull: return v.is_null();
  }
  return false;
}

// obj[key] when it is there with `type`; nullptr when absent or null.
Result<const json*> Field(const json& obj, const char* key, const std::string& where,
                          JsonType type) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return static_cast<const json*>(nullptr);
  if (!HasType(*it, type))
    return Error{where + "/" + key,
                 std::string("expected ") + JsonTypeName(type) + ", got " + JsonTypeName(*it)};
  return &*it;
}

}  // namespace

Result<std::string> GetString(const json& obj, const char* key, const std::string& where) {
  SECGATE_ASSIGN_OR_RETURN(const json* v, Field(obj, key, where, JsonType::kString));
  return v ? v->get<std::string>() : std::string();
}

Result<std::string> RequireString(const json& obj, const char* key, const std::string& where) {
  SECGATE_ASSIGN_OR_RETURN(std::string s, GetString(obj, key, where));
  if (s.empty()) return Error{where, std::string("missing ") + key};
  return s;
}

Result<std::vector<std::string>> GetStringArray(const json& obj, const char* key,
                                                const std::string& where) {
  std::vector<std::string> out;
  SECGATE_ASSIGN_OR_RETURN(const json* list, GetArray(obj, key, where));
  for (size_t i = 0; list && i < list->size(); ++i) {
    const json& e = (*list)[i];
    if (!e.is_string())
      return Error{where + "/" + key + "/" + std::to_string(i),
                   "expected string, got " + JsonTypeName(e)};
    out.push_back(e.get<std::string>());
  }
  return out;
}

Result<const json*> GetArray(const json& obj, const char* key, const std::string& where) {
  return Field(obj, key, where, JsonType::kArray);
}

Result<const json*> GetObject(const json& obj, const char* key, const std::string& where) {
  return Field(obj, key, where, JsonType::kObject);
}

Result<std::optional<double>> GetNumber(const json& obj, const char* key, const std::string& where) {
  SECGATE_ASSIGN_OR_RETURN(const json* v, Field(obj, key, where, JsonType::kNumber));
  return v ? std::optional<double>(v->get<double>()) : std::nullopt;
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

namespace {

// Go's encoding/json folds ASCII case, and two non-ASCII letters fold to
// ASCII ones: U+212A KELVIN SIGN (k) and U+017F LATIN SMALL LETTER LONG S (s).
std::string GoFold(std::string_view key) {
  std::string out;
  for (size_t i = 0; i < key.size(); ++i) {
    if (key.substr(i, 3) == "\xe2\x84\xaa") {
      out += 'k';
      i += 2;
    } else if (key.substr(i, 2) == "\xc5\xbf") {
      out += 's';
      i += 1;
    } else {
      out += AsciiLowerChar(key[i]);
    }
  }
  return out;
}

// Follows nlohmann's parse events to know the pointer of the object being
// read, and refuses a duplicate key in it (thrown out of the parse).
class DuplicateKeyGuard {
 public:
  struct Found {
    std::string pointer, key;
  };
  bool Event(nlohmann::json::parse_event_t ev, const nlohmann::json& parsed) {
    using E = nlohmann::json::parse_event_t;
    if (ev == E::object_end || ev == E::array_end) {
      frames_.pop_back();
      return true;
    }
    if (ev == E::key) {
      Frame& f = frames_.back();
      f.key = parsed.get<std::string>();
      if (!f.keys.Insert(f.key)) throw Found{Pointer(frames_.size() - 1), f.key};
      return true;
    }
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
    if (ev == E::object_start || ev == E::array_start) {
      frames_.emplace_back();
      frames_.back().array = ev == E::array_start;
    }
    return true;
  }

 private:
  struct Frame {
    bool array = false;
    long index = -1;
    std::string key;
    JsonKeySet keys;
  };
  std::string Pointer(size_t levels) const {
    std::string p;
    for (size_t i = 0; i < levels; ++i)
      p += "/" + (frames_[i].array ? std::to_string(frames_[i].index) : frames_[i].key);
    return p.empty() ? "/" : p;
  }
  std::vector<Frame> frames_;
};

}  // namespace

Result<json> ParseJsonStrict(std::string_view text, const std::string& name, bool allow_comments) {
  DuplicateKeyGuard guard;
  json::parser_callback_t cb = [&guard](int, json::parse_event_t ev, json& parsed) {
    return guard.Event(ev, parsed);
  };
  try {
    return json::parse(text, cb, /*allow_exceptions=*/true, allow_comments);
  } catch (const DuplicateKeyGuard::Found& d) {
    return Error{name + ":" + d.pointer, DuplicateKeyMessage(d.key)};
  } catch (const json::parse_error& e) {
    return Error{name + ":" + std::to_string(e.byte), "invalid JSON: " + std::string(e.what())};
  } catch (const json::exception& e) {
    // e.g. out_of_range.406: a number too large for a double ("1E7555").
    return Error{name, "invalid JSON: " + std::string(e.what())};
  }
}

const std::string* CaseVariantOf(std::string_view key, const std::vector<std::string>& known) {
  // One pass over the keys of the same length: ASCII case keeps the length.
  const std::string* variant = nullptr;
  for (const auto& k : known) {
    if (k.size() != key.size()) continue;
    if (k == key) return nullptr;
    if (!variant && EqualsIgnoreCase(key, k)) variant = &k;
  }
  if (variant) return variant;
  // The two non-ASCII folds change the length; only keys holding their lead
  // bytes (0xE2 for U+212A, 0xC5 for U+017F) need the slow path.
  if (key.find('\xe2') == std::string_view::npos && key.find('\xc5') == std::string_view::npos)
    return nullptr;
  std::string folded = GoFold(key);
  for (const auto& k : known)
    if (k != key && GoFold(k) == folded) return &k;
  return nullptr;
}

std::string CaseVariantMessage(std::string_view key, const std::string& known) {
  auto quote = [](std::string_view s) {
    return json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
  };
  return "key " + quote(key) + " differs from " + quote(known) +
         " only in case (a case-insensitive reader takes it for " + quote(known) + ")";
}

Status RefuseCaseVariants(const json& obj, const std::vector<std::string>& known,
                          const std::string& where) {
  if (!obj.is_object()) return Ok{};
  for (const auto& [key, value] : obj.items())
    if (const std::string* k = CaseVariantOf(key, known)) return Error{where, CaseVariantMessage(key, *k)};
  return Ok{};
}

}  // namespace secgate::core
