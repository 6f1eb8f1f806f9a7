"""Flowables and flowable helpers of the PDF converter (see :mod:`._pdflayout`).

- :class:`Bookmark`: a PDF destination plus an outline entry, taking no space;
- :class:`Picture`: a decoded image at a given size;
- :class:`SplitTable`: a table that parts a row only when the row exceeds a page;
- :class:`Indent`: a flowable shifted right (in frames and in table cells alike);
- helpers for CSS-like margins (collapsed), "keep with next" before a KeepTogether, and
  table-cell content.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreakIfNotEmpty,
    Paragraph,
    Table,
    XPreformatted,
)

__all__ = [
    "Bookmark",
    "Picture",
    "SplitTable",
    "Indent",
    "indent",
    "space",
    "collapse",
    "cell",
    "merge_keep",
    "keep_with_next",
    "is_action",
]


class Bookmark(Flowable):
    """A zero-size mark: a PDF destination plus an outline (bookmarks panel) entry."""

    _ZEROSIZE = 1

    def __init__(self, key: str, title: str, level: int) -> None:
        super().__init__()
        self.key, self.title, self.level = key, title, level
        self.keepWithNext = 1
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Take no space."""
        return 0, 0

    def draw(self) -> None:
        """Bind the destination here and add the outline entry."""
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=self.level > 0)


class Picture(Flowable):
    """A decoded image drawn at a given size [pt] (no re-reading of the file)."""

    def __init__(self, pixels: Any, width: float, height: float) -> None:
        super().__init__()
        self.pixels = pixels
        self.width, self.height = width, height
        self.hAlign = "LEFT"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """The fixed size."""
        return self.width, self.height

    def draw(self) -> None:
        """Place the image; reportlab embeds each distinct image once."""
        self.canv.drawImage(ImageReader(self.pixels), 0, 0, self.width, self.height, mask=None)


class SplitTable(Table):
    """A table that splits inside a row only when the row is taller than a whole page.

    reportlab splits inside a row as soon as the row does not fit the rest of the page,
    which would part a figure from its caption; moving such a row to the next page is
    better. ``frame_height`` [pt] is set on a subclass per document.
    """

    frame_height = 700.0

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Split between rows; inside a row only if the first rows exceed a page."""
        in_row = self.splitInRow
        self.splitInRow = 0
        try:
            parts = super().split(availWidth, availHeight)
        finally:
            self.splitInRow = in_row
        if parts or not in_row:
            return parts
        heights = getattr(self, "_rowHeights", None) or []
        first = sum(heights[: min(len(heights), (self.repeatRows or 0) + 1)])
        if first > 0.98 * self.frame_height and availHeight > 0.3 * self.frame_height:
            return super().split(availWidth, availHeight)
        return []


def is_action(f: Any) -> bool:
    return hasattr(f, "frameAction") or isinstance(f, Bookmark)


def _edge(flows: list[Any], last: bool) -> Any | None:
    """The first (or last) flowable that takes space, looking inside KeepTogether."""
    for f in reversed(flows) if last else flows:
        if is_action(f):
            continue
        if isinstance(f, KeepTogether):
            inner = _edge(list(f._content), last)
            if inner is not None:
                return inner
            continue
        return f
    return None


def space(flows: list[Any], before: float = 0.0, after: float = 0.0) -> None:
    """Add margins to a group: collapsed like CSS (the larger one wins)."""
    if before > 0:
        f = _edge(flows, last=False)
        if f is not None:
            f.spaceBefore = max(f.getSpaceBefore(), before)
    if after > 0:
        f = _edge(flows, last=True)
        if f is not None:
            f.spaceAfter = max(f.getSpaceAfter(), after)


def collapse(flows: list[Any]) -> None:
    """Collapse the margin between neighbours: the gap is the larger of the two."""
    prev = None
    for f in flows:
        if is_action(f):
            continue
        if prev is not None:
            a, b = _edge([prev], last=True), _edge([f], last=False)
            if a is not None and b is not None:
                after, before = a.getSpaceAfter(), b.getSpaceBefore()
                if after > 0 and before > 0:
                    b.spaceBefore = max(0.0, before - after)
        prev = f


def cell(flows: list[Any]) -> list[Any]:
    """Content for a table cell: KeepTogether only works in frames, so it is unwrapped."""
    out: list[Any] = []
    for f in flows:
        if isinstance(f, KeepTogether):
            out.extend(cell(list(f._content)))
        elif isinstance(f, PageBreakIfNotEmpty):
            continue
        else:
            out.append(f)
    return out


def merge_keep(flows: list[Any]) -> list[Any]:
    """Put "keep with next" flowables (headings) inside a following KeepTogether.

    reportlab does not keep a flowable with a KeepTogether that follows it, so a heading
    before a figure could end a page on its own.
    """
    out: list[Any] = []
    for f in flows:
        if isinstance(f, KeepTogether):
            k = len(out)
            while (
                k > 0 and not isinstance(out[k - 1], KeepTogether) and out[k - 1].getKeepWithNext()
            ):
                k -= 1
            if k < len(out):
                f = KeepTogether([*out[k:], *f._content])
                del out[k:]
        out.append(f)
    return out


def keep_with_next(flows: list[Any]) -> None:
    for f in flows:
        f.keepWithNext = 1


class Indent(Flowable):
    """A flowable shifted right by ``left`` [pt] (works in frames and in table cells)."""

    def __init__(self, content: Flowable, left: float) -> None:
        super().__init__()
        self.content, self.left = content, left
        self.spaceBefore = content.getSpaceBefore()
        self.spaceAfter = content.getSpaceAfter()
        self.keepWithNext = content.getKeepWithNext()
        self.hAlign = "LEFT"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Wrap the content in the narrower width."""
        w, h = self.content.wrap(availWidth - self.left, availHeight)
        self.width, self.height = w + self.left, h
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Split the content; each part keeps the indent."""
        parts = self.content.splitOn(
            getattr(self, "canv", None), availWidth - self.left, availHeight
        )
        return [Indent(p, self.left) for p in parts]

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        """Draw the content ``left`` to the right of ``x``."""
        self.content.drawOn(canvas, x + self.left, y, _sW=0)


def indent(flows: list[Any], left: float, restyle: Any) -> list[Any]:
    """Shift flowables right: paragraphs by their left indent, others in a wrapper."""
    if left <= 0:
        return flows
    out: list[Any] = []
    for f in flows:
        if isinstance(f, Paragraph) and not isinstance(f, XPreformatted):
            f.style = restyle(f.style, left)
            out.append(f)
        elif isinstance(f, KeepTogether):
            f._content = indent(list(f._content), left, restyle)
            out.append(f)
        elif is_action(f) or isinstance(f, PageBreakIfNotEmpty):
            out.append(f)
        else:
            out.append(Indent(f, left))
    return out
