#!/usr/bin/env bash
# Posts secgate's pull-request comment, or updates the one it posted before
# (found by a hidden HTML marker), through the GitHub REST API. Used by
# action.yml (input `comment`). Without permission to comment (a fork's pull
# request gets a read-only token) it writes the comment to the step summary
# instead and says why. It never fails the step: the gate's exit code does.
#   pr-comment.sh BODY_FILE [MARKER]
# Environment: SECGATE_TOKEN, GITHUB_API_URL, GITHUB_REPOSITORY,
# GITHUB_EVENT_PATH (a pull_request event), GITHUB_STEP_SUMMARY.
# The token is passed to curl in a header file, never on a command line,
# and never printed.
set -uo pipefail
body_file=$1
marker=${2:-<!-- secgate-pr-comment -->}
limit=65536  # GitHub's limit on a comment body, in characters

note() { echo "secgate: $*" >&2; }
to_summary() {  # to_summary REASON: the comment goes to the step summary instead
  echo "::warning title=secgate::$1; the comment is in the step summary"
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    { printf '> secgate could not post its pull-request comment: %s.\n\n' "$1"; cat "$body"; printf '\n'; } \
      >> "$GITHUB_STEP_SUMMARY"
  fi
  exit 0
}

number=$(jq -r '.pull_request.number // empty' "${GITHUB_EVENT_PATH:-/dev/null}" 2>/dev/null)
if [ -z "$number" ]; then note "not a pull request event: no comment"; exit 0; fi
[ -s "$body_file" ] || { note "no comment body at $body_file"; exit 0; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
body=$tmp/body.md
# The marker first, so the next run finds this comment; cut to the limit.
{ grep -qF -- "$marker" "$body_file" || printf '%s\n' "$marker"; cat "$body_file"; } > "$body"
if [ "$(wc -m < "$body")" -gt "$limit" ]; then
  cut_note=$'\n\n… cut at GitHub'"'"$'s comment limit; the step summary has the whole report.\n'
  python3 -c 'import sys; t = open(sys.argv[1], encoding="utf-8").read(); open(sys.argv[1], "w", encoding="utf-8").write(t[:int(sys.argv[2])] + sys.argv[3])' \
    "$body" $((limit - ${#cut_note})) "$cut_note"
fi

umask 077
headers=$tmp/headers
printf 'Authorization: Bearer %s\nAccept: application/vnd.github+json\nX-GitHub-Api-Version: 2022-11-28\n' \
  "${SECGATE_TOKEN:-}" > "$headers"
api=${GITHUB_API_URL:-https://api.github.com}/repos/$GITHUB_REPOSITORY

# call METHOD URL [DATA_FILE]: sets $status; the response is in $tmp/response.
call() {
  local args=(-sS -o "$tmp/response" -w '%{http_code}' -H @"$headers" -X "$1" "$2")
  [ $# -lt 3 ] || args+=(-H 'Content-Type: application/json' --data-binary @"$3")
  status=$(curl "${args[@]}" 2>"$tmp/curl.err") || status=000
}
check() {  # check WHAT: stop (to the summary) unless the last call succeeded
  case "$status" in
    2??) return 0 ;;
    401|403|404) to_summary "$1 returned HTTP $status (the token may not write to pull requests: a fork's pull request gets a read-only token; give the job 'permissions: pull-requests: write')" ;;
    000) to_summary "$1 failed: $(head -c 200 "$tmp/curl.err")" ;;
    *) to_summary "$1 returned HTTP $status" ;;
  esac
}

id=""
for page in $(seq 1 30); do  # at most 3,000 comments are searched
  call GET "$api/issues/$number/comments?per_page=100&page=$page"
  check "listing the pull request's comments"
  # Ours only: a bot's comment that starts with the marker. Anyone can post
  # a comment quoting the marker; updating theirs would fail (403) or worse.
  id=$(jq -r --arg m "$marker" '[.[] | select(.user.type == "Bot" and ((.body // "") | startswith($m)))][0].id // empty' \
       "$tmp/response")
  [ -z "$id" ] || break
  [ "$(jq 'length' "$tmp/response")" -eq 100 ] || break
done

jq -n --rawfile b "$body" '{body: $b}' > "$tmp/payload.json"
if [ -n "$id" ]; then
  call PATCH "$api/issues/comments/$id" "$tmp/payload.json"
  check "updating comment $id"
  note "updated the pull-request comment ($id)"
else
  call POST "$api/issues/$number/comments" "$tmp/payload.json"
  check "creating the pull-request comment"
  note "posted the pull-request comment ($(jq -r '.id // "?"' "$tmp/response"))"
fi
