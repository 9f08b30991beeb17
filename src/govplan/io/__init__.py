"""Writing graphs out and reading them back: the versioned JSON form, GraphML."""

from govplan.io.json import FORMAT_VERSION, dumps, loads, make_converter

__all__ = ["FORMAT_VERSION", "dumps", "loads", "make_converter"]
