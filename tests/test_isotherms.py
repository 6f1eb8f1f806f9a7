"""Sorption isotherms, moisture bases and saturated salt solutions (shelflife.moisture).

Four kinds of numeric test, each tolerance justified where it is used: closed forms
(1e-12 relative, floating point only), synthetic recovery with a fixed seed, reproductions
of published numbers at their printed precision, and the Greenspan (1977) salt table.
"""

import json
import math
import warnings

import numpy as np
import pytest

from shelflife.errors import FitError, InputError, PlausibilityWarning, UnitError
from shelflife.moisture import (
    MODELS,
    LinearIsotherm,
    convert_moisture,
    dry_from_wet,
    fit_isotherm,
    fit_isotherms,
    get_model,
    get_salt,
    invert_monotone,
    isotherm_data,
    mean_relative_deviation,
    model_names,
    mrd_class,
    read_isotherm_data,
    salt_water_activity,
    salts_for,
    suggest_salts,
    to_dry_basis,
    water_activity_fraction,
    wet_from_dry,
)
from shelflife.units import get_registry

AW = np.array([0.113, 0.225, 0.324, 0.432, 0.514, 0.576, 0.751, 0.836, 0.923])
TRUE = {
    "gab": [0.06, 10.0, 0.9],
    "bet": [0.05, 12.0],
    "oswin": [0.08, 0.35],
    "halsey": [0.02, 1.3],
    "henderson": [30.0, 1.5],
    "peleg": [0.1, 0.6, 0.3, 5.0],
    "smith": [0.02, 0.06],
    "chen_clayton": [3.0, 30.0],
    "caurie": [0.01, 3.0],
}


def _aw_for(name):
    return AW[AW <= 0.5] if name == "bet" else AW


def _quiet(func, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return func(*args, **kwargs)


# ============================================================== closed forms
def test_every_registered_model_has_true_parameters_here():
    assert set(TRUE) == set(model_names()) == set(MODELS)


def test_gab_with_k_one_is_bet():
    # GAB reduces algebraically to BET at K = 1; only rounding differs.
    m0, C = 0.05, 12.0
    gab = get_model("gab").moisture(AW, [m0, C, 1.0])
    bet = get_model("bet").moisture(AW, [m0, C])
    np.testing.assert_allclose(gab, bet, rtol=1e-12)


@pytest.mark.parametrize("C", [0.5, 1.0, 4.0, 12.0, 150.0])
def test_bet_monolayer_at_closed_form_water_activity(C):
    # m = m0 solves (C-1) aw^2 + 2 aw - 1 = 0, i.e. aw = 1/(1 + sqrt(C)).
    aw_m = 1.0 / (1.0 + math.sqrt(C))
    assert get_model("bet").moisture(aw_m, [0.05, C]) == pytest.approx(0.05, rel=1e-12)
    # GAB: the same at K aw = 1/(1 + sqrt(C))
    K = 0.85
    assert get_model("gab").moisture(aw_m / K, [0.05, C, K]) == pytest.approx(0.05, rel=1e-12)


def test_gab_initial_slope_is_m0_c_k():
    # dm/daw at aw -> 0 is m0 C K; a forward difference at 1e-9 is exact to ~1e-8.
    m0, C, K = 0.06, 10.0, 0.9
    h = 1e-9
    slope = get_model("gab").moisture(h, [m0, C, K]) / h
    assert slope == pytest.approx(m0 * C * K, rel=1e-7)


def test_oswin_equals_a_at_half_and_peleg_two_terms():
    assert get_model("oswin").moisture(0.5, [0.08, 0.35]) == pytest.approx(0.08, rel=1e-14)
    k1, n1, k2, n2 = TRUE["peleg"]
    peleg = get_model("peleg")
    assert peleg.moisture(1.0, TRUE["peleg"]) == pytest.approx(k1 + k2, rel=1e-14)
    np.testing.assert_allclose(
        peleg.moisture(AW, TRUE["peleg"]), k1 * AW**n1 + k2 * AW**n2, rtol=1e-14
    )
    # one term only: a power law
    np.testing.assert_allclose(peleg.moisture(AW, [k1, n1, 0.0, n2]), k1 * AW**n1, rtol=1e-14)


@pytest.mark.parametrize("name", sorted(TRUE))
def test_inverse_round_trip_and_agrees_with_bisection(name):
    model = get_model(name)
    p = TRUE[name]
    aw = _aw_for(name)
    m = model.moisture(aw, p)
    # analytic (or bisection) inverse: back to aw within floating-point error
    np.testing.assert_allclose(model.water_activity(m, p), aw, rtol=0, atol=1e-12)
    # the closed forms agree with the model-independent bisection
    np.testing.assert_allclose(model.numerical_water_activity(m, p), aw, rtol=0, atol=1e-12)


@pytest.mark.parametrize("C", [0.3, 1.0, 2.0, 40.0])
def test_gab_analytic_inverse_for_every_kind_of_c(C):
    # C < 1 (type III), C = 1 (linear root) and C > 2 use the same stable root formula.
    p = [0.05, C, 0.8]
    m = get_model("gab").moisture(AW, p)
    np.testing.assert_allclose(get_model("gab").water_activity(m, p), AW, atol=1e-12)


def test_invert_monotone_edges():
    def f(a):
        return 0.1 + a  # m(0) = 0.1, m(1) = 1.1

    out = invert_monotone(f, [0.05, 0.6, 2.0, np.nan])
    assert out[0] == 0.0 and out[2] == 1.0 and np.isnan(out[3])
    assert out[1] == pytest.approx(0.5, abs=1e-15)
    # scalars in, scalars out, also for the model without a closed form
    peleg = get_model("peleg")
    assert isinstance(peleg.water_activity(0.1, TRUE["peleg"]), float)
    assert peleg.water_activity(5.0, TRUE["peleg"]) == 1.0  # above m(1) = k1 + k2


def test_model_lookup_aliases_and_suggestion():
    assert get_model("Hasley").name == "halsey"
    assert get_model("Chen-Clayton").name == "chen_clayton"
    assert get_model("GAB") is MODELS["gab"]
    with pytest.raises(InputError) as err:
        get_model("oswim")
    assert err.value.code == "isotherm_model_unknown"
    assert "Perhaps you meant 'oswin'?" in str(err.value)


# ====================================================================== fits
@pytest.mark.parametrize("name", sorted(TRUE))
def test_noise_free_data_recover_the_parameters(name):
    aw = _aw_for(name)
    m = get_model(name).moisture(aw, TRUE[name])
    fit = _quiet(fit_isotherm, aw, m, name, basis="dry")
    # exact data: the optimum is the truth up to the optimiser's tolerance (1e-12 on x)
    np.testing.assert_allclose(fit.values, TRUE[name], rtol=1e-6)
    assert fit.mrd < 1e-6 and fit.converged


@pytest.mark.parametrize("name", [n for n in sorted(TRUE) if n != "peleg"])
def test_linearised_fit_of_exact_data_is_exact(name):
    # the linear forms are exact transformations, so exact data give exact parameters
    aw = _aw_for(name)
    m = get_model(name).moisture(aw, TRUE[name])
    fit = fit_isotherm(aw, m, name, basis="dry", method="linearised")
    np.testing.assert_allclose(fit.values, TRUE[name], rtol=1e-9)
    assert fit.statistics["linear_r_squared"] == pytest.approx(1.0, abs=1e-12)


def test_noisy_gab_recovery_within_standard_errors():
    rng = np.random.default_rng(20240917)
    aw = np.repeat(AW, 3)
    truth = np.array(TRUE["gab"])
    m = get_model("gab").moisture(aw, truth) * (1 + 0.03 * rng.standard_normal(aw.size))
    fit = fit_isotherm(aw, m, "gab", basis="dry", temperature="30 °C")
    # 3 % multiplicative noise: each parameter within 3 standard errors of the truth,
    # and inside its 95 % interval
    z = np.abs(fit.values - truth) / fit.stderr
    assert np.all(z < 3), z
    for name, value in zip(fit.model.parameter_names, truth, strict=True):
        low, high = fit.parameters[name].ci95
        assert low < value < high
    assert fit.accuracy() == "very_accurate"
    assert fit.temperature.to("degC").magnitude == pytest.approx(30.0)


def test_linearised_method_reproduces_a_published_halsey_fit():
    # IPB thesis, soft-dough biscuit (biskuit adonan lunak), Lampiran 6, "Persamaan model
    # Hasley": data (aw, Me [g/g db]) and the least-squares constants printed as
    # log[ln(1/aw)] = -1.5932 - 1.2358 log Me, i.e. log a = -1.5932, n = 1.2358.
    # https://text-id.123dok.com/document/6qm3ggl8y-persamaan-hasley-persamaan-chen-clayton-persamaan-henderson-persamaan-caurie-persamaan-oswin.html
    aw = [0.3240, 0.5600, 0.7510, 0.8360, 0.9230]
    me = [0.0410, 0.0890, 0.1643, 0.2342, 0.3073]
    fit = _quiet(fit_isotherm, aw, me, "hasley", basis="dry", method="linearised")
    # Me is printed to 4 decimals (relative rounding up to 0.12 % at 0.0410, i.e. up to
    # 5e-4 in log10 Me); that moves the regression constants by ~1e-3, so 2e-3 here.
    assert math.log10(fit.values[0]) == pytest.approx(-1.5932, abs=2e-3)
    assert fit.values[1] == pytest.approx(1.2358, abs=2e-3)
    # The thesis regressed its printed log columns; the moistures behind them (10**X)
    # reproduce its constants to the 4 printed decimals (half a unit: 5e-5, plus the
    # rounding of the Y column: 1e-4 in all).
    x = np.array([-1.3877, -1.0508, -0.7844, -0.6304, -0.5124])
    y = np.array([0.0519, -0.2367, -0.5431, -0.7468, -1.0962])
    fit = _quiet(
        fit_isotherm, np.exp(-(10.0**y)), 10.0**x, "halsey", basis="dry", method="linearised"
    )
    assert math.log10(fit.values[0]) == pytest.approx(-1.5932, abs=1e-4)
    assert fit.values[1] == pytest.approx(1.2358, abs=1e-4)


def test_linearised_bet_reproduces_a_published_exercise_and_refuses_its_negative_c():
    # Teaching exercise "Kurva ISL model BET" (https://id.scribd.com/doc/140363652/Kurva-ISL):
    # ERH 11.32/32.52/43.2/63.88/83.72 %, moisture 3.38/9.06/9.21/15.55/22.06 %; printed
    # regression y = 0.258 x - 0.017, R² = 0.863, monolayer 4.15 %, and a negative C
    # (the points above aw 0.5 break BET). Printed to 3 decimals: tolerance 5e-4.
    aw = np.array([11.32, 32.52, 43.2, 63.88, 83.72]) / 100
    moisture = np.array([3.38, 9.06, 9.21, 15.55, 22.06])
    params, _, r2 = get_model("bet").linearised_fit(aw, moisture)
    m0, C = params
    intercept, slope = 1 / (m0 * C), (C - 1) / (m0 * C)
    assert intercept == pytest.approx(-0.017, abs=5e-4)
    assert slope == pytest.approx(0.258, abs=5e-4)
    assert r2 == pytest.approx(0.863, abs=5e-4)
    assert m0 == pytest.approx(4.15, abs=5e-3)
    assert C < 0
    with pytest.raises(FitError) as err:
        fit_isotherm(aw, moisture / 100, "bet", basis="dry", method="linearised")
    assert err.value.code == "isotherm_linearised_unphysical"


def test_standard_errors_match_a_linear_model_exactly():
    # Smith is linear in its parameters: the nonlinear covariance must equal the OLS one.
    rng = np.random.default_rng(7)
    m = get_model("smith").moisture(AW, TRUE["smith"]) + 0.002 * rng.standard_normal(AW.size)
    fit = fit_isotherm(AW, m, "smith", basis="dry")
    X = np.column_stack([np.ones(AW.size), -np.log(1 - AW)])
    coef, *_ = np.linalg.lstsq(X, m, rcond=None)
    resid = m - X @ coef
    cov = np.linalg.inv(X.T @ X) * (resid @ resid) / (AW.size - 2)
    np.testing.assert_allclose(fit.values, coef, rtol=1e-8)
    # finite-difference Jacobian of a linear model is exact up to rounding
    np.testing.assert_allclose(fit.cov, cov, rtol=1e-6)


def test_mean_relative_deviation_and_classes():
    # 100/2 * (0.01/0.10 + 0.02/0.20) = 10 %
    assert mean_relative_deviation([0.10, 0.20], [0.11, 0.18]) == pytest.approx(10.0)
    assert mrd_class(4.99) == "very_accurate"
    assert mrd_class(5.0) == "fairly_accurate"
    assert mrd_class(10.0) == "fairly_accurate"
    assert mrd_class(10.01) == "not_accurate"
    assert mrd_class(3.0, "id") == "sangat tepat"
    assert mrd_class(12.0, "id") == "tidak tepat"
    fit = _quiet(
        fit_isotherm,
        AW,
        get_model("oswin").moisture(AW, [0.08, 0.35]) * 1.02,
        "caurie",
        basis="dry",
    )
    expected = 100 * np.mean(np.abs(fit.observed - fit.fitted) / fit.observed)
    assert fit.mrd == pytest.approx(expected, rel=1e-12)


def test_comparison_ranks_and_skips():
    rng = np.random.default_rng(11)
    m = get_model("gab").moisture(AW, TRUE["gab"]) * (1 + 0.01 * rng.standard_normal(AW.size))
    comp = _quiet(fit_isotherms, (AW, m), basis="dry")
    assert "bet" in comp.skipped  # data beyond aw 0.5
    aicc = [f.statistics["aicc"] for f in comp.fits]
    finite = [a for a in aicc if math.isfinite(a)]
    assert finite == sorted(finite)
    assert comp.best.model.name in ("gab", "peleg")
    table = comp.table(lang="id")
    assert list(table.columns)[:3] == ["title", "n_parameters", "rmse"]
    assert table.loc["gab", "mrd_class"] == "sangat tepat"
    by_mrd = _quiet(fit_isotherms, (AW, m), ["gab", "oswin", "smith"], basis="dry", rank_by="mrd")
    mrds = [f.mrd for f in by_mrd.fits]
    assert mrds == sorted(mrds) and len(by_mrd) == 3
    assert json.loads(json.dumps(comp.to_dict(), allow_nan=False))["best"] == comp.best.name


# ================================================================ guardrails
def test_water_activity_above_one_says_percent_rh():
    with pytest.raises(InputError) as err:
        fit_isotherm([11.3, 32.8, 75.3], [0.03, 0.05, 0.12], "oswin", basis="dry")
    assert err.value.code == "water_activity_above_one"
    text = err.value.render("en")
    assert "relative humidity in percent" in text and "divide by 100" in text
    assert "0.113" in text
    assert "kelembaban relatif" in err.value.render("id") and "0,113" in err.value.render("id")
    # the same values as percentages are fine
    assert water_activity_fraction(["11.3 %", "32,8 % RH"]).tolist() == pytest.approx(
        [0.113, 0.328]
    )


def test_negative_equilibrium_moisture_is_refused():
    # Jackfruit chips (Lampung IKM study) report Me = -0.0537 g/g at 75 % RH: impossible.
    with pytest.raises(InputError) as err:
        to_dry_basis(-0.0537, basis="dry", what="equilibrium moisture Me")
    assert err.value.code == "moisture_negative"
    assert "impossible" in str(err.value) and "Chen-Clayton" in str(err.value)
    with pytest.raises(InputError) as err:
        fit_isotherm([0.3, 0.5, 0.75], [0.03, 0.05, -0.0537], "oswin", basis="dry")
    assert err.value.code == "moisture_negative"
    with pytest.raises(InputError):
        isotherm_data([0.3, 0.5], [0.0, 0.05], basis="dry")


def test_chen_clayton_extrapolated_to_negative_moisture_is_caught():
    # Chen-Clayton gives m < 0 below aw = exp(-a): flagged by the fit and refused on use.
    a, b = 0.9, 20.0  # exp(-0.9) = 0.41
    aw = np.array([0.45, 0.55, 0.65, 0.75, 0.85])
    m = get_model("chen_clayton").moisture(aw, [a, b])
    with pytest.warns(PlausibilityWarning, match="isotherm_negative_prediction"):
        fit = fit_isotherm(aw, m, "chen_clayton", basis="dry")
    notice = next(n for n in fit.notices if n.code == "isotherm_negative_prediction")
    assert notice.params["aw"] == pytest.approx(math.exp(-a), abs=0.01)
    assert fit.moisture_db(0.3) < 0  # the float level reports what the model says
    with pytest.raises(InputError) as err:
        fit.moisture("30 %")
    assert err.value.code == "isotherm_moisture_not_positive"


def test_too_few_points_lengths_and_single_water_activity():
    with pytest.raises(InputError) as err:
        fit_isotherm(
            AW[:4], get_model("peleg").moisture(AW[:4], TRUE["peleg"]), "peleg", basis="dry"
        )
    assert err.value.code == "isotherm_too_few_points"
    assert "at least 5" in str(err.value)
    with pytest.raises(InputError) as err:
        fit_isotherm([0.3, 0.5], [0.03], "oswin", basis="dry")
    assert err.value.code == "isotherm_lengths_differ"
    with pytest.raises(InputError) as err:
        fit_isotherm([0.5, 0.5, 0.5], [0.03, 0.031, 0.029], "oswin", basis="dry")
    assert err.value.code == "isotherm_one_water_activity"


def test_non_monotone_data_warn_and_are_recorded():
    m = get_model("oswin").moisture(AW, TRUE["oswin"])
    m[4] = m[2] * 0.9  # a jar not yet at equilibrium
    with pytest.warns(PlausibilityWarning, match="isotherm_not_monotone"):
        fit = fit_isotherm(AW, m, "oswin", basis="dry")
    assert "isotherm_not_monotone" in {n.code for n in fit.notices}


def test_bet_beyond_its_range_and_parameters_at_bound_notices():
    # BET fitted to a full GAB-shaped isotherm: outside its range, C runs to its bound.
    m = get_model("gab").moisture(AW, TRUE["gab"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fit = fit_isotherm(AW, m, "bet", basis="dry")
    codes = {n.code for n in fit.notices}
    assert {"isotherm_outside_validity", "isotherm_parameter_at_bound"} <= codes
    assert any("isotherm_outside_validity" in str(w.message) for w in caught)
    # intervals stop at the bounds: GAB's K on five points would reach far above 1
    aw = [0.3240, 0.5600, 0.7510, 0.8360, 0.9230]
    me = [0.0410, 0.0890, 0.1643, 0.2342, 0.3073]
    gab = _quiet(fit_isotherm, aw, me, "gab", basis="dry")
    low, high = gab.parameters["K"].ci95
    assert 0 < low < gab.values[2] < high == 1.0


def test_basis_required_and_model_temperature_units():
    with pytest.raises(InputError) as err:
        fit_isotherm(AW, get_model("oswin").moisture(AW, TRUE["oswin"]), "oswin")
    assert err.value.code == "moisture_basis_missing"
    with pytest.raises(UnitError):
        fit_isotherm(
            AW,
            get_model("oswin").moisture(AW, TRUE["oswin"]),
            "oswin",
            basis="dry",
            temperature=30,
        )


# ================================================================== bases
def test_wet_dry_conversions():
    assert dry_from_wet(0.05) == pytest.approx(0.05 / 0.95, rel=1e-15)
    assert wet_from_dry(dry_from_wet(0.123)) == pytest.approx(0.123, rel=1e-15)
    np.testing.assert_allclose(
        wet_from_dry(dry_from_wet(np.array([0.0, 0.2, 0.5]))), [0.0, 0.2, 0.5]
    )
    assert to_dry_basis("5 %", basis="wet") == pytest.approx(0.05 / 0.95)
    assert to_dry_basis("5,2 %", basis="bb") == pytest.approx(0.052 / 0.948)
    assert to_dry_basis("5.2 % wb") == pytest.approx(0.052 / 0.948)  # basis in the text
    assert to_dry_basis("5.2 g/100 g", basis="dry") == pytest.approx(0.052)
    Q_ = get_registry().Quantity
    np.testing.assert_allclose(to_dry_basis(Q_([4.0, 6.0], "%"), basis="bk"), [0.04, 0.06])
    q = convert_moisture("5.2632 %", from_basis="dry", to_basis="wet")
    assert q.to("%").magnitude == pytest.approx(5.0, abs=1e-4)


def test_basis_errors_and_warnings():
    with pytest.raises(InputError) as err:
        to_dry_basis("5 %")
    assert err.value.code == "moisture_basis_missing"
    assert "basis='wet'" in str(err.value) and "basis basah" in err.value.render("id")
    with pytest.raises(InputError) as err:
        to_dry_basis("5 % db", basis="wet")
    assert err.value.code == "moisture_basis_conflict"
    with pytest.raises(InputError) as err:
        to_dry_basis("120 %", basis="wet")
    assert err.value.code == "moisture_wet_basis_impossible"
    with pytest.raises(InputError) as err:
        to_dry_basis(5.2, basis="wet")  # percent given as a plain number
    assert err.value.code == "moisture_wet_basis_impossible"
    with pytest.raises(InputError):
        to_dry_basis("5 %", basis="moist")
    with pytest.raises(UnitError):
        to_dry_basis("5 g", basis="dry")
    with pytest.warns(PlausibilityWarning, match="moisture_dry_basis_high"):
        to_dry_basis(5.2, basis="dry")


# ================================================================== salts
# Greenspan (1977) Table 2 at 25 °C [% RH ± u], as reproduced in thorhale/Psychro
# (tests/saltref.test.js) and matching the brief's NaCl 75.29 ± 0.12, MgCl2 32.78 ± 0.16.
GREENSPAN_25C = {
    "LiCl": (11.30, 0.27),
    "MgCl2": (32.78, 0.16),
    "Mg(NO3)2": (52.89, 0.22),
    "NaCl": (75.29, 0.12),
    "KCl": (84.34, 0.26),
    "K2SO4": (97.30, 0.45),
}
# Greenspan (1977) Table 1 polynomial coefficients RH = sum a_i t^i [% RH, t in °C], as
# reproduced in thorhale/Psychro src/core/saltref.js and matusm/HumiFixPoints; the tables
# print the polynomial truncated to 0.01 % RH.
GREENSPAN_POLY = {
    "LiCl": [11.2323, 0.00824245, -2.1489e-4],
    "MgCl2": [33.6686, -0.00797397, -1.08988e-3],
    "Mg(NO3)2": [60.3514, -0.298153],
    "NaCl": [75.5164, 0.0398321, -2.65459e-3, 2.848e-5],
    "KCl": [88.619, -0.19334, 8.99706e-4],
    "K2SO4": [98.7792, -0.0590502],
}


@pytest.mark.parametrize("salt", sorted(GREENSPAN_25C))
def test_salt_table_at_25c_against_greenspan(salt):
    rh, u = GREENSPAN_25C[salt]
    aw, unc = salt_water_activity(salt, "25 °C", uncertainty=True)
    # stored as printed: exact to the last printed digit
    assert aw == pytest.approx(rh / 100, abs=1e-12)
    assert unc == pytest.approx(u / 100, abs=1e-12)


@pytest.mark.parametrize("salt", sorted(GREENSPAN_POLY))
def test_salt_rows_follow_greenspans_polynomial(salt):
    s = get_salt(salt)
    t = s.temperatures_c
    poly = sum(c * t**i for i, c in enumerate(GREENSPAN_POLY[salt]))
    # truncation to 0.01 % RH: the table is 0 to 0.01 below the polynomial
    diff = poly / 100 - s.water_activity
    assert np.all(diff >= -1e-9) and np.all(diff < 1e-4 + 1e-9)


def test_salts_at_30c_match_indonesian_practice_and_interpolate():
    # Indonesian theses at 30 °C: MgCl2 32, K2CO3 43, Mg(NO3)2 52, NaCl 75, KCl 84, K2SO4 97 %
    table = salts_for("30 °C", lang="id")
    expected = {"MgCl2": 32, "K2CO3": 43, "Mg(NO3)2": 52, "NaCl": 75, "KCl": 84, "K2SO4": 97}
    for salt, rh in expected.items():
        assert abs(table.loc[salt, "rh_percent"] - rh) < 1.0
    assert table.loc["NaCl", "name"] == "natrium klorida"
    assert list(table["water_activity"]) == sorted(table["water_activity"])
    # midway between 25 and 30 °C: the mean of the two rows
    mid = salt_water_activity("sodium chloride", "27.5 °C")
    assert mid == pytest.approx((0.7529 + 0.7509) / 2, abs=1e-12)
    # °F and K give the same as °C
    Q_ = get_registry().Quantity
    assert salt_water_activity("NaCl", Q_(86.0, "degF")) == pytest.approx(0.7509, abs=1e-9)
    np.testing.assert_allclose(
        salt_water_activity("KCl", Q_([298.15, 303.15], "K")), [0.8434, 0.8362], atol=1e-9
    )
    picks = suggest_salts(["33 %", 0.75, 0.97], "30 °C")
    assert picks["salt"].tolist() == ["MgCl2", "NaCl", "K2SO4"]


def test_salt_errors():
    with pytest.raises(InputError) as err:
        salt_water_activity("NaCl", "60 °C")
    assert err.value.code == "salt_temperature_out_of_range"
    with pytest.raises(InputError):
        salt_water_activity("K2CO3", "40 °C")  # tabulated 0-30 °C only
    with pytest.raises(InputError) as err:
        salt_water_activity("NaCI", "25 °C")  # capital i for l
    assert err.value.code == "salt_unknown" and "NaCl" in str(err.value)
    with pytest.raises(UnitError):
        salt_water_activity("NaCl", 25)
    assert get_salt("kalium karbonat").key == "K2CO3"
    assert get_salt("MgCl2·6H2O").key == "MgCl2"


def test_every_salt_row_records_its_verification():
    for name in (
        "LiCl",
        "CH3COOK",
        "MgCl2",
        "K2CO3",
        "Mg(NO3)2",
        "NaBr",
        "NaCl",
        "KCl",
        "KNO3",
        "K2SO4",
    ):
        s = get_salt(name)
        assert len(s.check) == s.temperatures_c.size
        assert set(s.check) <= {"table", "polynomial", "rounded", "none"}
        assert "Greenspan" in s.source
    assert "none" in get_salt("NaBr").check  # 30-50 °C could not be verified


# ============================================================ linear isotherm
def test_linear_isotherm_and_secants():
    line = LinearIsotherm.through(0.3, 0.04, 0.6, 0.10)
    assert line.slope == pytest.approx(0.2) and line.intercept == pytest.approx(-0.02)
    np.testing.assert_allclose(line.water_activity_db(line.moisture_db(AW)), AW)
    with pytest.raises(InputError):
        LinearIsotherm(-0.1, 0.0)
    with pytest.raises(InputError):
        LinearIsotherm.through(0.6, 0.1, 0.3, 0.04)
    m = get_model("gab").moisture(AW, TRUE["gab"])
    fit = fit_isotherm(AW, m, "gab", basis="dry")
    secant = fit.linear_between(0.05, 0.09)
    for target in (0.05, 0.09):
        aw = fit.water_activity_db(target)
        assert secant.moisture_db(aw) == pytest.approx(target, rel=1e-9)
    between = fit.slope(0.3, "60 %")
    assert between.moisture_db(0.3) == pytest.approx(fit.moisture_db(0.3), rel=1e-12)
    assert between.moisture_db(0.6) == pytest.approx(fit.moisture_db(0.6), rel=1e-12)


def test_float_and_quantity_interfaces():
    m = get_model("gab").moisture(AW, TRUE["gab"])
    fit = fit_isotherm(AW, m, "gab", basis="dry")
    # floats in, floats out (the packaging model relies on it)
    out = fit.moisture_db(np.array([0.3, 0.5]))
    assert isinstance(out, np.ndarray) and out.dtype == float
    assert isinstance(fit.moisture(0.5), float)
    assert isinstance(fit.water_activity_db(0.08), float)
    np.testing.assert_allclose(fit.water_activity(fit.moisture(AW)), AW, atol=1e-10)
    # Quantities in, Quantities out
    q = fit.moisture("75 %")
    assert q.to("").magnitude == pytest.approx(fit.moisture_db(0.75))
    wet = fit.moisture("75 %", basis="wet")
    assert wet.magnitude == pytest.approx(wet_from_dry(fit.moisture_db(0.75)))
    aw = fit.water_activity("8 %", basis="wet")
    assert aw.magnitude == pytest.approx(fit.water_activity_db(0.08 / 0.92))
    with pytest.raises(InputError) as err:
        fit.water_activity("8 %")
    assert err.value.code == "moisture_basis_missing"
    with pytest.raises(InputError) as err:
        fit.water_activity("500 %", basis="dry")  # beyond GAB's value at aw = 1
    assert err.value.code == "isotherm_moisture_outside_range"


def test_results_serialise_summarise_and_plot():
    rng = np.random.default_rng(3)
    m = get_model("gab").moisture(AW, TRUE["gab"]) * (1 + 0.02 * rng.standard_normal(AW.size))
    fit = fit_isotherm(AW, m, "gab", basis="dry", temperature="30 °C")
    d = json.loads(json.dumps(fit.to_dict(), allow_nan=False))
    assert set(d) == {"model", "parameters", "statistics", "data", "temperature", "notices"}
    assert set(d["parameters"]) == {"m0", "C", "K"}
    assert set(d["parameters"]["m0"]) == {"value", "unit", "stderr", "ci95"}
    assert d["statistics"]["mrd_class"] == "very_accurate"
    assert d["temperature"] == {"value": 30.0, "unit": "degC"}
    assert list(fit.summary().columns) == [
        "symbol",
        "estimate",
        "stderr",
        "ci95_low",
        "ci95_high",
        "unit",
    ]
    assert "GAB" in fit._repr_html_() and "MRD" in str(fit)
    assert fit.data_table().shape == (AW.size, 5)
    import matplotlib

    matplotlib.use("Agg")
    ax = fit.plot(lang="id")
    assert ax.get_xlabel().startswith("Aktivitas air")
    assert "30 °C" in ax.get_title()
    comp = _quiet(fit_isotherms, (AW, m), ["gab", "oswin"], basis="dry")
    ax = comp.plot()
    assert ax.get_ylabel() == "Equilibrium moisture [g/g, dry basis]"
    assert len(ax.get_lines()) == 3


# ================================================================ data files
def test_read_csv_with_semicolons_decimal_commas_and_indonesian_headers(tmp_path):
    path = tmp_path / "isoterm.csv"
    path.write_text(
        "garam;RH (%);kadar air (% bk)\n"
        "MgCl2;32,4;3,10\n"
        "K2CO3;43,2;4,02\n"
        "Mg(NO3)2;51,4;4,95\n"
        "NaCl;75,1;9,80\n"
        "KCl;83,6;13,90\n",
        encoding="utf-8",
    )
    data = read_isotherm_data(path)
    assert data.input_basis == "dry" and data.file == str(path)
    np.testing.assert_allclose(data.aw, [0.324, 0.432, 0.514, 0.751, 0.836])
    np.testing.assert_allclose(data.moisture, [0.031, 0.0402, 0.0495, 0.098, 0.139])
    comp = _quiet(fit_isotherms, path, ["gab", "oswin", "halsey"])
    assert comp.best.data.n == 5
    # the salt column alone, with the jar temperature
    salt_only = tmp_path / "salts.csv"
    salt_only.write_text("garam,kadar air [% bb]\nMgCl2,3.0\nNaCl,8.9\nKCl,12.2\n", "utf-8")
    data = read_isotherm_data(salt_only, temperature="30 °C")
    np.testing.assert_allclose(data.aw, [0.3244, 0.7509, 0.8362])
    assert data.input_basis == "wet"
    with pytest.raises(InputError) as err:
        read_isotherm_data(salt_only)
    assert err.value.code == "isotherm_salt_needs_temperature"


def test_file_errors_carry_their_location(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("aw,moisture\n0.33,4.1\n0.75,9.8\n", "utf-8")
    with pytest.raises(UnitError) as err:
        read_isotherm_data(path, basis="dry")
    assert err.value.code == "isotherm_moisture_unit_missing"
    path.write_text("aw,moisture [%]\n0.33,4.1\n75,9.8\n", "utf-8")
    with pytest.raises(InputError) as err:
        read_isotherm_data(path, basis="dry")
    assert err.value.code == "water_activity_above_one"
    assert err.value.row == 3 and err.value.column == "aw"
    path.write_text("aw,moisture [%]\n0.33,abc\n0.75,9.8\n", "utf-8")
    with pytest.raises(InputError) as err:
        read_isotherm_data(path, basis="dry")
    assert err.value.code == "cell_not_numeric" and err.value.row == 2
    path.write_text("sample,weight\nA,1\nB,2\n", "utf-8")
    with pytest.raises(InputError) as err:
        read_isotherm_data(path, basis="dry")
    assert err.value.code == "isotherm_columns_missing"


def test_reads_the_critical_moisture_study_sheet(tmp_path):
    # The isotherm.csv of a critical-moisture study folder (docs/critical-moisture-study.md):
    # salt, aw (may be blank), moisture without unit (given by study.toml), a temperature
    # column, replicates, and jars not yet weighed.
    path = tmp_path / "isotherm.csv"
    path.write_text(
        "salt,aw,moisture,temperature (°C),replicate\n"
        "MgCl2,,3.1,30,1\n"
        "MgCl2,,3.3,30,2\n"
        "NaCl,0.7509,9.8,30,1\n"
        "KCl,,13.9,30,1\n"
        "K2SO4,,,30,1\n",
        encoding="utf-8",
    )
    with pytest.raises(UnitError) as err:
        read_isotherm_data(path, basis="dry")  # percent or g/g?
    assert err.value.code == "isotherm_moisture_unit_missing"
    data = read_isotherm_data(path, basis="dry", unit="%")
    np.testing.assert_allclose(data.aw, [0.3244, 0.3244, 0.7509, 0.8362])
    np.testing.assert_allclose(data.moisture, [0.031, 0.033, 0.098, 0.139])
    assert data.temperature == pytest.approx(303.15)
    assert [n.code for n in data.notices] == ["isotherm_rows_without_moisture"]
    assert data.notices[0].params["rows"] == "6"
    # declared g/g but written in percent: possible on dry basis, so a warning
    data = read_isotherm_data(path, basis="dry", unit="g/g")
    assert "moisture_dry_basis_high" in {n.code for n in data.notices}
    path.write_text("garam,kadar air [%]\nMgCl2,3.1\n", "utf-8")
    with pytest.raises(UnitError) as err:
        read_isotherm_data(path, basis="dry", unit="g/g", temperature="30 °C")
    assert err.value.code == "unit_conflict"
