"""The ICH Q1E plot: batches, regression lines, bounds and limits."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from ._common import _LABELS, _MODEL_TITLES_ID, _TIME_WORDS_ID, MODEL_TITLES

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

    from .results import Q1EModel, Q1EResult


# =========================================================================== plotting
def _label(key: str, lang: str, **params: Any) -> str:
    return _LABELS[key][lang].format(**params)


def _time_label(unit: str, lang: str) -> str:
    from ..report.i18n import unit_label

    text = unit_label(unit, lang)
    if lang == "id":
        text = _TIME_WORDS_ID.get(text, text)
    return text


def _draw_q1e(res: Q1EResult, ax: Axes, m: Q1EModel, lang: str) -> Axes:
    from .. import plotting
    from ..report.i18n import format_number, t, unit_label

    last = res.last_time if res.last_time > 0 else 1.0
    sl = m.shelf_life
    end = max(last, min(sl, 3 * last) if math.isfinite(sl) else last) * 1.05
    grid = np.linspace(0.0, end, 200)
    colours, markers = plotting._COLOURS, plotting._MARKERS
    sides = [s for s, v in (("lower", res.lower), ("upper", res.upper)) if v is not None]
    pct = format_number(100 * res.level, lang, 3, significant=True, trim=True)
    bound_label = _label(f"bound_{res.interval}", lang, level=pct)
    for i, b in enumerate(res.batches):
        mask = res.batch == b
        c = colours[i % len(colours)]
        ax.plot(
            res.time[mask],
            res.value[mask],
            linestyle="none",
            marker=markers[i % len(markers)],
            color=c,
            markeredgecolor="white",
            markeredgewidth=0.5,
            alpha=0.85,
            label=f"{_label('batch', lang)} {b}",
            zorder=3,
        )
    for i, ln in enumerate(m.lines):
        c = "#222222" if ln.batch is None else colours[i % len(colours)]
        label = _label("common_line", lang) if ln.batch is None else None
        mu, se = ln.mean(grid), ln.stderr(grid)
        with np.errstate(all="ignore"):
            ax.plot(grid, res._inverse(mu), color=c, linewidth=1.4, label=label, zorder=2)
            for j, side in enumerate(sides):
                sign = -1.0 if side == "lower" else 1.0
                ax.plot(
                    grid,
                    res._inverse(mu + sign * ln.quantile * se),
                    color=c,
                    linewidth=0.9,
                    linestyle=(0, (3, 2)),
                    label=bound_label if (i == 0 and j == 0) else None,
                    zorder=2,
                )
    for side in sides:
        v = res.lower if side == "lower" else res.upper
        ax.axhline(
            v,
            **plotting._LIMIT_STYLE,
            label=f"{_label(side, lang)} {format_number(v, lang, 6, significant=True, trim=True)}",
        )
    tu = _time_label(res.time_unit, lang)
    if math.isfinite(sl) and sl <= end:
        ax.axvline(sl, color="#D55E00", linewidth=1.2, linestyle="-.", zorder=1)
        side = m.limiting_side
        if side is not None:
            v = res.lower if side == "lower" else res.upper
            ax.plot([sl], [v], marker="v", color="#D55E00", zorder=4)
        ax.plot(
            [],
            [],
            color="#D55E00",
            linestyle="-.",
            label=_label(
                "shelf_life",
                lang,
                value=format_number(sl, lang, 3, significant=True, trim=True),
                unit=tu,
            ),
        )
    name = res.attribute.replace("_", " ")
    ax.set_xlabel(t("axis_time", lang, unit=tu))
    ax.set_ylabel(t("axis_value", lang, name=name, unit=unit_label(res.unit, lang)))
    ax.set_xlim(left=-0.015 * end, right=end)
    titles = MODEL_TITLES if lang == "en" else _MODEL_TITLES_ID
    ax.set_title(f"ICH Q1E: {m.name} ({titles[m.name]})")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0.0)
    plotting._localise(ax.xaxis, lang)
    plotting._localise(ax.yaxis, lang)
    return ax
