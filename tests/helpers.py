"""Helpers for parametrising tests over the embedded packs."""

from __future__ import annotations

from righthelp.framework.loader import get_pack, pack_ids
from righthelp.framework.schema import Pack


def embedded_packs() -> list[Pack]:
    return [get_pack(pack_id) for pack_id in pack_ids()]


def indicator_packs() -> list[Pack]:
    return [pack for pack in embedded_packs() if pack.has_indicator_tables]
