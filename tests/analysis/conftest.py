"""Fixtures of the analysis tests: the hand-made example graph and the real graph's views."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def example():
    """The hand-made example graph (graph.analysis.fixtures)."""
    from graph.analysis.fixtures import example_kg

    return example_kg()


@pytest.fixture(scope="session")
def coop(kg):
    """The cooperation graph of the real data."""
    from graph.views import cooperation_graph

    return cooperation_graph(kg)


@pytest.fixture(scope="session")
def affiliation(kg):
    """The affiliation graph of the real data."""
    from graph.views import affiliation_graph

    return affiliation_graph(kg)

