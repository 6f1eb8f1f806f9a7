"""The :class:`Design` of an ASLT study and its guardrail notices.

A :class:`Design` is the plan of an accelerated shelf-life test: which chamber temperatures,
which pull times in each chamber, and how many replicate samples per pull. It is built
directly (floats in K and days), from quantities with :meth:`Design.from_spec`, or
proposed by :func:`shelflife.design.propose_design`. :func:`design_notices` checks it
against the red flags of published ASLT practice (users-and-markets.md §1.3).

References
----------
.. [1] T. P. Labuza and M. K. Schmidl, "Accelerated shelf-life testing of foods," *Food
   Technol.*, vol. 39, no. 9, p. 57 ff., 1985 (at least three temperatures; the
   sampling-frequency rule f2 = f1·Q10^(ΔT/10)).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import InputError, Notice
from ..units import GAS_CONSTANT, STORAGE_TEMPERATURE_RANGE_K, to_days
from ._common import (
    APPROACH_FRACTION,
    DEFAULT_PULLS,
    DEFAULT_REPLICATES,
    FAR_EXTRAPOLATION_K,
    MIN_PULLS_BEFORE_LIMIT,
    MIN_SPAN_K,
    MIN_TEMPERATURES,
    Reason,
    _c,
    _check_setting,
    _cs,
    _ea_range,
    _kelvin,
    _round_times,
    pull_fractions,
    time_to_limit,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Design", "design_notices"]


# ---------------------------------------------------------------------------- Design
@dataclass(frozen=True)
class Design:
    """An ASLT design: chambers, pull times, replicates (floats in working units).

    Build one with :meth:`from_spec` (quantities) or :func:`propose_design`; the
    constructor takes floats and validates them.

    Attributes
    ----------
    temperatures : tuple of float
        Chamber temperatures [K], sorted from cold to hot.
    pulls : tuple of tuple of float
        Pull times of each chamber [day], time zero included (each chamber's own initial
        samples, as labs record them). A single sequence is used for every chamber.
    replicates : int
        Samples analysed per pull.
    rh : tuple of float or None
        Relative humidity per chamber [%] (recorded for the protocol; the simulation of
        :func:`evaluate_design` is for temperature only).
    storage : float or None
        Storage temperature the shelf life is wanted at [K] (for notices).
    max_temperature : float or None
        Highest temperature the product tolerates without a phase change [K].
    activation_energy : tuple of float or None
        Assumed activation-energy range (low, high) [kJ/mol] (for notices).
    expected_shelf_life : float or None
        Expected shelf life at ``storage`` [day] (for notices).
    order : str
        Reaction order assumed when planning (the default truth of simulations).
    reasons : tuple of Reason
        Why each choice was made (filled by :func:`propose_design` and :meth:`from_spec`).
    """

    temperatures: tuple[float, ...]
    pulls: tuple[tuple[float, ...], ...]
    replicates: int = DEFAULT_REPLICATES
    rh: tuple[float, ...] | None = None
    storage: float | None = None
    max_temperature: float | None = None
    activation_energy: tuple[float, float] | None = None
    expected_shelf_life: float | None = None
    order: str = "first"
    reasons: tuple[Reason, ...] = ()

    def __post_init__(self) -> None:
        temps = np.atleast_1d(np.asarray(self.temperatures, dtype=float))
        lo, hi = STORAGE_TEMPERATURE_RANGE_K
        if (
            temps.ndim != 1
            or temps.size == 0
            or not np.all(np.isfinite(temps))
            or np.any(temps < lo)
            or np.any(temps > hi)
            or np.unique(temps).size != temps.size
        ):
            raise InputError(
                "design_temperatures_invalid",
                values=", ".join(f"{x - 273.15:g}" for x in np.ravel(temps)),
                low=lo - 273.15,
                high=hi - 273.15,
            )
        pulls = self.pulls
        if len(pulls) and not isinstance(pulls[0], (Sequence, np.ndarray)):
            pulls = [pulls] * temps.size
        if len(pulls) != temps.size:
            raise InputError("design_pulls_count", n=temps.size, m=len(pulls))
        norm = []
        for T, p in zip(temps, pulls, strict=True):
            arr = np.asarray(p, dtype=float)
            if (
                arr.ndim != 1
                or arr.size < 2
                or not np.all(np.isfinite(arr))
                or arr[0] < 0
                or np.any(np.diff(arr) <= 0)
            ):
                raise InputError(
                    "design_pulls_invalid",
                    temperature=_c(T),
                    times=", ".join(f"{x:g}" for x in np.ravel(arr)),
                )
            norm.append(tuple(float(x) for x in arr))
        reps = self.replicates
        if isinstance(reps, bool) or int(reps) != reps or reps < 1:
            raise InputError("design_replicates_invalid", value=reps)
        rh = self.rh
        if rh is not None:
            rh = np.atleast_1d(np.asarray(rh, dtype=float))
            if rh.size == 1:
                rh = np.repeat(rh, temps.size)
            if rh.size != temps.size or np.any((rh < 0) | (rh > 100)):
                raise InputError("design_rh_invalid", n=temps.size, values=str(list(rh)))
        order = np.argsort(temps)
        object.__setattr__(self, "temperatures", tuple(float(temps[i]) for i in order))
        object.__setattr__(self, "pulls", tuple(norm[i] for i in order))
        object.__setattr__(self, "replicates", int(reps))
        object.__setattr__(self, "rh", None if rh is None else tuple(float(rh[i]) for i in order))
        object.__setattr__(self, "reasons", tuple(self.reasons))
        if self.activation_energy is not None:
            object.__setattr__(
                self, "activation_energy", tuple(float(x) for x in self.activation_energy)
            )

    # -------------------------------------------------------------- constructors
    @classmethod
    def from_spec(
        cls,
        *,
        temperatures: Sequence[Any],
        duration: Any = None,
        pulls: int | Sequence[Any] = DEFAULT_PULLS,
        replicates: int = DEFAULT_REPLICATES,
        spacing: str = "uniform",
        q10: float | None = None,
        activation_energy: Any = None,
        rh: Any = None,
        storage: Any = None,
        max_temperature: Any = None,
        expected_shelf_life: Any = None,
        order: str = "first",
        round_days: bool = True,
    ) -> Design:
        r"""A design from quantities.

        Parameters
        ----------
        temperatures : sequence of pint.Quantity or str
            Chamber temperatures, e.g. ``["30 degC", "40 degC", "50 degC"]``. [°C, K or °F]
        duration : pint.Quantity or str
            Length of the study: the last pull of the chamber that runs longest, e.g.
            ``"8 week"``. [day, week, month]
        pulls : int or sequence of pint.Quantity or str
            Number of pulls per chamber, time zero included; or the pull times themselves
            (the same in every chamber; ``duration`` and ``spacing`` are then ignored).
        replicates : int
            Samples analysed per pull.
        spacing : {"uniform", "dense_late", "labuza"}
            ``"uniform"``: equal intervals up to ``duration`` in every chamber.
            ``"dense_late"``: :math:`t_i = D (u_i + \sqrt{u_i})/2`, closer towards the end.
            ``"labuza"``: Labuza & Schmidl's rule :math:`f_2 = f_1 Q_{10}^{\Delta T/10}`:
            equal intervals in each chamber, the interval :math:`f_1` at the hottest and
            :math:`Q_{10}^{\Delta T/10}` times longer in a chamber :math:`\Delta T` colder;
            the coldest chamber's last pull is at ``duration``, the hotter ones stop earlier
            at the same number of pulls. Needs ``q10`` or ``activation_energy``.
        q10 : float, optional
            Q10 for ``"labuza"`` (dimensionless).
        activation_energy : pint.Quantity or str or tuple, optional
            Activation energy (or a (low, high) range; its middle is used for
            ``"labuza"``). [kJ/mol, kcal/mol...]
        rh : pint.Quantity or str or sequence, optional
            Relative humidity per chamber (or one for all), e.g. ``"75 %"``. [%]
        storage, max_temperature : pint.Quantity or str, optional
            Storage temperature and the product's maximum temperature, for the notices.
            [°C, K or °F]
        expected_shelf_life : pint.Quantity or str, optional
            Expected shelf life at ``storage``, for the notices. [day, week, month]
        order : str
            Reaction order assumed (default truth of :func:`evaluate_design`).
        round_days : bool
            Round pull times to whole days (half days when whole days would merge pulls).

        Returns
        -------
        Design

        Examples
        --------
        >>> d = Design.from_spec(temperatures=["30 degC", "40 degC", "50 degC"],
        ...                      duration="16 week", pulls=5, spacing="labuza", q10=2.0)
        >>> [p[1] for p in d.pulls]
        [28.0, 14.0, 7.0]
        """
        from ..uncertainty._common import days, kelvin
        from ..units import to_percent

        T = kelvin(list(temperatures))
        ea = None if activation_energy is None else _ea_range(activation_energy)
        reasons: list[Reason] = []
        if isinstance(pulls, (int, np.integer)) and not isinstance(pulls, bool):
            if duration is None:
                raise InputError("design_duration_missing")
            D = float(to_days(duration))
            _check_setting("duration [day]", D, 1e-6, 1e6)
            if spacing == "labuza":
                if q10 is None and ea is None:
                    raise InputError("design_ea_missing")
                T_hot = float(T.max())
                if q10 is not None:
                    _check_setting("q10", float(q10), 1.0, 100.0)
                    ratio = float(q10) ** ((T_hot - T) / 10.0)
                    rule = f"Q10 = {float(q10):g}"
                else:
                    ea_mid = 0.5 * (ea[0] + ea[1])
                    ratio = np.exp((ea_mid / GAS_CONSTANT) * (1.0 / T - 1.0 / T_hot))
                    rule = f"Ea = {ea_mid:g} kJ/mol"
                fr = pull_fractions(int(pulls), "uniform")
                times = [_round_times(D * r / ratio.max() * fr, round_days) for r in ratio]
                reasons.append(
                    Reason(
                        "design_why_labuza",
                        {
                            "rule": rule,
                            "temperatures": [_c(x) for x in T],
                            "ratios": [float(r) for r in ratio / ratio.min()],
                        },
                    )
                )
            else:
                fr = pull_fractions(int(pulls), spacing)
                times = [_round_times(D * fr, round_days)] * T.size
        else:
            times = [np.asarray(days(list(pulls)), dtype=float)] * T.size
        rh_vals = None
        if rh is not None:
            items = rh if isinstance(rh, (list, tuple)) else [rh]
            rh_vals = tuple(float(to_percent(x)) for x in items)
        return cls(
            temperatures=tuple(T),
            pulls=tuple(tuple(t) for t in times),
            replicates=replicates,
            rh=rh_vals,
            storage=None if storage is None else _kelvin(storage, "storage"),
            max_temperature=None
            if max_temperature is None
            else _kelvin(max_temperature, "max_temperature"),
            activation_energy=ea,
            expected_shelf_life=None
            if expected_shelf_life is None
            else float(to_days(expected_shelf_life)),
            order=order,
            reasons=tuple(reasons),
        )

    # ------------------------------------------------------------------ queries
    @property
    def n_temperatures(self) -> int:
        """Number of chambers."""
        return len(self.temperatures)

    @property
    def n_measurements(self) -> int:
        """Samples analysed in the whole study (pulls × replicates, summed over chambers)."""
        return self.replicates * sum(len(p) for p in self.pulls)

    @property
    def duration(self) -> float:
        """Last pull of the longest-running chamber [day]."""
        return max(p[-1] for p in self.pulls)

    @property
    def temperatures_celsius(self) -> tuple[float, ...]:
        """Chamber temperatures [°C]."""
        return tuple(T - 273.15 for T in self.temperatures)

    @property
    def label(self) -> str:
        """Short description, e.g. ``"30/40/50 °C, 56 days, 7 pulls × 3 replicates"``."""
        counts = sorted({len(p) for p in self.pulls})
        n = f"{counts[0]}" if len(counts) == 1 else f"{counts[0]}–{counts[-1]}"
        return (
            f"{_cs(self.temperatures)} °C, {round(self.duration, 1):g} days, "
            f"{n} pulls × {self.replicates} replicates"
        )

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        """Time [day], temperature [K] and RH [%] of every sample, replicates repeated."""
        t = np.concatenate([np.repeat(p, self.replicates) for p in self.pulls])
        T = np.concatenate(
            [
                np.full(len(p) * self.replicates, T)
                for T, p in zip(self.temperatures, self.pulls, strict=True)
            ]
        )
        rh = None
        if self.rh is not None:
            rh = np.concatenate(
                [
                    np.full(len(p) * self.replicates, h)
                    for h, p in zip(self.rh, self.pulls, strict=True)
                ]
            )
        return t, T, rh

    @property
    def notices(self) -> tuple[Notice, ...]:
        """Guardrail notices about the design (:func:`design_notices`)."""
        return tuple(design_notices(self))

    def rationale(self, lang: str = "en") -> list[str]:
        """Why each choice was made, in ``lang`` ("en" or "id")."""
        return [r.message(lang) for r in self.reasons]

    def with_context(self, **context: Any) -> Design:
        """A copy with context for the notices replaced (quantities accepted).

        Keys: ``storage``, ``max_temperature`` [°C, K or °F], ``activation_energy``
        [kJ/mol or a (low, high) range], ``expected_shelf_life`` [day, week, month].
        """
        from dataclasses import replace

        out: dict[str, Any] = {}
        for key, value in context.items():
            if key in ("storage", "max_temperature"):
                out[key] = None if value is None else _kelvin(value, key)
            elif key == "activation_energy":
                out[key] = None if value is None else _ea_range(value)
            elif key == "expected_shelf_life":
                out[key] = None if value is None else float(to_days(value))
            else:
                raise InputError(
                    "option_unknown",
                    what="design context",
                    value=key,
                    choices="storage, max_temperature, activation_energy, expected_shelf_life",
                )
        return replace(self, **out)

    # ------------------------------------------------------------------ tables
    def schedule(self) -> pd.DataFrame:
        """One row per chamber and pull: ``chamber``, ``temperature_C``, ``pull``,
        ``time_day``, ``replicates`` (and ``rh_percent``).
        """  # noqa: D205
        import pandas as pd

        rows = []
        for j, (T, p) in enumerate(zip(self.temperatures, self.pulls, strict=True)):
            for i, t in enumerate(p):
                row = {
                    "chamber": j + 1,
                    "temperature_C": round(T - 273.15, 6),
                    "pull": i,
                    "time_day": t,
                    "replicates": self.replicates,
                }
                if self.rh is not None:
                    row["rh_percent"] = self.rh[j]
                rows.append(row)
        return pd.DataFrame(rows)

    def summary(self, lang: str = "en") -> pd.DataFrame:
        """One row per chamber: temperature [°C], pulls, pull times [day], last pull [day],
        interval relative to the hottest chamber, replicates.
        """  # noqa: D205
        import pandas as pd

        from ..report.i18n import check_lang

        check_lang(lang)
        heads = _HEADS[lang]
        rows = []
        for T, p in zip(self.temperatures, self.pulls, strict=True):
            rows.append(
                {
                    heads[0]: round(T - 273.15, 2),
                    heads[1]: len(p),
                    heads[2]: ", ".join(f"{x:g}" for x in p),
                    heads[3]: p[-1],
                    heads[4]: round(np.mean(np.diff(p)) / np.mean(np.diff(self.pulls[-1])), 2),
                    heads[5]: self.replicates,
                }
            )
        return pd.DataFrame(rows)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready description with the rationale and notices in both languages."""

        def temp(T):
            return None if T is None else {"value": round(T - 273.15, 6), "unit": "degC"}

        return {
            "temperatures": [temp(T) for T in self.temperatures],
            "pulls": [
                {"temperature": temp(T), "times": {"value": list(p), "unit": "day"}}
                for T, p in zip(self.temperatures, self.pulls, strict=True)
            ],
            "replicates": self.replicates,
            "rh": None if self.rh is None else {"value": list(self.rh), "unit": "%"},
            "duration": {"value": self.duration, "unit": "day"},
            "n_measurements": self.n_measurements,
            "storage": temp(self.storage),
            "max_temperature": temp(self.max_temperature),
            "activation_energy": None
            if self.activation_energy is None
            else {"value": list(self.activation_energy), "unit": "kJ/mol"},
            "expected_shelf_life": None
            if self.expected_shelf_life is None
            else {"value": self.expected_shelf_life, "unit": "day"},
            "order": self.order,
            "rationale": self.rationale("en"),
            "rationale_id": self.rationale("id"),
            "notices": [n.to_dict() for n in self.notices],
        }

    def __str__(self) -> str:
        lines = [f"Design: {self.label}"]
        for T, p in zip(self.temperatures, self.pulls, strict=True):
            lines.append(f"  {_c(T):g} °C: pulls at {', '.join(f'{x:g}' for x in p)} day")
        lines += [f"  - {r}" for r in self.rationale()]
        lines += [f"  ! {n.message('en')}" for n in self.notices]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        out = f"<p><b>{html.escape(self.label)}</b></p>" + self.summary().to_html(index=False)
        if self.reasons:
            out += (
                "<ul>" + "".join(f"<li>{html.escape(r)}</li>" for r in self.rationale()) + "</ul>"
            )
        out += "".join(f"<p>⚠ {html.escape(n.message('en'))}</p>" for n in self.notices)
        return out


_HEADS = {
    "en": (
        "temperature [°C]",
        "pulls",
        "pull times [day]",
        "last pull [day]",
        "interval ratio",
        "replicates",
    ),
    "id": (
        "suhu [°C]",
        "pengambilan",
        "waktu pengambilan [hari]",
        "pengambilan terakhir [hari]",
        "rasio selang",
        "ulangan",
    ),
}


# --------------------------------------------------------------------------- notices
def design_notices(design: Design) -> list[Notice]:
    """Guardrail notices about a design (coded, bilingual; category ``"design"``).

    - ``design_few_temperatures``: fewer than :data:`MIN_TEMPERATURES` chambers;
    - ``design_above_max_temperature``: a chamber at or above the product's maximum
      temperature (a phase change, e.g. a fat melting, changes the mechanism);
    - ``design_span_narrow``: chambers span less than :data:`MIN_SPAN_K`, too little in
      :math:`1/T` to identify :math:`E_a`;
    - ``design_few_pulls_before_limit``: fewer than :data:`MIN_PULLS_BEFORE_LIMIT` pulls
      before the limit is expected at the hottest chamber (at the highest :math:`E_a`);
    - ``design_limit_not_approached``: the hottest chamber stops before
      :data:`APPROACH_FRACTION` of the time to the limit (at the lowest :math:`E_a`);
    - ``design_far_extrapolation``: storage :data:`FAR_EXTRAPOLATION_K` or more below the
      coldest chamber (or above the hottest).

    The last three need the design's context (``storage``, ``activation_energy``,
    ``expected_shelf_life``; see :meth:`Design.with_context`).
    """
    out: list[Notice] = []
    temps = np.asarray(design.temperatures)
    n = temps.size
    if n < MIN_TEMPERATURES:
        out.append(Notice("design_few_temperatures", "design", None, {"n": n}))
    if design.max_temperature is not None:
        bad = temps[temps >= design.max_temperature - 1e-9]
        if bad.size:
            out.append(
                Notice(
                    "design_above_max_temperature",
                    "design",
                    None,
                    {"temperatures": _cs(bad), "max": _c(design.max_temperature)},
                )
            )
    span = float(temps.max() - temps.min())
    if n >= 2 and span < MIN_SPAN_K:
        out.append(
            Notice(
                "design_span_narrow",
                "design",
                None,
                {
                    "span": round(span, 2),
                    "inverse": 1000.0 * (1.0 / temps.min() - 1.0 / temps.max()),
                    "minimum": MIN_SPAN_K,
                },
            )
        )
    Ts = design.storage
    if Ts is not None:
        if Ts <= temps.min() - FAR_EXTRAPOLATION_K + 1e-9 or Ts > temps.max() + 1e-9:
            below = Ts < temps.min()
            out.append(
                Notice(
                    "design_far_extrapolation",
                    "extrapolation",
                    None,
                    {
                        "storage": _c(Ts),
                        "distance": round(
                            float(temps.min() - Ts if below else Ts - temps.max()), 2
                        ),
                        "side": "below" if below else "above",
                        "chamber": _c(temps.min() if below else temps.max()),
                    },
                )
            )
    ea, ts = design.activation_energy, design.expected_shelf_life
    if Ts is not None and ea is not None and ts is not None:
        T_hot, hot_pulls = temps.max(), np.asarray(design.pulls[-1])
        early = float(
            time_to_limit(T_hot, storage_K=Ts, shelf_life_day=ts, activation_energy=ea[1])[0]
        )
        late = float(
            time_to_limit(T_hot, storage_K=Ts, shelf_life_day=ts, activation_energy=ea[0])[0]
        )
        n_before = int(np.sum((hot_pulls > 0) & (hot_pulls <= early * (1 + 1e-9))))
        if n_before < MIN_PULLS_BEFORE_LIMIT:
            out.append(
                Notice(
                    "design_few_pulls_before_limit",
                    "design",
                    None,
                    {
                        "n": n_before,
                        "temperature": _c(T_hot),
                        "time": round(early, 1),
                        "minimum": MIN_PULLS_BEFORE_LIMIT,
                    },
                )
            )
        reach = hot_pulls[-1] / late
        if reach < APPROACH_FRACTION:
            out.append(
                Notice(
                    "design_limit_not_approached",
                    "extrapolation",
                    None,
                    {
                        "percent": round(100 * reach),
                        "temperature": _c(T_hot),
                        "last": round(float(hot_pulls[-1]), 1),
                        "time": round(late, 1),
                    },
                )
            )
    return out
