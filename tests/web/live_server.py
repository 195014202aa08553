"""Run the real web service for browser tests and the web benchmark: gunicorn with the
production settings (DEBUG off, strict CSP, hashed static files from `make web-setup`) on a
free loopback port, against a temporary SQLite database that is migrated first.

    with running_server(tmp_dir) as server:
        urllib.request.urlopen(server.url + "/healthz")

The server is ready when gunicorn's `when_ready` hook prints its line (no polling); its
standard output and error go to `server.log` for a failing test to show.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READY = "RightHelp is running at"
STARTUP_SECONDS = 90


@dataclass(frozen=True)
class Server:
    url: str
    log: Path
    process: subprocess.Popen[str]

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def collected_static_files() -> Path:
    """Where `make web-setup` collects the static files the production settings serve."""
    var = Path(os.environ.get("RIGHTHELP_VAR_DIR") or ROOT / "var")
    return var / "staticfiles" / "staticfiles.json"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_env(folder: Path, port: int, workers: int, log_level: str) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("SECRET_KEY_FILE", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "DEBUG"):
        env.pop(name, None)
    env.update(
        DJANGO_SETTINGS_MODULE="righthelp.web.settings",
        SECRET_KEY="live-server-tests-only-secret-key-0123456789-abcdefghijklmnop",
        DATABASE_URL=f"sqlite:///{folder / 'righthelp.sqlite3'}",
        SECURE_COOKIES="0",  # plain HTTP on loopback
        SECURE_SSL_REDIRECT="0",
        BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY=str(workers),
        LOG_LEVEL=log_level,
        PYTHONUNBUFFERED="1",
    )
    return env


@contextmanager
def running_server(folder: Path, workers: int = 2, log_level: str = "WARNING") -> Iterator[Server]:
    """Start gunicorn on a free loopback port; stop it (and wait for it) on exit."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = server_env(folder, port, workers, log_level)
    log = folder / "server.log"
    with log.open("w") as out:
        subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "migrate", "--noinput", "--verbosity", "0"],
            env=env,
            cwd=ROOT,
            check=True,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    command = [sys.executable, "-m", "gunicorn", "--config", "python:righthelp.web.gunicorn_conf"]
    process = subprocess.Popen(
        [*command, "righthelp.web.wsgi"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
    )
    ready = threading.Event()  # set when gunicorn says it is ready, or its output ends
    started: list[bool] = []

    def pump() -> None:  # copy gunicorn's output to the log; note when it is ready
        assert process.stdout is not None
        with log.open("a") as out:
            for line in process.stdout:
                out.write(line)
                out.flush()
                if READY in line and not started:
                    started.append(True)
                    ready.set()
        ready.set()

    reader = threading.Thread(target=pump, name="live-server-log", daemon=True)
    reader.start()
    server = Server(url=f"http://127.0.0.1:{port}", log=log, process=process)
    try:
        ready.wait(STARTUP_SECONDS)
        if not started or process.poll() is not None:
            raise RuntimeError(f"the web service did not start:\n{server.log_tail()}")
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        reader.join(timeout=10)
