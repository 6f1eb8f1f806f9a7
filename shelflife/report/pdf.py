"""The PDF durability report, typeset in pure Python from the report's own HTML.

One source of truth: the PDF is not a second template but the HTML report itself,
converted. :func:`pdf_from_builder` asks a report builder for its HTML with the plots as
PNG images (:func:`figure_format`), and :func:`build_pdf` typesets that HTML:

1. the document is parsed with :mod:`html.parser` (stdlib) into a small element tree;
2. its stylesheet is read for print (``@media print``, ``@page``; a small CSS subset), so
   boxes, grids, fonts, colours and page breaks follow the HTML report;
3. the tree becomes reportlab Platypus flowables: paragraphs with escaped text, tables
   whose columns fit the page (smaller type first, then wrapping) with their header row
   repeated on every page, figures kept with their captions, an outline (bookmarks) from
   the headings; the on-screen table of contents is hidden as in print;
4. every page gets a footer with the report title and "page x of y".

Only reportlab (a pure-Python wheel) and matplotlib's bundled DejaVu fonts are used: no
system library, no system font. The fonts are embedded as subsets, so °C, ±, µ, ≤, ≥, ×
and Indonesian text are selectable and extract correctly. The output is deterministic: the
same HTML gives byte-identical PDF bytes (reportlab's invariant mode, no creation or
modification date in the document information).

Examples
--------
>>> pdf = build_pdf("<html><head><title>T</title></head><body><h1>30 °C ± 2</h1>"
...                 "<table><tr><td>µg/g</td></tr></table></body></html>", lang="en")
>>> pdf[:5], pdf == build_pdf("<html><head><title>T</title></head><body><h1>30 °C ± 2</h1>"
...                 "<table><tr><td>µg/g</td></tr></table></body></html>", lang="en")
(b'%PDF-', True)
"""

from __future__ import annotations

import contextlib
import functools
import io
import threading
from collections.abc import Callable, Iterator
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFName, PDFString
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Spacer

from ._pdfcss import UA_CSS, Stylesheet
from ._pdffonts import fonts
from ._pdfhtml import Element, parse_html
from ._pdflayout import Layout
from .builder import _FIGURE_FORMAT
from .i18n import check_lang, t

__all__ = ["build_pdf", "pdf_from_builder", "figure_format"]

#: Footer type size [pt] and colour.
FOOTER_SIZE = 7.5
FOOTER_COLOUR = "#59636e"


@contextlib.contextmanager
def figure_format(fmt: str) -> Iterator[None]:
    """Within the block, report builders embed plots as ``"svg"`` or ``"png"``.

    Parameters
    ----------
    fmt : {"svg", "png"}
        ``"png"``: each plot becomes ``<img class="plot" src="data:image/png;base64,...">``
        (rendered by matplotlib at :data:`shelflife.report.builder.PNG_DPI`, with
        deterministic bytes), which the PDF converter can place.

    Examples
    --------
    >>> from shelflife.report.builder import _FIGURE_FORMAT
    >>> with figure_format("png"):
    ...     _FIGURE_FORMAT.get()
    'png'
    >>> _FIGURE_FORMAT.get()
    'svg'
    """
    if fmt not in ("svg", "png"):
        from ..errors import InputError

        raise InputError("option_unknown", what="figure format", value=fmt, choices="svg, png")
    token = _FIGURE_FORMAT.set(fmt)
    try:
        yield
    finally:
        _FIGURE_FORMAT.reset(token)


def pdf_from_builder(build: Callable[[], str], *, lang: str = "en") -> bytes:
    """The PDF of a report: ``build()`` with PNG plots, typeset by :func:`build_pdf`.

    Parameters
    ----------
    build : callable
        Returns the report's HTML, e.g. ``lambda: analysis.report(lang="id")``.
    lang : {"en", "id"}
        Language of the page footer and of the document.

    Returns
    -------
    bytes
        The PDF file.
    """
    check_lang(lang)
    with figure_format("png"):
        html = build()
    return build_pdf(html, lang=lang)


def build_pdf(html: str, *, lang: str | None = None) -> bytes:
    """Typeset an HTML report as PDF (A4 unless its ``@page`` rule says otherwise).

    Parameters
    ----------
    html : str
        A report from :func:`shelflife.report.build_report` (or any of the report
        builders; plots should be PNG images, see :func:`figure_format`: inline SVG is
        replaced by a note).
    lang : {"en", "id"}, optional
        Language of the page footer ("page x of y" / "halaman x dari y") and of the PDF;
        default: the document's ``<html lang>``, else English.

    Returns
    -------
    bytes
        The PDF file: selectable text in embedded DejaVu fonts, an outline from the
        headings, title/author/subject from the report; byte-identical for the same input.

    Raises
    ------
    shelflife.errors.InputError
        ``option_unknown`` for an unsupported language.
    """
    root = parse_html(html)
    doc_el = next(root.iter("html"), None)
    if lang is None:
        lang = (doc_el.attrs.get("lang", "en") if doc_el is not None else "en").split("-")[0]
        lang = lang if lang in ("en", "id") else "en"
    check_lang(lang)
    css = ["".join(c for c in el.children if isinstance(c, str)) for el in root.iter("style")]
    sheet = Stylesheet.from_css(UA_CSS, *css)
    page = sheet.page
    top, right, bottom, left = page.margin
    width = page.width - left - right

    def missing(alt: str) -> str:
        return t("pdf_figure_missing", lang, alt=alt or t("pdf_figure", lang))

    layout = Layout(root, sheet, missing)
    flows = layout.body(width) or [Spacer(0, 0)]  # an empty report is still one page

    title = _text_of(root, "title") or _text_of(root, "h1") or "shelflife"
    meta = {m.attrs.get("name", "").lower(): m.attrs.get("content", "") for m in root.iter("meta")}
    from .. import __version__

    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=(page.width, page.height),
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=title,
        author=meta.get("author") or "shelflife",
        subject=meta.get("description") or _text_of(root, "h1") or title,
        creator=f"shelflife {__version__}",
        producer="shelflife (reportlab)",
        keywords=meta.get("keywords", ""),
        lang=lang,
        initialFontName=fonts().sans[0],  # no unused Helvetica in the font resources
        initialFontSize=FOOTER_SIZE,
        invariant=1,
        pageCompression=1,
        displayDocTitle=1,
    )
    frame = Frame(
        left, bottom, width, page.height - top - bottom, id="body",
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
    )  # fmt: skip
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=_footer(title, page))])
    canvasmaker = functools.partial(
        _Canvas,
        page_label=lambda i, n: t("pdf_page", lang, page=i, pages=n),
        right=page.width - right,
        baseline=bottom / 2 - FOOTER_SIZE / 2,
    )
    with _binary_streams():
        doc.build(flows, canvasmaker=canvasmaker)
    return buf.getvalue()


# ------------------------------------------------------------------------ helpers
_RL_CONFIG_LOCK = threading.Lock()


@contextlib.contextmanager
def _binary_streams() -> Iterator[None]:
    """Write streams zlib-compressed only, without reportlab's ASCII85 layer.

    ASCII85 makes binary data 25 % larger and, without reportlab's optional C accelerator,
    encoding the plots alone takes longer than typesetting the whole report. The setting
    is global in reportlab, so it is restored afterwards (under a lock).
    """
    from reportlab import rl_config

    with _RL_CONFIG_LOCK:
        old = rl_config.useA85
        rl_config.useA85 = 0
        try:
            yield
        finally:
            rl_config.useA85 = old


def _text_of(root: Element, tag: str) -> str:
    el = next(root.iter(tag), None)
    return el.text() if el is not None else ""


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` [pt]."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _footer(title: str, page: Any) -> Callable[[Canvas, Any], None]:
    top, right, bottom, left = page.margin
    font = fonts().sans[0]

    def draw(canv: Canvas, doc: Any) -> None:
        canv.saveState()
        canv.setFont(font, FOOTER_SIZE)
        canv.setFillColor(colors.HexColor(FOOTER_COLOUR))
        y = bottom / 2 - FOOTER_SIZE / 2
        room = 0.62 * (page.width - left - right)
        canv.drawString(left, y, _fit(title, font, FOOTER_SIZE, room))
        canv.restoreState()
        canv.page_footer()  # type: ignore[attr-defined]
        if canv.getPageNumber() == 1:
            canv.showOutline()

    return draw


class _Info(PDFInfo):
    """Document information without creation and modification dates (deterministic)."""

    def format(self, document: Any) -> bytes:
        """The information dictionary: title, author, subject, creator, producer."""
        d = {
            "Title": PDFString(self.title),
            "Author": PDFString(self.author),
            "Subject": PDFString(self.subject),
            "Creator": PDFString(self.creator),
            "Producer": PDFString(self.producer),
            "Trapped": PDFName(self.trapped),
        }
        if self.keywords:
            d["Keywords"] = PDFString(self.keywords)
        return PDFDictionary(d).format(document)


class _Canvas(Canvas):
    """A canvas whose pages end with "page x of y": the total is known only at the end.

    Each page draws a form XObject named after its number; :meth:`save` defines the forms
    once the page count is known (bookmarks and links keep their pages, unlike canvases that
    hold back whole pages).
    """

    def __init__(
        self,
        *args: Any,
        page_label: Callable[[int, int], str],
        right: float,
        baseline: float,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        info = _Info()
        info.__dict__.update(self._doc.info.__dict__)
        self._doc.info = info
        self._page_label = page_label
        self._right = right
        self._baseline = baseline
        self._footers = 0

    def page_footer(self) -> None:
        """Place this page's "page x of y" (defined in :meth:`save`)."""
        self._footers += 1
        self.doForm(f"shelflife-page-{self._footers}")

    def save(self) -> None:
        """Define the page-number forms, then write the file."""
        n = self._footers
        font = fonts().sans[0]
        for i in range(1, n + 1):
            self.beginForm(f"shelflife-page-{i}")
            self.setFont(font, FOOTER_SIZE)
            self.setFillColor(colors.HexColor(FOOTER_COLOUR))
            self.drawRightString(self._right, self._baseline, self._page_label(i, n))
            self.endForm()
        super().save()
