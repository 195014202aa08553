"""Set up the web service: build its static files, collect them, and migrate the database.

Run by `make web-setup` (after the venv and `npm ci`), from the repository root:
1. var/ (git-ignored by its own .gitignore) holds everything made here;
2. the stylesheet is compiled from src/righthelp/web/assets/scss with Sass, against the
   GOV.UK Frontend installed by npm; GOV.UK Frontend's JavaScript and images are copied;
3. a secret key for local runs is made once (var/secret_key), unless SECRET_KEY is set;
4. collectstatic (hashed, compressed, served by WhiteNoise), migrate, clearsessions.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = Path(os.environ.get("RIGHTHELP_VAR_DIR") or ROOT / "var")
BUILD = VAR / "static-build"
GOVUK = ROOT / "node_modules" / "govuk-frontend" / "dist" / "govuk"
SASS = ROOT / "node_modules" / ".bin" / "sass"
WEB = ROOT / "src" / "righthelp" / "web"
SCSS = WEB / "assets" / "scss" / "app.scss"
STAMP = VAR / ".static-inputs"  # a digest of what the static files are built from


def step(message: str) -> None:
    print(f"web-setup: {message}", flush=True)


def prepare_var() -> None:
    VAR.mkdir(parents=True, exist_ok=True)
    ignore = VAR / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# made by scripts/web_setup.py: nothing here belongs in git\n*\n")


def build_assets() -> None:
    if not GOVUK.is_dir() or not SASS.exists():
        sys.exit("web-setup: node_modules is missing: run `npm ci` (make web-setup does)")
    step("compiling the stylesheet (Sass, GOV.UK Frontend)")
    out = BUILD / "righthelp" / "app.css"
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            str(SASS),
            f"--load-path={ROOT / 'node_modules'}",
            "--no-source-map",
            "--style=compressed",
            "--quiet-deps",
            str(SCSS),
            str(out),
        ],
        check=True,
    )
    step("copying GOV.UK Frontend's JavaScript and assets")
    target = BUILD / "govuk"
    if target.exists():
        shutil.rmtree(target)
    (target / "assets").mkdir(parents=True)
    for name in ("govuk-frontend.min.js", "govuk-frontend.min.js.map"):
        shutil.copy2(GOVUK / name, target / name)
    shutil.copytree(GOVUK / "assets" / "images", target / "assets" / "images")
    shutil.copy2(GOVUK / "assets" / "manifest.json", target / "assets" / "manifest.json")


def static_inputs() -> str:
    """A digest of every file the static files are built from."""
    digest = hashlib.sha256()
    files = [ROOT / "package-lock.json", Path(__file__).resolve()]
    for folder in (WEB / "assets", WEB / "static"):
        files += sorted(p for p in folder.rglob("*") if p.is_file())
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def secret_key() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "righthelp.web.settings")
    if env.get("SECRET_KEY") or env.get("SECRET_KEY_FILE"):
        return env
    key = VAR / "secret_key"
    if not key.exists():
        step("making a secret key for local runs (var/secret_key)")
        key.write_text(secrets.token_urlsafe(50))
        key.chmod(0o600)
    env["SECRET_KEY_FILE"] = str(key)
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], check=True, env=env)


def main() -> None:
    prepare_var()
    env = secret_key()
    inputs = static_inputs()
    built = (VAR / "staticfiles" / "staticfiles.json").exists()
    if built and STAMP.exists() and STAMP.read_text() == inputs:
        step("static files are up to date")
    else:
        build_assets()
        step("collecting static files")
        manage(env, "collectstatic", "--noinput", "--clear", "--verbosity", "0")
        STAMP.write_text(inputs)
    step("migrating the database")
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "clearsessions")
    step("done")


if __name__ == "__main__":
    main()
