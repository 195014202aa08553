"""Load-test the result page on loopback: a journey with 30 ticked indicators, then
`ab` (apache2-utils) or `wrk` against /check/result/ for a bounded time.

Usage: start the service (`make run`), then
    .venv/bin/python scripts/web_load.py [--base http://127.0.0.1:8000] [--seconds 15]

Only loopback addresses are accepted. Targets (issue #4): p95 under 100 ms server time and
at least 150 requests a second on the 2-core machine. Server time per request is in the
service's JSON log (`duration_ms`); this prints what the load tool measured.
`python -m benchmarks.bench_web` wraps this journey: it starts its own server, waits for a
quiet machine and prints the server-time percentiles from that log with the load figures.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import re
import shutil
import subprocess
import sys
import urllib.parse
import urllib.request
from urllib.parse import urlparse

from righthelp.framework.loader import get_pack

PACK = "luton-2017"


def session(base: str) -> str:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def post(path: str, data: dict[str, object]) -> str:
        page = opener.open(base + path).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, f"no CSRF token on {path}"
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token.group(1)}, doseq=True)
        return str(opener.open(urllib.request.Request(base + path, body.encode())).read().decode())

    ids = [i.id for i in get_pack(PACK).indicators][::10][:30]
    post("/check/about/", {"partnership": PACK, "age": "9", "consent": "unknown"})
    post("/check/concern/", {"indicators": ids, "action": "continue", "shown_query": ""})
    result = post("/check/answers/", {})
    level = re.search(r'data-level="(\w+)"', result)
    print(f"journey: {len(ids)} indicators of {PACK}, level {level.group(1) if level else '?'}")
    return next(c.value for c in jar if c.name == "righthelp_session" and c.value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    host = urlparse(args.base).hostname or ""
    if not (host == "localhost" or host.startswith("127.") or host == "::1"):
        sys.exit("web_load: loopback addresses only")
    seconds = max(1, min(args.seconds, 120))
    cookie = f"righthelp_session={session(args.base)}"
    url = f"{args.base}/check/result/"
    if shutil.which("ab"):
        command = ["ab", "-q", "-t", str(seconds), "-n", "1000000", "-c", str(args.connections)]
        command += ["-C", cookie, url]
    elif shutil.which("wrk"):
        command = ["wrk", "-t2", f"-c{args.connections}", f"-d{seconds}s", "--latency"]
        command += ["-H", f"Cookie: {cookie}", url]
    else:
        sys.exit("web_load: install apache2-utils (ab) or wrk")
    print(" ".join([*command[:-3], "<cookie>", url]), flush=True)
    subprocess.run(command, check=True)


if __name__ == "__main__":
    main()
