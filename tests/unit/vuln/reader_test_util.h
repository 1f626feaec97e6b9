// Test helper for reader unit tests: run a reader over text written to a
// temporary file, as the gate would.
//
//   auto r = RunReader(&ReadGrype, R"({"matches": []})");
//   EXPECT_TRUE(r.status.ok());
#pragma once

#include <string>

#include "gates/vuln/readers/reader.h"
#include "tests/testing/run_process.h"

namespace secgate::vuln::testing {

struct ReaderRun {
  core::Status status = core::Ok{};
  ReaderOutput out;
  /// Error text with the temp directory removed ("in.json:/a: ...").
  std::string error;
};

/// Writes `content` to <tmp>/in.json and runs `fn` over it.
inline ReaderRun RunReader(ReadFn fn, const std::string& content) {
  secgate::testing::TempDir dir;
  std::string path = dir.Write("in.json", content);
  ReaderRun r;
  auto in = core::InputFile::Open(path);
  if (!in) {
    r.status = in.error();
  } else {
    r.status = fn(**in, &r.out);
  }
  if (!r.status.ok()) {
    r.error = r.status.error().ToString();
    std::string prefix = dir.path() + "/";
    for (size_t at; (at = r.error.find(prefix)) != std::string::npos;) r.error.erase(at, prefix.size());
  }
  return r;
}

/// Same over a fixture under tests/fixtures/.
inline ReaderRun RunReaderOnFixture(ReadFn fn, const std::string& relative) {
  return RunReader(fn, secgate::testing::ReadFile(secgate::testing::Fixture(relative)));
}

}  // namespace secgate::vuln::testing
