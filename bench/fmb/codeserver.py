#!/usr/bin/env python3
"""Benchmark helper: a stand-in code server answering FHIR CodeSystem/$validate-code.

Usage: codeserver.py PORT CODES_FILE
A code is valid when it is in CODES_FILE (with or without dot); every other code is not. Each call is counted;
GET /calls answers how many $validate-code calls were made (to see whether FMB's cache works).
"""
import json, sys, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse, parse_qs

known = set()
with open(sys.argv[2]) as f:
    for line in f:
        code = line.strip()
        if code:
            known.add(code.replace(".", ""))
calls = 0
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        global calls
        url = urlparse(self.path)
        if url.path == "/calls":
            body = str(calls).encode()
        elif url.path == "/fhir/CodeSystem/$validate-code":
            with lock:
                calls += 1
            code = parse_qs(url.query).get("code", [""])[0]
            valid = code.replace(".", "") in known
            body = json.dumps({"resourceType": "Parameters",
                               "parameter": [{"name": "result", "valueBoolean": valid}]}).encode()
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/fhir+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("localhost", int(sys.argv[1])), Handler).serve_forever()
