"""Translations of report and plot labels, and locale-aware number formatting.

Every label that the report, the plain-text summary, the HTML tables and the plots show
lives in :data:`LABELS`, in English (``"en"``) and Bahasa Indonesia (``"id"``). Numbers
are formatted with Babel (CLDR data shipped with the package, so the output does not
depend on the operating system's locale): Indonesian uses the decimal comma and the
full stop as thousands separator.

Examples
--------
>>> t("shelf_life", "id")
'Umur simpan'
>>> format_number(1234.5, "id", 1)
'1.234,5'
>>> format_number(0.019534, "en", 3, significant=True)
'0.0195'
"""

from __future__ import annotations

import math
from typing import Any

__all__ = [
    "LANGUAGES",
    "LABELS",
    "check_lang",
    "t",
    "labels",
    "format_number",
    "format_date",
    "format_celsius",
    "format_days",
    "months_days_text",
    "unit_label",
    "sentence",
]

#: Supported languages.
LANGUAGES = ("en", "id")

#: key -> {"en": text, "id": text}. Texts may hold :meth:`str.format` fields.
LABELS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------- general words
    "report_title": {"en": "Shelf-life report", "id": "Laporan umur simpan"},
    "summary_title": {"en": "Shelf-life summary", "id": "Ringkasan umur simpan"},
    "product": {"en": "Product", "id": "Produk"},
    "study": {"en": "Study", "id": "Studi"},
    "attribute": {"en": "Attribute", "id": "Atribut"},
    "attributes": {"en": "Attributes", "id": "Atribut"},
    "unit": {"en": "Unit", "id": "Satuan"},
    "limit": {"en": "Limit", "id": "Batas kritis"},
    "direction": {"en": "Fails when", "id": "Gagal bila"},
    "direction_max": {"en": "rising above the limit", "id": "naik melewati batas"},
    "direction_min": {"en": "falling below the limit", "id": "turun melewati batas"},
    "model_choice": {"en": "Model requested", "id": "Model yang diminta"},
    "model_auto": {
        "en": "auto (zero or first order by AIC)",
        "id": "otomatis (orde nol atau satu menurut AIC)",
    },
    "temperature": {"en": "Temperature", "id": "Suhu"},
    "storage_temperature": {"en": "Storage temperature", "id": "Suhu penyimpanan"},
    "storage_temperatures": {"en": "Storage temperatures", "id": "Suhu penyimpanan"},
    "temperatures_tested": {"en": "Temperatures tested", "id": "Suhu pengujian"},
    "n_measurements": {"en": "Number of measurements", "id": "Jumlah pengukuran"},
    "n_measurements_by_attr": {
        "en": "Measurements per attribute",
        "id": "Pengukuran per atribut",
    },
    "storage_period": {"en": "Longest storage time", "id": "Waktu simpan terlama"},
    "shelf_life": {"en": "Shelf life", "id": "Umur simpan"},
    "estimate": {"en": "Estimate", "id": "Nilai dugaan"},
    "ci95": {"en": "95 % CI", "id": "SK 95 %"},
    "ci95_long": {"en": "95 % confidence interval", "id": "selang kepercayaan 95 %"},
    "conservative": {"en": "Conservative", "id": "Konservatif"},
    "conservative_long": {
        "en": "Conservative shelf life (ICH Q1E)",
        "id": "Umur simpan konservatif (ICH Q1E)",
    },
    "months_days": {"en": "Months and days", "id": "Bulan dan hari"},
    "day": {"en": "day", "id": "hari"},
    "days": {"en": "days", "id": "hari"},
    "never": {"en": "limit never reached", "id": "batas tidak pernah tercapai"},
    "exceeded_at_start": {
        "en": "limit exceeded at time zero",
        "id": "batas terlampaui sejak awal",
    },
    "limiting_attribute": {"en": "Limiting attribute", "id": "Atribut pembatas"},
    "limiting": {"en": "limiting", "id": "pembatas"},
    "none_limiting": {
        "en": "no attribute reaches its limit on this model",
        "id": "tidak ada atribut yang mencapai batasnya menurut model ini",
    },
    "smallest_ea_attribute": {
        "en": "Attribute with the smallest Ea (local convention, for comparison)",
        "id": "Atribut dengan Ea terkecil (kebiasaan setempat, sebagai pembanding)",
    },
    "warnings": {"en": "Warnings", "id": "Peringatan"},
    "no_warnings": {"en": "No warnings.", "id": "Tidak ada peringatan."},
    "to": {"en": "to", "id": "sampai"},
    "at": {"en": "at", "id": "pada"},
    "yes": {"en": "yes", "id": "ya"},
    "no": {"en": "no", "id": "tidak"},
    # ------------------------------------------------------------------ sections
    "verdict": {"en": "Verdict", "id": "Kesimpulan"},
    "verdict_intro": {
        "en": "Shelf life of the product at each storage temperature, set by the attribute "
        "that reaches its limit first.",
        "id": "Umur simpan produk pada setiap suhu penyimpanan, ditentukan oleh atribut "
        "yang paling dahulu mencapai batasnya.",
    },
    "verdict_line": {
        "en": "At {temperature}: shelf life {estimate} ({months}); 95 % CI {low} to {high}; "
        "conservative {conservative} ({conservative_months}). Limiting attribute: {attribute}.",
        "id": "Pada {temperature}: umur simpan {estimate} ({months}); SK 95 % {low} sampai "
        "{high}; konservatif {conservative} ({conservative_months}). Atribut pembatas: "
        "{attribute}.",
    },
    "label_basis": {
        "en": "The conservative value is the recommended basis for a label date.",
        "id": "Nilai konservatif adalah dasar yang dianjurkan untuk tanggal pada label.",
    },
    "all_attributes": {"en": "All attributes", "id": "Semua atribut"},
    "design": {"en": "Study design", "id": "Rancangan studi"},
    "results_for": {"en": "Results: {attribute}", "id": "Hasil: {attribute}"},
    "model": {"en": "Model", "id": "Model"},
    "model_line": {
        "en": "{order}, Arrhenius temperature dependence, one-step global fit of all "
        "temperatures.",
        "id": "{order}, ketergantungan suhu Arrhenius, pemasangan global satu tahap "
        "untuk semua suhu.",
    },
    "order_zero": {"en": "Zero order", "id": "Orde nol"},
    "order_first": {"en": "First order", "id": "Orde satu"},
    "equation": {"en": "Equation", "id": "Persamaan"},
    "selection_aic": {
        "en": "Reaction order chosen by AIC.",
        "id": "Orde reaksi dipilih menurut AIC.",
    },
    "selection_declared": {
        "en": "Reaction order as declared in the study.",
        "id": "Orde reaksi sesuai yang ditetapkan dalam studi.",
    },
    "parameters": {"en": "Parameter estimates", "id": "Dugaan parameter"},
    "parameter": {"en": "Parameter", "id": "Parameter"},
    "stderr": {"en": "Std. error", "id": "Galat baku"},
    "param_activation_energy": {"en": "Activation energy Ea", "id": "Energi aktivasi Ea"},
    "param_rate_constant_ref": {
        "en": "Rate constant k_ref at T_ref",
        "id": "Konstanta laju k_ref pada T_ref",
    },
    "param_initial_value": {"en": "Initial value A0", "id": "Nilai awal A0"},
    "reference_temperature": {
        "en": "Reference temperature T_ref",
        "id": "Suhu acuan T_ref",
    },
    "statistics": {"en": "Fit statistics", "id": "Statistik kecocokan"},
    "n": {"en": "Measurements n", "id": "Jumlah data n"},
    "rmse": {"en": "RMSE", "id": "RMSE"},
    "residual_se": {
        "en": "Residual standard deviation (scatter of single packs)",
        "id": "Simpangan baku residual (sebaran kemasan tunggal)",
    },
    "r_squared": {"en": "R²", "id": "R²"},
    "aic": {"en": "AIC", "id": "AIC"},
    "dof": {"en": "Degrees of freedom", "id": "Derajat bebas"},
    "converged": {"en": "Converged", "id": "Konvergen"},
    "alternatives": {"en": "Alternative models", "id": "Model alternatif"},
    "delta_aic": {"en": "ΔAIC", "id": "ΔAIC"},
    "no_alternatives": {
        "en": "No alternative reaction order was fitted.",
        "id": "Tidak ada orde reaksi alternatif yang dipasang.",
    },
    "chosen": {"en": "chosen", "id": "dipilih"},
    "q10": {"en": "Q10", "id": "Q10"},
    "q10_title": {"en": "Q10 at the storage temperature", "id": "Q10 pada suhu penyimpanan"},
    "plots": {"en": "Plots", "id": "Grafik"},
    "fig_fit": {
        "en": "Measurements and fitted mean per temperature; dashed line: limit.",
        "id": "Data pengukuran dan rata-rata dugaan per suhu; garis putus-putus: batas.",
    },
    "fig_residuals": {
        "en": "Residuals against fitted values.",
        "id": "Residual terhadap nilai dugaan.",
    },
    "fig_arrhenius": {
        "en": "Arrhenius plot: one-step line with 95 % confidence band; points: two-step "
        "rate constants.",
        "id": "Plot Arrhenius: garis satu tahap dengan pita kepercayaan 95 %; titik: "
        "konstanta laju dua tahap.",
    },
    "fig_shelf_life": {
        "en": "Shelf life against storage temperature (log scale); shaded: tested range.",
        "id": "Umur simpan terhadap suhu penyimpanan (skala log); arsiran: rentang uji.",
    },
    "sl_table": {
        "en": "Shelf life against temperature",
        "id": "Umur simpan terhadap suhu",
    },
    "two_step": {
        "en": "Comparison with the two-step method",
        "id": "Perbandingan dengan metode dua tahap",
    },
    "two_step_intro": {
        "en": "Step 1: a rate constant per temperature from a straight line on the "
        "{linear} scale; step 2: ln k against 1/T.",
        "id": "Tahap 1: konstanta laju per suhu dari garis lurus pada skala {linear}; "
        "tahap 2: ln k terhadap 1/T.",
    },
    "linear_zero": {"en": "original", "id": "asli"},
    "linear_first": {"en": "logarithmic", "id": "logaritma"},
    "rate_constant": {"en": "Rate constant k", "id": "Konstanta laju k"},
    "ea_two_step": {"en": "Ea, two-step", "id": "Ea, dua tahap"},
    "ea_one_step": {"en": "Ea, one-step (this report)", "id": "Ea, satu tahap (laporan ini)"},
    "method_col": {"en": "Method", "id": "Metode"},
    "not_available": {"en": "not available", "id": "tidak tersedia"},
    "excluded": {"en": "excluded (k ≤ 0)", "id": "tidak diikutkan (k ≤ 0)"},
    "method": {"en": "Method", "id": "Metode"},
    "references": {"en": "References", "id": "Pustaka"},
    "reproducibility": {"en": "Reproducibility", "id": "Reprodusibilitas"},
    "software": {"en": "Software", "id": "Perangkat lunak"},
    "input_files": {"en": "Input files (SHA-256)", "id": "Berkas masukan (SHA-256)"},
    "no_input_files": {
        "en": "No input files recorded (study built in Python).",
        "id": "Tidak ada berkas masukan tercatat (studi dibuat di Python).",
    },
    "study_name": {"en": "Study identifier", "id": "Identitas studi"},
    "repro_note": {
        "en": "The same input files and software versions give a byte-identical report.",
        "id": "Berkas masukan dan versi perangkat lunak yang sama menghasilkan laporan "
        "yang identik.",
    },
    # --------------------------------------------------------------------- plots
    "axis_time": {"en": "Storage time [{unit}]", "id": "Waktu simpan [{unit}]"},
    "axis_value": {"en": "{name} [{unit}]", "id": "{name} [{unit}]"},
    "axis_inv_temperature": {"en": "1000/T [1/K]", "id": "1000/T [1/K]"},
    "axis_ln_k": {"en": "ln k [ln({unit})]", "id": "ln k [ln({unit})]"},
    "axis_temperature": {"en": "Temperature [°C]", "id": "Suhu [°C]"},
    "axis_fitted": {"en": "Fitted value [{unit}]", "id": "Nilai dugaan [{unit}]"},
    "axis_residual": {"en": "Residual [{unit}]", "id": "Residual [{unit}]"},
    "axis_shelf_life": {"en": "Shelf life [{unit}]", "id": "Umur simpan [{unit}]"},
    "legend_limit": {"en": "limit", "id": "batas"},
    "legend_one_step": {"en": "one-step fit", "id": "pemasangan satu tahap"},
    "legend_band": {"en": "95 % confidence band", "id": "pita kepercayaan 95 %"},
    "legend_two_step": {"en": "two-step k per temperature", "id": "k dua tahap per suhu"},
    "legend_estimate": {"en": "estimate", "id": "nilai dugaan"},
    "legend_ci": {"en": "95 % CI", "id": "SK 95 %"},
    "legend_conservative": {"en": "conservative", "id": "konservatif"},
    "legend_tested": {"en": "tested range", "id": "rentang uji"},
    "legend_storage": {"en": "storage", "id": "penyimpanan"},
}

# Method statement and references are long texts, kept apart from the short labels.
METHOD_PARAGRAPHS: dict[str, tuple[str, ...]] = {
    "en": (
        "All storage temperatures of an attribute are fitted at once by nonlinear least "
        "squares (a one-step global fit), with a zero- or first-order reaction whose rate "
        "constant follows the Arrhenius law. The law is written relative to a reference "
        "temperature T_ref in the middle of the tested range, "
        "k(T) = k_ref · exp[−(Ea/R)(1/T − 1/T_ref)], so that k_ref and Ea are estimated "
        "almost independently of each other. Where the study asks for it, the reaction "
        "order with the lower Akaike information criterion (AIC) is chosen, and the other "
        "order is reported for comparison.",
        "Standard errors come from the covariance matrix of the fit; intervals use "
        "Student's t on the residual degrees of freedom. Intervals for the rate constant "
        "and for the shelf life are computed with the delta method on the log scale, so "
        "they are positive and asymmetric.",
        "The shelf life is the time at which the fitted mean reaches the limit. Its 95 % "
        "confidence interval describes how well this mean time is known. The conservative "
        "shelf life follows ICH Q1E: it is the earliest time at which the one-sided 95 % "
        "confidence bound of the mean crosses the limit, and it is the recommended basis "
        "for a label date.",
        "Neither interval describes single packs. Individual packs scatter around the "
        "mean (the residual standard deviation in each attribute's statistics), so some "
        "packs reach the limit earlier than the mean does; the confidence interval of the "
        "mean narrows with more measurements, the scatter of packs does not.",
        "The classic two-step method (a rate constant per temperature, then a straight "
        "line of ln k against 1/T) is shown for comparison with laboratory spreadsheets; "
        "it uses the data less efficiently and usually gives wider intervals.",
    ),
    "id": (
        "Semua suhu penyimpanan suatu atribut dipasang sekaligus dengan kuadrat terkecil "
        "nonlinear (pemasangan global satu tahap), memakai reaksi orde nol atau orde satu "
        "yang konstanta lajunya mengikuti hukum Arrhenius. Hukum ini ditulis relatif "
        "terhadap suhu acuan T_ref di tengah rentang uji, "
        "k(T) = k_ref · exp[−(Ea/R)(1/T − 1/T_ref)], sehingga k_ref dan Ea diduga hampir "
        "saling bebas. Bila studi memintanya, orde reaksi dengan kriteria informasi "
        "Akaike (AIC) yang lebih kecil dipilih, dan orde lainnya dilaporkan sebagai "
        "pembanding.",
        "Galat baku diperoleh dari matriks kovarians hasil pemasangan; selang kepercayaan "
        "memakai sebaran t Student dengan derajat bebas residual. Selang untuk konstanta "
        "laju dan umur simpan dihitung dengan metode delta pada skala logaritma, sehingga "
        "selalu positif dan tidak simetris.",
        "Umur simpan adalah waktu ketika rata-rata dugaan mencapai batas kritis. Selang "
        "kepercayaan 95 %-nya menunjukkan seberapa teliti waktu rata-rata ini diketahui. "
        "Umur simpan konservatif mengikuti ICH Q1E: waktu paling awal ketika batas "
        "kepercayaan satu sisi 95 % dari rata-rata melewati batas kritis; nilai inilah "
        "yang dianjurkan sebagai dasar tanggal pada label.",
        "Kedua selang tersebut tidak menggambarkan kemasan tunggal. Setiap kemasan "
        "tersebar di sekitar rata-rata (simpangan baku residual pada statistik setiap "
        "atribut), sehingga sebagian kemasan mencapai batas lebih awal daripada "
        "rata-ratanya; selang kepercayaan rata-rata menyempit bila data bertambah, "
        "sebaran antarkemasan tidak.",
        "Metode dua tahap yang lazim (konstanta laju per suhu, lalu garis lurus ln k "
        "terhadap 1/T) ditampilkan sebagai pembanding dengan lembar kerja laboratorium; "
        "metode ini kurang efisien memanfaatkan data dan biasanya menghasilkan selang yang "
        "lebih lebar.",
    ),
}

#: References of the method statement (not translated).
REFERENCES: tuple[str, ...] = (
    "ICH Q1E, Evaluation for Stability Data. International Council for Harmonisation, 2003.",
    "M. A. J. S. van Boekel, “Statistical aspects of kinetic modeling for food science "
    "problems,” J. Food Sci., vol. 61, no. 3, pp. 477–486, 1996. "
    "doi:10.1111/j.1365-2621.1996.tb13138.x",
    "D. M. Bates and D. G. Watts, Nonlinear Regression Analysis and Its Applications. "
    "New York: Wiley, 1988.",
)


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


def format_number(
    x: float, lang: str = "en", digits: int = 2, *, significant: bool = False, trim: bool = False
) -> str:
    """Format a number for ``lang`` with Babel (decimal comma in Indonesian).

    Parameters
    ----------
    x : float
        The number.
    lang : {"en", "id"}
        Language (CLDR locale ``en`` or ``id``).
    digits : int
        Decimal places, or significant digits when ``significant`` is true.
    significant : bool
        Interpret ``digits`` as significant digits (whole-number digits are never
        dropped: 12345 with 3 significant digits is ``12,345``).
    trim : bool
        Drop trailing zeros of the decimals (``10`` rather than ``10.00``).

    Returns
    -------
    str
        ``"∞"`` for infinity, ``"–"`` for nan or ``None``.
    """
    check_lang(lang)
    if x is None:
        return "–"
    x = float(x)
    if math.isnan(x):
        return "–"
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    if significant:
        magnitude = math.floor(math.log10(abs(x))) if x != 0 else 0
        decimals = max(0, digits - 1 - magnitude)
    else:
        decimals = max(0, int(digits))
    x = round(x, decimals)
    if x == 0:
        x = 0.0  # no "-0.0"
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + ("#" if trim else "0") * decimals if decimals else "")
    text = format_decimal(x, format=pattern, locale=lang)
    return text.replace("-", "−")


def format_date(date: Any, lang: str = "en", fmt: str = "long") -> str:
    """Format a :class:`datetime.date` for ``lang`` with Babel (``17 Agustus 2026``)."""
    check_lang(lang)
    from babel.dates import format_date as _format_date

    return _format_date(date, format=fmt, locale=lang)


_UNIT_WORDS_ID = (("days", "hari"), ("day", "hari"), ("weeks", "minggu"), ("week", "minggu"))


def unit_label(unit: str, lang: str = "en") -> str:
    """A unit as shown in labels: ``-`` for dimensionless, time words translated.

    Examples
    --------
    >>> unit_label("meq/kg/day", "id")
    'meq/kg/hari'
    >>> unit_label("", "en")
    '-'
    """
    check_lang(lang)
    text = unit if unit and unit != "dimensionless" else "-"
    if lang == "id":
        import re

        for en, word in _UNIT_WORDS_ID:
            text = re.sub(rf"\b{en}\b", word, text)
    return text


def format_celsius(T_K: float, lang: str = "en") -> str:
    """A temperature given in kelvin, shown in °C (``30 °C``, ``27,5 °C``)."""
    c = float(T_K) - 273.15
    digits = 0 if abs(c - round(c)) < 0.005 else 1
    return f"{format_number(c, lang, digits)} °C"


def format_days(days: float, lang: str = "en", digits: int = 1) -> str:
    """A duration in days with its unit word, or a phrase when it is 0 or infinite.

    Examples
    --------
    >>> format_days(58.04, "id")
    '58,0 hari'
    >>> format_days(float("inf"), "en")
    'limit never reached'
    """
    check_lang(lang)
    if days is None or math.isnan(days):
        return "–"
    if math.isinf(days):
        return t("never", lang)
    text = f"{format_number(days, lang, digits)} {t('days', lang)}"
    if days == 0:
        text += f" ({t('exceeded_at_start', lang)})"
    return text


def months_days_text(days: float, lang: str = "en") -> str:
    """Say a duration as "x months y days" / "x bulan y hari" (``–`` when undefined)."""
    from ..units import format_duration

    if days is None or math.isnan(days):
        return "–"
    return format_duration(days, lang)


def sentence(text: str) -> str:
    """Capitalise the first letter of a message."""
    return text[:1].upper() + text[1:] if text else text
