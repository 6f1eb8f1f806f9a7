"""A small element tree of the report's HTML, built with :mod:`html.parser` (stdlib).

The reports are our own, well-formed HTML; the builder is forgiving all the same: void
elements need no end tag, ``<p>``, ``<li>``, ``<dt>``/``<dd>`` and table rows and cells
close the open one of their kind, and a stray end tag is ignored. Character references are
decoded, so text nodes hold the characters the reader sees. The content of ``<svg>`` is
not kept (it cannot be typeset; the element itself is), nor that of ``<script>``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

__all__ = ["Element", "parse_html"]

VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
#: start tag -> open elements it closes implicitly (only up to the nearest container)
_CLOSES = {
    "p": {"p"},
    "li": {"li"},
    "dt": {"dt", "dd"},
    "dd": {"dt", "dd"},
    "tr": {"tr", "td", "th"},
    "td": {"td", "th"},
    "th": {"td", "th"},
    "thead": {"thead", "tbody", "tfoot", "tr", "td", "th"},
    "tbody": {"thead", "tbody", "tfoot", "tr", "td", "th"},
    "tfoot": {"thead", "tbody", "tfoot", "tr", "td", "th"},
}
_SCOPES = {"table", "ul", "ol", "dl", "div", "section", "body", "html", "td", "th", "li"}
#: elements whose text is not run together with their neighbours' in :meth:`Element.text`
_SEPARATED = frozenset(
    "p div li dt dd td th tr caption figcaption h1 h2 h3 h4 h5 h6 section header "
    "footer nav ul ol dl table figure blockquote pre".split()
)
#: elements whose content is dropped (not text a reader sees)
_OPAQUE = frozenset({"svg", "script", "math", "template"})


@dataclass(eq=False)
class Element:
    """An element: tag, attributes, and children (elements and text strings)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = field(default=None, repr=False)

    @property
    def classes(self) -> tuple[str, ...]:
        """The class names of the element, and its id as ``"#id"`` (for selectors)."""
        names = tuple(self.attrs.get("class", "").split())
        ident = self.attrs.get("id", "").strip()
        return (*names, f"#{ident}") if ident else names

    def elements(self) -> list[Element]:
        """The child elements (text nodes left out)."""
        return [c for c in self.children if isinstance(c, Element)]

    def iter(self, tag: str | None = None):
        """Iterate over the element and its descendants in document order (optionally one tag)."""
        if tag is None or self.tag == tag:
            yield self
        for c in self.children:
            if isinstance(c, Element):
                yield from c.iter(tag)

    def text(self) -> str:
        """All text inside the element, whitespace collapsed."""
        parts: list[str] = []

        def walk(e: Element) -> None:
            for c in e.children:
                if isinstance(c, str):
                    parts.append(c)
                else:
                    spaced = c.tag == "br" or c.tag in _SEPARATED
                    if spaced:
                        parts.append(" ")
                    walk(c)
                    if spaced:
                        parts.append(" ")

        walk(self)
        return " ".join("".join(parts).split())


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document")
        self.stack = [self.root]
        self.opaque = 0  # depth inside an opaque element

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.opaque:
            if tag in _OPAQUE and tag == self.stack[-1].tag and tag not in VOID:
                self.opaque += 1
            return
        closes = _CLOSES.get(tag)
        if closes:
            for i in range(len(self.stack) - 1, 0, -1):
                t = self.stack[i].tag
                if t in closes:
                    del self.stack[i:]
                    break
                if t in _SCOPES:
                    break
        parent = self.stack[-1]
        el = Element(tag, {k: v or "" for k, v in attrs}, parent=parent)
        parent.children.append(el)
        if tag in VOID:
            return
        self.stack.append(el)
        if tag in _OPAQUE:
            self.opaque = 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.opaque:
            return
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.opaque:
            if tag == self.stack[-1].tag:
                self.opaque -= 1
                if self.opaque == 0:
                    self.stack.pop()
            return
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if self.opaque or not data:
            return
        self.stack[-1].children.append(data)


def parse_html(text: str) -> Element:
    """Parse an HTML document into an :class:`Element` tree (root tag ``#document``).

    Examples
    --------
    >>> root = parse_html("<p class='x'>a &lt;b&gt; <br>c<li>d<li>e</p>")
    >>> p = root.elements()[0]
    >>> p.classes, p.text()
    (('x',), 'a <b> c d e')
    >>> [li.text() for li in root.iter("li")]
    ['d', 'e']
    """
    b = _Builder()
    b.feed(text)
    b.close()
    return b.root
