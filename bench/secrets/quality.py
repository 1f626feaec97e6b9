#!/usr/bin/env python3
"""Scores a secgate-secrets JSON report against the corpus labels (issue 15).

  quality.py REPORT.json [--corpus DIR] [--check --min-recall P --max-clean-flagged P]

Findings are matched to labels by (file, line), file relative to the corpus
folder. A positive is found when any finding is on its line; a negative line
is flagged when any finding is on it. Prints a Markdown table per family
(positives, found, recall), the negatives (lines and files flagged) and the
providers with a miss. Never prints a secret: the report holds none and
labels.json holds none.

Exit: 0 (always, without --check); with --check 1 when recall is under
--min-recall or the flagged share of negative lines is over
--max-clean-flagged; 2 on bad input.
"""
import argparse
import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "tests", "corpus", "secrets"))


def rel_to(path, corpus):
    """The report's path (as the gate printed it) relative to the corpus folder."""
    p = path.replace("\\", "/")
    for base in (os.path.abspath(corpus).replace("\\", "/"), corpus.replace("\\", "/").rstrip("/")):
        if p.startswith(base + "/"):
            return p[len(base) + 1:]
    marker = "tests/corpus/secrets/"
    i = p.find(marker)
    if i >= 0:
        return p[i + len(marker):]
    return p


def norm(name):
    """Provider names compared without case or punctuation ("crates-io" ~ the pack's spelling)."""
    return "".join(ch for ch in name.lower() if ch.isalnum())


def pct(a, b):
    return 100.0 * a / b if b else 100.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("report")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--min-recall", type=float, default=0.0)
    ap.add_argument("--max-clean-flagged", type=float, default=100.0)
    args = ap.parse_args()
    try:
        with open(args.report, encoding="utf-8") as f:
            report = json.load(f)
        with open(os.path.join(args.corpus, "labels.json"), encoding="utf-8") as f:
            labels = json.load(f)["labels"]
        findings = report["findings"]
    except (OSError, ValueError, KeyError) as e:
        print("quality.py: cannot read the report or the labels: %s" % e, file=sys.stderr)
        return 2
    if not labels:
        print("quality.py: labels.json holds no labels", file=sys.stderr)
        return 2

    hits = collections.defaultdict(list)       # (file, line) -> findings' providers
    for fd in findings:
        loc = fd.get("location", {})
        if "path" not in loc or "line" not in loc:
            continue
        hits[(rel_to(loc["path"], args.corpus), int(loc["line"]))].append(fd.get("message", ""))

    labelled = {(l["file"], l["line"]) for l in labels}
    fam = collections.OrderedDict()
    missed = collections.defaultdict(list)
    neg_lines = neg_flagged = 0
    neg_files, neg_files_flagged = set(), set()
    for l in labels:
        key = (l["file"], l["line"])
        if l["family"] == "negative":
            neg_lines += 1
            neg_files.add(l["file"])
            if key in hits:
                neg_flagged += 1
                neg_files_flagged.add(l["file"])
            continue
        row = fam.setdefault(l["family"], [0, 0, 0])
        row[0] += 1
        if key in hits:
            row[1] += 1
            if any(norm(p) == norm(l["provider"]) for p in hits[key]):
                row[2] += 1
        else:
            missed[(l["family"], l["provider"])].append(l)
    # Findings on lines with no label at all (neither a positive nor a negative).
    unlabelled = sorted(k for k in hits if k not in labelled)

    total = sum(r[0] for r in fam.values())
    found = sum(r[1] for r in fam.values())
    recall = pct(found, total)
    clean_flagged = pct(neg_flagged, neg_lines)
    needs_total = sum(1 for l in labels if l.get("needs"))
    needs_missed = sum(1 for ls in missed.values() for l in ls if l.get("needs"))

    out = []
    out.append("| family | positives | found | recall | named the labelled provider |")
    out.append("|---|---:|---:|---:|---:|")
    for name, (n, f, p) in fam.items():
        out.append("| %s | %d | %d | %.1f %% | %d |" % (name, n, f, pct(f, n), p))
    out.append("| **all** | **%d** | **%d** | **%.1f %%** | %d |" % (total, found, recall, sum(r[2] for r in fam.values())))
    out.append("")
    out.append("Positives whose keyword or second part is on another line (`needs`): %d, missed %d; "
               "recall without them %.1f %%." % (needs_total, needs_missed,
                                                 pct(found - (needs_total - needs_missed), total - needs_total)))
    out.append("")
    out.append("| negatives | labelled | flagged | clean-flagged |")
    out.append("|---|---:|---:|---:|")
    out.append("| lines | %d | %d | %.1f %% |" % (neg_lines, neg_flagged, clean_flagged))
    out.append("| files | %d | %d | %.1f %% |" % (len(neg_files), len(neg_files_flagged), pct(len(neg_files_flagged), len(neg_files))))
    out.append("")
    out.append("Findings on unlabelled lines: %d." % len(unlabelled))
    for k in unlabelled[:20]:
        out.append("- %s:%d (%s)" % (k[0], k[1], ", ".join(sorted(set(hits[k])))))
    out.append("")
    if missed:
        out.append("Missed (family / provider: labels missed, first locations):")
        out.append("")
        for (f, p), ls in sorted(missed.items()):
            locs = ", ".join("%s:%d%s" % (l["file"], l["line"], " [needs %s]" % l["needs"] if l.get("needs") else "")
                             for l in ls[:4])
            out.append("- %s / %s: %d (%s)" % (f, p, len(ls), locs))
    else:
        out.append("Missed: none.")
    if neg_files_flagged:
        out.append("")
        out.append("Flagged negatives:")
        for l in labels:
            if l["family"] == "negative" and (l["file"], l["line"]) in hits:
                out.append("- %s:%d %s (%s)" % (l["file"], l["line"], l.get("kind", ""), ", ".join(sorted(set(hits[(l["file"], l["line"])])))))
    print("\n".join(out))

    if args.check:
        ok = True
        if recall < args.min_recall:
            print("FAIL: overall recall %.1f %% is under the floor %.1f %%" % (recall, args.min_recall), file=sys.stderr)
            ok = False
        if clean_flagged > args.max_clean_flagged:
            print("FAIL: %.1f %% of negative lines flagged, over %.1f %%" % (clean_flagged, args.max_clean_flagged), file=sys.stderr)
            ok = False
        if ok:
            print("ok: recall %.1f %% >= %.1f %%, clean-flagged %.1f %% <= %.1f %%"
                  % (recall, args.min_recall, clean_flagged, args.max_clean_flagged), file=sys.stderr)
        return 0 if ok else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
