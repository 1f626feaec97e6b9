// The sources of secgate-secrets: each reads one kind of input and delivers
// text (whole files, or the added lines of a diff with their new-file line
// numbers) to a Collector. They know nothing of policy or output.
//
//   staged:    the index against HEAD (the empty tree before the first commit)
//   commits:   --range A..B, --since REF, --history [--all]: a blob walk
//              (blob_walk.cc): every blob the selected commits introduce,
//              read once, on several threads
//   files:     PATH... (no git needed; in a work tree .gitignore decides for
//              untracked files)
//
// Every file's or blob's bytes go through content.h (text, UTF-16 decoded,
// printable runs of binary content).
//   text:      --stdin, a unified diff (detected) or plain text
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gates/core/error.h"
#include "gates/core/io.h"
#include "gates/core/waiver.h"
#include "gates/secrets/collector.h"

namespace secgate::secrets {

/// secrets.max_file_size and secrets.skip_large_files.
struct MaxFileSize {
  long long bytes = 0;
  /// Skip (and count) a larger file instead of scanning it. When false, a
  /// larger file is scanned in chunks (git modes: its whole new content,
  /// not a diff).
  bool skip_larger = false;
};

/// secrets.allowlist.commits in the repository around `dir`: an entry that
/// is the prefix of more than one object is an Error naming it (an entry no
/// object has is fine: it matches no scanned commit).
core::Status CheckCommitPrefixes(const std::string& dir, const std::vector<std::string>& ids,
                                 const std::string& where);

/// The staged change of the repository around `dir`.
/// An index with unmerged entries (a conflict) is an Error.
core::Status ScanStaged(const std::string& dir, const MaxFileSize& max_size, Collector* out);

/// --shard K/N: this run is part K (1-based) of N of one history scan.
struct Shard {
  int index = 1;
  int count = 1;
  /// True when `key` (a path, a commit id) belongs to this part: a
  /// fixed hash (FNV-1a, 64 bits) of its bytes, modulo count, is index - 1.
  bool Owns(std::string_view key) const;
};

/// "K/N" with decimal digits only and 1 <= K <= N <= kMaxShards; else
/// Error{"--shard", "expected K/N with 1 <= K <= N <= 4096, got '<spec>'"}.
inline constexpr int kMaxShards = 4096;
core::Result<Shard> ParseShard(std::string_view spec);

struct CommitSelection {
  enum class Kind { kRange, kSince, kHistory } kind = Kind::kHistory;
  std::string spec;       ///< "A..B" for kRange, "REF" for kSince.
  bool all_refs = false;  ///< kHistory: every ref instead of HEAD.
  std::string target;     ///< Shown as the findings' target.
  Shard shard;            ///< Which part of the blobs and messages to read.
  /// The run's waivers, when any: content moved from a path a waiver's
  /// path scope covers to one it does not is judged at its new path.
  const core::WaiverFile* waivers = nullptr;
};

/// The blob walk (docs/secrets.md "How history is scanned"): the selected
/// commits in topological order (children first), each commit's tree
/// diffed by object id against every parent's; each blob a commit
/// introduces is read once (by the shard that owns the path of its earliest
/// introduction), whole, on `jobs` threads with one repository handle each,
/// and a match is reported only when its line is in no parent's version of
/// that path. Findings carry the commit id, author and date, and
/// Origin::order (0 = first walked = newest); the same secret may be found
/// at several commits (CollapseIntroductions, introduced.h, keeps the
/// earliest). Each commit's message is scanned too (path kCommitMessage),
/// by the shard owning the commit id.
core::Status ScanCommits(const std::string& dir, const CommitSelection& sel,
                         const MaxFileSize& max_size, int jobs, Collector* out);

struct PathOptions {
  bool no_ignore = false;  ///< Scan untracked files .gitignore excludes.
  MaxFileSize max_size;
  int jobs = 2;
};

/// Files and folders. A missing or unreadable argument is an Error; a file
/// named on the command line is scanned even when ignored, and a note says
/// so when it is skipped (too large, with skip_larger). Files are read in
/// blocks and scanned through a ChunkedScan. Symlinks inside folders are
/// not followed; `.git` folders are never entered.
core::Status ScanPaths(const std::vector<std::string>& paths, const PathOptions& o,
                       Collector* out);

/// Reads `in` to its end: a unified diff (only added lines, with the new
/// file's line numbers; commit headers of `git log -p` are kept) or, when
/// the start does not look like one, plain text. Returns the detected
/// format, "diff" or "text".
core::Result<std::string> ScanStream(core::InputFile& in, const std::string& target,
                                     Collector* out);

}  // namespace secgate::secrets
