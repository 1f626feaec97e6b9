// The matching engine (matcher.h).
#include "gates/secrets/matcher.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <map>
#include <mutex>
#include <set>
#include <tuple>

#include "gates/core/glob.h"
#include "gates/core/strings.h"

namespace secgate::secrets {

namespace {

/// Distinct lower-cased keywords of the pack, and which rules use each.
std::vector<std::string> Keywords(const RulePack& pack, std::vector<std::vector<int>>* rules) {
  std::map<std::string, int> ids;
  std::vector<std::string> out;
  for (size_t r = 0; r < pack.rules.size(); ++r) {
    for (const auto& k : pack.rules[r].keywords) {
      auto [it, inserted] = ids.emplace(core::AsciiLower(k), static_cast<int>(out.size()));
      if (inserted) {
        out.push_back(it->first);
        rules->emplace_back();
      }
      auto& list = (*rules)[static_cast<size_t>(it->second)];
      if (list.empty() || list.back() != static_cast<int>(r)) list.push_back(static_cast<int>(r));
    }
  }
  return out;
}

std::unique_ptr<RE2> CompileQuiet(const std::string& pattern) {
  RE2::Options o;
  o.set_log_errors(false);
  auto re = std::make_unique<RE2>(pattern, o);
  return re;
}

constexpr const char* kMarkers[] = {"secgate:allow", "gitleaks:allow",
                                    "pragma: allowlist secret", "trufflehog:ignore"};

}  // namespace

struct Matcher::Compiled {
  std::once_flag once;
  std::unique_ptr<RE2> re;
  std::vector<std::unique_ptr<RE2>> allow;
  std::vector<std::unique_ptr<RE2>> test_keys;
  std::vector<std::unique_ptr<RE2>> parts;
  int groups = 1;  // submatches to ask RE2 for (secret_group + 1)
};

struct Matcher::Placeholders {
  std::once_flag once;
  std::unique_ptr<RE2> any;  // (?:p1)|(?:p2)|...
};

double ShannonEntropy(std::string_view s) {
  if (s.empty()) return 0;
  size_t counts[256] = {};
  for (unsigned char c : s) counts[c]++;
  double h = 0, n = static_cast<double>(s.size());
  for (size_t c : counts) {
    if (!c) continue;
    double p = static_cast<double>(c) / n;
    h -= p * std::log2(p);
  }
  return h;
}

const char* FindInlineMarker(std::string_view line) {
  for (const char* m : kMarkers)
    if (line.find(m) != std::string_view::npos) return m;
  return nullptr;
}

std::string_view ReviewerLine(std::string_view line, size_t begin, size_t end) {
  size_t from = begin == 0 ? std::string_view::npos : line.rfind('\r', begin - 1);
  from = from == std::string_view::npos ? 0 : from + 1;
  size_t to = std::min(line.find('\r', end), line.size());
  return line.substr(from, to - from);
}

namespace {

// The reviewer lines (CR-separated pieces, see ReviewerLine) of one line
// that hold an allow marker, each piece searched once: a line with many
// matches costs O(line + matches log pieces), not O(line × matches).
class MarkedLines {
 public:
  explicit MarkedLines(std::string_view line) {
    size_t from = 0;
    for (;;) {
      size_t cr = line.find('\r', from);
      size_t to = cr == std::string_view::npos ? line.size() : cr;
      ends_.push_back(to);
      marked_before_.push_back(marked_before_.back() +
                               (FindInlineMarker(line.substr(from, to - from)) ? 1 : 0));
      if (cr == std::string_view::npos) break;
      from = cr + 1;
    }
  }
  /// Whether ReviewerLine(line, begin, end) holds a marker.
  bool Marked(size_t begin, size_t end) const {
    size_t first = Piece(begin), last = Piece(end);
    return marked_before_[last + 1] - marked_before_[first] > 0;
  }

 private:
  // The piece holding offset `at` (a CR belongs to the piece it ends).
  size_t Piece(size_t at) const {
    size_t k = static_cast<size_t>(std::lower_bound(ends_.begin(), ends_.end(), at) - ends_.begin());
    return std::min(k, ends_.size() - 1);
  }
  std::vector<size_t> ends_;                 // Offset of each piece's end (its CR, or the end).
  std::vector<size_t> marked_before_ = {0};  // Marked pieces before piece k.
};

}  // namespace

Matcher::Matcher(RulePack pack)
    : pack_(std::move(pack)),
      keywords_(Keywords(pack_, &keyword_rules_)),
      compiled_(new Compiled[pack_.rules.size()]),
      placeholders_(new Placeholders) {
  for (size_t i = 0; i < pack_.allowlist.secret_regexes.size(); ++i) {
    allow_secret_.push_back(CompileQuiet(pack_.allowlist.secret_regexes[i]));
    allowlist_labels_.push_back("secrets.allowlist.secret_regexes[" + std::to_string(i) + "]");
  }
  for (size_t i = 0; i < pack_.allowlist.line_regexes.size(); ++i) {
    allow_line_.push_back(CompileQuiet(pack_.allowlist.line_regexes[i]));
    allowlist_labels_.push_back("secrets.allowlist.line_regexes[" + std::to_string(i) + "]");
  }
}

Matcher::~Matcher() = default;

bool Matcher::PathAllowlisted(std::string_view path) const {
  for (const auto& g : pack_.allowlist.paths)
    if (core::GlobMatch(g, path)) return true;
  return false;
}

const Matcher::Compiled& Matcher::Compile(int rule) const {
  Compiled& c = compiled_[static_cast<size_t>(rule)];
  std::call_once(c.once, [&] {
    const Rule& r = pack_.rules[static_cast<size_t>(rule)];
    c.re = CompileQuiet(r.regex);
    c.groups = r.secret_group + 1;
    for (const auto& a : r.allow) c.allow.push_back(CompileQuiet(a));
    for (const auto& t : r.test_keys) c.test_keys.push_back(CompileQuiet(t));
    for (const auto& p : r.requires_parts) c.parts.push_back(CompileQuiet(p.regex));
  });
  return c;
}

size_t Matcher::compiled_rules() const {
  size_t n = 0;
  for (size_t i = 0; i < pack_.rules.size(); ++i) n += compiled_[i].re != nullptr;
  return n;
}

Candidate Matcher::Classify(int rule, std::string_view secret) const {
  const Rule& r = pack_.rules[static_cast<size_t>(rule)];
  if (secret.empty()) return Candidate::kReject;
  if (r.entropy > 0 && ShannonEntropy(secret) < r.entropy) return Candidate::kReject;
  const Compiled& c = Compile(rule);
  for (const auto& a : c.allow)
    if (a->ok() && RE2::PartialMatch(secret, *a)) return Candidate::kReject;
  for (const auto& t : c.test_keys)
    if (t->ok() && RE2::PartialMatch(secret, *t)) return Candidate::kTestKey;
  if (!pack_.allowlist.stopwords.empty()) {
    std::string lower = core::AsciiLower(secret);
    for (const auto& w : pack_.allowlist.stopwords)
      if (lower.find(w) != std::string::npos) return Candidate::kReject;
  }
  if (!pack_.allowlist.placeholders.empty()) {
    std::call_once(placeholders_->once, [&] {
      std::string all;
      for (const auto& p : pack_.allowlist.placeholders)
        all += (all.empty() ? "(?:" : "|(?:") + p + ")";
      placeholders_->any = CompileQuiet(all);
    });
    if (placeholders_->any->ok() && RE2::PartialMatch(secret, *placeholders_->any))
      return Candidate::kReject;
  }
  return Candidate::kSecret;
}

bool Matcher::RuleApplies(int rule, std::string_view path, ScanScratch* s) const {
  const Rule& r = pack_.rules[static_cast<size_t>(rule)];
  if (r.paths.empty() || path.empty()) return true;
  size_t i = static_cast<size_t>(rule);
  if (s->path_stamp[i] != s->scan_gen) {
    s->path_stamp[i] = s->scan_gen;
    s->path_ok[i] = std::any_of(r.paths.begin(), r.paths.end(),
                                [&](const std::string& g) { return core::GlobMatch(g, path); });
  }
  return s->path_ok[i] != 0;
}

void Matcher::Scan(std::string_view text, std::string_view path, ScanScratch* s,
                  std::vector<SecretMatch>* out) const {
  if (pack_.rules.empty() || text.empty()) return;
  const size_t nrules = pack_.rules.size();
  if (s->rule_stamp.size() != nrules) {
    s->rule_stamp.assign(nrules, 0);
    s->path_stamp.assign(nrules, 0);
    s->path_ok.assign(nrules, 0);
  }
  ++s->scan_gen;
  s->hits.clear();
  s->work.clear();
  keywords_.Scan(text, [&](size_t end, int state) { s->hits.emplace_back(end, state); });
  if (s->hits.empty()) return;

  const bool windowed = ListLines(text, s);
  // A context window adds the neighbouring lines; they may come before
  // lines already listed, so the list is sorted and made unique.
  if (windowed) {
    const size_t listed = s->work.size();
    for (size_t i = 0; i < listed; ++i)
      if (pack_.rules[static_cast<size_t>(s->work[i].rule)].window > 0)
        AddWindow(text, s->work[i], s);
    std::sort(s->work.begin(), s->work.end());
    s->work.erase(std::unique(s->work.begin(), s->work.end()), s->work.end());
  }
  // Phase two: each line once, with every rule listed for it.
  for (size_t i = 0; i < s->work.size();) {
    const ScanScratch::Work& w = s->work[i];
    s->candidates.clear();
    size_t j = i;
    for (; j < s->work.size() && s->work[j].begin == w.begin; ++j)
      s->candidates.push_back(s->work[j].rule);
    ScanLine(text, w.begin, w.end, w.index, path, s, out);
    i = j;
  }
}

// Phase one of Scan: the (line, rule) pairs the keyword hits call for, in
// line order. True when a rule with a context window is among them.
bool Matcher::ListLines(std::string_view text, ScanScratch* s) const {
  const char* base = text.data();
  size_t line_begin = 0, line_end = 0, line_index = 0, counted_to = 0;
  bool in_line = false, windowed = false;
  for (const auto& [end, state] : s->hits) {
    size_t at = end - 1;  // last byte of the keyword: inside its line
    if (!in_line || at >= line_end) {
      // Start of the line holding `at`: after the last LF before it.
      size_t from = line_end;
      const void* lf = nullptr;
      for (size_t i = at; i > from; --i) {
        if (base[i - 1] == '\n') {
          lf = base + i - 1;
          break;
        }
      }
      line_begin = lf ? static_cast<size_t>(static_cast<const char*>(lf) - base) + 1 : from;
      const void* nl = std::memchr(base + at, '\n', text.size() - at);
      line_end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - base) : text.size();
      line_index += static_cast<size_t>(std::count(base + counted_to, base + line_begin, '\n'));
      counted_to = line_begin;
      ++s->line_gen;
      in_line = true;
    }
    for (int kw : keywords_.KeywordsAt(state)) {
      for (int r : keyword_rules_[static_cast<size_t>(kw)]) {
        if (s->rule_stamp[static_cast<size_t>(r)] == s->line_gen) continue;
        s->rule_stamp[static_cast<size_t>(r)] = s->line_gen;
        s->work.push_back({line_begin, line_end, line_index, r});
        windowed |= pack_.rules[static_cast<size_t>(r)].window > 0;
      }
    }
  }
  return windowed;
}

// The lines up to the rule's window above and below `hit`'s line.
void Matcher::AddWindow(std::string_view text, const ScanScratch::Work& hit, ScanScratch* s) const {
  const int window = pack_.rules[static_cast<size_t>(hit.rule)].window;
  ScanScratch::Work up = hit, down = hit;
  for (int k = 0; k < window && up.begin > 0; ++k) {
    up.end = up.begin - 1;  // the LF ending the line above
    size_t lf = up.end == 0 ? std::string_view::npos : text.rfind('\n', up.end - 1);
    up.begin = lf == std::string_view::npos ? 0 : lf + 1;
    --up.index;
    s->work.push_back(up);
  }
  for (int k = 0; k < window && down.end < text.size(); ++k) {
    down.begin = down.end + 1;
    size_t lf = text.find('\n', down.begin);
    down.end = lf == std::string_view::npos ? text.size() : lf;
    ++down.index;
    if (down.begin >= text.size()) break;  // the text's last LF starts no line
    s->work.push_back(down);
  }
}

// A composite rule's parts, each within the rule's window of the secret's
// line and on another span than the secret; records where each was found.
bool Matcher::FindParts(int rule, std::string_view text, size_t line_begin, size_t line_end,
                       SecretMatch* m) const {
  const Rule& r = pack_.rules[static_cast<size_t>(rule)];
  if (r.requires_parts.empty()) return true;
  size_t from = line_begin, to = line_end;
  if (to < text.size() && text[to] == '\r') ++to;  // ScanLine drops a CR before the LF
  for (int k = 0; k < r.window && from > 0; ++k) {
    size_t lf = from - 1 == 0 ? std::string_view::npos : text.rfind('\n', from - 2);
    from = lf == std::string_view::npos ? 0 : lf + 1;
  }
  for (int k = 0; k < r.window && to < text.size(); ++k) {
    size_t lf = text.find('\n', to + 1);
    to = lf == std::string_view::npos ? text.size() : lf;
  }
  const re2::StringPiece span(text.data() + from, to - from);
  const Compiled& c = Compile(rule);
  for (size_t p = 0; p < c.parts.size(); ++p) {
    bool found = false;
    re2::StringPiece hit;
    for (size_t pos = 0; !found && pos <= span.size() &&
                         c.parts[p]->Match(span, pos, span.size(), RE2::UNANCHORED, &hit, 1);) {
      const size_t b = from + static_cast<size_t>(hit.data() - span.data());
      const size_t e = b + hit.size();
      pos = e - from > pos ? e - from : pos + 1;
      if (hit.empty() || (b < m->end && e > m->begin)) continue;  // the secret itself
      // Lines between the part and the secret, signed.
      const long lines =
          b < line_begin ? -static_cast<long>(std::count(text.data() + b, text.data() + line_begin, '\n'))
                         : static_cast<long>(std::count(text.data() + line_begin, text.data() + b, '\n'));
      m->part_delta[p] = static_cast<int8_t>(lines);
      found = true;
    }
    if (!found) return false;
  }
  return true;
}

void Matcher::ScanLine(std::string_view text, size_t line_begin, size_t line_end,
                      size_t line_index, std::string_view path, ScanScratch* s,
                      std::vector<SecretMatch>* out) const {
  if (line_end > line_begin && text[line_end - 1] == '\r') --line_end;
  const re2::StringPiece line(text.data() + line_begin, line_end - line_begin);
  std::sort(s->candidates.begin(), s->candidates.end());
  auto& found = s->line_matches;
  found.clear();
  for (int r : s->candidates) {
    if (!RuleApplies(r, path, s)) continue;
    const Compiled& c = Compile(r);
    if (!c.re->ok()) continue;  // unreachable: the pack was validated with the same options
    const size_t ngroups = static_cast<size_t>(c.groups);
    if (s->groups.size() < ngroups) s->groups.resize(ngroups);
    re2::StringPiece* groups = s->groups.data();
    const int group = pack_.rules[static_cast<size_t>(r)].secret_group;
    size_t pos = 0;
    while (pos <= line.size() &&
           c.re->Match(line, pos, line.size(), RE2::UNANCHORED, groups, c.groups)) {
      size_t mend = static_cast<size_t>(groups[0].data() - line.data()) + groups[0].size();
      pos = mend > pos ? mend : pos + 1;
      const re2::StringPiece sec = groups[group];
      if (sec.data() == nullptr || sec.empty()) continue;
      const Candidate verdict = Classify(r, std::string_view(sec.data(), sec.size()));
      if (verdict == Candidate::kReject) continue;
      size_t b = line_begin + static_cast<size_t>(sec.data() - line.data());
      size_t whole = line_begin + static_cast<size_t>(groups[0].data() - line.data());
      SecretMatch m{r, line_index, line_begin, b, b + sec.size(), whole,
                    verdict == Candidate::kTestKey};
      if (!FindParts(r, text, line_begin, line_end, &m)) continue;
      found.push_back(m);
    }
  }
  if (found.empty()) return;
  const MarkedLines marked(std::string_view(line.data(), line.size()));
  std::erase_if(found, [&](const SecretMatch& m) {
    return marked.Marked(m.begin - line_begin, m.end - line_begin);
  });
  MarkAllowlisted(std::string_view(line.data(), line.size()), text, &found);
  KeepPreferred(found, out);
}

// The policy's allowlist regexes: the line ones once per line, the secret
// ones per match. A match they cover is kept and labelled, not dropped.
void Matcher::MarkAllowlisted(std::string_view line, std::string_view text,
                             std::vector<SecretMatch>* found) const {
  if (allowlist_labels_.empty() || found->empty()) return;
  int line_label = -1;
  for (size_t i = 0; i < allow_line_.size() && line_label < 0; ++i)
    if (allow_line_[i]->ok() && RE2::PartialMatch(line, *allow_line_[i]))
      line_label = static_cast<int>(allow_secret_.size() + i);
  for (SecretMatch& m : *found) {
    const std::string_view secret = text.substr(m.begin, m.end - m.begin);
    for (size_t i = 0; i < allow_secret_.size() && m.allowlisted < 0; ++i)
      if (allow_secret_[i]->ok() && RE2::PartialMatch(secret, *allow_secret_[i]))
        m.allowlisted = static_cast<int>(i);
    if (m.allowlisted < 0) m.allowlisted = line_label;
  }
}

namespace {

// Spans of matches, sorted, with the running maximum of their ends: does a
// match overlap any of them, in O(log n).
struct Spans {
  std::vector<std::pair<size_t, size_t>> spans;
  std::vector<size_t> max_end;
  void Index() {
    std::sort(spans.begin(), spans.end());
    max_end.resize(spans.size());
    for (size_t k = 0; k < spans.size(); ++k)
      max_end[k] = std::max(spans[k].second, k ? max_end[k - 1] : 0);
  }
  bool Overlaps(const SecretMatch& m) const {
    size_t n = static_cast<size_t>(
        std::lower_bound(spans.begin(), spans.end(), std::make_pair(m.end, size_t{0})) -
        spans.begin());
    return n > 0 && max_end[n - 1] > m.begin;
  }
};

}  // namespace

// On an overlapping secret a rule of better precedence wins (a provider's
// own shape over a shape known by context, both over a generic
// assignment); the same rule never reports the same span twice. Sorting
// makes both checks O(n log n) for n matches on a line (a hostile line can
// hold thousands).
void Matcher::KeepPreferred(const std::vector<SecretMatch>& found,
                           std::vector<SecretMatch>* out) const {
  // better[k]: spans of the matches whose precedence beats k + 1.
  auto rank = [&](const SecretMatch& m) { return static_cast<int>(rule(m.rule).precedence); };
  Spans better[2];
  for (const SecretMatch& m : found)
    for (int k = rank(m); k < 2; ++k) better[k].spans.emplace_back(m.begin, m.end);
  for (Spans& b : better) b.Index();
  // One secret, one finding: of the rules of the same precedence whose
  // spans overlap, the most severe reports it, and of equally severe ones
  // the first in the pack (a composite rule and a provider's assignment
  // rule both find an AWS secret key; two generic rules read one .env
  // line). Severity first, so that shaping a line to make a milder rule
  // match across a critical token cannot lower what the gate counts.
  // Greedy over (precedence, severity, rule, offset).
  auto severity = [&](const SecretMatch& m) { return -static_cast<int>(rule(m.rule).severity); };
  std::vector<size_t> order(found.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::tuple(rank(found[a]), severity(found[a]), found[a].rule, found[a].begin) <
           std::tuple(rank(found[b]), severity(found[b]), found[b].rule, found[b].begin);
  });
  std::vector<uint8_t> keep(found.size(), 0);
  Spans kept;  // spans kept for the rules before this one: O(log n) per query
  for (size_t k = 0; k < order.size();) {
    const int r = found[order[k]].rule;
    size_t e = k;
    for (; e < order.size() && found[order[e]].rule == r; ++e) {
      const SecretMatch& m = found[order[e]];
      if (rank(m) > 0 && better[rank(m) - 1].Overlaps(m)) continue;
      if (!kept.Overlaps(m)) keep[order[e]] = 1;
    }
    bool added = false;  // this rule's spans bind the rules after it
    for (size_t x = k; x < e; ++x)
      if (keep[order[x]]) {
        kept.spans.emplace_back(found[order[x]].begin, found[order[x]].end);
        added = true;
      }
    if (added) kept.Index();
    k = e;
  }
  std::set<std::tuple<int, size_t, size_t>> seen;
  for (size_t k = 0; k < found.size(); ++k) {
    const SecretMatch& m = found[k];
    if (!keep[k] || !seen.insert({m.rule, m.begin, m.end}).second) continue;
    out->push_back(m);
  }
}

namespace {

enum class Produced { kNothing, kSecret, kTestKey };

/// What rule `rule` makes of `text`: a secret wins over a test key.
Produced Produces(const Matcher& engine, int rule, const std::string& text) {
  ScanScratch scratch;
  std::vector<SecretMatch> found;
  engine.Scan(text, "", &scratch, &found);
  Produced p = Produced::kNothing;
  for (const SecretMatch& m : found)
    if (m.rule == rule) p = m.test_key && p != Produced::kSecret ? Produced::kTestKey
                                                                  : Produced::kSecret;
  return p;
}

}  // namespace

core::Status CheckExamples(const Matcher& engine, int rule) {
  const Rule& r = engine.rule(rule);
  struct Want {
    const std::vector<std::string>* examples;
    const char* key;
    Produced want;
    const char* wrong;
  };
  const Want wants[] = {
      {&r.examples_match, "match", Produced::kSecret, "is not detected by the rule"},
      {&r.examples_no_match, "no_match", Produced::kNothing, "is detected by the rule"},
      {&r.examples_test_key, "test_key", Produced::kTestKey,
       "is not detected as a test key by the rule"}};
  for (const Want& w : wants)
    for (size_t k = 0; k < w.examples->size(); ++k)
      if (Produces(engine, rule, (*w.examples)[k]) != w.want)
        return core::Error{r.source, "rule " + r.id + ": examples." + w.key + "[" +
                                         std::to_string(k) + "] " + w.wrong};
  return core::Ok{};
}

core::Result<std::unique_ptr<Matcher>> LoadMatcher(const core::SecretsPolicy& policy,
                                                 const std::string& policy_dir) {
  auto pack = BuildRulePack(policy, policy_dir);
  if (!pack) return pack.error();
  // Rule ids are unique across the built-in and the policy's packs, so a
  // rule is the policy's own unless the built-in pack has its id.
  std::set<std::string> builtin;
  if (!policy.replace_rules)
    for (const auto& r : BuiltinPack().rules) builtin.insert(r.id);
  auto engine = std::make_unique<Matcher>(std::move(*pack));
  for (size_t i = 0; i < engine->pack().rules.size(); ++i) {
    if (builtin.count(engine->pack().rules[i].id)) continue;
    if (auto s = CheckExamples(*engine, static_cast<int>(i)); !s) return s.error();
  }
  return engine;
}

}  // namespace secgate::secrets
