#!/usr/bin/env python3
"""filecost.py DIR [RUNS]: what a second file a message costs on the file system holding DIR.

Writes 5,000 messages of 30 KB the way the download commits them (files in tmp/, one syncfs a
batch of 256, renamed into a folder, the folder fsynced), then removes them as transfer does,
RUNS times (default 3) for each layout, alternating:
  two-files     each message and a 200-byte sidecar beside it
  empty-sidecar the same with an empty sidecar: the cost is the file, not its bytes
  one-file      the sidecar at the top of the message file
Prints "layout run seconds". On a long-lived ext4 each file created, renamed and removed costs
about 0.1 ms, whatever its size."""
import ctypes
import os
import sys
import time

libc = ctypes.CDLL(None, use_errno=True)
N = 5000
DATA = os.urandom(30000)


def syncfs(fd):
    if libc.syncfs(fd) != 0:
        raise OSError(ctypes.get_errno(), "syncfs")


def run(base, sidecar):
    tmp, inc = os.path.join(base, "tmp"), os.path.join(base, "inc")
    for d in (tmp, inc):
        os.makedirs(d, exist_ok=True)
    root = os.open(base, os.O_RDONLY)
    t = time.time()
    batch = []
    for i in range(N):
        name = "m%06d" % i
        batch.append(name)
        files = [(name + ".eml", DATA)] + ([(name + ".meta", sidecar)] if sidecar is not None else [])
        for f, data in files:
            fd = os.open(os.path.join(tmp, f), os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            os.write(fd, data)
            os.close(fd)
        if len(batch) == 256 or i == N - 1:
            syncfs(root)
            for m in batch:
                if sidecar is not None:
                    os.rename(os.path.join(tmp, m + ".meta"), os.path.join(inc, m + ".meta"))
                os.rename(os.path.join(tmp, m + ".eml"), os.path.join(inc, m + ".eml"))
            d = os.open(inc, os.O_RDONLY)
            os.fsync(d)
            os.close(d)
            batch = []
    elapsed = time.time() - t
    for f in os.listdir(inc):
        os.unlink(os.path.join(inc, f))
    syncfs(root)
    os.close(root)
    return elapsed


def main():
    base = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    os.makedirs(base, exist_ok=True)
    layouts = [("two-files", b"x" * 200), ("empty-sidecar", b""), ("one-file", None)]
    for r in range(1, runs + 1):
        for name, sidecar in layouts:
            print(f"{name} {r} {run(base, sidecar):.2f}", flush=True)


if __name__ == "__main__":
    main()
