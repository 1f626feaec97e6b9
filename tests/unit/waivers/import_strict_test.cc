// npm allowlists imported by secgate-waivers go through core::ParseJsonStrict:
// an advisory listed twice in one object (with different active/expiry) is
// ambiguous and refused, comments (audit-ci .jsonc) still allowed.
#include <gtest/gtest.h>

#include "gates/waivers_tool/import.h"

namespace secgate::waivers {
namespace {

TEST(ImportStrictJson, DuplicateAdvisoryInNsprcIsRefused) {
  // Before: nlohmann kept the last copy, so the inactive entry won silently.
  auto r = ImportText(*ImportSourceByName("nsprc"),
                      R"({"1096": {"active": true, "notes": "a"}, "1096": {"active": false}})",
                      {".nsprc", "2026-04-01"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().ToString(),
            ".nsprc:/: duplicate key \"1096\" (ambiguous: JSON readers disagree on which copy wins)");
}

TEST(ImportStrictJson, DuplicateInAuditCiJsoncIsRefusedWithPointer) {
  auto r = ImportText(*ImportSourceByName("audit-ci"),
                      "{\n  // reviewed\n  \"allowlist\": [{\"GHSA-aaaa-bbbb-cccc\": "
                      "{\"active\": true, \"expiry\": \"2026-01-01\", \"expiry\": \"2099-01-01\"}}]\n}",
                      {"audit-ci.jsonc", "2026-04-01"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().ToString(),
            "audit-ci.jsonc:/allowlist/0/GHSA-aaaa-bbbb-cccc: duplicate key \"expiry\" (ambiguous: "
            "JSON readers disagree on which copy wins)");
  auto ok = ImportText(*ImportSourceByName("audit-ci"),
                       "{\n  // reviewed\n  \"allowlist\": [\"GHSA-aaaa-bbbb-cccc\"]\n}",
                       {"audit-ci.jsonc", "2026-04-01"});
  EXPECT_TRUE(ok.ok()) << ok.error().ToString();
}

}  // namespace
}  // namespace secgate::waivers
