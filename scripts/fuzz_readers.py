#!/usr/bin/env python
"""Fuzz every reader of shelflife with random and mutated inputs.

Each input is a small study folder or file made from a valid seed -- the sample studies in
``sample_data/``, the package's protocol templates, product presets and market files, and a
few data-logger exports -- by stacking one to four mutations: bit flips, truncation,
inserted or deleted delimiters, quotes, newlines and byte-order marks, re-encoding (UTF-16,
UTF-32, cp1252, latin-1), decimal commas, huge numbers, NaN/inf text, empty files,
duplicated headers, very long lines, cell edits of data sheets (also written as XLSX
workbooks), and for TOML files type swaps (string, number, array, table, boolean, date),
unknown keys, deleted keys and deep nesting. A few inputs are purely random bytes or text.

A reader must either return or raise one of the toolkit's own errors
(:class:`shelflife.errors.ShelfLifeError`); warnings are fine. Anything else is a failure:

- ``crash``: another exception escaped (a bare Python traceback for the user);
- ``hang``: the input took more than ``--timeout`` seconds of CPU time (or its worker was
  silent for twice that plus 10 s of wall time);
- ``invalid``: the reader accepted the input but its result holds an impossible number
  (an infinite time, a temperature of 10^300 K...), a follow-up step on the accepted result
  failed (a label from an accepted market file, a protocol's calendar), or an error code is
  missing from the message catalogue.

Every failing input is written to ``--out`` (one folder per failure, the files as the
reader saw them, ``failure.txt`` with the traceback and the command that reproduces it),
and the exit code is 1.

Examples
--------
::

    python scripts/fuzz_readers.py --reader all --runs 12500 --seed 1   # >= 100,000 inputs
    python scripts/fuzz_readers.py --reader logger --runs 2000 --seed 7 --jobs 2
    python scripts/fuzz_readers.py --reader study --seed 1 --case 4711   # replay one input
    python scripts/fuzz_readers.py --list

Inputs are deterministic: input ``i`` of reader ``r`` with seed ``s`` is the same on every
machine and for any number of ``--jobs``, so ``--case`` replays exactly what failed.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import functools
import io
import json
import math
import multiprocessing
import multiprocessing.connection
import os
import random
import re
import shutil
import signal
import sys
import tempfile
import time
import tomllib
import traceback
import warnings
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_data"
PACKAGE = ROOT / "shelflife"

#: Outcomes that make the run fail.
FAILURES = ("crash", "hang", "invalid")
#: Outcomes in table order.
OUTCOMES = ("ok", "error", *FAILURES)
#: Failing inputs written per distinct signature (the rest are only counted).
KEEP_PER_SIGNATURE = 3
#: Largest generated file: big enough for very long lines, small enough that reading it is a
#: question of parsing, not of disk and memory (bounding huge files is a separate check).
MAX_INPUT_BYTES = 4_000_000


# =================================================================================== seeds


@dataclass(frozen=True)
class Seed:
    """A valid input the mutations start from.

    Attributes
    ----------
    name : str
        Short name shown in failure reports.
    files : dict of str to bytes
        Relative path -> content of every file of the input.
    kinds : dict of str to str
        Relative path -> ``"toml"``, ``"table"`` (CSV-like) or ``"text"`` for the files that
        may be mutated.
    entry : str
        Relative path handed to the reader (``""``: the folder itself).
    extra : dict
        Reader-specific data (attributes of the data sheet, logger files to check...).
    """

    name: str
    files: dict[str, bytes]
    kinds: dict[str, str]
    entry: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def _bytes(path: Path) -> bytes:
    return path.read_bytes()


def _head(data: bytes, lines: int) -> bytes:
    """The first ``lines`` lines of a text file (keeps its line endings)."""
    return b"".join(data.splitlines(keepends=True)[:lines])


def _study_files(folder: Path, *, panel_lines: int = 81) -> tuple[dict[str, bytes], dict]:
    """study.toml and the data files it names (consumer panels cut to ``panel_lines``)."""
    raw = _bytes(folder / "study.toml")
    doc = tomllib.loads(raw.decode("utf-8"))
    files = {"study.toml": raw}
    kinds = {"study.toml": "toml"}
    names = [doc["study"]["data"]] + [s["data"] for s in doc.get("sensory", [])]
    for name in names:
        data = _bytes(folder / name)
        if name != doc["study"]["data"]:
            data = _head(data, panel_lines)
        files[name] = data
        kinds[name] = "table"
    return files, doc


STUDY_FOLDERS = (
    "keripik-tempe",
    "fruit-drink-vitamin-c",
    "gula-semut-realtime",
    "keripik-singkong-aslt",
    "dodol-apel-aslt",
    "kopi-bubuk-aslt",
    "sambal-bawang-aslt",
    "sambal-microbial",
    "kerupuk-cassava-vs-wheat/formulation-a",
    "kerupuk-cassava-vs-wheat/formulation-b",
    "keripik-consumer-panel",
)
PLAN_FOLDERS = (
    "dodol-apel-aslt",
    "keripik-singkong-aslt",
    "kopi-bubuk-aslt",
    "sambal-bawang-aslt",
)


def study_seeds() -> list[Seed]:
    """Kinetic, real-time, microbial and sensory study folders of ``sample_data``."""
    out = []
    for name in STUDY_FOLDERS:
        files, _ = _study_files(SAMPLES / name)
        out.append(Seed(name, files, {k: v for k, v in _kinds(files).items()}))
    return out


def _kinds(files: dict[str, bytes]) -> dict[str, str]:
    return {k: ("toml" if k.endswith(".toml") else "table") for k in files}


def datasheet_seeds() -> list[Seed]:
    """The data sheets of the sample studies, with the attributes their study declares."""
    import shelflife as sl

    out = []
    for name in STUDY_FOLDERS:
        folder = SAMPLES / name
        _, doc = _study_files(folder)
        data_name = doc["study"]["data"]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            study = sl.read_study(folder)
        extra = {
            "attributes": study.attributes,
            "storage": [f"{t!r} K" for t in study.storage_temperatures],
            "method": study.method,
            "name": study.name,
        }
        out.append(Seed(name, {data_name: _bytes(folder / data_name)}, {data_name: "table"},
                        entry=data_name, extra=extra))  # fmt: skip
    return out


def _synthetic_loggers() -> dict[str, bytes]:
    """Three more vendor styles (HOBO with event columns, generic Indonesian, >> metadata)."""
    start = datetime.datetime(2027, 3, 20)
    steps = [start + datetime.timedelta(minutes=15 * i) for i in range(60)]
    hobo = [
        "#,Date-Time (PST),Ch: 1 - Temperature   (°C),Ch: 2 - RH   (%),Dew Point   (°C),"
        "Host Connected,End of File"
    ]
    hobo += [f"{i + 1},{t:%m/%d/%Y %H:%M:%S},{22.39 + 0.01 * i:.2f},58.521,13.88,,"
             for i, t in enumerate(steps)]  # fmt: skip
    hobo.append(f"{len(steps) + 1},{steps[-1]:%m/%d/%Y %H:%M:%S},,,,,Logged")
    generic = ["Tanggal;Jam;Suhu (°C);RH (%)"]
    generic += [f"{t:%d/%m/%Y};{t:%H:%M};{27.5 + (i % 7) / 10:.1f};70".replace(".", ",")
                for i, t in enumerate(steps)]  # fmt: skip
    th = [
        ">>Logger: TH-Datalogger V2",
        ">>Serial: 4711",
        "-----------------------------------------------",
        "NO.\tDATE\tTIME\tTEMP(°C)\tHUMI(%RH)\tDEW(°C)",
        "-----------------------------------------------",
    ]
    for i, t in enumerate(steps):
        line = f"{i + 1}\t{t:%d-%m-%Y}\t{t:%H:%M:%S}\t{21.5 + i / 10:.1f}\t48,25\t10,3"
        th.append(line.replace(".", ","))
    return {
        "hobo-events.csv": ("\n".join(hobo) + "\n").encode("utf-8"),
        "generic-id.csv": ("\n".join(generic) + "\n").encode("utf-8"),
        "th-export.xls": ("\r\n".join(th) + "\r\n").encode("cp1252"),
    }


def logger_seeds() -> list[Seed]:
    """Elitech, EasyLog and HOBO exports of ``sample_data`` (whole and cut) and three more."""
    paths = sorted((SAMPLES / "loggers").glob("*.*")) + sorted(
        (SAMPLES / "kopi-bubuk-aslt" / "loggers").glob("*.*")
    )
    out = []
    for path in paths:
        if path.suffix == ".md":
            continue
        data = _bytes(path)
        out.append(Seed(path.name, {path.name: data}, {path.name: "table"}, entry=path.name))
        cut = f"head-{path.name}"
        out.append(Seed(cut, {cut: _head(data, 120)}, {cut: "table"}, entry=cut))
    for name, data in _synthetic_loggers().items():
        out.append(Seed(name, {name: data}, {name: "table"}, entry=name))
    return out


def protocol_seeds() -> list[Seed]:
    """The package's protocol templates and product presets."""
    data = PACKAGE / "protocols" / "data"
    out = []
    for kind, paths in (("protocol", data.glob("*.toml")), ("product", data.glob("products/*"))):
        for path in sorted(paths):
            name = path.name
            out.append(Seed(f"{kind}:{name}", {name: _bytes(path)}, {name: "toml"}, entry=name,
                            extra={"kind": kind}))  # fmt: skip
    return out


def plan_seeds() -> list[Seed]:
    """Study folders made by ``shelflife protocol new`` (with the chamber loggers of one)."""
    out = []
    for name in PLAN_FOLDERS:
        folder = SAMPLES / name
        files, _ = _study_files(folder)
        loggers = []
        for path in (
            sorted((folder / "loggers").glob("*.*")) if (folder / "loggers").is_dir() else []
        ):
            rel = f"loggers/{path.name}"
            files[rel] = _head(_bytes(path), 200)
            loggers.append(rel)
        out.append(Seed(name, files, _kinds(files), extra={"loggers": loggers}))
    return out


def market_seeds() -> list[Seed]:
    """The package's market rule files."""
    out = []
    for path in sorted((PACKAGE / "markets" / "data").glob("*.toml")):
        out.append(
            Seed(path.name, {path.name: _bytes(path)}, {path.name: "toml"}, entry=path.name)
        )
    return out


def panel_seeds() -> list[Seed]:
    """The consumer panel of ``sample_data`` (cut and whole) and an Indonesian variant."""
    data = _bytes(SAMPLES / "keripik-consumer-panel" / "panel.csv")
    text = _head(data, 61).decode("utf-8")
    header = (
        "consumer,time [day],temperature [°C],answer",
        "konsumen,waktu [hari],suhu [°C],jawaban",
    )
    indonesian = text.replace(*header).replace(",", ";").replace(";ya", ";Ya")
    files = {
        "panel.csv": _head(data, 61),
        "panel-long.csv": _head(data, 241),
        "panel-id.csv": indonesian.encode("cp1252"),
    }
    return [Seed(k, {k: v}, {k: "table"}, entry=k) for k, v in files.items()]


def critical_seeds() -> list[Seed]:
    """The critical-moisture study of ``sample_data``, and a semicolon/decimal-comma copy."""
    folder = SAMPLES / "kerupuk-critical-moisture"
    files, _ = _study_files(folder)
    out = [Seed("kerupuk-critical-moisture", files, _kinds(files))]
    iso = files["isotherm.csv"].decode("utf-8").replace(",", ";").replace(".", ",")
    out.append(Seed("kerupuk-semicolon", {**files, "isotherm.csv": iso.encode("utf-8")},
                    _kinds(files)))  # fmt: skip
    return out


# ================================================================================ readers


def _finite(values: Any) -> bool:
    import numpy as np

    arr = np.asarray(values, dtype=float)
    return bool(np.all(np.isfinite(arr)))


def _no_inf(values: Any) -> bool:
    import numpy as np

    arr = np.asarray(values, dtype=float)
    return not bool(np.any(np.isinf(arr)))


def check_study(study: Any) -> str | None:
    """Impossible numbers in an accepted :class:`~shelflife.study.Study` (``None``: none)."""
    from shelflife.units import STORAGE_TEMPERATURE_RANGE_K

    if getattr(study, "method", "") == "critical_moisture":
        return check_moisture_study(study)
    data = study.data
    time_day = data["time_day"].to_numpy(dtype=float)
    kelvin = data["temperature_K"].to_numpy(dtype=float)
    low, high = STORAGE_TEMPERATURE_RANGE_K
    if not _finite(time_day) or (time_day < 0).any():
        return "time not finite or negative"
    if not _finite(kelvin) or (kelvin < low).any() or (kelvin > high).any():
        return "temperature not finite or outside the storage range"
    for attribute in study.attributes:
        if not _no_inf(data[attribute.name].to_numpy(dtype=float)):
            return f"infinite value of {attribute.name}"
        if math.isinf(attribute.limit):
            return f"infinite limit of {attribute.name}"
    if not _finite(study.storage_temperatures):
        return "storage temperature not finite"
    if "rh" in data and not _no_inf(data["rh"].to_numpy(dtype=float)):
        return "infinite relative humidity"
    return None


def check_moisture_study(study: Any) -> str | None:
    """Impossible numbers in an accepted critical-moisture study."""
    if not _finite(study.aw) or ((study.aw <= 0) | (study.aw >= 1)).any():
        return "water activity not in (0, 1)"
    if not _finite(study.moisture) or (study.moisture <= 0).any():
        return "moisture not finite and positive"
    for name in ("initial", "critical", "temperature", "rh", "area", "dry_mass"):
        if not math.isfinite(getattr(study, name)):
            return f"{name} not finite"
    if study.area <= 0 or study.dry_mass <= 0:
        return "area or dry mass not positive"
    if study.target is not None and not (math.isfinite(study.target) and study.target > 0):
        return "target not finite and positive"
    for pack in study.packaging:
        for name in ("thickness", "wvtr", "wvtr_temperature", "wvtr_rh"):
            value = getattr(pack, name)
            if value is not None and not math.isfinite(value):
                return f"packaging {pack.name}: {name} not finite"
    return None


def run_study(folder: Path, seed: Seed) -> Any:
    """``shelflife.read_study`` on the folder."""
    import shelflife as sl

    return sl.read_study(folder / seed.entry if seed.entry else folder)


def run_datasheet(folder: Path, seed: Seed) -> Any:
    """``read_table`` then ``study_from_table`` with the attributes of the seed's study."""
    from shelflife.io import read_table, study_from_table

    table = read_table(folder / seed.entry)
    return study_from_table(
        table,
        seed.extra["attributes"],
        name=seed.extra["name"],
        storage=seed.extra["storage"],
        file=str(folder / seed.entry),
        method=seed.extra["method"],
    )


def run_logger(folder: Path, seed: Seed) -> Any:
    """``shelflife.read_logger``; an accepted file is also turned into a history."""
    import shelflife as sl

    log = sl.read_logger(folder / seed.entry, emit_warnings=False)
    readings = log.readings
    if len(readings) >= 2 and readings["temperature_C"].notna().sum() >= 2:
        log.to_profile()
    return log


def check_logger(log: Any) -> str | None:
    """Impossible numbers in accepted logger readings."""
    readings = log.readings
    if not _no_inf(readings["temperature_C"].to_numpy(dtype=float)):
        return "infinite temperature"
    if not _no_inf(readings["rh_percent"].to_numpy(dtype=float)):
        return "infinite relative humidity"
    if not readings["timestamp"].is_monotonic_increasing:
        return "timestamps not increasing"
    return None


def run_protocol(folder: Path, seed: Seed) -> Any:
    """``read_protocol_file`` or ``read_product_file``; a protocol is then described."""
    from shelflife.protocols import read_product_file, read_protocol_file

    path = folder / seed.entry
    if seed.extra["kind"] == "product":
        preset = read_product_file(path)
        preset.display_name("id")
        return preset
    plan = read_protocol_file(path)
    plan.describe("en")
    plan.describe("id")
    plan.schedule("2027-01-04")
    json.dumps(plan.to_dict(), allow_nan=False)
    return plan


def run_plan(folder: Path, seed: Seed) -> Any:
    """``read_plan`` then ``check_study`` (``shelflife protocol check``), JSON of the report."""
    from shelflife.protocols import check_study, read_plan

    read_plan(folder)
    report = check_study(folder, loggers=[folder / p for p in seed.extra["loggers"]])
    json.loads(report.to_json())
    report.summary_text("id")
    return report


def run_market(folder: Path, seed: Seed) -> Any:
    """``read_market_file``; an accepted file must then print labels."""
    from shelflife.markets import label, read_market_file

    market = read_market_file(folder / seed.entry)
    for shelf_life in ("45 day", "9 month", "3 year"):
        label(market, "2027-01-15", shelf_life).text  # noqa: B018
    return market


def run_panel(folder: Path, seed: Seed) -> Any:
    """``shelflife.read_panel``."""
    import shelflife as sl

    return sl.read_panel(folder / seed.entry)


def check_panel(panel: Any) -> str | None:
    """Impossible rejection intervals in an accepted panel."""
    import numpy as np

    lower, upper = np.asarray(panel.lower), np.asarray(panel.upper)
    if not _finite(lower) or (lower < 0).any() or np.isnan(upper).any() or (upper < lower).any():
        return "rejection interval not finite or not ordered"
    if not _finite(panel.times):
        return "storage time not finite"
    if panel.temperature is not None and not _finite(panel.temperature):
        return "temperature not finite"
    return None


@dataclass(frozen=True)
class Reader:
    """A reader under test.

    Attributes
    ----------
    name, help : str
        Name on the command line, and what is read.
    seeds : callable
        Returns the list of :class:`Seed`.
    run : callable
        ``run(folder, seed)`` reads the input written to ``folder`` and returns the result.
    check : callable
        ``check(result)`` returns a description of an impossible result, or ``None``.
    xlsx : bool
        Whether table files may be written as XLSX workbooks.
    """

    name: str
    help: str
    seeds: Callable[[], list[Seed]]
    run: Callable[[Path, Seed], Any]
    check: Callable[[Any], str | None] = lambda result: None
    xlsx: bool = False


READERS: dict[str, Reader] = {
    r.name: r
    for r in (
        Reader("study", "study folders (study.toml + data.csv/xlsx, panels)", study_seeds,
               run_study, check_study, xlsx=True),
        Reader("datasheet", "data sheets: read_table + study_from_table", datasheet_seeds,
               run_datasheet, check_study, xlsx=True),
        Reader("logger", "data-logger exports: read_logger", logger_seeds, run_logger,
               check_logger),
        Reader("protocol", "protocol templates and product presets", protocol_seeds,
               run_protocol),
        Reader("plan", "protocol study folders: read_plan + check_study", plan_seeds, run_plan,
               xlsx=True),
        Reader("market", "market rule files: read_market_file + label", market_seeds,
               run_market),
        Reader("panel", "consumer panel sheets: read_panel", panel_seeds, run_panel,
               check_panel, xlsx=True),
        Reader("critical", "critical-moisture study folders (study.toml + isotherm.csv)",
               critical_seeds, run_study, check_study, xlsx=True),
    )
}  # fmt: skip


@functools.cache
def seeds_of(reader: str) -> list[Seed]:
    """The seeds of a reader (loaded once per process)."""
    return READERS[reader].seeds()


# ============================================================================== mutations

INTERESTING_NUMBERS = (
    "NaN", "nan", "-nan", "inf", "-inf", "Infinity", "1e309", "-1e309", "1e308",
    "1.7976931348623157e308", "4.9e-324", "1e-320", "0", "-0", "-0.0", "0.0", "-1", "-273.16",
    "-459.68", "1e30", "-1e30", "9" * 40, "1" + "0" * 400, "0." + "0" * 400 + "1", "1e999999999",
    "2147483648", "9223372036854775808", "18446744073709551616", "1e-7", "00012", "1_000",
    "0x1F", "1,5", "1.5,5", "1.250,5", "1,250.5", "1 234", "1\u00a0234", "\u22125",
    "\uff11\uff12", "\u0661\u0662", "1e", "e5", ".", ",", "-", "+", "--1", "1..2", "NC", "---",
    "#N/A", "#DIV/0!", "=1/0", "TRUE", "FALSE", "none", "null", "",
)  # fmt: skip
INTERESTING_TEXT = (
    "", " ", "\t", "\"", "'", ";", ",", "\\", "[", "]", "{", "}", "=", "#", "%", "°", "°C",
    "°F",
    "degC", "K", "\u00b5", "\ufeff", "\u200b", "\u2028", "\u202e", "\x00", "\x1b[31m", "\r",
    "<script>alert(1)</script>", "${HOME}", "{0}", "{name}", "%s%s%s", "../../etc/passwd",
    "nul", "CON", "a" * 300, "ya", "tidak", "yes", "no", "1", "0", "Ya ", "TIDAK", "?", "x" * 5000,
)  # fmt: skip
UNITS = (
    "day", "days", "hari", "week", "minggu", "month", "bulan", "year", "h", "hour", "min", "s",
    "degC", "°C", "°F", "degF", "K", "kelvin", "°R", "delta_degC", "C", "F", "%", "percent",
    "meq/kg", "mg/100 g", "g/100 g", "g/g", "mg/kg", "log10 CFU/g", "CFU/g", "ppm", "kJ/mol",
    "kcal/mol", "J/mol", "m", "kg", "meter/second", "1/day", "", " ", "[", "]", "()", "furlong",
    "degC/degC", "°C°C", "10^999 K", "nan", "inf K", "1e999 degC", "day**1000", "day**-1",
    "(day", "day)", "$%&", "\u00b0C\u00b0", "dimensionless", "rad", "mol", "bit",
)  # fmt: skip
DELIMITER_BYTES = (
    b",", b";", b"\t", b"|", b'"', b"'", b"\n", b"\r", b"\r\n", b"\x00", b" ", b"\xef\xbb\xbf",
    b"\xff\xfe", b"\xfe\xff", b"=", b"[", b"]", b"{", b"}", b"#", b"\\", b"\x1a", b"\x0c",
    b"\xc2\xa0", b"\xe2\x80\xa8", b"\xed\xa0\x80", b"\xc0\xaf", b"\xff",
)  # fmt: skip
_NUMBER = re.compile(rb"-?\d+(?:[.,]\d+)?(?:[eE][-+]?\d+)?")


def _pos(rng: random.Random, data: bytes | list, *, end: bool = True) -> int:
    return rng.randint(0, len(data) if end else max(len(data) - 1, 0))


def b_bitflip(data: bytes, rng: random.Random) -> bytes:
    """Flip one to eight random bits."""
    if not data:
        return bytes([rng.randrange(256)])
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(len(buf))
        buf[i] ^= 1 << rng.randrange(8)
    return bytes(buf)


def b_insert(data: bytes, rng: random.Random) -> bytes:
    """Insert delimiters, quotes, newlines, byte-order marks or odd bytes at random places."""
    for _ in range(rng.randint(1, 6)):
        i = _pos(rng, data)
        data = data[:i] + rng.choice(DELIMITER_BYTES) * rng.choice((1, 1, 1, 2, 5)) + data[i:]
    return data


def b_delete(data: bytes, rng: random.Random) -> bytes:
    """Delete a random span, or every occurrence of one delimiter."""
    if not data:
        return data
    if rng.random() < 0.4:
        return data.replace(
            rng.choice((b",", b";", b"\t", b'"', b"\n", b"\r", b"=", b"[", b"]")), b""
        )
    i = rng.randrange(len(data))
    return data[:i] + data[i + rng.randint(1, 64) :]


def b_truncate(data: bytes, rng: random.Random) -> bytes:
    """Cut the file at a random byte (also inside a multi-byte character)."""
    return data[: _pos(rng, data)]


def b_duplicate(data: bytes, rng: random.Random) -> bytes:
    """Repeat a random span, or the whole file (a concatenated export)."""
    if not data or rng.random() < 0.3:
        return data + (b"" if data.endswith(b"\n") else b"\n") + data
    i = rng.randrange(len(data))
    j = min(len(data), i + rng.randint(1, 200))
    return data[:j] + data[i:j] * rng.randint(1, 4) + data[j:]


def b_reencode(data: bytes, rng: random.Random) -> bytes:
    """Re-encode the text (UTF-16/32 with or without BOM, cp1252, latin-1, UTF-8 BOM)."""
    text = data.decode("utf-8", "replace")
    encoding = rng.choice(
        ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig", "cp1252", "latin-1", "cp437")
    )
    return text.encode(encoding, "replace")


def b_decimal_comma(data: bytes, rng: random.Random) -> bytes:
    """Write decimal commas instead of points (all of them, or some)."""
    every = rng.random() < 0.5

    def swap(match: re.Match) -> bytes:
        if every or rng.random() < 0.3:
            return match.group(0).replace(b".", b",")
        return match.group(0)

    # starts only at the head of a digit run, never backtracks into it: linear on a line of
    # two million digits (a plain \d+\.\d+ search is quadratic there)
    return re.sub(rb"(?<!\d)\d++\.\d+", swap, data)


def b_number(data: bytes, rng: random.Random) -> bytes:
    """Replace one to three numbers with huge, tiny, NaN/inf or malformed number text."""
    matches = list(_NUMBER.finditer(data))
    if not matches:
        return data
    for match in sorted(rng.sample(matches, min(len(matches), rng.randint(1, 3))),
                        key=lambda m: -m.start()):  # fmt: skip
        new = rng.choice(INTERESTING_NUMBERS).encode("utf-8")
        data = data[: match.start()] + new + data[match.end() :]
    return data


def b_empty(data: bytes, rng: random.Random) -> bytes:
    """An empty file, only whitespace, only a BOM, or only the first line."""
    return rng.choice(
        (b"", b"\n", b"   \r\n\t", b"\xef\xbb\xbf", b"\xff\xfe", data.split(b"\n", 1)[0], b"\x00")
    )


def b_header_twice(data: bytes, rng: random.Random) -> bytes:
    """Duplicate the first line (a header pasted twice) or a random line."""
    lines = data.splitlines(keepends=True)
    if not lines:
        return data
    i = 0 if rng.random() < 0.6 else rng.randrange(len(lines))
    return b"".join(lines[: i + 1] + [lines[i]] + lines[i + 1 :])


def b_long_line(data: bytes, rng: random.Random) -> bytes:
    """Insert a very long line (up to 2 MB) or make one line very long."""
    unit = rng.choice((b"a", b"9", b",", b";", b"\t", b'"', b"1,5;", b"\xc3\xa9", b" ", b"["))
    long = unit * rng.choice((5_000, 70_000, 300_000, 2_000_000 // len(unit)))
    lines = data.splitlines(keepends=True)
    i = rng.randint(0, len(lines))
    if lines and rng.random() < 0.5:
        i = min(i, len(lines) - 1)
        lines[i] = lines[i].rstrip(b"\r\n") + long + b"\n"
    else:
        lines.insert(i, long + b"\n")
    return b"".join(lines)


def b_lines(data: bytes, rng: random.Random) -> bytes:
    """Swap, delete, duplicate or shuffle lines."""
    lines = data.splitlines(keepends=True)
    if len(lines) < 2:
        return data
    op = rng.randrange(4)
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    if op == 0:
        lines[i], lines[j] = lines[j], lines[i]
    elif op == 1:
        del lines[i]
    elif op == 2:
        lines.insert(j, lines[i])
    else:
        body = lines[1:]
        rng.shuffle(body)
        lines = lines[:1] + body
    return b"".join(lines)


def b_newlines(data: bytes, rng: random.Random) -> bytes:
    """Convert line endings to CRLF, CR only, LF, or a mixture; strip the final newline."""
    lf = data.replace(b"\r\n", b"\n")
    choice = rng.randrange(5)
    if choice == 0:
        return lf.replace(b"\n", b"\r\n")
    if choice == 1:
        return lf.replace(b"\n", b"\r")
    if choice == 2:
        return lf
    if choice == 3:
        return b"".join(line + rng.choice((b"\n", b"\r\n", b"\r", b"\x85", b"\x0b"))
                        for line in lf.split(b"\n"))  # fmt: skip
    return data.rstrip(b"\r\n")


def b_unicode(data: bytes, rng: random.Random) -> bytes:
    """Insert non-breaking spaces, unicode minus, zero-width and bidi marks, lone surrogates."""
    odd = ("\u00a0", "\u202f", "\u2212", "\u200b", "\u200e", "\u202e", "\ufeff", "\u2028",
           "\ud800", "\U0001f600", "\u0301", "\u00b0", "\u2103", "\u2109", "º")  # fmt: skip
    for _ in range(rng.randint(1, 5)):
        i = _pos(rng, data)
        data = data[:i] + rng.choice(odd).encode("utf-8", "surrogatepass") + data[i:]
    return data


def b_random(data: bytes, rng: random.Random) -> bytes:
    """Purely random bytes or random printable text of random length."""
    n = rng.choice((1, 10, 100, 1000, 20_000))
    if rng.random() < 0.5:
        return rng.randbytes(n)
    alphabet = "abcxyz0123456789.,;\t\n\r\"'[]{}=#-+ eE°%/"
    return "".join(rng.choice(alphabet) for _ in range(n)).encode("utf-8")


BYTE_MUTATIONS: tuple[tuple[Callable[[bytes, random.Random], bytes], float], ...] = (
    (b_bitflip, 3),
    (b_insert, 3),
    (b_delete, 2),
    (b_truncate, 2),
    (b_duplicate, 1),
    (b_reencode, 1.5),
    (b_decimal_comma, 1.5),
    (b_number, 3),
    (b_empty, 0.4),
    (b_header_twice, 1),
    (b_long_line, 0.4),
    (b_lines, 1.5),
    (b_newlines, 1),
    (b_unicode, 1),
    (b_random, 0.2),
)


def _pick(rng: random.Random, weighted: tuple[tuple[Any, float], ...]) -> Any:
    items, weights = zip(*weighted, strict=True)
    return rng.choices(items, weights)[0]


# --------------------------------------------------------------------------- tables


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=first.count)


def parse_rows(data: bytes) -> tuple[list[list[str]], str]:
    """Rows of a CSV-like file (UTF-8 or cp1252) and its delimiter."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", "replace")
    delimiter = _delimiter(text)
    try:
        rows = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error:  # a field over the csv module's limit: split naively
        rows = [line.split(delimiter) for line in text.splitlines()]
    return rows, delimiter


def _data_cell(rows: list[list[str]], rng: random.Random) -> tuple[int, int] | None:
    cells = [(i, j) for i in range(1, len(rows)) for j in range(len(rows[i]))]
    return rng.choice(cells) if cells else None


def t_cell(rows: list[list[str]], rng: random.Random) -> None:
    """Replace one to five data cells with odd numbers or text."""
    for _ in range(rng.randint(1, 5)):
        where = _data_cell(rows, rng)
        if where is None:
            return
        i, j = where
        pool = INTERESTING_NUMBERS if rng.random() < 0.7 else INTERESTING_TEXT
        rows[i][j] = rng.choice(pool)


def t_header_unit(rows: list[list[str]], rng: random.Random) -> None:
    """Change, add or remove the unit of a header cell, or rename a header."""
    if not rows or not rows[0]:
        return
    j = rng.randrange(len(rows[0]))
    head = rows[0][j]
    base = re.split(r"[\[(]", head, maxsplit=1)[0].strip()
    op = rng.randrange(5)
    if op == 0:
        rows[0][j] = f"{base} [{rng.choice(UNITS)}]"
    elif op == 1:
        rows[0][j] = f"{base} ({rng.choice(UNITS)})"
    elif op == 2:
        rows[0][j] = base
    elif op == 3:
        names = ("", "time", "waktu [hari]", "suhu (°C)", "temperature", "replicate", "ulangan",
                 "batch", "rh [%]", "Time", "Temp (°F)", "No.")  # fmt: skip
        odd = (head.upper(), f"{head} {head}", "\ufeff" + head, f" {head} ")
        rows[0][j] = rng.choice(names + odd)
    else:
        rows[0][j] = head + rng.choice(INTERESTING_TEXT)


def t_header_dup(rows: list[list[str]], rng: random.Random) -> None:
    """Give two columns the same header, or paste a second header row."""
    if not rows or len(rows[0]) < 2:
        return
    if rng.random() < 0.5:
        i, j = rng.sample(range(len(rows[0])), 2)
        rows[0][j] = rows[0][i]
    else:
        merged = [c if rng.random() < 0.5 else "" for c in rows[0]]
        rows.insert(rng.choice((0, 1)), merged)


def t_rows(rows: list[list[str]], rng: random.Random) -> None:
    """Duplicate, delete, shuffle or reverse data rows, or add blank and metadata rows."""
    if len(rows) < 2:
        return
    body = rows[1:]
    op = rng.randrange(6)
    if op == 0:
        body.insert(rng.randrange(len(body) + 1), list(rng.choice(body)))
    elif op == 1:
        del body[rng.randrange(len(body)) : rng.randrange(len(body)) + rng.randint(1, 10)]
    elif op == 2:
        rng.shuffle(body)
    elif op == 3:
        body.reverse()
    elif op == 4:
        body.insert(rng.randrange(len(body) + 1), [""] * len(rows[0]))
    else:
        rows.insert(
            0, [rng.choice(("Lab:", "Note", "Dibuat oleh", ">>Serial: 1", "sep=;"))] + [""]
        )
        return
    rows[1:] = body


def t_columns(rows: list[list[str]], rng: random.Random) -> None:
    """Delete, duplicate or swap a column, blank it, make it constant, or add one."""
    width = max((len(r) for r in rows), default=0)
    if width == 0 or width > 2000:  # padding every row to a huge width: a 1 GB file
        return
    j, k = rng.randrange(width), rng.randrange(width)
    op = rng.randrange(6)
    for i, row in enumerate(rows):
        row += [""] * (width - len(row))
        if op == 0:
            del row[j]
        elif op == 1:
            row.insert(k, row[j])
        elif op == 2:
            row[j], row[k] = row[k], row[j]
        elif op == 3 and i > 0:
            row[j] = ""
        elif op == 4 and i > 0:
            row[j] = rows[1][j] if len(rows) > 1 else "1"
        elif op == 5:
            row.append(
                rng.choice(("extra", "note", "1", "")) if i == 0 else rng.choice(("1", "x", ""))
            )


def t_ragged(rows: list[list[str]], rng: random.Random) -> None:
    """Give some rows extra cells or drop their last cells."""
    for _ in range(rng.randint(1, 4)):
        if not rows:
            return
        row = rng.choice(rows)
        if rng.random() < 0.5:
            row += [rng.choice(("1", "", "x", "2,5"))] * rng.randint(1, 3)
        elif row:
            del row[rng.randrange(len(row)) :]


def t_values(rows: list[list[str]], rng: random.Random) -> None:
    """Scale a numeric column by a factor (°C written as K, % as fraction, days as weeks)."""
    width = max((len(r) for r in rows), default=0)
    if width == 0:
        return
    j = rng.randrange(width)
    factor, shift = rng.choice(
        ((1.0, 273.15), (1.8, 32.0), (0.01, 0.0), (100.0, 0.0), (1 / 7, 0.0), (-1.0, 0.0),
         (1e6, 0.0), (1.0, -1000.0))
    )  # fmt: skip
    for row in rows[1:]:
        if j < len(row):
            try:
                row[j] = repr(float(row[j].replace(",", ".")) * factor + shift)
            except ValueError:
                continue


TABLE_MUTATIONS = (
    (t_cell, 4),
    (t_header_unit, 2),
    (t_header_dup, 1),
    (t_rows, 2),
    (t_columns, 1.5),
    (t_ragged, 1),
    (t_values, 1),
)


def write_rows(rows: list[list[str]], rng: random.Random, delimiter: str) -> bytes:
    """Write rows as CSV: the same or another delimiter, decimal commas, quoting, encoding."""
    if rng.random() < 0.3:
        delimiter = rng.choice((",", ";", "\t"))
    if delimiter != "," and rng.random() < 0.5:
        rows = [[re.sub(r"^(-?\d+)\.(\d+)$", r"\1,\2", c) for c in r] for r in rows]
    out = io.StringIO(newline="")
    quoting = rng.choice(
        (csv.QUOTE_MINIMAL, csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC)
    )
    writer = csv.writer(
        out, delimiter=delimiter, quoting=quoting, lineterminator=rng.choice(("\n", "\r\n"))
    )
    for row in rows:
        try:
            writer.writerow(row)
        except (csv.Error, ValueError):
            writer.writerow([c.replace("\x00", "") for c in row])
    encoding = rng.choice(("utf-8", "utf-8", "utf-8", "utf-8-sig", "cp1252", "utf-16"))
    return out.getvalue().encode(encoding, "replace")


def _cell_value(text: str, rng: random.Random) -> Any:
    """A spreadsheet cell for ``text``: mostly a number when it is one, sometimes odd types."""
    roll = rng.random()
    if roll < 0.03:
        return rng.choice(
            (True, False, datetime.datetime(2027, 1, 4, 8, 30), datetime.date(1900, 1, 1),
             datetime.time(12, 0), "=1/0", "=A1", float("nan"), 1e308, -0.0)
        )  # fmt: skip
    if roll < 0.1:
        return text
    try:
        number = float(text)
    except ValueError:
        return text
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def write_xlsx(rows: list[list[str]], rng: random.Random) -> bytes:
    """The rows as an XLSX workbook (cells typed as Excel would), sometimes with a second sheet."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = (
        rng.choice(("Data", "Sheet1", "data", "Lembar1", "Data " * 6))[:31].strip() or "Data"
    )
    for row in rows[:2000]:
        values = []
        for cell in row[:4000]:  # wide, yet inside what openpyxl parses in a second or two
            value = _cell_value(cell, rng)
            if isinstance(value, str):
                value = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", value)[:32767]
            if isinstance(value, float) and not math.isfinite(value):
                value = str(value)
            values.append(value)
        sheet.append(values)
    if rng.random() < 0.1:
        book.create_sheet(rng.choice(("Notes", "Catatan", "Data (2)")))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def x_member(data: bytes, rng: random.Random) -> bytes:
    """Mutate one member of an XLSX zip (the sheet XML, shared strings, workbook, types)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as src:
            members = {info.filename: src.read(info) for info in src.infolist()}
    except zipfile.BadZipFile:
        return data
    name = rng.choice(sorted(members))
    for preferred in ("xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml"):
        if preferred in members and rng.random() < 0.4:
            name = preferred
            break
    mutation = _pick(rng, BYTE_MUTATIONS)
    members[name] = mutation(members[name], rng)
    if rng.random() < 0.05:
        del members[rng.choice(sorted(members))]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for member, content in members.items():
            dst.writestr(member, content)
    return out.getvalue()


def mutate_table(data: bytes, rng: random.Random, *, xlsx: bool) -> tuple[bytes, list[str]]:
    """Cell- and row-level mutations, written back as CSV or (if allowed) XLSX."""
    rows, delimiter = parse_rows(data)
    names = []
    for _ in range(rng.randint(1, 3)):
        mutation = _pick(rng, TABLE_MUTATIONS)
        mutation(rows, rng)
        names.append(mutation.__name__)
    if xlsx and rng.random() < 0.3:
        out = write_xlsx(rows, rng)
        names.append("write_xlsx")
        if rng.random() < 0.25:
            if rng.random() < 0.7:
                out = x_member(out, rng)
                names.append("x_member")
            else:
                mutation = _pick(rng, BYTE_MUTATIONS)
                out = mutation(out, rng)
                names.append(f"xlsx:{mutation.__name__}")
        return out, names
    return write_rows(rows, rng, delimiter), names


# ----------------------------------------------------------------------------- TOML

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _toml_string(key)


def _toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def toml_value(value: Any) -> str:
    """A value in TOML inline syntax (tables as inline tables)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    return _toml_string(str(value))


def dump_toml(document: dict[str, Any]) -> str:
    """A TOML document: scalars first, then ``[tables]`` and ``[[arrays of tables]]``."""
    lines: list[str] = []

    def emit(table: dict[str, Any], prefix: str) -> None:
        nested = []
        for key, value in table.items():
            if isinstance(value, dict) or (
                isinstance(value, list) and value and all(isinstance(v, dict) for v in value)
            ):
                nested.append((key, value))
            else:
                lines.append(f"{_toml_key(key)} = {toml_value(value)}")
        for key, value in nested:
            path = f"{prefix}.{_toml_key(key)}" if prefix else _toml_key(key)
            if isinstance(value, dict):
                lines.extend(("", f"[{path}]"))
                emit(value, path)
            else:
                for item in value:
                    lines.extend(("", f"[[{path}]]"))
                    emit(item, path)

    emit(document, "")
    return "\n".join(lines) + "\n"


def _paths(node: Any, *, depth: int = 40) -> list[tuple]:
    """Every path (tuple of keys and indices) into a parsed document, down to ``depth``."""
    out: list[tuple] = []
    stack: list[tuple[tuple, Any]] = [((), node)]
    while stack:
        prefix, value = stack.pop()
        if prefix:
            out.append(prefix)
        if len(prefix) >= depth:
            continue
        if isinstance(value, dict):
            stack.extend(((*prefix, k), v) for k, v in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend(((*prefix, i), v) for i, v in reversed(list(enumerate(value))))
    return out


def _parent(document: Any, path: tuple) -> Any:
    node = document
    for step in path[:-1]:
        node = node[step]
    return node


def _other_type(value: Any, rng: random.Random) -> Any:
    """A value of another TOML type than ``value``."""
    choices = [
        lambda: rng.choice(INTERESTING_TEXT + UNITS),
        lambda: f"{rng.choice(INTERESTING_NUMBERS)} {rng.choice(UNITS)}",
        lambda: rng.choice((0, -1, 1, 2, 3, 10**18, -(2**63), 2**63 - 1, 10**30)),
        lambda: rng.choice((0.0, -0.0, 1e-320, 1e308, -1e308, 0.5, 3.7, float("nan"), float("inf"),
                            float("-inf"))),  # fmt: skip
        lambda: rng.choice((True, False)),
        lambda: rng.choice((datetime.date(2027, 1, 4), datetime.datetime(2027, 1, 4, 8, 0),
                            datetime.time(8, 0), datetime.date(1, 1, 1),
                            datetime.date(9999, 12, 31))),
        lambda: [],
        lambda: [value] if not isinstance(value, list) else value[:1] * 3,
        lambda: [1, "a", 2.5],
        lambda: {},
        lambda: {"value": value, "unit": "degC"},
    ]  # fmt: skip
    return rng.choice(choices)()


def _set(document: Any, path: tuple, value: Any) -> None:
    _parent(document, path)[path[-1]] = value


def d_type_swap(document: dict, rng: random.Random) -> None:
    """Give a key or array item a value of another type (string, number, array, table...)."""
    paths = _paths(document)
    if paths:
        path = rng.choice(paths)
        _set(document, path, _other_type(_parent(document, path)[path[-1]], rng))


def d_delete(document: dict, rng: random.Random) -> None:
    """Delete a key or an array item."""
    paths = _paths(document)
    if paths:
        path = rng.choice(paths)
        del _parent(document, path)[path[-1]]


def d_unknown_key(document: dict, rng: random.Random) -> None:
    """Add an unknown key (a typo of a neighbour, an old name, or any word) to a table."""
    tables = [
        p for p in [(), *_paths(document)] if isinstance(_parent(document, (*p, None)), dict)
    ]
    path = rng.choice(tables)
    table = _parent(document, (*path, None))
    neighbours = [k for k in table if isinstance(k, str)]
    key = rng.choice(("unit", "limit", "Limit", "storage", "data", "extra", "x", "", " ",
                      "schema_version", "ëa", "a.b", "__class__", "__init__", "model_config",
                      "model_fields"))  # fmt: skip
    if neighbours and rng.random() < 0.5:
        base = rng.choice(neighbours)
        key = rng.choice((base + "s", base[:-1], base.upper(), base.replace("_", "-"), " " + base))
    table[key] = _other_type(None, rng)


def d_number(document: dict, rng: random.Random) -> None:
    """Replace a number (or a number in a quantity string) with an extreme or odd value."""
    paths = [
        p for p in _paths(document) if isinstance(_parent(document, p)[p[-1]], (int, float, str))
    ]
    if not paths:
        return
    path = rng.choice(paths)
    value = _parent(document, path)[path[-1]]
    if isinstance(value, str):
        new = re.sub(r"-?\d+(?:\.\d+)?", lambda m: rng.choice(INTERESTING_NUMBERS), value, count=1)
    else:
        new = _other_type(value, rng) if rng.random() < 0.2 else rng.choice(
            (0, -1, 1e308, -1e308, float("nan"), float("inf"), 1e-320, 10**20, 2**63 - 1, -0.0,
             value * 1000, -value))  # fmt: skip
    _set(document, path, new)


def d_unit(document: dict, rng: random.Random) -> None:
    """Change the unit of a quantity string ("30 degC" -> "30 furlong", "30", "30 °F °F")."""
    paths = [p for p in _paths(document) if isinstance(_parent(document, p)[p[-1]], str)]
    if not paths:
        return
    path = rng.choice(paths)
    value = _parent(document, path)[path[-1]]
    number = re.match(r"\s*-?[\d.,eE+]+", value)
    head = number.group(0).strip() if number else rng.choice(("30", "1", "0", "-5"))
    op = rng.randrange(4)
    if op == 0:
        new = f"{head} {rng.choice(UNITS)}"
    elif op == 1:
        new = head
    elif op == 2:
        new = f"{value} {rng.choice(UNITS)}"
    else:
        new = rng.choice(UNITS)
    _set(document, path, new)


def d_duplicate_item(document: dict, rng: random.Random) -> None:
    """Duplicate an item of an array (an attribute, a chamber, a phrase) or empty the array."""
    arrays = [p for p in _paths(document) if isinstance(_parent(document, p)[p[-1]], list)]
    if not arrays:
        return
    path = rng.choice(arrays)
    items = _parent(document, path)[path[-1]]
    if items and rng.random() < 0.7:
        items.insert(
            rng.randrange(len(items) + 1), json.loads(json.dumps(rng.choice(items), default=str))
        )
    else:
        items.clear()


def d_nest(document: dict, rng: random.Random) -> None:
    """Put a deeply nested array or table (depth 10 to 100) at a random place."""
    depth = rng.choice((10, 30, 100))
    value: Any = 1
    for _ in range(depth):
        value = [value] if rng.random() < 0.5 else {"a": value}
    paths = _paths(document)
    if paths and rng.random() < 0.7:
        _set(document, rng.choice(paths), value)
    else:
        document["nested"] = value


DOC_MUTATIONS = (
    (d_type_swap, 4),
    (d_delete, 2),
    (d_unknown_key, 2),
    (d_number, 3),
    (d_unit, 3),
    (d_duplicate_item, 1),
    (d_nest, 0.5),
)


def r_deep_toml(data: bytes, rng: random.Random) -> bytes:
    """Append deeply nested TOML text (arrays or inline tables, depth up to 100,000)."""
    depth = rng.choice((50, 500, 1000, 5000, 100_000))
    if rng.random() < 0.5:
        text = "deep = " + "[" * depth + "]" * depth
    else:
        text = "deep = " + "{a = " * depth + "1" + "}" * depth
    if rng.random() < 0.3:
        text = "[" + ".".join(["t"] * min(depth, 5000)) + "]\nx = 1"
    return data + b"\n" + text.encode("ascii") + b"\n"


def r_toml_text(data: bytes, rng: random.Random) -> bytes:
    """Text edits that keep TOML parseable more often: quotes, brackets, equals, comments."""
    text = data.decode("utf-8", "replace")
    op = rng.randrange(5)
    if op == 0:
        text = text.replace('"', "'", rng.randint(1, 20))
    elif op == 1:
        text = re.sub(r"^\[(\w+)\]", r"[[\1]]", text, count=1, flags=re.M)
    elif op == 2:
        text = re.sub(r"^\[\[(\w+)\]\]", r"[\1]", text, count=1, flags=re.M)
    elif op == 3:
        lines = text.splitlines()
        if lines:
            i = rng.randrange(len(lines))
            lines.insert(i, lines[i])  # a key or table defined twice
        text = "\n".join(lines)
    else:
        text = re.sub(
            r"= *(\d+(?:\.\d+)?)", lambda m: f'= "{m.group(1)}"', text, count=rng.randint(1, 5)
        )
    return text.encode("utf-8", "surrogatepass")


def mutate_toml(data: bytes, rng: random.Random) -> tuple[bytes, list[str]]:
    """Structural mutations of the parsed document (written back as TOML), or text ones."""
    roll = rng.random()
    if roll < 0.55:
        try:
            document = tomllib.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError, ValueError):
            document = None  # (ValueError: an integer beyond Python's 4300-digit limit)
        if document is not None:
            names = []
            try:
                for _ in range(rng.randint(1, 3)):
                    mutation = _pick(rng, DOC_MUTATIONS)
                    mutation(document, rng)
                    names.append(mutation.__name__)
                return dump_toml(document).encode("utf-8", "surrogatepass"), names
            except RecursionError:  # an already deeply nested document: mutate its bytes
                pass
    if roll < 0.58:
        return r_deep_toml(data, rng), ["r_deep_toml"]
    if roll < 0.70:
        return r_toml_text(data, rng), ["r_toml_text"]
    mutation = _pick(rng, BYTE_MUTATIONS)
    return mutation(data, rng), [mutation.__name__]


# ================================================================================== cases


@dataclass
class Case:
    """One generated input: the seed it came from, its files and the mutations applied."""

    reader: str
    index: int
    seed: Seed
    files: dict[str, bytes]
    mutations: list[str]

    def write(self, folder: Path) -> None:
        """Write the files of the input into ``folder``."""
        for rel, content in self.files.items():
            path = folder / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)


def make_case(reader: str, index: int, seed: int) -> Case:
    """Input ``index`` of ``reader`` for run seed ``seed`` (deterministic)."""
    rng = random.Random(f"{seed}/{reader}/{index}")
    spec = READERS[reader]
    base = rng.choice(seeds_of(reader))
    files = dict(base.files)
    mutable = sorted(base.kinds)
    targets = [rng.choice(mutable)]
    if len(mutable) > 1 and rng.random() < 0.15:
        targets = mutable
    mutations = []
    for rel in targets:
        kind = base.kinds[rel]
        data = files[rel]
        rounds = rng.choices((1, 2, 3, 4), (5, 3, 1.5, 0.5))[0]
        for _ in range(rounds):
            try:
                if kind == "toml":
                    new, names = mutate_toml(data, rng)
                elif kind == "table" and rng.random() < 0.5:
                    new, names = mutate_table(data, rng, xlsx=spec.xlsx)
                else:
                    mutation = _pick(rng, BYTE_MUTATIONS)
                    new, names = mutation(data, rng), [mutation.__name__]
            except Exception as exc:  # noqa: BLE001 - a mutation that cannot apply is skipped
                mutations.append(f"{rel}:skipped({type(exc).__name__})")
                continue
            data = new
            mutations += [f"{rel}:{n}" for n in names]
            if data.startswith(b"PK") and any("xlsx" in n for n in names):
                break  # further text mutations of a workbook are byte mutations already tried
        if len(data) > MAX_INPUT_BYTES:  # stacked long lines: keep inputs a lab could send
            data = data[:MAX_INPUT_BYTES]
            mutations.append(f"{rel}:cut_to_{MAX_INPUT_BYTES}_bytes")
        files[rel] = data
    return Case(reader, index, base, files, mutations)


# ================================================================================ running


#: The limit per input counts the CPU time of the process (``ITIMER_PROF``), not the wall
#: clock: on a shared machine a slow input is not a hang. Anything that blocks without
#: using the CPU is caught by the parent's watchdog (wall clock).
_TIMER, _SIGNAL = signal.ITIMER_PROF, signal.SIGPROF


class Timeout(BaseException):  # noqa: N818 - not an error the readers may catch
    """Raised by the alarm when an input takes longer than the time limit."""


def _alarm(signum: int, frame: Any) -> None:
    raise Timeout()


def _where(exc: BaseException) -> str:
    """``file:line function`` of the innermost frame of the package (or the last frame)."""
    frames = traceback.extract_tb(exc.__traceback__)
    inside = [f for f in frames if "/shelflife/" in f.filename.replace(os.sep, "/")]
    frame = (inside or frames or [None])[-1]
    if frame is None:
        return "?"
    path = frame.filename.replace(os.sep, "/")
    path = path.split("/shelflife/", 1)[-1] if "/shelflife/" in path else Path(path).name
    return f"{path}:{frame.lineno} {frame.name}"


@dataclass
class Outcome:
    """What one input did: outcome, error code or failure signature, warnings, seconds."""

    outcome: str
    detail: str = ""
    warnings: tuple[str, ...] = ()
    seconds: float = 0.0
    trace: str = ""


def execute(case: Case, folder: Path, timeout: float) -> Outcome:
    """Write the input into ``folder``, run its reader with an alarm, classify the result."""
    from shelflife.errors import ShelfLifeError, ShelfLifeWarning
    from shelflife.messages import MESSAGES

    spec = READERS[case.reader]
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    case.write(folder)
    start = time.perf_counter()
    caught: list[warnings.WarningMessage] = []
    previous = signal.signal(_SIGNAL, _alarm)
    signal.setitimer(_TIMER, timeout)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = spec.run(folder, case.seed)
            problem = spec.check(result)
        signal.setitimer(_TIMER, 0)
        outcome = Outcome("ok") if problem is None else Outcome("invalid", problem)
    except Timeout:
        outcome = Outcome("hang", f"over {timeout:g} s of CPU time")
    except ShelfLifeError as exc:
        signal.setitimer(_TIMER, 0)
        outcome = Outcome("error", exc.code)
        if exc.code not in MESSAGES:
            outcome = Outcome("invalid", f"error code {exc.code!r} not in the message catalogue")
        else:
            try:
                exc.render("id")
            except Exception as render_exc:  # noqa: BLE001 - any failure is reported
                outcome = Outcome("invalid", f"message {exc.code} does not render: {render_exc!r}")
    except (Exception, RecursionError, MemoryError, SystemExit) as exc:  # noqa: BLE001
        signal.setitimer(_TIMER, 0)
        outcome = Outcome(
            "crash", f"{type(exc).__name__} at {_where(exc)}", trace=traceback.format_exc()
        )
    finally:
        signal.setitimer(_TIMER, 0)
        signal.signal(_SIGNAL, previous)
    outcome.seconds = time.perf_counter() - start
    kinds = []
    for w in caught:
        category = w.category
        name = category.__name__
        if issubclass(category, ShelfLifeWarning):
            kinds.append(name)
        else:  # a library's warning reaching the user: say where it comes from
            where = str(w.filename).replace(os.sep, "/").split("/site-packages/")[-1]
            kinds.append(f"foreign:{name} at {where.split('/shelflife/')[-1]}:{w.lineno}")
    outcome.warnings = tuple(sorted(set(kinds)))
    return outcome


def _worker(conn: multiprocessing.connection.Connection, seed: int, timeout: float) -> None:
    """Worker process: receives ``(reader, start, stop)`` ranges, sends one outcome per input."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    base = Path(tempfile.mkdtemp(prefix="shelflife-fuzz-"))
    try:
        while True:
            task = conn.recv()
            if task is None:
                break
            reader, start, stop = task
            for index in range(start, stop):
                case = make_case(reader, index, seed)
                outcome = execute(case, base / "case", timeout)
                conn.send((reader, index, outcome))
            conn.send(("done", start, stop))
    finally:
        shutil.rmtree(base, ignore_errors=True)


# ================================================================================ results


@dataclass
class Tally:
    """Counts for one reader."""

    inputs: int = 0
    outcomes: Counter = field(default_factory=Counter)
    codes: Counter = field(default_factory=Counter)
    failures: Counter = field(default_factory=Counter)
    warnings: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    slowest: float = 0.0

    def add(self, outcome: Outcome) -> None:
        """Count one outcome."""
        self.inputs += 1
        self.outcomes[outcome.outcome] += 1
        if outcome.outcome == "error":
            self.codes[outcome.detail] += 1
        elif outcome.outcome in FAILURES:
            self.failures[f"{outcome.outcome}: {outcome.detail}"] += 1
        for w in outcome.warnings:
            self.warnings[w] += 1
        self.seconds += outcome.seconds
        self.slowest = max(self.slowest, outcome.seconds)

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "inputs": self.inputs,
            "outcomes": {k: self.outcomes.get(k, 0) for k in OUTCOMES},
            "error_codes": dict(self.codes.most_common()),
            "failures": dict(self.failures.most_common()),
            "warnings": dict(self.warnings.most_common()),
            "reader_seconds": round(self.seconds, 3),
            "slowest_seconds": round(self.slowest, 3),
        }


def save_failure(out: Path, case: Case, outcome: Outcome, seed: int, kept: Counter) -> None:
    """Write a failing input and how to reproduce it to ``out/READER-INDEX/``."""
    signature = f"{case.reader}|{outcome.outcome}|{outcome.detail}"
    kept[signature] += 1
    if kept[signature] > KEEP_PER_SIGNATURE:
        return
    folder = out / f"{case.reader}-{case.index}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    case.write(folder / "input")
    entry = case.seed.entry or "."
    text = [
        f"reader: {case.reader} (seed input {case.seed.name}; reader given input/{entry})",
        f"outcome: {outcome.outcome}: {outcome.detail}",
        f"mutations: {', '.join(case.mutations)}",
        f"reproduce: python scripts/fuzz_readers.py --reader {case.reader} --seed {seed} "
        f"--case {case.index}",
        "",
        outcome.trace,
    ]
    (folder / "failure.txt").write_text("\n".join(text), encoding="utf-8")


def format_tables(tallies: dict[str, Tally], *, codes: int = 12) -> str:
    """Markdown tables: outcomes per reader, then the most frequent error codes per reader."""
    head = (
        "| reader | inputs | ok | toolkit error | crash | hang | invalid "
        "| reader time [s] | slowest [s] |"
    )
    lines = [head, "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    total = Tally()
    for name, tally in tallies.items():
        o = tally.outcomes
        lines.append(
            f"| {name} | {tally.inputs} | {o['ok']} | {o['error']} | {o['crash']} | {o['hang']} "
            f"| {o['invalid']} | {tally.seconds:.1f} | {tally.slowest:.2f} |"
        )
        total.inputs += tally.inputs
        total.outcomes.update(tally.outcomes)
        total.seconds += tally.seconds
        total.slowest = max(total.slowest, tally.slowest)
    o = total.outcomes
    lines.append(
        f"| **all** | **{total.inputs}** | {o['ok']} | {o['error']} | {o['crash']} | {o['hang']} "
        f"| {o['invalid']} | {total.seconds:.1f} | {total.slowest:.2f} |"
    )
    for name, tally in tallies.items():
        lines += ["", f"**{name}**: {len(tally.codes)} distinct error codes; most frequent:", ""]
        lines += ["| error code | inputs |", "|---|---:|"]
        lines += [f"| `{code}` | {n} |" for code, n in tally.codes.most_common(codes)]
        if len(tally.codes) > codes:
            rest = sum(n for _, n in tally.codes.most_common()[codes:])
            lines.append(f"| ({len(tally.codes) - codes} other codes) | {rest} |")
        if tally.warnings:
            shown = ", ".join(f"{w} ({n})" for w, n in tally.warnings.most_common())
            lines += ["", f"Warnings (inputs): {shown}."]
        if tally.failures:
            lines += ["", "| failure | inputs |", "|---|---:|"]
            lines += [f"| {f} | {n} |" for f, n in tally.failures.most_common()]
    return "\n".join(lines)


# ==================================================================================== main


def _spawn(context: Any, seed: int, timeout: float) -> tuple[Any, Any]:
    parent, child = context.Pipe()
    process = context.Process(target=_worker, args=(child, seed, timeout), daemon=True)
    process.start()
    child.close()
    return process, parent


def run(
    readers: list[str],
    runs: int,
    seed: int,
    *,
    jobs: int = 1,
    timeout: float = 5.0,
    out: Path | None = None,
    chunk: int = 100,
    progress: bool = False,
) -> dict[str, Tally]:
    """Run ``runs`` inputs per reader on ``jobs`` worker processes.

    Parameters
    ----------
    readers : list of str
        Names in :data:`READERS`.
    runs : int
        Inputs per reader.
    seed : int
        Run seed; input ``i`` of reader ``r`` depends only on ``(seed, r, i)``.
    jobs : int
        Worker processes.
    timeout : float
        CPU-time limit per input [s] (a timer in the worker; a watchdog kills a worker that
        does not answer within twice the limit plus 10 s and counts a hang).
    out : pathlib.Path, optional
        Folder for failing inputs.
    chunk : int
        Inputs per task sent to a worker.
    progress : bool
        Print a line per finished task on standard error.

    Returns
    -------
    dict of str to Tally
    """
    context = multiprocessing.get_context("fork")
    for name in readers:
        seeds_of(name)  # load before forking: the workers share them
    tasks = [
        (name, start, min(start + chunk, runs))
        for name in readers
        for start in range(0, runs, chunk)
    ]
    tasks.reverse()
    tallies = {name: Tally() for name in readers}
    kept: Counter = Counter()
    workers: dict[Any, dict[str, Any]] = {}

    def give(state: dict[str, Any]) -> None:
        if tasks:
            state["task"] = tasks.pop()
            state["next"] = state["task"][1]
            state["conn"].send(state["task"])
        else:
            state["task"] = None
        state["since"] = time.monotonic()

    def start_worker() -> dict[str, Any]:
        process, conn = _spawn(context, seed, timeout)
        state = {"process": process, "conn": conn, "task": None}
        workers[conn] = state
        return state

    for _ in range(max(1, min(jobs, len(tasks)))):
        give(start_worker())
    done = 0
    while any(s["task"] is not None for s in workers.values()):
        busy = [c for c, s in workers.items() if s["task"] is not None]
        ready = multiprocessing.connection.wait(busy, timeout=1.0)
        for conn in ready:
            state = workers[conn]
            try:
                message = conn.recv()
            except EOFError:
                message = None
            if message is None:  # the worker died (killed by the system, segfault...)
                _worker_lost(state, "crash", "worker process died", tallies, out, seed, kept)
                _replace(state, workers, start_worker, give)
                continue
            if message[0] == "done":
                done += 1
                if progress:
                    name, start, stop = state["task"]
                    print(f"[{done}] {name} {start}-{stop}", file=sys.stderr, flush=True)
                give(state)
                continue
            reader, index, outcome = message
            tallies[reader].add(outcome)
            state["next"] = index + 1
            state["since"] = time.monotonic()
            if outcome.outcome in FAILURES and out is not None:
                save_failure(out, make_case(reader, index, seed), outcome, seed, kept)
        now = time.monotonic()
        for state in list(workers.values()):
            # a message waiting in the pipe is progress the parent has not read yet (it may
            # have been busy writing a failing input): not a hang
            stale = now - state["since"] > 2 * timeout + 10
            if state["task"] is not None and stale and not state["conn"].poll():
                _worker_lost(
                    state,
                    "hang",
                    f"over {2 * timeout + 10:g} s (watchdog)",
                    tallies,
                    out,
                    seed,
                    kept,
                )
                _replace(state, workers, start_worker, give)
    for state in workers.values():
        try:
            state["conn"].send(None)
        except (BrokenPipeError, OSError):
            pass
        state["process"].join(timeout=5)
        if state["process"].is_alive():
            state["process"].kill()
    return tallies


def _worker_lost(state, outcome, detail, tallies, out, seed, kept) -> None:
    """Count the input a worker was on when it died or hung; keep the rest of its task."""
    reader, _, stop = state["task"]
    index = state["next"]
    result = Outcome(outcome, detail, seconds=time.monotonic() - state["since"])
    tallies[reader].add(result)
    if out is not None:
        save_failure(out, make_case(reader, index, seed), result, seed, kept)
    state["rest"] = (reader, index + 1, stop) if index + 1 < stop else None


def _replace(state, workers, start_worker, give) -> None:
    """Kill a lost worker and start a new one on the rest of its task."""
    state["process"].kill()
    state["process"].join(timeout=5)
    del workers[state["conn"]]
    fresh = start_worker()
    if state.get("rest") is not None:
        fresh["task"] = state["rest"]
        fresh["next"] = state["rest"][1]
        fresh["conn"].send(fresh["task"])
        fresh["since"] = time.monotonic()
    else:
        give(fresh)


def replay(reader: str, index: int, seed: int, timeout: float, keep: Path | None) -> int:
    """Run one input in this process and print what happened (``--case``)."""
    case = make_case(reader, index, seed)
    folder = keep or Path(tempfile.mkdtemp(prefix="shelflife-fuzz-case-"))
    outcome = execute(case, folder, timeout)
    print(f"reader {reader}, input {index} (seed {seed}) from {case.seed.name}")
    print(f"mutations: {', '.join(case.mutations)}")
    print(f"files: {folder}")
    print(f"outcome: {outcome.outcome} {outcome.detail} ({outcome.seconds:.3f} s)")
    if outcome.warnings:
        print(f"warnings: {', '.join(outcome.warnings)}")
    if outcome.trace:
        print(outcome.trace)
    if keep is None:
        shutil.rmtree(folder, ignore_errors=True)
    return 1 if outcome.outcome in FAILURES else 0


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--runs", type=int, default=1000, help="inputs per reader (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="run seed (default 1)")
    parser.add_argument("--reader", default="all", help="reader name or 'all' (see --list)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    parser.add_argument(
        "--timeout", type=float, default=5.0, help="CPU seconds per input (default 5)"
    )
    parser.add_argument("--out", type=Path, default=Path("fuzz-failures"),
                        help="folder for failing inputs (default ./fuzz-failures)")  # fmt: skip
    parser.add_argument("--json", type=Path, help="also write the counts as JSON to this file")
    parser.add_argument("--case", type=int, help="replay one input in this process")
    parser.add_argument("--keep", type=Path, help="with --case: write the input to this folder")
    parser.add_argument("--progress", action="store_true", help="report each finished task")
    parser.add_argument("--list", action="store_true", help="list the readers and exit")
    args = parser.parse_args(argv)
    if args.list:
        for reader in READERS.values():
            print(f"{reader.name:10} {reader.help} ({len(seeds_of(reader.name))} seeds)")
        return 0
    names = list(READERS) if args.reader == "all" else args.reader.split(",")
    unknown = [n for n in names if n not in READERS]
    if unknown:
        parser.error(f"unknown reader {', '.join(unknown)}; choose from {', '.join(READERS)}")
    if args.case is not None:
        if len(names) != 1:
            parser.error("--case needs one --reader")
        return replay(names[0], args.case, args.seed, args.timeout, args.keep)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    started = time.perf_counter()
    tallies = run(names, args.runs, args.seed, jobs=args.jobs, timeout=args.timeout,
                  out=args.out, progress=args.progress)  # fmt: skip
    wall = time.perf_counter() - started
    total = sum(t.inputs for t in tallies.values())
    failed = sum(t.outcomes[k] for t in tallies.values() for k in FAILURES)
    command = " ".join(
        ["python scripts/fuzz_readers.py", *(argv if argv is not None else sys.argv[1:])]
    )
    print(f"{command}\n{total} inputs in {wall:.1f} s wall time on {args.jobs} worker(s); "
          f"{failed} failing\n")  # fmt: skip
    print(format_tables(tallies))
    if args.json:
        payload = {
            "command": command,
            "seed": args.seed,
            "runs_per_reader": args.runs,
            "jobs": args.jobs,
            "timeout": args.timeout,
            "wall_seconds": round(wall, 1),
            "python": sys.version.split()[0],
            "readers": {k: v.to_dict() for k, v in tallies.items()},
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    if failed:
        print(
            f"\n{failed} failing inputs; the first of each kind are in {args.out}/",
            file=sys.stderr,
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
