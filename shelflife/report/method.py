"""The method statement of the HTML durability report.

The fixed paragraphs of :data:`shelflife.report.i18n.METHOD_PARAGRAPHS`, with what this
analysis used added after the first: the error model of each attribute and the attributes
fitted with per-temperature initial values; the diagnostics and isoconversion close the
statement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .i18n import LABELS, METHOD_PARAGRAPHS, format_number, t

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import StudyAnalysis
    from ..results import FitResult


def _join(names: list[str], lang: str) -> str:
    """``"a"``, ``"a and b"``, ``"a, b and c"`` (``dan`` in Indonesian)."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {t('and', lang)} {names[-1]}"


def _error_model_text(fit: FitResult, lang: str) -> str:
    key = f"error_model_{fit.error_model}"
    if key not in LABELS:
        return fit.error_model
    if fit.error_model == "combined":
        return t(key, lang, c=format_number(fit.variance_parameter, lang, 3, significant=True))
    return t(key, lang)


def _method(analysis: StudyAnalysis, lang: str) -> list[str]:
    """The method statement: fixed paragraphs plus what this analysis used.

    The error model of each attribute and per-temperature initial values are stated after
    the first paragraph; the diagnostics and isoconversion close the statement.
    """
    fixed = list(METHOD_PARAGRAPHS[lang])
    by_model: dict[str, list[str]] = {}
    for aa in analysis.attributes:
        by_model.setdefault(_error_model_text(aa.fit, lang), []).append(aa.attribute.display_name)
    used = [
        " ".join(
            t("method_error_model", lang, attributes=_join(names, lang), model=text)
            for text, names in by_model.items()
        )
    ]
    per_temperature = [
        aa.attribute.display_name
        for aa in analysis.attributes
        if aa.fit.model.initial_temperatures
    ]
    if per_temperature:
        used.append(
            t("method_initial_per_temperature", lang, attributes=_join(per_temperature, lang))
        )
    closing = []
    thresholds = [aa.diagnostics.outlier_threshold for aa in analysis.attributes if aa.diagnostics]
    if thresholds:
        closing.append(
            t(
                "method_diagnostics",
                lang,
                threshold=format_number(max(thresholds), lang, 2, trim=True),
            )
        )
    if any(aa.isoconversion is not None for aa in analysis.attributes):
        closing.append(t("method_isoconversion", lang))
    return fixed[:1] + used + fixed[1:] + closing
