#!/usr/bin/env python3
"""Lists C++ functions longer than a limit, counted in lines from the first
line of the signature to the closing brace (STYLE.md: functions that fit on
a screen; the limit the no_long_functions test uses is 60).

  long_functions.py LIMIT DIR...

Prints "<lines> <file> <line> <signature>" for each function over LIMIT in
the .cc and .h files under each DIR, and exits 1 when it printed any.

A heuristic for this code base's clang-format layout, not a parser:
- a function starts on a line indented by at most two spaces (namespace
  scope, or a member defined in its class) that holds a '(' and does not
  start with a keyword that declares something else (namespace, struct,
  return, ...), and whose signature ends in '{' within eight lines with no
  ';' on the way and no '=' before its '(' (a lambda assigned to a name);
- it ends on the first later line that starts with the same indentation
  and a '}'.
The contents of raw string literals (R"( ... )", R"delim( ... )delim") are
blanked first, so code inside them, such as the JavaScript of the HTML
report, is not taken for C++. Line numbers are unchanged by the blanking.
"""
import os
import re
import sys

SIGNATURE_LINES = 8
START = re.compile(r"^( {0,2})([A-Za-z].*)$")
NOT_A_FUNCTION = re.compile(
    r"^\s*(namespace|struct|class|enum|union|using|return|#|//|static_assert|template|extern|"
    r"public|private|protected)")
RAW_STRING = re.compile(r'(?<![A-Za-z0-9_])(?:u8|u|U|L)?R"([^ ()\\\t\n]{0,16})\(')


def blank(text):
    """Spaces for every character but newlines."""
    return re.sub(r"[^\n]", " ", text)


def without_raw_strings(source):
    """The source with the contents of raw string literals blanked.

    Ordinary string and character literals and comments are stepped over,
    so an R" inside them does not start a raw string.
    """
    out = []
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if source.startswith("//", i):
            end = source.find("\n", i)
            end = n if end < 0 else end
            out.append(source[i:end])
            i = end
        elif source.startswith("/*", i):
            end = source.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append(source[i:end])
            i = end
        elif c == "'" and i > 0 and source[i - 1].isalnum():  # a digit separator: 1'000
            out.append(c)
            i += 1
        elif c in "\"'":
            j = i + 1
            while j < n and source[j] != c and source[j] != "\n":
                j += 2 if source[j] == "\\" else 1
            out.append(source[i:j + 1])
            i = j + 1
        else:
            m = RAW_STRING.match(source, i)
            if m:
                close = ")" + m.group(1) + '"'
                end = source.find(close, m.end())
                end = n if end < 0 else end
                out.append(source[i:m.end()] + blank(source[m.end():end]) + close)
                i = end + len(close)
            else:
                out.append(c)
                i += 1
    return "".join(out)


def long_functions(path, limit):
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = without_raw_strings(f.read()).split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        m = START.match(line)
        if m and "(" in line and not NOT_A_FUNCTION.match(line):
            indent = m.group(1)
            j, signature = i, ""
            while j < len(lines) and j < i + SIGNATURE_LINES:
                signature += lines[j]
                if lines[j].rstrip().endswith("{") or ";" in lines[j]:
                    break
                j += 1
            if (j < len(lines) and lines[j].rstrip().endswith("{") and ";" not in signature
                    and "=" not in signature.split("(")[0]):
                k = j + 1
                while k < len(lines) and not lines[k].startswith(indent + "}"):
                    k += 1
                count = k - i + 1
                if count > limit:
                    yield count, i + 1, line.strip()[:80]
                i = k
        i += 1


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    limit = int(sys.argv[1])
    found = False
    for root in sys.argv[2:]:
        for folder, _, files in sorted(os.walk(root)):
            for name in sorted(files):
                if not name.endswith((".cc", ".h")):
                    continue
                path = os.path.join(folder, name)
                for count, line, signature in long_functions(path, limit):
                    print(count, path, line, signature)
                    found = True
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
