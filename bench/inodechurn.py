#!/usr/bin/env python3
"""inodechurn.py DIR [N] [ROUNDS]: whether creating files costs more on the file system holding
DIR right after other files there were removed, as a running connector's own transfer and
delivery remove them while the download creates new ones.

The question comes from `perf` of a download on the steady spool, whose kernel time was mostly
ext4's inode allocator (find_get_block_common, recently_deleted: ext4 without a journal passes
over inodes freed in the last seconds). For each churn D in 0, N, 2N, 3N: creates and removes D
files, then times creating N files of 30 KB in tmp/ and renaming them into a folder (no sync:
the file work alone), removes them all, syncs and waits 31 s so that the next round starts
clean. Prints "churn seconds" per round.
"""
import os
import shutil
import sys
import time

N = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
ROUNDS = int(sys.argv[3]) if len(sys.argv) > 3 else 1
DATA = os.urandom(30000)


def create(folder, count, prefix, into=None):
    for i in range(count):
        path = os.path.join(folder, "%s%06d" % (prefix, i))
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.write(fd, DATA)
        os.close(fd)
        if into:
            os.rename(path, os.path.join(into, "%s%06d" % (prefix, i)))


def main():
    base = os.path.join(sys.argv[1], "inodechurn")
    shutil.rmtree(base, ignore_errors=True)
    tmp, folder, churn = (os.path.join(base, d) for d in ("tmp", "folder", "churn"))
    for d in (tmp, folder, churn):
        os.makedirs(d)
    os.sync()
    time.sleep(31)
    for _ in range(ROUNDS):
        for factor in (0, 1, 2, 3):
            # The stages' churn: files created in tmp/ (where the stages write theirs) and removed.
            create(tmp, factor * N, "c", into=churn)
            for f in os.listdir(churn):
                os.unlink(os.path.join(churn, f))
            t = time.monotonic()
            create(tmp, N, "m", into=folder)
            took = time.monotonic() - t
            print("%d %.2f" % (factor * N, took), flush=True)
            for f in os.listdir(folder):
                os.unlink(os.path.join(folder, f))
            os.sync()
            time.sleep(31)
    shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
