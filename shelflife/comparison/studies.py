"""Comparing two studies: input checks, the choice of reaction order, :func:`compare`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import FitError, InputError
from ._common import AUTO_ORDERS
from .compute import compare_floats
from .results import AttributeComparison, Comparison

if TYPE_CHECKING:  # pragma: no cover
    from ..study import Attribute, Study


# ---------------------------------------------------------------------- input checks
def _norm_unit(unit: str) -> str:
    return "".join(str(unit).split())


def _same_limit(x: float, y: float) -> bool:
    x, y = float(x), float(y)
    if np.isnan(x) and np.isnan(y):
        return True
    return bool(np.isclose(x, y, rtol=1e-9, atol=0.0))


def _check_pair(attr_a: Attribute, attr_b: Attribute, order_given: bool) -> None:
    """Raise ``compare_attribute_mismatch`` listing what differs between the two studies."""
    diffs = []
    if _norm_unit(attr_a.unit) != _norm_unit(attr_b.unit):
        diffs.append(f"unit: '{attr_a.unit}' ≠ '{attr_b.unit}'")
    if not _same_limit(attr_a.limit, attr_b.limit):
        diffs.append(f"limit: {attr_a.limit:g} ≠ {attr_b.limit:g}")
    if attr_a.direction != attr_b.direction:
        diffs.append(f"direction: {attr_a.direction} ≠ {attr_b.direction}")
    if attr_a.temperature_model != attr_b.temperature_model:
        diffs.append(f"temperature_model: {attr_a.temperature_model} ≠ {attr_b.temperature_model}")
    if not order_given and "auto" not in (attr_a.model, attr_b.model):
        if attr_a.model != attr_b.model:
            diffs.append(f"model: {attr_a.model} ≠ {attr_b.model}")
    if diffs:
        raise InputError(
            "compare_attribute_mismatch", attribute=attr_a.name, differences="; ".join(diffs)
        )


def _common_attributes(study_a: Study, study_b: Study, attributes: Any) -> list[str]:
    names_a = [a.name for a in study_a.attributes]
    names_b = [a.name for a in study_b.attributes]
    if attributes is None:
        common = [n for n in names_a if n in names_b]
        if not common:
            raise InputError(
                "compare_no_common_attribute",
                study_a=study_a.name,
                study_b=study_b.name,
                names_a=", ".join(names_a) or "–",
                names_b=", ".join(names_b) or "–",
            )
        return common
    wanted = [attributes] if isinstance(attributes, str) else list(attributes)
    for name in wanted:
        for study, names in ((study_a, names_a), (study_b, names_b)):
            if name not in names:
                raise InputError(
                    "compare_attribute_missing",
                    attribute=name,
                    study=study.name,
                    names=", ".join(names) or "–",
                )
    return list(dict.fromkeys(wanted))


def _choose_order(y: np.ndarray, choose) -> tuple[AttributeComparison, dict[str, float]]:
    r"""Order with the lowest AIC of the separate model on the pooled data ``y``.

    :math:`\mathrm{AIC} = n \ln(\mathrm{SSE}_f/n) + 2(p_f + 1)`: both formulations'
    separate fits with one common residual variance (the full model of the tests).
    ``choose(order)`` runs the comparison with that order.
    """
    from ..models.kinetics import ORDERS

    candidates = [n for n in AUTO_ORDERS if not (ORDERS[n].needs_positive and np.any(y <= 0))]
    results, aic, errors = {}, {}, []
    for name in candidates:
        try:
            res = choose(name)
        except FitError as exc:
            errors.append(exc)
            continue
        sse = res.fit_a.statistics["sse"] + res.fit_b.statistics["sse"]
        n = y.size
        k = res.fit_a.statistics["p"] + res.fit_b.statistics["p"] + 1
        aic[name] = float(n * np.log(sse / n) + 2 * k) if sse > 0 else -np.inf
        results[name] = res
    if not results:
        raise errors[0]
    best = min(aic, key=lambda k: aic[k])
    return results[best], aic


def compare(
    study_a: Study,
    study_b: Study,
    *,
    attributes: str | Sequence[str] | None = None,
    order: str | None = None,
    temperatures: Any = ("25 degC", "30 degC"),
    level: float = 0.95,
) -> Comparison:
    """Compare the kinetics and shelf lives of two formulations.

    Parameters
    ----------
    study_a, study_b : Study
        Formulation A (the reference, e.g. local cassava flour) and formulation B (e.g.
        imported wheat flour), each read with :func:`shelflife.read_study`.
    attributes : str or sequence of str, optional
        Attributes to compare; by default every attribute the two studies share.
    order : {"zero", "first", ...}, optional
        Reaction order of every model. By default the order the study files declare
        (``model = ...``; when both declare one, they must agree); when both say
        ``"auto"``, zero or first order, whichever has the lower AIC of the separate model
        (common residual variance) on the pooled data.
    temperatures : sequence of temperature-like
        Where the shelf lives are compared. [°C, K or °F]
    level : float
        Confidence level of every interval (default 0.95); the tests are judged at
        ``1 - level``.

    Returns
    -------
    Comparison
        Per attribute: the two F tests, the parameters of both formulations with their
        differences or ratios, the shelf lives with their ratio and difference, and a
        verdict in plain words (English and Indonesian).

    Raises
    ------
    InputError
        ``compare_no_common_attribute`` (no attribute in both studies),
        ``compare_attribute_missing`` (a requested attribute is missing in one study),
        ``compare_attribute_mismatch`` (unit, limit, direction, temperature model or
        declared order differ), ``compare_model_unsupported`` (humidity models),
        ``compare_initial_unsupported`` (``initial = "per_temperature"``), and the usual
        data errors of the fits.
    FitError
        A model cannot be fitted.

    Notes
    -----
    The equations (extra-sum-of-squares F test, delta-method ratio and difference) and
    references are in the module documentation (:mod:`shelflife.comparison`).
    """
    from ..models.kinetics import get_order
    from ..models.temperature import get_temperature_model
    from ..units import to_kelvin

    if not (isinstance(level, (int, float)) and 0.0 < float(level) < 1.0):
        raise InputError(
            "option_unknown",
            what="confidence level",
            value=level,
            choices="a number between 0 and 1, e.g. 0.95",
        )
    if order is not None:
        get_order(order)  # raises option_unknown with the choices
    if temperatures is None:
        T_K: tuple[float, ...] = ()
    elif isinstance(temperatures, str) or hasattr(temperatures, "magnitude"):
        T_K = tuple(float(x) for x in np.atleast_1d(to_kelvin(temperatures)))
    else:
        T_K = tuple(float(to_kelvin(x)) for x in temperatures)

    names = _common_attributes(study_a, study_b, attributes)
    results = []
    for name in names:
        attr_a, attr_b = study_a.attribute(name), study_b.attribute(name)
        _check_pair(attr_a, attr_b, order is not None)
        tdep = get_temperature_model(attr_a.temperature_model)
        if tdep.uses_rh:
            raise InputError("compare_model_unsupported", attribute=name, model=tdep.name)
        if "per_temperature" in (getattr(x, "initial", "common") for x in (attr_a, attr_b)):
            raise InputError("compare_initial_unsupported", attribute=name)
        ta, Ta, ya, rows_a = study_a.arrays(name)
        tb, Tb, yb, rows_b = study_b.arrays(name)
        a, b = (ta, Ta, ya), (tb, Tb, yb)

        def run(order_name: str, selection: str, a=a, b=b, attr=attr_a, ra=rows_a, rb=rows_b):
            return compare_floats(
                a,
                b,
                attribute=attr,
                order=order_name,
                temperature_model=attr.temperature_model,
                temperatures_K=T_K,
                level=float(level),
                selection=selection,
                rows=(ra, rb),
                files=(study_a.source.get("data_file"), study_b.source.get("data_file")),
            )

        if order is not None:
            results.append(run(order, "given"))
        elif attr_a.model != "auto" and attr_a.model == attr_b.model:
            results.append(run(attr_a.model, "declared"))
        else:
            declared = attr_b.model if attr_a.model == "auto" else attr_a.model
            if declared != "auto":
                results.append(run(declared, "declared"))
            else:
                best, aic = _choose_order(
                    np.concatenate([ya, yb]), lambda o, run=run: run(o, "aic")
                )
                results.append(_with_aic(best, aic))
    return Comparison(
        study_a=study_a,
        study_b=study_b,
        attributes=tuple(results),
        temperatures=T_K,
        level=float(level),
    )


def _with_aic(res: AttributeComparison, aic: dict[str, float]) -> AttributeComparison:
    from dataclasses import replace

    return replace(res, aic=dict(aic))
