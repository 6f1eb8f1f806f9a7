"""Extra report sections: the shape results use to add a section to the HTML report.

A result that wants its own section (a history prediction, a route simulation, a label)
implements ``report_section(lang) -> dict`` returning :func:`section`'s dict; pass it to
:func:`shelflife.report.builder.build_report` (``extras=``) or
:meth:`StudyAnalysis.write <shelflife.analysis.StudyAnalysis.write>` (``extras=``).
The template renders paragraphs, warnings, tables, figures and notes in that order; all
text is escaped by the template.
"""

from __future__ import annotations

from typing import Any

__all__ = ["section", "table", "figure"]


def table(
    header: list[str],
    rows: list[list[str]],
    *,
    caption: str = "",
    numeric: tuple[int, ...] = (),
    highlight: int | None = None,
) -> dict[str, Any]:
    """A table: header cells and rows of text cells.

    ``numeric`` columns are right-aligned; ``highlight`` marks one row (index into ``rows``).
    """
    return {
        "caption": caption,
        "header": header,
        "rows": rows,
        "numeric": set(numeric),
        "highlight": -1 if highlight is None else highlight,
    }


def figure(draw, obj: Any, lang: str, caption: str, *, twin: bool = False) -> dict[str, Any]:
    """An inline SVG figure drawn by ``draw(obj, ax, lang)``."""
    from .builder import _MARGINS, _svg

    # room for a title (result plots draw one) and, with a twin axis, its right-hand label
    margins = {**_MARGINS, "top": 0.88, **({"right": 0.86, "top": 0.86} if twin else {})}
    return {"svg": _svg(draw, obj, lang, margins=margins), "caption": caption}


def section(
    id: str,
    title: str,
    *,
    paragraphs: list[str] = (),  # type: ignore[assignment]
    warnings: list[str] = (),  # type: ignore[assignment]
    tables: list[dict[str, Any]] = (),  # type: ignore[assignment]
    figures: list[dict[str, Any]] = (),  # type: ignore[assignment]
    notes: list[str] = (),  # type: ignore[assignment]
) -> dict[str, Any]:
    """One report section (see the module notes)."""
    return {
        "id": id,
        "title": title,
        "paragraphs": list(paragraphs),
        "warnings": list(warnings),
        "tables": list(tables),
        "figures": list(figures),
        "notes": list(notes),
    }
