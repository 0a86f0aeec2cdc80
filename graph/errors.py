"""Problems found in curated input: where, what is wrong, how to fix it."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Problem", "InputError"]


@dataclass(frozen=True)
class Problem:
    """One problem in the input, located as precisely as the input allows.

    Parameters
    ----------
    file : the file (relative to the data folder where possible).
    line : 1-based line (YAML, Turtle) or row (CSV, spreadsheet); None if unknown.
    entity : the id of the record or node concerned, if any.
    message : what is wrong, in plain words.
    hint : how to fix it.
    """

    file: str
    line: int | None
    entity: str | None
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        who = f" [{self.entity}]" if self.entity else ""
        fix = f"\n    how to fix: {self.hint}" if self.hint else ""
        return f"{where}{who}: {self.message}{fix}"


@dataclass
class InputError(Exception):
    """Raised when the input cannot be built; carries every problem found."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in the input:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])
