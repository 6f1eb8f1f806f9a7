"""Plot of the internal water activity of a product in each package over time."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..plotting import _COLOURS, _axes, _localise
from ..report.i18n import check_lang, t

__all__ = ["uptake_plot"]


def uptake_plot(analysis: Any, ax=None, *, lang: str = "en"):
    """Internal water activity against time per packaging option, critical aw dashed.

    Returns
    -------
    matplotlib.axes.Axes
    """
    check_lang(lang)
    ax = _axes(ax)
    st = analysis.study
    longest = 0.0
    for i, (spec, u) in enumerate(zip(st.packaging, analysis.uptakes, strict=True)):
        ax.plot(u.time, u.water_activity, color=_COLOURS[i % len(_COLOURS)], label=spec.name)
        if u.time.size:
            longest = max(longest, float(u.time[-1]))
    aw_c = float(analysis.isotherm.water_activity_db(np.array([st.critical]))[0])
    ax.axhline(aw_c, color="#444444", linewidth=1.0, linestyle=(0, (7, 4)))
    ax.set_xlabel(t("cm_plot_time", lang))
    ax.set_ylabel(t("cm_plot_aw", lang))
    # options whose water uptake takes years (foil) would squash the others: show up to
    # 1.25 x the longest time below three years, or the target if longer
    short = [u.days for u in analysis.uptakes if np.isfinite(u.days) and u.days <= 3 * 365.25]
    right = max([*short, st.target or 0.0]) * 1.25 if short else longest
    ax.set_xlim(0, min(longest, right) or None)
    ax.legend(loc="lower right", frameon=False, fontsize="small")
    _localise(ax.xaxis, lang)
    _localise(ax.yaxis, lang)
    return ax
