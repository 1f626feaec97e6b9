// The compact pack encoding used to embed the built-in pack, and assembling
// the effective pack from the built-in one and the policy (rule.h).
//
// Encoding: a sequence of fields, each "<decimal length>:<bytes>"; lists are
// a count field followed by their items. Decoding validates every length.
#include <algorithm>
#include <charconv>
#include <set>

#include "gates/core/io.h"
#include "gates/core/strings.h"
#include "gates/core/yaml_util.h"
#include "gates/secrets/rule.h"

namespace secgate::secrets {

using core::Error;
using core::Result;

namespace {

constexpr std::string_view kMagic = "secgate-pack-3";

void Put(std::string* out, std::string_view s) {
  out->append(std::to_string(s.size()));
  out->push_back(':');
  out->append(s);
}
void PutList(std::string* out, const std::vector<std::string>& v) {
  Put(out, std::to_string(v.size()));
  for (const auto& s : v) Put(out, s);
}

class Reader {
 public:
  explicit Reader(std::string_view d) : d_(d) {}
  bool Get(std::string* s) {
    size_t colon = d_.find(':', pos_);
    if (colon == std::string_view::npos) return false;
    size_t n = 0;
    auto [p, ec] = std::from_chars(d_.data() + pos_, d_.data() + colon, n);
    if (ec != std::errc() || p != d_.data() + colon || n > d_.size() - colon - 1) return false;
    s->assign(d_.substr(colon + 1, n));
    pos_ = colon + 1 + n;
    return true;
  }
  bool GetInt(long long* v) {
    std::string s;
    if (!Get(&s)) return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
    return ec == std::errc() && p == s.data() + s.size();
  }
  bool GetList(std::vector<std::string>* v) {
    long long n = 0;
    if (!GetInt(&n) || n < 0 || n > 1000000) return false;
    v->resize(static_cast<size_t>(n));
    for (auto& s : *v)
      if (!Get(&s)) return false;
    return true;
  }
  bool done() const { return pos_ == d_.size(); }

 private:
  std::string_view d_;
  size_t pos_ = 0;
};

/// The policy's secrets.allowlist regexes, each compiled to check it (a bad
/// one is an Error naming its key and index).
core::Status AddAllowlistRegexes(const core::SecretsPolicy& policy, Allowlist* out) {
  const std::string where =
      policy.allowlist_where.empty() ? "secrets.allowlist" : policy.allowlist_where;
  struct List {
    const char* key;
    const std::vector<std::string>& from;
    std::vector<std::string>* to;
  };
  const List lists[] = {
      {"secrets.allowlist.secret_regexes", policy.allowlist_secret_regexes, &out->secret_regexes},
      {"secrets.allowlist.line_regexes", policy.allowlist_line_regexes, &out->line_regexes}};
  for (const List& l : lists) {
    for (size_t i = 0; i < l.from.size(); ++i) {
      if (auto s = CheckRegex(l.from[i], where, std::string(l.key) + "[" + std::to_string(i) + "]");
          !s)
        return s;
      l.to->push_back(l.from[i]);
    }
  }
  return core::Ok{};
}

}  // namespace

std::string EncodePack(const RulePack& pack) {
  std::string out;
  Put(&out, kMagic);
  PutList(&out, pack.allowlist.paths);
  PutList(&out, pack.allowlist.stopwords);
  PutList(&out, pack.allowlist.placeholders);
  PutList(&out, pack.allowlist.secret_regexes);
  PutList(&out, pack.allowlist.line_regexes);
  Put(&out, std::to_string(pack.rules.size()));
  for (const auto& r : pack.rules) {
    Put(&out, r.id);
    Put(&out, r.description);
    Put(&out, r.provider);
    Put(&out, std::to_string(static_cast<int>(r.severity)));
    PutList(&out, r.keywords);
    Put(&out, r.regex);
    Put(&out, std::to_string(r.secret_group));
    Put(&out, std::to_string(static_cast<long long>(r.entropy * 1000 + 0.5)));
    PutList(&out, r.allow);
    PutList(&out, r.paths);
    PutList(&out, r.test_keys);
    Put(&out, std::to_string(r.window));
    Put(&out, std::to_string(static_cast<int>(r.precedence)));
    Put(&out, std::to_string(r.requires_parts.size()));
    for (const auto& part : r.requires_parts) {
      Put(&out, part.name);
      Put(&out, part.regex);
    }
    PutList(&out, r.examples_match);
    PutList(&out, r.examples_no_match);
    PutList(&out, r.examples_test_key);
    Put(&out, r.source);
  }
  return out;
}

Result<RulePack> DecodePack(std::string_view data) {
  Reader in(data);
  RulePack p;
  std::string magic;
  long long n = 0;
  const Error bad{"built-in rule pack", "corrupt encoding"};
  if (!in.Get(&magic) || magic != kMagic) return bad;
  if (!in.GetList(&p.allowlist.paths) || !in.GetList(&p.allowlist.stopwords) ||
      !in.GetList(&p.allowlist.placeholders) || !in.GetList(&p.allowlist.secret_regexes) ||
      !in.GetList(&p.allowlist.line_regexes) || !in.GetInt(&n) || n < 0)
    return bad;
  p.rules.resize(static_cast<size_t>(n));
  for (auto& r : p.rules) {
    long long sev = 0, group = 0, entropy = 0, window = 0, precedence = 0, parts = 0;
    if (!in.Get(&r.id) || !in.Get(&r.description) || !in.Get(&r.provider) || !in.GetInt(&sev) ||
        !in.GetList(&r.keywords) || !in.Get(&r.regex) || !in.GetInt(&group) ||
        !in.GetInt(&entropy) || !in.GetList(&r.allow) || !in.GetList(&r.paths) ||
        !in.GetList(&r.test_keys) || !in.GetInt(&window) || window < 0 || window > kMaxWindow ||
        !in.GetInt(&precedence) || precedence < 0 || precedence > 2 ||
        !in.GetInt(&parts) || parts < 0 || parts > static_cast<long long>(kMaxParts))
      return bad;
    r.window = static_cast<int>(window);
    r.precedence = static_cast<Precedence>(precedence);
    r.requires_parts.resize(static_cast<size_t>(parts));
    for (auto& part : r.requires_parts)
      if (!in.Get(&part.name) || !in.Get(&part.regex)) return bad;
    if (!in.GetList(&r.examples_match) ||
        !in.GetList(&r.examples_no_match) || !in.GetList(&r.examples_test_key) ||
        !in.Get(&r.source))
      return bad;
    r.severity = static_cast<core::Severity>(sev);
    r.secret_group = static_cast<int>(group);
    r.entropy = static_cast<double>(entropy) / 1000.0;
  }
  if (!in.done()) return bad;
  return p;
}

Result<RulePack> BuildRulePack(const core::SecretsPolicy& policy, const std::string& policy_dir,
                               const RulePack& base) {
  RulePack pack;
  pack.allowlist = base.allowlist;
  if (!policy.replace_rules) pack.rules = base.rules;
  if (policy.replace_rules && policy.rules.empty())
    return Error{"secrets.replace_rules", "true but secrets.rules names no rule file"};
  for (const auto& file : policy.rules) {
    std::string path = file;
    if (!path.empty() && path.front() != '/' && !policy_dir.empty() && policy_dir != ".")
      path = policy_dir + "/" + path;
    auto text = core::ReadInput(path, core::kMaxYamlBytes);
    if (!text) return text.error();
    auto rules = ParseRuleFile(*text, path);
    if (!rules) return rules.error();
    for (auto& r : *rules) pack.rules.push_back(std::move(r));
  }
  if (auto s = CheckUniqueIds(pack.rules); !s) return s.error();
  std::set<std::string> disable(policy.disable.begin(), policy.disable.end());
  for (const auto& id : disable) {
    bool known = std::any_of(pack.rules.begin(), pack.rules.end(),
                             [&](const Rule& r) { return r.id == id; });
    if (!known) return Error{"secrets.disable", "unknown rule id '" + id + "'"};
  }
  std::erase_if(pack.rules, [&](const Rule& r) { return disable.count(r.id) > 0; });
  for (const auto& p : policy.allow_paths) pack.allowlist.paths.push_back(p);
  for (auto w : policy.stopwords) {
    core::AsciiLowerInPlace(&w);
    if (!w.empty()) pack.allowlist.stopwords.push_back(w);
  }
  if (auto s = AddAllowlistRegexes(policy, &pack.allowlist); !s) return s.error();
  pack.decode_depth = policy.decode_depth;
  return pack;
}

}  // namespace secgate::secrets
