// Unified diff parsing for --stdin (gates/secrets/unified_diff.cc).
#include <gtest/gtest.h>

#include "gates/secrets/unified_diff.h"

namespace secgate::secrets {
namespace {

struct Recorder : DiffEvents {
  std::vector<std::string> events;
  void Commit(const std::string& id, const std::string& a, const std::string& d) override {
    events.push_back("commit " + id.substr(0, 7) + " " + a + " " + d);
  }
  void Added(const std::string& path, int line, std::string_view text) override {
    events.push_back(path + ":" + std::to_string(line) + ":" + std::string(text));
  }
  void Binary(const std::string& path) override { events.push_back("binary " + path); }
  void Text(int line, std::string_view text) override {
    texts.push_back(std::to_string(line) + ":" + std::string(text));
  }
  std::vector<std::string> texts;  // lines outside hunks (kept apart from `events`)
};

std::vector<std::string> Parse(const std::string& text) {
  Recorder r;
  UnifiedDiffParser p(&r);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    p.Feed(std::string_view(text).substr(pos, nl - pos));
    pos = nl + 1;
  }
  return r.events;
}

TEST(UnifiedDiffTest, AddedLinesWithNewFileNumbers) {
  std::string diff =
      "diff --git a/src/a.py b/src/a.py\nindex 1..2 100644\n--- a/src/a.py\n+++ b/src/a.py\n"
      "@@ -10,3 +10,4 @@ def f():\n ctx\n-old\n+new1\n+new2\n ctx2\n"
      "@@ -40 +41 @@\n-x\n+y\n"
      "diff --git a/gone.txt b/gone.txt\ndeleted file mode 100644\n--- a/gone.txt\n+++ /dev/null\n"
      "@@ -1 +0,0 @@\n-bye\n"
      "diff --git a/img.png b/img.png\nBinary files a/img.png and b/img.png differ\n";
  EXPECT_EQ(Parse(diff), (std::vector<std::string>{"src/a.py:11:new1", "src/a.py:12:new2",
                                                   "src/a.py:41:y", "binary img.png"}));
}

TEST(UnifiedDiffTest, GitLogHeadersAreNotContent) {
  std::string log =
      "commit 0123456789abcdef0123456789abcdef01234567\nAuthor: Ann <ann@x>\n"
      "Date:   Mon Jan 1 00:00:00 2024 +0000\n\n    +++ looks like a header\n\n"
      "diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -0,0 +1,2 @@\n++plus line\n+commit abc\n"
      "commit 1111111111111111111111111111111111111111\nAuthor: Bob <b@x>\nDate: today\n\n"
      "diff --git a/g b/g\nnew file mode 100644\n--- /dev/null\n+++ b/g\n@@ -0,0 +1 @@\n+z\r\n";
  EXPECT_EQ(Parse(log),
            (std::vector<std::string>{"commit 0123456 Ann <ann@x> Mon Jan 1 00:00:00 2024 +0000",
                                      "f:1:+plus line", "f:2:commit abc",
                                      "commit 1111111 Bob <b@x> today", "g:1:z"}));
}

TEST(UnifiedDiffTest, PlainDiffUAndQuotedPaths) {
  EXPECT_EQ(Parse("--- old.txt\t2024-01-01\n+++ new.txt\t2024-01-02\n@@ -1 +1 @@\n-a\n+b\n"),
            std::vector<std::string>{"new.txt:1:b"});
  EXPECT_EQ(Parse("--- \"a/sp ace\"\n+++ \"b/sp ace\"\n@@ -0,0 +1 @@\n+q\n"),
            std::vector<std::string>{"sp ace:1:q"});
}

TEST(UnifiedDiffTest, MalformedHunksDoNotCrashOrLoop) {
  EXPECT_EQ(Parse("@@ -x +y @@\n+a\n@@ -1,99999999999 +1 @@\n+b\n@@ -1 +1,2 @@\nzz\n+c\n"),
            std::vector<std::string>{});
}

TEST(UnifiedDiffTest, Detection) {
  EXPECT_TRUE(LooksLikeUnifiedDiff("diff --git a/x b/x\n"));
  EXPECT_TRUE(LooksLikeUnifiedDiff("log line\n--- a\n+++ b\n"));
  EXPECT_TRUE(LooksLikeUnifiedDiff("@@ -1 +1 @@\n"));
  EXPECT_FALSE(LooksLikeUnifiedDiff("--- a\nnot plus\n+++ b\n"));
  EXPECT_FALSE(LooksLikeUnifiedDiff("just a CI log\nstep 1 ok\n"));
}

// Text and added lines in one stream, in the order they came
// (tests/e2e/secrets/holes_content_test.cc).
struct Texts : DiffEvents {
  std::vector<std::string> events;
  void Commit(const std::string&, const std::string&, const std::string&) override {}
  void Added(const std::string& path, int line, std::string_view text) override {
    events.push_back("+" + path + ":" + std::to_string(line) + ":" + std::string(text));
  }
  void Binary(const std::string&) override {}
  void Text(int line, std::string_view text) override {
    events.push_back("T" + std::to_string(line) + ":" + std::string(text));
  }
};

TEST(ContentHolesTest, DiffParserReportsLinesOutsideHunksAndContinuations) {
  Texts t;
  UnifiedDiffParser p(&t);
  for (const char* l : {"log 1", "--- a/f", "+++ b/f", "@@ -1 +1,2 @@", "-x", "+long", "+y",
                        "log 2"})
    p.Feed(l);
  p.Continue("more of log 2");
  EXPECT_EQ(t.events, (std::vector<std::string>{"T1:log 1", "T2:--- a/f", "T3:+++ b/f",
                                                "T4:@@ -1 +1,2 @@", "+f:1:long", "+f:2:y",
                                                "T8:log 2", "T8:more of log 2"}));
  t.events.clear();
  p.Feed("@@ -1 +1 @@");
  p.Feed("+start");
  p.Continue("end of the added line");
  p.Feed("-gone");
  p.Continue("end of the removed line");
  EXPECT_EQ(t.events, (std::vector<std::string>{"T9:@@ -1 +1 @@", "+f:1:start",
                                                "+f:1:end of the added line"}));
}

}  // namespace
}  // namespace secgate::secrets
