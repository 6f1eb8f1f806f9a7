"""Published worked example reproduced: AccelStab potency data (zero order + Arrhenius).

Source: R package AccelStab (Francq B.G., Wells B., Williams D., Ball A.; CRAN), dataset
``potency`` (real GSK vaccine data at 5, 25 and 37 °C) and the one-step fit printed in its
vignette "Accelerated Stability Analysis using AccelStab in R": model
``potency = c0 * (1 - t * exp(k1 - k2 / T))`` with T = °C + 273.15 K and t in months,
unweighted nonlinear least squares on the 55 rows with ``used_for_fit = 1``.

Our zero-order model ``A = A0 - k(T) t`` with a reparameterised Arrhenius ``k(T)`` is the
same model family (``k(T) = c0 exp(k1 - k2/T)``), so at the optimum Ea = R·k2, A0 = c0,
and the residual standard error and the standard error of k2 are identical (the covariance
of a reparameterised model transforms exactly under the delta method). The data are read in
months and converted to days (30.4375 days a month), which must not change any of this.
"""

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import shelflife as sl
from shelflife.fitting import fit_arrays
from shelflife.units import GAS_CONSTANT

HERE = Path(__file__).parent / "reference_data" / "accelstab-potency-zero-order-arrhenius"


@pytest.fixture(scope="module")
def potency_fit():
    df = pd.read_csv(HERE / "data.csv")
    df = df[df.used_for_fit == 1]
    return fit_arrays(
        sl.Q_(df.time_months.to_numpy(), "month"),
        sl.Q_(df.celsius.to_numpy(), "degC"),
        df.potency.to_numpy(),
        unit="",
        limit=9.0,
        direction="min",
        order="zero",
    )


def test_point_estimates_match_vignette(potency_fit):
    expected = json.loads((HERE / "expected.json").read_text())
    pub = expected["published_vignette"]
    p = potency_fit.parameters
    k2 = p["activation_energy"].value / GAS_CONSTANT
    # Suggested tolerances of expected.json: k2 abs 5 (printed as 1.296e+04), c0 abs 5e-4.
    assert k2 == pytest.approx(pub["parameters"]["k2"]["estimate"], abs=5)
    assert p["initial_value"].value == pytest.approx(pub["parameters"]["c0"]["estimate"], abs=5e-4)
    # Tighter check against the independent high-precision refit recorded in expected.json
    # (scipy, k2 = 12957.58): agreement to 1e-5 relative shows the same optimum.
    assert k2 == pytest.approx(12957.58, rel=1e-5)
    assert potency_fit.statistics["dof"] == pub["residual_df"]
    assert potency_fit.statistics["sigma"] == pytest.approx(
        pub["residual_standard_error"], abs=1e-4
    )


def test_standard_errors_match_vignette(potency_fit):
    pub = json.loads((HERE / "expected.json").read_text())["published_vignette"]
    p = potency_fit.parameters
    # expected.json: standard errors agree to relative 2e-3 (printed to 4 digits).
    assert p["activation_energy"].stderr / GAS_CONSTANT == pytest.approx(
        pub["parameters"]["k2"]["std_error"], rel=2e-3
    )
    assert p["initial_value"].stderr == pytest.approx(
        pub["parameters"]["c0"]["std_error"], rel=2e-3
    )
    lo, hi = pub["confint_95"]["k2"]
    k2 = p["activation_energy"].value / GAS_CONSTANT
    se = p["activation_energy"].stderr / GAS_CONSTANT
    # The vignette's interval is Wald with the normal quantile (half-width / SE = 1.95996):
    # rebuilt from our estimate and SE it agrees to the printed precision.
    z = stats.norm.ppf(0.975)
    assert [k2 - z * se, k2 + z * se] == pytest.approx([lo, hi], rel=1e-4)
    # shelflife uses Student's t on the residual degrees of freedom (52), slightly wider.
    q = stats.t.ppf(0.975, 52)
    ci = np.array(p["activation_energy"].ci95) / GAS_CONSTANT
    assert ci == pytest.approx([k2 - q * se, k2 + q * se], rel=1e-9)


def test_predictions_and_time_to_limit(potency_fit):
    exp = json.loads((HERE / "expected.json").read_text())
    pred = exp["published_vignette"]["predicted_response_5C"]
    for key, value in pred.items():
        months = float(key.split("=")[1])
        got = potency_fit.predict(sl.Q_(months, "month"), "5 degC")["estimate"].iloc[0]
        assert got == pytest.approx(value, abs=1e-5)  # printed to 1e-6
    s = potency_fit.shelf_life("5 degC")
    # Point-estimate time to 9.0 at 5 °C: 68.58 months (expected.json, ±0.05).
    assert s.estimate / 30.4375 == pytest.approx(68.58, abs=0.05)
    assert s.ci95[0] < s.estimate < s.ci95[1]
    assert s.conservative < s.estimate
