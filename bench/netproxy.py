#!/usr/bin/env python3
"""netproxy.py RTT_MS MBIT LISTEN_HOST:PORT[,LISTEN_HOST:PORT...] TARGET_HOST:PORT

A wide-area link on loopback: every connection accepted on a LISTEN address is forwarded to
TARGET with RTT_MS/2 of delay each way and at most MBIT megabits a second each way, per
connection (a provider's server 20-100 ms away behind a 50 Mbit/s share). Bytes keep their order;
the delay is applied to each chunk from the moment it was read, so a pipelined stream sees the
delay once, not once per chunk, as on a real link. Runs until killed."""
import asyncio
import sys
import time

CHUNK = 64 * 1024


async def pump(reader, writer, delay, rate):
    """Copies reader to writer, each chunk released `delay` seconds after it arrived, at most
    `rate` bytes a second."""
    queue = asyncio.Queue()

    async def read():
        while True:
            data = await reader.read(CHUNK)
            await queue.put((time.monotonic(), data))
            if not data:
                return

    async def write():
        sent_until = time.monotonic()  # when the link is free again
        while True:
            arrived, data = await queue.get()
            if not data:
                try:
                    writer.write_eof()
                except OSError:
                    pass
                return
            release = max(arrived + delay, sent_until)
            sent_until = release + len(data) / rate
            wait = sent_until - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            writer.write(data)
            await writer.drain()

    await asyncio.gather(read(), write())


async def serve(listen, target, delay, rate):
    host, port = target.rsplit(":", 1)

    async def handle(client_reader, client_writer):
        try:
            server_reader, server_writer = await asyncio.open_connection(host, int(port))
        except OSError:
            client_writer.close()
            return
        try:
            await asyncio.gather(pump(client_reader, server_writer, delay, rate),
                                 pump(server_reader, client_writer, delay, rate))
        except (ConnectionError, OSError):
            pass
        finally:
            client_writer.close()
            server_writer.close()

    lhost, lport = listen.rsplit(":", 1)
    server = await asyncio.start_server(handle, lhost, int(lport), limit=CHUNK)
    await server.serve_forever()


async def main():
    rtt_ms, mbit = float(sys.argv[1]), float(sys.argv[2])
    delay, rate = rtt_ms / 2000.0, mbit * 1e6 / 8
    await asyncio.gather(*(serve(l, sys.argv[4], delay, rate) for l in sys.argv[3].split(",")))


if __name__ == "__main__":
    asyncio.run(main())
