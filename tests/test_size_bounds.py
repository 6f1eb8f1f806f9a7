"""Readers are bounded in size and time (issue 10, item 6): a huge file or a zip bomb ends
quickly with a coded error instead of exhausting the machine.

Big files are made on the fly: a sparse file (``truncate``) has any size and costs no disk;
a zip bomb is a small zip whose member inflates a thousandfold.
"""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

import shelflife as sl
from shelflife.errors import InputError, ShelfLifeError, StudyFileError
from shelflife.io import limits, read_table

ROOT = Path(__file__).resolve().parents[1]
HUGE = 11 * 2**30  # 11 GiB
STUDY_TOML = """\
schema_version = 1

[study]
name = "big"
data = "data.csv"

[[attributes]]
name = "pv"
unit = "meq/kg"
limit = 10.0
direction = "max"

[conditions]
storage = ["30 degC"]
"""


def sparse(path: Path, size: int = HUGE) -> Path:
    with open(path, "wb") as handle:
        handle.truncate(size)  # a hole: no disk space is used
    return path


def refused(call, *args, code: str, seconds: float = 1.5, **kwargs) -> ShelfLifeError:
    """Run ``call``; it must raise ``code`` within ``seconds``.

    The call is made twice and the second one timed: the first pays for lazy imports
    (pint's registry, pydantic models), which is not the reader's time. The time is the
    CPU time of this process (user + system), so a machine busy with other work does not
    fail the test, while a reader that hangs or reads the whole file still does.
    """
    with pytest.raises(ShelfLifeError):
        call(*args, **kwargs)
    start = time.process_time()
    with pytest.raises(ShelfLifeError) as info:
        call(*args, **kwargs)
    elapsed = time.process_time() - start
    assert info.value.code == code, info.value.render("en")
    assert elapsed < seconds, f"{code} took {elapsed:.2f} s"
    for lang in ("en", "id"):
        assert info.value.render(lang).strip()
    return info.value


def bomb(size: int = 60_000_000) -> bytes:
    """An XLSX-looking zip whose sheet inflates from about 60 kB to ``size`` bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * size)
    return out.getvalue()


# ---------------------------------------------------------------------------- the limits


def test_limits_leave_room_for_every_real_file():
    """A year of one-minute logger lines, a big panel and every shipped file fit easily."""
    year_of_minutes = 525_600 * len("2027-06-07 00:00:00,28.9,75.5\n")
    assert year_of_minutes * 5 < limits.MAX_LOGGER_BYTES
    panel = 200 * 20 * 5 * len("K001,120,45,tidak\n")
    assert panel * 50 < limits.MAX_SHEET_BYTES
    assert 200 * 20 * 5 * 4 * 10 < limits.MAX_SHEET_CELLS
    for path in [*ROOT.glob("sample_data/**/*.*"), *ROOT.glob("shelflife/**/*.toml")]:
        assert path.stat().st_size * 100 < limits.MAX_SHEET_BYTES, path
    for path in ROOT.glob("shelflife/**/*.toml"):
        assert path.stat().st_size * 50 < limits.MAX_TOML_BYTES, path


def test_read_bounded_stops_at_the_limit_on_a_device():
    """A device or pipe has no size on disk: the read itself stops at the limit."""
    err = refused(
        limits.read_bounded, Path("/dev/zero"), 1000, kind="sheet", code="file_too_large"
    )
    assert err.params["limit"] == 1


# -------------------------------------------------------------------------- huge files


def test_huge_data_sheet(tmp_path):
    err = refused(read_table, sparse(tmp_path / "data.csv"), code="file_too_large")
    assert err.params["size"] > 11_000 and err.params["limit"] == 50
    assert isinstance(err, InputError) and err.file == str(tmp_path / "data.csv")


def test_huge_data_sheet_in_a_study(tmp_path):
    (tmp_path / "study.toml").write_text(STUDY_TOML, encoding="utf-8")
    sparse(tmp_path / "data.csv")
    err = refused(sl.read_study, tmp_path, code="file_too_large")
    assert err.file == str(tmp_path / "data.csv")


def test_huge_workbook(tmp_path):
    refused(read_table, sparse(tmp_path / "data.xlsx"), code="file_too_large")


def test_huge_logger(tmp_path):
    err = refused(sl.read_logger, sparse(tmp_path / "chamber.csv"), code="file_too_large")
    assert err.params["limit"] == 250


def test_huge_panel_and_isotherm(tmp_path):
    refused(sl.read_panel, sparse(tmp_path / "panel.csv"), code="file_too_large")
    from shelflife.moisture import read_isotherm_data

    refused(read_isotherm_data, sparse(tmp_path / "iso.csv"), basis="dry", code="file_too_large")


@pytest.mark.parametrize("reader", ["study", "market", "protocol", "plan"])
def test_huge_toml_files(tmp_path, reader):
    from shelflife.markets import read_market_file
    from shelflife.protocols import read_plan, read_protocol_file

    path = sparse(tmp_path / "study.toml", 5_000_000)
    call = {
        "study": sl.read_study,
        "market": read_market_file,
        "protocol": read_protocol_file,
        "plan": read_plan,
    }[reader]
    err = refused(call, path, code="file_too_large")
    assert isinstance(err, StudyFileError) and err.params["limit"] == 4


def test_too_many_cells(tmp_path):
    row = ",".join(["1.5"] * 10) + "\n"
    path = tmp_path / "data.csv"
    path.write_text("time,temperature,pv" + ",x" * 7 + "\n" + row * 100_001, encoding="utf-8")
    err = refused(read_table, path, code="table_too_large", seconds=4.0)  # parses 1M cells
    assert err.params["limit"] == limits.MAX_SHEET_CELLS


# ------------------------------------------------------------------------------ zip bombs


def test_zip_bomb_by_compression_ratio(tmp_path):
    path = tmp_path / "data.xlsx"
    path.write_bytes(bomb())
    assert path.stat().st_size < 200_000
    err = refused(read_table, path, code="xlsx_compression_ratio", seconds=1.0)
    assert err.params["member"] == "xl/worksheets/sheet1.xml" and err.params["ratio"] > 200


def test_zip_bomb_by_declared_size(tmp_path):
    maker = _maker()
    path = tmp_path / "data.xlsx"
    path.write_bytes(maker.xlsx_declared_huge())
    err = refused(read_table, path, code="xlsx_too_large", seconds=1.0)
    assert err.params["size"] > 8000


def test_sheet_claiming_millions_of_rows(tmp_path):
    maker = _maker()
    path = tmp_path / "data.xlsx"
    path.write_bytes(maker.xlsx_dimension_bomb())
    err = refused(read_table, path, code="table_too_large", seconds=1.5)
    assert "A1:ZZ5000000" in err.render("en")


def test_a_normal_workbook_still_reads(tmp_path):
    """The bounds do not touch an ordinary workbook (here with formulas and their values)."""
    maker = _maker()
    path = tmp_path / "data.xlsx"
    path.write_bytes(maker.xlsx_bytes({"Data": [maker.HEADER, *maker.numeric_rows()]}))
    table = read_table(path)
    assert len(table) == 15 and table.attrs["format"] == "xlsx"


def _maker():
    import importlib.util
    import sys

    name = "make_cases"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            name, ROOT / "tests" / "bad_inputs" / "make_cases.py"
        )
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]
