#!/usr/bin/env bash
# scripts/pr-comment.sh (action.yml's `comment`) against a fake GitHub REST
# API on 127.0.0.1 that keeps comments in memory and records every request:
# the first run creates the comment, the second updates that same comment
# (never a second one), a read-only token (403) puts the comment in the step
# summary and still exits 0, an over-long body is cut under the limit, and
# the token never appears in any output.
#   pr_comment_test.sh SOURCE_DIR BIN_DIR
set -uo pipefail
src=$(cd "$1" && pwd)
bin=$(cd "$2" && pwd)
scratch=$(mktemp -d)
server_pid=""
trap '[ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null; rm -rf "$scratch"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

cat > "$scratch/server.py" <<'PY'
import json, sys, threading
from http.server import BaseHTTPRequestHandler, HTTPServer
# A person's comment quoting the marker is there first: it is not ours to update.
state = {"comments": [{"id": 1, "body": "<!-- secgate-pr-comment --> quoted by a reviewer",
                       "user": {"login": "mallory", "type": "User"}}], "next": 100}
log = open(sys.argv[1], "a")
mode_file = sys.argv[2]
class H(BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def reply(self, code, obj):
        data = json.dumps(obj).encode()
        self.send_response(code); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data))); self.end_headers(); self.wfile.write(data)
    def record(self, body):
        log.write(json.dumps({"method": self.command, "path": self.path,
                              "auth": self.headers.get("Authorization", ""), "body": body}) + "\n")
        log.flush()
    def handle_any(self):
        n = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(n)) if n else None
        self.record(body)
        if open(mode_file).read().strip() == "readonly" and self.command != "GET":
            return self.reply(403, {"message": "Resource not accessible by integration"})
        if self.headers.get("Authorization") != "Bearer " + sys.argv[3]:
            return self.reply(401, {"message": "Bad credentials"})
        path = self.path.split("?")[0]
        if self.command == "GET" and path == "/repos/o/r/issues/7/comments":
            page = int(self.path.split("page=")[-1]) if "page=" in self.path else 1
            return self.reply(200, state["comments"] if page == 1 else [])
        if self.command == "POST" and path == "/repos/o/r/issues/7/comments":
            c = {"id": state["next"], "body": body["body"],
                 "user": {"login": "github-actions[bot]", "type": "Bot"}}; state["next"] += 1
            state["comments"].append(c); return self.reply(201, c)
        if self.command == "PATCH" and path.startswith("/repos/o/r/issues/comments/"):
            cid = int(path.rsplit("/", 1)[1])
            for c in state["comments"]:
                if c["id"] == cid:
                    c["body"] = body["body"]; return self.reply(200, c)
            return self.reply(404, {"message": "Not Found"})
        self.reply(404, {"message": "Not Found"})
    do_GET = do_POST = do_PATCH = handle_any
srv = HTTPServer(("127.0.0.1", 0), H)
open(sys.argv[4], "w").write(str(srv.server_address[1]))
srv.serve_forever()
PY
token="ghs_FAKE_TOKEN_SENTINEL_0123456789"
echo normal > "$scratch/mode"
python3 "$scratch/server.py" "$scratch/requests.jsonl" "$scratch/mode" "$token" "$scratch/port" &
server_pid=$!
for _ in $(seq 50); do [ -s "$scratch/port" ] && break; sleep 0.1; done
[ -s "$scratch/port" ] || { echo "FAIL: fake API did not start" >&2; exit 1; }
export GITHUB_API_URL="http://127.0.0.1:$(cat "$scratch/port")" GITHUB_REPOSITORY=o/r
export SECGATE_TOKEN=$token GITHUB_STEP_SUMMARY="$scratch/summary.md"
echo '{"pull_request": {"number": 7}}' > "$scratch/event.json"
export GITHUB_EVENT_PATH="$scratch/event.json"

# A real comment body: the diff of two real verdicts.
cp "$src/tests/fixtures/vuln/trivy/alpine-39.json" "$scratch/v1.json"
python3 - "$scratch/v1.json" "$scratch/v2.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for res in r["Results"]:
    res["Vulnerabilities"] = [v for v in res.get("Vulnerabilities", []) if not v["PkgName"].startswith("musl")]
json.dump(r, open(sys.argv[2], "w"))
PY
(cd "$scratch" && "$bin/secgate-vuln" --quiet --no-github --report json=base.json v1.json; \
                  "$bin/secgate-vuln" --quiet --no-github --report json=head.json v2.json; \
                  "$bin/secgate-waivers" diff --format markdown -o comment.md --base head.json --head base.json)
[ "$?" = 1 ] || fail "the diff of a downgrade should exit 1"
grep -q '2 new violations' "$scratch/comment.md" || fail "no headline in the comment body"

post() { bash "$src/scripts/pr-comment.sh" "$@" >"$scratch/out" 2>&1; code=$?; cat "$scratch/out" >> "$scratch/all-output"; }
requests() { jq -rs "$1" "$scratch/requests.jsonl"; }

post "$scratch/comment.md"
[ "$code" = 0 ] || fail "create: exit $code: $(cat "$scratch/out")"
[ "$(requests '[.[] | select(.method == "POST")] | length')" = 1 ] && ok "first run creates the comment" || fail "no POST"
requests '[.[] | select(.method == "POST")][0].body.body' | grep -qF '<!-- secgate-pr-comment -->' \
  || fail "created comment lacks the marker"
[ "$(requests '[.[] | select(.auth != "Bearer '"$token"'")] | length')" = 0 ] || fail "a request without the token"

sed 's/2 new violations/2 new violations (updated)/' "$scratch/comment.md" > "$scratch/comment2.md"
post "$scratch/comment2.md"
[ "$code" = 0 ] || fail "update: exit $code"
[ "$(requests '[.[] | select(.method == "POST")] | length')" = 1 ] || fail "second run posted a second comment"
[ "$(requests '[.[] | select(.method == "PATCH")][0].path')" = /repos/o/r/issues/comments/100 ] \
  && ok "second run updates the same comment" || fail "no PATCH of comment 100"
requests '[.[] | select(.method == "PATCH")][0].body.body' | grep -qF '(updated)' || fail "PATCH without the new body"

# A body without the marker gets it; a body over the limit is cut below it.
python3 -c 'print("| row |" * 20000)' > "$scratch/huge.md"
post "$scratch/huge.md" "<!-- secgate-pr-comment:vuln -->"
len=$(requests '[.[] | select(.method == "POST")][-1].body.body | length')
[ "$len" -le 65536 ] && [ "$len" -gt 60000 ] && ok "an over-long body is cut to $len characters" || fail "body length $len"
requests '[.[] | select(.method == "POST")][-1].body.body' > "$scratch/huge-posted.md"
[ "$(head -n 1 "$scratch/huge-posted.md")" = '<!-- secgate-pr-comment:vuln -->' ] || fail "marker not prepended"

# action.yml's own run step, as the runner runs it: gate waivers with
# `diff` and comment: true updates the same comment through this script.
python3 - "$src/action.yml" "$scratch/run.sh" <<'PY'
import sys, yaml
steps = yaml.safe_load(open(sys.argv[1]))["runs"]["steps"]
open(sys.argv[2], "w").write([s for s in steps if s.get("id") == "run"][0]["run"])
PY
mkdir -p "$scratch/runner"
(cd "$scratch" && GATE=waivers ARGS="diff --base head.json --head base.json" POLICY="" WAIVERS="" \
   SARIF="" COMMENT=true ACTION_PATH="$src" BIN="$bin" RUNNER_TEMP="$scratch/runner" \
   GITHUB_OUTPUT="$scratch/runner/output" bash -e run.sh) > "$scratch/out" 2>&1
code=$?
cat "$scratch/out" >> "$scratch/all-output"
[ "$code" = 1 ] || fail "action step: exit $code, expected the diff's 1: $(tail -3 "$scratch/out")"
[ "$(requests '[.[] | select(.method == "PATCH")] | length')" = 2 ] \
  && [ "$(requests '[.[] | select(.method == "PATCH")][-1].path')" = /repos/o/r/issues/comments/100 ] \
  && ok "the action's step updates the same comment" || fail "the action step did not update comment 100"

echo readonly > "$scratch/mode"
: > "$scratch/summary.md"
post "$scratch/comment.md"
[ "$code" = 0 ] || fail "read-only token: exit $code (must not fail the step)"
grep -q 'HTTP 403' "$scratch/out" && grep -q '::warning' "$scratch/out" || fail "no warning naming the 403"
grep -q 'HTTP 403' "$scratch/summary.md" && grep -q '2 new violations' "$scratch/summary.md" \
  && ok "a read-only token puts the comment in the step summary" || fail "summary lacks the comment"

echo normal > "$scratch/mode"
echo '{"push": {}}' > "$scratch/push.json"
GITHUB_EVENT_PATH="$scratch/push.json" post "$scratch/comment.md"
[ "$code" = 0 ] && grep -q 'not a pull request' "$scratch/out" && ok "no comment outside pull requests" \
  || fail "push event: $(cat "$scratch/out")"

if grep -qF "$token" "$scratch/all-output" "$scratch/summary.md"; then fail "the token was printed"; else ok "the token never appears in any output"; fi
[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
echo "pr-comment.sh creates, updates in place and falls back as documented"
