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

__all__ = ["Body", "Knowledge", "knowledge"]

#: Suffix classes: every bureau suffix (局, 委, 委员会, 厅) is written 局 in keys, party 部 stays 部.
BUREAU = "局"
PARTY = "部"


@attrs.frozen
class Body:
    """What a known department body (the name after the jurisdiction prefix) stands for.

    ``key`` is the canonical body key, ``parts`` the stem keys of a (merged) bureau, empty for
    other bodies; ``kind`` a UnitKind value when the data says so.
    """

    key: str
    parts: tuple[str, ...] = ()
    kind: str | None = None


@attrs.frozen
class Knowledge:
    """Lookup tables built from the JSON data."""

    levels: frozenset[str]
    level_re: re.Pattern[str]
    branches: tuple[tuple[str, str], ...]
    branch_starts: frozenset[str]
    not_prefix_words: tuple[str, ...]
    zone_words: tuple[str, ...]
    bodies: dict[str, Body]
    stems: dict[str, tuple[tuple[str, ...], str]]
    stem_sizes: dict[str, tuple[int, ...]]
    suffixes: tuple[tuple[str, str], ...]
    connectors: frozenset[str]
    segment_re: re.Pattern[str]
    segment_normal_forms: tuple[tuple[str, str], ...]
    segment_normal_ends: tuple[str, ...]
    sub_office_suffixes: tuple[str, ...]
    enterprise_optional_suffixes: tuple[str, ...]
    short_forms: dict[str, tuple[str, ...]]
    kinds: dict[str, tuple[str, ...]]
    post_re: re.Pattern[str]
    lists: dict[str, Any]


def _bureau_key(parts: tuple[str, ...], cls: str) -> str:
    return "+".join(sorted(set(parts))) + cls


def _sizes_by_first_char(words: dict[str, Any]) -> dict[str, tuple[int, ...]]:
    """For each first character, the lengths of the words starting with it, longest first."""
    sizes: dict[str, set[int]] = {}
    for word in words:
        sizes.setdefault(word[0], set()).add(len(word))
    return {ch: tuple(sorted(s, reverse=True)) for ch, s in sizes.items()}


def _build(data: dict[str, Any]) -> Knowledge:
    stems: dict[str, tuple[tuple[str, ...], str]] = {}
    short_forms: dict[str, list[str]] = {}
    for table, cls in (("bureaus", BUREAU), ("party_departments", PARTY)):
        for key, forms in data[table].items():
            for form in forms:
                stems[form] = ((key,), cls)
            # the standard short form a user types: the shortest written stem plus the suffix
            short_forms.setdefault(_bureau_key((key,), cls), []).append(min(forms, key=len) + cls)
    for abbr, parts in data["merged_abbreviations"].items():
        if not abbr.startswith("_"):
            stems[abbr] = (tuple(parts), BUREAU)
    bodies: dict[str, Body] = {}
    suffixes = [(s, BUREAU) for s in data["bureau_suffixes"]] + [(s, PARTY) for s in data["party_suffixes"]]
    for stem, (parts, cls) in stems.items():
        for suffix, suffix_cls in suffixes:
            if suffix_cls == cls:
                bodies.setdefault(stem + suffix, Body(_bureau_key(parts, cls), parts))
    for entry in data["bodies"]:
        body = Body(entry["key"], (), entry.get("kind"))
        for form in entry["forms"]:
            bodies[form] = body  # explicit bodies win over generated bureau forms
        short_forms.setdefault(entry["key"], []).append(min(entry["forms"], key=len))
    # the data names the short forms where the shortest written stem is not the usual one
    for key, forms in data.get("short_forms", {}).items():
        if not key.startswith("_"):
            short_forms[key] = list(forms)
    tokens = sorted(data["segment_suffixes"], key=len, reverse=True)
    return Knowledge(
        levels=frozenset(data["levels"]),
        # one character class: a single linear scan for the characters that end a place prefix
        level_re=re.compile("[" + "".join(sorted({lv[-1] for lv in data["levels"]})) + "]"),
        branches=tuple(sorted(data["branches"].items(), key=lambda kv: -len(kv[0]))),
        branch_starts=frozenset(w[0] for w in data["branches"]),
        not_prefix_words=tuple(data["not_prefix_words"]),
        zone_words=tuple(sorted(data["zone_words"], key=len, reverse=True)),
        bodies=bodies,
        stems=stems,
        stem_sizes=_sizes_by_first_char(stems),
        suffixes=tuple(sorted(suffixes, key=lambda s: -len(s[0]))),
        connectors=frozenset(data["connectors"]),
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
    )


@functools.cache
def knowledge() -> Knowledge:
    """The tables, read once from the package data.

    >>> knowledge().bodies["发改委"].key
    '发改局'
    """
    text = resources.files("govplan").joinpath("data/units.json").read_text(encoding="utf-8")
    return _build(json.loads(text))
