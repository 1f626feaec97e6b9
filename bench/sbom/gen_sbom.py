#!/usr/bin/env python3
"""Writes a seeded CycloneDX 1.6 SBOM with N components for the secgate-sbom
benchmark: every component has a purl, version, supplier, hash and a license
(mostly MIT, every 1000th GPL-3.0-only, every 97th an OR expression, every
500th nests two children), so the run exercises reading, expression parsing,
policy evaluation and bans. Usage: gen_sbom.py N OUT.json"""
import json
import random
import sys


def component(i, rng):
    if i % 1000 == 0:
        lic = [{"license": {"id": "GPL-3.0-only"}}]
    elif i % 97 == 0:
        lic = [{"expression": "(MIT OR Apache-2.0) AND BSD-3-Clause"}]
    else:
        lic = [{"license": {"id": "MIT"}}]
    version = "%d.%d.%d" % (rng.randrange(5), rng.randrange(20), rng.randrange(50))
    c = {
        "type": "library", "bom-ref": "c%d" % i, "name": "pkg-%d" % i, "version": version,
        "purl": "pkg:npm/pkg-%d@%s" % (i, version), "supplier": {"name": "vendor-%d" % (i % 50)},
        "hashes": [{"alg": "SHA-256", "content": "%064x" % rng.getrandbits(256)}],
        "licenses": lic,
    }
    if i % 500 == 0:
        c["components"] = [{"type": "library", "bom-ref": "c%d-%d" % (i, k), "name": "sub-%d-%d" % (i, k),
                            "version": "1.0.0", "licenses": [{"license": {"id": "ISC"}}]} for k in range(2)]
    return c


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(42)
    bom = {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
           "metadata": {"timestamp": "2026-01-01T00:00:00Z",
                        "tools": {"components": [{"type": "application", "name": "gen_sbom.py"}]}},
           "components": [component(i, rng) for i in range(n)]}
    with open(out, "w") as f:
        json.dump(bom, f)


if __name__ == "__main__":
    main()
