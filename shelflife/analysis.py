"""The main job: analyse every attribute of a study and name the limiting one.

:func:`analyze` fits each attribute (choosing the reaction order by AIC when the study says
``model = "auto"``), predicts shelf life at the storage temperatures and over a
temperature table, runs the guardrails, and returns an immutable :class:`StudyAnalysis`
that serialises to the result-JSON contract (DESIGN.md §5) and renders the report.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from . import __version__
from .diagnostics import Diagnostics, run_diagnostics
from .errors import FitError, InputError, Notice
from .fitting import fit_floats
from .guardrails import check_storage
from .isoconversion import IsoconversionResult, isoconversion
from .library import check_plausibility
from .models.kinetics import ORDERS
from .models.temperature import get_temperature_model
from .results import FitResult, ShelfLife, _num, celsius
from .units import to_kelvin

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .study import Attribute, Study

__all__ = ["analyze", "AttributeAnalysis", "StudyAnalysis", "SCHEMA", "TABLE_TEMPERATURES_C"]

#: Identifier of the result-JSON schema.
SCHEMA = "shelflife.result/1"
#: Temperatures of the shelf-life-versus-temperature table [°C].
TABLE_TEMPERATURES_C = tuple(float(x) for x in range(15, 46, 5))
#: |ΔAIC| below which two reaction orders are called equally supported (Burnham & Anderson).
AIC_TIE = 2.0


def _shelf_lives(fit: FitResult, T_K: Any, rh: float | None = None) -> tuple[ShelfLife, ...]:
    return tuple(fit.shelf_lives_at_kelvin(np.asarray(T_K, dtype=float), rh))


@dataclass(frozen=True)
class AttributeAnalysis:
    """Everything computed for one attribute.

    Attributes
    ----------
    attribute : Attribute
    fit : FitResult
        The chosen model.
    alternatives : tuple of FitResult
        Other reaction orders fitted (for ``model = "auto"``), for comparison.
    shelf_lives : tuple of ShelfLife
        At the study's storage temperatures.
    table : tuple of ShelfLife
        At :data:`TABLE_TEMPERATURES_C`.
    notices : tuple of Notice
        Guardrail warnings about this attribute.
    selection : str
        ``"aic"`` when the order was chosen by AIC, ``"declared"`` when fixed.
    """

    attribute: Attribute
    fit: FitResult
    alternatives: tuple[FitResult, ...]
    shelf_lives: tuple[ShelfLife, ...]
    table: tuple[ShelfLife, ...]
    notices: tuple[Notice, ...]
    selection: str
    alternative_shelf_lives: tuple[tuple[ShelfLife, ...], ...] = ()
    q10: tuple[tuple[float, float, float], ...] = ()
    isoconversion: IsoconversionResult | None = None
    diagnostics: Diagnostics | None = None

    def to_dict(self) -> dict[str, Any]:
        """The attribute block of the result JSON."""
        a = self.attribute
        f = self.fit.to_dict()
        out: dict[str, Any] = {
            "name": a.name,
            "unit": a.unit,
            "limit": a.limit_dict(),
            **({"reaction": a.reaction} if a.reaction else {}),
            "model": f["model"],
            "parameters": f["parameters"],
            "statistics": f["statistics"],
            "alternatives": [
                {
                    "model": alt.model_dict,
                    "aic": _num(alt.statistics["aic"]),
                    "rmse": _num(alt.statistics["rmse"]),
                    "r_squared": _num(alt.statistics["r_squared"]),
                    "parameters": alt.to_dict()["parameters"],
                    "shelf_life": [s.to_dict() for s in alt_sl],
                }
                for alt, alt_sl in zip(
                    self.alternatives, self.alternative_shelf_lives, strict=True
                )
            ],
            "selection": self.selection,
            "two_step": f["two_step"],
            "shelf_life": [s.to_dict() for s in self.shelf_lives],
            "shelf_life_table": [s.to_dict() for s in self.table],
            "q10": [
                {
                    "temperature": {"value": round(celsius(s.temperature), 6), "unit": "degC"},
                    "value": _num(q),
                    "ci95": [_num(lo), _num(hi)],
                }
                for s, (q, lo, hi) in zip(self.shelf_lives, self.q10, strict=True)
            ],
            "correlation": f["correlation"],
            **(
                {
                    "isoconversion": self.isoconversion.to_dict(
                        [s.temperature for s in self.shelf_lives]
                    )
                }
                if self.isoconversion is not None
                else {}
            ),
            "warnings": [n.to_dict() for n in self.notices],
        }
        if self.diagnostics is not None:
            d = self.diagnostics.to_dict()
            d.pop("warnings", None)  # already among the attribute's warnings
            out["diagnostics"] = d
        return out


@dataclass(frozen=True)
class StudyAnalysis:
    """Result of :func:`analyze`: all attributes of a study, and the verdict.

    Attributes
    ----------
    study : Study
    attributes : tuple of AttributeAnalysis
        The attributes fitted with reaction kinetics.
    storage_temperatures : tuple of float
        [K]
    others : tuple
        Attributes analysed otherwise (microbial growth, consumer rejection): each has
        ``name``, ``display_name``, ``kind``, ``shelf_lives`` (one
        :class:`~shelflife.prediction.ShelfLife` per storage temperature), ``notices``,
        ``to_dict()``, ``summary_lines(lang)`` and ``report_section(lang)``. They take part
        in the verdict like the kinetic attributes.
    """

    study: Study
    attributes: tuple[AttributeAnalysis, ...]
    storage_temperatures: tuple[float, ...]
    others: tuple[Any, ...] = ()

    def __getitem__(self, name: str) -> AttributeAnalysis:
        for a in self.attributes:
            if a.attribute.name == name:
                return a
        self.study.attribute(name)  # raises with the list of names
        raise KeyError(name)  # pragma: no cover

    @property
    def notices(self) -> tuple[Notice, ...]:
        """All guardrail notices: the data's (from reading them), then attribute by attribute."""
        found = (n for a in (*self.attributes, *self.others) for n in a.notices)
        return (*getattr(self.study, "notices", ()), *found)

    def all_shelf_lives(self) -> list[tuple[str, str, Any]]:
        """``(name, kind, ShelfLife)`` for every attribute, kinetic or other, and condition."""
        out = [(a.attribute.name, "chemical", s) for a in self.attributes for s in a.shelf_lives]
        out += [(o.name, o.kind, s) for o in self.others for s in o.shelf_lives]
        return out

    def shelf_life_of(self, name: str, temperature_K: float):
        """The :class:`~shelflife.prediction.ShelfLife` of attribute ``name`` at ``temperature_K``."""
        for n, _, s in self.all_shelf_lives():
            if n == name and abs(s.temperature - temperature_K) < 1e-9:
                return s
        raise KeyError((name, temperature_K))

    def display_names(self) -> dict[str, str]:
        """Attribute name -> display name, kinetic and other attributes."""
        out = {a.attribute.name: a.attribute.display_name for a in self.attributes}
        out.update({o.name: o.display_name for o in self.others})
        return out

    def limiting_at(self, temperature_K: float) -> str | None:
        """Attribute with the shortest shelf life at a storage temperature [K]."""
        best, best_t = None, np.inf
        for name, _, s in self.all_shelf_lives():
            if abs(s.temperature - temperature_K) < 1e-9 and s.estimate < best_t:
                best, best_t = name, s.estimate
        return best

    @property
    def limiting_attribute(self) -> str | None:
        """Attribute with the shortest shelf life at the first storage temperature."""
        if not self.storage_temperatures:
            return None
        return self.limiting_at(self.storage_temperatures[0])

    @property
    def smallest_activation_energy_attribute(self) -> str | None:
        """The attribute local practice would call critical ("smallest Ea" rule).

        Shown for comparison only: the limiting attribute is the one that reaches its limit
        first at the storage temperature (users-and-markets §1.3).
        """
        with_ea = [a for a in self.attributes if "activation_energy" in a.fit.parameters]
        if not with_ea:
            return None
        return min(
            with_ea, key=lambda a: a.fit.parameters["activation_energy"].value
        ).attribute.name

    def summary(self) -> pd.DataFrame:
        """One row per attribute and storage temperature."""
        import pandas as pd

        rows = []
        for a in self.attributes:
            ea = a.fit.parameters["activation_energy"]
            for s in a.shelf_lives:
                rows.append(
                    {
                        "attribute": a.attribute.name,
                        "model": f"{a.fit.order} order",
                        "Ea [kJ/mol]": ea.value,
                        "temperature [°C]": round(celsius(s.temperature), 6),
                        "shelf life [day]": s.estimate,
                        "CI95 low [day]": s.ci95[0],
                        "CI95 high [day]": s.ci95[1],
                        "conservative [day]": s.conservative,
                        "months + days": s.months_days(),
                        "limiting": a.attribute.name == self.limiting_at(s.temperature),
                    }
                )
        for o in self.others:
            for s in o.shelf_lives:
                rows.append(
                    {
                        "attribute": o.name,
                        "model": o.kind,
                        "Ea [kJ/mol]": np.nan,
                        "temperature [°C]": round(celsius(s.temperature), 6),
                        "shelf life [day]": s.estimate,
                        "CI95 low [day]": s.ci95[0],
                        "CI95 high [day]": s.ci95[1],
                        "conservative [day]": s.conservative,
                        "months + days": s.months_days(),
                        "limiting": o.name == self.limiting_at(s.temperature),
                    }
                )
        return pd.DataFrame(rows)

    def summary_text(self, lang: str = "en") -> str:
        """Short plain-text summary (what the CLI prints)."""
        from .report.text import summary_text

        return summary_text(self, lang)

    def to_dict(self, extras: Sequence[Any] = ()) -> dict[str, Any]:
        """The result JSON (DESIGN.md §5 contract; later capabilities only add keys).

        ``extras`` are further results (a history prediction, a route simulation, a label)
        added under their own key (``json_key``), e.g. ``"history"``.
        """
        st = self.study
        out: dict[str, Any] = {
            "schema": SCHEMA,
            "software": {"name": "shelflife", "version": __version__},
            "study": {
                "name": st.name,
                "product": st.product,
                "inputs": st.source.get("sha256", {}),
            },
            "storage_conditions": [
                {
                    "temperature": {"value": round(celsius(T), 6), "unit": "degC"},
                    **({"rh": {"value": st.storage_rh, "unit": "%"}} if st.storage_rh else {}),
                }
                for T in self.storage_temperatures
            ],
            "attributes": [a.to_dict() for a in self.attributes],
            "limiting_attribute": self.limiting_attribute,
            "limiting_attribute_by_condition": [
                {
                    "temperature": {"value": round(celsius(T), 6), "unit": "degC"},
                    "attribute": self.limiting_at(T),
                }
                for T in self.storage_temperatures
            ],
            "smallest_activation_energy_attribute": self.smallest_activation_energy_attribute,
            "warnings": [n.to_dict() for n in self.notices],
        }
        if self.others:
            out["other_attributes"] = [o.to_dict() for o in self.others]
        for x in extras:
            out[x.json_key] = x.to_dict()
        return out

    def to_json(self, indent: int = 2, extras: Sequence[Any] = ()) -> str:
        """The result JSON as text (deterministic: same inputs, same bytes)."""
        return (
            json.dumps(self.to_dict(extras), indent=indent, ensure_ascii=False, allow_nan=False)
            + "\n"
        )

    def report(self, lang: str = "en", extras: Sequence[Any] = (), signoff: Any = None) -> str:
        """Self-contained HTML durability report in English (``"en"``) or Indonesian (``"id"``).

        ``extras`` add their own sections (see :mod:`shelflife.report.sections`);
        ``signoff`` (a :class:`~shelflife.study.ReportMeta` or a mapping with ``analyst``,
        ``reviewer``, ``laboratory``, ``signed``) overrides the study's ``[report]`` table.
        """
        from .report.builder import build_report

        return build_report(self, lang=lang, extras=extras, signoff=signoff)

    def report_pdf(
        self, lang: str = "en", extras: Sequence[Any] = (), signoff: Any = None
    ) -> bytes:
        """The durability report as PDF (the same content as :meth:`report`).

        Typeset from the HTML report in pure Python (see :mod:`shelflife.report.pdf`);
        the same analysis always gives the same bytes.
        """
        from .report.pdf import pdf_from_builder

        return pdf_from_builder(
            lambda: self.report(lang=lang, extras=extras, signoff=signoff), lang=lang
        )

    def write(
        self,
        out_dir: Any,
        *,
        lang: str = "en",
        extras: Sequence[Any] = (),
        formats: str | Sequence[str] = ("html",),
    ) -> dict[str, str]:
        """Write ``result.json`` and the report into ``out_dir`` atomically.

        Everything is rendered in memory first; each file is written to a temporary name
        and renamed, so an interrupted run leaves no half-written output. ``extras`` (a
        history prediction, a route simulation, a label) add their JSON key and report
        section. ``formats``: ``"html"`` (``report.html``), ``"pdf"`` (``report.pdf``) or
        both, e.g. ``("html", "pdf")`` or ``"html,pdf"``.
        """
        from .io.output import check_formats, report_files, write_outputs

        formats = check_formats(formats)
        files: dict[str, str | bytes] = {"result.json": self.to_json(extras=extras)}

        def build() -> str:
            return self.report(lang=lang, extras=extras)

        files.update(report_files(build, lang=lang, formats=formats))
        return write_outputs(out_dir, files)

    def __str__(self) -> str:
        return self.summary_text()

    def _repr_html_(self) -> str:
        from .report.html_tables import study_analysis_html

        return study_analysis_html(self)

    def plot(self, ax=None, *, attribute: str | None = None, kind: str = "fit", lang: str = "en"):
        """Plot one attribute's fit (see :meth:`FitResult.plot`); the limiting one by default."""
        name = attribute or (self.limiting_attribute or self.attributes[0].attribute.name)
        return self[name].fit.plot(ax=ax, kind=kind, lang=lang)


def _orders_for(attr: Attribute, y: np.ndarray, override: str | None) -> tuple[list[str], str]:
    choice = override or attr.model
    if choice == "auto":
        names = [n for n in ("zero", "first") if not (ORDERS[n].needs_positive and np.any(y <= 0))]
        return names, "aic"
    return [choice], "declared"


def analyze_attribute(
    study: Study, attr: Attribute, storage_K: np.ndarray, *, order: str | None = None
) -> AttributeAnalysis:
    """Fit one attribute, choose the order, predict and run the guardrails."""
    t, T, y, rows = study.arrays(attr.name)
    rh = None
    storage_rh = study.storage_rh
    if get_temperature_model(attr.temperature_model).uses_rh:
        if "rh" not in study.data.columns:
            raise FitError(
                "not_identifiable",
                attribute=attr.name,
                model=attr.temperature_model,
                reason="the data have no rh column",
            )
        rh = study.data.loc[rows, "rh"].to_numpy(dtype=float)
        if storage_rh is None:
            raise InputError("rh_required", model=attr.temperature_model, key="conditions.rh")
    else:
        storage_rh = None
    names, selection = _orders_for(attr, y, order)
    fits: list[FitResult] = []
    errors: list[FitError] = []
    for name in names:
        try:
            fits.append(
                fit_floats(
                    t,
                    T,
                    y,
                    order=name,
                    temperature_model=attr.temperature_model,
                    attribute=attr,
                    rh=rh,
                    initial=attr.initial,
                    rows=rows,
                    file=study.source.get("data_file"),
                    column=study.source.get("columns", {}).get(attr.name),
                )
            )
        except FitError as exc:
            if selection == "declared":
                raise
            errors.append(exc)
    if not fits:
        raise errors[0]
    fits.sort(key=lambda f: f.statistics["aic"])
    chosen, alternatives = fits[0], tuple(fits[1:])
    notices = list(chosen.notices)
    notices.extend(check_plausibility(chosen, attr.reaction))
    diag = run_diagnostics(chosen, untestable_notice=False)
    notices.extend(diag.notices)
    if alternatives:
        delta = alternatives[0].statistics["aic"] - chosen.statistics["aic"]
        if delta < AIC_TIE:
            notices.append(
                Notice(
                    "order_ambiguous",
                    "design",
                    attr.name,
                    {"delta": float(delta), "chosen": chosen.order},
                )
            )
    notices.extend(check_storage(chosen, storage_K))
    table_K = np.array(TABLE_TEMPERATURES_C) + 273.15
    iso = None
    if rh is None and np.isfinite(attr.limit):
        iso = isoconversion(t, T, y, attr.limit, attr.direction)
    return AttributeAnalysis(
        attribute=attr,
        fit=chosen,
        alternatives=alternatives,
        shelf_lives=_shelf_lives(chosen, storage_K, storage_rh),
        table=_shelf_lives(chosen, table_K, storage_rh),
        notices=tuple(notices),
        selection=selection,
        alternative_shelf_lives=tuple(
            _shelf_lives(alt, storage_K, storage_rh) for alt in alternatives
        ),
        q10=tuple(
            (q, lo, hi)
            for q, (lo, hi) in (chosen.q10_at_kelvin(float(T), storage_rh) for T in storage_K)
        ),
        isoconversion=iso,
        diagnostics=diag,
    )


def analyze(
    study: Study,
    *,
    storage: Any = None,
    orders: dict[str, str] | None = None,
    emit_warnings: bool = True,
) -> StudyAnalysis:
    """Analyse every attribute of a study.

    Parameters
    ----------
    study : Study
        Validated measurements (:func:`shelflife.read_study`).
    storage : list of temperature-like, optional
        Storage temperatures at which shelf life is wanted; defaults to the study's
        ``[conditions] storage``. [°C, K or °F]
    orders : dict, optional
        Attribute name -> ``"zero"``/``"first"``/``"auto"``, overriding the study file.
    emit_warnings : bool
        Also emit the guardrail notices as Python warnings (useful in notebooks).

    Returns
    -------
    StudyAnalysis
    """
    if study.method == "critical_moisture":
        from .critical import analyze_moisture

        return analyze_moisture(study, emit_warnings=emit_warnings)  # type: ignore[arg-type]
    if study.method == "ich_q1e":
        from .realtime import analyze_realtime

        others = [a.name for a in study.attributes if a.kind != "chemical"]
        others += [spec.name for spec in study.sensory]
        if others:
            raise InputError("q1e_other_kinds", names=", ".join(others))

        return analyze_realtime(study, storage=storage, emit_warnings=emit_warnings)
    if storage is None:
        storage_K = np.asarray(study.storage_temperatures, dtype=float)
    else:
        items = storage if isinstance(storage, (list, tuple)) else [storage]
        storage_K = np.array([float(to_kelvin(s)) for s in items])
    orders = orders or {}
    for name in orders:
        study.attribute(name)
    results = tuple(
        analyze_attribute(study, a, storage_K, order=orders.get(a.name))
        for a in study.attributes
        if a.kind == "chemical"
    )
    others: tuple[Any, ...] = ()
    if any(a.kind == "microbial" for a in study.attributes):
        from .others import analyze_microbial

        others = tuple(
            analyze_microbial(study, a, storage_K)
            for a in study.attributes
            if a.kind == "microbial"
        )
    if study.sensory:
        from .others import analyze_sensory

        others += tuple(analyze_sensory(spec, storage_K) for spec in study.sensory)
    analysis = StudyAnalysis(
        study=study,
        attributes=results,
        storage_temperatures=tuple(storage_K),
        others=others,
    )
    if emit_warnings:
        for n in analysis.notices:
            n.emit(stacklevel=3)
    return analysis
