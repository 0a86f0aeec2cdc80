"""Filtered maps: theme, kind, award year, stated facts only."""

from __future__ import annotations

from graph.maps import filter_view


def test_theme_keeps_the_theme_and_its_neighbours(small_view):
    H = filter_view(small_view, theme="Dementie")
    assert set(H) == {"i1", "o2"}


def test_kind_keeps_the_kind_and_its_neighbours(small_view):
    assert set(filter_view(small_view, kind="initiatief")) == {"i1", "o2"}
    assert set(filter_view(small_view, kind="Sociaalwerkorganisatie")) == {"o1", "g", "o2"}  # the soort
    assert set(filter_view(small_view, kind="Persoon")) == set()


def test_year_keeps_the_gouden_gemeente_and_neighbours(small_view):
    assert set(filter_view(small_view, year=2015)) == {"g", "o1"}
    assert set(filter_view(small_view, year=2017)) == set()


def test_stated_only_drops_inferred_nodes_and_edges(small_view):
    H = filter_view(small_view, stated_only=True)
    assert "i1" not in H
    assert not any(d["inferred"] for _, _, d in H.edges(data=True))
    assert H.number_of_edges() == 3


def test_original_untouched(small_view):
    before = (small_view.number_of_nodes(), small_view.number_of_edges())
    filter_view(small_view, stated_only=True, kind="Organisatie")
    assert (small_view.number_of_nodes(), small_view.number_of_edges()) == before
