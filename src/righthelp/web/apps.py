"""The web app's configuration: load every pack once, before the first request."""

from __future__ import annotations

from django.apps import AppConfig


class RightHelpWebConfig(AppConfig):
    name = "righthelp.web"
    label = "righthelp_web"
    verbose_name = "RightHelp"

    def ready(self) -> None:
        from righthelp.web import packs

        packs.warm()
