"""Tests of the benchmark's own parts: python3 -m unittest discover -s bench/lib -v (stdlib only, loopback only).

A proxy that serialised requests, dropped keep-alive or lost a body would skew every figure of the benchmark without
failing it; a normaliser that hid a real difference would make the store comparison pass when it should not.
"""

import http.client
import http.server
import json
import socket
import threading
import time
import unittest

import latency_proxy
import store


class Upstream(http.server.BaseHTTPRequestHandler):
    """Echoes what it received as JSON; /slow waits 200 ms first."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode()
        if self.path.endswith("/slow"):
            time.sleep(0.2)
        answer = json.dumps({"method": self.command, "path": self.path, "body": body,
                             "authorization": self.headers.get("Authorization"),
                             "host": self.headers.get("Host"),
                             "api_version": self.headers.get("X-API-Version")}).encode()
        status = 404 if self.path.endswith("/missing") else 200
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    do_GET = do_POST


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ProxyTest(unittest.TestCase):
    DELAY_MS = 50

    @classmethod
    def setUpClass(cls):
        cls.upstream = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Upstream)
        cls.upstream.daemon_threads = True
        threading.Thread(target=cls.upstream.serve_forever, daemon=True).start()
        cls.proxy = latency_proxy.start(0, f"http://127.0.0.1:{cls.upstream.server_address[1]}", cls.DELAY_MS)
        cls.port = cls.proxy.server_address[1]

    @classmethod
    def tearDownClass(cls):
        for server in (cls.proxy, cls.upstream):
            server.shutdown()
            server.server_close()

    def setUp(self):
        self.proxy.counts.reset()

    def connect(self, port=None):
        connection = http.client.HTTPConnection("127.0.0.1", port or self.port, timeout=10)
        self.addCleanup(connection.close)
        return connection

    def post(self, connection, path, body=b"{}", headers=None):
        connection.request("POST", path, body=body, headers=headers or {"Content-Type": "application/json"})
        answer = connection.getresponse()
        return answer, answer.read()

    def test_forwards_method_path_body_and_headers_and_rewrites_host(self):
        connection = self.connect()
        answer, data = self.post(connection, "/v1/plans.list", b'{"include_archived":true}',
                                 {"Authorization": "Bearer am_sk_test_x", "X-API-Version": "2.3.0"})
        echoed = json.loads(data)
        self.assertEqual(answer.status, 200)
        self.assertEqual(echoed["method"], "POST")
        self.assertEqual(echoed["path"], "/v1/plans.list")
        self.assertEqual(echoed["body"], '{"include_archived":true}')
        self.assertEqual(echoed["authorization"], "Bearer am_sk_test_x")
        self.assertEqual(echoed["api_version"], "2.3.0")
        self.assertEqual(echoed["host"], f"127.0.0.1:{self.upstream.server_address[1]}")
        self.assertEqual(answer.getheader("Content-Length"), str(len(data)))

    def test_adds_the_delay_to_every_request(self):
        connection = self.connect()
        start = time.perf_counter()
        self.post(connection, "/v1/features.list")
        self.assertGreaterEqual(time.perf_counter() - start, self.DELAY_MS / 1000)

    def test_keeps_the_client_connection_alive(self):
        connection = self.connect()
        first, _ = self.post(connection, "/v1/features.list")
        self.assertFalse(first.will_close, "the proxy closes the connection after an answer")
        first_socket = connection.sock
        self.assertIsNotNone(first_socket)
        answer, _ = self.post(connection, "/v1/plans.list")
        self.assertEqual(answer.status, 200)
        self.assertIs(connection.sock, first_socket, "the second request needed a new connection")

    def test_concurrent_requests_overlap_their_delays(self):
        # Four requests to a route the upstream answers after 200 ms: at once they take about 250 ms, one after the
        # other 1 s. A proxy that serialised them would make every parallel push look slow.
        results = []

        def one():
            connection = self.connect()
            results.append(self.post(connection, "/v1/slow")[0].status)

        threads = [threading.Thread(target=one) for _ in range(4)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - start
        self.assertEqual(results, [200] * 4)
        self.assertLess(elapsed, 0.6, f"4 concurrent requests took {elapsed:.2f} s")
        self.assertEqual(self.proxy.counts.snapshot()["max_in_flight"], 4)

    def test_counts_requests_per_route_and_status_and_resets(self):
        connection = self.connect()
        self.post(connection, "/v1/plans.create")
        self.post(connection, "/v1/plans.create")
        self.post(connection, "/v1/missing")
        connection.request("GET", "/__bench/counts")
        counts = json.loads(connection.getresponse().read())
        self.assertEqual(counts["total"], 3)
        self.assertEqual(counts["routes"], {"POST /v1/missing": 1, "POST /v1/plans.create": 2})
        self.assertEqual(counts["statuses"], {"POST /v1/missing 404": 1, "POST /v1/plans.create 200": 2})
        self.assertIsNotNone(counts["first_request_at"])
        self.assertGreaterEqual(counts["last_answer_at"], counts["first_request_at"])
        self.post(connection, "/__bench/reset", b"")
        connection.request("GET", "/__bench/counts")
        self.assertEqual(json.loads(connection.getresponse().read())["total"], 0)

    def test_reads_a_chunked_request_body_whole(self):
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as s:
            s.sendall(b"POST /v1/plans.update HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                      b"Content-Type: application/json\r\n\r\n5\r\n{\"a\":\r\n3\r\n 1}\r\n0\r\n\r\n")
            answer = http.client.HTTPResponse(s)
            answer.begin()
            self.assertEqual(json.loads(answer.read())["body"], '{"a": 1}')

    def test_answers_502_when_the_upstream_is_down(self):
        proxy = latency_proxy.start(0, f"http://127.0.0.1:{free_port()}", 0)
        try:
            connection = self.connect(proxy.server_address[1])
            answer, data = self.post(connection, "/v1/features.list")
            self.assertEqual(answer.status, 502)
            self.assertIn("upstream failed", json.loads(data)["message"])
            self.assertEqual(proxy.counts.snapshot()["errors"], 1)
        finally:
            proxy.shutdown()
            proxy.server_close()


class StoreTest(unittest.TestCase):
    def plan(self, created, price_id, items, amount=10):
        return {"id": "plan_1", "version": 1, "created_at": created, "env": "sandbox",
                "price": {"amount": amount, "price_id": price_id}, "items": items}

    def test_generated_ids_timestamps_and_orders_compare_equal(self):
        a = {"features": [{"id": "b"}, {"id": "a"}],
             "plans": [self.plan(1700000000000, "price_abc", [{"feature_id": "x", "entitlement_id": "ent_1"},
                                                               {"feature_id": "y", "entitlement_id": "ent_2"}])]}
        b = {"features": [{"id": "a"}, {"id": "b"}],
             "plans": [self.plan(1800000000000, "price_xyz", [{"feature_id": "y", "entitlement_id": "ent_9"},
                                                               {"feature_id": "x", "entitlement_id": "ent_8"}])]}
        self.assertEqual(store.text(a), store.text(b))
        self.assertEqual(store.diff(store.text(a), store.text(b), "a", "b"), [])

    def test_a_changed_amount_or_env_is_a_difference(self):
        a = {"features": [], "plans": [self.plan(1, "price_a", [], amount=10)]}
        b = {"features": [], "plans": [self.plan(1, "price_a", [], amount=11)]}
        lines = store.diff(store.text(a), store.text(b), "a", "b")
        self.assertIn('-    "amount": 10,', lines)
        self.assertIn('+    "amount": 11,', lines)
        live = {"features": [], "plans": [dict(self.plan(1, "price_a", []), env="live")]}
        self.assertNotEqual(store.text(a), store.text(live))

    def test_ids_the_catalog_gives_are_kept(self):
        normalised = store.normalise({"plans": [{"id": "plan_1", "items": [{"feature_id": "feature_3"}]}]})
        self.assertEqual(normalised, {"plans": [{"id": "plan_1", "items": [{"feature_id": "feature_3"}]}]})


if __name__ == "__main__":
    unittest.main()
