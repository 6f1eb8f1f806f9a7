"""Inline content of the PDF converter: text runs and inline elements as paragraph markup.

Text is always escaped before it reaches reportlab's paragraph markup; characters that the
font lacks are set in a fallback font (DejaVu Sans for the mono font, a CJK font for
Chinese, Japanese and Korean); inline elements become ``<font>``, ``<super>``, ``<sub>``,
``<u>``, ``<strike>`` and ``<a>`` markup; a run of inline content becomes one paragraph,
with its list bullet if it has one.
"""

from __future__ import annotations

import re

from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph

from ._pdfcss import Computed
from ._pdfhtml import Element
from ._pdfstyles import _LayoutBase

_WS = re.compile(r"[ \t\n\r\f]+")
#: Han ideographs, CJK punctuation and full-width forms [code point ranges]
_HAN = ((0x3000, 0x303F), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF))
_TAG = re.compile(r"<[^>]*>")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(text: str) -> str:
    return _escape(text).replace('"', "&quot;")


class _InlineMixin(_LayoutBase):
    """Inline text and inline elements as reportlab paragraph markup."""

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
