"""Export markets: date-marking rules as data, label dates and texts, export readiness.

The rules of each market (Indonesia/BPOM, EU, US, Japan, GCC, China, Australia/New Zealand,
Malaysia/Singapore) live in ``shelflife/markets/data/CODE.toml``: phrases, date formats and
precision, production-date requirement, safety factor, limits and the minimum remaining
shelf life on arrival. Every rule carries its sources and a ``verified`` flag; trade
practices and assumptions are never verified and can be overridden (function arguments, or
an edited copy of the file passed by path).

>>> from shelflife.markets import get_market, label
>>> label(get_market("Rotterdam"), "2026-01-15", "9 month").text
'Best before end: 09.2026'
"""

from __future__ import annotations

from .data import data_dir, get_market, list_markets, market_codes, read_market_file
from .label import LABEL_KINDS, Label, label
from .model import Market
from .readiness import VERDICTS, Readiness, Requirement, export_readiness
from .recommend import LabelledShelfLife, Step, recommended_shelf_life
from .table import rules_markdown, rules_table

__all__ = [
    "Market",
    "list_markets",
    "market_codes",
    "get_market",
    "read_market_file",
    "data_dir",
    "LabelledShelfLife",
    "Step",
    "recommended_shelf_life",
    "Label",
    "label",
    "LABEL_KINDS",
    "Readiness",
    "Requirement",
    "export_readiness",
    "VERDICTS",
    "rules_table",
    "rules_markdown",
]
