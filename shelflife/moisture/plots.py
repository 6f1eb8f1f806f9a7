"""Plots of sorption isotherms: data with one fitted model, or a comparison of models.

Both functions share the package style (:data:`shelflife.plotting.STYLE`), put units in
brackets on the axes, tell models apart by line style as well as colour (readable in grey
print), and write labels in English or Bahasa Indonesia with decimal commas.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

    from .fit import IsothermComparison, IsothermFit

__all__ = ["plot_isotherm", "plot_comparison"]

_LABELS = {
    "en": {
        "x": "Water activity a_w [-]",
        "y": "Equilibrium moisture [g/g, dry basis]",
        "data": "measured",
        "title": "Sorption isotherm",
        "at": "at",
    },
    "id": {
        "x": "Aktivitas air a_w [-]",
        "y": "Kadar air kesetimbangan [g/g, basis kering]",
        "data": "terukur",
        "title": "Isoterm sorpsi",
        "at": "pada",
    },
}


def _grid(fits: Sequence[IsothermFit]) -> np.ndarray:
    high = max(min(0.98, max(f.model.validity[1], float(f.aw.max())) + 0.02) for f in fits)
    return np.linspace(0.005, high, 300)


def _label(fit: IsothermFit, lang: str) -> str:
    from ..report.i18n import format_number

    return f"{fit.model.title} (MRD {format_number(fit.mrd, lang, 1)} %)"


def _title(fit: IsothermFit, lang: str) -> str:
    from ..report.i18n import format_celsius

    words = _LABELS[lang]
    if fit.data.temperature is None:
        return words["title"]
    return f"{words['title']} {words['at']} {format_celsius(fit.data.temperature, lang)}"


def _draw(fits: Sequence[IsothermFit], ax: Axes, lang: str) -> Axes:
    from ..plotting import _COLOURS, _LINESTYLES, _localise

    words = _LABELS[lang]
    first = fits[0]
    ax.plot(
        first.aw,
        first.observed,
        linestyle="none",
        marker="o",
        color="#333333",
        markerfacecolor="white",
        markeredgewidth=1.2,
        label=words["data"],
        zorder=4,
    )
    grid = _grid(fits)
    y_max = float(first.observed.max()) * 1.5
    for i, fit in enumerate(fits):
        with np.errstate(all="ignore"):
            curve = np.asarray(fit.moisture_db(grid), dtype=float)
        curve = np.where(np.isfinite(curve), curve, np.nan)
        ax.plot(
            grid,
            curve,
            color=_COLOURS[i % len(_COLOURS)],
            linestyle=_LINESTYLES[i % len(_LINESTYLES)],
            label=_label(fit, lang),
            zorder=3,
        )
    ax.set_xlim(0.0, 1.0)
    ax.set_ylim(min(0.0, float(np.nanmin(first.observed))), y_max)
    ax.set_xlabel(words["x"])
    ax.set_ylabel(words["y"])
    ax.set_title(_title(first, lang))
    ax.legend(loc="upper left")
    _localise(ax.xaxis, lang)
    _localise(ax.yaxis, lang)
    return ax


def plot_isotherm(fit: IsothermFit, ax: Axes | None = None, *, lang: str = "en") -> Axes:
    """Measured equilibrium moisture and the fitted isotherm.

    Parameters
    ----------
    fit : IsothermFit
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is made when omitted.
    lang : {"en", "id"}
        Language of the labels.

    Returns
    -------
    matplotlib.axes.Axes
        x: water activity [–]; y: moisture [g/g, dry basis].
    """
    from ..plotting import STYLE, _axes
    from ..report.i18n import check_lang

    check_lang(lang)
    import matplotlib

    with matplotlib.rc_context(STYLE):
        return _draw([fit], _axes(ax), lang)


def plot_comparison(
    comparison: IsothermComparison,
    ax: Axes | None = None,
    *,
    lang: str = "en",
    models: Sequence[str] | None = None,
) -> Axes:
    """The data with several fitted isotherms, best first.

    Parameters
    ----------
    comparison : IsothermComparison
    ax : matplotlib.axes.Axes, optional
    lang : {"en", "id"}
    models : sequence of str, optional
        Models to draw (default all fitted ones).

    Returns
    -------
    matplotlib.axes.Axes
    """
    from ..plotting import STYLE, _axes
    from ..report.i18n import check_lang

    check_lang(lang)
    fits: list[Any] = list(comparison.fits) if models is None else [comparison[m] for m in models]
    import matplotlib

    with matplotlib.rc_context(STYLE):
        return _draw(fits, _axes(ax), lang)
