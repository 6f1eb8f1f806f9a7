"""Exceptions, warning classes and coded notices.

Every problem the toolkit reports has a *code* (a short snake_case identifier that scripts can
rely on) and a message in English and Bahasa Indonesia taken from
:mod:`shelflife.messages`. Errors also say *where* the problem is (file, row, column or key)
and *how to fix it*.

- :class:`ShelfLifeError` and its subclasses stop the analysis (the CLI exits with code 2).
- :class:`Notice` records a guardrail warning inside a result; it reaches the JSON and the
  report. In notebooks the same notice is also emitted as a Python warning of a
  :class:`ShelfLifeWarning` subclass so that it shows up where the user works.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any

from .messages import render

__all__ = [
    "ShelfLifeError",
    "InputError",
    "UnitError",
    "StudyFileError",
    "FitError",
    "ConvergenceError",
    "ShelfLifeWarning",
    "ExtrapolationWarning",
    "PlausibilityWarning",
    "ConvergenceWarning",
    "DesignWarning",
    "Notice",
]


class ShelfLifeError(Exception):
    """Base class of every error raised on purpose by :mod:`shelflife`.

    Parameters
    ----------
    code : str
        Message code in :data:`shelflife.messages.MESSAGES`.
    file, row, column, key : optional
        Where the problem is: a file path, a 1-based row number as a spreadsheet shows it,
        a column header, or a key of a TOML file.
    **params
        Values substituted into the message template.
    """

    def __init__(
        self,
        code: str,
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
        key: str | None = None,
        **params: Any,
    ) -> None:
        self.code = code
        self.file = None if file is None else str(file)
        self.row = row
        self.column = column
        self.key = key
        self.params = params
        super().__init__(self.render("en"))

    def where(self, lang: str = "en") -> str:
        """Describe the location of the problem (file, row, column, key)."""
        words = {
            "en": ("row", "column", "key"),
            "id": ("baris", "kolom", "kunci"),
        }[lang if lang in ("en", "id") else "en"]
        parts = []
        if self.file:
            parts.append(self.file)
        if self.row is not None:
            parts.append(f"{words[0]} {self.row}")
        if self.column is not None:
            parts.append(f"{words[1]} '{self.column}'")
        if self.key is not None:
            parts.append(f"{words[2]} '{self.key}'")
        return ", ".join(parts)

    def render(self, lang: str = "en") -> str:
        """Full message in ``lang`` ("en" or "id"): location, problem and fix."""
        loc = {"column": self.column, "key": self.key, "row": self.row, "file": self.file}
        fields = {k: v for k, v in loc.items() if v is not None} | self.params
        what, fix = render(self.code, lang, **fields)
        where = self.where(lang)
        text = f"{where}: {what}" if where else what
        if fix:
            label = "Cara memperbaiki" if lang == "id" else "How to fix"
            text += f"\n  {label}: {fix}"
        return text

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready description of the error."""
        return {
            "code": self.code,
            "message": self.render("en"),
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "key": self.key,
        }


class InputError(ShelfLifeError, ValueError):
    """A data file, a study file or an argument is wrong."""


class UnitError(InputError):
    """A unit is missing, unknown or of the wrong dimension."""


class StudyFileError(InputError):
    """``study.toml`` is malformed or has unknown or missing keys."""


class FitError(ShelfLifeError, RuntimeError):
    """A model cannot be fitted to the data."""


class ConvergenceError(FitError):
    """The optimiser did not converge; the message carries a checklist of likely causes."""


class ShelfLifeWarning(UserWarning):
    """Base class of the warnings emitted by :mod:`shelflife`."""


class ExtrapolationWarning(ShelfLifeWarning):
    """A prediction lies outside the tested temperatures or times."""


class PlausibilityWarning(ShelfLifeWarning):
    """A value is possible but suspicious (a poor fit, a limit exceeded at time zero...)."""


class ConvergenceWarning(ShelfLifeWarning):
    """The fit converged with difficulty or a parameter sits at a bound."""


class DesignWarning(ShelfLifeWarning):
    """The study design cannot support the conclusion well (too few temperatures...)."""


_CATEGORIES: dict[str, type[ShelfLifeWarning]] = {
    "extrapolation": ExtrapolationWarning,
    "design": DesignWarning,
    "convergence": ConvergenceWarning,
    "plausibility": PlausibilityWarning,
    "logger": PlausibilityWarning,
}


@dataclass(frozen=True)
class Notice:
    """A coded guardrail warning attached to a result.

    Parameters
    ----------
    code : str
        Stable identifier, e.g. ``"extrapolation"`` or ``"too_few_temperatures"``.
    category : str
        One of ``"extrapolation"``, ``"design"``, ``"convergence"``, ``"plausibility"``.
    attribute : str or None
        The quality attribute concerned, ``None`` for study-wide notices.
    params : dict
        Values substituted into the message template (numbers already rounded for display).
    """

    code: str
    category: str = "plausibility"
    attribute: str | None = None
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        """Plain-language message in ``lang`` ("en" or "id")."""
        what, fix = render(self.code, lang, attribute=self.attribute, **self.params)
        return f"{what[:1].upper()}{what[1:]} {fix[:1].upper()}{fix[1:]}".strip()

    def to_dict(self) -> dict[str, Any]:
        """JSON form: ``{"code", "message", "message_id", "category", "attribute"}``."""
        out: dict[str, Any] = {"code": self.code, "message": self.message("en")}
        out["message_id"] = self.message("id")
        out["category"] = self.category
        if self.attribute is not None:
            out["attribute"] = self.attribute
        return out

    def emit(self, stacklevel: int = 3) -> None:
        """Emit the notice as a Python warning of the matching :class:`ShelfLifeWarning`."""
        cls = _CATEGORIES.get(self.category, ShelfLifeWarning)
        warnings.warn(f"[{self.code}] {self.message('en')}", cls, stacklevel=stacklevel)
