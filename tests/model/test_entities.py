"""The model classes as public API: immutable values with validated fields."""

from __future__ import annotations

import attrs
import pytest

import govplan
from govplan import (
    ChangeKind,
    Document,
    Plan,
    Quantity,
    SourceSpan,
    Target,
    Task,
    TaskForce,
    Unit,
)


def test_everything_in_all_is_importable_and_sorted() -> None:
    assert govplan.__all__ == sorted(govplan.__all__)
    for name in govplan.__all__:
        assert getattr(govplan, name) is not None


@pytest.mark.parametrize("cls", [Document, Plan, Task, Target, TaskForce, Unit, SourceSpan, Quantity, govplan.Period])
def test_model_classes_are_frozen(cls: type) -> None:
    assert attrs.has(cls)
    params = attrs.fields(cls)
    assert params  # has fields
    instance_kwargs = {
        Document: lambda: Document("d"),
        Plan: lambda: Plan("p", "d", "方案"),
        Task: lambda: Task("t", "p"),
        Target: lambda: Target("g", "p"),
        TaskForce: lambda: TaskForce("f", "p", "专班"),
        Unit: lambda: Unit("u", "区财政局"),
        SourceSpan: lambda: SourceSpan("a.txt", 1),
        Quantity: lambda: Quantity(1, "%"),
        govplan.Period: lambda: govplan.Period.of_year(2024),
    }[cls]
    obj = instance_kwargs()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(obj, params[0].name, params[0].default)


def test_source_span_validation() -> None:
    assert SourceSpan("a.txt", 3).end_line == 3
    with pytest.raises(ValueError):
        SourceSpan("a.txt", 0)
    with pytest.raises(ValueError):
        SourceSpan("a.txt", 5, 4)
    with pytest.raises(ValueError):
        SourceSpan("a.txt", True)  # type: ignore[arg-type]


def test_task_fields_validate_types() -> None:
    with pytest.raises(TypeError):
        Task("t", "p", lead=["区财政局"])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        Task("t", "p", path="一")  # a bare string is not a numbering chain
    with pytest.raises(ValueError):
        Task("", "p")
    task = Task("t", "p", path=["一", "（一）"], lead=[Unit("u", "区财政局")])
    assert task.path == ("一", "（一）")
    assert isinstance(task.lead, tuple)


def test_target_value_and_unit_come_from_quantity() -> None:
    t = Target("g", "p", metric="固定资产投资", change=ChangeKind.GROWTH, quantity=Quantity(10, "%"))
    assert (t.value, t.unit) == (10, "%")
    qualitative = Target("g2", "p", metric="营商环境", change=ChangeKind.QUALITATIVE)
    assert qualitative.value is None and qualitative.unit is None


def test_quantity_rejects_non_numbers() -> None:
    with pytest.raises(ValueError):
        Quantity("8", "%")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Quantity(float("nan"), "%")


def test_taskforce_units_are_unique() -> None:
    a, b = Unit("a", "区发展改革局"), Unit("b", "区财政局")
    tf = TaskForce("f", "p", "专班", convener=govplan.Post("区政府分管副区长"), members=[a, b], office=a)
    assert [u.id for u in tf.units] == ["a", "b"]
