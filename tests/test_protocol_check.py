"""``shelflife protocol check``: the entered data against the plan, and chamber loggers."""

from __future__ import annotations

import csv
import datetime
import importlib.util
import json
import math
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from shelflife.cli import main
from shelflife.errors import InputError, StudyFileError
from shelflife.protocols import new_study, read_plan
from shelflife.protocols.check import (
    PLAUSIBLE_RANGES,
    CheckReport,
    check_study,
    plausible_range,
)
from shelflife.protocols.logger import read_logger

REPO = Path(__file__).resolve().parents[1]
START = "2027-01-04"  # a Monday
R = 8.314462618e-3
SAMPLES = ("keripik-singkong-aslt", "kopi-bubuk-aslt", "sambal-bawang-aslt", "dodol-apel-aslt")

# true values of the simulated sheets: (order, y0, k at 30 °C, Ea, sd)
TRUTH = {
    "moisture": ("zero", 2.5, 0.02, 25.0, 0.08),
    "free_fatty_acid": ("zero", 0.3, 0.006, 60.0, 0.03),
    "peroxide_value": ("first", 1.2, 0.012, 80.0, 0.15),
}


# ------------------------------------------------------------------------------- helpers


def make_study(tmp_path: Path, product: str = "kopi_bubuk", **kw) -> Path:
    folder = tmp_path / "study"
    new_study("aslt-arrhenius", folder, product=product, start=START, **kw)
    return folder


def read_sheet(folder: Path) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader((folder / "data.csv").open(encoding="utf-8", newline="")))
    return rows[0], rows[1:]


def write_sheet(folder: Path, header, body, *, delimiter=",", decimal=".") -> None:
    with (folder / "data.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter, lineterminator="\n")
        writer.writerow(header)
        for row in body:
            writer.writerow([c.replace(".", decimal) if decimal != "." else c for c in row])


def fill(folder: Path, seed: int = 1, upto: float | None = None) -> tuple[list[str], list]:
    """Fill the blank sheet as a lab would: one value per attribute cell, two decimals."""
    header, body = read_sheet(folder)
    rng = np.random.default_rng(seed)
    for j, column in enumerate(header):
        name = column.split(" [")[0]
        if name not in TRUTH:
            continue
        order, y0, k30, ea, sd = TRUTH[name]
        for row in body:
            t, celsius = float(row[0]), float(row[1])
            k = k30 * math.exp(-(ea / R) * (1 / (celsius + 273.15) - 1 / 303.15))
            y = y0 + k * t if order == "zero" else y0 * math.exp(k * t)
            value = y + rng.normal(0.0, sd)
            row[j] = "" if upto is not None and t > upto else f"{value:.2f}"
    write_sheet(folder, header, body)
    return header, body


def find(body, time, temperature, replicate=None) -> int:
    """Index in ``body`` of the row at that time, temperature (and replicate)."""
    for i, row in enumerate(body):
        if float(row[0]) == time and float(row[1]) == temperature:
            if replicate is None or int(row[2]) == replicate:
                return i
    raise AssertionError(f"no row at {time}, {temperature}, {replicate}")


def codes(report: CheckReport, severity: str | None = None) -> list[str]:
    return [f.code for f in report.findings if severity is None or f.severity == severity]


def only(report: CheckReport, code: str):
    found = [f for f in report.findings if f.code == code]
    assert len(found) == 1, (code, codes(report))
    return found[0]


def assert_messages_complete(report: CheckReport) -> None:
    """Every finding renders in both languages, every template field filled, and differs."""
    for f in report.findings:
        en, idn = f.message("en"), f.message("id")
        for text in (en, idn):
            assert "'?'" not in text and " ? " not in text and "(?)" not in text, text
            assert not text.endswith(" ?"), text
        assert en != idn, en


# ---------------------------------------------------------------------------- clean data


def test_a_blank_sheet_is_pending_not_missing(tmp_path):
    folder = make_study(tmp_path)
    report = check_study(folder)
    assert report.ok and report.counts["warning"] == 0
    assert codes(report) == ["check_pending"] * 3 + ["check_analysis_blocked"]
    assert report.data["pulls"] == {"complete": 0, "partial": 0, "missing": 0, "pending": 27}
    assert report.data["rows"] == 0
    assert_messages_complete(report)


def test_a_filled_sheet_matches_its_plan(tmp_path):
    folder = make_study(tmp_path, product="keripik")
    fill(folder)
    report = check_study(folder)
    assert report.findings == ()
    assert report.ok
    assert report.data["pulls"]["complete"] == 27
    assert report.data["values"]["peroxide_value"] == {"entered": 81, "planned": 81}
    text = report.summary_text()
    assert "No problems found" in text and "81 samples" in text


def test_a_study_in_progress_has_pending_pulls_then_missing_ones_as_of_a_date(tmp_path):
    folder = make_study(tmp_path)
    fill(folder, upto=14)
    report = check_study(folder)
    assert report.ok and set(codes(report)) == {"check_pending"}
    pending = {f.params["condition"]: f.params["pulls"] for f in report.findings}
    assert pending == {"50 °C": "6-9", "40 °C": "4-9", "30 °C": "3-9"}
    # on day 23 the pulls of days 17 and 21 are overdue (their windows closed), not day 24
    late = check_study(folder, as_of="2027-01-27")
    missing = [f for f in late.findings if f.code == "check_missing_pull"]
    assert {(f.params["condition"], f.params["pull"]) for f in missing} == {
        ("50 °C", 6),
        ("50 °C", 7),
        ("40 °C", 4),
    }
    assert all(f.severity == "warning" and f.rows for f in missing)
    with pytest.raises(InputError) as err:
        check_study(folder, as_of="03/02/2027")
    assert err.value.code == "start_date_invalid"


def test_semicolon_and_decimal_comma_sheet_from_indonesian_excel(tmp_path):
    folder = make_study(tmp_path)
    header, body = fill(folder)
    write_sheet(folder, header, body, delimiter=";", decimal=",")
    text = (folder / "data.csv").read_text(encoding="utf-8")
    assert "0;50;1;2," in text and "." not in text.split("\n", 1)[1]
    report = check_study(folder)
    assert report.findings == ()


def test_an_excel_sheet_is_checked(tmp_path):
    folder = make_study(tmp_path, xlsx=True)
    wb = openpyxl.load_workbook(folder / "data.xlsx")
    ws = wb["Data"]
    for row in ws.iter_rows(min_row=2):
        row[3].value = 2.5 + 0.02 * row[0].value
    ws.cell(row=5, column=4).value = 250.0  # 2.5 % written as 250 (a unit slip)
    ws.cell(row=9, column=4).value = 25.0  # a decimal slip: 25 for 2.5, an outlier
    wb.save(folder / "data.xlsx")
    report = check_study(folder)
    f = only(report, "check_implausible")  # above 100 %: said once, not also as a unit slip
    assert (f.file, f.row, f.column) == ("data.xlsx", 5, "moisture [%]")
    assert f.severity == "error" and not report.ok
    assert only(report, "check_outlier").row == 9


# ------------------------------------------------------------------------- finding kinds


def test_missing_pull_sample_and_value(tmp_path):
    folder = make_study(tmp_path, product="keripik")
    header, body = fill(folder)
    pv = header.index("peroxide_value [meq/kg]")
    for rep in (1, 2, 3):  # a whole pull left empty
        i = find(body, 21, 40, rep)
        body[i][3:] = ["", "", ""]
    i = find(body, 14, 50, 2)  # one sample empty
    body[i][3:] = ["", "", ""]
    sample_row = i + 2
    i = find(body, 28, 30, 3)  # one value empty
    body[i][pv] = ""
    value_row = i + 2
    del body[find(body, 7, 50, 1)]  # a row deleted from the sheet
    write_sheet(folder, header, body)
    report = check_study(folder)
    assert report.ok  # missing data are warnings
    pull = only(report, "check_missing_pull")
    assert pull.params["pull"] == 4 and pull.params["condition"] == "40 °C"
    assert pull.params["date"] == "2027-01-25" and len(pull.rows) == 3
    samples = [f for f in report.findings if f.code == "check_missing_sample"]
    assert {
        (f.params["condition"], f.params["pull"], f.params["replicates"]) for f in samples
    } == {
        ("50 °C", 5, "2"),
        ("50 °C", 3, "1"),
    }
    assert any(f.row == sample_row - 1 for f in samples)  # one row above: a row was deleted
    value = only(report, "check_missing_value")
    assert value.params["attribute"] == "peroxide_value" and value.params["replicates"] == "3"
    assert (value.row, value.column) == (value_row - 1, "peroxide_value [meq/kg]")
    assert all(f.kind == "missing" for f in [pull, value, *samples])
    assert report.data["pulls"]["missing"] == 1 and report.data["pulls"]["partial"] == 3
    assert_messages_complete(report)


def test_unplanned_temperature_time_and_replicate(tmp_path):
    folder = make_study(tmp_path)
    header, body = fill(folder)
    body.append(["14", "35", "1", "2.70"])  # no 35 °C chamber
    body.append(["14", "35", "2", "2.72"])
    body.append(["10", "40", "1", "2.61"])  # between the pulls of day 7 and 14
    body.append(["200", "30", "1", "6.01"])  # after the end of the plan
    body.append(["7", "40", "4", "2.60"])  # a fourth replicate
    write_sheet(folder, header, body)
    report = check_study(folder)
    n = len(body)
    temp = only(report, "check_unplanned_temperature")
    assert temp.params["n"] == 2 and temp.params["temperature"] == "35"
    assert temp.rows == (n - 3, n - 2) and temp.severity == "warning"
    times = [f for f in report.findings if f.code == "check_unplanned_time"]
    assert [(f.row, f.params["time"], f.params["planned"]) for f in times] == [
        (n - 1, "10", "7"),
        (n, "200", "112"),
    ]
    rep = only(report, "check_unplanned_replicate")
    assert (rep.row, rep.column, rep.params["value"]) == (n + 1, "replicate", 4)
    assert {f.kind for f in report.findings} == {"unplanned"}
    assert report.ok
    assert_messages_complete(report)


def test_pull_outside_its_window(tmp_path):
    folder = make_study(tmp_path)
    header, body = fill(folder)
    i = find(body, 21, 40, 1)
    body[i][0] = "24"  # pulled three days late (window: one day)
    write_sheet(folder, header, body)
    report = check_study(folder)
    f = only(report, "check_out_of_window")
    assert (f.row, f.column, f.kind, f.severity) == (
        i + 2,
        "time [day]",
        "out_of_window",
        "warning",
    )
    assert f.params["pull"] == 4 and f.params["low"] == "20" and f.params["high"] == "22"
    assert f.params["date"] == "2027-01-25"
    assert codes(report) == ["check_out_of_window"]  # the pull is not also missing
    assert report.data["pulls"]["complete"] == 27


def test_duplicated_rows(tmp_path):
    folder = make_study(tmp_path)
    header, body = fill(folder)
    i = find(body, 14, 50, 2)
    body.insert(i + 1, list(body[i]))  # copied row
    j = find(body, 28, 30, 1)
    body.append([*body[j][:3], "9.99"])  # same sample, another value
    write_sheet(folder, header, body)
    report = check_study(folder)
    same = only(report, "check_duplicate_row")
    assert same.rows == (i + 2, i + 3) and same.severity == "error"
    other = only(report, "check_duplicate_conflict")
    assert other.rows == (j + 2, len(body) + 1)
    assert other.params["condition"] == "30 °C" and other.params["replicate"] == 1
    assert not report.ok
    assert_messages_complete(report)


def test_implausible_values_and_text_in_number_cells(tmp_path):
    folder = make_study(tmp_path, product="keripik")
    header, body = fill(folder)
    body[3][3] = "150"  # moisture above 100 %
    body[4][5] = "-1.2"  # negative peroxide value
    body[5][4] = "n.d."  # not a number
    body[6][1] = "400"  # not a storage temperature
    write_sheet(folder, header, body)
    report = check_study(folder)
    hi = [f for f in report.findings if f.code == "check_implausible"]
    assert [(f.row, f.column, f.params["value"]) for f in hi] == [
        (5, "moisture [%]", "150"),
        (6, "peroxide_value [meq/kg]", "-1.2"),
    ]
    assert hi[0].params["high"] == "100" and hi[1].params["high"] == "∞"
    text = only(report, "cell_not_numeric")
    assert (text.row, text.column, text.params["value"]) == (7, "free_fatty_acid [%]", "n.d.")
    temp = only(report, "temperature_implausible")
    assert (temp.row, temp.column) == (8, "temperature [°C]")
    assert not report.ok
    assert "check_analysis_blocked" not in codes(report)  # already said in the sheet's terms
    assert_messages_complete(report)


def test_plausible_ranges_are_public():
    assert PLAUSIBLE_RANGES["%"] == (0.0, 100.0)
    assert plausible_range("moisture", "%") == (0.0, 100.0)
    assert plausible_range("peroxide_value", "meq/kg") == (0.0, None)
    assert plausible_range("aw", "") == (0.0, 1.0)
    assert plausible_range("colour_L", "") is None


def test_unit_mismatch_missing_unit_fractions_and_a_value_100_times_off(tmp_path):
    folder = make_study(tmp_path, product="keripik")
    header, body = fill(folder)
    header[3] = "moisture [g/kg]"  # the plan measures moisture in %
    header[5] = "peroxide_value"  # no unit
    for row in body:  # free fatty acids entered as fractions
        row[4] = f"{float(row[4]) / 100:.4f}"
    write_sheet(folder, header, body)
    report = check_study(folder)
    mismatch = only(report, "check_unit_mismatch")
    assert (mismatch.column, mismatch.severity, mismatch.kind) == (
        "moisture [g/kg]",
        "error",
        "unit",
    )
    assert mismatch.params["plan_unit"] == "%" and mismatch.params["header_unit"] == "g/kg"
    no_unit = only(report, "check_unit_not_in_header")
    assert no_unit.column == "peroxide_value" and no_unit.severity == "warning"
    fraction = only(report, "check_scale_fraction")
    assert fraction.column == "free_fatty_acid [%]"
    assert "check_scale_value_small" not in codes(report)
    assert_messages_complete(report)

    folder2 = make_study(tmp_path / "b")
    header, body = fill(folder2)
    i = find(body, 42, 40, 2)
    body[i][3] = f"{float(body[i][3]) / 100:.4f}"  # one value entered as a fraction
    write_sheet(folder2, header, body)
    report = check_study(folder2)
    small = only(report, "check_scale_value_small")
    assert (small.row, small.column, small.params["factor"]) == (i + 2, "moisture [%]", "100")
    assert "check_outlier" not in codes(report)  # said once, as a unit slip

    folder3 = make_study(tmp_path / "c", product="keripik")
    header, body = fill(folder3)
    pv = header.index("peroxide_value [meq/kg]")
    i = find(body, 14, 40, 3)
    body[i][pv] = f"{float(body[i][pv]) * 100:.0f}"  # 1.71 meq/kg typed as 171
    write_sheet(folder3, header, body)
    large = only(check_study(folder3), "check_scale_value_large")
    assert (large.row, large.params["factor"], large.severity) == (i + 2, "100", "error")


def test_suspected_outlier_among_replicates(tmp_path):
    folder = make_study(tmp_path)
    header, body = fill(folder, seed=3)
    i = find(body, 35, 40, 2)
    good = [body[find(body, 35, 40, r)][3] for r in (1, 3)]
    body[i][3] = f"{float(body[i][3]) + 1.5:.2f}"  # a typo: 3.98 for 2.48
    write_sheet(folder, header, body)
    report = check_study(folder)
    f = only(report, "check_outlier")
    assert (f.row, f.column, f.kind, f.severity) == (i + 2, "moisture [%]", "outlier", "warning")
    assert f.params["others"] == ", ".join(good) and f.params["z"] > 4.5
    assert f.params["replicate"] == 2 and f.params["pull"] == 6
    assert report.ok


def test_two_replicates_that_disagree(tmp_path):
    folder = tmp_path / "q10"
    new_study("q10-screening", folder, product="kopi_bubuk", start=START)
    header, body = fill(folder)
    i = find(body, 14, 45, 1)
    body[i][3] = f"{float(body[i][3]) + 2.0:.2f}"
    write_sheet(folder, header, body)
    report = check_study(folder)
    f = only(report, "check_replicates_disagree")
    assert f.rows == (i + 2, i + 3) and f.params["condition"] == "45 °C"


def test_missing_columns_and_a_sheet_that_is_not_the_plan(tmp_path):
    folder = make_study(tmp_path, product="keripik")
    (folder / "data.csv").write_text(
        "waktu (hari);ulangan;berat [g];catatan\n0;1;250;ok\n7;1;249;\n", encoding="utf-8"
    )
    report = check_study(folder)
    missing = [f for f in report.findings if f.code == "check_column_missing"]
    assert [f.params["what"] for f in missing] == [
        "temperature",
        "moisture",
        "free_fatty_acid",
        "peroxide_value",
    ]
    assert "suhu" in missing[0].message("id")
    ignored = only(report, "check_column_ignored")
    assert "'berat [g]'" in ignored.params["names"]
    assert not report.ok
    assert_messages_complete(report)


# ----------------------------------------------------------------------- never crash


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"   \n\n",
        b"time [day],temperature [\xc2\xb0C],replicate,moisture [%]\n",
        b"\x00\x01\x02binary\xff\xfe",
        b"PK\x03\x04not really a zip",
        "\u00e9\u00e8;;;\n;;\n".encode("utf-16"),
        b'"unclosed,quote\n1,2,3\n',
    ],
)
def test_check_never_crashes_on_a_broken_file(tmp_path, content):
    folder = make_study(tmp_path)
    (folder / "data.csv").write_bytes(content)
    report = check_study(folder)
    assert isinstance(report, CheckReport)
    assert "check_internal" not in codes(report)
    assert not report.ok or report.findings
    json.loads(report.to_json())
    report.summary_text("id")
    report.table()


def test_check_never_crashes_on_random_cells(tmp_path):
    folder = make_study(tmp_path, product="keripik")
    header, body = read_sheet(folder)
    rng = np.random.default_rng(42)
    alphabet = list("0123456789.,-+eE abc%;'\"°\t") + ["", "NaN", "inf", "1e400", "—", "٣"]
    for seed in range(5):
        rows = []
        for _ in range(40):
            n = int(rng.integers(0, 9))
            rows.append(["".join(rng.choice(alphabet, size=rng.integers(0, 6))) for _ in range(n)])
        cols = [*header[: int(rng.integers(0, len(header) + 1))], "x", ""]
        write_sheet(folder, cols, rows)
        report = check_study(folder)
        assert "check_internal" not in codes(report), seed
        json.loads(report.to_json())
        assert_messages_complete(report)
    # the sheet's own rows with garbage in the value cells
    for row in body:
        row[3:] = ["".join(rng.choice(alphabet, size=4)) for _ in row[3:]]
    write_sheet(folder, header, body)
    report = check_study(folder)
    assert "check_internal" not in codes(report)
    assert_messages_complete(report)


def test_a_missing_data_file_is_a_finding_but_a_missing_study_raises(tmp_path):
    folder = make_study(tmp_path)
    (folder / "data.csv").unlink()
    report = check_study(folder)
    f = only(report, "file_not_found")
    assert f.file == "data.csv" and f.severity == "error"
    with pytest.raises(StudyFileError) as err:
        check_study(tmp_path / "nowhere")
    assert err.value.code == "file_not_found"
    with pytest.raises(StudyFileError) as err:
        check_study(REPO / "sample_data" / "keripik-tempe")
    assert err.value.code == "study_no_protocol"
    assert main(["protocol", "check", str(tmp_path / "nowhere")]) == 2


# ------------------------------------------------------------------ JSON, CLI, languages


def test_json_is_deterministic_and_complete(tmp_path, capsys):
    folder = make_study(tmp_path)
    header, body = fill(folder)
    body[10][3] = "abc"
    body.append(list(body[0]))
    write_sheet(folder, header, body)
    first = check_study(folder).to_json()
    assert check_study(folder).to_json() == first
    data = json.loads(first)
    assert set(data) == {
        "study",
        "data_file",
        "ok",
        "counts",
        "plan",
        "data",
        "findings",
        "loggers",
    }
    assert data["ok"] is False and data["counts"]["error"] == 2
    f = data["findings"][0]
    assert set(f) == {
        "code",
        "severity",
        "kind",
        "file",
        "row",
        "rows",
        "column",
        "message",
        "message_id",
        "params",
    }
    assert str(tmp_path) not in first  # no machine-specific paths
    assert main(["protocol", "check", str(folder), "--json"]) == 0
    out1 = capsys.readouterr().out
    assert main(["protocol", "check", str(folder), "--json"]) == 0
    assert capsys.readouterr().out == out1 == first


def test_cli_exit_code_is_zero_whatever_the_findings(tmp_path, capsys):
    folder = make_study(tmp_path)
    header, body = fill(folder)
    body[3][3] = "250"
    write_sheet(folder, header, body)
    assert main(["protocol", "check", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "ERROR" in out and "row 5, column 'moisture [%]'" in out
    assert "Correct the errors before the analysis." in out


def test_indonesian_output(tmp_path, capsys):
    folder = make_study(tmp_path)
    header, body = fill(folder)
    body[3][3] = "250"
    del body[20]
    write_sheet(folder, header, body)
    assert main(["protocol", "check", str(folder), "--lang", "id"]) == 0
    out = capsys.readouterr().out
    assert "Pemeriksaan protokol" in out and "GALAT" in out and "PERINGATAN" in out
    assert "baris 5, kolom 'moisture [%]'" in out
    assert "di luar rentang wajar" in out and "tidak ada nilai untuk ulangan" in out.lower()
    assert "Perbaiki galat sebelum analisis." in out
    table = check_study(folder, lang="id").table()
    assert list(table.columns) == ["severity", "kind", "code", "file", "row", "column", "message"]
    assert "rentang wajar" in table.loc[0, "message"]
    assert str(table["row"].dtype) == "Int64"


# -------------------------------------------------------------------------------- loggers


def elitech(path: Path, setpoint: float, *, hours: int, start=START, events=()) -> Path:
    """An Elitech-like export: metadata block, ';' separator, decimal commas, latin-1."""
    t0 = datetime.datetime.fromisoformat(start)
    lines = [
        "Model:;RC-5",
        "Logger ID:;EL0001",
        "Timezone:;UTC +07:00",
        "Logging Interval:;30Min",
        f"Maximum:;{setpoint + 0.5:.1f}°C".replace(".", ","),
        "",
        "No.;Time;°C;%RH",
    ]
    events = dict(events)
    n = 0
    for h in range(hours * 2):
        stamp = t0 + datetime.timedelta(minutes=30 * h)
        value = events.get(h, setpoint + 0.2 * math.sin(h / 5))
        if value == "gap":
            continue
        n += 1
        text = "NC" if value == "NC" else f"{value:.1f}".replace(".", ",")
        lines.append(f"{n};{stamp:%d-%m-%Y %H:%M:%S};{text};55,0")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("latin-1"))
    return path


def test_read_logger_formats(tmp_path):
    log = read_logger(elitech(tmp_path / "e.txt", 40.0, hours=3))
    assert (log.delimiter, log.decimal, log.unit, log.timezone) == (";", ",", "°C", "UTC+07:00")
    assert log.meta["Logger ID"] == "EL0001" and log.header_row == 7
    assert list(log.readings.index[:2]) == [8, 9] and log.interval == 1800.0
    assert str(log.readings["timestamp"].iloc[0]) == "2027-01-04 00:00:00"

    easy = tmp_path / "easylog.csv"
    easy.write_text(
        "Chamber 40,Time,Celsius(°F),Humidity(%rh),Dew Point(°F),Serial Number\n"
        "1,2027-01-04 00:00:00,104.0,55.0,80.1,012345678\n2,2027-01-04 01:00:00,104.9,55.0,80.1\n",
        encoding="utf-8",
    )
    log = read_logger(easy)
    assert log.unit == "°F" and log.readings["temperature_C"].round(3).tolist() == [40.0, 40.5]

    hobo = tmp_path / "hobo.csv"
    hobo.write_text(
        'Plot Title: chamber 30\n"#","Date Time, GMT-07:00","Temp, °C (LGR S/N: 1)",'
        '"Host Connected"\n1,01/05/27 11:00:00 PM,30.1,\n2,01/05/27 11:30:00 PM,,Logged\n'
        "3,01/06/27 12:00:00 AM,30.2,\n",
        encoding="utf-8",
    )
    log = read_logger(hobo)
    assert log.timezone == "UTC-07:00"
    assert [str(t) for t in log.readings["timestamp"]] == [
        "2027-01-05 23:00:00",
        "2027-01-06 00:00:00",
    ]  # month first, and the event line is not a reading


@pytest.mark.parametrize(
    ("text", "code", "row"),
    [
        (
            "Time,Temp (°C)\n2027-01-04 00:00,40\n2027-01-04 01:00,40\n2027-01-04 00:30,40\n",
            "logger_time_not_increasing",
            4,
        ),
        ("Time,Temp (°C)\n2027-01-04 00:00,40\n,40\n", "logger_time_missing", 3),
        ("Time,Temp (°C)\n2027-01-04 00:00,40\nyesterday 3pm,40\n", "logger_time_invalid", 3),
        ("Time,Temp\n2027-01-04 00:00,40\n", "logger_unit_missing", None),
        ("just,some\nwords,here\n", "logger_no_header", None),
        ("", "file_empty", None),
    ],
)
def test_read_logger_refuses_with_a_located_coded_error(tmp_path, text, code, row):
    path = tmp_path / "logger.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_logger(path)
    assert err.value.code == code and err.value.row == row
    assert err.value.render("id") != err.value.render("en")


def test_logger_deviation_from_set_point(tmp_path):
    folder = make_study(tmp_path)
    fill(folder)
    events = {h: 44.6 for h in range(100, 112)}  # 6 h too hot
    events |= {h: "gap" for h in range(300, 320)}  # 10 h without readings
    events[400] = "NC"
    hot = elitech(tmp_path / "chamber40.txt", 40.0, hours=57 * 24, events=events)
    cold = elitech(tmp_path / "chamber30.txt", 31.3, hours=113 * 24)
    report = check_study(folder, loggers=[hot, cold])
    assert report.ok
    excursion = only(report, "check_logger_excursion")
    assert excursion.file == "chamber40.txt" and excursion.severity == "warning"
    assert excursion.params["condition"] == "40 °C" and excursion.params["hours"] == 6.0
    assert excursion.params["start"] == "2027-01-06 02:00" and excursion.params["extreme"] == 44.6
    gap = only(report, "check_logger_gap")
    assert gap.params["longest"] == 10.5 and gap.params["start"] == "2027-01-10 05:30"
    off = only(report, "check_logger_mean_off")
    assert off.file == "chamber30.txt" and off.params["delta"] == 1.3
    none = only(report, "check_logger_none")
    assert none.params["condition"] == "50 °C" and none.file is None
    summaries = {s["file"]: s for s in report.loggers}
    assert summaries["chamber40.txt"]["chamber"] == "40 °C"
    assert summaries["chamber40.txt"]["missing_readings"] == 1
    assert summaries["chamber30.txt"]["chamber"] == "30 °C"
    assert abs(summaries["chamber30.txt"]["mean"] - 31.3) < 0.05
    assert summaries["chamber30.txt"]["mkt"] >= summaries["chamber30.txt"]["mean"]
    assert_messages_complete(report)
    # the CLI: several loggers after one --logger; an unreadable one is bad input (exit 2)
    assert main(["protocol", "check", str(folder), "--logger", str(hot), str(cold)]) == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("Time,Temp (°C)\n2027-01-04 01:00,40\n2027-01-04 00:00,40\n", encoding="utf-8")
    assert main(["protocol", "check", str(folder), "--logger", str(bad)]) == 2


def test_a_logger_of_another_chamber_or_period(tmp_path):
    folder = make_study(tmp_path)
    fill(folder)
    other = elitech(tmp_path / "fridge.txt", 5.0, hours=48)
    old = elitech(tmp_path / "old.txt", 40.0, hours=48, start="2025-01-01")
    report = check_study(folder, loggers=[other, old])
    assert only(report, "check_logger_unmatched").params["mean"] == 5.0
    assert only(report, "check_logger_no_overlap").params["first"] == "2025-01-01 00:00"
    short = check_study(folder, loggers=[elitech(tmp_path / "short.txt", 50.0, hours=48)])
    cover = only(short, "check_logger_coverage")
    assert cover.params["last"] == "2027-01-05 23:30" and cover.params["end"] == "2027-02-01"


# -------------------------------------------------------------------------- sample studies


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_studies_pass_the_check_and_the_analysis(tmp_path, name):
    folder = REPO / "sample_data" / name
    plan = read_plan(folder)
    assert plan.protocol.product is not None
    report = check_study(folder)
    assert report.ok and report.counts["error"] == 0
    expected = ["check_missing_sample"] if name == "dodol-apel-aslt" else []
    assert codes(report) == expected
    if name == "kopi-bubuk-aslt":
        loggers = sorted((folder / "loggers").iterdir())
        logged = check_study(folder, loggers=loggers)
        assert codes(logged, "warning") == ["check_logger_excursion"]
        assert {s["chamber"] for s in logged.loggers} == {"50 °C", "40 °C", "30 °C"}
    assert main(["analyze", str(folder), "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "result.json").is_file()


def test_sample_generator_is_byte_identical(tmp_path):
    spec = importlib.util.spec_from_file_location(
        "make_protocol_samples", REPO / "scripts" / "make_protocol_samples.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.OUT = tmp_path
    module.main()
    for name in SAMPLES:
        made = sorted(p.relative_to(tmp_path / name) for p in (tmp_path / name).rglob("*"))
        shipped = sorted(
            p.relative_to(REPO / "sample_data" / name)
            for p in (REPO / "sample_data" / name).rglob("*")
        )
        assert made == shipped, name
        for rel in made:
            if (tmp_path / name / rel).is_file():
                a = (tmp_path / name / rel).read_bytes()
                assert a == (REPO / "sample_data" / name / rel).read_bytes(), rel


# ----------------------------------------------------------------------------- done means


def test_a_lab_goes_from_protocol_new_to_a_report(tmp_path, capsys):
    """Issue 4, done means: protocol new -> fill the sheet -> protocol check -> analyze."""
    folder = tmp_path / "keripik-singkong"
    assert (
        main(
            [
                "protocol",
                "new",
                "aslt-arrhenius",
                "--product",
                "Keripik singkong, PP bag",
                "--start",
                START,
                "--out",
                str(folder),
            ]
        )
        == 0
    )
    assert "protocol check" not in capsys.readouterr().err

    # the lab fills the blank sheet, one measurement per cell, in the order of the rows
    with (folder / "data.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    header, body = rows[0], rows[1:]
    rng = np.random.default_rng(20270104)
    for row in body:
        for j, column in enumerate(header):
            name = column.split(" [")[0]
            if name in TRUTH:
                order, y0, k30, ea, sd = TRUTH[name]
                t, celsius = float(row[0]), float(row[1])
                k = k30 * math.exp(-(ea / R) * (1 / (celsius + 273.15) - 1 / 303.15))
                y = y0 + k * t if order == "zero" else y0 * math.exp(k * t)
                row[j] = f"{y + rng.normal(0, sd):.2f}"
    with (folder / "data.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows([header, *body])

    assert main(["protocol", "check", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Result: 0 error(s), 0 warning(s)" in out and "No problems found" in out
    assert main(["protocol", "check", str(folder), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True

    result = tmp_path / "result"
    assert main(["analyze", str(folder), "--out", str(result)]) == 0
    assert (result / "result.json").is_file() and (result / "report.html").is_file()
    data = json.loads((result / "result.json").read_text(encoding="utf-8"))
    assert {a["name"] for a in data["attributes"]} == {
        "moisture",
        "free_fatty_acid",
        "peroxide_value",
    }
