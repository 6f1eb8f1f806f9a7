r"""Propose an ASLT design from what the lab knows before the study.

:func:`propose_design` turns a guess of :math:`E_a` (a value, a range or a reaction class
of :mod:`shelflife.library`), the expected shelf life at the storage temperature and the
product's maximum temperature into a :class:`~shelflife.design.Design` whose every choice
is explained (:meth:`Design.rationale <shelflife.design.Design.rationale>`, English and
Indonesian).

How the proposal chooses
------------------------
*Temperatures* are spread evenly in :math:`1/T` between a chamber just above the storage
temperature and the hottest chamber the product tolerates. The information on
:math:`E_a` grows with the spread of the temperatures in :math:`1/T`; D-optimal plans for
the Arrhenius model put all units at the two extremes, and practical three-level
"compromise" plans add a middle level to check the straightness of the Arrhenius line
(Mariñas-Collado et al. [3]_; McGrath & Burke [4]_). At least three temperatures are asked
for by Labuza & Schmidl [1]_ (users-and-markets.md §1.3: two-temperature studies cannot
check linearity).

*Duration.* With :math:`t_s` the expected shelf life at the storage temperature
:math:`T_s`, the limit is expected at chamber temperature :math:`T` after

.. math::

    t_L(T) = t_s \exp\left[-\frac{E_a}{R}\left(\frac{1}{T_s} - \frac{1}{T}\right)\right]

whatever the reaction order (the rate constant multiplies time in every integrated rate
law). The schedule uses the *lowest* :math:`E_a` of the range (the slowest acceleration),
so that the hottest chamber reaches the limit even then; Labuza asks for enough conversion
(about 50 % of the way or more, unverified) to tell orders apart and to pin down the rate.

*Pulls.* Each chamber is pulled until the limit is expected there (capped by the study
duration), with the same number of pulls, so the pull interval grows by the acceleration
ratio as the temperature falls: Labuza & Schmidl's sampling rule
:math:`f_2 = f_1 Q_{10}^{\Delta T/10}` [1]_ [2]_, with :math:`f_1` the interval at the hottest
chamber and :math:`f_2` the interval at a chamber :math:`\Delta T` colder. When the
:math:`E_a` range is wide, the time to the limit is uncertain by a factor, so half of the
pulls are spaced evenly in log time across the window where the limit is expected, and the
others evenly before it.

References
----------
.. [1] T. P. Labuza and M. K. Schmidl, "Accelerated shelf-life testing of foods," *Food
   Technol.*, vol. 39, no. 9, p. 57 ff., 1985 (sampling-frequency rule; text at
   https://th4.ilovetranslation.com/1wwQKz4fF9L=d; domain.md §4).
.. [2] T. P. Labuza, "Application of chemical kinetics to deterioration of foods," *J. Chem.
   Educ.*, vol. 61, no. 4, pp. 348-358, 1984. doi:10.1021/ed061p348
.. [3] I. Mariñas-Collado, M. J. Rivas-López, J. M. Rodríguez-Díaz and M. T. Santos-Martín,
   "A new compromise design plan for accelerated failure time models with temperature as
   an acceleration factor," *Mathematics*, vol. 9, no. 8, art. 836, 2021.
   doi:10.3390/math9080836
.. [4] O. McGrath and K. Burke, "A general simulation-based optimisation framework for
   multipoint constant-stress accelerated life tests," arXiv:2507.00722, 2025
   (the optimal number of stress levels tracks the number of model parameters).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..errors import InputError
from ..units import to_days
from ._common import (
    DEFAULT_COLDEST_OFFSET_K,
    DEFAULT_EA_RANGE,
    DEFAULT_HOTTEST_ABOVE_STORAGE_K,
    DEFAULT_PULLS,
    DEFAULT_REPLICATES,
    MAX_DURATION_FRACTION,
    MIN_SPAN_K,
    WINDOW_NARROW,
    Reason,
    _c,
    _check_setting,
    _delta_kelvin,
    _ea_range,
    _kelvin,
    _round_times,
    _window_pulls,
    time_to_limit,
)
from .plan import Design

__all__ = ["propose_design"]


# -------------------------------------------------------------------------- proposal
def propose_design(
    *,
    expected_shelf_life: Any,
    activation_energy: Any = None,
    reaction: str | None = None,
    storage: Any = "30 degC",
    max_temperature: Any = None,
    min_temperature: Any = None,
    n_temperatures: int = 3,
    duration: Any = None,
    pulls: int = DEFAULT_PULLS,
    replicates: int = DEFAULT_REPLICATES,
    order: str = "first",
    limit_fraction: float = 1.0,
    margin: Any = "2 K",
    round_temperatures: bool = True,
    round_days: bool = True,
) -> Design:
    r"""Propose an ASLT design from what is known before the study.

    Parameters
    ----------
    expected_shelf_life : pint.Quantity or str
        Rough expected shelf life at ``storage``, e.g. ``"6 month"``. [day, week, month]
    activation_energy : pint.Quantity or str or tuple, optional
        A guess of :math:`E_a`, or a (low, high) range, e.g. ``("60 kJ/mol", "100 kJ/mol")``.
        [kJ/mol, kcal/mol...]
    reaction : str, optional
        A reaction class of :mod:`shelflife.library` (``"lipid_oxidation"``...) whose
        :math:`E_a` span is used when ``activation_energy`` is not given; without either,
        :data:`DEFAULT_EA_RANGE` is assumed (and said so).
    storage : pint.Quantity or str
        Storage temperature the shelf life is wanted at. [°C, K or °F]
    max_temperature : pint.Quantity or str, optional
        Highest temperature the product tolerates without a phase change (e.g. ``"40 degC"``
        for a fat that melts at 40 °C); every chamber stays ``margin`` below it. Without
        it the hottest chamber is :data:`DEFAULT_HOTTEST_ABOVE_STORAGE_K` above storage.
        [°C, K or °F]
    min_temperature : pint.Quantity or str, optional
        Coldest chamber; default :data:`DEFAULT_COLDEST_OFFSET_K` above storage. [°C, K, °F]
    n_temperatures : int
        Number of chambers (2 to 8; fewer than 3 draws a notice).
    duration : pint.Quantity or str, optional
        Longest the study may run; default: until the limit is expected in the coldest
        chamber, at most :data:`MAX_DURATION_FRACTION` of the expected shelf life (but never
        shorter than the hottest chamber needs). [day, week, month]
    pulls : int
        Pulls per chamber, time zero included (4 to 30).
    replicates : int
        Samples analysed per pull.
    order : str
        Reaction order assumed (recorded; the schedule holds for every order).
    limit_fraction : float
        How far each chamber runs, as a fraction of the time the limit is expected there
        at the lowest :math:`E_a` (0.5 to 3). 1 puts the hottest chamber's last pull where
        the limit is expected, so it reaches at least about half way even if the change is
        slower than guessed (Labuza's rule of enough conversion, unverified).
    margin : pint.Quantity or str
        Distance of the hottest chamber below ``max_temperature``. [K]
    round_temperatures : bool
        Round chamber temperatures to whole °C (hottest down, coldest up).
    round_days : bool
        Round pull times to whole days.

    Returns
    -------
    Design
        With its context (storage, Ea range, expected shelf life) set, so that
        :attr:`Design.notices` can check it, and :meth:`Design.rationale` explaining
        each choice in English and Indonesian.

    Examples
    --------
    >>> d = propose_design(expected_shelf_life="6 month", activation_energy="80 kJ/mol",
    ...                    storage="30 degC", max_temperature="40 degC")
    >>> d.label
    '30/34/38 °C, 91 days, 7 pulls × 3 replicates'
    >>> [n.code for n in d.notices]
    ['design_span_narrow']
    >>> d = propose_design(expected_shelf_life="6 month", reaction="lipid_oxidation")
    >>> d.temperatures_celsius
    (35.0, 42.0, 50.0)
    """
    Ts = _kelvin(storage, "storage")
    t_s = float(to_days(expected_shelf_life))
    _check_setting("expected_shelf_life [day]", t_s, 1e-3, 1e6)
    _check_setting("n_temperatures", n_temperatures, 2, 8)
    _check_setting("pulls", pulls, 4, 30)
    _check_setting("limit_fraction", float(limit_fraction), 0.5, 3.0)
    reasons: list[Reason] = []

    # activation energy
    if activation_energy is not None:
        ea_lo, ea_hi = _ea_range(activation_energy)
        if ea_hi > ea_lo:
            reasons.append(Reason("design_why_ea_given", {"low": ea_lo, "high": ea_hi}))
        else:
            reasons.append(Reason("design_why_ea_given_one", {"ea": ea_lo}))
    elif reaction is not None:
        from ..library import get_reaction

        rc = get_reaction(reaction)
        ea_lo, ea_hi = rc.ea_kj_per_mol
        reasons.append(
            Reason(
                "design_why_ea_library",
                {"reaction": rc.key, "low": ea_lo, "high": ea_hi, "source": rc.citation_short},
            )
        )
    else:
        ea_lo, ea_hi = DEFAULT_EA_RANGE
        reasons.append(Reason("design_why_ea_assumed", {"low": ea_lo, "high": ea_hi}))

    # temperatures
    margin_K = _delta_kelvin(margin)
    T_max = None if max_temperature is None else _kelvin(max_temperature, "max_temperature")
    if T_max is not None:
        T_hot = T_max - margin_K
    else:
        T_hot = Ts + DEFAULT_HOTTEST_ABOVE_STORAGE_K
    T_cold = (
        _kelvin(min_temperature, "min_temperature")
        if min_temperature is not None
        else Ts + DEFAULT_COLDEST_OFFSET_K
    )
    if round_temperatures:
        T_hot = math.floor(T_hot - 273.15 + 1e-9) + 273.15
        T_cold = math.ceil(T_cold - 273.15 - 1e-9) + 273.15
    moved_cold = False
    if T_hot - T_cold < MIN_SPAN_K and min_temperature is None:
        # little room below the maximum: widen the span towards (at most) storage itself
        T_cold, moved_cold = max(Ts, min(T_cold, T_hot - MIN_SPAN_K)), True
    if T_hot <= T_cold:
        raise InputError(
            "design_no_room",
            storage=_c(Ts),
            hottest=_c(T_hot),
            coldest=_c(T_cold),
        )
    x = np.linspace(1.0 / T_cold, 1.0 / T_hot, int(n_temperatures))
    temps = 1.0 / x
    temps[0], temps[-1] = T_cold, T_hot
    if round_temperatures and n_temperatures > 2:
        rounded = temps.copy()
        rounded[1:-1] = np.round(temps[1:-1] - 273.15) + 273.15
        if np.all(np.diff(rounded) > 0):
            temps = rounded
    hot_code = "design_why_hottest_max" if T_max is not None else "design_why_hottest_default"
    reasons.append(
        Reason(
            "design_why_temperatures",
            {
                "n": int(n_temperatures),
                "temperatures": [_c(T) for T in temps],
                "coldest": _c(temps[0]),
                "storage": _c(Ts),
                "hottest": _c(temps[-1]),
            },
        )
    )
    reasons.append(
        Reason(
            hot_code,
            {
                "hottest": _c(temps[-1]),
                "max": None if T_max is None else _c(T_max),
                "margin": round(margin_K, 2),
                "above": DEFAULT_HOTTEST_ABOVE_STORAGE_K,
            },
        )
    )
    if moved_cold:
        reasons.append(
            Reason(
                "design_why_coldest_moved",
                {"coldest": _c(temps[0]), "storage": _c(Ts), "minimum": MIN_SPAN_K},
            )
        )

    # how long each chamber runs
    frac = float(limit_fraction)
    late = frac * time_to_limit(temps, storage_K=Ts, shelf_life_day=t_s, activation_energy=ea_lo)
    early = frac * time_to_limit(temps, storage_K=Ts, shelf_life_day=t_s, activation_energy=ea_hi)
    if duration is not None:
        D = float(to_days(duration))
        _check_setting("duration [day]", D, 1e-3, 1e6)
        code = "design_why_duration_given"
    else:
        D = float(late[0])
        code = "design_why_duration"
        cap = max(float(late[-1]), MAX_DURATION_FRACTION * t_s)
        if D > cap:
            D, code = cap, "design_why_duration_capped"
    ends = np.minimum(late, D)
    starts = np.minimum(early, ends)
    times = [
        _round_times(_window_pulls(int(pulls), float(a), float(e)), round_days)
        for a, e in zip(starts, ends, strict=True)
    ]
    reasons.append(
        Reason(
            code,
            {
                "duration": round(float(max(t[-1] for t in times)), 1),
                "weeks": round(float(max(t[-1] for t in times)) / 7.0, 1),
                "ea": ea_lo,
                "hottest": _c(temps[-1]),
                "t_hot": round(float(late[-1] / frac), 1),
                "coldest": _c(temps[0]),
                "t_cold": round(float(late[0] / frac), 1),
                "fraction": round(100 * MAX_DURATION_FRACTION),
                "percent": round(100 * frac),
            },
        )
    )
    ratio = ends / ends[-1]
    reasons.append(
        Reason(
            "design_why_pulls",
            {
                "pulls": int(pulls),
                "temperatures": [_c(T) for T in temps],
                "ratios": [float(r) for r in ratio],
            },
        )
    )
    if ea_hi > ea_lo and early[-1] < WINDOW_NARROW * ends[-1]:
        reasons.append(
            Reason(
                "design_why_window",
                {
                    "hottest": _c(temps[-1]),
                    "start": round(float(starts[-1]), 1),
                    "end": round(float(ends[-1]), 1),
                    "low": ea_lo,
                    "high": ea_hi,
                },
            )
        )
    reasons.append(Reason("design_why_replicates", {"replicates": int(replicates)}))
    return Design(
        temperatures=tuple(float(T) for T in temps),
        pulls=tuple(tuple(t) for t in times),
        replicates=replicates,
        storage=Ts,
        max_temperature=T_max,
        activation_energy=(ea_lo, ea_hi),
        expected_shelf_life=t_s,
        order=order,
        reasons=tuple(reasons),
    )
