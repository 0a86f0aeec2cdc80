"""SPARQL results -> pandas DataFrames with plain Python values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pandas as pd
import pyoxigraph as ox

__all__ = ["results_to_frame", "term_value"]

XSD = "http://www.w3.org/2001/XMLSchema#"
_INTS = {XSD + n for n in ("integer", "int", "long", "short", "nonNegativeInteger",
                            "positiveInteger", "nonPositiveInteger", "negativeInteger")}


def term_value(term):
    """A pyoxigraph term as a plain value: IRI -> str, typed literal -> int/float/date/str."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        dtype = term.datatype.value if term.datatype else None
        try:
            if dtype in _INTS:
                return int(term.value)
            if dtype == XSD + "decimal":
                return float(Decimal(term.value))
            if dtype in (XSD + "double", XSD + "float"):
                return float(term.value)
            if dtype == XSD + "boolean":
                return term.value == "true"
            if dtype == XSD + "date":
                return dt.date.fromisoformat(term.value)
        except ValueError:
            return term.value
        return term.value
    return str(term)


def results_to_frame(results):
    """Turn a pyoxigraph query result into a DataFrame (SELECT), bool (ASK) or triples."""
    if isinstance(results, ox.QueryBoolean):
        return bool(results)
    if isinstance(results, ox.QuerySolutions):
        columns = [v.value for v in results.variables]
        rows = [[term_value(sol[c]) for c in columns] for sol in results]
        return pd.DataFrame(rows, columns=columns)
    return [(t.subject, t.predicate, t.object) for t in results]
