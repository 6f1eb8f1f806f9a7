"""Counts below the detection limit in the one-step (global) growth fit and in study.toml.

A plate with no colonies at the lowest dilution says "fewer than the detection limit", not
zero and not the limit itself. Treating such counts as observed values at the limit biases
the lag and the growth rate; the Tobit likelihood treats them as left-censored. The truth of
the simulated curves is known, so recovery is checked directly.
"""

import json

import numpy as np
import pytest

import shelflife as sl
from shelflife.errors import StudyFileError
from shelflife.microbial import baranyi, fit_growth_global
from shelflife.microbial.counts import LN10, to_log10_limit
from shelflife.microbial.secondary import ratkowsky

B, TMIN, H0, Y0, YMAX = 0.05, 271.15, 2.0, 1.5, 8.5  # truth; y0 just below the limit
DL = 1.7  # detection limit [log10 CFU/g] (50 CFU/g)


def _curves(seed):
    rng = np.random.default_rng(seed)
    out = []
    for Tc in (4, 8, 12, 16):
        T = Tc + 273.15
        mu = float(ratkowsky(T, B, TMIN))
        t = np.linspace(0, (H0 + 7 * LN10) / mu * 1.2, 12)
        y = baranyi(t, Y0, mu, H0 / mu, YMAX) + rng.normal(0, 0.15, t.size)
        out.append((T, t, y))
    return out


def _as_lab_writes_them(curves):
    """Counts below the limit written as the limit (what a lab sheet holds as '<50')."""
    return [(f"{T - 273.15:g} degC", sl.Q_(t, "day"), np.maximum(y, DL)) for T, t, y in curves]


def test_to_log10_limit_units():
    assert to_log10_limit("50 CFU/g") == pytest.approx(np.log10(50))
    assert to_log10_limit(50, "CFU/g") == pytest.approx(np.log10(50))
    assert to_log10_limit(1.7) == 1.7
    assert to_log10_limit("3.9 ln CFU/g") == pytest.approx(3.9 / LN10)


def test_global_fit_with_detection_limit_is_censored_and_less_biased():
    # Six simulated studies; censored fits (Tobit) against the naive fit that takes the
    # limit values as observed. Truth: b = 0.05, h0 = 2. With y0 = 1.5 < DL = 1.7 (noise SD
    # 0.15) about five of the 48 counts, all early, are censored; the naive fit sees them
    # at the limit, a flatter start, and its h0 comes out near 2.6 (measured). Tolerance:
    # the Tobit mean h0 within 0.3 of the truth (the SD of one fit's h0 is about 0.2, so
    # the mean of six has an SE near 0.1), and closer than the naive mean.
    h0_tobit, h0_naive, b_tobit = [], [], []
    for seed in range(6):
        curves = _as_lab_writes_them(_curves(seed))
        m = fit_growth_global(curves, label="TPC", detection_limit=f"{10**DL:.6g} CFU/g")
        naive = fit_growth_global(curves, label="TPC")
        assert any(n.code == "microbial_censored" for n in m.notices)
        assert not any(n.code == "microbial_censored" for n in naive.notices)
        h0_tobit.append(m.parameters["h0"]["value"])
        h0_naive.append(naive.parameters["h0"]["value"])
        b_tobit.append(m.parameters["b"]["value"])
    assert np.mean(h0_tobit) == pytest.approx(H0, abs=0.3)
    assert abs(np.mean(h0_tobit) - H0) < abs(np.mean(h0_naive) - H0)
    assert np.mean(b_tobit) == pytest.approx(B, rel=0.05)


def test_no_censored_count_gives_the_least_squares_fit():
    curves = [(f"{T - 273.15:g} degC", sl.Q_(t, "day"), y) for T, t, y in _curves(1)]
    a = fit_growth_global(curves, label="TPC")
    b = fit_growth_global(curves, label="TPC", detection_limit="1 CFU/g")  # nothing below
    assert b.parameters["b"]["value"] == a.parameters["b"]["value"]
    assert not any(n.code == "microbial_censored" for n in b.notices)


def _folder(tmp_path, extra='detection_limit = "50 CFU/g"', kind="microbial"):
    rows = ["time [day],temperature [°C],tpc [log10 CFU/g]"]
    for T, t, y in _curves(2):
        for ti, yi in zip(t, np.maximum(y, DL), strict=True):
            rows.append(f"{ti:.3f},{T - 273.15:g},{yi:.3f}")
    (tmp_path / "data.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "study.toml").write_text(
        f"""schema_version = 1
[study]
name = "chilled"
product = "Udang beku"
data = "data.csv"

[[attributes]]
name = "tpc"
kind = "{kind}"
unit = "log10 CFU/g"
limit = 6.0
direction = "max"
{extra}

[conditions]
storage = ["4 degC"]
""",
        encoding="utf-8",
    )
    return tmp_path


def test_study_detection_limit_reaches_fit_and_json(tmp_path):
    study = sl.read_study(_folder(tmp_path))
    assert study.attribute("tpc").detection_limit == pytest.approx(np.log10(50), abs=1e-12)
    an = sl.analyze(study, emit_warnings=False)
    doc = json.loads(an.to_json())
    tpc = [o for o in doc["other_attributes"] if o["name"] == "tpc"][0]
    codes = [w["code"] for w in tpc["warnings"]]
    assert "microbial_censored" in codes
    assert "di bawah batas deteksi" in an.report("id")


@pytest.mark.parametrize(
    ("extra", "kind", "code"),
    [
        ('detection_limit = "50 CFU/g"', "chemical", "detection_limit_kind"),
        ('detection_limit = "fifty"', "microbial", "detection_limit_bad"),
        ("detection_limit = true", "microbial", "toml_bad_value"),
    ],
)
def test_bad_detection_limit(tmp_path, extra, kind, code):
    folder = _folder(tmp_path, extra=extra, kind=kind)
    if kind == "chemical":  # a chemical attribute may not carry a growth model either
        text = (folder / "study.toml").read_text(encoding="utf-8")
        (folder / "study.toml").write_text(text, encoding="utf-8")
    with pytest.raises(StudyFileError) as err:
        sl.read_study(folder)
    assert err.value.code == code
    assert "detection_limit" in err.value.render("en")
