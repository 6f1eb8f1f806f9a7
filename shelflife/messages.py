"""The message catalogue: every error and warning in English and Bahasa Indonesia.

Each entry maps a stable *code* to a pair of templates per language: what is wrong, and how
to fix it (the second may be empty). Templates use :meth:`str.format` fields. The entries
live in topic modules of :mod:`shelflife.msgcat`, merged here into :data:`MESSAGES`.

A test checks that every code used in the package has both languages and that the fields of
the two templates agree.
"""

from __future__ import annotations

from typing import Any

__all__ = ["MESSAGES", "render"]

#: code -> {"en": (what, fix), "id": (what, fix)}
MESSAGES: dict[str, dict[str, tuple[str, str]]] = {}


def _merge_topics() -> None:
    """Merge the topic catalogues of :mod:`shelflife.msgcat` (codes must be unique)."""
    import importlib

    from .msgcat import TOPICS

    for topic in TOPICS:
        extra = importlib.import_module(f"shelflife.msgcat.{topic}").MESSAGES
        clash = sorted(set(extra) & set(MESSAGES))
        if clash:  # pragma: no cover - guarded by tests/test_messages.py
            raise RuntimeError(f"message codes defined twice: {clash}")
        MESSAGES.update(extra)


_merge_topics()

_WORDS = {
    "above": {"en": "above", "id": "di atas"},
    "below": {"en": "below", "id": "di bawah"},
    "rising": {"en": "it rises", "id": "nilainya naik"},
    "falling": {"en": "it falls", "id": "nilainya turun"},
    "zero": {"en": "zero", "id": "nol"},
    "first": {"en": "first", "id": "satu"},
}


def word(key: str, lang: str = "en") -> str:
    """Translate a short word used inside message parameters."""
    return _WORDS.get(key, {}).get(lang, key)


def _localise(value: Any, lang: str) -> Any:
    """Translate known words; write floats with 3 significant digits (decimal comma in id)."""
    if isinstance(value, str) and value in _WORDS:
        return word(value, lang)
    if isinstance(value, float):
        text = f"{value:.3g}"
        return text.replace(".", ",") if lang == "id" else text
    return value


def render(code: str, lang: str = "en", **params: Any) -> tuple[str, str]:
    """Return ``(what, fix)`` for message ``code`` in ``lang``.

    Unknown languages fall back to English; missing template fields are shown as ``?`` so
    that a message is never lost to a formatting error.
    """
    entry = MESSAGES.get(code)
    if entry is None:
        return (f"{code}: {params}", "")
    what, fix = entry.get(lang, entry["en"])
    params = {k: _localise(v, lang) for k, v in params.items()}

    class _Default(dict):
        def __missing__(self, key: str) -> str:
            return "?"

    fmt = _Default(params)
    return what.format_map(fmt), fix.format_map(fmt)
