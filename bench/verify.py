#!/usr/bin/env python3
"""verify.py CORPUS_DIR DELIVERED_DIR...

Checks that the delivered messages (Maildir new/ and cur/, or a spool folder's *.eml) are the
corpus messages, each exactly once by Message-ID, each ending with the original message byte
for byte (line ends compared as LF; a tool may only prepend header lines such as Received:).
Prints "ok N" or the problems, exit status 0 or 1."""
import os
import re
import sys

MID = re.compile(rb"^Message-ID:\s*(<[^>]+>)", re.I | re.M)


def messages(path):
    dirs = [os.path.join(path, d) for d in ("new", "cur")] if os.path.isdir(os.path.join(path, "new")) else [path]
    for d in dirs:
        if not os.path.isdir(d):
            continue
        for name in os.listdir(d):
            if name.endswith(".meta") or name.startswith("."):
                continue
            with open(os.path.join(d, name), "rb") as fh:
                yield name, fh.read().replace(b"\r\n", b"\n")


def message_id(m):
    header = m.split(b"\n\n", 1)[0]
    found = MID.findall(header)
    return found[-1] if found else None


def main():
    corpus = {message_id(m): m for _, m in messages(sys.argv[1])}
    seen, problems = set(), []
    for path in sys.argv[2:]:
        for name, m in messages(path):
            mid = message_id(m)
            if mid not in corpus:
                problems.append(f"{name}: not in the corpus")
            elif mid in seen:
                problems.append(f"{name}: {mid.decode()} twice")
            elif not m.rstrip(b"\n").endswith(corpus[mid].rstrip(b"\n")):
                problems.append(f"{name}: differs from the original {mid.decode()}")
            seen.add(mid)
    missing = len(corpus) - len(seen & corpus.keys())
    if missing:
        problems.append(f"{missing} of {len(corpus)} messages missing")
    if problems:
        print("\n".join(problems[:20]))
        sys.exit(1)
    print(f"ok {len(seen)}")


if __name__ == "__main__":
    main()
