"""The unit-name knowledge of ``govplan/data/units.json``, turned into lookup tables once.

The JSON file holds everything that is vocabulary (department names and their short forms,
jurisdiction levels, suffixes, words that mark collectives or enterprises); this module only
indexes it.  Add knowledge by editing the JSON, not by adding code.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import Any

import attrs

__all__ = ["Body", "Central", "Knowledge", "knowledge", "parts_key", "raw_data"]

#: Suffix classes: every bureau suffix (局, 委, 委员会, 厅, 分局) is written 局 in keys, party 部
#: stays 部, a service centre (中心, 服务中心, 管理中心 …) is written 中心.
BUREAU = "局"
PARTY = "部"
CENTRE = "中心"

#: The stem tables of the data and the suffix class each belongs to.
_STEM_TABLES = (("bureaus", BUREAU), ("party_departments", PARTY), ("centres", CENTRE))


def parts_key(parts: tuple[str, ...] | list[str], cls: str) -> str:
    """The key of a (merged) department: its stem keys, sorted, and its suffix class.

    >>> parts_key(("发改", "财政"), "局"), parts_key(("政务服务",), "中心")
    ('发改+财政局', '政务服务中心')
    """
    return "+".join(sorted(set(parts))) + cls


@attrs.frozen
class Body:
    """What a known department body (the name after the jurisdiction prefix) stands for.

    ``key`` is the canonical body key, ``parts`` the stem keys of a (merged) department, empty
    for other bodies; ``kind`` a UnitKind value when the data says so.
    """

    key: str
    parts: tuple[str, ...] = ()
    kind: str | None = None


@attrs.frozen
class Central:
    """A body of a national organisation whose name puts the place in the middle:
    人民银行 + 青山 + 支行, 国网 + 临江 + 供电公司, 共青团 + 某某县 + 委员会.

    ``orgs`` are the organisation's names that open such a name, ``branches`` the words that
    close it; ``level_required`` says the place must end with a level (团县委, not 团结村委).
    """

    body: Body
    orgs: tuple[str, ...]
    branches: tuple[str, ...]
    level_required: bool = False


@attrs.frozen
class Knowledge:
    """Lookup tables built from the JSON data."""

    levels: frozenset[str]
    level_chars: frozenset[str]
    level_re: re.Pattern[str]
    branches: tuple[tuple[str, str], ...]
    branch_starts: frozenset[str]
    not_prefix_words: tuple[str, ...]
    zone_words: tuple[str, ...]
    zone_forms: dict[str, str]
    bodies: dict[str, Body]
    #: suffix class -> written stem -> stem keys (several for a merged abbreviation)
    stems: dict[str, dict[str, tuple[str, ...]]]
    #: suffix class -> first character -> stem lengths, longest first
    stem_sizes: dict[str, dict[str, tuple[int, ...]]]
    #: one character standing for a stem, only inside a merged bureau (文广旅体局)
    initials: dict[str, str]
    #: (suffix, class), longest suffix first
    suffixes: tuple[tuple[str, str], ...]
    connectors: frozenset[str]
    centrals: tuple[Central, ...]
    central_orgs: tuple[str, ...]
    #: body forms that may follow a place name without level (临江供电公司), longest first
    after_place: tuple[str, ...]
    segment_re: re.Pattern[str]
    segment_normal_forms: tuple[tuple[str, str], ...]
    segment_normal_ends: tuple[str, ...]
    sub_office_suffixes: tuple[str, ...]
    enterprise_optional_suffixes: tuple[str, ...]
    short_forms: dict[str, tuple[str, ...]]
    kinds: dict[str, tuple[str, ...]]
    post_re: re.Pattern[str]
    lists: dict[str, Any]
    #: levels below the town printed as words (街道, 村), longest first, and the body kind they take
    grassroots: tuple[str, ...] = ()
    grassroots_kind: str | None = None


def _sizes_by_first_char(words: dict[str, Any]) -> dict[str, tuple[int, ...]]:
    """For each first character, the lengths of the words starting with it, longest first."""
    sizes: dict[str, set[int]] = {}
    for word in words:
        sizes.setdefault(word[0], set()).add(len(word))
    return {ch: tuple(sorted(s, reverse=True)) for ch, s in sizes.items()}


def _entries(table: dict[str, Any]) -> list[tuple[str, Any]]:
    """The entries of a JSON table without its ``_comment`` keys."""
    return [(k, v) for k, v in table.items() if not k.startswith("_")]


def _stems(data: dict[str, Any]) -> tuple[dict[str, dict[str, tuple[str, ...]]], dict[str, list[str]]]:
    stems: dict[str, dict[str, tuple[str, ...]]] = {cls: {} for _, cls in _STEM_TABLES}
    short_forms: dict[str, list[str]] = {}
    for table, cls in _STEM_TABLES:
        for key, forms in _entries(data[table]):
            for form in forms:
                stems[cls][form] = (key,)
            # the standard short form a user types: the shortest written stem plus the suffix
            short_forms.setdefault(parts_key((key,), cls), []).append(min(forms, key=len) + cls)
    for abbr, parts in _entries(data["merged_abbreviations"]):
        stems[BUREAU][abbr] = tuple(parts)
    return stems, short_forms


def _bodies(data: dict[str, Any], stems: dict[str, dict[str, tuple[str, ...]]],
            short_forms: dict[str, list[str]]) -> tuple[dict[str, Body], list[Central], list[str]]:
    bodies: dict[str, Body] = {}
    suffix_classes = data["suffix_classes"]
    for cls, table in stems.items():
        for stem, parts in table.items():
            for suffix in suffix_classes[cls]:
                bodies.setdefault(stem + suffix, Body(parts_key(parts, cls), parts))
    for written, stem in _entries(data["short_bodies"]):
        bodies[written] = Body(parts_key((stem,), BUREAU), (stem,))
    centrals: list[Central] = []
    after_place: list[str] = []
    for entry in data["bodies"]:
        body = bodies.get(entry["forms"][0])
        if body is None or body.key != entry["key"]:
            body = Body(entry["key"], (), entry.get("kind"))
        else:  # a bureau the stems know (税务局): keep its parts, add the kind
            body = Body(body.key, body.parts, entry.get("kind"))
        for form in entry["forms"]:
            bodies[form] = body  # explicit bodies win over generated bureau forms
        if entry["key"] not in short_forms:
            short_forms[entry["key"]] = [min(entry["forms"], key=len)]
        if "orgs" in entry:
            centrals.append(Central(body, tuple(entry["orgs"]), tuple(sorted(entry["branches"], key=len, reverse=True)),
                                    bool(entry.get("level_required"))))
        after_place.extend(entry.get("after_place", ()))
    return bodies, centrals, after_place


def _build(data: dict[str, Any]) -> Knowledge:
    stems, short_forms = _stems(data)
    bodies, centrals, after_place = _bodies(data, stems, short_forms)
    # the data names the short forms where the shortest written stem is not the usual one
    for key, forms in _entries(data.get("short_forms", {})):
        short_forms[key] = list(forms)
    suffixes = [(s, cls) for cls, words in data["suffix_classes"].items() for s in words]
    tokens = sorted(data["segment_suffixes"], key=len, reverse=True)
    level_chars = frozenset(lv[-1] for lv in data["levels"])
    return Knowledge(
        levels=frozenset(data["levels"]),
        level_chars=level_chars,
        # one character class: a single linear scan for the characters that end a place prefix
        level_re=re.compile("[" + "".join(sorted(level_chars)) + "]"),
        branches=tuple(sorted(data["branches"].items(), key=lambda kv: -len(kv[0]))),
        branch_starts=frozenset(w[0] for w in data["branches"]),
        not_prefix_words=tuple(data["not_prefix_words"]),
        zone_words=tuple(sorted(data["zone_words"], key=len, reverse=True)),
        zone_forms=dict(_entries(data["zone_forms"])),
        bodies=bodies,
        stems=stems,
        stem_sizes={cls: _sizes_by_first_char(table) for cls, table in stems.items()},
        initials=dict(_entries(data["initials"])),
        suffixes=tuple(sorted(suffixes, key=lambda s: -len(s[0]))),
        connectors=frozenset(data["connectors"]),
        centrals=tuple(centrals),
        central_orgs=tuple(sorted({org for c in centrals for org in c.orgs}, key=len, reverse=True)),
        after_place=tuple(sorted(set(after_place), key=len, reverse=True)),
        # an alternation of literal words: linear, it cannot backtrack
        segment_re=re.compile("|".join(map(re.escape, tokens))),
        segment_normal_forms=tuple(data["segment_normal_forms"].items()),
        segment_normal_ends=tuple(data["segment_normal_forms"]),
        sub_office_suffixes=tuple(data["sub_office_suffixes"]),
        enterprise_optional_suffixes=tuple(data["enterprise_optional_suffixes"]),
        short_forms={k: tuple(dict.fromkeys(v)) for k, v in short_forms.items()},
        kinds={k: tuple(v) for k, v in data["kinds"].items()},
        post_re=re.compile("|".join(map(re.escape, sorted(data["post_words"], key=len, reverse=True)))),
        lists=data["list"],
        grassroots=tuple(sorted(data["grassroots"]["levels"], key=len, reverse=True)),
        grassroots_kind=data["grassroots"]["kind"],
    )


def raw_data() -> dict[str, Any]:
    """The JSON data as read (for tests and tools that check it)."""
    text = resources.files("govplan").joinpath("data/units.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@functools.cache
def knowledge() -> Knowledge:
    """The tables, read once from the package data.

    >>> knowledge().bodies["发改委"].key
    '发改局'
    """
    return _build(raw_data())
