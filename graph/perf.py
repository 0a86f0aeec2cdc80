"""Speed helpers shared by the views and the analysis."""

from __future__ import annotations

import gc
from functools import wraps

__all__ = ["without_gc"]


def without_gc(func):
    """Run ``func`` with Python's cyclic garbage collector paused (reference counting still frees memory).

    The views and analyses allocate hundreds of thousands of small acyclic objects
    (dicts, lists, tuples); with large graphs already in memory the generational
    collector would rescan them all again and again (measured: the same view took
    twice as long the second time).

    Examples
    --------
    >>> @without_gc
    ... def f():
    ...     return gc.isenabled()
    >>> f(), gc.isenabled()
    (False, True)
    """

    @wraps(func)
    def run(*args, **kwargs):
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return run
