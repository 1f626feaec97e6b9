#include "gates/waivers_tool/git_changes.h"

#include <git2.h>

#include <algorithm>
#include <memory>

#include "gates/core/strings.h"
#include "gates/waivers_tool/import.h"
#include "gates/waivers_tool/libgit2.h"

namespace secgate::waivers {

namespace {

struct TreeFree { void operator()(git_tree* t) const { git_tree_free(t); } };
struct DiffFree { void operator()(git_diff* d) const { git_diff_free(d); } };
using TreePtr = std::unique_ptr<git_tree, TreeFree>;
using DiffPtr = std::unique_ptr<git_diff, DiffFree>;

std::string Hex(const git_oid* id) {
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, id);
  return hex;
}

std::string BaseName(std::string_view path) {
  size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

core::Result<TreePtr> TreeOf(git_repository* repo, const git_oid* commit_id) {
  git_commit* commit = nullptr;
  if (git_commit_lookup(&commit, repo, commit_id) != 0)
    return core::Error{"--git", "cannot read commit " + Hex(commit_id) + ": " + LastGitError()};
  git_tree* tree = nullptr;
  int rc = git_commit_tree(&tree, commit);
  git_commit_free(commit);
  if (rc != 0) return core::Error{"--git", "cannot read the tree of " + Hex(commit_id)};
  return TreePtr(tree);
}

/// The file's bytes in `tree`, or "" when it is not there.
core::Result<std::string> FileAt(git_repository* repo, git_tree* tree, const std::string& path,
                                 bool* present) {
  *present = false;
  git_tree_entry* entry = nullptr;
  if (git_tree_entry_bypath(&entry, tree, path.c_str()) != 0) return std::string();
  git_object* obj = nullptr;
  int rc = git_tree_entry_to_object(&obj, repo, entry);
  git_tree_entry_free(entry);
  if (rc != 0 || git_object_type(obj) != GIT_OBJECT_BLOB) {
    git_object_free(obj);
    return core::Error{path, "is not a file in the repository"};
  }
  const git_blob* blob = reinterpret_cast<const git_blob*>(obj);
  std::string text(static_cast<const char*>(git_blob_rawcontent(blob)),
                   static_cast<size_t>(git_blob_rawsize(blob)));
  git_object_free(obj);
  *present = true;
  return text;
}

struct DiffScan {
  std::vector<ExemptionChange>* out;
  std::string waiver_file;
};

int OnFile(const git_diff_delta* d, float, void* payload) {
  auto* scan = static_cast<DiffScan*>(payload);
  const char* path = d->new_file.path ? d->new_file.path : d->old_file.path;
  if (!path || path == scan->waiver_file) return 0;
  const auto& names = ExemptionFileNames();
  if (std::find(names.begin(), names.end(), BaseName(path)) == names.end()) return 0;
  ExemptionChange c;
  c.kind = ExemptionKind::kIgnoreFile;
  c.what = path;
  c.where = path;
  c.detail = d->status == GIT_DELTA_ADDED     ? "added"
             : d->status == GIT_DELTA_DELETED ? "deleted"
                                              : "modified";
  // Deleting another tool's ignore file exempts nothing from secgate.
  c.loosens = d->status != GIT_DELTA_DELETED;
  scan->out->push_back(std::move(c));
  return 0;
}

int OnLine(const git_diff_delta* d, const git_diff_hunk*, const git_diff_line* line, void* payload) {
  if (line->origin != GIT_DIFF_LINE_ADDITION) return 0;
  auto* scan = static_cast<DiffScan*>(payload);
  // Markers are matched case-insensitively: NOSEMGREP, Gitleaks:Allow and
  // #NoSec silence their scanners as well as the documented spelling.
  std::string text = core::AsciiLower(std::string_view(line->content, line->content_len));
  for (std::string_view marker : SuppressionMarkers()) {
    if (text.find(core::AsciiLower(marker)) == std::string::npos) continue;
    ExemptionChange c;
    c.kind = ExemptionKind::kMarker;
    c.what = std::string(marker);
    c.where = std::string(d->new_file.path) + ":" + std::to_string(line->new_lineno);
    c.detail = "added line";  // never the line's text
    scan->out->push_back(std::move(c));
    break;  // one entry per line
  }
  return 0;
}

core::Result<core::WaiverFile> ParseAt(const std::string& text, bool present,
                                       const std::string& label, const core::WaiverPolicy& policy,
                                       const core::Date& today) {
  if (!present) {
    core::WaiverFile none;
    none.source = label;
    return none;
  }
  return core::ParseWaiverFile(text, label, policy, today);
}

// The commits a range BASE..HEAD names (BASE...HEAD: from the merge base).
struct CommitRange {
  git_oid base, head;
};

core::Result<CommitRange> ResolveRange(git_repository* repo, const std::string& range) {
  if (range.find("..") == std::string::npos)
    return core::Error{"--git", "expected a range BASE..HEAD, got '" + range + "'"};
  git_revspec spec{};
  if (git_revparse(&spec, repo, range.c_str()) != 0) {
    // libgit2 keeps the end it did resolve ("base" of "base..nope"): free it.
    std::string why = LastGitError();
    git_object_free(spec.from);
    git_object_free(spec.to);
    return core::Error{"--git", "cannot resolve '" + range + "': " + why};
  }
  std::unique_ptr<git_object, void (*)(git_object*)> from(spec.from, git_object_free),
      to(spec.to, git_object_free);
  if (!from || !to) return core::Error{"--git", "expected a range BASE..HEAD, got '" + range + "'"};
  CommitRange r{*git_object_id(from.get()), *git_object_id(to.get())};
  if (spec.flags & GIT_REVSPEC_MERGE_BASE) {
    if (git_merge_base(&r.base, repo, git_object_id(from.get()), git_object_id(to.get())) != 0)
      return core::Error{"--git", "no merge base for '" + range + "'"};
  }
  // An annotated tag stands for its commit.
  git_object* peeled = nullptr;
  for (git_oid* id : {&r.base, &r.head}) {
    git_object* obj = nullptr;
    if (git_object_lookup(&obj, repo, id, GIT_OBJECT_ANY) != 0 ||
        git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT) != 0) {
      git_object_free(obj);
      return core::Error{"--git", "'" + range + "' does not name commits"};
    }
    *id = *git_object_id(peeled);
    git_object_free(peeled);
    git_object_free(obj);
  }
  return r;
}

// The waiver file at both ends, compared entry by entry (a missing file is
// an empty one).
core::Result<std::vector<ExemptionChange>> WaiverFileChanges(
    git_repository* repo, git_tree* base_tree, git_tree* head_tree, const std::string& base_id,
    const std::string& waiver_file, const core::WaiverPolicy& policy, const core::Date& today) {
  bool base_has = false, head_has = false;
  auto base_text = FileAt(repo, base_tree, waiver_file, &base_has);
  if (!base_text) return base_text.error();
  auto head_text = FileAt(repo, head_tree, waiver_file, &head_has);
  if (!head_text) return head_text.error();
  const std::string base_label = waiver_file + "@" + base_id.substr(0, 12);
  auto base_file = ParseAt(*base_text, base_has, base_label, policy, today);
  if (!base_file) return base_file.error();
  auto head_file = ParseAt(*head_text, head_has, waiver_file, policy, today);
  if (!head_file) return head_file.error();
  return CompareWaiverFiles(*base_file, *head_file, waiver_file);
}

// Appends the ignore files the diff touches and the markers it adds.
core::Status ScanDiff(git_repository* repo, git_tree* base_tree, git_tree* head_tree,
                      const GitChangesConfig& config, std::vector<ExemptionChange>* out) {
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  opts.context_lines = 0;
  // Every file as text: a .gitattributes `binary` or `-diff` (or a NUL byte)
  // the pull request adds must not hide the markers it adds with it.
  opts.flags |= GIT_DIFF_FORCE_TEXT;
  git_diff* diff_raw = nullptr;
  if (git_diff_tree_to_tree(&diff_raw, repo, base_tree, head_tree, &opts) != 0)
    return core::Error{"--git", "cannot diff '" + config.range + "': " + LastGitError()};
  DiffPtr diff(diff_raw);
  DiffScan scan{out, config.waiver_file};
  if (git_diff_foreach(diff.get(), OnFile, nullptr, nullptr, OnLine, &scan) != 0)
    return core::Error{"--git", "cannot read the diff of '" + config.range + "': " + LastGitError()};
  return core::Ok{};
}

}  // namespace

const std::vector<std::string>& ExemptionFileNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const ImportSource* s : ImportSources())
      for (std::string_view f : s->file_names) n.emplace_back(f);
    // Exemption files no import source reads (yet).
    for (const char* f : {".secrets.baseline", ".semgrepignore", ".snyk", ".checkov.yaml",
                          ".checkov.yml", ".trufflehogignore", ".gitleaks.toml", "gitleaks.toml",
                          "secgate.yaml", ".bandit", ".tfsec.yml", ".kics.yaml"})
      n.emplace_back(f);
    return n;
  }();
  return names;
}

const std::vector<std::string_view>& SuppressionMarkers() {
  static const std::vector<std::string_view> markers = {
      "secgate:allow",  "gitleaks:allow", "nosemgrep",   "trivy:ignore", "pragma: allowlist secret",
      "trufflehog:ignore", "checkov:skip", "tfsec:ignore", "kics-scan ignore", "NOSONAR", "#nosec",
      "# nosec",       "//nosec",        "// nosec",    "noqa: S"};
  return markers;
}

core::Result<GitChanges> ReadGitChanges(const GitChangesConfig& config,
                                        const core::WaiverPolicy& policy,
                                        const core::Date& today) {
  Libgit2 lib;
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, config.repo_dir.c_str(), 0, nullptr) != 0)
    return core::Error{"--git", "not in a git repository (" + LastGitError() + ")"};
  RepoPtr repo(raw);
  auto range = ResolveRange(repo.get(), config.range);
  if (!range) return range.error();
  auto base_tree = TreeOf(repo.get(), &range->base);
  if (!base_tree) return base_tree.error();
  auto head_tree = TreeOf(repo.get(), &range->head);
  if (!head_tree) return head_tree.error();

  GitChanges out;
  out.base = Hex(&range->base);
  out.head = Hex(&range->head);
  auto changes = WaiverFileChanges(repo.get(), base_tree->get(), head_tree->get(), out.base,
                                   config.waiver_file, policy, today);
  if (!changes) return changes.error();
  out.changes = std::move(*changes);
  SECGATE_RETURN_IF_ERROR(
      ScanDiff(repo.get(), base_tree->get(), head_tree->get(), config, &out.changes));
  return out;
}

}  // namespace secgate::waivers
