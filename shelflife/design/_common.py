"""Shared pieces of the design assistant.

Settings, explained reasons, unit helpers and the schedule arithmetic (time to the limit,
Labuza's interval ratio, pull spacings).

References
----------
.. [1] T. P. Labuza and M. K. Schmidl, "Accelerated shelf-life testing of foods," *Food
   Technol.*, vol. 39, no. 9, p. 57 ff., 1985 (sampling-frequency rule; text at
   https://th4.ilovetranslation.com/1wwQKz4fF9L=d; domain.md §4).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..errors import InputError
from ..messages import render
from ..units import GAS_CONSTANT, to_kj_per_mol

__all__ = [
    "Reason",
    "SPACINGS",
    "labuza_ratio",
    "pull_fractions",
    "time_to_limit",
]

#: Pull spacings of :meth:`Design.from_spec`.
SPACINGS = ("uniform", "dense_late", "labuza")
#: Default number of pulls per chamber, time zero included (7: as in the bundled
#: keripik-tempe study and common weekly schedules, users-and-markets.md §1.2).
DEFAULT_PULLS = 7
#: Default replicates per pull (Indonesian studies often use 2; 3 lets the scatter at each
#: pull be estimated and an outlier be spotted).
DEFAULT_REPLICATES = 3
#: Fewer chamber temperatures than this draws a notice (Labuza & Schmidl 1985: 3 or more).
MIN_TEMPERATURES = 3
#: A span of chamber temperatures narrower than this [K] identifies Ea poorly.
MIN_SPAN_K = 10.0
#: Fewer pulls (after time zero) before the expected limit at the hottest chamber than this
#: draws a notice: a curve needs a few points before the end point to show its shape.
MIN_PULLS_BEFORE_LIMIT = 3
#: The hottest chamber should get at least this fraction of the way (in time) to the limit
#: (Labuza's rule of enough conversion, about 50 %; unverified).
APPROACH_FRACTION = 0.5
#: Storage this far below the coldest chamber [K] or more is a far extrapolation.
FAR_EXTRAPOLATION_K = 10.0
#: The coldest proposed chamber sits this far above the storage temperature [K].
DEFAULT_COLDEST_OFFSET_K = 5.0
#: Without a maximum temperature, the hottest proposed chamber is this far above storage
#: [K] (30/40/50 and 35/45/55 °C are the common Indonesian sets, users-and-markets.md §1.2).
DEFAULT_HOTTEST_ABOVE_STORAGE_K = 20.0
#: The hottest proposed chamber stays this far below the product's maximum temperature [K]
#: (chambers fluctuate by 1-2 K around their set point).
DEFAULT_MARGIN_K = 2.0
#: Activation energies assumed when none is given [kJ/mol]: the middle of the spans of
#: lipid oxidation (40-104), ascorbic acid loss (53-120) and anthocyanin loss (59-94) in
#: :mod:`shelflife.library`.
DEFAULT_EA_RANGE = (50.0, 100.0)
#: When nothing else limits it, the proposed study lasts at most this fraction of the
#: expected shelf life (a convention of this package: an ASLT that takes longer saves
#: little over a real-time test).
MAX_DURATION_FRACTION = 0.5
#: An Ea range narrower than this (time window start/end above it) is scheduled as one
#: value: late-dense pulls up to the expected limit.
WINDOW_NARROW = 0.6


# --------------------------------------------------------------------------- helpers
@dataclass(frozen=True, eq=False)
class Reason:
    """One explained choice of a proposed design (coded, English and Indonesian).

    Attributes
    ----------
    code : str
        Message code in :data:`shelflife.messages.MESSAGES`.
    params : dict
        Values substituted into the message.
    """

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        """The explanation in ``lang`` ("en" or "id").

        List parameters are written as ``a/b/c`` with 2 significant digits (decimal comma
        in Indonesian).
        """
        params = {
            k: "/".join(_g(x, lang) for x in v) if isinstance(v, (list, tuple)) else v
            for k, v in self.params.items()
        }
        what, fix = render(self.code, lang, **params)
        return f"{what} {fix}".strip()

    def to_dict(self) -> dict[str, Any]:
        """JSON form: ``{"code", "message", "message_id"}``."""
        return {"code": self.code, "message": self.message("en"), "message_id": self.message("id")}


def _g(x: float, lang: str) -> str:
    """A number with up to 3 significant digits (2 below 10), decimal comma in Indonesian."""
    x = float(x)
    text = f"{x:.2g}" if abs(x) < 10 else f"{round(x):d}" if abs(x) >= 100 else f"{x:.3g}"
    return text.replace(".", ",") if lang == "id" else text


def _c(T_K: float) -> float:
    """Kelvin to degrees Celsius, rounded for messages [°C]."""
    return round(float(T_K) - 273.15, 2)


def _cs(temps_K: Sequence[float]) -> str:
    """Temperatures as ``30/40/50`` [°C]."""
    return "/".join(f"{_c(T):g}" for T in temps_K)


def _kelvin(value: Any, what: str) -> float:
    """One temperature as kelvin (quantity or string; bare numbers are refused)."""
    from ..uncertainty._common import kelvin

    out = kelvin(value)
    if out.size != 1:
        raise InputError("design_setting_invalid", name=what, value=str(value), low=1, high=1)
    return float(out[0])


def _delta_kelvin(value: Any) -> float:
    """A temperature *difference* [K]: ``"2 K"``, ``"2 delta_degC"`` or ``"2 degC"``."""
    from ..units import quantity

    q = quantity(value, what="temperature difference", expected="temperature")
    unit = str(q.units)
    if unit == "degree_Celsius":
        return float(q.magnitude)
    if unit == "degree_Fahrenheit":
        return float(q.magnitude) * 5.0 / 9.0
    return float(q.to("kelvin").magnitude)


def _ea_range(activation_energy: Any) -> tuple[float, float]:
    """An activation energy or a (low, high) range as kJ/mol floats."""
    if isinstance(activation_energy, (tuple, list)):
        if len(activation_energy) != 2:
            raise InputError(
                "design_ea_range_invalid", low=str(activation_energy), high="", unit=""
            )
        lo, hi = (to_kj_per_mol(x) for x in activation_energy)
    else:
        lo = hi = to_kj_per_mol(activation_energy)
    if not (0.0 < lo <= hi and math.isfinite(hi)):
        raise InputError("design_ea_range_invalid", low=lo, high=hi, unit="kJ/mol")
    return float(lo), float(hi)


def _check_setting(name: str, value: float, low: float, high: float) -> None:
    if not (low <= value <= high) or (isinstance(value, float) and not math.isfinite(value)):
        raise InputError("design_setting_invalid", name=name, value=value, low=low, high=high)


def time_to_limit(
    T_K: Any, *, storage_K: float, shelf_life_day: float, activation_energy: float
) -> np.ndarray:
    r"""Time to reach the limit at chamber temperatures ``T_K`` [day].

    :math:`t_L(T) = t_s \exp[-(E_a/R)(1/T_s - 1/T)]`, for any reaction order.

    Parameters
    ----------
    T_K : array-like
        Chamber temperatures [K].
    storage_K : float
        Storage temperature [K].
    shelf_life_day : float
        Expected shelf life at the storage temperature [day].
    activation_energy : float
        [kJ/mol].

    Examples
    --------
    >>> round(float(time_to_limit(318.15, storage_K=298.15, shelf_life_day=100.0,
    ...                           activation_energy=80.0)[0]), 2)
    13.15
    """
    T = np.atleast_1d(np.asarray(T_K, dtype=float))
    return shelf_life_day * np.exp(-(activation_energy / GAS_CONSTANT) * (1 / storage_K - 1 / T))


def labuza_ratio(
    temperature: Any,
    hottest: Any,
    *,
    q10: float | None = None,
    activation_energy: Any = None,
) -> float | np.ndarray:
    r"""Ratio of the pull interval at ``temperature`` to that at the ``hottest`` chamber.

    Labuza & Schmidl's sampling rule [1]_: :math:`f_2 = f_1\,Q_{10}^{\Delta T/10}`, with
    :math:`\Delta T` [K] how much colder the chamber is. With an activation energy instead
    of a Q10 the exact Arrhenius ratio :math:`k(T_{hot})/k(T)` is used (the same rule with
    the Q10 that holds between the two temperatures).

    Parameters
    ----------
    temperature, hottest : pint.Quantity or str
        Chamber temperature(s) and the hottest chamber. [°C, K or °F]
    q10 : float, optional
        Q10 of the limiting reaction (dimensionless).
    activation_energy : pint.Quantity or str, optional
        [kJ/mol, kcal/mol...]; used when ``q10`` is not given.

    Returns
    -------
    float or numpy.ndarray
        Interval ratio (1 at the hottest chamber, larger below it).

    Examples
    --------
    >>> labuza_ratio("30 degC", "50 degC", q10=2.0)
    4.0
    """
    from ..uncertainty._common import kelvin

    T = kelvin(temperature)
    T_hot = _kelvin(hottest, "hottest")
    if q10 is not None:
        _check_setting("q10", float(q10), 1.0, 100.0)
        out = float(q10) ** ((T_hot - T) / 10.0)
    elif activation_energy is not None:
        ea = to_kj_per_mol(activation_energy)
        out = np.exp((ea / GAS_CONSTANT) * (1.0 / T - 1.0 / T_hot))
    else:
        raise InputError("design_ea_missing")
    return float(out[0]) if out.size == 1 else out


def pull_fractions(n: int, spacing: str = "uniform") -> np.ndarray:
    r"""Pull times as fractions of the chamber's last pull, time zero included.

    ``"uniform"``: :math:`u_i = i/(n-1)`. ``"dense_late"``: :math:`(u_i + \sqrt{u_i})/2`,
    closer together towards the end, where the limit is expected (intervals shrink by about
    half from the first to the last).

    Examples
    --------
    >>> pull_fractions(5, "dense_late").round(3).tolist()
    [0.0, 0.375, 0.604, 0.808, 1.0]
    """
    _check_setting("pulls", n, 2, 1000)
    u = np.arange(n) / (n - 1)
    if spacing == "uniform" or spacing == "labuza":
        return u
    if spacing == "dense_late":
        return 0.5 * (u + np.sqrt(u))
    raise InputError("option_unknown", what="spacing", value=spacing, choices=", ".join(SPACINGS))


def _round_times(times: np.ndarray, round_days: bool) -> np.ndarray:
    """Whole days (or half days) when that keeps the pulls distinct; else as they are."""
    times = np.asarray(times, dtype=float)
    if not round_days:
        return times
    for step in (1.0, 0.5):
        r = np.round(times / step) * step
        if np.all(np.diff(r) > 0) and r[-1] > 0:
            return r
    return times


def _window_pulls(n: int, start: float, end: float) -> np.ndarray:
    """Pulls of one chamber: 0, evenly up to ``start``, log-evenly from ``start`` to ``end``.

    When the window is narrow (``start >= WINDOW_NARROW * end``) the pulls are late-dense
    up to ``end`` instead.
    """
    k = n - 1
    if start >= WINDOW_NARROW * end or k < 3:
        return end * pull_fractions(n, "dense_late")
    n_win = math.ceil(k / 2)
    n_early = k - n_win
    early = start * np.arange(1, n_early + 1) / (n_early + 1)
    return np.concatenate([[0.0], early, np.geomspace(start, end, n_win)])
