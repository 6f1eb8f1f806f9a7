r"""Isoconversion: shelf life without assuming a reaction order (ASAPprime style).

At each storage temperature the *isoconversion time* :math:`t_{iso}` is the time at which
the attribute reaches its limit: interpolated linearly between the two pulls whose mean
values bracket the limit when the data cross it, and otherwise extrapolated from a zero- or
first-order line fitted to that temperature alone (the better of the two by residual sum of
squares, flagged as extrapolated). Then :math:`\ln(1/t_{iso})` is regressed on
:math:`1/T` (an Arrhenius line for the rate of reaching the limit):

.. math::

    \ln(1/t_{iso}) = \ln(1/t_{ref}) - \frac{E_a}{R}\left(\frac{1}{T} - \frac{1}{T_{ref}}\right)

and the shelf life at any temperature is read from the line, with a t-based 95 % confidence
interval of the line on :math:`m - 2` degrees of freedom (:math:`m` temperatures used).

The method needs no kinetic model, so it is robust to curve shape, but it uses only the
pulls near the limit and gives wide intervals with three temperatures; it is reported beside
the one-step fit for comparison, as the two-step method is.

References
----------
.. [1] K. C. Waterman, "The application of the Accelerated Stability Assessment Program
   (ASAP) to quality by design (QbD) for drug product stability," *AAPS PharmSciTech*,
   vol. 12, no. 3, pp. 932-937, 2011. doi:10.1208/s12249-011-9657-3
.. [2] FreeThink Technologies, "ASAPprime stability studies,"
   https://freethinktech.com/asapprime-stability-studies/ (isoconversion principle).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ._stats import t_quantile
from .models.temperature import reference_temperature
from .twostep import linear_fit
from .units import GAS_CONSTANT

__all__ = ["IsoconversionTime", "IsoconversionResult", "isoconversion"]


@dataclass(frozen=True)
class IsoconversionTime:
    """Time to reach the limit at one temperature.

    Attributes
    ----------
    temperature : float
        [K]
    time : float
        :math:`t_{iso}` [day]; ``inf`` when the data move away from the limit.
    method : str
        ``"interpolated"``, ``"extrapolated-zero"``, ``"extrapolated-first"`` or ``"none"``.
    """

    temperature: float
    time: float
    method: str

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "temperature": {"value": round(self.temperature - 273.15, 6), "unit": "degC"},
            "time": {"value": float(self.time) if np.isfinite(self.time) else None, "unit": "day"},
            "method": self.method,
        }


@dataclass(frozen=True)
class IsoconversionResult:
    r"""Isoconversion times and the Arrhenius line through them.

    Attributes
    ----------
    times : tuple of IsoconversionTime
    activation_energy, stderr : float
        [kJ/mol]; ``nan`` with fewer than two usable temperatures (SE needs three).
    log_rate_ref : float
        :math:`\ln(1/t_{iso})` at ``reference_temperature`` [ln(1/day)].
    reference_temperature : float
        [K]
    dof : int
        Residual degrees of freedom of the line.
    cov : numpy.ndarray
        Covariance of (:math:`\ln(1/t_{ref})`, :math:`E_a`).
    """

    times: tuple[IsoconversionTime, ...]
    activation_energy: float
    stderr: float
    log_rate_ref: float
    reference_temperature: float
    dof: int
    cov: np.ndarray

    @property
    def ci95(self) -> tuple[float, float]:
        """t-based 95 % interval of the activation energy [kJ/mol]."""
        q = t_quantile(0.975, self.dof)
        return (self.activation_energy - q * self.stderr, self.activation_energy + q * self.stderr)

    def shelf_life_floats(self, T_K: np.ndarray) -> dict[str, np.ndarray]:
        """Shelf life from the line at temperatures [K]: estimate and 95 % CI [day]."""
        T_K = np.atleast_1d(np.asarray(T_K, dtype=float))
        x = -(1.0 / T_K - 1.0 / self.reference_temperature) / GAS_CONSTANT
        G = np.stack([np.ones_like(x), x], axis=-1)
        ln_rate = self.log_rate_ref + x * self.activation_energy
        est = np.exp(-ln_rate)
        if self.dof > 0 and np.all(np.isfinite(self.cov)):
            se = np.sqrt(np.einsum("ni,ij,nj->n", G, self.cov, G))
            q = t_quantile(0.975, self.dof)
            low, high = np.exp(-(ln_rate + q * se)), np.exp(-(ln_rate - q * se))
        else:
            low = high = np.full_like(est, np.nan)
        return {"estimate": est, "low": low, "high": high}

    def to_dict(self, storage_K: Any = ()) -> dict[str, Any]:
        """JSON form, with shelf life at the given storage temperatures [K]."""

        def num(v: float) -> float | None:
            return float(v) if np.isfinite(v) else None

        lo, hi = self.ci95
        out: dict[str, Any] = {
            "times": [t.to_dict() for t in self.times],
            "activation_energy": {
                "value": num(self.activation_energy),
                "unit": "kJ/mol",
                "stderr": num(self.stderr),
                "ci95": [num(lo), num(hi)],
            },
            "reference_temperature": {"value": round(self.reference_temperature, 6), "unit": "K"},
        }
        storage = np.atleast_1d(np.asarray(storage_K, dtype=float))
        if storage.size and np.isfinite(self.activation_energy):
            sl = self.shelf_life_floats(storage)
            out["shelf_life"] = [
                {
                    "temperature": {"value": round(T - 273.15, 6), "unit": "degC"},
                    "estimate": {"value": num(sl["estimate"][i]), "unit": "day"},
                    "ci95": [num(sl["low"][i]), num(sl["high"][i])],
                }
                for i, T in enumerate(storage)
            ]
        return out


def _time_at_temperature(t, y, limit, direction) -> tuple[float, str]:
    times = np.unique(t)
    means = np.array([y[t == u].mean() for u in times])
    beyond = means >= limit if direction == "max" else means <= limit
    if beyond[0]:
        return 0.0, "interpolated"
    hit = np.flatnonzero(beyond)
    if hit.size:
        j = hit[0]
        t0, t1, y0, y1 = times[j - 1], times[j], means[j - 1], means[j]
        return float(t0 + (limit - y0) * (t1 - t0) / (y1 - y0)), "interpolated"
    best, how = np.inf, "none"
    candidates = [("zero", y, limit)]
    if np.all(y > 0) and limit > 0:
        candidates.append(("first", np.log(y), np.log(limit)))
    sse_best = np.inf
    for name, z, z_lim in candidates:
        slope, intercept, *_ = linear_fit(t, z)
        if not np.isfinite(slope) or slope == 0:
            continue
        # compare the two lines on the original scale
        fitted = intercept + slope * t
        sse = float(np.sum((y - (np.exp(fitted) if name == "first" else fitted)) ** 2))
        t_hit = (z_lim - intercept) / slope
        if t_hit > 0 and sse < sse_best:
            best, how, sse_best = float(t_hit), f"extrapolated-{name}", sse
    return best, how


def isoconversion(
    time: np.ndarray,
    temperature: np.ndarray,
    value: np.ndarray,
    limit: float,
    direction: str,
    *,
    reference_temperature_K: float | None = None,
) -> IsoconversionResult:
    """Isoconversion times per temperature and the Arrhenius line through them.

    Parameters
    ----------
    time, temperature, value : numpy.ndarray
        Measurements [day], [K], [attribute unit].
    limit : float
        Critical limit [attribute unit].
    direction : {"max", "min"}
        The product fails above (``"max"``) or below (``"min"``) the limit.
    reference_temperature_K : float, optional
        :math:`T_{ref}` [K]; the centre of the tested range in 1/T by default.
    """
    time = np.asarray(time, dtype=float)
    temperature = np.asarray(temperature, dtype=float)
    value = np.asarray(value, dtype=float)
    T_ref = reference_temperature_K or reference_temperature(temperature)
    rows = []
    for T in np.unique(temperature):
        m = temperature == T
        t_iso, how = _time_at_temperature(time[m], value[m], limit, direction)
        rows.append(IsoconversionTime(float(T), t_iso, how))
    used = [r for r in rows if np.isfinite(r.time) and r.time > 0]
    ea = se = ln_ref = np.nan
    dof = 0
    cov = np.full((2, 2), np.nan)
    if len(used) >= 2:
        x = np.array([-(1.0 / r.temperature - 1.0 / T_ref) / GAS_CONSTANT for r in used])
        z = -np.log([r.time for r in used])
        G = np.stack([np.ones_like(x), x], axis=-1)
        coef, *_ = np.linalg.lstsq(G, z, rcond=None)
        ln_ref, ea = coef
        dof = len(used) - 2
        if dof > 0:
            resid = z - G @ coef
            cov = np.linalg.inv(G.T @ G) * float(resid @ resid) / dof
            se = float(np.sqrt(cov[1, 1]))
    return IsoconversionResult(
        times=tuple(rows),
        activation_energy=float(ea),
        stderr=float(se),
        log_rate_ref=float(ln_ref),
        reference_temperature=float(T_ref),
        dof=int(dof),
        cov=cov,
    )
