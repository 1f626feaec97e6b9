#!/usr/bin/env python3
"""Renders secgate's pull-request comment (Markdown) to a standalone HTML
page styled like a GitHub comment, for docs/images/pr-comment.png.

It covers the Markdown the comment uses: the hidden marker, ### / ####
headings, paragraphs, pipe tables, code spans, links and <details>.

    render-comment.py comment.md > comment.html
    chromium --headless --screenshot=pr-comment.png comment.html
"""
import html
import re
import sys


def inline(text):
    out, pos = [], 0
    for m in re.finditer(r"(`+)(.+?)\1", text):
        out.append(html.escape(text[pos:m.start()]))
        out.append("<code>" + html.escape(m.group(2).strip()) + "</code>")
        pos = m.end()
    out.append(html.escape(text[pos:]))
    s = "".join(out)
    s = re.sub(r"\[([^\]]+)\]\((https?://[^)\s]+)\)", r'<a href="\2">\1</a>', s)
    s = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", s)
    s = s.replace("\\|", "|").replace("\\", "")
    # The runner's fonts may lack colour emoji: the same marks, in colour.
    s = s.replace("\u274c", '<span style="color:#d1242f">\u2716</span>')
    return s.replace("\u2705", '<span style="color:#1a7f37">\u2714</span>')


def cells(line):
    parts = re.split(r"(?<!\\)\|", line.strip())
    return [p.strip() for p in parts[1:-1]]


def render(md):
    lines, out, i = md.split("\n"), [], 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("<!--") or not line.strip():
            i += 1
        elif line.startswith("<details>") or line.startswith("</details>"):
            out.append(re.sub(r"<summary>(.*)</summary>",
                              lambda m: "<summary>" + inline(m.group(1)) + "</summary>", line))
            i += 1
        elif line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            out.append(f"<h{level}>{inline(line[level:].strip())}</h{level}>")
            i += 1
        elif line.startswith("|"):
            head = cells(line)
            rows = []
            i += 2  # the header and the |---| line
            while i < len(lines) and lines[i].startswith("|"):
                rows.append(cells(lines[i]))
                i += 1
            out.append("<table><thead><tr>" + "".join(f"<th>{inline(c)}</th>" for c in head) +
                       "</tr></thead><tbody>" +
                       "".join("<tr>" + "".join(f"<td>{inline(c)}</td>" for c in r) + "</tr>"
                               for r in rows) + "</tbody></table>")
        else:
            out.append(f"<p>{inline(line)}</p>")
            i += 1
    return "\n".join(out)


STYLE = """body{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:14px;
color:#1f2328;background:#fff;margin:16px}.comment{border:1px solid #d1d9e0;border-radius:6px;
max-width:900px}.head{background:#f6f8fa;border-bottom:1px solid #d1d9e0;padding:8px 16px;
color:#59636e}.body{padding:8px 16px}h3{font-size:1.25em}h4{font-size:1em}table{border-collapse:
collapse;margin:8px 0}th,td{border:1px solid #d1d9e0;padding:4px 10px;text-align:left}
th{background:#f6f8fa}code{background:#eff1f3;border-radius:4px;padding:1px 4px;font-size:85%}
a{color:#0969da}"""

if __name__ == "__main__":
    md = open(sys.argv[1], encoding="utf-8").read()
    print(f"<!doctype html><meta charset=utf-8><style>{STYLE}</style><div class=comment>"
          f"<div class=head><b>github-actions</b> bot commented</div><div class=body>"
          f"{render(md)}</div></div>")
