#!/usr/bin/env python3
"""Benchmark helper: a stand-in JWK set (the gateway's issuer is not needed) and tokens signed with it.

Usage: jwks.py serve PORT KEYFILE     serve the public key at http://localhost:PORT/jwks
       jwks.py token KEYFILE SCOPE... print a bearer token (iss http://localhost:8080)
Start fmb-service with JWK_SET_URI=http://localhost:PORT/jwks.
"""
import json, os, sys, time, uuid
from http.server import BaseHTTPRequestHandler, HTTPServer
import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa


def load_key(path):
    if not os.path.exists(path):
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        with open(path, "wb") as f:
            f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption()))
    with open(path, "rb") as f:
        return serialization.load_pem_private_key(f.read(), password=None)


def jwk(key):
    public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    public.update({"kid": "bench", "use": "sig", "alg": "RS256"})
    return {"keys": [public]}


if sys.argv[1] == "serve":
    body = json.dumps(jwk(load_key(sys.argv[3]))).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    HTTPServer(("localhost", int(sys.argv[2])), Handler).serve_forever()
else:
    key = load_key(sys.argv[2])
    now = int(time.time())
    claims = {"iss": "http://localhost:8080", "sub": "bench", "client_id": "bench", "aud": ["fmb"], "iat": now,
              "exp": now + 7200,
              "jti": str(uuid.uuid4()), "scope": " ".join(sys.argv[3:])}
    print(jwt.encode(claims, key, algorithm="RS256", headers={"kid": "bench"}))
