// Collector: where sources deliver text. It runs the engine and turns each
// SecretMatch into a redacted core::Finding (rule id, location, prefix,
// length, fingerprint: never the value), and counts what was skipped.
// One collector per thread; Absorb() merges them.
//
//   Collector c(engine);
//   c.Scan({"staged", "app.py"}, added_lines, &line_numbers);
//   c.Skip("files over size limit");
//
// ChunkedScan feeds a collector text of any size in bounded chunks.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gates/core/finding.h"
#include "gates/secrets/matcher.h"

namespace secgate::secrets {

/// Where a piece of text came from.
struct Origin {
  std::string target;  ///< "staged", "history", "A..B", a PATH argument, "stdin".
  std::string path;    ///< File path (repo-relative in git modes); may be empty.
                       ///< kCommitMessage for a commit's message.
  std::string commit;  ///< Git modes: full commit id.
  std::string author;  ///< "Name <email>".
  std::string date;    ///< ISO 8601.
  long order = 0;      ///< Sort key of the commit (history/range), for stable output.
};

/// Origin::path of text from a commit message (not a file: rules with path
/// filters do not apply; every other rule does).
inline constexpr const char* kCommitMessage = "commit message";

/// At most the first 4 characters (fewer for short secrets) and the length.
core::RedactedSecret Redact(std::string_view secret);

/// The Finding for one match (`text` is the buffer the match points into).
/// A composite rule's finding names its parts and their lines in the title:
/// `part_lines[i]` when given, else `line` + the part's offset.
core::Finding ToFinding(const Matcher& engine, const SecretMatch& m, std::string_view text,
                        const Origin& origin, int line, const std::vector<int>& part_lines = {});

class Collector {
 public:
  explicit Collector(const Matcher& engine) : engine_(engine) {}

  /// Scans `text` (whole lines). Line i is numbered `line_numbers[i]` when
  /// given, else first_line + i. (Sources apply the path allowlist.)
  /// Matches whose whole match (keyword context included) starts at or
  /// after offset `accept_before` are dropped (the overlap ChunkedScan scans
  /// again, from there).
  void Scan(const Origin& origin, std::string_view text, const std::vector<int>* line_numbers,
            int first_line = 1, size_t accept_before = std::string_view::npos);
  /// Scans `text` as Scan(origin, text, nullptr, first_line) does, but
  /// turns into findings only the matches `keep` accepts (history: the
  /// lines a commit adds). Every match's value is still kept for masking.
  void ScanKeeping(const Origin& origin, std::string_view text, int first_line,
                   const std::function<bool(const SecretMatch&)>& keep);
  /// Counts one skipped input under `what` ("binary files").
  void Skip(const std::string& what) { skipped_[what]++; }
  void Note(std::string note) { notes_.push_back(std::move(note)); }
  /// Moves another collector's results into this one.
  void Absorb(Collector& other);

  const Matcher& engine() const { return engine_; }
  std::vector<core::Finding>& findings() { return findings_; }
  std::vector<long>& orders() { return orders_; }
  std::map<std::string, int>& skipped() { return skipped_; }
  std::vector<std::string>& notes() { return notes_; }
  /// (rule id, value) of every match, in memory only: the run masks each
  /// value wherever else it occurs in its output (ValueMasker, mask.h).
  std::vector<std::pair<std::string, std::string>>& values() { return values_; }
  long scanned_bytes() const { return scanned_bytes_; }

 private:
  struct Place;
  void ScanWith(const Origin& origin, std::string_view text, const std::vector<int>* line_numbers,
                int first_line, size_t accept_before,
                const std::function<bool(const SecretMatch&)>* keep);
  void Take(const SecretMatch& m, std::string_view text, const Origin& origin, int line,
            const std::vector<int>& part_lines,
            const std::string& decoded);

  const Matcher& engine_;
  ScanScratch scratch_;
  std::vector<SecretMatch> matches_;
  std::vector<core::Finding> findings_;
  std::vector<long> orders_;  // Origin::order of each finding
  std::map<std::string, int> skipped_;
  std::vector<std::string> notes_;
  std::vector<std::pair<std::string, std::string>> values_;
  long scanned_bytes_ = 0;
};

struct DecodeBudget;

/// A secret found in decoded text: `m` points into `text` (the decoded run
/// in its line's context); the encoded run is [run_begin, run_end) of the
/// scanned buffer (the outermost run for nested decodings), on its line
/// `line_index`; `chain` is "base64" or "base64>percent".
using DecodedMatchFn =
    std::function<void(const SecretMatch& m, std::string_view text, size_t run_begin,
                       size_t run_end, size_t line_index, const std::string& chain)>;

/// Rescans the decoded form of every encoded run of `text` (decode.h), up to
/// the pack's decode_depth; a match of a rule that `plain` (the matches of
/// `text` as written) already has on the run is not reported again.
/// Collector::Scan and `mask` both use it.
void ScanEncodedRuns(const Matcher& engine, std::string_view text, std::string_view path,
                     ScanScratch* scratch, const std::vector<SecretMatch>& plain,
                     DecodeBudget* budget, const DecodedMatchFn& fn);

/// Text of one origin that arrives in pieces of any size (a large file, a
/// decoded blob), scanned in chunks of whole lines of about kScanChunk
/// bytes so that memory stays flat. A line longer than kScanChunk is
/// scanned in pieces overlapping by kScanOverlap / 2 to kScanOverlap bytes
/// (cut where no token is): a secret up to kScanOverlap / 2 long is found
/// across a cut, and found once. Lines are numbered from 1.
class ChunkedScan {
 public:
  static constexpr size_t kScanChunk = size_t{1} << 20;
  static constexpr size_t kScanOverlap = size_t{64} << 10;

  ChunkedScan(Collector* out, Origin origin) : out_(out), origin_(std::move(origin)) {}
  void Add(std::string_view text);
  /// Scans what is left.
  void Finish();

 private:
  void ScanFullChunk();

  Collector* out_;
  Origin origin_;
  std::string buf_;
  int line_ = 1;
};

}  // namespace secgate::secrets
