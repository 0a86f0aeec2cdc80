"""A seeded generator of a synthetic, national-scale set of curated records and files.

The records are in the project's own record format (:class:`graph.sources.Record`,
see ``data/README.md``), so the real mapping code turns them into facts and
claim nodes exactly as it does for curated data. Gemeenten and provinces are
the real CBS records of ``data/reference/cbs-gemeenten-2021.csv``; everything
else (organisations, collaborations, memberships, initiatives, facilities,
agreements, persons, posts, awards, figures, regions) is made up and labelled
"Synthetisch ...".

:func:`write_data_folder` writes them the way a user's import would arrive: a
data folder (``sources.yaml`` with synthetic sources, the real
``reference/`` folder, curated YAML files) and a seeds folder holding each
synthetic source's text, so the build runs every check, the quote check
included, exactly as on real data.

With the defaults (340 gemeenten, 20,000 organisations) the built graph has
about one million triples. All randomness comes from one ``random.Random(seed)``:
the same arguments give the same records and the same files.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import yaml

from graph.mapping.fields import PRECISIONS
from graph.ontology import concept_index
from graph.settings import data_dir
from graph.sources import Record, read_cbs_gemeenten, read_sources

__all__ = ["SYNTHETIC_FILE", "RATIOS", "SYNTHETIC_SOURCES", "RECORDS_PER_FILE", "sizes", "generate_records",
           "write_data_folder"]

#: The file name synthetic records claim to come from (it is never written).
SYNTHETIC_FILE = "synthetisch/nationaal.yaml"

#: Number of things of each kind per organisation (organisations = 1).
RATIOS: dict[str, float] = {
    "samenwerkingen": 0.015,
    "lidmaatschappen": 0.06,
    "initiatieven": 0.025,
    "voorzieningen": 0.01,
    "afspraken": 0.01,
    "personen": 0.02,
    "functies": 0.025,
    "aantallen": 0.02,
}
#: How many synthetic source documents the written data folder cites.
SYNTHETIC_SOURCES = 8
#: The real reference files the synthetic folder carries (the 2015 list refers to curated organisations).
REFERENCE_FILES = ("cbs-gemeenten-2021.csv", "bronnen-referentie.md", "gemeenten-historisch.yaml")
#: Records per written curated file.
RECORDS_PER_FILE = 5000
#: Per gemeente: regions (shared), awards and extra 'about' records.
REGIOS_PER_GEMEENTE = 0.1
ONDERSCHEIDINGEN_PER_GEMEENTE = 0.5
ABOUT_RECORDS_PER_GEMEENTE = 3

_WORDS = ("samen", "wijk", "buurt", "inwoners", "zorg", "welzijn", "sociaal", "team", "netwerk",
          "ontmoeting", "vrijwilligers", "jongeren", "ouderen", "armoede", "werk", "meedoen",
          "preventie", "gezin", "school", "thuis", "hulp", "aanpak", "plan", "dichtbij")
_UNITS = ("vrijwilligers", "deelnemers", "inwoners", "medewerkers", "euro", "wijkteams", "locaties")


def sizes(gemeenten: int = 340, organisations: int = 20000) -> dict[str, int]:
    """How many things of each kind :func:`generate_records` makes.

    Parameters
    ----------
    gemeenten : number of real CBS gemeenten to use (at most the 352 of 2021).
    organisations : number of synthetic organisations; other kinds scale with it.

    Returns
    -------
    dict
        ``{kind: count}``; every derived count is at least 1.
    """
    out = {"gemeenten": gemeenten, "organisaties": organisations}
    out |= {k: max(1, round(organisations * r)) for k, r in RATIOS.items()}
    out["regios"] = max(1, round(gemeenten * REGIOS_PER_GEMEENTE))
    out["onderscheidingen"] = max(1, round(gemeenten * ONDERSCHEIDINGEN_PER_GEMEENTE))
    out["about_gemeente"] = gemeenten * ABOUT_RECORDS_PER_GEMEENTE
    return out


class _Writer:
    """Collects records with increasing line numbers and random sources and quotes."""

    def __init__(self, rng: random.Random, source_ids: list[str]) -> None:
        self.rng = rng
        self.source_ids = source_ids
        self.records: list[Record] = []

    def words(self, n: int) -> str:
        return " ".join(self.rng.choice(_WORDS) for _ in range(n))

    def add(self, fields: dict[str, Any], what: str) -> None:
        """Append one record citing one (sometimes two) sources, with a made-up quote."""
        rng = self.rng
        fields = dict(fields)
        if rng.random() < 0.05:
            fields["source"] = sorted(rng.sample(self.source_ids, min(2, len(self.source_ids))))
        else:
            fields["source"] = rng.choice(self.source_ids)
        line = len(self.records) + 1
        fields["quote"] = f"Synthetisch citaat {line} over {what}: {self.words(rng.randint(4, 12))}."
        if rng.random() < 0.1:
            fields["inferred"] = f"Synthetische afleiding: {self.words(8)}."
        self.records.append(Record(file=SYNTHETIC_FILE, line=line, fields=fields,
                                   key_lines={k: line for k in fields}))


def _some(rng: random.Random, items: list[str], low: int, high: int) -> list[str]:
    """Between ``low`` and ``high`` distinct items (fewer if there are not enough)."""
    return rng.sample(items, min(len(items), rng.randint(low, high)))


def generate_records(seed: int = 0, gemeenten: int = 340, organisations: int = 20000,
                     data: Path | None = None, source_ids: list[str] | None = None) -> list[Record]:
    """Generate the records of a synthetic national-scale knowledge graph.

    Parameters
    ----------
    seed : seed of the one :class:`random.Random` every choice is drawn from.
    gemeenten : how many real CBS gemeenten (2021) to include, at most 352.
    organisations : how many synthetic organisations; the other kinds scale
        with it (see :data:`RATIOS` and :func:`sizes`).
    data : the data folder (default ``data/``) with ``sources.yaml`` and the CBS list.
    source_ids : the sources records cite (default: the seed sources in ``data/sources.yaml``).

    Returns
    -------
    list of Record
        Reference records (provinces, gemeenten) followed by synthetic records,
        ready for :func:`graph.build.assemble`.

    Examples
    --------
    >>> recs = generate_records(seed=1, gemeenten=5, organisations=20)
    >>> recs == generate_records(seed=1, gemeenten=5, organisations=20)
    True
    """
    data = Path(data or data_dir())
    rng = random.Random(seed)
    n = sizes(gemeenten, organisations)
    concepts = {scheme: sorted(names) for scheme, names in concept_index().items()}
    if source_ids is None:
        sources = read_sources(data / "sources.yaml")
        source_ids = sorted(s.id for s in sources.values() if s.kind == "seed") or sorted(sources)

    cbs = read_cbs_gemeenten(data / "reference" / "cbs-gemeenten-2021.csv",
                             display_name="data/reference/cbs-gemeenten-2021.csv")
    all_gm = [r for r in cbs if r.fields["type"] == "Gemeente"]
    if gemeenten > len(all_gm):
        raise ValueError(f"at most {len(all_gm)} gemeenten are available, asked for {gemeenten}")
    chosen = sorted(rng.sample(all_gm, gemeenten), key=lambda r: r.fields["id"])
    used_pv = {r.fields["provincie"] for r in chosen}
    reference = [r for r in cbs if r.fields["type"] == "Provincie" and r.fields["id"] in used_pv] + chosen
    gm = [r.fields["id"] for r in chosen]

    w = _Writer(rng, source_ids)
    pick = rng.choice

    regios = [f"regio/synth-{i:04d}" for i in range(n["regios"])]
    for i, rid in enumerate(regios):
        w.add({"id": rid, "type": "Regio", "label": f"Synthetische regio {i}",
               "leden": _some(rng, gm, min(2, len(gm)), 12)}, "een regio")
    areas = gm + regios

    orgs = [f"organisatie/synth-{i:05d}" for i in range(n["organisaties"])]
    for i, oid in enumerate(orgs):
        fields: dict[str, Any] = {"id": oid, "type": "Organisatie",
                                  "label": f"Synthetische organisatie {i}",
                                  "soort": pick(concepts["organisatiesoort"]),
                                  "actief_in": _some(rng, areas, 1, 1 if rng.random() < 0.9 else 2)}
        if rng.random() < 0.05:
            fields["thema"] = pick(concepts["thema"])
        if rng.random() < 0.05:
            fields["alt_label"] = f"Synthetisch {i}"
        w.add(fields, "een organisatie")

    samen = [f"samenwerking/synth-{i:05d}" for i in range(n["samenwerkingen"])]
    for i, sid in enumerate(samen):
        w.add({"id": sid, "type": "Samenwerkingsverband", "label": f"Synthetisch samenwerkingsverband {i}",
               "soort": pick(concepts["samenwerkingsvorm"]), "actief_in": pick(areas),
               "thema": _some(rng, concepts["thema"], 1, 3),
               "werkprincipe": _some(rng, concepts["werkprincipe"], 0, 2)}, "een samenwerking")

    for i in range(n["lidmaatschappen"]):
        w.add({"id": f"lidmaatschap/synth-{i:05d}", "type": "Lidmaatschap",
               "lid": pick(orgs) if rng.random() < 0.85 else pick(gm), "van": pick(samen),
               "rol": pick(concepts["rol"])}, "een lidmaatschap")

    initiatieven = [f"initiatief/synth-{i:05d}" for i in range(n["initiatieven"])]
    starters = orgs + gm
    for i, iid in enumerate(initiatieven):
        w.add({"id": iid, "type": "Initiatief", "label": f"Synthetisch initiatief {i}",
               "soort": pick(concepts["initiatiefsoort"]), "actief_in": pick(gm),
               "uitgevoerd_door": _some(rng, orgs, 1, 2), "initiatiefnemer": pick(starters),
               "thema": _some(rng, concepts["thema"], 1, 2),
               "doelgroep": f"Synthetische doelgroep {w.words(2)}"}, "een initiatief")

    for i in range(n["voorzieningen"]):
        w.add({"id": f"voorziening/synth-{i:05d}", "type": "Voorziening",
               "label": f"Synthetische voorziening {i}", "soort": pick(concepts["voorzieningsoort"]),
               "ligt_in": pick(gm), "uitgevoerd_door": pick(orgs)}, "een voorziening")

    for i in range(n["afspraken"]):
        w.add({"id": f"afspraak/synth-{i:05d}", "type": "Afspraak", "label": f"Synthetische afspraak {i}",
               "soort": pick(concepts["afspraaksoort"]), "partij": [pick(gm), pick(orgs)],
               "looptijd": f"P{rng.randint(1, 6)}Y", "betreft": pick(initiatieven)}, "een afspraak")

    personen = [f"persoon/synth-{i:05d}" for i in range(n["personen"])]
    for i, pid in enumerate(personen):
        w.add({"id": pid, "type": "Persoon", "label": f"Synthetische persoon {i}"}, "een persoon")
    for i in range(n["functies"]):
        fields = {"id": f"functie/synth-{i:05d}", "type": "Functie", "persoon": pick(personen),
                  "bij": pick(orgs) if rng.random() < 0.8 else pick(gm), "rol": pick(concepts["rol"]),
                  "functie": f"Synthetische functie {w.words(2)}"}
        if fields["rol"] == "wethouder":
            fields["portefeuille"] = f"Synthetische portefeuille {w.words(2)}"
        w.add(fields, "een functie")

    for i in range(n["onderscheidingen"]):
        w.add({"id": f"onderscheiding/synth-{i:04d}", "type": "Onderscheiding",
               "label": f"Synthetische onderscheiding {i}", "ontvanger": pick(gm),
               "toegekend_door": pick(orgs), "voorgedragen_door": pick(orgs),
               "jaar": str(rng.randint(2010, 2024))}, "een onderscheiding")

    owners = orgs + initiatieven
    for i in range(n["aantallen"]):
        w.add({"id": f"aantal/synth-{i:05d}", "type": "Aantal", "aantal_van": pick(owners),
               "waarde": rng.randint(1, 5000) if rng.random() < 0.8 else round(rng.uniform(0, 100), 1),
               "eenheid": pick(_UNITS), "precisie": pick(PRECISIONS)}, "een aantal")

    about_fields = ("thema", "werkprincipe", "toegangsmodel", "werkt_samen_met")
    for i in range(n["about_gemeente"]):
        name = pick(about_fields)
        value = pick(orgs) if name == "werkt_samen_met" else pick(concepts[name])
        w.add({"about": gm[i % len(gm)], name: value}, "een gemeente")

    return reference + w.records


def _source_entries(data: Path, n: int) -> list[dict[str, Any]]:
    """The real reference sources (the reference folder cites them) and ``n`` synthetic seed sources."""
    real = yaml.load((data / "sources.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    entries = [dict(e) for e in real if e.get("kind") == "reference"]
    for i in range(1, n + 1):
        entries.append({"id": f"synth-{i:02d}", "kind": "seed", "file": f"synthetisch-{i:02d}.txt",
                        "title": f"Synthetische bron {i:02d}", "publisher": "Synthetische uitgever",
                        "issued": f"20{10 + i:02d}-0{1 + i % 9}-15"})
    return entries


def write_data_folder(folder: Path, seed: int = 0, gemeenten: int = 340, organisations: int = 20000,
                      data: Path | None = None) -> dict[str, Any]:
    """Write a synthetic data folder and seeds folder that ``kennisgraaf build`` reads like real ones.

    Writes ``folder/data/sources.yaml`` (the real reference sources and
    :data:`SYNTHETIC_SOURCES` synthetic ones), ``folder/data/reference/`` (the
    real :data:`REFERENCE_FILES`), ``folder/data/curated/synthetisch-NNNN.yaml``
    (:data:`RECORDS_PER_FILE` records each) and ``folder/seeds/`` with one text
    per synthetic source holding every quote that cites it, so the quote check
    finds them all.

    Parameters
    ----------
    folder : where to write (created; an existing ``data``/``seeds`` inside it is replaced).
    seed, gemeenten, organisations : as for :func:`generate_records`.
    data : the real data folder (default ``data/``) for the CBS list and reference files.

    Returns
    -------
    dict
        ``data`` and ``seeds`` (the two folders), ``records``, ``files`` and ``bytes`` written.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     a = write_data_folder(Path(tmp) / "a", seed=1, gemeenten=3, organisations=10)
    ...     b = write_data_folder(Path(tmp) / "b", seed=1, gemeenten=3, organisations=10)
    ...     same = all((a["data"] / "curated" / f).read_bytes() == (b["data"] / "curated" / f).read_bytes()
    ...                for f in ("synthetisch-0001.yaml",))
    >>> same, a["records"] > 10
    (True, True)
    """
    src_data = Path(data or data_dir())
    folder = Path(folder)
    out_data, seeds = folder / "data", folder / "seeds"
    for old in (out_data, seeds):
        if old.exists():
            shutil.rmtree(old)
    (out_data / "curated").mkdir(parents=True)
    seeds.mkdir(parents=True)
    (out_data / "reference").mkdir()
    for name in REFERENCE_FILES:
        shutil.copy2(src_data / "reference" / name, out_data / "reference" / name)

    entries = _source_entries(src_data, SYNTHETIC_SOURCES)
    dump = {"allow_unicode": True, "sort_keys": False, "width": 10**6, "Dumper": yaml.CSafeDumper}
    (out_data / "sources.yaml").write_text(yaml.dump(entries, **dump), encoding="utf-8")

    ids = [e["id"] for e in entries if e["kind"] == "seed"]
    records = [r for r in generate_records(seed, gemeenten, organisations, data=src_data, source_ids=ids)
               if r.file == SYNTHETIC_FILE]  # the CBS records are in the copied reference folder
    texts: dict[str, list[str]] = {sid: [] for sid in ids}
    written = 0
    files = 0
    for start in range(0, len(records), RECORDS_PER_FILE):
        chunk = [r.fields for r in records[start:start + RECORDS_PER_FILE]]
        for fields in chunk:
            for sid in fields["source"] if isinstance(fields["source"], list) else [fields["source"]]:
                texts[sid].append(fields["quote"])
        files += 1
        path = out_data / "curated" / f"synthetisch-{files:04d}.yaml"
        text = "# Synthetic records (bench/synthetic.py): made up, not facts.\n" + yaml.dump(
            {"records": chunk}, **dump)
        path.write_text(text, encoding="utf-8")
        written += len(text.encode())
    by_id = {e["id"]: e for e in entries}
    for sid, quotes in texts.items():
        (seeds / by_id[sid]["file"]).write_text("\n".join(quotes) + "\n", encoding="utf-8")
    return {"data": out_data, "seeds": seeds, "records": len(records), "files": files, "bytes": written}
