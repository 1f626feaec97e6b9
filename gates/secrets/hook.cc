// Pre-commit hook installation (hook.h).
#include "gates/secrets/hook.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "gates/secrets/sources/git_util.h"

namespace secgate::secrets {

namespace {

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::string HookScript(const std::string& exe) {
  return std::string("#!/bin/sh\n") + kHookMarker +
         "\n# Scans the staged change for secrets; a finding blocks the commit.\n"
         "# Waive a false positive in secgate-waivers.yaml, or mark the line with\n"
         "# a 'secgate:allow' comment.\n"
         "exec " + ShellQuote(exe) + " --staged\n";
}

core::Result<std::string> InstallHook(const std::string& dir, const std::string& exe, bool force) {
  auto repo = OpenRepository(dir, "install-hook");
  if (!repo) return repo.error();
  std::string hooks = std::string(git_repository_path(repo->get())) + "hooks";
  if (::mkdir(hooks.c_str(), 0755) != 0 && errno != EEXIST)
    return core::Error{hooks, std::string("cannot create: ") + std::strerror(errno)};
  const std::string hook = hooks + "/pre-commit";
  struct stat st;
  if (::lstat(hook.c_str(), &st) == 0) {
    std::ifstream in(hook, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const bool ours = ss.str().find(kHookMarker) != std::string::npos;
    if (!ours && !force)
      return core::Error{hook, "a pre-commit hook not written by secgate-secrets exists; "
                               "use --force to replace it"};
    if (S_ISLNK(st.st_mode) && ::unlink(hook.c_str()) != 0)
      return core::Error{hook, std::string("cannot replace: ") + std::strerror(errno)};
  }
  std::ofstream out(hook, std::ios::binary | std::ios::trunc);
  if (out) out << HookScript(exe);
  out.close();
  if (!out) return core::Error{hook, "cannot write"};
  if (::chmod(hook.c_str(), 0755) != 0)
    return core::Error{hook, std::string("cannot make executable: ") + std::strerror(errno)};
  return hook;
}

}  // namespace secgate::secrets
