// Escaping for the report formats: every value a reporter takes from an
// input (a package name, a title, a path, a waiver reason) goes through one
// of these before it reaches a terminal, XML, Markdown, a GitHub workflow
// command or a SARIF URI, so that hostile input can neither break the
// document nor inject markup, commands or terminal control sequences. One
// function per output kind: terminal text SanitizeForTerminal, workflow
// commands GithubEscapeData/Property, Markdown MarkdownEscape/CodeSpan, XML
// XmlEscape. Each also replaces invalid UTF-8 with U+FFFD. "Control
// characters" below are C0 (U+0000-U+001F), DEL and C1 (U+0080-U+009F).
//
// Pipeline position: helpers for reporters (gates/core/report/*), which
// render a Verdict and decide nothing.
//
//   out << "<failure message=\"" << XmlEscape(msg, /*attribute=*/true) << "\">";
//   out << "::error title=" << GithubEscapeProperty(t) << "::" << GithubEscapeData(m);
#pragma once

#include <string>
#include <string_view>

namespace secgate::core {

/// Appends code point `cp` to `out` as UTF-8.
void AppendUtf8(char32_t cp, std::string* out);

/// Decodes `s` as UTF-8 and re-encodes it, replacing every invalid sequence
/// (stray continuation bytes, overlong forms, surrogates) with U+FFFD.
std::string ValidUtf8(std::string_view s);

/// `s` cut to at most `max_bytes` bytes on a UTF-8 character boundary, with
/// "…" appended when anything was cut (the result still fits `max_bytes`).
std::string TruncateUtf8(std::string_view s, size_t max_bytes);

/// Text for a terminal (and for stderr): control characters become "\x1b"
/// style text, so that data from an input can never drive the terminal.
std::string SanitizeForTerminal(std::string_view s);

/// XML 1.0 text or attribute content: escapes & < > " ', drops characters
/// XML 1.0 forbids (C0 controls other than TAB/LF/CR, U+FFFE, U+FFFF) and
/// replaces invalid UTF-8 with U+FFFD. In attributes TAB, LF and CR become
/// character references so that parsers keep them.
std::string XmlEscape(std::string_view s, bool attribute);

/// Text safe inside a GitHub-flavoured Markdown paragraph or table cell:
/// backslash-escapes the characters that start GFM markup (\ ` * _ [ ] | ~
/// $), writes < > & as entities (no raw HTML) and turns line breaks into spaces.
std::string MarkdownEscape(std::string_view s);

/// A Markdown code span showing `s` literally (ids, fingerprints): fenced
/// with one backtick more than the longest run inside, e.g. "a`b" gives
/// "`` a`b ``". '|' becomes "\|" (GFM tables split on it even inside code)
/// and control characters become spaces.
std::string MarkdownCodeSpan(std::string_view s);

/// GitHub Actions workflow command message: % -> %25, CR -> %0D, LF -> %0A,
/// other control characters as in SanitizeForTerminal ("\x1b"): the
/// workflow log renders ANSI sequences.
std::string GithubEscapeData(std::string_view s);

/// GitHub Actions workflow command parameter value: as GithubEscapeData,
/// plus ':' -> %3A and ',' -> %2C.
std::string GithubEscapeProperty(std::string_view s);

/// A SARIF artifactLocation.uri for a file path. Relative paths become a
/// relative URI reference with every byte outside the RFC 3986 unreserved
/// set, sub-delimiters, '@' and '/' percent-encoded (so ' ' -> %20 and ':'
/// -> %3A, which keeps "image:tag" from reading as a scheme). Absolute paths
/// ("/src/app") become "file:///src/app", which upload-sarif relativises
/// against the checkout. Empty input gives "".
std::string PathToUri(std::string_view path);

/// True when `s` looks like an absolute http(s) URL with no characters that
/// need escaping (safe to emit where a schema requires format "uri").
bool IsPlainHttpUrl(std::string_view s);

}  // namespace secgate::core
