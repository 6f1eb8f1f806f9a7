"""The batch's fast path: studies of a shared design screened together.

For the common study (kinetic attributes only, Arrhenius, one initial value, reaction order
``auto``/``zero``/``first``, no humidity term) the batch does what
:func:`shelflife.analysis.analyze_attribute` does for the numbers in the summary table, but
for all studies of a design at once (:mod:`shelflife.batch.vectorised`):

- both orders fitted (``auto``), the order chosen by AIC with the same tie rule, the notice
  ``order_ambiguous`` when ΔAIC < 2;
- the shelf life at each storage temperature with its delta-method 95 % interval and the
  conservative value;
- the guardrails of the fit, of the activation energy against the kinetics library, and of
  extrapolation to the storage temperatures — computed by the same functions
  (:func:`~shelflife.guardrails.check_fit`, :func:`~shelflife.library.check_plausibility`,
  :func:`~shelflife.guardrails.check_storage`) on the same fit objects.

Not computed here (they need the per-study residual analysis and do not change a number in
the table): the diagnostics (lack of fit, outliers, Arrhenius curvature), the
isoconversional check, the two-step comparison and the shelf-life table at 15-35 °C. The
per-study ``result.json`` of this path therefore has ``"analysis": "screening"`` and the
keys listed in ``docs/batch.md``; ``path="full"`` gives the full analysis per study.

A study outside these conditions, or whose stacked fit did not converge cleanly, returns
``None`` and the batch runs the full per-study analysis for it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import numpy as np

__all__ = ["eligible", "screen_studies"]


def eligible(study: Any) -> bool:
    """Whether a study can take the fast path (see the module notes)."""
    if getattr(study, "method", None) != "kinetics" or study.sensory:
        return False
    for a in study.attributes:
        if a.kind != "chemical" or a.temperature_model != "arrhenius":
            return False
        if a.initial != "common" or a.model not in ("auto", "zero", "first"):
            return False
        if not np.isfinite(a.limit):
            return False
    return bool(study.attributes)


def _orders(model: str, y: np.ndarray) -> tuple[str, ...] | None:
    if model == "auto":
        return ("zero", "first") if np.all(y > 0) else ("zero",)
    if model == "first" and np.any(y <= 0):
        return None  # the per-study path raises value_not_positive with its row
    return (model,)


def screen_studies(studies: list[Any], storage_K: list[np.ndarray]) -> list[dict[str, Any] | None]:
    """Screen eligible studies; one result per study, ``None`` to run the full path.

    Parameters
    ----------
    studies : list of Study
    storage_K : list of numpy.ndarray
        Storage temperatures of each study [K].

    Returns
    -------
    list
        Per study: ``{"attributes": [...], "notices": [...]}`` (see :func:`_attribute_result`)
        or ``None``.
    """
    from .vectorised import fit_stacked

    # (study index, attribute index) per design group
    groups: dict[tuple, list[tuple[int, int, np.ndarray, np.ndarray]]] = defaultdict(list)
    failed: set[int] = set()
    for i, st in enumerate(studies):
        for j, a in enumerate(st.attributes):
            t, T, y, rows = st.arrays(a.name)
            orders = _orders(a.model, y)
            if (
                orders is None
                or y.size <= 3
                or np.unique(T).size < 2
                or not np.all(np.isfinite(y))
            ):
                failed.add(i)
                continue
            key = (t.tobytes(), T.tobytes(), orders, storage_K[i].tobytes())
            groups[key].append((i, j, y, rows))
    results: dict[tuple[int, int], dict[str, Any]] = {}
    for key, members in groups.items():
        members = [m for m in members if m[0] not in failed]
        if not members:
            continue
        t = np.frombuffer(key[0])
        T = np.frombuffer(key[1])
        orders = key[2]
        Y = np.stack([m[2] for m in members])
        fits = {o: fit_stacked(o, t, T, Y) for o in orders}
        for pos, (i, j, y, rows) in enumerate(members):
            if not all(fits[o].ok[pos] for o in orders):
                failed.add(i)
                continue
            results[(i, j)] = {"fits": fits, "pos": pos, "t": t, "T": T, "y": y, "rows": rows}
    # shelf lives per chosen order, stacked again
    return _finish(studies, storage_K, results, failed)


def _finish(studies, storage_K, results, failed) -> list[dict[str, Any] | None]:
    from .vectorised import StackedFit, shelf_life_stacked

    chosen: dict[tuple[int, int], tuple[str, list[str]]] = {}
    for (i, j), r in results.items():
        if i in failed:
            continue
        fits, pos = r["fits"], r["pos"]
        ranked = sorted(fits, key=lambda o: fits[o].aic[pos])  # stable: zero first on a tie
        chosen[(i, j)] = (ranked[0], ranked[1:])
    # group the chosen fits by (fit object, storage) to compute shelf lives stacked
    by_fit: dict[tuple[int, str], list[tuple[int, int]]] = defaultdict(list)
    for (i, j), (order, _) in chosen.items():
        by_fit[(id(results[(i, j)]["fits"][order]), order)].append((i, j))
    lives: dict[tuple[int, int], dict[str, np.ndarray]] = {}
    for (_, order), members in by_fit.items():
        f: StackedFit = results[members[0]]["fits"][order]
        pos = np.array([results[m]["pos"] for m in members])
        sub = StackedFit(
            f.order,
            f.theta[pos],
            f.cov[pos],
            f.sse[pos],
            f.aic[pos],
            f.r_squared[pos],
            f.ok[pos],
            f.sign[pos],
            f.reference_temperature,
            f.n,
            f.dof,
            f.iterations,
            f.jacobian[pos],
            f.residuals[pos],
        )
        attrs = [studies[i].attributes[j] for i, j in members]
        horizon = 100.0 * np.array([float(results[m]["t"].max()) for m in members])
        Ts = storage_K[members[0][0]]
        out = shelf_life_stacked(
            sub,
            Ts,
            np.array([a.limit for a in attrs]),
            np.array([a.direction for a in attrs]),
            horizon=horizon,
        )
        for row, m in enumerate(members):
            lives[m] = {k: v[row] for k, v in out.items()}
    per_study: list[dict[str, Any] | None] = []
    for i, st in enumerate(studies):
        if i in failed or any((i, j) not in chosen for j in range(len(st.attributes))):
            per_study.append(None)
            continue
        attrs = []
        for j, a in enumerate(st.attributes):
            r = results[(i, j)]
            order, others = chosen[(i, j)]
            attrs.append(_attribute_result(st, a, r, order, others, lives[(i, j)], storage_K[i]))
        per_study.append({"attributes": attrs})
    return per_study


def _fit_result(study, attr, r, order: str):
    """A :class:`~shelflife.results.FitResult` of one stacked fit (for the guardrails)."""
    from ..fitting import KineticModel
    from ..models.kinetics import get_order
    from ..models.temperature import References, get_temperature_model
    from ..results import FitResult

    f = r["fits"][order]
    pos = r["pos"]
    model = KineticModel(
        get_order(order),
        get_temperature_model("arrhenius"),
        float(f.sign[pos]),
        References(f.reference_temperature, float("nan")),
    )
    return FitResult.build(
        model=model,
        attribute=attr,
        theta=f.theta[pos].copy(),
        jacobian=f.jacobian[pos],
        residuals=f.residuals[pos],
        time=r["t"],
        temperature=r["T"],
        value=r["y"],
        rows=r["rows"],
        two_step=None,  # type: ignore[arg-type]
        converged=True,
        message="stacked Levenberg-Marquardt (batch)",
        nfev=int(f.iterations),
        restarts=0,
    )


def _attribute_result(study, attr, r, order, others, life, storage_K) -> dict[str, Any]:
    from ..errors import Notice
    from ..guardrails import check_storage
    from ..library import check_plausibility

    fit = _fit_result(study, attr, r, order)
    notices = list(fit.notices)
    notices.extend(check_plausibility(fit, attr.reaction))
    if others:
        pos = r["pos"]
        delta = float(r["fits"][others[0]].aic[pos] - r["fits"][order].aic[pos])
        if delta < 2.0:
            notices.append(
                Notice("order_ambiguous", "design", attr.name, {"delta": delta, "chosen": order})
            )
    notices.extend(check_storage(fit, storage_K))
    return {
        "attribute": attr,
        "fit": fit,
        "life": life,
        "storage_K": storage_K,
        "notices": notices,
        "alternatives": list(others),
    }


def screening_json(study: Any, result: dict[str, Any]) -> str:
    """The per-study ``result.json`` of the fast path (``"analysis": "screening"``)."""
    from .. import __version__
    from ..analysis import SCHEMA
    from ..results import celsius

    def num(x: float) -> float | None:
        x = float(x)
        return x if np.isfinite(x) else None

    attrs = []
    notices = []
    for ar in result["attributes"]:
        a, fit, life = ar["attribute"], ar["fit"], ar["life"]
        st = fit.statistics
        attrs.append(
            {
                "name": a.name,
                "unit": a.unit,
                "limit": a.limit_dict(),
                "model": {
                    "order": fit.order,
                    "temperature_dependence": "arrhenius",
                    "method": "global",
                },
                "selection": "aic" if a.model == "auto" else "declared",
                "parameters": {k: p.to_dict() for k, p in fit.parameters.items()},
                "statistics": {
                    "n": st["n"],
                    "dof": st["dof"],
                    "sse": st["sse"],
                    "rmse": st["rmse"],
                    "r_squared": num(st["r_squared"]),
                    "aic": st["aic"],
                },
                "shelf_life": [
                    {
                        "temperature": {"value": round(celsius(T), 6), "unit": "degC"},
                        "estimate": {"value": num(life["estimate"][m]), "unit": "day"},
                        "ci95": [num(life["low"][m]), num(life["high"][m])],
                        "conservative": {"value": num(life["conservative"][m]), "unit": "day"},
                    }
                    for m, T in enumerate(ar["storage_K"])
                ],
                "warnings": [n.to_dict() for n in ar["notices"]],
            }
        )
        notices.extend(ar["notices"])
    storage = result["attributes"][0]["storage_K"] if result["attributes"] else []
    limiting = [_limiting(result, m) for m in range(len(storage))]
    out = {
        "schema": SCHEMA,
        "analysis": "screening",
        "software": {"name": "shelflife", "version": __version__},
        "study": {
            "name": study.name,
            "product": study.product,
            "inputs": study.source.get("sha256", {}),
        },
        "storage_conditions": [
            {"temperature": {"value": round(celsius(T), 6), "unit": "degC"}} for T in storage
        ],
        "attributes": attrs,
        "limiting_attribute": limiting[0] if limiting else None,
        "limiting_attribute_by_condition": [
            {"temperature": {"value": round(celsius(T), 6), "unit": "degC"}, "attribute": lim}
            for T, lim in zip(storage, limiting, strict=True)
        ],
        "warnings": [n.to_dict() for n in notices],
    }
    return json.dumps(out, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n"


def _limiting(result: dict[str, Any], m: int) -> str | None:
    """Attribute with the shortest estimate at storage condition ``m`` (first on a tie)."""
    best, best_t = None, np.inf
    for ar in result["attributes"]:
        v = float(ar["life"]["estimate"][m])
        if v < best_t:
            best, best_t = ar["attribute"].name, v
    return best


def screening_rows(study: Any, result: dict[str, Any], folder: str) -> list[dict[str, Any]]:
    """Summary-table rows of a screened study (same fields as the full path's rows)."""
    from ..results import celsius

    rows = []
    for ar in result["attributes"]:
        a, life = ar["attribute"], ar["life"]
        codes = ";".join(sorted({n.code for n in ar["notices"]}))
        for m, T in enumerate(ar["storage_K"]):
            limiting = _limiting(result, m)
            rows.append(
                {
                    "folder": folder,
                    "study": study.name,
                    "product": study.product,
                    "attribute": a.name,
                    "kind": "chemical",
                    "model": ar["fit"].order,
                    "temperature_degC": round(celsius(T), 6),
                    "shelf_life_day": float(life["estimate"][m]),
                    "ci95_low_day": float(life["low"][m]),
                    "ci95_high_day": float(life["high"][m]),
                    "conservative_day": float(life["conservative"][m]),
                    "limiting": a.name == limiting,
                    "limiting_attribute": limiting,
                    "warnings": codes,
                }
            )
    return rows
