#!/usr/bin/env python3
"""A small HTTP/1.1 reverse proxy for the push benchmark: adds a fixed delay to every request and counts requests.

    python3 latency_proxy.py --listen 18090 --upstream http://127.0.0.1:18091 --delay-ms 50

Every request is held for --delay-ms before it is forwarded, on its own thread, so concurrent requests overlap their
delays as they would over a real network (a push at parallelism 4 sees 4 requests in flight, not a queue). Client
connections are kept alive (HTTP/1.1, Content-Length on every answer); each forwarded request opens its own upstream
connection, so restarting the upstream between runs never leaves a stale pooled connection behind.

Control routes, answered at once, never forwarded nor counted:
    GET  /__bench/counts   {"total": N, "routes": {"POST /v1/plans.create": N}, "statuses": {"POST /v1/plans.create 200": N},
                            "errors": N, "max_in_flight": N,
                            "first_request_at": epoch s or null, "last_answer_at": epoch s or null}
    POST /__bench/reset    zeroes the counts

Stdlib only. Prints "listening on PORT" once the socket is bound; exits 3 with a clear message when the port is taken.
"""

import argparse
import http.client
import http.server
import json
import socket
import sys
import threading
import time
import urllib.parse

# Hop-by-hop headers (RFC 9110 7.6.1) are about one connection, never forwarded; Host is set for the upstream.
HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "host",
    "content-length",
}


class Counts:
    """Requests per route and per route and status, thread-safe."""

    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        with self.lock:
            self.routes = {}
            self.statuses = {}
            self.total = 0
            self.errors = 0
            self.in_flight = 0
            self.max_in_flight = 0
            self.first_request_at = None
            self.last_answer_at = None

    def started(self):
        with self.lock:
            if self.first_request_at is None:
                self.first_request_at = time.time()
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def finished(self, route, status):
        with self.lock:
            self.last_answer_at = time.time()
            self.in_flight -= 1
            self.total += 1
            self.routes[route] = self.routes.get(route, 0) + 1
            key = f"{route} {status}"
            self.statuses[key] = self.statuses.get(key, 0) + 1
            if status == "error":
                self.errors += 1

    def snapshot(self):
        with self.lock:
            return {
                "total": self.total,
                "routes": dict(sorted(self.routes.items())),
                "statuses": dict(sorted(self.statuses.items())),
                "errors": self.errors,
                "max_in_flight": self.max_in_flight,
                "first_request_at": self.first_request_at,
                "last_answer_at": self.last_answer_at,
            }


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: every answer carries Content-Length
    server_version = "bench-latency-proxy"

    def log_message(self, format, *args):  # one line per request would cost more than the proxy's own work
        pass

    def do_GET(self):
        self.handle_any()

    def do_POST(self):
        self.handle_any()

    def do_PUT(self):
        self.handle_any()

    def do_PATCH(self):
        self.handle_any()

    def do_DELETE(self):
        self.handle_any()

    def read_body(self):
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            body = bytearray()
            while True:
                size_line = self.rfile.readline(65537)
                size = int(size_line.split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    return bytes(body)
                body += self.rfile.read(size)
                self.rfile.readline(65537)  # CRLF after the chunk
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def reply(self, status, body, headers=(), reason=None):
        self.send_response(status, reason)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def handle_any(self):
        body = self.read_body()
        path = self.path
        if path.startswith("/__bench/"):
            self.control(path)
            return
        config = self.server.config
        route = f"{self.command} {urllib.parse.urlsplit(path).path}"
        counts = self.server.counts
        counts.started()
        status = "error"
        try:
            time.sleep(config.delay)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
            upstream = http.client.HTTPConnection(config.upstream_host, config.upstream_port, timeout=config.timeout)
            try:
                headers["Host"] = f"{config.upstream_host}:{config.upstream_port}"
                upstream.request(self.command, config.upstream_prefix + path, body=body, headers=headers)
                answer = upstream.getresponse()
                data = answer.read()
                forwarded = [
                    (k, v) for k, v in answer.getheaders() if k.lower() not in HOP_BY_HOP | {"date", "server"}
                ]
                status = answer.status
            finally:
                upstream.close()
        except Exception as e:  # the upstream is down or broke the exchange: say so, as a gateway would
            message = json.dumps({"message": f"bench proxy: upstream failed: {e!r}", "code": "bench_proxy"}).encode()
            counts.finished(route, "error")
            self.reply(502, message, [("Content-Type", "application/json")])
            return
        counts.finished(route, status)
        self.reply(status, data, forwarded, answer.reason)

    def control(self, path):
        counts = self.server.counts
        if path == "/__bench/counts":
            self.reply(200, json.dumps(counts.snapshot()).encode(), [("Content-Type", "application/json")])
        elif path == "/__bench/reset" and self.command == "POST":
            counts.reset()
            self.reply(200, b'{"reset": true}', [("Content-Type", "application/json")])
        else:
            self.reply(404, b'{"message": "unknown control route"}', [("Content-Type", "application/json")])


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128
    allow_reuse_address = True  # SO_REUSEADDR: rebinding over TIME_WAIT, never over a live listener


class Config:
    def __init__(self, upstream, delay_ms, timeout):
        parts = urllib.parse.urlsplit(upstream)
        if parts.scheme != "http" or not parts.hostname:
            raise SystemExit(f"--upstream must be http://host:port[/prefix], was {upstream!r}")
        self.upstream_host = parts.hostname
        self.upstream_port = parts.port or 80
        self.upstream_prefix = parts.path.rstrip("/")
        self.delay = delay_ms / 1000.0
        self.timeout = timeout


def start(port, upstream, delay_ms, timeout=300.0, host="127.0.0.1"):
    """Starts a proxy on a daemon thread (for tests); returns the server, whose server_address has the port."""
    server = Server((host, port), Handler)
    server.config = Config(upstream, delay_ms, timeout)
    server.counts = Counts()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--listen", type=int, required=True, help="port on 127.0.0.1 (0: any free port)")
    parser.add_argument("--upstream", required=True, help="http://127.0.0.1:PORT of the server")
    parser.add_argument("--delay-ms", type=float, default=50.0)
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for the upstream's answer")
    args = parser.parse_args()
    try:
        server = Server(("127.0.0.1", args.listen), Handler)
    except OSError as e:
        print(f"bench proxy: cannot listen on 127.0.0.1:{args.listen}: {e.strerror} (is the port taken?)",
              file=sys.stderr)
        sys.exit(3)
    server.config = Config(args.upstream, args.delay_ms, args.timeout)
    server.counts = Counts()
    print(f"listening on {server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
