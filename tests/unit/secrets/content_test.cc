// Content classification and decoding (gates/secrets/content.cc) and the
// chunked scan of large text (ChunkedScan, gates/secrets/collector.cc).
#include <gtest/gtest.h>

#include "gates/secrets/collector.h"
#include "gates/secrets/content.h"
#include "tests/unit/secrets/test_pack.h"

namespace secgate::secrets {
namespace {

std::string Utf16Le(std::string_view ascii, bool bom) {
  std::string out = bom ? std::string("\xFF\xFE") : std::string();
  for (char c : ascii) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

std::string Utf16Be(std::string_view ascii) {
  std::string out("\xFE\xFF");
  for (char c : ascii) {
    out.push_back('\0');
    out.push_back(c);
  }
  return out;
}

std::string Decoded(std::string_view bytes) {
  std::string storage;
  return std::string(Scannable(bytes, Classify(bytes), &storage));
}

/// Feeds `bytes` in blocks of `block` bytes through every pass.
std::string DecodedInBlocks(std::string_view bytes, size_t block) {
  std::string out;
  for (ContentKind pass : Passes(Classify(bytes))) {
    ContentDecoder d(pass);
    for (size_t i = 0; i < bytes.size(); i += block) d.Feed(bytes.substr(i, block), &out);
    d.Finish(&out);
  }
  return out;
}

TEST(ContentTest, ClassifiesFromTheBytesOnly) {
  EXPECT_EQ(Classify("plain\ntext\n"), ContentKind::kText);
  EXPECT_EQ(Classify(""), ContentKind::kText);
  EXPECT_EQ(Classify(std::string("\x89PNG\0\0\0\x01", 8)), ContentKind::kBinary);
  EXPECT_EQ(Classify(Utf16Le("a = 1\r\n", true)), ContentKind::kUtf16Le);
  EXPECT_EQ(Classify(Utf16Le("a = 1\r\n", false)), ContentKind::kUtf16Le);  // no BOM
  EXPECT_EQ(Classify(Utf16Be("a = 1\n")), ContentKind::kUtf16Be);
  // A NUL after the first kClassifyBytes does not make text binary.
  EXPECT_EQ(Classify(std::string(kClassifyBytes, 'a') + std::string(1, '\0')), ContentKind::kText);
}

TEST(ContentTest, TextIsScannedAsItIs) {
  std::string storage;
  const std::string text = "a\nb";
  EXPECT_EQ(Scannable(text, ContentKind::kText, &storage).data(), text.data());
}

TEST(ContentTest, Utf16IsDecodedToUtf8Lines) {
  EXPECT_EQ(Decoded(Utf16Le("$t = 'x'\r\nsecond\r\n", true)), "$t = 'x'\r\nsecond\r\n");
  EXPECT_EQ(Decoded(Utf16Be("one\ntwo")), "one\ntwo\n");
  // U+00E9, U+20AC and U+1F600 (a surrogate pair), little-endian.
  const std::string le("\xFF\xFE\xE9\x00\xAC\x20\x3D\xD8\x00\xDE", 10);
  EXPECT_EQ(Decoded(le), "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\n");
  // An unpaired surrogate and a cut-off last byte become U+FFFD.
  const std::string bad("\xFF\xFE\x3D\xD8\x41\x00\x42", 7);
  EXPECT_EQ(Decoded(bad), "\xEF\xBF\xBD" "A\xEF\xBF\xBD\n");
}

TEST(ContentTest, Utf16AlsoYieldsTheRawPrintableRuns) {
  // 8-bit text behind a UTF-16 BOM would decode to CJK noise: its raw
  // printable run is scanned after the decoded lines.
  std::string hostile = std::string("\xFF\xFE") + "token=" + kToken + "\n";
  std::string out = Decoded(hostile);
  EXPECT_NE(out.find(std::string("token=") + kToken + "\n"), std::string::npos);
}

TEST(ContentTest, BinaryYieldsPrintableRunsOfAtLeastEightBytes) {
  static const char kBin[] = "\x89PNG\0\0\0\x01" "short\0" "long enough run\x01\x02" "12345678";
  const std::string bin(kBin, sizeof kBin - 1);
  EXPECT_EQ(Decoded(bin), "long enough run\n12345678\n");
}

TEST(ContentTest, BlockBoundariesDoNotChangeTheOutput) {
  std::string bin = std::string("\0\x01", 2) + "key=" + kToken + std::string("\0", 1) + "tail run!";
  std::string utf16 = Utf16Le("x\n\xC3\xA9y = '" + std::string(kToken) + "'\n", true);
  for (const std::string& in : {bin, utf16}) {
    const std::string whole = Decoded(in);
    for (size_t block : {1, 2, 3, 7, 64}) EXPECT_EQ(DecodedInBlocks(in, block), whole) << block;
  }
}

std::vector<std::string> ChunkedFindings(const std::vector<std::string_view>& pieces) {
  auto engine = TestEngine();
  Collector c(*engine);
  ChunkedScan scan(&c, Origin{"t", "big.txt"});
  for (auto p : pieces) scan.Add(p);
  scan.Finish();
  std::vector<std::string> out;
  for (const auto& f : c.findings()) out.push_back(f.id + ":" + std::to_string(f.location.line));
  return out;
}

TEST(ChunkedScanTest, FindsATokenAcrossAChunkBoundaryOnceWithItsLine) {
  const size_t chunk = ChunkedScan::kScanChunk;
  std::string big = "first\n" + std::string(chunk - 20, 'a') + "\nt = '" + kToken + "'\n";
  EXPECT_EQ(ChunkedFindings({big}), std::vector<std::string>{"test-token:3"});
  // The same text arriving in small pieces.
  std::vector<std::string_view> pieces;
  for (size_t i = 0; i < big.size(); i += 4096) pieces.push_back(std::string_view(big).substr(i, 4096));
  EXPECT_EQ(ChunkedFindings(pieces), std::vector<std::string>{"test-token:3"});
}

TEST(ChunkedScanTest, FindsATokenAcrossACutInsideALongLineOnce) {
  const size_t chunk = ChunkedScan::kScanChunk;
  for (size_t at : {chunk - 60, chunk - ChunkedScan::kScanOverlap / 2, chunk - 10, 2 * chunk + 5}) {
    std::string line(3 * chunk, 'x');
    for (size_t i = 0; i < line.size(); i += 100) line[i] = ' ';  // words
    const std::string token = std::string(" ") + kToken + " ";
    line.replace(at, token.size(), token);
    EXPECT_EQ(ChunkedFindings({"a\n" + line + "\nz\n"}), std::vector<std::string>{"test-token:2"})
        << at;
  }
}

}  // namespace
}  // namespace secgate::secrets
