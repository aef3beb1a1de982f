#!/usr/bin/env python3
"""synclatency.py DIR [COUNT]

What one commit costs on the file system holding DIR, whatever program makes it: COUNT times
(default 40) a 30 KB file is written and fdatasynced, and separately 64 such files are written
and made durable by one syncfs; prints the median of each in milliseconds. Run it with and
without a neighbour (bench/neighbour.py) to see what the neighbour adds to anyone's sync."""
import ctypes
import os
import statistics
import sys
import time

libc = ctypes.CDLL("libc.so.6", use_errno=True)


def main():
    folder = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    os.makedirs(folder, exist_ok=True)
    body = os.urandom(30 * 1024)
    single, batch = [], []
    for i in range(count):
        path = os.path.join(folder, "probe-%d" % i)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.write(fd, body)
        t = time.monotonic()
        os.fdatasync(fd)
        single.append(time.monotonic() - t)
        os.close(fd)
        os.unlink(path)
    for i in range(max(count // 8, 3)):
        paths = [os.path.join(folder, "batch-%d" % j) for j in range(64)]
        for p in paths:
            fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.write(fd, body)
            os.close(fd)
        t = time.monotonic()
        fd = os.open(folder, os.O_RDONLY)
        libc.syncfs(fd)
        os.close(fd)
        batch.append(time.monotonic() - t)
        for p in paths:
            os.unlink(p)
    print("fdatasync_30k_ms %.1f" % (1000 * statistics.median(single)))
    print("syncfs_64x30k_ms %.1f" % (1000 * statistics.median(batch)))


if __name__ == "__main__":
    main()
