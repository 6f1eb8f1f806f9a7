"""Typeset an HTML element tree with its stylesheet as reportlab Platypus flowables.

The converter is generic over the HTML our templates produce: block and inline elements,
headings, paragraphs, lists, definition lists, tables, figures with PNG images, and
containers styled by the report's CSS (boxes with borders and backgrounds, grids and flex
rows, page breaks, "keep together"). It knows no template by name: a new element that uses
existing classes looks as it does on screen, and any element it does not know still has its
text typeset (never dropped). Text is always escaped before it reaches reportlab's
paragraph markup.

Fonts: :mod:`._pdffonts`; custom flowables and margin helpers: :mod:`._pdfflow`. The
converter's parts are mixins combined into :class:`Layout`: computed styles
(:mod:`._pdfstyles`), inline text (:mod:`._pdfinline`), measuring (:mod:`._pdfmeasure`) and
tables, grids and flex rows (:mod:`._pdftables`); this module holds the block flow (boxes,
headings, lists, preformatted text, images).
"""

from __future__ import annotations

import base64
import io
import re
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    PageBreakIfNotEmpty,
    Table,
    XPreformatted,
)

from ._pdfcss import Computed
from ._pdfflow import (
    Bookmark,
    Picture,
    cell,
    collapse,
    indent,
    keep_with_next,
    merge_keep,
    space,
)
from ._pdfhtml import Element
from ._pdfinline import _escape, _InlineMixin

# ``X as X``: importable from here as before the split
from ._pdftables import MIN_TABLE_SCALE as MIN_TABLE_SCALE
from ._pdftables import _TablesMixin

__all__ = ["Layout"]

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


# -------------------------------------------------------------------------- layout
class Layout(_TablesMixin, _InlineMixin):
    """Flowables for one HTML document.

    Parameters
    ----------
    root : Element
        The parsed document (see :func:`shelflife.report._pdfhtml.parse_html`).
    sheet : Stylesheet
        User-agent plus the document's style sheets.
    missing_figure : callable
        ``missing_figure(alt) -> str``: the text shown in place of a figure that cannot be
        placed (an inline SVG, or an image that is not a data URI).
    """

    # -------------------------------------------------------------- blocks
    def body(self, width: float) -> list[Flowable]:
        """The flowables of the whole document (its ``<body>``, else the root)."""
        body = next(self.root.iter("body"), None)
        return self.blocks(body or self.root, width)

    def blocks(
        self,
        el: Element,
        width: float,
        scale: float = 1.0,
        bullet: list[str] | None = None,
    ) -> list[Flowable]:
        """The content of ``el`` (not its own box): inline runs become paragraphs."""
        st = self.style(el) if el.tag != "#document" else Computed()
        out: list[Flowable] = []
        run: list[str] = []

        def flush() -> None:
            if run:
                p = self._paragraph("".join(run), st, scale, bullet)
                if p is not None:
                    out.append(p)
                run.clear()

        for child in el.children:
            if isinstance(child, str):
                run.append(self._text(child, st, scale))
            elif self._is_block(child):
                flush()
                if bullet:  # a list item that starts with a block: the bullet on its own
                    p = self._paragraph("", st, scale, bullet)
                    if p is not None:
                        out.append(p)
                out.extend(self.block(child, width, scale))
            else:
                run.append(self._inline(child, st, scale))
        flush()
        out = merge_keep(out)
        collapse(out)
        return out

    def block(self, el: Element, width: float, scale: float = 1.0) -> list[Flowable]:
        """One block element with its box: margins, borders, background, breaks."""
        st = self.style(el)
        if st.display == "none":
            return []
        tag = el.tag
        ml, mr = max(st.margin[3], 0.0), max(st.margin[1], 0.0)
        bl = st.border[3].width if st.border[3] else 0.0
        br = st.border[1].width if st.border[1] else 0.0
        pad_l, pad_r = st.padding[3], st.padding[1]
        boxed = bool(st.background) or (st.border[1] is not None or st.border[3] is not None)
        inner = max(width - ml - mr - (bl + br + pad_l + pad_r), 20.0)
        if tag == "img":
            flows = self.image(el, inner)
        elif tag == "svg":
            label = el.attrs.get("aria-label") or el.attrs.get("alt") or ""
            p = self._paragraph(_escape(self.missing_figure(label)), st, scale, None)
            flows = [p] if p is not None else []
        elif st.display == "table" or tag == "table":
            flows = self.table(el, inner, scale)
        elif tag in ("ul", "ol"):
            flows = self.listing(el, inner, scale, pad_l + ml)
        elif tag == "pre":
            flows = [self._pre(el, st, inner, scale)]
        elif tag == "hr":
            b = st.border[0] or st.border[2]
            flows = [
                HRFlowable(
                    width="100%",
                    thickness=b.width if b else 0.75,
                    color=colors.HexColor(b.colour if b else "#888888"),
                    spaceBefore=0,
                    spaceAfter=0,
                )
            ]
        elif st.display == "grid":
            flows = self.grid(el, inner, scale)
        elif st.display == "flex":
            flows = self.flex(el, inner, scale)
        else:
            flows = self.blocks(el, inner, scale)
        if tag in _HEADINGS and flows:
            flows = self._heading(el, flows)
        if not flows:
            return []
        # borders all round or a background: a one-cell table draws the box
        if boxed:
            # rules are drawn centred on the box's edges: keep them inside the frame
            half = (bl + br) / 2
            flows = indent(
                [self._box(flows, st, width - ml - mr - half)], ml + bl / 2, self._restyle
            )
        else:
            if st.border[0] is not None:
                flows.insert(0, self._rule(st.border[0], after=st.padding[0]))
            if st.border[2] is not None:
                flows.append(self._rule(st.border[2], before=st.padding[2]))
                if tag in _HEADINGS:
                    keep_with_next(flows)
            if tag not in ("ul", "ol"):
                flows = indent(flows, ml + pad_l, self._restyle)
        space(flows, st.margin[0], st.margin[2])
        if st.avoid_break_inside:
            flows = [KeepTogether(flows)]
        if st.break_before:
            flows.insert(0, PageBreakIfNotEmpty())
        return flows

    def _pre(self, el: Element, st: Computed, width: float, scale: float) -> XPreformatted:
        """Preformatted text; lines longer than the frame are broken (never cut off)."""
        raw = "".join(_raw_text(el)).strip("\n")
        font, size = self.fonts.name(st.mono, st.bold, st.italic), st.size * scale
        lines = []
        for line in raw.split("\n"):
            while pdfmetrics.stringWidth(line, font, size) > width and len(line) > 1:
                k = len(line) - 1
                while k > 1 and pdfmetrics.stringWidth(line[:k], font, size) > width:
                    k = max(1, int(k * 0.9))
                lines.append(line[:k])
                line = line[k:]
            lines.append(line)
        return XPreformatted(self._text("\n".join(lines), st, scale), self._pstyle(st, scale))

    def _heading(self, el: Element, flows: list[Flowable]) -> list[Flowable]:
        rank = _HEADINGS[el.tag]
        keep_with_next(flows)
        if rank > 3:
            return flows
        level = 0 if rank <= 2 else 1
        level = min(level, self._outline_level + 1)
        self._outline_level = level
        self._bookmarks += 1
        title = el.text() or "–"
        return [Bookmark(f"h{self._bookmarks}", title, level), *flows]

    def _rule(self, border: Any, before: float = 0.0, after: float = 0.0) -> HRFlowable:
        return HRFlowable(
            width="100%",
            thickness=border.width,
            color=colors.HexColor(border.colour),
            spaceBefore=before,
            spaceAfter=after,
        )

    def _box(self, flows: list[Flowable], st: Computed, width: float) -> Table:
        pt, pr, pb, pl = st.padding
        cmds: list[tuple] = [
            ("LEFTPADDING", (0, 0), (-1, -1), pl + (st.border[3].width if st.border[3] else 0)),
            ("RIGHTPADDING", (0, 0), (-1, -1), pr),
            ("TOPPADDING", (0, 0), (-1, -1), pt),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pb),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
        if st.background:
            cmds.append(("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(st.background)))
        names = ("LINEABOVE", "LINEAFTER", "LINEBELOW", "LINEBEFORE")
        for side, name in zip((0, 1, 2, 3), names, strict=True):
            b = st.border[side]
            if b is not None:
                # lines are centred on the edge: keep the thick left rule inside the box
                cmds.append((name, (0, 0), (-1, -1), b.width, colors.HexColor(b.colour)))
        table = self._Table(
            [[cell(flows)]], colWidths=[width], style=self._tstyle(cmds), splitInRow=1
        )
        table.hAlign = "LEFT"
        return table

    # ---------------------------------------------------------------- lists
    def listing(self, el: Element, width: float, scale: float, left: float) -> list[Flowable]:
        """``<ul>``/``<ol>``: items indented, with bullets or numbers."""
        ordered = el.tag == "ol"
        try:
            n = int(el.attrs.get("start", "1"))
        except ValueError:
            n = 1
        inner = max(width, 20.0)
        out: list[Flowable] = []
        for child in el.children:
            if isinstance(child, str):
                if child.strip():
                    p = self._paragraph(
                        self._text(child, self.style(el), scale), self.style(el), scale, None
                    )
                    out.extend([p] if p is not None else [])
                continue
            st = self.style(child)
            if st.display == "none":
                continue
            if st.display == "list-item":
                mark = f"{n}." if ordered else "•"
                n += 1
                flows = self.blocks(child, inner, scale, bullet=[mark])
                space(flows, st.margin[0], st.margin[2])
                out.extend(flows)
            else:
                out.extend(self.block(child, inner, scale))
        collapse(out)
        return indent(out, left, self._restyle)

    # --------------------------------------------------------------- images
    def image(self, el: Element, width: float) -> list[Flowable]:
        """``<img>`` with a data URI (PNG or JPEG); other sources are named, not fetched."""
        from PIL import Image as PILImage

        src = el.attrs.get("src", "")
        alt = el.attrs.get("alt", "")
        m = re.match(r"^data:image/(png|jpeg|jpg|gif);base64,(.*)$", src, re.S)
        st = self.style(el)
        if not m:
            p = self._paragraph(_escape(self.missing_figure(alt)), st, 1.0, None)
            return [p] if p is not None else []
        try:
            data = base64.b64decode(m.group(2))
            with PILImage.open(io.BytesIO(data)) as im:
                px, py = im.size
                dpi = im.info.get("dpi", (96, 96))[0] or 96
                pixels = _opaque_rgb(im)
        except (ValueError, OSError):  # not an image: say so instead of failing
            p = self._paragraph(_escape(self.missing_figure(alt)), st, 1.0, None)
            return [p] if p is not None else []
        natural = px * 72.0 / float(dpi)
        if st.width is not None:
            natural = st.width
        w = min(width, natural)
        h = w * py / px
        img = Picture(pixels, w, h)
        img.hAlign = "LEFT"
        return [img]


def _opaque_rgb(im: Any) -> Any:
    """The image as RGB; an alpha channel is kept only where it is not fully opaque.

    Plots are opaque: without the (constant) alpha channel reportlab embeds no soft mask,
    which halves the work of embedding them.
    """
    im.load()
    if im.mode in ("RGBA", "LA") or (im.mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        if rgba.getchannel("A").getextrema() == (255, 255):
            return rgba.convert("RGB")
        return rgba
    return im.convert("RGB") if im.mode not in ("RGB", "L") else im.copy()


def _raw_text(el: Element) -> list[str]:
    out: list[str] = []
    for c in el.children:
        if isinstance(c, str):
            out.append(c)
        elif c.tag == "br":
            out.append("\n")
        else:
            out.extend(_raw_text(c))
    return out
