#!/usr/bin/env python3
"""Generate a large Trivy JSON report by replicating a real one (seeded).

Stresses the streaming reader: many Results, each with the template's
vulnerabilities; package names get a per-copy suffix so every finding stays
distinct after dedup (the finding count grows linearly with the size).

  gen_trivy.py TEMPLATE.json OUT.json SIZE_MB [--seed N]
"""
import argparse
import copy
import json
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("template")
    ap.add_argument("out")
    ap.add_argument("size_mb", type=float)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with open(args.template, encoding="utf-8") as f:
        base = json.load(f)
    results = [r for r in base.get("Results", []) if r.get("Vulnerabilities")]
    if not results:
        raise SystemExit("template has no vulnerabilities")
    target = int(args.size_mb * 1024 * 1024)
    head = copy.deepcopy(base)
    head["Results"] = []
    # Write {"...": ..., "Results": [ r1, r2, ... ] } incrementally.
    text = json.dumps(head, indent=2)
    cut = text.rindex('"Results": []')
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(text[:cut] + '"Results": [\n')
        written, n = 0, 0
        while written < target:
            r = copy.deepcopy(rng.choice(results))
            r["Target"] = "%s #%d" % (r.get("Target", "target"), n)
            for v in r["Vulnerabilities"]:
                v["PkgName"] = "%s-%d" % (v["PkgName"], n)
                v["InstalledVersion"] = "%s.%d" % (v.get("InstalledVersion", "0"), rng.randint(0, 9))
                purl = (v.get("PkgIdentifier") or {}).get("PURL")
                if purl:  # keep the purl consistent with the renamed package
                    base_purl = purl.split("@")[0].rsplit("/", 1)[0]
                    v["PkgIdentifier"]["PURL"] = "%s/%s@%s" % (base_purl, v["PkgName"],
                                                             v["InstalledVersion"])
            chunk = (",\n" if n else "") + json.dumps(r, indent=2)
            out.write(chunk)
            written += len(chunk)
            n += 1
        out.write("\n]" + text[cut + len('"Results": []'):])


if __name__ == "__main__":
    main()
