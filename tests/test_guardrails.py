"""Each guardrail fires on the situation it describes, and stays quiet on a good study."""

import numpy as np
import pandas as pd
import pytest

import shelflife as sl
from shelflife.study import Attribute, Study

R = 8.314462618e-3


def make_study(
    temps_c=(25.0, 35.0, 45.0),
    *,
    ea=75.0,
    k30=0.014,
    y0=1.0,
    sd=0.1,
    sign=1.0,
    limit=10.0,
    direction="max",
    days=tuple(range(0, 43, 7)),
    order="first",
    storage=("30 degC",),
    seed=1,
):
    rng = np.random.default_rng(seed)
    rows = []
    for T_c in temps_c:
        k = k30 * np.exp(-(ea / R) * (1 / (T_c + 273.15) - 1 / 303.15))
        for d in days:
            for rep in (1, 2, 3):
                mu = y0 * np.exp(sign * k * d) if order == "first" else y0 + sign * k * d
                rows.append(
                    {
                        "time [day]": d,
                        "temperature [°C]": T_c,
                        "replicate": rep,
                        "x [meq/kg]": mu + rng.normal(0, sd),
                    }
                )
    return Study.from_dataframe(
        pd.DataFrame(rows),
        [Attribute("x", "meq/kg", limit, direction, model=order)],
        name="g",
        storage=list(storage),
    )


def codes(study, **kw):
    return {n.code for n in sl.analyze(study, emit_warnings=False, **kw).notices}


def test_good_study_has_no_warnings():
    assert codes(make_study()) == set()


def test_too_few_temperatures():
    assert "too_few_temperatures" in codes(make_study(temps_c=(30.0, 45.0)))


def test_activation_energy_not_significant():
    # no temperature effect at all (Ea = 0): the interval of Ea must reach zero
    c = codes(make_study(ea=0.0, k30=0.01, sd=0.15))
    assert "ea_not_significant" in c


def test_extrapolation_says_how_far():
    result = sl.analyze(make_study(storage=("5 degC",)), emit_warnings=False)
    (n,) = [n for n in result.notices if n.code == "extrapolation"]
    assert "20 °C below" in n.message("en")
    assert "di bawah" in n.message("id")


def test_limit_exceeded_at_time_zero():
    assert "limit_exceeded_at_start" in codes(make_study(y0=12.0, k30=0.005))


def test_limit_never_reached():
    study = make_study(y0=5.0, sign=-1.0, k30=0.01, sd=0.05)
    result = sl.analyze(study, emit_warnings=False)
    assert "no_finite_shelf_life" in {n.code for n in result.notices}
    assert np.isinf(result["x"].shelf_lives[0].estimate)
    assert result.to_dict()["attributes"][0]["shelf_life"][0]["estimate"]["value"] is None


def test_poor_fit():
    assert "poor_fit" in codes(make_study(sd=2.0, seed=3, order="zero", y0=5.0, k30=0.05))


def test_limit_not_approached():
    assert "limit_not_approached" in codes(make_study(k30=0.002))


def test_warnings_are_emitted_in_notebooks():
    with pytest.warns(sl.ShelfLifeWarning, match="too_few_temperatures"):
        sl.analyze(make_study(temps_c=(30.0, 45.0)))


def test_warnings_reach_the_json_and_report():
    result = sl.analyze(make_study(temps_c=(30.0, 45.0)), emit_warnings=False)
    data = result.to_dict()
    assert any(w["code"] == "too_few_temperatures" for w in data["warnings"])
    assert any(w["code"] == "too_few_temperatures" for w in data["attributes"][0]["warnings"])
    assert "three or more temperatures" in result.report("en")


def test_bare_number_storage_temperature_is_refused():
    with pytest.raises(sl.UnitError):
        sl.analyze(make_study(), storage=[30])
