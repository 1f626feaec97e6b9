// Unit tests of gates/core/inputs.cc: the input-gate skeleton's engine half.
#include "gates/core/inputs.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace secgate::core {
namespace {

struct Row {
  std::string_view name;
  int id;
};
const std::vector<Row> kRows = {{"npm-audit-v2", 1}, {"trivy", 2}};

// Reads each input to its end and records its name and bytes.
Result<std::vector<InputSummary>> ReadAll(const InputSet& set, std::vector<std::string>* seen) {
  return ReadEach(set, "report", [seen](InputFile& in) -> Result<InputSummary> {
    std::string bytes;
    do {
      bytes.append(in.data(), in.available());
      in.Advance(in.available());
    } while (in.Fill());
    if (in.over_limit()) return Error{in.path(), "over the limit"};
    seen->push_back(in.path() + "=" + bytes);
    return InputSummary{in.path(), "test", static_cast<int>(bytes.size()), {}};
  });
}

TEST(ReadEach, ReadsEveryInputInOrderThroughTheInjectedOpener) {
  InputSet set;
  set.paths = {"b.json", "a.json"};
  set.open = MemoryOpener({{"a.json", "AAA"}, {"b.json", "B"}});
  std::vector<std::string> seen;
  auto summaries = ReadAll(set, &seen);
  ASSERT_TRUE(summaries.ok()) << summaries.error().ToString();
  EXPECT_EQ(seen, (std::vector<std::string>{"b.json=B", "a.json=AAA"}));
  ASSERT_EQ(summaries->size(), 2u);
  EXPECT_EQ((*summaries)[1].findings, 3);
}

TEST(ReadEach, RefusesNoInputAndStdinTwice) {
  std::vector<std::string> seen;
  InputSet none;
  auto empty = ReadAll(none, &seen);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().message, "no report given (see --help)");
  InputSet twice;
  twice.paths = {"-", "x.json", "-"};
  twice.open = MemoryOpener({{"-", "{}"}, {"x.json", "{}"}});
  auto dup = ReadAll(twice, &seen);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().ToString(), "-: stdin can be read only once");
  EXPECT_TRUE(seen.empty()) << "nothing is read before the list is checked";
}

TEST(ReadEach, AppliesTheByteLimitAndStopsAtTheFirstError) {
  InputSet set;
  set.paths = {"small", "big", "never"};
  set.max_input_size = 4;
  set.open = MemoryOpener({{"small", "1234"}, {"big", "12345"}, {"never", ""}});
  std::vector<std::string> seen;
  auto r = ReadAll(set, &seen);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().ToString(), "big: over the limit");
  EXPECT_EQ(seen, (std::vector<std::string>{"small=1234"}));
}

TEST(ReadEach, AnUnknownNameIsAnErrorNotAnEmptyInput) {
  InputSet set;
  set.paths = {"missing.json"};
  set.open = MemoryOpener({});
  std::vector<std::string> seen;
  auto r = ReadAll(set, &seen);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().where, "missing.json");
  InputSet disk;
  disk.paths = {"/nonexistent/secgate/input.json"};
  auto d = ReadAll(disk, &seen);
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.error().message.find("cannot open"), std::string::npos);
}

TEST(FormatTable, FindRowTakesUnderscoresForHyphensAndNamesAreListedInOrder) {
  ASSERT_NE(FindRow(kRows, "npm_audit_v2"), nullptr);
  EXPECT_EQ(FindRow(kRows, "npm_audit_v2")->id, 1);
  EXPECT_EQ(FindRow(kRows, "trivy")->id, 2);
  EXPECT_EQ(FindRow(kRows, "Trivy"), nullptr);
  EXPECT_EQ(FindRow(kRows, ""), nullptr);
  EXPECT_EQ(RowNames(kRows), "npm-audit-v2, trivy");
  EXPECT_EQ(UnknownFormat("nessus", RowNames(kRows)).ToString(),
            "--input-format: unknown format 'nessus' (expected one of: npm-audit-v2, trivy)");
}

}  // namespace
}  // namespace secgate::core
