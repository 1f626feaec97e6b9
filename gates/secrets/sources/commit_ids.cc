// secrets.allowlist.commits against the repository (sources.h).
#include "gates/secrets/sources/git_util.h"
#include "gates/secrets/sources/sources.h"

namespace secgate::secrets {

core::Status CheckCommitPrefixes(const std::string& dir, const std::vector<std::string>& ids,
                                 const std::string& where) {
  if (ids.empty()) return core::Ok{};
  auto repo = OpenRepository(dir, where);
  if (!repo) return repo.error();
  for (size_t i = 0; i < ids.size(); ++i) {
    const std::string key = "secrets.allowlist.commits[" + std::to_string(i) + "]";
    git_oid oid;
    if (git_oid_fromstrn(&oid, ids[i].data(), ids[i].size()) != 0)
      return core::Error{where, key + ": not a commit id: '" + ids[i] + "'"};
    git_object* found = nullptr;
    int rc = git_object_lookup_prefix(&found, repo->get(), &oid, ids[i].size(), GIT_OBJECT_ANY);
    ObjectPtr owned(found);
    if (rc == GIT_EAMBIGUOUS)
      return core::Error{where, key + ": '" + ids[i] +
                                    "' is ambiguous in this repository (give more characters)"};
    // Not found: no scanned commit can have it; a policy may name commits of
    // other clones or branches. Any other failure is an error.
    if (rc != 0 && rc != GIT_ENOTFOUND) return GitError(where, key);
  }
  return core::Ok{};
}

}  // namespace secgate::secrets
