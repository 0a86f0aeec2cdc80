"""Every quote in the graph is an exact substring of the source document it cites."""

from collections import defaultdict

from graph.settings import ROOT
from graph.sources import read_sources


def test_every_quote_is_verbatim_in_its_source(kg, seeds_dir):
    sources = read_sources(ROOT / "data" / "sources.yaml")
    df = kg.query("""SELECT DISTINCT ?bron ?citaat ?record WHERE {
        ?c a sd:Bewering ; sd:citaat ?citaat ; sd:record ?record ;
           prov:wasDerivedFrom/dcterms:identifier ?bron }""")
    assert len(df) > 900
    texts = {}
    missing = defaultdict(list)
    for bron, citaat, record in df.itertuples(index=False):
        src = sources[bron]
        folder = seeds_dir if src.kind == "seed" else ROOT / "data"
        if bron not in texts:
            texts[bron] = (folder / src.file).read_text(encoding="utf-8")
        if citaat not in texts[bron]:
            missing[bron].append((record, citaat))
    assert dict(missing) == {}
    assert {s for s, src in sources.items() if src.kind == "seed"} <= set(texts)
