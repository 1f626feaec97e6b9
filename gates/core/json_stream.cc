// Streaming JSON: the value walker over JsonLexer (see json_stream.h). Every
// value is in one of three modes: walked (a route may match below it),
// captured (materialised as nlohmann::json for a record) or skipped
// (validated only). The container stack is explicit, so depth costs no
// recursion in any mode.
#include "gates/core/json_stream.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "gates/core/json_lexer.h"

namespace secgate::core {

using nlohmann::json;

class StreamParser {
 public:
  StreamParser(JsonStreamer& s, JsonLexer& lx, const std::string& name)
      : s_(s), lx_(lx), name_(name) {}

  Status Run() {
    lx_.SkipBom();
    cands_.assign(1, 0);  // the top-level value can only be the trie root
    if (!Value(/*top=*/true)) return status();
    while (depth_ > 0)
      if (!Step()) return status();
    if (lx_.PeekNonWs() >= 0) {
      lx_.Fail("unexpected data after the top-level value");
      return status();
    }
    return Ok{};
  }

 private:
  enum Mode : uint8_t { kWalk, kSkip, kCapture };
  struct Frame {
    bool array = false;
    bool fresh = true;  ///< Nothing read since the opening bracket.
    Mode mode = kSkip;
    long index = -1;
    std::string key;
    uint32_t cand_begin = 0, cand_end = 0;  ///< Walk: trie nodes children may match.
    json* node = nullptr;                   ///< Capture: the container being built.
    int route = -1;                         ///< Capture root: the route to deliver to.
    const std::vector<std::string>* fields = nullptr;  ///< Capture root projection.
    const std::vector<std::string>* known = nullptr;   ///< KnownKeys of this object.
    JsonKeySet keys;                                   ///< Object: keys read so far.
  };

  Status status() const {
    if (!cb_status_.ok()) return cb_status_;
    if (!lx_.ok())
      return Error{name_ + ":" + std::to_string(lx_.error_position()),
                   "invalid JSON: " + lx_.error_what()};
    return Error{name_, "invalid JSON"};
  }

  bool FailAt(const std::string& msg) {
    if (cb_status_.ok()) cb_status_ = Error{name_ + ":" + Pointer(), msg};
    return false;
  }

  // The pointer of the value being read, or with `levels` < depth_ that of
  // an enclosing container (depth_ - 1: the innermost open container).
  std::string Pointer() const { return Pointer(depth_); }
  std::string Pointer(size_t levels) const {
    std::string p;
    for (size_t i = 0; i < levels; ++i) {
      const Frame& f = frames_[i];
      p += '/';
      if (f.array) {
        char buf[24];
        auto r = std::to_chars(buf, buf + sizeof buf, f.index);
        p.append(buf, r.ptr);
      } else {
        p += f.key;
      }
    }
    return p.empty() ? "/" : p;
  }

  // The type of the value whose first byte is `c`; nullopt when no value
  // starts with it.
  static std::optional<JsonType> TypeOf(int c) {
    switch (c) {
      case '{': return JsonType::kObject;
      case '[': return JsonType::kArray;
      case '"': return JsonType::kString;
      case 't': case 'f': return JsonType::kBool;
      case 'n': return JsonType::kNull;
      case '-': return JsonType::kNumber;
    }
    if (c >= '0' && c <= '9') return JsonType::kNumber;
    return std::nullopt;
  }

  static JsonTopLevel TopLevelOf(JsonType t) {
    if (t == JsonType::kObject) return JsonTopLevel::kObject;
    if (t == JsonType::kArray) return JsonTopLevel::kArray;
    return JsonTopLevel::kScalar;
  }

  bool Listed(const std::string& key, const std::vector<std::string>& fields) const {
    for (const auto& f : fields)
      if (f == key) return true;
    return false;
  }

  // Appends to cands_ the trie nodes the child `parent` is reading can match.
  void ChildCandidates(const Frame& parent) {
    for (uint32_t i = parent.cand_begin; i < parent.cand_end; ++i) {
      const JsonStreamer::Node& n = s_.nodes_[cands_[i]];
      if (n.wild >= 0) cands_.push_back(n.wild);
      if (parent.array) {
        for (const auto& [idx, child] : n.indices)
          if (idx == parent.index) cands_.push_back(child);
      } else {
        for (const auto& [key, child] : n.keys)
          if (key == parent.key) cands_.push_back(child);
      }
    }
  }

  bool Deliver(int route, json& v) {
    Status st = s_.routes_[route].cb(Pointer(), v);
    if (!st.ok()) {
      cb_status_ = st.error();
      return false;
    }
    return true;
  }

  // Where a value goes: how it is read (walked, skipped or captured) and,
  // when captured, where it lands.
  struct Placement {
    Mode mode = kSkip;
    int route = -1;        ///< Capture root: the route the record goes to.
    json* slot = nullptr;  ///< Capture below a root: the member to fill.
    uint32_t cand_begin = 0, cand_end = 0;  ///< Walk: the value's trie nodes.
    const std::vector<std::string>* known = nullptr;  ///< KnownKeys, if any.
  };

  static bool IsContainer(JsonType type) {
    return type == JsonType::kObject || type == JsonType::kArray;
  }

  // Parses the value starting at the next significant byte: scalars whole,
  // containers by pushing a frame (Step() reads their members).
  bool Value(bool top = false) {
    int c = lx_.PeekNonWs();
    if (c < 0) return lx_.Fail("unexpected end of input; expected a value");
    const std::optional<JsonType> starts = TypeOf(c);
    if (!starts) return lx_.Fail(BadByte(c, "expected a value"));
    const JsonType type = *starts;
    Placement p;
    p.cand_begin = p.cand_end = static_cast<uint32_t>(cands_.size());
    if (top) PlaceTop(type, &p);
    else if (!PlaceMember(type, &p)) return false;
    // Only a walked container keeps its candidates (for its members).
    if (p.mode != kWalk || !IsContainer(type)) cands_.resize(p.cand_begin);
    if (IsContainer(type)) return Open(type, p);
    if (p.mode != kCapture) return SkipScalar(type);
    return CaptureScalar(type, p);
  }

  // The top-level value: walked from the trie root, its type recorded.
  void PlaceTop(JsonType type, Placement* p) {
    s_.top_type_ = TopLevelOf(type);
    p->mode = kWalk;
    p->cand_begin = 0;
    p->cand_end = 1;
    if (!s_.top_known_.empty()) p->known = &s_.top_known_;
  }

  // A member of the innermost container: inside a record it is captured
  // (unless projected out), below a walked one it is matched against the
  // routes, below a skipped one it is skipped.
  bool PlaceMember(JsonType type, Placement* p) {
    Frame& parent = frames_[depth_ - 1];
    if (parent.mode == kCapture) PlaceInRecord(parent, p);
    else if (parent.mode == kWalk) return MatchRoutes(parent, type, p);
    return true;
  }

  void PlaceInRecord(Frame& parent, Placement* p) {
    if (parent.fields && !Listed(parent.key, *parent.fields)) return;
    p->mode = kCapture;
    if (parent.array) {
      parent.node->push_back(nullptr);
      p->slot = &parent.node->back();
    } else {
      p->slot = &(*parent.node)[parent.key];
    }
  }

  // The trie nodes the member matches decide its mode: a record route
  // captures it (the lowest route id wins), a node with children walks it,
  // and anything else is skipped. A route's expected types are checked here.
  bool MatchRoutes(const Frame& parent, JsonType type, Placement* p) {
    ChildCandidates(parent);
    p->cand_end = static_cast<uint32_t>(cands_.size());
    bool deeper = false;
    for (uint32_t i = p->cand_begin; i < p->cand_end; ++i) {
      const JsonStreamer::Node& n = s_.nodes_[cands_[i]];
      deeper |= n.HasChildren() || !n.indices.empty();
      for (int r : n.routes) {
        const JsonStreamer::Route& rt = s_.routes_[r];
        if (!TypeAllowed(rt.expect, type)) return FailAt(TypeMismatch(rt.expect, type));
        if (rt.cb && (p->route < 0 || r < p->route)) p->route = r;
        if (!rt.known.empty()) p->known = &rt.known;
      }
    }
    p->mode = p->route >= 0 ? kCapture : deeper ? kWalk : kSkip;
    return true;
  }

  // An Expect() list allows `type`; null is always allowed.
  static bool TypeAllowed(const std::vector<JsonType>& expect, JsonType type) {
    return expect.empty() || type == JsonType::kNull ||
           std::find(expect.begin(), expect.end(), type) != expect.end();
  }

  static std::string TypeMismatch(const std::vector<JsonType>& expect, JsonType type) {
    std::string want;
    for (JsonType t : expect) want += std::string(want.empty() ? "" : " or ") + JsonTypeName(t);
    return "expected " + want + ", got " + JsonTypeName(type);
  }

  // Pushes the frame of a container whose opening bracket is next.
  bool Open(JsonType type, const Placement& p) {
    if (static_cast<int>(depth_) >= s_.max_depth_)
      return FailAt("nesting deeper than " + std::to_string(s_.max_depth_) + " levels");
    lx_.Consume();
    if (frames_.size() <= depth_) frames_.emplace_back();
    Frame& f = frames_[depth_];
    f.array = type == JsonType::kArray;
    f.fresh = true;
    f.mode = p.mode;
    f.index = -1;
    f.key.clear();
    f.cand_begin = p.cand_begin;
    f.cand_end = p.cand_end;
    f.route = -1;
    f.fields = nullptr;
    f.known = p.known;
    if (!f.array) f.keys.Clear();
    if (p.mode == kCapture) StartCapture(f, p);
    ++depth_;
    return true;
  }

  // The container `f` is captured: either a record starts here, or it is a
  // member of the record being built.
  void StartCapture(Frame& f, const Placement& p) {
    if (p.slot) {
      *p.slot = f.array ? json::array() : json::object();
      f.node = p.slot;
      return;
    }
    root_ = f.array ? json::array() : json::object();
    f.node = &root_;
    f.route = p.route;
    // A projection names members of a record object; an array record
    // is kept whole (found by json_lexer_fuzz: "[[1]]" lost its 1).
    if (!f.array && !s_.routes_[p.route].fields.empty()) f.fields = &s_.routes_[p.route].fields;
  }

  bool SkipScalar(JsonType type) {
    if (type == JsonType::kString) {
      lx_.Consume();
      return lx_.SkipString();
    }
    if (type == JsonType::kNumber) return lx_.SkipNumber();
    return lx_.ReadLiteral(nullptr);
  }

  // Reads a scalar into the record being built, or delivers it as a record
  // of its own.
  bool CaptureScalar(JsonType type, const Placement& p) {
    json scalar;
    json* out = p.slot ? p.slot : &scalar;
    bool ok;
    if (type == JsonType::kString) {
      lx_.Consume();
      *out = std::string();
      ok = lx_.ReadString(&out->get_ref<std::string&>());
    } else if (type == JsonType::kNumber) {
      ok = lx_.ReadNumber(out);
    } else {
      ok = lx_.ReadLiteral(out);
    }
    if (!ok) return false;
    return p.slot ? true : Deliver(p.route, scalar);
  }

  static std::string BadByte(int c, const char* expected) {
    char buf[64];
    if (c >= 0x20 && c < 0x7f)
      std::snprintf(buf, sizeof buf, "unexpected character '%c'; %s", c, expected);
    else
      std::snprintf(buf, sizeof buf, "unexpected byte 0x%02x; %s", c, expected);
    return buf;
  }

  // Reads the next member of the innermost container (or closes it).
  bool Step() {
    Frame& f = frames_[depth_ - 1];
    const char close = f.array ? ']' : '}';
    int c = lx_.PeekNonWs();
    if (f.fresh) {
      f.fresh = false;
      if (c == close) return Close();
    } else if (c == ',') {
      lx_.Consume();
      c = lx_.PeekNonWs();
    } else if (c == close) {
      return Close();
    } else {
      const char* want = f.array ? "expected ',' or ']'" : "expected ',' or '}'";
      if (c < 0) return lx_.Fail(std::string("unexpected end of input; ") + want);
      return lx_.Fail(BadByte(c, want));
    }
    if (f.array) {
      ++f.index;
      if (depth_ == 1) s_.top_size_ = f.index + 1;
    } else {
      if (c != '"') {
        if (c < 0) return lx_.Fail("unexpected end of input; expected a string key");
        return lx_.Fail(BadByte(c, "expected a string key"));
      }
      lx_.Consume();
      f.key.clear();
      if (!lx_.ReadString(&f.key)) return false;
      if (!CheckKey(f)) return false;
      if (depth_ == 1 && s_.top_keys_.size() < 1000) s_.top_keys_.push_back(f.key);
      c = lx_.PeekNonWs();
      if (c != ':') {
        if (c < 0) return lx_.Fail("unexpected end of input; expected ':'");
        return lx_.Fail(BadByte(c, "expected ':'"));
      }
      lx_.Consume();
    }
    return Value();
  }

  // A key read into the innermost object `f`: refuse a duplicate (in every
  // mode: a skipped copy may be the one another tool reads) and a case
  // variant of a KnownKeys key.
  bool CheckKey(Frame& f) {
    if (!f.keys.Insert(f.key))
      return FailAtObject(DuplicateKeyMessage(f.key));
    if (f.known) {
      if (const std::string* k = CaseVariantOf(f.key, *f.known))
        return FailAtObject(CaseVariantMessage(f.key, *k));
    }
    return true;
  }

  bool FailAtObject(const std::string& msg) {
    if (cb_status_.ok()) cb_status_ = Error{name_ + ":" + Pointer(depth_ - 1), msg};
    s_.ambiguous_ = true;
    return false;
  }

  bool Close() {
    lx_.Consume();
    Frame& f = frames_[--depth_];
    if (f.mode == kWalk) cands_.resize(f.cand_begin);
    if (f.route >= 0) {
      int route = f.route;
      f.route = -1;
      bool ok = Deliver(route, root_);
      root_ = json();
      return ok;
    }
    return true;
  }

  JsonStreamer& s_;
  JsonLexer& lx_;
  const std::string& name_;
  std::vector<Frame> frames_;
  size_t depth_ = 0;
  std::vector<int> cands_;  ///< Stack of candidate trie-node sets, one per walked frame.
  json root_;               ///< The record being captured.
  Status cb_status_ = Ok{};
};

void JsonStreamer::Expect(std::string pattern, std::vector<JsonType> types) {
  routes_[AddRoute(pattern)].expect = std::move(types);
}

void JsonStreamer::KnownKeys(std::string pattern, std::vector<std::string> keys) {
  if (pattern.empty() || pattern == "/") top_known_ = std::move(keys);
  else routes_[AddRoute(pattern)].known = std::move(keys);
}

void JsonStreamer::OnRecord(std::string pattern, RecordCallback cb,
                            std::vector<std::string> fields) {
  Route& r = routes_[AddRoute(pattern)];
  r.cb = std::move(cb);
  r.fields = std::move(fields);
}

int JsonStreamer::AddRoute(std::string_view pattern) {
  int node = 0;
  size_t start = 1;
  while (start <= pattern.size()) {
    size_t slash = pattern.find('/', start);
    if (slash == std::string::npos) slash = pattern.size();
    std::string part(pattern.substr(start, slash - start));
    start = slash + 1;
    int next = -1;
    if (part == "*") {
      if (nodes_[node].wild < 0) {
        nodes_[node].wild = static_cast<int>(nodes_.size());
        nodes_.emplace_back();
      }
      next = nodes_[node].wild;
    } else {
      for (const auto& [key, child] : nodes_[node].keys)
        if (key == part) next = child;
      if (next < 0) {
        next = static_cast<int>(nodes_.size());
        nodes_.emplace_back();
        nodes_[node].keys.emplace_back(part, next);
        // An array index matches its canonical decimal spelling only.
        long idx = 0;
        auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), idx);
        if (ec == std::errc() && end == part.data() + part.size() && idx >= 0 &&
            std::to_string(idx) == part)
          nodes_[node].indices.emplace_back(idx, next);
      }
    }
    node = next;
  }
  routes_.emplace_back();
  int id = static_cast<int>(routes_.size()) - 1;
  // The top level itself is never a record (as before): only record it at
  // nodes below the root.
  if (node != 0) nodes_[node].routes.push_back(id);
  return id;
}

bool JsonStreamer::HasTopLevelKey(std::string_view key) const {
  for (const auto& k : top_keys_)
    if (k == key) return true;
  return false;
}

Status JsonStreamer::Run(JsonLexer& lx, const std::string& name) {
  top_type_ = JsonTopLevel::kNone;
  ambiguous_ = false;
  top_keys_.clear();
  top_size_ = 0;
  StreamParser p(*this, lx, name);
  return p.Run();
}

Status JsonStreamer::Parse(InputFile& in) {
  top_type_ = JsonTopLevel::kNone;
  ambiguous_ = false;
  top_keys_.clear();
  top_size_ = 0;
  if (in.Head(1).empty()) {
    if (in.read_error()) return Error{in.path(), "read error"};
    return Error{in.path(), "file is empty"};
  }
  Status st = Ok{};
  {
    JsonLexer lx(&in);
    st = Run(lx, in.path());
  }
  if (in.over_limit())
    return Error{in.path(), "input is larger than the size limit (--max-input-size)"};
  if (in.read_error()) return Error{in.path(), "read error"};
  return st;
}

Status JsonStreamer::ParseString(std::string_view text, const std::string& name) {
  top_type_ = JsonTopLevel::kNone;
  ambiguous_ = false;
  top_keys_.clear();
  top_size_ = 0;
  if (text.empty()) return Error{name, "file is empty"};
  JsonLexer lx(text);
  return Run(lx, name);
}

}  // namespace secgate::core
