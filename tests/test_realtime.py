"""Real-time (ICH Q1E) studies end to end: read, analyse, JSON, report, CLI."""

import csv
import hashlib
import json
import shutil
import warnings
from pathlib import Path

import numpy as np
import pytest

import shelflife
from shelflife.analysis import analyze
from shelflife.cli import main
from shelflife.errors import InputError, ShelfLifeWarning
from shelflife.io import read_study
from shelflife.q1e import fit_q1e, q1e
from shelflife.realtime import RealTimeAnalysis, analyze_realtime, mean_crossing

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "gula-semut-realtime"
JMP = ROOT / "tests" / "reference_data" / "ich-q1e-jmp-stability"
DAYS_PER_MONTH = 30.4375


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _write_study(folder: Path, csv_text: str, *, method: str | None = "ich_q1e", extra="") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "data.csv").write_text(csv_text, encoding="utf-8")
    lines = ["schema_version = 1", "[study]", 'name = "t"', 'data = "data.csv"']
    if method:
        lines.append(f'method = "{method}"')
    lines += [
        "[[attributes]]",
        'name = "pv"',
        'unit = "meq/kg"',
        "limit = 10.0",
        'direction = "max"',
        extra,
        "[conditions]",
        'storage = ["30 degC"]',
        "",
    ]
    (folder / "study.toml").write_text("\n".join(lines), encoding="utf-8")
    return folder


_ONE_BATCH_CSV = "time [month],temperature [°C],pv\n" + "".join(
    f"{m},30,{1.0 + 0.4 * m + d:.2f}\n"
    for m, d in zip(
        [0, 3, 6, 9, 12, 0, 3, 6, 9, 12], [0.1, -0.1, 0.05, 0.0, -0.05] * 2, strict=True
    )
)


@pytest.fixture(scope="module")
def sample():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ShelfLifeWarning)
        return analyze(read_study(SAMPLE), emit_warnings=False)


# ------------------------------------------------------------------ the sample study
def test_sample_study_through_the_cli(tmp_path, capsys):
    study = tmp_path / "study"
    shutil.copytree(SAMPLE, study)
    before = _hashes(study)
    out = tmp_path / "out"
    assert main(["analyze", str(study), "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert "ICH Q1E" in text and "Limiting attribute: Moisture" in text
    assert sorted(p.name for p in out.iterdir()) == ["report.html", "result.json"]
    assert _hashes(study) == before  # inputs never modified

    result = json.loads((out / "result.json").read_text(encoding="utf-8"))
    assert result["schema"] == "shelflife.result/1"
    assert result["method"] == "ich_q1e"
    assert result["software"] == {"name": "shelflife", "version": shelflife.__version__}
    assert result["limiting_attribute"] == "moisture"

    st = read_study(study)
    for attr in result["attributes"]:
        ref = q1e(st, attr["name"], emit_warnings=False)  # the Q1E analysis on its own
        assert attr["model"]["method"] == "ich_q1e"
        assert attr["model"]["pooling"] == ref.model
        (sl,) = attr["shelf_life"]
        assert sl["temperature"] == {"value": 30.0, "unit": "degC"}
        assert sl["estimate"]["unit"] == sl["conservative"]["unit"] == "day"
        assert sl["estimate"]["value"] == pytest.approx(ref.shelf_life_days, rel=1e-12)
        assert sl["conservative"]["value"] == sl["estimate"]["value"]
        assert sl["ci95"] == [None, None]
        assert sl["in_time_unit"] == {"value": pytest.approx(ref.shelf_life), "unit": "month"}
        assert sl["worst_batch"] == ref.worst_batch
        # the mean line reaches the limit later than its confidence bound
        assert sl["mean_crossing"]["value"] > sl["estimate"]["value"]
        assert attr["q1e"] == json.loads(json.dumps(ref.to_dict()))
    moisture = result["attributes"][0]
    assert moisture["limit"] == {"value": 3.0, "unit": "%", "direction": "max"}
    assert result["storage_conditions"] == [
        {"temperature": {"value": 30.0, "unit": "degC"}, "rh": {"value": 75.0, "unit": "%"}}
    ]

    report = (out / "report.html").read_text(encoding="utf-8")
    assert "<svg" in report and 'id="verdict"' in report
    days = moisture["shelf_life"][0]["in_time_unit"]["value"]
    assert f"{days:.2f} months" in report  # the verdict number
    assert "Limiting attribute: <strong>Moisture</strong>" in report
    for word in ("GS-2401", "GS-2402", "GS-2403", "LeBlond", "ICH Q1E", "--accent"):
        assert word in report


def test_sample_matches_its_readme(sample):
    # sample_data/gula-semut-realtime/README.md states these outcomes
    m, s = sample["moisture"].q1e, sample["sucrose"].q1e
    assert (m.model, m.worst_batch, round(m.shelf_life, 2)) == ("dids", "GS-2402", 18.97)
    assert (s.model, s.worst_batch, round(s.shelf_life, 2)) == ("dics", "GS-2401", 27.62)
    assert sample.limiting_attribute == "moisture"
    assert sample.notices == ()


def test_json_and_report_are_deterministic(tmp_path, sample):
    assert sample.to_json() == analyze(read_study(SAMPLE), emit_warnings=False).to_json()
    outs = []
    for name in ("a", "b"):
        out = tmp_path / name
        assert main(["analyze", str(SAMPLE), "--out", str(out)]) == 0
        outs.append({p.name: p.read_bytes() for p in out.iterdir()})
    assert outs[0] == outs[1]
    json.loads(sample.to_json())  # strict JSON (no NaN)


def test_summary_in_indonesian(capsys):
    assert main(["analyze", str(SAMPLE), "--lang", "id"]) == 0
    text = capsys.readouterr().out
    assert "Ringkasan umur simpan" in text
    assert "analisis batch ICH Q1E" in text
    assert "Atribut pembatas: Moisture" in text
    assert "18,97 bulan" in text and "hari" in text and "batch terburuk" in text


def test_report_in_indonesian(sample):
    html = sample.report("id")
    assert '<html lang="id">' in html and "Kesimpulan" in html
    assert "18,97 bulan" in html and "Uji kesetaraan batch" in html
    with pytest.raises(InputError):
        sample.report("fr")


def test_python_api(sample):
    assert isinstance(sample, RealTimeAnalysis) and sample.method == "ich_q1e"
    assert set(sample.results) == {"moisture", "sucrose"}
    table = sample.summary()
    assert list(table["attribute"]) == ["moisture", "sucrose"]
    assert table["limiting"].tolist() == [True, False]
    html = sample._repr_html_()
    assert "Moisture" in html and "GS-2402" in html
    assert "Limiting attribute: Moisture" in str(sample)
    import matplotlib

    matplotlib.use("Agg")
    ax = sample.plot(lang="id")
    assert "bulan" in ax.get_xlabel()
    with pytest.raises(InputError):
        sample["nope"]


def test_mean_crossing_of_a_pooled_line():
    t = np.tile([0.0, 3, 6, 9, 12, 18], 3)
    batch = np.repeat(["A", "B", "C"], 6)
    y = 100.0 - 0.2 * t + np.tile([0.3, -0.2, 0.1, -0.3, 0.2, 0.0], 3)
    res = fit_q1e(t, y, batch, lower=95.0, time_unit="month")
    assert res.model == "cics"
    line = res.selected.lines[0]
    x, b = mean_crossing(res)
    assert b is None and x == pytest.approx((95.0 - line.intercept) / line.slope)
    assert x > res.shelf_life
    log = fit_q1e(t, y, batch, lower=95.0, time_unit="month", transform="log")
    xl, _ = mean_crossing(log)
    ll = log.selected.lines[0]
    assert xl == pytest.approx((np.log(95.0) - ll.intercept) / ll.slope)


# ------------------------------------------------------------------ edge cases
def test_no_batch_column_is_one_batch(tmp_path, capsys):
    folder = _write_study(tmp_path / "s", _ONE_BATCH_CSV)
    out = tmp_path / "out"
    assert main(["analyze", str(folder), "--out", str(out)]) == 0
    capsys.readouterr()
    result = json.loads((out / "result.json").read_text(encoding="utf-8"))
    (attr,) = result["attributes"]
    assert attr["q1e"]["batches"] == ["1"]
    assert attr["q1e"]["selection"] == "single_batch"
    assert "q1e_single_batch" in [w["code"] for w in attr["warnings"]]
    assert "q1e_single_batch" in [w["code"] for w in result["warnings"]]
    # the same as one regression line through all points
    data = np.genfromtxt(_ONE_BATCH_CSV.splitlines()[1:], delimiter=",")
    ref = fit_q1e(data[:, 0], data[:, 2], None, upper=10.0, time_unit="month")
    assert attr["shelf_life"][0]["in_time_unit"]["value"] == pytest.approx(ref.shelf_life)
    report = (out / "report.html").read_text(encoding="utf-8")
    assert "Not possible with a single batch." in report

    with pytest.warns(ShelfLifeWarning, match="q1e_single_batch"):
        res = analyze(read_study(folder))
    assert res.batch_column is False


def test_kinetics_study_with_one_temperature_still_refused(tmp_path, capsys):
    folder = _write_study(tmp_path / "s", _ONE_BATCH_CSV, method=None)
    assert main(["analyze", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "one temperature" in err and "three or more" in err
    with pytest.raises(InputError) as info:
        read_study(folder)
    assert info.value.code == "one_temperature"
    folder = _write_study(tmp_path / "k", _ONE_BATCH_CSV, method="kinetics")
    assert main(["analyze", str(folder)]) == 2


def test_storage_temperature_not_tested_exits_2(tmp_path, capsys):
    text = _ONE_BATCH_CSV.replace(",30,", ",25,")
    folder = _write_study(tmp_path / "s", text)
    assert main(["analyze", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "30 °C" in err and "25 °C" in err
    with pytest.raises(InputError) as info:
        analyze_realtime(read_study(folder), emit_warnings=False)
    assert info.value.code == "q1e_temperature_absent"
    res = analyze(read_study(folder), storage="25 degC", emit_warnings=False)
    assert res.to_dict()["storage_conditions"][0]["temperature"]["value"] == 25.0


def test_first_order_is_a_log_regression_and_other_orders_are_refused(tmp_path):
    folder = _write_study(tmp_path / "s", _ONE_BATCH_CSV, extra='model = "first"')
    res = analyze(read_study(folder), emit_warnings=False)
    attr = res.to_dict()["attributes"][0]
    assert attr["model"]["order"] == "first" and attr["model"]["transform"] == "log"
    assert res["pv"].q1e.transform == "log"
    folder = _write_study(tmp_path / "w", _ONE_BATCH_CSV, extra='model = "weibull"')
    with pytest.raises(InputError) as info:
        analyze(read_study(folder), emit_warnings=False)
    assert info.value.code == "option_unknown" and "weibull" in str(info.value)


# ------------------------------------------------------------------ a published case
def test_jmp_stability_example_through_a_study_folder(tmp_path, capsys):
    """JMP 12 "Stability Analysis" example (Stability.jmp): 4 batches, lower limit 95.

    Published expiration 23.47505 months, model dics, worst-case batch 2_12
    (tests/reference_data/ich-q1e-jmp-stability/expected.json).
    """
    expected = json.loads((JMP / "expected.json").read_text(encoding="utf-8"))
    published = expected["published_JMP12"]["expiration_time_months"]
    with open(JMP / "data.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    lines = ["batch,time [month],temperature [°C],conc [mg/kg]"]
    lines += [f"{r['batch']},{r['month']},25,{r['conc_mg_per_kg']}" for r in rows]
    folder = tmp_path / "jmp"
    folder.mkdir()
    (folder / "data.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "study.toml").write_text(
        "\n".join(
            [
                "schema_version = 1",
                "[study]",
                'name = "jmp-stability"',
                'product = "JMP Stability.jmp example"',
                'data = "data.csv"',
                'method = "ich_q1e"',
                "[[attributes]]",
                'name = "conc"',
                "limit = 95.0",
                'direction = "min"',
                "[conditions]",
                'storage = ["25 degC"]',
                "",
            ]
        ),
        encoding="utf-8",
    )
    assert main(["analyze", str(folder), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    (attr,) = result["attributes"]
    (sl,) = attr["shelf_life"]
    assert sl["in_time_unit"]["unit"] == "month"
    assert sl["in_time_unit"]["value"] == pytest.approx(published, abs=1e-3)
    assert sl["estimate"]["value"] == pytest.approx(published * DAYS_PER_MONTH, abs=1e-3 * 31)
    assert attr["model"]["pooling"] == "dics"
    assert sl["worst_batch"] == expected["published_JMP12"]["worst_case_batch_dics"]
    f_b = expected["published_JMP12"]["F_statistics"]["B: dics vs cics"]
    assert attr["q1e"]["tests"]["batch"]["f"] == pytest.approx(f_b, abs=1e-5)


def test_several_storage_conditions_in_one_data_file():
    import pandas as pd

    from shelflife.study import Attribute, Study

    with open(JMP / "data.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    frames = []
    for temp, shift in ((25.0, 0.0), (40.0, -0.1)):  # 40 °C: 0.1 month⁻¹ faster loss
        frames.append(
            pd.DataFrame(
                {
                    "batch": [r["batch"] for r in rows],
                    "time [month]": [float(r["month"]) for r in rows],
                    "temperature [degC]": temp,
                    "conc [mg/kg]": [
                        float(r["conc_mg_per_kg"]) + shift * float(r["month"]) for r in rows
                    ],
                }
            )
        )
    study = Study.from_dataframe(
        pd.concat(frames, ignore_index=True),
        [Attribute("conc", "mg/kg", 95.0, "min")],
        storage=["25 degC", "40 degC"],
        method="ich_q1e",
    )
    res = analyze(study, emit_warnings=False)
    d = res.to_dict()
    (attr,) = d["attributes"]
    assert [s["temperature"]["value"] for s in attr["shelf_life"]] == [25.0, 40.0]
    assert attr["shelf_life"][0]["in_time_unit"]["value"] == pytest.approx(23.47505, abs=1e-4)
    assert attr["shelf_life"][1]["estimate"]["value"] < attr["shelf_life"][0]["estimate"]["value"]
    assert [c["temperature"]["value"] for c in attr["q1e_by_condition"]] == [25.0, 40.0]
    assert [x["attribute"] for x in d["limiting_attribute_by_condition"]] == ["conc", "conc"]
    html = res.report()
    assert html.count('class="card"') == 2 and "Results: conc – 40 °C" in html
    assert res.summary_text().count("shelf life") == 2


def test_microbial_or_sensory_in_a_q1e_study_is_refused_not_ignored():
    import dataclasses

    import shelflife as sl
    from shelflife.errors import InputError

    study = sl.read_study("sample_data/gula-semut-realtime")
    first = dataclasses.replace(study.attributes[0], kind="microbial")
    bad = dataclasses.replace(study, attributes=(first, *study.attributes[1:]))
    with pytest.raises(InputError) as err:
        sl.analyze(bad)
    assert err.value.code == "q1e_other_kinds"
    assert first.name in err.value.render("en")
    assert "kinetics" in err.value.render("id")
