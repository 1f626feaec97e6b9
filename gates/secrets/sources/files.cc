// PATH...: files and folders (sources.h). Folders are walked without
// following symlinks; inside a git work tree, .gitignore decides (through
// libgit2) for untracked files unless --no-ignore: git never ignores a
// tracked file, and a scan must not either. Files are read in blocks (no
// mmap), decoded by content.h and scanned through a ChunkedScan, on `jobs`
// threads.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>

#include "gates/secrets/content.h"
#include "gates/secrets/sources/git_util.h"
#include "gates/secrets/sources/sources.h"

namespace secgate::secrets {

namespace {

struct FileJob {
  std::string path;    // as shown: the argument, or argument + "/" + relative
  std::string target;  // the argument it came from
  bool named = false;  // named on the command line
};

/// The .gitignore view of one work tree (or none).
class IgnoreCheck {
 public:
  explicit IgnoreCheck(const std::string& dir, bool disabled) {
    if (disabled) return;
    InitGit();
    git_repository* r = nullptr;
    if (git_repository_open_ext(&r, dir.c_str(), 0, nullptr) < 0) return;
    repo_.reset(r);
    if (git_repository_is_bare(r) || !git_repository_workdir(r)) {
      repo_.reset();
      return;
    }
    char buf[PATH_MAX];
    if (!realpath(git_repository_workdir(r), buf)) {
      repo_.reset();
      return;
    }
    git_index* index = nullptr;
    if (git_repository_index(&index, r) < 0) {  // cannot tell tracked files: ignore nothing
      repo_.reset();
      return;
    }
    index_.reset(index);
    workdir_ = std::string(buf) + "/";
  }
  /// True when `path` (a directory when `dir`) is ignored and untracked (a
  /// directory: holds no tracked file).
  bool Ignored(const std::string& path, bool dir) const {
    if (!repo_) return false;
    char buf[PATH_MAX];
    if (!realpath(path.c_str(), buf)) return false;
    std::string abs = std::string(buf) + (dir ? "/" : "");
    if (abs.rfind(workdir_, 0) != 0 || abs.size() == workdir_.size()) return false;
    const std::string rel = abs.substr(workdir_.size());
    int ignored = 0;
    if (git_ignore_path_is_ignored(&ignored, repo_.get(), rel.c_str()) < 0) return false;
    return ignored == 1 && !Tracked(rel, dir);
  }

 private:
  /// In the index: the file (at any stage), or, for a directory ("x/"), a
  /// file under it.
  bool Tracked(const std::string& rel, bool dir) const {
    size_t pos = 0;
    if (dir) return git_index_find_prefix(&pos, index_.get(), rel.c_str()) == 0;
    return git_index_find(&pos, index_.get(), rel.c_str()) == 0;
  }

  RepoPtr repo_;
  IndexPtr index_;
  std::string workdir_;
};

core::Error Errno(const std::string& path, const std::string& what) {
  return core::Error{path, what + ": " + std::strerror(errno)};
}

core::Status Walk(const std::string& dir, const std::string& target, const IgnoreCheck& ignore,
                  std::vector<FileJob>* jobs, Collector* out) {
  DIR* d = opendir(dir.c_str());
  if (!d) return Errno(dir, "cannot open directory");
  std::vector<std::pair<std::string, unsigned char>> entries;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    entries.emplace_back(name, e->d_type);
  }
  closedir(d);
  std::sort(entries.begin(), entries.end());
  for (auto& [name, type] : entries) {
    std::string path = dir == "." ? name : (dir.back() == '/' ? dir + name : dir + "/" + name);
    if (type == DT_UNKNOWN) {
      struct stat st;
      if (lstat(path.c_str(), &st) != 0) return Errno(path, "cannot stat");
      type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : S_ISLNK(st.st_mode) ? DT_LNK : DT_UNKNOWN;
    }
    if (type == DT_LNK) {
      out->Skip("symlinks (not followed)");
      continue;
    }
    if (type == DT_DIR) {
      if (name == ".git") continue;
      if (ignore.Ignored(path, true)) {
        out->Skip("ignored by .gitignore");
        continue;
      }
      if (auto s = Walk(path, target, ignore, jobs, out); !s) return s;
    } else if (type == DT_REG) {
      if (ignore.Ignored(path, false)) {
        out->Skip("ignored by .gitignore");
        continue;
      }
      jobs->push_back({path, target, false});
    }
  }
  return core::Ok{};
}

/// Reads up to ChunkedScan::kScanChunk bytes of `fd` into `buf` (fewer only at
/// the end of the file).
core::Status ReadBlock(int fd, const std::string& path, std::string* buf) {
  buf->resize(ChunkedScan::kScanChunk);
  size_t len = 0;
  while (len < buf->size()) {
    ssize_t n = ::read(fd, buf->data() + len, buf->size() - len);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Errno(path, "cannot read");
    if (n == 0) break;
    len += static_cast<size_t>(n);
  }
  buf->resize(len);
  return core::Ok{};
}

/// Streams an open file through each decoding pass of its content kind
/// (the first block, already in `buf`, decides the kind).
core::Status StreamFile(int fd, const std::string& path, std::string* buf, ChunkedScan* scan) {
  std::string text;
  const std::vector<ContentKind> passes = Passes(Classify(*buf));
  for (size_t p = 0; p < passes.size(); ++p) {
    if (p > 0) {
      if (::lseek(fd, 0, SEEK_SET) != 0) return Errno(path, "cannot seek");
      if (auto s = ReadBlock(fd, path, buf); !s) return s;
    }
    ContentDecoder decoder(passes[p]);
    while (!buf->empty()) {
      decoder.Feed(*buf, &text);
      scan->Add(text);
      text.clear();
      if (auto s = ReadBlock(fd, path, buf); !s) return s;
    }
    decoder.Finish(&text);
    scan->Add(text);
    text.clear();
  }
  return core::Ok{};
}

/// Reads and scans one file; `buf` is the thread's reusable buffer.
core::Status ScanFile(const FileJob& job, const MaxFileSize& max_size, std::string* buf,
                      Collector* out) {
  std::string shown = job.path.rfind("./", 0) == 0 ? job.path.substr(2) : job.path;
  if (!job.named && out->engine().PathAllowlisted(shown)) {
    out->Skip("allowlisted paths");
    return core::Ok{};
  }
  int fd = ::open(job.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Errno(job.path, "cannot open");
  std::unique_ptr<int, void (*)(int*)> closer(&fd, [](int* f) { ::close(*f); });
  struct stat st;
  if (fstat(fd, &st) != 0) return Errno(job.path, "cannot stat");
  if (max_size.skip_larger && st.st_size > max_size.bytes) {
    out->Skip("files over size limit");
    if (job.named)
      out->Note(shown + ": skipped: larger than " + std::to_string(max_size.bytes) + " bytes");
    return core::Ok{};
  }
  if (auto s = ReadBlock(fd, job.path, buf); !s) return s;
  Origin origin;
  origin.target = job.target;
  origin.path = shown;
  ChunkedScan scan(out, std::move(origin));
  if (auto s = StreamFile(fd, job.path, buf, &scan); !s) return s;
  scan.Finish();
  return core::Ok{};
}

}  // namespace

core::Status ScanPaths(const std::vector<std::string>& paths, const PathOptions& o,
                       Collector* out) {
  std::vector<FileJob> jobs;
  for (const auto& p : paths) {
    struct stat st;
    if (stat(p.c_str(), &st) != 0) return Errno(p, "cannot open");
    if (S_ISDIR(st.st_mode)) {
      IgnoreCheck ignore(p, o.no_ignore);
      if (auto s = Walk(p, p, ignore, &jobs, out); !s) return s;
    } else if (S_ISREG(st.st_mode)) {
      jobs.push_back({p, p, true});  // named: scanned even if ignored
    } else {
      return core::Error{p, "not a regular file or directory"};
    }
  }
  const int n = std::max(1, std::min<int>(o.jobs, static_cast<int>(jobs.size())));
  std::vector<std::unique_ptr<Collector>> collectors;
  for (int i = 0; i < n; ++i) collectors.push_back(std::make_unique<Collector>(out->engine()));
  std::atomic<size_t> next{0};
  std::mutex mu;
  std::optional<core::Error> error;
  auto work = [&](int index) {
    std::string buf;
    for (size_t i = next++; i < jobs.size(); i = next++) {
      auto s = ScanFile(jobs[i], o.max_size, &buf, collectors[static_cast<size_t>(index)].get());
      if (!s) {
        std::lock_guard<std::mutex> lock(mu);
        if (!error) error = s.error();
        next = jobs.size();
        return;
      }
    }
  };
  std::vector<std::thread> threads;
  for (int i = 1; i < n; ++i) threads.emplace_back(work, i);
  work(0);
  for (auto& t : threads) t.join();
  // Absorbed even on an error, so that the values found so far mask the
  // error message too (a path may hold one).
  for (auto& c : collectors) out->Absorb(*c);
  if (error) return *error;
  return core::Ok{};
}

}  // namespace secgate::secrets
