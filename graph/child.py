"""Run a function in a forked child process that can be stopped at any instant.

pyoxigraph evaluates a query (and loads or writes a store) in Rust without
looking at Python's signals, so neither a time limit nor Ctrl-C can stop it
from inside the process. A forked child shares the parent's memory
copy-on-write (the store is not copied), does the work, and pickles its result
back through a pipe; the parent waits with a deadline and kills the child when
the deadline passes or the user presses Ctrl-C. Where ``fork`` is not
available (Windows) the function runs in-process without a hard limit.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import sys
import time
import warnings
from collections.abc import Callable
from typing import Any

__all__ = ["ChildTimeout", "can_fork", "run_in_child"]


class ChildTimeout(TimeoutError):
    """The child ran past its time limit and was killed."""


def can_fork() -> bool:
    """True where :func:`os.fork` exists (POSIX)."""
    return hasattr(os, "fork")


def _fork() -> int:
    with warnings.catch_warnings():  # Python 3.12+ warns on fork in a threaded process; the child only computes
        warnings.simplefilter("ignore", DeprecationWarning)
        return os.fork()


def _child(write_fd: int, fn: Callable[..., Any], args, kwargs) -> None:  # pragma: no cover - runs in the child
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides; it kills this process on Ctrl-C
    try:
        payload = pickle.dumps((True, fn(*args, **kwargs)), protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent
        try:
            payload = pickle.dumps((False, exc), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # an exception that cannot be pickled: send its text
            payload = pickle.dumps((False, RuntimeError(f"{type(exc).__name__}: {exc}")))
    try:
        with os.fdopen(write_fd, "wb") as out:
            out.write(payload)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass


def run_in_child(fn: Callable[..., Any], *args, timeout: float | None = None, **kwargs) -> Any:
    """Call ``fn(*args, **kwargs)`` in a forked child and return its result (or raise its exception).

    Parameters
    ----------
    fn : a function whose result and exceptions can be pickled.
    timeout : seconds; past it the child is killed and :class:`ChildTimeout` is raised. None: no limit.

    Raises
    ------
    ChildTimeout
        The time limit passed.
    KeyboardInterrupt
        Ctrl-C in the parent: the child is killed first (within a fraction of a second).

    Examples
    --------
    >>> run_in_child(sum, [1, 2, 3])
    6
    >>> import time
    >>> run_in_child(time.sleep, 5, timeout=0.2)
    Traceback (most recent call last):
    ...
    graph.child.ChildTimeout: stopped after 0.2 s
    """
    if not can_fork():  # pragma: no cover - Windows
        return fn(*args, **kwargs)
    sys.stdout.flush()
    sys.stderr.flush()
    read_fd, write_fd = os.pipe()
    pid = _fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read_fd)
        _child(write_fd, fn, args, kwargs)
    os.close(write_fd)
    deadline = None if timeout is None else time.monotonic() + timeout
    chunks: list[bytes] = []
    try:
        while True:
            wait = 0.1 if deadline is None else max(0.0, min(0.1, deadline - time.monotonic()))
            ready, _, _ = select.select([read_fd], [], [], wait)
            if ready:
                chunk = os.read(read_fd, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
            elif deadline is not None and time.monotonic() >= deadline:
                _kill(pid)
                raise ChildTimeout(f"stopped after {timeout:g} s")
    except BaseException:
        _kill(pid)
        raise
    finally:
        os.close(read_fd)
    _, status = os.waitpid(pid, 0)
    if not chunks:
        reason = (f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status)
                  else f"exit code {os.WEXITSTATUS(status)}")
        raise RuntimeError(f"the worker process ended without an answer ({reason}); the machine may be out of memory")
    ok, value = pickle.loads(b"".join(chunks))
    if ok:
        return value
    raise value
