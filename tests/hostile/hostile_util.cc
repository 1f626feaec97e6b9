#include "tests/hostile/hostile_util.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <memory>

namespace secgate::hostile {

testing::ProcessResult RunGate(const std::string& gate, const testing::TempDir& dir,
                               std::vector<std::string> args, testing::ProcessOptions o) {
  std::vector<std::string> argv = {testing::GateBinary(gate)};
  if (gate == "secgate-vuln" || gate == "secgate-sbom") {
    argv.insert(argv.end(), {"--color", "never", "--today", "2026-11-21"});
  }
  argv.insert(argv.end(), args.begin(), args.end());
  if (o.cwd.empty()) o.cwd = dir.path();
  o.unset_env.push_back("GITHUB_ACTIONS");
  o.unset_env.push_back("GITHUB_STEP_SUMMARY");
  return testing::RunProcess(argv, o);
}

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string TrivyReport(const std::vector<TrivyVuln>& vulns) {
  std::string target = vulns.empty() ? "alpine:3.19" : vulns.front().target;
  std::string out = R"({"SchemaVersion":2,"ArtifactName":"alpine:3.19","ArtifactType":"container_image",)"
                    R"("Results":[{"Target":)" + JsonString(target) +
                    R"(,"Class":"os-pkgs","Type":"alpine","Vulnerabilities":[)";
  for (size_t i = 0; i < vulns.size(); ++i) {
    const TrivyVuln& v = vulns[i];
    out += i ? "," : "";
    out += R"({"VulnerabilityID":)" + JsonString(v.id) + R"(,"PkgName":)" + JsonString(v.pkg) +
           R"(,"InstalledVersion":)" + JsonString(v.version) + R"(,"FixedVersion":"9.9.9")" +
           (v.pkg_path.empty() ? "" : R"(,"PkgPath":)" + JsonString(v.pkg_path)) +
           R"(,"Title":)" + JsonString(v.title) + R"(,"Severity":)" + JsonString(v.severity) + "}";
  }
  return out + "]}]}";
}

std::function<std::string()> Streamed(std::string prefix, std::string filler, size_t bytes,
                                      std::string suffix) {
  struct State {
    int phase = 0;
    size_t left;
    std::string prefix, chunk, suffix;
  };
  auto st = std::make_shared<State>();
  st->left = bytes > prefix.size() + suffix.size() ? bytes - prefix.size() - suffix.size() : 0;
  st->prefix = std::move(prefix);
  st->suffix = std::move(suffix);
  // Chunks of about 1 MiB made of whole fillers.
  size_t per_chunk = std::max<size_t>(1, (1 << 20) / std::max<size_t>(1, filler.size()));
  for (size_t i = 0; i < per_chunk; ++i) st->chunk += filler;
  return [st, filler]() -> std::string {
    if (st->phase == 0) {
      st->phase = 1;
      if (!st->prefix.empty()) return st->prefix;
    }
    if (st->phase == 1) {
      if (st->left >= st->chunk.size()) {
        st->left -= st->chunk.size();
        return st->chunk;
      }
      st->phase = 2;
      std::string tail;
      while (st->left >= filler.size() && !filler.empty()) {
        tail += filler;
        st->left -= filler.size();
      }
      if (!tail.empty()) return tail;
    }
    if (st->phase == 2) {
      st->phase = 3;
      return st->suffix;
    }
    return "";
  };
}

std::function<std::string()> HugeTrivyReport(size_t bytes) {
  std::string prefix = R"({"SchemaVersion":2,"ArtifactName":"huge","ArtifactType":"container_image",)"
                       R"("Results":[{"Target":"huge","Class":"os-pkgs","Type":"alpine","Packages":[)"
                       R"({"Name":"seed","Version":"0"})";
  std::string filler = R"(,{"Name":"libpkg","Version":"1.2.3-r0","Layer":{"DiffID":"sha256:0123456789abcdef"}})";
  std::string suffix = R"(],"Vulnerabilities":[{"VulnerabilityID":"CVE-2024-0001","PkgName":"openssl",)"
                       R"("InstalledVersion":"1.0.0","FixedVersion":"1.0.1","Severity":"CRITICAL"}]}]})";
  return Streamed(prefix, filler, bytes, suffix);
}

std::string Nested(const std::string& open, const std::string& middle, const std::string& close,
                   size_t depth) {
  std::string out;
  out.reserve((open.size() + close.size()) * depth + middle.size());
  for (size_t i = 0; i < depth; ++i) out += open;
  out += middle;
  for (size_t i = 0; i < depth; ++i) out += close;
  return out;
}

std::string FindProgram(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t colon = dirs.find(':', start);
    if (colon == std::string::npos) colon = dirs.size();
    std::string candidate = dirs.substr(start, colon - start) + "/" + name;
    if (colon > start && access(candidate.c_str(), X_OK) == 0) return candidate;
    start = colon + 1;
  }
  return "";
}

std::vector<std::string> ListFiles(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (!it->is_directory())
      out.push_back(std::filesystem::relative(it->path(), dir).string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace secgate::hostile
