"""Computed styles of the PDF converter: the state that a layout's parts share.

:class:`_LayoutBase` computes the CSS style of every element of the document once (cached
per path of tags and classes), tells block from inline content, and makes the reportlab
paragraph styles (cached per font, size, colour and alignment). The parts of the layout are
mixins over it (:mod:`._pdfinline`, :mod:`._pdfmeasure`, :mod:`._pdftables`), combined with
the block flow into :class:`~shelflife.report._pdflayout.Layout`.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from ._pdfcss import Computed, Stylesheet
from ._pdfflow import SplitTable
from ._pdffonts import fonts
from ._pdfhtml import Element

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


class _LayoutBase:
    """Computed styles, paragraph styles and caches of one document's layout.

    The parameters are those of :class:`~shelflife.report._pdflayout.Layout`.
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
