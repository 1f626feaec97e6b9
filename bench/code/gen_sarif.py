#!/usr/bin/env python3
"""Writes a SARIF 2.1.0 log of about SIZE_MB megabytes for the secgate-code
benchmark: one run, 300 rules in the driver (CodeQL-like: help text, tags,
security-severity on some), results with a message, one location with a
snippet, partialFingerprints, and a short code flow, so the bytes per result
resemble what static analysers write. Levels and rule references vary
(ruleIndex, ruleId only, level absent). Deterministic for a seed.

  gen_sarif.py OUT SIZE_MB [--seed N]
"""
import argparse
import json
import random


def rule(i, rng):
    r = {
        "id": f"bench/rule-{i:03d}",
        "name": f"BenchRule{i}",
        "shortDescription": {"text": f"Synthetic rule {i}"},
        "fullDescription": {"text": "A generated rule used to measure secgate-code. " * 4},
        "helpUri": f"https://example.invalid/rules/{i}",
        "help": {"text": "Explains the rule. " * 30, "markdown": "# Rule\n" + "Explains it. " * 30},
        "defaultConfiguration": {"level": rng.choice(["error", "warning", "note"])},
        "properties": {"tags": ["security", f"external/cwe/cwe-{rng.randint(1, 999)}"],
                       "precision": "high"},
    }
    if i % 3 == 0:
        r["properties"]["security-severity"] = f"{rng.uniform(0.1, 10):.1f}"
    return r


def result(n, rng, rules):
    i = rng.randrange(len(rules))
    path = f"src/module{rng.randrange(2000)}/file{rng.randrange(50)}.py"
    line = rng.randint(1, 4000)
    res = {
        "ruleId": rules[i]["id"],
        "message": {"text": f"Value from [user input](1) reaches a sink at line {line}: "
                            + "tainted data flows into a dangerous call. " * rng.randint(1, 3)},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": path, "uriBaseId": "%SRCROOT%", "index": n % 5000},
            "region": {"startLine": line, "startColumn": 5, "endColumn": 40,
                       "snippet": {"text": "    cursor.execute(query % user_value)\n"}}}}],
        "partialFingerprints": {"primaryLocationLineHash": f"{rng.getrandbits(64):016x}:1"},
        "codeFlows": [{"threadFlows": [{"locations": [
            {"location": {"physicalLocation": {"artifactLocation": {"uri": path},
                                               "region": {"startLine": max(1, line - k)}},
                          "message": {"text": "step"}}} for k in range(3)]}]}],
    }
    if n % 2:
        res["ruleIndex"] = i
    if n % 5:
        res["level"] = rng.choice(["error", "warning", "note"])
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("size_mb", type=float)
    ap.add_argument("--seed", type=int, default=17)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    rules = [rule(i, rng) for i in range(300)]
    head = {"version": "2.1.0", "$schema": "https://json.schemastore.org/sarif-2.1.0.json"}
    target = int(a.size_mb * 1024 * 1024)
    with open(a.out, "w") as f:
        text = json.dumps(head, indent=2)[:-2]
        f.write(text + ',\n  "runs": [\n    {\n      "tool": ')
        f.write(json.dumps({"driver": {"name": "BenchScanner", "version": "1.0.0",
                                       "rules": rules}}, indent=2).replace("\n", "\n      "))
        f.write(',\n      "originalUriBaseIds": {"%SRCROOT%": {"uri": "file:///checkout/app/"}}')
        f.write(',\n      "results": [\n')
        written, n = f.tell(), 0
        while written < target:
            chunk = json.dumps(result(n, rng, rules), indent=2).replace("\n", "\n        ")
            f.write(("        " if n == 0 else ",\n        ") + chunk)
            written += len(chunk) + 10
            n += 1
        f.write("\n      ]\n    }\n  ]\n}\n")


if __name__ == "__main__":
    main()
