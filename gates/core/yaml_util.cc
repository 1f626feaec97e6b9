#include "gates/core/yaml_util.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <yaml-cpp/eventhandler.h>

#include "gates/core/io.h"

namespace secgate::core {
namespace {

// yaml-cpp's parser recurses once per nesting level, so a hostile file with a
// million '[' or '- - - ...' exhausts the stack. Estimate the depth before
// parsing: flow brackets outside quotes, plus block indentation and inline
// sequence dashes on each line. Over-estimating is fine; the limit is generous.
Status CheckNesting(std::string_view text, const std::string& path) {
  int flow = 0, line = 1;
  bool line_start = true;
  int indent = 0, dashes = 0;
  char quote = 0;
  bool comment = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      ++line;
      line_start = true;
      indent = dashes = 0;
      comment = false;
      if (quote == '\'' ) quote = 0;  // single-quoted scalars rarely span lines
      continue;
    }
    if (comment) continue;
    if (quote) {
      if (c == '\\' && quote == '"') ++i;
      else if (c == quote) quote = 0;
      continue;
    }
    if (line_start && c == ' ') {
      ++indent;
      continue;
    }
    if ((c == '-' || c == '?' || c == ':') && i + 1 < text.size() &&
        (text[i + 1] == ' ' || text[i + 1] == '\n')) {
      ++dashes;
      continue;
    }
    if (c == ' ') continue;
    line_start = false;
    if (c == '#') comment = true;
    else if (c == '"' || c == '\'') quote = c;
    else if (c == '[' || c == '{') ++flow;
    else if ((c == ']' || c == '}') && flow > 0) --flow;
    int depth = flow + indent / 2 + dashes;
    if (depth > kMaxYamlDepth)
      return Error{path + ":" + std::to_string(line),
                   "nesting deeper than " + std::to_string(kMaxYamlDepth) + " levels"};
  }
  return Ok{};
}

// YAML 1.2 requires unique keys in a mapping, but yaml-cpp keeps every copy
// (lookups see the first, iteration sees all), so two readers of one file
// could disagree. Walks every mapping once: nodes reached through an alias
// are the same node and share its mark, so `seen` keeps the walk linear even
// for an alias bomb.
using SeenNodes = std::set<std::tuple<int, bool, size_t>>;  // mark, is map, size

Status CheckUniqueKeys(const YAML::Node& n, const std::string& path, SeenNodes* seen) {
  if (!n.IsMap() && !n.IsSequence()) return Ok{};
  if (!seen->insert({n.Mark().pos, n.IsMap(), n.size()}).second) return Ok{};
  if (n.IsSequence()) {
    for (const auto& item : n)
      if (Status s = CheckUniqueKeys(item, path, seen); !s) return s;
    return Ok{};
  }
  std::map<std::string, int> keys;  // key text -> line of its first copy
  for (const auto& kv : n) {
    if (kv.first.IsScalar()) {
      auto [it, fresh] = keys.emplace(kv.first.Scalar(), LineOf(kv.first));
      if (!fresh)
        return Error{Where(path, kv.first), "duplicate key '" + kv.first.Scalar() +
                                                "' (first on line " + std::to_string(it->second) +
                                                "; YAML forbids repeated keys)"};
    }
    if (Status s = CheckUniqueKeys(kv.first, path, seen); !s) return s;
    if (Status s = CheckUniqueKeys(kv.second, path, seen); !s) return s;
  }
  return Ok{};
}

// Parse events that build nothing: where the first node of a document
// starts. Used to look for a second document without materialising it.
class FirstNodeMark : public YAML::EventHandler {
 public:
  int line = 0;  ///< 1-based; 0 when the document has no node.
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override { Note(m); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { Note(m); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                const std::string&) override { Note(m); }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override { Note(m); }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override { Note(m); }
  void OnMapEnd() override {}

 private:
  void Note(const YAML::Mark& m) {
    if (line == 0 && !m.is_null()) line = m.line + 1;
  }
};

// Loads the first document and refuses a second one, so that nothing hides
// after a `...` end marker or in a second `---` document, where a reader of
// the first never looks. The parser is asked for at most two documents:
// YAML::LoadAll never returns on some malformed inputs (yaml-cpp 0.7 yields
// empty documents forever; found by policy_fuzz and waiver_fuzz).
Result<YAML::Node> LoadSingleDocument(const std::string& text, const std::string& path) {
  YAML::Node doc = YAML::Load(text);
  std::istringstream in(text);
  YAML::Parser parser(in);
  FirstNodeMark first, second;
  if (parser.HandleNextDocument(first) && parser.HandleNextDocument(second))
    return Error{second.line > 0 ? path + ":" + std::to_string(second.line) : path,
                 "more than one YAML document (content after '...' or a second '---'); "
                 "expected exactly one"};
  return doc;
}

}  // namespace

Result<YAML::Node> LoadYaml(std::string_view text, const std::string& path) {
  if (text.size() > kMaxYamlBytes)
    return Error{path, "file is larger than " + std::to_string(kMaxYamlBytes) + " bytes"};
  if (text.find('\0') != std::string_view::npos)
    return Error{path, "expected YAML text, got binary data (NUL byte)"};
  if (std::string bad = CheckUtf8(text); !bad.empty()) return Error{path, bad};
  if (Status s = CheckNesting(text, path); !s) return s.error();
  try {
    auto doc = LoadSingleDocument(std::string(text), path);
    if (!doc) return doc;
    SeenNodes seen;
    if (Status s = CheckUniqueKeys(*doc, path, &seen); !s) return s.error();
    return doc;
  } catch (const YAML::Exception& e) {
    return Error{path + ":" + std::to_string(e.mark.line + 1), "invalid YAML: " + e.msg};
  } catch (const std::exception& e) {
    return Error{path, std::string("invalid YAML: ") + e.what()};
  }
}

std::string Where(const std::string& path, const YAML::Node& n) {
  int line = LineOf(n);
  return line > 0 ? path + ":" + std::to_string(line) : path;
}

Status CheckKeys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                 const std::string& path, const std::string& section) {
  return CheckKeys(map, std::vector<std::string>(allowed.begin(), allowed.end()), path, section);
}

Status CheckKeys(const YAML::Node& map, const std::vector<std::string>& allowed,
                 const std::string& path, const std::string& section) {
  if (map.IsNull()) return Ok{};  // "vuln:" with nothing under it: all defaults.
  if (!map.IsMap())
    return Error{Where(path, map), (section.empty() ? std::string("document") : section) +
                                       ": expected a mapping"};
  for (const auto& kv : map) {
    if (!kv.first.IsScalar())
      return Error{Where(path, kv.first), "keys must be plain strings"};
    const std::string key = kv.first.Scalar();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      std::string full = section.empty() ? key : section + "." + key;
      return Error{Where(path, kv.first),
                   "unknown key '" + full + "' (expected one of: " + list + ")"};
    }
  }
  return Ok{};
}

Result<std::string> ScalarString(const YAML::Node& n, const std::string& path,
                                 const std::string& key) {
  if (!n.IsScalar()) return Error{Where(path, n), key + ": expected a string"};
  return n.Scalar();
}

Result<bool> ScalarBool(const YAML::Node& n, const std::string& path, const std::string& key) {
  if (n.IsScalar()) {
    const std::string& s = n.Scalar();
    if (s == "true") return true;
    if (s == "false") return false;
  }
  return Error{Where(path, n), key + ": expected true or false"};
}

Result<long long> ScalarInt(const YAML::Node& n, const std::string& path, const std::string& key) {
  if (n.IsScalar()) {
    const std::string& s = n.Scalar();
    if (!s.empty() && s.size() < 19 &&
        std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return std::stoll(s);
  }
  return Error{Where(path, n), key + ": expected a non-negative whole number"};
}

Result<std::vector<std::string>> StringList(const YAML::Node& n, const std::string& path,
                                            const std::string& key) {
  if (!n.IsSequence()) return Error{Where(path, n), key + ": expected a list of strings"};
  std::vector<std::string> out;
  for (const auto& item : n) {
    if (!item.IsScalar()) return Error{Where(path, item), key + ": expected a list of strings"};
    out.push_back(item.Scalar());
  }
  return out;
}

}  // namespace secgate::core
