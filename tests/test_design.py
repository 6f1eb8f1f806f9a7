"""Design assistant: designs, proposals, guardrail notices and simulated precision."""

import json

import numpy as np
import pytest

from shelflife.design import (
    Design,
    DesignEvaluation,
    Truth,
    compare_designs,
    evaluate_design,
    labuza_ratio,
    plot_designs,
    propose_design,
    pull_fractions,
    time_to_limit,
)
from shelflife.errors import InputError, UnitError
from shelflife.messages import MESSAGES
from shelflife.units import GAS_CONSTANT

#: Peroxide value of a fried snack: 1 -> 10 meq/kg in 6 months at 30 °C, first order.
TRUTH = {
    "order": "first",
    "initial": 1.0,
    "limit": 10.0,
    "direction": "max",
    "activation_energy": "80 kJ/mol",
    "shelf_life": "6 month",
    "cv": 0.10,
    "unit": "meq/kg",
}
THREE = ["30 degC", "40 degC", "50 degC"]


def codes(notices):
    return [n.code for n in notices]


# ------------------------------------------------------------------ designs and spacing
def test_design_from_spec_uniform_3x7x3():
    d = Design.from_spec(temperatures=THREE, duration="8 week", pulls=7, replicates=3)
    assert d.n_temperatures == 3 and d.n_measurements == 63
    assert d.temperatures == pytest.approx((303.15, 313.15, 323.15))
    for p in d.pulls:
        assert p[0] == 0.0 and p[-1] == 56.0 and len(p) == 7
    t, T, rh = d.arrays()
    assert t.shape == T.shape == (63,) and rh is None
    sched = d.schedule()
    assert len(sched) == 21 and set(sched["replicates"]) == {3}
    assert d.label == "30/40/50 °C, 56 days, 7 pulls × 3 replicates"


def test_labuza_spacing_closed_form():
    q10 = 2.5
    d = Design.from_spec(
        temperatures=["25 degC", "35 degC", "45 degC"],
        duration="12 week",
        pulls=6,
        spacing="labuza",
        q10=q10,
        round_days=False,
    )
    T_hot = d.temperatures[-1]
    f1 = np.diff(d.pulls[-1])
    assert np.allclose(f1, f1[0])  # equal intervals within a chamber
    for T, p in zip(d.temperatures, d.pulls, strict=True):
        f2 = np.diff(p)
        # Labuza & Schmidl: f2 = f1 * Q10^(dT/10)
        assert f2 == pytest.approx(f1 * q10 ** ((T_hot - T) / 10.0), rel=1e-12)
    assert d.pulls[0][-1] == pytest.approx(84.0)  # the coldest chamber runs the whole study
    assert labuza_ratio("30 degC", "50 degC", q10=2.0) == pytest.approx(4.0)
    assert "design_why_labuza" in [r.code for r in d.reasons]


def test_labuza_spacing_with_activation_energy_is_the_arrhenius_ratio():
    d = Design.from_spec(
        temperatures=THREE,
        duration="10 week",
        pulls=5,
        spacing="labuza",
        activation_energy="80 kJ/mol",
        round_days=False,
    )
    T = np.array(d.temperatures)
    ratio = np.diff(d.pulls[0])[0] / np.diff(d.pulls[-1])[0]
    expected = np.exp((80 / GAS_CONSTANT) * (1 / T[0] - 1 / T[-1]))
    assert ratio == pytest.approx(expected, rel=1e-12)
    assert labuza_ratio("30 degC", "50 degC", activation_energy="80 kJ/mol") == pytest.approx(
        expected
    )
    with pytest.raises(InputError) as err:
        Design.from_spec(temperatures=THREE, duration="8 week", spacing="labuza")
    assert err.value.code == "design_ea_missing"


def test_pull_spacings():
    assert pull_fractions(4).tolist() == pytest.approx([0, 1 / 3, 2 / 3, 1])
    gaps = np.diff(pull_fractions(7, "dense_late"))
    assert np.all(np.diff(gaps) < 0)  # intervals shrink towards the end
    d = Design.from_spec(temperatures=THREE, duration="6 week", pulls=7, spacing="dense_late")
    assert np.all(np.diff(np.diff(d.pulls[0])) <= 0)
    explicit = Design.from_spec(temperatures=THREE, pulls=["0 day", "1 week", "3 week"])
    assert explicit.pulls[1] == (0.0, 7.0, 21.0)
    with pytest.raises(InputError):
        Design.from_spec(temperatures=THREE, duration="8 week", spacing="random")


# ----------------------------------------------------------------------------- proposal
def test_proposed_temperatures_equally_spaced_in_inverse_temperature():
    for n in (3, 4, 5):
        d = propose_design(
            expected_shelf_life="6 month",
            activation_energy="80 kJ/mol",
            n_temperatures=n,
            round_temperatures=False,
        )
        x = 1.0 / np.array(d.temperatures)
        assert np.allclose(np.diff(x), np.diff(x)[0], rtol=1e-12, atol=0)
        assert d.temperatures[0] == pytest.approx(303.15 + 5.0)  # just above storage
    rounded = propose_design(expected_shelf_life="6 month", activation_energy="80 kJ/mol")
    x = 1.0 / np.array(rounded.temperatures)
    assert np.allclose(np.diff(x), np.diff(x)[0], rtol=0.1)  # whole °C: middle moves <= 0.5 K
    assert all(float(c).is_integer() for c in np.round(rounded.temperatures_celsius, 9))


@pytest.mark.parametrize("max_c", [40.0, 45.0, 47.5, 60.0])
def test_max_temperature_respected(max_c):
    d = propose_design(
        expected_shelf_life="4 month",
        reaction="lipid_oxidation",
        storage="28 degC",
        max_temperature=f"{max_c} degC",
    )
    assert max(d.temperatures_celsius) <= max_c - 2.0 + 1e-9
    assert "design_above_max_temperature" not in codes(d.notices)
    assert "design_why_hottest_max" in [r.code for r in d.reasons]


def test_no_room_below_max_temperature():
    with pytest.raises(InputError) as err:
        propose_design(expected_shelf_life="6 month", storage="30 degC", max_temperature="31 degC")
    assert err.value.code == "design_no_room"


def test_proposal_reaches_the_limit_and_explains_itself():
    d = propose_design(
        expected_shelf_life="6 month", activation_energy=("60 kJ/mol", "100 kJ/mol")
    )
    t_hot = time_to_limit(
        d.temperatures[-1], storage_K=303.15, shelf_life_day=182.625, activation_energy=60.0
    )[0]
    # Labuza: enough conversion -- the hottest chamber runs to where the limit is expected
    assert d.pulls[-1][-1] >= 0.5 * t_hot
    assert d.pulls[-1][-1] == pytest.approx(t_hot, abs=0.5)
    # colder chambers are pulled less often (interval ratio grows as T falls)
    gaps = [np.mean(np.diff(p)) for p in d.pulls]
    assert gaps[0] > gaps[1] > gaps[2]
    assert d.notices == ()
    en, idn = d.rationale("en"), d.rationale("id")
    assert len(en) == len(idn) == len(d.reasons) >= 6
    assert all(a != b for a, b in zip(en, idn, strict=True))
    assert any("Labuza" in s for s in en) and any("1/T" in s for s in idn)
    for r in d.reasons:
        assert set(MESSAGES[r.code]) == {"en", "id"}
        assert "?" not in r.message("en")  # every template field was filled
    doc = d.to_dict()
    json.dumps(doc)
    assert doc["rationale_id"] == idn and doc["activation_energy"]["value"] == [60.0, 100.0]


def test_proposal_from_reaction_class_and_default():
    d = propose_design(expected_shelf_life="6 month", reaction="lipid_oxidation")
    assert d.activation_energy == (40.0, 104.0)
    assert "design_why_window" in [r.code for r in d.reasons]
    hot = np.array(d.pulls[-1])
    start = time_to_limit(
        hot[-1] * 0 + d.temperatures[-1],
        storage_K=303.15,
        shelf_life_day=182.625,
        activation_energy=104.0,
    )[0]
    assert np.sum((hot > 0) & (hot <= start + 0.5)) >= 3  # pulls before the earliest limit
    assumed = propose_design(expected_shelf_life="1 year")
    assert "design_why_ea_assumed" in [r.code for r in assumed.reasons]


def test_proposal_with_user_duration():
    d = propose_design(
        expected_shelf_life="6 month", activation_energy="80 kJ/mol", duration="8 week"
    )
    assert d.duration <= 56.0
    assert "design_why_duration_given" in [r.code for r in d.reasons]


# ------------------------------------------------------------------------------ notices
def test_notices_fire():
    two = Design.from_spec(temperatures=["30 degC", "40 degC"], duration="8 week")
    assert "design_few_temperatures" in codes(two.notices)

    hot = Design.from_spec(temperatures=THREE, duration="8 week", max_temperature="45 degC")
    n = [x for x in hot.notices if x.code == "design_above_max_temperature"]
    assert n and "50" in n[0].message("en") and "45" in n[0].message("id")

    narrow = Design.from_spec(temperatures=["40 degC", "43 degC", "46 degC"], duration="4 week")
    assert "design_span_narrow" in codes(narrow.notices)

    far = Design.from_spec(
        temperatures=["25 degC", "35 degC", "45 degC"], duration="4 week", storage="5 degC"
    )
    n = [x for x in far.notices if x.code == "design_far_extrapolation"]
    assert n and "20" in n[0].message("en") and "di bawah" in n[0].message("id")

    weekly = Design.from_spec(
        temperatures=THREE,
        duration="8 week",
        pulls=9,
        storage="30 degC",
        activation_energy="100 kJ/mol",
        expected_shelf_life="2 month",
    )
    assert "design_few_pulls_before_limit" in codes(weekly.notices)

    short = Design.from_spec(
        temperatures=["40 degC", "45 degC"],
        duration="2 week",
        storage="30 degC",
        activation_energy="80 kJ/mol",
        expected_shelf_life="6 month",
    )
    assert "design_limit_not_approached" in codes(short.notices)
    for notice in short.notices:
        assert notice.message("en") != notice.message("id")
        assert notice.to_dict()["category"] in ("design", "extrapolation")

    sound = Design.from_spec(temperatures=THREE, duration="8 week", storage="30 degC", rh="75 %")
    assert sound.notices == ()
    assert sound.rh == (75.0, 75.0, 75.0) and "rh_percent" in sound.schedule()
    moved = sound.with_context(storage="10 degC")
    assert codes(moved.notices) == ["design_far_extrapolation"]
    assert moved.pulls == sound.pulls and "suhu [°C]" in moved.summary("id").columns


# ----------------------------------------------------------------------- bad input
def test_invalid_designs_and_truths():
    with pytest.raises(InputError) as err:
        Design(temperatures=(303.15, 303.15), pulls=(0.0, 7.0))
    assert err.value.code == "design_temperatures_invalid"
    with pytest.raises(InputError) as err:
        Design(temperatures=(303.15, 313.15), pulls=((0.0, 7.0), (0.0, 14.0, 7.0)))
    assert err.value.code == "design_pulls_invalid" and "40" in err.value.render("en")
    with pytest.raises(InputError) as err:
        Design(temperatures=(303.15,), pulls=(0.0, 7.0), replicates=0)
    assert err.value.code == "design_replicates_invalid"
    with pytest.raises(UnitError):
        Design.from_spec(temperatures=[30, 40, 50], duration="8 week")
    with pytest.raises(InputError) as err:
        Truth.from_dict({k: v for k, v in TRUTH.items() if k != "limit"})
    assert err.value.code == "design_truth_missing"
    with pytest.raises(InputError) as err:
        Truth.from_dict({**TRUTH, "direction": "min"})
    assert err.value.code == "design_truth_invalid"
    with pytest.raises(InputError) as err:
        Truth.from_dict({**TRUTH, "colour": "red"})
    assert err.value.code == "option_unknown"
    with pytest.raises(InputError) as err:
        Truth.from_dict({**TRUTH, "order": "weibull"})
    assert err.value.code == "design_order_unsupported"


def test_truth_from_rate_constant_matches_shelf_life():
    k = np.log(10.0) / 182.625
    a = Truth.from_dict(TRUTH)
    b = Truth.from_dict(
        {**{k_: v for k_, v in TRUTH.items() if k_ != "shelf_life"}, "k": f"{k} 1/day"}
    )
    assert a.shelf_life == pytest.approx(b.shelf_life) and a.rate_constant == pytest.approx(k)


# ---------------------------------------------------------------------- simulation
@pytest.fixture(scope="module")
def sound():
    d = propose_design(
        expected_shelf_life="6 month", activation_energy=("60 kJ/mol", "100 kJ/mol")
    )
    return evaluate_design(d, truth=TRUTH, storage="30 degC", n_sim=300, seed=3)


def test_evaluation_coverage_near_nominal(sound):
    m = sound.metrics()
    assert 0.91 <= m["coverage"] <= 0.99
    assert m["failed"] == 0.0 and m["approached"] == 1.0
    assert m["median_estimate"] == pytest.approx(182.625, rel=0.03)
    assert m["estimate_p05"] < 182.625 < m["estimate_p95"]
    assert m["median_ci_low"] < 182.625 < m["median_ci_high"]
    assert 0.0 < m["median_relative_width"] < 0.5
    assert m["ea_p05"] < 80.0 < m["ea_p95"] and 0.9 <= m["ea_coverage"] <= 1.0
    assert sound.error_model == "proportional"
    assert sound.notices == ()


def test_evaluation_reproducible_with_seed(sound):
    again = evaluate_design(sound.design, truth=TRUTH, n_sim=300, seed=3)
    np.testing.assert_array_equal(again.estimates, sound.estimates)
    np.testing.assert_array_equal(again.ci_high, sound.ci_high)
    other = evaluate_design(sound.design, truth=TRUTH, n_sim=300, seed=4)
    assert not np.array_equal(other.estimates, sound.estimates)


def test_wider_longer_design_gives_narrower_interval():
    narrow_short = Design.from_spec(temperatures=["40 degC", "45 degC"], duration="2 week")
    wide_long = Design.from_spec(temperatures=["35 degC", "45 degC", "55 degC"], duration="6 week")
    a = evaluate_design(narrow_short, truth=TRUTH, n_sim=200, seed=0).metrics()
    b = evaluate_design(wide_long, truth=TRUTH, n_sim=200, seed=0).metrics()
    assert b["median_relative_width"] < 0.25 * a["median_relative_width"]
    assert b["mean_relative_width"] < a["mean_relative_width"]
    assert b["ea_mean_ci_width"] < a["ea_mean_ci_width"]
    assert b["within_20_percent"] > a["within_20_percent"]
    assert a["approached"] < 0.5 <= b["approached"]


def test_zero_order_constant_noise_falling_attribute():
    truth = {
        "order": "zero",
        "initial": 90.0,
        "limit": 70.0,
        "direction": "min",
        "activation_energy": "60 kJ/mol",
        "shelf_life": "4 month",
        "sd": 1.5,
    }
    d = Design.from_spec(temperatures=["35 degC", "45 degC", "55 degC"], duration="5 week")
    ev = evaluate_design(d, truth=truth, n_sim=300, seed=1)
    assert ev.error_model == "constant"
    assert 0.91 <= ev.coverage <= 0.99
    assert ev.metrics()["median_estimate"] == pytest.approx(ev.true_shelf_life, rel=0.05)


def test_failed_batch_fits_fall_back_to_fit_floats(monkeypatch):
    import shelflife.uncertainty.solver as solver

    d = Design.from_spec(temperatures=THREE, duration="8 week")
    plain = evaluate_design(d, truth=TRUTH, n_sim=60, seed=2)
    original = solver.fit_many

    def flaky(*args, **kwargs):
        res = original(*args, **kwargs)
        conv = res.converged.copy()
        conv[:4] = False
        thetas = res.thetas.copy()
        thetas[:4] = np.nan
        return solver.FitManyResult(thetas, res.sse, conv, res.iterations, res.fallbacks)

    monkeypatch.setattr(solver, "fit_many", flaky)
    patched = evaluate_design(d, truth=TRUTH, n_sim=60, seed=2)
    assert patched.n_fallback == 4 and patched.failed_share == 0.0
    np.testing.assert_allclose(patched.estimates, plain.estimates, rtol=1e-4)


def test_compare_table_plot_and_serialisation(sound):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    designs = {
        "2 temps, 2 weeks": Design.from_spec(
            temperatures=["40 degC", "45 degC"], duration="2 week"
        ),
        "30/40/50, 8 weeks": Design.from_spec(temperatures=THREE, duration="8 week"),
    }
    df = compare_designs(designs, TRUTH, n_sim=100, seed=0)
    assert list(df.columns) == list(designs)
    assert "95 % CI width, median [% of truth]" in df.index
    evs = df.attrs["evaluations"]
    assert all(isinstance(e, DesignEvaluation) for e in evs.values())
    ax = plot_designs(df)
    assert ax.get_ylabel() == "95 % CI width [% of true shelf life]"
    ax2 = plot_designs(evs, kind="estimates", lang="id")
    assert ax2.get_ylabel() == "Estimasi umur simpan pada 30 °C [hari]"
    plt.close("all")

    doc = sound.to_dict()
    text = json.dumps(doc)
    assert "answer_id" in doc and "coverage" in doc["metrics"]
    assert doc["metrics"]["median_estimate"]["unit"] == "day" and "NaN" not in text
    assert "selang 95 %" in sound.answer("id")
    assert "<table" in sound._repr_html_() and "<table" in sound.design._repr_html_()
    assert sound.summary("id").shape == (21, 1)
    assert "35/42/50" in str(sound)
