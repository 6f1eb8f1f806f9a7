"""Make the protocol sample studies in ``sample_data/`` (issue 4: lab protocols).

Run from the repository root::

    python scripts/make_protocol_samples.py

Each study folder is made the way a lab makes it: ``shelflife.protocols.new_study`` from a
protocol template and a product preset (``study.toml``, ``schedule.csv``, ``schedule.ics`` and
a blank ``data.csv``); then this script fills the blank data sheet as a lab would, cell by
cell, keeping the sheet's rows, order and headers. The folders are deleted and re-created on
every run. The measurements are **synthetic**: simulated from the models and true values
below, so that a correct analysis gives them back roughly. Running the script twice gives
byte-identical files (fixed seeds, fixed draw order, fixed number formatting, UTF-8 except
the Elitech-style logger file, which is latin-1 as the vendor writes it, ``\\n`` line ends).

Model
-----
Arrhenius at T_ref = 30 °C: ``k(T) = k30 * exp(-(Ea/R) * (1/T - 1/303.15 K))``,
R = 8.314462618e-3 kJ/(mol K). Zero order: ``y = y0 + k t``; first order: ``y = y0 exp(k t)``
(all attributes here rise). Each cell = true value + Normal(0, sd), rounded to 2 decimals.

Draw order: one ``numpy.random.default_rng(seed)`` per study; attributes in the order of the
data sheet's columns; within an attribute, one draw per sheet row, top to bottom. A value that
is left blank on purpose is still drawn.

Studies (true values; the README in ``sample_data/`` gives the expected shelf lives)
------------------------------------------------------------------------------------
``keripik-singkong-aslt``: keripik singkong balado, aslt-arrhenius + keripik, 50/40/30 °C,
3 replicates, start 2027-01-04, seed 4031.
    moisture [%]          zero   y0 1.80   k30 0.0100 %/day     Ea 35 kJ/mol  sd 0.06
    free_fatty_acid [%]   zero   y0 0.30   k30 0.0060 %/day     Ea 60 kJ/mol  sd 0.03
    peroxide_value [meq/kg] first y0 1.20  k30 0.0120 1/day     Ea 80 kJ/mol  sd 0.15
``kopi-bubuk-aslt``: kopi bubuk robusta, aslt-arrhenius + kopi_bubuk, 50/40/30 °C,
3 replicates, start 2027-02-01, seed 3542, with three chamber logger files (``loggers/``).
    moisture [%]          zero   y0 2.50   k30 0.0200 %/day     Ea 25 kJ/mol  sd 0.08
``sambal-bawang-aslt``: sambal bawang, aslt-arrhenius + sambal, 40/30/25 °C, 3 replicates,
start 2027-03-03 (a Wednesday), weekend pulls moved to weekdays, seed 2976.
    free_fatty_acid [%]   zero   y0 0.20   k30 0.0080 %/day     Ea 55 kJ/mol  sd 0.025
    total_plate_count [log10 CFU/g] zero y0 2.00 k30 0.0250 log/day Ea 105 kJ/mol sd 0.15
``dodol-apel-aslt``: dodol apel, aslt-arrhenius + dodol, 45/35/25 °C, 3 replicates, start
2027-04-05, seed 2986, study.toml in Bahasa Indonesia. One sample deliberately blank: 35 °C,
pull 7 (day 42), replicate 2 ("pack torn, not analysed"): ``protocol check`` warns.
    moisture [%]          zero   y0 16.0   k30 0.0200 %/day     Ea 30 kJ/mol  sd 0.15
    yeast_mould [log10 CFU/g] zero y0 0.80 k30 0.0080 log/day  Ea 105 kJ/mol sd 0.12

Chamber loggers of ``kopi-bubuk-aslt`` (hourly, from day 0 00:00 to the chamber's last pull
day 23:00, wall-clock UTC+07:00; one ``numpy.random.default_rng(1160)`` drawn 50 °C, 40 °C,
30 °C in turn): reading = set-point + 0.3 sin(2 pi h / 24) + Normal(0, 0.12), one decimal.
- ``logger-50C.txt``: Elitech-style text, latin-1, metadata block, tab-separated, decimal
  commas; the reading of day 10, 03:00 is ``NC`` (missing).
- ``logger-40C.csv``: EasyLog-style CSV, ISO timestamps. **A deliberate power cut** on day 20
  from 10:00 to 16:59 (7 h): the chamber falls towards room temperature (31 °C) and recovers;
  ``protocol check --logger`` reports the excursion. Its effect on the data is ignored.
- ``logger-30C.csv``: HOBO-style CSV, ``Plot Title`` line, ``Date Time, GMT+07:00``,
  month-first timestamps with AM/PM.
"""

from __future__ import annotations

import csv
import datetime
import io
import math
import shutil
from pathlib import Path

import numpy as np

from shelflife.protocols import new_study, read_plan

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "sample_data"
R = 8.314462618e-3  # kJ/(mol K)
T_REF = 303.15

STUDIES = [
    {
        "folder": "keripik-singkong-aslt",
        "template": "aslt-arrhenius",
        "product": "Keripik singkong balado (cassava chips), PP bag 200 g",
        "name": "keripik-singkong-2027-01",
        "start": "2027-01-04",
        "lang": "en",
        "avoid_weekends": False,
        "seed": 4031,
        "truth": {
            "moisture": ("zero", 1.80, 0.0100, 35.0, 0.06),
            "free_fatty_acid": ("zero", 0.30, 0.0060, 60.0, 0.03),
            "peroxide_value": ("first", 1.20, 0.0120, 80.0, 0.15),
        },
        "blank": [],
    },
    {
        "folder": "kopi-bubuk-aslt",
        "template": "aslt-arrhenius",
        "product": "Kopi bubuk robusta Dampit, kraft-aluminium pouch 250 g",
        "name": "kopi-bubuk-2027-02",
        "start": "2027-02-01",
        "lang": "en",
        "avoid_weekends": False,
        "seed": 3542,
        "truth": {"moisture": ("zero", 2.50, 0.0200, 25.0, 0.08)},
        "blank": [],
        "loggers": True,
    },
    {
        "folder": "sambal-bawang-aslt",
        "template": "aslt-arrhenius",
        "product": "Sambal bawang, PET jar 150 g",
        "name": "sambal-bawang-2027-03",
        "start": "2027-03-03",
        "lang": "en",
        "avoid_weekends": True,
        "seed": 2976,
        "truth": {
            "free_fatty_acid": ("zero", 0.20, 0.0080, 55.0, 0.025),
            "total_plate_count": ("zero", 2.00, 0.0250, 105.0, 0.15),
        },
        "blank": [],
    },
    {
        "folder": "dodol-apel-aslt",
        "template": "aslt-arrhenius",
        "product": "Dodol apel Batu, PP box 250 g",
        "name": "dodol-apel-2027-04",
        "start": "2027-04-05",
        "lang": "id",
        "avoid_weekends": False,
        "seed": 2986,
        "truth": {
            "moisture": ("zero", 16.0, 0.0200, 30.0, 0.15),
            "yeast_mould": ("zero", 0.80, 0.0080, 105.0, 0.12),
        },
        # (temperature [°C], storage day, replicate): the sample is left blank
        "blank": [(35.0, 42.0, 2)],
    },
]


def rate(k30: float, ea: float, celsius: float) -> float:
    kelvin = celsius + 273.15
    return k30 * math.exp(-(ea / R) * (1.0 / kelvin - 1.0 / T_REF))


def true_value(order: str, y0: float, k: float, t: float) -> float:
    return y0 + k * t if order == "zero" else y0 * math.exp(k * t)


def fill(folder: Path, spec: dict) -> None:
    """Fill the blank data sheet of ``folder`` as a lab would (same rows, same columns)."""
    plan = read_plan(folder)
    per_unit = plan.protocol.unit_days
    path = folder / plan.data
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    header, body = rows[0], rows[1:]
    i_time, i_temp, i_rep = (header.index(h) for h in header[:2] + ["replicate"])
    rng = np.random.default_rng(spec["seed"])
    blank = {(c, d, r) for c, d, r in spec["blank"]}
    for j, column in enumerate(header):
        name = column.split(" [")[0]
        if name not in spec["truth"]:
            continue
        order, y0, k30, ea, sd = spec["truth"][name]
        noise = rng.normal(0.0, sd, size=len(body))
        for row, e in zip(body, noise, strict=True):
            t = float(row[i_time]) * per_unit
            celsius = float(row[i_temp])
            k = rate(k30, ea, celsius)
            value = true_value(order, y0, k, t) + e
            key = (celsius, round(t, 6), int(row[i_rep]))
            row[j] = "" if key in blank else f"{value:.2f}"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *body])
    path.write_text(out.getvalue(), encoding="utf-8", newline="")


# ------------------------------------------------------------------------------- loggers


def logger_readings(rng, setpoint: float, start: datetime.date, days: int, power_cut=None):
    """Hourly (timestamp, °C) from day 0 00:00 to day ``days`` 23:00."""
    t0 = datetime.datetime.combine(start, datetime.time())
    hours = (days + 1) * 24
    noise = rng.normal(0.0, 0.12, size=hours)
    out = []
    for h in range(hours):
        value = setpoint + 0.3 * math.sin(2 * math.pi * h / 24) + noise[h]
        if power_cut is not None:
            first, length = power_cut
            if first <= h < first + length:  # cooling towards 31 °C, time constant 2 h
                value = 31.0 + (setpoint - 31.0) * math.exp(-(h - first + 1) / 2.0) + noise[h]
            elif first + length <= h < first + length + 3:  # heating back, 3 h
                value = setpoint - (setpoint - 31.0) * 0.35 ** (h - first - length + 1)
                value += noise[h]
        out.append((t0 + datetime.timedelta(hours=h), round(value, 1)))
    return out


def elitech_text(readings, *, missing_hour: int) -> bytes:
    first, last = readings[0][0], readings[-1][0]
    temps = [v for i, (_, v) in enumerate(readings) if i != missing_hour]
    mean = sum(temps) / len(temps)

    def dec(x: float) -> str:
        return f"{x:.1f}".replace(".", ",")

    lines = [
        "Model:\tRC-5",
        "Logger ID:\tEL27050A",
        "Firmware Version:\tV4.3",
        "Trip Code:\tKB-2027-50",
        "Trip Description:\tKopi bubuk ASLT, chamber 50 °C",
        "Start Mode:\tManual Start",
        "Logging Interval:\t60Min",
        "Start Delay:\t0Min",
        "Repeat Start:\tDisable",
        "Timezone:\tUTC +07:00",
        "Stop Mode:\tUsing Button",
        f"First Reading:\t{first:%d-%m-%Y %H:%M:%S}",
        f"Last Reading:\t{last:%d-%m-%Y %H:%M:%S}",
        f"Current Readings:\t{len(readings)}",
        f"Maximum:\t{dec(max(temps))}°C",
        f"Minimum:\t{dec(min(temps))}°C",
        f"Average:\t{dec(mean)}°C",
        "",
        "No.\tTime\t\t°C",
    ]
    for i, (stamp, value) in enumerate(readings, start=1):
        cell = "NC" if i - 1 == missing_hour else dec(value)
        lines.append(f"{i}\t{stamp:%d-%m-%Y}\t{stamp:%H:%M:%S}\t{cell}")
    return ("\n".join(lines) + "\n").encode("latin-1")


def easylog_csv(readings) -> bytes:
    lines = ["Kopi bubuk 40C,Time,Celsius(°C),Serial Number"]
    for i, (stamp, value) in enumerate(readings, start=1):
        serial = ",012704001" if i == 1 else ""
        lines.append(f"{i},{stamp:%Y-%m-%d %H:%M:%S},{value:.1f}{serial}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def hobo_csv(readings) -> bytes:
    lines = [
        '"Plot Title: Kopi bubuk ASLT 30 C"',
        '"#","Date Time, GMT+07:00","Temp, °C (LGR S/N: 20273001, SEN S/N: 20273001)"',
    ]
    for i, (stamp, value) in enumerate(readings, start=1):
        hour12 = stamp.hour % 12 or 12
        ampm = "AM" if stamp.hour < 12 else "PM"
        text = f"{stamp:%m/%d/%y} {hour12:02d}:{stamp:%M:%S} {ampm}"
        lines.append(f"{i},{text},{value:.2f}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_loggers(folder: Path, start: datetime.date) -> None:
    rng = np.random.default_rng(1160)
    target = folder / "loggers"
    target.mkdir()
    r50 = logger_readings(rng, 50.0, start, 28)
    r40 = logger_readings(rng, 40.0, start, 56, power_cut=(20 * 24 + 10, 7))
    r30 = logger_readings(rng, 30.0, start, 112)
    (target / "logger-50C.txt").write_bytes(elitech_text(r50, missing_hour=10 * 24 + 3))
    (target / "logger-40C.csv").write_bytes(easylog_csv(r40))
    (target / "logger-30C.csv").write_bytes(hobo_csv(r30))


def main() -> None:
    for spec in STUDIES:
        folder = OUT / spec["folder"]
        if folder.exists():
            shutil.rmtree(folder)
        made = new_study(
            spec["template"],
            folder,
            start=spec["start"],
            product=spec["product"],
            name=spec["name"],
            lang=spec["lang"],
            avoid_weekends=spec["avoid_weekends"],
        )
        fill(folder, spec)
        if spec.get("loggers"):
            write_loggers(folder, made.plan.start)
        p = made.plan.protocol
        print(f"{spec['folder']}: {p.name} + {p.product.key if p.product else '-'}")
        for name, (order, y0, k30, _ea, _sd) in spec["truth"].items():
            a = next(a for a in p.attributes if a.name == name)
            if order == "zero":
                t30 = (a.limit - y0) / k30
            else:
                t30 = math.log(a.limit / y0) / k30
            print(f"  {name}: limit {a.limit:g} {a.unit}, true shelf life at 30 °C {t30:.1f} days")


if __name__ == "__main__":
    main()
