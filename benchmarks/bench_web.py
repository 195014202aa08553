"""Web benchmark: the result page for 30 ticked indicators, server time and requests a second.

Targets (issue 4), on this 2-core machine: server-time p95 under 100 ms; at least 150
requests a second. Run it on a quiet machine: it waits (up to --wait seconds) for a load
average under 0.5 and prints the load before and after.

    .venv/bin/python -m benchmarks.bench_web [--seconds 10] [--connections 8] [--check]

It starts the real service (gunicorn, production settings, its default workers) on a free
loopback port against a temporary SQLite database, makes one journey with scripts/web_load.py
(30 indicators of luton-2017 ticked), then:
1. sequential requests (one at a time): the server time of each from the service's own
   request log (`duration_ms`), and the time the client saw;
2. a load tool for a bounded time on loopback: wrk, else ab (apache2-utils), else a bounded
   Python client; requests a second, its latency percentiles, and the server time under load.
Everything is bounded in count and time and stops by itself. --check exits 1 if a target
is missed.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import web_load  # noqa: E402  (scripts/web_load.py: the journey with 30 ticked indicators)

from tests.web.live_server import collected_static_files, running_server  # noqa: E402

PATH = "/check/result/"
P95_TARGET_MS = 100.0
RPS_TARGET = 150.0
SEQUENTIAL = 300
WARM_UP = 30
MAX_SECONDS = 60
QUIET_LOAD = 0.5


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def get(base: str, cookie: str) -> tuple[int, float]:
    """One request, on a new connection (gunicorn's sync workers close each one)."""
    url = urlparse(base)
    start = time.perf_counter()
    connection = http.client.HTTPConnection(url.hostname or "127.0.0.1", url.port, timeout=10)
    try:
        connection.request("GET", PATH, headers={"Cookie": cookie})
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    elapsed = (time.perf_counter() - start) * 1000
    if response.status != 200 or b'data-level="' not in body:
        raise SystemExit(f"bench_web: {PATH} answered {response.status}, not the result page")
    return response.status, elapsed


def server_times(log: Path, since: datetime, until: datetime, expected: int) -> list[float]:
    """duration_ms of the result-page requests the service logged between two instants.

    The log is copied from gunicorn's output by a thread: wait (bounded) for the lines."""
    deadline = time.monotonic() + 10
    while True:
        times = []
        for line in log.read_text(errors="replace").splitlines():
            if not line.startswith("{"):
                continue
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if entry.get("event") != "request" or entry.get("path") != PATH:
                continue
            at = datetime.fromisoformat(entry["time"])
            if since <= at <= until:
                times.append(float(entry["duration_ms"]))
        if len(times) >= expected or time.monotonic() > deadline:
            return times
        time.sleep(0.1)


def number(pattern: str, text: str) -> float:
    found = re.search(pattern, text, flags=re.M)
    if not found:
        raise SystemExit(f"bench_web: no {pattern!r} in the load tool's output:\n{text}")
    return float(found.group(1))


def load_tool(
    base: str, cookie: str, seconds: int, connections: int, tool: str
) -> dict[str, float | str]:
    url = base + PATH
    if tool in ("auto", "wrk") and shutil.which("wrk"):
        command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
        command += ["-H", f"Cookie: {cookie}", url]
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        rps = number(r"Requests/sec:\s+([\d.]+)", out)
        total = int(number(r"(\d+) requests in", out))
        bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        errors = re.search(r"Socket errors: (.*)", out)
        result: dict[str, float | str] = {"tool": "wrk", "rps": rps, "requests": total}
        for p in ("50", "90", "99"):
            found = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)\s*$", out, flags=re.M)
            if found:
                scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[found.group(2)]
                result[f"client p{p} ms"] = float(found.group(1)) * scale
        result["non-2xx"] = int(bad.group(1)) if bad else 0
        if errors:
            result["socket errors"] = errors.group(1)
        return result
    if tool in ("auto", "ab") and shutil.which("ab"):
        command = ["ab", "-q", "-t", str(seconds), "-n", "1000000", "-c", str(connections)]
        out = subprocess.run(
            [*command, "-C", cookie, url], check=True, capture_output=True, text=True
        ).stdout
        rps = number(r"Requests per second:\s+([\d.]+)", out)
        total = int(number(r"Complete requests:\s+(\d+)", out))
        bad = re.search(r"Non-2xx responses:\s+(\d+)", out)
        result = {
            "tool": "ab",
            "rps": rps,
            "requests": total,
            "non-2xx": int(bad.group(1)) if bad else 0,
        }
        for p in ("50", "90", "95", "99"):
            found = re.search(rf"^\s+{p}%\s+(\d+)", out, flags=re.M)
            if found:
                result[f"client p{p} ms"] = float(found.group(1))
        return result
    return python_load(base, cookie, seconds, connections)


def python_load(base: str, cookie: str, seconds: int, connections: int) -> dict[str, float | str]:
    """A bounded client of our own: `connections` threads, each one request at a time."""
    stop = time.monotonic() + seconds
    latencies: list[float] = []
    lock = threading.Lock()

    def worker() -> None:
        mine = []
        while time.monotonic() < stop and len(mine) < 100_000:
            mine.append(get(base, cookie)[1])
        with lock:
            latencies.extend(mine)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    result: dict[str, float | str] = {
        "tool": "python",
        "rps": len(latencies) / elapsed,
        "requests": len(latencies),
        "non-2xx": 0,
    }
    for p in (50, 90, 95, 99):
        result[f"client p{p} ms"] = percentile(latencies, p)
    return result


def quiet_machine(wait: int) -> tuple[float, float, float]:
    """Wait (at most `wait` seconds) until the 1-minute load average is under QUIET_LOAD."""
    deadline = time.monotonic() + max(0, min(wait, 600))
    load = os.getloadavg()
    if load[0] > QUIET_LOAD and wait > 0:
        print(f"bench_web: load average {load[0]:.2f}: waiting up to {wait} s for a quiet machine")
    while load[0] > QUIET_LOAD and time.monotonic() < deadline:
        time.sleep(5)
        load = os.getloadavg()
    return load


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument(
        "--workers", type=int, default=0, help="gunicorn workers (default: its own)"
    )
    parser.add_argument("--tool", choices=["auto", "wrk", "ab", "python"], default="auto")
    parser.add_argument(
        "--wait",
        type=int,
        default=180,
        help=f"seconds to wait at most for a load average under {QUIET_LOAD} (default 180)",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args()
    seconds = max(1, min(args.seconds, MAX_SECONDS))
    if not collected_static_files().exists():
        sys.exit("bench_web: run `make web-setup` first (collected static files)")
    load = quiet_machine(args.wait)
    print(
        f"machine: {os.cpu_count()} cores, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    if load[0] > QUIET_LOAD:
        print(f"bench_web: the machine is busy (load > {QUIET_LOAD}): figures will be pessimistic")
    workers = args.workers or 2 * (os.cpu_count() or 1) + 1
    with (
        tempfile.TemporaryDirectory(prefix="righthelp-bench-web-") as folder,
        running_server(Path(folder), workers=workers, log_level="INFO") as server,
    ):
        print(f"service: gunicorn, {workers} workers, {server.url} (temporary SQLite)")
        cookie = f"righthelp_session={web_load.session(server.url)}"
        for _ in range(WARM_UP):
            get(server.url, cookie)

        since = datetime.now(UTC)
        client = [get(server.url, cookie)[1] for _ in range(SEQUENTIAL)]
        until = datetime.now(UTC)
        server_ms = server_times(server.log, since, until, SEQUENTIAL)
        p95 = percentile(server_ms, 95)
        print(
            f"sequential, {len(server_ms)} requests: server time p50 "
            f"{percentile(server_ms, 50):.1f} ms, p95 {p95:.1f} ms, p99 "
            f"{percentile(server_ms, 99):.1f} ms (target p95 < {P95_TARGET_MS:.0f} ms); "
            f"client p50 {percentile(client, 50):.1f} ms, p95 {percentile(client, 95):.1f} ms"
        )

        since = datetime.now(UTC)
        result = load_tool(server.url, cookie, seconds, args.connections, args.tool)
        until = datetime.now(UTC)
        under_load = server_times(server.log, since, until, int(result["requests"]))
        rps = float(result["rps"])
        figures = ", ".join(
            f"{k} {v:.1f}" if isinstance(v, float) else f"{k} {v}"
            for k, v in result.items()
            if k not in ("tool", "rps")
        )
        print(
            f"under load ({result['tool']}, {args.connections} connections, {seconds} s): "
            f"{rps:.1f} requests/s (target >= {RPS_TARGET:.0f}); {figures}; server time p50 "
            f"{percentile(under_load, 50):.1f} ms, p95 {percentile(under_load, 95):.1f} ms"
        )
    load = os.getloadavg()
    print(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    missed = []
    if not p95 < P95_TARGET_MS:
        missed.append(f"server-time p95 {p95:.1f} ms >= {P95_TARGET_MS:.0f} ms")
    if not rps >= RPS_TARGET:
        missed.append(f"{rps:.1f} requests/s < {RPS_TARGET:.0f}")
    if int(result.get("non-2xx", 0) or 0):
        missed.append(f"{result['non-2xx']} responses were not 2xx")
    print("targets: " + ("met" if not missed else "MISSED: " + "; ".join(missed)))
    return 1 if missed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
