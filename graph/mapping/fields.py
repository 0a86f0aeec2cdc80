"""The record vocabulary: which YAML key becomes which predicate, per type.

This table is the one place the curated format (data/README.md) meets the
ontology; the loader, the spreadsheet import and the docs all read it.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from graph.namespaces import DCTERMS, ORG, RDFS, SCHEMA, SD, SKOS

__all__ = ["Field", "TypeSpec", "COMMON_FIELDS", "TYPES", "PRECISIONS", "RECORD_KEYS"]


@dataclass(frozen=True)
class Field:
    """How one record key maps to RDF.

    kind is one of: ref, concept, text, date, year, number, duration, code, enum.
    inverse: the triple is (value, predicate, subject) instead.
    """

    predicate: URIRef
    kind: str
    scheme: str | None = None
    many: bool = False
    inverse: bool = False


@dataclass(frozen=True)
class TypeSpec:
    """A record type: its class, id prefix, the scheme of its ``soort`` and own fields."""

    cls: URIRef
    prefix: str
    fields: dict[str, Field]
    needs_label: bool = True
    code_pattern: str | None = None


def _soort(scheme: str) -> dict[str, Field]:
    return {"soort": Field(SD.soort, "concept", scheme)}


COMMON_FIELDS: dict[str, Field] = {
    "label": Field(RDFS.label, "text"),
    "alt_label": Field(SKOS.altLabel, "text", many=True),
    "beschrijving": Field(DCTERMS.description, "text"),
    "actief_in": Field(SD.actiefIn, "ref", many=True),
    "ligt_in": Field(SD.ligtIn, "ref"),
    "werkt_samen_met": Field(SD.werktSamenMet, "ref", many=True),
    "uitgevoerd_door": Field(SD.uitgevoerdDoor, "ref", many=True),
    "initiatiefnemer": Field(SD.initiatiefnemer, "ref", many=True),
    "ondersteund_door": Field(SD.ondersteundDoor, "ref", many=True),
    "gevestigd_in": Field(SD.gevestigdIn, "ref", many=True),
    # normally derived by the build (graph/mapping/derived.py), see data/README.md
    "in_gemeente": Field(SD.inGemeente, "ref", many=True),
    "voorloper_van": Field(SD.voorloperVan, "ref", many=True),
    "thema": Field(SD.thema, "concept", "thema", many=True),
    "werkprincipe": Field(SD.werkprincipe, "concept", "werkprincipe", many=True),
    "toegangsmodel": Field(SD.toegangsmodel, "concept", "toegangsmodel", many=True),
    "geen_toegangsmodel": Field(SD.geenToegangsmodel, "concept", "toegangsmodel", many=True),
    "toegangspunt": Field(SD.toegangspunt, "ref", many=True),
    "doelgroep": Field(SD.doelgroep, "text", many=True),
    "beoogde_start": Field(SD.beoogdeStartdatum, "date"),
    "jaar": Field(SD.jaar, "year"),
}

PRECISIONS = ("exact", "ongeveer", "meer dan", "ruim", "minimaal")

TYPES: dict[str, TypeSpec] = {
    "Gemeente": TypeSpec(SD.Gemeente, "gemeente", {
        "cbs_code": Field(SD.cbsCode, "code"),
        "provincie": Field(SD.provincie, "ref"),
        "opgegaan_in": Field(SD.opgegaanIn, "ref"),
        "opgericht": Field(SCHEMA.foundingDate, "date"),
        "opgeheven": Field(SCHEMA.dissolutionDate, "date"),
    }, code_pattern=r"GM\d{4}"),
    "Provincie": TypeSpec(SD.Provincie, "provincie", {
        "cbs_code": Field(SD.cbsCode, "code"),
    }, code_pattern=r"PV\d{2}"),
    "Regio": TypeSpec(SD.Regio, "regio", {
        "leden": Field(ORG.hasMember, "ref", many=True),
    }),
    "Stadsdeel": TypeSpec(SD.Stadsdeel, "stadsdeel", {}),
    "Wijk": TypeSpec(SD.Wijk, "wijk", {}),
    "Organisatie": TypeSpec(SD.Organisatie, "organisatie", _soort("organisatiesoort")),
    "Samenwerkingsverband": TypeSpec(SD.Samenwerkingsverband, "samenwerking",
                                     _soort("samenwerkingsvorm")),
    "Initiatief": TypeSpec(SD.Initiatief, "initiatief", {
        **_soort("initiatiefsoort"),
        "deelnemer": Field(SD.deelnemer, "ref", many=True),
        "voorzitter": Field(SD.voorzitter, "ref", many=True),
    }),
    "Voorziening": TypeSpec(SD.Voorziening, "voorziening", _soort("voorzieningsoort")),
    "Afspraak": TypeSpec(SD.Afspraak, "afspraak", {
        **_soort("afspraaksoort"),
        "partij": Field(SD.partij, "ref", many=True),
        "looptijd": Field(SD.looptijd, "duration"),
        "verlengd_met": Field(SD.verlengdMet, "duration"),
        "betreft": Field(SD.betreft, "ref", many=True),
    }, needs_label=False),
    "Persoon": TypeSpec(SD.Persoon, "persoon", {}),
    "Functie": TypeSpec(ORG.Post, "functie", {
        "persoon": Field(ORG.heldBy, "ref"),
        "bij": Field(ORG.postIn, "ref"),
        "rol": Field(ORG.role, "concept", "rol"),
        "functie": Field(SD.functieOmschrijving, "text"),
        "portefeuille": Field(SD.portefeuille, "text"),
        "geldig_op": Field(SD.geldigOp, "date"),
    }, needs_label=False),
    "Lidmaatschap": TypeSpec(ORG.Membership, "lidmaatschap", {
        "lid": Field(ORG.member, "ref"),
        "van": Field(ORG.organization, "ref"),
        "rol": Field(ORG.role, "concept", "rol"),
    }, needs_label=False),
    "Onderscheiding": TypeSpec(SD.Onderscheiding, "onderscheiding", {
        "ontvanger": Field(SD.ontvanger, "ref"),
        "toegekend_door": Field(SD.toegekendDoor, "ref"),
        "voorgedragen_door": Field(SD.voorgedragenDoor, "ref", many=True),
    }, needs_label=False),
    "Aantal": TypeSpec(SD.Aantal, "aantal", {
        "aantal_van": Field(SD.aantal, "ref", inverse=True),
        "waarde": Field(SCHEMA.value, "number"),
        "eenheid": Field(SCHEMA.unitText, "text"),
        "precisie": Field(SD.precisie, "enum"),
        "strijdig_met": Field(SD.strijdigMet, "ref", many=True),
    }, needs_label=False),
    "Herindeling": TypeSpec(SD.GemeentelijkeHerindeling, "herindeling", {
        "van": Field(ORG.originalOrganization, "ref", many=True),
        "tot": Field(ORG.resultingOrganization, "ref"),
        "datum": Field(SD.datum, "date"),
    }, needs_label=False),
}

#: Keys that steer a record rather than state a fact.
RECORD_KEYS = ("id", "about", "type", "source", "quote", "inferred")
