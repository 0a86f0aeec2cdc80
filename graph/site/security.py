"""The security headers of every site response: a strict Content-Security-Policy, framing only for maps."""

from __future__ import annotations

import base64
import hashlib
from functools import cache

__all__ = ["PAGE_CSP", "map_csp", "security_headers"]

#: Pages: no script at all, styles and images from this server only, frames (the maps) from this server only,
#: and no other site may frame them.
PAGE_CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; frame-src 'self'; form-action 'self'; "
            "base-uri 'none'; frame-ancestors 'none'")


@cache
def map_csp() -> str:
    """The policy of a map page: only the map's two vendored inline scripts run (vis-network and map.js, allowed
    by their SHA-256, so a script smuggled in through data never runs; the data is JSON, never markup), inline
    styles (vis-network styles its elements), nothing from elsewhere; any site may frame it (the embed snippet).

    >>> "'unsafe-inline'" in map_csp().split("script-src")[1].split(";")[0]
    False
    """
    from graph.maps.assets import asset

    hashes = " ".join("'sha256-" + base64.b64encode(hashlib.sha256(asset(name).encode()).digest()).decode() + "'"
                      for name in ("vis-network.min.js", "map.js"))
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data: blob:; "
            "form-action 'none'; base-uri 'none'; frame-ancestors *")


def security_headers(*, framable: bool = False) -> dict[str, str]:
    """Headers for one response: CSP (``framable`` for map pages), no MIME sniffing, no referrer leaks.

    Examples
    --------
    >>> security_headers()["Content-Security-Policy"].endswith("frame-ancestors 'none'")
    True
    >>> "X-Frame-Options" in security_headers(framable=True)
    False
    """
    headers = {"Content-Security-Policy": map_csp() if framable else PAGE_CSP,
               "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin"}
    if not framable:
        headers["X-Frame-Options"] = "DENY"
    return headers
