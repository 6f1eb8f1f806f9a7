"""Closed forms of the kinetic and temperature models (tolerances: floating point only)."""

import numpy as np
import pytest

import shelflife as sl
from shelflife.fitting import KineticModel
from shelflife.models import (
    ARRHENIUS,
    FIRST,
    ZERO,
    activation_energy_from_q10,
    arrhenius,
    q10_from_activation_energy,
    reference_temperature,
)
from shelflife.twostep import two_step
from shelflife.units import GAS_CONSTANT


def test_first_order_half_life_is_ln2_over_k():
    # A = A0 exp(-k t) reaches A0/2 at t = ln 2 / k (closed form; rtol at rounding level).
    k = np.array([0.01, 0.05, 0.3])
    t = FIRST.time_to_limit(50.0, k, 100.0, -1.0)
    np.testing.assert_allclose(t, np.log(2) / k, rtol=1e-14)


def test_zero_order_time_to_limit():
    # A = A0 + k t reaches Ac at (Ac - A0)/k.
    t = ZERO.time_to_limit(10.0, np.array([0.5]), 1.0, 1.0)
    np.testing.assert_allclose(t, [18.0], rtol=1e-15)
    # limit behind the direction of travel: negative formal time
    assert ZERO.time_to_limit(0.0, np.array([0.5]), 1.0, 1.0)[0] < 0


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


@pytest.mark.parametrize("order", [ZERO, FIRST])
@pytest.mark.parametrize("sign", [1.0, -1.0])
def test_analytic_jacobian_matches_finite_differences(order, sign):
    model = KineticModel(order, ARRHENIUS, sign, 305.0)
    theta = np.array([5.0, np.log(0.02), 75.0])
    t = np.tile([0.0, 7, 14, 28, 42], 3)
    T = np.repeat([298.15, 308.15, 318.15], 5)
    J = model.jacobian(theta, t, T)
    num = np.empty_like(J)
    for i in range(3):
        h = 1e-6 * max(abs(theta[i]), 1)
        tp, tm = theta.copy(), theta.copy()
        tp[i] += h
        tm[i] -= h
        num[:, i] = (model.predict(tp, t, T) - model.predict(tm, t, T)) / (2 * h)
    # central differences: truncation error O(h^2) ~ 1e-10 relative
    np.testing.assert_allclose(J, num, rtol=1e-6, atol=1e-9)


def test_two_step_exact_on_noise_free_data():
    ea, k_ref, T_ref = 90.0, 0.03, 310.0
    t = np.tile(np.arange(0, 50, 7.0), 3)
    T = np.repeat([298.15, 308.15, 318.15], 8)
    k = k_ref * np.exp(-(ea / GAS_CONSTANT) * (1 / T - 1 / T_ref))
    y = 20 * np.exp(-k * t)
    ts = two_step(t, T, y, FIRST, -1.0, T_ref)
    assert ts.activation_energy == pytest.approx(ea, rel=1e-10)
    assert np.exp(ts.log_rate_constant_ref) == pytest.approx(k_ref, rel=1e-10)
    assert ts.r_squared == pytest.approx(1.0, abs=1e-12)
