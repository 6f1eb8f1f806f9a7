"""Batch runs over many study folders (issue 9): one table of results, local or on Dask.

>>> from shelflife.batch import run_batch
>>> res = run_batch("studies", "batch-out", workers=2)  # doctest: +SKIP
>>> res.table        # one row per study, attribute and storage temperature  # doctest: +SKIP
>>> res.errors       # one row per failed study, with its coded message  # doctest: +SKIP

Modules: :mod:`~shelflife.batch.discover` (study folders, output sub-folders),
:mod:`~shelflife.batch.manifest` (content hashes, resume, output-folder rules),
:mod:`~shelflife.batch.executors` (local processes, Dask), :mod:`~shelflife.batch.runner`
(:func:`run_batch`), :mod:`~shelflife.batch.tables`, :mod:`~shelflife.batch.result`
(:class:`BatchResult`), :mod:`~shelflife.batch.cli` (``shelflife batch``) and
:mod:`~shelflife.batch.work` (the per-study computation every executor runs).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .result import BatchResult
    from .runner import run_batch

__all__ = ["run_batch", "BatchResult"]


def __getattr__(name: str) -> Any:
    # lazy: ``import shelflife`` stays fast and workers import only what they run
    if name == "run_batch":
        from .runner import run_batch

        return run_batch
    if name == "BatchResult":
        from .result import BatchResult

        return BatchResult
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
