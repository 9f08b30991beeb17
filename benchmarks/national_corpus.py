"""A synthetic national corpus with the shape of the real one, for benchmarks.

Every jurisdiction (区, 县, 市) issues one plan notice: an overall plan and one
attachment plan per action, a task force per action, a few targets, and tasks,
each with one lead unit and three supporting units from the jurisdiction's own
units, and a month deadline spread over 36 months.  Unit workloads are skewed
the way real ones are (a few bureaus lead most tasks).  Everything is
deterministic for a given seed.

    python benchmarks/national_corpus.py --tasks 1000 -o small.json   # a small saved graph
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from typing import Any

from govplan import (
    Action,
    ChangeKind,
    Document,
    Period,
    Plan,
    PlanKind,
    Post,
    Quantity,
    Reference,
    SourceSpan,
    Target,
    Task,
    TaskForce,
    Unit,
)

__all__ = ["DEPARTMENTS", "corpus", "jurisdictions"]

# Departments as a county-level government prints them: full name and the short form.
DEPARTMENTS: tuple[tuple[str, str | None], ...] = (
    ("发展和改革局", "发改局"), ("财政局", None), ("工业和信息化局", "工信局"), ("商务局", None),
    ("住房和城乡建设局", "住建局"), ("自然资源局", "自然资源局"), ("生态环境分局", "环境分局"),
    ("交通运输局", "交通局"), ("农业农村局", "农业局"), ("水利局", None), ("教育局", None),
    ("科学技术局", "科技局"), ("人力资源和社会保障局", "人社局"), ("卫生健康局", "卫健局"),
    ("市场监督管理局", "市场监管局"), ("应急管理局", "应急局"), ("文化旅游广电体育局", "文旅广体局"),
    ("民政局", None), ("司法局", None), ("公安分局", None), ("税务局", None), ("统计局", None),
    ("城市管理局", "城管局"), ("退役军人事务局", "退役军人局"), ("医疗保障局", "医保局"),
    ("林业局", None), ("审计局", None), ("政府办", None), ("融媒体中心", None), ("供电公司", None),
)
ACTIONS = ("产业培塑", "项目攻坚", "创新驱动", "消费提振", "开放合作", "城乡融合", "生态提质", "民生可感")
METRICS = (("地区生产总值", ChangeKind.GROWTH, "%"), ("社会消费品零售总额", ChangeKind.GROWTH, "%"),
           ("固定资产投资", ChangeKind.GROWTH, "%"), ("规模工业增加值", ChangeKind.GROWTH, "%"),
           ("新增规模工业企业", ChangeKind.COUNT, "家"))
VERBS = ("推进", "加快", "实施", "深化", "落实", "完善", "开展", "强化", "支持", "建设")
OBJECTS = ("重点项目建设", "产业链招商", "老旧小区改造", "营商环境优化", "消费券发放", "园区标准化厂房",
           "农村人居环境整治", "数字政府建设", "企业技术改造", "公共服务设施", "职业技能培训", "河湖长制")
_SYLLABLES = "青山白云东西南北清河阳平安长乐永新丰华明光金石龙凤桃李湘江岳衡宁远兴和"
_SUFFIXES = ("区", "县", "市")
MONTHS = 36
FIRST_YEAR = 2024


def jurisdictions(n: int, rng: random.Random) -> list[str]:
    """*n* distinct place names such as 青山区, 白云县."""
    syllables = 2 if len(_SYLLABLES) ** 2 * len(_SUFFIXES) >= n else 3
    names = [a + b + (c if syllables == 3 else "") + s
             for a in _SYLLABLES for b in _SYLLABLES for c in (_SYLLABLES if syllables == 3 else "-")
             for s in _SUFFIXES if a != b]
    rng.shuffle(names)
    return names[:n]


def _units(place: str, per_place: int) -> list[Unit]:
    prefix = place[-1]  # 区发改局 in a 区, 县发改局 in a 县
    out = []
    for full, short in DEPARTMENTS[:per_place]:
        name = prefix + full
        aliases = (prefix + short,) if short and short != full else ()
        out.append(Unit(f"unit:{place}:{name}", name, jurisdiction=place, aliases=aliases))
    return out


def corpus(n_places: int = 2800, units_per_place: int = 30, n_tasks: int = 1_000_000,
           seed: int = 2024) -> Iterator[Any]:
    """The objects of the corpus, parents before children (ready for ``PlanGraph.add``)."""
    rng = random.Random(seed)
    places = jurisdictions(n_places, rng)
    months = [Period.of_month(FIRST_YEAR + m // 12, m % 12 + 1) for m in range(MONTHS)]
    weights = [1.0 / (k + 1) ** 0.8 for k in range(units_per_place)]  # a few units lead most tasks
    province = Document("doc:province", title="关于印发《某省高质量发展行动总体方案》的通知",
                        doc_number="某政办发〔2024〕1号", jurisdiction="某省")
    yield province
    yield Plan("plan:province", province.id, "某省高质量发展行动总体方案", year=FIRST_YEAR)
    per_place, extra = divmod(n_tasks, n_places)
    for p, place in enumerate(places):
        units = _units(place, units_per_place)
        path = f"{place}.txt"
        doc = Document(f"doc:{place}", title=f"关于印发《{place}高质量发展行动实施方案》的通知",
                       doc_number=f"{place[:2]}政办发〔2024〕{p % 97 + 1}号", jurisdiction=place,
                       source=SourceSpan(path, 1))
        yield doc
        overall = Plan(f"plan:{place}", doc.id, f"{place}高质量发展行动实施方案", year=FIRST_YEAR,
                       implements=(Reference(doc_number=province.doc_number),), source=SourceSpan(path, 5))
        yield overall
        actions = [Action(f"action:{place}:{a}", f"{a}行动", document_id=doc.id, jurisdiction=place)
                   for a in ACTIONS]
        yield from actions
        plans = [Plan(f"plan:{place}:{i + 1}", doc.id, f"{place}{a.name}实施方案", kind=PlanKind.IMPLEMENTATION,
                      year=FIRST_YEAR, attachment=f"附件{i + 1}", action_id=a.id, parent_id=overall.id)
                 for i, a in enumerate(actions)]
        yield from plans
        for k, (metric, change, unit) in enumerate(METRICS):
            value = round(rng.uniform(3, 12), 1) if unit == "%" else rng.randint(2, 20)
            yield Target(f"target:{place}:{k}", overall.id, metric=metric, change=change,
                         quantity=Quantity(value, unit), qualifier="以上", deadline=Period.of_year(FIRST_YEAR),
                         text=f"{metric}增长{value}{unit}以上", source=SourceSpan(path, 10 + k))
        line = 20
        count = per_place + (p < extra)
        for n in range(count):
            chosen = rng.choices(range(units_per_place), weights, k=6)
            picked = list(dict.fromkeys(chosen))
            while len(picked) < 4:
                picked = list(dict.fromkeys(picked + rng.sample(range(units_per_place), 4)))
            lead, support = units[picked[0]], tuple(units[i] for i in picked[1:4])
            plan = plans[n % len(plans)]
            line += 1
            yield Task(f"task:{place}:{n}", plan.id,
                       text=f"{rng.choice(VERBS)}{place}{rng.choice(OBJECTS)}第{n + 1}项工作，确保按期见效",
                       path=(str(n // 10 + 1), f"（{n % 10 + 1}）"), lead=(lead,), support=support,
                       responsibility=f"{lead.name}牵头，{'、'.join(u.name for u in support)}配合",
                       deadline=rng.choice(months), action_id=plan.action_id,
                       source=SourceSpan(path, line))
        for i, action in enumerate(actions):
            members = tuple(rng.sample(units, 8))
            yield TaskForce(f"tf:{place}:{i}", plans[i].id, f"{action.name}工作专班",
                            convener=Post(f"{place[-1]}政府分管副{place[-1]}长"),
                            deputies=(Post(f"{members[0].name}主要负责人", members[0]),),
                            members=members, office=members[0], action_id=action.id)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--places", type=int, default=2800)
    parser.add_argument("--units", type=int, default=30)
    parser.add_argument("--tasks", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("-o", "--output", help="write the graph as govplan JSON here")
    args = parser.parse_args(argv)
    import govplan

    places = min(args.places, max(1, args.tasks // 10))
    graph = govplan.PlanGraph(corpus(places, args.units, args.tasks, args.seed))
    print(graph, file=sys.stderr)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(govplan.dumps(graph))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
