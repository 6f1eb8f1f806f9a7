"""Attributes that are not reaction kinetics, in the same verdict: microbes and consumers.

A study may mix chemical attributes (fitted with reaction kinetics) with microbial counts
(``kind = "microbial"`` in ``study.toml``; log10 CFU/g fitted with the Baranyi primary model
and a secondary model of the growth rate, :func:`shelflife.microbial.fit_growth_global`).
:func:`analyze_microbial` turns one such attribute into a :class:`MicrobialAttributeAnalysis`,
which :class:`~shelflife.analysis.StudyAnalysis` keeps in ``others``: its shelf lives (the
time for the mean count to reach the attribute's limit) take part in naming the limiting
attribute at each storage temperature, and it adds its own section to the report and its own
entry to ``other_attributes`` in the result JSON.

Consumer panels (``[[sensory]]``) are analysed the same way by :func:`analyze_sensory`: the
shelf life is the storage time at which the chosen share of consumers rejects the product
(Hough's survival analysis, :func:`shelflife.sensory.fit_survival`).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np

from .errors import Notice
from .study import Attribute, Study

__all__ = [
    "MicrobialAttributeAnalysis",
    "analyze_microbial",
    "SensoryAttributeAnalysis",
    "analyze_sensory",
]


def _shelf_life_lines(shelf_lives, lang: str) -> list[str]:
    from .report.i18n import format_celsius, format_days, format_number, months_days_text, t

    out = []
    for s in shelf_lives:
        head = f"  {format_celsius(s.temperature, lang)}: {t('shelf_life', lang).lower()} "
        if s.estimate > 0 and np.isfinite(s.estimate):
            out.append(
                f"{head}{format_days(s.estimate, lang)} ({months_days_text(s.estimate, lang)}), "
                f"{t('ci95', lang)} {format_number(s.ci95[0], lang, 1)}–"
                f"{format_number(s.ci95[1], lang, 1)} {t('days', lang)}; "
                f"{t('conservative', lang).lower()} {format_days(s.conservative, lang)}"
            )
        else:
            out.append(f"{head}{format_days(s.estimate, lang)}")
    return out


@dataclass(frozen=True)
class MicrobialAttributeAnalysis:
    """A microbial attribute of a study: global growth fit and shelf lives.

    Attributes
    ----------
    attribute : Attribute
        With ``kind = "microbial"``; ``limit`` is the spoilage or safety level
        [log10 CFU/g].
    model : shelflife.microbial.GrowthModel
    shelf_lives : tuple of ShelfLife
        Time for the mean count to reach the limit, per storage temperature [day].
    notices : tuple of Notice
    """

    attribute: Attribute
    model: Any
    shelf_lives: tuple[Any, ...]
    notices: tuple[Notice, ...] = ()

    kind = "microbial"

    @property
    def name(self) -> str:
        """The attribute's name."""
        return self.attribute.name

    @property
    def display_name(self) -> str:
        """Name shown in tables."""
        return self.attribute.display_name

    def to_dict(self) -> dict[str, Any]:
        """The entry of ``other_attributes`` in the result JSON."""
        a = self.attribute
        return {
            "name": a.name,
            "kind": "microbial",
            "unit": a.unit,
            "limit": a.limit_dict(),
            "model": self.model.to_dict(),
            "shelf_lives": [s.to_dict() for s in self.shelf_lives],
            "warnings": [n.to_dict() for n in self.notices],
        }

    def summary_lines(self, lang: str = "en") -> list[str]:
        """Lines of the plain-text summary."""
        from .report.i18n import format_number, t, unit_label

        a = self.attribute
        head = (
            f"{a.display_name} [{unit_label(a.unit, lang)}] ({t('limit', lang).lower()} "
            f"{format_number(a.limit, lang, 1)}): {t('kind_microbial', lang)}, Baranyi + "
            f"{self.model.secondary.name}"
        )
        return [head, *_shelf_life_lines(self.shelf_lives, lang)]

    def report_section(self, lang: str = "en") -> dict[str, Any]:
        """The report section (see :mod:`shelflife.report.sections`)."""
        from .report.i18n import format_celsius, format_number, t
        from .report.sections import figure, section, table

        params = self.model.parameters
        rows = [
            [
                name,
                format_number(p["value"], lang, 4, significant=True),
                f"{format_number(p['ci95'][0], lang, 3, significant=True)}–"
                f"{format_number(p['ci95'][1], lang, 3, significant=True)}",
                p["unit"],
            ]
            for name, p in params.items()
        ]
        life_rows = [
            [
                format_celsius(s.temperature, lang),
                format_number(s.estimate, lang, 1) if np.isfinite(s.estimate) else "∞",
                f"{format_number(s.ci95[0], lang, 1)}–{format_number(s.ci95[1], lang, 1)}",
                format_number(s.conservative, lang, 1) if np.isfinite(s.conservative) else "∞",
            ]
            for s in self.shelf_lives
        ]
        return section(
            f"microbial-{self.name}",
            f"{self.display_name}: {t('kind_microbial', lang)}",
            paragraphs=[
                t("microbial_section_intro", lang).format(
                    secondary=self.model.secondary.name,
                    limit=format_number(self.attribute.limit, lang, 1),
                )
            ],
            warnings=[n.message(lang) for n in self.notices],
            tables=[
                table(
                    [t("parameter", lang), t("estimate", lang), t("ci95", lang), t("unit", lang)],
                    rows,
                    numeric=(1, 2),
                ),
                table(
                    [
                        t("storage_temperature", lang),
                        f"{t('shelf_life', lang)} [{t('day', lang)}]",
                        t("ci95", lang),
                        f"{t('conservative', lang)} [{t('day', lang)}]",
                    ],
                    life_rows,
                    numeric=(1, 2, 3),
                ),
            ],
            figures=[
                figure(
                    lambda o, ax, lg: o.plot(ax=ax, lang=lg),
                    self.model,
                    lang,
                    t("microbial_figure", lang),
                )
            ],
        )


def analyze_microbial(
    study: Study, attr: Attribute, storage_K: np.ndarray
) -> MicrobialAttributeAnalysis:
    r"""Fit one microbial attribute of a study across its temperatures (one-step).

    The counts of each storage temperature form one growth curve; all curves are fitted
    at once with the Baranyi model (constant :math:`h_0 = \mu_{max}\lambda`) and the
    attribute's ``secondary`` model; the shelf life is the time for the mean count to reach
    ``attr.limit`` [log10 CFU/g].
    """
    from .microbial import fit_growth_global
    from .units import get_registry

    reg = get_registry()
    t, T, y, _ = study.arrays(attr.name)
    curves = []
    for Tk in np.unique(T):
        sel = T == Tk
        curves.append((reg.Quantity(float(Tk), "K"), reg.Quantity(t[sel], "day"), y[sel]))
    notices: list[Notice] = []
    if attr.model not in ("auto", "baranyi"):
        notices.append(
            Notice("microbial_primary_baranyi", "design", attr.name, {"model": attr.model})
        )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = fit_growth_global(
            curves,
            secondary=attr.secondary,
            unit=attr.unit or "log10 CFU/g",
            label=attr.name,
            detection_limit=None
            if attr.detection_limit is None
            else (attr.detection_limit, "log10 CFU/g"),
        )
    notices.extend(model.notices)
    lo, hi = float(np.min(T)), float(np.max(T))
    for Tk in np.asarray(storage_K, dtype=float):
        if Tk < lo - 0.5 or Tk > hi + 0.5:
            notices.append(
                Notice(
                    "microbial_outside_tested",
                    "extrapolation",
                    attr.name,
                    {
                        "temperature": round(Tk - 273.15, 1),
                        "low": round(lo - 273.15, 1),
                        "high": round(hi - 273.15, 1),
                    },
                )
            )
    lives = tuple(model.shelf_lives_at_kelvin(np.asarray(storage_K), level=attr.limit))
    return MicrobialAttributeAnalysis(
        attribute=attr, model=model, shelf_lives=lives, notices=tuple(notices)
    )


@dataclass(frozen=True)
class SensoryAttributeAnalysis:
    """A consumer panel of a study: survival fit and shelf lives.

    Attributes
    ----------
    spec : shelflife.sensory.study.SensorySpec
    fit : shelflife.sensory.SensoryFit
    shelf_lives : tuple of ShelfLife
        Time at which ``spec.fraction`` of consumers reject, per storage temperature the
        panel can speak for (its own temperature, or any with an Arrhenius fit) [day].
    notices : tuple of Notice
    """

    spec: Any
    fit: Any
    shelf_lives: tuple[Any, ...]
    notices: tuple[Notice, ...] = ()

    kind = "sensory"

    @property
    def name(self) -> str:
        """The panel's name."""
        return self.spec.name

    @property
    def display_name(self) -> str:
        """Name shown in tables."""
        return self.spec.display_name

    def to_dict(self) -> dict[str, Any]:
        """The entry of ``other_attributes`` in the result JSON."""
        return {
            "name": self.name,
            "kind": "sensory",
            "rejection_fraction": self.spec.fraction,
            "model": self.fit.to_dict(),
            "shelf_lives": [s.to_dict() for s in self.shelf_lives],
            "warnings": [n.to_dict() for n in self.notices],
        }

    def summary_lines(self, lang: str = "en") -> list[str]:
        """Lines of the plain-text summary."""
        from .report.i18n import format_number, t

        head = t("sensory_summary_head", lang).format(
            name=self.display_name,
            share=format_number(100 * self.spec.fraction, lang, 0),
            kind=t("kind_sensory", lang),
            distribution=self.fit.distribution,
            n=len(self.spec.panel.consumer),
        )
        return [head, *_shelf_life_lines(self.shelf_lives, lang)]

    def report_section(self, lang: str = "en") -> dict[str, Any]:
        """The report section (see :mod:`shelflife.report.sections`)."""
        from .report.i18n import format_celsius, format_number, t
        from .report.sections import figure, section, table

        life_rows = [
            [
                format_celsius(s.temperature, lang),
                format_number(s.estimate, lang, 1),
                f"{format_number(s.ci95[0], lang, 1)}–{format_number(s.ci95[1], lang, 1)}",
                format_number(s.conservative, lang, 1),
            ]
            for s in self.shelf_lives
        ]
        return section(
            f"sensory-{self.name}",
            f"{self.display_name}: {t('kind_sensory', lang)}",
            paragraphs=[
                t("sensory_section_intro", lang).format(
                    n=len(self.spec.panel.consumer),
                    distribution=self.fit.distribution,
                    share=format_number(100 * self.spec.fraction, lang, 0),
                )
            ],
            warnings=[n.message(lang) for n in self.notices],
            tables=[
                table(
                    [
                        t("storage_temperature", lang),
                        f"{t('shelf_life', lang)} [{t('day', lang)}]",
                        t("ci95", lang),
                        f"{t('conservative', lang)} [{t('day', lang)}]",
                    ],
                    life_rows,
                    numeric=(1, 2, 3),
                )
            ],
            figures=[
                figure(
                    lambda o, ax, lg: o.plot(ax=ax, lang=lg),
                    self.fit,
                    lang,
                    t("sensory_figure", lang),
                )
            ],
        )


def analyze_sensory(spec: Any, storage_K: np.ndarray) -> SensoryAttributeAnalysis:
    """Fit one consumer panel and give its shelf lives at the storage temperatures.

    A panel stored at one temperature speaks only for that temperature: other storage
    temperatures get no sensory shelf life (notice ``sensory_other_temperatures``). Panels at
    two or more temperatures are fitted with Arrhenius on the location parameter and give a
    shelf life at every storage temperature.
    """
    from .sensory import fit_survival

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit = fit_survival(spec.panel, spec.distribution, attribute=spec.name)
    notices: list[Notice] = list(spec.panel.notices) + list(fit.notices)
    temps = np.asarray(storage_K, dtype=float)
    if not fit.arrhenius:
        tested = spec.panel.temperatures
        if tested.size == 1:
            keep = np.abs(temps - tested[0]) < 0.05
        else:  # no temperature column: the panel is taken as stored at the first condition
            keep = np.arange(temps.size) == 0
        if not keep.all():
            notices.append(
                Notice(
                    "sensory_other_temperatures",
                    "extrapolation",
                    spec.name,
                    {"name": spec.name},
                )
            )
        temps = temps[keep]
        if tested.size != 1:
            from .results import ShelfLife

            r = fit.rejection_time(spec.fraction)
            lives = tuple(
                ShelfLife(spec.name, float(T), r.estimate, r.ci95, r.conservative) for T in temps
            )
            return SensoryAttributeAnalysis(spec, fit, lives, tuple(notices))
    tested = spec.panel.temperatures
    lo, hi = float(np.min(tested)), float(np.max(tested))
    for Tk in temps:
        if Tk < lo - 0.5 or Tk > hi + 0.5:
            notices.append(
                Notice(
                    "sensory_outside_tested",
                    "extrapolation",
                    spec.name,
                    {
                        "temperature": round(float(Tk) - 273.15, 1),
                        "low": round(lo - 273.15, 1),
                        "high": round(hi - 273.15, 1),
                    },
                )
            )
    lives = tuple(fit.shelf_lives_at_kelvin(temps, fraction=spec.fraction))
    return SensoryAttributeAnalysis(spec, fit, lives, tuple(notices))
