// Matcher: matches a rule pack against text, line by line.
//
// One pass of the keyword prefilter (KeywordIndex) over the whole buffer
// finds the lines worth looking at; only there, and only for the rules whose
// keywords occur on that line (or, for a rule with a context window, up to
// `window` lines away), RE2 runs. A composite rule's parts are then looked
// for within its window of the secret's line. A rule's regex (and its allow
// patterns) are compiled the first time a keyword of that rule occurs, once
// per process, so a scan compiles only what it needs. RE2 keeps matching
// linear in the input. Candidates then pass the entropy check, the rule's
// allow patterns, the global stopwords and placeholders, and the inline
// markers (secgate:allow, gitleaks:allow, pragma: allowlist secret,
// trufflehog:ignore) on the secret's own line, where CR, LF and CRLF all
// end a line.
//
// A SecretMatch holds offsets into the scanned text, never a copy of the
// value; ToFinding() (collector.h) turns it into a redacted Finding.
//
//   Matcher matcher(std::move(pack));
//   ScanScratch scratch;  std::vector<SecretMatch> found;
//   matcher.Scan(text, "src/app.py", &scratch, &found);
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <re2/re2.h>

#include "gates/secrets/keyword_index.h"
#include "gates/secrets/rule.h"

namespace secgate::secrets {

/// The longest match (a rule's whole regex match, context included) that a
/// scan is sure to find in a line too long to hold at once (`mask`: over
/// kMaxMaskLine, `--stdin`: over 16 MiB). Such a line is scanned in windows
/// that overlap by this many bytes, so a secret straddling a cut is still
/// seen whole by one window.
inline constexpr size_t kMaxMatchBytes = size_t{256} << 10;

/// Where a secret is in the scanned text (engine-internal: offsets only).
struct SecretMatch {
  int rule = -1;
  size_t line_index = 0;  ///< 0-based line within the scanned text.
  size_t line_begin = 0;  ///< Offset of that line's first byte.
  size_t begin = 0;       ///< Offset of the secret's first byte.
  size_t end = 0;         ///< One past its last byte.
  /// Offset where the rule's whole match starts (its keyword context, e.g.
  /// `password = "`, included): text cut between here and `begin` loses
  /// what makes the secret matchable, so windows and chunks cut before it.
  size_t match_begin = 0;
  bool test_key = false;  ///< One of the rule's documented test/example keys.
  /// A policy allowlist regex matched: index into Matcher::AllowlistLabel;
  /// -1 when none did. The match is kept (listed as allowlisted).
  int allowlisted = -1;
  /// A composite rule's parts (Rule::requires_parts, in order): the line of
  /// each relative to this match's line.
  int8_t part_delta[kMaxParts] = {};
};

/// What the checks after the regex make of a candidate secret.
enum class Candidate { kReject, kSecret, kTestKey };

/// Per-thread working memory for Matcher::Scan (reuse it across calls).
struct ScanScratch {
  /// A line to run a rule on: phase one (keywords) collects them, phase
  /// two (regexes) runs them line by line.
  struct Work {
    size_t begin, end, index;
    int rule;
    bool operator<(const Work& o) const {
      return begin != o.begin ? begin < o.begin : rule < o.rule;
    }
    bool operator==(const Work& o) const { return begin == o.begin && rule == o.rule; }
  };
  std::vector<std::pair<size_t, int>> hits;  // (keyword end offset, state)
  std::vector<Work> work;
  std::vector<uint32_t> rule_stamp;
  std::vector<uint32_t> path_stamp;
  std::vector<uint8_t> path_ok;
  std::vector<int> candidates;
  std::vector<SecretMatch> line_matches;
  std::vector<re2::StringPiece> groups;  // submatches, sized by the rule being run
  uint32_t line_gen = 0, scan_gen = 0;
};

/// Shannon entropy of the bytes of `s`, in bits per byte.
double ShannonEntropy(std::string_view s);

/// The inline suppression marker on `line`, or nullptr.
const char* FindInlineMarker(std::string_view line);

/// The part of `line` (LF-delimited, no LF) a reviewer sees as the line(s)
/// holding bytes [begin, end): a lone CR ends a line for a terminal or a
/// diff viewer, so it does here too. An inline marker applies only there.
std::string_view ReviewerLine(std::string_view line, size_t begin, size_t end);

class Matcher {
 public:
  explicit Matcher(RulePack pack);
  ~Matcher();
  Matcher(const Matcher&) = delete;
  Matcher& operator=(const Matcher&) = delete;

  const RulePack& pack() const { return pack_; }
  const Rule& rule(int i) const { return pack_.rules[static_cast<size_t>(i)]; }

  /// True when the global allowlist excludes `path` from scanning.
  bool PathAllowlisted(std::string_view path) const;

  /// Appends every accepted secret in `text` to `out`. `text` is a sequence
  /// of lines (LF ends a line, a CR before it is dropped, the last line may
  /// lack an LF). `path` selects rules with `paths` filters; an empty path
  /// applies every rule. Thread-safe (one scratch per thread).
  void Scan(std::string_view text, std::string_view path, ScanScratch* scratch,
            std::vector<SecretMatch>* out) const;

  /// True when `secret` found by rule `rule` survives the entropy check, the
  /// rule's allow patterns and the global stopwords and placeholders.
  bool Accept(int rule, std::string_view secret) const {
    return Classify(rule, secret) != Candidate::kReject;
  }
  /// Same, telling a documented test key from a secret: the rule's
  /// test_keys are checked after its entropy and allow patterns (which say
  /// "not this rule's") and before the global stopwords and placeholders,
  /// so a documented example key is reported as a test key, never dropped.
  Candidate Classify(int rule, std::string_view secret) const;

  /// "secrets.allowlist.secret_regexes[0]" for SecretMatch::allowlisted.
  const std::string& AllowlistLabel(int i) const {
    return allowlist_labels_[static_cast<size_t>(i)];
  }

  /// Number of rules whose regex has been compiled so far (for tests).
  size_t compiled_rules() const;

 private:
  struct Compiled;
  const Compiled& Compile(int rule) const;
  void KeepPreferred(const std::vector<SecretMatch>& found, std::vector<SecretMatch>* out) const;
  void ScanLine(std::string_view text, size_t line_begin, size_t line_end, size_t line_index,
                std::string_view path, ScanScratch* s, std::vector<SecretMatch>* out) const;
  bool ListLines(std::string_view text, ScanScratch* s) const;
  void AddWindow(std::string_view text, const ScanScratch::Work& hit, ScanScratch* s) const;
  bool FindParts(int rule, std::string_view text, size_t line_begin, size_t line_end,
                 SecretMatch* m) const;
  bool RuleApplies(int rule, std::string_view path, ScanScratch* s) const;
  void MarkAllowlisted(std::string_view line, std::string_view text,
                       std::vector<SecretMatch>* found) const;

  RulePack pack_;
  std::vector<std::vector<int>> keyword_rules_;  // keyword id -> rule ids (before keywords_)
  KeywordIndex keywords_;
  std::unique_ptr<Compiled[]> compiled_;
  struct Placeholders;
  std::unique_ptr<Placeholders> placeholders_;
  // The policy's allowlist regexes: secret ones, then line ones; labels alike.
  std::vector<std::unique_ptr<RE2>> allow_secret_, allow_line_;
  std::vector<std::string> allowlist_labels_;
};

/// Runs rule `rule`'s examples through `engine` (the whole pack, as a scan
/// would; no path filter): each `match` example must produce the rule and
/// no `no_match` example may. The Error names the rule and the example's
/// index, never its value.
core::Status CheckExamples(const Matcher& engine, int rule);

/// The engine a scan or `mask` runs: BuildRulePack(policy, policy_dir), and
/// every rule from the policy's own files (secrets.rules) must pass
/// CheckExamples, as the built-in rules do at build and test time.
core::Result<std::unique_ptr<Matcher>> LoadMatcher(const core::SecretsPolicy& policy,
                                                 const std::string& policy_dir);

}  // namespace secgate::secrets
