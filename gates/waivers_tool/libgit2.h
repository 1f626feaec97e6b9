// The libgit2 handles secgate-waivers uses (git_history.cc, git_changes.cc):
// the library's global state for one call, an owning repository pointer and
// the last error's text. Only those two files include it.
#pragma once

#include <git2.h>

#include <memory>
#include <string>

namespace secgate::waivers {

/// libgit2's global state, initialised for the lifetime of one call.
struct Libgit2 {
  Libgit2() { git_libgit2_init(); }
  ~Libgit2() { git_libgit2_shutdown(); }
};

struct RepoFree { void operator()(git_repository* r) const { git_repository_free(r); } };
using RepoPtr = std::unique_ptr<git_repository, RepoFree>;

inline std::string LastGitError() {
  const git_error* e = git_error_last();
  return e && e->message ? e->message : "unknown libgit2 error";
}

}  // namespace secgate::waivers
