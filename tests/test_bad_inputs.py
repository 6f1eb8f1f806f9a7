"""The catalogue of bad inputs (issue 10, item 1): every case ends exactly as listed.

``tests/bad_inputs/cases.toml`` lists each case (one folder beside it, made by
``tests/bad_inputs/make_cases.py``): what is wrong, the entry point and the exact outcome --
an error code with its location, a warning code that reaches the result, or a correct
reading of an odd but unambiguous file. Error cases also run through the command line
(in-process :func:`shelflife.cli.main`): exit code 2, no traceback, nothing written, inputs
unchanged, a complete message in English and in Bahasa Indonesia.

``python tests/test_bad_inputs.py`` prints the actual outcome of every case (to update the
catalogue after a deliberate change).
"""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import string
import sys
import tomllib
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "tests" / "bad_inputs"
MANIFEST = CATALOGUE / "cases.toml"
BASE_STUDY = CATALOGUE / "_base"  # the sound study the cases depart from
CASES: list[dict[str, Any]] = tomllib.loads(MANIFEST.read_text(encoding="utf-8"))["case"]
BY_ID = {c["id"]: c for c in CASES}
LOCATION = ("file", "row", "column", "key")


def _load_maker():
    spec = importlib.util.spec_from_file_location("make_cases", CATALOGUE / "make_cases.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


make_cases = _load_maker()


# ------------------------------------------------------------------------- on-the-fly files


def _sparse(path: Path) -> None:
    with open(path, "wb") as handle:  # a hole: no disk space is used
        handle.truncate(11 * 2**30)


def _many_cells(path: Path) -> None:
    row = ",".join(["1"] * 12) + "\n"
    path.write_text(
        "time [day],temperature [°C],peroxide_value [meq/kg]" + ",x" * 9 + "\n" + row * 100_001,
        encoding="utf-8",
    )


def _big_toml(path: Path) -> None:
    path.write_bytes(make_cases.BASE_TOML.encode() + b"# padding\n" * (5 * 2**20 // 10 + 1))


MAKERS = {"sparse": _sparse, "cells": _many_cells, "big": _big_toml}


def case_folder(case: dict[str, Any], tmp_path: Path) -> Path:
    """The case's folder; a copy in ``tmp_path`` with the made file for ``make`` cases."""
    folder = CATALOGUE / case["id"]
    if not case.get("make"):
        return folder
    copy = tmp_path / case["id"]
    shutil.copytree(folder, copy)
    name, how = case["make"].split(":")
    MAKERS[how](copy / name)
    return copy


# ------------------------------------------------------------------------------- running


@dataclass
class Outcome:
    """What an entry point did with a case."""

    error: Any = None
    notices: list[str] = field(default_factory=list)
    value: Any = None


def _notice_codes(items) -> list[str]:
    return [n["code"] if isinstance(n, dict) else n.code for n in items]


def run_case(case: dict[str, Any], folder: Path) -> Outcome:
    """Call the case's entry point; toolkit errors are returned, anything else raises."""
    import shelflife as sl
    from shelflife.errors import ShelfLifeError

    target = folder / case.get("target", "")
    entry = case["entry"]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if entry == "read_study":
                study = sl.read_study(target)
                return Outcome(value=study, notices=_notice_codes(getattr(study, "notices", ())))
            if entry == "analyze":
                result = sl.analyze(sl.read_study(target), emit_warnings=False)
                return Outcome(value=result, notices=_notice_codes(result.to_dict()["warnings"]))
            if entry == "read_logger":
                data = sl.read_logger(target, emit_warnings=False)
                return Outcome(value=data, notices=_notice_codes(data.notices))
            if entry == "logger_history":
                from shelflife.distribution.sources import resolve_history

                hist = resolve_history(target)
                return Outcome(value=hist, notices=_notice_codes(hist.notices))
            if entry == "read_market_file":
                from shelflife.markets import read_market_file

                return Outcome(value=read_market_file(target))
            if entry == "read_protocol_file":
                from shelflife.protocols import read_protocol_file

                return Outcome(value=read_protocol_file(target))
            if entry == "read_plan":
                from shelflife.protocols import read_plan

                return Outcome(value=read_plan(target))
    except ShelfLifeError as exc:
        return Outcome(error=exc)
    raise AssertionError(f"unknown entry point {entry!r}")


def location(err: Any, folder: Path) -> dict[str, Any]:
    """The error's location with the file relative to the case folder."""
    out = {}
    for name in LOCATION:
        value = getattr(err, name)
        if name == "file" and value is not None:
            path = Path(value)
            try:
                value = path.resolve().relative_to(folder.resolve()).as_posix()
            except ValueError:
                value = path.as_posix()
        out[name] = value
    return out


def describe(outcome: Outcome, folder: Path) -> str:
    if outcome.error is not None:
        where = {k: v for k, v in location(outcome.error, folder).items() if v is not None}
        return f"error {outcome.error.code} {where}"
    return f"ok, notices {outcome.notices}"


# ---------------------------------------------------------------------------- the checks


def check_values(case: dict[str, Any], outcome: Outcome) -> None:
    """An odd but readable file gives exactly the numbers of the base sheet."""
    study = outcome.value
    data = study.data.sort_values(["temperature_K", "time_day"])
    expected = sorted(
        (float(c) + 273.15, float(t), float(v)) for t, c, v in make_cases.base_rows()
    )
    got = list(
        zip(
            data["temperature_K"].round(6),
            data["time_day"],
            data["peroxide_value"],
            strict=True,
        )
    )
    assert got == [(round(a, 6), b, c) for a, b, c in expected]


def check_logger_celsius(case: dict[str, Any], outcome: Outcome) -> None:
    expected = [float(t) for _, t in make_cases.logger_lines()]
    got = outcome.value.readings["temperature_C"].tolist()
    assert got == pytest.approx(expected, abs=0.06)
    assert len(got) == len(expected)


CHECKS = {"values": check_values, "logger_celsius": check_logger_celsius}


def assert_outcome(case: dict[str, Any], folder: Path, outcome: Outcome) -> None:
    kind = case["expect"]
    if kind == "error":
        assert outcome.error is not None, f"no error; notices {outcome.notices}"
        err = outcome.error
        expected = {name: case.get(name) for name in LOCATION}
        assert (err.code, location(err, folder)) == (case["code"], expected)
        assert_complete(err)
        return
    assert outcome.error is None, describe(outcome, folder)
    if kind == "warning":
        assert case["code"] in outcome.notices
    else:
        CHECKS[case["check"]](case, outcome)


def assert_complete(err: Any) -> None:
    """Both languages render, with no unfilled template field and a location."""
    from shelflife.messages import MESSAGES

    assert err.code in MESSAGES, f"{err.code} has no message"
    for lang in ("en", "id"):
        text = err.render(lang)
        assert text.strip() and "\n" in text, text  # what, and how to fix it
        assert not _unfilled(err, lang), text
    assert err.render("id") != err.render("en")


def _unfilled(err: Any, lang: str) -> set[str]:
    """Template fields of the message (and of its hints) that no parameter fills."""
    from shelflife.messages import MESSAGES

    what, fix = MESSAGES[err.code].get(lang, MESSAGES[err.code]["en"])
    given = {"file", "row", "column", "key", *err.params, *getattr(err, "hints", {})}
    names = {name for text in (what, fix) for _, name, _, _ in string.Formatter().parse(text)}
    missing = {n for n in names if n} - given
    for code, _, fields in getattr(err, "hints", {}).values():
        texts = MESSAGES[code].get(lang, MESSAGES[code]["en"])
        inner = {n for t in texts for _, n, _, _ in string.Formatter().parse(t) if n}
        missing |= inner - set(fields)
    return missing


# --------------------------------------------------------------------------------- tests


def test_catalogue_is_complete():
    folders = {p.name for p in CATALOGUE.iterdir() if p.is_dir() and p.name[0] not in "_."}
    assert folders == set(BY_ID)
    assert len(CASES) >= 70
    for case in CASES:
        assert case["expect"] in ("error", "warning", "ok"), case["id"]
        assert case["what"] and case["entry"], case["id"]


def test_the_base_study_is_sound():
    """Every case departs from this study: it reads and analyses without any warning."""
    import shelflife as sl

    study = sl.read_study(BASE_STUDY)
    assert len(study.data) == 15 and study.notices == ()
    result = sl.analyze(study, emit_warnings=False)
    assert result.to_dict()["warnings"] == []


def test_catalogue_matches_its_generator():
    """``cases.toml`` is what ``make_cases.py`` writes (edit the script, not the file)."""
    assert MANIFEST.read_text(encoding="utf-8") == make_cases.manifest()


def test_doc_page_matches_the_catalogue():
    """``docs/bad-inputs.md`` is what ``scripts/bad_inputs_table.py`` writes."""
    spec = importlib.util.spec_from_file_location(
        "bad_inputs_table", ROOT / "scripts" / "bad_inputs_table.py"
    )
    table = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(table)
    page = (ROOT / "docs" / "bad-inputs.md").read_text(encoding="utf-8")
    assert page == table.render(CASES), "run python scripts/bad_inputs_table.py"


@pytest.mark.parametrize("case_id", sorted(BY_ID))
def test_case(case_id, tmp_path):
    case = BY_ID[case_id]
    folder = case_folder(case, tmp_path)
    assert_outcome(case, folder, run_case(case, folder))


# ------------------------------------------------------- the fixes, at their boundaries


def _study(tmp_path: Path, csv: str, toml: str | None = None) -> Path:
    (tmp_path / "study.toml").write_text(toml or make_cases.BASE_TOML, encoding="utf-8")
    (tmp_path / "data.csv").write_text(csv, encoding="utf-8")
    return tmp_path


def _codes(study) -> list[str]:
    return [n.code for n in study.notices]


@pytest.mark.parametrize(
    ("levels", "warned"),
    [((77, 86, 95), True), ((60, 70, 80), True), ((45, 55, 65), False), ((25, 35, 45), False)],
)
def test_fahrenheit_notice_needs_every_chamber_at_55_or_hotter(tmp_path, levels, warned):
    import shelflife as sl

    rows = make_cases.base_rows(temps=levels)
    study = sl.read_study(_study(tmp_path, make_cases.csv_text(rows)))
    assert ("temperature_maybe_fahrenheit" in _codes(study)) is warned


def test_kelvin_error_needs_every_temperature_above_100(tmp_path):
    """One 300 °C cell among 25 and 35 °C is a typo, not a kelvin column."""
    import shelflife as sl
    from shelflife.errors import InputError

    rows = make_cases.base_rows()
    rows[3][1] = "300"
    with pytest.raises(InputError) as info:
        sl.read_study(_study(tmp_path, make_cases.csv_text(rows)))
    assert (info.value.code, info.value.row) == ("temperature_implausible", 5)


@pytest.mark.parametrize(("rh", "warned"), [("0.75", True), ("0", False), ("75", False)])
def test_rh_fraction_notice(tmp_path, rh, warned):
    import shelflife as sl

    rows = [[*r, rh] for r in make_cases.base_rows()]
    csv = make_cases.csv_text(rows, [*make_cases.HEADER, "rh [%]"])
    study = sl.read_study(_study(tmp_path, csv))
    assert ("rh_looks_like_fraction" in _codes(study)) is warned


def test_text_with_a_word_is_not_a_unit_in_a_cell(tmp_path):
    import shelflife as sl
    from shelflife.errors import InputError

    rows = make_cases.base_rows()
    rows[2][2] = "2 abc"
    with pytest.raises(InputError) as info:
        sl.read_study(_study(tmp_path, make_cases.csv_text(rows)))
    assert info.value.code == "cell_not_numeric"


def test_decimal_comma_text_cell_in_a_workbook_is_a_notice(tmp_path):
    """A text cell '1,25' among numbers (Indonesian Excel) is read, with decimal_mixed."""
    import shelflife as sl

    rows = [make_cases.HEADER, *make_cases.numeric_rows()]
    rows[4][2] = "1,25"
    (tmp_path / "data.xlsx").write_bytes(make_cases.xlsx_bytes({"Data": rows}))
    toml = make_cases.study_toml(data="data.xlsx")
    (tmp_path / "study.toml").write_text(toml, encoding="utf-8")
    study = sl.read_study(tmp_path)
    assert "decimal_mixed" in _codes(study)
    assert study.data.loc[5, "peroxide_value"] == 1.25


def test_data_in_a_subfolder_is_inside(tmp_path):
    import shelflife as sl

    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "data.csv").write_text(make_cases.BASE_CSV, encoding="utf-8")
    toml = make_cases.study_toml(data="raw/../raw/data.csv")
    (tmp_path / "study.toml").write_text(toml, encoding="utf-8")
    assert len(sl.read_study(tmp_path).data) == 15


def test_a_link_out_of_the_folder_is_outside(tmp_path):
    import shelflife as sl
    from shelflife.errors import StudyFileError

    elsewhere = tmp_path / "elsewhere.csv"
    elsewhere.write_text(make_cases.BASE_CSV, encoding="utf-8")
    folder = tmp_path / "study"
    folder.mkdir()
    (folder / "data.csv").symlink_to(elsewhere)
    (folder / "study.toml").write_text(make_cases.BASE_TOML, encoding="utf-8")
    with pytest.raises(StudyFileError) as info:
        sl.read_study(folder)
    assert (info.value.code, info.value.key) == ("data_path_outside", "study.data")


def test_market_pattern_letters_outside_quotes_only():
    from shelflife.markets.data import _non_calendar_field

    assert _non_calendar_field("d 'de' MMMM 'de' y") is None
    assert _non_calendar_field("yyyy年MM月dd日") is None
    assert _non_calendar_field("dd.MM.YYYY") == "Y"


# ------------------------------------------------------------------- the command line

ERRORS = sorted(c["id"] for c in CASES if c["expect"] == "error")
STUDY_WARNINGS = sorted(
    c["id"] for c in CASES if c["expect"] == "warning" and c["entry"] == "analyze"
)


def cli_args(case: dict[str, Any], folder: Path, out: Path, lang: str) -> list[str]:
    """The command that reads the case's file, writing into ``out`` if it succeeds."""
    target = str(folder / case.get("target", ""))
    base = ["--out", str(out), "--lang", lang]
    entry = case["entry"]
    if entry in ("read_study", "analyze"):
        return ["analyze", target, *base]
    if entry == "read_plan":
        return ["protocol", "schedule", target, *base]
    if entry in ("read_logger", "logger_history"):
        return ["predict", str(BASE_STUDY), "--history", target, *base]
    if entry == "read_market_file":
        return ["label", str(BASE_STUDY), "--market", target, "--produced", "2027-01-15", *base]
    if entry == "read_protocol_file":
        return ["protocol", "show", target, "--lang", lang]
    raise AssertionError(entry)


def _hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.stat().st_size < 2**30  # the sparse 11 GiB file: unchanged size
    }


@pytest.mark.parametrize("case_id", ERRORS)
def test_error_case_through_the_command_line(case_id, tmp_path, capsys):
    """Exit code 2, the error in English and Indonesian, nothing written, inputs unchanged."""
    from shelflife.cli import main

    case = BY_ID[case_id]
    folder = case_folder(case, tmp_path)
    err = run_case(case, folder).error
    before = _hashes(folder)
    for lang, label in (("en", "error"), ("id", "galat")):
        out = tmp_path / f"out-{lang}"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            code = main(cli_args(case, folder, out, lang))
        captured = capsys.readouterr()
        assert code == 2, captured.err
        assert "Traceback" not in captured.err + captured.out
        assert captured.err == f"shelflife: {label}: {err.render(lang)}\n"
        assert not out.exists()
    assert _hashes(folder) == before


@pytest.mark.parametrize("case_id", STUDY_WARNINGS)
def test_data_warning_reaches_the_result_json(case_id, tmp_path, capsys):
    import json

    from shelflife.cli import main

    case = BY_ID[case_id]
    folder = case_folder(case, tmp_path)
    assert main(["analyze", str(folder), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    found = [w for w in result["warnings"] if w["code"] == case["code"]]
    assert found and found[0]["message"] and found[0]["message_id"] != found[0]["message"]


def test_data_warning_reaches_the_report(tmp_path):
    """A reader's notice is shown in the report, in both languages."""
    import html

    import shelflife as sl

    folder = CATALOGUE / "unit-fahrenheit-as-celsius"
    result = sl.analyze(sl.read_study(folder), emit_warnings=False)
    notice = next(n for n in result.notices if n.code == "temperature_maybe_fahrenheit")
    for lang in ("en", "id"):
        page = html.unescape(result.report(lang))
        assert notice.message(lang) in page


def test_logger_gap_reaches_the_history_json(capsys):
    import json

    from shelflife.cli import main

    logger = CATALOGUE / "log-gap" / "logger.csv"
    assert main(["predict", str(BASE_STUDY), "--history", str(logger), "--json"]) == 0
    history = json.loads(capsys.readouterr().out)["history"]
    assert "logger_gap" in [w["code"] for w in history["warnings"]]


@pytest.mark.parametrize("case_id", ["xlsx-declared-huge"])
def test_console_script_without_traceback(case_id, tmp_path):
    """The real process (``python -m shelflife``): exit code 2 and a message, no traceback."""
    import subprocess

    folder = CATALOGUE / case_id
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "shelflife", "analyze", str(folder), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and proc.stderr.startswith("shelflife: error: ")
    assert not out.exists()


if __name__ == "__main__":  # print what every case does now
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for case in CASES:
            folder = case_folder(case, Path(tmp))
            try:
                outcome = run_case(case, folder)
                text = describe(outcome, folder)
            except Exception as exc:  # noqa: BLE001 - a probe shows everything
                text = f"CRASH {type(exc).__name__}: {str(exc)[:200]}"
            want = case["code"] if case["expect"] != "ok" else case["check"]
            mark = "  " if want in text else "!!"
            print(f"{mark} {case['id']:<32} want {case['expect']} {want}\n     got {text}")
