"""The typed domain model: value classes for plans and everything in them."""

from govplan.model.coverage import FileCoverage
from govplan.model.diagnostics import Diagnostic, Severity
from govplan.model.entities import (
    Action,
    ChangeKind,
    Direction,
    Document,
    DocumentKind,
    Member,
    Plan,
    PlanKind,
    Post,
    Reference,
    Role,
    Target,
    Task,
    TaskForce,
    Unit,
    UnitKind,
    UnitMention,
)
from govplan.model.period import Period, Precision
from govplan.model.quantity import Baseline, Quantity
from govplan.model.source import SourceSpan

__all__ = [
    "Action",
    "Baseline",
    "ChangeKind",
    "Diagnostic",
    "Direction",
    "Document",
    "DocumentKind",
    "FileCoverage",
    "Member",
    "Period",
    "Plan",
    "PlanKind",
    "Post",
    "Precision",
    "Quantity",
    "Reference",
    "Role",
    "Severity",
    "SourceSpan",
    "Target",
    "Task",
    "TaskForce",
    "Unit",
    "UnitKind",
    "UnitMention",
]
