"""Human-readable HTML documentation of the ontology and concept schemes (``make docs``).

A small generator of our own: one self-contained page per vocabulary, every
value HTML-escaped, Dutch and English side by side, no JavaScript or network.
"""

from __future__ import annotations

import sys
from html import escape
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from graph.namespaces import compact
from graph.ontology import ONTOLOGY_FILES
from graph.settings import ontology_dir

__all__ = ["render_ontology", "write_docs"]

CSS = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{color:#7a5c00}h2{border-bottom:2px solid #e5c100;padding-bottom:.2rem;margin-top:2.5rem}
.term{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;margin:.8rem 0}
.iri{font-family:monospace;font-size:.85rem;color:#555}dt{font-weight:600}dd{margin:0 0 .4rem 1rem}
nav a{margin-right:.8rem}"""


def _text(g: Graph, s, p, lang: str) -> str:
    vals = [str(o) for o in g.objects(s, p) if getattr(o, "language", None) == lang]
    return vals[0] if vals else ""


def _class_name(g: Graph, node) -> str:
    """A class as prefixed name; an owl:unionOf as 'A of B'; other blank nodes as ''."""
    if isinstance(node, URIRef):
        return compact(str(node))
    members = g.value(node, OWL.unionOf)
    if members is not None:
        return " of ".join(compact(str(m)) for m in Collection(g, members))
    return ""


def _term_block(g: Graph, term: URIRef, label_p=RDFS.label) -> str:
    anchor = escape(str(term).rsplit("#", 1)[-1].rsplit("/", 1)[-1], quote=True)
    nl, en = _text(g, term, label_p, "nl"), _text(g, term, label_p, "en")
    rows = [f"<dt>Definitie</dt><dd>{escape(_text(g, term, SKOS.definition, 'nl'))}</dd>",
            f"<dt>Definition</dt><dd>{escape(_text(g, term, SKOS.definition, 'en'))}</dd>"]
    for lang, name in (("nl", "Toelichting"), ("en", "Note")):
        if note := _text(g, term, RDFS.comment, lang):
            rows.append(f"<dt>{name}</dt><dd>{escape(note)}</dd>")
    for p, name in ((RDFS.subClassOf, "subklasse van"), (RDFS.subPropertyOf, "subproperty van"),
                    (RDFS.domain, "domein"), (RDFS.range, "bereik")):
        vals = [_class_name(g, o) for o in g.objects(term, p)]
        vals = [v for v in vals if v]
        if vals:
            rows.append(f"<dt>{name}</dt><dd>{escape(', '.join(sorted(vals)))}</dd>")
    return (f'<div class="term" id="{anchor}"><h3>{escape(nl)} <small>/ {escape(en)}</small></h3>'
            f'<div class="iri">{escape(str(term))}</div><dl>{"".join(rows)}</dl></div>')


def render_ontology(g: Graph) -> str:
    """One HTML page: header metadata, classes, properties, concept schemes."""
    onto = next(g.subjects(RDF.type, OWL.Ontology))
    title = _text(g, onto, DCTERMS.title, "nl") or str(onto)
    parts = [f"<!doctype html><html lang='nl'><head><meta charset='utf-8'><title>{escape(title)}</title>",
             f"<style>{CSS}</style></head><body><h1>{escape(title)}</h1>",
             f"<p>{escape(_text(g, onto, DCTERMS.description, 'nl'))}</p>",
             f"<p><em>{escape(_text(g, onto, DCTERMS.description, 'en'))}</em></p>",
             f"<p class='iri'>{escape(str(onto))} · versie {escape(str(g.value(onto, OWL.versionInfo) or ''))}"
             f" · licentie {escape(str(g.value(onto, DCTERMS.license) or ''))}</p>"]
    def named(*types) -> list[URIRef]:  # blank-node classes (unions) are shown where they are used
        return sorted({t for ty in types for t in g.subjects(RDF.type, ty) if isinstance(t, URIRef)})

    sections = [("Klassen / Classes", named(OWL.Class), RDFS.label),
                ("Eigenschappen / Properties", named(OWL.ObjectProperty, OWL.DatatypeProperty), RDFS.label)]
    for scheme in sorted(g.subjects(RDF.type, SKOS.ConceptScheme)):
        members = sorted(g.subjects(SKOS.inScheme, scheme))
        sections.append((f"Begrippen: {_text(g, scheme, SKOS.prefLabel, 'nl')} / "
                         f"{_text(g, scheme, SKOS.prefLabel, 'en')}", members, SKOS.prefLabel))
    parts.append("<nav>" + "".join(f"<a href='#s{i}'>{escape(t)}</a>" for i, (t, m, _) in enumerate(sections)
                                    if m) + "</nav>")
    for i, (heading, terms, label_p) in enumerate(sections):
        if terms:
            parts.append(f"<h2 id='s{i}'>{escape(heading)}</h2>")
            parts.extend(_term_block(g, t, label_p) for t in terms)
    parts.append("</body></html>")
    return "\n".join(parts)


def write_docs(target: Path) -> list[Path]:
    """Write ``index.html`` (ontology) and ``begrippen.html`` (concept schemes) into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, out in zip(ONTOLOGY_FILES, ("index.html", "begrippen.html"), strict=True):
        g = Graph().parse(ontology_dir() / name)
        path = target / out
        path.write_text(render_ontology(g), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover - `make docs`
    for p in write_docs(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/ontologie")):
        print(f"wrote {p}")
