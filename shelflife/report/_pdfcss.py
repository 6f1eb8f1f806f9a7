"""A small CSS subset for the PDF converter: the report's own stylesheet, read for print.

Only what the report templates use is understood: simple selectors (``tag``, ``.class``,
``tag.class``, ``:root``, ``*``) joined by descendant or child combinators; the properties
that matter on paper (display, grid columns and gaps, font size/weight/style/family, colour,
text alignment and transform, white-space, line height, margins, padding, borders,
background, page breaks); custom properties (``var(--x)``); ``@media print`` and ``@page``.
Other at-rules, pseudo-classes and unknown properties are ignored. Rules cascade by
specificity and source order after a small user-agent sheet (:data:`UA_CSS`).

Nothing here needs reportlab: the result is plain data (:class:`Computed`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

__all__ = ["Stylesheet", "Computed", "Page", "UA_CSS", "parse_length"]

#: Defaults of a browser, reduced to what the converter uses (CSS 2.1 appendix D).
UA_CSS = """
html, body, address, article, aside, blockquote, dd, details, div, dl, dt, fieldset,
figcaption, figure, footer, form, h1, h2, h3, h4, h5, h6, header, hr, main, nav, ol, p, pre,
section, summary, ul, caption, img, svg, legend { display: block }
head, script, style, template, title, meta, link, noscript, base { display: none }
li { display: list-item }
table { display: table }
tr { display: table-row }
td, th { display: table-cell; padding: 1px }
thead, tbody, tfoot { display: table-row-group }
html { font-size: 12pt; line-height: 1.2; color: #000000 }
h1 { font-size: 2em; font-weight: bold; margin: .67em 0 }
h2 { font-size: 1.5em; font-weight: bold; margin: .83em 0 }
h3 { font-size: 1.17em; font-weight: bold; margin: 1em 0 }
h4 { font-weight: bold; margin: 1.33em 0 }
h5 { font-size: .83em; font-weight: bold; margin: 1.67em 0 }
h6 { font-size: .67em; font-weight: bold; margin: 2.33em 0 }
p, dl, ul, ol, pre { margin: 1em 0 }
blockquote, figure { margin: 1em 40px }
dd { margin-left: 40px }
ul, ol { padding-left: 40px }
th { font-weight: bold; text-align: center }
strong, b { font-weight: bold }
em, i, cite, var, dfn, address { font-style: italic }
code, kbd, samp, pre, tt { font-family: monospace }
pre { white-space: pre }
small, sub, sup { font-size: .83em }
hr { border-top: 1px solid #888888; margin: .5em 0 }
"""

_NAMED_COLOURS = {
    "black": "#000000",
    "white": "#ffffff",
    "gray": "#808080",
    "grey": "#808080",
    "red": "#ff0000",
    "green": "#008000",
    "blue": "#0000ff",
    "navy": "#000080",
    "orange": "#ffa500",
    "silver": "#c0c0c0",
    "maroon": "#800000",
}

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_LENGTH = re.compile(r"^(-?[0-9]*\.?[0-9]+)(px|pt|mm|cm|in|em|rem|%)?$")
_VAR = re.compile(r"var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*))?\)")
_COMPOUND = re.compile(r"^(\*|[a-zA-Z][\w-]*)?(#[\w-]+)?((?:\.[\w-]+)*)$")


def parse_length(
    value: str, em: float, rem: float, percent_of: float | None = None
) -> float | None:
    """A CSS length in points [pt]; ``None`` when it cannot be read.

    Parameters
    ----------
    value : str
        E.g. ``"1.2rem"``, ``"5px"``, ``"15mm"``, ``"0"``.
    em, rem : float
        Font size of the element and of the root element [pt].
    percent_of : float, optional
        What 100 % is [pt] (percentages are unreadable without it).

    Examples
    --------
    >>> parse_length("2px", 10, 10), parse_length("1.5em", 8, 10), parse_length("1in", 8, 10)
    (1.5, 12.0, 72.0)
    """
    m = _LENGTH.match(value.strip())
    if not m:
        return None
    x, unit = float(m.group(1)), m.group(2) or ""
    if unit == "%":
        return None if percent_of is None else x * percent_of / 100.0
    factor = {
        "": 0.75 if x else 0.0,  # unitless: only 0 is valid; be lenient and read px
        "px": 0.75,
        "pt": 1.0,
        "mm": 72 / 25.4,
        "cm": 72 / 2.54,
        "in": 72.0,
        "em": em,
        "rem": rem,
    }[unit]
    return x * factor


def _colour(value: str) -> str | None:
    v = value.strip().lower()
    if v in _NAMED_COLOURS:
        return _NAMED_COLOURS[v]
    if re.fullmatch(r"#[0-9a-f]{6}", v):
        return v
    if re.fullmatch(r"#[0-9a-f]{3}", v):
        return "#" + "".join(c * 2 for c in v[1:])
    m = re.fullmatch(r"rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*[0-9.]+\s*)?\)", v)
    if m:
        return "#" + "".join(f"{min(int(g), 255):02x}" for g in m.groups())
    return None


@dataclass(frozen=True)
class Border:
    """One side of a border: width [pt] and colour (``#rrggbb``)."""

    width: float
    colour: str


@dataclass(frozen=True)
class Computed:
    """The computed style of one element (inherited and own properties)."""

    # inherited
    size: float = 12.0  # [pt]
    line_height: float = 1.2  # multiple of the font size
    bold: bool = False
    italic: bool = False
    mono: bool = False
    colour: str = "#000000"
    align: str = "left"
    upper: bool = False
    nowrap: bool = False
    pre: bool = False
    # not inherited
    display: str = "inline"
    margin: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # top right bottom left
    padding: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    border: tuple[Border | None, Border | None, Border | None, Border | None] = (
        None,
        None,
        None,
        None,
    )
    background: str | None = None
    break_before: bool = False
    avoid_break_inside: bool = False
    grid_columns: str = ""
    gap: tuple[float, float] = (0.0, 0.0)  # row, column [pt]
    flex_wrap: bool = False
    valign: str = "top"
    width: float | None = None  # [pt], from a fixed length

    def inherit(self) -> Computed:
        """The style a child starts from (inherited properties kept, others reset)."""
        return Computed(
            size=self.size,
            line_height=self.line_height,
            bold=self.bold,
            italic=self.italic,
            mono=self.mono,
            colour=self.colour,
            align=self.align,
            upper=self.upper,
            nowrap=self.nowrap,
            pre=self.pre,
        )

    @property
    def horizontal(self) -> float:
        """Margins, padding and borders left and right [pt]."""
        b = sum(x.width for x in (self.border[1], self.border[3]) if x is not None)
        return self.margin[1] + self.margin[3] + self.padding[1] + self.padding[3] + b


@dataclass(frozen=True)
class Page:
    """Page size and margins [pt] from ``@page`` (A4, 15 mm × 14 mm by default)."""

    width: float = 595.2756
    height: float = 841.8898
    margin: tuple[float, float, float, float] = (42.52, 39.69, 42.52, 39.69)


@dataclass
class _Rule:
    selector: list[tuple[str, str | None, tuple[str, ...]]]  # (combinator, tag, classes)
    # an id is kept as a class "#id" (elements carry their id among their classes)
    specificity: tuple[int, int, int]
    order: int
    declarations: dict[str, str]


@dataclass
class Stylesheet:
    """Rules read from the user-agent sheet and the document's ``<style>`` blocks."""

    rules: list[_Rule] = field(default_factory=list)
    variables: dict[str, str] = field(default_factory=dict)
    page: Page = field(default_factory=Page)
    _index: dict[str, list[_Rule]] | None = field(default=None, repr=False)

    @classmethod
    def from_css(cls, *texts: str) -> Stylesheet:
        """Parse style sheets in cascade order (later wins at equal specificity)."""
        sheet = cls()
        for text in texts:
            sheet._add(_COMMENT.sub("", text))
        return sheet

    # ---------------------------------------------------------------- parsing
    def _add(self, text: str) -> None:
        i, n = 0, len(text)
        while i < n:
            brace = text.find("{", i)
            if brace < 0:
                return
            prelude = text[i:brace].strip()
            end = _matching_brace(text, brace)
            body = text[brace + 1 : end]
            i = end + 1
            if prelude.startswith("@media"):
                query = prelude[6:].lower()
                if "print" in query or query.strip() in ("", "all"):
                    self._add(body)
            elif prelude.startswith("@page"):
                self._page(_declarations(body))
            elif prelude.startswith("@"):
                continue
            else:
                self._rule(prelude, _declarations(body))

    def _rule(self, prelude: str, decl: dict[str, str]) -> None:
        for name, value in decl.items():
            if name.startswith("--"):
                self.variables[name] = value
        decl = {k: v for k, v in decl.items() if not k.startswith("--")}
        if not decl:
            return
        for sel in prelude.split(","):
            parsed = _selector(sel)
            if parsed is None:
                continue
            ids = sum(1 for _, _, c in parsed for x in c if x.startswith("#"))
            classes = sum(1 for _, _, c in parsed for x in c if not x.startswith("#"))
            spec = (ids, classes, sum(1 for _, t, _ in parsed if t))
            self.rules.append(_Rule(parsed, spec, len(self.rules), decl))
        self._index = None

    def _page(self, decl: dict[str, str]) -> None:
        w, h = self.page.width, self.page.height
        size = decl.get("size", "").lower().split()
        sizes = {"a4": (595.2756, 841.8898), "letter": (612.0, 792.0), "a5": (419.53, 595.28)}
        for word in size:
            if word in sizes:
                w, h = sizes[word]
        if "landscape" in size:
            w, h = max(w, h), min(w, h)
        margin = self.page.margin
        if "margin" in decl:
            box = _box(decl["margin"], 12.0, 12.0)
            if box is not None:
                margin = box
        self.page = Page(w, h, margin)

    # --------------------------------------------------------------- cascade
    def declarations(self, chain: list[Any]) -> dict[str, str]:
        """The winning declarations for the last element of ``chain`` (root first).

        Each element of the chain has ``tag`` and ``classes`` attributes.
        """
        if self._index is None:
            # rules by the class (or else the tag) their rightmost part needs: only those
            # can match an element
            self._index = {}
            for r in self.rules:
                _, tag, classes = r.selector[-1]
                key = "." + classes[0] if classes else (tag or "*")
                self._index.setdefault(key, []).append(r)
        node = chain[-1]
        keys = dict.fromkeys(["*", node.tag, *("." + c for c in node.classes)])
        candidates = [r for k in keys for r in self._index.get(k, ())]
        matched = [r for r in candidates if _matches(r.selector, chain)]
        matched.sort(key=lambda r: (r.specificity, r.order))
        out: dict[str, str] = {}
        for r in matched:
            out.update(r.declarations)
        return {k: self._resolve(v) for k, v in out.items()}

    def _resolve(self, value: str) -> str:
        for _ in range(5):  # nested var() up to a few levels
            new = _VAR.sub(lambda m: self.variables.get(m.group(1), m.group(2) or ""), value)
            if new == value:
                break
            value = new
        return value.replace("!important", "").strip()

    def compute(self, chain: list[Any], parent: Computed, rem: float) -> Computed:
        """The computed style of the last element of ``chain`` given its parent's."""
        d = self.declarations(chain)
        base = parent.inherit()
        tag = chain[-1].tag
        # font size first: em lengths of the element refer to it
        size = base.size
        if "font-size" in d:
            v = d["font-size"].strip().lower()
            named = {"smaller": 0.83, "larger": 1.2}
            if v in named:
                size = base.size * named[v]
            else:
                px = parse_length(v, base.size, rem, percent_of=base.size)
                if px is not None and px > 0:
                    size = px
        if tag == "html":
            rem = size
        c: dict[str, Any] = {"size": size}
        em = size
        if "line-height" in d:
            v = d["line-height"].strip()
            try:
                c["line_height"] = float(v)
            except ValueError:
                lh = parse_length(v, em, rem, percent_of=em)
                if lh is not None and em > 0:
                    c["line_height"] = lh / em
        if "font-weight" in d:
            v = d["font-weight"].strip().lower()
            c["bold"] = v in ("bold", "bolder") or (v.isdigit() and int(v) >= 600)
        if "font-style" in d:
            c["italic"] = d["font-style"].strip().lower() in ("italic", "oblique")
        if "font-family" in d:
            v = d["font-family"].lower()
            c["mono"] = any(k in v for k in ("mono", "courier", "consolas"))
        if "color" in d:
            col = _colour(d["color"])
            if col is not None:
                c["colour"] = col
        if "text-align" in d:
            v = d["text-align"].strip().lower()
            if v in ("left", "right", "center", "justify"):
                c["align"] = v
            elif v == "start":
                c["align"] = "left"
            elif v == "end":
                c["align"] = "right"
        if "text-transform" in d:
            c["upper"] = d["text-transform"].strip().lower() == "uppercase"
        if "white-space" in d:
            v = d["white-space"].strip().lower()
            c["nowrap"] = v in ("nowrap", "pre")
            c["pre"] = v in ("pre", "pre-wrap", "pre-line", "break-spaces")
        c["display"] = d.get("display", "inline").strip().lower()
        for prop in ("margin", "padding"):
            box = list(_box(d[prop], em, rem) or (0.0,) * 4) if prop in d else [0.0] * 4
            for k, side in enumerate(("top", "right", "bottom", "left")):
                key = f"{prop}-{side}"
                if key in d:
                    v = parse_length(d[key], em, rem)
                    if v is not None:
                        box[k] = v
            c[prop] = tuple(max(0.0, x) if prop == "padding" else x for x in box)
        borders: list[Border | None] = [None] * 4
        if "border" in d:
            b = _border(d["border"], em, rem)
            borders = [b] * 4
        for k, side in enumerate(("top", "right", "bottom", "left")):
            key = f"border-{side}"
            if key in d:
                borders[k] = _border(d[key], em, rem)
        c["border"] = tuple(borders)
        for key in ("background-color", "background"):
            if key in d:
                v = d[key].strip().lower()
                col = _first_colour(v)
                if v.startswith(("none", "transparent", "initial", "unset")):
                    c["background"] = None
                elif col is not None:
                    c["background"] = None if col == "#ffffff" else col
        brk = d.get("break-before", d.get("page-break-before", "")).strip().lower()
        c["break_before"] = brk in ("page", "always", "left", "right")
        inside = d.get("break-inside", d.get("page-break-inside", "")).strip().lower()
        c["avoid_break_inside"] = inside in ("avoid", "avoid-page")
        c["grid_columns"] = d.get("grid-template-columns", "").strip()
        gap = [0.0, 0.0]
        if "gap" in d:
            parts = d["gap"].split()
            vals = [parse_length(p, em, rem) or 0.0 for p in parts]
            gap = [vals[0], vals[-1]] if vals else gap
        for k, key in enumerate(("row-gap", "column-gap")):
            if key in d:
                gap[k] = parse_length(d[key], em, rem) or 0.0
        c["gap"] = tuple(gap)
        c["flex_wrap"] = d.get("flex-wrap", "").strip().lower() == "wrap"
        if "vertical-align" in d:
            v = d["vertical-align"].strip().lower()
            c["valign"] = {"middle": "middle", "bottom": "bottom"}.get(v, "top")
        if "width" in d:
            c["width"] = parse_length(d["width"], em, rem)
        return replace(base, **c)


def _matching_brace(text: str, start: int) -> int:
    depth = 0
    for j in range(start, len(text)):
        if text[j] == "{":
            depth += 1
        elif text[j] == "}":
            depth -= 1
            if depth == 0:
                return j
    return len(text)


def _declarations(body: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in body.split(";"):
        if ":" not in part:
            continue
        name, value = part.split(":", 1)
        name = name.strip()
        if name.startswith("--"):
            out[name] = value.strip()
        else:
            out[name.lower()] = value.strip()
    return out


def _selector(text: str) -> list[tuple[str, str | None, tuple[str, ...]]] | None:
    """``"dl.facts > dt"`` -> ``[(" ", "dl", ("facts",)), (">", "dt", ())]``; None if unsupported."""
    tokens = text.replace(">", " > ").split()
    if not tokens:
        return None
    out: list[tuple[str, str | None, tuple[str, ...]]] = []
    comb = " "
    for tok in tokens:
        if tok == ">":
            comb = ">"
            continue
        if tok == ":root":
            out.append((comb, "html", ()))
            comb = " "
            continue
        m = _COMPOUND.match(tok)
        if not m or not any(m.groups()):
            return None  # attributes, pseudo-classes: not used by the templates
        tag = m.group(1)
        tag = None if tag in (None, "*") else tag.lower()
        classes = tuple(c for c in m.group(3).split(".") if c)
        if m.group(2):
            classes = (m.group(2), *classes)
        out.append((comb, tag, classes))
        comb = " "
    return out


def _compound_matches(part: tuple[str, str | None, tuple[str, ...]], node: Any) -> bool:
    _, tag, classes = part
    if tag is not None and node.tag != tag:
        return False
    return all(c in node.classes for c in classes)


def _matches(selector: list, chain: list[Any]) -> bool:
    """Right-to-left match of a selector against an element and its ancestors."""

    def match(k: int, j: int) -> bool:
        # part k must match chain[j]; then the parts before it match ancestors
        if not _compound_matches(selector[k], chain[j]):
            return False
        if k == 0:
            return True
        if selector[k][0] == ">":
            return j > 0 and match(k - 1, j - 1)
        return any(match(k - 1, i) for i in range(j - 1, -1, -1))

    return match(len(selector) - 1, len(chain) - 1)


def _box(value: str, em: float, rem: float) -> tuple[float, float, float, float] | None:
    parts = value.split()
    vals = [0.0 if p == "auto" else parse_length(p, em, rem) for p in parts]
    if not vals or any(v is None for v in vals):
        return None
    v = [float(x) for x in vals if x is not None]
    if len(v) == 1:
        return (v[0], v[0], v[0], v[0])
    if len(v) == 2:
        return (v[0], v[1], v[0], v[1])
    if len(v) == 3:
        return (v[0], v[1], v[2], v[1])
    return (v[0], v[1], v[2], v[3])


def _first_colour(value: str) -> str | None:
    for word in re.split(r"\s+(?![^(]*\))", value.strip()):
        col = _colour(word)
        if col is not None:
            return col
    return None


def _border(value: str, em: float, rem: float) -> Border | None:
    v = value.strip().lower()
    if v in ("none", "0", "hidden"):
        return None
    width, colour, style = 0.75, "#000000", "solid"
    for word in re.split(r"\s+(?![^(]*\))", v):
        length = parse_length(word, em, rem)
        if length is not None:
            width = length
            continue
        if word in ("solid", "dashed", "dotted", "double", "none", "hidden"):
            style = word
            continue
        named = {"thin": 0.75, "medium": 2.25, "thick": 3.75}
        if word in named:
            width = named[word]
            continue
        col = _colour(word)
        if col is not None:
            colour = col
    if style in ("none", "hidden") or width <= 0:
        return None
    return Border(width, colour)
