"""HTML report of a critical-moisture study (template ``moisture.html.j2``)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..report.i18n import check_lang, format_number, t
from ..units import format_duration

__all__ = ["build_moisture_report"]

#: Template file in ``shelflife/report/templates``.
TEMPLATE = "moisture.html.j2"

REFERENCES = (
    "T. P. Labuza, Shelf-life dating of foods. Westport, CT: Food & Nutrition Press, 1982.",
    'P. S. Taoukis, A. El Meskine and T. P. Labuza, "Moisture transfer and shelf life of '
    'packaged foods," in Food and Packaging Interactions, ACS Symp. Ser. 365, 1988, '
    "pp. 243-261.",
    'L. Greenspan, "Humidity fixed points of binary saturated aqueous solutions," J. Res. '
    "Natl. Bur. Stand. A, vol. 81A, no. 1, pp. 89-96, 1977.",
    'W. Wagner and A. Pruss, "The IAPWS formulation 1995 for the thermodynamic properties of '
    'ordinary water substance," J. Phys. Chem. Ref. Data, vol. 31, pp. 387-535, 2002.',
    'E. O. Timmermann, "Multilayer sorption parameters: BET or GAB values?," Colloids Surf. '
    "A, vol. 220, pp. 235-260, 2003.",
)


def _days(x: float, lang: str) -> str:
    return format_number(x, lang, 0) if math.isfinite(x) else "∞"


def _draw(fn):
    def draw(obj, ax, lang):
        fn(obj, ax, lang)

    draw.__name__ = "_draw_" + fn.__name__
    return draw


def _sections(an: Any, lang: str) -> list[dict[str, Any]]:
    from ..report.sections import figure, section, table

    st, iso = an.study, an.isotherm
    T_iso = st.isotherm_temperature
    tab = an.isotherms.table(lang)
    rows = []
    names = list(tab.index) if tab.index.name == "model" else list(tab["model"])
    for name in names:
        r = tab.loc[name] if tab.index.name == "model" else tab[tab["model"] == name].iloc[0]
        f = an.isotherms[name]
        params = ", ".join(f"{p.symbol} = {p.value:.4g}" for p in f.parameters.values())
        rows.append(
            [
                str(r["title"]),
                params,
                format_number(float(r["mrd_percent"]), lang, 1),
                str(r["mrd_class"]),
                format_number(float(r["rmse"]), lang, 4),
                format_number(float(r["aicc"]), lang, 1) if np.isfinite(r["aicc"]) else "–",
            ]
        )
    iso_section = section(
        "isotherm",
        t("cm_isotherm_title", lang),
        paragraphs=[
            t("cm_isotherm_intro", lang).format(
                n=st.aw.size,
                T=f"{format_number(T_iso - 273.15, lang, 0)} °C" if np.isfinite(T_iso) else "–",
                model=iso.model.title,
            )
        ],
        tables=[
            table(
                [
                    t(k, lang)
                    for k in (
                        "cm_col_model",
                        "cm_col_params",
                        "cm_col_mrd",
                        "cm_col_accuracy",
                        "cm_col_rmse",
                        "cm_col_aicc",
                    )
                ],
                rows,
                numeric=(2, 4, 5),
                highlight=names.index(iso.name),
            )
        ],
        figures=[
            figure(
                lambda o, ax, lg: o.plot(ax=ax, lang=lg), iso, lang, t("cm_isotherm_figure", lang)
            )
        ],
    )
    cond = f"{format_number(st.temperature - 273.15, lang, 0)} °C / {format_number(st.rh, lang, 0)} % RH"
    prow = []
    for spec, opt, u in zip(st.packaging, an.comparison.options, an.uptakes, strict=True):
        film = opt.package.film
        c = film.condition
        prow.append(
            [
                spec.name,
                f"{format_number(film.wvtr, lang, 2)} ({format_number(c.temperature - 273.15, lang, 0)}"
                f" °C/{format_number(c.rh, lang, 0)} %)",
                _days(u.days, lang),
                _days(opt.closed_form.days, lang),
                format_number(opt.required_wvtr, lang, 2)
                if np.isfinite(opt.required_wvtr)
                else "–",
                format_number(opt.required_thickness, lang, 0)
                if np.isfinite(opt.required_thickness)
                else "–",
            ]
        )
    best = max(range(len(an.uptakes)), key=lambda i: an.uptakes[i].days)
    pk_section = section(
        "packaging",
        t("cm_packages_title", lang),
        paragraphs=[
            t("cm_packages_intro", lang).format(
                area=format_number(st.area, lang, 4),
                dry=format_number(st.dry_mass, lang, 0),
                cond=cond,
            )
        ],
        tables=[
            table(
                [
                    t("cm_col_option", lang),
                    t("cm_col_wvtr", lang),
                    t("cm_col_numerical", lang),
                    t("cm_col_closed", lang),
                    t("cm_col_required", lang),
                    t("cm_col_thickness", lang),
                ],
                prow,
                numeric=(2, 3, 4, 5),
                highlight=best,
            )
        ],
        figures=[
            figure(
                lambda o, ax, lg: o.plot(ax=ax, lang=lg),
                an.comparison,
                lang,
                t("cm_packages_figure", lang),
            )
        ],
    )
    aw_c = float(iso.water_activity_db(np.array([st.critical]))[0])
    shown = _featured(an)
    up_section = section(
        "uptake",
        t("cm_uptake_title", lang),
        paragraphs=[t("cm_uptake_intro", lang).format(aw_c=format_number(aw_c, lang, 3))],
        figures=[
            figure(
                lambda o, ax, lg: o.plot(ax=ax, kind="uptake", lang=lg),
                an,
                lang,
                t("cm_uptake_figure", lang),
            ),
            figure(
                lambda o, ax, lg: o.plot(ax=ax, lang=lg),
                an.uptakes[shown],
                lang,
                t("cm_best_figure", lang).format(name=st.packaging[shown].name),
                twin=True,
            ),
        ],
    )

    return [iso_section, pk_section, up_section]


def _featured(an: Any) -> int:
    """Index of the option drawn in detail.

    The weakest option that meets the target, else the longest below the not-limiting
    horizon, else the longest.
    """
    from .analysis import MOISTURE_NOT_LIMITING_DAYS

    days = [u.days for u in an.uptakes]
    meets = [i for i, o in enumerate(an.comparison.options) if o.meets_target]
    if meets:
        return min(meets, key=lambda i: days[i])
    short = [i for i, d in enumerate(days) if d <= MOISTURE_NOT_LIMITING_DAYS]
    pool = short or range(len(days))
    return max(pool, key=lambda i: days[i])


def _verdict(an: Any, lang: str) -> dict[str, Any]:
    st = an.study
    cards = []
    best = an.best_option
    for spec, opt, u in zip(st.packaging, an.comparison.options, an.uptakes, strict=True):
        lines = [
            t("cm_card_closed", lang).format(
                days=_days(opt.closed_form.days, lang) + " " + t("days", lang)
            )
        ]
        if opt.meets_target is True:
            lines.append(t("cm_card_target_met", lang))
        elif opt.meets_target is False and np.isfinite(opt.required_wvtr):
            lines.append(
                t("cm_card_target_missed", lang).format(
                    wvtr=format_number(opt.required_wvtr, lang, 2)
                )
            )
        cards.append(
            {
                "title": spec.name + (" *" if u is best else ""),
                "big": f"{_days(u.days, lang)} {t('days', lang)}",
                "md": format_duration(u.days, lang) if math.isfinite(u.days) else "–",
                "lines": lines,
            }
        )
    return {"intro": t("cm_verdict_intro", lang), "cards": cards}


def _data_tables(an: Any, lang: str) -> list[dict[str, Any]]:
    """The isotherm data as analysed: moisture (dry basis) per water activity."""
    from ..report.builder import _same_n, _value_decimals, data_cell

    st = an.study
    aw = np.round(np.asarray(st.aw, dtype=float), 6)
    m = np.asarray(st.moisture, dtype=float)
    if not aw.size:
        return []
    decimals = _value_decimals(m)
    rows = []
    for x in sorted(set(aw.tolist())):
        at = aw == x
        rows.append(
            {
                "lead": [format_number(x, lang, 4), ", ".join(str(r) for r in st.rows[at])],
                "cells": [data_cell(m[at].tolist(), lang, decimals)],
            }
        )
    return [
        {
            "caption": t("data_isotherm_caption", lang),
            "intro": _same_n(rows, lang),
            "head": [t("data_aw", lang), t("data_rows", lang)],
            "columns": [t("data_moisture", lang)],
            "rows": rows,
            "n": int(aw.size),
        }
    ]


def _options(an: Any, lang: str) -> list[tuple[str, list[str]]]:
    """The settings that change the result (reproducibility section)."""
    st = an.study
    g = "g/g"
    condition = (
        f"{format_number(st.temperature - 273.15, lang, 0)} °C / "
        f"{format_number(st.rh, lang, 0)} % RH"
    )
    if st.history is not None:
        condition += "; " + t("repro_cm_history", lang, history=st.history)
    out = [
        (t("repro_cm_condition", lang), [condition]),
        (
            t("repro_cm_isotherm", lang),
            [t("repro_cm_isotherm_value", lang, requested=st.isotherm, used=an.isotherm.name)],
        ),
        (
            t("repro_cm_moisture", lang),
            [
                f"{format_number(st.initial, lang, 4)} {g}; {format_number(st.critical, lang, 4)} "
                f"{g} ({st.critical_from})"
            ],
        ),
    ]
    target = "–" if st.target is None else f"{_days(st.target, lang)} {t('days', lang)}"
    out.append((t("repro_cm_target", lang), [target]))
    return out


def build_moisture_report(
    an: Any,
    lang: str = "en",
    *,
    extras: Any = (),
    signoff: Any = None,
    timestamp: Any = None,
) -> str:
    """Render the HTML report of a :class:`~shelflife.critical.MoistureAnalysis`.

    ``extras`` add their sections after the study's own; ``signoff`` (a
    :class:`~shelflife.study.ReportMeta` or mapping) fills the sign-off block; ``timestamp``
    (a datetime) is printed when given (see :func:`shelflife.report.builder.build_report`).
    """
    from ..report.builder import (
        _environment,
        _software,
        format_timestamp,
        resolve_signoff,
        seeds_text,
        signoff_context,
    )
    from ..report.i18n import labels, sentence

    check_lang(lang)
    st = an.study
    hashes = st.source.get("sha256", {})
    meta = resolve_signoff(getattr(st, "report_meta", None), signoff)
    template = _environment().get_template(TEMPLATE)
    return template.render(
        lang=lang,
        L=labels(lang),
        product=st.product or st.name,
        study_name=st.name,
        verdict=_verdict(an, lang),
        warnings=[sentence(n.message(lang)) for n in an.notices],
        extra_sections=_sections(an, lang) + [x.report_section(lang) for x in extras],
        method=[t("cm_method_1", lang), t("cm_method_2", lang)],
        references=REFERENCES,
        software=_software(),
        inputs=sorted((str(k), str(v)) for k, v in dict(hashes).items()),
        data_tables=_data_tables(an, lang),
        options=_options(an, lang),
        seeds=seeds_text(extras, lang),
        generated="" if timestamp is None else format_timestamp(timestamp, lang),
        signoff=signoff_context(meta, lang),
    )
