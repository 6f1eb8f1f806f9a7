"""Isoconversion: times to the limit per temperature, Arrhenius on them, no order assumed."""

import numpy as np
import pytest

import shelflife as sl
from shelflife.isoconversion import isoconversion
from shelflife.units import GAS_CONSTANT


def _first_order(noise=0.0, seed=0, days=None):
    days = np.arange(0, 43.0, 7) if days is None else days
    rng = np.random.default_rng(seed)
    t = np.tile(np.repeat(days, 3), 3)
    T = np.repeat([298.15, 308.15, 318.15], days.size * 3)
    k = 0.014 * np.exp(-(75 / GAS_CONSTANT) * (1 / T - 1 / 303.15))
    return t, T, np.exp(k * t) + rng.normal(0, noise, t.size)


def test_extrapolated_first_order_is_exact_on_noise_free_data():
    t, T, y = _first_order()
    res = isoconversion(t, T, y, 10.0, "max")
    # 45 °C crosses 10 within 42 days only just: the others are extrapolated on first order
    truth = np.log(10.0) / (0.014 * np.exp(-(75 / GAS_CONSTANT) * (1 / 298.15 - 1 / 303.15)))
    t25 = next(x for x in res.times if abs(x.temperature - 298.15) < 1e-9)
    assert t25.method == "extrapolated-first"
    assert t25.time == pytest.approx(truth, rel=1e-9)


def test_activation_energy_from_isoconversion_times():
    # noise-free, long enough to cross at every temperature by extrapolation: Ea exact
    t, T, y = _first_order(days=np.arange(0, 22.0, 7))
    res = isoconversion(t, T, y, 10.0, "max")
    assert res.activation_energy == pytest.approx(75.0, rel=1e-9)
    s = res.shelf_life_floats(np.array([303.15]))
    assert s["estimate"][0] == pytest.approx(np.log(10) / 0.014, rel=1e-9)


def test_interpolated_crossing():
    t = np.array([0.0, 10, 20, 0, 10, 20, 0, 10, 20])
    T = np.repeat([300.0, 310.0, 320.0], 3)
    y = np.array([1.0, 2.0, 3.0, 1.0, 4.0, 7.0, 1.0, 8.0, 15.0])
    res = isoconversion(t, T, y, 5.0, "max")
    by_T = {round(x.temperature): x for x in res.times}
    assert by_T[310].method == "interpolated"
    assert by_T[310].time == pytest.approx(10 + (5 - 4) / (7 - 4) * 10)
    assert by_T[320].time == pytest.approx(0 + (5 - 1) / (8 - 1) * 10)


def test_reported_in_the_analysis_json():
    result = sl.analyze(sl.load_example(), emit_warnings=False)
    iso = result.to_dict()["attributes"][0]["isoconversion"]
    assert iso["activation_energy"]["unit"] == "kJ/mol"
    assert len(iso["times"]) == 3
    assert iso["shelf_life"][0]["estimate"]["unit"] == "day"
