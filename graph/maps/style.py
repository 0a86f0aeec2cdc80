"""How a map draws each kind of entity and relation: colour, shape and the Dutch legend words."""

from __future__ import annotations

__all__ = ["KIND_STYLES", "OTHER_KIND", "RELATION_COLOURS", "INFERRED_NOTE", "SEVERAL_RELATIONS", "kind_style",
           "relation_colour", "legend_relation"]

#: Colour and vis-network shape per entity kind (the ``kind`` node attribute of the views), in legend order.
KIND_STYLES: dict[str, dict[str, str]] = {
    "Gemeente": {"color": "#1f77b4", "shape": "dot"},
    "Organisatie": {"color": "#ff7f0e", "shape": "square"},
    "Samenwerkingsverband": {"color": "#2ca02c", "shape": "diamond"},
    "Initiatief": {"color": "#d62728", "shape": "triangle"},
    "Voorziening": {"color": "#9467bd", "shape": "triangleDown"},
    "Afspraak": {"color": "#8c564b", "shape": "hexagon"},
    "Persoon": {"color": "#e377c2", "shape": "star"},
    "Regio": {"color": "#17becf", "shape": "diamond"},
    "Provincie": {"color": "#7f7f7f", "shape": "square"},
    "Stadsdeel": {"color": "#bcbd22", "shape": "triangle"},
    "Wijk": {"color": "#bcbd22", "shape": "dot"},
    "Onderscheiding": {"color": "#d4a017", "shape": "star"},
}

#: Style for a kind the table does not know.
OTHER_KIND = {"color": "#555555", "shape": "dot"}

#: Line colour per relation (the ``relation`` edge attribute); unknown relations take colours from ``_SPARE``.
RELATION_COLOURS: dict[str, str] = {
    # ties between parties
    "werkt samen met": "#1f4e9c",
    "lid van": "#2ca02c",
    "heeft als lid": "#2ca02c",
    "gedeeld samenwerkingsverband": "#2ca02c",
    "gedeeld initiatief": "#d62728",
    "gedeelde voorziening": "#9467bd",
    "gedeelde afspraak": "#8c564b",
    "gedeelde regio": "#17becf",
    "voordracht": "#d4a017",
    "voorgedragen door": "#d4a017",
    "ontvanger": "#b8860b",
    # roles in an initiative or agreement
    "uitgevoerd door": "#ff7f0e",
    "uitvoerder": "#ff7f0e",
    "initiatiefnemer": "#e377c2",
    "ondersteund door": "#bcbd22",
    "ondersteuner": "#bcbd22",
    "deelnemer": "#9edae5",
    "voorzitter": "#c49c94",
    "partij": "#8c564b",
    "functie bij": "#f7b6d2",
    "toegangspunt": "#98df8a",
    # places
    "actief in": "#7fa7d6",
    "in gemeente": "#393b79",
    "gevestigd in": "#7f7f7f",
    "ligt in": "#aaaaaa",
    "provincie": "#843c39",
    "opgegaan in": "#555555",
}
_SPARE = ["#da8bc3", "#ccb974", "#4c4c4c", "#2a9d8f", "#e76f51", "#264653", "#f4a261", "#6d597a"]

#: The legend's words, and the colour, for a line that stands for more than one kind of relation (the views
#: join them with "; ", e.g. "gedeeld samenwerkingsverband; gedeelde afspraak").
SEVERAL_RELATIONS = "meer dan één soort verband"
SEVERAL_COLOUR = "#444444"

#: The legend's words for a dashed line.
INFERRED_NOTE = "gestippeld: afgeleid verband (niet letterlijk in de bron)"


def kind_style(kind: str) -> dict[str, str]:
    """Colour and shape for an entity kind.

    Parameters
    ----------
    kind : str
        Dutch class name, e.g. ``"Gemeente"``.

    Returns
    -------
    dict
        ``{"color": "#rrggbb", "shape": <vis-network shape>}``; unknown kinds get a grey dot.

    Examples
    --------
    >>> kind_style("Gemeente")
    {'color': '#1f77b4', 'shape': 'dot'}
    >>> kind_style("Iets anders")["shape"]
    'dot'
    """
    return dict(KIND_STYLES.get(kind, OTHER_KIND))


def relation_colour(relation: str, others: list[str] | tuple[str, ...] = ()) -> str:
    """Line colour for a relation; an unknown relation gets a spare colour by its rank among ``others``.

    Parameters
    ----------
    relation : str
        Dutch relation name, e.g. ``"werkt samen met"``.
    others : sequence of str
        The unknown relations of the map, sorted, so each gets its own colour.

    Examples
    --------
    >>> relation_colour("lid van")
    '#2ca02c'
    >>> relation_colour("b", ["a", "b"])
    '#ccb974'
    """
    if relation in RELATION_COLOURS:
        return RELATION_COLOURS[relation]
    if legend_relation(relation) == SEVERAL_RELATIONS:
        return SEVERAL_COLOUR
    rank = list(others).index(relation) if relation in others else 0
    return _SPARE[rank % len(_SPARE)]


def legend_relation(relation: str) -> str:
    """The legend entry a line belongs to: its relation, or :data:`SEVERAL_RELATIONS` for a joined one.

    Examples
    --------
    >>> legend_relation("lid van")
    'lid van'
    >>> legend_relation("gedeeld samenwerkingsverband; gedeelde afspraak")
    'meer dan één soort verband'
    """
    return SEVERAL_RELATIONS if "; " in relation else relation
