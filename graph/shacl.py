"""SHACL Core shapes run as SPARQL on the store.

``ontology/shapes.ttl`` stays the single truth: each constraint of each shape
is compiled into one SPARQL SELECT that returns the focus nodes (and values)
violating it, and the store (pyoxigraph, Rust) evaluates them. On a million
triples this takes seconds where pyshacl, walking an rdflib graph node by
node, took many minutes and gigabytes. The compiler covers the SHACL Core
components the shapes use (targets by class and by subject of a predicate;
predicate and inverse paths; min/max count, datatype, class, node kind,
pattern, in, hasValue, minLength, node, or); a shape using anything else
raises :class:`Unsupported`, and :func:`graph.validate.run_shacl` then falls
back to pyshacl. ``tests/test_shacl.py`` checks both engines give the same
results on the example files.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from graph.namespaces import OWL, RDF, RDFS, SH

__all__ = ["Unsupported", "Check", "compile_shapes", "violations"]

_RDF_TYPE = f"<{RDF.type}>"
_SUBCLASS = f"<{RDFS.subClassOf}>"

#: Shape keys that steer nothing the checks must do (documentation and messages).
_PASSIVE = {SH.message, SH.name, SH.description, SH.order, SH.group, RDFS.label, RDFS.comment, RDF.type}
_TARGETS = {SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode}
_COMPONENTS = {SH.minCount, SH.maxCount, SH.datatype, SH.pattern, SH.flags, SH["class"], SH.nodeKind,
               SH["in"], SH.hasValue, SH.minLength, SH.node, SH["or"], SH.property, SH.path}


class Unsupported(Exception):
    """The shapes use a SHACL feature this compiler does not translate."""


@dataclass(frozen=True)
class Check:
    """One constraint of one shape as a SPARQL query returning ``?this`` (and ``?value`` where SHACL reports one).

    ``shape`` is the node shape that targets the focus nodes, ``path`` the
    property path's IRI (None for an inverse path or a node-level
    constraint), ``messages`` the ``sh:message`` literals that apply.
    """

    shape: Node
    path: URIRef | None
    messages: tuple[Literal, ...]
    component: str
    query: str
    reports_value: bool = False


def _n3(term: Node) -> str:
    if isinstance(term, BNode):
        raise Unsupported("a blank node as a constraint value")
    return term.n3()


class _Compiler:
    def __init__(self, g: Graph) -> None:
        self.g = g
        self.counter = itertools.count()

    def var(self) -> str:
        return f"?v{next(self.counter)}"

    def path(self, shape: Node) -> str:
        p = self.g.value(shape, SH.path)
        if isinstance(p, URIRef):
            return f"<{p}>"
        inverse = self.g.value(p, SH.inversePath) if p is not None else None
        if isinstance(inverse, URIRef) and len(set(self.g.predicate_objects(p))) == 1:
            return f"^<{inverse}>"
        raise Unsupported(f"path {p!r}")

    def check_keys(self, shape: Node) -> None:
        for key in set(self.g.predicates(shape, None)):
            if key in _PASSIVE or key in _TARGETS or key in _COMPONENTS:
                continue
            if key == SH.severity and self.g.value(shape, key) == SH.Violation:
                continue
            raise Unsupported(f"{key} on {shape}")
        if (shape, RDF.type, RDFS.Class) in self.g or (shape, RDF.type, OWL.Class) in self.g:
            raise Unsupported("implicit class targets")

    def constraints(self, shape: Node, focus: str) -> Iterator[tuple[str, str, str | None]]:
        """(component, SPARQL pattern matching once per violation, the value variable or None)."""
        g = self.g
        self.check_keys(shape)
        has_path = g.value(shape, SH.path) is not None
        path = self.path(shape) if has_path else None

        def values() -> tuple[str, str]:
            v = self.var()
            return (f"{focus} {path} {v} .", v) if has_path else ("", focus)

        for n in g.objects(shape, SH.minCount):
            n = int(n)
            if not has_path or n > 4:
                raise Unsupported("sh:minCount above 4 or without a path")
            if n > 0:
                vs = [self.var() for _ in range(n)]
                yield "MinCount", f"FILTER NOT EXISTS {{ {self._distinct(focus, path, vs)} }}", None
        for n in g.objects(shape, SH.maxCount):
            n = int(n)
            if not has_path or n > 3:
                raise Unsupported("sh:maxCount above 3 or without a path")
            vs = [self.var() for _ in range(n + 1)]
            yield "MaxCount", f"FILTER EXISTS {{ {self._distinct(focus, path, vs)} }}", None
        for x in g.objects(shape, SH.hasValue):
            if has_path:
                yield "HasValue", f"FILTER NOT EXISTS {{ {focus} {path} {_n3(x)} }}", None
            else:
                yield "HasValue", f"FILTER(!sameTerm({focus}, {_n3(x)}))", focus
        value_filters: list[tuple[str, str]] = []
        for d in g.objects(shape, SH.datatype):
            value_filters.append(("Datatype", "!(isLiteral({v}) && sameTerm(DATATYPE({v}), " + _n3(d) + "))"))
        for rx in g.objects(shape, SH.pattern):
            flags = g.value(shape, SH.flags)
            args = f", {Literal(str(flags)).n3()}" if flags else ""
            regex = Literal(str(rx)).n3()
            value_filters.append(("Pattern", "(isBlank({v}) || !REGEX(STR({v}), " + regex + args + "))"))
        for n in g.objects(shape, SH.minLength):
            value_filters.append(("MinLength", "(isBlank({v}) || STRLEN(STR({v})) < " + str(int(n)) + ")"))
        for kind in g.objects(shape, SH.nodeKind):
            tests = {SH.IRI: "isIRI({v})", SH.BlankNode: "isBlank({v})", SH.Literal: "isLiteral({v})",
                     SH.BlankNodeOrIRI: "(isBlank({v}) || isIRI({v}))",
                     SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
                     SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))"}
            if kind not in tests:
                raise Unsupported(f"sh:nodeKind {kind}")
            value_filters.append(("NodeKind", "!" + tests[kind]))
        for lst in g.objects(shape, SH["in"]):
            members = " || ".join("sameTerm({v}, " + _n3(m) + ")" for m in Collection(g, lst))
            value_filters.append(("In", f"!({members or 'false'})"))
        for comp, cond in value_filters:
            pattern, v = values()
            yield comp, f"{pattern} FILTER({cond.replace('{v}', v)})", v
        for cls in g.objects(shape, SH["class"]):
            pattern, v = values()
            yield "Class", (f"{pattern} FILTER NOT EXISTS {{ {v} {_RDF_TYPE}/{_SUBCLASS}* {_n3(cls)} }}"), v
        for other in g.objects(shape, SH.node):
            pattern, v = values()
            yield "Node", f"{pattern} FILTER EXISTS {{ {self.violation(other, v)} }}", v
        for lst in g.objects(shape, SH["or"]):
            pattern, v = values()
            members = list(Collection(g, lst))
            if not members:
                raise Unsupported("an empty sh:or")
            conds = " && ".join(f"EXISTS {{ {self.violation(m, v)} }}" for m in members)
            yield "Or", f"{pattern} FILTER({conds})", v

    @staticmethod
    def _distinct(focus: str, path: str, vs: list[str]) -> str:
        triples = " ".join(f"{focus} {path} {v} ." for v in vs)
        pairs = [f"!sameTerm({a}, {b})" for a, b in itertools.combinations(vs, 2)]
        return triples + (f" FILTER({' && '.join(pairs)})" if pairs else "")

    def violation(self, shape: Node, focus: str) -> str:
        """A pattern matching when ``focus`` does not conform to ``shape`` (its own and its property shapes)."""
        parts = [p for _, p, _ in self.constraints(shape, focus)]
        for prop in self.g.objects(shape, SH.property):
            parts += [p for _, p, _ in self.constraints(prop, focus)]
        if not parts:
            return "FILTER(false)"
        return " UNION ".join(f"{{ {p} }}" for p in parts)

    def targets(self, shape: Node) -> str | None:
        g = self.g
        parts = []
        classes = list(g.objects(shape, SH.targetClass))
        if classes:
            vals = " ".join(_n3(c) for c in classes)
            parts.append(f"VALUES ?cls {{ {vals} }} ?sub {_SUBCLASS}* ?cls . ?this {_RDF_TYPE} ?sub .")
        for p in g.objects(shape, SH.targetSubjectsOf):
            parts.append(f"?this {_n3(p)} ?any .")
        for p in g.objects(shape, SH.targetObjectsOf):
            parts.append(f"?any {_n3(p)} ?this .")
        for x in g.objects(shape, SH.targetNode):
            parts.append(f"VALUES ?this {{ {_n3(x)} }}")
        if not parts:
            return None
        return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(f"{{ {p} }}" for p in parts) + " } }"


def compile_shapes(shapes: Graph) -> list[Check]:
    """Every constraint of every targeted, active shape in ``shapes`` as a :class:`Check`.

    Raises :class:`Unsupported` when a shape uses a feature the compiler does
    not translate.

    Examples
    --------
    >>> from graph.ontology import shapes_graph
    >>> checks = compile_shapes(shapes_graph())
    >>> len(checks) > 20, all("?this" in c.query for c in checks)
    (True, True)
    """
    c = _Compiler(shapes)
    checks: list[Check] = []
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape)) | {
        s for t in _TARGETS for s in shapes.subjects(t, None)}
    if set(shapes.subjects(RDF.type, SH.PropertyShape)) - set(shapes.objects(None, SH.property)):
        raise Unsupported("a property shape with its own targets")
    if any(shapes.triples((None, SH.sparql, None))) or any(shapes.triples((None, SH.deactivated, None))):
        raise Unsupported("SPARQL constraints or deactivated shapes")
    for shape in sorted(node_shapes, key=str):
        target = c.targets(shape)
        if target is None:
            continue
        own = tuple(shapes.objects(shape, SH.message))
        holders = [(shape, None)] + [(p, p) for p in shapes.objects(shape, SH.property)]
        for holder, prop in holders:
            msgs = tuple(shapes.objects(holder, SH.message)) or own
            path = shapes.value(prop, SH.path) if prop is not None else None
            for comp, pattern, value in c.constraints(holder, "?this"):
                select = f"?this ({value} AS ?value)" if value else "?this"
                checks.append(Check(shape, path if isinstance(path, URIRef) else None, msgs, comp,
                                    f"SELECT DISTINCT {select} WHERE {{ {target} {pattern} }}",
                                    reports_value=value is not None))
    return checks


def violations(store, checks: list[Check]) -> Iterator[tuple[Check, object, object | None]]:
    """Run each check on a pyoxigraph store: (check, focus node, value node or None) per violation."""
    for check in checks:
        for row in store.query(check.query):
            yield check, row["this"], row["value"] if check.reports_value else None
