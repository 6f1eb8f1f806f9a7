"""Errors whose free-text parameters are themselves catalogue messages.

Some message templates take a free-text parameter (``{suggestion}``, ``{reason}``, ``{what}``)
that must itself be translated: "did you mean 'name'?" in English is "Maksud Anda 'name'?" in
Bahasa Indonesia. The errors here keep such a parameter as a *hint* — a message code of
:data:`shelflife.messages.MESSAGES` with its own fields — and render it in the language of
the surrounding message. ``err.params`` holds the English rendering, so code that only reads
the parameters still sees a sensible value.

These errors also let a template use a location field (``{column}`` in ``column_missing``):
:class:`~shelflife.errors.ShelfLifeError` takes ``column=`` as the location, so it can never
reach the template as a parameter; here the location fills such fields.
"""

from __future__ import annotations

from typing import Any

from ..errors import InputError, ShelfLifeError, StudyFileError, UnitError
from ..messages import render

__all__ = ["Hint", "HintedInputError", "HintedStudyFileError", "HintedUnitError", "relocate"]

#: ``(message code, "what" or "fix", template fields)``
Hint = tuple[str, str, dict[str, Any]]


class _HintMixin:
    """Render the parameters listed in ``hints`` from the catalogue, per language."""

    def __init__(self, code: str, *, hints: dict[str, Hint] | None = None, **kwargs: Any) -> None:
        self.hints = dict(hints or {})
        kwargs.update(self._hinted("en"))
        super().__init__(code, **kwargs)  # type: ignore[call-arg]

    def _hinted(self, lang: str) -> dict[str, str]:
        out = {}
        for param, (code, part, fields) in self.hints.items():
            what, fix = render(code, lang, **fields)
            out[param] = what if part == "what" else fix
        return out

    def render(self, lang: str = "en") -> str:
        """Full message in ``lang`` with the hinted parameters rendered in ``lang`` too."""
        saved = self.params  # type: ignore[has-type]
        location = {f: getattr(self, f) for f in ("file", "row", "column", "key")}
        self.params = {**location, **saved, **self._hinted(lang)}
        try:
            return super().render(lang)  # type: ignore[misc]
        finally:
            self.params = saved


class HintedInputError(_HintMixin, InputError):
    """:class:`~shelflife.errors.InputError` with translated hint parameters."""


class HintedUnitError(_HintMixin, UnitError):
    """:class:`~shelflife.errors.UnitError` with translated hint parameters."""


class HintedStudyFileError(_HintMixin, StudyFileError):
    """:class:`~shelflife.errors.StudyFileError` with translated hint parameters."""


def relocate(err: ShelfLifeError, **where: Any) -> ShelfLifeError:
    """Return a copy of ``err`` (same class, code and parameters) at another location.

    Location fields given in ``where`` (``file``, ``row``, ``column``, ``key``) replace those
    of ``err``; the others are kept.
    """
    location = {name: getattr(err, name) for name in ("file", "row", "column", "key")}
    location.update({k: v for k, v in where.items() if v is not None})
    params = {k: v for k, v in err.params.items() if k not in getattr(err, "hints", {})}
    if isinstance(err, _HintMixin):
        return type(err)(err.code, hints=err.hints, **location, **params)
    return type(err)(err.code, **location, **params)
