// Unified diff parser (unified_diff.h).
#include "gates/secrets/unified_diff.h"

#include <charconv>

namespace secgate::secrets {

namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

/// Parses "N" or "N,M" at the start of `s`; M defaults to 1.
bool ParseRange(std::string_view s, int* start, int* count) {
  size_t sp = s.find(' ');
  std::string_view r = s.substr(0, sp);
  size_t comma = r.find(',');
  std::string_view a = r.substr(0, comma);
  auto res = std::from_chars(a.data(), a.data() + a.size(), *start);
  if (res.ec != std::errc() || res.ptr != a.data() + a.size()) return false;
  *count = 1;
  if (comma != std::string_view::npos) {
    std::string_view b = r.substr(comma + 1);
    auto rb = std::from_chars(b.data(), b.data() + b.size(), *count);
    if (rb.ec != std::errc() || rb.ptr != b.data() + b.size()) return false;
  }
  return *start >= 0 && *count >= 0;
}

std::string Unquote(std::string_view s) {
  if (s.size() < 2 || s.front() != '"' || s.back() != '"') return std::string(s);
  std::string out;
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    char c = s[i];
    if (c != '\\' || i + 2 >= s.size()) {
      out.push_back(c);
      continue;
    }
    char e = s[++i];
    if (e >= '0' && e <= '7' && i + 2 < s.size() - 1) {
      int v = (e - '0') * 64 + (s[i + 1] - '0') * 8 + (s[i + 2] - '0');
      out.push_back(static_cast<char>(v));
      i += 2;
    } else {
      out.push_back(e == 'n' ? '\n' : e == 't' ? '\t' : e);
    }
  }
  return out;
}

}  // namespace

std::string DiffHeaderPath(std::string_view v) {
  if (v.empty() || v.front() != '"') v = v.substr(0, v.find('\t'));
  std::string p = Unquote(v);
  while (!p.empty() && (p.back() == '\r' || p.back() == ' ')) p.pop_back();
  if (p == "/dev/null") return "";
  if (StartsWith(p, "a/") || StartsWith(p, "b/")) p = p.substr(2);
  return p;
}

bool LooksLikeUnifiedDiff(std::string_view head) {
  bool prev_minus = false;
  size_t pos = 0;
  while (pos < head.size()) {
    size_t nl = head.find('\n', pos);
    std::string_view line = head.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    if (StartsWith(line, "diff --git ") || StartsWith(line, "@@ -")) return true;
    if (prev_minus && StartsWith(line, "+++ ")) return true;
    prev_minus = StartsWith(line, "--- ");
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return false;
}

void UnifiedDiffParser::FlushCommit() {
  if (in_commit_header_) ev_->Commit(commit_, author_, date_);
  in_commit_header_ = false;
}

void UnifiedDiffParser::Continue(std::string_view more) {
  if (!more.empty() && more.back() == '\r') more.remove_suffix(1);
  if (last_ == Last::kAdded && !path_.empty()) ev_->Added(path_, new_line_ - 1, more);
  if (last_ == Last::kText) ev_->Text(input_line_, more);
}

void UnifiedDiffParser::Feed(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  ++input_line_;
  last_ = Last::kOther;
  if (old_left_ > 0 || new_left_ > 0) {
    char c = line.empty() ? ' ' : line.front();  // an empty line: stripped context
    if (c == '+' && new_left_ > 0) {
      if (!path_.empty()) ev_->Added(path_, new_line_, line.substr(1));
      last_ = Last::kAdded;
      ++new_line_;
      --new_left_;
      return;
    }
    if (c == '-' && old_left_ > 0) {
      --old_left_;
      return;
    }
    if (c == ' ' && old_left_ > 0 && new_left_ > 0) {
      --old_left_;
      --new_left_;
      ++new_line_;
      return;
    }
    if (c == '\\') return;  // "\ No newline at end of file"
    old_left_ = new_left_ = 0;  // malformed hunk: back to headers
  }
  ev_->Text(input_line_, line);
  last_ = Last::kText;
  if (StartsWith(line, "\\")) return;
  Header(line);
}

void UnifiedDiffParser::Header(std::string_view line) {
  if (StartsWith(line, "commit ") && line.size() >= 47) {
    FlushCommit();
    std::string_view id = line.substr(7, 40);
    commit_ = std::string(id);
    author_.clear();
    date_.clear();
    in_commit_header_ = true;
    return;
  }
  if (in_commit_header_) {
    if (StartsWith(line, "Author: ")) author_ = std::string(line.substr(8));
    else if (StartsWith(line, "Date: ")) {
      std::string_view d = line.substr(6);
      while (!d.empty() && d.front() == ' ') d.remove_prefix(1);
      date_ = std::string(d);
    }
    if (StartsWith(line, "diff ")) FlushCommit();
    else return;
  }
  if (StartsWith(line, "diff --git ")) {
    // "diff --git a/x b/x": the b/ side, until "+++" names the file.
    std::string_view rest = line.substr(11);
    size_t b = rest.rfind(" b/");
    pending_path_ = b == std::string_view::npos ? "" : std::string(rest.substr(b + 3));
    path_ = pending_path_;
    return;
  }
  if (StartsWith(line, "+++ ")) {
    path_ = DiffHeaderPath(line.substr(4));
    return;
  }
  if (StartsWith(line, "rename to ")) {
    path_ = Unquote(line.substr(10));
    return;
  }
  if (StartsWith(line, "Binary files ") || line == "GIT binary patch") {
    ev_->Binary(path_);
    return;
  }
  if (StartsWith(line, "@@ -")) {
    std::string_view r = line.substr(4);
    size_t plus = r.find(" +");
    int os = 0, oc = 0, ns = 0, nc = 0;
    if (plus == std::string_view::npos || !ParseRange(r, &os, &oc) ||
        !ParseRange(r.substr(plus + 2), &ns, &nc))
      return;
    old_left_ = oc;
    new_left_ = nc;
    new_line_ = ns;
  }
}

}  // namespace secgate::secrets
