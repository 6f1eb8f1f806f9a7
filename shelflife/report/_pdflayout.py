"""Typeset an HTML element tree with its stylesheet as reportlab Platypus flowables.

The converter is generic over the HTML our templates produce: block and inline elements,
headings, paragraphs, lists, definition lists, tables, figures with PNG images, and
containers styled by the report's CSS (boxes with borders and backgrounds, grids and flex
rows, page breaks, "keep together"). It knows no template by name: a new element that uses
existing classes looks as it does on screen, and any element it does not know still has its
text typeset (never dropped). Text is always escaped before it reaches reportlab's
paragraph markup.

Fonts: :mod:`._pdffonts`; custom flowables and margin helpers: :mod:`._pdfflow`.
"""

from __future__ import annotations

import base64
import io
import re
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    PageBreakIfNotEmpty,
    Paragraph,
    Table,
    TableStyle,
    XPreformatted,
)

from ._pdfcss import Computed, Stylesheet, parse_length
from ._pdfflow import (
    Bookmark,
    Picture,
    SplitTable,
    cell,
    collapse,
    indent,
    keep_with_next,
    merge_keep,
    space,
)
from ._pdffonts import fonts
from ._pdfhtml import Element

__all__ = ["Layout"]

_BLOCK_DISPLAYS = frozenset(
    {
        "block",
        "list-item",
        "table",
        "grid",
        "flex",
        "flow-root",
        "table-row-group",
        "table-header-group",
        "table-footer-group",
        "table-row",
        "table-cell",
        "table-caption",
    }
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
#: Smallest font scale used to make a wide table fit the page.
MIN_TABLE_SCALE = 0.72
_WS = re.compile(r"[ \t\n\r\f]+")
#: Han ideographs, CJK punctuation and full-width forms [code point ranges]
_HAN = ((0x3000, 0x303F), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF))
_SPLIT_WS = re.compile(r"(\s+)")
_TAG = re.compile(r"<[^>]*>")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(text: str) -> str:
    return _escape(text).replace('"', "&quot;")


# -------------------------------------------------------------------------- layout
class Layout:
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

    def __init__(self, root: Element, sheet: Stylesheet, missing_figure: Any) -> None:
        self.root = root
        self.sheet = sheet
        self.fonts = fonts()
        self.missing_figure = missing_figure
        self.styles: dict[int, Computed] = {}
        self._cache: dict[tuple, Computed] = {}
        self._pstyles: dict[tuple, ParagraphStyle] = {}
        self._measured: dict[tuple[int, float], tuple[float, float]] = {}
        self._bookmarks = 0
        self._outline_level = -1
        self._blockish: dict[int, bool] = {}
        self._restyled: dict[tuple[int, float], ParagraphStyle] = {}
        self._compute(root, Computed(), (), [], 12.0)
        html = next(root.iter("html"), None)
        self.rem = self.style(html).size if html is not None else 12.0
        page = sheet.page
        height = page.height - page.margin[0] - page.margin[2]
        self._Table = type("_Table", (SplitTable,), {"frame_height": height})

    # ------------------------------------------------------------- styles
    def _compute(
        self, el: Element, parent: Computed, key: tuple, chain: list[Element], rem: float
    ) -> None:
        for child in el.children:
            if not isinstance(child, Element):
                continue
            ckey = (*key, (child.tag, child.classes))
            st = self._cache.get(ckey)
            if st is None:
                st = self.sheet.compute([*chain, child], parent, rem)
                self._cache[ckey] = st
            self.styles[id(child)] = st
            self._compute(
                child, st, ckey, [*chain, child], st.size if child.tag == "html" else rem
            )

    def style(self, el: Element) -> Computed:
        """The computed style of an element."""
        return self.styles.get(id(el)) or Computed()

    def _is_block(self, el: Element) -> bool:
        hit = self._blockish.get(id(el))
        if hit is not None:
            return hit
        st = self.style(el)
        if st.display == "none":
            res = False
        elif st.display in _BLOCK_DISPLAYS or el.tag in ("img", "svg"):
            res = True
        else:
            # an inline element that holds blocks is laid out as a block (as browsers do)
            res = any(isinstance(c, Element) and self._is_block(c) for c in el.children)
        self._blockish[id(el)] = res
        return res

    def _restyle(self, ps: ParagraphStyle, left: float) -> ParagraphStyle:
        key = (id(ps), left)
        hit = self._restyled.get(key)
        if hit is None:
            hit = ParagraphStyle(
                f"{ps.name}+{left:g}",
                parent=ps,
                leftIndent=ps.leftIndent + left,
                bulletIndent=ps.bulletIndent + left,
            )
            self._restyled[key] = hit
        return hit

    def _pstyle(
        self, st: Computed, scale: float = 1.0, bullet_indent: float | None = None
    ) -> ParagraphStyle:
        size = round(st.size * scale, 2)
        key = (
            st.mono,
            st.bold,
            st.italic,
            size,
            st.line_height,
            st.colour,
            st.align,
            bullet_indent,
        )
        ps = self._pstyles.get(key)
        if ps is None:
            font = self.fonts.name(st.mono, st.bold, st.italic)
            align = {"right": TA_RIGHT, "center": TA_CENTER, "justify": TA_JUSTIFY}
            ps = ParagraphStyle(
                f"s{len(self._pstyles)}",
                fontName=font,
                fontSize=size,
                leading=round(size * max(st.line_height, 1.0), 2),
                textColor=colors.HexColor(st.colour),
                alignment=align.get(st.align, TA_LEFT),
                spaceBefore=0,
                spaceAfter=0,
                splitLongWords=1,
                autoLeading="max",
                bulletFontName=self.fonts.sans[0],
                bulletFontSize=size,
                bulletIndent=bullet_indent or 0.0,
            )
            self._pstyles[key] = ps
        return ps

    # ------------------------------------------------------------- inline
    def _text(self, text: str, st: Computed, scale: float) -> str:
        if not st.pre:
            text = _WS.sub(" ", text)
        if st.upper:
            text = text.upper()
        covered = self.fonts.covered_mono if st.mono else self.fonts.covered_sans
        if all(ord(ch) in covered or ch in "\n\r\t" for ch in text):
            return _escape(text)
        # runs of characters the font lacks: DejaVu Sans for the mono font, else CJK
        out: list[str] = []
        run: list[str] = []
        run_font: str | None = None

        def font_for(ch: str) -> str | None:
            o = ord(ch)
            if o in covered or ch in "\n\r\t":
                return None
            if st.mono and o in self.fonts.covered_sans:
                return self.fonts.name(False, st.bold, st.italic)
            if 0x3040 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF:  # kana: Japanese
                return self.fonts.cjk_japanese
            if 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
                return self.fonts.cjk_korean
            if any(a <= o <= b for a, b in _HAN):
                return self.fonts.cjk_chinese
            return None  # no font has it: DejaVu's "missing glyph" box, never another glyph

        def flush() -> None:
            if run:
                t = _escape("".join(run))
                out.append(t if run_font is None else f'<font face="{run_font}">{t}</font>')
                run.clear()

        for ch in text:
            f = font_for(ch)
            if f != run_font:
                flush()
                run_font = f
            run.append(ch)
        flush()
        joined = "".join(out)
        # a Japanese text written in kanji only is still Japanese when kana are nearby
        if self.fonts.cjk_japanese in joined:
            joined = joined.replace(self.fonts.cjk_chinese, self.fonts.cjk_japanese)
        return joined

    def _inline(self, node: Element | str, parent: Computed, scale: float) -> str:
        if isinstance(node, str):
            return self._text(node, parent, scale)
        st = self.style(node)
        if st.display == "none":
            return ""
        tag = node.tag
        if tag == "br":
            return "<br/>"
        if tag == "wbr":
            return ""
        inner = "".join(self._inline(c, st, scale) for c in node.children)
        if not inner:
            return ""
        attrs = []
        if (st.mono, st.bold, st.italic) != (parent.mono, parent.bold, parent.italic):
            attrs.append(f'face="{self.fonts.name(st.mono, st.bold, st.italic)}"')
        if abs(st.size - parent.size) > 0.01:
            attrs.append(f'size="{round(st.size * scale, 2)}"')
        if st.colour != parent.colour:
            attrs.append(f'color="{st.colour}"')
        if st.background and st.background != parent.background:
            attrs.append(f'backColor="{st.background}"')
        if attrs:
            inner = f"<font {' '.join(attrs)}>{inner}</font>"
        if tag == "sup":
            inner = f"<super>{inner}</super>"
        elif tag == "sub":
            inner = f"<sub>{inner}</sub>"
        elif tag == "u":
            inner = f"<u>{inner}</u>"
        elif tag in ("s", "strike", "del"):
            inner = f"<strike>{inner}</strike>"
        elif tag == "a":
            href = node.attrs.get("href", "")
            if re.match(r"^(https?:|mailto:)", href):
                inner = f'<a href="{_attr(href)}">{inner}</a>'
        # an inline-block with a border (a tag, a badge) keeps a little room around it
        if st.display == "inline-block" and any(st.border):
            inner = f" {inner}"
        return inner

    def _paragraph(
        self, markup: str, st: Computed, scale: float, bullet: list[str] | None
    ) -> Paragraph | None:
        markup = markup.strip()
        if not _TAG.sub("", markup).strip() and "<br/>" not in markup:
            if not (bullet and bullet[0]):
                return None
        b = bullet.pop() if bullet else None
        if b is not None:
            width = pdfmetrics.stringWidth(b, self.fonts.sans[0], st.size * scale)
            offset = -(width + 0.45 * st.size * scale)
            return Paragraph(markup, self._pstyle(st, scale, offset), bulletText=b)
        return Paragraph(markup, self._pstyle(st, scale))

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

    def _tstyle(self, cmds: list[tuple]) -> TableStyle:
        # empty cells are drawn as strings: in our font, not reportlab's default Helvetica
        return TableStyle([("FONTNAME", (0, 0), (-1, -1), self.fonts.sans[0]), *cmds])

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

    # ------------------------------------------------------------- measuring
    def measure(self, el: Element, scale: float = 1.0) -> tuple[float, float]:
        """Minimum and preferred width of an element with its box [pt]."""
        key = (id(el), scale)
        hit = self._measured.get(key)
        if hit is not None:
            return hit
        st = self.style(el)
        if st.display == "none":
            res = (0.0, 0.0)
        elif el.tag == "img":
            natural = 200.0
            m = re.match(r"^data:image/\w+;base64,", el.attrs.get("src", ""))
            if m:
                from PIL import Image as PILImage

                try:
                    data = base64.b64decode(el.attrs["src"][m.end() :])
                    with PILImage.open(io.BytesIO(data)) as im:
                        dpi = im.info.get("dpi", (96, 96))[0] or 96
                        natural = im.size[0] * 72.0 / float(dpi)
                except (ValueError, OSError):
                    natural = 200.0
            if st.width is not None:
                natural = st.width
            res = (min(natural, 120.0), natural)
        elif st.display == "table" or el.tag == "table":
            mins, maxs, _ = self._columns(el, scale)
            res = (sum(mins), sum(maxs))
        else:
            lo, hi = 0.0, 0.0
            items = self._items(el)
            if st.display in ("grid", "flex") and items:
                sizes = [self.measure(i, scale) for i in items]
                n = (
                    max(1, self._grid_count(st, len(items)))
                    if st.display == "grid"
                    else len(items)
                )
                gaps = st.gap[1] * (n - 1)
                lo = max(s[0] for s in sizes)
                hi = sum(sorted((s[1] for s in sizes), reverse=True)[:n]) + gaps
            else:
                run: list[tuple[str, str, float, bool]] = []
                for child in el.children:
                    if isinstance(child, Element) and self._is_block(child):
                        a, b = self._measure_run(run)
                        run = []
                        c, d = self.measure(child, scale)
                        lo, hi = max(lo, a, c), max(hi, b, d)
                    else:
                        self._frags(child, st, scale, run)
                a, b = self._measure_run(run)
                lo, hi = max(lo, a), max(hi, b)
            extra = st.horizontal
            res = (lo + extra, hi + extra)
        self._measured[key] = res
        return res

    def _frags(
        self,
        node: Element | str,
        st: Computed,
        scale: float,
        out: list[tuple[str, str, float, bool]],
    ) -> None:
        if isinstance(node, str):
            text = node if st.pre else _WS.sub(" ", node)
            if st.upper:
                text = text.upper()
            out.append(
                (text, self.fonts.name(st.mono, st.bold, st.italic), st.size * scale, st.nowrap)
            )
            return
        cst = self.style(node)
        if cst.display == "none":
            return
        if node.tag == "br":
            out.append(("\n", "", 0.0, False))
            return
        for c in node.children:
            self._frags(c, cst, scale, out)

    @staticmethod
    def _measure_run(frags: list[tuple[str, str, float, bool]]) -> tuple[float, float]:
        lo = hi = word = line = 0.0
        for text, font, size, nowrap in frags:
            if text == "\n" and not font:
                lo, hi = max(lo, word), max(hi, line)
                word = line = 0.0
                continue
            for piece in _SPLIT_WS.split(text):
                if not piece:
                    continue
                if piece.isspace():
                    w = pdfmetrics.stringWidth(" ", font, size)
                    if nowrap:
                        word += w
                    else:
                        lo = max(lo, word)
                        word = 0.0
                    line += w
                else:
                    w = pdfmetrics.stringWidth(piece, font, size)
                    word += w
                    line += w
        # the paragraph wraps a little before the measured line: give it a hair more room
        return max(lo, word) + 0.5, max(hi, line) + 0.5

    # ---------------------------------------------------------------- tables
    def _rows(self, table: Element) -> tuple[list[Element], int, list[Element]]:
        """Rows in order (thead, tbody/tr, tfoot), the number of header rows, captions."""
        head: list[Element] = []
        body: list[Element] = []
        foot: list[Element] = []
        captions: list[Element] = []
        for child in table.elements():
            if child.tag == "thead":
                head += [r for r in child.elements() if r.tag == "tr"]
            elif child.tag == "tfoot":
                foot += [r for r in child.elements() if r.tag == "tr"]
            elif child.tag == "tbody":
                body += [r for r in child.elements() if r.tag == "tr"]
            elif child.tag == "tr":
                body.append(child)
            elif child.tag == "caption":
                captions.append(child)
        return head + body + foot, len(head), captions

    @staticmethod
    def _cells(row: Element) -> list[Element]:
        return [c for c in row.elements() if c.tag in ("td", "th")]

    @staticmethod
    def _span(cell: Element) -> int:
        try:
            return max(1, min(int(cell.attrs.get("colspan", "1")), 50))
        except ValueError:
            return 1

    def _columns(self, table: Element, scale: float) -> tuple[list[float], list[float], int]:
        rows, _, _ = self._rows(table)
        ncols = max((sum(self._span(c) for c in self._cells(r)) for r in rows), default=0)
        mins, maxs = [0.0] * ncols, [0.0] * ncols
        spanned = []
        for r in rows:
            j = 0
            for c in self._cells(r):
                span = self._span(c)
                lo, hi = self.measure(c, scale)
                if span == 1:
                    mins[j], maxs[j] = max(mins[j], lo), max(maxs[j], hi)
                else:
                    spanned.append((j, span, lo, hi))
                j += span
        for j, span, lo, hi in spanned:  # a spanning cell widens its columns evenly if needed
            have_lo, have_hi = sum(mins[j : j + span]), sum(maxs[j : j + span])
            for k in range(j, j + span):
                mins[k] += max(0.0, lo - have_lo) / span
                maxs[k] += max(0.0, hi - have_hi) / span
        return mins, maxs, ncols

    @staticmethod
    def _fit(mins: list[float], maxs: list[float], width: float) -> list[float]:
        lo, hi = sum(mins), sum(maxs)
        if hi <= width:
            return list(maxs)
        if lo <= width:
            k = (width - lo) / (hi - lo) if hi > lo else 0.0
            return [a + (b - a) * k for a, b in zip(mins, maxs, strict=True)]
        return [a * width / lo for a in mins]

    def table(self, el: Element, width: float, scale: float = 1.0) -> list[Flowable]:
        """A table: widths that fit the frame (smaller type first, then wrapping)."""
        rows, n_head, captions = self._rows(el)
        out: list[Flowable] = []
        for cap in captions:
            out.extend(self.block(cap, width, scale))
        if not rows:
            return out
        base = scale
        mins, maxs, ncols = self._columns(el, scale)
        for _ in range(4):  # smaller type before squeezing columns (padding does not shrink)
            if sum(mins) <= width or scale <= base * MIN_TABLE_SCALE:
                break
            scale = max(base * MIN_TABLE_SCALE, scale * width / sum(mins) - 0.005)
            mins, maxs, ncols = self._columns(el, scale)
        widths = self._fit(mins, maxs, width)
        data: list[list[Any]] = []
        cmds: list[tuple] = []
        for i, r in enumerate(rows):
            line: list[Any] = []
            j = 0
            for c in self._cells(r):
                span = min(self._span(c), ncols - j)
                if span <= 0:
                    break
                st = self.style(c)
                w = sum(widths[j : j + span])
                pt, pr, pb, pl = st.padding
                content = cell(self.blocks(c, max(w - pl - pr, 4.0), scale))
                line.append(content[0] if len(content) == 1 else content or "")
                where = ((j, i), (j + span - 1, i))
                cmds += [
                    ("LEFTPADDING", *where, pl),
                    ("RIGHTPADDING", *where, pr),
                    ("TOPPADDING", *where, pt),
                    ("BOTTOMPADDING", *where, pb),
                    ("VALIGN", *where, st.valign.upper()),
                ]
                names = ("LINEABOVE", "LINEAFTER", "LINEBELOW", "LINEBEFORE")
                for side, name in zip((0, 1, 2, 3), names, strict=True):
                    b = st.border[side]
                    if b is not None:
                        cmds.append((name, *where, b.width, colors.HexColor(b.colour)))
                bg = st.background or self.style(r).background
                if bg:
                    cmds.append(("BACKGROUND", *where, colors.HexColor(bg)))
                if span > 1:
                    cmds.append(("SPAN", *where))
                line += [""] * (span - 1)
                j += span
            line += [""] * (ncols - len(line))
            data.append(line)
        table = self._Table(
            data,
            colWidths=widths,
            style=self._tstyle(_compress(cmds, ncols)),
            repeatRows=n_head if n_head < len(rows) else 0,
            splitByRow=1,
            splitInRow=1,
        )
        table.hAlign = "LEFT"
        out.append(table)
        return out

    # ------------------------------------------------------------ grid, flex
    def _items(self, el: Element) -> list[Element]:
        return [c for c in el.elements() if self.style(c).display != "none"]

    def _grid_count(self, st: Computed, n_items: int, width: float | None = None) -> int:
        spec = st.grid_columns.strip()
        if not spec or spec == "none":
            return 1
        m = re.match(r"repeat\(\s*(auto-fit|auto-fill|\d+)\s*,\s*(.*)\)$", spec)
        if m:
            if m.group(1).isdigit():
                return int(m.group(1))
            inner = m.group(2)
            mm = re.match(r"minmax\(\s*([^,]+),", inner)
            least = parse_length(mm.group(1) if mm else inner, st.size, self.rem) or 100.0
            w = width if width is not None else 515.0
            n = max(1, int((w + st.gap[1]) // (least + st.gap[1])))
            return min(n, n_items) if m.group(1) == "auto-fit" else n
        return len(_tracks(spec))

    def grid(self, el: Element, width: float, scale: float) -> list[Flowable]:
        """CSS grid: items in rows of the declared columns."""
        st = self.style(el)
        items = self._items(el)
        if not items:
            return self.blocks(el, width, scale)
        n = max(1, self._grid_count(st, len(items), width))
        spec = st.grid_columns.strip()
        tracks = ["1fr"] * n if spec.startswith("repeat(") or not spec else _tracks(spec)
        gap = st.gap[1]
        free = width - gap * (n - 1)
        sizes: list[float | None] = []
        for j, tr in enumerate(tracks):
            col = items[j::n]
            length = parse_length(tr, st.size, self.rem)
            if length is not None:
                sizes.append(length)
            elif tr in ("max-content", "auto", "min-content", "fit-content"):
                k = 0 if tr == "min-content" else 1
                sizes.append(
                    min(max((self.measure(i, scale)[k] for i in col), default=0.0), 0.4 * free)
                )
            else:
                sizes.append(None)
        fixed = sum(s for s in sizes if s is not None)
        frs = [_fr(tr) for tr, s in zip(tracks, sizes, strict=True) if s is None]
        rest = max(free - fixed, 0.0)
        widths = []
        for tr, s in zip(tracks, sizes, strict=True):
            widths.append(s if s is not None else rest * _fr(tr) / (sum(frs) or 1.0))
        data: list[list[Any]] = []
        for start in range(0, len(items), n):
            row = items[start : start + n]
            data.append(
                [cell(self.block(item, widths[j], scale)) or "" for j, item in enumerate(row)]
                + [""] * (n - len(row))
            )
        colw = [
            w + (gap / 2 if j > 0 else 0) + (gap / 2 if j < n - 1 else 0)
            for j, w in enumerate(widths)
        ]
        cmds: list[tuple] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), gap / 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), gap / 2),
            ("LEFTPADDING", (0, 0), (0, -1), 0),
            ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), st.gap[0]),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 0),
        ]
        table = self._Table(
            data, colWidths=colw, style=self._tstyle(cmds), splitByRow=1, splitInRow=1
        )
        table.hAlign = "LEFT"
        return [table]

    def flex(self, el: Element, width: float, scale: float) -> list[Flowable]:
        """A flex row: side by side when the items fit, else one below the other."""
        st = self.style(el)
        items = self._items(el)
        if not items:
            return self.blocks(el, width, scale)
        gap = st.gap[1]
        sizes = [self.measure(i, scale)[1] for i in items]
        if len(items) == 1 or sum(sizes) + gap * (len(items) - 1) > width:
            out: list[Flowable] = []
            for item in items:
                out.extend(self.block(item, width, scale))
            collapse(out)
            return out
        data = [
            [cell(self.block(item, w, scale)) or "" for item, w in zip(items, sizes, strict=True)]
        ]
        colw = [w + (gap if j < len(items) - 1 else 0) for j, w in enumerate(sizes)]
        cmds = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), gap),
            ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
        table = self._Table(data, colWidths=colw, style=self._tstyle(cmds), splitInRow=1)
        table.hAlign = "LEFT"
        return [table]


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


def _tracks(spec: str) -> list[str]:
    """Split ``grid-template-columns`` into tracks (parentheses kept together)."""
    out, depth, cur = [], 0, ""
    for ch in spec:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch.isspace() and depth == 0:
            if cur:
                out.append(cur)
            cur = ""
        else:
            cur += ch
    if cur:
        out.append(cur)
    return [re.sub(r"^minmax\([^,]+,\s*(.*)\)$", r"\1", t) for t in out]


def _fr(track: str) -> float:
    m = re.match(r"^([0-9.]+)fr$", track)
    return float(m.group(1)) if m else 1.0


def _compress(cmds: list[tuple], ncols: int) -> list[tuple]:
    """Merge per-cell commands that are equal across a whole row into one command."""
    by_row: dict[tuple, list[tuple]] = {}
    order: list[tuple] = []
    for c in cmds:
        name, (c0, r0), (c1, r1), *args = c
        if r0 != r1 or name == "SPAN":
            order.append(("raw", c))
            continue
        key = (name, r0, tuple(map(str, args)))
        if key not in by_row:
            by_row[key] = []
            order.append(("row", key, args))
        by_row[key].append((c0, c1))
    out: list[tuple] = []
    for entry in order:
        if entry[0] == "raw":
            out.append(entry[1])
            continue
        _, key, args = entry
        name, r = key[0], key[1]
        spans = sorted(by_row[key])
        covered = set()
        for a, b in spans:
            covered.update(range(a, b + 1))
        if covered == set(range(ncols)):
            out.append((name, (0, r), (-1, r), *args))
        else:
            out.extend((name, (a, r), (b, r), *args) for a, b in spans)
    return out
