"""The batch's fast path gives the numbers of the per-study analysis.

The stacked Levenberg-Marquardt fit (:mod:`shelflife.batch.vectorised`) must land on the
same least-squares optimum as :func:`shelflife.fitting.fit_floats`, and the stacked shelf
lives must equal :func:`shelflife.prediction.shelf_life_floats`. Tolerances: the per-study
optimiser stops at a relative tolerance of 1e-11 on the cost, so the parameters of two
correct optimisers agree to about 1e-8 (measured: 5e-9); 1e-6 leaves room for the
flattest direction (Ea against ln k_ref) without hiding a different optimum, which would
differ by percent.
"""

import json
from pathlib import Path

import numpy as np
import pytest

from shelflife.batch import vectorised
from shelflife.batch.vectorised import fit_stacked, shelf_life_stacked
from shelflife.batch.work import analyze_folders
from shelflife.fitting import fit_floats
from shelflife.prediction import shelf_life_floats
from shelflife.study import Attribute

R = 8.314462618e-3
TIMES = (0, 5, 10, 15, 20, 25, 30)
TEMPS_C = (35, 45, 55)


def _design():
    t = np.tile(np.repeat(np.array(TIMES, float), 3), 3)
    T = np.repeat(np.array(TEMPS_C, float) + 273.15, 21)
    return t, T


def _simulate(order, S, seed, falling=False):
    rng = np.random.default_rng(seed)
    t, T = _design()
    Ea = rng.uniform(50, 110, S)
    k0 = rng.uniform(0.01, 0.05, S)
    k = k0[:, None] * np.exp(-Ea[:, None] / R * (1 / T - 1 / 318.15))
    s = -1.0 if falling else 1.0
    if order == "first":
        Y = 20.0 * np.exp(s * k * t) * (1 + rng.normal(0, 0.03, (S, t.size)))
    else:
        Y = 20.0 + s * 3 * k * t + rng.normal(0, 0.1, (S, t.size))
    return t, T, Y


@pytest.mark.parametrize("order", ["zero", "first"])
@pytest.mark.parametrize("falling", [False, True])
def test_stacked_fit_equals_per_study_fit(order, falling):
    t, T, Y = _simulate(order, 40, 1 + falling, falling)
    F = fit_stacked(order, t, T, Y)
    assert F.ok.all()
    direction = "min" if falling else "max"
    limit = 15.0 if falling else 25.0
    Ts = np.array([303.15, 298.15, 328.15])  # inside and outside the tested range
    life = shelf_life_stacked(F, Ts, np.full(40, limit), np.array([direction] * 40))
    attr = Attribute("a", "u", limit, direction)
    for i in range(0, 40, 4):
        r = fit_floats(t, T, Y[i], order=order, attribute=attr)
        np.testing.assert_allclose(F.theta[i], r.theta, rtol=1e-6)
        np.testing.assert_allclose(F.cov[i], r.cov, rtol=1e-5, atol=1e-12)
        assert F.aic[i] == pytest.approx(r.statistics["aic"], rel=1e-9, abs=1e-7)
        assert F.sign[i] == r.model.sign
        ref = shelf_life_floats(
            r.model,
            r.theta,
            r.cov,
            r.statistics["dof"],
            Ts,
            limit,
            direction,
            horizon=100 * t.max(),
        )
        for key in ("estimate", "low", "high", "conservative"):
            np.testing.assert_allclose(life[key][i], ref[key], rtol=1e-6)


def test_stacked_shelf_life_edge_cases():
    t, T, Y = _simulate("first", 3, 7)
    F = fit_stacked("first", t, T, Y)
    Ts = np.array([303.15])
    # limit below the start (exceeded at time zero), limit on the wrong side (never reached)
    life = shelf_life_stacked(F, Ts, np.array([10.0, 10.0, 25.0]), np.array(["max", "min", "max"]))
    assert life["estimate"][0, 0] == 0 and life["conservative"][0, 0] == 0
    assert np.isinf(life["estimate"][1, 0]) and np.isinf(life["high"][1, 0])
    assert 0 < life["conservative"][2, 0] < life["estimate"][2, 0]
    assert life["low"][2, 0] < life["estimate"][2, 0] < life["high"][2, 0]


def test_stacked_fit_that_does_not_converge_is_handed_back(monkeypatch):
    t, T, Y = _simulate("zero", 5, 3)
    monkeypatch.setattr(vectorised, "MAX_ITERATIONS", 1)
    F = fit_stacked("zero", t, T, Y)
    assert not F.ok.any()


def _write_studies(root: Path, n: int, seed: int = 5) -> list[str]:
    rng = np.random.default_rng(seed)
    folders = []
    for i in range(n):
        d = root / f"s{i:03d}"
        d.mkdir(parents=True)
        two = i % 3 == 2
        head = "time [day],temperature [°C],replicate,pv [meq/kg]" + (
            ",vitc [mg/100 g]" if two else ""
        )
        rows = [head]
        Ea, k0 = rng.uniform(50, 110), rng.uniform(0.01, 0.05)
        for Tc in TEMPS_C:
            k = k0 * np.exp(-Ea / R * (1 / (Tc + 273.15) - 1 / 318.15))
            for day in TIMES:
                for rep in (1, 2, 3):
                    pv = (
                        2.0 + 3 * k * day + rng.normal(0, 0.1)
                        if i % 3 == 1
                        else 2.0 * np.exp(k * day) * (1 + rng.normal(0, 0.03))
                    )
                    line = f"{day},{Tc},{rep},{pv:.3f}"
                    if two:
                        line += f",{50 * np.exp(-0.5 * k * day) * (1 + rng.normal(0, 0.02)):.2f}"
                    rows.append(line)
        (d / "data.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        second = (
            '\n[[attributes]]\nname = "vitc"\nunit = "mg/100 g"\nlimit = 30\n'
            'direction = "min"\nreaction = "ascorbic_acid_loss"\n'
            if two
            else ""
        )
        (d / "study.toml").write_text(
            f'schema_version = 1\n[study]\nname = "syn-{i}"\nproduct = "Synthetic {i}"\n'
            f'data = "data.csv"\n\n[[attributes]]\nname = "pv"\nunit = "meq/kg"\nlimit = 10\n'
            f'direction = "max"\n{second}\n[conditions]\nstorage = ["30 degC", "25 degC"]\n',
            encoding="utf-8",
        )
        folders.append(str(d))
    return folders


#: Codes only the full analysis gives (its residual diagnostics and isoconversion check).
DIAGNOSTIC_ONLY = {
    "suspected_outliers",
    "lack_of_fit",
    "arrhenius_curvature",
    "order_varies_with_temperature",
    "parameter_at_bound",
    "curvature_not_testable",
}


def test_fast_path_rows_equal_full_analysis(tmp_path):
    folders = _write_studies(tmp_path, 12)
    folders.append("sample_data/keripik-tempe")
    fast = analyze_folders(folders)
    full = analyze_folders(folders, {"path": "full"})
    for a, b in zip(fast, full, strict=True):
        assert a["status"] == b["status"] == "ok"
        doc = json.loads(a["files"]["result.json"])
        assert doc["analysis"] == "screening"
        assert len(a["rows"]) == len(b["rows"])
        for ra, rb in zip(a["rows"], b["rows"], strict=True):
            for key, va in ra.items():
                vb = rb[key]
                if key == "warnings":
                    sa, sb = set(filter(None, va.split(";"))), set(filter(None, vb.split(";")))
                    assert sa <= sb
                    assert not (sb - sa) - DIAGNOSTIC_ONLY, sb - sa
                elif isinstance(va, float):
                    assert va == pytest.approx(vb, rel=1e-6), key
                else:
                    assert va == vb, key


def test_other_studies_take_the_full_path_and_errors_stay_isolated(tmp_path):
    folders = [
        "sample_data/gula-semut-realtime",
        "sample_data/sambal-microbial",
        str(tmp_path / "missing"),
        *_write_studies(tmp_path / "ok", 2),
    ]
    out = analyze_folders(folders)
    assert [o["status"] for o in out] == ["ok", "ok", "error", "ok", "ok"]
    assert "screening" not in out[0]["files"]["result.json"]
    assert "screening" not in out[1]["files"]["result.json"]
    assert out[2]["error"]["code"] == "file_not_found"
    assert '"screening"' in out[3]["files"]["result.json"]


def test_not_converged_stacked_fit_falls_back_to_full_path(tmp_path, monkeypatch):
    folders = _write_studies(tmp_path, 2)
    monkeypatch.setattr(vectorised, "MAX_ITERATIONS", 1)
    out = analyze_folders(folders)
    for o in out:
        assert o["status"] == "ok"
        assert '"screening"' not in o["files"]["result.json"]


@pytest.mark.parametrize("order", ["zero", "first"])
def test_a_study_gets_the_same_bits_whatever_its_chunk(order):
    # Batches are cut into chunks; a resumed run redoes only changed studies. A study's
    # numbers must therefore not depend on which studies share its stack (numpy's
    # reductions choose their summation order from the array shape; the stacked code
    # sums in a fixed order and stops each study's iterations on its own criteria).
    t, T, Y = _simulate(order, 60, 11)
    Ts = np.array([303.15, 298.15])
    lim, d = np.full(60, 25.0), np.array(["max"] * 60)
    F = fit_stacked(order, t, T, Y)
    L = shelf_life_stacked(F, Ts, lim, d)
    for i in (0, 17, 59):
        for sub in ([i], [i, 3], list(range(59, -1, -2)) if i % 2 else list(range(0, 60, 3))):
            if i not in sub:
                continue
            j = sub.index(i)
            G = fit_stacked(order, t, T, Y[sub])
            M = shelf_life_stacked(G, Ts, lim[sub], d[sub])
            assert np.array_equal(G.theta[j], F.theta[i])
            assert np.array_equal(G.cov[j], F.cov[i], equal_nan=True)
            for key in L:
                assert np.array_equal(M[key][j], L[key][i]), key
