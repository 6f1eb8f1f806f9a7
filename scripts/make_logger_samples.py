"""Make the example data-logger exports in ``sample_data/loggers/``.

Run from the repository root::

    python scripts/make_logger_samples.py

Two **synthetic** exports, written the way the vendors' software writes them, for trying
:func:`shelflife.loggers.read_logger` and :meth:`LoggerData.to_profile`:

``elitech-kontainer-surabaya-rotterdam.txt``
    An Elitech RC-5+ text export (latin-1, CRLF, tab-separated, decimal commas, date and
    time in separate columns) from a 20-ft dry container of kopi bubuk shipped from
    Surabaya (Tanjung Perak) to Rotterdam: 30 days every 30 min from 2027-05-03 08:00
    (logger clock UTC+07:00), three ``NC`` readings. The metadata block states the
    maximum, minimum, average and the mean kinetic temperature (MKT, USP <1079.2>,
    dH/R = 83.144 kJ/mol / R) computed as shelflife does: each valid reading holds until the
    next valid one, the last one only closes the history.
``easylog-gudang-sidoarjo-2minggu.csv``
    A Lascar EasyLog EL-USB-2 CSV (UTF-8, CRLF, ISO stamps, serial on the first row) from a
    finished-goods warehouse in Sidoarjo: 14 days every 15 min from 2027-06-07 00:00,
    temperature and relative humidity with a daily cycle.

Temperature model (container): piecewise-linear between route anchors (day, °C), plus a
daily swing whose amplitude depends on the leg, plus Normal(0, 0.3 °C) noise, rounded to
0.1 °C. Seeds: 1079 (container), 2023 (warehouse); one ``numpy.random.default_rng`` per
file, draws in time order. The script uses numpy only; running it twice gives
byte-identical files.
"""

from __future__ import annotations

import datetime
import math
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "sample_data" / "loggers"

ELITECH = "elitech-kontainer-surabaya-rotterdam.txt"
EASYLOG = "easylog-gudang-sidoarjo-2minggu.csv"
DH_OVER_R = 83.144e3 / 8.314462618  # USP <1079.2> [K]

#: (day of the trip, mean °C, daily half-swing °C)
ROUTE = [
    (0.0, 31.0, 4.0),  # Tanjung Perak, waiting on the quay
    (2.0, 30.0, 1.5),  # Java Sea, Singapore
    (14.0, 29.0, 1.5),  # Indian Ocean
    (15.5, 34.0, 3.0),  # Red Sea
    (17.0, 30.0, 2.5),  # Suez
    (22.0, 23.0, 2.0),  # Mediterranean
    (27.0, 15.0, 1.5),  # Atlantic, Channel
    (30.0, 14.0, 3.5),  # Rotterdam
]


def _mkt(seconds: np.ndarray, celsius: np.ndarray) -> float:
    """MKT [°C] of valid readings, each holding until the next one."""
    durations = np.diff(seconds)
    kelvin = celsius[:-1] + 273.15
    mean = np.sum(durations * np.exp(-DH_OVER_R / kelvin)) / np.sum(durations)
    return DH_OVER_R / -math.log(mean) - 273.15


def _dec(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")


def container() -> bytes:
    rng = np.random.default_rng(1079)
    start = datetime.datetime(2027, 5, 3, 8, 0)
    n = 30 * 48
    days = np.arange(n) / 48.0
    anchors = np.array([a[0] for a in ROUTE])
    mean = np.interp(days, anchors, [a[1] for a in ROUTE])
    swing = np.interp(days, anchors, [a[2] for a in ROUTE])
    hour = (8.0 + days * 24.0) % 24.0
    temp = mean + swing * np.sin(2 * np.pi * (hour - 9.0) / 24.0) + rng.normal(0, 0.3, n)
    temp = np.round(temp, 1)
    rh = np.round(np.clip(75.0 - 0.8 * (temp - 28.0) + rng.normal(0, 1.5, n), 40, 95), 1)
    missing = {517, 518, 1203}  # a loose sensor plug
    valid = np.array([i not in missing for i in range(n)])
    seconds = days * 86400.0
    mkt = _mkt(seconds[valid], temp[valid])
    last = start + datetime.timedelta(minutes=30 * (n - 1))
    good = temp[valid]
    meta = [
        ("Model", "RC-5+"),
        ("Logger ID", "EC2705031"),
        ("Firmware Version", "V1.6"),
        ("Trip Code", "SUB-RTM-2705"),
        ("Trip Description", "Kopi bubuk 20' dry container Surabaya - Rotterdam"),
        ("Start Mode", "Manual Start"),
        ("Logging Interval", "30Min"),
        ("Start Delay", "0Min"),
        ("Repeat Start", "Disable"),
        ("Timezone", "UTC +07:00"),
        ("Stop Mode", "Using Button"),
        ("First Reading", f"{start:%d-%m-%Y %H:%M:%S}"),
        ("Last Reading", f"{last:%d-%m-%Y %H:%M:%S}"),
        ("Current Readings", str(n)),
        ("Logging Duration", "30D0H0M"),
        ("Maximum", f"{_dec(good.max())}°C"),
        ("Minimum", f"{_dec(good.min())}°C"),
        ("Average", f"{_dec(good.mean())}°C"),
        ("Mean Kinetic Temperature", f"{_dec(mkt)}°C"),
    ]
    lines = [f"{k}:\t{v}" for k, v in meta] + ["", "No.\tTime\t\t°C\t%RH"]
    for i in range(n):
        t = start + datetime.timedelta(minutes=30 * i)
        value = "NC" if i in missing else _dec(temp[i])
        lines.append(f"{i + 1}\t{t:%d-%m-%Y}\t{t:%H:%M:%S}\t{value}\t{_dec(rh[i])}")
    return ("\r\n".join(lines) + "\r\n").encode("latin-1")


def warehouse() -> bytes:
    rng = np.random.default_rng(2023)
    start = datetime.datetime(2027, 6, 7, 0, 0)
    n = 14 * 96
    hours = np.arange(n) / 4.0
    daily = np.sin(2 * np.pi * (hours % 24.0 - 9.0) / 24.0)
    temp = np.round(30.5 + 2.5 * daily + rng.normal(0, 0.25, n), 1)
    rh = np.round(np.clip(72.0 - 6.0 * daily + rng.normal(0, 1.0, n), 0, 100), 1)
    a, b = 17.62, 243.12  # Magnus dew point
    gamma = np.log(rh / 100.0) + a * temp / (b + temp)
    dew = np.round(b * gamma / (a - gamma), 1)
    lines = ["Gudang Sidoarjo,Time,Celsius(°C),Humidity(%rh),Dew Point(°C),Serial Number"]
    for i in range(n):
        t = start + datetime.timedelta(minutes=15 * i)
        row = f"{i + 1},{t:%Y-%m-%d %H:%M:%S},{temp[i]:.1f},{rh[i]:.1f},{dew[i]:.1f}"
        lines.append(row + (",010456782" if i == 0 else ""))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / ELITECH).write_bytes(container())
    (OUT / EASYLOG).write_bytes(warehouse())
    for name in (ELITECH, EASYLOG):
        print(f"{OUT / name}: {(OUT / name).stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
