"""Certified and published reference problems for the model library.

- NIST StRD nonlinear regression ``Misra1a`` and ``BoxBOD`` (certified values,
  https://www.itl.nist.gov/div898/strd/nls/nls_main.shtml): ``y = b1 (1 - exp(-b2 x))`` is
  the first-order approach to equilibrium with the initial value fixed at 0, at one
  temperature (``b1`` = final value, ``b2`` = rate constant).
- AccelStab ``antigenicity`` (R package AccelStab, vignette results): nth-order kinetics of
  the Sestak-Berggren form with Arrhenius over 4 temperatures.
- AccelStab ``potency`` fitted with a free order: the expected.json caveat says the
  unconstrained order runs negative; ours is bounded at 0 and must reproduce zero order.

Tolerances: the issue asks at least 4 significant digits on NIST; we require 6 (log
relative error >= 6, as NIST's own guidance for a converged double-precision solver) and
1e-4 relative on standard errors (expected.json's suggestion).
"""

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from shelflife.fitting import fit_floats
from shelflife.units import GAS_CONSTANT

REF = Path(__file__).parent / "reference_data"


def _nist(case):
    data = pd.read_csv(REF / case / "data.csv")
    expected = json.loads((REF / case / "expected.json").read_text())
    return data, expected


def _digits(value, certified):
    return -np.log10(abs(value / certified - 1.0)) if value != certified else 16.0


@pytest.mark.parametrize("case", ["nist-misra1a", "nist-boxbod"])
@pytest.mark.parametrize("start", ["start1", "start2", None])
def test_nist_first_order_plateau(case, start):
    data, exp = _nist(case)
    init = None
    if start is not None:
        s = exp["starting_values"][start]
        init = {"final_value": s["b1"], "rate_constant": s["b2"]}
    fit = fit_floats(
        data.x.to_numpy(float),
        np.full(len(data), 298.15),
        data.y.to_numpy(float),
        order="equilibrium",
        temperature_model="isothermal",
        fixed={"initial_value": 0.0},
        start=init,
    )
    cert = exp["certified"]
    p = fit.parameters
    assert _digits(p["final_value"].value, cert["parameters"]["b1"]["estimate"]) >= 6
    assert _digits(p["rate_constant"].value, cert["parameters"]["b2"]["estimate"]) >= 6
    assert p["final_value"].stderr == pytest.approx(
        cert["parameters"]["b1"]["std_error"], rel=1e-4
    )
    # SE of b2 = k * SE(ln k): exact under the linearised covariance at the optimum
    assert p["rate_constant"].stderr == pytest.approx(
        cert["parameters"]["b2"]["std_error"], rel=1e-4
    )
    assert fit.statistics["sse"] == pytest.approx(cert["residual_sum_of_squares"], rel=1e-8)
    assert fit.statistics["sigma"] == pytest.approx(cert["residual_standard_deviation"], rel=1e-8)
    assert fit.to_dict()["parameters"]["initial_value"]["fixed"] is True


def _antigenicity():
    d = pd.read_csv(REF / "accelstab-antigenicity-nth-order-arrhenius" / "data.csv")
    d = d[d.used_for_fit == 1]
    exp = json.loads(
        (REF / "accelstab-antigenicity-nth-order-arrhenius" / "expected.json").read_text()
    )
    fit = fit_floats(
        d.n_days.to_numpy(float),
        d.celsius.to_numpy(float) + 273.15,
        d.conc.to_numpy(float),
        order="nth",
    )
    return fit, exp


def test_accelstab_antigenicity_nth_order():
    fit, exp = _antigenicity()
    pub = exp["published_vignette"]["parameters"]
    p = fit.parameters
    # Ea = R k2, n = k3, A0 = c0 (same model family; the relative rate constant differs from
    # AccelStab's exp(k1 - k2/T) only by time units). Tolerances from expected.json.
    assert p["activation_energy"].value / GAS_CONSTANT == pytest.approx(
        pub["k2"]["estimate"], abs=0.1
    )
    assert p["order"].value == pytest.approx(pub["k3"]["estimate"], abs=1e-3)
    assert p["initial_value"].value == pytest.approx(pub["c0"]["estimate"], abs=1e-3)
    assert p["activation_energy"].stderr / GAS_CONSTANT == pytest.approx(
        pub["k2"]["std_error"], rel=1e-3
    )
    assert p["order"].stderr == pytest.approx(pub["k3"]["std_error"], rel=1e-3)
    assert p["initial_value"].stderr == pytest.approx(pub["c0"]["std_error"], rel=1e-3)
    assert fit.statistics["sigma"] == pytest.approx(
        exp["published_vignette"]["residual_standard_error"], abs=5e-4
    )
    assert fit.statistics["dof"] == exp["published_vignette"]["residual_df"]


def test_accelstab_antigenicity_prediction():
    fit, exp = _antigenicity()
    # derived_from_point_estimates: predicted concentration at 406 days, 5 °C = 78.09
    got = fit.model.predict(fit.theta, np.array([406.0]), np.array([278.15]))[0]
    assert got == pytest.approx(
        exp["derived_from_point_estimates"]["predicted_conc_at_406_days_5C"], abs=0.01
    )


def test_free_order_on_potency_stops_at_zero_order():
    d = pd.read_csv(REF / "accelstab-potency-zero-order-arrhenius" / "data.csv")
    d = d[d.used_for_fit == 1]
    t = d.time_months.to_numpy(float) * 30.4375
    T = d.celsius.to_numpy(float) + 273.15
    y = d.potency.to_numpy(float)
    nth = fit_floats(t, T, y, order="nth")
    zero = fit_floats(t, T, y, order="zero")
    assert nth.parameters["order"].value == pytest.approx(0.0, abs=1e-6)
    assert nth.statistics["sse"] == pytest.approx(zero.statistics["sse"], rel=1e-6)
