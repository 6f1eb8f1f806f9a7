"""Shelf-life prediction: closed forms, the conservative bound, edge cases."""

import numpy as np
import pytest

import shelflife as sl
from shelflife.fitting import KineticModel, fit_floats
from shelflife.models import ARRHENIUS, FIRST, ZERO
from shelflife.models.temperature import References
from shelflife.prediction import mean_response, shelf_life_floats
from shelflife.study import Attribute


def test_conservative_value_is_where_the_bound_meets_the_limit():
    """ICH Q1E definition: at the conservative time the one-sided 95 % upper bound of the
    mean equals the limit (to the bisection precision)."""
    from shelflife._stats import t_quantile

    rng = np.random.default_rng(4)
    t = np.tile(np.repeat(np.arange(0, 43.0, 7), 3), 3)
    T = np.repeat([298.15, 308.15, 318.15], 21)
    k = 0.014 * np.exp(-(75 / 8.314462618e-3) * (1 / T - 1 / 303.15))
    y = np.exp(k * t) + rng.normal(0, 0.15, t.size)
    fit = fit_floats(t, T, y, order="first", attribute=Attribute("pv", "meq/kg", 10.0, "max"))
    T_eval = np.array([293.15, 303.15, 313.15])
    sl = fit.shelf_life_floats(T_eval)
    mu, se = mean_response(fit.model, fit.theta, fit.cov, sl["conservative"], T_eval)
    q = t_quantile(0.95, fit.statistics["dof"])
    np.testing.assert_allclose(mu + q * se, 10.0, rtol=1e-9)
    assert np.all(sl["conservative"] < sl["estimate"])


def test_zero_covariance_gives_point_estimate():
    # With no uncertainty, interval and conservative value collapse onto the closed form.
    model = KineticModel(ZERO, ARRHENIUS, 1.0, References(303.15))
    theta = np.array([1.0, np.log(0.5), 80.0])
    out = shelf_life_floats(model, theta, np.zeros((3, 3)), 10, np.array([303.15]), 10.0, "max")
    assert out["estimate"][0] == pytest.approx(18.0, rel=1e-14)
    assert out["low"][0] == pytest.approx(18.0, rel=1e-14)
    assert out["conservative"][0] == pytest.approx(18.0, rel=1e-12)


def test_curve_moving_away_that_overflows_does_not_crash():
    """First order rising while the limit is a minimum: exp overflows at long times; the
    search must shrink to where the bound is computable instead of failing."""
    model = KineticModel(FIRST, ARRHENIUS, 1.0, References(303.15))
    theta = np.array([50.0, np.log(0.2), 80.0])
    cov = np.diag([1.0, 0.01, 25.0])
    out = shelf_life_floats(
        model, theta, cov, 20, np.array([303.15, 323.15]), 20.0, "min", horizon=1e6
    )
    assert np.all(np.isinf(out["estimate"]))
    assert np.all(~np.isnan(out["conservative"]))


@pytest.mark.parametrize("initial", ["common", "per_temperature"])
@pytest.mark.parametrize("order", ["zero", "first", "nth", "weibull"])
def test_response_at_fixed_conditions_equals_predict_and_jacobian(order, initial):
    # KineticModel.at_conditions precomputes the rate constants for the conservative
    # shelf-life search; it must give exactly the numbers of predict() and jacobian()
    study = sl.load_example("keripik-tempe")
    t, T, y, _ = study.arrays("peroxide_value")
    fit = fit_floats(t, T, y, order=order, initial=initial)
    T_q = np.array([278.15, 298.15, 303.15, 318.15])  # one tested (298.15 K), three not
    t_q = np.array([0.0, 10.0, 55.5, 400.0])
    mu, J = fit.model.at_conditions(fit.theta, T_q)(t_q)
    np.testing.assert_array_equal(mu, fit.model.predict(fit.theta, t_q, T_q))
    np.testing.assert_array_equal(J, fit.model.jacobian(fit.theta, t_q, T_q))
