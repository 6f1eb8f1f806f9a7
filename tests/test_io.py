"""Readers: data sheets (CSV/XLSX), tables -> Study, study folders (study.toml)."""

from __future__ import annotations

import hashlib
import re
import tempfile
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shelflife.errors import InputError, StudyFileError, UnitError
from shelflife.io import read_study, read_table
from shelflife.io.cells import cell_to_float
from shelflife.study import Attribute, Study
from shelflife.units import get_registry

# --------------------------------------------------------------------------- helpers

ROWS = [  # time [day], temperature [°C], peroxide value [meq/kg]
    (0, 25, 1.0),
    (7, 25, 1.5),
    (14, 25, 2.25),
    (0, 35, 1.0),
    (7, 35, 2.5),
    (14, 35, 4.0),
]
DAYS = [r[0] for r in ROWS]
KELVIN = [r[1] + 273.15 for r in ROWS]
PV = [r[2] for r in ROWS]
PV_ATTR = [Attribute("peroxide_value", "", 10.0)]

STUDY_TOML = """\
schema_version = 1

[study]
name = "keripik-tempe-2026"
product = "Keripik tempe"
data = "{data}"
{extra_study}
[[attributes]]
name = "peroxide_value"
{unit}limit = {limit}
direction = "max"

[conditions]
storage = ["30 degC", "25 °C"]
"""


def csv_text(sep: str = ",", decimal: str = ".", header=None, rows=ROWS) -> str:
    header = header or ["time [day]", "temperature [°C]", "peroxide_value [meq/kg]"]
    lines = [sep.join(header)]
    for row in rows:
        lines.append(
            sep.join(
                repr(v).replace(".", decimal) if isinstance(v, float) else str(v) for v in row
            )
        )
    return "\n".join(lines) + "\n"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_study(
    tmp_path: Path,
    data_text: str | None = None,
    *,
    limit="10.0",
    unit="",
    data="data.csv",
    extra_study="",
    toml: str | None = None,
) -> Path:
    if data_text is not None:
        write(tmp_path / data, data_text)
    if toml is None:
        toml = STUDY_TOML.format(
            data=data,
            limit=limit,
            unit=f'unit = "{unit}"\n' if unit else "",
            extra_study=extra_study,
        )
    write(tmp_path / "study.toml", toml)
    return tmp_path


def xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def table_rows(header=("time [day]", "temperature [°C]", "peroxide_value [meq/kg]")):
    return [list(header), *[list(r) for r in ROWS]]


def frame(**columns) -> pd.DataFrame:
    base = {
        "time [day]": [str(d) for d in DAYS],
        "temperature [°C]": [str(r[1]) for r in ROWS],
        "peroxide_value [meq/kg]": [str(v) for v in PV],
    }
    base.update(columns)
    return pd.DataFrame({k: v for k, v in base.items() if v is not None})


def check_messages(err) -> None:
    """Both languages render, with every template field filled."""
    for lang in ("en", "id"):
        text = err.render(lang)
        assert "'?'" not in text and " ? " not in text, text


def assert_good(study: Study) -> None:
    np.testing.assert_allclose(study.data["time_day"], DAYS)
    np.testing.assert_allclose(study.data["temperature_K"], KELVIN)
    np.testing.assert_allclose(study.data["peroxide_value"], PV)


# ------------------------------------------------------------------- good data sheets


def test_comma_csv(tmp_path):
    path = write(tmp_path / "data.csv", csv_text(","))
    table = read_table(path)
    assert table.attrs["delimiter"] == "," and table.attrs["decimal"] == "."
    assert list(table.index) == [2, 3, 4, 5, 6, 7]
    assert table.iloc[1, 2] == "1.5"
    study = Study.from_dataframe(table, PV_ATTR, file=str(path))
    assert_good(study)
    assert list(study.data.index) == [2, 3, 4, 5, 6, 7]
    assert study.time_unit == "day" and study.temperature_unit == "degC"


def test_semicolon_decimal_comma_csv(tmp_path):
    path = write(tmp_path / "data.csv", csv_text(";", ","))
    table = read_table(path)
    assert table.attrs["delimiter"] == ";" and table.attrs["decimal"] == ","
    assert table.iloc[1, 2] == "1,5"
    assert_good(Study.from_dataframe(table, PV_ATTR))


def test_tab_csv(tmp_path):
    path = write(tmp_path / "data.txt", csv_text("\t"))
    table = read_table(path)
    assert table.attrs["delimiter"] == "\t"
    assert_good(Study.from_dataframe(table, PV_ATTR))


def test_latin1_file(tmp_path):
    header = ["Waktu [hari]", "Suhu [°C]", "peroxide_value [meq/kg]", "Catatan"]
    rows = [(*r, "rasa agak tengik é") for r in ROWS]
    path = write(tmp_path / "data.csv", csv_text(";", ",", header, rows), encoding="latin-1")
    table = read_table(path)
    assert table.attrs["encoding"] in ("cp1252", "latin-1")
    assert list(table.columns)[1] == "Suhu [°C]"
    study = Study.from_dataframe(table, PV_ATTR)
    assert_good(study)
    assert study.temperature_unit == "degC"


@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"], ids=["LF", "CRLF", "CR"])
def test_mixed_encoding_names_the_line_whatever_the_line_ends(tmp_path, newline):
    # UTF-8 "°C" in the header, then a Latin-1 byte (caf\xe9) on line 4: the error must
    # name line 4 with Unix, Windows and old-Mac (CR-only) line ends alike
    lines = [
        "time [day];temperature [\u00b0C];peroxide_value [meq/kg];note".encode(),
        b"0;25;1.0;ok",
        b"7;25;1.2;ok",
        b"14;25;1.5;caf\xe9",
        b"21;25;1.9;ok",
    ]
    path = tmp_path / "data.csv"
    path.write_bytes(newline.join(lines) + newline)
    with pytest.raises(InputError) as info:
        read_table(path)
    assert info.value.code == "text_mixed_encoding"
    assert info.value.row == 4


def test_utf8_bom_and_crlf(tmp_path):
    path = tmp_path / "data.csv"
    path.write_bytes(b"\xef\xbb\xbf" + csv_text(";", ",").replace("\n", "\r\n").encode())
    table = read_table(path)
    assert list(table.columns)[0] == "time [day]"
    assert_good(Study.from_dataframe(table, PV_ATTR))


def test_utf16_excel_unicode_text(tmp_path):
    path = tmp_path / "data.txt"
    path.write_bytes(csv_text("\t").encode("utf-16"))
    assert_good(Study.from_dataframe(read_table(path), PV_ATTR))


def test_xlsx_one_sheet(tmp_path):
    path = xlsx(tmp_path / "data.xlsx", {"Data": table_rows()})
    table = read_table(path)
    assert table.attrs["format"] == "xlsx" and table.attrs["sheet"] == "Data"
    assert list(table.index) == [2, 3, 4, 5, 6, 7]
    assert_good(Study.from_dataframe(table, PV_ATTR))


def test_xlsx_several_sheets_named(tmp_path):
    other = [["time [day]", "temperature [°C]", "peroxide_value [meq/kg]"], [0, 40, 9.0]]
    path = xlsx(tmp_path / "data.xlsx", {"Notes": [["x"]], "Data": table_rows(), "Old": other})
    assert_good(Study.from_dataframe(read_table(path, sheet="Data"), PV_ATTR))
    assert read_table(path, sheet="data").attrs["sheet"] == "Data"  # case-insensitive match


def test_xlsx_row_numbers_with_blank_rows_and_text_cells(tmp_path):
    rows = [
        ["time [day]", "temperature [°C]", "peroxide_value [meq/kg]"],
        [],
        [0, 25, "1,0"],
        [7, 25, 1.5],
        [],
        [0, 35, 1.0],
        [7, 35, "2,5"],
    ]
    path = xlsx(tmp_path / "data.xlsx", {"Data": rows})
    study = Study.from_dataframe(read_table(path), PV_ATTR)
    assert list(study.data.index) == [3, 4, 6, 7]
    np.testing.assert_allclose(study.data["peroxide_value"], [1.0, 1.5, 1.0, 2.5])


def test_content_decides_not_extension(tmp_path):
    zipped = xlsx(tmp_path / "really-xlsx.csv", {"Data": table_rows()})
    assert read_table(zipped).attrs["format"] == "xlsx"
    text = write(tmp_path / "really-text.xls", csv_text(";", ","))
    assert read_table(text).attrs["format"] == "csv"


def test_fahrenheit_weeks_same_as_celsius_days(tmp_path):
    header = ["time [week]", "temperature [°F]", "peroxide_value [meq/kg]"]
    rows = [(d / 7, t * 9 / 5 + 32, v) for d, t, v in ROWS]
    path = write(tmp_path / "data.csv", csv_text(",", ".", header, rows))
    study = Study.from_dataframe(read_table(path), PV_ATTR)
    reference = Study.from_dataframe(read_table(write(tmp_path / "c.csv", csv_text())), PV_ATTR)
    np.testing.assert_allclose(study.data["time_day"], reference.data["time_day"], atol=1e-12)
    np.testing.assert_allclose(
        study.data["temperature_K"], reference.data["temperature_K"], atol=1e-9
    )
    assert study.time_unit == "week" and study.temperature_unit == "degF"


def test_kelvin_and_months(tmp_path):
    header = ["time [month]", "temperature [K]", "peroxide_value [meq/kg]"]
    rows = [(1, 298.15, 1.0), (2, 298.15, 2.0), (1, 308.15, 2.0)]
    study = Study.from_dataframe(
        read_table(write(tmp_path / "d.csv", csv_text(",", ".", header, rows))), PV_ATTR
    )
    np.testing.assert_allclose(study.data["time_day"], [30.4375, 60.875, 30.4375])
    assert study.temperature_unit == "K" and study.time_unit == "month"


def test_indonesian_header_aliases(tmp_path):
    header = ["Waktu (hari)", "SUHU (°C)", "Peroxide Value (meq/kg)", "Ulangan"]
    rows = [(*r, 1 + i % 2) for i, r in enumerate(ROWS)]
    study = Study.from_dataframe(
        read_table(write(tmp_path / "d.csv", csv_text(";", ",", header, rows))), PV_ATTR
    )
    assert_good(study)
    assert list(study.data.columns) == ["time_day", "temperature_K", "replicate", "peroxide_value"]
    assert list(study.data["replicate"]) == [1, 2, 1, 2, 1, 2]


@pytest.mark.parametrize("time_header", ["hari", "Hari", "waktu [hari]", "time (d)"])
@pytest.mark.parametrize("temp_header", ["suhu [oC]", "Suhu (C)", "temperature [°C]", "temp [ºC]"])
def test_header_spellings(time_header, temp_header):
    df = pd.DataFrame({time_header: DAYS, temp_header: [r[1] for r in ROWS], "peroxide_value": PV})
    study = Study.from_dataframe(df, [Attribute("peroxide_value", "meq/kg", 10.0)])
    assert_good(study)


def test_optional_columns_and_order():
    df = frame(
        **{
            "RH [%]": ["75"] * 6,
            "batch": ["A", "A", "B", "B", "", "B"],
            "formulation": ["F1"] * 6,
            "replicate": ["a", "b"] * 3,
            "notes": ["x"] * 6,
        }
    )
    study = Study.from_dataframe(df, PV_ATTR)
    assert list(study.data.columns) == [
        "time_day",
        "temperature_K",
        "replicate",
        "rh",
        "batch",
        "formulation",
        "peroxide_value",
    ]
    assert study.data["rh"].tolist() == [75.0] * 6
    assert study.data["batch"].tolist()[:4] == ["A", "A", "B", "B"]
    assert pd.isna(study.data["batch"].iloc[4])
    assert study.data["replicate"].tolist() == ["a", "b"] * 3


def test_empty_attribute_cells_are_nan_and_blank_rows_skipped():
    df = frame(**{"peroxide_value [meq/kg]": ["1", "", "2,25", "1", "2.5", "4"]})
    empty_row = pd.DataFrame({c: [""] for c in df.columns})
    df = pd.concat([df.iloc[:3], empty_row, df.iloc[3:]], ignore_index=True)
    study = Study.from_dataframe(df, PV_ATTR)
    assert list(study.data.index) == [2, 3, 4, 6, 7, 8]
    assert np.isnan(study.data["peroxide_value"].iloc[1])
    t, temp, value, rows = study.arrays("peroxide_value")
    assert list(rows) == [2, 4, 6, 7, 8]


def test_from_dataframe_numbers_and_units_mapping():
    df = pd.DataFrame({"time": DAYS, "temperature": [r[1] for r in ROWS], "pv": PV})
    study = Study.from_dataframe(
        df,
        [{"name": "pv", "limit": "10 meq/kg", "direction": "max"}],
        units={"time": "day", "temperature": "degC", "pv": "meq/kg"},
        storage=["30 degC"],
        name="s",
        product="p",
    )
    np.testing.assert_allclose(study.data["time_day"], DAYS)
    np.testing.assert_allclose(study.data["temperature_K"], KELVIN)
    np.testing.assert_allclose(study.data["pv"], PV)
    assert study.attributes[0].unit == "meq/kg" and study.attributes[0].limit == 10.0
    assert study.storage_temperatures == (303.15,)


def test_limit_quantity_converted_to_attribute_unit():
    df = frame(**{"peroxide_value [meq/kg]": None, "moisture [%]": ["3", "4", "5", "3", "5", "7"]})
    study = Study.from_dataframe(df, [Attribute("moisture", "", "12 g/100 g")])
    assert study.attributes[0].limit == pytest.approx(12.0)
    assert study.attributes[0].unit == "%"


def test_storage_forms():
    q_ = get_registry().Quantity
    for storage, expected in [
        ("30 degC", (303.15,)),
        (["30 °C", "86 °F"], (303.15, 303.15)),
        (q_([25.0, 30.0], "degC"), (298.15, 303.15)),
        (q_(300.0, "K"), (300.0,)),
    ]:
        got = Study.from_dataframe(frame(), PV_ATTR, storage=storage).storage_temperatures
        np.testing.assert_allclose(got, expected)


def test_input_dataframe_not_modified():
    df = frame(**{"peroxide_value [meq/kg]": ["1,0", "1,5", "2,25", "1", "2,5", "4"]})
    before = df.copy(deep=True)
    Study.from_dataframe(df, PV_ATTR)
    pd.testing.assert_frame_equal(df, before)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False),
        min_size=2,
        max_size=8,
        unique=True,
    )
)
def test_decimal_comma_semicolon_csv_parses_to_same_floats(values):
    rows = [(i, 25 + 10 * (i % 2), v) for i, v in enumerate(values)]
    text = csv_text(";", ",", rows=rows)
    assert "." not in text.split("\n", 1)[1]
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder) / "data.csv", text)
        study = Study.from_dataframe(read_table(path), PV_ATTR)
    assert study.data["peroxide_value"].tolist() == values


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_cell_decimal_comma_roundtrip(value):
    assert cell_to_float(repr(value).replace(".", ",")) == value
    assert cell_to_float(repr(value)) == value


@pytest.mark.parametrize(
    ("text", "decimal", "expected"),
    [
        ("1,25", None, 1.25),
        ("-1,5", ",", -1.5),
        ("1.250,5", None, 1250.5),
        ("1,250.5", ".", 1250.5),
        ("1.250.000", ",", 1250000.0),
        (" 2 ", None, 2.0),
        ("\u22121,5", None, -1.5),
        ("1e-3", ".", 0.001),
        ("", None, None),
    ],
)
def test_cell_numbers(text, decimal, expected):
    got = cell_to_float(text, decimal)
    assert (np.isnan(got) and expected is None) or got == expected


@pytest.mark.parametrize(
    ("text", "decimal"),
    [
        ("abc", None),
        ("1,2,3", None),
        ("1,250", "."),
        ("1.250", ","),
        ("nan", None),
        ("inf", None),
        ("1.2.3", None),
        ("12 kg", None),
        ("1.250,5", "."),
    ],
)
def test_cell_not_numbers(text, decimal):
    with pytest.raises(ValueError):
        cell_to_float(text, decimal)


# ------------------------------------------------------------------- bad data sheets


def test_cell_not_numeric(tmp_path):
    rows = [*ROWS[:3], (0, 35, "n.d."), *ROWS[4:]]
    path = write(tmp_path / "data.csv", csv_text(";", ",", rows=rows))
    with pytest.raises(InputError) as info:
        Study.from_dataframe(read_table(path), PV_ATTR, file=str(path))
    err = info.value
    assert (err.code, err.row, err.column, err.file) == (
        "cell_not_numeric",
        5,
        "peroxide_value [meq/kg]",
        str(path),
    )
    assert err.params["value"] == "n.d."
    check_messages(err)


def test_ambiguous_thousands_in_comma_csv(tmp_path):
    text = csv_text(",") + '21,35,"1,250"\n'
    path = write(tmp_path / "data.csv", text)
    with pytest.raises(InputError) as info:
        Study.from_dataframe(read_table(path), PV_ATTR)
    # 1.25 or 1250? refused with its own code since issue 10 (was cell_not_numeric)
    assert (info.value.code, info.value.row) == ("cell_decimal_ambiguous", 8)
    assert info.value.params["other"] == 1250


@pytest.mark.parametrize("column", ["time [day]", "temperature [°C]"])
def test_cell_missing_time_or_temperature(column):
    values = frame()[column].tolist()
    values[2] = ""
    with pytest.raises(InputError) as info:
        Study.from_dataframe(frame(**{column: values}), PV_ATTR)
    assert (info.value.code, info.value.row, info.value.column) == ("cell_missing", 4, column)
    check_messages(info.value)


def test_time_negative():
    with pytest.raises(InputError) as info:
        Study.from_dataframe(frame(**{"time [day]": ["0", "7", "-14", "0", "7", "14"]}), PV_ATTR)
    err = info.value
    assert (err.code, err.row, err.column) == ("time_negative", 4, "time [day]")
    check_messages(err)


@pytest.mark.parametrize(
    ("header", "bad", "written"),
    [("temperature [K]", "25", "25 K"), ("temperature [°C]", "300", "300 °C")],
)
def test_temperature_implausible(header, bad, written):
    good = "298.15" if "K" in header else "25"
    other = "308.15" if "K" in header else "35"
    values = [good, good, good, other, bad, other]
    df = frame(**{"temperature [°C]": None, header: values})
    with pytest.raises(InputError) as info:
        Study.from_dataframe(df, PV_ATTR)
    err = info.value
    assert (err.code, err.row, err.column) == ("temperature_implausible", 6, header)
    assert err.params["value"] == written
    check_messages(err)


def test_one_temperature():
    with pytest.raises(InputError) as info:
        Study.from_dataframe(frame(**{"temperature [°C]": ["30"] * 6}), PV_ATTR)
    assert info.value.code == "one_temperature"
    assert info.value.column == "temperature [°C]"
    check_messages(info.value)


def test_values_constant():
    with pytest.raises(InputError) as info:
        Study.from_dataframe(frame(**{"peroxide_value [meq/kg]": ["2,0"] * 5 + [""]}), PV_ATTR)
    err = info.value
    assert (err.code, err.column) == ("values_constant", "peroxide_value [meq/kg]")
    check_messages(err)


def test_no_data():
    with pytest.raises(InputError) as info:
        Study.from_dataframe(frame(**{"peroxide_value [meq/kg]": [""] * 6}), PV_ATTR)
    assert (info.value.code, info.value.column) == ("no_data", "peroxide_value [meq/kg]")
    check_messages(info.value)


def test_column_missing_with_suggestion():
    df = frame(**{"peroxide_value [meq/kg]": None, "peroxide_valu [meq/kg]": [str(v) for v in PV]})
    with pytest.raises(InputError) as info:
        Study.from_dataframe(df, PV_ATTR)
    err = info.value
    assert (err.code, err.column) == ("column_missing", "peroxide_value")
    assert "did you mean 'peroxide_valu [meq/kg]'" in err.render("en")
    assert "maksud Anda 'peroxide_valu [meq/kg]'" in err.render("id")
    check_messages(err)


def test_required_time_column_missing():
    with pytest.raises(InputError) as info:
        Study.from_dataframe(frame(**{"time [day]": None}), PV_ATTR)
    assert (info.value.code, info.value.column) == ("column_missing", "time")


def test_column_duplicate():
    df = frame(**{"Suhu (K)": [str(k) for k in KELVIN]})
    with pytest.raises(InputError) as info:
        Study.from_dataframe(df, PV_ATTR)
    assert (info.value.code, info.value.column) == ("column_duplicate", "Suhu (K)")
    check_messages(info.value)


def test_temperature_unit_missing():
    df = frame(**{"temperature [°C]": None, "temperature": [str(r[1]) for r in ROWS]})
    with pytest.raises(UnitError) as info:
        Study.from_dataframe(df, PV_ATTR)
    err = info.value
    assert (err.code, err.column) == ("unit_missing", "temperature")
    assert "column 'temperature' has no unit" in err.render("en")
    assert "kolom 'temperature' tidak memiliki satuan" in err.render("id")


def test_time_unit_missing():
    df = frame(**{"time [day]": None, "time": [str(d) for d in DAYS]})
    with pytest.raises(UnitError) as info:
        Study.from_dataframe(df, PV_ATTR)
    assert (info.value.code, info.value.column) == ("unit_missing", "time")


def test_attribute_unit_missing():
    df = frame(**{"peroxide_value [meq/kg]": None, "peroxide_value": [str(v) for v in PV]})
    with pytest.raises(UnitError) as info:
        Study.from_dataframe(df, PV_ATTR)
    assert (info.value.code, info.value.column) == ("unit_missing", "peroxide_value")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("temperature [°C]", "temperature [blorp]"),
        ("time [day]", "time [blorp]"),
        ("peroxide_value [meq/kg]", "peroxide_value [blorp/kg]"),
    ],
)
def test_unit_unknown(old, new):
    df = frame(**{old: None, new: frame()[old].tolist()})
    with pytest.raises(UnitError) as info:
        Study.from_dataframe(df, PV_ATTR)
    assert (info.value.code, info.value.column) == ("unit_unknown", new)


@pytest.mark.parametrize(
    ("old", "new"), [("time [day]", "time [kg]"), ("temperature [°C]", "temperature [meq/kg]")]
)
def test_unit_wrong_dimension_in_header(old, new):
    df = frame(**{old: None, new: frame()[old].tolist()})
    with pytest.raises(UnitError) as info:
        Study.from_dataframe(df, PV_ATTR)
    assert (info.value.code, info.value.column) == ("unit_wrong_dimension", new)


def test_unit_conflict_header_vs_attribute():
    with pytest.raises(UnitError) as info:
        Study.from_dataframe(frame(), [Attribute("peroxide_value", "mmol/kg", 10.0)])
    err = info.value
    assert (err.code, err.column) == ("unit_conflict", "peroxide_value [meq/kg]")
    assert err.params == {"header_unit": "meq/kg", "toml_unit": "mmol/kg"}


def test_same_unit_spelt_differently_is_no_conflict():
    df = frame(
        **{"peroxide_value [meq/kg]": None, "moisture [g/100 g]": ["3", "4", "5", "3", "5", "7"]}
    )
    study = Study.from_dataframe(
        df, [Attribute("moisture", "%", 12.0)], units={"temperature": "°C"}
    )
    assert study.attributes[0].unit == "%"


def test_rh_out_of_range():
    with pytest.raises(InputError) as info:
        Study.from_dataframe(frame(**{"rh [%]": ["75", "75", "750", "75", "75", "75"]}), PV_ATTR)
    assert (info.value.code, info.value.row, info.value.column) == ("rh_out_of_range", 4, "rh [%]")
    check_messages(info.value)


def test_bad_attribute_option_and_duplicates():
    with pytest.raises(InputError) as info:
        Study.from_dataframe(frame(), [Attribute("peroxide_value", "", 10.0, direction="up")])
    assert (info.value.code, info.value.key) == ("option_unknown", "attributes[0].direction")
    with pytest.raises(InputError) as info:
        Study.from_dataframe(frame(), PV_ATTR * 2)
    assert (info.value.code, info.value.key) == ("attribute_duplicate", "attributes[1].name")
    with pytest.raises(InputError) as info:
        Study.from_dataframe(frame(), [])
    assert info.value.code == "no_attributes"


def test_storage_bare_number_rejected():
    with pytest.raises(UnitError) as info:
        Study.from_dataframe(frame(), PV_ATTR, storage=["30 degC", 25])
    assert (info.value.code, info.value.key) == ("bare_number", "storage[1]")


def test_file_not_found(tmp_path):
    with pytest.raises(InputError) as info:
        read_table(tmp_path / "nope.csv")
    assert (info.value.code, info.value.file) == ("file_not_found", str(tmp_path / "nope.csv"))
    check_messages(info.value)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"  \n\t\r\n ",
        b"time [day];temperature [\xc2\xb0C];pv\n",
        b"\xef\xbb\xbf\n\n",
        b";;;\n;;\n",
    ],
)
def test_file_empty(tmp_path, content):
    path = tmp_path / "data.csv"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_table(path)
    assert (info.value.code, info.value.file) == ("file_empty", str(path))
    check_messages(info.value)


def test_xlsx_header_only_is_empty(tmp_path):
    path = xlsx(tmp_path / "data.xlsx", {"Data": [["time [day]", "temperature [°C]"]]})
    with pytest.raises(InputError) as info:
        read_table(path)
    assert info.value.code == "file_empty"


@pytest.mark.parametrize(
    "content",
    [
        b"PK\x03\x04 this is not really a zip",
        b"\x00\x01\x02binary\x00",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
    ],
)
def test_file_unreadable(tmp_path, content):
    path = tmp_path / "data.xlsx"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_table(path)
    assert (info.value.code, info.value.file) == ("file_unreadable", str(path))
    check_messages(info.value)


def test_xlsx_sheet_ambiguous(tmp_path):
    path = xlsx(tmp_path / "data.xlsx", {"Data": table_rows(), "Sheet2": [["x"]]})
    with pytest.raises(InputError) as info:
        read_table(path)
    err = info.value
    assert (err.code, err.file) == ("xlsx_sheet_ambiguous", str(path))
    assert err.params["sheets"] == "'Data', 'Sheet2'"
    check_messages(err)


def test_xlsx_sheet_missing(tmp_path):
    path = xlsx(tmp_path / "data.xlsx", {"Data": table_rows(), "Sheet2": [["x"]]})
    with pytest.raises(InputError) as info:
        read_table(path, sheet="Hasil")
    assert (info.value.code, info.value.params["sheet"]) == ("xlsx_sheet_missing", "Hasil")
    check_messages(info.value)


# ------------------------------------------------------------------------ study folders


def test_read_study_folder(tmp_path):
    folder = make_study(tmp_path, csv_text(";", ","), limit='"10 meq/kg"')
    files = {p.name: sha(p) for p in folder.iterdir()}
    study = read_study(folder)
    assert_good(study)
    assert study.name == "keripik-tempe-2026" and study.product == "Keripik tempe"
    assert study.attributes[0] == Attribute("peroxide_value", "meq/kg", 10.0, "max")
    np.testing.assert_allclose(study.storage_temperatures, (303.15, 298.15))
    assert study.source["study_file"] == str(folder / "study.toml")
    assert study.source["data_file"] == str(folder / "data.csv")
    assert study.source["sha256"] == files
    assert {p.name: sha(p) for p in folder.iterdir()} == files  # inputs untouched


def test_read_study_toml_path_xlsx_sheet_and_unit_from_toml(tmp_path):
    header = ("time [day]", "temperature [°C]", "peroxide_value")
    xlsx(tmp_path / "data.xlsx", {"Info": [["lab"]], "Data": table_rows(header)})
    before = sha(tmp_path / "data.xlsx")
    make_study(
        tmp_path,
        data="data.xlsx",
        unit="meq/kg",
        extra_study='sheet = "Data"\nnotes = "BOM in study.toml is fine"\n',
    )
    toml = tmp_path / "study.toml"
    toml.write_bytes(b"\xef\xbb\xbf" + toml.read_bytes())
    study = read_study(toml)
    assert_good(study)
    assert study.attributes[0].unit == "meq/kg"
    assert sha(tmp_path / "data.xlsx") == before


def test_read_study_data_in_subfolder(tmp_path):
    (tmp_path / "raw").mkdir()
    make_study(tmp_path, csv_text(), data="raw/data.csv")
    study = read_study(tmp_path)
    assert "raw/data.csv" in study.source["sha256"]


def test_study_errors_in_data_carry_data_path(tmp_path):
    rows = [*ROWS[:2], (14, 25, "?x"), *ROWS[3:]]
    folder = make_study(tmp_path, csv_text(rows=rows))
    with pytest.raises(InputError) as info:
        read_study(folder)
    err = info.value
    assert (err.code, err.file, err.row) == ("cell_not_numeric", str(folder / "data.csv"), 4)


def test_study_unit_conflict_header_vs_toml(tmp_path):
    folder = make_study(tmp_path, csv_text(), unit="mg/kg")
    with pytest.raises(UnitError) as info:
        read_study(folder)
    err = info.value
    assert err.code == "unit_conflict"
    assert (err.file, err.column, err.key) == (
        str(folder / "data.csv"),
        "peroxide_value [meq/kg]",
        "attributes[0].unit",
    )
    assert err.params == {"header_unit": "meq/kg", "toml_unit": "mg/kg"}
    check_messages(err)


@pytest.mark.parametrize("limit", ['"10 %"', '"5 K"'])
def test_study_limit_wrong_dimension(tmp_path, limit):
    folder = make_study(tmp_path, csv_text(), limit=limit)
    with pytest.raises(UnitError) as info:
        read_study(folder)
    err = info.value
    assert (err.code, err.key, err.file) == (
        "unit_wrong_dimension",
        "attributes[0].limit",
        str(folder / "study.toml"),
    )
    check_messages(err)


def test_study_limit_in_other_unit_of_same_dimension(tmp_path):
    header = ["time [day]", "temperature [°C]", "peroxide_value [%]"]
    folder = make_study(tmp_path, csv_text(",", ".", header), limit='"12 g/100 g"')
    assert read_study(folder).attributes[0].limit == pytest.approx(12.0)


def test_study_toml_syntax(tmp_path):
    toml = 'schema_version = 1\n[study]\nname = "x"\ndata = data.csv\n'
    make_study(tmp_path, csv_text(), toml=toml)
    with pytest.raises(StudyFileError) as info:
        read_study(tmp_path)
    err = info.value
    assert (err.code, err.row, err.file) == ("toml_syntax", 4, str(tmp_path / "study.toml"))
    check_messages(err)


def _toml() -> str:
    return STUDY_TOML.format(data="data.csv", limit="10.0", unit="", extra_study="")


@pytest.mark.parametrize(
    ("old", "new", "key", "suggestion_en", "suggestion_id"),
    [
        (
            "limit = 10.0",
            "limt = 10.0",
            "attributes[0].limt",
            "did you mean 'limit'?",
            "Maksud Anda 'limit'?",
        ),
        (
            "[conditions]",
            "[condition]",
            "condition",
            "did you mean 'conditions'?",
            "Maksud Anda 'conditions'?",
        ),
        (
            'product = "Keripik tempe"',
            'Product = "Keripik tempe"',
            "study.Product",
            "did you mean 'product'?",
            "Maksud Anda 'product'?",
        ),
        (
            'direction = "max"',
            'direction = "max"\ncolour = "red"',
            "attributes[0].colour",
            "valid keys here:",
            "kunci yang sah di sini:",
        ),
    ],
)
def test_study_unknown_key(tmp_path, old, new, key, suggestion_en, suggestion_id):
    make_study(tmp_path, csv_text(), toml=_toml().replace(old, new))
    with pytest.raises(StudyFileError) as info:
        read_study(tmp_path)
    err = info.value
    assert (err.code, err.key, err.file) == ("toml_unknown_key", key, str(tmp_path / "study.toml"))
    assert suggestion_en in err.render("en")
    assert suggestion_id in err.render("id")


@pytest.mark.parametrize(
    ("old", "key"),
    [
        ('direction = "max"\n', "attributes[0].direction"),
        ("schema_version = 1\n", "schema_version"),
        ('data = "data.csv"\n', "study.data"),
        ("limit = 10.0\n", "attributes[0].limit"),
    ],
)
def test_study_missing_key(tmp_path, old, key):
    make_study(tmp_path, csv_text(), toml=_toml().replace(old, ""))
    with pytest.raises(StudyFileError) as info:
        read_study(tmp_path)
    assert (info.value.code, info.value.key) == ("toml_missing_key", key)
    check_messages(info.value)


@pytest.mark.parametrize(
    ("old", "new", "key", "text"),
    [
        (
            'direction = "max"',
            'direction = "max"\nmodel = "third"',
            "attributes[0].model",
            '"auto", "zero", "first"',
        ),
        ('direction = "max"', 'direction = "up"', "attributes[0].direction", '"max", "min"'),
        (
            'direction = "max"',
            'direction = "max"\ntemperature_model = "q20"',
            "attributes[0].temperature_model",
            '"arrhenius"',
        ),
        ("schema_version = 1", "schema_version = 2", "schema_version", "schema_version = 1"),
        ("schema_version = 1", 'schema_version = "1"', "schema_version", "whole number"),
        ("limit = 10.0", "limit = true", "attributes[0].limit", "quantity"),
        ("limit = 10.0", "limit = [10]", "attributes[0].limit", "quantity"),
        ('name = "keripik-tempe-2026"', 'name = ""', "study.name", "empty"),
        ('data = "data.csv"', "data = 5", "study.data", "quotes"),
        ("[[attributes]]", "[attributes]", "attributes", "[[attributes]]"),
        ('storage = ["30 degC", "25 °C"]', "storage = []", "conditions.storage", "empty"),
    ],
)
def test_study_bad_value(tmp_path, old, new, key, text):
    make_study(tmp_path, csv_text(), toml=_toml().replace(old, new))
    with pytest.raises(StudyFileError) as info:
        read_study(tmp_path)
    err = info.value
    assert (err.code, err.key) == ("toml_bad_value", key)
    assert text in err.render("en")
    check_messages(err)
    assert err.render("id") != err.render("en")


@pytest.mark.parametrize(
    ("storage", "code", "key"),
    [
        ('["30 degC", 25]', "bare_number", "conditions.storage[1]"),
        ('["30"]', "bare_number", "conditions.storage[0]"),
        ('["30 meq/kg"]', "unit_wrong_dimension", "conditions.storage[0]"),
        ('["30 blorps"]', "unit_unknown", "conditions.storage[0]"),
        ('["500 K"]', "temperature_implausible", "conditions.storage[0]"),
    ],
)
def test_study_bad_storage(tmp_path, storage, code, key):
    toml = _toml().replace('storage = ["30 degC", "25 °C"]', f"storage = {storage}")
    make_study(tmp_path, csv_text(), toml=toml)
    with pytest.raises(InputError) as info:
        read_study(tmp_path)
    assert (info.value.code, info.value.key, info.value.file) == (
        code,
        key,
        str(tmp_path / "study.toml"),
    )


def test_study_storage_default_and_single_string(tmp_path):
    make_study(tmp_path, csv_text(), toml=_toml().replace('storage = ["30 degC", "25 °C"]', ""))
    assert read_study(tmp_path).storage_temperatures == (303.15,)
    make_study(tmp_path, csv_text(), toml=_toml().replace('["30 degC", "25 °C"]', '"40 °C"'))
    assert read_study(tmp_path).storage_temperatures == pytest.approx((313.15,))


def test_study_duplicate_attribute(tmp_path):
    block = '[[attributes]]\nname = "Peroxide value"\nlimit = 5\ndirection = "max"\n'
    make_study(tmp_path, csv_text(), toml=_toml() + block)
    with pytest.raises(StudyFileError) as info:
        read_study(tmp_path)
    assert (info.value.code, info.value.key) == ("attribute_duplicate", "attributes[1].name")


def test_study_missing_files(tmp_path):
    with pytest.raises(StudyFileError) as info:
        read_study(tmp_path)
    assert (info.value.code, info.value.file) == ("file_not_found", str(tmp_path / "study.toml"))
    make_study(tmp_path, None, data="missing.csv")
    with pytest.raises(InputError) as info:
        read_study(tmp_path)
    err = info.value
    assert (err.code, err.file, err.key) == (
        "file_not_found",
        str(tmp_path / "missing.csv"),
        "study.data",
    )
    assert str(tmp_path) in err.render("en")


def test_study_sheet_errors_name_the_key(tmp_path):
    xlsx(tmp_path / "data.xlsx", {"Data": table_rows(), "Sheet2": [["x"]]})
    make_study(tmp_path, data="data.xlsx")
    with pytest.raises(InputError) as info:
        read_study(tmp_path)
    assert (info.value.code, info.value.key, info.value.file) == (
        "xlsx_sheet_ambiguous",
        "study.sheet",
        str(tmp_path / "data.xlsx"),
    )
    make_study(tmp_path, data="data.xlsx", extra_study='sheet = "Hasil"\n')
    with pytest.raises(InputError) as info:
        read_study(tmp_path)
    assert (info.value.code, info.value.key) == ("xlsx_sheet_missing", "study.sheet")


def test_errors_render_without_traceback_noise(tmp_path):
    folder = make_study(tmp_path, csv_text(), limit='"10 %"')
    with pytest.raises(UnitError) as info:
        read_study(folder)
    text = info.value.render("id")
    assert "Traceback" not in text and re.search(r"kunci 'attributes\[0\]\.limit'", text)
