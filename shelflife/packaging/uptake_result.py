r"""The result of the numerical moisture uptake of a packaged product (immutable).

:class:`MoistureUptake` keeps the time to the critical moisture [day], the curves
:math:`m(t)` [g/g dry basis] and :math:`a_w(t)` [–], the storage steps used and Labuza's
closed form at the same constant condition, with a table, plain text in English or
Indonesian, JSON and a plot of moisture and inside water activity against time. Built by
:func:`~shelflife.packaging.moisture_uptake`.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import Notice
from ..units import DAYS_PER_MONTH, format_duration
from . import _inputs
from ._inputs import num
from .labuza_result import LabuzaShelfLife
from .package import Package

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["MoistureUptake"]


@dataclass(frozen=True, eq=False)
class MoistureUptake:
    r"""Moisture uptake of a packaged product along storage: :math:`m(t)`, :math:`a_w(t)`.

    Attributes
    ----------
    days : float
        Time for the moisture to reach :math:`m_c` [day]: ``inf`` when it never does
        (or not within the history), 0 when :math:`m_i \ge m_c`.
    time : numpy.ndarray
        Times of the curve [day].
    moisture : numpy.ndarray
        Moisture along the curve [g/g dry basis].
    water_activity : numpy.ndarray
        Water activity inside the package along the curve [-].
    initial, critical : float
        [g/g dry basis].
    equilibrium : float
        Equilibrium moisture at the (last) outside RH [g/g dry basis].
    durations, temperatures, rh : numpy.ndarray
        The storage steps used [day], [K], [%].
    from_history : bool
        Whether the conditions came from a history (else one constant condition).
    package : Package
    closed_form : LabuzaShelfLife or None
        Labuza's closed form at the same constant condition (secant slope); ``None`` for a
        history.
    notices : tuple of Notice
    """

    days: float
    time: np.ndarray
    moisture: np.ndarray
    water_activity: np.ndarray
    initial: float
    critical: float
    equilibrium: float
    durations: np.ndarray
    temperatures: np.ndarray
    rh: np.ndarray
    from_history: bool
    package: Package
    closed_form: LabuzaShelfLife | None = None
    notices: tuple[Notice, ...] = ()

    @property
    def reached(self) -> bool:
        """Whether the critical moisture is reached."""
        return math.isfinite(self.days)

    @property
    def months(self) -> float:
        """Time to critical in months of 30.4375 days [month]."""
        return self.days / DAYS_PER_MONTH

    @property
    def quantity(self):
        """Time to critical as a Quantity [day]."""
        from ..units import get_registry

        return get_registry().Quantity(self.days, "day")

    def summary(self, lang: str = "en") -> pd.DataFrame:
        """Key results as a table (quantity, value, unit)."""
        import pandas as pd

        idn = lang == "id"
        rows = [
            (
                "Umur simpan (numerik)" if idn else "Time to critical (numerical)",
                self.days,
                "hari" if idn else "day",
            ),
            (
                "Umur simpan (rumus tertutup)" if idn else "Closed form (Labuza)",
                self.closed_form.days if self.closed_form else math.nan,
                "hari" if idn else "day",
            ),
            ("Kadar air awal Mi" if idn else "Initial moisture Mi", self.initial, "g/g"),
            ("Kadar air kritis Mc" if idn else "Critical moisture Mc", self.critical, "g/g"),
            (
                "Kadar air kesetimbangan Me" if idn else "Equilibrium moisture Me",
                self.equilibrium,
                "g/g",
            ),
            ("a_w awal" if idn else "Initial a_w", float(self.water_activity[0]), "-"),
            ("a_w akhir" if idn else "Final a_w", float(self.water_activity[-1]), "-"),
            ("Kadar air akhir" if idn else "Final moisture", float(self.moisture[-1]), "g/g"),
        ]
        return pd.DataFrame(rows, columns=["quantity", "value", "unit"]).set_index("quantity")

    def summary_text(self, lang: str = "en") -> str:
        """One paragraph in English or Indonesian."""
        name = str(self.package.name)
        cond = self._condition_text(lang)
        if lang == "id":
            head = f"Penyerapan air, {name}, {cond}: "
            body = (
                f"kadar air kritis tercapai setelah {self.days:.1f} hari "
                f"({format_duration(self.days, 'id')})"
                if self.reached
                else "kadar air kritis tidak tercapai"
            ).replace(".", ",")
        else:
            head = f"Moisture uptake, {name}, {cond}: "
            body = (
                f"critical moisture reached after {self.days:.1f} days "
                f"({format_duration(self.days)})"
                if self.reached
                else "critical moisture not reached"
            )
        if self.closed_form is not None and self.closed_form.reached:
            cf = self.closed_form.days
            body += (
                f"; rumus tertutup Labuza {cf:.1f} hari".replace(".", ",")
                if lang == "id"
                else f"; Labuza closed form {cf:.1f} days"
            )
        return head + body + "."

    def _condition_text(self, lang: str) -> str:
        if self.from_history:
            n = len(self.durations)
            return f"riwayat {n} langkah" if lang == "id" else f"history of {n} steps"
        return _inputs.condition_label(float(self.temperatures[0]), float(self.rh[0]), lang)

    def to_dict(self, *, curve: bool = True) -> dict[str, Any]:
        """JSON-ready form; ``curve=False`` leaves out the time series."""
        out: dict[str, Any] = {
            "method": "moisture_uptake",
            "time_to_critical": {"value": num(self.days), "unit": "day"},
            "reached": self.reached,
            "months_days": format_duration(self.days, "en"),
            "months_days_id": format_duration(self.days, "id"),
            "initial": {"value": self.initial, "unit": "g/g dry basis"},
            "critical": {"value": self.critical, "unit": "g/g dry basis"},
            "equilibrium": {"value": num(self.equilibrium), "unit": "g/g dry basis"},
            "package": self.package.to_dict(),
            "conditions": {
                "from_history": self.from_history,
                "steps": len(self.durations),
                "duration": {"value": num(float(np.sum(self.durations))), "unit": "day"},
                "temperature_range": {
                    "value": [
                        round(float(np.min(self.temperatures)) - 273.15, 6),
                        round(float(np.max(self.temperatures)) - 273.15, 6),
                    ],
                    "unit": "degC",
                },
                "rh_range": {
                    "value": [float(np.min(self.rh)), float(np.max(self.rh))],
                    "unit": "%",
                },
            },
            "closed_form": None if self.closed_form is None else self.closed_form.to_dict(),
            "warnings": [n.to_dict() for n in self.notices],
        }
        if curve:
            out["curve"] = {
                "time": {"value": self.time.tolist(), "unit": "day"},
                "moisture": {"value": self.moisture.tolist(), "unit": "g/g dry basis"},
                "water_activity": {"value": self.water_activity.tolist(), "unit": "1"},
            }
        return out

    def __str__(self) -> str:
        return self.summary_text("en")

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(str(k))}</td><td>{v:.5g}</td><td>{html.escape(u)}</td></tr>"
            for k, v, u in self.summary().itertuples()
        )
        warn = "".join(f"<li>{html.escape(n.message('en'))}</li>" for n in self.notices)
        return (
            f"<div><p>{html.escape(self.summary_text())}</p><table>"
            f"<tr><th>quantity</th><th>value</th><th>unit</th></tr>{rows}</table>"
            + (f"<ul>{warn}</ul>" if warn else "")
            + "</div>"
        )

    def plot(self, ax=None, *, lang: str = "en"):
        """Moisture (left axis) and inside water activity (right axis) against time.

        The critical moisture is drawn as a dashed line and the moment it is reached is
        marked.

        Parameters
        ----------
        ax : matplotlib.axes.Axes, optional
            Axes to draw on; a new figure is made when omitted.
        lang : {"en", "id"}
            Language of the labels (decimal commas in Indonesian).

        Returns
        -------
        matplotlib.axes.Axes
            The moisture axes (the water-activity axes is ``ax.right_ax``).
        """
        import matplotlib as mpl

        from ..plotting import _LIMIT_STYLE, STYLE, _axes, _localise
        from ._labels import label

        with mpl.rc_context(STYLE):
            ax = _axes(ax)
            (l1,) = ax.plot(
                self.time, self.moisture, color="#0072B2", label=label("moisture_line", lang)
            )
            lim = ax.axhline(self.critical, **_LIMIT_STYLE, label=label("critical", lang))
            right = ax.twinx()
            (l2,) = right.plot(
                self.time,
                self.water_activity,
                color="#D55E00",
                linestyle=(0, (3, 2)),
                label=label("aw_line", lang),
            )
            right.set_ylabel(label("aw", lang))
            right.grid(False)
            handles = [l1, l2, lim]
            if self.reached and self.days > 0:
                day = f"{self.days:.1f}".replace(".", ",") if lang == "id" else f"{self.days:.1f}"
                (mk,) = ax.plot(
                    [self.days],
                    [self.critical],
                    marker="o",
                    linestyle="none",
                    color="#444444",
                    label=label("reached", lang, day=day),
                )
                handles.append(mk)
            ax.set_xlabel(label("time", lang))
            ax.set_ylabel(label("moisture", lang))
            ax.set_title(label("title_uptake", lang, name=str(self.package.name)))
            ax.legend(handles, [h.get_label() for h in handles], loc="lower right")
            for axis in (ax.xaxis, ax.yaxis, right.yaxis):
                _localise(axis, lang)
            ax.right_ax = right
        return ax
