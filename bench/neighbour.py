#!/usr/bin/env python3
"""neighbour.py seq|fsync|cpu DIR

Another program writing on the same file system as the spool, until killed:
  seq    a sequential writer without fsync (a backup writing its archives): 1 MB writes into
         new files of 256 MB each, the oldest of the last four removed, so that dirty pages are
         always waiting;
  fsync  a mail server delivering: 30 KB files, each written, fsynced and renamed into place,
         the oldest of the last 2,000 removed;
  cpu    a program that keeps one CPU busy and writes nothing: the share of the machine a
         writer takes apart from its writing (the seq writer keeps a CPU busy too)."""
import os
import sys


def sequential(folder):
    block = os.urandom(1 << 20)
    n = 0
    while True:
        fd = os.open(os.path.join(folder, "archive-%d" % n), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        for _ in range(256):
            os.write(fd, block)
        os.close(fd)
        if n >= 4:
            os.unlink(os.path.join(folder, "archive-%d" % (n - 4)))
        n += 1


def fsync_per_file(folder):
    body = os.urandom(30 * 1024)
    os.makedirs(os.path.join(folder, "tmp"), exist_ok=True)
    os.makedirs(os.path.join(folder, "new"), exist_ok=True)
    n = 0
    while True:
        tmp = os.path.join(folder, "tmp", "%d" % n)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.write(fd, body)
        os.fsync(fd)
        os.close(fd)
        os.rename(tmp, os.path.join(folder, "new", "%d" % n))
        if n >= 2000:
            os.unlink(os.path.join(folder, "new", "%d" % (n - 2000)))
        n += 1


def busy(_folder):
    while True:
        pass


def main():
    mode, folder = sys.argv[1], sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    {"seq": sequential, "fsync": fsync_per_file, "cpu": busy}[mode](folder)


if __name__ == "__main__":
    main()
