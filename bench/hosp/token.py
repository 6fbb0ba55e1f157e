#!/usr/bin/env python3
"""Makes a throw-away RSA key, its JWK set (for the service's JWK_SET_URI) and RS256 tokens shaped like the suite's
issuer makes them (sub, scope, actor_type, organisation). Only for local benchmarks.

usage: token.py DIR  -> writes DIR/key.pem, DIR/jwks.json, DIR/token-public.txt, DIR/token-ivo.txt
"""
import base64, json, os, subprocess, sys, time, uuid

def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

def main(directory):
    key = os.path.join(directory, "key.pem")
    if not os.path.exists(key):
        subprocess.run(["openssl", "genrsa", "-out", key, "2048"], check=True, capture_output=True)
    modulus = subprocess.run(["openssl", "rsa", "-in", key, "-noout", "-modulus"], check=True,
                             capture_output=True, text=True).stdout.strip().split("=", 1)[1]
    n = int(modulus, 16).to_bytes((len(modulus) + 1) // 2, "big")
    jwks = {"keys": [{"kty": "RSA", "kid": "bench", "use": "sig", "alg": "RS256", "n": b64(n), "e": "AQAB"}]}
    with open(os.path.join(directory, "jwks.json"), "w") as out:
        json.dump(jwks, out)
    for name, actor, organisation in [("public", "PUBLIC_CARE_PROVIDER", "Region Skåne"), ("ivo", "IVO", "IVO")]:
        now = int(time.time())
        header = b64(json.dumps({"alg": "RS256", "kid": "bench", "typ": "JWT"}).encode())
        claims = b64(json.dumps({"iss": os.environ.get("ISSUER_URI", "http://localhost:8080"),
                                 "sub": "bench-" + name, "client_id": "bench-" + name, "jti": str(uuid.uuid4()),
                                 "iat": now, "exp": now + 7200, "scope": "hosp.read", "aud": ["hosp"],
                                 "actor_type": actor, "organisation": organisation}).encode())
        signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", key], input=f"{header}.{claims}".encode(),
                                   check=True, capture_output=True).stdout
        with open(os.path.join(directory, f"token-{name}.txt"), "w") as out:
            out.write(f"{header}.{claims}.{b64(signature)}")

if __name__ == "__main__":
    main(sys.argv[1])
