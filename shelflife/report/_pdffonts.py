"""Fonts of the PDF report: DejaVu from matplotlib's data, CJK fallbacks from reportlab.

DejaVu Sans and DejaVu Sans Mono (regular, bold, oblique, bold oblique) are registered with
reportlab from ``matplotlib.get_data_path()/fonts/ttf`` (matplotlib is a dependency, so no
system font is needed) and embedded in each PDF as subsets: °, ±, µ, ≤, ≥, ×, – and
Indonesian text are real, selectable text. Chinese, Japanese and Korean characters, which
DejaVu lacks, fall back to reportlab's built-in CID fonts (not embedded: the viewer supplies
the glyphs; text extraction works regardless).
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

__all__ = ["Fonts", "fonts"]


@dataclass(frozen=True)
class Fonts:
    """Registered reportlab font names and the characters DejaVu can draw."""

    sans: tuple[str, str, str, str]  # regular, bold, italic, bold italic
    mono: tuple[str, str, str, str]
    cjk_japanese: str
    cjk_chinese: str
    cjk_korean: str
    covered_sans: frozenset[int]
    covered_mono: frozenset[int]

    def name(self, mono: bool, bold: bool, italic: bool) -> str:
        """The font for a combination of family, weight and style."""
        return (self.mono if mono else self.sans)[2 * italic + bold]


_FAMILY_FILES = {
    "shelflife-sans": (
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
        "DejaVuSans-Oblique.ttf",
        "DejaVuSans-BoldOblique.ttf",
    ),
    "shelflife-mono": (
        "DejaVuSansMono.ttf",
        "DejaVuSansMono-Bold.ttf",
        "DejaVuSansMono-Oblique.ttf",
        "DejaVuSansMono-BoldOblique.ttf",
    ),
}


@functools.lru_cache(maxsize=1)
def fonts() -> Fonts:
    """Register DejaVu Sans / Sans Mono (from matplotlib's data) and the CJK fallbacks once."""
    import matplotlib
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    folder = os.path.join(matplotlib.get_data_path(), "fonts", "ttf")
    names: dict[str, tuple[str, str, str, str]] = {}
    covered: dict[str, frozenset[int]] = {}
    registered = set(pdfmetrics.getRegisteredFontNames())
    for family, files in _FAMILY_FILES.items():
        variants = ("", "-bold", "-italic", "-bolditalic")
        members = tuple(f"{family}{v}" for v in variants)
        for member, file in zip(members, files, strict=True):
            if member not in registered:
                pdfmetrics.registerFont(TTFont(member, os.path.join(folder, file)))
        pdfmetrics.registerFontFamily(
            family, normal=members[0], bold=members[1], italic=members[2], boldItalic=members[3]
        )
        for member, (b, i) in zip(members, ((0, 0), (1, 0), (0, 1), (1, 1)), strict=True):
            addMapping(member, b, i, members[2 * i + b])
        names[family] = members  # type: ignore[assignment]
        face = pdfmetrics.getFont(members[0]).face
        covered[family] = frozenset(face.charToGlyph)
    cjk = ("HeiseiKakuGo-W5", "STSong-Light", "HYGothic-Medium")
    for name in cjk:
        if name not in registered:
            pdfmetrics.registerFont(UnicodeCIDFont(name))
        for b in (0, 1):
            for i in (0, 1):
                addMapping(name, b, i, name)
    return Fonts(
        sans=names["shelflife-sans"],
        mono=names["shelflife-mono"],
        cjk_japanese=cjk[0],
        cjk_chinese=cjk[1],
        cjk_korean=cjk[2],
        covered_sans=covered["shelflife-sans"],
        covered_mono=covered["shelflife-mono"],
    )
