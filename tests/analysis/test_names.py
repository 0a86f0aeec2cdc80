"""Forgiving names: case, accents, 'gemeente', spaces, aliases; unknown and ambiguous names."""

from __future__ import annotations

import pytest

from graph.analysis.names import AmbiguousName, UnknownName, resolve
from graph.namespaces import entity


@pytest.mark.parametrize(("name", "local"), [
    ("Delft", "gemeente/gm0503"), ("gemeente Delft", "gemeente/gm0503"), ("DELFT", "gemeente/gm0503"),
    ("Delftvoor Elkaar", "samenwerking/delft-voor-elkaar"), ("delft voor elkaar", "samenwerking/delft-voor-elkaar"),
    ("kwadraad", "organisatie/kwadraad"), ("organisatie/mee-delft", "organisatie/mee-delft"),
    ("GM0503", "gemeente/gm0503"),
])
def test_real_names(kg, name, local):
    assert resolve(kg, name) == str(entity(local))


def test_unknown_has_suggestions(kg):
    with pytest.raises(UnknownName) as exc:
        resolve(kg, "Kwadrat")
    assert exc.value.matches[0][0] == "Kwadraad"


def test_ambiguous_lists_all(kg):
    with pytest.raises(AmbiguousName) as exc:
        resolve(kg, "MEE")
    assert {iri for _, iri in exc.value.matches} == {str(entity("organisatie/mee-aalten")),
                                                      str(entity("organisatie/mee-delft"))}


def test_accents(example):
    assert resolve(example, "BETA ZORG") == resolve(example, "Béta Zorg")
