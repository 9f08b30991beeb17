"""Properties of the abbreviation data: every written form of a department falls together under
any jurisdiction prefix, and departments the data tells apart never collide."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from govplan.units import canonical_key, parse_name, unit_kind
from govplan.units.knowledge import knowledge, parts_key, raw_data

DATA = raw_data()
K = knowledge()


def _table(name: str) -> dict[str, list[str]]:
    return {k: v for k, v in DATA[name].items() if not k.startswith("_")}


# -- the departments of the data, each as (key, written bodies with suffix) -------------------

#: Every suffix of a class, and the stem tables of each class.
CLASSES = {"局": "bureaus", "部": "party_departments", "中心": "centres"}


def _departments() -> dict[str, list[str]]:
    """Department key -> whole written bodies (stem + suffix, explicit body forms)."""
    out: dict[str, list[str]] = {}
    for cls, table in CLASSES.items():
        for key, forms in _table(table).items():
            out.setdefault(parts_key((key,), cls), []).extend(
                form + suffix for form in forms for suffix in DATA["suffix_classes"][cls]
            )
    for written, stem in _table("short_bodies").items():
        out[parts_key((stem,), "局")].append(written)
    for entry in DATA["bodies"]:
        out.setdefault(entry["key"], []).extend(entry["forms"])
    return out


DEPARTMENTS = _departments()
DEPARTMENT_KEYS = sorted(DEPARTMENTS)
PARTY_KEYS = {parts_key((k,), "部") for k in _table("party_departments")}

# -- prefixes: invented place names, a level, the party branch for party departments ----------

_PLACE = st.text(st.sampled_from("青山东湖临江岭北塘西坪金沙枫林白石清溪云台桃源龙泉长乐安宁"), min_size=2, max_size=3)
_LEVELS = ["区", "县", "市", "旗", "州", "镇"]


@st.composite
def prefixes(draw: st.DrawFn, level: str | None = None) -> str:
    """``区``, ``青山区``, ``临江市青山区``: a level with or without place names before it."""
    level = level or draw(st.sampled_from(_LEVELS))
    place = draw(st.one_of(st.just(""), _PLACE))
    city = draw(st.one_of(st.just(""), _PLACE.map(lambda p: p + "市"))) if place else ""
    return city + place + level


def _with_prefix(prefix: str, key: str, body: str) -> str:
    return prefix + ("委" if key in PARTY_KEYS else "") + body


# -- every written form of one department has one key ---------------------------------------------


@settings(max_examples=300)
@given(st.sampled_from(DEPARTMENT_KEYS), st.data())
def test_written_forms_of_a_department_share_a_key(key: str, data: st.DataObject) -> None:
    level = data.draw(st.sampled_from(_LEVELS))
    p1, p2 = data.draw(prefixes(level)), data.draw(prefixes(level))
    f1, f2 = data.draw(st.sampled_from(DEPARTMENTS[key])), data.draw(st.sampled_from(DEPARTMENTS[key]))
    a, b = _with_prefix(p1, key, f1), _with_prefix(p2, key, f2)
    assert canonical_key(a) == canonical_key(b), (a, b)
    assert parse_name(a).recognized and parse_name(a).head == key


@settings(max_examples=200)
@given(st.sampled_from(DEPARTMENT_KEYS), st.data())
def test_levels_stay_apart(key: str, data: st.DataObject) -> None:
    l1, l2 = data.draw(st.lists(st.sampled_from(_LEVELS), min_size=2, max_size=2, unique=True))
    form = data.draw(st.sampled_from(DEPARTMENTS[key]))
    a = _with_prefix(data.draw(prefixes(l1)), key, form)
    b = _with_prefix(data.draw(prefixes(l2)), key, form)
    assert canonical_key(a) != canonical_key(b), (a, b)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(DEPARTMENT_KEYS), min_size=2, max_size=2, unique=True), st.data())
def test_different_departments_never_collide(keys: list[str], data: st.DataObject) -> None:
    prefix = data.draw(prefixes())
    a, b = (_with_prefix(prefix, k, data.draw(st.sampled_from(DEPARTMENTS[k]))) for k in keys)
    assert canonical_key(a) != canonical_key(b), (a, b)


def test_all_first_forms_are_recognised_and_distinct() -> None:
    """Exhaustive over the data: one key per department, no two departments on one key."""
    seen: dict[str, str] = {}
    for key in DEPARTMENT_KEYS:
        for form in DEPARTMENTS[key]:
            got = canonical_key(_with_prefix("青山县", key, form))
            assert got == f"{'县委' if key in PARTY_KEYS else '县'}|{key}", (form, got)
        seen.setdefault(key, DEPARTMENTS[key][0])
    assert len(seen) == len(DEPARTMENT_KEYS)


@pytest.mark.parametrize("group", DATA["kept_apart"]["groups"], ids=lambda g: g[0])
def test_kept_apart_groups(group: list[str]) -> None:
    names = ["区" + n for n in group]
    for name in names:
        assert parse_name(name).recognized, name  # else a literal key would differ trivially
    keys = [canonical_key(n) for n in names]
    assert len(set(keys)) == len(keys), dict(zip(names, keys, strict=True))


# -- merged bureaus: any order, any written forms, with or without 和 -----------------------------

_BUREAUS = _table("bureaus")
# written side by side, these run into one form of a single department (自然资源和规划 is
# 自然资源, 营商环境建设 is 营商, 畜牧水产 a bureau of its own): they are no merged bureau
_RUN_TOGETHER = [{"规划", "自然资源"}, {"规划", "国土"}, {"规划", "数据"}, {"畜牧", "渔业"}, {"营商", "住建"}]
_MERGEABLE = sorted(set(_BUREAUS) - {"畜牧水产"})


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_MERGEABLE), min_size=2, max_size=3, unique=True), st.data())
def test_merged_bureaus_in_any_order_and_form(parts: list[str], data: st.DataObject) -> None:
    def written() -> str:
        order = data.draw(st.permutations(parts))
        joins = [data.draw(st.sampled_from(["", "和"])) for _ in order[1:]]
        forms = [max(_BUREAUS[p], key=len) if data.draw(st.booleans()) else data.draw(st.sampled_from(_BUREAUS[p]))
                 for p in order]
        return forms[0] + "".join(j + f for j, f in zip(joins, forms[1:], strict=True)) + data.draw(
            st.sampled_from(["局", "委", "委员会"]))

    assume(not any(pair <= set(parts) for pair in _RUN_TOGETHER))
    prefix = data.draw(prefixes())
    a, b = prefix + written(), prefix + written()
    assert canonical_key(a) == canonical_key(b) == f"{prefix[-1]}|{parts_key(parts, '局')}", (a, b)


_INITIALS = {k: v for k, v in DATA["initials"].items() if not k.startswith("_")}


def _spells_another_stem(text: str, meant: set[str]) -> bool:
    """Whether a stem of other meaning is written inside *text* (水文 is a stem of its own)."""
    return any(form in text and not set(parts) <= meant for form, parts in K.stems["局"].items() if len(form) > 1)


@given(st.lists(st.sampled_from(sorted(_INITIALS)), min_size=2, max_size=4, unique=True), prefixes())
def test_initials_spell_a_merged_bureau(chars: list[str], prefix: str) -> None:
    assume(not _spells_another_stem("".join(chars), {_INITIALS[c] for c in chars}))
    short = prefix + "".join(chars) + "局"
    full = prefix + "和".join(_BUREAUS[_INITIALS[c]][0] for c in reversed(chars)) + "局"
    assert canonical_key(short) == canonical_key(full), (short, full)


@pytest.mark.parametrize("name", ["县水文局", "县工商局", "区文物局", "区农机局", "区商会", "区文明办"])
def test_initials_do_not_read_other_words(name: str) -> None:
    p = parse_name(name)
    assert len(p.parts) <= 1, (name, p.parts)


# -- national bodies with the place in the middle ------------------------------------------------

_CENTRALS = [e for e in DATA["bodies"] if "orgs" in e]


@settings(max_examples=200)
@given(st.sampled_from(_CENTRALS), st.data())
def test_national_bodies_with_the_place_inside(entry: dict, data: st.DataObject) -> None:
    org = data.draw(st.sampled_from(entry["orgs"]))
    branch = data.draw(st.sampled_from(entry["branches"]))
    level = data.draw(st.sampled_from(["县", "市", "区"]))
    place = data.draw(_PLACE)
    inside = org + place + level + branch
    outside = data.draw(prefixes(level)) + data.draw(st.sampled_from(entry["forms"]))
    assert canonical_key(inside) == canonical_key(outside) == f"{level}|{entry['key']}", (inside, outside)
    if entry.get("after_place"):  # 国网临江供电公司 = 临江供电公司: a place without level
        assert canonical_key(org + place + branch) == canonical_key(place + data.draw(
            st.sampled_from(entry["after_place"]))) == f"|{entry['key']}"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("人行青山支行", "|人民银行"),
        ("中国人民银行临江市中心支行", "市|人民银行"),
        ("国家税务总局青山县税务局", "县|税务局"),
        ("团区委", "区|团委"),
        ("共青团临江市委员会", "市|团委"),
    ],
)
def test_national_body_keys(name: str, key: str) -> None:
    assert canonical_key(name) == key


@pytest.mark.parametrize("name", ["团结村委", "农行青山支行", "青山农商银行", "建行临江分行"])
def test_other_banks_and_words_are_not_national_bodies(name: str) -> None:
    assert not parse_name(name).recognized, canonical_key(name)


def test_kinds_from_the_data_win_over_name_endings() -> None:
    assert unit_kind("人行青山支行").value == "government"
    assert unit_kind("青山金融监管支局").value == "government"
    assert unit_kind("国网青山供电公司").value == "enterprise"
    assert unit_kind("团县委").value == "other"


# -- zones ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "names",
    [
        ["青山经开区", "青山经开区管委会", "青山经济开发区管理委员会", "青山县经济技术开发区管委会"],
        ["临江高新区管委会", "临江高新技术产业开发区管委会", "临江市高新区"],
        ["东湖工业园管委会", "东湖工业园区"],
    ],
    ids=lambda n: n[0],
)
def test_zone_forms(names: list[str]) -> None:
    keys = {canonical_key(n) for n in names}
    assert len(keys) == 1, {n: canonical_key(n) for n in names}


def test_zones_stay_apart() -> None:
    names = ["青山经开区", "青山高新区", "东湖经开区", "县经开区", "青山经开区经发局"]
    keys = [canonical_key(n) for n in names]
    assert len(set(keys)) == len(keys), dict(zip(names, keys, strict=True))


def test_short_forms_are_written_forms_of_their_department() -> None:
    for key, forms in K.short_forms.items():
        for form in forms:
            assert canonical_key("区" + ("委" if key in PARTY_KEYS else "") + form).endswith("|" + key), (key, form)


def test_data_tables_have_no_duplicate_forms_across_departments() -> None:
    """A written form belongs to one department of its class (the data cannot contradict itself)."""
    for cls, table in CLASSES.items():
        owner: dict[str, str] = {}
        for key, forms in _table(table).items():
            for form in forms:
                assert owner.setdefault(form, key) == key, (cls, form, owner[form], key)
    seen: dict[str, str] = {}
    for entry in DATA["bodies"]:
        for form in entry["forms"]:
            assert seen.setdefault(form, entry["key"]) == entry["key"], form


def test_initial_letters_never_start_a_single_department() -> None:
    for name in itertools.chain(_INITIALS, ["文局", "教局"]):
        assert not parse_name("区" + name + ("局" if len(name) == 1 else "")).recognized


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("县供销社", "青山县供销合作社"),
        ("区供销联社", "某某区供销合作社联合社"),
        ("县残联", "青山县残疾人联合会"),
        ("区工商联", "青山区工商业联合会"),
        ("区妇联", "青山区妇女联合会"),
        ("县科协", "青山县科学技术协会"),
        ("区文联", "青山区文学艺术界联合会"),
        ("区侨联", "青山区归国华侨联合会"),
        ("县红十字会", "青山县红十字会"),
    ],
)
def test_mass_organisations_short_and_full_forms_share_a_key(short: str, full: str) -> None:
    assert canonical_key(short) == canonical_key(full)


def test_supply_cooperative_is_not_another_body() -> None:
    assert canonical_key("县供销社") != canonical_key("县商务局")
    assert canonical_key("县供销社") != canonical_key("区供销社")  # levels stay apart
