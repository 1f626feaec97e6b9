// Shared helpers for the libFuzzer targets in this folder: feed the fuzzer's
// bytes to a reader through core::InputFile::FromMemory (the same chunked
// path a real file takes) and check the invariants every reader promises.
//
//   extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
//     return secgate::fuzz::RunReader(&secgate::vuln::ReadGrype, data, size);
//   }
//
// A broken invariant calls Fail(), which aborts: libFuzzer reports it as a
// crash and saves the input.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "gates/core/finding.h"
#include "gates/core/io.h"
#include "gates/vuln/readers/reader.h"

namespace secgate::fuzz {

[[noreturn]] inline void Fail(const std::string& what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what.c_str());
  std::abort();
}

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

/// Every finding a reader returns is a vulnerability with an id and a
/// severity on the scale; a failure always says what went wrong.
inline void CheckReaderResult(const core::Status& s, const vuln::ReaderOutput& out) {
  if (!s.ok()) {
    if (s.error().message.empty()) Fail("reader error without a message");
    return;
  }
  for (const auto& f : out.findings) {
    // A Trivy report's secrets (gate secrets) and licenses (gate sbom) carry
    // their class; every other finding is a vulnerability.
    core::FindingClass cls = core::ClassOf(f);
    if (f.gate == core::Gate::kSecrets) {
      if (cls != core::FindingClass::kSecret) Fail("secrets-gate finding of another class");
      if (f.fingerprint.rfind("secret:" + f.id + ":", 0) != 0) Fail("secret without a fingerprint");
      if (f.secret.present()) Fail("a report's secret carries a value");
    } else if (f.gate == core::Gate::kSbom) {
      if (cls != core::FindingClass::kLicense) Fail("sbom-gate finding that is not a license");
      if (f.fingerprint.rfind("sbom:", 0) != 0) Fail("license without a fingerprint");
    } else if (f.gate != core::Gate::kVuln || cls != core::FindingClass::kVulnerability) {
      Fail("finding from another gate");
    }
    if (f.id.empty()) Fail("finding without an id");
    int sev = static_cast<int>(f.severity);
    if (sev < 0 || sev > static_cast<int>(core::Severity::kCritical)) Fail("severity off the scale");
    if (f.score < 0 || f.score > 10) Fail("CVSS score outside 0-10: " + std::to_string(f.score));
  }
}

/// Runs one reader over the bytes and checks the result.
inline int RunReader(vuln::ReadFn read, const uint8_t* data, size_t size) {
  auto in = core::InputFile::FromMemory(AsText(data, size), "fuzz.json");
  vuln::ReaderOutput out;
  core::Status s = read(*in, &out);
  CheckReaderResult(s, out);
  return 0;
}

}  // namespace secgate::fuzz
