"""Chamber data-logger exports (kept for compatibility).

The reader now lives in :mod:`shelflife.loggers`; this module re-exports
:func:`~shelflife.loggers.read_logger` and :class:`~shelflife.loggers.LoggerData`.
"""

from __future__ import annotations

from ..loggers import LoggerData, read_logger

__all__ = ["LoggerData", "read_logger"]
