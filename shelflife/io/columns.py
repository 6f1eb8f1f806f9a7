"""Find the standard and attribute columns of a measurement table by their headers."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..errors import InputError
from ._hints import HintedInputError
from .headers import Header, normalise, parse_header, role_of

__all__ = ["Column", "map_columns", "find_header", "REQUIRED_ROLES", "OPTIONAL_ROLES"]

REQUIRED_ROLES = ("time", "temperature")
OPTIONAL_ROLES = ("replicate", "rh", "batch", "formulation")


@dataclass(frozen=True)
class Column:
    """A column of the input table that has a role in the study.

    Attributes
    ----------
    position : int
        0-based position in the input table.
    header : Header
        The parsed header.
    """

    position: int
    header: Header


def find_header(columns: Iterable[object], name: str) -> Header | None:
    """The parsed header of the column called ``name`` (ignoring case and unit), if any."""
    key = normalise(name)
    for raw in columns:
        header = parse_header(raw)
        if header.key == key:
            return header
    return None


def map_columns(
    columns: Sequence[object], attributes: Sequence[str], *, file: str | None = None
) -> dict[str, Column]:
    """Assign the table's columns to roles.

    Parameters
    ----------
    columns : sequence
        The table's column labels as written.
    attributes : sequence of str
        Attribute names; each must have a column.
    file : str, optional
        Source file for error messages.

    Returns
    -------
    dict
        ``"time"``, ``"temperature"``, any optional roles found, and one entry per
        attribute name, each a :class:`Column`. Other columns are ignored.

    Raises
    ------
    InputError
        ``column_missing`` (with a "did you mean" hint) or ``column_duplicate``.
    """
    wanted = {normalise(a): a for a in attributes}
    found: dict[str, Column] = {}
    headers = [parse_header(c) for c in columns]
    for position, header in enumerate(headers):
        target = wanted.get(header.key) or role_of(header.key)
        if target is None:
            continue
        if target in found:
            raise HintedInputError("column_duplicate", column=header.text, file=file)
        found[target] = Column(position, header)
    for target in (*REQUIRED_ROLES, *attributes):
        if target not in found:
            raise _missing(target, headers, file)
    return found


def _missing(target: str, headers: list[Header], file: str | None) -> InputError:
    by_key = {h.key: h.text for h in headers if h.key}
    close = difflib.get_close_matches(normalise(target), list(by_key), n=1, cutoff=0.6)
    hints = {}
    if close:
        hints["suggestion"] = ("hint_column_suggestion", "what", {"name": by_key[close[0]]})
    found = ", ".join(repr(h.text) for h in headers)
    return HintedInputError(
        "column_missing", hints=hints, column=target, found=found, suggestion="", file=file
    )
