"""Imported once by the fork server of local batch workers (see ``executors._mp_context``).

Every worker process is forked from that server, so what is loaded here (pandas, scipy,
the pint registry, the analysis code and its lazily imported helpers, by analysing the
bundled example once) is loaded once per batch instead of once per worker. Failures are
harmless: the workers then load everything on first use.
"""

from __future__ import annotations

import warnings


def warm() -> None:
    """Analyse the bundled example once, discarding the result."""
    from ..examples import example_path
    from .work import analyze_folder

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        analyze_folder(str(example_path("keripik-tempe")), {})


try:
    warm()
except Exception:  # noqa: BLE001, S110 - only a speed-up
    pass
