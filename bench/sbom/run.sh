#!/bin/sh
# secgate-sbom benchmark: a generated CycloneDX SBOM with 100,000 components
# (seeded, see gen_sbom.py) gated end to end (read, parse every license
# expression, evaluate allow/deny and bans, write the JSON report).
# Budget (issue 7): under 1 s. Prints the finding count next to the timing so
# a fast wrong answer is caught: expect 100 violations (every 1000th
# component is GPL-3.0-only) and 1 banned component.
#
#   bench/sbom/run.sh [BUILD_DIR]      (default: build)
set -eu
build=${1:-build}
bin=$build/bin/secgate-sbom
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$(dirname "$0")/gen_sbom.py" 100000 "$work/bom.json"
cat > "$work/secgate.yaml" <<'YAML'
sbom:
  licenses:
    deny: [GPL-3.0-only, AGPL-3.0-or-later]
    unknown: fail
  banned:
    - pkg:npm/pkg-4242@vers:npm/>=0.0.0|<9.0.0
  require:
    component: [name, version, purl, supplier, license, hashes]
    document: [timestamp, author]
YAML
ls -l "$work/bom.json" | awk '{print "input bytes:", $5}'
"$bin" --policy "$work/secgate.yaml" --today 2026-11-01 --quiet \
  --report "json=$work/out.json" "$work/bom.json" || true
python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['summary']; print('findings:', s['findings'], 'violations:', s['violations'])" "$work/out.json"
hyperfine --warmup 2 --runs 10 -i \
  "$bin --policy $work/secgate.yaml --today 2026-11-01 --quiet --report json=$work/out.json $work/bom.json"
