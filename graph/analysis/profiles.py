"""A profile per Gouden Gemeente: one DataFrame row of what the sources say about it ("niet vermeld" where nothing)."""

from __future__ import annotations

from collections import Counter, defaultdict

import pandas as pd

__all__ = ["MISSING", "PROFILE_COLUMNS", "profiles", "gemeente_profile", "feature_sets"]

#: The text of a cell the sources say nothing about.
MISSING = "niet vermeld"

PROFILE_COLUMNS = ["gemeente", "soort_entiteit", "cbs_code", "provincie", "gouden_gemeente", "voorgedragen_door",
                   "aantal_organisaties", "organisaties", "soorten_organisaties", "aantal_samenwerkingsverbanden",
                   "samenwerkingsverbanden", "aantal_initiatieven", "initiatieven", "themas", "toegangsmodel",
                   "geen_toegangsmodel", "afspraken", "werkprincipes", "aantallen", "aantal_bronnen", "bronnen",
                   "aantal_beweringen", "aantal_afgeleid", "iri"]
_OWN = ("provincie", "cbs_code", "gouden_gemeente", "voorgedragen_door", "toegangsmodel", "geen_toegangsmodel")
_SHARED = ("themas", "werkprincipes", "aantallen", "afspraken")


def _join(values, missing):
    values = sorted(set(values))
    return "; ".join(values) if values else missing


def _scope(kg, table: pd.DataFrame) -> dict[str, set[str]]:
    """Entities per gemeente: the direct scope, plus the members, runners and parties of the hubs in it."""
    from graph.views import _affiliation_rows, load_query

    direct = kg.frame(load_query("profile_scope"))
    scope: dict[str, set[str]] = defaultdict(set)
    for g, e in zip(direct["g"], direct["e"], strict=True):
        scope[g].add(e)
    aff = _affiliation_rows(kg, table)
    members: dict[str, set[str]] = defaultdict(set)
    if len(aff):
        for p, h in zip(aff["partij"], aff["hub"], strict=True):
            members[h].add(p)
    for g, ents in scope.items():
        extra = {m for e in list(ents) for m in members.get(e, ()) if m != g}
        ents |= {m for m in extra if table.at[m, "kind"] == "Organisatie"}
    return scope


def profiles(kg, gemeenten: list[str] | None = None, *, missing: str | None = MISSING) -> pd.DataFrame:
    """One row per Gouden Gemeente (or per IRI in ``gemeenten``), most awards first, then by name.

    Text cells list values separated by "; "; a value that rests only on inferred facts
    ends in " (afgeleid)". Organisations are those active in the gemeente, working with
    it, nominating it, or taking part in its networks, initiatives and agreements.
    Counts of named things are numbers; a cell the sources say nothing about (no
    value, or none named) holds ``missing`` ("niet vermeld"; pass ``None`` for empty cells).

    Examples
    --------
    >>> from graph.analysis.fixtures import example_kg
    >>> row = profiles(example_kg(), ["https://w3id.org/sociaal-domein/id/gemeente/gm0001"]).iloc[0]
    >>> row["gemeente"], row["cbs_code"], row["organisaties"]
    ('Gemeente Een', 'GM0001', 'Alfa; Gamma')
    >>> row["gouden_gemeente"], row["themas"]
    ('niet vermeld', 'dementie')
    """
    from graph.views import entity_table, load_query

    table = entity_table(kg)
    if gemeenten is None:
        gemeenten = [i for i in table.index if table.at[i, "awards"]]
    scope = _scope(kg, table)
    facts = kg.frame(load_query("profile_facts"))
    by_subject: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for s, veld, waarde, vermeld in zip(facts["s"], facts["veld"], facts["waarde"], facts["vermeld"], strict=True):
        if isinstance(waarde, str) and waarde:
            by_subject[s][veld].append(waarde if vermeld else f"{waarde} (afgeleid)")
    claims = kg.frame(load_query("claims_per_subject")).set_index("s")
    rows = []
    for g in gemeenten:
        ents = sorted(scope.get(g, set()), key=lambda e: table.at[e, "label"])
        by_kind: dict[str, list[str]] = defaultdict(list)
        for e in ents:
            by_kind[table.at[e, "kind"]].append(table.at[e, "label"])
        row: dict = {"gemeente": table.at[g, "label"], "soort_entiteit": table.at[g, "kind"], "iri": g}
        own = by_subject.get(g, {})
        for f in _OWN:
            row[f] = _join(own.get(f, []), missing)
        for f in _SHARED:
            values = list(own.get(f, []))
            for e in ents:
                values += [f"{v} ({table.at[e, 'label']})" if f in ("aantallen",) else v
                           for v in by_subject.get(e, {}).get(f, [])]
            row[f] = _join(values, missing)
        # a stated value wins over the same value inferred elsewhere
        for f in _SHARED + _OWN:
            if isinstance(row[f], str) and row[f] != missing:
                vals = row[f].split("; ")
                row[f] = "; ".join(v for v in vals if not (v.endswith(" (afgeleid)") and v[:-11] in vals))
        for kind, name in (("Organisatie", "organisaties"), ("Samenwerkingsverband", "samenwerkingsverbanden"),
                           ("Initiatief", "initiatieven")):
            row[f"aantal_{name}"] = len(by_kind.get(kind, [])) or missing
            row[name] = _join(by_kind.get(kind, []), missing)
        kinds = Counter(table.at[e, "soort"] or "onbekend" for e in ents if table.at[e, "kind"] == "Organisatie")
        row["soorten_organisaties"] = "; ".join(
            f"{k} ({n})" for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))) or missing
        subjects = [g, *ents]
        sub = claims.reindex([s for s in subjects if s in claims.index])
        sources = sorted({b for bs in sub["bronnen"] for b in str(bs).split()}) if len(sub) else []
        row["bronnen"] = _join(sources, missing)
        row["aantal_bronnen"] = len(sources)
        row["aantal_beweringen"] = int(sub["beweringen"].sum()) if len(sub) else 0
        row["aantal_afgeleid"] = int(sub["afgeleid"].sum()) if len(sub) else 0
        rows.append(row)
    df = pd.DataFrame(rows, columns=PROFILE_COLUMNS)
    if len(df):
        df["_n"] = [-len(table.at[i, "awards"]) for i in df["iri"]]
        df = df.sort_values(["_n", "gemeente"]).drop(columns="_n").reset_index(drop=True)
    return df


def gemeente_profile(kg, gemeente: str, *, missing: str | None = MISSING) -> pd.Series:
    """The profile of one gemeente or regio (an IRI or a name) as a Series.

    Examples
    --------
    >>> from graph.analysis.fixtures import example_kg
    >>> int(gemeente_profile(example_kg(), "gemeente een")["aantal_organisaties"])
    2
    """
    from graph.analysis.names import resolve

    iri = gemeente if gemeente.startswith(("http://", "https://")) else resolve(
        kg, gemeente, kinds=("Gemeente", "Regio"))
    return profiles(kg, [iri], missing=missing).iloc[0]


def feature_sets(profile_rows: pd.DataFrame) -> dict[str, set[str]]:
    """Comparable features per gemeente: themes, principles, access model, kinds of partners.

    Examples
    --------
    >>> df = pd.DataFrame([{"gemeente": "X", "themas": "ouderen; sport", "werkprincipes": MISSING,
    ...                     "toegangsmodel": "wijkteam", "geen_toegangsmodel": MISSING,
    ...                     "soorten_organisaties": "sociaalwerkorganisatie (2)"}])
    >>> sorted(feature_sets(df)["X"])
    ['soort partner: sociaalwerkorganisatie', 'thema: ouderen', 'thema: sport', 'toegang: wijkteam']
    """
    out = {}
    fields = {"themas": "thema", "werkprincipes": "werkprincipe", "toegangsmodel": "toegang",
              "geen_toegangsmodel": "geen toegang"}
    for _, r in profile_rows.iterrows():
        feats = set()
        for col, prefix in fields.items():
            for v in str(r.get(col) or "").split("; "):
                v = v.removesuffix(" (afgeleid)")
                if v and v != MISSING and v != "None":
                    feats.add(f"{prefix}: {v}")
        for v in str(r.get("soorten_organisaties") or "").split("; "):
            if v and v != MISSING and v != "None":
                feats.add(f"soort partner: {v.rsplit(' (', 1)[0]}")
        out[r["gemeente"]] = feats
    return out
