"""The Python vocabulary and the Turtle ontology name the same terms."""

import re

from rdflib import URIRef

from graph.namespaces import SD, concept, entity
from graph.settings import ROOT


def test_sd_terms_match_the_ontology_file():
    ttl = (ROOT / "ontology" / "sociaal-domein.ttl").read_text(encoding="utf-8")
    in_ttl = set(re.findall(r"^sd:(\w+) a ", ttl, re.M))
    in_python = {name for name in SD.__annotations__}
    assert in_python == in_ttl


def test_unknown_term_raises():
    import pytest

    with pytest.raises(AttributeError):
        SD.Gemeenten  # noqa: B018 - a typo must fail loudly


def test_iri_helpers():
    assert entity("gemeente/gm0503") == URIRef("https://w3id.org/sociaal-domein/id/gemeente/gm0503")
    assert concept("rol", "penvoerder") == URIRef("https://w3id.org/sociaal-domein/concept/rol/penvoerder")


def test_file_prefixes_cover_every_kind_and_scheme():
    from graph.mapping.fields import TYPES
    from graph.namespaces import KINDS, SCHEMES
    from graph.ontology import concept_index

    assert {spec.prefix for spec in TYPES.values()} <= set(KINDS)
    assert set(concept_index()) == set(SCHEMES)
