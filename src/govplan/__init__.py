"""govplan: Chinese local-government action plans as typed objects in a queryable graph.

>>> import govplan
>>> str(govplan.Period.parse("2024年6月底前", year=2024))
'2024-06'
"""

from govplan.errors import (
    AmbiguousUnitError,
    DanglingReferenceError,
    DocumentReadError,
    DuplicateObjectError,
    GovplanError,
    PeriodParseError,
    QuerySyntaxError,
    SchemaVersionError,
    SerializationError,
    StrictModeError,
    UnknownUnitError,
    UnsupportedFormatError,
)
from govplan.graph import Edge, EdgeKind, PlanGraph
from govplan.io import dumps, loads
from govplan.loading import load
from govplan.model import (
    Action,
    Baseline,
    ChangeKind,
    Diagnostic,
    Direction,
    Document,
    DocumentKind,
    FileCoverage,
    Member,
    Period,
    Plan,
    PlanKind,
    Post,
    Precision,
    Quantity,
    Reference,
    Role,
    Severity,
    SourceSpan,
    Target,
    Task,
    TaskForce,
    Unit,
    UnitKind,
    UnitMention,
)

__version__ = "0.1.0"

__all__ = [
    "Action",
    "AmbiguousUnitError",
    "Baseline",
    "ChangeKind",
    "DanglingReferenceError",
    "Diagnostic",
    "Direction",
    "Document",
    "DocumentKind",
    "DocumentReadError",
    "DuplicateObjectError",
    "Edge",
    "EdgeKind",
    "FileCoverage",
    "GovplanError",
    "Member",
    "Period",
    "PeriodParseError",
    "Plan",
    "PlanGraph",
    "PlanKind",
    "Post",
    "Precision",
    "Quantity",
    "QuerySyntaxError",
    "Reference",
    "Role",
    "SchemaVersionError",
    "SerializationError",
    "Severity",
    "SourceSpan",
    "StrictModeError",
    "Target",
    "Task",
    "TaskForce",
    "Unit",
    "UnitKind",
    "UnitMention",
    "UnknownUnitError",
    "UnsupportedFormatError",
    "dumps",
    "load",
    "loads",
]
