"""Static files and set-up: our own sources exist, and, once `make web-setup` has run, the
collected files include the compiled GOV.UK stylesheet without the GOV.UK-only font."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.conf import settings

WEB = Path(__file__).resolve().parents[2] / "src" / "righthelp" / "web"
COLLECTED = Path(settings.VAR_DIR) / "staticfiles"  # where `make web-setup` collects


def test_static_sources_exist() -> None:
    for name in ("js-enabled.js", "app.js", "favicon.svg"):
        assert (WEB / "static" / "righthelp" / name).is_file()
    assert (WEB / "assets" / "scss" / "app.scss").is_file()


def test_javascript_is_progressive_enhancement_only() -> None:
    app = (WEB / "static" / "righthelp" / "app.js").read_text()
    assert 'import { initAll } from "../govuk/govuk-frontend.min.js"' in app
    assert "eval(" not in app and "innerHTML" not in app


@pytest.mark.skipif(
    not (COLLECTED / "staticfiles.json").exists(), reason="run `make web-setup` first"
)
def test_collected_static_files() -> None:
    manifest = json.loads((COLLECTED / "staticfiles.json").read_text())["paths"]
    for name in (
        "righthelp/app.css",
        "righthelp/app.js",
        "righthelp/js-enabled.js",
        "govuk/govuk-frontend.min.js",
    ):
        assert name in manifest
    css = (COLLECTED / manifest["righthelp/app.css"]).read_text()
    assert "govuk-button" in css and "app-emergency-banner" in css
    assert "GDS Transport" not in css  # RightHelp is not on GOV.UK: system fonts
    assert "@media print" in css


def test_gunicorn_config_binds_loopback_by_default() -> None:
    from righthelp.web import gunicorn_conf

    assert gunicorn_conf.bind == "127.0.0.1:8000"
    assert gunicorn_conf.preload_app is True
    assert gunicorn_conf.workers >= 2
