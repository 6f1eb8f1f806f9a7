"""Shared pieces of the uncertainty methods.

Conversions, quantiles, shelf life for many parameter vectors, and the display and
serialisation of results made of draws.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from ..fitting import KineticModel
    from ..results import FitResult

__all__ = [
    "kelvin",
    "days",
    "reported",
    "quantiles",
    "shelf_life_many",
]


# ----------------------------------------------------------------------------- inputs
def _is_number_like(x: Any) -> bool:
    if isinstance(x, (bool, str)) or hasattr(x, "units"):
        return False
    try:
        arr = np.asarray(x)
    except Exception:  # pragma: no cover - exotic input
        return False
    return arr.dtype.kind in "iuf" and arr.size > 0


def kelvin(temperatures: Any) -> np.ndarray:
    """Temperatures as kelvin floats, shape ``(k,)``.

    Quantities and strings (``"30 degC"``) are converted; bare numbers are refused
    (temperatures are never bare numbers in the public API).
    """
    from ..units import to_kelvin

    if temperatures is None:
        return np.empty(0)
    if _is_number_like(temperatures):
        from ..errors import UnitError

        # temperatures are never bare numbers in the public API (DESIGN.md §3)
        raise UnitError(
            "bare_number",
            what="temperature",
            value=temperatures,
            examples="'30 degC', Q_(30, 'degC') or '303.15 K'",
        )
    if isinstance(temperatures, (list, tuple)):
        return np.concatenate([kelvin(x) for x in temperatures]) if temperatures else np.empty(0)
    return np.atleast_1d(np.asarray(to_kelvin(temperatures), dtype=float))


def days(time: Any) -> np.ndarray:
    """Times as day floats from quantities or strings; bare numbers are refused."""
    from ..units import to_days

    if _is_number_like(time):
        from ..errors import UnitError

        raise UnitError(
            "bare_number", what="time", value=time, examples="'6 month', Q_(180, 'day')"
        )
    if isinstance(time, (list, tuple)):
        return np.asarray([days(x) for x in time], dtype=float)
    return np.asarray(to_days(time), dtype=float)


def rh_values(fit: FitResult, rh: Any, shape: tuple) -> np.ndarray | None:
    """Relative humidity [%] for predictions (``None`` unless the model uses RH)."""
    return fit._rh(rh, shape)


def require_limit(fit: FitResult) -> float:
    """The attribute's limit, or a coded error when it has none."""
    limit = float(fit.attribute.limit)
    if not np.isfinite(limit):
        from ..errors import InputError

        raise InputError(
            "limit_invalid", attribute=fit.attribute.name, value=limit, unit=fit.attribute.unit
        )
    return limit


def check_level(level: float) -> float:
    """A two-sided confidence level strictly between 0 and 1 (coded error otherwise)."""
    level = float(level)
    if not 0.0 < level < 1.0:
        from ..errors import InputError

        raise InputError(
            "option_unknown", what="level", value=level, choices="a number between 0 and 1"
        )
    return level


def fit_notices(fit: FitResult) -> list:
    """Notices inherited from the fit that the draws rest on (non-convergence)."""
    if fit.converged:
        return []
    from ..errors import Notice

    return [
        Notice("fit_not_converged", "convergence", fit.attribute.name, {"reason": fit.message})
    ]


def free_mask(fit: FitResult) -> np.ndarray:
    """Boolean mask of the fitted (not fixed) parameters."""
    P = fit.theta.size
    return np.ones(P, dtype=bool) if fit.free is None else np.asarray(fit.free, dtype=bool)


def fit_weights(fit: FitResult) -> np.ndarray:
    """Observation weights of the fit (ones for ordinary least squares)."""
    w = getattr(fit, "weights", None)
    return np.ones(fit.value.size) if w is None else np.asarray(w, dtype=float)


def weighted_sse(fit: FitResult) -> float:
    """The minimised (weighted) residual sum of squares [unit²]."""
    st = fit.statistics
    return float(st.get("wsse", st["sse"]))


def parameter_index(fit: FitResult, name: str) -> int:
    """Position of the reported parameter ``name`` in ``theta`` (coded error if unknown)."""
    names = fit.model.parameter_names
    if name not in names:
        from ..errors import InputError

        raise InputError("option_unknown", what="parameter", value=name, choices=", ".join(names))
    return names.index(name)


# ------------------------------------------------------------------------- transforms
def reported(model: KineticModel, thetas: np.ndarray) -> np.ndarray:
    """Parameters on the reported scale (``exp`` of those fitted as logarithms)."""
    thetas = np.asarray(thetas, dtype=float)
    out = thetas.copy()
    for i, par in enumerate(model.parameters):
        if par.log:
            with np.errstate(over="ignore"):
                out[..., i] = np.exp(thetas[..., i])
    return out


def parameter_labels(fit: FitResult) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Names, symbols and reported units of the parameters."""
    rate_unit = fit.rate_unit
    pars = fit.model.parameters
    return (
        tuple(p.name for p in pars),
        tuple(p.symbol for p in pars),
        tuple(p.resolve_unit(fit.attribute.unit, rate_unit) for p in pars),
    )


def quantiles(draws: np.ndarray, probs: Any) -> np.ndarray:
    """Quantiles of each column, ignoring ``nan`` and keeping ``inf`` (linear rule).

    Numpy's default (Hyndman-Fan type 7) interpolation, except that an interpolation
    touching an infinite draw gives that infinity instead of ``nan``.

    Parameters
    ----------
    draws : numpy.ndarray
        Shape ``(m, k)``.
    probs : array-like
        Probabilities in [0, 1], shape ``(q,)`` or ``(q, k)`` (one set per column).

    Returns
    -------
    numpy.ndarray
        Shape ``(q, k)``; ``nan`` for a column without draws or a ``nan`` probability.
    """
    draws = np.asarray(draws, dtype=float)
    if draws.ndim == 1:
        draws = draws[:, None]
    probs = np.asarray(probs, dtype=float)
    k = draws.shape[1]
    P = np.broadcast_to(probs.reshape(probs.shape[0], -1), (probs.shape[0], k))
    out = np.full(P.shape, np.nan)
    for j in range(k):
        x = np.sort(draws[:, j][~np.isnan(draws[:, j])])
        if x.size == 0:
            continue
        p = P[:, j]
        ok = np.isfinite(p)
        h = np.clip(p[ok], 0.0, 1.0) * (x.size - 1)
        lo = np.floor(h).astype(int)
        hi = np.minimum(lo + 1, x.size - 1)
        frac = h - lo
        xl, xh = x[lo], x[hi]
        with np.errstate(invalid="ignore"):
            val = xl + frac * (xh - xl)
        val = np.where(np.isinf(xl), xl, val)
        val = np.where(np.isinf(xh) & (frac > 0) & ~np.isinf(xl), xh, val)
        out[ok, j] = val
    return out


def shelf_life_many(
    model: KineticModel,
    thetas: np.ndarray,
    T: np.ndarray,
    limit: float,
    direction: str,
    rh: np.ndarray | None = None,
) -> np.ndarray:
    """Shelf life for many parameter vectors at temperatures ``T`` [day], ``(B, k)``.

    The same rule as :func:`shelflife.prediction.shelf_life_floats`: 0 where the initial
    value is already beyond the limit, the crossing time of the mean response where it is
    positive and finite, ``inf`` otherwise (the limit is never reached).
    """
    from .solver import order_layout, order_p

    thetas = np.atleast_2d(np.asarray(thetas, dtype=float))
    T = np.atleast_1d(np.asarray(T, dtype=float))
    B = thetas.shape[0]
    if T.size == 0 or B == 0:
        return np.empty((B, T.size))
    order, sign = model.order, model.sign
    m, g, M = order_layout(model, T)
    offset, G = model.temperature.design(T, rh, model.references)
    with np.errstate(over="ignore", invalid="ignore"):
        k = np.exp(offset + thetas[:, m:] @ G.T)
    p = order_p(thetas, m, g, M)
    formal = None
    if B > 1:
        try:
            with np.errstate(all="ignore"):
                formal = np.broadcast_to(order.time_to_limit(limit, k, p, sign), k.shape)
                check = [model.time_to_limit(thetas[b], T, limit, rh) for b in (0, B - 1)]
            if not np.allclose(formal[[0, B - 1]], check, rtol=1e-12, equal_nan=True):
                formal = None
        except (ValueError, TypeError, IndexError):
            formal = None
    if formal is None:  # an order branching on scalar parameters: one call per draw
        formal = np.empty_like(k)
        a0 = np.broadcast_to(p[0], k.shape)
        extras = thetas[:, g:m]
        rows = thetas[:, :m].tolist()  # python floats: the scalar branches run fastest
        with np.errstate(all="ignore"):
            for b in range(B):
                if M is None:
                    formal[b] = order.time_to_limit(limit, k[b], rows[b], sign)
                else:
                    for j in range(T.size):
                        pj = [a0[b, j], *extras[b]]
                        formal[b, j] = np.ravel(
                            order.time_to_limit(limit, k[b, j : j + 1], pj, sign)
                        )[0]
    a0 = np.broadcast_to(p[0], k.shape)
    beyond = (a0 >= limit) if direction == "max" else (a0 <= limit)
    estimate = np.where((formal > 0) & np.isfinite(formal), formal, np.inf)
    estimate = np.where(beyond, 0.0, estimate)
    estimate[~np.all(np.isfinite(thetas), axis=1)] = np.nan
    return estimate


# ------------------------------------------------------------------------------ output
def num(x: Any) -> float | None:
    """JSON-safe float: ``None`` for nan/inf."""
    x = float(x)
    return x if np.isfinite(x) else None


def temperature_dict(T_K: float) -> dict[str, Any]:
    """A temperature as ``{"value", "unit": "degC"}``."""
    return {"value": round(float(T_K) - 273.15, 6), "unit": "degC"}


def freeze(*arrays: np.ndarray) -> None:
    """Make arrays read-only (results never change)."""
    for a in arrays:
        if isinstance(a, np.ndarray):
            a.flags.writeable = False


def progress_bar(total: int, enabled: bool, desc: str):
    """A tqdm progress bar, or a silent stand-in when disabled or tqdm is missing."""

    class _Silent:
        def update(self, n: int = 1) -> None:
            pass

        def close(self) -> None:
            pass

    if not enabled:
        return _Silent()
    try:
        from tqdm.auto import tqdm
    except ImportError:
        return _Silent()
    return tqdm(total=total, desc=desc, unit="fit")
