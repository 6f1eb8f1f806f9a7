"""One verdict for a study that mixes chemical and microbial attributes."""

import json

import numpy as np
import pytest

import shelflife as sl
from shelflife.cli import main
from shelflife.microbial import baranyi

# truth of the simulated sambal: Ratkowsky sqrt(mu) = b (T - Tmin), h0 = mu * lag
B, TMIN, H0, Y0, YMAX = 0.035, 275.0, 2.0, 2.5, 8.5  # [1/(day^0.5 K)], [K], [-], log10 CFU/g


def _mu(T_K):
    return (B * (T_K - TMIN)) ** 2  # per ln unit [1/day]


def _panel(tmp_path, n=60, eta=20.0, beta=3.0):
    """Consumers with Weibull rejection times (scale eta [day], shape beta) at 30 °C."""
    rng = np.random.default_rng(5)
    times = (0, 5, 10, 15, 20, 25, 30)
    rows = ["consumer,time [day],temperature [°C],answer"]
    t_rej = eta * rng.weibull(beta, n)
    for c in range(n):
        for day in times:
            rows.append(
                f"K{c + 1},{day},30,{'tolak' if day >= t_rej[c] and day > 0 else 'terima'}"
            )
    (tmp_path / "panel.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


SENSORY = """
[[sensory]]
name = "consumers"
data = "panel.csv"
distribution = "weibull"
rejection = "50 %"
label = "Consumer acceptance"
"""


def _folder(tmp_path, limit=5.0, sensory=False):
    rng = np.random.default_rng(11)
    rows = ["time [day],temperature [°C],replicate,ffa [%],tpc [log10 CFU/g]"]
    for T_C in (25.0, 30.0, 35.0):
        T = T_C + 273.15
        for day in (0, 2, 4, 6, 8, 10, 14, 18):
            for rep in (1, 2):
                k = 0.01 * np.exp(-(80 / 8.314e-3) * (1 / T - 1 / 303.15))
                ffa = 0.2 + k * day + rng.normal(0, 0.01)
                mu = _mu(T)
                tpc = baranyi(np.array([day]), Y0, mu, H0 / mu, YMAX)[0] + rng.normal(0, 0.1)
                rows.append(f"{day},{T_C},{rep},{ffa:.4f},{tpc:.3f}")
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "data.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "study.toml").write_text(
        f"""schema_version = 1
[study]
name = "sambal-mixed"
product = "Sambal bawang"
data = "data.csv"

[[attributes]]
name = "ffa"
unit = "%"
limit = 0.5
direction = "max"
model = "zero"

[[attributes]]
name = "tpc"
kind = "microbial"
unit = "log10 CFU/g"
limit = {limit}
direction = "max"
secondary = "ratkowsky"

[conditions]
storage = ["30 degC", "25 degC"]
"""
        + (SENSORY if sensory else ""),
        encoding="utf-8",
    )
    if sensory:
        _panel(tmp_path)
    return tmp_path


def test_microbial_attribute_joins_the_verdict(tmp_path):
    an = sl.analyze(sl.read_study(_folder(tmp_path)), emit_warnings=False)
    assert [a.attribute.name for a in an.attributes] == ["ffa"]
    (tpc,) = an.others
    assert tpc.kind == "microbial"
    # recovery: the fitted growth rate at 30 °C is close to the truth
    mu30 = float(np.asarray(tpc.model.mu_max("30 degC").magnitude))
    assert mu30 == pytest.approx(_mu(303.15), rel=0.15)
    # shelf life at 30 °C against the truth (time for the true curve to reach 5 log10)
    t = np.linspace(0, 40, 400001)
    truth = t[np.argmax(baranyi(t, Y0, _mu(303.15), H0 / _mu(303.15), YMAX) >= 5.0)]
    s30 = an.shelf_life_of("tpc", 303.15)
    assert s30.ci95[0] <= truth * 1.05 and truth * 0.95 <= s30.ci95[1]
    # the limiting attribute is the one with the shortest shelf life
    ffa30 = an.shelf_life_of("ffa", 303.15)
    expected = "tpc" if s30.estimate < ffa30.estimate else "ffa"
    assert an.limiting_at(303.15) == expected
    d = an.to_dict()
    assert d["other_attributes"][0]["kind"] == "microbial"
    json.dumps(d, allow_nan=False)
    rows = an.summary()
    assert set(rows["attribute"]) == {"ffa", "tpc"}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_report_and_cli(tmp_path, capsys, lang):
    folder = _folder(tmp_path / "s")
    out = tmp_path / "out"
    assert main(["analyze", str(folder), "--out", str(out), "--lang", lang]) == 0
    text = capsys.readouterr().out
    assert "tpc" in text and ("pertumbuhan mikroba" in text) == (lang == "id")
    html = (out / "report.html").read_text(encoding="utf-8")
    assert 'id="microbial-tpc"' in html


def test_growth_model_for_a_chemical_attribute_is_refused(tmp_path):
    folder = _folder(tmp_path)
    toml = (folder / "study.toml").read_text(encoding="utf-8")
    (folder / "study.toml").write_text(toml.replace('model = "zero"', 'model = "baranyi"'))
    with pytest.raises(sl.errors.StudyFileError) as err:
        sl.read_study(folder)
    assert err.value.code == "attribute_model_kind" and err.value.key == "attributes[0].model"


def test_consumer_panel_joins_the_verdict(tmp_path):
    an = sl.analyze(sl.read_study(_folder(tmp_path, sensory=True)), emit_warnings=False)
    kinds = {o.name: o.kind for o in an.others}
    assert kinds == {"tpc": "microbial", "consumers": "sensory"}
    panel = next(o for o in an.others if o.kind == "sensory")
    # stored at 30 °C only: a shelf life at 30 °C, none at 25 °C, and a notice that says so
    assert [round(s.temperature, 2) for s in panel.shelf_lives] == [303.15]
    assert "sensory_other_temperatures" in {n.code for n in panel.notices}
    # truth: median of Weibull(eta=20, beta=3) = 20 * ln(2)^(1/3) = 17.7 days
    s30 = an.shelf_life_of("consumers", 303.15)
    assert s30.ci95[0] <= 20 * np.log(2) ** (1 / 3) <= s30.ci95[1]
    d = an.to_dict()
    assert [o["kind"] for o in d["other_attributes"]] == ["microbial", "sensory"]
    json.dumps(d, allow_nan=False)
    html = an.report("id")
    assert 'id="sensory-consumers"' in html
    assert any(src.endswith("panel.csv") for src in d["study"]["inputs"])


def test_microbial_attribute_along_a_history(tmp_path):
    """Constant history: the microbial time to the limit equals the isothermal shelf life."""
    an = sl.analyze(sl.read_study(_folder(tmp_path, sensory=True)), emit_warnings=False)
    const = sl.TemperatureProfile.constant("30 degC", "60 day")
    hp = sl.predict_history(an, const, at="30 degC")
    tpc = hp["tpc"]
    assert tpc.time_to_limit == pytest.approx(an.shelf_life_of("tpc", 303.15).estimate, rel=1e-6)
    short = sl.TemperatureProfile.constant("30 degC", "3 day")
    left = sl.predict_history(an, short, at="30 degC")["tpc"].remaining.estimate
    assert left == pytest.approx(an.shelf_life_of("tpc", 303.15).estimate - 3, rel=1e-6)
    assert "history_sensory_skipped" in {n.code for n in hp.notices}
    json.dumps(hp.to_dict(), allow_nan=False)
    assert hp.plot() is not None


def test_storage_outside_the_tested_temperatures_is_flagged(tmp_path):
    an = sl.analyze(sl.read_study(_folder(tmp_path)), storage=["20 degC"], emit_warnings=False)
    (tpc,) = an.others
    codes = {n.code for n in tpc.notices}
    assert "microbial_outside_tested" in codes
