"""Formulation comparison (shelflife.comparison): F tests, shelf-life ratio, errors, CLI."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from shelflife.comparison import SCHEMA, Comparison, FTest, compare, compare_floats
from shelflife.errors import InputError
from shelflife.fitting import fit_floats
from shelflife.study import Attribute, Study

ROOT = Path(__file__).resolve().parents[1]
PAIR = ROOT / "sample_data" / "kerupuk-cassava-vs-wheat"
R = 8.314462618e-3  # kJ/(mol K)
PV = Attribute("peroxide_value", "meq/kg", 10.0, "max")
DAYS = np.arange(0.0, 43.0, 7.0)
TEMPS_C = (25.0, 35.0, 45.0)


def rate(k30, ea, T_K):
    return k30 * np.exp(-(ea / R) * (1.0 / T_K - 1.0 / 303.15))


def true_shelf_life(k30, ea, T_C, y0=1.0, limit=10.0):
    return np.log(limit / y0) / rate(k30, ea, T_C + 273.15)


def simulate(rng, k30=0.014, ea=75.0, y0=1.0, sd=0.15, reps=2):
    """First-order rising peroxide value at 25/35/45 °C, weekly for 6 weeks (floats)."""
    t = np.tile(np.repeat(DAYS, reps), len(TEMPS_C))
    T = np.repeat(np.array(TEMPS_C) + 273.15, DAYS.size * reps)
    y = y0 * np.exp(rate(k30, ea, T) * t) + rng.normal(0.0, sd, t.size)
    return t, T, y


def make_study(data, *, name="study", attributes=(PV,), column="peroxide_value [meq/kg]"):
    t, T, y = data
    df = pd.DataFrame({"time [day]": t, "temperature [K]": T, column: y})
    return Study.from_dataframe(df, list(attributes), name=name, product=name)


# ------------------------------------------------------------------------ statistics
def test_identical_truth_gives_no_evidence():
    rng = np.random.default_rng(20260601)
    a = make_study(simulate(rng, reps=3), name="a")
    b = make_study(simulate(rng, reps=3), name="b")
    res = compare(a, b, order="first")
    c = res["peroxide_value"]
    assert c.test("all_parameters").p_value > 0.05
    assert c.test("rate_parameters").p_value > 0.05
    assert not c.significant
    assert c.verdict("en").startswith("no evidence that the formulations differ (p = ")
    assert c.verdict("id").startswith("tidak ada bukti bahwa kedua formulasi berbeda (p = ")
    for s in c.shelf_lives:  # same truth: the ratio intervals cover 1
        assert s.ratio_ci[0] < 1.0 < s.ratio_ci[1]


def test_size_of_the_f_tests_under_the_null():
    """200 pairs from one truth: the 5 % tests reject between 2 % and 9 % of them."""
    rng = np.random.default_rng(4242)
    rejected = {"all_parameters": 0, "rate_parameters": 0}
    covered = 0
    n = 200
    for _ in range(n):
        c = compare_floats(
            simulate(rng), simulate(rng), attribute=PV, order="first", temperatures_K=(303.15,)
        )
        for t in c.tests:
            rejected[t.name] += t.p_value < 0.05
        lo, hi = c.shelf_lives[0].ratio_ci
        covered += lo <= 1.0 <= hi
    for name, count in rejected.items():
        assert 0.02 <= count / n <= 0.09, (name, count / n)
    assert 0.90 <= covered / n <= 0.99  # 95 % interval of the ratio, true ratio 1


def test_clearly_different_formulations():
    rng = np.random.default_rng(77)
    a = make_study(simulate(rng, k30=0.012, ea=80.0, reps=3), name="cassava")
    b = make_study(simulate(rng, k30=0.016, ea=70.0, reps=3), name="wheat")
    res = compare(a, b, temperatures=["25 degC", "30 degC"])
    c = res["peroxide_value"]
    assert c.order == "first" and c.selection == "aic"
    assert set(c.aic) == {"zero", "first"} and c.aic["first"] < c.aic["zero"]
    assert c.test("all_parameters").p_value < 0.001
    assert c.test("rate_parameters").p_value < 0.001
    for s, T_C in zip(c.shelf_lives, (25.0, 30.0), strict=True):
        truth = true_shelf_life(0.016, 70.0, T_C) / true_shelf_life(0.012, 80.0, T_C)
        lo, hi = s.ratio_ci
        assert hi < 1.0  # B clearly shorter
        assert lo <= truth <= hi
        d_truth = true_shelf_life(0.016, 70.0, T_C) - true_shelf_life(0.012, 80.0, T_C)
        assert s.difference_ci[0] <= d_truth <= s.difference_ci[1] < 0
    en = c.verdict("en")
    assert en.startswith("formulation B degrades faster (p < 0.001): shelf life at 25 °C is ")
    assert "% shorter (95 % CI " in en and "at 30 °C" in en
    assert "formulasi B rusak lebih cepat (p < 0,001)" in c.verdict("id")
    assert "lebih pendek (SK 95 %" in c.verdict("id")
    # parameters: Ea as a difference, k_ref as a ratio, both covering the truth
    params = {p.name: p for p in c.parameters}
    ea = params["activation_energy"]
    assert ea.kind == "difference" and ea.ci[0] <= -10.0 <= ea.ci[1]
    k = params["rate_constant_ref"]
    T_ref = c.fit_a.model.reference_temperature
    k_truth = rate(0.016, 70.0, T_ref) / rate(0.012, 80.0, T_ref)
    assert k.kind == "ratio" and k.ci[0] <= k_truth <= k.ci[1]


def test_f_statistic_equals_hand_computation_from_the_sses():
    from scipy import stats
    from scipy.optimize import least_squares

    rng = np.random.default_rng(5)
    da = simulate(rng, k30=0.014, ea=75.0, y0=1.0)
    db = simulate(rng, k30=0.017, ea=75.0, y0=1.3)
    c = compare_floats(da, db, attribute=PV, order="first")
    T_ref = c.fit_a.model.reference_temperature
    assert c.fit_b.model.reference_temperature == T_ref == c.common.model.reference_temperature

    # full model = two independent fits with the same T_ref and sign
    sse_a = fit_floats(*da, order="first", sign=1.0, reference_temperature_K=T_ref).statistics
    sse_b = fit_floats(*db, order="first", sign=1.0, reference_temperature_K=T_ref).statistics
    sse_f = sse_a["sse"] + sse_b["sse"]
    # common curve = one fit of the stacked data
    stacked = [np.concatenate([x, y]) for x, y in zip(da, db, strict=True)]
    sse_c = fit_floats(*stacked, order="first", sign=1.0, reference_temperature_K=T_ref)
    sse_c = sse_c.statistics["sse"]

    # common rate written out independently: A0 per formulation, shared ln k_ref and Ea
    t, T, y = stacked
    g = np.r_[np.zeros(da[0].size), np.ones(db[0].size)]

    def resid(x):
        k = np.exp(x[2] - (x[3] / R) * (1.0 / T - 1.0 / T_ref))
        return np.where(g == 0, x[0], x[1]) * np.exp(k * t) - y

    x0 = np.r_[1.0, 1.0, np.log(0.02), 70.0]
    sol = least_squares(resid, x0, method="lm", xtol=1e-13, ftol=1e-13, gtol=1e-13)
    sse_r = float(sol.fun @ sol.fun)

    n = y.size
    t_all, t_rate = c.test("all_parameters"), c.test("rate_parameters")
    assert t_all.sse_full == pytest.approx(sse_f, rel=1e-8)
    assert t_all.sse_reduced == pytest.approx(sse_c, rel=1e-8)
    assert t_rate.sse_reduced == pytest.approx(sse_r, rel=1e-7)
    assert sse_f <= t_rate.sse_reduced <= t_all.sse_reduced  # nested models
    f_all = ((sse_c - sse_f) / 3) / (sse_f / (n - 6))
    f_rate = ((sse_r - sse_f) / 2) / (sse_f / (n - 6))
    assert (t_all.df1, t_all.df2, t_rate.df1, t_rate.df2) == (3, n - 6, 2, n - 6)
    assert t_all.f == pytest.approx(f_all, rel=1e-7)
    assert t_rate.f == pytest.approx(f_rate, rel=1e-6)
    assert t_all.p_value == pytest.approx(stats.f.sf(f_all, 3, n - 6), rel=1e-6)
    assert t_rate.p_value == pytest.approx(stats.f.sf(f_rate, 2, n - 6), rel=1e-5)
    lr = n * np.log(sse_c / sse_f)
    assert t_all.lr == pytest.approx(lr, rel=1e-7)
    assert t_all.lr_p_value == pytest.approx(stats.chi2.sf(lr, 3), rel=1e-6)
    # initial values differ (1.0 vs 1.3), rates hardly: the rate test sees far less
    assert t_all.p_value < 1e-6 and t_rate.f < t_all.f
    assert c.common_rate.names == (
        "initial_value_a",
        "initial_value_b",
        "rate_constant_ref",
        "activation_energy",
    )


def test_ftest_edge_cases():
    t = FTest.from_sse("all_parameters", 2.0, 3, 1.0, 6, 6)  # no residual dof
    assert np.isnan(t.f) and np.isnan(t.p_value)
    t = FTest.from_sse("all_parameters", 1.0, 3, 1.0 + 1e-15, 6, 60)  # rounding: F clipped at 0
    assert t.f == 0.0 and t.p_value == pytest.approx(1.0)
    assert t.to_dict()["likelihood_ratio"]["df"] == 3


def test_shelf_lives_match_the_prediction_module():
    rng = np.random.default_rng(11)
    c = compare_floats(
        simulate(rng, reps=3),
        simulate(rng, k30=0.02, reps=3),
        attribute=PV,
        order="first",
        temperatures_K=(298.15, 303.15),
    )
    for fit, key in ((c.fit_a, "a"), (c.fit_b, "b")):
        ref = fit.shelf_life_floats(np.array([298.15, 303.15]))
        for i, s in enumerate(c.shelf_lives):
            est = getattr(s, key)
            assert est.value == pytest.approx(ref["estimate"][i], rel=1e-12)
            assert est.ci[0] == pytest.approx(ref["low"][i], rel=1e-9)
            assert est.ci[1] == pytest.approx(ref["high"][i], rel=1e-9)
    s = c.shelf_lives[1]
    # ratio interval from var(ln t_A) + var(ln t_B); difference from the delta method
    from shelflife._stats import t_quantile
    from shelflife.comparison._common import _welch_dof

    se = np.hypot(s.se_log_a, s.se_log_b)
    dof = _welch_dof(
        s.se_log_a**2, s.se_log_b**2, c.fit_a.statistics["dof"], c.fit_b.statistics["dof"]
    )
    q = t_quantile(0.975, dof)
    assert s.ratio == pytest.approx(s.b.value / s.a.value)
    assert s.ratio_ci[0] == pytest.approx(s.ratio * np.exp(-q * se), rel=1e-9)
    assert s.ratio_ci[1] == pytest.approx(s.ratio * np.exp(q * se), rel=1e-9)
    half = s.difference_ci[1] - s.difference
    se_d = np.hypot(s.a.value * s.se_log_a, s.b.value * s.se_log_b)
    assert half == pytest.approx(s.difference - s.difference_ci[0])
    assert 1.9 * se_d < half < 2.1 * se_d


def test_level_changes_the_intervals_and_the_verdict_label():
    rng = np.random.default_rng(3)
    a = make_study(simulate(rng, k30=0.012, ea=80.0), name="a")
    b = make_study(simulate(rng, k30=0.016, ea=70.0), name="b")
    c95 = compare(a, b, order="first", temperatures="30 degC")["peroxide_value"]
    c90 = compare(a, b, order="first", temperatures="30 degC", level=0.9)["peroxide_value"]
    w = lambda ci: ci[1] - ci[0]  # noqa: E731
    assert w(c90.shelf_lives[0].ratio_ci) < w(c95.shelf_lives[0].ratio_ci)
    assert c90.alpha == pytest.approx(0.1)
    assert c90.significant and "% shorter (90 % CI 0.2–26 %)" in c90.verdict("en")


def test_infinite_shelf_life_is_reported_as_null():
    rng = np.random.default_rng(8)
    rising = Attribute("peroxide_value", "meq/kg", 0.5, "min")  # rising data never fall to 0.5
    c = compare_floats(simulate(rng), simulate(rng, k30=0.03), attribute=rising, order="first")
    s = c.shelf_lives[0]
    assert np.isinf(s.a.value) and np.isnan(s.ratio)
    d = s.to_dict()
    assert d["a"]["estimate"]["value"] is None and d["ratio"]["value"] is None
    json.dumps(d, allow_nan=False)
    assert "shelf life at 30 °C: A limit never reached, B limit never reached" in c.verdict("en")
    assert "batas tidak pernah tercapai" in c.verdict("id")


# ------------------------------------------------------------------------ bad input
def _pair(attr_b, column_b="peroxide_value [meq/kg]"):
    rng = np.random.default_rng(1)
    a = make_study(simulate(rng), name="a")
    b = make_study(simulate(rng), name="b", attributes=(attr_b,), column=column_b)
    return a, b


@pytest.mark.parametrize(
    ("attribute", "code"),
    [
        (
            Attribute("peroxide_value", "meq/kg", 10.0, "max", temperature_model="arrhenius_rh"),
            "compare_model_unsupported",
        ),
        (
            Attribute("peroxide_value", "meq/kg", 10.0, "max", initial="per_temperature"),
            "compare_initial_unsupported",
        ),
    ],
)
def test_unsupported_models_are_refused(attribute, code):
    rng = np.random.default_rng(4)
    a = make_study(simulate(rng), name="a", attributes=(attribute,))
    b = make_study(simulate(rng), name="b", attributes=(attribute,))
    with pytest.raises(InputError) as exc:
        compare(a, b)
    assert exc.value.code == code
    assert "peroxide_value" in exc.value.render("id")


@pytest.mark.parametrize(
    ("attr_b", "column_b", "fragment"),
    [
        (
            Attribute("peroxide_value", "mmol/kg", 10.0, "max"),
            "peroxide_value [mmol/kg]",
            "unit: 'meq/kg' ≠ 'mmol/kg'",
        ),
        (Attribute("peroxide_value", "meq/kg", 8.0, "max"), None, "limit: 10 ≠ 8"),
        (Attribute("peroxide_value", "meq/kg", 10.0, "min"), None, "direction: max ≠ min"),
        (
            Attribute("peroxide_value", "meq/kg", 10.0, "max", temperature_model="eyring"),
            None,
            "temperature_model: arrhenius ≠ eyring",
        ),
    ],
)
def test_attributes_defined_differently_are_refused(attr_b, column_b, fragment):
    a, b = _pair(attr_b, column_b or "peroxide_value [meq/kg]")
    with pytest.raises(InputError) as exc:
        compare(a, b)
    assert exc.value.code == "compare_attribute_mismatch"
    assert fragment in str(exc.value)
    assert "peroxide_value" in exc.value.render("id")


def test_declared_orders_must_agree_unless_given():
    rng = np.random.default_rng(1)
    first = Attribute("peroxide_value", "meq/kg", 10.0, "max", model="first")
    zero = Attribute("peroxide_value", "meq/kg", 10.0, "max", model="zero")
    a = make_study(simulate(rng), name="a", attributes=(first,))
    b = make_study(simulate(rng), name="b", attributes=(zero,))
    with pytest.raises(InputError) as exc:
        compare(a, b)
    assert exc.value.code == "compare_attribute_mismatch"
    assert "model: first ≠ zero" in str(exc.value)
    assert compare(a, b, order="first")["peroxide_value"].selection == "given"
    auto = make_study(simulate(rng), name="auto")  # model = "auto" defers to the other
    c = compare(auto, b)["peroxide_value"]
    assert (c.selection, c.order) == ("declared", "zero")


def test_no_common_attribute_and_missing_attribute():
    rng = np.random.default_rng(2)
    a = make_study(simulate(rng), name="a")
    moisture = Attribute("moisture", "%", 4.0, "max")
    b = make_study(simulate(rng), name="b", attributes=(moisture,), column="moisture [%]")
    with pytest.raises(InputError) as exc:
        compare(a, b)
    assert exc.value.code == "compare_no_common_attribute"
    assert "a: peroxide_value; b: moisture" in str(exc.value)
    with pytest.raises(InputError) as exc:
        compare(a, b, attributes="peroxide_value")
    assert exc.value.code == "compare_attribute_missing"
    assert "'b'" in str(exc.value)


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [({"level": 1.5}, "option_unknown"), ({"order": "tenth"}, "option_unknown")],
)
def test_bad_options(kwargs, code):
    rng = np.random.default_rng(2)
    a, b = make_study(simulate(rng)), make_study(simulate(rng))
    with pytest.raises(InputError) as exc:
        compare(a, b, **kwargs)
    assert exc.value.code == code


# ------------------------------------------------------------------ sample, outputs
@pytest.fixture(scope="module")
def sample() -> Comparison:
    from shelflife.io import read_study

    return compare(read_study(PAIR / "formulation-a"), read_study(PAIR / "formulation-b"))


def test_sample_pair(sample):
    pv, moisture = sample["peroxide_value"], sample["moisture"]
    assert pv.significant and pv.test("rate_parameters").p_value < 0.001
    for s, T_C in zip(pv.shelf_lives, (25.0, 30.0), strict=True):  # truth in README.md
        truth = true_shelf_life(0.016, 70.0, T_C) / true_shelf_life(0.012, 80.0, T_C)
        assert s.ratio_ci[0] <= truth <= s.ratio_ci[1] < 1
    assert not moisture.significant
    assert moisture.verdict("en") == "no evidence that the formulations differ (p = 0.15)"
    assert "degrades faster" in sample.verdicts()


def test_json_schema(sample):
    d = json.loads(sample.to_json())
    assert d["schema"] == SCHEMA == "shelflife.compare/1"
    assert d["studies"]["a"]["name"] == "kerupuk-cassava"
    assert d["studies"]["b"]["name"] == "kerupuk-wheat"
    assert d["temperatures"] == [{"value": 25.0, "unit": "degC"}, {"value": 30.0, "unit": "degC"}]
    attr = d["attributes"][0]
    assert set(attr) >= {
        "name",
        "unit",
        "limit",
        "model",
        "tests",
        "parameters",
        "shelf_life",
        "verdict",
        "verdict_id",
        "models",
        "warnings",
    }
    assert [t["name"] for t in attr["tests"]] == ["all_parameters", "rate_parameters"]
    assert set(attr["tests"][0]) >= {"f", "df1", "df2", "p_value", "sse_reduced", "sse_full"}
    ea = next(p for p in attr["parameters"] if p["name"] == "activation_energy")
    assert ea["a"]["unit"] == "kJ/mol" and ea["difference"]["unit"] == "kJ/mol"
    s = attr["shelf_life"][1]
    assert s["a"]["estimate"]["unit"] == "day" and s["difference"]["unit"] == "day"
    assert s["ratio"]["ci"][0] < s["ratio"]["value"] < s["ratio"]["ci"][1]
    assert s["percent_change"]["unit"] == "%"
    assert sample.to_json() == sample.to_json()


def test_tables_html_and_plots(sample):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    table = sample.summary()
    assert list(table["attribute"]) == ["peroxide_value"] * 2 + ["moisture"] * 2
    assert {"p (all)", "B/A", "B − A [day]"} <= set(table.columns)
    assert len(sample.parameters_table()) == 6
    html = sample._repr_html_()
    assert "degrades faster" in html and "<table" in html
    ax = sample.plot()
    assert "[meq/kg]" in ax.get_ylabel() and "[day]" in ax.get_xlabel()
    ax = sample.plot(attribute="moisture", kind="shelf_life", lang="id")
    assert ax.get_yscale() == "log" and "[hari]" in ax.get_ylabel()
    with pytest.raises(InputError):
        sample.plot(kind="arrhenius")
    plt.close("all")


# ------------------------------------------------------------------------------ CLI
def test_cli_json_and_out(tmp_path, capsys):
    from shelflife.cli import main

    a, b = str(PAIR / "formulation-a"), str(PAIR / "formulation-b")
    assert main(["compare", a, b, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "shelflife.compare/1"
    assert [x["name"] for x in data["attributes"]] == ["peroxide_value", "moisture"]
    out = tmp_path / "out"
    argv = ["compare", a, b, "--attribute", "peroxide_value", "--at", "30 degC", "--out", str(out)]
    assert main(argv) == 0
    text = capsys.readouterr().out
    assert "Verdict: formulation B degrades faster" in text and "compare.json" in text
    written = json.loads((out / "compare.json").read_text(encoding="utf-8"))
    assert [x["name"] for x in written["attributes"]] == ["peroxide_value"]
    assert written["temperatures"] == [{"value": 30.0, "unit": "degC"}]
    assert main(["compare", a, b, "--lang", "id", "--order", "zero"]) == 0
    assert "Kesimpulan" in capsys.readouterr().out


def test_cli_bad_pair_exits_2_without_traceback(tmp_path):
    b = tmp_path / "formulation-b"
    shutil.copytree(PAIR / "formulation-b", b)
    toml = b / "study.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace("limit = 10.0", "limit = 5.0"), encoding="utf-8"
    )
    proc = subprocess.run(
        [sys.executable, "-m", "shelflife", "compare", str(PAIR / "formulation-a"), str(b)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "'peroxide_value' is not defined alike" in proc.stderr
    assert "limit: 10 ≠ 5" in proc.stderr and "How to fix" in proc.stderr
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "shelflife",
            "compare",
            str(PAIR / "formulation-a"),
            str(ROOT / "sample_data" / "fruit-drink-vitamin-c"),
            "--lang",
            "id",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "tidak memiliki atribut yang sama" in proc.stderr


def test_separate_fits_are_refitted_from_the_joint_optimum(monkeypatch):
    """The nesting guard (separate <= common rate) runs and keeps the better optimum."""
    import shelflife.comparison.compute as cmp

    rng = np.random.default_rng(9)
    da, db = simulate(rng), simulate(rng, k30=0.02)
    before = compare_floats(da, db, attribute=PV, order="first")
    monkeypatch.setattr(cmp, "NESTING_RTOL", -0.5)  # force the refit branch
    after = compare_floats(da, db, attribute=PV, order="first")
    for t0, t1 in zip(before.tests, after.tests, strict=True):
        assert t1.sse_full <= t0.sse_full * (1 + 1e-9)
        assert t1.f == pytest.approx(t0.f, rel=1e-6)
