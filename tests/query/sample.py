"""A small hand-written corpus in the genre: a city plan, two district/county plans implementing it."""

from __future__ import annotations

from govplan import (
    Action,
    ChangeKind,
    Document,
    Period,
    Plan,
    PlanGraph,
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

QS, BY = "青山区", "白云县"
DEV = Unit("unit:青山区:区发展改革局", "区发展改革局", jurisdiction=QS, aliases=("区发改局",))
FIN = Unit("unit:青山区:区财政局", "区财政局", jurisdiction=QS)
COM = Unit("unit:青山区:区商务局", "区商务局", jurisdiction=QS)
IND = Unit("unit:青山区:区工业和信息化局", "区工业和信息化局", jurisdiction=QS, aliases=("区工信局",))
BY_DEV = Unit("unit:白云县:县发展改革局", "县发展改革局", jurisdiction=BY, aliases=("县发改局",))
BY_FIN = Unit("unit:白云县:县财政局", "县财政局", jurisdiction=BY)
CITY_NO = "某政办发〔2024〕5号"


def _span(line: int, path: str = "青山区.txt") -> SourceSpan:
    return SourceSpan(path, line)


def sample_graph() -> PlanGraph:
    """Three documents, four plans, seven tasks in 青山区 and two in 白云县, targets, a task force."""
    p = Period.parse
    return PlanGraph([
        Document("doc:city", title="关于印发《某市高质量发展总体方案》的通知", doc_number=CITY_NO, jurisdiction="某市"),
        Plan("plan:city", "doc:city", "某市高质量发展总体方案", year=2024),
        Document("doc:qs", title="关于印发《青山区经济高质量发展行动方案》的通知", doc_number="青政办发〔2024〕3号",
                 jurisdiction=QS, source=_span(1)),
        Action("act:qs:industry", "项目攻坚行动", document_id="doc:qs", jurisdiction=QS),
        Action("act:qs:consumption", "消费提振行动", document_id="doc:qs", jurisdiction=QS),
        Plan("plan:qs", "doc:qs", "青山区经济高质量发展行动方案", year=2024,
             implements=[Reference("某市高质量发展总体方案", CITY_NO)], source=_span(5)),
        Plan("plan:qs:1", "doc:qs", "青山区项目攻坚行动实施方案", kind=PlanKind.IMPLEMENTATION, year=2024,
             attachment="附件1", action_id="act:qs:industry", parent_id="plan:qs", source=_span(40)),
        Plan("plan:qs:2", "doc:qs", "青山区消费提振行动实施方案", kind=PlanKind.IMPLEMENTATION, year=2024,
             attachment="附件2", action_id="act:qs:consumption", parent_id="plan:qs", source=_span(80)),
        Task("t1", "plan:qs:1", text="推进重点产业项目建设，年内新开工项目10个", path=("一", "（一）"),
             lead=[DEV], support=[FIN, IND], deadline=p("2024-12"), deadline_text="2024年12月底前",
             source=_span(45)),
        Task("t1.1", "plan:qs:1", text="完成项目用地报批", path=("一", "（一）", "1."), lead=[DEV], support=[FIN],
             deadline=p("2024-06"), parent_id="t1", source=_span(46)),
        Task("t2", "plan:qs:1", text="支持企业技术改造", path=("一", "（二）"), lead=[IND], support=[DEV, FIN],
             deadline=p("2024-Q4"), action_id="act:qs:industry", source=_span(50)),
        Task("t3", "plan:qs:2", text="发放消费券，提振汽车家电消费", path=("一", "（一）"), lead=[COM], support=[FIN],
             deadline=p("2024-03-31"), source=_span(85)),
        Task("t4", "plan:qs:2", text="培育夜间经济街区", path=("一", "（二）"), lead=[COM], support=[DEV],
             deadline=p("长期坚持"), source=_span(88)),
        Task("t5", "plan:qs", text="优化营商环境", path=("三",), lead=[FIN, DEV], support=[COM], source=_span(30)),
        Task("t6", "plan:qs:2", text="建设城市商业综合体", path=("一", "（三）"), lead=[COM],
             deadline=p("2025-03"), source=_span(90)),
        Target("g1", "plan:qs", metric="社会消费品零售总额", change=ChangeKind.GROWTH, quantity=Quantity(8, "%"),
               qualifier="以上", deadline=p("2024"), text="社会消费品零售总额增长8%以上", source=_span(10)),
        Target("g2", "plan:qs", metric="地区生产总值", change=ChangeKind.GROWTH, quantity=Quantity(6.5, "%"),
               deadline=p("2024"), text="地区生产总值增长6.5%", source=_span(11)),
        Target("g3", "plan:qs:1", metric="新开工项目", change=ChangeKind.COUNT, quantity=Quantity(10, "个"),
               deadline=p("2024-12"), task_id="t1", text="年内新开工项目10个", source=_span(45)),
        TaskForce("tf1", "plan:qs:1", "项目攻坚行动工作专班", convener=Post("区政府分管副区长"),
                  deputies=[Post("区发改局主要负责人", DEV)], members=[DEV, FIN, IND], office=DEV,
                  action_id="act:qs:industry", source=_span(70)),
        TaskForce("tf2", "plan:qs:2", "消费提振行动工作专班", convener=Post("区商务局局长", COM),
                  members=[COM, FIN], office=COM, action_id="act:qs:consumption", source=_span(100)),
        Document("doc:by", title="白云县高质量发展实施方案", doc_number="白政发〔2024〕1号", jurisdiction=BY),
        Plan("plan:by", "doc:by", "白云县高质量发展实施方案", year=2024,
             implements=[Reference(doc_number=CITY_NO)]),
        Task("b1", "plan:by", text="推进重点项目建设", lead=[BY_DEV], support=[BY_FIN], deadline=p("2024-12"),
             source=_span(20, "白云县.txt")),
        Task("b2", "plan:by", text="落实减税降费政策", lead=[BY_FIN], deadline=p("2024-06"),
             source=_span(21, "白云县.txt")),
        Target("bg1", "plan:by", metric="社会消费品零售总额", change=ChangeKind.GROWTH, quantity=Quantity(7.5, "%"),
               deadline=p("2024"), text="社会消费品零售总额增长7.5%"),
    ])
