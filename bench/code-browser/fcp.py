#!/usr/bin/env python3
"""First contentful paint of the code browser's pages in headless Chromium, from the browser's own navigation
timing (PerformanceObserver 'paint' entries), talking the WebDriver protocol to chromedriver with the standard library
only. Each page is loaded RUNS times in a fresh tab after one warm-up load; prints median and worst per page.

    BASE=http://localhost:8080 bench/code-browser/fcp.py
"""
import json
import os
import statistics
import subprocess
import time
import urllib.request

BASE = os.environ.get("BASE", "http://localhost:8080")
RUNS = int(os.environ.get("RUNS", "10"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
PORT = int(os.environ.get("CHROMEDRIVER_PORT", "9515"))
PAGES = ["/codes/", "/codes/search?q=hj%C3%A4rtinfarkt", "/codes/icd-10-se/I21", "/codes/icd-10-se?open=I21",
         "/codes/icd-10-se/diff?from=2021&to=2022"]


def call(method, path, body=None):
    request = urllib.request.Request(f"http://localhost:{PORT}{path}", method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())["value"]


def main():
    driver = subprocess.Popen([CHROMEDRIVER, f"--port={PORT}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(50):
            try:
                call("GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        session = call("POST", "/session", {"capabilities": {"alwaysMatch": {"goog:chromeOptions": {
            "binary": CHROMIUM, "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                         "--disable-background-networking", "--window-size=1280,900"]}}}})["sessionId"]
        # the paint entry may come after the load event: wait for it (buffered observer), at most 5 s
        script = ("var done = arguments[arguments.length - 1];"
                  "var nav = performance.getEntriesByType('navigation')[0];"
                  "new PerformanceObserver(function (list) {"
                  "  var fcp = list.getEntriesByName('first-contentful-paint')[0];"
                  "  if (fcp) { done([fcp.startTime, nav.responseStart]); }"
                  "}).observe({ type: 'paint', buffered: true });"
                  "setTimeout(function () { done([-1, nav.responseStart]); }, 5000);")
        try:
            for page in PAGES:
                call("POST", f"/session/{session}/url", {"url": BASE + page})  # warm-up
                figures = []
                for _ in range(RUNS):
                    call("POST", f"/session/{session}/url", {"url": "about:blank"})
                    call("POST", f"/session/{session}/url", {"url": BASE + page})
                    figures.append(call("POST", f"/session/{session}/execute/async", {"script": script, "args": []}))
                fcps = [f[0] for f in figures]
                if min(fcps) < 0:
                    print(f"{page}: no first-contentful-paint entry within 5 s in {fcps.count(-1)} of {RUNS} loads")
                    fcps = [f for f in fcps if f >= 0] or [-1]
                ttfb = [f[1] for f in figures]
                print(f"{page}: first contentful paint median {statistics.median(fcps):.0f} ms, worst {max(fcps):.0f} ms"
                      f" (time to first byte median {statistics.median(ttfb):.0f} ms, {RUNS} loads)")
        finally:
            call("DELETE", f"/session/{session}")
    finally:
        driver.terminate()


if __name__ == "__main__":
    main()
