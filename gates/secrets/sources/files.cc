// PATH...: files and folders (sources.h). Folders are walked without
// following symlinks; inside a git work tree, .gitignore decides (through
// libgit2) unless --no-ignore. Files are read whole (no mmap), at most
// max_size bytes, on `jobs` threads.
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
    workdir_ = std::string(buf) + "/";
  }
  /// True when `path` (a directory when `dir`) is ignored.
  bool Ignored(const std::string& path, bool dir) const {
    if (!repo_) return false;
    char buf[PATH_MAX];
    if (!realpath(path.c_str(), buf)) return false;
    std::string abs = std::string(buf) + (dir ? "/" : "");
    if (abs.rfind(workdir_, 0) != 0 || abs.size() == workdir_.size()) return false;
    int ignored = 0;
    if (git_ignore_path_is_ignored(&ignored, repo_.get(), abs.substr(workdir_.size()).c_str()) < 0)
      return false;
    return ignored == 1;
  }

 private:
  RepoPtr repo_;
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

/// Reads and scans one file; `buf` is the thread's reusable buffer.
core::Status ScanFile(const FileJob& job, long long max_size, std::string* buf, Collector* out) {
  std::string shown = job.path.rfind("./", 0) == 0 ? job.path.substr(2) : job.path;
  if (!job.named && out->engine().PathAllowlisted(shown)) {
    out->Skip("allowlisted paths");
    return core::Ok{};
  }
  int fd = ::open(job.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Errno(job.path, "cannot open");
  struct stat st;
  if (fstat(fd, &st) != 0) {
    ::close(fd);
    return Errno(job.path, "cannot stat");
  }
  if (st.st_size > max_size) {
    ::close(fd);
    out->Skip("files over size limit");
    if (job.named) out->Note(shown + ": skipped: larger than " + std::to_string(max_size) + " bytes");
    return core::Ok{};
  }
  buf->resize(static_cast<size_t>(st.st_size) + 1);
  size_t len = 0;
  for (;;) {
    if (len == buf->size()) buf->resize(buf->size() * 2);
    ssize_t n = ::read(fd, buf->data() + len, buf->size() - len);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return Errno(job.path, "cannot read");
    }
    if (n == 0) break;
    len += static_cast<size_t>(n);
    if (static_cast<long long>(len) > max_size) break;
  }
  ::close(fd);
  if (static_cast<long long>(len) > max_size) {  // grew while we read it
    out->Skip("files over size limit");
    return core::Ok{};
  }
  std::string_view text(buf->data(), len);
  if (text.substr(0, 8000).find('\0') != std::string_view::npos) {
    out->Skip("binary files");
    if (job.named) out->Note(shown + ": skipped: binary file");
    return core::Ok{};
  }
  Origin origin;
  origin.target = job.target;
  origin.path = shown;
  out->Scan(origin, text, nullptr, 1);
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
  if (error) return *error;
  for (auto& c : collectors) out->Absorb(*c);
  return core::Ok{};
}

}  // namespace secgate::secrets
