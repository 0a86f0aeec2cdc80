"""Records -> quads: each fact in its source's named graph, with a claim node.

Facts go to the named graph of each source that states them; claim nodes go
to the default graph (:mod:`graph.store` adds every fact there too). A claim
(``sd:Bewering``, an ``rdf:Statement``) names the fact it supports, its source
(``prov:wasDerivedFrom``), the verbatim quote(s) (``sd:citaat``), whether it is
stated or inferred (``sd:status``/``sd:afleiding``) and the curated record it
came from (``sd:record``).

Terms are made as the store's own (:mod:`graph.terms`) and the quads kept in
a list in record order: no rdflib graph is built on the way, and the store
drops repeated quads when they are loaded.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from graph import terms as T
from graph.errors import Problem
from graph.mapping.fields import COMMON_FIELDS, PRECISIONS, RECORD_KEYS, TYPES, Field
from graph.namespaces import (
    PROV,
    RDF,
    SD,
    TOOI_GEMEENTE,
    XSD,
    concept,
    entity,
    graph_for_source,
    source_iri,
)
from graph.sources.records import Record

__all__ = ["Mapped", "map_records", "ID_PATTERN"]

ID_PATTERN = re.compile(r"[a-z]+/[a-z0-9][a-z0-9-]*")
DURATION = re.compile(r"P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?")
TOOI_REASON = ("De TOOI-identifier van een gemeente is "
               f"{TOOI_GEMEENTE}gm gevolgd door de vier cijfers van de CBS-code.")

@dataclass
class Mapped:
    """The result of mapping: the quads as N-Quads text, the declared things, and the problems found.

    Each item of ``lines`` is one or more complete N-Quads lines (a fact in its
    source's graph and in the default graph, then its claim); repeats are
    possible, the store drops them (see :class:`graph.terms.Quads`).
    """

    lines: list[str] = field(default_factory=list)
    declared: dict[str, str] = field(default_factory=dict)  # id -> type name
    problems: list[Problem] = field(default_factory=list)
    facts: int = 0


def map_records(records: Iterable[Record], sources: dict[str, Any],
                concepts: dict[str, set[str]], progress: Callable[[int, int, int], None] | None = None) -> Mapped:
    """Map records to quads, collecting every problem instead of stopping at the first.

    Parameters
    ----------
    records : curated, reference and imported records.
    sources : known source ids (a mapping from id to anything).
    concepts : ``{scheme: {concept name, ...}}`` from ``ontology/begrippen.ttl``.
    progress : called as ``progress(records mapped, records in all, claims so far)`` every 1,000 records.
    """
    records = list(records)
    out = Mapped()
    declared_at: dict[str, Record] = {}
    for rec in records:
        _declare(rec, out, declared_at)
    nodes: dict[str, T.Term] = {}
    for i, rec in enumerate(records):
        if progress and i % 1000 == 0:
            progress(i, len(records), len(out.lines))
        _map_record(rec, out, sources, concepts, nodes)
    return out


def _n(uri) -> T.Term:
    """The store's node for an rdflib IRI from :mod:`graph.namespaces` (made once)."""
    return T.named(str(uri))


@cache
def _source_nodes(sid: str) -> tuple[T.Term, T.Term]:
    """The source document's node and its named graph's node."""
    return _n(source_iri(sid)), _n(graph_for_source(sid))


#: Claims are ``sdi:bewering/<digest>``: the prefix made once (entity() per claim cost seconds at scale).
_CLAIM_PREFIX = str(entity("bewering/x"))[:-1]
#: The claim's predicates (and its class) as N-Quads text.
_TYPE, _SUBJECT, _PREDICATE, _OBJECT = (str(_n(x)) for x in (RDF.type, RDF.subject, RDF.predicate, RDF.object))
_DERIVED, _STATUS, _RECORD, _CITAAT, _AFLEIDING, _BEWERING = (
    str(_n(x)) for x in (PROV.wasDerivedFrom, SD.status, SD.record, SD.citaat, SD.afleiding, SD.Bewering))


def _node(nodes: dict[str, T.Term], key: str) -> T.Term:
    """The node of an entity id, made once per id."""
    node = nodes.get(key)
    if node is None:
        node = nodes[key] = T.iri(str(entity(key)))
    return node


def _problem(out: Mapped, rec: Record, key: str | None, message: str, hint: str = "") -> None:
    line = rec.line_of(key) if key else rec.line
    out.problems.append(Problem(rec.file, line, rec.key, message, hint))


def _declare(rec: Record, out: Mapped, declared_at: dict[str, Record]) -> None:
    f = rec.fields
    if "id" in f and "about" in f:
        _problem(out, rec, "about", "a record has either 'id' (declare) or 'about' (add facts), not both",
                 "use 'id' where the thing is first described, 'about' everywhere else")
        return
    if "id" not in f:
        return
    rid = str(f["id"])
    tname = f.get("type")
    if not ID_PATTERN.fullmatch(rid):
        _problem(out, rec, "id", f"invalid id {rid!r}",
                 "ids look like 'organisatie/kwadraad': a kind, '/', then a-z, 0-9 and '-'")
        return
    if tname not in TYPES:
        _problem(out, rec, "type" if tname else "id",
                 f"unknown type {tname!r}" if tname else "a declaration needs a 'type'",
                 f"use one of: {', '.join(TYPES)}")
        return
    if rid in declared_at:
        first = declared_at[rid]
        _problem(out, rec, "id", f"duplicate identifier {rid!r}: already declared at {first.file}:{first.line}",
                 "declare a thing once with 'id:' and use 'about:' in other records")
        return
    declared_at[rid] = rec
    out.declared[rid] = tname


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _map_record(rec: Record, out: Mapped, sources: dict[str, Any],
                concepts: dict[str, set[str]], nodes: dict[str, T.Term]) -> None:
    f = rec.fields
    key = rec.key
    if key is None:
        _problem(out, rec, None, "a record needs 'id' or 'about'",
                 "start the record with 'id: kind/slug' or 'about: kind/slug'")
        return
    if "about" in f:
        if key not in out.declared:
            _problem(out, rec, "about", f"unknown reference {key!r}: nothing declares this id",
                     "check the spelling, or declare it with 'id:' and a 'type'")
            return
        if "type" in f:
            _problem(out, rec, "type", "'type' belongs on the declaring record",
                     "remove 'type' from this 'about:' record")
    elif key not in out.declared:
        return  # declaration was rejected; already reported
    tname = out.declared[key]
    spec = TYPES[tname]
    subject = _node(nodes, key)

    src_ids = [str(s) for s in _as_list(f.get("source", rec.default_source)) if s is not None]
    if not src_ids:
        _problem(out, rec, None, "missing source: the record cites no source",
                 "add 'source: <id from data/sources.yaml>' to the record or the file")
        return
    unknown = [s for s in src_ids if s not in sources]
    if unknown:
        _problem(out, rec, "source", f"unknown source {', '.join(map(repr, unknown))}",
                 f"use one of: {', '.join(sources)}")
        return
    quotes = [q for q in _as_list(f.get("quote")) if q is not None]
    if not quotes or not all(isinstance(q, str) and q.strip() for q in quotes):
        _problem(out, rec, "quote" if "quote" in f else None, "missing quote: every fact needs verbatim evidence",
                 "add 'quote:' with the exact words from the source")
        return
    inferred = f.get("inferred")
    if inferred is not None and not (isinstance(inferred, str) and inferred.strip()):
        _problem(out, rec, "inferred", "'inferred' must say why the fact follows from the source",
                 "write the reasoning as text")
        return

    # (s, p, o, reason-override, only these sources or None for all the record cites)
    facts: list[tuple[T.Term, T.Term, T.Term, str | None, list[str] | None]] = []
    if "id" in f:
        facts.append((subject, _n(RDF.type), _n(spec.cls), None, None))
        if spec.needs_label and not f.get("label"):
            _problem(out, rec, "id", f"{tname} {key!r} has no label", "add 'label: <name as the source gives it>'")

    for name, value in f.items():
        if name in RECORD_KEYS:
            continue
        fdef = spec.fields.get(name) or COMMON_FIELDS.get(name)
        if fdef is None:
            allowed = sorted(set(spec.fields) | set(COMMON_FIELDS))
            _problem(out, rec, name, f"unknown field {name!r} for type {tname}",
                     f"use one of: {', '.join(allowed)}")
            continue
        values = _as_list(value)
        if len(values) > 1 and not fdef.many:
            _problem(out, rec, name, f"field {name!r} takes one value, got {len(values)}",
                     "split the record or keep one value")
            continue
        for v in values:
            obj = _object(rec, out, name, fdef, v, spec, concepts, nodes)
            if obj is None:
                continue
            pred = _n(fdef.predicate)
            facts.append((obj, pred, subject, None, None) if fdef.inverse else (subject, pred, obj, None, None))
            if name == "cbs_code" and tname == "Gemeente":
                tooi = T.iri(TOOI_GEMEENTE + str(v).lower())
                facts.append((subject, _n(SD.tooiIdentifier), tooi, TOOI_REASON, None))
    if tname == "Functie" and "geldig_op" not in f and ("persoon" in f or "rol" in f):
        facts.extend(_post_dates(subject, src_ids, sources))

    where = T.text(f"{rec.file}:{rec.line}")
    # one claim per record: its file (without the data folder's own name) and line
    record_key = f"{'/'.join(Path(rec.file).parts[-2:])}:{rec.line}"
    # N-Quads text from the terms' text (see graph.terms.Quads): one string per claim
    citations = [f" {_CITAAT} {T.text(q)} .\n" for q in quotes]
    record_text = f"{_RECORD} {where}"
    add = out.lines.append
    for s, p, o, reason, only in facts:
        why = reason or inferred
        status = _n(SD.Afgeleid if why else SD.Vermeld)
        reasoning = [f" {_AFLEIDING} {T.text(why.strip(), 'nl')} .\n"] if why else []
        fact = f"{s.value}|{p.value}|{o.value}|"
        spo = f"{s} {p} {o}"
        claim_body = (f" {_TYPE} {_BEWERING} .\n", f" {_SUBJECT} {s} .\n", f" {_PREDICATE} {p} .\n",
                      f" {_OBJECT} {o} .\n", f" {_STATUS} {status} .\n", f" {record_text} .\n")
        for sid in only or src_ids:
            src_node, graph_node = _source_nodes(sid)
            digest = hashlib.sha1(f"{fact}{sid}|{status.value}|{record_key}".encode()).hexdigest()[:20]
            c = f"<{_CLAIM_PREFIX}{digest}>"
            lines = [f"{spo} {graph_node} .\n{spo} .\n", f"{c} {_DERIVED} {src_node} .\n"]
            lines += [c + body for body in claim_body]
            lines += [c + body for body in citations]
            lines += [c + body for body in reasoning]
            add("".join(lines))
            out.facts += 1


def _post_dates(post: T.Term, src_ids: list[str], sources: dict[str, Any]):
    """A post a dated source names was held on that date: one inferred ``sd:geldigOp`` per such source."""
    for sid in src_ids:
        issued = getattr(sources[sid], "issued", None)
        if issued:
            reason = (f"Bron {sid}, uitgegeven op {issued}, noemt deze persoon in deze functie; "
                      "daaruit is afgeleid dat de functie op die datum werd bekleed.")
            yield post, _n(SD.geldigOp), T.typed(issued, str(XSD.date)), reason, [sid]


def _object(rec: Record, out: Mapped, name: str, fdef: Field, v: Any, spec,
            concepts: dict[str, set[str]], nodes: dict[str, T.Term]) -> T.Term | None:
    kind = fdef.kind
    if kind == "ref":
        ref = str(v)
        if ref not in out.declared:
            _problem(out, rec, name, f"unknown reference {ref!r} in {name!r}",
                     "check the id's spelling, or declare the thing with 'id:' and a 'type'")
            return None
        return _node(nodes, ref)
    if kind == "concept":
        names = concepts.get(fdef.scheme or "", set())
        if str(v) not in names:
            what = "organisation kind" if fdef.scheme == "organisatiesoort" else f"{fdef.scheme} concept"
            _problem(out, rec, name, f"unknown {what} {v!r}",
                     f"use one of: {', '.join(sorted(names))} (or add a concept to ontology/begrippen.ttl)")
            return None
        return _n(concept(fdef.scheme, str(v)))
    if kind == "text":
        if not isinstance(v, str) or not v.strip():
            _problem(out, rec, name, f"{name!r} must be non-empty text", "write the value as text")
            return None
        return T.text(v.strip(), "nl")
    if kind == "code":
        if not (isinstance(v, str) and spec.code_pattern and re.fullmatch(spec.code_pattern, v)):
            _problem(out, rec, name, f"invalid CBS code {v!r}",
                     f"a CBS code matches {spec.code_pattern} (e.g. GM0503 for Delft)")
            return None
        return T.text(v)
    if kind == "date":
        try:
            date.fromisoformat(str(v))
        except ValueError:
            _problem(out, rec, name, f"invalid date {v!r}", "write dates as YYYY-MM-DD")
            return None
        return T.typed(str(v), str(XSD.date))
    if kind == "year":
        if not re.fullmatch(r"\d{4}", str(v)):
            _problem(out, rec, name, f"invalid year {v!r}", "write a year as four digits, e.g. 2017")
            return None
        return T.typed(str(v), str(XSD.gYear))
    if kind == "number":
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            _problem(out, rec, name, f"{name!r} must be a number, got {v!r}",
                     "write the figure as digits with a '.' for decimals, e.g. 8.5")
            return None
        return T.typed(v, str(XSD.integer if isinstance(v, int) else XSD.decimal))
    if kind == "duration":
        if not (isinstance(v, str) and DURATION.fullmatch(v)):
            _problem(out, rec, name, f"invalid duration {v!r}", "use ISO 8601, e.g. P4Y for four years")
            return None
        return T.typed(v, str(XSD.duration))
    if kind == "enum":
        if v not in PRECISIONS:
            _problem(out, rec, name, f"invalid precision {v!r}", f"use one of: {', '.join(PRECISIONS)}")
            return None
        return T.text(v, "nl")
    raise AssertionError(f"unhandled field kind {kind}")  # pragma: no cover - table bug
