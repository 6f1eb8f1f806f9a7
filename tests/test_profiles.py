"""Temperature histories: closed forms along piecewise-constant profiles, MKT, errors."""

import math

import numpy as np
import pandas as pd
import pytest

from shelflife.errors import FitError, InputError, UnitError
from shelflife.fitting import fit_floats
from shelflife.models.kinetics import ORDERS, ReactionOrder
from shelflife.profiles import (
    TemperatureProfile,
    _check_kinetic_time,
    effective_temperature,
    mean_kinetic_temperature,
    quality_along,
    remaining_shelf_life,
    time_to_limit_along,
)
from shelflife.study import Attribute
from shelflife.units import GAS_CONSTANT, get_registry

R = GAS_CONSTANT


def _data(order: str, seed: int = 7):
    rng = np.random.default_rng(seed)
    t = np.tile(np.repeat(np.arange(0, 43.0, 7), 3), 3)
    T = np.repeat([298.15, 308.15, 318.15], 21)
    k = 0.014 * np.exp(-(75 / R) * (1 / T - 1 / 303.15))
    if order == "first":
        return t, T, np.exp(k * t) + rng.normal(0, 0.15, t.size)
    return t, T, 2.0 + 0.1 * k * t + rng.normal(0, 0.02, t.size)


@pytest.fixture(scope="module")
def first_fit():
    t, T, y = _data("first")
    return fit_floats(t, T, y, order="first", attribute=Attribute("pv", "meq/kg", 10.0, "max"))


@pytest.fixture(scope="module")
def zero_fit():
    t, T, y = _data("zero")
    return fit_floats(t, T, y, order="zero", attribute=Attribute("m", "%", 2.2, "max"))


def _k(fit, T_K):
    return float(np.exp(fit.model.log_rate(fit.theta, np.array([T_K])))[0])


# ------------------------------------------------------------------ profiles
def test_constructors_and_properties():
    p = TemperatureProfile.from_steps([("2 day", "20 degC"), ("48 hour", "40 degC")])
    assert p.duration.to("day").magnitude == pytest.approx(4.0)
    assert p.mean_temperature.to("degC").magnitude == pytest.approx(30.0)
    q = p + TemperatureProfile.constant("86 degF", "1 week")
    assert len(q) == 3 and q.duration_days == pytest.approx(11.0)
    assert q.temperatures[-1] == pytest.approx(303.15)
    with pytest.raises(ValueError):
        q.temperatures[0] = 1.0  # frozen arrays


def test_daily_cycle_mean_and_range():
    p = TemperatureProfile.daily_cycle("30 degC", "8 delta_degC", "3 day", steps_per_day=24)
    assert len(p) == 72
    assert p.mean_temperature.magnitude == pytest.approx(30.0, abs=1e-9)
    assert p.temperatures.max() - 273.15 <= 38.0 + 1e-9
    same = TemperatureProfile.daily_cycle("30 degC", "8 degC", "3 day")
    np.testing.assert_array_equal(p.temperatures, same.temperatures)
    half = TemperatureProfile.daily_cycle("30 degC", "8 K", "2.5 day", steps_per_day=4)
    assert half.duration_days == pytest.approx(2.5)


def test_from_series_irregular_and_timestamps():
    Q = get_registry().Quantity
    p = TemperatureProfile.from_series(Q([0, 1, 4, 10], "hour"), Q([20, 25, 30, 99], "degC"))
    np.testing.assert_allclose(p.durations * 24, [1, 3, 6])
    np.testing.assert_allclose(p.temperatures - 273.15, [20, 25, 30])
    stamps = pd.to_datetime(["2024-05-01 00:00", "2024-05-01 12:00", "2024-05-03 00:00"])
    s = TemperatureProfile.from_series(stamps, ["25 degC", "35 degC", "35 degC"])
    np.testing.assert_allclose(s.durations, [0.5, 1.5])


def test_non_monotonic_series_is_a_coded_error():
    Q = get_registry().Quantity
    with pytest.raises(InputError) as err:
        TemperatureProfile.from_series(Q([0, 2, 1, 3], "hour"), Q([20, 21, 22, 23], "degC"))
    assert err.value.code == "profile_time_not_increasing"
    assert err.value.row == 3
    assert "baris 3" in err.value.render("id")
    with pytest.raises(InputError) as err:
        TemperatureProfile.from_series(
            ["2024-05-01 10:00", "2024-05-01 10:00"], ["20 degC", "21 degC"]
        )
    assert err.value.code == "profile_time_not_increasing"


def test_bare_numbers_are_refused():
    with pytest.raises(UnitError):
        TemperatureProfile.constant(30, "1 day")
    with pytest.raises(UnitError):
        TemperatureProfile.from_steps([("1 day", 30.0)])
    with pytest.raises(UnitError):
        TemperatureProfile.from_series([0, 1, 2], ["20 degC"] * 3)
    p = TemperatureProfile.constant("30 degC", "1 day")
    with pytest.raises(UnitError):
        effective_temperature(p, 80.0)


def test_implausible_temperature_and_bad_steps():
    with pytest.raises(InputError) as err:
        TemperatureProfile.from_steps([("1 day", "30 degC"), ("1 day", "300 degC")])
    assert err.value.code == "temperature_implausible" and err.value.row == 2
    with pytest.raises(InputError):
        TemperatureProfile.from_steps([("0 day", "30 degC")])


# ------------------------------------------------------ effective temperature
def test_effective_temperature_of_a_constant_profile_is_that_constant():
    p = TemperatureProfile.constant("25 degC", "30 day")
    assert effective_temperature(p, "75 kJ/mol").magnitude == pytest.approx(25.0, abs=1e-9)
    assert mean_kinetic_temperature(p).magnitude == pytest.approx(25.0, abs=1e-9)


def test_effective_temperature_exceeds_mean_for_a_cycle_jensen():
    p = TemperatureProfile.daily_cycle("30 degC", "10 K", "7 day")
    mean = p.mean_temperature.magnitude
    assert effective_temperature(p, "100 kJ/mol").magnitude > mean
    # a larger activation energy weights the hot hours more
    assert (
        effective_temperature(p, "150 kJ/mol").magnitude
        > effective_temperature(p, "50 kJ/mol").magnitude
    )


def test_effective_temperature_reproduces_the_mean_rate(first_fit):
    """k(T_eff) equals the time-average of k(T(t)) for the fit's own Ea."""
    p = TemperatureProfile.from_steps([("3 day", "15 degC"), ("1 day", "45 degC")])
    ea = first_fit.activation_energy
    T_eff = effective_temperature(p, ea).to("kelvin").magnitude
    k_mean = (3 * _k(first_fit, 288.15) + 1 * _k(first_fit, 318.15)) / 4
    assert _k(first_fit, T_eff) == pytest.approx(k_mean, rel=1e-10)


def test_mkt_independent_hand_computation():
    """USP MKT against an independent hand computation (no published numeric worked example
    was found with the search tools available, so none is quoted here).

    Two equal periods at 20 °C and 40 °C, ΔH/R = 83.144/0.008314462618 = 9999.92 K:
    e^(-9999.92/293.15) = 1.5324e-15, e^(-9999.92/313.15) = 1.3537e-14; mean 7.5348e-15;
    -ln = 32.5192; T = 9999.92/32.5192 = 307.508 K = 34.36 °C (arithmetic mean 30 °C). The hand value is computed
    below in plain float arithmetic, independently of the package's log-sum-exp form.
    """
    p = TemperatureProfile.from_steps([("1 day", "20 degC"), ("1 day", "40 degC")])
    b = 83.144 / 8.314462618e-3
    hand = b / -math.log((math.exp(-b / 293.15) + math.exp(-b / 313.15)) / 2) - 273.15
    assert hand == pytest.approx(34.36, abs=0.01)
    assert mean_kinetic_temperature(p).to("degC").magnitude == pytest.approx(hand, abs=1e-9)
    # unequal durations: the weights are the durations
    p2 = TemperatureProfile.from_steps([("3 hour", "20 degC"), ("1 hour", "40 degC")])
    hand2 = b / -math.log((3 * math.exp(-b / 293.15) + math.exp(-b / 313.15)) / 4) - 273.15
    assert mean_kinetic_temperature(p2).magnitude == pytest.approx(hand2, abs=1e-9)


def test_activation_energy_must_be_positive():
    p = TemperatureProfile.constant("25 degC", "1 day")
    with pytest.raises(InputError) as err:
        effective_temperature(p, "0 kJ/mol")
    assert err.value.code == "activation_energy_not_positive"


# ---------------------------------------------------------------- prediction
@pytest.mark.parametrize("name", sorted(ORDERS))
def test_every_declared_order_depends_on_k_t_only(name):
    order = ORDERS[name]
    p = {"nth": [2.0, 1.7], "weibull": [2.0, np.log(0.6)], "equilibrium": [2.0, 5.0]}.get(
        name, [2.0]
    )
    _check_kinetic_time(order, p, 1.0)  # does not raise


def test_an_order_not_of_k_t_form_is_refused():
    fake = ReactionOrder(
        "fake", "fake", "A = A0 + k t^2", ORDERS["zero"].parameters, lambda u: u, False,
        lambda t, k, p, s: p[0] + k * t**2, None, None, None, None, None,
    )  # fmt: skip
    with pytest.raises(FitError) as err:
        _check_kinetic_time(fake, [1.0], 1.0)
    assert err.value.code == "profile_order_not_kinetic_time"


def test_two_steps_kinetic_time_closed_form(first_fit):
    p = TemperatureProfile.from_steps([("10 day", "25 degC"), ("5 day", "45 degC")])
    k1, k2 = _k(first_fit, 298.15), _k(first_fit, 318.15)
    out = quality_along(first_fit, p)
    np.testing.assert_allclose(out["kinetic_time"], [10 * k1, 10 * k1 + 5 * k2], rtol=1e-12)
    a0 = first_fit.theta[0]
    np.testing.assert_allclose(
        out["value"], [a0 * np.exp(10 * k1), a0 * np.exp(10 * k1 + 5 * k2)], rtol=1e-12
    )


def test_time_to_limit_within_a_step(zero_fit):
    """Zero order: limit reached at t1 + (tau_c - k1 t1)/k2 in the second step."""
    k1, k2 = _k(zero_fit, 298.15), _k(zero_fit, 318.15)
    a0, limit = zero_fit.theta[0], zero_fit.attribute.limit
    tau_c = limit - a0
    t1 = 0.4 * tau_c / k1
    p = TemperatureProfile.constant("25 degC", f"{t1} day") + TemperatureProfile.constant(
        "45 degC", "10000 day"
    )
    expected = t1 + (tau_c - k1 * t1) / k2
    assert time_to_limit_along(zero_fit, p).magnitude == pytest.approx(expected, rel=1e-12)
    short = TemperatureProfile.constant("25 degC", f"{t1} day")
    assert math.isinf(time_to_limit_along(zero_fit, short).magnitude)


def test_constant_profile_gives_the_shelf_life(first_fit):
    sl = first_fit.shelf_life("30 degC")
    long = TemperatureProfile.constant("30 degC", "100 year")
    assert time_to_limit_along(first_fit, long).magnitude == pytest.approx(sl.estimate, rel=1e-12)
    at_start = remaining_shelf_life(first_fit, long, after="0 day", at="30 degC")
    assert at_start.estimate == pytest.approx(sl.estimate, rel=1e-12)
    np.testing.assert_allclose(at_start.ci95, sl.ci95, rtol=1e-5)
    d = 0.25 * sl.estimate
    part = TemperatureProfile.constant("30 degC", f"{d} day")
    rem = remaining_shelf_life(first_fit, part, at="30 degC")
    assert rem.estimate == pytest.approx(sl.estimate - d, rel=1e-12)
    assert rem.used_fraction == pytest.approx(0.25, rel=1e-12)


def test_remaining_shelf_life_closed_form_after_two_steps(first_fit):
    k1, k2, k30 = (_k(first_fit, T) for T in (298.15, 318.15, 303.15))
    a0, limit = first_fit.theta[0], first_fit.attribute.limit
    tau_c = math.log(limit / a0)
    p = TemperatureProfile.from_steps([("20 day", "25 degC"), ("15 day", "45 degC")])
    rem = remaining_shelf_life(first_fit, p, at="30 degC")
    expected = (tau_c - 20 * k1 - 15 * k2) / k30
    assert rem.estimate == pytest.approx(expected, rel=1e-12)
    assert rem.ci95[0] < rem.estimate < rem.ci95[1]
    mid = remaining_shelf_life(first_fit, p, after="25 day", at="30 degC")
    assert mid.estimate == pytest.approx((tau_c - 20 * k1 - 5 * k2) / k30, rel=1e-12)
    assert mid.to_dict()["estimate"]["unit"] == "day" and "days left" in str(mid)


def test_limit_passed_and_after_outside(first_fit):
    p = TemperatureProfile.constant("45 degC", "5 year")
    rem = remaining_shelf_life(first_fit, p)
    assert rem.estimate == 0.0 and rem.used_fraction > 1
    with pytest.raises(InputError) as err:
        remaining_shelf_life(first_fit, p, after="10 year")
    assert err.value.code == "profile_after_outside"
