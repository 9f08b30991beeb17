"""Read the bundled example plan and answer a few everyday questions about it.

Run:  python examples/quickstart.py
"""

from __future__ import annotations

from pathlib import Path

import govplan

HERE = Path(__file__).resolve().parent


def main() -> None:
    g = govplan.load(HERE / "qingshan_plan.txt")
    doc = g.documents()[0]
    print(f"{doc.doc_number}  {doc.title}  ({doc.date})")
    print(f"{len(g.plans())} plans, {len(list(g.tasks()))} tasks, {len(list(g.targets()))} targets, "
          f"{len(list(g.taskforces()))} task forces, {len(g.units())} units\n")

    print("Tasks led by 区发改局? then by 区工信局 (short forms a user types):")
    for name in ("区工信局", "区财政局"):
        for task in g.tasks(led_by=name):
            due = task.deadline or "no deadline"
            print(f"  [{name}] {' '.join(task.path)} {task.title or task.text[:24]}  due {due}  ({task.source})")

    print("\nDue by the end of 2024-12:")
    for task in g.tasks(due="2024-12"):
        leads = "、".join(u.name for u in task.lead) or "—"
        print(f"  {task.deadline}  {task.title or task.text[:24]}  lead: {leads}")

    print("\nTargets for 2024:")
    for target in g.targets(due="2024-12"):
        print(f"  {target.metric}: {target.text}  ({target.deadline})")

    print("\nTask forces 区财政局 belongs to:")
    for tf in g.taskforces():
        if any(u.name == "区财政局" for u in tf.members):
            print(f"  {tf.name} (office: {tf.office.name if tf.office else '—'})")

    if g.diagnostics():
        print(f"\n{len(g.diagnostics())} diagnostics:")
        for d in g.diagnostics():
            print(f"  {d}")


if __name__ == "__main__":
    main()
