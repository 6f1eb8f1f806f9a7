"""Tables, CSS grids and flex rows of the PDF converter, as reportlab tables.

A table gets column widths that fit the frame (smaller type first, down to
:data:`MIN_TABLE_SCALE`, then wrapping) and its cells' padding, borders, backgrounds and
spans as table style commands, merged per row where they are equal; a grid places its items
in rows of the declared tracks; a flex row sets its items side by side when they fit, else
one below the other. Widths come from :mod:`._pdfmeasure`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, TableStyle

from ._pdfcss import parse_length
from ._pdfflow import cell, collapse
from ._pdfhtml import Element
from ._pdfmeasure import _fr, _MeasureMixin, _tracks

#: Smallest font scale used to make a wide table fit the page.
MIN_TABLE_SCALE = 0.72


class _TablesMixin(_MeasureMixin):
    """HTML tables, CSS grids and flex rows as reportlab tables."""

    # defined by Layout, which combines the mixins
    blocks: Callable[..., list[Flowable]]
    block: Callable[..., list[Flowable]]

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

    def _tstyle(self, cmds: list[tuple]) -> TableStyle:
        # empty cells are drawn as strings: in our font, not reportlab's default Helvetica
        return TableStyle([("FONTNAME", (0, 0), (-1, -1), self.fonts.sans[0]), *cmds])

    # ------------------------------------------------------------ grid, flex
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
