#!/usr/bin/env python3
"""Generates benchmark inputs for secgate-secrets (seeded, reproducible).

  gen_repo.py history DIR --commits 10000   a git repo built with git fast-import:
      source-like files (Python, Go, JS, YAML) edited a few lines at a time,
      new files, renames every ~150 commits, a few large (1-3 MB) files
      edited now and then, merge commits, and a handful of synthetic
      provider-shaped secrets.
  gen_repo.py tree DIR --mb 18              a plain folder of ~18 MB of such files.
  gen_repo.py staged DIR                    a repo with a staged change of 20 files /
                                            2,000 added lines (the pre-commit case).
  gen_repo.py keywords PACK_DIR             every rule keyword of the pack, one a line.
"""
import argparse
import glob
import os
import random
import string
import subprocess
import sys

WORDS = ("user account order item price total request response handler config value "
         "result error status client server cache index token session buffer stream "
         "parser record message event update create delete fetch render build").split()


def ident(rng):
    return rng.choice(WORDS) + "_" + rng.choice(WORDS)


def code_line(rng, ext):
    a, b, c = ident(rng), ident(rng), rng.randint(0, 9999)
    if ext == "py":
        return rng.choice([f"    {a} = {b}({c})", f"def {a}({b}):", f"    return {a}.get('{b}', {c})",
                           f"    if {a} > {c}:", f"import {a}", f"    # {a} then {b}"])
    if ext == "go":
        return rng.choice([f"\t{a} := {b}({c})", f"func {a}({b} int) error {{", f"\treturn {a}, nil",
                           f"\tif {a} > {c} {{", "\t}", f"\t// {a} handles {b}"])
    if ext == "js":
        return rng.choice([f"  const {a} = {b}({c});", f"function {a}({b}) {{", f"  return {a}.{b};",
                           f"  if ({a} > {c}) {{", "  }", f"  // {a} and {b}"])
    return rng.choice([f"{a}: {c}", f"  {b}: {a}", f"# {a}", f"- name: {a}"])


def secret(rng):
    body = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(36))
    return rng.choice([f"GITHUB_TOKEN = 'ghp_{body}'",
                       f"aws_access_key_id = AKIA{''.join(rng.choice(string.ascii_uppercase + '234567') for _ in range(16))}",
                       f"STRIPE_KEY = 'sk_live_{body[:24]}'"])


def new_file(rng, n):
    ext = rng.choice(["py", "py", "go", "js", "yaml"])
    path = f"{rng.choice(['src', 'lib', 'pkg', 'app', 'internal'])}/{rng.choice(WORDS)}/{ident(rng)}_{n}.{ext}"
    return path, [code_line(rng, ext) for _ in range(rng.randint(20, 250))]


def blob(out, lines):
    data = ("\n".join(lines) + "\n").encode()
    out.write(b"data %d\n" % len(data))
    out.write(data)
    out.write(b"\n")


def history(args):
    rng = random.Random(args.seed)
    os.makedirs(args.dir, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", args.dir], check=True)
    fi = subprocess.Popen(["git", "-C", args.dir, "fast-import", "--quiet"], stdin=subprocess.PIPE)
    out = fi.stdin
    files = {}
    big = []
    secrets = 0
    t = 1600000000
    mark = 0
    side = None  # mark of the side branch's tip, merged into main later
    main_tip = 0
    for i in range(args.commits):
        t += rng.randint(60, 7200)
        ops = []
        if i < 40 or rng.random() < 0.12:
            path, lines = new_file(rng, i)
            files[path] = lines
            ops.append(("M", path))
        if i in (5, 6, 7):  # three large files
            path = f"data/large_{i}.txt"
            files[path] = [code_line(rng, "yaml") for _ in range(rng.randint(60000, 150000))]
            big.append(path)
            ops.append(("M", path))
        for _ in range(rng.randint(1, 4)):
            path = rng.choice(list(files))
            lines = files[path]
            ext = path.rsplit(".", 1)[-1]
            for _ in range(rng.randint(1, 8)):
                pos = rng.randint(0, len(lines))
                if rng.random() < 0.4 and lines:
                    lines[min(pos, len(lines) - 1)] = code_line(rng, ext)
                else:
                    lines.insert(pos, code_line(rng, ext))
            if rng.random() < 0.002:
                lines.insert(rng.randint(0, len(lines)), secret(rng))
                secrets += 1
            ops.append(("M", path))
        if big and i % 500 == 250:
            path = rng.choice(big)
            for _ in range(20):
                files[path].insert(rng.randint(0, len(files[path])), code_line(rng, "yaml"))
            ops.append(("M", path))
        if i % 150 == 149:
            old = rng.choice([p for p in files if p not in big])
            new = old.replace("/", "/moved_", 1) if "/moved_" not in old else old + ".v2"
            if new not in files:
                files[new] = files.pop(old)
                ops = [op for op in ops if op[1] != old]
                ops.append(("R", old, new))
        marks = {}
        for op in ops:
            if op[0] == "M" and op[1] in files and op[1] not in marks:
                mark += 1
                marks[op[1]] = mark
                out.write(b"blob\nmark :%d\n" % mark)
                blob(out, files[op[1]])
        mark += 1
        this = mark
        branch = "refs/heads/side" if (i % 97 in range(90, 96) and i > 100) else "refs/heads/main"
        out.write(b"commit %s\nmark :%d\n" % (branch.encode(), this))
        out.write(b"author Dev %d <dev%d@example.org> %d +0000\n" % (i % 7, i % 7, t))
        out.write(b"committer Dev %d <dev%d@example.org> %d +0000\n" % (i % 7, i % 7, t))
        msg = f"change {i}\n".encode()
        out.write(b"data %d\n%s" % (len(msg), msg))
        if branch == "refs/heads/side" and side is None and main_tip:
            out.write(b"from :%d\n" % main_tip)
        if branch == "refs/heads/main" and side is not None and i % 97 == 96:
            out.write(b"merge :%d\n" % side)
            side = None
        for op in ops:
            if op[0] == "M" and op[1] in marks:
                out.write(b"M 100644 :%d %s\n" % (marks[op[1]], op[1].encode()))
            elif op[0] == "R":
                out.write(b'R "%s" "%s"\n' % (op[1].encode(), op[2].encode()))
        out.write(b"\n")
        if branch == "refs/heads/side":
            side = this
        else:
            main_tip = this
    out.close()
    if fi.wait() != 0:
        sys.exit("fast-import failed")
    subprocess.run(["git", "-C", args.dir, "checkout", "-q", "-f", "main"], check=True)
    subprocess.run(["git", "-C", args.dir, "gc", "-q"], check=True)
    print(f"{args.commits} commits, {len(files)} files, {secrets} secrets planted")


def tree(args):
    rng = random.Random(args.seed)
    total, n = 0, 0
    while total < args.mb * 1024 * 1024:
        path, lines = new_file(rng, n)
        if rng.random() < 0.003:
            lines.insert(rng.randint(0, len(lines)), secret(rng))
        text = "\n".join(lines) + "\n"
        full = os.path.join(args.dir, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(text)
        total += len(text)
        n += 1
    print(f"{n} files, {total} bytes")


def staged(args):
    rng = random.Random(args.seed)
    os.makedirs(args.dir, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", args.dir], check=True)
    paths = []
    for n in range(400):
        path, lines = new_file(rng, n)
        full = os.path.join(args.dir, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write("\n".join(lines) + "\n")
        paths.append(path)
    env = dict(os.environ, GIT_AUTHOR_NAME="b", GIT_AUTHOR_EMAIL="b@example.org",
               GIT_COMMITTER_NAME="b", GIT_COMMITTER_EMAIL="b@example.org")
    subprocess.run(["git", "-C", args.dir, "add", "."], check=True)
    subprocess.run(["git", "-C", args.dir, "commit", "-q", "-m", "base"], check=True, env=env)
    for k, path in enumerate(rng.sample(paths, 20)):  # 20 files x 100 added lines
        full = os.path.join(args.dir, path)
        lines = open(full).read().splitlines()
        ext = path.rsplit(".", 1)[-1]
        for j in range(100):
            lines.insert(rng.randint(0, len(lines)), secret(rng) if (k, j) in ((0, 50), (7, 3)) else code_line(rng, ext))
        with open(full, "w") as f:
            f.write("\n".join(lines) + "\n")
    subprocess.run(["git", "-C", args.dir, "add", "."], check=True)
    print(subprocess.run(["git", "-C", args.dir, "diff", "--cached", "--shortstat"],
                         capture_output=True, text=True).stdout.strip())


def keywords(args):
    import yaml
    seen = set()
    for path in sorted(glob.glob(os.path.join(args.dir, "*.yaml"))):
        doc = yaml.safe_load(open(path))
        for rule in (doc or {}).get("rules", []):
            for k in rule.get("keywords", []):
                if k.lower() not in seen:
                    seen.add(k.lower())
                    print(k)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("what", choices=["history", "tree", "staged", "keywords"])
    p.add_argument("dir")
    p.add_argument("--commits", type=int, default=10000)
    p.add_argument("--mb", type=int, default=18)
    p.add_argument("--seed", type=int, default=5)
    args = p.parse_args()
    {"history": history, "tree": tree, "staged": staged, "keywords": keywords}[args.what](args)


if __name__ == "__main__":
    main()
