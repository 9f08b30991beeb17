"""Writing graphs out and reading them back: the versioned JSON form, GraphML."""

from govplan.io.graphml import graphml_graph, write_graphml
from govplan.io.json import FORMAT_VERSION, dumps, loads, make_converter

__all__ = ["FORMAT_VERSION", "dumps", "graphml_graph", "loads", "make_converter", "write_graphml"]
