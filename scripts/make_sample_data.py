"""Generate the synthetic sample study folders shipped with shelflife.

Run from the repository root::

    python scripts/make_sample_data.py

It writes, overwriting what is there:

- ``sample_data/keripik-tempe/{study.toml,data.csv}``
- ``sample_data/fruit-drink-vitamin-c/{study.toml,data.csv}``
- ``shelflife/examples/keripik-tempe/{study.toml,data.csv}`` (a byte-identical copy of the
  bundled example, so ``shelflife demo`` works after ``pip install``)

The data are simulated here in plain numpy on purpose: the generator must not depend on the
code it is meant to test. Running the script twice gives byte-identical files (fixed seeds,
fixed draw order, fixed number formatting, UTF-8, ``\\n`` line endings). Provenance, true values
and the expected answers are in ``sample_data/README.md``; keep the two in step.

Model (the same for every attribute)
------------------------------------
Rate constant, Arrhenius reparameterised at T_ref = 30 °C::

    k(T) = k_ref * exp(-(Ea / R) * (1/T - 1/T_ref)),   R = 8.314462618e-3 kJ/(mol K),
    T [K] = T [°C] + 273.15

Reaction orders (``rising`` for attributes that increase, ``falling`` for those that decrease)::

    zero order,  rising : y = y0 + k t        falling: y = y0 - k t
    first order, rising : y = y0 exp(k t)     falling: y = y0 exp(-k t)

Each measurement is the true value plus independent Gaussian noise with a constant SD, rounded
to the lab precision stated per attribute. Every (temperature, replicate) series gets its own
day-0 measurement (independent noise), as when each chamber's set is analysed at the start.

True values (see ``STUDIES`` below; k_ref is the rate at 30 °C)
---------------------------------------------------------------
keripik-tempe, seed 2602, times in days:
  peroxide_value [meq/kg]  first order rising, y0 1.00, k_ref 0.0140 1/day, Ea 75 kJ/mol,
                           noise SD 0.15 meq/kg, 2 decimals, limit 10 (max)
  moisture [%]             zero order rising,  y0 2.00, k_ref 0.0090 %/day, Ea 40 kJ/mol,
                           noise SD 0.08 %, 2 decimals, limit 4.0 (max)
fruit-drink-vitamin-c, seed 3719, times in weeks:
  vitamin_c [mg/100 g]     first order falling, y0 45.0, k_ref 0.040 1/week, Ea 60 kJ/mol,
                           noise SD 0.80 mg/100 g, 2 decimals, limit 22.5 (min)

Draw order: one ``numpy.random.default_rng(seed)`` per study; attributes in the order listed;
within an attribute, rows in file order (temperature, then time, then replicate), one
``rng.normal`` call per attribute drawing the whole column at once.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

#: Gas constant in kJ/(mol K), the CODATA 2018 value.
R_KJ = 8.314462618e-3
#: Reference temperature for k_ref [°C].
T_REF_C = 30.0
#: Celsius-to-kelvin offset.
ZERO_C = 273.15

ROOT = Path(__file__).resolve().parent.parent

STUDIES = {
    "keripik-tempe": {
        "seed": 2602,
        "time_unit": "day",
        "times": [0, 7, 14, 21, 28, 35, 42],
        "temperatures_c": [25, 35, 45],
        "replicates": 3,
        "sep": ",",
        "decimal": ".",
        "product": "Keripik tempe (fried tempeh chips), PP bag",
        "package": "PP bag (polypropylene), heat-sealed",
        "storage": ["30 degC", "25 degC"],
        "attributes": [
            {
                "name": "peroxide_value",
                "unit": "meq/kg",
                "order": "first",
                "sense": "rising",
                "y0": 1.00,
                "k_ref": 0.0140,  # 1/day at 30 °C
                "ea": 75.0,  # kJ/mol
                "sd": 0.15,
                "decimals": 2,
                "limit": 10.0,
                "limit_source": "BPOM virgin-oil peroxide limit, used by analogy (not a keripik SNI)",
                "direction": "max",
            },
            {
                "name": "moisture",
                "unit": "%",
                "order": "zero",
                "sense": "rising",
                "y0": 2.00,
                "k_ref": 0.0090,  # %/day at 30 °C
                "ea": 40.0,  # kJ/mol
                "sd": 0.08,
                "decimals": 2,
                "limit": 4.0,
                "limit_source": "SNI 2602:2018 Keripik tempe: moisture max. 4 % (secondary copy)",
                "direction": "max",
            },
        ],
        "copies": ["sample_data/keripik-tempe", "shelflife/examples/keripik-tempe"],
    },
    "fruit-drink-vitamin-c": {
        "seed": 3719,
        "time_unit": "week",
        "times": list(range(0, 9)),
        "temperatures_c": [20, 30, 40, 50],
        "replicates": 2,
        "sep": ";",
        "decimal": ",",
        "product": "Sari buah jeruk (bottled orange fruit drink), PET bottle",
        "package": "PET bottle",
        "storage": ["30 degC", "25 degC"],
        "attributes": [
            {
                "name": "vitamin_c",
                "unit": "mg/100 g",
                "order": "first",
                "sense": "falling",
                "y0": 45.0,
                "k_ref": 0.040,  # 1/week at 30 °C
                "ea": 60.0,  # kJ/mol
                "sd": 0.80,
                "decimals": 2,
                "limit": 22.5,  # 50 % of the initial content
                "limit_source": "50 % of the initial vitamin C content (lab's choice)",
                "direction": "min",
            },
        ],
        "copies": ["sample_data/fruit-drink-vitamin-c"],
    },
}


def rate(k_ref: float, ea: float, temp_c: np.ndarray | float) -> np.ndarray:
    """Arrhenius rate at ``temp_c`` [°C] from the rate at T_REF_C and Ea [kJ/mol]."""
    t_k = np.asarray(temp_c, dtype=float) + ZERO_C
    t_ref = T_REF_C + ZERO_C
    return k_ref * np.exp(-(ea / R_KJ) * (1.0 / t_k - 1.0 / t_ref))


def true_value(attr: dict, t: np.ndarray, temp_c: np.ndarray) -> np.ndarray:
    """Noise-free attribute value at times ``t`` and temperatures ``temp_c``."""
    k = rate(attr["k_ref"], attr["ea"], temp_c)
    sign = 1.0 if attr["sense"] == "rising" else -1.0
    if attr["order"] == "zero":
        return attr["y0"] + sign * k * t
    if attr["order"] == "first":
        return attr["y0"] * np.exp(sign * k * t)
    raise ValueError(f"unknown order {attr['order']!r}")


def true_shelf_life(attr: dict, temp_c: float) -> float:
    """Closed-form time to reach the limit at ``temp_c``, in the study's time unit."""
    k = float(rate(attr["k_ref"], attr["ea"], temp_c))
    y0, lim = attr["y0"], attr["limit"]
    if attr["order"] == "zero":
        return abs(lim - y0) / k
    return abs(math.log(lim / y0)) / k


def simulate(spec: dict) -> tuple[list[str], list[list[str]]]:
    """Header and formatted rows (strings) for one study."""
    rng = np.random.default_rng(spec["seed"])
    temps, times, reps = [], [], []
    for temp in spec["temperatures_c"]:
        for t in spec["times"]:
            for r in range(1, spec["replicates"] + 1):
                temps.append(temp)
                times.append(t)
                reps.append(r)
    temps_a = np.array(temps, dtype=float)
    times_a = np.array(times, dtype=float)

    columns = []
    for attr in spec["attributes"]:
        mean = true_value(attr, times_a, temps_a)
        y = mean + rng.normal(0.0, attr["sd"], size=mean.shape)
        y = np.round(y, attr["decimals"])
        if np.any(y <= 0):
            raise RuntimeError(f"{attr['name']}: non-positive simulated value; change the seed")
        columns.append([_fmt(v, attr["decimals"], spec["decimal"]) for v in y])

    header = [f"time [{spec['time_unit']}]", "temperature [°C]", "replicate"]
    header += [f"{a['name']} [{a['unit']}]" for a in spec["attributes"]]
    rows = []
    for i in range(len(temps)):
        row = [str(times[i]), str(temps[i]), str(reps[i])]
        row += [col[i] for col in columns]
        rows.append(row)
    return header, rows


def _fmt(value: float, decimals: int, decimal: str) -> str:
    text = f"{value:.{decimals}f}"
    if text.startswith("-0") and float(text) == 0.0:  # no "-0.00"
        text = text[1:]
    return text.replace(".", decimal)


def _toml_number(x: float) -> str:
    return repr(float(x))


def study_toml(name: str, spec: dict) -> str:
    """Text of study.toml (DESIGN.md §4, schema_version 1)."""
    lines = [
        "# Synthetic study generated by scripts/make_sample_data.py -- do not edit by hand;",
        "# change the script and rerun it. Provenance: sample_data/README.md.",
        "schema_version = 1",
        "",
        "[study]",
        f'name = "{name}"',
        f'product = "{spec["product"]}"',
        *([f'package = "{spec["package"]}"'] if spec.get("package") else []),
        'data = "data.csv"',
    ]
    for attr in spec["attributes"]:
        lines += [
            "",
            "[[attributes]]",
            f'name = "{attr["name"]}"',
            f'unit = "{attr["unit"]}"',
            f"limit = {_toml_number(attr['limit'])}",
            *([f'limit_source = "{attr["limit_source"]}"'] if attr.get("limit_source") else []),
            f'direction = "{attr["direction"]}"',
            'model = "auto"',
            'temperature_model = "arrhenius"',
        ]
    storage = ", ".join(f'"{s}"' for s in spec["storage"])
    lines += ["", "[conditions]", f"storage = [{storage}]", ""]
    return "\n".join(lines)


def data_csv(header: list[str], rows: list[list[str]], sep: str) -> str:
    """Text of data.csv (no quoting needed: no field contains the separator)."""
    out = [sep.join(header)] + [sep.join(r) for r in rows]
    for line in out:
        if line.count(sep) != len(header) - 1:
            raise RuntimeError(f"separator clash in line {line!r}")
    return "\n".join(out) + "\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def main() -> None:
    """Write every study folder and print the closed-form true shelf lives."""
    for name, spec in STUDIES.items():
        header, rows = simulate(spec)
        files = {
            "study.toml": study_toml(name, spec),
            "data.csv": data_csv(header, rows, spec["sep"]),
        }
        for folder in spec["copies"]:
            for fname, text in files.items():
                path = ROOT / folder / fname
                _write(path, text)
                print(f"wrote {path.relative_to(ROOT)}")
        for attr in spec["attributes"]:
            for temp in (30.0, 25.0):
                ts = true_shelf_life(attr, temp)
                print(
                    f"  {name}/{attr['name']}: true shelf life at {temp:g} °C = "
                    f"{ts:.1f} {spec['time_unit']}"
                )


if __name__ == "__main__":
    main()
