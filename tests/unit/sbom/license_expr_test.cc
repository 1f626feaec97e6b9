// SPDX license expressions: parse, canonical form, and the verdict under two
// policies, one table row per expression. Expected values were worked out by
// hand from the SPDX spec (Annex D) and the rules in license_policy.h.
#include "gates/sbom/license_expr.h"

#include <gtest/gtest.h>

#include "gates/sbom/license_policy.h"

namespace secgate::sbom {
namespace {

// D: a deny list only. A: an allow list plus one deny entry.
LicensePolicy DenyPolicy() {
  return *CompileLicensePolicy({}, {"GPL-3.0-only", "AGPL-3.0-or-later", "LicenseRef-Proprietary"});
}
LicensePolicy AllowPolicy() {
  return *CompileLicensePolicy({"MIT", "Apache-2.0", "BSD-3-Clause",
                                "GPL-2.0-only WITH Classpath-exception-2.0", "LGPL-2.1-or-later"},
                               {"GPL-2.0-only"});
}

struct Row {
  const char* text;
  const char* canonical;  // or the parse error message when verdicts are 'E'
  char deny;              // P pass, F fail, U unknown, E parse error
  char allow;
};

const Row kRows[] = {
    {"MIT", "MIT", 'P', 'P'},
    {"mit", "MIT", 'P', 'P'},
    {"Apache-2.0", "Apache-2.0", 'P', 'P'},
    {"apache-2.0", "Apache-2.0", 'P', 'P'},
    {"MIT OR Apache-2.0", "MIT OR Apache-2.0", 'P', 'P'},
    {"MIT AND Apache-2.0", "MIT AND Apache-2.0", 'P', 'P'},
    {"MIT AND GPL-3.0-only", "MIT AND GPL-3.0-only", 'F', 'F'},
    {"MIT OR GPL-3.0-only", "MIT OR GPL-3.0-only", 'P', 'P'},
    {"GPL-3.0-only OR AGPL-3.0-only", "GPL-3.0-only OR AGPL-3.0-only", 'F', 'F'},
    {"GPL-3.0", "GPL-3.0-only", 'F', 'F'},
    {"GPL-3.0+", "GPL-3.0-or-later", 'F', 'F'},
    {"GPL-3.0-or-later", "GPL-3.0-or-later", 'F', 'F'},
    {"GPL-2.0-or-later", "GPL-2.0-or-later", 'P', 'F'},
    {"GPL-2.0+", "GPL-2.0-or-later", 'P', 'F'},
    {"GPL-2.0", "GPL-2.0-only", 'P', 'F'},
    {"gpl-2.0-only", "GPL-2.0-only", 'P', 'F'},
    {"GPL-2.0-only WITH Classpath-exception-2.0", "GPL-2.0-only WITH Classpath-exception-2.0", 'P', 'P'},
    {"GPL-2.0-with-classpath-exception", "GPL-2.0-only WITH Classpath-exception-2.0", 'P', 'P'},
    {"GPL-2.0-only with classpath-exception-2.0", "GPL-2.0-only WITH Classpath-exception-2.0", 'P', 'P'},
    {"GPL-3.0-only WITH GCC-exception-3.1", "GPL-3.0-only WITH GCC-exception-3.1", 'F', 'F'},
    {"LGPL-2.1+", "LGPL-2.1-or-later", 'P', 'P'},
    {"LGPL-3.0-only", "LGPL-3.0-only", 'P', 'P'},
    {"LGPL-2.0-only", "LGPL-2.0-only", 'P', 'F'},
    {"LGPL-2.0+", "LGPL-2.0-or-later", 'P', 'P'},
    {"AGPL-3.0", "AGPL-3.0-only", 'F', 'F'},
    {"AGPL-1.0-only", "AGPL-1.0-only", 'P', 'F'},
    {"LicenseRef-Proprietary", "LicenseRef-Proprietary", 'F', 'F'},
    {"licenseref-proprietary", "LicenseRef-proprietary", 'F', 'F'},
    {"LicenseRef-Custom-1.0", "LicenseRef-Custom-1.0", 'P', 'F'},
    {"DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2",
     "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2", 'P', 'F'},
    {"BSD", "BSD", 'U', 'F'},
    {"MIT OR BSD", "MIT OR BSD", 'P', 'P'},
    {"MIT AND BSD", "MIT AND BSD", 'U', 'F'},
    {"GPL-3.0-only AND BSD", "GPL-3.0-only AND BSD", 'F', 'F'},
    {"(MIT)", "MIT", 'P', 'P'},
    {"((MIT OR Apache-2.0))", "MIT OR Apache-2.0", 'P', 'P'},
    {"MIT AND (Apache-2.0 OR GPL-3.0-only)", "MIT AND (Apache-2.0 OR GPL-3.0-only)", 'P', 'P'},
    {"(MIT AND Apache-2.0) OR GPL-3.0-only", "MIT AND Apache-2.0 OR GPL-3.0-only", 'P', 'P'},
    {"MIT AND Apache-2.0 OR GPL-3.0-only", "MIT AND Apache-2.0 OR GPL-3.0-only", 'P', 'P'},
    {"GPL-3.0-only OR MIT AND Apache-2.0", "GPL-3.0-only OR MIT AND Apache-2.0", 'P', 'P'},
    {"GPL-3.0-only AND MIT OR Apache-2.0", "GPL-3.0-only AND MIT OR Apache-2.0", 'P', 'P'},
    {"GPL-3.0-only AND (MIT OR Apache-2.0)", "GPL-3.0-only AND (MIT OR Apache-2.0)", 'F', 'F'},
    {"MIT AND (Apache-2.0 AND BSD-3-Clause)", "MIT AND Apache-2.0 AND BSD-3-Clause", 'P', 'P'},
    {"MIT or Apache-2.0", "MIT OR Apache-2.0", 'P', 'P'},
    {"MIT and Apache-2.0", "MIT AND Apache-2.0", 'P', 'P'},
    {"  MIT   OR\tApache-2.0 ", "MIT OR Apache-2.0", 'P', 'P'},
    {"MPL-2.0", "MPL-2.0", 'P', 'F'},
    {"MPL-1.1+", "MPL-1.1+", 'P', 'F'},
    {"Apache-1.0+", "Apache-1.0+", 'P', 'P'},
    {"BSD-3-Clause", "BSD-3-Clause", 'P', 'P'},
    {"bsd-3-clause", "BSD-3-Clause", 'P', 'P'},
    {"0BSD", "0BSD", 'P', 'F'},
    {"CC0-1.0", "CC0-1.0", 'P', 'F'},
    {"ISC OR MIT", "ISC OR MIT", 'P', 'P'},
    {"Unlicense", "Unlicense", 'P', 'F'},
    {"StandardML-NJ", "SMLNJ", 'P', 'F'},
    {"wxWindows", "GPL-2.0-or-later WITH WxWindows-exception-3.1", 'P', 'F'},
    {"GPL-3.0-only OR GPL-2.0-only", "GPL-3.0-only OR GPL-2.0-only", 'P', 'F'},
    {"MIT AND", "expected a license id after 'AND', got end of expression", 'E', 'E'},
    {"(MIT", "missing ')' for '(' at column 1", 'E', 'E'},
    {"MIT OR OR BSD", "expected a license id after 'OR', got 'OR' at column 8", 'E', 'E'},
    {"", "empty license expression", 'E', 'E'},
    {"   ", "empty license expression", 'E', 'E'},
    {"MIT)", "expected an operator after 'MIT', got ')' at column 4", 'E', 'E'},
    {"AND MIT", "expected a license id, got 'AND' at column 1", 'E', 'E'},
    {"MIT Apache-2.0", "expected an operator after 'MIT', got 'Apache-2.0' at column 5", 'E', 'E'},
    {"MIT WITH", "expected an exception id after 'WITH', got end of expression", 'E', 'E'},
    {"MIT/Apache", "unexpected character '/' at column 4", 'E', 'E'},
    {"Apache 2.0", "expected an operator after 'Apache', got '2.0' at column 8", 'E', 'E'},
    {"()", "expected a license id after '(', got ')' at column 2", 'E', 'E'},
    {"LicenseRef-", "invalid license reference 'LicenseRef-'", 'E', 'E'},
    {"LicenseRef-x+", "'+' cannot follow a license reference ('LicenseRef-x+')", 'E', 'E'},
    {"GPL+2.0", "misplaced '+' in 'GPL+2.0'", 'E', 'E'},
    {"MIT WITH LLVM-exception WITH Y",
     "expected an operator after 'LLVM-exception', got 'WITH' at column 25", 'E', 'E'},
    // WITH takes an exception (SPDX exception list) or an AdditionRef, never
    // a license: "MIT WITH AGPL-3.0-only" would hide AGPL from the policy.
    {"MIT WITH AGPL-3.0-only",
     "'AGPL-3.0-only' after WITH is not an SPDX license exception id (or AdditionRef-…)", 'E', 'E'},
    {"MIT WITH LicenseRef-x",
     "'LicenseRef-x' after WITH is not an SPDX license exception id (or AdditionRef-…)", 'E', 'E'},
    {"GPL-2.0-only WITH Foo-exception",
     "'Foo-exception' after WITH is not an SPDX license exception id (or AdditionRef-…)", 'E', 'E'},
    {"MIT WITH AdditionRef-", "invalid addition reference 'AdditionRef-'", 'E', 'E'},
    {"Apache-2.0 WITH llvm-exception", "Apache-2.0 WITH LLVM-exception", 'P', 'P'},
    {"GPL-3.0-only WITH GPL-3.0-linking-exception",
     "GPL-3.0-only WITH GPL-3.0-linking-exception", 'F', 'F'},
    {"GPL-2.0-only WITH AdditionRef-my-exception", "GPL-2.0-only WITH AdditionRef-my-exception",
     'P', 'F'},
    {"MIT WITH DocumentRef-d:AdditionRef-x", "MIT WITH DocumentRef-d:AdditionRef-x", 'P', 'P'},
    {"GPL-2.0-with-classpath-exception WITH Classpath-exception-2.0",
     "'GPL-2.0-with-classpath-exception' already names an exception", 'E', 'E'},
    {"MIT AND (Apache-2.0", "missing ')' for '(' at column 9", 'E', 'E'},
    {"MIT \xc3\x84ND", "unexpected character byte 0xc3 at column 5", 'E', 'E'},
};

char Letter(LicenseVerdict v) {
  return v == LicenseVerdict::kPass ? 'P' : v == LicenseVerdict::kFail ? 'F' : 'U';
}

TEST(LicenseExprTest, TableHasAtLeastSixtyRows) { EXPECT_GE(std::size(kRows), 60u); }

TEST(LicenseExprTest, Table) {
  const LicensePolicy deny = DenyPolicy(), allow = AllowPolicy();
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.text);
    auto e = ParseLicenseExpression(row.text);
    if (row.deny == 'E') {
      ASSERT_FALSE(e.ok());
      EXPECT_EQ(e.error().message, row.canonical);
      continue;
    }
    ASSERT_TRUE(e.ok()) << e.error().message;
    EXPECT_EQ(e->ToString(), row.canonical);
    EXPECT_EQ(Letter(EvaluateLicense(*e, deny).verdict), row.deny);
    EXPECT_EQ(Letter(EvaluateLicense(*e, allow).verdict), row.allow);
  }
}

TEST(LicenseExprTest, ExplainsADeniedTermInAnAnd) {
  auto o = EvaluateLicense(*ParseLicenseExpression("MIT AND GPL-3.0-only"), DenyPolicy());
  ASSERT_EQ(o.problems.size(), 1u);
  EXPECT_EQ(o.problems[0].ids, std::vector<std::string>{"GPL-3.0-only"});
  EXPECT_EQ(o.problems[0].explanation, "GPL-3.0-only denied in `MIT AND GPL-3.0-only`");
}

TEST(LicenseExprTest, AnOrWithNoAllowedChoiceIsOneProblemWithEveryId) {
  auto o = EvaluateLicense(*ParseLicenseExpression("GPL-3.0-only OR AGPL-3.0-only"), DenyPolicy());
  ASSERT_EQ(o.problems.size(), 1u);
  EXPECT_EQ(o.problems[0].ids, (std::vector<std::string>{"GPL-3.0-only", "AGPL-3.0-only"}));
  EXPECT_EQ(o.problems[0].explanation,
            "no allowed choice in `GPL-3.0-only OR AGPL-3.0-only`: GPL-3.0-only denied, "
            "AGPL-3.0-only denied");
}

TEST(LicenseExprTest, AnAndWithTwoDeniedTermsIsTwoProblems) {
  auto o = EvaluateLicense(*ParseLicenseExpression("GPL-3.0-only AND AGPL-3.0-only"), DenyPolicy());
  ASSERT_EQ(o.problems.size(), 2u);
  EXPECT_EQ(o.problems[1].explanation, "AGPL-3.0-only denied in `GPL-3.0-only AND AGPL-3.0-only`");
}

TEST(LicenseExprTest, ExplainsNotAllowedAndUnknown) {
  auto o = EvaluateLicense(*ParseLicenseExpression("GPL-2.0+"), AllowPolicy());
  ASSERT_EQ(o.problems.size(), 1u);
  EXPECT_EQ(o.problems[0].explanation, "GPL-2.0-or-later not in the allow list in `GPL-2.0-or-later`");
  auto u = EvaluateLicense(*ParseLicenseExpression("MIT AND BSD"), DenyPolicy());
  EXPECT_EQ(u.explanation, "unrecognised license id BSD in `MIT AND BSD`");
}

TEST(LicenseExprTest, ExceptionShownButIdWithoutIt) {
  auto o = EvaluateLicense(*ParseLicenseExpression("GPL-3.0-only WITH GCC-exception-3.1"),
                           DenyPolicy());
  ASSERT_EQ(o.problems.size(), 1u);
  EXPECT_EQ(o.problems[0].ids[0], "GPL-3.0-only");
  EXPECT_EQ(o.problems[0].explanation,
            "GPL-3.0-only WITH GCC-exception-3.1 denied in `GPL-3.0-only WITH GCC-exception-3.1`");
}

TEST(LicenseExprTest, DenyWithExceptionOnlyCoversThatException) {
  auto p = *CompileLicensePolicy({}, {"GPL-2.0-only WITH Classpath-exception-2.0"});
  EXPECT_EQ(EvaluateLicense(*ParseLicenseExpression("GPL-2.0-only"), p).verdict,
            LicenseVerdict::kPass);
  EXPECT_EQ(EvaluateLicense(*ParseLicenseExpression("GPL-2.0-only WITH Classpath-exception-2.0"), p)
                .verdict,
            LicenseVerdict::kFail);
}

TEST(LicenseExprTest, UnknownIdNamedInThePolicyIsKnown) {
  auto p = *CompileLicensePolicy({"Some-Local-License"}, {});
  EXPECT_EQ(EvaluateLicense(*ParseLicenseExpression("some-local-license"), p).verdict,
            LicenseVerdict::kPass);
}

TEST(LicenseExprTest, NestingIsBounded) {
  std::string ok = std::string(kMaxLicenseNesting, '(') + "MIT" + std::string(kMaxLicenseNesting, ')');
  EXPECT_TRUE(ParseLicenseExpression(ok).ok());
  std::string deep = std::string(100000, '(') + "MIT" + std::string(100000, ')');
  auto e = ParseLicenseExpression(deep);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().message, "parentheses nested deeper than 64");
}

TEST(LicenseExprTest, TermsInOrderAndFlags) {
  auto e = ParseLicenseExpression("MIT AND (GPL-2.0+ OR LicenseRef-x)");
  ASSERT_TRUE(e.ok());
  auto terms = e->Terms();
  ASSERT_EQ(terms.size(), 3u);
  EXPECT_EQ(terms[0]->id, "MIT");
  EXPECT_TRUE(terms[1]->or_later);
  EXPECT_EQ(terms[1]->base, "GPL-2.0");
  EXPECT_TRUE(terms[2]->ref);
  EXPECT_FALSE(terms[2]->known);
}

TEST(LicenseExprTest, PolicyEntriesMustBeSingleIds) {
  auto a = CompileLicensePolicy({"MIT AND"}, {});
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().where, "sbom.licenses.allow");
  EXPECT_EQ(a.error().message,
            "'MIT AND' is not a license id: expected a license id after 'AND', got end of expression");
  auto d = CompileLicensePolicy({}, {"MIT OR Apache-2.0"});
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().message,
            "'MIT OR Apache-2.0' is not a license id: expected one license id, got the "
            "expression 'MIT OR Apache-2.0'");
}

TEST(LicenseExprTest, PolicyEntryWithALicenseAfterWithIsAnError) {
  auto p = CompileLicensePolicy({"MIT WITH AGPL-3.0-only"}, {});
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().message,
            "'MIT WITH AGPL-3.0-only' is not a license id: 'AGPL-3.0-only' after WITH is not an "
            "SPDX license exception id (or AdditionRef-…)");
}

}  // namespace
}  // namespace secgate::sbom

namespace secgate::sbom {
namespace {

// Found by license_expr_fuzz in the CI smoke run: a version segment with
// more digits than a long holds overflowed (undefined behaviour) while
// comparing "-or-later" versions. Segments now compare as digit strings.
TEST(LicenseExprFuzzRegression, HugeVersionNumbersCompareWithoutOverflow) {
  auto policy = CompileLicensePolicy({"LGPL-2.1-or-later"}, {"GPL-3.0-only"});
  ASSERT_TRUE(policy.ok());
  for (const char* text : {"lgpl-2222222222222288888880", "LGPL-99999999999999999999999.1",
                           "LGPL-2.00000000000000000000001"}) {
    auto e = ParseLicenseExpression(text);
    ASSERT_TRUE(e.ok()) << text;
    // A later LGPL than 2.1 is covered by "LGPL-2.1-or-later".
    EXPECT_EQ(EvaluateLicense(*e, *policy).verdict, LicenseVerdict::kPass) << text;
  }
  auto older = ParseLicenseExpression("LGPL-2.0000000000000000000000000");
  ASSERT_TRUE(older.ok());
  EXPECT_NE(EvaluateLicense(*older, *policy).verdict, LicenseVerdict::kPass);
}

}  // namespace
}  // namespace secgate::sbom
