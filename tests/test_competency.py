"""The competency questions (graph/queries/competency.yaml): each query returns its expected answer."""

import pytest
import yaml

from graph.settings import ROOT

CQ_FILE = ROOT / "graph" / "queries" / "competency.yaml"
QUESTIONS = yaml.safe_load(CQ_FILE.read_text(encoding="utf-8")) if CQ_FILE.exists() else []


def _norm(value):
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def test_at_least_25_questions_in_dutch_and_english():
    assert len(QUESTIONS) >= 25
    assert len({q["id"] for q in QUESTIONS}) == len(QUESTIONS)
    for q in QUESTIONS:
        assert q["vraag"] and q["question"] and q["query"] and "expected" in q and q["bron"]


@pytest.mark.parametrize("cq", QUESTIONS, ids=[q["id"] for q in QUESTIONS])
def test_competency_question(kg, cq):
    result = kg.query(cq["query"])
    if isinstance(cq["expected"], bool):
        assert result is cq["expected"]
        return
    got = {tuple(_norm(v) for v in row) for row in result.itertuples(index=False)}
    columns = list(result.columns)
    want = {tuple(_norm(row[c]) for c in columns) for row in cq["expected"]}
    assert got == want, cq["vraag"]
