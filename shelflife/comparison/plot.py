"""Plots of a formulation comparison: both fits, and the shelf lives with their ratio."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ._common import _tr
from .compute import _shelf_life_arrays

if TYPE_CHECKING:  # pragma: no cover
    from .results import AttributeComparison


# -------------------------------------------------------------------------- plotting
def _draw_fits(c: AttributeComparison, ax, lang: str):
    from matplotlib.lines import Line2D

    from ..plotting import _LIMIT_STYLE, _fmt_value, _localise, _temperature_styles
    from ..report.i18n import format_celsius, t, unit_label

    fits = {"A": c.fit_a, "B": c.fit_b}
    styles = _temperature_styles(np.concatenate([c.fit_a.temperature, c.fit_b.temperature]))
    t_max = max(float(np.max(f.time)) for f in fits.values())
    grid = np.linspace(0.0, t_max * 1.03 if t_max > 0 else 1.0, 200)
    lines = {"A": "-", "B": (0, (5, 2))}
    for key, fit in fits.items():
        for T, st in styles.items():
            m = np.isclose(fit.temperature, T)
            if not m.any():
                continue
            ax.plot(
                fit.time[m],
                fit.value[m],
                linestyle="none",
                marker=st["marker"],
                color=st["color"],
                markerfacecolor=st["color"] if key == "A" else "white",
                markeredgecolor=st["color"] if key == "B" else "white",
                markeredgewidth=0.9 if key == "B" else 0.5,
                alpha=0.85,
                zorder=3,
            )
            mean = fit.model.predict(fit.theta, grid, np.full_like(grid, T))
            ax.plot(grid, mean, color=st["color"], linestyle=lines[key], zorder=2)
    handles, labels_ = [], []
    for T, st in styles.items():
        handles.append(Line2D([], [], color=st["color"], marker=st["marker"], linestyle="none"))
        labels_.append(format_celsius(T, lang))
    for key in ("A", "B"):
        handles.append(
            Line2D(
                [],
                [],
                color="#333333",
                linestyle=lines[key],
                marker="o",
                markerfacecolor="#333333" if key == "A" else "white",
            )
        )
        labels_.append(f"{_tr('formulation', lang)} {key}")
    limit = float(c.attribute.limit)
    if np.isfinite(limit):
        handles.append(ax.axhline(limit, **_LIMIT_STYLE))
        labels_.append(f"{t('legend_limit', lang)} {_fmt_value(limit, lang)}")
    a = c.attribute
    ax.set_xlabel(t("axis_time", lang, unit=unit_label("day", lang)))
    ax.set_ylabel(t("axis_value", lang, name=a.display_name, unit=unit_label(a.unit, lang)))
    ax.set_xlim(left=-0.015 * grid[-1])
    ax.legend(handles, labels_, loc="best")
    _localise(ax.xaxis, lang)
    _localise(ax.yaxis, lang)
    return ax


def _draw_shelf_lives(c: AttributeComparison, ax, lang: str, marks_K: np.ndarray):
    from ..plotting import SHELF_LIFE_RANGE_C, _localise, _plain_log_axis
    from ..report.i18n import t, unit_label

    tested = np.unique(np.concatenate([c.fit_a.temperature, c.fit_b.temperature])) - 273.15
    marks_c = marks_K - 273.15
    lo_c = min(SHELF_LIFE_RANGE_C[0], float(np.floor(tested.min() - 5.0)), *(marks_c - 2.0))
    hi_c = max(SHELF_LIFE_RANGE_C[1], float(np.ceil(tested.max() + 5.0)), *(marks_c + 2.0))
    x = np.linspace(lo_c, hi_c, int(round(hi_c - lo_c)) + 1)
    ax.axvspan(
        tested.min(), tested.max(), color="#eeeeee", zorder=0, label=t("legend_tested", lang)
    )
    colours = {"A": "#0072B2", "B": "#D55E00"}
    any_finite = False
    for key, fit in (("A", c.fit_a), ("B", c.fit_b)):
        est, low, high, _ = _shelf_life_arrays(fit, x + 273.15, c.level)
        ok = lambda y: np.where(np.isfinite(y) & (y > 0), y, np.nan)  # noqa: E731
        est, low, high = ok(est), ok(low), ok(high)
        any_finite |= bool(np.any(np.isfinite(est)))
        ax.fill_between(x, low, high, color=colours[key], alpha=0.18, linewidth=0, zorder=1)
        ax.plot(
            x,
            est,
            color=colours[key],
            linestyle="-" if key == "A" else (0, (5, 2)),
            zorder=3,
            label=f"{_tr('formulation', lang)} {key}",
        )
    for m in marks_c:
        ax.axvline(m, color="#444444", linewidth=0.9, linestyle=":", zorder=2)
    ax.set_xlim(lo_c, hi_c)
    ax.set_xlabel(t("axis_temperature", lang))
    ax.set_ylabel(t("axis_shelf_life", lang, unit=unit_label("day", lang)))
    if any_finite:
        ax.set_yscale("log")
        _plain_log_axis(ax.yaxis, lang)
    ax.legend(loc="best")
    _localise(ax.xaxis, lang)
    return ax
