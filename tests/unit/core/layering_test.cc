// The layering rule of docs/design.md: engines and the core do not know the
// command line. No header of gates/core or of a gate's engine (every gate
// header but its cli.h) may include CLI11 or gates/cli, directly or through
// another project header. Only cli.cc files (and main.cc) include cli.h.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/testing/run_process.h"

namespace secgate {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> Includes(const fs::path& file) {
  std::ifstream in(file);
  std::vector<std::string> out;
  static const std::regex kInclude(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])");
  std::string line;
  std::smatch m;
  while (std::getline(in, line))
    if (std::regex_search(line, m, kInclude)) out.push_back(m[1]);
  return out;
}

// The first forbidden include reachable from `header` (project headers are
// followed), or "" when there is none. `chain` says how it was reached.
std::string ForbiddenFrom(const fs::path& root, const std::string& header,
                          std::set<std::string>* seen, std::string* chain) {
  if (!seen->insert(header).second) return "";
  for (const auto& inc : Includes(root / header)) {
    if (inc.rfind("CLI/", 0) == 0 || inc.rfind("gates/cli/", 0) == 0 ||
        (inc.rfind("gates/", 0) == 0 && fs::path(inc).filename() == "cli.h")) {
      *chain = header + " -> " + inc;
      return inc;
    }
    if (inc.rfind("gates/", 0) == 0 && fs::exists(root / inc)) {
      std::string bad = ForbiddenFrom(root, inc, seen, chain);
      if (!bad.empty()) {
        *chain = header + " -> " + *chain;
        return bad;
      }
    }
  }
  return "";
}

std::vector<std::string> EngineHeaders(const fs::path& root) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root / "gates")) {
    if (!e.is_regular_file() || e.path().extension() != ".h") continue;
    std::string rel = fs::relative(e.path(), root).string();
    if (rel.rfind("gates/cli/", 0) == 0) continue;           // the front end itself
    if (e.path().filename() == "cli.h") continue;            // a gate's option structs
    out.push_back(rel);
  }
  return out;
}

TEST(Layering, NoEngineOrCoreHeaderReachesTheCommandLine) {
  const fs::path root = testing::SourceRoot();
  auto headers = EngineHeaders(root);
  // The gates' engine headers must be among them, or the test checks nothing.
  for (const char* must : {"gates/vuln/run.h", "gates/sbom/run.h", "gates/secrets/run.h",
                           "gates/core/run_context.h"})
    EXPECT_NE(std::find(headers.begin(), headers.end(), must), headers.end()) << must;
  for (const auto& h : headers) {
    std::set<std::string> seen;
    std::string chain;
    EXPECT_EQ(ForbiddenFrom(root, h, &seen, &chain), "") << chain;
  }
}

TEST(Layering, TheCheckSeesAForbiddenInclude) {
  // The same walk over the front end's own header must find CLI11, or a
  // broken include parser would pass the test above vacuously.
  const fs::path root = testing::SourceRoot();
  std::set<std::string> seen;
  std::string chain;
  EXPECT_EQ(ForbiddenFrom(root, "gates/cli/common.h", &seen, &chain), "CLI/CLI.hpp") << chain;
}

}  // namespace
}  // namespace secgate
