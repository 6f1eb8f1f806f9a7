"""Write the catalogue of bad inputs: one folder per case and the manifest ``cases.toml``.

Run from anywhere (``python tests/bad_inputs/make_cases.py``); it rewrites every case folder
and ``cases.toml`` next to this script. The case list below is the single source of truth:
the files, what is wrong, the entry point and the exact expected outcome. Binary cases
(UTF-16, cp1252, XLSX, PNG, crafted zip files) are made here so that their provenance is
plain. Every output is deterministic except the XLSX timestamps openpyxl writes.

Outcomes (``expect`` in the manifest):

- ``error``: the entry point raises :class:`shelflife.errors.ShelfLifeError` with ``code``
  and exactly the location given (``file`` relative to the case folder, ``row``, ``column``,
  ``key``; a location field not given must be empty);
- ``warning``: the entry point succeeds and ``code`` is among its notices (for ``analyze``:
  in the result JSON's ``warnings``);
- ``ok``: the input is odd but unambiguous and is read correctly (``check`` names what the
  test verifies).

``make`` names a file the test creates on the fly (too big to keep in the repository).
"""

from __future__ import annotations

import codecs
import io
import math
import shutil
import struct
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
MARKETS = ROOT / "shelflife" / "markets" / "data"
PROTOCOLS = ROOT / "shelflife" / "protocols" / "data"
SAMPLES = ROOT / "sample_data"

# ------------------------------------------------------------------------------ base data

TEMPS = (25, 35, 45)
TIMES = (0, 7, 14, 21, 28)


def _pv(t: float, celsius: float, i: int) -> float:
    """A first-order peroxide value (Ea 80 kJ/mol, k 0.03/day at 35 °C), slightly noisy."""
    k = 0.03 * math.exp(-80000 / 8.314462618 * (1 / (celsius + 273.15) - 1 / 308.15))
    return round(1.0 * math.exp(k * t) * (1 + 0.03 * math.sin(1.7 * i)), 2)


def base_rows(temps=TEMPS, times=TIMES) -> list[list[str]]:
    """``[time, temperature, peroxide value]`` rows as strings, 15 rows by default."""
    rows = []
    for celsius in temps:
        for t in times:
            rows.append([str(t), str(celsius), f"{_pv(t, celsius, len(rows)):.2f}"])
    return rows


HEADER = ["time [day]", "temperature [°C]", "peroxide_value [meq/kg]"]


def csv_text(rows, header=HEADER, sep=",") -> str:
    return "\n".join(sep.join(r) for r in [header, *rows]) + "\n"


def study_toml(
    data="data.csv",
    *,
    study_extra="",
    attr_extra="",
    attributes=None,
    tail="",
    storage='["30 degC"]',
    limit="10.0",
    direction='"max"',
    unit='"meq/kg"',
) -> str:
    if attributes is None:
        attributes = (
            "[[attributes]]\n"
            'name = "peroxide_value"\n'
            f"unit = {unit}\n"
            f"limit = {limit}\n"
            f"direction = {direction}\n"
            f"{attr_extra}"
        )
    return (
        "schema_version = 1\n\n"
        "[study]\n"
        'name = "bad-input"\n'
        'product = "Keripik tempe (test)"\n'
        f'data = "{data}"\n'
        f"{study_extra}\n"
        f"{attributes}\n"
        "[conditions]\n"
        f"storage = {storage}\n"
        f"{tail}"
    )


BASE_TOML = study_toml()
BASE_CSV = csv_text(base_rows())


def study(csv: str | bytes = BASE_CSV, toml: str | bytes = BASE_TOML, **more) -> dict:
    """Files of a study folder."""
    return {"study.toml": toml, "data.csv": csv, **more}


def replace_cell(rows, i, j, value):
    rows = [list(r) for r in rows]
    rows[i][j] = value
    return rows


# ---------------------------------------------------------------------------------- xlsx


def xlsx_bytes(sheets: dict[str, list[list[Any]]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    book.save(buf)
    return _fixed_zip_times(buf.getvalue())


def _fixed_zip_times(data: bytes) -> bytes:
    """Rewrite a zip with fixed member dates and docProps times (reproducible bytes)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                import re

                body = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2027-01-01T00:00:00Z", body)
            fixed = zipfile.ZipInfo(info.filename, (2027, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, body)
    return out.getvalue()


def xlsx_merged_title() -> bytes:
    """A workbook with a title merged across the table's width above the header."""
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Data"
    ws.append(["Storage test keripik tempe, 2027"])
    ws.merge_cells("A1:C1")
    for row in [HEADER, *numeric_rows()]:
        ws.append(row)
    buf = io.BytesIO()
    book.save(buf)
    return _fixed_zip_times(buf.getvalue())


def numeric_rows() -> list[list[Any]]:
    return [[int(t), int(c), float(v)] for t, c, v in base_rows()]


def xlsx_with_formulas() -> bytes:
    """A sheet whose peroxide values are formulas saved without cached results.

    openpyxl never computes formulas, so a workbook it writes holds no cached values: as a
    file saved by a script, or by Excel with manual calculation and never recalculated.
    """
    rows = [HEADER]
    for i, (t, c, v) in enumerate(numeric_rows(), start=2):
        rows.append([t, c, v if i < 7 else f"=D{i}/10", v * 10])
    rows[0] = [*HEADER, "pv_x10"]
    return xlsx_bytes({"Data": rows})


def xlsx_dimension_bomb() -> bytes:
    """A tiny workbook whose sheet claims the range A1:ZZ5000000 (millions of rows)."""
    data = xlsx_bytes({"Data": [HEADER, *numeric_rows()]})
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                import re

                body = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:ZZ5000000"', body)
                if b"<dimension" not in body:
                    body = body.replace(
                        b"<sheetData", b'<dimension ref="A1:ZZ5000000"/><sheetData'
                    )
            fixed = zipfile.ZipInfo(info.filename, (2027, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, body)
    return out.getvalue()


def xlsx_declared_huge() -> bytes:
    """A valid small workbook whose sheet member *declares* 8 GiB uncompressed (zip64).

    The declared size is what a zip reader trusts to size its buffers; a zip bomb has a
    genuine one. The reader must refuse on the declaration alone, before inflating anything.
    """
    data = xlsx_bytes({"Data": [HEADER, *numeric_rows()]})
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, (2027, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    raw = bytearray(out.getvalue())
    # patch the sheet's central directory entry: uncompressed size 0xFFFFFFFF, and a zip64
    # extra field holding the real claim (8 GiB)
    name = b"xl/worksheets/sheet1.xml"
    pos = raw.find(b"PK\x01\x02")
    while raw[pos + 46 : pos + 46 + struct.unpack("<H", raw[pos + 28 : pos + 30])[0]] != name:
        pos = raw.find(b"PK\x01\x02", pos + 4)
        if pos < 0:
            raise RuntimeError("sheet not found")
    struct.pack_into("<I", raw, pos + 24, 0xFFFFFFFF)
    m = struct.unpack("<H", raw[pos + 30 : pos + 32])[0]
    extra = struct.pack("<HHQ", 0x0001, 8, 8 * 2**30)
    start = pos + 46 + len(name)
    raw[start + m : start + m] = extra
    struct.pack_into("<H", raw, pos + 30, m + len(extra))
    # move the end-of-central-directory offset fields: the directory grew by len(extra)
    eocd = raw.rfind(b"PK\x05\x06")
    size = struct.unpack("<I", raw[eocd + 12 : eocd + 16])[0]
    struct.pack_into("<I", raw, eocd + 12, size + len(extra))
    return bytes(raw)


# ------------------------------------------------------------------------------- loggers


def logger_csv(lines: list[tuple[str, str]], unit="°C") -> str:
    out = [f"Time,Temperature ({unit}),Humidity (%rh)"]
    out += [f"{stamp},{temp},75.0" for stamp, temp in lines]
    return "\n".join(out) + "\n"


def logger_lines(n=48, start_hour=0, temp=30.0, step_min=30) -> list[tuple[str, str]]:
    lines = []
    for i in range(n):
        minutes = start_hour * 60 + i * step_min
        day, rest = divmod(minutes, 24 * 60)
        stamp = f"2027-06-{7 + day:02d} {rest // 60:02d}:{rest % 60:02d}:00"
        lines.append((stamp, f"{temp + 0.5 * math.sin(i / 5):.1f}"))
    return lines


# ------------------------------------------------------------------------- market files


def market(old: str, new: str, name: str = "eu.toml") -> str:
    text = (MARKETS / name).read_text(encoding="utf-8")
    if old not in text:
        raise RuntimeError(f"{old!r} not in {name}")
    return text.replace(old, new, 1)


def protocol(old: str, new: str, name: str = "aslt-arrhenius.toml") -> str:
    text = (PROTOCOLS / name).read_text(encoding="utf-8")
    if old not in text:
        raise RuntimeError(f"{old!r} not in {name}")
    return text.replace(old, new, 1)


PLAN_TABLE = """
[protocol]
template = "aslt-arrhenius"
start = 2027-01-04
strength = "standard"
time_unit = "day"
replicates = 1
pull_window = "1 day"
avoid_weekends = false

[[protocol.chambers]]
temperature = "45 degC"
pulls = [0, 7, 14, 21, 28]

[[protocol.chambers]]
temperature = "35 degC"
pulls = [0, 7, 14, 21, 28]

[[protocol.chambers]]
temperature = "25 degC"
pulls = [0, 7, 14, 21, 28]
"""


# -------------------------------------------------------------------- critical moisture

CRITICAL_TOML = (SAMPLES / "kerupuk-critical-moisture" / "study.toml").read_text(encoding="utf-8")
ISOTHERM = (SAMPLES / "kerupuk-critical-moisture" / "isotherm.csv").read_text(encoding="utf-8")


def critical(toml: str = CRITICAL_TOML, iso: str = ISOTHERM) -> dict:
    return {"study.toml": toml, "isotherm.csv": iso}


def isotherm_with(column: str, transform) -> str:
    lines = ISOTHERM.splitlines()
    header = lines[0].split(",")
    j = header.index(column)
    out = [lines[0]]
    for line in lines[1:]:
        cells = line.split(",")
        cells[j] = transform(cells[j])
        out.append(",".join(cells))
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------------- consumer panel


def panel(rows: list[str]) -> str:
    return "consumer,time [day],temperature [°C],answer\n" + "\n".join(rows) + "\n"


PANEL_ROWS = [
    f"K{c:02d},{t},30,{'ya' if t < 30 + 5 * c else 'tidak'}"
    for c in range(1, 7)
    for t in (0, 15, 30, 45, 60)
]

# -------------------------------------------------------------------------------- cases

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


@dataclass
class Case:
    id: str
    what: str
    entry: str
    files: dict[str, Any]
    expect: dict[str, Any]
    target: str = ""
    make: str = ""
    cli: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


def err(code, file=None, row=None, column=None, key=None) -> dict:
    out: dict[str, Any] = {"expect": "error", "code": code}
    for name, value in (("file", file), ("row", row), ("column", column), ("key", key)):
        if value is not None:
            out[name] = value
    return out


def warn(code) -> dict:
    return {"expect": "warning", "code": code}


def ok(check: str) -> dict:
    return {"expect": "ok", "check": check}


R = base_rows()
CASES: list[Case] = []


def case(id, what, entry, files, expect, **kw):
    CASES.append(Case(id, what, entry, files, expect, **kw))


# ---- encodings -----------------------------------------------------------------------
TAB_CSV = csv_text(R, sep="\t")
case(
    "enc-utf16-bom",
    "data.csv saved as UTF-16 with BOM (Excel 'Unicode text', tab-separated)",
    "read_study",
    study(codecs.BOM_UTF16_LE + TAB_CSV.encode("utf-16-le")),
    ok("values"),
)
case(
    "enc-utf16-no-bom",
    "data.csv in UTF-16 LE without a byte-order mark",
    "read_study",
    study(TAB_CSV.encode("utf-16-le")),
    ok("values"),
)
case(
    "enc-cp1252-semicolon",
    "data.csv in cp1252 (Indonesian Excel): 'Suhu (°C)', semicolons, decimal commas",
    "read_study",
    study(
        csv_text(
            [[t, c, v.replace(".", ",")] for t, c, v in R],
            ["Waktu [hari]", "Suhu (°C)", "peroxide_value [meq/kg]"],
            ";",
        ).encode("cp1252")
    ),
    ok("values"),
)
case(
    "enc-latin1-after-utf8-bom",
    "data.csv starts with a UTF-8 BOM but holds a Latin-1 '°' (0xB0)",
    "read_study",
    study(codecs.BOM_UTF8 + BASE_CSV.encode("latin-1")),
    ok("values"),
)
case(
    "enc-utf8-mixed-latin1",
    "data.csv mixes UTF-8 ('°C' in the header) and a Latin-1 byte in a note column",
    "read_study",
    study(
        (csv_text([[*r, "ok"] for r in R[:-1]] + [[*R[-1], "caf\xe9"]], [*HEADER, "note"]))
        .encode("utf-8")
        .replace("caf\xe9".encode(), b"caf\xe9")
    ),
    err("text_mixed_encoding", file="data.csv", row=16),
)
case(
    "enc-toml-latin1",
    "study.toml saved in Latin-1 (product 'Café'), TOML must be UTF-8",
    "read_study",
    study(toml=BASE_TOML.replace("(test)", "Caf\xe9").encode("latin-1")),
    err("toml_syntax", file="study.toml", row=5),
)
case(
    "enc-toml-utf16",
    "study.toml saved as UTF-16 (Notepad 'Unicode')",
    "read_study",
    study(toml=codecs.BOM_UTF16_LE + BASE_TOML.encode("utf-16-le")),
    err("toml_syntax", file="study.toml", row=1),
)
case(
    "enc-bom-only",
    "data.csv holds only a UTF-8 byte-order mark",
    "read_study",
    study(codecs.BOM_UTF8),
    err("file_empty", file="data.csv"),
)
case(
    "enc-empty-data",
    "data.csv is empty (0 bytes)",
    "read_study",
    study(b""),
    err("file_empty", file="data.csv"),
)
case(
    "enc-whitespace-data",
    "data.csv holds only blank lines and spaces",
    "read_study",
    study(" \n\n  \r\n\t\n"),
    err("file_empty", file="data.csv"),
)
case(
    "enc-png-as-csv",
    "a PNG image renamed data.csv",
    "read_study",
    study(PNG),
    err("file_unreadable", file="data.csv"),
)
case(
    "enc-xls-as-csv",
    "an old Excel 97-2003 workbook (.xls) renamed data.csv",
    "read_study",
    study(OLE2),
    err("file_unreadable", file="data.csv"),
)
case(
    "enc-pdf-as-csv",
    "a PDF renamed data.csv",
    "read_study",
    study(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
    err("file_unreadable", file="data.csv"),
)
case(
    "enc-header-only",
    "data.csv has a header and no data rows",
    "read_study",
    study(csv_text([])),
    err("file_empty", file="data.csv"),
)

# ---- decimal separators --------------------------------------------------------------
MIXED = [[t, c, v.replace(".", ",") if i % 2 else v] for i, (t, c, v) in enumerate(R)]
case(
    "dec-mixed-comma-point",
    "semicolon data.csv mixing decimal commas (1,25) and points (1.30) in one column",
    "analyze",
    study(csv_text(MIXED, sep=";")),
    warn("decimal_mixed"),
)
GROUP = replace_cell([[t, c, v.replace(".", ",")] for t, c, v in R], 4, 2, "1.250")
case(
    "dec-grouping-ambiguous",
    "decimal-comma data.csv with one cell '1.250' (1.25 or 1250?)",
    "read_study",
    study(csv_text(GROUP, sep=";")),
    err("cell_decimal_ambiguous", file="data.csv", row=6, column="peroxide_value [meq/kg]"),
)
case(
    "dec-comma-in-comma-csv",
    "comma-separated data.csv with unquoted decimal commas: 1,15 splits into two cells",
    "read_study",
    study(csv_text([[t, c, v.replace(".", ",")] for t, c, v in R])),
    err("row_wider_than_header", file="data.csv", row=2),
)

# ---- headers -------------------------------------------------------------------------
case(
    "hdr-two-row-units",
    "two-row header: names in row 1, units in row 2",
    "read_study",
    study(
        csv_text([["[day]", "[°C]", "[meq/kg]"], *R], ["time", "temperature", "peroxide_value"])
    ),
    err("header_two_rows", file="data.csv", row=2),
)
case(
    "hdr-title-row",
    "a merged title cell above the header ('Storage test keripik')",
    "read_study",
    study("Storage test keripik,,\n" + BASE_CSV),
    err("header_not_first_row", file="data.csv", row=1),
)
case(
    "hdr-typo-column",
    "header 'temprature [°C]' (typo)",
    "read_study",
    study(csv_text(R, ["time [day]", "temprature [°C]", HEADER[2]])),
    err("column_missing", file="data.csv", column="temperature"),
)
case(
    "hdr-duplicate-column",
    "two columns named time",
    "read_study",
    study(csv_text([[*r, r[0]] for r in R], [*HEADER, "time [day]"])),
    err("column_duplicate", file="data.csv", column="time [day]"),
)
case(
    "hdr-unit-conflict",
    "header says meq/kg, study.toml says mmol/kg",
    "read_study",
    study(toml=study_toml(unit='"mmol/kg"')),
    err(
        "unit_conflict",
        file="data.csv",
        column="peroxide_value [meq/kg]",
        key="attributes[0].unit",
    ),
)
case(
    "hdr-unit-unknown",
    "header unit 'meq/kgg' (typo)",
    "read_study",
    study(csv_text(R, [*HEADER[:2], "peroxide_value [meq/kgg]"]), study_toml(unit='""')),
    err(
        "unit_unknown",
        file="data.csv",
        column="peroxide_value [meq/kgg]",
        key="attributes[0].unit",
    ),
)
case(
    "hdr-time-unit-temperature",
    "time column labelled in °C",
    "read_study",
    study(csv_text(R, ["time [°C]", *HEADER[1:]])),
    err("unit_wrong_dimension", file="data.csv", column="time [°C]"),
)
case(
    "hdr-temperature-no-unit",
    "temperature header without a unit",
    "read_study",
    study(csv_text(R, [HEADER[0], "temperature", HEADER[2]])),
    err("unit_missing", file="data.csv", column="temperature"),
)
case(
    "hdr-no-time-column",
    "no time column at all",
    "read_study",
    study(csv_text([r[1:] for r in R], HEADER[1:])),
    err("column_missing", file="data.csv", column="time"),
)
case(
    "hdr-attribute-missing",
    "study.toml names an attribute the sheet does not have",
    "read_study",
    study(
        toml=study_toml(
            attributes='[[attributes]]\nname = "hexanal"\nunit = "mg/kg"\n'
            'limit = 5.0\ndirection = "max"\n'
        )
    ),
    err("column_missing", file="data.csv", column="hexanal"),
)

# ---- units in the wrong place, implausible units --------------------------------------
case(
    "unit-in-cells-temperature",
    "temperature header without unit, unit written in every cell ('25 °C')",
    "read_study",
    study(csv_text([[t, f"{c} °C", v] for t, c, v in R], [HEADER[0], "temperature", HEADER[2]])),
    err("cell_unit_in_cell", file="data.csv", row=2, column="temperature"),
)
case(
    "unit-in-cells-time",
    "time header has a unit and cells say '7 days' too",
    "read_study",
    study(csv_text([[f"{t} days", c, v] for t, c, v in R])),
    err("cell_unit_in_cell", file="data.csv", row=2, column="time [day]"),
)
case(
    "unit-fahrenheit-as-celsius",
    "chamber temperatures 77/86/95 (°F: 25/30/35 °C) labelled °C",
    "analyze",
    study(csv_text([[t, {"25": "77", "35": "86", "45": "95"}[c], v] for t, c, v in R])),
    warn("temperature_maybe_fahrenheit"),
)
case(
    "unit-kelvin-as-celsius",
    "temperatures 298.15/308.15/318.15 (kelvin) labelled °C",
    "read_study",
    study(csv_text([[t, f"{int(c) + 273.15:.2f}", v] for t, c, v in R])),
    err("temperature_looks_kelvin", file="data.csv", row=2, column="temperature [°C]"),
)
case(
    "unit-celsius-as-kelvin",
    "temperatures 25/35/45 labelled K",
    "read_study",
    study(csv_text(R, [HEADER[0], "temperature [K]", HEADER[2]])),
    err("temperature_implausible", file="data.csv", row=2, column="temperature [K]"),
)
case(
    "unit-rh-fraction",
    "rh [%] column holding water activities (0.75)",
    "analyze",
    study(csv_text([[*r, "0.75"] for r in R], [*HEADER, "rh [%]"])),
    warn("rh_looks_like_fraction"),
)
case(
    "unit-rh-fraction-conditions",
    '[conditions] rh = "0.75 %" (a water activity written as percent)',
    "analyze",
    study(toml=study_toml(tail='rh = "0.75 %"\n')),
    warn("rh_looks_like_fraction"),
)
case(
    "unit-rh-over-100",
    "rh [%] column holding 7500 (aw typed as % twice)",
    "read_study",
    study(csv_text([[*r, "75" if i else "7500"] for i, r in enumerate(R)], [*HEADER, "rh [%]"])),
    err("rh_out_of_range", file="data.csv", row=2, column="rh [%]"),
)
case(
    "unit-limit-wrong-dimension",
    'limit = "10 degC" for a peroxide value',
    "read_study",
    study(toml=study_toml(limit='"10 degC"')),
    err("unit_wrong_dimension", file="study.toml", key="attributes[0].limit"),
)
case(
    "unit-storage-bare-number",
    "storage = [30] (no unit)",
    "read_study",
    study(toml=study_toml(storage="[30]")),
    err("bare_number", file="study.toml", key="conditions.storage[0]"),
)
case(
    "unit-storage-kelvin-as-celsius",
    'storage = ["303 degC"]',
    "read_study",
    study(toml=study_toml(storage='["303 degC"]')),
    err("temperature_implausible", file="study.toml", key="conditions.storage[0]"),
)

# ---- rows and cells ------------------------------------------------------------------
case(
    "row-duplicated",
    "rows 7-11 pasted twice at the end of the sheet",
    "analyze",
    study(csv_text(R + R[5:10])),
    warn("data_duplicate_rows"),
)
case(
    "row-negative-time",
    "a negative storage time (-7)",
    "read_study",
    study(csv_text(replace_cell(R, 6, 0, "-7"))),
    err("time_negative", file="data.csv", row=8, column="time [day]"),
)
case(
    "row-time-backwards",
    "rows in reverse order (time going backwards down the sheet)",
    "read_study",
    study(csv_text(R[::-1])),
    ok("values"),
)
case(
    "row-nan-text",
    "'NaN' typed in a peroxide value cell",
    "read_study",
    study(csv_text(replace_cell(R, 4, 2, "NaN"))),
    err("cell_not_numeric", file="data.csv", row=6, column="peroxide_value [meq/kg]"),
)
case(
    "row-inf",
    "'inf' in the temperature column",
    "read_study",
    study(csv_text(replace_cell(R, 2, 1, "inf"))),
    err("cell_not_numeric", file="data.csv", row=4, column="temperature [°C]"),
)
case(
    "row-div0",
    "'#DIV/0!' exported from Excel in a peroxide value cell",
    "read_study",
    study(csv_text(replace_cell(R, 9, 2, "#DIV/0!"))),
    err("cell_not_numeric", file="data.csv", row=11, column="peroxide_value [meq/kg]"),
)
case(
    "row-blank-time",
    "a blank time cell in a measured row",
    "read_study",
    study(csv_text(replace_cell(R, 3, 0, ""))),
    err("cell_missing", file="data.csv", row=5, column="time [day]"),
)
case(
    "row-blank-temperature",
    "a blank temperature cell in a measured row",
    "read_study",
    study(csv_text(replace_cell(R, 12, 1, ""))),
    err("cell_missing", file="data.csv", row=14, column="temperature [°C]"),
)
case(
    "row-attribute-empty",
    "the moisture column is entirely empty",
    "read_study",
    study(
        csv_text([[*r, ""] for r in R], [*HEADER, "moisture [%]"]),
        study_toml(
            attr_extra='\n[[attributes]]\nname = "moisture"\nunit = "%"\n'
            'limit = 4.0\ndirection = "max"\n'
        ),
    ),
    err("no_data", file="data.csv", column="moisture [%]"),
)
case(
    "row-attribute-constant",
    "every peroxide value is 1.00",
    "read_study",
    study(csv_text([[t, c, "1.00"] for t, c, _ in R])),
    err("values_constant", file="data.csv", column="peroxide_value [meq/kg]"),
)
case(
    "row-dash-for-missing",
    "'-' typed for a value not measured",
    "read_study",
    study(csv_text(replace_cell(R, 7, 2, "-"))),
    err("cell_not_numeric", file="data.csv", row=9, column="peroxide_value [meq/kg]"),
)
case(
    "row-date-as-time",
    "storage time written as dates (2027-01-04)",
    "read_study",
    study(csv_text([[f"2027-01-{int(t) + 4:02d}", c, v] for t, c, v in R])),
    err("cell_not_numeric", file="data.csv", row=2, column="time [day]"),
)
case(
    "row-time-overflow",
    "a time of 1e308 weeks",
    "read_study",
    study(csv_text(replace_cell(R, 5, 0, "1e308"), ["time [week]", *HEADER[1:]])),
    err("time_overflow", file="data.csv", row=7, column="time [week]"),
)
case(
    "row-huge-value",
    "a peroxide value of 1e400 (beyond floating point)",
    "read_study",
    study(csv_text(replace_cell(R, 5, 2, "1e400"))),
    err("cell_not_numeric", file="data.csv", row=7, column="peroxide_value [meq/kg]"),
)
case(
    "row-zero-first-order",
    'peroxide value 0 at t=0 with model = "first"',
    "analyze",
    study(csv_text(replace_cell(R, 0, 2, "0.00")), study_toml(attr_extra='model = "first"\n')),
    err("value_not_positive", file="data.csv", row=2, column="peroxide_value [meq/kg]"),
)

# ---- design --------------------------------------------------------------------------
case(
    "des-one-temperature",
    "all samples stored at 35 °C",
    "read_study",
    study(csv_text(base_rows(temps=(35,)))),
    err("one_temperature", file="data.csv", column="temperature [°C]"),
)
case(
    "des-two-temperatures",
    "only two storage temperatures (35 and 45 °C)",
    "analyze",
    study(csv_text(base_rows(temps=(35, 45)))),
    warn("too_few_temperatures"),
)
case(
    "des-no-pulls-after-zero",
    "only the t=0 samples were measured",
    "read_study",
    study(csv_text(base_rows(times=(0,)))),
    err("no_pulls_after_start", file="data.csv", column="time [day]"),
)
case(
    "des-limit-below-start",
    'direction = "max" with a limit (0.5) below the initial value (~1)',
    "analyze",
    study(toml=study_toml(limit="0.5")),
    warn("limit_exceeded_at_start"),
)
case(
    "des-direction-wrong",
    'direction = "min" for a peroxide value that rises',
    "analyze",
    study(toml=study_toml(limit="0.5", direction='"min"')),
    warn("no_finite_shelf_life"),
)

# ---- study.toml ----------------------------------------------------------------------
case(
    "toml-syntax",
    "an unterminated string in study.toml",
    "read_study",
    study(toml=BASE_TOML.replace('"bad-input"', '"bad-input')),
    err("toml_syntax", file="study.toml", row=4),
)
case(
    "toml-limit-text",
    'limit = "ten"',
    "read_study",
    study(toml=study_toml(limit='"ten"')),
    err("limit_invalid", file="study.toml", key="attributes[0].limit"),
)
case(
    "toml-limit-bool",
    "limit = true",
    "read_study",
    study(toml=study_toml(limit="true")),
    err("toml_bad_value", file="study.toml", key="attributes[0].limit"),
)
case(
    "toml-name-number",
    "attribute name = 5 (a number for a string)",
    "read_study",
    study(toml=BASE_TOML.replace('name = "peroxide_value"', "name = 5")),
    err("toml_bad_value", file="study.toml", key="attributes[0].name"),
)
case(
    "toml-attributes-table",
    "[attributes] written as a table, not [[attributes]]",
    "read_study",
    study(toml=BASE_TOML.replace("[[attributes]]", "[attributes]")),
    err("toml_bad_value", file="study.toml", key="attributes"),
)
case(
    "toml-storage-table",
    'storage = {t = "30 degC"} (a table for a list)',
    "read_study",
    study(toml=study_toml(storage='{t = "30 degC"}')),
    err("toml_bad_value", file="study.toml", key="conditions.storage"),
)
case(
    "toml-storage-empty",
    "storage = []",
    "read_study",
    study(toml=study_toml(storage="[]")),
    err("toml_bad_value", file="study.toml", key="conditions.storage"),
)
case(
    "toml-conditions-list",
    'conditions = ["30 degC"] (a list for the [conditions] table)',
    "read_study",
    study(
        toml=BASE_TOML.replace('[conditions]\nstorage = ["30 degC"]\n', "").replace(
            "schema_version = 1\n", 'schema_version = 1\nconditions = ["30 degC"]\n'
        )
    ),
    err("toml_bad_value", file="study.toml", key="conditions"),
)
case(
    "toml-missing-data-key",
    "[study] without data =",
    "read_study",
    study(toml=BASE_TOML.replace('data = "data.csv"\n', "")),
    err("toml_missing_key", file="study.toml", key="study.data"),
)
case(
    "toml-missing-limit",
    "an attribute without limit",
    "read_study",
    study(toml=BASE_TOML.replace("limit = 10.0\n", "")),
    err("toml_missing_key", file="study.toml", key="attributes[0].limit"),
)
case(
    "toml-missing-attributes",
    "no [[attributes]] at all",
    "read_study",
    study(toml=study_toml(attributes="")),
    err("toml_missing_key", file="study.toml", key="attributes"),
)
case(
    "toml-typo-key",
    "'limt = 10.0' (typo of limit)",
    "read_study",
    study(toml=BASE_TOML.replace("limit = 10.0", "limit = 10.0\nlimt = 10.0")),
    err("toml_unknown_key", file="study.toml", key="attributes[0].limt"),
)
case(
    "toml-typo-section",
    "[condition] instead of [conditions]",
    "read_study",
    study(toml=BASE_TOML.replace("[conditions]", "[condition]")),
    err("toml_unknown_key", file="study.toml", key="condition"),
)
case(
    "toml-direction-bad",
    'direction = "maximum"',
    "read_study",
    study(toml=study_toml(direction='"maximum"')),
    err("toml_bad_value", file="study.toml", key="attributes[0].direction"),
)
case(
    "toml-schema-version-2",
    "schema_version = 2 (a future format)",
    "read_study",
    study(toml=BASE_TOML.replace("schema_version = 1", "schema_version = 2")),
    err("toml_bad_value", file="study.toml", key="schema_version"),
)
case(
    "toml-empty",
    "study.toml is empty",
    "read_study",
    study(toml=""),
    err("toml_missing_key", file="study.toml", key="schema_version"),
)
case(
    "toml-duplicate-attribute",
    "the same attribute declared twice",
    "read_study",
    study(
        toml=study_toml(
            attr_extra='\n[[attributes]]\nname = "Peroxide value"\n'
            'unit = "meq/kg"\nlimit = 10.0\ndirection = "max"\n'
        )
    ),
    err("attribute_duplicate", file="study.toml", key="attributes[1].name"),
)
case(
    "toml-no-study-file",
    "a folder without study.toml",
    "read_study",
    {"data.csv": BASE_CSV},
    err("file_not_found", file="study.toml"),
)
case(
    "toml-data-missing",
    'data = "dta.csv" (no such file)',
    "read_study",
    study(toml=study_toml(data="dta.csv")),
    err("file_not_found", file="dta.csv", key="study.data"),
)
case(
    "toml-data-outside",
    'data = "../../etc/passwd" (outside the study folder)',
    "read_study",
    study(toml=study_toml(data="../../etc/passwd")),
    err("data_path_outside", file="study.toml", key="study.data"),
)
case(
    "toml-data-absolute",
    'data = "/etc/hostname" (an absolute path)',
    "read_study",
    study(toml=study_toml(data="/etc/hostname")),
    err("data_path_outside", file="study.toml", key="study.data"),
)
case(
    "toml-data-folder",
    'data = "sub" names a folder',
    "read_study",
    {**study(toml=study_toml(data="sub")), "sub/README.txt": "not data\n"},
    err("file_not_found", file="sub", key="study.data"),
)

# ---- workbooks -----------------------------------------------------------------------
XROWS = [HEADER, *numeric_rows()]
case(
    "xlsx-several-sheets",
    "data.xlsx with sheets 'Data' and 'Notes' and no sheet = named",
    "read_study",
    {
        "study.toml": study_toml(data="data.xlsx"),
        "data.xlsx": xlsx_bytes({"Data": XROWS, "Notes": [["note"], ["from the lab"]]}),
    },
    err("xlsx_sheet_ambiguous", file="data.xlsx", key="study.sheet"),
)
case(
    "xlsx-sheet-missing",
    'sheet = "Dta" (no such sheet)',
    "read_study",
    {
        "study.toml": study_toml(data="data.xlsx", study_extra='sheet = "Dta"'),
        "data.xlsx": xlsx_bytes({"Data": XROWS, "Notes": [["note"]]}),
    },
    err("xlsx_sheet_missing", file="data.xlsx", key="study.sheet"),
)
case(
    "xlsx-formulas-no-cache",
    "formulas saved without their computed values (never recalculated)",
    "read_study",
    {"study.toml": study_toml(data="data.xlsx"), "data.xlsx": xlsx_with_formulas()},
    err("xlsx_formula_no_value", file="data.xlsx", row=7, column="peroxide_value [meq/kg]"),
)
case(
    "xlsx-error-cell",
    "a cached #DIV/0! error value in a peroxide value cell",
    "read_study",
    {
        "study.toml": study_toml(data="data.xlsx"),
        "data.xlsx": xlsx_bytes({"Data": replace_cell(XROWS, 5, 2, "#DIV/0!")}),
    },
    err("cell_not_numeric", file="data.xlsx", row=6, column="peroxide_value [meq/kg]"),
)
case(
    "xlsx-merged-title",
    "data.xlsx with a title merged across A1:C1 above the header",
    "read_study",
    {"study.toml": study_toml(data="data.xlsx"), "data.xlsx": xlsx_merged_title()},
    err("header_not_first_row", file="data.xlsx", row=1),
)
case(
    "xlsx-truncated",
    "data.xlsx cut off half-way (damaged download)",
    "read_study",
    {"study.toml": study_toml(data="data.xlsx"), "data.xlsx": xlsx_bytes({"Data": XROWS})[:1500]},
    err("file_unreadable", file="data.xlsx"),
)
case(
    "xlsx-dimension-bomb",
    "a tiny workbook whose sheet claims the range A1:ZZ5000000",
    "read_study",
    {"study.toml": study_toml(data="data.xlsx"), "data.xlsx": xlsx_dimension_bomb()},
    err("table_too_large", file="data.xlsx"),
)
case(
    "xlsx-declared-huge",
    "a workbook whose sheet declares 8 GiB uncompressed (zip bomb header)",
    "read_study",
    {"study.toml": study_toml(data="data.xlsx"), "data.xlsx": xlsx_declared_huge()},
    err("xlsx_too_large", file="data.xlsx"),
)

# ---- enormous files (made by the test: sparse files cost no disk) ---------------------
case(
    "big-sparse-data",
    "data.csv of 11 GiB (a sparse file made by the test)",
    "read_study",
    {"study.toml": BASE_TOML},
    err("file_too_large", file="data.csv"),
    make="data.csv:sparse",
)
case(
    "big-many-cells",
    "data.csv of 1.2 million cells (made by the test)",
    "read_study",
    {"study.toml": BASE_TOML},
    err("table_too_large", file="data.csv"),
    make="data.csv:cells",
)
case(
    "big-sparse-logger",
    "a logger export of 11 GiB (a sparse file made by the test)",
    "read_logger",
    {},
    err("file_too_large", file="logger.csv"),
    target="logger.csv",
    make="logger.csv:sparse",
)
case(
    "big-toml",
    "study.toml of 5 MiB (a comment line repeated; made by the test)",
    "read_study",
    {"data.csv": BASE_CSV},
    err("file_too_large", file="study.toml"),
    make="study.toml:big",
)

# ---- data-logger exports -------------------------------------------------------------
L = logger_lines()
case(
    "log-gap",
    "30-minute logger with a 6-hour gap",
    "logger_history",
    {"logger.csv": logger_csv(L[:20] + logger_lines(28, start_hour=16))},
    warn("logger_gap"),
    target="logger.csv",
)
case(
    "log-duplicate-lines",
    "the same readings exported twice (repeated lines)",
    "logger_history",
    {"logger.csv": logger_csv(L[:30] + L[20:30] + L[30:])},
    warn("logger_duplicates_dropped"),
    target="logger.csv",
)
case(
    "log-duplicate-conflict",
    "one timestamp twice with different temperatures",
    "read_logger",
    {"logger.csv": logger_csv(L[:10] + [(L[9][0], "35.0")] + L[10:])},
    err("logger_time_not_increasing", file="logger.csv", row=12, column="Time"),
    target="logger.csv",
)
case(
    "log-fahrenheit",
    "a logger export in °F",
    "read_logger",
    {"logger.csv": logger_csv([(s, f"{float(t) * 9 / 5 + 32:.1f}") for s, t in L], "°F")},
    ok("logger_celsius"),
    target="logger.csv",
)
case(
    "log-fahrenheit-as-celsius",
    "°F readings (86-88) under a °C header",
    "logger_history",
    {"logger.csv": logger_csv([(s, f"{float(t) * 9 / 5 + 32:.1f}") for s, t in L])},
    warn("logger_maybe_fahrenheit"),
    target="logger.csv",
)
case(
    "log-clock-backwards",
    "the logger clock jumps back one hour",
    "read_logger",
    {"logger.csv": logger_csv(L[:12] + logger_lines(36, start_hour=5))},
    err("logger_time_not_increasing", file="logger.csv", row=14, column="Time"),
    target="logger.csv",
)
case(
    "log-empty",
    "an empty logger file",
    "read_logger",
    {"logger.csv": ""},
    err("file_empty", file="logger.csv"),
    target="logger.csv",
)
case(
    "log-png",
    "a PNG image named logger.csv",
    "read_logger",
    {"logger.csv": PNG},
    err("logger_binary_format", file="logger.csv"),
    target="logger.csv",
)
case(
    "log-xlsx-renamed",
    "an XLSX workbook named logger.txt",
    "read_logger",
    {"logger.txt": xlsx_bytes({"Log": [["Time", "Temperature (°C)"], ["2027-06-07 00:00", 30]]})},
    err("logger_binary_format", file="logger.txt"),
    target="logger.txt",
)
case(
    "log-no-unit",
    "temperature header without a unit",
    "read_logger",
    {"logger.csv": logger_csv(L).replace("Temperature (°C)", "Temperature")},
    err("logger_unit_missing", file="logger.csv", column="Temperature"),
    target="logger.csv",
)
case(
    "log-time-invalid",
    "an impossible timestamp (2027-06-31)",
    "read_logger",
    {"logger.csv": logger_csv(L[:5] + [("2027-06-31 02:30:00", "30.1")] + L[6:])},
    err("logger_time_invalid", file="logger.csv", row=7, column="Time"),
    target="logger.csv",
)
case(
    "log-no-header",
    "readings without a header line",
    "read_logger",
    {"logger.csv": logger_csv(L).split("\n", 1)[1]},
    err("logger_no_header", file="logger.csv"),
    target="logger.csv",
)
case(
    "log-utf16",
    "a logger export in UTF-16 with BOM",
    "read_logger",
    {"logger.csv": codecs.BOM_UTF16_LE + logger_csv(L).encode("utf-16-le")},
    ok("logger_celsius"),
    target="logger.csv",
)
case(
    "log-absurd-values",
    "sensor fault readings of 850 °C among normal ones",
    "logger_history",
    {"logger.csv": logger_csv(L[:10] + [(L[10][0], "850.0")] + L[11:])},
    warn("logger_temperature_absurd"),
    target="logger.csv",
)

# ---- market rule files ---------------------------------------------------------------
case(
    "mkt-date-pattern-time",
    "date rule 'dd.MM.yyyy HH:mm' (a date has no hours)",
    "read_market_file",
    {"market.toml": market('day = "dd.MM.yyyy"', 'day = "dd.MM.yyyy HH:mm"')},
    err("market_pattern_invalid", file="market.toml", key="date_format.day"),
    target="market.toml",
)
case(
    "mkt-date-pattern-week-year",
    "date rule 'DD.MM.YYYY' (day of year, week-based year: right in January, wrong later)",
    "read_market_file",
    {"market.toml": market('day = "dd.MM.yyyy"', 'day = "DD.MM.YYYY"')},
    err("market_pattern_field", file="market.toml", key="date_format.day"),
    target="market.toml",
)
case(
    "mkt-locale-unknown",
    'locale = "xx_YY"',
    "read_market_file",
    {"market.toml": market('locale = "en"', 'locale = "xx_YY"')},
    err("market_locale_unknown", file="market.toml", key="date_format.locale"),
    target="market.toml",
)
case(
    "mkt-typo-key",
    "'separater' instead of 'separator'",
    "read_market_file",
    {"market.toml": market('separator = ": "', 'separater = ": "')},
    err("toml_unknown_key", file="market.toml", key="date_format.separater"),
    target="market.toml",
)
case(
    "mkt-template-braces",
    "duration text '{n} {m} months' (an unknown field)",
    "read_market_file",
    {
        "market.toml": market(
            'separator = ": "', 'separator = ": "\nduration_month = "{n} {m} months"'
        )
    },
    err("market_template_invalid", file="market.toml", key="date_format.duration_month"),
    target="market.toml",
)
case(
    "mkt-safety-factor-above-one",
    "default safety factor 1.5 (more than the shelf life)",
    "read_market_file",
    {"market.toml": market("default = 0.8", "default = 1.5", "jp.toml")},
    err("toml_bad_value", file="market.toml", key="safety_factor.default"),
    target="market.toml",
)
case(
    "mkt-safety-factor",
    "default safety factor 0.8 outside its own typical range [0.9, 1.0]",
    "read_market_file",
    {"market.toml": market("typical = [0.6, 1.0]", "typical = [0.9, 1.0]", "jp.toml")},
    err("market_safety_factor_range", file="market.toml", key="safety_factor"),
    target="market.toml",
)
case(
    "mkt-wrong-type",
    'verified = "yes" (a string for a boolean)',
    "read_market_file",
    {"market.toml": market("verified = true", 'verified = "yes"')},
    err("toml_bad_value", file="market.toml", key="phrases[0].verified"),
    target="market.toml",
)

# ---- protocol templates and study plans ----------------------------------------------
case(
    "pro-negative-pull",
    "a pull at -3 days",
    "read_protocol_file",
    {"protocol.toml": protocol("pulls = [0, 3, 7,", "pulls = [0, -3, 7,")},
    err("pull_time_negative", file="protocol.toml", key="plan.chambers[0].pulls[1]"),
    target="protocol.toml",
)
case(
    "pro-pulls-not-increasing",
    "pulls out of order ([0, 7, 3, ...])",
    "read_protocol_file",
    {"protocol.toml": protocol("pulls = [0, 3, 7,", "pulls = [0, 7, 3,")},
    err("pull_times_not_increasing", file="protocol.toml", key="plan.chambers[0].pulls[2]"),
    target="protocol.toml",
)
case(
    "pro-chamber-duplicate",
    "two chambers at 50 °C",
    "read_protocol_file",
    {"protocol.toml": protocol('temperature = "40 degC"', 'temperature = "50 degC"')},
    err("chamber_duplicate", file="protocol.toml", key="plan.chambers[1].temperature"),
    target="protocol.toml",
)
case(
    "pro-temperature-bare",
    "chamber temperature = 50 (no unit)",
    "read_protocol_file",
    {"protocol.toml": protocol('temperature = "50 degC"', "temperature = 50")},
    err("bare_number", file="protocol.toml", key="plan.chambers[0].temperature"),
    target="protocol.toml",
)
case(
    "pro-rh-over-100",
    'storage rh = "175 %"',
    "read_protocol_file",
    {"protocol.toml": protocol('rh = "75 %"', 'rh = "175 %"')},
    err("rh_out_of_range", file="protocol.toml", key="storage.rh"),
    target="protocol.toml",
)
case(
    "pro-replicates-string",
    'replicates = "3" (a string for a number)',
    "read_protocol_file",
    {"protocol.toml": protocol("replicates = 3", 'replicates = "3"')},
    err("toml_bad_value", file="protocol.toml", key="plan.replicates"),
    target="protocol.toml",
)
case(
    "pro-pull-nan",
    "a pull time of nan",
    "read_protocol_file",
    {"protocol.toml": protocol("pulls = [0, 3, 7,", "pulls = [0, nan, 7,")},
    err("pull_time_not_finite", file="protocol.toml", key="plan.chambers[0].pulls[1]"),
    target="protocol.toml",
)
case(
    "plan-negative-pull",
    "study.toml [protocol] with a pull at -7 days",
    "read_plan",
    study(toml=BASE_TOML + PLAN_TABLE.replace("pulls = [0, 7, 14", "pulls = [0, -7, 14", 1)),
    err("pull_time_negative", file="study.toml", key="protocol.chambers[0].pulls[1]"),
)
case(
    "plan-bad-start",
    'study.toml [protocol] start = "2027-02-30"',
    "read_plan",
    study(toml=BASE_TOML + PLAN_TABLE.replace("start = 2027-01-04", 'start = "2027-02-30"')),
    err("toml_bad_value", file="study.toml", key="protocol.start"),
)

# ---- consumer panels (read through a study folder's [[sensory]] table) ----------------
SENSORY = study_toml(
    attr_extra='\n[[sensory]]\nname = "consumers"\ndata = "panel.csv"\n'
    'distribution = "weibull"\nrejection = "50 %"\n'
)
case(
    "pan-answer-unknown",
    "consumer panel with an answer 'maybe' (neither yes nor no)",
    "read_study",
    study(
        toml=SENSORY, **{"panel.csv": panel(PANEL_ROWS[:7] + ["K02,15,30,maybe"] + PANEL_ROWS[8:])}
    ),
    err("sensory_answer_unknown", file="panel.csv", row=9, column="answer"),
)
case(
    "pan-negative-time",
    "consumer panel with a tasting at -15 days",
    "read_study",
    study(
        toml=SENSORY, **{"panel.csv": panel(PANEL_ROWS[:3] + ["K01,-15,30,ya"] + PANEL_ROWS[4:])}
    ),
    err("sensory_time_negative", file="panel.csv", row=5, column="time [day]"),
)
case(
    "pan-no-consumer-column",
    "consumer panel without a consumer column",
    "read_study",
    study(
        toml=SENSORY,
        **{
            "panel.csv": "\n".join(
                r.split(",", 1)[1] for r in [panel(PANEL_ROWS).splitlines()[0], *PANEL_ROWS]
            )
            + "\n"
        },
    ),
    err("sensory_column_missing", file="panel.csv", column="consumer"),
)
case(
    "pan-outside",
    '[[sensory]] data = "../panel.csv" (outside the study folder)',
    "read_study",
    study(toml=SENSORY.replace('data = "panel.csv"', 'data = "../panel.csv"')),
    err("data_path_outside", file="study.toml", key="sensory[0].data"),
)

# ---- critical-moisture studies -------------------------------------------------------
case(
    "crit-aw-percent",
    "water activity column holding percent (11.28 ...)",
    "read_study",
    critical(iso=isotherm_with("aw", lambda v: f"{float(v) * 100:.2f}")),
    err("water_activity_above_one", file="isotherm.csv", row=2, column="aw"),
)
case(
    "crit-rh-percent-as-fraction",
    "rh [%] column holding water activities (0.11 ...)",
    "read_study",
    critical(iso=isotherm_with("aw", lambda v: v).replace("salt,aw,", "salt,rh [%],")),
    err("rh_looks_like_fraction", file="isotherm.csv", column="rh [%]"),
)
case(
    "crit-critical-below-initial",
    "critical moisture (0.04) below the initial one (0.05)",
    "read_study",
    critical(CRITICAL_TOML.replace("critical = 0.105", "critical = 0.04")),
    err("critical_not_above_initial", file="study.toml", key="moisture.critical"),
)
case(
    "crit-moisture-negative",
    "a negative equilibrium moisture",
    "read_study",
    critical(iso=ISOTHERM.replace("0.0383", "-0.0383")),
    err("moisture_negative", file="isotherm.csv", row=2, column="moisture"),
)
case(
    "crit-conditions-rh-fraction",
    '[conditions] rh = "0.75 %" (aw written as percent)',
    "read_study",
    critical(CRITICAL_TOML.replace('rh = "75 %"', 'rh = "0.75 %"')),
    err("rh_looks_like_fraction", file="study.toml", key="conditions.rh"),
)
case(
    "crit-data-outside",
    'data = "../isotherm.csv" (outside the study folder)',
    "read_study",
    critical(CRITICAL_TOML.replace('data = "isotherm.csv"', 'data = "../isotherm.csv"')),
    err("data_path_outside", file="study.toml", key="study.data"),
)


# ------------------------------------------------------------------------------- writing


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def manifest() -> str:
    lines = [
        "# The catalogue of bad inputs (issue 10, item 1): one [[case]] per folder here.",
        "# Generated by tests/bad_inputs/make_cases.py -- edit the script, not this file.",
        "# Run by tests/test_bad_inputs.py; listed in docs/bad-inputs.md",
        "# (scripts/bad_inputs_table.py).",
        "",
    ]
    for c in CASES:
        lines.append("[[case]]")
        fields = {"id": c.id, "what": c.what, "entry": c.entry}
        if c.target:
            fields["target"] = c.target
        if c.make:
            fields["make"] = c.make
        fields.update(c.expect)
        for k, v in fields.items():
            lines.append(f"{k} = {_toml_value(v)}")
        lines.append("")
    return "\n".join(lines)


def write() -> None:
    ids = [c.id for c in CASES]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise RuntimeError(f"duplicate case ids: {sorted(dupes)}")
    for old in HERE.iterdir():
        if old.is_dir() and not old.name.startswith(("_", ".")):
            shutil.rmtree(old)
    for c in CASES:
        folder = HERE / c.id
        folder.mkdir()
        for name, content in c.files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            data = content.encode("utf-8") if isinstance(content, str) else content
            path.write_bytes(data)
        if not c.files:
            (folder / ".keep").write_bytes(b"")
    base = HERE / "_base"  # the sound study every case departs from (and the CLI's base)
    base.mkdir(exist_ok=True)
    (base / "study.toml").write_text(BASE_TOML, encoding="utf-8")
    (base / "data.csv").write_text(BASE_CSV, encoding="utf-8")
    (HERE / "cases.toml").write_text(manifest(), encoding="utf-8")


if __name__ == "__main__":
    write()
    print(f"{len(CASES)} cases written to {HERE}")
