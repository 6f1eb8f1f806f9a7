"""Generate the synthetic real-time (ICH Q1E) sample study ``sample_data/gula-semut-realtime``.

Run from the repository root::

    python scripts/make_realtime_data.py

It writes, overwriting what is there, ``sample_data/gula-semut-realtime/{study.toml,data.csv}``
and prints the true (noise-free) time at which each batch's mean reaches its limit. The
provenance, true values and expected answers are in
``sample_data/gula-semut-realtime/README.md``; keep the two in step.

The data are simulated in plain numpy on purpose: the generator must not depend on the code it
is meant to test. Running the script twice gives byte-identical files (fixed seed, fixed draw
order, fixed number formatting, UTF-8, ``\\n`` line endings).

Design
------
Gula semut (granulated coconut palm sugar) in sealed 250 g PP standing pouches, three production
batches, stored at the long-term condition of climatic zone IVb, 30 °C / 75 % RH, for 18 months.
Pulls at months 0, 3, 6, 9, 12, 15 and 18; every pull is analysed in duplicate (``replicate``
1 and 2), as Indonesian labs usually do ("duplo"). 3 batches x 7 pulls x 2 = 42 rows.

Model (straight lines in storage time, as ICH Q1E assumes)
-----------------------------------------------------------
For batch ``b`` and attribute ``y``::

    y = a_b + s_b * t + e,    e ~ Normal(0, sd),   t in months

rounded to the lab's precision (2 decimals for moisture, 1 for sucrose).

True values (``STUDY`` below)::

  moisture [%]  (rising; limit 3.0 % max)
      intercepts a_b  GS-2401 2.05, GS-2402 2.22, GS-2403 2.10 %
      slope s_b       0.040 %/month for every batch (different intercepts, common slope)
      sd              0.05 %
  sucrose [%]   (falling, inversion of sucrose; limit 90.0 % min)
      intercepts a_b  93.5 % for every batch
      slope s_b       -0.11 %/month for every batch (common intercept, common slope)
      sd              0.35 %

Draw order: one ``numpy.random.default_rng(3743)``; attributes in the order listed; within an
attribute one ``rng.normal`` call drawing the whole column in file order (batch, then month,
then replicate).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "sample_data" / "gula-semut-realtime"

STUDY = {
    "name": "gula-semut-realtime",
    "product": "Gula semut (granulated coconut sugar), 250 g PP standing pouch",
    "seed": 3743,
    "months": [0, 3, 6, 9, 12, 15, 18],
    "replicates": 2,
    "temperature_c": 30,
    "rh_percent": 75,
    "batches": ["GS-2401", "GS-2402", "GS-2403"],
    "attributes": [
        {
            "name": "moisture",
            "label": "Moisture",
            "unit": "%",
            "intercepts": [2.05, 2.22, 2.10],  # % at month 0, per batch
            "slopes": [0.040, 0.040, 0.040],  # %/month, per batch
            "sd": 0.05,
            "decimals": 2,
            "limit": 3.0,  # SNI 01-3743-1995, granulated: water max. 3.0 % b/b
            "direction": "max",
        },
        {
            "name": "sucrose",
            "label": "Sucrose",
            "unit": "%",
            "intercepts": [93.5, 93.5, 93.5],
            "slopes": [-0.11, -0.11, -0.11],
            "sd": 0.35,
            "decimals": 1,
            "limit": 90.0,  # SNI 01-3743-1995, granulated: sugar as sucrose min. 90.0 % b/b
            "direction": "min",
        },
    ],
}


def _fmt(value: float, decimals: int) -> str:
    text = f"{value:.{decimals}f}"
    if text.startswith("-0") and float(text) == 0.0:  # no "-0.00"
        text = text[1:]
    return text


def simulate(spec: dict) -> tuple[list[str], list[list[str]]]:
    """Header and formatted rows of data.csv."""
    rng = np.random.default_rng(spec["seed"])
    batch_idx, months, reps = [], [], []
    for i, _ in enumerate(spec["batches"]):
        for m in spec["months"]:
            for r in range(1, spec["replicates"] + 1):
                batch_idx.append(i)
                months.append(m)
                reps.append(r)
    b = np.array(batch_idx)
    t = np.array(months, dtype=float)
    columns = []
    for attr in spec["attributes"]:
        mean = np.asarray(attr["intercepts"])[b] + np.asarray(attr["slopes"])[b] * t
        y = np.round(mean + rng.normal(0.0, attr["sd"], size=mean.shape), attr["decimals"])
        columns.append([_fmt(v, attr["decimals"]) for v in y])
    header = ["batch", "time [month]", "temperature [°C]", "rh [%]", "replicate"]
    header += [f"{a['name']} [{a['unit']}]" for a in spec["attributes"]]
    rows = []
    for k in range(len(months)):
        row = [
            spec["batches"][batch_idx[k]],
            str(months[k]),
            str(spec["temperature_c"]),
            str(spec["rh_percent"]),
            str(reps[k]),
        ]
        rows.append(row + [col[k] for col in columns])
    return header, rows


def study_toml(spec: dict) -> str:
    """Text of study.toml (DESIGN.md §4, schema_version 1, ``method = "ich_q1e"``)."""
    lines = [
        "# Synthetic study generated by scripts/make_realtime_data.py -- do not edit by hand;",
        "# change the script and rerun it. Provenance: README.md in this folder.",
        "schema_version = 1",
        "",
        "[study]",
        f'name = "{spec["name"]}"',
        f'product = "{spec["product"]}"',
        'data = "data.csv"',
        'method = "ich_q1e"',
    ]
    for attr in spec["attributes"]:
        lines += [
            "",
            "[[attributes]]",
            f'name = "{attr["name"]}"',
            f'label = "{attr["label"]}"',
            f'unit = "{attr["unit"]}"',
            f"limit = {float(attr['limit'])!r}",
            f'direction = "{attr["direction"]}"',
            'model = "zero"',
        ]
    lines += [
        "",
        "[conditions]",
        f'storage = ["{spec["temperature_c"]} degC"]',
        f'rh = "{spec["rh_percent"]} %"',
        "",
    ]
    return "\n".join(lines)


def data_csv(header: list[str], rows: list[list[str]]) -> str:
    """Text of data.csv (comma-separated, decimal point)."""
    out = [",".join(header)] + [",".join(r) for r in rows]
    return "\n".join(out) + "\n"


def true_crossings(spec: dict) -> dict[str, dict[str, float]]:
    """Month at which each batch's true mean line meets the limit, per attribute."""
    out = {}
    for attr in spec["attributes"]:
        out[attr["name"]] = {
            b: (attr["limit"] - a) / s
            for b, a, s in zip(spec["batches"], attr["intercepts"], attr["slopes"], strict=True)
        }
    return out


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def main() -> None:
    """Write the study folder and print the true crossing times."""
    header, rows = simulate(STUDY)
    for name, text in (("study.toml", study_toml(STUDY)), ("data.csv", data_csv(header, rows))):
        path = FOLDER / name
        _write(path, text)
        print(f"wrote {path.relative_to(ROOT)}")
    for attr, crossings in true_crossings(STUDY).items():
        for batch, month in crossings.items():
            print(f"  {attr}, batch {batch}: true mean reaches the limit at {month:.2f} months")


if __name__ == "__main__":
    main()
