"""The label of a study's product for one market: declared shelf life and printed date.

:func:`label_study` takes the attribute with the smallest conservative (ICH Q1E) shelf life
at the label storage temperature (the study's first storage temperature unless given), and
passes it to :func:`shelflife.markets.label`, which applies the market's safety factor,
rounds down to whole days or months, computes the date from the production date and prints
it in the market's phrase, order and precision.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..results import celsius
from ..units import to_kelvin
from .route import limiting_shelf_life

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import StudyAnalysis

__all__ = ["StudyLabel", "label_study"]


@dataclass(frozen=True)
class StudyLabel:
    """A market label for a study's product.

    Attributes
    ----------
    label : shelflife.markets.Label
    attribute : str
        Attribute whose conservative shelf life the label is based on.
    temperature : float
        Storage temperature of that shelf life [K].
    tested : shelflife.prediction.ShelfLife
        The shelf life at that temperature (estimate, interval, conservative value).
    """

    label: Any
    attribute: str
    temperature: float
    tested: Any

    #: Key of this result in the result JSON.
    json_key = "label"

    @property
    def text(self) -> str:
        """The printed lines, joined."""
        return self.label.text

    def to_dict(self) -> dict[str, Any]:
        """The ``label`` block of the result JSON."""
        return {
            "attribute": self.attribute,
            "temperature": {"value": round(celsius(self.temperature), 6), "unit": "degC"},
            "tested_shelf_life": self.tested.to_dict(),
            **self.label.to_dict(),
        }

    def summary_text(self, lang: str = "en") -> str:
        """Plain-text summary in English or Indonesian."""
        from ..report.i18n import format_number, t

        head = t("study_label_basis", lang).format(
            attribute=self.attribute,
            at=f"{format_number(celsius(self.temperature), lang, 0)} °C",
            days=format_number(self.tested.conservative, lang, 1),
        )
        return head + "\n" + self.label.summary(lang)

    def __str__(self) -> str:
        return self.summary_text()

    def _repr_html_(self) -> str:
        return "<pre>" + html.escape(self.summary_text()) + "</pre>"

    def report_section(self, lang: str = "en") -> dict[str, Any]:
        """The report section (see :mod:`shelflife.report.sections`)."""
        from ..report.i18n import format_number, t
        from ..report.sections import section, table

        lab = self.label
        dates = lab.summary(lang).split("\n")[1 + len(lab.lines)]
        return section(
            "label",
            t("label_title", lang).format(market=lab.market.name_in(lang)),
            paragraphs=[
                t("study_label_basis", lang).format(
                    attribute=self.attribute,
                    at=f"{format_number(celsius(self.temperature), lang, 0)} °C",
                    days=format_number(self.tested.conservative, lang, 1),
                ),
                dates,
            ],
            tables=[
                table(
                    [t("label_col_printed", lang)],
                    [[ln] for ln in lab.lines],
                    caption=t("label_printed", lang),
                )
            ],
            notes=[n.message(lang) for n in lab.notes],
        )


def label_study(
    analysis: StudyAnalysis,
    market: Any,
    produced: Any,
    *,
    at: Any = None,
    kind: str = "best_before",
    safety_factor: float | None = None,
    precision: str | None = None,
    lang: Any = None,
) -> StudyLabel:
    """The label of a study's product for a market.

    Parameters
    ----------
    analysis : StudyAnalysis
    market : str or Market
        Market code, name or alias (``"EU"``, ``"Jepang"``, ``"Dubai"``; see
        :func:`shelflife.markets.list_markets`).
    produced : datetime.date or str
        Production date, e.g. ``"2027-01-15"``.
    at : pint.Quantity or str, optional
        Storage temperature the claim is for (default: the study's first storage temperature).
    kind : {"best_before", "use_by", "expiry"}
    safety_factor : float, optional
        Replaces the market's safety factor.
    precision : str, optional
        A finer printed date than the market's coarsest allowed one (e.g. ``"day"``).
    lang : str or sequence of str, optional
        Language(s) of the printed lines (default: the market's).

    Returns
    -------
    StudyLabel

    Examples
    --------
    >>> import shelflife as sl
    >>> an = sl.analyze(sl.load_example("keripik-tempe"), emit_warnings=False)
    >>> sl.label_study(an, "EU", "2027-01-15").text.startswith("Best before")
    True
    """
    from ..markets import label as market_label
    from ..markets import recommended_shelf_life

    T = float(to_kelvin(at)) if at is not None else float(analysis.storage_temperatures[0])
    tested = limiting_shelf_life(analysis, T)
    recommended = recommended_shelf_life(tested, market, safety_factor=safety_factor)
    lab = market_label(market, produced, recommended, kind=kind, lang=lang, precision=precision)
    return StudyLabel(label=lab, attribute=tested.attribute, temperature=T, tested=tested)
