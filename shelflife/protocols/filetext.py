"""Text of the files a study folder holds: CSV tables and commented ``study.toml`` pieces.

Small helpers shared by the writers of :mod:`shelflife.protocols.folder`,
:mod:`shelflife.protocols.schedule`, :mod:`shelflife.protocols.sheet` and the
critical-moisture method (:mod:`shelflife.protocols.moisture`): a CSV table as text (comma,
newline line ends), TOML basic strings, ``#`` comments wrapped at 95 characters, the comment
that cites a value's source with its status, the heading comment of a new ``study.toml`` and
the first keys of its ``[protocol]`` table. Everything is deterministic.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .model import format_number

if TYPE_CHECKING:  # pragma: no cover
    from .folder import StudyPlan
    from .model import Citation


def _csv_text(header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> str:
    """A header row and data rows as CSV text (comma-separated, newline line ends)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(row)
    return out.getvalue()


def _toml_string(text: str) -> str:
    """A TOML basic string (JSON escaping is valid TOML for these characters)."""
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str, width: int = 95) -> list[str]:
    """``# ``-prefixed lines, wrapped at ``width``."""
    import textwrap

    wrapped = textwrap.wrap(text, width - 2, break_long_words=False, break_on_hyphens=False)
    return [f"# {line}" for line in wrapped] or ["#"]


def _quantity_text(kelvin: float) -> str:
    """A temperature [K] as a TOML quantity text in degrees Celsius, ``"30 degC"``."""
    return f"{format_number(round(kelvin - 273.15, 6))} degC"


def _source_comment(words: Mapping[str, Any], src: Citation, lang: str) -> list[str]:
    """The comment lines that cite ``src``: citation, status, note (in ``lang``) and URL.

    ``words`` is the word table of the language: ``"source"`` (a template with ``{text}``)
    and ``"status"`` (status -> words).
    """
    status = words["status"].get(src.status, src.status)
    note = src.note_id if lang == "id" and src.note_id else src.note
    text = f"{src.citation} [{status}]" + (f" {note}" if note else "")
    if src.url:
        text += f" {src.url}"
    return _comment(words["source"].format(text=text))


def _head_comment(words: Mapping[str, Any], plan: StudyPlan, lang: str) -> list[str]:
    """The heading comment of a new ``study.toml``: template, protocol, SOP, next steps.

    ``words["head"]`` are the lines, with the fields ``{template}``, ``{title}``,
    ``{strength}``, ``{sop}``, ``{data}`` and ``{start}``.
    """
    p = plan.protocol
    title = p.title_id if lang == "id" else p.title
    sop = " / ".join(p.sop.get(k, "") for k in ("en", "id") if p.sop.get(k)) or "-"
    head = "\n".join(words["head"]).format(
        template=p.name,
        title=title,
        strength=p.strength,
        sop=sop,
        data=plan.data,
        start=plan.start.isoformat(),
    )
    return [f"# {line}" for line in head.split("\n")]


def _protocol_head(words: Mapping[str, Any], plan: StudyPlan) -> list[str]:
    """The comment ``words["plan"]`` and the first keys of the ``[protocol]`` table.

    ``template``, ``preset`` (when the plan has a product preset), ``start`` and
    ``strength``; the caller adds the keys of its method.
    """
    p = plan.protocol
    lines = [f"# {line}" for line in words["plan"]]
    lines += ["[protocol]", f"template = {_toml_string(p.name)}"]
    if p.product is not None:
        lines.append(f"preset = {_toml_string(p.product.key)}")
    lines += [f"start = {plan.start.isoformat()}", f"strength = {_toml_string(p.strength)}"]
    return lines
