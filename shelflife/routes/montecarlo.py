r"""Monte Carlo over the variability of an export route (and of the fitted kinetics).

:func:`simulate_route` draws, for each of ``n`` simulated shipments,

- the departure month (uniform over the year when ``season=None``) or uses a fixed season;
- every leg's duration from its triangular distribution ``[min, most likely, max]`` plus
  its delays (each happens with its probability and adds triangular extra days);
- every leg's ambient daily mean and amplitude from their triangular ``[low, typical,
  high]`` for that season, independently per leg;
- one stowage position for all sea legs of the shipment (below deck, typical on-deck, deck
  top, with the shares of ``containers.toml``) unless ``stowage`` is fixed;
- with ``parameter_uncertainty``, the fitted parameters
  :math:`\theta \sim N(\hat\theta, \hat\Sigma)` (as
  :func:`shelflife.uncertainty.draw_parameters`),

and computes the kinetic time along the route *exactly* for the piecewise-constant daily
cycle that :meth:`~shelflife.profiles.TemperatureProfile.daily_cycle` builds: a leg of
:math:`D` days with daily mean :math:`\bar T` and amplitude :math:`a` is cut into steps of
:math:`\Delta = 1/n_d` day at the midpoint temperatures
:math:`T_j = \bar T + a\sin(2\pi(j + 1/2)\Delta)` (a shorter last step for a fractional
day), so that

.. math::

    \tau_{leg} = \Delta\Big[q \sum_{j=0}^{n_d-1} k(T_j) + \sum_{j=0}^{s-1} k(T_j)\Big]
                 + r\,k(T_r),

with :math:`q` whole days, :math:`s` further steps and a remainder :math:`r` -- the same
sum as :func:`shelflife.profiles.remaining_shelf_life` forms over the nominal profile, so
that a route without variability reproduces it to rounding. Each leg starts at phase 0 of
its cycle, as in :meth:`~shelflife.routes.RouteScenario.profile`.

With :math:`\tau_c` the kinetic time to the limit (the order's closed form at
:math:`k = 1`), the outputs per shipment are

.. math::

    t_{transit} = \sum D_{leg},\quad u = \tau/\tau_c,\quad
    t_{rem} = \max(\tau_c - \tau, 0)/k(T_{then}),\quad
    T_{eff} = \Big[\frac{1}{T_{ref}} - \frac{R}{E_a}\ln\frac{\tau/t_{transit}}{k_{ref}}
              \Big]^{-1}

(:math:`T_{eff}` for Arrhenius models only: the constant temperature with the same mean
rate, Taoukis & Labuza [1]_). Everything is vectorised over shipments (in chunks of
:data:`CHUNK`); 10,000 shipments of a 12-leg route take 0.15-0.3 s on a 2-core machine
(``benchmarks/bench_routes.py``).

References
----------
.. [1] P. S. Taoukis and T. P. Labuza, "Applicability of time-temperature indicators as
   shelf life monitors of food products," *J. Food Sci.*, vol. 54, no. 4, pp. 783-788,
   1989. doi:10.1111/j.1365-2621.1989.tb07882.x
.. [2] D. Vose, *Risk Analysis: A Quantitative Guide*, 3rd ed. Chichester, UK: Wiley,
   2008, ch. 9 (triangular and PERT distributions for expert estimates).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import InputError, Notice
from .scenario import (
    SEASONS,
    STOWAGES,
    RouteScenario,
    _check_steps,
    check_season,
    check_stowage,
    get_scenario,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..results import FitResult

__all__ = ["simulate_route", "RouteSimulation", "DISTRIBUTIONS"]

#: Parameter distributions for ``parameter_uncertainty``.
DISTRIBUTIONS = ("normal", "t")
#: Shipments evaluated at once (bounds the memory of the vectorised kernel).
CHUNK = 2048
#: Thresholds [day] reported by :meth:`RouteSimulation.to_dict`.
REPORTED_THRESHOLDS = (30.0, 60.0, 90.0, 180.0, 365.0)

_LABELS = {
    "remaining": {
        "en": "Remaining shelf life on arrival at {T} [day]",
        "id": "Sisa umur simpan saat tiba pada {T} [hari]",
    },
    "then_varies": {"en": "retail temperature", "id": "suhu ritel"},
    "shipments": {"en": "Shipments", "id": "Pengiriman"},
    "ecdf": {"en": "Share of shipments (cumulative)", "id": "Proporsi pengiriman (kumulatif)"},
    "median": {"en": "median", "id": "median"},
    "interval": {"en": "{pct} % interval", "id": "selang {pct} %"},
    "en_route": {
        "en": "{pct} % reach the limit en route",
        "id": "{pct} % mencapai batas dalam perjalanan",
    },
}


def _label(key: str, lang: str, **kw: Any) -> str:
    return _LABELS[key]["id" if lang == "id" else "en"].format(**kw)


# ------------------------------------------------------------------------ result
@dataclass(frozen=True, eq=False)
class RouteSimulation:
    r"""Simulated shipments along an export route: transit, used and remaining shelf life.

    Built by :func:`simulate_route`; immutable (arrays are read-only).

    Attributes
    ----------
    scenario, title : str
        Route name and title.
    attribute, unit : str
        Attribute simulated and its unit.
    limit : float
        The attribute's limit [unit].
    direction : {"max", "min"}
    n : int
        Shipments simulated.
    seed : int
        Entropy of the :class:`numpy.random.SeedSequence` (pass it back as ``seed`` to
        repeat the simulation).
    season : str or None
        Fixed season, or ``None`` when the departure month was drawn.
    stowage : str or None
        Fixed stowage position, or ``None`` when drawn per shipment.
    level : float
        Two-sided level of the intervals.
    parameter_uncertainty : bool
    dist : {"normal", "t"}
        Distribution of the parameter draws.
    steps_per_day : int
    leg_names : tuple of str
    transit_days : numpy.ndarray
        Door (factory store) to importer's warehouse exit [day], ``(n,)``.
    kinetic_time : numpy.ndarray
        :math:`\tau` along the route [rate unit x day], ``(n,)``.
    kinetic_time_to_limit : numpy.ndarray
        :math:`\tau_c` [rate unit x day] (0 when the product starts beyond the limit,
        ``inf`` when it never reaches it), ``(n,)``.
    used_fraction : numpy.ndarray
        :math:`\tau/\tau_c` on arrival, ``(n,)``.
    remaining_days : numpy.ndarray
        Shelf life left on arrival at ``then_at`` [day]: 0 when the limit is reached en
        route, ``inf`` when it is never reached, ``(n,)``.
    effective_temperature_K : numpy.ndarray
        Constant temperature with the route's mean rate [K] (Arrhenius models; ``nan``
        otherwise), ``(n,)``.
    then_at_K : numpy.ndarray
        Storage temperature after arrival [K], ``(n,)``.
    departure_month : numpy.ndarray
        Month of departure in [0, 12) counted from 1 January (``nan`` for a fixed season),
        ``(n,)``.
    stowage_index : numpy.ndarray
        Index into :data:`~shelflife.routes.STOWAGES` per shipment, ``(n,)``.
    leg_kinetic_share : numpy.ndarray
        Mean share of the route's kinetic time accumulated in each leg, ``(legs,)``.
    temperature_range_K : tuple of float
        Lowest and highest product temperature met along the route [K].
    notices : tuple of Notice
    """

    scenario: str
    title: str
    attribute: str
    unit: str
    limit: float
    direction: str
    n: int
    seed: int
    season: str | None
    stowage: str | None
    level: float
    parameter_uncertainty: bool
    dist: str
    steps_per_day: int
    leg_names: tuple[str, ...]
    transit_days: np.ndarray
    kinetic_time: np.ndarray
    kinetic_time_to_limit: np.ndarray
    used_fraction: np.ndarray
    remaining_days: np.ndarray
    effective_temperature_K: np.ndarray
    then_at_K: np.ndarray
    departure_month: np.ndarray
    stowage_index: np.ndarray
    leg_kinetic_share: np.ndarray
    temperature_range_K: tuple[float, float]
    notices: tuple = ()

    # ----------------------------------------------------------- probabilities
    @property
    def limit_reached_en_route(self) -> np.ndarray:
        """Shipments whose product reaches the limit before arrival, ``(n,)`` bool."""
        return self.kinetic_time >= self.kinetic_time_to_limit

    @property
    def probability_limit_reached_en_route(self) -> float:
        """Share of shipments that reach the limit before arrival."""
        return float(np.mean(self.limit_reached_en_route))

    def probability_remaining_at_least(self, days: Any) -> float | np.ndarray:
        """Share of shipments with at least ``days`` of shelf life left on arrival.

        Parameters
        ----------
        days : float or array-like or pint.Quantity or str
            Required remaining shelf life [day as bare numbers, or e.g. ``"6 month"``].

        Returns
        -------
        float or numpy.ndarray
            Probability in [0, 1] (an array for array input).
        """
        from ..units import to_days

        if isinstance(days, (int, float, np.integer, np.floating, list, tuple, np.ndarray)):
            d = np.asarray(days, dtype=float)
        else:
            d = np.asarray(to_days(days), dtype=float)
        p = np.mean(self.remaining_days[:, None] >= d.reshape(-1)[None, :], axis=0)
        return float(p[0]) if d.ndim == 0 else p.reshape(d.shape)

    @property
    def has_effective_temperature(self) -> bool:
        """Whether :attr:`effective_temperature_K` is defined (Arrhenius models)."""
        return bool(np.any(np.isfinite(self.effective_temperature_K)))

    # ------------------------------------------------------------------ tables
    def _columns(self) -> dict[str, tuple[np.ndarray, str]]:
        cols = {
            "transit_time": (self.transit_days, "day"),
            "used_fraction": (self.used_fraction, "-"),
            "remaining_shelf_life": (self.remaining_days, "day"),
        }
        if self.has_effective_temperature:
            cols["effective_temperature"] = (self.effective_temperature_K - 273.15, "degC")
        return cols

    def quantiles(self, probs: Any = (0.025, 0.25, 0.5, 0.75, 0.975)) -> pd.DataFrame:
        """Quantiles of the simulated quantities.

        Parameters
        ----------
        probs : sequence of float
            Probabilities in [0, 1].

        Returns
        -------
        pandas.DataFrame
            Rows ``transit_time`` [day], ``used_fraction`` [-], ``remaining_shelf_life``
            [day] and, for Arrhenius models, ``effective_temperature`` [°C]; a ``unit``
            column and one column ``q<p>`` per probability (``inf`` kept).
        """
        import pandas as pd

        from ..uncertainty._common import quantiles

        probs = np.atleast_1d(np.asarray(probs, dtype=float))
        rows = {}
        for name, (x, unit) in self._columns().items():
            q = quantiles(x, probs)[:, 0]
            rows[name] = {
                "unit": unit,
                **{f"q{p:g}": float(v) for p, v in zip(probs, q, strict=True)},
            }
        return pd.DataFrame.from_dict(rows, orient="index")

    def _interval_probs(self) -> tuple[float, float]:
        return ((1.0 - self.level) / 2.0, (1.0 + self.level) / 2.0)

    def summary(self) -> pd.DataFrame:
        """Mean, standard deviation, median and ``level`` interval of each quantity.

        Returns
        -------
        pandas.DataFrame
            Rows as :meth:`quantiles`; columns ``unit``, ``mean``, ``std``, ``median``,
            ``low``, ``high`` (``inf`` where shipments never reach the limit; the mean and
            standard deviation are then ``inf`` and ``nan``).
        """
        import pandas as pd

        from ..uncertainty._common import quantiles

        lo, hi = self._interval_probs()
        rows = {}
        for name, (x, unit) in self._columns().items():
            q = quantiles(x, [0.5, lo, hi])[:, 0]
            with np.errstate(invalid="ignore"):
                mean, std = float(np.mean(x)), float(np.std(x, ddof=1)) if x.size > 1 else 0.0
            rows[name] = {
                "unit": unit,
                "mean": mean,
                "std": std,
                "median": float(q[0]),
                "low": float(q[1]),
                "high": float(q[2]),
            }
        return pd.DataFrame.from_dict(rows, orient="index")

    # -------------------------------------------------------------------- JSON
    def to_dict(self) -> dict[str, Any]:
        """Summary statistics in JSON-ready form (not the individual shipments).

        Physical quantities are ``{"value", "unit"}``; non-finite numbers are ``None``.
        """
        from ..uncertainty._common import num, quantiles

        lo, hi = self._interval_probs()

        def stats(x: np.ndarray, unit: str) -> dict[str, Any]:
            q = quantiles(x, [0.5, lo, hi])[:, 0]
            return {
                "mean": {"value": num(np.mean(x)), "unit": unit},
                "median": {"value": num(q[0]), "unit": unit},
                "interval": [num(q[1]), num(q[2])],
                "level": self.level,
            }

        then = self.then_at_K - 273.15
        out: dict[str, Any] = {
            "schema": "shelflife.route_simulation/1",
            "scenario": {"name": self.scenario, "title": self.title},
            "attribute": {
                "name": self.attribute,
                "unit": self.unit,
                "limit": {"value": self.limit, "unit": self.unit, "direction": self.direction},
            },
            "settings": {
                "n": self.n,
                "seed": self.seed,
                "season": self.season,
                "stowage": self.stowage,
                "level": self.level,
                "parameter_uncertainty": self.parameter_uncertainty,
                "dist": self.dist if self.parameter_uncertainty else None,
                "steps_per_day": self.steps_per_day,
                "then_at": {
                    "value": num(np.median(then)),
                    "unit": "degC",
                    "range": [num(np.min(then)), num(np.max(then))],
                },
            },
            "transit_time": stats(self.transit_days, "day"),
            "used_fraction": stats(self.used_fraction, ""),
            "remaining_shelf_life": stats(self.remaining_days, "day"),
            "effective_temperature": (
                stats(self.effective_temperature_K - 273.15, "degC")
                if self.has_effective_temperature
                else None
            ),
            "probability_limit_reached_en_route": self.probability_limit_reached_en_route,
            "probability_never_reaches_limit": float(np.mean(np.isinf(self.remaining_days))),
            "probability_remaining_at_least": [
                {
                    "value": d,
                    "unit": "day",
                    "probability": float(self.probability_remaining_at_least(d)),
                }
                for d in REPORTED_THRESHOLDS
            ],
            "stowage_shares": {
                name: float(np.mean(self.stowage_index == i)) for i, name in enumerate(STOWAGES)
            },
            "leg_kinetic_share": [
                {"leg": name, "share": num(s)}
                for name, s in zip(self.leg_names, self.leg_kinetic_share, strict=True)
            ],
            "temperature_range": {
                "value": [num(t - 273.15) for t in self.temperature_range_K],
                "unit": "degC",
            },
            "notices": [n.to_dict() for n in self.notices],
        }
        return out

    # ------------------------------------------------------------------ display
    def _title(self) -> str:
        season = self.season or "departure month drawn over the year"
        stowage = self.stowage or "stowage drawn per shipment"
        kinetics = (
            f"parameters drawn ({self.dist})"
            if self.parameter_uncertainty
            else "fitted parameters"
        )
        return (
            f"Route '{self.scenario}' for '{self.attribute}': {self.n} shipments, {season}, "
            f"{stowage}, {kinetics}, seed {self.seed}"
        )

    def __str__(self) -> str:
        s = self.summary()
        r = s.loc["remaining_shelf_life"]
        t = s.loc["transit_time"]
        pct = 100 * self.level
        return (
            f"{self._title()}\n"
            f"  transit {t['median']:.1f} days ({pct:g} %: {t['low']:.1f}-{t['high']:.1f})\n"
            f"  remaining shelf life on arrival {r['median']:.1f} days "
            f"({pct:g} %: {r['low']:.1f}-{r['high']:.1f})\n"
            f"  limit reached en route: {100 * self.probability_limit_reached_en_route:.2f} %"
        )

    def __repr__(self) -> str:
        return (
            f"RouteSimulation({self.scenario!r}, attribute={self.attribute!r}, n={self.n}, "
            f"season={self.season!r})"
        )

    def _repr_html_(self) -> str:
        df = self.summary()
        p = self.probability_limit_reached_en_route
        notes = "".join(f"<p>⚠ {html.escape(n.message('en'))}</p>" for n in self.notices)
        return (
            f"<p><b>{html.escape(self._title())}</b></p>"
            + df.to_html(float_format=lambda x: f"{x:.4g}", na_rep="–")
            + f"<p>Limit reached en route in {100 * p:.2f} % of shipments.</p>"
            + notes
        )

    def plot(self, ax=None, *, kind: str = "both", lang: str = "en", bins: int = 50):
        """Histogram and/or empirical CDF of the remaining shelf life on arrival.

        Parameters
        ----------
        ax : matplotlib.axes.Axes, optional
            Axes to draw on; a new figure when omitted.
        kind : {"both", "hist", "ecdf"}
            Histogram of the finite values, their ECDF (share of all shipments), or both
            (ECDF on a second y axis).
        lang : {"en", "id"}
            Language of the labels.
        bins : int
            Histogram bins.

        Returns
        -------
        matplotlib.axes.Axes
        """
        from ..plotting import _axes

        if kind not in ("both", "hist", "ecdf"):
            raise InputError(
                "option_unknown", what="plot kind", value=kind, choices="both, hist, ecdf"
            )
        ax = _axes(ax)
        x = np.asarray(self.remaining_days, dtype=float)
        finite = np.sort(x[np.isfinite(x)])
        then = self.then_at_K
        if np.ptp(then) < 1e-9:
            T = f"{then[0] - 273.15:.3g} °C"
            T = T.replace(".", ",") if lang == "id" else T
        else:
            T = _label("then_varies", lang)
        if kind in ("both", "hist"):
            ax.hist(finite, bins=bins, color="#56B4E9", edgecolor="white", linewidth=0.4)
            ax.set_ylabel(_label("shipments", lang))
        ecdf_ax = ax.twinx() if kind == "both" else ax
        if kind in ("both", "ecdf") and finite.size:
            y = np.arange(1, finite.size + 1) / x.size
            ecdf_ax.step(finite, y, where="post", color="#0072B2", linewidth=1.4)
            ecdf_ax.set_ylim(0, 1.02)
            ecdf_ax.set_ylabel(_label("ecdf", lang))
        lo, hi = self._interval_probs()
        from ..uncertainty._common import quantiles

        q = quantiles(x, [0.5, lo, hi])[:, 0]
        if np.isfinite(q[0]):
            ax.axvline(q[0], color="#D55E00", linewidth=1.4, label=_label("median", lang))
        pct = f"{100 * self.level:g}"
        for v, lab in ((q[1], _label("interval", lang, pct=pct)), (q[2], None)):
            if np.isfinite(v):
                ax.axvline(v, color="#444444", linestyle=(0, (5, 3)), linewidth=1.1, label=lab)
        ax.set_xlabel(_label("remaining", lang, T=T))
        p = 100 * self.probability_limit_reached_en_route
        share = f"{p:.1f}".replace(".", ",") if lang == "id" else f"{p:.1f}"
        ax.set_title(f"{self.title}\n{_label('en_route', lang, pct=share)}", fontsize=10)
        if ax.get_legend_handles_labels()[0]:
            ax.legend(loc="upper left", frameon=False, fontsize=8)
        return ax


# ---------------------------------------------------------------------- kernels
def _triangular(u: np.ndarray, low: Any, mode: Any, high: Any) -> np.ndarray:
    """Inverse CDF of the triangular distribution at ``u`` (degenerate ranges allowed)."""
    low, mode, high = np.broadcast_arrays(
        np.asarray(low, float), np.asarray(mode, float), np.asarray(high, float)
    )
    width = high - low
    with np.errstate(invalid="ignore", divide="ignore"):
        c = np.where(width > 0, (mode - low) / np.where(width > 0, width, 1.0), 0.5)
        left = low + np.sqrt(u * width * (mode - low))
        right = high - np.sqrt((1.0 - u) * width * (high - mode))
    return np.where(width > 0, np.where(u < c, left, right), low)


def _log_rates(model, T: np.ndarray, rh: float | None, Q: np.ndarray) -> np.ndarray:
    r""":math:`\ln k` at temperatures ``T`` (leading axis = shipments) for rows ``Q``."""
    rh_arr = None if rh is None else np.full(T.shape, rh)
    offset, G = model.temperature.design(T, rh_arr, model.references)
    if Q.shape[0] == 1:
        return offset + G @ Q[0]
    out = np.array(offset, dtype=float)
    shape = (Q.shape[0],) + (1,) * (T.ndim - 1)
    for j in range(Q.shape[1]):  # a few parameters: cheaper than a reduction over G * Q
        out += G[..., j] * Q[:, j].reshape(shape)
    return out


def _leg_kinetic_times(model, Q, mean, amp, dur, n_per_day: int, rh) -> np.ndarray:
    """Kinetic time of every leg of every shipment, ``(R, L)``.

    Exactly the sum over the steps of
    :meth:`~shelflife.profiles.TemperatureProfile.daily_cycle` (see the module notes).
    """
    dt = 1.0 / n_per_day
    steps = np.floor(dur / dt + 1e-9)
    days = np.floor(steps / n_per_day)
    extra = (steps - days * n_per_day).astype(np.int64)
    rest = dur - steps * dt
    rest = np.where(rest > 1e-9 * dt, rest, 0.0)
    phase = np.sin(2.0 * np.pi * (np.arange(n_per_day) + 0.5) * dt)
    last = np.sin(2.0 * np.pi * (steps * dt + rest / 2.0))
    T = np.concatenate(
        [mean[..., None] + amp[..., None] * phase, (mean + amp * last)[..., None]], axis=-1
    )
    with np.errstate(over="ignore"):
        k = np.exp(_log_rates(model, T, rh, Q))
    cum = np.cumsum(k[..., :n_per_day], axis=-1)
    partial = np.take_along_axis(cum, np.maximum(extra - 1, 0)[..., None], axis=-1)[..., 0]
    partial = np.where(extra > 0, partial, 0.0)
    return dt * (days * cum[..., -1] + partial) + rest * k[..., n_per_day]


def _kinetic_times_to_limit(model, thetas: np.ndarray, limit: float, direction: str):
    r""":math:`\tau_c` per parameter row (0 beyond the limit at the start, inf if never)."""
    from ..profiles import _tau_limit

    B = thetas.shape[0]
    if B == 1:
        return np.array([_tau_limit(model, thetas[0], limit, direction)])
    m, g = model.n_order_parameters, model.n_initial
    a0 = thetas[:, :g].mean(axis=1)
    p = [a0, *(thetas[:, j] for j in range(g, m))]
    formal = None
    try:
        with np.errstate(all="ignore"):
            formal = np.broadcast_to(
                np.asarray(model.order.time_to_limit(limit, np.ones(B), p, model.sign), float),
                (B,),
            )
    except (ValueError, TypeError, IndexError):
        formal = None
    if formal is not None:
        tau = np.where((formal > 0) & np.isfinite(formal), formal, np.inf)
        beyond = (a0 >= limit) if direction == "max" else (a0 <= limit)
        tau = np.where(beyond, 0.0, tau)
        check = [_tau_limit(model, thetas[b], limit, direction) for b in (0, B - 1)]
        if np.allclose(tau[[0, B - 1]], check, rtol=1e-12):
            return tau
    return np.array([_tau_limit(model, th, limit, direction) for th in thetas])


def _season_arrays(scenario: RouteScenario) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Per season: ambient mean [°C] and amplitude [K] triangles of every leg, ``(L, 3)``."""
    out = {}
    for s in SEASONS:
        conds = [leg.season(s) for leg in scenario.legs]
        out[s] = (
            np.array([c.mean for c in conds], dtype=float),
            np.array([c.amplitude for c in conds], dtype=float),
        )
    return out


def _retail_K(scenario: RouteScenario, season: str) -> float:
    return float(scenario.retail.get(season, scenario.retail["annual"])[0]) + 273.15


# ---------------------------------------------------------------------- driver
def simulate_route(
    fit: FitResult,
    scenario: str | RouteScenario,
    *,
    n: int = 10_000,
    season: str | None = None,
    seed: int | None = None,
    parameter_uncertainty: bool = True,
    then_at: Any = None,
    level: float = 0.95,
    stowage: str | None = None,
    rh: Any = None,
    dist: str = "normal",
    steps_per_day: int = 24,
) -> RouteSimulation:
    r"""Simulate ``n`` shipments along an export route and the shelf life left on arrival.

    Parameters
    ----------
    fit : FitResult
        A one-step fit whose attribute has a finite limit.
    scenario : str or RouteScenario
        A route (name or alias of :func:`~shelflife.routes.list_scenarios`, or a scenario
        of your own).
    n : int
        Shipments to simulate.
    season : {"summer", "winter", "annual"} or None
        Departure season (northern-hemisphere naming: summer = June-August). ``None``
        draws the departure month uniformly over the year and interpolates every
        ``[low, typical, high]`` between the winter and summer values with the weight
        :math:`w = (1 + \cos(2\pi (m - 6.5)/12))/2` (:math:`m` = month from 1 January:
        pure summer values in mid-July, pure winter values in mid-January).
    seed : int, optional
        Seed of :class:`numpy.random.SeedSequence`; ``None`` draws fresh entropy, which
        is reported as :attr:`RouteSimulation.seed`. The route and the parameter draws use
        independent child streams, so the same seed gives the same routes with or without
        parameter uncertainty.
    parameter_uncertainty : bool
        Draw the fitted parameters from their sampling distribution per shipment.
    then_at : pint.Quantity or str, optional
        Storage temperature after arrival [°C, K or °F]. Default: the scenario's retail
        temperature of the season (interpolated like the route when ``season=None``).
    level : float
        Two-sided level of the reported intervals.
    stowage : {"below_deck", "typical", "deck_top"} or None
        Stowage position of the container on every vessel; ``None`` draws one per
        shipment with the shares of ``containers.toml`` (50/35/15 %).
    rh : pint.Quantity or str, optional
        Relative humidity for humidity models (one value for the route and after it).
    dist : {"normal", "t"}
        Distribution of the parameter draws: multivariate normal (default) or the
        multivariate t on the fit's residual degrees of freedom.
    steps_per_day : int
        Steps of each daily temperature cycle (as
        :meth:`~shelflife.profiles.TemperatureProfile.daily_cycle`).

    Returns
    -------
    RouteSimulation

    Raises
    ------
    InputError
        Unknown scenario, season or stowage; bad ``n`` or ``steps_per_day``; no limit;
        a humidity model without ``rh``.
    FitError
        The order does not depend on time through :math:`kt`, or ``parameter_uncertainty``
        without a covariance.

    Notes
    -----
    Leg durations and temperatures are independent between legs and shipments; delays
    extend their leg at that leg's temperatures; the daily cycle restarts at phase 0 in
    each leg. The route's numbers and their sources are in ``docs/routes.md``.

    Examples
    --------
    >>> import shelflife as sl
    >>> from shelflife.routes import simulate_route
    >>> fit = sl.fit(sl.load_example("keripik-tempe"), "peroxide_value", order="first")
    >>> sim = simulate_route(fit, "rotterdam", n=2000, season="summer", seed=1)
    >>> 60 < float(sim.quantiles([0.5]).loc["transit_time", "q0.5"]) < 90
    True
    """
    from ..profiles import _check_kinetic_time, _order_parameters
    from ..uncertainty._common import check_level, require_limit
    from ..uncertainty.montecarlo import draw_parameters
    from ..units import GAS_CONSTANT, to_kelvin, to_percent

    scenario = get_scenario(scenario)
    season = check_season(season, allow_none=True)
    stowage = check_stowage(stowage, allow_none=True)
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise InputError("route_runs_invalid", value=n)
    n = int(n)
    n_per_day = _check_steps(steps_per_day)
    level = check_level(level)
    if dist not in DISTRIBUTIONS:
        raise InputError(
            "option_unknown", what="distribution", value=dist, choices=", ".join(DISTRIBUTIONS)
        )
    model = fit.model
    theta = np.asarray(fit.theta, dtype=float)
    _check_kinetic_time(model.order, _order_parameters(model, theta), model.sign)
    limit = require_limit(fit)
    direction = fit.attribute.direction
    rh_value = None
    if model.temperature.uses_rh:
        if rh is None:
            raise InputError("route_rh_missing", attribute=fit.attribute.name)
        rh_value = float(to_percent(rh))

    ss = np.random.SeedSequence(seed)
    route_ss, param_ss = ss.spawn(2)
    rng = np.random.default_rng(route_ss)
    legs = scenario.legs
    L = len(legs)

    # ---- season: per shipment triangles of the ambient mean and amplitude
    arrays = _season_arrays(scenario)
    if season is None:
        month = rng.uniform(0.0, 12.0, n)
        w = (1.0 + np.cos(2.0 * np.pi * (month - 6.5) / 12.0)) / 2.0
        wm = w[:, None, None]
        mean_tri = wm * arrays["summer"][0] + (1.0 - wm) * arrays["winter"][0]
        amp_tri = wm * arrays["summer"][1] + (1.0 - wm) * arrays["winter"][1]
    else:
        month = np.full(n, np.nan)
        w = None
        mean_tri = np.broadcast_to(arrays[season][0], (n, L, 3))
        amp_tri = np.broadcast_to(arrays[season][1], (n, L, 3))
    mean_a = _triangular(rng.random((n, L)), *np.moveaxis(mean_tri, -1, 0))
    amp_a = _triangular(rng.random((n, L)), *np.moveaxis(amp_tri, -1, 0))

    # ---- exposure (stowage per shipment for the sea legs)
    if stowage is None:
        shares = np.array([scenario.stowages[s].share for s in STOWAGES], dtype=float)
        stow_idx = rng.choice(len(STOWAGES), size=n, p=shares / shares.sum())
    else:
        stow_idx = np.full(n, STOWAGES.index(stowage))
    stow_idx = stow_idx.astype(np.int8)
    sea = np.array([leg.exposure == "container_sea" for leg in legs])
    fixed = [scenario.exposures.get(leg.exposure) for leg in legs]
    per_stowage = [scenario.stowages[s] for s in STOWAGES]

    def modifier(attr: str) -> np.ndarray:
        base = np.array([getattr(e, attr) if e is not None else 0.0 for e in fixed])
        by_stowage = np.array([getattr(e, attr) for e in per_stowage])
        return np.where(sea[None, :], by_stowage[stow_idx][:, None], base[None, :])

    T_mean = mean_a + 273.15 + modifier("mean_offset")
    T_amp = np.maximum(amp_a * modifier("amplitude_factor") + modifier("amplitude_offset"), 0.0)

    # ---- durations and delays
    dur_tri = np.array([leg.duration for leg in legs], dtype=float)  # (L, 3)
    dur = _triangular(rng.random((n, L)), dur_tri[:, 0], dur_tri[:, 1], dur_tri[:, 2])
    for j, leg in enumerate(legs):
        for d in leg.delays:
            hit = rng.random(n) < d.probability
            extra = _triangular(rng.random(n), *d.days)
            dur[:, j] += np.where(hit, extra, 0.0)

    # ---- temperature after arrival
    if then_at is not None:
        then_K = np.full(n, float(to_kelvin(then_at)))
    elif season is None:
        then_K = w * _retail_K(scenario, "summer") + (1.0 - w) * _retail_K(scenario, "winter")
    else:
        then_K = np.full(n, _retail_K(scenario, season))

    # ---- kinetics
    if parameter_uncertainty:
        thetas, _, _ = draw_parameters(fit, n, param_ss, dist, method="route simulation")
    else:
        thetas = theta[None, :]
    m = model.n_order_parameters
    Q = thetas[:, m:]
    tau_legs = np.empty((n, L))
    for start in range(0, n, CHUNK):
        sl = slice(start, min(start + CHUNK, n))
        Qc = Q[sl] if Q.shape[0] > 1 else Q
        tau_legs[sl] = _leg_kinetic_times(
            model, Qc, T_mean[sl], T_amp[sl], dur[sl], n_per_day, rh_value
        )
    tau = tau_legs.sum(axis=1)
    tau_c = np.broadcast_to(_kinetic_times_to_limit(model, thetas, limit, direction), (n,))
    with np.errstate(over="ignore"):
        k_then = np.exp(_log_rates(model, then_K, rh_value, Q))
    transit = dur.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        remaining = np.where(
            tau_c == 0.0,
            0.0,
            np.where(np.isinf(tau_c), np.inf, np.maximum(tau_c - tau, 0.0) / k_then),
        )
        used = np.where(tau_c == 0.0, np.inf, np.where(np.isinf(tau_c), 0.0, tau / tau_c))
        share = np.where(tau[:, None] > 0, tau_legs / tau[:, None], np.nan)
    leg_share = np.nanmean(share, axis=0) if np.any(tau > 0) else np.full(L, np.nan)

    # ---- effective temperature (Arrhenius)
    T_eff = np.full(n, np.nan)
    if model.temperature.name == "arrhenius":
        q = np.broadcast_to(Q, (n, Q.shape[1]))
        with np.errstate(divide="ignore", invalid="ignore"):
            x = (np.log(tau / transit) - q[:, 0]) / q[:, 1]
            inv = 1.0 / model.reference_temperature - GAS_CONSTANT * x
            ok = (q[:, 1] > 0) & (tau > 0) & (transit > 0) & np.isfinite(inv) & (inv > 0)
            T_eff = np.where(ok, 1.0 / inv, np.nan)

    # ---- notices
    lows = (T_mean - T_amp).min(axis=1)
    highs = (T_mean + T_amp).max(axis=1)
    t_range = (float(lows.min()), float(highs.max()))
    notices = []
    p_en_route = float(np.mean(tau >= tau_c))
    if p_en_route > 0:
        notices.append(
            Notice(
                "route_limit_en_route",
                "plausibility",
                fit.attribute.name,
                {"percent": 100.0 * p_en_route, "scenario": scenario.name},
            )
        )
    tested = np.asarray(fit.temperature, dtype=float)
    hot = float(np.quantile(highs, 0.999))
    if tested.size and hot > tested.max() + 1.0:
        notices.append(
            Notice(
                "route_extrapolation",
                "extrapolation",
                fit.attribute.name,
                {
                    "low": round(t_range[0] - 273.15, 1),
                    "high": round(hot - 273.15, 1),
                    "tested_low": round(float(tested.min()) - 273.15, 1),
                    "tested_high": round(float(tested.max()) - 273.15, 1),
                },
            )
        )

    arrays_out = [transit, tau, np.array(tau_c, dtype=float), used, remaining, T_eff, then_K]
    arrays_out += [month, stow_idx, leg_share]
    arrays_out = [np.array(a) for a in arrays_out]
    for a in arrays_out:
        a.flags.writeable = False
    transit, tau, tau_c, used, remaining, T_eff, then_K, month, stow_idx, leg_share = arrays_out
    return RouteSimulation(
        scenario=scenario.name,
        title=scenario.title,
        attribute=fit.attribute.name,
        unit=fit.attribute.unit,
        limit=float(limit),
        direction=direction,
        n=n,
        seed=int(ss.entropy),
        season=season,
        stowage=stowage,
        level=float(level),
        parameter_uncertainty=bool(parameter_uncertainty),
        dist=dist,
        steps_per_day=n_per_day,
        leg_names=scenario.leg_names,
        transit_days=transit,
        kinetic_time=tau,
        kinetic_time_to_limit=tau_c,
        used_fraction=used,
        remaining_days=remaining,
        effective_temperature_K=T_eff,
        then_at_K=then_K,
        departure_month=month,
        stowage_index=stow_idx,
        leg_kinetic_share=leg_share,
        temperature_range_K=t_range,
        notices=tuple(notices),
    )
