"""The blank isotherm sheet of a critical-moisture study: one row per salt and replicate.

The lab enters the equilibrium moisture of each dish in ``isotherm.csv``; salt, water
activity, temperature and replicate are filled in from the plan.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..filetext import _csv_text
from ..model import format_number

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..model import Protocol

__all__ = ["ISOTHERM_SHEET", "ISOTHERM_COLUMNS", "isotherm_sheet", "isotherm_csv"]

#: File name of the blank isotherm sheet in a study folder.
ISOTHERM_SHEET = "isotherm.csv"
#: Columns of the isotherm sheet (``docs/critical-moisture-study.md``).
ISOTHERM_COLUMNS = ("salt", "aw", "moisture", "temperature (°C)", "replicate")


def isotherm_sheet(protocol: Protocol) -> pd.DataFrame:
    """The blank isotherm sheet: one row per salt and replicate, ``moisture`` empty.

    Examples
    --------
    >>> from shelflife.protocols import Protocol
    >>> sheet = isotherm_sheet(Protocol.from_name("critical-moisture"))
    >>> list(sheet.columns)
    ['salt', 'aw', 'moisture', 'temperature (°C)', 'replicate']
    >>> len(sheet)  # 8 salts x 3 replicates
    24
    """
    import pandas as pd

    iso = protocol.isotherm
    assert iso is not None
    rows = [
        {
            "salt": s.name,
            "aw": f"{s.aw:.4f}",
            "moisture": "",
            "temperature (°C)": format_number(round(iso.temperature - 273.15, 6)),
            "replicate": r,
        }
        for s in iso.salts
        for r in range(1, iso.replicates + 1)
    ]
    return pd.DataFrame(rows, columns=list(ISOTHERM_COLUMNS))


def isotherm_csv(sheet: pd.DataFrame) -> str:
    """The isotherm sheet as CSV text (comma, decimal point, newline line ends)."""
    return _csv_text(list(sheet.columns), (list(row) for row in sheet.itertuples(index=False)))
