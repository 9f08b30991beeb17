"""Indexes a plan graph keeps as objects are added, so queries never scan the graph."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from govplan.model import Period, Role, Target, Task, TaskForce, Unit
from govplan.units import canonical_key, clean_name

__all__ = ["Indexes"]

_NO_DEADLINE = "none"
_ONGOING = "ongoing"


def month_key(period: Period | None) -> tuple[int, int] | str:
    """The index key of a deadline: its end (year, month), ``ongoing`` or ``none``."""
    if period is None:
        return _NO_DEADLINE
    end = period.end_month
    return _ONGOING if end is None else end


class Indexes:
    """Id lists per key, each in the order objects were added (source order)."""

    def __init__(self) -> None:
        self.tasks_by_unit: dict[Role, defaultdict[str, list[str]]] = {
            Role.LEAD: defaultdict(list),
            Role.SUPPORT: defaultdict(list),
        }
        self.tasks_by_month: defaultdict[Any, list[str]] = defaultdict(list)
        self.targets_by_month: defaultdict[Any, list[str]] = defaultdict(list)
        self.tasks_by_plan: defaultdict[str, list[str]] = defaultdict(list)
        self.tasks_by_action: defaultdict[str, list[str]] = defaultdict(list)
        self.children: defaultdict[str, list[str]] = defaultdict(list)
        self.targets_by_owner: defaultdict[str, list[str]] = defaultdict(list)
        self.plans_by_document: defaultdict[str, list[str]] = defaultdict(list)
        self.taskforces_by_unit: defaultdict[str, list[str]] = defaultdict(list)
        self.units_by_name: defaultdict[str, list[str]] = defaultdict(list)
        self.units_by_key: defaultdict[str, list[str]] = defaultdict(list)
        self.documents_by_number: dict[str, str] = {}

    def add_task(self, task: Task) -> None:
        for role, units in ((Role.LEAD, task.lead), (Role.SUPPORT, task.support)):
            index = self.tasks_by_unit[role]
            for unit_id in dict.fromkeys(u.id for u in units):
                index[unit_id].append(task.id)
        self.tasks_by_month[month_key(task.deadline)].append(task.id)
        self.tasks_by_plan[task.plan_id].append(task.id)
        if task.action_id:
            self.tasks_by_action[task.action_id].append(task.id)
        if task.parent_id:
            self.children[task.parent_id].append(task.id)

    def add_target(self, target: Target) -> None:
        self.targets_by_month[month_key(target.deadline)].append(target.id)
        for owner in {target.plan_id, target.action_id, target.task_id} - {None}:
            self.targets_by_owner[owner].append(target.id)  # type: ignore[index]

    def add_taskforce(self, taskforce: TaskForce) -> None:
        for unit in taskforce.units:
            self.taskforces_by_unit[unit.id].append(taskforce.id)

    def add_unit(self, unit: Unit) -> None:
        for name in unit.names:
            for table, key in ((self.units_by_name, clean_name(name)), (self.units_by_key, canonical_key(name))):
                ids = table[key]
                if unit.id not in ids:
                    ids.append(unit.id)

    def unit_ids(self, name: str) -> list[str]:
        """Ids of the units *name* denotes: exact written forms first, then canonical forms."""
        exact = self.units_by_name.get(clean_name(name))
        if exact:
            return list(exact)
        return list(self.units_by_key.get(canonical_key(name), ()))
