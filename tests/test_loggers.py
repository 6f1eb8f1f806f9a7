"""Data-logger readers (``shelflife.loggers``): every vendor style and every nasty case.

All files are generated here, in ``tmp_path``; the expected line numbers are those a text
editor shows (1-based).
"""

import datetime
import json
import math
import subprocess
import sys
import warnings
import zipfile

import numpy as np
import pytest

from shelflife.errors import InputError, Notice, ShelfLifeWarning, UnitError
from shelflife.loggers import LoggerData, read_logger, sniff_logger
from shelflife.loggers.formats import parse_timezone, temperature_unit, timezone_argument
from shelflife.messages import MESSAGES
from shelflife.profiles import TemperatureProfile, mean_kinetic_temperature

T0 = datetime.datetime(2027, 3, 20, 0, 0)  # day 20: day-first vs month-first is decidable


def stamps(n, minutes=30, start=T0):
    return [start + datetime.timedelta(minutes=minutes * i) for i in range(n)]


def comma(x, digits=1):
    return f"{x:.{digits}f}".replace(".", ",")


def read(path, **kwargs):
    """read_logger without the warnings (the notices are asserted instead)."""
    return read_logger(path, emit_warnings=False, **kwargs)


def codes(log):
    return [n.code for n in log.notices]


def notice(log, code):
    found = [n for n in log.notices if n.code == code]
    assert len(found) == 1, codes(log)
    return found[0]


def refused(path, **kwargs):
    with pytest.raises(InputError) as err:
        read(path, **kwargs)
    assert err.value.render("id") != err.value.render("en")
    return err.value


# ------------------------------------------------------------------------------ writers
ELITECH_META = [
    "Model:\tRC-5",
    "Logger ID:\tEL27050A",
    "Firmware Version:\tV4.3",
    "Trip Code:\tKB-2027-50",
    "Trip Description:\tKopi bubuk, chamber 50 °C",
    "Logging Interval:\t30Min",
    "Timezone:\tUTC +07:00",
]


def elitech_text(temps, *, rh=None, times=None, meta=None, extra_meta=()):
    """Elitech text export: metadata block, ``No.\\tTime\\t\\t°C\\t%RH``, decimal commas."""
    times = times or stamps(len(temps))
    lines = list(meta if meta is not None else ELITECH_META) + list(extra_meta)
    lines += ["", "No.\tTime\t\t°C" + ("\t%RH" if rh is not None else "")]
    for i, (t, v) in enumerate(zip(times, temps, strict=True)):
        cell = v if isinstance(v, str) else comma(v)
        row = f"{i + 1}\t{t:%d-%m-%Y}\t{t:%H:%M:%S}\t{cell}"
        if rh is not None:
            r = rh[i]
            row += "\t" + (r if isinstance(r, str) else comma(r))
        lines.append(row)
    return "\r\n".join(lines) + "\r\n"


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def easylog_text(temps, *, unit="°C", rh=None, times=None, name="Chamber 40"):
    times = times or stamps(len(temps))
    head = f"{name},Time,Celsius({unit})"
    head += ",Humidity(%rh),Dew Point(" + unit + ")" if rh is not None else ""
    head += ",Serial Number"
    lines = [head]
    for i, (t, v) in enumerate(zip(times, temps, strict=True)):
        cells = [str(i + 1), f"{t:%Y-%m-%d %H:%M:%S}", v if isinstance(v, str) else f"{v:.1f}"]
        if rh is not None:
            cells += [f"{rh[i]:.1f}", "20.0"]
        if i == 0:
            cells.append("012345678")
        lines.append(",".join(cells))
    return "\n".join(lines) + "\n"


def hobo_text(temps, *, times=None, zone="GMT-07:00", events=None, fmt="%m/%d/%y %I:%M:%S %p"):
    times = times or stamps(len(temps))
    lines = [
        "Plot Title: chamber 30",
        f'"#","Date Time, {zone}","Temp, °C (LGR S/N: 20273001, SEN S/N: 20273001)",'
        '"Host Connected","End of File"',
    ]
    events = events or {}
    for i, (t, v) in enumerate(zip(times, temps, strict=True)):
        lines.append(f"{i + 1},{t.strftime(fmt)},{v:.2f},,")
        if i in events:
            lines.append(f",{t.strftime(fmt)},,{events[i]},")
    return "\n".join(lines) + "\n"


# =============================================================================== styles
def test_elitech_latin1_decimal_comma_and_nc(tmp_path):
    temps = [50.1, 50.3, "NC", 49.8, 50.0]
    path = write(tmp_path / "e.txt", elitech_text(temps, rh=[55.0] * 5), "latin-1")
    log = read(path)
    assert (log.format, log.encoding, log.delimiter, log.decimal) == (
        "elitech",
        "cp1252",
        "\t",
        ",",
    )
    assert log.timezone == "UTC+07:00" and log.serial == "EL27050A"
    assert log.header_row == 9 and log.meta["Trip Code"] == "KB-2027-50"
    assert list(log.readings.index) == [10, 11, 12, 13, 14]
    temp = log.readings["temperature_C"]
    assert temp.iloc[0] == 50.1 and math.isnan(temp.iloc[2]) and log.missing == 1
    assert log.readings["rh_percent"].tolist() == [55.0] * 5
    assert str(log.readings["timestamp"].iloc[1]) == "2027-03-20 00:30:00"
    assert log.interval == 1800.0 and log.notices == ()
    assert log.columns == {"time": "Time", "clock": "", "temperature": "°C", "rh": "%RH"}
    # the old import path still works
    from shelflife.protocols.logger import LoggerData as Old
    from shelflife.protocols.logger import read_logger as old

    assert Old is LoggerData and old is read_logger


def test_utf16_with_bom(tmp_path):
    text = easylog_text([30.0, 30.5, 31.0], rh=[50.0, 51.0, 52.0])
    path = write(tmp_path / "utf16.csv", text, "utf-16")  # writes a BOM
    assert path.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    log = read(path)
    assert log.encoding == "utf-16" and log.format == "easylog"
    assert log.readings["temperature_C"].tolist() == [30.0, 30.5, 31.0]
    assert log.readings["rh_percent"].tolist() == [50.0, 51.0, 52.0]
    # UTF-16 without a BOM (little endian) too
    bare = tmp_path / "utf16le.csv"
    bare.write_bytes(text.encode("utf-16-le"))
    assert read(bare).readings["temperature_C"].tolist() == [30.0, 30.5, 31.0]


def test_xls_that_is_tab_separated_text(tmp_path):
    rows = stamps(4, minutes=60)
    lines = [
        ">>Logger: TH-Datalogger V2",
        ">>Serial: 4711",
        "-----------------------------------------------",
        "NO.\tDATE\tTIME\tTEMP(°C)\tHUMI(%RH)\tDEW(°C)",
        "-----------------------------------------------",
    ]
    for i, t in enumerate(rows):
        lines.append(
            f"{i + 1}\t{t:%d-%m-%Y}\t{t:%H:%M:%S}\t{comma(21.5 + i)}\t{comma(48.25, 2)}\t10,3"
        )
    path = write(tmp_path / "export.xls", "\r\n".join(lines) + "\r\n", "cp1252")
    log = read(path)
    assert log.format == "generic" and log.decimal == "," and log.header_row == 4
    assert log.columns["time"] == "DATE" and log.columns["clock"] == "TIME"
    assert log.readings["temperature_C"].tolist() == [21.5, 22.5, 23.5, 24.5]
    assert log.readings["rh_percent"].iloc[0] == 48.25
    assert list(log.readings.index) == [6, 7, 8, 9]
    assert str(log.readings["timestamp"].iloc[-1]) == "2027-03-20 03:00:00"


def test_easylog_fahrenheit(tmp_path):
    temps_f = [104.0, 104.9, 95.0]
    path = write(tmp_path / "easy.csv", easylog_text(temps_f, unit="°F", rh=[55.0] * 3))
    log = read(path)
    assert log.format == "easylog" and log.unit == "°F" and log.serial == "012345678"
    assert log.readings["temperature_C"].round(6).tolist() == [40.0, 40.5, 35.0]
    assert log.timezone is None


def test_hobo_am_pm_month_first_and_event_lines(tmp_path):
    times = [
        datetime.datetime(2027, 1, 5, 23, 0) + datetime.timedelta(minutes=30 * i) for i in range(4)
    ]
    path = write(
        tmp_path / "hobo.csv",
        hobo_text([30.1, 30.2, 30.3, 30.4], times=times, events={1: "Logged"}),
    )
    log = read(path)
    assert log.format == "hobo" and log.timezone == "UTC-07:00" and log.serial == "20273001"
    assert [str(t) for t in log.readings["timestamp"]] == [
        "2027-01-05 23:00:00",
        "2027-01-05 23:30:00",
        "2027-01-06 00:00:00",
        "2027-01-06 00:30:00",
    ]
    assert list(log.readings.index) == [3, 4, 6, 7]  # line 5 is the event line
    assert log.meta["Plot Title"] == "chamber 30"


def test_hobo_after_excel_resave(tmp_path):
    # Excel writes %m/%d/%Y %H:%M without leading zeros: widths vary from line to line
    times = [datetime.datetime(2027, 1, 9, 20, 0) + datetime.timedelta(hours=i) for i in range(30)]
    lines = ['"#","Date Time, GMT+07:00","Temp, °C (LGR S/N: 9)"']
    for i, t in enumerate(times):
        lines.append(f"{i + 1},{t.month}/{t.day}/{t.year} {t.hour}:{t:%M},{25 + i / 10:.1f}")
    log = read(write(tmp_path / "resaved.csv", "\n".join(lines) + "\n"))
    assert log.format == "hobo" and log.notices == ()
    ts = log.readings["timestamp"]
    assert str(ts.iloc[0]) == "2027-01-09 20:00:00" and str(ts.iloc[-1]) == "2027-01-11 01:00:00"
    assert (ts.diff().dropna() == np.timedelta64(1, "h")).all()


def test_hobomobile(tmp_path):
    lines = ['"#","Date Time - GMT +01:00","Temp, (*C)","RH, (%)"']
    for i, t in enumerate(stamps(3, minutes=15)):
        lines.append(f"{i + 1},{t:%m/%d/%Y %H:%M:%S},{20 + i:.2f},{60 + i:.1f}")
    log = read(write(tmp_path / "mobile.csv", "\n".join(lines) + "\n"))
    assert log.format == "hobo" and log.timezone == "UTC+01:00" and log.unit == "°C"
    assert log.readings["rh_percent"].tolist() == [60.0, 61.0, 62.0]


def test_newer_hobo_with_event_columns(tmp_path):
    head = (
        "#,Date-Time (PST),Ch: 1 - Temperature   (°C),Ch: 2 - RH   (%),Dew Point   (°C),"
        "Host Connected,End of File"
    )
    lines = [head]
    for i, t in enumerate(stamps(4, minutes=10)):
        lines.append(f"{i + 1},{t:%m/%d/%Y %H:%M:%S},{22.39 + i:.2f},{58.521:.3f},13.88,,")
    lines.append(f"5,{stamps(5, minutes=10)[-1]:%m/%d/%Y %H:%M:%S},,,,,Logged")
    log = read(write(tmp_path / "new.csv", "\n".join(lines) + "\n"))
    assert log.format == "hobo" and log.timezone == "UTC-08:00"
    assert len(log.readings) == 4 and log.readings["rh_percent"].iloc[0] == 58.521
    assert log.columns["temperature"] == "Ch: 1 - Temperature   (°C)"


def test_invalid_utf8_degree_sign(tmp_path):
    body = "\n".join(
        f"{i + 1},{t:%m/%d/%y %I:%M:%S %p},{30 + i:.2f}" for i, t in enumerate(stamps(3))
    )
    data = b'"#","Date Time, GMT-05:00","Temp, \xb0C (LGR S/N: 1)"\n' + body.encode() + b"\n"
    log = read(write_bytes(tmp_path / "deg.csv", data))
    assert log.unit == "°C" and log.encoding == "cp1252"
    # a valid UTF-8 degree next to an invalid byte elsewhere in the file
    data = "Tempat: Lab \u00b5\n".encode() + b"Time;Suhu (\xb0C)\n2027-03-20 08:00;30,5\n"
    data = data.replace("\u00b5".encode(), b"\xb5") + "Catatan: °C\n".encode()
    log = read(write_bytes(tmp_path / "mixed.csv", data))
    assert log.unit == "°C" and log.readings["temperature_C"].tolist() == [30.5]


def write_bytes(path, data):
    path.write_bytes(data)
    return path


def test_generic_semicolon_with_wib_and_split_columns(tmp_path):
    lines = ["Tanggal;Jam;Suhu (°C);RH (%)"]
    for t in stamps(3, minutes=60):
        lines.append(f"{t:%d/%m/%Y};{t:%H:%M};27,5;70")
    log = read(write(tmp_path / "lab.csv", "\n".join(lines) + "\n"))
    assert log.format == "generic" and log.columns["clock"] == "Jam"
    assert str(log.readings["timestamp"].iloc[2]) == "2027-03-20 02:00:00"
    lines[0] = "Waktu (WIB);Suhu (°C)"
    lines[1:] = [f"{t:%Y-%m-%d %H:%M};28,0" for t in stamps(3)]
    log = read(write(tmp_path / "wib.csv", "\n".join(lines) + "\n"))
    assert log.timezone == "UTC+07:00"


@pytest.mark.parametrize(
    ("texts", "label"),
    [
        (["Date Time, GMT-07:00"], "UTC-07:00"),
        (["Timezone:\tUTC +07:00"], "UTC+07:00"),
        (["Waktu (WIB)"], "UTC+07:00"),
        (["Date-Time (PST)"], "UTC-08:00"),
        (["Date-Time (PST/PDT)"], "PST/PDT"),
        (["Date Time - GMT +01:00"], "UTC+01:00"),
        (["Time"], None),
    ],
)
def test_time_zone_from_header(texts, label):
    zone = parse_timezone(texts)
    assert (zone.label if zone else None) == label


def test_units_of_temperature_headers():
    assert temperature_unit("Celsius(°F)")[0] == "°F"
    assert temperature_unit("Temp, (*C)")[0] == "°C"
    assert temperature_unit("Temp, \ufffdC")[0] == "°C"
    assert temperature_unit("Suhu (oC)")[0] == "°C"
    assert temperature_unit("Temperature (K)")[0] == "K"
    assert temperature_unit("Temp") == (None, "")
    assert temperature_unit("Temp (°R)") == (None, "°R")


# ========================================================================= nasty cases
def csv_file(tmp_path, text, name="logger.csv"):
    return write(tmp_path / name, text)


def generic(values, *, times=None, head="Time,Temp (°C)"):
    times = times or stamps(len(values))
    rows = [
        f"{t:%Y-%m-%d %H:%M}," + (v if isinstance(v, str) else f"{v:g}")
        for t, v in zip(times, values, strict=True)
    ]
    return head + "\n" + "\n".join(rows) + "\n"


@pytest.mark.parametrize(
    ("text", "code", "row", "column"),
    [
        ("No.;Temp (°C);RH (%)\n1;25,0;50\n2;25,1;50\n", "logger_no_time_column", 1, None),
        ("Time,Humidity(%rh)\n2027-03-20 00:00,50\n", "logger_no_temperature_column", 1, None),
        ("Time,Temp (°C)\n2027-03-20 00:00,40\nsoon,40\n", "logger_time_invalid", 3, "Time"),
        (
            "Time,Temp (°C)\n2027-03-20 00:00,40\n2027-03-20 25:00,40\n",
            "logger_time_invalid",
            3,
            "Time",
        ),
        ("Time,Temp (°C)\n2027-03-20 00:00,40\n,41\n", "logger_time_missing", 3, "Time"),
        (
            "Time,Temp (°C)\n2027-03-20 00:00,40\n2027-03-20 01:00,40\n2027-03-20 00:30,40\n",
            "logger_time_not_increasing",
            4,
            "Time",
        ),
        (  # a repeated timestamp with another reading
            "Time,Temp (°C)\n2027-03-20 00:00,40\n2027-03-20 00:30,40\n2027-03-20 00:30,41\n",
            "logger_time_not_increasing",
            4,
            "Time",
        ),
        (
            "Time,Temp (°C)\n2027-03-20 00:00,40\n20/03/2027 00:30,40\n",
            "logger_time_format_changes",
            3,
            "Time",
        ),
        ("Time,Temp\n2027-03-20 00:00,40\n", "logger_unit_missing", None, "Temp"),
        ("Time,Temp (°R)\n2027-03-20 00:00,500\n", "logger_unit_unknown", None, "Temp (°R)"),
        (
            "Time,Temperature (raw)\n2027-03-20 00:00,512\n",
            "logger_unit_unknown",
            None,
            "Temperature (raw)",
        ),
        ("just,some\nwords,here\n", "logger_no_header", None, None),
        ("Time,Temp (°C)\n", "logger_no_header", None, None),
        (
            "Time,Temp (°C)\n2027-03-20 00:00,NC\n2027-03-20 00:30,--\n",
            "logger_no_valid_readings",
            None,
            None,
        ),
        (
            "Time,Temp (°C)\n2027-03-20 00:00,-999\n2027-03-20 00:30,3276.7\n",
            "logger_no_valid_readings",
            None,
            None,
        ),
    ],
)
def test_refused_with_code_line_and_column(tmp_path, text, code, row, column):
    err = refused(csv_file(tmp_path, text))
    assert (err.code, err.row, err.column) == (code, row, column)
    assert err.file.endswith("logger.csv")


def test_unit_errors_name_the_header_and_the_fix(tmp_path):
    err = refused(csv_file(tmp_path, "Time,Temp\n2027-03-20 00:00,40\n"))
    text = err.render("en")
    assert "column 'Temp'" in text and "line 1" in text and "Temperature (°C)" in text
    err = refused(csv_file(tmp_path, "Time,Temp (°R)\n2027-03-20 00:00,500\n"))
    assert "'°R'" in err.render("en") and "°C, °F or K" in err.render("en")
    assert "kolom suhu" in err.render("id")


def test_time_going_backwards_at_dst_fall_back_is_explained(tmp_path):
    # 00:00 ... 01:30 daylight time, then the clock falls back: 01:00 ... standard time
    times = [
        datetime.datetime(2027, 11, 7, 0, 0) + datetime.timedelta(minutes=30 * i) for i in range(4)
    ]
    times += [times[2], times[3], times[3] + datetime.timedelta(minutes=30)]
    lines = ['"#","Date-Time (PST/PDT)","Temp, °C (LGR S/N: 1)"']
    lines += [f"{i + 1},{t:%m/%d/%Y %H:%M:%S},{20 + i / 10:.2f}" for i, t in enumerate(times)]
    err = refused(write(tmp_path / "dst.csv", "\n".join(lines) + "\n"))
    assert err.code == "logger_time_dst_repeat" and err.row == 6
    assert "daylight saving" in err.render("en") and "waktu musim panas" in err.render("id")
    assert err.params["minutes"] == "30" and err.params["value"] == "2027-11-07 01:00:00"


def test_hourly_dst_repeat_is_explained(tmp_path):
    times = [datetime.datetime(2027, 10, 31, h) for h in (0, 1, 2, 2, 3)]
    err = refused(csv_file(tmp_path, generic([5.0, 5.1, 5.2, 5.3, 5.4], times=times)))
    assert (err.code, err.row, err.params["minutes"]) == ("logger_time_dst_repeat", 5, "0")


def test_repeated_timestamp_with_identical_reading_is_dropped(tmp_path):
    times = stamps(4)
    times = [times[0], times[1], times[1], times[2], times[3]]
    log = read(csv_file(tmp_path, generic([40, 40.5, 40.5, 41, 41], times=times)))
    assert list(log.readings.index) == [2, 3, 5, 6]
    n = notice(log, "logger_duplicates_dropped")
    assert n.params == {"count": 1, "rows": "4"}
    assert "line" in n.message("en") and "baris 4" in n.message("id")


def test_concatenated_exports_of_one_logger_are_joined(tmp_path):
    first = elitech_text([50.0, 50.1, 50.2], times=stamps(3))
    long = ("Trip Description:\t" + "kopi bubuk robusta Dampit, " * 4, "Note:\t" + "x " * 40)
    second = elitech_text(
        [50.3, 50.4], times=stamps(2, start=T0 + datetime.timedelta(hours=2)), extra_meta=long
    )
    path = write(tmp_path / "joined.txt", first + second, "latin-1")
    log = read(path)
    assert log.readings["temperature_C"].tolist() == [50.0, 50.1, 50.2, 50.3, 50.4]
    assert list(log.readings.index) == [10, 11, 12, 24, 25]
    n = notice(log, "logger_concatenated")
    assert n.params == {"count": 2, "rows": "23"}


def test_concatenated_exports_that_overlap(tmp_path):
    # a second download repeating the first readings exactly: the repeats are dropped
    first = elitech_text([50.0, 50.1, 50.2], times=stamps(3))
    again = elitech_text([50.0, 50.1, 50.2, 50.3], times=stamps(4))
    log = read(write(tmp_path / "again.txt", first + again, "latin-1"))
    assert log.readings["temperature_C"].tolist() == [50.0, 50.1, 50.2, 50.3]
    assert notice(log, "logger_duplicates_dropped").params["rows"] == "22, 23, 24"
    # the same times with other readings: refused at the first line of the second export
    other = elitech_text([49.0, 49.1], times=stamps(2, start=T0 + datetime.timedelta(minutes=30)))
    err = refused(write(tmp_path / "overlap.txt", first + other, "latin-1"))
    assert (err.code, err.row) == ("logger_exports_overlap", 22)


def test_a_second_logger_or_another_format_mid_file(tmp_path):
    first = elitech_text([50.0, 50.1], times=stamps(2))
    meta = [ln.replace("EL27050A", "EL27040B") for ln in ELITECH_META]
    second = elitech_text(
        [40.0], times=stamps(1, start=T0 + datetime.timedelta(hours=1)), meta=meta
    )
    err = refused(write(tmp_path / "two.txt", first + second, "latin-1"))
    assert (err.code, err.row) == ("logger_two_loggers", 20)
    assert err.params == {"first": "EL27050A", "second": "EL27040B"}
    easy = easylog_text([40.0, 40.1])
    hobo = hobo_text([30.0], times=stamps(1, start=T0 + datetime.timedelta(hours=2)))
    err = refused(write(tmp_path / "mixed.csv", easy + hobo))
    assert (err.code, err.row) == ("logger_mixed_formats", 5)
    other = hobo_text([30.0], times=stamps(1, start=T0 + datetime.timedelta(hours=2)))
    other = other.replace("20273001", "20279999")
    err = refused(write(tmp_path / "hobos.csv", hobo_text([30.0, 30.1]) + other))
    assert (err.code, err.row) == ("logger_two_loggers", 6)
    assert err.params == {"first": "20273001", "second": "20279999"}


def test_absurd_values_and_sentinels_become_missing_with_notices(tmp_path):
    values = [25.0, -999, 25.1, 3276.7, 150.0, 25.2, -80.0, 6553.5, -273.15, 25.3]
    log = read(csv_file(tmp_path, generic(values)))
    temp = log.readings["temperature_C"]
    assert temp.dropna().tolist() == [25.0, 25.1, 25.2, 25.3] and log.missing == 6
    sentinel = notice(log, "logger_sentinel_values")
    assert sentinel.params["count"] == 4 and sentinel.params["rows"] == "3, 5, 9, 10"
    assert "-999 °C" in sentinel.params["values"] and "3276.7 °C" in sentinel.params["values"]
    absurd = notice(log, "logger_temperature_absurd")
    assert absurd.params["count"] == 2 and absurd.params["rows"] == "6, 8"
    assert absurd.params["example"] == "150 °C"
    # many rows: the first five and an ellipsis
    log = read(csv_file(tmp_path, generic([25.0] + [-9999] * 8 + [25.0]), name="many.csv"))
    assert notice(log, "logger_sentinel_values").params["rows"] == "3, 4, 5, 6, 7, …"


def test_minus_forty_and_constant_readings_are_not_flagged(tmp_path):
    log = read(csv_file(tmp_path, generic([-40.0] * 6 + [-39.5, -40.0])))
    assert log.notices == () and log.missing == 0


def test_rh_outside_0_100_and_unreadable_cells(tmp_path):
    text = "Time,Temp (°C),RH (%)\n"
    rows = [("25.0", "50"), ("25.1", "105"), ("abc", "-2"), ("25.3", "55")]
    text += "".join(
        f"{t:%Y-%m-%d %H:%M},{a},{b}\n" for t, (a, b) in zip(stamps(4), rows, strict=True)
    )
    log = read(csv_file(tmp_path, text))
    assert log.readings["rh_percent"].tolist()[::3] == [50.0, 55.0]
    assert np.isnan(log.readings["rh_percent"].tolist()[1:3]).all()
    assert notice(log, "logger_rh_out_of_range").params == {
        "count": 2,
        "rows": "3, 4",
        "example": "105 %",
    }
    assert notice(log, "logger_value_unreadable").params == {
        "count": 1,
        "rows": "4",
        "column": "Temp (°C)",
    }


def test_missing_value_markers(tmp_path):
    markers = ["NC", "--", "---", "", "NaN", "N/A", "-"]
    values = [20.0] + markers + [21.0]
    lines = ["Time;Suhu (°C)"] + [
        f"{t:%d-%m-%Y %H:%M};{v if isinstance(v, str) else comma(v)}"
        for t, v in zip(stamps(len(values)), values, strict=True)
    ]
    log = read(csv_file(tmp_path, "\n".join(lines) + "\n"))
    assert log.missing == len(markers) and log.notices == ()
    assert log.readings["temperature_C"].iloc[[0, -1]].tolist() == [20.0, 21.0]


def test_decimal_comma_with_thousands_dot(tmp_path):
    lines = ["Time;Temp (°C);RH (%)"]
    cells = [("25,5", "1.234,5"), ("1.025,5", "55,5"), ("26,0", "56,0")]
    lines += [f"{t:%d-%m-%Y %H:%M};{a};{b}" for t, (a, b) in zip(stamps(3), cells, strict=True)]
    log = read(csv_file(tmp_path, "\n".join(lines) + "\n"))
    assert log.decimal == ","
    assert notice(log, "logger_temperature_absurd").params["example"] == "1025.5 °C"
    assert notice(log, "logger_rh_out_of_range").params["example"] == "1234.5 %"
    assert log.readings["temperature_C"].tolist()[::2] == [25.5, 26.0]


def test_decimal_commas_in_a_comma_separated_file(tmp_path):
    quoted = 'Time,Temp (°C)\n2027-03-20 00:00,"25,5"\n2027-03-20 00:30,"25,6"\n'
    assert read(csv_file(tmp_path, quoted)).readings["temperature_C"].tolist() == [25.5, 25.6]
    shifted = "Time,Temp (°C)\n2027-03-20 00:00,25,5\n2027-03-20 00:30,25,6\n"
    err = refused(csv_file(tmp_path, shifted, "shifted.csv"))
    assert (err.code, err.row, err.params) == ("logger_extra_cells", 2, {"cells": 3, "header": 2})


def test_malformed_lines_do_not_break_the_reader(tmp_path):
    # an unpaired quote and a stray carriage return inside a line
    text = 'Time,Temp (°C)\n2027-03-20 00:00,"25.0\n2027-03-20 00:30,26.0\r\n2027-03-20 01:00\r,27.0\n'
    log = read(csv_file(tmp_path, text))
    assert log.readings["temperature_C"].tolist() == [25.0, 26.0, 27.0] and log.notices == ()


def test_irregular_spacing_is_fine(tmp_path):
    times = [T0 + datetime.timedelta(minutes=m) for m in (0, 1, 7, 30, 31, 200)]
    log = read(csv_file(tmp_path, generic([30.0] * 6, times=times)))
    assert log.notices == () and len(log.readings) == 6 and log.interval == 360.0


# -------------------------------------------------------------------------- date order
def test_day_first_decided_by_a_field_above_12(tmp_path):
    times = stamps(3, minutes=60 * 24 * 5, start=datetime.datetime(2027, 1, 8))  # 8, 13, 18 Jan
    lines = ["Time;Temp (°C)"] + [f"{t:%d/%m/%Y %H:%M};25" for t in times]
    log = read(csv_file(tmp_path, "\n".join(lines) + "\n"))
    assert str(log.readings["timestamp"].iloc[1]) == "2027-01-13 00:00:00" and log.notices == ()
    # the same data written month first, in a generic file: the data decides again
    lines = ["Time;Temp (°C)"] + [f"{t:%m/%d/%Y %H:%M};25" for t in times]
    log = read(csv_file(tmp_path, "\n".join(lines) + "\n", "us.csv"))
    assert str(log.readings["timestamp"].iloc[1]) == "2027-01-13 00:00:00" and log.notices == ()


def test_ambiguous_dates_day_first_with_a_notice(tmp_path):
    # all within 3 April 2027 (or 4 March): nothing in the data tells
    times = stamps(4, start=datetime.datetime(2027, 4, 3, 8, 0))
    lines = ["Time;Temp (°C)"] + [f"{t:%d/%m/%Y %H:%M};25" for t in times]
    path = csv_file(tmp_path, "\n".join(lines) + "\n")
    with pytest.warns(ShelfLifeWarning, match="logger_date_order_ambiguous"):
        log = read_logger(path)
    assert str(log.readings["timestamp"].iloc[0]) == "2027-04-03 08:00:00"
    n = notice(log, "logger_date_order_ambiguous")
    assert n.params == {"example": "03/04/2027 08:00", "first": "2027-04-03", "last": "2027-04-03"}
    # a HOBO file with AM/PM stamps is month first without a notice
    log = read(write(tmp_path / "hobo.csv", hobo_text([25.0] * 4, times=times)))
    assert str(log.readings["timestamp"].iloc[0]) == "2027-04-03 08:00:00" and log.notices == ()


def test_regular_steps_decide_when_every_field_is_12_or_less(tmp_path):
    # 1 to 3 February, every 6 hours: day first gives 6-hour steps, month first jumps a month
    times = stamps(9, minutes=360, start=datetime.datetime(2027, 2, 1))
    lines = ["Time;Temp (°C)"] + [f"{t:%d.%m.%Y %H:%M};25" for t in times]
    log = read(csv_file(tmp_path, "\n".join(lines) + "\n"))
    assert log.notices == () and str(log.readings["timestamp"].iloc[-1]) == "2027-02-03 00:00:00"
    lines = ["Time,Temp (°C)"] + [f"{t:%m/%d/%Y %H:%M},25" for t in times]
    log = read(csv_file(tmp_path, "\n".join(lines) + "\n", "us.csv"))
    assert log.notices == () and str(log.readings["timestamp"].iloc[-1]) == "2027-02-03 00:00:00"


def test_iso_stamps_with_offsets_and_month_names(tmp_path):
    lines = ["Timestamp,Temp (°C)"] + [
        f"{t:%Y-%m-%dT%H:%M:%S}+07:00,{25 + i}" for i, t in enumerate(stamps(3))
    ]
    log = read(csv_file(tmp_path, "\n".join(lines) + "\n"))
    assert (
        log.timezone == "UTC+07:00"
        and str(log.readings["timestamp"].iloc[0]) == "2027-03-20 00:00:00"
    )
    lines = ["Date Time,Temp (°C)"] + [
        f"{t:%d-%b-%Y %H:%M},{25 + i}" for i, t in enumerate(stamps(3))
    ]
    log = read(csv_file(tmp_path, "\n".join(lines) + "\n", "names.csv"))
    assert str(log.readings["timestamp"].iloc[2]) == "2027-03-20 01:00:00"


# ---------------------------------------------------------------------------- time zones
def test_timezone_argument(tmp_path):
    path = write(tmp_path / "hobo.csv", hobo_text([30.0, 30.1], times=stamps(2)))
    log = read(path, timezone="UTC+07:00")
    assert log.timezone == "UTC+07:00"
    assert str(log.readings["timestamp"].iloc[0]) == "2027-03-20 14:00:00"  # GMT-07 -> GMT+07
    assert notice(log, "logger_timezone_converted").params == {
        "source": "UTC-07:00",
        "target": "UTC+07:00",
    }
    log = read(path, timezone="Asia/Jakarta")
    assert (
        log.timezone == "Asia/Jakarta"
        and str(log.readings["timestamp"].iloc[0]) == "2027-03-20 14:00:00"
    )
    plain = csv_file(tmp_path, generic([30.0, 30.1]))
    log = read(plain, timezone="WIB")  # the file says nothing: a label only
    assert (
        log.timezone == "UTC+07:00"
        and str(log.readings["timestamp"].iloc[0]) == "2027-03-20 00:00:00"
    )
    assert log.notices == ()
    assert refused(plain, timezone="Mars/Olympus").code == "logger_timezone_unknown"
    assert (
        timezone_argument("+7").label == "UTC+07:00"
        and timezone_argument("gmt").label == "UTC+00:00"
    )


# -------------------------------------------------------------------------- not text
def test_binary_files_are_refused_whatever_the_extension(tmp_path):
    xlsx = tmp_path / "logger.csv"
    with zipfile.ZipFile(xlsx, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    err = refused(xlsx)
    assert err.code == "logger_binary_format" and err.params["kind"] == "Excel (.xlsx)"
    ole = write_bytes(tmp_path / "old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert refused(ole).params["kind"] == "Excel 97-2003 (.xls)"
    junk = write_bytes(tmp_path / "junk.txt", bytes(range(256)) * 20)
    assert refused(junk).code == "logger_not_text"
    assert refused(tmp_path / "absent.csv").code == "file_not_found"
    assert refused(write_bytes(tmp_path / "empty.csv", b"  \n")).code == "file_empty"


def test_sniff_logger(tmp_path):
    path = write(tmp_path / "e.txt", elitech_text([50.0, 50.1]), "latin-1")
    found = sniff_logger(path)
    assert (found.format, found.delimiter, found.decimal, found.header_row) == (
        "elitech",
        "\t",
        ",",
        9,
    )
    assert found.columns.time == (1, 2) and found.columns.temperature == 3


# ============================================================================= histories
def test_to_profile_holds_readings_and_bridges_missing_ones(tmp_path):
    temps = [30.0, 31.0, "NC", 33.0, 34.0]
    rh = [50.0, "NC", 52.0, 53.0, 54.0]
    log = read(write(tmp_path / "e.txt", elitech_text(temps, rh=rh), "latin-1"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        profile = log.to_profile()  # the NC is one interval: no gap notice
    assert isinstance(profile, TemperatureProfile)
    assert profile.durations.tolist() == pytest.approx([1 / 48, 2 / 48, 1 / 48])
    assert (profile.temperatures - 273.15).round(6).tolist() == [30.0, 31.0, 33.0]
    assert profile.rh.tolist() == [50.0, 50.0, 53.0]  # the missing RH holds the one before
    clipped = log.to_profile(start="2027-03-20 00:15", end="2027-03-20 01:45")
    assert clipped.durations.tolist() == pytest.approx([0.25 / 24, 1 / 24, 0.25 / 24])
    assert (clipped.temperatures - 273.15).round(6).tolist() == [30.0, 31.0, 33.0]


def test_to_profile_reports_long_gaps(tmp_path):
    times = stamps(10)
    times = times[:4] + [t + datetime.timedelta(hours=5) for t in times[4:]]
    log = read(csv_file(tmp_path, generic([30.0] * 3 + ["NC"] + [31.0] * 6, times=times)))
    with pytest.warns(ShelfLifeWarning, match=r"\[logger_gap\]") as caught:
        profile = log.to_profile()
    assert profile.duration_days == pytest.approx((times[-1] - times[0]).total_seconds() / 86400)
    gaps = log.gaps()
    assert gaps[["from_row", "to_row"]].values.tolist() == [[4, 6]]
    assert gaps["hours"].tolist() == [6.0]
    n = log.gap_notice()
    assert (
        n.params["rows"] == "4-6" and n.params["longest"] == "6" and n.params["limit"] == "1.5 h"
    )
    assert "lines 4-6" in str(caught[0].message) and n.to_dict()["code"] == "logger_gap"
    assert log.gaps("8 hour").empty and log.gaps(datetime.timedelta(hours=8)).empty
    with pytest.raises(UnitError):
        log.gaps(3)
    with pytest.raises(InputError) as err:
        log.to_profile(start="2028-01-01")
    assert err.value.code == "logger_profile_empty"


def test_elitech_mkt_matches_the_profile(tmp_path):
    rng = np.random.default_rng(7)
    temps = np.round(30.0 + 3.0 * np.sin(np.arange(97) / 8.0) + rng.normal(0, 0.3, 97), 1)
    # USP <1079.2>: MKT = (dH/R) / -ln(mean(exp(-dH/(R T)))); each reading holds for one
    # interval, the last one only closes the history
    dh_over_r = 83.144e3 / 8.314462618
    kelvin = temps[:-1] + 273.15
    mkt = dh_over_r / -math.log(np.mean(np.exp(-dh_over_r / kelvin))) - 273.15
    meta = [*ELITECH_META, f"Mean Kinetic Temperature:\t{comma(mkt)}°C"]
    log = read(write(tmp_path / "mkt.txt", elitech_text(list(temps), meta=meta), "latin-1"))
    assert log.stated_mkt == pytest.approx(round(mkt, 1))
    computed = mean_kinetic_temperature(log.to_profile()).to("degC").magnitude
    assert computed == pytest.approx(mkt, abs=1e-6)
    assert abs(computed - log.stated_mkt) <= 0.05 + 1e-9
    assert log.to_dict()["mkt_stated"] == {"value": round(mkt, 1), "unit": "degC"}


def test_to_profile_window_with_time_zones(tmp_path):
    path = write(tmp_path / "hobo.csv", hobo_text([30.0, 31.0, 32.0, 33.0], times=stamps(4)))
    log = read(path)  # GMT-07:00
    aware = datetime.datetime(2027, 3, 20, 8, 0, tzinfo=datetime.UTC)  # 01:00 local
    profile = log.to_profile(start=aware)
    assert profile.duration_days == pytest.approx(0.5 / 24)
    with pytest.raises(InputError) as err:
        log.to_profile(end="not a date")
    assert err.value.code == "logger_window_invalid"


def test_sample_loggers(tmp_path):
    import importlib.util
    from pathlib import Path

    repo = Path(__file__).resolve().parents[1]
    folder = repo / "sample_data" / "loggers"
    trip = read(folder / "elitech-kontainer-surabaya-rotterdam.txt")
    assert trip.format == "elitech" and trip.missing == 3 and len(trip.readings) == 1440
    mkt = mean_kinetic_temperature(trip.to_profile()).to("degC").magnitude
    assert abs(mkt - trip.stated_mkt) <= 0.05
    store = read(folder / "easylog-gudang-sidoarjo-2minggu.csv")
    assert store.format == "easylog" and store.has_rh and store.serial == "010456782"
    assert store.interval == 900.0 and store.notices == ()
    spec = importlib.util.spec_from_file_location(
        "make_logger_samples", repo / "scripts" / "make_logger_samples.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.OUT = tmp_path
    module.main()
    shipped = sorted(p.name for p in folder.iterdir() if p.suffix != ".md")
    assert sorted(p.name for p in tmp_path.iterdir()) == shipped
    for name in shipped:
        assert (tmp_path / name).read_bytes() == (folder / name).read_bytes(), name
    assert sum((folder / n).stat().st_size for n in shipped) < 200_000


# =============================================================================== output
def test_to_dict_summary_and_html(tmp_path):
    values = [25.0, -999, 25.5, 26.0]
    log = read(write(tmp_path / "easy.csv", easylog_text(values, rh=[50.0, 51.0, 52.0, 53.0])))
    out = json.loads(json.dumps(log.to_dict()))
    assert out["format"] == "easylog" and out["serial"] == "012345678" and out["readings"] == 4
    assert out["missing"] == 1 and out["first"] == "2027-03-20 00:00:00"
    assert out["temperature"] == {"min": 25.0, "mean": 25.5, "max": 26.0, "unit": "degC"}
    assert out["interval"] == {"value": 1800.0, "unit": "s"}
    assert [n["code"] for n in out["notices"]] == ["logger_sentinel_values"]
    assert (
        out["notices"][0]["category"] == "logger" and "baris 3" in out["notices"][0]["message_id"]
    )
    summary = log.summary()
    assert summary.loc["temperature [°C]", "missing"] == 1 and summary.loc["RH [%]", "max"] == 53.0
    html = log._repr_html_()
    assert "easy.csv" in html and "S/N 012345678" in html and "⚠" in html
    assert "easylog" in str(log) and "4 readings" in repr(log)


def test_notices_are_emitted_as_warnings_by_default(tmp_path):
    path = csv_file(tmp_path, generic([25.0, -9999, 25.0]))
    with pytest.warns(ShelfLifeWarning, match=r"\[logger_sentinel_values\]"):
        read_logger(path)


def test_every_logger_code_has_both_languages():
    from shelflife.msgcat import loggers

    for code, entry in loggers.MESSAGES.items():
        assert code.startswith("logger_") and MESSAGES[code] is entry
        assert set(entry) == {"en", "id"}
    # a notice renders with its numbers and lines in both languages
    n = Notice(
        "logger_gap",
        "logger",
        None,
        {
            "logger": "a.csv",
            "count": 2,
            "limit": "1.5 h",
            "hours": "3",
            "longest": "2",
            "rows": "4-6, 9-12",
        },
    )
    assert "4-6, 9-12" in n.message("en") and "celah" in n.message("id")


def test_import_stays_light():
    code = "import sys, shelflife.loggers; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
