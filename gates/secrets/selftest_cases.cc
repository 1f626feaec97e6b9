// The built-in inputs of `secgate-secrets selftest` (gates/cli/selftest.h).
#include <string>
#include <vector>

#include "gates/secrets/cli.h"

namespace secgate::secrets {

namespace {

std::string Diff(const std::string& added) {
  return "diff --git a/app/settings.py b/app/settings.py\n"
         "index 1111111..2222222 100644\n"
         "--- a/app/settings.py\n"
         "+++ b/app/settings.py\n"
         "@@ -1,2 +1,3 @@\n"
         " DEBUG = False\n"
         "+" + added + "\n"
         " LOG_LEVEL = 'info'\n";
}

}  // namespace

std::vector<cli::SelftestCase> SelftestCases(const core::Policy&) {
  // Split so that this file itself holds no token a scanner would report.
  const std::string token = std::string("gh") + "p_" + "Zq3TnW8vLk5RbX2mYc7HdJ4sGf9PaE1uVo6K";
  return {
      {"staged diff adding a GitHub token (github-pat-classic)", Diff("GITHUB_TOKEN = '" + token + "'"),
       true},
      {"staged diff adding a plain setting", Diff("TIMEOUT_SECONDS = 30"), false},
  };
}

}  // namespace secgate::secrets
