"""Measuring for the PDF converter: widths of elements, table columns and grid tracks.

Tables, content-sized grid tracks and flex rows are sized from the widths of their content:
the minimum width (the longest word or unbreakable run) and the preferred width (all on one
line), measured with the fonts' metrics and cached per element and type scale. The rows,
cells and spans of a table and the tracks of a grid are read here too.
"""

from __future__ import annotations

import base64
import io
import re

from reportlab.pdfbase import pdfmetrics

from ._pdfcss import Computed, parse_length
from ._pdfhtml import Element
from ._pdfinline import _WS
from ._pdfstyles import _LayoutBase

_SPLIT_WS = re.compile(r"(\s+)")


class _MeasureMixin(_LayoutBase):
    """Minimum and preferred widths; the rows and columns of tables, the tracks of grids."""

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

    # ------------------------------------------------------- table rows and columns
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

    # ------------------------------------------------------------ grid, flex items
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
