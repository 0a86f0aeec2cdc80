"""Facts the build derives from curated records, so natural queries find them.

Three patterns made a plain SPARQL query miss answers: a symmetric relation
stored one way, "in or active in gemeente X" split over several properties,
and an initiator recorded as a membership role. :func:`derive_records` adds,
for each curated record that implies such a fact, an extra record that states
it as inferred (``sd:Afgeleid``) with its reason. A derived record keeps the
file, line, source(s) and quote(s) of the record(s) it comes from, so its claim
points back to them; it works at the record level, before any RDF is made, so
the derived facts are ordinary triples in the built files and any SPARQL store
that loads them sees them without a reasoner.

What is derived:

* ``werkt_samen_met`` and ``strijdig_met`` (``owl:SymmetricProperty`` in the
  ontology) in the other direction;
* ``in_gemeente`` (``sd:inGemeente``): whatever is ``actief_in`` or ``ligt_in``
  a gemeente, and whatever ``ligt_in`` or is ``gevestigd_in`` a place that
  (through a chain of ``ligt_in``/``gevestigd_in``/``actief_in``) lies in a
  gemeente, for each source that every record of the chain cites;
* ``initiatiefnemer`` (``sd:initiatiefnemer``) on a collaboration from a
  ``Lidmaatschap`` with ``rol: initiatiefnemer``.

A fact some record already gives for a source (stated or inferred) is not
derived again for that source, and each derived fact is made once per source.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Iterable
from typing import Any

from graph.mapping.fields import TYPES
from graph.mapping.records import ID_PATTERN
from graph.sources.records import Record

__all__ = ["SYMMETRIC_FIELDS", "PLACE_FIELDS", "derive_records"]

#: Record fields whose predicate the ontology declares ``owl:SymmetricProperty``.
SYMMETRIC_FIELDS = {"werkt_samen_met": "sd:werktSamenMet", "strijdig_met": "sd:strijdigMet"}

#: Fields followed to find the gemeente something is in or active in.
PLACE_FIELDS = ("actief_in", "ligt_in", "gevestigd_in")

_MAX_CHAIN = 6  # ligt_in chains are short (voorziening -> wijk -> stadsdeel -> gemeente)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _sources(rec: Record) -> list[str]:
    return [str(s) for s in _as_list(rec.fields.get("source", rec.default_source))]


def _quotes(rec: Record) -> list[str]:
    return [q for q in _as_list(rec.fields.get("quote")) if isinstance(q, str) and q.strip()]


def _because(rec: Record) -> str:
    """The reason of an inferred record, to carry over into what is derived from it."""
    why = rec.fields.get("inferred")
    return f" Die bewering is zelf afgeleid: {' '.join(why.split())}" if isinstance(why, str) and why.strip() else ""


class _Collector:
    """Derived records, made once per (subject, field, value, source) and never over a given fact."""

    def __init__(self, given: set[tuple[str, str, str, str]]):
        self.given = given
        self.made: set[tuple[str, str, str, str]] = set()
        self.records: list[Record] = []

    def add(self, basis: Record, subject: str, name: str, value: str, sources: Iterable[str],
            quotes: list[str], reason: str) -> None:
        fresh = [s for s in sources
                 if (subject, name, value, s) not in self.given and (subject, name, value, s) not in self.made]
        if not fresh or not quotes:
            return
        self.made.update((subject, name, value, s) for s in fresh)
        self.records.append(Record(
            file=basis.file, line=basis.line, key_lines={}, default_source=None,
            fields={"about": subject, name: value, "source": fresh if len(fresh) > 1 else fresh[0],
                    "quote": quotes if len(quotes) > 1 else quotes[0], "inferred": reason}))


def derive_records(records: list[Record], sources: Container[str] | None = None) -> list[Record]:
    """Records for the facts the curated records imply by symmetry, place and membership role.

    Parameters
    ----------
    records : list of Record
        Every record of the build (reference, curated and imported).
    sources : container of str, optional
        The known source ids. A record that cites another one, or declares an
        invalid id or type, derives nothing: the mapping reports it once.

    Returns
    -------
    list of Record
        New ``about:`` records, each ``inferred`` with a Dutch reason, citing
        the source(s) and quote(s) of the record(s) it follows from. The input
        is not changed.

    Examples
    --------
    >>> from graph.sources.records import Record
    >>> recs = [Record("x.yaml", 1, {"id": "organisatie/a", "type": "Organisatie", "label": "A",
    ...                              "werkt_samen_met": "organisatie/b", "source": "004", "quote": "A en B"}),
    ...         Record("x.yaml", 5, {"id": "organisatie/b", "type": "Organisatie", "label": "B",
    ...                              "source": "004", "quote": "B"})]
    >>> [(r.line, r.fields["about"], r.fields["werkt_samen_met"]) for r in derive_records(recs)]
    [(1, 'organisatie/b', 'organisatie/a')]
    """
    declared: dict[str, str] = {}
    for rec in records:
        rid, tname = str(rec.fields.get("id")), rec.fields.get("type")
        if "about" not in rec.fields and tname in TYPES and ID_PATTERN.fullmatch(rid):
            declared.setdefault(rid, tname)

    usable = [r for r in records if r.key in declared and _sources(r) and _quotes(r)
              and (sources is None or all(s in sources for s in _sources(r)))]
    given: set[tuple[str, str, str, str]] = set()
    for rec in usable:
        for name in (*SYMMETRIC_FIELDS, "in_gemeente", "initiatiefnemer"):
            for v in _as_list(rec.fields.get(name)):
                given.update((rec.key, name, str(v), s) for s in _sources(rec))
    out = _Collector(given)
    _symmetric(usable, declared, out)
    _in_gemeente(usable, declared, out)
    _initiators(usable, declared, out)
    return out.records


def _symmetric(records: list[Record], declared: dict[str, str], out: _Collector) -> None:
    for rec in records:
        for name, term in SYMMETRIC_FIELDS.items():
            for v in _as_list(rec.fields.get(name)):
                other = str(v)
                if other in declared and other != rec.key:
                    reason = (f"{term} is symmetrisch; afgeleid uit {rec.key} {name} {other}."
                              + _because(rec))
                    out.add(rec, other, name, rec.key, _sources(rec), _quotes(rec), reason)


def _in_gemeente(records: list[Record], declared: dict[str, str], out: _Collector) -> None:
    # place edges: thing -> [(field, target, record)]
    edges: dict[str, list[tuple[str, str, Record]]] = defaultdict(list)
    for rec in records:
        for name in PLACE_FIELDS:
            for v in _as_list(rec.fields.get(name)):
                if str(v) in declared:
                    edges[rec.key].append((name, str(v), rec))

    def is_gemeente(ref: str) -> bool:
        return declared.get(ref) == "Gemeente"

    def chains(start: str, seen: tuple[str, ...]):
        """Paths of (field, target, record) from ``start`` to a gemeente."""
        if len(seen) > _MAX_CHAIN:
            return
        for name, target, rec in edges.get(start, ()):
            if target in seen:
                continue
            if is_gemeente(target):
                yield [(name, target, rec)]
            elif name != "actief_in":  # a regio is not a place that lies in a gemeente
                for rest in chains(target, (*seen, target)):
                    yield [(name, target, rec), *rest]

    for rec in records:
        for name in PLACE_FIELDS:
            for v in _as_list(rec.fields.get(name)):
                target = str(v)
                if is_gemeente(target) and name != "gevestigd_in":
                    reason = (f"sd:inGemeente omvat sd:actiefIn en sd:ligtIn naar een gemeente; "
                              f"afgeleid uit {rec.key} {name} {target}." + _because(rec))
                    out.add(rec, rec.key, "in_gemeente", target, _sources(rec), _quotes(rec), reason)
                elif target in declared and name != "actief_in":
                    for path in chains(target, (rec.key, target)):
                        _chain_fact(rec, name, target, path, out)


def _chain_fact(rec: Record, name: str, target: str, path, out: _Collector) -> None:
    links = [(rec.key, name, target, rec)] + [
        (path[i - 1][1] if i else target, n, t, r) for i, (n, t, r) in enumerate(path)]
    sources = [s for s in _sources(rec) if all(s in _sources(r) for *_, r in links)]
    quotes: list[str] = []
    for *_, r in links:
        quotes += [q for q in _quotes(r) if q not in quotes]
    gemeente = path[-1][1]
    steps = " en ".join(f"{a} {n} {b}" for a, n, b, _ in links)
    reason = (f"sd:inGemeente volgt ligt_in, gevestigd_in en actief_in tot een gemeente; "
              f"afgeleid uit {steps}." + "".join(_because(r) for r in {id(r): r for *_, r in links}.values()))
    out.add(rec, rec.key, "in_gemeente", gemeente, sources, quotes, reason)


def _initiators(records: list[Record], declared: dict[str, str], out: _Collector) -> None:
    parts: dict[str, dict[str, list[tuple[str, Record]]]] = defaultdict(lambda: defaultdict(list))
    for rec in records:
        if declared.get(rec.key) == "Lidmaatschap":
            for name in ("lid", "van", "rol"):
                for v in _as_list(rec.fields.get(name)):
                    parts[rec.key][name].append((str(v), rec))
    for membership, got in parts.items():
        for rol, rol_rec in got["rol"]:
            if rol != "initiatiefnemer":
                continue
            for lid, lid_rec in got["lid"]:
                for van, van_rec in got["van"]:
                    if lid not in declared or van not in declared:
                        continue
                    basis = [rol_rec] + [r for r in (lid_rec, van_rec) if r is not rol_rec]
                    basis = list({id(r): r for r in basis}.values())
                    sources = [s for s in _sources(rol_rec) if all(s in _sources(r) for r in basis)]
                    quotes: list[str] = []
                    for r in basis:
                        quotes += [q for q in _quotes(r) if q not in quotes]
                    reason = (f"Een lidmaatschap met rol initiatiefnemer maakt het lid initiatiefnemer "
                              f"van het verband; afgeleid uit {membership} (lid {lid}, van {van}, "
                              f"rol initiatiefnemer)." + "".join(_because(r) for r in basis))
                    out.add(rol_rec, van, "initiatiefnemer", lid, sources, quotes, reason)
