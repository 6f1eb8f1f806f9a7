"""The plots of the HTML durability report, drawn as inline SVG (or PNG for the PDF).

Each plot is drawn on a fresh :class:`matplotlib.figure.Figure` (no GUI backend) with the
project's style and fixed margins, and embedded as inline ``<svg>`` markup without its
fixed size, or, when :data:`_FIGURE_FORMAT` is ``"png"`` (set by
:func:`shelflife.report.pdf.figure_format`), as an ``<img>`` with a PNG data URI. The output
is deterministic (no date, no software version, fixed SVG ids through ``svg.hashsalt``).
matplotlib is imported only when a plot is drawn.
"""

from __future__ import annotations

import base64
import contextvars
import html
import io
import re
from typing import TYPE_CHECKING, Any

from .i18n import format_number, t

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import AttributeAnalysis
    from ..results import FitResult

__all__ = ["FIGSIZE", "PNG_DPI"]

#: Size of each plot [inch].
FIGSIZE = (4.6, 3.2)
_MARGINS = {"left": 0.15, "right": 0.97, "bottom": 0.15, "top": 0.965}
_MARGINS_TOP_AXIS = {**_MARGINS, "top": 0.85}


_SVG_START = re.compile(r"<svg\b")
_SVG_SIZE = re.compile(r'\s(width|height)="[0-9.]+pt"')


#: How report plots are embedded: ``"svg"`` (inline SVG, the HTML report) or ``"png"`` (an
#: ``<img>`` with a PNG data URI, which the PDF converter can place). Set it with
#: :func:`shelflife.report.pdf.figure_format`; a context variable, so threads and async
#: tasks each keep their own.
_FIGURE_FORMAT: contextvars.ContextVar[str] = contextvars.ContextVar(
    "shelflife_report_figure_format", default="svg"
)
#: Resolution of PNG plots [dot/inch].
PNG_DPI = 200


def _png_img(fig: Any) -> Any:
    """A drawn Figure as ``<img class="plot">`` with a PNG data URI (deterministic bytes)."""
    from markupsafe import Markup

    buf = io.BytesIO()
    # no "Software" text chunk: the same plot gives the same bytes whatever the version
    fig.savefig(buf, format="png", dpi=PNG_DPI, metadata={"Software": None})
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    ax = fig.axes[0] if fig.axes else None
    alt = ""
    if ax is not None:
        alt = ax.get_title() or " / ".join(x for x in (ax.get_ylabel(), ax.get_xlabel()) if x)
    alt = html.escape(alt, quote=True)
    return Markup(f'<img class="plot" src="data:image/png;base64,{data}" alt="{alt}">')


def _svg_markup(text: str) -> Any:
    """Matplotlib's SVG output as inline ``<svg class="plot">`` markup for a report.

    The XML prolog is dropped, and so is the fixed size of the root element: CSS scales the
    plot to the column. Shared by the kinetics and the real-time (ICH Q1E) reports.
    """
    from markupsafe import Markup

    start = _SVG_START.search(text)
    text = text[start.start() :] if start else text
    head_end = text.index(">")
    # drop the fixed size of the root element: CSS scales the plot to the column
    head = _SVG_SIZE.sub("", text[:head_end])
    text = head + ' class="plot" role="img"' + text[head_end:]
    # Our own SVG from matplotlib (text inside it is XML-escaped by matplotlib).
    return Markup(text)


def _svg(draw, fit: FitResult, lang: str, *args: Any, margins: dict | None = None) -> Any:
    """Draw one plot on a fresh Figure and return it as inline SVG markup.

    When :data:`_FIGURE_FORMAT` is ``"png"``, an ``<img>`` with the plot as a PNG data URI
    is returned instead (for the PDF report).
    """
    import matplotlib
    from matplotlib.figure import Figure

    from ..plotting import STYLE

    buf = io.StringIO()
    # text.parse_math off: titles, labels, legends and category ticks carry user text
    # (attribute labels, product, film and market names), shown literally; matplotlib would
    # read "$...$" in them as TeX and fail on "$x^{". The report's plots use no TeX of their
    # own (log axes are labelled with plain numbers, plotting._plain_log_axis).
    with matplotlib.rc_context({**STYLE, "text.parse_math": False}):
        # fixed margins instead of constrained layout: half the drawing time, same look
        fig = Figure(figsize=FIGSIZE, layout="none")
        if margins is None:
            margins = _MARGINS_TOP_AXIS if draw.__name__ == "_draw_arrhenius" else _MARGINS
        fig.subplots_adjust(**margins)
        ax = fig.add_subplot()
        draw(fit, ax, lang, *args)
        if _FIGURE_FORMAT.get() == "png":
            return _png_img(fig)
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return _svg_markup(buf.getvalue())


def _plots(aa: AttributeAnalysis, storage_K: tuple[float, ...], lang: str) -> list[dict[str, Any]]:
    import numpy as np

    from .. import plotting
    from ..diagnostics import OUTLIER_THRESHOLD

    fit = aa.fit
    marks = np.asarray(storage_K, dtype=float)
    studentized_caption = t("fig_studentized", lang)
    d = aa.diagnostics
    if d is not None and d.outlier_threshold != OUTLIER_THRESHOLD:
        # the plot marks ±3; say which limit the outlier check of the report used
        threshold = format_number(d.outlier_threshold, lang, 2, trim=True)
        studentized_caption += " " + t("fig_studentized_threshold", lang, threshold=threshold)
    return [
        {"svg": _svg(plotting._draw_fit, fit, lang), "caption": t("fig_fit", lang)},
        {"svg": _svg(plotting._draw_studentized, fit, lang), "caption": studentized_caption},
        {"svg": _svg(plotting._draw_qq, fit, lang), "caption": t("fig_qq", lang)},
        {
            "svg": _svg(plotting._draw_arrhenius, fit, lang, marks),
            "caption": t("fig_arrhenius", lang),
        },
        {
            "svg": _svg(plotting._draw_shelf_life, fit, lang, marks),
            "caption": t("fig_shelf_life", lang),
        },
    ]
