#!/usr/bin/env python3
"""raw_lmtp.py PORT RECIPIENT MAILDIR [CONNECTIONS]

The physical limit of LMTP delivery into this Dovecot: every message of MAILDIR/new sent as fast
as the server takes it (each transaction pipelined, CONNECTIONS at once), no spool, no files
of our own. What the connector's dispatch stage can at best approach."""
import os
import socket
import sys
import threading


def deliver(port, rcpt, files):
    s = socket.create_connection(("127.0.0.1", port))
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    f = s.makefile("rb")

    def reply():
        while True:
            line = f.readline()
            if line[3:4] != b"-":
                return line

    reply()
    s.sendall(b"LHLO bench\r\n")
    reply()
    for path in files:
        with open(path, "rb") as fh:
            data = fh.read().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
        body = b"".join((b"." + l if l.startswith(b".") else l) for l in data.splitlines(keepends=True))
        s.sendall(b"MAIL FROM:<bench@example>\r\nRCPT TO:<%s>\r\nDATA\r\n" % rcpt.encode())
        for _ in range(3):
            reply()
        s.sendall(body + b".\r\n")
        if not reply().startswith(b"250"):
            sys.exit("rejected")
    s.sendall(b"QUIT\r\n")


def main():
    port, rcpt, maildir = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    files = sorted(os.path.join(maildir, "new", x) for x in os.listdir(os.path.join(maildir, "new")))
    threads = [threading.Thread(target=deliver, args=(port, rcpt, files[i::n])) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"{len(files)} messages")


if __name__ == "__main__":
    main()
