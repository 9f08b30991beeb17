"""Questions about a plan graph: composable queries, a text query language, exports.

Start from a graph (``g.tasks()``, ``g.targets()``, ``g.taskforces()``) and refine::

    g.tasks().led_by("区发改局").due("2024-12")
    g.tasks().involving("区财政局").in_action("项目攻坚").order_by("deadline")
    g.targets().metric("社会消费品零售总额").group_by("jurisdiction")
    g.query("lead:区发改局 due:2024-12 action:项目攻坚")

Queries are immutable and lazy; answers come from the graph's indexes.
"""

from govplan.query.analysis import compare_targets, implementing, rank_units
from govplan.query.core import Query, TargetQuery, TaskForceQuery, TaskQuery
from govplan.query.language import FIELDS, ParsedQuery, Term, parse
from govplan.query.records import COLUMNS, record
from govplan.query.render import MissingDependencyError

__all__ = [
    "COLUMNS",
    "FIELDS",
    "MissingDependencyError",
    "ParsedQuery",
    "Query",
    "TargetQuery",
    "TaskForceQuery",
    "TaskQuery",
    "Term",
    "compare_targets",
    "implementing",
    "parse",
    "rank_units",
    "record",
]
