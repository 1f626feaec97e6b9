// Classifying and decoding file content for the scan (content.h).
#include "gates/secrets/content.h"

#include "gates/core/report/escape.h"

namespace secgate::secrets {

namespace {

bool Printable(unsigned char c) { return (c >= 0x20 && c <= 0x7e) || c == '\t'; }

/// True when 9 in 10 code units of `head` have their high byte NUL and
/// their low byte printable ASCII (`big_endian`: the high byte comes first).
bool ShapedLikeUtf16(std::string_view head, bool big_endian) {
  const size_t units = head.size() / 2;
  if (units < 2) return false;
  size_t ascii = 0;
  for (size_t i = 0; i < units; ++i) {
    unsigned char hi = static_cast<unsigned char>(head[2 * i + (big_endian ? 0 : 1)]);
    unsigned char lo = static_cast<unsigned char>(head[2 * i + (big_endian ? 1 : 0)]);
    if (hi == 0 && (Printable(lo) || lo == '\n' || lo == '\r')) ++ascii;
  }
  return ascii * 10 >= units * 9;
}

}  // namespace

ContentKind Classify(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, kClassifyBytes);
  if (head.substr(0, 2) == "\xFF\xFE") return ContentKind::kUtf16Le;
  if (head.substr(0, 2) == "\xFE\xFF") return ContentKind::kUtf16Be;
  if (head.find('\0') == std::string_view::npos) return ContentKind::kText;
  if (ShapedLikeUtf16(head, false)) return ContentKind::kUtf16Le;
  if (ShapedLikeUtf16(head, true)) return ContentKind::kUtf16Be;
  return ContentKind::kBinary;
}

const char* ContentKindName(ContentKind kind) {
  switch (kind) {
    case ContentKind::kText: return "text";
    case ContentKind::kUtf16Le:
    case ContentKind::kUtf16Be: return "UTF-16";
    case ContentKind::kBinary: break;
  }
  return "binary";
}

std::vector<ContentKind> Passes(ContentKind kind) {
  if (kind == ContentKind::kUtf16Le || kind == ContentKind::kUtf16Be)
    return {kind, ContentKind::kBinary};
  return {kind};
}

void ContentDecoder::Feed(std::string_view bytes, std::string* out) {
  if (bytes.empty()) return;
  if (pass_ == ContentKind::kText) {
    out->append(bytes);
    line_open_ = bytes.back() != '\n';
  } else if (pass_ == ContentKind::kBinary) {
    FeedRuns(bytes, out);
  } else {
    FeedUtf16(bytes, out);
  }
}

void ContentDecoder::Finish(std::string* out) {
  if (pass_ == ContentKind::kBinary) EndRun(out);
  if (pass_ == ContentKind::kUtf16Le || pass_ == ContentKind::kUtf16Be) {
    if (odd_byte_ >= 0 || high_ != 0) Unit(0xFFFD, out);  // a cut-off unit or pair
    odd_byte_ = -1;
    high_ = 0;
  }
  if (line_open_) out->push_back('\n');
  line_open_ = false;
}

void ContentDecoder::FeedUtf16(std::string_view bytes, std::string* out) {
  const bool be = pass_ == ContentKind::kUtf16Be;
  for (char ch : bytes) {
    const unsigned b = static_cast<unsigned char>(ch);
    if (odd_byte_ < 0) {
      odd_byte_ = static_cast<int>(b);
      continue;
    }
    const unsigned first = static_cast<unsigned>(odd_byte_);
    odd_byte_ = -1;
    Unit(be ? (first << 8 | b) : (b << 8 | first), out);
  }
}

/// One UTF-16 code unit: pairs surrogates, drops a leading BOM, writes
/// UTF-8 (an unpaired surrogate becomes U+FFFD).
void ContentDecoder::Unit(unsigned unit, std::string* out) {
  const bool first = !started_;
  started_ = true;
  if (first && unit == 0xFEFF) return;
  char32_t cp = unit;
  if (high_ != 0) {
    const bool low = unit >= 0xDC00 && unit <= 0xDFFF;
    if (low) {
      cp = 0x10000 + ((high_ - 0xD800) << 10) + (unit - 0xDC00);
      high_ = 0;
    } else {
      high_ = 0;
      Unit(0xFFFD, out);  // the unpaired high surrogate, then this unit
    }
  }
  if (cp >= 0xD800 && cp <= 0xDBFF) {
    high_ = unit;
    return;
  }
  if (cp >= 0xDC00 && cp <= 0xDFFF) cp = 0xFFFD;
  core::AppendUtf8(cp, out);
  line_open_ = cp != '\n';
}

void ContentDecoder::FeedRuns(std::string_view bytes, std::string* out) {
  for (char ch : bytes) {
    if (!Printable(static_cast<unsigned char>(ch))) {
      EndRun(out);
      continue;
    }
    if (in_run_) {
      out->push_back(ch);
      continue;
    }
    run_.push_back(ch);
    if (run_.size() == kMinRun) {
      out->append(run_);
      run_.clear();
      in_run_ = line_open_ = true;
    }
  }
}

void ContentDecoder::EndRun(std::string* out) {
  if (in_run_) out->push_back('\n');
  in_run_ = line_open_ = false;
  run_.clear();
}

std::string_view Scannable(std::string_view bytes, ContentKind kind, std::string* storage) {
  if (kind == ContentKind::kText) return bytes;
  storage->clear();
  for (ContentKind pass : Passes(kind)) {
    ContentDecoder decoder(pass);
    decoder.Feed(bytes, storage);
    decoder.Finish(storage);
  }
  return *storage;
}

}  // namespace secgate::secrets
