#include "gates/core/json_stream.h"

namespace secgate::core {

using nlohmann::json;

class JsonStreamHandler {
 public:
  using number_integer_t = json::number_integer_t;
  using number_unsigned_t = json::number_unsigned_t;
  using number_float_t = json::number_float_t;
  using string_t = json::string_t;
  using binary_t = json::binary_t;

  JsonStreamHandler(JsonStreamer& s, std::string name) : s_(s), name_(std::move(name)) {}

  bool null() { return Scalar(json(nullptr), 'z'); }
  bool boolean(bool v) { return Scalar(json(v), 'b'); }
  bool number_integer(number_integer_t v) { return Scalar(json(v), 'n'); }
  bool number_unsigned(number_unsigned_t v) { return Scalar(json(v), 'n'); }
  bool number_float(number_float_t v, const string_t&) { return Scalar(json(v), 'n'); }
  bool string(string_t& v) { return Scalar(json(std::move(v)), 's'); }
  bool binary(binary_t&) { return Fail("binary values are not JSON"); }

  bool key(string_t& k) {
    if (frames_.size() == 1 && s_.top_keys_.size() < 1000) s_.top_keys_.push_back(k);
    // Inside a captured record the frame keeps the key too, so an error
    // there (nesting, a wrong type) names the real pointer.
    if (capturing_) pending_key_ = k;
    frames_.back().key = std::move(k);
    return true;
  }
  bool start_object(std::size_t) { return Open(false); }
  bool start_array(std::size_t) { return Open(true); }
  bool end_object() { return Close(); }
  bool end_array() { return Close(); }

  bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception& ex) {
    std::string what = ex.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..."
    if (size_t colon = what.find(": "); colon != std::string::npos && what.find("line ") < colon)
      what = what.substr(colon + 2);
    else if (size_t close = what.find("] "); close != std::string::npos)
      what = what.substr(close + 2);
    if (status_.ok())
      status_ = Error{name_ + ":" + std::to_string(pos), "invalid JSON: " + what};
    return false;
  }

  Status status() const { return status_; }

 private:
  struct Frame {
    bool array;
    long index = -1;
    std::string key;
  };

  bool Fail(const std::string& msg) {
    if (status_.ok()) status_ = Error{name_ + ":" + Pointer(), msg};
    return false;
  }

  std::string Pointer() const {
    std::string p;
    for (const auto& f : frames_) p += "/" + (f.array ? std::to_string(f.index) : f.key);
    return p.empty() ? "/" : p;
  }

  static const char* TypeWord(char t) {
    switch (t) {
      case 'o': return "object";
      case 'a': return "array";
      case 's': return "string";
      case 'n': return "number";
      case 'b': return "boolean";
    }
    return "null";
  }

  // Called as any value of type `type` begins: advance the array index,
  // check type expectations, and see whether a route wants this value.
  // Returns the capturing route, -1 for none, -2 on a type error.
  int BeginValue(char type) {
    if (frames_.empty()) return -1;
    Frame& top = frames_.back();
    if (top.array) ++top.index;
    if (frames_.size() == 1 && top.array) s_.top_size_ = top.index + 1;
    if (capturing_) return -1;
    int capture = -1;
    for (size_t r = 0; r < s_.routes_.size(); ++r) {
      const auto& route = s_.routes_[r];
      if (route.parts.size() != frames_.size()) continue;
      bool match = true;
      for (size_t i = 0; match && i < route.parts.size(); ++i) {
        const Frame& f = frames_[i];
        if (route.parts[i] == "*") continue;
        match = f.array ? route.parts[i] == std::to_string(f.index) : route.parts[i] == f.key;
      }
      if (!match) continue;
      if (!route.expect.empty() && type != 'z' && route.expect.find(type) == std::string::npos) {
        std::string want;
        for (char t : route.expect) want += (want.empty() ? "" : " or ") + std::string(TypeWord(t));
        Fail("expected " + want + ", got " + TypeWord(type));
        return -2;
      }
      if (route.cb && capture < 0) capture = static_cast<int>(r);
    }
    return capture;
  }

  void Store(json&& v) {
    json* parent = build_.back();
    if (parent->is_array()) parent->push_back(std::move(v));
    else (*parent)[pending_key_] = std::move(v);
  }

  bool Deliver(int route, json& v) {
    Status st = s_.routes_[route].cb(Pointer(), v);
    if (!st.ok()) {
      if (status_.ok()) status_ = st.error();
      return false;
    }
    return true;
  }

  bool Scalar(json&& v, char type) {
    if (frames_.empty()) {
      s_.top_type_ = 's';
      return true;
    }
    int route = BeginValue(type);
    if (route == -2) return false;
    if (capturing_) {
      Store(std::move(v));
      return true;
    }
    if (route >= 0) return Deliver(route, v);
    return true;
  }

  bool Open(bool array) {
    if (frames_.empty() && s_.top_type_ == 0) s_.top_type_ = array ? 'a' : 'o';
    int route = BeginValue(array ? 'a' : 'o');
    if (route == -2) return false;
    if (static_cast<int>(frames_.size()) >= s_.max_depth_)
      return Fail("nesting deeper than " + std::to_string(s_.max_depth_) + " levels");
    if (capturing_) {
      json child = array ? json::array() : json::object();
      Store(std::move(child));
      json* parent = build_.back();
      build_.push_back(parent->is_array() ? &parent->back() : &(*parent)[pending_key_]);
    } else if (route >= 0) {
      capturing_ = true;
      route_ = route;
      capture_depth_ = frames_.size();
      root_ = array ? json::array() : json::object();
      build_.assign(1, &root_);
    }
    frames_.push_back(Frame{array, -1, {}});
    return true;
  }

  bool Close() {
    frames_.pop_back();
    if (!capturing_) return true;
    build_.pop_back();
    if (frames_.size() == capture_depth_) {
      capturing_ = false;
      bool ok = Deliver(route_, root_);
      root_ = json();
      return ok;
    }
    return true;
  }

  JsonStreamer& s_;
  std::string name_;
  std::vector<Frame> frames_;
  bool capturing_ = false;
  int route_ = -1;
  size_t capture_depth_ = 0;
  json root_;
  std::vector<json*> build_;
  std::string pending_key_;
  Status status_ = Ok{};
};

namespace {

// nlohmann input adapter over InputFile (the lexer calls get_character()
// once per byte).
class InputFileAdapter {
 public:
  using char_type = char;
  explicit InputFileAdapter(InputFile* in) : in_(in) {}
  std::char_traits<char>::int_type get_character() {
    int c = in_->Next();
    return c < 0 ? std::char_traits<char>::eof()
                 : std::char_traits<char>::to_int_type(static_cast<char>(c));
  }

 private:
  InputFile* in_;
};

}  // namespace

void JsonStreamer::Expect(std::string pattern, std::string types) {
  OnRecord(std::move(pattern), nullptr);
  routes_.back().expect = std::move(types);
}

void JsonStreamer::OnRecord(std::string pattern, RecordCallback cb) {
  Route r;
  size_t start = 1;
  while (start <= pattern.size()) {
    size_t slash = pattern.find('/', start);
    if (slash == std::string::npos) slash = pattern.size();
    r.parts.push_back(pattern.substr(start, slash - start));
    start = slash + 1;
  }
  r.cb = std::move(cb);
  routes_.push_back(std::move(r));
}

bool JsonStreamer::HasTopLevelKey(std::string_view key) const {
  for (const auto& k : top_keys_)
    if (k == key) return true;
  return false;
}

Status JsonStreamer::Parse(InputFile& in) {
  top_type_ = 0;
  top_keys_.clear();
  top_size_ = 0;
  if (in.Head(1).empty()) {
    if (in.read_error()) return Error{in.path(), "read error"};
    return Error{in.path(), "file is empty"};
  }
  JsonStreamHandler h(*this, in.path());
  // Feed the lexer straight from the chunk buffer: the iterator adapter
  // (ByteIterator) costs a compare and a branch per byte more.
  nlohmann::detail::parser<json, InputFileAdapter> parser(InputFileAdapter(&in), nullptr,
                                                          /*allow_exceptions=*/false);
  bool ok = parser.sax_parse(&h, /*strict=*/true);
  if (in.over_limit())
    return Error{in.path(), "input is larger than the size limit (--max-input-size)"};
  if (in.read_error()) return Error{in.path(), "read error"};
  if (!h.status().ok()) return h.status();
  if (!ok) return Error{in.path(), "invalid JSON"};
  return Ok{};
}

Status JsonStreamer::ParseString(std::string_view text, const std::string& name) {
  top_type_ = 0;
  top_keys_.clear();
  top_size_ = 0;
  if (text.empty()) return Error{name, "file is empty"};
  JsonStreamHandler h(*this, name);
  bool ok = json::sax_parse(text.begin(), text.end(), &h, json::input_format_t::json, true);
  if (!h.status().ok()) return h.status();
  if (!ok) return Error{name, "invalid JSON"};
  return Ok{};
}

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

}  // namespace secgate::core
