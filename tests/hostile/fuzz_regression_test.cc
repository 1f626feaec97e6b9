// In-process hardening tests: core::InputFile::FromMemory (what the fuzz
// targets read through) behaves like a real file, and a regression test for
// each input the fuzz targets found (named after what it found; the input is
// inline so the test does not depend on the corpus).
#include <gtest/gtest.h>

#include "gates/core/finding.h"
#include "gates/core/io.h"
#include "gates/core/json_stream.h"
#include "gates/core/purl.h"
#include "gates/core/waiver.h"
#include "gates/core/yaml_util.h"
#include "gates/vuln/readers/reader.h"
#include "tests/testing/run_process.h"

namespace secgate {
namespace {

using testing::Fixture;
using testing::TempDir;

std::string ReadAll(core::InputFile& in) {
  std::string out;
  for (int c; (c = in.Next()) >= 0;) out += static_cast<char>(c);
  return out;
}

TEST(InputFileFromMemoryTest, ReadsLikeTheFileWithTheSameBytes) {
  TempDir dir;
  std::string bytes;
  for (int i = 0; i < 200000; ++i) bytes += static_cast<char>(i * 7 % 256);
  std::string path = dir.Write("bytes.bin", bytes);
  auto file = core::InputFile::Open(path);
  ASSERT_TRUE(file.ok());
  auto mem = core::InputFile::FromMemory(bytes, "bytes.bin");
  EXPECT_EQ((*file)->Head(100), mem->Head(100));
  EXPECT_EQ(ReadAll(**file), ReadAll(*mem));
  EXPECT_EQ((*file)->offset(), mem->offset());
  EXPECT_EQ(mem->offset(), bytes.size());
  EXPECT_EQ(mem->Next(), -1);
  EXPECT_FALSE(mem->read_error());
  EXPECT_EQ(mem->path(), "bytes.bin");
}

TEST(InputFileFromMemoryTest, HonoursTheSizeLimitLikeAFile) {
  auto exact = core::InputFile::FromMemory(std::string(100, 'x'), "m");
  exact->set_max_bytes(100);
  EXPECT_EQ(ReadAll(*exact).size(), 100u);
  EXPECT_FALSE(exact->over_limit());
  auto over = core::InputFile::FromMemory(std::string(101, 'x'), "m");
  over->set_max_bytes(100);
  EXPECT_EQ(ReadAll(*over).size(), 100u);
  EXPECT_TRUE(over->over_limit());
}

TEST(InputFileFromMemoryTest, EmptyInputIsEmpty) {
  auto mem = core::InputFile::FromMemory("", "empty");
  EXPECT_TRUE(mem->Head(10).empty());
  EXPECT_EQ(mem->Next(), -1);
  core::JsonStreamer s;
  core::Status st = s.Parse(*mem);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().ToString(), "empty: file is empty");
}

TEST(InputFileFromMemoryTest, ReaderGivesTheSameFindingsAsFromTheFile) {
  const std::string path = Fixture("vuln/trivy/alpine-39.json");
  auto file = core::InputFile::Open(path);
  ASSERT_TRUE(file.ok());
  auto mem = core::InputFile::FromMemory(testing::ReadFile(path), path);
  vuln::ReaderOutput a, b;
  ASSERT_TRUE(vuln::ReadTrivy(**file, &a).ok());
  ASSERT_TRUE(vuln::ReadTrivy(*mem, &b).ok());
  ASSERT_EQ(a.findings.size(), b.findings.size());
  ASSERT_FALSE(a.findings.empty());
  for (size_t i = 0; i < a.findings.size(); ++i) {
    EXPECT_EQ(a.findings[i].id, b.findings[i].id);
    EXPECT_EQ(a.findings[i].package.purl, b.findings[i].package.purl);
  }
}

// purl_fuzz ("purl without a name"): a PyPI name made only of separators
// normalised to "", so "pkg:pypi/-" parsed with an empty name and its
// canonical form "pkg:pypi/" no longer parsed.
TEST(PurlFuzzRegressionTest, PypiNameOfOnlySeparatorsIsNotAPurl) {
  EXPECT_FALSE(core::ParsePurl("pkg:pypi/-").has_value());
  EXPECT_FALSE(core::ParsePurl("pkg:pypi/_@1").has_value());
  EXPECT_FALSE(core::ParsePurl("pkg:pypi/-._").has_value());
  auto ok = core::ParsePurl("pkg:pypi/-a_");
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(ok->name, "a");
}

// The same bug seen from a waiver: every separator-only PyPI purl shared the
// base "pkg:pypi/", so a waiver scoped to one of them waived the others.
TEST(PurlFuzzRegressionTest, WaiverForSeparatorOnlyPypiNameDoesNotWaiveAnother) {
  core::Waiver w;
  w.id = "CVE-2024-1";
  w.package = "pkg:pypi/_";
  core::Finding f;
  f.id = "CVE-2024-1";
  f.package.name = "--";
  f.package.purl = "pkg:pypi/--@1.0";
  EXPECT_FALSE(core::WaiverMatches(w, f));
}

// vuln_trivy_fuzz (session 2 campaign): "Class": null passed the route's
// type check (null is allowed: tools write null for empty) and then
// v.get<std::string>() threw, so the gate died with "internal: type must be
// string" and no file name. Null Target/Type/Class now read as absent.
TEST(TrivyFuzzRegression, NullResultTargetTypeClassReadAsAbsent) {
  auto in = core::InputFile::FromMemory(
      R"({"SchemaVersion": 2, "Results": [{"Target": null, "Class": null, "Type": null,
          "Vulnerabilities": [{"VulnerabilityID": "CVE-2024-0001", "PkgName": "a",
          "InstalledVersion": "1", "Severity": "HIGH"}]}]})",
      "null.json");
  vuln::ReaderOutput out;
  core::Status st = vuln::ReadTrivy(*in, &out);
  ASSERT_TRUE(st.ok()) << st.error().ToString();
  ASSERT_EQ(out.findings.size(), 1u);
  EXPECT_EQ(out.findings[0].id, "CVE-2024-0001");
  EXPECT_EQ(out.findings[0].location.target, "");
}

// Same class of bug in the CycloneDX reader of secgate-vuln, found while
// auditing every reader for it: "specVersion": null threw instead of being
// refused as an unsupported version.
TEST(CycloneDxVexFuzzRegression, NullSpecVersionIsAnInputError) {
  auto in = core::InputFile::FromMemory(
      R"({"bomFormat": "CycloneDX", "specVersion": null, "vulnerabilities": []})", "vex.json");
  vuln::ReaderOutput out;
  core::Status st = vuln::ReadCycloneDx(*in, &out);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().ToString(),
            "vex.json:/specVersion: unsupported CycloneDX specVersion null (expected 1.2-1.7)");
}

// policy_fuzz and waiver_fuzz (CI smoke run, after strict YAML landed): on
// these inputs yaml-cpp's LoadAll yields empty documents forever, so the
// one-document check hung (and grew to 1.6 GB). The check now asks the
// parser for two documents at most; yaml-cpp sees more than one here, so
// the inputs are refused.
TEST(YamlFuzzRegression, EndlessDocumentsFromYamlCppAreRefusedNotAHang) {
  const std::string inputs[] = {
      std::string(",):a### : * : *8\n"),
      std::string(",eJ+sion: 2#w\xe2\x80\x80" "eio:\n  A iversn: w0adI"),
  };
  for (const std::string& text : inputs) {
    auto y = core::LoadYaml(text, "f.yaml");
    ASSERT_FALSE(y.ok());
    EXPECT_NE(y.error().message.find("more than one YAML document"), std::string::npos)
        << y.error().ToString();
    auto w = core::ParseWaiverFile(text, "f.yaml", {}, core::Date{2026, 1, 1});
    EXPECT_FALSE(w.ok());
  }
}

}  // namespace
}  // namespace secgate
