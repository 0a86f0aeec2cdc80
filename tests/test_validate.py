"""The quote check's search: the indexed scan finds exactly what ``quote in text`` finds."""

import random

from graph.validate import find_quotes


def test_indexed_scan_agrees_with_plain_search():
    rng = random.Random(3)
    words = ["wijk", "zorg", "buurt", "team", "Delft", "inwoners", "samen", "é", "  "]
    text = " ".join(rng.choice(words) for _ in range(60_000))
    quotes = []
    for _ in range(800):
        i = rng.randrange(len(text) - 80)
        q = text[i:i + rng.randint(3, 80)]
        quotes.append(q if rng.random() < 0.7 else q + "x")  # some are not in the text
    missing = find_quotes(text, quotes, min_prefix=12, budget=0)  # the indexed scan
    assert missing == {q for q in quotes if q not in text}
    assert find_quotes(text, quotes) == missing  # the plain search
    assert 100 < len(missing) < 400
