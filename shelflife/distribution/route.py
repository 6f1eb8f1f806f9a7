r"""A whole study shipped to a market: Monte Carlo over the route, then the buyer's verdict.

:func:`assess_route` joins three pieces:

1. :func:`shelflife.routes.simulate_route` for every attribute (the same seed, hence the
   same simulated shipments, for each): the shelf life left on arrival at the destination's
   retail temperature, over season, delays, stowage and the fit's parameter uncertainty;
2. :func:`shelflife.markets.recommended_shelf_life`: the shelf life the label declares, from
   the conservative (ICH Q1E) shelf life at the label storage temperature after the market's
   safety factor;
3. :func:`shelflife.markets.export_readiness`: per shipment, what the buyer receives is the
   smaller of the quality life left (kinetics) and what the printed date leaves after the
   transit, :math:`r_i = \min(t_{rem,i},\ L - t_{transit,i})`; the verdict uses the median of
   :math:`r_i` as the estimate and its 5th-95th percentiles as the interval, so *ready*
   means at least 95 % of simulated shipments meet the requirement.

The limiting attribute is the one whose 5th percentile of remaining shelf life on arrival is
the smallest.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from ..results import celsius
from ..units import get_registry, to_kelvin

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import StudyAnalysis

__all__ = ["RouteAssessment", "assess_route", "limiting_shelf_life"]

#: Percentiles of the verdict interval (share of shipments below / above).
PERCENTILES = (0.05, 0.5, 0.95)


def _num(x: float) -> float | None:
    return float(x) if x is not None and np.isfinite(x) else None


@dataclass(frozen=True)
class RouteAssessment:
    """Route simulation, labelled shelf life and export readiness for one market.

    Attributes
    ----------
    market : shelflife.markets.Market
    scenario : shelflife.routes.RouteScenario
    season : str or None
        Season simulated (``None``: departure month drawn over the year).
    simulations : tuple of RouteSimulation
        One per attribute, same shipments.
    labelled : shelflife.markets.LabelledShelfLife
        Shelf life declared on the label for this market.
    label_temperature : float
        Storage temperature the labelled shelf life refers to [K].
    delivered : numpy.ndarray
        Per shipment, the shelf life the buyer receives for the limiting attribute [day].
    readiness : shelflife.markets.Readiness
    """

    market: Any
    scenario: Any
    season: str | None
    simulations: tuple[Any, ...]
    labelled: Any
    label_temperature: float
    delivered: np.ndarray = field(repr=False)
    readiness: Any

    #: Key of this result in the result JSON.
    json_key = "route"

    @property
    def limiting_attribute(self) -> str:
        """Attribute with the smallest 5th percentile of shelf life left on arrival."""
        return self.limiting.attribute

    @property
    def limiting(self):
        """The :class:`RouteSimulation` of the limiting attribute."""
        return min(self.simulations, key=lambda s: float(np.quantile(s.remaining_days, 0.05)))

    @property
    def probability_meets_requirement(self) -> float:
        """Share of simulated shipments delivered with at least the required shelf life."""
        return float(np.mean(self.delivered >= self.readiness.requirement.days))

    def to_dict(self) -> dict[str, Any]:
        """The ``route`` block of the result JSON."""
        q = np.quantile(self.delivered, PERCENTILES)
        return {
            "market": self.market.code,
            "scenario": self.scenario.name,
            "season": self.season,
            "label_temperature": {
                "value": round(celsius(self.label_temperature), 6),
                "unit": "degC",
            },
            "labelled_shelf_life": self.labelled.to_dict(),
            "limiting_attribute": self.limiting_attribute,
            "delivered_shelf_life": {
                "median": {"value": _num(q[1]), "unit": "day"},
                "interval": [_num(q[0]), _num(q[2])],
                "percentiles": list(PERCENTILES),
            },
            "probability_meets_requirement": self.probability_meets_requirement,
            "readiness": self.readiness.to_dict(),
            "simulations": [s.to_dict() for s in self.simulations],
        }

    def summary_text(self, lang: str = "en") -> str:
        """Plain-text summary in English or Indonesian."""
        from ..report.i18n import check_lang, format_number, t

        check_lang(lang)
        sim = self.limiting
        tq = np.quantile(sim.transit_days, PERCENTILES)
        dq = np.quantile(self.delivered, PERCENTILES)

        def d(x: float) -> str:
            return format_number(x, lang, 0)

        lines = [
            t("route_title", lang).format(
                scenario=self.scenario.title, market=self.market.name_in(lang)
            ),
            t("route_runs", lang).format(
                n=sim.remaining_days.size,
                season=t(f"season_{self.season}", lang)
                if self.season
                else t("route_any_season", lang),
            ),
            "  " + t("route_transit", lang).format(low=d(tq[0]), mid=d(tq[1]), high=d(tq[2])),
            "  "
            + t("route_labelled", lang).format(
                text=self.labelled.text(lang),
                at=f"{format_number(celsius(self.label_temperature), lang, 0)} °C",
            ),
        ]
        for s in self.simulations:
            q = np.quantile(s.remaining_days, PERCENTILES)
            tag = " *" if s.attribute == self.limiting_attribute else ""
            lines.append(
                "  "
                + t("route_attribute", lang).format(
                    attribute=s.attribute + tag,
                    low=d(q[0]),
                    mid=d(q[1]),
                    high=d(q[2]),
                    p=format_number(100 * s.probability_limit_reached_en_route, lang, 1),
                )
            )
        lines.append(
            "  "
            + t("route_delivered", lang).format(
                low=d(dq[0]),
                mid=d(dq[1]),
                high=d(dq[2]),
                p=format_number(100 * self.probability_meets_requirement, lang, 1),
                req=d(self.readiness.requirement.days),
            )
        )
        lines.append(self.readiness.summary(lang))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary_text()

    def _repr_html_(self) -> str:
        return "<pre>" + html.escape(self.summary_text()) + "</pre>"

    def plot(self, ax=None, *, lang: str = "en"):
        """Distribution of the shelf life left on arrival (limiting attribute)."""
        return self.limiting.plot(ax=ax, lang=lang)

    def report_section(self, lang: str = "en") -> dict[str, Any]:
        """The report section (see :mod:`shelflife.report.sections`)."""
        from ..report.i18n import format_number, sentence, t
        from ..report.sections import figure, section, table

        def d(x: float) -> str:
            return format_number(x, lang, 0) if np.isfinite(x) else "–"

        rows = []
        names = []
        for s in self.simulations:
            q = np.quantile(s.remaining_days, PERCENTILES)
            names.append(s.attribute)
            rows.append(
                [
                    s.attribute,
                    d(q[1]),
                    f"{d(q[0])}–{d(q[2])}",
                    format_number(100 * float(np.median(s.used_fraction)), lang, 0),
                    format_number(100 * s.probability_limit_reached_en_route, lang, 1),
                ]
            )
        sim = self.limiting
        tq = np.quantile(sim.transit_days, PERCENTILES)
        dq = np.quantile(self.delivered, PERCENTILES)
        notes = [sentence(n.message(lang)) for s in self.simulations for n in s.notices]
        return section(
            "route",
            t("route_title", lang).format(
                scenario=self.scenario.title, market=self.market.name_in(lang)
            ),
            paragraphs=[
                t("route_section_intro", lang).format(n=sim.remaining_days.size),
                t("route_transit", lang).format(low=d(tq[0]), mid=d(tq[1]), high=d(tq[2])),
                t("route_labelled", lang).format(
                    text=self.labelled.text(lang),
                    at=f"{format_number(celsius(self.label_temperature), lang, 0)} °C",
                ),
                t("route_delivered", lang).format(
                    low=d(dq[0]),
                    mid=d(dq[1]),
                    high=d(dq[2]),
                    p=format_number(100 * self.probability_meets_requirement, lang, 1),
                    req=d(self.readiness.requirement.days),
                ),
                self.readiness.summary(lang).split("\n")[1].strip()
                if "\n" in self.readiness.summary(lang)
                else self.readiness.summary(lang),
            ],
            warnings=notes,
            tables=[
                table(
                    [
                        t("attribute", lang),
                        t("route_col_median", lang),
                        t("route_col_interval", lang),
                        t("route_col_used", lang),
                        t("route_col_en_route", lang),
                    ],
                    rows,
                    numeric=(1, 2, 3, 4),
                    highlight=names.index(self.limiting_attribute),
                )
            ],
            figures=[
                figure(
                    lambda obj, ax, lg: obj.plot(ax=ax, lang=lg),
                    self,
                    lang,
                    t("route_figure", lang),
                    twin=True,
                )
            ],
            notes=[t("route_assumptions", lang).format(scenario=self.scenario.name)],
        )


def limiting_shelf_life(analysis: StudyAnalysis, T_K: float):
    """The attributes' shelf life with the smallest conservative value at ``T_K`` [K].

    The basis of a label claim (a :class:`~shelflife.prediction.ShelfLife`).
    """
    lives = [aa.fit.shelf_lives_at_kelvin(np.array([T_K]))[0] for aa in analysis.attributes]
    return min(lives, key=lambda s: (s.conservative, s.estimate))


def assess_route(
    analysis: StudyAnalysis,
    to: str,
    *,
    market: Any = None,
    season: str | None = None,
    n: int = 10_000,
    seed: int | None = None,
    label_temperature: Any = None,
    min_remaining: Any = None,
    safety_factor: float | None = None,
) -> RouteAssessment:
    """Simulate shipping a study's product to a market and judge export readiness.

    Parameters
    ----------
    analysis : StudyAnalysis
    to : str
        Route scenario or market name (``"rotterdam"``, ``"EU"``, ``"Jeddah"``, ``"Japan"``;
        see :func:`shelflife.routes.list_scenarios`).
    market : str or Market, optional
        Market whose label and readiness rules apply (default: the market named by ``to``,
        e.g. Rotterdam → EU).
    season : {"annual", "summer", "winter"}, optional
        Season of departure (default: drawn over the year).
    n : int
        Simulated shipments.
    seed : int, optional
        Random seed (reproducible); every attribute is simulated over the same shipments.
    label_temperature : pint.Quantity or str, optional
        Storage temperature of the labelled shelf life (default: the study's first storage
        temperature).
    min_remaining : float, pint.Quantity or str, optional
        The buyer's minimum remaining shelf life on arrival (fraction or time), replacing the
        market's default.
    safety_factor : float, optional
        Replaces the market's safety factor.

    Returns
    -------
    RouteAssessment
    """
    from ..markets import export_readiness, get_market, recommended_shelf_life
    from ..routes import get_scenario, simulate_route

    scenario = get_scenario(to)
    mk = get_market(market if market is not None else to)
    T_label = (
        float(to_kelvin(label_temperature))
        if label_temperature is not None
        else float(analysis.storage_temperatures[0])
    )
    if seed is None:  # one seed for every attribute: the same simulated shipments
        seed = int(np.random.SeedSequence().entropy % (2**63))
    sims = tuple(
        simulate_route(aa.fit, scenario, n=n, season=season, seed=seed)
        for aa in analysis.attributes
    )
    limiting = min(sims, key=lambda s: float(np.quantile(s.remaining_days, 0.05)))
    tested = limiting_shelf_life(analysis, T_label)
    labelled = recommended_shelf_life(tested, mk, safety_factor=safety_factor)
    delivered = np.minimum(
        np.minimum.reduce([s.remaining_days for s in sims]),
        labelled.approx_days - limiting.transit_days,
    )
    delivered = np.maximum(delivered, 0.0)
    q = np.quantile(delivered, PERCENTILES)
    reg = get_registry()
    readiness = export_readiness(
        reg.Quantity(float(q[1]), "day"),
        labelled,
        mk,
        min_remaining=min_remaining,
        interval=(reg.Quantity(float(q[0]), "day"), reg.Quantity(float(q[2]), "day")),
    )
    return RouteAssessment(
        market=mk,
        scenario=scenario,
        season=season,
        simulations=sims,
        labelled=labelled,
        label_temperature=T_label,
        delivered=delivered,
        readiness=readiness,
    )
