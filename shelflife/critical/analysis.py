r"""Analysis of a critical-moisture study: isotherm, packages, time to the critical moisture.

:func:`analyze_moisture` runs, for a :class:`~shelflife.critical.reader.MoistureStudy`:

1. every sorption-isotherm model on the data (:func:`shelflife.moisture.fit_isotherms`),
   ranked by AICc with the mean relative deviation (MRD) of Indonesian practice beside it;
   the study's choice, or the best one;
2. the equilibrium moisture :math:`m_e` at the outside condition from that isotherm, and a
   check that the critical moisture lies below it (otherwise the limit is never reached);
3. for every packaging option, Labuza's closed form (secant slope between :math:`m_i` and
   :math:`m_c`, as labs compute it) and the numerical solution with the fitted nonlinear
   isotherm (:func:`shelflife.packaging.compare_packages`), plus the barrier a target shelf
   life needs; with ``[conditions] history`` the uptake is integrated along that history;
4. the internal water activity and moisture along time per option
   (:func:`shelflife.packaging.moisture_uptake`).

The result writes the same outputs as a kinetics analysis: ``result.json`` (method
``critical_moisture``) and a bilingual HTML report.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .. import __version__
from ..errors import Notice
from ..units import format_duration
from .reader import MoistureStudy

__all__ = ["MoistureAnalysis", "analyze_moisture"]

SCHEMA = "shelflife.result/1"
#: Beyond this time to the critical moisture [day] (three years) moisture uptake is not what
#: ends the shelf life: chemical changes (e.g. oxidation) or the package's seals will.
MOISTURE_NOT_LIMITING_DAYS = 3 * 365.25


def _num(x: Any) -> float | None:
    return float(x) if x is not None and np.isfinite(x) else None


@dataclass(frozen=True)
class MoistureAnalysis:
    """Result of :func:`analyze_moisture`.

    Attributes
    ----------
    study : MoistureStudy
    isotherms : shelflife.moisture.IsothermComparison
    isotherm : shelflife.moisture.IsothermFit
        The isotherm used.
    equilibrium : float
        :math:`m_e` at the outside RH from the isotherm [g/g dry basis].
    comparison : shelflife.packaging.PackageComparison
    uptakes : tuple of shelflife.packaging.MoistureUptake
        One per packaging option (numerical, nonlinear isotherm).
    history : object or None
        The resolved history (:class:`shelflife.distribution.ResolvedHistory`) if any.
    notices : tuple of Notice
    """

    study: MoistureStudy
    isotherms: Any
    isotherm: Any
    equilibrium: float
    comparison: Any
    uptakes: tuple[Any, ...]
    history: Any
    notices: tuple[Notice, ...]

    method = "critical_moisture"

    @property
    def best_option(self):
        """The packaging option with the longest numerical shelf life."""
        return max(self.uptakes, key=lambda u: u.days)

    def shelf_lives(self) -> dict[str, float]:
        """Option name -> time to the critical moisture [day] (numerical)."""
        return {s.name: u.days for s, u in zip(self.study.packaging, self.uptakes, strict=True)}

    # ---------------------------------------------------------------- outputs
    def to_dict(self) -> dict[str, Any]:
        """The result JSON (``schema: shelflife.result/1``, ``method: critical_moisture``)."""
        st = self.study
        return {
            "schema": SCHEMA,
            "software": {"name": "shelflife", "version": __version__},
            "method": "critical_moisture",
            "study": {
                "name": st.name,
                "product": st.product,
                "inputs": st.source.get("sha256", {}),
            },
            "storage_conditions": [
                {
                    "temperature": {"value": round(st.temperature - 273.15, 6), "unit": "degC"},
                    "rh": {"value": st.rh, "unit": "%"},
                    **({"history": self.history.source} if self.history is not None else {}),
                }
            ],
            "moisture": {
                "basis": "dry",
                "unit": "g/g",
                "initial": st.initial,
                "critical": st.critical,
                "critical_from": st.critical_from,
                "critical_note": st.critical_note,
                "equilibrium": _num(self.equilibrium),
            },
            "isotherms": self.isotherms.to_dict(),
            "isotherm": self.isotherm.to_dict(),
            "package": {
                "area": {"value": st.area, "unit": "m^2"},
                "dry_mass": {"value": st.dry_mass, "unit": "g"},
                "target": None if st.target is None else {"value": st.target, "unit": "day"},
            },
            "packaging": self.comparison.to_dict(),
            "uptake": [u.to_dict(curve=False) for u in self.uptakes],
            "limiting_attribute": "moisture",
            "warnings": [n.to_dict() for n in self.notices],
        }

    def to_json(self, indent: int = 2) -> str:
        """The result JSON as text."""
        return (
            json.dumps(self.to_dict(), indent=indent, ensure_ascii=False, allow_nan=False) + "\n"
        )

    def summary_text(self, lang: str = "en") -> str:
        """Plain-text summary in English or Indonesian."""
        from ..report.i18n import check_lang, format_number, t

        check_lang(lang)
        st = self.study
        iso = self.isotherm
        lines = [
            t("cm_summary_title", lang).format(product=st.product or st.name),
            "  "
            + t("cm_isotherm_line", lang).format(
                model=iso.name,
                mrd=format_number(iso.mrd, lang, 1),
                accuracy=iso.accuracy(lang),
            ),
            "  "
            + t("cm_condition_line", lang).format(
                T=format_number(st.temperature - 273.15, lang, 0),
                rh=format_number(st.rh, lang, 0),
                mi=format_number(st.initial, lang, 4),
                mc=format_number(st.critical, lang, 4),
                me=format_number(self.equilibrium, lang, 4),
            ),
        ]
        best = self.best_option
        for spec, u, row in zip(st.packaging, self.uptakes, self.comparison.options, strict=True):
            tag = " *" if u is best else ""
            closed = row.closed_form.days
            lines.append(
                "  "
                + t("cm_option_line", lang).format(
                    name=spec.name + tag,
                    days=format_number(u.days, lang, 0) if math.isfinite(u.days) else "∞",
                    md=format_duration(u.days, lang) if math.isfinite(u.days) else "–",
                    closed=format_number(closed, lang, 0) if np.isfinite(closed) else "∞",
                )
            )
        if st.target is not None:
            lines.append(
                "  " + t("cm_target_line", lang).format(target=format_duration(st.target, lang))
            )
        for n in self.notices:
            lines.append("  ! " + n.message(lang))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary_text()

    def _repr_html_(self) -> str:
        import html

        return "<pre>" + html.escape(self.summary_text()) + "</pre>"

    def plot(self, ax=None, *, kind: str = "uptake", lang: str = "en"):
        """Plot the analysis.

        ``kind``: ``"uptake"`` (internal water activity per option), ``"isotherm"`` (the
        fit) or ``"packages"`` (shelf life per option).
        """
        if kind == "isotherm":
            return self.isotherm.plot(ax=ax, lang=lang)
        if kind == "packages":
            return self.comparison.plot(ax=ax, lang=lang)
        from .plots import uptake_plot

        return uptake_plot(self, ax=ax, lang=lang)

    def report(self, lang: str = "en") -> str:
        """Self-contained HTML report in English or Indonesian."""
        from .report import build_moisture_report

        return build_moisture_report(self, lang=lang)

    def report_pdf(self, lang: str = "en") -> bytes:
        """The report as PDF (the same content as :meth:`report`; deterministic bytes)."""
        from ..report.pdf import pdf_from_builder

        return pdf_from_builder(lambda: self.report(lang=lang), lang=lang)

    def write(
        self,
        out_dir: Any,
        *,
        lang: str = "en",
        extras: Any = (),
        formats: str | tuple[str, ...] = ("html",),
    ) -> dict[str, str]:
        """Write ``result.json`` and the report into ``out_dir`` atomically.

        ``formats``: ``"html"`` (``report.html``), ``"pdf"`` (``report.pdf``) or both.
        """
        from ..io.output import check_formats, report_files, write_outputs

        formats = check_formats(formats)
        files: dict[str, str | bytes] = {"result.json": self.to_json()}
        files.update(report_files(lambda: self.report(lang=lang), lang=lang, formats=formats))
        return write_outputs(out_dir, files)


def _package(spec, study: MoistureStudy):
    from ..packaging import Film, Package, WvtrCondition, library_film

    if spec.wvtr is not None:
        film = Film(
            name=spec.name,
            wvtr=spec.wvtr,
            condition=WvtrCondition(spec.wvtr_temperature, spec.wvtr_rh),
        )
    else:
        thickness = None if spec.thickness is None else f"{spec.thickness * 1e6} um"
        film = library_film(spec.film, thickness=thickness)
    return Package(film, f"{study.area} m**2", f"{study.dry_mass} g", name=spec.name)


def analyze_moisture(study: MoistureStudy, *, emit_warnings: bool = True) -> MoistureAnalysis:
    """Analyse a critical-moisture study (see the module notes).

    Parameters
    ----------
    study : MoistureStudy
        From :func:`shelflife.read_study` (a folder with ``method = "critical_moisture"``).
    emit_warnings : bool
        Also emit the notices as Python warnings.

    Returns
    -------
    MoistureAnalysis
    """
    import warnings

    from ..moisture import fit_isotherms
    from ..packaging import compare_packages, moisture_uptake

    T_iso = study.isotherm_temperature
    temp = f"{T_iso} K" if np.isfinite(T_iso) else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        isotherms = fit_isotherms((study.aw, study.moisture), basis="dry", temperature=temp)
    iso = isotherms.best if study.isotherm == "auto" else isotherms[study.isotherm]
    notices: list[Notice] = list(study.notices) + list(iso.notices)
    me = float(iso.moisture_db(np.array([study.rh / 100.0]))[0])
    packages = {spec.name: _package(spec, study) for spec in study.packaging}
    history = None
    cond = {"temperature": f"{study.temperature} K", "rh": f"{study.rh} %"}
    if study.history is not None:
        from ..distribution.sources import resolve_history

        base = study.source.get("study_file")
        history = resolve_history(study.history, base=None if base is None else Path(base).parent)
        notices.extend(history.notices)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        comparison = compare_packages(
            iso,
            packages,
            initial=study.initial,
            critical=study.critical,
            target=None if study.target is None else f"{study.target} day",
            warn=False,
            **cond,
        )
        uptakes = tuple(
            moisture_uptake(
                iso,
                pkg,
                initial=study.initial,
                critical=study.critical,
                warn=False,
                **({"history": history.profile} if history is not None else cond),
            )
            for pkg in packages.values()
        )
    for spec, u in zip(study.packaging, uptakes, strict=True):
        if u.days > MOISTURE_NOT_LIMITING_DAYS:
            notices.append(
                Notice(
                    "moisture_not_limiting",
                    "plausibility",
                    None,
                    {"name": spec.name, "years": round(u.days / 365.25, 1)},
                )
            )
    seen = {n.code for n in notices}
    for src in (comparison, *uptakes):
        for n in getattr(src, "notices", ()):
            if n.code not in seen:
                notices.append(n)
                seen.add(n.code)
    if emit_warnings:
        for n in notices:
            n.emit(stacklevel=3)
    return MoistureAnalysis(
        study=study,
        isotherms=isotherms,
        isotherm=iso,
        equilibrium=me,
        comparison=comparison,
        uptakes=uptakes,
        history=history,
        notices=tuple(notices),
    )
