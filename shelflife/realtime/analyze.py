"""The ICH Q1E analysis of a whole real-time study: :func:`analyze_realtime`.

Every attribute of the study is evaluated with :func:`shelflife.q1e.q1e` at each storage
temperature, with the method's fixed settings; an attribute's ``model`` chooses the scale
of the regression (``"zero"``/``"auto"``: the attribute's unit, ``"first"``: its
logarithm). A data file without a ``batch`` column is analysed as one batch.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..q1e import q1e
from .results import RealTimeAnalysis, RealTimeAttribute
from .settings import ALPHA_POOL, DIDS_VARIANT, LEVEL, METHOD, SINGLE_BATCH_LABEL

if TYPE_CHECKING:  # pragma: no cover
    from ..study import Attribute, Study

__all__ = ["analyze_realtime"]

#: ``[[attributes]] model`` -> transformation of the response in the Q1E regression.
_TRANSFORMS: dict[str, str | None] = {"auto": None, "zero": None, "first": "log"}


def _transform_for(attr: Attribute) -> str | None:
    if attr.model not in _TRANSFORMS:
        raise InputError(
            "option_unknown",
            what=f"model (method = {METHOD!r})",
            value=attr.model,
            choices=", ".join(_TRANSFORMS),
            key="attributes.model",
        )
    return _TRANSFORMS[attr.model]


def analyze_realtime(
    study: Study, *, storage: Any = None, emit_warnings: bool = True
) -> RealTimeAnalysis:
    """ICH Q1E analysis of every attribute of a real-time study.

    Parameters
    ----------
    study : Study
        Real-time data (usually ``method = "ich_q1e"``) with a ``batch`` column; without
        one, all measurements are taken as one batch (``q1e_single_batch`` notice).
    storage : temperature-like or list of them, optional
        Storage temperatures at which shelf life is wanted; defaults to the study's
        ``[conditions] storage``. Each must be one of the tested temperatures. [°C, K or °F]
    emit_warnings : bool
        Also emit the notices as Python warnings (useful in notebooks).

    Returns
    -------
    RealTimeAnalysis

    Raises
    ------
    shelflife.errors.InputError
        ``q1e_temperature_absent`` (a storage temperature without data),
        ``option_unknown`` (an attribute ``model`` other than ``"auto"``, ``"zero"`` or
        ``"first"``), ``cell_missing`` (a measurement without a batch label), and the
        errors of :func:`shelflife.q1e.fit_q1e` (``q1e_too_few_points``...).
    """
    from ..units import to_kelvin

    if storage is None:
        temps = tuple(float(T) for T in study.storage_temperatures)
    else:
        items = storage if isinstance(storage, (list, tuple)) else [storage]
        temps = tuple(float(to_kelvin(s)) for s in items)
    data = study.data
    has_batch = "batch" in data.columns and not data["batch"].isna().all()
    work = study
    if not has_batch:
        work = dataclasses.replace(study, data=data.assign(batch=SINGLE_BATCH_LABEL))
    out = []
    for attr in study.attributes:
        transform = _transform_for(attr)
        results = tuple(
            q1e(
                work,
                attr,
                alpha_pool=ALPHA_POOL,
                level=LEVEL,
                dids_variant=DIDS_VARIANT,
                interval="confidence",
                transform=transform,
                temperature=f"{T!r} K",
                emit_warnings=False,
            )
            for T in temps
        )
        out.append(RealTimeAttribute(attr, results, temps, transform))
    analysis = RealTimeAnalysis(
        study=study,
        attributes=tuple(out),
        storage_temperatures=temps,
        batch_column=has_batch,
    )
    if emit_warnings:
        for n in analysis.notices:
            n.emit(stacklevel=3)
    return analysis
