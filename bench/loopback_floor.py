#!/usr/bin/env python3
"""Issue 16, item 0: does the sandbox add a delay of its own?

Sends N sequential small GET requests over one keep-alive connection to each URL given and prints
per-request median and p99 (ms), beside the loopback floor: the same client against a raw HTTP
server in this process that answers a fixed small response with one write and TCP_NODELAY.
Prints one BENCH line per target:
  BENCH sandbox-floor <label>: N requests, median M ms, p99 P ms
Usage: python3 bench/loopback_floor.py [-n 500] LABEL=URL ...
"""
import argparse
import http.client
import socket
import statistics
import threading
import time
import urllib.parse

BODY = b'{"status":"ok"}'
RESPONSE = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(BODY)) + BODY


def raw_server():
    """A minimal keep-alive HTTP server: one thread per connection, the answer in one send."""
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)

    def serve(conn):
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        buf = b""
        with conn:
            while True:
                data = conn.recv(65536)
                if not data:
                    return
                buf += data
                while b"\r\n\r\n" in buf:  # GETs without a body: one answer per header block
                    _, buf = buf.split(b"\r\n\r\n", 1)
                    conn.sendall(RESPONSE)

    def accept():
        while True:
            conn, _ = srv.accept()
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    return f"http://127.0.0.1:{srv.getsockname()[1]}/floor"


def measure(url, n):
    u = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    path = u.path or "/"
    times = []
    for i in range(n + 20):  # the first 20 warm both ends up and are not counted
        t0 = time.perf_counter()
        conn.request("GET", path, headers={"Host": f"{u.hostname}:{u.port}"})
        r = conn.getresponse()
        r.read()
        if r.status != 200:
            raise SystemExit(f"{url} answered {r.status}")
        if i >= 20:
            times.append((time.perf_counter() - t0) * 1000)
    conn.close()
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.99))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=500)
    ap.add_argument("targets", nargs="+", help="LABEL=URL")
    a = ap.parse_args()
    targets = [("loopback floor (raw HTTP, TCP_NODELAY)", raw_server())]
    for t in a.targets:
        label, _, rest = t.partition("=http")
        targets.append((label, "http" + rest))
    for label, url in targets:
        med, p99 = measure(url, a.n)
        print(f"BENCH sandbox-floor {label}: {a.n} sequential requests, median {med:.2f} ms, p99 {p99:.2f} ms", flush=True)


if __name__ == "__main__":
    main()
