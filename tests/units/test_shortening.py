"""The shortening of offices and centres the data does not list: 经济发展办公室 = 经发办.

Stems are invented from small word lists; the property is that the full form and the short form
a document prints for one office fall under one canonical key at every level.
"""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from govplan.units import canonical_key, parse_name, unit_kind
from govplan.units.shortening import short_form, short_stem, shortening

#: Two-character words that open an office's stem, and those that close it.  Chosen so that no
#: pair spells a department the data knows (a known department keeps its own key).
FIRST = ("经济", "社会", "村镇", "城乡", "河湖", "山林", "集体", "平安", "产业", "文明")
SECOND = ("发展", "事务", "建设", "治理", "保护", "调解", "振兴", "创建", "协调")
PREFIXES = ("", "镇", "某某乡", "区", "县", "青山镇", "某某县")  # 乡 + 村镇… reads as 乡村
LEVEL_PREFIXES = ("镇", "乡", "区", "县", "市")

stems = st.tuples(st.sampled_from(FIRST), st.sampled_from(SECOND)).map("".join)


@given(stems, st.sampled_from(PREFIXES))
def test_full_and_short_office_share_a_key(stem: str, prefix: str) -> None:
    assume(not parse_name(stem + "办公室").recognized)
    short = stem[0] + stem[2]
    assert canonical_key(prefix + stem + "办公室") == canonical_key(prefix + short + "办")


@given(stems, st.sampled_from(PREFIXES))
def test_full_and_short_centre_share_a_key(stem: str, prefix: str) -> None:
    assume(not parse_name(stem + "中心").recognized)  # 社会治理中心 is the data's 综治中心
    short = stem[0] + stem[2]
    key = canonical_key(prefix + short + "中心")
    assert canonical_key(prefix + stem + "服务中心") == key == canonical_key(prefix + stem + "中心")


@given(st.sampled_from(FIRST), st.sampled_from(("制", "综合", "工作")), st.sampled_from(PREFIXES))
def test_a_generic_end_word_is_left_out(word: str, end: str, prefix: str) -> None:
    # 河长制办公室 = 河长办, 党政综合办公室 = 党政办
    assert canonical_key(prefix + word + end + "办公室") == canonical_key(prefix + word + "办")


@given(stems, stems, st.sampled_from(LEVEL_PREFIXES))
def test_different_offices_stay_apart(a: str, b: str, prefix: str) -> None:
    if a[0] + a[2] != b[0] + b[2]:
        assert canonical_key(prefix + a + "办公室") != canonical_key(prefix + b + "办公室")


@given(stems, st.sampled_from(LEVEL_PREFIXES), st.sampled_from(LEVEL_PREFIXES))
def test_levels_stay_apart(stem: str, p: str, q: str) -> None:
    if p != q:
        assert canonical_key(p + stem + "办公室") != canonical_key(q + stem[0] + stem[2] + "办")


def test_town_offices_and_their_short_forms() -> None:
    for full, short in [
        ("镇党政综合办公室", "镇党政办"),
        ("镇经济发展办公室", "镇经发办"),
        ("镇社会事务办公室", "镇社事办"),
        ("镇村镇建设服务中心", "镇村建中心"),
        ("区河长制办公室", "区河长办"),
        ("区林长制办公室", "区林长办"),
        ("县田长制办公室", "县田长办"),
    ]:
        assert canonical_key(full) == canonical_key(short), (full, short)
        assert parse_name(full).prefix == parse_name(short).prefix != ""


def test_offices_the_rule_cannot_spell_are_data() -> None:
    for full, short in [
        ("区安全生产委员会办公室", "区安委办"),
        ("区防汛抗旱指挥部办公室", "区防汛办"),
        ("区创建文明城市工作办公室", "区创文办"),
        ("区禁毒委员会办公室", "区禁毒办"),
    ]:
        assert canonical_key(full) == canonical_key(short)
        assert parse_name(short).recognized


def test_known_departments_keep_their_keys() -> None:
    # the data's own forms win over the rule: 人民防空办公室 = 人防办, 金融工作办公室 = 金融办
    assert canonical_key("区人民防空办公室") == canonical_key("区人防办")
    assert canonical_key("区金融工作办公室") == canonical_key("区金融办")
    assert canonical_key("区政府办公室") == canonical_key("区政府办")
    assert canonical_key("区政务服务中心") == canonical_key("区政务中心")


def test_short_stem_rule() -> None:
    rule = shortening()
    assert ("办公室", "办") in rule.suffixes
    assert short_stem("综合") == "综合"  # a generic word alone is the stem
    assert short_stem("外事") == "外事"
    assert short_stem("新时代文明实践") == "新时代文明实践"
    assert short_form("办公室") is None  # a suffix alone has no stem
    assert short_form("区财政局") is None


def test_long_input_is_linear() -> None:
    name = "经济发展" * 250_000 + "办公室"
    assert short_form(name) == "经济发展" * 250_000 + "办"


# -- mass organisations at every level --------------------------------------------------------

MASS = {"妇联": ("妇联", "妇女联合会"), "团委": ("团委", "共青团委员会", "团工委"), "总工会": ("总工会", "工会"),
        "科协": ("科协", "科学技术协会")}


@given(st.sampled_from(sorted(MASS)), st.data(),
       st.sampled_from(("镇", "乡", "区", "县", "市", "省", "街道", "社区", "村", "青山街道", "某某村")))
def test_mass_organisations_at_every_level(key: str, data: st.DataObject, level: str) -> None:
    form = data.draw(st.sampled_from(MASS[key]))
    name = level + form
    parsed = parse_name(name)
    assert parsed.recognized and parsed.head == key
    assert parsed.prefix in level
    assert unit_kind(name).value == "other"
    assert canonical_key(name) == canonical_key(level + MASS[key][0])


def test_grassroots_levels_stay_apart_and_read_only_mass_bodies() -> None:
    assert canonical_key("街道妇联") != canonical_key("镇妇联") != canonical_key("村妇联")
    assert not parse_name("农村公路中心").prefix  # 村 inside a word is no village
    assert parse_name("某某村文化站").prefix == ""


def test_a_level_character_opening_a_word_is_no_prefix() -> None:
    assert parse_name("市场监管办公室").prefix == ""
    assert parse_name("青山镇经济发展办公室").prefix == "镇"
