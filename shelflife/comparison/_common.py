"""Constants, plain words (English / Bahasa Indonesia) and small helpers of the comparison."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    pass


#: Identifier of the comparison JSON schema.
SCHEMA = "shelflife.compare/1"
#: Names of the two F tests, in the order they are reported.
TEST_NAMES = ("all_parameters", "rate_parameters")
#: Reaction orders tried when the order is chosen by AIC.
AUTO_ORDERS = ("zero", "first")
#: Relative SSE tolerance of the nesting checks (separate <= common rate <= common curve).
NESTING_RTOL = 1e-9

Data = tuple[np.ndarray, np.ndarray, np.ndarray]

# ---------------------------------------------------------------- plain words (en / id)
_TEXT: dict[str, dict[str, str]] = {
    "no_evidence": {
        "en": "no evidence that the formulations differ ({p})",
        "id": "tidak ada bukti bahwa kedua formulasi berbeda ({p})",
    },
    "initial_only": {
        "en": "the formulations differ in their initial value ({p}) but not detectably in "
        "their rate ({p_rate})",
        "id": "kedua formulasi berbeda pada nilai awalnya ({p}) tetapi lajunya tidak berbeda "
        "nyata ({p_rate})",
    },
    "faster": {
        "en": "formulation B degrades faster ({p})",
        "id": "formulasi B rusak lebih cepat ({p})",
    },
    "slower": {
        "en": "formulation B degrades more slowly ({p})",
        "id": "formulasi B rusak lebih lambat ({p})",
    },
    "rate_differs": {
        "en": "the formulations degrade at different rates, faster or slower depending on "
        "the temperature ({p})",
        "id": "laju kerusakan kedua formulasi berbeda, lebih cepat atau lebih lambat "
        "bergantung pada suhu ({p})",
    },
    "shorter": {
        "en": "shelf life at {T} is {pct} % shorter ({ci} {lo}–{hi} %)",
        "id": "umur simpan pada {T} {pct} % lebih pendek ({ci} {lo}–{hi} %)",
    },
    "longer": {
        "en": "shelf life at {T} is {pct} % longer ({ci} {lo}–{hi} %)",
        "id": "umur simpan pada {T} {pct} % lebih panjang ({ci} {lo}–{hi} %)",
    },
    "unclear": {
        "en": "shelf life at {T} does not differ clearly (B/A = {r}, {ci} {lo}–{hi})",
        "id": "umur simpan pada {T} tidak jelas berbeda (B/A = {r}, {ci} {lo}–{hi})",
    },
    "not_finite": {
        "en": "shelf life at {T}: A {a}, B {b}",
        "id": "umur simpan pada {T}: A {a}, B {b}",
    },
    "ci": {"en": "{level} % CI", "id": "SK {level} %"},
    "title": {"en": "Formulation comparison", "id": "Perbandingan formulasi"},
    "verdict": {"en": "Verdict", "id": "Kesimpulan"},
    "test_all_parameters": {
        "en": "all parameters equal (one curve)",
        "id": "semua parameter sama (satu kurva)",
    },
    "test_rate_parameters": {
        "en": "rate parameters equal (initial values free)",
        "id": "parameter laju sama (nilai awal bebas)",
    },
    "test_line": {
        "en": "{name}: F = {f} on {df1} and {df2} df, {p}",
        "id": "{name}: F = {f} pada db {df1} dan {df2}, {p}",
    },
    "shelf_line": {
        "en": "shelf life at {T}: A {a} days ({ci} {a_lo}–{a_hi}), B {b} days ({ci} "
        "{b_lo}–{b_hi}); "
        "B/A = {r} ({ci} {r_lo}–{r_hi}); B − A = {d} days ({ci} {d_lo} to {d_hi})",
        "id": "umur simpan pada {T}: A {a} hari ({ci} {a_lo}–{a_hi}), B {b} hari ({ci} "
        "{b_lo}–{b_hi}); "
        "B/A = {r} ({ci} {r_lo}–{r_hi}); B − A = {d} hari ({ci} {d_lo} sampai {d_hi})",
    },
    "model_line": {
        "en": "{name} [{unit}]: {order} order, {tdep} (order {selection})",
        "id": "{name} [{unit}]: orde {order}, {tdep} (orde {selection})",
    },
    "selection_aic": {"en": "chosen by AIC", "id": "dipilih menurut AIC"},
    "selection_declared": {"en": "declared in both studies", "id": "ditetapkan di kedua studi"},
    "selection_given": {"en": "given", "id": "ditentukan pengguna"},
    "warnings": {"en": "warnings", "id": "peringatan"},
    "formulation": {"en": "formulation", "id": "formulasi"},
}

_ORDER_WORDS = {"zero": {"en": "zero", "id": "nol"}, "first": {"en": "first", "id": "satu"}}


def _tr(key: str, lang: str, **params: Any) -> str:
    from ..report.i18n import check_lang

    text = _TEXT[key][check_lang(lang)]
    return text.format(**params) if params else text


def _fmt(x: float, lang: str, digits: int = 3, *, significant: bool = True) -> str:
    from ..report.i18n import format_number

    return format_number(x, lang, digits, significant=significant, trim=False)


def _fmt_p(p: float, lang: str) -> str:
    """``p = 0.41`` / ``p < 0.001`` (decimal comma in Indonesian)."""
    if p is None or not np.isfinite(p):
        return "p = –"
    if p < 0.001:
        return "p < " + ("0,001" if lang == "id" else "0.001")
    return "p = " + _fmt(p, lang, 2)


def _fmt_level(level: float, lang: str) -> str:
    from ..report.i18n import format_number

    return format_number(100 * level, lang, 3, significant=True, trim=True)


def _fmt_pct(x: float, lang: str) -> str:
    """A percentage in whole numbers (one decimal when it would round to 0)."""
    from ..report.i18n import format_number

    return format_number(x, lang, 0 if round(x) != 0 or x == 0 else 1)


def _num(x: Any) -> float | None:
    """JSON-safe float: ``None`` for nan/inf."""
    if x is None:
        return None
    x = float(x)
    return x if np.isfinite(x) else None


def _celsius(T_K: float) -> float:
    return round(float(T_K) - 273.15, 6)


def _t_quantile(level: float, dof: float) -> float:
    from .._stats import t_quantile

    if not np.isfinite(dof) or dof <= 0:
        return float("nan")
    return t_quantile(0.5 + level / 2, dof)


def _welch_dof(var_a: float, var_b: float, dof_a: float, dof_b: float) -> float:
    r"""Welch-Satterthwaite degrees of freedom of a sum of two independent variances.

    :math:`\nu = (v_A + v_B)^2 / (v_A^2/\nu_A + v_B^2/\nu_B)`; ``dof_a + dof_b`` when both
    variances are zero.
    """
    den = (var_a**2 / dof_a if dof_a > 0 else np.inf) + (var_b**2 / dof_b if dof_b > 0 else np.inf)
    num = (var_a + var_b) ** 2
    if not np.isfinite(den) or den <= 0 or not np.isfinite(num):
        return float(dof_a + dof_b) if num == 0 else float("nan")
    return float(num / den)
