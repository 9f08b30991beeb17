"""The plan graph: every object a node, every relation a typed edge."""

from govplan.graph.edges import Edge, EdgeKind
from govplan.graph.plangraph import PlanGraph

__all__ = ["Edge", "EdgeKind", "PlanGraph"]
