"""Accept/reject answers of consumers, in English and Bahasa Indonesia."""

from __future__ import annotations

import math
import numbers
from typing import Any

from ..errors import InputError

__all__ = ["ACCEPT_WORDS", "REJECT_WORDS", "parse_answer"]

#: Answers meaning "I would consume this sample" (compared case-insensitively).
ACCEPT_WORDS = frozenset(
    {"yes", "y", "accept", "accepted", "1", "ya", "iya", "terima", "diterima", "true"}
)
#: Answers meaning "I would not consume this sample".
REJECT_WORDS = frozenset(
    {"no", "n", "reject", "rejected", "0", "tidak", "tdk", "tolak", "ditolak", "false"}
)


def parse_answer(
    value: Any, *, row: int | None = None, column: str | None = None, file: str | None = None
) -> bool:
    """Read one answer cell as ``True`` (accepted) or ``False`` (rejected).

    Parameters
    ----------
    value : str or bool or int
        ``yes``/``no``, ``accept``/``reject``, ``1``/``0``, ``ya``/``tidak``,
        ``terima``/``tolak`` (any case, outer spaces ignored), a bool, or the numbers 1 and 0.
    row, column, file : optional
        Where the cell is, for the error message.

    Returns
    -------
    bool
        ``True`` when the consumer accepts the sample.

    Raises
    ------
    InputError
        ``sensory_answer_unknown`` with the row and column of the cell.

    Examples
    --------
    >>> parse_answer(" Ya "), parse_answer("tolak"), parse_answer(0)
    (True, False, False)
    """
    if isinstance(value, bool):
        return value
    if isinstance(value, numbers.Real) and not (isinstance(value, float) and math.isnan(value)):
        if value in (0, 1):
            return bool(value)
    text = str(value).strip().casefold()
    if text in ("1.0", "1,0"):
        text = "1"
    elif text in ("0.0", "0,0"):
        text = "0"
    if text in ACCEPT_WORDS:
        return True
    if text in REJECT_WORDS:
        return False
    raise InputError("sensory_answer_unknown", row=row, column=column, file=file, value=str(value))
