"""Framework packs: the schema, loading and validation of threshold documents as data."""

from righthelp.framework.loader import PackError, load_all_packs, load_pack, pack_ids
from righthelp.framework.schema import Indicator, Level, Pack

__all__ = ["Indicator", "Level", "Pack", "PackError", "load_all_packs", "load_pack", "pack_ids"]
