"""Plot of a sensory survival fit: Turnbull steps, fitted rejection curve and 95 % band."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..results import celsius

if TYPE_CHECKING:  # pragma: no cover
    from .survival import SensoryFit

__all__ = ["plot_fit"]

_LABELS = {
    "en": {
        "x": "Storage time [day]",
        "y": "Fraction of consumers rejecting",
        "np": "Turnbull (nonparametric)",
        "fit": "{dist} fit",
        "band": "95 % band",
        "at": " at {T} °C",
    },
    "id": {
        "x": "Waktu simpan [hari]",
        "y": "Proporsi konsumen yang menolak",
        "np": "Turnbull (nonparametrik)",
        "fit": "pendugaan {dist}",
        "band": "pita 95 %",
        "at": " pada {T} °C",
    },
}


def plot_fit(fit: SensoryFit, ax=None, *, lang: str = "en"):
    """Draw the fraction of consumers rejecting against storage time (see ``SensoryFit.plot``)."""
    from ..plotting import _axes, _localise, _temperature_styles
    from .distributions import get_distribution
    from .survival import _groups
    from .turnbull import turnbull

    words = _LABELS.get(lang, _LABELS["en"])
    ax = _axes(ax)
    panel = fit.panel
    temps = panel.temperatures
    styles = _temperature_styles(temps) if temps.size else {}
    finite = np.concatenate([panel.lower, panel.upper[np.isfinite(panel.upper)]])
    t_max = float(np.max(finite)) * 1.15 if finite.size else 1.0
    grid = np.linspace(t_max / 400, t_max, 400)
    dist = get_distribution(fit.distribution).label
    for T, mask in _groups(panel):
        style = styles.get(T, {"color": "#0072B2", "marker": "o", "linestyle": "-"})
        at = (
            ""
            if T is None
            else words["at"].format(T=f"{celsius(T):g}".replace(".", "," if lang == "id" else "."))
        )
        t, F = turnbull(panel.lower[mask], panel.upper[mask])
        ax.step(
            np.concatenate([[0.0], t]),
            np.concatenate([[0.0], F]),
            where="post",
            color=style["color"],
            alpha=0.6,
            linewidth=1.0,
        )
        ax.plot(
            t,
            F,
            linestyle="none",
            marker=style["marker"],
            color=style["color"],
            label=words["np"] + at,
        )
        T_fit = T if (fit.arrhenius or T is not None) else None
        if not fit.arrhenius and temps.size == 1:
            T_fit = float(temps[0])
        est, low, high = fit._F(grid, T_fit, band=0.95)
        ax.plot(
            grid,
            est,
            color=style["color"],
            linestyle=style["linestyle"],
            label=words["fit"].format(dist=dist) + at,
        )
        ax.fill_between(grid, low, high, color=style["color"], alpha=0.15, linewidth=0)
    for level in (0.25, 0.5):
        ax.axhline(level, color="#444444", linewidth=0.8, linestyle=(0, (5, 3)), zorder=1)
    ax.set_xlim(0, t_max)
    ax.set_ylim(0, 1)
    ax.set_xlabel(words["x"])
    ax.set_ylabel(words["y"])
    _localise(ax.xaxis, lang)
    _localise(ax.yaxis, lang)
    ax.legend(fontsize="small", loc="lower right")
    return ax
