"""The fit's unbounded Levenberg–Marquardt call equals ``least_squares(method="lm")``.

``shelflife.fitting._levenberg_marquardt`` calls MINPACK ``lmder`` through
``scipy.optimize.leastsq`` because that wrapper is about 0.3 ms cheaper per call than
``least_squares`` (issue 2's speed target, docs/benchmarks.md). Both run the same Fortran
routine with the same scaling (``diag=None``, i.e. ``x_scale="jac"``), step bound and
tolerances, so the iterates must agree to the last bit; the tests allow 1e-12 relative
only for a different summation order in the cost. The status codes follow
``least_squares``'s convention, which the fit's restart logic relies on.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import least_squares

import shelflife as sl
from shelflife.fitting import TOLERANCE, KineticModel, _levenberg_marquardt, fit_floats
from shelflife.models import ARRHENIUS, FIRST, NTH, ZERO

# NIST StRD Rat43 (Ratkowsky 1983): a hard four-parameter sigmoid, certified b1..b4
RAT43_X = np.arange(1.0, 16.0)
RAT43_Y = np.array(
    [16.08, 33.83, 65.80, 97.20, 191.55, 326.20, 386.87, 520.53, 590.03, 651.92, 724.93,
     699.56, 689.96, 637.56, 717.41]
)  # fmt: skip
RAT43_B1 = 699.6415127  # NIST certified value


def _rat43():
    x = RAT43_X

    def residuals(b):
        return b[0] / (1 + np.exp(b[1] - b[2] * x)) ** (1 / b[3]) - RAT43_Y

    def jac(b):
        e = np.exp(b[1] - b[2] * x)
        base = 1 + e
        f = b[0] * base ** (-1 / b[3])
        return np.stack(
            [
                base ** (-1 / b[3]),
                -f / b[3] * e / base,
                f / b[3] * e * x / base,
                f * np.log(base) / b[3] ** 2,
            ],
            axis=-1,
        )

    return residuals, jac


def _kinetic(order, sign=1.0):
    study = sl.load_example("keripik-tempe")
    t, T, y, _ = study.arrays("peroxide_value")
    ref = fit_floats(t, T, y, order="first").model.references
    model = KineticModel(order, ARRHENIUS, sign, ref)
    predict, jac = model.compiled(t, T)
    return (lambda th: predict(th) - y), jac


def _reference(residuals, jac, start, max_nfev):
    return least_squares(
        residuals,
        start,
        jac=jac,
        method="lm",
        x_scale="jac",
        max_nfev=max_nfev,
        ftol=TOLERANCE,
        xtol=TOLERANCE,
        gtol=TOLERANCE,
    )


CASES = {
    "rat43-start1": (_rat43, (100.0, 10.0, 1.0, 1.0)),
    "rat43-start2": (_rat43, (700.0, 5.0, 0.75, 1.3)),
    "first-order-arrhenius": (lambda: _kinetic(FIRST), (0.9, np.log(0.02), 80.0)),
    "zero-order-arrhenius": (lambda: _kinetic(ZERO), (0.9, np.log(0.05), 60.0)),
    "nth-order-arrhenius": (lambda: _kinetic(NTH), (0.9, np.log(0.02), 1.2, 80.0)),
}


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("max_nfev", [400, 3])
def test_same_solution_status_and_evaluations_as_least_squares(name, max_nfev):
    make, start = CASES[name]
    residuals, jac = make()
    start = np.array(start, dtype=float)
    assert jac(start).shape[1] == start.size
    with np.errstate(all="ignore"):
        ref = _reference(residuals, jac, start, max_nfev)
        ours = _levenberg_marquardt(residuals, jac, start, max_nfev)
    assert ours is not None
    np.testing.assert_allclose(ours.x, ref.x, rtol=1e-12, atol=0)
    np.testing.assert_allclose(ours.fun, ref.fun, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(ours.jac, ref.jac, rtol=1e-12, atol=1e-12)
    assert ours.cost == pytest.approx(ref.cost, rel=1e-12)
    assert ours.status == ref.status
    assert ours.nfev == ref.nfev
    if max_nfev == 3:
        # the budget was spent before convergence: status 0, which the fit treats as a
        # failed run and answers with restarts
        assert ours.status == 0


def test_rat43_reaches_the_certified_value():
    # NIST certifies 11 digits; a converged double-precision solve gives at least 7
    residuals, jac = _rat43()
    sol = _levenberg_marquardt(residuals, jac, np.array([100.0, 10.0, 1.0, 1.0]), 400)
    assert sol.status > 0
    assert sol.x[0] == pytest.approx(RAT43_B1, rel=1e-7)


def test_non_finite_start_is_refused():
    def residuals(b):
        return np.array([np.nan, 1.0, 2.0])

    def jac(b):
        return np.ones((3, 1))

    assert _levenberg_marquardt(residuals, jac, np.array([1.0]), 100) is None
