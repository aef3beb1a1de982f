#!/usr/bin/env python3
"""raw_pop3.py PORT USER PASSWORD [USER...]

The physical limit of a POP3 download on this machine: logs in, sends every RETR at once (a
writer thread), reads the replies and throws the bytes away, sends every DELE at once, QUITs.
No parsing beyond counting terminators, no storage, no durability. Several users (same
password) are retrieved at once, one connection each. A USER written USER@HOST:PORT is
retrieved from there instead of 127.0.0.1:PORT (mailboxes behind bench/netproxy.py); with
RAW_TLS_CA=ca.pem every connection is POP3S, the server checked against that CA."""
import os
import socket
import ssl
import sys
import threading


def retrieve(port, user, password):
    host = "127.0.0.1"
    if "@" in user:
        user, where = user.split("@", 1)
        host, port = where.rsplit(":", 1)
        port = int(port)
    s = socket.create_connection((host, port))
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    if os.environ.get("RAW_TLS_CA"):
        s = ssl.create_default_context(cafile=os.environ["RAW_TLS_CA"]).wrap_socket(
            s, server_hostname=host)
    plain = not os.environ.get("RAW_TLS_CA")
    f = s.makefile("rb", buffering=1 << 20)

    def command(line):
        s.sendall(line.encode() + b"\r\n")
        reply = f.readline()
        if not reply.startswith(b"+OK"):
            sys.exit(f"{line.split()[0]}: {reply!r}")
        return reply

    f.readline()
    command(f"USER {user}")
    command(f"PASS {password}")
    count = int(command("STAT").split()[1])
    retr = b"".join(b"RETR %d\r\n" % i for i in range(1, count + 1))
    # An SSL socket is not written and read from two threads at once: the commands (a few
    # bytes each) go out first and wait in the socket buffers.
    writer = threading.Thread(target=lambda: s.sendall(retr if plain else b""))
    if not plain:
        s.sendall(retr)
    writer.start()
    tail = b""
    done = 0
    while done < count:
        chunk = f.read1(1 << 20)
        if not chunk:
            sys.exit("connection closed")
        data = tail + chunk
        done += data.count(b"\r\n.\r\n")
        tail = data[-4:]
    writer.join()
    s.sendall(b"".join(b"DELE %d\r\n" % i for i in range(1, count + 1)))
    for _ in range(count):
        f.readline()
    command("QUIT")
    print(f"{user}: {count} messages")


def main():
    port, password = int(sys.argv[1]), sys.argv[3]
    users = [sys.argv[2]] + sys.argv[4:]
    threads = [threading.Thread(target=retrieve, args=(port, u, password)) for u in users]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


if __name__ == "__main__":
    main()
