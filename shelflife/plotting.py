"""Plots of a fitted shelf-life model.

Every function takes a :class:`~shelflife.results.FitResult`, draws on ``ax`` (or on a new
figure when ``ax`` is omitted) and returns the :class:`matplotlib.axes.Axes`:

- :func:`plot_fit` -- measurements and fitted mean per temperature, with the limit;
- :func:`plot_residuals` -- residuals against fitted values;
- :func:`plot_arrhenius` -- ln k against 1000/T with the one-step line, its 95 % confidence
  band and the two-step rate constants;
- :func:`plot_shelf_life` -- shelf life against temperature with its 95 % interval and the
  conservative value;
- :func:`plot_qq` -- normal Q-Q plot of the studentised residuals;
- :func:`plot_studentized` -- studentised residuals against fitted values with ±2 and ±3.5
  lines (:mod:`shelflife.diagnostics`).

All plots share one style (:data:`STYLE`, applied with :func:`matplotlib.rc_context`),
put units in brackets on every axis and are readable in grey print (each temperature has
its own marker and line style as well as its colour). Labels are in English
(``lang="en"``) or Bahasa Indonesia (``lang="id"``, also with decimal commas on the axes).

matplotlib is imported on first use, not when :mod:`shelflife` is imported. When no
backend has been chosen and no display is available, the non-interactive Agg backend is
selected; an active backend (e.g. Jupyter's inline backend) is never replaced.

Examples
--------
>>> import numpy as np
>>> from shelflife import Q_
>>> from shelflife.fitting import fit_arrays
>>> from shelflife.plotting import plot_fit
>>> t = np.tile([0.0, 14, 28, 42], 3)
>>> T = np.repeat([25.0, 35, 45], 4)
>>> k = 0.01 * np.exp(-(75 / 8.314462618e-3) * (1 / (T + 273.15) - 1 / 308.15))
>>> y = np.exp(k * t) * (1 + 0.02 * np.sin(np.arange(12)))
>>> fit = fit_arrays(Q_(t, "day"), Q_(T, "degC"), y, unit="meq/kg", limit=3.0)
>>> ax = plot_fit(fit, lang="id")
>>> ax.get_xlabel()
'Waktu simpan [hari]'
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

import numpy as np

from .report.i18n import check_lang, format_celsius, format_number, t, unit_label

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

    from .results import FitResult

__all__ = [
    "STYLE",
    "plot_fit",
    "plot_residuals",
    "plot_arrhenius",
    "plot_shelf_life",
    "plot_qq",
    "plot_studentized",
]

#: One style for every plot of the package (matplotlib rcParams).
STYLE: dict[str, Any] = {
    "figure.figsize": (5.6, 3.8),
    "figure.dpi": 100,
    "figure.facecolor": "white",
    "figure.constrained_layout.use": True,
    # user text (attribute, product, batch names) is shown literally: a "$" in a name must
    # not start TeX math (an unbalanced "$x^{" would make matplotlib raise while drawing)
    "text.parse_math": False,
    "savefig.dpi": 150,
    "savefig.facecolor": "white",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica", "sans-serif"],
    "font.size": 9.5,
    "axes.labelsize": 9.5,
    "axes.titlesize": 10.0,
    "axes.edgecolor": "#333333",
    "axes.linewidth": 0.8,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.axisbelow": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "xtick.labelsize": 8.5,
    "ytick.labelsize": 8.5,
    "xtick.color": "#333333",
    "ytick.color": "#333333",
    "legend.fontsize": 8.0,
    "legend.frameon": False,
    "legend.handlelength": 2.6,
    "lines.linewidth": 1.5,
    "lines.markersize": 5.5,
    "svg.fonttype": "none",
    "svg.hashsalt": "shelflife",
}

#: Colours from cold to hot (Okabe-Ito, safe for colour-blind readers).
_COLOURS = ("#0072B2", "#56B4E9", "#009E73", "#E69F00", "#D55E00")
_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "<", ">")
_LINESTYLES = ("-", (0, (5, 2)), "-.", ":", (0, (3, 1, 1, 1, 1, 1)), (0, (8, 2, 2, 2)))
_LIMIT_STYLE = {"color": "#444444", "linewidth": 1.1, "linestyle": (0, (7, 4)), "zorder": 1}
#: Temperature range of :func:`plot_shelf_life` when nothing asks for more [°C].
SHELF_LIFE_RANGE_C = (10.0, 50.0)


# --------------------------------------------------------------------------- helpers
def _ensure_backend() -> None:
    """Select Agg when no backend is active and no display exists (never override one)."""
    import matplotlib

    try:
        current = matplotlib.get_backend(auto_select=False)
    except TypeError:  # matplotlib < 3.10
        current = matplotlib.rcParams._get_backend_or_none()
    if current is not None or "matplotlib.pyplot" in sys.modules:
        return
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless:
        matplotlib.use("Agg")


def _axes(ax: Axes | None) -> Axes:
    if ax is not None:
        return ax
    _ensure_backend()
    import matplotlib.pyplot as plt

    _, ax = plt.subplots()
    return ax


def _temperature_styles(temperatures_K: np.ndarray) -> dict[float, dict[str, Any]]:
    """Colour, marker and line style per temperature, ordered from cold to hot."""
    temps = np.unique(np.asarray(temperatures_K, dtype=float))
    n = temps.size
    if n <= len(_COLOURS):
        idx = np.round(np.linspace(0, len(_COLOURS) - 1, n)).astype(int) if n > 1 else [0]
        colours = [_COLOURS[i] for i in idx]
    else:
        from matplotlib import colormaps

        cmap = colormaps["plasma"]
        colours = [cmap(x) for x in np.linspace(0.0, 0.85, n)]
    return {
        float(T): {
            "color": colours[i],
            "marker": _MARKERS[i % len(_MARKERS)],
            "linestyle": _LINESTYLES[i % len(_LINESTYLES)],
        }
        for i, T in enumerate(temps)
    }


_COMMA_FORMATTER: Any = None


def _comma_formatter():
    """A ScalarFormatter writing decimal commas (built once, on first use)."""
    global _COMMA_FORMATTER
    if _COMMA_FORMATTER is None:
        from matplotlib.ticker import ScalarFormatter

        class CommaFormatter(ScalarFormatter):
            """ScalarFormatter with a decimal comma."""

            def __call__(self, x, pos=None):
                return super().__call__(x, pos).replace(".", ",")

            def get_offset(self):
                return super().get_offset().replace(".", ",")

        _COMMA_FORMATTER = CommaFormatter
    return _COMMA_FORMATTER()


def _localise(axis, lang: str) -> None:
    """Decimal commas on a linear axis in Indonesian."""
    if lang == "id":
        axis.set_major_formatter(_comma_formatter())


def _plain_log_axis(axis, lang: str) -> None:
    """Log axis labelled with plain numbers (30, 100, 200) instead of powers of ten."""
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter, NullLocator

    def fmt(y, pos=None):
        text = f"{y:g}"
        return text.replace(".", ",") if lang == "id" else text

    axis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
    axis.set_major_formatter(FuncFormatter(fmt))
    axis.set_minor_formatter(NullFormatter())
    axis.set_minor_locator(NullLocator())  # 1-2-5 majors are enough; minors cost drawing time


def _limit(fit: FitResult) -> float:
    limit = getattr(fit.attribute, "limit", np.nan)
    return float(limit) if limit is not None else np.nan


def _shelf_life_curve(fit: FitResult, T_K: np.ndarray) -> dict[str, np.ndarray]:
    """Shelf life over temperatures for a plot (``fit.shelf_life_floats``)."""
    with np.errstate(all="ignore"):
        rh = None if fit.rh is None else fit.model.references.rh
        return fit.shelf_life_floats(T_K, rh=rh)


# ------------------------------------------------------------------ drawing (no rc)
def _draw_fit(fit: FitResult, ax: Axes, lang: str) -> Axes:
    styles = _temperature_styles(fit.temperature)
    t_max = float(np.max(fit.time)) if fit.time.size else 1.0
    grid = np.linspace(0.0, t_max * 1.03 if t_max > 0 else 1.0, 200)
    for T, st in styles.items():
        m = np.isclose(fit.temperature, T)
        label = format_celsius(T, lang)
        ax.plot(
            fit.time[m],
            fit.value[m],
            linestyle="none",
            marker=st["marker"],
            color=st["color"],
            markeredgecolor="white",
            markeredgewidth=0.5,
            alpha=0.85,
            label=label,
            zorder=3,
        )
        rr = None if fit.rh is None else np.full_like(grid, float(np.mean(fit.rh[m])))
        mean = fit.model.predict(fit.theta, grid, np.full_like(grid, T), rr)
        ax.plot(grid, mean, color=st["color"], linestyle=st["linestyle"], zorder=2)
    # one legend entry per temperature: marker and line together
    handles, labels_ = _legend_handles(styles, lang)
    limit = _limit(fit)
    if np.isfinite(limit):
        line = ax.axhline(limit, **_LIMIT_STYLE)
        handles.append(line)
        labels_.append(f"{t('legend_limit', lang)} {_fmt_value(limit, lang)}")
    a = fit.attribute
    ax.set_xlabel(t("axis_time", lang, unit=unit_label("day", lang)))
    ax.set_ylabel(t("axis_value", lang, name=a.display_name, unit=unit_label(a.unit, lang)))
    ax.set_xlim(left=-0.015 * grid[-1])  # markers at time zero stay whole
    # a fixed corner instead of "best": the search for the emptiest place is slow, and a
    # rising curve leaves the upper left empty, a falling one the lower left
    ax.legend(handles, labels_, loc="upper left" if fit.model.sign > 0 else "lower left")
    _localise(ax.xaxis, lang)
    _localise(ax.yaxis, lang)
    return ax


def _fmt_value(x: float, lang: str) -> str:
    return format_number(x, lang, 6, significant=True, trim=True)


def _legend_handles(styles: dict[float, dict[str, Any]], lang: str):
    """One legend entry per temperature showing its marker and line style together."""
    from matplotlib.lines import Line2D

    handles, labels_ = [], []
    for T, st in styles.items():
        handles.append(
            Line2D(
                [],
                [],
                color=st["color"],
                marker=st["marker"],
                linestyle=st["linestyle"],
                markeredgecolor="white",
                markeredgewidth=0.5,
            )
        )
        labels_.append(format_celsius(T, lang))
    return handles, labels_


def _scatter_against_fitted(fit: FitResult, ax: Axes, y: np.ndarray, lang: str) -> None:
    """Points ``y`` against the fitted values, one marker per temperature, and a zero line."""
    styles = _temperature_styles(fit.temperature)
    for T, st in styles.items():
        m = np.isclose(fit.temperature, T)
        ax.plot(
            fit.fitted[m],
            y[m],
            linestyle="none",
            marker=st["marker"],
            color=st["color"],
            markeredgecolor="white",
            markeredgewidth=0.5,
            alpha=0.85,
            label=format_celsius(T, lang),
            zorder=3,
        )
    ax.axhline(0.0, color="#444444", linewidth=0.9, zorder=1)


def _draw_residuals(fit: FitResult, ax: Axes, lang: str) -> Axes:
    _scatter_against_fitted(fit, ax, fit.residuals, lang)
    unit = unit_label(fit.attribute.unit, lang)
    ax.set_xlabel(t("axis_fitted", lang, unit=unit))
    ax.set_ylabel(t("axis_residual", lang, unit=unit))
    lim = float(np.max(np.abs(fit.residuals))) * 1.15 if fit.residuals.size else 1.0
    if np.isfinite(lim) and lim > 0:
        ax.set_ylim(-lim, lim)
    # a fixed corner ("best" is slow with many points), opaque enough to read over them
    ax.legend(loc="upper right", frameon=True, framealpha=0.9, facecolor="white", edgecolor="none")
    _localise(ax.xaxis, lang)
    _localise(ax.yaxis, lang)
    return ax


def _draw_arrhenius(
    fit: FitResult, ax: Axes, lang: str, extra_K: np.ndarray | None = None
) -> Axes:
    from ._stats import t_quantile

    model = fit.model
    tested = np.unique(fit.temperature)
    span = [tested.min() - 5.0, tested.max() + 5.0]
    if extra_K is not None and np.size(extra_K):
        span = [min(span[0], float(np.min(extra_K))), max(span[1], float(np.max(extra_K)))]
    T = 1.0 / np.linspace(1.0 / span[1], 1.0 / span[0], 100)
    x = 1000.0 / T
    rr = None if fit.rh is None else np.full_like(T, model.references.rh)
    ln_k = model.log_rate(fit.theta, T, rr)
    line = ax.plot(x, ln_k, color="#222222", zorder=2, label=t("legend_one_step", lang))[0]
    handles, labels_ = [line], [line.get_label()]
    cov = np.asarray(fit.cov)
    dof = fit.statistics.get("dof", 0)
    if np.all(np.isfinite(cov)) and dof > 0:
        g = model.log_rate_gradient(fit.theta, T, rr)
        se = np.sqrt(np.clip(np.einsum("ni,ij,nj->n", g, cov, g), 0.0, None))
        q = t_quantile(0.975, dof)
        band = ax.fill_between(
            x, ln_k - q * se, ln_k + q * se, color="#999999", alpha=0.3, linewidth=0, zorder=1
        )
        handles.append(band)
        labels_.append(t("legend_band", lang))
    styles = _temperature_styles(fit.temperature)
    first = True
    for r in fit.two_step.rates:
        if not (np.isfinite(r.rate_constant) and r.rate_constant > 0):
            continue
        st = styles.get(float(r.temperature)) or next(iter(styles.values()))
        pt = ax.plot(
            1000.0 / r.temperature,
            np.log(r.rate_constant),
            linestyle="none",
            marker=st["marker"],
            color=st["color"],
            markeredgecolor="#222222",
            markeredgewidth=0.6,
            markersize=7,
            zorder=3,
        )[0]
        if first:
            handles.append(pt)
            labels_.append(t("legend_two_step", lang))
            first = False
    ax.set_xlabel(t("axis_inv_temperature", lang))
    ax.set_ylabel(t("axis_ln_k", lang, unit=unit_label(fit.rate_unit, lang)))
    ax.legend(handles, labels_, loc="upper right")  # ln k falls to the right
    _localise(ax.xaxis, lang)
    _localise(ax.yaxis, lang)

    def to_celsius(v):
        v = np.asarray(v, dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(v != 0, 1000.0 / v - 273.15, np.inf)

    def to_inverse(c):
        c = np.asarray(c, dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(c != -273.15, 1000.0 / (c + 273.15), np.inf)

    top = ax.secondary_xaxis("top", functions=(to_celsius, to_inverse))
    top.set_xlabel(t("axis_temperature", lang))
    _localise(top.xaxis, lang)
    return ax


def _draw_shelf_life(
    fit: FitResult, ax: Axes, lang: str, marks_K: np.ndarray | None = None
) -> Axes:
    tested = np.unique(fit.temperature) - 273.15
    lo_c, hi_c = SHELF_LIFE_RANGE_C
    marks_c = np.asarray([] if marks_K is None else marks_K, dtype=float) - 273.15
    lo_c = min(lo_c, float(np.floor(tested.min() - 5.0)), *(np.floor(marks_c - 2.0)))
    hi_c = max(hi_c, float(np.ceil(tested.max() + 5.0)), *(np.ceil(marks_c + 2.0)))
    c = np.linspace(lo_c, hi_c, int(round(hi_c - lo_c)) + 1)
    sl = _shelf_life_curve(fit, c + 273.15)

    def positive(y):
        y = np.asarray(y, dtype=float)
        return np.where(np.isfinite(y) & (y > 0), y, np.nan)

    est, low, high, cons = (positive(sl[k]) for k in ("estimate", "low", "high", "conservative"))
    ax.axvspan(
        tested.min(), tested.max(), color="#eeeeee", zorder=0, label=t("legend_tested", lang)
    )
    ax.fill_between(
        c,
        low,
        high,
        color="#0072B2",
        alpha=0.18,
        linewidth=0,
        zorder=1,
        label=t("legend_ci", lang),
    )
    ax.plot(c, est, color="#0072B2", zorder=3, label=t("legend_estimate", lang))
    ax.plot(
        c,
        cons,
        color="#D55E00",
        linestyle=(0, (5, 2)),
        zorder=3,
        label=t("legend_conservative", lang),
    )
    if marks_c.size:
        at = _shelf_life_curve(fit, marks_c + 273.15)
        y = positive(at["estimate"])
        for i, (ci, yi) in enumerate(zip(marks_c, y, strict=True)):
            ax.axvline(ci, color="#444444", linewidth=0.9, linestyle=":", zorder=2)
            if np.isfinite(yi):
                ax.plot(
                    ci,
                    yi,
                    marker="o",
                    color="#222222",
                    markersize=6,
                    linestyle="none",
                    zorder=4,
                    label=t("legend_storage", lang) if i == 0 else None,
                )
    ax.set_xlim(lo_c, hi_c)
    from matplotlib.ticker import MultipleLocator

    ax.xaxis.set_major_locator(MultipleLocator(10.0 if hi_c - lo_c > 30 else 5.0))
    ax.set_xlabel(t("axis_temperature", lang))
    ax.set_ylabel(t("axis_shelf_life", lang, unit=unit_label("day", lang)))
    if np.any(np.isfinite(est)) or np.any(np.isfinite(cons)):
        ax.set_yscale("log")
        _plain_log_axis(ax.yaxis, lang)
    else:
        ax.text(0.5, 0.5, t("never", lang), transform=ax.transAxes, ha="center", va="center")
    ax.grid(True, which="major", axis="both")
    ax.legend(loc="upper right")  # shelf life falls as the temperature rises
    _localise(ax.xaxis, lang)
    return ax


def _draw_qq(fit: FitResult, ax: Axes, lang: str) -> Axes:
    from .diagnostics import normal_scores, studentized_residuals

    r = studentized_residuals(fit)
    ok = np.flatnonzero(np.isfinite(r))
    idx = ok[np.argsort(r[ok], kind="stable")]
    z = normal_scores(idx.size)
    styles = _temperature_styles(fit.temperature)
    T_sorted = fit.temperature[idx]
    for T, st in styles.items():
        m = np.isclose(T_sorted, T)
        ax.plot(
            z[m],
            r[idx][m],
            linestyle="none",
            marker=st["marker"],
            color=st["color"],
            markeredgecolor="white",
            markeredgewidth=0.5,
            alpha=0.85,
            label=format_celsius(T, lang),
            zorder=3,
        )
    lim = max(3.0, float(np.max(np.abs(z))) if z.size else 0.0) * 1.08
    if idx.size:
        lim = max(lim, float(np.max(np.abs(r[idx]))) * 1.08)
    ref = np.array([-lim, lim])
    ax.plot(
        ref,
        ref,
        color="#444444",
        linewidth=0.9,
        linestyle=(0, (5, 3)),
        zorder=1,
        label=t("legend_normal_line", lang),
    )
    ax.set_xlim(-lim, lim)
    ax.set_ylim(-lim, lim)
    dimensionless = unit_label("", lang)
    ax.set_xlabel(t("axis_normal_quantile", lang, unit=dimensionless))
    ax.set_ylabel(t("axis_studentized", lang, unit=dimensionless))
    ax.legend(loc="upper left")
    _localise(ax.xaxis, lang)
    _localise(ax.yaxis, lang)
    return ax


def _draw_studentized(fit: FitResult, ax: Axes, lang: str) -> Axes:
    from .diagnostics import OUTLIER_THRESHOLD, studentized_residuals

    r = studentized_residuals(fit)
    _scatter_against_fitted(fit, ax, r, lang)
    for sign in (1.0, -1.0):
        ax.axhline(
            2.0 * sign,
            color="#777777",
            linewidth=0.9,
            linestyle=":",
            zorder=1,
            label=t("legend_two_sd", lang) if sign > 0 else None,
        )
        ax.axhline(
            OUTLIER_THRESHOLD * sign,
            color="#D55E00",
            linewidth=1.0,
            linestyle=(0, (5, 3)),
            zorder=1,
            label=t("legend_three_sd", lang) if sign > 0 else None,
        )
    # label suspected outliers with their row (data file row, or position in the arrays)
    rows = fit.rows if fit.rows is not None else np.arange(1, r.size + 1)
    for i in np.flatnonzero(np.abs(np.nan_to_num(r, nan=0.0)) > OUTLIER_THRESHOLD):
        ax.annotate(
            str(rows[i]),
            (fit.fitted[i], r[i]),
            textcoords="offset points",
            xytext=(4, 3),
            fontsize=7.5,
            color="#222222",
        )
    finite = r[np.isfinite(r)]
    lim = max(OUTLIER_THRESHOLD + 0.5, float(np.max(np.abs(finite))) * 1.15 if finite.size else 0)
    ax.set_ylim(-lim, lim)
    unit = unit_label(fit.attribute.unit, lang)
    ax.set_xlabel(t("axis_fitted", lang, unit=unit))
    ax.set_ylabel(t("axis_studentized", lang, unit=unit_label("", lang)))
    # a fixed corner ("best" is slow with many points), opaque enough to read over them
    ax.legend(loc="upper right", frameon=True, framealpha=0.9, facecolor="white", edgecolor="none")
    _localise(ax.xaxis, lang)
    _localise(ax.yaxis, lang)
    return ax


# ----------------------------------------------------------------------- public API
def plot_fit(fit: FitResult, ax: Axes | None = None, *, lang: str = "en") -> Axes:
    """Measurements and the fitted mean curve per temperature, with the limit.

    Parameters
    ----------
    fit : FitResult
        A one-step fit.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is made when omitted.
    lang : {"en", "id"}
        Language of the labels.

    Returns
    -------
    matplotlib.axes.Axes
        x: storage time [day]; y: the attribute [its unit].
    """
    check_lang(lang)
    import matplotlib

    with matplotlib.rc_context(STYLE):
        return _draw_fit(fit, _axes(ax), lang)


def plot_residuals(fit: FitResult, ax: Axes | None = None, *, lang: str = "en") -> Axes:
    """Residuals against fitted values, one marker per temperature, with the zero line.

    Parameters
    ----------
    fit : FitResult
    ax : matplotlib.axes.Axes, optional
    lang : {"en", "id"}

    Returns
    -------
    matplotlib.axes.Axes
        x: fitted value [attribute unit]; y: residual [attribute unit].
    """
    check_lang(lang)
    import matplotlib

    with matplotlib.rc_context(STYLE):
        return _draw_residuals(fit, _axes(ax), lang)


def plot_arrhenius(fit: FitResult, ax: Axes | None = None, *, lang: str = "en") -> Axes:
    r"""Arrhenius plot: ln k against 1000/T with the one-step line and its 95 % band.

    The band is the delta-method confidence interval of :math:`\ln k(T)`:
    :math:`\mathrm{var} = g \Sigma g^\top` with :math:`g = \partial \ln k/\partial\theta`
    over the temperature parameters and Student's t on the residual degrees of freedom.
    The points are the two-step rate constants per temperature (positive ones only). The
    top axis shows the temperature in °C.

    Parameters
    ----------
    fit : FitResult
    ax : matplotlib.axes.Axes, optional
    lang : {"en", "id"}

    Returns
    -------
    matplotlib.axes.Axes
        x: 1000/T [1/K]; y: ln k [ln(rate unit)].
    """
    check_lang(lang)
    import matplotlib

    with matplotlib.rc_context(STYLE):
        return _draw_arrhenius(fit, _axes(ax), lang)


def plot_shelf_life(
    fit: FitResult,
    ax: Axes | None = None,
    temperatures: Any = None,
    *,
    lang: str = "en",
) -> Axes:
    """Shelf life against temperature (10 to 50 °C) on a log axis.

    Draws the estimate, its 95 % confidence interval and the conservative value (ICH
    Q1E); the tested temperature range is shaded.

    Parameters
    ----------
    fit : FitResult
    ax : matplotlib.axes.Axes, optional
    temperatures : temperature-like or list, optional
        Storage temperatures to mark, e.g. ``["30 degC"]``. [°C, K or °F]
    lang : {"en", "id"}

    Returns
    -------
    matplotlib.axes.Axes
        x: temperature [°C]; y: shelf life [day].
    """
    check_lang(lang)
    import matplotlib

    marks = None
    if temperatures is not None:
        from .units import to_kelvin

        if isinstance(temperatures, (list, tuple)):
            marks = np.array([float(to_kelvin(x)) for x in temperatures])
        else:
            marks = np.atleast_1d(np.asarray(to_kelvin(temperatures), dtype=float))
    with matplotlib.rc_context(STYLE):
        return _draw_shelf_life(fit, _axes(ax), lang, marks)


def plot_qq(fit: FitResult, ax: Axes | None = None, *, lang: str = "en") -> Axes:
    r"""Normal Q-Q plot of the studentised residuals, one marker per temperature.

    The sorted studentised residuals :math:`r_{(i)}`
    (:func:`shelflife.diagnostics.studentized_residuals`) are plotted against the expected
    standard normal order statistics :math:`\Phi^{-1}[(i - a)/(n + 1 - 2a)]` (Blom
    plotting positions, :func:`shelflife.diagnostics.normal_scores`) with the line
    :math:`y = x`. Points bending away at the ends mean heavy tails or outliers; an S shape
    means skewed errors; one temperature's points apart from the rest mean the model misses
    that temperature.

    Parameters
    ----------
    fit : FitResult
    ax : matplotlib.axes.Axes, optional
    lang : {"en", "id"}

    Returns
    -------
    matplotlib.axes.Axes
        x: standard normal quantile [-]; y: studentised residual [-].
    """
    check_lang(lang)
    import matplotlib

    with matplotlib.rc_context(STYLE):
        return _draw_qq(fit, _axes(ax), lang)


def plot_studentized(fit: FitResult, ax: Axes | None = None, *, lang: str = "en") -> Axes:
    """Studentised residuals against fitted values with ±2 and ±3.5 lines.

    One marker per temperature; points beyond ±3.5 (suspected outliers,
    :func:`shelflife.diagnostics.suspected_outliers`) are labelled with their row in the
    data file (or their 1-based position when the fit has no rows).

    Parameters
    ----------
    fit : FitResult
    ax : matplotlib.axes.Axes, optional
    lang : {"en", "id"}

    Returns
    -------
    matplotlib.axes.Axes
        x: fitted value [attribute unit]; y: studentised residual [-].
    """
    check_lang(lang)
    import matplotlib

    with matplotlib.rc_context(STYLE):
        return _draw_studentized(fit, _axes(ax), lang)
