"""The label table and its look-up: supported languages, :data:`LABELS`, :func:`t`.

:data:`LABELS` gathers the labels of the topic modules ``labels_*.py`` (general words,
real-time report, report sections and plots, diagnostics, method statement, distribution,
moisture, PDF and the report's appendices) into one table, in English (``"en"``) and Bahasa
Indonesia (``"id"``); a key may be defined only once. :func:`t` translates one label,
:func:`labels` gives all labels of one language (for templates), :func:`check_lang` refuses
an unknown language and :func:`sentence` capitalises a message.
"""

from __future__ import annotations

from typing import Any

__all__ = ["LANGUAGES", "LABELS", "check_lang", "t", "labels", "sentence"]

#: Supported languages.
LANGUAGES = ("en", "id")

#: key -> {"en": text, "id": text}. Texts may hold :meth:`str.format` fields.
LABELS: dict[str, dict[str, str]] = {}


def _merge_topic_labels() -> None:
    """Add the labels of the topic modules ``labels_*.py``, in order (keys must be new)."""
    from .labels_diagnostics import LABELS as diagnostics
    from .labels_distribution import LABELS as distribution
    from .labels_general import LABELS as general
    from .labels_method import LABELS as method
    from .labels_moisture import LABELS as moisture
    from .labels_pdf import LABELS as pdf
    from .labels_realtime import LABELS as realtime
    from .labels_report import LABELS as report
    from .labels_sections import LABELS as sections

    for extra in (
        general,
        realtime,
        sections,
        diagnostics,
        method,
        distribution,
        moisture,
        pdf,
        report,
    ):
        clash = sorted(set(extra) & set(LABELS))
        if clash:  # pragma: no cover - a programming error caught by any test run
            raise RuntimeError(f"labels defined twice: {clash}")
        LABELS.update(extra)


_merge_topic_labels()


def check_lang(lang: str) -> str:
    """Return ``lang`` if supported.

    Raises
    ------
    shelflife.errors.InputError
        ``option_unknown`` for a language other than ``"en"`` or ``"id"``.
    """
    if lang not in LANGUAGES:
        from ..errors import InputError

        raise InputError("option_unknown", what="language", value=lang, choices="en, id")
    return lang


def t(key: str, lang: str = "en", **params: Any) -> str:
    """Translate label ``key`` into ``lang``, filling in ``params``.

    Parameters
    ----------
    key : str
        A key of :data:`LABELS`.
    lang : {"en", "id"}
        Language.
    **params
        Values for the label's :meth:`str.format` fields.
    """
    text = LABELS[key][check_lang(lang)]
    return text.format(**params) if params else text


def labels(lang: str = "en") -> dict[str, str]:
    """All labels in one language, as a dict (for templates)."""
    check_lang(lang)
    return {k: v[lang] for k, v in LABELS.items()}


def sentence(text: str) -> str:
    """Capitalise the first letter of a message."""
    return text[:1].upper() + text[1:] if text else text
