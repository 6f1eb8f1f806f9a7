"""Plots of predictions along temperature histories."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ..plotting import _COLOURS, _axes, _localise
from ..report.i18n import check_lang, t

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["history_plot"]

#: Points drawn per curve at most; longer series are thinned by striding (a year of
#: one-minute data would otherwise draw 525,600 points per line).
MAX_POINTS = 4000


def _thin(n: int) -> slice:
    return slice(None, None, max(1, n // MAX_POINTS))


def history_plot(
    series: dict[str, Any], limiting: str, ax: Axes | None = None, *, lang: str = "en"
) -> Axes:
    """Shelf life used [%] per attribute along a history, temperature on a twin axis.

    Parameters
    ----------
    series : dict
        Attribute name -> DataFrame of :meth:`HistoryPrediction.remaining_along`.
    limiting : str
        The limiting attribute (drawn thicker).
    """
    check_lang(lang)
    ax = _axes(ax)
    first = next(iter(series.values()))
    s = _thin(len(first))
    x = np.concatenate([[0.0], first["time_day"].to_numpy()[s]])
    for i, (name, df) in enumerate(series.items()):
        used = np.minimum(df["used_fraction"].to_numpy(), 10.0) * 100
        ax.plot(
            x,
            np.concatenate([[0.0], used[s]]),
            color=_COLOURS[i % len(_COLOURS)],
            linewidth=2.2 if name == limiting else 1.2,
            label=name,
            zorder=3,
        )
    ax.axhline(100, color="#444444", linewidth=1.0, linestyle=(0, (7, 4)), zorder=1)
    ax.set_xlabel(t("history_plot_x", lang))
    ax.set_ylabel(t("history_plot_y", lang))
    ax.set_ylim(bottom=0)
    ax.legend(loc="lower right", frameon=False, fontsize="small")
    tw = ax.twinx()
    temps = first["temperature_C"].to_numpy()[s]
    tw.plot(
        x,
        np.concatenate([temps, temps[-1:]]),
        color="#999999",
        linewidth=0.6,
        drawstyle="steps-post",
        zorder=0,
    )
    tw.set_ylabel(t("history_plot_t", lang), color="#777777")
    tw.grid(False)
    _localise(ax.yaxis, lang)
    _localise(ax.xaxis, lang)
    _localise(tw.yaxis, lang)
    return ax
