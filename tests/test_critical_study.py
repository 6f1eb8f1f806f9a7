"""Critical-moisture study folders: reading, analysis, outputs and bad input."""

import json
import math

import numpy as np
import pytest

import shelflife as sl
from shelflife.cli import main
from shelflife.critical import MoistureStudy, read_moisture_study
from shelflife.errors import InputError, StudyFileError
from shelflife.moisture.isotherms import get_model

GAB = [0.065, 9.0, 0.80]  # m0 [g/g], C, K: a plausible cracker isotherm for the tests

STUDY = """schema_version = 1
[study]
name = "kerupuk-test"
product = "Kerupuk udang"
method = "critical_moisture"
data = "isotherm.csv"
[moisture]
basis = "{basis}"
unit = "{unit}"
initial = {initial}
critical = {critical}
critical_from = "sensory"
[conditions]
temperature = "30 degC"
rh = "{rh}"
[package]
area = "0.0546 m2"
dry_mass = "238 g"
target = "6 month"
[[packaging]]
name = "PP 40 um"
film = "pp"
thickness = "40 um"
[[packaging]]
name = "Supplier film"
wvtr = "2.5 g/(m2*day)"
wvtr_temperature = "38 degC"
wvtr_rh = "90 %"
"""


def _folder(
    tmp_path,
    *,
    basis="dry",
    unit="g/g",
    initial=0.045,
    critical=0.10,
    rh="75 %",
    aw_scale=1.0,
    rows=None,
    study=STUDY,
):
    aw = np.repeat([0.113, 0.225, 0.324, 0.432, 0.529, 0.654, 0.753, 0.843], 3)
    m = get_model("gab").moisture(aw, GAB) * (
        1 + np.random.default_rng(3).normal(0, 0.02, aw.size)
    )
    lines = ["aw;moisture;temperature (°C)"]
    for a, mm in zip(aw, m, strict=True):
        v = mm / (1 + mm) if basis == "wet" else mm
        v = 100 * v if unit == "%" else v
        lines.append(f"{a * aw_scale:.3f};{v:.5f};30".replace(".", ","))
    if rows is not None:
        lines = rows
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "isotherm.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "study.toml").write_text(
        study.format(basis=basis, unit=unit, initial=initial, critical=critical, rh=rh),
        encoding="utf-8",
    )
    return tmp_path


def test_read_converts_to_dry_basis(tmp_path):
    dry = read_moisture_study(
        _folder(
            tmp_path / "a",
        )
    )
    wet = read_moisture_study(
        _folder(
            tmp_path / "b",
            basis="wet",
            unit="%",
            initial=100 * 0.045 / 1.045,
            critical=100 * 0.10 / 1.10,
        )
    )
    assert isinstance(dry, MoistureStudy)
    # both files round to 5 decimals (dry: 1e-5 g/g on ≈ 0.03 g/g), hence 5e-4 relative
    np.testing.assert_allclose(wet.moisture, dry.moisture, rtol=5e-4)
    assert wet.initial == pytest.approx(0.045) and wet.critical == pytest.approx(0.10)
    assert dry.isotherm_temperature == pytest.approx(303.15)
    assert dry.area == pytest.approx(0.0546) and dry.dry_mass == pytest.approx(238)


def test_analysis_recovers_the_isotherm_and_ranks_packages(tmp_path):
    an = sl.analyze(sl.read_study(_folder(tmp_path)), emit_warnings=False)
    assert an.isotherm.name in {"gab", "peleg"} or an.isotherm.mrd < 5
    me = get_model("gab").moisture(np.array([0.75]), GAB)[0]
    assert an.equilibrium == pytest.approx(me, rel=0.05)
    days = an.shelf_lives()
    # the supplier film (2.5 g/m2/day) is a better barrier than PP 40 um (≈ 7 g/m2/day)
    assert days["Supplier film"] > days["PP 40 um"] > 0
    d = an.to_dict()
    assert d["method"] == "critical_moisture" and d["moisture"]["basis"] == "dry"
    json.dumps(d, allow_nan=False)
    for opt, u in zip(an.comparison.options, an.uptakes, strict=True):
        assert opt.numerical == pytest.approx(u.days, rel=1e-6)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_cli_analyze_writes_json_and_report(tmp_path, capsys, lang):
    folder = _folder(tmp_path / "s")
    out = tmp_path / "out"
    assert main(["analyze", str(folder), "--out", str(out), "--lang", lang]) == 0
    text = capsys.readouterr().out
    assert ("kadar air kritis" in text) == (lang == "id")
    html = (out / "report.html").read_text(encoding="utf-8")
    assert 'id="isotherm"' in html and 'id="packaging"' in html and "<svg" in html
    assert json.loads((out / "result.json").read_text(encoding="utf-8"))["isotherm"]


def test_water_activity_above_one_is_probably_percent(tmp_path, capsys):
    folder = _folder(tmp_path / "s", aw_scale=100)
    with pytest.raises(InputError) as err:
        read_moisture_study(folder)
    assert err.value.code == "water_activity_above_one" and err.value.row == 2
    assert "% RH" in err.value.render("en") or "relative humidity" in err.value.render("en")
    assert main(["analyze", str(folder), "--out", str(tmp_path / "o")]) == 2
    assert not (tmp_path / "o").exists()


def test_critical_not_above_initial_and_missing_wvtr_condition(tmp_path):
    with pytest.raises(StudyFileError) as err:
        read_moisture_study(_folder(tmp_path / "a", initial=0.12, critical=0.10))
    assert err.value.code == "critical_not_above_initial"
    bad = STUDY.replace('wvtr_temperature = "38 degC"\n', "")
    with pytest.raises(StudyFileError) as err:
        read_moisture_study(_folder(tmp_path / "b", study=bad))
    assert err.value.code == "wvtr_condition_missing" and err.value.key == "packaging[1].wvtr"


def test_critical_above_equilibrium_is_never_reached(tmp_path):
    """At 40 % RH the equilibrium moisture (≈ 0.077 g/g) is below the critical 0.10 g/g."""
    an = sl.analyze(sl.read_study(_folder(tmp_path, rh="40 %")), emit_warnings=False)
    assert all(math.isinf(u.days) for u in an.uptakes)
    assert "uptake_never_reached" in {n.code for n in an.notices}
    json.dumps(an.to_dict(), allow_nan=False)


def test_unknown_key_is_located(tmp_path):
    bad = STUDY.replace("critical_from", "critcal_from")
    with pytest.raises(StudyFileError) as err:
        read_moisture_study(_folder(tmp_path, study=bad))
    assert err.value.code == "toml_unknown_key" and "moisture" in err.value.key


def test_history_equal_to_the_constant_condition_gives_the_same_days(tmp_path):
    """ICH zone IVb is 30 °C / 75 % RH: along it the uptake equals the constant case."""
    const = sl.analyze(sl.read_study(_folder(tmp_path / "c")), emit_warnings=False)
    zone = STUDY.replace('rh = "{rh}"', 'rh = "{rh}"\nhistory = "IVb for 24 month"')
    hist = sl.analyze(sl.read_study(_folder(tmp_path / "h", study=zone)), emit_warnings=False)
    assert hist.history is not None and hist.history.kind == "zone"
    for a, b in zip(const.uptakes, hist.uptakes, strict=True):
        assert b.days == pytest.approx(a.days, rel=1e-6)
    assert hist.to_dict()["storage_conditions"][0]["history"].startswith("ICH/WHO zone IVb")


def test_sample_study_runs_end_to_end(tmp_path):
    from pathlib import Path

    sample = Path(__file__).resolve().parents[1] / "sample_data" / "kerupuk-critical-moisture"
    an = sl.analyze(sl.read_study(sample), emit_warnings=False)
    days = an.shelf_lives()
    # the four packs are ordered by their barrier (WVTR falls from PP to foil)
    assert list(days.values()) == sorted(days.values())
    assert an.isotherm.mrd < 10
    assert "moisture_not_limiting" in {n.code for n in an.notices}
