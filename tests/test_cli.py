"""End-to-end tests of the command line: outputs, JSON contract, bad input, exit codes."""

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import shelflife
from shelflife.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_data"


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_analyze_writes_json_and_report(tmp_path, capsys):
    study = tmp_path / "study"
    shutil.copytree(SAMPLES / "keripik-tempe", study)
    before = _hashes(study)
    out = tmp_path / "out"
    assert main(["analyze", str(study), "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert "peroxide" in text.lower()
    assert sorted(p.name for p in out.iterdir()) == ["report.html", "result.json"]
    assert _hashes(study) == before  # inputs never modified
    result = json.loads((out / "result.json").read_text())
    assert result["schema"] == "shelflife.result/1"
    assert result["limiting_attribute"] == "peroxide_value"
    report = (out / "report.html").read_text()
    assert "<svg" in report and "peroxide" in report.lower()


def test_json_contract_keys(capsys):
    assert main(["analyze", str(SAMPLES / "fruit-drink-vitamin-c"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["software"] == {"name": "shelflife", "version": shelflife.__version__}
    assert set(data["study"]) >= {"name", "product"}
    (attr,) = data["attributes"]
    assert attr["name"] == "vitamin_c"
    assert attr["limit"] == {
        "value": 22.5,
        "unit": "mg/100 g",
        "direction": "min",
        "source": "50 % of the initial vitamin C content (lab's choice)",
    }
    assert attr["model"]["temperature_dependence"] == "arrhenius"
    assert attr["model"]["method"] == "global"
    params = attr["parameters"]
    for key in ("activation_energy", "rate_constant_ref", "initial_value"):
        assert set(params[key]) == {"value", "unit", "stderr", "ci95"}
        lo, hi = params[key]["ci95"]
        assert lo < params[key]["value"] < hi
    assert params["activation_energy"]["unit"] == "kJ/mol"
    assert params["reference_temperature"]["unit"] == "K"
    assert set(attr["statistics"]) >= {"n", "rmse", "r_squared", "aic"}
    assert attr["two_step"]["activation_energy"]["unit"] == "kJ/mol"
    assert attr["two_step"]["rate_constants"][0]["temperature"]["unit"] == "degC"
    for s in attr["shelf_life"]:
        assert s["estimate"]["unit"] == "day"
        assert s["ci95"][0] < s["estimate"]["value"] < s["ci95"][1]
        assert s["conservative"]["value"] < s["estimate"]["value"]
    assert isinstance(attr["warnings"], list)
    # The vitamin C truth (sample_data/README.md): 121 days at 30 °C; the estimate is close.
    s30 = next(s for s in attr["shelf_life"] if s["temperature"]["value"] == 30.0)
    assert 100 < s30["estimate"]["value"] < 145


def test_json_is_deterministic(capsys):
    main(["analyze", str(SAMPLES / "keripik-tempe"), "--json"])
    first = capsys.readouterr().out
    main(["analyze", str(SAMPLES / "keripik-tempe"), "--json"])
    assert capsys.readouterr().out == first


def test_indonesian_summary(capsys):
    assert main(["analyze", str(SAMPLES / "keripik-tempe"), "--lang", "id"]) == 0
    assert "bulan" in capsys.readouterr().out


def _bad_study(
    tmp_path: Path, toml_extra: str = "", csv: str | None = None, toml: str | None = None
) -> Path:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "study.toml").write_text(
        toml
        or (
            'schema_version = 1\n[study]\nname = "x"\ndata = "data.csv"\n'
            '[[attributes]]\nname = "pv"\nunit = "meq/kg"\nlimit = 10\ndirection = "max"\n'
            + toml_extra
        ),
        encoding="utf-8",
    )
    (folder / "data.csv").write_text(
        csv
        if csv is not None
        else "time [day],temperature [°C],pv\n0,25,1\n7,25,2\n0,35,1\n7,35,3\n",
        encoding="utf-8",
    )
    return folder


@pytest.mark.parametrize(
    "kind,kwargs,code,fragment",
    [
        ("missing column", {"csv": "time [day],pv\n0,1\n7,2\n"}, "column_missing", "temperature"),
        (
            "non-numeric",
            {"csv": "time [day],temperature [°C],pv\n0,25,1\n7,25,abc\n0,35,1\n7,35,3\n"},
            "cell_not_numeric",
            "row 3",
        ),
        (
            "negative time",
            {"csv": "time [day],temperature [°C],pv\n0,25,1\n-7,25,2\n0,35,1\n7,35,3\n"},
            "time_negative",
            "row 3",
        ),
        (
            "unknown unit",
            {"csv": "time [fortnightz],temperature [°C],pv\n0,25,1\n7,25,2\n0,35,1\n7,35,3\n"},
            "unit_unknown",
            "fortnightz",
        ),
        (
            "temperature without unit",
            {"csv": "time [day],temperature,pv\n0,25,1\n7,25,2\n0,35,1\n7,35,3\n"},
            "unit_missing",
            "temperature",
        ),
        (
            "25 K",
            {"csv": "time [day],temperature [K],pv\n0,25,1\n7,25,2\n0,35,1\n7,35,3\n"},
            "temperature_implausible",
            "row 2",
        ),
        (
            "300 °C",
            {"csv": "time [day],temperature [°C],pv\n0,300,1\n7,300,2\n0,35,1\n7,35,3\n"},
            "temperature_implausible",
            "300",
        ),
        (
            "one temperature",
            {"csv": "time [day],temperature [°C],pv\n0,25,1\n7,25,2\n14,25,3\n"},
            "one_temperature",
            "three or more",
        ),
        (
            "identical values",
            {"csv": "time [day],temperature [°C],pv\n0,25,1\n7,25,1\n0,35,1\n7,35,1\n"},
            "values_constant",
            "pv",
        ),
        ("empty file", {"csv": ""}, "file_empty", "empty"),
        (
            "wrong limit dimension",
            {
                "toml": 'schema_version = 1\n[study]\nname = "x"\ndata = "data.csv"\n[[attributes]]\nname = "pv"\nunit = "meq/kg"\nlimit = "10 K"\ndirection = "max"\n'
            },
            "unit_wrong_dimension",
            "limit",
        ),
        ("unknown key", {"toml_extra": 'modle = "first"\n'}, "toml_unknown_key", "model"),
    ],
)
def test_bad_input_exits_2_with_clear_message(tmp_path, capsys, kind, kwargs, code, fragment):
    folder = _bad_study(tmp_path, **kwargs)
    before = _hashes(folder)
    out = tmp_path / "out"
    rc = main(["analyze", str(folder), "--out", str(out)])
    err = capsys.readouterr().err
    assert rc == 2, kind
    assert "Traceback" not in err
    assert fragment in err, err
    assert "How to fix" in err
    assert not out.exists()  # no partial output
    assert _hashes(folder) == before


def test_first_order_with_zero_value(tmp_path, capsys):
    folder = _bad_study(
        tmp_path,
        toml_extra='model = "first"\n',
        csv="time [day],temperature [°C],pv\n0,25,1\n7,25,0\n14,25,3\n0,35,1\n7,35,3\n14,35,5\n0,45,1\n7,45,4\n14,45,8\n",
    )
    assert main(["analyze", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "row 3" in err and "logarithm" in err


def test_xlsx_several_sheets_none_named(tmp_path, capsys):
    openpyxl = pytest.importorskip("openpyxl")
    folder = _bad_study(tmp_path)
    toml = (folder / "study.toml").read_text().replace('data = "data.csv"', 'data = "data.xlsx"')
    (folder / "study.toml").write_text(toml)
    wb = openpyxl.Workbook()
    wb.active.title = "Data"
    wb.create_sheet("Notes")
    wb.save(folder / "data.xlsx")
    assert main(["analyze", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "sheet" in err and "Data" in err


def test_missing_study_folder(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "nope")]) == 2
    assert "not found" in capsys.readouterr().err


def test_indonesian_error_message(tmp_path, capsys):
    folder = _bad_study(
        tmp_path, csv="time [day],temperature,pv\n0,25,1\n7,25,2\n0,35,1\n7,35,3\n"
    )
    assert main(["analyze", str(folder), "--lang", "id"]) == 2
    err = capsys.readouterr().err
    assert "Cara memperbaiki" in err


def test_demo_runs_from_any_directory(tmp_path):
    """`shelflife demo` works from a directory that is not the repository (package data)."""
    env = dict(os.environ)
    src = Path(shelflife.__file__).resolve().parents[1]
    if src == ROOT:  # running from the source tree, not an installed copy
        env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.run(
        [sys.executable, "-m", "shelflife", "demo", "--out", "demo-out"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "demo-out" / "report.html").is_file()
    assert (tmp_path / "demo-out" / "result.json").is_file()
    assert "peroxide" in proc.stdout.lower()


def test_no_command_prints_help(capsys):
    assert main([]) == 2
    assert "analyze" in capsys.readouterr().out
