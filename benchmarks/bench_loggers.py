"""Benchmark of the data-logger readers (issue: full data-logger readers; not part of the tests).

Run from the repository root after installing the project:

    python benchmarks/bench_loggers.py

Writes a year of one-minute readings (525,600 lines) in each of three vendor styles to a
temporary folder and prints, per style, the time to write the file and the median wall
time of :func:`shelflife.loggers.read_logger` (target: under 1 s on a 2-core machine),
then the median time of :meth:`LoggerData.to_profile` (target: well under 100 ms):

- **Elitech** text: latin-1, metadata block, tab-separated ``No. Time <clock> °C %RH``,
  day-first dates in their own column, decimal commas, a few ``NC``;
- **EasyLog** CSV: ISO stamps, ``Celsius(°C),Humidity(%rh),Dew Point(°C)``, the serial on
  the first row;
- **HOBO** CSV: ``Plot Title``, quoted header with ``GMT-07:00`` and ``LGR S/N``,
  month-first ``%m/%d/%y %I:%M:%S %p`` stamps.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np

N = 525_600  # a year of one-minute readings
REPEAT = 5


def _digits(values: np.ndarray, width: int) -> np.ndarray:
    """Zero-padded decimal digits of non-negative integers as an (n, width) byte matrix."""
    out = np.empty((values.size, width), dtype=np.uint8)
    v = values.astype(np.int64)
    for j in range(width - 1, -1, -1):
        out[:, j] = 48 + v % 10
        v //= 10
    return out


def _text(values: np.ndarray, decimal: bytes) -> np.ndarray:
    """Readings with one decimal (``30.4`` / ``30,4``) as a bytes array."""
    tenths = np.rint(values * 10).astype(np.int64)
    sign = np.where(tenths < 0, b"-", b"")
    whole = (np.abs(tenths) // 10).astype("S")
    frac = (np.abs(tenths) % 10).astype("S")
    return np.char.add(np.char.add(np.char.add(sign, whole), decimal), frac)


def _join(*columns: np.ndarray) -> bytes:
    line = columns[0]
    for col in columns[1:]:
        line = np.char.add(line, col)
    return b"\n".join(line.tolist()) + b"\n"


def _fixed(matrix: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(matrix).view(f"S{matrix.shape[1]}").ravel()


def _clock(minutes: np.ndarray) -> dict[str, np.ndarray]:
    """Date and time pieces of ``2027-01-01 00:00`` + minutes, as digit matrices."""
    t = np.datetime64("2027-01-01T00:00") + minutes.astype("timedelta64[m]")
    days = t.astype("datetime64[D]")
    year = t.astype("datetime64[Y]").astype(np.int64) + 1970
    month = t.astype("datetime64[M]").astype(np.int64) % 12 + 1
    day = (days - days.astype("datetime64[M]")).astype(np.int64) + 1
    hour = (t - days).astype("timedelta64[h]").astype(np.int64)
    minute = (t - t.astype("datetime64[h]")).astype(np.int64)
    return {
        "Y": _digits(year, 4),
        "y": _digits(year % 100, 2),
        "m": _digits(month, 2),
        "d": _digits(day, 2),
        "H": _digits(hour, 2),
        "I": _digits((hour + 11) % 12 + 1, 2),
        "M": _digits(minute, 2),
        "S": _digits(np.zeros_like(minute), 2),
        "p": np.where(
            hour[:, None] < 12, np.frombuffer(b"AM", np.uint8), np.frombuffer(b"PM", np.uint8)
        ),
    }


def _sep(char: bytes, n: int) -> np.ndarray:
    return np.full((n, 1), ord(char), dtype=np.uint8)


def make_files(folder: Path) -> dict[str, tuple[Path, float]]:
    """Write the three files; return ``{style: (path, seconds to write)}``."""
    rng = np.random.default_rng(2027)
    minutes = np.arange(N)
    temp = 30.0 + 2.0 * np.sin(2 * np.pi * minutes / 1440) + rng.normal(0, 0.2, N)
    rh = np.clip(60.0 + 5.0 * np.cos(2 * np.pi * minutes / 1440) + rng.normal(0, 1, N), 0, 100)
    index = (minutes + 1).astype("S")
    c = _clock(minutes)
    n = N
    out = {}

    t0 = time.perf_counter()
    date = _fixed(np.hstack([c["d"], _sep(b"-", n), c["m"], _sep(b"-", n), c["Y"]]))
    clock = _fixed(np.hstack([c["H"], _sep(b":", n), c["M"], _sep(b":", n), c["S"]]))
    temps = _text(temp, b",")
    temps[rng.choice(n, 20, replace=False)] = b"NC"
    head = "\r\n".join(
        [
            "Model:\tRC-5",
            "Logger ID:\tEL27030A",
            "Logging Interval:\t1Min",
            "Timezone:\tUTC +07:00",
            f"Maximum:\t{temp.max():.1f}°C".replace(".", ","),
            "",
            "No.\tTime\t\t°C\t%RH",
            "",
        ]
    ).encode("latin-1")
    body = _join(index, b"\t", date, b"\t", clock, b"\t", temps, b"\t", _text(rh, b","))
    path = folder / "elitech.txt"
    path.write_bytes(head + body)
    out["Elitech text (latin-1, tabs, decimal comma)"] = (path, time.perf_counter() - t0)

    t0 = time.perf_counter()
    stamp = _fixed(
        np.hstack(
            [
                c["Y"], _sep(b"-", n), c["m"], _sep(b"-", n), c["d"], _sep(b" ", n),
                c["H"], _sep(b":", n), c["M"], _sep(b":", n), c["S"],
            ]
        )
    )  # fmt: skip
    serial = np.full(n, b"", dtype="S10")
    serial[0] = b",012704001"
    head = "Chamber 30,Time,Celsius(°C),Humidity(%rh),Dew Point(°C),Serial Number\n".encode()
    body = _join(
        index, b",", stamp, b",", _text(temp, b"."), b",", _text(rh, b"."), b",20.1", serial
    )
    path = folder / "easylog.csv"
    path.write_bytes(head + body)
    out["EasyLog CSV (ISO stamps)"] = (path, time.perf_counter() - t0)

    t0 = time.perf_counter()
    stamp = _fixed(
        np.hstack(
            [
                c["m"], _sep(b"/", n), c["d"], _sep(b"/", n), c["y"], _sep(b" ", n),
                c["I"], _sep(b":", n), c["M"], _sep(b":", n), c["S"], _sep(b" ", n), c["p"],
            ]
        )
    )  # fmt: skip
    head = (
        'Plot Title: chamber 30\n"#","Date Time, GMT-07:00",'
        '"Temp, °C (LGR S/N: 20273001, SEN S/N: 20273001)","RH, % (LGR S/N: 20273001)"\n'
    ).encode()
    body = _join(index, b",", stamp, b",", _text(temp, b"."), b",", _text(rh, b"."))
    path = folder / "hobo.csv"
    path.write_bytes(head + body)
    out["HOBO CSV (AM/PM, month first)"] = (path, time.perf_counter() - t0)
    return out


def _median_time(func, repeat: int = REPEAT) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    from shelflife.loggers import read_logger

    warnings.simplefilter("ignore")
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        files = make_files(Path(tmp))
        read_logger(next(iter(files.values()))[0])  # warm-up: imports
        expected = np.datetime64("2027-01-01T00:00", "ns") + np.arange(N).astype("timedelta64[m]")
        print(f"{N:,} one-minute readings per file (target: parse < 1 s, to_profile < 0.1 s)")
        print(f"{'style':<46}{'size':>9}{'write':>9}{'parse':>9}{'profile':>9}")
        for style, (path, written) in files.items():
            parse = _median_time(lambda p=path: read_logger(p))
            log = read_logger(path)
            assert (log.readings["timestamp"].to_numpy() == expected).all(), style
            profile = _median_time(log.to_profile)
            size = path.stat().st_size / 1e6
            ok &= parse < 1.0 and profile < 0.1
            print(
                f"{style:<46}{size:>7.1f}MB{written:>8.2f}s{parse:>8.3f}s{profile * 1e3:>7.1f}ms"
            )
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
