"""The work of a batch: analyse a chunk of study folders, each one isolated.

:func:`analyze_folders` is what every executor runs (a local worker process or a Dask
worker): it takes plain, picklable arguments (folder paths and an options dict) and returns
plain dicts, so a chunk can travel to any worker and back. A study that fails (bad input,
failed fit) becomes an ``"error"`` outcome with its coded message; the rest of the chunk
goes on.

Outcome of one study (``dict``)::

    {"folder": str, "study": str | None, "status": "ok" | "error",
     "error": None | {"code", "message": {"en", "id"}, "file", "row", "column", "key"},
     "rows": [row, ...],            # one per attribute and storage temperature (ROW_FIELDS)
     "files": {"result.json": str, "report.html": str, "report.pdf": bytes, ...}}
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["ROW_FIELDS", "analyze_folders", "analyze_folder", "DEFAULT_OPTIONS"]

#: Columns of the summary table, in order (one row per study, attribute and condition).
ROW_FIELDS = (
    "folder",
    "study",
    "product",
    "attribute",
    "kind",
    "model",
    "temperature_degC",
    "shelf_life_day",
    "ci95_low_day",
    "ci95_high_day",
    "conservative_day",
    "limiting",
    "limiting_attribute",
    "warnings",
)

#: Options of a batch run and their defaults.
DEFAULT_OPTIONS: dict[str, Any] = {
    "storage": None,  # list of temperature strings; None: each study's [conditions] storage
    "lang": "en",
    "reports": False,
    "formats": ("html",),
    "path": "auto",  # "auto": vectorised fits where the design allows; "full": per study
}


def _error_outcome(folder: str, exc: Exception, study: str | None = None) -> dict[str, Any]:
    from ..errors import ShelfLifeError

    if isinstance(exc, ShelfLifeError):
        d = exc.to_dict()
        err = {
            "code": d.get("code"),
            "message": {"en": exc.render("en"), "id": exc.render("id")},
            **{k: d.get(k) for k in ("file", "row", "column", "key")},
        }
    else:  # a bug, not bad input: keep the batch going and say what happened
        text = f"{type(exc).__name__}: {exc}"
        err = {
            "code": "internal_error",
            "message": {"en": text, "id": text},
            "file": None,
            "row": None,
            "column": None,
            "key": None,
        }
    return {
        "folder": folder,
        "study": study,
        "status": "error",
        "error": err,
        "rows": [],
        "files": {},
    }


def rows_of(analysis: Any, folder: str) -> list[dict[str, Any]]:
    """Summary-table rows of one full :class:`~shelflife.analysis.StudyAnalysis`."""
    from ..results import celsius

    st = analysis.study
    orders = {a.attribute.name: f"{a.fit.order}" for a in analysis.attributes}
    kinds = {a.attribute.name: "chemical" for a in analysis.attributes}
    kinds.update({o.name: o.kind for o in analysis.others})
    codes: dict[str, list[str]] = {}
    for n in analysis.notices:
        codes.setdefault(n.attribute or "", []).append(n.code)
    out = []
    for name, kind, s in analysis.all_shelf_lives():
        limiting = analysis.limiting_at(s.temperature)
        out.append(
            {
                "folder": folder,
                "study": st.name,
                "product": st.product,
                "attribute": name,
                "kind": kind,
                "model": orders.get(name, kinds.get(name, kind)),
                "temperature_degC": round(celsius(s.temperature), 6),
                "shelf_life_day": float(s.estimate),
                "ci95_low_day": float(s.ci95[0]),
                "ci95_high_day": float(s.ci95[1]),
                "conservative_day": float(s.conservative),
                "limiting": name == limiting,
                "limiting_attribute": limiting,
                "warnings": ";".join(sorted(set(codes.get(name, [])))),
            }
        )
    return out


def analyze_folder(folder: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """Analyse one study folder in full (the path of ``shelflife analyze``).

    Parameters
    ----------
    folder : str
        Study folder (``study.toml`` + data).
    options : dict, optional
        See :data:`DEFAULT_OPTIONS`.

    Returns
    -------
    dict
        The outcome (module notes); never raises for bad input or a failed fit.
    """
    import shelflife as sl

    opts = {**DEFAULT_OPTIONS, **(options or {})}
    name = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            study = sl.read_study(folder)
            name = study.name
            analysis = sl.analyze(study, storage=opts["storage"], emit_warnings=False)
            files: dict[str, Any] = {"result.json": analysis.to_json()}
            if opts["reports"]:
                from ..io.output import report_files

                files.update(
                    report_files(
                        lambda: analysis.report(lang=opts["lang"]),
                        lang=opts["lang"],
                        formats=opts["formats"],
                    )
                )
        rows = rows_of(analysis, folder) if hasattr(analysis, "all_shelf_lives") else []
    except Exception as exc:  # noqa: BLE001 - each study isolated; errors are outcomes
        return _error_outcome(folder, exc, name)
    return {
        "folder": folder,
        "study": name,
        "status": "ok",
        "error": None,
        "rows": rows,
        "files": files,
    }


def _storage_K(study: Any, storage: Any) -> np.ndarray:
    from ..units import to_kelvin

    if storage is None:
        return np.asarray(study.storage_temperatures, dtype=float)
    items = storage if isinstance(storage, (list, tuple)) else [storage]
    return np.array([float(to_kelvin(s)) for s in items])


def analyze_folders(
    folders: list[str], options: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Analyse a chunk of study folders, one outcome per folder, in the given order.

    With ``options["path"] == "auto"`` (default) the studies that allow it are screened
    together (:mod:`shelflife.batch.screen`: stacked fits, same numbers as the full
    analysis, ``result.json`` with ``"analysis": "screening"``); the others, and every study
    when reports are asked for or ``path == "full"``, get the full per-study analysis.

    Parameters
    ----------
    folders : list of str
        Study folders.
    options : dict, optional
        See :data:`DEFAULT_OPTIONS`.

    Returns
    -------
    list of dict
        Outcomes (module notes), one per folder.
    """
    import shelflife as sl

    from .screen import eligible, screen_studies, screening_json, screening_rows

    opts = {**DEFAULT_OPTIONS, **(options or {})}
    folders = [str(Path(f)) for f in folders]
    if opts["path"] == "full" or opts["reports"]:
        return [analyze_folder(f, opts) for f in folders]
    outcomes: list[dict[str, Any] | None] = [None] * len(folders)
    fast: list[tuple[int, Any, np.ndarray]] = []
    for i, f in enumerate(folders):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                study = sl.read_study(f)
            if not eligible(study):
                continue  # the full analysis below
            storage = _storage_K(study, opts["storage"])
        except Exception as exc:  # noqa: BLE001 - each study isolated
            outcomes[i] = _error_outcome(f, exc)
            continue
        if storage.size:
            fast.append((i, study, storage))
    if fast:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            screened = screen_studies([s for _, s, _ in fast], [T for _, _, T in fast])
        for (i, study, _), res in zip(fast, screened, strict=True):
            if res is None:
                continue
            try:
                outcomes[i] = {
                    "folder": folders[i],
                    "study": study.name,
                    "status": "ok",
                    "error": None,
                    "rows": screening_rows(study, res, folders[i]),
                    "files": {"result.json": screening_json(study, res)},
                }
            except Exception as exc:  # noqa: BLE001 - each study isolated
                outcomes[i] = _error_outcome(folders[i], exc, study.name)
    for i, f in enumerate(folders):
        if outcomes[i] is None:
            outcomes[i] = analyze_folder(f, opts)
    return outcomes  # type: ignore[return-value]
