#!/usr/bin/env python3
"""An OTLP/HTTP sink on 127.0.0.1 for the load benchmark with metrics on (METRICS=on): accepts every
export with 200 and counts, per path, the exports and those that carry the library's validation
counter, so that the run shows the metrics were really exported. Usage: otlp-sink.py PORT COUNTS_FILE"""
import http.server
import sys

PORT, COUNTS = int(sys.argv[1]), sys.argv[2]
counts = {}


class Sink(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        exports, with_counter = counts.get(self.path, (0, 0))
        counts[self.path] = (exports + 1, with_counter + (b"oauth1.validation.requests" in body))
        with open(COUNTS, "w") as out:
            for path, (n, c) in sorted(counts.items()):
                out.write(f"{path}\t{n} exports\t{c} with oauth1.validation.requests\n")
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


http.server.HTTPServer(("127.0.0.1", PORT), Sink).serve_forever()
