"""Closed forms of the kinetic and temperature models (tolerances: floating point only)."""

import numpy as np
import pytest

import shelflife as sl
from shelflife.fitting import KineticModel
from shelflife.models import (
    ARRHENIUS,
    FIRST,
    ORDERS,
    TEMPERATURE_MODELS,
    ZERO,
    activation_energy_from_q10,
    arrhenius,
    q10_from_activation_energy,
    reference_temperature,
)
from shelflife.models.temperature import References
from shelflife.twostep import two_step
from shelflife.units import GAS_CONSTANT


def test_first_order_half_life_is_ln2_over_k():
    # A = A0 exp(-k t) reaches A0/2 at t = ln 2 / k (closed form; rtol at rounding level).
    k = np.array([0.01, 0.05, 0.3])
    t = FIRST.time_to_limit(50.0, k, np.array([100.0]), -1.0)
    np.testing.assert_allclose(t, np.log(2) / k, rtol=1e-14)


def test_zero_order_time_to_limit():
    # A = A0 + k t reaches Ac at (Ac - A0)/k.
    t = ZERO.time_to_limit(10.0, np.array([0.5]), np.array([1.0]), 1.0)
    np.testing.assert_allclose(t, [18.0], rtol=1e-15)
    # limit behind the direction of travel: negative formal time
    assert ZERO.time_to_limit(0.0, np.array([0.5]), np.array([1.0]), 1.0)[0] < 0


@pytest.mark.parametrize("temperature", ["0 degC", "25 degC", "300 K", "104 degF"])
@pytest.mark.parametrize("ea", ["20 kJ/mol", "83.144 kJ/mol", "25 kcal/mol", "150000 J/mol"])
def test_q10_activation_energy_round_trip(ea, temperature):
    q10 = q10_from_activation_energy(ea, temperature)
    back = activation_energy_from_q10(q10, temperature)
    assert back.to("kJ/mol").magnitude == pytest.approx(
        sl.Q_(ea).to("kJ/mol").magnitude, rel=1e-12
    )


def test_q10_from_arrhenius_ratio():
    # Q10 is exactly k(T+10)/k(T) for an Arrhenius rate.
    k20 = arrhenius("20 degC", sl.Q_(1.0, "1/day"), "70 kJ/mol")
    k30 = arrhenius("30 degC", sl.Q_(1.0, "1/day"), "70 kJ/mol")
    q10 = q10_from_activation_energy("70 kJ/mol", "20 degC")
    assert (k30 / k20).magnitude == pytest.approx(q10, rel=1e-12)


def test_q10_falls_with_temperature():
    q = q10_from_activation_energy("80 kJ/mol", sl.Q_([10, 20, 30, 40], "degC"))
    assert np.all(np.diff(q) < 0)


def test_arrhenius_rejects_bare_temperature():
    with pytest.raises(sl.UnitError):
        arrhenius(30, sl.Q_(0.01, "1/day"), "80 kJ/mol")


def test_reference_temperature_is_harmonic_mean():
    T = np.array([298.15, 308.15, 318.15])
    assert reference_temperature(np.repeat(T, 5)) == pytest.approx(3 / np.sum(1 / T), rel=1e-15)


ORDER_PARAMS = {
    "zero": [5.0],
    "first": [5.0],
    "second": [5.0],
    "nth": [5.0, 1.7],
    "weibull": [5.0, np.log(0.8)],
    "equilibrium": [5.0, 9.0],
}
TEMP_PARAMS = {
    "arrhenius": [np.log(0.02), 75.0],
    "eyring": [np.log(0.02), 72.0],
    "q10": [np.log(0.02), np.log(2.5)],
    "arrhenius_rh": [np.log(0.02), 75.0, 0.03],
    "isothermal": [np.log(0.02)],
}


@pytest.mark.parametrize("order", sorted(ORDERS))
@pytest.mark.parametrize("tdep", sorted(TEMPERATURE_MODELS))
@pytest.mark.parametrize("sign", [1.0, -1.0])
def test_analytic_jacobian_matches_finite_differences(order, tdep, sign):
    if order == "second" and sign > 0:
        sign = -1.0  # a rising second-order curve blows up within the test horizon
    model = KineticModel(ORDERS[order], TEMPERATURE_MODELS[tdep], sign, References(305.0, 60.0))
    theta = np.array(ORDER_PARAMS[order] + TEMP_PARAMS[tdep])
    if order == "nth" and sign > 0:
        theta[1] = 0.6  # n > 1 rising blows up in finite time
    t = np.tile([0.0, 7, 14, 28, 42], 3)
    T = np.repeat([298.15, 308.15, 318.15], 5)
    rh = np.tile([40.0, 60.0, 80.0, 60.0, 40.0], 3)
    J = model.jacobian(theta, t, T, rh)
    num = np.empty_like(J)
    for i in range(theta.size):
        h = 1e-6 * max(abs(theta[i]), 1)
        tp, tm = theta.copy(), theta.copy()
        tp[i] += h
        tm[i] -= h
        num[:, i] = (model.predict(tp, t, T, rh) - model.predict(tm, t, T, rh)) / (2 * h)
    # central differences: truncation error O(h^2) ~ 1e-10 relative
    np.testing.assert_allclose(J, num, rtol=1e-5, atol=1e-8)


@pytest.mark.parametrize("order", sorted(ORDERS))
def test_time_to_limit_is_where_the_response_reaches_the_limit(order):
    o = ORDERS[order]
    p = np.array(ORDER_PARAMS[order])
    sign = -1.0 if order != "equilibrium" else 1.0
    k = np.array([0.01, 0.03])
    limit = 3.0 if order != "equilibrium" else 7.0
    t = o.time_to_limit(limit, k, p, sign)
    np.testing.assert_allclose(o.response(t, k, p, sign), limit, rtol=1e-10)


def test_nth_order_tends_to_first_order():
    t = np.linspace(0, 60, 7)
    k = 0.02
    first = FIRST.response(t, k, np.array([5.0]), -1.0)
    for n in (1.0, 1.0 + 1e-9, 1.0 - 1e-9):
        np.testing.assert_allclose(
            ORDERS["nth"].response(t, k, np.array([5.0, n]), -1.0), first, rtol=1e-7
        )
    # n = 0 is zero order with the relative rate k*A0 (until A reaches 0, where the
    # conversion is complete), n = 2 is second order with k/A0
    t = np.linspace(0, 45, 7)
    np.testing.assert_allclose(
        ORDERS["nth"].response(t, k, np.array([5.0, 0.0]), -1.0),
        ZERO.response(t, k * 5.0, np.array([5.0]), -1.0),
        rtol=1e-12,
    )
    np.testing.assert_allclose(
        ORDERS["nth"].response(t, k, np.array([5.0, 2.0]), -1.0),
        ORDERS["second"].response(t, k / 5.0, np.array([5.0]), -1.0),
        rtol=1e-12,
    )


def test_weibull_shape_one_is_first_order():
    t = np.linspace(0, 60, 7)
    np.testing.assert_allclose(
        ORDERS["weibull"].response(t, 0.02, np.array([5.0, 0.0]), -1.0),
        FIRST.response(t, 0.02, np.array([5.0]), -1.0),
        rtol=1e-14,
    )


def test_eyring_and_q10_closed_forms():
    refs = References(300.0)
    T = np.array([290.0, 310.0])
    q = np.array([np.log(0.02), 70.0])
    # Eyring: k = k_ref (T/T_ref) exp[-(dH/R)(1/T - 1/T_ref)]
    expected = 0.02 * (T / 300.0) * np.exp(-(70.0 / GAS_CONSTANT) * (1 / T - 1 / 300.0))
    np.testing.assert_allclose(
        np.exp(TEMPERATURE_MODELS["eyring"].log_rate(T, None, q, refs)), expected, rtol=1e-14
    )
    # Q10: k = k_ref Q10^((T - T_ref)/10)
    q = np.array([np.log(0.02), np.log(2.0)])
    expected = 0.02 * 2.0 ** ((T - 300.0) / 10)
    np.testing.assert_allclose(
        np.exp(TEMPERATURE_MODELS["q10"].log_rate(T, None, q, refs)), expected, rtol=1e-14
    )


def test_two_step_exact_on_noise_free_data():
    ea, k_ref, T_ref = 90.0, 0.03, 310.0
    t = np.tile(np.arange(0, 50, 7.0), 3)
    T = np.repeat([298.15, 308.15, 318.15], 8)
    k = k_ref * np.exp(-(ea / GAS_CONSTANT) * (1 / T - 1 / T_ref))
    y = 20 * np.exp(-k * t)
    model = KineticModel(FIRST, ARRHENIUS, -1.0, References(T_ref))
    ts = two_step(t, T, y, model, np.array([20.0]))
    assert ts.activation_energy == pytest.approx(ea, rel=1e-10)
    assert np.exp(ts.log_rate_constant_ref) == pytest.approx(k_ref, rel=1e-10)
    assert ts.r_squared == pytest.approx(1.0, abs=1e-12)
