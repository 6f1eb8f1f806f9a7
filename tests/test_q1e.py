"""ICH Q1E batch analysis (shelflife.q1e) against published numbers, simulation and bad input.

Reference cases (tests/reference_data/ich-q1e-*/expected.json, see the README there):

- LeBlond, Griffith & Aubuchon (2011), "Linear Regression 102: Stability Shelf Life
  Estimation Using Analysis of Covariance", J. Valid. Technol. 17(3):47-68: potency
  (three scenarios: cics, dics, dids), related substance (upper limit) and moisture
  (two-sided limits, no trend). Data and the high-precision values are those recorded in
  the R package expirest (validated by its authors against JMP 12); expirest is GPL, and
  only its numbers are used here.
- JMP 12 Reliability and Survival Methods, "Stability Analysis" example (Stability.jmp):
  F tests A/B/C, the chosen model and the earliest crossing of every model.

Tolerances are those suggested in each expected.json.
"""

import json
import math
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from shelflife.errors import InputError, ShelfLifeWarning
from shelflife.q1e import bound_crossing, fit_q1e, q1e
from shelflife.study import TEMPERATURE, Attribute, Study

REF = Path(__file__).parent / "reference_data"


def _case(name: str) -> tuple[pd.DataFrame, dict]:
    folder = REF / name
    return pd.read_csv(folder / "data.csv"), json.loads((folder / "expected.json").read_text())


def _codes(result) -> set[str]:
    return {n.code for n in result.notices}


# ------------------------------------------------------------------ LeBlond potency
POTENCY_SCENARIOS = ("table_IV_cics", "table_VI_dics", "table_VIII_dids")


def _potency(scenario: str, **kw):
    df, expected = _case("ich-q1e-leblond2011-potency")
    sc = expected["scenarios"][scenario]
    df = df[df.batch.isin(sc["batches"])]
    res = fit_q1e(
        df.month,
        df.potency_pct_lc,
        df.batch,
        lower=expected["specification"]["lower_limit"],
        alpha_pool=expected["specification"]["alpha_pool"],
        time_unit="month",
        unit="%",
        attribute="potency",
        **kw,
    )
    return res, sc


@pytest.mark.parametrize("scenario", POTENCY_SCENARIOS)
def test_leblond_potency_model_and_f_statistics(scenario):
    res, sc = _potency(scenario)
    pub, hp = sc["published_LeBlond2011"], sc["high_precision_expirest"]
    assert res.model == pub["model"]
    assert res.selection == "poolability"
    # F values: absolute 5e-4 vs LeBlond, relative 1e-8 vs expirest.
    for ours, key in (
        (res.tests["batch"].f, "F_batch"),
        (res.tests["batch_time"].f, "F_batch_time"),
        (res.tests["regression"].f, "F_regression"),
    ):
        assert ours == pytest.approx(pub[key], abs=5e-4)
        assert ours == pytest.approx(hp[key], rel=1e-8)
    # both poolability tests use the dids residual mean square: df (k - 1, n - 2k)
    n = res.value.size
    assert (res.tests["batch"].df_num, res.tests["batch"].df_den) == (2, n - 6)
    assert (res.tests["batch_time"].df_num, res.tests["batch_time"].df_den) == (2, n - 6)


def test_leblond_potency_cics_table_iv():
    res, sc = _potency("table_IV_cics")
    pub, hp = sc["published_LeBlond2011"], sc["high_precision_expirest"]
    line = res.selected.lines[0]
    assert line.batch is None and res.worst_batch is None
    assert line.intercept == pytest.approx(pub["intercept"], rel=1e-5)
    assert line.slope == pytest.approx(pub["slope"], rel=1e-5)
    assert line.intercept == pytest.approx(hp["intercept"], rel=1e-9)
    assert line.slope == pytest.approx(hp["slope"], rel=1e-9)
    # printed as 26: 0.5 month; high precision: 1e-4 month
    assert res.shelf_life == pytest.approx(pub["shelf_life_months"], abs=0.5)
    assert res.shelf_life == pytest.approx(hp["shelf_life_months"], abs=1e-4)
    assert res.limiting_side == "lower"


def test_leblond_potency_dics_table_vi():
    res, sc = _potency("table_VI_dics")
    pub, hp = sc["published_LeBlond2011"], sc["high_precision_expirest"]
    for b in sc["batches"]:
        assert res.intercepts[b] == pytest.approx(pub["intercepts"][b], rel=1e-5)
        assert res.intercepts[b] == pytest.approx(hp["intercepts"][b], rel=1e-9)
        assert res.slopes[b] == pytest.approx(pub["common_slope"], rel=1e-5)
        assert res.slopes[b] == pytest.approx(hp["common_slope"], rel=1e-9)
    assert res.shelf_life == pytest.approx(pub["shelf_life_months"], abs=0.05)
    assert res.shelf_life == pytest.approx(hp["shelf_life_months"], abs=1e-4)
    # the batch with the lowest intercept limits
    assert res.worst_batch == "b5"


@pytest.mark.parametrize("variant", ["pooled_mse", "individual"])
def test_leblond_potency_dids_table_viii(variant):
    res, sc = _potency("table_VIII_dids", dids_variant=variant)
    pub, hp = sc["published_LeBlond2011"], sc["high_precision_expirest"]
    assert res.model == "dids" and res.dids_variant == variant
    for b in sc["batches"]:
        a_pub, b_pub = pub["lines"][b]
        assert res.intercepts[b] == pytest.approx(a_pub, rel=1e-5)
        assert res.slopes[b] == pytest.approx(b_pub, rel=1e-5)
        assert res.intercepts[b] == pytest.approx(hp["intercepts"][b], rel=1e-9)
        assert res.slopes[b] == pytest.approx(hp["slopes"][b], rel=1e-9)
    if variant == "pooled_mse":
        assert res.shelf_life == pytest.approx(pub["shelf_life_months_pooled_mse"], abs=0.05)
        assert res.shelf_life == pytest.approx(hp["shelf_life_months_pooled_mse"], abs=1e-4)
    else:
        assert res.shelf_life == pytest.approx(hp["shelf_life_months_individual_fits"], abs=1e-4)
        jmp = sc["JMP_12_individual_fits"]
        assert res.shelf_life == pytest.approx(jmp["shelf_life_months"], abs=1e-4)
        assert res.worst_batch == jmp["worst_batch"]
    assert res.worst_batch == "b8"


# ------------------------------------------------------- LeBlond related substance
def _related(**kw):
    df, expected = _case("ich-q1e-leblond2011-related-substance")
    res = fit_q1e(
        df.month,
        df.related_pct_lc,
        df.batch,
        upper=expected["specification"]["upper_limit"],
        time_unit="month",
        unit="%",
        attribute="related_substance",
        **kw,
    )
    return res, expected


def test_leblond_related_substance_upper_limit():
    res, expected = _related(dids_variant="pooled_mse")
    pub, hp = expected["published_LeBlond2011"], expected["high_precision_expirest"]
    assert res.model == pub["model"]
    assert res.limiting_side == "upper"
    assert res.shelf_life == pytest.approx(pub["shelf_life_months_pooled_mse"], abs=0.01)
    for b, (a_pub, b_pub) in pub["lines"].items():
        assert res.intercepts[b] == pytest.approx(a_pub, rel=1e-5)
        assert res.slopes[b] == pytest.approx(b_pub, rel=1e-5)
        assert res.intercepts[b] == pytest.approx(hp["intercepts"][b], rel=1e-9)
        assert res.slopes[b] == pytest.approx(hp["slopes"][b], rel=1e-9)
    assert res.tests["batch"].f == pytest.approx(hp["F_batch"], rel=1e-8)
    assert res.tests["batch_time"].f == pytest.approx(hp["F_batch_time"], rel=1e-8)
    assert res.tests["regression"].f == pytest.approx(pub["F_regression"], abs=5e-4)
    individual, _ = _related()
    assert individual.shelf_life == pytest.approx(
        hp["shelf_life_months_individual_fits"], abs=1e-4
    )


def test_related_substance_is_the_mirror_of_potency_scenario_viii():
    # expected.json: related = 0.03 * (105 - potency) for batches b4, b5, b8, so an upper
    # limit of 0.3 mirrors the lower limit of 95: every F and crossing must agree.
    for variant in ("pooled_mse", "individual"):
        rel, _ = _related(dids_variant=variant)
        pot, _ = _potency("table_VIII_dids", dids_variant=variant)
        for name in ("batch", "batch_time", "dids_vs_cics", "regression", "slope"):
            assert rel.tests[name].f == pytest.approx(pot.tests[name].f, rel=1e-9)
        for key in rel.models:
            assert rel.models[key].shelf_life == pytest.approx(
                pot.models[key].shelf_life, rel=1e-9
            )


# ------------------------------------------------------------------ LeBlond moisture
def _moisture(**kw):
    df, expected = _case("ich-q1e-leblond2011-moisture")
    spec = expected["specification"]
    res = fit_q1e(
        df.month,
        df.moisture_pct_ww,
        df.batch,
        lower=spec["lower_limit"],
        upper=spec["upper_limit"],
        time_unit="month",
        unit="%",
        attribute="moisture",
        **kw,
    )
    return res, expected


def test_leblond_moisture_two_sided_no_trend():
    res, expected = _moisture()
    pub, hp = expected["published_LeBlond2011"], expected["high_precision_expirest"]
    assert res.model == pub["model"]
    assert res.sided == "two-sided"
    assert res.limiting_side == pub["limiting_side"]
    assert res.shelf_life == pytest.approx(pub["shelf_life_months"], abs=0.005)
    line = res.selected.lines[0]
    assert line.crossing_upper == pytest.approx(hp["crossing_upper_months"], abs=1e-4)
    assert line.crossing_lower == pytest.approx(hp["crossing_lower_months"], abs=1e-4)
    # two-sided band: t quantile 0.975 on the residual df of cics (33 - 2)
    assert line.quantile == pytest.approx(2.039513446, rel=1e-8)
    assert line.intercept == pytest.approx(pub["intercept"], rel=1e-5)
    # LeBlond prints the slope as 0.0022724; the data give 0.00227234 (expirest and JMP
    # agree), so the print is one unit off in its last digit: allow that unit.
    assert line.slope == pytest.approx(pub["slope"], abs=1e-7)
    assert line.intercept == pytest.approx(hp["intercept"], rel=1e-9)
    assert line.slope == pytest.approx(hp["slope"], rel=1e-9)
    assert res.tests["batch"].f == pytest.approx(hp["F_batch"], rel=1e-8)
    assert res.tests["batch_time"].f == pytest.approx(hp["F_batch_time"], rel=1e-8)
    assert res.tests["batch"].f == pytest.approx(pub["F_batch"], abs=5e-4)
    assert res.tests["batch_time"].f == pytest.approx(pub["F_batch_time"], abs=5e-4)
    # LeBlond's printed regression F differs in the 5th digit (caveat in expected.json)
    assert res.tests["regression"].f == pytest.approx(hp["F_regression"], rel=1e-8)
    assert res.tests["regression"].f == pytest.approx(pub["F_regression"], abs=1e-4)
    # no significant trend, and 45 months from 24 months of data is beyond 2x / +12 months
    assert res.tests["slope"].p_value > 0.05
    assert {"q1e_no_trend", "q1e_extrapolation"} <= _codes(res)


# ----------------------------------------------------------------------------- JMP
def test_jmp_stability_four_batches():
    df, expected = _case("ich-q1e-jmp-stability")
    res = fit_q1e(
        df.month,
        df.conc_mg_per_kg,
        df.batch,
        lower=expected["specification"]["lower_limit"],
        time_unit="month",
        unit="mg/kg",
    )
    pub, hp = expected["published_JMP12"], expected["high_precision_expirest"]
    assert res.model == "dics"
    assert res.worst_batch == pub["worst_case_batch_dics"]
    assert res.shelf_life == pytest.approx(pub["expiration_time_months"], abs=1e-4)
    # JMP's three F tests: A = dids vs cics, B = dics vs cics, C = dids vs dics
    F = pub["F_statistics"]
    assert res.tests["dids_vs_cics"].f == pytest.approx(F["A: dids vs cics"], abs=1e-5)
    assert res.tests["batch"].f == pytest.approx(F["B: dics vs cics"], abs=1e-5)
    assert res.tests["batch_time"].f == pytest.approx(F["C: dids vs dics"], abs=1e-5)
    cross = pub["earliest_crossing_by_model"]
    assert res.crossing_by_model["cics"] == pytest.approx(cross["cics"], abs=1e-4)
    assert res.crossing_by_model["dics"] == pytest.approx(cross["dics"], abs=1e-4)
    assert res.crossing_by_model["dids"] == pytest.approx(
        cross["dids (individual fits)"], abs=1e-4
    )
    assert res.models["dids_pooled_mse"].shelf_life == pytest.approx(
        hp["shelf_life_dids_pooled_mse"], abs=1e-4
    )
    cics = res.models["cics"].lines[0]
    assert cics.intercept == pytest.approx(hp["cics_intercept"], rel=1e-9)
    assert cics.slope == pytest.approx(hp["cics_slope"], rel=1e-9)
    dics = res.models["dics"]
    for b, a in hp["dics_intercepts"].items():
        assert dics.line(b).intercept == pytest.approx(a, rel=1e-9)
        assert dics.line(b).slope == pytest.approx(hp["dics_slope"], rel=1e-9)
    # JMP prints the dids estimates to 4 (intercept) and 5 (slope) decimals: compare to
    # half a unit in the last printed digit.
    dids = res.models["dids_individual"]
    for b, (a, s) in pub["dids_parameter_estimates"].items():
        assert dids.line(b).intercept == pytest.approx(a, abs=0.5e-4 * 1.01)
        assert dids.line(b).slope == pytest.approx(s, abs=0.5e-5 * 1.01)
        # individual fits and the pooled-MSE fit share the lines, not the variances
        assert res.models["dids_pooled_mse"].line(b).slope == pytest.approx(
            dids.line(b).slope, rel=1e-12
        )


# ----------------------------------------------------------------------- simulation
@pytest.mark.parametrize("model", ["cics", "dids"])
def test_one_sided_bound_covers_the_true_mean_95_percent(model):
    """The one-sided 95 % lower bound lies below the true mean line ~95 % of the time."""
    rng = np.random.default_rng(20250214)
    months = np.array([0.0, 3, 6, 9, 12, 18, 24])
    truth = {"A": (100.0, -0.20), "B": (101.0, -0.25), "C": (99.5, -0.15)}
    if model == "cics":
        truth = dict.fromkeys(truth, (100.0, -0.2))
    t = np.tile(months, 3)
    batch = np.repeat(list(truth), months.size)
    mean = np.array([truth[b][0] + truth[b][1] * ti for b, ti in zip(batch, t, strict=True)])
    t_check = 18.0
    covered = 0
    n_sim = 400
    for _ in range(n_sim):
        y = mean + rng.normal(0.0, 0.5, t.size)
        res = fit_q1e(t, y, batch, lower=90.0, time_unit="month", model=model)
        b = "B"  # any batch; its own line in dids, the common line in cics
        lo = float(res.predict([t_check], batch=b)["lower"].iloc[0])
        covered += lo <= truth[b][0] + truth[b][1] * t_check
    assert 0.915 <= covered / n_sim <= 0.985


# ------------------------------------------------------------- crossing arithmetic
def test_bound_crossing_matches_a_dense_numerical_search():
    rng = np.random.default_rng(7)
    a = 100 + rng.normal(0, 1, 50)
    b = -np.abs(rng.normal(0.2, 0.1, 50))
    v00 = rng.uniform(0.01, 0.2, 50)
    v11 = rng.uniform(1e-5, 1e-3, 50)
    v01 = -0.5 * np.sqrt(v00 * v11) * rng.uniform(0, 1, 50)
    q = 1.7
    got = bound_crossing(a, b, v00, v01, v11, 95.0, "lower", q)
    grid = np.linspace(0, 400, 400_001)
    for i in range(50):
        lb = a[i] + b[i] * grid - q * np.sqrt(v00[i] + 2 * v01[i] * grid + v11[i] * grid**2)
        below = np.flatnonzero(lb <= 95.0)
        want = grid[below[0]] if below.size else np.inf
        assert got[i] == pytest.approx(want, abs=2e-3)


def test_bound_crossing_edge_cases():
    # already beyond the limit at time zero -> 0
    assert bound_crossing(94.0, -0.1, 0.01, 0.0, 1e-4, 95.0, "lower", 1.7) == 0.0
    # moving away from the limit with a narrow band -> never
    assert bound_crossing(100.0, 0.1, 0.01, 0.0, 1e-6, 95.0, "lower", 1.7) == np.inf
    # flat line, widening band -> finite crossing by the band alone
    t = bound_crossing(100.0, 0.0, 0.0, 0.0, 1.0, 95.0, "lower", 2.0)
    assert float(t) == pytest.approx(2.5)
    # mirror image for an upper limit
    assert float(bound_crossing(0.0, 0.2, 0, 0, 0, 5.0, "upper", 1.7)) == pytest.approx(25.0)
    with pytest.raises(InputError):
        bound_crossing(1, 1, 0, 0, 0, 0, "sideways", 1)


def test_bound_at_the_shelf_life_equals_the_limit():
    for interval in ("confidence", "prediction"):
        res, _ = _potency("table_VI_dics", interval=interval)
        lo = float(res.predict([res.shelf_life])["lower"].iloc[0])
        assert lo == pytest.approx(95.0, abs=1e-8)
    conf, _ = _potency("table_VI_dics")
    pred, _ = _potency("table_VI_dics", interval="prediction")
    assert pred.shelf_life < conf.shelf_life


def test_log_transform_is_a_fit_of_log_values():
    df, _ = _case("ich-q1e-leblond2011-potency")
    df = df[df.batch.isin(["b3", "b4", "b5"])]
    res = fit_q1e(df.month, df.potency_pct_lc, df.batch, lower=95.0, transform="log")
    ref = fit_q1e(df.month, np.log(df.potency_pct_lc), df.batch, lower=math.log(95.0))
    assert res.model == ref.model
    assert res.shelf_life == pytest.approx(ref.shelf_life, rel=1e-12)
    # predictions are back-transformed
    p = res.predict([0.0])
    assert p["estimate"].iloc[0] == pytest.approx(math.exp(res.selected.worst_line.intercept))
    with pytest.raises(InputError) as err:
        fit_q1e([0, 1, 2], [1.0, 0.0, -1.0], None, lower=0.5, transform="log")
    assert err.value.code == "q1e_transform_domain"


def test_declared_model_overrides_the_tests_but_keeps_them():
    res, _ = _potency("table_IV_cics", model="dids")
    assert res.model == "dids" and res.selection == "declared"
    assert res.tests["batch_time"].p_value > 0.25
    assert res.shelf_life == res.crossing_by_model["dids"]


# -------------------------------------------------------------- outputs and display
def test_outputs_are_json_ready_and_displayable():
    res, _ = _moisture()
    d = res.to_dict()
    text = json.dumps(d, allow_nan=False)
    assert d["shelf_life"] == {"value": pytest.approx(45.346, abs=1e-3), "unit": "month"}
    assert d["shelf_life_days"]["unit"] == "day"
    assert d["specification"]["sided"] == "two-sided"
    assert set(d["crossing_by_model"]) == {"cics", "dics", "dids"}
    assert set(d["models"]) == {"cics", "dics", "dids_pooled_mse", "dids_individual"}
    assert d["models"]["dics"]["lines"][0]["slope"]["unit"] == "%/month"
    assert {w["code"] for w in d["warnings"]} == _codes(res)
    assert "months_days" in d and "bulan" in d["months_days_id"]
    assert "ICH Q1E" in text
    table = res.summary()
    assert len(table) == 1 + 3 + 3 + 3
    assert table.loc[table.selected, "model"].tolist() == ["cics"]
    assert list(res.anova().test) == [
        "batch_time",
        "batch",
        "dids_vs_cics",
        "regression",
        "slope",
    ]
    html = res._repr_html_()
    assert "cics" in html and "<table>" in html
    assert "shelf life" in str(res)


def test_infinite_and_zero_shelf_life_serialise_without_nan():
    t = np.tile([0.0, 6, 12, 18], 2)
    batch = np.repeat(["A", "B"], 4)
    rising = 100 + 0.5 * t + np.tile([0.1, -0.1, 0.05, -0.05], 2)
    res = fit_q1e(t, rising, batch, lower=95.0, time_unit="month")
    assert res.shelf_life == np.inf and res.limiting_side is None
    assert "q1e_no_crossing" in _codes(res)
    d = res.to_dict()
    json.dumps(d, allow_nan=False)
    assert d["shelf_life"]["value"] is None and d["crossing"] is False
    low = fit_q1e(t, rising - 6.0, batch, lower=95.0, time_unit="month")
    assert low.shelf_life == 0.0
    assert "limit_exceeded_at_start" in _codes(low)


def test_plot_has_units_and_speaks_indonesian():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    res, _ = _potency("table_VIII_dids")
    ax = res.plot()
    assert ax.get_xlabel() == "Storage time [month]"
    assert ax.get_ylabel() == "potency [%]"
    labels = ax.get_legend_handles_labels()[1]
    assert any("shelf life" in s for s in labels)
    assert any("lower limit" in s for s in labels)
    ax_id = res.plot(lang="id")
    assert ax_id.get_xlabel() == "Waktu simpan [bulan]"
    two, _ = _moisture()
    ax2 = two.plot(model="cics")
    assert any("upper limit" in s for s in ax2.get_legend_handles_labels()[1])
    plt.close("all")


# --------------------------------------------------------------------- study level
def _study(df: pd.DataFrame, attrs, temps=(25.0, 40.0)) -> Study:
    frames = []
    for T in temps:
        f = df.copy()
        f["temperature [degC]"] = T
        frames.append(f)
    return Study.from_dataframe(pd.concat(frames, ignore_index=True), attrs)


def _jmp_frame() -> pd.DataFrame:
    df, _ = _case("ich-q1e-jmp-stability")
    return df.rename(columns={"month": "time [month]", "conc_mg_per_kg": "conc [mg/kg]"})


def test_study_entry_selects_the_real_time_condition():
    study = _study(_jmp_frame(), [Attribute("conc", "mg/kg", 95.0, "min")])
    with warnings.catch_warnings():
        warnings.simplefilter("error", ShelfLifeWarning)
        res = q1e(study, "conc", temperature="25 degC")
    assert res.time_unit == "month" and res.unit == "mg/kg"
    assert res.model == "dics" and res.worst_batch == "2_12"
    assert res.shelf_life == pytest.approx(23.47505, abs=1e-4)
    assert res.shelf_life_days == pytest.approx(23.47505 * 30.4375, abs=5e-3)
    days = q1e(study, "conc", temperature="25 degC", time_unit="day")
    assert days.shelf_life == pytest.approx(res.shelf_life * 30.4375, rel=1e-9)
    assert days.tests["batch"].f == pytest.approx(res.tests["batch"].f, rel=1e-9)


def test_study_entry_on_a_single_temperature_study():
    # The table reader refuses single-temperature data (it is built for Arrhenius); a
    # real-time study built directly goes straight to the Q1E path.
    two = _study(_jmp_frame(), [Attribute("conc", "mg/kg", 95.0, "min")])
    data = two.data[np.isclose(two.data[TEMPERATURE], 298.15)]
    study = Study("jmp", "", data, two.attributes, time_unit="month")
    res = q1e(study, "conc", emit_warnings=False)
    assert res.shelf_life == pytest.approx(23.47505, abs=1e-4)


def test_study_entry_two_sided_override():
    df, _ = _case("ich-q1e-leblond2011-moisture")
    df = df.rename(columns={"month": "time [month]", "moisture_pct_ww": "moisture [%]"})
    study = _study(df, [Attribute("moisture", "%", 3.5, "max")])
    with pytest.warns(ShelfLifeWarning):
        res = q1e(study, "moisture", temperature="25 degC", lower=1.5)
    assert (res.lower, res.upper) == (1.5, 3.5)
    assert res.shelf_life == pytest.approx(45.3460440833, abs=1e-4)
    one_sided = q1e(study, "moisture", temperature="25 degC", emit_warnings=False)
    assert one_sided.sided == "one-sided" and one_sided.upper == 3.5


def test_single_batch_is_one_regression_with_a_notice():
    df, _ = _case("ich-q1e-leblond2011-potency")
    df = df[df.batch == "b2"]
    res = fit_q1e(df.month, df.potency_pct_lc, df.batch, lower=95.0, time_unit="month")
    assert res.model == "cics" and res.selection == "single_batch"
    assert set(res.models) == {"cics"}
    assert set(res.tests) == {"regression", "slope"}
    assert "q1e_single_batch" in _codes(res)
    # same as an ordinary regression of that batch alone
    ind, _ = _potency("table_IV_cics", model="dids")
    assert res.shelf_life == pytest.approx(ind.models["dids_individual"].line("b2").crossing)
    none = fit_q1e(df.month, df.potency_pct_lc, None, lower=95.0)
    assert none.shelf_life == res.shelf_life


# ---------------------------------------------------------------------- bad input
def test_error_no_batch_column():
    df = _jmp_frame().drop(columns="batch")
    study = _study(df, [Attribute("conc", "mg/kg", 95.0, "min")])
    with pytest.raises(InputError) as err:
        q1e(study, "conc", temperature="25 degC")
    assert err.value.code == "q1e_no_batch"
    assert "batch" in err.value.render("id")


def test_error_several_temperatures():
    study = _study(_jmp_frame(), [Attribute("conc", "mg/kg", 95.0, "min")])
    with pytest.raises(InputError) as err:
        q1e(study, "conc")
    assert err.value.code == "q1e_several_temperatures"
    assert "25 °C, 40 °C" in str(err.value) and 'temperature="25 degC"' in str(err.value)
    with pytest.raises(InputError) as err:
        q1e(study, "conc", temperature="30 degC")
    assert err.value.code == "q1e_temperature_absent"


def test_error_too_few_points_per_batch():
    t = [0, 3, 6, 0, 3]
    y = [100, 99, 98, 100, 99]
    with pytest.raises(InputError) as err:
        fit_q1e(t, y, ["A", "A", "A", "B", "B"], lower=95)
    assert err.value.code == "q1e_too_few_points" and err.value.params["batch"] == "B"
    with pytest.raises(InputError) as err:  # three points but one time
        fit_q1e([0, 3, 6, 5, 5, 5], [100, 99, 98, 99, 99.1, 98.9], list("AAABBB"), lower=95)
    assert err.value.params == {"batch": "B", "n": 3, "times": 1}


def test_error_missing_batch_label():
    df = _jmp_frame()
    df.loc[3, "batch"] = ""
    study = _study(df, [Attribute("conc", "mg/kg", 95.0, "min")])
    with pytest.raises(InputError) as err:
        q1e(study, "conc", temperature="25 degC")
    assert err.value.code == "cell_missing" and err.value.column == "batch"


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({}, "q1e_no_limit"),
        ({"lower": 5.0, "upper": 4.0}, "q1e_limits_order"),
        ({"lower": 95.0, "dids_variant": "both"}, "option_unknown"),
        ({"lower": 95.0, "interval": "tolerance"}, "option_unknown"),
        ({"lower": 95.0, "transform": "exp"}, "option_unknown"),
        ({"lower": 95.0, "model": "random"}, "option_unknown"),
        ({"lower": 95.0, "level": 95}, "q1e_bad_setting"),
        ({"lower": 95.0, "alpha_pool": 0.0}, "q1e_bad_setting"),
    ],
)
def test_error_bad_arguments(kwargs, code):
    t = np.tile([0.0, 3, 6], 2)
    with pytest.raises(InputError) as err:
        fit_q1e(t, 100 - 0.2 * t, np.repeat(["A", "B"], 3), **kwargs)
    assert err.value.code == code


def test_error_lengths():
    with pytest.raises(InputError) as err:
        fit_q1e([0, 1, 2], [1, 2, 3], ["A", "A"], lower=0)
    assert err.value.code == "q1e_lengths"
