"""Published food-kinetics worked examples reproduced with shelflife's public API (issue 3).

Three Indonesian ASLT teaching documents that print the raw data (attribute vs day at three
temperatures) together with their two-step results; the exact source, tables, method and
the published numbers are recorded in each folder's ``expected.json``:

* ``aslt-rempeyek-peroxide-first-order``: peroxide value of rempeyek kacang at 25/35/45 °C,
  first order, Ea and Q10 (Setyowati, teaching example, slideplayer/studylibid copies);
* ``aslt-exercise-ffa-zero-order``: free fatty acid at 25/35/45 °C, order chosen by R²,
  Excel two-step regression printed to 15 digits ("Jawaban Exercise ASLT", Scribd);
* ``aslt-kerupuk-moisture-zero-order``: moisture of kerupuk bawang at 20/25/30 °C, lab
  template with Arrhenius line, k(T) and shelf life ("MP Masa Simpan 9", Scribd).

All three sources use T = °C + 273 and R = 1.986 cal/(mol K); the temperatures are passed
to :func:`shelflife.fitting.fit_floats` the same way. shelflife reports Ea in kJ/mol with
R = 8.314462618 J/(mol K); to compare with a source's cal/mol we go back to the slope
Ea/R [K] and multiply by the source's 1.986 (converting kJ with 1/4.184 instead would add
0.06 %, the difference between R = 1.98720 and 1.986 cal/(mol K)).

Where a printed number disagrees with the printed data (documented under ``caveat`` in
``expected.json``), the tight check is against the value recomputed from the data and the
printed value is checked loosely, at the size of the documented discrepancy. Each case
ends with a comparison of shelflife's one-step (global) fit with the two-step result:
a documented difference, not an equality.
"""

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import shelflife as sl
from shelflife.fitting import fit_floats
from shelflife.models import q10_from_activation_energy
from shelflife.study import Attribute
from shelflife.twostep import linear_fit
from shelflife.units import GAS_CONSTANT

REF = Path(__file__).parent / "reference_data"
R_CAL = 1.986  # cal/(mol K): the gas constant used by the Indonesian sources
KELVIN = 273.0  # the sources convert °C to K with + 273


def _case(name: str) -> tuple[pd.DataFrame, dict]:
    folder = REF / name
    return pd.read_csv(folder / "data.csv"), json.loads((folder / "expected.json").read_text())


def _fit(df: pd.DataFrame, column: str, order: str, limit: float, unit: str):
    return fit_floats(
        df.day.to_numpy(dtype=float),
        df.celsius.to_numpy(dtype=float) + KELVIN,
        df[column].to_numpy(dtype=float),
        order=order,
        attribute=Attribute(name=column, unit=unit, limit=limit, direction="max"),
    )


def _slope(ea_kj_per_mol: float) -> float:
    """Arrhenius slope Ea/R [K] from an activation energy in kJ/mol (R-independent)."""
    return ea_kj_per_mol / GAS_CONSTANT


def _ln_k0(fit) -> float:
    """Intercept ln k0 of ln k = ln k0 - (Ea/R)/T from shelflife's two-step result."""
    ts = fit.two_step
    t_ref = fit.reference_temperature.to("K").magnitude
    return ts.log_rate_constant_ref + _slope(ts.activation_energy) / t_ref


# --------------------------------------------------------------------------- rempeyek
REMPEYEK = "aslt-rempeyek-peroxide-first-order"


@pytest.fixture(scope="module")
def rempeyek():
    df, exp = _case(REMPEYEK)
    limit = exp["critical_limit"]["peroxide_value"]
    return _fit(df, "peroxide_value", "first", limit, "meq/1000 g"), exp


def test_rempeyek_step1_rates(rempeyek):
    fit, exp = rempeyek
    rates = fit.two_step.rates
    assert [r.temperature for r in rates] == [298.0, 308.0, 318.0]
    pub = exp["published"]["step_1"]
    rec = exp["recomputed_from_printed_data"]["step_1"]
    for r, key in zip(rates, ["25C", "35C", "45C"], strict=True):
        # Our step 1 equals the independent recomputation (double precision: rel 1e-9).
        assert r.rate_constant == pytest.approx(rec[key]["k_per_day"], rel=1e-9)
        assert r.intercept == pytest.approx(rec[key]["intercept"], rel=1e-9)
        # Intercepts and correlation coefficients are printed to 2 decimals: abs 0.005.
        assert r.intercept == pytest.approx(pub[key]["intercept"], abs=0.005)
        assert math.sqrt(r.r_squared) == pytest.approx(pub[key]["r"], abs=0.005)
    # k printed to 2 decimals (abs 0.005) where it agrees with the data: 25 °C, and 35 °C
    # in the slide copy (0.55; the studylib copy prints 0.54, 0.008 off).
    assert rates[0].rate_constant == pytest.approx(pub["25C"]["k_per_day"], abs=0.005)
    assert rates[1].rate_constant == pytest.approx(pub["35C"]["k_per_day_slideplayer"], abs=0.005)
    assert rates[1].rate_constant == pytest.approx(pub["35C"]["k_per_day"], abs=0.01)
    # Caveat: the printed 45 °C k = 0.60 does not follow from the printed 45 °C data
    # (0.577); checked only at the size of that discrepancy.
    assert rates[2].rate_constant == pytest.approx(pub["45C"]["k_per_day"], abs=0.025)
    assert abs(rates[2].rate_constant - pub["45C"]["k_per_day"]) > 0.02


def test_rempeyek_activation_energy(rempeyek):
    fit, exp = rempeyek
    pub = exp["published"]
    rec = exp["recomputed_from_printed_data"]
    ts = fit.two_step
    slope = _slope(ts.activation_energy)
    # Two-step Ea from the printed data (recomputed independently; rel 1e-9).
    assert slope == pytest.approx(-rec["step_2"]["slope_K"], rel=1e-9)
    assert _ln_k0(fit) == pytest.approx(rec["step_2"]["intercept"], rel=1e-9)
    assert slope * R_CAL == pytest.approx(rec["activation_energy_cal_per_mol_R1986"], rel=1e-7)
    # The published Ea follows from the source's own rounded k (0.49, 0.54, 0.60):
    # step 2 on those values gives 958.84 K against the printed 958.77 (rel 7e-5; the
    # source's exact rounding of ln k and 1/T is unknown, hence rel 2e-4).
    inv_t = 1.0 / np.array([298.0, 308.0, 318.0])
    k_printed = [pub["step_1"][key]["k_per_day"] for key in ("25C", "35C", "45C")]
    b, a, *_ = linear_fit(inv_t, np.log(k_printed))
    assert -b == pytest.approx(-pub["step_2"]["slope_K"], rel=2e-4)
    assert a == pytest.approx(pub["step_2"]["intercept"], abs=0.05)  # printed "2,5"
    assert -b * R_CAL == pytest.approx(pub["activation_energy_cal_per_mol"], rel=2e-4)
    # Caveat: the printed data give 1465 cal/mol, 23 % below the published 1904 (the
    # 45 °C k); the published value is checked only at that size (rel 0.25).
    ea_cal = slope * R_CAL
    assert ea_cal == pytest.approx(pub["activation_energy_cal_per_mol"], rel=0.25)
    assert ea_cal / pub["activation_energy_cal_per_mol"] == pytest.approx(0.769, abs=0.001)


def test_rempeyek_q10(rempeyek):
    fit, exp = rempeyek
    pub = exp["published"]
    # Source: log Q10 = 10 Ea log e / (R T1 T2) at T1 = 298, T2 = 308 K. Q10 printed as
    # 1.11 (abs 0.005) and log Q10 as 0.04537 (abs 5e-5; shelflife's R in cal is 1.98720
    # instead of 1.986, which moves log Q10 by 3e-5).
    ea_pub = sl.Q_(pub["activation_energy_cal_per_mol"], "cal/mol")
    q10_pub = q10_from_activation_energy(ea_pub, "298 K")
    assert q10_pub == pytest.approx(pub["q10_25_35C"], abs=0.005)
    assert math.log10(q10_pub) == pytest.approx(pub["log10_q10_25_35C"], abs=5e-5)
    # From the printed data (our two-step Ea): Q10 1.0837 (rel 1e-5), not 1.11.
    q10_data = q10_from_activation_energy(sl.Q_(fit.two_step.activation_energy, "kJ/mol"), "298 K")
    assert q10_data == pytest.approx(exp["recomputed_from_printed_data"]["q10_25_35C"], rel=1e-5)


def test_rempeyek_one_step_differs_from_two_step(rempeyek):
    fit, exp = rempeyek
    one = fit.parameters["activation_energy"]
    two = fit.two_step
    doc = exp["shelflife_one_step_first_order"]
    # Same optimum as an independent scipy fit (5 significant digits).
    assert one.value == pytest.approx(doc["activation_energy_kJ_per_mol"], rel=1e-4)
    lo, hi = one.ci95
    pub_kj = exp["published"]["activation_energy_cal_per_mol"] * 4.184e-3
    # Documented difference: the two-step Ea (6.1 kJ/mol) and the published one (8.0
    # kJ/mol) lie inside the one-step 95 % CI (3.3-45.7), but the one-step estimate
    # (24.5 kJ/mol, dominated by the PV values in the thousands) lies outside the two-step
    # CI (-7.4 to 19.7 kJ/mol on 1 df): the data are far from first order.
    assert lo < two.activation_energy < hi
    assert lo < pub_kj < hi
    lo2, hi2 = two.activation_energy_ci95
    assert not lo2 < one.value < hi2
    assert one.value > 3 * two.activation_energy


# ------------------------------------------------------------------- FFA exercise
FFA = "aslt-exercise-ffa-zero-order"


@pytest.fixture(scope="module")
def ffa():
    df, exp = _case(FFA)
    zero = _fit(df, "free_fatty_acid", "zero", np.nan, "%")
    first = _fit(df, "free_fatty_acid", "first", np.nan, "%")
    return zero, first, exp


def test_ffa_step1_and_order_choice(ffa):
    zero, first, exp = ffa
    pub0 = exp["published"]["step_1_zero_order"]
    pub1 = exp["published"]["step_1_first_order"]
    keys = ["25C", "35C", "45C"]
    for r0, r1, key in zip(zero.two_step.rates, first.two_step.rates, keys, strict=True):
        # Excel trendline labels carry 15 significant digits: rel 1e-11 leaves room for
        # floating-point differences between Excel's and our least-squares formulas.
        assert r0.rate_constant == pytest.approx(pub0[key]["slope"], rel=1e-11)
        assert r0.intercept == pytest.approx(pub0[key]["intercept"], rel=1e-11)
        assert r0.r_squared == pytest.approx(pub0[key]["r2"], rel=1e-11)
        assert r1.r_squared == pytest.approx(pub1[key]["r2"], rel=1e-11)
        # First-order equations in the summary table are printed to 4 decimals (3 for
        # 35 °C: "0,056x - 0,687"): abs 5e-4 covers both.
        assert r1.rate_constant == pytest.approx(pub1[key]["slope"], abs=5e-4)
        assert r1.intercept == pytest.approx(pub1[key]["intercept"], abs=5e-4)
        # The source's order choice: R² of zero order > first order at every temperature.
        assert r0.r_squared > r1.r_squared


def test_ffa_arrhenius_step(ffa):
    zero, _, exp = ffa
    pub = exp["published"]["step_2"]
    rec = exp["recomputed_from_printed_data"]["step_2_unrounded_k"]
    ts = zero.two_step
    assert [r.temperature for r in ts.rates] == pub["T_K"]
    # k printed to 4 decimals in the step-2 table (abs 5e-5).
    for r, k in zip(ts.rates, pub["k_per_day"], strict=True):
        assert r.rate_constant == pytest.approx(k, abs=5e-5)
    # shelflife's step 2 on the unrounded k: Ea/R = 1037.70 K (recomputed, rel 1e-9) ...
    slope = _slope(ts.activation_energy)
    assert slope == pytest.approx(-rec["slope_K"], rel=1e-9)
    assert _ln_k0(zero) == pytest.approx(rec["intercept"], rel=1e-9)
    # ... 0.30 % below the published 1040.81 K, because the source rounded k to 4
    # decimals before taking ln (rel 5e-3).
    assert slope == pytest.approx(-pub["slope_K"], rel=5e-3)
    # The source's step 2 on its rounded k reproduces all printed digits (rel 1e-11).
    inv_t = 1.0 / np.array(pub["T_K"], dtype=float)
    b, a, _, _, r2 = linear_fit(inv_t, np.log(pub["k_per_day"]))
    assert b == pytest.approx(pub["slope_K"], rel=1e-11)
    assert a == pytest.approx(pub["intercept"], rel=1e-11)
    assert r2 == pytest.approx(pub["r2"], rel=1e-11)
    assert np.log(pub["k_per_day"]) == pytest.approx(pub["ln_k"], abs=5e-7)  # 6 decimals
    assert inv_t == pytest.approx(pub["inverse_T"], abs=5e-7)  # 6 decimals


def test_ffa_one_step_vs_two_step(ffa):
    zero, _, exp = ffa
    one = zero.parameters["activation_energy"]
    doc = exp["shelflife_one_step_zero_order"]
    assert one.value == pytest.approx(doc["activation_energy_kJ_per_mol"], rel=1e-5)
    lo, hi = one.ci95
    two = zero.two_step
    published_kj = -exp["published"]["step_2"]["slope_K"] * GAS_CONSTANT
    # Documented difference: one-step 9.05 kJ/mol (95 % CI 3.4-14.7, 18 df) vs two-step
    # 8.63 (unrounded k) / 8.65 (published slope) kJ/mol; both two-step values lie inside
    # the one-step CI, whose width is a sixth of the two-step CI (-27 to 44, 1 df).
    assert lo < two.activation_energy < hi
    assert lo < published_kj < hi
    lo2, hi2 = two.activation_energy_ci95
    assert (hi - lo) < (hi2 - lo2) / 6


# ------------------------------------------------------------------------ kerupuk
KERUPUK = "aslt-kerupuk-moisture-zero-order"


@pytest.fixture(scope="module")
def kerupuk():
    df, exp = _case(KERUPUK)
    return _fit(df, "moisture", "zero", exp["critical_limit"]["moisture"], "%"), df, exp


def test_kerupuk_two_step(kerupuk):
    fit, _, exp = kerupuk
    pub = exp["published"]
    ts = fit.two_step
    for r, key in zip(ts.rates, ["20C", "25C", "30C"], strict=True):
        assert r.temperature == pub["step_1"][key]["T_K"]
        # Slopes printed to 4 decimals, intercepts to 3.
        assert r.rate_constant == pytest.approx(pub["step_1"][key]["slope"], abs=5e-5)
        assert r.intercept == pytest.approx(pub["step_1"][key]["intercept"], abs=5e-4)
    ln_k = [math.log(r.rate_constant) for r in ts.rates]
    assert ln_k == pytest.approx(pub["ln_k"], abs=5e-4)  # 3 decimals
    # Step 2 printed to 10 significant digits: rel 1e-9 (slope, k0), abs 5e-8 (intercept).
    slope = _slope(ts.activation_energy)
    assert slope == pytest.approx(-pub["step_2"]["slope_K"], rel=1e-9)
    ln_k0 = _ln_k0(fit)
    assert ln_k0 == pytest.approx(pub["step_2"]["intercept"], abs=5e-8)
    assert math.exp(ln_k0) == pytest.approx(pub["step_2"]["k0"], rel=1e-9)
    # The displayed 1/T (0.0034, 0.0034, 0.0033) is display only: the printed slope needs
    # full-precision 1/T (the rounded values would give two equal x).
    assert [round(1.0 / r.temperature, 4) for r in ts.rates] == pub["inverse_T_displayed"]
    # k(T) from the Arrhenius line, printed to 12-13 significant digits: rel 1e-10.
    k_line = [math.exp(ln_k0 - slope / T) for T in (293.0, 298.0, 303.0)]
    assert k_line == pytest.approx(pub["k_from_line_per_day"], rel=1e-10)


def test_kerupuk_shelf_life_and_fill_down_error(kerupuk):
    fit, df, exp = kerupuk
    pub = exp["published"]
    rec = exp["recomputed_from_printed_data"]
    limit = exp["critical_limit"]["moisture"]
    ln_k0, slope = _ln_k0(fit), _slope(fit.two_step.activation_energy)
    k = np.array([math.exp(ln_k0 - slope / T) for T in (293.0, 298.0, 303.0)])
    # The template's intended formula (limit - initial)/k(T), initial moisture 1 at
    # every temperature: 51.66 / 39.30 / 30.17 days (recomputed; rel 1e-9).
    correct = (limit - 1.0) / k
    assert correct == pytest.approx(rec["shelf_life_days_correct"]["values"], rel=1e-9)
    # Caveat: the printed 52/35/24 days are reproduced exactly only by the erroneous cell
    # formula (limit - y_i)/k_i with y_i the first three values of the 20 °C column.
    first_20c = df[df.celsius == 20].moisture.to_numpy()[:3]
    as_printed = (limit - first_20c) / k
    assert [round(v) for v in as_printed] == pub["shelf_life_days"]
    # Printed vs correct: equal at 20 °C (rounding, abs 0.5), 11 % and 20 % short at 25
    # and 30 °C; checked at the size of that documented error (within 21 % of correct).
    assert correct[0] == pytest.approx(pub["shelf_life_days"][0], abs=0.5)
    assert pub["shelf_life_days"] == pytest.approx(correct, rel=0.21)
    assert correct[1:] / np.array(pub["shelf_life_days"][1:]) == pytest.approx(
        [1.123, 1.257], abs=1e-3
    )


def test_kerupuk_one_step_vs_two_step(kerupuk):
    fit, _, exp = kerupuk
    doc = exp["shelflife_one_step_zero_order"]
    one = fit.parameters["activation_energy"]
    assert one.value == pytest.approx(doc["activation_energy_kJ_per_mol"], rel=1e-5)
    lo, hi = one.ci95
    published_kj = -exp["published"]["step_2"]["slope_K"] * GAS_CONSTANT
    # Documented difference: one-step Ea 45.5 kJ/mol (95 % CI 39.3-51.7) vs the published
    # two-step 39.70 kJ/mol, just inside the one-step interval (the global fit forces one
    # A0 and one Arrhenius line through all 15 points).
    assert lo < published_kj < hi
    assert published_kj - lo < 0.5
    # Shelf life at the source's 293/298/303 K: one-step 55.0/40.2/29.7 days; the
    # correct two-step values (51.7/39.3/30.2) lie inside the one-step 95 % intervals.
    lives = fit.shelf_lives_at_kelvin(np.array([293.0, 298.0, 303.0]))
    estimates = [s.estimate for s in lives]
    assert estimates == pytest.approx(doc["shelf_life_days_at_293_298_303_K"], rel=1e-4)
    for s, two_step_days in zip(
        lives,
        exp["recomputed_from_printed_data"]["shelf_life_days_correct"]["values"],
        strict=True,
    ):
        assert s.ci95[0] < two_step_days < s.ci95[1]
