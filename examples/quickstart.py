"""Read the bundled example plan and answer everyday questions about it.

Run:  bash scripts/example.sh     (or, with govplan installed: python examples/quickstart.py)
"""

from __future__ import annotations

from pathlib import Path

import govplan
from govplan.query import rank_units

EXAMPLE = Path(__file__).resolve().parent / "qingshan_plan.txt"


def main() -> None:
    g = govplan.load(EXAMPLE)
    doc = g.documents()[0]
    print(f"{doc.doc_number}  {doc.title}  ({doc.date}, {doc.jurisdiction})")
    print(f"  {len(g.plans())} plans, {len(g.tasks())} tasks, {len(g.targets())} targets, "
          f"{len(g.taskforces())} task forces, {len(g.units())} units\n")

    print("Which tasks does 区工信局 lead?  (the plan prints 区工业和信息化局)")
    for task in g.tasks().led_by("区工信局"):
        print(f"  {' '.join(task.path):12} {task.title or task.text[:20]:12} due {task.deadline or '—':8} "
              f"line {task.source.line}")

    print("\nWhat must be done by the end of 2024-12?")
    for task in g.tasks().due_by("2024-12").order_by("deadline"):
        leads = "、".join(u.name for u in task.lead) or "—"
        print(f"  {task.deadline!s:8} {task.title or task.text[:20]:24} lead: {leads}")

    print("\nWhich tasks have no deadline at all?")
    print("  " + "; ".join(t.title or t.text[:16] for t in g.tasks().no_deadline()))

    print("\nTargets due by the end of 2024:")
    for target in g.targets().due_by("2024"):
        print(f"  {target.metric}: {target.text}  ({target.deadline})")

    print("\nWhich task forces is 区财政局 in?")
    for tf in g.taskforces().involving("区财政局"):
        print(f"  {tf.name} (office: {tf.office.name if tf.office else '—'})")

    print("\nWho leads most?")
    for unit, count in rank_units(g, "lead", top=3):
        print(f"  {unit.name}: {count}")

    print("\nThe same question in the text query language:  lead:区商务局 due:2024")
    for task in g.query("lead:区商务局 due:2024"):
        print(f"  {task.title or task.text[:20]} ({task.deadline})")

    if g.diagnostics():
        print(f"\n{len(g.diagnostics())} diagnostics:")
        for d in g.diagnostics():
            print(f"  {d}")


if __name__ == "__main__":
    main()
