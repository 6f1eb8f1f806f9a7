"""Generate the synthetic formulation-comparison sample: kerupuk with cassava vs wheat flour.

Run from the repository root::

    python scripts/make_compare_data.py

It writes, overwriting what is there:

- ``sample_data/kerupuk-cassava-vs-wheat/formulation-a/{study.toml,data.csv}``
  (formulation A: local cassava flour)
- ``sample_data/kerupuk-cassava-vs-wheat/formulation-b/{study.toml,data.csv}``
  (formulation B: imported wheat flour)

and prints the closed-form true shelf lives and their ratio B/A. The pair is the input of
``shelflife compare`` (``shelflife/compare.py``); provenance, true values and expected
answers are in ``sample_data/kerupuk-cassava-vs-wheat/README.md``; keep the two in step.

The data are simulated in plain numpy on purpose: the generator must not depend on the code
it is meant to test. Running the script twice gives byte-identical files (fixed seeds, fixed
draw order, fixed number formatting, UTF-8, ``\\n`` line endings).

Model
-----
Rate constant, Arrhenius reparameterised at T_ref = 30 °C::

    k(T) = k_ref * exp(-(Ea / R) * (1/T - 1/T_ref)),   R = 8.314462618e-3 kJ/(mol K),
    T [K] = T [°C] + 273.15

    peroxide value: first order, rising   y = y0 exp(k t)
    moisture:       zero order, rising    y = y0 + k t

Each measurement is the true value plus independent Gaussian noise (constant SD), rounded to
2 decimals. Every (temperature, replicate) series has its own day-0 measurement.

True values (k_ref is the rate at 30 °C; both studies 25/35/45 °C, days 0-42 weekly,
3 replicates, 63 rows)
-----------------------------------------------------------------------------------------
formulation A (cassava), seed 4101:
  peroxide_value [meq/kg]  y0 1.00, k_ref 0.0120 1/day, Ea 80 kJ/mol, SD 0.15, limit 10 (max)
  moisture [%]             y0 2.50, k_ref 0.0070 %/day, Ea 40 kJ/mol, SD 0.08, limit 4.0 (max)
formulation B (wheat), seed 4102:
  peroxide_value [meq/kg]  y0 1.00, k_ref 0.0160 1/day, Ea 70 kJ/mol, SD 0.15, limit 10 (max)
  moisture [%]             identical to A (same package, same truth)

Draw order: one ``numpy.random.default_rng(seed)`` per study; peroxide value first, then
moisture; within an attribute, rows in file order (temperature, then time, then replicate),
one ``rng.normal`` call per attribute drawing the whole column at once.
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
OUT = ROOT / "sample_data" / "kerupuk-cassava-vs-wheat"

TIMES = [0, 7, 14, 21, 28, 35, 42]
TEMPERATURES_C = [25, 35, 45]
REPLICATES = 3
STORAGE = ["30 degC", "25 degC"]

MOISTURE = {
    "name": "moisture",
    "unit": "%",
    "order": "zero",
    "y0": 2.50,
    "k_ref": 0.0070,  # %/day at 30 °C
    "ea": 40.0,  # kJ/mol
    "sd": 0.08,
    "limit": 4.0,
}

STUDIES = {
    "formulation-a": {
        "name": "kerupuk-cassava",
        "product": "Kerupuk (fried crackers), local cassava flour, PP bag",
        "seed": 4101,
        "attributes": [
            {
                "name": "peroxide_value",
                "unit": "meq/kg",
                "order": "first",
                "y0": 1.00,
                "k_ref": 0.0120,  # 1/day at 30 °C
                "ea": 80.0,  # kJ/mol
                "sd": 0.15,
                "limit": 10.0,
            },
            MOISTURE,
        ],
    },
    "formulation-b": {
        "name": "kerupuk-wheat",
        "product": "Kerupuk (fried crackers), imported wheat flour, PP bag",
        "seed": 4102,
        "attributes": [
            {
                "name": "peroxide_value",
                "unit": "meq/kg",
                "order": "first",
                "y0": 1.00,
                "k_ref": 0.0160,  # 1/day at 30 °C
                "ea": 70.0,  # kJ/mol
                "sd": 0.15,
                "limit": 10.0,
            },
            MOISTURE,
        ],
    },
}


def rate(k_ref: float, ea: float, temp_c: np.ndarray | float) -> np.ndarray:
    """Arrhenius rate at ``temp_c`` [°C] from the rate at T_REF_C and Ea [kJ/mol]."""
    t_k = np.asarray(temp_c, dtype=float) + ZERO_C
    return k_ref * np.exp(-(ea / R_KJ) * (1.0 / t_k - 1.0 / (T_REF_C + ZERO_C)))


def true_value(attr: dict, t: np.ndarray, temp_c: np.ndarray) -> np.ndarray:
    """Noise-free value at times ``t`` [day] and temperatures ``temp_c`` [°C] (rising)."""
    k = rate(attr["k_ref"], attr["ea"], temp_c)
    if attr["order"] == "zero":
        return attr["y0"] + k * t
    return attr["y0"] * np.exp(k * t)


def true_shelf_life(attr: dict, temp_c: float) -> float:
    """Closed-form time to reach the limit at ``temp_c`` [day]."""
    k = float(rate(attr["k_ref"], attr["ea"], temp_c))
    if attr["order"] == "zero":
        return (attr["limit"] - attr["y0"]) / k
    return math.log(attr["limit"] / attr["y0"]) / k


def simulate(spec: dict) -> str:
    """Text of data.csv for one study."""
    rng = np.random.default_rng(spec["seed"])
    rows = [
        (t, temp, rep)
        for temp in TEMPERATURES_C
        for t in TIMES
        for rep in range(1, REPLICATES + 1)
    ]
    times = np.array([r[0] for r in rows], dtype=float)
    temps = np.array([r[1] for r in rows], dtype=float)
    columns = []
    for attr in spec["attributes"]:
        mean = true_value(attr, times, temps)
        y = np.round(mean + rng.normal(0.0, attr["sd"], size=mean.shape), 2)
        if np.any(y <= 0):
            raise RuntimeError(f"{attr['name']}: non-positive simulated value; change the seed")
        columns.append([f"{v:.2f}" for v in y])
    header = ["time [day]", "temperature [°C]", "replicate"]
    header += [f"{a['name']} [{a['unit']}]" for a in spec["attributes"]]
    lines = [",".join(header)]
    for i, (t, temp, rep) in enumerate(rows):
        lines.append(",".join([str(t), str(temp), str(rep), *(col[i] for col in columns)]))
    return "\n".join(lines) + "\n"


def study_toml(spec: dict) -> str:
    """Text of study.toml (DESIGN.md §4, schema_version 1)."""
    lines = [
        "# Synthetic study generated by scripts/make_compare_data.py -- do not edit by hand;",
        "# change the script and rerun it. Provenance: sample_data/kerupuk-cassava-vs-wheat/"
        "README.md.",
        "schema_version = 1",
        "",
        "[study]",
        f'name = "{spec["name"]}"',
        f'product = "{spec["product"]}"',
        'data = "data.csv"',
    ]
    for attr in spec["attributes"]:
        lines += [
            "",
            "[[attributes]]",
            f'name = "{attr["name"]}"',
            f'unit = "{attr["unit"]}"',
            f"limit = {float(attr['limit'])!r}",
            'direction = "max"',
            'model = "auto"',
            'temperature_model = "arrhenius"',
        ]
    storage = ", ".join(f'"{s}"' for s in STORAGE)
    lines += ["", "[conditions]", f"storage = [{storage}]", ""]
    return "\n".join(lines)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def main() -> None:
    """Write both study folders and print the true shelf lives and their ratio."""
    for folder, spec in STUDIES.items():
        for fname, text in (("study.toml", study_toml(spec)), ("data.csv", simulate(spec))):
            path = OUT / folder / fname
            _write(path, text)
            print(f"wrote {path.relative_to(ROOT)}")
    a, b = (STUDIES[f]["attributes"] for f in ("formulation-a", "formulation-b"))
    for attr_a, attr_b in zip(a, b, strict=True):
        for temp in (25.0, 30.0):
            ta, tb = true_shelf_life(attr_a, temp), true_shelf_life(attr_b, temp)
            print(
                f"  {attr_a['name']} at {temp:g} °C: A {ta:.1f} d, B {tb:.1f} d, "
                f"B/A {tb / ta:.4f}, B - A {tb - ta:.1f} d"
            )


if __name__ == "__main__":
    main()
