#!/usr/bin/env bash
# secrets_corpus_quality: the committed corpus is what gen_corpus.py makes
# (so its labels describe its files), and secgate-secrets finds at least
# MIN_RECALL % of its labelled secrets while flagging at most
# MAX_CLEAN_FLAGGED % of its labelled negative lines (bench/secrets/quality.py).
#   corpus_quality_test.sh SOURCE_DIR BUILD_DIR MIN_RECALL MAX_CLEAN_FLAGGED
set -euo pipefail
src=$(cd "$1" && pwd)
build=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$src/bench/secrets/gen_corpus.py" "$tmp/corpus" 2>/dev/null
if ! diff -r "$tmp/corpus" "$src/tests/corpus/secrets" >/dev/null; then
  echo "FAIL: tests/corpus/secrets differs from what bench/secrets/gen_corpus.py generates; regenerate it" >&2
  exit 1
fi
echo "ok: the corpus is gen_corpus.py's output"
bash "$src/bench/secrets/quality.sh" "$build" --check --min-recall "$3" --max-clean-flagged "$4"
