"""Resolving the unit names one document prints to :class:`~govplan.model.Unit` objects.

Feed a :class:`UnitResolver` every name a document prints (lists through :meth:`add_list`, so it
knows which names stand side by side), then :meth:`~UnitResolver.resolve`.  Names fall together

1. when their canonical forms agree (区发展改革局 = 区发改委: data, see
   :func:`~govplan.units.canonical_form`);
2. when a damaged print repairs to a name the document uses (spaces, repeated characters, one
   typo: :mod:`govplan.units.repair`);
3. by what the document shows: a name printed without prefix (审计局) is the one prefixed unit
   with that department; a part of a merged bureau (区发改局) is the one merged bureau holding it
   (区发改财政局) when no separate unit is printed with it; a sub-office printed alone (区金融办)
   is the one unit housing it (区发改财政局（金融办）).

Names printed side by side in one list are never put together by rule 2 or 3.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from govplan.model import Role, Unit, UnitKind
from govplan.units.abbreviations import MAX_PARSED, ParsedName, canonical_form, parse_name
from govplan.units.kinds import is_collective, unit_kind
from govplan.units.knowledge import knowledge, parts_key
from govplan.units.names import clean_name
from govplan.units.repair import join_spaced, one_edit_apart, quality, repeat_candidates

__all__ = ["UnitResolver"]

_SPACES = frozenset(" \t\u3000\xa0")


class _Keys:
    """Union-find over canonical keys; the root of a set is the unit the others denote."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        root = key
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while key != root:  # path compression
            self.parent[key], key = root, self.parent.get(key, key)
        return root

    def merge(self, key: str, into: str) -> None:
        a, b = self.find(key), self.find(into)
        if a != b:
            self.parent[a] = b


class UnitResolver:
    """Collects the unit names of one document (one jurisdiction) and resolves them to units.

    >>> r = UnitResolver("某某区")
    >>> r.add_list(["区发展改革局", "区财政局"])
    >>> r.add_list(["区发改委", "区 财政局", "审计局"])
    >>> r.add("区审计局")
    >>> units = r.resolve()
    >>> units["区发改委"] is units["区发展改革局"], units["区 财政局"].name, units["审计局"].name
    (True, '区财政局', '区审计局')
    >>> units["区发改委"].id, units["区发改委"].aliases
    ('unit:某某区:区|发改局', ('区发改委', '区发改局'))
    """

    def __init__(self, jurisdiction: str | None = None) -> None:
        self.jurisdiction = jurisdiction
        self._counts: Counter[str] = Counter()
        self._order: dict[str, int] = {}
        self._lists: list[tuple[str, ...]] = []
        self._roles: defaultdict[str, set[Role]] = defaultdict(set)

    def add(self, name: str, role: Role | None = None) -> None:
        """Record one printed occurrence of *name* (as printed; spaces and markup are fine)."""
        if not isinstance(name, str) or not clean_name(name):
            return
        self._counts[name] += 1
        self._order.setdefault(name, len(self._order))
        if role is not None:
            self._roles[name].add(role)

    def add_list(self, names: Iterable[str], role: Role | None = None) -> None:
        """Record the names of one printed list: they denote different units."""
        kept = []
        for name in names:
            self.add(name, role)
            if isinstance(name, str) and clean_name(name):
                kept.append(name)
        if len(kept) > 1:
            self._lists.append(tuple(kept))

    # -- resolution ---------------------------------------------------------------------------

    def resolve(self) -> dict[str, Unit]:
        """A unit for every name added, keyed by the name as added and by its cleaned form."""
        fixed = self._repair()
        keys = {raw: canonical_form(name) for raw, name in fixed.items()}
        apart = self._apart(keys)
        uf = _Keys()
        for key in set(keys.values()):
            uf.find(key)
        self._merge_by_document(keys, fixed, uf, apart)
        return self._build(fixed, keys, uf)

    def _repair(self) -> dict[str, str]:
        """The repaired cleaned name each printed name stands for."""
        cleaned = {raw: clean_name(raw) for raw in self._counts}
        key_count: Counter[str] = Counter()
        for raw, name in cleaned.items():
            if not (set(raw.strip()) & _SPACES):
                key_count[canonical_form(name)] += self._counts[raw]

        def known(name: str) -> bool:
            return key_count[canonical_form(name)] > 0

        fixed: dict[str, str] = {}
        for raw, name in cleaned.items():
            if set(raw.strip()) & _SPACES:
                name = join_spaced(raw, known)
            fixed[raw] = name
        # names as the document prints them, for the repeat and typo repairs
        printed: Counter[str] = Counter()
        for raw, name in fixed.items():
            printed[name] += self._counts[raw]
        printed_keys: Counter[str] = Counter()
        for name, n in printed.items():
            printed_keys[canonical_form(name)] += n
        for raw, name in fixed.items():
            if is_collective(name) or quality(name) == 2:
                continue
            own = canonical_form(name)
            for cand in repeat_candidates(name):
                ckey = canonical_form(cand)
                if ckey == own:
                    continue
                if printed_keys[ckey] > 0 or (quality(cand) == 2 and quality(name) < 2):
                    fixed[raw] = cand
                    break
        self._fix_typos(fixed, printed)
        return fixed

    def _fix_typos(self, fixed: dict[str, str], printed: Counter[str]) -> None:
        """One-character typos of a known unit printed at least as often elsewhere."""
        conn = knowledge().connectors

        def loose(name: str) -> str:
            return "".join(ch for ch in name if ch not in conn)

        # every known name under itself and under each one-character deletion of it: two names
        # one edit apart share an entry (a deletion-neighbourhood index, linear in the names)
        near: defaultdict[str, list[str]] = defaultdict(list)
        for name in printed:
            if quality(name) > 0 and not is_collective(name):
                t = loose(name)
                near[t].append(name)
                for j in range(len(t)):
                    near[t[:j] + t[j + 1 :]].append(name)
        apart = self._apart({raw: canonical_form(n) for raw, n in fixed.items()})
        for raw, name in fixed.items():
            # a unit name is short: a longer "name" is damage, and its deletion neighbourhood
            # would cost the square of its length
            if not 4 <= len(name) <= MAX_PARSED or quality(name) > 0 or is_collective(name):
                continue
            lname = loose(name)
            found = set(near.get(lname, ()))
            for j in range(len(lname)):
                found.update(near.get(lname[:j] + lname[j + 1 :], ()))
            hits: dict[str, str] = {}
            for target in sorted(found):
                lt = loose(target)
                at = one_edit_apart(lname, lt)
                if at is None or at == 0 or at >= max(len(lname), len(lt)) - 1:
                    continue  # the prefix or the suffix differs: another unit
                if len(lname) == len(lt) < 5:
                    continue  # 区管委会 / 区安委会: too short to tell a typo from another unit
                if printed[target] < printed[name]:
                    continue
                if (canonical_form(name), canonical_form(target)) in apart:
                    continue
                hits.setdefault(canonical_form(target), target)
            if len(hits) == 1:
                fixed[raw] = next(iter(hits.values()))

    def _apart(self, keys: dict[str, str]) -> set[tuple[str, str]]:
        """Pairs of keys printed side by side in one list."""
        pairs: set[tuple[str, str]] = set()
        for names in self._lists:
            ks = sorted({keys[n] for n in names if n in keys})
            for i, a in enumerate(ks):
                for b in ks[i + 1 :]:
                    pairs.add((a, b))
                    pairs.add((b, a))
        return pairs

    def _merge_by_document(
        self, keys: dict[str, str], fixed: dict[str, str], uf: _Keys, apart: set[tuple[str, str]]
    ) -> None:
        parsed: dict[str, ParsedName] = {}
        for raw, key in keys.items():
            if not key.startswith("*"):
                parsed.setdefault(key, parse_name(fixed[raw]))
        by_body: defaultdict[str, set[str]] = defaultdict(set)
        for key, p in parsed.items():
            if p.prefix:
                by_body[p.body].add(key)

        def only(candidates: Iterable[str], key: str) -> str | None:
            found = {c for c in candidates if c != key and (key, c) not in apart}
            return found.pop() if len(found) == 1 else None

        # 1. a name without prefix is the one prefixed unit of that department
        for key, p in parsed.items():
            if not p.prefix:
                target = only(by_body.get(p.body, ()), key)
                if target is not None:
                    uf.merge(key, target)
        # 2. a part of a merged bureau is the one merged bureau holding it
        by_part: defaultdict[str, set[str]] = defaultdict(set)
        for key, p in parsed.items():
            if len(p.parts) > 1:
                for part in p.parts:
                    by_part[part].add(key)
        for key, p in parsed.items():
            if not p.parts or uf.find(key) != key:
                continue
            holders = set.intersection(*(by_part.get(part, set()) for part in p.parts))
            holders = {
                other
                for other in holders
                if parsed[other].tails == p.tails
                and parsed[other].head[-1:] == p.head[-1:]
                and (parsed[other].prefix == p.prefix or not p.prefix)
                and set(p.parts) < set(parsed[other].parts)
            }
            target = only(holders, key)
            if target is not None:
                uf.merge(key, target)
        # 3. a sub-office printed alone is the one unit housing it
        by_tail: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
        for key, p in parsed.items():
            if p.tails:
                by_tail[p.prefix, p.tails[-1]].add(key)
                by_tail["*", p.tails[-1]].add(key)
        for key, p in parsed.items():
            if p.tails or uf.find(key) != key:
                continue
            housing = by_tail.get((p.prefix or "*", p.head), set())
            own_body = by_body.get(p.body, set()) - {key}
            target = only(housing, key)
            if target is not None and not own_body:
                uf.merge(key, target)

    def _build(self, fixed: dict[str, str], keys: dict[str, str], uf: _Keys) -> dict[str, Unit]:
        groups: defaultdict[str, list[str]] = defaultdict(list)
        for raw in sorted(self._counts, key=self._order.__getitem__):
            groups[uf.find(keys[raw])].append(raw)
        roots = {key: uf.find(key) for key in keys.values()}
        out: dict[str, Unit] = {}
        for root, raws in groups.items():
            unit = self._unit(root, raws, fixed, keys, roots)
            for raw in raws:
                out[raw] = unit
                out.setdefault(clean_name(raw), unit)
                out.setdefault(fixed[raw], unit)
        return out

    def _unit(
        self, root: str, raws: list[str], fixed: dict[str, str], keys: dict[str, str], roots: dict[str, str]
    ) -> Unit:
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for raw in raws:
            name = fixed[raw]
            # the root's own names come first: 区发改财政局 names the unit 区发改局 resolves to
            weight = self._counts[raw] * (1 if keys[raw] == root else 0)
            counts[name] += weight
            first.setdefault(name, self._order[raw])
        name = max(counts, key=lambda n: (counts[n], quality(n), len(n), -first[n]))
        aliases = dict.fromkeys(n for n in counts if n != name)
        for raw in raws:
            for variant in (clean_name(raw), fixed[raw]):
                if variant != name:
                    aliases.setdefault(variant)
        for extra in self._standard_forms(name, root, roots):
            if extra != name:
                aliases.setdefault(extra)
        kind = UnitKind.COLLECTIVE if root.startswith("*") else unit_kind(name)
        return Unit(
            id=f"unit:{self.jurisdiction or ''}:{root}",
            name=name,
            jurisdiction=self.jurisdiction,
            aliases=tuple(aliases),
            kind=kind,
        )

    def _standard_forms(self, name: str, root: str, roots: dict[str, str]) -> list[str]:
        """The short forms a user would type for the unit: 区发改局 for 区发展和改革局; for a merged
        bureau also its parts' (区工信局 for 区科技工信局) unless the document has a unit of its own
        for that part."""
        if root.startswith("*"):
            return []
        p = parse_name(name)
        if not p.recognized or p.tails:
            return []
        prefix = p.prefix
        if not prefix and p.printed_prefix:
            return []  # 人民银行青山支行, 临江供电公司: a place without level; which level is unknown
        if not prefix:
            level = (self.jurisdiction or "")[-1:]
            if level not in knowledge().levels:
                return []
            prefix = level
        shorts = knowledge().short_forms
        forms = [prefix + form for form in shorts.get(p.head, ())]
        if len(p.parts) > 1:
            cls = p.head[len(parts_key(p.parts, "")) :]  # the suffix class: 局, 部, 中心
            for part in p.parts:
                part_key = f"{p.prefix}|{part}{cls}"
                if roots.get(part_key, root) == root:
                    forms.extend(prefix + form for form in shorts.get(part + cls, ()))
        return forms
